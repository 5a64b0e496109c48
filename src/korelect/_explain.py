"""Allocations in words and tables, in the manner of the election commission's explanations."""

from __future__ import annotations

from fractions import Fraction

from ._apportion import explain_apportionment
from ._numbers import Number, fmt_decimal, fmt_percent
from ._result import Allocation, LinkedTier
from ._rules import describe_rules


def fmt_votes(votes: Number) -> str:
    """Votes with thousands separators; fractional votes (percentages) with 2 decimals.

    >>> fmt_votes(8145824), fmt_votes(Fraction(383, 10))
    ('8,145,824', '38.30')
    """
    if isinstance(votes, int) or Fraction(votes).denominator == 1:
        return f"{int(votes):,}"
    return fmt_decimal(votes, 2)


def results_table(a: Allocation) -> str:
    """The results table of the seed articles: party, votes, %, district, list, total."""
    rows = [
        (
            p.name,
            fmt_votes(p.votes),
            fmt_percent(Fraction(p.votes) / a.total_votes) if a.total_votes else "-",
            str(p.district_seats),
            str(p.list_seats),
            str(p.total_seats),
        )
        for p in a.parties
    ]
    others = a.total_votes - sum((Fraction(p.votes) for p in a.parties), Fraction(0))
    if others:
        rows.append(
            ("(other parties)", fmt_votes(others), fmt_percent(others / a.total_votes), "", "", "")
        )
    rows.append(
        (
            "Total",
            fmt_votes(a.total_votes),
            "100.00%" if a.total_votes else "-",
            str(sum(p.district_seats for p in a.parties)),
            str(sum(p.list_seats for p in a.parties)),
            str(a.total_seats),
        )
    )
    header = ("Party", "Votes", "%", "District", "List", "Total")
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(6)]
    out = []
    for i, r in enumerate([header, *rows]):
        if i == 1 or r is rows[-1]:
            out.append("  ".join("-" * w for w in widths))
        out.append(
            "  ".join(
                cell.ljust(widths[j]) if j == 0 else cell.rjust(widths[j])
                for j, cell in enumerate(r)
            ).rstrip()
        )
    return "\n".join(out)


def explain_allocation(a: Allocation) -> str:
    """The audit trail of an allocation, step by step."""
    rules = a.rules
    lines = describe_rules(rules)
    lines.append("")
    lines.append(f"Valid vote (all entries): {fmt_votes(a.total_votes)}")
    lines.append("")
    step = 1
    lines.append(
        f"Step {step}. Qualifying parties (의석할당정당): {rules.threshold or 'every party'}"
    )
    lines.extend("  " + q.describe() for q in a.qualification)
    if a.minor_party_seats or _has_minor_rule(a):
        step += 1
        lines.append("")
        lines.append(
            f"Step {step}. One seat first to each party that did not qualify but has "
            f"{getattr(rules.list_tier, 'minor_party_seat', '')}:"
        )
        if a.minor_party_seats:
            lines.extend(f"  {m.name}: 1 seat ({m.reason})" for m in a.minor_party_seats)
        else:
            lines.append("  none.")
    if a.bonus is not None:
        step += 1
        b = a.bonus
        lines.append("")
        lines.append(f"Step {step}. First-party bonus:")
        if b.applied:
            lines.append(
                f"  {b.name} has the most district seats, {b.district_seats} of "
                f"{b.district_total}, fewer than half: it first receives "
                f"{fmt_decimal(b.exact, 1)} list seats, rounded {b.rounding} to {b.seats}."
            )
        else:
            lines.append(
                f"  {b.name} has the most district seats, {b.district_seats} of "
                f"{b.district_total}, at least half: no bonus."
            )
    if a.linked is not None:
        step = _explain_linked(a.linked, lines, step)
    else:
        for app in a.apportionments:
            step += 1
            lines.append("")
            lines.append(f"Step {step}. {app.stage[:1].upper() + app.stage[1:]}:")
            lines.extend("  " + line for line in explain_apportionment(app))
    lines.append("")
    if a.ties:
        lines.append("Ties:")
        lines.extend("  " + t.describe() for t in a.ties)
    else:
        lines.append("Ties: none.")
    lines.append("")
    lines.append("Result:")
    lines.append(results_table(a))
    return "\n".join(lines)


def _has_minor_rule(a: Allocation) -> bool:
    return getattr(a.rules.list_tier, "minor_party_seat", None) is not None


def _explain_linked(t: LinkedTier, lines: list[str], step: int) -> int:
    step += 1
    lines.append("")
    lines.append(
        f"Step {step}. Linked seats (연동배분의석수), art. 189(2)1: "
        f"s = [(N - R) x p - r] x {t.compensation}, rounded half up; below 1 it is 0."
    )
    lines.append(
        f"  N = {t.house}; R = {t.outside} (district seats of independents and parties that "
        f"did not qualify); N - R = {t.base}."
    )
    width = max((len(r.name) for r in t.rows), default=5)
    lines.append(f"  {'':{width}}  {'p':>8}  {'r':>4}  {'raw':>9}  {'rounded':>7}  {'s':>4}")
    for r in t.rows:
        note = "  (below 1: 0)" if r.zeroed else ""
        lines.append(
            f"  {r.name:{width}}  {fmt_percent(r.share, 4):>8}  {r.district_seats:>4}  "
            f"{fmt_decimal(r.raw, 2):>9}  {r.rounded:>7}  {r.seats:>4}{note}"
        )
    lines.append(f"  Sum of linked seats: {t.total}; seats for the linked formula: {t.cap}.")
    step += 1
    lines.append("")
    if t.mode == "residual" and t.second_step is not None:
        lines.append(
            f"Step {step}. The sum {t.total} is below {t.cap}: the {t.cap - t.total} residual "
            f"seats (잔여배분의석수) go by p, art. 189(2)2:"
        )
        lines.extend("  " + x for x in explain_apportionment(t.second_step))
    elif t.mode == "adjusted" and t.second_step is not None:
        lines.append(
            f"Step {step}. The sum {t.total} is above {t.cap}: each party gets "
            f"{t.cap} x s / {t.total} (조정의석수), art. 189(2)3:"
        )
        lines.extend("  " + x for x in explain_apportionment(t.second_step))
    else:
        lines.append(f"Step {step}. The sum equals {t.cap}: each party keeps its linked seats.")
    if t.parallel is not None:
        step += 1
        lines.append("")
        lines.append(f"Step {step}. Parallel tier: {t.parallel_seats} seats by p:")
        lines.extend("  " + x for x in explain_apportionment(t.parallel))
    return step
