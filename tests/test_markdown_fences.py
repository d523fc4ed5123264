"""Text-level passes (Quarto includes and shortcodes, beamer notes) leave fenced code alone."""

from __future__ import annotations

from podium.markdown import fenced_lines

from .conftest import build, write_md


def test_fenced_lines_marks_fences_and_their_content():
    lines = ["a", "```", "x", "~~~", "```", "b", "~~~~", "y", "~~~~", "c"]
    assert fenced_lines(lines) == [False, True, True, True, True, False, True, True, True, False]


def test_notes_includes_and_shortcodes_inside_code_stay_code(tmp_path):
    from pptx import Presentation

    (tmp_path / "part.md").write_text("INCLUDED TEXT\n", encoding="utf-8")
    src = write_md(
        tmp_path,
        r"""
        ---
        title: Fences
        ---

        ## Code

        ```text
        \note{not a note}
        {{< include part.md >}}
        {{< kbd Ctrl >}}
        ```

        {{< include part.md >}}
        """,
        name="lecture.qmd",
    )
    deck, _ = build(src, tmp_path / "out")
    slide = Presentation(str(deck)).slides[1]
    text = "\n".join(sh.text_frame.text for sh in slide.shapes if sh.has_text_frame)
    assert "\\note{not a note}" in text and "{{< include part.md >}}" in text and "{{< kbd Ctrl >}}" in text
    assert "INCLUDED TEXT" in text  # the include outside the fence is resolved
    notes = slide.notes_slide.notes_text_frame.text if slide.has_notes_slide else ""
    assert "not a note" not in notes
