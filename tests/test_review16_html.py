"""Review 16: how HTML blocks and divs are read.  A self-closed ``<div … />`` (Vue's icon) opens
nothing, so the click around it ends at its own ``</div>`` and the slides after it stay slides; lines
indented inside an HTML block are never code, even where the tag above them became a fenced div (a
reveal.js aligned div, a Slidev ``<div v-click>``); a picture's warning inside an HTML block names the
picture's own line."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image

from .conftest import built_from_text, click_paragraphs, deck_titles, paragraph_texts, slide_text

SLIDEV = """\
---
theme: default
highlighter: shiki
---

# Cover

---

# Join Types

{card}

---

# Join Syntax

More text.

---

# Aggregates

Even more.
"""


def _picture(folder: Path, name: str) -> None:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    Image.new("RGB", (40, 30), (200, 40, 40)).save(path)


def _pictures(slide) -> list:
    return [sh for sh in slide.shapes if sh.shape_type == 13]


def _line_of(text: str, words: str) -> int:
    """The line (from 1) of the lecture file written from ``text`` on which ``words`` stand."""
    lines = text.lstrip("\n").split("\n")
    return next(k for k, ln in enumerate(lines, 1) if words in ln)


def _no_markup(prs, handout: str = "") -> None:
    for slide in prs.slides:
        for words in paragraph_texts(slide):
            assert "<" not in words and ":::" not in words, words
    assert "<div" not in handout and "<img" not in handout and ":::" not in handout


def test_a_self_closed_div_in_a_clicked_div_does_not_swallow_the_slides_after_it(tmp_path):
    card = """\
<div v-click="1">
  <div i-carbon:data-unreal text-amber-300 />
  <code>INNER JOIN</code>
</div>"""
    prs, handout, stderr = built_from_text(tmp_path, SLIDEV.format(card=card))
    assert deck_titles(prs) == ["Cover", "Join Types", "Join Syntax", "Aggregates"], stderr
    assert "[unclosed-div]" not in stderr
    assert click_paragraphs(prs.slides[1]) == [["INNER JOIN"]]
    assert "Join Syntax" not in slide_text(prs.slides[1])
    _no_markup(prs, handout)


def test_a_self_closed_div_in_a_reveal_fragment_closes_nothing(tmp_path):
    # the `<div … />` counted as an opening, so the fragment's `</div>` closed it and the fragment
    # stayed HTML: no click
    text = """\
---
title: Icons
---

## Steps

First words.

<div class="fragment">
<div class="icon" />
Then these.
</div>

Last words.
"""
    prs, _, stderr = built_from_text(tmp_path, text, "slides")
    clicks = click_paragraphs(prs.slides[1])
    assert clicks == [["Then these."]], (clicks, stderr)


def test_a_clicked_div_never_closed_ends_with_its_slide_with_a_warning(tmp_path):
    card = """\
<div v-click>

Comes on a click.
"""
    text = SLIDEV.format(card=card)
    prs, _, stderr = built_from_text(tmp_path, text, "slides")
    assert deck_titles(prs) == ["Cover", "Join Types", "Join Syntax", "Aggregates"], stderr
    line = _line_of(text, "<div v-click>")
    assert f"lecture.md:{line}: warning: this <div v-click> is never closed" in stderr
    assert "[unclosed-div]" in stderr
    assert click_paragraphs(prs.slides[1]) == [["Comes on a click."]]


def test_an_indented_picture_in_an_aligned_reveal_div_is_a_picture(tmp_path):
    # the div became a fenced div, and its indented <img> line a code listing showing the tag
    text = """\
---
title: Page tables
separator: <!-- s -->
---

## Picture in a centred div

<div style="text-align: center;">
    <img src="images/figure.png" alt="Page table diagram" width="50%">
</div>

<div align="center">
    <img src="images/gone.png" alt="Not there">
</div>

After the picture.
"""
    _picture(tmp_path, "images/figure.png")
    prs, handout, stderr = built_from_text(tmp_path, text)
    slide = prs.slides[0]  # (reveal-md front matter: no title slide made of title:)
    assert len(_pictures(slide)) == 1, slide_text(slide)
    assert f"lecture.md:{_line_of(text, 'gone.png')}: warning: picture 'images/gone.png' not found" in stderr
    assert "After the picture." in paragraph_texts(slide)
    _no_markup(prs, handout)


CARD = """\
<div grid grid-cols-2 gap-4>

<div v-click="1">
  <div font-semibold>
    <code>INNER JOIN</code>
  </div>
  <div flex flex-col gap-3>
    <div v-click="2">
      <div text-sm>Only rows that match</div>
    </div>
    <div v-click="3">
      <img src="/inner-join.svg">
    </div>
  </div>
</div>

</div>"""


def test_clicked_divs_nested_in_indented_slidev_html_show_their_words_and_pictures(tmp_path):
    # the nested, indented <div v-click> lines became a code listing of `::: {.fragment}` and tags
    svg = (
        '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="30"><rect width="40" height="30"/></svg>'
    )
    (tmp_path / "public").mkdir()
    (tmp_path / "public" / "inner-join.svg").write_text(svg, encoding="utf-8")
    prs, handout, stderr = built_from_text(tmp_path, SLIDEV.format(card=CARD))
    assert deck_titles(prs) == ["Cover", "Join Types", "Join Syntax", "Aggregates"], stderr
    slide = prs.slides[1]
    assert len(_pictures(slide)) == 1
    clicks = click_paragraphs(slide)
    assert clicks[:2] == [["INNER JOIN"], ["Only rows that match"]], clicks
    assert len(clicks) == 3  # (the picture's click: no words)
    assert "[overfull]" not in stderr
    _no_markup(prs, handout)


AGENDA = """\
<div flex items-center gap-3>
    <div flex flex-col items-start min-w-60>
        <span font-semibold text-3xl>Brian</span>
    </div>
    <div flex-1 />
    <div flex flex-col gap-8>
        <div mb-4 v-click="1">
            <div mb-4>
                <span text-2xl>Agenda</span>
            </div>
            <div flex flex-col items-start gap-4>
                <div flex items-center gap-2 v-click="2"><div i-ri:arrow-up-s-fill rotate-90/>Quick Review</div>
                <div flex items-center gap-2 v-click="3"><div i-ri:arrow-up-s-fill rotate-90/><code>JOIN</code></div>
            </div>
        </div>
    </div>
</div>"""


def test_clicks_deep_inside_one_html_block_are_clicks_of_words_not_code(tmp_path):
    # a speaker card with its agenda: the agenda's <div v-click> lines, deep in one HTML block, were
    # a code listing of the deck's HTML and of Podium's `::: {.fragment}`
    prs, handout, stderr = built_from_text(tmp_path, SLIDEV.format(card=AGENDA))
    slide = prs.slides[1]
    assert click_paragraphs(slide) == [["Agenda"], ["Quick Review"], ["JOIN"]], stderr
    assert "Brian" in paragraph_texts(slide)
    assert "[overfull]" not in stderr
    _no_markup(prs, handout)


COLUMNS = """\
<div grid grid-cols-2 gap-4>

<div border="2 solid white/5" rounded-lg>
  <div font-semibold>
    <code>INNER JOIN</code>
  </div>
  <div>
    <img src="/inner-join.svg">
  </div>
</div>

<div border="2 solid white/5" rounded-lg>
  <div font-semibold>
    <code>LEFT JOIN</code>
  </div>
  <div>
    <img src="/left-join.svg">
  </div>
</div>
</div>"""

PARAGRAPHS = """\
<p>Words first.</p>
<p>More words, and then a picture:</p>
<img src="/left-join.svg">"""


@pytest.mark.parametrize("card", [COLUMNS, PARAGRAPHS], ids=["columns", "paragraphs"])
def test_a_picture_in_an_html_block_is_warned_about_at_its_own_line(tmp_path, card):
    text = SLIDEV.format(card=card)
    _, _, stderr = built_from_text(tmp_path, text, "slides")
    line = _line_of(text, "/left-join.svg")
    assert f"lecture.md:{line}: warning: picture '/left-join.svg' not found" in stderr, stderr
    if card is COLUMNS:
        line = _line_of(text, "/inner-join.svg")
        assert f"lecture.md:{line}: warning: picture '/inner-join.svg' not found" in stderr, stderr
