"""Review 13: a diagram written as one HTML block (Slidev's ``<div class="flex flex-col">`` holding
indented ``<div>``s and ``<span>``s, no blank line inside) shows its words once, in reading order and
without tags; a stacking flex box is no row of columns, and an indented line inside an HTML block is
never code."""

from __future__ import annotations

import pytest

from .conftest import built_from_text, paragraph_texts

DIAMOND = """\
---
highlighter: shiki
---

# Diamond problem

<div class="flex flex-col items-center">
  <div class="border">
    interface A — <span class="text-blue-600">default</span> void running()
  </div>
  <div class="flex gap-4">
    <div class="border">
      interface B<br><span class="text-gray-500">extends A</span>
    </div>
    <div class="border">
      interface C<br><span class="text-gray-500">extends A</span>
    </div>
  </div>
  <div class="border">
    class D implements B, C
  </div>
</div>
"""


def _built(tmp_path, text: str, command: str = "slides"):
    return built_from_text(tmp_path, text, command)


def _boxes(slide) -> list:
    """The text boxes of ``slide`` with words, other than its title, footer and number, left to right
    and then top to bottom as python-pptx reads their positions."""
    return [
        sh
        for sh in slide.shapes
        if sh.has_text_frame
        and sh.text_frame.text.strip()
        and sh != slide.shapes.title
        and not sh.name.startswith(("Footer", "Slide Number"))
    ]


def _lines(slide) -> list[str]:
    """Every line of ``slide``'s body boxes (a line break splits a paragraph), in the deck's order."""
    return [ln.strip() for sh in _boxes(slide) for p in sh.text_frame.paragraphs for ln in p.text.split("\v")]


def test_a_slidev_diagram_in_one_html_block_shows_its_words_once_in_order(tmp_path):
    # the `flex` class made the `flex flex-col` div a row of three columns, whose indented lines were
    # code listings showing the tags (with "code line too wide" warnings and no raw-html warning)
    prs, handout, stderr = _built(tmp_path, DIAMOND, "all")
    assert len(prs.slides) == 1
    slide = prs.slides[0]
    lines = _lines(slide)
    assert [ln for ln in lines if ln] == [
        "interface A — default void running()",
        "interface B",
        "extends A",
        "interface C",
        "extends A",
        "class D implements B, C",
    ]
    assert not any("<" in ln for ln in paragraph_texts(slide))
    assert "[overfull]" not in stderr
    # (its outer `<div class=…>` lines are read as a fenced div, as pandoc reads them; the warning is at the
    # first tag whose text is kept, review 26)
    assert stderr.count("[raw-html]") == 1 and "lecture.md:9: warning: raw HTML" in stderr
    assert "<span" not in handout and "<div" not in handout
    words = " ".join(handout.split())
    assert words.index("interface A") < words.index("interface B") < words.index("class D")
    # the inner `flex gap-4` is still a row: B and C side by side, between A and D
    boxes = {sh.text_frame.text.split("\v")[0].strip(): sh for sh in _boxes(slide)}
    b, c = boxes["interface B"], boxes["interface C"]
    assert b.top == c.top and b.left + b.width <= c.left


@pytest.mark.parametrize(
    "opening",
    [
        '<div class="flex flex-col gap-2">',
        '<div class="d-flex flex-column">',
        '<div class="grid grid-cols-1">',
        '<div style="display: flex; flex-direction: column">',
        '<div class="flex flex-col-reverse">',
    ],
)
def test_a_div_that_stacks_its_items_is_no_row_of_columns(tmp_path, opening):
    # a stacking flex box (or one-column grid) holding divs that give their widths was read as a row
    text = f"""\
    ---
    title: Stacks
    ---

    ## Stacked

    {opening}
    <div style="width: 50%">

    First **item**

    </div>
    <div style="width: 50%">

    Second item

    </div>
    </div>

    ## Side by side

    <div class="grid grid-cols-2 gap-4">
    <div>

    Left

    </div>
    <div>

    Right

    </div>
    </div>
    """
    prs, _, stderr = _built(tmp_path, text)
    stacked, side = prs.slides[1], prs.slides[2]
    assert stacked.slide_layout.name == "Title and Content", stderr
    first, second = (
        next(sh for sh in _boxes(stacked) if w in sh.text_frame.text) for w in ("First", "Second")
    )
    assert first.left == second.left or first is second  # one under the other, not side by side
    assert [ln for ln in _lines(stacked) if ln] == ["First item", "Second item"]
    # a grid of two columns is still a row of columns
    left, right = (
        next(sh for sh in _boxes(side) if sh.text_frame.text.strip() == w) for w in ("Left", "Right")
    )
    assert left.top == right.top and left.left + left.width <= right.left


def test_indented_lines_in_a_row_of_html_columns_are_never_code(tmp_path):
    # a `flex` row's columns written with indented lines and no blank line (one HTML block, as CommonMark
    # reads it) became code listings showing their tags, with "code line too wide" warnings
    text = """\
    ---
    highlighter: shiki
    ---

    # Two interfaces

    <div class="flex gap-4">
      <div class="border">
        interface B<br><span class="text-gray-500">extends A</span>
      </div>
      <div class="border">
        interface C<br><span class="text-gray-500">extends A</span>
        <div>
            nested deeper
        </div>
      </div>
    </div>
    """
    prs, _, stderr = _built(tmp_path, text)
    slide = prs.slides[0]
    assert "[overfull]" not in stderr
    assert stderr.count("[raw-html]") == 1
    assert not any("<" in ln for ln in paragraph_texts(slide))
    left, right = _boxes(slide)
    assert left.text_frame.text.split("\v") == ["interface B", "extends A"]
    assert [ln for p in right.text_frame.paragraphs for ln in p.text.split("\v")] == [
        "interface C",
        "extends A",
        "nested deeper",
    ]
    assert left.top == right.top and left.left + left.width <= right.left


def test_an_indented_list_in_an_html_block_is_a_list_not_code(tmp_path):
    # the lines of a list written indented inside a <div> kept their indentation and became a code listing
    text = """\
    ---
    title: Lists
    ---

    ## Written in a div

    <div class="box">
        - one
        - two
            1. deeper
    </div>

    ## Written as HTML

    <ul><li>a<ul><li>b<ol><li>c</li></ol></li></ul></li><li>d</li></ul>
    """
    prs, _, stderr = _built(tmp_path, text)
    assert "[overfull]" not in stderr
    written, generated = prs.slides[1], prs.slides[2]
    levels = [(p.level, p.text) for sh in _boxes(written) for p in sh.text_frame.paragraphs]
    assert levels == [(0, "one"), (0, "two"), (1, "deeper")]
    levels = [(p.level, p.text) for sh in _boxes(generated) for p in sh.text_frame.paragraphs]
    assert levels == [(0, "a"), (1, "b"), (2, "c"), (0, "d")]
