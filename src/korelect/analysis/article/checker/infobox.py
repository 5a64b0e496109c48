"""Reading the infobox: the election's date, seats, majority and turnout; each party's figures."""

from __future__ import annotations

import re
from fractions import Fraction

from korelect.analysis.article.checker.common import ALL, DIFFERENCE, INFOBOX, NATIONAL
from korelect.analysis.article.checker.facts import Facts
from korelect.analysis.article.checker.numbers import Num, Value, decimals, parse_number, show
from korelect.analysis.article.model import Change, InfoboxParty
from korelect.base.numbers import fmt_count, fmt_decimal


def read_infobox(facts: Facts) -> None:
    """The election fields and each party's fields."""
    box = facts.article.infobox
    if box is None:
        return
    where = "infobox"
    if box.election_date is not None:
        f = box.get("Election Date")
        facts.add(
            ("date",),
            box.election_date,
            f.line if f else box.line,
            INFOBOX,
            where,
            "Election Date",
            f.value if f else str(box.election_date),
        )
    total_fact = None
    if box.total_seats is not None:
        f = box.get("Seats For Election")
        total_fact = facts.add(
            ("seats", ALL, "total", NATIONAL),
            Num(Fraction(box.total_seats)),
            f.line if f else box.line,
            INFOBOX,
            where,
            "Seats For Election",
            f.value if f else str(box.total_seats),
        )
    if box.majority_seats is not None:
        f = box.get("Majority Seats")
        line = f.line if f else box.line
        facts.add(
            ("majority",),
            Num(Fraction(box.majority_seats)),
            line,
            INFOBOX,
            where,
            "Majority Seats",
            f.value if f else str(box.majority_seats),
        )
        if total_fact is not None and box.total_seats is not None:
            facts.add(
                ("majority",),
                Num(Fraction(box.total_seats // 2 + 1)),
                line,
                DIFFERENCE,
                where,
                "a majority of Seats For Election",
                f"{box.total_seats} // 2 + 1 = {box.total_seats // 2 + 1}",
                (total_fact.id,),
            )
    turnout_field = box.get("Turnout")
    printed = (  # not from inside a number: it would be read from its first digit
        re.findall(r"(?<!\d)(\d+(?:\.\d+)?)\s*%", turnout_field.value) if turnout_field else []
    )
    for index, t in enumerate(box.turnout):
        ballot = _ballot_of(t.label)
        item = f"Turnout ({t.label})" if t.label else "Turnout"
        if t.pct is not None:
            raw = printed[index] if index < len(printed) else None
            num = parse_number(raw) if raw else None
            value = num if num is not None else Num(t.pct, max(2, decimals(t.pct)))
            facts.add(
                ("turnout", ballot),
                value,
                t.line,
                INFOBOX,
                where,
                item,
                f"{raw or fmt_decimal(t.pct, 2)}%",
            )
        if t.change is not None:
            change = _change_value(t.change)
            if change is not None:
                facts.add(
                    ("turnout change", ballot),
                    change,
                    t.change.line,
                    INFOBOX,
                    where,
                    f"{item} change",
                    t.change.raw,
                )
    for p in box.parties:
        read_party(facts, p)


def read_party(facts: Facts, p: InfoboxParty) -> None:
    """One infobox party: seats, votes, percentage, last election and seat change."""
    where = f"infobox: Party{p.number} {p.name}"
    who = facts.party(p.name, p.lines.get("Party", p.line), where)
    box = facts.article.infobox
    ballot = "list" if facts.list_year else "constituency"

    def field_line(name: str) -> int:
        return p.lines.get(name, p.line)

    def raw(name: str) -> str:
        f = box.get(f"{name}{p.number}") if box else None
        return f.value if f else ""

    seats = last = None
    if p.seats is not None:
        seats = facts.add(
            ("seats", who, "total", NATIONAL),
            Num(Fraction(p.seats)),
            field_line("Seats"),
            INFOBOX,
            where,
            "Seats",
            raw("Seats") or str(p.seats),
        )
    if p.popular_vote is not None:
        facts.add(
            ("votes", who, ballot, NATIONAL),
            Num(Fraction(p.popular_vote)),
            field_line("Popular Vote"),
            INFOBOX,
            where,
            "Popular Vote",
            raw("Popular Vote") or fmt_count(p.popular_vote),
        )
    if p.percentage is not None:
        text = raw("Percentage")
        num = parse_number(text) or Num(p.percentage, max(2, decimals(p.percentage)))
        facts.add(
            ("pct", who, ballot, NATIONAL),
            num,
            field_line("Percentage"),
            INFOBOX,
            where,
            "Percentage",
            text or f"{fmt_decimal(p.percentage, 2)}%",
        )
    if "Last Election" in p.lines:
        value: Value = (
            Num(Fraction(p.last_election)) if p.last_election is not None else "Did not exist"
        )
        last = facts.add(
            ("last", who),
            value,
            field_line("Last Election"),
            INFOBOX,
            where,
            "Last Election",
            p.last_election_raw or show(value),
        )
    if p.seat_change is not None:
        change = _change_value(p.seat_change)
        if change is not None:
            facts.add(
                ("change", who),
                change,
                p.seat_change.line,
                INFOBOX,
                where,
                "Seat Change",
                p.seat_change.raw,
            )
            if seats is not None and last is not None and isinstance(seats.value, Num):
                if isinstance(last.value, Num):
                    diff = seats.value.value - last.value.value
                    derived: Value = Num(diff)
                    how = (
                        f"Seats (line {seats.line}) − Last Election (line {last.line}) = "
                        f"{show(seats.value)} − {show(last.value)} = {int(diff):+d}"
                    )
                else:
                    derived = "New"
                    how = "New (Last Election: Did not exist)"
                facts.add(
                    ("change", who),
                    derived,
                    p.seat_change.line,
                    DIFFERENCE,
                    where,
                    "Seats − Last Election",
                    how,
                    (seats.id, last.id),
                )


def _ballot_of(label: str) -> str:
    found = re.search(r"\b(PR|list|proportional)\b", label, re.IGNORECASE)
    return "list" if found else "constituency"


def _change_value(change: Change) -> Value | None:
    """A printed change as a figure (unsigned where printed without a sign)."""
    if change.new:
        return "New"
    if change.value is None:
        return None
    num = parse_number(re.sub(r"^[+\-−–▲▼]\s*", "", change.raw.strip()))
    places = num.places if num is not None else decimals(change.value)
    unsigned = change.sign_implied or change.sign_unknown
    return Num(abs(change.value) if unsigned else change.value, places, unsigned)
