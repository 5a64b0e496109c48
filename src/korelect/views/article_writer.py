"""Write an election article in the seed articles' format, from korelect's computation.

:func:`write_article` computes an election with :func:`korelect.record.election.results`
and writes it as the seeds are written (see :mod:`korelect.analysis.article.model`): a
title line, an infobox of ``- Key: Value`` lines, prose, ``== Electoral system ==``,
``==Results==`` and the ``===By city/province===`` pipe tables in the layout of
the era (the 1992/1996 seat table for the single vote of 1948–2000; the 2004
two-level Seats/% table, plus the list-vote table from 2004).

The elections of 1948–1985 are written as the seeds' era would write them:

- the seat table has a "PR list" row only where the law has a national tier: none
  1948–1960 (its Total row is the constituency seats), "Appointed" in 1973 and 1978;
- the appointed bloc of 1973 and 1978 (유신정우회) is no party and won no vote: the
  national table gives it a row of its own, ``Yujeonghoe (appointed)``, with no votes,
  and the lead and the party paragraphs say it was appointed, not elected; the
  infobox lists the elected parties;
- the national turnout (and its change) only where every district that voted has
  turnout figures (from 1971; :mod:`korelect.record.turnout`): the lead
  gives the figures' rate over the districts they cover in 1963 and 1967, and says
  how few there are before;
- where the counts cover fewer seats than the law provides (1948, 1950), the article
  gives the seats counted; the lead and the electoral-system paragraph give the law's
  number and the counts' own sentence on the seats no count covers;
- the valid vote is the districts' (1948 and 1950 have votes no candidate's count
  holds, a row of their own), and every share is of it, as :func:`korelect.results`.

Every number is exact until printed, then rounded half up
(:func:`korelect.base.numbers.fmt_decimal`): 2 decimals in the infobox and the
national table, 1 in the province tables. Changes always carry a sign
(``+3.42pp``, ``-70``; a zero change is printed ``0``), unlike the seeds. A
party with no vote of the kind counted (no list in 2020 and 2024, independents
in the list vote) gets no Popular Vote, Percentage or Swing and an empty cell.

"Last Election", "Seat Change" and "Swing" compare a party with the parties of
the previous registered election that it continues:

- the party itself, if it stood then;
- for 1992–2004, the audit's curated list (:data:`korelect.analysis.audit.CONTINUES`,
  renames and mergers; a party not listed is new, e.g. the ULD and NCNP of 1995);
- otherwise the registry's predecessors that ended into it (renamed or merged:
  not those that still stand, which makes it a split, and, where a party split
  in two that both stand, only for its first-listed successor), their seats and
  shares added up, following the predecessors back through parties that did not
  stand; a party (or predecessor) that stood without a seat or a counted vote
  gives "0 seats";
- else, for a satellite list party, the previous satellites of its parent's line
  (the People Future Party of 2024 continues the Future Korea Party of 2020).

Anything else "Did not exist". A change is the difference of the two printed
figures (percentages rounded half up first), so that the article adds up.

With ``rules`` other than the election's own (adapted to the counts, as
:func:`korelect.results` adapts them), the same votes are counted under those rules
(a counterfactual): the title says so, the electoral-system paragraph describes those
rules, and the lead says it is computed by korelect and which seats differ from the
real result.
The districts and the votes stay the year's own: rules written for another
number of districts are applied to the year's seats (districts cannot be
redrawn), and the list tier counts the votes the year's law counted; the lead
says when either happens. The computation's own errors (a remainder tie under
``ties = "raise"``) propagate.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date
from fractions import Fraction
from functools import cache
from typing import Any

from korelect.analysis.audit.common import CONTINUES
from korelect.base.numbers import Number, fmt_decimal, fmt_share, round_half_up
from korelect.base.table import Cell, Table, wiki_row
from korelect.engine.entries import Kind
from korelect.engine.formulas.registry import family_of
from korelect.law.registry import registered_years, rules_for
from korelect.law.rules import FirstPartyBonus, Linked, Proportional, Rules, SeatShare, VoteBasis
from korelect.law.thresholds import AllOf, AnyOf, Condition, DistrictSeats, VoteShare
from korelect.law.ties import TieRule
from korelect.record.counts import Counts
from korelect.record.data import dataset
from korelect.record.election import (
    ElectionResult,
    PartyLine,
    RulesLike,
    Turnout,
    as_counts,
    as_rules,
    party_info,
    request,
    results,
)
from korelect.record.parties import Party, parties
from korelect.record.turnout import national_rate, turnout_coverage
from korelect.views.report import ARTICLE, national_table_model, province_table_models

__all__ = ["electoral_system_paragraph", "write_article"]

MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
METHOD_WORDS = {
    "hare": "the largest remainder method (Hare quota)",
    "droop": "the largest remainder method (Droop quota)",
    "hagenbach-bischoff": "the largest remainder method (Hagenbach-Bischoff quota)",
    "imperiali": "the largest remainder method (Imperiali quota)",
    "dhondt": "the D'Hondt method",
    "sainte-lague": "the Sainte-Laguë method",
    "modified-sainte-lague": "the modified Sainte-Laguë method",
    "adams": "the Adams method",
    "huntington-hill": "the Huntington-Hill method",
    "dean": "the Dean method",
}
FRACTION_WORDS = {
    Fraction(1, 2): "half",
    Fraction(1, 3): "one third",
    Fraction(2, 3): "two thirds",
    Fraction(1, 4): "one quarter",
    Fraction(3, 4): "three quarters",
    Fraction(1): "all",
}
ROUNDING_WORDS = {"up": "rounded up", "down": "rounded down", "half-up": "rounded half up"}


# -- small text helpers -------------------------------------------------------------------


def _text(value: object) -> str:
    """One line of text the reader can read back: no ``|``, no line breaks."""
    return " ".join(str(value).replace("|", "/").split())


_row = wiki_row
"""A pipe-table row; an empty cell is written ``| |`` as in the seeds."""


def _pct(share: Fraction, places: int) -> str:
    """A share of 1 as a percentage number, half up (no % sign)."""
    return fmt_decimal(share * 100, places)


def _signed(value: Fraction, places: int = 0) -> str:
    """A change with an explicit sign; a change that rounds to zero has none."""
    rounded = round_half_up(value, places)
    text = fmt_decimal(abs(rounded), places)
    if rounded > 0:
        return "+" + text
    if rounded < 0:
        return "-" + text
    return text


def _change_pp(now: Fraction, before: Fraction) -> str:
    """The change between two shares of 1, in percentage points, as the printed figures give it.

    It is the difference of the two percentages rounded half up to 2 decimals,
    so that the previous figure plus the change is the figure printed now.

    >>> _change_pp(Fraction(606273, 1000000), Fraction(572137, 1000000))
    '+3.42pp'
    """
    return f"{_signed(round_half_up(now * 100, 2) - round_half_up(before * 100, 2), 2)}pp"


def _seats(n: int) -> str:
    return f"{n} seat" + ("" if n == 1 else "s")


def _the(name: str) -> str:
    """A party's name in running text, with the article English needs."""
    return name if name.lower().startswith("the ") else f"the {name}"


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _join(items: Sequence[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def _date_text(day: date) -> str:
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def _votes_text(votes: Number) -> str:
    return fmt_decimal(votes, 2) if isinstance(votes, Fraction) else f"{votes:,}"


# -- the data an article needs ------------------------------------------------------------


@cache
def _actual(year: int) -> ElectionResult:
    """The election as held (cached: articles look at the previous one too)."""
    return results(year)


@cache
def _election_dates() -> dict[int, date]:
    return {e.year: date.fromisoformat(e.date) for e in dataset().elections()}


def _neighbours(year: int) -> tuple[int | None, int | None]:
    """The registered election years before and after ``year``."""
    years = sorted(set(registered_years()) & set(dataset().years()))
    before = [y for y in years if y < year]
    after = [y for y in years if y > year]
    return (before[-1] if before else None), (after[0] if after else None)


def _rate(turnout: Turnout | None) -> Fraction | None:
    return None if turnout is None else turnout.rate


def _shares_only(result: ElectionResult) -> bool:
    return any(isinstance(p.votes, Fraction) for p in result.parties)


def _seated(result: ElectionResult) -> list[PartyLine]:
    """Parties (not independents) with seats, most seats first."""
    return [p for p in result.parties if p.kind is Kind.PARTY and p.total_seats]


def _registry_party(party_id: str) -> Party | None:
    registry = parties()
    return registry.get(party_id) if party_id in registry else None


@dataclass(frozen=True, slots=True)
class _Before:
    """What a party continues from the previous election."""

    seats: int
    share: Fraction | None
    """Their share of the votes that election counted; None if they had none."""


def _continued(
    party_id: str, year: int, prev: ElectionResult, seen: set[str]
) -> tuple[list[PartyLine], bool]:
    """The previous election's lines that ``party_id`` continues (see the module doc).

    Also whether it, or what it continues, stood then: a party that stood without
    winning a seat or a counted vote has no line but did exist ("0 seats").
    """
    lines = {p.info.party_id: p for p in prev.parties if p.kind is Kind.PARTY}
    if party_id in lines:
        return [lines[party_id]], True
    party = _registry_party(party_id)
    if party is None:
        return [], False
    registry = parties()
    found: list[PartyLine] = []
    stood = False
    for pred_id in party.predecessors:
        if pred_id in seen:
            continue
        seen.add(pred_id)
        pred = registry.get(pred_id)
        if year in pred.years or min(pred.years) > prev.year:
            continue  # it still stands (a split), or the link is a later merger
        claimants = [s for s in pred.successors if year in registry.get(s).years and s not in lines]
        if claimants and claimants[0] != party_id:
            continue  # split in two: its first-listed successor continues it
        sub, sub_stood = _continued(pred_id, year, prev, seen)
        found += sub
        stood = stood or sub_stood
    if not found and prev.year in party.years:
        stood = True
    return found, stood


def _curated(party_id: str, year: int, prev: ElectionResult) -> tuple[list[PartyLine], bool] | None:
    """The audit's list of what a party continues (1992–2004), where it has the year."""
    table = CONTINUES.get(year)
    if table is None:
        return None
    lines = {p.info.party_id: p for p in prev.parties if p.kind is Kind.PARTY}
    if party_id in lines:
        return [lines[party_id]], True
    for name, before in table.items():
        if party_info(name, year).party_id == party_id:
            ids = {party_info(n, prev.year).party_id for n in before}
            return [line for pid, line in lines.items() if pid in ids], True
    party = _registry_party(party_id)
    return [], party is not None and prev.year in party.years


def _earlier_satellites(party_id: str, prev: ElectionResult) -> list[PartyLine]:
    """For a satellite list party, the previous satellites of its parent's line."""
    party = _registry_party(party_id)
    if party is None or party.satellite_of is None:
        return []
    registry = parties()
    parent = registry.get(party.satellite_of)
    family = {p.id for p in registry.lineage(parent)} | {p.id for p in registry.ancestors(parent)}
    found = []
    for line in prev.parties:
        other = _registry_party(line.info.party_id)
        if other is not None and other.satellite_of in family:
            found.append(line)
    return found


def _before(line: PartyLine, year: int, prev: ElectionResult) -> _Before | None:
    """What a party continues from the previous election; None if it did not exist."""
    pid = line.info.party_id
    found, stood = _curated(pid, year, prev) or _continued(pid, year, prev, {pid})
    if not found and not stood:
        found = _earlier_satellites(pid, prev)
        stood = bool(found)
    if not stood:
        return None
    voted = [p for p in found if p.votes]
    share = sum((p.vote_share for p in voted), Fraction(0)) if voted else None
    return _Before(sum(p.total_seats for p in found), share)


# -- the electoral system -----------------------------------------------------------------


def _vote_words(rules: Rules) -> str:
    return "list vote" if rules.vote_basis is VoteBasis.LIST else "constituency vote"


def _condition_words(condition: Condition, vote: str) -> str:
    if isinstance(condition, VoteShare):
        return f"at least {fmt_share(condition.share)} of the valid {vote}"
    if isinstance(condition, DistrictSeats):
        n = condition.at_least
        return f"at least {n} constituency seat" + ("" if n == 1 else "s")
    if isinstance(condition, AnyOf):
        return " or ".join(
            f"({_condition_words(c, vote)})" if isinstance(c, AllOf) else _condition_words(c, vote)
            for c in condition.conditions
        )
    if isinstance(condition, AllOf):
        return " and ".join(
            f"({_condition_words(c, vote)})" if isinstance(c, AnyOf) else _condition_words(c, vote)
            for c in condition.conditions
        )
    return str(condition)


def _quoted(condition: Condition) -> str:
    return '"' + str(condition).replace(" OR ", " or ").replace(" AND ", " and ") + '"'


def _method_words(method: str) -> str:
    return METHOD_WORDS.get(method, f"the {method} method")


def _fraction_words(value: Fraction) -> str:
    return FRACTION_WORDS.get(value, fmt_share(value))


def _vote_share_in(condition: Condition | None) -> Fraction | None:
    """The vote share that alone qualifies a party (3% in "3% OR 5 seats"), if any."""
    if isinstance(condition, VoteShare):
        return condition.share
    if isinstance(condition, AnyOf):
        shares = [c.share for c in condition.conditions if isinstance(c, VoteShare)]
        return min(shares) if shares else None
    return None


def _minor_seat_sentence(rules: Rules, minor: Condition | None) -> str:
    if minor is None:
        return ""
    vote = _vote_words(rules)
    upper = _vote_share_in(rules.threshold)
    if isinstance(minor, VoteShare) and upper is not None and minor.share < upper:
        won = (
            f"from {fmt_share(minor.share)} to under {fmt_share(upper)} of the valid {vote} "
            f"({fmt_share(minor.share)}–{fmt_share(upper)})"
        )
    else:
        won = _condition_words(minor, vote)
    return f"First, each party that did not qualify but won {won} received one list seat."


def _seat_share_sentences(rules: Rules, tier: SeatShare) -> list[str]:
    method = _method_words(tier.method)
    out = [_minor_seat_sentence(rules, tier.minor_party_seat)]
    bonus: FirstPartyBonus | None = tier.bonus
    rest = "the" if not out[0] else "the remaining"
    if bonus is None:
        out.append(
            f"{rest.capitalize()} list seats were shared among the qualifying parties in "
            f"proportion to the constituency seats they had won, by {method}."
        )
    else:
        out.append(
            f"The list seats were shared by constituency seats with a first-party bonus: if the "
            f"party with the most constituency seats had won less than "
            f"{_fraction_words(bonus.below)} of them, it first received "
            f"{_fraction_words(bonus.share)} of the {rules.list_seats} list seats "
            f"({ROUNDING_WORDS[bonus.rounding]}), and the other qualifying parties shared "
            f"{rest} rest in proportion to the constituency seats they had won, by {method}; "
            f"otherwise all qualifying parties shared them in that proportion."
        )
    return [s for s in out if s]


def _proportional_sentences(rules: Rules, tier: Proportional) -> list[str]:
    minor = _minor_seat_sentence(rules, tier.minor_party_seat)
    rest = "The remaining" if minor else "The"
    votes = (
        "their national totals of constituency votes"
        if rules.vote_basis is VoteBasis.CONSTITUENCY
        else "their list votes"
    )
    text = (
        f"{rest} list seats were shared among the qualifying parties in proportion to "
        f"{votes}, by {_method_words(tier.method)}"
    )
    if tier.share_decimals is not None:
        text += (
            f", each party's share of the qualifying parties' votes (a fraction of 1) first "
            f"rounded half up to {tier.share_decimals} decimal places"
        )
    parallel = (
        "The election used parallel voting: the list seats, allocated by the separate list "
        "vote, did not compensate for the constituency seats."
        if rules.vote_basis is VoteBasis.LIST
        else "The list seats did not compensate for the constituency seats (parallel)."
    )
    return [s for s in (minor, text + ".", parallel) if s]


def _linked_sentences(rules: Rules, tier: Linked) -> list[str]:
    ratio = fmt_share(tier.compensation)
    kind = (
        "the fully compensatory linked formula (mixed-member proportional)"
        if tier.compensation == 1
        else "the semi-compensatory linked formula (연동형)"
    )
    zero = (
        "a value below 1 set to 0 before rounding"
        if tier.zero_before_rounding
        else "a result below 1 counting as 0"
    )
    outside = "the constituency seats won by independents and by parties that did not qualify"
    if tier.parties_without_list_in_r:
        outside += " or had no list votes"
    share = (
        "the party's share of the valid list vote"
        if tier.share_base == "valid"
        else "the party's share of the qualifying parties' list votes"
    )
    method = _method_words(tier.method)
    formula = (
        f"The list seats were allocated by {kind} with a compensation ratio of {ratio}: each "
        f"qualifying party was entitled to [(N − R) × p − r] × {ratio} seats, rounded half up "
        f"({zero}), where N is the {rules.total_seats} seats, R {outside}, p {share} and r its "
        f"constituency seats."
    )
    out = [formula]
    cap = rules.list_seats if tier.cap is None else tier.cap
    parallel = rules.list_seats - cap
    fit = (
        f"if the entitlements added up to more than {cap} they were scaled down in proportion, "
        f"and if to fewer the seats left over were shared in proportion to the list vote, by "
        f"{method}"
    )
    if parallel > 0:
        out.append(
            f"The linked formula was capped at {cap} of the {rules.list_seats} list seats: {fit}. "
            f"The other {parallel} list seats were a parallel tier, shared among the qualifying "
            f"parties in proportion to their list votes, by {method}."
        )
    else:
        out.append(
            f"All {rules.list_seats} list seats were allocated by this formula, with no cap and "
            f"no parallel tier: {fit}."
        )
    return out


def _threshold_sentence(rules: Rules) -> str:
    if rules.threshold is None:
        return "Every party could receive list seats: there was no threshold."
    words = _condition_words(rules.threshold, _vote_words(rules))
    return (
        f"Only parties that won {words} ({_quoted(rules.threshold)}) qualified for list seats; "
        f"independents could not receive any."
    )


def _ties_sentence(rules: Rules) -> str:
    return {
        TieRule.LOT: "Ties between equal remainders were settled by lot.",
        TieRule.VOTES_THEN_LOT: (
            "Ties between equal remainders went to the party with more votes, then by lot."
        ),
        TieRule.LIST_ORDER: "Ties between equal remainders went to the party listed first.",
        TieRule.RAISE: (
            "How ties between equal remainders were settled is not known (korelect reports a "
            "tie rather than settling it)."
        ),
    }[rules.ties]


def _registered(rules: Rules) -> bool:
    """Whether these are the rules of a registered election, unchanged.

    The name may differ: it says which votes they were applied to.
    """
    if rules.year is None or rules.year not in registered_years():
        return False
    law = rules_for(rules.year)
    return rules.replace(name=law.name) == law


def _source_sentence(rules: Rules) -> str:
    if _registered(rules):
        return f"Legal source: {rules.law}." if rules.law else ""
    if rules.year is not None and rules.year in registered_years():
        law = rules_for(rules.year).law
        return (
            f"These are the {rules.year} rules with changes ({rules.name}), a scenario computed "
            f"by korelect" + (f"; legal source of the {rules.year} rules: {law}." if law else ".")
        )
    text = (
        f"These rules ({rules.name}) are a scenario computed by korelect, not the law of any "
        f"election"
    )
    if rules.law:
        text += f"; the legal text they start from is {rules.law}"
    return text + "."


_FAMILY_SENTENCES: Mapping[str, Callable[[Rules, Any], list[str]]] = {
    "seat-share": _seat_share_sentences,
    "proportional": _proportional_sentences,
    "linked": _linked_sentences,
}
"""How each list-tier family (by its registry ``formula`` name) describes its tier."""


def _sentence(text: str) -> str:
    """``text`` as a sentence: a capital first letter and a full stop."""
    text = text.strip().rstrip(".")
    return text[:1].upper() + text[1:] + "."


def electoral_system_paragraph(rules: Rules, *, gaps: Sequence[str] = ()) -> str:
    """The electoral system in one paragraph, generated from ``rules``.

    It gives the seats of each tier, the plurality district tier, the list
    formula in words, the threshold as the law writes it, the tie rule and the
    legal source; rules that are not a registered election's are called a
    scenario. ``gaps`` are the counts' sentences on the law's seats that no count
    covers (1948, 1950): ``rules`` are then the year's law reduced to the seats
    counted (the counts' rules), not a scenario, and the sentences say so.

    >>> from korelect import rules_for
    >>> print(electoral_system_paragraph(rules_for(1996)))
    Of the 299 seats, 253 were elected in single-member constituencies by first-past-the-post
    (plurality) voting and the remaining 46 from national party lists. Each voter cast a
    single vote, for a constituency candidate; there was no separate list vote. First, each
    party that did not qualify but won from 3% to under 5% of the valid constituency vote
    (3%–5%) received one list seat. The remaining list seats were shared among the
    qualifying parties in proportion to their national totals of constituency votes, by the
    largest remainder method (Hare quota), each party's share of the qualifying parties'
    votes (a fraction of 1) first rounded half up to 4 decimal places. The list seats did
    not compensate for the constituency seats (parallel). Only parties that won at least 5
    constituency seats or at least 5% of the valid constituency vote ("5 seats or 5%")
    qualified for list seats; independents could not receive any. Ties between equal
    remainders went to the party with more votes, then by lot. Legal source:
    공직선거및선거부정방지법 (1994) art. 189: by constituency votes.
    >>> text = electoral_system_paragraph(rules_for(2020))
    >>> "capped at 30 of the 47 list seats" in text, "other 17 list seats" in text
    (True, True)
    """
    magnitude = rules.district_magnitude
    districts = (
        "single-member constituencies by first-past-the-post (plurality) voting"
        if magnitude == 1
        else f"{rules.district_seats // magnitude} constituencies of {magnitude} members each, "
        f"the {magnitude} candidates with the most votes elected"
    )
    appointed = family_of(rules).formula == "appointed"
    rest = "appointed, not elected" if appointed else "from national party lists"
    if rules.list_seats == 0:
        seats = f"All {rules.total_seats} seats were elected in {districts}."
    elif rules.district_seats == 0:
        seats = f"All {rules.total_seats} seats were allocated from national party lists."
    else:
        seats = (
            f"Of the {rules.total_seats} seats, {rules.district_seats} were elected in "
            f"{districts}{',' if magnitude > 1 else ''} and the remaining {rules.list_seats} "
            f"{rest}."
        )
    sentences = [seats]
    if not rules.list_seats:
        pass  # no list tier: the ballot does not matter
    elif rules.vote_basis is VoteBasis.LIST:
        sentences.append(
            "Each voter cast two votes, one for a constituency candidate and one for a "
            "national party list."
        )
    else:
        sentences.append(
            "Each voter cast a single vote, for a constituency candidate; there was no "
            "separate list vote."
        )
    if rules.list_seats and appointed:
        sentences.append(_sentence(rules.list_tier.describe(rules.list_seats)))
    elif rules.list_seats:
        family = family_of(rules).formula
        if family in _FAMILY_SENTENCES:
            sentences += _FAMILY_SENTENCES[family](rules, rules.list_tier)
        else:  # the 1963–1985 tiers: the law's own description
            sentences.append(
                _sentence(f"The list seats went {rules.list_tier.describe(rules.list_seats)}")
            )
        sentences.append(_threshold_sentence(rules))
        sentences.append(_ties_sentence(rules))
    if gaps:
        sentences += [_sentence(gap) for gap in gaps]
        sentences.append(f"Legal source: {rules.law}." if rules.law else "")
    else:
        sentences.append(_source_sentence(rules))
    return _text(" ".join(s for s in sentences if s))


# -- the article --------------------------------------------------------------------------


def _rules_label(rules: Rules) -> str:
    """How the title names the rules of a counterfactual: ``2016 rules`` or the scenario's name."""
    return f"{rules.year} rules" if _registered(rules) else _text(rules.name)


def _rules_words(rules: Rules) -> str:
    """The rules of a counterfactual in running text."""
    if _registered(rules):
        return f"the {rules.year} rules ({_text(rules.name)})"
    return f'the scenario rules "{_text(rules.name)}"'


def _turnout_field(result: ElectionResult, prev: ElectionResult | None) -> str | None:
    const = national_rate(result)
    if const is None:
        return None  # no turnout figures, or too few for the country's (1948–1967)
    prev_const = None if prev is None else national_rate(prev)
    const_text = f"{_pct(const, 2)}%"
    change = None if prev_const is None else _change_pp(const, prev_const)
    listed = _rate(result.list_turnout)
    if listed is None:
        return const_text + (f" ({change})" if change else "")
    prev_list = None if prev is None else _rate(prev.list_turnout)
    list_change = "New" if prev_list is None else _change_pp(listed, prev_list)
    const_part = (
        f"{const_text} ({change}; Const. votes)" if change else f"{const_text} (Const. votes)"
    )
    return f"{const_part}, {_pct(listed, 2)}% ({list_change}; PR votes)"


def _infobox(
    year: int, result: ElectionResult, prev: ElectionResult | None, next_year: int | None
) -> list[str]:
    fields: list[tuple[str, str]] = [("Country", "South Korea"), ("Type", "legislative")]
    if prev is not None:
        fields += [
            ("Previous Election", f"{prev.year} South Korean legislative election"),
            ("Previous Year", str(prev.year)),
        ]
    if next_year is not None:
        fields += [
            ("Next Election", f"{next_year} South Korean legislative election"),
            ("Next Year", str(next_year)),
        ]
    turnout = _turnout_field(result, prev)
    if turnout is not None:
        fields.append(("Turnout", turnout))
    total = result.total_seats
    fields += [
        ("Seats For Election", f"All {total} seats in the National Assembly"),
        ("Majority Seats", str(total // 2 + 1)),
    ]
    day = _election_dates().get(year)
    if day is not None:
        fields.append(("Election Date", _date_text(day)))
    shares = _shares_only(result)
    for n, p in enumerate(_seated(result), start=1):
        before = None if prev is None else _before(p, year, prev)
        fields.append((f"Party{n}", p.info.name_en))
        if prev is not None:
            fields.append(
                (f"Last Election{n}", "Did not exist" if before is None else _seats(before.seats))
            )
        fields.append((f"Seats{n}", str(p.total_seats)))
        if prev is not None:
            change = "New" if before is None else _signed(Fraction(p.total_seats - before.seats))
            fields.append((f"Seat Change{n}", change))
        if not p.votes:
            continue  # no list of its own (2020, 2024) or no votes counted: no share to print
        if not shares:
            fields.append((f"Popular Vote{n}", _votes_text(p.votes)))
        fields.append((f"Percentage{n}", f"{_pct(p.vote_share, 2)}%"))
        if prev is None:
            continue
        if before is None:
            fields.append((f"Swing{n}", "New"))
        elif before.share is not None:
            fields.append((f"Swing{n}", _change_pp(p.vote_share, before.share)))
    return ["Infobox", *(f"- {key}: {_text(value)}" for key, value in fields)]


def _lead(
    actual: ElectionResult,
    result: ElectionResult,
    label: str | None,
    notes: Sequence[str],
) -> list[str]:
    year = actual.year
    total = result.total_seats
    majority = total // 2 + 1
    law = actual.rules
    day = _election_dates().get(year)
    when = f" on {_date_text(day)}" if day is not None else f" in {year}"
    assembly = f" of the {_ordinal(law.assembly)} National Assembly" if law.assembly else ""
    held = f"Legislative elections were held in South Korea{when}"
    gaps = actual.counts.gaps if actual.counts is not None else ()
    members = _law_total(actual) if gaps else actual.total_seats
    first = [f"{held} to elect the {members} members{assembly}."]
    if members != actual.total_seats:
        first.append(
            f"The counts korelect has cover {actual.total_seats} of the seats, and this "
            f"article gives those."
        )
    if label is not None:
        first.append(
            f"This article is a counterfactual computed by korelect: the votes of the {year} "
            f"election counted under {label} instead of the law in force."
        )
        first += notes
    seated = _seated(result)
    if seated:
        most = seated[0].total_seats
        top = [p for p in seated if p.total_seats == most]
        verdict = (
            "a majority" if most >= majority else f"short of the {majority} needed for a majority"
        )
        if len(top) == 1:
            first.append(
                f"{_cap(_the(top[0].info.name_en))} won the most seats, {most} of the {total} "
                f"seats in the National Assembly, {verdict}."
            )
        else:
            names = _join([_the(p.info.name_en) for p in top])
            first.append(
                f"{_cap(names)} tied for the most seats, {most} of the {total} "
                f"seats in the National Assembly each, {verdict}."
            )
    first += _satellite_sentences(year, result)
    first += _appointed_sentences(result)
    rate = national_rate(result)
    listed = _rate(result.list_turnout)
    if rate is None:
        first.append(_partial_turnout(result))
    elif listed is None:
        first.append(f"Voter turnout was {_pct(rate, 2)}%.")
    else:
        first.append(
            f"Voter turnout was {_pct(rate, 2)}% for the constituency vote and "
            f"{_pct(listed, 2)}% for the list vote."
        )
    paragraphs = [" ".join(first)]
    if label is not None:
        paragraphs.append(_differences(actual, result))
    return paragraphs


def _law_total(result: ElectionResult) -> int:
    """The seats the law of the election provides (more than are counted in 1948, 1950)."""
    year = result.year
    if year in registered_years() and result.law.year == year:
        return rules_for(year).total_seats
    return result.total_seats


def _appointed(result: ElectionResult) -> list[PartyLine]:
    """The appointed bloc's line (1973, 1978, or their law applied), if it has seats."""
    return [p for p in result.parties if p.kind is Kind.APPOINTED and p.total_seats]


def _appointed_sentences(result: ElectionResult) -> list[str]:
    return [
        f"The other {_seats(p.total_seats)} went to {_the(p.info.name_en)} "
        f"({p.info.name_ko}), appointed, not elected."
        for p in _appointed(result)
    ]


def _partial_turnout(result: ElectionResult) -> str:
    """What the lead says where the turnout figures do not cover the election (1948–1967).

    Where they cover most of the districts that voted, their rate, said to be theirs
    (not the country's: it is not printed as the turnout); else how few there are.
    """
    cover = turnout_coverage(result)
    districts = f"{cover.voted} contested constituencies"
    if not cover.covered:
        return f"korelect has no turnout counts for {result.year}."
    if cover.rate is not None and 2 * cover.covered > cover.voted:
        return (
            f"Turnout in the {cover.covered} of the {districts} that korelect has turnout "
            f"figures for was {_pct(cover.rate, 2)}%; it has none for the other "
            f"{cover.voted - cover.covered}."
        )
    return (
        f"korelect has turnout figures for only {cover.covered} of the {districts} of "
        f"{result.year}, too few for a national turnout."
    )


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _satellite_sentences(year: int, result: ElectionResult) -> list[str]:
    lines = {p.info.party_id: p for p in result.parties}
    out = []
    for p in _seated(result):
        party = _registry_party(p.info.party_id)
        if party is None:
            continue
        sats = [
            lines[s.id]
            for s in parties().satellites(party, year)
            if s.id in lines and lines[s.id].total_seats
        ]
        if not sats:
            continue
        held = p.total_seats + sum(s.total_seats for s in sats)
        names = _join([f"{_the(s.info.name_en)} ({_seats(s.total_seats)})" for s in sats])
        noun = "party" if len(sats) == 1 else "parties"
        out.append(
            f"With its satellite list {noun}, {names}, {_the(p.info.name_en)} held {held} seats."
        )
    return out


def _differences(actual: ElectionResult, result: ElectionResult) -> str:
    year = actual.year
    real = {p.info.party_id: p for p in actual.parties if p.kind is not Kind.OTHER}
    here = {p.info.party_id: p for p in result.parties if p.kind is not Kind.OTHER}
    changed = []
    for pid in dict.fromkeys([*here, *real]):
        now = here[pid].total_seats if pid in here else 0
        was = real[pid].total_seats if pid in real else 0
        if now != was:
            line = here.get(pid) or real[pid]
            name = "independents" if line.kind is Kind.INDEPENDENT else _the(line.info.name_en)
            changed.append(f"{name} {now} (actual {was})")
    if not changed:
        return (
            f"Counted this way, every party wins the seats it actually won in {year} "
            f"({_text(actual.rules.name)})."
        )
    return (
        f"Counted this way, the seats differ from the actual result of {year} "
        f"({_text(actual.rules.name)}): {'; '.join(changed)}."
    )


def _party_paragraphs(year: int, result: ElectionResult) -> list[str]:
    vote = "list vote" if result.rules.vote_basis is VoteBasis.LIST else "constituency vote"
    registry = parties()
    out = []
    for p in _seated(result):
        name = _cap(_the(p.info.name_en))
        if p.info.name_ko != p.info.name_en:
            name += f" ({p.info.name_ko})"
        party = _registry_party(p.info.party_id)
        parent = None if party is None else registry.parent(party)
        if not p.list_seats:
            how = "all in constituencies"
        elif not p.district_seats:
            how = "all from its list"
        else:
            how = f"{p.district_seats} in constituencies and {p.list_seats} from its list"
        share = (
            f", with {_pct(p.vote_share, 2)}% of the {vote}"
            if p.votes
            else f"; it had no {vote} of its own"
        )
        text = f"{name} won {_seats(p.total_seats)}, {how}{share}."
        if parent is not None:  # after the figures, so that they follow the party they are of
            text += f" It was the satellite list party of {_the(parent.name_en)}."
        out.append(text)
    independents = sum(p.total_seats for p in result.parties if p.kind is Kind.INDEPENDENT)
    if independents:
        out.append(
            f"Independent candidates won {independents} constituency "
            f"{_seats(independents).split()[1]}."
        )
    for p in _appointed(result):
        name = _cap(_the(p.info.name_en))
        if p.info.name_ko != p.info.name_en:
            name += f" ({p.info.name_ko})"
        out.append(f"{name} held {_seats(p.total_seats)}, appointed, not elected.")
    return out


def _national_table(result: ElectionResult) -> Table:
    """The national table, with the appointed bloc in a row of its own (1973, 1978).

    The report's article table has a row for each party and for the independents; the
    bloc no vote elected is neither, so it gets its row here, before the votes no
    candidate's count holds and the Total: named as the bloc, marked appointed, with
    no votes and its seats in the List seats column.
    """
    table = national_table_model(result, ARTICLE)
    blocs = _appointed(result)
    if not blocs:
        return table
    heads = [c.header for c in table.columns]
    seat_heads = dict(zip(ARTICLE.seat_heads, ("district", "list", "total"), strict=True))
    at = next(
        i
        for i, row in enumerate(table.rows)
        if row[0].text in (ARTICLE.gap_label, ARTICLE.total_label)
    )
    rows = list(table.rows)
    for p in reversed(blocs):
        seats = {"district": p.district_seats, "list": p.list_seats, "total": p.total_seats}
        cells = [Cell(f"{p.info.name_en} (appointed)")]
        for head in heads[1:]:
            tier = seat_heads.get(head)
            cells.append(Cell("") if tier is None else Cell(str(seats[tier]), seats[tier]))
        rows.insert(at, tuple(cells))
    moved = tuple(i + len(blocs) if i >= at else i for i in table.rule_before)
    return replace(table, rows=tuple(rows), rule_before=moved)


def _province_tables(result: ElectionResult) -> list[Table]:
    """The report's seed-layout tables, fitted to the national tier the rules have.

    No "PR list" of zeros without one, "Appointed" for an appointed one (the report does it).
    """
    return province_table_models(result, ARTICLE)


def _province_section(result: ElectionResult) -> list[str]:
    """The seeds' "By city/province" tables of the era (see the module doc)."""
    out = ["===By city/province==="]
    for i, table in enumerate(_province_tables(result)):
        out += [*([""] if i else []), *table.wiki().splitlines()]
    return out


def _counterfactual(counts: Counts, asked: Rules) -> bool:
    """Whether ``asked``, adapted to the counts, are other rules than the counts' own.

    The year's own law is not a counterfactual, even where the counts cover fewer seats
    than it provides (1948, 1950: the law adapted to the counted seats is the counts' rules,
    but for its name).
    """
    if asked == counts.rules:
        return False
    if not _registered(asked) or asked.year != counts.year:
        return True  # another year's law, or a scenario (even one that only renames)
    _, used, _ = request(counts, rules=asked)
    return replace(used, name=counts.rules.name) != counts.rules


def write_article(
    source: int | str | os.PathLike[str] | Counts, *, rules: RulesLike | None = None
) -> str:
    """The article of an election, computed by korelect, in the seed format.

    ``source`` is what :func:`korelect.results` takes: a year, a counts folder or
    :class:`~korelect.Counts`. With ``rules`` (other than the election's own), the same
    votes counted under those rules: a counterfactual, which the title and the lead say.

    >>> text = write_article(1996)
    >>> text.splitlines()[0]
    '= 1996 South Korean legislative election ='
    >>> "- Seats1: 139" in text, "| Total | 299 | 139 | 79 | 50 | 15 | 16 |" in text
    (True, True)
    """
    counts = as_counts(source)
    year = counts.year
    # a year names the shipped counts (computed once per process); Counts or a folder are
    # computed as given, edited or not
    shipped = not isinstance(source, Counts) and counts.source == "korelect/data"
    actual = _actual(year) if shipped else results(counts)
    asked = None if rules is None else as_rules(rules)
    notes: Sequence[str] = ()
    label = None
    words = ""
    result = actual
    if asked is not None and _counterfactual(counts, asked):
        label = _rules_label(asked)
        words = _rules_words(asked)
        result = results(counts, rules=asked)
        notes = result.notes
    prev_year, next_year = _neighbours(year)
    prev = None if prev_year is None else _actual(prev_year)
    title = f"{year} South Korean legislative election"
    if label is not None:
        title += f" (under: {label})"
    lines = [f"= {_text(title)} =", ""]
    lines += _infobox(year, result, prev, next_year)
    lines.append("")
    for paragraph in _lead(actual, result, words or None, notes):
        lines += [_text(paragraph), ""]
    gaps = counts.gaps if label is None else ()
    system = electoral_system_paragraph(result.rules, gaps=gaps)
    lines += ["== Electoral system ==", "", system, ""]
    party_paragraphs = _party_paragraphs(year, result)
    if party_paragraphs:
        lines += ["==Political parties==", ""]
        for paragraph in party_paragraphs:
            lines += [_text(paragraph), ""]
    lines += ["==Results==", "", _national_table(result).wiki(), ""]
    lines += _province_section(result)
    return "\n".join(lines) + "\n"
