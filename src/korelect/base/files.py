"""Reading a user's file, with every failure turned into one clear error."""

from __future__ import annotations

import os
from pathlib import Path

from korelect.errors import FileFormatError


def read_bytes(path: str | os.PathLike[str]) -> bytes:
    """The bytes of ``path``; a missing, unreadable or directory path raises FileFormatError.

    >>> read_bytes("/nonexistent/x.csv")
    Traceback (most recent call last):
    ...
    korelect.errors.FileFormatError: /nonexistent/x.csv: no such file
    """
    name = str(path)
    try:
        return Path(path).read_bytes()
    except FileNotFoundError:
        raise FileFormatError("no such file", path=name) from None
    except IsADirectoryError:
        raise FileFormatError("is a directory, not a CSV file", path=name) from None
    except OSError as exc:
        raise FileFormatError(f"cannot read: {exc.strerror}", path=name) from None
