"""remark and xaringan decks as remark shows them (review 24): a heading whose content class opens on its
line and closes on a later one (``# .large[First line`` then ``second line]``) is one heading holding both
lines; a remark HTML page (its Markdown in ``<textarea id="source">``) is read as the remark deck it holds;
a page that loads its slides with ``remark.create({sourceUrl: …})`` reads that Markdown file.  Read back
from the deck (python-pptx), the handout (pdftotext) and the command line's messages."""

from __future__ import annotations

import subprocess
from pathlib import Path

from pptx import Presentation

from .conftest import paragraph_texts, run_cli, write_md


def _all(src: Path, *more: str):
    """(deck, handout text, stderr) of ``podium all`` on ``src``."""
    out = src.parent / "out"
    result = run_cli("all", src, "-o", out, *more)
    assert result.exit_code == 0, result.stderr
    handout = subprocess.run(
        ["pdftotext", "-layout", str(out / f"{src.stem}-handout.pdf"), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return Presentation(str(out / f"{src.stem}.pptx")), handout, result.stderr


def _title(slide) -> str:
    return slide.shapes.title.text if slide.shapes.title is not None else ""


SPLIT_CLASS_HEADINGS = """\
    ---
    title: "Encuestas"
    output: xaringan::moon_reader
    ---

    # .large[ ¿Cómo el INE planifica y diseña sus⏎
    productos estadísticos?]

    Some text.

    ---

    ## Slide two

    ### .large[A big statement⏎
    over two lines]

    ---

    ###.large[Caracterizar la heterogénea realidad de los
    hogares en el
    tiempo]

    Body words.
    """.replace("⏎", "  ")  # (each a hard line break: two spaces at the line's end)


def test_a_class_opened_in_a_heading_and_closed_on_a_later_line_is_one_heading(tmp_path):
    deck, handout, _ = _all(write_md(tmp_path, SPLIT_CLASS_HEADINGS, "deck.Rmd"))
    titles = [_title(s) for s in deck.slides]
    assert titles[1] == "¿Cómo el INE planifica y diseña sus productos estadísticos?"
    assert paragraph_texts(deck.slides[1])[1] == "Some text."
    assert _title(deck.slides[2]) == "Slide two"
    assert "A big statement over two lines" in paragraph_texts(deck.slides[2])
    assert titles[3] == "Caracterizar la heterogénea realidad de los hogares en el tiempo"
    words = " ".join(" ".join(paragraph_texts(s)) for s in deck.slides)
    for debris in ("[", "]", "{.large}"):
        assert debris not in words
        assert debris not in handout
    contents = handout.split("Contents", 1)[1]
    assert "¿Cómo el INE planifica y diseña sus productos" in " ".join(contents.split())


def test_a_split_class_heading_without_front_matter_is_one_heading(tmp_path):
    deck, handout, _ = _all(
        write_md(
            tmp_path,
            """\
            class: center, middle

            # Deck

            ---

            # .large[Title one
            continued]

            Then a paragraph .red[in red
            over two lines].
            """,
        )
    )
    assert _title(deck.slides[1]) == "Title one continued"
    assert paragraph_texts(deck.slides[1])[1] == "Then a paragraph in red over two lines."
    assert "Title one continued" in handout and "]" not in handout
