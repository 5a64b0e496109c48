"""Party names resolved through the registry for the article's year.

Every name is looked up once per year (:class:`Names` keeps what it found), and
only where its letters and digits are those of a name the registry holds: a
capitalised phrase of the prose that names no party is turned away without
asking the registry, whose failed lookups look for close names to suggest. Those
suggestions are made only for the unknown names a finding reports, at most
:data:`MAX_SUGGESTED` per article.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from korelect.analysis.article.checker.common import ALL
from korelect.errors import UnknownNameError
from korelect.record.election import PartyInfo
from korelect.record.parties import ELECTION_YEARS, parties

OTHER_LABELS = ("other", "others", "other parties", "minor parties")
"""Row and column labels that stand for the parties a table does not name."""

MAX_SUGGESTED = 100
"""The unknown names of one article for which the registry is asked for a close name."""


def _letters(name: str) -> str:
    """The letters and digits of a name, case-folded (how the registry matches loosely).

    Every name the registry can match has the letters and digits of one of its names.

    >>> _letters("Grand  National-Party")
    'grandnationalparty'
    """
    folded = unicodedata.normalize("NFC", name).casefold()
    return "".join(ch for ch in folded if ch.isalnum())


@cache
def _registry_letters() -> frozenset[str]:
    """The letters and digits of every name in the registry."""
    return frozenset(_letters(name) for party in parties() for name in party.names)


class Names:
    """Party names resolved through the registry for the article's year.

    ``appointed`` is the bloc an appointed tier fills under the law checked against
    (유신정우회 in 1973 and 1978, or under their law applied to another year's votes):
    its names are known whatever the year.

    >>> names = Names(1992)
    >>> names.find("Democratic Liberal Party (South Korea)"), names.find("However The")
    ('dlp-1990', None)
    """

    def __init__(self, year: int | None, appointed: PartyInfo | None = None) -> None:
        self.year = year if year in ELECTION_YEARS else None
        self.appointed = appointed
        self.previous = (
            None
            if self.year is None or self.year == ELECTION_YEARS[0]
            else ELECTION_YEARS[ELECTION_YEARS.index(self.year) - 1]
        )
        self._found: dict[tuple[str, int | None], str | None] = {}
        self._why: dict[str, str] = {}
        self._suggested = 0
        self._bloc = (
            frozenset(
                n.lower() for n in (appointed.name_en, appointed.name_ko, appointed.abbr) if n
            )
            if appointed is not None
            else frozenset()
        )

    @staticmethod
    def _forms(label: str) -> list[str]:
        text = " ".join(label.replace("’", "'").split()).strip()
        short = re.sub(r"\s*\([^()]*\)$", "", text).strip()
        forms = [text, short]
        if short.endswith("'s"):
            forms.append(short[:-2])
        return [f for f in dict.fromkeys(forms) if f]

    def find(self, label: str, year: int | None = None) -> str | None:
        """The registry id of a party name (None if unknown or ambiguous)."""
        when = self.year if year is None else year
        key = (label, when)
        if key not in self._found:
            self._found[key] = self._find(label, when)
        return self._found[key]

    def _find(self, label: str, when: int | None) -> str | None:
        forms = self._forms(label)
        known = _registry_letters()
        for form in forms:
            if _letters(form) not in known:
                continue  # the registry could only fail, after a search for a close name
            party = parties().find(form, when)
            if party is not None:
                return party.id
        if self.appointed is not None and any(form.lower() in self._bloc for form in forms):
            return self.appointed.party_id
        return None

    def known(self, label: str) -> bool:
        """Whether the registry knows the name in some election year."""
        return any(self.find(label, y) is not None for y in ELECTION_YEARS)

    def why(self, label: str) -> str:
        """What the registry says about an unknown name.

        The registry looks for a close name to suggest only for the first
        :data:`MAX_SUGGESTED` names of the article that it does not hold at all;
        the others are said to be unknown without a suggestion.
        """
        if label not in self._why:
            forms = self._forms(label)
            form = forms[-1] if forms else label
            if _letters(form) not in _registry_letters():
                if self._suggested >= MAX_SUGGESTED:
                    where = "" if self.year is None else f" in {self.year}"
                    return f"no party called {form!r}{where}"
                self._suggested += 1
            self._why[label] = _explain(form, self.year)
        return self._why[label]

    def who(self, label: str) -> str:
        """The ``who`` of a party label: an id, or ``label:<name>`` when unknown."""
        if label.strip().lower() in OTHER_LABELS:
            return "other:"
        return self.find(label) or "label:" + " ".join(label.split())


def _explain(form: str, year: int | None) -> str:
    """The registry's message for a name it cannot resolve in ``year`` ("" if it can)."""
    try:
        parties().lookup(form, year)
    except UnknownNameError as exc:
        return str(exc)
    return ""


def is_known(who: str) -> bool:
    """Whether a ``who`` is one party the registry knows (not all, others or a label)."""
    return who != ALL and not who.startswith(("label:", "other:"))
