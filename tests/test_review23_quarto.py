"""Quarto revealjs decks, as pandoc and Quarto show them: an HTML fragment ``<div>`` written right under a
list item (or indented as far as its text) is the item's, so a list in it is a sub-list that comes on a
click; knitr's ``{scss}`` and ``{sass}`` cells style the page, and with ``echo: false`` show nothing."""

from __future__ import annotations

from .conftest import built_all, click_paragraphs, write_md


def _levels(slide) -> list[tuple[int, str]]:
    """The body's paragraphs of ``slide``: (level, words), the title's left out."""
    title = slide.shapes.title
    return [
        (p.level, p.text.strip())
        for sh in slide.shapes
        if sh.has_text_frame and sh != title and not sh.name.startswith(("Footer", "Slide Number"))
        for p in sh.text_frame.paragraphs
        if p.text.strip()
    ]


def _built(tmp_path, text: str, name: str = "lecture.qmd"):
    """(the deck, the handout's text, the messages) of ``text`` built with ``all``."""
    return built_all(write_md(tmp_path, text, name))


def test_fragment_div_right_under_a_list_item_holds_a_sub_list_of_that_item(tmp_path):
    # the sub-list was moved up to the list's own level (0, 0, 0), after the list
    deck, handout, err = _built(
        tmp_path,
        """\
        ---
        title: "Independence"
        format: revealjs
        ---

        ## Independence

        - Covariance is bilinear
        - Independence implies uncorrelated
        <div class="fragment" markdown="1">
          - E.g., a uniform point on four corners
        </div>
        - Correlation is scaled
        """,
    )
    assert _levels(deck.slides[1]) == [
        (0, "Covariance is bilinear"),
        (0, "Independence implies uncorrelated"),
        (1, "E.g., a uniform point on four corners"),
        (0, "Correlation is scaled"),
    ]
    clicks = click_paragraphs(deck.slides[1])
    assert ["E.g., a uniform point on four corners"] in clicks, clicks
    # the handout nests it too: the sub-item is indented further than its item
    lines = handout.splitlines()
    item = next(ln for ln in lines if "Independence implies" in ln)
    sub = next(ln for ln in lines if "E.g., a uniform point" in ln)
    assert len(sub) - len(sub.lstrip()) > len(item) - len(item.lstrip()), handout
    assert "warning" not in err, err


def test_fragment_div_indented_or_after_a_blank_line_in_an_item_stays_in_it(tmp_path):
    # an indented tag (under an item, or after a blank line as far in as the item's text) is the item's too,
    # with the lines of its div that go on at the left margin; one further left after a blank line is not
    deck, _, err = _built(
        tmp_path,
        """\
        ---
        title: "Nesting"
        format: revealjs
        ---

        ## Indented

        1. First
        2. Second
           <div class="fragment">
               - deeper point
           </div>
        3. Third

        ## After a blank line

        - One

          <div class="fragment">
          - inside one
          </div>
        - Two
        <div class="fragment">
        lazy words of two
        </div>

        ## Not in the list

        - Alone

        <div class="fragment">
        - a list of its own
        </div>
        """,
    )
    assert _levels(deck.slides[1]) == [(0, "First"), (0, "Second"), (1, "deeper point"), (0, "Third")]
    assert _levels(deck.slides[2])[:3] == [(0, "One"), (1, "inside one"), (0, "Two")]
    assert "lazy words of two" in [t for _, t in _levels(deck.slides[2])]
    assert _levels(deck.slides[3]) == [(0, "Alone"), (0, "a list of its own")]
    assert "warning" not in err, err


def test_hidden_scss_cell_shows_nothing_and_its_heading_stays_a_section_slide(tmp_path):
    # the cell was shown as code with its `#| echo: false` line, on a content slide
    deck, handout, err = _built(
        tmp_path,
        """\
        ---
        title: "Styled"
        format: revealjs
        ---

        # Overview

        ```{r}
        #| include: false
        x <- 1
        ```

        ```{scss}
        #| echo: false
        .reveal h2 { color: #005e73; }
        ```

        ```{sass, echo=FALSE}
        .reveal h3
          color: red
        ```

        ## Next slide

        - Text

        ```{scss}
        #| echo: true
        .shown { color: blue; }
        ```
        """,
    )
    overview = deck.slides[1]
    assert overview.slide_layout.name == "Section Header"
    assert [sh.text_frame.text for sh in overview.shapes if sh.has_text_frame][0] == "Overview"
    words = " ".join(sh.text_frame.text for s in deck.slides for sh in s.shapes if sh.has_text_frame)
    assert "echo" not in words and "#005e73" not in words and "color: red" not in words, words
    assert ".shown { color: blue; }" in words  # (shown where the lecture asks for its code)
    assert "#005e73" not in handout and "echo" not in handout
    assert "3 hidden one(s) (1 'include: false', 2 'echo: false')" in err, err
    assert "hidden code cell's output" not in err, err


def _table_rows(slide) -> list[list[str]]:
    """The words of each cell of ``slide``'s one table, row by row."""
    table = next(sh.table for sh in slide.shapes if sh.has_table)
    return [[cell.text for cell in row.cells] for row in table.rows]


def test_pipe_table_whose_header_has_fewer_cells_than_its_delimiter_row_is_a_table(tmp_path):
    # it was shown as one paragraph of pipes and dashes, with a warning that it was no table
    deck, handout, err = _built(
        tmp_path,
        """\
        ---
        title: "Pay gap"
        format: revealjs
        ---

        ## Pay gap

        |  | Women | Men |
        |:------|:------:|:------:|:------:|
        | Non-management: |  3,163.30 (87)  |    3,015.18 (59)   |
        | Management: |  5,592.44 (13) |   5,319.82 (41)   |

        ## Again, on a click

        ::: {.fragment .fade-in}
        Women | Men
        ---|---|---
        3,163.30 | 3,015.18
        :::
        """,
    )
    assert _table_rows(deck.slides[1]) == [
        ["", "Women", "Men", ""],
        ["Non-management:", "3,163.30 (87)", "3,015.18 (59)", ""],
        ["Management:", "5,592.44 (13)", "5,319.82 (41)", ""],
    ]
    assert _table_rows(deck.slides[2]) == [["Women", "Men", ""], ["3,163.30", "3,015.18", ""]]
    assert "|:------" not in handout and "| Women" not in handout, handout
    assert "5,592.44 (13)" in handout and "Women" in handout
    assert "[table]" not in err, err


def test_pipe_table_cells_past_the_delimiter_rows_columns_are_left_out_with_a_warning(tmp_path):
    # a header with more cells than the delimiter row was no table; a row's extra cells went without a word
    deck, _, err = _built(
        tmp_path,
        """\
        ---
        title: "Extra cells"
        ---

        ## Extra

        | Term | Meaning | Note |
        |------|---------|
        | a | first | kept out |
        | b | second |  |
        """,
        "lecture.md",
    )
    assert _table_rows(deck.slides[1]) == [["Term", "Meaning"], ["a", "first"], ["b", "second"]]
    assert (
        "lecture.md:7: warning: this table row has more cells than the table has columns (2, the cells of "
        "its delimiter row |---|): 'Note' is left out, as pandoc leaves it out; add a column to the "
        "delimiter row to show it [table]"
    ) in err, err
    assert "lecture.md:9: warning: this table row has more cells than the table has columns (2" in err, err
    assert "'kept out' is left out" in err
    assert "lecture.md:10:" not in err, err  # (an empty cell past the last column loses nothing)


def test_marp_deck_keeps_markdown_its_rule_for_a_header_of_fewer_cells(tmp_path):
    # Marp reads Markdown with markdown-it, whose tables want a header cell per column: no table there; a
    # row's cells past the header's are left out there too, which went without a word
    deck, _, err = _built(
        tmp_path,
        """\
        ---
        marp: true
        ---

        # Short header

        | a | b |
        |---|---|---|
        | 1 | 2 | 3 |

        ---

        # Long row

        | a | b |
        |---|---|
        | 1 | 2 | 3 |
        """,
        "deck.md",
    )
    assert not any(sh.has_table for sh in deck.slides[0].shapes)
    assert (
        "deck.md:7: warning: this looks like a table but is not read as one: its header has 2 cells but "
        in err
    )
    assert _table_rows(deck.slides[1]) == [["a", "b"], ["1", "2"]]
    assert "deck.md:17: warning: this table row has more cells than the table has columns (2" in err, err
