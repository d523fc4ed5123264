"""Review 26 (a pandoc Markdown lecture for ``pandoc -t beamer`` with raw LaTeX): TeX's ``\\\\`` inside a
``center`` block or ``\\textit{…}`` breaks the line and keeps the word after it; a list right under lines of
block TeX (``\\vspace{…}``, ``\\small``) is a list, as pandoc reads it; ``\\colorbox{…}{\\begin{minipage}{w}…}``
and ``\\hspace*{…}`` show none of their arguments; ``header-includes``' ``\\logo{\\includegraphics{…}}`` is the
deck's logo and its ``\\AtBeginSection`` frame is noted.  Each built as a small deck through the command line
and read back with python-pptx."""

from __future__ import annotations

import base64
from pathlib import Path

from tests.conftest import built_from_text, run_cli, write_md

# a 1×1 PNG
_PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="
)


def _slide_lines(deck, n: int) -> list[str]:
    """The lines (paragraphs, split at line breaks) of slide ``n``'s text boxes, footer and number left out."""
    return [
        line.strip()
        for sh in deck.slides[n].shapes
        if sh.has_text_frame and not sh.name.startswith(("Footer", "Slide Number"))
        for p in sh.text_frame.paragraphs
        for line in p.text.split("\v")
        if line.strip()
    ]


def test_line_break_in_center_and_textit_keeps_the_next_word(tmp_path: Path) -> None:
    deck, _, said = built_from_text(
        tmp_path,
        r"""
        ---
        title: Breaks
        ---

        ## Discussion

        \begin{center}
        \Large\textit{Why have networks survived so long\\despite their problems?}
        \end{center}

        \textit{If the controller fails,\\what happens? And \\ then}

        \begin{center}
        plain words \\ after a break
        \end{center}
        """,
        "slides",
    )
    lines = _slide_lines(deck, 1)
    assert "Why have networks survived so long" in lines
    assert "despite their problems?" in lines
    assert "If the controller fails," in lines
    assert "what happens? And" in lines and "then" in lines
    assert "plain words" in lines and "after a break" in lines
    assert "is left out" not in said, said


def test_list_right_under_block_tex_lines_is_a_list(tmp_path: Path) -> None:
    deck, _, said = built_from_text(
        tmp_path,
        r"""
        ---
        title: Lists
        ---

        ## SDN Today

        Every time you create a network, **SDN is doing the work**.

        \vspace{0.2cm}
        \small
        - **Cloud providers**: SDN logic on every server
        - **Telcos**: network functions as containers

        ## Still text

        Words of a paragraph
        - not a list, as pandoc reads it
        """,
        "slides",
    )
    lines = _slide_lines(deck, 1)
    assert "Cloud providers: SDN logic on every server" in lines, lines
    assert "Telcos: network functions as containers" in lines, lines
    assert not any(line.startswith("- ") or " - Telcos" in line for line in lines), lines
    assert "list-in-paragraph" in said and ":11:" not in said, said  # (only the real paragraph's line)
    assert "Words of a paragraph - not a list, as pandoc reads it" in _slide_lines(deck, 2)


def test_colorbox_minipage_and_hspace_show_no_arguments(tmp_path: Path) -> None:
    deck, _, said = built_from_text(
        tmp_path,
        r"""
        ---
        title: Code box
        ---

        ## Terraform

        \colorbox{black}{\begin{minipage}{0.72\columnwidth}
        \color{white}\tiny\ttfamily
        resource "aws\_subnet" "public" \{\\
        \hspace*{1em}vpc\_id\hspace*{1.2em}= aws\_vpc.main.id\\
        \hspace*{1em}cidr\_block = "10.0.1.0/24"\\
        \}
        \end{minipage}}

        ## Spaced

        a\hspace*{1em}b\hspace*{2em}c
        """,
        "slides",
    )
    lines = _slide_lines(deck, 1)
    text = "\n".join(lines)
    assert "{" not in text.replace("public” {", "").replace('public" {', ""), lines
    assert "0.72" not in text and "1em" not in text and "white" not in text, lines
    assert any(line.startswith("vpc_id") and line.endswith("= aws_vpc.main.id") for line in lines), lines
    assert "a b c" in _slide_lines(deck, 2)
    assert "'\\hspace*{1em}' is left out" not in said, said


def test_header_includes_logo_is_the_deck_logo_and_section_frames_noted(tmp_path: Path) -> None:
    (tmp_path / "img").mkdir()
    (tmp_path / "img" / "logo.png").write_bytes(_PNG)
    src = write_md(
        tmp_path,
        r"""
        ---
        title: "Block 5"
        header-includes:
          - \logo{\includegraphics[height=0.6cm]{img/logo.png}}
          - \AtBeginSection[]{\begin{frame}{Outline}\tableofcontents[currentsection]\end{frame}}
        ---

        # Section A

        ## Slide one

        Text
        """,
    )
    result = run_cli("slides", src, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.stderr
    from pptx import Presentation

    deck = Presentation(str(tmp_path / "out" / "lecture.pptx"))
    pictures = [sh for sh in deck.slides[-1].shapes if sh.shape_type == 13]
    assert pictures, "no logo on the slide"
    assert "lecture.md:5: note: '\\AtBeginSection' in header-includes" in result.stderr, result.stderr
