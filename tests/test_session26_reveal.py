"""Session 26: a reveal.js page that loads its Markdown with reveal.js 2's attribute names
(``data-vertical``, ``data-notes``) is cut by them, and where both of a page's separators are blank lines
(three for a new slide, two for a vertical one) the fewer cut, as a vertical slide is a slide here too."""

from __future__ import annotations

import pytest
from pptx import Presentation

from .conftest import run_cli

SLIDES = "## First\n- one\n\nNote: a note for the first slide\n\n\n## Second\n- two\n\n\n## Third\n- three\n"


@pytest.mark.parametrize(
    "attributes",
    [
        'data-vertical="^\\n\\n" data-notes="^Note:"',
        'data-separator="^\\n\\n\\n" data-separator-vertical="^\\n\\n" data-separator-notes="^Note:"',
    ],
)
def test_reveal_page_separators(tmp_path, attributes):
    (tmp_path / "slides.md").write_text(SLIDES, encoding="utf-8")
    page = tmp_path / "page.html"
    page.write_text(
        '<!doctype html>\n<html><body><div class="reveal"><div class="slides">\n'
        f'<section data-markdown="slides.md" {attributes}>\n</section>\n</div></div></body></html>\n',
        encoding="utf-8",
    )
    result = run_cli("slides", page, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.stderr
    slides = list(Presentation(str(tmp_path / "out" / "page.pptx")).slides)
    assert [s.shapes.title.text_frame.text for s in slides] == ["First", "Second", "Third"]
    assert slides[0].notes_slide.notes_text_frame.text == "a note for the first slide"
    assert not slides[1].has_notes_slide or "two" not in slides[1].notes_slide.notes_text_frame.text
