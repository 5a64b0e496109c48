"""Reading a user's file and writing korelect's own, bounded and whole, every failure one error.

Reading. Every file korelect reads on a user's behalf goes through :func:`read_bytes`:
the path must name a regular file (a FIFO, a device such as ``/dev/zero``, a socket or a
directory is refused before it is opened, and again after, in case it changed), no larger
than the limit for its kind, and it is read in chunks of at most 64 KiB, never more than
the limit plus one byte. Standard input goes through :func:`read_stream`, with the same
bound. The limits, far above any real file of each kind:

=======================  ===========================  ==========================================
kind                     limit                        the largest real one
=======================  ===========================  ==========================================
CSV of entries           :data:`MAX_ENTRIES_BYTES`    a few dozen parties: under 1 KB
CSV of a counts folder   :data:`MAX_CSV_BYTES`        2024's candidates.csv: about 46 KB
counts folder, in all    :data:`MAX_COUNTS_BYTES`     2024's folder: about 130 KB
rules or election TOML   :data:`MAX_TOML_BYTES`       a law with its sources: about 1.4 KB
article                  :data:`MAX_ARTICLE_BYTES`    a seed article: 7 KB; Wikipedia caps 2 MiB
SQL from standard input  :data:`MAX_STATEMENT_BYTES`  a long query: a few KB
=======================  ===========================  ==========================================

TOML parsers recurse into nested arrays and inline tables; :func:`toml_depth` measures
the nesting in one linear pass so that a file nested deeper than :data:`MAX_TOML_DEPTH`
is refused before it is parsed.

Writing. :func:`write_bytes` writes a file whole or not at all: a temporary file made
with :func:`tempfile.mkstemp` (a unique name, created exclusively, so a link planted in
the folder is never followed) beside the target, written, flushed and ``fsync``-ed, then
renamed into place; on any failure (a full disk, a quota) the temporary file is removed
and the target is left as it was. A target that is a symbolic link, a device, a FIFO or
a folder is refused: korelect replaces regular files only.
"""

from __future__ import annotations

import os
import re
import stat
import tempfile
from contextlib import suppress
from pathlib import Path
from typing import BinaryIO

from korelect.errors import FileFormatError

__all__ = [
    "MAX_ARTICLE_BYTES",
    "MAX_COUNTS_BYTES",
    "MAX_CSV_BYTES",
    "MAX_ENTRIES_BYTES",
    "MAX_STATEMENT_BYTES",
    "MAX_TOML_BYTES",
    "MAX_TOML_DEPTH",
    "check_target",
    "fsync_folder",
    "new_file_mode",
    "read_bytes",
    "read_stream",
    "size_text",
    "toml_depth",
    "write_bytes",
]

KIB = 1024
MIB = 1024 * KIB

MAX_ENTRIES_BYTES = 1 * MIB
"""A CSV of entries (``korelect allocate``/``apportion``): 1 MiB, some 50,000 rows."""
MAX_CSV_BYTES = 16 * MIB
"""One CSV file of a counts folder (or a party table): 16 MiB, 350 times 2024's largest."""
MAX_COUNTS_BYTES = 64 * MIB
"""The files of a counts folder together: 64 MiB."""
MAX_TOML_BYTES = 1 * MIB
"""A rules file, or a counts folder's ``election.toml``: 1 MiB."""
MAX_TOML_DEPTH = 32
"""Arrays and inline tables nested in a TOML file (table headers count 1 or 2): 32."""
MAX_ARTICLE_BYTES = 8 * MIB
"""An article to read or check: 8 MiB, four times the longest article Wikipedia accepts."""
MAX_STATEMENT_BYTES = 1 * MIB
"""An SQL statement read from standard input (``korelect sql -``): 1 MiB."""

_CHUNK = 64 * KIB

_KINDS = (
    (stat.S_ISDIR, "a directory"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISFIFO, "a FIFO (named pipe)"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISLNK, "a symbolic link"),
)


def size_text(size: int) -> str:
    """A size in bytes as people read it.

    >>> size_text(16 * MIB), size_text(1536 * KIB), size_text(900), size_text(20_000)
    ('16 MiB', '1.5 MiB', '900 bytes', '19.5 KiB')
    """
    for unit, name in ((MIB, "MiB"), (KIB, "KiB")):
        if size >= unit:
            return f"{size / unit:.1f}".removesuffix(".0") + f" {name}"
    return f"{size} bytes"


def _kind(mode: int) -> str:
    return next((name for test, name in _KINDS if test(mode)), "not a regular file")


def _not_regular(mode: int, what: str, name: str) -> FileFormatError:
    kind = _kind(mode)
    if stat.S_ISDIR(mode):
        return FileFormatError(f"is a directory, not {what}", path=name)
    return FileFormatError(f"is {kind}, not {what} (korelect reads regular files only)", path=name)


def _too_large(what: str, limit: int, name: str, size: int | None = None) -> FileFormatError:
    shown = None if size is None else size_text(size)
    if size is not None and shown == size_text(limit):  # just over: say how much exactly
        shown = f"{size:,} bytes"
    got = "is over" if shown is None else f"is {shown}, over"
    return FileFormatError(f"{got} the limit of {size_text(limit)} for {what}", path=name)


def read_bytes(
    path: str | os.PathLike[str], *, limit: int = MAX_CSV_BYTES, what: str = "a CSV file"
) -> bytes:
    """The bytes of the regular file ``path``, at most ``limit`` of them.

    A missing, unreadable or non-regular path, or one over ``limit`` bytes, raises one
    :class:`~korelect.errors.FileFormatError` naming the path (and the limit); ``what``
    names the kind of file in the message. Nothing past ``limit + 1`` bytes is read.

    >>> read_bytes("/nonexistent/x.csv")
    Traceback (most recent call last):
    ...
    korelect.errors.FileFormatError: /nonexistent/x.csv: no such file
    >>> read_bytes("/dev/zero")
    Traceback (most recent call last):
    ...
    korelect.errors.FileFormatError: /dev/zero: is a character device, not a CSV file
    (korelect reads regular files only)
    """
    name = str(path)
    try:
        before = os.stat(path)
        if not stat.S_ISREG(before.st_mode):
            raise _not_regular(before.st_mode, what, name)
        if before.st_size > limit:
            raise _too_large(what, limit, name, before.st_size)
        flags = (
            os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_BINARY", 0)
        )
        fd = os.open(path, flags)
    except FileNotFoundError:
        raise FileFormatError("no such file", path=name) from None
    except NotADirectoryError:
        raise FileFormatError(
            "no such file (a part of the path is not a folder)", path=name
        ) from None
    except OSError as exc:
        raise FileFormatError(f"cannot read: {exc.strerror}", path=name) from None
    try:
        after = os.fstat(fd)
        if not stat.S_ISREG(after.st_mode):  # it changed between the two looks
            raise _not_regular(after.st_mode, what, name)
        chunks: list[bytes] = []
        total = 0
        while True:
            chunk = os.read(fd, min(_CHUNK, limit + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
            if total > limit:
                raise _too_large(what, limit, name)
        return b"".join(chunks)
    except OSError as exc:
        raise FileFormatError(f"cannot read: {exc.strerror}", path=name) from None
    finally:
        os.close(fd)


def read_stream(stream: BinaryIO, *, limit: int, what: str, name: str) -> bytes:
    """At most ``limit`` bytes of ``stream`` (standard input); more raises FileFormatError.

    >>> import io
    >>> read_stream(io.BytesIO(b"SELECT 1"), limit=8, what="a statement", name="standard input")
    b'SELECT 1'
    >>> read_stream(io.BytesIO(b"SELECT 10"), limit=8, what="a statement", name="standard input")
    Traceback (most recent call last):
    ...
    korelect.errors.FileFormatError: standard input: is over the limit of 8 bytes for a statement
    """
    chunks: list[bytes] = []
    total = 0
    try:
        while True:
            chunk = stream.read(min(_CHUNK, limit + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
            if total > limit:
                raise _too_large(what, limit, name)
    except OSError as exc:
        raise FileFormatError(f"cannot read: {exc.strerror or exc}", path=name) from None
    return b"".join(chunks)


_TOML_SPECIAL = re.compile(r"[\"'#\[\]{}]")
_BASIC_END = re.compile(r'["\\\n]')
_ML_BASIC_END = re.compile(r'"""|\\.', re.DOTALL)
_LITERAL_END = re.compile(r"['\n]")


def toml_depth(text: str) -> int:
    r"""How deeply arrays, inline tables and table headers nest in TOML ``text``.

    One pass, in time linear in the text, skipping strings and comments; it does not
    check that the text is TOML (the parser does that, once the depth is known to be safe).

    >>> toml_depth('a = [[1, 2], {b = "]]]"}]  # [[[')
    2
    >>> toml_depth("[list_tier]\nformula = 'linked'")
    1
    >>> toml_depth("x = " + "[" * 5000)
    5000
    """
    depth = deepest = pos = 0
    while match := _TOML_SPECIAL.search(text, pos):
        char, pos = match.group(), match.end()
        if char in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif char in "]}":
            depth = max(depth - 1, 0)
        elif char == "#":
            pos = text.find("\n", pos)
            if pos < 0:
                break
        elif text.startswith(char * 2, pos):  # a multi-line string
            pos += 2
            if char == "'":
                pos = text.find("'''", pos)
                if pos < 0:
                    break
                pos += 3
                continue
            while (end := _ML_BASIC_END.search(text, pos)) and end.group() != '"""':
                pos = end.end()
            if end is None:
                break
            pos = end.end()
        else:  # a one-line string: ends at its quote or (unclosed) at the line's end
            end = (_BASIC_END if char == '"' else _LITERAL_END).search(text, pos)
            while end is not None and end.group() == "\\":
                end = _BASIC_END.search(text, end.end() + 1)
            if end is None:
                break
            pos = end.end()
    return deepest


def new_file_mode(*, folder: bool = False) -> int:
    """The permissions a new file (or folder) gets here: ``0o666`` (``0o777``) less the umask."""
    mask = os.umask(0o022)
    os.umask(mask)
    return (0o777 if folder else 0o666) & ~mask


def fsync_folder(folder: str | os.PathLike[str]) -> None:
    """Make a rename in ``folder`` durable, where the system allows it (best effort)."""
    with suppress(OSError):
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def check_target(path: str | os.PathLike[str]) -> os.stat_result | None:
    """The target of a write, refused unless it is missing or a regular file (not a link).

    Returns its status when it exists. Raises :class:`~korelect.errors.FileFormatError`.

    >>> check_target("/dev/full")
    Traceback (most recent call last):
    ...
    korelect.errors.FileFormatError: /dev/full: is a character device; korelect writes regular
    files only (choose a file name)
    """
    name = str(path)
    try:
        found = os.lstat(path)
    except FileNotFoundError:
        found = None
    except OSError as exc:
        raise FileFormatError(f"cannot write: {exc.strerror}", path=name) from None
    if found is not None and stat.S_ISLNK(found.st_mode):
        raise FileFormatError(
            "is a symbolic link; korelect does not write through links "
            "(remove it or choose another name)",
            path=name,
        )
    if found is not None and stat.S_ISDIR(found.st_mode):
        raise FileFormatError("is a folder", path=name)
    if found is not None and not stat.S_ISREG(found.st_mode):
        raise FileFormatError(
            f"is {_kind(found.st_mode)}; korelect writes regular files only (choose a file name)",
            path=name,
        )
    parent = Path(path).parent
    if not parent.is_dir():
        raise FileFormatError("no such folder", path=name)
    return found


def write_bytes(path: str | os.PathLike[str], data: bytes) -> None:
    """Write ``data`` to ``path`` whole or not at all (see the module's docstring).

    An existing file keeps its permissions; a new one gets :func:`new_file_mode`.

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     write_bytes(f"{folder}/a.txt", b"one")
    ...     write_bytes(f"{folder}/a.txt", b"two")
    ...     sorted(os.listdir(folder)), Path(f"{folder}/a.txt").read_bytes()
    (['a.txt'], b'two')
    """
    name = str(path)
    target = Path(path)
    found = check_target(path)
    mode = stat.S_IMODE(found.st_mode) if found is not None else new_file_mode()
    folder = target.parent
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name[:200]}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise FileFormatError(f"cannot write: {exc.strerror}", path=name) from None
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            out.flush()
            os.fchmod(out.fileno(), mode)
            os.fsync(out.fileno())
        os.replace(tmp, target)
    except BaseException as exc:  # a full disk, a quota, or Ctrl-C: leave nothing behind
        with suppress(OSError):
            os.unlink(tmp)
        if isinstance(exc, OSError):
            raise FileFormatError(f"cannot write: {exc.strerror or exc}", path=name) from None
        raise
    fsync_folder(folder)
