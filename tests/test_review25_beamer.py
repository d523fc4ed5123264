"""Review 25 (a Czech physics deck with its own package, a Spanish course deck): definitions inside a
macro's body, a closing title page frame and an empty ``\\part``, an ``\\input`` of a TeX system file
in a package, subcaption's sub-figures, ``\\underline{ }`` in ``\\texttt``, and LaTeX's spacing commands.
Built through the command line and read back with python-pptx (the deck) and pdftotext (the PDFs)."""

import subprocess
from pathlib import Path

from pptx import Presentation

from tests.conftest import run_cli, write_md


def _build(folder: Path, tex: str, **files: str):
    """``podium all`` on ``deck.tex`` (and the files ``files`` beside it, ``name_sty`` as ``name.sty``):
    the deck, its handout's text, the messages."""
    for name, text in files.items():
        write_md(folder, text, name.replace("_", "."))
    src = write_md(folder, tex, "deck.tex")
    out = folder / "out"
    result = run_cli("all", src, "-o", out)
    assert result.exit_code == 0, result.stderr
    handout = subprocess.run(
        ["pdftotext", str(out / "deck-handout.pdf"), "-"], capture_output=True, text=True, check=True
    ).stdout
    return Presentation(str(out / "deck.pptx")), handout, result.stderr


def _math_of(shape) -> str:
    """The text of the Office math in a shape's paragraphs."""
    m = "{http://schemas.openxmlformats.org/officeDocument/2006/math}"
    return "".join(t.text or "" for t in shape._element.iter(f"{m}t"))


def _texts(slide) -> list[str]:
    return [sh.text_frame.text for sh in slide.shapes if sh.has_text_frame and sh.text_frame.text.strip()]


_GREEK_PACKAGE = r"""
\ProvidesPackage{mysugar}
\newcommand\sw@pgreek[1]{%
  \def\alpha{#1\boldalpha}
  \renewcommand\Delta{#1\boldDelta}
}
\NewDocumentCommand\upgreek{}{\def\beta{\upbeta}}
\newcommand\vect[1]{\bgroup\sw@pgreek\relax#1\egroup}
"""


def test_a_def_inside_a_macro_body_does_not_redefine_the_deck(tmp_path):
    deck, handout, err = _build(
        tmp_path,
        r"""
        \documentclass{beamer}
        \usepackage{mysugar}
        \makeatletter
        \newcommand\my@gamma{\def\gamma{\boldgamma}}
        \makeatother
        \begin{document}
        \begin{frame}{Alpha}
          The parameter $\alpha$ and $E = \alpha \Delta T + \beta\gamma$.
        \end{frame}
        \end{document}
        """,
        mysugar_sty=_GREEK_PACKAGE,
    )
    body = next(sh for sh in deck.slides[0].shapes if sh.has_text_frame and "parameter" in sh.text_frame.text)
    assert _math_of(body) == "αE=αΔT+βγ"
    assert "bold" not in body.text_frame.text and "\\" not in body.text_frame.text
    assert "[math]" not in err and "bold" not in err
    assert "bold" not in handout
