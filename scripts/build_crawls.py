"""Build the second crawl of the district counts, 1948-2020, beside the shipped one.

Run: python scripts/build_crawls.py [--shared ../shared] [--data src/korelect/data]

korelect ships one count per district (docs/DATA.md): polis-korea's crawl of the
NEC count for 1948-1985, nec-history's for 1988-2016, krvote's polling stations for
2020. Two crawls of the same commission cover those years, nec-history (1948-2016)
and polis-korea (1948-2024), and they disagree in places. This script writes, for
every year 1948-2020, the crawl that is *not* the shipped source, normalised like
the shipped tables, so that ``korelect audit`` can compare them figure by figure:

``crawl_districts.csv``
    year, district_id, province, name_ko, electorate, ballots_cast, valid_votes,
    invalid_votes, source: one row per district of the crawl, in the crawl's order.
``crawl_candidates.csv.gz``
    year, district_id, province, district_ko, ballot_order, name_ko, party_ko,
    votes, source: one row per candidate, in the crawl's order.

The crawl is nec-history (``assembly-counting_vote-N.0.json``) for 1948-1985 and
polis-korea (``data/results/{N}..-general-YEAR.json``) for 1988-2020.

Values are copied, never corrected, with the shipped tables' rules for what a
source does not have: a 0 electorate, ballots cast or valid votes (no district has
none) is NULL, and so is a 0 of invalid votes where the ballots are unknown; a
district without a count (valid votes unknown and every candidate at 0, or no
votes at all) gives its candidates NULL votes. Names lose their spaces (nec-history
writes ``장   면``); a party left empty is ``무소속``.

``district_id`` is the shipped district (``districts.csv``) the crawl's district
matches, found in this order, within the province: the same name (spaces,
separators and ``(서울)``-style suffixes ignored; for the numbered districts of
1948-1985 the part in brackets, ``제1선거구(중구)`` -> ``중구``); the same number
(``제16선거구``) where both crawls number the districts and they share a
candidate; the same areas in another order (``연천군·포천군`` / ``포천군·연천군``)
with a candidate in common; and last the same candidates: the unmatched shipped
district with which it shares the most candidates' names, where that is more than
half of the smaller list and no other district shares as many. A district that
matches nothing keeps an empty ``district_id`` (the audit names it). The shipped
districts and candidates are read from ``--data`` (the package's own tables by
default): the script reads them, and writes only the two files above.

Only the standard library is used (and ``scripts/build_data.py``'s helpers); the
output is byte-for-byte reproducible (gzip without a timestamp).
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from build_data import (  # the shipped tables' own helpers
    ASSEMBLY,
    INDEPENDENT,
    OUT,
    ROOT,
    SRC_NEC,
    Provinces,
    known,
    polis_source,
    squash,
    write,
)

YEARS = tuple(y for y in ASSEMBLY if y <= 2020)
"""The years both crawls cover: 1948-2020 (2024's count is polis-korea's only)."""
NEC_IS_SECOND = tuple(y for y in YEARS if y <= 1985)
"""Years whose shipped count is polis-korea's, so the second crawl is nec-history's."""

DISTRICT_COLUMNS = [
    "year",
    "district_id",
    "province",
    "name_ko",
    "electorate",
    "ballots_cast",
    "valid_votes",
    "invalid_votes",
    "source",
]
CANDIDATE_COLUMNS = [
    "year",
    "district_id",
    "province",
    "district_ko",
    "ballot_order",
    "name_ko",
    "party_ko",
    "votes",
    "source",
]

NUMBER = re.compile(r"^제\s*(\d+)\s*(?:지역)?(?:선거구|구)?")
"""The number of a numbered district: 제1선거구, 제1지역구, 제1지역선거구, 제1(중구)."""
CITY = re.compile(r"\((?:서울|부산|대구|인천|광주|대전|울산)\)")
"""The suffix nec-history adds to a district named like one in another city: 중구(서울)."""
SEPARATORS = re.compile(r"[·ㆍ.,]")


@dataclass
class CrawlDistrict:
    """One district as the second crawl gives it, and the shipped district it matches."""

    year: int
    province: str
    name: str
    electorate: int | None
    ballots: int | None
    valid: int | None
    invalid: int | None
    source: str
    candidates: list[tuple[str, str, int | None]] = field(default_factory=list)
    district_id: str = ""


def parts(name: str) -> tuple[int | None, str, frozenset[str]]:
    """A district name's number (if numbered), its name key and its set of areas.

    >>> parts("제16선거구(개풍군)")
    (16, '개풍군', frozenset({'개풍군'}))
    >>> number, key, areas = parts("종로구.중구(서울)")
    >>> number, key, sorted(areas)
    (None, '종로구중구', ['종로구', '중구'])
    >>> parts("중구 갑")
    (None, '중구갑', frozenset({'중구갑'}))
    """
    name = name.strip()
    numbered = NUMBER.match(name)
    rest = name[numbered.end() :] if numbered else name
    inner = re.fullmatch(r"\s*\((.*)\)\s*", rest)
    if inner:
        rest = inner.group(1)
    rest = CITY.sub("", rest)
    areas = frozenset(filter(None, (squash(a) for a in SEPARATORS.split(rest))))
    return (int(numbered.group(1)) if numbered else None), squash(rest), areas


def count(value: object) -> int | None:
    """A count as the crawls write it (a string, a number or nothing)."""
    if value is None or value == "":
        return None
    return int(str(value))


def district(
    year: int,
    province: str,
    name: str,
    figures: Sequence[int | None],
    source: str,
    people: Iterable[tuple[str, str, int | None]],
) -> CrawlDistrict:
    """A crawl's district with the shipped tables' rules for what the crawl lacks."""
    electorate, ballots, valid, invalid = figures
    found = CrawlDistrict(
        year,
        province,
        name,
        known(electorate),
        known(ballots),
        known(valid),
        invalid if known(ballots) is not None else known(invalid),
        source,
    )
    people = [(re.sub(r"\s+", "", n), p or INDEPENDENT, v) for n, p, v in people]
    counted = bool(valid) or any(v for _, _, v in people)
    found.candidates = [(n, p, v if counted else None) for n, p, v in people]
    return found


def read_nec(data: Path, year: int, prov: Provinces) -> list[CrawlDistrict]:
    """nec-history's districts of one year (``assembly-counting_vote-N.0.json``)."""
    source = SRC_NEC.format(n=ASSEMBLY[year])
    out = []
    for block in json.loads((data / source).read_text(encoding="utf-8")):
        if block["voting_system"] != "constituency":
            continue
        for row in block["results"]:
            head, _, name = row["district"].strip().partition(" ")
            figures = [count(row[k]) for k in ("electorates", "counted_votes", "valid_votes")]
            out.append(
                district(
                    year,
                    prov.code(head),
                    name.strip(),
                    [*figures, count(row["undervotes"])],
                    source,
                    (
                        (c["name_kr"], c["party_name_kr"], count(c["votenum"]))
                        for c in row["result"]
                    ),
                )
            )
    return out


def read_polis(data: Path, year: int, prov: Provinces) -> list[CrawlDistrict]:
    """polis-korea's districts of one year (``data/results/{N}..-general-YEAR.json``)."""
    source = polis_source(year)
    out = []
    for race in json.loads((data / source).read_text(encoding="utf-8"))["races"]:
        if race["scope"] != "district":
            continue
        keys = ("electors", "voters", "valid_votes", "invalid_votes")
        out.append(
            district(
                year,
                prov.code(race["sido"]),
                race["district"].strip(),
                [count(race.get(k)) for k in keys],
                source,
                ((c["name"], c["party"], count(c["votes"])) for c in race["candidates"]),
            )
        )
    return out


def read_shipped(folder: Path) -> tuple[dict[int, list[list[str]]], dict[str, set[str]]]:
    """The shipped districts by year (id, province, name) and each one's candidates' names."""
    districts: dict[int, list[list[str]]] = defaultdict(list)
    with (folder / "districts.csv").open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            districts[int(row["year"])].append(
                [row["district_id"], row["province"], row["name_ko"]]
            )
    names: dict[str, set[str]] = defaultdict(set)
    with (folder / "candidates.csv").open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            names[row["district_id"]].add(squash(row["name_ko"]))
    return districts, names


def match(crawl: list[CrawlDistrict], shipped: list[list[str]], names: dict[str, set[str]]) -> None:
    """Set each crawl district's ``district_id`` (see the module's docstring)."""
    by_name: dict[tuple[str, str], list[str]] = defaultdict(list)
    by_number: dict[tuple[str, int], list[str]] = defaultdict(list)
    by_areas: dict[tuple[str, frozenset[str]], list[str]] = defaultdict(list)
    for did, province, name in shipped:
        number, key, areas = parts(name)
        by_name[province, key].append(did)
        by_areas[province, areas].append(did)
        if number is not None:
            by_number[province, number].append(did)
    used: set[str] = set()

    def people(d: CrawlDistrict) -> set[str]:
        return {squash(n) for n, _, _ in d.candidates}

    def take(d: CrawlDistrict, hits: list[str], *, shared: bool) -> bool:
        if len(hits) != 1 or hits[0] in used:
            return False
        if shared and not people(d) & names[hits[0]]:
            return False
        d.district_id = hits[0]
        used.add(hits[0])
        return True

    for d in crawl:
        number, key, areas = parts(d.name)
        if key and take(d, by_name.get((d.province, key), []), shared=False):
            continue
        if number is not None and take(d, by_number.get((d.province, number), []), shared=True):
            continue
        if areas:
            take(d, by_areas.get((d.province, areas), []), shared=True)
    for d in crawl:
        if d.district_id:
            continue
        mine = people(d)
        scores = sorted(
            (
                (len(mine & names[did]), did)
                for did, province, _ in shipped
                if province == d.province and did not in used
            ),
            reverse=True,
        )
        if not scores:
            continue
        best, did = scores[0]
        if best * 2 <= min(len(mine), len(names[did])):
            continue
        if len(scores) > 1 and scores[1][0] == best:
            continue
        rivals = [
            o
            for o in crawl
            if o is not d and not o.district_id and o.province == d.province
            if len(people(o) & names[did]) >= best
        ]
        if rivals:
            continue
        d.district_id = did
        used.add(did)


def build(shared: Path, folder: Path) -> tuple[list[CrawlDistrict], dict[int, int]]:
    """Every second-crawl district of 1948-2020, matched; and the shipped districts per year."""
    data = shared / "data"
    prov = Provinces()
    shipped, names = read_shipped(folder)
    out: list[CrawlDistrict] = []
    for year in YEARS:
        crawl = (read_nec if year in NEC_IS_SECOND else read_polis)(data, year, prov)
        seen = {(d.province, d.name) for d in crawl}
        if len(seen) != len(crawl):
            raise SystemExit(f"{year}: a district name repeats within a province")
        match(crawl, shipped[year], names)
        out += crawl
    return out, {y: len(shipped[y]) for y in YEARS}


def rows(crawl: list[CrawlDistrict]) -> tuple[list[list[object]], list[list[object]]]:
    """The rows of ``crawl_districts`` and ``crawl_candidates``."""
    districts: list[list[object]] = []
    candidates: list[list[object]] = []
    for d in crawl:
        figures = [d.electorate, d.ballots, d.valid, d.invalid]
        districts.append([d.year, d.district_id, d.province, d.name, *figures, d.source])
        candidates.extend(
            [d.year, d.district_id, d.province, d.name, i, name, party, votes, d.source]
            for i, (name, party, votes) in enumerate(d.candidates, 1)
        )
    return districts, candidates


def main() -> None:
    """Read ../shared/data and the shipped districts, and write the two crawl tables."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT / "../shared")
    parser.add_argument(
        "--data", type=Path, default=OUT, help="folder of the shipped districts and candidates"
    )
    parser.add_argument("--out", type=Path, default=OUT, help="folder to write the tables to")
    args = parser.parse_args()
    crawl, shipped = build(args.shared, args.data)
    districts, candidates = rows(crawl)
    print("writing", args.out)
    write(args.out, "crawl_districts", DISTRICT_COLUMNS, districts)
    write(args.out, "crawl_candidates", CANDIDATE_COLUMNS, candidates, gz=True)
    for year in YEARS:
        mine = [d for d in crawl if d.year == year]
        matched = sum(1 for d in mine if d.district_id)
        print(f"  {year}: {matched} of {len(mine)} matched, {shipped[year]} shipped")


if __name__ == "__main__":
    main()
