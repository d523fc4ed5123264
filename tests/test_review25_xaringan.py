"""xaringan and remark decks as remark shows them (review 25): only xaringan's column classes (and the
deck's own floated ones) make columns, so ``.col[# Title]`` is a heading in the flow and the slide's title;
blocks of one column class one after another stack in that one column; a ``layout: true`` slide's picture
in a column is the content of the slides after it, not a logo on every slide; ``nature: sourceUrl:`` in a
xaringan ``.Rmd`` loads the slides from that file; empty slides left out are said.  Read back from the
deck (python-pptx), the handout (pdftotext) and the command line's messages."""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

from .conftest import built_all, click_paragraphs, deck_titles, paragraph_texts, run_cli, write_md

EMU_PER_INCH = 914400


def _png(path: Path, rgb: tuple[int, int, int]) -> None:
    """A small solid-colour PNG at ``path``."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    row = b"\x00" + bytes(rgb) * 40
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", 40, 40, 8, 2, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(row * 40))
        + chunk(b"IEND", b"")
    )


def _boxes(slide) -> list:
    """The slide's text boxes with words (footers and slide numbers left out)."""
    return [
        s
        for s in slide.shapes
        if s.has_text_frame
        and s.text_frame.text.strip()
        and not s.name.startswith(("Footer", "Slide Number"))
    ]


def _pictures(slide) -> list:
    return [s for s in slide.shapes if s.shape_type == 13]


UNKNOWN_CLASS = """\
    ---
    title: "The Constitution"
    output: xaringan::moon_reader
    ---

    ---
    class: center, middle, inverse

    .col[# The Road to the Constitution
    ]
    --
    .col[
      # How We Got the Institutions We Have
    ]

    ---
    ## Next slide

    - text
"""


def test_a_class_without_column_meaning_keeps_its_heading_in_the_flow_as_the_title(tmp_path):
    deck, handout, err = built_all(write_md(tmp_path, UNKNOWN_CLASS, "lecture.Rmd"))
    slide = deck.slides[1]
    assert slide.shapes.title is not None and slide.shapes.title.text == "The Road to the Constitution"
    (body,) = [b for b in _boxes(slide) if b != slide.shapes.title]  # one column, not two side by side
    assert body.text_frame.text == "How We Got the Institutions We Have"
    assert click_paragraphs(slide) == [["How We Got the Institutions We Have"]]  # on the `--` click
    assert "The Road to the Constitution" in handout and "Slide 2" not in handout


RIGHT_COLUMNS = """\
    ---
    title: "Hobbes"
    output: xaringan::moon_reader
    ---

    ### Hobbes and the Social Contract

    .left-column[
    1588-1679
    ]

    .right-column[
    Individuals would agree to establish rules.
    ]

    --

    .right-column[
    They would create a commonwealth.
    ]

    --

    .right-column[
    The rules of the social game are established.
    ]
"""


def test_right_column_blocks_one_after_another_stack_in_one_right_column(tmp_path):
    deck, _, err = built_all(write_md(tmp_path, RIGHT_COLUMNS, "lecture.Rmd"))
    slide = deck.slides[1]
    boxes = {b.text_frame.text.split("\n")[0]: b for b in _boxes(slide) if b != slide.shapes.title}
    assert len(boxes) == 2, list(boxes)
    left, right = boxes["1588-1679"], boxes["Individuals would agree to establish rules."]
    assert right.text_frame.text.split("\n") == [
        "Individuals would agree to establish rules.",
        "They would create a commonwealth.",
        "The rules of the social game are established.",
    ]
    assert left.left < right.left and right.width > 2 * left.width  # xaringan's 20 % and 75 %
    assert [len(p.text.split("\n")) for p in left.text_frame.paragraphs] == [1]  # its years on one line
    assert click_paragraphs(slide) == [
        ["They would create a commonwealth."],
        ["The rules of the social game are established."],
    ]
    assert "many-columns" not in err


LAYOUTS = """\
    class: middle, center

    # Social contract

    ---
    layout: true

    ### Hobbes

    .left-column[
    ![Hobbes](img/hobbes.png)
    ]
    ---

    .right-column[
    Hobbes founded modern political philosophy.
    ]

    ---
    layout: true

    ### Locke

    .left-column[
    ![Locke](img/locke.png)
    ]
    ---

    .right-column[
    Locke's classical liberalism.
    ]

    ---
    layout: false

    ## Credits

    Photos by Pixabay
"""


def test_a_layouts_column_picture_is_on_the_slides_after_it_only(tmp_path):
    _png(tmp_path / "img" / "hobbes.png", (200, 0, 0))
    _png(tmp_path / "img" / "locke.png", (0, 0, 200))
    deck, _, err = built_all(write_md(tmp_path, LAYOUTS, "lecture.md"))
    assert deck_titles(deck) == ["Social contract", "Hobbes", "Locke", "Credits"]
    shown = [[p.image.blob for p in _pictures(s)] for s in deck.slides]
    hobbes = (tmp_path / "img" / "hobbes.png").read_bytes()
    locke = (tmp_path / "img" / "locke.png").read_bytes()
    assert shown == [[], [hobbes], [locke], []]
    hobbes_slide = deck.slides[1]
    (picture,) = _pictures(hobbes_slide)
    (words,) = [b for b in _boxes(hobbes_slide) if b != hobbes_slide.shapes.title]
    assert picture.left < words.left  # in the left column, beside the right column's words
    assert "logo" not in err


SOURCE = """\
    class: middle, center

    # Social Contract Theory

    ---
    ### The ties that bind

    - Trust is central to cooperation.
"""


def _wrapper(seal: bool, url: str = "slides-src.Rmd") -> str:
    sealed = "" if seal else "    seal: false\n"
    return (
        '---\ntitle: "Social Contract Theory: ethics by agreement"\noutput:\n  xaringan::moon_reader:\n'
        f'{sealed}    nature:\n      sourceUrl: "{url}"\n---\n'
    )


def test_a_xaringan_deck_whose_slides_come_from_source_url_reads_that_file(tmp_path):
    write_md(tmp_path, SOURCE, "slides-src.Rmd")
    for seal in (False, True):
        src = tmp_path / f"deck-{seal}.Rmd"
        src.write_text(_wrapper(seal), encoding="utf-8")
        deck, handout, err = built_all(src)
        # remark shows the file's slides in place of the page's (xaringan's title slide among them)
        assert deck_titles(deck) == ["Social Contract Theory", "The ties that bind"], seal
        assert paragraph_texts(deck.slides[1])[1] == "Trust is central to cooperation."
        assert deck.core_properties.title == "Social Contract Theory: ethics by agreement"
        assert "Trust is central to cooperation." in handout
        assert "slides-src.Rmd (nature: sourceUrl)" in err


def test_a_source_url_podium_cannot_read_is_an_error_at_its_line(tmp_path):
    src = tmp_path / "deck.Rmd"
    src.write_text(_wrapper(False, "missing-src.Rmd"), encoding="utf-8")
    result = run_cli("all", src, "-o", tmp_path / "out")
    assert result.exit_code == 1
    assert "deck.Rmd:7: error: this xaringan deck loads its slides from 'missing-src.Rmd'" in result.stderr
    assert "add a title" not in result.stderr
    (tmp_path / "inner").mkdir()
    inner = tmp_path / "inner" / "deck.Rmd"
    write_md(tmp_path, SOURCE, "outside.Rmd")
    inner.write_text(_wrapper(False, "../outside.Rmd"), encoding="utf-8")
    result = run_cli("all", inner, "-o", tmp_path / "out")
    assert result.exit_code == 1
    assert "deck.Rmd:7: warning: slides file '../outside.Rmd' is outside" in result.stderr


EMPTY_SLIDES = """\
    ---
    title: "Blank slides"
    output: xaringan::moon_reader
    ---

    ## One

    - a

    ---


    ---

    ## Two

    - b

    ---

    ---

    ## Three
"""


def test_empty_remark_slides_left_out_are_said_once_with_their_count(tmp_path):
    deck, _, err = built_all(write_md(tmp_path, EMPTY_SLIDES, "lecture.Rmd"))
    assert deck_titles(deck) == ["Blank slides", "One", "Two", "Three"]
    said = [line for line in err.splitlines() if "[empty-slide]" in line]
    assert len(said) == 1 and "lecture.Rmd:10: note: 2 empty slide(s)" in said[0], err


NAMED_COLUMNS = """\
    ---
    title: "Columns"
    output: xaringan::moon_reader
    ---

    ---
    ## Two columns named for their side and width

    .left-column60[
    - the left words
    ]
    .right-column40[
    - the right words
    ]
"""


def test_classes_named_for_a_side_and_width_still_make_columns(tmp_path):
    """Decks name the columns their own CSS files make (``left-column60``, ``col-6``); Podium does not read
    those files, so the name stands for the rule: two columns side by side, the wider on the left."""
    deck, _handout, _err = built_all(write_md(tmp_path, NAMED_COLUMNS, "lecture.Rmd"))
    slide = deck.slides[1]
    left, right = sorted((b for b in _boxes(slide) if b != slide.shapes.title), key=lambda b: b.left)
    assert left.text_frame.text == "the left words" and right.text_frame.text == "the right words"
    assert left.left + left.width <= right.left and left.width > right.width


GRID_COLUMNS = """\
    ---
    title: "Grid"
    output: xaringan::moon_reader
    ---

    ---
    ## Three steps

    .col-4[
    **Collect**
    ]
    .col-4[
    **Clean**
    ]
    .col-4[
    **Model**
    ]
"""


def test_blocks_of_one_narrow_column_class_sit_side_by_side(tmp_path):
    """Floats of one class stack only when two are too wide to sit side by side (``.right-column``, 75 %);
    three ``.col-4`` blocks (a third each) are three columns, as the browser lays them out."""
    deck, _handout, _err = built_all(write_md(tmp_path, GRID_COLUMNS, "lecture.Rmd"))
    slide = deck.slides[1]
    boxes = sorted((b for b in _boxes(slide) if b != slide.shapes.title), key=lambda b: b.left)
    assert [b.text_frame.text for b in boxes] == ["Collect", "Clean", "Model"]
    assert all(a.left + a.width <= b.left for a, b in zip(boxes, boxes[1:]))
