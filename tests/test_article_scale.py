"""The article reader and checker at scale: linear in what they read, and never crashing on it.

Nothing here is timed (the speeds are in ``benchmarks/bench_article.py``). Linearity is
checked by counting: the comparisons of figures (:func:`agree`), the registry's searches
for a close name, the party-name tests of the prose and the size of the report, each for
an input and one four times larger: a quadratic step multiplies its count by 16 there,
and these tests allow 5. The peak memory (tracemalloc) is measured at n, 4n and 16n, and
its growth from 4n to 16n compared with its growth from n to 4n (what does not depend on
the size cancels out): 4 where it is linear, 16 where it is quadratic; these tests allow 6.

Numbers of more digits than a figure has (:data:`MAX_DIGITS`; Python will not print an
integer of over 4,300) are not figures: the reader warns about them, the checker leaves
them out, and ``korelect article check`` exits 0 or 1 as it does for any article (2 only
for a file that cannot be read).
"""

from __future__ import annotations

import gc
import random
import re
import subprocess
import sys
import tracemalloc
from collections.abc import Callable, Iterator
from fractions import Fraction
from pathlib import Path

import pytest

import korelect.record.parties as registry_module
from korelect.analysis.article.checker import check_article, check_text
from korelect.analysis.article.checker import compare as compare_module
from korelect.analysis.article.checker import numbers as numbers_module
from korelect.analysis.article.checker import prose as prose_module
from korelect.analysis.article.checker.numbers import Agreement, Num, agree, signature
from korelect.analysis.article.checker.parties import MAX_SUGGESTED, Names
from korelect.analysis.article.model import MAX_DIGITS
from korelect.analysis.article.reader import read_article
from korelect.cli import main
from korelect.record.parties import ELECTION_YEARS, parties
from korelect.views.article_writer import write_article

ARTICLES = Path(__file__).parent / "data" / "articles"
SEED_1992 = ARTICLES / "001_5ff811948e8edf5d.txt"
SEED = SEED_1992.read_text(encoding="utf-8")
HEAD = SEED.split("\n\n== Electoral")[0] + "\n\n"
"""The 1992 seed's title, infobox and first paragraph."""
HUGE = "9" * 5000
LINEAR = 5.0
"""The most a count may grow when the input grows fourfold (16 for a quadratic step)."""
LINEAR_MEMORY = 6.0
"""The same for the growth of the peak memory, a less exact measure (caches, collections)."""


def long_paragraph(words: int, seed: int = 3) -> str:
    """The 1992 seed's head and one paragraph of its words, a claim in one of ten."""
    vocabulary = sorted(
        {w.strip(".,()") for line in SEED.splitlines() if line[:1].isalpha() for w in line.split()}
        - {""}
    )
    rng = random.Random(seed)
    body = [
        rng.choice(vocabulary) if rng.random() < 0.9 else f"won {rng.randrange(300)} seats"
        for _ in range(words)
    ]
    return HEAD + " ".join(body) + "\n"


def unknown_parties(count: int) -> str:
    """A paragraph naming ``count`` parties the registry does not know, each winning seats."""
    return HEAD + " ".join(f"The Xq{i}z Party won {i % 50} seats." for i in range(count)) + "\n"


def counting(
    monkeypatch: pytest.MonkeyPatch, targets: list[tuple[object, str]]
) -> Callable[[], int]:
    """Replace each ``(module, name)`` by a wrapper counting its calls; the count so far."""
    calls = [0]
    for module, name in targets:
        original = getattr(module, name)

        def wrapper(*args: object, _original: Callable[..., object] = original) -> object:
            calls[0] += 1
            return _original(*args)

        monkeypatch.setattr(module, name, wrapper)
    return lambda: calls[0]


def grows(count: Callable[[], int], run: Callable[[str], object], small: str, big: str) -> float:
    """How many times the count grows from the small input to the big one."""
    run(small)  # warm: the record and the registry are built once
    before = count()
    run(small)
    once = count() - before
    before = count()
    run(big)
    return (count() - before) / max(once, 1)


def check(text: str) -> str:
    return check_text(check_article(read_article(text, source="scale.txt")))


# ----------------------------------------------------------------------------- huge numbers

PLACES = {
    "infobox seats": ("- Seats1: 149", f"- Seats1: {HUGE}"),
    "infobox percentage": ("- Percentage1: 38.49%", f"- Percentage1: 38.{HUGE}%"),
    "turnout": ("- Turnout: 71.86% ( 3.91pp)", f"- Turnout: {HUGE}% ( 3.91pp)"),
    "prose claim": ("which won 149 of", f"which won {HUGE} of"),
    "prose share": ("with 17.4% of popular vote", f"with {HUGE}.4% of popular vote"),
    "system seats": ("Of the 299 seats", f"Of the {HUGE} seats"),
    "system threshold": ("seven or more seats", f"{HUGE} or more seats"),
    "table cell": ("| Seoul | 44 | 16 |", f"| Seoul | 44 | {HUGE} |"),
    "grouped digits": ("| Busan | 16 | 15 |", "| Busan | 16 | " + ",999" * 1500 + " |"),
}


@pytest.mark.parametrize("place", sorted(PLACES))
def test_a_huge_number_is_warned_about_and_not_read(place: str) -> None:
    old, new = PLACES[place]
    assert SEED.count(old) == 1
    text = SEED.replace(old, new)
    line = text[: text.index(new)].count("\n") + 1
    article = read_article(text, source="huge.txt")
    warned = [
        w for w in article.warnings if w.line == line and "is not read as a figure" in w.message
    ]
    assert len(warned) == 1, article.warnings
    assert f"at most {MAX_DIGITS}" in warned[0].message
    report = check_text(check_article(article))  # no ValueError from int() or str()
    assert report.endswith(")\n")


def test_huge_numbers_everywhere_at_once() -> None:
    text = re.sub(r"\d+", lambda m: HUGE if len(m[0]) > 1 else m[0], SEED)
    article = read_article(text)
    assert sum("is not read as a figure" in w.message for w in article.warnings) > 40
    check_article(article)


def test_the_command_line_exit_codes_on_huge_numbers(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    consistent = tmp_path / "1996.txt"
    consistent.write_text(write_article(1996) + f"\nThe ballot serial was {HUGE}.\n")
    assert main(["article", "check", str(consistent)]) == 0
    report = capsys.readouterr().out.splitlines()
    assert report[:2] == ["No findings.", "1 reader warning (not a finding):"]
    assert "a number of 5,000 digits is not read as a figure" in report[2]
    assert main(["article", "read", str(consistent)]) == 0
    assert "a number of 5,000 digits is not read as a figure" in capsys.readouterr().out
    wrong = tmp_path / "1992.txt"
    wrong.write_text(SEED.replace("| Seoul | 44 | 16 |", f"| Seoul | 44 | {HUGE} |"))
    assert main(["article", "check", str(wrong)]) == 1
    captured = capsys.readouterr()
    assert "finding" in captured.out
    assert "Traceback" not in captured.err
    assert main(["article", "check", str(tmp_path / "missing.txt")]) == 2


# ----------------------------------------------------------------------------- linear growth


def test_comparisons_of_figures_grow_linearly(monkeypatch: pytest.MonkeyPatch) -> None:
    # every figure was compared with every other about the same quantity: 16x here
    count = counting(monkeypatch, [(numbers_module, "agree"), (compare_module, "agree")])
    assert grows(count, check, SEED * 8, SEED * 32) <= LINEAR


def test_close_names_are_looked_for_a_bounded_number_of_times(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    suggestions = counting(monkeypatch, [(registry_module, "_suggest")])
    check(unknown_parties(3 * MAX_SUGGESTED))
    assert suggestions() <= MAX_SUGGESTED
    report = check(unknown_parties(3 * MAX_SUGGESTED))
    assert "did you mean" not in report.splitlines()[-2]  # past the first hundred: none
    lookups = counting(monkeypatch, [(registry_module.PartyRegistry, "lookup")])
    assert grows(lookups, check, long_paragraph(2_000), long_paragraph(8_000)) <= LINEAR


def test_party_names_in_prose_are_tested_once_per_phrase(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # each claim read the whole text before it for the last party named: 16x here
    count = counting(monkeypatch, [(prose_module, "_partyish")])
    assert grows(count, check, long_paragraph(2_000), long_paragraph(8_000)) <= LINEAR


def test_the_report_grows_linearly() -> None:
    # a note listed every other place printing a figure, or repeated the law's effect
    small, big = check(SEED * 16), check(SEED * 64)
    assert len(big) <= LINEAR * len(small)
    assert max(len(line) for line in big.splitlines()) < 2_000


def peak_memory(run: Callable[[], object]) -> int:
    gc.collect()
    tracemalloc.start()
    try:
        run()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def growth(measure: Callable[[str], int], make: Callable[[int], str], n: int) -> float:
    """How much more ``measure`` grows from 4n to 16n than from n to 4n (4: linear; 16: square).

    Differences, so that what does not depend on the size cancels out.
    """
    small, middle, big = (measure(make(size)) for size in (n, 4 * n, 16 * n))
    return (big - middle) / max(middle - small, 1)


SHAPES: dict[str, tuple[Callable[[int], str], int]] = {
    "seeds": (lambda n: SEED * n, 2),
    "paragraph": (lambda n: long_paragraph(250 * n), 16),
    "table": (lambda n: HEAD + "| Region | DLP | DP |\n" + "| Seoul | 5 | 6 |\n" * 50 * n, 8),
    "infobox": (
        lambda n: HEAD.replace(
            "- Title:",
            "".join(f"- Party{k}: P{k}\n- Seats{k}: {k}\n" for k in range(10, 10 + 30 * n))
            + "- Title:",
        ),
        2,
    ),
}
"""Articles of a size ``n``, and the smallest ``n`` at which fixed costs no longer blur it."""


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_memory_grows_linearly(shape: str) -> None:
    make, n = SHAPES[shape]
    check(make(1))  # the record and the registry, built once
    read = growth(lambda text: peak_memory(lambda: read_article(text)), make, n)
    assert read <= LINEAR_MEMORY, (
        f"{shape}: reading grows {read:.1f} times as much from 4n to 16n as from n to 4n"
    )
    checked = growth(lambda text: peak_memory(lambda: check(text)), make, n)
    assert checked <= LINEAR_MEMORY, f"{shape}: checking grows {checked:.1f} times as much"


# ----------------------------------------------------------------------------- correctness


def figures(rng: random.Random) -> Iterator[Num | str]:
    while True:
        if rng.random() < 0.05:
            yield rng.choice(["New", "Did not exist"])
            continue
        places = rng.choice([None, None, 0, 0, 1, 2, 3])
        step = Fraction(1, 10**places) if places is not None else Fraction(1, rng.choice([1, 10]))
        yield Num(rng.randrange(-30, 30) * step, places, unsigned=rng.random() < 0.3)


def test_agreement_counts_as_comparing_every_pair() -> None:
    rng = random.Random(12)
    source = figures(rng)
    for _ in range(500):
        values = [next(source) for _ in range(rng.randrange(1, 30))]
        tally = Agreement((signature(v), v) for v in values)
        for v in [*values, *(next(source) for _ in range(3))]:
            assert tally.support(signature(v), v) == sum(agree(v, w) for w in values)


def test_names_are_found_as_the_registry_finds_them() -> None:
    # Names turns away, without asking the registry, a name whose letters are no party's
    names_of = random.Random(7).sample([name for p in parties() for name in p.names], 80)
    variants = [
        form
        for name in names_of
        for form in (
            name,
            name.upper(),
            f"  {name} ",
            name.replace(" ", ""),
            name + "'s",
            "X" + name,
        )
    ]
    for year in (None, ELECTION_YEARS[0], 2004):
        names = Names(year)
        for form in variants:
            found = None
            for candidate in Names._forms(form):
                party = parties().find(candidate, year)
                if party is not None:
                    found = party.id
                    break
            assert names.find(form) == found, (form, year)


def test_deeply_nested_asides_are_blanked() -> None:
    text = "The DLP " + "(" * 20_000 + "won 5 seats" + ")" * 20_000 + " won 149 seats."
    blanked = prose_module._without_parentheses(text)
    assert len(blanked) == len(text)
    assert blanked.split() == ["The", "DLP", "won", "149", "seats."]


@pytest.mark.parametrize(
    "paragraph",
    [
        "Elections were held in Seoul " * 3_000,  # each "held in" once read the rest for an "on"
        "The DLP won 5 seats in Seoul" + " " * 30_000 + "and Busan.",
        "The DLP won 5 seats. " * 3_000,
        "It went from 1 to 2 seats. " * 3_000,
        "The DLP won 5.5% of the vote" + "9" * 30_000 + "% of the vote.",
    ],
    ids=["held in", "spaces in a region", "claims", "from-to", "digits"],
)
def test_adversarial_prose_is_read_and_checked(paragraph: str) -> None:
    findings = check_article(read_article(HEAD + paragraph + "\n"))
    assert all(f.line is None or f.line < 200 for f in findings)


def test_mutated_articles_are_read_and_checked() -> None:
    rng = random.Random(2024)
    seeds = [
        p.read_text(encoding="utf-8", errors="replace") for p in sorted(ARTICLES.glob("*.txt"))
    ]
    for k in range(40):
        text = rng.choice(seeds)
        for _ in range(rng.randrange(1, 8)):
            at = rng.randrange(len(text))
            junk = rng.choice(["(", ")", "|", "\n", "=", "-", "%", HUGE, "9" * 41, "\t", "\r"])
            text = text[:at] + junk * rng.randrange(1, 50) + text[at + rng.randrange(0, 20) :]
        article = read_article(text, source=f"mutant-{k}.txt")
        if k % 4 == 0:
            check_article(article)


def test_the_benchmark_runs_quick() -> None:
    bench = Path(__file__).parents[1] / "benchmarks" / "bench_article.py"
    out = subprocess.run(
        [sys.executable, str(bench), "--quick"], check=True, capture_output=True, text=True
    ).stdout
    assert "time per MB at the largest size against the smallest" in out
    assert "paragraph" in out
