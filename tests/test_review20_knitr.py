"""knitr as real xaringan and ioslides decks use it: a chunk hidden by the defaults a setup chunk sets
(``knitr::opts_chunk$set(echo = FALSE)``) before a slide's heading, the verbatim-chunk idiom
```` ```{r}`r ''` ```` inside a longer fence, and xaringanExtra / xaringanthemer set-up chunks that put
nothing on a slide."""

from __future__ import annotations

import subprocess

import pytest

from .conftest import cli_deck as _deck
from .conftest import deck_titles as _titles
from .conftest import run_cli, write_md
from .conftest import slide_text as _text

_SETUP = """
---
title: "Introduzione"
output: xaringan::moon_reader
---

```{r setup, include=FALSE}
knitr::opts_chunk$set(echo = FALSE)
```
"""


def _layout(slide) -> str:
    return slide.slide_layout.name


@pytest.mark.parametrize("where", ["first slide", "later slide"])
def test_xaringan_chunk_hidden_by_the_setup_defaults_keeps_the_heading_after_it_the_title(tmp_path, where):
    # the chunk hidden only by opts_chunk$set(echo = FALSE) made the slide lose its title: Blank layout,
    # "Making documents..." as a bold line of the body text
    before = "" if where == "first slide" else "# Primo\n\nTesto.\n\n---\n\n"
    text = (
        _SETUP
        + "\n"
        + before
        + "```{r packages}\nlibrary(ggplot2)\n```\n\n# Making documents...\n\nSe dovete scrivere qualcosa?\n"
    )
    src = write_md(tmp_path, text, "deck.Rmd")
    deck, err = _deck(src, tmp_path / "out")
    slide = deck.slides[-1]
    assert _titles(deck)[-1] == "Making documents...", (_titles(deck), _text(slide))
    assert _layout(slide) != "Blank"
    assert "Se dovete scrivere qualcosa?" in _text(slide)
    assert "library" not in _text(slide)  # (the chunk is still hidden)
    # the same as when the chunk says echo=FALSE itself
    own = write_md(tmp_path, text.replace("{r packages}", "{r packages, echo=FALSE}"), "own.Rmd")
    same, _ = _deck(own, tmp_path / "own")
    assert _titles(same) == _titles(deck)
    assert [_layout(s) for s in same.slides] == [_layout(s) for s in deck.slides]


def test_xaringan_setup_defaults_hidden_chunk_does_not_hide_the_slide_properties_after_it(tmp_path):
    # remark reads a slide's properties after the chunks that show nothing (knitr has run them)
    text = (
        _SETUP
        + "\n# Primo\n\nTesto.\n\n---\n\n```{r}\nlibrary(ggplot2)\n```\nclass: inverse\n\n# Parte due\n"
    )
    src = write_md(tmp_path, text, "deck.Rmd")
    deck, _ = _deck(src, tmp_path / "out")
    every = "\n".join(_text(s) for s in deck.slides)
    assert "class:" not in every and "inverse" not in every, every
    assert _titles(deck)[-1] == "Parte due"


def test_xaringan_chunk_that_shows_its_code_after_echo_false_defaults_is_shown(tmp_path):
    # a chunk's own echo=TRUE wins over the defaults, as in knitr: its code is on the slide
    text = (
        _SETUP
        + "\n# Primo\n\n```{r, echo=TRUE}\nx <- 1:5\n```\n\n---\n\n```{r}\ny <- 2\n```\n\n# Secondo\n\nTesto.\n"
    )
    src = write_md(tmp_path, text, "deck.Rmd")
    deck, _ = _deck(src, tmp_path / "out")
    assert _titles(deck)[1:] == ["Primo", "Secondo"], _titles(deck)
    assert "x <- 1:5" in _text(deck.slides[1])
    assert "y <- 2" not in _text(deck.slides[2])


@pytest.mark.parametrize("output", ["xaringan::moon_reader", "ioslides_presentation"])
@pytest.mark.parametrize("fence", ["````", "````markdown", "~~~~"])
def test_verbatim_chunk_idiom_shows_the_chunk_header_as_knitr_does(tmp_path, output, fence):
    # knitr evaluates `r ''` to nothing: ```{r, eval=TRUE}`r ''` is shown as ```{r, eval=TRUE}
    heading = "#" if output.startswith("xaringan") else "##"
    cut = "---\n\n" if output.startswith("xaringan") else ""
    close = fence.rstrip("markdown")
    text = (
        f'---\ntitle: "Chunk verbatim"\noutput: {output}\n---\n\n{heading} Body - Codice\n\n'
        f"{fence}\n```{{r, eval=TRUE}}`r ''`\nprint(1:5)\n```\n{close}\n\n"
        f"{cut}{heading} Vuoto\n\n"
        f'{fence}\n```{{r, fig.cap = "La didascalia"}}`r ""`\nknitr::include_graphics("a.png")\n```\n{close}\n'
    )
    src = write_md(tmp_path, text, "deck.Rmd")
    deck, err = _deck(src, tmp_path / "out")
    first, second = _text(deck.slides[1]), _text(deck.slides[2])
    assert "```{r, eval=TRUE}\nprint(1:5)\n```" in first, first
    assert '```{r, fig.cap = "La didascalia"}\nknitr::include_graphics("a.png")' in second, second
    assert "`r" not in first + second
    assert "inline-code" not in err, err


def test_empty_inline_r_in_the_text_is_no_inline_code_warning_but_a_chunks_code_keeps_it(tmp_path):
    text = """
        ---
        title: "Vuoto"
        output: ioslides_presentation
        ---

        ## Testo

        Prima`r ''` dopo.

        ```{r}
        cat("`r ''`")
        ```
        """
    src = write_md(tmp_path, text, "deck.Rmd")
    deck, err = _deck(src, tmp_path / "out")
    shown = _text(deck.slides[1])
    assert "Prima dopo." in shown, shown
    assert "cat(\"`r ''`\")" in shown  # (R code of a chunk: knitr reads no inline R there)
    assert "inline-code" not in err, err


def _not_rendered_lines(err: str) -> list[str]:
    return [line for line in err.splitlines() if "[not-rendered]" in line]


def test_xaringan_extra_setup_chunks_give_no_not_rendered_warning(tmp_path):
    # the tagList of xaringanExtra::use_clipboard() and an HTML dependency was warned about, the
    # use_xaringan_extra() chunk before it not; xaringanthemer's style_*() write the theme's CSS.  A
    # tagList with a visible tag in it puts something on the slide: that one is still warned about
    text = """
        ---
        title: "Análisis de datos"
        output: xaringan::moon_reader
        ---

        ```{r xaringanExtra, echo=FALSE}
        xaringanExtra::use_xaringan_extra(c("tile_view", "scribble"))
        ```

        ```{r xaringanExtra-clipboard, echo=FALSE}
        htmltools::tagList(
          xaringanExtra::use_clipboard(button_text = "Copiar código"),
          rmarkdown::html_dependency_font_awesome()
        )
        ```

        ```{r theme, echo=FALSE}
        xaringanthemer::style_mono_accent(base_color = "#1c5253")
        ```

        ```{r tabs, echo=FALSE}
        xaringanExtra::use_panelset()
        xaringanExtra::style_panelset_tabs(foreground = "honeydew")
        ```

        ```{r style, echo=FALSE}
        library(xaringanthemer)
        style_xaringan(text_color = "#000")
        ```

        ```{r shown, echo=FALSE}
        htmltools::tagList(xaringanExtra::use_clipboard(), htmltools::tags$p("Ciao"))
        ```

        # Objetivos

        - Introducir modelos
        """
    src = write_md(tmp_path, text, "deck.Rmd")
    result = run_cli("slides", src, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.stderr
    warned = _not_rendered_lines(result.stderr)
    assert len(warned) == 1 and "deck.Rmd:31:" in warned[0], result.stderr


def test_verbatim_chunk_idiom_in_the_handout(tmp_path):
    text = "---\ntitle: \"V\"\noutput: xaringan::moon_reader\n---\n\n# Codice\n\n````\n```{r}`r ''`\nx <- 1\n```\n````\n"
    src = write_md(tmp_path, text, "deck.Rmd")
    result = run_cli("all", src, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.stderr
    handout = subprocess.run(
        ["pdftotext", str(tmp_path / "out" / "deck-handout.pdf"), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "```{r}" in handout and "`r" not in handout, handout
