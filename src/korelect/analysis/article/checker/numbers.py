"""Numbers as the article prints them: parsing, comparing as printed, and showing."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from fractions import Fraction

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
    """Whether two figures can be the same: exactly, or after rounding as printed."""
    if isinstance(a, Num) and isinstance(b, Num):
        unsigned = a.unsigned or b.unsigned
        x = Num(abs(a.value) if unsigned else a.value, a.places)
        y = Num(abs(b.value) if unsigned else b.value, b.places)
        if x.places is None and y.places is None:
            return x.value == y.value
        if x.places is None or y.places is None:
            exact, printed = (x, y) if x.places is None else (y, x)
            places = printed.places or 0
            return round_half_up(exact.value, places) == printed.value
        low_x, high_x = x.bounds()
        low_y, high_y = y.bounds()
        return low_x <= high_y and low_y <= high_x
    if isinstance(a, Num) or isinstance(b, Num):
        return False
    return a == b


def parse_number(text: str) -> Num | None:
    """A printed number: ``"7,923,718"``, ``"38.49%"``, ``"3.91pp"``, ``"219 seats"``."""
    raw = re.sub(r"\[[^\]]*\]", "", text).strip()
    raw = re.sub(r"(?i)\s*(%|pp|p\.p\.|%p|seats?|votes?)$", "", raw).replace(",", "").strip()
    raw = raw.replace("−", "-").replace("–", "-")
    if not re.fullmatch(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)", raw):
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
