"""Every slide fits, proven by rendering: LibreOffice draws every word of every slide, on the slide,
above the footer, never over another word; and what does not fit continues on "(cont.)" slides.

The decks are built once per session and converted to PDF in one LibreOffice run (the
``drawn_decks`` fixture of conftest.py; :mod:`tests.drawn` reads the word boxes with poppler's
``pdftotext -bbox``).
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from PIL import Image
from pptx import Presentation
from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.oxml.ns import qn
from pptx.util import Emu

from podium import model as m
from podium.deck.fit import fit_deck
from podium.deck.plan import ObjectChunk, TypeSizes, plan_deck
from podium.diagnostics import BuildError, Diagnostics
from podium.pipeline import BuildOptions, fitted_plans, load
from podium.verify import check_outputs, read_handout

from .conftest import build, click_paragraphs, deck_of, text_runs, write_md
from .drawn import problems
from .stress import write_pictures, write_stress


@pytest.mark.parametrize(
    "name", ["lecture-default", "lecture-classic", "lecture-awkward", "stress-default", "pictures-default"]
)
def test_libreoffice_draws_every_word_inside_the_slide(drawn_decks, name):
    deck, pdf = drawn_decks[name]
    assert pdf.is_file(), f"LibreOffice did not convert {deck.name}"
    assert problems(deck, pdf) == []


def test_libreoffice_draws_every_word_of_the_corpus_decks(drawn_decks):
    names = [k for k in drawn_decks if k.startswith("corpus ")]
    if not names:
        pytest.skip("../shared/corpus is not here")
    found = []
    for k in names:
        deck, pdf = drawn_decks[k]
        found += problems(deck, pdf)
    assert found == []


# --------------------------------------------------------------------------- continuation slides


@pytest.fixture(scope="module")
def stress_deck(tmp_path_factory):
    root = tmp_path_factory.mktemp("stress")
    src = write_stress(root / "src", impossible=True)
    deck, diags = build(src, root / "out", "slides")
    return Presentation(str(deck)), diags, src


def _titles(prs):
    return [s.shapes.title.text if s.shapes.title is not None else "" for s in prs.slides]


def _body(slide):
    return [
        sh
        for sh in slide.shapes
        if sh.has_text_frame
        and sh != slide.shapes.title
        and not (
            sh.is_placeholder
            and sh.placeholder_format.type in (PP_PLACEHOLDER.FOOTER, PP_PLACEHOLDER.SLIDE_NUMBER)
        )
    ]


def test_long_list_continues_between_items_with_notes_on_the_first_part(stress_deck):
    prs, _, _ = stress_deck
    titles = _titles(prs)
    parts = [i for i, t in enumerate(titles) if t.startswith("Twenty-five long bullets")]
    assert len(parts) >= 2 and titles[parts[0]] == "Twenty-five long bullets"
    assert all(titles[i] == "Twenty-five long bullets (cont.)" for i in parts[1:])
    items = [p.text for i in parts for sh in _body(prs.slides[i]) for p in sh.text_frame.paragraphs]
    assert [t.split(":")[0] for t in items] == [f"Bullet {k}" for k in range(1, 26)]
    notes = [
        prs.slides[i].notes_slide.notes_text_frame.text if prs.slides[i].has_notes_slide else ""
        for i in parts
    ]
    assert "first part only" in notes[0] and not any(n.strip() for n in notes[1:])
    # shrunk no further than the floor: explicit sizes of at least 18 pt
    sizes = {
        r.font.size.pt
        for i in parts
        for sh in _body(prs.slides[i])
        for p in sh.text_frame.paragraphs
        for r in p.runs
        if r.font.size is not None
    }
    assert sizes and min(sizes) >= 18


def test_table_continues_between_rows_with_its_header_repeated(stress_deck):
    prs, _, _ = stress_deck
    tables = [sh.table for s in prs.slides for sh in s.shapes if sh.has_table]
    assert len(tables) >= 2
    assert all(t.cell(0, 1).text == "Theme" for t in tables)
    numbers = [t.cell(r, 0).text for t in tables for r in range(1, len(t.rows))]
    assert numbers == [str(i) for i in range(1, 31)]


def test_code_continues_between_lines(stress_deck):
    prs, _, _ = stress_deck
    titles = _titles(prs)
    parts = [i for i, t in enumerate(titles) if t.startswith("Forty lines of code")]
    assert len(parts) >= 2
    lines = [p.text for i in parts for sh in _body(prs.slides[i]) for p in sh.text_frame.paragraphs]
    assert [ln.split("=")[0].strip() for ln in lines] == [f"total_{i}" for i in range(40)]
    sizes = {
        r.font.size.pt
        for i in parts
        for sh in _body(prs.slides[i])
        for p in sh.text_frame.paragraphs
        for r in p.runs
    }
    assert min(sizes) >= 14


def test_builds_carry_on_across_parts(stress_deck):
    prs, _, _ = stress_deck
    titles = _titles(prs)
    parts = [i for i, t in enumerate(titles) if t.startswith("Incremental overflow")]
    assert len(parts) >= 2
    for i in parts:  # every part of an incremental list builds from its first click
        xml = prs.slides[i]._element.xml
        assert "p:timing" in xml and 'delay="indefinite"' in xml


def test_six_pictures_share_the_slide_in_a_grid(stress_deck):
    prs, _, _ = stress_deck
    slide = prs.slides[_titles(prs).index("Six pictures")]
    pics = [sh for sh in slide.shapes if sh.shape_type == 13]
    assert len(pics) == 6
    assert min(min(p.width, p.height) for p in pics) >= 1.4 * 914400
    assert len({p.top for p in pics}) >= 2 and len({p.left for p in pics}) >= 2  # rows and columns
    captions = [sh.text_frame.text for sh in _body(slide)]
    assert sorted(captions) == [f"Picture {k}" for k in range(6)]
    assert all(sh.top + sh.height <= prs.slide_height for sh in slide.shapes)


def test_japanese_slide_continues_with_a_japanese_label(tmp_path):
    text = (
        "---\ntitle: T\nlang: ja\n---\n\n## 長い\n\n"
        + ("人間の安全保障は一人ひとりを守る考え方である。" * 60)
        + "\n"
    )
    prs, _ = Presentation(str(build(write_md(tmp_path, text), tmp_path / "o")[0])), None
    titles = _titles(prs)
    assert titles[1] == "長い" and len(titles) >= 3 and titles[2] == "長い（続き）"


def test_nothing_helps_warns_at_the_source_line_saying_what_to_change(stress_deck):
    _, diags, src = stress_deck
    lines = src.read_text(encoding="utf-8").splitlines()
    over = [d for d in diags.items if d.code == "overfull"]
    words = [d for d in over if "wider than" in d.message]
    thin = [d for d in over if "thin" in d.message]
    assert words and thin
    assert lines[words[0].pos.line - 1].startswith("Pneumonoultramicroscopic")  # the word's own line


def test_fit_policy_from_front_matter_cli_option_and_split(tmp_path):
    many = "\n".join(f"- item {i} with a few words in it to make a line" for i in range(40))
    src = write_md(tmp_path, "## L\n\n" + many + "\n")
    diags = Diagnostics()
    lecture, template = load(src, BuildOptions(), diags)
    plans = plan_deck(lecture)
    split = fit_deck(plans, lecture, template, Diagnostics(), "split")
    shrink = fit_deck(plans, lecture, template, Diagnostics(), "shrink")
    none_diags = Diagnostics()
    none = fit_deck(plans, lecture, template, none_diags, "none")
    assert len(none) == 1 and any(d.code == "overfull" for d in none_diags.items)
    assert len(split) > len(shrink) >= 2
    assert [p.part for p in split] == list(range(1, len(split) + 1)) and {p.parts for p in split} == {
        len(split)
    }
    assert all(p.sizes.text == 1.0 for p in split) and min(p.sizes.text for p in shrink) < 1.0
    opts = BuildOptions(fit="split")
    assert len(fitted_plans(lecture, template, opts, Diagnostics())) == len(split)


def test_check_knows_the_parts(tmp_path, monkeypatch, cli):
    many = "\n".join(f"- item {i} with a few words in it to make a line" for i in range(40))
    src = write_md(tmp_path, "---\ntitle: T\n---\n\n## L\n\n" + many + "\n\n::: notes\nSay it.\n:::\n")
    r = cli("all", src, "-o", tmp_path / "out")
    assert r.exit_code == 0, r.output
    n = len(Presentation(str(tmp_path / "out" / "lecture.pptx")).slides)
    assert n >= 3
    # every part has its own link target in the handout, on the page of its own bookmark
    handout = read_handout(tmp_path / "out" / "lecture-handout.pdf", images=False)
    want = ["slide-1", "slide-2"] + [f"slide-2-{k}" for k in range(2, n)]
    assert sorted(handout.anchors) == sorted(want)
    assert [handout.anchors[a] for a in want] == [e.page for e in handout.entries]
    # and check notices a part the handout cannot link to
    opts = BuildOptions(out_dir=tmp_path / "out")
    check_outputs(src, opts, Diagnostics())

    def without_part(path, images=True):
        h = read_handout(path, images)
        del h.anchors["slide-2-2"]
        return h

    monkeypatch.setattr("podium.verify.read_handout", without_part)
    diags = Diagnostics()
    with pytest.raises(BuildError):
        check_outputs(src, opts, diags)
    errors = [d for d in diags.errors if d.code == "check-anchor"]
    assert len(errors) == 1 and "'#slide-2-2'" in errors[0].message and "part 2 of" in errors[0].message


# --------------------------------------------------------------------------- pictures and math share slides

IN = 914400


@pytest.fixture(scope="module")
def pictures_deck(tmp_path_factory):
    root = tmp_path_factory.mktemp("pictures")
    src = write_pictures(root / "src")
    deck, diags = build(src, root / "out", "slides")
    return Presentation(str(deck)), diags, src


def _pictures(slide):
    """The pictures python-pptx sees on ``slide`` (equations hide in mc:AlternateContent: not these)."""
    return [sh for sh in slide.shapes if sh.shape_type == 13]


def _footer_top(slide):
    tops = [
        sh.top
        for sh in slide.shapes
        if sh.is_placeholder
        and sh.placeholder_format.type in (PP_PLACEHOLDER.FOOTER, PP_PLACEHOLDER.SLIDE_NUMBER)
    ]
    return min(tops, default=None)


def test_no_picture_is_drawn_smaller_than_1_5_in_and_captions_stay_under_their_pictures(pictures_deck):
    prs, diags, _ = pictures_deck
    assert not [d for d in diags.items if d.code == "overfull"], [d.message for d in diags.items]
    captions = {}
    for i, slide in enumerate(prs.slides):
        for pic in _pictures(slide):
            assert min(pic.width, pic.height) >= 1.47 * IN, (i + 1, pic.width / IN, pic.height / IN)
        for sh in _body(slide):
            text = sh.text_frame.text
            if "picture" in text.lower() and len(text) < 40:
                captions[text] = (i, sh)
    want = [f"Grid picture {k}" for k in range(6)] + [
        "The wide picture",
        "The picture under the list",
        "The picture beside a chart",
        "The picture in its column",
    ]
    assert sorted(captions) == sorted(want)
    for text, (i, cap) in captions.items():
        slide = prs.slides[i]
        above = [p for p in _pictures(slide) if p.left < cap.left + cap.width and cap.left < p.left + p.width]
        assert above, f"caption {text!r} has no picture above it on slide {i + 1}"
        pic = min(above, key=lambda p: abs(cap.top - (p.top + p.height)))
        assert 0 <= cap.top - (pic.top + pic.height) <= 0.2 * IN, text  # right under its picture
        footer = _footer_top(slide)
        assert cap.top + cap.height <= (footer if footer is not None else prs.slide_height), text


def test_a_picture_too_narrow_in_its_column_or_squeezed_by_text_moves_to_the_next_part(pictures_deck):
    prs, diags, _ = pictures_deck
    titles = _titles(prs)
    by_title = {t: prs.slides[i] for i, t in enumerate(titles)}
    # a 4:1 picture in a 30 % column would be 0.9 in tall: it continues at the body's width, warned about
    assert not _pictures(by_title["A wide picture in a narrow column"])
    (wide,) = _pictures(by_title["A wide picture in a narrow column (cont.)"])
    assert wide.width > 8 * IN
    assert [
        d
        for d in diags.items
        if "wide.png' would be under 1 in on its short side in its 30 % column" in d.message
    ]
    # under a long list there is no 1.5 in left: the picture continues, with its caption
    assert not _pictures(by_title["A picture under a long list"])
    assert len(_pictures(by_title["A picture under a long list (cont.)"])) == 1
    # a grid under a list: what fits at 1.5 in stays (rows and columns), the rest continues
    first = _pictures(by_title["A grid under a list"])
    rest = _pictures(by_title["A grid under a list (cont.)"])
    assert len(first) >= 2 and len(first) + len(rest) == 6 and rest
    # a column beside a long list fills the room under the paragraph, then continues in its column
    assert len(_pictures(by_title["A picture column beside a long list"])) == 1
    assert titles.count("A picture column beside a long list (cont.)") == 1


def test_a_picture_too_thin_for_any_slide_warns_at_its_own_line(tmp_path):
    Image.new("RGB", (2000, 100), (200, 30, 30)).save(tmp_path / "thin.png")
    src = write_md(tmp_path, "---\ntitle: T\n---\n\n## Strip\n\nSome text.\n\n![A strip](thin.png)\n")
    deck, diags = build(src, tmp_path / "out")
    over = [d for d in diags.items if d.code == "overfull"]
    assert len(over) == 1 and over[0].pos.line == 9, [(d.pos, d.message) for d in over]
    assert "thin.png" in over[0].message and "20:1" in over[0].message and "crop it" in over[0].message
    assert len(Presentation(str(deck)).slides) == 2  # not moved around: warned, shown as large as it goes


def test_the_handouts_drawing_of_a_slide_shows_the_plans_pictures(tmp_path):
    """The handout's twin and the slides PDF draw every picture at the size and in the grid the deck has."""
    from podium.handout.slidespdf import SlideDrawer

    src = write_pictures(tmp_path / "src")
    diags = Diagnostics()
    lecture, template = load(src, BuildOptions(), diags)
    plans = fitted_plans(lecture, template, BuildOptions(), diags)
    deck, _ = build(src, tmp_path / "out")
    prs = Presentation(str(deck))
    drawer = SlideDrawer(lecture, template, diags)
    assert len(plans) == len(prs.slides)
    seen = 0
    numbers = []
    for k, (plan, slide) in enumerate(zip(plans, prs.slides), 1):
        html = drawer.slide(plan, standalone=False, position=k)
        numbers += re.findall(r'class="ph number"[^>]*>(\d+)<', html)
        drawn = sorted(
            (round(float(w)), round(float(h)))
            for w, h in re.findall(r'<img [^>]*style="width:([0-9.]+)pt;height:([0-9.]+)pt', html)
        )
        deck_pics = sorted((round(p.width / 12700), round(p.height / 12700)) for p in _pictures(slide))
        assert drawn == deck_pics, plan.title
        if len(deck_pics) > 1:  # a grid: as many rows as the deck has
            assert html.count('class="picture-row"') == len({p.top for p in _pictures(slide)})
        seen += len(deck_pics)
    assert seen == 10
    # the slide number is the slide's place in the deck, as the deck's field shows it (parts count)
    assert numbers == [str(k) for k in range(2, len(plans) + 1)]


def test_display_math_is_measured_as_typeset(pictures_deck):
    from podium.deck.fit import template_geometry

    diags = Diagnostics()
    _, template = load(write_md(Path(pictures_deck[2]).parent, "## x\n", "m.md"), BuildOptions(), diags)
    measurer = template_geometry(template, diags).measurer
    pos = m.SourcePos("x.md", 1)
    matrix = m.MathBlock(r"\begin{pmatrix} a \\ b \\ c \\ d \end{pmatrix}", pos)
    short = m.MathBlock("E = mc^2", pos)
    width = 10 * IN
    assert measurer.chunk(ObjectChunk(matrix), width, TypeSizes(), None, False) > 1.5 * IN
    assert measurer.chunk(ObjectChunk(short), width, TypeSizes(), None, False) < 0.6 * IN
    # three tall equations do not fit one slide: they continue, every one inside its slide
    prs, _, _ = pictures_deck
    titles = _titles(prs)
    assert titles.count("Tall equations") == 1 and titles.count("Tall equations (cont.)") == 1
    equations = 0
    for i, t in enumerate(titles):
        if t.startswith("Tall equations"):
            slide = prs.slides[i]
            bottom = _footer_top(slide) or prs.slide_height
            for pic in slide._element.iter(qn("p:pic")):  # the equations' pictures (Office math's fallback)
                off, ext = pic.find(".//" + qn("a:off")), pic.find(".//" + qn("a:ext"))
                assert int(off.get("y")) + int(ext.get("cy")) <= bottom
                equations += 1
    assert equations == 3


def test_cambria_is_measured_with_caladea():
    from podium.deck.fonts import face, font_file

    if "Caladea" not in subprocess.run(["fc-list"], capture_output=True, text=True).stdout:
        pytest.skip("Caladea is not installed (apt-get install fonts-crosextra-caladea; CI does)")
    assert Path(font_file("Cambria")).name.startswith("Caladea")
    assert Path(font_file("Cambria", bold=True)).name.startswith("Caladea-Bold")
    assert face("Cambria").width("Human security", 24) == face("Caladea").width("Human security", 24)
    assert face("Cambria").width("Human security", 24) != face("Carlito").width("Human security", 24)


@pytest.mark.parametrize(
    "pattern",
    ["Carlito", "Carlito:bold:italic", "DejaVu Sans Mono", "Noto Sans CJK JP", "No Such Face Anywhere"],
)
def test_fontconfig_in_process_chooses_the_file_fc_match_chooses(pattern):
    from podium.deck.fontconfig import match_file

    if shutil.which("fc-match") is None:
        pytest.skip("fontconfig's fc-match is not installed")
    printed = subprocess.run(["fc-match", "-f", "%{file}", pattern], capture_output=True, text=True).stdout
    assert match_file(pattern) == printed


def test_without_fontconfig_in_process_fc_match_is_asked(monkeypatch):
    from podium.deck import fonts

    if shutil.which("fc-match") is None:
        pytest.skip("fontconfig's fc-match is not installed")
    in_process = fonts.font_file.__wrapped__("Calibri", True)
    monkeypatch.setattr(fonts, "match_file", lambda pattern: None)
    assert fonts.font_file.__wrapped__("Calibri", True) == in_process
    assert Path(in_process).name.startswith("Carlito-Bold")


def test_a_table_row_taller_than_the_slide_warns_at_its_line(tmp_path):
    long = " ".join(["protection and empowerment of every person"] * 60)
    src = write_md(
        tmp_path,
        "---\ntitle: T\n---\n\n## Table\n\n| A | B |\n|---|---|\n| 1 | short |\n| 2 | " + long + " |\n",
    )
    _, diags = build(src, tmp_path / "out")
    over = [d for d in diags.items if d.code == "overfull"]
    assert over, [d.message for d in diags.items]
    row = [d for d in over if "row 2 of the table" in d.message]
    assert row and row[0].pos.line == 10 and row[0].pos.path.endswith("lecture.md")
    assert "shorten the text of its cells" in row[0].message


def test_a_word_wider_than_the_slide_warns_saying_what_to_change(tmp_path):
    word = "Pneumonoultramicroscopicsilicovolcanoconiosis" * 4
    src = write_md(tmp_path, f"---\ntitle: T\n---\n\n## Word\n\n- a short point\n- {word}\n")
    deck, diags = build(src, tmp_path / "out")
    over = [d for d in diags.items if d.code == "overfull"]
    assert len(over) == 1 and over[0].pos.line == 8  # the item's line, not the slide's
    assert "wider than the slide" in over[0].message and "shorten it" in over[0].message
    assert word[:40] in over[0].message
    # its characters all stay on the slide (broken between characters, not cut)
    texts = [sh.text_frame.text for sh in _body(Presentation(str(deck)).slides[1])]
    assert any(word in t for t in texts)


def test_a_picture_the_author_sized_by_percent_in_a_column_stays_there_unwarned(tmp_path):
    Image.new("RGB", (800, 300), (40, 90, 200)).save(tmp_path / "p.png")
    src = write_md(
        tmp_path,
        '---\ntitle: T\n---\n\n## Sized\n\n:::: columns\n::: {.column width="50%"}\n- a point\n- another\n:::\n'
        '::: {.column width="50%"}\n![](p.png){width=45%}\n:::\n::::\n',
    )
    deck, diags = build(src, tmp_path / "out")
    assert not [d for d in diags.items if d.code == "overfull"], [d.message for d in diags.items]
    prs = Presentation(str(deck))
    assert len(prs.slides) == 2  # not moved out of its column
    (pic,) = _pictures(prs.slides[1])
    assert pic.left > prs.slide_width / 2 and pic.height < 1.5 * IN  # the author's small size, kept


def test_the_handouts_drawing_never_sets_type_larger_than_the_deck(tmp_path):
    from podium.handout.slidespdf import SlideDrawer

    many = "\n".join(f"- item {i}: " + " ".join(["human security protects people"] * 5) for i in range(7))
    src = write_md(tmp_path, "---\ntitle: T\n---\n\n## L\n\n" + many + "\n")
    diags = Diagnostics()
    lecture, template = load(src, BuildOptions(), diags)
    plans = fitted_plans(lecture, template, BuildOptions(), diags)
    drawer = SlideDrawer(lecture, template, diags)
    shrunk = [p for p in plans if p.sizes is not None and p.sizes.text < 1.0]
    assert shrunk, "the list should have been set smaller"
    for plan in shrunk:
        size = float(re.search(r'class="ph body"[^>]*font-size:([0-9.]+)pt', drawer.slide(plan)).group(1))
        assert size <= (drawer.look.body_size or 24) * plan.sizes.text + 0.5


def test_continuation_parts_are_evened_out_not_left_with_a_widow(stress_deck):
    prs, _, _ = stress_deck
    titles = _titles(prs)

    def per_part(title):
        return [
            sum(len(sh.text_frame.paragraphs) for sh in _body(prs.slides[i]))
            for i, t in enumerate(titles)
            if t.startswith(title)
        ]

    bullets = per_part("Twenty-five long bullets")
    assert len(bullets) >= 2 and sum(bullets) == 25 and max(bullets) - min(bullets) <= 2, bullets
    rows = [len(sh.table.rows) - 1 for s in prs.slides for sh in s.shapes if sh.has_table]
    assert sum(rows) == 30 and max(rows) - min(rows) <= 3, rows


def test_a_fenced_divs_picture_and_words_stay_on_one_slide(tmp_path):
    """A team slide (ncsu deck): each person a div of a photo, a name and a role.  No photo without its
    name: the cards are one row of pictures, each captioned with its name and role."""
    people = ["Mara Blake", "Shannon Ricci", "Jeff Essic", "Alp Tezbasaran", "Selene Schmittling"]
    body = ""
    for k, name in enumerate(people):
        Image.new("RGB", (600, 600), (40 * k, 90, 160)).save(tmp_path / f"p{k}.png")
        body += (
            f':::: {{.person}}\n![](p{k}.png){{fig-alt="Photo of {name}"}}\n'
            f'<div class="name"><strong>{name}</strong></div>\n'
            '<div class="role">Data Science Librarian</div>\n::::\n\n'
        )
    src = write_md(
        tmp_path, "---\ntitle: Team\n---\n\n## Who we are\n\n:::: {.team-grid}\n" + body + "::::\n"
    )
    deck, _ = build(src, tmp_path / "out")
    prs = Presentation(str(deck))
    shown = 0
    for slide in list(prs.slides)[1:]:
        names = [
            n for n in people if any(n in sh.text_frame.text for sh in slide.shapes if sh.has_text_frame)
        ]
        photos = [sh.name for sh in slide.shapes if sh.shape_type == 13]  # MSO_SHAPE_TYPE.PICTURE
        assert len(names) == len(photos), (names, photos)
        shown += len(names)
    assert shown == len(people)
    assert len(prs.slides) == 2  # the cards are one row of captioned pictures (reader.cards)


def test_a_title_too_long_for_its_box_is_drawn_smaller_in_the_deck_and_the_drawings(pictures_deck, tmp_path):
    from podium.handout.slidespdf import SlideDrawer

    from .stress import LONG_TITLE

    prs, diags, src = pictures_deck

    def same(text: str) -> bool:  # (the reader's typographic apostrophes)
        return text.replace("\u2019", "'") == LONG_TITLE

    (slide,) = [s for s in prs.slides if s.shapes.title is not None and same(s.shapes.title.text)]
    sizes = {r.font.size.pt for r in slide.shapes.title.text_frame.paragraphs[0].runs}
    assert len(sizes) == 1 and sizes.pop() < 36  # (the default template's title: 36 pt)
    assert not [d for d in diags.items if "title is too long" in d.message]
    lecture, template = load(src, BuildOptions(), Diagnostics())
    plans = fitted_plans(lecture, template, BuildOptions(), Diagnostics())
    (plan,) = [p for p in plans if same("".join(r.text for r in p.title))]
    assert 0.6 <= plan.title_scale < 1.0
    html = SlideDrawer(lecture, template, Diagnostics()).slide(plan)
    assert f'style="font-size:{plan.title_scale * 100:g}%"' in html


def test_a_banner_like_diagram_stays_in_the_column_it_was_put_in(tmp_path):
    from PIL import Image as PILImage

    PILImage.new("RGB", (400, 120), (30, 90, 160)).save(tmp_path / "pipeline.png")
    src = tmp_path / "col.md"
    src.write_text(
        '---\ntitle: T\n---\n\n## Pipeline\n\n:::: {.columns}\n::: {.column width="60%"}\nText left\n\n'
        '- one\n:::\n::: {.column width="40%"}\n![The pipeline](pipeline.png)\n:::\n::::\n'
    )
    deck, diags = build(src, tmp_path / "out", "slides")
    prs = Presentation(str(deck))
    assert len(prs.slides) == 2  # no "(cont.)"
    (pic,) = _pictures(prs.slides[1])
    text = next(sh for sh in prs.slides[1].shapes if sh.has_text_frame and "Text left" in sh.text_frame.text)
    assert pic.left >= text.left + text.width and pic.top < text.top + text.height  # beside the text
    assert not [d for d in diags.items if d.code == "overfull"], [d.message for d in diags.items]


def test_a_listing_a_slide_holds_is_not_cut_when_the_text_after_it_moves_on(tmp_path):
    code = "\n".join(f"    line_{k} = compute({k})  # step {k}" for k in range(1, 18))
    text = "\n".join(
        f"- point {k}: a longer sentence that takes a line or two on the slide" for k in range(4)
    )
    src = write_md(
        tmp_path, f"---\ntitle: T\n---\n\n## Listing\n\n```python\ndef f():\n{code}\n```\n\n{text}\n"
    )
    path, _ = build(src, tmp_path / "out", "slides")
    prs = Presentation(str(path))
    shown = [
        "\n".join(sh.text_frame.text for sh in s.shapes if sh.has_text_frame) for s in list(prs.slides)[1:]
    ]
    assert len(shown) == 2
    with_code = [k for k, t in enumerate(shown) if "line_" in t]
    assert with_code == [0] and "line_17" in shown[0]  # the whole listing on the first part
    assert "point 3" in shown[1]


def test_the_drawing_of_a_list_numbered_past_nine_has_room_for_two_digits():
    from podium.deck.plan import Para, Run
    from podium.handout.planhtml import paras_html

    short = paras_html([Para((Run(f"item {k}"),), bullet="number", number=k) for k in range(1, 4)])
    long = paras_html([Para((Run(f"item {k}"),), bullet="number", number=k) for k in range(1, 12)])
    assert "padding-left" not in short
    assert '<ol style="padding-left:1.65em">' in long


def test_libreoffice_draws_shrunk_text_at_the_size_the_deck_gives_it(tmp_path, soffice):
    from .drawn import pages, render

    src = write_md(
        tmp_path,
        "---\ntitle: T\n---\n\n## Regulation {.smaller}\n\n::: {.panel-tabset}\n\n### Cyclins\n\n"
        "- Proteins whose levels **oscillate**\n- Cyclin D, cyclin E, cyclin A, cyclin B\n\n### CDKs\n\n"
        "- Kinases, constant levels\n- Active only when bound to a cyclin\n\n### Inhibitors\n\n"
        "- p21, p27\n- p53 induces p21 after DNA damage\n\n:::\n",
    )
    path, _ = build(src, tmp_path / "out", "slides")
    slide = Presentation(str(path)).slides[1]
    body = next(s for s in slide.placeholders if "Cyclins" in s.text_frame.text)
    sizes = {r.font.size.pt for p in body.text_frame.paragraphs for r in p.runs if r.font.size}
    assert sizes and max(sizes) < 24  # smaller, written explicitly
    # "Do not Autofit": LibreOffice recomputes normAutofit on opening and may halve text that fits
    assert body.text_frame._txBody.find(qn("a:bodyPr")).find(qn("a:noAutofit")) is not None
    pdf = render([path], tmp_path / "lo", soffice)[path]
    _, _, words = pages(pdf)[1]
    drawn = [w for w in words if w.text == "Kinases,"]
    assert drawn and drawn[0].y1 - drawn[0].y0 > max(sizes)  # drawn at its size


def _code_slide(title: str, lines: int) -> str:
    code = "\n".join(f"## line {k:02}" for k in range(1, lines + 1))
    return f"## {title}\n\nI also like the cheat utility.\n\n```\n{code}\n```\n\n"


def test_a_title_that_already_says_cont_is_not_said_twice_and_overfull_names_the_decks_slide(tmp_path):
    src = write_md(
        tmp_path,
        "---\ntitle: T\n---\n\n"
        + _code_slide("Long code", 40)
        + _code_slide("Help (cont.)", 20)
        # (a table row taller than a slide: no size or split makes it fit)
        + "## Too much\n\n| a | b |\n|---|---|\n| "
        + "word " * 700
        + " | x |\n",
    )
    path, diags = build(src, tmp_path / "out")
    titles = [
        s.shapes.title.text_frame.text for s in Presentation(str(path)).slides if s.shapes.title is not None
    ]
    assert "Help (cont.)" in titles and not any("(cont.) (cont.)" in t for t in titles)
    overfull = [d for d in diags.items if d.code == "overfull"]
    numbers = [int(re.search(r"slide (\d+)", d.message).group(1)) for d in overfull]
    assert numbers and all(
        titles[n - 1] == "Too much" or titles[n - 1].startswith("Too much") for n in numbers
    )


def test_columns_of_a_listing_and_small_tables_keep_their_widths_and_split_only_the_listing(tmp_path):
    code = "\n".join(f"line {k} of the code here;" for k in range(1, 23))
    src = write_md(
        tmp_path,
        f'---\ntitle: T\n---\n\n## Columns\n\n:::: columns\n::: {{.column width="75%"}}\n```c\n{code}\n```\n:::\n'
        '::: {.column width="25%"}\n**(1)**\n\n| step | 1 |\n|---|---|\n| a | b |\n\n'
        "| start | 1 |\n|---|---|\n| end | 10 |\n| step | 1 |\n:::\n::::\n",
    )
    path, diags = build(src, tmp_path / "out")
    slides = list(Presentation(str(path)).slides)[1:]
    assert len(slides) == 2  # (the listing goes on; before, each table had a slide, one cut in two)
    tables = [s for s in slides[0].shapes if s.has_table]
    assert len(tables) == 2 and len(tables[1].table.rows) == 3  # both tables whole on the first slide
    assert not any(s.has_table for s in slides[1].shapes)
    (listing,) = [s for s in slides[0].shapes if s.has_text_frame and "line 1 " in s.text_frame.text]
    assert listing.width > 2.5 * tables[0].width  # (75 % beside 25 %, not two halves)


def test_a_list_after_code_is_measured_as_drawn_and_continues(tmp_path):
    # the list after a listing is drawn in the placeholder's look but was measured as a plain text box
    # (smaller): the slide was thought to fit, then warned overfull, and its last items ran off it
    items = "".join(
        f"- Item number {k} with a reasonably long line of text that takes space\n" for k in range(1, 12)
    )
    src = write_md(
        tmp_path,
        "---\ntitle: T\n---\n\n## Slide\n\nIntro paragraph.\n\n```r\nlibrary(tidyverse)\n```\n\n" + items,
    )
    path, diags = build(src, tmp_path / "out")
    assert not [d for d in diags.items if d.code == "overfull"], [d.format() for d in diags.items]
    prs = Presentation(str(path))
    assert _titles(prs)[1:] == ["Slide", "Slide (cont.)"]
    bottom = prs.slide_height - Emu(914400) // 2  # (the footer's line)
    for slide in list(prs.slides)[1:]:
        for shape in slide.shapes:
            if shape.has_text_frame and "Item number" in shape.text_frame.text:
                assert shape.top + shape.height <= bottom, (shape.top + shape.height, bottom)


def test_a_sub_list_stays_with_its_item_and_a_heading_with_what_follows(tmp_path):
    src = write_md(
        tmp_path,
        "---\ntitle: T\nslide-level: 1\n---\n\n# Struktur\n\n## Themenübersicht\n\n1. Wer sind wir?\n2. Einführung\n"
        "3. Anwendungsbeispiele\n   - Deskriptive Statistik\n   - Inferenzstatistik\n   - Signalverarbeitung\n"
        "   - Modellierung\n4. Ausblick\n\n## Format\n\n- Die Beispiele sind als Notebooks verfügbar\n"
        "- Fragen sind willkommen\n",
    )
    path, _ = build(src, tmp_path / "out")
    bodies = [
        [
            p.text
            for sh in s.shapes
            if sh.has_text_frame and sh != s.shapes.title
            for p in sh.text_frame.paragraphs
        ]
        for s in list(Presentation(str(path)).slides)[1:]
    ]
    for body in bodies:  # (the item's sub-list on the slide of its item)
        assert ("Anwendungsbeispiele" in body) == ("Modellierung" in body), bodies
        assert not body or body[-1] not in ("Themenübersicht", "Format"), bodies  # (no heading ends a part)


def test_a_label_ending_in_a_colon_stays_with_the_equation_it_introduces(tmp_path):
    # "**Predicted values:**" over its $$…$$: the part break fell between them, the label alone at the
    # foot of one slide and its equation alone on the next
    pairs = "\n\n. . .\n\n".join(
        f"**{name}:**\n$${tex}$$"
        for name, tex in (
            ("Generic linear model", "y = X\\beta + \\epsilon"),
            ("Normal equations", "X^\\top X \\hat{\\beta} = X^\\top y"),
            ("Projection matrix", "P = X(X^\\top X)^{-1}X^\\top"),
            ("Predicted values", "\\hat{y} = Py"),
            ("Residuals", "e = (I - P)y"),
            ("Residual variance", "\\hat{\\sigma}^2 = \\frac{e^\\top e}{n - p}"),
        )
    )
    src = write_md(
        tmp_path, "---\ntitle: T\nformat: revealjs\n---\n\n## Key Formulas\n\n" + pairs + "\n", "k.qmd"
    )
    diags = Diagnostics()
    lecture, template = load(src, BuildOptions(), diags)
    plans = [p for p in fitted_plans(lecture, template, BuildOptions(), diags) if p.chunks]
    assert len(plans) >= 2  # (the six pairs do not fit one slide)
    for plan in plans:
        last = plan.chunks[-1]
        assert isinstance(last, ObjectChunk) and isinstance(last.block, m.MathBlock), plan.chunks


def test_korean_is_measured_in_the_east_asian_face_and_continues_as_drawn(tmp_path, soffice):
    # Hangul was not counted as CJK: measured in the Latin face (its missing glyphs), written without the
    # East Asian face, so LibreOffice drew it wider than measured and the slide ran off the bottom
    from .drawn import render

    line = "스마트 포인터는 객체가 소멸될 때 delete를 자동으로 호출해 이 문제를 해결하고 메모리 누수를 막는다"
    items = "".join(f"- {line} {line} {k}\n" for k in range(8))
    rows = "".join(f"| 메모리 누수 {k} | {line} {line} |\n" for k in range(5))
    src = write_md(
        tmp_path, f"---\ntitle: K\n---\n\n## 긴 글\n\n{items}\n## 표\n\n| 문제 | 설명 |\n|---|---|\n{rows}"
    )
    path, _ = build(src, tmp_path / "out")
    prs = Presentation(str(path))
    # (a lecture without lang: whose words are Korean: lang: ko, and Korean words on continuation slides)
    assert _titles(prs)[1:3] == ["긴 글", "긴 글 (계속)"]
    runs = [r for r in text_runs(prs.slides) if "메모리" in r.text]
    assert runs and all(r._r.find(qn("a:rPr")).find(qn("a:ea")) is not None for r in runs)
    pdf = render([path], tmp_path / "lo", soffice)[path]
    assert problems(path, pdf) == []


def test_a_table_column_is_as_wide_as_its_longest_word_when_the_others_can_spare_it(tmp_path, soffice):
    # the grid table's border gave the first column 10/188 of the width: LibreOffice broke "width" in two
    # ("wid/th"), where the slides PDF widens the column
    from .drawn import pages, render

    text = "The normal {} of the presentation, aspect ratio kept when it is scaled. " * 2
    border = f"+----------+{'-' * 177}+"
    rows = "".join(
        f"| {'`' + k + '`':<8} | {text.replace('{}', k):<175} |\n{border}\n" for k in ("width", "height")
    )
    src = write_md(tmp_path, f"---\ntitle: T\n---\n\n## Sizing\n\n{border}\n{rows}")
    path, _ = build(src, tmp_path / "out")
    (table,) = [sh for sh in Presentation(str(path)).slides[1].shapes if sh.has_table]
    first, rest = (c.width for c in table.table.columns)
    assert first + rest <= table.width + 2
    pdf = render([path], tmp_path / "lo", soffice)[path]
    _, _, words = pages(pdf)[1]
    column = min(w.x0 for w in words if w.text == "The")  # (where the second column's words start)
    top, bottom = table.top / 12700, (table.top + table.height) / 12700
    assert [w.text for w in words if w.x0 < column and top < w.y0 < bottom] == ["width", "height"]
    assert problems(path, pdf) == []


def test_a_columns_heading_stays_with_the_listing_it_introduces(tmp_path):
    # the right column's "## Moves only" was left alone at the foot of the slide, its listing (which a
    # slide holds, but not with the heading) moved whole to the "(cont.)" slide
    left = "\n".join(f"auto p{k} = std::make_unique<int>({k});  // step {k}" for k in range(16))
    right = "\n".join(f"auto q{k} = std::move(p{k});" for k in range(18))
    src = write_md(
        tmp_path,
        "---\ntitle: T\n---\n\n## unique_ptr\n\nOnly one unique_ptr owns the object.\n\n:::: columns\n::: column\n"
        f"### Creating and using\n\n```cpp\n{left}\n```\n\n### Checking ownership\n\n```cpp\np.reset();\n```\n"
        f":::\n::: column\n### Moves only\n\n```cpp\n{right}\n```\n:::\n::::\n",
    )
    path, _ = build(src, tmp_path / "out")
    for slide in list(Presentation(str(path)).slides)[1:]:
        boxes = sorted(
            (sh for sh in slide.shapes if sh.has_text_frame and sh != slide.shapes.title and sh.top > 0),
            key=lambda sh: (sh.left, sh.top),
        )
        texts = [(sh.left, sh.text_frame.text) for sh in boxes]
        for (x, t), (x2, t2) in zip(texts, [*texts[1:], (None, "")]):
            if t in ("Creating and using", "Checking ownership", "Moves only"):
                assert x2 == x and t2.startswith(("auto", "p.reset")), texts  # (its listing under it)


def test_columns_with_text_under_them_keep_the_decks_list_style(tmp_path, soffice):
    # with a paragraph under them, the columns were text boxes with black Arial bullets and no spacing
    # (measured so), unlike the same columns on a slide of their own
    from .drawn import pages, render

    cols = (
        ":::: columns\n::: column\nBefore\n\n- writing: **8 h**\n- research: **2 h**\n:::\n"
        "::: column\nAfter\n\n- writing: **4 h**\n- research: **1 h**\n:::\n::::\n"
    )
    src = write_md(
        tmp_path,
        f"---\ntitle: T\n---\n\n## With text\n\n{cols}\nMeasured on medium-sized articles.\n\n## Without\n\n{cols}",
    )
    path, _ = build(src, tmp_path / "out")
    for slide in list(Presentation(str(path)).slides)[1:]:
        for sh in slide.shapes:
            if sh.has_text_frame and "writing" in sh.text_frame.text:
                assert not sh.text_frame._txBody.findall(f"{qn('a:p')}/{qn('a:pPr')}/{qn('a:buChar')}"), (
                    sh.name
                )  # (the deck's own)
    pdf = render([path], tmp_path / "lo", soffice)[path]
    drawn = [
        [
            (w.text, round(w.x0), round(w.y0))
            for w in words
            if w.text in ("•", "writing:", "research:", "After")
        ]
        for _, _, words in pages(pdf)[1:3]
    ]
    assert drawn[0] == drawn[1] and len(drawn[0]) == 9
    assert problems(path, pdf) == []


def test_wide_characters_in_code_and_a_run_of_headings_stay_on_the_slide_libreoffice_draws(tmp_path, soffice):
    """A listing whose comments are Korean (each character two columns of a monospaced face) is measured
    as wide as it is drawn, and a slide of big lines written as headings (as Marp decks write them)
    continues between two of them; LibreOffice draws no word off the slide or over the footer."""
    from .drawn import render

    hangul = "// " + "포인터가가리키는객체의소유권을" * 3
    code = "\n".join(f"int x{k} = {k};  {hangul}" for k in range(12))
    lines = "\n".join(f"### Wires carry charge to resistor number {k}" for k in range(16))
    src = write_md(
        tmp_path,
        f"---\ntitle: Wide\n---\n\n## A listing\n\n```c\n{code}\n```\n\n## Big lines\n\n{lines}\n",
    )
    path, diags = build(src, tmp_path / "out", "slides")
    over = [d.message for d in diags.items if d.code == "overfull"]
    assert len(over) == 1 and "wraps" in over[0]  # (its lines are wider than the slide at 14 pt: said)
    pdf = render([path], tmp_path / "lo", soffice)[path]
    assert problems(path, pdf) == []


def test_a_box_split_over_slides_keeps_its_title_with_its_first_words(tmp_path):
    # a `::: {.block}` whose first part would hold only its title: the title went alone at the foot
    # of one slide, its words to the next (a real deck's slide, its words shortened)
    src = write_md(
        tmp_path,
        """\
        ---
        title: Box
        ---

        ## Amplitude de variação

        - A medida mais simples de dispersão é a amplitude de variação ($a$), que é a diferença entre os valores extremos do conjunto de dados.

        $$
        a = Max(x) - Min(x),
        $$
        em que $Min(x)$ e $Max(x)$ representam os valores de mínimo e máximo de um conjunto de dados, respectivamente.

        - Exemplo: suponha que observamos a largura da pétala (em centímetros) de 10 flores
        - Note que,
            + $Min(x) = 0.2$;
            + $Max(x) = 2.3$;
        - Logo, a amplitude é $a = 2.1$

        ::: {.block}

        ### Comentário

        - Os valores de mínimo e máximo de um conjunto de dados podem ser utilizados para a verificação de inconsistências nos dados com respeito a variável de interesse.
            - Exemplos:
                + $Max(\\mbox{idade}) = 170$ (anos).
                + $Min(\\mbox{temperatura}) = -20^{\\circ}$ (na série histórica de temperaturas).

        :::
        """,
    )
    prs, _ = deck_of(src, tmp_path / "out")
    boxes = [
        sh.text_frame.text
        for s in prs.slides
        for sh in s.shapes
        if sh.has_text_frame and "Comentário" in sh.text_frame.text
    ]
    assert len(boxes) == 1 and "Os valores de mínimo" in boxes[0], boxes  # (the title with its first words)


def test_a_long_title_on_a_slide_of_its_own_is_drawn_smaller_to_fit(tmp_path, soffice):
    # a title of three lines (a <br> in it) on a slide with nothing else kept the template's size and
    # ran out of its box, with no warning
    from .drawn import problems, render

    src = write_md(
        tmp_path,
        "---\ntitle: Titles\n---\n\n## B. Il faut savoir identifier les désirs qui nous troublent et nous"
        "<br> éloignent du bonheur\n\n## Next\n\nText\n",
    )
    prs, _ = deck_of(src, tmp_path / "out")
    title = prs.slides[1].shapes.title
    sizes = {r.font.size for p in title.text_frame.paragraphs for r in p.runs}
    assert sizes and all(s is not None for s in sizes)  # (written smaller than the template's size)
    deck = tmp_path / "out" / "lecture.pptx"
    pdf = render([deck], tmp_path / "lo", soffice)[deck]
    assert problems(deck, pdf) == []


def test_the_rest_of_a_listing_shown_on_a_click_is_shown_at_once_on_its_continuation(tmp_path):
    # the listing came on the first slide's click; its continuation slide showed only its title until
    # one more click
    code = "\n".join(f"x{k} = compute_step({k})  # step {k}" for k in range(30))
    src = write_md(
        tmp_path,
        f"---\ntitle: T\nformat: revealjs\n---\n\n## Listing\n\n::: {{.fragment}}\n\n```python\n{code}\n```\n\n:::\n\n"
        "## Items\n\n::: incremental\n"
        + "".join(f"- point {k} with a few words to fill a line\n" for k in range(16))
        + ":::\n",
    )
    deck, _ = build(src, tmp_path / "out")
    slides = list(Presentation(str(deck)).slides)
    listing = [s for s in slides if any("x0 =" in t or "x29 =" in t for t in _frame_texts(s))]
    assert len(listing) == 2
    assert [c[0][:6] for c in click_paragraphs(listing[0])] == ["x0 = c"]  # on its click, as written
    assert click_paragraphs(listing[1]) == []  # the rest: already shown when the slide comes
    items = [s for s in slides if any("point 0 " in t or "point 15 " in t for t in _frame_texts(s))]
    assert len(items) >= 2 and all(click_paragraphs(s) for s in items)  # new items: still one a click
    assert click_paragraphs(items[1])[0][0].startswith("point ")


def _frame_texts(slide) -> list[str]:
    return [sh.text_frame.text for sh in slide.shapes if sh.has_text_frame]


def test_a_code_line_too_wide_even_at_the_smallest_size_is_said_to_wrap(tmp_path):
    long = "result = some_function_with_a_long_name(" + ", ".join(f"argument_{k}" for k in range(9)) + ")"
    src = write_md(tmp_path, f"---\ntitle: T\n---\n\n## Long code\n\n```python\nx = 1\n{long}\n```\n")
    _, diags = build(src, tmp_path / "out")
    said = [d for d in diags.items if "too wide for the slide" in d.message]
    assert len(said) == 1 and said[0].pos.line == 7  # the listing's fence
    assert f"code line 2 of this listing ({len(long)} characters)" in said[0].message


def test_a_bold_label_over_a_list_is_never_left_at_a_parts_foot(tmp_path):
    # beamer's \textbf{Cons} over its itemize (Markdown's **Cons**): the label stayed at the foot of
    # one slide and its list went on to the next
    groups = []
    for label, n in (("Pros", 4), ("Cons", 2), ("Observations", 2)):
        items = "".join(
            f"- {label} point {k} with enough words to take a whole line of the slide\n" for k in range(n)
        )
        groups.append(f"**{label}**\n\n{items}")
    src = write_md(tmp_path, "---\ntitle: T\n---\n\n## Remarks\n\n" + "\n".join(groups))
    deck, _ = build(src, tmp_path / "out")
    parts = [s for s in Presentation(str(deck)).slides if any("Remarks" in t for t in _frame_texts(s))]
    assert len(parts) >= 2
    for s in parts:
        body = [p.text for sh in _body(s) for p in sh.text_frame.paragraphs if p.text.strip()]
        assert body[-1] not in ("Pros", "Cons", "Observations", "Caveats"), body
        assert body[0] in ("Pros", "Cons", "Observations", "Caveats") or " point " in body[0]
