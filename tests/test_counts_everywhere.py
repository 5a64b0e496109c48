"""Every analysis and every command takes your own counts, down the one road.

A shipped year exported as a counts folder (``korelect.write_counts``) gives, with
``--counts DIR`` (or the folder, or :class:`~korelect.Counts`, in Python), byte for byte
what the YEAR gives: results, district, compare, swing, simulate (a fixed seed), indices,
every chart and article write. A small folder of two-member districts checks what only
your own counts have: a simulation without noise is the count, a noisy one elects the
top two of each district, and a swing is the recount of the swung votes.
"""

from __future__ import annotations

import csv
import io
import json
import math
from collections import Counter
from fractions import Fraction
from pathlib import Path
from typing import Any

import numpy as np
import pytest

import korelect
from korelect.analysis.indices import indices_text, indices_to_dict
from korelect.analysis.simulate import CHUNK, _base
from korelect.analysis.swing import swing_votes
from korelect.charts.map import map_svg
from korelect.cli import main
from korelect.errors import InputError
from korelect.record.counts import Counts

ROOT = Path(__file__).parents[1]
DHONDT = ROOT / "examples" / "2016-dhondt.toml"
ZERO = {"national_sd": 0.0, "regional_sd": 0.0, "district_sd": 0.0, "list_sd": 0.0}

TWO_MEMBER = {
    "election.toml": 'format = "korelect-counts"\nversion = 1\nyear = 1978\n'
    'name = "Two-member test"\nrules = "rules.toml"\n',
    "rules.toml": 'name = "two-member districts, no list tier"\ntotal_seats = 4\n'
    'district_seats = 4\n[list_tier]\nformula = "proportional"\n',
    "districts.csv": "district_id,province,name_ko,magnitude\nA,seoul,갑,2\nB,busan,을,2\n",
    "candidates.csv": "district_id,ballot_order,name_ko,party_ko,votes,birth_date\n"
    "A,1,가,P,100,\nA,2,나,Q,90,\nA,3,다,P,80,\n"
    "B,1,라,P,50,1940-01-01\nB,2,마,Q,70,\nB,3,바,R,50,1930-01-01\n",
}
"""Two districts of two members (as in ``tests/test_counts.py``): B's last seat is a tie
that the eldest (바) takes."""


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """2016's counts, exported."""
    path = tmp_path_factory.mktemp("everywhere") / "2016"
    korelect.write_counts(korelect.counts_of(2016), path)
    return path


def _write(path: Path, files: dict[str, str]) -> Path:
    path.mkdir()
    for name, text in files.items():
        (path / name).write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def two(tmp_path: Path) -> Path:
    """The two-member counts folder."""
    return _write(tmp_path / "two", TWO_MEMBER)


def _run(capsys: pytest.CaptureFixture[str], *argv: str | Path) -> str:
    status = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    assert (status, err) == (0, ""), err
    return out


def _error(capsys: pytest.CaptureFixture[str], *argv: str | Path) -> str:
    status = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    assert status == 2
    assert out == ""
    assert len(err.splitlines()) == 1, err
    return err.rstrip("\n")


# -- the same output from the YEAR and from its exported counts ----------------------------


COMMANDS: list[object] = [
    ("results",),
    ("results", "--json", "--by", "province"),
    ("results", "--rules", "2024"),
    ("district", "종로구"),
    ("district", "종로구", "--json"),
    ("compare", "--rules", "2024"),
    ("compare", "--rules", "2020", "--json", "--merge-satellites"),
    ("compare", "--rules", str(DHONDT)),
    ("swing", "Saenuri=+3"),
    ("swing", "Saenuri=+3", "Minjoo=-1", "--kind", "proportional", "--json"),
    ("swing", "Saenuri=-2", "--rules", "2024"),
    ("simulate", "-n", "300", "--seed", "5"),
    ("simulate", "-n", "300", "--seed", "5", "--json", "--rules", "2024"),
    ("indices",),
    ("indices", "--json", "--merge-satellites"),
    ("article", "write"),
    ("article", "write", "--rules", "2024"),
]


def _with(command: tuple[str, ...], source: list[str]) -> list[str]:
    """``command`` with the source after its name (``article write``: after the action)."""
    head = 2 if command[0] == "article" else 1
    return [*command[:head], *source, *command[head:]]


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_a_command_gives_the_same_output_from_the_counts(
    command: tuple[str, ...], folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    by_year = _run(capsys, *_with(command, ["2016"]))
    by_counts = _run(capsys, *_with(command, ["--counts", str(folder)]))
    assert by_counts == by_year
    if "--json" in command:
        json.loads(by_counts)


def test_the_counts_may_follow_the_changes(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    by_year = _run(capsys, "swing", "2016", "Saenuri=+3", "Minjoo=-1")
    assert _run(capsys, "swing", "Saenuri=+3", "Minjoo=-1", "--counts", folder) == by_year


@pytest.mark.parametrize(
    "argv",
    [
        ("hemicycle",),
        ("hemicycle", "--rules", "2024"),
        ("map",),
        ("map", "--party", "People's Party"),
        ("bars", "--rules", "2020"),
        ("histogram", "-n", "200", "--seed", "3"),
    ],
    ids=" ".join,
)
def test_a_chart_is_the_same_from_the_counts(
    argv: tuple[str, ...], folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    year_svg, counts_svg = tmp_path / "year.svg", tmp_path / "counts.svg"
    _run(capsys, "chart", argv[0], "2016", *argv[1:], "-o", year_svg)
    _run(capsys, "chart", argv[0], "--counts", folder, *argv[1:], "-o", counts_svg)
    assert counts_svg.read_bytes() == year_svg.read_bytes()


@pytest.fixture(scope="module")
def sources(folder: Path) -> list[Any]:
    """2016 as a year, as text, as a folder (path and text) and as counts."""
    return [2016, "2016", folder, str(folder), korelect.counts_of(2016)]


def test_compare_takes_every_source(sources: list[Any]) -> None:
    rules = korelect.rules_for(2024)
    want = korelect.compare(2016, rules)
    for source in sources:
        got = korelect.compare(source, rules)
        assert got.table() == want.table()
        assert got.to_dict() == want.to_dict()
        assert got.notes == korelect.results(2016, rules=2024).notes
    assert korelect.compare(sources[2], 2024).to_dict() == want.to_dict()


def test_swing_takes_every_source(sources: list[Any]) -> None:
    want = korelect.swing(2016, {"Saenuri": "+3"}, rules=korelect.rules_for(2020))
    for source in sources:
        got = korelect.swing(source, {"Saenuri": "+3"}, rules=2020)
        assert got.table() == want.table()
        assert got.to_dict() == want.to_dict()


def test_simulate_takes_every_source(sources: list[Any]) -> None:
    want = korelect.simulate(2016, 300, seed=11, rules=korelect.rules_for(2024))
    for source in sources:
        got = korelect.simulate(source, 300, seed=11, rules=2024)
        assert np.array_equal(got.seats, want.seats)
        assert got.table() == want.table()
        assert json.dumps(got.to_dict()) == json.dumps(want.to_dict())


def test_indices_and_the_map_take_every_source(sources: list[Any]) -> None:
    text, record, svg = indices_text(2016), indices_to_dict(2016), map_svg(2016)
    for source in sources:
        assert indices_text(source) == text
        assert indices_to_dict(source) == record
        assert map_svg(source) == svg


def test_edited_counts_are_what_is_computed(folder: Path, tmp_path: Path) -> None:
    """Your own counts, not the shipped year's: a district flipped in the folder flips."""
    edited = tmp_path / "edited"
    edited.mkdir()
    for f in folder.iterdir():
        (edited / f.name).write_bytes(f.read_bytes())
    (edited / "winners.csv").unlink()  # a declared winner would keep the seat
    rows = list(csv.DictReader(io.StringIO((edited / "candidates.csv").read_text("utf-8"))))
    district = next(r["district_id"] for r in rows if r["party_ko"] == "새누리당")
    best = max(int(r["votes"]) for r in rows if r["district_id"] == district)
    for r in rows:
        if r["district_id"] == district and r["party_ko"] == "더불어민주당":
            r["votes"] = str(best + 1)
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    (edited / "candidates.csv").write_text(out.getvalue(), encoding="utf-8")
    mine = korelect.results(edited)
    assert mine.district(district).winner_party == "더불어민주당"
    sim = korelect.simulate(edited, 2, **ZERO)
    seats = dict(zip((p.party_id for p in sim.parties), sim.seats[0].tolist(), strict=True))
    assert {k: v for k, v in seats.items() if v} == {
        p.info.party_id: p.total_seats for p in mine.parties if p.total_seats
    }
    flipped = korelect.swing(edited, {"Minjoo": 0})
    assert flipped.flips == ()
    assert flipped.line("Minjoo").base_district == mine.party("Minjoo").district_seats


# -- two-member districts ------------------------------------------------------------------


def _seats(sim: korelect.Simulation, row: int = 0) -> dict[str, int]:
    return {p.name_ko: int(v) for p, v in zip(sim.parties, sim.seats[row], strict=True) if v}


def test_two_member_simulation_without_noise_is_the_count(two: Path) -> None:
    want = {p.info.name_ko: p.total_seats for p in korelect.results(two).parties}
    assert want == {"P": 1, "Q": 2, "R": 1}
    sim = korelect.simulate(two, 4, **ZERO)
    for row in range(4):
        assert _seats(sim, row) == want  # B's tied last seat goes to the eldest, as counted


def test_two_member_simulation_elects_the_top_two(two: Path) -> None:
    """Every run's seats are those of the top two of each district's noisy votes."""
    sds = {"national_sd": 0.1, "regional_sd": 0.1, "district_sd": 0.3, "list_sd": 0.0}
    n, seed = CHUNK, 4  # one chunk: one generator
    sim = korelect.simulate(two, n, seed=seed, **sds)
    base = _base(two, None)
    p = len(base.parties)
    rng = np.random.default_rng([seed, 0])
    nat = rng.standard_normal((CHUNK, p))[:n] * sds["national_sd"]
    reg = rng.standard_normal((CHUNK, base.provinces, p))[:n] * sds["regional_sd"]
    noise = rng.standard_normal((CHUNK, len(base.cells)))[:n] * sds["district_sd"]
    k = base.seat_party.shape[1]
    for run in range(n):
        want: Counter[int] = Counter()
        for district, start in enumerate(base.starts):
            stop = base.starts[district + 1] if district + 1 < len(base.starts) else None
            cells = range(int(start), len(base.cells) if stop is None else int(stop))
            score = {
                int(base.cells[c]) % k: base.cell_log[c]
                + noise[run, c]
                + nat[run, base.cell_vote_party[c]]
                + reg[run, base.cell_province[c], base.cell_vote_party[c]]
                for c in cells
            }
            top = sorted(score, key=lambda col: (-score[col], col))[:2]
            want.update(int(base.seat_party[district, col]) for col in top)
        assert sim.seats[run].tolist() == [want[j] for j in range(p)], run
    assert (sim.seats.sum(axis=1) == 4).all()
    assert len({tuple(row) for row in sim.seats.tolist()}) > 1


def _recounted(two: Path, tmp_path: Path, changes: dict[str, Fraction]) -> Path:
    """The two-member folder with each district's votes swung, in whole numbers."""
    rows = list(csv.DictReader(io.StringIO(TWO_MEMBER["candidates.csv"])))
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]), lineterminator="\n")
    writer.writeheader()
    for district in ("A", "B"):
        mine = [r for r in rows if r["district_id"] == district]
        new = swing_votes([(r["party_ko"], int(r["votes"])) for r in mine], changes)
        scale = math.lcm(*(v.denominator for v in new))
        for r, v in zip(mine, new, strict=True):
            writer.writerow({**r, "votes": str(int(v * scale))})
    files = {**TWO_MEMBER, "candidates.csv": out.getvalue()}
    return _write(tmp_path / "recounted", files)


@pytest.mark.parametrize(
    "changes",
    [{"P": Fraction(10)}, {"Q": Fraction(-20)}, {"R": Fraction(3), "P": Fraction(-4)}],
    ids=str,
)
def test_two_member_swing_is_the_recount(
    changes: dict[str, Fraction], two: Path, tmp_path: Path
) -> None:
    swung = korelect.swing(two, changes)
    recount = korelect.results(_recounted(two, tmp_path, changes))
    want = {p.info.party_id: p.district_seats for p in recount.parties if p.district_seats}
    got = {line.info.party_id: line.swung_district for line in swung.parties}
    assert {k: v for k, v in got.items() if v} == want
    base = {p.info.party_id: p.district_seats for p in korelect.results(two).parties}
    assert {line.info.party_id: line.base_district for line in swung.parties} == base
    assert sum(line.swung_total for line in swung.parties) == 4
    moved = 0
    for before, after in zip(korelect.results(two).districts, recount.districts, strict=True):
        gained = Counter(p for _, p in after.members) - Counter(p for _, p in before.members)
        moved += sum(gained.values())
    assert len(swung.flips) == moved


def test_two_member_swing_without_change_keeps_every_seat(two: Path) -> None:
    swung = korelect.swing(two, {"Q": 0})
    assert swung.flips == ()
    assert all(line.change == 0 for line in swung.parties)


def test_two_member_counts_on_the_command_line(
    two: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sim = _run(capsys, "simulate", "--counts", two, "-n", "50", "--seed", "2")
    assert sim.startswith("1978: 50 simulated elections, seed 2")
    assert "Districts that changed hands: 2" in _run(capsys, "swing", "--counts", two, "P=+10")
    assert "갑" in _run(capsys, "district", "--counts", two, "A")
    assert json.loads(_run(capsys, "indices", "--counts", two, "--json"))["year"] == 1978
    table = _run(capsys, "compare", "--counts", two, "--rules", "2004")
    assert "applied to 1978" in table


# -- one clear line for a missing or doubled source ------------------------------------------


@pytest.mark.parametrize(
    ("name", "argv"),
    [
        ("district", ["district", "종로구"]),
        ("compare", ["compare", "--rules", "2016"]),
        ("swing", ["swing", "Saenuri=+3"]),
        ("simulate", ["simulate"]),
        ("indices", ["indices"]),
        ("chart hemicycle", ["chart", "hemicycle", "-o", "x.svg"]),
        ("chart histogram", ["chart", "histogram", "-o", "x.svg"]),
        ("article write", ["article", "write"]),
    ],
)
def test_neither_or_both_is_one_error_line(
    name: str,
    argv: list[str],
    folder: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(tmp_path)
    want = f"korelect: error: {name}: give a YEAR or --counts DIR (one of them)"
    assert _error(capsys, *argv) == want
    year = _with(tuple(argv), ["2016"])
    if argv[0] == "chart":
        year = [argv[0], argv[1], "2016", *argv[2:]]
    assert _error(capsys, *year, "--counts", folder) == want
    # A YEAR after the options: where argparse has passed the optional YEAR by then (it
    # takes the positionals it can before an option), a usage error; one line either way.
    last = [*argv, "--counts", str(folder), "2016"]
    if argv[0] in ("district", "swing", "chart"):
        with pytest.raises(SystemExit) as usage:
            main(last)
        assert usage.value.code == 2
        out, err = capsys.readouterr()
        assert (out, len(err.splitlines())) == ("", 1)
        assert err.startswith("korelect: error: unrecognized arguments: 2016")
    else:
        assert _error(capsys, *last) == want
    assert not (tmp_path / "x.svg").exists()


def test_bad_counts_and_counts_without_district_counts(
    two: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert "not a folder of counts" in _error(capsys, "indices", "--counts", tmp_path / "none")
    assert "swing: give PARTY=POINTS after the YEAR" in _error(capsys, "swing", "2016")
    (two / "candidates.csv").write_text(
        "district_id,ballot_order,name_ko,party_ko,votes\n", encoding="utf-8"
    )
    (two / "winners.csv").write_text(
        "district_id,name_ko,party_ko\nA,가,P\nA,나,Q\nB,마,Q\nB,바,R\n", encoding="utf-8"
    )
    assert korelect.results(two).total_seats == 4  # the declared members hold the seats
    line = _error(capsys, "simulate", "--counts", two, "-n", "5")
    assert f"simulate needs district counts; {two} has none" in line
    assert f"{two} has no district counts to swing" in _error(
        capsys, "swing", "--counts", two, "P=+1"
    )
    with pytest.raises(InputError, match="has none"):
        korelect.simulate(korelect.read_counts(two), 5)
    assert isinstance(korelect.read_counts(two), Counts)
