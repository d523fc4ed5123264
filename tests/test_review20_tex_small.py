"""Review 20 (small LaTeX cases in beamer decks and Markdown lectures): beamer's ``\\onslide<n>`` before
words on its line (and inside ``overprint``) as a click, never its specification shown; ``\\fontsize``,
``\\selectfont``, ``\\linespread`` and ``\\setstretch`` as size switches like ``\\Huge``; saved boxes
(``\\newsavebox``, ``\\sbox``, ``lrbox``) printed where ``\\usebox`` uses them; a title's ``<br>`` as one
space in the footer.  Each built through the command line and read back with python-pptx."""

from __future__ import annotations

from pathlib import Path

from pptx import Presentation

from tests.conftest import click_paragraphs, run_cli, write_md


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


# ---------------------------------------------------------------- \onslide before words on its line


def test_onslide_with_words_on_its_line_is_a_click_not_text(tmp_path):
    prs, said = _tex(
        tmp_path,
        "\\begin{frame}{Onslide}\n\\onslide<1> First words\n\\onslide<2-> More words\n"
        "\\onslide+<3-> Even more\n\\end{frame}",
    )
    slide = prs.slides[0]
    assert _body(slide).split("\n") == ["First words", "More words", "Even more"], _body(slide)
    assert click_paragraphs(slide) == [["More words"], ["Even more"]]
    assert "warning" not in said, said


def test_overprint_alternatives_come_each_on_its_click(tmp_path):
    prs, said = _tex(
        tmp_path,
        "\\begin{frame}{Overprint}\n\\begin{overprint}\n\\onslide<1> First alternative.\n"
        "\\onslide<2>\nSecond alternative.\n\\end{overprint}\n\\end{frame}",
    )
    slide = prs.slides[0]
    assert _body(slide).split("\n") == ["First alternative.", "Second alternative."], _body(slide)
    assert click_paragraphs(slide) == [["Second alternative."]]
    assert "unknown-environment" not in said and "warning" not in said, said


def test_onslide_inside_a_line_shows_no_specification_and_says_so(tmp_path):
    prs, said = _md(
        tmp_path,
        """
        ---
        title: Overlays
        ---

        ## Steps

        \\onslide<2-> Words on a click.

        Some words \\onslide<3-> then more.
        """,
    )
    slide = prs.slides[1]
    assert _body(slide).split("\n") == ["Words on a click.", "Some words then more."], _body(slide)
    assert click_paragraphs(slide) == [["Words on a click."]]
    assert "lecture.md:9: warning: raw TeX '\\onslide<3->' inside a line" in said, said


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


# ---------------------------------------------------------------- saved boxes


def test_saved_boxes_print_where_usebox_uses_them_in_a_beamer_deck(tmp_path):
    prs, said = _tex(
        tmp_path,
        "\\begin{frame}[fragile]{Code}\n\\usebox{\\codebox}\n\\end{frame}\n"
        "\\begin{frame}{Box}\n\\newsavebox{\\otherbox}\n\\sbox{\\otherbox}{Saved words}\n"
        "\\savebox{\\third}[3cm][l]{Third box}\n  \\begin{lrbox}{\\lr}\n  Lr words\n  \\end{lrbox}\n"
        "Before.\n\\usebox{\\lr}\nAfter \\usebox{\\otherbox} and \\usebox{\\third}.\n\\end{frame}",
        preamble="\\usepackage{listings}\n\\newsavebox{\\codebox}\n\\begin{lrbox}{\\codebox}\n"
        "\\begin{lstlisting}[language=Python]\ndef f(x):\n    return x + 1\n\\end{lstlisting}\n\\end{lrbox}\n",
    )
    assert _body(prs.slides[0]) == "def f(x):\n    return x + 1", _body(prs.slides[0])
    assert _body(prs.slides[1]) == "Before. Lr words After Saved words and Third box.", _body(prs.slides[1])
    assert "warning" not in said, said


def test_saved_boxes_in_markdown_and_a_box_never_used(tmp_path):
    prs, said = _md(
        tmp_path,
        """
        ---
        title: Boxes
        ---

        ## Box

        \\newsavebox{\\mybox}
        \\sbox{\\mybox}{Saved words}

        \\begin{lrbox}{\\otherbox}
        Lr words
        \\end{lrbox}

        \\sbox{\\unused}{Never printed}

        Before \\usebox{\\mybox} after \\usebox{\\otherbox}.
        """,
    )
    assert _body(prs.slides[1]) == "Before Saved words after Lr words.", _body(prs.slides[1])
    assert "{}" not in _body(prs.slides[1])
    warnings = [line for line in said.splitlines() if "warning" in line]
    assert len(warnings) == 1 and warnings[0].endswith(
        "lecture.md:14: warning: raw TeX '\\sbox{\\unused}{Never printed}' is left out (slides show no raw TeX) "
        "[raw-tex]"
    ), said


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
