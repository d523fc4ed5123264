"""Review 23 (beamer decks in Polish and Portuguese): math right after a digit, text commands in the
title commands, metropolis's standout frame.  Built through the command line and read back with
python-pptx (the deck) and pdftotext (the PDFs)."""

import subprocess
from pathlib import Path

from pptx import Presentation

from tests.conftest import run_cli, write_md


def _build(tmp_path: Path, tex: str):
    src = write_md(tmp_path, tex, "deck.tex")
    out = tmp_path / "out"
    result = run_cli("all", src, "-o", out)
    assert result.exit_code == 0, result.stderr
    return Presentation(str(out / "deck.pptx")), out, result.stderr


def _pdf(path: Path) -> str:
    return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout


def _math_of(shape) -> str:
    """The text of the Office math in a shape's paragraphs."""
    m = "{http://schemas.openxmlformats.org/officeDocument/2006/math}"
    return "".join(t.text or "" for t in shape._element.iter(f"{m}t"))


def test_math_right_after_a_digit_is_math_in_a_tex_deck(tmp_path):
    deck, out, err = _build(
        tmp_path,
        r"""
        \documentclass{beamer}
        \title{Times}
        \begin{document}
        \begin{frame}{Speed}
        \begin{itemize}
          \item \textbf{100--600$\times$} faster
          \item \alert{2$\times$ faster}
          \item 2$\times 3$ ok
          \item a tolerance of 10$^{-3}$ here
        \end{itemize}
        \end{frame}
        \end{document}
        """,
    )
    body = next(sh for sh in deck.slides[1].shapes if sh.has_text_frame and "faster" in sh.text_frame.text)
    text = body.text_frame.text
    assert "$" not in text
    assert _math_of(body).count("×") == 3
    assert "10⁻³" in text or "3" in _math_of(body)
    assert "raw TeX '\\times'" not in err
    assert "$" not in _pdf(out / "deck-handout.pdf")
    # (a Markdown lecture keeps pandoc's rule: a digit before a dollar is money)
    src = write_md(tmp_path, "# Prices\n\n## Costs\n\nIt costs 5$ and then 10$ more.\n")
    assert run_cli("slides", src, "-o", tmp_path / "md").exit_code == 0
    md = Presentation(str(tmp_path / "md" / "lecture.pptx"))
    assert any(
        "5$ and then 10$" in sh.text_frame.text for s in md.slides for sh in s.shapes if sh.has_text_frame
    )


def test_textsuperscript_in_the_date_and_title_is_raised(tmp_path):
    deck, out, err = _build(
        tmp_path,
        r"""
        \documentclass{beamer}
        \title{H\textsubscript{2}O and the 2\textsuperscript{nd} law}
        \subtitle{\textsl{A} talk}
        \date{1\textsuperscript{o} Semestre de 2026}
        \begin{document}
        \frame{\titlepage}
        \begin{frame}{A}
          Text.
        \end{frame}
        \end{document}
        """,
    )
    shown = " ".join(sh.text_frame.text for sh in deck.slides[0].shapes if sh.has_text_frame)
    assert "1º Semestre de 2026" in shown
    assert "H₂O and the 2ⁿᵈ law" in shown
    assert "A talk" in shown
    assert "\\text" not in shown
    cover = _pdf(out / "deck-handout.pdf").split("\f")[0]
    assert "1º Semestre de 2026" in cover
    assert "\\text" not in cover


_STANDOUT = r"""
\documentclass{beamer}
\usetheme{metropolis}
\title{Repro}
\begin{document}
\begin{frame}{Conclusions}
  Text.
\end{frame}
\begin{frame}[standout]
  Thank you!\\[0.6em]
  {\large Questions?}
\end{frame}
\begin{frame}[standout]
  \begin{itemize}
    \item One
    \item Two
  \end{itemize}
\end{frame}
\end{document}
"""


def test_standout_frame_is_a_section_slide_in_both_outputs(tmp_path):
    deck, out, err = _build(tmp_path, _STANDOUT)
    slide = deck.slides[2]
    assert slide.slide_layout.name == "Section Header"
    words = [sh.text_frame.text for sh in slide.placeholders]
    assert "Thank you!" in words and "Questions?" in words
    assert slide.shapes.title.text == "Thank you!"
    # more than a line or two: the frame's content, all of it, centred
    longer = deck.slides[3]
    paragraphs = [p for sh in longer.shapes if sh.has_text_frame for p in sh.text_frame.paragraphs if p.text]
    assert [p.text for p in paragraphs if p.text in ("One", "Two")] == ["One", "Two"]
    handout = _pdf(out / "deck-handout.pdf")
    assert "Thank you!" in handout and "Questions?" in handout
    slides_pdf = _pdf(out / "deck-slides.pdf").split("\f")
    assert "Thank you!" in slides_pdf[2] and "Questions?" in slides_pdf[2]
    # a standout slide begins no section of the handout's contents
    contents = handout.split("Contents", 1)[1].split("\f")[0]
    assert "Thank you!" in contents
    assert "Questions?" not in contents
