"""Review 25's Chinese compilers deck (beamer, LL(1) parsing): an arrow with an empty under-script
(``\\xRightarrow[]{\\ast}``), ``\\textsc`` in math (the deck's ``\\first`` and ``\\follow``) and the
other text commands in math, and math that ends in an escaped dollar (``$\\$$``, ``$w\\$$``), which
took the reading of everything after it off course.  Built through the command line and read back as
a lecturer's programs would: python-pptx for the deck, ``pdftotext`` for the PDFs."""

from __future__ import annotations

import subprocess
from pathlib import Path

from lxml import etree
from pptx import Presentation

from .conftest import build_tex, frame_texts, run_cli, write_md

_NS = {
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "m": "http://schemas.openxmlformats.org/officeDocument/2006/math",
    "mc": "http://schemas.openxmlformats.org/markup-compatibility/2006",
}


def _pdf(path: Path) -> str:
    return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout


def _maths(prs) -> list:
    """Every Office math (``m:oMath``) of the deck, in reading order."""
    return [
        math
        for slide in prs.slides
        for shape in slide.shapes
        for math in etree.XPath(".//m:oMath", namespaces=_NS)(shape._element)
    ]


def _math_text(math) -> str:
    return "".join(t.text or "" for t in math.iter(f"{{{_NS['m']}}}t"))


def _run_sizes(math) -> dict[str, int | None]:
    """Each run's text in ``math`` and its size (hundredths of a point; None: the text's own)."""
    out: dict[str, int | None] = {}
    for r in math.iter(f"{{{_NS['m']}}}r"):
        rpr = r.find("a:rPr", _NS)
        sz = rpr.get("sz") if rpr is not None else None
        out["".join(t.text or "" for t in r.iter(f"{{{_NS['m']}}}t"))] = int(sz) if sz else None
    return out


# --------------------------------------------------------------------------- 1: \xRightarrow[]{\ast}


def test_an_arrow_with_an_empty_under_script_has_its_mark_above_and_nothing_below(tmp_path):
    prs, err = build_tex(
        tmp_path,
        "\\begin{frame}{Derivations}\n  If $\\alpha \\dstar \\epsilon$, choose the production.\n\\end{frame}",
        preamble="\\newcommand{\\dstar}{\\xRightarrow[]{\\ast}}\n",
        command="all",
    )
    assert "warning" not in err and "internal error" not in err, err
    (math,) = _maths(prs)
    (upper,) = etree.XPath(".//m:limUpp", namespaces=_NS)(math)
    above = _math_text(upper.find("m:lim", _NS)).strip()
    below = "".join(_math_text(lim) for lim in etree.XPath(".//m:limLow/m:lim", namespaces=_NS)(upper))
    assert above in ("*", "∗") and not below.strip()
    assert _math_text(upper.find("m:e", _NS)).strip() == "⇒"
    assert "\\xRightarrow" not in _pdf(tmp_path / "out" / "deck-handout.pdf")
    # the same in a Markdown lecture, and an empty subscript
    src = write_md(
        tmp_path, "# Arrows\n\n## Steps\n\nThen $a \\xrightarrow[]{x} b$ and $a_{} c$.\n", "arrows.md"
    )
    result = run_cli("all", src, "-o", tmp_path / "md")
    assert result.exit_code == 0, result.stderr
    assert "internal error" not in result.stderr
    texts = [_math_text(m) for m in _maths(Presentation(str(tmp_path / "md" / "arrows.pptx")))]
    assert any("→" in t and "x" in t for t in texts) and any(t.replace(" ", "") == "ac" for t in texts)


# --------------------------------------------------------------------------- 2: \textsc in math

_FIRST_SETS = r"""
\newcommand{\first}{\textsc{First}}
\newcommand{\follow}{\textsc{Follow}}
\usepackage{algpseudocode}
"""


def test_textsc_in_math_is_set_in_small_capitals_not_shown_as_tex(tmp_path):
    prs, err = build_tex(
        tmp_path,
        "\\begin{frame}{First sets}\n"
        "  Compute $\\first(X)$ for every symbol, and $\\follow(A)$ too.\n"
        "  \\[\n    \\first(\\alpha) = \\textrm{First}(X) \\cup \\textsf{Follow}(Y)\n  \\]\n"
        "  \\begin{align*}\n    \\first(S) &= \\{a, c\\} \\\\\n    \\follow(S) &= \\{\\$\\}\n  \\end{align*}\n"
        "\\end{frame}\n"
        "\\begin{frame}{Search}\n\\begin{algorithmic}\n"
        "\\If{$x = \\textsc{nil}$}\n\\State \\Return $x$\n\\EndIf\n\\end{algorithmic}\n\\end{frame}",
        preamble=_FIRST_SETS,
        command="all",
    )
    assert "TeX source" not in err and "\\textsc" not in err, err
    shown = "\n".join(t for slide in frame_texts(prs) for t in slide)
    assert "\\textsc" not in shown and "\\begin{aligned}" not in shown
    maths = _maths(prs)
    texts = [_math_text(m).replace(" ", "") for m in maths]
    assert "FIRST(X)" in texts and "FOLLOW(A)" in texts
    assert any(t.startswith("x=NIL") for t in texts)
    # the capital as it is, the small letters as capitals of a smaller size
    sizes = _run_sizes(maths[texts.index("FIRST(X)")])
    assert sizes["IRST"] is not None and (sizes["F"] is None or sizes["F"] > sizes["IRST"])
    # the display equations are Office math too (and pictures for other programs)
    displays = etree.XPath(".//m:oMathPara", namespaces=_NS)(prs.slides[0]._element)
    assert len(displays) == 2
    assert all(_math_text(d).replace(" ", "").startswith(("FIRST(α)=First(X)", "FIRST(S)")) for d in displays)
    for pdf in ("deck-handout.pdf", "deck-slides.pdf"):
        text = _pdf(tmp_path / "out" / pdf)
        assert "\\textsc" not in text and "\\first" not in text and "aligned" not in text


def test_the_text_commands_a_deck_uses_in_math_are_read(tmp_path):
    prs, err = build_tex(
        tmp_path,
        "\\begin{frame}{Text in math}\n"
        "  $\\textrm{rm} + \\textit{it} + \\textbf{bf} + \\texttt{tt} + \\textsf{sf} + \\mathrm{mr}$\n\n"
        "  $\\mbox{mb} + \\text{tx} + \\textup{up} + \\textnormal{no} + \\emph{em} + \\textsc{Sc}$\n"
        "\\end{frame}",
        command="all",
    )
    assert "warning" not in err, err
    texts = [_math_text(m).replace(" ", "") for m in _maths(prs)]
    assert texts == ["rm+it+bf+tt+sf+mr", "mb+tx+up+no+em+SC"]


# --------------------------------------------------------------------------- 3: $\$$ and $w\$$

_END_MARKER = r"""\documentclass{beamer}
\newcommand{\fig}[2]{
  \begin{figure}[htp]
    \centering
    \includegraphics[#1]{#2}
  \end{figure}
}
\newcommand{\thankyou}{
\begin{frame}[noframenumbering]{}
  \fig{width = 0.50\textwidth}{figs/thankyou.png}
\end{frame}
}
\begin{document}
%%%%%%%%%%%%%%%%%%%%
\begin{frame}{End marker}
  Why the end marker $\$$ is needed.

  \includegraphics[width=0.7\textwidth]{figs/ll1-stack-expr}
\end{frame}
%%%%%%%%%%%%%%%%%%%%

%%%%%%%%%%%%%%%%%%%%
\begin{frame}{Leaves}
  The leaves are the token stream $w\$$ \\[8pt]
  made of terminals and the end marker.
\end{frame}
%%%%%%%%%%%%%%%%%%%%

\thankyou{}

\begin{frame}{Last}
  The end.
\end{frame}
\end{document}
"""


def test_math_ending_in_an_escaped_dollar_leaves_what_follows_as_it_is(tmp_path):
    src = write_md(tmp_path, _END_MARKER, "marker.tex")
    result = run_cli("all", src, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.stderr
    err = result.stderr
    assert "marker.tex:18: warning: picture 'figs/ll1-stack-expr' not found" in err
    assert "raw TeX" not in err
    prs = Presentation(str(tmp_path / "out" / "marker.pptx"))
    slides = frame_texts(prs)
    assert len(slides) == 4
    assert slides[0][0] == "End marker" and "[missing picture: figs/ll1-stack-expr]" in slides[0]
    leaves = next(t for t in slides[1] if "token stream" in t)
    assert "\\[8pt]" not in leaves and "[8pt]" not in leaves
    assert "\x0bmade of terminals" in leaves or "\nmade of terminals" in leaves
    assert slides[2] == ["[missing picture: figs/thankyou.png]"]
    assert slides[3] == ["Last", "The end."]
    assert not any("{}" in t for slide in slides for t in slide)
    assert [_math_text(m) for m in _maths(prs)] == ["$", "w$"]
    handout = _pdf(tmp_path / "out" / "marker-handout.pdf")
    assert "[8pt]" not in handout and "{}" not in handout


def test_math_ending_in_an_escaped_dollar_in_a_markdown_lecture(tmp_path):
    src = write_md(
        tmp_path,
        "---\ntitle: Parsing\n---\n\n## End marker\n\nThe input ends with $\\$$, the end marker.\n\n"
        "Totals\n------\n\nA formula $$x^2$$ here.\n\n## Leaves\n\n"
        "\\begin{itemize}\n\\item The token stream $w\\$$ \\\\[8pt]\nmade of terminals.\n\\end{itemize}\n\n"
        "Last words.\n",
    )
    result = run_cli("all", src, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.stderr
    assert "raw TeX" not in result.stderr, result.stderr
    slides = frame_texts(Presentation(str(tmp_path / "out" / "lecture.pptx")))
    titles = [s[0] for s in slides]
    assert titles[1:] == ["End marker", "Totals", "Leaves"]
    assert not any("{}" in t or "------" in t for s in slides for t in s)
    leaves = slides[3][1]
    assert "token stream" in leaves and "made of terminals" in leaves and "[8pt]" not in leaves
