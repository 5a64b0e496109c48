"""The tables the pages show, as header and rows of text cells (escaped when rendered).

They follow the command line's tables: the national table of
``korelect results YEAR`` and the seed articles' "By city/province" tables of
``korelect results YEAR --by province``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction

from korelect.analysis.indices import Indices
from korelect.engine.entries import Kind
from korelect.record.election import ElectionResult, PartyLine, Turnout
from korelect.web._render import fmt_number, fmt_pct

__all__ = ["Table", "indices_table", "national_table", "party_label", "province_tables"]


@dataclass(frozen=True)
class Table:
    """A titled table; ``foot`` rows come after a rule (totals)."""

    title: str
    header: list[str]
    rows: list[list[str]]
    foot: list[list[str]] = field(default_factory=list)
    colours: list[str] = field(default_factory=list)
    """A colour per body row (the party's), or empty."""


def party_label(p: PartyLine) -> str:
    """English name with the Korean one, as the command line writes it."""
    if p.info.name_en == p.info.name_ko:
        return p.info.name_ko
    return f"{p.info.name_en} ({p.info.name_ko})"


def _head(p: PartyLine) -> str:
    if p.kind is Kind.INDEPENDENT:
        return "Ind."
    return p.info.abbr or p.info.name_en


def national_table(
    result: ElectionResult, *, real: ElectionResult | None = None, all_parties: bool = False
) -> Table:
    """Party, votes, %, district, list, total (and the real total beside a what-if)."""
    shares = any(isinstance(p.votes, Fraction) for p in result.parties)
    header = ["Party", "List %" if shares else "Votes", "%", "District", "List", "Total"]
    before = {} if real is None else {p.info.party_id: p.total_seats for p in real.parties}
    if real is not None:
        header.append("Change")
    shown = [
        p
        for p in result.parties
        if all_parties or p.total_seats or p.vote_share >= Fraction(1, 100)
    ]
    rows = []
    for p in shown:
        row = [
            party_label(p),
            fmt_number(p.votes),
            fmt_pct(p.vote_share),
            str(p.district_seats),
            str(p.list_seats),
            str(p.total_seats),
        ]
        if real is not None:
            change = p.total_seats - before.get(p.info.party_id, 0)
            row.append(f"{change:+d}" if change else "")
        rows.append(row)
    rest = [p for p in result.parties if p not in shown]
    foot = []
    if rest:
        foot.append(
            [
                f"{len(rest)} other parties",
                fmt_number(sum((Fraction(p.votes) for p in rest), Fraction(0)))
                if shares
                else fmt_number(sum(int(p.votes) for p in rest)),
                fmt_pct(sum((p.vote_share for p in rest), Fraction(0))),
                str(sum(p.district_seats for p in rest)),
                str(sum(p.list_seats for p in rest)),
                str(sum(p.total_seats for p in rest)),
                *([""] if real is not None else []),
            ]
        )
    total = result.allocation.total_votes
    foot.append(
        [
            "Total (valid votes)",
            fmt_number(total if shares else int(total)),
            "100.00",
            str(sum(p.district_seats for p in result.parties)),
            str(sum(p.list_seats for p in result.parties)),
            str(result.total_seats),
            *([""] if real is not None else []),
        ]
    )
    return Table("National result", header, rows, foot, colours=[p.info.colour for p in shown])


def _columns(result: ElectionResult) -> list[PartyLine]:
    seated = [p for p in result.parties if p.total_seats and p.kind is not Kind.INDEPENDENT]
    independents = [p for p in result.parties if p.kind is Kind.INDEPENDENT and p.total_seats]
    return seated + independents


def _share(part: int, whole: int) -> str:
    return fmt_pct(Fraction(part, whole), 1) if whole else "-"


def _turnout(t: Turnout | None) -> list[str]:
    if t is None or t.electorate is None:
        return ["-"] * 5
    return [
        fmt_number(t.electorate),
        fmt_number(t.ballots_cast),
        fmt_pct(t.rate),
        fmt_number(t.valid_votes),
        fmt_number(t.invalid_votes),
    ]


def province_tables(result: ElectionResult) -> list[Table]:
    """Seats won by region, constituency (and list) vote shares by region, turnout."""
    cols = _columns(result)
    heads = [_head(p) for p in cols]
    tables = [
        Table(
            "Seats won",
            ["Region", "Total seats", *heads],
            [
                [
                    pl.name_en,
                    str(pl.total_seats),
                    *[str(pl.seats.get(p.info.party_id, 0)) for p in cols],
                ]
                for pl in result.provinces
            ],
            [
                [
                    "Constituency total",
                    str(sum(p.district_seats for p in result.parties)),
                    *[str(p.district_seats) for p in cols],
                ],
                [
                    "PR list",
                    str(sum(p.list_seats for p in result.parties)),
                    *[str(p.list_seats) for p in cols],
                ],
                ["Total", str(result.total_seats), *[str(p.total_seats) for p in cols]],
            ],
        )
    ]
    if result.turnout.electorate is not None:
        national = sum(sum(pl.votes.values()) for pl in result.provinces)
        tables.append(
            Table(
                "Constituency vote (%)",
                ["Region", *heads],
                [
                    [
                        pl.name_en,
                        *[
                            _share(pl.votes.get(p.info.party_id, 0), sum(pl.votes.values()))
                            for p in cols
                        ],
                    ]
                    for pl in result.provinces
                ],
                [
                    [
                        "Total",
                        *[
                            _share(
                                sum(pl.votes.get(p.info.party_id, 0) for pl in result.provinces),
                                national,
                            )
                            for p in cols
                        ],
                    ]
                ],
            )
        )
    if any(pl.list_votes for pl in result.provinces):
        listed = [
            p for p in cols if any(pl.list_votes.get(p.info.party_id) for pl in result.provinces)
        ]
        rows = []
        for pl in result.provinces:
            valid = sum(pl.list_votes.values())
            shown = sum(pl.list_votes.get(p.info.party_id, 0) for p in listed)
            rows.append(
                [
                    pl.name_en,
                    *[_share(pl.list_votes.get(p.info.party_id, 0), valid) for p in listed],
                    _share(valid - shown, valid),
                ]
            )
        valid = sum(sum(pl.list_votes.values()) for pl in result.provinces)
        shown = sum(
            sum(pl.list_votes.get(p.info.party_id, 0) for p in listed) for pl in result.provinces
        )
        tables.append(
            Table(
                "List vote (%)",
                ["Region", *[_head(p) for p in listed], "Other"],
                rows,
                [
                    [
                        "Overall total",
                        *[
                            _share(
                                sum(
                                    pl.list_votes.get(p.info.party_id, 0) for pl in result.provinces
                                ),
                                valid,
                            )
                            for p in listed
                        ],
                        _share(valid - shown, valid),
                    ],
                    [
                        "Seat allocation",
                        *[str(p.list_seats) for p in listed],
                        str(sum(p.list_seats for p in result.parties if p not in listed)),
                    ],
                ],
            )
        )
    tables.append(
        Table(
            "Turnout",
            ["Region", "Electorate", "Ballots cast", "Turnout %", "Valid", "Invalid"],
            [[pl.name_en, *_turnout(pl.turnout)] for pl in result.provinces],
            [["Total", *_turnout(result.turnout)]],
        )
    )
    return tables


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
    return Table(
        "Disproportionality and party-system indices",
        header,
        rows,
        [["Votes for losing district candidates", wasted, *[""] * (len(header) - 2)]],
    )
