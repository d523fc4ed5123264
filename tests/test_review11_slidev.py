"""Review 11: a Slidev cover under another ``title:`` is still the title slide; a deck cut by its
separators gets no ``slide-level`` advice (which would split its slides)."""

from __future__ import annotations

import subprocess

import pytest
from pptx import Presentation

from .conftest import run_cli, write_md

STARTER_COVER = """\
---
theme: seriph
highlighter: shiki
title: "{title}"
---

# Creating slides 🎬

## Modern decks with Node.js

<div class="pt-8">
  <span @click="$slidev.nav.next" class="px-2 py-1 rounded cursor-pointer">
    Press Space for next page <carbon:arrow-right class="inline"/>
  </span>
</div>

---

# Why

- one
"""


def _built(tmp_path, text: str, command: str = "all"):
    """The deck built from ``text`` by the command line, its handout's text (``all``), and the messages."""
    src = write_md(tmp_path, text)
    out = tmp_path / "out"
    result = run_cli(command, src, "-o", out)
    assert result.exit_code == 0, result.stderr
    handout = ""
    if command == "all":
        handout = subprocess.run(
            ["pdftotext", str(out / "lecture-handout.pdf"), "-"], capture_output=True, text=True, check=True
        ).stdout
    return Presentation(str(out / "lecture.pptx")), handout, result.stderr


@pytest.mark.parametrize("title", ["Creating slides", "CS101 week 3: deploying"])
def test_a_cover_under_another_title_is_the_title_slide_with_its_subtitle(tmp_path, title):
    # `title:` differing from the cover's heading (by an emoji, or wholly) made the cover a content
    # slide showing the starter's button label, and the lecture had no title slide at all
    prs, handout, stderr = _built(tmp_path, STARTER_COVER.format(title=title))
    first = prs.slides[0]
    assert first.slide_layout.name == "Title Slide"
    assert first.shapes.title.text == "Creating slides 🎬"  # (the heading Slidev shows)
    words = " ".join(sh.text_frame.text for sh in first.shapes if sh.has_text_frame)
    assert "Modern decks with Node.js" in words and "Press Space" not in words
    assert [s.shapes.title.text for s in prs.slides] == ["Creating slides 🎬", "Why"]
    assert "Press Space" not in handout and "Modern decks with Node.js" in handout
    assert "[raw-html]" not in stderr
    # the lecture's title is the cover's (the footer, the document), as Slidev shows it; the lecturer is told
    assert prs.core_properties.title == "Creating slides 🎬"
    (said,) = [line for line in stderr.splitlines() if "[title]" in line]
    assert "lecture.md:4: note:" in said and f"'title: {title}'" in said and "browser tab" in said
    # (a cover saying more is a slide of its own, whatever the title)
    more = "## Modern decks with Node.js\n\nA first line.\n\nA second line.\n"
    text = STARTER_COVER.format(title=title).replace("## Modern decks with Node.js\n", more)
    prs, _, stderr = _built(tmp_path, text, "slides")
    assert prs.slides[0].slide_layout.name != "Title Slide" and "[title]" not in stderr
    assert prs.slides[0].shapes.title.text == "Creating slides 🎬"
