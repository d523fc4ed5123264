"""Review 20 (beamer decks, German and Chinese): frame order around a contents frame, a frame's subtitle
never left alone on a part, multicol's columns, and no lecture title made from a frame's title."""

from __future__ import annotations

import subprocess
import textwrap
from pathlib import Path

from pptx import Presentation
from pptx.util import Emu

from tests.conftest import run_cli


def _build(tmp_path: Path, body: str, preamble: str = "", what: str = "slides"):
    tmp_path.mkdir(exist_ok=True)
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


def _texts(slide) -> list[str]:
    return [sh.text_frame.text for sh in slide.shapes if sh.has_text_frame and sh.text_frame.text.strip()]


def _footer(slide) -> str:
    return "".join(sh.text_frame.text for sh in slide.shapes if sh.has_text_frame and "Footer" in sh.name)


def test_untitled_frame_before_the_contents_frame_stays_first(tmp_path):
    prs, _ = _build(
        tmp_path,
        r"""
        \begin{frame}
          Custom title page
        \end{frame}
        \begin{frame}{Gliederung}
          \tableofcontents
        \end{frame}
        \section{Aufgabe 1}
        \begin{frame}{Aufgabe 1}
          Text.
        \end{frame}
        \section{Aufgabe 2}
        \begin{frame}{Aufgabe 2}
          More.
        \end{frame}
        """,
    )
    slides = list(prs.slides)
    assert "Custom title page" in _texts(slides[0])
    contents = _texts(slides[1])
    assert contents[0] == "Gliederung"
    assert "Aufgabe 1\nAufgabe 2" in contents
    assert [_texts(s)[0] for s in slides[2:]] == ["Aufgabe 1", "Aufgabe 1", "Aufgabe 2", "Aufgabe 2"]


def test_subtitle_goes_with_the_block_that_does_not_fit_under_it(tmp_path):
    prs, _ = _build(
        tmp_path,
        r"""
        \begin{frame}[allowframebreaks]{Aufgabe 3}{O-Notation}
          \begin{block}{Voraussetzungen}
            \begin{align}
              &\lim_{n\to\infty}\frac{f(n)}{g(n)}\leq c &\Rightarrow &f(n)\in O(g(n))\\
              &\lim_{n\to\infty}\frac{f(n)}{g(n)}=\infty &\Rightarrow &f(n)\not\in O(g(n))\\
              &\lim_{n\to\infty}\frac{\log(c\cdot n)}{n}=0 & & \\
              &\lim_{n\to\infty}\frac{n}{(\log n)^{c}}=\infty & &
            \end{align}
          \end{block}
        \end{frame}
        """,
    )
    first = _texts(prs.slides[0])
    assert first[:2] == ["Aufgabe 3", "O-Notation"]
    assert "Voraussetzungen" in first  # (the block under its subtitle, not on a "(cont.)" slide)
    assert all("O-Notation" not in _texts(s) or "Voraussetzungen" in _texts(s) for s in prs.slides)


def test_multicols_list_becomes_columns_with_numbers_going_on(tmp_path):
    items = "\n".join(f"\\item Lecture {n}" for n in range(1, 16))
    prs, said = _build(
        tmp_path,
        "\\begin{frame}{Syllabus}\n\\begin{multicols}{2}\n\\begin{enumerate}\n"
        + items
        + "\n\\end{enumerate}\n\\end{multicols}\n\\end{frame}",
        preamble="\\usepackage{multicol}\n",
    )
    assert len(prs.slides) == 1
    boxes = [
        sh for sh in prs.slides[0].shapes if sh.has_text_frame and sh.text_frame.text.startswith("Lecture")
    ]
    assert [b.text_frame.text.split("\n") for b in boxes] == [
        [f"Lecture {n}" for n in range(1, 9)],
        [f"Lecture {n}" for n in range(9, 16)],
    ]
    assert boxes[1].left > boxes[0].left + Emu(boxes[0].width) // 2
    auto = boxes[1].text_frame.paragraphs[0]._p.find(".//{*}buAutoNum")
    assert auto is not None and auto.get("startAt") == "9"
    assert "warning" not in said, said


def test_columnbreak_cuts_the_columns(tmp_path):
    prs, _ = _build(
        tmp_path,
        r"""
        \begin{frame}{Two}
          \begin{multicols*}{2}
            \begin{itemize}
              \item Alpha
              \item Beta
              \columnbreak
              \item Gamma
              \item Delta
              \item Epsilon
            \end{itemize}
          \end{multicols*}
        \end{frame}
        """,
        preamble="\\usepackage{multicol}\n",
    )
    boxes = sorted(
        (sh for sh in prs.slides[0].shapes if sh.has_text_frame and sh.text_frame.text[:1] in tuple("ABGDE")),
        key=lambda sh: sh.left,
    )
    assert [b.text_frame.text for b in boxes] == ["Alpha\nBeta", "Gamma\nDelta\nEpsilon"]


def test_multicols_of_paragraphs_and_one_paragraph(tmp_path):
    prs, said = _build(
        tmp_path,
        r"""
        \begin{frame}{Paragraphs}
          \begin{multicols}{2}
            First paragraph of words.

            Second paragraph of words.
          \end{multicols}
        \end{frame}
        \begin{frame}{One}
          \begin{multicols}{3}
            Only one paragraph here.
          \end{multicols}
        \end{frame}
        """,
        preamble="\\usepackage{multicol}\n",
    )
    first = [sh for sh in prs.slides[0].shapes if sh.has_text_frame and "paragraph" in sh.text_frame.text]
    assert len(first) == 2 and first[0].left != first[1].left
    assert "Only one paragraph here." in _texts(prs.slides[1])
    assert "deck.tex:12: warning: multicols{3} around one paragraph is shown in one column" in said, said


def test_deck_without_title_has_no_frame_title_as_its_title(tmp_path):
    prs, _ = _build(
        tmp_path,
        r"""
        \begin{frame}
          Custom title page
        \end{frame}
        \begin{frame}{Plan}
          Words.
        \end{frame}
        \begin{frame}{Aufgabe 1}
          Text.
        \end{frame}
        """,
        what="all",
    )
    assert [_footer(s) for s in prs.slides] == ["", "", ""]
    assert prs.core_properties.title in ("", None)
    handout = tmp_path / "out" / "deck-handout.pdf"
    text = subprocess.run(["pdftotext", "-l", "1", str(handout), "-"], capture_output=True, text=True).stdout
    assert "Plan" not in text.split("Contents")[0], text
    titled, _ = _build(
        tmp_path / "titled", "\\begin{frame}{Plan}\nWords.\n\\end{frame}", "\\title{Induktion}\n"
    )
    assert [_footer(s) for s in titled.slides][1:] == ["Induktion"]  # (the title slide has none)
