"""The tie rules the law names for list seats (how a tie is settled, not the draw itself).

The law since 2004 settles a remainder tie by lot (추첨; 공직선거법 art. 189(2)2 후단); the
1994 law gave the seat to the party with more votes, then by lot. The engine's
:class:`~korelect.engine.ties.TieBreaker` carries the rule out.
"""

from __future__ import annotations

from enum import StrEnum

from korelect.errors import InputError


class TieRule(StrEnum):
    """How a tie is settled."""

    LOT = "lot"
    """By lot, drawn from the seeded generator (the law since 2004)."""
    VOTES_THEN_LOT = "votes-then-lot"
    """More votes first, then by lot (the 1994 law, used in 1996 and 2000)."""
    LIST_ORDER = "list-order"
    """The entry listed first wins (no law; for reproducing other tools)."""
    RAISE = "raise"
    """Raise :class:`~korelect.errors.TieError` naming the tied entries."""


def as_tie_rule(value: str | TieRule) -> TieRule:
    """Read a tie rule by name.

    >>> as_tie_rule("lot")
    <TieRule.LOT: 'lot'>
    """
    try:
        return TieRule(value)
    except ValueError:
        choices = ", ".join(r.value for r in TieRule)
        raise InputError(f"'ties' must be one of {choices} (got {value!r})") from None
