"""Apportionment methods in exact arithmetic: largest remainder and divisor methods.

Quota (largest remainder) methods give each entry the integer part of
``weight / quota`` and hand the seats left over to the largest remainders:

=====================  ====================================  ==================
method                 quota                                 also known as
=====================  ====================================  ==================
``hare``               V / S                                 Hamilton, Hare–Niemeyer
``droop``              floor(V / (S + 1)) + 1
``hagenbach-bischoff`` V / (S + 1)
``imperiali``          V / (S + 2)
=====================  ====================================  ==================

Divisor (highest averages) methods give seats one by one to the highest
quotient ``weight / d(k)``, ``k`` being the seats the entry already holds:

==========================  ===========================  ==================
method                      d(k)                         also known as
==========================  ===========================  ==================
``dhondt``                  k + 1                        Jefferson
``sainte-lague``            2k + 1                       Webster
``modified-sainte-lague``   1.4, then 2k + 1             Scandinavian
``adams``                   k                            smallest divisors
``huntington-hill``         sqrt(k (k + 1))              equal proportions
``dean``                    2k (k + 1) / (2k + 1)        harmonic mean
==========================  ===========================  ==================

Every comparison is exact: Huntington–Hill compares squared quotients, so no
square root is ever taken. A divisor of 0 (Adams, Huntington–Hill, Dean for
an entry without a seat) gives an infinite quotient: every entry with votes
gets a first seat before anyone gets a second.

When the quotas of Droop, Hagenbach-Bischoff or Imperiali give more integer
seats than there are seats, the surplus is taken from the entries with the
smallest remainders (recorded as ``removed`` in the result), one per entry per
round. When a whole-vote Droop quota is large against few votes and more
seats are left than entries, the largest remainders get one seat per round;
entries without votes never get a seat.

Divisor methods award their seats one at a time (each award is a step of the audit
trail), and Droop's leftover seats go one round at a time: both are bounded by
:data:`MAX_STEPS` seats, far above any assembly, so that no input makes them run for
hours; more is one :class:`~korelect.errors.InputError`.

Known deviations: none of these is Korean law by itself; the law's own steps
(thresholds, the 3–5% seat, the linked formula) are in ``korelect.engine.formulas``.

>>> r = apportion({"A": 5, "B": 3, "C": 2}, 4, "hare")
>>> dict(r.seats)
{'A': 2, 'B': 1, 'C': 1}
>>> dict(apportion({"A": 5, "B": 3, "C": 2}, 4, "dhondt").seats)
{'A': 2, 'B': 1, 'C': 1}
"""

from __future__ import annotations

import heapq
import math
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from fractions import Fraction
from types import MappingProxyType

from korelect.base.numbers import Number, as_count, exact_str, fmt_decimal
from korelect.engine.entries import EntriesLike, Entry, as_entries, total_votes
from korelect.engine.ties import Tie, TieBreaker
from korelect.errors import AllocationError, InputError
from korelect.law.methods import QUOTA_METHODS, method_name
from korelect.law.thresholds import Condition, parse_threshold
from korelect.law.ties import TieRule


@dataclass(frozen=True, slots=True)
class Qualification:
    """Whether one entry may receive seats under the threshold, and why."""

    name: str
    votes: Number
    district_seats: int
    is_party: bool
    qualified: bool
    because: Condition | tuple[tuple[str, ...], tuple[str, ...]] | None = None
    """The threshold it was tested against (its reasons are written when asked for), or the
    reasons themselves: (met, unmet)."""
    total: Number = 0
    """The threshold's denominator (the valid vote)."""
    _written: tuple[tuple[str, ...], tuple[str, ...]] | None = field(
        default=None, init=False, repr=False, compare=False
    )

    @property
    def share(self) -> Fraction:
        """Its share of the threshold's denominator (the valid vote)."""
        return Fraction(self.votes) / Fraction(self.total) if self.total else Fraction(0)

    @property
    def met(self) -> tuple[str, ...]:
        """The parts of the threshold it met, described with its own figures."""
        return self._reasons()[0]

    @property
    def unmet(self) -> tuple[str, ...]:
        """The parts of the threshold it did not meet, described with its own figures."""
        return self._reasons()[1]

    def _reasons(self) -> tuple[tuple[str, ...], tuple[str, ...]]:
        if isinstance(self.because, tuple):
            return self.because
        if self.because is None or not self.is_party:
            return (), ()
        if self._written is None:  # written once, when first asked for
            verdict = self.because.test(
                votes=self.votes, district_seats=self.district_seats, total=self.total
            )
            object.__setattr__(self, "_written", (verdict.met, verdict.unmet))
        assert self._written is not None  # noqa: S101  (narrows the type)
        return self._written

    def describe(self) -> str:
        """One line for the audit trail."""
        if not self.is_party:
            return f"{self.name}: not a party; counts in the vote total only"
        if self.qualified:
            return f"{self.name}: qualifies ({'; '.join(self.met) or 'no threshold'})"
        return f"{self.name}: does not qualify ({'; '.join(self.unmet)})"


@dataclass(frozen=True, slots=True)
class Row:
    """One entry's line in an apportionment."""

    name: str
    weight: Number
    """Votes, or district seats for the seat-based 1988/1992 allocation."""
    quotient: Fraction | None
    """Quota methods: weight / quota. Divisor methods: the quotient of its last seat won."""
    whole: int
    """Quota methods: seats from the integer part. Divisor methods: all its seats."""
    remainder: Fraction | None
    """Quota methods: the fractional part left after the integer part."""
    remainder_seat: bool
    """Quota methods: whether it won a seat on its remainder."""
    seats: int


@dataclass(frozen=True, slots=True)
class Award:
    """One seat given by a divisor method: its number, winner and quotient."""

    seat: int
    name: str
    quotient: Fraction | None
    """Exact quotient; ``None`` means infinite (a divisor of 0). For Huntington–Hill, squared."""


@dataclass(frozen=True)
class Apportionment:
    """An apportionment of ``house`` seats, with the steps that produced it."""

    stage: str
    """What these seats are, e.g. ``"list seats"`` or ``"parallel tier (17 seats)"``."""
    method: str
    house: int
    seats: Mapping[str, int]
    """Seats per entry, every input entry included (0 where none)."""
    rows: tuple[Row, ...]
    """One row per entry that took part (those that qualified)."""
    quota: Fraction | None = None
    awards: tuple[Award, ...] = ()
    removed: tuple[str, ...] = ()
    """Quota methods: entries that lost a seat because the quota over-allocated."""
    qualification: tuple[Qualification, ...] = ()
    ties: tuple[Tie, ...] = ()
    base: Fraction | None = None
    """Quota methods: the whole the quota is taken of, when it is not the weights' sum.

    1996, 2000 (공직선거및선거부정방지법 1994, art. 189): the weights are the shares
    rounded half up at the 5th decimal place and the quota is of 1, so each share is
    multiplied by the seats as it stands, never rescaled by the rounded shares' sum.
    """

    @property
    def squared_quotients(self) -> bool:
        """Whether quotients are squared (Huntington–Hill)."""
        return self.method == "huntington-hill"

    def explain(self) -> str:
        """The steps in words, one line each."""
        return "\n".join(explain_apportionment(self))

    def to_dict(self) -> dict[str, object]:
        """A JSON-ready record; exact numbers are strings like ``"7/3"``."""
        return {
            "stage": self.stage,
            "method": self.method,
            "house": self.house,
            "quota": None if self.quota is None else exact_str(self.quota),
            "base": None if self.base is None else exact_str(self.base),
            "seats": dict(self.seats),
            "rows": [
                {
                    "name": r.name,
                    "weight": exact_str(r.weight),
                    "quotient": None if r.quotient is None else exact_str(r.quotient),
                    "whole": r.whole,
                    "remainder": None if r.remainder is None else exact_str(r.remainder),
                    "remainder_seat": r.remainder_seat,
                    "seats": r.seats,
                }
                for r in self.rows
            ],
            "awards": [
                {
                    "seat": a.seat,
                    "name": a.name,
                    "quotient": None if a.quotient is None else exact_str(a.quotient),
                }
                for a in self.awards
            ],
            "removed": list(self.removed),
            "ties": [tie_to_dict(t) for t in self.ties],
        }


def tie_to_dict(tie: Tie) -> dict[str, object]:
    """A JSON-ready record of one tie."""
    return {
        "stage": tie.stage,
        "seats": tie.seats,
        "tied": list(tie.tied),
        "value": tie.value,
        "winners": list(tie.winners),
        "rule": tie.rule.value,
        "how": tie.how,
    }


def explain_apportionment(a: Apportionment) -> list[str]:
    """The audit lines of one apportionment."""
    lines: list[str] = []
    if a.quota is not None:
        lines.append(
            f"{a.house} seats by largest remainder ({a.method} quota {fmt_decimal(a.quota)}):"
        )
        width = max((len(r.name) for r in a.rows), default=4)
        weights = sum((Fraction(r.weight) for r in a.rows), Fraction(0))
        total = weights if a.base is None else a.base
        if a.base is not None:
            lines.append(
                f"  The quota is of {fmt_decimal(a.base, 0)}, not of the weights' sum "
                f"{_plain(weights)}: each weight x seats as it stands, not rescaled."
            )
        quotient = "share x seats" if a.method == "hare" else "weight / quota"
        lines.append(
            f"  {'':{width}}  {'weight':>14}  {'share':>9}  {quotient:>14}  {'integer':>7}  "
            f"{'remainder':>9}  {'seats':>5}"
        )
        for r in a.rows:
            mark = " +1 on remainder" if r.remainder_seat else ""
            if isinstance(r.weight, int) or r.weight.denominator == 1:
                weight = f"{int(r.weight):,}"
            else:
                weight = fmt_decimal(r.weight, 4)
            share = fmt_decimal(100 * Fraction(r.weight) / total, 4) + "%" if total else "-"
            lines.append(
                f"  {r.name:{width}}  {weight:>14}  {share:>9}  "
                f"{fmt_decimal(r.quotient or 0):>14}  {r.whole:>7}  "
                f"{fmt_decimal(r.remainder or 0):>9}  {r.seats:>5}{mark}"
            )
        whole = sum(r.whole for r in a.rows)
        left = a.house - whole
        if a.removed:
            lines.append(
                f"  The integer parts give {whole} seats, {-left} too many: one taken from "
                + ", ".join(a.removed)
                + " (smallest remainders)."
            )
        elif left:
            winners = [r.name for r in a.rows if r.remainder_seat]
            lines.append(
                f"  The integer parts give {whole} seats; the {left} left "
                f"go to the largest remainders: {', '.join(winners)}."
            )
        else:
            lines.append(f"  The integer parts give all {whole} seats.")
    else:
        lines.append(f"{a.house} seats by the {a.method} divisor method:")
        lines.extend(f"  {r.name}: {r.seats}" for r in a.rows)
        if a.awards:
            last = a.awards[-1]
            q = "infinite" if last.quotient is None else _quotient_text(a, last.quotient)
            lines.append(f"  Last seat (no. {last.seat}) to {last.name} at quotient {q}.")
    lines.extend("  " + t.describe() for t in a.ties)
    return lines


def _plain(value: Fraction) -> str:
    """An exact number in decimals: all of them when it has few, else 6."""
    places = 0
    while (value * 10**places).denominator != 1 and places < 6:
        places += 1
    return fmt_decimal(value, places)


def _quotient_text(a: Apportionment, q: Fraction) -> str:
    if a.squared_quotients:
        return f"{math.sqrt(q):.4f}"
    return fmt_decimal(q)


# -- the methods ---------------------------------------------------------------------------


MAX_STEPS = 100_000
"""Seats a divisor method awards one by one, or Droop's leftover seats given in rounds:
100,000, some 30 times the largest assembly in the world (at most a second or two)."""


def _quota(method: str, total: Fraction, seats: int) -> Fraction:
    if method == "hare":
        return total / seats
    if method == "droop":
        return Fraction(math.floor(total / (seats + 1)) + 1)
    if method == "hagenbach-bischoff":
        return total / (seats + 1)
    return total / (seats + 2)


def _largest_remainder(
    names: Sequence[str],
    weights: Mapping[str, Number],
    seats: int,
    method: str,
    tiebreaker: TieBreaker,
    stage: str,
    base: Fraction | None = None,
) -> tuple[Fraction, tuple[Row, ...], tuple[str, ...]]:
    counts = [weights[n] for n in names]
    if base is None:
        whole_counts = all(type(v) is int for v in counts)
        total = Fraction(sum(counts)) if whole_counts else sum(map(Fraction, counts), Fraction(0))
    else:
        total = base
    quota = _quota(method, total, seats)
    if all(type(v) is int for v in counts) and quota > 0:
        # v / (p / q) = v q / p: one division in integers, one Fraction a row
        p, q = quota.numerator, quota.denominator
        parts = {n: divmod(weights[n] * q, p) for n in names}
        whole = {n: parts[n][0] for n in names}
        remainder = {n: Fraction(parts[n][1], p) for n in names}
        quotients = {n: Fraction(weights[n] * q, p) for n in names}
    else:
        quotients = {n: Fraction(weights[n]) / quota for n in names}
        whole = {n: math.floor(quotients[n]) for n in names}
        remainder = {n: quotients[n] - whole[n] for n in names}
    left = seats - sum(whole.values())
    removed: tuple[str, ...] = ()
    extra: list[str] = []
    if left > MAX_STEPS:  # a whole-vote quota of 1 against far more seats than votes
        raise InputError(
            f"'seats': the {method} quota leaves {left:,} seats to give one round at a time; "
            f"at most {MAX_STEPS:,} can be"
        )
    if left > 0:
        voted = [n for n in names if weights[n] > 0]  # no votes, no seat
        extra = _in_rounds(
            voted, remainder, left, tiebreaker, f"{stage}: largest remainder", largest=True
        )
    elif left < 0:
        holders = [n for n in names if whole[n] > 0]
        removed = tuple(
            _in_rounds(
                holders,
                remainder,
                -left,
                tiebreaker,
                f"{stage}: over-allocation (smallest remainder)",
                largest=False,
                limit=whole,
            )
        )
    gained, lost = Counter(extra), Counter(removed)  # counted once: a pool may be long
    rows = tuple(
        Row(
            name=n,
            weight=weights[n],
            quotient=quotients[n],
            whole=whole[n],
            remainder=remainder[n],
            remainder_seat=n in gained,
            seats=whole[n] + gained[n] - lost[n],
        )
        for n in names
    )
    return quota, rows, removed


def _in_rounds(
    pool: Sequence[str],
    values: Mapping[str, Fraction],
    count: int,
    tiebreaker: TieBreaker,
    stage: str,
    *,
    largest: bool,
    limit: Mapping[str, int] | None = None,
) -> list[str]:
    """Pick ``count`` entries of ``pool`` by value, each at most once a round.

    One round is the rule; more are needed only when a whole-vote quota
    (Droop) leaves more seats than entries, or a small quota (Imperiali) gives
    more seats than there are. ``limit`` caps how often an entry can be picked.
    """
    picked: list[str] = []
    times: Counter[str] = Counter()
    while count:
        open_ = [n for n in pool if limit is None or times[n] < limit[n]]
        size = min(count, len(open_))
        chosen = _top(open_, values, size, tiebreaker, stage, largest=largest)
        picked.extend(chosen)
        times.update(chosen)
        count -= size
    return picked


def _top(
    names: Sequence[str],
    values: Mapping[str, Fraction],
    count: int,
    tiebreaker: TieBreaker,
    stage: str,
    *,
    largest: bool,
) -> tuple[str, ...]:
    """The ``count`` names with the largest (or smallest) values; ties go to the tie rule."""
    ordered = sorted(names, key=values.__getitem__, reverse=largest)  # stable both ways
    cut = values[ordered[count - 1]]
    sure = [n for n in ordered if (values[n] > cut if largest else values[n] < cut)]
    level = [n for n in ordered if values[n] == cut]
    need = count - len(sure)
    if need == len(level):
        return tuple(sure + level)
    won = tiebreaker.settle(
        stage, level, need, f"remainder {fmt_decimal(cut, 6)} ({exact_str(cut)})"
    )
    return tuple(sure + list(won))


def _divisor(method: str) -> Callable[[int], Fraction]:
    if method == "dhondt":
        return lambda k: Fraction(k + 1)
    if method == "sainte-lague":
        return lambda k: Fraction(2 * k + 1)
    if method == "modified-sainte-lague":
        return lambda k: Fraction(7, 5) if k == 0 else Fraction(2 * k + 1)
    if method == "adams":
        return Fraction
    if method == "huntington-hill":
        return lambda k: Fraction(k * (k + 1))  # squared divisor
    return lambda k: Fraction(2 * k * (k + 1), 2 * k + 1)


_Key = tuple[int, Fraction, int, str]
"""A divisor method's heap entry: (0 if infinite else 1, minus the quotient, place, name)."""


def _highest_averages(
    names: Sequence[str],
    weights: Mapping[str, Number],
    seats: int,
    method: str,
    tiebreaker: TieBreaker,
    stage: str,
) -> tuple[tuple[Row, ...], tuple[Award, ...]]:
    if seats > MAX_STEPS:
        raise InputError(
            f"'seats': the {method} method awards seats one at a time, at most "
            f"{MAX_STEPS:,} (got {seats:,})"
        )
    divisor = _divisor(method)
    squared = method == "huntington-hill"
    held = dict.fromkeys(names, 0)
    last: dict[str, Fraction | None] = dict.fromkeys(names)
    awards: list[Award] = []
    place = {n: i for i, n in enumerate(names)}

    def priority(n: str) -> Fraction | None:
        d = divisor(held[n])
        w = Fraction(weights[n]) ** 2 if squared else Fraction(weights[n])
        return None if d == 0 else w / d

    # A heap of (0 for an infinite quotient else 1, minus the quotient, place, name): the
    # highest quotient on top, and those equal to it next to it, in the entries' order.
    def key(n: str) -> _Key:
        value = priority(n)
        return (0, Fraction(0), place[n], n) if value is None else (1, -value, place[n], n)

    heap: list[_Key] = [key(n) for n in names if weights[n] > 0]
    heapq.heapify(heap)
    while len(awards) < seats:
        top = heapq.heappop(heap)
        tied = [top]
        while heap and heap[0][:2] == top[:2]:
            tied.append(heapq.heappop(heap))
        best: Fraction | None = None if top[0] == 0 else -top[1]
        level = [k[3] for k in tied]  # in the entries' order
        left = seats - len(awards)
        if len(level) > left:
            shown = (
                "infinite"
                if best is None
                else (
                    f"{math.sqrt(best):.6f} (squared {exact_str(best)})"
                    if squared
                    else f"{fmt_decimal(best, 6)} ({exact_str(best)})"
                )
            )
            level = list(tiebreaker.settle(f"{stage}: quotient", level, left, f"quotient {shown}"))
        won = set(level)
        for k in tied:
            n = k[3]
            if n in won:
                awards.append(Award(len(awards) + 1, n, best))
                last[n] = best
                held[n] += 1
                heapq.heappush(heap, key(n))
            else:
                heapq.heappush(heap, k)
    rows = tuple(
        Row(n, weights[n], last[n], held[n], None, remainder_seat=False, seats=held[n])
        for n in names
    )
    return rows, tuple(awards)


def run_method(
    weights: Mapping[str, Number],
    seats: int,
    method: str,
    tiebreaker: TieBreaker,
    *,
    stage: str,
    all_names: Sequence[str] | None = None,
    qualification: tuple[Qualification, ...] = (),
    base: Fraction | None = None,
) -> Apportionment:
    """Apportion ``seats`` among ``weights`` (already qualified) with a given tie breaker.

    ``base``, for the quota methods: the whole the quota is taken of, in place of the
    weights' sum (1996, 2000: ``Fraction(1)``, the weights being shares rounded half up
    at the 5th decimal place and multiplied by the seats as they stand, art. 189). The
    integer parts may then give more seats than there are (taken back from the smallest
    remainders) or leave more seats than there are weights (given in rounds). Divisor
    methods compare the weights among themselves and ignore it.

    Shares rounded to 4 decimals that add up to 1.0001, rescaled by their sum and not:

    >>> shares = {"A": Fraction("0.0323"), "B": Fraction("0.0876"), "C": Fraction("0.8802")}
    >>> tb = TieBreaker("raise", order=list(shares), votes=shares)
    >>> dict(run_method(shares, 46, "hare", tb, stage="list seats").seats)
    {'A': 2, 'B': 4, 'C': 40}
    >>> dict(run_method(shares, 46, "hare", tb, stage="list seats", base=Fraction(1)).seats)
    {'A': 1, 'B': 4, 'C': 41}
    """
    if base is not None and base <= 0:
        raise InputError(f"'base' must be > 0 (got {exact_str(base)})")
    method = method_name(method)
    names = list(weights)
    everyone = list(all_names) if all_names is not None else names
    before = len(tiebreaker.records)
    if seats == 0 or not names:
        if seats and not names:
            raise AllocationError(f"{stage}: {seats} seats to allocate but no entry qualifies")
        rows = tuple(
            Row(n, weights[n], None, 0, None, remainder_seat=False, seats=0) for n in names
        )
        return Apportionment(
            stage,
            method,
            seats,
            MappingProxyType(dict.fromkeys(everyone, 0)),
            rows,
            qualification=qualification,
        )
    if sum(Fraction(w) for w in weights.values()) == 0:
        raise AllocationError(f"{stage}: {seats} seats to allocate but the entries have no votes")
    quota: Fraction | None = None
    awards: tuple[Award, ...] = ()
    removed: tuple[str, ...] = ()
    if method in QUOTA_METHODS:
        quota, rows, removed = _largest_remainder(
            names, weights, seats, method, tiebreaker, stage, base
        )
    else:
        rows, awards = _highest_averages(names, weights, seats, method, tiebreaker, stage)
    result = dict.fromkeys(everyone, 0)
    result.update({r.name: r.seats for r in rows})
    return Apportionment(
        stage=stage,
        method=method,
        house=seats,
        seats=MappingProxyType(result),
        rows=rows,
        quota=quota,
        awards=awards,
        removed=removed,
        qualification=qualification,
        ties=tuple(tiebreaker.records[before:]),
        base=base if quota is not None else None,
    )


def qualify(
    entries: Sequence[Entry], threshold: Condition | None, total: Fraction
) -> tuple[Qualification, ...]:
    """Test every entry against the threshold; only parties can qualify."""
    result = []
    for e in entries:
        passed = e.is_party and (
            threshold is None
            or threshold.passes(votes=e.votes, district_seats=e.district_seats, total=total)
        )
        result.append(
            Qualification(e.name, e.votes, e.district_seats, e.is_party, passed, threshold, total)
        )
    return tuple(result)


def apportion(
    entries: EntriesLike,
    seats: int,
    method: str = "hare",
    *,
    threshold: Condition | str | None = None,
    ties: str | TieRule = TieRule.RAISE,
    seed: int = 0,
    total: Number | None = None,
) -> Apportionment:
    """Apportion ``seats`` among entries by ``method``, exactly.

    ``entries`` is a mapping of name to votes, or a sequence of
    :class:`~korelect.Entry` (which can carry district seats, for thresholds
    such as "3% OR 5 seats", and a kind: independents and ``other`` buckets
    count in the vote total but never receive seats). ``threshold`` is a
    :class:`~korelect.Condition` or a string such as ``"3% OR 5 seats"``,
    tested against ``total`` (default: the sum of all entries' votes).
    Ties raise :class:`~korelect.errors.TieError` unless ``ties`` says how to
    settle them; a lot is drawn from ``seed``.

    The 2004 list vote, with the small parties as a bucket that is not a
    party, gives the official 23/21/8/4 (the peers give 22/21/7/4/0/2):

    >>> from korelect import Entry
    >>> r = apportion([Entry("Uri", 383), Entry("GNP", 358), Entry("DLP", 130),
    ...                Entry("MDP", 71), Entry("ULD", 28, district_seats=4),
    ...                Entry("Other", 30, kind="other")], 56, threshold="3% OR 5 seats")
    >>> dict(r.seats)
    {'Uri': 23, 'GNP': 21, 'DLP': 8, 'MDP': 4, 'ULD': 0, 'Other': 0}
    """
    items = as_entries(entries)
    as_count(seats, what="seats")
    condition = parse_threshold(threshold) if isinstance(threshold, str) else threshold
    if condition is not None and not isinstance(condition, Condition):
        raise InputError(f"'threshold' must be a Condition or a string (got {threshold!r})")
    denominator = total_votes(items)
    if total is not None:
        if Fraction(total) < denominator:
            raise InputError(
                f"'total' must be at least the sum of the entries' votes "
                f"({exact_str(denominator)}) (got {exact_str(total)})"
            )
        denominator = Fraction(total)
    verdicts = qualify(items, condition, denominator)
    weights = {q.name: q.votes for q in verdicts if q.qualified}
    tiebreaker = TieBreaker(
        ties, seed=seed, order=[e.name for e in items], votes={e.name: e.votes for e in items}
    )
    return run_method(
        weights,
        seats,
        method,
        tiebreaker,
        stage="seats",
        all_names=[e.name for e in items],
        qualification=verdicts,
    )
