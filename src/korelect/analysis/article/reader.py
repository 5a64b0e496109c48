r"""Read an election article (the seed articles' plain-text format) into an :class:`Article`.

:func:`read_article` never raises on what it reads: whatever it cannot take at
face value (a missing title or infobox, an unreadable number, a change printed
without its sign, a ragged table row, stray markup, a duplicated key) becomes a
:class:`~korelect.analysis.article.model.ReadWarning` naming the line, and the rest of
the article is still read. Only :func:`read_article_file` raises, with
:class:`~korelect.errors.FileFormatError`, and only for a file that cannot be
read at all (missing, a directory, no permission).

>>> text = '''= 2008 South Korean legislative election =
...
... Infobox
... - Turnout: 46.1% ( 14.5pp)
... - Party1: Grand National Party
... - Last Election1: 121 seats
... - Seats1: 153
... - Seat Change1: 32
...
... == Results ==
... Turnout fell to a record low.
...
... | Region | GNP | UDP |
... | Seoul | 40 | 7 |
... '''
>>> article = read_article(text)
>>> article.title, article.year
('2008 South Korean legislative election', 2008)
>>> party = article.infobox.parties[0]
>>> party.name, party.seats, party.seat_change.value, party.seat_change.sign_implied
('Grand National Party', 153, Fraction(32, 1), True)
>>> party.lines["Seats"]
7
>>> article.infobox.turnout[0].change.value
Fraction(-29, 2)
>>> article.tables[0].cell("Seoul", "UDP")
'7'
>>> for warning in article.warnings:
...     print(warning.line, warning.message)
4 Turnout change '14.5pp' printed without a sign; read as -14.5 because the prose on line 11
says turnout fell
8 Seat Change1 '32' printed without a sign; read as +32 because Seats1 (153) is above
Last Election1 (121)

Lines
-----
Lines end at ``\n``, ``\r\n`` or a lone ``\r`` and are numbered from 1; a
leading byte-order mark is dropped and tabs are read as spaces. The first
non-blank line is the title ``= 2004 South Korean legislative election =``
(the year is the first 19xx/20xx in it). ``Infobox`` opens a block of
``- Key: Value`` lines that ends at a blank line, a heading or a table.
Headings are ``== X ==``, ``==X==``, ``===X===`` (level = number of ``=``).
Rows starting with ``|`` form a table; a line ``- Caption`` (or
``  - **Caption**``) just before a table, blank lines aside, is its caption.
Every other line is prose: consecutive prose lines form one paragraph (joined
with a space, numbered by its first line), under the nearest heading. A number
of more than 40 digits (:data:`~korelect.analysis.article.model.MAX_DIGITS`,
or that many in groups of three) is not a figure: its line gets a warning, and
it is read as text. Reading takes time and memory in proportion to the text.

Infobox
-------
Every field is kept in order, duplicates included; the typed values come
from the first field of each key (a duplicate is warned about), matched
without regard to case or spacing. Numbered party fields (``Party1``,
``Seats1``, ...; numbers may skip) become one :class:`InfoboxParty` each.
A change printed with a sign (``+``, ``-``, ``−``, ``–``, ``▲``, ``▼``) is taken
as printed. Without one:

- ``Seat ChangeN`` takes the sign of ``SeatsN − Last ElectionN`` (a party that
  "Did not exist" had 0), with ``sign_implied``;
- ``SwingN`` and the turnout change take the sign that the figures force (a
  rise larger than the share itself, or a fall that would put the previous
  share above 100%; a party that did not exist can only have risen) or, for
  turnout, the one the prose states ("turnout fell", "rose"), with
  ``sign_implied``; otherwise the value stays positive with ``sign_unknown``.

Each inferred or unknown sign is a warning that says why.

Tables: the header-merging rule
-------------------------------
The articles come from wiki tables whose ``rowspan``/``colspan`` were dropped:
header cells that spanned two rows or several columns are printed once, and the
header rows are padded at the end with empty cells to the table's width
(the most common number of cells in the body rows). So:

1. The first row is the header. If it ends in padding and the next row is all
   labels (non-empty, not numbers) followed by padding, that row is a second
   header row: it holds the sub-labels, left to right, of the first row's
   column groups.
2. With ``W`` data columns (every column after the row label), ``m`` first-row
   labels after the row label's own, and ``n`` sub-labels, ``W − n`` first-row
   labels span both rows (one column each) and the other ``g = m − (W − n)``
   are groups. The groups are the labels that most look like measures: a label
   naming seats, votes, "won" or "%" first, a label naming a total never
   (totals are single columns), ties going to the leftmost.
3. The sub-labels are cut into ``g`` runs, each starting where the first
   sub-label recurs (``Seats | % | Seats | % ...``), or into equal runs, or all
   in one run when ``g`` is 1.
4. Columns follow the first row's order: a spanning label is one column; a
   group is one column per sub-label, named by the sub-label alone where it is
   unique in the table, else ``"<group> <sub-label>"``.
5. A leading column that is empty in every body row (the party-colour swatch
   of the "Political parties" tables) is dropped, so those rows are labelled
   by the party's name (the first header label covers swatch and name).
6. Where the first row has empty cells *between* its labels, the spans are
   printed: an empty cell continues the label to its left (trailing empties
   included). The second header row is then either aligned under the first
   (``| | A | B | A | B | |``: each column takes the sub-label above it) or
   packed (``| A | B | A | B | | |``: the sub-labels fill the labels spanning
   more than one column, in order); names follow rule 4.

The seeds:

- 1992 and 1996 seats by region: ``| Region | Total seats | Seats won | | | | |``
  over ``| DLP | DP | UNP | NPRP | Ind. | | |``; ``W = 6``, ``n = 5``: one
  label spans both rows, and "Seats won" is the group, "Total seats" being a
  total. The party names are unique, so the columns are
  ``("Total seats", "DLP", "DP", "UNP", "NPRP", "Ind.")``.
- 2004 constituency results: ``| Region | Uri | GNP | DLP | MDP | ULD | NI21
  | Ind. | Total seats | ...`` over ``| Seats | % | Seats | % | ... | Seats |
  Seats | | |``; ``W = 13``, ``n = 12``, ``g = 7``: the seven parties are the
  groups (runs ``Seats %`` five times, then ``Seats``, ``Seats``) and "Total
  seats" spans both rows. "Seats" and "%" recur, so the columns are
  ``("Uri Seats", "Uri %", "GNP Seats", ..., "NI21 Seats", "Ind. Seats",
  "Total seats")``.
- Political parties: ``| Parties | Leader | Ideology | Seats | Status | | |``
  over ``| Last election | Before election | | | | | |``, body rows
  ``| | Democratic Liberal Party | Roh Tae-woo | ...``: the swatch column is
  dropped, ``W = 5``, ``n = 2``, ``g = 1``: "Seats" is the group, and the
  columns are ``("Leader", "Ideology", "Last election", "Before election",
  "Status")``.
- 2004 party-list results: one header row without padding, columns
  ``("Uri", "GNP", "DLP", "MDP", "ULD", "Other")``.

Where the rows do not fit these rules the columns are the first row's labels,
padded with ``""`` or cut to the width, with a warning. Cells are cleaned of
``rowspan=``/``colspan=`` (with a warning, as the value they spanned is not
repeated), of other attributes (``style=``, ``align=`` ...), of ``'''``/``''``
and ``**``, and of surrounding spaces. A body row with more or fewer cells than
the table is warned about and cut or padded with ``""`` at its end; a cell that
is not a number in a column of numbers is warned about. Rows of numbers after
blank lines, with no caption between, continue the table above (with a
warning).

Files
-----
:func:`read_article_file` decodes UTF-8 (a byte-order mark is fine). A file
that is not UTF-8 is read as CP949 (EUC-KR) if it all decodes so; otherwise
each line is decoded on its own (UTF-8, then CP949, then UTF-8 with U+FFFD for
the undecodable bytes: "mixed encodings"), with a warning naming the first
line read each way.
"""

from __future__ import annotations

import os
import re
from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import date
from fractions import Fraction
from typing import TypeAlias

from korelect.analysis.article.model import (
    MAX_DIGITS,
    Article,
    Change,
    Field,
    Heading,
    Infobox,
    InfoboxParty,
    Paragraph,
    ReadWarning,
    Table,
    TableRow,
    Turnout,
)
from korelect.base.files import MAX_ARTICLE_BYTES, read_bytes

__all__ = ["article_to_dict", "read_article", "read_article_file"]

Json: TypeAlias = "str | int | bool | list[Json] | dict[str, Json] | None"
"""A value :func:`article_to_dict` returns: what :func:`json.dumps` accepts."""

_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_LINE_BREAK_BYTES = re.compile(rb"(\r\n|\r|\n)")
_PLAIN_KEY = re.compile(r"[A-Za-z][A-Za-z .()]*\d*")
_MAX_NUMBER = MAX_DIGITS
"""Longer figures are not read as numbers (Python refuses to convert huge integers)."""
_LONG_NUMBER = re.compile(
    rf"\d{{{MAX_DIGITS + 1},}}|\d{{1,3}}(?:,\d{{3}}){{{MAX_DIGITS // 3 + 1},}}"
)
"""A number of more digits than a figure has (in groups of three, at least as many)."""
_YEAR = re.compile(r"(?<!\d)(19\d\d|20\d\d)(?!\d)")
_INTEGER = re.compile(r"\d{1,3}(?:,\d{3})+|\d+")
_NUMBER = re.compile(r"[+\-−–]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?%?|[+\-−–]?\.\d+%?")
_DECIMAL = re.compile(r"(?P<int>\d{1,3}(?:,\d{3})+|\d+)(?:\.(?P<frac>\d+))?|\.(?P<only>\d+)")
_SIGNS = {"+": 1, "▲": 1, "-": -1, "−": -1, "–": -1, "▼": -1}
_CHANGE = re.compile(
    r"(?P<sign>[+\-−–▲▼])?\s*(?P<number>(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|\.\d+)\s*"
    r"(?P<unit>pp|p\.p\.|%p|%|points?|seats?)?\.?",
    re.IGNORECASE,
)
_TURNOUT_PART = re.compile(  # not from inside a number: it would be read from its first digit
    r"(?<!\d)(?P<pct>\d+(?:\.\d+)?|\.\d+)\s*%\s*(?:\((?P<inner>[^()]*)\))?", re.IGNORECASE
)
_SPAN_MARKUP = re.compile(
    r"""\b(?:rowspan|colspan)\s*=\s*(?:"[^"]*"?|'[^']*'?|[^\s|]+)""", re.IGNORECASE
)
_OTHER_MARKUP = re.compile(
    r"""\b(?:style|align|valign|class|width|bgcolor|scope|nowrap)\s*=\s*"""
    r"""(?:"[^"]*"?|'[^']*'?|[^\s|]+)""",
    re.IGNORECASE,
)
_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
            ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
            ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}  # fmt: skip
_PARTY_FIELDS = {
    name.casefold(): name
    for name in (
        "Party", "Leader", "Image", "Last Election", "Seats", "Seat Change",
        "Popular Vote", "Percentage", "Swing",
    )
}  # fmt: skip
_ELECTION_FIELDS = {
    name.casefold(): name
    for name in (
        "Election Date", "Previous Election", "Previous Year", "Next Election", "Next Year",
        "Seats For Election", "Majority Seats", "Turnout",
    )
}  # fmt: skip
_FALL = re.compile(
    r"\b(?:fell|fall(?:s|en|ing)?|dropp?(?:ed|s|ing)?|declin\w*|decreas\w*|lower|down)\b",
    re.IGNORECASE,
)
_RISE = re.compile(r"\b(?:rose|ris(?:e|es|en|ing)|increas\w*|higher|up)\b", re.IGNORECASE)
_DID_NOT_EXIST = ("did not exist", "new", "new party", "—", "–", "-")


# ----------------------------------------------------------------------------- public API


def read_article(text: str, *, source: str = "<text>") -> Article:
    r"""Read an article from its text; never raises, problems become warnings.

    ``source`` names the text in :attr:`Article.source` (a file name).

    >>> article = read_article("no title\n| | a | b |\n| x | 1 | 2 |\n| y | 3 |\n| z | 5 | 6 |")
    >>> article.title, article.infobox, article.tables[0].cell("y", "b")
    ('', None, '')
    >>> for warning in article.warnings:
    ...     print(warning.line, warning.message)
    None no infobox ('Infobox' followed by '- Key: Value' lines)
    1 no title line ('= YEAR South Korean legislative election =')
    4 row 'y' has 2 cells, the table 3; padded with empty cells
    """
    return _Reader(text, source).read()


def read_article_file(path: str | os.PathLike[str]) -> Article:
    """Read an article from a file (UTF-8, CP949/EUC-KR, or a mix of the two).

    A file that cannot be read raises :class:`~korelect.errors.FileFormatError`
    naming the path: a missing file, one that is not a regular file (a FIFO, a
    device, a folder), or one over 8 MiB
    (:data:`~korelect.base.files.MAX_ARTICLE_BYTES`), which is never read past
    the limit. Whatever is in a readable file gives an :class:`Article`.

    >>> read_article_file("/nonexistent/1992.txt")
    Traceback (most recent call last):
    ...
    korelect.errors.FileFormatError: /nonexistent/1992.txt: no such file
    """
    name = str(path)
    raw = read_bytes(path, limit=MAX_ARTICLE_BYTES, what="an article file")
    text, decode_warnings = _decode(raw)
    article = read_article(text, source=name)
    if not decode_warnings:
        return article
    return replace(article, warnings=_sorted_warnings([*decode_warnings, *article.warnings]))


def article_to_dict(article: Article) -> dict[str, Json]:
    r"""The article as JSON-ready data: every value with its line, warnings included.

    Fractions become strings (``"38.49"``, or ``"1/3"`` where no decimal is
    exact), dates ISO strings (``"1992-03-24"``).

    >>> data = article_to_dict(read_article("= 1992 X =\nInfobox\n- Majority Seats: 150\n"))
    >>> data["year"], data["infobox"]["majority_seats"]
    (1992, {'value': 150, 'line': 3})
    """
    box = article.infobox
    return {
        "source": article.source,
        "title": article.title,
        "year": article.year,
        "infobox": None if box is None else _infobox_dict(box),
        "headings": [
            {"title": h.title, "level": h.level, "line": h.line} for h in article.headings
        ],
        "paragraphs": [
            {"text": p.text, "line": p.line, "section": p.section} for p in article.paragraphs
        ],
        "tables": [_table_dict(t) for t in article.tables],
        "warnings": [{"line": w.line, "message": w.message} for w in article.warnings],
    }


# ----------------------------------------------------------------------------- decoding


def _line_count(data: bytes) -> int:
    """The number of the line at the end of ``data`` (1 for no line break)."""
    return len(_LINE_BREAK_BYTES.split(data)) // 2 + 1


def _decode(raw: bytes) -> tuple[str, list[ReadWarning]]:
    """Decode a file: UTF-8, else CP949 throughout, else line by line."""
    try:
        return raw.decode("utf-8-sig"), []
    except UnicodeDecodeError as exc:
        first_bad = _line_count(raw[: exc.start])
    try:
        text = raw.decode("cp949")
    except UnicodeDecodeError:
        pass
    else:
        return text, [
            ReadWarning(
                first_bad,
                "the file is not UTF-8 (first on this line); read as CP949 (EUC-KR)",
            )
        ]
    parts = _LINE_BREAK_BYTES.split(raw)
    out: list[str] = []
    legacy: list[int] = []
    replaced: list[int] = []
    for index, part in enumerate(parts):
        if index % 2:  # a line break
            out.append(part.decode("ascii"))
            continue
        number = index // 2 + 1
        try:
            out.append(part.decode("utf-8-sig" if index == 0 else "utf-8"))
            continue
        except UnicodeDecodeError:
            pass
        try:
            out.append(part.decode("cp949"))
            legacy.append(number)
        except UnicodeDecodeError:
            out.append(part.decode("utf-8", errors="replace"))
            replaced.append(number)
    warnings = []
    if legacy:
        warnings.append(
            ReadWarning(
                legacy[0],
                f"mixed encodings: this line is not UTF-8 and was read as CP949 (EUC-KR) "
                f"({len(legacy)} line(s) in all)",
            )
        )
    if replaced:
        warnings.append(
            ReadWarning(
                replaced[0],
                "mixed encodings: this line is neither UTF-8 nor CP949; its undecodable bytes "
                f"were replaced with U+FFFD ({len(replaced)} line(s) in all)",
            )
        )
    return "".join(out), warnings


# ----------------------------------------------------------------------------- small parsers


def _sorted_warnings(warnings: list[ReadWarning]) -> tuple[ReadWarning, ...]:
    return tuple(sorted(warnings, key=lambda w: -1 if w.line is None else w.line))


def _canonical(key: str) -> str:
    return " ".join(key.split()).casefold()


def _field(line: str) -> tuple[str, str] | None:
    """The key and value of a ``- Key: Value`` line (the key may not be empty), else None."""
    text = line.lstrip()
    if not text.startswith("-"):
        return None
    key, colon, value = text[1:].partition(":")
    key = key.strip()
    return (key, value.strip()) if colon and key else None


def _plain_field(line: str) -> bool:
    """An unindented ``- Key: Value`` line whose key looks like an infobox key."""
    found = _field(line) if line.startswith("-") else None
    return found is not None and len(found[0]) <= 60 and bool(_PLAIN_KEY.fullmatch(found[0]))


def _party_key(key: str) -> tuple[str, int] | None:
    """``"seats1"`` → ``("seats", 1)`` for a canonical key; else None."""
    if len(key) > 60:
        return None
    m = re.fullmatch(r"(.*?)\s*(\d{1,6})", key)
    return None if m is None else (m[1], int(m[2]))


def _heading(text: str) -> tuple[str, int, int]:
    """A stripped line starting with ``=``: its title, opening and closing ``=`` counts."""
    opening = len(text) - len(text.lstrip("="))
    rest = text[opening:]
    closing = len(rest) - len(rest.rstrip("="))
    return rest[: len(rest) - closing].strip(), opening, closing


def _is_number(text: str) -> bool:
    return bool(_NUMBER.fullmatch(text))


def _decimal(text: str) -> Fraction | None:
    """``"38.49"`` → 38.49 exactly; ``"7,923,718"`` → 7923718; else None."""
    if len(text) > _MAX_NUMBER:
        return None
    m = _DECIMAL.fullmatch(text)
    if m is None:
        return None
    if m["only"] is not None:
        return Fraction(int(m["only"]), 10 ** len(m["only"]))
    whole = int(m["int"].replace(",", ""))
    frac = m["frac"] or ""
    return whole + Fraction(int(frac or "0"), 10 ** len(frac))


def _integer(text: str) -> int | None:
    """``"150"``, ``"7,923,718"``, ``"219 seats"`` → the integer; else None."""
    if len(text) > _MAX_NUMBER:
        return None
    value = re.sub(r"\s*seats?\.?$", "", text.strip(), flags=re.IGNORECASE)
    return int(value.replace(",", "")) if _INTEGER.fullmatch(value) else None


def _date(text: str) -> date | None:
    """``"24 March 1992"``, ``"March 24, 1992"`` or ``"1992-03-24"``; else None."""
    value = text.strip()
    try:
        if m := re.fullmatch(r"(\d{1,2})\s+([A-Za-z]+)\.?,?\s+(\d{4})", value):
            month = _MONTHS.get(m[2].casefold())
            return None if month is None else date(int(m[3]), month, int(m[1]))
        if m := re.fullmatch(r"([A-Za-z]+)\.?\s+(\d{1,2}),?\s+(\d{4})", value):
            month = _MONTHS.get(m[1].casefold())
            return None if month is None else date(int(m[3]), month, int(m[2]))
        if m := re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", value):
            return date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None
    return None


def _signed(value: Fraction) -> str:
    """``+27``, ``-70``, ``-3.91``: a signed figure for a message."""
    text = _fraction_text(abs(value))
    return f"-{text}" if value < 0 else f"+{text}"


def _fraction_text(value: Fraction) -> str:
    """``38.49`` where a decimal is exact, else ``a/b``."""
    denominator = value.denominator
    twos = fives = 0
    while denominator % 2 == 0:
        denominator //= 2
        twos += 1
    while denominator % 5 == 0:
        denominator //= 5
        fives += 1
    if denominator != 1:
        return f"{value.numerator}/{value.denominator}"
    places = max(twos, fives)
    if places == 0:
        return str(value.numerator)
    scaled = abs(value.numerator) * 10**places // value.denominator
    digits = str(scaled).rjust(places + 1, "0")
    sign = "-" if value < 0 else ""
    return f"{sign}{digits[:-places]}.{digits[-places:]}"


@dataclass(frozen=True, slots=True)
class _RawChange:
    """A change as printed, before its sign is settled."""

    new: bool
    magnitude: Fraction | None
    sign: int | None


def _raw_change(text: str) -> _RawChange:
    value = text.strip()
    if value.casefold() in {"new", "new party"}:
        return _RawChange(new=True, magnitude=None, sign=None)
    m = _CHANGE.fullmatch(value)
    if m is None:
        return _RawChange(new=False, magnitude=None, sign=None)
    sign = _SIGNS[m["sign"]] if m["sign"] else None
    return _RawChange(new=False, magnitude=_decimal(m["number"]), sign=sign)


def _clean_cell(text: str) -> tuple[str, list[str]]:
    """A cell without markup, and the span attributes removed from it."""
    if "=" not in text and "'" not in text and "*" not in text:  # no markup (most cells)
        return " ".join(text.split()), []
    spans = [m.group(0) for m in _SPAN_MARKUP.finditer(text)]
    value = _SPAN_MARKUP.sub(" ", text)
    value = _OTHER_MARKUP.sub(" ", value)
    value = value.replace("'''", "").replace("''", "").replace("**", "")
    return " ".join(value.split()), spans


def _split_row(line: str) -> tuple[list[str], bool]:
    """The raw cells of a ``| a | b |`` line, and whether it ends with ``|``."""
    text = line.strip()
    closed = len(text) > 1 and text.endswith("|")
    body = text[1:-1] if closed else text[1:]
    return body.split("|"), closed


def _trimmed(cells: tuple[str, ...] | list[str]) -> list[str]:
    """The cells up to the last non-empty one."""
    out = list(cells)
    while out and not out[-1]:
        out.pop()
    return out


def _is_label_row(cells: tuple[str, ...]) -> bool:
    labels = _trimmed(cells)
    return bool(labels) and all(c and not _is_number(c) for c in labels)


def _group_score(label: str) -> int:
    text = label.casefold()
    if "total" in text:
        return 0
    if re.search(r"seat|vote|won|%|share", text):
        return 2
    return 1


def _split_runs(subs: list[str], groups: int) -> list[list[str]] | None:
    if groups == 1:
        return [subs]
    starts = [k for k, s in enumerate(subs) if s == subs[0]]
    if len(starts) == groups:
        return [subs[a:b] for a, b in zip(starts, [*starts[1:], len(subs)], strict=True)]
    if len(subs) % groups == 0:
        size = len(subs) // groups
        return [subs[k : k + size] for k in range(0, len(subs), size)]
    return None


def _name_columns(groups: list[tuple[str, list[str]]]) -> list[str]:
    """Column names from (label, sub-labels) groups; a group without sub-labels is one column.

    A sub-label stands alone where it is unique in the table; otherwise every
    sub-label of its group is prefixed with the group's label. An empty
    sub-label takes the group's label.
    """
    plain = [s or label for label, subs in groups for s in subs or [label]]
    counts = Counter(plain)
    columns: list[str] = []
    for label, subs in groups:
        if not subs:
            columns.append(label)
            continue
        prefix = bool(label) and any(s and counts[s] > 1 for s in subs)
        columns.extend((f"{label} {s}" if prefix else s) if s else label for s in subs)
    return columns


def _merge_headers(top: list[str], subs: list[str], width: int) -> list[str] | None:
    """Columns from a padded first header row and a second row of sub-labels (rules 2-4)."""
    spanning = width - len(subs)
    groups = len(top) - spanning
    if spanning < 0 or groups < 1 or groups > len(subs):
        return None
    ranked = sorted(range(len(top)), key=lambda k: (-_group_score(top[k]), k))
    chosen = set(ranked[:groups])
    runs = _split_runs(subs, groups)
    if runs is None:
        return None
    next_run = iter(runs)
    return _name_columns(
        [(label, next(next_run) if k in chosen else []) for k, label in enumerate(top)]
    )


def _spanned_headers(top: list[str], second: list[str] | None, width: int) -> list[str] | None:
    """Columns from a first header row whose empty cells continue the label to their left.

    ``second`` is the second header row's cells from the same column on
    (aligned), or its labels alone (packed: they fill the groups wider than
    one column, in order); None if there is no second row. None where the
    packed labels do not fill the groups.
    """
    cells = [*top[:width], *[""] * (width - len(top))]
    spans: list[list[str | int]] = []
    for cell in cells:
        if cell or not spans:
            spans.append([cell, 1])
        else:
            spans[-1][1] = int(spans[-1][1]) + 1
    sizes = [int(size) for _, size in spans]
    labels = [str(label) for label, _ in spans]
    if second is None:
        subs: list[list[str]] = [[""] * n if n > 1 else [] for n in sizes]
    elif len(second) >= width:  # aligned under the first row
        aligned = iter(second[:width])
        subs = [[next(aligned) for _ in range(n)] for n in sizes]
        subs = [[] if n == 1 and not run[0] else run for n, run in zip(sizes, subs, strict=True)]
    else:  # packed: only the sub-labels, left to right
        if len(second) != sum(n for n in sizes if n > 1):
            return None
        packed = iter(second)
        subs = [[next(packed) for _ in range(n)] if n > 1 else [] for n in sizes]
    return _name_columns(list(zip(labels, subs, strict=True)))


# ----------------------------------------------------------------------------- the reader


@dataclass
class _RawTable:
    """Table rows as read, before the header is resolved."""

    rows: list[tuple[int, tuple[str, ...]]]
    section: str
    caption: str | None
    end: int
    """The index of the line after its last row."""


@dataclass
class _Reader:
    """One pass over an article's lines; collects the parts and the warnings."""

    text: str
    source: str
    lines: list[str] = field(default_factory=list)
    warnings: list[ReadWarning] = field(default_factory=list)
    title: str = ""
    title_line: int | None = None
    year: int | None = None
    infobox_line: int | None = None
    infobox_fields: list[Field] = field(default_factory=list)
    headings: list[Heading] = field(default_factory=list)
    paragraphs: list[Paragraph] = field(default_factory=list)
    raw_tables: list[_RawTable] = field(default_factory=list)
    section: str = ""
    pending: list[tuple[int, str]] = field(default_factory=list)
    direction: tuple[int, int, str] | None = None
    """What the prose says turnout did (:func:`_prose_direction`), once read."""
    direction_read: bool = False

    def warn(self, line: int | None, message: str) -> None:
        self.warnings.append(ReadWarning(line, message))

    # -- the pass --------------------------------------------------------------------

    def read(self) -> Article:
        text = self.text.removeprefix("\ufeff")
        raw_lines = _LINE_BREAK.split(text)
        tabbed = [n for n, line in enumerate(raw_lines, 1) if "\t" in line]
        if tabbed:
            self.warn(
                tabbed[0], f"tab characters read as spaces ({len(tabbed)} line(s), first here)"
            )
        self.lines = [line.replace("\t", " ") for line in raw_lines] if tabbed else raw_lines
        if _LONG_NUMBER.search(text):
            self._warn_long_numbers()
        index = self._read_title()
        while index < len(self.lines):
            index = self._read_line(index)
        self._end_paragraph()
        if self.title_line is None:
            first = self._next_nonblank(0)
            self.warn(
                None if first is None else first + 1,
                "no title line ('= YEAR South Korean legislative election =')",
            )
        infobox = self._build_infobox()
        tables = tuple(self._build_table(raw) for raw in self.raw_tables)
        return Article(
            title=self.title,
            year=self.year,
            infobox=infobox,
            headings=tuple(self.headings),
            paragraphs=tuple(self.paragraphs),
            tables=tables,
            warnings=_sorted_warnings(self.warnings),
            source=self.source,
        )

    def _warn_long_numbers(self) -> None:
        for number, line in enumerate(self.lines, 1):
            m = _LONG_NUMBER.search(line)
            if m is not None:
                digits = len(m[0]) - m[0].count(",")
                self.warn(
                    number,
                    f"a number of {digits:,} digits is not read as a figure (a figure has at "
                    f"most {MAX_DIGITS})",
                )

    def _next_nonblank(self, index: int) -> int | None:
        while index < len(self.lines):
            if self.lines[index].strip():
                return index
            index += 1
        return None

    def _read_title(self) -> int:
        first = self._next_nonblank(0)
        if first is not None:
            text = self.lines[first].strip()
            if text.startswith("="):
                title, opening, _ = _heading(text)
                if opening == 1:
                    self._set_title(title, first + 1)
                    return first + 1
        return 0

    def _set_title(self, title: str, line: int) -> None:
        self.title = title
        self.title_line = line
        years = _YEAR.findall(title)
        if years:
            self.year = int(years[0])
        else:
            self.warn(line, f"the title {title!r} names no year")

    def _read_line(self, index: int) -> int:
        """Read the construct that starts at ``index``; the index after it."""
        line = self.lines[index]
        text = line.strip()
        number = index + 1
        if not text:
            self._end_paragraph()
            return index + 1
        if text.startswith("="):
            self._end_paragraph()
            self._read_heading(text, number)
            return index + 1
        if text.casefold() == "infobox":
            self._end_paragraph()
            return self._read_infobox(index + 1, marker=number)
        if text.startswith("|"):
            self._end_paragraph()
            return self._read_table(index, caption=None)
        if text.startswith("-"):
            if (
                self.infobox_line is None
                and not self.headings
                and not self.paragraphs
                and not self.pending
                and _plain_field(line)
            ):
                self.warn(number, "infobox fields without an 'Infobox' line before them")
                return self._read_infobox(index, marker=None)
            after = self._next_nonblank(index + 1)
            if after is not None and self.lines[after].strip().startswith("|"):
                self._end_paragraph()
                caption = _clean_cell(text.lstrip("-"))[0]
                return self._read_table(after, caption=caption)
            if self.infobox_line is not None and self._is_infobox_key(line):
                self.warn(
                    number, "a '- Key: Value' infobox line outside the infobox, read as prose"
                )
        self.pending.append((number, text))
        return index + 1

    @staticmethod
    def _is_infobox_key(line: str) -> bool:
        found = _field(line) if line.startswith("-") else None
        if found is None:
            return False
        key = _canonical(found[0])
        party = _party_key(key)
        return key in _ELECTION_FIELDS or (party is not None and party[0] in _PARTY_FIELDS)

    def _end_paragraph(self) -> None:
        if self.pending:
            text = " ".join(t for _, t in self.pending)
            self.paragraphs.append(Paragraph(text, self.pending[0][0], self.section))
            self.pending = []

    def _read_heading(self, text: str, number: int) -> None:
        title, level, closing = _heading(text)
        if level != closing:
            self.warn(number, f"heading {text!r} has unbalanced '=' marks; level {level} assumed")
        if not title:
            self.warn(number, f"heading {text!r} has no title")
        if level == 1:
            if self.title_line is None and not self.headings:
                self.warn(number, "the title line is not the article's first line")
                self._set_title(title, number)
                return
            self.warn(number, f"a second title line {text!r}, read as a level-1 heading")
        self.headings.append(Heading(title, level, number))
        self.section = title

    # -- infobox ---------------------------------------------------------------------

    def _read_infobox(self, index: int, *, marker: int | None) -> int:
        """Read an infobox block from ``index``; the index after it."""
        start = index
        if marker is not None:
            first = self._next_nonblank(index)
            if first is not None and _field(self.lines[first]):
                start = first
        end = start
        while end < len(self.lines):
            text = self.lines[end].strip()
            if not text or text.startswith(("=", "|")):
                break
            end += 1
        found = [k for k in range(start, end) if _field(self.lines[k])]
        line = marker if marker is not None else start + 1
        if self.infobox_line is not None:
            self.warn(
                line,
                f"a second infobox (the first is on line {self.infobox_line}); its fields are "
                "ignored",
            )
            return found[-1] + 1 if found else start
        self.infobox_line = line
        if not found:
            self.warn(line, "the infobox has no '- Key: Value' lines")
            return start
        for k in range(start, found[-1] + 1):
            read = _field(self.lines[k])
            if read is None:
                self.warn(
                    k + 1, f"not a '- Key: Value' line in the infobox, skipped: {_show(k, self)}"
                )
                continue
            self.infobox_fields.append(Field(read[0], read[1], k + 1))
        if found[-1] + 1 < end:
            self.warn(
                found[-1] + 2,
                "the infobox ends without a blank line; what follows is read as prose",
            )
        return found[-1] + 1

    def _build_infobox(self) -> Infobox | None:
        if self.infobox_line is None:
            self.warn(None, "no infobox ('Infobox' followed by '- Key: Value' lines)")
            return None
        first: dict[str, Field] = {}
        party_fields: dict[int, dict[str, Field]] = {}
        for item in self.infobox_fields:
            key = _canonical(item.key)
            if key in first:
                self.warn(
                    item.line,
                    f"duplicate infobox key {item.key!r} (first on line {first[key].line}); "
                    "the first is used",
                )
                continue
            first[key] = item
            party = _party_key(key)
            if party is not None and party[0] in _PARTY_FIELDS:
                party_fields.setdefault(party[1], {})[_PARTY_FIELDS[party[0]]] = item

        def typed_int(key: str, *, anywhere: bool = False) -> int | None:
            f = first.get(key)
            if f is None:
                return None
            if anywhere:
                m = _INTEGER.search(f.value)
                value = None if m is None else _integer(m.group(0))
            else:
                value = _integer(f.value)
            if value is None:
                self.warn(f.line, f"{f.key} {f.value!r} is not a number")
            return value

        def text(key: str) -> str | None:
            f = first.get(key)
            return None if f is None else f.value

        election_date = None
        if (f := first.get("election date")) is not None:
            election_date = _date(f.value)
            if election_date is None:
                self.warn(f.line, f"Election Date {f.value!r} is not a date like '24 March 1992'")
        paragraphs = self.paragraphs
        turnout: tuple[Turnout, ...] = ()
        if (f := first.get("turnout")) is not None:
            turnout = self._turnout(f, paragraphs)
        parties = tuple(
            self._party(number, fields) for number, fields in sorted(party_fields.items())
        )
        return Infobox(
            fields=tuple(self.infobox_fields),
            line=self.infobox_line,
            election_date=election_date,
            previous_election=text("previous election"),
            previous_year=typed_int("previous year"),
            next_election=text("next election"),
            next_year=typed_int("next year"),
            total_seats=typed_int("seats for election", anywhere=True),
            majority_seats=typed_int("majority seats"),
            turnout=turnout,
            parties=parties,
        )

    def _turnout(self, f: Field, paragraphs: list[Paragraph]) -> tuple[Turnout, ...]:
        out: list[Turnout] = []
        unread: list[str] = []
        position = 0
        for m in _TURNOUT_PART.finditer(f.value):
            if f.value[position : m.start()].strip(" ,;"):
                unread.append(f.value[position : m.start()])
            position = m.end()
            pct = _decimal(m["pct"])
            label = ""
            change = None
            if m["inner"] is not None:
                parts = [p.strip() for p in m["inner"].split(";")]
                raw = _raw_change(parts[0])
                if raw.new or raw.magnitude is not None:
                    change = self._turnout_change(parts[0], raw, f.line, pct, paragraphs)
                    parts = parts[1:]
                label = "; ".join(p for p in parts if p)
            if pct is None:
                self.warn(f.line, f"Turnout {_short(m['pct'])}% is not a number")
            elif pct > 100:
                self.warn(f.line, f"Turnout {m['pct']}% is over 100%")
            out.append(Turnout(label, pct, change, f.line))
        if f.value[position:].strip(" ,;"):
            unread.append(f.value[position:])
        if not out:
            self.warn(f.line, f"Turnout {f.value!r} is not a percentage like '71.86% (3.91pp)'")
        elif unread:
            shown = ", ".join(map(repr, unread[:3])) + (", ..." if len(unread) > 3 else "")
            self.warn(f.line, f"unread text in Turnout: {shown}")
        return tuple(out)

    def _turnout_change(
        self,
        raw_text: str,
        raw: _RawChange,
        line: int,
        pct: Fraction | None,
        paragraphs: list[Paragraph],
    ) -> Change:
        if raw.new or raw.magnitude is None:
            return Change(raw_text, line, None, "pp", new=raw.new)
        magnitude = raw.magnitude
        if raw.sign is not None or magnitude == 0:
            return Change(raw_text, line, (raw.sign or 1) * magnitude, "pp")
        what = f"Turnout change {raw_text!r} printed without a sign"
        forced = _forced_sign(pct, magnitude)
        if forced is not None:
            sign, why = forced
            value = sign * magnitude
            self.warn(line, f"{what}; read as {_signed(value)} because {why}")
            return Change(raw_text, line, value, "pp", sign_implied=True)
        if not self.direction_read:  # the same for every turnout: read once
            self.direction = _prose_direction(paragraphs)
            self.direction_read = True
        told = self.direction
        if told is not None:
            sign, paragraph_line, verb = told
            value = sign * magnitude
            self.warn(
                line,
                f"{what}; read as {_signed(value)} because the prose on line "
                f"{paragraph_line} says turnout {verb}",
            )
            return Change(raw_text, line, value, "pp", sign_implied=True)
        why = (
            "no turnout to compare with"
            if pct is None
            else (f"the previous turnout could be {_either(pct, magnitude)}")
        )
        self.warn(line, f"{what}; sign unknown ({why}, and the prose does not say)")
        return Change(raw_text, line, magnitude, "pp", sign_unknown=True)

    def _party(self, number: int, fields: dict[str, Field]) -> InfoboxParty:
        lines = {name: f.line for name, f in fields.items()}
        name_field = fields.get("Party")
        first_line = min(lines.values())
        if name_field is None:
            self.warn(first_line, f"infobox fields numbered {number} but no Party{number}")
        elif not name_field.value:
            self.warn(name_field.line, f"{name_field.key} is empty")
        name = name_field.value if name_field is not None else ""
        line = name_field.line if name_field is not None else first_line

        def integer(name: str) -> int | None:
            f = fields.get(name)
            if f is None:
                return None
            value = _integer(f.value)
            if value is None:
                self.warn(f.line, f"{f.key} {f.value!r} is not a number")
            return value

        last_election = None
        last_raw = None
        did_not_exist = False
        if (f := fields.get("Last Election")) is not None:
            last_raw = f.value
            if f.value.strip().casefold() in _DID_NOT_EXIST:
                did_not_exist = True
            else:
                last_election = _integer(f.value)
                if last_election is None:
                    self.warn(
                        f.line,
                        f"{f.key} {f.value!r} is neither a number of seats nor 'Did not exist'",
                    )
        seats = integer("Seats")
        popular_vote = integer("Popular Vote")
        percentage = None
        if (f := fields.get("Percentage")) is not None:
            percentage = _decimal(f.value.strip().removesuffix("%").strip())
            if percentage is None:
                self.warn(f.line, f"{f.key} {f.value!r} is not a percentage")
            elif percentage > 100:
                self.warn(f.line, f"{f.key} {f.value!r} is over 100%")
        seat_change = None
        if (f := fields.get("Seat Change")) is not None:
            seat_change = self._seat_change(f, fields, seats, last_election, did_not_exist)
        swing = None
        if (f := fields.get("Swing")) is not None:
            swing = self._swing(f, percentage, did_not_exist)
        leader = fields.get("Leader")
        return InfoboxParty(
            number=number,
            name=name,
            line=line,
            leader=None if leader is None else leader.value,
            last_election=last_election,
            last_election_raw=last_raw,
            seats=seats,
            seat_change=seat_change,
            popular_vote=popular_vote,
            percentage=percentage,
            swing=swing,
            lines=lines,
        )

    def _seat_change(
        self,
        f: Field,
        fields: dict[str, Field],
        seats: int | None,
        last: int | None,
        did_not_exist: bool,
    ) -> Change:
        raw = _raw_change(f.value)
        if raw.new:
            return Change(f.value, f.line, None, "seats", new=True)
        if raw.magnitude is None:
            self.warn(f.line, f"{f.key} {f.value!r} is not a change like '70', '-12' or 'New'")
            return Change(f.value, f.line, None, "seats")
        magnitude = raw.magnitude
        if raw.sign is not None or magnitude == 0:
            return Change(f.value, f.line, (raw.sign or 1) * magnitude, "seats")
        what = f"{f.key} {f.value!r} printed without a sign"
        basis = 0 if did_not_exist else last
        number = re.sub(r"^\D*", "", f.key)
        seats_key = fields["Seats"].key if "Seats" in fields else f"Seats{number}"
        last_key = (
            fields["Last Election"].key if "Last Election" in fields else f"Last Election{number}"
        )
        if seats is not None and basis is not None and seats != basis:
            sign = 1 if seats > basis else -1
            value = sign * magnitude
            shown = "0, as the party did not exist" if did_not_exist else str(basis)
            message = (
                f"{what}; read as {_signed(value)} because {seats_key} ({seats}) is "
                f"{'above' if sign > 0 else 'below'} {last_key} ({shown})"
            )
            if abs(seats - basis) != magnitude:
                message += f"; they differ by {abs(seats - basis)}, not {_fraction_text(magnitude)}"
            self.warn(f.line, message)
            return Change(f.value, f.line, value, "seats", sign_implied=True)
        if seats is not None and basis is not None:
            why = f"{seats_key} equals {last_key} ({seats})"
        else:
            why = f"{seats_key} or {last_key} is missing or unreadable"
        self.warn(f.line, f"{what}; sign unknown ({why})")
        return Change(f.value, f.line, magnitude, "seats", sign_unknown=True)

    def _swing(self, f: Field, percentage: Fraction | None, did_not_exist: bool) -> Change:
        raw = _raw_change(f.value)
        if raw.new:
            return Change(f.value, f.line, None, "pp", new=True)
        if raw.magnitude is None:
            self.warn(f.line, f"{f.key} {f.value!r} is not a change like '3.97pp', '-2pp' or 'New'")
            return Change(f.value, f.line, None, "pp")
        magnitude = raw.magnitude
        if raw.sign is not None or magnitude == 0:
            return Change(f.value, f.line, (raw.sign or 1) * magnitude, "pp")
        what = f"{f.key} {f.value!r} printed without a sign"
        forced = _forced_sign(percentage, magnitude)
        if forced is None and did_not_exist:
            forced = (1, "the party did not exist at the last election")
        if forced is not None:
            sign, why = forced
            value = sign * magnitude
            self.warn(f.line, f"{what}; read as {_signed(value)} because {why}")
            return Change(f.value, f.line, value, "pp", sign_implied=True)
        if percentage is None:
            why = "no percentage to compare with"
        else:
            why = f"the previous share could be {_either(percentage, magnitude)}"
        self.warn(f.line, f"{what}; sign unknown ({why})")
        return Change(f.value, f.line, magnitude, "pp", sign_unknown=True)

    # -- tables ----------------------------------------------------------------------

    def _read_table(self, index: int, *, caption: str | None) -> int:
        """Read the table rows from ``index``; the index after them."""
        rows: list[tuple[int, tuple[str, ...]]] = []
        while index < len(self.lines) and self.lines[index].strip().startswith("|"):
            number = index + 1
            raw_cells, closed = _split_row(self.lines[index])
            if not closed:
                self.warn(number, "table row does not end with '|' (cut short?)")
            cells = []
            spans = []
            for raw in raw_cells:
                cell, removed = _clean_cell(raw)
                cells.append(cell)
                spans.extend(removed)
            if spans:
                self.warn(
                    number,
                    f"markup {', '.join(spans)} removed from the row; the value it spanned "
                    "is not repeated",
                )
            rows.append((number, tuple(cells)))
            index += 1
        previous = self.raw_tables[-1] if self.raw_tables else None
        if (
            caption is None
            and previous is not None
            and previous.section == self.section
            and previous.end < rows[0][0] - 1
            and all(not self.lines[k].strip() for k in range(previous.end, rows[0][0] - 1))
            and any(_is_number(c) for c in rows[0][1][1:])
        ):
            self.warn(
                previous.end + 1,
                "blank line(s) inside a table; the rows after them are read as part of the "
                f"table on line {previous.rows[0][0]}",
            )
            previous.rows.extend(rows)
            previous.end = index
        else:
            self.raw_tables.append(_RawTable(rows, self.section, caption, index))
        return index

    def _build_table(self, raw: _RawTable) -> Table:
        header_line, top = raw.rows[0]
        rest = raw.rows[1:]
        top_labels = _trimmed(top)
        spanned = "" in top_labels[1:]
        second = None
        if rest and (spanned or len(top_labels) < len(top)):
            candidate = rest[0][1]
            aligned = (
                spanned
                and candidate[0] == ""
                and any(candidate)
                and not any(_is_number(c) for c in candidate)
            )
            if aligned or _is_label_row(candidate):
                second = rest[0]
                rest = rest[1:]
        if any(_is_number(c) for c in top[1:]):
            self.warn(header_line, "the table's first row has numbers; read as its header anyway")
        if rest:
            counts = Counter(len(cells) for _, cells in rest)
            width = max(counts, key=lambda n: (counts[n], n))
        else:
            width = max(len(top), 1)
            self.warn(header_line, "the table has no body rows")
        swatch = width >= 2 and bool(rest) and all(cells[0] == "" for _, cells in rest)
        skip = 1 if swatch else 0
        data_width = width - 1 - skip
        if len(top) != width:
            self.warn(header_line, f"the header row has {len(top)} cells, the body rows {width}")
        labels = top_labels[1:]
        columns = None
        if spanned:
            # the label column's header also covers a swatch column where one is printed empty
            offset = 2 if swatch and len(top) > 1 and top[1] == "" else 1
            sub_cells = None
            if second is not None:
                below = list(second[1])
                sub_cells = below[offset:] if below[0] == "" else _trimmed(below)
            columns = _spanned_headers(list(top[offset:]), sub_cells, data_width)
        elif second is not None:
            columns = _merge_headers(labels, _trimmed(second[1]), data_width)
        if columns is None:
            if second is not None:
                self.warn(
                    second[0],
                    f"the two header rows do not fit {data_width} columns; the columns are "
                    "named by the first",
                )
            if len(labels) != data_width:
                self.warn(
                    header_line,
                    f"the header names {len(labels)} columns, the rows have {data_width}",
                )
            columns = [*labels[:data_width], *[""] * (data_width - len(labels))]
        duplicates = sorted(c for c, n in Counter(columns).items() if n > 1 and c)
        if duplicates:
            self.warn(
                header_line,
                f"duplicate column name(s) {', '.join(map(repr, duplicates))}; "
                "cell() finds the first",
            )
        rows = []
        for number, printed in rest:
            cells = printed
            label = cells[skip] if len(cells) > skip else ""
            shown = label or (cells[1] if len(cells) > 1 else "")
            if len(cells) < width:
                self.warn(
                    number,
                    f"row {shown!r} has {len(cells)} cells, the table {width}; "
                    "padded with empty cells",
                )
                cells = (*cells, *[""] * (width - len(cells)))
            elif len(cells) > width:
                extra = ", ".join(map(repr, cells[width:]))
                self.warn(
                    number,
                    f"row {shown!r} has {len(cells)} cells, the table {width}; "
                    f"the extra cells are dropped: {extra}",
                )
                cells = cells[:width]
            rows.append(TableRow(cells[skip], tuple(cells[1 + skip :]), number))
        self._check_numeric_columns(columns, rows)
        header_rows = (top,) if second is None else (top, second[1])
        return Table(
            line=header_line,
            section=raw.section,
            caption=raw.caption,
            header_rows=header_rows,
            columns=tuple(columns),
            rows=tuple(rows),
        )

    def _check_numeric_columns(self, columns: list[str], rows: list[TableRow]) -> None:
        if len(rows) < 2:
            return  # a column of numbers has two at least
        for k, column in enumerate(columns):
            values = [(r, r.cells[k]) for r in rows if r.cells[k]]
            numbers = sum(_is_number(v) for _, v in values)
            if numbers < 2 or numbers * 2 < len(values):
                continue
            for row, value in values:
                if not _is_number(value):
                    self.warn(
                        row.line,
                        f"cell {value!r} (row {row.label!r}, column {column!r}) is not a "
                        "number, unlike the rest of its column",
                    )


def _short(text: str) -> str:
    """Text for a message, cut to 40 characters."""
    return text if len(text) <= 40 else text[:37] + "..."


def _show(index: int, reader: _Reader) -> str:
    text = reader.lines[index].strip()
    return repr(text if len(text) <= 60 else text[:57] + "...")


def _either(share: Fraction, magnitude: Fraction) -> str:
    """``"3.6% or 73.38%"``: the previous share after a rise or after a fall."""
    return f"{_fraction_text(share - magnitude)}% or {_fraction_text(share + magnitude)}%"


def _forced_sign(share: Fraction | None, magnitude: Fraction) -> tuple[int, str] | None:
    """The sign a change of a share must have for the previous share to lie in 0–100%."""
    if share is None:
        return None
    if magnitude > share:
        return (
            -1,
            f"a rise would put the previous share at {_fraction_text(share - magnitude)}%",
        )
    if share + magnitude > 100:
        return (1, f"a fall would put the previous share at {_fraction_text(share + magnitude)}%")
    return None


def _prose_direction(paragraphs: list[Paragraph]) -> tuple[int, int, str] | None:
    """Whether a sentence about turnout says it rose (+1) or fell (-1): sign, line, verb."""
    for paragraph in paragraphs:
        for sentence in re.split(r"(?<=[.!?])\s+", paragraph.text):
            if "turnout" not in sentence.casefold():
                continue
            fall = _FALL.search(sentence)
            rise = _RISE.search(sentence)
            if fall is not None and rise is None:
                return -1, paragraph.line, fall.group(0).casefold()
            if rise is not None and fall is None:
                return 1, paragraph.line, rise.group(0).casefold()
    return None


# ----------------------------------------------------------------------------- to dict


def _value(value: Json, line: int | None) -> Json:
    return {"value": value, "line": line}


def _field_line(box: Infobox, key: str) -> int | None:
    return next((f.line for f in box.fields if _canonical(f.key) == key), None)


def _change_dict(change: Change | None) -> Json:
    if change is None:
        return None
    return {
        "raw": change.raw,
        "value": None if change.value is None else _fraction_text(change.value),
        "unit": change.unit,
        "new": change.new,
        "sign_implied": change.sign_implied,
        "sign_unknown": change.sign_unknown,
        "line": change.line,
    }


def _infobox_dict(box: Infobox) -> dict[str, Json]:
    def typed(key: str, value: Json) -> Json:
        return None if value is None else _value(value, _field_line(box, key))

    parties: list[Json] = [
        {
            "number": p.number,
            "name": _value(p.name, p.line),
            "leader": None if p.leader is None else _value(p.leader, p.lines.get("Leader")),
            "last_election": None
            if p.last_election_raw is None
            else {
                "value": p.last_election,
                "raw": p.last_election_raw,
                "line": p.lines.get("Last Election"),
            },
            "seats": None if p.seats is None else _value(p.seats, p.lines.get("Seats")),
            "seat_change": _change_dict(p.seat_change),
            "popular_vote": None
            if p.popular_vote is None
            else _value(p.popular_vote, p.lines.get("Popular Vote")),
            "percentage": None
            if p.percentage is None
            else _value(_fraction_text(p.percentage), p.lines.get("Percentage")),
            "swing": _change_dict(p.swing),
            "lines": dict(p.lines.items()),
        }
        for p in box.parties
    ]
    turnout: list[Json] = [
        {
            "label": t.label,
            "pct": None if t.pct is None else _fraction_text(t.pct),
            "change": _change_dict(t.change),
            "line": t.line,
        }
        for t in box.turnout
    ]
    return {
        "line": box.line,
        "fields": [{"key": f.key, "value": f.value, "line": f.line} for f in box.fields],
        "election_date": typed(
            "election date", None if box.election_date is None else box.election_date.isoformat()
        ),
        "previous_election": typed("previous election", box.previous_election),
        "previous_year": typed("previous year", box.previous_year),
        "next_election": typed("next election", box.next_election),
        "next_year": typed("next year", box.next_year),
        "total_seats": typed("seats for election", box.total_seats),
        "majority_seats": typed("majority seats", box.majority_seats),
        "turnout": turnout,
        "parties": parties,
    }


def _table_dict(table: Table) -> dict[str, Json]:
    return {
        "line": table.line,
        "section": table.section,
        "caption": table.caption,
        "header_rows": [list(row) for row in table.header_rows],
        "columns": list(table.columns),
        "rows": [{"label": r.label, "cells": list(r.cells), "line": r.line} for r in table.rows],
    }
