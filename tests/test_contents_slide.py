"""The contents slide: ``toc-depth`` (pandoc's and Quarto's, in the front matter or under ``format:
revealjs:``) limits the sections it lists, and a value that is not a heading level is a warning at its
line; a slide of only beamer's ``\\tableofcontents`` (a Quarto beamer deck's) lists the sections."""

from __future__ import annotations

from pptx import Presentation

from .conftest import paragraph_texts, run_cli, write_md

LECTURE = """
---
title: Course
toc: true
{depth}
slide-level: 3
---

# Part A

## Sub A1

### Slide one

- x

## Sub A2

### Slide two

- y

# Part B

### Slide three

- z
"""


def _contents(tmp_path, depth: str) -> tuple[list[str], str]:
    src = write_md(tmp_path, LECTURE.replace("{depth}", depth))
    result = run_cli("slides", src, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.stderr
    prs = Presentation(str(tmp_path / "out" / "lecture.pptx"))
    contents = list(prs.slides)[1]
    assert contents.shapes.title.text == "Contents"
    return [t for t in paragraph_texts(contents) if t not in ("Contents", "Course", "2")], result.stderr


def test_toc_depth_one_lists_only_the_top_sections(tmp_path):
    listed, stderr = _contents(tmp_path, "toc-depth: 1")
    assert listed == ["Part A", "Part B"]
    assert "toc-depth" not in stderr  # (it is used: no "keys Podium does not use")


def test_toc_depth_under_quarto_format_options(tmp_path):
    listed, _ = _contents(tmp_path, "format:\n  revealjs:\n    toc-depth: 1")
    assert listed == ["Part A", "Part B"]


def test_without_toc_depth_every_section_is_listed(tmp_path):
    listed, _ = _contents(tmp_path, "")
    assert listed == ["Part A", "Sub A1", "Sub A2", "Part B"]


def test_a_toc_depth_that_is_not_a_level_is_a_warning_at_its_line(tmp_path):
    listed, stderr = _contents(tmp_path, "toc-depth: two")
    assert listed == ["Part A", "Sub A1", "Sub A2", "Part B"]
    assert "lecture.md:4: warning: toc-depth must be a heading level from 1 to 6, not 'two'" in stderr


def test_a_slide_of_only_tableofcontents_lists_the_sections(tmp_path):
    src = write_md(
        tmp_path,
        """
        ---
        title: Advanced R
        format: beamer
        ---

        ## Outline

        \\tableofcontents[hideallsubsections]

        # Debugging

        ## Strategy

        - Search

        # Profiling

        ## Tools

        - Rprof
        """,
        "lecture.qmd",
    )
    result = run_cli("slides", src, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.stderr
    assert "raw-tex" not in result.stderr
    outline = list(Presentation(str(tmp_path / "out" / "lecture.pptx")).slides)[1]
    assert outline.shapes.title.text == "Outline"
    assert [t for t in paragraph_texts(outline) if t in ("Debugging", "Profiling")] == [
        "Debugging",
        "Profiling",
    ]
