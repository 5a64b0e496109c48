"""The counts of one election, and the folder format a user writes them in.

:class:`Counts` is everything korelect computes an assembly from: the districts (with
the members each elects), the candidates with their votes (and birth dates, which
settle ties), the declared winners where a source declares them, the list votes
nationally or by province (or the published list shares), the list ballot's
turnout, and the election's own rules. :func:`korelect.results` computes a shipped
year through its ``Counts`` (:func:`counts_of`) exactly as it computes a user's.

The folder format, version 1 (``korelect export YEAR -o DIR`` writes it;
``korelect results --counts DIR`` and ``korelect.results("DIR")`` read it;
``docs/COUNTS.md`` documents every column):

``election.toml``
    ``format = "korelect-counts"``, ``version = 1``, ``year``, ``name``, and ``rules``:
    an election year whose law applies, or the name of a rules file in the folder.
``districts.csv``
    ``district_id, province, name_ko`` and optionally ``magnitude`` (members elected,
    default 1), ``electorate, ballots_cast, valid_votes, invalid_votes, abstentions``,
    ``uncontested`` (true/false), ``source``.
``candidates.csv``
    ``district_id, ballot_order, name_ko, party_ko, votes`` (blank: no vote was held)
    and optionally ``birth_date`` (YYYY-MM-DD).
``winners.csv`` (optional)
    declared winners: ``district_id, name_ko, party_ko`` and optionally ``name_hanja,
    birth_date, votes, vote_pct, source``. A declared winner who differs from the count
    holds the seat, and the difference is reported.
``list_votes.csv`` (optional)
    ``province, party_ko, votes``: ``province`` is a province code, or ``national``
    for national totals (without national rows, the province rows are summed).
``list_shares.csv`` (optional)
    ``party_ko, pct`` and optionally ``party_en, source``: published national list
    shares in percent, where no list counts exist.
``list_turnout.csv`` (optional)
    ``province, electorate, ballots_cast, valid_votes, invalid_votes, abstentions``.
``provinces.csv`` (optional)
    ``code, name_ko, name_en`` and optionally ``short_ko``: provinces not in
    korelect's own table.

Every mistake is one :class:`~korelect.errors.FileFormatError` naming the file, the
line and the field. Every file read must be a regular file: a CSV file of at most 16 MiB
(:data:`~korelect.base.files.MAX_CSV_BYTES`), ``election.toml`` or a rules file of at
most 1 MiB, and the files together at most 64 MiB
(:data:`~korelect.base.files.MAX_COUNTS_BYTES`).
"""

from __future__ import annotations

import csv
import io
import json
import os
import stat
import tomllib
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from korelect.base.files import (
    MAX_COUNTS_BYTES,
    MAX_CSV_BYTES,
    MAX_TOML_BYTES,
    MAX_TOML_DEPTH,
    check_target,
    fsync_folder,
    new_file_mode,
    read_bytes,
    size_text,
    toml_depth,
)
from korelect.errors import FileFormatError, InputError
from korelect.law.registry import REGISTRY, rules_for
from korelect.law.rules import Rules
from korelect.law.rulesfile import load_rules, rules_to_toml
from korelect.record.data import (
    Candidate,
    CsvRow,
    Dataset,
    District,
    ListShare,
    ListTurnout,
    ListVote,
    Province,
    Winner,
    csv_records,
    dataset,
    utf8_text,
)

FORMAT = "korelect-counts"
VERSION = 1
NATIONAL = "national"
DECLARED_SOURCE = {2024: "assemblykor/legislators.csv"}
"""The source whose winners korelect takes as declared, by year (default below)."""
DEFAULT_DECLARED = "krvote/chongun_winner.converted.csv"

ELECTION_KEYS = ("format", "version", "year", "name", "rules", "gaps")
DISTRICT_COLUMNS = (
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
)
CANDIDATE_COLUMNS = ("district_id", "ballot_order", "name_ko", "party_ko", "votes", "birth_date")
WINNER_COLUMNS = (
    "district_id",
    "name_ko",
    "party_ko",
    "name_hanja",
    "birth_date",
    "votes",
    "vote_pct",
    "source",
)
LIST_VOTE_COLUMNS = ("province", "party_ko", "votes")
LIST_SHARE_COLUMNS = ("party_ko", "party_en", "pct", "source")
TURNOUT_COLUMNS = (
    "province",
    "electorate",
    "ballots_cast",
    "valid_votes",
    "invalid_votes",
    "abstentions",
)
PROVINCE_COLUMNS = ("code", "name_ko", "short_ko", "name_en")
FOLDER_FILES = (
    "election.toml",
    "districts.csv",
    "candidates.csv",
    "winners.csv",
    "list_votes.csv",
    "list_shares.csv",
    "list_turnout.csv",
    "provinces.csv",
)
"""The files of a counts folder korelect reads (besides a rules file ``election.toml`` names)."""


@dataclass(frozen=True)
class Counts:
    """One election's counts and its own rules: what an assembly is computed from."""

    year: int
    name: str
    rules: Rules
    """The election's own rules: the year's law, or the rules the counts name."""
    districts: tuple[District, ...]
    candidates: tuple[Candidate, ...]
    winners: tuple[Winner, ...] = ()
    """Declared winners (one source); they hold the seat where they differ from the count."""
    list_votes: tuple[ListVote, ...] = ()
    """List votes: ``level`` is ``"province"`` or ``"national"``."""
    list_shares: tuple[ListShare, ...] = ()
    """Published national list shares in percent, where no list counts exist."""
    list_turnout: tuple[ListTurnout, ...] = ()
    """Turnout of the list ballot by province."""
    provinces: tuple[Province, ...] = ()
    """The provinces the districts lie in (names and table order)."""
    source: str = ""
    """Where the counts come from: ``korelect/data`` or the folder read."""
    gaps: tuple[str, ...] = ()
    """Seats of the law that no count covers (1948: 3 Jeju districts), said in words."""
    rules_source: str = field(default="", compare=False)
    """How ``election.toml`` names the rules (a year or a file), for writing them back."""

    @property
    def district_seats(self) -> int:
        """Members the districts elect: the sum of their magnitudes."""
        return sum(d.magnitude for d in self.districts)

    def national_list_votes(self) -> dict[str, int]:
        """List votes by party: the national rows, or else the sum of the province rows."""
        level = NATIONAL if any(v.level == NATIONAL for v in self.list_votes) else "province"
        votes: dict[str, int] = defaultdict(int)
        for v in self.list_votes:
            if v.level == level:
                votes[v.party_ko] += v.votes
        return dict(votes)


def declared_source(year: int, data: Dataset | None = None) -> str:
    """The source whose winners of ``year`` korelect takes as declared.

    krvote's list of winners for 1988-2020, assemblykor's for 2024, and for 1948-1985
    polis-korea's, the one source that declares them.

    >>> declared_source(2004), declared_source(1963)
    ('krvote/chongun_winner.converted.csv', 'polis-korea/data/results/6th-general-1963.json')
    """
    primary = DECLARED_SOURCE.get(year, DEFAULT_DECLARED)
    sources = {w.source for w in (data or dataset()).winners(year)}
    if primary not in sources and len(sources) == 1:
        primary = sources.pop()
    return primary


def counts_of(year: int, data: Dataset | None = None) -> Counts:
    """The shipped counts of one election, as :func:`korelect.results` computes them.

    Declared winners are those of the year's declaring source; birth dates (which
    settle ties) come from every source's winners, the declaring source's first.

    >>> c = counts_of(2004)
    >>> len(c.districts), c.district_seats, c.rules.district_seats
    (243, 243, 243)
    """
    data = data or dataset()
    primary = declared_source(year, data)
    births: dict[tuple[str, str], date] = {}
    for w in sorted(data.winners(year), key=lambda w: w.source == primary):
        if w.birth_date is not None:
            births[w.district_id, w.name_ko] = w.birth_date
    candidates = tuple(
        c
        if (c.district_id, c.name_ko) not in births
        else Candidate(
            c.year,
            c.district_id,
            c.ballot_order,
            c.name_ko,
            c.party_ko,
            c.votes,
            births[c.district_id, c.name_ko],
        )
        for c in data.candidates(year)
    )
    rules = rules_for(year)
    districts = data.districts(year)
    counted = sum(d.magnitude for d in districts)
    gaps: tuple[str, ...] = ()
    if counted < rules.district_seats:
        # the law's districts that no source counts (docs/DATA.md): the assembly is the one
        # the counts can compute, and the seats that no count covers are said, not invented
        missing = rules.district_seats - counted
        gap = (
            f"{missing} of the law's {rules.district_seats} district seats are in no count "
            f"(docs/DATA.md names them): the assembly computed has "
            f"{rules.total_seats - missing} seats"
        )
        gaps = (gap,)
        rules = rules.replace(
            total_seats=rules.total_seats - missing,
            district_seats=counted,
            name=f"{rules.name}, the {counted} districts counted",
        )
    return Counts(
        year=year,
        name=rules.name,
        rules=rules,
        districts=districts,
        candidates=candidates,
        winners=tuple(w for w in data.winners(year) if w.source == primary and w.district_id),
        list_votes=data.province_list_votes(year),
        list_shares=data.list_shares(year),
        list_turnout=tuple(t for t in data.list_turnout(year) if t.level == "province"),
        provinces=data.provinces(),
        source="korelect/data" if data.folder is None else str(data.folder),
        gaps=gaps,
        rules_source=str(year),
    )


# -- writing -------------------------------------------------------------------------------


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    text = str(value)
    if "\n" in text or "\r" in text:
        raise InputError(
            f"cannot write {text!r} to a counts file: a row is one line, with no line break "
            "inside a cell"
        )
    return text


def _csv(header: Iterable[str], rows: Iterable[Iterable[object]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(list(header))
    writer.writerows([_cell(v) for v in row] for row in rows)
    return out.getvalue()


def _toml_string(text: str) -> str:
    # JSON's escapes are those of TOML's basic strings; TOML also refuses a raw DEL
    return json.dumps(text, ensure_ascii=False).replace("\x7f", "\\u007f")


def counts_files(counts: Counts) -> dict[str, str]:
    """The folder's files as text, by name (what :func:`write_counts` writes)."""
    own_law = counts.rules.year is not None and REGISTRY.get(counts.rules.year) == counts.rules
    files: dict[str, str] = {}
    rules_line = f"rules = {counts.rules.year}"
    if not own_law:
        files["rules.toml"] = rules_to_toml(counts.rules)
        rules_line = 'rules = "rules.toml"'
    files["election.toml"] = (
        "# An election's counts in korelect's format (docs/COUNTS.md).\n"
        f'format = "{FORMAT}"\n'
        f"version = {VERSION}\n"
        f"year = {counts.year}\n"
        f"name = {_toml_string(counts.name)}\n"
        f"{rules_line}\n"
        + (f"gaps = [{', '.join(_toml_string(g) for g in counts.gaps)}]\n" if counts.gaps else "")
    )
    files["districts.csv"] = _csv(
        DISTRICT_COLUMNS,
        (
            (
                d.district_id,
                d.province,
                d.name_ko,
                d.magnitude,
                d.electorate,
                d.ballots_cast,
                d.valid_votes,
                d.invalid_votes,
                d.abstentions,
                d.uncontested,
                d.source,
            )
            for d in counts.districts
        ),
    )
    files["candidates.csv"] = _csv(
        CANDIDATE_COLUMNS,
        (
            (c.district_id, c.ballot_order, c.name_ko, c.party_ko, c.votes, c.birth_date)
            for c in counts.candidates
        ),
    )
    if counts.winners:
        files["winners.csv"] = _csv(
            WINNER_COLUMNS,
            (
                (
                    w.district_id,
                    w.name_ko,
                    w.party_ko,
                    w.name_hanja,
                    w.birth_date,
                    w.votes,
                    w.vote_pct,
                    w.source,
                )
                for w in counts.winners
            ),
        )
    if counts.list_votes:
        files["list_votes.csv"] = _csv(
            LIST_VOTE_COLUMNS,
            (
                (NATIONAL if v.level == NATIONAL else v.province, v.party_ko, v.votes)
                for v in counts.list_votes
            ),
        )
    if counts.list_shares:
        files["list_shares.csv"] = _csv(
            LIST_SHARE_COLUMNS,
            ((s.party_ko, s.party_en, s.pct, s.source) for s in counts.list_shares),
        )
    if counts.list_turnout:
        files["list_turnout.csv"] = _csv(
            TURNOUT_COLUMNS,
            (
                (
                    t.province,
                    t.electorate,
                    t.ballots_cast,
                    t.valid_votes,
                    t.invalid_votes,
                    t.abstentions,
                )
                for t in counts.list_turnout
            ),
        )
    shipped = {p.code: p for p in dataset().provinces()}
    own = [p for p in counts.provinces if shipped.get(p.code) != p]
    used = {d.province for d in counts.districts}
    if any(p.code in used for p in own):
        files["provinces.csv"] = _csv(
            PROVINCE_COLUMNS,
            ((p.code, p.name_ko, p.short_ko, p.name_en) for p in own if p.code in used),
        )
    return files


def write_counts(counts: Counts, folder: str | os.PathLike[str]) -> list[str]:
    """Write ``counts`` as a counts folder, whole or not at all; return the files written.

    The folder must not exist or be an empty folder (not a symbolic link). The files are
    written to a new private folder beside it (:func:`tempfile.mkdtemp`: a unique name,
    created exclusively), each created exclusively, flushed and ``fsync``-ed; the folder
    is renamed into place only when every file is written. On any failure (a full disk)
    nothing is left behind and one :class:`~korelect.errors.FileFormatError` says why.
    """
    target = Path(folder)
    label = str(target)
    try:
        found = os.lstat(target)
    except OSError:
        found = None
    if found is not None and stat.S_ISLNK(found.st_mode):
        check_target(target)  # refuses the link with its own message
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise FileFormatError("exists and is not an empty folder; choose a new one", path=label)
    parent = target.parent
    if not parent.is_dir():
        raise FileFormatError("no such folder", path=str(parent))
    import shutil  # noqa: PLC0415  (only writing needs them: import korelect stays light)
    import tempfile  # noqa: PLC0415

    files = counts_files(counts)
    try:
        tmp = Path(tempfile.mkdtemp(prefix=f".{target.name[:200]}.", suffix=".tmp", dir=parent))
    except OSError as exc:
        raise FileFormatError(f"cannot write: {exc.strerror}", path=label) from None
    try:
        for name, text in files.items():
            _write_new(tmp / name, text.encode("utf-8"), new_file_mode())
        os.chmod(tmp, new_file_mode(folder=True))
        fsync_folder(tmp)
        os.replace(tmp, target)  # replaces an empty folder in one step
    except BaseException as exc:  # a full disk, a quota, or Ctrl-C: leave nothing behind
        shutil.rmtree(tmp, ignore_errors=True)
        if isinstance(exc, OSError):
            raise FileFormatError(f"cannot write: {exc.strerror or exc}", path=label) from None
        raise
    fsync_folder(parent)
    return sorted(files)


def _write_new(path: Path, data: bytes, mode: int) -> None:
    """Create ``path`` (it must not exist; a link is not followed) holding ``data``, synced."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
    with os.fdopen(os.open(path, flags, mode), "wb") as out:
        out.write(data)
        out.flush()
        os.fsync(out.fileno())


# -- reading -------------------------------------------------------------------------------


class _Folder:
    """Reads one counts folder's files, each error naming file, line and field.

    Each file is read bounded (:func:`korelect.base.files.read_bytes`), and the files
    together may hold at most :data:`~korelect.base.files.MAX_COUNTS_BYTES`.
    """

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.read_so_far = 0

    def label(self, name: str) -> str:
        return str(self.folder / name)

    def exists(self, name: str) -> bool:
        """Whether the folder holds ``name`` in any form (a FIFO too: reading says what it is)."""
        path = self.folder / name
        return path.exists() or path.is_symlink()

    def check_total(self, names: Iterable[str]) -> None:
        """Refuse a folder whose files ``names`` (those present) are too large together."""
        total = 0
        for name in names:
            try:
                total += (self.folder / name).stat().st_size
            except OSError:
                continue  # missing or unreadable: reading it says so
        if total > MAX_COUNTS_BYTES:
            raise FileFormatError(
                f"its files are {size_text(total)} together, over the limit of "
                f"{size_text(MAX_COUNTS_BYTES)} for a counts folder",
                path=str(self.folder),
            )

    def text(self, name: str) -> str:
        label = self.label(name)
        if name.endswith(".toml"):
            raw = read_bytes(self.folder / name, limit=MAX_TOML_BYTES, what="a TOML file")
        else:
            raw = read_bytes(self.folder / name, limit=MAX_CSV_BYTES, what="a CSV file")
        self.read_so_far += len(raw)
        if self.read_so_far > MAX_COUNTS_BYTES:
            raise FileFormatError(
                "the counts folder's files together are over the limit of "
                f"{size_text(MAX_COUNTS_BYTES)} for a counts folder",
                path=label,
            )
        if b"\0" in raw:
            line = raw[: raw.index(b"\0")].count(b"\n") + 1
            raise FileFormatError("holds a NUL byte: not a text file", path=label, line=line)
        return utf8_text(raw, label)

    def rows(
        self, name: str, required: tuple[str, ...], known: tuple[str, ...]
    ) -> Iterator[CsvRow]:
        label = self.label(name)
        lines = io.StringIO(self.text(name), newline="")
        header_line = lines.readline()
        if not header_line.strip():
            what = "blank first line" if header_line else "empty file"
            raise FileFormatError(f"{what}: expected the header line", path=label, line=1)
        header = [h.strip() for h in next(csv.reader([header_line]))]
        for column in required:
            if column not in header:
                raise FileFormatError(
                    f"missing column (the header needs {', '.join(required)})",
                    path=label,
                    line=1,
                    field=column,
                )
        for column in header:
            if column not in known:
                raise FileFormatError(
                    f"unknown column; known: {', '.join(known)}", path=label, line=1, field=column
                )
        if len(set(header)) != len(header):
            raise FileFormatError("a column appears twice", path=label, line=1)
        yield from csv_records(label, lines, header, strip=True)


def _required(row: CsvRow, name: str) -> str:
    value = row.text(name)
    if not value:
        raise FileFormatError("must not be empty", path=row.path, line=row.line, field=name)
    return value


def _count(row: CsvRow, name: str, *, default: int | None = None) -> int | None:
    if not row.has(name) or not row.text(name):
        return default
    value = row.integer(name)
    if value < 0:
        raise FileFormatError(
            f"expected a count of at least 0 (got {value})",
            path=row.path,
            line=row.line,
            field=name,
        )
    return value


def _read_election(folder: _Folder) -> tuple[int, str, Rules, str, tuple[str, ...]]:
    name = "election.toml"
    label = folder.label(name)
    if not folder.exists(name):
        raise FileFormatError(
            "missing: a counts folder needs election.toml, districts.csv and candidates.csv "
            "(see docs/COUNTS.md; `korelect export YEAR -o DIR` writes an example)",
            path=label,
        )
    text = folder.text(name)
    depth = toml_depth(text)
    if depth > MAX_TOML_DEPTH:
        raise FileFormatError(
            f"nests arrays or tables {depth} deep; the limit is {MAX_TOML_DEPTH}", path=label
        )
    try:
        meta = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise FileFormatError(f"not valid TOML: {exc}", path=label) from None
    except RecursionError:  # only if the depth scan and the parser ever disagree
        raise FileFormatError(
            f"nests too deeply to read (the limit is {MAX_TOML_DEPTH})", path=label
        ) from None
    for key in meta:
        if key not in ELECTION_KEYS:
            raise FileFormatError(
                f"unknown key; known: {', '.join(ELECTION_KEYS)}", path=label, field=key
            )
    if meta.get("format") != FORMAT:
        raise FileFormatError(
            f"expected format = {_toml_string(FORMAT)} (got {meta.get('format')!r})",
            path=label,
            field="format",
        )
    if meta.get("version") != VERSION:
        raise FileFormatError(
            f"this korelect reads version {VERSION} (got {meta.get('version')!r})",
            path=label,
            field="version",
        )
    year = meta.get("year")
    if isinstance(year, bool) or not isinstance(year, int) or not 1900 <= year <= 2200:
        raise FileFormatError(
            f"expected the election year, e.g. 2028 (got {year!r})", path=label, field="year"
        )
    title = meta.get("name", f"National Assembly election ({year})")
    if not isinstance(title, str) or not title.strip():
        raise FileFormatError(
            f"expected a non-empty string (got {title!r})", path=label, field="name"
        )
    gaps = meta.get("gaps", [])
    if not isinstance(gaps, list) or not all(isinstance(g, str) for g in gaps):
        raise FileFormatError(
            f"expected a list of strings (got {gaps!r})", path=label, field="gaps"
        )
    given = meta.get("rules", year if year in REGISTRY else None)
    if given is None:
        raise FileFormatError(
            f"no law is registered for {year}: name the rules, an election year "
            f"({', '.join(map(str, REGISTRY))}) or a rules file in the folder",
            path=label,
            field="rules",
        )
    if isinstance(given, int) and not isinstance(given, bool):
        if given not in REGISTRY:
            raise FileFormatError(
                f"no law is registered for {given}; known: {', '.join(map(str, REGISTRY))}",
                path=label,
                field="rules",
            )
        return year, title, rules_for(given), str(given), tuple(gaps)
    if not isinstance(given, str) or not given or Path(given).name != given:
        raise FileFormatError(
            f"expected an election year or the name of a rules file in the folder (got {given!r})",
            path=label,
            field="rules",
        )
    if not folder.exists(given):
        raise FileFormatError(
            f"names {given}, which is not in the folder", path=label, field="rules"
        )
    return year, title, load_rules(folder.folder / given), given, tuple(gaps)


def _read_provinces(folder: _Folder) -> tuple[Province, ...]:
    shipped = list(dataset().provinces())
    name = "provinces.csv"
    if not folder.exists(name):
        return tuple(shipped)
    codes = {p.code for p in shipped}
    own: list[Province] = []
    for row in folder.rows(name, ("code", "name_ko", "name_en"), PROVINCE_COLUMNS):
        code = _required(row, "code")
        if code in codes or code == NATIONAL:
            raise FileFormatError(
                "this code is already a province", path=row.path, line=row.line, field="code"
            )
        codes.add(code)
        name_ko = _required(row, "name_ko")
        short = row.text("short_ko") if row.has("short_ko") else ""
        own.append(
            Province(
                code,
                name_ko,
                short or name_ko,
                _required(row, "name_en"),
                (),
                0,
                len(shipped) + len(own) + 1,
            )
        )
    return (*shipped, *own)


def _read_districts(folder: _Folder, year: int, provinces: set[str]) -> tuple[District, ...]:
    districts: list[District] = []
    seen: set[str] = set()
    for row in folder.rows(
        "districts.csv", ("district_id", "province", "name_ko"), DISTRICT_COLUMNS
    ):
        district_id = _required(row, "district_id")
        if district_id in seen:
            raise FileFormatError(
                "this district appears twice", path=row.path, line=row.line, field="district_id"
            )
        seen.add(district_id)
        province = _required(row, "province")
        if province not in provinces:
            raise FileFormatError(
                f"unknown province {province!r}: use a code of korelect's provinces table "
                "(docs/DATA.md) or add it in provinces.csv",
                path=row.path,
                line=row.line,
                field="province",
            )
        magnitude = _count(row, "magnitude", default=1) or 0
        if magnitude < 1:
            raise FileFormatError(
                "a district elects at least 1 member",
                path=row.path,
                line=row.line,
                field="magnitude",
            )
        uncontested = (
            row.flag("uncontested") if row.has("uncontested") and row.text("uncontested") else False
        )
        districts.append(
            District(
                year,
                district_id,
                province,
                _required(row, "name_ko"),
                _count(row, "electorate"),
                _count(row, "ballots_cast"),
                _count(row, "valid_votes"),
                _count(row, "invalid_votes"),
                _count(row, "abstentions"),
                uncontested,
                row.text("source") if row.has("source") else "",
                magnitude,
            )
        )
    if not districts:
        raise FileFormatError("no districts", path=folder.label("districts.csv"), line=2)
    return tuple(districts)


def _district_ref(row: CsvRow, known: set[str]) -> str:
    district_id = _required(row, "district_id")
    if district_id not in known:
        raise FileFormatError(
            f"no district {district_id!r} in districts.csv",
            path=row.path,
            line=row.line,
            field="district_id",
        )
    return district_id


def _read_candidates(
    folder: _Folder, year: int, districts: tuple[District, ...]
) -> tuple[Candidate, ...]:
    known = {d.district_id for d in districts}
    seen: set[tuple[str, int]] = set()
    voted: set[str] = set()
    unvoted: dict[str, tuple[int, str]] = {}  # the first candidate without votes, by district
    out: list[Candidate] = []
    for row in folder.rows(
        "candidates.csv",
        ("district_id", "ballot_order", "name_ko", "party_ko", "votes"),
        CANDIDATE_COLUMNS,
    ):
        district_id = _district_ref(row, known)
        name = _required(row, "name_ko")
        order = row.integer("ballot_order")
        if order < 1:
            raise FileFormatError(
                f"expected a place on the ballot of at least 1 (got {order})",
                path=row.path,
                line=row.line,
                field="ballot_order",
            )
        # Namesakes may stand in one district (1954 논산군 을: two 이성구); their places on
        # the ballot tell them apart.
        if (district_id, order) in seen:
            raise FileFormatError(
                f"ballot order {order} appears twice in {district_id}",
                path=row.path,
                line=row.line,
                field="ballot_order",
            )
        seen.add((district_id, order))
        votes = _count(row, "votes")
        if votes is None:
            unvoted.setdefault(district_id, (row.line, name))
        else:
            voted.add(district_id)
        out.append(
            Candidate(
                year,
                district_id,
                order,
                name,
                row.text("party_ko"),
                votes,
                row.maybe_date("birth_date") if row.has("birth_date") else None,
            )
        )
    mixed = sorted((unvoted[d][0], unvoted[d][1], d) for d in voted & unvoted.keys())
    if mixed:  # the first line, whatever order the districts come in
        line, name, district_id = mixed[0]
        raise FileFormatError(
            f"no votes for {name}, while other candidates of {district_id} have votes: leave "
            "votes empty for every candidate of a district where no vote was held, and for "
            "none where one was",
            path=folder.label("candidates.csv"),
            line=line,
            field="votes",
        )
    return tuple(out)


def _read_winners(
    folder: _Folder, year: int, districts: tuple[District, ...], candidates: tuple[Candidate, ...]
) -> tuple[Winner, ...]:
    if not folder.exists("winners.csv"):
        return ()
    by_id = {d.district_id: d for d in districts}
    known = set(by_id)
    standing = Counter((c.district_id, c.name_ko) for c in candidates)
    declared: Counter[str] = Counter()
    out: list[Winner] = []
    for row in folder.rows("winners.csv", ("district_id", "name_ko", "party_ko"), WINNER_COLUMNS):
        district = by_id[_district_ref(row, known)]
        if standing[district.district_id, row.text("name_ko")] > 1:
            raise FileFormatError(
                f"{row.text('name_ko')} names {standing[district.district_id, row.text('name_ko')]}"
                f" candidates of {district.district_id} (namesakes): the winner cannot be told "
                "apart",
                path=row.path,
                line=row.line,
                field="name_ko",
            )

        declared[district.district_id] += 1
        if declared[district.district_id] > district.magnitude:
            elects = "1 member" if district.magnitude == 1 else f"{district.magnitude} members"
            raise FileFormatError(
                f"one declared winner too many: {district.district_id} elects {elects}",
                path=row.path,
                line=row.line,
                field="district_id",
            )
        vote_pct = row.maybe_decimal("vote_pct") if row.has("vote_pct") else None
        if vote_pct is not None and not 0 <= vote_pct <= 100:
            raise FileFormatError(
                f"expected a percentage from 0 to 100 (got {row.text('vote_pct')!r})",
                path=row.path,
                line=row.line,
                field="vote_pct",
            )
        out.append(
            Winner(
                year,
                district.district_id,
                district.province,
                district.name_ko,
                _required(row, "name_ko"),
                row.text("name_hanja") if row.has("name_hanja") else "",
                row.text("party_ko"),
                row.maybe_date("birth_date") if row.has("birth_date") else None,
                _count(row, "votes"),
                row.text("source") if row.has("source") else "",
                vote_pct,
            )
        )
    return tuple(out)


def _province_ref(row: CsvRow, provinces: set[str], *, national: bool) -> str:
    code = _required(row, "province")
    if code in provinces or (national and code == NATIONAL):
        return code
    also = f" or {NATIONAL}" if national else ""
    raise FileFormatError(
        f"unknown province {code!r}: expected a province code{also}",
        path=row.path,
        line=row.line,
        field="province",
    )


def _read_list_votes(folder: _Folder, year: int, provinces: set[str]) -> tuple[ListVote, ...]:
    if not folder.exists("list_votes.csv"):
        return ()
    out: list[ListVote] = []
    seen: set[tuple[str, str]] = set()
    for row in folder.rows("list_votes.csv", LIST_VOTE_COLUMNS, LIST_VOTE_COLUMNS):
        code = _province_ref(row, provinces, national=True)
        party = _required(row, "party_ko")
        if (code, party) in seen:
            raise FileFormatError(
                f"{party} appears twice for {code}", path=row.path, line=row.line, field="party_ko"
            )
        seen.add((code, party))
        votes = _count(row, "votes")
        if votes is None:
            raise FileFormatError(
                "expected a count of votes", path=row.path, line=row.line, field="votes"
            )
        level = NATIONAL if code == NATIONAL else "province"
        out.append(ListVote(year, "" if code == NATIONAL else code, level, "", party, votes))
    return tuple(out)


def _read_list_shares(folder: _Folder, year: int) -> tuple[ListShare, ...]:
    if not folder.exists("list_shares.csv"):
        return ()
    out: list[ListShare] = []
    for row in folder.rows("list_shares.csv", ("party_ko", "pct"), LIST_SHARE_COLUMNS):
        pct = row.maybe_decimal("pct")
        if pct is None or not 0 <= pct <= 100:
            raise FileFormatError(
                f"expected a percentage from 0 to 100 (got {row.text('pct')!r})",
                path=row.path,
                line=row.line,
                field="pct",
            )
        out.append(
            ListShare(
                year,
                _required(row, "party_ko"),
                row.text("party_en") if row.has("party_en") else "",
                row.text("pct"),
                row.text("source") if row.has("source") else "",
            )
        )
    return tuple(out)


def _read_list_turnout(folder: _Folder, year: int, provinces: set[str]) -> tuple[ListTurnout, ...]:
    if not folder.exists("list_turnout.csv"):
        return ()
    out: list[ListTurnout] = []
    seen: set[str] = set()
    for row in folder.rows("list_turnout.csv", TURNOUT_COLUMNS, TURNOUT_COLUMNS):
        code = _province_ref(row, provinces, national=False)
        if code in seen:
            raise FileFormatError(
                f"{code} appears twice", path=row.path, line=row.line, field="province"
            )
        seen.add(code)
        figures = [_count(row, name, default=0) or 0 for name in TURNOUT_COLUMNS[1:]]
        out.append(ListTurnout(year, code, "province", "", *figures))
    return tuple(out)


def read_counts(folder: str | os.PathLike[str]) -> Counts:
    """Read a counts folder (format version 1), checking every file, line and field.

    >>> import tempfile, korelect
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     _ = write_counts(counts_of(2004), f"{tmp}/2004")
    ...     korelect.results(f"{tmp}/2004").seats("Uri")
    152
    """
    path = Path(folder)
    if not path.is_dir():
        raise FileFormatError(
            "not a folder of counts (see docs/COUNTS.md; `korelect export YEAR -o DIR` writes one)",
            path=str(path),
        )
    files = _Folder(path)
    files.check_total(FOLDER_FILES)
    year, title, rules, rules_source, gaps = _read_election(files)
    provinces = _read_provinces(files)
    codes = {p.code for p in provinces}
    districts = _read_districts(files, year, codes)
    if not files.exists("candidates.csv"):
        raise FileFormatError(
            "missing: every counts folder needs it", path=files.label("candidates.csv")
        )
    candidates = _read_candidates(files, year, districts)
    winners = _read_winners(files, year, districts, candidates)
    held = {c.district_id for c in candidates} | {w.district_id for w in winners}
    empty = [d.district_id for d in districts if d.district_id not in held]
    if empty:
        shown = ", ".join(empty[:3]) + (f" and {len(empty) - 3:,} more" if len(empty) > 3 else "")
        raise FileFormatError(
            f"no candidates for {shown}, and winners.csv declares no winner there: every "
            "district needs its candidates (or a declared winner)",
            path=files.label("candidates.csv"),
        )
    counts = Counts(
        year=year,
        name=title,
        rules=rules,
        districts=districts,
        candidates=candidates,
        winners=winners,
        list_votes=_read_list_votes(files, year, codes),
        list_shares=_read_list_shares(files, year),
        list_turnout=_read_list_turnout(files, year, codes),
        provinces=provinces,
        source=str(path),
        gaps=gaps,
        rules_source=rules_source,
    )
    if counts.district_seats != rules.district_seats:
        raise FileFormatError(
            f"the districts elect {counts.district_seats} members, but the rules "
            f"({rules_source}: {rules.name}) have {rules.district_seats} district seats",
            path=files.label("districts.csv"),
            field="magnitude",
        )
    return counts
