"""Review 20 (f), humanities decks: Marp's ``data-marpit-fragment`` elements as clicks; a title broken by
hand with ``<br>`` on a slide of its own; the handout's name for a first slide titled by a ``##`` heading
in a reveal.js deck without front matter.  Read back through python-pptx, pdftotext and the command
line's messages."""

from __future__ import annotations

import subprocess
import textwrap
from pathlib import Path

from pptx import Presentation

from .conftest import click_paragraphs, run_cli, write_md

_MARP = "---\nmarp: true\n---\n\n"


def _build(tmp_path: Path, text: str, command: str = "slides", name: str = "lecture.md"):
    """(the deck as python-pptx reads it, stderr, the output folder) of ``text`` built by the command line."""
    src = write_md(tmp_path, textwrap.dedent(text), name)
    out = tmp_path / "out"
    result = run_cli(command, src, "-o", out)
    assert result.exit_code == 0, result.stderr
    return Presentation(str(out / (Path(name).stem + ".pptx"))), result.stderr, out


def _slide_text(slide) -> str:
    return "\n".join(sh.text_frame.text for sh in slide.shapes if sh.has_text_frame)


def _pdf_text(path: Path, layout: bool = False) -> str:
    args = ["pdftotext", *(["-layout"] if layout else []), str(path), "-"]
    return subprocess.run(args, capture_output=True, text=True, check=True).stdout


# --------------------------------------------------------------------------- 1. data-marpit-fragment


def test_marpit_fragment_spans_are_clicks_in_index_order_without_raw_html_warning(tmp_path):
    """The review's repro, with the indices written out of order: each span's paragraph on the click of
    its index, the first line shown at once, no tags and no raw-HTML warning."""
    prs, err, _ = _build(
        tmp_path,
        _MARP + "# Descartes\n\nJe pense.\n\n"
        '<span data-marpit-fragment="2">Je suis une chose qui pense.</span>\n\n'
        '<span data-marpit-fragment="1">Donc je suis.</span>\n',
    )
    slide = prs.slides[0]
    assert click_paragraphs(slide) == [["Donc je suis."], ["Je suis une chose qui pense."]]
    text = _slide_text(slide)
    assert "Je pense." in text and "<" not in text and "marpit" not in text, text
    assert "raw-html" not in err and "warning" not in err, err


def test_marpit_fragment_paragraph_div_and_list_items(tmp_path):
    """``<p>`` and ``<div>`` with ``data-marpit-fragment`` (each tag on a line of its own) take the click of
    their index with the spans; an HTML list's ``<li data-marpit-fragment>`` items come one per click."""
    prs, err, _ = _build(
        tmp_path,
        _MARP + "# Blocks\n\nShown first.\n\n"
        '<p data-marpit-fragment="3">Third, a paragraph.</p>\n\n'
        '<div data-marpit-fragment="2">\n\nSecond, a **div**.\n\n</div>\n\n'
        '<span data-marpit-fragment="1">First, a span.</span>\n\n---\n\n# List\n\n'
        '<ul>\n<li>Shown at once</li>\n<li data-marpit-fragment="1">Item one</li>\n'
        '<li data-marpit-fragment="2">Item two</li>\n</ul>\n',
    )
    first, second = prs.slides[0], prs.slides[1]
    assert click_paragraphs(first) == [["First, a span."], ["Second, a div."], ["Third, a paragraph."]]
    assert click_paragraphs(second) == [["Item one"], ["Item two"]]
    assert "Shown at once" in _slide_text(second)
    for s in (first, second):
        assert "<" not in _slide_text(s) and "marpit" not in _slide_text(s)
    assert "raw-html" not in err, err


def test_marpit_fragment_span_in_a_list_item_left_open_still_comes_on_a_click(tmp_path):
    """A span opened in an item and never closed (the browser ends it with the item, as in the review's
    deck) still brings its item on its click."""
    prs, err, _ = _build(
        tmp_path,
        _MARP + "# Substance\n\nHume montre.\n\n"
        '- <span data-marpit-fragment="1">Au sens étymologique, ce qui se tient dessous\n'
        '- <span data-marpit-fragment="2">Une réalité fondamentale</span>\n',
    )
    assert click_paragraphs(prs.slides[0]) == [
        ["Au sens étymologique, ce qui se tient dessous"],
        ["Une réalité fondamentale"],
    ]
    assert "raw-html" not in err, err


def test_marpit_fragment_warnings_name_marps_spelling(tmp_path):
    """What PowerPoint cannot build (two spans in one paragraph, words around a span, a span in a quote)
    is warned about at its line in Marp's words, never as raw HTML; every word is kept."""
    prs, err, _ = _build(
        tmp_path,
        _MARP + "# Limits\n\n"
        '<span data-marpit-fragment="1">Alpha.</span><span data-marpit-fragment="2"> Beta.</span>\n\n'
        'Words <span data-marpit-fragment="3">and more</span>.\n\n'
        '> <span data-marpit-fragment="4">Quoted.</span>\n',
    )
    text = _slide_text(prs.slides[0])
    for words in ("Alpha. Beta.", "Words and more.", "Quoted."):
        assert words in text, text
    lines = [ln for ln in err.splitlines() if "[fragment]" in ln]
    assert len(lines) == 3, err
    assert "lecture.md:7: warning:" in lines[0] and "its 2 <span data-marpit-fragment> spans" in lines[0]
    assert "lecture.md:9: warning:" in lines[1] and "(Marp shows them from the start)" in lines[1]
    assert "lecture.md:11: warning:" in lines[2] and "span in a quote" in lines[2]
    assert "{.fragment}" not in err and "raw-html" not in err, err


# --------------------------------------------------------------------------- 2. titles broken by hand


def _title_sizes(slide) -> set:
    """The sizes (pt, None for the layout's own) of the runs of the slide's title."""
    return {
        r.font.size.pt if r.font.size else None
        for p in slide.shapes.title.text_frame.paragraphs
        for r in p.runs
    }


def test_marp_cover_with_a_broken_fit_title_is_the_title_slide_at_full_size(tmp_path):
    """The review's repro: a cover (``_class: titre``, French for title) whose fitting heading is broken
    in three lines over a byline is the deck's title slide, its title at the layout's size, no warning."""
    prs, err, _ = _build(
        tmp_path,
        _MARP + "<!-- _class: titre -->\n\n# Q1a – <br>Peut-on saisir ce<br>qu'est le Moi ? <!-- fit -->\n"
        "Cédric Eyssette\n\n---\n\n# Deux\n\nTexte.\n",
    )
    cover = prs.slides[0]
    assert cover.slide_layout.name == "Title Slide", cover.slide_layout.name
    assert cover.shapes.title.text_frame.text == "Q1a – \vPeut-on saisir ce\vqu'est le Moi ?"
    assert _title_sizes(cover) == {None}  # (not squeezed: the title layout's own size)
    assert "Cédric Eyssette" in _slide_text(cover)
    assert "overfull" not in err and "too long" not in err, err


def test_marp_part_title_with_breaks_and_a_line_is_a_section_slide(tmp_path):
    """A part's fitting heading broken in four lines with "Première partie" under it (the review's deck,
    line 51): a section slide with that line, whose layout has room, and no warning."""
    prs, err, _ = _build(
        tmp_path,
        _MARP + "# Cours\n\n---\n\n<!-- _class: partie -->\n"
        "# I – La conscience <br>de soi semble être<br> le fondement d'une <br>connaissance de soi <!-- fit -->\n"
        "Première partie\n\n---\n\n# Suite\n\nTexte.\n",
    )
    part = prs.slides[1]
    assert part.slide_layout.name == "Section Header", part.slide_layout.name
    assert part.shapes.title.text_frame.text.startswith("I – La conscience \vde soi")
    assert "Première partie" in _slide_text(part)
    assert "overfull" not in err and "too long" not in err, err


def test_a_title_broken_by_hand_is_warned_about_its_breaks_not_its_length(tmp_path):
    """On a content slide, a short title whose ``<br>`` breaks need more lines than the title box holds is
    warned about for its breaks, at its line; a title that is simply too long still is told to shorten."""
    _, err, _ = _build(
        tmp_path,
        "---\ntitle: Breaks\n---\n\n## Un <br>titre<br>coupé<br>partout\n\n- Un point\n\n"
        "## A title that is really much too long for any title box to hold on two lines even when it is drawn "
        "at sixty per cent of its size, and it goes on and on and on, because the lecturer wrote a whole "
        "sentence where a title should be, with clauses and asides and more words still, until the box is "
        "full\n\n- Point\n",
    )
    lines = [ln for ln in err.splitlines() if "[overfull]" in ln]
    assert len(lines) == 2, err
    assert "lecture.md:5: warning: slide 2: its title's 3 forced line breaks" in lines[0], lines[0]
    assert "make it 4 lines" in lines[0] and "shorten" not in lines[0]
    assert "lecture.md:9: warning: slide 3: its title is too long" in lines[1] and "shorten it" in lines[1]


# --------------------------------------------------------------------------- 3. an untitled first slide


def test_untitled_slide_is_named_by_its_opening_heading_in_the_handout_and_slides_pdf(tmp_path):
    """The review's repro: a reveal.js deck without front matter opens with ``## Moralphilosophie`` over a
    ``#`` heading (pandoc's slide level 1: the ``##`` heading stands in an untitled slide).  The handout's
    contents, its heading for the slide and both PDFs' bookmarks say "Moralphilosophie", not "Slide 1"."""
    from pypdf import PdfReader

    _, err, out = _build(
        tmp_path,
        "## Moralphilosophie\nImmanuel Kant (1724–1804)\n=====================\n\nText.\n\n"
        "# Zweite Folie\n\n* Punkt\n",
        "all",
    )
    handout = _pdf_text(out / "lecture-handout.pdf", layout=True)
    assert "slide 1" not in handout.lower(), handout
    contents = [ln.split() for ln in handout.splitlines() if ln.strip().startswith("1 ")]
    assert ["1", "Moralphilosophie"] == contents[0][:2], contents
    for name in ("lecture-handout.pdf", "lecture-slides.pdf"):
        marks = [o.title for o in PdfReader(str(out / name)).outline if not isinstance(o, list)]
        assert marks[:3] == ["1. Moralphilosophie", "2. Immanuel Kant (1724–1804)", "3. Zweite Folie"], marks
    assert "agree with the source" in err, err
