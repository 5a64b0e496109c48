"""``korelect chart``: files written whole, the format from the suffix, one-line user errors."""

from __future__ import annotations

import dataclasses
import os
import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest

import korelect
from korelect.cli import main

ROOT = Path(__file__).parents[1]
NS = "{http://www.w3.org/2000/svg}"


def run(capsys: pytest.CaptureFixture[str], *argv: str | Path) -> tuple[int, str, str]:
    status = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return status, out, err


def error_line(capsys: pytest.CaptureFixture[str], *argv: str | Path) -> str:
    status, out, err = run(capsys, *argv)
    assert status == 2
    assert out == ""
    assert len(err.splitlines()) == 1, err
    assert err.startswith("korelect: error: ")
    assert "Traceback" not in err
    return err.rstrip("\n")


def usage_error(capsys: pytest.CaptureFixture[str], *argv: str | Path) -> str:
    with pytest.raises(SystemExit) as exc:
        main([str(a) for a in argv])
    assert exc.value.code == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert len(err.splitlines()) == 1, err
    assert err.startswith("korelect: error: ")
    return err.rstrip("\n")


@pytest.mark.parametrize(
    ("argv", "marker"),
    [
        (["hemicycle", "2024"], 'class="seat"'),
        (["hemicycle", "2020", "--rules", "2016", "--width", "500"], 'width="500"'),
        (["map", "2016"], 'class="province"'),
        (["map", "2016", "--party", "People's Party"], "data-share"),
        (["bars", "1996"], 'class="bar votes"'),
        (["histogram", "2016", "-n", "40", "--seed", "2"], 'class="panel"'),
    ],
)
def test_chart_svg(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, argv: list[str], marker: str
) -> None:
    out_file = tmp_path / "chart.svg"
    status, out, err = run(capsys, "chart", *argv, "-o", out_file)
    assert (status, err) == (0, "")
    assert out.startswith(f"wrote {out_file} (")
    svg = out_file.read_text(encoding="utf-8")
    assert ET.fromstring(svg).tag == f"{NS}svg"  # noqa: S314  (our own output)
    assert marker in svg
    assert [p.name for p in tmp_path.iterdir()] == ["chart.svg"]  # no temporary file left


def test_chart_rules_change_the_seats(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    a, b = tmp_path / "a.svg", tmp_path / "b.svg"
    run(capsys, "chart", "hemicycle", "2020", "-o", a)
    run(capsys, "chart", "hemicycle", "2020", "--rules", "2016", "-o", b)
    assert a.read_text() != b.read_text()


def test_chart_png(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    out_file = tmp_path / "Hemicycle.PNG"
    status, _, err = run(capsys, "chart", "hemicycle", "2024", "--width", "400", "-o", out_file)
    assert (status, err) == (0, "")
    data = out_file.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert int.from_bytes(data[16:20], "big") == 800  # scale 2


def test_histogram_is_reproducible(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    a, b = tmp_path / "a.svg", tmp_path / "b.svg"
    for f in (a, b):
        run(capsys, "chart", "histogram", "2012", "-n", "30", "--seed", "5", "-o", f)
    assert a.read_bytes() == b.read_bytes()


def test_user_errors(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    out = tmp_path / "c.svg"
    assert "chart map: expected an election year" in error_line(
        capsys, "chart", "map", "2017", "-o", out
    )
    assert "(got 'abc')" in error_line(capsys, "chart", "hemicycle", "abc", "-o", out)
    assert "'.pdf'" in error_line(capsys, "chart", "bars", "2016", "-o", tmp_path / "c.pdf")
    assert "no suffix" in error_line(capsys, "chart", "bars", "2016", "-o", tmp_path / "c")
    assert "no such folder" in error_line(
        capsys, "chart", "bars", "2016", "-o", tmp_path / "missing" / "c.svg"
    )
    assert "no party 'Nope' in 2016" in error_line(
        capsys, "chart", "map", "2016", "--party", "Nope", "-o", out
    )
    assert "--party is for the map only" in error_line(
        capsys, "chart", "hemicycle", "2016", "--party", "GNP", "-o", out
    )
    assert "--rules does not apply" in error_line(
        capsys, "chart", "map", "2016", "--rules", "2004", "-o", out
    )
    assert "no rules for 1999" in error_line(
        capsys, "chart", "hemicycle", "2016", "--rules", "1999", "-o", out
    )
    assert "width" in error_line(capsys, "chart", "hemicycle", "2016", "--width", "5", "-o", out)
    declared = tmp_path / "declared"
    korelect.write_counts(dataclasses.replace(korelect.counts_of(2024), candidates=()), declared)
    assert "has none" in error_line(
        capsys, "chart", "histogram", "--counts", str(declared), "-o", out
    )
    assert "'n'" in error_line(capsys, "chart", "histogram", "2016", "-n", "0", "-o", out)
    assert "invalid choice: 'pie'" in usage_error(capsys, "chart", "pie", "2016", "-o", out)
    assert "-o/--output" in usage_error(capsys, "chart", "map", "2016")
    assert not out.exists()


def test_unwritable_folder(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    if os.geteuid() != 0:
        folder = tmp_path / "ro"
        folder.mkdir()
        folder.chmod(0o500)
    elif Path("/sys").is_dir():
        folder = Path("/sys")  # read-only even for root
    else:
        pytest.skip("root can write anywhere here")
    try:
        line = error_line(capsys, "chart", "map", "2016", "-o", folder / "m.svg")
        assert line.startswith(f"korelect: error: {folder / 'm.svg'}: cannot write: ")
        assert not (folder / "m.svg").exists()
        assert not (folder / ".m.svg.korelect-tmp").exists()
    finally:
        if folder.is_relative_to(tmp_path):
            folder.chmod(0o700)


def test_a_failed_write_leaves_the_old_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    # the target exists as a non-empty folder: the rename fails and nothing is left behind
    target = tmp_path / "m.svg"
    target.mkdir()
    (target / "keep").write_text("x")
    line = error_line(capsys, "chart", "map", "2016", "-o", target)
    assert "is a folder" in line
    assert sorted(p.name for p in tmp_path.iterdir()) == ["m.svg"]
    assert (target / "keep").read_text() == "x"


def test_chart_in_a_subprocess(tmp_path: Path) -> None:
    out = tmp_path / "m.png"
    r = subprocess.run(
        [sys.executable, "-m", "korelect", "chart", "map", "2016", "-o", str(out)],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
        timeout=120,
    )
    assert r.returncode == 0, r.stderr
    assert out.read_bytes()[:4] == b"\x89PNG"
    r = subprocess.run(
        [sys.executable, "-m", "korelect", "chart", "map", "2016", "-o", str(tmp_path / "m.gif")],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
        timeout=120,
    )
    assert r.returncode == 2
    assert r.stderr.startswith("korelect: error: ")
    assert len(r.stderr.splitlines()) == 1
