"""Audit checks 1 and 2: declared winners (vs the counts and a second source), their votes."""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from datetime import date
from decimal import Decimal
from fractions import Fraction

from korelect.analysis.audit.common import (
    SECOND,
    WINNER_BIRTH,
    WINNER_PCT,
    WINNER_VOTES,
    AuditContext,
)
from korelect.base.numbers import fmt_count
from korelect.record.counts import declared_source
from korelect.record.data import Candidate, Winner
from korelect.record.election import squash
from korelect.record.findings import Finding

# ------------------------------------------------------------ 1. declared winners


def check_declared(ctx: AuditContext, year: int) -> list[Finding]:
    """The result's own findings, then a second declaration where one exists.

    A second source may list several members for one district (assemblykor: the
    winner and members who entered by by-election); it agrees when one of them
    is the first source's winner, whose party and birth date are then compared.
    """
    y = ctx.year(year)
    found = [*ctx.law_findings[year], *y.result.findings]
    primary = declared_source(year, ctx.data)
    by_source: dict[str, dict[str, list[Winner]]] = defaultdict(lambda: defaultdict(list))
    for w in ctx.data.winners(year):
        by_source[w.source][w.district_id].append(w)
    first = {d: ws[-1] for d, ws in by_source.get(primary, {}).items()}
    births: list[Finding] = []
    for source, declared in sorted(by_source.items()):
        if source == primary:
            continue
        for district_id in sorted(set(first) | set(declared)):
            a, bs = first.get(district_id), declared.get(district_id, [])
            if a is None or not bs:
                b = bs[-1] if bs else None
                place = next(f"{w.province}:{w.district_ko}" for w in (a, b) if w is not None)
                found.append(
                    Finding(
                        year,
                        SECOND,
                        district_id or place,
                        f"{primary}: " + ("none" if a is None else f"{a.name_ko} ({a.party_ko})"),
                        f"{source}: " + ("none" if b is None else f"{b.name_ko} ({b.party_ko})"),
                        f"{primary}; {source}",
                        "a winner declared by one source only",
                    )
                )
                continue
            same = [b for b in bs if squash(b.name_ko) == squash(a.name_ko)]
            b = same[0] if same else bs[-1]
            person = not same
            party = not person and y.pid(a.party_ko) != y.pid(b.party_ko)
            if person or party:
                names = ", ".join(f"{w.name_ko} ({w.party_ko})" for w in bs)
                found.append(
                    Finding(
                        year,
                        SECOND,
                        district_id,
                        f"{primary}: {a.name_ko} ({a.party_ko})",
                        f"{source}: {names if person else f'{b.name_ko} ({b.party_ko})'}",
                        f"{primary}; {source}",
                        "a different person" if person else "a different party",
                    )
                )
            if not person and a.birth_date and b.birth_date and a.birth_date != b.birth_date:
                births.append(
                    Finding(
                        year,
                        WINNER_BIRTH,
                        district_id,
                        f"{primary}: {a.name_ko} born {a.birth_date.isoformat()}",
                        f"{source}: born {b.birth_date.isoformat()}",
                        f"{primary}; {source}",
                        _birth_note(a.birth_date, b.birth_date),
                    )
                )
    return found + births


def _birth_note(a: date, b: date) -> str:
    """What a gap between two birth dates may be, and why it matters."""
    gap = abs((a - b).days)
    why = "ties between candidates go to the eldest (art. 188): the first source's date is used"
    if a.replace(year=b.year) == b:
        return f"the same day, {abs(a.year - b.year)} year(s) apart; {why}"
    if gap <= 60:
        return f"{gap} days apart (a lunar and a solar calendar date?); {why}"
    return f"{gap} days apart; {why}"


# ------------------------------------------------------------- 2. winners' votes


def check_winner_votes(ctx: AuditContext, year: int) -> list[Finding]:
    """The votes each source declares for its winner vs that candidate's count."""
    data = ctx.data
    cands: dict[str, list[Candidate]] = defaultdict(list)
    for c in data.candidates(year):
        cands[c.district_id].append(c)
    districts = {d.district_id: d for d in data.districts(year)}
    found = []
    for w in data.winners(year):
        d = districts.get(w.district_id)
        if w.votes is None or d is None or d.valid_votes is None:
            continue
        here = cands.get(w.district_id, [])
        mine = [c for c in here if squash(c.name_ko) == squash(w.name_ko)]
        if not mine:
            found.append(
                Finding(
                    year,
                    WINNER_VOTES,
                    w.district_id,
                    "counts: no candidate " + w.name_ko,
                    f"declared: {w.name_ko} ({w.party_ko}) {fmt_count(w.votes)}",
                    f"{d.source}; {w.source}",
                )
            )
            continue
        counted = mine[0].votes
        if counted == w.votes:
            continue
        notes = [
            f"{fmt_count(w.votes)} is what the counts give {c.name_ko} ({c.party_ko})"
            for c in here
            if c is not mine[0] and c.votes == w.votes
        ]
        total = sum(c.votes or 0 for c in here)
        if total != d.valid_votes:
            notes.append(
                f"the candidates' votes fall {fmt_count(d.valid_votes - total)} short of the "
                f"{fmt_count(d.valid_votes)} valid votes"
            )
        found.append(
            Finding(
                year,
                WINNER_VOTES,
                w.district_id,
                f"counts: {w.name_ko} {fmt_count(counted or 0)}",
                f"declared: {w.name_ko} ({w.party_ko}) {fmt_count(w.votes)}",
                f"{d.source}; {w.source}",
                "; ".join(notes),
            )
        )
    return found


def _places(value: Decimal) -> int:
    exponent = value.as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0


def _at(share: Fraction, places: int, rule: str) -> Fraction:
    """``share`` (a percentage) to ``places`` decimals by one of :data:`RULES`."""
    scale = 10**places
    if rule == HALF_UP:
        return Fraction(math.floor(share * scale + Fraction(1, 2)), scale)
    if rule == TWICE:  # rounded half up one decimal further, then truncated
        share = Fraction(math.floor(share * scale * 10 + Fraction(1, 2)), scale * 10)
    return Fraction(math.floor(share * scale), scale)


HALF_UP = "rounded half up"
TRUNCATED = "truncated"
TWICE = "rounded half up to one decimal more, then truncated"
RULES = (HALF_UP, TRUNCATED, TWICE)
"""How sources turn a share into the printed figure (krvote: all three, by year)."""


def _pct(value: Fraction, places: int) -> str:
    return f"{float(value):.{places}f}"


def check_winner_pct(ctx: AuditContext, year: int) -> list[Finding]:
    """The vote share a source prints for its winner vs its votes over the valid votes.

    The winners file prints shares with one decimal in some years and two in
    others, rounded half up in some and truncated in others (trailing zeros
    dropped), so each year's own convention is read off its rows: the precision
    most rows print, and the rounding most rows follow at that precision. A row
    that does not follow it is a finding; its note says what the row does instead.
    """
    districts = {d.district_id: d for d in ctx.data.districts(year)}
    rows: list[tuple[Winner, Decimal, int, Fraction]] = []
    for w in ctx.data.winners(year):
        d = districts.get(w.district_id)
        if w.vote_pct is None or w.votes is None or d is None or not d.valid_votes:
            continue
        rows.append((w, w.vote_pct, d.valid_votes, Fraction(w.votes * 100, d.valid_votes)))
    found: list[Finding] = []
    for source in sorted({row[0].source for row in rows}):
        mine = [row for row in rows if row[0].source == source]
        decimals = Counter(_places(pct) for _, pct, _, _ in mine)
        precision = max((p for p in decimals if p), key=lambda p: (decimals[p], -p), default=0)
        follows = {
            rule: sum(Fraction(pct) == _at(x, precision, rule) for _, pct, _, x in mine)
            for rule in RULES
        }
        rule = max(RULES, key=lambda r: (follows[r], -RULES.index(r)))
        for w, pct, valid, share in mine:
            printed = Fraction(pct)
            expected = _at(share, precision, rule)
            if printed == expected:
                continue
            others = [r for r in RULES if printed == _at(share, precision, r)]
            if _places(pct) > precision:
                what = f"printed with {_places(pct)} decimals"
            elif others:
                what = others[0]
            else:
                what = "neither rounded nor truncated from the counts"
            found.append(
                Finding(
                    year,
                    WINNER_PCT,
                    w.district_id,
                    f"counts: {w.name_ko} {fmt_count(w.votes or 0)} of {fmt_count(valid)} "
                    "valid votes = "
                    f"{_pct(share, precision + 3)}%, {_pct(expected, precision)}% {rule}",
                    f"declared: {pct}%",
                    f"{source}; districts.csv",
                    f"{what}; the year's shares are {rule} to {precision} decimal"
                    f"{'s' if precision != 1 else ''} ({follows[rule]} of {len(mine)} rows)",
                )
            )
    return found
