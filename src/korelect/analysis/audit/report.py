"""The audit itself: every check for every year, in order, and its text and JSON reports."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence

from korelect.analysis.audit.arithmetic import check_districts, check_list
from korelect.analysis.audit.common import CHECKS, AuditContext
from korelect.analysis.audit.crawls import check_crawls
from korelect.analysis.audit.official import check_list_shares, check_official
from korelect.analysis.audit.polling import check_polling
from korelect.analysis.audit.seeds import SeedCell, check_seeds, read_seeds
from korelect.analysis.audit.winners import check_declared, check_winner_pct, check_winner_votes
from korelect.record.data import Dataset, dataset
from korelect.record.election import results
from korelect.record.findings import Finding

# ----------------------------------------------------------------------- the audit


def _year_findings(ctx: AuditContext, year: int, seeds: Sequence[SeedCell]) -> list[Finding]:
    found = [
        *check_declared(ctx, year),
        *check_winner_votes(ctx, year),
        *check_winner_pct(ctx, year),
        *check_districts(ctx, year),
        *check_list(ctx, year),
        *check_polling(ctx, year),
        *check_crawls(ctx, year),
        *check_official(ctx, year),
        *check_list_shares(ctx, year),
        *check_seeds(ctx, year, seeds),
    ]
    order = {name: i for i, name in enumerate(CHECKS)}
    return sorted(found, key=lambda f: order.get(f.check, len(order)))


def audit(year: int | None = None, *, data: Dataset | None = None) -> tuple[Finding, ...]:
    """Every contradiction found in the sources of ``year`` (every election if None).

    Findings come in a fixed order: by year, then by check (:data:`CHECKS`),
    then in the order of the data.

    >>> [f.where for f in audit(1996) if f.check == "declared winner vs counts"]
    ['1996:daegu:달서구갑']
    """
    data = data or dataset()
    years = data.years() if year is None else (int(year),)
    if year is not None and year not in data.years():
        results(year, data=data)  # raises UnknownElectionError, naming the known years
    ctx = AuditContext(data)
    seeds = read_seeds(data)
    found: list[Finding] = []
    for y in sorted(years):
        found.extend(_year_findings(ctx, y, seeds))
    return tuple(found)


def _counts(findings: Iterable[Finding]) -> tuple[Counter[int], Counter[tuple[int, str]]]:
    by_year: Counter[int] = Counter()
    by_check: Counter[tuple[int, str]] = Counter()
    for f in findings:
        by_year[f.year] += 1
        by_check[(f.year, f.check)] += 1
    return by_year, by_check


def audit_text(findings: Sequence[Finding]) -> str:
    """A report: findings grouped by year and check, one line each, and a count summary."""
    by_year, by_check = _counts(findings)
    out: list[str] = []
    if not findings:
        return "No contradictions found.\n"
    years = sorted(by_year)
    out.append(
        f"{len(findings)} finding{'s' if len(findings) != 1 else ''} in "
        f"{len(years)} election{'s' if len(years) != 1 else ''} ({', '.join(map(str, years))})"
    )
    order = {name: i for i, name in enumerate(CHECKS)}
    for year in years:
        out.append("")
        out.append(f"== {year}: {by_year[year]} ==")
        checks = sorted(
            {f.check for f in findings if f.year == year},
            key=lambda c: (order.get(c, len(order)), c),
        )
        for check in checks:
            out.append(f"-- {check} ({by_check[(year, check)]})")
            for f in findings:
                if f.year == year and f.check == check:
                    text = f"  {f.where}: {f.ours} | {f.theirs} [{f.sources}]"
                    out.append(text + (f" ({f.note})" if f.note else ""))
    out.append("")
    out.append("Summary")
    totals: Counter[str] = Counter(f.check for f in findings)
    width = max(len(c) for c in totals)
    for check in sorted(totals, key=lambda c: (order.get(c, len(order)), c)):
        per_year = ", ".join(f"{y}: {by_check[(y, check)]}" for y in years if by_check[(y, check)])
        out.append(f"  {check:<{width}}  {totals[check]:>5}  ({per_year})")
    out.append(f"  {'total':<{width}}  {len(findings):>5}")
    return "\n".join(out) + "\n"


def audit_to_dict(findings: Sequence[Finding]) -> dict[str, object]:
    """A JSON-ready record: counts by year and by check, and every finding."""
    by_year, by_check = _counts(findings)
    checks: Counter[str] = Counter(f.check for f in findings)
    return {
        "count": len(findings),
        "by_year": {str(y): by_year[y] for y in sorted(by_year)},
        "by_check": dict(
            sorted(
                checks.items(),
                key=lambda item: CHECKS.index(item[0]) if item[0] in CHECKS else len(CHECKS),
            )
        ),
        "by_year_and_check": {
            str(y): {c: n for (yy, c), n in by_check.items() if yy == y} for y in sorted(by_year)
        },
        "findings": [f.to_dict() for f in findings],
    }
