"""A word wider than the slide is broken in the slide drawings (the slides PDF, the handout's drawings)
as the deck breaks it, not run past the slide's edge and cut off there (read back with poppler's word
boxes, which include what a clip hides)."""

from __future__ import annotations

import shutil

import pytest

from .conftest import write_md
from .drawn import pages

pytestmark = pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler's pdftotext is not installed")

WORD = "Donaudampfschifffahrtsgesellschaftskapitänsmützenabzeichenherstellungsbetriebsgesellschaftsvorstandsvorsitzender"
LECTURE = f"""---
title: Long word
lang: de
---

## Ein sehr langes Wort

Text davor.

{WORD}

Text danach.
"""


def test_a_word_wider_than_the_slide_is_broken_in_the_slides_pdf(tmp_path, cli):
    src = write_md(tmp_path, LECTURE)
    result = cli("pdf", src, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.output
    width, _, words = pages(tmp_path / "out" / "lecture-slides.pdf")[-1]
    pieces = [w for w in words if w.text.startswith("Donau") or w.text.endswith("vorsitzender")]
    assert len(pieces) >= 2, [w.text for w in words]  # (on two lines or more)
    assert "".join(w.text for w in words if WORD.find(w.text) >= 0 and len(w.text) > 3) == WORD
    assert all(w.x1 <= width for w in words), [(w.text, w.x1, width) for w in words if w.x1 > width]


def test_a_word_wider_than_the_slide_is_broken_in_the_handouts_drawing(tmp_path, cli):
    src = write_md(tmp_path, LECTURE)
    result = cli("handout", src, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.output
    words = [w for _, _, page in pages(tmp_path / "out" / "lecture-handout.pdf") for w in page]
    assert not any(w.text == WORD for w in words)
    assert any(w.text.startswith("Donau") for w in words)
    assert any(w.text.endswith("vorsitzender") for w in words)
