"""In the slides PDF, a list's first sub-item stands as far below its parent as the next sub-item below
it (the deck spaces every paragraph alike; the drawing set the first one tight against its parent)."""

from __future__ import annotations

import re
import subprocess

from .conftest import run_cli, write_md


def _lines(pdf, page: int) -> dict[str, tuple[float, float]]:
    """Each line's first word on ``page``: its top and bottom (pt), from ``pdftotext -bbox-layout``."""
    xml = subprocess.run(
        ["pdftotext", "-bbox-layout", "-f", str(page), "-l", str(page), str(pdf), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    out: dict[str, tuple[float, float]] = {}
    for line in re.finditer(
        r'<line xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">\s*<word[^>]*>([^<]*)<', xml
    ):
        out.setdefault(line.group(3), (float(line.group(1)), float(line.group(2))))
    return out


def test_a_first_sub_item_is_spaced_as_the_next(tmp_path):
    src = write_md(
        tmp_path,
        """
        ## Goals

        - Parent point
            - Alpha sub
            - Beta sub
            - Gamma sub
        """,
    )
    result = run_cli("pdf", src, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.stderr
    lines = _lines(tmp_path / "out" / "lecture-slides.pdf", 1)
    parent, alpha, beta, gamma = (lines[w] for w in ("Parent", "Alpha", "Beta", "Gamma"))
    first_gap, next_gap = alpha[0] - parent[1], beta[0] - alpha[1]
    assert abs(next_gap - (gamma[0] - beta[1])) < 0.5
    assert abs(first_gap - next_gap) < 1.5, (first_gap, next_gap)
