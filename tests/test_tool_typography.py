"""Typography follows the lecture's tool: pandoc's ``smart`` (Quarto, R Markdown, pandoc) and Slidev's
markdown-it typographer curl quotes and make dashes; Marp, reveal.js and remark have no typographer,
so their decks keep quotes, dashes and dots as written."""

from __future__ import annotations

import pytest

from .conftest import built_from_text

LINE = "He said \"stop\" -- then 'go'... pages 3--5"


@pytest.mark.parametrize(
    ("front", "expected"),
    [
        ("title: Pandoc", "He said \u201cstop\u201d \u2013 then \u2018go\u2019\u2026 pages 3\u20135"),
        ("marp: true", LINE),
        ("revealOptions:\n  transition: none", LINE),
    ],
)
def test_quotes_dashes_and_dots_as_the_decks_tool_shows_them(tmp_path, front, expected):
    prs, handout, err = built_from_text(tmp_path, f"---\n{front}\n---\n\n## A slide\n\n{LINE}\n")
    texts = [
        p.text
        for s in prs.slides
        for sh in s.shapes
        if sh.has_text_frame
        for p in sh.text_frame.paragraphs
        if "said" in p.text
    ]
    assert texts == [expected], (texts, err)
    assert expected.split(" then")[0] in handout.replace("\n", " ")
