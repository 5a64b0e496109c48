"""Audit check 6: the computed national tables against the official ones."""

from __future__ import annotations

import math
from fractions import Fraction

from korelect.analysis.audit.common import (
    OFFICIAL_PCT,
    OFFICIAL_SEATS,
    OFFICIAL_SOURCE,
    PUBLISHED_LIST_PCT,
    AuditContext,
)
from korelect.base.numbers import fmt_count, parse_printed, percent_text, round_percent, share_of
from korelect.record.computed import ComputedElection
from korelect.record.findings import Finding

# ------------------------------------------------------------ 6. official tables


def _share_note(y: ComputedElection, pid: str, printed: Fraction, places: int) -> str:
    """Why a printed constituency share may differ from the party's share of the valid votes.

    Tries the party's votes plus what the counts may have lost for it
    (:meth:`ComputedElection.missing_votes`).
    """
    votes, counted, valid = y.constituency_votes()
    own = votes.get(pid, 0)
    whole = valid if valid is not None else counted
    return "; ".join(
        f"{fmt_count(own + extra)} of {fmt_count(whole)} gives it: {why}"
        for extra, why in y.missing_votes(pid)
        if round_percent(share_of(own + extra, whole), places) == printed
    )


def check_official(ctx: AuditContext, year: int) -> list[Finding]:
    """Seats and vote percentages of ``official_seats.csv`` vs the computed result."""
    rows = ctx.data.official_seats(year)
    if not rows:
        return []
    y = ctx.year(year)
    lines = {p.info.party_id: p for p in y.result.parties}
    seats: list[Finding] = []
    shares: list[Finding] = []
    seen: set[str] = set()
    for o in rows:
        pid = y.pid(o.party_ko)
        seen.add(pid)
        line = lines.get(pid)
        src = f"{y.counts_source or 'the counts'}; {OFFICIAL_SOURCE} ({o.source})"
        where = f"national table: {o.party_ko} ({o.party_en})"
        mine = (
            (0, 0, 0) if line is None else (line.district_seats, line.list_seats, line.total_seats)
        )
        for name, ours, theirs in zip(
            ("district", "list", "total"),
            mine,
            (o.district_seats, o.list_seats, o.total_seats),
            strict=True,
        ):
            if ours != theirs:
                seats.append(
                    Finding(
                        year,
                        OFFICIAL_SEATS,
                        where,
                        f"{name} seats {ours}" + ("" if line else " (no such party computed)"),
                        f"{name} seats {theirs}",
                        src,
                    )
                )
        if o.constituency_vote_pct.strip():
            shares.extend(
                compare_pct(
                    y,
                    OFFICIAL_PCT,
                    where + ", constituency vote %",
                    o.constituency_vote_pct,
                    pid,
                    src,
                )
            )
        if o.list_vote_pct.strip():
            if line is not None and year >= 2004:
                printed = parse_printed(o.list_vote_pct)
                if printed and round_percent(line.vote_share, printed[1]) != printed[0]:
                    shares.append(
                        Finding(
                            year,
                            OFFICIAL_PCT,
                            where + ", list vote %",
                            f"{percent_text(line.vote_share, printed[1])}% of the list votes",
                            o.list_vote_pct,
                            src,
                        )
                    )
            elif line is None:
                shares.append(
                    Finding(
                        year,
                        OFFICIAL_PCT,
                        where + ", list vote %",
                        "no such party computed",
                        o.list_vote_pct,
                        src,
                    )
                )
    for pid, line in lines.items():
        if pid not in seen and line.total_seats:
            seats.append(
                Finding(
                    year,
                    OFFICIAL_SEATS,
                    f"national table: {line.info.name_ko}",
                    f"{line.district_seats} district + {line.list_seats} list seats",
                    "not in the official table",
                    f"{y.counts_source or 'the counts'}; {OFFICIAL_SOURCE}",
                )
            )
    return seats + shares


def check_list_shares(ctx: AuditContext, year: int) -> list[Finding]:
    """The published national list shares (2020, 2024) vs the shares of the list-vote counts.

    Each printed share is judged at its printed precision (rounded half up); the
    denominator is the valid list votes of the provinces (list turnout), or the parties'
    votes where no turnout is shipped.
    """
    shares = ctx.data.list_shares(year)
    rows = [v for v in ctx.data.list_votes(year) if v.level == "province"]
    if not shares or not rows:
        return []
    votes: dict[str, int] = {}
    for v in rows:
        votes[v.party_ko] = votes.get(v.party_ko, 0) + v.votes
    turnout = [t for t in ctx.data.list_turnout(year) if t.level == "province"]
    valid = sum(t.valid_votes for t in turnout) if turnout else sum(votes.values())
    counted_from = {v.province for v in rows}
    found = []
    for s in shares:
        printed = parse_printed(s.pct)
        if printed is None:
            continue
        mine = share_of(votes.get(s.party_ko, 0), valid)
        if round_percent(mine, printed[1]) == printed[0]:
            continue
        found.append(
            Finding(
                year,
                PUBLISHED_LIST_PCT,
                f"national list vote: {s.party_ko} ({s.party_en})",
                f"{percent_text(mine, printed[1])}% "
                f"({fmt_count(votes.get(s.party_ko, 0))} of {fmt_count(valid)} valid list votes "
                f"in {len(counted_from)} provinces)",
                f"{s.pct}%",
                f"list_votes ({year}); {s.source}",
                "the published figure is the share truncated, not rounded"
                if math.floor(mine * 100 * 10 ** printed[1]) == printed[0] * 10 ** printed[1]
                else "",
            )
        )
    return found


def compare_pct(
    y: ComputedElection, check: str, where: str, text: str, pid: str, sources: str, note: str = ""
) -> list[Finding]:
    """A printed national constituency share vs the party's share of the valid votes.

    The denominator is the districts' valid votes (the NEC's 득표율, and what
    :func:`korelect.results` uses); the candidates' votes only where no
    district reports its valid votes.
    """
    printed = parse_printed(text)
    votes, counted, valid = y.constituency_votes()
    whole = valid if valid is not None else counted
    if printed is None or not whole:
        return []
    value, places = printed
    share = share_of(votes.get(pid, 0), whole)
    if round_percent(share, places) == value:
        return []
    why = _share_note(y, pid, value, places)
    label = "valid votes" if valid is not None else "counted constituency votes"
    return [
        Finding(
            y.year,
            check,
            where,
            f"{percent_text(share, places)}% ({fmt_count(votes.get(pid, 0))} of "
            f"{fmt_count(whole)} {label})",
            text,
            sources,
            "; ".join(n for n in (why, note) if n),
        )
    ]
