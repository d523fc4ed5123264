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
