"""What the checker's modules share: the check names, the kinds of places, quantities."""

from __future__ import annotations

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
AUTHORITY = {SUM: 6, ALLOCATION: 6, DIFFERENCE: 6, TABLE: 4, INFOBOX: 3, SYSTEM_TEXT: 2}
"""How much a kind of place is trusted (1 for any other)."""
DERIVED = (SUM, ALLOCATION, DIFFERENCE)
"""The kinds of derived facts: computed from printed ones."""

Key = tuple[str, ...]
"""A quantity: ``("seats", who, tier, area)``, ``("votes", who, ballot, area)``,
``("pct", who, ballot, area)``, ``("date",)``, ``("last", who)``, ``("change", who)``,
``("turnout", ballot)``, ``("turnout change", ballot)``, ``("majority",)``.
``who`` is a party id, :data:`ALL`, ``other:<ids>`` (the parties a table does not
name) or ``label:<name>`` (a name the registry does not know); ``area`` is
``national`` or province codes joined by ``+``."""
