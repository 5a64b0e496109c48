"""The checks: an article read, compared and checked against the law, as findings."""

from __future__ import annotations

import re
from collections.abc import Iterable

from korelect.analysis.article.checker.common import CHECKS, SKIPPED
from korelect.analysis.article.checker.compare import Comparison
from korelect.analysis.article.checker.derived import cross_sums, own_allocation, region_sums
from korelect.analysis.article.checker.facts import Draft, Facts
from korelect.analysis.article.checker.infobox import read_infobox
from korelect.analysis.article.checker.law import law_thresholds
from korelect.analysis.article.checker.parties import Names
from korelect.analysis.article.checker.prose import read_prose
from korelect.analysis.article.checker.record import Record
from korelect.analysis.article.checker.tables import read_tables
from korelect.analysis.article.model import Article
from korelect.errors import KorelectError
from korelect.law.registry import rules_for
from korelect.law.rules import Rules
from korelect.record.data import Dataset, dataset
from korelect.record.election import appointed_bloc, request
from korelect.record.findings import Finding


def _merge(drafts: Iterable[Draft], year: int) -> tuple[Finding, ...]:
    """One finding per line, check and place; in line order, then reading order."""
    groups: dict[tuple[int, str, str], list[Draft]] = {}
    for d in drafts:
        groups.setdefault((d.line, d.check, d.where), []).append(d)
    out: list[tuple[int, int, int, Finding]] = []
    order = {name: i for i, name in enumerate(CHECKS)}
    for (line, check, where), items in groups.items():
        unique: list[Draft] = []
        seen: set[tuple[str, str, str]] = set()
        for d in items:
            if (d.item, d.ours, d.theirs) not in seen:
                seen.add((d.item, d.ours, d.theirs))
                unique.append(d)
        sources = "; ".join(dict.fromkeys(s for d in unique for s in d.sources))
        if len(unique) == 1:
            d = unique[0]
            place = f"{where}, {d.item}" if d.item else where
            finding = Finding(year, check, place, d.ours, d.theirs, sources, d.note, line)
        else:
            ours = "; ".join(f"{d.item}: {d.ours}" if d.item else d.ours for d in unique)
            theirs = "; ".join(f"{d.item}: {d.theirs}" if d.item else d.theirs for d in unique)
            notes = "; ".join(f"{d.item}: {d.note}" if d.item else d.note for d in unique if d.note)
            finding = Finding(year, check, where, ours, theirs, sources, notes, line)
        seq = min(d.seq for d in items)
        out.append((line, seq, order.get(check, len(order)), finding))
    out.sort(key=lambda item: item[:3])
    return tuple(item[3] for item in out)


_UNDER = re.compile(r"\(under: (\d{4}) rules\)")


def counterfactual_rules(article: Article) -> Rules | None:
    """The rules a counterfactual article says it was computed under (``(under: 2016 rules)``).

    The rules are adapted to the article's year as ``korelect article write`` adapts them.

    >>> from korelect.analysis.article.model import Article
    >>> a = Article("2020 South Korean legislative election (under: 2016 rules)", 2020, None, (),
    ...             (), ())
    >>> counterfactual_rules(a).list_tier.formula
    'proportional'
    """
    match = _UNDER.search(article.title)
    if match is None or article.year is None:
        return None
    # As korelect.results adapts them for article write; without counting the election, so
    # rules the record cannot be computed under still name what the article claims.
    year = article.year
    try:
        return request(year, rules=int(match.group(1)))[1]
    except KorelectError:
        return None


def _record_for(
    article: Article, data: Dataset, rules: Rules | None = None
) -> tuple[Record | None, Rules | None, str]:
    """The record and the law of the article's year (or the rules given), or why there are none.

    Where korelect has the year's counts, the law is what :func:`korelect.results` counts
    under: the rules given adapted to the counts (adapting adapted rules changes nothing),
    or the counts' own rules, which are the year's law reduced to the seats counted where
    the counts cover fewer seats than the law provides (1948, 1950).
    """
    year = article.year
    if year is None:
        return None, rules, "the article names no year"
    law: Rules | None = rules
    if law is None:
        try:
            law = rules_for(year)
        except KorelectError:
            law = None
    if year not in data.years():
        known = ", ".join(str(y) for y in data.years())
        why = f"korelect has no data for {year} (it has {known})"
        return None, law, why + ("" if law else "; no law either")
    try:
        law = request(year, rules=rules, data=data)[1]
        return Record(year, data, rules, law=law), law, ""
    except KorelectError as exc:
        return None, law, f"the record of {year} could not be computed: {exc}"


def check_article(
    article: Article, *, data: Dataset | None = None, rules: Rules | None = None
) -> tuple[Finding, ...]:
    """Every contradiction in ``article``: inside it, with the law and with the record.

    ``rules`` checks a counterfactual article against the rules it was
    computed under (the record is then korelect's result under those rules);
    without it, an article titled ``(under: YEAR rules)`` is checked against
    those rules, and any other against the law of its year.

    Findings come in line order. An article without a year, or for a year
    korelect has no data for, is still checked against itself (and against
    the law if korelect has the year's law), with one finding saying that the
    record checks were skipped.
    """
    data = data or dataset()
    rules = rules or counterfactual_rules(article)
    record, law, skipped = _record_for(article, data, rules)
    provinces = {p.name_en.lower(): p.code for p in data.provinces()}
    provinces.update({p.code: p.code for p in data.provinces()})
    box = article.infobox
    dated = box.election_date.year if box is not None and box.election_date else None
    when = article.year or dated
    bloc = None if law is None or when is None else appointed_bloc(law, when)
    names = Names(when, bloc)
    regions = (
        frozenset(d.province for d in data.districts(article.year))
        if article.year in data.years()
        else None
    )
    facts = Facts(article, names, provinces, regions=regions, law=law)
    read_infobox(facts)
    read_tables(facts)
    read_prose(facts)
    cross_sums(facts)
    region_sums(facts)
    if law is not None:
        own_allocation(facts, law)
    drafts = list(facts.drafts)
    drafts += Comparison(facts.facts, record, article.source).run()
    if law is not None:
        drafts += law_thresholds(article, law, record)
    if skipped:
        title = next((h.line for h in article.headings if h.level == 1), 1)
        drafts.append(
            Draft(
                title,
                SKIPPED,
                "title",
                "",
                skipped,
                article.title or "(no title)",
                "checked against itself only" + ("" if law is None else " and the law"),
                (article.source,),
            )
        )
    return _merge(drafts, article.year or 0)
