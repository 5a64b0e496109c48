"""What the audit's checks share: sources, check names, curated tables, helpers, context.

The computed election itself is :class:`korelect.record.computed.ComputedElection`,
shared with the article checker.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping

from korelect.law.registry import rules_for
from korelect.record.computed import ComputedElection, election_dates
from korelect.record.data import Dataset
from korelect.record.election import results
from korelect.record.findings import NO_COUNT, NO_RESULT, Finding

INDEPENDENT = "무소속"
WINNERS_PRIMARY = "krvote/chongun_winner.converted.csv"
POLLING: Mapping[int, tuple[str, str]] = {
    2012: ("polling_2012.csv.gz", "krvote/general_2012.rda"),
    2016: ("polling_2016.csv.gz", "krvote/general_2016.rda"),
    2020: ("polling_2020.csv.gz", "krvote/general_2020_long.converted.csv"),
}
"""Years with polling-station counts: the shipped file and its source."""
SEED_FILE = "seed_tables.csv"
CRAWL_DISTRICTS_FILE = "crawl_districts.csv"
"""The second crawl of the district counts (1948–2020; ``scripts/build_crawls.py``)."""
OFFICIAL_SOURCE = "official/national_results.csv"

# -- check names, in report order ----------------------------------------------------------
DISTRICTS_LAW = "districts vs law"
DECLARED = "declared winner vs counts"
DECLARED_PARTY = "winner's party"
SECOND = "second declaration"
WINNER_BIRTH = "winner's birth date"
WINNER_VOTES = "declared winner's votes"
WINNER_PCT = "declared winner's vote %"
CANDIDATES_VALID = "candidates vs valid votes"
VALID_BALLOTS = "valid + invalid vs ballots"
BALLOTS_ELECTORATE = "ballots + abstentions vs electorate"
LIST_PROVINCE = "list: province vs sigungu"
LIST_VALID = "list: parties vs valid votes"
LIST_TURNOUT = "list: turnout arithmetic"
STATION_SUM = "stations: candidates vs 계"
STATION_BALLOTS = "stations: 계 + invalid vs 투표수"
STATION_ELECTORATE = "stations: 투표수 + 기권수 vs 선거인수"
STATION_KIND = "stations: ballots over electorate"
STATION_DISTRICT = "stations vs district table"
STATION_WINNER = "declared winner vs stations"
CRAWL_DISTRICT = "crawls: district in one source only"
CRAWL_WINNER = "crawls: winner"
CRAWL_WINNER_PARTY = "crawls: winner's party"
CRAWL_CANDIDATE = "crawls: candidate in one source only"
CRAWL_NAME = "crawls: candidate's name"
CRAWL_VOTES = "crawls: candidate's votes"
CRAWL_PARTY = "crawls: candidate's party"
CRAWL_ELECTORATE = "crawls: electorate"
CRAWL_BALLOTS = "crawls: ballots cast"
CRAWL_VALID = "crawls: valid votes"
CRAWL_INVALID = "crawls: invalid votes"
CRAWL_FIGURES: Mapping[str, str] = {
    "electorate": CRAWL_ELECTORATE,
    "ballots_cast": CRAWL_BALLOTS,
    "valid_votes": CRAWL_VALID,
    "invalid_votes": CRAWL_INVALID,
}
"""The check of each district figure the crawls are compared on."""
OFFICIAL_SEATS = "official seats"
OFFICIAL_PCT = "official vote %"
PUBLISHED_LIST_PCT = "published list % vs list votes"
SEED_SEATS = "seed: seats"
SEED_SUMS = "seed: table arithmetic"
SEED_PCT = "seed: vote %"
SEED_INFOBOX = "seed: infobox"
SEED_TURNOUT = "seed: turnout"
SEED_PROSE = "seed: prose"

CHECKS: tuple[str, ...] = (
    DISTRICTS_LAW,
    DECLARED,
    DECLARED_PARTY,
    NO_RESULT,
    NO_COUNT,
    SECOND,
    WINNER_BIRTH,
    WINNER_VOTES,
    WINNER_PCT,
    CANDIDATES_VALID,
    VALID_BALLOTS,
    BALLOTS_ELECTORATE,
    LIST_PROVINCE,
    LIST_VALID,
    LIST_TURNOUT,
    STATION_SUM,
    STATION_BALLOTS,
    STATION_ELECTORATE,
    STATION_KIND,
    STATION_DISTRICT,
    STATION_WINNER,
    CRAWL_DISTRICT,
    CRAWL_WINNER,
    CRAWL_WINNER_PARTY,
    CRAWL_CANDIDATE,
    CRAWL_NAME,
    CRAWL_VOTES,
    CRAWL_PARTY,
    CRAWL_ELECTORATE,
    CRAWL_BALLOTS,
    CRAWL_VALID,
    CRAWL_INVALID,
    OFFICIAL_SEATS,
    OFFICIAL_PCT,
    PUBLISHED_LIST_PCT,
    SEED_SEATS,
    SEED_SUMS,
    SEED_PCT,
    SEED_INFOBOX,
    SEED_TURNOUT,
    SEED_PROSE,
)
"""Every check's name, in the order findings are reported within a year."""

#: The seed articles' party labels (table abbreviations and infobox names, without
#: a trailing "(South Korea)") as the data name the party that year.
SEED_PARTIES: Mapping[int, Mapping[str, str]] = {
    1992: {
        "DLP": "민주자유당",
        "Democratic Liberal Party": "민주자유당",
        "DP": "민주당",
        "Democratic": "민주당",
        "Democratic Party": "민주당",
        "UNP": "통일국민당",
        "Unification National Party": "통일국민당",
        "NPRP": "신정치개혁당",
        "New Political Reform Party": "신정치개혁당",
        "Ind.": INDEPENDENT,
    },
    1996: {
        "NKP": "신한국당",
        "New Korea Party": "신한국당",
        "NCNP": "새정치국민회의",
        "National Congress for New Politics": "새정치국민회의",
        "ULD": "자유민주연합",
        "United Liberal Democrats": "자유민주연합",
        "UDP": "통합민주당",
        "United Democratic": "통합민주당",
        "United Democratic Party": "통합민주당",
        "Ind.": INDEPENDENT,
    },
    2004: {
        "Uri": "열린우리당",
        "Uri Party": "열린우리당",
        "GNP": "한나라당",
        "Grand National Party": "한나라당",
        "DLP": "민주노동당",
        "Democratic Labor Party": "민주노동당",
        "MDP": "새천년민주당",
        "Millennium Democratic Party": "새천년민주당",
        "ULD": "자민련",
        "United Liberal Democrats": "자민련",
        "NI21": "국민통합21",
        "Ind.": INDEPENDENT,
    },
}

#: For the seeds' "Last Election", "Seat Change" and "Swing": the parties of the
#: previous election a party continues (renamed, or formed by their merger). A party
#: not listed was new: founded since, or split off (ULD 1995, NCNP 1995, Uri 2003).
CONTINUES: Mapping[int, Mapping[str, tuple[str, ...]]] = {
    1992: {"민주자유당": ("민주정의당", "통일민주당", "신민주공화당"), "민주당": ("평화민주당",)},
    1996: {"신한국당": ("민주자유당",), "통합민주당": ("민주당",)},
    2000: {"한나라당": ("신한국당", "통합민주당"), "새천년민주당": ("새정치국민회의",)},
    2004: {
        "한나라당": ("한나라당",),
        "민주노동당": ("민주노동당",),
        "새천년민주당": ("새천년민주당",),
        "자민련": ("자유민주연합",),
    },
}

#: Kinds of 2020 polling-station rows whose electorate does not cover their ballots
#: by the way they are recorded, and why. Ordinary stations are reported one by one.
STATION_KINDS: Mapping[str, str] = {
    "국외부재자투표(공관)": (
        "overseas absentee ballots cast at missions: the voters are on the district's "
        "국외부재자투표 row, so this row's electorate is 0 and its abstentions are minus "
        "its ballots"
    ),
    "잘못 투입·구분된 투표지": (
        "ballots put in the wrong box or sorted to the wrong station, counted where found: "
        "no electorate of their own"
    ),
    "잘못투입된투표지": (
        "ballots put in the wrong box (2012's spelling), counted where found: no electorate "
        "of their own, so their abstentions are minus their ballots"
    ),
    "관내사전투표": (
        "in-district early voting: the electorate is the early voters recorded at the "
        "desk, which can differ by a ballot or two from the ballots found in the box"
    ),
}
ABSENTEE_ROWS = (
    "거소·선상투표",
    "관외사전투표",
    "국외부재자투표",
    "국내부재자투표",
    *STATION_KINDS,
)
REGION_TOTALS = {
    ("seats", "Constituency total"): "district",
    ("seats", "PR list"): "list",
    ("seats", "Total"): "total",
    ("constituency_seats", "Total"): "district",
    ("list_pct", "Seat allocation"): "list",
}
NATIONAL_PCT_ROWS = ("Total", "Overall total")


# ------------------------------------------------------------------------- helpers


def has_file(data: Dataset, name: str) -> bool:
    """Whether a data file is there (the package's always are; a folder may lack it)."""
    return data.folder is None or (data.folder / name).exists()


def optional_file(data: Dataset, name: str) -> tuple[str, str] | None:
    """(label, text) of a data file that a folder Dataset may lack (None if so)."""
    if data.folder is not None and not (data.folder / name).exists():
        return None
    return data._open(name)


class AuditContext:
    """Results computed once per audit and shared between the checks."""

    def __init__(self, data: Dataset) -> None:
        self.data = data
        self.elections = election_dates(data)
        self._years: dict[int, ComputedElection] = {}
        self.law_findings: dict[int, list[Finding]] = defaultdict(list)

    def year(self, year: int) -> ComputedElection:
        """The election of ``year``, computed once.

        Where the data has more district seats than the law, the allocation could not run:
        the difference becomes a finding, and the election is computed with the law's list
        seats over the data's districts, so that the other checks still run. Where it has
        fewer (1948, 1950: districts no source counts), the counts compute the assembly
        they cover and name the seats missing (a "seats no count covers" finding).
        """
        if year not in self._years:
            assembly, when = self.elections.get(year, (0, ""))
            law = rules_for(year)
            districts = self.data.districts(year)
            count = sum(d.magnitude for d in districts)
            rules = None
            if count > law.district_seats:
                # (fewer: the seats no source counts, which the counts name themselves)
                rules = law.replace(district_seats=count, total_seats=count + law.list_seats)
                seats = f"{count} district seats" if count != len(districts) else "districts"
                self.law_findings[year].append(
                    Finding(
                        year,
                        DISTRICTS_LAW,
                        f"{year} districts",
                        f"{count} {seats} in the data",
                        f"{law.district_seats} district seats in the law",
                        f"districts.csv; LAW.md §2 (korelect.rules_for({year}))",
                        f"the audit allocates the law's {law.list_seats} list seats over the "
                        f"data's {count} district seats",
                    )
                )
            result = results(year, data=self.data, rules=rules)
            self._years[year] = ComputedElection(self.data, year, result, assembly, when)
        return self._years[year]

    def previous(self, year: int) -> ComputedElection | None:
        """The election before ``year`` in the data (None for the first)."""
        earlier = [y for y in self.data.years() if y < year]
        return self.year(max(earlier)) if earlier else None
