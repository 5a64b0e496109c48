"""Read allocation input from CSV: ``party,votes,district_seats,kind``.

``kind`` may be left out (every row is then a party) or left empty on a row.
``votes`` and ``district_seats`` are non-negative integers (``8,145,824`` with
thousands separators is accepted when quoted); an empty ``district_seats``
means 0. Every problem is reported with the file, line and field.

The file must be a regular file of at most 1 MiB (:data:`MAX_ENTRIES_BYTES`, some
50,000 rows; a real election has a few dozen), in UTF-8; a party's name may not hold
control characters (a NUL byte, a terminal escape, a line break), and a count has at
most :data:`MAX_DIGITS` digits.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

from korelect.base.files import MAX_ENTRIES_BYTES, read_bytes
from korelect.engine.entries import Entry, Kind
from korelect.errors import FileFormatError, InputError
from korelect.record.data import MAX_DIGITS

COLUMNS = ("party", "votes", "district_seats", "kind")
REQUIRED = ("party", "votes", "district_seats")
_INTEGER = re.compile(r"[0-9]+|[0-9]{1,3}(?:,[0-9]{3})+")
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def _integer(text: str, *, path: str, line: int, field: str, allow_empty: bool) -> int:
    value = text.strip()
    if not value and allow_empty:
        return 0
    if value.startswith("-") and _INTEGER.fullmatch(value[1:]):
        raise FileFormatError(f"must be >= 0 (got {text!r})", path=path, line=line, field=field)
    if not _INTEGER.fullmatch(value):
        raise FileFormatError(
            f"expected a non-negative integer (got {text!r})", path=path, line=line, field=field
        )
    digits = value.replace(",", "")
    if len(digits) > MAX_DIGITS:
        raise FileFormatError(
            f"expected at most {MAX_DIGITS} digits (got {len(digits):,})",
            path=path,
            line=line,
            field=field,
        )
    return int(digits)


def read_entries_csv(
    source: str | Path, *, text: str | None = None, district_seats_required: bool = True
) -> tuple[Entry, ...]:
    r"""Read entries from a CSV file (or from ``text``, reported under the name ``source``).

    With ``district_seats_required=False`` the ``district_seats`` column may be
    left out (every entry then has 0).

    >>> read_entries_csv("input.csv", text="party,votes,district_seats\nA,10,1\nB,5,0\n")
    (Entry(name='A', votes=10, district_seats=1, kind=<Kind.PARTY: 'party'>),
     Entry(name='B', votes=5, district_seats=0, kind=<Kind.PARTY: 'party'>))
    >>> read_entries_csv("input.csv", text="party,votes,district_seats\nA,ten,1\n")
    Traceback (most recent call last):
    ...
    korelect.errors.FileFormatError: input.csv:2: field 'votes':
    expected a non-negative integer (got 'ten')
    """
    path = str(source)
    if text is None:
        raw = read_bytes(source, limit=MAX_ENTRIES_BYTES, what="a CSV file of entries")
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            line = raw[: exc.start].count(b"\n") + 1
            raise FileFormatError(
                "is not UTF-8 text (save it as UTF-8)", path=path, line=line
            ) from None
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader, None)
    except csv.Error as exc:
        raise FileFormatError(f"not a CSV header: {exc}", path=path, line=1) from None
    if header is None or not any(h.strip() for h in header):
        raise FileFormatError(
            f"empty file: expected the header {','.join(COLUMNS)}", path=path, line=1
        )
    names = [h.strip().lower() for h in header]
    for column in names:
        if column not in COLUMNS:
            raise FileFormatError(
                f"unknown column {column!r}; expected the header {','.join(COLUMNS)} "
                "(kind is optional)",
                path=path,
                line=1,
            )
    for column in REQUIRED:
        if column not in names and (district_seats_required or column != "district_seats"):
            raise FileFormatError(
                f"missing column {column!r}; expected the header {','.join(COLUMNS)} "
                "(kind is optional)",
                path=path,
                line=1,
            )
    duplicates = {c for c in names if names.count(c) > 1}
    if duplicates:
        raise FileFormatError(f"column {min(duplicates)!r} appears twice", path=path, line=1)
    entries: list[Entry] = []
    seen: dict[str, int] = {}
    try:
        for row in reader:
            line = reader.line_num
            if not any(cell.strip() for cell in row):
                continue
            if len(row) != len(names):
                raise FileFormatError(
                    f"expected {len(names)} fields ({','.join(names)}), got {len(row)}",
                    path=path,
                    line=line,
                )
            cells = dict(zip(names, row, strict=True))
            name = cells["party"].strip()
            if not name:
                raise FileFormatError("must not be empty", path=path, line=line, field="party")
            if _CONTROL.search(name):
                raise FileFormatError(
                    f"must not hold control characters (got {name!r})",
                    path=path,
                    line=line,
                    field="party",
                )
            if name in seen:
                raise FileFormatError(
                    f"duplicate party {name!r} (first on line {seen[name]})",
                    path=path,
                    line=line,
                    field="party",
                )
            seen[name] = line
            votes = _integer(cells["votes"], path=path, line=line, field="votes", allow_empty=False)
            seats = _integer(
                cells.get("district_seats", ""),
                path=path,
                line=line,
                field="district_seats",
                allow_empty=True,
            )
            kind_text = cells.get("kind", "").strip().lower() or Kind.PARTY.value
            if kind_text not in {k.value for k in Kind}:
                raise FileFormatError(
                    f"expected one of party, independent, other (got {cells['kind']!r})",
                    path=path,
                    line=line,
                    field="kind",
                )
            try:
                entries.append(Entry(name, votes, seats, Kind(kind_text)))
            except InputError as exc:
                raise FileFormatError(str(exc), path=path, line=line) from None
    except csv.Error as exc:
        raise FileFormatError(f"malformed CSV: {exc}", path=path, line=reader.line_num) from None
    if not entries:
        raise FileFormatError("no data rows after the header", path=path, line=2)
    return tuple(entries)
