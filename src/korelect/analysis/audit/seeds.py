"""Audit check 7: the seed articles' tables, infoboxes, turnout and prose against the record."""

from __future__ import annotations

import csv
import io
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from fractions import Fraction

from korelect.analysis.audit.common import (
    CONTINUES,
    NATIONAL_PCT_ROWS,
    REGION_TOTALS,
    SEED_FILE,
    SEED_INFOBOX,
    SEED_PARTIES,
    SEED_PCT,
    SEED_PROSE,
    SEED_SEATS,
    SEED_SUMS,
    SEED_TURNOUT,
    AuditContext,
    optional_file,
)
from korelect.analysis.audit.official import compare_pct
from korelect.base.numbers import (
    fmt_count,
    fmt_decimal,
    parse_printed,
    percent_text,
    round_percent,
    share_of,
)
from korelect.errors import DataError, FileFormatError, UnknownNameError
from korelect.law.registry import rules_for
from korelect.record.computed import ComputedElection, threshold_minimums
from korelect.record.data import Dataset
from korelect.record.election import ElectionResult, Turnout
from korelect.record.findings import Finding

# ---------------------------------------------------------------- 7. seed articles


@dataclass(frozen=True, slots=True)
class SeedCell:
    """One number of ``seed_tables.csv``."""

    seed_file: str
    year: int
    table: str
    row: str
    column: str
    value: str
    line: int

    @property
    def source(self) -> str:
        """The seed file and line the cell was read from."""
        return f"seeds/{self.seed_file}, line {self.line}"


def read_seeds(data: Dataset) -> list[SeedCell]:
    """The rows of ``seed_tables.csv`` (none for a data folder without the file)."""
    opened = optional_file(data, SEED_FILE)
    if opened is None:
        return []
    label, text = opened
    out = []
    for number, row in enumerate(csv.DictReader(io.StringIO(text, newline="")), start=2):
        try:
            out.append(
                SeedCell(
                    row["seed_file"],
                    int(row["year"]),
                    row["table"],
                    row["row"],
                    row["column"],
                    row["value"],
                    int(row["line"]),
                )
            )
        except (KeyError, TypeError, ValueError):
            raise FileFormatError("malformed seed table row", path=label, line=number) from None
    return out


def seed_party(label: str, year: int) -> str | None:
    """The data's Korean name for a seed's party label (None if unknown)."""
    short = re.sub(r"\s*\(South Korea\)$", "", label.strip())
    known = SEED_PARTIES.get(year, {})
    if short in known:
        return known[short]
    try:
        from korelect.record.parties import parties  # noqa: PLC0415  (the registry is optional here)

        return parties().lookup(short, year).name_ko
    except (ImportError, UnknownNameError, DataError):
        return None


@dataclass
class _Seed:
    """The numbers a seed is compared with, computed once per year."""

    y: ComputedElection
    prev: ComputedElection | None
    provinces: dict[str, str]
    """English province name -> code."""

    def pid(self, label: str) -> str | None:
        name = seed_party(label, self.y.year)
        return None if name is None else self.y.pid(name)

    def seats(self, kind: str, pids: Iterable[str] | None) -> int:
        """National seats of the given parties (all if None): district, list or total."""
        lines = self.y.result.parties
        chosen = [p for p in lines if pids is None or p.info.party_id in set(pids)]
        if kind == "district":
            return sum(p.district_seats for p in chosen)
        if kind == "list":
            return sum(p.list_seats for p in chosen)
        return sum(p.total_seats for p in chosen)

    def region(self, name: str) -> list[str]:
        """Province codes of a region name ('Seoul', 'Incheon and Gyeonggi'); [] if unknown."""
        codes = [self.provinces.get(part.strip()) for part in name.split(" and ")]
        return [c for c in codes if c] if all(codes) else []

    def region_seats(self, codes: list[str], pids: Iterable[str] | None) -> int:
        chosen = None if pids is None else set(pids)
        return sum(
            n
            for p in self.y.result.provinces
            if p.code in codes
            for pid, n in p.seats.items()
            if chosen is None or pid in chosen
        )


def check_seeds(ctx: AuditContext, year: int, cells: Sequence[SeedCell]) -> list[Finding]:
    """Every seed number of ``year`` vs the counts, the law and the seed's own sums."""
    mine = [c for c in cells if c.year == year]
    if not mine:
        return []
    seed = _Seed(
        ctx.year(year),
        ctx.previous(year),
        {p.name_en: p.code for p in ctx.data.provinces()},
    )
    return [
        *_seed_seats(seed, mine),
        *_seed_sums(seed, mine),
        *_seed_pct(seed, mine),
        *_seed_infobox(seed, mine),
        *_seed_turnout(seed, mine),
        *_seed_prose(ctx, seed, mine),
    ]


def _tables(cells: Iterable[SeedCell], *names: str) -> dict[str, dict[str, dict[str, SeedCell]]]:
    """Table -> row -> column -> cell, for the named tables."""
    out: dict[str, dict[str, dict[str, SeedCell]]] = defaultdict(lambda: defaultdict(dict))
    for c in cells:
        if c.table in names:
            out[c.table][c.row][c.column] = c
    return out


def _seed_seats(seed: _Seed, cells: list[SeedCell]) -> list[Finding]:
    """Seat tables: each region and party, and the national rows, vs the computed seats."""
    y = seed.y
    found: list[Finding] = []
    for table, rows in _tables(cells, "seats", "constituency_seats", "list_pct").items():
        party_columns = {
            col: seed.pid(col)
            for row in rows.values()
            for col in row
            if col not in ("Total seats", "Other")
        }
        named = {pid for pid in party_columns.values() if pid}
        for label, row in rows.items():
            kind = REGION_TOTALS.get((table, label))
            if table == "list_pct" and kind is None:
                continue  # percentages: see _seed_pct
            codes = [] if kind else seed.region(label)
            if not kind and not codes:
                first = next(iter(row.values()))
                found.append(
                    Finding(
                        y.year,
                        SEED_SEATS,
                        f"{table} table, {label}",
                        "no such province",
                        label,
                        first.source,
                    )
                )
                continue
            for column, cell in row.items():
                pids: list[str] | None
                if column == "Total seats":
                    pids = None
                elif column == "Other":
                    pids = [
                        p.info.party_id for p in y.result.parties if p.info.party_id not in named
                    ]
                else:
                    pid = party_columns[column]
                    if pid is None:
                        found.append(
                            Finding(
                                y.year,
                                SEED_SEATS,
                                f"{table} table, column {column}",
                                f"no {y.year} party called {column!r}",
                                cell.value,
                                cell.source,
                            )
                        )
                        continue
                    pids = [pid]
                ours = seed.seats(kind, pids) if kind else seed.region_seats(codes, pids)
                printed = parse_printed(cell.value)
                if printed is None or printed[0] != ours:
                    party = "all parties" if pids is None else column
                    found.append(
                        Finding(
                            y.year,
                            SEED_SEATS,
                            f"{table} table, {label}, {column}",
                            f"{ours} {kind or 'district'} seats (computed)",
                            cell.value,
                            f"{y.counts_source}; {cell.source}",
                            f"{party}: {_seats_note(seed, codes, pids)}",
                        )
                    )
            if not kind and table != "list_pct":
                extra = {
                    pid: n
                    for p in y.result.provinces
                    if p.code in codes
                    for pid, n in p.seats.items()
                    if n and pid not in named
                }
                for pid, n in extra.items():
                    first = next(iter(row.values()))
                    found.append(
                        Finding(
                            y.year,
                            SEED_SEATS,
                            f"{table} table, {label}",
                            f"{y.name(pid)}: {n} district seats (counts)",
                            "no column for this party",
                            f"{y.counts_source}; {first.source}",
                        )
                    )
    return found


def _seats_note(seed: _Seed, codes: list[str], pids: list[str] | None) -> str:
    """Which parties the computed figure counts."""
    if pids is None:
        return "every party"
    names = [seed.y.name(p) for p in pids]
    where = f" in {', '.join(codes)}" if codes else ""
    return f"{', '.join(names) or 'no party'}{where}"


def _seed_sums(seed: _Seed, cells: list[SeedCell]) -> list[Finding]:
    """A seat table's own arithmetic: rows add up to their total, columns to the total row."""
    found: list[Finding] = []
    year = seed.y.year
    for table, rows in _tables(cells, "seats", "constituency_seats").items():
        values = {
            label: {col: p[0] for col, c in row.items() if (p := parse_printed(c.value))}
            for label, row in rows.items()
        }
        for label, row in rows.items():
            if "Total seats" not in row:
                continue
            parts = sum(
                (v for col, v in values[label].items() if col != "Total seats"), Fraction(0)
            )
            if parts != values[label]["Total seats"]:
                found.append(
                    Finding(
                        year,
                        SEED_SUMS,
                        f"{table} table, {label}",
                        f"sum of the parties' seats {parts}",
                        f"Total seats {row['Total seats'].value}",
                        row["Total seats"].source,
                    )
                )
        total_row = "Constituency total" if table == "seats" else "Total"
        regions = [r for r in rows if (table, r) not in REGION_TOTALS]
        if total_row in rows:
            for col, cell in rows[total_row].items():
                parts = sum((values[r].get(col, Fraction(0)) for r in regions), Fraction(0))
                if parts != values[total_row][col]:
                    found.append(
                        Finding(
                            year,
                            SEED_SUMS,
                            f"{table} table, column {col}",
                            f"sum of the {len(regions)} regions {parts}",
                            f"{total_row} {cell.value}",
                            cell.source,
                        )
                    )
        if table == "seats" and {"Constituency total", "PR list", "Total"} <= set(rows):
            for col, cell in rows["Total"].items():
                both = values["Constituency total"].get(col, Fraction(0)) + values["PR list"].get(
                    col, Fraction(0)
                )
                if both != values["Total"][col]:
                    found.append(
                        Finding(
                            year,
                            SEED_SUMS,
                            f"{table} table, column {col}",
                            f"Constituency total + PR list = {both}",
                            f"Total {cell.value}",
                            cell.source,
                        )
                    )
    return found


def _seed_pct(seed: _Seed, cells: list[SeedCell]) -> list[Finding]:
    """2004's vote percentages by province (one decimal, as printed) vs the counts."""
    y = seed.y
    found: list[Finding] = []
    national_cons, counted, _ = y.constituency_votes()
    national_list, list_total = y.list_votes()
    provinces = {p.code: p for p in y.result.provinces}
    for table, rows in _tables(cells, "constituency_pct", "list_pct").items():
        is_list = table == "list_pct"
        named = {pid for col in next(iter(rows.values())) if (pid := seed.pid(col))}
        for label, row in rows.items():
            if (table, label) in REGION_TOTALS:
                continue
            if label in NATIONAL_PCT_ROWS:
                votes = national_list if is_list else national_cons
                whole = list_total if is_list else counted
                area = "national"
            else:
                codes = seed.region(label)
                if len(codes) != 1:
                    continue
                p = provinces.get(codes[0])
                if p is None:
                    continue
                votes = dict(p.list_votes if is_list else p.votes)
                whole = sum(votes.values())
                area = p.code
            for column, cell in row.items():
                if column == "Other":
                    pids = [pid for pid in votes if pid not in named]
                else:
                    pid = seed.pid(column)
                    pids = [] if pid is None else [pid]
                part = sum(votes.get(pid, 0) for pid in pids)
                printed = parse_printed(cell.value)
                if printed is None:
                    continue
                share = share_of(part, whole)
                if round_percent(share, printed[1]) != printed[0]:
                    what = "list votes" if is_list else "constituency votes"
                    found.append(
                        Finding(
                            y.year,
                            SEED_PCT,
                            f"{table} table, {label}, {column}",
                            f"{percent_text(share, printed[1])} ({fmt_count(part)} of "
                            f"{fmt_count(whole)} {what}, {area})",
                            cell.value,
                            f"{y.counts_source}; {cell.source}",
                            f"exact {percent_text(share, 3)}%",
                        )
                    )
    return found


def _infobox(cells: list[SeedCell]) -> dict[str, dict[str, SeedCell]]:
    out: dict[str, dict[str, SeedCell]] = defaultdict(dict)
    for c in cells:
        if c.table == "infobox":
            out[c.row][c.column] = c
    return out


def _previous(seed: _Seed, name_ko: str) -> list[str] | None:
    """The previous election's party ids a party continues; None for a new party."""
    if seed.prev is None:
        return None
    names = CONTINUES.get(seed.y.year, {}).get(name_ko)
    if not names:
        return None
    return [seed.prev.pid(n) for n in names]


def _seed_infobox(seed: _Seed, cells: list[SeedCell]) -> list[Finding]:
    """The infobox: seats, popular vote, percentage, last election, seat change, swing."""
    y = seed.y
    year = y.year
    found: list[Finding] = []
    cons, counted, valid = y.constituency_votes()
    lines = {p.info.party_id: p for p in y.result.parties}
    for label, fields in _infobox(cells).items():
        if label == "election":
            found.extend(_seed_election(seed, fields))
            continue
        name = seed_party(label, year)
        if name is None:
            first = next(iter(fields.values()))
            found.append(
                Finding(
                    year,
                    SEED_INFOBOX,
                    f"infobox: {label}",
                    f"no {year} party called {label!r}",
                    label,
                    first.source,
                )
            )
            continue
        pid = y.pid(name)
        line = lines.get(pid)
        party = f"infobox: {label} ({name})"
        src = y.counts_source
        if "Seats" in fields:
            cell = fields["Seats"]
            ours = 0 if line is None else line.total_seats
            printed = parse_printed(cell.value)
            if printed is None or printed[0] != ours:
                found.append(
                    Finding(
                        year,
                        SEED_INFOBOX,
                        f"{party}, Seats",
                        f"{ours} seats (computed)",
                        cell.value,
                        f"{src}; {cell.source}",
                    )
                )
        if "Popular Vote" in fields and counted:
            cell = fields["Popular Vote"]
            ours = cons.get(pid, 0)
            printed = parse_printed(cell.value)
            if printed is None or printed[0] != ours:
                diff = 0 if printed is None else int(printed[0]) - ours
                found.append(
                    Finding(
                        year,
                        SEED_INFOBOX,
                        f"{party}, Popular Vote",
                        f"{fmt_count(ours)} (sum of its candidates' votes)",
                        cell.value,
                        f"{src}; {cell.source}",
                        seed.y.vote_gap_note(pid, diff),
                    )
                )
        if "Percentage" in fields and counted:
            cell = fields["Percentage"]
            note = ""
            votes = fields.get("Popular Vote")
            own = parse_printed(votes.value) if votes else None
            printed = parse_printed(cell.value)
            if (
                votes is not None
                and own
                and printed
                and valid
                and round_percent(share_of(int(own[0]), valid), printed[1]) == printed[0]
            ):
                note = f"= the seed's own {votes.value} of the {fmt_count(valid)} valid votes"
            found.extend(
                compare_pct(
                    y,
                    SEED_INFOBOX,
                    f"{party}, Percentage",
                    cell.value,
                    pid,
                    f"{src}; {cell.source}",
                    note,
                )
            )
        found.extend(_seed_history(seed, party, name, fields))
    return found


def _seed_history(
    seed: _Seed, party: str, name_ko: str, fields: dict[str, SeedCell]
) -> list[Finding]:
    """Last Election, Seat Change and Swing vs the previous election."""
    y = seed.y
    year = y.year
    prev = seed.prev
    found: list[Finding] = []
    if prev is None:
        return found
    before = _previous(seed, name_ko)
    names = CONTINUES.get(year, {}).get(name_ko, ())
    basis = f"{prev.year}: {' + '.join(names)}" if names else f"a new party since {prev.year}"
    pid = y.pid(name_ko)
    now = next((p for p in y.result.parties if p.info.party_id == pid), None)
    seats_now = 0 if now is None else now.total_seats
    prev_seats = None if before is None else seed_prev_seats(prev, before)
    src = f"{prev.counts_source}; {y.counts_source}"
    if "Last Election" in fields:
        cell = fields["Last Election"]
        ours = "Did not exist" if prev_seats is None else f"{prev_seats} seats"
        printed = parse_printed(cell.value)
        same = (
            cell.value.strip().lower() == "did not exist"
            if prev_seats is None
            else printed is not None and printed[0] == prev_seats
        )
        if not same:
            found.append(
                Finding(
                    year,
                    SEED_INFOBOX,
                    f"{party}, Last Election",
                    f"{ours} ({basis})",
                    cell.value,
                    f"{src}; {cell.source}",
                    ""
                    if prev_seats is not None or printed is None
                    else "the seed's figure may be the seats the party held before this election",
                )
            )
    if "Seat Change" in fields:
        cell = fields["Seat Change"]
        printed = parse_printed(cell.value)
        if prev_seats is None:
            same = cell.value.strip().lower() == "new"
            ours = "New"
        else:
            change = seats_now - prev_seats
            same = printed is not None and printed[0] == abs(change)
            ours = f"{change:+d} ({prev_seats} → {seats_now}; the seed prints no sign)"
        if not same:
            last = (
                parse_printed(fields["Last Election"].value) if "Last Election" in fields else None
            )
            note = ""
            if last and printed and abs(seats_now - last[0]) == printed[0]:
                note = "consistent with the seed's own Last Election"
            found.append(
                Finding(
                    year,
                    SEED_INFOBOX,
                    f"{party}, Seat Change",
                    ours,
                    cell.value,
                    f"{src}; {cell.source}",
                    note,
                )
            )
    if "Swing" in fields and "Percentage" in fields:
        cell = fields["Swing"]
        printed = parse_printed(cell.value)
        places = printed[1] if printed else 2
        if before is None:
            same = cell.value.strip().lower() == "new"
            ours = "New"
        else:
            prev_lines = {p.info.party_id: p for p in prev.result.parties}
            then = sum(
                (round_percent(prev_lines[b].vote_share, 2) for b in before if b in prev_lines),
                Fraction(0),
            )
            # The swing is checked against the seed's own percentage (which is checked
            # above), so that one wrong percentage is not reported twice.
            own = parse_printed(fields["Percentage"].value)
            now_pct = own[0] if own else Fraction(0)
            swing = now_pct - then
            same = printed is not None and printed[0] == abs(swing)
            ours = (
                f"{fmt_decimal(swing, places)}pp ({fmt_decimal(then, 2)}% in {prev.year}, "
                f"computed → the seed's {fmt_decimal(now_pct, 2)}%; the seed prints no sign)"
            )
        if not same:
            found.append(
                Finding(
                    year,
                    SEED_INFOBOX,
                    f"{party}, Swing",
                    ours,
                    cell.value,
                    f"{src}; {cell.source}",
                )
            )
    return found


def seed_prev_seats(prev: ComputedElection, pids: list[str]) -> int:
    """Total seats of the given parties in a previous election."""
    return sum(p.total_seats for p in prev.result.parties if p.info.party_id in pids)


def _seed_election(seed: _Seed, fields: dict[str, SeedCell]) -> list[Finding]:
    """The infobox's election fields: date, seats for election, majority."""
    y = seed.y
    found: list[Finding] = []
    total = y.result.total_seats
    if "Election Date" in fields:
        found.extend(_date_finding(y, fields["Election Date"], "infobox"))
    if "Seats For Election" in fields:
        cell = fields["Seats For Election"]
        m = re.search(r"\d+", cell.value)
        if m is None or int(m[0]) != total:
            found.append(
                Finding(
                    y.year,
                    SEED_INFOBOX,
                    "infobox: Seats For Election",
                    f"{total} seats (computed)",
                    cell.value,
                    f"{y.counts_source}; {cell.source}",
                )
            )
    if "Majority Seats" in fields:
        cell = fields["Majority Seats"]
        printed = parse_printed(cell.value)
        if printed is None or printed[0] != total // 2 + 1:
            found.append(
                Finding(
                    y.year,
                    SEED_INFOBOX,
                    "infobox: Majority Seats",
                    f"{total // 2 + 1} (a majority of {total})",
                    cell.value,
                    cell.source,
                )
            )
    return found


def _date_finding(y: ComputedElection, cell: SeedCell, where: str) -> list[Finding]:
    try:
        printed = datetime.strptime(cell.value.strip(), "%d %B %Y").date()
    except ValueError:
        printed = None
    if not y.date:
        return []
    ours = date.fromisoformat(y.date)
    if printed == ours:
        return []
    return [
        Finding(
            y.year,
            SEED_PROSE if where == "prose" else SEED_INFOBOX,
            f"{where}: election date",
            f"{ours.isoformat()} (elections.csv)",
            cell.value,
            f"korelect/data/elections.csv; {cell.source}",
        )
    ]


def _turnout(result: ElectionResult, ballot: str) -> Turnout | None:
    """The turnout of one ballot (``list`` or the constituency ballot), if counted."""
    t = result.list_turnout if ballot == "list" else result.turnout
    return t if t is not None and t.rate is not None else None


def _seed_turnout(seed: _Seed, cells: list[SeedCell]) -> list[Finding]:
    """The infobox turnout and its change vs the counts (this and the previous election)."""
    y = seed.y
    found: list[Finding] = []
    for c in cells:
        if c.table != "turnout":
            continue
        is_list = c.row == "list"
        t = _turnout(y.result, c.row)
        ballot = "list ballot" if is_list else "constituency ballot"
        if t is None or t.rate is None:
            continue
        now = t.rate
        printed = parse_printed(c.value)
        places = printed[1] if printed else 2
        if c.column == "pct":
            if printed is None or round_percent(now, places) != printed[0]:
                found.append(
                    Finding(
                        y.year,
                        SEED_TURNOUT,
                        f"infobox: turnout ({ballot})",
                        f"{percent_text(now, places)}% ({fmt_count(t.ballots_cast or 0)} of "
                        f"{fmt_count(t.electorate or 0)})",
                        c.value,
                        f"{y.counts_source}; {c.source}",
                    )
                )
            continue
        prev = seed.prev
        before = None
        if prev is not None:
            earlier = _turnout(prev.result, c.row)
            before = None if earlier is None else earlier.rate
        if before is None:
            same = c.value.strip().lower() == "new"
            ours = "New" if prev is not None else "no previous election in the data"
        else:
            change = round_percent(now, places) - round_percent(before, places)
            same = printed is not None and printed[0] == abs(change)
            ours = (
                f"{fmt_decimal(change, places)}pp ({percent_text(before, places)}% in "
                f"{prev.year if prev else ''} → {percent_text(now, places)}%; "
                "the seed prints no sign)"
            )
        if not same:
            note = ""
            if printed and before is not None:
                low = fmt_decimal(round_percent(now, places) - printed[0], places)
                high = fmt_decimal(round_percent(now, places) + printed[0], places)
                note = f"the seed's change implies {low}% or {high}% in {prev.year if prev else ''}"
            found.append(
                Finding(
                    y.year,
                    SEED_TURNOUT,
                    f"infobox: turnout change ({ballot})",
                    ours,
                    c.value,
                    f"{prev.counts_source if prev else ''}; {y.counts_source}; {c.source}",
                    note,
                )
            )
    return found


def _seed_prose(ctx: AuditContext, seed: _Seed, cells: list[SeedCell]) -> list[Finding]:
    """Dates, turnout, thresholds and seat claims in the text."""
    y = seed.y
    year = y.year
    found: list[Finding] = []
    law = rules_for(year)
    min_seats, min_shares = threshold_minimums(law.threshold)
    lines = {p.info.party_id: p for p in y.result.parties}
    claims: dict[str, dict[str, SeedCell]] = defaultdict(dict)
    for c in cells:
        if c.table != "prose":
            continue
        if c.row == "election" and c.column == "date":
            found.extend(_date_finding(y, c, "prose"))
        elif c.row == "election" and c.column == "turnout_pct":
            counted = _turnout(y.result, "constituency")
            rate = None if counted is None else counted.rate
            printed = parse_printed(c.value)
            if rate is not None and printed and round_percent(rate, printed[1]) != printed[0]:
                found.append(
                    Finding(
                        year,
                        SEED_PROSE,
                        "prose: turnout",
                        f"{percent_text(rate, printed[1])}%",
                        f"{c.value}%",
                        f"{y.counts_source}; {c.source}",
                    )
                )
        elif c.row == "list tier":
            found.extend(_threshold_finding(year, c, min_seats, min_shares))
        else:
            claims[c.row][c.column] = c
    for label, fields in claims.items():
        found.extend(_claim_findings(seed, label, fields, lines))
    return found


def _threshold_finding(
    year: int, c: SeedCell, min_seats: list[int], min_shares: list[Fraction]
) -> list[Finding]:
    printed = parse_printed(c.value)
    if printed is None:
        return []
    law = f"LAW.md §2; korelect.rules_for({year})"
    if c.column == "min_seats":
        if printed[0] in min_seats:
            return []
        ours = " or ".join(f"{n} constituency seats" for n in min_seats) or "no seat threshold"
        note = ""
        if year == 1992:
            note = "LAW.md §2: the Korean sources say 5 seats; 7 makes no difference in 1992"
        return [
            Finding(
                year,
                SEED_PROSE,
                "prose: list-tier threshold (seats)",
                ours,
                f"{c.value} seats",
                f"{law}; {c.source}",
                note,
            )
        ]
    if printed[0] in [s * 100 for s in min_shares]:
        return []
    ours = " or ".join(f"{fmt_decimal(s * 100, 0)}% of the valid vote" for s in min_shares)
    note = ""
    if year in (1996, 2000):
        note = "LAW.md §2: parties with 3% to under 5% got one seat each first, nothing more"
    return [
        Finding(
            year,
            SEED_PROSE,
            "prose: list-tier threshold (vote)",
            ours or "no vote threshold",
            f"{c.value}%",
            f"{law}; {c.source}",
            note,
        )
    ]


def _claim_findings(
    seed: _Seed, label: str, fields: dict[str, SeedCell], lines: Mapping[str, object]
) -> list[Finding]:
    """'PARTY won N of the M seats', 'PARTY in REGION', 'seats from A to B', 'X% of the vote'."""
    y = seed.y
    year = y.year
    found: list[Finding] = []
    party_label, _, region = label.partition(" in ")
    name = seed_party(party_label, year)
    first = next(iter(fields.values()))
    if name is None:
        won = fields.get("won")
        hint = ""
        if won is not None:
            value = parse_printed(won.value)
            same = [
                f"{p.info.name_ko}" + (f" ({p.info.abbr})" if p.info.abbr else "")
                for p in y.result.parties
                if value and p.total_seats == value[0]
            ]
            hint = f"{', '.join(same)} won {won.value} seats" if same else ""
        found.append(
            Finding(
                year,
                SEED_PROSE,
                f"prose: party {party_label!r}",
                f"no {year} party is called {party_label!r}",
                f"{party_label} " + ", ".join(f"{k} {v.value}" for k, v in fields.items()),
                first.source,
                hint,
            )
        )
        return found
    pid = y.pid(name)
    codes = seed.region(region) if region else []
    if region and not codes:
        return found
    for column, cell in fields.items():
        printed = parse_printed(cell.value)
        if printed is None:
            continue
        where = f"prose: {label}, {column}"
        src = f"{y.counts_source}; {cell.source}"
        if column in ("won", "of"):
            pids = [pid] if column == "won" else None
            if codes:
                ours = seed.region_seats(codes, pids)
                what = f"district seats in {', '.join(codes)}"
            else:
                ours = seed.seats("total", pids)
                what = "seats in all" if pids is None else f"seats ({name})"
            if printed[0] != ours:
                found.append(Finding(year, SEED_PROSE, where, f"{ours} {what}", cell.value, src))
        elif column == "before":
            before = _previous(seed, name)
            prev = seed.prev
            if before is None or prev is None:
                continue
            ours = seed_prev_seats(prev, before)
            if printed[0] != ours:
                names = " + ".join(CONTINUES.get(year, {}).get(name, ()))
                found.append(
                    Finding(
                        year,
                        SEED_PROSE,
                        where,
                        f"{ours} seats in {prev.year} ({names})",
                        cell.value,
                        f"{prev.counts_source}; {cell.source}",
                        "the infobox's Last Election gives the previous election's seats; the "
                        "prose's figure may be the seats held before this election",
                    )
                )
        elif column == "vote_pct":
            line = lines.get(pid)
            share = getattr(line, "vote_share", None)
            if isinstance(share, Fraction) and round_percent(share, printed[1]) != printed[0]:
                what = "list vote" if year >= 2004 else "constituency vote"
                found.append(
                    Finding(
                        year,
                        SEED_PROSE,
                        where,
                        f"{percent_text(share, printed[1])}% of the {what}",
                        f"{cell.value}%",
                        src,
                    )
                )
    return found
