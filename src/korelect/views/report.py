"""Election results as tables, in the seed articles' layout: built once, rendered three ways.

:func:`national_table_model` and :func:`province_table_models` build the
national and the "By city/province" tables as :class:`~korelect.base.table.Table`
models. The text report renders them (:func:`national_table`,
:func:`province_tables`), and so do the web explorer
(:mod:`korelect.web._tables`, as HTML) and the seed-format article
(:mod:`korelect.views.article_writer`, as pipe tables). Where the three print a
table differently (names, rows, columns, empty cells), a :class:`Style` says
how: :data:`TEXT`, :data:`WEB` or :data:`ARTICLE`.

Every number is exact until printed, then rounded half up
(:func:`korelect.base.numbers.fmt_decimal`): 2 decimals in the national table
and for turnout, 1 for the shares by province.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from fractions import Fraction

from korelect.base.numbers import Number, fmt_decimal, fmt_percent, fmt_votes
from korelect.base.table import Cell, Column, Table, grid
from korelect.engine.entries import Kind
from korelect.law.rules import VoteBasis
from korelect.record.election import DistrictResult, ElectionResult, PartyLine, Turnout, party_info
from korelect.record.turnout import turnout_coverage

__all__ = [
    "ARTICLE",
    "TEXT",
    "WEB",
    "Style",
    "column_label",
    "district_text",
    "elected_line",
    "national_table",
    "national_table_model",
    "party_label",
    "province_table_models",
    "province_tables",
    "share_label",
    "turnout_lines",
]

MIN_SHARE = Fraction(1, 100)
"""Parties below this national share are grouped in the national table's "other parties"."""


@dataclass(frozen=True, slots=True)
class Style:
    """How one output prints the tables, where the text report, web and article differ."""

    name: str
    bilingual: bool = True
    """Party names ``English (한국어)``; else English only."""

    # -- the national table
    national_title: str = ""
    seat_heads: tuple[str, str, str] = ("District", "List", "Total")
    parties_only: bool = False
    """Only parties in the party and other-parties rows; independents in a row of their own."""
    count_others: bool = True
    """``7 other parties`` (else ``Other parties``)."""
    gap_label: str = ""
    """The row of valid votes that no line counts; "" counts no such votes (no row)."""
    gap_seats: str = ""
    """The gap row's seat cells."""
    total_label: str = "Total"
    blank_no_votes: bool = False
    """Empty vote and % cells for a row with no votes."""
    no_share: str = ""
    """The vote cell of a party with no list-tier votes (2020, 2024: parties with no list)."""
    pct_with_shares: bool = False
    """Keep the % column where the votes are published shares (it repeats them)."""
    rule_before_others: bool = False
    """The rule (HTML: the table's foot) before the first row that is not a party shown."""

    # -- the "By city/province" tables
    seed_layout: bool = False
    """The seeds' tables of the era (by the year's own law): 1988–2000 the seat table
    alone, from 2004 the seats with the constituency vote % beside them and the list-vote
    table; else seats, constituency vote, list vote and turnout, each a table."""
    seats_title: str = "Seats won"
    seats_group: str = ""
    """A heading over the party columns of the seat table."""
    votes_title: str = "Constituency vote (%)"
    list_title: str = "List vote (%)"
    missing: str = "-"
    """A share of no votes."""
    min_share: Fraction = Fraction(0)
    """Least national share for a vote-% column by province (0: any party with votes)."""


TEXT = Style("text", gap_label="valid votes missing from the counts (see audit)")
"""The text report of ``korelect results YEAR [--by province]``."""
WEB = Style(
    "web",
    national_title="National result",
    total_label="Total (valid votes)",
    no_share="0",
    pct_with_shares=True,
    rule_before_others=True,
)
"""The web explorer's election and what-if pages."""
ARTICLE = Style(
    "article",
    bilingual=False,
    seat_heads=("Constituency seats", "List seats", "Total seats"),
    parties_only=True,
    count_others=False,
    gap_label="Votes missing from the candidates' counts",
    gap_seats="0",
    blank_no_votes=True,
    seed_layout=True,
    seats_title="",
    seats_group="Seats won",
    votes_title="Constituency results by city/provinces",
    list_title="Party list vote results by city/provinces",
    missing="",
    min_share=MIN_SHARE,
)
"""The seed-format article of ``korelect article write YEAR``."""


def _pct(value: Fraction | None, places: int = 2) -> str:
    return "-" if value is None else fmt_decimal(value * 100, places)


def _count(n: int) -> Cell:
    return Cell(str(n), n)


def _share(share: Fraction | None, places: int, missing: str) -> Cell:
    """A share of 1 printed as a percentage; ``missing`` where there is none."""
    if share is None:
        return Cell(missing)
    return Cell(fmt_decimal(share * 100, places), share * 100)


def _part(part: int, whole: int, missing: str) -> Cell:
    """``part`` of ``whole`` as a percentage to 1 decimal."""
    return _share(Fraction(part, whole) if whole else None, 1, missing)


def party_label(p: PartyLine) -> str:
    """English name with the Korean one, as the command line writes it."""
    if p.info.name_en == p.info.name_ko:
        return p.info.name_ko
    return f"{p.info.name_en} ({p.info.name_ko})"


def column_label(p: PartyLine) -> str:
    """A party's column heading: its abbreviation, else its English name."""
    if p.kind is Kind.INDEPENDENT:
        return "Ind."
    return p.info.abbr or p.info.name_en


def _shares_only(result: ElectionResult) -> bool:
    return any(isinstance(p.votes, Fraction) for p in result.parties)


# -- the national table -------------------------------------------------------------------


def national_table_model(
    result: ElectionResult,
    style: Style = TEXT,
    *,
    min_share: Fraction = MIN_SHARE,
    real: ElectionResult | None = None,
    all_parties: bool = False,
) -> Table:
    """Party, votes, %, district, list and total seats; small seatless parties grouped.

    Where the votes are published shares (percent) they are the only figure:
    no % column (unless ``style.pct_with_shares``). With ``real``, a last
    column gives each party's change from the real result (a what-if);
    ``all_parties`` lists every party, none grouped.
    """
    shares = _shares_only(result)
    total = result.allocation.total_votes
    lines = [p for p in result.parties if p.kind is Kind.PARTY or not style.parties_only]
    shown = [p for p in lines if all_parties or p.total_seats or p.vote_share >= min_share]
    rest = [p for p in lines if p not in shown]
    independents = (
        [p for p in result.parties if p.kind is Kind.INDEPENDENT] if style.parties_only else []
    )
    rest_votes = sum((Fraction(p.votes) for p in rest), Fraction(0))
    gap = Fraction(0)
    if style.gap_label:
        gap = total - sum((Fraction(p.votes) for p in result.parties), Fraction(0))
        if shares:  # the published shares leave the rest to the other parties
            rest_votes, gap = rest_votes + gap, Fraction(0)
    with_pct = style.pct_with_shares or not shares

    def votes(value: Number, *, party: bool = False) -> list[Cell]:
        """The votes and their share (a party's ``party``)."""
        if not value and style.blank_no_votes:
            return [Cell(""), Cell("")]
        pct = _share(Fraction(value) / total if total else None, 2, "-")
        if not value and shares and party:
            return [Cell(style.no_share), pct]
        return [Cell(fmt_decimal(value, 2) if shares else fmt_votes(value), value), pct]

    def seats(group: list[PartyLine]) -> list[Cell]:
        return [
            _count(sum(p.district_seats for p in group)),
            _count(sum(p.list_seats for p in group)),
            _count(sum(p.total_seats for p in group)),
        ]

    before = {} if real is None else {p.info.party_id: p.total_seats for p in real.parties}
    rows: list[list[Cell]] = []
    for p in shown:
        row = [Cell(party_label(p) if style.bilingual else p.info.name_en)]
        row += [*votes(p.votes, party=True), *seats([p])]
        if real is not None:
            change = p.total_seats - before.get(p.info.party_id, 0)
            row.append(Cell(f"{change:+d}" if change else "", change))
        rows.append(row)
    if rest or rest_votes:
        label = "Other parties"
        if style.count_others:
            label = f"{len(rest)} other parties" if rest else "other parties"
        rows.append([Cell(label), *votes(rest_votes), *seats(rest)])
    if independents:
        votes_ind = sum((Fraction(p.votes) for p in independents), Fraction(0))
        rows.append([Cell("Independents"), *votes(votes_ind), *seats(independents)])
    if gap:
        rows.append([Cell(style.gap_label), *votes(gap), *[Cell(style.gap_seats)] * 3])
    rows.append(
        [
            Cell(style.total_label),
            Cell(fmt_decimal(total, 2) if shares else fmt_votes(total), total),
            Cell("100.00", 100) if total else Cell("-"),
            *seats(list(result.parties)),
        ]
    )
    header = ["Party", "List %" if shares else "Votes", "%", *style.seat_heads]
    if real is not None:
        header.append("Change")
        for row in rows[len(shown) :]:
            row.append(Cell(""))
    if not with_pct:
        header, rows = header[:2] + header[3:], [r[:2] + r[3:] for r in rows]
    return Table.of(
        style.national_title,
        header,
        rows,
        rule_before=(len(shown) if style.rule_before_others else len(rows) - 1,),
        colours=[p.info.colour for p in shown],
    )


def national_table(result: ElectionResult, *, min_share: Fraction = MIN_SHARE) -> str:
    """Party, votes, %, district, list and total seats; small seatless parties grouped."""
    basis = {"constituency": "constituency votes", "list": "list votes"}[
        result.rules.vote_basis.value
    ]
    if _shares_only(result):
        basis = "published list-vote shares (%)"
    districts = "district seats from the counts"
    if all(d.count is None for d in result.districts):
        districts = "district seats as declared (no counts shipped)"
    tier = result.rules.list_tier
    if tier.formula == "appointed":
        bloc = next((p for p in result.parties if p.kind is Kind.APPOINTED), None)
        named = f" ({bloc.info.name_en}, {bloc.info.name_ko})" if bloc is not None else ""
        how = (
            f"The {result.rules.list_seats} seats of the national tier filled by appointment"
            f"{named}, not by votes; {districts}"
        )
    elif not result.rules.list_seats:
        how = f"No national tier: the assembly is its {result.rules.district_seats} {districts}"
    else:
        how = f"List seats by {basis}; {districts}"
    if result.rules.district_magnitude > 1:
        how += f", {result.rules.district_magnitude} members a district"
    title = [f"{result.rules.name}: {result.total_seats} seats", f"{how}.", ""]
    table = national_table_model(result, TEXT, min_share=min_share).text()
    return "\n".join([*title, table, "", turnout_lines(result)])


def turnout_lines(result: ElectionResult) -> str:
    """Turnout nationally, for the constituency and (2004–2024) the list ballot.

    Where the counts give the electorate and ballots of some districts only (1948–1967),
    the figures are said to be theirs, not the country's; where valid and invalid votes do
    not add up to the ballots cast (1973–1985's invalid votes), that is said too.
    """
    lines = ["Turnout"]
    coverage = turnout_coverage(result)
    for label, t in (("Constituency ballot", result.turnout), ("List ballot", result.list_turnout)):
        if t is None:
            continue
        if t.electorate is None:
            counted = any(d.count is not None for d in result.districts)
            lines.append(
                f"  {label}: "
                + (
                    f"the sources give no electorate or ballots cast for {result.year}"
                    if counted
                    else f"no counts shipped for {result.year}"
                )
            )
            continue
        line = (
            f"  {label}: electorate {t.electorate:,}; ballots cast {t.ballots_cast:,} "
            f"({_pct(t.rate)}%); valid {t.valid_votes:,}; invalid {t.invalid_votes:,}"
        )
        if label.startswith("Constituency") and not coverage.complete:
            line = (
                f"  {label}, the {coverage.covered} of {coverage.voted} districts that voted "
                f"with figures: electorate {coverage.electorate:,}; ballots cast "
                f"{coverage.ballots_cast:,} ({_pct(coverage.rate)}%)"
            )
        elif label.startswith("Constituency"):
            off = sum(
                1
                for d in result.districts
                if d.district.ballots_cast is not None
                and d.district.valid_votes is not None
                and d.district.invalid_votes is not None
                and d.district.valid_votes + d.district.invalid_votes != d.district.ballots_cast
            )
            if off:
                line += (
                    f" (valid + invalid is not the ballots cast in {off} districts: "
                    "see korelect audit)"
                )
        lines.append(line)
    unopposed = [d.name for d in result.districts if d.how == "unopposed"]
    if unopposed:
        lines.append(f"  Elected unopposed (no vote): {', '.join(unopposed)}")
    return "\n".join(lines)


# -- the "By city/province" tables ----------------------------------------------------------


def _columns(result: ElectionResult) -> list[PartyLine]:
    """The parties with seats, then the independents (if they won any)."""
    seated = [p for p in result.parties if p.total_seats and p.kind is not Kind.INDEPENDENT]
    independents = [p for p in result.parties if p.kind is Kind.INDEPENDENT and p.total_seats]
    return seated + independents


NATIONAL_TIER_ROW = "PR list"
"""The seat table's row of the national tier's seats (the seeds' name)."""
APPOINTED_ROW = "Appointed"
"""Its name where the national tier is appointed, not elected (1973, 1978)."""


def _seats_won(result: ElectionResult, style: Style) -> Table:
    """Seats won by region, then the constituency total, the PR list and the total.

    Without a national tier (1948–1960, or rules without one) one Total row, the
    constituency seats, ends the table; an appointed tier's row is "Appointed".
    """
    cols = _columns(result)
    rows = [
        [
            Cell(pl.name_en),
            _count(pl.total_seats),
            *[_count(pl.seats.get(p.info.party_id, 0)) for p in cols],
        ]
        for pl in result.provinces
    ]
    national = APPOINTED_ROW if result.rules.list_tier.formula == "appointed" else NATIONAL_TIER_ROW
    tiers: tuple[tuple[str, Callable[[PartyLine], int]], ...] = (
        ("Constituency total", lambda p: p.district_seats),
        (national, lambda p: p.list_seats),
        ("Total", lambda p: p.total_seats),
    )
    if not result.rules.list_seats:
        tiers = tiers[2:]
    for label, seats in tiers:
        rows.append(
            [
                Cell(label),
                _count(sum(seats(p) for p in result.parties)),
                *[_count(seats(p)) for p in cols],
            ]
        )
    columns = (
        Column("Region", "left"),
        Column("Total seats"),
        *[Column(column_label(p), group=style.seats_group) for p in cols],
    )
    return Table(
        style.seats_title,
        columns,
        tuple(tuple(r) for r in rows),
        rule_before=(len(result.provinces),),
    )


def _constituency_votes(result: ElectionResult, style: Style) -> Table:
    """Each seated party's (and the independents') share of the constituency vote by region."""
    cols = [p for p in _columns(result) if p.kind is not Kind.APPOINTED]
    rows: list[list[Cell | str]] = [
        [
            pl.name_en,
            *[
                _part(pl.votes.get(p.info.party_id, 0), sum(pl.votes.values()), style.missing)
                for p in cols
            ],
        ]
        for pl in result.provinces
    ]
    national = sum(sum(pl.votes.values()) for pl in result.provinces)
    rows.append(
        [
            "Total",
            *[
                _part(
                    sum(pl.votes.get(p.info.party_id, 0) for pl in result.provinces),
                    national,
                    style.missing,
                )
                for p in cols
            ],
        ]
    )
    return Table.of(
        style.votes_title,
        ["Region", *[column_label(p) for p in cols]],
        rows,
        rule_before=(len(result.provinces),),
    )


def _seats_and_votes(result: ElectionResult, style: Style) -> Table:
    """The 2004 layout: constituency seats and vote % by region, under each party's name.

    Only parties with ``style.min_share`` of the constituency vote get a % column;
    with no counts (2024) the table is seats only, under one header row.
    """
    with_seats = [p for p in result.parties if p.district_seats and p.kind is not Kind.OTHER]
    cols = [p for p in with_seats if p.kind is Kind.PARTY] + [
        p for p in with_seats if p.kind is Kind.INDEPENDENT
    ]
    votes: dict[str, int] = {}
    for pl in result.provinces:
        for pid, v in pl.votes.items():
            votes[pid] = votes.get(pid, 0) + v
    valid = sum(votes.values())
    pct = {
        p.info.party_id
        for p in cols
        if p.kind is Kind.PARTY
        and valid
        and Fraction(votes.get(p.info.party_id, 0), valid) >= style.min_share
    }
    columns = [Column("Region", "left")]
    for p in cols:
        if pct:
            columns.append(Column("Seats", group=column_label(p)))
        else:
            columns.append(Column(column_label(p)))
        if p.info.party_id in pct:
            columns.append(Column("%", group=column_label(p)))
    columns.append(Column("Total seats"))

    def cells(seats: dict[str, int], party_votes: dict[str, int]) -> list[Cell]:
        whole = sum(party_votes.values())
        out = []
        for p in cols:
            out.append(_count(seats.get(p.info.party_id, 0)))
            if p.info.party_id in pct:
                out.append(_part(party_votes.get(p.info.party_id, 0), whole, style.missing))
        return out

    rows = [
        (Cell(pl.name_en), *cells(dict(pl.seats), dict(pl.votes)), _count(pl.total_seats))
        for pl in result.provinces
    ]
    national = {p.info.party_id: p.district_seats for p in cols}
    rows.append(
        (
            Cell("Total"),
            *cells(national, votes),
            _count(sum(p.district_seats for p in result.parties)),
        )
    )
    return Table(
        style.votes_title, tuple(columns), tuple(rows), rule_before=(len(result.provinces),)
    )


def _list_votes(result: ElectionResult, style: Style) -> Table:
    """List vote % by region, overall, and the list seats allocated (2004–2016)."""
    totals: dict[str, int] = {}
    for pl in result.provinces:
        for pid, v in pl.list_votes.items():
            totals[pid] = totals.get(pid, 0) + v
    valid = sum(totals.values())
    listed = [
        p
        for p in _columns(result)
        if p.kind is not Kind.INDEPENDENT
        and totals.get(p.info.party_id, 0)
        and Fraction(totals[p.info.party_id], valid) >= style.min_share
    ]

    def cells(party_votes: dict[str, int]) -> list[Cell]:
        whole = sum(party_votes.values())
        shown = sum(party_votes.get(p.info.party_id, 0) for p in listed)
        return [
            *[_part(party_votes.get(p.info.party_id, 0), whole, style.missing) for p in listed],
            _part(whole - shown, whole, style.missing),
        ]

    rows = [[Cell(pl.name_en), *cells(dict(pl.list_votes))] for pl in result.provinces]
    rows.append([Cell("Overall total"), *cells(totals)])
    if result.rules.list_seats and result.rules.list_tier.formula != "appointed":
        # the seats the list vote gave (none under rules without an elected national tier)
        rows.append(
            [
                Cell("Seat allocation"),
                *[_count(p.list_seats) for p in listed],
                _count(sum(p.list_seats for p in result.parties if p not in listed)),
            ]
        )
    return Table.of(
        style.list_title,
        ["Region", *[column_label(p) for p in listed], "Other"],
        rows,
        rule_before=(len(result.provinces),),
    )


def _turnout(result: ElectionResult) -> Table:
    """Electorate, ballots cast, turnout, valid and invalid votes by region."""

    def cells(t: Turnout | None) -> list[Cell | str]:
        if t is None or t.electorate is None:
            return ["-"] * 5
        return [
            Cell(f"{t.electorate:,}", t.electorate),
            Cell(f"{t.ballots_cast:,}", t.ballots_cast),
            _share(t.rate, 2, "-"),
            Cell(f"{t.valid_votes:,}", t.valid_votes),
            Cell(f"{t.invalid_votes:,}", t.invalid_votes),
        ]

    rows = [[pl.name_en, *cells(pl.turnout)] for pl in result.provinces]
    rows.append(["Total", *cells(result.turnout)])
    return Table.of(
        "Turnout",
        ["Region", "Electorate", "Ballots cast", "Turnout %", "Valid", "Invalid"],
        rows,
        rule_before=(len(result.provinces),),
    )


def province_table_models(result: ElectionResult, style: Style = TEXT) -> list[Table]:
    """The seeds' "By city/province" tables: seats won, vote shares, list votes, turnout.

    By default (the text report and the web explorer): seats won, the
    constituency vote % (where there are counts), the list vote % (2004–2016)
    and turnout. With ``style.seed_layout`` (the article), the seeds' tables of
    the era, by the year's own law.
    """
    listed = any(pl.list_votes for pl in result.provinces)
    if style.seed_layout:
        if result.law.vote_basis is VoteBasis.CONSTITUENCY:
            return [_seats_won(result, style)]
        return [_seats_and_votes(result, style)] + ([_list_votes(result, style)] if listed else [])
    tables = [_seats_won(result, style)]
    if any(any(pl.votes.values()) for pl in result.provinces):  # counts (1948-1958: no turnout)
        tables.append(_constituency_votes(result, style))
    if listed:
        tables.append(_list_votes(result, style))
    if any(pl.turnout.electorate is not None for pl in result.provinces):
        tables.append(_turnout(result))
    return tables


def province_tables(result: ElectionResult) -> str:
    """The seeds' "By city/province" tables: seats won, vote shares, turnout."""
    tables = [t.text() for t in province_table_models(result, TEXT)]
    return "\n\n".join([f"{result.rules.name}: by city/province", *tables])


# -- one district -------------------------------------------------------------------------


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
    elected = [(name, party) for name, party in d.members]
    for c in d.count.candidates:
        info = party_info(c.party_ko, result.year)
        share = _pct(Fraction(c.votes, valid)) if (c.votes is not None and valid) else "-"
        mark = ""
        if (c.name_ko, c.party_ko) in elected:  # namesakes: only the one elected is marked
            elected.remove((c.name_ko, c.party_ko))
            mark = "elected"
        rows.append(
            [
                c.name_ko,
                f"{info.name_en} ({c.party_ko})" if info.name_en != c.party_ko else c.party_ko,
                "-" if c.votes is None else f"{c.votes:,}",
                share,
                mark,
            ]
        )
    lines.append(grid(["Candidate", "Party", "Votes", "%", ""], rows, left=(0, 1, 4)))
    lines.append("")
    lines.append(elected_line(result.year, d))
    if dist.electorate is not None:
        t = Turnout(dist.electorate, dist.ballots_cast, dist.valid_votes, dist.invalid_votes)
        lines.append(
            f"Electorate {t.electorate:,}; ballots cast {t.ballots_cast:,} ({_pct(t.rate)}%); "
            f"valid {t.valid_votes:,}; invalid {t.invalid_votes:,}."
        )
    lines.append(f"Source: {dist.source}")
    return "\n".join(lines)


def elected_line(year: int, d: DistrictResult) -> str:
    """Who the district elected and by which rule, citing the law where it was read.

    >>> from korelect import results
    >>> r = results(1973)
    >>> elected_line(1973, r.district("서울 종로구"))
    'Elected: 장기영, 정일형: the 2 with most votes in a 2-member district.'
    >>> elected_line(2004, results(2004).district("서울 종로구"))
    'Winner: 박진, most votes (art. 188(1)).'
    """
    if d.count is None:
        return (
            f"Winner: {d.winner_name}, declared without a count shipped"
            if len(d.members) == 1
            else f"Elected: {', '.join(n for n, _ in d.members)}, declared without a count shipped"
        ) + "."
    since_1994 = year >= 1996  # the Public Official Election Act (공직선거법) of 1994

    def cite(art: str) -> str:
        return f" (art. {art})" if since_1994 else ""

    many = len(d.members)
    if many > 1:
        names = ", ".join(name for name, _ in d.members)
        how = {
            "plurality": f"the {many} with most votes in a {many}-member district",
            "eldest": (
                f"the {many} with most votes in a {many}-member district; a tie between "
                f"{', '.join(d.count.tied)} for the last seat went to the eldest (LAW.md §6: "
                "the tie rule of the time is not verified)"
            ),
            "unopposed": f"elected unopposed, without a vote, as {many} candidates stood for "
            f"{many} seats",
            "declared": "as declared, which differs from the counts (see korelect audit)",
        }[d.how]
        return f"Elected: {names}: {how}."
    tie_rule = (
        "the eldest wins (art. 188(1))"
        if since_1994
        else "the eldest wins (LAW.md §6: the tie rule of the time is not verified)"
    )
    how = {
        "plurality": f"most votes{cite('188(1)')}",
        "eldest": f"tie between {', '.join(d.count.tied)}: {tie_rule}",
        "unopposed": f"elected unopposed, without a vote{cite('188(2)')}",
        "declared": "the declared winner, who differs from the counts (see korelect audit)",
    }[d.how]
    return f"Winner: {d.winner_name}, {how}."


def share_label(value: Fraction) -> str:
    """A share for prose."""
    return fmt_percent(value)
