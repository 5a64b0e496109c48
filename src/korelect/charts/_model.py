"""What the charts draw: one :class:`Bloc` per party, coloured and placed left to right.

A chart takes an :class:`~korelect.ElectionResult`, an :class:`~korelect.Allocation`
or a :class:`~korelect.Simulation` and turns it into blocs with the party's name,
colour, district and list seats and vote share.

Colours come from the party registry (``korelect.parties()``). A name the
registry does not know (an Allocation from a CSV with made-up names) gets the
next colour of :data:`FALLBACK`, in the order the parties come; independents
are grey.

**Left-to-right order.** The registry records no political position, so the
charts use a curated position for each party that won seats 1948–2024
(:data:`POSITION`: 0 far left … 10 far right, from the parties' usual
description: the progressive parties, the democratic (liberal) family, the
centrist parties, the conservative family; before 1988, when every party of
note stood right of centre, mostly the divide between government and
opposition). A satellite list party takes its
parent's position; a party not in the table takes the position of its nearest
predecessor in the registry that is. Parties are drawn by position, then by
seats (most first); parties with no known position come after them by seats,
then independents, then ``other`` buckets.

>>> from korelect import results
>>> [b.key for b in blocs(results(2016)) if b.seats]
['justice', 'minjoo', 'pp-2016', 'saenuri', 'independent']
"""

from __future__ import annotations

import math
import re
import sys
from dataclasses import dataclass
from fractions import Fraction
from typing import TYPE_CHECKING, TypeGuard

from korelect.engine.allocation import Allocation
from korelect.engine.entries import Kind
from korelect.errors import InputError
from korelect.record.election import ElectionResult, PartyInfo
from korelect.record.parties import parties

if TYPE_CHECKING:
    from korelect.analysis.simulate import Simulation

__all__ = [
    "FALLBACK",
    "INDEPENDENT_COLOUR",
    "POSITION",
    "Bloc",
    "blocs",
    "chart_input",
    "is_simulation",
    "under",
]

FALLBACK: tuple[str, ...] = (
    "#4e79a7",
    "#f28e2b",
    "#e15759",
    "#76b7b2",
    "#59a14f",
    "#edc948",
    "#b07aa1",
    "#ff9da7",
    "#9c755f",
    "#86bcb6",
    "#d37295",
    "#a0cbe8",
)
"""Colours for names the party registry does not know, in turn."""

INDEPENDENT_COLOUR = "#9e9e9e"

POSITION: dict[str, float] = {
    # progressive parties
    "upp": 1.0,
    "progressive": 1.0,
    "dlp-2000": 1.5,
    "hdp": 1.5,
    "justice": 2.0,
    # the democratic (liberal) family and its allies
    "rkp": 3.0,
    "open-dp": 3.5,
    "uri": 3.5,
    "ppd": 4.0,
    "dp-1991": 4.0,
    "ncnp": 4.0,
    "mdp": 4.0,
    "udp-2008": 4.0,
    "dup": 4.0,
    "minjoo": 4.0,
    "dp": 4.0,
    "udp-1995": 4.5,
    "nfp": 4.5,
    # centrist parties
    "pp-2016": 5.0,
    "ckp": 5.0,
    "nprp": 5.5,
    "people-2020": 5.5,
    "rdp": 6.0,
    "dpp-2000": 6.0,
    "ni21": 6.5,
    "nrp": 6.5,
    # the conservative family
    "unp": 7.0,
    "nkph": 7.0,
    "ppc": 7.5,
    "dlp-1990": 8.0,
    "nkp": 8.0,
    "gnp": 8.0,
    "saenuri": 8.0,
    "ufp": 8.0,
    "ppp": 8.0,
    "lfp": 8.5,
    "uld": 8.5,
    "ndrp": 8.5,
    "djp": 9.0,
    # 1948-1985: every party of note stood right of centre, so the order is mostly that of
    # government and opposition. The socialist and labour-farmer parties on the left; the
    # opposition of the Korea Democratic Party's line (한민당, 민국당, 민주당, 민정당 1963,
    # 신민당, 민한당, 신한민주당) left of centre; the independents' clubs, professions and
    # small nationalist groups at the centre right; the government parties and the groups
    # that stood with them (대한독립촉성국민회, 자유당, 민주공화당, 한국국민당) on the right, the
    # appointed 유신정우회 furthest right beside the 민주공화당 it was chosen to support.
    "socialist-1948": 1.5,
    "smp-1960": 2.0,
    "ksp-1960": 1.5,
    "dsp-1981": 2.0,
    "nsp-1982": 2.0,
    "ilfp-1946": 2.5,
    "labor-farmer-youth-1950": 2.5,
    "mass-1967": 3.0,
    "nkdp": 3.5,
    "new-democratic-1985": 3.5,
    "ndp-1967": 4.0,
    "dup-1973": 4.0,
    "minjung-1967": 4.0,
    "dp-1955": 4.0,
    "dp-1963": 4.0,
    "crp-1963": 4.5,
    "dnp-1949": 4.5,
    "kdp-1945": 4.5,
    "unification-1958": 4.5,
    "dkp": 5.0,
    "nif-1947": 5.0,
    "peoples-1963": 5.0,
    "civil-rights-1981": 5.0,
    "democratic-farmers-1981": 5.0,
    "kip-1940": 5.5,
    "buddhist-1950": 5.5,
    "constituent-members-1954": 5.5,
    "education-association-1948": 5.5,
    "evangelistic-1948": 5.5,
    "other-organisations-1960": 5.5,
    "new-politics-1981": 5.5,
    "anmin-1981": 5.5,
    "np-1971": 6.0,
    "ldp-1963": 6.0,
    "joseon-democratic-1945": 6.0,
    "joseon-republican-1948": 6.0,
    "danmin-1948": 6.0,
    "daeseong-1948": 6.0,
    "busan-io-club-1948": 6.0,
    "womens-association-1948": 6.5,
    "womens-national-1945": 6.5,
    "fktu-1946": 7.0,
    "farmers-federation-1948": 7.0,
    "kny-1946": 7.5,
    "taedong-1947": 7.5,
    "korea-youth-1950": 7.5,
    "knp-1948": 8.0,
    "ilmin-club-1950": 8.0,
    "unification-hq-1948": 8.0,
    "knp-1981": 8.0,
    "narrki": 8.5,
    "lp-1951": 8.5,
    "drp": 8.5,
    "yujeonghoe": 9.5,
}
"""Curated left-to-right position (0-10) of the parties that won seats 1948–2024."""


@dataclass(frozen=True, slots=True)
class Bloc:
    """One party as the charts draw it."""

    key: str
    """A stable id: the registry id, or the name as given."""
    label: str
    """The name shown in legends."""
    colour: str
    district: int
    list: int
    vote_share: Fraction | None
    """Share of the votes the list tier used (None for simulations)."""
    position: float | None
    independent: bool = False
    split: bool = True
    """Whether district and list seats are known apart (not for simulations)."""
    appointed: bool = False
    """Whether its seats were filled by appointment, not by votes (1973, 1978: 유신정우회)."""

    @property
    def seats(self) -> int:
        """District plus list seats."""
        return self.district + self.list


def _position(party_id: str) -> float | None:
    if party_id in POSITION:
        return POSITION[party_id]
    registry = parties()
    try:
        party = registry.get(party_id)
    except (KeyError, LookupError):
        return None
    parent = registry.merged(party)
    if parent.id in POSITION:
        return POSITION[parent.id]
    for ancestor in registry.ancestors(party):
        if ancestor.id in POSITION:
            return POSITION[ancestor.id]
    return None


def _order(items: list[Bloc]) -> list[Bloc]:
    def key(b: Bloc) -> tuple[int, float, int, str]:
        if b.independent:
            group = 2
        elif b.position is None:
            group = 1
        else:
            group = 0
        return (group, b.position or 0.0, -b.seats, b.label)

    return sorted(items, key=key)


def _from_info(info: PartyInfo, kind: Kind) -> tuple[str, float | None, bool]:
    independent = kind is Kind.INDEPENDENT or info.party_id == "independent"
    colour = INDEPENDENT_COLOUR if independent else info.colour
    return colour, None if independent else _position(info.party_id), independent


def is_simulation(obj: object) -> TypeGuard[Simulation]:
    """Whether ``obj`` is a :class:`~korelect.Simulation` (without importing NumPy to ask)."""
    module = sys.modules.get("korelect.analysis.simulate")
    return module is not None and isinstance(obj, module.Simulation)


def law_of(result: ElectionResult) -> str:
    """`` under 2016's law`` for a result computed under another election's law, else ``""``.

    >>> from korelect import results
    >>> law_of(results(2020, rules=2016)), law_of(results(2020))
    (" under 2016's law", '')
    """
    year = result.rules.year
    if year is not None and year != result.year:
        return f" under {year}'s law"
    if year is None:
        return f" under {result.rules.name}"
    return ""


def under(sim: Simulation) -> str:
    """`` under RULES`` when a simulation ran under rules other than its year's own, else ``""``."""
    name = getattr(sim, "rules", "")
    if not isinstance(name, str) or not name:
        return ""
    # "22nd National Assembly election (2024), applied to 2020" reads as "2024's law".
    law = re.fullmatch(r".*\((\d{4})\), applied to \d{4}", name)
    return f" under {law.group(1)}'s law" if law else f" under {name}"


def chart_input(obj: object) -> None:
    """Raise :class:`~korelect.errors.InputError` unless ``obj`` is a chartable result."""
    if not (isinstance(obj, ElectionResult | Allocation) or is_simulation(obj)):
        raise InputError(
            f"expected an ElectionResult, an Allocation or a Simulation (got {type(obj).__name__})"
        )


def _largest_remainder(values: list[float], total: int) -> list[int]:
    floors = [math.floor(v) for v in values]
    rest = total - sum(floors)
    order = sorted(range(len(values)), key=lambda i: (-(values[i] - floors[i]), i))
    for i in order[: max(rest, 0)]:
        floors[i] += 1
    return floors


def simulation_seats(sim: Simulation) -> list[tuple[PartyInfo, int]]:
    """Each party's mean seats over the runs, rounded by largest remainders to the house."""
    means = [float(m) for m in sim.seats.mean(axis=0)] if sim.n else [0.0] * len(sim.parties)
    rounded = _largest_remainder(means, sim.total_seats if sim.n else 0)
    return list(zip(sim.parties, rounded, strict=True))


def blocs(obj: ElectionResult | Allocation | Simulation) -> list[Bloc]:
    """The parties of ``obj`` as blocs, in left-to-right order (every party, seats or not)."""
    chart_input(obj)
    out: list[Bloc] = []
    if isinstance(obj, ElectionResult):
        for p in obj.parties:
            colour, pos, ind = _from_info(p.info, p.kind)
            label = p.info.name_en
            out.append(
                Bloc(
                    p.info.party_id,
                    label,
                    colour,
                    p.district_seats,
                    p.list_seats,
                    p.vote_share,
                    pos,
                    ind,
                    appointed=p.kind is Kind.APPOINTED,
                )
            )
    elif isinstance(obj, Allocation):
        year = obj.rules.year
        registry = parties()
        spare = 0
        for r in obj.parties:
            share = Fraction(r.votes) / obj.total_votes if obj.total_votes else Fraction(0)
            party = registry.find(r.name, year)
            independent = r.kind is Kind.INDEPENDENT or (party is not None and party.is_independent)
            if independent:
                colour, pos = INDEPENDENT_COLOUR, None
            elif party is not None:
                colour, pos = party.colour, _position(party.id)
            else:
                colour, pos = FALLBACK[spare % len(FALLBACK)], None
                spare += 1
            out.append(
                Bloc(
                    r.name,
                    r.name,
                    colour,
                    r.district_seats,
                    r.list_seats,
                    share,
                    pos,
                    independent,
                    appointed=r.kind is Kind.APPOINTED,
                )
            )
    else:
        for info, seats in simulation_seats(obj):
            kind = Kind.INDEPENDENT if info.party_id == "independent" else Kind.PARTY
            colour, pos, ind = _from_info(info, kind)
            out.append(Bloc(info.party_id, info.name_en, colour, seats, 0, None, pos, ind, False))
    return _order(out)
