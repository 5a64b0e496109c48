"""Comparing: the facts about each quantity against each other and the record.

The value most facts give is taken for right (then the record's, then the more
reliable kind of place, then the earlier line); each fact that disagrees is a
finding, and figures the article agrees on but the record contradicts are one.
A sum that uses a number already found wrong is not reported again.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from korelect.analysis.article.checker.common import (
    ALLOCATION,
    DATE,
    INFOBOX,
    INFOBOX_TABLES,
    MAJORITY,
    NATIONAL,
    OWN_VOTES,
    PREVIOUS,
    PROSE,
    PROSE_TEXT,
    REC_DATE,
    REC_PCT,
    REC_SEATS,
    REC_TURNOUT,
    REC_VOTES,
    SEAT_CHANGE,
    SUM,
    SYSTEM,
    SYSTEM_TEXT,
    TABLES,
    TOTALS,
    TURNOUT,
    Key,
)
from korelect.analysis.article.checker.facts import Draft, Fact, Rec, number_of
from korelect.analysis.article.checker.numbers import Num, Value, agree, show
from korelect.analysis.article.checker.parties import is_known
from korelect.analysis.article.checker.record import Record
from korelect.base.numbers import fmt_count
from korelect.errors import KorelectError

_TOPICS = {
    "date": (DATE, REC_DATE, ""),
    "last": (PREVIOUS, REC_SEATS, ""),
    "change": (SEAT_CHANGE, REC_SEATS, ""),
    "majority": (MAJORITY, SYSTEM, ""),
    "turnout": (TURNOUT, REC_TURNOUT, "%"),
    "turnout change": (TURNOUT, REC_TURNOUT, "pp"),
    "seats": (TABLES, REC_SEATS, ""),
    "votes": (TABLES, REC_VOTES, "votes"),
    "pct": (TABLES, REC_PCT, "%"),
}


def _reference(facts: Sequence[Fact], rec: Rec | None) -> Fact:
    """The fact taken for right: most support, then the record, authority, earlier line."""

    def score(f: Fact) -> tuple[int, int, int, int]:
        support = sum(1 for g in facts if agree(f.value, g.value))
        by_record = 1 if rec is not None and agree(f.value, rec.value) else 0
        return (support, by_record, f.authority, -f.line)

    return max(facts, key=score)


def _internal_check(key: Key, odd: Fact, ref: Fact) -> str:
    """The name of the check that finds ``odd`` against ``ref``."""
    topic = key[0]
    if topic in ("date", "last", "change", "majority", "turnout", "turnout change"):
        return _TOPICS[topic][0]
    kinds = {odd.kind, ref.kind}
    if ALLOCATION in kinds:
        return OWN_VOTES
    if odd.kind == SYSTEM_TEXT:
        return SYSTEM
    if odd.kind == PROSE_TEXT:
        return PROSE
    if SUM in kinds and (odd.group and odd.group == ref.group):
        return TOTALS
    if INFOBOX in kinds:
        return INFOBOX_TABLES
    return TABLES


def _describe(fact: Fact, places: int | None, unit: str) -> str:
    """A fact with its place: ``149 (infobox: Party1 ..., Seats, line 19)``."""
    if fact.derived:
        return f"{show(fact.value, places=places, unit=unit)} ({fact.text})"
    where = f"{fact.where}, {fact.item}" if fact.item else fact.where
    return f"{fact.text} ({where}, line {fact.line})"


def _unit(key: Key) -> str:
    return _TOPICS.get(key[0], ("", "", ""))[2]


def _places(value: Value) -> int | None:
    return value.places if isinstance(value, Num) else None


class Comparison:
    """The facts of an article grouped by quantity, compared, with the record where known."""

    def __init__(self, facts: list[Fact], record: Record | None, source: str) -> None:
        self.by_key: dict[Key, list[Fact]] = defaultdict(list)
        for f in facts:
            self.by_key[f.key].append(f)
        self.record = record
        self.source = source
        self._records: dict[Key, Rec | None] = {}

    def rec(self, key: Key) -> Rec | None:
        """The record's figure for a key (computed once)."""
        if self.record is None:
            return None
        if key not in self._records:
            try:
                self._records[key] = self.record.value(key)
            except KorelectError:
                self._records[key] = None
        return self._records[key]

    def run(self) -> list[Draft]:
        """Compare until the set of wrong printed figures settles; the findings of that pass."""
        blamed: frozenset[int] = frozenset()
        drafts: list[Draft] = []
        for _ in range(10):
            now, drafts = self._pass(blamed)
            if now == blamed:
                break
            blamed = now
        return drafts

    def _pass(self, blamed: frozenset[int]) -> tuple[frozenset[int], list[Draft]]:
        wrong: set[int] = set()
        drafts: list[Draft] = []
        for key, all_facts in self.by_key.items():
            facts = [f for f in all_facts if not (f.derived and f.inputs & blamed)]
            if not facts:
                continue
            rec = self.rec(key)
            ref = _reference(facts, rec)
            support = [f for f in facts if agree(f.value, ref.value)]
            for odd in (f for f in facts if not agree(f.value, ref.value)):
                if not odd.derived:
                    wrong.add(odd.id)
                drafts.append(self._internal(key, odd, ref, support, rec))
            printed = [f for f in support if not f.derived]
            if rec is not None and printed and not agree(ref.value, rec.value):
                wrong.update(f.id for f in printed)
                drafts.append(self._against_record(key, printed, support, rec))
            elif rec is not None:
                # within rounding of the figure taken for right, but not of the record: 8.58
                # beside 8.57 (their ranges meet at 8.575) where the exact share is 8.574
                off = [f for f in printed if not agree(f.value, rec.value)]
                if off:
                    wrong.update(f.id for f in off)
                    drafts.append(self._against_record(key, off, off, rec))
        return frozenset(wrong), drafts

    def _internal(
        self, key: Key, odd: Fact, ref: Fact, support: list[Fact], rec: Rec | None
    ) -> Draft:
        """A fact that disagrees with the article's other facts about the same quantity.

        A printed fact is reported at its own line; a derived one (a sum whose
        inputs are not found wrong elsewhere) at the line of the row it sums to.
        ``ours`` shows the printed figure it contradicts (the sum of the same
        table for a totals row; a derived figure where nothing printed agrees).
        """
        best = max(
            support,
            key=lambda f: (
                bool(odd.group) and f.group == odd.group and f.derived,
                not f.derived,
                f.authority,
                -f.line,
            ),
        )
        unit = _unit(key)
        places = _places(odd.value)
        ours = _describe(best, places, unit)
        theirs = _describe(odd, places, unit) if odd.derived else odd.text
        notes = [
            f"{odd.text}, while {best.label()} prints {best.text}"
            if odd.derived
            else f"line {odd.line} vs {best.label()}"
        ]
        others = [f.label() for f in support if f is not best and not f.derived]
        if others:
            notes.append("also " + ", ".join(others))
        notes += [f.detail for f in (best, odd) if f.detail]
        sources = [self.source]
        if rec is not None:
            says = show(rec.value, places=places, unit=unit)
            if agree(ref.value, rec.value):
                verdict = f"the record agrees: {says}"
            elif agree(odd.value, rec.value):
                verdict = f"the record agrees with this line: {says}"
            else:
                verdict = f"the record gives {says}: neither is right"
            notes.append(verdict + (f" ({rec.detail})" if rec.detail else ""))
            sources.append(rec.source)
        if isinstance(odd.value, Num) and odd.value.unsigned:
            notes.append("printed without a sign: only its size is compared")
        return Draft(
            odd.line,
            _internal_check(key, odd, ref),
            odd.where,
            odd.item,
            ours,
            theirs,
            "; ".join(notes),
            tuple(sources),
            odd.id,
        )

    def _against_record(
        self, key: Key, printed: list[Fact], support: list[Fact], rec: Rec
    ) -> Draft:
        """Figures the article agrees on that the record contradicts: one finding."""
        first = min(printed, key=lambda f: f.line)
        unit = _unit(key)
        check = _TOPICS.get(key[0], ("", REC_SEATS, ""))[1]
        if first.kind == SYSTEM_TEXT:
            check = SYSTEM
        ours = show(rec.value, places=_places(first.value), unit=unit)
        ours += f" ({rec.detail or rec.source})"
        notes = []
        others = [f.label() for f in support if f is not first]
        if others:
            notes.append("also " + ", ".join(others))
        if isinstance(first.value, Num):
            if first.value.unsigned:
                notes.append("printed without a sign: only its size is compared")
            notes.append(self._explain(key, first.value))
        return Draft(
            first.line,
            check,
            first.where,
            first.item,
            ours,
            first.text,
            "; ".join(n for n in notes if n),
            (self.source, rec.source),
            first.id,
        )

    def _explain(self, key: Key, printed: Num) -> str:
        """Why a printed vote count or share may differ from the record, where that is known."""
        if self.record is None or key[3:] != (NATIONAL,) or not is_known(key[1]):
            return ""
        if key[0] == "votes" and key[2] == "constituency":
            return self.record.vote_gap(key[1], int(printed.value))
        if key[0] != "pct":
            return ""
        rec = self.rec(key)
        own = [
            f
            for f in self.by_key.get(("votes", *key[1:]), [])
            if not f.derived and isinstance(f.value, Num)
        ]
        if rec is None or rec.whole is None or not own:
            return ""
        share = Num(number_of(own[0]) / rec.whole * 100)
        if not agree(share, printed):
            return ""
        return (
            f"it is the article's own {own[0].text} (line {own[0].line}) of the record's "
            f"{fmt_count(int(rec.whole))} valid votes"
        )
