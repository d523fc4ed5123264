"""Markdown decks written for pandoc's beamer, as a reviewer brought them: ``section-titles: false``,
``\\input{macros.tex}`` in ``header-includes``, math in the title, ``date: \\today`` and the handout's
contents of a ``slide-level: 3`` deck."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

from .conftest import cli_deck as _deck
from .conftest import deck_titles, write_md

_MATH_TEXT = re.compile(r"<m:t>([^<]*)</m:t>")


def _pdf_text(path: Path, layout: bool = True) -> str:
    args = ["pdftotext", *(["-layout"] if layout else []), str(path), "-"]
    return subprocess.run(args, capture_output=True, text=True, check=True).stdout


def _contents(handout: str) -> list[str]:
    """The lines of the handout's contents page (``pdftotext -layout``), empty ones left out."""
    page = handout[handout.index("Contents") : handout.index("\f", handout.index("Contents"))]
    return [line for line in page.split("\n")[1:] if line.strip() and not line.strip().startswith("Page")]


def _indent(lines: list[str], words: str) -> int:
    line = next(line for line in lines if words in line)
    return len(line) - len(line.lstrip())


def test_section_titles_false_makes_no_section_slides_but_the_handout_keeps_the_sections(tmp_path):
    # `section-titles: false` was an unused key: every `#` still made a section-header slide
    src = write_md(
        tmp_path,
        """
        ---
        title: Sections
        section-titles: false
        ---

        # Part one

        ## First slide

        - a

        # Part two

        ## Second slide

        - b

        ## Third slide

        - c
        """,
    )
    out = tmp_path / "out"
    deck, err = _deck(src, out, "all")
    assert "unused-key" not in err and "section-titles" not in err, err
    assert [s.slide_layout.name for s in deck.slides].count("Section Header") == 0
    assert deck_titles(deck) == ["Sections", "First slide", "Second slide", "Third slide"]
    contents = _contents(_pdf_text(out / "lecture-handout.pdf"))
    words = [line.split() for line in contents]
    assert [w[0] for w in words if w[0] == "Part"] == ["Part", "Part"], contents
    order = [
        next(i for i, line in enumerate(contents) if t in line)
        for t in ("Part one", "First slide", "Part two", "Second slide", "Third slide")
    ]
    assert order == sorted(order), contents
    assert "deck and handout agree" in err


def test_section_titles_false_in_a_format_and_a_wrong_value(tmp_path):
    src = write_md(
        tmp_path,
        """
        ---
        title: Sections
        format:
          beamer:
            section-titles: false
        ---

        # Part one

        ## First slide

        - a
        """,
    )
    deck, err = _deck(src, tmp_path / "out")
    assert deck_titles(deck) == ["Sections", "First slide"], err
    assert "section-titles" not in err, err
    src = write_md(
        tmp_path,
        """
        ---
        title: Sections
        section-titles: "no"
        ---

        # Part one

        ## First slide

        - a
        """,
        "wrong.md",
    )
    deck, err = _deck(src, tmp_path / "out2")
    assert "wrong.md:3: warning: section-titles must be true or false" in err, err
    assert deck_titles(deck) == ["Sections", "Part one", "First slide"]


def test_input_in_header_includes_defines_the_files_macros(tmp_path):
    # `header-includes: \input{macros.tex}` was silently not read: `\R` stayed TeX source
    # (a macro for text or math, \ensuremath{…}, is its group in math)
    (tmp_path / "macros.tex").write_text(
        "\\newcommand{\\R}{\\mathbb{R}}\n\\def\\Xinf{\\ensuremath{\\mathcal X_\\infty}}\n", encoding="utf-8"
    )
    src = write_md(
        tmp_path,
        r"""
        ---
        title: Macros from a file
        header-includes: \input{macros.tex}
        ---

        ## Slide

        Let $x \in \R$ and $P = \Xinf$.
        """,
    )
    deck, err = _deck(src, tmp_path / "out")
    assert "math" not in err, err
    math = "".join(_MATH_TEXT.findall(deck.slides[1]._element.xml))
    assert "ℝ" in math and "∞" in math and "ensuremath" not in math, math


def test_an_input_in_header_includes_that_cannot_be_read_is_said_at_its_line(tmp_path):
    (tmp_path.parent / "shared.tex").write_text("\\newcommand{\\R}{\\mathbb{R}}\n", encoding="utf-8")
    src = write_md(
        tmp_path,
        r"""
        ---
        title: Macros from a file
        header-includes:
          - \usepackage{amsmath}
          - \input{defs}
          - \input{../shared.tex}
        ---

        ## Slide

        Let $x \in \R$.
        """,
    )
    _, err = _deck(src, tmp_path / "out")
    assert re.search(r"lecture\.md:5: warning: \\input file 'defs\.tex' not found.*macros it defines", err), (
        err
    )
    assert "lecture.md:6: warning: \\input file '../shared.tex' is outside the lecture's folder" in err, err


def test_math_in_the_title_is_math_text_on_the_title_slide_footer_and_cover(tmp_path):
    # `title: Riccati-based $H_\infty$-control` was "Riccati-based H_∞-control" everywhere
    src = write_md(
        tmp_path,
        r"""
        ---
        title: Riccati-based $H_\infty$-control
        subtitle: The norm $\|G\|_\infty$ and $x^2$
        ---

        ## Slide

        - text
        """,
    )
    out = tmp_path / "out"
    deck, err = _deck(src, out, "all")
    texts = [sh.text_frame.text for s in deck.slides for sh in s.shapes if sh.has_text_frame]
    assert deck.slides[0].shapes.title.text == "Riccati-based H∞-control"
    assert not any("_" in t for t in texts), texts
    assert "Riccati-based H∞-control" in [
        sh.text_frame.text for sh in deck.slides[1].shapes if sh.has_text_frame
    ]
    assert "‖G‖∞ and x²" in texts[1], texts
    handout = _pdf_text(out / "lecture-handout.pdf", layout=False)
    assert "Riccati-based H∞-control" in handout and "H_" not in handout


def test_today_in_the_front_matter_is_the_date_latex_prints(tmp_path, monkeypatch):
    # `date: \today` was 2023-11-14 (ISO); a .tex deck's \date{\today} is "November 14, 2023"
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    src = write_md(
        tmp_path,
        r"""
        ---
        title: Dated
        date: \today
        ---

        ## Slide

        - text
        """,
    )
    out = tmp_path / "out"
    deck, _ = _deck(src, out, "all")
    assert "November 14, 2023" in [sh.text_frame.text for sh in deck.slides[0].shapes if sh.has_text_frame]
    assert "November 14, 2023" in _pdf_text(out / "lecture-handout.pdf", layout=False)
    src = write_md(
        tmp_path,
        r"""
        ---
        title: Datiert
        lang: de
        date: "Berlin, \\today"
        ---

        ## Folie

        - Text
        """,
        "german.md",
    )
    deck, _ = _deck(src, tmp_path / "out2")
    assert "Berlin, 14. November 2023" in [
        sh.text_frame.text for sh in deck.slides[0].shapes if sh.has_text_frame
    ]


def test_slide_level_3_handout_contents_nest_subsections_under_their_chapter(tmp_path):
    # the handout's contents listed `##` topics as peers of their `#` chapter
    src = write_md(
        tmp_path,
        """
        ---
        title: Nested sections
        slide-level: 3
        ---

        # Chapter A

        ## Topic A1

        ### Slide one

        - a

        ## Topic A2

        ### Slide two

        - b

        # Chapter B

        ### Slide three

        - c
        """,
    )
    out = tmp_path / "out"
    _, err = _deck(src, out, "all")
    contents = _contents(_pdf_text(out / "lecture-handout.pdf"))
    chapter = _indent(contents, "Chapter A")
    assert _indent(contents, "Chapter B") == chapter, contents
    assert _indent(contents, "Topic A1") > chapter, contents
    assert _indent(contents, "Topic A2") == _indent(contents, "Topic A1"), contents
    assert _indent(contents, "Slide one") > _indent(contents, "Topic A1"), contents
    assert _indent(contents, "Slide three") > chapter, contents
    assert "deck and handout agree" in err


def test_section_titles_false_with_slide_level_3_nests_too(tmp_path):
    src = write_md(
        tmp_path,
        """
        ---
        title: Nested sections
        slide-level: 3
        section-titles: false
        ---

        # Chapter A

        ## Topic A1

        ### Slide one

        - a

        # Chapter B

        ### Slide two

        - b
        """,
    )
    out = tmp_path / "out"
    deck, _ = _deck(src, out, "all")
    assert deck_titles(deck) == ["Nested sections", "Slide one", "Slide two"]
    contents = _contents(_pdf_text(out / "lecture-handout.pdf"))
    assert _indent(contents, "Topic A1") > _indent(contents, "Chapter A") == _indent(contents, "Chapter B")
