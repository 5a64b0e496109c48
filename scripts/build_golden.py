"""Build the golden-test inputs from ../shared/data: national votes per party.

For each election with an official national table (``data/official``), this
writes ``tests/golden/YEAR.csv`` in the ``korelect allocate`` input format:
the national votes each party got (summed from the NEC counts in
``data/nec-history``: constituency votes for 1988–2000, the list vote's
province totals for 2004 and 2016; the published list shares, in hundredths of
a percent, for 2020 and 2024, which have no national counts here), and its
district seats from the official table (2020: from LAW.md's sources). Parties
without a seat are merged into one ``other`` bucket. ``tests/golden/expected.csv``
holds the official seats the tests compare with.

Run: python scripts/build_golden.py [--shared ../shared]
"""

from __future__ import annotations

import argparse
import csv
import json
from collections import defaultdict
from pathlib import Path

# 2020 has no row in data/official/national_results.csv; its district seats and
# official seats are from LAW.md [S22][S23]: DP 163 and UFP 84 districts (no lists),
# Justice 1 + 5, 5 independents; list seats 17/19/5/3/3 (linked 11/12/3/2/2 + parallel 6/7/2/1/1).
EXTRA_2020 = [
    # party, party_korean, district seats, list seats
    ("Democratic Party of Korea", "더불어민주당", 163, 0),
    ("United Future Party", "미래통합당", 84, 0),
    ("Platform Party (DP satellite)", "더불어시민당", 0, 17),
    ("Future Korea Party (UFP satellite)", "미래한국당", 0, 19),
    ("Justice Party", "정의당", 1, 5),
    ("People Party", "국민의당", 0, 3),
    ("Open Democratic Party", "열린민주당", 0, 3),
    ("Minsaeng Party", "민생당", 0, 0),
    ("Independents", "무소속", 5, 0),
]
ASSEMBLY = {1988: 13, 1992: 14, 1996: 15, 2000: 16, 2004: 17, 2016: 20}
INDEPENDENT = "무소속"
# Short names in the NEC counts for parties the official table names in full.
ALIASES = {"자민련": "자유민주연합", "희망의한국신당": "한국신당"}


def national_votes(shared: Path, year: int) -> dict[str, int]:
    """Votes per Korean party name: constituency votes to 2000, list votes from 2004."""
    blocks = json.loads(
        (shared / "data/nec-history" / f"assembly-counting_vote-{ASSEMBLY[year]}.0.json").read_text(
            encoding="utf-8"
        )
    )
    system = "constituency" if year < 2004 else "proportional"
    totals: dict[str, int] = defaultdict(int)
    for block in blocks:
        if block["voting_system"] != system:
            continue
        for row in block["results"]:
            if system == "proportional" and not row["district"].endswith("합계"):
                continue
            for cand in row["result"]:
                name = cand["party_name_kr"] or INDEPENDENT
                totals[ALIASES.get(name, name)] += int(cand["votenum"])
    return dict(totals)


def main() -> None:
    """Write tests/golden/YEAR.csv and tests/golden/expected.csv."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=Path(__file__).parents[1] / "../shared")
    args = parser.parse_args()
    out = Path(__file__).parents[1] / "tests/golden"
    official = list(
        csv.DictReader((args.shared / "data/official/national_results.csv").open(encoding="utf-8"))
    )
    shares = list(
        csv.DictReader(
            (args.shared / "data/official/list_vote_shares_2020_2024.csv").open(encoding="utf-8")
        )
    )
    official += [
        {
            "year": "2020",
            "party": p,
            "party_korean": ko,
            "constituency_seats": str(d),
            "list_seats": str(n),
            "total_seats": str(d + n),
        }
        for p, ko, d, n in EXTRA_2020
    ]
    expected = []
    for year in sorted({int(r["year"]) for r in official}):
        rows = [r for r in official if int(r["year"]) == year]
        lines = []
        if year in ASSEMBLY:
            votes = national_votes(args.shared, year)
            named = set()
            for r in rows:
                ko = r["party_korean"]
                named.add(ko)
                kind = "independent" if ko == INDEPENDENT else "party"
                lines.append((r["party"], votes.get(ko, 0), int(r["constituency_seats"]), kind))
            rest = sum(v for k, v in votes.items() if k not in named)
            lines.append(("Other parties", rest, 0, "other"))
        else:
            # No counts: the published list shares in hundredths of a percent stand in
            # for votes (every step of the law uses shares, so the scale does not matter).
            pct = {
                r["party_korean"]: round(float(r["list_vote_pct"]) * 100)
                for r in shares
                if int(r["year"]) == year
            }
            for r in rows:
                kind = "independent" if r["party_korean"] == INDEPENDENT else "party"
                lines.append(
                    (r["party"], pct.get(r["party_korean"], 0), int(r["constituency_seats"]), kind)
                )
            lines.append(("Other parties", 10000 - sum(pct.values()), 0, "other"))
        with (out / f"{year}.csv").open("w", encoding="utf-8", newline="") as f:
            w = csv.writer(f, lineterminator="\n")
            w.writerow(["party", "votes", "district_seats", "kind"])
            w.writerows(lines)
        expected += [
            (year, r["party"], r["constituency_seats"], r["list_seats"], r["total_seats"])
            for r in rows
        ]
    with (out / "expected.csv").open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["year", "party", "district_seats", "list_seats", "total_seats"])
        w.writerows(expected)
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
