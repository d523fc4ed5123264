"""Review 22 (maths and ML beamer decks, review a): fancybox's framed boxes show their content, a macro
built on them too (problem 3); accents on capitals in section and frame titles (problem 4); babel's
``<<…>>`` in ``\\title`` (problem 5); a macro of line-breaking TeX in math, the Russian ``\\hm``
(problem 7); an operator named by a symbol, ``\\DeclareMathOperator{\\?}{?}`` (problem 8);
``\\includegraphics`` with more on its line (problem 9); ``\\usebackgroundtemplate`` groups (problem 11).
The deck is read with python-pptx (its XML for Office math), the handout with ``pdftotext``, the
messages as the command line prints them."""

from __future__ import annotations

import subprocess

from PIL import Image

from .conftest import run_cli, write_md

A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
M = "{http://schemas.openxmlformats.org/officeDocument/2006/math}"


def _build(tmp_path, preamble: str, body: str, pictures=(), command: str = "all"):
    """Build a beamer deck of ``body`` (with ``preamble`` after its class) by the command line, with the
    PNG ``pictures`` beside it: (the deck, the handout's text or "", the messages)."""
    from pptx import Presentation

    for name in pictures:
        Image.new("RGB", (400, 300), "steelblue").save(tmp_path / name)
    src = write_md(
        tmp_path,
        "\\documentclass{beamer}\n" + preamble + "\\begin{document}\n" + body + "\\end{document}\n",
        "deck.tex",
    )
    out = tmp_path / "out"
    result = run_cli(command, src, "-o", out, "--all-warnings")
    assert result.exit_code == 0, result.stderr
    handout = ""
    if command == "all":
        handout = subprocess.run(
            ["pdftotext", str(out / "deck-handout.pdf"), "-"], capture_output=True, text=True, check=True
        ).stdout
    return Presentation(str(out / "deck.pptx")), handout, result.stderr


def _slide_words(slide) -> str:
    """Every word a slide shows, its Office math's too (display equations are no shapes python-pptx lists)."""
    return " ".join(t.text or "" for t in slide._element.iter(f"{A}t", f"{M}t"))


def _titles(prs) -> list[str]:
    return [s.shapes.title.text if s.shapes.title is not None else "" for s in prs.slides]


# problem 3: fancybox's boxes


def test_fancybox_boxes_and_a_macro_built_on_them_show_their_content(tmp_path):
    preamble = (
        "\\usepackage{fancybox}\n"
        "\\newcommand{\\mybox}[1]{\n\\setlength{\\fboxsep}{7pt}\n\\begin{center}\n\\shadowbox{#1}\n\\end{center}}\n"
    )
    body = (
        "\\begin{frame}{Boxed formula}\n"
        "A square root of $z$ is a number $\\omega$ such that\n"
        "\\mybox{$\\omega^2=z$}\n"
        "Inline: \\shadowbox{$a+b$}, \\doublebox{double words}, \\ovalbox{key idea} and \\Ovalbox{big oval}.\n"
        "\\end{frame}\n"
    )
    prs, handout, err = _build(tmp_path, preamble, body)
    words = _slide_words(prs.slides[0])
    assert "ω²\u2009=\u2009z" in words or "ω² = z" in words, words  # (the boxed formula, dropped)
    assert "a + b" in words, words
    for said in ("double words", "key idea", "big oval", "Inline"):
        assert said in words, words
        assert said in handout
    assert "left out (slides show no raw TeX)" not in err, err
    assert "\\ovalbox" not in err and "\\shadowbox" not in err, err


def test_a_box_macro_whose_argument_goes_on_over_lines_shows_its_formula(tmp_path):
    preamble = (
        "\\usepackage{fancybox}\n"
        "\\newcommand{\\mybox}[1]{\n\\setlength{\\fboxsep}{7pt}\n\\begin{center}\n\\shadowbox{#1}\n\\end{center}}\n"
    )
    body = (
        "\\begin{frame}{Solutions}\ndeux solutions\\\\\n\n \\mybox{\n"
        "  $ z_1 = \\dfrac{- b + \\delta}{2 a} \\quad \\text{ et } \\quad z_2\n"
        "= \\dfrac{- b - \\delta}{2a}\\quad$ avec  $\\quad\\delta^2=\\Delta$}\n\n\\pause\nfin\n\\end{frame}\n"
    )
    prs, handout, err = _build(tmp_path, preamble, body)
    words = " ".join(_slide_words(s) for s in prs.slides)
    assert "z₁ = (−b + δ)/2a" in words, words
    assert "δ² = Δ" in words, words
    assert "avec" in handout
    assert "left out (slides show no raw TeX)" not in err, err


def test_an_environment_begun_after_words_on_a_line_is_read_not_dropped(tmp_path):
    body = (
        "\\begin{frame}{Centred}\n"
        "Words before \\begin{center} centred words \\end{center} words after\n"
        "\\end{frame}\n"
    )
    prs, handout, err = _build(tmp_path, "", body)
    words = _slide_words(prs.slides[0])
    for said in ("Words before", "centred words", "words after"):
        assert said in words, words
        assert said in handout
    assert "[raw-tex]" not in err, err


# problem 4: accents on capitals in titles


def test_accents_on_capitals_in_section_and_frame_titles_are_letters(tmp_path):
    body = (
        "\\section{\\'Equation du second degr\\'e}\n"
        "\\begin{frame}{\\'Etude de \\'Ecole et \\`A bient\\^ot, {\\'E}t\\'e, \\^Etre, \\\"Uber}\n"
        "Texte.\n\\end{frame}\n"
        "\\begin{frame}\n\\frametitle{\\c{C}a et \\v{S}koda \\`a l'\\'Ecole}\nTexte.\n\\end{frame}\n"
    )
    prs, handout, err = _build(tmp_path, "\\usepackage[francais]{babel}\n\\title{\\'Etudes}\n", body)
    titles = _titles(prs)
    assert "Équation du second degré" in titles, titles
    assert "Étude de École et À bientôt, Été, Être, Über" in titles, titles
    assert "Ça et Škoda à l’École" in titles or "Ça et Škoda à l'École" in titles, titles
    assert titles[0] == "Études"
    assert "'E" not in handout and "`A" not in handout
    assert "Équation du second degré" in handout and "Étude de École et À bientôt" in handout


# problem 5: <<…>> in the title


def test_guillemet_ligatures_in_the_title_are_guillemets_on_the_title_slide_footer_and_cover(tmp_path):
    preamble = (
        "\\usepackage[T2A]{fontenc}\n\\usepackage[utf8]{inputenc}\n\\usepackage[russian]{babel}\n"
        "\\title{Семинар: <<Прямая на плоскости>>}\n\\author{Иванов <<И.>>}\n"
    )
    body = "\\frame{\\titlepage}\n\\begin{frame}{Тема <<Прямая>>}\nТекст <<в кавычках>>.\n\\end{frame}\n"
    prs, handout, err = _build(tmp_path, preamble, body)
    assert _titles(prs)[0] == "Семинар: «Прямая на плоскости»"
    everything = " ".join(_slide_words(s) for s in prs.slides)
    assert "<<" not in everything and ">>" not in everything, everything
    assert "Иванов «И.»" in everything
    assert "<<" not in handout and "Семинар: «Прямая на плоскости»" in handout


# problem 7: a macro of line-breaking TeX in math


HM = "\\newcommand*{\\hm}[1]{#1\\nobreak\\discretionary{}{\\hbox{$\\mathsurround=0pt #1$}}{}}\n"


def test_the_russian_hm_macro_is_its_sign_in_inline_and_display_math(tmp_path):
    body = (
        "\\begin{frame}{Медианы}\n"
        "Две медианы: $x \\hm+ y \\hm= 3$.\n\n"
        "Не лежит: $1 \\hm+ 1 \\hm{\\not=} 2$ и $A \\hm\\in B$.\n"
        "\\[\n  a \\hm{\\not=} b \\hm\\cdot c\n\\]\n"
        "\\begin{align*}\n  u &\\hm= v \\hm- w\n\\end{align*}\n"
        "\\end{frame}\n"
    )
    prs, handout, err = _build(tmp_path, "\\usepackage[russian]{babel}\n" + HM, body)
    words = _slide_words(prs.slides[0])
    assert "[math]" not in err and "[raw-tex]" not in err, err
    for tex in ("nobreak", "discretionary", "mathsurround", "\\hm", "\\not"):
        assert tex not in words, words
        assert tex not in handout
    assert "≠" in words and "∈" in words and "−" in words, words


# problem 8: an operator named by a symbol


def test_an_operator_named_by_a_symbol_is_read_in_math(tmp_path):
    preamble = "\\usepackage{amsmath}\n\\DeclareMathOperator{\\?}{?}\n\\DeclareMathOperator{\\sgn}{sgn}\n"
    body = (
        "\\begin{frame}{Operators}\n\\begin{enumerate}\n"
        "\\item $a \\xrightarrow{\\?} b$\n\\item $a = \\?$\n\\item $\\sgn x$\n"
        "\\end{enumerate}\n\\end{frame}\n"
    )
    prs, handout, err = _build(tmp_path, preamble, body)
    assert "[math]" not in err, err
    words = _slide_words(prs.slides[0])
    assert "\\?" not in words and "?" in words, words
    assert "\\?" not in handout


def test_an_unknown_symbol_command_in_math_is_named_in_the_warning(tmp_path):
    prs, handout, err = _build(
        tmp_path, "", "\\begin{frame}{Ops}\n$a = \\? b$\n\\end{frame}\n", command="slides"
    )
    assert "'\\?' is not a command Podium knows [math]" in err, err


# problem 9: a picture with more on its line


def _pictures(slide) -> int:
    return sum(1 for sh in slide.shapes if sh.shape_type == 13)


def test_a_picture_then_a_caption_on_its_line_in_a_macro_made_column_is_drawn(tmp_path):
    preamble = (
        "\\newcommand{\\portrait}[3]{\\begin{column}{#3\\textwidth}\\centering"
        "\\includegraphics[height=0.4\\textheight]{#1}\\\\{\\scriptsize #2\\par}\\end{column}}\n"
    )
    body = (
        "\\begin{frame}{Portraits}\n\\begin{columns}\n"
        "\\portrait{leibniz}{Leibniz}{0.4}\n\\portrait{cubic}{A cubic}{0.4}\n"
        "\\end{columns}\n\\end{frame}\n"
    )
    prs, handout, err = _build(tmp_path, preamble, body, pictures=("leibniz.png", "cubic.png"))
    slide = prs.slides[0]
    assert _pictures(slide) == 2, err
    words = _slide_words(slide)
    assert "Leibniz" in words and "A cubic" in words
    assert "is left out" not in err, err


def test_a_picture_then_words_inside_only_is_drawn_with_the_words(tmp_path):
    body = (
        "\\begin{frame}{Minimization}\n"
        "  \\only<1>{\\includegraphics[width=0.5\\textwidth]{cubic} \\par one unknown: $x$}\n"
        "  \\only<2>{\\includegraphics[width=0.5\\textwidth]{leibniz} \\par two unknowns: $x$, $y$}\n"
        "\\end{frame}\n"
    )
    prs, handout, err = _build(tmp_path, "", body, pictures=("leibniz.png", "cubic.png"))
    assert sum(_pictures(s) for s in prs.slides) == 2, err
    words = " ".join(_slide_words(s) for s in prs.slides)
    assert "one unknown" in words and "two unknowns" in words
    assert "is left out" not in err, err


def test_a_missing_picture_with_more_on_its_line_is_a_placeholder_with_its_warning(tmp_path):
    body = (
        "\\begin{frame}{Missing}\n\\begin{columns}\n"
        "\\begin{column}{0.4\\textwidth}\\centering\\includegraphics[height=0.4\\textheight]{nothere}"
        "\\\\{\\scriptsize Nobody\\par}\\end{column}\n"
        "\\end{columns}\n\\end{frame}\n"
    )
    prs, handout, err = _build(tmp_path, "", body, command="slides")
    assert "picture 'nothere' not found" in err and "[missing-image]" in err, err
    assert "[missing picture: nothere]" in _slide_words(prs.slides[0])
    assert "Nobody" in _slide_words(prs.slides[0])


def test_a_picture_after_vertical_space_inside_only_is_drawn(tmp_path):
    body = (
        "\\begin{frame}{Minimization}\n"
        "  \\only<1>{\\vspace*{-1em}\\includegraphics[width=0.5\\textwidth]{cubic} \\par two unknowns: $x$, $y$}\n"
        "\\end{frame}\n"
    )
    prs, handout, err = _build(tmp_path, "", body, pictures=("cubic.png",), command="slides")
    assert _pictures(prs.slides[0]) == 1, err
    assert "two unknowns" in _slide_words(prs.slides[0])


# problem 11: \usebackgroundtemplate in a group around a frame


def test_each_background_picture_is_named_in_a_warning_at_its_line_and_no_text_is_said_lost(tmp_path):
    body = (
        "\n{\\usebackgroundtemplate{\\includegraphics[height=\\paperheight]{cubic}}\n"
        "\\frame{\\titlepage}}\n\n"
        "{\\usebackgroundtemplate{\\includegraphics[height=\\paperheight]{leibniz}}\n"
        "\\begin{frame}{Part II}\nWords.\n\\end{frame}}\n"
    )
    prs, handout, err = _build(
        tmp_path, "\\title{Background title page}\n", body, pictures=("cubic.png", "leibniz.png")
    )
    assert "[outside-frame]" not in err, err
    lines = [line for line in err.splitlines() if "[background]" in line]
    assert len(lines) == 2, err
    assert "deck.tex:5: warning" in lines[0] and "'cubic'" in lines[0], lines
    assert "deck.tex:8: warning" in lines[1] and "'leibniz'" in lines[1], lines
    assert _titles(prs) == ["Background title page", "Part II"]
    assert "Words." in _slide_words(prs.slides[1])
