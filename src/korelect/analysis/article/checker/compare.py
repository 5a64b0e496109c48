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
from korelect.analysis.article.checker.numbers import (
    Agreement,
    Num,
    Signature,
    Value,
    agree,
    show,
    signature,
)
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


MAX_ALSO = 5
"""The most other places a finding's note lists as also printing the figure taken for right."""
_FEW = 6
"""Up to this many facts about a quantity are compared pair by pair."""


def _reference(facts: Sequence[Fact], rec: Rec | None, keys: dict[int, Signature]) -> Fact:
    """The fact taken for right: most support, then the record, authority, earlier line.

    Support is counted by :class:`~.numbers.Agreement` (every pair of facts is not
    compared), and each distinct value is compared with the record once; ``keys``
    holds each fact's :func:`~.numbers.signature`, by its id.
    """
    by_record: dict[Signature, int] = {}

    def record_agrees(f: Fact) -> int:
        key = keys[f.id]
        if key not in by_record:
            by_record[key] = 1 if rec is not None and agree(f.value, rec.value) else 0
        return by_record[key]

    if len(facts) <= _FEW:  # every pair, as quick as indexing them
        return max(
            facts,
            key=lambda f: (
                sum(1 for g in facts if agree(f.value, g.value)),
                record_agrees(f),
                f.authority,
                -f.line,
            ),
        )
    tally = Agreement((keys[f.id], f.value) for f in facts)
    return max(
        facts,
        key=lambda f: (tally.support(keys[f.id], f.value), record_agrees(f), f.authority, -f.line),
    )


def _also(facts: Sequence[Fact], skip: Fact | None = None) -> str:
    """``"also line 3 (...), line 9 (...)"``: where ``facts`` but ``skip`` are, the first few.

    ``skip`` is one of ``facts`` or None; past :data:`MAX_ALSO` places the note says how
    many more there are.
    """
    shown: list[str] = []
    for f in facts:
        if len(shown) == MAX_ALSO:
            break
        if f is not skip:
            shown.append(f.label())
    if not shown:
        return ""
    more = len(facts) - (0 if skip is None else 1) - len(shown)
    return "also " + ", ".join(shown) + (f", and {more} more" if more > 0 else "")


class _Agrees:
    """Whether a fact's figure agrees with ``value``: compared once per distinct figure."""

    def __init__(self, value: Value, keys: dict[int, Signature]) -> None:
        self.value = value
        self.keys = keys
        self._seen: dict[Signature, bool] = {}

    def __call__(self, fact: Fact) -> bool:
        key = self.keys[fact.id]
        found = self._seen.get(key)
        if found is None:
            found = self._seen[key] = agree(fact.value, self.value)
        return found


class _Settled:
    """One quantity compared: the fact taken for right, those agreeing, the record.

    What every finding about the quantity shares is worked out once: the figure
    shown against each group's odd facts, the record's figure to so many places,
    and which figures the record agrees with.
    """

    def __init__(
        self, ref: Fact, support: list[Fact], rec: Rec | None, keys: dict[int, Signature]
    ) -> None:
        self.ref = ref
        self.support = support
        self.printed = [f for f in support if not f.derived]
        self.rec = rec
        self._best: dict[str, Fact] = {}
        self._says: dict[int | None, str] = {}
        self._by_record = _Agrees(rec.value, keys) if rec is not None else None
        self.ref_by_record = rec is not None and agree(ref.value, rec.value)

    def best(self, group: str) -> Fact:
        """The agreeing fact shown against an odd fact of ``group``."""
        found = self._best.get(group)
        if found is None:
            found = self._best[group] = max(
                self.support,
                key=lambda f: (
                    bool(group) and f.group == group and f.derived,
                    not f.derived,
                    f.authority,
                    -f.line,
                ),
            )
        return found

    def by_record(self, fact: Fact) -> bool:
        """Whether the record agrees with a fact's figure."""
        return self._by_record is not None and self._by_record(fact)

    def says(self, places: int | None, unit: str) -> str:
        """The record's figure, to ``places`` decimals."""
        if places not in self._says and self.rec is not None:
            self._says[places] = show(self.rec.value, places=places, unit=unit)
        return self._says.get(places, "")


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
        self.keys: dict[int, Signature] = {}
        """Each fact's figure as a key (:func:`~.numbers.signature`), by the fact's id."""
        for f in facts:
            self.by_key[f.key].append(f)
            self.keys[f.id] = signature(f.value)
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
            drafts = []  # the last pass's findings are not kept while the next one runs
            now, drafts = self._pass(blamed)
            if now == blamed:
                break
            blamed = now
        return drafts

    def _pass(self, blamed: frozenset[int]) -> tuple[frozenset[int], list[Draft]]:
        wrong: set[int] = set()
        drafts: list[Draft] = []
        uses_blamed: dict[int, bool] = {}  # by the id of a derived fact's inputs (often shared)

        def kept(f: Fact) -> bool:
            if not f.derived:
                return True
            if id(f.inputs) not in uses_blamed:
                uses_blamed[id(f.inputs)] = not f.inputs.isdisjoint(blamed)
            return not uses_blamed[id(f.inputs)]

        for key, all_facts in self.by_key.items():
            facts = [f for f in all_facts if kept(f)]
            if not facts:
                continue
            rec = self.rec(key)
            ref = _reference(facts, rec, self.keys)
            agrees = _Agrees(ref.value, self.keys)
            settled = _Settled(ref, [f for f in facts if agrees(f)], rec, self.keys)
            for odd in (f for f in facts if not agrees(f)):
                if not odd.derived:
                    wrong.add(odd.id)
                drafts.append(self._internal(key, odd, settled))
            support, printed = settled.support, settled.printed
            if rec is not None and printed and not settled.ref_by_record:
                wrong.update(f.id for f in printed)
                drafts.append(self._against_record(key, printed, support, rec))
            elif rec is not None:
                # within rounding of the figure taken for right, but not of the record: 8.58
                # beside 8.57 (their ranges meet at 8.575) where the exact share is 8.574
                off = [f for f in printed if not settled.by_record(f)]
                if off:
                    wrong.update(f.id for f in off)
                    drafts.append(self._against_record(key, off, off, rec))
        return frozenset(wrong), drafts

    def _internal(self, key: Key, odd: Fact, settled: _Settled) -> Draft:
        """A fact that disagrees with the article's other facts about the same quantity.

        A printed fact is reported at its own line; a derived one (a sum whose
        inputs are not found wrong elsewhere) at the line of the row it sums to.
        ``ours`` shows the printed figure it contradicts (the sum of the same
        table for a totals row; a derived figure where nothing printed agrees).
        """
        ref, rec = settled.ref, settled.rec
        best = settled.best(odd.group)
        unit = _unit(key)
        places = _places(odd.value)
        ours = _describe(best, places, unit)
        theirs = _describe(odd, places, unit) if odd.derived else odd.text
        notes = [
            f"{odd.text}, while {best.label()} prints {best.text}"
            if odd.derived
            else f"line {odd.line} vs {best.label()}"
        ]
        also = _also(settled.printed, None if best.derived else best)
        if also:
            notes.append(also)
        notes += [f.detail for f in (best, odd) if f.detail]
        sources = [self.source]
        if rec is not None:
            says = settled.says(places, unit)
            if settled.ref_by_record:
                verdict = f"the record agrees: {says}"
            elif settled.by_record(odd):
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
        also = _also(support, first)
        if also:
            notes.append(also)
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
