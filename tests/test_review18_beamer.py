"""What a review of a beamer economics deck (a ``\\titlepage`` frame with a logo, ``\\textcolor`` and
``\\\\`` in ``\\author``, ``\\textbf`` groups around item starts, a control space ending a line of display
math, math after ``\\newline`` in a ``p{}`` cell, a picture whose name has a space) found Podium printing
otherwise than beamer; each built as a small ``.tex`` deck through the command line and read back with
python-pptx."""

from __future__ import annotations

import re

from .conftest import build_tex as _build
from .conftest import frame_texts as _texts

OMML = "http://schemas.openxmlformats.org/officeDocument/2006/math"


def test_a_titlepage_frame_with_a_logo_is_the_title_slide_alone(tmp_path):
    """``\\titlepage`` and a centred logo in one frame: one title slide (the logo left out with a note),
    no false "\\titlepage is left out" warning, and the next frame is slide 2, as in beamer's PDF."""
    prs, said = _build(
        tmp_path,
        "\\begin{frame}\n  \\titlepage\n  \\begin{center}\n"
        "    \\includegraphics[width=0.5\\textwidth]{logos.png}\n  \\end{center}\n\\end{frame}\n"
        "\\begin{frame}{Next}\nText.\n\\end{frame}",
        "\\title{Macroeconometrics}\n",
    )
    texts = _texts(prs)
    assert len(texts) == 2, texts
    assert texts[0] == ["Macroeconometrics"]
    assert texts[1] == ["Next", "Text."]
    assert "\\titlepage" not in said and "raw-tex" not in said
    assert re.search(r"deck\.tex:7: note: the title page's picture 'logos\.png' is left out", said), said


def test_words_beside_titlepage_are_kept_on_a_slide_after_it(tmp_path):
    prs, said = _build(
        tmp_path,
        "\\begin{frame}\n\\titlepage\nJoint work with B.\n\\end{frame}",
        "\\title{T}\n",
    )
    assert [t for t in _texts(prs)] == [["T"], ["Joint work with B."]]
    assert "raw-tex" not in said and "title-page" in said


def test_author_colour_and_line_breaks_read_as_beamer_prints_them(tmp_path):
    """``\\textcolor{blue}{\\href{…}{mail}}`` in ``\\author`` showed its TeX, and its ``\\\\`` lines
    were one line."""
    prs, said = _build(
        tmp_path,
        "\\begin{frame}\\titlepage\\end{frame}\n\\begin{frame}{A}\nx\n\\end{frame}",
        "\\title{Macro\\\\\n4 - VAR}\n"
        "\\author{Camille Souffron\\\\\nENS \\& PSE\\\\\n"
        "\\textcolor{blue}{\\href{mailto:a@b.eu}{a@b.eu}}}\n"
        "\\institute{\\textcolor{red}{M2} EPOG}\n",
    )
    title, subtitle = _texts(prs)[0]
    assert title == "Macro\x0b4 - VAR"
    assert subtitle == "Camille Souffron\x0bENS & PSE\x0ba@b.eu\nM2 EPOG", subtitle
    footers = [s.text_frame.text for s in prs.slides[1].shapes if s.name.startswith("Footer")]
    assert footers == ["Macro 4 - VAR"]  # (the footer: one line)
    assert "textcolor" not in said


def test_a_bold_group_around_item_starts_keeps_every_item_whole_and_bold(tmp_path):
    prs, said = _build(
        tmp_path,
        "\\begin{frame}{Items}\n\\begin{itemize}\n  \\item First point.\n"
        "\\textbf{\\item \\textit{Overfitting risk:}} more terms.\n"
        "  \\item \\textbf{agnostic structure,\n  \\item and identification.}\n"
        "\\end{itemize}\n\\end{frame}",
    )
    body = next(s for s in prs.slides[0].shapes if s.has_text_frame and "First" in s.text_frame.text)
    paragraphs = [p for p in body.text_frame.paragraphs if p.text.strip()]
    assert [p.text for p in paragraphs] == [
        "First point.",
        "Overfitting risk: more terms.",
        "agnostic structure,",
        "and identification.",
    ]
    assert [r.font.bold for r in paragraphs[1].runs][0] is True
    assert all(r.font.bold for p in paragraphs[2:] for r in p.runs if r.text.strip())
    assert "raw-tex" not in said


def test_a_control_space_ending_a_line_of_display_math_is_a_space(tmp_path):
    prs, said = _build(
        tmp_path,
        "\\begin{frame}{Math}\n\\[\ny_t = c + u_t,\n\\quad\nc \\in \\mathbb{R}^{3},\\ \n"
        "B \\in \\mathbb{R}^{2}.\n\\]\n\\end{frame}",
    )
    slide = prs.slides[0]
    assert slide._element.findall(f".//{{{OMML}}}oMath"), _texts(prs)
    assert not any("\\in" in t for t in _texts(prs)[0])
    assert "[math]" not in said


def test_math_after_newline_in_a_fixed_width_cell_is_math_on_a_line_of_its_own(tmp_path):
    prs, said = _build(
        tmp_path,
        "\\begin{frame}{Table}\n\\begin{tabular}{p{3cm}p{6cm}}\nIssue & Rule \\\\\nParameters &\n"
        "Each variable adds coefficients. \\newline\n$\\Rightarrow$ Total parameters. \\\\\n"
        "\\end{tabular}\n\\end{frame}",
    )
    table = next(s for s in prs.slides[0].shapes if s.has_table).table
    cell = table.cell(1, 1)
    assert "$" not in cell.text_frame.text
    assert re.match(r"Each variable adds coefficients\. ?\x0b", cell.text_frame.text), cell.text_frame.text
    assert "⇒" in "".join(t.text or "" for t in cell._tc.iter(f"{{{OMML}}}t"))
    assert "raw-tex" not in said


def test_a_missing_picture_named_with_a_space_shows_its_name_at_its_own_line(tmp_path):
    prs, said = _build(
        tmp_path,
        "\\begin{frame}{IRF}\n\\begin{figure}\n\\centering\n"
        "\\includegraphics[width=0.75\\linewidth]{irf 2.png}\n\\end{figure}\n\\end{frame}",
    )
    assert "[missing picture: irf 2.png]" in _texts(prs)[0]
    assert "deck.tex:6: warning: picture 'irf 2.png' not found" in said, said
