"""An author's ``email:`` (Quarto's author mapping) is shown under the names, as Quarto's title slide
shows it: on the deck's title slide, the slides PDF's and the handout's cover (there, a mailto link)."""

from __future__ import annotations

import subprocess

from pptx import Presentation

from .conftest import paragraph_texts, run_cli, write_md

LECTURE = """
---
title: Emails
author:
  - name: Ada Lovelace
    email: ada@example.org
    affiliations: Analytical Engine Society
  - name: Bob Babbage
    email: bob at example dot org
  - name: Carol
format: revealjs
---

## A slide

- a point
"""


def test_emails_are_on_the_title_slide_and_the_covers(tmp_path):
    src = write_md(tmp_path, LECTURE, "lecture.qmd")
    out = tmp_path / "out"
    result = run_cli("all", src, "-o", out)
    assert result.exit_code == 0, result.stderr
    title = Presentation(str(out / "lecture.pptx")).slides[0]
    texts = paragraph_texts(title)
    names = texts.index("Ada Lovelace, Bob Babbage, Carol")
    assert texts[names + 1] == "ada@example.org · bob at example dot org"
    for pdf in ("lecture-handout.pdf", "lecture-slides.pdf"):
        first = subprocess.run(
            ["pdftotext", "-l", "1", str(out / pdf), "-"], capture_output=True, text=True, check=True
        ).stdout
        assert "ada@example.org · bob at example dot org" in first, pdf
    from pypdf import PdfReader

    links = [
        a.get_object()["/A"].get("/URI")
        for a in PdfReader(str(out / "lecture-handout.pdf")).pages[0].get("/Annots", [])
    ]
    assert links == ["mailto:ada@example.org"]  # (the words that are no address are not a link)
