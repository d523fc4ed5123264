"""Marp's text-colour shorthand (``![](red)``) written inside a sentence or a list item: no picture, and
the words around it stay one paragraph (it used to cut the paragraph in two, and in an item it was drawn
as a missing picture)."""

from __future__ import annotations

from tests.conftest import built_from_text, paragraph_texts


def test_colour_shorthand_inside_words_keeps_the_paragraph(tmp_path):
    prs, _, stderr = built_from_text(
        tmp_path,
        "---\nmarp: true\n---\n\n# Colours\n\nText ![](red) more text here.\n\n- item ![](#00f) blue\n",
        "slides",
    )
    assert "[marp-colour]" in stderr
    paragraphs = [p for slide in prs.slides for p in paragraph_texts(slide)]
    assert "Text more text here." in paragraphs
    assert "item blue" in paragraphs
    assert not any("missing picture" in p for p in paragraphs)
