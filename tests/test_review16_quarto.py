"""Quarto / pandoc lecture decks (review 16): emoji written as a symbol and U+FE0F, comments, macro
definitions, plain-TeX matrices, tables and display math inside list items."""

from __future__ import annotations

import subprocess

import pytest
from pptx import Presentation

from .conftest import run_cli, write_md


def _pdf_text(path) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


def _all(tmp_path, text: str, *args: str):
    """Build ``text`` with ``all`` (and ``args``); return (the deck, the slides PDF's text, the handout's text,
    the messages)."""
    src = write_md(tmp_path, text, "lecture.qmd")
    out = tmp_path / "out"
    result = run_cli("all", src, "-o", out, *args)
    assert result.exit_code == 0, result.stderr
    return (
        Presentation(str(out / "lecture.pptx")),
        _pdf_text(out / "lecture-slides.pdf"),
        _pdf_text(out / "lecture-handout.pdf"),
        result.stderr,
    )


@pytest.mark.parametrize("emoji", ["ℹ️", "™️", "Ⓜ️"])
def test_symbol_written_as_emoji_passes_check(tmp_path, emoji):
    """ℹ️ (a letter-like symbol and U+FE0F) is drawn by the emoji font: the check does not call its words
    missing, in a paragraph, a bullet or a sub-heading."""
    prs, _, handout, err = _all(
        tmp_path,
        f"""
        ---
        title: R
        ---

        ## Slide

        {emoji} Std. Error Nedir?

        - Model {emoji} summary

        ### {emoji} Heading words
        """,
    )
    assert "check-text" not in err and "agree with the source" in err, err
    words = "\n".join(sh.text_frame.text for sh in prs.slides[1].shapes if sh.has_text_frame)
    assert f"{emoji} Std. Error Nedir?" in words
    assert "Std. Error Nedir?" in handout and "Heading words" in handout


def test_unused_macro_definitions_are_no_lost_words(tmp_path):
    """A shared macro file defines macros the lecture never uses: their definitions print nothing, so
    their words are not reported as lost (``--strict`` passes)."""
    src = write_md(
        tmp_path,
        r"""
        ---
        title: Macros
        ---

        ## Slide

        \newcommand{\sgn}{\text{sgn}}
        \newcommand{\cov}{\text{cov}}
        \newcommand{\iid}{\overset{\text{iid}}{\thicksim}}
        \renewcommand{\vm}[1]{\mathbf{#1}}
        \DeclareMathOperator{\argmax}{argmax}

        The covariance $\cov(X, Y)$.
        """,
        "lecture.qmd",
    )
    result = run_cli("all", src, "-o", tmp_path / "out", "--strict")
    assert "not-shown" not in result.stderr, result.stderr
    assert result.exit_code == 0, result.stderr


def test_shortcode_in_html_comment_is_left_alone(tmp_path):
    """A shortcode inside an HTML comment (on one line or over several) gets no warning and shows
    nothing; one after the comment on the same line is still replaced."""
    prs, _, handout, err = _all(
        tmp_path,
        """
        ---
        title: Comments
        subtitle: The Subtitle
        ---

        ## Slide

        <!--- {{< include _symbols.qmd >}} --->

        <!--
        {{< pagebreak >}}
        -->

        Body text. <!-- {{< video intro.mp4 >}} --> {{< meta subtitle >}}
        """,
    )
    assert "[shortcode]" not in err and "[media]" not in err, err
    words = "\n".join(sh.text_frame.text for sh in prs.slides[1].shapes if sh.has_text_frame)
    assert "Body text." in words and "The Subtitle" in words
    assert "{{<" not in words and "include" not in words and "include" not in handout


def test_include_not_on_its_own_line_is_not_called_unsupported(tmp_path):
    """``{{< include f >}}`` inside a line is not expanded (as in Quarto): the warning says that it
    must stand on a line of its own, not that include is unsupported."""
    (tmp_path / "part.qmd").write_text("Included words.\n", encoding="utf-8")
    _, _, _, err = _all(
        tmp_path,
        """
        ---
        title: Include
        ---

        ## Slide

        See {{< include part.qmd >}} here.
        """,
    )
    assert "lecture.qmd:7:" in err and "a line of its own" in err, err
    assert "not supported" not in err, err


def test_three_dash_comment_in_a_line_is_never_shown(tmp_path):
    """``<!--- … --->`` after other words (pandoc's comment, which CommonMark does not take for one) is
    left out in the deck, the slides PDF and the handout, as ``<!-- … -->`` is."""
    prs, slides_pdf, handout, err = _all(
        tmp_path,
        r"""
        ---
        title: Comments
        ---

        ## Slide

        \newcommand{\vm}[1]{\mathbf{#1}} <!--- vectors and matrices --->

        A vector. <!--- a note to myself --->

        - Item words <!--- over
          two lines ---> and more
        """,
    )
    words = "\n".join(sh.text_frame.text for sh in prs.slides[1].shapes if sh.has_text_frame)
    assert "A vector." in words and "Item words" in words and "and more" in words
    for text in (words, slides_pdf, handout):
        assert "note to myself" not in text and "vectors and matrices" not in text and "two lines" not in text
        assert "<!" not in text and "—>" not in text
    assert "agree with the source" in err, err


OMML = "{http://schemas.openxmlformats.org/officeDocument/2006/math}"


def test_plain_tex_matrices_anywhere_in_an_equation(tmp_path):
    r"""``\pmatrix{…}`` (and ``\matrix``, ``\bordermatrix``, rows ended by ``\cr``) is read wherever it
    stands in the equation, not only at its end: drawn as a matrix, not shown as TeX source."""
    prs, slides_pdf, _, err = _all(
        tmp_path,
        r"""
        ---
        title: Matrices
        ---

        ## Slide

        $$
        A = \pmatrix{a & b \cr c & d} + \pmatrix{e & f \cr g & h}
        $$

        $$
        \pmatrix{x_1 & x_2} = \matrix{p & q \cr r & s} \quad B
        $$

        $$
        M = \bordermatrix{ & u & v \cr s & 1 & 2 \cr t & 3 & 4} + I
        $$
        """,
    )
    assert "[math]" not in err, err
    slide = prs.slides[1]
    assert "pmatrix" not in "".join(sh.text_frame.text for sh in slide.shapes if sh.has_text_frame)
    tables = slide._element.findall(f".//{OMML}m")
    assert len(tables) >= 5, len(tables)  # (Office math matrices: two, two and the bordered one's)
    assert "pmatrix" not in slides_pdf and "\\cr" not in slides_pdf


MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
P = "{http://schemas.openxmlformats.org/presentationml/2006/main}"


def test_display_math_among_a_list_items_words_is_an_equation(tmp_path):
    """``$$…$$`` on its own line under a list item's words is display math as at the top level: an
    equation whose fallback is its picture (what LibreOffice shows), under the item's words, the list
    going on after it."""
    prs, slides_pdf, _, err = _all(
        tmp_path,
        r"""
        ---
        title: LSTM
        ---

        ## Slide

        1.  **Forget gate:** what to drop?
            $$f_t = \sigma(W_f \cdot [h_{t-1}, x_t] + b_f)$$
        2.  **Input gate:** what to add?
            $$i_t = \sigma(W_i \cdot [h_{t-1}, x_t] + b_i)$$

        $$o_t = \sigma(W_o \cdot [h_{t-1}, x_t] + b_o)$$
        """,
    )
    slide = prs.slides[1]
    equations = slide._element.findall(f".//{MC}AlternateContent")
    shown = [ac for ac in equations if ac.find(f"{MC}Fallback/{P}pic") is not None]
    tex = [ac.find(f"{MC}Fallback/{P}pic/{P}nvPicPr/{P}cNvPr").get("descr") for ac in shown]
    assert len(shown) == 3, tex
    assert [t[:3] for t in tex] == ["f_t", "i_t", "o_t"]
    words = "\n".join(sh.text_frame.text for sh in slide.shapes if sh.has_text_frame)
    assert "Forget gate: what to drop?" in words and "Input gate: what to add?" in words
    assert "W_f" not in words and "W_f" not in slides_pdf
    assert slides_pdf.index("Forget gate") < slides_pdf.index("Input gate"), slides_pdf
    assert "agree with the source" in err, err


def test_table_in_a_list_item_comes_right_after_its_words(tmp_path):
    """A table inside a list item is drawn right after the item's words, before the item's bullets and
    the next item (the list going on after it), in the deck, the slides PDF and the handout."""
    prs, slides_pdf, handout, err = _all(
        tmp_path,
        """
        ---
        title: Tables
        ---

        ## Slide

        1.  **Coefficients:**

            | Term      | Estimate |
            |-----------|----------|
            | Intercept | 34.55    |

            -   **Estimate**: the coefficient

            > A closing remark.

        2.  **Residuals:** last
        """,
    )
    slide = prs.slides[1]
    shapes = sorted(slide.shapes, key=lambda sh: sh.top)
    order = []
    for sh in shapes:
        if sh.has_table:
            order.append("table")
        elif sh.has_text_frame:
            order += [p.text for p in sh.text_frame.paragraphs if p.text.strip()]
    body = [
        x for x in order if x in ("table", "Coefficients:", "Estimate: the coefficient", "Residuals: last")
    ]
    assert body == ["Coefficients:", "table", "Estimate: the coefficient", "Residuals: last"], order
    for text in (slides_pdf, handout):
        at = [text.index(w) for w in ("Coefficients:", "Intercept", "the coefficient", "A closing remark")]
        assert at == sorted(at), text
    assert "agree with the source" in err, err
