"""Disproportionality and party-system indices: textbook cases and every election."""

from __future__ import annotations

import json
import math
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

import korelect
from counts_cases import declared_only, shares_only
from korelect.analysis.indices import (
    OTHER,
    TIERS,
    advantage_ratio,
    gallagher,
    golosov,
    indices,
    indices_text,
    indices_to_dict,
    laakso_taagepera,
    loosemore_hanby,
    sainte_lague,
    wasted,
)
from korelect.cli import main
from korelect.errors import InputError
from korelect.record.data import dataset
from korelect.record.election import results
from korelect.record.parties import parties

YEARS = dataset().years()

# --------------------------------------------------------------- textbook cases

# Two parties, 60/40 of the votes and 70/30 of the seats, worked by hand:
# LSq = √(½(10² + 10²)) = 10; D = ½(10 + 10) = 10; SL = 10²/60 + 10²/40 = 25/6;
# advantage = 70/60 = 7/6; ENP_v = 1/(0.36 + 0.16) = 25/13; ENP_s = 1/(0.49 + 0.09) = 50/29;
# Golosov_v = 1 + 0.4/(0.4 + 0.36 − 0.16) = 5/3; Golosov_s = 1 + 0.3/(0.3 + 0.49 − 0.09) = 10/7.
V2 = [Fraction(6, 10), Fraction(4, 10)]
S2 = [Fraction(7, 10), Fraction(3, 10)]


def test_two_party_example_by_hand() -> None:
    assert gallagher(V2, S2) == pytest.approx(10.0)
    assert loosemore_hanby(V2, S2) == 10
    assert sainte_lague(V2, S2) == Fraction(25, 6)
    assert advantage_ratio(V2, S2) == Fraction(7, 6)
    assert laakso_taagepera(V2) == Fraction(25, 13)
    assert laakso_taagepera(S2) == Fraction(50, 29)
    assert golosov(V2) == Fraction(5, 3)
    assert golosov(S2) == Fraction(10, 7)


def test_gallagher_and_lh_differ_with_many_small_errors() -> None:
    # Four parties each 5 points off: D = ½·20 = 10, LSq = √(½·4·25) = √50.
    v = [Fraction(1, 4)] * 4
    s = [Fraction(30, 100), Fraction(30, 100), Fraction(20, 100), Fraction(20, 100)]
    assert loosemore_hanby(v, s) == 10
    assert gallagher(v, s) == pytest.approx(math.sqrt(50))
    assert sainte_lague(v, s) == 4 * Fraction(25, 25)


def test_party_with_seats_and_no_votes() -> None:
    # A group that wins 10% of the seats with no votes: it counts in LSq and D,
    # but not in the Sainte-Laguë index or the advantage ratio (v = 0).
    v = [Fraction(1, 2), Fraction(1, 2), Fraction(0)]
    s = [Fraction(45, 100), Fraction(45, 100), Fraction(10, 100)]
    assert loosemore_hanby(v, s) == 10
    assert gallagher(v, s) == pytest.approx(math.sqrt((25 + 25 + 100) / 2))
    assert sainte_lague(v, s) == Fraction(25, 50) * 2
    assert advantage_ratio(v, s) == Fraction(9, 10)


@pytest.mark.parametrize("k", [1, 2, 3, 5, 10])
def test_enp_of_equal_parties_is_k(k: int) -> None:
    shares = [Fraction(1, k)] * k
    assert laakso_taagepera(shares) == k
    assert golosov(shares) == k


def test_enp_ignores_zero_shares_and_needs_some() -> None:
    assert laakso_taagepera([Fraction(1, 2), Fraction(1, 2), Fraction(0)]) == 2
    assert laakso_taagepera([]) is None
    assert golosov([Fraction(0)]) is None
    assert advantage_ratio([Fraction(0)], [Fraction(1)]) is None


def test_bad_input() -> None:
    with pytest.raises(InputError, match="pair up"):
        gallagher([Fraction(1)], [Fraction(1, 2), Fraction(1, 2)])
    with pytest.raises(InputError, match=">= 0"):
        loosemore_hanby([Fraction(-1, 2), Fraction(3, 2)], [Fraction(1, 2), Fraction(1, 2)])
    with pytest.raises(InputError, match=">= 0"):
        laakso_taagepera([Fraction(-1)])


counts = st.lists(st.tuples(st.integers(0, 1000), st.integers(0, 50)), min_size=1, max_size=8)


@given(counts)
def test_properties(rows: list[tuple[int, int]]) -> None:
    votes = [v for v, _ in rows]
    seats = [s for _, s in rows]
    if sum(votes) == 0 or sum(seats) == 0:
        return
    v = [Fraction(x, sum(votes)) for x in votes]
    s = [Fraction(x, sum(seats)) for x in seats]
    lsq, lh = gallagher(v, s), loosemore_hanby(v, s)
    # LSq ≤ D always (Gallagher 1991): √(½Σd²) ≤ ½Σ|d| when Σd = 0.
    assert lsq <= float(lh) + 1e-9
    assert 0 <= lh <= 100
    # Proportional outcomes give zero disproportionality and an advantage ratio of 1.
    assert gallagher(v, v) == 0
    assert loosemore_hanby(v, v) == 0
    assert sainte_lague(v, v) == 0
    assert advantage_ratio(v, v) == 1
    # 1 ≤ ENP ≤ number of parties with a share, for both measures.
    parties_with_votes = sum(1 for x in v if x)
    enp, gol = laakso_taagepera(v), golosov(v)
    assert enp is not None
    assert gol is not None
    assert 1 <= enp <= parties_with_votes
    assert 1 <= gol <= parties_with_votes


# ------------------------------------------------------------ every election


@pytest.fixture(scope="module")
def computed() -> dict[int, korelect.ElectionResult]:
    return {year: results(year) for year in YEARS}


@pytest.mark.parametrize("year", YEARS)
@pytest.mark.parametrize("tier", TIERS)
def test_every_year_and_tier(
    computed: dict[int, korelect.ElectionResult], year: int, tier: str
) -> None:
    result = computed[year]
    found = indices(result, tier=tier)  # type: ignore[arg-type]
    if tier == "list" and (not result.rules.list_seats or year in (1973, 1978)):
        # no national tier (1948-1960), or one filled by appointment (1973, 1978)
        assert found.lines == ()
        assert found.gallagher is None
        assert found.loosemore_hanby is None
        assert found.enp_seats is None
        assert found.note is not None
        assert str(year) in found.note
        assert found.wasted_votes == indices(result).wasted_votes
        return
    seats = sum(line.seats for line in found.lines)
    expected = {
        "district": sum(len(d.members) for d in result.districts),
        "list": sum(p.list_seats for p in result.parties),
        "assembly": result.total_seats,
    }[tier]
    assert seats == expected
    assert sum(line.seat_share for line in found.lines) == 1
    assert all(line.votes or line.seats for line in found.lines)
    json.dumps(found.to_dict())
    assert sum(line.vote_share or 0 for line in found.lines) == 1
    assert found.gallagher is not None
    assert found.loosemore_hanby is not None
    assert 0 < found.gallagher <= float(found.loosemore_hanby) < 100
    assert found.enp_votes is not None
    assert found.enp_seats is not None
    assert found.enp_votes > 1
    assert found.enp_seats > 1
    assert found.wasted_share is not None
    assert 0 < found.wasted_share < 1


@pytest.mark.parametrize("tier", TIERS)
def test_declared_winners_only(tier: str) -> None:
    found = indices(korelect.results(declared_only(2024)), tier=tier)  # type: ignore[arg-type]
    assert found.wasted_share is None
    if tier != "district":
        return
    assert found.gallagher is None
    assert found.loosemore_hanby is None
    assert found.enp_votes is None
    assert found.wasted_votes is None
    assert found.note is not None
    assert "2024" in found.note
    assert found.enp_seats is not None


def test_assembly_tier_uses_the_list_tier_votes(
    computed: dict[int, korelect.ElectionResult],
) -> None:
    result = computed[2016]
    found = indices(result, tier="assembly")
    saenuri = next(line for line in found.lines if line.key == "saenuri")
    assert saenuri.votes == 7960272
    assert saenuri.vote_share == result.party("saenuri").vote_share
    independents = next(line for line in found.lines if line.key == "independent")
    assert (independents.votes, independents.seats) == (0, 11)


def test_other_bucket_of_published_shares() -> None:
    found = indices(korelect.results(shares_only(2020)), tier="list")
    other = next(line for line in found.lines if line.key == OTHER)
    assert other.vote_share == Fraction(411, 5000)
    assert other.seats == 0


def _satellites(year: int) -> set[str]:
    return {p.id for p in parties().in_year(year) if p.is_satellite}


@pytest.mark.parametrize("year", [2020, 2024])
def test_merging_satellites(computed: dict[int, korelect.ElectionResult], year: int) -> None:
    result = computed[year]
    satellites = _satellites(year)
    assert satellites
    plain = indices(result, tier="assembly")
    merged = indices(result, tier="assembly", merge_satellites=True)
    assert satellites & {line.key for line in plain.lines}
    assert not satellites & {line.key for line in merged.lines}
    assert sum(line.seats for line in merged.lines) == result.total_seats
    for sat in satellites & {line.key for line in plain.lines}:
        parent = parties().merged(sat).id
        before = {line.key: line for line in plain.lines}
        after = next(line for line in merged.lines if line.key == parent)
        assert after.seats == before[sat].seats + before[parent].seats
    # The parents stood no lists, so their list votes were nil: merging moves no vote
    # share, and the vote-side ENP stays put while the seat-side one falls.
    assert merged.enp_votes == plain.enp_votes
    assert merged.enp_seats is not None
    assert plain.enp_seats is not None
    assert merged.enp_seats < plain.enp_seats
    # Unmerged, each parent holds half the assembly on 0% of the list vote; merged, it holds
    # it on its satellite's share, so the least-squares index falls by more than half.
    assert plain.gallagher is not None
    assert merged.gallagher is not None
    assert plain.gallagher > 50
    assert merged.gallagher < plain.gallagher / 1.9


def test_merging_leaves_years_without_satellites_alone(
    computed: dict[int, korelect.ElectionResult],
) -> None:
    result = computed[2016]
    for tier in TIERS:
        plain = indices(result, tier=tier)
        merged = indices(result, tier=tier, merge_satellites=True)
        assert plain.gallagher == merged.gallagher
        assert plain.lines == merged.lines


def test_wasted_votes_2016_match_sql(computed: dict[int, korelect.ElectionResult]) -> None:
    con = korelect.connect()
    row = con.execute(
        "SELECT sum(votes) FILTER (WHERE rank > 1),"
        " (SELECT sum(valid_votes) FROM districts WHERE year = 2016)"
        " FROM candidate_results WHERE year = 2016"
    ).fetchone()
    assert row is not None
    lost, valid = row
    found = wasted(computed[2016])
    assert found is not None
    assert found[0] == lost
    assert found[1] == Fraction(lost, valid)
    assert indices(computed[2016], tier="list").wasted_votes == lost


def test_unknown_tier(computed: dict[int, korelect.ElectionResult]) -> None:
    with pytest.raises(InputError, match="tier must be one of"):
        indices(computed[2016], tier="national")  # type: ignore[arg-type]


def test_text_and_dict() -> None:
    text = indices_text(2020, merge_satellites=True)
    assert "satellites merged" in text
    for label in ("Gallagher LSq", "Loosemore-Hanby", "Sainte-Lague", "ENP by seats (Golosov)"):
        assert label in text
    assert "no district counts" in indices_text(declared_only(2024))
    record = indices_to_dict(declared_only(2024))
    json.dumps(record)
    tiers = record["tiers"]
    assert isinstance(tiers, dict)
    assert set(tiers) == set(TIERS)
    assert tiers["district"]["gallagher"] is None


def test_cli_indices(capsys: pytest.CaptureFixture[str]) -> None:

    assert main(["indices", "2020", "--merge-satellites"]) == 0
    assert "satellites merged" in capsys.readouterr().out
    assert main(["indices", "2016", "--json"]) == 0
    assert '"assembly"' in capsys.readouterr().out
    assert main(["indices", "1999"]) == 2


@pytest.mark.parametrize("year", [1973, 1978])
def test_the_appointed_tier_can_be_left_out(
    computed: dict[int, korelect.ElectionResult], year: int
) -> None:
    result = computed[year]
    bloc = next(p for p in result.parties if p.kind is korelect.Kind.APPOINTED)
    assert bloc.info.party_id == "yujeonghoe"
    assert bloc.total_seats == result.rules.list_seats > 0
    whole = indices(result)
    elected = indices(result, appointed=False)
    assert "yujeonghoe" in {line.key for line in whole.lines}
    assert "yujeonghoe" not in {line.key for line in elected.lines}
    assert sum(line.seats for line in whole.lines) == result.total_seats
    assert sum(line.seats for line in elected.lines) == result.rules.district_seats
    # a third of the seats went to a bloc no vote elected: at least 33 points
    assert whole.loosemore_hanby is not None
    assert elected.loosemore_hanby is not None
    assert whole.loosemore_hanby >= Fraction(100, 3) > elected.loosemore_hanby
    assert indices(result, tier="district") == indices(result, tier="district", appointed=False)


def test_elected_only_on_the_command_line(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["indices", "1973", "--elected-only", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["appointed"] is False
    keys = {line["key"] for line in out["tiers"]["assembly"]["lines"]}
    assert "yujeonghoe" not in keys
    assert out["tiers"]["list"]["gallagher"] is None
    assert main(["indices", "1973", "--elected-only"]) == 0
    assert "(the appointed tier left out)" in capsys.readouterr().out
    assert main(["indices", "1973"]) == 0
    assert "left out" not in capsys.readouterr().out
