"""xaringan and reveal.js decks (review 20, more): a ``layout: true`` slide's picture (``<img>``,
``.logo[![](…)]``, a logo-sized ``background-image``) is the deck's logo, not every later slide's first
content, so the slides keep their titles; knitr chunk defaults set in a file a setup chunk ``source()``s
hide the chunks before a heading; a fragment span in a slide's title is shown from the start, with one
warning.  Read back from the deck (python-pptx) and the command line's messages."""

from __future__ import annotations

import io
import textwrap
from pathlib import Path

import pytest
from PIL import Image
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE

from .conftest import click_paragraphs, deck_titles, run_cli, write_md

FRONT = """\
    ---
    title: "Logo demo"
    output:
      xaringan::moon_reader:
        nature:
          ratio: "16:9"
    ---
    """


def _png(path: Path, colour: str) -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", (60, 30), colour).save(buf, "PNG")
    path.write_bytes(buf.getvalue())
    return buf.getvalue()


def _build(tmp_path: Path, text: str, front: str = FRONT, name: str = "lecture.Rmd"):
    src = write_md(tmp_path, textwrap.dedent(front) + textwrap.dedent(text), name)
    result = run_cli("slides", src, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.stderr
    return Presentation(str(tmp_path / "out" / (Path(name).stem + ".pptx"))), result.stderr


def _pictures(slide) -> list[bytes]:
    return [sh.image.blob for sh in slide.shapes if sh.shape_type == MSO_SHAPE_TYPE.PICTURE]


def _texts(slide) -> list[str]:
    return [sh.text_frame.text for sh in slide.shapes if sh.has_text_frame]


LAYOUT_PICTURES = {
    "img": '<img src="logo.png" style="position:absolute; top:1em; right:1em; width:80px">',
    "class": ".logo[![](logo.png)]",
    "linked-img": '<a href="https://example.org"><img src="logo.png" width="60"></a>',
    "div": '<div class="my-logo"><img src="logo.png"></div>',
    "img-lines": '<img src="logo.png"\n             style="position: absolute; top: 1em; right: 1em;"\n             width="80">',
}


@pytest.mark.parametrize("written", LAYOUT_PICTURES.values(), ids=LAYOUT_PICTURES.keys())
def test_a_layouts_picture_is_the_decks_logo_and_the_slides_keep_their_titles(tmp_path, written):
    logo = _png(tmp_path / "logo.png", "red")
    deck, err = _build(
        tmp_path,
        f"""\
        layout: true

        {written}

        ---

        ## First slide

        Words one.

        ---

        ## Second slide

        - Words two.
        """,
    )
    slides = list(deck.slides)
    assert deck_titles(deck) == ["Logo demo", "First slide", "Second slide"]
    for slide in slides[1:]:
        assert slide.shapes.title is not None
        assert _pictures(slide) == [logo], _texts(slide)  # (the logo, once, in its corner)
        assert not any("missing picture" in t or "logo.png" in t for t in _texts(slide))
    assert "Words one." in _texts(slides[1])
    assert err.count("this layout's picture ('logo.png')") == 1, err
    assert (
        "lecture.Rmd:8: note: this layout's picture ('logo.png') is a logo remark's CSS places on every slide"
        in err
    )
    assert "'logo.png' is drawn as the deck's logo" in err
    assert "not-shown" not in err and "raw-html" not in err, err


def test_a_logo_sized_background_image_in_a_layout_is_the_decks_logo(tmp_path):
    logo = _png(tmp_path / "logo.png", "blue")
    deck, err = _build(
        tmp_path,
        """\
        layout: true
        background-image: url(logo.png)
        background-position: 95% 5%
        background-size: 10%

        ---

        ## First slide

        Words one.
        """,
    )
    slides = list(deck.slides)
    assert deck_titles(deck) == ["Logo demo", "First slide"]
    assert _pictures(slides[1]) == [logo]
    assert "lecture.Rmd:8: note: this layout's picture ('logo.png')" in err, err
    assert "a watermark on every slide" not in err


def test_a_layout_picture_gives_way_to_the_front_matters_logo(tmp_path):
    _png(tmp_path / "logo.png", "red")
    own = _png(tmp_path / "mark.png", "green")
    front = FRONT.replace('title: "Logo demo"', 'title: "Logo demo"\n    logo: mark.png')
    deck, err = _build(
        tmp_path,
        """\
        layout: true

        <img src="logo.png" class="corner-logo">

        ---

        ## First slide

        Words one.
        """,
        front,
    )
    slides = list(deck.slides)
    assert deck_titles(deck) == ["Logo demo", "First slide"]
    assert _pictures(slides[1]) == [own]
    assert "this layout's picture ('logo.png')" in err
    assert "the front matter's 'logo:' is drawn instead" in err, err


def test_a_missing_layout_logo_is_one_warning_at_its_line_and_no_slide_loses_its_title(tmp_path):
    deck, err = _build(
        tmp_path,
        """\
        layout: true

        <img src="img/logo.png" width="80">

        ---

        ## First slide

        Words one.

        ---

        ## Second slide

        Words two.
        """,
    )
    slides = list(deck.slides)
    assert deck_titles(deck) == ["Logo demo", "First slide", "Second slide"]
    assert all(not _pictures(s) for s in slides)
    assert err.count("img/logo.png' not found") == 1, err
    assert "lecture.Rmd:10: warning: picture 'img/logo.png' not found" in err, err


def test_chunk_defaults_from_a_sourced_file_leave_the_heading_after_a_hidden_chunk_the_title(tmp_path):
    (tmp_path / "R").mkdir()
    (tmp_path / "R" / "setup.R").write_text(
        "library(knitr)\nknitr::opts_chunk$set(echo = FALSE, fig.width = 6)\n", encoding="utf-8"
    )
    deck, err = _build(
        tmp_path,
        """\

        ```{r setup, include=FALSE}
        source("R/setup.R")
        source("R/helpers.R")
        ```

        ---

        ```{r packages}
        library(ggplot2)
        ```

        ## Plotting

        Some words.

        ---

        ```{r model}
        fit <- lm(y ~ x)
        ```

        ## Shown code

        ```{r shown, echo=TRUE}
        x <- 1
        ```
        """,
    )
    slides = list(deck.slides)
    assert deck_titles(deck) == ["Logo demo", "Plotting", "Shown code"]
    assert slides[1].shapes.title.text_frame.text == "Plotting"
    assert not any("library(ggplot2)" in t for t in _texts(slides[1]))
    assert any("x <- 1" in t for t in _texts(slides[2]))
    assert err.count("source('R/helpers.R') is not read (not found)") == 1, err  # (said once, by the reader)


QUARTO = "---\ntitle: Clicks\nformat: revealjs\n---\n\n"


def test_a_fragment_span_in_a_title_is_shown_whole_from_the_start_with_one_warning(tmp_path):
    deck, err = _build(
        tmp_path,
        """\
        ## Result: [42]{.fragment}

        Some words.

        - [A later point]{.fragment}
        """,
        QUARTO,
        "lecture.qmd",
    )
    slide = list(deck.slides)[1]
    assert slide.shapes.title.text_frame.text == "Result: 42"
    title_id = slide.shapes.title.shape_id
    p = "{http://schemas.openxmlformats.org/presentationml/2006/main}"
    assert all(int(t.get("spid")) != title_id for t in slide.element.iter(f"{p}spTgt"))
    assert click_paragraphs(slide) == [["A later point"]]
    assert err.count("[fragment]") == 1, err
    assert (
        "lecture.qmd:6: warning: 'Result: 42': the [...]{.fragment} span in this slide's title is shown from the start"
        in err
    )
