"""Marp decks, from review 11: global directives written in a comment (``<!-- headingDivider: 1 -->``) hold
for the whole deck as in the front matter, and HTML in a footer or header (``<a href=…>@x</a>``) gives its
words, never its markup; a tag a footer cannot draw is left out with a warning."""

from __future__ import annotations

import subprocess
import textwrap
from pathlib import Path

from pptx import Presentation
from pptx.enum.shapes import PP_PLACEHOLDER

from .conftest import run_cli, write_md


def _build(tmp_path: Path, text: str, name: str = "deck.md", command: str = "all"):
    """The deck built by the command line from ``text``: (python-pptx's deck, the handout's text, stderr)."""
    src = write_md(tmp_path, text, name)
    out = tmp_path / ("out-" + Path(name).stem)
    result = run_cli(command, src, "-o", out)
    assert result.exit_code == 0, result.stderr
    deck = Presentation(str(out / (Path(name).stem + ".pptx")))
    handout = ""
    if command == "all":
        handout = subprocess.run(
            ["pdftotext", str(out / (Path(name).stem + "-handout.pdf")), "-"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    return deck, handout, result.stderr


def _titles(deck) -> list[str]:
    return [s.shapes.title.text_frame.text if s.shapes.title is not None else "" for s in deck.slides]


def _bodies(deck) -> list[str]:
    return [
        " / ".join(
            sh.text_frame.text
            for sh in s.placeholders
            if sh.placeholder_format.type not in (PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.CENTER_TITLE)
            and sh.placeholder_format.type not in (PP_PLACEHOLDER.FOOTER, PP_PLACEHOLDER.SLIDE_NUMBER)
        )
        for s in deck.slides
    ]


def _footers(deck) -> list[str]:
    return [
        next(
            (
                sh.text_frame.text
                for sh in s.placeholders
                if sh.placeholder_format.type == PP_PLACEHOLDER.FOOTER
            ),
            "",
        )
        for s in deck.slides
    ]


SEMINAR = textwrap.dedent(
    """\
    # Algorithm seminar
    Making fast programs

    # Staff
    - Kenta
    - Hiraku

    # Schedule
    - Week 1
    - Week 2
    """
)


def test_heading_divider_in_a_comment_cuts_slides_as_in_the_front_matter(tmp_path):
    # Marp reads a global directive in a comment as in the front matter: Podium made one slide of it all
    in_comment = "---\nmarp: true\n---\n\n<!--\nheadingDivider: 1\n_class: title\n-->\n" + SEMINAR
    in_front = "---\nmarp: true\nheadingDivider: 1\n---\n\n<!--\n_class: title\n-->\n" + SEMINAR
    deck, handout, err = _build(tmp_path, in_comment)
    front, _, _ = _build(tmp_path, in_front, "front.md", "slides")
    assert _titles(deck) == ["Algorithm seminar", "Staff", "Schedule"]
    assert _titles(deck) == _titles(front)
    assert _bodies(deck) == _bodies(front)
    assert "Schedule" not in _bodies(deck)[1] and "Kenta" in _bodies(deck)[1]
    assert "headingDivider" not in handout and "warning" not in err
    # the handout has a page part for each slide, titled
    assert handout.count("Staff") >= 1 and handout.index("Staff") < handout.index("Week 1")


def test_a_global_directive_holds_for_the_whole_deck_and_the_last_one_wins(tmp_path):
    # written on a later slide, inside a line, over the front matter's: Marp's last value is the deck's
    deck, _, err = _build(
        tmp_path,
        """\
        ---
        marp: true
        headingDivider: 1
        ---

        # One

        ## Two

        text

        # Three

        Words <!-- headingDivider: 2 --> here.

        ## Four

        more
        """,
        command="slides",
    )
    assert _titles(deck) == ["One", "Two", "Three", "Four"]
    assert "warning" not in err


def test_a_directive_in_code_or_a_wrong_divider_cuts_nothing_and_the_wrong_one_is_said(tmp_path):
    deck, _, err = _build(
        tmp_path,
        """\
        ---
        marp: true
        ---

        # One

        ```html
        <!-- headingDivider: 1 -->
        ```

        <!-- headingDivider: 9 -->

        # Two

        text
        """,
        command="slides",
    )
    assert _titles(deck) == ["One"]
    assert "deck.md:11: warning: headingDivider must be a heading level from 1 to 6" in err


def test_lang_in_a_directive_comment_is_the_lectures_language(tmp_path):
    # `lang` is a global directive too: right to left for Arabic, as in the front matter
    text = "---\nmarp: true\n---\n\n<!-- lang: ar -->\n\n# عنوان\n\n---\n\n# الأول\n\n- نص عربي\n"
    deck, _, _ = _build(tmp_path, text, command="slides")
    rtl = [
        p._p.pPr.get("rtl")
        for s in deck.slides
        for sh in s.shapes
        if sh.has_text_frame
        for p in sh.text_frame.paragraphs
        if p.text.strip() and p._p.pPr is not None
    ]
    assert rtl and set(rtl) == {"1"}


def test_a_link_in_a_marp_footer_gives_its_words_in_the_deck_and_the_handout(tmp_path):
    deck, handout, err = _build(
        tmp_path,
        """\
        ---
        marp: true
        footer: "Seminar <a href=\\"https://example.org\\" style=\\"color:white\\">@zero_one</a>"
        ---

        # Title

        ---

        # Slide

        - point
        """,
    )
    assert _footers(deck)[1] == "Seminar @zero_one"
    assert "Seminar @zero_one" in handout
    assert "<a" not in handout and "href" not in handout and "</" not in handout
    assert "warning" not in err


def test_html_in_footer_and_header_directives_never_shows_as_markup(tmp_path):
    deck, handout, err = _build(
        tmp_path,
        """\
        ---
        marp: true
        header: '<a href="https://c.org"><b>CS 101</b></a>'
        ---

        <!-- footer: 'Week 3 <x-badge>new</x-badge> <img src="logo.png"> <iframe src="x"></iframe>' -->

        # One

        text

        ---

        <!-- _footer: '<div>Own</div><div><a href="https://x.org">Site</a></div>' -->

        # Two

        text
        """,
    )
    footers = _footers(deck)
    assert footers == ["CS 101 · Week 3 new", "CS 101 · Own · Site"]
    assert "<" not in handout and "href" not in handout
    said = [line for line in err.splitlines() if "raw-html" in line]
    assert len(said) == 1 and "deck.md:6: warning: the footer's <x-badge>, <iframe> and picture" in said[0]
    assert "words kept" in said[0]


def test_a_first_slide_its_class_calls_a_title_is_the_title_slide(tmp_path):
    # the real deck's cover: `_class: title` (its theme's title design), a heading and a tagline under it
    deck, handout, _ = _build(
        tmp_path, "---\nmarp: true\nheadingDivider: 1\n---\n\n<!--\n_class: title\n-->\n" + SEMINAR
    )
    first = deck.slides[0]
    assert first.slide_layout.name == "Title Slide"
    assert first.shapes.title.text_frame.text == "Algorithm seminar"
    assert "Making fast programs" in " ".join(sh.text_frame.text for sh in first.placeholders)
    assert _titles(deck)[1:] == ["Staff", "Schedule"]
    assert "Making fast programs" in handout
    # a first slide of a heading and a sentence, with no such class, stays a slide
    plain, _, _ = _build(
        tmp_path, "---\nmarp: true\n---\n\n# Why?\n\nBecause it is fast.\n", "p.md", "slides"
    )
    assert plain.slides[0].slide_layout.name != "Title Slide"
