"""The party registry: every party named in the election data 1948–2024.

The registry is read once from ``korelect/data/parties.csv``, a hand-curated
table with one row per distinct party. A Korean name used by two different
parties (민주당 in 1992 and in 2016, 한나라당 as the GNP and as a minor party
from 2012) gives two rows, told apart by the election years in which each
appears, so a name is looked up together with its year:

>>> registry = parties()
>>> registry.lookup("DLP", 1992).name_en
'Democratic Liberal Party'
>>> registry.lookup("DLP", 2004).name_en
'Democratic Labor Party'
>>> registry.lookup("자민련", 2004).id
'uld'

Satellite list parties of 2020 and 2024 (LAW.md §2) name their parent, so that
a result can be shown with the satellites merged back into their parents:

>>> registry.merged(registry.lookup("미래한국당", 2020)).name_en
'United Future Party'
>>> [p.name_en for p in registry.satellites(registry.get("dp"))]
['Platform Party', 'Democratic Alliance of Korea']

Renames, mergers and splits are recorded as ``predecessors`` and ``successors``
(only between parties in the table: a party that never contested an election
in the data is skipped over). The first predecessor listed is the principal
one, which :meth:`PartyRegistry.lineage` follows:

>>> [p.id for p in registry.lineage(registry.get("ppp"))]
['ppp', 'ufp', 'lkp', 'saenuri', 'gnp', 'nkp', 'dlp-1990', 'djp']

Columns of the table (lists are separated by ``;``):

``id``
    stable ascii slug (``gnp``, ``dlp-1990``); a year suffix tells apart
    parties that share a name or an abbreviation.
``name_ko``, ``name_en``
    the Korean name as the data spell it, and the usual English name (a
    faithful translation for minor parties).
``abbr``
    the abbreviation used by English sources, or empty.
``aliases``
    other names of the same party: short Korean forms (자민련), full names,
    English variants from the seed articles' infoboxes.
``colour``
    a ``#rrggbb`` chart colour: the party's own for the major parties, a grey
    tone for minor ones.
``years``
    the election years in which the party appears in the data.
``satellite_of``
    for a satellite list party, the id of its parent.
``predecessors``, ``successors``
    ids of the parties it came from and went into; the relation must be
    recorded on both sides.
``note``
    free text.

Matching is case-insensitive, ignores repeated spaces and, when nothing
matches as written, also ignores spaces and punctuation (``국민의 힘`` and
``국민의힘``, ``Ind`` and ``Ind.``).
"""

from __future__ import annotations

import csv
import difflib
import io
import os
import re
import unicodedata
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources

from korelect.base.files import read_bytes
from korelect.errors import DataError, FileFormatError, UnknownNameError

__all__ = ["ELECTION_YEARS", "Party", "PartyRegistry", "parties"]

#: The National Assembly elections the registry covers: the twelve of 1948–1985 and the ten
#: of 1988–2024 (the 1960 election is that of the House of Representatives).
ELECTION_YEARS: tuple[int, ...] = (
    *(1948, 1950, 1954, 1958, 1960, 1963, 1967, 1971, 1973, 1978, 1981, 1985),
    *(1988, 1992, 1996, 2000, 2004, 2008, 2012, 2016, 2020, 2024),
)

COLUMNS: tuple[str, ...] = (
    "id",
    "name_ko",
    "name_en",
    "abbr",
    "aliases",
    "colour",
    "years",
    "satellite_of",
    "predecessors",
    "successors",
    "note",
)
_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_COLOUR = re.compile(r"#[0-9a-fA-F]{6}")
_NAME_FIELDS = ("name_ko", "name_en", "abbr", "aliases")


def _key(name: str) -> str:
    """Normalised form for matching: NFC, case-folded, single spaces."""
    return " ".join(unicodedata.normalize("NFC", name).casefold().split())


def _loose_key(name: str) -> str:
    """Looser form: letters and digits only (Hangul counts as letters)."""
    return "".join(filter(str.isalnum, _key(name)))


@dataclass(frozen=True, slots=True)
class Party:
    """One party (or, for ``independent``, the candidates without one).

    >>> gnp = parties().get("gnp")
    >>> gnp.name_ko, gnp.abbr, gnp.years
    ('한나라당', 'GNP', (2000, 2004, 2008))
    >>> gnp.contested(2012), gnp.is_satellite
    (False, False)
    >>> str(gnp)
    'Grand National Party (한나라당)'
    """

    id: str
    name_ko: str
    name_en: str
    abbr: str | None
    aliases: tuple[str, ...]
    colour: str
    years: tuple[int, ...]
    satellite_of: str | None
    predecessors: tuple[str, ...]
    successors: tuple[str, ...]
    note: str | None

    @property
    def names(self) -> tuple[str, ...]:
        """Every name the party is looked up by: Korean, English, abbreviation, aliases."""
        abbr = (self.abbr,) if self.abbr else ()
        return (self.name_ko, self.name_en, *abbr, *self.aliases)

    @property
    def is_satellite(self) -> bool:
        """True for a satellite list party (2020, 2024)."""
        return self.satellite_of is not None

    @property
    def is_independent(self) -> bool:
        """True for the row standing for candidates without a party (무소속)."""
        return self.id == "independent"

    def contested(self, year: int) -> bool:
        """Whether the party appears in the data of the election of ``year``."""
        return year in self.years

    def __str__(self) -> str:
        return f"{self.name_en} ({self.name_ko})"


def _describe(party: Party) -> str:
    years = ", ".join(str(y) for y in party.years)
    return f"{party.name_en} [{party.id}; {years}]"


def _join_or(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " or " + items[-1]


def _suggest(name: str, names: Iterable[str]) -> list[str]:
    """Up to three names close to ``name``, best first, all nearly as close as the best."""
    by_key = {_key(n): n for n in names}
    target = _key(name)
    scored = sorted(
        ((difflib.SequenceMatcher(None, target, key).ratio(), key) for key in by_key),
        key=lambda item: (-item[0], item[1]),
    )
    if not scored or scored[0][0] < 0.6:
        return []
    best = scored[0][0]
    return [by_key[key] for ratio, key in scored[:3] if ratio >= max(0.6, best - 0.1)]


class PartyRegistry:
    """The parties, indexed by id and by every name, checked when built.

    Use :func:`parties` for the shipped table, :meth:`from_csv` for another
    file. Iterating gives the parties in file order.

    >>> registry = parties()
    >>> len(registry) > 100, "gnp" in registry
    (True, True)
    """

    __slots__ = ("_by_id", "_loose", "_names", "_order", "source")

    def __init__(
        self,
        parties: Iterable[Party],
        *,
        source: str = "<registry>",
        lines: Mapping[str, int] | None = None,
    ) -> None:
        """Index ``parties``; ``source`` and ``lines`` (id → line) place any error."""
        order = tuple(parties)
        self.source = source
        self._order = order
        self._by_id: dict[str, Party] = {}
        self._names: dict[str, list[Party]] = {}
        self._loose: dict[str, list[Party]] = {}
        _validate(order, source, lines or {})
        for party in order:
            self._by_id[party.id] = party
            for name in party.names:
                for index, key in ((self._names, _key(name)), (self._loose, _loose_key(name))):
                    bucket = index.setdefault(key, [])
                    if party not in bucket:
                        bucket.append(party)

    # ---------------------------------------------------------------- reading

    @classmethod
    def from_csv(cls, path: str | os.PathLike[str]) -> PartyRegistry:
        """Read and check a party table; a problem raises :class:`FileFormatError`.

        The error names the file, the line and the field.
        """
        return cls._from_bytes(read_bytes(path), str(path))

    @classmethod
    def from_text(cls, text: str, *, source: str = "<text>") -> PartyRegistry:
        r"""Read a party table from a string, reporting problems under ``source``.

        >>> header = "id,name_ko,name_en,abbr,aliases,colour,years,"
        >>> header += "satellite_of,predecessors,successors,note\n"
        >>> PartyRegistry.from_text(header + "a,가,A,,,#12345,1992,,,,\n", source="p.csv")
        Traceback (most recent call last):
        ...
        korelect.errors.FileFormatError: p.csv:2: field 'colour':
        expected a colour '#rrggbb' (got '#12345')
        """
        return cls._parse(text, source)

    @classmethod
    def _from_bytes(cls, raw: bytes, source: str) -> PartyRegistry:
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            line = raw[: exc.start].count(b"\n") + 1
            raise FileFormatError(
                "is not UTF-8 text (save it as UTF-8)", path=source, line=line
            ) from None
        return cls._parse(text, source)

    @classmethod
    def _parse(cls, text: str, source: str) -> PartyRegistry:
        reader = csv.reader(io.StringIO(text, newline=""))
        expected = ",".join(COLUMNS)
        try:
            header = next(reader, None)
            if header is None or not any(h.strip() for h in header):
                raise FileFormatError(
                    f"empty file: expected the header {expected}", path=source, line=1
                )
            names = [h.strip() for h in header]
            for column in names:
                if column not in COLUMNS:
                    raise FileFormatError(
                        f"unknown column {column!r}; expected the header {expected}",
                        path=source,
                        line=1,
                    )
            for column in COLUMNS:
                if column not in names:
                    raise FileFormatError(
                        f"missing column {column!r}; expected the header {expected}",
                        path=source,
                        line=1,
                    )
            if len(set(names)) != len(names):
                twice = min(c for c in names if names.count(c) > 1)
                raise FileFormatError(f"column {twice!r} appears twice", path=source, line=1)
            found: list[Party] = []
            lines: dict[str, int] = {}
            for row in reader:
                line = reader.line_num
                if not any(cell.strip() for cell in row):
                    continue
                if len(row) != len(names):
                    raise FileFormatError(
                        f"expected {len(names)} fields, got {len(row)}", path=source, line=line
                    )
                party = _party(dict(zip(names, row, strict=True)), source, line)
                if party.id in lines:
                    raise FileFormatError(
                        f"duplicate id {party.id!r} (first on line {lines[party.id]})",
                        path=source,
                        line=line,
                        field="id",
                    )
                lines[party.id] = line
                found.append(party)
        except csv.Error as exc:
            raise FileFormatError(
                f"malformed CSV: {exc}", path=source, line=reader.line_num
            ) from None
        if not found:
            raise FileFormatError("no parties after the header", path=source, line=2)
        return cls(found, source=source, lines=lines)

    # ------------------------------------------------------------- container

    def __iter__(self) -> Iterator[Party]:
        return iter(self._order)

    def __len__(self) -> int:
        return len(self._order)

    def __contains__(self, item: object) -> bool:
        if isinstance(item, Party):
            return self._by_id.get(item.id) == item
        return isinstance(item, str) and item in self._by_id

    def __repr__(self) -> str:
        return f"<PartyRegistry {len(self)} parties from {self.source}>"

    def get(self, party_id: str) -> Party:
        """The party with this id.

        >>> parties().get("uri").name_en
        'Uri Party'
        >>> parties().get("urii")
        Traceback (most recent call last):
        ...
        korelect.errors.UnknownNameError: no party with id 'urii'; did you mean 'uri'?
        """
        try:
            return self._by_id[party_id]
        except KeyError:
            close = _suggest(party_id, self._by_id)
            hint = f"; did you mean {_join_or([repr(c) for c in close])}?" if close else ""
            raise UnknownNameError(f"no party with id {party_id!r}{hint}") from None

    def in_year(self, year: int) -> tuple[Party, ...]:
        """The parties that appear in the data of the election of ``year``, in file order.

        >>> [p.abbr for p in parties().in_year(1996) if p.abbr]
        ['Ind.', 'NKP', 'NCNP', 'ULD', 'UDP']
        """
        return tuple(p for p in self._order if year in p.years)

    # ---------------------------------------------------------------- lookup

    def _candidates(self, name: str, year: int | None) -> tuple[list[Party], list[Party]]:
        """(matches in ``year``, matches in any year) for ``name``, exact before loose."""
        elsewhere: list[Party] = []
        for index, key in ((self._names, _key(name)), (self._loose, _loose_key(name))):
            found = index.get(key, []) if key else []
            if year is None:
                if found:
                    return found, found
                continue
            active = [p for p in found if year in p.years]
            if active:
                return active, found
            elsewhere.extend(p for p in found if p not in elsewhere)
        return [], elsewhere

    def lookup(self, name: str, year: int | None = None) -> Party:
        """The party called ``name`` (Korean, English, abbreviation or alias).

        Give the election ``year`` whenever you have it: a name used by more
        than one party is ambiguous without it, and a party is found for a
        year only if it appears in that year's data.

        Raises :class:`UnknownNameError` when nothing matches, when the name
        belongs to other years, or when it is ambiguous; the message names the
        candidates or suggests a close name.

        >>> registry = parties()
        >>> registry.lookup("Grand National Party").id
        'gnp'
        >>> registry.lookup("ncnp").name_ko
        '새정치국민회의'
        >>> registry.lookup("국민의힘", 2012).name_en
        "People's Power"
        >>> registry.lookup("DLP")
        Traceback (most recent call last):
        ...
        korelect.errors.UnknownNameError: 'DLP' is ambiguous: Democratic Liberal Party
        [dlp-1990; 1992] or Democratic Labor Party [dlp-2000; 2000, 2004, 2008];
        give the election year
        >>> registry.lookup("GNP", 2016)
        Traceback (most recent call last):
        ...
        korelect.errors.UnknownNameError: no party called 'GNP' in 2016: the name belongs
        to Grand National Party [gnp; 2000, 2004, 2008]
        >>> registry.lookup("Grand Nationl Party")
        Traceback (most recent call last):
        ...
        korelect.errors.UnknownNameError: no party called 'Grand Nationl Party';
        did you mean 'Grand National Party'?
        """
        if year is not None and year not in ELECTION_YEARS:
            years = ", ".join(str(y) for y in ELECTION_YEARS)
            raise UnknownNameError(f"{year} is not an election year (expected one of {years})")
        found, anywhere = self._candidates(name, year)
        if len(found) == 1:
            return found[0]
        if found:
            listed = _join_or([_describe(p) for p in found])
            raise UnknownNameError(f"{name!r} is ambiguous: {listed}; give the election year")
        where = "" if year is None else f" in {year}"
        if anywhere:
            owners = _join_or([_describe(p) for p in anywhere])
            raise UnknownNameError(f"no party called {name!r}{where}: the name belongs to {owners}")
        pool = self._order if year is None else self.in_year(year)
        close = _suggest(name, (n for p in pool for n in p.names))
        hint = f"; did you mean {_join_or([repr(c) for c in close])}?" if close else ""
        raise UnknownNameError(f"no party called {name!r}{where}{hint}")

    def find(self, name: str, year: int | None = None) -> Party | None:
        """Like :meth:`lookup`, but None where it would raise (unknown or ambiguous).

        >>> parties().find("Liberty Forward", 2008).abbr
        'LFP'
        >>> parties().find("무표투표수", 2020) is None
        True
        """
        try:
            return self.lookup(name, year)
        except UnknownNameError:
            return None

    # ------------------------------------------------------------- relations

    def _party(self, party: Party | str) -> Party:
        return self.get(party) if isinstance(party, str) else party

    def parent(self, party: Party | str) -> Party | None:
        """The parent of a satellite list party; None for any other party.

        >>> parties().parent("platform").name_en
        'Democratic Party of Korea'
        >>> parties().parent("dp") is None
        True
        """
        sat = self._party(party).satellite_of
        return None if sat is None else self._by_id[sat]

    def satellites(self, party: Party | str, year: int | None = None) -> tuple[Party, ...]:
        """The satellite list parties of ``party`` (of ``year`` only, if given).

        >>> [p.id for p in parties().satellites("dp", 2024)]
        ['da']
        """
        pid = self._party(party).id
        return tuple(
            p for p in self._order if p.satellite_of == pid and (year is None or year in p.years)
        )

    def merged(self, party: Party | str) -> Party:
        """The party its votes and seats count for once satellites are merged back.

        That is the parent for a satellite list party, and the party itself
        otherwise.

        >>> parties().merged("da").id, parties().merged("rkp").id
        ('dp', 'rkp')
        """
        found = self._party(party)
        return self.parent(found) or found

    def lineage(self, party: Party | str) -> tuple[Party, ...]:
        """The party, then its principal predecessor, then that one's, and so on.

        The principal predecessor is the first one listed; see
        :meth:`ancestors` for every party it descends from.

        >>> [p.id for p in parties().lineage("dp")]
        ['dp', 'minjoo', 'dup', 'udp-2008', 'uri', 'mdp', 'ncnp', 'dp-1991', 'ppd']
        """
        chain = [self._party(party)]
        while chain[-1].predecessors:
            chain.append(self._by_id[chain[-1].predecessors[0]])
        return tuple(chain)

    def ancestors(self, party: Party | str) -> tuple[Party, ...]:
        """Every party that ``party`` descends from, nearest first (breadth first).

        >>> [p.id for p in parties().ancestors("dlp-1990")]
        ['djp', 'rdp', 'ndrp']
        """
        start = self._party(party)
        seen = {start.id}
        found: list[Party] = []
        queue = deque(start.predecessors)
        while queue:
            pid = queue.popleft()
            if pid in seen:
                continue
            seen.add(pid)
            found.append(self._by_id[pid])
            queue.extend(self._by_id[pid].predecessors)
        return tuple(found)


# ------------------------------------------------------------------ checking


def _ids(text: str, *, source: str, line: int, field: str) -> tuple[str, ...]:
    items = _items(text, source=source, line=line, field=field)
    for item in items:
        if not _ID.fullmatch(item):
            raise FileFormatError(
                f"expected party ids (lower-case ascii slugs) separated by ';' (got {item!r})",
                path=source,
                line=line,
                field=field,
            )
    return items


def _items(text: str, *, source: str, line: int, field: str) -> tuple[str, ...]:
    if not text.strip():
        return ()
    items = tuple(item.strip() for item in text.split(";"))
    if any(not item for item in items):
        raise FileFormatError(
            f"empty entry in a ';'-separated list (got {text!r})",
            path=source,
            line=line,
            field=field,
        )
    twice = [item for item in items if items.count(item) > 1]
    if twice:
        raise FileFormatError(f"{twice[0]!r} is listed twice", path=source, line=line, field=field)
    return items


def _party(cells: dict[str, str], source: str, line: int) -> Party:
    """One row, checked field by field."""
    pid = cells["id"].strip()
    if not _ID.fullmatch(pid):
        raise FileFormatError(
            f"expected a lower-case ascii slug like 'dlp-1990' (got {cells['id']!r})",
            path=source,
            line=line,
            field="id",
        )
    for field in ("name_ko", "name_en"):
        if not cells[field].strip():
            raise FileFormatError("must not be empty", path=source, line=line, field=field)
    abbr = cells["abbr"].strip() or None
    if abbr is not None and ";" in abbr:
        raise FileFormatError(
            f"one abbreviation only; put others in aliases (got {abbr!r})",
            path=source,
            line=line,
            field="abbr",
        )
    colour = cells["colour"].strip()
    if not _COLOUR.fullmatch(colour):
        raise FileFormatError(
            f"expected a colour '#rrggbb' (got {cells['colour']!r})",
            path=source,
            line=line,
            field="colour",
        )
    years: list[int] = []
    for item in _items(cells["years"], source=source, line=line, field="years"):
        if not item.isdigit() or int(item) not in ELECTION_YEARS:
            raise FileFormatError(
                f"expected election years ({ELECTION_YEARS[0]}, {ELECTION_YEARS[1]}, …, "
                f"{ELECTION_YEARS[-1]}) separated by ';' (got {item!r})",
                path=source,
                line=line,
                field="years",
            )
        years.append(int(item))
    if not years:
        raise FileFormatError(
            "must name at least one election year", path=source, line=line, field="years"
        )
    satellite_of = cells["satellite_of"].strip() or None
    if satellite_of is not None and not _ID.fullmatch(satellite_of):
        raise FileFormatError(
            f"expected one party id (got {satellite_of!r})",
            path=source,
            line=line,
            field="satellite_of",
        )
    party = Party(
        id=pid,
        name_ko=cells["name_ko"].strip(),
        name_en=cells["name_en"].strip(),
        abbr=abbr,
        aliases=_items(cells["aliases"], source=source, line=line, field="aliases"),
        colour=colour.lower(),
        years=tuple(sorted(years)),
        satellite_of=satellite_of,
        predecessors=_ids(cells["predecessors"], source=source, line=line, field="predecessors"),
        successors=_ids(cells["successors"], source=source, line=line, field="successors"),
        note=cells["note"].strip() or None,
    )
    for name, field in _named(party):
        if not _loose_key(name):
            raise FileFormatError(
                f"a name needs a letter or digit (got {name!r})",
                path=source,
                line=line,
                field=field,
            )
    return party


def _named(party: Party) -> Iterator[tuple[str, str]]:
    """(name, field) for every name of ``party``."""
    yield party.name_ko, "name_ko"
    yield party.name_en, "name_en"
    if party.abbr:
        yield party.abbr, "abbr"
    for alias in party.aliases:
        yield alias, "aliases"


def _validate(order: tuple[Party, ...], source: str, lines: Mapping[str, int]) -> None:
    """Check the table as a whole; the first problem raises :class:`FileFormatError`."""

    def fail(message: str, party: Party, field: str) -> FileFormatError:
        return FileFormatError(message, path=source, line=lines.get(party.id), field=field)

    by_id: dict[str, Party] = {}
    for party in order:
        if party.id in by_id:
            raise fail(f"duplicate id {party.id!r}", party, "id")
        by_id[party.id] = party
    seen: dict[tuple[str, int], Party] = {}
    for party in order:
        if party.satellite_of is not None:
            parent = by_id.get(party.satellite_of)
            if parent is None or parent is party or parent.satellite_of is not None:
                why = (
                    "no party has this id"
                    if parent is None
                    else "a party cannot be its own parent"
                    if parent is party
                    else f"{parent.id!r} is itself a satellite"
                )
                raise fail(f"{party.satellite_of!r}: {why}", party, "satellite_of")
            outside = [y for y in party.years if y not in parent.years]
            if outside:
                raise fail(
                    f"the satellite appears in {outside[0]}, its parent {parent.id!r} does not",
                    party,
                    "years",
                )
        for field, own, back in (
            ("predecessors", party.predecessors, "successors"),
            ("successors", party.successors, "predecessors"),
        ):
            for other_id in own:
                other = by_id.get(other_id)
                if other is None:
                    raise fail(f"{other_id!r}: no party has this id", party, field)
                if other is party:
                    raise fail(f"{other_id!r}: a party cannot follow itself", party, field)
                if party.id not in getattr(other, back):
                    raise fail(
                        f"{other_id!r} does not list {party.id!r} among its {back}",
                        party,
                        field,
                    )
        for name, field in _named(party):
            key = _loose_key(name)
            for year in party.years:
                other = seen.setdefault((key, year), party)
                if other is not party:
                    where = f" (line {lines[other.id]})" if other.id in lines else ""
                    raise fail(
                        f"{name!r} already names {other.id!r}{where} in {year}",
                        party,
                        field,
                    )
    _check_acyclic(order, by_id, fail)


def _check_acyclic(
    order: tuple[Party, ...],
    by_id: Mapping[str, Party],
    fail: Callable[[str, Party, str], FileFormatError],
) -> None:
    """Predecessor links must not loop back on themselves."""
    done: set[str] = set()

    def visit(pid: str, path: list[str]) -> None:
        if pid in path:
            cycle = " → ".join([*path[path.index(pid) :], pid])
            raise fail(f"predecessors form a cycle: {cycle}", by_id[pid], "predecessors")
        if pid in done:
            return
        for pred in by_id[pid].predecessors:
            visit(pred, [*path, pid])
        done.add(pid)

    for party in order:
        visit(party.id, [])


# ------------------------------------------------------------------- shipped


@cache
def parties() -> PartyRegistry:
    """The shipped party registry, read and checked on first use.

    >>> parties() is parties()
    True
    """
    resource = resources.files("korelect") / "data" / "parties.csv"
    try:
        raw = resource.read_bytes()
    except FileNotFoundError:
        raise DataError(f"the shipped party table is missing ({resource})") from None
    return PartyRegistry._from_bytes(raw, str(resource))
