"""Charts: well-formed standalone SVG, a circle per seat, the map's winners, Korean text in PNG."""

from __future__ import annotations

import itertools
import math
import struct
import subprocess
import sys
import zlib
from fractions import Fraction
from importlib import resources
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest
from hypothesis import given
from hypothesis import strategies as st

import korelect
from counts_cases import declared_only
from korelect import Allocation, Entry, Kind, PartyResult, allocate, results, rules_for
from korelect.charts import bars_svg, hemicycle_svg, histogram_svg, map_svg, svg_to_png
from korelect.charts._model import FALLBACK, POSITION, blocs
from korelect.charts.hemicycle import layout
from korelect.charts.map import province_winners
from korelect.charts.notebook import result_html
from korelect.errors import InputError, UnknownNameError
from korelect.record.data import dataset

NS = "{http://www.w3.org/2000/svg}"
ROOT = Path(__file__).parents[1]
SHARED = ROOT.parent / "shared"
NASTY = ['<b>&"q"</svg>', "A & B's <party>", "]]><script>x</script>"]


@pytest.fixture(scope="module")
def sim2016() -> korelect.Simulation:
    return korelect.simulate(2016, 60, seed=3)


def parse(svg: str) -> ET.Element:
    """Parse an SVG and check what every chart must be: sized, self-contained, script-free."""
    root = ET.fromstring(svg)  # noqa: S314  (our own output)
    assert root.tag == f"{NS}svg"
    w, h = float(root.attrib["width"]), float(root.attrib["height"])
    assert root.attrib["viewBox"] == f"0 0 {root.attrib['width']} {root.attrib['height']}"
    assert w > 0
    assert h > 0
    assert root.find(f"{NS}title") is not None
    for el in root.iter():
        assert el.tag not in (f"{NS}script", f"{NS}foreignObject", f"{NS}image", f"{NS}use")
        for name, value in el.attrib.items():
            assert "href" not in name
            assert name != "style"
            assert not name.startswith("on")
            assert "url(" not in value
    assert "<script" not in svg
    return root


def circles(root: ET.Element) -> list[ET.Element]:
    return [c for c in root.iter(f"{NS}circle") if c.attrib.get("class") == "seat"]


def texts(root: ET.Element) -> list[str]:
    return ["".join(t.itertext()) for t in root.iter(f"{NS}text")]


def check_layout(root: ET.Element) -> None:
    """No two seat circles overlap and each lies inside the viewBox."""
    w, h = float(root.attrib["width"]), float(root.attrib["height"])
    discs = []
    for c in circles(root):
        x, y, r = (float(c.attrib[k]) for k in ("cx", "cy", "r"))
        r += float(c.attrib.get("stroke-width", 0)) / 2
        assert r > 0
        assert x - r >= 0
        assert y - r >= 0
        assert x + r <= w
        assert y + r <= h
        discs.append((x, y, r))
    discs.sort()
    for i, (x, y, r) in enumerate(discs):
        for x2, y2, r2 in discs[i + 1 :]:
            if x2 - x > r + r2:
                break
            assert math.hypot(x2 - x, y2 - y) >= r + r2 - 1e-6


# ------------------------------------------------------------------ hemicycle


@pytest.mark.parametrize("year", [1988, 1996, 2004, 2016, 2020, 2024])
def test_hemicycle_of_an_election_has_one_mark_per_seat(year: int) -> None:
    result = results(year)
    root = parse(hemicycle_svg(result))
    seats = circles(root)
    assert len(seats) == result.total_seats
    district = sum(p.district_seats for p in result.parties)
    listed = sum(p.list_seats for p in result.parties)
    assert sum(c.attrib["data-kind"] == "district" for c in seats) == district
    assert sum(c.attrib["data-kind"] == "list" for c in seats) == listed
    # per party too
    for g in root.iter(f"{NS}g"):
        if g.attrib.get("class") == "party":
            line = next(p for p in result.parties if p.info.party_id == g.attrib["data-party"])
            marks = [c.attrib["data-kind"] for c in g.iter(f"{NS}circle")]
            assert marks.count("district") == line.district_seats
            assert marks.count("list") == line.list_seats
    check_layout(root)


def test_hemicycle_majority_legend_and_title() -> None:
    result = results(2020)
    root = parse(hemicycle_svg(result, title='Custom <title> & "more"'))
    lines = [el for el in root.iter(f"{NS}line") if el.attrib.get("class") == "majority"]
    assert len(lines) == 1
    words = texts(root)
    assert "majority 151" in words
    assert 'Custom <title> & "more"' in words
    legend = [t for t in words if t.startswith("Democratic Party of Korea: 163")]
    assert legend == ["Democratic Party of Korea: 163 (163 district + 0 list)"]
    for p in result.parties:
        if p.total_seats:
            assert any(t.startswith(f"{p.info.name_en}: {p.total_seats}") for t in words)


def test_hemicycle_parties_run_left_to_right() -> None:
    root = parse(hemicycle_svg(results(2016)))
    order = [g.attrib["data-party"] for g in root.iter(f"{NS}g") if g.get("class") == "party"]
    assert order == ["justice", "minjoo", "pp-2016", "saenuri", "independent"]
    # each party's seats form a wedge: its mean angle increases from left to right
    angles = []
    for g in root.iter(f"{NS}g"):
        if g.get("class") == "party":
            xs = [float(c.attrib["cx"]) for c in g.iter(f"{NS}circle")]
            angles.append(sum(xs) / len(xs))
    assert angles[:4] == sorted(angles[:4])


def test_order_rule_for_allocations_unknown_names_and_independents() -> None:
    rules = rules_for(2004)
    entries = [
        Entry("Zeta", Fraction(10), 50),
        Entry("GNP", Fraction(36), 100),
        Entry("Ind.", 0, 3, kind=Kind.INDEPENDENT),
        Entry("Uri", Fraction(38), 90),
        Entry("DLP", Fraction(13), 0),
        Entry("Alpha", Fraction(3), 0),
    ]
    a = allocate(entries, rules)
    order = [b.key for b in blocs(a)]
    assert order == ["DLP", "Uri", "GNP", "Zeta", "Alpha", "Ind."]
    colours = {b.key: b.colour for b in blocs(a)}
    assert colours["Zeta"] == FALLBACK[0]
    assert colours["Alpha"] == FALLBACK[1]
    assert colours["Uri"] == korelect.parties().get("uri").colour
    assert {"uri", "gnp", "dlp-2000"} <= set(POSITION)


def test_every_party_with_seats_has_a_position() -> None:
    for year in dataset().years():
        for b in blocs(results(year)):
            if b.seats and not b.independent:
                assert b.position is not None, (year, b.key)


@pytest.mark.parametrize(("district", "total"), [(1, 3), (0, 3), (253, 300), (1, 1)])
def test_hemicycle_of_small_and_large_allocations(district: int, total: int) -> None:
    rules = rules_for(2004, district_seats=district, total_seats=total)
    a = allocate([Entry("A", 60, district), Entry("B", 40, 0)], rules)
    root = parse(hemicycle_svg(a))
    seats = circles(root)
    assert len(seats) == total
    assert sum(c.attrib["data-kind"] == "list" for c in seats) == sum(a.list_seats.values())
    check_layout(root)


def test_hemicycle_of_a_simulation_uses_rounded_mean_seats(sim2016: korelect.Simulation) -> None:
    root = parse(hemicycle_svg(sim2016))
    seats = circles(root)
    assert len(seats) == 300
    assert {c.attrib["data-kind"] for c in seats} == {"seat"}
    means = {p.info.party_id: p.mean for p in sim2016.projections()}
    for g in root.iter(f"{NS}g"):
        if g.get("class") == "party":
            n = len(list(g.iter(f"{NS}circle")))
            assert abs(n - means[g.attrib["data-party"]]) < 1


def seat_allocation(seats: list[int], split: list[int]) -> Allocation:
    """A real Allocation record with the given seats (district seats first)."""
    parties = tuple(
        PartyResult(f"Party {i}", Kind.PARTY, 10 + i, min(d, s), s - min(d, s), True, ())
        for i, (s, d) in enumerate(zip(seats, split, strict=True))
    )
    return Allocation(
        rules=rules_for(2004),
        parties=parties,
        total_votes=Fraction(sum(10 + i for i in range(len(seats)))),
        qualification=(),
        minor_party_seats=(),
        bonus=None,
        apportionments=(),
        linked=None,
        ties=(),
        seed=0,
    )


@given(
    st.lists(st.integers(0, 60), min_size=1, max_size=12).filter(lambda s: 1 <= sum(s) <= 400),
    st.data(),
    st.sampled_from([200, 360, 720, 1200]),
)
def test_hemicycle_layout_properties(seats: list[int], data: st.DataObject, width: int) -> None:
    split = [data.draw(st.integers(0, s)) for s in seats]
    a = seat_allocation(seats, split)
    root = parse(hemicycle_svg(a, width=width))
    marks = circles(root)
    assert len(marks) == sum(seats)
    assert sum(c.attrib["data-kind"] == "district" for c in marks) == sum(split)
    check_layout(root)


@given(st.integers(1, 400))
def test_layout_fills_every_ring_evenly(n: int) -> None:
    seats = layout(n)
    assert len(seats) == n
    rings = max(s.ring for s in seats) + 1
    counts = [sum(s.ring == r for s in seats) for r in range(rings)]
    assert all(c >= 1 for c in counts)
    assert counts == sorted(counts, reverse=True)  # outer rings hold more
    for a, b in itertools.combinations(seats[:80], 2):
        assert math.hypot(a.x - b.x, a.y - b.y) >= a.radius + b.radius - 1e-9


@pytest.mark.parametrize("name", NASTY)
def test_names_and_titles_are_escaped(name: str) -> None:
    a = allocate(
        [Entry(name, 60, 1), Entry("B", 40, 0)], rules_for(2004, district_seats=1, total_seats=3)
    )
    for svg in (hemicycle_svg(a, title=name), bars_svg(a)):
        root = parse(svg)
        assert any(name in t for t in texts(root))
    html = result_html(a)
    assert name not in html
    assert "&lt;" in html
    ET.fromstring(html)  # noqa: S314  (well-formed as a whole too)


def test_bad_arguments_are_input_errors() -> None:
    with pytest.raises(InputError, match="width"):
        hemicycle_svg(results(2016), width=50)
    with pytest.raises(InputError, match="expected an ElectionResult"):
        hemicycle_svg("2016")  # type: ignore[arg-type]
    with pytest.raises(InputError, match="Simulation"):
        histogram_svg(results(2016))  # type: ignore[arg-type]
    with pytest.raises(InputError, match="scale"):
        svg_to_png("<svg/>", scale=0)
    with pytest.raises(InputError, match="cannot render"):
        svg_to_png("not svg")


# ------------------------------------------------------------------ bars, histogram


@pytest.mark.parametrize("year", [1992, 2016, 2024])
def test_bars_compare_vote_and_seat_shares(year: int) -> None:
    result = results(year)
    root = parse(bars_svg(result))
    groups = [g for g in root.iter(f"{NS}g") if g.get("class") == "party"]
    shown = {g.attrib["data-party"] for g in groups}
    for p in result.parties:
        if p.total_seats or p.vote_share >= Fraction(1, 100):
            assert p.info.party_id in shown
    for g in groups:
        p = next(x for x in result.parties if x.info.party_id == g.attrib["data-party"])
        bars = {r.attrib["class"]: r for r in g.iter(f"{NS}rect")}
        seat_text = "".join(bars["bar seats"].itertext())
        assert seat_text.endswith(f"{p.total_seats / result.total_seats * 100:.1f}%")
        assert "".join(bars["bar votes"].itertext()).endswith(f"{float(p.vote_share) * 100:.1f}%")


def test_histogram_panels_and_majority(sim2016: korelect.Simulation) -> None:
    root = parse(histogram_svg(sim2016, parties=3))
    panels = [g for g in root.iter(f"{NS}g") if g.get("class") == "panel"]
    assert [g.attrib["data-party"] for g in panels] == [
        p.info.party_id for p in sim2016.projections()[:3]
    ]
    for g in panels:
        assert any(el.get("class") == "majority" for el in g.iter())
        j = [p.party_id for p in sim2016.parties].index(g.attrib["data-party"])
        runs = sum(
            int("".join(b.itertext()).split(": ")[1].split()[0]) for b in g.iter(f"{NS}rect")
        )
        assert runs == sim2016.n
        assert sim2016.seats[:, j].size == sim2016.n


# ------------------------------------------------------------------ map


def test_map_has_the_17_provinces_coloured_by_winner() -> None:
    result = results(2016)
    root = parse(map_svg(2016))
    paths = {p.attrib["data-province"]: p for p in root.iter(f"{NS}path")}
    assert len(paths) == 17
    codes = [
        line.split(",")[0]
        for line in (resources.files("korelect") / "data/provinces.csv")
        .read_text()
        .splitlines()[1:]
    ]
    assert set(paths) == set(codes)
    # 2016: the People's Party won Gwangju and South Jeolla
    for code in ("gwangju", "jeonnam"):
        line = next(p for p in result.provinces if p.code == code)
        assert max(line.seats, key=line.seats.__getitem__) == "pp-2016"
        assert paths[code].attrib["data-party"] == "pp-2016"
        assert paths[code].attrib["fill"] == result.party("pp-2016").info.colour
    assert paths["daegu"].attrib["data-party"] == "saenuri"
    assert paths["seoul"].attrib["data-party"] == "minjoo"
    winners = province_winners(result)
    for code, path in paths.items():
        assert path.attrib["data-party"] == winners[code]


def test_map_draws_later_provinces_with_their_parents() -> None:
    root = parse(map_svg(1988))
    paths = {p.attrib["data-province"]: p for p in root.iter(f"{NS}path")}
    assert len(paths) == 17
    for code, parent in (("sejong", "chungnam"), ("daejeon", "chungnam"), ("ulsan", "gyeongnam")):
        assert paths[code].attrib["fill"] == paths[parent].attrib["fill"]
        assert "counted in" in "".join(paths[code].itertext())


@pytest.mark.parametrize(
    ("year", "merged"),
    [
        (1948, {"busan": "gyeongnam", "daegu": "gyeongbuk", "incheon": "gyeonggi"}),
        (1963, {"daegu": "gyeongbuk", "incheon": "gyeonggi", "gwangju": "jeonnam"}),
        (1985, {"gwangju": "jeonnam", "daejeon": "chungnam", "ulsan": "gyeongnam"}),
    ],
)
def test_map_draws_the_provinces_of_the_time(year: int, merged: dict[str, str]) -> None:
    result = results(year)
    counted = {p.code for p in result.provinces}
    root = parse(map_svg(year))
    paths = {p.attrib["data-province"]: p for p in root.iter(f"{NS}path")}
    for code, parent in merged.items():
        assert code not in counted
        assert paths[code].attrib["fill"] == paths[parent].attrib["fill"]
        assert paths[code].attrib["data-party"] == paths[parent].attrib["data-party"]
        assert "counted in" in "".join(paths[code].itertext())
    if year >= 1963:
        assert "busan" in counted
        assert "counted in" not in "".join(paths["busan"].itertext())
    # the legend counts the provinces of the time, each once
    legend = [
        "".join(t.itertext()) for t in root.iter(f"{NS}text") if ": " in "".join(t.itertext())
    ]
    counts = [
        int(label.rsplit(": ", 1)[1]) for label in legend if label.rsplit(": ", 1)[1].isdigit()
    ]
    assert sum(counts) == len(counted)
    if year == 1948:  # Jeju: no count covers its districts
        assert "no data" in "".join(paths["jeju"].itertext())


def test_map_by_party_share() -> None:
    result = results(2016)
    root = parse(map_svg(2016, party="People's Party"))
    paths = {p.attrib["data-province"]: p for p in root.iter(f"{NS}path")}
    share = {code: float(p.attrib["data-share"]) for code, p in paths.items()}
    top = max(share, key=share.__getitem__)
    assert top in ("gwangju", "jeonnam", "jeonbuk")
    line = next(p for p in result.provinces if p.code == "gwangju")
    assert share["gwangju"] == pytest.approx(
        line.list_votes["pp-2016"] / sum(line.list_votes.values()), abs=1e-4
    )
    assert paths[top].attrib["fill"] == max(
        (p.attrib["fill"] for p in paths.values()),
        key=lambda c: -sum(int(c[i : i + 2], 16) for i in (1, 3, 5)),
    )
    assert "share of the list votes" in "".join(root.find(f"{NS}title").itertext())  # type: ignore[union-attr]
    with pytest.raises(UnknownNameError):
        map_svg(2016, party="No Such Party")
    # counts without district or list votes (2024's declared winners only): district seats
    root = parse(map_svg(declared_only(2024), party="PPP"))
    assert "district seats" in "".join(root.find(f"{NS}title").itertext())  # type: ignore[union-attr]


@pytest.mark.skipif(
    not (SHARED / "data/maps").is_dir(), reason="../shared is not beside the checkout"
)
def test_build_map_reproduces_the_shipped_map(tmp_path: Path) -> None:
    out = tmp_path / "provinces_map.json"
    subprocess.run(
        [
            sys.executable,
            str(ROOT / "scripts/build_map.py"),
            "--shared",
            str(SHARED),
            "--out",
            str(out),
        ],
        check=True,
        capture_output=True,
    )
    shipped = (resources.files("korelect.charts") / "provinces_map.json").read_bytes()
    assert out.read_bytes() == shipped


# ------------------------------------------------------------------ PNG and fonts


def png_pixels(png: bytes) -> tuple[int, int, list[bytes]]:
    """Decode an 8-bit RGBA or RGB PNG (non-interlaced) into rows of raw pixel bytes."""
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat, header = 8, b"", b""
    while pos < len(png):
        (length,) = struct.unpack(">I", png[pos : pos + 4])
        kind, body = png[pos + 4 : pos + 8], png[pos + 8 : pos + 8 + length]
        if kind == b"IHDR":
            header = body
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", header)
    assert (depth, interlace) == (8, 0)
    assert colour in (2, 6)
    bpp = 4 if colour == 6 else 3
    raw = zlib.decompress(idat)
    stride = width * bpp
    rows: list[bytes] = []
    prev = bytearray(stride)
    for y in range(height):
        f = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1 : (y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b = prev[i]
            c = prev[i - bpp] if i >= bpp else 0
            if f == 1:
                line[i] = (line[i] + a) & 255
            elif f == 2:
                line[i] = (line[i] + b) & 255
            elif f == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            elif f == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(bytes(line))
        prev = line
    return width, height, [bytes(r[i : i + 3]) for r in rows for i in range(0, stride, bpp)]


def ink(png: bytes) -> int:
    """Pixels that are clearly not white."""
    return sum(1 for px in png_pixels(png)[2] if sum(px) < 600)


def test_png_signature_and_size() -> None:
    svg = hemicycle_svg(results(2024), width=400)
    root = parse(svg)
    png = svg_to_png(svg, scale=1.5)
    w, h = struct.unpack(">II", png[16:24])
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    assert png[12:16] == b"IHDR"
    assert (w, h) == (600, math.ceil(int(root.attrib["height"]) * 1.5))


def has_cjk_font() -> bool:
    dirs = [Path("/usr/share/fonts"), Path("/usr/local/share/fonts"), Path.home() / ".fonts"]
    names = ("nanum", "notosanscjk", "notoserifcjk", "notosanskr", "malgun", "unfonts")
    return any(
        any(n in f.name.lower().replace("-", "") for n in names)
        for d in dirs
        if d.is_dir()
        for f in d.rglob("*")
    )


@pytest.mark.skipif(not has_cjk_font(), reason="no Korean font installed (Debian: fonts-nanum)")
def test_korean_labels_have_ink_in_png() -> None:
    def label(content: str) -> str:
        return (
            '<svg xmlns="http://www.w3.org/2000/svg" width="200" height="40" viewBox="0 0 200 40">'
            f'<text x="10" y="28" font-size="22" font-family="NanumGothic, \'Noto Sans CJK KR\', '
            f'sans-serif">{content}</text></svg>'
        )

    blank = ink(svg_to_png(label(""), scale=1))
    korean = ink(svg_to_png(label("더불어민주당"), scale=1))
    assert blank == 0
    assert korean > 300
    # a hemicycle titled in Korean: the title row has ink where the blank title has none
    result = results(2016)
    titled = svg_to_png(hemicycle_svg(result, width=360, title="제20대 국회의원 선거"), scale=1)
    untitled = svg_to_png(hemicycle_svg(result, width=360, title=" "), scale=1)
    w, _, px = png_pixels(titled)
    _, _, px0 = png_pixels(untitled)
    top = slice(0, w * 32)
    assert sum(1 for p in px[top] if sum(p) < 600) > 100
    assert sum(1 for p in px0[top] if sum(p) < 600) == 0


# ------------------------------------------------------------------ notebook


def test_notebook_display_of_results_allocations_and_simulations(
    sim2016: korelect.Simulation,
) -> None:
    from IPython.core.interactiveshell import InteractiveShell

    shell = InteractiveShell.instance()
    korelect.load_ipython_extension(shell)

    def html_of(obj: object) -> str:
        shown, _ = shell.display_formatter.format(obj)
        return str(shown["text/html"])

    a = allocate(
        [Entry("<A & B>", 60, 1), Entry("B", 40, 0)],
        rules_for(2004, district_seats=1, total_seats=3),
    )
    for obj in (results(2004), a, sim2016):
        html = html_of(obj)
        assert html.startswith('<div class="korelect"><svg')
        assert "<table>" in html
        assert html.endswith("</table></div>")
        root = ET.fromstring(html)  # noqa: S314  (our own output)
        assert root.find(f"{NS}svg") is not None
        assert root.find("table") is not None
    html = html_of(a)
    assert "&lt;A &amp; B&gt;" in html
    assert "<A & B>" not in html
    assert "Uri Party" in html_of(results(2004))
    assert "Saenuri Party" in html_of(sim2016)
    assert "text/html" not in shell.display_formatter.format(korelect.rules_for(2004))[0]


def test_readme_example_svg_is_current() -> None:
    shipped = (ROOT / "docs/hemicycle-2024.svg").read_text(encoding="utf-8")
    assert shipped == hemicycle_svg(results(2024))
    assert "![The 2024 assembly as a hemicycle](docs/hemicycle-2024.svg)" in (
        ROOT / "README.md"
    ).read_text(encoding="utf-8")


def test_simulation_charts_name_other_rules() -> None:
    sim = korelect.simulate(2016, 20, seed=1, rules=rules_for(2004))
    for svg in (histogram_svg(sim), hemicycle_svg(sim)):
        title = parse(svg).find(f"{NS}title")
        assert title is not None
        assert "2016 under 2004's law" in (title.text or "")


def test_map_shows_a_tie_where_no_counts_break_it() -> None:
    # 2024 Sejong: one seat each for the DP and the New Future Party; without the counts
    # nothing breaks the tie
    counts = declared_only(2024)
    line = next(p for p in results(counts).provinces if p.code == "sejong")
    assert sorted(line.seats.values()) == [1, 1]
    paths = {p.attrib["data-province"]: p for p in parse(map_svg(counts)).iter(f"{NS}path")}
    assert paths["sejong"].attrib["data-party"] == "tie"
    assert "tie" in "".join(paths["sejong"].itertext())


def test_small_assemblies_fill_one_ring() -> None:
    """Up to ten seats sit on one arc; no seat is left alone on a ring of its own."""
    for n in range(2, 11):
        assert {s.ring for s in layout(n)} == {0}
    for n in range(11, 60):
        rings = [sum(1 for s in layout(n) if s.ring == r) for r in range(10)]
        assert all(count != 1 for count in rings)


def test_simulation_titles_name_the_law_briefly() -> None:
    from korelect.record.election import adapt_rules

    sim = korelect.simulate(2020, 10, rules=adapt_rules(2020, rules_for(2024))[0])
    titles = [t.text or "" for t in parse(histogram_svg(sim)).iter(f"{NS}text")]
    assert any(t.startswith("2020 under 2024's law: seats in 10 simulated") for t in titles)


@pytest.mark.parametrize("year", [1973, 1978])
def test_the_appointed_tier_is_drawn_apart(year: int) -> None:
    result = results(year)
    bloc = next(b for b in blocs(result) if b.appointed)
    assert bloc.key == "yujeonghoe"
    assert bloc.seats == result.rules.list_seats
    svg = hemicycle_svg(result)
    assert svg.count('class="seat"') == result.total_seats
    assert svg.count('data-kind="appointed"') == result.rules.list_seats
    assert svg.count('data-kind="list"') == 0
    assert f"Yujeonghoe: {bloc.seats} appointed" in svg
    assert "appointed seats hollow" in svg
    assert "list seats light" not in svg


def test_an_assembly_without_list_seats_has_a_plain_legend() -> None:
    svg = hemicycle_svg(results(1958))
    assert svg.count('class="seat"') == 233
    assert "district +" not in svg
    assert "Liberal Party: 126<" in svg


def test_bars_show_the_appointed_bloc_without_a_vote_bar() -> None:
    svg = bars_svg(results(1973))
    root = parse(svg)
    bloc = next(g for g in root.iter(f"{NS}g") if g.attrib.get("data-party") == "yujeonghoe")
    assert [r.attrib["class"] for r in bloc.iter(f"{NS}rect")] == ["bar seats"]
    words = "".join(bloc.itertext())
    assert "Yujeonghoe (appointed)" in words
    assert "no vote: appointed" in words
    assert svg.count('class="bar votes"') == svg.count('class="bar seats"') - 1


def test_a_chart_under_another_law_says_so_in_its_title() -> None:
    own = results(2020)
    other = results(2020, rules=2016)
    assert "National Assembly election 2020<" in hemicycle_svg(own)
    assert "National Assembly election 2020 under 2016&#x27;s law<" in hemicycle_svg(other)
    assert "2020 under 2016&#x27;s law: vote share and seat share" in bars_svg(other)
    assert "2020: vote share and seat share" in bars_svg(own)
