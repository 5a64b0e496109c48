"""The one registry of list-tier formula families (korelect.engine.formulas.registry)."""

from __future__ import annotations

import ast
from pathlib import Path

import numpy as np
import pytest

import korelect
from korelect import Entry
from korelect.engine.batch.linked import linked_many
from korelect.engine.batch.share import seat_share_many, vote_share_many
from korelect.engine.formulas.linked import allocate_linked
from korelect.engine.formulas.registry import FAMILIES, FormulaFamily, family_of
from korelect.engine.formulas.seat_share import allocate_seat_share
from korelect.engine.formulas.vote_share import allocate_vote_share
from korelect.errors import RulesError
from korelect.law.rules import FORMULAS, Linked, Proportional, SeatShare

SRC = Path(__file__).resolve().parent.parent / "src" / "korelect"


def test_the_registry_covers_the_laws_families() -> None:
    assert set(FAMILIES) == set(FORMULAS)
    for name, family in FAMILIES.items():
        assert family.formula == name
        assert family.tier is FORMULAS[name]
        assert family.tier.formula == name


@pytest.mark.parametrize(
    ("formula", "tier", "exact", "batch", "weights", "compensatory"),
    [
        ("seat-share", SeatShare, allocate_seat_share, seat_share_many, "district seats", False),
        ("proportional", Proportional, allocate_vote_share, vote_share_many, "votes", False),
        ("linked", Linked, allocate_linked, linked_many, "votes", True),
    ],
)
def test_each_family(
    formula: str,
    tier: type,
    exact: object,
    batch: object,
    weights: str,
    compensatory: bool,
) -> None:
    family = FAMILIES[formula]
    assert isinstance(family, FormulaFamily)
    assert (family.tier, family.allocate, family.batch) == (tier, exact, batch)
    assert (family.weights, family.compensatory) == (weights, compensatory)
    assert family.law
    assert ("cap" in family.options) is (formula == "linked")
    assert ("share_decimals" in family.options) is (formula == "proportional")


@pytest.mark.parametrize("year", korelect.registered_years())
def test_family_of_a_year_rules_tier_and_name_agree(year: int) -> None:
    rules = korelect.rules_for(year)
    family = family_of(rules)
    assert family is family_of(year) is family_of(rules.list_tier) is family_of(rules.formula)
    assert isinstance(rules.list_tier, family.tier)


def test_unknown_formula() -> None:
    with pytest.raises(RulesError, match="unknown list-tier formula 'borda'"):
        family_of("borda")


def test_the_registry_is_read_only() -> None:
    with pytest.raises(TypeError):
        FAMILIES["x"] = FAMILIES["linked"]  # type: ignore[index]


@pytest.mark.parametrize("year", [1992, 2004, 2024])
def test_allocate_runs_the_familys_exact_formula(year: int) -> None:
    """allocate() and the family's exact formula give the same list seats."""
    rules = korelect.rules_for(year, district_seats=30, total_seats=80)
    entries = [Entry("A", 500, 15), Entry("B", 300, 10), Entry("C", 200, 5)]
    got = korelect.allocate(entries, rules).list_seats
    votes = np.array([[500, 300, 200]])
    seats = np.array([[15, 10, 5]])
    batch, _, failed = family_of(rules).batch(rules, votes, seats, np.array([True] * 3))
    assert not failed.any()
    assert batch[0].tolist() == [got[n] for n in "ABC"]


# Modules where choosing by list-tier class is replaced by the registry. An isinstance test
# on a tier class remains only to narrow the type inside a family's own formula.
DISPATCH_FREE = [
    "engine/allocate.py",
    "analysis/simulate.py",
    "analysis/indices.py",
    "analysis/swing.py",
    "analysis/compare.py",
    *sorted(str(p.relative_to(SRC)) for p in (SRC / "charts").glob("*.py")),
    "law/rules.py",
]
NARROWING_ONLY = {
    "engine/formulas/seat_share.py": {"SeatShare"},
    "engine/formulas/vote_share.py": {"Proportional"},
    "engine/formulas/linked.py": {"Linked"},
    "engine/batch/share.py": {"SeatShare", "Proportional"},
    "engine/batch/linked.py": {"Linked"},
}
TIERS = {"SeatShare", "Proportional", "Linked"}


def _tier_checks(path: Path) -> list[str]:
    """The tier classes named in the isinstance tests of a module."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id == "isinstance"
        ):
            names = {n.id for n in ast.walk(node.args[1]) if isinstance(n, ast.Name)}
            found += sorted(names & TIERS)
    return found


@pytest.mark.parametrize("module", DISPATCH_FREE)
def test_no_dispatch_on_the_tier_class(module: str) -> None:
    path = SRC / module
    checks = _tier_checks(path)
    if module == "law/rules.py":
        # Rules.__post_init__ checks that list_tier is one of the three classes.
        assert checks == ["Linked", "Proportional", "SeatShare"]
    else:
        assert checks == [], module


@pytest.mark.parametrize("module", sorted(NARROWING_ONLY))
def test_family_formulas_narrow_only_their_own_tier(module: str) -> None:
    assert set(_tier_checks(SRC / module)) == NARROWING_ONLY[module]
