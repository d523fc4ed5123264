"""Review 20 (real beamer decks with heavy preambles): a frame written inside a definition in the preamble
(a deck's own frame environment or command) is no frame before ``\\begin{document}``; a ``\\newtcolorbox``
title made with etoolbox's or xparse's tests on its argument, and tcolorbox's counter, as LaTeX prints
them.  Each built as a small deck through the command line and read back with python-pptx."""

from __future__ import annotations

from pathlib import Path

from pptx import Presentation

from tests.conftest import run_cli


def _build(tmp_path: Path, preamble: str, body: str, *options: str):
    """The deck of ``preamble`` and ``body`` built by the command line: (deck or None, result)."""
    src = tmp_path / "deck.tex"
    src.write_text(
        "\\documentclass{beamer}\n" + preamble + "\\begin{document}\n" + body + "\n\\end{document}\n",
        encoding="utf-8",
    )
    result = run_cli("slides", src, "-o", tmp_path / "out", *options)
    built = tmp_path / "out" / "deck.pptx"
    return (Presentation(str(built)) if built.exists() else None), result


def _texts(prs) -> list[list[str]]:
    """Each slide's texts (footers and slide numbers left out)."""
    return [
        [
            sh.text_frame.text
            for sh in slide.shapes
            if sh.has_text_frame
            and sh.text_frame.text.strip()
            and not sh.name.startswith(("Footer", "Slide Number"))
        ]
        for slide in prs.slides
    ]


TRANSITION = (
    "\\newenvironment{transitionframe}{\n"
    "\t\\setbeamercolor{background canvas}{bg=yellow}\n"
    "\t\\begin{frame}}{\n"
    "\t\\end{frame}\n"
    "}\n"
)
TRANSITION_BODY = (
    "\\begin{frame}{Primeiro}\nTexto do primeiro slide.\n\\end{frame}\n"
    "\\begin{transitionframe}\n\t\\begin{center}\n\t\t{\\Huge   Identificação}\n\t\\end{center}\n"
    "\\end{transitionframe}\n"
    "\\begin{frame}{Segundo}\nTexto do segundo slide.\n\\end{frame}"
)


def test_frame_inside_a_newenvironment_is_no_frame_before_the_document(tmp_path):
    prs, result = _build(tmp_path, TRANSITION, TRANSITION_BODY, "--strict")
    assert result.exit_code == 0, result.stderr
    assert "outside-frame" not in result.stderr
    texts = _texts(prs)
    assert any("Identificação" in " ".join(t) for t in texts)
    assert texts[-1][0] == "Segundo"


def test_frames_inside_commands_and_xparse_environments_are_not_warned_about(tmp_path):
    preamble = (
        "\\newcommand{\\sectionframe}[1]{\\begin{frame}\n\\centering {\\Huge #1}\n\\end{frame}}\n"
        "\\def\\plainframe#1{%\n\\begin{frame}{#1}\n\\end{frame}}\n"
        "\\NewDocumentEnvironment{wideframe}{O{}}{\n  \\begin{frame}[#1]}{\n  \\end{frame}}\n"
        "\\renewenvironment{oldframe}\n{\\begin{frame}}\n{\\end{frame}}\n"
        "\\title{Deck}\n"
    )
    prs, result = _build(tmp_path, preamble, "\\begin{frame}{First}\nText.\n\\end{frame}", "--strict")
    assert result.exit_code == 0, result.stderr
    assert "outside-frame" not in result.stderr
    assert ["First", "Text."] in _texts(prs)


def test_a_real_frame_before_the_document_is_still_warned_about(tmp_path):
    preamble = TRANSITION + "\\begin{frame}{Too early}\nLost.\n\\end{frame}\n"
    _, result = _build(tmp_path, preamble, TRANSITION_BODY, "--strict")
    assert result.exit_code != 0
    assert "deck.tex:7: warning: 1 frame(s) before \\begin{document} are left out" in result.stderr


def _box_titles(prs) -> list[str]:
    """The first line of each text box holding more than one line (a titled box: its title), in order."""
    return [
        sh.text_frame.paragraphs[0].text.replace("\xa0", " ")
        for slide in prs.slides
        for sh in slide.shapes
        if sh.has_text_frame
        and len(sh.text_frame.paragraphs) > 1
        and sh.text_frame.paragraphs[1].text.strip()
    ]


EXERCISE_BODY = (
    "\\begin{frame}{Check your understanding}\n"
    "  \\begin{exercise}[which chart?]\n    Pick a line plot or a bar chart.\n  \\end{exercise}\n"
    "  \\begin{exercise}\n    Name one plot.\n  \\end{exercise}\n"
    "\\end{frame}"
)


def test_tcolorbox_title_keeps_the_optional_argument_tested_with_ifstrempty(tmp_path):
    preamble = (
        "\\usepackage{tcolorbox}\n"
        "\\newtcolorbox{exercise}[1][]{colback=white,\n"
        "  title={Exercise~\\thetcbcounter\\ifstrempty{#1}{}{: #1}}}\n"
    )
    prs, result = _build(tmp_path, preamble, EXERCISE_BODY)
    assert result.exit_code == 0, result.stderr
    assert _box_titles(prs) == ["Exercise: which chart?", "Exercise"]
    assert "ifstrempty" not in result.stderr and "thetcbcounter" not in result.stderr


def test_tcolorbox_counter_counts_the_uses_within_sections(tmp_path):
    preamble = (
        "\\usepackage{tcolorbox}\n\\newcounter{sibexercise}\n"
        "\\newtcolorbox[use counter=sibexercise,number within=section]{exercise}[1][]{%\n"
        "  colback=white,\n  title={Exercise~\\thetcbcounter\\ifstrempty{#1}{}{: #1}}}\n"
        "\\newtcolorbox[auto counter]{task}{title={Task \\thetcbcounter}}\n"
        "\\newtcolorbox[use counter from=task]{quiz}{title=Quiz \\thetcbcounter}\n"
    )
    body = (
        "\\section{Plots}\n" + EXERCISE_BODY + "\n\\section{Models}\n\\begin{frame}{Fitting}\n"
        "\\begin{exercise}[fit a line]\nUse least squares.\n\\end{exercise}\n"
        "\\begin{task}\nLoad the data.\n\\end{task}\n"
        "\\begin{quiz}\nWhat is a residual?\n\\end{quiz}\n"
        "\\end{frame}"
    )
    prs, result = _build(tmp_path, preamble, body)
    assert result.exit_code == 0, result.stderr
    assert _box_titles(prs) == [
        "Exercise 1.1: which chart?",
        "Exercise 1.2",
        "Exercise 2.1: fit a line",
        "Task 1",
        "Quiz 2",
    ]
    assert "raw-tex" not in result.stderr


def test_xparse_boxes_and_tests_on_their_arguments(tmp_path):
    preamble = (
        "\\usepackage{tcolorbox}\n\\usepackage{xparse}\n"
        "\\NewTColorBox{note}{ O{} m }{title={Note\\IfBlankTF{#1}{}{ (#1)} on #2}}\n"
        "\\DeclareTColorBox{hint}{ o }{title={Hint\\IfNoValueTF{#1}{}{: #1}}}\n"
        "\\NewDocumentEnvironment{keybox}{O{Key} m}{\\begin{block}{#1: #2}}{\\end{block}}\n"
        "\\newcommand{\\opt}[1][]{Option\\ifblank{#1}{}{ #1}}\n"
    )
    body = (
        "\\begin{frame}{Boxes}\n"
        "\\begin{note}[careful]{lines}\nMind the axes.\n\\end{note}\n"
        "\\begin{hint}\nStart small.\n\\end{hint}\n"
        "\\begin{hint}[look]\nPlot first.\n\\end{hint}\n"
        "\\begin{keybox}{idea}\nTake \\opt[x] or \\opt.\n\\end{keybox}\n"
        "\\end{frame}"
    )
    prs, result = _build(tmp_path, preamble, body)
    assert result.exit_code == 0, result.stderr
    assert _box_titles(prs) == ["Note (careful) on lines", "Hint", "Hint: look", "Key: idea"]
    assert any("Take Option x or Option." in t for texts in _texts(prs) for t in texts)
    assert "raw-tex" not in result.stderr
