"""Quarto revealjs decks, as pandoc and Quarto show them: an HTML fragment ``<div>`` written right under a
list item (or indented as far as its text) is the item's, so a list in it is a sub-list that comes on a
click; knitr's ``{scss}`` and ``{sass}`` cells style the page, and with ``echo: false`` show nothing."""

from __future__ import annotations

import subprocess

from .conftest import click_paragraphs, run_cli, write_md


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
    from pptx import Presentation

    src = write_md(tmp_path, text, name)
    out = tmp_path / "out"
    result = run_cli("all", src, "-o", out)
    assert result.exit_code == 0, result.stderr
    handout = subprocess.run(
        ["pdftotext", "-layout", str(out / f"{src.stem}-handout.pdf"), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return Presentation(str(out / f"{src.stem}.pptx")), handout, result.stderr


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
