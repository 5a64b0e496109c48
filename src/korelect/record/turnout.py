"""Turnout as far as the counts cover it: national only where every district that voted has figures.

The counts of 1948–1967 have turnout figures (electorate and ballots cast) for some
districts only: none in 1948, 1954 and 1958, one or three districts in 1950 and 1960 (wrong
ones, ``docs/DATA.md``), 87 of the 131 in 1963 and 1967. A rate summed over those districts
is not the country's turnout, so the article writer prints a national turnout (and its
change from the election before) only where every district that voted has its figures (an
uncontested district has none: no vote was held), and the checker compares a printed
turnout with the record only there.

>>> from korelect.record.election import results
>>> c = turnout_coverage(results(1963))
>>> c.covered, c.voted, c.complete, national_rate(results(1963)) is None
(87, 131, False, True)
>>> national_rate(results(1973))  # 2 of the 73 districts were uncontested
Fraction(11196484, 15348049)
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from korelect.record.election import ElectionResult


@dataclass(frozen=True, slots=True)
class TurnoutCoverage:
    """How many of the districts that voted have turnout figures, and their rate."""

    covered: int
    """Districts that voted with an electorate and ballots cast."""
    voted: int
    """Districts that voted (every district but the uncontested ones)."""
    electorate: int
    ballots_cast: int

    @property
    def complete(self) -> bool:
        """Whether every district that voted has its figures."""
        return self.voted > 0 and self.covered == self.voted

    @property
    def rate(self) -> Fraction | None:
        """Ballots cast over the electorate of the districts covered (None if none)."""
        return Fraction(self.ballots_cast, self.electorate) if self.electorate else None


def turnout_coverage(result: ElectionResult) -> TurnoutCoverage:
    """The districts of ``result`` with turnout figures, among those that voted."""
    voted = [d.district for d in result.districts if d.how != "unopposed"]
    covered = [d for d in voted if d.electorate and d.ballots_cast is not None]
    return TurnoutCoverage(
        len(covered),
        len(voted),
        sum(d.electorate or 0 for d in covered),
        sum(d.ballots_cast or 0 for d in covered),
    )


def national_rate(result: ElectionResult) -> Fraction | None:
    """The constituency ballot's national turnout, where the figures cover the election."""
    if not turnout_coverage(result).complete:
        return None
    return result.turnout.rate
