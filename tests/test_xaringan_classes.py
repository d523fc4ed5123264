"""xaringan's content classes as remark reads them, checked in the built deck (python-pptx) and the
handout (poppler's ``pdftotext``): ``.name[…]`` nests to any depth, over several lines, holding
Markdown (``.full-width[.content-box-purple[`` then a list), and none of its markup is shown; an empty
heading (``### ``, a spacer) shows nothing; link reference definitions written before a slide's
heading (xaringan's title-slide template) leave that heading the slide's title and make its links."""

from __future__ import annotations

import subprocess

from pptx import Presentation

from .conftest import run_cli, write_md

MARKUP = ("[", "]{.", "###", ".content-box")


def _build(folder, text: str, name: str = "deck.Rmd"):
    """Build ``text`` (a xaringan deck) with the command line: its slides (python-pptx) and its handout's
    text (``pdftotext``)."""
    src = write_md(folder, text, name)
    out = folder / "out"
    result = run_cli("all", src, "-o", out, "--all-warnings")
    assert result.exit_code == 0, result.stderr
    stem = src.stem
    slides = list(Presentation(str(out / f"{stem}.pptx")).slides)
    handout = subprocess.run(
        ["pdftotext", str(out / f"{stem}-handout.pdf"), "-"], capture_output=True, text=True, check=True
    ).stdout
    return slides, handout


def _title(slide) -> str | None:
    return slide.shapes.title.text_frame.text if slide.shapes.title is not None else None


def _body(slide) -> str:
    """The words of a slide but its title, footer and number."""
    return "\n".join(
        s.text_frame.text
        for s in slide.shapes
        if s.has_text_frame
        and s != slide.shapes.title
        and not s.name.startswith(("Footer", "Slide Number"))
        and s.text_frame.text.strip()
    )


def _no_markup(words: str) -> None:
    for mark in MARKUP:
        assert mark not in words, (mark, words)


def test_nested_content_boxes_over_several_lines_show_their_list_not_their_markup(tmp_path):
    slides, handout = _build(
        tmp_path,
        """\
        ---
        title: "Nested remark classes"
        output: xaringan::moon_reader
        ---

        ## One box

        .full-width[.content-box-purple[
        - First point
        - Second point
        ]]

        ---

        ## A box with a lead

        .full-width[.content-box-purple[
        .bolder[**Ventajas del análisis**]:
        - Mayor representatividad
        - Detección de patrones
        ]]
        """,
    )
    assert [_title(s) for s in slides[1:]] == ["One box", "A box with a lead"]
    first, second = _body(slides[1]), _body(slides[2])
    assert first.split("\n") == ["First point", "Second point"]
    assert "Ventajas del análisis" in second and "Detección de patrones" in second
    _no_markup(first)
    _no_markup(second)
    assert "First point" in handout and "Detección de patrones" in handout
    _no_markup(handout)


def test_classes_nested_three_deep_or_opened_inside_a_line_hold_their_lists(tmp_path):
    slides, handout = _build(
        tmp_path,
        """\
        ---
        title: "Deep classes"
        output: xaringan::moon_reader
        ---

        ## Three deep

        .outer[.middle[.content-box-blue[
        - Deep one
        - Deep two
        ]]]

        ---

        ## Opened inside a line

        Before the box .content-box-green[
        - Inside one
        - Inside two
        ]
        """,
    )
    assert [_title(s) for s in slides[1:]] == ["Three deep", "Opened inside a line"]
    deep, inline = _body(slides[1]), _body(slides[2])
    assert deep.split("\n") == ["Deep one", "Deep two"]
    assert "Before the box" in inline and "Inside one\nInside two" in inline
    _no_markup(deep)
    _no_markup(inline)
    assert "Deep two" in handout and "Inside two" in handout
    _no_markup(handout)


def test_boxes_nested_in_columns_stay_side_by_side(tmp_path):
    slides, handout = _build(
        tmp_path,
        """\
        ---
        title: "Boxed columns"
        output: xaringan::moon_reader
        ---

        ## Pros and cons

        .pull-left[.content-box-green[
        - Cheap
        - Fast
        ]]
        .pull-right[.content-box-red[
        - Fragile
        ]]
        """,
    )
    slide = slides[1]
    assert _title(slide) == "Pros and cons"
    assert slide.slide_layout.name == "Two Content"
    columns = [
        s.text_frame.text
        for s in slide.shapes
        if s.is_placeholder and s.placeholder_format.type is not None and s.name.startswith("Content")
    ]
    assert columns == ["Cheap\nFast", "Fragile"]
    _no_markup(_body(slide))
    assert "Fragile" in handout
    _no_markup(handout)


def test_an_empty_heading_shows_nothing_and_is_no_title(tmp_path):
    # `### ` (with its space, as decks write it) and `###` alone: an empty heading, a spacer
    slides, handout = _build(
        tmp_path,
        """\
        ---
        title: "Spacers"
        output: xaringan::moon_reader
        ---

        ## Empty heading in a column

        .pull-left[
        ###\x20

        Left text
        ]

        ---

        ###

        ## After a spacer

        Some words
        """,
    )
    assert [_title(s) for s in slides[1:]] == ["Empty heading in a column", "After a spacer"]
    assert _body(slides[1]) == "Left text"
    assert _body(slides[2]) == "Some words"
    assert "Left text" in handout and "After a spacer" in handout
    _no_markup(handout)


def test_link_definitions_before_the_heading_leave_it_the_title_and_make_the_links(tmp_path):
    slides, handout = _build(
        tmp_path,
        """\
        ---
        title: "Course"
        output:
          xaringan::moon_reader:
            seal: false
        ---

        class: left title-slide

        [ricantillan]: https://twitter.com/ricantillan
        [rbind]: https://ricantillan.rbind.io "Blog"

        ## **Introducción a las Ciencias Sociales Computacionales**

        .side-text[
        [&commat;ricantillan][ricantillan] | [rcantillan.rbind.io][rbind]
        ]

        .title-where[
        Universidad Católica del Maule
        ]

        ---

        ## Next

        See [the blog][rbind].
        """,
    )
    assert [_title(s) for s in slides] == ["Introducción a las Ciencias Sociales Computacionales", "Next"]
    words = _body(slides[0])
    assert "Universidad Católica del Maule" in words and "rcantillan.rbind.io" in words
    assert "https://" not in words and "[rbind]" not in words
    links = {
        r.text: r.hyperlink.address
        for s in slides
        for sh in s.shapes
        if sh.has_text_frame
        for p in sh.text_frame.paragraphs
        for r in p.runs
        if r.hyperlink.address
    }
    assert links == {
        "@ricantillan": "https://twitter.com/ricantillan",
        "rcantillan.rbind.io": "https://ricantillan.rbind.io",
        "the blog": "https://ricantillan.rbind.io",
    }
    assert "Introducción a las Ciencias Sociales Computacionales" in handout
    assert "[rbind]" not in handout and "[ricantillan]" not in handout
