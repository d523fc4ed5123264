"""Marp decks (`marp: true`) read as Marp means them, checked in the deck (python-pptx) and the handout
(poppler): '---' makes slides and headings do not, the first slide is the title slide, comments are
presenter notes unless they are directives, picture keywords (bg, bg left:40%, w:400) are sizes and
places, never captions, and `*` lists appear item by item."""

from __future__ import annotations

import subprocess

import pytest
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE, PP_PLACEHOLDER
from pptx.util import Emu

from podium import marp
from podium import model as m
from podium.diagnostics import BuildError, Diagnostics
from podium.pipeline import BuildOptions, build_slides
from podium.reader import parse_lecture

from .conftest import build, build_all, deck_of, write_md

P = "{http://schemas.openxmlformats.org/presentationml/2006/main}"

DECK = """\
    ---
    marp: true
    theme: gaia
    paginate: true
    footer: 'Week 3'
    ---

    <!-- _class: lead -->

    # Human Security

    ## Freedom from fear and want

    Dr. Jane Doe

    <!-- Welcome everyone: today, the concept. -->

    ---

    <!--
    _class: invert
    _paginate: false
    -->

    ## Agenda

    * Origins of the concept
    * The 1994 report

    ### Reading

    Paris (2001), *International Security*.

    <!--
    Spend five minutes here.
    Mention the reading list.
    -->

    ---

    ![bg left:40%](photo.png)

    ## Origins

    - Post-Cold War shift
    - From states to people

    ---

    ## The report

    ![w:400 The seven dimensions](chart.png)

    Seven dimensions.
    """


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    from PIL import Image

    folder = tmp_path_factory.mktemp("marp")
    Image.new("RGB", (800, 600), (200, 120, 40)).save(folder / "photo.png")
    Image.new("RGB", (400, 300), (40, 120, 200)).save(folder / "chart.png")
    return build_all(write_md(folder, DECK), folder / "out")


def _title(slide) -> str:
    for shape in slide.placeholders:
        if shape.placeholder_format.type in (PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.CENTER_TITLE):
            return shape.text_frame.text
    return ""


def _texts(slide) -> str:
    return " ".join(s.text_frame.text for s in slide.shapes if s.has_text_frame)


def test_rules_make_slides_headings_do_not_and_the_first_is_the_title_slide(built):
    prs = Presentation(str(built.deck))
    slides = list(prs.slides)
    assert [_title(s) for s in slides] == ["Human Security", "Agenda", "Origins", "The report"]
    assert "Freedom from fear and want" in _texts(slides[0]) and "Dr. Jane Doe" in _texts(slides[0])
    assert slides[0].slide_layout.name == "Title Slide"
    assert "Reading" in _texts(slides[1]) and "Paris (2001)" in _texts(slides[1])  # a heading inside


def test_comments_are_notes_and_directives_are_not(built):
    prs = Presentation(str(built.deck))
    notes = [s.notes_slide.notes_text_frame.text if s.has_notes_slide else "" for s in prs.slides]
    assert notes[0] == "Welcome everyone: today, the concept."
    assert (
        notes[1] == "Spend five minutes here.\nMention the reading list."
    )  # (the comment's lines, as Marp keeps them)
    every = " ".join(notes + [_texts(s) for s in prs.slides])
    assert "_class" not in every and "invert" not in every and "paginate" not in every


def test_picture_keywords_place_and_size_pictures_and_are_never_shown(built):
    prs = Presentation(str(built.deck))
    origins, report = prs.slides[2], prs.slides[3]
    (photo,) = [s for s in origins.shapes if s.shape_type == MSO_SHAPE_TYPE.PICTURE]
    body = next(s for s in origins.shapes if s.has_text_frame and "Post-Cold War" in s.text_frame.text)
    assert photo.left + photo.width <= body.left  # the split background: beside the text, on the left
    assert photo.width < 0.45 * prs.slide_width
    (chart,) = [s for s in report.shapes if s.shape_type == MSO_SHAPE_TYPE.PICTURE]
    assert abs(chart.width - Emu(int(400 / 96 * 914400))) < 914400 * 0.05  # w:400 is 400 px
    handout = subprocess.run(
        ["pdftotext", str(built.handout), "-"], capture_output=True, text=True, check=True
    ).stdout
    every = handout + " ".join(_texts(s) for s in prs.slides)
    for keyword in ("bg", "left:40%", "w:400", "seven dimensions"):
        assert keyword not in every.replace("Seven dimensions.", ""), keyword
    assert "Spend five minutes here" in subprocess.run(
        ["pdftotext", str(built.instructor), "-"], capture_output=True, text=True, check=True
    ).stdout.replace("\n", " ")


def test_star_bullets_appear_one_by_one(built):
    prs = Presentation(str(built.deck))
    timing = prs.slides[1]._element.find(f"{P}timing")
    assert timing is not None and timing.findall(f".//{P}cTn[@nodeType='clickEffect']")
    assert prs.slides[2]._element.find(f"{P}timing") is None  # `-` bullets: all at once


def _read(text: str) -> m.Lecture:
    return parse_lecture(text, "deck.md", Diagnostics())


def test_heading_divider_splits_at_headings():
    lec = _read(
        "---\nmarp: true\nheadingDivider: 2\n---\n\n# One\n\ntext\n\n## Two\n\nmore\n\n### Three\n\nend\n"
    )
    assert [m.plain_text(s.title) for s in lec.slides] == ["One", "Two"]
    assert any(isinstance(b, m.Heading) for b in lec.slides[1].body)


def test_a_first_slide_with_a_sentence_is_a_slide_not_a_title():
    lec = _read(
        "---\nmarp: true\n---\n\n# Why study security?\n\nBecause it matters.\n\n---\n\n## Next\n\nx\n"
    )
    assert [s.kind for s in lec.slides] == [m.CONTENT, m.CONTENT]
    # no title slide; the lecture, given no title, is named after its first heading (the handout's cover)
    assert lec.meta.title == "Why study security?"


def test_without_marp_a_comment_stays_hidden_and_headings_make_slides():
    lec = _read("## One\n\ntext <!-- a private remark -->\n\n<!-- another remark -->\n\n## Two\n\nmore\n")
    assert [m.plain_text(s.title) for s in lec.slides] == ["One", "Two"]
    assert all(not s.notes for s in lec.slides)


@pytest.mark.parametrize(
    "alt, expected",
    [
        ("bg", marp.Keywords("", True)),
        ("bg right:30% contain A map", marp.Keywords("A map", True, "right", 0.3)),
        ("w:400 h:200px A chart", marp.Keywords("A chart", width="400px", height="200px")),
        ("width:50% sepia blur:4px Photo", marp.Keywords("Photo", width="50%")),
        ("left aligned words", marp.Keywords("left aligned words")),  # "left" is a keyword only with bg
    ],
)
def test_picture_keywords(alt, expected):
    assert marp.keywords(alt) == expected


def test_directive_comments():
    assert marp.directives(" _class: lead ") == {"_class": "lead"}
    assert marp.directives("\npaginate: false\nheader: 'x'\n") == {"paginate": False, "header": "x"}
    assert marp.directives("Note: ask the class") is None  # a sentence with a colon is a note
    assert marp.directives("remember the quiz") is None


def test_comments_inside_lists_and_lines_are_notes_too():
    lec = _read(
        "---\nmarp: true\n---\n\n## Growth\n\n- unrealistic in the long run <!-- ask: why? resources! -->\n"
        "* capacity\n\n  <!-- Draw the S-curve on the board. -->\n"
    )
    notes = " ".join(m.blocks_text((b,)) for b in lec.slides[0].notes)
    assert "ask: why? resources!" in notes and "Draw the S-curve on the board." in notes
    assert "ask" not in m.blocks_text(lec.slides[0].body)


def test_marp_breaks_lines_and_reads_emoji_shortcodes():
    lec = _read("---\nmarp: true\n---\n\n## Goals :dart:\n\nProf. Maria Okafor\nSpring 2024\n")
    assert m.plain_text(lec.slides[0].title) == "Goals 🎯"
    (para,) = lec.slides[0].body
    assert any(isinstance(x, m.LineBreak) for x in para.content)


def test_every_background_of_a_split_slide_is_in_its_column_and_colours_are_not_pictures(tmp_path):
    from PIL import Image

    for name in ("a.png", "b.png"):
        Image.new("RGB", (40, 30), (1, 2, 3)).save(tmp_path / name)
    text = (
        "---\nmarp: true\n---\n\n## Fit\n\n![bg vertical right:35%](a.png)\n![bg](b.png)\n![bg](#264653)\n\n"
        "- one\n- two\n"
    )
    diags = Diagnostics()
    lec = parse_lecture(text, str(tmp_path / "deck.md"), diags, base_dir=str(tmp_path))
    (cols,) = lec.slides[0].body
    assert isinstance(cols, m.Columns) and len(cols.columns) == 2
    text_col, pic_col = cols.columns
    (stack,) = pic_col.blocks  # (`vertical`: one under another, as Marp stacks them)
    assert isinstance(stack, m.Div) and stack.classes == (m.STACKED,)
    assert [b.src for b in stack.blocks] == ["a.png", "b.png"] and pic_col.width == 0.35
    assert isinstance(text_col.blocks[0], m.BulletList)
    assert not [d for d in diags.items if d.code in ("missing-image", "background")], diags.items


def test_a_title_slide_with_a_background_photo_is_the_title_slide(tmp_path):
    from PIL import Image

    Image.new("RGB", (40, 30), (1, 2, 3)).save(tmp_path / "cover.jpg")
    diags = Diagnostics()
    lec = parse_lecture(
        "---\nmarp: true\nfooter: 'CS 4780 · Week 5'\n---\n\n![bg opacity:.3](cover.jpg)\n\n"
        "# Linear models\n\n## Least squares\n\nDr. Jonas Lindqvist\nDepartment of Computer Science\n",
        str(tmp_path / "deck.md"),
        diags,
        base_dir=str(tmp_path),
    )
    assert lec.slides[0].kind == m.TITLE
    meta = lec.meta
    assert (meta.title, meta.subtitle, meta.authors[0].name, meta.institute, meta.footer) == (
        "Linear models",
        "Least squares",
        "Dr. Jonas Lindqvist",
        "Department of Computer Science",
        "CS 4780 · Week 5",
    )
    assert [d.code for d in diags.items if d.code == "background"] == ["background"]  # the photo: said


def test_the_front_matter_footer_is_the_decks_and_the_drawings_footer(built):
    prs = Presentation(str(built.deck))
    footers = [
        s.text_frame.text
        for slide in list(prs.slides)[1:]
        for s in slide.placeholders
        if s.placeholder_format.type == PP_PLACEHOLDER.FOOTER
    ]
    assert footers and set(footers) == {"Week 3"}
    slides_pdf = subprocess.run(
        ["pdftotext", str(built.slides_pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert slides_pdf.count("Week 3") >= 3


def test_quartos_revealjs_footer_is_the_footer():
    lec = _read(
        '---\ntitle: T\nformat:\n  revealjs:\n    footer: "[STAT 2010](https://x.org) -- Intro"\n---\n\n## A\n\nx\n'
    )
    assert lec.meta.footer == "STAT 2010 – Intro"


def test_formatting_tags_in_a_footer_give_their_words_other_markup_stays_as_written():
    lec = _read(
        "---\ntitle: T\nformat:\n  revealjs:\n    footer: \"**BIOL 1010** · <span style='color:#888'>Cell "
        'biology</span> <b>2026</b>"\n---\n\n## A\n\nx\n'
    )
    assert lec.meta.footer == "BIOL 1010 · Cell biology 2026"
    assert (
        _read("---\ntitle: A <script>x</script> B\n---\n\n## A\n\nx\n").meta.title == "A <script>x</script> B"
    )


def test_a_statement_or_section_slide_is_drawn_as_a_section(tmp_path):
    src = write_md(
        tmp_path,
        """\
        ---
        marp: true
        ---

        ## Body

        text

        ---

        <!-- _class: lead -->

        # <!--fit--> Why not just invert?

        ---

        # Keys
        """,
    )
    assert (
        not parse_lecture(src.read_text(), str(src), Diagnostics()).slides[1].notes
    )  # <!--fit--> is no note
    from podium.pipeline import BuildOptions, build_slides

    deck = build_slides(src, BuildOptions(out_dir=tmp_path / "out"), Diagnostics())
    layouts = [s.slide_layout.name for s in Presentation(str(deck)).slides]
    assert layouts == ["Title and Content", "Section Header", "Section Header"]


def test_math_and_scripts_in_a_title_are_their_characters(tmp_path):
    lec = _read(
        "---\ntitle: 'The $\\chi^2$ test, H~2~O and m^2^'\nsubtitle: Costs $5 and $6\n---\n\n## A\n\nx\n"
    )
    assert lec.meta.title == "The \u03c7\u00b2 test, H\u2082O and m\u00b2"
    assert lec.meta.subtitle == "Costs $5 and $6"  # money, not math (pandoc's rule)


def test_a_marp_footer_directive_is_the_decks_footer(tmp_path):
    from pptx import Presentation

    from podium.pipeline import BuildOptions, build_slides

    src = tmp_path / "mf.md"
    src.write_text(
        '---\nmarp: true\n---\n\n<!-- footer: "CS 310 · Lecture 7" -->\n\n# Networks\n\n---\n\n## Routing\n\n- a\n'
    )
    deck = build_slides(src, BuildOptions(out_dir=tmp_path / "out"), Diagnostics())
    footers = [
        sh.text_frame.text for s in Presentation(str(deck)).slides for sh in s.shapes if "Footer" in sh.name
    ]
    assert footers == ["CS 310 · Lecture 7"]


def test_divs_that_each_give_their_width_are_columns_whatever_their_rows_class(tmp_path):
    # a deck's own CSS lays `<div class="col-wrapper">` out as a row; its divs' widths say so
    src = write_md(
        tmp_path,
        '---\ntitle: Cols\n---\n\n## OLTP vs OLAP\n\n<div class = "col-wrapper">\n'
        '<div class="c1" style="width: 50%; height: auto;">\n\n### OLTP\nTransactions.\n\n</div>\n\n'
        '<div class="c2" style="width: 50%; height: auto;">\n\n### OLAP\nAnalysis.\n\n</div>\n</div>\n\n'
        '## Not a row\n\n<div class="box">\n<div style="width: 50%">\n\nOnly one.\n\n</div>\n</div>\n',
    )
    prs = Presentation(str(build_slides(src, BuildOptions(out_dir=tmp_path / "out"), Diagnostics())))
    boxes = [
        (sh.left, sh.top, sh.text_frame.text)
        for sh in prs.slides[1].shapes
        if sh.has_text_frame and sh.text_frame.text.startswith("OL") and sh != prs.slides[1].shapes.title
    ]
    assert [b[2] for b in boxes] == ["OLTP\nTransactions.", "OLAP\nAnalysis."]
    assert boxes[0][0] < boxes[1][0] and boxes[0][1] == boxes[1][1]  # side by side
    assert prs.slides[2].slide_layout.name != "Two Content"


def test_columns_written_as_html_divs_are_columns(tmp_path):
    src = tmp_path / "cols.md"
    src.write_text(
        '---\ntitle: Cols\n---\n\n## HTML columns\n\n<div class="columns">\n<div>\n\n- Left **one**\n'
        '- Left two\n\n</div>\n<div style="width: 40%">\n\nRight words\n\n</div>\n</div>\n\n'
        '## Bootstrap\n\n<div class="row">\n  <div class="col-md-8">\n  Wide text\n  </div>\n'
        '  <div class="col-md-4">\n  Narrow\n  </div>\n</div>\n\n'
        '## Shared line\n\n<div class="columns"><div>A</div>\n<div>B</div></div>\n'
    )
    diags = Diagnostics()
    prs = Presentation(str(build_slides(src, BuildOptions(out_dir=tmp_path / "out"), diags)))
    boxes = {
        sh.text_frame.text: (sh.left, sh.width) for s in prs.slides for sh in s.shapes if sh.has_text_frame
    }
    (left, lw), (right, rw) = boxes["Left one\nLeft two"], boxes["Right words"]
    assert left < right and abs(lw / rw - 60 / 40) < 0.15
    (wide, ww), (narrow, nw) = boxes["Wide text"], boxes["Narrow"]
    assert wide < narrow and abs(ww / nw - 8 / 4) < 0.25
    raw = [d.pos.line for d in diags.items if d.code == "raw-html"]
    assert raw == [src.read_text().split("\n").index("## Shared line") + 3]  # (not a row: left as HTML)


def test_a_picture_in_a_marp_heading_leaves_its_keywords_out_of_the_title():
    diags = Diagnostics()
    lecture = parse_lecture(
        "---\nmarp: true\n---\n\n# Sources of variation ![w:120](dna.png)\n\ntext\n", "t.md", diags
    )
    assert m.plain_text(lecture.slides[-1].title).strip() == "Sources of variation"
    assert [d.code for d in diags.items if d.code == "inline-image"] == ["inline-image"]


def test_a_slide_opening_with_a_directive_comment_after_a_rule_is_a_slide_not_front_matter():
    diags = Diagnostics()
    lec = parse_lecture(
        "---\nmarp: true\n---\n\n# Lecture 3\n\n---\n\n# Intro\n\n- point one\n\n---\n"
        "<!-- _class: lead -->\n\n# Part 2: Tooling\n\n---\n\n# After part 2\n\n- point two\n",
        "deck.md",
        diags,
    )
    titles = [m.plain_text(s.title) for s in lec.slides]
    assert titles[-3:] == ["Intro", "Part 2: Tooling", "After part 2"]
    assert not [d for d in diags.items if d.code == "unused-key"]  # ("<!-- _class" is no key)


@pytest.mark.parametrize(
    ("front", "body", "is_marp"),
    [
        ("theme: gaia\npaginate: true", "# A\n\n---\n\n![bg left:40%](x.png)\n\n# B\n", True),
        ("paginate: true", "<!-- _class: lead -->\n\n# A\n", True),
        ("title: T", "<!-- _class: lead -->\n\n# A\n\n![w:300](x.png)\n", True),
        ("theme: default", "# A\n", False),  # (a beamer theme too: one sign is not enough)
        ("format: revealjs\npaginate: true", "<!-- _class: lead -->\n", False),  # another tool's
        ("marp: false\npaginate: true", "<!-- _class: lead -->\n", False),
    ],
)
def test_a_deck_is_read_as_marp_by_its_signs_without_marp_true(front, body, is_marp):
    import yaml

    assert marp.wanted(yaml.safe_load(front), body) is is_marp


def test_marp_keywords_are_read_in_a_deck_without_marp_true():
    diags = Diagnostics()
    lec = parse_lecture(
        "---\ntheme: gaia\npaginate: true\n---\n\n# Deck\n\n---\n\n# Sized\n\n![w:300 center](photo.png)\n",
        "deck.md",
        diags,
    )
    pictures = [b for s in lec.slides for b in s.body if isinstance(b, m.Image)]
    assert pictures and not any("w:300" in m.plain_text(p.caption) for p in pictures if p.caption)
    assert [d.code for d in diags.items if d.code == "dialect"] == ["dialect"]


@pytest.mark.parametrize(
    ("text", "notes"),
    [
        (  # Marp: a comment's lines are the notes' lines (Marp breaks lines where the source does)
            "---\nmarp: true\n---\n\n# Slide\n\n- point\n\n<!--\nFirst line of the note.\nSecond line.\n-->\n",
            "First line of the note.\nSecond line.",
        ),
        (  # reveal.js: <br> in a `Note:` breaks its line
            "# Versions\n\n* VI\n\nNote: A bit of history<br>VI - original<br>vim - extendable\n\n---\n\n# Next\n\n* x\n",
            "A bit of history\nVI - original\nvim - extendable",
        ),
    ],
)
def test_line_breaks_in_speaker_notes_are_kept_in_the_deck_and_the_handout(tmp_path, text, notes):
    src = write_md(tmp_path, text)
    build_all(src, tmp_path / "out")
    deck = Presentation(str(tmp_path / "out" / "lecture.pptx"))
    said = [s.notes_slide.notes_text_frame.text for s in deck.slides if s.has_notes_slide]
    assert notes in said
    handout = subprocess.run(
        ["pdftotext", str(tmp_path / "out" / "lecture-handout.pdf"), "-"], capture_output=True, text=True
    ).stdout
    assert notes.split("\n")[1] in handout.split("\n")  # (a line of its own)


def test_marps_loose_front_matter_values_are_read_as_text_and_the_deck_builds(tmp_path):
    src = write_md(
        tmp_path,
        "---\nmarp: true\nheader :   ![#l](logo.png)\nfooter: *English course*\npaginate: true\n---\n\n# Slide one\n\n- text\n",
    )
    path, diags = build(src, tmp_path / "out")
    assert not diags.has_errors(), [d.format() for d in diags.items]
    slide = Presentation(str(path)).slides[0]
    assert "text" in _texts(slide)
    assert any("English course" in s.text_frame.text for s in slide.shapes if s.has_text_frame)


def test_invalid_yaml_outside_a_marp_deck_is_still_an_error_at_its_line(tmp_path):
    src = write_md(tmp_path, "---\ntitle: T\nheader: ![#l](logo.png)\n---\n\n## S\n\n- text\n")
    diags = Diagnostics()
    with pytest.raises(BuildError):
        build_slides(src, BuildOptions(out_dir=tmp_path / "out"), diags)
    assert any(d.code == "yaml" and d.pos.line == 3 for d in diags.items)


def test_a_header_directive_whose_value_is_a_picture_is_no_speaker_note(tmp_path):
    src = write_md(
        tmp_path,
        "---\nmarp: true\n---\n\n<!-- _header: ![#l h:100](../logo.png)-->\n\n# Title\n\ntext\n\n<!-- a real note -->\n",
    )
    path, diags = build(src, tmp_path / "out")
    notes = [s.notes_slide.notes_text_frame.text for s in Presentation(str(path)).slides if s.has_notes_slide]
    assert notes == ["a real note"]
    assert not [d for d in diags.items if d.code == "outside-project"]  # (a header's picture is not read)


def test_a_logo_before_the_first_heading_of_a_cover_slide_leaves_it_the_title_slide(tmp_path):
    from PIL import Image

    Image.new("RGB", (200, 100), "#336699").save(tmp_path / "logo.png")
    src = write_md(
        tmp_path,
        "---\nmarp: true\n---\n\n<!-- _class: cover -->\n\n![logo](logo.png)\n\n# Semana 3\n\n## Materiais e Exportação\n\n"
        "---\n\n## Objetivos\n\n- um\n\n---\n\n![w:100](logo.png)\n\n# Conclusão\n\n- dois\n",
    )
    path, diags = build(src, tmp_path / "out")
    deck = Presentation(str(path))
    first = deck.slides[0]
    assert first.shapes.title.text == "Semana 3"
    assert any(
        "Materiais" in s.text_frame.text for s in first.shapes if s.has_text_frame and s != first.shapes.title
    )
    assert any(d.code == "background" and "logo.png" in d.message for d in diags.items)  # (left out, said)
    last = deck.slides[-1]  # a picture before a slide's heading: the heading is still its title
    assert last.shapes.title is not None and last.shapes.title.text == "Conclusão"
    assert any(s.shape_type == 13 for s in last.shapes)
    footers = {
        s.text_frame.text for sl in list(deck.slides)[1:] for s in sl.shapes if s.name.startswith("Footer")
    }
    assert footers == {"Semana 3"}


def test_marps_footer_directives_apply_to_their_slides_as_marp_applies_them(tmp_path):
    src = write_md(
        tmp_path,
        "---\nmarp: true\nfooter: \\ *English course for master's students*\n---\n\n# One\n\ntext\n\n---\n\n"
        '<!-- _footer: "" -->\n\n# Two\n\ntext\n\n---\n\n# Three\n\ntext\n\n---\n\n<!-- footer: Part two -->\n\n'
        "# Four\n\ntext\n\n---\n\n# Five\n\ntext\n",
    )
    built = build_all(src, tmp_path / "out")
    deck = Presentation(str(built.deck))
    footers = [
        next((s.text_frame.text for s in slide.shapes if s.name.startswith("Footer")), None)
        for slide in deck.slides
    ]
    course = "English course for master's students"
    assert footers == [course, "", course, "Part two", "Part two"]
    drawn = subprocess.run(["pdftotext", str(built.slides_pdf), "-"], capture_output=True, text=True).stdout
    pages = drawn.split("\f")
    assert "\\" not in drawn and course in pages[0] and course not in pages[1] and "Part two" in pages[4]


def test_marps_header_is_shown_in_front_of_the_footer(tmp_path):
    # a slide of Podium has no header: Marp's header (the course's name) was lost without a word
    src = write_md(
        tmp_path,
        "---\nmarp: true\nheader: '**CS 101** · Week 3'\nfooter: Dr. Smith\n---\n\n# One\n\ntext\n\n---\n\n"
        "<!-- _footer: Own -->\n\n# Two\n\ntext\n\n---\n\n# Three\n\ntext\n",
    )
    built = build_all(src, tmp_path / "out")
    footers = [
        next((s.text_frame.text for s in slide.shapes if s.name.startswith("Footer")), None)
        for slide in Presentation(str(built.deck)).slides
    ]
    assert footers == ["CS 101 · Week 3 · Dr. Smith", "CS 101 · Week 3 · Own", "CS 101 · Week 3 · Dr. Smith"]
    drawn = subprocess.run(["pdftotext", str(built.slides_pdf), "-"], capture_output=True, text=True).stdout
    assert "CS 101 · Week 3 · Own" in drawn.split("\f")[1]
    logo = write_md(
        tmp_path,
        "---\nmarp: true\nheader: '![w:90](logo.png)'\n---\n\n<!-- header: Later -->\n\n# A\n\nx\n",
        "l.md",
    )
    lec = parse_lecture(logo.read_text(), str(logo), Diagnostics())
    assert lec.meta.footer == ""  # a header of a picture only is decoration; a later header is not the deck's


def test_marps_own_keys_and_a_namespaced_setup_call_are_no_noise(tmp_path):
    marp_src = write_md(
        tmp_path, "---\nmarp: true\npaginate: true\nmath: mathjax\n---\n\n# Agenda\n\n- one\n"
    )
    _, diags = build(marp_src, tmp_path / "out")
    assert not [d for d in diags.items if d.code == "unused-key"], [d.format() for d in diags.items]
    rmd = write_md(
        tmp_path,
        "---\noutput: xaringan::moon_reader\n---\n\n```{r panelset, echo=FALSE}\nxaringanExtra::use_panelset()\n```\n\n"
        "# Raise your hand\n\n- Which statement is correct?\n",
        "x.Rmd",
    )
    _, diags = build(rmd, tmp_path / "out2")
    assert not [d for d in diags.items if d.code == "not-rendered"], [d.format() for d in diags.items]


@pytest.mark.parametrize(
    "text",
    [
        "---\nmarp: true\n---\n\n# Shell\n\n---\n\n## Variables\n\n- `$$` is the PID of the shell\n\n---\n\n"
        "## Next\n\n- Call `GetCustomers`\n",
        "---\ntitle: Shell\n---\n\n## Variables\n\n- `$$` is the PID, `$?` the exit status\n\n## Next\n\n"
        "- Call `GetCustomers`\n",
        "---\ntitle: SQL\n---\n\n## Variables\n\n- ``DELIMITER $$`` changes the terminator\n\n---\n\n## Next\n\n"
        "- Call `GetCustomers`\n",
    ],
)
def test_dollars_in_a_code_span_are_code_and_leave_the_later_slides_alone(tmp_path, text):
    # `$$` in code was taken for display math that never closed: every later list became "{}- item"
    # and every later '---' a paragraph "{}—", the slides merged
    deck, _ = deck_of(write_md(tmp_path, text), tmp_path / "out")
    shown = [[sh.text_frame.text for sh in s.shapes if sh.has_text_frame][:2] for s in deck.slides]
    assert shown[-2][0] == "Variables" and "$$" in shown[-2][1]
    assert shown[-1] == ["Next", "Call GetCustomers"]
    assert "{}" not in str(shown)


def test_reveal_js_lazily_loaded_pictures_are_drawn(tmp_path):
    # reveal.js's <img data-src=…> (the form its docs recommend) vanished without a word
    from PIL import Image

    Image.new("RGB", (400, 300), (200, 160, 40)).save(tmp_path / "light.png")
    src = write_md(
        tmp_path,
        "---\ntitle: Lighting\n---\n\n## Sunlight\n\nThe main light.\n\n---\n\n## One\n\n"
        '<img data-src="light.png" alt="a directional light">\n\n---\n\n## Two\n\n'
        '<img style="width:45%" data-src="light.png" alt="">\n<img style="width:45%" data-src="light.png" alt="">\n\n'
        '---\n\n## In words\n\nThe light <img data-src="light.png" alt="light"> falls.\n',
        "slides.md",
    )
    deck, _ = deck_of(src, tmp_path / "out")
    pictures = {
        s.shapes.title.text: sum(sh.shape_type == MSO_SHAPE_TYPE.PICTURE for sh in s.shapes)
        for s in deck.slides
    }
    assert pictures == {"Lighting": 0, "Sunlight": 0, "One": 1, "Two": 2, "In words": 1}, pictures


def test_an_inline_svg_drawing_left_out_is_said_with_its_words(tmp_path):
    # an <svg> written in the Markdown vanished while the only warning said its text was kept
    src = write_md(
        tmp_path,
        "---\ntitle: Inline SVG\n---\n\n## Monte Carlo\n\n"
        '<svg width="400" height="400">\n  <circle cx="200" cy="200" r="200" fill="yellow" />\n'
        '  <text x="280" y="80" fill="black">r = 1/2</text>\n</svg>\n\n'
        "## In words\n\nA dot <svg width='8' height='8'><circle r='3'/></svg> here.\n",
    )
    _, diags = deck_of(src, tmp_path / "out")
    said = [(d.pos.line, d.message) for d in diags.items if "svg" in d.message.lower()]
    assert [line for line, _ in said] == [7, 14], said
    assert "r = 1/2" in said[0][1] and ".svg file" in said[0][1]
    assert not [d for d in diags.items if d.code == "raw-html" and d.pos.line == 7]


def test_a_webp_picture_is_drawn_in_the_deck_as_png(tmp_path):
    # python-pptx takes no WebP: the picture was a grey placeholder and "cannot be drawn (ValueError)"
    from PIL import Image

    Image.new("RGB", (140, 50), (200, 40, 40)).save(tmp_path / "equation.webp", "WEBP")
    Image.new("RGBA", (60, 60), (0, 90, 200, 128)).save(tmp_path / "logo.webp", "WEBP", lossless=True)
    src = write_md(
        tmp_path,
        "---\ntitle: WebP\nformat: revealjs\n---\n\n## GLM Poisson\n\n"
        '![](equation.webp){fig-alt="Poisson equation" width=80%}\n\n## Logo\n\n![A logo](logo.webp)\n',
        "deck.qmd",
    )
    deck, diags = deck_of(src, tmp_path / "out")
    drawn = [sh for s in deck.slides for sh in s.shapes if sh.shape_type == MSO_SHAPE_TYPE.PICTURE]
    assert [(p.image.content_type, p.image.size) for p in drawn] == [
        ("image/png", (140, 50)),
        ("image/png", (60, 60)),
    ]
    assert not [d for d in diags.items if d.code == "bad-image"], [d.format() for d in diags.items]


@pytest.mark.parametrize("name", ["deck.Rmd", "lecture.md"])
def test_a_picture_path_written_on_windows_is_a_path_not_tex(tmp_path, name):
    # `figs\plot.jpg`: "\plot" was taken for a TeX command (a raw-tex warning) and cut out of the path
    from PIL import Image

    (tmp_path / "figs").mkdir()
    Image.new("RGB", (300, 200), (40, 90, 160)).save(tmp_path / "figs" / "plot.jpg")
    src = write_md(
        tmp_path,
        "---\ntitle: Windows paths\n---\n\n## Relative\n\n![A plot](figs\\plot.jpg)\n\n## Absolute\n\n"
        "![Version control](d:\\tmp\\pics\\Git_flow.png){ height=50% }\n",
        name,
    )
    deck, diags = deck_of(src, tmp_path / "out")
    assert sum(sh.shape_type == MSO_SHAPE_TYPE.PICTURE for sh in deck.slides[1].shapes) == 1
    assert not [d for d in diags.items if d.code == "raw-tex"], [d.format() for d in diags.items]
    (missing,) = [d for d in diags.items if d.code == "missing-image"]
    assert "d:\\tmp\\pics\\Git_flow.png" in missing.message and missing.pos.line == 11


def test_a_marp_deck_whose_headmatter_sets_a_class_is_not_read_as_slidev(tmp_path):
    """``class: invert`` and ``theme:`` in a Marp deck's front matter are Marp's directives: the deck is
    read as Marp (with ``marp: true`` or without), not as a Slidev deck whose headmatter has a class."""
    for flag in ("marp: true\n", ""):
        src = write_md(
            tmp_path,
            f"---\ntitle: Circuits\n{flag}theme: gaia\npaginate: true\nclass: invert\n---\n\n"
            "# Charge is a Cycle\n\nWords.\n\n---\n\n# Building a Circuit\n\nMore words.\n",
        )
        deck, diags = deck_of(src, tmp_path / "out")
        said = " ".join(d.message for d in diags.items if d.code == "dialect")
        assert "Slidev" not in said
        assert [s.shapes.title.text for s in deck.slides if s.shapes.title is not None][-2:] == [
            "Charge is a Cycle",
            "Building a Circuit",
        ]


def test_a_reveal_md_decks_first_slide_with_a_picture_is_a_slide_not_the_title_slide(tmp_path):
    """reveal-md's ``title:`` names the browser's tab; a first slide of a ``##`` heading and its picture is
    a slide of the deck (its picture drawn), not a title slide that leaves the picture out."""
    from PIL import Image

    Image.new("RGB", (80, 60), (30, 120, 200)).save(tmp_path / "light.png")
    src = write_md(
        tmp_path,
        "---\ntitle: Lighting\nrevealOptions:\n    transition: 'slide'\n---\n\n## Sunlight\n\n"
        "![a directional light](light.png)\n\nNote:\nSunlight is the main light source.\n\n---\n\n"
        "## Shadows\n\nWords.\n",
    )
    deck, diags = deck_of(src, tmp_path / "out")
    first = deck.slides[0]
    assert first.shapes.title.text == "Sunlight"
    assert any(s.shape_type == MSO_SHAPE_TYPE.PICTURE for s in first.shapes)
    assert "main light source" in first.notes_slide.notes_text_frame.text
    assert not [d for d in diags.items if d.code == "background"]


def test_an_img_without_an_address_is_said_at_its_line(tmp_path):
    """An ``<img>`` with no ``src`` (a page's script fills it in) cannot be drawn: a warning at its line
    with its alt text, alone on its line or in a paragraph (it vanished without a word)."""
    src = write_md(
        tmp_path,
        '---\ntitle: T\n---\n\n## A\n\n<img alt="a diagram of the stack">\n\nWords.\n\n## B\n\n'
        'Before <img class="x"> after.\n',
    )
    _deck, diags = deck_of(src, tmp_path / "out")
    said = [(d.pos.line, d.message) for d in diags.items if "without an address" in d.message]
    assert [line for line, _ in said] == [7, 13]
    assert "a diagram of the stack" in said[0][1]
