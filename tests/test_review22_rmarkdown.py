"""R Markdown decks as knitr, pandoc and remark read them (review 22): xaringan headings without a space
after their ``#`` (remark's marked 0.3.1 reads them as headings; pandoc does not); knitr's inline R right
after a code span, and inside ``$ … $`` math with a ``$`` in its code (knitr reads it before Markdown);
a ``ref.label`` chunk's output warned about; R Markdown's ``\\[ … \\]`` and ``\\( … \\)`` math (rmarkdown's
``tex_math_single_backslash``).  Read back from the deck (python-pptx) and the command line's messages."""

from __future__ import annotations

import textwrap

from pptx import Presentation

from .conftest import deck_titles, paragraph_texts, run_cli, write_md

XARINGAN = """\
    ---
    title: "Sonidos"
    output: xaringan::moon_reader
    ---
    """

BEAMER = """\
    ---
    title: "Bayes"
    output: beamer_presentation
    ---
    """


def _build(tmp_path, front: str, text: str, name: str = "lecture.Rmd"):
    src = write_md(tmp_path, textwrap.dedent(front) + textwrap.dedent(text), name)
    result = run_cli("slides", src, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.stderr
    return Presentation(str(tmp_path / "out" / (src.stem + ".pptx"))), result.stderr


def _math_xml(slide) -> str:
    """The Office math of ``slide``'s text, as XML (its inline and display formulas)."""
    return slide._element.xml


def test_xaringan_headings_without_a_space_are_headings_as_remark_reads_them(tmp_path):
    deck, err = _build(
        tmp_path,
        XARINGAN,
        """\

        class: center, middle
        ##`¿Qué es sonificar?`

        ---

        #Resumen

        - uno
        - dos

        ---

        ###Detalles

        Texto con un #hashtag.

        ```{r}
        #comentario
        x <- 1
        ```
        """,
    )
    titles = deck_titles(deck)
    assert titles[1:] == ["¿Qué es sonificar?", "Resumen", "Detalles"]
    assert deck.slides[1].slide_layout.name == "Section Header"
    assert "is not a heading" not in err
    body = "\n".join(t for s in deck.slides for t in paragraph_texts(s))
    assert "##" not in body and "#Resumen" not in body
    assert "#comentario" in body  # (code is no heading)
    # pandoc's Markdown (R Markdown's other formats) keeps its rule: a heading needs the space
    other, said = _build(
        tmp_path,
        """\
        ---
        title: "Plain"
        output: ioslides_presentation
        ---
        """,
        """\

        ## Slide

        #Resumen
        """,
        "plain.Rmd",
    )
    assert "'#Resumen' is not a heading" in said
    assert "#Resumen" in "\n".join(paragraph_texts(other.slides[1]))


def test_inline_r_right_after_a_code_span_is_left_out_and_reported(tmp_path):
    deck, err = _build(
        tmp_path,
        XARINGAN,
        """\

        # Paquetes

        La función `sonify()``r emo::ji("headphones")` convierte datos en sonido.

        ---

        ##`¿Cómo usar sonify()?``r emo::ji("woman")`

        Aquí `r 1 + 1` funciona.
        """,
    )
    words = "\n".join(t for s in deck.slides for t in paragraph_texts(s))
    assert "emo::ji" not in words and "``" not in words
    assert "sonify() convierte datos" in words
    assert "¿Cómo usar sonify()?" in deck_titles(deck)
    assert 'inline code `r emo::ji("headphones")` is left out' in err
    assert "(and 2 more inline code expressions)" in err
    assert "lecture.Rmd:8:" in err


def test_inline_r_holding_a_dollar_inside_math_keeps_the_formula_whole(tmp_path):
    deck, err = _build(
        tmp_path,
        """\
        ---
        title: "Variance"
        output: revealjs::revealjs_presentation
        ---
        """,
        """\

        ## Constant error variance

        Since $p = `r round(ncvTest(lm1)$p, digits = 4)`$ we reject the null hypothesis.
        """,
    )
    slide = deck.slides[1]
    words = "\n".join(paragraph_texts(slide))
    assert "`$" not in words and "p, digits" not in words
    assert "we reject the null hypothesis" in words
    xml = _math_xml(slide)
    assert "oMath" in xml and "ncvTest" in xml  # (the formula, with the code shown in it)
    assert "inline code `r round(ncvTest(lm1)$p, digits = 4)` inside math is shown as its code" in err
    assert "lecture.Rmd:8:" in err


def test_a_dollar_in_inline_r_outside_math_opens_no_math(tmp_path):
    deck, err = _build(
        tmp_path,
        """\
        ---
        title: "Money"
        output: ioslides_presentation
        ---
        """,
        """\

        ## Prices

        It costs $5 and `r fit$coef` more.
        """,
    )
    words = "\n".join(paragraph_texts(deck.slides[1]))
    assert "It costs $5 and" in words and "more." in words
    assert "oMath" not in _math_xml(deck.slides[1])
    assert "inline code `r fit$coef` is left out" in err


def test_a_hidden_ref_label_chunk_that_draws_a_plot_is_warned_about(tmp_path):
    deck, err = _build(
        tmp_path,
        XARINGAN,
        """\

        # QQ-Plot

        .pull-left[
        ```{r qq, eval=FALSE}
        qqnorm(rnorm(200))
        ```
        ]
        .pull-right[
        ```{r qq-out, ref.label="qq", echo=FALSE}
        ```
        ]

        ---

        # Later

        ```{r ref.label = c('qq', 'nowhere'), echo = FALSE}
        ```
        """,
    )
    assert "lecture.Rmd:14: warning: this hidden code cell runs the code of chunk 'qq' (ref.label)" in err
    assert "[not-rendered]" in err
    assert "runs the code of chunks 'qq', 'nowhere' (ref.label) (chunks not found in this file)" in err


def test_a_shown_ref_label_chunk_shows_the_code_it_reuses(tmp_path):
    deck, err = _build(
        tmp_path,
        """\
        ---
        title: "Reuse"
        output: ioslides_presentation
        ---
        """,
        """\

        ## Plot

        ```{r scatter, echo=FALSE}
        plot(cars)
        ```

        ## The code

        ```{r ref.label="scatter", eval=FALSE}
        ```
        """,
    )
    assert "plot(cars)" in "\n".join(paragraph_texts(deck.slides[2]))


def test_rmarkdown_backslash_brackets_are_math(tmp_path):
    deck, err = _build(
        tmp_path,
        BEAMER,
        """\

        ## Ausblick: Bayes-Statistik

        - Mit Hilfe des **Satz von Bayes**:
        \\[
        P(H\\,|\\,\\delta^*)=\\frac{P(\\delta^*\\,|\\,H)\\cdot P(H)}{P(\\delta^*)}
        \\]
        ist das möglich.

        ## Inline

        - Die Likelihood \\(P(\\delta^*\\,|\\,H)\\) ist bekannt, \\(x\\) auch.
        """,
    )
    assert "raw TeX" not in err
    for slide in list(deck.slides)[1:3]:
        words = "\n".join(paragraph_texts(slide))
        assert "[" not in words and "(P(" not in words and ",|," not in words
        assert "oMath" in _math_xml(slide)
    assert "ist das möglich." in "\n".join(paragraph_texts(deck.slides[1]))
    assert "ist bekannt, " in "\n".join(paragraph_texts(deck.slides[2]))
    # a format's md_extensions may turn pandoc's extension off; xaringan's remark never reads it
    off = """\
        ---
        title: "Off"
        output:
          ioslides_presentation:
            md_extensions: "-tex_math_single_backslash"
        ---
        """
    for front, name in ((off, "off.Rmd"), (XARINGAN, "remark.Rmd")):
        other, _ = _build(tmp_path, front, "\n# Slide\n\nBrackets \\[1\\] stay.\n", name)
        assert "Brackets [1] stay." in "\n".join(paragraph_texts(other.slides[1]))
