"""Facts derived across places: district + list seats, regions of provinces, own allocation.

:func:`own_allocation` allocates the list seats that the article's own votes
and district seats give under the year's law (:func:`korelect.allocate`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from fractions import Fraction

from korelect.analysis.article.checker.common import (
    ALL,
    ALLOCATION,
    INFOBOX,
    NATIONAL,
    PROSE_TEXT,
    SUM,
    TABLE,
    Key,
)
from korelect.analysis.article.checker.facts import Fact, Facts, number_of
from korelect.analysis.article.checker.numbers import Num
from korelect.base.numbers import fmt_count, round_half_up
from korelect.engine.allocate import allocate
from korelect.engine.allocation import Allocation
from korelect.engine.entries import Entry, Kind
from korelect.errors import KorelectError
from korelect.law.rules import Rules, VoteBasis


def cross_sums(facts: Facts) -> None:
    """A party's district seats + list seats (from tables) as its total seats."""
    printed = [f for f in facts.facts if not f.derived]
    district = _first(printed, lambda k: k[0] == "seats" and k[2] == "district", TABLE)
    listed = _first(printed, lambda k: k[0] == "seats" and k[2] == "list", TABLE)
    have = {(f.key, f.inputs) for f in facts.facts if f.derived and f.key[0] == "seats"}
    for (who, area), a in district.items():
        b = listed.get((who, area))
        if b is None or area != NATIONAL:
            continue
        key: Key = ("seats", who, "total", NATIONAL)
        inputs = frozenset((a.id, b.id))
        if (key, inputs) in have:
            continue
        both = number_of(a) + number_of(b)
        facts.add(
            key,
            Num(both),
            b.line,
            SUM,
            f"{a.where} + {b.where}",
            a.item,
            f"district {a.text} (line {a.line}) + list {b.text} (line {b.line}) = {both}",
            inputs,
        )


def region_sums(facts: Facts) -> None:
    """Prose regions of several provinces, summed from the tables' province rows."""
    printed: dict[Key, Fact] = {}  # the first table cell of each quantity
    for f in facts.facts:
        if not f.derived and f.kind == TABLE:
            printed.setdefault(f.key, f)
    keys = [f.key for f in facts.facts if f.kind == PROSE_TEXT and f.key[0] == "seats"]
    for key in dict.fromkeys(keys):
        area = key[3]
        if area == NATIONAL or "+" not in area:
            continue
        parts = []
        for code in area.split("+"):
            part = printed.get(("seats", key[1], key[2], code))
            if part is None:
                break
            parts.append(part)
        else:
            parts.sort(key=lambda f: f.line)
            total = sum((p.value.value for p in parts if isinstance(p.value, Num)), Fraction(0))
            rows = " + ".join(p.where.rsplit("row ", 1)[-1] for p in parts)
            facts.add(
                key,
                Num(total),
                parts[-1].line,
                SUM,
                parts[0].where.split(", row")[0],
                f"rows {rows}, {parts[0].item}",
                " + ".join(f"{p.text} (line {p.line})" for p in parts) + f" = {total}",
                (p.id for p in parts),
            )


def _first(
    facts: Sequence[Fact], test: Callable[[Key], bool], kind: str
) -> dict[tuple[str, str], Fact]:
    """The first printed fact of ``kind`` per (who, area) among keys passing ``test``."""
    out: dict[tuple[str, str], Fact] = {}
    for f in facts:
        if f.kind == kind and test(f.key) and f.key[1] != ALL:
            out.setdefault((f.key[1], f.key[3]), f)
    return out


def _own_votes(
    printed: list[Fact], ballot: str
) -> tuple[dict[str, Fraction], Fraction, list[Fact], str] | None:
    """The article's votes for the list tier: (by party, the rest, the facts used, how).

    Vote counts (the infobox's, else one table's) where printed, with the rest
    of the valid vote (a Total row's, else estimated from the largest party's
    votes and percentage) as one bucket; else one table's (or the infobox's)
    national percentages, the rest up to 100 as one bucket. ``Other`` rows and
    columns count in the rest.
    """

    def national(topic: str, kind: str) -> list[Fact]:
        chosen = [
            f
            for f in printed
            if f.key[0] == topic and f.key[2:] == (ballot, NATIONAL) and f.kind == kind
        ]
        return [f for f in chosen if f.group == chosen[0].group] if chosen else []

    for kind in (INFOBOX, TABLE):
        counts = national("votes", kind)
        parties = [f for f in counts if f.key[1] != ALL and not f.key[1].startswith("other:")]
        if not parties:
            continue
        values: dict[str, Fraction] = {}
        for f in parties:
            values[f.key[1]] = values.get(f.key[1], Fraction(0)) + number_of(f)
        rest = sum((number_of(f) for f in counts if f.key[1].startswith("other:")), Fraction(0))
        used = list(counts)
        total = next((f for f in counts if f.key[1] == ALL), None)
        how = ""
        if total is not None:
            rest = max(rest, number_of(total) - sum(values.values()))
            how = f"; the rest of the {total.text} valid votes (line {total.line}) is one bucket"
        else:
            shares = {f.key[1]: f for f in national("pct", kind)}
            best = max((w for w in values if w in shares), key=values.__getitem__, default=None)
            if best is not None and number_of(shares[best]):
                whole = round_half_up(values[best] * 100 / number_of(shares[best]))
                rest = max(rest, whole - sum(values.values()))
                used.append(shares[best])
                how = (
                    f"; the rest of the {fmt_count(int(whole))} valid votes "
                    f"({fmt_count(int(values[best]))} ÷ {shares[best].text}) is one bucket"
                )
        return values, rest, used, how
    for kind in (TABLE, INFOBOX):
        rows = [f for f in national("pct", kind) if f.key[1] != ALL]
        if not rows:
            continue
        values = {}
        rest = Fraction(0)
        for f in rows:
            if f.key[1].startswith("other:"):
                rest += number_of(f)
            else:
                values[f.key[1]] = values.get(f.key[1], Fraction(0)) + number_of(f)
        rest += max(Fraction(0), 100 - sum(values.values()) - rest)
        lines = sorted({f.line for f in rows})
        where = f"line {lines[0]}" if len(lines) == 1 else f"lines {lines[0]}–{lines[-1]}"
        return values, rest, rows, f"; the percentages of {where}, the rest up to 100 one bucket"
    return None


def own_allocation(facts: Facts, law: Rules) -> None:
    """The list seats that the article's own votes and district seats give under ``law``.

    District seats come from the tables' national district rows; votes from the
    infobox's Popular Vote (the rest of the valid vote, estimated from a party's
    votes and percentage, is one bucket) or else from a table's national
    percentage row of the ballot the law uses (``Other`` and the rest up to 100
    are a bucket). A party with district seats and no printed votes counts 0
    votes. The result becomes a derived fact for every party's list seats, and
    for its total seats where the article prints no list seats.
    """
    printed = [f for f in facts.facts if not f.derived]
    district = {
        who: f
        for (who, area), f in _first(
            printed, lambda k: k[0] == "seats" and k[2] == "district", TABLE
        ).items()
        if area == NATIONAL
    }
    if not district:
        return
    ballot = "constituency" if law.vote_basis is VoteBasis.CONSTITUENCY else "list"
    found = _own_votes(printed, ballot)
    if found is None:
        return
    values, rest, used, how = found
    district_seats = {who: int(number_of(f)) for who, f in district.items()}
    count = sum(district_seats.values())
    rules = law
    bloc = facts.names.appointed
    appointed = None if bloc is None else bloc.party_id
    try:
        entries = []
        if appointed is not None:  # the appointed tier's bloc (1973, 1978), by its id
            entries.append(Entry(appointed, 0, 0, Kind.APPOINTED))
        for who in dict.fromkeys([*district_seats, *values]):
            seats = district_seats.get(who, 0)
            kind = Kind.PARTY
            if who == appointed:
                continue
            if who == "independent" or (who.startswith("other:") and seats):
                kind = Kind.INDEPENDENT
            elif who.startswith("other:"):
                kind = Kind.OTHER
            entries.append(Entry(who, values.get(who, Fraction(0)), seats, kind))
        if rest > 0:
            entries.append(Entry("(the rest of the vote)", rest, 0, Kind.OTHER))
        if count != law.district_seats:
            rules = law.replace(district_seats=count, total_seats=count + law.list_seats)
        allocation: Allocation = allocate(entries, rules)
    except KorelectError:
        return  # numbers the law cannot allocate (negative, or no seats): nothing to compare
    # one set, shared by every party's fact (frozenset() of a frozenset is the same object)
    inputs = frozenset([f.id for f in used] + [f.id for f in district.values()])
    listed = {f.key[1] for f in printed if f.key[0] == "seats" and f.key[2:] == ("list", NATIONAL)}
    first: dict[Key, Fact] = {}
    for f in printed:
        first.setdefault(f.key, f)
    note = (
        f"korelect.allocate under rules_for({law.year}) of the article's own votes and "
        f"district seats{how}"
    )
    for p in allocation.parties:
        if p.kind is Kind.OTHER or p.name == ALL:
            continue
        target = first.get(("seats", p.name, "list", NATIONAL)) or first.get(
            ("seats", p.name, "total", NATIONAL)
        )
        anchor = target or district.get(p.name) or used[0]
        line = anchor.line
        if listed:
            key: Key = ("seats", p.name, "list", NATIONAL)
            value = p.list_seats
            text = f"the allocation of the article's own votes gives {value} list seats"
        else:
            key = ("seats", p.name, "total", NATIONAL)
            value = p.district_seats + p.list_seats
            text = (
                f"the allocation of the article's own votes gives {p.district_seats} district "
                f"+ {p.list_seats} list = {value} seats"
            )
        facts.add(
            key,
            Num(Fraction(value)),
            line,
            ALLOCATION,
            "allocation of the article's own votes",
            target.item if target is not None else p.name,
            text,
            inputs,
            detail=note,
        )
