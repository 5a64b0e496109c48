"""The shipped tables, read with the standard library and kept once read.

The tables are built by ``scripts/build_data.py`` from ``../shared/data`` and
documented in ``docs/DATA.md``. This module reads only what an election needs
(rows of other years are skipped before they are parsed), so that
``korelect results YEAR`` stays fast from a cold start. ``korelect.connect()``
gives the same tables in DuckDB for analysis.

A missing or malformed file raises :class:`~korelect.errors.FileFormatError`
naming the file, the row and the field.
"""

from __future__ import annotations

import csv
import gzip
import io
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from korelect.errors import FileFormatError


@dataclass(frozen=True, slots=True)
class Province:
    """A province-level unit (시도)."""

    code: str
    name_ko: str
    short_ko: str
    name_en: str
    aliases: tuple[str, ...]
    since: int
    order: int


@dataclass(frozen=True, slots=True)
class District:
    """One district, with its turnout figures where counts exist.

    ``magnitude`` is the number of members it elects: 1 in single-member districts
    (1948–1971, since 1988); 2 in the 1973–1985 two-member districts. The shipped table
    has it as a column; a districts file without the column elects one member each.
    """

    year: int
    district_id: str
    province: str
    name_ko: str
    electorate: int | None
    ballots_cast: int | None
    valid_votes: int | None
    invalid_votes: int | None
    abstentions: int | None
    uncontested: bool
    source: str
    magnitude: int = 1


@dataclass(frozen=True, slots=True)
class Candidate:
    """One candidate's count in a district (``votes`` is None where nobody voted).

    ``birth_date`` decides a tie (the eldest is elected, art. 188(1)); the shipped
    candidates table has none, so :func:`korelect.record.counts.counts_of` fills it from
    the declared winners.
    """

    year: int
    district_id: str
    ballot_order: int
    name_ko: str
    party_ko: str
    votes: int | None
    birth_date: date | None = None


@dataclass(frozen=True, slots=True)
class Winner:
    """A winner as declared by a source (not computed)."""

    year: int
    district_id: str
    province: str
    district_ko: str
    name_ko: str
    name_hanja: str
    party_ko: str
    birth_date: date | None
    votes: int | None
    source: str
    vote_pct: Decimal | None = None
    """The vote share the source prints for its winner (krvote: 득표율), as printed."""


@dataclass(frozen=True, slots=True)
class ListVote:
    """A party's list votes in a province (``level == "province"``) or a sigungu."""

    year: int
    province: str
    level: str
    area: str
    party_ko: str
    votes: int


@dataclass(frozen=True, slots=True)
class ListTurnout:
    """Turnout of the list ballot in a province or sigungu."""

    year: int
    province: str
    level: str
    area: str
    electorate: int
    ballots_cast: int
    valid_votes: int
    invalid_votes: int
    abstentions: int


@dataclass(frozen=True, slots=True)
class ListShare:
    """A published national list-vote share, in percent (2020, 2024)."""

    year: int
    party_ko: str
    party_en: str
    pct: str
    source: str


@dataclass(frozen=True, slots=True)
class Election:
    """One election with data: its year, the Assembly it elected and its polling day (ISO)."""

    year: int
    assembly: int
    date: str


@dataclass(frozen=True, slots=True)
class NationalSeats:
    """A party's declared seats in the national tier (1963–1985).

    The 전국구 seats of 1963–1971 and 1981–1985, or the members of 유신정우회 in 1973 and
    1978 (a tier filled by appointment, not by a vote).
    """

    year: int
    party_ko: str
    seats: int
    source: str


@dataclass(frozen=True, slots=True)
class OfficialSeats:
    """A row of the official national seat table."""

    year: int
    party_ko: str
    party_en: str
    district_seats: int
    list_seats: int
    total_seats: int
    list_vote_pct: str
    constituency_vote_pct: str
    source: str


@dataclass(frozen=True, slots=True)
class CrawlDistrict:
    """A district as the second crawl of the NEC count gives it (``crawl_districts.csv``).

    nec-history for 1948–1985, polis-korea for 1988–2020: the crawl that is not the
    shipped count's source. ``district_id`` is the shipped district it matches ("" where
    none does); ``name_ko`` is the crawl's own spelling. Figures the crawl does not have
    are None.
    """

    year: int
    district_id: str
    province: str
    name_ko: str
    electorate: int | None
    ballots_cast: int | None
    valid_votes: int | None
    invalid_votes: int | None
    source: str


@dataclass(frozen=True, slots=True)
class CrawlCandidate:
    """A candidate of a second-crawl district (``crawl_candidates.csv.gz``).

    ``(province, district_ko)`` is the crawl's district (``CrawlDistrict.name_ko``);
    ``votes`` is None where the crawl has no count for the district.
    """

    year: int
    district_id: str
    province: str
    district_ko: str
    ballot_order: int
    name_ko: str
    party_ko: str
    votes: int | None
    source: str


MAX_DIGITS = 30
"""Digits in a count read from a CSV file: far above any electorate, and far below what
Python will convert or print (4,300 digits)."""
_INTEGER = re.compile(r"[+-]?[0-9]+")
_DECIMAL = re.compile(r"[+-]?[0-9]+(?:\.[0-9]+)?")
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def _shown(value: str, width: int = 40) -> str:
    """A cell quoted for a message, shortened past ``width`` characters."""
    return (
        repr(value) if len(value) <= width else f"{value[:width]!r}... ({len(value):,} characters)"
    )


class CsvRow:
    """Typed access to one CSV row, with errors that name the file, the line and the field."""

    def __init__(self, path: str, line: int, row: dict[str, str]) -> None:
        self.path = path
        self.line = line
        self.row = row

    def text(self, field: str) -> str:
        """The cell as written (a missing column is an error)."""
        try:
            return self.row[field]
        except KeyError:
            raise FileFormatError(
                "missing column", path=self.path, line=self.line, field=field
            ) from None

    def integer(self, field: str) -> int:
        """The cell as an integer: ASCII digits, an optional sign, at most :data:`MAX_DIGITS`."""
        value = self.text(field).strip()
        if not _INTEGER.fullmatch(value):
            raise FileFormatError(
                f"expected an integer (got {_shown(value)})",
                path=self.path,
                line=self.line,
                field=field,
            )
        if len(value.lstrip("+-")) > MAX_DIGITS:
            raise FileFormatError(
                f"expected an integer of at most {MAX_DIGITS} digits "
                f"(got {len(value.lstrip('+-')):,})",
                path=self.path,
                line=self.line,
                field=field,
            )
        return int(value)

    def has(self, field: str) -> bool:
        """Whether the file has this column."""
        return field in self.row

    def maybe_integer(self, field: str) -> int | None:
        """The cell as an integer, or None where it is empty."""
        return None if not self.text(field).strip() else self.integer(field)

    def maybe_decimal(self, field: str) -> Decimal | None:
        """The cell as a plain decimal number (``52.6``, no exponent), or None where it is empty."""
        value = self.text(field).strip()
        if not value:
            return None
        if not _DECIMAL.fullmatch(value) or len(value) > 2 * MAX_DIGITS:
            raise FileFormatError(
                f"expected a decimal number such as 52.6 (got {_shown(value)})",
                path=self.path,
                line=self.line,
                field=field,
            )
        return Decimal(value)

    def maybe_date(self, field: str) -> date | None:
        """The cell as a date (YYYY-MM-DD), or None where it is empty."""
        value = self.text(field).strip()
        if not value:
            return None
        try:
            if not _DATE.fullmatch(value):
                raise ValueError(value)
            return date.fromisoformat(value)
        except ValueError:
            raise FileFormatError(
                f"expected a date YYYY-MM-DD (got {_shown(value)})",
                path=self.path,
                line=self.line,
                field=field,
            ) from None

    def flag(self, field: str) -> bool:
        """The cell as true or false."""
        value = self.text(field).strip().lower()
        if value not in ("true", "false"):
            raise FileFormatError(
                f"expected true or false (got {value!r})",
                path=self.path,
                line=self.line,
                field=field,
            )
        return value == "true"


def csv_records(
    label: str,
    lines: Iterable[str],
    fields: Sequence[str],
    *,
    prefix: str | None = None,
    strip: bool = False,
) -> Iterator[CsvRow]:
    """The rows after a CSV header (numbered from line 2), each checked for its field count.

    Blank lines are skipped, and so are lines not starting with ``prefix`` when it is given
    (a year's rows, found before they are parsed). ``strip`` trims every cell.
    """
    for number, line in enumerate(lines, start=2):
        if prefix is not None and not line.startswith(prefix):
            continue
        if not line.strip():
            continue
        try:
            cells = next(csv.reader([line], strict=True))
        except csv.Error as exc:
            if "unexpected end of data" in str(exc):
                raise FileFormatError(
                    "a quoted cell is not closed on its line: a row is one line, with no line "
                    "break inside a cell",
                    path=label,
                    line=number,
                ) from None
            raise FileFormatError(f"malformed CSV: {exc}", path=label, line=number) from None
        if len(cells) != len(fields):
            raise FileFormatError(
                f"expected {len(fields)} fields, got {len(cells)}", path=label, line=number
            )
        if strip:
            cells = [c.strip() for c in cells]
        yield CsvRow(label, number, dict(zip(fields, cells, strict=True)))


def utf8_text(raw: bytes, label: str) -> str:
    """Bytes read from ``label`` as UTF-8 text (a byte-order mark is dropped)."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise FileFormatError("not UTF-8 text", path=label) from None


def _list_vote(r: CsvRow) -> ListVote:
    return ListVote(
        r.integer("year"),
        r.text("province"),
        r.text("level"),
        r.text("area"),
        r.text("party_ko"),
        r.integer("votes"),
    )


def _year_rows(name: str, year: int, then: bytes = b"") -> Iterator[CsvRow]:
    """One year's rows of a shipped table, found in its bytes before anything is decoded.

    The package's own tables are large (every election since 1948) and written by
    ``scripts/build_data.py`` with no line breaks inside cells, so a year's rows are the
    lines that start with it: a byte search finds them, and only they are decoded and
    parsed (``korelect results YEAR`` reads a few hundred of 20,000 lines). ``then`` is a
    pattern the rest of the row must start with (the province rows of ``list_votes``).
    """
    label = f"korelect/data/{name}"
    try:
        raw = (resources.files("korelect") / "data" / name).read_bytes()
    except OSError:
        raise FileFormatError("data file is missing (reinstall korelect)", path=label) from None
    raw = raw.removeprefix(b"\xef\xbb\xbf")
    end = raw.find(b"\n")
    header = utf8_text(raw[: len(raw) if end < 0 else end], label)
    if not header.strip():
        raise FileFormatError("empty data file", path=label, line=1)
    fields = next(csv.reader([header]))
    number, at = 1, 0
    lines: list[str] = []
    numbers: list[int] = []
    # every row follows the header's line break: "\nYEAR," is a row of the year (a pattern
    # with no anchor to test at each position, so the search runs at the speed of a find)
    for match in re.finditer(rb"\n%d," % year + then + rb"[^\n]*", raw):
        number += raw.count(b"\n", at, match.start() + 1)
        at = match.start() + 1
        numbers.append(number)
        lines.append(utf8_text(match.group()[1:].rstrip(b"\r"), label))
    for number, cells in zip(numbers, csv.reader(lines), strict=True):
        if len(cells) != len(fields):
            raise FileFormatError(
                f"expected {len(fields)} fields, got {len(cells)}", path=label, line=number
            )
        yield CsvRow(label, number, dict(zip(fields, cells, strict=True)))


class Dataset:
    """The shipped tables of a data folder (by default, the package's own)."""

    def __init__(self, folder: Path | None = None) -> None:
        self.folder = folder
        self._cache: dict[tuple[str, int | None], tuple[Any, ...]] = {}

    def _open(self, name: str) -> tuple[str, str]:
        if self.folder is not None:
            path = self.folder / name
            label = str(path)
            try:
                raw = path.read_bytes()
            except OSError:
                raise FileFormatError("data file is missing", path=label) from None
        else:
            ref = resources.files("korelect") / "data" / name
            label = f"korelect/data/{name}"
            try:
                raw = ref.read_bytes()
            except OSError:
                raise FileFormatError(
                    "data file is missing (reinstall korelect)", path=label
                ) from None
        if name.endswith(".gz"):
            try:
                raw = gzip.decompress(raw)
            except (OSError, EOFError):
                raise FileFormatError("not a gzip file", path=label) from None
        return label, utf8_text(raw, label)

    def _rows(self, name: str, year: int | None = None) -> Iterator[CsvRow]:
        if year is not None and self.folder is None and not name.endswith(".gz"):
            yield from _year_rows(name, year)
            return
        label, text = self._open(name)
        prefix = None if year is None else f"{year},"
        lines = io.StringIO(text, newline="")
        header = lines.readline()
        if not header.strip():
            raise FileFormatError("empty data file", path=label, line=1)
        fields = next(csv.reader([header]))
        yield from csv_records(label, lines, fields, prefix=prefix)

    def _table(self, name: str, year: int | None, make: Callable[[CsvRow], Any]) -> tuple[Any, ...]:
        key = (name, year)
        if key not in self._cache:
            self._cache[key] = tuple(make(r) for r in self._rows(name, year))
        return self._cache[key]

    def provinces(self) -> tuple[Province, ...]:
        """Every province, in the order of the seed articles' tables."""
        return self._table(
            "provinces.csv",
            None,
            lambda r: Province(
                r.text("code"),
                r.text("name_ko"),
                r.text("short_ko"),
                r.text("name_en"),
                tuple(a for a in r.text("aliases").split(";") if a),
                r.integer("since"),
                r.integer("order"),
            ),
        )

    def districts(self, year: int) -> tuple[District, ...]:
        """The districts of one election."""
        return self._table(
            "districts.csv",
            year,
            lambda r: District(
                r.integer("year"),
                r.text("district_id"),
                r.text("province"),
                r.text("name_ko"),
                r.maybe_integer("electorate"),
                r.maybe_integer("ballots_cast"),
                r.maybe_integer("valid_votes"),
                r.maybe_integer("invalid_votes"),
                r.maybe_integer("abstentions"),
                r.flag("uncontested"),
                r.text("source"),
                r.integer("magnitude") if r.has("magnitude") else 1,
            ),
        )

    def candidates(self, year: int) -> tuple[Candidate, ...]:
        """Every district candidate of one election, with votes where counted."""
        return self._table(
            "candidates.csv",
            year,
            lambda r: Candidate(
                r.integer("year"),
                r.text("district_id"),
                r.integer("ballot_order"),
                r.text("name_ko"),
                r.text("party_ko"),
                r.maybe_integer("votes"),
            ),
        )

    def winners(self, year: int) -> tuple[Winner, ...]:
        """Declared winners of one election, from every source that declares them."""
        return self._table(
            "winners.csv",
            year,
            lambda r: Winner(
                r.integer("year"),
                r.text("district_id"),
                r.text("province"),
                r.text("district_ko"),
                r.text("name_ko"),
                r.text("name_hanja"),
                r.text("party_ko"),
                r.maybe_date("birth_date"),
                r.maybe_integer("votes"),
                r.text("source"),
                r.maybe_decimal("vote_pct"),
            ),
        )

    def list_votes(self, year: int) -> tuple[ListVote, ...]:
        """List votes of one election (2004–2024), province totals and sigungu rows."""
        return self._table("list_votes.csv", year, _list_vote)

    def province_list_votes(self, year: int) -> tuple[ListVote, ...]:
        """The province totals of :meth:`list_votes`, the sigungu rows left unread."""
        key = ("list_votes.csv:province", year)
        if key not in self._cache:
            if self.folder is None:
                rows = _year_rows("list_votes.csv", year, rb"[^,\n]*,province,")
            else:
                rows = (
                    r for r in self._rows("list_votes.csv", year) if r.text("level") == "province"
                )
            self._cache[key] = tuple(_list_vote(r) for r in rows)
        return self._cache[key]

    def list_turnout(self, year: int) -> tuple[ListTurnout, ...]:
        """Turnout of the list ballot (2004–2016)."""
        return self._table(
            "list_turnout.csv",
            year,
            lambda r: ListTurnout(
                r.integer("year"),
                r.text("province"),
                r.text("level"),
                r.text("area"),
                r.integer("electorate"),
                r.integer("ballots_cast"),
                r.integer("valid_votes"),
                r.integer("invalid_votes"),
                r.integer("abstentions"),
            ),
        )

    def list_shares(self, year: int) -> tuple[ListShare, ...]:
        """Published national list shares (2020, 2024)."""
        return self._table(
            "list_shares.csv",
            year,
            lambda r: ListShare(
                r.integer("year"),
                r.text("party_ko"),
                r.text("party_en"),
                r.text("pct"),
                r.text("source"),
            ),
        )

    def official_seats(self, year: int) -> tuple[OfficialSeats, ...]:
        """The official national seat table of one election (where shipped)."""
        return self._table(
            "official_seats.csv",
            year,
            lambda r: OfficialSeats(
                r.integer("year"),
                r.text("party_ko"),
                r.text("party_en"),
                r.integer("district_seats"),
                r.integer("list_seats"),
                r.integer("total_seats"),
                r.text("list_vote_pct"),
                r.text("constituency_vote_pct"),
                r.text("source"),
            ),
        )

    def national_seats(self, year: int) -> tuple[NationalSeats, ...]:
        """The national tier's declared seats per party (1963–1985; none for other years)."""
        return self._table(
            "national_seats.csv",
            year,
            lambda r: NationalSeats(
                r.integer("year"), r.text("party_ko"), r.integer("seats"), r.text("source")
            ),
        )

    def crawl_districts(self, year: int) -> tuple[CrawlDistrict, ...]:
        """The second crawl's districts of one election (1948–2020; none for other years)."""
        return self._table(
            "crawl_districts.csv",
            year,
            lambda r: CrawlDistrict(
                r.integer("year"),
                r.text("district_id"),
                r.text("province"),
                r.text("name_ko"),
                r.maybe_integer("electorate"),
                r.maybe_integer("ballots_cast"),
                r.maybe_integer("valid_votes"),
                r.maybe_integer("invalid_votes"),
                r.text("source"),
            ),
        )

    def crawl_candidates(self, year: int) -> tuple[CrawlCandidate, ...]:
        """The second crawl's candidates of one election, in the crawl's order."""
        return self._table(
            "crawl_candidates.csv.gz",
            year,
            lambda r: CrawlCandidate(
                r.integer("year"),
                r.text("district_id"),
                r.text("province"),
                r.text("district_ko"),
                r.integer("ballot_order"),
                r.text("name_ko"),
                r.text("party_ko"),
                r.maybe_integer("votes"),
                r.text("source"),
            ),
        )

    def years(self) -> tuple[int, ...]:
        """The elections with data."""
        return tuple(e.year for e in self.elections())

    def elections(self) -> tuple[Election, ...]:
        """Every election with data: year, assembly and polling day."""
        return self._table(
            "elections.csv",
            None,
            lambda r: Election(r.integer("year"), r.integer("assembly"), r.text("date")),
        )


@cache
def dataset() -> Dataset:
    """The package's own tables (read once per process)."""
    return Dataset()
