"""Monte Carlo seat projection: many noisy re-runs of one election's counts.

``simulate(source, n)`` takes the district counts and list-tier votes of
``source`` (what :func:`korelect.results` takes: a year, a counts folder or
:class:`~korelect.Counts`, which must have district counts), perturbs
them ``n`` times, counts every district by plurality and allocates the list
seats by the counts' own law or by ``rules``. The base is read as
``results(source, rules=rules)`` reads it (:func:`~korelect.record.election.request`:
the counts, and other rules adapted to them once; the districts counted by
:func:`~korelect.record.election.count_districts`).

The noise model (log-normal multipliers, median 1):

* every candidate's district votes are multiplied by
  ``exp(a_party + b_party,province + e_candidate)`` with ``a ~ N(0, national_sd)``
  drawn once per run and party, ``b ~ N(0, regional_sd)`` once per run, party
  and province, ``e ~ N(0, district_sd)`` once per run and candidate; each
  district's votes are then rescaled to its counted total (shares renormalised).
  Independents share one national and provincial term (party id
  ``independent``); each independent candidate has its own column (cell) and
  district term, so two independents never pool their votes.
* list votes (2004–2020) are multiplied by ``exp(a_party + l_party)``, with
  ``l ~ N(0, list_sd)``, and rescaled to the counted total; the ``other``
  bucket (2020: the parties the published shares leave out) gets ``l`` only.
  Before 2004 the list tier counts constituency votes, so it uses the
  simulated district votes summed by party, as the law did.

Districts: the candidate with most simulated votes wins (``argmax``); an exact
tie goes to the lower cell, and each district's cells start with the winner
``results(source)`` counted, so with every sd at 0 the seats are the count's own.
A district that elects ``M`` members (a counts folder's ``magnitude``) elects
its top ``M`` cells (a stable sort within the district, ties to the lower
cell; its cells start with the ``M`` members counted); where every district
elects one, only the ``argmax`` runs.
A seat's party is the party the record gives its holder (1996: one district
whose declared winner differs from the counts keeps the declared party when
the counted winner wins). Districts without counts keep their declared party.

Districts are counted in log space: the winner is the argmax of
``log(votes) + noise``, the same as the argmax of ``votes x exp(noise)``,
without the exponentials.

List seats go through the vectorised twin of the year's list-tier formula,
the ``batch`` of its family in :mod:`korelect.engine.formulas.registry`, exact
in integers and tested equal to :func:`korelect.allocate` run for run:
:func:`korelect.engine.batch.share.seat_share_many` for seat-share tiers (1988
with the first-party bonus, 1992 with the minor-party seat),
:func:`korelect.engine.batch.share.vote_share_many` for vote-share tiers
(1996–2000 with the minor-party seat and shares rounded at the 5th decimal
place, 2004–2016), :func:`korelect.engine.batch.linked.linked_many` for linked
tiers (2020, 2024 and scenarios).

Ties: the batch formulas give a tie to the lower column and flag the run. A
flagged run is allocated again with its columns reordered, as the rules' tie
rule says: in a random order drawn from the chunk's generator for a lot (the
law since 2004, and for 2020's frequent ties between the two satellite parties'
linked seats: art. 189(2) 후단), by votes and then at random for
``votes-then-lot`` (1996, 2000); the tie goes to the column the order put
first. ``list-order`` keeps the lower column. Where the law has no tie rule
(1988, 1992: remainder ties between parties with equal district seats are
frequent in simulation) a tied run is settled by lot instead of raising. Runs
the batch formulas cannot compute (no qualifying votes, numbers past int64)
go through :func:`korelect.allocate`.

``exact=True`` sends every run through :func:`korelect.allocate` (for checking).

Randomness: runs are drawn in chunks of :data:`CHUNK`; chunk ``i`` draws from
``numpy.random.default_rng([seed, i])`` alone, so ``(counts, n, seed, sds,
rules)`` fixes the result byte for byte, and chunks can run anywhere, in any
order: ``dask=`` spreads them over a Dask cluster (:mod:`korelect.analysis.cluster`)
and merges them in chunk order, giving the same seats run for run.
"""

from __future__ import annotations

import dataclasses
import math
import os
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

import numpy as np
from numpy.typing import NDArray

from korelect.base.numbers import Number
from korelect.engine.allocate import allocate
from korelect.engine.entries import Entry, Kind
from korelect.engine.formulas.registry import family_of
from korelect.errors import InputError, TieError, UnknownElectionError
from korelect.law.rules import Rules, VoteBasis
from korelect.law.ties import TieRule
from korelect.record.counts import Counts
from korelect.record.data import dataset
from korelect.record.election import (
    INDEPENDENT,
    UNATTRIBUTED,
    PartyInfo,
    RulesLike,
    appointed_bloc,
    as_counts,
    count_districts,
    counted_votes,
    party_info,
    request,
)

__all__ = ["MAX_RUNS", "MAX_SD", "MAX_SEATS", "MAX_VOTES", "Simulation", "simulate"]

CHUNK = 250
MAX_RUNS = 1_000_000
"""The most runs one simulation draws: the seats of every run are kept (runs x parties)."""
MAX_SD = 5.0
"""The largest standard deviation of the noise (in log votes): at 5 one standard deviation
multiplies a party's votes by about 150, far past any swing an election has seen."""
MAX_SEATS = 100_000
"""The largest assembly a simulation allocates (seats are counted in 32-bit integers)."""
MAX_VOTES = 10**15
"""The most votes a simulation counts, in the districts or on the list ballot (the votes of
every run are 64-bit integers): some 30 million times South Korea's electorate."""
"""Runs drawn and counted at once (memory is bounded by this, not by ``n``)."""
OTHER = "(other parties)"

Progress = Callable[[int, int], None]
Source = int | str | os.PathLike[str] | Counts
"""What :func:`simulate` runs around: an election year, a counts folder or counts."""


@dataclass(frozen=True)
class _Base:
    """The counts of one year as arrays: districts x cells, and the list tier."""

    rules: Rules
    parties: tuple[PartyInfo, ...]
    kinds: tuple[Kind, ...]
    seat_party: NDArray[np.intp]
    """Party column that holds the seat when a cell wins, counted districts x width (the most
    candidates in a district); cells past a district's candidates are padding."""
    provinces: int
    fixed: NDArray[np.int64]
    """District seats of districts without counts, by party."""
    cells: NDArray[np.intp]
    """Flat index (district x width + column) of every real cell, district by district."""
    cell_log: NDArray[np.float64]
    """log of every real cell's votes (-inf for 0)."""
    cell_votes: NDArray[np.float64]
    cell_vote_party: NDArray[np.intp]
    """Party column whose noise a cell takes."""
    cell_province: NDArray[np.intp]
    cell_district: NDArray[np.intp]
    starts: NDArray[np.intp]
    """First real cell of each district in the flat cell arrays."""
    list_votes: NDArray[np.int64] | None
    """List votes by party (None: the list tier counts constituency votes)."""
    other: int
    """Votes of the ``other`` entry (not a party; counts in every share)."""
    other_name: str
    law: Rules
    """The counts' own rules (a simulation under them names no other rules)."""
    multi: NDArray[np.intp]
    """Counted districts that elected more than one member (empty: every district elects one)."""
    multi_seats: NDArray[np.intp]
    """Members each district of ``multi`` elects."""
    notes: tuple[str, ...] = ()
    """What was adapted to apply the rules to these counts (as ``results(...).notes``)."""
    appointed: int | None = None
    """The column of the appointed bloc that fills the list tier (1973, 1978), if any."""


def _check_sd(value: object, name: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise InputError(f"{name!r} must be a number >= 0 (got {value!r})")
    if not math.isfinite(value) or not 0 <= value <= MAX_SD:
        raise InputError(f"{name!r} must be a number from 0 to {MAX_SD:g} (got {value!r})")
    return float(value)


def _counts(source: Source) -> Counts:
    """The counts to simulate around, or one :class:`InputError` saying why there are none."""
    counts: Counts | None = None
    try:
        counts = as_counts(source)
    except UnknownElectionError:
        text = str(source).strip()
        if not (text.isascii() and text.isdigit()):
            raise InputError(
                f"'source' must be an election year, a counts folder or Counts (got {source!r})"
            ) from None
        year = int(text)
    else:
        year = counts.year
    if counts is not None and not counts.candidates and counts.source != "korelect/data":
        raise InputError(
            f"simulate needs district counts; {counts.source or 'these counts'} has none "
            "(no candidates)"
        )
    if counts is None or not counts.candidates:
        data = dataset()
        with_counts = [y for y in data.years() if data.candidates(y)]
        raise InputError(
            f"simulate needs district counts; {year} has none "
            f"(years with counts: {', '.join(str(y) for y in with_counts)}); "
            f"to simulate {year}'s law, run it on another year's counts, e.g. "
            f"simulate 2020 with rules {year}"
        )
    return counts


def _check_votes(total: int, what: str = "") -> None:
    """Refuse counts a simulation's 64-bit arithmetic cannot hold (:data:`MAX_VOTES`)."""
    if total > MAX_VOTES:
        raise InputError(
            f"a simulation counts at most {MAX_VOTES:,} votes in a tier; these counts have "
            f"{total:,}{what}"
        )


def _base(source: Source, rules: RulesLike | None) -> _Base:
    """The arrays of ``source``'s counts under ``rules``, read as :func:`korelect.results` does.

    :func:`~korelect.record.election.request` gives the counts and the rules adapted once;
    nothing is allocated, so a tie the rules give no rule for is drawn run by run, by lot.
    """
    counts, used, notes = request(_counts(source), rules=rules)
    year = counts.year
    law = counts.rules
    districts, _ = count_districts(counts)
    info: dict[str, PartyInfo] = {}

    def key(name_ko: str) -> str:
        party = party_info(name_ko, year)
        info.setdefault(party.party_id, party)
        return party.party_id

    # Columns in the order results() builds its entries: list-tier votes first, then seats.
    votes_by_name = counted_votes(counts, law)
    list_by_id: dict[str, Number] = defaultdict(int)
    for name, v in votes_by_name.items():
        list_by_id[key(name)] += v
    order = list(list_by_id)
    for dr in districts:
        order.extend(key(party) for _, party in dr.members)
        order.extend(key(c.party_ko) for c in (dr.count.candidates if dr.count else ()))
    ids = list(dict.fromkeys(order))
    # The appointed tier (1973, 1978): a column of its own, as results() adds the bloc last.
    bloc = appointed_bloc(used, year)
    if bloc is not None and bloc.party_id not in info:
        info[bloc.party_id] = bloc
        ids.append(bloc.party_id)
    col = {pid: i for i, pid in enumerate(ids)}
    parties = tuple(info[p] for p in ids)
    kinds = tuple(
        Kind.APPOINTED
        if bloc is not None and p.party_id == bloc.party_id
        else Kind.INDEPENDENT
        if p.name_ko == INDEPENDENT
        else Kind.PARTY
        for p in parties
    )

    counted = [dr for dr in districts if dr.count is not None]
    _check_votes(sum(c.votes or 0 for d in counted if d.count for c in d.count.candidates))
    width = max(len(dr.count.candidates) for dr in counted if dr.count is not None)
    votes = np.zeros((len(counted), width))
    real = np.zeros((len(counted), width), dtype=bool)
    vote_party = np.zeros((len(counted), width), dtype=np.intp)
    seat_party = np.zeros((len(counted), width), dtype=np.intp)
    seats = np.ones(len(counted), dtype=np.intp)
    codes = sorted({dr.district.province for dr in districts})
    province = np.array([codes.index(dr.district.province) for dr in counted], dtype=np.intp)
    for i, d in enumerate(counted):
        assert d.count is not None  # noqa: S101  (filtered above)
        # The members the count elected first, in its order: ties go to them.
        elected = [c for c in d.count.candidates if c.elected]
        cands = elected + [c for c in d.count.candidates if not c.elected]
        for k, c in enumerate(cands):
            votes[i, k] = c.votes or 0
            real[i, k] = True
            vote_party[i, k] = seat_party[i, k] = col[key(c.party_ko)]
        # A seat's party is the record's: the declared party where a source declares another.
        for k, (_, party) in enumerate(d.members[: len(elected)]):
            seat_party[i, k] = col[key(party)]
        seats[i] = len(elected)
    fixed = np.zeros(len(ids), dtype=np.int64)
    for d in districts:
        if d.count is None:
            for _, party in d.members:
                fixed[col[key(party)]] += 1

    other, other_name = 0, OTHER
    list_votes: NDArray[np.int64] | None = None
    if law.vote_basis is VoteBasis.CONSTITUENCY:
        valid = sum(d.valid_votes or 0 for d in counts.districts)
        other = max(0, valid - sum(int(v) for v in list_by_id.values()))
        other_name = UNATTRIBUTED
    elif any(isinstance(v, Fraction) for v in list_by_id.values()):
        # Published percentages (2020): whole numbers over a common denominator keep every share.
        shares = {p: Fraction(v) for p, v in list_by_id.items()}
        rest = 100 - sum(shares.values(), Fraction(0))
        scale = math.lcm(*(s.denominator for s in [*shares.values(), rest])) * 10_000
        other = int(max(rest, Fraction(0)) * scale)
        list_counts = [int(shares.get(p, 0) * scale) for p in ids]
        _check_votes(other + sum(list_counts), " (the list shares as whole numbers)")
        list_votes = np.array(list_counts, dtype=np.int64)
    else:
        list_counts = [int(list_by_id.get(p, 0)) for p in ids]
        _check_votes(other + sum(list_counts))
        list_votes = np.array(list_counts, dtype=np.int64)
    _check_votes(other)
    cells = np.flatnonzero(real.ravel())
    cell_district = cells // width
    with np.errstate(divide="ignore"):
        cell_log = np.log(votes.ravel()[cells])
    multi = np.flatnonzero(seats > 1)
    return _Base(
        rules=used,
        parties=parties,
        kinds=kinds,
        seat_party=seat_party,
        provinces=len(codes),
        fixed=fixed,
        cells=cells,
        cell_log=cell_log,
        cell_votes=votes.ravel()[cells],
        cell_vote_party=vote_party.ravel()[cells],
        cell_province=province[cell_district],
        cell_district=cell_district,
        starts=np.searchsorted(cell_district, np.arange(len(counted))),
        list_votes=list_votes,
        other=other,
        other_name=other_name,
        law=law,
        multi=multi,
        multi_seats=seats[multi],
        notes=notes,
        appointed=None if bloc is None else col[bloc.party_id],
    )


@dataclass(frozen=True)
class PartyProjection:
    """One party's seats over all runs."""

    info: PartyInfo
    mean: float
    median: float
    low: float
    """5th percentile of total seats."""
    high: float
    """95th percentile of total seats."""
    p_majority: float
    p_largest: float
    p_200: float
    p_100: float

    def to_dict(self) -> dict[str, object]:
        """A JSON-ready record."""
        return {
            "party_id": self.info.party_id,
            "name_en": self.info.name_en,
            "name_ko": self.info.name_ko,
            "abbr": self.info.abbr,
            "mean": round(self.mean, 4),
            "median": self.median,
            "p5": self.low,
            "p95": self.high,
            "p_majority": round(self.p_majority, 6),
            "p_largest": round(self.p_largest, 6),
            "p_200": round(self.p_200, 6),
            "p_100": round(self.p_100, 6),
        }


@dataclass(frozen=True)
class Simulation:
    """The outcome of :func:`simulate`: seats per run and per-party summaries.

    ``seats`` has one row per run and one column per party in ``parties``.
    A party is *largest* in a run when no party has more seats (a tie counts
    for every tied party, so these probabilities can add up to more than 1);
    a *majority* is more than half the seats; 200 and 100 are *at least*.
    """

    year: int
    n: int
    seed: int
    sds: dict[str, float]
    total_seats: int
    parties: tuple[PartyInfo, ...]
    seats: NDArray[np.int32]
    exact_runs: int
    """Runs whose list tier went through the exact :func:`korelect.allocate`."""
    rules: str = ""
    """Name of the rules the seats were allocated under."""
    notes: tuple[str, ...] = ()
    """What was adapted to apply those rules to the year's counts."""

    def projections(self) -> tuple[PartyProjection, ...]:
        """Parties that won a seat in some run, by mean seats (most first)."""
        s = self.seats.astype(np.float64)
        top = self.seats.max(axis=1, keepdims=True)
        largest = (self.seats == top).mean(axis=0)
        rows = []
        for j, info in enumerate(self.parties):
            col = s[:, j]
            if not col.any():
                continue
            rows.append(
                PartyProjection(
                    info,
                    float(col.mean()),
                    float(np.median(col)),
                    float(np.quantile(col, 0.05)),
                    float(np.quantile(col, 0.95)),
                    float((col * 2 > self.total_seats).mean()),
                    float(largest[j]),
                    float((col >= 200).mean()),
                    float((col >= 100).mean()),
                )
            )
        return tuple(sorted(rows, key=lambda p: (-p.mean, p.info.party_id)))

    def table(self) -> str:
        """A text table: mean, median, 90% interval and the probabilities."""
        head = f"{self.year}: {self.n} simulated elections, seed {self.seed}, " + ", ".join(
            f"{k} {v:g}" for k, v in self.sds.items()
        )
        if self.rules:
            head += f"\nrules: {self.rules}"
        head += "".join(f"\n{note}" for note in self.notes)
        columns = (
            f"{'party':<28} {'mean':>7} {'median':>6} {'5-95%':>9} "
            f"{'majority':>8} {'largest':>7} {'>=200':>6} {'>=100':>6}"
        )
        lines = [head, columns]
        for p in self.projections():
            name = p.info.name_en if len(p.info.name_en) <= 28 else p.info.name_en[:27] + "…"
            lines.append(
                f"{name:<28} {p.mean:7.1f} {p.median:6g} {f'{p.low:g}-{p.high:g}':>9} "
                f"{p.p_majority:8.1%} {p.p_largest:7.1%} {p.p_200:6.1%} {p.p_100:6.1%}"
            )
        return "\n".join(lines)

    def to_dict(self) -> dict[str, object]:
        """A JSON-ready record."""
        return {
            "year": self.year,
            "n": self.n,
            "seed": self.seed,
            "sds": dict(self.sds),
            "total_seats": self.total_seats,
            "rules": self.rules,
            "notes": list(self.notes),
            "parties": [p.to_dict() for p in self.projections()],
        }


def _exact(base: _Base, lv: NDArray[np.int64], ds: NDArray[np.int64], seed: int) -> Any:
    entries = [
        Entry(p.party_id, int(lv[j]), int(ds[j]), base.kinds[j])
        for j, p in enumerate(base.parties)
        if lv[j] or ds[j] or j == base.appointed
    ]
    if base.other:
        entries.append(Entry(base.other_name, base.other, 0, Kind.OTHER))
    try:
        got = allocate(entries, base.rules, seed=seed).list_seats
    except TieError:
        # The law settles no tie here (1988, 1992): the run draws a lot instead.
        got = allocate(entries, base.rules, ties="lot", seed=seed).list_seats
    return [got.get(p.party_id, 0) for p in base.parties]


def _more_members(base: _Base, cube: NDArray[np.float64], c: int, p: int) -> NDArray[np.int64]:
    """Seats by run and party of the second and later members of districts that elect several.

    The top ``M`` cells of each such district, by ``log(votes) + noise``; a stable sort gives
    a tie to the lower cell, as ``argmax`` does for the first seat (the count's members
    first), so the first of the ``M`` is the ``argmax`` already counted.
    """
    most = int(base.multi_seats.max())
    ranked = np.argsort(-cube[:, base.multi, :], axis=2, kind="stable")[:, :, 1:most]
    holder = base.seat_party[base.multi[None, :, None], ranked]
    more = np.arange(1, most)[None, None, :] < base.multi_seats[None, :, None]
    run = np.broadcast_to(np.arange(c)[:, None, None], holder.shape)
    flat = (holder + p * run)[np.broadcast_to(more, holder.shape)]
    return np.bincount(flat, minlength=c * p).reshape(c, p).astype(np.int64)


def _chunk(
    base: _Base, sds: dict[str, float], seed: int, index: int, runs: int, exact: bool
) -> tuple[NDArray[np.int32], int]:
    """Seats of the runs of chunk ``index`` (``runs`` of them) and how many ran the exact way.

    Each chunk draws from its own generator, seeded by ``(seed, index)``: the
    chunks are independent, so they can run in any order or on any machine and
    still give the same seats. A short last chunk draws as much as a whole one
    and uses its first runs, so run ``i`` of a seed is the same whatever ``n``.
    """
    rng = np.random.default_rng([seed, index])
    c = runs
    p = len(base.parties)
    d, k = base.seat_party.shape
    vp, prov = base.cell_vote_party, base.cell_province
    # Always a whole chunk of draws, so run i is the same election whatever n is.
    nat = rng.standard_normal((CHUNK, p))[:c] * sds["national_sd"]
    reg = rng.standard_normal((CHUNK, base.provinces, p))[:c] * sds["regional_sd"]
    noise = rng.standard_normal((CHUNK, len(base.cells)))[:c] * sds["district_sd"]
    lst = rng.standard_normal((CHUNK, p + 1))[:c] * sds["list_sd"]
    lots = rng.integers(0, 2**31, CHUNK)[:c]
    noise += nat[:, vp]
    noise += reg[:, prov, vp]
    # Plurality in log space: argmax of votes x exp(noise) is argmax of log(votes) + noise.
    grid = np.full((c, d * k), -np.inf)
    grid[:, base.cells] = base.cell_log + noise
    cube = grid.reshape(c, d, k)
    win = cube.argmax(axis=2)  # ties: the lower cell (the counted winner first)
    holder = base.seat_party[np.arange(d)[None, :], win]
    flat = (holder + p * np.arange(c)[:, None]).ravel()
    ds = np.bincount(flat, minlength=c * p).reshape(c, p).astype(np.int64) + base.fixed
    if base.multi.size:
        ds += _more_members(base, cube, c, p)
    if base.list_votes is None:
        # The list tier counts constituency votes: each district's votes, rescaled to its total.
        sim = base.cell_votes * np.exp(noise)
        sums = np.add.reduceat(sim, base.starts, axis=1)
        totals = np.add.reduceat(base.cell_votes, base.starts)
        scale = np.divide(totals, sums, out=np.zeros_like(sums), where=sums > 0)
        sim *= scale[:, base.cell_district]
        flat = (vp[None, :] + p * np.arange(c)[:, None]).ravel()
        lv = np.bincount(flat, weights=np.rint(sim).ravel(), minlength=c * p).reshape(c, p)
        lv = np.rint(lv).astype(np.int64)
        both = np.concatenate([lv, np.full((c, 1), base.other, dtype=np.int64)], axis=1)
    else:
        raw = np.append(base.list_votes, base.other).astype(np.float64)
        scaled = raw * np.exp(np.concatenate([nat, np.zeros((c, 1))], axis=1) + lst)
        total = raw.sum()
        if total > 0:  # counts without list votes (a folder may have none) stay at 0
            scaled *= total / scaled.sum(axis=1, keepdims=True)
        both = np.rint(scaled).astype(np.int64)
        lv = both[:, :p]
    list_seats = np.zeros((c, p), dtype=np.int64)
    todo = np.arange(c)
    if base.appointed is not None and not exact:
        # The appointed tier: every run gives all its seats to the bloc, whatever the votes.
        list_seats[:, base.appointed] = base.rules.list_seats
        todo = todo[:0]
    elif not exact:
        formula = family_of(base.rules).batch
        ds_both = np.concatenate([ds, np.zeros((c, 1), dtype=np.int64)], axis=1)
        is_party = np.array([kd is Kind.PARTY for kd in base.kinds] + [False])
        got, tied, failed = formula(base.rules, both, ds_both, is_party)
        redo = np.flatnonzero(tied & ~failed)
        if redo.size and base.rules.ties is not TieRule.LIST_ORDER:
            # The law's lot (or, 1996/2000, more votes first and then a lot): the tied runs
            # again with their columns in a random order, or by votes and then at random.
            key = rng.random((redo.size, p + 1))
            if base.rules.ties is TieRule.VOTES_THEN_LOT:
                perm = np.lexsort((key, -both[redo]), axis=1)
            else:
                perm = np.argsort(key, axis=1)
            again, _, bad = formula(
                base.rules,
                np.take_along_axis(both[redo], perm, axis=1),
                np.take_along_axis(ds_both[redo], perm, axis=1),
                is_party[perm],
            )
            failed[redo] |= bad
            settled = np.empty_like(again)
            np.put_along_axis(settled, perm, again, axis=1)
            got[redo] = settled
        list_seats[:] = got[:, :p]
        todo = np.flatnonzero(failed)
    for r in todo:
        run_base = dataclasses.replace(base, other=int(both[r, p]))
        list_seats[r] = _exact(run_base, lv[r], ds[r], int(lots[r]))
    return (ds + list_seats).astype(np.int32), len(todo)


def _chunks(n: int) -> list[tuple[int, int]]:
    """``(index, runs)`` of every chunk of ``n`` runs."""
    return [(i, min(CHUNK, n - start)) for i, start in enumerate(range(0, n, CHUNK))]


def simulate(
    source: Source,
    n: int = 1000,
    *,
    seed: int = 0,
    national_sd: float = 0.02,
    regional_sd: float = 0.02,
    district_sd: float = 0.03,
    list_sd: float = 0.02,
    rules: RulesLike | None = None,
    exact: bool = False,
    dask: Any = None,
    progress: Progress | None = None,
) -> Simulation:
    """Simulate ``n`` elections around the counts of ``source`` (see the module docstring).

    ``source`` is what :func:`korelect.results` takes: an election year, a counts folder
    (``docs/COUNTS.md``) or :class:`~korelect.Counts`; ``rules`` (rules, a year or a rules
    file) are adapted to those counts once, by :func:`korelect.results`.
    ``exact=True`` allocates every run's list seats with the exact
    :func:`korelect.allocate` (slow; the batch paths are tested equal to it).
    ``dask`` runs the chunks on a Dask cluster: a ``distributed.Client``, a
    scheduler address such as ``"tcp://10.0.0.5:8786"``, or an ``int`` for a
    local cluster of that many worker processes; the seats are the same, run
    for run, as without it.

    >>> sim = simulate(2004, 200, seed=1)
    >>> sim.seats.shape[0], int(sim.seats.sum(axis=1).min()), sim.total_seats
    (200, 299, 299)
    """
    if isinstance(n, bool) or not isinstance(n, int) or not 1 <= n <= MAX_RUNS:
        raise InputError(f"'n' must be an integer from 1 to {MAX_RUNS:,} (got {n!r})")
    if isinstance(seed, bool) or not isinstance(seed, int) or seed < 0:
        raise InputError(f"'seed' must be an integer >= 0 (got {seed!r})")
    sds = {
        "national_sd": _check_sd(national_sd, "national_sd"),
        "regional_sd": _check_sd(regional_sd, "regional_sd"),
        "district_sd": _check_sd(district_sd, "district_sd"),
        "list_sd": _check_sd(list_sd, "list_sd"),
    }
    counts = _counts(source)
    base = _base(counts, rules)
    if base.rules.total_seats > MAX_SEATS:
        raise InputError(
            f"a simulation allocates at most {MAX_SEATS:,} seats; the rules "
            f"({base.rules.name}) have {base.rules.total_seats:,}"
        )
    return run_base(base, counts.year, n, seed, sds, exact, dask, progress)


def run_base(
    base: _Base,
    year: int,
    n: int,
    seed: int,
    sds: dict[str, float],
    exact: bool = False,
    dask: Any = None,
    progress: Progress | None = None,
) -> Simulation:
    """:func:`simulate` on a prepared base (checked arguments; benchmarks vary the base)."""
    chunks = _chunks(n)
    if dask is not None:
        from korelect.analysis.cluster import run_chunks  # noqa: PLC0415  (Dask is optional)

        parts = run_chunks(dask, _chunk, base, sds, seed, chunks, exact, progress, n)
    else:
        parts = []
        done = 0
        for index, runs in chunks:
            parts.append(_chunk(base, sds, seed, index, runs, exact))
            done += runs
            if progress is not None:
                progress(done, n)
    out = np.concatenate([seats for seats, _ in parts])
    exact_runs = sum(e for _, e in parts)
    house = base.rules.total_seats
    name = "" if base.rules == base.law else base.rules.name
    return Simulation(year, n, seed, sds, house, base.parties, out, exact_runs, name, base.notes)
