"""Facts: every figure an article prints, or its arithmetic derives, about a quantity.

:class:`Facts` holds them for one article, with the findings on names met while
reading; the readers (:mod:`.infobox`, :mod:`.tables`, :mod:`.prose`) and the
derived facts (:mod:`.derived`) add to it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from fractions import Fraction

from korelect.analysis.article.checker.common import AUTHORITY, DERIVED, UNKNOWN, Key
from korelect.analysis.article.checker.numbers import Num, Value
from korelect.analysis.article.checker.parties import Names
from korelect.analysis.article.model import Article
from korelect.law.rules import Rules

_PROVINCE_ALIASES = {
    "chungbuk": "chungbuk",
    "chungcheongbuk": "chungbuk",
    "chungnam": "chungnam",
    "chungcheongnam": "chungnam",
    "jeonbuk": "jeonbuk",
    "jeollabuk": "jeonbuk",
    "jeonnam": "jeonnam",
    "jeollanam": "jeonnam",
    "gyeongbuk": "gyeongbuk",
    "gyeongsangbuk": "gyeongbuk",
    "gyeongnam": "gyeongnam",
    "gyeongsangnam": "gyeongnam",
}


@dataclass(frozen=True, slots=True)
class Fact:
    """One figure about a quantity: printed at a line, or derived from printed ones."""

    id: int
    key: Key
    value: Value
    line: int
    kind: str
    where: str
    """The place, e.g. ``"table 'By city/province', row Total"`` or ``"infobox: Party1 ..."``."""
    item: str
    """The column or field, e.g. ``"DLP"`` or ``"Seats"``."""
    text: str
    """As printed, or how it was derived (``"116 + 33 = 149"``)."""
    inputs: frozenset[int] = frozenset()
    """For a derived fact: the printed facts it uses."""
    group: str = ""
    """For sums: the table they come from (a sum and its totals row share it)."""
    detail: str = ""
    """How a derived figure was computed, for the note of a finding about it."""

    @property
    def derived(self) -> bool:
        """Whether it is derived from printed facts (a sum, an allocation, a difference)."""
        return self.kind in DERIVED

    @property
    def authority(self) -> int:
        """How much its kind of place is trusted (see :data:`.common.AUTHORITY`)."""
        return AUTHORITY.get(self.kind, 1)

    def label(self) -> str:
        """Where it is, for a note: ``"line 14 (infobox, Election Date)"``; how, if derived."""
        if self.derived:
            return self.text
        where = f"{self.where}, {self.item}" if self.item else self.where
        return f"line {self.line} ({where})"


@dataclass(frozen=True, slots=True)
class Rec:
    """korelect's figure for a quantity, where it comes from and how it was computed."""

    value: Value
    source: str
    detail: str = ""
    whole: Fraction | None = None
    """For a share: the valid votes it is a share of."""


@dataclass(slots=True)
class Draft:
    """A finding before findings on the same line and place are merged."""

    line: int
    check: str
    where: str
    item: str
    ours: str
    theirs: str
    note: str = ""
    sources: tuple[str, ...] = ()
    seq: int = 1_000_000
    """Reading order of the fact it is about (findings on one line follow it)."""


_NO_INPUTS: frozenset[int] = frozenset()


def number_of(fact: Fact) -> Fraction:
    """A numeric fact's value (0 for a date or a word, which sums never hold)."""
    return fact.value.value if isinstance(fact.value, Num) else Fraction(0)


class Facts:
    """Every figure of one article, as statements and derived facts, plus findings on names."""

    def __init__(
        self,
        article: Article,
        names: Names,
        provinces: dict[str, str],
        *,
        regions: frozenset[str] | None = None,
        law: Rules | None = None,
    ) -> None:
        self.article = article
        self.names = names
        self.provinces = provinces
        self.regions = regions
        """The provinces that had districts in the article's year (None if unknown)."""
        self.law = law
        self.facts: list[Fact] = []
        self.drafts: list[Draft] = []
        self._unknown: set[tuple[int, str]] = set()
        self.list_year = (article.year or 0) >= 2004

    def add(
        self,
        key: Key,
        value: Value,
        line: int,
        kind: str,
        where: str,
        item: str,
        text: str,
        inputs: Iterable[int] = (),
        group: str = "",
        detail: str = "",
    ) -> Fact:
        """Record one fact and return it.

        Facts without inputs share one empty set; a set of inputs given as a frozenset
        is kept as it is (several facts may share it).
        """
        fact = Fact(
            len(self.facts),
            key,
            value,
            line,
            kind,
            where,
            item,
            text,
            frozenset(inputs) or _NO_INPUTS,
            group,
            detail,
        )
        self.facts.append(fact)
        return fact

    def party(self, label: str, line: int, where: str, *, previous_ok: bool = False) -> str:
        """The ``who`` of a party name; an unknown name is a finding (once per line)."""
        who = self.names.who(label)
        if not who.startswith("label:"):
            return who
        if previous_ok and self.names.previous is not None:
            earlier = self.names.find(label, self.names.previous)
            if earlier is not None:
                return earlier
        if self.names.year is None and self.names.known(label):
            return who  # a name of several parties: without the year it cannot be told
        if (line, label) not in self._unknown:
            self._unknown.add((line, label))
            year = self.names.year
            self.drafts.append(
                Draft(
                    line,
                    UNKNOWN,
                    where,
                    "",
                    f"no party of that name in the registry for {year}"
                    if year
                    else "no party of that name in the registry",
                    label,
                    self.names.why(label),
                    (self.article.source, "korelect/data/parties.csv"),
                    len(self.facts),
                )
            )
        return who

    def province(self, label: str) -> str | None:
        """The province code of a region name, or None."""
        low = " ".join(label.lower().replace("-", " ").split())
        low = re.sub(
            r"\s+(province|special city|metropolitan city|special self governing.*)$", "", low
        )
        low = re.sub(r"\s+do$", "", low)
        if low in self.provinces:
            return self.provinces[low]
        return _PROVINCE_ALIASES.get(low.replace(" ", ""))

    def region(self, text: str) -> list[str] | None:
        """Province codes of ``"Incheon and Gyeonggi"``; None if any part is unknown."""
        plain = " ".join(text.split())  # a run of spaces is one (and split once, not tried at each)
        parts = [p for p in re.split(r" ?, ?| and ", plain) if p]
        codes = [self.province(p) for p in parts]
        if not codes or any(c is None for c in codes):
            return None
        return sorted({c for c in codes if c is not None})

    def complete(self, codes: Sequence[str]) -> bool:
        """Whether region rows cover the whole country (so that they sum to the totals)."""
        if self.regions is not None:
            return self.regions <= set(codes)
        return len(set(codes)) >= 15
