"""remark.js and xaringan decks as remark shows them (review 19): a new ``layout: true`` replaces the one
before it; a fence right after code (`` eigen(A)``` ``) ends its block, and a block that runs over a slide
break is warned about; a deck whose only remark mark is ``class: center, middle`` is remark's; math in
backticks (`` `\\(x\\)` ``) is math; a class nested in a one-line ``.pull-left[…]`` shows no brackets.
Read back from the deck (python-pptx) and the command line's messages."""

from __future__ import annotations

from pptx import Presentation

from .conftest import run_cli, write_md


def _build(tmp_path, text: str, name: str = "lecture.md"):
    src = write_md(tmp_path, text, name)
    result = run_cli("slides", src, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.stderr
    deck = Presentation(str(tmp_path / "out" / (src.stem + ".pptx")))
    return deck, result.stderr


def _texts(slide) -> list[str]:
    return [sh.text_frame.text for sh in slide.shapes if sh.has_text_frame and sh.text_frame.text.strip()]


def _titled(deck, title: str):
    return next(s for s in deck.slides if s.shapes.title is not None and s.shapes.title.text == title)


def test_a_new_layout_replaces_the_one_before_it(tmp_path):
    deck, _ = _build(
        tmp_path,
        """\
        ---
        title: "Layouts"
        output: xaringan::moon_reader
        ---
        layout: true
        # Heteroskedasticity
        ---

        Slide of part one.

        ---
        layout: true
        # Testing
        ## Test A
        ---

        Slide about test A.

        ---
        layout: true
        # Testing
        ## Test B
        ---

        Slide about test B.
        """,
        "lecture.Rmd",
    )
    titles = [s.shapes.title.text for s in deck.slides if s.shapes.title is not None]
    assert titles == ["Layouts", "Heteroskedasticity", "Testing", "Testing"], titles
    last = "\n".join(_texts(deck.slides[3]))
    assert "Test B" in last and "Slide about test B." in last
    assert "Test A" not in last and "Heteroskedasticity" not in last, last


def test_a_fence_right_after_code_ends_its_block_and_the_next_slides_stay(tmp_path):
    deck, err = _build(
        tmp_path,
        """\
        class: center, middle

        # Fence

        ???
        Speaker note.

        ---
        ### Eigen

        ```julia
        > v = eigen(A)```
        Eigenvectors are *columns*.

        ---
        ### Next slide

        Some text.

        ---
        ### Third slide

        ```julia
        > A = [1 2; 3 4]
        ```
        """,
    )
    titles = [s.shapes.title.text for s in deck.slides if s.shapes.title is not None]
    assert titles == ["Fence", "Eigen", "Next slide", "Third slide"], titles
    eigen = _texts(_titled(deck, "Eigen"))
    assert "> v = eigen(A)" in eigen, eigen
    assert not any("```" in t or "Next slide" in t for t in eigen), eigen
    assert "Eigenvectors are columns." in eigen
    assert "Some text." in _texts(_titled(deck, "Next slide"))
    assert "warning" not in err, err


def test_a_block_running_over_a_slide_break_is_warned_about_at_its_opening(tmp_path):
    _, err = _build(
        tmp_path,
        """\
        class: center, middle

        # Fence

        ???
        Note.

        ---
        ### One

        ```julia
        > A = 1

        ---
        ### Two

        Text.

        ---
        ### Three

        ```julia
        > B = 2
        ```
        """,
    )
    assert "lecture.md:11: warning:" in err and "[unclosed-fence]" in err, err
    assert "line 14" in err, err


def test_a_deck_whose_only_remark_mark_is_a_first_slide_class_is_remark(tmp_path):
    deck, err = _build(
        tmp_path,
        """\
        class: center, middle

        # Remark deck

        ---
        ### Slide two

        Text.
        """,
    )
    assert "read as a remark.js" in err, err
    shown = [t for s in deck.slides for t in _texts(s)]
    assert not any("class:" in t for t in shown), shown
    titles = [s.shapes.title.text for s in deck.slides if s.shapes.title is not None]
    assert titles[:2] == ["Remark deck", "Slide two"], titles


def _runs_and_math(slide) -> tuple[str, int]:
    """The slide's body words, and how many pieces of math (OMML) its text boxes hold."""
    words, maths = [], 0
    for sh in slide.shapes:
        if sh.has_text_frame and sh != slide.shapes.title:
            words.append(sh.text_frame.text)
            maths += len(sh._element.xpath(".//*[local-name()='oMath']"))
    return "\n".join(words), maths


def test_math_in_backticks_is_math_in_a_remark_deck(tmp_path):
    deck, err = _build(
        tmp_path,
        """\
        class: center, middle

        # Backtick math

        ---
        ### Eigenvalues

        A vector `\\(\\mathbf{v}\\)` with `\\( \\mathbf{A}\\mathbf{v} = \\lambda\\mathbf{v} \\)` and `$x_1$`;
        the code `print(x)` stays code.

        ???
        Note.
        """,
    )
    words, maths = _runs_and_math(_titled(deck, "Eigenvalues"))
    assert "\\(" not in words and "mathbf" not in words and "$" not in words, words
    assert "print(x)" in words
    assert maths == 3, (maths, words)
    assert "warning" not in err, err


def test_a_picture_in_a_class_inside_a_one_line_column_shows_no_brackets(tmp_path):
    from PIL import Image

    for name in ("left.png", "right.png"):
        Image.new("RGB", (40, 30), "red").save(tmp_path / name)
    deck, err = _build(
        tmp_path,
        """\
        class: center, middle

        # Nested classes

        ---
        ### Two columns

        .pull-left[Left text .img-center[![](left.png)]]
        .pull-right[.img-center[![](right.png)]]
        """,
    )
    slide = _titled(deck, "Two columns")
    words = _texts(slide)
    assert not any("[" in t or "]" in t or "img-center" in t for t in words), words
    assert "Left text" in "\n".join(words)
    assert sum(sh.shape_type == 13 for sh in slide.shapes) == 2  # (two pictures)
    assert "missing-image" not in err, err
