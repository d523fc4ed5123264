"""Decks written for reveal.js, reveal-md, Quarto and Marp, and lectures that name no language, read as
their own tools show them: a reveal.js ``.element`` comment after a blank line is the element's before it;
a list with some fragment items shows the rest at once; reveal-md's first slide and its ``dialect`` note;
Quarto's ``fragment-index`` beside an item-by-item list; a Marp cover with notes; a Cyrillic lecture's
``lang`` hint; cross-references in the language told from the script.  Each deck is built through the
command line and read back with python-pptx (the handout with pdftotext)."""

from __future__ import annotations

from .conftest import built_all, built_from_text, click_paragraphs, paragraph_texts, run_cli, write_md

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


# --------------------------------------------------------------------------- reveal-md


def test_a_reveal_md_cover_repeating_the_front_matters_author_shows_the_name_once(tmp_path):
    """reveal-md's first slide is the title slide; its line with the author's name (the front matter's
    ``author:`` too) is the title slide's author line, not a second line under it."""
    prs, handout, _ = built_from_text(
        tmp_path,
        """
        ---
        title: Data Intensive Systems
        author: Jane Doe
        revealOptions:
          transition: fade
        ---

        # Data Intensive Systems

        ## L.04

        Jane Doe

        ---

        ## Slide two

        - a
        - b
        """,
    )
    cover = paragraph_texts(prs.slides[0])
    assert cover.count("Jane Doe") == 1, cover
    assert "L.04" in cover
    assert handout.split("Handout")[0].count("Jane Doe") == 1


def test_a_deck_read_as_reveal_md_by_its_marks_says_so(tmp_path):
    """Front matter without reveal-md's keys, but reveal-md's ``----`` and ``.element`` fragments: read as
    reveal-md (its separators cut slides), with a ``dialect`` note at the first mark, as a Marp or Slidev
    deck told by its signs gets."""
    src = write_md(
        tmp_path,
        """
        ---
        title: Intro
        ---

        # Intro

        ---

        ## One

        - a <!-- .element: class="fragment" -->
        - b <!-- .element: class="fragment" -->

        ----

        ## Vertical

        Text.
        """,
    )
    result = run_cli("slides", src, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.stderr
    (said,) = [line for line in result.stderr.splitlines() if line.endswith("[dialect]")]
    assert "lecture.md:11: note: read as a reveal-md deck" in said, said  # (the first `.element` line)
    assert "'----'" in said and "'.element'" in said


# --------------------------------------------------------------------------- Quarto's fragment-index


def test_fragment_index_orders_the_clicks_beside_an_item_by_item_list(tmp_path):
    """reveal.js brings in the fragments with a ``fragment-index`` first, in its order, then those without
    (an incremental list's items are such fragments), in reading order."""
    src = write_md(
        tmp_path,
        """
        ---
        title: Order
        format:
          revealjs:
            incremental: true
        ---

        ## Slide

        - item one
            - nested
        - item two

        ::: {.fragment fragment-index=2}
        Second
        :::

        ::: {.fragment}
        Unindexed
        :::

        ::: {.fragment fragment-index=1}
        First
        :::

        Shown.
        """,
        "lecture.qmd",
    )
    prs, _, _ = built_all(src)
    assert click_paragraphs(prs.slides[1]) == [
        ["First"],
        ["Second"],
        ["item one"],
        ["nested"],
        ["item two"],
        ["Unindexed"],
    ]
    assert "Shown." in paragraph_texts(prs.slides[1])


# --------------------------------------------------------------------------- Marp covers with notes


def _notes(slide) -> str:
    return slide.notes_slide.notes_text_frame.text if slide.has_notes_slide else ""


def test_notes_in_a_marp_slides_title_line_stay_on_that_slide(tmp_path):
    """Marp keeps a comment inside a line as that page's notes: in a cover's heading (``# Title <!-- … -->``)
    or in the heading of a slide with nothing under it, they are that slide's notes, not the next one's; the
    cover is drawn as it is without notes (its front matter's ``title:`` differs: Marp has no title slide, and
    a lone heading is a section slide)."""
    lecture = """
        ---
        marp: true
        title: Course deck
        ---

        # Welcome to Statistics{notes}

        ---

        ## Only a title <!-- Pause for questions -->

        ---

        ## Three

        - a
        """
    with_notes, _, _ = built_from_text(tmp_path, lecture.format(notes=" <!-- Say hello -->"), "slides")
    (tmp_path / "plain").mkdir()
    without, _, _ = built_from_text(tmp_path / "plain", lecture.format(notes=""), "slides")
    cover, only, three = list(with_notes.slides)
    assert _notes(cover) == "Say hello"
    assert _notes(only) == "Pause for questions"
    assert _notes(three) == ""
    assert [s.slide_layout.name for s in with_notes.slides] == [s.slide_layout.name for s in without.slides]


# --------------------------------------------------------------------------- the language told from the script


def _picture(folder) -> None:
    import base64

    (folder / "map.png").write_bytes(
        base64.b64decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="
        )
    )


def test_a_russian_lecture_without_lang_gets_a_hint_and_a_ukrainian_one_is_read_as_ukrainian(tmp_path):
    """Cyrillic does not say which language it writes: a lecture mostly in it, naming no ``lang:``, gets a
    ``lang`` note saying to write one (Podium's words stay English); Ukrainian's own letters (ї, є, ґ) tell
    Ukrainian, whose words Podium then uses ("Рисунок 1")."""
    (tmp_path / "ru").mkdir()
    _, _, said = built_from_text(
        tmp_path / "ru",
        """
        ---
        title: Безопасность человека
        ---

        ## Введение

        Это лекция о безопасности человека. Мы обсудим, почему это важно для всех людей в мире.
        """,
        "slides",
    )
    (hint,) = [line for line in said.splitlines() if line.endswith("[lang]")]
    assert "lecture.md:1: note:" in hint and "Cyrillic" in hint and "write lang:" in hint, hint
    (tmp_path / "uk").mkdir()
    _picture(tmp_path / "uk")
    prs, handout, said = built_from_text(
        tmp_path / "uk",
        """
        ---
        title: Безпека людини
        ---

        ## Вступ

        Як показано на @fig-map, ця концепція наголошує на безпеці кожної людини. Їх є багато, і це
        важливо для всіх людей у світі.

        ![Мапа світу](map.png){#fig-map}
        """,
    )
    assert "lang: uk is used" in said
    words = "\n".join(paragraph_texts(prs.slides[1]))
    assert "Рисунок 1: Мапа світу" in words and "Figure" not in words, words
    assert "Рисунок 1" in handout and "Figure" not in handout


def test_cross_references_follow_the_language_told_from_the_prose_not_the_code(tmp_path):
    """A Chinese lecture with a long listing is Chinese by its prose (the code's letters do not count):
    its cross-references are Chinese too, in the deck and the handout."""
    _picture(tmp_path)
    prs, handout, said = built_from_text(
        tmp_path,
        """
        ---
        title: 人类安全
        ---

        ## 图表

        如图 @fig-map 所示，这个概念强调每一个人的安全，而不仅仅是国家的安全。

        ![世界地图](map.png){#fig-map}

        ## 代码

        ```python
        def compute_statistics(values, weights=None, normalise=True):
            total = sum(value * weight for value, weight in zip(values, weights))
            return total / len(values) if normalise else total
        ```
        """,
    )
    assert "lang: zh is used" in said
    words = "\n".join(paragraph_texts(prs.slides[1]))
    assert "如图 图 1 所示" in words and "图 1: 世界地图" in words and "Figure" not in words, words
    assert "Figure" not in handout
