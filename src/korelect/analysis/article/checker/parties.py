"""Party names resolved through the registry for the article's year."""

from __future__ import annotations

import re

from korelect.analysis.article.checker.common import ALL
from korelect.errors import UnknownNameError
from korelect.record.election import PartyInfo
from korelect.record.parties import ELECTION_YEARS, parties

OTHER_LABELS = ("other", "others", "other parties", "minor parties")
"""Row and column labels that stand for the parties a table does not name."""


class Names:
    """Party names resolved through the registry for the article's year.

    ``appointed`` is the bloc an appointed tier fills under the law checked against
    (유신정우회 in 1973 and 1978, or under their law applied to another year's votes):
    its names are known whatever the year.
    """

    def __init__(self, year: int | None, appointed: PartyInfo | None = None) -> None:
        self.year = year if year in ELECTION_YEARS else None
        self.appointed = appointed
        self.previous = (
            None
            if self.year is None or self.year == ELECTION_YEARS[0]
            else ELECTION_YEARS[ELECTION_YEARS.index(self.year) - 1]
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
        for form in self._forms(label):
            party = parties().find(form, when)
            if party is not None:
                return party.id
        bloc = self.appointed
        if bloc is not None:
            names = {n.lower() for n in (bloc.name_en, bloc.name_ko, bloc.abbr) if n}
            if any(form.lower() in names for form in self._forms(label)):
                return bloc.party_id
        return None

    def known(self, label: str) -> bool:
        """Whether the registry knows the name in some election year."""
        return any(self.find(label, y) is not None for y in ELECTION_YEARS)

    def why(self, label: str) -> str:
        """What the registry says about an unknown name."""
        form = self._forms(label)[-1] if self._forms(label) else label
        try:
            parties().lookup(form, self.year)
        except UnknownNameError as exc:
            return str(exc)
        return ""

    def who(self, label: str) -> str:
        """The ``who`` of a party label: an id, or ``label:<name>`` when unknown."""
        if label.strip().lower() in OTHER_LABELS:
            return "other:"
        return self.find(label) or "label:" + " ".join(label.split())


def is_known(who: str) -> bool:
    """Whether a ``who`` is one party the registry knows (not all, others or a label)."""
    return who != ALL and not who.startswith(("label:", "other:"))
