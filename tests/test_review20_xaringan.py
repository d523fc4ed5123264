"""xaringan decks as remark shows them (review 20): HTML decoration in a ``layout: true`` slide (empty
``<div>``s, a footer ``<div>``) takes no slide's title nor its ``name:`` anchor; a ``--`` click before an
indented sub-list, numbered sub-list or paragraph continues the list item before it. Read back from the
deck (python-pptx) and the command line's messages."""

from __future__ import annotations

import textwrap

from pptx import Presentation

from .conftest import click_paragraphs, deck_titles, run_cli, write_md

A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"

FRONT = """\
    ---
    title: "Layout demo"
    output:
      xaringan::moon_reader:
        nature:
          ratio: "16:9"
    ---
    """


def _build(tmp_path, text: str):
    src = write_md(tmp_path, textwrap.dedent(FRONT) + textwrap.dedent(text), "lecture.Rmd")
    result = run_cli("slides", src, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.stderr
    return Presentation(str(tmp_path / "out" / "lecture.pptx")), result.stderr


def _footers(slide) -> list[str]:
    return [sh.text_frame.text for sh in slide.placeholders if sh.placeholder_format.type == 15]


def _body(slide) -> list[tuple[int, str]]:
    """(level, words) of each paragraph of the slide's text but its title, footer and number."""
    return [
        (p.level, p.text)
        for sh in slide.shapes
        if sh.has_text_frame and (not sh.is_placeholder or _is_body(sh))
        for p in sh.text_frame.paragraphs
        if p.text.strip()
    ]


def _is_body(shape) -> bool:
    return shape.is_placeholder and shape.placeholder_format.type not in (
        1,
        3,
        13,
        15,
    )  # title, footer, number


def test_empty_divs_in_a_layout_leave_the_later_slides_titled_and_their_names_linked(tmp_path):
    deck, err = _build(
        tmp_path,
        """\

        ## Contents

        - [Data cleaning](#clean)
        - [Storage](#storage)

        ---
        layout: true

        <div class="watermark"></div>

        <div class="my-header-h2"></div>

        ---
        name: clean

        ## Cleaning the data

        Words about cleaning.

        ---
        name: storage

        ## Storage

        - Keep backups
        """,
    )
    slides = list(deck.slides)
    assert deck_titles(deck) == ["Layout demo", "Contents", "Cleaning the data", "Storage"]
    assert [s.slide_layout.name for s in slides[2:]] == ["Title and Content", "Title and Content"]
    assert _body(slides[2]) == [(0, "Words about cleaning.")]
    assert "names no slide" not in err, err
    jumps = [
        h for h in slides[1].element.iter(f"{A}hlinkClick") if h.get("action") == "ppaction://hlinksldjump"
    ]
    assert [slides[1].part.related_part(h.get(f"{R}id")) for h in jumps] == [slides[2].part, slides[3].part]
    assert "lecture.Rmd:15: note: this layout's empty HTML" in err, err
    assert '<div class="watermark">, <div class="my-header-h2">' in err


def test_a_layout_with_decoration_and_a_footer_div_gives_the_footer_and_keeps_the_titles(tmp_path):
    deck, err = _build(
        tmp_path,
        """\
        layout: true

        <div class="my-header-h2"></div>

        <div class="watermark1"></div>

        <div class="my-footer"><span>Stats 101 &emsp;&emsp; <a href="#ch2"> Chapter 2 </a>
        &emsp;&emsp;&emsp;
        <a href="#tidy"> 2.3 Tidying </a> </span></div>

        ---

        ## First real slide

        Some words here.

        ---

        ## Second slide

        More words.
        """,
    )
    slides = list(deck.slides)
    assert deck_titles(deck)[1:] == ["First real slide", "Second slide"]
    assert [s.slide_layout.name for s in slides[1:]] == ["Title and Content", "Title and Content"]
    assert _body(slides[1]) == [(0, "Some words here.")]
    assert _footers(slides[2]) == ["Stats 101 Chapter 2 2.3 Tidying"]
    words = "\n".join(
        sh.text_frame.text for s in slides for sh in s.shapes if sh.has_text_frame and not _is_footer(sh)
    )
    assert "Stats 101" not in words and "Chapter 2" not in words
    assert "raw-html" not in err, err


def _is_footer(shape) -> bool:
    return shape.is_placeholder and shape.placeholder_format.type == 15


def test_a_layout_div_with_words_that_is_no_footer_is_left_out_with_a_not_rendered_warning(tmp_path):
    deck, err = _build(
        tmp_path,
        """\
        layout: true

        <div class="my-header">Part II: Inference</div>

        ---

        ## Estimators

        Bias and variance.
        """,
    )
    slide = deck.slides[1]
    assert slide.shapes.title is not None and slide.shapes.title.text == "Estimators"
    assert slide.slide_layout.name == "Title and Content"
    assert "Part II" not in "\n".join(sh.text_frame.text for sh in slide.shapes if sh.has_text_frame)
    assert 'lecture.Rmd:10: warning: this layout\'s HTML <div class="my-header">' in err, err
    assert "'Part II: Inference'" in err and "[not-rendered]" in err


CLICKS = """\

    ## Storage

    - Keep backups!

    --
        - Disks fail; **media** differ.
        - Keep an offline copy.

    --

    - Security

    --

        - **Snowden**: nothing online is safe.

    ---

    ## Steps

    1. First step
    --
       1. Sub one
       2. Sub two

    --
    2. Second step

    ---

    ## Paragraph

    - An item

    --
        More words about *it*.
    """


def test_an_indented_sub_list_after_a_click_is_nested_under_the_item_before_it(tmp_path):
    deck, err = _build(tmp_path, CLICKS)
    storage = deck.slides[1]
    assert storage.slide_layout.name == "Title and Content"
    assert _body(storage) == [
        (0, "Keep backups!"),
        (1, "Disks fail; media differ."),
        (1, "Keep an offline copy."),
        (0, "Security"),
        (1, "Snowden: nothing online is safe."),
    ]
    assert click_paragraphs(storage) == [
        ["Disks fail; media differ.", "Keep an offline copy."],
        ["Security"],
        ["Snowden: nothing online is safe."],
    ]
    bold = [
        r.text
        for sh in storage.shapes
        if sh.has_text_frame
        for p in sh.text_frame.paragraphs
        for r in p.runs
        if r.font.bold
    ]
    assert bold == ["media", "Snowden"]
    assert not any(sh.name.startswith("TextBox") for sh in storage.shapes)  # (no code listing)
    assert "overfull" not in err, err


def test_a_numbered_sub_list_and_an_indented_paragraph_after_a_click_continue_the_item(tmp_path):
    deck, _ = _build(tmp_path, CLICKS)
    steps, paragraph = deck.slides[2], deck.slides[3]
    assert _body(steps) == [(0, "First step"), (1, "Sub one"), (1, "Sub two"), (0, "Second step")]
    assert click_paragraphs(steps) == [["Sub one", "Sub two"], ["Second step"]]
    assert _body(paragraph) == [(0, "An item"), (1, "More words about it.")]
    assert click_paragraphs(paragraph) == [["More words about it."]]
    words = "\n".join(sh.text_frame.text for s in deck.slides for sh in s.shapes if sh.has_text_frame)
    assert "*" not in words and "- " not in words and "1. " not in words
