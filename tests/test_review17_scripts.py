"""Thai, right-to-left and GitPitch decks, from review 17 (c): Thai's ำ (sara am) read back from the
PDFs, GitPitch's nested ``@size[…](… @color[…](…) …)``, its ``---`` right under a line of text and its
``+++`` slides, a subheading kept with the columns block it introduces, and the title's accent bar
mirrored in a right-to-left deck."""

from __future__ import annotations

import subprocess
from pathlib import Path

from pptx import Presentation

from .conftest import paragraph_texts, run_cli, write_md


def _build(tmp_path: Path, text: str, name: str = "lecture.md", command: str = "slides"):
    """The deck built by the command line from ``text``: (python-pptx's deck, the result)."""
    src = write_md(tmp_path, text, name)
    out = tmp_path / "out"
    result = run_cli(command, src, "-o", out)
    assert result.exit_code == 0, result.stderr
    return Presentation(str(out / (Path(name).stem + ".pptx"))), result


def _pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout


def test_thai_sara_am_passes_check_and_is_written(tmp_path):
    """ำ is drawn as two glyphs whose text the PDF holds as one (and the า glyph's text with it): the
    words are there, and `check` says so."""
    text = """
    ---
    title: Thai
    ---

    ## คำถาม

    - คำตอบ
    - ทำ น้ำ
    - คนไทยเกลียดอะไรมากที่สุด
    - อาหารมั้งครับแต่! สิ่งที่
    """
    prs, result = _build(tmp_path, text, command="all")
    assert "check-text" not in result.stderr
    assert "agree with the source" in result.stderr
    assert paragraph_texts(prs.slides[1])[1:5] == [
        "คำตอบ",
        "ทำ น้ำ",
        "คนไทยเกลียดอะไรมากที่สุด",
        "อาหารมั้งครับแต่! สิ่งที่",
    ]
    handout = _pdf_text(tmp_path / "out" / "lecture-handout.pdf")
    assert "ตอบ" in handout and "เกลียด" in handout


def _texts(prs) -> list[list[str]]:
    """Each slide's paragraphs, its footer and number left out."""
    return [
        [
            p.text.strip()
            for sh in slide.shapes
            if sh.has_text_frame and not sh.name.startswith(("Footer", "Slide Number"))
            for p in sh.text_frame.paragraphs
            if p.text.strip()
        ]
        for slide in prs.slides
    ]


def test_gitpitch_size_with_a_colour_inside_shows_its_words(tmp_path):
    text = """
    # Thailand

    ---

    ## Food

    @size[0.6em](The @color[yellow](Thai food) is very (really) good)

    ---

    ## @size[0.75em]@color[yellow](ประเทศไทย) places

    @size[0.6em](ที่@color[yellow](ประเทศไทย)น่าอยู่)
    """
    prs, result = _build(tmp_path, text, "PITCHME.md", command="all")
    texts = _texts(prs)
    assert texts[1] == ["Food", "The Thai food is very (really) good"]
    assert texts[2] == ["ประเทศไทย places", "ที่ประเทศไทยน่าอยู่"]
    handout = _pdf_text(tmp_path / "out" / "PITCHME-handout.pdf")
    assert "very (really) good" in handout and "@size" not in handout


def test_gitpitch_separator_right_under_text_cuts_the_slide(tmp_path):
    text = """
    # Thailand
    ---
    ## Food

    The food is very good here
    ---
    ## Places

    Many beautiful places
    """
    prs, _ = _build(tmp_path, text, "PITCHME.md")
    assert _texts(prs) == [
        ["Thailand"],
        ["Food", "The food is very good here"],
        ["Places", "Many beautiful places"],
    ]


def test_reveal_deck_separator_right_under_text_cuts_the_slide(tmp_path):
    """A reveal.js deck (its `.slide:` comment says so): `---` and `--` under a line cut the slide."""
    text = """
    ## One

    First words
    ---
    <!-- .slide: id="two" -->
    ## Two

    Second words
    --
    ## Three

    Third words
    """
    prs, _ = _build(tmp_path, text, "deck.md")
    assert _texts(prs) == [["One", "First words"], ["Two", "Second words"], ["Three", "Third words"]]
    # a pandoc lecture (front matter, no reveal.js marks) reads "Words" over `---` as a heading, as pandoc does
    lecture = "---\ntitle: Lecture\n---\n\n## One\n\nWords\n---\n\n## Two\n\nMore\n"
    (tmp_path / "pandoc").mkdir()
    prs, _ = _build(tmp_path / "pandoc", lecture)
    assert [t[0] for t in _texts(prs)[1:]] == ["One", "Words", "Two"]


def test_gitpitch_plus_separator_and_opening_rule(tmp_path):
    """`+++` (GitPitch's vertical slide) starts a slide and is never shown; a PITCHME.md that opens with a
    `---` no YAML follows is told so in a note."""
    text = """
    ---
    ### Question

    What do people dislike most?
    +++
    #### Answer
    @size[0.75em](The hot weather)
    """
    prs, result = _build(tmp_path, text, "PITCHME.md")
    texts = _texts(prs)
    assert texts == [["Question", "What do people dislike most?"], ["Answer", "The hot weather"]]
    assert "PITCHME.md:1: note: the '---' here opens no front matter" in result.stderr
    assert "warning" not in result.stderr


def test_subheading_keeps_the_columns_it_introduces(tmp_path):
    """A columns block too tall to follow its subheading whole: its listing is cut to begin under the
    subheading, as a listing without columns is, never the subheading alone on its slide."""
    listing = "\n".join(f"    line {k} of the listing" for k in range(1, 19))
    text = f"""
    ---
    title: Orphan subheading
    slide-level: 2
    ---

    ## Syntax

    ### Lists

    :::: columns
    ::: column
    ```latex
{listing}
    ```
    :::
    ::: column
    - one
    - two
    :::
    ::::
    """
    prs, _ = _build(tmp_path, text, command="all")
    texts = _texts(prs)[1:]
    assert len(texts) == 2
    first, second = texts
    assert first[:2] == ["Syntax", "Lists"] and len(first) > 2
    assert any("line 1 of the listing" in t for t in first) and "one" in first
    assert second[0] == "Syntax (cont.)" and any("line 18 of the listing" in t for t in second)


def _bars(pdf: Path) -> list[tuple[float, float]]:
    """The left and right ends of the short, flat filled shapes (accent bars) on the slides PDF's page 2."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    doc = pdfium.PdfDocument(str(pdf))
    page = doc[1]
    width = page.get_width()
    out = []
    for obj in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_PATH], max_depth=8):
        left, bottom, right, top = obj.get_bounds()
        if top - bottom < 10 and right - left < width / 4:
            out.append((round(left), round(right)))
    doc.close()
    return out


def test_right_to_left_deck_mirrors_the_title_accent_bar(tmp_path):
    """The template's accent bar under the title is on the side a right-to-left title is set from, in the
    deck and in the slides PDF; placeholders stay where they are."""
    body = "\n## כותרת השקף\n\n- פריט ראשון\n- פריט שני\n"
    decks = {}
    for way in ("ltr", "rtl"):
        (tmp_path / way).mkdir()
        decks[way], _ = _build(tmp_path / way, f"---\ntitle: מבוא\ndir: {way}\n---\n{body}", command="all")
    width = decks["ltr"].slide_width

    def design(prs):
        master = prs.slides[1].slide_layout.slide_master
        return {sh.name: (sh.left, sh.width) for sh in master.shapes if not sh.is_placeholder}

    def placeholders(prs):
        return [(sh.left, sh.width) for sh in prs.slides[1].slide_layout.placeholders]

    ltr, rtl = design(decks["ltr"]), design(decks["rtl"])
    assert ltr and ltr.keys() == rtl.keys()
    assert any(left != width - left - w for left, w in ltr.values())  # (a shape that is not centred)
    for name, (left, w) in ltr.items():
        assert rtl[name] == (width - left - w, w)
    assert placeholders(decks["ltr"]) == placeholders(decks["rtl"])

    page = round(width / 12700)  # (the slides PDF's page: the deck's size, in points)
    ltr_bars = _bars(tmp_path / "ltr" / "out" / "lecture-slides.pdf")
    rtl_bars = _bars(tmp_path / "rtl" / "out" / "lecture-slides.pdf")
    assert ltr_bars and len(ltr_bars) == len(rtl_bars)
    assert sorted((page - b, page - a) for a, b in ltr_bars) == sorted(rtl_bars)
