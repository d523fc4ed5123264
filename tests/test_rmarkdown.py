"""R Markdown slide decks for pandoc's formats (ioslides, slidy, beamer) as R Markdown means them: the
options of ``output:`` (``incremental: true``), ioslides' ``{.build}`` slides, knitr's chunk defaults
(``knitr::opts_chunk$set(echo = FALSE)``; Quarto's ``execute: echo: false``), a hidden cell whose plot
cannot be drawn said so, and inline R in the front matter."""

from __future__ import annotations

import pytest
from pptx import Presentation

from .conftest import deck_of, run_cli, write_md

_P = "{http://schemas.openxmlformats.org/presentationml/2006/main}"

IOSLIDES = """\
    ---
    title: "ANOVA"
    date: "Fall 2024 (updated `r format(Sys.Date(), '%d %B %Y')`)"
    author: "`r params$who`"
    output:
      ioslides_presentation:
        incremental: true
    ---

    ```{r setup, include=FALSE}
    knitr::opts_chunk$set(echo = FALSE, message = FALSE)
    ```

    ## Bullets

    - one
    - two

    ## Plot

    ```{r pressure}
    plot(pressure)
    ```

    ## Shown code

    ```{r, echo=TRUE}
    x <- 1
    ```

    ---

    ## Built {.build}

    - a
    - b
    """


def _clicks(slide) -> int:
    return sum(1 for c in slide.element.iter(f"{_P}cTn") if c.get("nodeType") == "clickEffect")


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    folder = tmp_path_factory.mktemp("ioslides")
    src = write_md(folder, IOSLIDES, "anova.Rmd")
    return deck_of(
        src,
        folder / "out",
    )


def _words(slide) -> str:
    return "\n".join(sh.text_frame.text for sh in slide.shapes if sh.has_text_frame)


def test_output_options_and_build_slides_are_clicks(built):
    deck, _ = built
    bullets = next(s for s in deck.slides if s.shapes.title is not None and s.shapes.title.text == "Bullets")
    assert _clicks(bullets) == 2  # incremental: true under ioslides_presentation
    built_slide = next(
        s for s in deck.slides if s.shapes.title is not None and s.shapes.title.text == "Built"
    )
    assert _clicks(built_slide) == 2  # (incremental: true: the list of the .build slide item by item)


def test_knitr_chunk_defaults_hide_code_and_a_lost_plot_is_said(built):
    deck, diags = built
    words = "\n".join(_words(s) for s in deck.slides)
    assert "plot(pressure)" not in words  # echo = FALSE from the setup chunk
    assert "x <- 1" in words  # a chunk's own echo=TRUE wins
    (lost,) = [d for d in diags.items if d.code == "not-rendered"]
    assert lost.pos.line == 21


def test_inline_r_in_the_front_matter(built):
    deck, diags = built
    subtitle = _words(deck.slides[0])
    assert "`r" not in subtitle and "Sys.Date" not in subtitle and "params" not in subtitle
    assert "Fall 2024 (updated " in subtitle
    warned = [d for d in diags.items if d.code == "inline-code"]
    assert [d.pos.line for d in warned] == [4]  # author: R's params, left out; the date is today


def test_quarto_execute_echo_false(tmp_path):
    src = write_md(
        tmp_path,
        "---\ntitle: Q\nexecute:\n  echo: false\n---\n\n## A\n\n```{python}\nx = 1\n```\n\ntext\n",
        "q.qmd",
    )
    deck, diags = deck_of(src, tmp_path / "out")
    assert "x = 1" not in "\n".join(_words(s) for s in deck.slides)
    assert not [d for d in diags.items if d.code == "unused-key"]


def test_build_class_alone_makes_that_slide_build(tmp_path):
    src = write_md(
        tmp_path,
        "---\ntitle: B\noutput: ioslides_presentation\n---\n\n## B {.build}\n\n- a\n- b\n\n## C\n\n- c\n- d\n",
        "b.Rmd",
    )
    deck, _ = deck_of(src, tmp_path / "out")
    b, c = list(deck.slides)[1:]
    assert (_clicks(b), _clicks(c)) == (1, 0)  # (each block of a .build slide on a click: one list)


def test_ioslides_two_flowing_columns(tmp_path):
    src = write_md(
        tmp_path,
        '---\ntitle: C\noutput: ioslides_presentation\n---\n\n## Parts\n\n<div class="columns-2">\n'
        "**Between groups**\n\n- far from the grand mean\n\n**Within groups**\n\n- far from its own mean\n</div>\n",
        "c.Rmd",
    )
    deck, diags = deck_of(src, tmp_path / "out")
    slide = list(deck.slides)[1]
    boxes = sorted(
        (sh for sh in slide.shapes if sh.has_text_frame and "groups" in sh.text_frame.text),
        key=lambda s: s.left,
    )
    assert [b.text_frame.text.split("\n")[0] for b in boxes] == ["Between groups", "Within groups"]
    assert boxes[0].left + boxes[0].width <= boxes[1].left and abs(boxes[0].top - boxes[1].top) < 100000
    assert not [d for d in diags.items if d.severity == "warning"], [d.message for d in diags.items]


def test_a_chunk_that_shows_opts_chunk_sets_no_defaults(tmp_path):
    src = write_md(
        tmp_path,
        "---\ntitle: K\n---\n\n## How\n\n```{r, eval=FALSE}\nknitr::opts_chunk$set(echo = FALSE)\n```\n\n"
        "## Then\n\n```{r}\nfit <- lm(y ~ x)\n```\n",
        "k.Rmd",
    )
    deck, _ = deck_of(src, tmp_path / "out")
    assert "fit <- lm(y ~ x)" in "\n".join(_words(s) for s in deck.slides)


def test_an_option_commented_out_in_opts_chunk_is_not_set(tmp_path):
    src = write_md(
        tmp_path,
        '---\ntitle: K\n---\n\n```{r setup, include=FALSE}\nknitr::opts_chunk$set(\n  fig.align="center",\n'
        "  cache=F#, echo=F, warning=F\n  comment = '#>'\n  )\n```\n\n## Where\n\n```{bash}\npwd\n```\n",
        "k.Rmd",
    )
    deck, diags = deck_of(src, tmp_path / "out")
    assert "pwd" in "\n".join(_words(s) for s in deck.slides)
    assert not any("hidden code cell" in d.message for d in diags.items)


@pytest.mark.parametrize(
    ("code", "options", "shown"),
    [
        ("plot(pressure)", {}, True),
        ("x |> head()\nsummary(x)", {}, True),
        ("p <- ggplot(d, aes(x, y)) + geom_point()", {}, False),  # assigned: nothing shown
        ("p <- d |>\n  ggplot() +\n  geom_point()", {}, False),  # (a line going on the assignment)
        ("plot(x)", {"eval": "FALSE"}, False),
        ("print(n)", {"results": "'hide'"}, False),
        ("hist(x)", {"fig.show": "'hide'"}, False),
        ("library(ggplot2)", {}, False),
        ("pop %>%\n  ggplot(aes(x)) +\n  geom_point()", {}, True),  # a pipe into a plot
        ("for (h in c('a', 'b')) cat('-', h)", {}, True),  # printed in a loop
        ("fit <- lm(y ~ x)\nfit", {}, True),  # a value left standing is printed
        ("set.seed(1)\nn <- 100\nknitr::opts_chunk$set(echo = FALSE)", {}, False),
        ("import numpy as np\ndef f(x):\n    return x", {}, False),
    ],
)
def test_which_hidden_chunks_would_show_something(code, options, shown):
    from podium import quarto

    assert quarto.hidden_output(code, options) is shown


def test_an_ioslides_heading_of_class_columns_2_flows_its_slide_into_two_columns(tmp_path):
    from PIL import Image

    Image.new("RGB", (300, 300), "#88aacc").save(tmp_path / "img.png")
    src = write_md(
        tmp_path,
        '---\ntitle: "Cols"\noutput: ioslides_presentation\n---\n\n## The central dogma {.columns-2}\n'
        "![The dogma.](img.png)\n\n- Formulated by Francis Crick in 1956\n- **DNA makes RNA and RNA makes protein**\n",
        "cols.Rmd",
    )
    deck, _ = deck_of(src, tmp_path / "out")
    slide = list(deck.slides)[1]
    (picture,) = [s for s in slide.shapes if s.shape_type == 13]
    (words,) = [s for s in slide.shapes if s.has_text_frame and "Crick" in s.text_frame.text]
    assert picture.left + picture.width <= words.left  # side by side, the picture on the left
    assert words.top < picture.top + picture.height


def test_knitr_child_documents_are_read_in_their_place(tmp_path):
    (tmp_path / "setup.Rmd").write_text(
        "```{r setup, include=FALSE}\nlibrary(tidyverse)\n```\n", encoding="utf-8"
    )
    (tmp_path / "shared.Rmd").write_text(
        "---\ntitle: x\n---\n\n# Shared slide\n\n- from the child\n", encoding="utf-8"
    )
    src = write_md(
        tmp_path,
        '---\ntitle: "Parent"\noutput: xaringan::moon_reader\n---\n\n```{r child = "setup.Rmd"}\n```\n\n'
        '# Intro\n\nHello\n\n---\n\n```{r, child="shared.Rmd"}\n```\n\n---\n\n# End\n\n```{r child = "missing.Rmd"}\n```\n',
        "p.Rmd",
    )
    deck, diags = deck_of(src, tmp_path / "out")
    titles = [s.shapes.title.text for s in deck.slides]
    assert titles == ["Parent", "Intro", "Shared slide", "End"]
    assert "from the child" in _words(list(deck.slides)[2])
    (missing,) = [d for d in diags.items if d.code == "missing-file"]
    assert "missing.Rmd" in missing.message and missing.pos.line == 22


def test_a_child_document_outside_the_lectures_folder_is_refused(tmp_path):
    (tmp_path / "secret.Rmd").write_text("# Secret slide\n\n- do not read\n", encoding="utf-8")
    lecture_dir = tmp_path / "lecture"
    lecture_dir.mkdir()
    src = write_md(
        lecture_dir, '---\ntitle: "P"\n---\n\n## A\n\n```{r child = "../secret.Rmd"}\n```\n', "p.Rmd"
    )
    deck, diags = deck_of(src, tmp_path / "out")
    assert "do not read" not in " ".join(_words(s) for s in deck.slides)
    assert any(d.code == "outside-project" and d.pos.line == 7 for d in diags.items)


def test_hidden_knitr_cells_show_their_picture_link_their_page_and_say_their_table(tmp_path):
    # knitr::kable, include_graphics(here::here(…)) and include_url in hidden cells all showed nothing,
    # with one general note: every `knitr::` call was taken for one that shows nothing
    from PIL import Image

    (tmp_path / "images").mkdir()
    Image.new("RGB", (300, 200), "#4477aa").save(tmp_path / "images" / "diagram.png")
    src = tmp_path / "cells.Rmd"
    src.write_text(
        '---\ntitle: "Hidden cells"\noutput: beamer_presentation\n---\n\n## A table\n\nWidths:\n\n'
        "```{r echo=FALSE}\nknitr::kable(matrix(c(0.2, 1.3, 1.8, 2.3), ncol = 2))\n```\n\n"
        '## A figure\n\n```{r echo=FALSE, fig.alt="A diagram"}\n'
        'knitr::include_graphics(here::here("images", "diagram.png"))\n```\n\n'
        '## A web page\n\n```{r echo=FALSE}\nknitr::include_url("https://www.tidytextmining.com/")\n```\n'
    )
    result = run_cli("slides", src, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.stderr
    assert "cells.Rmd:10: warning: this hidden code cell's output" in result.stderr  # (the table's)
    assert "cells.Rmd:22: warning: the web page 'https://www.tidytextmining.com/'" in result.stderr
    prs = Presentation(str(tmp_path / "out" / "cells.pptx"))
    figure, page = prs.slides[2], prs.slides[3]
    assert any(sh.shape_type == 13 for sh in figure.shapes)  # (the picture here::here names)
    assert any(
        sh.has_text_frame and "https://www.tidytextmining.com/" in sh.text_frame.text for sh in page.shapes
    )
