r"""Check an election article against itself, the law of its year and korelect's record.

:func:`check_article` takes an :class:`~korelect.analysis.article.model.Article` (any
article in the seed format, as :func:`~korelect.analysis.article.reader.read_article`
reads it) and returns one :class:`~korelect.record.findings.Finding` per
contradiction, in line order. Every finding names the article line it is about
(``line``), the figure korelect holds for right (``ours``) and the figure the
article prints there (``theirs``), and in ``sources`` the article file and,
where the record or the law is involved, korelect's source.

How it works
------------
Every number the article prints is a *statement* about a quantity: the
infobox's ``Seats1: 149``, the province table's Total row under DLP, and the
prose's "won 149 of the 299 seats" are three statements about the DLP's total
seats. The article's own arithmetic adds *derived* facts about the same
quantities: a column of province rows summed, ``Constituency total + PR list``,
``Seats − Last Election``, and the list seats that its own votes and district
seats give under the year's law (:func:`korelect.allocate` with
:func:`korelect.rules_for`). The record adds korelect's figure
(:func:`korelect.results`, the election dates, the law).

For each quantity the article's facts are compared with each other. The value
most of them give is taken for right; a tie goes to the value the record
gives, then to the more reliable kind of place (a sum of rows, then a table,
the infobox, the electoral-system paragraph, the prose), then to the earlier
line. Each fact that disagrees is a finding at its line, whose note names the
lines it contradicts and what the record says. Where the article agrees with
itself but not with the record, that is one finding at the first line that
prints the figure. A sum (or an allocation, or a difference) that uses a
number already found wrong is not reported again: one wrong number, one
finding. Findings about the same line and place are merged into one.

Numbers are compared exactly: counts as integers, and a printed percentage
with the exact share rounded half up to the printed number of decimals (two
printed percentages agree when the ranges they round from overlap). A change
printed without a sign is compared by its size only, and a finding about it
says so. Shares are the NEC's: of the valid votes (the districts' valid votes
for the constituency vote, the list's valid votes for the list vote).

The checks (the ``check`` of a finding):

- ``election date``, ``previous seats``, ``seat change``, ``turnout``,
  ``majority``: the infobox against the prose, and Seat Change against Seats −
  Last Election;
- ``table totals``: a table's rows against its totals rows (per column, and
  ``Constituency total + PR list`` against ``Total``), and a row's parties
  against its Total seats;
- ``infobox vs tables``, ``tables``: the same figure in two places;
- ``prose claim``: "won N of the M seats", "won N out of M seats in X", "won N
  seats", "from A to B seats", "X% of the vote", against the infobox and tables;
- ``electoral system vs law``: the electoral-system paragraph's seats and
  thresholds against :func:`korelect.rules_for`;
- ``list seats vs own votes``: printed list seats against the allocation of
  the article's own votes;
- ``unknown party``: a party name the registry does not know for the year;
- ``... vs record``: seats (national and by province), votes, vote shares,
  turnout and the date against korelect's record;
- ``record checks skipped``: an article without a year, or for a year
  korelect has no data for, is checked against itself only.

Tables are read in two shapes: rows by region (``Seoul`` ... ``Constituency
total``, ``PR list``, ``Total``; party columns of seats, ``%`` or votes) and
rows by party (``| Party | Votes | % | Constituency seats | List seats | Total
seats |``, with ``Other parties``, ``Independents`` and ``Total`` rows). Region
rows are summed against a totals row only when they cover every province of
the year (a table of a few regions is a selection, not a sum). Names in a
"Political parties" table may also be parties of the previous election (the
outgoing assembly's). Without a year (nor an election date to take it from),
a name the registry gives to several parties is not an unknown name.

Not compared with the record: Last Election, Seat Change and Swing (they
depend on which earlier parties a party continues), leaders and speakers.

>>> from korelect.analysis.article.reader import read_article
>>> text = '''= 1992 South Korean legislative election =
...
... Infobox
... - Election Date: 24 March 1992
... - Party1: Democratic Liberal Party
... - Seats1: 149
...
... Legislative elections were held in South Korea on 25 March 1992.
... '''
>>> for finding in check_article(read_article(text, source="a.txt")):
...     print(finding.line, finding.check, "|", finding.ours, "|", finding.theirs)
8 election date | 24 March 1992 (infobox, Election Date, line 4) | 25 March 1992
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from fractions import Fraction

from korelect.analysis.article.model import (
    Article,
    Change,
    InfoboxParty,
    Paragraph,
    Table,
    TableRow,
)
from korelect.analysis.audit.common import LIST_SOURCE, _elections, _thresholds, _Year
from korelect.analysis.audit.seeds import _Seed, _vote_gap_note
from korelect.base.numbers import fmt_decimal, round_half_up
from korelect.engine.allocate import allocate
from korelect.engine.allocation import Allocation
from korelect.engine.entries import Entry, Kind
from korelect.errors import KorelectError, UnknownNameError
from korelect.law.registry import rules_for
from korelect.law.rules import Rules, VoteBasis
from korelect.law.thresholds import AnyOf, Condition, DistrictSeats, VoteShare
from korelect.record.data import Dataset, dataset
from korelect.record.election import ElectionResult, party_info, results
from korelect.record.findings import Finding
from korelect.record.parties import ELECTION_YEARS, parties

__all__ = ["CHECKS", "check_article", "check_text", "check_to_dict"]

# -- check names, in report order within a line ---------------------------------------------
SKIPPED = "record checks skipped"
UNKNOWN = "unknown party"
DATE = "election date"
PREVIOUS = "previous seats"
SEAT_CHANGE = "seat change"
MAJORITY = "majority"
TURNOUT = "turnout"
TOTALS = "table totals"
INFOBOX_TABLES = "infobox vs tables"
TABLES = "tables"
PROSE = "prose claim"
SYSTEM = "electoral system vs law"
OWN_VOTES = "list seats vs own votes"
REC_DATE = "election date vs record"
REC_SEATS = "seats vs record"
REC_VOTES = "votes vs record"
REC_PCT = "vote % vs record"
REC_TURNOUT = "turnout vs record"

CHECKS: tuple[str, ...] = (
    SKIPPED,
    UNKNOWN,
    DATE,
    PREVIOUS,
    SEAT_CHANGE,
    MAJORITY,
    TURNOUT,
    TOTALS,
    INFOBOX_TABLES,
    TABLES,
    PROSE,
    SYSTEM,
    OWN_VOTES,
    REC_DATE,
    REC_SEATS,
    REC_VOTES,
    REC_PCT,
    REC_TURNOUT,
)
"""Every check's name; findings on the same line come in this order."""

ALL = "*"
"""The ``who`` of a figure about every party together (a Total seats column)."""
NATIONAL = "national"

# Kinds of places, most reliable first (a tie between two values goes to the more reliable).
SUM = "sum"
ALLOCATION = "allocation"
DIFFERENCE = "difference"
TABLE = "table"
INFOBOX = "infobox"
SYSTEM_TEXT = "electoral system"
PROSE_TEXT = "prose"
_AUTHORITY = {SUM: 6, ALLOCATION: 6, DIFFERENCE: 6, TABLE: 4, INFOBOX: 3, SYSTEM_TEXT: 2}
_DERIVED = (SUM, ALLOCATION, DIFFERENCE)

_NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
}  # fmt: skip
_NUM = r"(?:\d{1,3}(?:,\d{3})+|\d+|" + "|".join(_NUMBER_WORDS) + ")"
_OTHER_LABELS = ("other", "others", "other parties", "minor parties")
_PARTY_WORDS = (
    "Party", "Democrats", "Congress", "Alliance", "Front", "Union", "Coalition", "League",
    "Forum", "Politics",
)  # fmt: skip
_NOT_PARTIES = ("FPTP", "MMP", "PR", "NEC", "MP", "MPS", "UN", "US", "USA", "ROK", "TV")
_TOTAL_ROWS = {
    "constituency total": "district",
    "constituencies": "district",
    "constituency": "district",
    "district total": "district",
    "districts": "district",
    "constituency seats": "district",
    "fptp": "district",
    "pr list": "list",
    "pr": "list",
    "list": "list",
    "party list": "list",
    "proportional": "list",
    "proportional representation": "list",
    "seat allocation": "list",
    "list seats": "list",
    "pr seats": "list",
    "total": "total",
    "totals": "total",
    "overall total": "total",
    "overall": "total",
    "national total": "total",
    "nationwide": "total",
    "national": "total",
    "grand total": "total",
    "total seats": "total",
}
_PROVINCE_ALIASES = {
    "chungbuk": "chungbuk",
    "chungcheongbuk": "chungbuk",
    "chungnam": "chungnam",
    "chungcheongnam": "chungnam",
    "jeonbuk": "jeonbuk",
    "jeollabuk": "jeonbuk",
    "jeonnam": "jeonnam",
    "jeollanam": "jeonnam",
    "gyeongbuk": "gyeongbuk",
    "gyeongsangbuk": "gyeongbuk",
    "gyeongnam": "gyeongnam",
    "gyeongsangnam": "gyeongnam",
}

Key = tuple[str, ...]
"""A quantity: ``("seats", who, tier, area)``, ``("votes", who, ballot, area)``,
``("pct", who, ballot, area)``, ``("date",)``, ``("last", who)``, ``("change", who)``,
``("turnout", ballot)``, ``("turnout change", ballot)``, ``("majority",)``.
``who`` is a party id, :data:`ALL`, ``other:<ids>`` (the parties a table does not
name) or ``label:<name>`` (a name the registry does not know); ``area`` is
``national`` or province codes joined by ``+``."""


# ----------------------------------------------------------------------------- numbers


@dataclass(frozen=True, slots=True)
class _Num:
    """A number as printed (``places`` decimals, rounded) or exact (``places`` None)."""

    value: Fraction
    places: int | None = None
    unsigned: bool = False
    """Printed without a sign: only its size counts."""

    def bounds(self) -> tuple[Fraction, Fraction]:
        """The closed range of exact values that print as this number."""
        value = abs(self.value) if self.unsigned else self.value
        if self.places is None:
            return value, value
        half = Fraction(1, 2) / 10**self.places
        return value - half, value + half


Value = _Num | date | str
"""A figure: a number, a date, or a word (``New``, ``Did not exist``)."""


def _agree(a: Value, b: Value) -> bool:
    """Whether two figures can be the same: exactly, or after rounding as printed."""
    if isinstance(a, _Num) and isinstance(b, _Num):
        unsigned = a.unsigned or b.unsigned
        x = _Num(abs(a.value) if unsigned else a.value, a.places)
        y = _Num(abs(b.value) if unsigned else b.value, b.places)
        if x.places is None and y.places is None:
            return x.value == y.value
        if x.places is None or y.places is None:
            exact, printed = (x, y) if x.places is None else (y, x)
            places = printed.places or 0
            return round_half_up(exact.value, places) == printed.value
        low_x, high_x = x.bounds()
        low_y, high_y = y.bounds()
        return low_x <= high_y and low_y <= high_x
    if isinstance(a, _Num) or isinstance(b, _Num):
        return False
    return a == b


def _parse_number(text: str) -> _Num | None:
    """A printed number: ``"7,923,718"``, ``"38.49%"``, ``"3.91pp"``, ``"219 seats"``."""
    raw = re.sub(r"\[[^\]]*\]", "", text).strip()
    raw = re.sub(r"(?i)\s*(%|pp|p\.p\.|%p|seats?|votes?)$", "", raw).replace(",", "").strip()
    raw = raw.replace("−", "-").replace("–", "-")
    if not re.fullmatch(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)", raw):
        return None
    try:
        value = Decimal(raw)
    except InvalidOperation:
        return None
    exponent = value.as_tuple().exponent
    places = -exponent if isinstance(exponent, int) and exponent < 0 else 0
    return _Num(Fraction(value), places)


def _integer(text: str) -> int | None:
    """A printed count, or None if the text is not one."""
    num = _parse_number(text)
    if num is None or num.places or num.value.denominator != 1 or "." in text:
        return None
    return int(num.value)


def _word_number(text: str) -> int | None:
    """``"seven"`` or ``"1,234"`` as an integer."""
    low = text.strip().lower()
    if low in _NUMBER_WORDS:
        return _NUMBER_WORDS[low]
    return _integer(low)


def _decimals(value: Fraction) -> int:
    """The fewest decimals that write ``value`` exactly (at least 0, at most 6)."""
    for places in range(7):
        if (value * 10**places).denominator == 1:
            return places
    return 6


def _n(value: int) -> str:
    return f"{value:,}"


def _show(value: Value, *, places: int | None = None, unit: str = "") -> str:
    """A figure for a report, to ``places`` decimals where given."""
    if isinstance(value, date):
        return f"{value.day} {value:%B %Y}"
    if isinstance(value, str):
        return value
    number = abs(value.value) if value.unsigned else value.value
    digits = value.places if places is None else places
    if digits is None:
        if number.denominator == 1:
            text = _n(int(number)) if unit == "votes" else str(int(number))
        else:
            text = fmt_decimal(number, 3)
    else:
        text = fmt_decimal(number, digits)
    if unit in ("%", "pp"):
        text += unit
    return text


# ----------------------------------------------------------------------------- facts


@dataclass(frozen=True)
class _Fact:
    """One figure about a quantity: printed at a line, or derived from printed ones."""

    id: int
    key: Key
    value: Value
    line: int
    kind: str
    where: str
    """The place, e.g. ``"table 'By city/province', row Total"`` or ``"infobox: Party1 ..."``."""
    item: str
    """The column or field, e.g. ``"DLP"`` or ``"Seats"``."""
    text: str
    """As printed, or how it was derived (``"116 + 33 = 149"``)."""
    inputs: frozenset[int] = frozenset()
    """For a derived fact: the printed facts it uses."""
    group: str = ""
    """For sums: the table they come from (a sum and its totals row share it)."""
    detail: str = ""
    """How a derived figure was computed, for the note of a finding about it."""

    @property
    def derived(self) -> bool:
        return self.kind in _DERIVED

    @property
    def authority(self) -> int:
        return _AUTHORITY.get(self.kind, 1)

    def label(self) -> str:
        """Where it is, for a note: ``"line 14 (infobox, Election Date)"``; how, if derived."""
        if self.derived:
            return self.text
        where = f"{self.where}, {self.item}" if self.item else self.where
        return f"line {self.line} ({where})"


@dataclass(frozen=True, slots=True)
class _Rec:
    """korelect's figure for a quantity, where it comes from and how it was computed."""

    value: Value
    source: str
    detail: str = ""
    whole: Fraction | None = None
    """For a share: the valid votes it is a share of."""


@dataclass
class _Draft:
    """A finding before findings on the same line and place are merged."""

    line: int
    check: str
    where: str
    item: str
    ours: str
    theirs: str
    note: str = ""
    sources: tuple[str, ...] = ()
    seq: int = 1_000_000
    """Reading order of the fact it is about (findings on one line follow it)."""


# ----------------------------------------------------------------------------- parties


class _Names:
    """Party names resolved through the registry for the article's year."""

    def __init__(self, year: int | None) -> None:
        self.year = year if year in ELECTION_YEARS else None
        self.previous = (
            None
            if self.year is None or self.year == ELECTION_YEARS[0]
            else ELECTION_YEARS[ELECTION_YEARS.index(self.year) - 1]
        )

    @staticmethod
    def _forms(label: str) -> list[str]:
        text = " ".join(label.replace("’", "'").split()).strip()
        short = re.sub(r"\s*\([^()]*\)$", "", text).strip()
        forms = [text, short]
        if short.endswith("'s"):
            forms.append(short[:-2])
        return [f for f in dict.fromkeys(forms) if f]

    def find(self, label: str, year: int | None = None) -> str | None:
        """The registry id of a party name (None if unknown or ambiguous)."""
        when = self.year if year is None else year
        for form in self._forms(label):
            party = parties().find(form, when)
            if party is not None:
                return party.id
        return None

    def known(self, label: str) -> bool:
        """Whether the registry knows the name in some election year."""
        return any(self.find(label, y) is not None for y in ELECTION_YEARS)

    def why(self, label: str) -> str:
        """What the registry says about an unknown name."""
        form = self._forms(label)[-1] if self._forms(label) else label
        try:
            parties().lookup(form, self.year)
        except UnknownNameError as exc:
            return str(exc)
        return ""

    def who(self, label: str) -> str:
        """The ``who`` of a party label: an id, or ``label:<name>`` when unknown."""
        if label.strip().lower() in _OTHER_LABELS:
            return "other:"
        return self.find(label) or "label:" + " ".join(label.split())


def _is_known(who: str) -> bool:
    return who != ALL and not who.startswith(("label:", "other:"))


# ----------------------------------------------------------------------------- the record


class _Record:
    """korelect's figures for one election, computed on first use."""

    def __init__(self, year: int, data: Dataset, rules: Rules | None = None) -> None:
        self.year = year
        self.data = data
        self.law = rules or rules_for(year)
        self.result: ElectionResult = results(year, data=data, rules=rules)
        assembly, iso = _elections(data).get(year, (0, ""))
        self.date = date.fromisoformat(iso) if iso else None
        self.counts = next((d.source for d in data.districts(year) if d.source), "the counts")
        self.list_source = f"korelect.results({year}) ({LIST_SOURCE.format(n=assembly)})"
        self.source = f"korelect.results({year}) ({self.counts})"
        self.law_source = f"korelect.rules_for({year})"
        self._previous: ElectionResult | bool | None = False
        self._pid: dict[str, str] = {}

    def pid(self, name_ko: str) -> str:
        """The registry id of a Korean party name in the data."""
        if name_ko not in self._pid:
            self._pid[name_ko] = party_info(name_ko, self.year).party_id
        return self._pid[name_ko]

    @property
    def previous(self) -> ElectionResult | None:
        """The election before, if korelect has it."""
        if self._previous is False:
            earlier = [y for y in self.data.years() if y < self.year]
            self._previous = results(max(earlier), data=self.data) if earlier else None
        return self._previous if isinstance(self._previous, ElectionResult) else None

    def value(self, key: Key) -> _Rec | None:
        """The record's figure for a quantity (None where korelect has none)."""
        topic = key[0]
        if topic == "date":
            if self.date is None:
                return None
            return _Rec(self.date, "korelect/data/elections.csv")
        if topic == "majority":
            total = self.law.total_seats
            return _Rec(_Num(Fraction(total // 2 + 1)), self.law_source, f"a majority of {total}")
        if topic == "seats":
            return self._seats(key[1], key[2], key[3])
        if topic in ("votes", "pct"):
            return self._votes(topic, key[1], key[2], key[3])
        if topic == "turnout":
            return self._turnout(key[1])
        if topic == "turnout change":
            return self._turnout_change(key[1])
        return None

    def _seats(self, who: str, tier: str, area: str) -> _Rec | None:
        if who.startswith("label:"):
            return None
        if area == NATIONAL:
            if who == ALL:
                law = self.law
                by_tier = {"district": law.district_seats, "list": law.list_seats}
                return _Rec(
                    _Num(Fraction(by_tier.get(tier, law.total_seats))),
                    self.law_source,
                    f"{law.district_seats} district + {law.list_seats} list seats",
                )
            total = 0
            for p in self.result.parties:
                if _matches(who, p.info.party_id):
                    total += {
                        "district": p.district_seats,
                        "list": p.list_seats,
                    }.get(tier, p.total_seats)
            return _Rec(_Num(Fraction(total)), self.source)
        if tier != "district":
            return None
        codes = area.split("+")
        seats = sum(
            n
            for line in self.result.provinces
            if line.code in codes
            for pid, n in line.seats.items()
            if _matches(who, pid)
        )
        return _Rec(_Num(Fraction(seats)), self.source)

    def _votes(self, topic: str, who: str, ballot: str, area: str) -> _Rec | None:
        if who.startswith("label:"):
            return None
        found = self._ballot(ballot, area)
        if found is None:
            return None
        votes, valid, source = found
        if who == ALL:
            if topic == "pct":
                return _Rec(_Num(Fraction(100)), source)
            what = "list" if ballot == "list" else "constituency"
            return _Rec(_Num(valid), source, f"valid {what} votes")
        part = sum((v for pid, v in votes.items() if _matches(who, pid)), Fraction(0))
        what = "list" if ballot == "list" else "constituency"
        if topic == "votes":
            if part.denominator != 1:
                return None
            return _Rec(_Num(part), source, f"{what} votes")
        if not valid:
            return None
        share = part / valid * 100
        if part.denominator == 1:
            detail = f"{_n(int(part))} of {_n(int(valid))} valid {what} votes"
        else:
            detail = f"the published {what} share"
        return _Rec(
            _Num(share),
            source,
            f"{detail}; exact {fmt_decimal(share, 3)}%",
            valid if part.denominator == 1 else None,
        )

    def _ballot(self, ballot: str, area: str) -> tuple[dict[str, Fraction], Fraction, str] | None:
        """(votes by party id, the valid votes, the source) of one ballot in an area."""
        if area != NATIONAL:
            return self._provinces(ballot, area.split("+"))
        if ballot == "list":
            return self._national_list()
        votes: dict[str, Fraction] = defaultdict(Fraction)
        cands = self.data.candidates(self.year)
        if not cands:
            return None
        for c in cands:
            votes[self.pid(c.party_ko)] += c.votes or 0
        valid_all = [d.valid_votes for d in self.data.districts(self.year)]
        valid = None if None in valid_all else sum(v or 0 for v in valid_all)
        return dict(votes), Fraction(valid or sum(votes.values())), self.source

    def _national_list(self) -> tuple[dict[str, Fraction], Fraction, str] | None:
        """The list vote nationally: counts (2004–2016) or published shares (2020, 2024)."""
        if self.year < 2004:
            return None
        votes: dict[str, Fraction] = defaultdict(Fraction)
        if any(isinstance(p.votes, Fraction) for p in self.result.parties):
            for party in self.result.parties:
                votes[party.info.party_id] += Fraction(party.votes)
            votes["(the rest of the published shares)"] = 100 - sum(votes.values(), Fraction(0))
            return dict(votes), Fraction(100), self.source
        rows = [v for v in self.data.list_votes(self.year) if v.level == "province"]
        if not rows:
            return None
        for v in rows:
            votes[self.pid(v.party_ko)] += v.votes
        turnout = self.result.list_turnout
        valid = turnout.valid_votes if turnout and turnout.valid_votes else None
        return dict(votes), Fraction(valid or sum(votes.values())), self.list_source

    def _provinces(
        self, ballot: str, codes: list[str]
    ) -> tuple[dict[str, Fraction], Fraction, str] | None:
        """One ballot's votes in some provinces, over their valid votes."""
        lines = [p for p in self.result.provinces if p.code in codes]
        if not lines:
            return None
        votes: dict[str, Fraction] = defaultdict(Fraction)
        total = 0
        for line in lines:
            counts = line.list_votes if ballot == "list" else line.votes
            turnout = line.list_turnout if ballot == "list" else line.turnout
            if not counts:
                return None
            for pid, n in counts.items():
                votes[pid] += n
            total += (turnout.valid_votes if turnout else None) or sum(counts.values())
        return dict(votes), Fraction(total), self.list_source if ballot == "list" else self.source

    def _turnout(self, ballot: str) -> _Rec | None:
        t = self.result.list_turnout if ballot == "list" else self.result.turnout
        if t is None or t.rate is None:
            return None
        return _Rec(
            _Num(t.rate * 100),
            self.list_source if ballot == "list" else self.source,
            f"{_n(t.ballots_cast or 0)} of {_n(t.electorate or 0)}; exact "
            f"{fmt_decimal(t.rate * 100, 3)}%",
        )

    def _turnout_change(self, ballot: str) -> _Rec | None:
        now = self._turnout(ballot)
        prev = self.previous
        if now is None or prev is None or not isinstance(now.value, _Num):
            return None
        before = prev.list_turnout if ballot == "list" else prev.turnout
        if before is None or before.rate is None:
            return _Rec("New", self.source, f"no {ballot} ballot in {prev.year}")
        a = round_half_up(before.rate * 100, 2)
        b = round_half_up(now.value.value, 2)
        return _Rec(
            _Num(b - a),
            f"korelect.results({prev.year}); {self.source}",
            f"{fmt_decimal(a, 2)}% in {prev.year} → {fmt_decimal(b, 2)}%",
        )

    def vote_gap(self, who: str, printed: int) -> str:
        """Where a party's vote gap may come from (the audit's explanation), or ""."""
        rec = self.value(("votes", who, "constituency", NATIONAL))
        if rec is None or not isinstance(rec.value, _Num) or self.year >= 2004:
            return ""
        diff = printed - int(rec.value.value)
        assembly, iso = _elections(self.data).get(self.year, (0, ""))
        year = _Year(self.data, self.year, self.result, assembly, iso)
        return _vote_gap_note(_Seed(year, None, {}), who, diff)


def _matches(who: str, pid: str) -> bool:
    """Whether a party id is counted in a ``who``."""
    if who == ALL:
        return True
    if who.startswith("other:"):
        return pid not in who.removeprefix("other:").split(",")
    return pid == who


# ----------------------------------------------------------------------------- reading the article


@dataclass(frozen=True, slots=True)
class _Column:
    index: int
    label: str
    who: str
    measure: str
    """``seats``, ``votes`` or ``pct``."""
    explicit: bool
    """The label names its measure (``Uri %``, ``Total seats``)."""


class _Facts:
    """Every figure of one article, as statements and derived facts, plus findings on names."""

    def __init__(
        self,
        article: Article,
        names: _Names,
        provinces: dict[str, str],
        *,
        regions: frozenset[str] | None = None,
        law: Rules | None = None,
    ) -> None:
        self.article = article
        self.names = names
        self.provinces = provinces
        self.regions = regions
        """The provinces that had districts in the article's year (None if unknown)."""
        self.law = law
        self.facts: list[_Fact] = []
        self.drafts: list[_Draft] = []
        self._unknown: set[tuple[int, str]] = set()
        self.list_year = (article.year or 0) >= 2004

    # -- building -----------------------------------------------------------------------

    def add(
        self,
        key: Key,
        value: Value,
        line: int,
        kind: str,
        where: str,
        item: str,
        text: str,
        inputs: Iterable[int] = (),
        group: str = "",
        detail: str = "",
    ) -> _Fact:
        """Record one fact and return it."""
        fact = _Fact(
            len(self.facts),
            key,
            value,
            line,
            kind,
            where,
            item,
            text,
            frozenset(inputs),
            group,
            detail,
        )
        self.facts.append(fact)
        return fact

    def party(self, label: str, line: int, where: str, *, previous_ok: bool = False) -> str:
        """The ``who`` of a party name; an unknown name is a finding (once per line)."""
        who = self.names.who(label)
        if not who.startswith("label:"):
            return who
        if previous_ok and self.names.previous is not None:
            earlier = self.names.find(label, self.names.previous)
            if earlier is not None:
                return earlier
        if self.names.year is None and self.names.known(label):
            return who  # a name of several parties: without the year it cannot be told
        if (line, label) not in self._unknown:
            self._unknown.add((line, label))
            year = self.names.year
            self.drafts.append(
                _Draft(
                    line,
                    UNKNOWN,
                    where,
                    "",
                    f"no party of that name in the registry for {year}"
                    if year
                    else "no party of that name in the registry",
                    label,
                    self.names.why(label),
                    (self.article.source, "korelect/data/parties.csv"),
                    len(self.facts),
                )
            )
        return who

    def province(self, label: str) -> str | None:
        """The province code of a region name, or None."""
        low = " ".join(label.lower().replace("-", " ").split())
        low = re.sub(
            r"\s+(province|special city|metropolitan city|special self governing.*)$", "", low
        )
        low = re.sub(r"\s+do$", "", low)
        if low in self.provinces:
            return self.provinces[low]
        return _PROVINCE_ALIASES.get(low.replace(" ", ""))

    def region(self, text: str) -> list[str] | None:
        """Province codes of ``"Incheon and Gyeonggi"``; None if any part is unknown."""
        parts = [p for p in re.split(r"\s*,\s*|\s+and\s+", text.strip()) if p]
        codes = [self.province(p) for p in parts]
        if not codes or any(c is None for c in codes):
            return None
        return sorted({c for c in codes if c is not None})

    # -- the infobox ----------------------------------------------------------------------

    def read_infobox(self) -> None:
        """The election fields and each party's fields."""
        box = self.article.infobox
        if box is None:
            return
        where = "infobox"
        if box.election_date is not None:
            f = box.get("Election Date")
            self.add(
                ("date",),
                box.election_date,
                f.line if f else box.line,
                INFOBOX,
                where,
                "Election Date",
                f.value if f else str(box.election_date),
            )
        total_fact = None
        if box.total_seats is not None:
            f = box.get("Seats For Election")
            total_fact = self.add(
                ("seats", ALL, "total", NATIONAL),
                _Num(Fraction(box.total_seats)),
                f.line if f else box.line,
                INFOBOX,
                where,
                "Seats For Election",
                f.value if f else str(box.total_seats),
            )
        if box.majority_seats is not None:
            f = box.get("Majority Seats")
            line = f.line if f else box.line
            self.add(
                ("majority",),
                _Num(Fraction(box.majority_seats)),
                line,
                INFOBOX,
                where,
                "Majority Seats",
                f.value if f else str(box.majority_seats),
            )
            if total_fact is not None and box.total_seats is not None:
                self.add(
                    ("majority",),
                    _Num(Fraction(box.total_seats // 2 + 1)),
                    line,
                    DIFFERENCE,
                    where,
                    "a majority of Seats For Election",
                    f"{box.total_seats} // 2 + 1 = {box.total_seats // 2 + 1}",
                    (total_fact.id,),
                )
        turnout_field = box.get("Turnout")
        printed = re.findall(r"(\d+(?:\.\d+)?)\s*%", turnout_field.value) if turnout_field else []
        for index, t in enumerate(box.turnout):
            ballot = _ballot_of(t.label)
            item = f"Turnout ({t.label})" if t.label else "Turnout"
            if t.pct is not None:
                raw = printed[index] if index < len(printed) else None
                num = _parse_number(raw) if raw else None
                value = num if num is not None else _Num(t.pct, max(2, _decimals(t.pct)))
                self.add(
                    ("turnout", ballot),
                    value,
                    t.line,
                    INFOBOX,
                    where,
                    item,
                    f"{raw or fmt_decimal(t.pct, 2)}%",
                )
            if t.change is not None:
                change = _change_value(t.change)
                if change is not None:
                    self.add(
                        ("turnout change", ballot),
                        change,
                        t.change.line,
                        INFOBOX,
                        where,
                        f"{item} change",
                        t.change.raw,
                    )
        for p in box.parties:
            self.read_party(p)

    def read_party(self, p: InfoboxParty) -> None:
        """One infobox party: seats, votes, percentage, last election and seat change."""
        where = f"infobox: Party{p.number} {p.name}"
        who = self.party(p.name, p.lines.get("Party", p.line), where)
        box = self.article.infobox
        ballot = "list" if self.list_year else "constituency"

        def field_line(name: str) -> int:
            return p.lines.get(name, p.line)

        def raw(name: str) -> str:
            f = box.get(f"{name}{p.number}") if box else None
            return f.value if f else ""

        seats = last = None
        if p.seats is not None:
            seats = self.add(
                ("seats", who, "total", NATIONAL),
                _Num(Fraction(p.seats)),
                field_line("Seats"),
                INFOBOX,
                where,
                "Seats",
                raw("Seats") or str(p.seats),
            )
        if p.popular_vote is not None:
            self.add(
                ("votes", who, ballot, NATIONAL),
                _Num(Fraction(p.popular_vote)),
                field_line("Popular Vote"),
                INFOBOX,
                where,
                "Popular Vote",
                raw("Popular Vote") or _n(p.popular_vote),
            )
        if p.percentage is not None:
            text = raw("Percentage")
            num = _parse_number(text) or _Num(p.percentage, max(2, _decimals(p.percentage)))
            self.add(
                ("pct", who, ballot, NATIONAL),
                num,
                field_line("Percentage"),
                INFOBOX,
                where,
                "Percentage",
                text or f"{fmt_decimal(p.percentage, 2)}%",
            )
        if "Last Election" in p.lines:
            value: Value = (
                _Num(Fraction(p.last_election)) if p.last_election is not None else "Did not exist"
            )
            last = self.add(
                ("last", who),
                value,
                field_line("Last Election"),
                INFOBOX,
                where,
                "Last Election",
                p.last_election_raw or _show(value),
            )
        if p.seat_change is not None:
            change = _change_value(p.seat_change)
            if change is not None:
                self.add(
                    ("change", who),
                    change,
                    p.seat_change.line,
                    INFOBOX,
                    where,
                    "Seat Change",
                    p.seat_change.raw,
                )
                if seats is not None and last is not None and isinstance(seats.value, _Num):
                    if isinstance(last.value, _Num):
                        diff = seats.value.value - last.value.value
                        derived: Value = _Num(diff)
                        how = (
                            f"Seats (line {seats.line}) − Last Election (line {last.line}) = "
                            f"{_show(seats.value)} − {_show(last.value)} = {int(diff):+d}"
                        )
                    else:
                        derived = "New"
                        how = "New (Last Election: Did not exist)"
                    self.add(
                        ("change", who),
                        derived,
                        p.seat_change.line,
                        DIFFERENCE,
                        where,
                        "Seats − Last Election",
                        how,
                        (seats.id, last.id),
                    )

    # -- tables ---------------------------------------------------------------------------

    def read_tables(self) -> None:
        """Every table: party names, and the figures of region and totals rows."""
        for table in self.article.tables:
            if _is_party_table(table):
                if _party_columns(table):
                    self.read_party_rows(table)
                    continue
                for row in table.rows:
                    if row.label:
                        self.party(
                            row.label,
                            row.line,
                            f"table '{_table_name(table)}'",
                            previous_ok=True,
                        )
                continue
            self.read_table(table)

    def read_party_rows(self, table: Table) -> None:
        """A national results table with one row per party and a Total row.

        Columns such as ``Votes``, ``%``, ``List %``, ``Constituency seats``,
        ``List seats``, ``Total seats``; rows are parties, ``Other parties``,
        ``Independents``, a bucket of votes no party holds (``Votes missing
        ...``, checked only in the sums) and ``Total``. Each column's party rows
        are summed against the Total row.
        """
        name = _table_name(table)
        basis = "list" if self.list_year else "constituency"
        columns = [(i, m, t if t != "ballot" else basis) for i, m, t in _party_columns(table)]
        whos: list[tuple[TableRow, str]] = []
        for row in table.rows:
            low = " ".join(row.label.lower().split())
            if low in ("total", "totals", "overall total"):
                whos.append((row, ALL))
            elif low in _OTHER_LABELS:
                whos.append((row, "other:"))
            elif re.search(r"missing|invalid|unattributed|blank", low):
                whos.append((row, "bucket:" + row.label))
            elif row.label:
                whos.append((row, self.party(row.label, row.line, f"table '{name}'")))
        named = ",".join(sorted({w for _, w in whos if _is_known(w)}))
        whos = [(row, "other:" + named if w == "other:" else w) for row, w in whos]
        for index, measure, tier in columns:
            label = table.columns[index]
            parts: list[_Fact] = []
            total: _Fact | None = None
            complete = True
            for row, who in whos:
                raw = row.cells[index] if index < len(row.cells) else ""
                num = _parse_number(raw)
                if num is None or (measure != "pct" and _integer(raw) is None):
                    complete = complete and not raw.strip()
                    continue
                if who.startswith("bucket:"):
                    key: Key = ("bucket", who, measure, tier)
                elif measure == "seats":
                    key = ("seats", who, tier, NATIONAL)
                else:
                    key = (measure, who, tier, NATIONAL)
                fact = self.add(
                    key, num, row.line, TABLE, f"table '{name}', row {row.label}", label, raw,
                    group=name,
                )  # fmt: skip
                if who == ALL:
                    total = fact
                else:
                    parts.append(fact)
            if total is None or not complete or measure == "pct" or len(parts) < 2:
                continue
            value = sum((_number(f) for f in parts), Fraction(0))
            self.add(
                total.key,
                _Num(value),
                total.line,
                SUM,
                total.where,
                label,
                f"sum of the {len(parts)} rows above (lines {parts[0].line}–{parts[-1].line}) = "
                f"{_show(_Num(value), unit=measure)}",
                (f.id for f in parts),
                group=name,
            )

    def read_table(self, table: Table) -> None:
        """A results table: cells as statements, and its sums as derived facts."""
        name = _table_name(table)
        rows: list[tuple[TableRow, str, str]] = []  # (row, tier, area)
        kinds: dict[int, str] = {}
        for row in table.rows:
            code = self.province(row.label)
            if code is not None:
                rows.append((row, "district", code))
                continue
            norm = " ".join(row.label.lower().rstrip(":*").split())
            tier = _TOTAL_ROWS.get(norm)
            if tier is not None:
                rows.append((row, tier, NATIONAL))
                kinds[row.line] = norm
        if not any(area != NATIONAL for _, _, area in rows) and not kinds:
            return
        text = " ".join([table.caption or "", table.section, *table.columns]).lower()
        ballot = (
            "list"
            if self.list_year and re.search(r"\b(list|pr|proportional)\b", text)
            else "constituency"
        )
        has_list_row = any(
            tier == "list" and any(_integer(c) is not None for c in row.cells)
            for row, tier, _ in rows
        )
        columns = self.columns(table, rows)
        cells: dict[tuple[int, int], _Fact] = {}
        for row, row_tier, area in rows:
            tier = row_tier
            if tier == "total":
                tier = "total" if has_list_row or self._whole_house(row, table) else "district"
            where = f"table '{name}', row {row.label}"
            for col in columns:
                if col.index >= len(row.cells):
                    continue
                raw = row.cells[col.index]
                num = _parse_number(raw)
                if num is None:
                    continue
                measure = col.measure
                if (
                    tier == "list"
                    and not col.explicit
                    and measure == "pct"
                    and _integer(raw) is not None
                ):
                    measure = "seats"
                if measure == "seats":
                    if _integer(raw) is None:
                        continue
                    key: Key = ("seats", col.who, tier, area)
                elif measure == "votes":
                    if _integer(raw) is None:
                        continue
                    key = ("votes", col.who, "list" if tier == "list" else ballot, area)
                else:
                    key = ("pct", col.who, "list" if tier == "list" else ballot, area)
                cells[(row.line, col.index)] = self.add(
                    key, num, row.line, TABLE, where, col.label, raw, group=name
                )
        self.table_sums(name, rows, columns, cells, has_list_row)

    def _whole_house(self, row: TableRow, table: Table) -> bool:
        """Whether a Total row without a PR-list row counts the whole assembly.

        It does when its Total seats cell is the assembly's size (the infobox's
        Seats For Election, or the law's) and not the law's district seats.
        """
        box = self.article.infobox
        sizes = {box.total_seats} if box is not None and box.total_seats else set()
        if self.law is not None:
            sizes.add(self.law.total_seats)
        for index, label in enumerate(table.columns):
            party, measure = _split_column(label)
            if party.lower() == "total" and measure in (None, "seats") and index < len(row.cells):
                value = _integer(row.cells[index])
                district = self.law.district_seats if self.law is not None else None
                return value in sizes and value != district
        return False

    def complete(self, codes: Sequence[str]) -> bool:
        """Whether region rows cover the whole country (so that they sum to the totals)."""
        if self.regions is not None:
            return self.regions <= set(codes)
        return len(set(codes)) >= 15

    def columns(self, table: Table, rows: list[tuple[TableRow, str, str]]) -> list[_Column]:
        """The table's columns with the party and the measure each one holds."""
        found: list[_Column] = []
        body = [row for row, tier, _ in rows if tier != "list"]
        for index, label in enumerate(table.columns):
            party, measure = _split_column(label)
            if not party and measure is None:
                continue
            explicit = measure is not None
            if measure is None:
                cells = [r.cells[index] for r in body if index < len(r.cells)]
                decimal = any("." in c or "%" in c for c in cells if _parse_number(c))
                measure = "pct" if decimal else "seats"
            if party.lower() in ("total", ""):
                if measure != "seats":
                    continue
                who = ALL
            else:
                where = f"table '{_table_name(table)}', column {label}"
                who = self.party(party, table.line, where)
            found.append(_Column(index, label, who, measure, explicit))
        named = sorted({c.who for c in found if _is_known(c.who)})
        return [
            _Column(c.index, c.label, "other:" + ",".join(named), c.measure, c.explicit)
            if c.who == "other:"
            else c
            for c in found
        ]

    def table_sums(
        self,
        name: str,
        rows: list[tuple[TableRow, str, str]],
        columns: list[_Column],
        cells: dict[tuple[int, int], _Fact],
        has_list_row: bool,
    ) -> None:
        """Columns summed over the region rows, district + list, and each row's parties."""
        regions = [row for row, _, area in rows if area != NATIONAL]
        totals = {tier: row for row, tier, area in rows if area == NATIONAL}
        district_row = totals.get("district") or (None if has_list_row else totals.get("total"))
        for col in columns:
            if col.measure not in ("seats", "votes"):
                continue
            parts = [cells.get((r.line, col.index)) for r in regions]
            codes = [area for _, _, area in rows if area != NATIONAL]
            if len(parts) >= 2 and self.complete(codes) and all(p is not None for p in parts):
                got = [p for p in parts if p is not None]
                total = sum((p.value.value for p in got if isinstance(p.value, _Num)), Fraction(0))
                anchor = district_row or regions[-1]
                ballot = got[0].key[2]
                key: Key = (
                    ("seats", col.who, "district", NATIONAL)
                    if col.measure == "seats"
                    else ("votes", col.who, ballot, NATIONAL)
                )
                self.add(
                    key,
                    _Num(total),
                    anchor.line,
                    SUM,
                    f"table '{name}', row {anchor.label}",
                    col.label,
                    f"sum of the {len(got)} region rows (lines {regions[0].line}–"
                    f"{regions[-1].line}) = {_show(_Num(total), unit=col.measure)}",
                    (p.id for p in got),
                    group=name,
                )
            if col.measure == "seats" and has_list_row:
                district = totals.get("district")
                listed = totals.get("list")
                if district is None or listed is None:
                    continue
                a = cells.get((district.line, col.index))
                b = cells.get((listed.line, col.index))
                if a is None or b is None:
                    continue
                anchor = totals.get("total") or listed
                both = _number(a) + _number(b)
                self.add(
                    ("seats", col.who, "total", NATIONAL),
                    _Num(both),
                    anchor.line,
                    SUM,
                    f"table '{name}', row {anchor.label}",
                    col.label,
                    (
                        f"{district.label} (line {district.line}) + {listed.label} "
                        f"(line {listed.line}) = {a.text} + {b.text} = {both}"
                    ),
                    (a.id, b.id),
                    group=name,
                )
        all_columns = [c for c in columns if c.who == ALL and c.measure == "seats"]
        party_columns = [c for c in columns if c.who != ALL and c.measure == "seats"]
        if not all_columns or not party_columns:
            return
        for row, _, _ in rows:
            total_cell = cells.get((row.line, all_columns[0].index))
            if total_cell is None:
                continue
            parts = [cells.get((row.line, c.index)) for c in party_columns]
            if not all(p is not None for p in parts):
                continue
            got = [p for p in parts if p is not None]
            total = sum((p.value.value for p in got if isinstance(p.value, _Num)), Fraction(0))
            self.add(
                total_cell.key,
                _Num(total),
                row.line,
                SUM,
                f"table '{name}', row {row.label}",
                all_columns[0].label,
                f"sum of the row's {len(got)} party columns = {total}",
                (p.id for p in got),
                group=name,
            )

    # -- derived across places ------------------------------------------------------------

    def cross_sums(self) -> None:
        """A party's district seats + list seats (from tables) as its total seats."""
        printed = [f for f in self.facts if not f.derived]
        district = _first(printed, lambda k: k[0] == "seats" and k[2] == "district", TABLE)
        listed = _first(printed, lambda k: k[0] == "seats" and k[2] == "list", TABLE)
        have = {(f.key, f.inputs) for f in self.facts if f.derived and f.key[0] == "seats"}
        for (who, area), a in district.items():
            b = listed.get((who, area))
            if b is None or area != NATIONAL:
                continue
            key: Key = ("seats", who, "total", NATIONAL)
            inputs = frozenset((a.id, b.id))
            if (key, inputs) in have:
                continue
            both = _number(a) + _number(b)
            self.add(
                key,
                _Num(both),
                b.line,
                SUM,
                f"{a.where} + {b.where}",
                a.item,
                f"district {a.text} (line {a.line}) + list {b.text} (line {b.line}) = {both}",
                inputs,
            )

    def region_sums(self) -> None:
        """Prose regions of several provinces, summed from the tables' province rows."""
        printed = [f for f in self.facts if not f.derived and f.kind == TABLE]
        keys = [f.key for f in self.facts if f.kind == PROSE_TEXT and f.key[0] == "seats"]
        for key in dict.fromkeys(keys):
            area = key[3]
            if area == NATIONAL or "+" not in area:
                continue
            parts = []
            for code in area.split("+"):
                part = next((f for f in printed if f.key == ("seats", key[1], key[2], code)), None)
                if part is None:
                    break
                parts.append(part)
            else:
                parts.sort(key=lambda f: f.line)
                total = sum(
                    (p.value.value for p in parts if isinstance(p.value, _Num)), Fraction(0)
                )
                rows = " + ".join(p.where.rsplit("row ", 1)[-1] for p in parts)
                self.add(
                    key,
                    _Num(total),
                    parts[-1].line,
                    SUM,
                    parts[0].where.split(", row")[0],
                    f"rows {rows}, {parts[0].item}",
                    " + ".join(f"{p.text} (line {p.line})" for p in parts) + f" = {total}",
                    (p.id for p in parts),
                )

    # -- prose ----------------------------------------------------------------------------

    def read_prose(self) -> None:
        """Dates, turnout and claims in the prose; the electoral-system paragraph."""
        for para in self.article.paragraphs:
            if "electoral system" in para.section.lower():
                self.read_system(para)
            else:
                self.read_paragraph(para)

    def read_paragraph(self, para: Paragraph) -> None:
        """One paragraph of prose."""
        text = _without_parentheses(para.text)
        year = self.article.year
        for m in re.finditer(
            r"\bheld\s+(?:in\s+[A-Z][\w ]*?\s+)?on\s+(\d{1,2}\s+[A-Z][a-z]+\s+\d{4})", text
        ):
            try:
                when = datetime.strptime(m[1], "%d %B %Y").date()
            except ValueError:
                continue
            if year is None or when.year == year:
                self.add(("date",), when, para.line, PROSE_TEXT, "prose", "election date", m[1])
        for m in re.finditer(
            r"\bturnout\s+(?:was|of|at|stood\s+at|reached)\s+(\d+(?:\.\d+)?)\s*%",
            text,
            re.IGNORECASE,
        ):
            num = _parse_number(m[1])
            if num is not None:
                self.add(
                    ("turnout", "constituency"),
                    num,
                    para.line,
                    PROSE_TEXT,
                    "prose",
                    "turnout",
                    f"{m[1]}%",
                )
        for m in re.finditer(rf"\belected\s+({_NUM})\s+members\b", text):
            n = _word_number(m[1])
            if n is not None:
                self.add(
                    ("seats", ALL, "total", NATIONAL),
                    _Num(Fraction(n)),
                    para.line,
                    PROSE_TEXT,
                    f"prose: '{m[0]}'",
                    "the seats in all",
                    m[1],
                )
        self.read_claims(para, text)

    def subject(self, text: str, end: int, line: int) -> str | None:
        """The party a claim is about: the last party named before it (None if none)."""
        found = None
        for m in re.finditer(
            r"[A-Z][\w'’-]*(?:\s+(?:(?:of|for|the|and)\s+)?[A-Z][\w'’-]*)*",
            text[:end],
        ):
            phrase = re.sub(r"^(?:The|A|An|However|But|And|Its|It)\s+", "", m[0]).strip(".,")
            phrase = re.sub(r"['’]s$", "", phrase)
            if self._partyish(phrase):
                found = phrase
        if found is None:
            return None
        return self.party(found, line, "prose")

    def _partyish(self, phrase: str) -> bool:
        if not phrase or phrase in _NOT_PARTIES:
            return False
        if self.names.find(phrase) is not None:
            return True
        if re.fullmatch(r"[A-Z][A-Z0-9]{1,5}", phrase):
            return True
        return phrase.rsplit(maxsplit=1)[-1] in _PARTY_WORDS

    def read_claims(self, para: Paragraph, text: str) -> None:
        """Seat and vote claims: "won N of the M seats (in X)", "from A to B seats", "X%"."""
        won = re.compile(
            rf"\bwon\s+(?:only\s+|just\s+)?(?P<n>{_NUM})\s+"
            rf"(?:(?:out\s+)?of\s+(?:the\s+)?(?P<m>{_NUM})\s+)?"
            r"(?P<tier>(?:FPTP|constituency|district|single-member|list|PR|proportional)\s+)?"
            r"seats?\b(?:\s+in\s+(?:the\s+)?(?P<region>[A-Z][A-Za-z]*(?:\s+(?:and\s+)?"
            r"[A-Z][A-Za-z]*)*))?"
        )
        more = re.compile(
            rf",\s*(?:and\s+)?(?P<n>{_NUM})\s+(?:out\s+)?of\s+(?P<m>{_NUM})\s+(?:seats\s+)?"
            r"in\s+(?:the\s+)?(?P<region>[A-Z][A-Za-z]*(?:\s+(?:and\s+)?[A-Z][A-Za-z]*)*)"
        )
        for m in won.finditer(text):
            who = self.subject(text, m.start(), para.line)
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
                    codes = self.region(region)
                    if codes is None:
                        continue
                    area, claim_tier = "+".join(codes), "district"
                n = _word_number(n_text)
                if n is not None:
                    self.add(
                        ("seats", who, claim_tier, area),
                        _Num(Fraction(n)),
                        para.line,
                        PROSE_TEXT,
                        f"prose: '{phrase}'",
                        "the party's seats",
                        n_text,
                    )
                of = _word_number(m_text) if m_text else None
                if of is not None:
                    self.add(
                        ("seats", ALL, claim_tier, area),
                        _Num(Fraction(of)),
                        para.line,
                        PROSE_TEXT,
                        f"prose: '{phrase}'",
                        "the seats in all",
                        m_text or "",
                    )
        for sentence in re.split(r"(?<=[.!?])\s+(?=[A-Z])", text):
            if "seat" not in sentence:
                continue
            offset = text.find(sentence)
            for m in re.finditer(rf"\bfrom\s+({_NUM})\s+to\s+({_NUM})\b", sentence):
                who = self.subject(text, offset + m.start(), para.line)
                if who is None or who.startswith("label:"):
                    continue
                a, b = _word_number(m[1]), _word_number(m[2])
                if a is not None:
                    self.add(
                        ("last", who),
                        _Num(Fraction(a)),
                        para.line,
                        PROSE_TEXT,
                        f"prose: '{m[0]}'",
                        "seats before",
                        m[1],
                    )
                if b is not None:
                    self.add(
                        ("seats", who, "total", NATIONAL),
                        _Num(Fraction(b)),
                        para.line,
                        PROSE_TEXT,
                        f"prose: '{m[0]}'",
                        "seats after",
                        m[2],
                    )
        pct = re.compile(
            r"(\d+(?:\.\d+)?)\s*(?:%|percent|per\s+cent)\s+of\s+(?:the\s+)?"
            r"(?:popular\s+|national\s+|(?:party[- ])?list\s+|PR\s+)?vote"
        )
        for m in pct.finditer(text):
            who = self.subject(text, m.start(), para.line)
            if who is None or who.startswith("label:"):
                continue
            num = _parse_number(m[1])
            if num is None:
                continue
            ballot = "list" if self.list_year else "constituency"
            self.add(
                ("pct", who, ballot, NATIONAL),
                num,
                para.line,
                PROSE_TEXT,
                f"prose: '{m[0]}'",
                "the party's share",
                f"{m[1]}%",
            )

    def read_system(self, para: Paragraph) -> None:
        """The electoral-system paragraph: seats of each tier (its thresholds: see the law)."""
        text = para.text
        where = "electoral system"
        patterns: tuple[tuple[str, str], ...] = (
            ("total", rf"\b[Oo]f\s+the\s+({_NUM})\s+seats\b"),
            ("total", rf"\bAll\s+({_NUM})\s+seats\b"),
            (
                "district",
                (
                    rf"\b({_NUM})\s+(?:members\s+|seats\s+)?(?:were\s+)?elected\s+in\s+"
                    r"(?:single-member|first-past-the-post|FPTP|constituenc)"
                ),
            ),
            (
                "list",
                (
                    rf"\b({_NUM})\s+(?:members\s+|seats\s+)?(?:were\s+)?(?:elected|allocated)\s+"
                    r"(?:via|by|through|from)\s+(?:modified\s+)?(?:proportional|party[- ]list|"
                    r"national\s+list)"
                ),
            ),
        )
        patterns += (
            (
                "list",
                (
                    rf"\bremaining\s+({_NUM})\s+(?:seats\s+|members\s+)?(?:were\s+)?"
                    r"(?:elected\s+|allocated\s+)?(?:from|by|via|through)\b"
                ),
            ),
        )
        for tier, pattern in patterns:
            for m in re.finditer(pattern, text):
                n = _word_number(m[1])
                if n is not None:
                    self.add(
                        ("seats", ALL, tier, NATIONAL),
                        _Num(Fraction(n)),
                        para.line,
                        SYSTEM_TEXT,
                        where,
                        f"{tier} seats",
                        m[0],
                    )


def _first(
    facts: Sequence[_Fact], test: Callable[[Key], bool], kind: str
) -> dict[tuple[str, str], _Fact]:
    """The first printed fact of ``kind`` per (who, area) among keys passing ``test``."""
    out: dict[tuple[str, str], _Fact] = {}
    for f in facts:
        if f.kind == kind and test(f.key) and f.key[1] != ALL:
            out.setdefault((f.key[1], f.key[3]), f)
    return out


def _number(fact: _Fact) -> Fraction:
    """A numeric fact's value (0 for a date or a word, which sums never hold)."""
    return fact.value.value if isinstance(fact.value, _Num) else Fraction(0)


def _ballot_of(label: str) -> str:
    found = re.search(r"\b(PR|list|proportional)\b", label, re.IGNORECASE)
    return "list" if found else "constituency"


def _change_value(change: Change) -> Value | None:
    """A printed change as a figure (unsigned where printed without a sign)."""
    if change.new:
        return "New"
    if change.value is None:
        return None
    num = _parse_number(re.sub(r"^[+\-−–▲▼]\s*", "", change.raw.strip()))
    places = num.places if num is not None else _decimals(change.value)
    unsigned = change.sign_implied or change.sign_unknown
    return _Num(abs(change.value) if unsigned else change.value, places, unsigned)


def _split_column(label: str) -> tuple[str, str | None]:
    """(the party part, the measure) of a column label such as ``Uri %`` or ``Total seats``."""
    measures = {
        "%": "pct",
        "(%)": "pct",
        "pct": "pct",
        "percent": "pct",
        "share": "pct",
        "votes": "votes",
        "vote": "votes",
        "seats": "seats",
        "seat": "seats",
        "won": "seats",
    }
    measure = None
    kept = []
    for token in label.split():
        found = measures.get(token.lower())
        if found is None:
            kept.append(token)
        elif measure is None:
            measure = found
    return " ".join(kept), measure


def _party_columns(table: Table) -> list[tuple[int, str, str]]:
    """(index, measure, tier or ballot) of the figure columns of a one-row-per-party table.

    The ballot of an unqualified ``Votes`` or ``%`` is ``"ballot"``: the one the
    year's list tier uses.
    """
    found = []
    for index, label in enumerate(table.columns):
        low = " ".join(label.lower().split())
        ballot = (
            "list"
            if re.search(r"\b(list|pr|party[- ]list)\b", low)
            else "constituency"
            if re.search(r"\b(constituency|district)\b", low)
            else "ballot"
        )
        if re.search(r"\bvotes?\b", low) and "%" not in low:
            found.append((index, "votes", ballot))
        elif "%" in low or re.search(r"\b(share|percent)\b", low):
            found.append((index, "pct", ballot))
        elif re.search(r"\bseats?\b", low):
            tier = {"list": "list", "constituency": "district"}.get(ballot, "total")
            found.append((index, "seats", tier))
    numeric = any(
        _parse_number(row.cells[i]) is not None
        for row in table.rows
        for i, _, _ in found
        if i < len(row.cells)
    )
    return found if numeric else []


def _is_party_table(table: Table) -> bool:
    head = [c.lower() for row in table.header_rows for c in row[:1]]
    return "political parties" in table.section.lower() or any(
        h in ("parties", "party") for h in head
    )


def _table_name(table: Table) -> str:
    return table.caption or table.section or f"table at line {table.line}"


def _without_parentheses(text: str) -> str:
    """The text with parenthesised asides blanked out (positions kept)."""
    previous = None
    while previous != text:
        previous = text
        text = re.sub(r"\([^()]*\)", lambda m: " " * len(m[0]), text)
    return text


# ----------------------------------------------------------------------------- the allocation


def _own_votes(
    printed: list[_Fact], ballot: str
) -> tuple[dict[str, Fraction], Fraction, list[_Fact], str] | None:
    """The article's votes for the list tier: (by party, the rest, the facts used, how).

    Vote counts (the infobox's, else one table's) where printed, with the rest
    of the valid vote (a Total row's, else estimated from the largest party's
    votes and percentage) as one bucket; else one table's (or the infobox's)
    national percentages, the rest up to 100 as one bucket. ``Other`` rows and
    columns count in the rest.
    """

    def national(topic: str, kind: str) -> list[_Fact]:
        chosen = [
            f
            for f in printed
            if f.key[0] == topic and f.key[2:] == (ballot, NATIONAL) and f.kind == kind
        ]
        return [f for f in chosen if f.group == chosen[0].group] if chosen else []

    for kind in (INFOBOX, TABLE):
        counts = national("votes", kind)
        parties = [f for f in counts if f.key[1] != ALL and not f.key[1].startswith("other:")]
        if not parties:
            continue
        values: dict[str, Fraction] = {}
        for f in parties:
            values[f.key[1]] = values.get(f.key[1], Fraction(0)) + _number(f)
        rest = sum((_number(f) for f in counts if f.key[1].startswith("other:")), Fraction(0))
        used = list(counts)
        total = next((f for f in counts if f.key[1] == ALL), None)
        how = ""
        if total is not None:
            rest = max(rest, _number(total) - sum(values.values()))
            how = f"; the rest of the {total.text} valid votes (line {total.line}) is one bucket"
        else:
            shares = {f.key[1]: f for f in national("pct", kind)}
            best = max((w for w in values if w in shares), key=values.__getitem__, default=None)
            if best is not None and _number(shares[best]):
                whole = round_half_up(values[best] * 100 / _number(shares[best]))
                rest = max(rest, whole - sum(values.values()))
                used.append(shares[best])
                how = (
                    f"; the rest of the {_n(int(whole))} valid votes ({_n(int(values[best]))} "
                    f"÷ {shares[best].text}) is one bucket"
                )
        return values, rest, used, how
    for kind in (TABLE, INFOBOX):
        rows = [f for f in national("pct", kind) if f.key[1] != ALL]
        if not rows:
            continue
        values = {}
        rest = Fraction(0)
        for f in rows:
            if f.key[1].startswith("other:"):
                rest += _number(f)
            else:
                values[f.key[1]] = values.get(f.key[1], Fraction(0)) + _number(f)
        rest += max(Fraction(0), 100 - sum(values.values()) - rest)
        lines = sorted({f.line for f in rows})
        where = f"line {lines[0]}" if len(lines) == 1 else f"lines {lines[0]}–{lines[-1]}"
        return values, rest, rows, f"; the percentages of {where}, the rest up to 100 one bucket"
    return None


def own_allocation(facts: _Facts, law: Rules) -> None:
    """The list seats that the article's own votes and district seats give under ``law``.

    District seats come from the tables' national district rows; votes from the
    infobox's Popular Vote (the rest of the valid vote, estimated from a party's
    votes and percentage, is one bucket) or else from a table's national
    percentage row of the ballot the law uses (``Other`` and the rest up to 100
    are a bucket). A party with district seats and no printed votes counts 0
    votes. The result becomes a derived fact for every party's list seats, and
    for its total seats where the article prints no list seats.
    """
    printed = [f for f in facts.facts if not f.derived]
    district = {
        who: f
        for (who, area), f in _first(
            printed, lambda k: k[0] == "seats" and k[2] == "district", TABLE
        ).items()
        if area == NATIONAL
    }
    if not district:
        return
    ballot = "constituency" if law.vote_basis is VoteBasis.CONSTITUENCY else "list"
    found = _own_votes(printed, ballot)
    if found is None:
        return
    values, rest, used, how = found
    district_seats = {who: int(_number(f)) for who, f in district.items()}
    count = sum(district_seats.values())
    rules = law
    try:
        entries = []
        for who in dict.fromkeys([*district_seats, *values]):
            seats = district_seats.get(who, 0)
            kind = Kind.PARTY
            if who == "independent" or (who.startswith("other:") and seats):
                kind = Kind.INDEPENDENT
            elif who.startswith("other:"):
                kind = Kind.OTHER
            entries.append(Entry(who, values.get(who, Fraction(0)), seats, kind))
        if rest > 0:
            entries.append(Entry("(the rest of the vote)", rest, 0, Kind.OTHER))
        if count != law.district_seats:
            rules = law.replace(district_seats=count, total_seats=count + law.list_seats)
        allocation: Allocation = allocate(entries, rules)
    except KorelectError:
        return  # numbers the law cannot allocate (negative, or no seats): nothing to compare
    inputs = [f.id for f in used] + [f.id for f in district.values()]
    listed = {f.key[1] for f in printed if f.key[0] == "seats" and f.key[2:] == ("list", NATIONAL)}
    note = (
        f"korelect.allocate under rules_for({law.year}) of the article's own votes and "
        f"district seats{how}"
    )
    for p in allocation.parties:
        if p.kind is Kind.OTHER or p.name == ALL:
            continue
        target = next(
            (f for f in printed if f.key == ("seats", p.name, "list", NATIONAL)),
            next((f for f in printed if f.key == ("seats", p.name, "total", NATIONAL)), None),
        )
        anchor = target or district.get(p.name) or used[0]
        line = anchor.line
        if listed:
            key: Key = ("seats", p.name, "list", NATIONAL)
            value = p.list_seats
            text = f"the allocation of the article's own votes gives {value} list seats"
        else:
            key = ("seats", p.name, "total", NATIONAL)
            value = p.district_seats + p.list_seats
            text = (
                f"the allocation of the article's own votes gives {p.district_seats} district "
                f"+ {p.list_seats} list = {value} seats"
            )
        facts.add(
            key,
            _Num(Fraction(value)),
            line,
            ALLOCATION,
            "allocation of the article's own votes",
            target.item if target is not None else p.name,
            text,
            inputs,
            detail=note,
        )


# ----------------------------------------------------------------------------- the law


def law_thresholds(article: Article, law: Rules, record: _Record | None) -> list[_Draft]:
    """The electoral-system paragraph's threshold numbers vs the law's."""
    drafts: list[_Draft] = []
    year = law.year
    min_seats, min_shares = _thresholds(law.threshold)
    minor = getattr(law.list_tier, "minor_party_seat", None)
    minor_shares = _thresholds(minor)[1] if isinstance(minor, Condition) else []
    sources = (article.source, f"korelect.rules_for({year})")
    for para in article.paragraphs:
        if "electoral system" not in para.section.lower():
            continue
        text = para.text
        printed_seats: list[int] = []
        printed_shares: list[Fraction] = []
        for m in re.finditer(
            rf"\b({_NUM})\s+or\s+more\s+(?:constituency\s+|district\s+)?seats", text
        ):
            n = _word_number(m[1])
            if n is None:
                continue
            printed_seats.append(n)
            if n in min_seats:
                continue
            law_text = " or ".join(f"{s} constituency seats" for s in min_seats)
            drafts.append(
                _Draft(
                    para.line,
                    SYSTEM,
                    "electoral system",
                    "list-tier threshold (seats)",
                    law_text or "no seat threshold",
                    f"'{m[0]}'",
                    "",
                    sources,
                )
            )
        for m in re.finditer(
            rf"\b({_NUM}|\d+(?:\.\d+)?)\s*(?:%|percent|per\s+cent)\s+of\s+the\s+"
            r"(?:national\s+)?(?:valid\s+)?votes?",
            text,
        ):
            n = _word_number(m[1])
            share = Fraction(n) if n is not None else Fraction(Decimal(m[1]))
            printed_shares.append(share / 100)
            if share in [s * 100 for s in min_shares]:
                continue
            law_text = " or ".join(
                f"{fmt_decimal(s * 100, 0)}% of the valid vote" for s in min_shares
            )
            note = ""
            if share in [s * 100 for s in minor_shares]:
                note = (
                    f"the law gives a party with {fmt_decimal(share, 0)}% but under the "
                    "threshold one list seat first, not a share of the list seats"
                )
            drafts.append(
                _Draft(
                    para.line,
                    SYSTEM,
                    "electoral system",
                    "list-tier threshold (vote)",
                    law_text or "no vote threshold",
                    f"'{m[0]}'",
                    note,
                    sources,
                )
            )
        if drafts and record is not None and (printed_seats or printed_shares):
            effect = _threshold_effect(record, printed_seats, printed_shares)
            if effect:
                for d in drafts:
                    d.note = "; ".join(n for n in (d.note, effect) if n)
    return drafts


def _threshold_effect(record: _Record, seats: list[int], shares: list[Fraction]) -> str:
    """What the article's threshold would have changed in the counted election."""
    parts: list[Condition] = [DistrictSeats(s) for s in seats]
    parts += [VoteShare(s) for s in shares]
    condition = parts[0] if len(parts) == 1 else AnyOf(tuple(parts))
    allocation = record.result.allocation
    entries = [Entry(p.name, p.votes, p.district_seats, p.kind) for p in allocation.parties]
    gap = allocation.total_votes - sum((Fraction(p.votes) for p in allocation.parties), Fraction(0))
    if gap > 0:
        entries.append(Entry("(other)", gap, 0, Kind.OTHER))
    try:
        other = allocate(entries, record.law.replace(threshold=condition))
    except KorelectError:
        return ""
    if other.list_seats == allocation.list_seats:
        return (
            f"under the article's threshold ({condition}) the {record.year} list seats are the same"
        )
    changed = [
        f"{_party_name(record, p)} {allocation.list_seats[p]} → {other.list_seats[p]}"
        for p in allocation.list_seats
        if allocation.list_seats[p] != other.list_seats.get(p)
    ]
    return f"under the article's threshold ({condition}): " + ", ".join(changed)


def _party_name(record: _Record, pid: str) -> str:
    """A party id's name in the record's result, for notes."""
    for p in record.result.parties:
        if p.info.party_id == pid:
            return p.info.abbr or p.info.name_en
    return pid


# ----------------------------------------------------------------------------- comparing

_TOPICS = {
    "date": (DATE, REC_DATE, ""),
    "last": (PREVIOUS, REC_SEATS, ""),
    "change": (SEAT_CHANGE, REC_SEATS, ""),
    "majority": (MAJORITY, SYSTEM, ""),
    "turnout": (TURNOUT, REC_TURNOUT, "%"),
    "turnout change": (TURNOUT, REC_TURNOUT, "pp"),
    "seats": (TABLES, REC_SEATS, ""),
    "votes": (TABLES, REC_VOTES, "votes"),
    "pct": (TABLES, REC_PCT, "%"),
}


def _reference(facts: Sequence[_Fact], rec: _Rec | None) -> _Fact:
    """The fact taken for right: most support, then the record, authority, earlier line."""

    def score(f: _Fact) -> tuple[int, int, int, int]:
        support = sum(1 for g in facts if _agree(f.value, g.value))
        by_record = 1 if rec is not None and _agree(f.value, rec.value) else 0
        return (support, by_record, f.authority, -f.line)

    return max(facts, key=score)


def _internal_check(key: Key, odd: _Fact, ref: _Fact) -> str:
    """The name of the check that finds ``odd`` against ``ref``."""
    topic = key[0]
    if topic in ("date", "last", "change", "majority", "turnout", "turnout change"):
        return _TOPICS[topic][0]
    kinds = {odd.kind, ref.kind}
    if ALLOCATION in kinds:
        return OWN_VOTES
    if odd.kind == SYSTEM_TEXT:
        return SYSTEM
    if odd.kind == PROSE_TEXT:
        return PROSE
    if SUM in kinds and (odd.group and odd.group == ref.group):
        return TOTALS
    if INFOBOX in kinds:
        return INFOBOX_TABLES
    return TABLES


def _describe(fact: _Fact, places: int | None, unit: str) -> str:
    """A fact with its place: ``149 (infobox: Party1 ..., Seats, line 19)``."""
    if fact.derived:
        return f"{_show(fact.value, places=places, unit=unit)} ({fact.text})"
    where = f"{fact.where}, {fact.item}" if fact.item else fact.where
    return f"{fact.text} ({where}, line {fact.line})"


def _unit(key: Key) -> str:
    return _TOPICS.get(key[0], ("", "", ""))[2]


def _places(value: Value) -> int | None:
    return value.places if isinstance(value, _Num) else None


class _Comparison:
    """The facts of an article grouped by quantity, compared, with the record where known."""

    def __init__(self, facts: list[_Fact], record: _Record | None, source: str) -> None:
        self.by_key: dict[Key, list[_Fact]] = defaultdict(list)
        for f in facts:
            self.by_key[f.key].append(f)
        self.record = record
        self.source = source
        self._records: dict[Key, _Rec | None] = {}

    def rec(self, key: Key) -> _Rec | None:
        """The record's figure for a key (computed once)."""
        if self.record is None:
            return None
        if key not in self._records:
            try:
                self._records[key] = self.record.value(key)
            except KorelectError:
                self._records[key] = None
        return self._records[key]

    def run(self) -> list[_Draft]:
        """Compare until the set of wrong printed figures settles; the findings of that pass."""
        blamed: frozenset[int] = frozenset()
        drafts: list[_Draft] = []
        for _ in range(10):
            now, drafts = self._pass(blamed)
            if now == blamed:
                break
            blamed = now
        return drafts

    def _pass(self, blamed: frozenset[int]) -> tuple[frozenset[int], list[_Draft]]:
        wrong: set[int] = set()
        drafts: list[_Draft] = []
        for key, all_facts in self.by_key.items():
            facts = [f for f in all_facts if not (f.derived and f.inputs & blamed)]
            if not facts:
                continue
            rec = self.rec(key)
            ref = _reference(facts, rec)
            support = [f for f in facts if _agree(f.value, ref.value)]
            for odd in (f for f in facts if not _agree(f.value, ref.value)):
                if not odd.derived:
                    wrong.add(odd.id)
                drafts.append(self._internal(key, odd, ref, support, rec))
            printed = [f for f in support if not f.derived]
            if rec is not None and printed and not _agree(ref.value, rec.value):
                wrong.update(f.id for f in printed)
                drafts.append(self._against_record(key, printed, support, rec))
        return frozenset(wrong), drafts

    def _internal(
        self, key: Key, odd: _Fact, ref: _Fact, support: list[_Fact], rec: _Rec | None
    ) -> _Draft:
        """A fact that disagrees with the article's other facts about the same quantity.

        A printed fact is reported at its own line; a derived one (a sum whose
        inputs are not found wrong elsewhere) at the line of the row it sums to.
        ``ours`` shows the printed figure it contradicts (the sum of the same
        table for a totals row; a derived figure where nothing printed agrees).
        """
        best = max(
            support,
            key=lambda f: (
                bool(odd.group) and f.group == odd.group and f.derived,
                not f.derived,
                f.authority,
                -f.line,
            ),
        )
        unit = _unit(key)
        places = _places(odd.value)
        ours = _describe(best, places, unit)
        theirs = _describe(odd, places, unit) if odd.derived else odd.text
        notes = [
            f"{odd.text}, while {best.label()} prints {best.text}"
            if odd.derived
            else f"line {odd.line} vs {best.label()}"
        ]
        others = [f.label() for f in support if f is not best and not f.derived]
        if others:
            notes.append("also " + ", ".join(others))
        notes += [f.detail for f in (best, odd) if f.detail]
        sources = [self.source]
        if rec is not None:
            says = _show(rec.value, places=places, unit=unit)
            if _agree(ref.value, rec.value):
                verdict = f"the record agrees: {says}"
            elif _agree(odd.value, rec.value):
                verdict = f"the record agrees with this line: {says}"
            else:
                verdict = f"the record gives {says}: neither is right"
            notes.append(verdict + (f" ({rec.detail})" if rec.detail else ""))
            sources.append(rec.source)
        if isinstance(odd.value, _Num) and odd.value.unsigned:
            notes.append("printed without a sign: only its size is compared")
        return _Draft(
            odd.line,
            _internal_check(key, odd, ref),
            odd.where,
            odd.item,
            ours,
            theirs,
            "; ".join(notes),
            tuple(sources),
            odd.id,
        )

    def _against_record(
        self, key: Key, printed: list[_Fact], support: list[_Fact], rec: _Rec
    ) -> _Draft:
        """Figures the article agrees on that the record contradicts: one finding."""
        first = min(printed, key=lambda f: f.line)
        unit = _unit(key)
        check = _TOPICS.get(key[0], ("", REC_SEATS, ""))[1]
        if first.kind == SYSTEM_TEXT:
            check = SYSTEM
        ours = _show(rec.value, places=_places(first.value), unit=unit)
        ours += f" ({rec.detail or rec.source})"
        notes = []
        others = [f.label() for f in support if f is not first]
        if others:
            notes.append("also " + ", ".join(others))
        if isinstance(first.value, _Num):
            if first.value.unsigned:
                notes.append("printed without a sign: only its size is compared")
            notes.append(self._explain(key, first.value))
        return _Draft(
            first.line,
            check,
            first.where,
            first.item,
            ours,
            first.text,
            "; ".join(n for n in notes if n),
            (self.source, rec.source),
            first.id,
        )

    def _explain(self, key: Key, printed: _Num) -> str:
        """Why a printed vote count or share may differ from the record, where that is known."""
        if self.record is None or key[3:] != (NATIONAL,) or not _is_known(key[1]):
            return ""
        if key[0] == "votes" and key[2] == "constituency":
            return self.record.vote_gap(key[1], int(printed.value))
        if key[0] != "pct":
            return ""
        rec = self.rec(key)
        own = [
            f
            for f in self.by_key.get(("votes", *key[1:]), [])
            if not f.derived and isinstance(f.value, _Num)
        ]
        if rec is None or rec.whole is None or not own:
            return ""
        share = _Num(_number(own[0]) / rec.whole * 100)
        if not _agree(share, printed):
            return ""
        return (
            f"it is the article's own {own[0].text} (line {own[0].line}) of the record's "
            f"{_n(int(rec.whole))} valid votes"
        )


# ----------------------------------------------------------------------------- the checks


def _merge(drafts: Iterable[_Draft], year: int) -> tuple[Finding, ...]:
    """One finding per line, check and place; in line order, then reading order."""
    groups: dict[tuple[int, str, str], list[_Draft]] = {}
    for d in drafts:
        groups.setdefault((d.line, d.check, d.where), []).append(d)
    out: list[tuple[int, int, int, Finding]] = []
    order = {name: i for i, name in enumerate(CHECKS)}
    for (line, check, where), items in groups.items():
        unique: list[_Draft] = []
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
    from korelect.record.election import adapt_rules  # noqa: PLC0415  (as korelect article write adapts them)

    try:
        return adapt_rules(article.year, rules_for(int(match.group(1))))[0]
    except KorelectError:
        return None


def _record_for(
    article: Article, data: Dataset, rules: Rules | None = None
) -> tuple[_Record | None, Rules | None, str]:
    """The record and the law of the article's year (or the rules given), or why there are none."""
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
        return _Record(year, data, rules), law, ""
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
    names = _Names(article.year or dated)
    regions = (
        frozenset(d.province for d in data.districts(article.year))
        if article.year in data.years()
        else None
    )
    facts = _Facts(article, names, provinces, regions=regions, law=law)
    facts.read_infobox()
    facts.read_tables()
    facts.read_prose()
    facts.cross_sums()
    facts.region_sums()
    if law is not None:
        own_allocation(facts, law)
    drafts = list(facts.drafts)
    drafts += _Comparison(facts.facts, record, article.source).run()
    if law is not None:
        drafts += law_thresholds(article, law, record)
    if skipped:
        title = next((h.line for h in article.headings if h.level == 1), 1)
        drafts.append(
            _Draft(
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
