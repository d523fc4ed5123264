"""Thai in the slide drawings: tone marks stacked over a vowel on a body's first line are drawn
(WeasyPrint's clip of the body's box cut them off, while LibreOffice draws them), long Thai sentences (no spaces between words)
are measured as breakable, and `check` passes on Thai text."""

from __future__ import annotations

import subprocess

from PIL import Image

from .conftest import run_cli, write_md

LECTURE = """
---
title: ภาษาไทย
lang: th
---

## สระ

- ชี่ชี่ชี่ชี่ชี่ชี่
- ชี่ชี่ชี่ชี่ชี่ชี่
- อาหารไทยเป็นอาหารที่มีชื่อเสียงไปทั่วโลกเพราะมีรสชาติที่หลากหลายทั้งเปรี้ยวหวานเค็มและเผ็ดในจานเดียวกัน
"""


def _ink_top(image: Image.Image, box: tuple[float, float, float, float], scale: float) -> int:
    """The highest row (pixels) with ink within the line's ``box`` (points), or a little above it."""
    x0, y0, x1, y1 = (round(v * scale) for v in box)
    height = y1 - y0
    for y in range(max(0, y0 - height // 4), y1):
        if any(image.getpixel((x, y)) < 128 for x in range(x0, x1)):
            return y
    return y1


def test_stacked_thai_tone_marks_are_drawn_and_a_long_thai_line_fits(tmp_path):
    src = write_md(tmp_path, LECTURE)
    result = run_cli("all", src, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.stderr  # (check passes on the Thai text)
    assert "overfull" not in result.stderr, result.stderr  # (no word wider than the slide)
    pdf = tmp_path / "out" / "lecture-slides.pdf"
    words = subprocess.run(
        ["pdftotext", "-bbox", "-f", "2", "-l", "2", str(pdf), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    rows: dict[int, list[float]] = {}  # each line of text (by its top): its box, over all its pieces
    for line in words.splitlines():
        if "<word" in line:
            x0, y0, x1, y1 = (
                float(line.split(f'{k}="')[1].split('"')[0]) for k in ("xMin", "yMin", "xMax", "yMax")
            )
            box = rows.setdefault(round(y0 / 4), [x0, y0, x1, y1])
            box[0], box[2] = min(box[0], x0), max(box[2], x1)
    _title, first, second, *_ = (tuple(rows[k]) for k in sorted(rows))
    scale = 150 / 72
    subprocess.run(
        ["pdftoppm", "-r", "150", "-f", "2", "-l", "2", "-gray", "-png", str(pdf), str(tmp_path / "page")],
        check=True,
    )
    image = Image.open(next(tmp_path.glob("page*.png"))).convert("L")
    rise_first = round(first[1] * scale) - _ink_top(image, first, scale)
    rise_second = round(second[1] * scale) - _ink_top(image, second, scale)
    # the same words on the body's first line and on the next: their tone marks (above the vowel, above
    # the body's box on its first line) reach as high over each line
    assert abs(rise_first - rise_second) <= 2, (rise_first, rise_second)
