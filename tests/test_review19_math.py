"""Math in the econometrics decks of review 19: brackets around a sum drawn at the sum's height
(problem 2), a colour before an aligned block's row break (problem 1), xaringan's escaped underscores
(problem 4), inline R inside math (problem 5) and a TikZ picture whose options run over lines (problem 10).
The deck is read as a user's program would, with python-pptx (its Office math, the fallback picture's
size and alt text, its text boxes), and the messages as the command line prints them."""

from __future__ import annotations

from .conftest import run_cli, slide_text, write_md

OMML = "{http://schemas.openxmlformats.org/officeDocument/2006/math}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
P = "{http://schemas.openxmlformats.org/presentationml/2006/main}"
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
EMU_PER_INCH = 914400


def _deck(tmp_path, text: str, name: str = "lecture.md"):
    """The deck built from ``text`` by the command line, and the messages."""
    from pptx import Presentation

    src = write_md(tmp_path, text, name)
    result = run_cli("slides", src, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.stderr
    return Presentation(str(tmp_path / "out" / (src.stem + ".pptx"))), result.stderr


def _equations(slide) -> list:
    """The Office-math paragraphs (``m:oMath``) of ``slide``'s equations, in order."""
    return list(slide._element.iter(OMML + "oMath"))


def _fallback_pictures(slide) -> list[tuple[str, int, int]]:
    """(alt text, width, height) of each picture an equation falls back to on ``slide``."""
    found = []
    for fallback in slide._element.iter(MC + "Fallback"):
        for pic in fallback.iter(P + "pic"):
            name = next(pic.iter(P + "cNvPr"))
            ext = next(pic.iter(A + "ext"))
            found.append((name.get("descr"), int(ext.get("cx")), int(ext.get("cy"))))
    return found


def _math_text(el) -> str:
    return "".join(t.text or "" for t in el.iter(OMML + "t"))


def test_brackets_around_a_sum_with_a_subscript_are_as_tall_as_the_sum(tmp_path):
    prs, err = _deck(
        tmp_path,
        "---\ntitle: T\n---\n\n# Sums\n\n$$ a = \\left(\\sum_i x_i\\right) + \\left[\\prod_{j} y_j\\right] $$\n",
    )
    assert "warning" not in err, err
    pictures = _fallback_pictures(prs.slides[1])
    assert len(pictures) == 1, pictures
    alt, width, height = pictures[0]
    assert "\\sum_i" in alt
    assert height < 1.5 * EMU_PER_INCH, height / EMU_PER_INCH  # (it was some 40 inches)
    assert width > height


def test_a_colour_before_a_row_break_in_aligned_keeps_the_equation(tmp_path):
    text = (
        "---\ntitle: T\n---\n\n# Proof\n\n$$\n\\begin{aligned}\n  a &= b \\color{red}{c} \\\\\n  &= d\n"
        "\\end{aligned}\n$$\n\n# Switch\n\n$$\n\\begin{aligned}\n  a &= \\color{blue} b + c \\\\\n  &= e\n"
        "\\end{aligned}\n$$\n"
    )
    prs, err = _deck(tmp_path, text)
    assert "TeX source" not in err, err
    assert "code line" not in err, err
    for slide, last in ((prs.slides[1], "d"), (prs.slides[2], "e")):
        equations = _equations(slide)
        assert len(equations) == 1, slide_text(slide)
        math = _math_text(equations[0])
        assert math.endswith(last) and "\\color" not in math, math
        assert "\\begin" not in slide_text(slide)


def test_escaped_underscores_in_xaringan_math_are_subscripts(tmp_path):
    text = (
        '---\ntitle: "Escaped"\noutput: xaringan::moon_reader\n---\n\n# Breusch-Pagan\n\n'
        "$$ e\\_i^2 = \\alpha\\_0 + \\alpha\\_1 x\\_{1i} + v\\_i $$\n\n---\n\n# Inline\n\n"
        "The residual $e\\_i$ is squared.\n"
    )
    prs, err = _deck(tmp_path, text, "lecture.Rmd")
    assert "warning" not in err, err
    equations = _equations(prs.slides[1])
    assert len(equations) == 1
    math = _math_text(equations[0])
    assert "_" not in math, math
    subscripts = [_math_text(s) for s in equations[0].iter(OMML + "sub")]
    assert subscripts == ["i", "0", "1", "1i", "i"], subscripts
    inline = _equations(prs.slides[2])
    assert inline and "_" not in _math_text(inline[0]), slide_text(prs.slides[2])


def test_inline_r_inside_math_is_warned_and_shown_as_its_code(tmp_path):
    text = (
        '---\ntitle: "Inline R"\noutput: xaringan::moon_reader\n---\n\n# G-Q test\n\n'
        '$F = \\dfrac{\\text{SSE}_2 = `r format(sse2, big.mark = ",")`}{\\text{SSE}_1} \\approx `r round(f, 1)`$\n'
    )
    prs, err = _deck(tmp_path, text, "lecture.Rmd")
    assert "lecture.Rmd:8: warning: inline code `r format(sse2" in err, err
    assert "inside math is shown as its code" in err and "(and 1 more" in err, err
    equations = _equations(prs.slides[1])
    assert len(equations) == 1, slide_text(prs.slides[1])
    math = _math_text(equations[0]).replace("\xa0", " ")  # (a text's spaces: no-break ones)
    assert "`" not in math and "round(f, 1)" in math and 'format(sse2, big.mark = ",")' in math, math


def test_a_tikz_picture_whose_options_run_over_lines_is_one_box_with_one_warning(tmp_path):
    text = (
        '---\ntitle: "TikZ"\noutput: beamer_presentation\n---\n\n## DAG\n\nBefore.\n\n'
        "\\begin{tikzpicture}[\n  >=Stealth,\n  obs/.style={draw, font=\\small\\bfseries}\n]\n"
        "\\node[obs] (Z) at (0, 0) {Instrument};\n\\draw[->, thick] (Z) -- (1, 0);\n\\end{tikzpicture}\n\n"
        "After.\n"
    )
    prs, err = _deck(tmp_path, text, "lecture.Rmd")
    warnings = [line for line in err.splitlines() if "warning" in line]
    assert len(warnings) == 1 and "lecture.Rmd:10:" in warnings[0] and "TikZ picture" in warnings[0], err
    words = slide_text(prs.slides[1])
    assert "Before." in words and "After." in words and "Instrument" in words, words
    for tex in ("Stealth", "\\node", "\\draw", "obs/.style", "(Z)"):
        assert tex not in words, words
