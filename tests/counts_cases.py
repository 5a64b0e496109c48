"""Counts the tests share: a shipped year stripped down to what a user may have."""

from __future__ import annotations

import dataclasses

import korelect


def declared_only(year: int) -> korelect.Counts:
    """A year's counts with its declared winners only: no district votes, no list votes.

    2024 shipped like this before polis-korea's counts: the shape a user's folder of
    declared results has, which every surface must still handle.
    """
    return dataclasses.replace(korelect.counts_of(year), candidates=(), list_votes=())


def shares_only(year: int) -> korelect.Counts:
    """A year's counts with its published list shares in place of its list votes."""
    return dataclasses.replace(korelect.counts_of(year), list_votes=())
