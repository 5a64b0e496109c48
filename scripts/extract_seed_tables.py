"""Extract the numbers ``korelect audit`` checks from the three seed articles.

Run: python scripts/extract_seed_tables.py [--seeds ../shared/seeds]

Writes ``src/korelect/data/seed_tables.csv``. This is a small, purpose-built
extractor for the seed format (a ``= Title =`` line, an infobox of
``- Key: Value`` lines, prose, and pipe tables with merged header rows); it
reads only what the audit compares, and stops with a message naming the file
and line when a table does not have the shape it expects. Only the standard
library is used.

Output: one row per number, in long format, UTF-8, with the header
``seed_file,year,table,row,column,value,line``:

``seed_file``
    the article's file name (``001_5ff811948e8edf5d.txt``).
``year``
    the election year, from the title line.
``table``
    ``infobox``: one row per infobox field of a party (``row`` is the party as
    the infobox names it, e.g. ``Democratic Liberal Party (South Korea)``;
    ``column`` is the field without its number: ``Seats``, ``Popular Vote``,
    ``Percentage``, ``Last Election``, ``Seat Change``, ``Swing``), and the
    election's own fields (``row`` = ``election``; ``Turnout``,
    ``Election Date``, ``Seats For Election``, ``Majority Seats``). The value
    is the text as printed (``7,923,718``, ``38.49%``, ``219 seats``, ``New``).

    ``turnout``: the infobox turnout taken apart: ``row`` is ``all`` (one
    ballot), or ``constituency`` / ``list`` (2004's two ballots); ``column``
    is ``pct`` (a number, ``71.86``) or ``change`` (``3.91``, in percentage
    points, printed without a sign; or ``New``).

    ``seats``: the "By city/province" seat table of 1992 and 1996: ``row`` is
    a region or ``Constituency total``, ``PR list``, ``Total``; ``column`` is
    ``Total seats`` or a party abbreviation (``DLP``, ``Ind.``).

    ``constituency_seats``, ``constituency_pct``: 2004's constituency table,
    one cell per region (or ``Total``, the constituency total) and party; the
    ``Total seats`` column is in ``constituency_seats``.

    ``list_pct``: 2004's party-list vote table, by region (or
    ``Overall total``) and party (``Other`` is every party not named); its
    ``Seat allocation`` row holds list seats.

    ``prose``: numbers stated in the text: ``row`` is ``election``
    (``column`` ``date``, ``turnout_pct``), ``list tier`` (``min_seats``,
    ``min_vote_pct``: the electoral-system paragraph's thresholds, as
    numbers), ``PARTY in REGION`` (``won``, ``of``: "won 32 out of 49 seats
    in Seoul"), or ``PARTY`` (``won``, ``of``, ``before``, ``vote_pct``:
    "won 149 of the 299 seats", "seats shortened from 218 to 149", "17.4% of
    popular vote"). ``PARTY`` is the party as the sentence names it (a full
    name or an abbreviation, typos included: ``RNP``).
``value``
    the text of the cell as printed (table cells are numbers as printed).
``line``
    the 1-based line number in the article.
"""

from __future__ import annotations

import argparse
import csv
import io
import re
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src/korelect/data/seed_tables.csv"
HEADER = ["seed_file", "year", "table", "row", "column", "value", "line"]

PARTY_FIELDS = ("Seats", "Popular Vote", "Percentage", "Last Election", "Seat Change", "Swing")
ELECTION_FIELDS = ("Turnout", "Election Date", "Seats For Election", "Majority Seats")
MEASURES = {"Seats": "seats", "%": "pct"}
NUMBER_WORDS = {
    "one": "1", "two": "2", "three": "3", "four": "4", "five": "5",
    "six": "6", "seven": "7", "eight": "8", "nine": "9", "ten": "10",
}  # fmt: skip
NUMBER = re.compile(r"-?\d[\d,]*(?:\.\d+)?")


@dataclass
class Cell:
    """One extracted number."""

    table: str
    row: str
    column: str
    value: str
    line: int


class SeedError(SystemExit):
    """The article does not have the expected shape."""

    def __init__(self, path: Path, line: int, message: str) -> None:
        super().__init__(f"{path.name}:{line}: {message}")


def cells_of(line: str) -> list[str]:
    """The cells of a pipe-table line, trailing empty cells dropped."""
    parts = [c.strip() for c in line.strip().strip("|").split("|")]
    while parts and not parts[-1]:
        parts.pop()
    return parts


def is_number(text: str) -> bool:
    """'1,234', '38.49' or '-3' (no units)."""
    return bool(NUMBER.fullmatch(text))


def infobox(path: Path, lines: list[str]) -> list[Cell]:
    """The infobox: party fields (rows named by ``PartyN``) and the election's fields."""
    fields: dict[str, tuple[str, int]] = {}
    for number, line in enumerate(lines, 1):
        if not line.strip() and fields:
            break
        m = re.match(r"- ([A-Za-z ]+?)(\d*): (.*)$", line)
        if m:
            fields[m[1] + m[2]] = (m[3].strip(), number)
    out = []
    for key in ELECTION_FIELDS:
        if key in fields:
            value, number = fields[key]
            out.append(Cell("infobox", "election", key, value, number))
    for key, (party, _) in fields.items():
        m = re.fullmatch(r"Party(\d+)", key)
        if not m:
            continue
        for name in PARTY_FIELDS:
            if name + m[1] in fields:
                value, number = fields[name + m[1]]
                out.append(Cell("infobox", party, name, value, number))
    if "Turnout" not in fields:
        raise SeedError(path, 1, "no '- Turnout:' line in the infobox")
    out.extend(turnout(path, *fields["Turnout"]))
    return out


def turnout(path: Path, text: str, number: int) -> list[Cell]:
    """'71.86% ( 3.91pp)' or '60.63% (3.38pp; Const. votes), 60.63% (New; PR votes)'."""
    parts = re.findall(r"([\d.]+)%\s*\(\s*([\d.]+pp|New)\s*(?:;\s*([^)]*))?\)", text)
    if not parts:
        raise SeedError(path, number, f"unreadable turnout {text!r}")
    out = []
    for pct, change, ballot in parts:
        row = "all"
        if ballot:
            row = "list" if "PR" in ballot else "constituency"
        out.append(Cell("turnout", row, "pct", pct, number))
        out.append(Cell("turnout", row, "change", change.removesuffix("pp"), number))
    return out


def tables(path: Path, lines: list[str]) -> list[Cell]:
    """Every pipe table of the "By city/province" section (the Results)."""
    out: list[Cell] = []
    section = False
    caption = ""
    index = 0
    while index < len(lines):
        line = lines[index]
        if line.startswith("="):
            section = bool(re.match(r"=+\s*By city", line))
            index += 1
            continue
        if section and line.strip().startswith("- "):
            caption = line.strip()
        if not (section and line.startswith("|")):
            index += 1
            continue
        start = index
        while index < len(lines) and lines[index].startswith("|"):
            index += 1
        out.extend(table(path, lines[start:index], start + 1, caption))
        caption = ""
    if not out:
        raise SeedError(path, 1, "no 'By city/province' table")
    return out


def table(path: Path, rows: list[str], first: int, caption: str) -> list[Cell]:
    """One table: header rows (with merged cells) and data rows of numbers."""
    parsed = [cells_of(r) for r in rows]
    heads = 0
    while heads < len(parsed) and not all(is_number(c) for c in parsed[heads][1:] if c):
        heads += 1
    if heads == 0 or heads == len(parsed):
        raise SeedError(path, first, "a table without a header or without data rows")
    top = [c for c in parsed[0][1:] if c]
    sub = [c for c in parsed[1][0:] if c] if heads > 1 else []
    prefix = "list_" if "list" in caption.lower() else "constituency_" if caption else ""
    columns: list[tuple[str, str]] = []  # (table, column) per data cell
    if sub and all(c in MEASURES for c in sub):
        # Measure sub-header (2004): each party spans the sub-columns up to the next 'Seats'.
        groups: list[list[str]] = []
        for c in sub:
            if c == "Seats" or not groups:
                groups.append([])
            groups[-1].append(c)
        columns = [
            (prefix + MEASURES[measure], name)
            for i, name in enumerate(top)
            for measure in (groups[i] if i < len(groups) else ["Seats"])
        ]
    elif sub:
        # Party sub-header under a merged 'Seats won' cell (1992, 1996).
        merged = [i for i, c in enumerate(top) if c.lower().startswith("seats won")]
        if len(merged) != 1:
            raise SeedError(path, first, "expected one merged 'Seats won' header cell")
        names = [*top[: merged[0]], *sub, *top[merged[0] + 1 :]]
        columns = [(prefix + "seats", name) for name in names]
    else:
        measure = "pct" if "vote" in caption.lower() else "seats"
        columns = [(prefix + measure, name) for name in top]
    out = []
    for offset, cells in enumerate(parsed[heads:], heads):
        number = first + offset
        label, values = cells[0], cells[1:]
        if len(values) != len(columns):
            raise SeedError(
                path, number, f"{label}: {len(values)} cells for {len(columns)} columns"
            )
        for (name, column), value in zip(columns, values, strict=True):
            if not is_number(value):
                raise SeedError(path, number, f"{label}, {column}: not a number: {value!r}")
            out.append(Cell(name, label, column, value, number))
    return out


def prose(path: Path, lines: list[str], parties: list[str]) -> list[Cell]:
    """Numbers stated in the text: the date, the turnout, thresholds, parties' seats and votes.

    A party claim's subject is the last party named before it on the same line
    (a name from the infobox, or an upper-case abbreviation such as ``DLP``),
    as written.
    """
    names = "|".join(re.escape(p) for p in sorted(parties, key=len, reverse=True))
    mention = re.compile(rf"{names}|\b(?!FPTP\b|PR\b)[A-Z][A-Za-z0-9]{{0,3}}[A-Z0-9]\b")
    claims = (
        # (pattern, row suffix group or None, columns for groups 1, 2)
        (r"won (?:only )?(\d+) (?:of the|out of) (\d+) seats(?! in (?!the\b))", ("won", "of")),
        (r"won (\d+) seats", ("won",)),
        (r"seats shortened from (\d+) to (\d+)", ("before", "won")),
        (r"([\d.]+)% of (?:the )?(?:popular vote|vote share)", ("vote_pct",)),
    )
    out: list[Cell] = []
    for number, line in enumerate(lines, 1):
        if line.startswith(("-", "|", "=")) or not line.strip():
            continue
        if m := re.search(r"held in South Korea on (\d{1,2} [A-Z][a-z]+ \d{4})", line):
            out.append(Cell("prose", "election", "date", m[1], number))
        if m := re.search(r"[Vv]oter turnout was ([\d.]+)\s*%", line):
            out.append(Cell("prose", "election", "turnout_pct", m[1], number))
        if m := re.search(r"\b(\w+) or more (?:seats in constituencies|constituency seats)", line):
            out.append(Cell("prose", "list tier", "min_seats", word(m[1]), number))
        if m := re.search(r"\b(\w+) percent of the national valid vote", line):
            out.append(Cell("prose", "list tier", "min_vote_pct", word(m[1]), number))
        mentions = [(m.start(), m[0]) for m in mention.finditer(line)]

        def subject(at: int, mentions: list[tuple[int, str]] = mentions) -> str:
            before = [name for start, name in mentions if start < at]
            return before[-1] if before else ""

        for m in re.finditer(
            r"(\d+) out of (\d+)(?: seats)? in ((?:[A-Z][a-z]+)(?: and [A-Z][a-z]+)*)", line
        ):
            row = f"{subject(m.start())} in {m[3]}"
            out.append(Cell("prose", row, "won", m[1], number))
            out.append(Cell("prose", row, "of", m[2], number))
        for pattern, columns in claims:
            for m in re.finditer(pattern, line):
                for group, column in enumerate(columns, 1):
                    out.append(Cell("prose", subject(m.start()), column, m[group], number))
    return out


def word(text: str) -> str:
    """'seven' -> '7'; digits stay."""
    return NUMBER_WORDS.get(text.lower(), text)


def extract(path: Path) -> list[list[object]]:
    """The rows of ``seed_tables.csv`` for one article."""
    lines = path.read_text(encoding="utf-8").splitlines()
    m = re.match(r"=\s*(\d{4}) ", lines[0]) if lines else None
    if not m:
        raise SeedError(path, 1, "no '= YEAR ... =' title line")
    year = int(m[1])
    cells = infobox(path, lines)
    parties = [c.row for c in cells if c.table == "infobox" and c.row != "election"]
    short = [re.sub(r"\s*\(.*\)$", "", p) for p in dict.fromkeys(parties)]
    cells += tables(path, lines)
    cells += prose(path, lines, short)
    return [[path.name, year, c.table, c.row, c.column, c.value, c.line] for c in cells]


def main() -> None:
    """Extract every seed article and write the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=Path, default=ROOT / "../shared/seeds")
    parser.add_argument("--out", type=Path, default=OUT, help="where to write the table")
    args = parser.parse_args()
    text = build(args.seeds)
    args.out.write_text(text, encoding="utf-8")
    print(f"{args.out}: {text.count(chr(10)) - 1} rows")


def build(seeds: Path) -> str:
    """The text of ``seed_tables.csv`` for every ``*.txt`` article in ``seeds``."""
    rows: list[list[object]] = []
    for path in sorted(seeds.glob("*.txt"), key=lambda p: p.name):
        rows.extend(extract(path))
    rows.sort(key=lambda r: (r[1], r[0], r[6]))  # by year, then article order
    buffer = io.StringIO()
    w = csv.writer(buffer, lineterminator="\n")
    w.writerow(HEADER)
    w.writerows(rows)
    return buffer.getvalue()


if __name__ == "__main__":
    main()
