"""Text a lecture centres or sets right (``::: {.center}``, ``<center>``, ``<div align="center">``,
``style="text-align: right"``, beamer's ``center`` and ``flushright``, xaringan's ``.center[…]``) is
aligned so in the deck (python-pptx), in the drawings (the slides PDF's word boxes) and in the
handout; lists inside keep their bullets on the left, and xaringan's ``.footnote[…]`` is small print
at the slide's foot."""

from __future__ import annotations

from pptx import Presentation
from pptx.enum.text import PP_ALIGN

from .conftest import run_cli, write_md
from .drawn import pages

MARKDOWN = """\
---
title: T
---

## Aligned

Left words.

<center>

**Centred words**

</center>

<div align="center">

Also centred

- a list stays left

</div>

::: {style="text-align: right"}
set right
:::
"""

BEAMER = r"""\documentclass{beamer}
\title{T}
\begin{document}
\begin{frame}{Centred}
Some left text.
\begin{center}
A centred statement.
\end{center}
\begin{itemize}
\item An item
\begin{center}
centred in an item
\end{center}
\item Two
\end{itemize}
\begin{flushright}
--- Someone
\end{flushright}
\end{frame}
\end{document}
"""


def _aligns(deck) -> dict[str, object]:
    out = {}
    for slide in Presentation(str(deck)).slides:
        for shape in slide.shapes:
            if shape.has_text_frame:
                for p in shape.text_frame.paragraphs:
                    if p.text.strip():
                        out[p.text.strip()] = p.alignment
    return out


def _order(deck, index: int) -> list[str]:
    slide = Presentation(str(deck)).slides[index]
    return [
        p.text for s in slide.shapes if s.has_text_frame for p in s.text_frame.paragraphs if p.text.strip()
    ]


def _centre_of(pdf, page: int, word: str) -> tuple[float, float]:
    """(the word's middle, the page's middle) across the page, in points."""
    width, _, words = pages(pdf)[page]
    (w,) = [w for w in words if w.text == word]
    return (w.x0 + w.x1) / 2, width / 2


def test_centred_and_right_set_markdown_is_so_in_the_deck_and_the_drawings(tmp_path):
    src = write_md(tmp_path, MARKDOWN)
    result = run_cli("all", src, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.stderr
    aligns = _aligns(tmp_path / "out" / "lecture.pptx")
    assert aligns["Left words."] is None
    assert aligns["Centred words"] == PP_ALIGN.CENTER
    assert aligns["Also centred"] == PP_ALIGN.CENTER
    assert aligns["a list stays left"] is None
    assert aligns["set right"] == PP_ALIGN.RIGHT
    line_l, middle = _centre_of(tmp_path / "out" / "lecture-slides.pdf", 1, "Centred")
    line_r, _ = _centre_of(tmp_path / "out" / "lecture-slides.pdf", 1, "words")
    assert abs((line_l + line_r) / 2 - middle) < 40  # the line "Centred words" is about the middle
    right, _ = _centre_of(tmp_path / "out" / "lecture-slides.pdf", 1, "right")
    left, _ = _centre_of(tmp_path / "out" / "lecture-slides.pdf", 1, "Left")
    assert right > middle + 200 and left < middle - 200
    # the handout's drawing of the slide: centred between its left margin and its right-set word
    (page,) = [
        p for p in pages(tmp_path / "out" / "lecture-handout.pdf") if any(w.text == "Centred" for w in p[2])
    ]
    at = {w.text: w for w in page[2]}
    twin_middle = (at["Left"].x0 + at["right"].x1) / 2
    assert abs((at["Centred"].x0 + at["words"].x1) / 2 - twin_middle) < 15
    assert at["a"].x0 < at["Centred"].x0 - 50  # (the list item stays at the left)


def test_beamer_center_and_flushright_align_their_text_and_keep_it_in_its_place(tmp_path):
    src = tmp_path / "deck.tex"
    src.write_text(BEAMER, encoding="utf-8")
    result = run_cli("slides", src, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.stderr
    deck = tmp_path / "out" / "deck.pptx"
    aligns = _aligns(deck)
    assert aligns["Some left text."] is None
    assert aligns["A centred statement."] == PP_ALIGN.CENTER
    assert aligns["centred in an item"] == PP_ALIGN.CENTER
    assert aligns["— Someone"] == PP_ALIGN.RIGHT
    body = _order(deck, 1)
    assert body.index("An item") < body.index("centred in an item") < body.index("Two")
    assert "overfull" not in result.stderr


def test_xaringan_centre_and_footnote(tmp_path):
    src = tmp_path / "x.Rmd"
    src.write_text(
        "---\ntitle: Intro\noutput:\n  xaringan::moon_reader: default\n---\n\n## Quote\n\n"
        ".center[**All models are wrong**]\n\nSome are useful\n\n.footnote[Source: Box (1976)]\n\n???\nNotes\n",
        encoding="utf-8",
    )
    result = run_cli("slides", src, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.stderr
    deck = tmp_path / "out" / "x.pptx"
    aligns = _aligns(deck)
    assert aligns["All models are wrong"] == PP_ALIGN.CENTER and aligns["Some are useful"] is None
    slide = Presentation(str(deck)).slides[1]
    (note,) = [s for s in slide.shapes if s.has_text_frame and "Box (1976)" in s.text_frame.text]
    (body,) = [s for s in slide.shapes if s.has_text_frame and "Some are useful" in s.text_frame.text]
    assert note.top > body.top + body.height  # under the body, at the foot
    sizes = {r.font.size.pt for p in note.text_frame.paragraphs for r in p.runs if r.font.size}
    assert sizes and max(sizes) < 20  # (small print: the body is 24 pt and more)


def test_a_centred_line_inside_a_box_stays_in_the_box(tmp_path):
    src = tmp_path / "box.tex"
    src.write_text(
        "\\documentclass{beamer}\n\\title{T}\n\\begin{document}\n\\begin{frame}{Duality}\n\\begin{block}{Introduction}\n"
        "\\begin{center}\nLinear Programming\n\\end{center}\n\\begin{itemize}\n\\item Specific techniques\n\\end{itemize}\n"
        "\\end{block}\n\\end{frame}\n\\end{document}\n",
        encoding="utf-8",
    )
    result = run_cli("slides", src, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.stderr
    slide = Presentation(str(tmp_path / "out" / "box.pptx")).slides[1]
    (box,) = [s for s in slide.shapes if s.has_text_frame and "Linear Programming" in s.text_frame.text]
    assert "Introduction" in box.text_frame.text and "Specific techniques" in box.text_frame.text
    (centred,) = [p for p in box.text_frame.paragraphs if p.text == "Linear Programming"]
    assert centred.alignment == PP_ALIGN.CENTER
