"""Review 20 (small LaTeX cases in beamer decks and Markdown lectures): beamer's ``\\onslide<n>`` before
words on its line (and inside ``overprint``) as a click, never its specification shown; ``\\fontsize``,
``\\selectfont``, ``\\linespread`` and ``\\setstretch`` as size switches like ``\\Huge``; saved boxes
(``\\newsavebox``, ``\\sbox``, ``lrbox``) printed where ``\\usebox`` uses them; a title's ``<br>`` as one
space in the footer.  Each built through the command line and read back with python-pptx."""

from __future__ import annotations

from pathlib import Path

from pptx import Presentation

from tests.conftest import run_cli, write_md


def _tex(tmp_path: Path, body: str, preamble: str = ""):
    """The deck of a beamer deck's ``body`` (and ``preamble``) built by the command line: (deck, messages)."""
    src = tmp_path / "deck.tex"
    src.write_text(
        "\\documentclass{beamer}\n" + preamble + "\\begin{document}\n" + body + "\n\\end{document}\n",
        encoding="utf-8",
    )
    result = run_cli("slides", src, "-o", tmp_path / "out", "--all-warnings")
    assert result.exit_code == 0, result.stderr
    return Presentation(str(tmp_path / "out" / "deck.pptx")), result.stderr


def _md(tmp_path: Path, text: str):
    """The deck of Markdown ``text`` built by the command line: (deck, messages)."""
    src = write_md(tmp_path, text)
    result = run_cli("slides", src, "-o", tmp_path / "out", "--all-warnings")
    assert result.exit_code == 0, result.stderr
    return Presentation(str(tmp_path / "out" / "lecture.pptx")), result.stderr


def _body(slide) -> str:
    """The words of ``slide``'s text boxes but its title, footer and number, a line a paragraph."""
    return "\n".join(
        p.text
        for sh in slide.shapes
        if sh.has_text_frame
        and sh != slide.shapes.title
        and not sh.name.startswith(("Footer", "Slide Number", "Date"))
        for p in sh.text_frame.paragraphs
        if p.text.strip()
    )


def _footers(prs) -> list[str]:
    return [
        sh.text_frame.text
        for s in prs.slides
        for sh in s.shapes
        if sh.has_text_frame and sh.name.startswith("Footer")
    ]


# ---------------------------------------------------------------- sizes as switches


def test_fontsize_selectfont_group_is_its_words_in_a_beamer_frame(tmp_path):
    prs, said = _tex(
        tmp_path,
        "\\begin{frame}{Questions}\n{\\fontsize{48pt}{7.2}\\selectfont Q\\&A }\n\n"
        "{\\fontsize{30}{36}\\selectfont\nBig words over lines\n}\n\\end{frame}",
    )
    body = _body(prs.slides[0])
    assert body.split("\n") == ["Q&A", "Big words over lines"], body
    assert "{" not in body and "}" not in body
    assert "warning" not in said, said


def test_fontsize_linespread_setstretch_in_markdown_get_no_warning(tmp_path):
    prs, said = _md(
        tmp_path,
        """
        ---
        title: Sizes
        ---

        ## Questions

        {\\fontsize{48pt}{7.2}\\selectfont Q\\&A }

        \\linespread{1.5} Spread text.

        \\setstretch{1.2} Stretch text.
        """,
    )
    body = _body(prs.slides[1])
    assert body.split("\n") == ["Q&A", "Spread text.", "Stretch text."], body
    assert "warning" not in said, said


# ---------------------------------------------------------------- a title's <br>


def test_marp_title_with_br_is_one_space_in_the_footer(tmp_path):
    prs, _ = _md(
        tmp_path,
        """
        ---
        marp: true
        ---

        # Q1a – <br>Peut-on saisir ce<br>qu'est le Moi ?

        ---

        ## Suite

        Des mots.
        """,
    )
    footers = _footers(prs)
    assert footers, "no footer"
    assert set(footers) == {"Q1a – Peut-on saisir ce qu'est le Moi ?"}, footers
