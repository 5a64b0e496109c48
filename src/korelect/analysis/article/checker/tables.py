"""Reading the tables: rows by region or by party, their cells, and the sums they print."""

from __future__ import annotations

import re
from dataclasses import dataclass
from fractions import Fraction

from korelect.analysis.article.checker.common import ALL, NATIONAL, SUM, TABLE, Key
from korelect.analysis.article.checker.facts import Fact, Facts, number_of
from korelect.analysis.article.checker.numbers import Num, integer, parse_number, show
from korelect.analysis.article.checker.parties import OTHER_LABELS, is_known
from korelect.analysis.article.model import Table, TableRow

_TOTAL_ROWS = {
    "constituency total": "district",
    "constituencies": "district",
    "constituency": "district",
    "district total": "district",
    "districts": "district",
    "constituency seats": "district",
    "fptp": "district",
    "pr list": "list",
    "appointed": "list",
    "appointed seats": "list",
    "pr": "list",
    "list": "list",
    "party list": "list",
    "proportional": "list",
    "proportional representation": "list",
    "seat allocation": "list",
    "list seats": "list",
    "pr seats": "list",
    "total": "total",
    "totals": "total",
    "overall total": "total",
    "overall": "total",
    "national total": "total",
    "nationwide": "total",
    "national": "total",
    "grand total": "total",
    "total seats": "total",
}


@dataclass(frozen=True, slots=True)
class Column:
    """A figure column of a table by region: the party and the measure it holds."""

    index: int
    label: str
    who: str
    measure: str
    """``seats``, ``votes`` or ``pct``."""
    explicit: bool
    """The label names its measure (``Uri %``, ``Total seats``)."""


def read_tables(facts: Facts) -> None:
    """Every table: party names, and the figures of region and totals rows."""
    for table in facts.article.tables:
        if _is_party_table(table):
            if _party_columns(table):
                read_party_rows(facts, table)
                continue
            for row in table.rows:
                if row.label:
                    facts.party(
                        row.label,
                        row.line,
                        f"table '{_table_name(table)}'",
                        previous_ok=True,
                    )
            continue
        read_table(facts, table)


def read_party_rows(facts: Facts, table: Table) -> None:
    """A national results table with one row per party and a Total row.

    Columns such as ``Votes``, ``%``, ``List %``, ``Constituency seats``,
    ``List seats``, ``Total seats``; rows are parties, ``Other parties``,
    ``Independents``, a bucket of votes no party holds (``Votes missing
    ...``, checked only in the sums) and ``Total``. Each column's party rows
    are summed against the Total row.
    """
    name = _table_name(table)
    basis = "list" if facts.list_year else "constituency"
    columns = [(i, m, t if t != "ballot" else basis) for i, m, t in _party_columns(table)]
    whos: list[tuple[TableRow, str]] = []
    for row in table.rows:
        low = " ".join(row.label.lower().split())
        if low in ("total", "totals", "overall total"):
            whos.append((row, ALL))
        elif low in OTHER_LABELS:
            whos.append((row, "other:"))
        elif re.search(r"missing|invalid|unattributed|blank", low):
            whos.append((row, "bucket:" + row.label))
        elif row.label:
            whos.append((row, facts.party(row.label, row.line, f"table '{name}'")))
    named = ",".join(sorted({w for _, w in whos if is_known(w)}))
    whos = [(row, "other:" + named if w == "other:" else w) for row, w in whos]
    for index, measure, tier in columns:
        label = table.columns[index]
        parts: list[Fact] = []
        total: Fact | None = None
        complete = True
        for row, who in whos:
            raw = row.cells[index] if index < len(row.cells) else ""
            num = parse_number(raw)
            if num is None or (measure != "pct" and integer(raw) is None):
                complete = complete and not raw.strip()
                continue
            if who.startswith("bucket:"):
                key: Key = ("bucket", who, measure, tier)
            elif measure == "seats":
                key = ("seats", who, tier, NATIONAL)
            else:
                key = (measure, who, tier, NATIONAL)
            fact = facts.add(
                key, num, row.line, TABLE, f"table '{name}', row {row.label}", label, raw,
                group=name,
            )  # fmt: skip
            if who == ALL:
                total = fact
            else:
                parts.append(fact)
        if total is None or not complete or measure == "pct" or len(parts) < 2:
            continue
        value = sum((number_of(f) for f in parts), Fraction(0))
        facts.add(
            total.key,
            Num(value),
            total.line,
            SUM,
            total.where,
            label,
            f"sum of the {len(parts)} rows above (lines {parts[0].line}–{parts[-1].line}) = "
            f"{show(Num(value), unit=measure)}",
            (f.id for f in parts),
            group=name,
        )


def read_table(facts: Facts, table: Table) -> None:
    """A results table: cells as statements, and its sums as derived facts."""
    name = _table_name(table)
    rows: list[tuple[TableRow, str, str]] = []  # (row, tier, area)
    kinds: dict[int, str] = {}
    for row in table.rows:
        code = facts.province(row.label)
        if code is not None:
            rows.append((row, "district", code))
            continue
        norm = " ".join(row.label.lower().rstrip(":*").split())
        tier = _TOTAL_ROWS.get(norm)
        if tier is not None:
            rows.append((row, tier, NATIONAL))
            kinds[row.line] = norm
    if not any(area != NATIONAL for _, _, area in rows) and not kinds:
        return
    text = " ".join([table.caption or "", table.section, *table.columns]).lower()
    ballot = (
        "list"
        if facts.list_year and re.search(r"\b(list|pr|proportional)\b", text)
        else "constituency"
    )
    has_list_row = any(
        tier == "list" and any(integer(c) is not None for c in row.cells) for row, tier, _ in rows
    )
    columns = table_columns(facts, table, rows)
    cells: dict[tuple[int, int], Fact] = {}
    for row, row_tier, area in rows:
        tier = row_tier
        if tier == "total":
            tier = "total" if has_list_row or _whole_house(facts, row, table) else "district"
        where = f"table '{name}', row {row.label}"
        for col in columns:
            if col.index >= len(row.cells):
                continue
            raw = row.cells[col.index]
            num = parse_number(raw)
            if num is None:
                continue
            measure = col.measure
            if (
                tier == "list"
                and not col.explicit
                and measure == "pct"
                and integer(raw) is not None
            ):
                measure = "seats"
            if measure == "seats":
                if integer(raw) is None:
                    continue
                key: Key = ("seats", col.who, tier, area)
            elif measure == "votes":
                if integer(raw) is None:
                    continue
                key = ("votes", col.who, "list" if tier == "list" else ballot, area)
            else:
                key = ("pct", col.who, "list" if tier == "list" else ballot, area)
            cells[(row.line, col.index)] = facts.add(
                key, num, row.line, TABLE, where, col.label, raw, group=name
            )
    table_sums(facts, name, rows, columns, cells, has_list_row)


def _whole_house(facts: Facts, row: TableRow, table: Table) -> bool:
    """Whether a Total row without a PR-list row counts the whole assembly.

    It does when its Total seats cell is the assembly's size (the infobox's
    Seats For Election, or the law's) and not the law's district seats.
    """
    box = facts.article.infobox
    sizes = {box.total_seats} if box is not None and box.total_seats else set()
    if facts.law is not None:
        sizes.add(facts.law.total_seats)
    for index, label in enumerate(table.columns):
        party, measure = _split_column(label)
        if party.lower() == "total" and measure in (None, "seats") and index < len(row.cells):
            value = integer(row.cells[index])
            district = facts.law.district_seats if facts.law is not None else None
            return value in sizes and value != district
    return False


def table_columns(
    facts: Facts, table: Table, rows: list[tuple[TableRow, str, str]]
) -> list[Column]:
    """The table's columns with the party and the measure each one holds."""
    found: list[Column] = []
    body = [row for row, tier, _ in rows if tier != "list"]
    for index, label in enumerate(table.columns):
        party, measure = _split_column(label)
        if not party and measure is None:
            continue
        explicit = measure is not None
        if measure is None:
            cells = [r.cells[index] for r in body if index < len(r.cells)]
            decimal = any("." in c or "%" in c for c in cells if parse_number(c))
            measure = "pct" if decimal else "seats"
        if party.lower() in ("total", ""):
            if measure != "seats":
                continue
            who = ALL
        else:
            where = f"table '{_table_name(table)}', column {label}"
            who = facts.party(party, table.line, where)
        found.append(Column(index, label, who, measure, explicit))
    named = sorted({c.who for c in found if is_known(c.who)})
    return [
        Column(c.index, c.label, "other:" + ",".join(named), c.measure, c.explicit)
        if c.who == "other:"
        else c
        for c in found
    ]


def table_sums(
    facts: Facts,
    name: str,
    rows: list[tuple[TableRow, str, str]],
    columns: list[Column],
    cells: dict[tuple[int, int], Fact],
    has_list_row: bool,
) -> None:
    """Columns summed over the region rows, district + list, and each row's parties."""
    regions = [row for row, _, area in rows if area != NATIONAL]
    totals = {tier: row for row, tier, area in rows if area == NATIONAL}
    district_row = totals.get("district") or (None if has_list_row else totals.get("total"))
    for col in columns:
        if col.measure not in ("seats", "votes"):
            continue
        parts = [cells.get((r.line, col.index)) for r in regions]
        codes = [area for _, _, area in rows if area != NATIONAL]
        if len(parts) >= 2 and facts.complete(codes) and all(p is not None for p in parts):
            got = [p for p in parts if p is not None]
            total = sum((p.value.value for p in got if isinstance(p.value, Num)), Fraction(0))
            anchor = district_row or regions[-1]
            ballot = got[0].key[2]
            key: Key = (
                ("seats", col.who, "district", NATIONAL)
                if col.measure == "seats"
                else ("votes", col.who, ballot, NATIONAL)
            )
            facts.add(
                key,
                Num(total),
                anchor.line,
                SUM,
                f"table '{name}', row {anchor.label}",
                col.label,
                f"sum of the {len(got)} region rows (lines {regions[0].line}–"
                f"{regions[-1].line}) = {show(Num(total), unit=col.measure)}",
                (p.id for p in got),
                group=name,
            )
        if col.measure == "seats" and has_list_row:
            district = totals.get("district")
            listed = totals.get("list")
            if district is None or listed is None:
                continue
            a = cells.get((district.line, col.index))
            b = cells.get((listed.line, col.index))
            if a is None or b is None:
                continue
            anchor = totals.get("total") or listed
            both = number_of(a) + number_of(b)
            facts.add(
                ("seats", col.who, "total", NATIONAL),
                Num(both),
                anchor.line,
                SUM,
                f"table '{name}', row {anchor.label}",
                col.label,
                (
                    f"{district.label} (line {district.line}) + {listed.label} "
                    f"(line {listed.line}) = {a.text} + {b.text} = {both}"
                ),
                (a.id, b.id),
                group=name,
            )
    all_columns = [c for c in columns if c.who == ALL and c.measure == "seats"]
    party_columns = [c for c in columns if c.who != ALL and c.measure == "seats"]
    if not all_columns or not party_columns:
        return
    for row, _, _ in rows:
        total_cell = cells.get((row.line, all_columns[0].index))
        if total_cell is None:
            continue
        parts = [cells.get((row.line, c.index)) for c in party_columns]
        if not all(p is not None for p in parts):
            continue
        got = [p for p in parts if p is not None]
        total = sum((p.value.value for p in got if isinstance(p.value, Num)), Fraction(0))
        facts.add(
            total_cell.key,
            Num(total),
            row.line,
            SUM,
            f"table '{name}', row {row.label}",
            all_columns[0].label,
            f"sum of the row's {len(got)} party columns = {total}",
            (p.id for p in got),
            group=name,
        )


def _split_column(label: str) -> tuple[str, str | None]:
    """(the party part, the measure) of a column label such as ``Uri %`` or ``Total seats``."""
    measures = {
        "%": "pct",
        "(%)": "pct",
        "pct": "pct",
        "percent": "pct",
        "share": "pct",
        "votes": "votes",
        "vote": "votes",
        "seats": "seats",
        "seat": "seats",
        "won": "seats",
    }
    measure = None
    kept = []
    for token in label.split():
        found = measures.get(token.lower())
        if found is None:
            kept.append(token)
        elif measure is None:
            measure = found
    return " ".join(kept), measure


def _party_columns(table: Table) -> list[tuple[int, str, str]]:
    """(index, measure, tier or ballot) of the figure columns of a one-row-per-party table.

    The ballot of an unqualified ``Votes`` or ``%`` is ``"ballot"``: the one the
    year's list tier uses.
    """
    found = []
    for index, label in enumerate(table.columns):
        low = " ".join(label.lower().split())
        ballot = (
            "list"
            if re.search(r"\b(list|pr|party[- ]list)\b", low)
            else "constituency"
            if re.search(r"\b(constituency|district)\b", low)
            else "ballot"
        )
        if re.search(r"\bvotes?\b", low) and "%" not in low:
            found.append((index, "votes", ballot))
        elif "%" in low or re.search(r"\b(share|percent)\b", low):
            found.append((index, "pct", ballot))
        elif re.search(r"\bseats?\b", low):
            tier = {"list": "list", "constituency": "district"}.get(ballot, "total")
            found.append((index, "seats", tier))
    numeric = any(
        parse_number(row.cells[i]) is not None
        for row in table.rows
        for i, _, _ in found
        if i < len(row.cells)
    )
    return found if numeric else []


def _is_party_table(table: Table) -> bool:
    head = [c.lower() for row in table.header_rows for c in row[:1]]
    return "political parties" in table.section.lower() or any(
        h in ("parties", "party") for h in head
    )


def _table_name(table: Table) -> str:
    return table.caption or table.section or f"table at line {table.line}"
