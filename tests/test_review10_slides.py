"""Slidev, Marp and remark decks of the tenth review round: a remark deck with `class:` properties is
remark's (not Slidev's), Jinja wrapper lines, inline remark classes after a word, Slidev's `image`
layout, a headmatter background on imported covers, Marp covers and footers of spans."""

from __future__ import annotations

import subprocess

from pptx import Presentation

from .conftest import cli_deck, run_cli, write_md
from .conftest import paragraph_texts as _texts


def _deck(src, out, command: str = "slides"):
    """The deck's slides built from ``src`` by the command line, and the warnings."""
    prs, stderr = cli_deck(src, out, command)
    return list(prs.slides), stderr


def _title(slide) -> str:
    title = slide.shapes.title
    return title.text_frame.text.strip() if title is not None else ""


def _notes(slide) -> str:
    return slide.notes_slide.notes_text_frame.text if slide.has_notes_slide else ""


REMARK = """class: center, middle

# Lecture 3

---
name: first

## First point

- A

???
Say A slowly

---
class: center, middle

# Part two

---
class: inverse

## Second point

- B
"""


def test_a_remark_deck_with_class_properties_on_several_slides_is_read_as_remark(tmp_path):
    slides, err = _deck(write_md(tmp_path, REMARK), tmp_path / "out")
    assert "read as a remark.js" in err and "Slidev" not in err
    assert [_title(s) for s in slides] == ["Lecture 3", "First point", "Part two", "Second point"]
    shown = [t for s in slides for t in _texts(s)]
    assert not any(t.startswith(("class:", "name:", "???")) for t in shown), shown
    assert "Say A slowly" not in shown
    assert "Say A slowly" in _notes(slides[1])
    # (front matter closed by `---` is Slidev's own: such a deck stays Slidev's)
    text = "# Cover\n\n---\nlayout: section\n---\n\n# Part\n\n---\nclass: text-center\n---\n\n# Two\n\n<!-- say two -->\n"
    slides, err = _deck(write_md(tmp_path, text, "slidev.md"), tmp_path / "out2")
    assert "read as a Slidev deck" in err
    assert "say two" in _notes(slides[-1])


def test_a_layout_true_slide_and_classes_make_a_deck_remark_not_slidev(tmp_path):
    text = "# Intro\n\n---\nlayout: true\n\n.section[Part A]\n\n---\n\n## One\n\n- x\n\n---\nclass: center\n\n## Two\n"
    slides, err = _deck(write_md(tmp_path, text), tmp_path / "out")
    assert "read as a remark.js" in err
    shown = [t for s in slides for t in _texts(s)]
    assert not any("layout:" in t or "class:" in t or ".section[" in t for t in shown), shown
    assert [_title(s) for s in slides][-2:] == ["One", "Two"]


def test_jinja_template_lines_around_a_remark_deck_are_left_out_with_one_note(tmp_path):
    text = '{% extends "base_slides.md" %}\n{% block slides %}\nname: toc\n\n# Contents\n\n- A\n\n---\n' + (
        "name: part\nclass: center, middle\n\n# Part\n\n---\n\n## Slide\n\n.center[Centred words]\n\n"
        ".footer[\nA footnote\n]\n\n{% endblock %}\n"
    )
    slides, err = _deck(write_md(tmp_path, text), tmp_path / "out")
    assert "read as a remark.js" in err
    assert err.count("Jinja") == 1 and "lecture.md:1:" in err
    shown = [t for s in slides for t in _texts(s)]
    assert not any("{%" in t or "name:" in t or ".center[" in t or ".footer[" in t for t in shown), shown
    assert "Centred words" in shown and "A footnote" in shown
    assert [_title(s) for s in slides] == ["Contents", "Part", "Slide"]


def test_a_remark_inline_class_right_after_a_word_shows_its_words_only(tmp_path):
    text = (
        "class: center, middle\n\n# Metamodelling\n\n---\n\n## Abstract syntax\n\n"
        "- Languages for it are called meta-metamodels.ref[*].\n\n???\nSay it.\n"
    )
    slides, _ = _deck(write_md(tmp_path, text), tmp_path / "out")
    shown = [t for s in slides for t in _texts(s)]
    assert "Languages for it are called meta-metamodels*." in shown, shown


def _png(path) -> None:
    from PIL import Image

    Image.new("RGB", (1600, 1200), "red").save(path)


def test_a_slidev_image_layout_slide_without_body_shows_its_picture(tmp_path):
    text = "---\ntheme: default\ntitle: Image slides\n---\n\n# Image slides\n\n---\nlayout: image\nimage: ./photo.png\n---\n\n---\n\n# After the photo\n"
    src = write_md(tmp_path, text, "slides.md")
    slides, err = _deck(src, tmp_path / "out")
    assert "slides.md:10:" in err and "'./photo.png' not found" in err  # (missing: said, at its line)
    assert [_title(s) for s in slides][-1] == "After the photo" and len(slides) == 3
    _png(tmp_path / "photo.png")
    slides, _ = _deck(src, tmp_path / "out2")
    pictures = [sh for sh in slides[1].shapes if sh.shape_type == 13]
    assert (
        len(pictures) == 1
        and pictures[0].width > Presentation(str(tmp_path / "out2" / "slides.pptx")).slide_width // 2
    )


def test_a_headmatter_background_is_the_imported_covers_only(tmp_path):
    write_md(
        tmp_path,
        "# Probability\n\nLecture 4\n\n---\nlayout: cover\n---\n\n# Part 1: Axioms\n\n---\n\n## Axiom 1\n\n- a\n\n"
        "---\nlayout: cover\n---\n\n# Part 2: Variables\n",
        "part.md",
    )
    src = write_md(
        tmp_path,
        "---\ntheme: seriph\nbackground: ./cover.jpg\ntitle: Probability\nsrc: part.md\n---\n",
        "slides.md",
    )
    slides, err = _deck(src, tmp_path / "out")
    assert [_title(s) for s in slides] == ["Probability", "Part 1: Axioms", "Axiom 1", "Part 2: Variables"]
    assert "part.md:9" not in err and "part.md:21" not in err, err
    assert not any("missing picture" in t for s in slides for t in _texts(s))
    assert "not drawn on the title slide" in err


def test_a_marp_cover_is_titled_by_its_largest_heading_the_others_its_subtitle(tmp_path):
    text = (
        "---\nmarp: true\nhtml: true\n---\n\n<!-- _class: title -->\n\n## Object-Oriented Programming\n\n"
        "# Inheritance\n\n## Polymorphism too\n\n---\n\n# Next\n\n- a\n\n---\n\n<!-- _class: lead -->\n\n"
        "## Part two\n\n# Composition\n"
    )
    slides, err = _deck(write_md(tmp_path, text), tmp_path / "out")
    assert "unused-key" not in err and "html" not in err
    assert [_title(s) for s in slides] == ["Inheritance", "Next", "Composition"]
    assert any("Object-Oriented Programming" in t and "Polymorphism too" in t for t in _texts(slides[0]))
    assert "Part two" in _texts(slides[2])


def test_a_marp_footer_of_html_items_keeps_them_apart_in_the_deck_and_the_slides_pdf(tmp_path):
    text = (
        "---\nmarp: true\nfooter: <span>Object-Oriented Programming</span><span>Lecture 9</span>"
        "<span>Prof. Santana</span>\n---\n\n# Inheritance\n\n---\n\n# Polymorphism\n\n- A reference\n"
    )
    src = write_md(tmp_path, text)
    slides, _ = _deck(src, tmp_path / "out")
    footers = [t for t in _texts(slides[-1]) if "Lecture 9" in t]
    assert footers == ["Object-Oriented Programming · Lecture 9 · Prof. Santana"], _texts(slides[-1])
    result = run_cli("pdf", src, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.stderr
    pdf = subprocess.run(
        ["pdftotext", str(tmp_path / "out" / "lecture-slides.pdf"), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "ProgrammingLecture" not in pdf and "Lecture 9 · Prof. Santana" in pdf
