"""The audit of a counts folder: what korelect can check of counts a user wrote.

A user's counts have no second source to disagree with, but they can disagree with
themselves: declared winners against the count, each district's sums, and each
province's list votes against its list turnout. :func:`audit_counts` runs those checks
(the shipped years' audit, :func:`korelect.audit`, runs them and the cross-source ones).
"""

from __future__ import annotations

import os
from collections import defaultdict

from korelect.analysis.audit.arithmetic import addition, district_arithmetic
from korelect.analysis.audit.common import LIST_TURNOUT, LIST_VALID
from korelect.base.numbers import fmt_count
from korelect.record.counts import Counts
from korelect.record.election import as_counts, count_districts
from korelect.record.findings import Finding

__all__ = ["audit_counts"]


def audit_counts(source: int | str | os.PathLike[str] | Counts) -> tuple[Finding, ...]:
    """Every contradiction within one election's counts (a year, a folder or Counts).

    >>> import korelect
    >>> [f.where for f in audit_counts(1996) if f.check == "declared winner vs counts"]
    ['1996:daegu:달서구갑']
    """
    counts = as_counts(source)
    year = counts.year
    where = counts.source
    _, found = count_districts(counts)
    found += district_arithmetic(year, counts.districts, counts.candidates)
    by_province: dict[str, int] = defaultdict(int)
    for v in counts.list_votes:
        if v.level == "province":
            by_province[v.province] += v.votes
    for t in counts.list_turnout:
        place = f"{year}:{t.province} list"
        if t.province in by_province and by_province[t.province] != t.valid_votes:
            found.append(
                Finding(
                    year,
                    LIST_VALID,
                    place,
                    f"sum of party list votes {fmt_count(by_province[t.province])}",
                    f"list valid votes {fmt_count(t.valid_votes)}",
                    where,
                    f"difference {fmt_count(by_province[t.province] - t.valid_votes)}",
                )
            )
        blank = Finding(year, LIST_TURNOUT, place, "", "", where)
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
    return tuple(found)
