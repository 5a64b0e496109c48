"""A read article in words: what ``korelect article read`` prints."""

from __future__ import annotations

from fractions import Fraction

from korelect.analysis.article.model import Article, Change, InfoboxParty, Table
from korelect.base.numbers import fmt_decimal


def _change(change: Change | None) -> str:
    if change is None:
        return "-"
    if change.new:
        return "New"
    if change.value is None:
        return f"{change.raw!r} (unreadable)"
    sign = "+" if change.value > 0 else ""
    unit = change.unit if change.unit != "seats" else ""
    text = f"{sign}{fmt_decimal(change.value, 2 if unit == 'pp' else 0)}{unit}"
    if change.sign_implied:
        text += " (sign implied)"
    elif change.sign_unknown:
        text += " (printed without a sign)"
    return text


def _number(value: int | Fraction | None, places: int = 0) -> str:
    if value is None:
        return "-"
    if isinstance(value, int):
        return f"{value:,}"
    return fmt_decimal(value, places)


def _table(table: Table) -> list[str]:
    name = table.caption or table.section or "table"
    lines = [f"  line {table.line}: {name}: {len(table.rows)} rows x {len(table.columns)} columns"]
    lines.append("    columns: " + ", ".join(table.columns))
    labels = [r.label for r in table.rows]
    shown = ", ".join(labels[:20]) + (f", ... ({len(labels)} in all)" if len(labels) > 20 else "")
    lines.append(f"    rows: {shown}")
    return lines


def _party(p: InfoboxParty) -> str:
    last = p.last_election if p.last_election is not None else (p.last_election_raw or "-")
    return (
        f"  party {p.number} (line {p.line}): {p.name}; leader {p.leader or '-'}; "
        f"last election {last}; seats {_number(p.seats)}; change {_change(p.seat_change)}; "
        f"votes {_number(p.popular_vote)}; {_number(p.percentage, 2)}%; swing {_change(p.swing)}"
    )


def article_summary(article: Article) -> str:
    """The typed content of an article, with the lines it came from, and every warning."""
    out = [f"{article.title} ({article.source})", f"  year: {article.year or '-'}"]
    box = article.infobox
    if box is None:
        out.append("Infobox: none")
    else:
        out.append(f"Infobox (line {box.line}, {len(box.fields)} fields)")
        out.append(f"  election date: {box.election_date or '-'}")
        out.append(
            f"  previous: {box.previous_election or '-'} ({box.previous_year or '-'}); "
            f"next: {box.next_election or '-'} ({box.next_year or '-'})"
        )
        out.append(f"  seats: {box.total_seats or '-'}; majority: {box.majority_seats or '-'}")
        if not box.turnout:  # none printed (korelect writes none for 1948–1967)
            out.append("  turnout: -")
        for t in box.turnout:
            label = f" ({t.label})" if t.label else ""
            out.append(
                f"  turnout{label}: {_number(t.pct, 2)}%, change {_change(t.change)} "
                f"(line {t.line})"
            )
        out.extend(_party(p) for p in box.parties)
    out.append(f"Headings: {len(article.headings)}")
    out.extend(f"  line {h.line}: {'=' * h.level} {h.title}" for h in article.headings)
    out.append(f"Prose: {len(article.paragraphs)} paragraphs")
    for para in article.paragraphs:
        text = para.text if len(para.text) <= 90 else para.text[:87] + "..."
        out.append(f"  line {para.line}: {text}")
    out.append(f"Tables: {len(article.tables)}")
    for table in article.tables:
        out.extend(_table(table))
    out.append(f"Warnings: {len(article.warnings)}")
    out.extend(
        f"  line {w.line if w.line is not None else '-'}: {w.message}" for w in article.warnings
    )
    return "\n".join(out)
