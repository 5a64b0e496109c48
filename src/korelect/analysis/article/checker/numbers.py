"""Numbers as the article prints them: parsing, comparing as printed, and showing."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from fractions import Fraction
from functools import lru_cache

from korelect.analysis.article.model import MAX_DIGITS
from korelect.base.numbers import fmt_count, fmt_decimal, round_half_up

NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
}  # fmt: skip
NUM = r"(?:\d{1,3}(?:,\d{3})+|\d+|" + "|".join(NUMBER_WORDS) + ")"
"""A number in figures or words, as a regular expression."""


@dataclass(frozen=True, slots=True)
class Num:
    """A number as printed (``places`` decimals, rounded) or exact (``places`` None)."""

    value: Fraction
    places: int | None = None
    unsigned: bool = False
    """Printed without a sign: only its size counts."""

    def bounds(self) -> tuple[Fraction, Fraction]:
        """The closed range of exact values that print as this number."""
        value = abs(self.value) if self.unsigned else self.value
        if self.places is None:
            return value, value
        half = Fraction(1, 2) / 10**self.places
        return value - half, value + half


Value = Num | date | str
"""A figure: a number, a date, or a word (``New``, ``Did not exist``)."""


def agree(a: Value, b: Value) -> bool:
    """Whether two figures can be the same: exactly, or after rounding as printed.

    >>> agree(Num(Fraction(8574, 1000)), Num(Fraction(857, 100), 2))
    True
    >>> agree(Num(Fraction(858, 100), 2), Num(Fraction(857, 100), 2))  # both from 8.575
    True
    >>> agree(Num(Fraction(-3), 0), Num(Fraction(3), 0, unsigned=True)), agree("New", "New")
    (True, True)
    """
    if isinstance(a, Num) and isinstance(b, Num):
        x, y = a.value, b.value
        if a.unsigned or b.unsigned:
            x, y = abs(x), abs(y)
        if a.places is None and b.places is None:
            return x == y
        if a.places is None or b.places is None:
            exact, printed, places = (x, y, b.places) if a.places is None else (y, x, a.places)
            return round_half_up(exact, places or 0) == printed
        # the closed ranges they round from meet
        return abs(x - y) <= _half(a.places) + _half(b.places)
    if isinstance(a, Num) or isinstance(b, Num):
        return False
    return a == b


MAX_TEXT = 200
"""The longest text read as a number (its digits, separators, unit and footnote marks)."""


Signature = tuple[object, ...]
"""A figure as a key: equal for equal figures, and quick to hash (a Fraction is not)."""


def signature(value: Value) -> Signature:
    """The key of a figure: ``(numerator, denominator, places, unsigned)`` for a number.

    >>> signature(Num(Fraction(857, 100), 2)), signature("New")
    ((857, 100, 2, False), ('New',))
    """
    if isinstance(value, Num):
        number = value.value
        return (number.numerator, number.denominator, value.places, value.unsigned)
    return (value,)


@lru_cache(maxsize=64)
def _half(places: int | None) -> Fraction:
    """Half the last printed place: how far an exact value may lie from a printed one."""
    return Fraction(0) if places is None else Fraction(1, 2 * 10**places)


class _Ranges:
    """Numbers by the range of values they round from, one sorted list per number of decimals.

    All the ranges of one number of decimals have the same width, so those meeting a
    range are found by two bisections in each list.
    """

    def __init__(self) -> None:
        self._levels: dict[int | None, list[tuple[Fraction, tuple[Signature, Num]]]] = {}
        self._sorted: list[tuple[Fraction, list[Fraction], list[tuple[Signature, Num]]]] = []
        self._ready = True

    def add(self, key: Signature, number: Num, at: Fraction) -> None:
        """File ``number`` under the range around ``at`` (its value, or its size)."""
        low = at - _half(number.places)
        self._levels.setdefault(number.places, []).append((low, (key, number)))
        self._ready = False

    def meeting(self, at: Fraction, places: int | None) -> Iterator[tuple[Signature, Num]]:
        """The numbers whose range meets the range around ``at`` printed to ``places``."""
        if not self._ready:
            self._sorted = []
            for level, items in self._levels.items():
                items.sort(key=lambda item: item[0])
                width = 2 * _half(level)
                self._sorted.append((width, [low for low, _ in items], [n for _, n in items]))
            self._ready = True
        half = _half(places)
        for width, lows, numbers in self._sorted:
            first = bisect_left(lows, at - half - width)
            yield from numbers[first : bisect_right(lows, at + half, first)]


class Agreement:
    """How many of some figures :func:`agree` with a figure, without comparing every pair.

    Equal figures are counted once with their number. Two numbers can agree only
    where the ranges they round from meet (an exact value is a range of one point),
    so only the numbers whose ranges meet the figure's are compared with it. A range
    meets at most three of the distinct numbers printed to as many decimals as it or
    fewer, for each number of decimals (at most
    :data:`~korelect.analysis.article.model.MAX_DIGITS`), so the pairs compared grow
    with the number of figures, not with its square. Figures are given with their
    :func:`signature` (a caller that has them saves computing them again).

    Below, 8.57 and 9 agree (9 rounds from 8.5 to 9.5), the exact 8 does with neither:

    >>> figures = [Num(Fraction(8)), Num(Fraction(857, 100), 2), Num(Fraction(9), 0), "New"]
    >>> tally = Agreement((signature(f), f) for f in [*figures, Num(Fraction(8))])
    >>> [tally.support(signature(f), f) for f in figures]
    [2, 2, 2, 1]
    >>> minus_nine = Num(Fraction(-9), 0, unsigned=True)
    >>> tally.support(signature(minus_nine), minus_nine)  # by its size: 8.57 and 9
    2
    """

    def __init__(self, figures: Iterable[tuple[Signature, Value]]) -> None:
        self.counts: Counter[Signature] = Counter()
        values: dict[Signature, Value] = {}
        for key, value in figures:
            self.counts[key] += 1
            values.setdefault(key, value)
        self._signed = _Ranges()
        """Numbers printed with their sign (or exact), by value."""
        self._unsigned = _Ranges()
        """Numbers printed without a sign, by size."""
        self._sizes = _Ranges()
        """Every number, by size."""
        for key, value in values.items():
            if isinstance(value, Num):
                size = abs(value.value)
                self._sizes.add(key, value, size)
                if value.unsigned:
                    self._unsigned.add(key, value, size)
                else:
                    self._signed.add(key, value, value.value)
        self._support: dict[Signature, int] = {}

    def support(self, key: Signature, value: Value) -> int:
        """How many of the figures agree with ``value`` (whose signature is ``key``)."""
        found = self._support.get(key)
        if found is not None:
            return found
        if not isinstance(value, Num):
            found = self.counts.get(key, 0)
        else:
            size = abs(value.value)
            # a number printed without a sign is compared by size with every other;
            # one with its sign by value with the signed, by size with the unsigned
            candidates: Iterable[tuple[Signature, Num]] = (
                self._sizes.meeting(size, value.places)
                if value.unsigned
                else (
                    *self._signed.meeting(value.value, value.places),
                    *self._unsigned.meeting(size, value.places),
                )
            )
            found = sum(self.counts[k] for k, other in candidates if agree(value, other))
        self._support[key] = found
        return found


@lru_cache(maxsize=1 << 14)  # tables print the same few numbers again and again
def parse_number(text: str) -> Num | None:
    """A printed number: ``"7,923,718"``, ``"38.49%"``, ``"3.91pp"``, ``"219 seats"``.

    A text of more than :data:`MAX_TEXT` characters, or a number of more than
    :data:`~korelect.analysis.article.model.MAX_DIGITS` digits, is not one.

    >>> parse_number("38.49%"), parse_number("7,923,718 [a]").value
    (Num(value=Fraction(3849, 100), places=2, unsigned=False), Fraction(7923718, 1))
    >>> parse_number("9" * 41) is None
    True
    """
    if len(text) > MAX_TEXT:
        return None
    if text.isdecimal():  # digits only: most cells
        return Num(Fraction(int(text)), 0) if len(text) <= MAX_DIGITS else None
    raw = re.sub(r"\[[^\]]*\]", "", text).strip()
    raw = re.sub(r"(?i)\s*(%|pp|p\.p\.|%p|seats?|votes?)$", "", raw).replace(",", "").strip()
    raw = raw.replace("−", "-").replace("–", "-")
    if not re.fullmatch(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)", raw):
        return None
    if len(raw.lstrip("+-").replace(".", "")) > MAX_DIGITS:
        return None
    try:
        value = Decimal(raw)
    except InvalidOperation:
        return None
    exponent = value.as_tuple().exponent
    places = -exponent if isinstance(exponent, int) and exponent < 0 else 0
    return Num(Fraction(value), places)


def integer(text: str) -> int | None:
    """A printed count, or None if the text is not one."""
    num = parse_number(text)
    if num is None or num.places or num.value.denominator != 1 or "." in text:
        return None
    return int(num.value)


def word_number(text: str) -> int | None:
    """``"seven"`` or ``"1,234"`` as an integer."""
    low = text.strip().lower()
    if low in NUMBER_WORDS:
        return NUMBER_WORDS[low]
    return integer(low)


def decimals(value: Fraction) -> int:
    """The fewest decimals that write ``value`` exactly (at least 0, at most 6)."""
    for places in range(7):
        if (value * 10**places).denominator == 1:
            return places
    return 6


def show(value: Value, *, places: int | None = None, unit: str = "") -> str:
    """A figure for a report, to ``places`` decimals where given."""
    if isinstance(value, date):
        return f"{value.day} {value:%B %Y}"
    if isinstance(value, str):
        return value
    number = abs(value.value) if value.unsigned else value.value
    digits = value.places if places is None else places
    if digits is None:
        if number.denominator == 1:
            text = fmt_count(int(number)) if unit == "votes" else str(int(number))
        else:
            text = fmt_decimal(number, 3)
    else:
        text = fmt_decimal(number, digits)
    if unit in ("%", "pp"):
        text += unit
    return text
