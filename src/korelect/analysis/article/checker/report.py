"""The checker's reports: text, one line per finding, and a JSON-ready record."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from korelect.analysis.article.checker.common import CHECKS
from korelect.analysis.article.model import ReadWarning
from korelect.record.findings import Finding


def check_text(findings: Sequence[Finding], warnings: Sequence[ReadWarning] = ()) -> str:
    """A report: one line per finding (``LINE: check: where: ours vs theirs (note)``), a count.

    The reader's ``warnings`` (what it could not take at face value) follow, indented:
    they are not findings and do not change the exit status.

    >>> print(check_text(()), end="")
    No findings.
    >>> print(check_text((), [ReadWarning(3, "markup rowspan removed")]), end="")
    No findings.
    1 reader warning (not a finding):
      line 3: markup rowspan removed
    """
    out = _findings_text(findings)
    if warnings:
        one = len(warnings) == 1
        out.append(
            f"{len(warnings)} reader warning{'' if one else 's'} "
            f"({'not a finding' if one else 'not findings'}):"
        )
        out.extend(f"  line {'-' if w.line is None else w.line}: {w.message}" for w in warnings)
    return "\n".join(out) + "\n"


def _findings_text(findings: Sequence[Finding]) -> list[str]:
    if not findings:
        return ["No findings."]
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
    return out


def check_to_dict(
    findings: Sequence[Finding], warnings: Sequence[ReadWarning] = ()
) -> dict[str, object]:
    """A JSON-ready record: the count, counts by check, every finding, the reader's warnings."""
    counts = Counter(f.check for f in findings)
    order = {name: i for i, name in enumerate(CHECKS)}
    return {
        "count": len(findings),
        "by_check": dict(sorted(counts.items(), key=lambda c: order.get(c[0], 99))),
        "findings": [f.to_dict() for f in findings],
        "warnings": [{"line": w.line, "message": w.message} for w in warnings],
    }
