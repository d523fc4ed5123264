"""Review 20 (j), problem 6: a title slide with many lines under its title (a beamer subtitle, author,
institute and date of several lines each).

The deck shrank them to 9.9 pt with no word said, and the slides PDF and the handout's drawing,
which guessed their own size, drew the last lines on the dark band at the foot of the title layout.
Now every output sets them at the size the fitter measured, inside the subtitle's box, never below
12 pt without an ``overfull`` warning naming the field to shorten.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from pptx import Presentation
from pptx.enum.shapes import PP_PLACEHOLDER

from .conftest import run_cli
from .drawn import pages, problems, render

EMU_PER_PT = 12700
TITLE_FLOOR_PT = 12.0  # two thirds of the 18 pt body floor

# seven lines under the title: they fit both templates' subtitle boxes at 12 pt or more
SEVEN_LINES = r"""\documentclass{beamer}
\title{Programación Funcional}
\subtitle{Paradigmas de Lenguajes de Programación \\ Prueba de Oposición}
\author{Leandro Lovisolo}
\date{16 de Septiembre de 2015}
\institute{Departamento de Computación \\ Facultad de Ciencias Exactas y Naturales \\ Universidad de Buenos Aires}
\begin{document}
\begin{frame}
  \titlepage
\end{frame}
\end{document}
"""

# the review's deck (es-haskell): ten lines, more than the box holds at 12 pt
TEN_LINES = r"""\documentclass{beamer}
\title{Programación Funcional}
\subtitle{
  Paradigmas de Lenguajes de Programación \\
  Prueba de Oposición \\
  Ayudantía de Segunda \\
  Área Teoría
}
\author{Leandro Lovisolo \\ leandro@leandro.me}
\date{16 de Septiembre de 2015}
\institute{
  Departamento de Computación \\
  Facultad de Ciencias Exactas y Naturales \\
  Universidad de Buenos Aires
}
\begin{document}
\begin{frame}
  \titlepage
\end{frame}
\end{document}
"""


def _build(tmp_path: Path, text: str, *args: str):
    src = tmp_path / "deck.tex"
    src.write_text(text, encoding="utf-8")
    result = run_cli("all", src, "-o", tmp_path / "out", *args)
    assert result.exit_code == 0, result.stderr
    return tmp_path / "out", result.stderr


def _title_geometry(deck: Path) -> tuple[float, float, float]:
    """(the subtitle box's top, its bottom, the top of the design below it), in points from the
    slide's top: the title slide's layout read with python-pptx."""
    prs = Presentation(str(deck))
    slide = prs.slides[0]
    sub = next(ph for ph in slide.placeholders if ph.placeholder_format.type == PP_PLACEHOLDER.SUBTITLE)
    top, bottom = sub.top / EMU_PER_PT, (sub.top + sub.height) / EMU_PER_PT
    layout = slide.slide_layout
    shapes = [*layout.shapes, *layout.slide_master.shapes]
    below = [
        sh.top / EMU_PER_PT
        for sh in shapes
        if not sh.is_placeholder and sh.top is not None and sh.top / EMU_PER_PT >= bottom - 1
    ]
    return top, bottom, min(below, default=prs.slide_height / EMU_PER_PT)


def _subtitle_sizes(deck: Path) -> list[float]:
    """The size (pt) of every run in the title slide's subtitle box (the layout's where none is set)."""
    slide = Presentation(str(deck)).slides[0]
    sub = next(ph for ph in slide.placeholders if ph.placeholder_format.type == PP_PLACEHOLDER.SUBTITLE)
    own = slide.slide_layout.placeholders.get(idx=sub.placeholder_format.idx)
    sz = own.element.xpath("./p:txBody/a:lstStyle/a:lvl1pPr/a:defRPr/@sz") if own is not None else []
    sz = sz or slide.slide_layout.slide_master.element.xpath(
        "./p:txStyles/p:bodyStyle/a:lvl1pPr/a:defRPr/@sz"
    )
    inherited = int(sz[0]) / 100
    return [
        r.font.size.pt if r.font.size is not None else inherited
        for p in sub.text_frame.paragraphs
        for r in p.runs
    ]


def _words(pdf: Path, page: int) -> list[tuple[str, float, float, float, float]]:
    xml = subprocess.run(
        ["pdftotext", "-bbox", "-f", str(page), "-l", str(page), str(pdf), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return [
        (w, float(x0), float(y0), float(x1), float(y1))
        for x0, y0, x1, y1, w in re.findall(
            r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>', xml
        )
    ]


def _lines_below_title(words):
    """The words under the title's (those of the subtitle's box)."""
    tallest = max(w[4] - w[2] for w in words)
    title = [w for w in words if w[0] in ("Programación", "Funcional") and w[4] - w[2] > tallest - 1]
    assert title, words
    under = max(w[4] for w in title)
    return [w for w in words if w[2] >= under - 1]


@pytest.mark.parametrize("template", ["default", "classic"])
def test_title_lines_fit_their_box_at_a_readable_size_in_every_output(tmp_path, template):
    out, messages = _build(tmp_path, SEVEN_LINES, "--template", template)
    assert "overfull" not in messages, messages
    deck = out / "deck.pptx"
    sizes = _subtitle_sizes(deck)
    assert sizes and min(sizes) >= TITLE_FLOOR_PT, sizes
    top, bottom, band = _title_geometry(deck)
    words = _lines_below_title(_words(out / "deck-slides.pdf", 1))
    assert {w[0] for w in words} >= {"Aires", "Septiembre", "2015"}
    for text, _, y0, _, y1 in words:  # (the slides PDF is drawn at the slide's size in points)
        assert y0 >= top - 2 and y1 <= bottom + 1, (text, y0, y1, top, bottom)
        assert y1 <= band, (text, y1, band)


def test_title_lines_too_many_warn_at_the_field_and_stay_off_the_band(tmp_path):
    out, messages = _build(tmp_path, TEN_LINES)
    warning = next(line for line in messages.splitlines() if "[overfull]" in line)
    # at the \subtitle's line, naming it and its four lines
    assert re.search(r"\bdeck\.tex:3: warning: slide 1: the title slide's 10 lines", warning), warning
    assert "even at 12 pt" in warning and "shorten the subtitle (4 lines)" in warning, warning
    deck = out / "deck.pptx"
    sizes = _subtitle_sizes(deck)
    assert len(set(sizes)) == 1 and 9.0 <= sizes[0] < TITLE_FLOOR_PT, sizes
    top, bottom, band = _title_geometry(deck)
    slides_words = _lines_below_title(_words(out / "deck-slides.pdf", 1))
    assert {"Aires", "Septiembre", "2015"} <= {w[0] for w in slides_words}
    for text, _, _, _, y1 in slides_words:
        assert y1 <= bottom + 1 and y1 <= band, (text, y1, bottom, band)
    # drawn at the deck's size: a line of the slides PDF is as tall as the deck's type
    aires = next(w for w in slides_words if w[0] == "Aires")
    assert abs((aires[4] - aires[2]) - sizes[0]) < 1.0, (aires, sizes)

    # the handout's drawing of it (a grid of slides): its lines above the band too, the drawing's
    # scale and place found from the title, which is drawn alike in both PDFs
    result = run_cli(
        "handout", tmp_path / "deck.tex", "-o", tmp_path / "grid", "--layout", "grid", "--per-page", "1"
    )
    assert result.exit_code == 0, result.stderr
    drawn = _words(tmp_path / "grid" / "deck-handout.pdf", 1)
    slide_title = next(w for w in _words(out / "deck-slides.pdf", 1) if w[0] == "Programación")
    grid_title = max((w for w in drawn if w[0] == "Programación"), key=lambda w: w[4] - w[2])  # (not the
    # page's running header)
    scale = (grid_title[3] - grid_title[1]) / (slide_title[3] - slide_title[1])
    origin = grid_title[2] - scale * slide_title[2]
    grid_words = _lines_below_title(drawn)
    assert {"Aires", "Septiembre", "2015"} <= {w[0] for w in grid_words}
    for text, _, _, _, y1 in grid_words:
        assert y1 <= origin + scale * band, (text, y1, origin + scale * band)

    # and as LibreOffice draws the deck (where it is installed): every word, none over another, all
    # inside the subtitle's box
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice:
        pdf = render([deck], tmp_path / "lo", soffice)[deck]
        assert problems(deck, pdf) == []
        _, height, drawn_words = pages(pdf)[0]
        ratio = height / (Presentation(str(deck)).slide_height / EMU_PER_PT)
        under = [w for w in drawn_words if w.y0 / ratio > top - 2]
        assert {"Aires", "Septiembre", "2015"} <= {w.text for w in under}
        for w in under:
            assert w.y1 / ratio <= min(bottom + 2, band), (w.text, w.y1 / ratio, bottom)
