"""Marp's text-colour shorthand (``![](red)``) written inside a sentence or a list item: no picture, and
the words around it stay one paragraph (it used to cut the paragraph in two, and in an item it was drawn
as a missing picture)."""

from __future__ import annotations

from pptx import Presentation

from tests.conftest import run_cli


def test_colour_shorthand_inside_words_keeps_the_paragraph(tmp_path):
    src = tmp_path / "deck.md"
    src.write_text(
        "---\nmarp: true\n---\n\n# Colours\n\nText ![](red) more text here.\n\n- item ![](#00f) blue\n",
        encoding="utf-8",
    )
    result = run_cli("slides", src, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.stderr
    assert "[marp-colour]" in result.stderr
    paragraphs = [
        para.text
        for slide in Presentation(str(tmp_path / "out" / "deck.pptx")).slides
        for shape in slide.shapes
        if shape.has_text_frame
        for para in shape.text_frame.paragraphs
    ]
    assert "Text more text here." in paragraphs
    assert "item blue" in paragraphs
    assert not any("missing picture" in p for p in paragraphs)
