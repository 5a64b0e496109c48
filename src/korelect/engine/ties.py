"""Ties: how each one is settled, and the record it leaves.

A tie arises when more entries share the deciding value (a remainder, a
quotient) than there are seats left at that value. The law's default for list
seats since 2004 is a lot (추첨; 공직선거법 art. 189(2)2 후단); the 1994 law
gave the seat to the party with more votes, then by lot. korelect draws lots
from a seeded generator, so the same seed always gives the same draw, and the
order in which entries are listed never changes it.
"""

from __future__ import annotations

import random
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction

from korelect.base.numbers import Number
from korelect.errors import InputError, TieError
from korelect.law.ties import TieRule, as_tie_rule


@dataclass(frozen=True, slots=True)
class Tie:
    """The record of one settled tie."""

    stage: str
    """Where it happened, e.g. ``"list seats: largest remainder"``."""
    seats: int
    """How many seats were at stake among the tied entries."""
    tied: tuple[str, ...]
    """The tied entries, in name order."""
    value: str
    """The value they tied on, e.g. ``"remainder 1/2"``."""
    winners: tuple[str, ...]
    """Who got the seats."""
    rule: TieRule
    how: str
    """How it was settled, in words."""

    def describe(self) -> str:
        """One line for the audit trail."""
        return (
            f"tie in {self.stage}: {', '.join(self.tied)} tied on {self.value} for "
            f"{self.seats} seat{'s' if self.seats != 1 else ''}; {self.how}"
        )


class TieBreaker:
    """Settles the ties of one allocation and keeps their records.

    >>> votes = {"A": 5, "B": 7, "C": 7}
    >>> tb = TieBreaker("votes-then-lot", seed=1, order=["A", "B", "C"], votes=votes)
    >>> tb.settle("test", ["A", "B"], 1, "remainder 1/2")
    ('B',)
    >>> tb.records[0].how
    'more votes: B (7) over A (5)'
    """

    def __init__(
        self,
        rule: str | TieRule,
        *,
        seed: int = 0,
        order: Sequence[str],
        votes: Mapping[str, Number],
    ) -> None:
        self.rule = as_tie_rule(rule)
        if isinstance(seed, bool) or not isinstance(seed, int):
            raise InputError(f"'seed' must be an integer (got {seed!r})")
        self.seed = seed
        self._random: random.Random | None = None  # made at the first lot drawn
        self._order = {name: i for i, name in enumerate(order)}
        self._votes = votes
        self.records: list[Tie] = []

    def _lots(self) -> random.Random:
        if self._random is None:
            self._random = random.Random(self.seed)
        return self._random

    def settle(self, stage: str, tied: Sequence[str], seats: int, value: str) -> tuple[str, ...]:
        """Choose ``seats`` winners among ``tied`` (more than ``seats`` of them)."""
        names = tuple(sorted(tied))
        if self.rule is TieRule.RAISE:
            raise TieError(names, seats=seats, stage=stage)
        if self.rule is TieRule.LIST_ORDER:
            winners = tuple(sorted(names, key=self._order.__getitem__)[:seats])
            how = f"list order: {', '.join(winners)} listed first"
        elif self.rule is TieRule.LOT:
            winners = tuple(sorted(self._lots().sample(names, seats)))
            how = f"drawn by lot (seed {self.seed}): {', '.join(winners)}"
        else:
            winners, how = self._votes_then_lot(names, seats)
        self.records.append(Tie(stage, seats, names, value, winners, self.rule, how))
        return winners

    def _votes_then_lot(self, names: tuple[str, ...], seats: int) -> tuple[tuple[str, ...], str]:
        by_votes = sorted(names, key=lambda n: -Fraction(self._votes[n]))
        cut = Fraction(self._votes[by_votes[seats - 1]])
        sure = [n for n in by_votes if Fraction(self._votes[n]) > cut]
        level = sorted(n for n in by_votes if Fraction(self._votes[n]) == cut)
        need = seats - len(sure)
        losers = [n for n in by_votes if Fraction(self._votes[n]) < cut]
        if need == len(level):
            winners = tuple(sorted(sure + level))
            beaten = ", ".join(f"{n} ({self._votes[n]})" for n in losers)
            shown = ", ".join(f"{n} ({self._votes[n]})" for n in winners)
            return winners, f"more votes: {shown} over {beaten}"
        drawn = self._lots().sample(level, need)
        winners = tuple(sorted(sure + drawn))
        return winners, (
            f"more votes, then lot (seed {self.seed}) among {', '.join(level)} "
            f"with {self._votes[level[0]]} votes each: {', '.join(winners)}"
        )
