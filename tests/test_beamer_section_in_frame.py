"""A ``\\section`` written inside a beamer frame begins its section with that frame: a section slide before
it, and none of the command's words in the frame's own text (beamer prints nothing of it there)."""

from __future__ import annotations

from tests.conftest import build_tex, frame_texts


def test_section_inside_frame_is_a_section_slide_before_it(tmp_path):
    prs, stderr = build_tex(
        tmp_path,
        "\\begin{frame}{One}\nHello\n\\end{frame}\n"
        "\\begin{frame}{Two}\n  \\section[Short]{Second part}\nWorld\n\\end{frame}",
        "\\title{T}\n",
    )
    assert "raw-tex" not in stderr
    slides = frame_texts(prs)
    assert [s[0] for s in slides][-2:] == ["Second part", "Two"], slides
    assert slides[-1][1] == "World"
