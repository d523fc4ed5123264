"""knitr as real R Markdown, xaringan and Quarto decks use it: child documents that start with a remark
slide break or are named by R code (``here::here``, ``file.path``, ``c()``, ``glue``), a hand-made title
slide after a setup chunk with R comments, the front matter shown by inline R, and the line of a logo
written under a format's options."""

from __future__ import annotations

import re
import textwrap

from .conftest import cli_deck as _deck
from .conftest import deck_titles as _titles
from .conftest import slide_text as _text
from .conftest import write_md


def test_xaringan_child_starting_with_a_slide_break_is_read_as_if_written_in_place(tmp_path):
    # the child's first `---` was taken for its front matter and blanked: its slide merged into the one
    # before, "name: goodbye class: middle, inverse" shown as text and "# Thank you" as body text
    write_md(tmp_path, "---\nname: goodbye\nclass: middle, inverse\n\n# Thank you\n\nSee you.\n", "bye.Rmd")
    write_md(tmp_path, "---\n\n# Middle\n\nFrom the part.\n", "part.Rmd")
    parent = """
        ---
        title: "Children"
        output: xaringan::moon_reader
        ---

        # First slide

        Some text.

        ```{r child='part.Rmd'}
        ```

        ```{r child='bye.Rmd'}
        ```
        """
    src = write_md(tmp_path, parent, "main.Rmd")
    deck, err = _deck(src, tmp_path / "out")
    assert _titles(deck)[1:] == ["First slide", "Middle", "Thank you"], _titles(deck)
    every = "\n".join(_text(s) for s in deck.slides)
    assert "name:" not in every and "goodbye" not in every and "inverse" not in every
    assert "From the part." in _text(deck.slides[2]) and "See you." in _text(deck.slides[3])
    # the same as the child's text written in the parent
    inline = re.sub(
        r"```\{r child='(\w+\.Rmd)'\}\n```\n",
        lambda mt: (tmp_path / mt.group(1)).read_text(),
        textwrap.dedent(parent),
    )
    assert "child" not in inline
    same = write_md(tmp_path, inline, "inline.Rmd")
    written, _ = _deck(same, tmp_path / "inline")
    assert [s.slide_layout.name for s in written.slides] == [s.slide_layout.name for s in deck.slides]
    assert [_text(s) for s in written.slides] == [_text(s) for s in deck.slides]


def test_child_named_by_r_code_is_read_where_its_path_can_be_told(tmp_path):
    # `child = glue::glue('{here::here()}/part.Rmd')` and the like were dropped, with only a note that a
    # hidden ('echo: false') cell was left out
    (tmp_path / "parts").mkdir()
    (tmp_path / "deck.Rproj").write_text("Version: 1.0\n")  # (where here::here() is)
    for name in ("a", "b", "c", "d", "e"):
        write_md(tmp_path / "parts", f"---\n\n# Part {name}\n\nText of {name}.\n", f"{name}.Rmd")
    src = write_md(
        tmp_path,
        """
        ---
        title: "Children by R code"
        output: xaringan::moon_reader
        ---

        # First

        ```{r child=glue::glue('{here::here()}/parts/a.Rmd')}
        ```

        ```{r, child = here::here("parts", "b.Rmd"), echo = TRUE}
        ```

        ```{r child=file.path("parts", "c.Rmd")}
        ```

        ```{r child=c("parts/d.Rmd", 'parts/e.Rmd')}
        ```

        ```{r child=params$part}
        ```

        ```{r child=here::here("parts", "gone.Rmd")}
        ```
        """,
        "main.Rmd",
    )
    deck, err = _deck(src, tmp_path / "out")
    assert _titles(deck)[1:] == ["First", "Part a", "Part b", "Part c", "Part d", "Part e"], _titles(deck)
    assert "Text of e." in _text(deck.slides[-1])
    assert "main.Rmd:20: warning: child file named by R code is not read: child = params$part" in err, err
    assert re.search(r"main\.Rmd:23: warning: child file '[^']*parts/gone\.Rmd' \(child = here::here", err), (
        err
    )
    assert "echo: false" not in err and "hidden code cell" not in err, err


def test_r_comment_in_setup_chunk_keeps_the_hand_made_title_slide(tmp_path):
    # `# a comment` in the hidden setup chunk was read as the slide's first heading: the slide was not
    # taken for the title slide (seal: false) and came out blank, its inline R left out
    src = write_md(
        tmp_path,
        """
        ---
        title: "Regional election data"
        subtitle: "A data package and a dashboard"
        author: "K. Lee"
        output:
          xaringan::moon_reader:
            seal: false
        ---

        ```{r setup, include = FALSE}
        # a comment
        library(tidyverse)
        knitr::opts_chunk$set(echo = FALSE)
        ```

        class: title-slide, left, bottom

        # `r rmarkdown::metadata$title`
        ## `r rmarkdown::metadata$subtitle`
        ### `r rmarkdown::metadata$author`

        ---

        # Overview

        ```{r}
        secret_code <- 1
        ```

        - one
        """,
        "deck.Rmd",
    )
    deck, err = _deck(src, tmp_path / "out")
    first = deck.slides[0]
    assert first.slide_layout.name == "Title Slide", first.slide_layout.name
    assert "Regional election data" in _text(first) and "A data package and a dashboard" in _text(first)
    assert "K. Lee" in _text(first)
    assert len(deck.slides) == 2 and "inline code" not in err, err
    # the setup chunk's `opts_chunk$set(echo = FALSE)` still holds for the chunks after it
    assert "secret_code" not in _text(deck.slides[1])


def test_inline_r_metadata_and_quarto_meta_show_the_front_matter(tmp_path):
    # `r rmarkdown::metadata$title` in the body was left out with a warning
    src = write_md(
        tmp_path,
        """
        ---
        title: "Regional data"
        subtitle: "Sub"
        author:
          - name: "K. Lee"
        date: "2024-05-01"
        format: revealjs
        ---

        ## About `r rmarkdown::metadata$title`

        - by `r rmarkdown::metadata$author` on `r metadata$date`
        - also {{< meta subtitle >}} and `r rmarkdown::metadata[["subtitle"]]`
        - unknown `r rmarkdown::metadata$nothing`
        """,
        "deck.qmd",
    )
    deck, err = _deck(src, tmp_path / "out")
    slide = deck.slides[1]
    assert slide.shapes.title.text == "About Regional data"
    assert "by K. Lee on 2024-05-01" in _text(slide) and "also Sub and Sub" in _text(slide)
    assert "deck.qmd:14: warning: inline code `r rmarkdown::metadata$nothing` is left out" in err, err
    assert "metadata$title" not in err and "metadata$author" not in err


def test_missing_logo_under_a_format_is_reported_at_its_own_line(tmp_path):
    # the logo's warning was at line 1 (R Markdown's output options) or at the `format:` line (Quarto)
    rmd = write_md(
        tmp_path,
        """
        ---
        title: "Logo line"
        output:
          ioslides_presentation:
            widescreen: yes
            logo: images/logo.png
        ---

        ## One

        - a
        """,
        "a.Rmd",
    )
    qmd = write_md(
        tmp_path,
        """
        ---
        title: "Logo line"
        format:
          revealjs:
            slide-number: true
            footer: "Course"
            logo: images/logo.png
        ---

        ## One

        - a
        """,
        "b.qmd",
    )
    _, err = _deck(rmd, tmp_path / "out")
    assert re.search(r"a\.Rmd:6: warning: picture 'images/logo\.png' not found", err), err
    _, err = _deck(qmd, tmp_path / "out")
    assert re.search(r"b\.qmd:7: warning: picture 'images/logo\.png' not found", err), err
