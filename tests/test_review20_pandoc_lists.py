"""Twentieth review, pandoc and R Markdown decks: list items written under a quoted list's line without
``>`` (``> - item`` then ``    - sub``) are items of the quoted list, as pandoc reads them, not its text;
a change of bullet goes on with the list; the front matter's title, subtitle, author and date are
typeset as the body is (pandoc's ``smart``; none in a Marp deck)."""

from __future__ import annotations

import subprocess
from pathlib import Path

from pptx import Presentation

from .conftest import click_paragraphs, paragraph_texts, run_cli, write_md


def _built(tmp_path: Path, text: str, name: str = "lecture.Rmd"):
    src = write_md(tmp_path, text, name)
    result = run_cli("all", src, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.stderr
    stem = Path(name).stem
    deck = Presentation(str(tmp_path / "out" / f"{stem}.pptx"))
    handout = subprocess.run(
        ["pdftotext", str(tmp_path / "out" / f"{stem}-handout.pdf"), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return deck, handout, result.stderr


def _body(slide) -> list[tuple[int, str]]:
    return [(p.level, p.text) for p in slide.placeholders[1].text_frame.paragraphs if p.text.strip()]


def test_indented_items_under_a_quoted_list_are_its_items(tmp_path):
    deck, handout, said = _built(
        tmp_path,
        """
        ---
        title: Lazy list items in a quote
        output: ioslides_presentation
        ---

        ## Limitations

        > - The fitting algorithm
            - convergence
            - autocorrelation
        > - Biology
        """,
    )
    # pandoc: BlockQuote [BulletList [[The fitting algorithm], [convergence], [autocorrelation], [Biology]]]
    assert _body(deck.slides[1]) == [
        (0, "The fitting algorithm"),
        (0, "convergence"),
        (0, "autocorrelation"),
        (0, "Biology"),
    ]
    # a quoted list is shown item by item (pandoc's rule), each of the four on its own click
    assert click_paragraphs(deck.slides[1]) == [
        ["The fitting algorithm"],
        ["convergence"],
        ["autocorrelation"],
        ["Biology"],
    ]
    assert "- convergence" not in handout and "algorithm - " not in handout
    assert "lecture.Rmd:8: note:" in said and "[lazy-quote]" in said
    # a Marp deck is read as markdown-it reads it (CommonMark): the indented line is the item's text
    (tmp_path / "marp").mkdir()
    marp, _, said = _built(
        tmp_path / "marp",
        """
        ---
        marp: true
        ---

        # Marp

        > - one
            - two
        """,
        "lecture.md",
    )
    assert "one\v- two" in paragraph_texts(marp.slides[0]) and "[lazy-quote]" not in said


def test_lazy_items_of_every_marker_and_indent(tmp_path):
    deck, _, said = _built(
        tmp_path,
        """
        ---
        title: Markers
        ---

        ## Numbers

        > 1. first
            2. second
        > 3. third

        ## Tabs and stars

        > - one
        \t- two
            * three
        - four

        ## Text goes on

        > - one
            - two
            still two

        ## Nested

        > - top
        >     - sub one
        >     - sub two
        > - next

        ## A quote's text

        > A quotation that goes
          on over a lazy line.

        ## Code after a quote

        > - item

        ```
        > - not a quote
            - not an item
        ```
        """,
    )
    assert _body(deck.slides[1]) == [(0, "first"), (0, "second"), (0, "third")]
    assert _body(deck.slides[2]) == [(0, "one"), (0, "two"), (0, "three"), (0, "four")]
    assert len(click_paragraphs(deck.slides[2])) == 4  # (one list, item by item: no second list)
    assert _body(deck.slides[3]) == [(0, "one"), (0, "two still two")]
    assert said.count("[lazy-quote]") == 1
    # (a sublist written with '>', a quote's lazy text and code after a quote are as ever)
    assert _body(deck.slides[4]) == [(0, "top"), (1, "sub one"), (1, "sub two"), (0, "next")]
    assert any("A quotation that goes on over a lazy line." in t for t in paragraph_texts(deck.slides[5]))
    code = "\n".join(paragraph_texts(deck.slides[6]))
    assert "> - not a quote" in code and "- not an item" in code


def test_a_change_of_bullet_goes_on_with_the_list(tmp_path):
    deck, _, _ = _built(
        tmp_path,
        """
        ---
        title: Bullets
        ---

        ## Mixed

        > - alpha
        > * beta
        > + gamma
        """,
    )
    # pandoc: one BulletList of three items, alone in the quote, so shown item by item
    assert click_paragraphs(deck.slides[1]) == [["alpha"], ["beta"], ["gamma"]]


def test_front_matter_text_is_typeset_as_the_body(tmp_path):
    deck, handout, _ = _built(
        tmp_path,
        """
        ---
        title: "Dos and don'ts: a \\"discussion\\" -- part 1..."
        subtitle: "It's `don't` in code"
        author: "Ann O'Neil"
        date: "Spring '24"
        ---

        ## Dos and don'ts

        - It's "quoted"
        """,
    )
    title = "Dos and don’ts: a “discussion” – part 1…"
    texts = [sh.text_frame.text for sh in deck.slides[0].shapes if sh.has_text_frame]
    assert title in texts
    assert any("It’s don't in code" in t for t in texts), texts
    assert any("Ann O’Neil" in t for t in texts) and any("Spring ’24" in t for t in texts), texts
    assert deck.slides[1].shapes.title.text == "Dos and don’ts"
    footers = [sh.text_frame.text for sh in deck.slides[1].shapes if sh.name.startswith("Footer")]
    assert footers and all("'" not in f for f in footers), footers
    assert "Dos and don'ts" not in handout and title in handout
    assert "deck and handout agree with the source" in _  # (check passes)


def test_a_title_with_math_and_markup(tmp_path):
    deck, _, said = _built(
        tmp_path,
        """
        ---
        title: "**What's** $\\\\chi^2$ *for*? [Pearson's](https://x.org) test"
        ---

        ## A

        x
        """,
    )
    assert deck.slides[0].shapes.title.text == "What’s χ² for? Pearson’s test"
    assert "agree with the source" in said


def test_a_marp_title_keeps_what_its_body_keeps(tmp_path):
    deck, _, said = _built(
        tmp_path,
        """
        ---
        marp: true
        title: "Don't -- stop..."
        footer: "Don't -- stop..."
        ---

        # Don't -- stop...

        It's -- fine...
        """,
        "lecture.md",
    )
    words = [sh.text_frame.text for s in deck.slides for sh in s.shapes if sh.has_text_frame]
    assert "Don't -- stop..." in words and "It's -- fine..." in words, words
    assert not any("’" in w or "–" in w for w in words), words
