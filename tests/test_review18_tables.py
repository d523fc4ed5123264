"""Review 18 (a): a pipe table right under a line of text, and an author's linked name and e-mail."""

from __future__ import annotations

import subprocess

import pypdf
from pptx import Presentation

from .conftest import paragraph_texts, run_cli, write_md

_UNDER_A_LINE = """
---
title: Tables
format: revealjs
---

## Broken, after a blank line

| A | B | C |
|||--|
| 1 | 2 | 3 |

## Broken, right under a line

*Gemeinden:*
| A | B | C |
|||--|
| 1 | 2 | 3 |

## Valid, right under a line

*Ergebnis:*
| X | Y |
|---|---|
| 7 | 8 |
"""


def _pdf_text(path) -> str:
    return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout


def _slide(deck, title):
    return next(s for s in deck.slides if s.shapes.title is not None and s.shapes.title.text == title)


def test_a_broken_table_right_under_a_line_is_warned_about(tmp_path):
    src = write_md(tmp_path, _UNDER_A_LINE, "lecture.qmd")
    result = run_cli("all", src, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.stderr
    assert "lecture.qmd:8: warning: this looks like a table" in result.stderr
    assert "lecture.qmd:15: warning: this looks like a table but is not read as one: its delimiter row" in (
        result.stderr
    )
    assert result.stderr.count("[table]") == 2
    deck = Presentation(str(tmp_path / "out" / "lecture.pptx"))
    assert any(
        "Gemeinden: | A | B | C |" in t for t in paragraph_texts(_slide(deck, "Broken, right under a line"))
    )


def test_a_valid_table_right_under_a_line_is_text_in_pandoc_markdown(tmp_path):
    src = write_md(tmp_path, _UNDER_A_LINE, "lecture.qmd")
    result = run_cli("all", src, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.stderr
    assert "lecture.qmd:22: note: a table does not begin right under a paragraph's line" in result.stderr
    assert "[table-in-paragraph]" in result.stderr
    deck = Presentation(str(tmp_path / "out" / "lecture.pptx"))
    slide = _slide(deck, "Valid, right under a line")
    assert not any(shape.has_table for shape in slide.shapes)
    assert any("Ergebnis: | X | Y |" in t for t in paragraph_texts(slide))
    assert "Ergebnis: | X | Y |" in _pdf_text(tmp_path / "out" / "lecture-handout.pdf")
    # (in a list item too, as pandoc reads it)
    src = write_md(tmp_path, "# T\n\n## S\n\n- Rows:\n  | X | Y |\n  |---|---|\n  | 7 | 8 |\n", "item.md")
    result = run_cli("all", src, "-o", tmp_path / "item")
    assert "item.md:6: note:" in result.stderr and "[table-in-paragraph]" in result.stderr
    deck = Presentation(str(tmp_path / "item" / "item.pptx"))
    assert not any(shape.has_table for s in deck.slides for shape in s.shapes)


def test_a_marp_deck_keeps_markdown_its_table_under_a_line(tmp_path):
    src = write_md(
        tmp_path,
        "---\nmarp: true\n---\n\n## Rows\n\nResult:\n| X | Y |\n|---|---|\n| 7 | 8 |\n\n---\n\n## Broken\n\n"
        "Result:\n| X | Y |\n|--||\n| 7 | 8 |\n",
        "marp.md",
    )
    result = run_cli("all", src, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.stderr
    assert "[table-in-paragraph]" not in result.stderr
    assert "marp.md:17: warning: this looks like a table" in result.stderr
    deck = Presentation(str(tmp_path / "out" / "marp.pptx"))
    slide = _slide(deck, "Rows")
    assert any(shape.has_table for shape in slide.shapes)
    assert "Result:" in paragraph_texts(slide)


def test_an_author_linked_name_and_email_keep_their_line_break_and_links(tmp_path):
    src = write_md(
        tmp_path,
        """
        ---
        title: "UNIX & Shell Programming"
        author:
          - |
            [Robert Wu](https://www.cs.toronto.edu/~rupert/)\\
            [rupert.wu@utoronto.ca](mailto:rupert.wu@utoronto.ca)
        ---

        # One

        Text.
        """,
    )
    result = run_cli("all", src, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.stderr
    deck = Presentation(str(tmp_path / "out" / "lecture.pptx"))
    paras = [p for s in deck.slides[0].shapes if s.has_text_frame for p in s.text_frame.paragraphs]
    para = next(p for p in paras if "Robert Wu" in p.text)
    assert para.text == "Robert Wu\vrupert.wu@utoronto.ca"
    links = {r.text: r.hyperlink.address for r in para.runs if r.hyperlink.address}
    assert links == {
        "Robert Wu": "https://www.cs.toronto.edu/~rupert/",
        "rupert.wu@utoronto.ca": "mailto:rupert.wu@utoronto.ca",
    }
    handout = tmp_path / "out" / "lecture-handout.pdf"
    assert "Robert Wu\nrupert.wu@utoronto.ca" in _pdf_text(handout)
    annots = pypdf.PdfReader(str(handout)).pages[0].get("/Annots", [])
    uris = {a.get_object()["/A"]["/URI"] for a in annots if "/A" in a.get_object()}
    assert {"https://www.cs.toronto.edu/~rupert/", "mailto:rupert.wu@utoronto.ca"} <= uris
