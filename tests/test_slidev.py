"""Slidev decks (podium/slidev.py): slides with front matter of their own, notes, clicks, slots."""

from __future__ import annotations

import pytest
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE

from podium import model as m
from podium import slidev
from podium.diagnostics import Diagnostics
from podium.reader import parse_lecture

from .conftest import click_paragraphs, deck_of, write_md

DECK = """\
---
theme: seriph
title: Platform Analysis
---

# Platform Analysis

Week 2

---
layout: two-cols
---

# Ethics

- Do not commit illegal acts

::right::

- Report what you find

<!--
Remind students about the university policy.
-->

---
layout: section
title: "Lab Setup"
---

---

# File Identification

<v-clicks>

- Double click it
- Look at the extension

</v-clicks>

<v-click>

Then read the magic bytes.

</v-click>

<!--
Ask the class first.
-->

---
hide: true
---

# Hidden

---
src: ./pages/imported.md
---

---
layout: image-right
image: photo.png
---

## Lab 1

File identification lab: 20 minutes.
"""


def _read(text: str, diags: Diagnostics | None = None) -> m.Lecture:
    return parse_lecture(text, "slides.md", diags or Diagnostics())


def test_a_slidev_deck_is_its_slides_with_their_front_matter_notes_and_clicks():
    diags = Diagnostics()
    lec = _read(DECK, diags)
    assert lec.meta.title == "Platform Analysis" and lec.meta.subtitle == "Week 2"  # the cover slide
    shown = [(s.kind, m.plain_text(s.title)) for s in lec.slides]
    assert shown == [
        (m.TITLE, "Platform Analysis"),
        (m.CONTENT, "Ethics"),
        (m.SECTION, "Lab Setup"),  # (its front matter's title:, not the deck's)
        (m.CONTENT, "File Identification"),
        (m.CONTENT, "Lab 1"),  # (the hidden slide left out)
    ]
    ethics, files = lec.slides[1], lec.slides[3]
    assert any(isinstance(b, m.Columns) for b in ethics.body)  # two-cols at ::right::
    assert "Remind students" in m.blocks_text(ethics.notes)
    assert "Ask the class first." in m.blocks_text(files.notes)
    assert "Ask the class" not in m.blocks_text(files.body)
    (src,) = [d for d in diags.items if d.code == "missing-file"]  # (its file is not there: said)
    assert "./pages/imported.md" in src.message
    assert src.pos.line == DECK.split("\n").index("src: ./pages/imported.md") + 1  # (its line, 1-based)
    assert [d.code for d in diags.items if d.code == "dialect"] == ["dialect"]


def test_slidev_clicks_and_picture_beside_the_text_in_the_deck(tmp_path):
    from PIL import Image

    Image.new("RGB", (600, 400), (40, 90, 160)).save(tmp_path / "photo.png")
    src = write_md(tmp_path, DECK, "slides.md")
    deck, _ = deck_of(src, tmp_path / "out")
    titles = [s.shapes.title.text if s.shapes.title is not None else "" for s in deck.slides]
    assert titles[:2] == ["Platform Analysis", "Ethics"]
    files = deck.slides[3]
    timing = files._element.find("{http://schemas.openxmlformats.org/presentationml/2006/main}timing")
    assert timing is not None  # the list item by item and the paragraph after it on clicks
    lab = deck.slides[4]
    assert any(sh.shape_type == 13 for sh in lab.shapes)  # the image-right picture
    text = "\n".join(sh.text_frame.text for s in deck.slides for sh in s.shapes if sh.has_text_frame)
    assert "::right::" not in text and "v-click" not in text and "layout:" not in text
    assert isinstance(deck, type(Presentation()))


@pytest.mark.parametrize(
    ("text", "is_slidev"),
    [
        (DECK, True),
        ("---\ntitle: T\n---\n\n# A\n\n<v-click>\n\nx\n\n</v-click>\n", True),
        ("---\ntheme: seriph\n---\n\n# A\n\n---\nlayout: center\n---\n\n# B\n", True),
        ("---\ntitle: T\n---\n\n## A\n\n---\n\n## B\n", False),
        ("---\ntitle: T\noutput: xaringan::moon_reader\n---\n\n---\nlayout: true\n---\n", False),
        ("---\ntitle: T\nformat: revealjs\n---\n\n::right::\n", False),
    ],
)
def test_which_decks_are_read_as_slidev(text, is_slidev):
    assert slidev.wanted(text) is is_slidev


def test_a_two_cols_header_slide_has_its_header_above_both_columns(tmp_path):
    src = write_md(
        tmp_path,
        "---\nlayout: two-cols-header\n---\n\n# Heading\n\nThis sentence spans both columns.\n\n::left::\n\n"
        "- left item\n\n::right::\n\n- right item\n",
    )
    deck, diags = deck_of(src, tmp_path / "out")
    shapes = {
        s.text_frame.text: s for s in deck.slides[0].shapes if s.has_text_frame and s.text_frame.text.strip()
    }
    header, left, right = (
        shapes["This sentence spans both columns."],
        shapes["left item"],
        shapes["right item"],
    )
    assert header.top + header.height <= min(left.top, right.top)
    assert left.left < right.left and abs(left.top - right.top) < 20000
    assert not any(d.code == "unused-key" for d in diags.items)


@pytest.mark.parametrize(
    "cover",
    [
        "## 06. Shared State\n\nContinue the Learning Shop: add the chosen quantity to the cart, then read the "
        "same total on the cart page, and more words after them.\n",
        # (a cover with notes is the title slide: notes never change how a slide looks in Slidev;
        # test_review23_marp_slidev.py)
        "## 06. Shared State\n\nJian Weng, KAUST, and a second line that makes it more than a title\n\n"
        "Another line\n\nA third line\n\nA fourth line\n\n<!--\nSpeaker notes for the opening slide.\n-->\n",
    ],
)
def test_a_cover_that_says_more_than_a_title_is_the_first_slide_once(cover):
    # Slidev makes no slide of the front matter: a cover kept as a slide of its own was also made a
    # title slide, so the deck opened with the same title twice
    lec = _read(
        f"---\nlayout: intro\n---\n\n{cover}\n---\nlayout: two-cols\n---\n\n# Next\n\n- one\n\n::right::\n\n- two\n"
    )
    assert [(s.kind, m.plain_text(s.title)) for s in lec.slides] == [
        (m.CONTENT, "06. Shared State"),
        (m.CONTENT, "Next"),
    ]
    assert lec.meta.title == "06. Shared State"  # (the footer's)


def test_a_magic_move_shows_its_last_step_as_code_and_says_so(tmp_path):
    diags = Diagnostics()
    lec = _read(
        "---\nhighlighter: shiki\n---\n\n# Context\n\n````md magic-move\n```tsx\nconst a = props.total;\n```\n\n"
        "```tsx\nconst { total } = useCart();\n```\n````\n",
        diags,
    )
    (code,) = [b for b in lec.slides[0].body if isinstance(b, m.CodeBlock)]
    assert code.code == "const { total } = useCart();" and code.language == "tsx"
    assert [d.pos.line for d in diags.items if d.code == "not-rendered"] == [7]


def test_any_element_with_v_click_comes_on_a_click_and_a_bottom_slot_is_under_the_columns(tmp_path):
    src = write_md(
        tmp_path,
        "---\ntheme: default\n---\n\n# Context\n\n- one\n\n<div v-click>\n  A div.\n</div>\n\n"
        '<BrutalCard v-click class="mt-4">\n  A card.\n</BrutalCard>\n\n<img v-click src="x.png" />\n\n'
        "---\nlayout: two-cols\n---\n\n# Two\n\n::left::\n\n- left\n\n::right::\n\n- right\n\n::bottom::\n\nUnder both.\n",
    )
    deck, _ = deck_of(src, tmp_path / "out")
    timing = deck.slides[0].element.find(
        ".//{http://schemas.openxmlformats.org/presentationml/2006/main}timing"
    )
    assert timing is not None
    clicks = timing.findall(
        ".//{http://schemas.openxmlformats.org/presentationml/2006/main}par/{*}cTn[@nodeType='clickEffect']"
    )
    assert len(clicks) == 3, len(clicks)  # the div, the card, the picture
    second = deck.slides[1]
    boxes = {sh.text_frame.text: sh.top for sh in second.shapes if sh.has_text_frame}
    assert "::" not in " ".join(boxes)
    assert boxes["Under both."] > max(boxes["left"], boxes["right"])


def test_line_highlights_are_said_once_and_slidevs_own_keys_are_no_noise():
    diags = Diagnostics()
    lec = _read(
        "---\nhighlighter: shiki\ntheme: seriph\nfoo: 1\n---\n\n# Code\n\n```ts {1-2|3-5|all}\nconst a = 1;\n```\n\n"
        "---\n\n# More\n\n```ts {2}\nconst b = 2;\n```\n",
        diags,
    )
    codes = [b for s in lec.slides for b in s.body if isinstance(b, m.CodeBlock)]
    assert [(c.language, c.code) for c in codes] == [("ts", "const a = 1;"), ("ts", "const b = 2;")]
    said = [(d.code, d.pos.line) for d in diags.items if d.code in ("code-lines", "unused-key")]
    assert said == [("unused-key", 4), ("code-lines", 9)], [d.format() for d in diags.items]


@pytest.mark.parametrize(
    "matter", ["---\nlayout: cover\n---\n\n", "---\ntheme: seriph\nlayout: cover\n---\n\n"]
)
def test_a_cover_subheading_is_the_subtitle_without_its_marks(tmp_path, matter):
    # `## Smart Pointers` under the cover's `# C++ Programming` was the subtitle with its "##"
    src = write_md(
        tmp_path,
        matter
        + "# C++ Programming\n## Smart Pointers\n\n---\nlayout: default\n---\n\n# Why?\n\n- raw pointers leak\n",
        "slides.md",
    )
    deck, _ = deck_of(src, tmp_path / "out")
    cover = [sh.text_frame.text for sh in deck.slides[0].shapes if sh.has_text_frame]
    assert "C++ Programming" in cover and "Smart Pointers" in cover, cover
    assert "#" not in "".join(cover)


def test_a_picture_from_slidevs_public_folder_is_drawn_with_its_words_as_alt_text_only(tmp_path):
    # Slidev serves public/ at "/": /images/schema.png was "outside the lecture's folder", and a
    # picture's words (shown nowhere by Slidev) were printed as a caption under it
    from PIL import Image

    (tmp_path / "public" / "images").mkdir(parents=True)
    Image.new("RGB", (400, 300), (40, 90, 160)).save(tmp_path / "public" / "images" / "schema.png")
    src = write_md(
        tmp_path,
        "---\ntitle: Schemas\nlayout: cover\n---\n\n# Schemas\n\n---\nlayout: two-cols\n---\n\n# Levels\n\n"
        "1. View level\n\n::right::\n\n![3 Schema Arch](/images/schema.png)\n\n---\nlayout: default\n---\n\n"
        "# Again\n\n![Same schema](public/images/schema.png)\n",
        "slides.md",
    )
    deck, diags = deck_of(src, tmp_path / "out")
    for slide in list(deck.slides)[1:]:
        (picture,) = [sh for sh in slide.shapes if sh.shape_type == MSO_SHAPE_TYPE.PICTURE]
        words = " ".join(sh.text_frame.text for sh in slide.shapes if sh.has_text_frame)
        alt = picture._element.nvPicPr.cNvPr.get("descr")
        assert alt in ("3 Schema Arch", "Same schema") and alt not in words, (alt, words)
    assert not [d for d in diags.items if d.code in ("missing-image", "outside-project")]


def test_a_section_slide_keeps_its_notes_and_a_titled_headmatter_is_still_slidev(tmp_path):
    # a `layout: section` slide's comment made a second, empty slide for its notes; `title:` before
    # `layout:` in the headmatter stopped the deck being read as Slidev at all; a ```mermaid diagram
    # was printed as code without a word
    src = write_md(
        tmp_path,
        "---\ntitle: SQL views\nlayout: cover\n---\n\n# SQL views\n\n---\nlayout: section\n---\n\n# View\n\n"
        "<!-- Say: we now move on to views. -->\n\n---\n\n# Views in SQL\n\n- A view is a virtual table\n\n"
        '```mermaid\nflowchart LR\n  A["Client"] --> B["DB"]\n```\n',
        "slides.md",
    )
    deck, diags = deck_of(src, tmp_path / "out")
    slides = [
        (
            s.shapes.title.text if s.shapes.title is not None else "",
            s.notes_slide.notes_text_frame.text if s.has_notes_slide else "",
        )
        for s in deck.slides
    ]
    assert slides == [("SQL views", ""), ("View", "Say: we now move on to views."), ("Views in SQL", "")]
    assert [d.code for d in diags.items if d.code == "dialect"] == ["dialect"]
    (diagram,) = [d for d in diags.items if d.code == "not-rendered"]
    assert "mermaid" in diagram.message and diagram.pos.line == 22


def test_v_clicks_around_headings_paragraphs_and_lists_give_a_click_to_each_block(tmp_path):
    # <v-clicks> around `## heading`, a line and a list: Slidev gives each block a click (a list alone:
    # each item); they were all shown at once, or the lists item by item with the headings from the start
    src = write_md(
        tmp_path,
        """\
        ---
        theme: default
        title: Clicks
        ---

        # Clicks

        ---

        # Types

        <v-clicks>

        ## Web APIs
        Over HTTP

        - Use nouns
        - Version the API

        </v-clicks>

        ---

        # Alone

        <v-clicks>

        - One
        - Two

        </v-clicks>
        """,
        name="slides.md",
    )
    prs, _ = deck_of(src, tmp_path / "out")
    types, alone = prs.slides[-2], prs.slides[-1]
    assert click_paragraphs(types) == [["Web APIs"], ["Over HTTP"], ["Use nouns", "Version the API"]]
    assert click_paragraphs(alone) == [["One"], ["Two"]]


def test_a_v_click_inside_a_list_item_stays_in_the_item_on_its_own_click(tmp_path):
    """``<div v-click>`` indented under an item: its words come under that item, on a click, before the
    next item; not as code (its indented lines) nor after the list."""
    src = write_md(
        tmp_path,
        "---\ntheme: default\n---\n\n# Clicks\n\n- First point\n    <div v-click>\n\n    Shown on click\n\n"
        "    </div>\n- Second point\n\n<v-click>\n\nBelow the list\n\n</v-click>\n",
    )
    deck, _ = deck_of(src, tmp_path / "out")
    slide = deck.slides[0]
    paras = [
        (p.text, p.level, {r.font.name for r in p.runs})
        for s in slide.shapes
        if s.has_text_frame
        for p in s.text_frame.paragraphs
        if p.text in ("First point", "Shown on click", "Second point")
    ]
    assert [(t, lvl) for t, lvl, _ in paras] == [
        ("First point", 0),
        ("Shown on click", 1),
        ("Second point", 0),
    ]
    assert all("Mono" not in (f or "") for _, _, fonts in paras for f in fonts)  # words, not a listing
    assert click_paragraphs(slide) == [["Shown on click"], ["Below the list"]]
