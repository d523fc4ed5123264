"""Decks written for reveal.js, reveal-md, Quarto and Marp, and lectures that name no language, read as
their own tools show them: a reveal.js ``.element`` comment after a blank line is the element's before it;
a list with some fragment items shows the rest at once; reveal-md's first slide and its ``dialect`` note;
Quarto's ``fragment-index`` beside an item-by-item list; a Marp cover with notes; a Cyrillic lecture's
``lang`` hint; cross-references in the language told from the script.  Each deck is built through the
command line and read back with python-pptx (the handout with pdftotext)."""

from __future__ import annotations

from .conftest import built_from_text, click_paragraphs, paragraph_texts

# --------------------------------------------------------------------------- reveal.js's .element comments


def test_an_element_comment_after_a_blank_line_makes_the_list_before_it_one_click(tmp_path):
    """reveal.js gives a comment alone on its line to the element before it: the whole list, the paragraph,
    the listing; the text after them is shown from the start."""
    prs, _, messages = built_from_text(
        tmp_path,
        """
        # Fragments

        ---

        ## Whole list

        - one
        - two
        - three

        <!-- .element: class="fragment" -->

        After text.

        ---

        ## Paragraph and code

        First paragraph.

        Second paragraph
        on two lines.

        <!-- .element: class="fragment" -->

        ```python
        x = 1
        ```

        <!-- .element: class="fragment" -->
        """,
        "slides",
    )
    whole, paragraph = list(prs.slides)[1:]
    assert click_paragraphs(whole) == [["one", "two", "three"]]
    assert "After text." in paragraph_texts(whole)
    assert click_paragraphs(paragraph) == [["Second paragraph on two lines."], ["x = 1"]]
    assert "element" not in "".join(paragraph_texts(whole) + paragraph_texts(paragraph))


def test_a_list_with_some_fragment_items_shows_the_others_and_what_follows_at_once(tmp_path):
    """Only the items with a comment (their nested items with them) come on clicks, in their
    ``data-fragment-index`` order; the items without one and the text after the list are there from the
    start, in the deck and the handout's drawing alike."""
    prs, handout, messages = built_from_text(
        tmp_path,
        """
        # Fragments

        ---

        ## Some items

        - shown
        - later <!-- .element: class="fragment" -->
          - nested of later
        - plain
        - last <!-- .element: class="fragment" data-fragment-index="1" -->

        Text after the list.

        ---

        ## HTML items

        <ul>
        <li>first</li>
        <li class="fragment">second</li>
        <li>third</li>
        </ul>

        After the HTML list.
        """,
    )
    some, html = list(prs.slides)[1:]
    assert click_paragraphs(some) == [["last"], ["later", "nested of later"]]
    assert "Text after the list." in paragraph_texts(some)
    assert click_paragraphs(html) == [["second"]]
    assert "Text after the list." in handout and "nested of later" in handout
