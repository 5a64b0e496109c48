"""The batch path equals the exact path, row by row, for every method."""

from __future__ import annotations

import re
from typing import Any

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import korelect
from korelect import Condition, DistrictSeats, Entry, Kind, VoteShare
from korelect.engine.batch.apportion import allocate_many
from korelect.errors import AllocationError, InputError
from strategies import thresholds


@st.composite
def batches(draw: st.DrawFn, *, max_runs: int = 6) -> dict[str, object]:
    """A batch with the inputs that break allocation code: ties, near-ties, zeros, buckets."""
    cols = draw(st.integers(1, 8))
    runs = draw(st.integers(1, max_runs))
    style = draw(st.sampled_from(["small", "wide", "near-tie", "huge"]))
    rows = []
    for _ in range(runs):
        if style == "small":  # equal values everywhere: exact ties on remainders and quotients
            pool = draw(st.lists(st.integers(0, 6), min_size=1, max_size=3))
            row = [draw(st.sampled_from(pool)) for _ in range(cols)]
        elif style == "wide":
            row = draw(st.lists(st.integers(0, 10**6), min_size=cols, max_size=cols))
        elif style == "near-tie":  # tie-heavy ratios scaled up, then nudged by one vote
            scale = draw(st.sampled_from([10**9, 10**12, 3 * 10**14]))
            base = draw(st.lists(st.integers(0, 6), min_size=cols, max_size=cols))
            nudge = draw(st.lists(st.integers(-1, 1), min_size=cols, max_size=cols))
            row = [max(0, b * scale + n) for b, n in zip(base, nudge, strict=True)]
        else:  # past int64 once multiplied: the Python-int fallback
            row = draw(st.lists(st.integers(0, 2**61), min_size=cols, max_size=cols))
        rows.append(row)
    kinds = draw(
        st.lists(
            st.sampled_from([Kind.PARTY, Kind.PARTY, Kind.INDEPENDENT, Kind.OTHER]),
            min_size=cols,
            max_size=cols,
        )
    )
    per_run = draw(st.booleans())
    shape = (runs, cols) if per_run else (cols,)
    seats_drawn = np.array(
        draw(st.lists(st.integers(0, 8), min_size=runs * cols, max_size=runs * cols))
    ).reshape(runs, cols)
    seats_drawn[:, [k is Kind.OTHER for k in kinds]] = 0
    district = seats_drawn if per_run else seats_drawn[0]
    threshold = draw(st.none() | thresholds | st.sampled_from(["3% OR 5 seats", "5%"]))
    extra = draw(st.none() | st.lists(st.integers(0, 1000), min_size=runs, max_size=runs))
    return {
        "votes": np.array(rows, dtype=object if style == "huge" else np.int64),
        "kinds": kinds,
        "district": np.asarray(district).reshape(shape),
        "threshold": threshold,
        "extra": extra,
    }


def exact_rows(batch: dict[str, object], seats: int, method: str) -> list[object]:
    """Each row by korelect.apportion with list-order ties: (seats, tied) or the error."""
    votes = np.asarray(batch["votes"])
    district = np.broadcast_to(np.asarray(batch["district"]), votes.shape)
    kinds: list[Kind] = batch["kinds"]  # type: ignore[assignment]
    extra = batch["extra"]
    out: list[object] = []
    for i, row in enumerate(votes):
        entries = [
            Entry(f"c{j}", int(v), int(district[i, j]), kind=kinds[j]) for j, v in enumerate(row)
        ]
        total = None if extra is None else sum(int(v) for v in row) + extra[i]  # type: ignore[index]
        try:
            r = korelect.apportion(
                entries,
                seats,
                method,
                threshold=batch["threshold"],  # type: ignore[arg-type]
                ties="list-order",
                total=total,
            )
        except AllocationError as e:
            out.append(e)
            continue
        out.append(([r.seats[f"c{j}"] for j in range(len(row))], bool(r.ties)))
    return out


def batch_call(batch: dict[str, object], seats: int, method: str) -> tuple[np.ndarray, np.ndarray]:
    votes = np.asarray(batch["votes"])
    extra = batch["extra"]
    total = None
    if extra is not None:
        total = np.array(
            [sum(int(v) for v in row) + e for row, e in zip(votes, extra, strict=True)],
            dtype=object,
        )
    return allocate_many(
        votes,
        seats,
        method=method,
        threshold=batch["threshold"],  # type: ignore[arg-type]
        district_seats=batch["district"],  # type: ignore[arg-type]
        parties=np.array([k is Kind.PARTY for k in batch["kinds"]]),  # type: ignore[attr-defined]
        total=total,
        return_ties=True,
    )


@pytest.mark.parametrize("method", korelect.METHODS)
@settings(max_examples=150)
@given(batch=batches(), seats=st.integers(0, 30))
def test_batch_equals_exact(method: str, batch: dict[str, object], seats: int) -> None:
    expected = exact_rows(batch, seats, method)
    errors = [i for i, e in enumerate(expected) if isinstance(e, AllocationError)]
    if errors:
        with pytest.raises(AllocationError, match=f"run {errors[0]}:"):
            batch_call(batch, seats, method)
        return
    got, tied = batch_call(batch, seats, method)
    assert got.dtype == np.int64
    assert (got.sum(axis=1) == seats).all()
    for i, row in enumerate(expected):
        assert isinstance(row, tuple)
        assert got[i].tolist() == row[0], (i, method)
        assert bool(tied[i]) == row[1], (i, method)


@pytest.mark.parametrize("method", korelect.METHODS)
def test_constructed_ties_and_near_ties(method: str) -> None:
    big = 10**12
    votes = np.array(
        [
            [1, 1, 1, 1],
            [3 * big, 2 * big, big, 0],
            [3 * big + 1, 2 * big, big - 1, 0],
            [3 * big - 1, 2 * big + 1, big, 7],
            [5, 5, 0, 0],
        ]
    )
    for seats in (1, 2, 3, 5, 6, 11):
        got, tied = allocate_many(votes, seats, method=method, return_ties=True)
        for i, row in enumerate(votes):
            r = korelect.apportion(
                {f"c{j}": int(v) for j, v in enumerate(row)}, seats, method, ties="list-order"
            )
            assert got[i].tolist() == list(r.seats.values())
            assert bool(tied[i]) == bool(r.ties)


def test_exact_tie_goes_to_the_lower_column_and_is_flagged() -> None:
    seats, tied = allocate_many(np.array([[2, 2, 2], [3, 2, 1]]), 1, return_ties=True)
    assert seats.tolist() == [[1, 0, 0], [1, 0, 0]]
    assert tied.tolist() == [True, False]


def test_threshold_at_least_and_non_parties() -> None:
    votes = np.array([[3, 50, 47], [2, 50, 48]])
    got = allocate_many(votes, 10, threshold=VoteShare("3%"), parties=np.array([True, True, False]))
    assert got.tolist() == [[1, 9, 0], [0, 10, 0]]
    cond: Condition = VoteShare("3%") | DistrictSeats(5)
    mask = np.array([True, True, False])
    got = allocate_many(votes, 30, threshold=cond, parties=mask)
    assert got[1].tolist() == [0, 30, 0]
    got = allocate_many(votes, 30, threshold=cond, district_seats=np.array([5, 0, 0]), parties=mask)
    assert got[1].tolist() == [1, 29, 0]
    assert allocate_many(votes, 10, threshold="3%", total=np.array([200, 100]))[0, 0] == 0


def test_zero_seats_and_zero_runs() -> None:
    assert allocate_many(np.array([[0, 0]]), 0).tolist() == [[0, 0]]
    assert allocate_many(np.zeros((0, 3), dtype=np.int64), 5).shape == (0, 3)


@pytest.mark.parametrize(
    ("votes", "kwargs", "message"),
    [
        (np.array([1, 2]), {}, "2-d array"),
        (np.zeros((2, 0), dtype=np.int64), {}, "at least one column"),
        (np.array([[1.5, 2.0]]), {}, "integer array"),
        (np.array([[1, -3]]), {}, r">= 0 \(got -3 at index \(0, 1\)\)"),
        (np.array([[1, 2]]), {"method": "borda"}, "'method' must be one of"),
        (np.array([[1, 2]]), {"ties": "lot"}, "'ties' must be 'order'"),
        (np.array([[1, 2]]), {"parties": [1, 0]}, "'parties' must be a boolean"),
        (np.array([[1, 2]]), {"district_seats": np.array([1, 2, 3])}, "'district_seats'"),
        (np.array([[1, 2]]), {"total": np.array([2])}, "'total' must be at least"),
        (np.array([[1, 2]]), {"threshold": 3}, "'threshold' must be"),
        (np.array([[1, 2]]), {"threshold": "3 parsecs"}, "cannot read"),
    ],
)
def test_bad_input(votes: np.ndarray, kwargs: dict[str, object], message: str) -> None:
    with pytest.raises(InputError, match=message):
        allocate_many(votes, 3, **kwargs)  # type: ignore[arg-type]


def test_no_qualifying_votes_names_the_run() -> None:
    with pytest.raises(AllocationError, match="run 1:"):
        allocate_many(np.array([[5, 5], [0, 9]]), 3, parties=np.array([True, False]))


def test_large_batch() -> None:
    rng = np.random.default_rng(7)
    votes = rng.integers(0, 1_000_000, size=(20_000, 8))
    votes[:, 7] = rng.integers(0, 50_000, size=20_000)
    for method in korelect.METHODS:
        got = allocate_many(votes, 47, method=method, threshold="3% OR 5 seats")
        assert got.shape == votes.shape
        assert (got.sum(axis=1) == 47).all()
        for i in rng.choice(len(votes), size=25, replace=False):
            r = korelect.apportion(
                {f"c{j}": int(v) for j, v in enumerate(votes[i])},
                47,
                method,
                threshold="3% OR 5 seats",
                ties="list-order",
            )
            assert got[i].tolist() == list(r.seats.values())


# -- the quota methods' float64 fast path -------------------------------------------------

QUOTA_METHODS = ["hare", "droop", "hagenbach-bischoff", "imperiali"]


@st.composite
def boundary_batches(draw: st.DrawFn) -> tuple[dict[str, object], int]:
    """Rows where ``v * D / V`` lands exactly on an integer or a hair (one vote) from one,
    huge counts (up to 10**12, still on the float path), all-zero-but-one rows, and vote
    shares exactly at 3%, or one vote below."""
    seats = draw(st.integers(1, 30))
    cols = draw(st.integers(1, 8))
    runs = draw(st.integers(1, 6))
    rows = []
    for _ in range(runs):
        kind = draw(st.sampled_from(["on", "hair", "huge", "one", "3%"]))
        if kind in ("on", "hair"):
            # Seats for D = S, S + 1 or S + 2 (Hare, HB, Imperiali) times a unit: v * D / V
            # is then a whole number; a one-vote nudge puts it a hair off.
            target = seats + draw(st.integers(0, 2))
            cuts = sorted(
                draw(st.lists(st.integers(0, target), min_size=cols - 1, max_size=cols - 1))
            )
            parts = [b - a for a, b in zip([0, *cuts], [*cuts, target], strict=True)]
            unit = draw(st.sampled_from([1, 2, 7, 1000, 10**6 + 3, 10**9 + 7, 10**11]))
            row = [p * unit for p in parts]
            if kind == "hair":
                nudge = draw(st.lists(st.integers(-1, 1), min_size=cols, max_size=cols))
                row = [max(0, v + n) for v, n in zip(row, nudge, strict=True)]
        elif kind == "huge":
            row = draw(st.lists(st.integers(0, 10**12), min_size=cols, max_size=cols))
        elif kind == "one":
            row = [0] * cols
            row[draw(st.integers(0, cols - 1))] = draw(st.integers(1, 10**12))
        else:  # 3% of the row exactly, and 3% less one vote
            m = draw(st.integers(1, 10**9))
            row = [3 * m, 3 * m - 1, 94 * m + 1, 0, 0, 0, 0, 0][:cols]
            if cols < 3:
                row = [3 * m, 97 * m][:cols]
        rows.append(row)
    kinds = draw(
        st.lists(
            st.sampled_from([Kind.PARTY, Kind.PARTY, Kind.OTHER]), min_size=cols, max_size=cols
        )
    )
    batch: dict[str, object] = {
        "votes": np.array(rows, dtype=np.int64),
        "kinds": kinds,
        "district": np.zeros(cols, dtype=np.int64),
        "threshold": draw(st.sampled_from([None, "3%", "5%", "3% OR 5 seats", "0%"])),
        "extra": draw(st.none() | st.lists(st.integers(0, 1000), min_size=runs, max_size=runs)),
    }
    return batch, seats


@pytest.mark.parametrize("method", QUOTA_METHODS)
@settings(max_examples=200)
@given(case=boundary_batches())
def test_float_path_on_integer_boundaries(method: str, case: tuple[dict[str, object], int]) -> None:
    batch, seats = case
    expected = exact_rows(batch, seats, method)
    errors = [i for i, e in enumerate(expected) if isinstance(e, AllocationError)]
    if errors:
        with pytest.raises(AllocationError, match=f"run {errors[0]}:"):
            batch_call(batch, seats, method)
        return
    got, tied = batch_call(batch, seats, method)
    for i, row in enumerate(expected):
        assert isinstance(row, tuple)
        assert got[i].tolist() == row[0], (i, method)
        assert bool(tied[i]) == row[1], (i, method)


def mixed_votes(rng: np.random.Generator, runs: int, cols: int) -> np.ndarray:
    """Random vote vectors with many ties, near-ties, zero rows removed, and small parties."""
    votes = np.floor(rng.dirichlet(np.full(cols, 0.8), size=runs) * 2_000_000).astype(np.int64)
    n = runs // 5
    votes[:n] = rng.integers(0, 4, size=(n, cols))  # small counts: exact ties
    votes[n : 2 * n] = rng.integers(0, 4, size=(n, cols)) * 10**9 + rng.integers(-1, 2, (n, cols))
    votes[2 * n : 3 * n, 0] = 0
    votes = np.maximum(votes, 0)
    votes[votes.sum(axis=1) == 0, 0] = 1
    return votes


def seats_and_ties(
    votes: np.ndarray, seats: int, method: str, kwargs: dict[str, Any]
) -> tuple[np.ndarray, np.ndarray]:
    return allocate_many(votes, seats, method=method, return_ties=True, **kwargs)


@pytest.mark.parametrize("method", QUOTA_METHODS)
@pytest.mark.parametrize("cols", [1, 3, 8, 16, 17])
def test_float_path_equals_integer_path(
    method: str, cols: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Many rows through the float path (small chunks, both sorts) and the int64 path."""
    import korelect.engine.batch.apportion as batch

    runs = 1000
    rng = np.random.default_rng(cols)
    votes = mixed_votes(rng, runs, cols)
    parties = np.ones(cols, dtype=bool)
    parties[-1] = cols == 1
    cases: list[dict[str, Any]] = [
        {},
        {"threshold": "3%"},
        {
            "threshold": "3% OR 5 seats",
            "district_seats": rng.integers(0, 7, size=(runs, cols)),
            "parties": parties,
        },
        {"threshold": "5%", "total": votes.sum(axis=1) + rng.integers(0, 10, runs)},
    ]
    for seats in (1, 7, 300):
        for kwargs in cases:
            with monkeypatch.context() as m:
                m.setattr(batch, "_FLOAT_EXACT", 0)  # every row by the int64 path
                try:
                    slow = seats_and_ties(votes, seats, method, kwargs)
                except AllocationError as e:
                    message = str(e)
                else:
                    message = ""
            for chunk, network in ((65_536, 16), (40, 16), (40, 0)):
                with monkeypatch.context() as m:
                    m.setattr(batch, "_FLOAT_CHUNK", chunk)
                    m.setattr(batch, "_NETWORK_MAX", network)
                    if message:
                        with pytest.raises(AllocationError, match=re.escape(message)):
                            seats_and_ties(votes, seats, method, kwargs)
                        continue
                    got = seats_and_ties(votes, seats, method, kwargs)
                assert np.array_equal(got[0], slow[0]), (seats, kwargs, chunk)
                assert np.array_equal(got[1], slow[1]), (seats, kwargs, chunk)


@pytest.mark.parametrize("method", QUOTA_METHODS)
def test_float_path_bound(method: str) -> None:
    """Rows just inside and just past the float path's 2**53 bound agree with the exact path."""
    seats = 30
    limit = 2**53 // (seats + 3) - 1  # the largest row total the float path takes here
    for peak in (limit // 2 - 2, limit // 2, limit // 2 + 3, limit):
        votes = np.array(
            [[peak, peak - 1], [peak, peak // 3], [peak - 5, 0], [peak // 2, peak // 2 + 1]]
        )
        got, tied = allocate_many(votes, seats, method=method, return_ties=True)
        for i, row in enumerate(votes):
            r = korelect.apportion(
                {f"c{j}": int(v) for j, v in enumerate(row)}, seats, method, ties="list-order"
            )
            assert got[i].tolist() == list(r.seats.values()), (peak, i)
            assert bool(tied[i]) == bool(r.ties)


def test_zero_rows_are_named_across_chunks(monkeypatch: pytest.MonkeyPatch) -> None:
    import korelect.engine.batch.apportion as batch

    monkeypatch.setattr(batch, "_FLOAT_CHUNK", 6)  # three rows of two entries a chunk
    votes = np.array([[5, 5]] * 7 + [[0, 0]] + [[3, 1]] * 3 + [[0, 0]])
    with pytest.raises(AllocationError, match=r"run 7: 3 seats .* \(2 such runs\)"):
        allocate_many(votes, 3)
    total = votes.sum(axis=1)
    total[10] -= 1  # an error in 'total' comes first, as on the integer path
    with pytest.raises(InputError, match=r"\(4 in run 10\) \(got 3\)"):
        allocate_many(votes, 3, total=total)
    only_one = np.zeros((9, 2), dtype=np.int64)
    only_one[:, 1] = 10**12
    assert allocate_many(only_one, 3).tolist() == [[0, 3]] * 9


def test_threshold_exactly_at_three_percent() -> None:
    """3% of 10**12 + 100 votes is not a whole number: the share needs the next vote."""
    for total in (100, 10**6, 10**12, 10**12 + 100, 3 * 10**14):
        at = -(-3 * total // 100)  # the fewest votes with at least 3%
        votes = np.array([[at, total - at], [at - 1, total - at + 1]])
        got = allocate_many(votes, 100, threshold="3%")
        assert got[0, 0] > 0, total
        assert got[1, 0] == 0, total


def test_sorting_network_sorts_every_zero_one_input() -> None:
    """The 0-1 principle: a network that sorts every 0/1 input sorts every input."""
    from korelect.engine.batch.apportion import _NETWORK_MAX, _network, _sort_columns

    for size in range(1, _NETWORK_MAX + 1):
        keys = (np.arange(2**size)[None, :] >> np.arange(size)[:, None]) & 1
        ones = keys.sum(axis=0)
        expected = (np.arange(size)[:, None] >= size - ones[None, :]).astype(np.float32)
        assert np.array_equal(_sort_columns(keys.astype(np.float32)), expected), size
        assert all(0 <= i < j < size for i, j in _network(size))


def test_remainders_closer_than_float32_go_to_the_integer_path() -> None:
    """Remainders one vote apart in 2e10 rank the same in float32: the row is redone exactly."""
    from korelect.engine.batch.apportion import _largest_remainder_float

    big = 10**10
    votes = np.array([[big // 3 + 1, big // 3, big - 2 * (big // 3) - 1], [5, 3, 2]])
    for method in QUOTA_METHODS:
        for seats in (1, 2, 4, 5, 10, 11):
            got, tied = allocate_many(votes, seats, method=method, return_ties=True)
            for i, row in enumerate(votes):
                r = korelect.apportion(
                    {f"c{j}": int(v) for j, v in enumerate(row)}, seats, method, ties="list-order"
                )
                assert got[i].tolist() == list(r.seats.values()), (method, seats, i)
                assert bool(tied[i]) == bool(r.ties)
    weights = votes.T.astype(np.float64)
    out = np.empty(votes.shape, dtype=np.int64)
    unsure = _largest_remainder_float(weights, weights.sum(axis=0), 2, "hare", out)
    assert unsure.tolist() == [True, False]  # 0.6666666668 and 0.6666666666 look alike


@pytest.mark.parametrize("method", sorted(korelect.DIVISOR_METHODS))
@pytest.mark.parametrize(("parties", "seats"), [(4, 10), (16, 150), (64, 300), (32, 47)])
def test_divisor_methods_at_size_equal_the_exact_path(
    method: str, parties: int, seats: int
) -> None:
    """Jump and step over many parties and seats, with equal votes planted (ties by column)."""
    rng = np.random.default_rng(parties * 1000 + seats)
    votes = np.floor(rng.dirichlet(np.full(parties, 0.8), size=30) * 20_000_000).astype(np.int64)
    votes[0, 1] = votes[0, 0]  # equal votes: tied quotients all the way up
    votes[1, 2] = votes[1, 3] = votes[1].max()
    got, tied = allocate_many(votes, seats, method=method, threshold="3%", return_ties=True)
    for i, row in enumerate(votes):
        entries = {f"c{j}": int(v) for j, v in enumerate(row)}
        exact = korelect.apportion(entries, seats, method, threshold="3%", ties="list-order")
        assert got[i].tolist() == [exact.seats[f"c{j}"] for j in range(parties)], (i, method)
        assert bool(tied[i]) == bool(exact.ties), (i, method)


@pytest.mark.parametrize("method", sorted(korelect.DIVISOR_METHODS))
def test_jump_and_step_settles_almost_every_random_run_in_floats(method: str) -> None:
    """The float path, not the exact one, answers random elections (the speed depends on it)."""
    from korelect.engine.batch.apportion import _jump_and_step

    rng = np.random.default_rng(7)
    votes = np.floor(rng.dirichlet(np.full(12, 0.8), size=2000) * 20_000_000)
    held, unsure = _jump_and_step(votes.T.copy(), 150, method)
    assert unsure.mean() < 0.01, (method, unsure.mean())
    assert (held.sum(axis=0)[~unsure] == 150).all()
