"""Review 11: a Slidev cover under another ``title:`` is still the title slide; a deck cut by its
separators gets no ``slide-level`` advice (which would split its slides)."""

from __future__ import annotations

import pytest

from .conftest import built_from_text

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
    return built_from_text(tmp_path, text, command)


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


REVEAL = """\
<!-- .slide: data-auto-animate -->
# Today's Project

Try move around...

---

<!-- .slide: data-auto-animate -->
## Working Principle

1. Detect mouse movement <!-- .element: class="fragment"-->
2. Create particles <!-- .element: class="fragment"-->

---

## Inside

Words

## A subhead of the slide

More words
"""


def test_a_reveal_deck_cut_by_separators_gets_no_slide_level_note(tmp_path):
    # a `<!-- .slide: -->` comment before a '##' (and a '##' inside a slide) drew the advice
    # "write slide-level: 2", which would have split the deck's slides
    prs, _, stderr = _built(tmp_path, REVEAL, "slides")
    assert [s.shapes.title.text for s in prs.slides] == ["Today’s Project", "Working Principle", "Inside"]
    assert "[slide-level]" not in stderr, stderr


@pytest.mark.parametrize(
    "front",
    [
        "---\nrevealOptions:\n  transition: fade\n---\n\n",  # reveal-md
        "",  # reveal.js Markdown with its `Note:` lines
    ],
)
def test_other_separator_decks_get_no_slide_level_note(tmp_path, front):
    prs, _, stderr = _built(tmp_path, front + REVEAL + "\nNote: say hello\n", "slides")
    assert [s.shapes.title.text for s in prs.slides][-2:] == ["Working Principle", "Inside"]
    assert "[slide-level]" not in stderr, stderr
    # (Marp's, Slidev's and remark's decks, whose separators cut their slides too: none either)
    for other in ("---\nmarp: true\n---\n\n", "---\ntheme: seriph\nhighlighter: shiki\n---\n\n"):
        _, _, stderr = _built(tmp_path, other + REVEAL, "slides")
        assert "[slide-level]" not in stderr, stderr
    _, _, stderr = _built(
        tmp_path, "class: center, middle\n\n" + REVEAL + "\n???\nnotes\n\n--\n\nMore\n", "slides"
    )
    assert "[dialect]" in stderr and "remark" in stderr and "[slide-level]" not in stderr, stderr


def test_a_slide_comment_before_a_rules_heading_is_not_counted_in_a_pandoc_lecture(tmp_path):
    # with front matter (pandoc's rules) the note still counts the '##' that merge, but not one a
    # '---' opens behind its `.slide:` comment
    text = (
        "---\ntitle: P\n---\n\n# Part one\n\nIntro words.\n\n## Recap\n\nFirst.\n\n---\n\n"
        "<!-- .slide: data-auto-animate -->\n## Titled by its rule\n\n- a\n"
    )
    _, _, stderr = _built(tmp_path, text, "slides")
    (said,) = [line for line in stderr.splitlines() if "[slide-level]" in line]
    assert "lecture.md:5: note:" in said and "the 1 '##' heading(s)" in said, said
