"""Review 25 (i): real beamer math lectures (Russian, French).

- unicode-math's alphabets (``\\symbf{v}``, ``\\symup``, ``\\symbfit``…) are math alphabets, not TeX source.
- ``\\pause`` inside ``\\[ … \\]`` keeps every display whole, each on its click; a note names the pause's line.
- ``\\ref`` to a labelled ``\\item`` prints the item's number; ``enumerate[PH 1]`` labels its items "PH 1";
  ``\\ref`` to a labelled theorem prints the theorem's number (beamer's one counter).
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

from pptx import Presentation

from .conftest import click_paragraphs, run_cli

_M = "{http://schemas.openxmlformats.org/officeDocument/2006/math}"


def _build(tmp_path: Path, body: str, preamble: str = "", docclass: str = "beamer"):
    """Build the deck of ``body`` (frames): (deck, stderr, slides PDF's text)."""
    src = tmp_path / "deck.tex"
    src.write_text(
        f"\\documentclass{docclass}\n" if docclass.startswith("[") else f"\\documentclass{{{docclass}}}\n",
        encoding="utf-8",
    )
    with src.open("a", encoding="utf-8") as f:
        f.write(preamble + "\\begin{document}\n" + body + "\n\\end{document}\n")
    result = run_cli("all", src, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.stderr
    slides = tmp_path / "out" / "deck-slides.pdf"
    text = subprocess.run(["pdftotext", str(slides), "-"], capture_output=True, text=True, check=True).stdout
    return Presentation(str(tmp_path / "out" / "deck.pptx")), result.stderr, text


def _math_texts(slide) -> list[str]:
    return [t.text for t in slide._element.iter(f"{_M}t")]


def _descriptions(slide) -> list[str]:
    return re.findall(r'descr="([^"]*)"', slide._element.xml)


def test_unicode_math_alphabets_are_drawn_as_math(tmp_path):
    prs, stderr, text = _build(
        tmp_path,
        "\\begin{frame}{Bold vectors}\n"
        "Inline: $\\symbf{v} = \\lambda \\symbf{e}$ and with a macro $\\bv \\neq \\symbf{0}$.\n"
        "\\[ \\symbf{A}\\symbf{x} = \\symbf{b} + \\symup{d}t + \\symcal{F} + \\symbb{R} + \\symbfit{w} \\]\n"
        "\\end{frame}",
        preamble="\\usepackage{unicode-math}\n\\newcommand{\\bv}{\\symbf{v}}\n",
    )
    assert "TeX source" not in stderr and "\\symbf" not in stderr, stderr
    slide = prs.slides[-1]
    shown = "".join(_math_texts(slide))
    assert "𝐯" in shown and "𝐞" in shown and "𝐀" in shown and "𝐱" in shown  # (bold, as \mathbf)
    assert "ℱ" in shown and "ℝ" in shown  # (\symcal, \symbb)
    assert "\\sym" not in shown
    assert not any("\\symbf" in sh.text_frame.text for sh in slide.shapes if sh.has_text_frame)
    assert "\\symbf" not in text


def test_pause_inside_display_math_keeps_every_display_on_its_click(tmp_path):
    prs, stderr, text = _build(
        tmp_path,
        "\\begin{frame}{Pause inside display math}\n"
        "Consider $A$.\n"
        "\\[\n  \\det(A - \\lambda I) = \\pause\n\\]\n"
        "\\[\n  = (7-\\lambda)(\\lambda + 2) = \\pause\n\\]\n"
        "\\[\n  = -\\lambda^2 + 5\\lambda + 14\n\\]\n"
        "\\end{frame}",
    )
    assert "raw-tex" not in stderr and "TeX source" not in stderr, stderr
    slide = prs.slides[-1]
    assert _descriptions(slide) == [
        "\\det(A - \\lambda I) =",
        "= (7-\\lambda)(\\lambda + 2) =",
        "= -\\lambda^2 + 5\\lambda + 14",
    ]
    assert not any("$$" in sh.text_frame.text for sh in slide.shapes if sh.has_text_frame)
    assert "λ" in "".join(_math_texts(slide)) and "det" in "".join(_math_texts(slide))
    assert len(click_paragraphs(slide)) == 2  # (the second and third displays: a click each)
    assert "$$" not in text


def test_pause_in_the_middle_of_a_display_is_noted_at_its_line(tmp_path):
    prs, stderr, _ = _build(
        tmp_path,
        "\\begin{frame}{Middle}\n"
        "We have\n"
        "\\[\n  x = 1\n  \\pause = \\lambda\n\\]\n"
        "and then $y$.\n"
        "\\end{frame}",
    )
    assert "deck.tex:7: note: equation" in stderr and "[overlay-steps]" in stderr, stderr
    slide = prs.slides[-1]
    (shown,) = _descriptions(slide)  # (the display whole: x = 1 = λ)
    assert "x = 1" in shown and "= \\lambda" in shown and "pause" not in shown
    assert click_paragraphs(slide) == [["and then ."]]  # (what follows the display: on the click)


def test_ref_to_labelled_items_prints_their_number_and_the_list_its_template(tmp_path):
    prs, stderr, text = _build(
        tmp_path,
        "\\begin{frame}{Axiomes}\n"
        "\\begin{enumerate}[PH 1]\n"
        "\\item Symétrie. \\label{ph1}\n"
        "\\item\\label{ph2} Linéarité.\n"
        "\\end{enumerate}\n"
        "\\begin{enumerate}[label=Step~\\arabic*]\n"
        "\\item Go. \\label{s1}\n"
        "\\end{enumerate}\n"
        "\\begin{enumerate}[{Axiom} i)]\n"
        "\\item A.\n"
        "\\item B. \\label{ax2}\n"
        "\\end{enumerate}\n"
        "Une forme qui satisfait PH~\\ref{ph1} et PH~\\ref{ph2} est hermitienne; voir \\ref{s1}, \\ref{ax2}.\n"
        "\\end{frame}",
        preamble="\\usepackage[french]{babel}\n",
    )
    assert "\\label" not in stderr and "\\ref" not in stderr, stderr
    words = " ".join(text.split())
    assert "PH 1 Symétrie." in words and "PH 2 Linéarité." in words
    assert "Step 1 Go." in words and "Axiom ii) B." in words
    assert "satisfait PH 1 et PH 2 est hermitienne; voir Step 1, ii." in words
    assert "ph1" not in words and "ph2" not in words
    deck = " ".join(sh.text_frame.text for sh in prs.slides[-1].shapes if sh.has_text_frame)
    assert "PH 1 et PH 2" in " ".join(deck.split()) and "ph2" not in deck


def test_ref_to_a_labelled_theorem_prints_its_number(tmp_path):
    _, stderr, text = _build(
        tmp_path,
        "\\section{Formes}\n"
        "\\begin{frame}{Théorèmes}\n"
        "\\begin{definition}[Forme]\\label{def:f}\nA form.\n\\end{definition}\n"
        "\\begin{theorem}\nBig. \\label{thm:big}\n\\end{theorem}\n"
        "\\begin{prop}\\label{p:1} P. \\end{prop}\n"
        "\\begin{remarque}\\label{rem} R. \\end{remarque}\n"
        "Par le théorème~\\ref{thm:big}, la définition~\\ref{def:f}, la proposition~\\ref{p:1} "
        "et la remarque~\\ref{rem}.\n"
        "\\end{frame}",
        preamble="\\newtheorem{prop}{Proposition}[section]\n\\newtheorem*{remarque}{Remarque}\n",
    )
    words = " ".join(text.split())
    assert "le théorème 2, la définition 1, la proposition 1.1 et la remarque ??." in words
    assert "thm:big" not in words and "def:f" not in words
    assert re.search(r"deck\.tex:15: warning: \\ref\{rem\}: its label is in an unnumbered theorem", stderr)
