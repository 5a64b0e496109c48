"""Legal thresholds: who may receive list seats (의석할당정당).

A threshold is a condition on one entry: an exact share of a stated
denominator (by default the valid vote, i.e. the votes of every entry,
independents and buckets of small parties included), a number of district
seats, or a combination of these by OR and AND. "At least" is meant
literally: a party at exactly 3% passes a 3% threshold.

>>> t = VoteShare("3%") | DistrictSeats(5)
>>> str(t)
'3% OR 5 seats'
>>> t.test(votes=3, district_seats=0, total=100).passed
True
>>> parse_threshold("3% OR 5 seats") == t
True
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from fractions import Fraction
from functools import lru_cache

from korelect.base.numbers import Number, as_count, fmt_percent, fmt_share, parse_share
from korelect.errors import InputError


@dataclass(frozen=True, slots=True)
class Verdict:
    """Whether an entry meets a condition, and which parts it met."""

    passed: bool
    met: tuple[str, ...] = ()
    """The atomic conditions it met, described with its own figures."""
    unmet: tuple[str, ...] = ()
    """The atomic conditions it did not meet, described with its own figures."""


class Condition:
    """Base of threshold conditions; combine them with ``|`` (OR) and ``&`` (AND)."""

    __slots__ = ()

    def test(self, *, votes: Number, district_seats: int, total: Number) -> Verdict:
        """Test one entry against the condition."""
        raise NotImplementedError

    def passes(self, *, votes: Number, district_seats: int, total: Number) -> bool:
        """Whether one entry meets the condition (:meth:`test` without the reasons)."""
        return self.test(votes=votes, district_seats=district_seats, total=total).passed

    def __or__(self, other: Condition) -> AnyOf:
        return AnyOf((self, other))

    def __and__(self, other: Condition) -> AllOf:
        return AllOf((self, other))


@dataclass(frozen=True, slots=True)
class VoteShare(Condition):
    """At least ``share`` of the valid vote (the sum of all entries' votes).

    >>> VoteShare("3%").test(votes=299, district_seats=0, total=10_000).unmet
    ('2.99% of the vote < 3%',)
    """

    share: Fraction

    def __init__(self, share: str | int | Fraction) -> None:
        value = parse_share(share, what="vote share threshold")
        if value > 1:
            raise InputError(f"vote share threshold must be at most 100% (got {share!r})")
        object.__setattr__(self, "share", value)

    def test(self, *, votes: Number, district_seats: int, total: Number) -> Verdict:
        """Pass when votes >= share x total, compared exactly."""
        total_f = Fraction(total)
        got = Fraction(votes) / total_f if total_f else Fraction(0)
        passed = total_f > 0 and Fraction(votes) >= self.share * total_f
        text = f"{fmt_percent(got)} of the vote {'>=' if passed else '<'} {fmt_share(self.share)}"
        return Verdict(passed, (text,) if passed else (), () if passed else (text,))

    def passes(self, *, votes: Number, district_seats: int, total: Number) -> bool:
        """Votes >= share x total, compared exactly in integers."""
        # v / vd >= (s / sd) x (t / td), in integers (every denominator is positive)
        share = self.share
        return total > 0 and (
            votes.numerator * share.denominator * total.denominator
            >= share.numerator * total.numerator * votes.denominator
        )

    def __str__(self) -> str:
        return fmt_share(self.share)


@dataclass(frozen=True, slots=True)
class DistrictSeats(Condition):
    """At least ``at_least`` district (constituency) seats.

    >>> DistrictSeats(5).test(votes=0, district_seats=5, total=1).met
    ('5 district seats >= 5',)
    """

    at_least: int

    def __post_init__(self) -> None:
        as_count(self.at_least, what="district seats threshold")

    def test(self, *, votes: Number, district_seats: int, total: Number) -> Verdict:
        """Pass when the entry won at least ``at_least`` districts."""
        passed = self.passes(votes=votes, district_seats=district_seats, total=total)
        noun = "district seat" if district_seats == 1 else "district seats"
        text = f"{district_seats} {noun} {'>=' if passed else '<'} {self.at_least}"
        return Verdict(passed, (text,) if passed else (), () if passed else (text,))

    def passes(self, *, votes: Number, district_seats: int, total: Number) -> bool:
        """At least ``at_least`` district seats."""
        return district_seats >= self.at_least

    def __str__(self) -> str:
        return f"{self.at_least} seat" + ("" if self.at_least == 1 else "s")


@dataclass(frozen=True, slots=True)
class AnyOf(Condition):
    """Met when any of its conditions is met (the law's "또는", OR)."""

    conditions: tuple[Condition, ...] = field(default=())

    def __post_init__(self) -> None:
        flat = tuple(
            part
            for c in self.conditions
            for part in (c.conditions if isinstance(c, AnyOf) else (c,))
        )
        object.__setattr__(self, "conditions", flat)
        if len(self.conditions) < 2:
            raise InputError("OR needs at least two conditions")

    def test(self, *, votes: Number, district_seats: int, total: Number) -> Verdict:
        """Test every part; pass if any passes."""
        parts = [
            c.test(votes=votes, district_seats=district_seats, total=total) for c in self.conditions
        ]
        return Verdict(
            any(p.passed for p in parts),
            tuple(m for p in parts for m in p.met),
            tuple(u for p in parts for u in p.unmet),
        )

    def passes(self, *, votes: Number, district_seats: int, total: Number) -> bool:
        """Any part passes."""
        return any(
            c.passes(votes=votes, district_seats=district_seats, total=total)
            for c in self.conditions
        )

    def __str__(self) -> str:
        return " OR ".join(_wrapped(c, AllOf) for c in self.conditions)


@dataclass(frozen=True, slots=True)
class AllOf(Condition):
    """Met when all of its conditions are met (AND)."""

    conditions: tuple[Condition, ...] = field(default=())

    def __post_init__(self) -> None:
        flat = tuple(
            part
            for c in self.conditions
            for part in (c.conditions if isinstance(c, AllOf) else (c,))
        )
        object.__setattr__(self, "conditions", flat)
        if len(self.conditions) < 2:
            raise InputError("AND needs at least two conditions")

    def test(self, *, votes: Number, district_seats: int, total: Number) -> Verdict:
        """Test every part; pass if all pass."""
        parts = [
            c.test(votes=votes, district_seats=district_seats, total=total) for c in self.conditions
        ]
        return Verdict(
            all(p.passed for p in parts),
            tuple(m for p in parts for m in p.met),
            tuple(u for p in parts for u in p.unmet),
        )

    def passes(self, *, votes: Number, district_seats: int, total: Number) -> bool:
        """Every part passes."""
        return all(
            c.passes(votes=votes, district_seats=district_seats, total=total)
            for c in self.conditions
        )

    def __str__(self) -> str:
        return " AND ".join(_wrapped(c, AnyOf) for c in self.conditions)


def _wrapped(condition: Condition, needs_parens: type) -> str:
    text = str(condition)
    return f"({text})" if isinstance(condition, needs_parens) else text


_TOKEN = re.compile(
    r"\s*(?:(?P<open>\()|(?P<close>\))|(?P<op>\bOR\b|\bAND\b|\|\||&&)"
    r"|(?P<seats>\d+)\s*(?:district\s+)?seats?\b"
    r"|(?P<share>\d+(?:\.\d+)?\s*%|\d+\s*/\s*\d+|0?\.\d+))",
    re.IGNORECASE,
)


MAX_DEPTH = 32
"""Parentheses nested deeper than this are refused (the law's thresholds nest at most 1)."""


def _shown(text: str, width: int = 60) -> str:
    """``text`` quoted for a message, shortened to about ``width`` characters."""
    return (
        repr(text) if len(text) <= width else repr(text[:width]) + f"... ({len(text):,} characters)"
    )


def parse_threshold(text: str) -> Condition | None:
    """Read a threshold written as in the law: ``"3% OR 5 seats"``.

    Atoms are a share (``3%``, ``2.5%``, ``1/3``, ``0.03``) or a number of
    district seats (``5 seats``). ``AND`` binds tighter than ``OR``;
    parentheses group, at most :data:`MAX_DEPTH` deep. ``"none"`` (or an empty
    string) means no threshold.

    >>> parse_threshold("5 seats OR 5%")
    AnyOf(conditions=(DistrictSeats(at_least=5), VoteShare(share=Fraction(1, 20))))
    >>> str(parse_threshold("(3% OR 5 seats) AND 1 seat"))
    '(3% OR 5 seats) AND 1 seat'
    >>> parse_threshold("3 parsecs")
    Traceback (most recent call last):
    ...
    korelect.errors.InputError: threshold: cannot read '3 parsecs' at '3 parsecs'
    (expected e.g. '3% OR 5 seats')
    >>> parse_threshold("(" * 2000 + "3%" + ")" * 2000)
    Traceback (most recent call last):
    ...
    korelect.errors.InputError: threshold: parentheses nest deeper than 32 in
    '((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((... (4,002 characters)
    """
    if not isinstance(text, str):
        raise InputError(f"threshold must be a string such as '3% OR 5 seats' (got {text!r})")
    if len(text) > _CACHED_LENGTH:
        return _parse(text)
    return _parse_cached(text)


_CACHED_LENGTH = 200
"""Thresholds up to this long are read once and kept (conditions are immutable)."""


@lru_cache(maxsize=256)
def _parse_cached(text: str) -> Condition | None:
    return _parse(text)


def _parse(text: str) -> Condition | None:
    if text.strip().lower() in ("", "none"):
        return None
    tokens: list[tuple[str, str]] = []
    pos = 0
    stripped = text.rstrip()
    while pos < len(stripped):
        match = _TOKEN.match(stripped, pos)
        if not match or match.end() == pos:
            rest = stripped[pos:].strip()
            raise InputError(
                f"threshold: cannot read {text!r} at {rest!r} (expected e.g. '3% OR 5 seats')"
            )
        kind = match.lastgroup or ""
        tokens.append((kind, match.group(kind)))
        pos = match.end()
    parser = _Parser(tokens, text)
    result = parser.parse_or()
    if parser.pos != len(tokens):
        raise InputError(f"threshold: unexpected {tokens[parser.pos][1]!r} in {text!r}")
    return result


class _Parser:
    def __init__(self, tokens: list[tuple[str, str]], text: str) -> None:
        self.tokens = tokens
        self.text = text
        self.pos = 0
        self.depth = 0

    def _peek_op(self) -> str | None:
        if self.pos < len(self.tokens) and self.tokens[self.pos][0] == "op":
            op = self.tokens[self.pos][1].upper()
            return {"||": "OR", "&&": "AND"}.get(op, op)
        return None

    def parse_or(self) -> Condition:
        parts = [self.parse_and()]
        while self._peek_op() == "OR":
            self.pos += 1
            parts.append(self.parse_and())
        return parts[0] if len(parts) == 1 else AnyOf(tuple(parts))

    def parse_and(self) -> Condition:
        parts = [self.parse_atom()]
        while self._peek_op() == "AND":
            self.pos += 1
            parts.append(self.parse_atom())
        return parts[0] if len(parts) == 1 else AllOf(tuple(parts))

    def parse_atom(self) -> Condition:
        if self.pos >= len(self.tokens):
            raise InputError(f"threshold: {self.text!r} ends where a condition was expected")
        kind, value = self.tokens[self.pos]
        self.pos += 1
        if kind == "open":
            self.depth += 1
            if self.depth > MAX_DEPTH:
                raise InputError(
                    f"threshold: parentheses nest deeper than {MAX_DEPTH} in {_shown(self.text)}"
                )
            inner = self.parse_or()
            self.depth -= 1
            if self.pos >= len(self.tokens) or self.tokens[self.pos][0] != "close":
                raise InputError(f"threshold: missing ')' in {self.text!r}")
            self.pos += 1
            return inner
        if kind == "seats":
            return DistrictSeats(int(re.sub(r"\D.*", "", value.strip())))
        if kind == "share":
            return VoteShare(value.replace(" ", ""))
        raise InputError(f"threshold: unexpected {value!r} in {self.text!r}")
