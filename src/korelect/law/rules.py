"""The law as data: frozen rule objects, and the registry of elections by year.

A :class:`Rules` says how many seats each tier has, which votes the list tier
uses, who qualifies, which list-tier formula applies and how ties are settled.
The formula is one of seven families, each a frozen dataclass whose fields are
the law's options:

- :class:`NoListTier`: every seat is a district seat (1948–1960);
- :class:`FirstPartyBounds`: the national (전국구) tier of 1963–1971, by votes,
  with the first party's seats bounded: half of them if it has less than half
  of the votes, at most two thirds if it has more;
- :class:`Appointed`: a tier no vote fills, all of whose seats go to one bloc
  (유신정우회, 1973 and 1978);
- :class:`FirstPartyFixedShare`: the national tier of 1981 and 1985, two thirds
  to the party with the most district seats, the rest by district seats;
- :class:`SeatShare`: list seats in proportion to district **seats**
  (1988 with a first-party bonus, 1992);
- :class:`Proportional`: list seats in proportion to **votes** among the
  qualifying parties, optionally with one seat for minor parties first
  (1996 and 2000 on constituency votes; 2004–2016 on the list vote, parallel);
- :class:`Linked`: the semi-compensatory formula of 공직선거법 art. 189(2)
  (2020 with a 30-seat cap and 17 parallel seats; 2024 without a cap). With
  ``compensation=1`` it is a fully compensatory (MMP-like) system.

Sources of the law before 1988 are the keys H1–H6 of ``../shared/docs/LAW-1948-1985.md``.

A new reform scenario is a new instance (or a TOML file), not new code.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from enum import StrEnum
from fractions import Fraction
from typing import Literal

from korelect.base.numbers import parse_share
from korelect.errors import InputError, RulesError
from korelect.law.methods import QUOTA_METHODS, method_name
from korelect.law.thresholds import Condition, parse_threshold
from korelect.law.ties import TieRule, as_tie_rule


class VoteBasis(StrEnum):
    """Which votes the list tier uses."""

    CONSTITUENCY = "constituency"
    """One vote (1988–2000): the national constituency vote."""
    LIST = "list"
    """The separate party-list vote (2004 on)."""


Rounding = Literal["up", "down", "half-up"]
_ROUNDINGS = ("up", "down", "half-up")
Basis = Literal["votes", "district seats"]
"""What a first-party rule shares seats by: votes, or district seats won."""
_BASES = ("votes", "district seats")


def _check_method(value: object, where: str) -> str:
    try:
        return method_name(str(value))
    except InputError as exc:
        raise RulesError(f"{where}: {exc}") from None


def _condition(value: object, where: str) -> Condition | None:
    if value is None or isinstance(value, Condition):
        return value
    if isinstance(value, str):
        try:
            return parse_threshold(value)
        except InputError as exc:
            text = str(exc).removeprefix("threshold: ")
            raise RulesError(f"'{where}': {text}") from None
    raise RulesError(f"{where!r} must be a threshold such as '3% OR 5 seats' (got {value!r})")


def _fraction(value: object, where: str) -> Fraction:
    if isinstance(value, Fraction):
        return value
    try:
        return parse_share(value, what=where)  # type: ignore[arg-type]
    except InputError as exc:
        raise RulesError(str(exc)) from None


def _count(value: object, where: str, *, allow_none: bool = False) -> int | None:
    if value is None and allow_none:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise RulesError(f"{where!r} must be an integer (got {value!r})")
    if value < 0:
        raise RulesError(f"{where!r} must be >= 0 (got {value!r})")
    return value


def _flag(value: object, where: str) -> bool:
    if not isinstance(value, bool):
        raise RulesError(f"{where!r} must be true or false (got {value!r})")
    return value


def _method_phrase(method: str) -> str:
    """``hare largest remainder`` or ``dhondt divisor method``."""
    return f"{method} {'largest remainder' if method in QUOTA_METHODS else 'divisor method'}"


def _choice(value: object, where: str, choices: tuple[str, ...]) -> None:
    if value not in choices:
        raise RulesError(
            f"{where!r} must be one of {', '.join(repr(c) for c in choices)} (got {value!r})"
        )


def _share_at_most_1(value: object, where: str) -> Fraction:
    share = _fraction(value, where)
    if share > 1:
        raise RulesError(f"{where!r} must be at most 1 (got {share})")
    return share


@dataclass(frozen=True, slots=True)
class FirstPartyBonus:
    """The 1988 first-party bonus (국회의원선거법 1988, 전국구 배분).

    If the party with the most district seats won fewer than ``below`` of all
    district seats, it first receives ``share`` of the list seats, rounded as
    ``rounding`` says; the other qualifying parties share the rest.
    """

    share: Fraction = Fraction(1, 2)
    rounding: Rounding = "up"
    """Open point: 75/2 = 37.5 was given as 38, so the default rounds up."""
    below: Fraction = Fraction(1, 2)

    def __post_init__(self) -> None:
        object.__setattr__(self, "share", _fraction(self.share, "bonus.share"))
        object.__setattr__(self, "below", _fraction(self.below, "bonus.below"))
        if self.share > 1:
            raise RulesError(f"'bonus.share' must be at most 1 (got {self.share})")
        if self.rounding not in _ROUNDINGS:
            raise RulesError(
                f"'bonus.rounding' must be one of {', '.join(_ROUNDINGS)} (got {self.rounding!r})"
            )


@dataclass(frozen=True, slots=True)
class SeatShare:
    """List seats in proportion to district seats (1988, 1992)."""

    method: str = "hare"
    bonus: FirstPartyBonus | None = None
    minor_party_seat: Condition | None = None
    """Parties that do not qualify but meet this get one seat first (1992: 3%)."""

    formula = "seat-share"

    def __post_init__(self) -> None:
        object.__setattr__(self, "method", _check_method(self.method, "list_tier.method"))
        object.__setattr__(
            self, "minor_party_seat", _condition(self.minor_party_seat, "minor_party_seat")
        )
        if self.bonus is not None and not isinstance(self.bonus, FirstPartyBonus):
            raise RulesError(f"'bonus' must be a FirstPartyBonus or none (got {self.bonus!r})")

    def describe(self, list_seats: int) -> str:
        """The tier in a phrase, for :func:`describe_rules`."""
        text = f"in proportion to district seats ({self.method} largest remainder)"
        if self.bonus:
            text += (
                f"; a first party below {self.bonus.below} of the district seats first gets "
                f"{self.bonus.share} of the list seats (rounded {self.bonus.rounding})"
            )
        if self.minor_party_seat:
            text += f"; one seat first to each other party with {self.minor_party_seat}"
        return text


@dataclass(frozen=True, slots=True)
class Proportional:
    """List seats in proportion to votes among the qualifying parties (1996–2016)."""

    method: str = "hare"
    minor_party_seat: Condition | None = None
    """Parties that do not qualify but meet this get one seat first (1996, 2000: 3%)."""
    share_decimals: int | None = None
    """Round each party's share half up to this many decimals before use (1996, 2000: 4)."""

    formula = "proportional"

    def __post_init__(self) -> None:
        object.__setattr__(self, "method", _check_method(self.method, "list_tier.method"))
        object.__setattr__(
            self, "minor_party_seat", _condition(self.minor_party_seat, "minor_party_seat")
        )
        _count(self.share_decimals, "share_decimals", allow_none=True)

    def describe(self, list_seats: int) -> str:
        """The tier in a phrase, for :func:`describe_rules`."""
        text = f"in proportion to votes among the qualifying parties ({self.method})"
        if self.share_decimals is not None:
            text += (
                f", shares rounded half up to {self.share_decimals} decimals and used as "
                "they stand (not rescaled by their sum)"
            )
        if self.minor_party_seat:
            text += f"; one seat first to each other party with {self.minor_party_seat}"
        return text + "; parallel to the district tier"


@dataclass(frozen=True, slots=True)
class Linked:
    """The linked (연동형) formula of 공직선거법 art. 189(2), with an optional cap.

    ``s_i = [(N - R) x p_i - r_i] x compensation``, rounded half up; below 1
    it is 0. ``cap`` is the number of list seats the linked formula fills
    (30 in 2020); the rest of the list seats (17 in 2020) are a parallel tier.
    """

    compensation: Fraction = Fraction(1, 2)
    cap: int | None = None
    method: str = "hare"
    """Method for the residual, adjusted and parallel seats (the law: Hare largest remainder)."""
    zero_before_rounding: bool = False
    """Open point: zero raw values below 1 before rounding instead of after (art. 189(2)1)."""
    parties_without_list_in_r: bool = False
    """Open point: count the district seats of qualifying parties with no list votes in R."""
    share_base: Literal["qualifying", "valid"] = "qualifying"
    """Denominator of p_i: the qualifying parties' votes (art. 189(3)) or the whole valid vote."""

    formula = "linked"

    def __post_init__(self) -> None:
        object.__setattr__(self, "compensation", _fraction(self.compensation, "compensation"))
        if not 0 < self.compensation <= 1:
            raise RulesError(f"'compensation' must be in (0, 1] (got {self.compensation})")
        _count(self.cap, "cap", allow_none=True)
        object.__setattr__(self, "method", _check_method(self.method, "list_tier.method"))
        _flag(self.zero_before_rounding, "zero_before_rounding")
        _flag(self.parties_without_list_in_r, "parties_without_list_in_r")
        if self.share_base not in ("qualifying", "valid"):
            raise RulesError(
                f"'share_base' must be 'qualifying' or 'valid' (got {self.share_base!r})"
            )

    def describe(self, list_seats: int) -> str:
        """The tier in a phrase, for :func:`describe_rules`."""
        cap = list_seats if self.cap is None else self.cap
        return f"linked (compensation {self.compensation}) for {cap} seats" + (
            f", {list_seats - cap} parallel seats" if cap < list_seats else ""
        )


@dataclass(frozen=True, slots=True)
class NoListTier:
    """No list tier: every seat is a district seat (1948–1960).

    The assemblies of 1948–1960 (the House of Representatives, 민의원, in 1960) were
    elected in single-member districts by plurality alone (LAW-1948-1985.md, Summary).
    Rules with this tier have no list seats: ``total_seats == district_seats``.
    """

    formula = "none"
    unelected = True
    """No vote is shared out for seats beyond the districts."""

    def describe(self, list_seats: int) -> str:
        """The tier in a phrase, for :func:`describe_rules`."""
        return "none: every seat is a district seat"

    def seats_phrase(self, list_seats: int) -> str:
        """What the seats beyond the districts are, for :func:`describe_rules`."""
        return "no list tier"


@dataclass(frozen=True, slots=True)
class FirstPartyBounds:
    """The national (전국구) tier of 1963–1971: by votes, the first party's seats bounded.

    국회의원선거법 (1963), 전국구 의석 배분, as the sources state it [H1][H2]: parties
    that won fewer than 3 district seats or less than 5% of the valid votes are
    excluded (the rules' threshold, ``3 seats AND 5%``). If the first party (most
    votes) has at least ``majority`` (50%) of the votes, the seats go by vote share,
    but the first party receives no more than ``ceiling`` (two thirds) of them, rounded
    down (the others share the rest). If it has less, it receives ``guaranteed`` (half)
    of them, rounded as ``rounding`` says, and the other parties share the rest: with
    ``rest = "repeat"`` by the same rule again, the second party now the first ("the
    process repeated for the remaining parties", H1's English mirrors), with
    ``rest = "proportional"`` in proportion to ``rest_basis``.

    The statute text was not available; the defaults are the readings that reproduce
    the record (``korelect.law.election_1963``, ``election_1971``):
    ``majority_of = "qualifying"`` (1971: 49.69% of all valid votes, 52.42% of the
    qualifying parties' votes, and 27/24 seats is the by-share outcome) and the rest
    shared by the repeated rule on district seats (1963: the only reading found that
    gives 14/5/3; by votes every reading gives 11/7/4).
    """

    method: str = "hare"
    basis: Basis = "votes"
    """What the first party is first by, and what the seats are shared by (the law: votes)."""
    majority: Fraction = Fraction(1, 2)
    """The first party's share at or above which the seats go by share ("100분의 50 이상")."""
    majority_of: Literal["qualifying", "valid"] = "qualifying"
    """Open point: the share of the qualifying parties' votes, or of all valid votes."""
    ceiling: Fraction = Fraction(2, 3)
    """With a majority, the first party receives at most this share of the seats (rounded down)."""
    guaranteed: Fraction = Fraction(1, 2)
    """Without a majority, the first party receives this share of the seats."""
    rounding: Rounding = "up"
    """Open point: how the guaranteed share is rounded (half of an odd number of seats)."""
    rest: Literal["repeat", "proportional"] = "repeat"
    """Without a majority, how the others share the rest: the same rule again, or by share."""
    rest_basis: Basis = "district seats"
    """Open point: what the others share the rest by (the record says district seats)."""

    formula = "first-party-bounds"

    def __post_init__(self) -> None:
        object.__setattr__(self, "method", _check_method(self.method, "list_tier.method"))
        _choice(self.basis, "basis", _BASES)
        _choice(self.rest_basis, "rest_basis", _BASES)
        _choice(self.majority_of, "majority_of", ("qualifying", "valid"))
        _choice(self.rest, "rest", ("repeat", "proportional"))
        _choice(self.rounding, "rounding", _ROUNDINGS)
        for name in ("majority", "ceiling", "guaranteed"):
            object.__setattr__(self, name, _share_at_most_1(getattr(self, name), name))

    def describe(self, list_seats: int) -> str:
        """The tier in a phrase, for :func:`describe_rules`."""
        of = "the qualifying parties'" if self.majority_of == "qualifying" else "all valid"
        rest = (
            f"the same rule repeated for the others, by {self.rest_basis}"
            if self.rest == "repeat"
            else f"the others by {self.rest_basis}"
        )
        return (
            f"by {self.basis} ({_method_phrase(self.method)}); a first party with at least "
            f"{self.majority} of {of} {self.basis} gets at most {self.ceiling} of the seats "
            f"(rounded down); one with less gets {self.guaranteed} of them (rounded "
            f"{self.rounding}), and {rest}"
        )


@dataclass(frozen=True, slots=True)
class FirstPartyFixedShare:
    """The national (전국구) tier of 1981 and 1985: a fixed share to the first party.

    국회의원선거법 (1981), 전국구 의석 배분 [H4][H5][H6]: parties with at least 5
    district seats qualify (the rules' threshold); the party with the most district
    seats receives ``share`` (two thirds) of the national seats, rounded as
    ``rounding`` says (92 x 2/3 = 61.33 gave 61); the other qualifying parties share the
    rest in proportion to ``basis``. The English mirrors say "by vote share", a Korean
    newspaper says district seats [H5]: only district seats reproduce 1981 (24/7, by
    votes 19/12) and 1985 (17/9/5, by votes 16/10/5), so that is the default.
    """

    share: Fraction = Fraction(2, 3)
    rounding: Rounding = "down"
    """Open point: 61.33 gave 61, which rounding down and half up both give."""
    basis: Basis = "district seats"
    """What the other parties share the rest by (the record: district seats)."""
    method: str = "hare"

    formula = "first-party-fixed-share"

    def __post_init__(self) -> None:
        object.__setattr__(self, "share", _share_at_most_1(self.share, "share"))
        _choice(self.rounding, "rounding", _ROUNDINGS)
        _choice(self.basis, "basis", _BASES)
        object.__setattr__(self, "method", _check_method(self.method, "list_tier.method"))

    def describe(self, list_seats: int) -> str:
        """The tier in a phrase, for :func:`describe_rules`."""
        return (
            f"{self.share} of the seats (rounded {self.rounding}) to the party with the most "
            f"district seats; the rest to the other qualifying parties by {self.basis} "
            f"({_method_phrase(self.method)})"
        )


@dataclass(frozen=True, slots=True)
class Appointed:
    """A tier no vote fills: every seat goes to one appointed bloc (1973, 1978).

    The 1972 Constitution (유신헌법) had one third of the Assembly chosen by the
    통일주체국민회의 on the President's nomination [H3]: the 73 (1973) and 77 (1978)
    members of 유신정우회. They count in the Assembly's size and in any majority, but no
    vote elects them. :func:`korelect.allocate` gives the tier's seats to the entry of
    kind ``appointed`` (``Entry(bloc, kind="appointed")``), adding one named ``bloc`` when
    the entries have none, so that tables, charts and indices can show the bloc and
    leave it out by its kind.
    """

    bloc: str = "appointed members"
    """The bloc's name where the entries do not name it (1973, 1978: 유신정우회)."""
    by: str = ""
    """Who appoints the members, in words."""

    formula = "appointed"
    unelected = True
    """No vote is shared out for these seats."""

    def __post_init__(self) -> None:
        if not isinstance(self.bloc, str) or not self.bloc.strip():
            raise RulesError(f"'bloc' must be a non-empty string (got {self.bloc!r})")
        if not isinstance(self.by, str):
            raise RulesError(f"'by' must be a string (got {self.by!r})")

    def describe(self, list_seats: int) -> str:
        """The tier in a phrase, for :func:`describe_rules`."""
        by = f", by {self.by}" if self.by else ""
        return f"the {list_seats} seats of {self.bloc} are filled by appointment{by}, not by votes"

    def seats_phrase(self, list_seats: int) -> str:
        """What the seats beyond the districts are, for :func:`describe_rules`."""
        return f"{list_seats} appointed ({self.bloc})"


ListTier = (
    NoListTier
    | FirstPartyBounds
    | Appointed
    | FirstPartyFixedShare
    | SeatShare
    | Proportional
    | Linked
)
FORMULAS: dict[str, type[ListTier]] = {
    "none": NoListTier,
    "first-party-bounds": FirstPartyBounds,
    "appointed": Appointed,
    "first-party-fixed-share": FirstPartyFixedShare,
    "seat-share": SeatShare,
    "proportional": Proportional,
    "linked": Linked,
}


@dataclass(frozen=True)
class Rules:
    """The seat rules of one election, or of a scenario.

    >>> import korelect
    >>> r = korelect.rules_for(2004)
    >>> r.total_seats, r.district_seats, r.list_seats, str(r.threshold)
    (299, 243, 56, '3% OR 5 seats')
    >>> r.replace(threshold="5%").threshold
    VoteShare(share=Fraction(1, 20))
    """

    name: str
    total_seats: int
    district_seats: int
    list_tier: ListTier
    threshold: Condition | None = None
    vote_basis: VoteBasis = VoteBasis.LIST
    ties: TieRule = TieRule.LOT
    year: int | None = None
    assembly: int | None = None
    law: str = ""
    """The legal source of the list-tier rule."""
    sources: tuple[str, ...] = ()
    open_points: tuple[str, ...] = field(default=())
    """Points the sources leave open, with the reading chosen."""
    district_magnitude: int = 1
    """Members each district elects, the candidates with the most votes (1973–1985: 2)."""

    def __post_init__(self) -> None:
        if not isinstance(self.name, str) or not self.name:
            raise RulesError(f"'name' must be a non-empty string (got {self.name!r})")
        _count(self.total_seats, "total_seats")
        _count(self.district_seats, "district_seats")
        if self.district_seats > self.total_seats:
            raise RulesError(
                f"'district_seats' ({self.district_seats}) must not exceed "
                f"'total_seats' ({self.total_seats})"
            )
        if not isinstance(
            self.list_tier,
            NoListTier
            | FirstPartyBounds
            | Appointed
            | FirstPartyFixedShare
            | SeatShare
            | Proportional
            | Linked,
        ):
            raise RulesError(
                "'list_tier' must be one of "
                + ", ".join(cls.__name__ for cls in FORMULAS.values())
                + f" (got {self.list_tier!r})"
            )
        if self.list_tier.formula == "none" and self.list_seats:
            raise RulesError(
                f"list tier 'none' has no seats: 'total_seats' ({self.total_seats}) must "
                f"equal 'district_seats' ({self.district_seats})"
            )
        object.__setattr__(self, "threshold", _condition(self.threshold, "threshold"))
        try:
            object.__setattr__(self, "vote_basis", VoteBasis(self.vote_basis))
        except ValueError:
            raise RulesError(
                f"'vote_basis' must be 'constituency' or 'list' (got {self.vote_basis!r})"
            ) from None
        try:
            object.__setattr__(self, "ties", as_tie_rule(self.ties))
        except InputError as exc:
            raise RulesError(str(exc)) from None
        _count(self.year, "year", allow_none=True)
        _count(self.assembly, "assembly", allow_none=True)
        _count(self.district_magnitude, "district_magnitude")
        if self.district_magnitude < 1:
            raise RulesError(f"'district_magnitude' must be >= 1 (got {self.district_magnitude!r})")
        cap = getattr(self.list_tier, "cap", None)
        if cap is not None and cap > self.list_seats:
            raise RulesError(
                f"'cap' ({cap}) must not exceed the list seats "
                f"({self.total_seats} - {self.district_seats} = {self.list_seats})"
            )
        object.__setattr__(self, "sources", tuple(self.sources))
        object.__setattr__(self, "open_points", tuple(self.open_points))

    @property
    def list_seats(self) -> int:
        """Seats beyond the districts: the national list tier (total minus district seats).

        In 1973 and 1978 these are the appointed seats of 유신정우회; 1948–1960 there are none.
        """
        return self.total_seats - self.district_seats

    @property
    def formula(self) -> str:
        """The list-tier family: ``none``, ``first-party-bounds``, ``appointed``, ... ``linked``."""
        return self.list_tier.formula

    def replace(self, **changes: object) -> Rules:
        """A copy with some fields changed; list-tier fields may be given directly.

        >>> import korelect
        >>> korelect.rules_for(2020).replace(cap=None, name="2020 uncapped").list_tier.cap is None
        True
        """
        top = {f.name for f in fields(self)}
        tier_fields = {f.name for f in fields(self.list_tier)}
        own = {k: v for k, v in changes.items() if k in top}
        tier = {k: v for k, v in changes.items() if k not in top}
        unknown = sorted(set(tier) - tier_fields)
        if unknown:
            raise RulesError(
                f"unknown rules field {unknown[0]!r} for the {self.formula} formula; known: "
                + ", ".join(sorted(top | tier_fields))
            )
        if tier:
            own["list_tier"] = dataclasses.replace(self.list_tier, **tier)  # type: ignore[arg-type]
        return dataclasses.replace(self, **own)  # type: ignore[arg-type]

    def describe(self) -> str:
        """The rules in a few lines of prose."""
        return "\n".join(describe_rules(self))


def _districts_phrase(rules: Rules) -> str:
    """How the district seats are elected: ``in 73 two-member districts (...)``."""
    m = rules.district_magnitude
    if m == 1:
        return "in single-member districts (plurality)"
    members = {2: "two", 3: "three", 4: "four"}.get(m, str(m))
    if rules.district_seats % m:
        return f"in districts of {m} members (the {m} with the most votes elected)"
    return (
        f"in {rules.district_seats // m} {members}-member districts "
        f"(the {m} with the most votes elected)"
    )


def describe_rules(rules: Rules) -> list[str]:
    """Prose lines describing a set of rules.

    >>> import korelect
    >>> for line in describe_rules(korelect.rules_for(1973))[:3]:
    ...     print(line)
    9th National Assembly election (1973)
      219 seats: 146 in 73 two-member districts (the 2 with the most votes elected),
      73 appointed (유신정우회).
      Appointed tier: the 73 seats of 유신정우회 are filled by appointment, by the
      통일주체국민회의 on the President's nomination, not by votes
    """
    tier = rules.list_tier
    phrase = getattr(tier, "seats_phrase", None)
    beyond = phrase(rules.list_seats) if phrase else f"{rules.list_seats} on national lists"
    lines = [
        rules.name,
        (
            f"  {rules.total_seats} seats: {rules.district_seats} {_districts_phrase(rules)}, "
            f"{beyond}."
        ),
    ]
    if getattr(tier, "unelected", False):
        label = "Appointed tier" if tier.formula == "appointed" else "List tier"
        lines.append(f"  {label}: {tier.describe(rules.list_seats)}")
    else:
        lines += [
            f"  List tier: {tier.describe(rules.list_seats)}",
            f"  Votes used: {rules.vote_basis.value} votes.",
            f"  Qualifying parties: {rules.threshold or 'every party'}.",
            f"  Ties for list seats: {rules.ties.value}.",
        ]
    if rules.law:
        lines.append(f"  Law: {rules.law}")
    lines.extend(f"  Open point: {p}" for p in rules.open_points)
    return lines


def tier_from_mapping(data: Mapping[str, object], where: str = "list_tier") -> ListTier:
    """Build a list tier from a mapping with a ``formula`` key (used by rules files)."""
    values = dict(data)
    formula = values.pop("formula", None)
    if formula not in FORMULAS:
        raise RulesError(
            f"'{where}.formula' must be one of {', '.join(FORMULAS)} (got {formula!r})"
        )
    cls = FORMULAS[str(formula)]
    known = {f.name for f in fields(cls)}
    for key in values:
        if key not in known:
            raise RulesError(
                f"unknown field '{where}.{key}' for the {formula} formula; known: "
                + ", ".join(sorted(known | {"formula"}))
            )
    bonus = values.get("bonus")
    if isinstance(bonus, Mapping):
        bonus_known = {f.name for f in fields(FirstPartyBonus)}
        for key in bonus:
            if key not in bonus_known:
                raise RulesError(
                    f"unknown field '{where}.bonus.{key}'; known: {', '.join(sorted(bonus_known))}"
                )
        values["bonus"] = FirstPartyBonus(**bonus)
    elif bonus is not None and not isinstance(bonus, FirstPartyBonus):
        raise RulesError(f"'{where}.bonus' must be a table (got {bonus!r})")
    try:
        return cls(**values)  # type: ignore[arg-type]
    except TypeError as exc:
        raise RulesError(f"'{where}': {exc}") from None
