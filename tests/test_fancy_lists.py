"""Pandoc's fancy list markers (a. / B) / (iv) / (1) / #.): read as pandoc reads them, numbered the same
way in the deck (DrawingML's autonumber schemes, read back with python-pptx), in the handout and the
slides PDF (read back with poppler), and drawn by LibreOffice with the number clear of the text."""

from __future__ import annotations

import re
import subprocess

import pytest
from pptx import Presentation

from podium import model as m
from podium.diagnostics import Diagnostics
from podium.fancylists import marker_text, roman_value
from podium.reader import parse_lecture

from .conftest import build_all, write_md
from .drawn import pages, render

A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"


def _lists(text: str) -> list[m.BulletList]:
    lec = parse_lecture("## S\n\n" + text, "lecture.md", Diagnostics())
    found: list[m.BulletList] = []

    def visit(blocks):
        for b in blocks:
            if isinstance(b, m.BulletList):
                found.append(b)
                for item in b.items:
                    visit(item.blocks)

    visit(lec.slides[0].body)
    return found


@pytest.mark.parametrize(
    "source, numbering, delimiter, start, items",
    [
        ("a. one\nb. two\nc. three\n", m.Numbering.LOWER_ALPHA, m.Delimiter.PERIOD, 1, 3),
        ("c) one\nd) two\n", m.Numbering.LOWER_ALPHA, m.Delimiter.PAREN, 3, 2),
        ("(A) one\n(B) two\n", m.Numbering.UPPER_ALPHA, m.Delimiter.PARENS, 1, 2),
        ("A.  one\nB.  two\n", m.Numbering.UPPER_ALPHA, m.Delimiter.PERIOD, 1, 2),
        ("i. one\nii. two\niii. three\niv. four\n", m.Numbering.LOWER_ROMAN, m.Delimiter.PERIOD, 1, 4),
        ("(iv) one\n(v) two\n", m.Numbering.LOWER_ROMAN, m.Delimiter.PARENS, 4, 2),
        ("IX) one\nX) two\n", m.Numbering.UPPER_ROMAN, m.Delimiter.PAREN, 9, 2),
        ("(1) one\n(2) two\n", m.Numbering.DECIMAL, m.Delimiter.PARENS, 1, 2),
        ("#. one\n#. two\n", m.Numbering.DECIMAL, m.Delimiter.PERIOD, 1, 2),
        ("3) one\n4) two\n", m.Numbering.DECIMAL, m.Delimiter.PAREN, 3, 2),
        ("h. one\ni. two\nj. three\n", m.Numbering.LOWER_ALPHA, m.Delimiter.PERIOD, 8, 3),  # i after h
    ],
)
def test_fancy_markers_are_read_as_pandoc_reads_them(source, numbering, delimiter, start, items):
    (lst,) = _lists(source)
    assert (lst.ordered, lst.numbering, lst.delimiter, lst.start, len(lst.items)) == (
        True,
        numbering,
        delimiter,
        start,
        items,
    )


def test_a_sublist_needs_no_blank_line_and_a_change_of_style_ends_a_list():
    outer, inner = _lists("a. one\nb. two\n   i. sub one\n   ii. sub two\nc. three\n")
    assert (outer.numbering, len(outer.items)) == (m.Numbering.LOWER_ALPHA, 3)
    assert (inner.numbering, len(inner.items)) == (m.Numbering.LOWER_ROMAN, 2)
    first, second = _lists("a. one\nb. two\n\n(i) other\n")
    assert (len(first.items), second.numbering, second.delimiter) == (
        2,
        m.Numbering.LOWER_ROMAN,
        m.Delimiter.PARENS,
    )


@pytest.mark.parametrize(
    "source",
    [
        "B. Russell wrote about power.\n",  # an initial: a capital and a period need two spaces
        "I. Introduction\n",
        "Some text\nb. in the same paragraph\n",  # no list in the middle of a paragraph
        "```\na. code\nb. code\n```\n",
        "e.g. an abbreviation\n",
        "(c)2024 written close\n",
    ],
)
def test_sentences_that_look_like_markers_stay_text(source):
    assert _lists(source) == []


def test_marker_text_and_roman_numerals():
    assert [marker_text(m.Numbering.LOWER_ALPHA, m.Delimiter.PERIOD, n) for n in (1, 26, 27)] == [
        "a.",
        "z.",
        "aa.",
    ]
    assert marker_text(m.Numbering.UPPER_ROMAN, m.Delimiter.PARENS, 14) == "(XIV)"
    assert marker_text(m.Numbering.DECIMAL, m.Delimiter.PAREN, 7) == "7)"
    assert [roman_value(x) for x in ("iv", "MCMXCIV", "ix", "iiii", "vx")] == [4, 1994, 9, None, None]


LECTURE = """\
    ---
    title: Lists
    ---

    ## Steps

    a. Show the differences between two versions
    b. Display a past version
       i. by its hash
       ii. by its tag
    c. Go back

    ## Questions

    (1) What is human security?
    (2) Who defined it?

    ## Roman

    iv. fourth item
    v. fifth item
    vi. sixth item
    """


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    folder = tmp_path_factory.mktemp("fancy")
    return build_all(write_md(folder, LECTURE), folder / "out")


def _numbered(deck) -> list[tuple[str, str | None, str, int, int]]:
    out = []
    for slide in Presentation(str(deck)).slides:
        for shape in slide.shapes:
            if not shape.has_text_frame:
                continue
            for p in shape.text_frame.paragraphs:
                auto = p._p.find(f".//{A}buAutoNum")
                if auto is not None:
                    ppr = p._p.find(f"{A}pPr")
                    out.append(
                        (auto.get("type"), auto.get("startAt"), p.text, int(ppr.get("marL", 0)), p.level)
                    )
    return out


def test_the_deck_numbers_each_list_in_its_own_style(built):
    # (every item its number: LibreOffice counts on from the list before where an item has none)
    got = _numbered(built.deck)
    assert [(t, s, text) for t, s, text, _, _ in got] == [
        ("alphaLcPeriod", "1", "Show the differences between two versions"),
        ("alphaLcPeriod", "2", "Display a past version"),
        ("romanLcPeriod", "1", "by its hash"),
        ("romanLcPeriod", "2", "by its tag"),
        ("alphaLcPeriod", "3", "Go back"),
        ("arabicParenBoth", "1", "What is human security?"),
        ("arabicParenBoth", "2", "Who defined it?"),
        ("romanLcPeriod", "4", "fourth item"),
        ("romanLcPeriod", "5", "fifth item"),
        ("romanLcPeriod", "6", "sixth item"),
    ]
    # a marker wider than "8." moves its list's text right (every item alike), "a." does not
    margins = {text: mar for _, _, text, mar, _ in got}
    assert margins["What is human security?"] == margins["Who defined it?"] > margins["Go back"]
    assert margins["fourth item"] == margins["fifth item"] > margins["Go back"]


def _pdf_text(pdf) -> str:
    return subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout


def test_the_handout_and_slides_pdf_show_the_same_numbers(built):
    for pdf in (built.handout, built.slides_pdf):
        text = " ".join(_pdf_text(pdf).split())
        for shown in ("a. Show the", "b. Display", "i. by its hash", "ii. by its tag", "c. Go back"):
            assert shown in text, (pdf.name, shown)
        for shown in ("(1) What is", "(2) Who defined", "iv. fourth", "v. fifth", "vi. sixth"):
            assert shown in text, (pdf.name, shown)


def test_libreoffice_draws_each_number_clear_of_its_text(built, soffice, tmp_path):
    pdf = render([built.deck], tmp_path, soffice)[built.deck]
    for _w, _h, words in pages(pdf):
        for k, w in enumerate(words[:-1]):
            nxt = words[k + 1]
            if w.text in ("(1)", "(2)", "iv.", "v.", "vi.", "a.", "b.", "c.") and abs(nxt.y0 - w.y0) < 2:
                assert nxt.x0 - w.x1 > 3, (w.text, nxt.text, nxt.x0 - w.x1)
    drawn = " ".join(w.text for _w, _h, words in pages(pdf) for w in words)
    for marker in ("(1)", "(2)", "iv.", "vi."):
        assert marker in drawn.split(), marker


def test_two_lists_apart_are_numbered_apart_and_a_list_from_zero_is_valid(tmp_path):
    # pandoc's manual ends a list with `<!-- -->`: two lists, each from 1; the drawings ran them on
    # (1-6) and LibreOffice drew 1 2 3 4 2 3. A list from 0 wrote startAt="0", which the format forbids
    src = write_md(
        tmp_path,
        "---\ntitle: Lists\n---\n\n## Two lists\n\n1. one\n2. two\n3. three\n\n<!-- -->\n\n1. uno\n2. dos\n\n"
        "## From zero\n\n0. zero\n1. one\n2. two\n",
    )
    built = build_all(src, tmp_path / "out")
    got = [(s, text) for _, s, text, _, _ in _numbered(built.deck)]
    assert got == [("1", "one"), ("2", "two"), ("3", "three"), ("1", "uno"), ("2", "dos")] + [
        ("1", "zero"),
        ("2", "one"),
        ("3", "two"),
    ]
    pages = _pdf_text(built.slides_pdf).split("\f")
    assert re.findall(r"^(\d)\. (\w+)", pages[1], re.M) == [
        ("1", "one"),
        ("2", "two"),
        ("3", "three"),
        ("1", "uno"),
        ("2", "dos"),
    ]
    assert any("[list-number]" in line and ":18:" in line for line in built.messages), built.messages


def test_libreoffice_numbers_each_of_several_lists_on_a_slide_from_one(tmp_path, soffice):
    # LibreOffice counts a list on from an earlier one of the same level in the frame whatever startAt
    # says ("1. 2. 3." then "4. 2."); each later list is written a level shallower, with its own look
    src = write_md(
        tmp_path,
        """\
        ---
        title: Lists
        ---

        ## Three lists

        1. First alpha
        2. Second alpha
           1. nested aa
           2. nested ab

        Some words between.

        1. First beta
           - under beta
        2. Second beta

        More words.

        1. First gamma
        2. Second gamma
        """,
    )
    built = build_all(src, tmp_path / "out")
    pdf = render([built.deck], tmp_path / "lo", soffice)[built.deck]
    _w, _h, words = pages(pdf)[1]
    lines: dict[float, list] = {}
    for w in sorted(words, key=lambda w: w.y1):  # a line: words whose lower edges are within 2 pt
        key = next((k for k in lines if abs(k - w.y1) < 2), w.y1)
        lines.setdefault(key, []).append(w)
    drawn = {" ".join(x.text for x in sorted(ws, key=lambda x: x.x0)): ws for ws in lines.values()}
    for line in (
        "1. First alpha",
        "2. Second alpha",
        "1. nested aa",
        "2. nested ab",
        "1. First beta",
        "2. Second beta",
        "1. First gamma",
        "2. Second gamma",
    ):
        assert line in drawn, (line, list(drawn))
    assert "– under beta" in drawn, list(drawn)  # (the bullet of its own level, not of the level written)

    def height(line):
        return max(w.y1 - w.y0 for w in drawn[line])

    def left(line):
        return min(w.x0 for w in drawn[line])

    # each list drawn as the first: same type size, same indent; nested items as nested ones
    assert height("1. First beta") == pytest.approx(height("1. First alpha"), abs=0.3)
    assert height("1. First gamma") == pytest.approx(height("1. First alpha"), abs=0.3)
    assert left("1. First gamma") == pytest.approx(left("1. First alpha"), abs=0.5)
    assert height("– under beta") == pytest.approx(height("1. nested aa"), abs=0.3)
    # and in the file, every item keeps its own number (PowerPoint counts by startAt)
    got = [(s, text) for _, s, text, _, _ in _numbered(built.deck)]
    assert [s for s, _ in got] == ["1", "2", "1", "2", "1", "2", "1", "2"]
