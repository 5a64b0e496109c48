"""The checker's reports: text, one line per finding, and a JSON-ready record."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from korelect.analysis.article.checker.common import CHECKS
from korelect.record.findings import Finding


def check_text(findings: Sequence[Finding]) -> str:
    """A report: one line per finding (``LINE: check: where: ours vs theirs (note)``), a count.

    >>> print(check_text(()), end="")
    No findings.
    """
    if not findings:
        return "No findings.\n"
    out = []
    for f in findings:
        line = "-" if f.line is None else str(f.line)
        text = f"{line}: {f.check}: {f.where}: {f.ours} vs {f.theirs}"
        out.append(text + (f" ({f.note})" if f.note else ""))
    counts = Counter(f.check for f in findings)
    order = {name: i for i, name in enumerate(CHECKS)}
    summary = ", ".join(
        f"{check} {n}" for check, n in sorted(counts.items(), key=lambda c: order.get(c[0], 99))
    )
    plural = "s" if len(findings) != 1 else ""
    out.append(f"{len(findings)} finding{plural} ({summary})")
    return "\n".join(out) + "\n"


def check_to_dict(findings: Sequence[Finding]) -> dict[str, object]:
    """A JSON-ready record: the count, counts by check, and every finding."""
    counts = Counter(f.check for f in findings)
    order = {name: i for i, name in enumerate(CHECKS)}
    return {
        "count": len(findings),
        "by_check": dict(sorted(counts.items(), key=lambda c: order.get(c[0], 99))),
        "findings": [f.to_dict() for f in findings],
    }
