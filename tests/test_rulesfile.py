"""Rules files: the scenarios in ``examples/`` give hand-checked results; bad files name the field.

Every expected number below is worked out by hand in the comment above it,
from the votes in ``tests/golden/YEAR.csv``.
"""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

import pytest

import korelect
from korelect.errors import RulesError, RulesFileError
from korelect.law.rules import Appointed, FirstPartyBounds, FirstPartyFixedShare, NoListTier

ROOT = Path(__file__).parents[1]
GOLDEN = ROOT / "tests" / "golden"
EXAMPLES = ROOT / "examples"


def golden(year: int) -> tuple[korelect.Entry, ...]:
    return korelect.read_entries_csv(GOLDEN / f"{year}.csv")


def test_every_example_loads_and_has_a_comment_header() -> None:
    paths = sorted(EXAMPLES.glob("*.toml"))
    assert {p.name for p in paths} >= {
        "2024-five-percent.toml",
        "mmp-200-100.toml",
        "2016-dhondt.toml",
        "2020-uncapped.toml",
    }
    for path in paths:
        text = path.read_text(encoding="utf-8")
        assert text.startswith("# "), path
        rules = korelect.load_rules(path)
        assert rules.name
        assert rules.year is None  # a scenario, not an election
        # and it survives a round trip through rules_to_toml
        assert korelect.load_rules("again.toml", text=korelect.rules_to_toml(rules)) == rules


# -- examples/2024-five-percent.toml -------------------------------------------------------


def test_2024_five_percent_rules() -> None:
    rules = korelect.load_rules(EXAMPLES / "2024-five-percent.toml")
    base = korelect.rules_for(2024)
    assert rules.name == "2024 with a 5% threshold"
    assert str(rules.threshold) == "5% OR 5 seats"
    assert rules.list_tier == base.list_tier
    assert (rules.total_seats, rules.district_seats) == (300, 254)


def test_2024_five_percent_result() -> None:
    rules = korelect.load_rules(EXAMPLES / "2024-five-percent.toml")
    official = korelect.allocate(golden(2024), 2024)
    result = korelect.allocate(golden(2024), rules)
    nrp = result.party("New Reform Party")
    # 3.62% < 5% and 1 district seat < 5: no longer qualifies, keeps its district seat only
    assert not nrp.qualified
    assert (nrp.list_seats, nrp.total_seats) == (0, 1)
    assert official.party("New Reform Party").list_seats == 2
    # Qualifying list votes: 2669 + 3667 + 2425 = 8761; R = 3 (NRP, PP, NFP), N - R = 297.
    # s = 297 x p / 2, rounded: DA 45.24 -> 45, PFP 62.16 -> 62, RKP 41.10 -> 41 (sum 148).
    # 148 > 46, so 46 x s / 148: DA 13.99, PFP 19.27, RKP 12.74; 44 whole seats, the 2
    # left to the largest remainders DA (.99) and RKP (.74): 14, 19, 13.
    assert result.linked is not None
    assert result.linked.base == 297
    assert {r.name: r.seats for r in result.linked.rows if r.seats} == {
        "Democratic Alliance of Korea (DP satellite)": 45,
        "People Future Party (PPP satellite)": 62,
        "Rebuilding Korea Party": 41,
    }
    assert result.list_seats["Democratic Alliance of Korea (DP satellite)"] == 14
    assert result.list_seats["People Future Party (PPP satellite)"] == 19
    assert result.list_seats["Rebuilding Korea Party"] == 13
    # NRP's 2 seats went to PFP (18 -> 19) and RKP (12 -> 13)
    gained = {
        name: result.list_seats[name] - official.list_seats[name]
        for name in result.list_seats
        if result.list_seats[name] != official.list_seats[name]
    }
    assert gained == {
        "People Future Party (PPP satellite)": 1,
        "Rebuilding Korea Party": 1,
        "New Reform Party": -2,
    }
    assert result.total_seats == 300


# -- examples/mmp-200-100.toml -------------------------------------------------------------

MMP_CSV = """party,votes,district_seats,kind
A,4000,120,party
B,3500,70,party
C,1500,5,party
D,600,0,party
E,250,2,party
Independents,0,3,independent
Other parties,150,0,other
"""

# A wins far more districts than its vote share: overhang, with no levelling seats
MMP_OVERHANG_CSV = """party,votes,district_seats,kind
A,4000,160,party
B,3500,25,party
C,1500,8,party
D,600,0,party
E,250,2,party
Independents,0,5,independent
Other parties,150,0,other
"""


def test_mmp_rules() -> None:
    rules = korelect.load_rules(EXAMPLES / "mmp-200-100.toml")
    assert rules.name == "200 districts + 100 compensatory list seats"
    assert (rules.total_seats, rules.district_seats, rules.list_seats) == (300, 200, 100)
    assert rules.formula == "linked"
    assert isinstance(rules.list_tier, korelect.Linked)
    assert rules.list_tier.compensation == 1
    assert rules.list_tier.cap is None
    assert str(rules.threshold) == "3%"
    assert rules.vote_basis == "list"
    assert rules.ties == "lot"


def test_mmp_result() -> None:
    rules = korelect.load_rules(EXAMPLES / "mmp-200-100.toml")
    entries = korelect.read_entries_csv("mmp.csv", text=MMP_CSV)
    assert sum(e.district_seats for e in entries) == 200
    result = korelect.allocate(entries, rules)
    # E has 2.5% < 3%: out. Qualifying votes 4000 + 3500 + 1500 + 600 = 9600;
    # R = 2 (E) + 3 (independents) = 5, N - R = 295. s = 295 x p - r, rounded half up:
    # A 122.92 - 120 = 2.92 -> 3; B 107.55 - 70 = 37.55 -> 38; C 46.09 - 5 = 41.09 -> 41;
    # D 18.44 -> 18. The sum is exactly 100, the list seats: no second step.
    assert not result.party("E").qualified
    assert result.linked is not None
    assert result.linked.base == 295
    assert result.linked.total == 100
    assert result.list_seats == {
        "A": 3,
        "B": 38,
        "C": 41,
        "D": 18,
        "E": 0,
        "Independents": 0,
    }
    # fully compensatory: each qualifying party's total is 295 x p, to the nearest seat
    assert result.seats == {"A": 123, "B": 108, "C": 46, "D": 18, "E": 2, "Independents": 3}
    for name in "ABCD":
        ideal = Fraction(295) * result.party(name).votes / 9600
        assert abs(result.seats[name] - ideal) < 1
    assert result.total_seats == 300


def test_mmp_overhang() -> None:
    rules = korelect.load_rules(EXAMPLES / "mmp-200-100.toml")
    result = korelect.allocate(korelect.read_entries_csv("o.csv", text=MMP_OVERHANG_CSV), rules)
    # R = 2 + 5 = 7, N - R = 293. A: 293 x 4000/9600 - 160 = -37.9 -> 0.
    # B 106.82 - 25 = 81.82 -> 82; C 45.78 - 8 = 37.78 -> 38; D 18.31 -> 18; sum 138 > 100:
    # 100 x s / 138: B 59.42, C 27.54, D 13.04; 99 whole seats, the last to C (.54).
    assert result.linked is not None
    assert result.linked.base == 293
    assert result.linked.total == 138
    assert result.list_seats["A"] == 0
    assert [result.list_seats[p] for p in "BCD"] == [59, 28, 13]
    # no levelling seats: A keeps its 160 districts and the house stays at 300
    assert result.seats["A"] == 160
    assert result.total_seats == 300


def test_mmp_cli(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    from korelect.cli import main

    path = tmp_path / "mmp.csv"
    path.write_text(MMP_CSV, encoding="utf-8")
    assert main(["allocate", str(path), "--rules", str(EXAMPLES / "mmp-200-100.toml")]) == 0
    out = capsys.readouterr().out
    assert out.startswith("200 districts + 100 compensatory list seats\n")
    (total,) = [line for line in out.splitlines() if line.startswith("Total ")]
    assert total.split()[-3:] == ["200", "100", "300"]


# -- examples/2016-dhondt.toml -------------------------------------------------------------


def test_2016_dhondt_result() -> None:
    rules = korelect.load_rules(EXAMPLES / "2016-dhondt.toml")
    assert rules.list_tier.method == "dhondt"
    assert rules.threshold == korelect.rules_for(2016).threshold
    assert rules.formula == "proportional"
    result = korelect.allocate(golden(2016), rules)
    # 47 seats by D'Hondt among Saenuri 7,960,272, Minjoo 6,069,744, People's 6,355,572 and
    # Justice 1,719,891: the 47th quotient is Minjoo's 6,069,744 / 13 = 466,903, and Justice's
    # 4th (429,973) misses it: 17, 13, 14, 3. Hare gave 17, 13, 13, 4.
    assert result.list_seats == {
        "Saenuri Party": 17,
        "Minjoo Party of Korea": 13,
        "People's Party": 14,
        "Justice Party": 3,
        "Independents": 0,
    }
    hare = korelect.allocate(golden(2016), 2016)
    assert hare.list_seats["Justice Party"] == 4
    assert hare.list_seats["People's Party"] == 13
    assert result.total_seats == 300


# -- examples/2020-uncapped.toml -----------------------------------------------------------


def test_2020_uncapped_result() -> None:
    rules = korelect.load_rules(EXAMPLES / "2020-uncapped.toml")
    assert isinstance(rules.list_tier, korelect.Linked)
    assert rules.list_tier.cap is None
    assert rules.list_tier.compensation == Fraction(1, 2)
    result = korelect.allocate(golden(2020), rules)
    # The linked values are as in 2020: 55, 56, 16, 11, 9 (sum 147), now scaled to all 47
    # seats: 47 x s / 147 = 17.59, 17.90, 5.12, 3.52, 2.88; 44 whole seats, the 3 left to
    # FKP (.90), ODP (.88) and PP (.59): 18, 18, 5, 3, 3; no parallel tier.
    assert result.linked is not None
    assert result.linked.total == 147
    assert result.linked.cap == 47
    assert result.linked.parallel_seats == 0
    assert result.list_seats == {
        "Democratic Party of Korea": 0,
        "United Future Party": 0,
        "Platform Party (DP satellite)": 18,
        "Future Korea Party (UFP satellite)": 18,
        "Justice Party": 5,
        "People Party": 3,
        "Open Democratic Party": 3,
        "Minsaeng Party": 0,
        "Independents": 0,
    }
    # with the cap (the official result) it was 17 and 19
    capped = korelect.allocate(golden(2020), 2020)
    assert capped.list_seats["Platform Party (DP satellite)"] == 17
    assert capped.list_seats["Future Korea Party (UFP satellite)"] == 19


# -- errors: RulesFileError names the file and the field -----------------------------------

MINIMAL = 'name = "x"\ntotal_seats = 300\ndistrict_seats = 200\n[list_tier]\nformula = "linked"\n'


def test_minimal_full_system_loads() -> None:
    rules = korelect.load_rules("min.toml", text=MINIMAL)
    assert (rules.total_seats, rules.list_seats, rules.formula) == (300, 100, "linked")


BAD = [
    pytest.param('base = 2024\ntreshold = "5%"\n', ("treshold", "'threshold'"), id="unknown-top"),
    pytest.param('base = 2024\ncolour = "red"\n', ("colour", "unknown field"), id="unknown-top-2"),
    pytest.param("base = 2024\n[list_tier]\ncapp = 3\n", ("list_tier.capp",), id="unknown-tier"),
    pytest.param(
        MINIMAL + "foo = 1\n", ("list_tier.foo", "known: cap"), id="unknown-tier-without-base"
    ),
    pytest.param(
        "base = 2016\n[list_tier]\ncompensation = '1/2'\n",
        ("list_tier.compensation", "proportional"),
        id="tier-field-of-another-formula",
    ),
    pytest.param(
        "base = 1988\n[list_tier.bonus]\nshar = '1/2'\n",
        ("list_tier.bonus.shar", "share"),
        id="unknown-bonus-field",
    ),
    pytest.param('base = 2024\ntotal_seats = "x"\n', ("total_seats", "'x'"), id="wrong-type"),
    pytest.param(
        MINIMAL.replace("300", '"x"'), ("total_seats", "'x'"), id="wrong-type-without-base"
    ),
    pytest.param("base = 2024\ntotal_seats = true\n", ("total_seats",), id="bool-for-int"),
    pytest.param("base = 2024\ntotal_seats = -1\n", ("total_seats", ">= 0"), id="negative"),
    pytest.param("base = 2024\nname = 5\n", ("name",), id="int-for-string"),
    pytest.param("base = 2024\nthreshold = 3.5\n", ("threshold", "3.5", "string"), id="float"),
    pytest.param(
        "base = 2024\n[list_tier]\ncompensation = 0.5\n",
        ("list_tier.compensation", "0.5"),
        id="float-in-tier",
    ),
    pytest.param(
        "base = 2024\ndistrict_seats = 400\n",
        ("district_seats", "400", "total_seats"),
        id="district-over-total",
    ),
    pytest.param(
        "base = 2020\n[list_tier]\ncap = 48\n", ("cap", "48", "47"), id="cap-over-list-seats"
    ),
    pytest.param(
        "base = 2020\ntotal_seats = 280\n",
        ("cap", "30", "27"),
        id="cap-over-list-seats-after-shrinking",
    ),
    pytest.param(
        "base = 2024\n[list_tier]\ncompensation = '3/2'\n",
        ("compensation", "3/2"),
        id="compensation-over-1",
    ),
    pytest.param('base = 2024\nname = "x\n', ("not valid TOML", "line 2"), id="syntax"),
    pytest.param("base = 2024\nbase = 2020\n", ("not valid TOML",), id="duplicate-key"),
    pytest.param('base = "2024"\n', ("base", "'2024'"), id="base-as-string"),
    pytest.param(
        "total_seats = 300\ndistrict_seats = 200\n[list_tier]\nformula = 'linked'\n",
        ("name", "required", "base = YEAR"),
        id="missing-name",
    ),
    pytest.param(
        "name = 'x'\ndistrict_seats = 200\n[list_tier]\nformula = 'linked'\n",
        ("total_seats", "required"),
        id="missing-total-seats",
    ),
    pytest.param(
        "name = 'x'\ntotal_seats = 300\n[list_tier]\nformula = 'linked'\n",
        ("district_seats", "required"),
        id="missing-district-seats",
    ),
    pytest.param(
        "name = 'x'\ntotal_seats = 300\ndistrict_seats = 200\n",
        ("list_tier", "required"),
        id="missing-list-tier",
    ),
    pytest.param(
        MINIMAL.replace('"linked"', '"mmp"'), ("list_tier.formula", "'mmp'"), id="bad-formula"
    ),
    pytest.param("base = 2024\nlist_tier = 3\n", ("list_tier", "table"), id="tier-not-a-table"),
    pytest.param(
        'base = 2024\nthreshold = "five percent"\n', ("threshold", "five percent"), id="threshold"
    ),
    pytest.param('base = 2024\nties = "coin"\n', ("ties", "'coin'"), id="ties"),
    pytest.param('base = 2024\nvote_basis = "both"\n', ("vote_basis", "'both'"), id="vote-basis"),
    pytest.param(
        "base = 2016\n[list_tier]\nmethod = 'dhont'\n", ("method", "'dhont'"), id="method"
    ),
    pytest.param(
        "base = 2024\n[list_tier]\nzero_before_rounding = 'yes'\n",
        ("zero_before_rounding", "'yes'"),
        id="flag",
    ),
]


@pytest.mark.parametrize(("text", "fragments"), BAD)
def test_bad_rules_file(text: str, fragments: tuple[str, ...]) -> None:
    with pytest.raises(RulesFileError) as exc:
        korelect.load_rules("scenario.toml", text=text)
    message = str(exc.value)
    assert message.startswith("scenario.toml: ")
    assert exc.value.path == "scenario.toml"
    for fragment in fragments:
        assert fragment in message
    assert "\n" not in message
    # callers that catch the builtin or the family still catch it
    assert isinstance(exc.value, ValueError)
    assert isinstance(exc.value, RulesError)


def test_unknown_field_suggestion() -> None:
    with pytest.raises(RulesFileError) as exc:
        korelect.load_rules("s.toml", text='base = 2024\ntreshold = "5%"\n')
    assert str(exc.value) == "s.toml: field 'treshold': unknown field (did you mean 'threshold'?)"
    assert exc.value.field == "treshold"


def test_float_is_refused_with_the_exact_spelling() -> None:
    with pytest.raises(RulesFileError) as exc:
        korelect.load_rules("s.toml", text="base = 2024\nthreshold = 3.5\n")
    assert exc.value.field == "threshold"
    assert '"3%"' in str(exc.value)


def test_unknown_base_year_names_the_file() -> None:
    with pytest.raises(RulesFileError) as exc:
        korelect.load_rules("s.toml", text="base = 1999\n")
    assert str(exc.value).startswith("s.toml: ")
    assert "1999" in str(exc.value)
    assert "2024" in str(exc.value)  # the known years


def test_unknown_base_year_names_the_field() -> None:
    with pytest.raises(RulesFileError) as exc:
        korelect.load_rules("s.toml", text="base = 1999\n")
    assert "base" in str(exc.value)


def test_sources_of_the_wrong_type_names_the_field() -> None:
    with pytest.raises(RulesFileError) as exc:
        korelect.load_rules("s.toml", text="base = 2024\nsources = 5\n")
    assert "sources" in str(exc.value)


def test_sources_as_a_string_is_refused() -> None:
    with pytest.raises(RulesFileError) as exc:
        korelect.load_rules("s.toml", text='base = 2024\nsources = "abc"\n')
    assert "sources" in str(exc.value)


def test_bad_threshold_names_the_field_once() -> None:
    with pytest.raises(RulesFileError) as exc:
        korelect.load_rules("s.toml", text='base = 2024\nthreshold = "five percent"\n')
    assert str(exc.value).count("threshold") == 1


def test_file_errors(tmp_path: Path) -> None:
    with pytest.raises(RulesFileError, match=r"nope\.toml: no such file"):
        korelect.load_rules(tmp_path / "nope.toml")
    latin = tmp_path / "latin.toml"
    latin.write_bytes(b"base = 2024\nname = '\xff'\n")
    with pytest.raises(RulesFileError, match=r"latin\.toml: .*UTF-8"):
        korelect.load_rules(latin)
    with pytest.raises(RulesFileError, match="is a directory, not a rules file"):
        korelect.load_rules(tmp_path)


def test_none_strings_clear_optional_fields() -> None:
    rules = korelect.load_rules("s.toml", text='base = 2024\nthreshold = "none"\n')
    assert rules.threshold is None
    # New Reform Party now qualifies like every party (it did anyway at 3.62%)
    assert korelect.allocate(golden(2024), rules).party("New Reform Party").qualified


def test_base_keeps_the_law_and_drops_the_year() -> None:
    rules = korelect.load_rules("s.toml", text="base = 2020\n")
    base = korelect.rules_for(2020)
    assert rules.name == f"{base.name}, modified"
    assert (rules.year, rules.assembly) == (None, None)
    assert rules.list_tier == base.list_tier
    assert rules.law == base.law


# -- the list tiers of 1948–1985 -------------------------------------------------------------


@pytest.mark.parametrize("year", [1948, 1960, 1963, 1971, 1973, 1978, 1981, 1985])
def test_early_elections_round_trip(year: int) -> None:
    rules = korelect.rules_for(year)
    text = korelect.rules_to_toml(rules)
    assert f'formula = "{rules.formula}"' in text
    assert f"district_magnitude = {rules.district_magnitude}" in text
    back = korelect.load_rules("x.toml", text=text)
    assert back == rules
    assert korelect.rules_to_toml(back) == text


def test_early_tiers_from_scratch() -> None:
    # The 1963 tier with the readings the record does not support: every option by name.
    bounds = korelect.load_rules(
        "bounds.toml",
        text=(
            'name = "1963, by votes"\ntotal_seats = 175\ndistrict_seats = 131\n'
            'threshold = "3 seats AND 5%"\nvote_basis = "constituency"\n[list_tier]\n'
            'formula = "first-party-bounds"\nmajority = "50%"\nmajority_of = "valid"\n'
            'ceiling = "2/3"\nguaranteed = "1/2"\nrounding = "down"\nrest = "proportional"\n'
            'rest_basis = "votes"\nbasis = "votes"\nmethod = "dhondt"\n'
        ),
    )
    tier = bounds.list_tier
    assert isinstance(tier, FirstPartyBounds)
    assert (tier.majority_of, tier.rest, tier.rest_basis, tier.method) == (
        "valid",
        "proportional",
        "votes",
        "dhondt",
    )
    assert tier.ceiling == Fraction(2, 3)
    appointed = korelect.load_rules(
        "yusin.toml",
        text=(
            'name = "a third appointed"\ntotal_seats = 300\ndistrict_seats = 200\n'
            'district_magnitude = 2\n[list_tier]\nformula = "appointed"\nbloc = "the council"\n'
        ),
    )
    assert appointed.list_tier == Appointed(bloc="the council")
    assert appointed.district_magnitude == 2
    none = korelect.load_rules(
        "none.toml",
        text='name = "districts"\ntotal_seats = 5\ndistrict_seats = 5\n'
        '[list_tier]\nformula = "none"\n',
    )
    assert none.list_tier == NoListTier()


def test_base_year_before_1988_keeps_its_options() -> None:
    rules = korelect.load_rules("s.toml", text='base = 1981\n[list_tier]\nbasis = "votes"\n')
    tier = rules.list_tier
    assert isinstance(tier, FirstPartyFixedShare)
    assert (tier.basis, tier.share, tier.rounding) == ("votes", Fraction(2, 3), "down")
    assert rules.district_magnitude == 2


@pytest.mark.parametrize(
    ("text", "fragments"),
    [
        ("base = 1963\n[list_tier]\nmajority_of = 'half'\n", ("majority_of", "'half'")),
        ("base = 1963\n[list_tier]\nceiling = 0.66\n", ("list_tier.ceiling", "0.66")),
        ("base = 1981\n[list_tier]\ncap = 3\n", ("list_tier.cap", "first-party-fixed-share")),
        ("base = 1973\n[list_tier]\nbloc = ''\n", ("bloc",)),
        ("base = 1950\ntotal_seats = 220\n", ("'none' has no seats", "220")),
        ("base = 1973\ndistrict_magnitude = 0\n", ("district_magnitude", ">= 1")),
        (
            "name = 'x'\ntotal_seats = 3\ndistrict_seats = 3\n",
            ("list_tier", "required", '"first-party-bounds"', '"appointed"'),
        ),
    ],
)
def test_bad_early_rules_files(text: str, fragments: tuple[str, ...]) -> None:
    with pytest.raises(RulesFileError) as exc:
        korelect.load_rules("scenario.toml", text=text)
    for fragment in fragments:
        assert fragment in str(exc.value)
