"""Review 21 (beamer decks, Polish and Italian): an equation in an item of an incremental list comes on
its item's click; title fields written in the title page's frame make the title slide; a contents list
in a frame that also holds words."""

from __future__ import annotations

import subprocess
import textwrap
from pathlib import Path

import pytest
from pptx import Presentation

from tests.conftest import click_paragraphs, run_cli, write_md

_P = "{http://schemas.openxmlformats.org/presentationml/2006/main}"


def _build(tmp_path: Path, body: str, what: str = "slides", preamble: str = ""):
    src = tmp_path / "deck.tex"
    src.write_text(
        "\\documentclass{beamer}\n"
        + preamble
        + "\\begin{document}\n"
        + textwrap.dedent(body).strip()
        + "\n\\end{document}\n",
        encoding="utf-8",
    )
    result = run_cli(what, src, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.stderr
    return Presentation(str(tmp_path / "out" / "deck.pptx")), result.stderr


def _click_shapes(slide) -> list[set[str]]:
    """The names of the shapes each click of the slide's main sequence brings in."""
    names: dict[str, set[str]] = {}
    for c in slide._element.iter(f"{_P}cNvPr"):
        names.setdefault(c.get("id"), set()).add(c.get("name"))
    out = []
    for main in slide._element.iter(f"{_P}cTn"):
        if main.get("nodeType") == "mainSeq":
            for click in main.find(f"{_P}childTnLst"):
                out.append({n for t in click.iter(f"{_P}spTgt") for n in names.get(t.get("spid"), set())})
    return out


def _texts(slide) -> list[str]:
    return [
        p.text for sh in slide.shapes if sh.has_text_frame for p in sh.text_frame.paragraphs if p.text.strip()
    ]


# 1. an equation in an item of an incremental list


@pytest.mark.parametrize("opening", [r"\begin{itemize}[<+->]", r"\begin{itemize}"])
def test_equation_in_an_incremental_item_comes_with_its_item(tmp_path, opening):
    steps = ("<+->", "<+->", "<+->") if opening.endswith("itemize}") else ("", "", "")
    prs, err = _build(
        tmp_path,
        rf"""
        \begin{{frame}}{{Hydrodynamika}}
          {opening}
            \item{steps[0]} Kolektywne zachowania
            \item{steps[1]} Równania Naviera-Stokesa
              \begin{{equation}}
              \frac{{\partial \rho}}{{\partial t}} + \nabla\cdot(\rho u) = 0
              \end{{equation}}
            \item{steps[2]} magnetohydrodynamika
          \end{{itemize}}
        \end{{frame}}
        """,
    )
    slide = prs.slides[0]
    assert click_paragraphs(slide) == [["Równania Naviera-Stokesa"], ["magnetohydrodynamika"]], err
    clicks = _click_shapes(slide)
    assert "Equation" in clicks[0], clicks  # (on the click of its item, not on the slide from the start)
    assert not any("Equation" in c for c in clicks[1:])


def test_equation_in_the_last_item_of_an_incremental_markdown_list(tmp_path):
    src = write_md(
        tmp_path,
        """
        ---
        title: T
        ---

        ## Steps

        ::: incremental

        - First
        - Second

          $$
          a^2 + b^2 = c^2
          $$

        :::

        After.
        """,
    )
    assert run_cli("slides", src, "-o", tmp_path / "out").exit_code == 0
    slide = Presentation(str(tmp_path / "out" / "lecture.pptx")).slides[1]
    clicks = _click_shapes(slide)
    assert len(clicks) == 2 and "Equation" in clicks[1], clicks


# 2. title fields inside the title page's frame


@pytest.mark.parametrize("command", [r"\maketitle", r"\titlepage"])
def test_title_fields_in_the_title_page_frame_make_the_title_slide(tmp_path, command):
    prs, err = _build(
        tmp_path,
        rf"""
        \begin{{frame}}
          \title{{GMRES}}
          \subtitle{{Metodo dei minimi
            residui}}
          \date{{19/03/2020}}
          \author[Principal]{{Fabio Archenti \and Lorenzo Fiamingo}}
          {command}
        \end{{frame}}
        \begin{{frame}}{{Prima}}
          Testo.
        \end{{frame}}
        """,
        what="all",
        preamble="\\usepackage[italian]{babel}\n",
    )
    first = prs.slides[0]
    assert first.shapes.title.text == "GMRES"
    said = "\n".join(_texts(first))
    for words in ("Metodo dei minimi residui", "Fabio Archenti, Lorenzo Fiamingo", "19/03/2020"):
        assert words in said
    assert len(prs.slides) == 2 and prs.slides[1].shapes.title.text == "Prima"
    assert "raw TeX" not in err and "title-page" not in err and "left out" not in err, err
    cover = subprocess.run(
        ["pdftotext", "-l", "1", str(tmp_path / "out" / "deck-handout.pdf"), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "GMRES" in cover and "Fabio Archenti" in cover and "19/03/2020" in cover


def test_title_fields_in_the_frame_win_over_the_preamble(tmp_path):
    prs, err = _build(
        tmp_path,
        r"""
        \begin{frame}
          \title{Real title}
          \maketitle
        \end{frame}
        \begin{frame}{Prima}
          Testo.
        \end{frame}
        """,
        preamble="\\title{Template title}\n\\author{Ann Lee}\n",
    )
    said = _texts(prs.slides[0])
    assert prs.slides[0].shapes.title.text == "Real title" and "Ann Lee" in said, said
    assert "raw TeX" not in err, err


# 3. \tableofcontents in a frame with other words


def test_contents_after_words_in_a_frame(tmp_path):
    prs, err = _build(
        tmp_path,
        r"""
        \begin{frame}
          \frametitle{Sommario}
          Questo comando inserisce una lista delle sezioni.
          \tableofcontents
        \end{frame}
        \section{Prima sezione}
        \begin{frame}{Uno} Testo. \end{frame}
        \section{Seconda sezione}
        \begin{frame}{Due} Testo. \end{frame}
        """,
        what="all",
    )
    slide = prs.slides[0]
    assert slide.shapes.title.text == "Sommario"
    assert _texts(slide)[1:4] == [
        "Questo comando inserisce una lista delle sezioni.",
        "Prima sezione",
        "Seconda sezione",
    ]
    assert "raw TeX" not in err and "tableofcontents" not in err, err
    handout = subprocess.run(
        ["pdftotext", str(tmp_path / "out" / "deck-handout.pdf"), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    page = handout[handout.index("Questo comando") :]
    assert page.index("Prima sezione") < page.index("Seconda sezione") < page.index("Testo.")


def test_contents_before_words_keeps_both_and_lists_subsections(tmp_path):
    prs, err = _build(
        tmp_path,
        r"""
        \begin{frame}{Plan}
          \tableofcontents
          Every section has two parts.
        \end{frame}
        \section{One}
        \subsection{One A}
        \begin{frame}{Uno} Testo. \end{frame}
        \section{Two}
        \subsection{Two A}
        \begin{frame}{Due} Testo. \end{frame}
        """,
    )
    slide = prs.slides[0]
    body = [p for sh in slide.shapes if sh.has_text_frame for p in sh.text_frame.paragraphs if p.text.strip()]
    assert [(p.text, p.level) for p in body[1:6]] == [
        ("One", 0),
        ("One A", 1),
        ("Two", 0),
        ("Two A", 1),
        ("Every section has two parts.", 0),
    ]
    assert "raw TeX" not in err and "subsection" not in err, err
