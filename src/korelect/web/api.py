"""The JSON API under ``/api``: the command line's JSON records over HTTP.

``/api/elections/{year}`` is what ``korelect results YEAR --json`` prints,
``/api/elections/{year}/districts/{name}`` what ``korelect district YEAR NAME
--json`` prints, ``/api/elections/{year}/indices`` what ``korelect indices
YEAR --json`` prints. Errors are ``{"detail": message, "status": code}``.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import JSONResponse

from korelect.analysis.audit import audit_to_dict
from korelect.web import _model as model

__all__ = ["router"]

router = APIRouter(prefix="/api", tags=["api"])

_ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"description": "A parameter out of bounds or unusable: `{detail, status}`"},
    404: {"description": "No such election, district or party: `{detail, status}`"},
    422: {"description": "A parameter of the wrong type or out of range: `{detail, status}`"},
}


def _json(data: object) -> JSONResponse:
    return JSONResponse(data)


@router.get("/elections", responses=_ERRORS)
def elections() -> JSONResponse:
    """Every election: year, rules, seats in each tier and the largest party."""
    out = []
    for year in model.years():
        result = model.election(year)
        out.append(
            {
                "year": year,
                "rules": result.rules.name,
                "total_seats": result.total_seats,
                "district_seats": result.rules.district_seats,
                "list_seats": result.rules.list_seats,
                "largest_party": result.parties[0].info.party_id,
            }
        )
    return _json(out)


@router.get("/elections/{year}", responses=_ERRORS)
def election(
    year: str,
    by: Annotated[
        str | None, Query(pattern="^province$", description="'province' adds the province tables")
    ] = None,
) -> JSONResponse:
    """The election from the counts: the record of `korelect results YEAR --json`."""
    return _json(model.election_dict(model.year_of(year), provinces=by == "province"))


@router.get("/elections/{year}/allocation", responses=_ERRORS)
def allocation(year: str) -> JSONResponse:
    """How the list seats were allocated: every step, and the audit trail in words."""
    result = model.election(model.year_of(year))
    return _json({**result.allocation.to_dict(), "explanation": result.allocation.explain()})


@router.get("/elections/{year}/audit", responses=_ERRORS)
def audit(year: str) -> JSONResponse:
    """What the sources disagree on: the record of `korelect audit YEAR --json`."""
    return _json(audit_to_dict(model.findings(model.year_of(year))))


@router.get("/elections/{year}/districts", responses=_ERRORS)
def districts(
    year: str,
    q: Annotated[
        str, Query(max_length=model.MAX_NAME, description="part of a district or province name")
    ] = "",
) -> JSONResponse:
    """The districts (filtered by `q`) with their winners."""
    y = model.year_of(year)
    found = model.search_districts(model.election(y), q)
    return _json(
        {
            "year": y,
            "query": q,
            "districts": [
                {
                    "district_id": d.district.district_id,
                    "province": d.district.province,
                    "name_ko": d.name,
                    "winner": d.winner_name,
                    "winner_party": d.winner_party,
                    "how": d.how,
                }
                for d in found
            ],
        }
    )


@router.get("/elections/{year}/districts/{name}", responses=_ERRORS)
def district(year: str, name: str) -> JSONResponse:
    """One district: the record of `korelect district YEAR NAME --json`."""
    y = model.year_of(year)
    found = model.election(y).district(model.check_name(name))
    return _json(model.district_record(y, found))


@router.get("/elections/{year}/indices", responses=_ERRORS)
def indices(year: str, merge_satellites: bool = False, appointed: bool = True) -> JSONResponse:
    """Disproportionality and party-system indices: `korelect indices YEAR --json`.

    `appointed=false` is `--elected-only`: the appointed tier of 1973/1978 left out.
    """
    y = model.year_of(year)
    tiers = model.election_indices(y, merge_satellites=merge_satellites, appointed=appointed)
    return _json(
        {
            "year": y,
            "merge_satellites": merge_satellites,
            "appointed": appointed,
            "tiers": {i.tier: i.to_dict() for i in tiers},
        }
    )


@router.get("/elections/{year}/whatif", responses=_ERRORS)
def whatif(
    request: Request,
    year: str,
    rules: Annotated[str, Query(max_length=4, description="another year's rules")] = "",
    threshold: Annotated[
        str, Query(max_length=60, description="e.g. '3% OR 5 seats', or 'none'")
    ] = "",
    list_seats: Annotated[
        str, Query(max_length=10, description=f"0 to {model.MAX_LIST_SEATS}")
    ] = "",
    method: Annotated[str, Query(max_length=40, description="an apportionment method")] = "",
    cap: Annotated[str, Query(max_length=10, description="linked cap, or 'none'")] = "",
    ties: Annotated[str, Query(max_length=20, description="a tie rule")] = "",
) -> JSONResponse:
    """The year's votes under changed rules; `v.PARTY=VOTES` changes a party's list votes.

    Parties are named by id (see `/api/elections/{year}`); votes are counts (percent
    where a year has published shares only). Every parameter is optional; an empty one
    means unchanged.
    """
    del rules, threshold, list_seats, method, cap, ties  # read, with v.PARTY, below
    y = model.year_of(year)
    params = model.parse_whatif(y, request.query_params)
    return _json(model.whatif(y, params).to_dict())


Sd = Annotated[float, Query(ge=0, le=model.MAX_SD)]


@router.get("/elections/{year}/simulate", responses={**_ERRORS, 503: {"description": "busy"}})
def simulate(
    year: str,
    n: Annotated[int, Query(ge=1, le=model.MAX_SIMULATIONS)] = 500,
    seed: Annotated[int, Query(ge=0, le=model.MAX_SEED)] = 0,
    national_sd: Sd = 0.02,
    regional_sd: Sd = 0.02,
    district_sd: Sd = 0.03,
    list_sd: Sd = 0.02,
    rules: Annotated[str, Query(max_length=4, description="another year's law")] = "",
) -> JSONResponse:
    """Monte Carlo seat projection: `korelect simulate YEAR --json [--rules OTHER]`, bounded."""
    y = model.year_of(year)
    law = model.law_of(y, rules)
    params = model.SimulationParams(n, seed, national_sd, regional_sd, district_sd, list_sd, law)
    return _json(model.run_simulation(y, params).to_dict())
