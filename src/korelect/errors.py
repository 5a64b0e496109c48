"""The one error tree of korelect.

Every error korelect raises on purpose is a :class:`KorelectError`. Where a
builtin exception means the same thing, the class also subclasses it, so code
that catches ``ValueError`` keeps working::

    KorelectError
    ├── InputError (ValueError)          bad data handed to korelect
    │   ├── FileFormatError              a file that cannot be read; names file, line, field
    │   └── UnknownNameError (LookupError)  no party, district or election by that name
    ├── DataError                        the shipped data contradict themselves or are missing
    ├── RulesError (ValueError)          an invalid or unknown set of rules
    │   ├── UnknownElectionError (LookupError)
    │   └── RulesFileError               a rules (TOML) file; names file and field
    └── AllocationError                  the law cannot produce a result
        └── TieError                     a tie that no rule settles; names the tied entries

Messages say what was wrong, where, and what was expected, carrying the
offending value, e.g. ``'votes' must be >= 0 (got -3)``.
"""

from __future__ import annotations

__all__ = [
    "AllocationError",
    "DataError",
    "FileFormatError",
    "InputError",
    "KorelectError",
    "RulesError",
    "RulesFileError",
    "ServerBusyError",
    "TieError",
    "UnknownElectionError",
    "UnknownNameError",
]


class KorelectError(Exception):
    """Base class of every error korelect raises on purpose."""


class InputError(KorelectError, ValueError):
    """Votes, seats or entries that korelect cannot use."""


class FileFormatError(InputError):
    """A file that cannot be read, with the place of the first problem.

    >>> str(FileFormatError("votes must be >= 0 (got '-3')", path="a.csv", line=4, field="votes"))
    "a.csv:4: field 'votes': votes must be >= 0 (got '-3')"
    """

    def __init__(
        self,
        message: str,
        *,
        path: str | None = None,
        line: int | None = None,
        field: str | None = None,
    ) -> None:
        self.path = path
        self.line = line
        self.field = field
        self.detail = message
        where = ""
        if path is not None:
            where = path if line is None else f"{path}:{line}"
        prefix = f"{where}: " if where else ""
        if field is not None:
            prefix += f"field {field!r}: "
        super().__init__(prefix + message)


class UnknownNameError(InputError, LookupError):
    """No party, district or election goes by the name asked for."""


class DataError(KorelectError):
    """The data cannot answer: a required figure is missing or unusable.

    For example, a tie in a district whose candidates have no birth dates, so
    the eldest-candidate rule (art. 188) cannot be applied.
    """


class RulesError(KorelectError, ValueError):
    """A set of rules that is invalid, inconsistent or unknown."""


class UnknownElectionError(RulesError, LookupError):
    """No rules are registered for the requested election year."""


class RulesFileError(RulesError):
    """A rules file that cannot be used; names the file and the field.

    >>> str(RulesFileError("must be an integer (got 'x')", path="r.toml", field="total_seats"))
    "r.toml: field 'total_seats': must be an integer (got 'x')"
    """

    def __init__(self, message: str, *, path: str | None = None, field: str | None = None) -> None:
        self.path = path
        self.field = field
        self.detail = message
        prefix = f"{path}: " if path else ""
        if field is not None:
            prefix += f"field {field!r}: "
        super().__init__(prefix + message)


class AllocationError(KorelectError):
    """The rules cannot allocate seats for these votes."""


class TieError(AllocationError):
    """A tie for a seat that no rule settles.

    >>> str(TieError(("A", "B"), seats=1, stage="largest remainder"))
    'tie in largest remainder between A and B for 1 seat; give a tie policy
    (lot, votes-then-lot, list-order)'
    >>> str(TieError(tuple(f"P{i}" for i in range(50)), seats=7, stage="seats"))[:72]
    'tie in seats between P0, P1, P2, P3, P4, P5, P6, P7, P8, P9 and 40 more '
    """

    def __init__(self, tied: tuple[str, ...], *, seats: int, stage: str) -> None:
        self.tied = tied
        self.seats = seats
        self.stage = stage
        if len(tied) > 12:  # thousands of equal entries: name the first ten
            names = ", ".join(tied[:10]) + f" and {len(tied) - 10:,} more"
        else:
            names = ", ".join(tied[:-1]) + f" and {tied[-1]}" if len(tied) > 1 else tied[0]
        plural = "seat" if seats == 1 else "seats"
        super().__init__(
            f"tie in {stage} between {names} for {seats} {plural}; "
            "give a tie policy (lot, votes-then-lot, list-order)"
        )


class ServerBusyError(KorelectError):
    """The web server cannot take this work now (too many simulations, or one ran too long)."""
