"""Review 23's R Markdown decks (xaringan, beamer with bookdown): R Markdown's ``!expr`` front matter
values, read through the command line as a lecturer builds them."""

from __future__ import annotations

import re
import subprocess

from .conftest import cli_deck, click_paragraphs, deck_titles, paragraph_texts, run_cli, write_md


def _handout_text(out, stem: str) -> str:
    return subprocess.run(
        ["pdftotext", str(out / f"{stem}-handout.pdf"), "-"], capture_output=True, text=True, check=True
    ).stdout


def test_expr_values_in_the_front_matter_do_not_stop_the_build(tmp_path):
    src = write_md(
        tmp_path,
        """\
        ---
        title: "Aula 3"
        subtitle: !expr params$curso
        author: !expr paste("Ana", "Lima")
        date: !expr format(Sys.Date(), "%Y")
        params:
          curso: Estatística
          topic_dir: !expr setwd('.')
        output:
          beamer_presentation:
            incremental: !expr TRUE
            pandoc_args: !expr rmarkdown:::pandoc_lua_filters("latex-div.lua")
          revealjs::revealjs_presentation:
            css: !expr here::here("dependencies/slides_rmd.css")
        ---

        ## 第一页

        - um
        - dois
        """,
        "aula.Rmd",
    )
    result = run_cli("all", src, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.stderr
    deck, _ = cli_deck(src, tmp_path / "out2")
    cover = paragraph_texts(deck.slides[0])
    assert "Aula 3" in cover and "Estatística" in cover  # (params$curso: the front matter's value)
    assert any(t.isdigit() and len(t) == 4 for t in cover)  # (Sys.Date(): this year)
    assert not any("paste" in t or "expr" in t for t in cover)
    assert "第一页" in deck_titles(deck)
    # (incremental: !expr TRUE is R's TRUE: the list comes item by item)
    assert click_paragraphs(deck.slides[1]) == [["um"], ["dois"]]
    warned = [line for line in result.stderr.splitlines() if "[r-code]" in line]
    assert len(warned) == 1 and "aula.Rmd:4: warning:" in warned[0], result.stderr  # (the author)
    assert "error" not in result.stderr and "unused-key" not in result.stderr
    assert "Aula 3" in _handout_text(tmp_path / "out", "aula")


def _png(path) -> None:
    from PIL import Image

    Image.new("RGB", (40, 30), (200, 60, 60)).save(path)


def _pictures(slide) -> int:
    return sum(1 for sh in slide.shapes if sh.shape_type == 13)  # (MSO_SHAPE_TYPE.PICTURE)


def test_xaringan_background_on_a_slide_of_only_its_title_stays_on_that_slide(tmp_path):
    _png(tmp_path / "bg.png")
    _png(tmp_path / "bg2.png")
    src = write_md(
        tmp_path,
        """\
        ---
        title: "Aula"
        output: xaringan::moon_reader
        ---

        background-image: url("bg.png")
        background-size: cover
        class: center, inverse

        # Vamos lá!

        ---

        # Instalando

        - texto do slide seguinte

        ---
        background-image: url(bg2.png)

        ## Sem classe

        ---

        # Último

        texto
        """,
        "aula.Rmd",
    )
    deck, stderr = cli_deck(src, tmp_path / "out")
    slides = list(deck.slides)[1:]
    assert deck_titles(deck)[1:] == ["Vamos lá!", "Instalando", "Sem classe", "Último"]
    assert [_pictures(s) for s in slides] == [1, 0, 1, 0]  # (each picture on its own slide)
    assert "aula.Rmd:6: warning: background-image 'bg.png' is shown as a picture on the slide" in stderr


def test_xaringan_rule_with_a_trailing_space_over_a_heading_leaves_it_the_title(tmp_path):
    src = write_md(
        tmp_path,
        "---\ntitle: R\noutput: xaringan::moon_reader\n---\n\n# Primeiro\n\ntexto\n\n---\n\n"
        "--- \n# R e Markdown\n\n- item\n\n---\n\n***\n\n## Outro\n\ntexto\n",
        "aula.Rmd",
    )
    deck, _ = cli_deck(src, tmp_path / "out")
    assert deck_titles(deck)[1:] == ["Primeiro", "R e Markdown", "Outro"]
    third = list(deck.slides)[2]
    assert paragraph_texts(third)[:2] == ["R e Markdown", "item"]
    assert third.slide_layout.name != "Blank"


def test_fenced_div_whose_quoted_attribute_holds_braces_is_a_div(tmp_path):
    src = write_md(
        tmp_path,
        """\
        ---
        title: "块"
        output: beamer_presentation
        ---

        ## 自定义的块

        ::: {.exampleblock data-latex="{提示}"}
        请读者注意
        :::

        . . .

        ::: {.alertblock data-latex="{Warning}" title='it is "}"'}
        Careful
        :::

        ::: {.infobox data-latex="x}"}
        plain words
        :::
        """,
        "blocks.Rmd",
    )
    result = run_cli("all", src, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.stderr
    deck, _ = cli_deck(src, tmp_path / "out2")
    words = paragraph_texts(list(deck.slides)[1])
    assert not any(":::" in w or "data-latex" in w for w in words), words
    # (an example block titled as bookdown's LaTeX argument says; a title= wins over it)
    pairs = list(zip(words, words[1:]))
    assert ("提示", "请读者注意") in pairs and ("it is “}”", "Careful") in pairs and "plain words" in words
    assert click_paragraphs(list(deck.slides)[1])[0][0] == "it is “}”"  # (. . . between the blocks)
    handout = _handout_text(tmp_path / "out", "blocks")
    assert "请读者注意" in handout and ":::" not in handout


def test_bookdown_labels_and_references_are_numbered(tmp_path):
    _png(tmp_path / "bg.png")
    src = write_md(
        tmp_path,
        r"""
        ---
        title: "BD"
        output:
          bookdown::pdf_book:
            base_format: rmarkdown::beamer_presentation
        ---

        ## Intro {#intro}

        见表 \@ref(tab:insert-tab)，图 \@ref(fig:pic)、图\@ref(fig:plot)，式 \@ref(eq:binom)，见 \@ref(intro)。

        ## Plot

        ```{r plot, fig.cap="A plot", echo=FALSE}
        plot(1:10)
        ```

        ## Picture

        ![(\#fig:pic) 默认图片^[脚注]](bg.png){width=50%}

        ## Math

        \begin{equation}
        f(k) = \binom{n}{k} p^k
        (\#eq:binom)
        \end{equation}

        ## 表格

        Table: (\#tab:insert-tab) 表格标题

        | First Header | Second Header |
        | :----------- | :------------ |
        | Content Cell | Content Cell  |

        Unknown: \@ref(fig:none).
        """,
        "bd.Rmd",
    )
    result = run_cli("all", src, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.stderr
    deck, stderr = cli_deck(src, tmp_path / "out2")
    intro = paragraph_texts(list(deck.slides)[1])
    # (the number alone, as bookdown prints it: the figure of the chunk named `plot` is Figure 1; an
    # equation's in parentheses; a heading's label: its words)
    assert "见表 1，图 2、图1，式 (1)，见 Intro。" in intro, intro
    words = "\n".join(t for s in deck.slides for t in paragraph_texts(s))
    assert "Figure 2: 默认图片" in words and "Table 1: 表格标题" in words
    assert "(#" not in words and "#tab" not in words and "#fig" not in words
    math = list(deck.slides)[4]._element.xml
    typeset = "".join(re.findall(r"<m:t>([^<]*)</m:t>", math))  # (the equation as Office math)
    assert "(1)" in typeset and "#" not in typeset and "eq" not in typeset and "#eq" not in math
    assert "citation" not in stderr
    (unknown,) = [line for line in stderr.splitlines() if "[cross-reference]" in line]
    assert "bd.Rmd:37: warning: cross-reference '\\@ref(fig:none)'" in unknown
    handout = _handout_text(tmp_path / "out", "bd")
    assert "Table 1: 表格标题" in handout and "见表 1" in handout
