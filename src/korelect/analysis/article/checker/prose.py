"""Reading the prose: dates, turnout and claims; the electoral-system paragraph's seats."""

from __future__ import annotations

import re
from bisect import bisect_right
from datetime import datetime
from fractions import Fraction

from korelect.analysis.article.checker.common import ALL, NATIONAL, PROSE_TEXT, SYSTEM_TEXT
from korelect.analysis.article.checker.facts import Facts
from korelect.analysis.article.checker.numbers import NUM, Num, parse_number, word_number
from korelect.analysis.article.model import Paragraph

_PARTY_WORDS = (
    "Party", "Democrats", "Congress", "Alliance", "Front", "Union", "Coalition", "League",
    "Forum", "Politics",
)  # fmt: skip
_NOT_PARTIES = ("FPTP", "MMP", "PR", "NEC", "MP", "MPS", "UN", "US", "USA", "ROK", "TV")


def read_prose(facts: Facts) -> None:
    """Dates, turnout and claims in the prose; the electoral-system paragraph."""
    for para in facts.article.paragraphs:
        if "electoral system" in para.section.lower():
            read_system(facts, para)
        else:
            read_paragraph(facts, para)


def read_paragraph(facts: Facts, para: Paragraph) -> None:
    """One paragraph of prose."""
    text = _without_parentheses(para.text)
    year = facts.article.year
    for m in re.finditer(
        # the place is a name, not a whole paragraph: unbounded, each "held in" would
        # read the rest of the paragraph for an "on"
        r"\bheld\s+(?:in\s+[A-Z][\w ]{0,80}?\s+)?on\s+(\d{1,2}\s+[A-Z][a-z]+\s+\d{4})",
        text,
    ):
        try:
            when = datetime.strptime(m[1], "%d %B %Y").date()
        except ValueError:
            continue
        if year is None or when.year == year:
            facts.add(("date",), when, para.line, PROSE_TEXT, "prose", "election date", m[1])
    for m in re.finditer(
        r"\bturnout\s+(?:was|of|at|stood\s+at|reached)\s+(\d+(?:\.\d+)?)\s*%",
        text,
        re.IGNORECASE,
    ):
        num = parse_number(m[1])
        if num is not None:
            facts.add(
                ("turnout", "constituency"),
                num,
                para.line,
                PROSE_TEXT,
                "prose",
                "turnout",
                f"{m[1]}%",
            )
    # "voters elected 299 members", not "constituencies elected 2 members each"
    for m in re.finditer(rf"\belected\s+({NUM})\s+members\b(?!\s+each\b)", text):
        n = word_number(m[1])
        if n is not None:
            facts.add(
                ("seats", ALL, "total", NATIONAL),
                Num(Fraction(n)),
                para.line,
                PROSE_TEXT,
                f"prose: '{m[0]}'",
                "the seats in all",
                m[1],
            )
    read_claims(facts, para, text)


_PHRASE = re.compile(r"[A-Z][\w'’-]*(?:\s+(?:(?:of|for|the|and)\s+)?[A-Z][\w'’-]*)*")
"""A capitalised phrase: a name, perhaps a party's."""


class Subjects:
    """The party a claim of one paragraph is about: the last party named before it.

    The paragraph's capitalised phrases are found in one pass, on first use, each
    with the last party named up to it; a claim looks its position up (a bisection)
    instead of reading the text before it again.
    """

    def __init__(self, facts: Facts, text: str, line: int) -> None:
        self.facts = facts
        self.text = text
        self.line = line
        self._starts: list[int] = []
        self._ends: list[int] = []
        self._last: list[str | None] = []
        self._read = False

    def _scan(self) -> None:
        found = None
        for m in _PHRASE.finditer(self.text):
            phrase = _phrase(m[0])
            if _partyish(self.facts, phrase):
                found = phrase
            self._starts.append(m.start())
            self._ends.append(m.end())
            self._last.append(found)
        self._read = True

    def named_before(self, end: int) -> str | None:
        """The last party-like phrase in ``text[:end]`` (None if none)."""
        if not self._read:
            self._scan()
        index = bisect_right(self._ends, end)
        found = self._last[index - 1] if index else None
        if index < len(self._starts) and self._starts[index] < end:
            # a phrase running past ``end``: ``text[:end]`` holds its beginning only
            for m in _PHRASE.finditer(self.text, self._starts[index], end):
                phrase = _phrase(m[0])
                if _partyish(self.facts, phrase):
                    found = phrase
        return found

    def at(self, end: int) -> str | None:
        """The ``who`` of the party a claim at ``end`` is about (None if none is named)."""
        found = self.named_before(end)
        if found is None:
            return None
        return self.facts.party(found, self.line, "prose")


def _phrase(text: str) -> str:
    phrase = re.sub(r"^(?:The|A|An|However|But|And|Its|It)\s+", "", text).strip(".,")
    return re.sub(r"['’]s$", "", phrase)


def _partyish(facts: Facts, phrase: str) -> bool:
    if not phrase or phrase in _NOT_PARTIES:
        return False
    if facts.names.find(phrase) is not None:
        return True
    if re.fullmatch(r"[A-Z][A-Z0-9]{1,5}", phrase):
        return True
    return phrase.rsplit(maxsplit=1)[-1] in _PARTY_WORDS


def read_claims(facts: Facts, para: Paragraph, text: str) -> None:
    """Seat and vote claims: "won N of the M seats (in X)", "from A to B seats", "X%"."""
    won = re.compile(
        rf"\bwon\s+(?:only\s+|just\s+)?(?P<n>{NUM})\s+"
        rf"(?:(?:out\s+)?of\s+(?:the\s+)?(?P<m>{NUM})\s+)?"
        r"(?P<tier>(?:FPTP|constituency|district|single-member|list|PR|proportional)\s+)?"
        r"seats?\b(?:\s+in\s+(?:the\s+)?(?P<region>[A-Z][A-Za-z]*(?:\s+(?:and\s+)?"
        r"[A-Z][A-Za-z]*)*))?"
    )
    more = re.compile(
        rf",\s*(?:and\s+)?(?P<n>{NUM})\s+(?:out\s+)?of\s+(?P<m>{NUM})\s+(?:seats\s+)?"
        r"in\s+(?:the\s+)?(?P<region>[A-Z][A-Za-z]*(?:\s+(?:and\s+)?[A-Z][A-Za-z]*)*)"
    )
    subjects = Subjects(facts, text, para.line)
    for m in won.finditer(text):
        who = subjects.at(m.start())
        if who is None or who.startswith("label:"):
            continue
        tier_word = (m["tier"] or "").strip().lower()
        tier = (
            "list"
            if tier_word in ("list", "pr", "proportional")
            else "district"
            if tier_word
            else "total"
        )
        claims = [(m["n"], m["m"], m["region"], m[0])]
        pos = m.end()
        while m["region"] and (extra := more.match(text, pos)):
            claims.append((extra["n"], extra["m"], extra["region"], extra[0].lstrip(", ")))
            pos = extra.end()
        for n_text, m_text, region, phrase in claims:
            area = NATIONAL
            claim_tier = tier
            if region and region.lower() not in ("national assembly", "assembly"):
                codes = facts.region(region)
                if codes is None:
                    continue
                area, claim_tier = "+".join(codes), "district"
            n = word_number(n_text)
            if n is not None:
                facts.add(
                    ("seats", who, claim_tier, area),
                    Num(Fraction(n)),
                    para.line,
                    PROSE_TEXT,
                    f"prose: '{phrase}'",
                    "the party's seats",
                    n_text,
                )
            of = word_number(m_text) if m_text else None
            if of is not None:
                facts.add(
                    ("seats", ALL, claim_tier, area),
                    Num(Fraction(of)),
                    para.line,
                    PROSE_TEXT,
                    f"prose: '{phrase}'",
                    "the seats in all",
                    m_text or "",
                )
    for offset, sentence in _sentences(text):
        if "seat" not in sentence:
            continue
        for m in re.finditer(rf"\bfrom\s+({NUM})\s+to\s+({NUM})\b", sentence):
            who = subjects.at(offset + m.start())
            if who is None or who.startswith("label:"):
                continue
            a, b = word_number(m[1]), word_number(m[2])
            if a is not None:
                facts.add(
                    ("last", who),
                    Num(Fraction(a)),
                    para.line,
                    PROSE_TEXT,
                    f"prose: '{m[0]}'",
                    "seats before",
                    m[1],
                )
            if b is not None:
                facts.add(
                    ("seats", who, "total", NATIONAL),
                    Num(Fraction(b)),
                    para.line,
                    PROSE_TEXT,
                    f"prose: '{m[0]}'",
                    "seats after",
                    m[2],
                )
    pct = re.compile(  # not from inside a number: it would be read from its first digit
        r"(?<!\d)(\d+(?:\.\d+)?)\s*(?:%|percent|per\s+cent)\s+of\s+(?:the\s+)?"
        r"(?:popular\s+|national\s+|(?:party[- ])?list\s+|PR\s+)?vote"
    )
    for m in pct.finditer(text):
        who = subjects.at(m.start())
        if who is None or who.startswith("label:"):
            continue
        num = parse_number(m[1])
        if num is None:
            continue
        ballot = "list" if facts.list_year else "constituency"
        facts.add(
            ("pct", who, ballot, NATIONAL),
            num,
            para.line,
            PROSE_TEXT,
            f"prose: '{m[0]}'",
            "the party's share",
            f"{m[1]}%",
        )


def read_system(facts: Facts, para: Paragraph) -> None:
    """The electoral-system paragraph: seats of each tier (its thresholds: see the law).

    The legal source it quotes is not read: the law's own words ("two thirds of the 92
    seats") are not the article's figures.
    """
    text = re.split(r"\b[Ll]egal source\b", para.text, maxsplit=1)[0]
    where = "electoral system"
    patterns: tuple[tuple[str, str], ...] = (
        ("total", rf"(?:^|(?<=[.;:]\s))Of\s+the\s+({NUM})\s+seats\b"),
        ("total", rf"\bAll\s+({NUM})\s+seats\b"),
        (
            "district",
            (
                rf"\b({NUM})\s+(?:members\s+|seats\s+)?(?:were\s+)?elected\s+in\s+"
                r"(?:single-member|first-past-the-post|FPTP|constituenc)"
            ),
        ),
        (
            "list",
            (
                rf"\b({NUM})\s+(?:members\s+|seats\s+)?(?:were\s+)?(?:elected|allocated)\s+"
                r"(?:via|by|through|from)\s+(?:modified\s+)?(?:proportional|party[- ]list|"
                r"national\s+list)"
            ),
        ),
    )
    patterns += (
        (
            "list",
            (
                rf"\bremaining\s+({NUM})\s+(?:seats\s+|members\s+)?(?:were\s+)?"
                r"(?:elected\s+|allocated\s+)?(?:from|by|via|through)\b"
            ),
        ),
    )
    for tier, pattern in patterns:
        for m in re.finditer(pattern, text):
            n = word_number(m[1])
            if n is not None:
                facts.add(
                    ("seats", ALL, tier, NATIONAL),
                    Num(Fraction(n)),
                    para.line,
                    SYSTEM_TEXT,
                    where,
                    f"{tier} seats",
                    m[0],
                )


def _sentences(text: str) -> list[tuple[int, str]]:
    """The sentences of a paragraph, each with its offset in the text."""
    out = []
    start = 0
    for m in re.finditer(r"(?<=[.!?])\s+(?=[A-Z])", text):
        out.append((start, text[start : m.start()]))
        start = m.end()
    out.append((start, text[start:]))
    return out


def _without_parentheses(text: str) -> str:
    """The text with parenthesised asides blanked out (positions kept), nested ones too.

    Parentheses pair as they nest; one that never closes (or opens) stays.

    >>> _without_parentheses("a (b (c) d) e) (f (g)")
    'a           e) (f    '
    """
    open_at: list[int] = []
    spans: list[tuple[int, int]] = []
    for m in re.finditer(r"[()]", text):
        if m[0] == "(":
            open_at.append(m.start())
        elif open_at:
            spans.append((open_at.pop(), m.end()))
    if not spans:
        return text
    spans.sort()
    out = []
    position = 0
    for start, end in spans:
        if end <= position:
            continue  # inside an aside already blanked
        out.append(text[position:start])
        out.append(" " * (end - start))
        position = end
    out.append(text[position:])
    return "".join(out)
