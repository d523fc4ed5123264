"""xaringan and remark decks as remark shows them (review 26): a ``----`` rule gives no reveal.js note and
a ``Note:`` line stays words; display math in a class span after words (``.center[words`` then
``.hi-red[$$…$$]]``) is drawn without the span's brackets; a numbered list revealed item by item (``--``)
goes on numbering, as remark joins the parts; CSS ``pink`` on white (1.54:1) is darkened with a
``colour-contrast`` warning (CSS ``orange``, 1.97:1, is kept); a long link is written a run a word, so that
LibreOffice wraps it, and a link too wide for its column is named in the ``overfull`` warning.  Read back
from the deck (python-pptx), the handout (pdftotext) and the command line's messages."""

from __future__ import annotations

import re

from .conftest import built_from_text, cli_deck, paragraph_texts, write_md

XARINGAN = "---\ntitle: Demo\noutput: xaringan::moon_reader\n---\n\n"


def _deck(tmp_path, body: str):
    return cli_deck(write_md(tmp_path, XARINGAN + body, "deck.Rmd"), tmp_path / "out")


def _numbers(slide) -> list[str]:
    return re.findall(r'buAutoNum type="arabicPeriod"(?: startAt="(\d+)")?', slide._element.xml)


# --------------------------------------------------------------------------- 1. no reveal.js note


def test_a_rule_in_a_xaringan_deck_gives_no_reveal_note_and_note_lines_stay_words(tmp_path):
    prs, err = _deck(
        tmp_path,
        "# Title slide\n\n---\n\nbackground-image: url(pic.png)\n\n???\n\nImage test.\n\n---\n# Second\n\n--\n\n"
        ".pull-left[\n----\n\nSome words\n]\n\n.pull-right[\nMore words\n]\n\n---\n# Third\n\n----\n\n"
        "Note: this line is on the slide.\n",
    )
    assert "reveal.js" not in err and "vertical slide" not in err, err
    assert "read as a remark.js (xaringan) deck" in err
    third = next(s for s in prs.slides if s.shapes.title is not None and s.shapes.title.text == "Third")
    assert any("this line is on the slide" in t for t in paragraph_texts(third)), paragraph_texts(third)
    assert "this line is on the slide" not in (
        third.notes_slide.notes_text_frame.text if third.has_notes_slide else ""
    )


# --------------------------------------------------------------------------- 2. display math in a span


def test_display_math_in_a_class_span_after_words_shows_no_brackets(tmp_path):
    prs, handout, err = built_from_text(
        tmp_path,
        "---\ntitle: Demo\n---\n\n## One\n\nIntro line\n[$$x = 1$$]{.hi-red}\n\nAfter.\n\n"
        "## Two\n\nWords [$$y = 2$$]{.red}. More words\n",
    )
    for slide in list(prs.slides)[1:3]:
        texts = paragraph_texts(slide)
        assert not any("[" in t or "]{" in t for t in texts), texts
        assert slide._element.xml.count("oMath>") >= 1, texts  # (the equation is drawn)
    assert "]{" not in handout and "Intro line" in handout, handout


def test_xaringan_centred_words_then_a_coloured_equation_on_the_next_line(tmp_path):
    prs, err = _deck(
        tmp_path,
        "# Interpretación\n\n.center[Qué interpretación tiene lo anterior?\n"
        ".hi-red[$$\\hat{salary}=963.19+18501 \\;roe$$]]\n\nTexto después.\n",
    )
    texts = paragraph_texts(prs.slides[1])
    assert "Qué interpretación tiene lo anterior?" in texts, texts
    assert not any("[" in t or "]" in t for t in texts), texts
    assert "oMath>" in prs.slides[1]._element.xml


# --------------------------------------------------------------------------- 3. numbering over clicks


def test_a_numbered_list_revealed_item_by_item_goes_on_numbering(tmp_path):
    prs, err = _deck(
        tmp_path,
        "# Propiedades\n\n--\n\n1. Los estimadores deben ser **lineales**.\n\n--\n\n1. Nuestras variables X "
        "son exógenas.\n\n--\n\n1. No hay *multicolinealidad*.\n\n--\n\n1. Cuarta.\n",
    )
    assert _numbers(prs.slides[1]) == ["1", "2", "3", "4"], _numbers(prs.slides[1])


def test_numbering_over_clicks_in_a_sub_list_and_after_a_paragraph(tmp_path):
    prs, err = _deck(
        tmp_path,
        "# Steps\n\n- Outer\n  1. first\n\n--\n\n  1. second\n\n--\n\nA paragraph ends the list.\n\n--\n\n"
        "1. again one\n\n--\n\n1. then two\n",
    )
    assert _numbers(prs.slides[1]) == ["1", "2", "1", "2"], _numbers(prs.slides[1])


# --------------------------------------------------------------------------- 5. pale pink


def test_css_pink_on_white_is_darkened_with_a_warning_and_orange_kept(tmp_path):
    prs, err = _deck(
        tmp_path,
        "# Literacy\n\n- The ability to .pink[understand data], or arguments.\n"
        "- A bright .orange[orange word] still reads (1.97:1).\n",
    )
    colours = {
        r.text: str(r.font.color.rgb)
        for sh in prs.slides[1].shapes
        if sh.has_text_frame
        for p in sh.text_frame.paragraphs
        for r in p.runs
        if r.font.color is not None and r.font.color.type is not None
    }
    pink = colours["understand data"]
    assert pink != "FFC0CB" and pink[:2] == "FF" and int(pink[2:4], 16) < 0xC0, colours
    assert colours["orange word"] == "FFA500", colours  # (CSS orange: kept)
    warned = [line for line in err.splitlines() if "[colour-contrast]" in line]
    assert len(warned) == 1 and "#FFC0CB" in warned[0] and "deck.Rmd:" in warned[0], err


# --------------------------------------------------------------------------- 6. long links


def test_a_long_link_is_written_a_run_a_word_and_gives_no_false_warning(tmp_path):
    link = (
        'Open Science Collaboration. "Estimating the reproducibility of psychological science." '
        "Science 349.6251 (2015)"
    )
    prs, err = _deck(
        tmp_path,
        f"# The costs of HARKing\n\nHARKing plays a role in the replication crisis!\n\n"
        f".tiny[Source: [{link}](https://example.org/aac4716.full.pdf).]\n\n"
        "Have a look [here at this page](https://en.wikipedia.org/wiki/Replication_crisis) too.\n",
    )
    assert "[overfull]" not in err, err
    runs = [
        r
        for sh in prs.slides[1].shapes
        if sh.has_text_frame
        for p in sh.text_frame.paragraphs
        for r in p.runs
    ]
    linked = [r for r in runs if r.hyperlink.address == "https://example.org/aac4716.full.pdf"]
    assert "".join(r.text for r in linked) == link and len(linked) == len(link.split()), [
        r.text for r in linked
    ]
    short = [r.text for r in runs if r.hyperlink.address and "wikipedia" in r.hyperlink.address]
    assert short == ["here at this page"], short  # (a short link stays one run)


def test_a_link_too_wide_for_its_column_is_named_in_the_warning(tmp_path):
    prs, err = _deck(
        tmp_path,
        "# Narrow\n\n.left-column[\nSee [the course web page here](https://example.org/x) now.\n]\n\n"
        ".right-column[\nRight side words.\n]\n",
    )
    warned = [line for line in err.splitlines() if "[overfull]" in line]
    assert len(warned) == 1 and "the link text 'the course web page here'" in warned[0], err
