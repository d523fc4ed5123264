"""reveal-md decks (CMU's 17-445 course) write each ``<!-- .element: class="fragment" -->`` on the line
after a list item's text, at any indent.  reveal.js gives such a comment to the ``<li>`` it is in, as it
does one at the end of the item's line; Podium used to let the comment end the list there: nested items
fell to the top level (or, tab-indented, became a code block), a wrapped item was cut in two, and the
clicks were lost.  Each deck is built through the command line and read back with python-pptx (the
handout with pdftotext)."""

from __future__ import annotations

import subprocess

from .conftest import click_paragraphs, run_cli, write_md

A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"


def _build(tmp_path, text: str, command: str = "slides"):
    """The deck built from ``text`` (python-pptx), the messages, and the handout's text (with ``all``)."""
    from pptx import Presentation

    src = write_md(tmp_path, text)
    result = run_cli(command, src, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.stderr
    handout = ""
    if command == "all":
        pdf = tmp_path / "out" / "lecture-handout.pdf"
        handout = subprocess.run(
            ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
        ).stdout
    return Presentation(str(tmp_path / "out" / "lecture.pptx")), result.stderr, handout


def _body(slide) -> list[tuple[int, str, str]]:
    """Each paragraph of the slide's body (not its title, footer or number): (level, "item" or "text"
    where it has no bullet, or "code" in a code box, its words)."""
    out = []
    for shape in slide.shapes:
        if not shape.has_text_frame or shape == slide.shapes.title:
            continue
        if "Footer" in shape.name or "Slide Number" in shape.name:
            continue
        for p in shape.text_frame.paragraphs:
            if not p.text.strip():
                continue
            none = p._p.pPr is not None and p._p.pPr.find(A + "buNone") is not None
            kind = "code" if shape.name.startswith("Code") else "text" if none else "item"
            out.append((p.level, kind, p.text.strip()))
    return out


FRONT = """\
    ---
    title: Human-AI Interaction
    ---

"""


def test_a_comment_under_an_item_keeps_the_nested_list_and_makes_each_item_a_click(tmp_path):
    """The comment under "Automate when:" (indented) or under "Augment when:" (at the left margin) is that
    item's; the sub-items stay nested and each commented item is a click of its own, as reveal.js
    shows them (they were all at level 0, with no click)."""
    prs, stderr, handout = _build(
        tmp_path,
        FRONT
        + """\
    ## Selecting a mode

    * Identify the tasks
    * Automate when:
      <!-- .element: class="fragment" -->
      * User lacks knowledge
        <!-- .element: class="fragment" -->
      * Boring, repetitive tasks
        <!-- .element: class="fragment" -->
    * Augment when:
    <!-- .element: class="fragment" -->
      * High stakes
         <!-- .element: class="fragment" -->
      * User enjoys the task
         <!-- .element: class="fragment" -->
    """,
        "all",
    )
    slide = prs.slides[1]
    assert _body(slide) == [
        (0, "item", "Identify the tasks"),
        (0, "item", "Automate when:"),
        (1, "item", "User lacks knowledge"),
        (1, "item", "Boring, repetitive tasks"),
        (0, "item", "Augment when:"),
        (1, "item", "High stakes"),
        (1, "item", "User enjoys the task"),
    ]
    assert click_paragraphs(slide) == [
        ["Automate when:"],
        ["User lacks knowledge"],
        ["Boring, repetitive tasks"],
        ["Augment when:"],
        ["High stakes"],
        ["User enjoys the task"],
    ]
    assert "element" not in handout and "User enjoys the task" in handout
    assert "warning" not in stderr


def test_a_comment_at_the_margin_keeps_tab_indented_sub_items_a_nested_list(tmp_path):
    """Tab-indented sub-items under an item whose comment is at the left margin are its nested list (they
    were a code block showing their `*` markers), and each commented item comes on its click with its
    sub-items, which have no comment of their own (as their `<li>`'s children in reveal.js)."""
    prs, stderr, handout = _build(
        tmp_path,
        FRONT
        + """\
    ## Principles

    * Identify existing mental models
    <!-- .element: class="fragment" -->
    \t* Find similar apps
    \t* User interviews
    * Design the system
      <!-- .element: class="fragment" -->
      * Collect errors

    Shown from the start.
    """,
        "all",
    )
    slide = prs.slides[1]
    assert _body(slide) == [
        (0, "item", "Identify existing mental models"),
        (1, "item", "Find similar apps"),
        (1, "item", "User interviews"),
        (0, "item", "Design the system"),
        (1, "item", "Collect errors"),
        (0, "text", "Shown from the start."),
    ]
    assert click_paragraphs(slide) == [
        ["Identify existing mental models", "Find similar apps", "User interviews"],
        ["Design the system", "Collect errors"],
    ]
    assert "* Find similar apps" not in handout and "Find similar apps" in handout


def test_a_comment_on_the_next_line_is_the_same_click_as_at_the_end_of_the_line(tmp_path):
    """The two spellings of the same fragment list give the same clicks (the next-line one gave none)."""
    prs, stderr, _ = _build(
        tmp_path,
        FRONT
        + """\
    ## Comment on the next line

    * First point
    <!-- .element: class="fragment" -->
    * Second point
    <!-- .element: class="fragment" -->

    ## Comment on the same line

    * First point <!-- .element: class="fragment" -->
    * Second point <!-- .element: class="fragment" -->
    """,
    )
    expected = [["First point"], ["Second point"]]
    assert click_paragraphs(prs.slides[1]) == expected
    assert click_paragraphs(prs.slides[2]) == expected
    assert _body(prs.slides[1]) == _body(prs.slides[2])


def test_a_wrapped_item_with_its_comment_under_it_is_one_item_on_one_click(tmp_path):
    """An item whose words run on to an unindented line, the comment under that: one bullet with both
    lines' words, all of it on the click (either spelling of the comment, mixed in one list) (it was cut in two, and only the unbulleted tail came on it)."""
    prs, stderr, handout = _build(
        tmp_path,
        FRONT
        + """\
    ## Dimensions of Usability

    * Learnability: How easy is it for users to accomplish tasks the
    first time?
    <!-- .element: class="fragment" -->
    * Efficiency: After learning, how efficiently can users
    perform the tasks?
      <!-- .element: class="fragment" -->
    * Satisfaction: How pleasant is it? <!-- .element: class="fragment" -->
    """,
        "all",
    )
    slide = prs.slides[1]
    learn = "Learnability: How easy is it for users to accomplish tasks the first time?"
    efficient = "Efficiency: After learning, how efficiently can users perform the tasks?"
    assert _body(slide) == [
        (0, "item", learn),
        (0, "item", efficient),
        (0, "item", "Satisfaction: How pleasant is it?"),
    ]
    assert click_paragraphs(slide) == [[learn], [efficient], ["Satisfaction: How pleasant is it?"]]
    assert "list-in-paragraph" not in stderr


REVEAL_MD = """\
    ---
    author: Eunsuk Kang
    title: "17-445: Human-AI Interaction"
    ---

    # Human-AI Interaction

    ---
    # Usability Concepts

    ----
    ## Factors to Consider

    Fall detection:
    ![Smart watch](smartwatch.jpg)

    ----
    ## Dimensions

    * Learnability
    <!-- .element: class="fragment" -->
    * Efficiency
    <!-- .element: class="fragment" -->
    """


def test_reveal_mds_vertical_slides_and_element_fragments_make_a_reveal_md_deck(tmp_path):
    """``----`` vertical slides with ``.element`` fragments are reveal-md's (pandoc reads neither as such):
    the deck's first slide is its title slide (the front matter's ``title:`` names the browser's tab, it
    made a second title slide) and a picture's alt text is no caption.  ``----`` alone, in a lecture with
    front matter, is pandoc's rule (a slide break): that lecture keeps its front-matter title slide."""
    (tmp_path / "md").mkdir()
    prs, stderr, _ = _build(tmp_path / "md", REVEAL_MD)
    titles = [s.shapes.title.text for s in prs.slides]
    assert titles == ["Human-AI Interaction", "Usability Concepts", "Factors to Consider", "Dimensions"]
    assert prs.slides[0].slide_layout.name == "Title Slide"
    assert "Smart watch" not in [t for _, _, t in _body(prs.slides[2])]
    assert click_paragraphs(prs.slides[3]) == [["Learnability"], ["Efficiency"]]

    (tmp_path / "pandoc").mkdir()
    pandoc = REVEAL_MD.replace('<!-- .element: class="fragment" -->\n', "")
    prs, stderr, _ = _build(tmp_path / "pandoc", pandoc)
    assert prs.slides[0].shapes.title.text == "17-445: Human-AI Interaction"
    assert [s.shapes.title.text for s in prs.slides][1:3] == ["Human-AI Interaction", "Usability Concepts"]
