"""Election results as text tables, in the seed articles' layout."""

from __future__ import annotations

from fractions import Fraction

from korelect.base.numbers import fmt_decimal, fmt_percent, fmt_votes
from korelect.base.table import grid
from korelect.engine.entries import Kind
from korelect.record.election import DistrictResult, ElectionResult, PartyLine, Turnout, party_info


def _pct(value: Fraction | None, places: int = 2) -> str:
    return "-" if value is None else fmt_decimal(value * 100, places)


def _label(p: PartyLine) -> str:
    if p.info.name_en == p.info.name_ko:
        return p.info.name_ko
    return f"{p.info.name_en} ({p.info.name_ko})"


def national_table(result: ElectionResult, *, min_share: Fraction = Fraction(1, 100)) -> str:
    """Party, votes, %, district, list and total seats; small seatless parties grouped."""
    shown = [p for p in result.parties if p.total_seats or p.vote_share >= min_share]
    rest = [p for p in result.parties if p not in shown]
    shares = any(isinstance(p.votes, Fraction) for p in result.parties)
    votes_head = "List %" if shares else "Votes"
    rows = []
    for p in shown:
        votes = (
            ""
            if (shares and not p.votes)
            else (fmt_decimal(p.votes, 2) if shares else fmt_votes(p.votes))
        )
        rows.append(
            [
                _label(p),
                votes,
                _pct(p.vote_share),
                str(p.district_seats),
                str(p.list_seats),
                str(p.total_seats),
            ]
        )
    total = result.allocation.total_votes
    gap = total - sum((Fraction(p.votes) for p in result.parties), Fraction(0))
    rest_votes = sum((Fraction(p.votes) for p in rest), Fraction(0))
    if shares:
        rest_votes, gap = rest_votes + gap, Fraction(0)
    if rest or rest_votes:
        rows.append(
            [
                f"{len(rest)} other parties" if rest else "other parties",
                fmt_decimal(rest_votes, 2) if shares else fmt_votes(rest_votes),
                _pct(rest_votes / total) if total else "-",
                str(sum(p.district_seats for p in rest)),
                str(sum(p.list_seats for p in rest)),
                str(sum(p.total_seats for p in rest)),
            ]
        )
    if gap:
        rows.append(
            [
                "valid votes missing from the counts (see audit)",
                fmt_votes(gap),
                _pct(gap / total),
                "",
                "",
                "",
            ]
        )
    total_votes = result.allocation.total_votes
    rows.append(
        [
            "Total",
            fmt_decimal(total_votes, 2) if shares else fmt_votes(total_votes),
            "100.00" if total_votes else "-",
            str(sum(p.district_seats for p in result.parties)),
            str(sum(p.list_seats for p in result.parties)),
            str(result.total_seats),
        ]
    )
    basis = {"constituency": "constituency votes", "list": "list votes"}[
        result.rules.vote_basis.value
    ]
    if shares:
        basis = "published list-vote shares (%)"
    title = [
        f"{result.rules.name}: {result.total_seats} seats",
        f"List seats by {basis}; district seats from the counts"
        + (" (declared winners: no counts shipped)" if result.turnout.electorate is None else "")
        + ".",
        "",
    ]
    header = ["Party", votes_head, "%", "District", "List", "Total"]
    if shares:  # the published share is the only figure: no second % column
        header, rows = header[:2] + header[3:], [r[:2] + r[3:] for r in rows]
    table = grid(header, rows, rule_before=(len(rows) - 1,))
    return "\n".join([*title, table, "", turnout_lines(result)])


def turnout_lines(result: ElectionResult) -> str:
    """Turnout nationally, for the constituency and (2004–2016) the list ballot."""
    lines = ["Turnout"]
    for label, t in (("Constituency ballot", result.turnout), ("List ballot", result.list_turnout)):
        if t is None:
            continue
        if t.electorate is None:
            lines.append(f"  {label}: no counts shipped for {result.year}")
            continue
        lines.append(
            f"  {label}: electorate {t.electorate:,}; ballots cast {t.ballots_cast:,} "
            f"({_pct(t.rate)}%); valid {t.valid_votes:,}; invalid {t.invalid_votes:,}"
        )
    unopposed = [d.name for d in result.districts if d.how == "unopposed"]
    if unopposed:
        lines.append(f"  Elected unopposed (no vote): {', '.join(unopposed)}")
    return "\n".join(lines)


def _columns(result: ElectionResult) -> list[PartyLine]:
    seated = [p for p in result.parties if p.total_seats and p.kind is not Kind.INDEPENDENT]
    independents = [p for p in result.parties if p.kind is Kind.INDEPENDENT and p.total_seats]
    return seated + independents


def _head(p: PartyLine) -> str:
    if p.kind is Kind.INDEPENDENT:
        return "Ind."
    return p.info.abbr or p.info.name_en


def province_tables(result: ElectionResult) -> str:
    """The seeds' "By city/province" tables: seats won, vote shares, turnout."""
    cols = _columns(result)
    rows = [
        [pl.name_en, str(pl.total_seats), *[str(pl.seats.get(p.info.party_id, 0)) for p in cols]]
        for pl in result.provinces
    ]
    rows.append(
        [
            "Constituency total",
            str(sum(p.district_seats for p in result.parties)),
            *[str(p.district_seats) for p in cols],
        ]
    )
    rows.append(
        [
            "PR list",
            str(sum(p.list_seats for p in result.parties)),
            *[str(p.list_seats) for p in cols],
        ]
    )
    rows.append(["Total", str(result.total_seats), *[str(p.total_seats) for p in cols]])
    n = len(result.provinces)
    parts = [
        f"{result.rules.name}: by city/province",
        "",
        "Seats won",
        grid(["Region", "Total seats", *[_head(p) for p in cols]], rows, rule_before=(n,)),
    ]
    if result.turnout.electorate is not None:
        vote_rows = []
        for pl in result.provinces:
            valid = sum(pl.votes.values())
            vote_rows.append(
                [
                    pl.name_en,
                    *[
                        _pct(
                            Fraction(pl.votes.get(p.info.party_id, 0), valid) if valid else None, 1
                        )
                        for p in cols
                    ],
                ]
            )
        national = sum(sum(pl.votes.values()) for pl in result.provinces)
        vote_rows.append(
            [
                "Total",
                *[
                    _pct(
                        Fraction(
                            sum(pl.votes.get(p.info.party_id, 0) for pl in result.provinces),
                            national,
                        )
                        if national
                        else None,
                        1,
                    )
                    for p in cols
                ],
            ]
        )
        parts += [
            "",
            "Constituency vote (%)",
            grid(["Region", *[_head(p) for p in cols]], vote_rows, rule_before=(n,)),
        ]
    if any(pl.list_votes for pl in result.provinces):
        parts += ["", "List vote (%)", _list_votegrid(result, cols, n)]
    parts += ["", "Turnout", _turnoutgrid(result, n)]
    return "\n".join(parts)


def _list_votegrid(result: ElectionResult, cols: list[PartyLine], n: int) -> str:
    listed = [p for p in cols if any(pl.list_votes.get(p.info.party_id) for pl in result.provinces)]
    rows = []
    for pl in result.provinces:
        valid = sum(pl.list_votes.values())
        shown = sum(pl.list_votes.get(p.info.party_id, 0) for p in listed)
        rows.append(
            [
                pl.name_en,
                *[_pct(Fraction(pl.list_votes.get(p.info.party_id, 0), valid), 1) for p in listed],
                _pct(Fraction(valid - shown, valid), 1),
            ]
        )
    valid = sum(sum(pl.list_votes.values()) for pl in result.provinces)
    shown = sum(
        sum(pl.list_votes.get(p.info.party_id, 0) for p in listed) for pl in result.provinces
    )
    rows.append(
        [
            "Overall total",
            *[
                _pct(
                    Fraction(
                        sum(pl.list_votes.get(p.info.party_id, 0) for pl in result.provinces), valid
                    ),
                    1,
                )
                for p in listed
            ],
            _pct(Fraction(valid - shown, valid), 1),
        ]
    )
    rows.append(
        [
            "Seat allocation",
            *[str(p.list_seats) for p in listed],
            str(sum(p.list_seats for p in result.parties if p not in listed)),
        ]
    )
    return grid(["Region", *[_head(p) for p in listed], "Other"], rows, rule_before=(n,))


def _turnoutgrid(result: ElectionResult, n: int) -> str:
    def cells(t: Turnout | None) -> list[str]:
        if t is None or t.electorate is None:
            return ["-", "-", "-", "-", "-"]
        return [
            f"{t.electorate:,}",
            f"{t.ballots_cast:,}",
            _pct(t.rate),
            f"{t.valid_votes:,}",
            f"{t.invalid_votes:,}",
        ]

    rows = [[pl.name_en, *cells(pl.turnout)] for pl in result.provinces]
    rows.append(["Total", *cells(result.turnout)])
    return grid(
        ["Region", "Electorate", "Ballots cast", "Turnout %", "Valid", "Invalid"],
        rows,
        rule_before=(n,),
    )


def district_text(result: ElectionResult, d: DistrictResult) -> str:
    """One district: its candidates, votes, winner and turnout."""
    dist = d.district
    province = next(p for p in result.provinces if p.code == dist.province)
    lines = [f"{result.year} {province.name_ko} {dist.name_ko} ({province.name_en})", ""]
    if d.count is None:
        lines.append(
            f"No counts shipped. Declared winner: {d.winner_name} "
            f"({party_info(d.winner_party, result.year).name_en}) [{dist.source}]"
        )
        return "\n".join(lines)
    valid = dist.valid_votes
    rows = []
    for c in d.count.candidates:
        info = party_info(c.party_ko, result.year)
        share = _pct(Fraction(c.votes, valid)) if (c.votes is not None and valid) else "-"
        rows.append(
            [
                c.name_ko,
                f"{info.name_en} ({c.party_ko})" if info.name_en != c.party_ko else c.party_ko,
                "-" if c.votes is None else f"{c.votes:,}",
                share,
                "elected" if c.name_ko == d.winner_name else "",
            ]
        )
    lines.append(grid(["Candidate", "Party", "Votes", "%", ""], rows, left=(0, 1, 4)))
    lines.append("")
    how = {
        "plurality": "most votes (art. 188(1))",
        "eldest": f"tie between {', '.join(d.count.tied)}: the eldest wins (art. 188(1))",
        "unopposed": "elected unopposed, without a vote (art. 188(2))",
        "declared": "the declared winner, who differs from the counts (see korelect audit)",
    }[d.how]
    lines.append(f"Winner: {d.winner_name}, {how}.")
    if dist.electorate is not None:
        t = Turnout(dist.electorate, dist.ballots_cast, dist.valid_votes, dist.invalid_votes)
        lines.append(
            f"Electorate {t.electorate:,}; ballots cast {t.ballots_cast:,} ({_pct(t.rate)}%); "
            f"valid {t.valid_votes:,}; invalid {t.invalid_votes:,}."
        )
    lines.append(f"Source: {dist.source}")
    return "\n".join(lines)


def share_label(value: Fraction) -> str:
    """A share for prose."""
    return fmt_percent(value)
