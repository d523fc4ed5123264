"""Inline code is set smaller than the words around it, so that its small letters stand no taller than
theirs (DejaVu Sans Mono's x-height is far above Calibri's): in the deck, as an office suite draws it,
and in the slide drawings alike; lines with much code still fit."""

from __future__ import annotations

from pypdf import PdfReader

from .conftest import run_cli, write_md
from .drawn import problems, render

LECTURE = """
# Code

## Inline code

- Call `print()` to show a value and `len(xs)` for its length
- The `for` loop walks over `range(10)` one step at a time, `enumerate(xs)` with its index,
  `zip(a, b)` in pairs and `sorted(xs, key=len, reverse=True)` longest first
"""


def _sizes(pdf, page: int) -> dict[str, float]:
    """The type size each piece of text on ``page`` (0-based) of ``pdf`` is drawn at."""
    out: dict[str, float] = {}

    def seen(text, cm, tm, font, size):
        if text.strip():
            out.setdefault(text.strip().split()[0], round(size * tm[0] * cm[0], 2))

    PdfReader(str(pdf)).pages[page].extract_text(visitor_text=seen)
    return out


def test_inline_code_is_smaller_than_its_words_alike_in_the_deck_and_its_drawings(tmp_path, soffice):
    src = write_md(tmp_path, LECTURE)
    result = run_cli("all", src, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.stderr
    deck = tmp_path / "out" / "lecture.pptx"
    drawn = render([deck], tmp_path / "lo", soffice)[deck]
    assert problems(deck, drawn) == []  # (code measured at its size: nothing overflows)
    ratios = []
    for pdf in (drawn, tmp_path / "out" / "lecture-slides.pdf"):
        sizes = _sizes(pdf, 1)
        text, code = sizes["Call"], sizes["print()"]
        ratios.append(code / text)
        assert 0.8 <= code / text <= 0.95, (pdf.name, sizes)  # Calibri's x-height over DejaVu Sans Mono's
        assert sizes["range(10)"] == code
    assert abs(ratios[0] - ratios[1]) < 0.02, ratios
