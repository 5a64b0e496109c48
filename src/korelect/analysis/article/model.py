"""The typed structure of an election article (the seed articles' plain-text format).

The format (see ``../shared/seeds`` and the README's "Election articles"):

- a title line ``= 2004 South Korean legislative election =``;
- ``Infobox`` followed by ``- Key: Value`` lines; party fields are numbered
  (``Party1``, ``Seats1``, ``Popular Vote1`` ...);
- prose paragraphs, under headings ``== Electoral system ==``,
  ``==Political parties==``, ``===By city/province===`` (level = number of ``=``);
- pipe tables: ``| a | b |`` rows, where the first rows may be merged header
  rows (empty cells continue the cell to their left), an optional caption line
  ``  - Caption`` (or ``  - **Caption**``) just before, and stray wiki markup
  such as ``rowspan="2"`` in cells.

Every value keeps the line it came from, so checks can cite it. Reading never
raises on a malformed article: problems become :class:`ReadWarning` entries.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from fractions import Fraction
from functools import cached_property

MAX_DIGITS = 40
"""The most digits a figure has. A longer run of digits is text, not a number: the
reader warns about it and the checker does not compare it (Python will not even
print an integer of over 4,300 digits)."""


@dataclass(frozen=True, slots=True)
class ReadWarning:
    """Something the reader could not take at face value."""

    line: int | None
    message: str


@dataclass(frozen=True, slots=True)
class Field:
    """One ``- Key: Value`` line of the infobox, as printed."""

    key: str
    value: str
    line: int


@dataclass(frozen=True, slots=True)
class Change:
    """A change as printed (``70``, ``3.91pp``, ``New``) with its sign.

    ``value`` is signed. Articles often print changes without a sign; the
    reader then infers it from the other fields (e.g. Seats vs Last Election,
    this turnout vs the previous one) and sets ``sign_implied``; where nothing
    tells, the value stays unsigned-positive and ``sign_unknown`` is set.
    """

    raw: str
    line: int
    value: Fraction | None
    """Signed; None for ``New`` or an unreadable value."""
    unit: str
    """``"pp"`` (percentage points), ``"seats"``, or ``""``."""
    new: bool = False
    """Printed ``New`` (the party did not exist)."""
    sign_implied: bool = False
    sign_unknown: bool = False


@dataclass(frozen=True, slots=True)
class Turnout:
    """The infobox turnout: one per ballot (2004 on: constituency and list)."""

    label: str
    """``""`` for a single ballot; else e.g. ``"Const. votes"``, ``"PR votes"``."""
    pct: Fraction | None
    change: Change | None
    line: int


@dataclass(frozen=True)
class InfoboxParty:
    """One party of the infobox (the N of ``PartyN``)."""

    number: int
    name: str
    line: int
    leader: str | None = None
    last_election: int | None = None
    """Seats at the last election; None when printed "Did not exist" or absent."""
    last_election_raw: str | None = None
    seats: int | None = None
    seat_change: Change | None = None
    popular_vote: int | None = None
    percentage: Fraction | None = None
    """As printed, in percent (``38.49``)."""
    swing: Change | None = None
    lines: dict[str, int] = field(default_factory=dict)
    """The line of each field read, by field name (``"Seats"``, ``"Popular Vote"`` ...)."""


@dataclass(frozen=True)
class Infobox:
    """The infobox: every field as printed, and the typed values korelect uses."""

    fields: tuple[Field, ...]
    line: int
    election_date: date | None = None
    previous_election: str | None = None
    previous_year: int | None = None
    next_election: str | None = None
    next_year: int | None = None
    total_seats: int | None = None
    """From ``Seats For Election`` ("All 299 seats ...")."""
    majority_seats: int | None = None
    turnout: tuple[Turnout, ...] = ()
    parties: tuple[InfoboxParty, ...] = ()

    def get(self, key: str) -> Field | None:
        """The first field with this key, if any (the fields are indexed on first use)."""
        return self._first.get(key)

    @cached_property
    def _first(self) -> dict[str, Field]:
        first: dict[str, Field] = {}
        for f in self.fields:
            first.setdefault(f.key, f)
        return first


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A paragraph of prose and the heading it sits under."""

    text: str
    line: int
    section: str
    """The nearest heading above (``""`` before the first heading)."""


@dataclass(frozen=True, slots=True)
class Heading:
    """A ``== Heading ==`` line; ``level`` is the number of ``=``."""

    title: str
    level: int
    line: int


@dataclass(frozen=True, slots=True)
class TableRow:
    """A body row: its label (first cell) and the other cells, cleaned of markup."""

    label: str
    cells: tuple[str, ...]
    line: int


@dataclass(frozen=True)
class Table:
    """A pipe table with its header rows resolved into column labels."""

    line: int
    """The line of its first row."""
    section: str
    caption: str | None
    header_rows: tuple[tuple[str, ...], ...]
    """Header rows as printed (cleaned), before merging."""
    columns: tuple[str, ...]
    """One label per column after the first, merged across header rows,
    e.g. ``("Uri Seats", "Uri %", ..., "Total seats")`` or ``("Total seats", "DLP", ...)``."""
    rows: tuple[TableRow, ...]

    def row(self, label: str) -> TableRow | None:
        """The first body row with this label."""
        return next((r for r in self.rows if r.label == label), None)

    def cell(self, label: str, column: str) -> str | None:
        """The cell of a row and a column, as printed."""
        row = self.row(label)
        if row is None or column not in self.columns:
            return None
        index = self.columns.index(column)
        return row.cells[index] if index < len(row.cells) else None


@dataclass(frozen=True)
class Article:
    """A whole article."""

    title: str
    year: int | None
    """From the title; None if the title names no year."""
    infobox: Infobox | None
    headings: tuple[Heading, ...]
    paragraphs: tuple[Paragraph, ...]
    tables: tuple[Table, ...]
    warnings: tuple[ReadWarning, ...] = ()
    source: str = "<text>"
    """The file it was read from."""

    def table(self, *, section: str | None = None, caption: str | None = None) -> Table | None:
        """The first table matching a heading and/or a caption (substrings, any case)."""
        for t in self.tables:
            if section is not None and section.lower() not in t.section.lower():
                continue
            if caption is not None and caption.lower() not in (t.caption or "").lower():
                continue
            return t
        return None
