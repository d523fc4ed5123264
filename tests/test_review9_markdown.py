"""R Markdown, xaringan, Quarto and pandoc Markdown as real decks write them: ``include_graphics`` with
more arguments or several calls, xaringan's ignored ``incremental:``, link addresses with spaces, pipe
tables that are not understood, and remark's centred title slides."""

from __future__ import annotations

from pathlib import Path

from PIL import Image

from .conftest import click_paragraphs, run_cli, write_md

_PICTURE = 13  # MSO_SHAPE_TYPE.PICTURE


def _deck(src: Path, out: Path):
    from pptx import Presentation

    result = run_cli("slides", src, "-o", out)
    assert result.exit_code == 0, result.stderr
    return Presentation(str(out / (src.stem + ".pptx"))), result.stderr


def _pictures(slide) -> int:
    return sum(1 for sh in slide.shapes if sh.shape_type == _PICTURE)


def _text(slide) -> str:
    return "\n".join(sh.text_frame.text for sh in slide.shapes if sh.has_text_frame)


def test_include_graphics_with_more_arguments_several_calls_and_vectors_shows_every_picture(tmp_path):
    # `include_graphics("x.png", dpi = 600)` and two calls in one chunk showed nothing, with a warning
    # that the hidden cell's output was not shown (a real ioslides deck lost all its 18 figures)
    for name in ("a.png", "b.png"):
        Image.new("RGB", (300, 200), "#4477aa").save(tmp_path / name)
    src = write_md(
        tmp_path,
        """
        ---
        title: "Pictures"
        output: ioslides_presentation
        ---

        ## A dpi argument

        ```{r, echo=FALSE, fig.cap="A figure"}
        knitr::include_graphics("a.png", dpi = 600)
        ```

        ## Two calls

        ```{r, echo=FALSE, fig.alt="Two"}
        knitr::include_graphics("a.png",dpi=600)
        knitr::include_graphics("b.png", dpi = 1200)
        ```

        ## A vector, one missing

        ```{r, echo=FALSE, out.width="40%", fig.alt="Vector"}
        # the two of them
        knitr::include_graphics(c("a.png",
                                  "gone.png"), error = FALSE)
        ```

        ## A variable

        ```{r, echo=FALSE}
        f <- "a.png"
        knitr::include_graphics(f)
        ```
        """,
        "figs.Rmd",
    )
    prs, stderr = _deck(src, tmp_path / "out")
    dpi, two, vector, variable = list(prs.slides)[1:5]
    assert _pictures(dpi) == 1 and "A figure" in _text(dpi)
    assert _pictures(two) == 2
    assert _pictures(vector) == 1 and "gone.png" in _text(vector)  # (the missing one's placeholder)
    drawn = next(sh for sh in vector.shapes if sh.shape_type == _PICTURE)
    assert drawn.width < 0.5 * prs.slide_width  # out.width="40%"
    assert "figs.Rmd:23: warning: picture 'gone.png' not found" in stderr  # at its call's line
    assert "figs.Rmd:31: warning: the picture of this include_graphics(…) is not a path" in stderr
    assert "hidden code cell's output" not in stderr
    assert _pictures(variable) == 0


def _runs(prs) -> list[tuple[str, str | None]]:
    return [
        (r.text, r.hyperlink.address)
        for s in prs.slides
        for sh in s.shapes
        if sh.has_text_frame
        for p in sh.text_frame.paragraphs
        for r in p.runs
    ]


def test_a_link_address_with_spaces_is_a_link_and_dots_in_paths_stay_dots(tmp_path):
    # `[zoom cheat sheet](../readings/PSY 611 Zoom Cheat Sheet.pdf)` was shown as raw markup, its `../`
    # made an ellipsis: pandoc reads an address with spaces (as %20); only `...` is an ellipsis
    Image.new("RGB", (300, 200), "#4477aa").save(tmp_path / "my pic.png")
    src = write_md(
        tmp_path,
        """
        ---
        title: Links with spaces
        ---

        ## Materials

        - Read the [zoom cheat sheet](../readings/PSY 611 Zoom Cheat Sheet.pdf) before class.
        - Slides are on the [course website](https://example.org/my course/ "The site").
        - Up: ../notes, a/.../b and wait...

        ![A picture](my pic.png)
        """,
    )
    prs, stderr = _deck(src, tmp_path / "out")
    runs = _runs(prs)
    text = "".join(t for t, _ in runs)
    assert "Read the zoom cheat sheet before class." in text and "](" not in text
    assert ("course website", "https://example.org/my%20course/") in runs
    assert "Up: ../notes, a/.../b and wait…" in text
    assert _pictures(prs.slides[1]) == 1 and "not found" not in stderr


def test_xaringan_has_no_incremental_option_and_its_lists_come_whole(tmp_path):
    # `incremental: true` under `xaringan::moon_reader:` made every item a click; xaringan ignores it
    deck = """
        ---
        title: "Incremental?"
        output:
          {fmt}:
            incremental: true
        ---

        ## Scales of measurement

        - Nominal
        - Ordinal

        {click}

        These come on one click.
        """
    src = write_md(tmp_path, deck.format(fmt="xaringan::moon_reader", click="--"), "x.Rmd")
    prs, stderr = _deck(src, tmp_path / "out")
    assert click_paragraphs(prs.slides[-1]) == [["These come on one click."]]
    assert "x.Rmd:3: note: xaringan has no 'incremental' option" in stderr
    src = write_md(tmp_path, deck.format(fmt="ioslides_presentation", click=""), "io.Rmd")
    prs, stderr = _deck(src, tmp_path / "out")  # (where the option is real, it still is)
    assert click_paragraphs(prs.slides[-1])[:2] == [["Nominal"], ["Ordinal"]]
    assert "incremental' option" not in stderr


def test_a_pipe_table_that_cannot_be_read_is_warned_about_at_its_line(tmp_path):
    # `|:---:||:---|` (an empty delimiter cell): pandoc and remark show it as text; Podium said nothing
    src = write_md(
        tmp_path,
        """
        ---
        title: "Road map"
        ---

        ## Road map

        | Week(s) | Topics |
        |:-------:||:------|
        | 1-2 |Summarizing data |

        ## Rows without a delimiter

        Before.

        | a | b |
        | c | d |

        ## A table

        | a | b |
        |---|---|
        | c | d |
        """,
    )
    prs, stderr = _deck(src, tmp_path / "out")
    assert "Summarizing data" in _text(prs.slides[1])  # (its words are kept)
    assert ":7: warning: this looks like a table but is not read as one: its delimiter row" in stderr
    assert ":15: warning: this looks like a table but is not read as one: its second line" in stderr
    assert stderr.count("looks like a table") == 2
    assert any(sh.has_table for sh in prs.slides[3].shapes)


def _layout_names(prs) -> list[str]:
    return [s.slide_layout.name for s in prs.slides]


def test_a_centred_first_remark_slide_is_the_title_slide(tmp_path):
    # remark's `class: center, middle, inverse` cover (a title, subtitles, the author) was a plain
    # content slide with its subtitles as bullets
    deck = """
        class: {classes}

        # Graphical user interfaces
        ## Lecture 5 - State patterns
        ## Robert Smith
        2018Z

        ???
        Welcome.

        ---
        # Motivation

        * One
        * Two
        """
    src = write_md(tmp_path, deck.format(classes="center, middle, inverse"), "remark.md")
    prs, _ = _deck(src, tmp_path / "out")
    assert _layout_names(prs)[:2] == ["Title Slide", "Title and Content"]
    first = _text(prs.slides[0])
    assert "Graphical user interfaces" in first and "Lecture 5 - State patterns" in first
    assert "Robert Smith" in first and "2018Z" in first
    src = write_md(tmp_path, deck.format(classes="smaller"), "plain.md")  # (not centred: a slide)
    prs, _ = _deck(src, tmp_path / "out")
    assert _layout_names(prs)[0] == "Title and Content"
