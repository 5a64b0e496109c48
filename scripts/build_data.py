"""Build korelect's shipped tables from the raw sources in ../shared/data.

Run: python scripts/build_data.py [--shared ../shared]

Writes normalised CSV tables into src/korelect/data/ (documented in
docs/DATA.md). Values are copied, never corrected: where the sources
disagree, both figures are kept and ``korelect audit`` reports them.
Hand-curated tables (parties.csv, provinces.csv) live in the same folder and
are read, not written, here. Only the standard library is used, so the script
runs on a bare Python.

The twelve elections of 1948-1985 (``HISTORIC``) come from polis-korea's crawl
of the NEC count: their districts (with ``magnitude``, 2 in the two-member
districts of 1973-1985), candidates, declared winners and the national tier's
declared seats (``national_seats``), and ``elections.csv`` lists them with the
rest: every year there is a shipped election that ``korelect.results`` computes
under its law (``korelect.law.election_1948`` ...).
"""

from __future__ import annotations

import argparse
import csv
import gzip
import io
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
from korelect.record.polling import StationRow, tabulate  # noqa: E402  (the package's own tabulation)

OUT = ROOT / "src/korelect/data"

ASSEMBLY = {
    1948: 1,
    1950: 2,
    1954: 3,
    1958: 4,
    1960: 5,
    1963: 6,
    1967: 7,
    1971: 8,
    1973: 9,
    1978: 10,
    1981: 11,
    1985: 12,
    1988: 13,
    1992: 14,
    1996: 15,
    2000: 16,
    2004: 17,
    2008: 18,
    2012: 19,
    2016: 20,
    2020: 21,
    2024: 22,
}
DATES = {
    1948: "1948-05-10",
    1950: "1950-05-30",
    1954: "1954-05-20",
    1958: "1958-05-02",
    1960: "1960-07-29",
    1963: "1963-11-26",
    1967: "1967-06-08",
    1971: "1971-05-25",
    1973: "1973-02-27",
    1978: "1978-12-12",
    1981: "1981-03-25",
    1985: "1985-02-12",
    1988: "1988-04-26",
    1992: "1992-03-24",
    1996: "1996-04-11",
    2000: "2000-04-13",
    2004: "2004-04-15",
    2008: "2008-04-09",
    2012: "2012-04-11",
    2016: "2016-04-13",
    2020: "2020-04-15",
    2024: "2024-04-10",
}
HISTORIC = (1948, 1950, 1954, 1958, 1960, 1963, 1967, 1971, 1973, 1978, 1981, 1985)
"""The elections before 1988, shipped from polis-korea (districts, candidates, winners,
national_seats); 1960 is the House of Representatives (민의원) only."""
TWO_MEMBER = (1973, 1978, 1981, 1985)
"""Years of two-member districts (../shared/docs/LAW-1948-1985.md); the build checks that
polis-korea marks exactly this many winners (``won``) in every district of a year."""
INDEPENDENT = "무소속"

SRC_NEC = "nec-history/assembly-counting_vote-{n}.0.json"
SRC_WINNERS = "krvote/chongun_winner.converted.csv"
SRC_POLLING = "krvote/general_2020_long.converted.csv"
SRC_POLLING_2012 = "krvote/general_2012.rda"
SRC_POLLING_2016 = "krvote/general_2016.rda"
POLLING_COLUMNS = [
    "province",
    "district",
    "sigungu",
    "emd",
    "station",
    "category",
    "party_ko",
    "name_ko",
    "count",
]
"""The columns of every ``polling_YEAR`` table."""
REPAIRED = re.compile(r"\.\.\.\d+$")
"""R's name repair (``하태경...5``): how krvote's 2012 file spells some candidates."""
SRC_LEGISLATORS = "assemblykor/legislators.csv"
SRC_POLIS = "polis-korea/data/results/{n}{suffix}-general-{year}.json"


def polis_source(year: int) -> str:
    """polis-korea's results file of one election, e.g. ``22nd-general-2024.json``."""
    n = ASSEMBLY[year]
    suffix = {1: "st", 2: "nd", 3: "rd"}.get(n % 10 if n % 100 not in (11, 12, 13) else 0, "th")
    return SRC_POLIS.format(n=n, suffix=suffix, year=year)


SRC_ELECTED17 = "nec-history/assembly-elected-17.0.csv"


def squash(text: str) -> str:
    """A name without spaces and separators, for matching across sources."""
    return re.sub(r"[\s·ㆍ.,()]", "", text)


class Provinces:
    """Province codes from any of the Korean forms the sources use."""

    def __init__(self) -> None:
        self.by_name: dict[str, str] = {}
        with (ROOT / "src/korelect/data/provinces.csv").open(encoding="utf-8") as f:
            for row in csv.DictReader(f):
                names = [row["name_ko"], row["short_ko"], *filter(None, row["aliases"].split(";"))]
                for name in names:
                    self.by_name[name] = row["code"]

    def split(self, raw: str) -> tuple[str, str]:
        """'세종특별자치시을' or '대구 동구군위군을' -> (province code, district name)."""
        head, _, rest = raw.strip().partition(" ")
        if head in self.by_name and rest:
            return self.by_name[head], rest.strip()
        for name in sorted(self.by_name, key=len, reverse=True):
            if raw.startswith(name):
                return self.by_name[name], raw[len(name) :].strip() or raw
        raise SystemExit(f"no province in {raw!r}: add it to provinces.csv")

    def code(self, name: str) -> str:
        """The code of a province named in any of its Korean forms."""
        try:
            return self.by_name[name.strip()]
        except KeyError:
            raise SystemExit(f"unknown province {name!r}: add it to provinces.csv") from None


def district_name(raw: str) -> str:
    """'서울 중구(서울)' -> '중구': the province prefix and disambiguating suffix dropped."""
    parts = raw.split(maxsplit=1)
    name = parts[1] if len(parts) > 1 else parts[0]
    return re.sub(r"\((서울|부산|대구|인천|광주|대전|울산)\)$", "", name).strip()


def match(
    winner: list[object], districts: list[list[object]], candidates: list[list[object]]
) -> str:
    """The district of a declared winner: where a candidate of that name ran, in its province.

    District names differ between sources (order of merged areas, separators,
    suffixes), so the winner's name decides; the district name breaks ties.
    """
    year, province, district_ko, name = winner[0], winner[1], str(winner[2]), str(winner[3])
    prefix = f"{year}:{province}:"
    hits = sorted(
        {
            str(c[1])
            for c in candidates
            if str(c[1]).startswith(prefix) and squash(str(c[3])) == squash(name)
        }
    )
    if len(hits) == 1:
        return hits[0]
    pool = hits or [str(d[1]) for d in districts if str(d[1]).startswith(prefix)]
    wanted = sorted(squash(district_ko))
    same = [h for h in pool if squash(h.split(":", 2)[2]) == squash(district_ko)]
    if len(same) == 1:
        return same[0]
    same = [h for h in pool if sorted(squash(h.split(":", 2)[2])) == wanted]
    return same[0] if len(same) == 1 else ""


def read_rda_stations(path: Path, key: str, prov: Provinces) -> list[StationRow]:
    """The polling-station rows of one of krvote's nested .rda tables (시도, 선거구, data).

    The strings are CP949 without an encoding mark, so only the ``rdata`` package
    with ``default_encoding="cp949"`` reads them (a build-time dependency).
    """
    import warnings  # noqa: PLC0415

    import rdata  # noqa: PLC0415  (only the data build reads .rda files)

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # rdata has no constructor for tibbles: data frames
        frame = rdata.conversion.convert(rdata.parser.parse_file(path), default_encoding="cp949")[
            key
        ]
    rows = []
    for sido, district, data in frame.itertuples(index=False):
        for emd, station, category, count in data.itertuples(index=False):
            if not float(count).is_integer():
                raise SystemExit(f"{path}: {district} {station}: non-integer count {count}")
            rows.append(
                StationRow(
                    prov.code(str(sido)),
                    str(district),
                    "",
                    str(emd),
                    str(station),
                    str(category).strip(),
                    int(count),
                )
            )
    return rows


def match_stations(
    year: int, stations: list[StationRow], candidates: list[list[object]]
) -> list[str]:
    """The district name (in ``districts``) of every station row, in order.

    The station files name districts their own way (2012: ``선거구_구시군`` for
    districts split over several 구시군; 2016: the 구시군 alone, which may hold
    several districts), so each station's district is found by its candidates'
    names: the one district of the province whose candidates are the same
    people. A station without candidate rows takes its file unit's district.
    """
    counted: dict[str, set[str]] = {}
    for c in candidates:
        if c[0] == year:
            counted.setdefault(str(c[1]), set()).add(squash(str(c[3])))

    def district(province: str, names: set[str]) -> str | None:
        hits = [
            did
            for did, there in counted.items()
            if did.startswith(f"{year}:{province}:") and there == names
        ]
        return hits[0].split(":", 2)[2] if len(hits) == 1 else None

    def key(st: StationRow) -> tuple[str, str, str, str]:
        return (st.province, st.district, st.emd, st.station)

    people: dict[tuple[str, str, str, str], set[str]] = {}
    units: dict[tuple[str, str], set[str]] = {}
    for st in stations:
        if st.candidate is not None:
            name = squash(REPAIRED.sub("", st.candidate[0]))
            people.setdefault(key(st), set()).add(name)
            units.setdefault((st.province, st.district), set()).add(name)
    by_unit = {unit: district(unit[0], names) for unit, names in units.items()}
    by_station = {k: district(k[0], names) for k, names in people.items()}
    return [
        by_station.get(key(st))
        or by_unit.get((st.province, st.district))
        or st.district.partition("_")[0]
        for st in stations
    ]


def polling_rows(
    stations: list[StationRow], districts: list[str], *, unit_is_sigungu: bool
) -> list[list[object]]:
    """Station rows in the columns of ``polling_YEAR``, each under its district."""
    rows: list[list[object]] = []
    for st, name in zip(stations, districts, strict=True):
        sigungu = st.district if unit_is_sigungu else st.district.partition("_")[2]
        person, party = st.candidate or ("", "")
        rows.append(
            [
                st.province,
                name,
                sigungu,
                st.emd,
                st.station,
                st.category,
                party,
                person,
                st.count,
            ]
        )
    return rows


def known(count: int | None) -> int | None:
    """A count where 0 stands for "not in the source" (no district has 0 voters): None."""
    return count or None


def historic_names(races: list[dict[str, object]], prov: Provinces) -> list[str]:
    """The name of every district race, unique within its province.

    polis-korea's own name (``district``), except where two districts of a province share
    one: the district whose ``sigungu_area`` is a single area other than that name takes
    the area's name (1958 전북: the 금산군 district is named 진안군 again).
    """
    names = [str(r["district"]).strip() for r in races]
    keys = [(prov.code(str(r["sido"])), n) for r, n in zip(races, names, strict=True)]
    for i, race in enumerate(races):
        if keys.count(keys[i]) > 1:
            area = race.get("sigungu_area") or []
            if isinstance(area, list) and len(area) == 1 and area[0] != names[i]:
                names[i] = str(area[0])
    unique = {(k[0], n) for k, n in zip(keys, names, strict=True)}
    if len(unique) != len(names):
        raise SystemExit(f"district names repeat in a province: {sorted(keys)}")
    return names


def historic(
    data: Path, prov: Provinces
) -> tuple[list[list[object]], list[list[object]], list[list[object]], list[list[object]]]:
    """The districts, candidates, declared winners and national seats of 1948-1985.

    From polis-korea's ``results/{N}..-general-{YEAR}.json``. Copied as given, except:
    a count of 0 where the source has none (electorate, ballots and valid votes; the
    invalid votes where the ballots are unknown) is NULL; an uncontested district (every
    candidate marked ``uncontested``) and a district without a count (valid votes 0, every
    candidate 0: 1954 and 1958 in Jeju, where polis-korea has only the winner) give their
    candidates NULL votes. ``magnitude`` is the number of ``won`` candidates, checked
    against the law (2 in TWO_MEMBER, else 1). Candidates keep polis-korea's order, which
    is by votes (its ``rank``), not the ballot.
    """
    districts: list[list[object]] = []
    candidates: list[list[object]] = []
    winners: list[list[object]] = []
    national: list[list[object]] = []
    for year in HISTORIC:
        source = polis_source(year)
        doc = json.loads((data / source).read_text(encoding="utf-8"))
        if doc["_meta"]["election_date"] != DATES[year]:
            raise SystemExit(f"{source}: polling day {doc['_meta']['election_date']}")
        races = [r for r in doc["races"] if r["scope"] == "district"]
        for race in doc["races"]:
            if race["scope"] == "nation":
                national.extend(
                    [year, c["party"], c["proportional_seats"], source]
                    for c in race.get("candidates", [])
                )
        for race, name in zip(races, historic_names(races, prov), strict=True):
            province = prov.code(race["sido"])
            did = f"{year}:{province}:{name}"
            people = race["candidates"]
            magnitude = sum(1 for c in people if c.get("won"))
            if magnitude != (2 if year in TWO_MEMBER else 1):
                raise SystemExit(f"{source}: {did}: {magnitude} winners")
            uncontested = all(c.get("uncontested") or c["votes"] is None for c in people)
            if uncontested and len(people) != magnitude:
                raise SystemExit(f"{source}: {did}: uncontested with {len(people)} candidates")
            counted = not uncontested and (
                bool(race["valid_votes"]) or any(c["votes"] for c in people)
            )
            ballots = known(race["voters"])
            districts.append(
                [
                    year,
                    did,
                    province,
                    name,
                    magnitude,
                    known(race["electors"]),
                    ballots,
                    known(race["valid_votes"]),
                    race["invalid_votes"] if ballots is not None else known(race["invalid_votes"]),
                    known(race.get("abstain")),
                    "true" if uncontested else "false",
                    source,
                ]
            )
            for i, c in enumerate(people, 1):
                person = re.sub(r"\s+", "", c["name"])
                party = c["party"] or INDEPENDENT
                votes = c["votes"] if counted else None
                candidates.append([year, did, i, person, party, votes])
                if c.get("won"):
                    district_ko = race["district"]
                    winners.append(
                        [year, did, province, district_ko, person, "", party, "", votes, source, ""]
                    )
    return districts, candidates, winners, national


def write(
    out: Path, name: str, header: list[str], rows: list[list[object]], *, gz: bool = False
) -> None:
    """Write one table (byte-for-byte reproducible: gzip without a timestamp)."""
    buffer = io.StringIO()
    w = csv.writer(buffer, lineterminator="\n")
    w.writerow(header)
    w.writerows(["" if v is None else v for v in row] for row in rows)
    data = buffer.getvalue().encode("utf-8")
    path = out / (name + (".csv.gz" if gz else ".csv"))
    if gz:
        path.write_bytes(gzip.compress(data, mtime=0))
    else:
        path.write_bytes(data)
    print(f"  {path}: {len(rows)} rows")


def main() -> None:
    """Read ../shared/data and write every table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT / "../shared")
    parser.add_argument("--out", type=Path, default=OUT, help="folder to write the tables to")
    args = parser.parse_args()
    data = args.shared / "data"
    prov = Provinces()

    districts: list[list[object]] = []
    candidates: list[list[object]] = []
    list_rows: list[list[object]] = []
    list_turnout: list[list[object]] = []

    # -- 1988-2016: the NEC counts -------------------------------------------------------
    for year in range(1988, 2017, 4):
        n = ASSEMBLY[year]
        source = SRC_NEC.format(n=n)
        blocks = json.loads((data / source).read_text(encoding="utf-8"))
        for block in blocks:
            for row in block["results"]:
                province_raw = row["district"].split()[0]
                province = prov.code(province_raw)
                if block["voting_system"] == "constituency":
                    name = district_name(row["district"])
                    did = f"{year}:{province}:{name}"
                    districts.append(
                        [
                            year,
                            did,
                            province,
                            name,
                            1,
                            row["electorates"],
                            row["counted_votes"],
                            row["valid_votes"],
                            row["undervotes"],
                            row["blank_ballots"],
                            "false",
                            source,
                        ]
                    )
                    for i, cand in enumerate(row["result"], 1):
                        candidates.append(
                            [
                                year,
                                did,
                                i,
                                re.sub(r"\s+", "", cand["name_kr"]),
                                cand["party_name_kr"] or INDEPENDENT,
                                cand["votenum"],
                            ]
                        )
                else:
                    total = row["district"].endswith("합계")
                    level = "province" if total else "sigungu"
                    area = "" if total else district_name(row["district"])
                    list_turnout.append(
                        [
                            year,
                            province,
                            level,
                            area,
                            row["electorates"],
                            row["counted_votes"],
                            row["valid_votes"],
                            row["undervotes"],
                            row["blank_ballots"],
                        ]
                    )
                    list_rows.extend(
                        [year, province, level, area, cand["party_name_kr"], cand["votenum"]]
                        for cand in row["result"]
                    )

    # -- 2012, 2016: polling-station counts, shipped beside nec-history's district counts (the
    # audit compares them); each station under nec-history's district, found by its candidates.
    stations_2012 = read_rda_stations(data / SRC_POLLING_2012, "general_2012", prov)
    polling_2012 = polling_rows(
        stations_2012, match_stations(2012, stations_2012, candidates), unit_is_sigungu=False
    )
    stations_2016 = read_rda_stations(data / SRC_POLLING_2016, "general_2016", prov)
    polling_2016 = polling_rows(
        stations_2016, match_stations(2016, stations_2016, candidates), unit_is_sigungu=True
    )

    # -- 2020: polling-station counts, tabulated by district (korelect.record.polling) -----------
    polling: list[list[object]] = []
    stations: list[StationRow] = []
    with (data / SRC_POLLING).open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            district, _, sigungu = row["선거구_구시군"].partition("_")
            count = float(row["사람수"])
            if not count.is_integer():
                raise SystemExit(f"{SRC_POLLING}: non-integer count {row}")
            station = StationRow(
                prov.code(row["시도"]),
                district,
                sigungu,
                row["읍면동명"],
                row["투표구명"],
                row["구분"].strip(),
                int(count),
            )
            stations.append(station)
            name, party = station.candidate or ("", "")
            polling.append(
                [
                    station.province,
                    district,
                    sigungu,
                    station.emd,
                    station.station,
                    station.category,
                    party,
                    name,
                    station.count,
                ]
            )
    for (province, name), tally in tabulate(stations).items():
        did = f"2020:{province}:{name}"
        t = tally.totals
        districts.append(
            [
                2020,
                did,
                province,
                name,
                1,
                t["electorate"],
                t["ballots_cast"],
                t["valid_votes"],
                t["invalid_votes"],
                t["abstentions"],
                "false",
                SRC_POLLING,
            ]
        )
        for i, ((cand, party), votes) in enumerate(tally.votes.items(), 1):
            candidates.append([2020, did, i, cand, party, votes])

    # -- 2024: polis-korea's district counts, the only counts of the 22nd election -----------
    # -- 2020, 2024: polis-korea's list votes and list turnout by province ------------------
    for year in (2020, 2024):
        source = polis_source(year)
        races = json.loads((data / source).read_text(encoding="utf-8"))["races"]
        for race in races:
            if race["scope"] == "district" and year == 2024:
                province = prov.code(race["sido"])
                name = district_name(race["district"])
                did = f"{year}:{province}:{name}"
                counts = [c["votes"] for c in race["candidates"]]
                districts.append(
                    [
                        year,
                        did,
                        province,
                        name,
                        1,
                        race["electors"],
                        race["voters"],
                        race["valid_votes"],
                        race["invalid_votes"],
                        race["abstain"],
                        "true" if all(v is None for v in counts) else "false",
                        source,
                    ]
                )
                # polis-korea lists candidates by rank, not ballot number (docs/DATA.md)
                candidates.extend(
                    [year, did, i, re.sub(r"\s+", "", c["name"]), c["party"] or INDEPENDENT, v]
                    for i, (c, v) in enumerate(zip(race["candidates"], counts, strict=True), 1)
                )
            elif race["scope"] == "sido":
                province = prov.code(race["sido"])
                list_turnout.append(
                    [
                        year,
                        province,
                        "province",
                        "",
                        race["electors"],
                        race["voters"],
                        race["valid_votes"],
                        race["invalid_votes"],
                        race["abstain"],
                    ]
                )
                list_rows.extend(
                    [year, province, "province", "", c["party"], c["votes"]]
                    for c in race["candidates"]
                )

    # -- declared winners ------------------------------------------------------------------
    winners: list[list[object]] = []
    with (data / SRC_WINNERS).open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            year = int(row["cs_code"][:4])
            name, _, hanja = row["성명(한자)"].partition("(")
            winners.append(
                [
                    year,
                    prov.code(row["sido_name"]),
                    row["선거구명"],
                    re.sub(r"\s+", "", name),
                    hanja.rstrip(")"),
                    row["정당명"] or INDEPENDENT,
                    row["생년월일"].replace(".", "-"),
                    row["득표수"],
                    SRC_WINNERS,
                    row["득표율"],
                ]
            )
    # assemblykor: the 22nd Assembly's district members are 2024's declared winners; the
    # 20th's and 21st's are a second declaration for 2016 and 2020 (it also lists members
    # who entered mid-term by by-election: the audit tells them apart).
    terms = {"20": 2016, "21": 2020, "22": 2024}
    with (data / SRC_LEGISLATORS).open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            if row["assembly"] not in terms or row["district_type"] != "constituency":
                continue
            if row["district"] == "비례대표":
                continue  # 2 list members of the 20th marked constituency (docs/DATA.md)
            province, name = prov.split(row["district"])
            winners.append(
                [
                    terms[row["assembly"]],
                    province,
                    name,
                    row["name"],
                    row["name_hanja"],
                    row["party_elected"] or INDEPENDENT,
                    row["birth_date"],
                    "",
                    SRC_LEGISLATORS,
                    "",
                ]
            )
    with (data / SRC_ELECTED17).open(encoding="utf-8-sig") as f:
        for row in csv.DictReader(f):
            if row["elected"] != "True" or row["recommend_priority"]:
                continue  # list members have a priority; only district winners here
            province, name = prov.split(row["district"])
            birth = f"{row['birthyear']}-{row['birthmonth']}-{row['birthday']}"
            winners.append(
                [
                    2004,
                    province,
                    name,
                    re.sub(r"\s+", "", row["name_kr"]),
                    row["name_cn"],
                    row["party"] or INDEPENDENT,
                    birth,
                    row["votenum"],
                    SRC_ELECTED17,
                    "",
                ]
            )

    # A winner declared with no votes (무투표당선, e.g. 2016 통영시고성군, absent from the
    # counts) was elected unopposed: the district gets a row and its only candidate, no votes.
    for w in winners:
        if w[0] != 2024 and w[8] == SRC_WINNERS and w[7] == "":
            did = f"{w[0]}:{w[1]}:{w[2]}"
            districts.append(
                [w[0], did, w[1], w[2], 1, None, None, None, None, None, "true", SRC_WINNERS]
            )
            candidates.append([w[0], did, 1, w[3], w[5], None])
    winners = [[w[0], match(w, districts, candidates), *w[1:]] for w in winners]

    # -- 1948-1985: polis-korea's districts, candidates, winners and national seats ------------
    # (districts and candidates before 1988's, in order of years; winners after the others)
    old_districts, old_candidates, old_winners, national = historic(data, prov)
    districts = old_districts + districts
    candidates = old_candidates + candidates
    winners += old_winners

    # -- elections and national list shares --------------------------------------------------
    elections = [[y, ASSEMBLY[y], DATES[y]] for y in ASSEMBLY]
    shares: list[list[object]] = []
    with (data / "official/list_vote_shares_2020_2024.csv").open(encoding="utf-8") as f:
        shares.extend(
            [
                r["year"],
                r["party_korean"],
                r["party"],
                r["list_vote_pct"],
                "official/list_vote_shares_2020_2024.csv",
            ]
            for r in csv.DictReader(f)
        )
    official: list[list[object]] = []
    with (data / "official/national_results.csv").open(encoding="utf-8") as f:
        official.extend(
            [
                r["year"],
                r["party_korean"],
                r["party"],
                r["constituency_seats"],
                r["list_seats"],
                r["total_seats"],
                r["list_vote_pct"],
                r["constituency_vote_pct"],
                r["source"],
            ]
            for r in csv.DictReader(f)
        )

    print("writing", args.out)
    write(args.out, "elections", ["year", "assembly", "date"], elections)
    write(
        args.out,
        "districts",
        [
            "year",
            "district_id",
            "province",
            "name_ko",
            "magnitude",
            "electorate",
            "ballots_cast",
            "valid_votes",
            "invalid_votes",
            "abstentions",
            "uncontested",
            "source",
        ],
        districts,
    )
    write(
        args.out,
        "candidates",
        ["year", "district_id", "ballot_order", "name_ko", "party_ko", "votes"],
        candidates,
    )
    write(
        args.out,
        "winners",
        [
            "year",
            "district_id",
            "province",
            "district_ko",
            "name_ko",
            "name_hanja",
            "party_ko",
            "birth_date",
            "votes",
            "source",
            "vote_pct",
        ],
        winners,
    )
    write(
        args.out,
        "list_votes",
        ["year", "province", "level", "area", "party_ko", "votes"],
        list_rows,
    )
    write(
        args.out,
        "list_turnout",
        [
            "year",
            "province",
            "level",
            "area",
            "electorate",
            "ballots_cast",
            "valid_votes",
            "invalid_votes",
            "abstentions",
        ],
        list_turnout,
    )
    write(args.out, "list_shares", ["year", "party_ko", "party_en", "pct", "source"], shares)
    write(
        args.out,
        "official_seats",
        [
            "year",
            "party_ko",
            "party_en",
            "district_seats",
            "list_seats",
            "total_seats",
            "list_vote_pct",
            "constituency_vote_pct",
            "source",
        ],
        official,
    )
    write(args.out, "national_seats", ["year", "party_ko", "seats", "source"], national)
    for name, rows in (
        ("polling_2020", polling),
        ("polling_2012", polling_2012),
        ("polling_2016", polling_2016),
    ):
        write(args.out, name, POLLING_COLUMNS, rows, gz=True)


if __name__ == "__main__":
    main()
