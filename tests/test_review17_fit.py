"""Review 17 d: reveal-md's ``notesSeparator:`` starts a slide's speaker notes, and a list item with a
sub-list taller than a slide continues on a "(cont.)" slide instead of running off the deck's slide
(while the slides PDF drew it smaller)."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest
from pptx.util import Pt

from .conftest import paragraph_texts, run_cli, write_md
from .drawn import pages, problems, render

SPEAKER = "Speaker only: explain who owns the backlog."

NOTES_DECK = f"""
---
title: Notes separator
separator: <!-- s -->
verticalSeparator: <!-- v -->
notesSeparator: <!-- n -->
revealOptions:
  transition: fade
---

## Roles

- Product Owner
- Scrum Master

<!-- n -->

{SPEAKER}

### Backlog

Who orders it.

## Still notes

Note: this line is notes too, up to the next separator.

<!-- s -->

## Meetings

- Daily

Note: a line the slide shows, since this deck's notes start elsewhere.

<!-- v -->

## Review

- Demo <!-- n --> Ask for feedback.
"""


def _notes(slide) -> str:
    return slide.notes_slide.notes_text_frame.text if slide.has_notes_slide else ""


def _pdf_text(path) -> str:
    return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout


def _by_title(prs) -> dict[str, object]:
    return {s.shapes.title.text: s for s in prs.slides if s.shapes.title is not None}


def _built(tmp_path_factory, name: str, text: str):
    """``text`` built with ``all``: (the deck as python-pptx reads it, the output folder, the messages)."""
    from pptx import Presentation

    root = tmp_path_factory.mktemp(name)
    out = root / "out"
    result = run_cli("all", write_md(root, text), "-o", out)
    assert result.exit_code == 0, result.stderr
    return Presentation(str(out / "lecture.pptx")), out, result.stderr


@pytest.fixture(scope="module")
def notes_built(tmp_path_factory):
    return _built(tmp_path_factory, "notes", NOTES_DECK)


def test_what_follows_the_notes_separator_is_the_slides_speaker_notes(notes_built):
    prs, _, _ = notes_built
    slides = _by_title(prs)
    assert list(slides) == ["Roles", "Meetings", "Review"]
    roles = slides["Roles"]
    assert paragraph_texts(roles)[1:3] == ["Product Owner", "Scrum Master"]
    body = "\n".join(paragraph_texts(roles))
    assert "Speaker only" not in body and "Backlog" not in body and "Still notes" not in body
    notes = _notes(roles)
    # (reveal-md: the notes run to the next slide separator, headings and all)
    for words in (SPEAKER, "Backlog", "Who orders it.", "Still notes", "this line is notes too"):
        assert words in notes


def test_with_a_notes_separator_of_its_own_a_note_line_stays_and_vertical_slides_still_cut(notes_built):
    prs, _, _ = notes_built
    slides = _by_title(prs)
    assert any("a line the slide shows" in t for t in paragraph_texts(slides["Meetings"]))
    review = slides["Review"]
    assert "Demo" in paragraph_texts(review)
    assert "feedback" not in "\n".join(paragraph_texts(review))
    assert "Ask for feedback." in _notes(review)


def test_the_notes_are_not_printed_as_slide_text_in_the_slides_pdf(notes_built):
    _, out, stderr = notes_built
    assert "Speaker only" not in _pdf_text(out / "lecture-slides.pdf")
    assert "notesSeparator" not in stderr  # (no longer an unused key)


def test_a_notes_separator_that_is_no_pattern_is_a_warning_at_its_line(tmp_path):
    text = NOTES_DECK.replace("notesSeparator: <!-- n -->", "notesSeparator: '(<!-- n'")
    src = write_md(tmp_path, text)
    result = run_cli("slides", src, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.stderr
    assert re.search(r"lecture\.md:5: warning: notesSeparator '\(<!-- n' cannot be used", result.stderr)


LOREM = (
    "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore "
    "et dolore magna aliqua. "
) * 5

LONG_ITEM = f"""
---
title: Overflow
---

## One long item

1. A short first item

2. Two religions in Greece

    First {LOREM}

    Second {LOREM}

    1. Alpha {LOREM}

    2. Beta {LOREM}

    3. Gamma {LOREM}

3. A short last item
"""


def _body_paragraphs(slide):
    return [
        p
        for sh in slide.placeholders
        if sh.placeholder_format.idx != 0 and sh.placeholder_format.type not in (13, 15, 16)
        for p in sh.text_frame.paragraphs
        if p.text.strip()
    ]


def _numbered_from(p) -> int | None:
    """The number a numbered paragraph's list starts at (``a:buAutoNum``'s ``startAt``), if numbered."""
    auto = p._p.find(".//{http://schemas.openxmlformats.org/drawingml/2006/main}buAutoNum")
    return None if auto is None else int(auto.get("startAt", "1"))


@pytest.fixture(scope="module")
def long_built(tmp_path_factory):
    return _built(tmp_path_factory, "long", LONG_ITEM)


def test_a_list_item_with_a_sub_list_taller_than_a_slide_goes_on_to_a_cont_slide(long_built):
    prs, _, stderr = long_built
    assert "overfull" not in stderr
    titles = [s.shapes.title.text for s in prs.slides if s.shapes.title is not None]
    assert titles[1] == "One long item" and len(titles) >= 3
    assert all(t == "One long item (cont.)" for t in titles[2:])
    words = [p.text for s in list(prs.slides)[1:] for p in _body_paragraphs(s)]
    # every word once, in order
    order = [
        "A short first item",
        "Two religions",
        "First",
        "Second",
        "Alpha",
        "Beta",
        "Gamma",
        "A short last",
    ]
    at = [next(i for i, w in enumerate(words) if w.startswith(o)) for o in order]
    assert at == sorted(at)
    for slide in list(prs.slides)[1:]:  # nothing below the floors: 18 pt, 15 pt nested
        for p in _body_paragraphs(slide):
            for r in p.runs:
                if r.font.size is not None:
                    assert r.font.size >= Pt(15) - 1


def test_the_sub_list_keeps_its_numbers_on_the_cont_slide(long_built):
    prs, _, _ = long_built
    numbered = [
        (p.text.split()[0], _numbered_from(p), k)
        for k, slide in enumerate(list(prs.slides)[1:])
        for p in _body_paragraphs(slide)
        if _numbered_from(p) is not None
    ]
    assert [(w, n) for w, n, _ in numbered] == [
        ("A", 1),
        ("Two", 2),
        ("Alpha", 1),
        ("Beta", 2),
        ("Gamma", 3),
        ("A", 3),
    ]
    assert numbered[-1][2] > numbered[1][2]  # (the sub-list went on past the item's slide)


def test_with_fit_none_the_overfull_warning_names_the_items_line(tmp_path):
    src = write_md(tmp_path, LONG_ITEM)
    result = run_cli("slides", src, "-o", tmp_path / "none", "--fit", "none")
    assert re.search(
        r"lecture\.md:9: warning: slide 2 is too full: .*the list item 'Two religions", result.stderr
    )


def test_libreoffice_draws_the_long_item_inside_the_slides_and_as_large_as_the_slides_pdf(
    long_built, tmp_path
):
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice or not shutil.which("pdftotext"):
        pytest.skip("LibreOffice (soffice) and pdftotext are needed; CI installs them")
    _, out, _ = long_built
    deck = out / "lecture.pptx"
    pdf = render([deck], tmp_path / "lo", soffice)[deck]
    assert problems(deck, pdf) == []

    def widths(path, word):
        return [w.x1 - w.x0 for _, _, ws in pages(path) for w in ws if w.text == word]

    drawn = widths(pdf, "religions")
    slides = widths(out / "lecture-slides.pdf", "religions")
    assert drawn and slides
    # (the same 960-pt-wide page: the same word at the same size, within rounding)
    assert abs(drawn[0] - slides[0]) < 0.05 * drawn[0]
