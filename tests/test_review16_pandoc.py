"""Sixteenth review, pandoc and R Markdown decks: a ``-`` line right under a paragraph's line is the
paragraph's text in pandoc's Markdown (a list in a Marp deck); a bare address with escaped underscores
is linked whole; front matter indented with tabs is read as pandoc reads it; xaringan's ``-- `` (a space
after it) is words, no click and no cut, wherever the slide is."""

from __future__ import annotations

import re
import subprocess
import zipfile
from pathlib import Path

from pptx import Presentation

from .conftest import paragraph_texts, run_cli, write_md


def _pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True).stdout


def test_a_dash_line_under_a_paragraph_line_is_its_text(tmp_path):
    src = write_md(
        tmp_path,
        """
        ---
        title: Roles
        output: ioslides_presentation
        ---

        ## Roles

        *Role* - patterns of relations (W&F 348)
        - Associations among relations, my boss's boss
        Thus, we consider ties and nodes in combination.

        ## A list

        Items:

        - one
          - sub
        - two
        """,
        "lecture.Rmd",
    )
    result = run_cli("all", src, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.stderr
    assert "lecture.Rmd:9: note:" in result.stderr and "[list-in-paragraph]" in result.stderr
    deck = Presentation(str(tmp_path / "out" / "lecture.pptx"))
    words = paragraph_texts(deck.slides[1])
    assert any(
        re.search(r"\(W&F 348\) - Associations among relations, my boss.s boss Thus, we", w) for w in words
    ), words
    handout = _pdf_text(tmp_path / "out" / "lecture-handout.pdf")
    assert "• Associations" not in handout and "- Associations" in handout
    # (a blank line before a list, and a sublist inside an item, are lists as ever)
    assert [p.text for p in deck.slides[2].placeholders[1].text_frame.paragraphs][-3:] == [
        "one",
        "sub",
        "two",
    ]
    assert "• one" in handout
    # a Marp deck reads it as markdown-it does: a list under the paragraph
    src = write_md(
        tmp_path, "---\nmarp: true\n---\n\n## Roles\n\nRoles are patterns:\n- one\n- two\n", "marp.md"
    )
    result = run_cli("all", src, "-o", tmp_path / "marp")
    assert result.exit_code == 0, result.stderr
    assert "[list-in-paragraph]" not in result.stderr
    deck = Presentation(str(tmp_path / "marp" / "marp.pptx"))
    slide = next(s for s in deck.slides if s.shapes.title is not None and s.shapes.title.text == "Roles")
    assert paragraph_texts(slide)[1:4] == ["Roles are patterns:", "one", "two"]


def test_a_bare_address_with_escaped_underscores_is_linked_whole(tmp_path):
    src = write_md(
        tmp_path,
        r"""
        % Talk

        ## Source

        See http://www.ted.com/talks/mitch\_resnick\_let\_s\_teach.html for the talk.

        And http://example.org/a\-\-b too.
        """,
    )
    result = run_cli("all", src, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.stderr
    with zipfile.ZipFile(tmp_path / "out" / "lecture.pptx") as deck:
        targets = [
            t
            for name in deck.namelist()
            if name.startswith("ppt/slides/_rels/")
            for t in re.findall(r'Target="(http[^"]*)"', deck.read(name).decode())
        ]
    assert targets == ["http://www.ted.com/talks/mitch_resnick_let_s_teach.html"]
    from pypdf import PdfReader

    uris = [
        str(a.get_object()["/A"]["/URI"])
        for page in PdfReader(str(tmp_path / "out" / "lecture-handout.pdf")).pages
        for a in page.get("/Annots") or []
        if "/A" in a.get_object() and "/URI" in a.get_object()["/A"]
    ]
    assert "http://www.ted.com/talks/mitch_resnick_let_s_teach.html" in uris
    assert not any(
        u.startswith(("http://www.ted.com/talks/mitch", "http://example.org/a"))
        and u not in ("http://www.ted.com/talks/mitch_resnick_let_s_teach.html",)
        for u in uris
    ), uris
    words = " ".join(paragraph_texts(Presentation(str(tmp_path / "out" / "lecture.pptx")).slides[1]))
    assert "http://example.org/a--b" in words


def test_front_matter_indented_with_tabs_is_read_as_pandoc_reads_it(tmp_path):
    src = write_md(
        tmp_path,
        "---\n"
        'title: "Introdução"\n'
        "output:\n"
        "\tbeamer_presentation:\n"
        "\t\tkeep_tex: true\n"
        "header-includes:\n"
        "\t- \\usepackage{amsmath}\n"
        "---\n"
        "\n"
        "## Slide\n"
        "\n"
        "Texto\n",
    )
    result = run_cli("all", src, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.stderr
    assert "lecture.md:4: note: the front matter has tabs" in result.stderr
    deck = Presentation(str(tmp_path / "out" / "lecture.pptx"))
    assert deck.slides[0].shapes.title.text == "Introdução"
    assert paragraph_texts(deck.slides[1])[:2] == ["Slide", "Texto"]


_COLUMNS = ".pull-left[\nLeft words\n]\n-- \n\n.pull-right[\nRight words\n]\n"


def _xaringan_deck(tmp_path: Path, first: bool) -> list:
    before = "" if first else "## A\n\nText\n\n---\n"
    src = tmp_path / ("first.Rmd" if first else "later.Rmd")
    src.write_text(
        f"---\ntitle: T\noutput: xaringan::moon_reader\n---\n\n{before}{_COLUMNS}", encoding="utf-8"
    )
    result = run_cli("all", src, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.stderr
    deck = Presentation(str(tmp_path / "out" / src.with_suffix(".pptx").name))
    return list(deck.slides)


def test_a_xaringan_dash_dash_with_a_space_is_words_not_a_cut(tmp_path):
    for first in (True, False):
        slides = _xaringan_deck(tmp_path, first)
        assert len(slides) == (2 if first else 3)
        last = slides[-1]
        boxes = {
            sh.text_frame.text.strip(): sh.left
            for sh in last.shapes
            if sh.has_text_frame and sh.text_frame.text
        }
        assert "Left words" in boxes and "Right words" in boxes, boxes
        assert boxes["Right words"] > boxes["Left words"]  # (side by side, as xaringan floats them)
        assert "--" in boxes  # (the words remark shows)
