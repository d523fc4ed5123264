"""reveal.js's span fragments (``[words]{.fragment}``, ``<span class="fragment">``) as clicks: a paragraph,
a list item's words or a line in a div that is a span fragment comes on its click, ordered by
``fragment-index`` with the fragment divs; a paragraph with words outside its fragment comes on the click
whole, with one warning.  The deck's timing XML is read back through python-pptx."""

from __future__ import annotations

import re
import subprocess
import textwrap
from pathlib import Path

from pptx import Presentation

from .conftest import click_paragraphs, run_cli, write_md

_FRONT = "---\ntitle: Clicks\nformat: revealjs\n---\n\n"


def _build(tmp_path: Path, body: str, command: str = "slides"):
    """(the deck's last slide as python-pptx reads it, stderr, the output folder) of ``body`` under
    Quarto front matter, built by the command line from lecture.qmd."""
    src = write_md(tmp_path, _FRONT + textwrap.dedent(body), "lecture.qmd")
    out = tmp_path / "out"
    result = run_cli(command, src, "-o", out)
    assert result.exit_code == 0, result.stderr
    prs = Presentation(str(out / "lecture.pptx"))
    return prs.slides[len(prs.slides) - 1], result.stderr, out


def _slide_text(slide) -> str:
    return "\n".join(sh.text_frame.text for sh in slide.shapes if sh.has_text_frame)


def _pdf_text(path: Path) -> str:
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return " ".join(text.split())


def _no_debris(text: str) -> None:
    assert "{" not in text and "fragment" not in text and "]" not in text, text


def test_span_paragraph_comes_with_the_div_of_its_index(tmp_path):
    """The review's repro: the sentence and the div of index 1 on click 1, the bullet of index 2 on click 2;
    the first line is shown from the start."""
    slide, err, _ = _build(
        tmp_path,
        """\
        ## Step

        First line, shown at once.

        [Then, on click 1, this sentence.]{.fragment fragment-index=1}

        ::: {.fragment fragment-index=1}
        And this block, also on click 1.
        :::

        - [A bullet whose text comes on click 2.]{.fragment fragment-index=2}
        """,
    )
    assert click_paragraphs(slide) == [
        ["Then, on click 1, this sentence.", "And this block, also on click 1."],
        ["A bullet whose text comes on click 2."],
    ]
    text = _slide_text(slide)
    assert text.count("First line, shown at once.") == 1
    assert text.count("A bullet whose text comes on click 2.") == 1
    _no_debris(text)
    assert "warning" not in err


def test_fragment_bullets_each_on_their_own_click_in_reading_order(tmp_path):
    """``- [words]{.fragment}`` items without an index: each item (bullet and words) on its own click, in
    reading order; a plain item before them and the items' bold and math kept."""
    slide, err, _ = _build(
        tmp_path,
        "## Punch lines\n\n- Shown at once\n- [The **first** point.]{.fragment}\n"
        "- [The second point, with $x^2$.]{.fragment .fade-up}\n",
    )
    clicks = click_paragraphs(slide)
    assert len(clicks) == 2, clicks
    assert clicks[0] == ["The first point."]
    assert clicks[1][0].startswith("The second point, with")
    assert not any("Shown at once" in p for c in clicks for p in c)
    bold = [r for sh in slide.shapes if sh.has_text_frame for p in sh.text_frame.paragraphs for r in p.runs]
    assert any(r.text == "first" and r.font.bold for r in bold)
    _no_debris(_slide_text(slide))
    assert "warning" not in err


def test_index_orders_span_fragments_against_their_writing_order(tmp_path):
    """``fragment-index`` decides the click: index 2 written first comes second; a lead-in in a no-bullet
    div shares its click with the equation div of the same index."""
    slide, err, _ = _build(
        tmp_path,
        "## Passo 1\n\n[Written first, shown second.]{.fragment fragment-index=2}\n\n"
        "::: {.no-bullet}\n[que é o mesmo que]{.fragment fragment-index=1}\n:::\n\n"
        "::: {.eq-block .fragment fragment-index=1}\n$$\\theta \\geq D(E) - D(0)$$\n:::\n",
    )
    clicks = click_paragraphs(slide)
    assert clicks == [["que é o mesmo que"], ["Written first, shown second."]], clicks
    p = "{http://schemas.openxmlformats.org/presentationml/2006/main}"
    maths = {  # (an Office-math equation is in an mc:AlternateContent, which python-pptx's shapes leave out)
        int(e.get("id")) for e in slide._element.iter(f"{p}cNvPr") if e.get("name", "").startswith("Equation")
    }
    first = next(c for c in slide._element.iter(f"{p}cTn") if c.get("nodeType") == "mainSeq")
    targets = [
        {int(t.get("spid")) for t in click.iter(f"{p}spTgt")} for click in first.find(f"{p}childTnLst")
    ]
    assert maths and maths <= targets[0] and not maths & targets[1], (maths, targets)  # the equation: click 1
    assert "warning" not in err


def test_html_span_fragments_in_an_item_and_a_paragraph(tmp_path):
    """``<span class="fragment">`` (reveal.js's HTML) as a list item's words and as a paragraph: clicks in
    ``data-fragment-index`` order, no raw-HTML warning, no tags shown."""
    slide, err, _ = _build(
        tmp_path,
        '## HTML\n\n- Shown at once\n- <span class="fragment" data-fragment-index="2">Item on click two</span>\n\n'
        'Then <span class="fragment" data-fragment-index="1">a line on click one</span>\n',
    )
    assert click_paragraphs(slide) == [["Then a line on click one"], ["Item on click two"]]
    text = _slide_text(slide)
    assert "<" not in text and "span" not in text
    assert "raw-html" not in err


def test_partial_span_fragment_brings_its_paragraph_whole_with_one_warning(tmp_path):
    """PowerPoint builds paragraphs, not words: a paragraph with words around its fragment comes on the click
    whole, its words all kept, with one warning at its line."""
    slide, err, _ = _build(
        tmp_path,
        "## Quiz\n\nA question shown at once.\n\nThe answer is [forty-two]{.fragment}, of course.\n",
    )
    assert click_paragraphs(slide) == [["The answer is forty-two, of course."]]
    assert _slide_text(slide).count("The answer is forty-two, of course.") == 1
    warnings = [ln for ln in err.splitlines() if "[fragment]" in ln]
    assert len(warnings) == 1, err
    assert re.search(
        r"lecture\.qmd:10: warning: 'The answer is forty-two, of course\.': the words around", warnings[0]
    )


def test_style_only_span_fragment_stays_without_click_or_warning(tmp_path):
    """``.fragment .fade-out`` (and the highlights) change what is already there: shown from the start, as
    such divs are, on no click and with no warning (a note says so)."""
    slide, err, _ = _build(
        tmp_path, "## Fade\n\n[This fades later.]{.fragment .fade-out}\n\n[This comes.]{.fragment}\n"
    )
    assert click_paragraphs(slide) == [["This comes."]]
    assert "This fades later." in _slide_text(slide)
    assert [ln.split(": ")[1] for ln in err.splitlines() if "[fragment]" in ln] == ["note"]


def test_span_fragment_in_a_quote_is_warned_about(tmp_path):
    """A fragment span inside a quote cannot take a click of its own there: shown, with one warning."""
    slide, err, _ = _build(tmp_path, "## Quote\n\n> [Quoted words.]{.fragment}\n")
    assert "Quoted words." in _slide_text(slide)
    assert err.count("[fragment]") == 1 and "lecture.qmd:8: warning:" in err, err
    assert "shown from the start" in err


def test_handout_and_slides_pdf_show_span_fragments_once(tmp_path):
    """``all``: the handout and the slides PDF show every fragment's words once, without attributes."""
    slide, err, out = _build(
        tmp_path,
        "## Step\n\nLead-in sentence here.\n\n[Sentence on a click.]{.fragment fragment-index=1}\n\n"
        "- [Bullet on a click.]{.fragment fragment-index=2}\n",
        "all",
    )
    assert click_paragraphs(slide) == [["Sentence on a click."], ["Bullet on a click."]]
    for name in ("lecture-handout.pdf", "lecture-slides.pdf"):
        text = _pdf_text(out / name)
        for words in ("Lead-in sentence here.", "Sentence on a click.", "Bullet on a click."):
            assert text.count(words) == 1, (name, words, text)
        assert "fragment" not in text and "{" not in text, text
    assert "warning" not in err and "agree with the source" in err, err


def test_two_span_fragments_in_one_paragraph_share_the_first_click_with_a_warning(tmp_path):
    """``[A]{.fragment} [B]{.fragment}`` in one paragraph: one click (the first's), one warning saying so."""
    slide, err, _ = _build(tmp_path, "## Two\n\n[Alpha]{.fragment} [Beta]{.fragment}\n")
    assert click_paragraphs(slide) == [["Alpha Beta"]]
    assert err.count("[fragment]") == 1 and "its 2 [...]{.fragment} spans come on one click" in err, err


def test_html_fragment_lines_keep_their_index_and_fade_out_style(tmp_path):
    """``<p class="fragment" data-fragment-index="2">`` on a line of its own keeps its index; one with
    ``fade-out`` is shown from the start, on no click, as a ``.fade-out`` div is."""
    slide, err, _ = _build(
        tmp_path,
        '## HTML lines\n\n<p class="fragment" data-fragment-index="2">Second</p>\n\n'
        '<p class="fragment fade-out">Shown always</p>\n\n'
        '<span class="fragment" data-fragment-index="1">First</span>\n',
    )
    assert click_paragraphs(slide) == [["First"], ["Second"]]
    assert "Shown always" in _slide_text(slide)
