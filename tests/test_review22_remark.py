"""remark and xaringan decks as remark shows them (review 22): a ``???`` note ends at the next ``--`` click
(each step has notes of its own, and the steps after it stay on the slide); a class span whose words
hold brackets of their own (``.imgref[[Image: [site](url)]]``) inside a block; one inline R expression in
a heading is counted once; the front matter's italics are kept on the title slide and the handout's
cover.  Read back from the deck (python-pptx), the handout (pdftotext) and the command line's messages."""

from __future__ import annotations

import subprocess

from PIL import Image
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE

from .conftest import click_paragraphs, paragraph_texts, run_cli, write_md

STEPS = """\
    class: center, middle

    # Notes between clicks

    ---

    ## Three steps

    ### Prevent
    * Sanitize inputs

    ???
    Note for the first step.

    --

    ### Pursue
    * Optimize a loss

    ???
    Note for the second step.

    ???
    A second note mark in the same step.

    --

    > Any deviation is failure.

    ???
    A click written as code in the notes:

    ```
    --
    ```

    Then talk.
    """


def _all(tmp_path, text: str, name: str = "lecture.md"):
    """(deck, handout text, stderr) of ``podium all`` on ``text``."""
    src = write_md(tmp_path, text, name)
    out = tmp_path / "out"
    result = run_cli("all", src, "-o", out)
    assert result.exit_code == 0, result.stderr
    stem = src.stem
    handout = subprocess.run(
        ["pdftotext", "-layout", str(out / f"{stem}-handout.pdf"), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return Presentation(str(out / f"{stem}.pptx")), handout, result.stderr


def _notes(slide) -> str:
    return slide.notes_slide.notes_text_frame.text if slide.has_notes_slide else ""


def test_a_note_ends_at_the_next_click_and_the_later_steps_stay_on_the_slide(tmp_path):
    deck, handout, _ = _all(tmp_path, STEPS)
    slide = deck.slides[1]
    words = paragraph_texts(slide)
    for step in ("Prevent", "Sanitize inputs", "Pursue", "Optimize a loss", "Any deviation is failure."):
        assert step in words
    clicks = click_paragraphs(slide)
    assert ["Pursue", "Optimize a loss"] in [c[:2] for c in clicks]
    assert any(c and c[0] == "Any deviation is failure." for c in clicks)
    notes = _notes(slide)
    assert notes.split("\n") == [
        "Note for the first step.",
        "Note for the second step.",
        "A second note mark in the same step.",
        "A click written as code in the notes:",
        "--",
        "Then talk.",
    ]
    assert "Pursue" not in notes and "???" not in notes and "Then talk." not in words
    assert "???" not in handout and "\n--\n" not in handout
    assert handout.index("Note for the first step.") < handout.index("Note for the second step.")


def _links(slide) -> list[tuple[str, str]]:
    return [
        (r.text, r.hyperlink.address)
        for sh in slide.shapes
        if sh.has_text_frame
        for p in sh.text_frame.paragraphs
        for r in p.runs
        if r.hyperlink.address
    ]


def test_a_class_span_holding_brackets_inside_a_block_shows_its_words(tmp_path):
    Image.new("RGB", (400, 300), "steelblue").save(tmp_path / "pic.png")
    deck, handout, err = _all(
        tmp_path,
        """\
        class: center, middle

        # Credits

        ---

        ## A picture and its credit in one centred block

        .center[<img src="pic.png" alt="a blue box" style="width:40%;">{hard_break}
        .imgref[[Image: [example.org](https://example.org/)]]]

        ---

        ## A credit in a paragraph

        Drawn by hand .imgref[[Photo: [the author](https://example.com/)], 2024] in the lab.
        """.replace("{hard_break}", "  "),  # (two spaces: Markdown's line break, as the deck writes it)
    )
    picture, prose = deck.slides[1], deck.slides[2]
    assert any(sh.shape_type == MSO_SHAPE_TYPE.PICTURE for sh in picture.shapes)
    assert "[Image: example.org]" in [t.strip() for t in paragraph_texts(picture)]
    assert ("example.org", "https://example.org/") in _links(picture)
    assert "Drawn by hand [Photo: the author], 2024 in the lab." in paragraph_texts(prose)
    assert ("the author", "https://example.com/") in _links(prose)
    everything = "\n".join(paragraph_texts(picture) + paragraph_texts(prose)) + handout
    assert "{.imgref}" not in everything and "[[" not in everything and "]]" not in everything


def test_one_inline_r_expression_in_a_xaringan_heading_is_counted_once(tmp_path):
    front = '---\ntitle: "Uno"\noutput: xaringan::moon_reader\n---\n\n'
    one = write_md(tmp_path, front + '# Hola\n\n# `r emojifont::emoji("sunglasses")`\n', "one.Rmd")
    result = run_cli("slides", one, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.stderr
    said = [x for x in result.stderr.splitlines() if "[inline-code]" in x]
    assert len(said) == 1 and "one.Rmd:8: warning" in said[0] and "more" not in said[0], said
    two = write_md(
        tmp_path,
        front + "# Hola\n\n### The mean is `r mean(x)`\n\n---\n\n# Dos\n\nWe saw `r nrow(d)` rows.\n",
        "two.Rmd",
    )
    result = run_cli("slides", two, "-o", tmp_path / "out")
    said = [x for x in result.stderr.splitlines() if "[inline-code]" in x]
    assert len(said) == 1 and "(and 1 more inline code expression)" in said[0], said


def _italic_runs(shape) -> list[str]:
    return [r.text for p in shape.text_frame.paragraphs for r in p.runs if r.font.italic]


def _cover_fonts(pdf) -> str:
    return subprocess.run(
        ["pdffonts", "-f", "1", "-l", "1", str(pdf)], capture_output=True, text=True, check=True
    ).stdout


def test_the_front_matters_italics_are_kept_on_the_title_slide_and_the_cover(tmp_path):
    deck, handout, _ = _all(
        tmp_path,
        """\
        ---
        title: "On *Moby-Dick*"
        subtitle: "Resumen de Levis (2018) *Exploring Language Education*"
        institute: "Department of *Letters*"
        date: "Spring, _draft_"
        ---

        ## Uno

        Texto.
        """,
    )
    cover = deck.slides[0]
    italics = [t for sh in cover.shapes if sh.has_text_frame for t in _italic_runs(sh)]
    for words in ("Moby-Dick", "Exploring Language Education", "Letters", "draft"):
        assert words in italics, italics
    texts = paragraph_texts(cover)
    assert "Resumen de Levis (2018) Exploring Language Education" in texts
    assert "Department of Letters" in texts and "Spring, draft" in texts
    assert not any("*" in t or "_" in t for t in texts)
    assert "Resumen de Levis (2018) Exploring Language Education" in handout
    assert "Italic" in _cover_fonts(tmp_path / "out" / "lecture-handout.pdf")


def test_a_xaringan_subtitle_keeps_its_italics_inside_a_class_span(tmp_path):
    deck, handout, _ = _all(
        tmp_path,
        """\
        ---
        title: "Pronunciación"
        subtitle: |
          Cuatro verdades</br>
          .lightgrey[Resumen de Levis (2018) *Exploring Language Education*]
        output: xaringan::moon_reader
        ---

        # Uno

        Texto.
        """,
        "lecture.Rmd",
    )
    cover = deck.slides[0]
    italics = [t for sh in cover.shapes if sh.has_text_frame for t in _italic_runs(sh)]
    assert italics == ["Exploring Language Education"]
    assert "Cuatro verdades Resumen de Levis (2018) Exploring Language Education" in paragraph_texts(cover)
    assert "Italic" in _cover_fonts(tmp_path / "out" / "lecture-handout.pdf")
