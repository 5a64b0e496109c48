"""What the web explorer computes: cached results, what-if scenarios and bounded simulations.

Everything a request asks for is checked here against fixed bounds before any
work starts; a request never names a file. Results are computed once per year
and kept in memory (a few MB for all ten elections).
"""

from __future__ import annotations

import dataclasses
import math
import threading
import time
from collections import OrderedDict
from collections.abc import Mapping
from dataclasses import dataclass
from fractions import Fraction
from functools import cache
from typing import Any

from korelect.analysis.indices import TIERS, Indices, indices
from korelect.analysis.simulate import Simulation, simulate
from korelect.base.numbers import Number
from korelect.engine.allocate import allocate
from korelect.engine.allocation import Allocation
from korelect.engine.entries import Entry, Kind
from korelect.engine.formulas.registry import family_of
from korelect.errors import (
    InputError,
    ServerBusyError,
    UnknownElectionError,
    UnknownNameError,
)
from korelect.law.methods import METHODS
from korelect.law.rules import Rules
from korelect.law.thresholds import parse_threshold
from korelect.law.ties import TieRule
from korelect.record.data import dataset
from korelect.record.election import (
    DistrictResult,
    ElectionResult,
    PartyInfo,
    PartyLine,
    appointed_bloc,
    district_record,
    party_record,
    request,
    result_to_dict,
    results,
)
from korelect.record.findings import Finding

__all__ = [
    "MAX_LIST_SEATS",
    "MAX_NAME",
    "MAX_SD",
    "MAX_SEED",
    "MAX_SIMULATIONS",
    "MAX_VOTES",
    "SimulationParams",
    "WhatIf",
    "WhatIfParams",
    "district_record",
    "election",
    "election_dict",
    "election_indices",
    "findings",
    "law_of",
    "parse_whatif",
    "run_simulation",
    "whatif",
    "year_of",
    "years",
]

MAX_NAME = 100
"""Longest district name or search text accepted (characters)."""
MAX_SIMULATIONS = 2000
"""Most simulated elections one request may ask for."""
MAX_SD = 0.5
"""Largest standard deviation of any noise term."""
MAX_SEED = 2**32 - 1
MAX_LIST_SEATS = 600
"""Most list seats a what-if may ask for."""
MAX_VOTES = 10**9
"""Most votes (or percent points) one party may be given in a what-if."""
MAX_VOTE_TEXT = 20
MAX_THRESHOLD_TEXT = 60
SIMULATION_DEADLINE_S = 20.0
"""A simulation still running after this many seconds is stopped (checked every 250 runs)."""
SIMULATION_SLOTS = 2
"""Simulations that may run at once; a third waits up to :data:`SLOT_WAIT_S`."""
SLOT_WAIT_S = 10.0
SIMULATION_CACHE = 32
TIE_RULES = tuple(r.value for r in TieRule)


def years() -> tuple[int, ...]:
    """The election years with data."""
    return dataset().years()


def year_of(text: str) -> int:
    """An election year from a request, or :class:`UnknownElectionError` naming the known years.

    >>> year_of("2004")
    2004
    >>> year_of("../2004")
    Traceback (most recent call last):
    ...
    korelect.errors.UnknownElectionError: no election '../2004';
    known years: 1948, 1950, 1954, 1958, 1960, 1963, 1967, 1971, 1973, 1978, 1981, 1985,
    1988, 1992, 1996, 2000, 2004, 2008, 2012, 2016, 2020, 2024
    """
    value = text.strip()
    if len(value) <= 4 and value.isascii() and value.isdigit() and int(value) in years():
        return int(value)
    shown = text if len(text) <= 20 else text[:20] + "…"
    known = ", ".join(str(y) for y in years())
    raise UnknownElectionError(f"no election {shown!r}; known years: {known}")


_lock = threading.RLock()


@cache
def _election(year: int) -> ElectionResult:
    return results(year)


def election(year: int) -> ElectionResult:
    """The election of ``year`` under its own law, computed once and kept."""
    with _lock:
        return _election(year)


@cache
def _election_dict(year: int, provinces: bool) -> dict[str, object]:
    return result_to_dict(election(year), provinces=provinces)


def election_dict(year: int, *, provinces: bool = False) -> dict[str, object]:
    """The record ``korelect results YEAR --json`` prints (kept per year)."""
    with _lock:
        return _election_dict(year, provinces)


@cache
def _findings(year: int) -> tuple[Finding, ...]:
    from korelect.analysis.audit import audit  # noqa: PLC0415  (reads every source table once)

    return audit(year)


def findings(year: int) -> tuple[Finding, ...]:
    """What ``korelect audit YEAR`` finds: the sources' contradictions, kept per year."""
    with _lock:
        return _findings(year)


@cache
def _indices(year: int, merge: bool, appointed: bool) -> tuple[Indices, ...]:
    result = election(year)
    return tuple(
        indices(result, tier=t, merge_satellites=merge, appointed=appointed) for t in TIERS
    )


def election_indices(
    year: int, *, merge_satellites: bool = False, appointed: bool = True
) -> tuple[Indices, ...]:
    """The indices of every tier (district, list, assembly), kept per year.

    ``appointed`` False leaves the appointed tier (1973, 1978) out of the assembly.
    """
    with _lock:
        return _indices(year, merge_satellites, appointed)


def check_name(name: str, what: str = "district name") -> str:
    """A name from a request, bounded in length."""
    if len(name) > MAX_NAME:
        raise InputError(f"{what}: at most {MAX_NAME} characters (got {len(name)})")
    return name


def search_districts(result: ElectionResult, query: str) -> list[DistrictResult]:
    """Districts whose name, province or id contains ``query`` (spaces ignored)."""
    key = "".join(check_name(query, "search").split()).lower()
    if not key:
        return list(result.districts)
    provinces = {p.code: (p.name_ko + p.name_en).lower() for p in result.provinces}
    return [
        d
        for d in result.districts
        if key in "".join(d.district.name_ko.split()).lower()
        or key in d.district.district_id.lower()
        or key in provinces.get(d.district.province, "")
    ]


# -- what-if --------------------------------------------------------------------------------


@dataclass(frozen=True)
class WhatIfParams:
    """A checked what-if request: every field None means "as the law had it"."""

    rules_year: int | None = None
    threshold: str | None = None
    list_seats: int | None = None
    method: str | None = None
    cap: int | None = None
    uncapped: bool = False
    ties: str | None = None
    votes: Mapping[str, Number] = dataclasses.field(default_factory=dict)


@dataclass(frozen=True)
class WhatIf:
    """The same election under changed rules or votes, beside the real one."""

    base: ElectionResult
    result: ElectionResult
    params: WhatIfParams
    notes: tuple[str, ...]
    indices: tuple[Indices, ...]

    def to_dict(self) -> dict[str, object]:
        """A JSON-ready record: the rules, the seats beside the real ones, indices, steps."""
        real = {p.info.party_id: p for p in self.base.parties}
        return {
            "year": self.result.year,
            "rules": self.result.rules.name,
            "rules_description": self.result.rules.describe(),
            "notes": list(self.notes),
            "total_seats": self.result.total_seats,
            "parties": [
                {
                    **party_record(p),
                    "real_total_seats": real[p.info.party_id].total_seats
                    if p.info.party_id in real
                    else 0,
                }
                for p in self.result.parties
            ],
            "indices": {i.tier: i.to_dict() for i in self.indices},
            "allocation": self.result.allocation.to_dict(),
        }


def _int(name: str, text: str, low: int, high: int) -> int:
    value = text.strip()
    if not (len(value) <= 10 and value.isascii() and value.isdigit()):
        shown = value if len(value) <= 20 else value[:20] + "…"
        raise InputError(f"{name}: expected a whole number from {low} to {high} (got {shown!r})")
    number = int(value)
    if not low <= number <= high:
        raise InputError(f"{name}: must be from {low} to {high} (got {number})")
    return number


def vote_text(value: Number) -> str:
    """Votes as a form shows them: an integer, or a percent with up to 4 decimals.

    >>> vote_text(12), vote_text(Fraction("33.35"))
    ('12', '33.35')
    """
    if isinstance(value, int):
        return str(value)
    if value.denominator == 1:
        return str(value.numerator)
    return f"{float(value):.4f}".rstrip("0").rstrip(".")


def _votes(party: str, text: str, shares: bool) -> Number:
    value = text.strip().replace(",", "")
    shown = value if len(value) <= MAX_VOTE_TEXT else value[:MAX_VOTE_TEXT] + "…"
    what = "a percentage" if shares else "a whole number of votes"
    whole, dot, frac = value.partition(".")
    ok = (
        0 < len(value) <= MAX_VOTE_TEXT
        and value.isascii()
        and whole.isdigit()
        and (not dot or (frac.isdigit() and len(frac) <= 4 and shares))
    )
    if not ok:
        raise InputError(f"votes for {party!r}: expected {what} >= 0 (got {shown!r})")
    number = Fraction(value)
    if number > (100 if shares else MAX_VOTES):
        raise InputError(
            f"votes for {party!r}: at most {100 if shares else MAX_VOTES:,} (got {shown})"
        )
    return number if shares else int(number)


def parse_whatif(year: int, query: Mapping[str, str]) -> WhatIfParams:
    """Check a what-if request's parameters (all strings; empty means unchanged).

    ``rules`` (a registered year), ``threshold`` (e.g. ``3% OR 5 seats``, or
    ``none``), ``list_seats`` (0 to :data:`MAX_LIST_SEATS`), ``method`` (one of
    korelect's methods), ``cap`` (linked formula: seats, or ``none``), ``ties`` (a tie rule) and
    ``v.PARTY`` (a party's list votes; percent where a year has published shares only).
    """
    base = election(year)
    shares = any(isinstance(p.votes, Fraction) for p in base.parties)
    known = {p.info.party_id for p in base.parties}
    fields: dict[str, Any] = {}
    votes: dict[str, Number] = {}
    for key, raw in query.items():
        text = raw.strip()
        if key.startswith("v."):
            party = key[2:]
            if party not in known:
                shown = party if len(party) <= 40 else party[:40] + "…"
                raise UnknownNameError(
                    f"no party {shown!r} in {year}; parties: {', '.join(sorted(known))}"
                )
            votes[party] = _votes(party, text, shares)
            continue
        if not text:
            continue
        if key == "rules":
            try:
                fields["rules_year"] = year_of(text)
            except UnknownElectionError as exc:
                raise InputError(f"rules: {exc}") from None
        elif key == "threshold":
            if len(text) > MAX_THRESHOLD_TEXT:
                raise InputError(
                    f"threshold: at most {MAX_THRESHOLD_TEXT} characters (got {len(text)})"
                )
            parse_threshold(text)
            fields["threshold"] = text
        elif key == "list_seats":
            fields["list_seats"] = _int("list_seats", text, 0, MAX_LIST_SEATS)
        elif key == "method":
            if text not in METHODS:
                shown = text if len(text) <= 40 else text[:40] + "…"
                raise InputError(f"method: expected one of {', '.join(METHODS)} (got {shown!r})")
            fields["method"] = text
        elif key == "ties":
            if text not in TIE_RULES:
                shown = text if len(text) <= 40 else text[:40] + "…"
                raise InputError(f"ties: expected one of {', '.join(TIE_RULES)} (got {shown!r})")
            fields["ties"] = text
        elif key == "cap":
            if text.lower() == "none":
                fields["uncapped"] = True
            else:
                fields["cap"] = _int("cap", text, 0, MAX_LIST_SEATS)
        else:
            shown = key if len(key) <= 40 else key[:40] + "…"
            raise InputError(
                f"unknown parameter {shown!r}; known: rules, threshold, list_seats, method, "
                "cap, ties, v.PARTY"
            )
    return WhatIfParams(votes=votes, **fields)


@cache
def _adapted(year: int, rules_year: int) -> tuple[Rules, tuple[str, ...]]:
    # The request ``results(year, rules=rules_year)`` starts from, without counting under
    # them: computing it may fail (a tie the other law leaves to no rule) where a what-if that
    # changes the tie rule, or a simulation, still runs.
    _, rules, notes = request(year, rules=rules_year)
    return rules, notes


def adapted(year: int, rules_year: int | None) -> tuple[Rules, tuple[str, ...]]:
    """The year's law, or another year's adapted to its counts as :func:`results` adapts them.

    With the sentences saying what was adapted (``results(...).notes``); kept per pair.

    >>> rules, notes = adapted(2020, 2024)
    >>> rules.name, len(notes)
    ('22nd National Assembly election (2024), applied to 2020', 1)
    """
    if rules_year is None or rules_year == year:
        return election(year).rules, ()
    with _lock:
        return _adapted(year, rules_year)


def rules_of(year: int, rules_year: int | None) -> Rules:
    """The rules a what-if starts from: the year's law, or another year's applied to it."""
    return adapted(year, rules_year)[0]


def _rules(year: int, params: WhatIfParams) -> tuple[Rules, list[str]]:
    rules, said = adapted(year, params.rules_year)
    notes = list(said)
    changes: dict[str, object] = {}
    if params.threshold is not None:
        changes["threshold"] = params.threshold
    if params.method is not None:
        changes["method"] = params.method
    if params.ties is not None:
        changes["ties"] = params.ties
    if params.list_seats is not None:
        changes["total_seats"] = rules.district_seats + params.list_seats
        cap: int | None = (
            getattr(rules.list_tier, "cap", None) if "cap" in family_of(rules).options else None
        )
        if (
            cap is not None
            and params.cap is None
            and not params.uncapped
            and cap > params.list_seats
        ):
            changes["cap"] = params.list_seats
            notes.append(f"The linked cap of {cap} is limited to {params.list_seats}.")
    if params.cap is not None or params.uncapped:
        if "cap" not in family_of(rules).options:
            raise InputError(
                f"cap: only the linked formula (2020, 2024) has a cap; {rules.name} uses the "
                f"{rules.formula} formula"
            )
        changes["cap"] = None if params.uncapped else params.cap
    if changes:
        changes["name"] = f"{rules.name}, changed"
        rules = rules.replace(**changes)
    return rules, notes


def whatif(year: int, params: WhatIfParams) -> WhatIf:
    """Allocate ``year``'s votes (changed where asked) under the changed rules."""
    base = election(year)
    rules, notes = _rules(year, params)
    entries = [
        Entry(p.name, params.votes.get(p.name, p.votes), p.district_seats, p.kind)
        for p in base.allocation.parties
    ]
    rest = base.allocation.total_votes - sum(
        (Fraction(p.votes) for p in base.allocation.parties), Fraction(0)
    )
    if rest > 0:
        entries.append(
            Entry("(other votes)", rest if rest.denominator > 1 else int(rest), 0, Kind.OTHER)
        )
    if sum(Fraction(e.votes) for e in entries) <= 0:
        raise InputError("votes: at least one party needs votes")
    # An appointed tier (1973, 1978, or their law on another year) fills its seats with the
    # bloc: the year's own bloc where it has one, else the rules' bloc, named as results() does.
    bloc = appointed_bloc(rules, year)
    extra: dict[str, PartyInfo] = {}
    if bloc is not None and not any(e.kind is Kind.APPOINTED for e in entries):
        entries.append(Entry(bloc.party_id, 0, 0, Kind.APPOINTED))
        extra[bloc.party_id] = bloc
    allocation = allocate(entries, rules, seed=0)
    result = _as_result(base, rules, allocation, extra)
    # The district tier does not change with the list tier: its indices are the year's own.
    tiers = tuple(
        real if t == "district" else indices(result, tier=t)
        for t, real in zip(TIERS, election_indices(year), strict=True)
    )
    return WhatIf(base, result, params, tuple(notes), tiers)


def _as_result(
    base: ElectionResult,
    rules: Rules,
    allocation: Allocation,
    extra: Mapping[str, PartyInfo] | None = None,
) -> ElectionResult:
    info = {p.info.party_id: p.info for p in base.parties} | dict(extra or {})
    total = allocation.total_votes
    lines = [
        PartyLine(
            info[p.name],
            p.kind,
            p.votes,
            Fraction(p.votes) / total if total else Fraction(0),
            p.district_seats,
            p.list_seats,
        )
        for p in allocation.parties
    ]
    lines.sort(key=lambda p: (p.kind is Kind.INDEPENDENT, -p.total_seats, -Fraction(p.votes)))
    return dataclasses.replace(base, rules=rules, allocation=allocation, parties=tuple(lines))


# -- simulation ---------------------------------------------------------------------------


@dataclass(frozen=True)
class SimulationParams:
    """A checked simulation request."""

    n: int = 500
    seed: int = 0
    national_sd: float = 0.02
    regional_sd: float = 0.02
    district_sd: float = 0.03
    list_sd: float = 0.02
    rules_year: int | None = None
    """Allocate under another registered year's law (None: the year's own)."""

    def __post_init__(self) -> None:
        if self.rules_year is not None and self.rules_year not in years():
            raise InputError(f"rules: no election in {self.rules_year}")
        if not 1 <= self.n <= MAX_SIMULATIONS:
            raise InputError(f"n: must be from 1 to {MAX_SIMULATIONS} (got {self.n})")
        if not 0 <= self.seed <= MAX_SEED:
            raise InputError(f"seed: must be from 0 to {MAX_SEED} (got {self.seed})")
        for name in ("national_sd", "regional_sd", "district_sd", "list_sd"):
            value = getattr(self, name)
            if not (math.isfinite(value) and 0 <= value <= MAX_SD):
                raise InputError(f"{name}: must be from 0 to {MAX_SD} (got {value})")


_slots = threading.BoundedSemaphore(SIMULATION_SLOTS)
_sims: OrderedDict[tuple[int, SimulationParams], Simulation] = OrderedDict()
_sims_lock = threading.RLock()


def law_of(year: int, text: str) -> int | None:
    """A simulation's ``rules``: another registered year, or None for the year's own law."""
    if not text:
        return None
    law = year_of(text)
    return None if law == year else law


def run_simulation(year: int, params: SimulationParams) -> Simulation:
    """Simulate ``year`` within the bounds: few at once, stopped after the deadline, kept."""
    key = (year, params)
    with _sims_lock:
        if key in _sims:
            _sims.move_to_end(key)
            return _sims[key]
    if not _slots.acquire(timeout=SLOT_WAIT_S):
        raise ServerBusyError("too many simulations are running; try again in a few seconds")
    try:
        start = time.monotonic()

        def progress(done: int, total: int) -> None:
            if time.monotonic() - start > SIMULATION_DEADLINE_S:
                raise ServerBusyError(
                    f"simulation stopped after {SIMULATION_DEADLINE_S:g} s "
                    f"({done} of {total} runs); ask for fewer runs"
                )

        sim = simulate(
            year,
            params.n,
            seed=params.seed,
            national_sd=params.national_sd,
            regional_sd=params.regional_sd,
            district_sd=params.district_sd,
            list_sd=params.list_sd,
            rules=None if params.rules_year is None else rules_of(year, params.rules_year),
            progress=progress,
        )
    finally:
        _slots.release()
    with _sims_lock:
        _sims[key] = sim
        while len(_sims) > SIMULATION_CACHE:
            _sims.popitem(last=False)
    return sim
