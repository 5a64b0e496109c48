"""The HTML pages: elections, one election, one district, what-if and simulation.

Every page is rendered on the server from a template; forms submit with GET
to the page itself, so every state has a URL. Work that takes CPU time runs
in FastAPI's thread pool (plain ``def`` routes), never on the event loop.
"""

from __future__ import annotations

from fractions import Fraction
from functools import cache, lru_cache
from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from korelect.charts import bars_svg, hemicycle_svg, histogram_svg, map_svg
from korelect.engine.entries import Kind
from korelect.engine.formulas.registry import family_of
from korelect.errors import KorelectError, UnknownNameError
from korelect.law.methods import METHODS
from korelect.record.election import party_info
from korelect.views.report import elected_line
from korelect.web import _model as model
from korelect.web._render import render, svg
from korelect.web._tables import indices_table, national_table, party_label, province_tables

__all__ = ["router"]

router = APIRouter(include_in_schema=False)

Name = Annotated[str, Query(max_length=model.MAX_NAME)]


@cache
def _thumbnail(year: int) -> str:
    result = model.election(year)
    return hemicycle_svg(result, width=300, title=f"{year}: {result.total_seats} seats")


@cache
def _hemicycle(year: int) -> str:
    result = model.election(year)
    return hemicycle_svg(
        result, width=720, title=f"{result.rules.name}: {result.total_seats} seats"
    )


@cache
def _map(year: int, party: str | None) -> str:
    return map_svg(year, party=party, width=480)


def _page(template: str, **context: object) -> HTMLResponse:
    return HTMLResponse(render(template, **context))


@router.get("/", response_class=HTMLResponse)
def index() -> HTMLResponse:
    """Every election with its assembly."""
    cards = []
    for year in model.years():
        result = model.election(year)
        largest = result.parties[0]
        how = " appointed" if largest.kind is Kind.APPOINTED else ""
        cards.append(
            {
                "year": year,
                "name": result.rules.name,
                "seats": result.total_seats,
                "largest": f"{party_label(largest)}: {largest.total_seats}{how}",
                "svg": svg(_thumbnail(year)),
            }
        )
    return _page("index.html", title="korelect: National Assembly elections 1948–2024", cards=cards)


@router.get("/elections/{year}", response_class=HTMLResponse)
def election(year: str, q: Name = "", party: Name = "") -> HTMLResponse:
    """One election: assembly, national and province tables, map, districts, audit trail."""
    return HTMLResponse(_election_page(model.year_of(year), q, party))


@lru_cache(maxsize=64)
def _election_page(y: int, q: str, party: str) -> str:
    result = model.election(y)
    ids = {p.info.party_id for p in result.parties}
    if party and party not in ids:
        raise UnknownNameError(f"no party {party!r} in {y}; parties: {', '.join(sorted(ids))}")
    found = model.search_districts(result, q)
    return render(
        "election.html",
        title=f"{result.rules.name}",
        year=y,
        result=result,
        hemicycle=svg(_hemicycle(y)),
        bars=svg(bars_svg(result, width=720)),
        map=svg(_map(y, party or None)),
        map_party=party,
        map_parties=[(p.info.party_id, party_label(p)) for p in result.parties if p.district_seats],
        national=national_table(result),
        provinces=province_tables(result),
        indices=indices_table(model.election_indices(y)),
        districts=found,
        query=q,
        explanation=result.allocation.explain(),
        findings=model.findings(y),
        steps=result.allocation.to_dict()["steps"],
        rules=result.rules.describe(),
    )


@router.get("/elections/{year}/districts/{name}", response_class=HTMLResponse)
def district(year: str, name: str) -> HTMLResponse:
    """One district's candidates, votes, winner and turnout."""
    y = model.year_of(year)
    result = model.election(y)
    found = result.district(model.check_name(name))
    record = model.district_record(y, found)
    province = next(p for p in result.provinces if p.code == found.district.province)
    candidates = [
        {**c, "party": party_info(str(c["party_ko"]), y).name_en}
        for c in record["candidates"]  # type: ignore[attr-defined]
    ]
    return _page(
        "district.html",
        title=f"{y} {province.name_ko} {found.district.name_ko}",
        year=y,
        province=province,
        record=record,
        candidates=candidates,
        winner_party=party_info(found.winner_party, y).name_en,
        elected=elected_line(y, found),
    )


@router.get("/elections/{year}/whatif", response_class=HTMLResponse)
def whatif(request: Request, year: str) -> HTMLResponse:
    """The same votes under changed rules or changed list votes.

    Parameters that cannot be read give an error page; rules that cannot
    allocate these votes (a tie the rule does not settle, a cap above the list
    seats) give the form again with the message, so the scenario can be mended.
    """
    y = model.year_of(year)
    params = model.parse_whatif(y, request.query_params)
    base = model.election(y)
    law = model.rules_of(y, params.rules_year)
    linked = "cap" in family_of(law).options
    cap: int | None = getattr(law.list_tier, "cap", None) if linked else None
    outcome: model.WhatIf | None = None
    error = None
    try:
        outcome = model.whatif(y, params)
    except KorelectError as exc:
        error = str(exc)
    context: dict[str, object] = {
        "title": f"What if: {y}",
        "year": y,
        "years": model.years(),
        "error": error,
        "form": {
            "rules": "" if params.rules_year is None else str(params.rules_year),
            "threshold": params.threshold or "",
            "list_seats": "" if params.list_seats is None else str(params.list_seats),
            "method": params.method or "",
            "cap": "none" if params.uncapped else ("" if params.cap is None else str(params.cap)),
            "ties": params.ties or "",
        },
        "law": {
            "threshold": "none" if law.threshold is None else str(law.threshold),
            "list_seats": str(law.list_seats),
            "district_seats": law.district_seats,
            "method": getattr(law.list_tier, "method", ""),
            "cap": ("none" if cap is None else str(cap)) if linked else "",
            "ties": law.ties.value,
        },
        "linked": linked or params.cap is not None or params.uncapped,
        "shares": any(isinstance(p.votes, Fraction) for p in base.parties),
        "methods": METHODS,
        "tie_rules": model.TIE_RULES,
        "votes": [
            (
                p.name,
                party_label(next(x for x in base.parties if x.info.party_id == p.name)),
                model.vote_text(params.votes.get(p.name, p.votes)),
            )
            for p in base.allocation.parties
        ],
        "outcome": outcome,
    }
    if outcome is None:
        return HTMLResponse(render("whatif.html", **context), status_code=400)
    rules = outcome.result.rules
    context.update(
        hemicycle=svg(hemicycle_svg(outcome.result, width=720, title=rules.name)),
        national=national_table(outcome.result, real=base),
        indices=indices_table(outcome.indices, real=model.election_indices(y)),
        explanation=outcome.result.allocation.explain(),
    )
    return HTMLResponse(render("whatif.html", **context))


Float = Annotated[float, Query(ge=0, le=model.MAX_SD)]


@router.get("/elections/{year}/simulate", response_class=HTMLResponse)
def simulation(
    year: str,
    n: Annotated[int | None, Query(ge=1, le=model.MAX_SIMULATIONS)] = None,
    seed: Annotated[int, Query(ge=0, le=model.MAX_SEED)] = 0,
    national_sd: Float = 0.02,
    regional_sd: Float = 0.02,
    district_sd: Float = 0.03,
    list_sd: Float = 0.02,
    rules: Annotated[str, Query(max_length=4)] = "",
) -> HTMLResponse:
    """A bounded Monte Carlo simulation around the year's counts (runs when ``n`` is given)."""
    y = model.year_of(year)
    law = model.law_of(y, rules)
    params = model.SimulationParams(
        n or 500, seed, national_sd, regional_sd, district_sd, list_sd, law
    )
    sim = None if n is None else model.run_simulation(y, params)
    return _page(
        "simulate.html",
        title=f"Simulate: {y}",
        year=y,
        years=model.years(),
        law=law or y,
        rules_name=model.rules_of(y, law).name,
        params=params,
        max_n=model.MAX_SIMULATIONS,
        max_sd=model.MAX_SD,
        sim=sim,
        projections=[] if sim is None else sim.projections(),
        histogram=None if sim is None else svg(histogram_svg(sim, parties=4, width=720)),
        hemicycle=None if sim is None else svg(hemicycle_svg(sim, width=480)),
    )


@router.get("/docs", response_class=HTMLResponse)
def docs(request: Request) -> HTMLResponse:
    """The JSON API, described from its OpenAPI document."""
    schema = request.app.openapi()
    endpoints = []
    for path, methods in schema.get("paths", {}).items():
        for method, op in methods.items():
            endpoints.append(
                {
                    "method": method.upper(),
                    "path": path,
                    "summary": op.get("summary", ""),
                    "description": op.get("description", ""),
                    "parameters": [
                        {
                            "name": p.get("name", ""),
                            "where": p.get("in", ""),
                            "required": p.get("required", False),
                            "description": p.get("description", ""),
                        }
                        for p in op.get("parameters", [])
                    ],
                }
            )
    return _page("docs.html", title="korelect JSON API", endpoints=endpoints, info=schema["info"])
