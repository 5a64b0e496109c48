"""Findings: a contradiction between or within sources, with both figures."""

from __future__ import annotations

from dataclasses import dataclass

NO_COUNT = "seats no count covers"
"""The check of the seats the law provides that no source counts (1948: 3, 1950: 4)."""
NO_RESULT = "district without result"
"""The check of a district with neither counts nor a declared winner."""


@dataclass(frozen=True, slots=True)
class Finding:
    """One contradiction: where it is, what each side says, and which sources say it."""

    year: int
    check: str
    """What was compared, e.g. ``"declared winner vs counts"``."""
    where: str
    """The district, province or table."""
    ours: str
    """What korelect computes from the counts (or the first source says)."""
    theirs: str
    """What the other source says."""
    sources: str
    note: str = ""
    line: int | None = None
    """The line of an article the finding is about, where it is about one."""

    def describe(self) -> str:
        """One line for a report."""
        where = f"line {self.line}: {self.where}" if self.line is not None else self.where
        text = f"{self.year} {self.check}: {where}: {self.ours} vs {self.theirs} [{self.sources}]"
        return text + (f" ({self.note})" if self.note else "")

    def to_dict(self) -> dict[str, object]:
        """A JSON-ready record."""
        return {
            "year": self.year,
            "check": self.check,
            "where": self.where,
            "ours": self.ours,
            "theirs": self.theirs,
            "sources": self.sources,
            "note": self.note,
            "line": self.line,
        }
