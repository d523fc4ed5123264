"""Structure of real reveal.js, Slidev and Marp decks (thirteenth review): a reveal.js deck's first
slide keeps its ``##`` title (and a later ``#`` heading never names the lecture); a Slidev ``layout:
section`` slide with a line under its heading is a section slide with that line as its second line;
a Marp deck's ``# Title`` and a short author line is the title slide."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from pptx import Presentation
from pptx.enum.shapes import PP_PLACEHOLDER as PP

from .conftest import run_cli, write_md


def _built(src: Path, out: Path, command: str = "all"):
    result = run_cli(command, src, "-o", out)
    assert result.exit_code == 0, result.stderr
    return Presentation(str(out / f"{src.stem}.pptx")), result.stderr


def _pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True).stdout


def _title(slide) -> str:
    return slide.shapes.title.text if slide.shapes.title is not None else ""


def _footers(prs) -> set[str]:
    return {
        sh.text_frame.text
        for s in prs.slides
        for sh in s.placeholders
        if sh.placeholder_format.type == PP.FOOTER
    }


# --------------------------------------------------------------- reveal.js: the first slide's ## title

_LESSON = "## Lesson 11: Image manipulation\n\n#### Jon Macey, Ian Stephenson\n\n"
_REST = "---\n\n# Session outline\n\n- What you will learn\n\n--\n\n## Recap\n\n- Open an image\n"


@pytest.mark.parametrize(
    "first",
    [
        _LESSON + "- **Course:** BA Computer Animation\n- **Level:** 4\n\n",  # the deck's own first slide
        "## Lesson 11: Image manipulation\n\nSome words about it.\n\n",
    ],
    ids=["authors-and-a-list", "a-paragraph"],
)
def test_a_reveal_decks_first_slide_keeps_its_level_two_title(tmp_path, first):
    # it was a Blank slide of loose lines, and "Session outline" (slide 2's `#`) named the lecture:
    # every footer and the handout's cover
    src = write_md(tmp_path, first + _REST, "slides.md")
    prs, _ = _built(src, tmp_path / "out")
    assert [_title(s) for s in prs.slides] == ["Lesson 11: Image manipulation", "Session outline", "Recap"]
    assert prs.slides[0].slide_layout.name != "Blank"
    assert _footers(prs) == {"Lesson 11: Image manipulation"}
    cover = _pdf_text(tmp_path / "out" / "slides-handout.pdf").split("\f")[0]
    assert "Lesson 11: Image manipulation" in cover and "Session outline" not in cover


def test_a_reveal_decks_first_slide_of_a_title_and_a_subtitle_is_the_title_slide(tmp_path):
    # (the README's rule for a deck cut by its separators: a title, a subtitle heading, a few lines)
    src = write_md(tmp_path, _LESSON + _REST, "slides.md")
    prs, _ = _built(src, tmp_path / "out", "slides")
    assert prs.slides[0].slide_layout.name == "Title Slide"
    words = [sh.text_frame.text for sh in prs.slides[0].shapes if sh.has_text_frame]
    assert words[:2] == ["Lesson 11: Image manipulation", "Jon Macey, Ian Stephenson"]
    assert [_title(s) for s in prs.slides][1:] == ["Session outline", "Recap"]
    assert _footers(prs) == {"Lesson 11: Image manipulation"}


def test_a_reveal_deck_with_notes_only_titles_its_first_slide_by_its_heading(tmp_path):
    # (no `--`: read by pandoc's rules, but the file's start cuts the first slide as a '---' does)
    src = write_md(
        tmp_path,
        "## Lesson 11\n\nSome words.\n\n---\n\n# Session outline\n\n- One\n\nNote: say it\n\n---\n\n"
        "## Recap\n\n- Two\n",
        "slides.md",
    )
    prs, _ = _built(src, tmp_path / "out", "slides")
    assert [_title(s) for s in prs.slides] == ["Lesson 11", "Session outline", "Recap"]
    assert _footers(prs) == {"Lesson 11"}


def test_a_lecture_without_a_title_is_named_by_its_first_heading_even_a_subhead(tmp_path):
    # a pandoc lecture (no '---') whose first '##' is a subhead under no title: its words name the
    # lecture, never the later '#' slide's
    src = write_md(tmp_path, "## Intro\n\nWords\n\n# Part\n\nText\n")
    prs, _ = _built(src, tmp_path / "out", "slides")
    assert _footers(prs) == {"Intro"}


# --------------------------------------------------------------- Slidev: a section slide with a second line

_SLIDEV = (
    "---\nhighlighter: shiki\ntitle: Interfaces\n---\n\n# Interfaces\n\n---\nlayout: section\n---\n\n"
    "# 認識介面\n{under}\n---\nlayout: default\n---\n\n# 什麼是介面？\n\n- 介面不是物件\n\n"
    "---\nlayout: section\n---\n\n# Q & A\n"
)


@pytest.mark.parametrize(
    "under",
    ["# Interface\n", "## Interface\n", "\nInterface\n", "# Interface\n\n<!-- say it -->\n"],
    ids=["h1", "h2", "paragraph", "with-notes"],
)
def test_a_slidev_section_slide_with_a_line_under_its_heading_is_a_section_slide(tmp_path, under):
    # all seven part dividers of the deck were drawn as content slides, the line as body text at the top
    src = write_md(tmp_path, _SLIDEV.format(under=under), "slides.md")
    prs, _ = _built(src, tmp_path / "out")
    section = prs.slides[1]
    assert section.slide_layout.name == "Section Header"
    assert [sh.text_frame.text for sh in section.placeholders if sh.placeholder_format.idx in (0, 1)] == [
        "認識介面",
        "Interface",
    ]
    assert prs.slides[3].slide_layout.name == "Section Header"  # (`# Q & A` alone, as before)
    drawn = _pdf_text(tmp_path / "out" / "slides-slides.pdf").split("\f")[1]
    assert "認識介面" in drawn and "Interface" in drawn
    handout = _pdf_text(tmp_path / "out" / "slides-handout.pdf")
    assert (
        "Interface\n" in handout.split("認識介面", 2)[-1]
    )  # (under the section's heading, past the contents)


def test_a_slidev_section_slide_with_more_than_a_line_under_its_heading_is_a_content_slide(tmp_path):
    text = _SLIDEV.format(under="# Interface\n\n- one\n- two\n")
    text += "\n---\nlayout: section\n---\n\n# Part 2\n\nThe short line\n"
    src = write_md(tmp_path, text, "slides.md")
    prs, _ = _built(src, tmp_path / "out", "slides")
    layouts = [(_title(s), s.slide_layout.name) for s in prs.slides]
    assert layouts[1] == ("認識介面", "Title and Content")
    assert "one" in " ".join(sh.text_frame.text for sh in prs.slides[1].placeholders)
    assert layouts[-1] == ("Part 2", "Section Header")


# --------------------------------------------------------------- Marp: a title and an author line

_MARP = "---\nmarp: true\n---\n\n{first}\n---\n\n## Vorstellung\n\n- Einführung\n"


@pytest.mark.parametrize(
    "author",
    ["Marco Klein", "von Marco Klein (marco.klein@lehre.dhbw-stuttgart.de)", "Prof. Dr. Hans Müller\nDHBW"],
    ids=["name", "von-name-email", "name-and-place"],
)
def test_a_marp_decks_title_and_an_author_line_is_the_title_slide(tmp_path, author):
    # the README promises it (a title and up to three short lines); it was a Title and Content slide
    src = write_md(tmp_path, _MARP.format(first=f"# Datenbankprogrammierung\n\n{author}\n"), "deck.md")
    prs, _ = _built(src, tmp_path / "out")
    first = prs.slides[0]
    assert first.slide_layout.name == "Title Slide"
    words = " ".join(sh.text_frame.text for sh in first.placeholders)
    assert "Datenbankprogrammierung" in words and author.split("\n")[0] in words
    cover = _pdf_text(tmp_path / "out" / "deck-handout.pdf").split("\f")[0]
    assert author.split("\n")[0] in cover
    # ("# Why?" and a line, or a title and a sentence, is a slide, as before)
    for first_slide in ("# Why?\n\nBecause it is faster\n", "# Agenda\n\nToday we look at keys\n"):
        src = write_md(tmp_path, _MARP.format(first=first_slide), "other.md")
        prs, _ = _built(src, tmp_path / "other", "slides")
        assert prs.slides[0].slide_layout.name == "Title and Content"


def test_a_marp_deck_with_a_contents_list_before_its_title_is_named_by_the_title_slide(tmp_path):
    # the German deck: a contents list of links, then `# Title` and "von Marco Klein (…)"; the slides stay
    # in their order (Podium's title slide opens a deck), and the lecture's title and author come from it
    contents = "- [Datenbankprogrammierung](#datenbankprogrammierung)\n  - [Vorstellung](#vorstellung)\n"
    text = _MARP.format(first=contents + "\n---\n\n# Datenbankprogrammierung\n\nvon Marco Klein\n")
    src = write_md(tmp_path, text, "deck.md")
    prs, _ = _built(src, tmp_path / "out")
    assert [_title(s) for s in prs.slides] == ["", "Datenbankprogrammierung", "Vorstellung"]
    cover = _pdf_text(tmp_path / "out" / "deck-handout.pdf").split("\f")[0]
    assert "Datenbankprogrammierung" in cover and "von Marco Klein" in cover


def test_a_marp_covers_lines_keep_their_line_breaks(tmp_path):
    # two lines under the author (a Marp line break) were joined with " · "
    first = (
        "<!-- _class: lead -->\n\n# Sesi 2\n## DuckDB\n\n**Hari 1 - 120 menit**\nBagian A: DuckDB\n\n"
        "**Oleh: Kurnia Ramadhan**\n**Tahun: 2025**\n"
    )
    src = write_md(tmp_path, _MARP.format(first=first), "deck.md")
    prs, _ = _built(src, tmp_path / "out")
    words = [sh.text_frame.text for sh in prs.slides[0].placeholders if sh.placeholder_format.idx == 1]
    assert "Oleh: Kurnia Ramadhan\vTahun: 2025" in words[0]
    cover = _pdf_text(tmp_path / "out" / "deck-handout.pdf").split("\f")[0]
    assert "Oleh: Kurnia Ramadhan\n" in cover and "·" not in cover
