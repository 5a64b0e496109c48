"""The law: the electoral-system paragraph's thresholds against the law of the year."""

from __future__ import annotations

import re
from fractions import Fraction

from korelect.analysis.article.checker.common import SYSTEM
from korelect.analysis.article.checker.facts import Draft
from korelect.analysis.article.checker.numbers import NUM, parse_number, word_number
from korelect.analysis.article.checker.record import Record
from korelect.analysis.article.model import Article
from korelect.base.numbers import fmt_decimal
from korelect.engine.allocate import allocate
from korelect.engine.entries import Entry, Kind
from korelect.errors import KorelectError
from korelect.law.rules import Rules
from korelect.law.thresholds import AnyOf, Condition, DistrictSeats, VoteShare
from korelect.record.computed import threshold_minimums


def law_thresholds(article: Article, law: Rules, record: Record | None) -> list[Draft]:
    """The electoral-system paragraph's threshold numbers vs the law's."""
    drafts: list[Draft] = []
    year = law.year
    min_seats, min_shares = threshold_minimums(law.threshold)
    minor = getattr(law.list_tier, "minor_party_seat", None)
    minor_shares = threshold_minimums(minor)[1] if isinstance(minor, Condition) else []
    sources = (article.source, f"korelect.rules_for({year})")
    effects: dict[tuple[tuple[int, ...], tuple[Fraction, ...]], str] = {}
    for para in article.paragraphs:
        if "electoral system" not in para.section.lower():
            continue
        text = para.text
        first = len(drafts)
        printed_seats: list[int] = []
        printed_shares: list[Fraction] = []
        for m in re.finditer(
            rf"\b({NUM})\s+or\s+more\s+(?:constituency\s+|district\s+)?seats", text
        ):
            n = word_number(m[1])
            if n is None:
                continue
            printed_seats.append(n)
            if n in min_seats:
                continue
            law_text = " or ".join(f"{s} constituency seats" for s in min_seats)
            drafts.append(
                Draft(
                    para.line,
                    SYSTEM,
                    "electoral system",
                    "list-tier threshold (seats)",
                    law_text or "no seat threshold",
                    f"'{m[0]}'",
                    "",
                    sources,
                )
            )
        for m in re.finditer(
            rf"\b({NUM}|\d+(?:\.\d+)?)\s*(?:%|percent|per\s+cent)\s+of\s+the\s+"
            r"(?:national\s+)?(?:valid\s+)?votes?",
            text,
        ):
            n = word_number(m[1])
            if n is not None:
                share = Fraction(n)
            else:
                num = parse_number(m[1])
                if num is None:
                    continue  # more digits than a figure has
                share = num.value
            printed_shares.append(share / 100)
            if share in [s * 100 for s in min_shares]:
                continue
            law_text = " or ".join(
                f"{fmt_decimal(s * 100, 0)}% of the valid vote" for s in min_shares
            )
            note = ""
            if share in [s * 100 for s in minor_shares]:
                note = (
                    f"the law gives a party with {fmt_decimal(share, 0)}% but under the "
                    "threshold one list seat first, not a share of the list seats"
                )
            drafts.append(
                Draft(
                    para.line,
                    SYSTEM,
                    "electoral system",
                    "list-tier threshold (vote)",
                    law_text or "no vote threshold",
                    f"'{m[0]}'",
                    note,
                    sources,
                )
            )
        if drafts[first:] and record is not None and (printed_seats or printed_shares):
            printed = (tuple(printed_seats), tuple(printed_shares))
            if printed not in effects:
                effects[printed] = _threshold_effect(record, printed_seats, printed_shares)
            effect = effects[printed]
            if effect:
                for d in drafts[first:]:
                    d.note = "; ".join(n for n in (d.note, effect) if n)
    return drafts


def _threshold_effect(record: Record, seats: list[int], shares: list[Fraction]) -> str:
    """What the article's threshold would have changed in the counted election."""
    parts: list[Condition] = [DistrictSeats(s) for s in seats]
    parts += [VoteShare(s) for s in shares]
    condition = parts[0] if len(parts) == 1 else AnyOf(tuple(parts))
    allocation = record.result.allocation
    entries = [Entry(p.name, p.votes, p.district_seats, p.kind) for p in allocation.parties]
    gap = allocation.total_votes - sum((Fraction(p.votes) for p in allocation.parties), Fraction(0))
    if gap > 0:
        entries.append(Entry("(other)", gap, 0, Kind.OTHER))
    try:
        other = allocate(entries, record.law.replace(threshold=condition))
    except KorelectError:
        return ""
    if other.list_seats == allocation.list_seats:
        return (
            f"under the article's threshold ({condition}) the {record.year} list seats are the same"
        )
    changed = [
        f"{_party_name(record, p)} {allocation.list_seats[p]} → {other.list_seats[p]}"
        for p in allocation.list_seats
        if allocation.list_seats[p] != other.list_seats.get(p)
    ]
    return f"under the article's threshold ({condition}): " + ", ".join(changed)


def _party_name(record: Record, pid: str) -> str:
    """A party id's name in the record's result, for notes."""
    for p in record.result.parties:
        if p.info.party_id == pid:
            return p.info.abbr or p.info.name_en
    return pid
