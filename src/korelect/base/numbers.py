"""Exact numbers: half-up rounding, parsing of shares, and display.

Allocation code works in ``int`` and :class:`fractions.Fraction` only; floats
appear only when a number is formatted for people.
"""

from __future__ import annotations

import math
from decimal import Decimal, InvalidOperation
from fractions import Fraction

from korelect.errors import InputError

Number = int | Fraction


def round_half_up(value: Fraction, digits: int = 0) -> Fraction:
    """Round ``value`` to ``digits`` decimal places, halves away from zero (반올림).

    Korean law rounds half up ("소수점 첫째자리에서 반올림"); Python's
    ``round`` rounds half to even, which is not the law.

    >>> round_half_up(Fraction(5, 2))
    Fraction(3, 1)
    >>> round_half_up(Fraction(-5, 2))
    Fraction(-3, 1)
    >>> round_half_up(Fraction(123455, 1000000), 4)
    Fraction(247, 2000)
    """
    scale = Fraction(10) ** digits
    scaled = abs(value) * scale
    rounded = math.floor(scaled + Fraction(1, 2))
    return Fraction(rounded if value >= 0 else -rounded) / scale


def parse_share(text: str | int | float | Fraction, *, what: str = "share") -> Fraction:
    """Read a share exactly: ``"3%"``, ``"0.03"``, ``"3/100"`` or a Fraction.

    Floats are refused because they are not exact.

    >>> parse_share("3%")
    Fraction(3, 100)
    >>> parse_share("2.5 %")
    Fraction(1, 40)
    >>> parse_share("1/2")
    Fraction(1, 2)
    """
    if isinstance(text, bool):
        raise InputError(f"{what} must be a number such as '3%' or '1/2' (got {text!r})")
    if isinstance(text, Fraction):
        value = text
    elif isinstance(text, int):
        value = Fraction(text)
    elif isinstance(text, float):
        raise InputError(
            f"{what} must be exact: write it as a string such as '3%' or '1/2' (got {text!r})"
        )
    elif isinstance(text, str):
        raw = text.strip()
        percent = raw.endswith("%")
        if percent:
            raw = raw[:-1].strip()
        try:
            value = Fraction(raw) if "/" in raw else Fraction(Decimal(raw))
        except (ValueError, ZeroDivisionError, InvalidOperation, OverflowError):
            raise InputError(
                f"{what} must be a number such as '3%', '0.03' or '1/2' (got {text!r})"
            ) from None
        if percent and "/" in raw:
            raise InputError(f"{what}: write a percentage as '3%' (got {text!r})")
        if percent:
            value /= 100
    else:
        raise InputError(f"{what} must be a number such as '3%' or '1/2' (got {text!r})")
    if value < 0:
        raise InputError(f"{what} must be >= 0 (got {text!r})")
    return value


def as_count(value: object, *, what: str) -> int:
    """Check that ``value`` is a non-negative integer count.

    >>> as_count(5, what="seats")
    5
    >>> as_count(-1, what="seats")
    Traceback (most recent call last):
    ...
    korelect.errors.InputError: 'seats' must be >= 0 (got -1)
    """
    if isinstance(value, bool) or not isinstance(value, int):
        raise InputError(f"'{what}' must be an integer (got {value!r})")
    if value < 0:
        raise InputError(f"'{what}' must be >= 0 (got {value!r})")
    return value


def as_votes(value: object, *, what: str) -> Number:
    """Check that ``value`` is a non-negative exact number of votes (int or Fraction).

    Fractions are allowed so that published percentages can be used as votes.

    >>> as_votes(Fraction("38.3"), what="votes")
    Fraction(383, 10)
    """
    if isinstance(value, bool) or not isinstance(value, int | Fraction):
        raise InputError(f"'{what}' must be an int or Fraction (got {value!r})")
    if value < 0:
        raise InputError(f"'{what}' must be >= 0 (got {value!r})")
    return value


def fmt_decimal(value: Number, places: int = 4) -> str:
    """Format an exact number with ``places`` decimals, half up, for display.

    >>> fmt_decimal(Fraction(2, 3), 4)
    '0.6667'
    >>> fmt_decimal(7, 2)
    '7.00'
    """
    rounded = round_half_up(Fraction(value), places)
    text = f"{Decimal(rounded.numerator) / Decimal(rounded.denominator):.{places}f}"
    return "0." + "0" * places if text.startswith("-") and rounded == 0 else text


def fmt_percent(value: Fraction, places: int = 2) -> str:
    """Format a share as a percentage.

    >>> fmt_percent(Fraction(3, 100))
    '3.00%'
    """
    return fmt_decimal(value * 100, places) + "%"


def fmt_share(value: Fraction) -> str:
    """Write a threshold share the way the law does: ``3%``, ``2.5%``, ``1/3``.

    >>> fmt_share(Fraction(3, 100)), fmt_share(Fraction(1, 40)), fmt_share(Fraction(1, 3))
    ('3%', '2.5%', '1/3')
    """
    percent = value * 100
    if percent.denominator in (1, 2, 4, 5, 8, 10, 20, 25, 50, 100):
        text = f"{Decimal(percent.numerator) / Decimal(percent.denominator):f}"
        if "." in text:
            text = text.rstrip("0").rstrip(".")
        return text + "%"
    return f"{value.numerator}/{value.denominator}"


def exact_str(value: Number) -> str:
    """Write an exact number for JSON: ``"7"`` or ``"7/3"``.

    >>> exact_str(Fraction(7, 3)), exact_str(4)
    ('7/3', '4')
    """
    value = Fraction(value)
    return (
        str(value.numerator) if value.denominator == 1 else f"{value.numerator}/{value.denominator}"
    )


def fmt_votes(votes: Number) -> str:
    """Votes with thousands separators; fractional votes (percentages) with 2 decimals.

    >>> fmt_votes(8145824), fmt_votes(Fraction(383, 10))
    ('8,145,824', '38.30')
    """
    if isinstance(votes, int) or Fraction(votes).denominator == 1:
        return f"{int(votes):,}"
    return fmt_decimal(votes, 2)


def fmt_count(value: int) -> str:
    """A count with thousands separators.

    >>> fmt_count(7923718)
    '7,923,718'
    """
    return f"{value:,}"


def parse_printed(text: str) -> tuple[Fraction, int] | None:
    """A number as printed and its decimals (None where the text is not a finite number).

    Reads ``'38.49%'``, ``'7,923,718'``, ``'3.91pp'`` and ``'149 seats'``.

    >>> parse_printed("38.49%"), parse_printed("7,923,718"), parse_printed("n/a")
    ((Fraction(3849, 100), 2), (Fraction(7923718, 1), 0), None)
    """
    raw = text.strip().removesuffix("%").removesuffix("pp").replace(",", "").strip()
    if raw.endswith(" seats"):
        raw = raw.removesuffix(" seats")
    try:
        value = Decimal(raw)
    except InvalidOperation:
        return None
    if not value.is_finite():
        return None
    exponent = value.as_tuple().exponent
    places = -exponent if isinstance(exponent, int) and exponent < 0 else 0
    return Fraction(value), places


def round_percent(value: Fraction, places: int) -> Fraction:
    """A share as a percentage rounded half up to ``places`` decimals.

    >>> round_percent(Fraction(1, 8), 1)
    Fraction(25, 2)
    """
    return round_half_up(value * 100, places)


def percent_text(value: Fraction, places: int) -> str:
    """A share as a percentage with ``places`` decimals, half up, without the ``%``.

    >>> percent_text(Fraction(1, 8), 1)
    '12.5'
    """
    return fmt_decimal(value * 100, places)


def share_of(part: int, whole: int) -> Fraction:
    """``part`` over ``whole`` exactly (0 where ``whole`` is 0).

    >>> share_of(1, 4), share_of(3, 0)
    (Fraction(1, 4), Fraction(0, 1))
    """
    return Fraction(part, whole) if whole else Fraction(0)
