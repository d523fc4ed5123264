"""Review 22: Marp and Slidev decks.  An HTML ``<ol>`` whose items hold blocks (``<div>``, ``<p>``) is
numbered 1, 2, 3 with each number beside its item's words; a Slidev slide's front-matter words
(``subtitle:``, a custom layout's props) are shown or named, and a cover written as front matter only
is the title slide; a Slidev deck without Slidev's headmatter keys is told by its slides' own front
matter; a Marp ``_class: title`` slide after a picture-only cover is the title slide."""

from __future__ import annotations

import subprocess

from .conftest import built_from_text, slide_text

_A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"


def _pdf_text(path) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


def _numbered(slide) -> list[tuple[str, str]]:
    """The paragraphs of ``slide`` that are numbered items: (their words, the number they start at)."""
    found = []
    for sh in slide.shapes:
        if not sh.has_text_frame:
            continue
        for p in sh.text_frame.paragraphs:
            auto = p._p.find(f"{_A}pPr/{_A}buAutoNum")
            if auto is not None:
                found.append((p.text.strip(), auto.get("startAt", "1")))
    return found


HTML_OL = """\
---
title: Programme
---

## Programme

<ol class="course-toc-list">
  <li>
    <span class="course-toc-list__number">01</span>
    <div>
      <strong>Prendre en main</strong>
      <small>VBE, projet, module.</small>
    </div>
  </li>
  <li>
    <div>
      <strong>Les bases</strong>
    </div>
  </li>
  <li><p>Piloter Excel</p><p>Range et Cells.</p></li>
</ol>
"""


def test_an_html_ol_whose_items_hold_blocks_is_numbered_one_two_three(tmp_path):
    prs, handout, stderr = built_from_text(tmp_path, HTML_OL)
    slide = prs.slides[1]
    # each item's first words beside its number, counted on: never an empty "1." over each item
    assert _numbered(slide) == [("01", "1"), ("Les bases", "2"), ("Piloter Excel", "3")]
    words = slide_text(slide)
    for line in ("Prendre en main", "VBE, projet, module.", "Range et Cells."):
        assert line in words and line in handout
    slides_pdf = _pdf_text(tmp_path / "out" / "lecture-slides.pdf")
    for number, item in (("1.", "01"), ("2.", "Les bases"), ("3.", "Piloter Excel")):
        assert any(line.split()[:1] == [number] and item in line for line in slides_pdf.splitlines()), (
            slides_pdf
        )
    assert "lecture.md:7: warning:" in stderr and "[raw-html]" in stderr
