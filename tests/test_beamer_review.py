"""What a reviewer's real beamer decks showed the LaTeX reader getting wrong, each built as a small
``.tex`` deck through the command line and read back from the PowerPoint deck (python-pptx): a
deck's own ``\\newtheorem`` environments, labelled equations, TeX's spacing, grouping and math
written as beamer decks write them, ``tcolorbox`` and pandoc's highlighted code."""

from __future__ import annotations

from pptx import Presentation
from pptx.enum.text import PP_ALIGN

from podium import texmath

from .conftest import build_tex as _build
from .conftest import click_paragraphs, run_cli, text_runs
from .conftest import frame_texts as _texts

M = "{http://schemas.openxmlformats.org/officeDocument/2006/math}"
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"


def _cli_deck(tmp_path, name: str, text: str, command: str = "slides"):
    """The deck of the lecture ``text`` in file ``name``, built by the command line: (the deck, stderr)."""
    src = tmp_path / name
    src.write_text(text, encoding="utf-8")
    result = run_cli(command, src, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.stderr
    return Presentation(str(tmp_path / "out" / (src.stem + ".pptx"))), result.stderr


def _all_text(prs) -> str:
    return "\n".join(text for slide in _texts(prs) for text in slide)


def _math_count(slide) -> int:
    """How many Office math objects the slide holds."""
    return sum(1 for _ in slide.shapes._spTree.iter(f"{M}oMath"))


def test_newtheorem_environments_are_titled_boxes(tmp_path):
    prs, stderr = _build(
        tmp_path,
        "\\begin{frame}{Polar coordinates}\n"
        "\\begin{defn}[Polar form]\\label{d:polar}\n"
        "The polar form of $P$.\n"
        "\\end{defn}\n"
        "\\begin{rem}\nHere $r \\ge 0$.\n\\end{rem}\n"
        "\\begin{conj}\nEvery even number.\n\\end{conj}\n"
        "\\end{frame}",
        preamble="\\theoremstyle{definition}\n\\newtheorem{defn}{Definition}[section]\n"
        "\\newtheorem*{rem}{Remark}\n\\newtheorem{conj}[defn]{Conjecture}\n",
    )
    boxes = [shape.text_frame.text for shape in prs.slides[0].shapes if shape.name == "Callout"]
    assert [box.split("\n")[0] for box in boxes] == ["Definition (Polar form)", "Remark", "Conjecture"]
    assert "The polar form of" in boxes[0] and "Every even number." in boxes[2]
    assert "raw-tex" not in stderr


def test_labelled_equation_shows_no_label_and_keeps_the_next_frame(tmp_path):
    prs, _ = _build(
        tmp_path,
        "\\begin{frame}{Multivariable}\nA function has $n$ inputs.\n"
        "\\begin{equation}\\label{eqn-multi}\nf(x_1,\\cdots,x_n)=(y_1,\\cdots,y_m)\n\\end{equation}\n"
        "Thus we write it per coordinate.\n\\end{frame}\n"
        "\\begin{frame}{Next}\nThe next frame words.\n\\end{frame}",
    )
    texts = _texts(prs)
    assert "{#" not in _all_text(prs) and "$$" not in _all_text(prs)
    assert any("Thus we write it per coordinate." in t for t in texts[0])
    assert _math_count(prs.slides[0]) >= 2  # ($n$ and the equation)
    assert texts[1] == ["Next", "The next frame words."]


def test_labelled_equation_referred_to_is_numbered(tmp_path):
    prs, _ = _build(
        tmp_path,
        "\\begin{frame}{Two}\n\\begin{equation}\\label{a}\na = b\n\\end{equation}\n"
        "\\begin{equation}\\label{c}\nc = d\n\\end{equation}\nBy \\eqref{c} we win.\n\\end{frame}",
    )
    assert "By (2) we win." in _all_text(prs) and "{#" not in _all_text(prs)


def test_labelled_equations_numbered_where_the_lecture_numbers(tmp_path):
    prs, _ = _build(  # (an @ in the text: the lecture's labels are read, the equation numbered as in LaTeX)
        tmp_path,
        "\\begin{frame}{Mail}\nWrite to ada@example.org.\n\\begin{equation}\\label{a}\na = b\n\\end{equation}\n"
        "\\end{frame}",
    )
    assert "{#" not in _all_text(prs) and _math_count(prs.slides[0]) == 1


def test_math_line_starting_with_a_minus_is_math(tmp_path):
    prs, stderr = _build(
        tmp_path,
        "\\begin{frame}{Directional derivative}\n\\begin{align*}\n"
        "D f &=\\lim_{t\\rightarrow0}\\frac{f(t,0)\n\t - f(0,0)}{t}\\\\\n &=1\n\\end{align*}\n"
        "\\[\n+ x\n- y\n\\]\n\\end{frame}",
    )
    assert "[math]" not in stderr
    assert "aligned" not in _all_text(prs) and "\\-" not in _all_text(prs)
    assert _math_count(prs.slides[0]) == 2


def test_dcases_and_tfrac_are_read():
    for tex in (
        "f=\\begin{dcases}\\frac{xy}{y} & x\\neq 0\\\\ 0 & x=0\\end{dcases}",
        "\\begin{dcases*}a & if b\\end{dcases*}",
        "\\begin{drcases}a & b\\\\ c & d\\end{drcases} = x",
        "\\begin{rcases}a\\\\ b\\end{rcases}",
        "D f\\left(\\tfrac{1}{2},0\\right) = \\dfrac{1}{2}",
    ):
        assert texmath.readable(tex), tex
    mathml = texmath.tex_to_mathml("\\begin{drcases}a & b\\end{drcases}")
    assert mathml is not None and ">}</mo></mrow></mrow></math>" in mathml  # (the brace on the right)


def test_dcases_in_a_deck_is_math(tmp_path):
    prs, stderr = _build(
        tmp_path,
        "\\begin{frame}{Cases}\n$$f(x,y)=\\begin{dcases}\n\\frac{xy}{\\sqrt{x^2+y^2}} & (x,y)\\neq(0,0)\\\\\n"
        "0 & (x,y)=(0,0)\\end{dcases}$$\n\\end{frame}",
        preamble="\\usepackage{mathtools}\n",
    )
    assert "[math]" not in stderr and "dcases" not in _all_text(prs)
    assert _math_count(prs.slides[0]) == 1


def test_tex_spacing_and_rules_show_nothing(tmp_path):
    prs, _ = _build(
        tmp_path,
        "\\begin{frame}{Spacing}\nFirst paragraph.\n\n\\vskip.5em\n\nSecond paragraph.\n\\vskip-1em\n"
        "\\textcolor{gray}{\\rule{\\textwidth}{2pt}}\nThird \\hskip 2pt plus 1fil words.\n"
        "\\vskip\\baselineskip\n\\rule[1ex]{3cm}{0.4pt}\nFourth.\n\\end{frame}",
    )
    text = _all_text(prs)
    for leak in (".5em", "-1em", "2pt", "1fil", "baselineskip", "0.4pt", "3cm", "{"):
        assert leak not in text, leak
    for words in ("First paragraph.", "Second paragraph.", "Third", "words.", "Fourth."):
        assert words in text


def test_arguments_after_a_space(tmp_path):
    prs, _ = _build(
        tmp_path,
        "\\begin{frame}{Keywords}\n\\begin{tabular} {c | l}\n  if & 0 \\\\\n  then & 1 \\\\\n\\end{tabular}\n"
        "\\end{frame}\n\\begin{frame}{Code}\n\\relscale {0.7}\nSome text after a spaced size command.\n"
        "\\fontsize{8}{9}\\selectfont Small words.\n\\end{frame}",
        preamble="\\usepackage{relsize}\n",
    )
    table = next(shape.table for shape in prs.slides[0].shapes if shape.has_table)
    assert [cell.text for cell in table.rows[0].cells] == ["if", "0"]
    assert _texts(prs)[1] == ["Code", "Some text after a spaced size command. Small words."]


def test_item_with_a_braced_group(tmp_path):
    prs, _ = _build(
        tmp_path,
        "\\begin{frame}{Items}\n\\begin{itemize}\n  \\item {Grouped item text}\n  \\item {Grouped} and more\n"
        "  \\item Plain item\n\\end{itemize}\n\\end{frame}",
    )
    assert _texts(prs)[0][1] == "Grouped item text\nGrouped and more\nPlain item"


def test_size_group_with_braces_inside(tmp_path):
    prs, _ = _build(
        tmp_path,
        "\\begin{frame}{Battery life}\n\\begin{center}\nChart goes here\\\\[-1mm]\n"
        "{\\tiny Source: \\href{https://example.org/}{example.org} (2023)}\n\\end{center}\n"
        "{\\bf Bold \\emph{and} more} words.\n\\end{frame}",
    )
    text = _all_text(prs)
    assert "Chart goes here\x0bSource: example.org (2023)" in text
    assert "}" not in text and "Bold and more words." in text


def test_discretionary_times_shows_nothing(tmp_path):
    prs, _ = _build(
        tmp_path,
        "\\begin{frame}{Break}\nFirst paragraph of the argument.\\\\\n\\*\\newline\n"
        "Second paragraph, $a\\*b$ too.\n\\end{frame}",
    )
    text = _all_text(prs)
    assert "*" not in text and "First paragraph of the argument." in text and "Second paragraph" in text


def test_pandoc_hypertarget_vanishes_silently(tmp_path):
    prs, stderr = _build(
        tmp_path,
        "\\begin{frame}{Outcomes}\n\\protect\\hypertarget{outcomes}{}\n"
        "After today's lecture you will know things.\n\\end{frame}",
    )
    assert "protect" not in stderr and "raw-tex" not in stderr
    assert _texts(prs)[0] == ["Outcomes", "After today\u2019s lecture you will know things."]


def test_inline_math_in_parentheses(tmp_path):
    prs, _ = _build(
        tmp_path,
        "\\begin{frame}{Inline paren math}\n\\begin{itemize}\n\\item once fixed costs \\(F\\) matter\n"
        "\\item the schedule \\(T(\\cdot)\\) can be nonlinear\n\\item a break\\\\(not math) here\n"
        "\\end{itemize}\n\\end{frame}",
    )
    text = _all_text(prs)
    assert "(F)" not in text and "\\(" not in text and "(not math) here" in text
    assert _math_count(prs.slides[0]) == 2


def test_math_right_before_a_digit(tmp_path):
    prs, stderr = _build(
        tmp_path,
        "\\begin{frame}{Approximately}\nIdle time is ($\\sim$90\\% for clients).\n\n"
        "Emits $\\sim$7g CO$_2$ per search.\n\nA ratio $\\frac{a}{b}$2 and $x$ more.\n\\end{frame}",
    )
    text = _all_text(prs)
    assert "Idle time is (\u223c90% for clients)." in text
    assert "Emits \u223c7g CO" in text and "$" not in text and "sim" not in stderr
    assert _math_count(prs.slides[0]) == 2  # (the fraction, $x$; CO$_2$ is text with a lowered 2)
    runs = text_runs([prs.slides[0]])
    assert any(r.text == "2" and r.font._rPr.get("baseline") == "-25000" for r in runs)


def test_centerline_alone_is_centred(tmp_path):
    prs, _ = _build(tmp_path, "\\begin{frame}\n\\centerline{Hash tables}\n\\end{frame}")
    shape = next(s for s in prs.slides[0].shapes if s.has_text_frame and s.text_frame.text == "Hash tables")
    assert all(p.alignment == PP_ALIGN.CENTER for p in shape.text_frame.paragraphs)


def test_tcolorbox_is_a_titled_box(tmp_path):
    prs, stderr = _build(
        tmp_path,
        "\\begin{frame}{Average power}\n"
        "\\begin{tcolorbox}[colback=yellow!10, colframe=orange!80, title={\\small Fun Fact}, boxsep=1mm]\n"
        "1 web search uses as much energy as a bulb.\n\\end{tcolorbox}\n"
        "\\begin{tcolorbox}\nNo title here.\n\\end{tcolorbox}\n\\end{frame}",
        preamble="\\usepackage{tcolorbox}\n",
    )
    boxes = [shape.text_frame.text for shape in prs.slides[0].shapes if shape.name == "Callout"]
    assert boxes == ["Fun Fact\n1 web search uses as much energy as a bulb.", "No title here."]
    assert "colback" not in _all_text(prs) and "raw-tex" not in stderr


def test_pandoc_highlighted_code_is_a_code_block(tmp_path):
    prs, stderr = _build(
        tmp_path,
        "\\begin{frame}[fragile]{Code from pandoc}\n\\begin{Shaded}\n\\begin{Highlighting}[]\n"
        "\\KeywordTok{data} \\DataTypeTok{Prop} \\CommentTok{\\{- 50\\% \\textbackslash{}n -\\}}\n"
        "  \\NormalTok{= }\\DataTypeTok{TRUE}\\NormalTok{ | }\\DataTypeTok{FALSE}\n"
        "\\end{Highlighting}\n\\end{Shaded}\n\\end{frame}",
        preamble="\\usepackage{fancyvrb,framed,color}\n"
        "\\DefineVerbatimEnvironment{Highlighting}{Verbatim}{commandchars=\\\\\\{\\}}\n"
        "\\newenvironment{Shaded}{\\begin{snugshade}}{\\end{snugshade}}\n"
        "\\newcommand{\\KeywordTok}[1]{\\textcolor[rgb]{0.94,0.87,0.69}{#1}}\n",
    )
    assert "data Prop {- 50% \\n -}\n  = TRUE | FALSE" in _texts(prs)[0]
    assert "raw-tex" not in stderr


def test_macros_with_arguments_are_expanded_so_no_word_is_lost(tmp_path):
    prs, stderr = _build(
        tmp_path,
        "\\begin{frame}{Negated sets}\n\\begin{itemize}\n"
        "\\item matches any character \\colbf{not} inside the brackets\n"
        "\\item \\colbf{Brace Expansion}: any phrase \\pair{x}{y} and \\opt{z} or \\opt[blue]{w}\n"
        "\\end{itemize}\n$\\norm{v} = 1$\n\\end{frame}",
        preamble="\\newcommand{\\colbf}[1]{\\textcolor{red}{#1}}\n\\newcommand\\pair[2]{(#1, #2)}\n"
        "\\newcommand{\\opt}[2][green]{\\textcolor{#1}{#2}}\n\\def\\norm#1{\\lVert #1\\rVert}\n",
    )
    text = _all_text(prs)
    assert "matches any character not inside the brackets" in text
    assert "Brace Expansion: any phrase (x, y) and z or w" in text
    assert "raw-tex" not in stderr and "norm" not in stderr


def test_texttt_is_code_exactly_as_written(tmp_path):
    prs, stderr = _build(
        tmp_path,
        "\\begin{frame}{Shell and grep}\n\\begin{itemize}\n\\item \\texttt{L*ure*} matches \\texttt{Lecture2.pdf}\n"
        "\\item \\texttt{grep <pattern> [input]}\n\\item \\texttt{--exclude <glob>} skips files\n"
        "\\item \\texttt{for x in \\{1..99\\}; do echo \\$x; done}\n\\item \\texttt{[\\^{}A-P]ec*} and \\texttt{a\\textbackslash{}b}\n"
        "\\end{itemize}\n\\end{frame}",
    )
    text = _all_text(prs)
    for code in (
        "L*ure*",
        "grep <pattern> [input]",
        "--exclude <glob>",
        "for x in {1..99}; do echo $x; done",
        "[^A-P]ec*",
        "a\\b",
    ):
        assert code in text, code
    runs = text_runs(prs.slides)
    assert any(r.text == "grep <pattern> [input]" for r in runs)  # (one run: code, no HTML taken out)
    assert "raw-html" not in stderr


def test_a_label_after_a_section_is_no_text_outside_a_frame(tmp_path):
    _, stderr = _build(
        tmp_path,
        "\\section{Shell Expansion}\n\\label{sec:shell}\n\\begin{frame}{Wildcards}\nText.\n\\end{frame}",
    )
    assert "outside a frame" not in stderr


def test_a_contents_frame_with_a_template_setting_is_still_the_contents(tmp_path):
    prs, stderr = _build(
        tmp_path,
        "\\begin{frame}{Table of contents}\n\\setbeamertemplate{section in toc}[sections numbered]\n"
        "\\tableofcontents[hideallsubsections]\n\\end{frame}\n\\section{Shell Expansion}\n\\begin{frame}{Wildcards}\nText.\n"
        "\\end{frame}\n\\section{Regular Expressions}\n\\begin{frame}{grep}\nText.\n\\end{frame}",
        preamble="\\title{TOC}\n",
    )
    contents = next(
        s for s in prs.slides if s.shapes.title is not None and s.shapes.title.text == "Table of contents"
    )
    words = " ".join(sh.text_frame.text for sh in contents.shapes if sh.has_text_frame)
    assert "Shell Expansion" in words and "Regular Expressions" in words
    assert "raw-tex" not in stderr


def test_display_math_over_lines_in_a_paragraph_is_math_even_where_a_line_starts_with_plus(tmp_path):
    prs, stderr = _build(
        tmp_path,
        "\\begin{frame}\n\\begin{block}{Definition}\n\tThen the function\n\t$$L(x,y) = f(x_0,y_0) + f_x(x_0,y_0)(x-x_0)\n"
        "\t\t+ f_y(x_0,y_0)(y-y_0)$$\n\tis called the \\textbf{linear approximation}.\n\\end{block}\n\\end{frame}",
    )
    xml = prs.slides[0].shapes._spTree.xml
    assert "<m:oMath" in xml and "$$" not in xml
    assert "linear approximation" in _all_text(prs)


def test_title_commands_with_their_argument_on_the_next_line(tmp_path):
    # TeX reads `\title` then `{…}` on the next line (and `\title[short] % comment` then `{long}`) as
    # one command: the title was lost, and with it the title slide's title
    prs, _ = _build(
        tmp_path,
        "\\begin{frame}\\titlepage\\end{frame}\n\\begin{frame}{Slide1}\nText.\n\\end{frame}",
        "\\title[\\textsc{OOP} -- short] % for the footline\n{C preprocessor}\n\n\\subtitle\n{advanced tips}\n"
        "\\author[Nine] % short\n{\n  Mark Veltzer\n}\n",
    )
    texts = _texts(prs)
    assert texts[0] == ["C preprocessor", "advanced tips\nMark Veltzer"]
    footers = [s.text_frame.text for s in prs.slides[1].shapes if s.name.startswith("Footer")]
    assert footers == ["OOP – short"]


def test_a_title_slide_without_a_title_builds_and_checks(tmp_path):
    # an author and no title: the lecture's title is its first heading, and the title slide stays
    # untitled; `check` took the first for the second and refused to write anything
    prs, _ = _cli_deck(
        tmp_path,
        "deck.tex",
        "\\documentclass{beamer}\n\\author{Mark Veltzer}\n\\begin{document}\n\\begin{frame}\\titlepage\\end{frame}\n"
        "\\begin{frame}{Slide1}\nText.\n\\end{frame}\n\\end{document}\n",
        "all",
    )
    assert _texts(prs)[0] == ["Mark Veltzer"]


def test_inline_math_over_lines_keeps_its_rows(tmp_path):
    # a matrix written in $…$ over lines, each row ending in \\: the \\ became a line break (or a
    # lone `\`) before the math was read, and the math showed as TeX or vanished
    prs, warnings = _build(
        tmp_path,
        "\\begin{frame}{Matrix}\nA matrix:\n$A = \\begin{bmatrix}\n  1 & 2 \\\\\n  4 & 5\n \\end{bmatrix}$\n"
        "\\end{frame}\n\\begin{frame}{System}\n$\n\\begin{bmatrix}\n  1 & 2 \\\\\n  3 & 4\n\\end{bmatrix}\n"
        "\\begin{bmatrix} x \\\\ y \\end{bmatrix}\n=\n\\begin{bmatrix}\n  5 \\\\\n  6\n\\end{bmatrix}\n$\n"
        "\\end{frame}\n\\begin{frame}{Spaced}\nFor example,\n$ A = \\left[ \\begin{array}{rr}\n  1 & 2 \\\\\n  4 & 5\n"
        " \\end{array}\\right] $\nhas a transpose.\n\\end{frame}",
    )
    rows = [len(s.element.findall(f".//{M}mr")) for s in prs.slides]
    assert rows == [2, 6, 2], rows  # every matrix's two rows
    assert "raw-tex" not in warnings and "[math]" not in warnings, warnings
    assert "\\begin" not in _all_text(prs) and "$" not in _all_text(prs)


def test_wrapper_environments_keep_their_content_without_their_arguments(tmp_path):
    # spacing{1.5}, multicols{2}, adjustbox{…}, textblock*{5cm}(1cm,2cm): their arguments showed as text
    # ("{1.5}"), and a size environment around a paragraph lost its words
    prs, warnings = _build(
        tmp_path,
        "\\begin{frame}{Wrappers}\n\\begin{spacing}{1.5}\n\\begin{itemize}\n\\item Declaring a struct\n"
        "\\end{itemize}\n\\end{spacing}\n\\begin{multicols}{2}\nTwo columns of words.\n\\end{multicols}\n"
        "\\begin{footnotesize}\nSmall words.\n\\end{footnotesize}\n\\begin{textblock*}{5cm}(1cm,2cm)\n"
        "Placed words.\n\\end{textblock*}\n\\begin{adjustbox}{max width=\\textwidth}\n\\begin{tabular}{cc}\n"
        "a & b \\\\\nc & d \\\\\n\\end{tabular}\n\\end{adjustbox}\n\\end{frame}",
    )
    text = _all_text(prs)
    for words in ("Declaring a struct", "Two columns of words.", "Small words.", "Placed words."):
        assert words in text
    assert "{" not in text and "1.5" not in text and "1cm" not in text, text
    (table,) = [s.table for s in prs.slides[0].shapes if s.has_table]
    assert [[c.text for c in r.cells] for r in table.rows] == [["a", "b"], ["c", "d"]]
    assert "raw-tex" not in warnings


def test_a_scaling_box_around_a_table_leaves_the_table_and_no_braces(tmp_path):
    prs, _ = _build(
        tmp_path,
        "\\begin{frame}{Resized}\n\\resizebox{\\textwidth}{!}{\n\\begin{tabular}{ll}\nModel & Acc \\\\\n"
        "SVM & 0.91 \\\\\n\\end{tabular}\n}\n\\end{frame}\n\\begin{frame}{Scaled}\n\\scalebox{0.8}{\n"
        "\\begin{tabular}{ll}\na & b \\\\\nc & d \\\\\n\\end{tabular}}\n\\end{frame}",
    )
    tables = [
        [[c.text for c in r.cells] for r in s.table.rows]
        for slide in prs.slides
        for s in slide.shapes
        if s.has_table
    ]
    assert tables == [[["Model", "Acc"], ["SVM", "0.91"]], [["a", "b"], ["c", "d"]]]
    assert "{" not in _all_text(prs) and "}" not in _all_text(prs)


def test_colour_groups_are_coloured_words_and_struck_words_are_struck(tmp_path):
    prs, _ = _build(
        tmp_path,
        "\\begin{frame}{Quiz}\n{\\color{blue}A: no space}\n\n{\\color{darkgreen} B: space}\n\n"
        "Plan: \\sout{rewrite everything} refactor.\n\\end{frame}",
    )
    body = next(s for s in prs.slides[0].shapes if s.has_text_frame and "A: no space" in s.text_frame.text)
    runs = {r.text.strip(): r for p in body.text_frame.paragraphs for r in p.runs if r.text.strip()}
    assert "{" not in body.text_frame.text
    assert (
        str(runs["A: no space"].font.color.rgb) == "0000FF"
        and str(runs["B: space"].font.color.rgb) == "006400"
    )
    struck = runs["rewrite everything"]._r.find(f"{A}rPr").get("strike")
    assert struck == "sngStrike"


def test_skips_with_their_lengths_leave_no_length_behind(tmp_path):
    prs, _ = _cli_deck(
        tmp_path,
        "skips.md",
        "---\ntitle: T\n---\n\n## Formats\n\nFASTQ\n\n\\vskip2em\n\nSpecifications\n\\vskip0.5em\n\\vskip 1em plus 1fil\n\n"
        "* python\n\\hbox{\\hskip1em 0x1 | 0x2}\n",
    )
    text = _all_text(prs)
    assert "em" not in text.replace("Specifications", "").replace("python", ""), text
    assert "0x1 | 0x2" in text and "fil" not in text


def test_title_slide_commands_and_box_titles_show_their_words_not_their_tex(tmp_path):
    # \href, \texttt, \includegraphics and beamer's \insertframenumber printed raw on the title slide,
    # in a box's title and in every footer
    prs, _ = _build(
        tmp_path,
        "\\begin{frame}\\titlepage\\end{frame}\n\\begin{frame}{Q}\n"
        "\\begin{block}{Questions\\text{\\includegraphics[width=1em,valign=t]{emoji/smiley.png}}}\nThanks!\n"
        "\\end{block}\n\\end{frame}",
        "\\title[\\insertframenumber /\\inserttotalframenumber]{Mathematics}\n"
        "\\subtitle{Be happy\\text{\\includegraphics[width=1em]{emoji/erha.png}}}\n"
        "\\author{Mark Veltzer \\href{mailto:mark@example.edu}{mark@example.edu}}\n"
        "\\institute{Dept.\\ of CS \\\\ \\texttt{cs.example.edu}}\n",
    )
    text = _all_text(prs)
    assert "\\" not in text and "emoji" not in text and "{" not in text, text
    assert _texts(prs)[0] == [
        "Mathematics",
        "Be happy\nMark Veltzer mark@example.edu\nDept. of CS\x0bcs.example.edu",  # (\\: a line of its own)
    ]
    footers = [s.text_frame.text for s in prs.slides[1].shapes if s.name.startswith("Footer")]
    assert footers == ["Mathematics"]
    assert "Questions\nThanks!" in _texts(prs)[1]


def test_note_items_are_the_notes_list(tmp_path):
    prs, warnings = _build(
        tmp_path,
        "\\begin{frame}{Aside}\nText.\n\\note[item]{Reduced R simplifies \\item Trade-off always}\n"
        "\\note[item]{Also decreases fidelity}\n\\end{frame}",
    )
    notes = prs.slides[0].notes_slide.notes_text_frame.text
    assert notes.split("\n") == ["• Reduced R simplifies", "• Trade-off always", "• Also decreases fidelity"]
    assert "raw-tex" not in warnings


def test_a_framebreak_starts_the_frames_next_part(tmp_path):
    prs, warnings = _build(
        tmp_path,
        "\\begin{frame}[allowframebreaks]{Class imbalance}\n\\begin{itemize}\n\\item Assume a classifier.\n"
        "\\end{itemize}\n\n\\framebreak\n\nClassifying everything as no disease.\n\\end{frame}",
    )
    assert _texts(prs) == [
        ["Class imbalance", "Assume a classifier."],
        ["Class imbalance (cont.)", "Classifying everything as no disease."],
    ]
    assert "raw-tex" not in warnings


def test_a_switch_group_as_a_commands_argument_keeps_the_argument_whole(tmp_path):
    # {\bfseries words} as \multicolumn's third argument lost its braces: the cell showed "{True Class }"
    prs, warnings = _build(
        tmp_path,
        "\\begin{frame}{Confusion}\n\\begin{tabular}{cc|cc}\n & & \\multicolumn{2}{c}{\\bfseries True Class $y$} \\\\\n"
        "\\hline\n\\bfseries Pred. & $+$ & TP & FP \\\\\n{\\bf Hat} & $-$ & FN & TN \\\\\n\\end{tabular}\n\\end{frame}",
    )
    (table,) = [s.table for s in prs.slides[0].shapes if s.has_table]
    cell = table.cell(0, 2)
    assert cell.text == "True Class " and cell._tc.find(f".//{M}oMath") is not None  # (y: math)
    assert [table.cell(r, 0).text for r in (1, 2)] == ["Pred.", "Hat"]
    assert table.cell(1, 0).text_frame.paragraphs[0].runs[0].font.bold
    assert "raw-tex" not in warnings


def test_centerline_of_a_size_group_keeps_its_words_in_a_markdown_lecture(tmp_path):
    prs, stderr = _cli_deck(
        tmp_path,
        "c.md",
        "---\ntitle: T\n---\n\n## Title slide\n\n\\centerline{\\large HTS data formats}\n\n{\\large Big words}\n",
    )
    assert "raw-tex" not in stderr, stderr
    assert _texts(prs)[1] == [
        "Title slide",
        "HTS data formats\nBig words",
    ]


def test_a_pause_before_an_incremental_list_counts_before_its_first_item(tmp_path):
    # \pause then itemize[<+->]: beamer's `+` counts on from the pause; Alpha and Beta came together
    prs, _ = _build(
        tmp_path,
        "\\begin{frame}{Pause before a list}\nIntro text.\n\\pause\n\\begin{itemize}[<+->]\n\\item Alpha\n"
        "\\item Beta\n\\item Gamma\n\\end{itemize}\n\\end{frame}",
    )
    from pptx.oxml.ns import qn

    timing = prs.slides[0].element.find(qn("p:timing"))
    clicks = [
        sorted({int(t.get("st")) for t in c.iter(qn("p:pRg"))})
        for c in timing.iter(qn("p:par"))
        if c.find(qn("p:cTn")) is not None and c.find(qn("p:cTn")).get("nodeType") == "clickEffect"
    ]
    assert clicks == [[1], [2], [3]], clicks  # Alpha, Beta, Gamma: a click each


def test_algorithm2e_pseudocode_is_shown_line_by_line(tmp_path):
    # algorithm2e's \ForEach{…}{…}, \While, \If and statements ending in \; lost everything but the caption
    prs, warnings = _build(
        tmp_path,
        "\\begin{frame}[fragile]{Dijkstra}\n\\begin{algorithm}[H]\n\\SetAlgoLined\n\\KwIn{graph $G$, source $s$}\n"
        "\\KwOut{distances $d$}\n$d[s] \\leftarrow 0$\\;\n\\ForEach{$v \\in V$}{\n  $d[v] \\leftarrow \\infty$\\;\n}\n"
        "\\While{$Q \\neq \\emptyset$}{\n  $u \\leftarrow$ extract-min$(Q)$\\;\n  \\eIf{$d[u] < \\infty$}{\n"
        "    relax edges of $u$\\;\n  }{\n    skip it\\;\n  }\n}\n\\caption{Dijkstra}\n\\end{algorithm}\n\\end{frame}",
    )
    bodies = [
        s.text_frame.text
        for slide in prs.slides
        for s in slide.shapes
        if s.has_text_frame and s.name.startswith("Content")
    ]
    words = [
        x.strip("\xa0 ") for body in bodies for x in body.replace("\v", "\n").split("\n") if x.strip("\xa0 ")
    ]
    assert words[:3] == ["Algorithm: Dijkstra", "Input: graph , source", "Output: distances"]
    shown = [
        "foreach  do",
        "end",
        "while  do",
        "extract-min",
        "if  then",
        "relax edges of",
        "else",
        "skip it",
    ]
    assert [w for w in words if w in shown] == [*shown, "end", "end"]  # (in order; every block's end)
    assert "raw-tex" not in warnings and not any("\\" in b for b in bodies)


def test_frames_a_preamble_macro_inputs_are_not_lost_silently(tmp_path):
    """A course's chapter switch (``\\ifcase\\chno \\include{ch00} \\or …`` in a ``\\newcommand``) inputs the
    chapter its use chooses, where it is used: that chapter's frames are slides."""
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "ch01.tex").write_text(
        "\\begin{frame}{C structs}\nA\n\\end{frame}\n\\begin{frame}{C++ structs}\nB\n\\end{frame}\n",
        encoding="utf-8",
    )
    preamble = "\\title{OOP}\n\\newcommand\\seledchap[1]{%\n  \\ifcase#1\\relax\n  \\or\n    \\include{data/ch01}\n  \\fi\n}\n"
    prs, said = _build(tmp_path, "\\begin{frame}\\titlepage\\end{frame}\n\\seledchap{1}", preamble)
    assert [s.shapes.title.text for s in prs.slides] == ["OOP", "C structs", "C++ structs"]
    assert "warning" not in said, said


def _main_clicks(slide) -> int:
    """How many clicks the slide's animation waits for."""
    return len(slide.element.xpath(".//p:timing//p:cTn[@nodeType='mainSeq']/p:childTnLst/p:par"))


def test_semiverbatim_is_a_code_block_line_for_line_its_overlaid_last_line_on_a_click(tmp_path):
    prs, stderr = _build(
        tmp_path,
        "\\begin{frame}[fragile]{List methods}\n\\begin{semiverbatim}\n"
        "    def \\textbf{my_mean}(my_list):\n        total = 0\n        for i in my_list:\n"
        "            total += \\alert{i}\n    d = \\{'a': 1\\}\n"
        "    \\visible<2->{# [1, 2, 3, 4]}\n\\end{semiverbatim}\n\\end{frame}",
    )
    texts = _texts(prs)[0]
    code = next(text for text in texts if "my_mean" in text)
    assert code.split("\n") == [
        "def my_mean(my_list):",
        "    total = 0",
        "    for i in my_list:",
        "        total += i",
        "d = {'a': 1}",
    ]
    assert "# [1, 2, 3, 4]" in texts  # (a code block of its own, on the click)
    assert _main_clicks(prs.slides[0]) == 1
    assert "left out" not in stderr and "visible" not in _all_text(prs)


def test_inline_math_wrapped_over_two_lines_keeps_the_spaces_after_it(tmp_path):
    # (Emacs' fill-paragraph wraps a paragraph inside $…$; the line's end is a space in TeX)
    prs, _ = _build(
        tmp_path,
        "\\begin{frame}{Feasible basis}\nIf in addition $x^* =\nA_B^{-1} b_B$ is feasible, then $B$ is called"
        " feasible.\n\\end{frame}",
    )
    runs = [
        r.text
        for shape in prs.slides[0].shapes
        if shape.has_text_frame
        for p in shape.text_frame.paragraphs
        for r in p.runs
    ]
    assert " is feasible, then " in runs, runs
    assert " is called feasible." in runs
    assert _math_count(prs.slides[0]) == 2


def test_a_courses_own_package_beside_the_deck_is_read_as_its_preamble(tmp_path):
    (tmp_path / "course.sty").write_text(
        "\\ProvidesPackage{course}\n\\RequirePackage{amssymb}\n\\title[Econ 103]{Economics 103}\n"
        "\\author{Francis J.\\ DiTraglia}\n\\institute{University of Pennsylvania}\n"
        "\\newcommand{\\R}{\\mathbb{R}}\n\\newcommand{\\course}{Statistics}\n",
        encoding="utf-8",
    )
    prs, stderr = _build(
        tmp_path,
        "\\begin{frame}\n\\titlepage\n\\end{frame}\n\\begin{frame}{First question}\nIs $x \\in \\R$ in \\course?\n"
        "\\end{frame}",
        preamble="\\usepackage{amsmath,course}\n",
    )
    texts = _texts(prs)
    assert texts[0][0] == "Economics 103" and "University of Pennsylvania" in texts[0][1]
    assert "Is  in Statistics?" in texts[1]
    assert _math_count(prs.slides[1]) == 1
    assert "warning" not in stderr  # (amsmath, amssymb: LaTeX's own, not looked for)


def test_a_blocks_overlay_after_its_title_is_a_click(tmp_path):
    # (beamer takes the action specification before or after the title: \begin{block}{Note}<3->)
    prs, stderr = _build(
        tmp_path,
        "\\begin{frame}{Logical operators}\nYou can combine them.\n\n\\begin{block}{}<2>\nAssign them to variables.\n"
        "\\end{block}\n\n\\begin{alertblock}{Note} <3->\nA titled block on the third step.\n\\end{alertblock}\n"
        "\\end{frame}",
    )
    text = _all_text(prs)
    assert "<" not in text and "Note\nA titled block on the third step." in text
    assert "Assign them to variables." in text
    assert _main_clicks(prs.slides[0]) == 2


def test_a_picture_after_centering_on_its_line_is_shown(tmp_path):
    from PIL import Image

    Image.new("RGB", (40, 30), (200, 30, 30)).save(tmp_path / "pic.png")
    markdown, _ = _cli_deck(
        tmp_path,
        "m.md",
        "## A\n\n\\center\\includegraphics[height=6.5cm]{pic.png}\n\n"
        "## B\n\n\\centering\\includegraphics[width=0.6\\textwidth]{pic.png}\n",
    )
    tex, _ = _build(
        tmp_path, "\\begin{frame}{C}\n\\centering \\includegraphics[width=5cm]{pic.png}\n\\end{frame}"
    )
    for slide in (*markdown.slides, *tex.slides):
        assert sum(shape.shape_type == 13 for shape in slide.shapes) == 1  # (a picture)


def test_setup_commands_between_frames_are_no_text_left_out(tmp_path):
    _, stderr = _build(
        tmp_path,
        "\\pagestyle{empty}\n\\setbeamertemplate{navigation symbols}{}\n\\definecolor{penn}{RGB}{1,31,91}\n"
        "\\setlength{\\parskip}{1em}\n\\small\n\\begin{frame}{A}\nHi\n\\end{frame}\n\\thispagestyle{empty}\n"
        "\\begin{frame}{B}\nThere\n\\end{frame}",
    )
    assert "outside-frame" not in stderr
    _, stderr = _build(tmp_path, "\\small Words between frames.\n\\begin{frame}{A}\nHi\n\\end{frame}")
    assert "outside-frame" in stderr  # (words after a switch are still text)


def test_includeonly_leaves_out_the_other_included_files(tmp_path):
    (tmp_path / "body.tex").write_text("\\begin{frame}{Course information}\nExams.\n\\end{frame}\n")
    (tmp_path / "lecture04.tex").write_text(
        "\\begin{frame}{The simplex algorithm}\nLecture 4.\n\\end{frame}\n"
    )
    prs, stderr = _build(
        tmp_path,
        "\\include{body}\n\\include{lecture01}\n\\include{lecture04.tex}",
        preamble="%\\includeonly{body}\n\\includeonly{lecture04,lecture05}\n",
    )
    titles = [texts[0] for texts in _texts(prs)]
    assert titles == ["The simplex algorithm"]
    assert "missing" not in stderr and "lecture01" not in stderr


def test_an_escaped_dollar_in_the_text_of_math_is_a_dollar(tmp_path):
    prs, stderr = _cli_deck(
        tmp_path,
        "m.md",
        "## Price\n\nThe bond pays $P = \\text{\\$}100 \\cdot (1+r)^{-T}$.\n\n## Feature\n\n"
        '$f_b(d) = \\begin{cases} 1 \\qquad \\texttt{"free \\$\\$\\$ discount"} \\\\ 0 \\qquad \\text{Otherwise}'
        " \\end{cases}$\n",
    )
    price, feature = (list(slide.shapes._spTree.iter(f"{M}oMath")) for slide in prs.slides)
    words = ["".join(t.text or "" for t in math.iter(f"{M}t")) for math in (*price, *feature)]
    assert words[0] == "P=$100·(1+r)−T" and '"free\xa0$$$\xa0discount"' in words[1]
    assert "\\" not in "".join(words)
    assert len(list(feature[0].iter(f"{M}mr"))) == 2  # (the cases' two rows)
    assert "math" not in stderr


def test_a_decks_own_environments_are_expanded_as_tex_expands_them(tmp_path):
    prs, stderr = _build(
        tmp_path,
        "\\begin{frame}{Key ideas}\n\\begin{keybox}{Remember}\nA decision made many times.\n\\end{keybox}\n"
        "\\begin{recap}[Where we are]\n\\begin{itemize}\n\\item Rules from examples.\n\\end{itemize}\n"
        "\\end{recap}\n\\begin{recap}\nLast week.\n\\end{recap}\n\\end{frame}",
        preamble="\\usepackage{tcolorbox}\n\\newenvironment{keybox}[1]\n  {\\begin{block}{#1}}\n  {\\end{block}}\n"
        "\\newtcolorbox{recap}[1][Where we left off]{colback=gray!5,title={#1}}\n",
    )
    boxes = [shape.text_frame.text for shape in prs.slides[0].shapes if shape.name == "Callout"]
    assert boxes == [
        "Remember\nA decision made many times.",
        "Where we are\nRules from examples.",
        "Where we left off\nLast week.",
    ]
    assert "raw-tex" not in stderr


def test_tabbing_is_a_line_per_row_indented_by_its_tabs(tmp_path):
    prs, stderr = _build(
        tmp_path,
        "\\begin{frame}{The simplex algorithm}\n \\begin{tabbing}\n    Start with a basis \\\\[1ex]\n"
        "    {\\tt while} \\= not optimal \\\\ [.7ex]\n    \\> Let $i$ be an index \\\\\n"
        "    \\> {\\tt else} \\\\\n\n    \\> \\> \\emph{update} B\n  \\end{tabbing}\n\\end{frame}",
    )
    nb = "\xa0" * 4
    assert _texts(prs)[0][1].split("\x0b") == [
        "Start with a basis",
        "while not optimal",
        nb + "Let  be an index",
        nb + "else",
        nb + nb + "update B",
    ]
    assert _math_count(prs.slides[0]) == 1 and "raw-tex" not in stderr


def test_a_lists_default_overlay_shows_all_its_items_on_that_step(tmp_path):
    """``\\begin{itemize}[<2->]``: every item's overlay is ``<2->``, so the list comes whole on one click
    (it was shown from the start, silently)."""
    prs, _ = _build(
        tmp_path,
        "\\begin{frame}{Flow Control}\nTypes of flow control\n\\begin{itemize}[<2->]\n  \\item Loops\n"
        "  \\item Conditional statements\n\\end{itemize}\n\\end{frame}",
    )
    slide = prs.slides[0]
    assert "Conditional statements" in _all_text(prs)
    assert _main_clicks(slide) == 1
    animated = slide.element.xpath(".//p:timing//p:txEl/p:pRg/@st")
    assert sorted(set(animated)) == ["1", "2"]  # (both items, on that one click; the sentence before stays)


def test_a_pictures_height_or_absolute_width_is_its_share_of_beamers_text_area(tmp_path):
    """``\\includegraphics[height=3cm]`` (or ``height=0.4\\textheight``) is drawn at that share of the
    slide's body, as on beamer's 7.5 cm high text area; ``width=6cm`` likewise of its 10.8 cm width
    (both were dropped: the picture filled the slide)."""
    from PIL import Image

    Image.new("RGB", (800, 600), (30, 120, 200)).save(tmp_path / "p.png")
    frames = "".join(
        f"\\begin{{frame}}{{{name}}}\n\\includegraphics{opts}{{p.png}}\n\\end{{frame}}\n"
        for name, opts in (
            ("Plain", ""),
            ("Height", "[height=3cm]"),
            ("Share", "[height=0.4\\textheight]"),
            ("Narrow", "[width=2.7cm]"),
        )
    )
    prs, _ = _build(tmp_path, frames)
    heights = {s.shapes.title.text: sh.height for s in prs.slides for sh in s.shapes if sh.shape_type == 13}
    assert abs(heights["Height"] / heights["Plain"] - 0.4) < 0.03
    assert abs(heights["Share"] / heights["Plain"] - 0.4) < 0.03
    assert heights["Narrow"] < 0.6 * heights["Plain"]


def test_overlay_numbers_count_across_the_frame_items_and_blocks_alike(tmp_path):
    # [<+->] items and <2->, <3-> blocks: beamer shows the second item and the <2-> block together
    # (2 clicks); each block came on a click of its own after the items (4 clicks)
    prs, _ = _build(
        tmp_path,
        "\\begin{frame}{Mixed}\n\\begin{itemize}[<+->]\n\\item First point\n\\item Second point\n"
        "\\end{itemize}\n\\begin{block}<2->{Later}\nWith the second point.\n\\end{block}\n"
        "\\begin{block}<3->{Last}\nShown third.\n\\end{block}\n\\pause\nAfter a pause.\n\\end{frame}",
    )
    slide = prs.slides[-1]
    assert [set(c) for c in click_paragraphs(slide)] == [
        {"Second point", "Later"},
        {"Last"},
        {"After a pause."},
    ]


def test_an_environment_ended_with_a_pause_on_its_line_is_read_whole(tmp_path):
    # `\end{block}\pause` (and `\end{itemize}\pause`): the block and the list were lost as raw TeX
    prs, stderr = _build(
        tmp_path,
        "\\begin{frame}{Sample}\n\\begin{block}{Lemma}\nEvery graph has a set.\n\\end{block}\\pause\n"
        "\\begin{itemize}\n\\item C\n\\item Java\n\\end{itemize}\\pause\nHint: the average degree.\n\\end{frame}",
    )
    assert "raw-tex" not in stderr
    words = "\n".join(t for slide in _texts(prs) for t in slide)
    assert "Every graph has a set." in words and "Java" in words
    assert [set(c) for c in click_paragraphs(prs.slides[-1])] == [
        {"C", "Java"},
        {"Hint: the average degree."},
    ]


def test_preamble_macros_with_ensuremath_and_xspace_print_their_math(tmp_path):
    prs, stderr = _build(
        tmp_path,
        "\\begin{frame}{Max cut}\nUndirected graph \\g with $n$ vertices.\n\\end{frame}",
        "\\usepackage{xspace}\n\\newcommand{\\g}{\\ensuremath{G=\\langle V,E\\rangle}\\xspace}\n",
    )
    assert "raw-tex" not in stderr
    slide = prs.slides[-1]
    xml = slide.element.xml
    assert xml.count("<m:oMath>") + xml.count("<m:oMath ") >= 2  # G=⟨V,E⟩ and n, as Office math
    assert "ensuremath" not in xml and "xspace" not in xml
    assert "Undirected graph" in _texts(prs)[-1][1] and "with" in _texts(prs)[-1][1]


def test_beamer_modes_a_class_built_on_beamer_and_a_last_input_on_the_end_line(tmp_path):
    (tmp_path / "last.tex").write_text("\\begin{frame}{License}\nCC BY-SA 4.0\n\\end{frame}\n")
    src = tmp_path / "deck.tex"
    src.write_text(
        "\\documentclass{ctexbeamer}\n\\title{C Programming}\n"
        "\\AtBeginSection[]{\n\\begin{frame}<beamer>{Outline}\n\\tableofcontents[currentsection]\n"
        "\\end{frame}\n}\n\\begin{document}\n"
        "\\mode<article>{\n\\subtitle{Lecture Handouts}\n\\maketitle}\n"
        "\\mode<beamer>{\\frame{\\titlepage}}\n"
        "\\begin{frame}{Hello}\n\\mode<beamer>{ Compile with gcc. }%\nThen link.\n\\end{frame}\n"
        "\\input{last}\\end{document}\n",
        encoding="utf-8",
    )
    result = run_cli("slides", src, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.stderr
    assert (
        "raw-tex" not in result.stderr and "outside-frame" not in result.stderr
    )  # (\AtBeginSection's frame)
    texts = _texts(Presentation(str(tmp_path / "out" / "deck.pptx")))
    assert texts[0] == ["C Programming"]  # (the article's subtitle is not the slides')
    assert texts[1][:2] == ["Hello", "Compile with gcc. Then link."]  # (\mode<beamer>: its content)
    assert texts[2][:2] == ["License", "CC BY-SA 4.0"]


def test_quotes_over_a_line_break_face_groups_over_lines_and_bare_groups_in_names(tmp_path):
    # ``…'' over two lines kept its backquotes; `\footnotesize~` left a "~"; `{\ttfamily` before a list
    # lost the list; `{\footnotesize\texttt{mail}}` in \author and `{{\hw\enspace}Homework}` showed braces
    prs, stderr = _build(
        tmp_path,
        "\\frame{\\titlepage}\n\\begin{frame}{{\\hw\\enspace}Homework}\n"
        "Express ``The reply cannot be sent when\nthe disk is full'' in logic.\n\n"
        "\\footnotesize~``The user has paid''\n\n"
        "{\\ttfamily\n\\begin{itemize}\n\\item[\\$] gcc -Wall hello.c\n\\item[\\$] ./hello\n\\end{itemize}}\n"
        "\\end{frame}",
        "\\title{C in Linux}\n\\author{WANG Xiaolin\\\\%\n  {\\footnotesize\\texttt{wx672@example.com}}}\n"
        "\\newcommand{\\hw}{\\textbf{HW}}\n",
    )
    assert "raw-tex" not in stderr
    texts = _texts(prs)
    assert texts[0] == ["C in Linux", "WANG Xiaolin\x0bwx672@example.com"]  # (\\: a line of its own)
    assert texts[1][0] == "HW Homework"
    body = texts[1][1]
    assert "\u201cThe reply cannot be sent when the disk is full\u201d" in body
    assert "\u201cThe user has paid\u201d" in body and "~" not in body and "`" not in body
    assert "$ gcc -Wall hello.c\n$ ./hello" in body and "{" not in body


def test_an_overlay_around_an_aligns_row_shows_the_equation_whole(tmp_path):
    # `\onslide<2->{ &\le … \\}` inside align (beamer's user guide idiom): the derivation was cut
    # into fragments and shown as its TeX
    prs, stderr = _build(
        tmp_path,
        "\\begin{frame}{Proof}\n\\begin{align}\n  x &= \\frac{m}{2} \\\\\n"
        "\\onslide<2->{  &\\le \\sum_i y_i \\\\}\n  &\\Rightarrow p \\ge 1\n\\end{align}\n\\end{frame}",
    )
    assert "raw-tex" not in stderr and "math" not in stderr
    slide = prs.slides[-1]
    math = "".join(
        t.text or "" for t in slide.element.iter("{*}t") if t.tag.endswith("}t") and "math" in t.tag
    )
    assert "≤" in math and "⇒" in math  # (Office math of the whole derivation)
    assert not any("\\" in t for t in _texts(prs)[-1])  # (no TeX shown as text)
