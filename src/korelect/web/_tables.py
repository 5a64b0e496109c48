"""The tables the pages show, as :class:`~korelect.base.table.Table` models (rendered as HTML).

The national table and the seed articles' "By city/province" tables are the
ones the command line prints (``korelect results YEAR [--by province]``),
built once by :mod:`korelect.views.report` in the web explorer's
:data:`~korelect.views.report.WEB` style; the indices table is the web's own.
The templates render every table with :meth:`Table.html`, every text escaped.
"""

from __future__ import annotations

from fractions import Fraction

from korelect.analysis.indices import Indices
from korelect.base.table import Table
from korelect.record.election import ElectionResult
from korelect.views.report import WEB, national_table_model, party_label, province_table_models
from korelect.web._render import fmt_pct

__all__ = ["Table", "indices_table", "national_table", "party_label", "province_tables"]


def national_table(
    result: ElectionResult, *, real: ElectionResult | None = None, all_parties: bool = False
) -> Table:
    """Party, votes, %, district, list, total (and the change from the real result of a what-if)."""
    return national_table_model(result, WEB, real=real, all_parties=all_parties)


def province_tables(result: ElectionResult) -> list[Table]:
    """Seats won by region, constituency (and list) vote shares by region, turnout."""
    return province_table_models(result, WEB)


_ROWS: tuple[tuple[str, str], ...] = (
    ("gallagher", "Gallagher LSq (pp)"),
    ("loosemore_hanby", "Loosemore-Hanby D (pp)"),
    ("sainte_lague", "Sainte-Laguë index"),
    ("advantage_ratio", "Largest advantage ratio"),
    ("enp_votes", "ENP by votes (Laakso-Taagepera)"),
    ("enp_seats", "ENP by seats (Laakso-Taagepera)"),
    ("golosov_votes", "ENP by votes (Golosov)"),
    ("golosov_seats", "ENP by seats (Golosov)"),
)


def indices_table(tiers: tuple[Indices, ...], *, real: tuple[Indices, ...] = ()) -> Table:
    """One row per index, one column per tier (and the real assembly beside a what-if)."""

    def cell(value: Fraction | float | None) -> str:
        return "-" if value is None else f"{float(value):.2f}"

    header = ["Index", *[i.tier for i in tiers]]
    if real:
        header.append("assembly as elected")
    rows = []
    for name, label in _ROWS:
        row = [label, *[cell(getattr(i, name)) for i in tiers]]
        if real:
            row.append(cell(getattr(real[-1], name)))
        rows.append(row)
    first = tiers[0]
    if first.wasted_votes is not None and first.wasted_share is not None:
        wasted = f"{first.wasted_votes:,} ({fmt_pct(first.wasted_share)}% of valid votes)"
    else:
        wasted = "- (no district counts)"
    rows.append(["Votes for losing district candidates", wasted, *[""] * (len(header) - 2)])
    return Table.of(
        "Disproportionality and party-system indices", header, rows, rule_before=[len(_ROWS)]
    )
