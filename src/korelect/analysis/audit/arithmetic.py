"""Audit checks 3 and 4: each district's own arithmetic, and the list votes (2004–2016)."""

from __future__ import annotations

import dataclasses
from collections import Counter, defaultdict
from collections.abc import Iterable

from korelect.analysis.audit.common import (
    BALLOTS_ELECTORATE,
    CANDIDATES_VALID,
    LIST_PROVINCE,
    LIST_TURNOUT,
    LIST_VALID,
    VALID_BALLOTS,
    AuditContext,
)
from korelect.base.numbers import fmt_count
from korelect.record.computed import list_source
from korelect.record.data import Candidate, District
from korelect.record.findings import Finding

# ------------------------------------------------------------ 3. district arithmetic


def check_districts(ctx: AuditContext, year: int) -> list[Finding]:
    """Candidates vs valid votes; valid + invalid vs ballots; ballots + abstentions."""
    return district_arithmetic(year, ctx.data.districts(year), ctx.data.candidates(year))


def district_arithmetic(
    year: int, districts: Iterable[District], candidates: Iterable[Candidate]
) -> list[Finding]:
    """Each district's own sums, in shipped counts or a user's.

    Candidates vs valid votes, valid + invalid vs ballots cast, ballots + abstentions
    vs the electorate.
    """
    cands: dict[str, list[tuple[str, str, int | None]]] = defaultdict(list)
    for c in candidates:
        cands[c.district_id].append((c.name_ko, c.party_ko, c.votes))
    sums: list[Finding] = []
    ballots: list[Finding] = []
    electorate: list[Finding] = []
    for d in districts:
        here = cands.get(d.district_id, [])
        if d.valid_votes is not None and here and all(v is not None for _, _, v in here):
            total = sum(v or 0 for _, _, v in here)
            if total != d.valid_votes:
                zero = [f"{n} ({p})" for n, p, v in here if v == 0]
                note = f"difference {fmt_count(total - d.valid_votes)}"
                if zero and total < d.valid_votes:
                    note += f"; 0 votes in the counts for {', '.join(zero)}"
                sums.append(
                    Finding(
                        year,
                        CANDIDATES_VALID,
                        d.district_id,
                        f"sum of {len(here)} candidates {fmt_count(total)}",
                        f"valid votes {fmt_count(d.valid_votes)}",
                        d.source,
                        note,
                    )
                )
        ballots += addition(
            Finding(year, VALID_BALLOTS, d.district_id, "", "", d.source),
            [("valid", d.valid_votes), ("invalid", d.invalid_votes)],
            ("ballots cast", d.ballots_cast),
        )
        electorate += addition(
            Finding(year, BALLOTS_ELECTORATE, d.district_id, "", "", d.source),
            [("ballots", d.ballots_cast), ("abstentions", d.abstentions)],
            ("electorate", d.electorate),
        )
    return sums + ballots + electorate


def addition(
    blank: Finding, parts: list[tuple[str, int | None]], total: tuple[str, int | None]
) -> list[Finding]:
    """``blank`` filled in where the parts do not add up to the total ([] if they do).

    Nothing is compared where a figure is missing (None).
    """
    values = [v for _, v in parts if v is not None]
    if total[1] is None or len(values) != len(parts) or sum(values) == total[1]:
        return []
    ours = (
        " + ".join(f"{name} {fmt_count(v or 0)}" for name, v in parts)
        + f" = {fmt_count(sum(values))}"
    )
    return [dataclasses.replace(blank, ours=ours, theirs=f"{total[0]} {fmt_count(total[1])}")]


# ----------------------------------------------------------------- 4. list votes


def check_list(ctx: AuditContext, year: int) -> list[Finding]:
    """Province rows vs their sigungu rows; party votes vs valid; turnout arithmetic."""
    data = ctx.data
    rows = data.list_votes(year)
    turnout = data.list_turnout(year)
    if not rows and not turnout:
        return []
    source = list_source(year, ctx.elections.get(year, (0, ""))[0])
    province: dict[tuple[str, str], int] = defaultdict(int)
    sigungu: dict[tuple[str, str], int] = defaultdict(int)
    by_area: dict[tuple[str, str, str], int] = defaultdict(int)
    for v in rows:
        (province if v.level == "province" else sigungu)[(v.province, v.party_ko)] += v.votes
        by_area[(v.province, v.level, v.area)] += v.votes
    split = {v.province for v in rows if v.level == "sigungu"}
    """Provinces whose list votes come by 구시군 too (2004–2016; 2020 and 2024 have totals only)."""
    found = [
        Finding(
            year,
            LIST_PROVINCE,
            f"{year}:{prov} list votes, {party}",
            f"sum of sigungu rows {fmt_count(sigungu.get((prov, party), 0))}",
            f"province total row {fmt_count(province.get((prov, party), 0))}",
            source,
            "difference "
            f"{fmt_count(province.get((prov, party), 0) - sigungu.get((prov, party), 0))}",
        )
        for prov, party in sorted(set(province) | set(sigungu))
        if prov in split and province.get((prov, party), 0) != sigungu.get((prov, party), 0)
    ]
    fields = ("electorate", "ballots_cast", "valid_votes", "invalid_votes", "abstentions")
    totals: dict[str, Counter[str]] = defaultdict(Counter)
    heads = {t.province: t for t in turnout if t.level == "province"}
    for t in turnout:
        if t.level != "province":
            for name in fields:
                totals[t.province][name] += getattr(t, name)
    for prov, head in heads.items():
        if prov not in totals:
            continue  # no 구시군 rows (2020, 2024): nothing to add up
        for name in fields:
            mine, theirs = totals[prov][name], getattr(head, name)
            if mine != theirs:
                found.append(
                    Finding(
                        year,
                        LIST_PROVINCE,
                        f"{year}:{prov} list turnout, {name}",
                        f"sum of sigungu rows {fmt_count(mine)}",
                        f"province total row {fmt_count(theirs)}",
                        source,
                        f"difference {fmt_count(theirs - mine)}",
                    )
                )
    for t in turnout:
        where = f"{year}:{t.province}" + (f":{t.area}" if t.area else " (province total)")
        parties = by_area.get((t.province, t.level, t.area), 0)
        if parties != t.valid_votes:
            found.append(
                Finding(
                    year,
                    LIST_VALID,
                    where + " list",
                    f"sum of party list votes {fmt_count(parties)}",
                    f"list valid votes {fmt_count(t.valid_votes)}",
                    source,
                    f"difference {fmt_count(parties - t.valid_votes)}",
                )
            )
        blank = Finding(year, LIST_TURNOUT, where + " list", "", "", source)
        found += addition(
            blank,
            [("valid", t.valid_votes), ("invalid", t.invalid_votes)],
            ("ballots cast", t.ballots_cast),
        )
        found += addition(
            blank,
            [("ballots", t.ballots_cast), ("abstentions", t.abstentions)],
            ("electorate", t.electorate),
        )
    return found
