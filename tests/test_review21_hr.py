"""xaringan decks as remark shows them (review 21 h): a slide holding only a hidden chunk's picture is a
slide of its own; ``name:`` on a slide without a heading is a link target; ``.note[Example]`` on a line
of its own stays on the slide; remark's ``.mono[002]`` in the front matter's title shows its words.
Read back from the deck (python-pptx), the handout (pdftotext) and the command line's messages."""

from __future__ import annotations

import subprocess
import textwrap

from PIL import Image
from pptx import Presentation

from .conftest import deck_titles, run_cli, slide_text, write_md

FRONT = """\
    ---
    title: "Lecture"
    output: xaringan::moon_reader
    ---
    """


def _build(tmp_path, text: str, front: str = FRONT, command: str = "slides"):
    src = write_md(tmp_path, textwrap.dedent(front) + textwrap.dedent(text), "lecture.Rmd")
    result = run_cli(command, src, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.stderr
    return Presentation(str(tmp_path / "out" / "lecture.pptx")), result.stderr


def _pictures(slide) -> int:
    return sum(1 for sh in slide.shapes if sh.shape_type == 13)


def test_a_slide_of_only_a_hidden_include_graphics_chunk_is_a_slide_of_its_own(tmp_path):
    (tmp_path / "images").mkdir()
    Image.new("RGB", (80, 60), "orange").save(tmp_path / "images" / "muffin.png")
    deck, err = _build(
        tmp_path,
        """\
        ## Classification problems

        Some text on this slide.

        ---
        layout: false
        class: clear

        ```{r, echo = FALSE}
        knitr::include_graphics("images/muffin.png")
        ```

        ---
        ## Next slide

        Text.

        ---

        ```{r setup, echo = FALSE}
        library(ggplot2)
        ```

        ---

        ```{r plot1, echo = FALSE}
        ggplot(d, aes(x, y)) + geom_point()
        ```

        ---
        ## Last

        Text.
        """,
    )
    slides = list(deck.slides)
    # (a hidden setup chunk's slide shows nothing: no slide; a plot Podium cannot draw: warned, no slide)
    assert deck_titles(deck) == ["Lecture", "Classification problems", "", "Next slide", "Last"]
    assert _pictures(slides[1]) == 0 and "Some text on this slide." in slide_text(slides[1])
    assert _pictures(slides[2]) == 1
    assert "Some text" not in slide_text(slides[2])
    assert "lecture.Rmd:30: warning: this hidden code cell's output" in err


def test_a_name_on_a_slide_without_a_heading_is_a_link_target(tmp_path):
    deck, err = _build(
        tmp_path,
        """\
        name: setup
        ## Setup

        Text.

        ---
        name: knn-fig
        class: clear, middle

        .b[KNN in action]

        ---
        # Table of contents

        - [Setup](#setup)
        - [Figures](#knn-fig)
        """,
    )
    assert "names no slide" not in err
    slides = list(deck.slides)
    assert "KNN in action" in slide_text(slides[2])
    jumps = {}
    for sh in slides[3].shapes:
        if sh.has_text_frame:
            for p in sh.text_frame.paragraphs:
                for r in p.runs:
                    click = r._r.find(".//{http://schemas.openxmlformats.org/drawingml/2006/main}hlinkClick")
                    if click is not None:
                        target = (
                            slides[3]
                            .part.rels[
                                click.get(
                                    "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
                                )
                            ]
                            .target_part
                        )
                        jumps[r.text] = target
    assert jumps["Setup"] is slides[1].part
    assert jumps["Figures"] is slides[2].part


def test_a_remark_note_class_on_its_own_line_stays_on_the_slide(tmp_path):
    deck, err = _build(
        tmp_path,
        """\
        ## The Bayes classifier

        .note[Example]

        - Pr(y = "muffin") = 0.4
        - Pr(y = "other") = 0.1

        ---
        ## Notes

        Shown.

        ???

        Said aloud.
        """,
    )
    slides = list(deck.slides)
    body = slide_text(slides[1])
    assert "Example" in body and body.index("Example") < body.index("muffin")
    notes = slides[1].notes_slide.notes_text_frame.text if slides[1].has_notes_slide else ""
    assert "Example" not in notes
    assert "::: note" not in err and "unknown-class" not in err
    assert "Said aloud." in slides[2].notes_slide.notes_text_frame.text  # (??? is still the notes)


def test_remark_classes_in_the_front_matter_title_show_their_words(tmp_path):
    front = """\
        ---
        title: "Lecture .mono[002]"
        subtitle: "Model .b[accuracy]"
        author: ".red[Edward] Rubin"
        output: xaringan::moon_reader
        ---
        """
    deck, err = _build(
        tmp_path,
        """\
        ## Slide

        Text with .mono[inline] class.
        """,
        front,
        "all",
    )
    slides = list(deck.slides)
    cover = slide_text(slides[0])
    assert "Lecture 002" in cover and "Model accuracy" in cover and "Edward Rubin" in cover
    assert ".mono" not in cover and ".b[" not in cover and ".red" not in cover
    footers = [sh.text_frame.text for sh in slides[1].placeholders if sh.placeholder_format.type == 15]
    assert footers == ["Lecture 002"]
    handout = subprocess.run(
        ["pdftotext", str(tmp_path / "out" / "lecture-handout.pdf"), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "Lecture 002" in handout and ".mono" not in handout
