"""Review 20 (beamer decks): breqn's ``dmath`` and the other display-math environments LaTeX decks use,
LaTeX's counters printed where a deck uses them (a custom box's title "Lösung 1.1"), and counter setup
between frames that prints nothing; each deck built through the command line and read back from the
PowerPoint deck with python-pptx."""

from __future__ import annotations

from pptx import Presentation

from .conftest import run_cli

P = "{http://schemas.openxmlformats.org/presentationml/2006/main}"


def _deck(tmp_path, body: str, preamble: str = ""):
    """The deck of a beamer ``body`` (after ``preamble``), built by the command line: (the deck, stderr)."""
    src = tmp_path / "deck.tex"
    src.write_text(
        f"\\documentclass{{beamer}}\n{preamble}\\begin{{document}}\n{body}\\end{{document}}\n",
        encoding="utf-8",
    )
    result = run_cli("slides", src, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.stderr
    return Presentation(str(tmp_path / "out" / "deck.pptx")), result.stderr


def _equations(slide) -> list[str]:
    """The TeX of each display equation on ``slide`` (the alt text of its picture)."""
    return [pic.get("descr") for pic in slide._element.iter(f"{P}cNvPr") if pic.get("descr")]


def _texts(slide) -> list[str]:
    return [shape.text_frame.text for shape in slide.shapes if shape.has_text_frame]


def test_breqn_displays_are_display_equations(tmp_path):
    prs, stderr = _deck(
        tmp_path,
        "\\begin{frame}{O-Notation}\n"
        "  \\begin{dmath*}[compact]\n    \\lim_{n\\to\\infty}\\frac{f(n)}{g(n)} = 100\n  \\end{dmath*}\n"
        "  \\begin{dmath}\n    a = b + c\n  \\end{dmath}\n"
        "  After.\n\\end{frame}\n"
        "\\begin{frame}{Series and groups}\n"
        "  \\begin{dseries}\n    \\sum_{k=1}^{n} k\n  \\end{dseries}\n"
        "  \\begin{dgroup*}\n    \\begin{dmath*}\n      x = 1\n    \\end{dmath*}\n"
        "    \\begin{dmath*}\n      y = 2\n    \\end{dmath*}\n  \\end{dgroup*}\n"
        "\\end{frame}\n",
        preamble="\\usepackage{breqn}\n",
    )
    assert "raw-tex" not in stderr, stderr
    first, second = prs.slides
    assert [" ".join(t.split()) for t in _equations(first)] == [
        "\\lim_{n\\to\\infty}\\frac{f(n)}{g(n)} = 100",
        "a = b + c",
    ]
    assert "After." in _texts(first)
    assert [" ".join(t.split()) for t in _equations(second)] == ["\\sum_{k=1}^{n} k", "x = 1", "y = 2"]


def test_other_display_math_environments_are_equations(tmp_path):
    prs, stderr = _deck(
        tmp_path,
        "\\begin{frame}{Math}\n"
        "  \\begin{IEEEeqnarray}{rCl}\n    g &=& 7 \\IEEEnonumber\\\\\n    h &=& 8\n  \\end{IEEEeqnarray}\n"
        "  \\begin{empheq}[box=\\fbox]{align}\n    j &= 10\n  \\end{empheq}\n"
        "  \\begin{subequations}\n    \\begin{align}\n      k &= 11\n    \\end{align}\n  \\end{subequations}\n"
        "\\end{frame}\n",
        preamble="\\usepackage{IEEEtrantools}\n\\usepackage{empheq}\n",
    )
    assert "raw-tex" not in stderr, stderr
    said = [" ".join(t.split()) for t in _equations(prs.slides[0])]
    assert said == [
        "\\begin{aligned} g &= 7 \\\\ h &= 8 \\end{aligned}",
        "\\begin{aligned} j &= 10 \\end{aligned}",
        "\\begin{aligned} k &= 11 \\end{aligned}",
    ]


def test_a_custom_box_title_prints_the_counters_as_latex_does(tmp_path):
    prs, stderr = _deck(
        tmp_path,
        "\\section{Aufgabe 1}\n"
        "\\begin{frame}{Aufgabe 1}\n"
        "  \\begin{solutionnoinc}\n    Induktionsanfang.\n  \\end{solutionnoinc}\n"
        "  \\begin{solution}\n    Zweite.\n  \\end{solution}\n"
        "  \\begin{solutionnoinc}\n    Dritte.\n  \\end{solutionnoinc}\n"
        "\\end{frame}\n",
        preamble="\\usepackage[ngerman]{babel}\n\\newcounter{task}\n\\setcounter{task}{1}\n"
        "\\newenvironment<>{solutionnoinc}[1][]{%\n"
        "\\begin{block}#2{Lösung \\thesection{.}\\thetask\\enspace #1}\\itshape}{\\end{block}}\n"
        "\\renewenvironment<>{solution}[1][]{%\n"
        "\\begin{block}#2{Lösung \\thesection{.}\\thetask\\enspace #1}\\itshape}{\\end{block}\\stepcounter{task}}\n",
    )
    assert "raw-tex" not in stderr, stderr
    boxes = [text.split("\n")[0] for text in _texts(prs.slides[-1]) if text.startswith("Lösung")]
    assert boxes == ["Lösung 1.1", "Lösung 1.1", "Lösung 1.2"]


def test_counters_and_spaces_in_text_print_their_values(tmp_path):
    prs, stderr = _deck(
        tmp_path,
        "\\section{Eins}\n\\subsection{Teil}\n"
        "\\begin{frame}{Aufgabe \\thesection}\n"
        "  \\stepcounter{task}\n  Task \\thetask, in \\thesubsection.\n\n"
        "  \\refstepcounter{step}\\refstepcounter{step}\n"
        "  Step \\arabic{step}: \\roman{step}, \\Roman{step}, \\alph{step}, \\Alph{step}.\n\n"
        "  \\addtocounter{task}{4}\n  Now\\enspace\\thetask\\quad a\\qquad b\\thinspace c\\enskip d.\n\n"
        "  \\stepcounter{ex}\\stepcounter{ex}\\stepcounter{ex}\n  Example \\theex.\n"
        "\\end{frame}\n"
        "\\setcounter{section}{4}\n\\stepcounter{task}\n\\section{Zwei}\n"
        "\\begin{frame}{Task \\thetask{} in section \\thesection}\n  Step \\thestep.\n\\end{frame}\n",
        preamble="\\newcounter{task}\n\\newcounter{step}[task]\n\\newcounter{ex}\n\\renewcommand{\\theex}{\\Alph{ex}}\n",
    )
    assert "raw-tex" not in stderr, stderr
    titles = [slide.shapes.title.text for slide in prs.slides if slide.shapes.title is not None]
    assert "Aufgabe 1" in titles and "Task 6 in section 5" in titles
    words = " ".join(" ".join(_texts(prs.slides[1])).split())
    assert "Task 1, in 1.1." in words
    assert "Step 2: ii, II, b, B." in words
    assert "Now" in words and "5" in words and "Example C." in words
    assert "\\" not in words
    assert "Step 0." in " ".join(_texts(prs.slides[-1]))  # (\newcounter{step}[task]: reset with task)


def test_counter_setup_between_frames_prints_nothing_and_says_nothing(tmp_path):
    _, stderr = _deck(
        tmp_path,
        "\\begin{frame}{Gliederung}\n  Inhalt.\n\\end{frame}\n"
        "\\setcounter{section}{0}\n\\counterwithout{equation}{section}\n\\counterwithin{figure}{section}\n"
        "\\numberwithin{table}{section}\n"
        "\\section{Aufgabe 1}\n\\begin{frame}{Aufgabe 1}\n  Text.\n\\end{frame}\n",
        preamble="\\usepackage{chngcntr}\n",
    )
    assert "raw-tex" not in stderr and "outside-frame" not in stderr, stderr


def test_a_lists_own_counter_setting_still_starts_the_list(tmp_path):
    # counting counters took `\setcounter{enumi}{4}` out of the line before the list read its start from it
    prs, _ = _deck(
        tmp_path,
        "\\begin{frame}{List}\n\\begin{enumerate}\\setcounter{enumi}{4}\n\\item Fifth\n\\item Sixth\n"
        "\\end{enumerate}\n\\end{frame}\n",
    )
    (box,) = [
        sh for s in prs.slides for sh in s.shapes if sh.has_text_frame and "Fifth" in sh.text_frame.text
    ]
    assert 'startAt="5"' in box._element.xml
