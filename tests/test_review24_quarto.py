"""What a reviewer's real Quarto revealjs decks (a twenty-fourth round) showed: a ``fragment-index`` on a
fragment holding a list built item by item (a list alone in a ``>`` quote) ignored, so the list came
before the fragments numbered before it; and the math macros a deck defines in its
``include-before-body`` file (a hidden ``$$\\newcommand…$$`` block, where MathJax reads them) not read,
so every formula that used them was shown as TeX source.  Each built as a small lecture through the
command line and read back from the PowerPoint deck (python-pptx) and the handout (pdftotext)."""

from __future__ import annotations

from .conftest import cli_deck, click_paragraphs, write_md

# --------------------------------------------------------------------------- fragment-index and lists


def test_quoted_list_in_an_indexed_fragment_comes_on_its_index_click(tmp_path):
    src = write_md(
        tmp_path,
        """
        ---
        title: Fragment order
        format: revealjs
        ---

        ## Step by step

        ::: {.fragment fragment-index=2}
        > - Response variable
        > - Explanatory variable
        :::

        ::: {.fragment fragment-index=1}
        Before
        :::
        """,
        "lecture.qmd",
    )
    prs, stderr = cli_deck(src, tmp_path / "out")
    assert click_paragraphs(prs.slides[1]) == [["Before"], ["Response variable"], ["Explanatory variable"]]
    assert "[quoted-list]" in stderr


def test_indexed_fragments_after_a_quoted_list_come_after_its_items(tmp_path):
    # the biostatistics deck's slide: four numbered fragments, the list in the last; and here one in the middle
    src = write_md(
        tmp_path,
        """
        ---
        title: Fragment order
        format: revealjs
        ---

        ## Poids et longueur

        ::: {.fragment fragment-index=3}
        Après
        :::

        ::: {.fragment fragment-index=2}
        > Les variables :

        > - Variable réponse
        > - Variable explicative
        :::

        ::: {.fragment fragment-index=1}
        Avant
        :::

        ::: {.fragment fragment-index=4}
        a est la pente
        :::
        """,
        "lecture.qmd",
    )
    prs, _ = cli_deck(src, tmp_path / "out")
    clicks = [c for c in click_paragraphs(prs.slides[1]) if c]
    assert clicks == [
        ["Avant"],
        ["Les variables :"],
        ["Variable réponse"],
        ["Variable explicative"],
        ["Après"],
        ["a est la pente"],
    ]


def test_numbered_fragments_nested_and_in_columns_with_a_quoted_list_as_the_biostatistics_slide(tmp_path):
    # slide 22 of the deck: the list (a `>` line, then items without it) in the column above, numbered 4;
    # fragment 3 inside fragment 2, in the second column below
    src = write_md(
        tmp_path,
        """
        ---
        title: Fragment order
        format: revealjs
        ---

        ## Poids et Longueur {.smaller}

        :::: {.columns}
        ::: {.column}
        Mais pas à pas !

        ::: {.fragment fragment-index=4}
        ::: medium
        >
        -   **Response variable:** Masse corporelle
        -   **Explanatory variable:** Longueur du bec
        :::
        :::
        :::
        ::::

        :::: {.columns}
        ::: {.column}
        ::: {.fragment fragment-index=1}
        #### Avant
        :::
        :::
        ::: {.column}
        ::: {.fragment fragment-index=2}
        #### Après

        ::: {.fragment fragment-index=3}
        b est la pente
        :::
        :::
        :::
        ::::
        """,
        "lecture.qmd",
    )
    prs, _ = cli_deck(src, tmp_path / "out")
    clicks = [c for c in click_paragraphs(prs.slides[1]) if c]
    assert clicks == [
        ["Avant"],
        ["Après"],
        ["b est la pente"],
        ["Response variable: Masse corporelle"],
        ["Explanatory variable: Longueur du bec"],
    ]


def test_item_by_item_list_in_an_indexed_fragment_keeps_the_order_with_unnumbered_fragments(tmp_path):
    # `::: incremental` inside a numbered fragment (no quote); a fragment without an index comes after
    # every numbered one, as reveal.js sorts them
    src = write_md(
        tmp_path,
        """
        ---
        title: Fragment order
        format: revealjs
        ---

        ## Order

        Shown from the start

        ::: fragment
        Last
        :::

        ::: {.fragment fragment-index=2}
        ::: incremental
        - One
        - Two
        :::
        :::

        ::: {.fragment fragment-index=1}
        First
        :::
        """,
        "lecture.qmd",
    )
    prs, _ = cli_deck(src, tmp_path / "out")
    clicks = [c for c in click_paragraphs(prs.slides[1]) if c]
    assert clicks == [["First"], ["One"], ["Two"], ["Last"]]
