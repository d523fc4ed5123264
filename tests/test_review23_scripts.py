"""Review 23 (right-to-left and non-Latin decks, review g): Slidev's ``htmlAttrs: {dir, lang}`` as the
lecture's direction and language (problem 1); a lecture written in Arabic or Hebrew script that names no
language is laid out right to left, with a note (problem 2); ``check`` finds mathematical italic letters
(𝑎∈𝐴) beside Hebrew in the handout (problem 3); Slidev's per-slide front matter in a ```yaml block
(problem 4); UnoCSS's attributify ``grid="~ cols-2"`` columns (problem 5); a custom layout's CSS prop
(``gap: 24px``) is no line of the slide (problem 6). The deck is read with python-pptx, the PDFs with
``pdftotext``, the messages as the command line prints them."""

from __future__ import annotations

import subprocess

from .conftest import run_cli, write_md

A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"


def _build(tmp_path, text: str, command: str = "all", name: str = "lecture.md"):
    """Build ``text`` by the command line: (the deck, the messages, the exit code)."""
    from pptx import Presentation

    tmp_path.mkdir(parents=True, exist_ok=True)
    src = write_md(tmp_path, text, name)
    out = tmp_path / "out"
    result = run_cli(command, src, "-o", out, "--all-warnings")
    deck = out / (src.stem + ".pptx")
    return (Presentation(str(deck)) if deck.exists() else None), result.stderr, result.exit_code


def _pdf_text(path) -> str:
    return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout


def _rtl_paragraphs(slide) -> list[bool]:
    """Whether each paragraph with words in the slide's text shapes is right to left."""
    out = []
    for shape in slide.shapes:
        if not shape.has_text_frame:
            continue
        for p in shape.text_frame.paragraphs:
            if p.text.strip():
                ppr = p._p.pPr
                out.append(ppr is not None and ppr.get("rtl") == "1")
    return out


def _texts(slide) -> list[str]:
    """The paragraphs with words in the slide's text shapes (as :func:`_rtl_paragraphs` lists them)."""
    return [
        p.text for s in slide.shapes if s.has_text_frame for p in s.text_frame.paragraphs if p.text.strip()
    ]


# problem 3: mathematical italic letters beside Hebrew


def test_math_italic_letters_beside_hebrew_are_found_in_the_handout(tmp_path):
    text = (
        "---\ntitle: סדר\n---\n\n## ציור\n\n"
        "- ניתן לצייר את היחס 𝑅 על ידי משיכת חץ מכל 𝑎∈𝐴 אל כל 𝑏∈𝐴 המקיים 𝑎𝑅𝑏.\n"
        "- אם 𝑥≤𝑦 וגם 𝑦≤𝑥 אז 𝑥=𝑦.\n"
    )
    _, messages, code = _build(tmp_path, text)
    assert code == 0, messages
    assert "check-text" not in messages
    assert "agree with the source" in messages
    # and in a lecture laid out right to left
    _, messages, code = _build(tmp_path / "rtl", text.replace("title: סדר", "title: סדר\ndir: rtl"))
    assert code == 0, messages
    assert "check-text" not in messages


# problem 1: Slidev's htmlAttrs


SLIDEV_HEBREW = """---
theme: default
title: "יחסי סדר חלקי"
htmlAttrs:
  dir: rtl
  lang: heb
  class: wide
---

# יחס סדר

- הגדרה: לכל קבוצה $A$, יחס על $A$ נקרא יחס סדר.

---

# שקף שני

- טקסט בעברית.
"""


def test_slidev_html_attrs_set_the_direction_and_the_language(tmp_path):
    prs, messages, code = _build(tmp_path, SLIDEV_HEBREW)
    assert code == 0, messages
    for slide in prs.slides:
        assert all(_rtl_paragraphs(slide)), [
            p.text for s in slide.shapes if s.has_text_frame for p in s.text_frame.paragraphs
        ]
    # heb is Hebrew (he): the handout's own words are Hebrew
    handout = _pdf_text(tmp_path / "out" / "lecture-handout.pdf")
    assert "Contents" not in handout and "תוכן העניינים" in handout
    # htmlAttrs' dir and lang are used; its other attribute is named, at its line
    assert "htmlAttrs.class [unused-key]" in messages
    assert "lecture.md:7: note: front matter keys Podium does not use: htmlAttrs.class" in messages
    assert "htmlAttrs [unused-key]" not in messages
    # (a dir: at the top wins over htmlAttrs')
    prs, messages, code = _build(
        tmp_path / "ltr", SLIDEV_HEBREW.replace("theme: default", "theme: default\ndir: ltr")
    )
    assert code == 0, messages
    assert not any(_rtl_paragraphs(prs.slides[1]))


def test_a_three_letter_language_code_is_its_two_letter_tag(tmp_path):
    prs, messages, code = _build(tmp_path, "---\ntitle: درس\nlang: ara\n---\n\n## شريحة\n\n- نص عربي.\n")
    assert code == 0, messages
    assert all(_rtl_paragraphs(prs.slides[1]))


# problem 2: a lecture in Arabic or Hebrew script that names no language


def test_an_arabic_lecture_without_lang_is_right_to_left_with_a_note(tmp_path):
    text = (
        "---\ntitle: الوراثة\n---\n\n## الوراثة المتعددة\n\n"
        "- تدعم لغة ++C الوراثة المتعددة، أي يكون للابن أكثر من أب.\n"
        "- الصف الأساسي هو رباعي الأضلاع Quadrilateral.\n\n"
        "```cpp\nclass Square : public Quadrilateral { int side; };\n```\n"
    )
    prs, messages, code = _build(tmp_path, text)
    assert code == 0, messages
    assert "lecture.md:1: note: no lang: given; the text is Arabic, so lang: ar is used" in messages
    assert "right to left" in messages
    prose = [rtl for p, rtl in zip(_texts(prs.slides[1]), _rtl_paragraphs(prs.slides[1])) if "الوراثة" in p]
    assert prose and all(prose)
    handout = _pdf_text(tmp_path / "out" / "lecture-handout.pdf")
    assert "Contents" not in handout and "المحتويات" in handout
    # a few Arabic and Hebrew words in an English lecture change nothing
    text = "---\ntitle: Greetings\n---\n\n## Hello\n\n- In Arabic one says مرحبا, in Hebrew שלום, to greet a friend.\n"
    prs, messages, code = _build(tmp_path / "en", text)
    assert code == 0, messages
    assert "no lang: given" not in messages
    assert not any(_rtl_paragraphs(prs.slides[1]))


def test_a_hebrew_or_persian_lecture_is_told_by_its_letters(tmp_path):
    hebrew = "---\ntitle: סדר חלקי\n---\n\n## יחס סדר\n\n- לכל קבוצה $A$, יחס על $A$ נקרא יחס סדר חלקי אם הוא רפלקסיבי.\n"
    prs, messages, code = _build(tmp_path / "he", hebrew)
    assert code == 0, messages
    assert "the text is Hebrew, so lang: he is used" in messages
    assert all(_rtl_paragraphs(prs.slides[1]))
    persian = (
        "---\ntitle: وراثت\n---\n\n## کلاس‌ها\n\n- در این درس یاد می‌گیریم که چگونه یک کلاس پایه بنویسیم.\n"
    )
    prs, messages, code = _build(tmp_path / "fa", persian)
    assert code == 0, messages
    assert "the text is Persian, so lang: fa is used" in messages
    # a dir: of its own is kept: the language is told, the direction is the lecturer's
    prs, messages, code = _build(tmp_path / "ltr", hebrew.replace("title:", "dir: ltr\ntitle:"))
    assert code == 0, messages
    assert "lang: he is used" in messages and "right to left" not in messages
    assert not any(_rtl_paragraphs(prs.slides[1]))


# problem 4: Slidev's block front matter


def test_a_yaml_block_at_the_top_of_a_slidev_slide_is_its_front_matter(tmp_path):
    text = (
        "---\ntheme: default\nmdc: true\n---\n\n# Cover\n\n---\n\n"
        "```yaml\nhideInToc: true\n```\n# Previously\n- static members\n- friends\n\n---\n\n"
        "```yaml\nlayout: two-cols\n```\n\n# Two columns\n\n- left words\n\n::right::\n\n- right words\n\n---\n\n"
        "```yml\nhide: true\n```\n\n# Hidden\n\n- not shown\n\n---\n\n"
        "# Settings shown\n\n```yaml\nkey: value\n```\n"
    )
    prs, messages, code = _build(tmp_path, text)
    assert code == 0, messages
    slides = list(prs.slides)
    assert [s.shapes.title.text for s in slides] == ["Cover", "Previously", "Two columns", "Settings shown"]
    words = [" ".join(_texts(s)) for s in slides]
    assert "hideInToc" not in words[1] and "static members" in words[1]
    # its layout is the slide's: two columns
    assert any(s.has_text_frame and s.text_frame.text == "left words" for s in slides[2].shapes)
    assert any(s.has_text_frame and s.text_frame.text == "right words" for s in slides[2].shapes)
    # a yaml block under the slide's title is a code listing, as Slidev shows it
    assert "key: value" in words[3]
    assert "hideInToc" not in _pdf_text(tmp_path / "out" / "lecture-handout.pdf")


# problem 5: UnoCSS's attributify columns


def test_unocss_attributify_grid_columns_are_columns(tmp_path):
    text = (
        "---\ntheme: default\nmdc: true\n---\n\n# Cover\n\n---\n\n# Attributify grid\n\n"
        '<div grid="~ cols-2 gap-1">\n<div>\n\n- left words\n\n</div>\n<div>\n\n- right words\n\n</div>\n</div>\n\n'
        "---\n\n# Stacked\n\n"
        '<div flex="~ col gap-2">\n<div>\n\n- upper words\n\n</div>\n<div>\n\n- lower words\n\n</div>\n</div>\n'
    )
    prs, messages, code = _build(tmp_path, text)
    assert code == 0, messages
    boxes = [s.text_frame.text for s in prs.slides[1].shapes if s.has_text_frame]
    assert "left words" in boxes and "right words" in boxes, boxes
    left = next(s for s in prs.slides[1].shapes if s.has_text_frame and s.text_frame.text == "left words")
    right = next(s for s in prs.slides[1].shapes if s.has_text_frame and s.text_frame.text == "right words")
    assert right.left > left.left + left.width // 2
    # a flex column (flex="~ col") stacks its items: one under the other
    assert any(
        s.has_text_frame and s.text_frame.text == "upper words\nlower words" for s in prs.slides[2].shapes
    )


# problem 6: a custom layout's CSS props


def test_a_custom_layouts_css_props_are_no_lines_of_the_slide(tmp_path):
    text = (
        "---\ntheme: default\ntitle: Columns\n---\n\n# First\n\nText.\n\n---\n"
        "layout: TwoColsHeaderCustom\ncols: 80% 20%   # or 60% 40%, 320px 1fr\ngap: 24px\naccent: '#0af'\n"
        "kicker: Partial orders\n---\n\n# Drawing a poset\n\n::left::\n\n- left words\n\n::right::\n\n- right words\n"
    )
    prs, messages, code = _build(tmp_path, text)
    assert code == 0, messages
    words = " ".join(_texts(prs.slides[1]))
    assert "24px" not in words and "#0af" not in words and "80%" not in words
    # a prop of words is still a line of the slide, as before
    assert "Partial orders" in words
    assert "(kicker:)" in messages
    slides_pdf = _pdf_text(tmp_path / "out" / "lecture-slides.pdf")
    assert "24px" not in slides_pdf
