"""A ``\\section`` written inside a beamer frame begins its section with that frame: a section slide before
it, and none of the command's words in the frame's own text (beamer prints nothing of it there)."""

from __future__ import annotations

from pptx import Presentation

from tests.conftest import run_cli


def test_section_inside_frame_is_a_section_slide_before_it(tmp_path):
    src = tmp_path / "deck.tex"
    src.write_text(
        "\\documentclass{beamer}\n\\title{T}\n\\begin{document}\n"
        "\\begin{frame}{One}\nHello\n\\end{frame}\n"
        "\\begin{frame}{Two}\n  \\section[Short]{Second part}\nWorld\n\\end{frame}\n"
        "\\end{document}\n",
        encoding="utf-8",
    )
    result = run_cli("slides", src, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.stderr
    assert "raw-tex" not in result.stderr
    slides = [
        [sh.text_frame.text for sh in slide.shapes if sh.has_text_frame and sh.text_frame.text.strip()]
        for slide in Presentation(str(tmp_path / "out" / "deck.pptx")).slides
    ]
    titles = [s[0] for s in slides]
    assert titles[-2:] == ["Second part", "Two"], slides
    assert slides[-1][1] == "World"
