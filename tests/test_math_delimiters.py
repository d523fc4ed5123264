"""Sized delimiters (``\\big\\{``, ``\\Bigl(``, ``\\big{\\{}``…), text commands nested in math's text and
``\\notag`` in an equation, as a reviewer's beamer decks write them: each lecture built through the command
line and read back from the deck (python-pptx: the Office math and its fallback), the warnings and the
handout (pdftotext: no TeX shown as text; pypdf: the math picture's alt text)."""

from __future__ import annotations

import subprocess

from pptx import Presentation
from pypdf import PdfReader

from .conftest import run_cli, write_md

M = "{http://schemas.openxmlformats.org/officeDocument/2006/math}"
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"


def _build(tmp_path, frames: str):
    """Build the beamer deck of ``frames`` with ``all``: (the deck, the warnings, the handout's path)."""
    src = tmp_path / "deck.tex"
    src.write_text(
        "\\documentclass{beamer}\n\\begin{document}\n" + frames.strip() + "\n\\end{document}\n",
        encoding="utf-8",
    )
    result = run_cli("all", src, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.stderr
    return (
        Presentation(str(tmp_path / "out" / "deck.pptx")),
        result.stderr,
        tmp_path / "out" / "deck-handout.pdf",
    )


def _math_texts(slide) -> list[str]:
    """The text of every Office math run on ``slide``, in order."""
    return [t.text or "" for t in slide.shapes._spTree.iter(f"{M}t")]


def _fences(slide) -> list[tuple[str, str]]:
    """The (opening, closing) characters of every Office math delimiter (``m:d``) on ``slide``."""
    return [
        (d.find(f"{M}dPr/{M}begChr").get(f"{M}val"), d.find(f"{M}dPr/{M}endChr").get(f"{M}val"))
        for d in slide.shapes._spTree.iter(f"{M}d")
    ]


def _drawn(slide) -> list[str]:
    """The characters of ``slide``'s Office math: its runs' texts and its delimiters' characters."""
    return _math_texts(slide) + [c for pair in _fences(slide) for c in pair]


def _shown_texts(slide) -> list[str]:
    """Every text a viewer of ``slide`` reads: the Office math's runs and the DrawingML runs (the
    fallback LibreOffice draws for inline math)."""
    return _math_texts(slide) + [t.text or "" for t in slide.shapes._spTree.iter(f"{A}t")]


def _math_warnings(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if "[math]" in line]


def _handout_text(pdf) -> str:
    return subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout


def _alt_texts(pdf) -> list[str]:
    """The alt text of every element of the handout's structure tree (a math picture's is its TeX)."""
    reader = PdfReader(str(pdf))
    found: list[str] = []
    stack = [reader.trailer["/Root"]["/StructTreeRoot"]]
    seen: set[int] = set()
    while stack:
        node = stack.pop()
        node = node.get_object() if hasattr(node, "get_object") else node
        if id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, dict):
            if "/Alt" in node:
                found.append(str(node["/Alt"]))
            kids = node.get("/K")
            if kids is not None:
                stack.extend(kids if isinstance(kids, list) else [kids])
        elif isinstance(node, list):
            stack.extend(node)
    return found


def test_braced_big_braces_are_one_brace_each_side(tmp_path):
    # \big{\{}: latex2mathml read "{" as the delimiter and printed the rest, "{{}aᵢ{}}", with no warning
    prs, stderr, _ = _build(
        tmp_path, "\\begin{frame}{Sequences}\n  $\\big{\\{}a_i\\big{\\}}_{i=0}^\\infty$\n\\end{frame}"
    )
    slide = prs.slides[0]
    math = _math_texts(slide)
    assert math.count("{") == 1 and math.count("}") == 1, math
    assert math[:3] == ["{", "a", "i"], math
    assert "{aᵢ}ᵢ₌₀^∞" in [t.text for t in slide.shapes._spTree.iter(f"{A}t")]  # (LibreOffice's fallback)
    assert not _math_warnings(stderr), stderr


def test_sized_delimiters_inline_are_office_math_without_warnings(tmp_path):
    prs, stderr, handout = _build(
        tmp_path,
        "\\begin{frame}{Sizes}\n"
        "  $\\Big\\{ b_i \\Big\\}$ and $\\big\\{ c \\big\\}$\n\n"
        "  $\\bigl( x \\bigr) + \\Bigg| y \\Bigg|$ and $\\bigl\\{ p \\bigr\\}$\n\n"
        "  $\\big\\langle u, v \\big\\rangle$ and $\\big\\| w \\big\\|$\n"
        "\\end{frame}",
    )
    slide = prs.slides[0]
    assert not _math_warnings(stderr), stderr
    assert sum(1 for _ in slide.shapes._spTree.iter(f"{M}oMath")) == 6
    # \bigl\{ p \bigr\} alone: a pair of fences, Office math's delimiter
    assert ("{", "}") in _fences(slide), _fences(slide)
    drawn = _drawn(slide)
    for char in ("{", "}", "(", ")", "|", "\u27e8", "\u27e9", "\u2016"):
        assert char in drawn, (char, drawn)
    shown = " ".join(_shown_texts(slide))
    assert "\\big" not in shown and "\\Big" not in shown, shown
    assert "\\big" not in _handout_text(handout) and "\\Big" not in _handout_text(handout)


def test_sized_braces_in_a_table_of_laws_are_display_math_and_a_picture(tmp_path):
    laws = (
        "\\neg\\Big\\{ p \\wedge q \\Big\\} &\\equiv \\neg p \\vee \\neg q \\\\\n"
        "\\bigl\\{ p \\vee q \\bigr\\} &\\equiv \\bigl( q \\vee p \\bigr)"
    )
    prs, stderr, handout = _build(
        tmp_path, "\\begin{frame}{Laws}\n\\begin{align*}\n" + laws + "\n\\end{align*}\n\\end{frame}"
    )
    slide = prs.slides[0]
    tree = slide.shapes._spTree
    assert not _math_warnings(stderr), stderr
    assert sum(1 for _ in tree.iter(f"{M}oMathPara")) == 1
    drawn = _drawn(slide)
    assert drawn.count("{") == 2 and drawn.count("}") == 2 and "¬" in drawn, drawn
    assert not any("\\" in t for t in _shown_texts(slide)), _shown_texts(slide)
    # the picture other viewers (LibreOffice) draw instead, its alt text the TeX
    assert any("\\Big\\{ p \\wedge q" in d for d in tree.xpath(".//@descr"))
    text = _handout_text(handout)
    assert "\\Big" not in text and "\\bigl" not in text and "wedge" not in text, text
    assert any("\\Big\\{ p \\wedge q \\Big\\}" in alt for alt in _alt_texts(handout))


def test_text_command_inside_a_text_command_in_math_is_its_words(tmp_path):
    prs, stderr, handout = _build(
        tmp_path,
        "\\begin{frame}{Rules}\n  $a \\to b \\quad \\{\\textrm{\\textit{Modus Ponens}}\\}$\n\n"
        "  $x \\in A \\text{ for \\textbf{all} } x$\n\\end{frame}",
    )
    slide = prs.slides[0]
    assert not _math_warnings(stderr), stderr
    math = [t.replace("\u00a0", " ") for t in _math_texts(slide)]
    assert "Modus Ponens" in math and "all" in math, math
    assert not any("\\text" in t for t in _shown_texts(slide)), _shown_texts(slide)
    assert "\\text" not in _handout_text(handout)
    assert any("\\textrm{\\textit{Modus Ponens}}" in alt for alt in _alt_texts(handout))


def test_notag_or_nonumber_leaves_an_equation_unnumbered(tmp_path):
    prs, _, handout = _build(
        tmp_path,
        "\\begin{frame}{Lemma}\n  \\begin{block}{Lemma 2}\n  \\begin{equation}\\label{eq:p}\n"
        "    p \\ge \\frac{1}{m/2+1}\\notag\n  \\end{equation}\n  \\end{block}\n\\end{frame}\n"
        "\\begin{frame}{Other}\n  \\begin{equation}\\label{eq:q}\n    q = 2 \\nonumber\n  \\end{equation}\n"
        "\\end{frame}\n"
        "\\begin{frame}{Rows}\n  \\begin{align}\n    a &= b \\notag \\\\\n    c &= d \\label{eq:r}\n"
        "  \\end{align}\n\\end{frame}",
    )
    for k in (0, 1):
        tree = prs.slides[k].shapes._spTree
        assert "(" not in _math_texts(prs.slides[k]), _math_texts(prs.slides[k])
        assert not any("qquad" in d or "(1)" in d for d in tree.xpath(".//@descr"))
    # (an align's labelled row without \notag: numbered, the first number, as LaTeX numbers it)
    assert any(d.endswith("(1)") for d in prs.slides[2].shapes._spTree.xpath(".//@descr"))
    alts = _alt_texts(handout)
    assert "p \\ge \\frac{1}{m/2+1}" in alts and "q = 2" in alts, alts  # (the handout's pictures: no number)


def test_sized_delimiters_in_a_markdown_lecture(tmp_path):
    src = write_md(
        tmp_path,
        """
        # Sets

        The set $\\Bigl\\{ x \\in \\mathbb{R} \\Bigm| x > 0 \\Bigr\\}$ is open.

        $$\\Big\\lfloor \\tfrac{n}{2} \\Big\\rfloor + \\big\\lvert k \\big\\rvert$$
        """,
    )
    result = run_cli("all", src, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.stderr
    assert not _math_warnings(result.stderr), result.stderr
    slide = Presentation(str(tmp_path / "out" / "lecture.pptx")).slides[0]
    drawn = _drawn(slide)
    assert all(c in drawn for c in ("{", "}", "|", "\u230a", "\u230b")), drawn
    assert not any("\\" in t for t in _shown_texts(slide)), _shown_texts(slide)
    assert "\\Big" not in _handout_text(tmp_path / "out" / "lecture-handout.pdf")


def test_an_eqnarray_sets_its_right_hand_side_from_the_left(tmp_path):
    # `a &=& b`: three columns (right, centre, left) read as aligned's right-left pairs set the
    # right-hand side from the right; it is two columns now, the sign with the right-hand side
    src = write_md(
        tmp_path,
        "---\ntitle: T\n---\n\n## Variance\n\n\\begin{eqnarray*}\n"
        "s^2 &=& \\frac{(1.3 - 1.15)^2 + (0.2 - 1.15)^2}{4-1}\\\\\n&=& \\frac{1.37}{3}\\approx 0.46.\n"
        "\\end{eqnarray*}\n",
    )
    out = tmp_path / "out"
    res = run_cli("slides", src, "-o", out)
    assert res.exit_code == 0, res.stderr
    xml = Presentation(str(out / "lecture.pptx")).slides[-1].element.xml
    matrix = xml[xml.index("<m:m>") : xml.index("</m:m>")]
    assert matrix.count("<m:mc>") == 2 and 'm:val="right"' in matrix and 'm:val="left"' in matrix
    assert matrix.count("<m:mr>") == 2


def test_east_asian_words_in_math_are_drawn_from_a_cjk_face_not_as_empty_boxes(tmp_path):
    # STIX Two Math has no Chinese, Japanese or Korean glyph: \text{合計} and a subscript 推定目標 were
    # drawn with its empty .notdef box in the handout and the slides PDF
    import re

    from podium.mathrender import tex_to_svg

    svg = tex_to_svg(r"\bar{x} = \frac{\text{合計}}{n} + \underbrace{a}_{推定}", display=True)
    assert svg is not None
    ids = set(re.findall(r'<symbol id="([^"]+)"', svg))
    assert not any(i.endswith("_0") for i in ids)  # no .notdef box
    stix = {i for i in ids if i.startswith("STIX")}
    assert len(ids - stix) == 4  # 合, 計, 推, 定: each from the CJK face, once
    src = write_md(
        tmp_path,
        "---\ntitle: T\nlang: ja\n---\n\n## 推定\n\n- 平均 $\\bar{x} = \\frac{\\text{合計}}{\\text{人数}}$\n",
    )
    result = run_cli("all", str(src), "-o", str(tmp_path / "out"))
    assert result.exit_code == 0, result.output
    assert "deck and handout agree" in result.output


def test_a_transposed_matrix_an_equation_ending_in_a_row_break_and_empty_are_typeset(tmp_path):
    # each was "could not be typeset; shown as TeX": a script after \end{bmatrix} (latex2mathml makes
    # the matrix's brackets and rows the script's parts), a trailing \\ (an empty row of negative
    # height) and plain TeX's \empty
    src = write_md(
        tmp_path,
        "---\ntitle: T\n---\n\n## Vectors\n\n$$\nx = \\begin{bmatrix} x_1 & x_2 \\end{bmatrix}^T\n$$\n\n"
        "$$\ny = \\begin{pmatrix} y_1 \\\\ y_2 \\end{pmatrix}'\n$$\n\n$$\nA^{-1} = \\begin{bmatrix} 1 & 0 \\\\ 0 & 1 "
        "\\end{bmatrix}^{-1} \\\\\n$$\n\nThe answer is $\\empty$.\n",
    )
    result = run_cli("all", str(src), "-o", str(tmp_path / "out"))
    assert result.exit_code == 0, result.output
    assert "could not be typeset" not in result.output and "[math]" not in result.output
    slide = Presentation(str(tmp_path / "out" / "lecture.pptx")).slides[1]
    pictures = slide.shapes._spTree.findall(".//{*}Fallback//{*}pic")
    assert len(pictures) == 3  # the three equations drawn, none shown as TeX


def test_display_math_inside_a_quotation_keeps_no_quotation_marks(tmp_path):
    # the guard that keeps a `> x` line inside $$…$$ from being read as a quotation wrote `{}` before the
    # quotation's own `>` markers: the equation held "{}>" and the quotation ended at it
    src = write_md(
        tmp_path,
        "---\ntitle: Q\n---\n\n## De Morgan\n\n> The complement of a union:\n> $$\n"
        "> \\left(\\bigcup E_i \\right)^c = \\bigcap E_i^c\n> $$\n",
    )
    result = run_cli("all", str(src), "-o", str(tmp_path / "out"))
    assert result.exit_code == 0, result.output
    assert "[math]" not in result.output
    slide = Presentation(str(tmp_path / "out" / "lecture.pptx")).slides[1]
    (pic,) = slide.shapes._spTree.findall(".//{*}Fallback//{*}pic/{*}nvPicPr/{*}cNvPr")
    assert pic.get("descr") == "\\left(\\bigcup E_i \\right)^c = \\bigcap E_i^c"
