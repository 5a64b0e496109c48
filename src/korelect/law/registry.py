"""The registry of elections by year, built explicitly from the election modules.

Each ``election_YYYY`` module defines its frozen ``RULES``; this module lists them
(no import registers anything as a side effect) and answers :func:`rules_for`.
"""

from __future__ import annotations

from types import MappingProxyType

from korelect.errors import UnknownElectionError
from korelect.law import (
    election_1948,
    election_1950,
    election_1954,
    election_1958,
    election_1960,
    election_1963,
    election_1967,
    election_1971,
    election_1973,
    election_1978,
    election_1981,
    election_1985,
    election_1988,
    election_1992,
    election_1996,
    election_2000,
    election_2004,
    election_2008,
    election_2012,
    election_2016,
    election_2020,
    election_2024,
)
from korelect.law.rules import Rules

ELECTIONS = (
    election_1948,
    election_1950,
    election_1954,
    election_1958,
    election_1960,
    election_1963,
    election_1967,
    election_1971,
    election_1973,
    election_1978,
    election_1981,
    election_1985,
    election_1988,
    election_1992,
    election_1996,
    election_2000,
    election_2004,
    election_2008,
    election_2012,
    election_2016,
    election_2020,
    election_2024,
)
"""The election modules, oldest first: one per National Assembly election with its law."""


def _build() -> MappingProxyType[int, Rules]:
    registry: dict[int, Rules] = {}
    for module in ELECTIONS:
        rules: Rules = module.RULES
        if rules.year is None or rules.year in registry:
            raise AssertionError(f"{module.__name__}: rules need a year of their own")
        registry[rules.year] = rules
    return MappingProxyType(dict(sorted(registry.items())))


REGISTRY = _build()
"""Rules by election year (read-only)."""


def registered_years() -> tuple[int, ...]:
    """The years whose law is registered.

    >>> registered_years()
    (1948, 1950, 1954, 1958, 1960, 1963, 1967, 1971, 1973, 1978, 1981, 1985,
     1988, 1992, 1996, 2000, 2004, 2008, 2012, 2016, 2020, 2024)
    """
    return tuple(REGISTRY)


def rules_for(year: int | str, **changes: object) -> Rules:
    """The rules of the election held in ``year``, with optional changes.

    >>> rules_for(1996).threshold
    AnyOf(conditions=(DistrictSeats(at_least=5), VoteShare(share=Fraction(1, 20))))
    >>> rules_for(1999)
    Traceback (most recent call last):
    ...
    korelect.errors.UnknownElectionError: no rules for 1999;
    known years: 1948, 1950, 1954, 1958, 1960, 1963, 1967, 1971, 1973, 1978, 1981, 1985,
    1988, 1992, 1996, 2000, 2004, 2008, 2012, 2016, 2020, 2024
    """
    key: object = year
    if isinstance(year, str) and year.strip().isascii() and year.strip().isdigit():
        key = int(year.strip())
    if isinstance(key, bool) or not isinstance(key, int) or key not in REGISTRY:
        known = ", ".join(str(y) for y in REGISTRY)
        raise UnknownElectionError(f"no rules for {year}; known years: {known}")
    rules = REGISTRY[key]
    return rules.replace(**changes) if changes else rules
