"""What a reviewer's real pandoc and reveal.js decks (a Jekyll page of reveal.js Markdown with
``.element`` fragments, a pandoc talk with ``\\begin{equation*}`` in its list items) showed Podium
reading wrongly, each built through the command line and read back from the deck (python-pptx)."""

from __future__ import annotations

from .conftest import cli_deck, click_paragraphs, paragraph_texts, write_md

A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"


def _kinds(slide) -> list[tuple[str, str]]:
    """Each paragraph of the slide's body boxes (not its title, footer or number) with "text" where it has
    no bullet (``a:buNone``), else "item"."""
    out = []
    for shape in slide.shapes:
        if not shape.has_text_frame or shape == slide.shapes.title or "Footer" in shape.name:
            continue
        if "Slide Number" in shape.name:
            continue
        for p in shape.text_frame.paragraphs:
            if p.text.strip():
                none = p._p.pPr is not None and p._p.pPr.find(A + "buNone") is not None
                out.append(("text" if none else "item", p.text.strip()))
    return out


JEKYLL_PAGE = """\
    ---
    title: "Lecture 4 - Systems"
    layout: presentation
    ---
    <section data-markdown data-separator="^\\n---\\n$" data-separator-vertical="^\\n--\\n$">
    <textarea data-template>

    # Lecture 4 - System Dynamics
    ### SET09121 - Games Engineering

    Babis Koniaris

    ---

    # Behaviours

    **Behaviours**
    - Define what our objects can do.
    - We update every frame.  <!-- .element: class="fragment" -->
    - The player jumps.  <!-- .element: class="fragment" -->

    ---

    # Reading

     Game Design Workshop. Fullerton (2014).
    - Read Chapter 5.
    """


def test_a_reveal_js_page_in_a_section_with_a_textarea_is_read_as_reveal_js_markdown(tmp_path):
    """``<section data-markdown><textarea data-template>`` under Jekyll's front matter: the deck's own first
    slide is its only title slide (Jekyll's ``title:`` made a second one), lists right under a line of text
    are lists, as reveal.js shows them (they were folded into the line), and a note says how it was read."""
    prs, stderr = cli_deck(write_md(tmp_path, JEKYLL_PAGE), tmp_path / "out")
    slides = list(prs.slides)
    assert [s.shapes.title.text for s in slides] == ["Lecture 4 - System Dynamics", "Behaviours", "Reading"]
    assert slides[0].slide_layout.name == "Title Slide"
    assert "SET09121 - Games Engineering" in paragraph_texts(slides[0])
    assert "Babis Koniaris" in " ".join(paragraph_texts(slides[0]))
    assert _kinds(slides[2]) == [
        ("text", "Game Design Workshop. Fullerton (2014)."),
        ("item", "Read Chapter 5."),
    ]
    assert "[dialect]" in stderr and "data-markdown" in stderr
    assert "list-in-paragraph" not in stderr and "raw-html" not in stderr


def test_an_element_comment_on_an_item_under_a_line_leaves_the_paragraph_and_the_list(tmp_path):
    """reveal.js shows "**Behaviours**" then a 3-item list whose last two items come on clicks; the
    comments cut the paragraph before the second item (the first item folded into the paragraph with a
    literal "-")."""
    prs, stderr = cli_deck(write_md(tmp_path, JEKYLL_PAGE), tmp_path / "out")
    slide = prs.slides[1]
    assert _kinds(slide) == [
        ("text", "Behaviours"),
        ("item", "Define what our objects can do."),
        ("item", "We update every frame."),
        ("item", "The player jumps."),
    ]
    assert click_paragraphs(slide) == [["We update every frame."], ["The player jumps."]]


def test_in_a_pandoc_lecture_an_element_comment_does_not_end_the_paragraph(tmp_path):
    """In pandoc's Markdown the item lines under a paragraph's line are its text, comments or not: one
    paragraph (the comment cut it before the first commented line), with a note at each such line."""
    src = write_md(
        tmp_path,
        """\
        ---
        title: A pandoc lecture
        ---

        ## Behaviours

        **Behaviours**
        - Define what our objects can do.
        - We update every frame.  <!-- .element: class="fragment" -->
        - The player jumps.  <!-- .element: class="fragment" -->

        ## Builds

        - First. <!-- .element: class="fragment" -->
        - Second. <!-- .element: class="fragment" -->
        """,
    )
    prs, stderr = cli_deck(src, tmp_path / "out")
    assert _kinds(prs.slides[1]) == [
        ("text", "Behaviours - Define what our objects can do. - We update every frame. - The player jumps.")
    ]
    assert stderr.count("[list-in-paragraph]") == 3
    assert click_paragraphs(prs.slides[2]) == [["First."], ["Second."]]  # (a list of its own: clicks)


def test_an_equation_environment_in_a_list_item_keeps_the_items_text_and_the_next_item(tmp_path):
    """pandoc reads ``\\begin{equation*}`` lines under an item's line as the item's text: the words after
    the equation are the item's and the next ``*`` line is the next item (they were a paragraph under the
    list, "… accuracy * though …", with a false note)."""
    src = write_md(
        tmp_path,
        """\
        ---
        title: Items with a LaTeX equation
        ---

        ## Linear MOR schemes

        * good evidence that nonlinear encodings
        \\begin{equation*}
        q(t) = h(x(t))
        \\end{equation*}
        provide better reduction vs. accuracy
        * though not necessarily computational efficiency

        ## Aligned

        1. first item
           \\begin{align*}
           a &= b
           \\end{align*}
           and its words
        2. second item
        """,
    )
    prs, stderr = cli_deck(src, tmp_path / "out")
    kinds = _kinds(prs.slides[1])
    assert ("item", "though not necessarily computational efficiency") in kinds
    assert kinds[0] == ("item", "good evidence that nonlinear encodings")
    texts = [t for _, t in kinds]
    assert "provide better reduction vs. accuracy" in texts
    assert not any("*" in t for t in texts)
    assert ("item", "second item") in _kinds(prs.slides[2])
    assert "and its words" in [t for _, t in _kinds(prs.slides[2])]
    assert "list-in-paragraph" not in stderr
