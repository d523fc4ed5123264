"""Review 20: a Slidev cover with a subtitle heading and a few short lines is the title slide, and its
``background:`` is spoken of at its own line; a code fence's Slidev options (``{*}{maxHeight:'300px'}``)
are no line highlight, and ``{lines:true}`` numbers the code's lines."""

from __future__ import annotations

import pytest

from .conftest import built_from_text, slide_text

COVER = """\
---
theme: seriph
background: https://cover.sli.dev
transition: slide-left
---

# Computer Programming
## Lecture 4: Loop Control Structures

Presented by: Dr. Ruslee Sutthaweekul

Semester 1/2025

---

## Lecture Outline

1.  Understanding Loops
"""


def test_a_cover_with_a_subtitle_and_two_short_lines_is_the_title_slide(tmp_path):
    prs, handout, stderr = built_from_text(tmp_path, COVER)
    first = prs.slides[0]
    assert first.slide_layout.name == "Title Slide"
    assert first.shapes.title.text == "Computer Programming"
    words = slide_text(first)
    for line in (
        "Lecture 4: Loop Control Structures",
        "Presented by: Dr. Ruslee Sutthaweekul",
        "Semester 1/2025",
    ):
        assert line in words and line in handout
    assert [s.shapes.title.text for s in prs.slides] == ["Computer Programming", "Lecture Outline"]
    # the starter's random backdrop is not a "missing picture" box on the first slide, nor fetched
    assert not any("missing picture" in slide_text(s) for s in prs.slides)
    assert "missing picture" not in handout and "remote-refused" not in stderr
    (said,) = [line for line in stderr.splitlines() if "[background]" in line]
    assert "lecture.md:3: note:" in said and "not drawn on the title slide" in said


def test_a_cover_of_a_title_and_an_authors_lines_is_the_title_slide(tmp_path):
    text = "---\ntheme: default\ntransition: fade\n---\n\n# Graph Algorithms\n\nDr. Jane Smith\n\nUniversity of Leeds\n\nMarch 2025\n\n---\n\n# Next\n\n- a\n"
    prs, handout, _ = built_from_text(tmp_path, text)
    first = prs.slides[0]
    assert first.slide_layout.name == "Title Slide" and first.shapes.title.text == "Graph Algorithms"
    for line in ("Dr. Jane Smith", "University of Leeds", "March 2025"):
        assert line in slide_text(first) and line in handout


@pytest.mark.parametrize(
    "lines",
    [
        "This lecture covers loops, break and continue, and nested loops in C.\n\nWe also look at mistakes.",
        "Presented by: Dr. Ruslee Sutthaweekul\n\nSemester 1/2025\n\nRoom 4\n\nWeek 2",
        "- loops\n- break\n- continue",
    ],
)
def test_a_cover_saying_more_keeps_its_background_messages_at_the_background_line(tmp_path, lines):
    # (a cover of sentences, four lines or a list is a slide: its picture is shown on it, said at line 3)
    text = COVER.replace("Presented by: Dr. Ruslee Sutthaweekul\n\nSemester 1/2025", lines)
    prs, _, stderr = built_from_text(tmp_path, text, "slides")
    assert prs.slides[0].slide_layout.name != "Title Slide"
    assert "missing picture: https://cover.sli.dev" in slide_text(prs.slides[0])
    said = [line for line in stderr.splitlines() if "cover.sli.dev" in line]
    assert len(said) == 2 and all("lecture.md:3: warning:" in line for line in said), stderr
    assert any("[background]" in line for line in said) and any("[remote-refused]" in line for line in said)


def test_a_section_slides_background_is_spoken_of_at_its_line(tmp_path):
    text = "---\ntheme: seriph\n---\n\n# Loops\n\n---\nlayout: section\nbackground: ./part.png\n---\n\n# Part 2\n"
    prs, _, stderr = built_from_text(tmp_path, text, "slides")
    assert prs.slides[-1].slide_layout.name == "Section Header"
    (said,) = [line for line in stderr.splitlines() if "part.png" in line]
    assert "lecture.md:9: warning:" in said and "[background]" in said, stderr


FENCES = """\
---
theme: seriph
transition: slide-left
---

# Loops

---

## Scrolling

```c {*}{maxHeight:'300px'}
int x = 1;
x += 1;
```

---

## Every line

```c {all}{lines:true}
int y = 1;
int z = 2;
```

---

## From five

```c {*}{lines:true, startLine:5}
int a;
int b;
```
"""


def _code(slide) -> list[str]:
    """The paragraphs of ``slide``'s code box (the shaded one)."""
    (box,) = [
        sh
        for sh in slide.shapes
        if sh.has_text_frame and sh.fill.type is not None and sh.text_frame.text.strip()
    ]
    return [p.text for p in box.text_frame.paragraphs]


def test_slidev_code_options_are_no_highlight_and_lines_true_numbers_the_lines(tmp_path):
    prs, handout, stderr = built_from_text(tmp_path, FENCES)
    assert "[code-lines]" not in stderr and "maxHeight" not in stderr, stderr
    slides = list(prs.slides)
    assert _code(slides[1]) == ["int x = 1;", "x += 1;"]
    assert _code(slides[2]) == ["1 int y = 1;", "2 int z = 2;"]
    assert _code(slides[3]) == ["5 int a;", "6 int b;"]
    assert "6 int b;" in handout


def test_only_a_fences_line_ranges_are_quoted_as_its_highlight(tmp_path):
    # (the options before it are no highlight: the note is the steps' own, at their fence)
    text = FENCES + "\n---\n\n## Steps\n\n```c {2-3|5}{maxHeight:'100px'}\nint a;\n```\n"
    prs, _, stderr = built_from_text(tmp_path, text, "slides")
    (said,) = [line for line in stderr.splitlines() if "[code-lines]" in line]
    assert "lecture.md:39: note: {2-3|5} highlights lines" in said, said
    assert "maxHeight" not in stderr


def test_a_headmatter_line_numbers_numbers_every_block_but_one_saying_lines_false(tmp_path):
    text = FENCES.replace("transition: slide-left", "lineNumbers: true").replace(
        "{all}{lines:true}", "{all}{lines:false}"
    )
    prs, _, _ = built_from_text(tmp_path, text, "slides")
    slides = list(prs.slides)
    assert _code(slides[1]) == ["1 int x = 1;", "2 x += 1;"]
    assert _code(slides[2]) == ["int y = 1;", "int z = 2;"]
