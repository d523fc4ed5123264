"""Review 23: Marp and Slidev decks.  A Marp ``![bg right:40%]`` picture right under a list keeps its
share; a Slidev ``<v-click>`` inside a line is a click; a Slidev cover with speaker notes is still the
title slide; a Marp or Slidev deck's pipe table is sized to its content (pandoc's rule of the dashes is
pandoc's); a picture in a Marp comment is its text in the notes of the deck and the handout alike; a
Slidev headmatter's ``hideInToc`` is no unused key."""

from __future__ import annotations

import subprocess

import pytest
from PIL import Image
from pptx import Presentation

from .conftest import click_paragraphs, run_cli, slide_text, write_md


def _build(tmp_path, text: str, command: str = "all"):
    """The deck built from ``text`` by the command line and the messages printed."""
    tmp_path.mkdir(exist_ok=True)
    src = write_md(tmp_path, text)
    result = run_cli(command, src, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.stderr
    return Presentation(str(tmp_path / "out" / "lecture.pptx")), result.stderr


def _pdf_text(path) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


def _share(shape, prs) -> float:
    return shape.width / prs.slide_width


MARP_SPLIT = """\
---
marp: true
---

# Lecture

---
### Glued to the list
- first point
- second point
![bg right:40% 100%](figs/pic.png)

---
### After a blank line
- first point
- second point

![bg right:40% 100%](figs/pic.png)
"""


def test_a_marp_split_background_right_under_a_list_keeps_its_share(tmp_path):
    (tmp_path / "figs").mkdir()
    Image.new("RGB", (800, 600), "teal").save(tmp_path / "figs" / "pic.png")
    prs, _ = _build(tmp_path, MARP_SPLIT, "slides")
    glued, apart = prs.slides[1], prs.slides[2]
    for slide in (glued, apart):
        picture = next(sh for sh in slide.shapes if sh.shape_type == 13)
        text = next(sh for sh in slide.shapes if sh.has_text_frame and "first point" in sh.text_frame.text)
        # (the picture on the right, in at most its 40 %; the list in the wider column on its left)
        assert picture.left > text.left + text.width
        assert _share(picture, prs) <= 0.41
        assert _share(text, prs) > _share(picture, prs)
    assert glued.slide_layout.name == apart.slide_layout.name
    assert [sh.width for sh in glued.shapes] == [sh.width for sh in apart.shapes]


INLINE_CLICKS = """\
---
theme: default
highlighter: shiki
---

# Deck

---

## Inline clicks

- It is based on JavaScript <v-click> ➡️ so learn its basic syntax </v-click>
- We already know some of it
- Write `<v-click>` to make a click

The answer is <v-click>**42**</v-click>.

Or, over two lines, <v-click>it is
41</v-click>.
"""


def test_a_slidev_v_click_inside_a_line_is_a_click(tmp_path):
    prs, stderr = _build(tmp_path, INLINE_CLICKS)
    slide = prs.slides[1]
    # each paragraph with a click inside it comes on its own click, in order (PowerPoint builds whole
    # paragraphs), the one whose tag is code from the start
    assert click_paragraphs(slide) == [
        ["It is based on JavaScript ➡️ so learn its basic syntax"],
        ["The answer is 42."],
        ["Or, over two lines, it is 41."],
    ]
    assert "Write <v-click> to make a click" in slide_text(slide)
    assert "[raw-html]" not in stderr
    # each is said at its own line, as a click whose paragraph comes whole
    for line in (12, 16, 18):
        assert f"lecture.md:{line}: warning: " in stderr and "<v-click>" in stderr, stderr
    assert stderr.count("[fragment]") == 3
    handout = _pdf_text(tmp_path / "out" / "lecture-handout.pdf")
    assert "The answer is 42." in handout and "JavaScript ➡️ so learn" in handout


COVER_NOTES = """\
---
title: "Workshop Day 1: Game of Life"
theme: default
layout: center
---

# Workshop Mini Games

<!--
- Hi, I am Roman
-->

---

## Next slide

- a point
"""


def test_speaker_notes_on_a_slidev_cover_keep_it_the_title_slide(tmp_path):
    prs, stderr = _build(tmp_path, COVER_NOTES)
    cover, following = prs.slides[0], prs.slides[1]
    assert cover.slide_layout.name == "Title Slide"
    assert cover.shapes.title.text == "Workshop Mini Games"
    assert cover.has_notes_slide and "Hi, I am Roman" in cover.notes_slide.notes_text_frame.text
    assert len(prs.slides) == 2
    footers = [sh.text_frame.text for sh in following.shapes if sh.name.startswith("Footer")]
    assert footers == ["Workshop Mini Games"]
    assert "'title: …' only names the browser tab" in stderr.replace("Workshop Day 1: Game of Life", "…")


SCHEDULE = (
    "## Schedule\n\n"
    "| Time              | Length | Topic" + " " * 150 + "|\n"
    "| ----------------- | ------ | "
    + "-" * 155
    + " |\n"
    + "".join(
        f"| **{a} – {b}** | {n} min | **{w}** |\n"
        for a, b, n, w in [
            ("15:30", "15:50", 20, "Welcome"),
            ("15:50", "16:05", 15, "Canvas"),
            ("16:05", "16:20", 15, "Grid"),
            ("16:20", "16:35", 15, "Step"),
            ("16:35", "16:40", 5, "Break"),
            ("16:40", "16:55", 15, "Run"),
            ("16:55", "17:10", 15, "Styling"),
            ("17:10", "17:25", 15, "Cells"),
            ("17:25", "17:35", 10, "Break"),
            ("17:35", "17:55", 20, "Practice"),
            ("17:55", "18:00", 5, "Wrap-up"),
        ]
    )
)


def _table_shares(prs) -> list[list[float]]:
    return [
        [c.width / sum(col.width for col in sh.table.columns) for c in sh.table.columns]
        for s in prs.slides
        for sh in s.shapes
        if sh.has_table
    ]


@pytest.mark.parametrize(
    "front",
    [
        "---\nmarp: true\n---\n\n# Workshop\n\n---\n\n",
        "---\ntheme: default\nhighlighter: shiki\n---\n\n# Workshop\n\n---\n\n",
    ],
)
def test_a_marp_or_slidev_table_is_sized_to_its_content_not_its_dashes(tmp_path, front):
    prs, _ = _build(tmp_path / "deck", front + SCHEDULE, "slides")
    tables = _table_shares(prs)
    assert len(tables) == 1  # (one slide: no row wraps, so no "(cont.)")
    time, length, topic = tables[0]
    assert time > 0.25 and length > 0.15 and topic < 0.5
    # a pandoc lecture keeps pandoc's rule: the dashes give the widths of a table with a line over 72
    pandoc, _ = _build(tmp_path / "pandoc", "---\ntitle: Workshop\n---\n\n" + SCHEDULE, "slides")
    assert _table_shares(pandoc)[0][2] > 0.8


MARP_COMMENTED_PICTURE = """\
---
marp: true
---

# Lecture

---
### Stackful vs stackless
- stackful: can suspend anywhere
- stackless: cannot
<!-- ![bg right:40% 100%](figs/{name}) -->
"""


@pytest.mark.parametrize("name", ["old-diagram.png", "pic.png"])
def test_a_picture_in_a_marp_comment_is_its_text_in_both_outputs_notes(tmp_path, name):
    (tmp_path / "figs").mkdir()
    Image.new("RGB", (800, 600), "teal").save(tmp_path / "figs" / "pic.png")
    prs, stderr = _build(tmp_path, MARP_COMMENTED_PICTURE.replace("{name}", name))
    said = f"![bg right:40% 100%](figs/{name})"
    slide = prs.slides[1]
    assert slide.has_notes_slide and slide.notes_slide.notes_text_frame.text.strip() == said
    assert "[missing-image]" not in stderr
    instructor = tmp_path / "out" / "lecture-instructor.pdf"
    text = _pdf_text(instructor)
    assert "missing picture" not in text
    assert said in " ".join(text.split()) or said in text.replace("\n", "")
    images = subprocess.run(["pdfimages", "-list", str(instructor)], capture_output=True, text=True).stdout
    assert len(images.strip().splitlines()) == 2  # (its header only: no picture drawn anywhere)


def test_hide_in_toc_in_a_slidev_headmatter_is_no_unused_key(tmp_path):
    _, stderr = _build(
        tmp_path,
        "---\ntheme: default\nlayout: center\nhideInToc: true\n---\n\n# Workshop\n\n---\n\n## Contents\n\n<Toc />\n",
        "slides",
    )
    assert "[unused-key]" not in stderr and "hideInToc" not in stderr
