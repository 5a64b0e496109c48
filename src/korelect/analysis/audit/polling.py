"""Audit check 5: polling-station counts (2012–2020), against themselves and the district table."""

from __future__ import annotations

import csv
import io
import re
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field

from korelect.analysis.audit.arithmetic import addition
from korelect.analysis.audit.common import (
    ABSENTEE_ROWS,
    POLLING,
    STATION_BALLOTS,
    STATION_DISTRICT,
    STATION_ELECTORATE,
    STATION_KIND,
    STATION_KINDS,
    STATION_SUM,
    STATION_WINNER,
    WINNERS_PRIMARY,
    AuditContext,
    optional_file,
)
from korelect.base.numbers import fmt_count
from korelect.errors import FileFormatError
from korelect.record.data import Dataset
from korelect.record.election import squash
from korelect.record.findings import Finding

# ----------------------------------------------------------------- 5. polling stations

REPAIRED = re.compile(r"\.\.\.\d+$")
"""R's name repair (``하태경...5``), seen in krvote's 2012 file."""


@dataclass
class _Station:
    year: int
    province: str
    district: str
    sigungu: str
    emd: str
    station: str
    line: int
    figures: Counter[str] = field(default_factory=Counter)
    candidates: dict[tuple[str, str], int] = field(default_factory=dict)

    @property
    def where(self) -> str:
        place = " ".join(p for p in (self.sigungu, self.emd) if p)
        name = "" if self.station == self.emd else f" {self.station}"
        return f"{self.year}:{self.province}:{self.district} {place}{name}"

    @property
    def kind(self) -> str:
        if self.emd in ABSENTEE_ROWS:
            return self.emd
        if self.station == "관내사전투표":
            return self.station
        return "station"

    @property
    def invalid(self) -> int:
        return self.figures["무효투표수"] + self.figures["무표투표수"]


def read_polling(data: Dataset, year: int = 2020) -> list[_Station] | None:
    """One year's polling-station rows grouped by station, in file order (None if absent)."""
    opened = optional_file(data, POLLING[year][0])
    if opened is None:
        return None
    label, text = opened
    reader = csv.reader(io.StringIO(text, newline=""))
    header = next(reader, [])
    need = (
        "province",
        "district",
        "sigungu",
        "emd",
        "station",
        "category",
        "party_ko",
        "name_ko",
        "count",
    )
    missing = [c for c in need if c not in header]
    if missing:
        raise FileFormatError(f"missing column {missing[0]!r}", path=label, line=1)
    at = {c: header.index(c) for c in need}
    stations: dict[tuple[str, ...], _Station] = {}
    for number, row in enumerate(reader, start=2):
        if not row:
            continue
        key = tuple(row[at[c]] for c in ("province", "district", "sigungu", "emd", "station"))
        st = stations.get(key)
        if st is None:
            st = stations[key] = _Station(year, key[0], key[1], key[2], key[3], key[4], number)
        try:
            count = int(row[at["count"]])
        except ValueError:
            raise FileFormatError(
                f"expected an integer (got {row[at['count']]!r})",
                path=label,
                line=number,
                field="count",
            ) from None
        if row[at["name_ko"]]:
            person = (row[at["name_ko"]], row[at["party_ko"]])
            st.candidates[person] = st.candidates.get(person, 0) + count
        else:
            st.figures[row[at["category"]]] += count
    return list(stations.values())


def check_polling(ctx: AuditContext, year: int) -> list[Finding]:
    """Each station's arithmetic, kinds of stations, and districts vs stations (2012–2020)."""
    if year not in POLLING:
        return []
    stations = read_polling(ctx.data, year)
    if stations is None:
        return []
    src = "{} ({})".format(*POLLING[year])
    sums: list[Finding] = []
    ballots: list[Finding] = []
    electorate: list[Finding] = []
    over: list[Finding] = []
    kinds: dict[str, list[_Station]] = defaultdict(list)
    for st in stations:
        f = st.figures
        total = sum(st.candidates.values())
        if total != f["계"]:
            sums.append(
                Finding(
                    year,
                    STATION_SUM,
                    st.where,
                    f"sum of {len(st.candidates)} candidates {fmt_count(total)}",
                    f"계 {fmt_count(f['계'])}",
                    f"{src}, line {st.line}",
                    f"difference {fmt_count(total - f['계'])}",
                )
            )
        at = f"{src}, line {st.line}"
        ballots += addition(
            Finding(year, STATION_BALLOTS, st.where, "", "", at),
            [("계", f["계"]), ("invalid", st.invalid)],
            ("투표수", f["투표수"]),
        )
        electorate += addition(
            Finding(year, STATION_ELECTORATE, st.where, "", "", at),
            [("투표수", f["투표수"]), ("기권수", f["기권수"])],
            ("선거인수", f["선거인수"]),
        )
        if f["투표수"] > f["선거인수"]:
            if st.kind in STATION_KINDS:
                kinds[st.kind].append(st)
            else:
                over.append(
                    Finding(
                        year,
                        STATION_KIND,
                        st.where,
                        f"투표수 {fmt_count(f['투표수'])}",
                        f"선거인수 {fmt_count(f['선거인수'])}",
                        f"{src}, line {st.line}",
                        "more ballots than voters at an ordinary station",
                    )
                )
    every = Counter(st.kind for st in stations)
    for kind, group in kinds.items():
        excess = sum(st.figures["투표수"] - st.figures["선거인수"] for st in group)
        zero = sum(1 for st in group if st.figures["선거인수"] == 0)
        over.append(
            Finding(
                year,
                STATION_KIND,
                f"{year} stations of kind {kind}",
                f"{len(group)} of {every[kind]} rows cast more ballots than their electorate "
                f"({fmt_count(excess)} ballots over; {zero} rows with electorate 0)",
                "선거인수 ≥ 투표수 expected at a polling station",
                src,
                f"how the kind is recorded, not an error: {STATION_KINDS[kind]}",
            )
        )
    return sums + ballots + electorate + over + _polling_districts(ctx, year, stations, src)


def _suffix(name: str) -> int:
    """The number R's name repair appended (``하태경...5`` → 5)."""
    found = REPAIRED.search(name)
    return int(found.group()[3:]) if found else 0


def names_order(names: set[str]) -> Callable[[str], int]:
    """Sort key: candidates in the order of their first repaired column."""
    first: dict[str, int] = {}
    for name in sorted(names, key=_suffix):
        first.setdefault(REPAIRED.sub("", name), _suffix(name))
    return lambda name: first.get(name, 0)


def _polling_districts(
    ctx: AuditContext, year: int, stations: list[_Station], src: str
) -> list[Finding]:
    """Per district: the stations' sums vs the district table, and the declared winner."""
    data = ctx.data
    figures: dict[str, Counter[str]] = defaultdict(Counter)
    votes: dict[str, dict[tuple[str, str], int]] = defaultdict(dict)
    repaired: dict[str, set[str]] = defaultdict(set)
    for st in stations:
        did = f"{year}:{st.province}:{st.district}"
        figures[did].update(st.figures)
        for (name, party), n in st.candidates.items():
            if REPAIRED.search(name):
                repaired[did].add(name)
            person = (REPAIRED.sub("", name), party)
            votes[did][person] = votes[did].get(person, 0) + n
    found: list[Finding] = [
        Finding(
            year,
            STATION_DISTRICT,
            did,
            f"stations: candidates {', '.join(sorted(names, key=_suffix))}",
            "candidates.csv: "
            + ", ".join(sorted({REPAIRED.sub("", n) for n in names}, key=names_order(names))),
            f"{src}; candidates.csv",
            f"R's name repair: {len(names)} columns for "
            f"{len({REPAIRED.sub('', n) for n in names})} candidates (duplicated columns); "
            "the suffixes are removed before the votes are compared",
        )
        for did, names in sorted(repaired.items())
    ]
    table = {d.district_id: d for d in data.districts(year)}
    counted: dict[str, dict[str, int | None]] = defaultdict(dict)
    for c in data.candidates(year):
        counted[c.district_id][c.name_ko] = c.votes
    for did, f in figures.items():
        d = table.get(did)
        if d is None:
            found.append(
                Finding(
                    year,
                    STATION_DISTRICT,
                    did,
                    "stations: a district",
                    "no such district",
                    f"{src}; districts.csv",
                )
            )
            continue
        pairs = (
            ("electorate", f["선거인수"], d.electorate),
            ("ballots cast", f["투표수"], d.ballots_cast),
            ("valid votes", f["계"], d.valid_votes),
            ("invalid votes", f["무효투표수"] + f["무표투표수"], d.invalid_votes),
            ("abstentions", f["기권수"], d.abstentions),
        )
        for name, mine, theirs in pairs:
            if mine != theirs:
                found.append(
                    Finding(
                        year,
                        STATION_DISTRICT,
                        did,
                        f"stations: {name} {fmt_count(mine)}",
                        f"district table: {name} {'-' if theirs is None else fmt_count(theirs)}",
                        f"{src}; {d.source} (districts.csv)",
                    )
                )
        for (name, party), n in votes[did].items():
            if counted[did].get(name) != n:
                theirs_votes = counted[did].get(name)
                found.append(
                    Finding(
                        year,
                        STATION_DISTRICT,
                        did,
                        f"stations: {name} ({party}) {fmt_count(n)}",
                        "candidates.csv: "
                        + (
                            "no such candidate" if theirs_votes is None else fmt_count(theirs_votes)
                        ),
                        f"{src}; candidates.csv",
                    )
                )
    winners = [w for w in data.winners(year) if w.source == WINNERS_PRIMARY]
    for w in winners:
        tally = votes.get(w.district_id)
        if not tally:
            continue
        (top_name, top_party), top = max(tally.items(), key=lambda item: item[1])
        if squash(top_name) != squash(w.name_ko):
            found.append(
                Finding(
                    year,
                    STATION_WINNER,
                    w.district_id,
                    f"stations: {top_name} ({top_party}) {fmt_count(top)}",
                    f"declared: {w.name_ko} ({w.party_ko})",
                    f"{src}; {w.source}",
                    "a different person",
                )
            )
        elif w.votes is not None and w.votes != top:
            found.append(
                Finding(
                    year,
                    STATION_WINNER,
                    w.district_id,
                    f"stations: {top_name} {fmt_count(top)}",
                    f"declared: {w.name_ko} {fmt_count(w.votes)}",
                    f"{src}; {w.source}",
                    f"difference {fmt_count(w.votes - top)}",
                )
            )
    return found
