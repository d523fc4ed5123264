"""Slidev decks of review 26, built by the command line: a kicker line over a slide's heading, a section's
kicker in a ``<div>``, a small heading over a bigger one, ```` ```mermaid{…} ```` fences, a cover with a
subtitle and "Reporter:"/"Date:" lines, ``v-show``/``v-if`` alternatives, and an ``end`` slide's one line."""

from __future__ import annotations

from pptx import Presentation
from pptx.enum.shapes import PP_PLACEHOLDER

from .conftest import run_cli, write_md

HEAD = """\
---
highlighter: shiki
---

# Lecture

"""


def _deck(tmp_path, text: str, head: str = HEAD):
    """The deck built from the Slidev deck ``text`` (``slides.md``): its slides as (layout name, title,
    other texts) and the messages."""
    src = write_md(tmp_path, head + text, "slides.md")
    result = run_cli("slides", src, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.stderr
    prs = Presentation(str(tmp_path / "out" / "slides.pptx"))
    slides = []
    for slide in prs.slides:
        title = slide.shapes.title.text if slide.shapes.title is not None else ""
        texts = [
            shape.text_frame.text
            for shape in slide.shapes
            if shape.has_text_frame
            and shape != slide.shapes.title
            and not (
                shape.is_placeholder
                and shape.placeholder_format.type in (PP_PLACEHOLDER.FOOTER, PP_PLACEHOLDER.SLIDE_NUMBER)
            )
            and shape.text_frame.text.strip()
        ]
        slides.append((slide.slide_layout.name, title, texts))
    return slides, result.stderr


def test_a_short_line_over_the_heading_is_a_kicker_and_the_heading_titles_the_slide(tmp_path):
    long = "This is a long paragraph of text that says much more than a short kicker line would say."
    text = f"---\n\nOption 1:\n\n# Stackblitz online\n\n- fast\n- no setup\n\n---\n\n{long}\n\n## Later\n"
    slides, _ = _deck(tmp_path, text)
    layout, title, texts = slides[1]
    assert title == "Stackblitz online"
    assert "Option 1:" in texts[0] and "no setup" in texts[0]
    assert slides[2][1] != "Later"  # (a paragraph over a heading is no kicker: the slide stays as it was)


def test_a_section_slide_with_a_kicker_in_a_div_is_a_section_titled_by_its_heading(tmp_path):
    text = "---\nlayout: section\n---\n\n<div text-5xl pb-2>\n\nYet Another\n\n</div>\n\n# Slides Maker?\n"
    slides, _ = _deck(tmp_path, text + "\n---\n\n## Next\n\n- one\n")
    layout, title, texts = slides[1]
    assert (layout, title, texts) == ("Section Header", "Slides Maker?", ["Yet Another"])


def test_a_small_heading_over_a_bigger_one_is_its_kicker(tmp_path):
    slides, _ = _deck(tmp_path, "---\n\n## 题外话\n\n# TypeScript 开源社区\n\n- one\n")
    layout, title, texts = slides[1]
    assert title == "TypeScript 开源社区"
    assert any("题外话" in t for t in texts)


def test_a_mermaid_fence_with_its_options_written_close_is_warned_about(tmp_path):
    text = "---\n\n## Steps\n\n```mermaid{theme: 'neutral', scale: 1.25}\ngraph LR\n    A --> B\n```\n"
    _, stderr = _deck(tmp_path, text)
    assert "mermaid diagram is shown as its code" in stderr and "[not-rendered]" in stderr


def test_a_cover_with_a_subtitle_and_labelled_reporter_and_date_lines_is_the_title_slide(tmp_path):
    (tmp_path / "public").mkdir()
    (tmp_path / "public" / "bg.png").write_bytes(
        bytes.fromhex(
            "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
            "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082"
        )
    )
    head = "---\ntheme: seriph\nbackground: /bg.png\nclass: center\nhighlighter: shiki\n---\n\n"
    cover = (
        "# Applications of Supervised Learning\n\n<span px-2 py-1 rounded text-gray-300>\n"
        "    From the basic to the frontier\n</span>\n\n<div abs-br mb-20 mr-15 flex gap-2 text-sm text-left>\n"
        "    Reporter: Jiakai Gu <br />\n    Date: Nov 13th, 2023 <br />\n</div>\n\n<!-- Hello everyone. -->\n"
    )
    slides, stderr = _deck(tmp_path, cover + "\n---\n\n## Next\n\n- one\n", head)
    layout, title, texts = slides[0]
    assert layout == "Title Slide" and title == "Applications of Supervised Learning"
    said = "\n".join(texts)
    assert "From the basic to the frontier" in said and "Jiakai Gu" in said and "Nov 13th, 2023" in said
    assert "is not drawn on the title slide [background]" in stderr
    assert slides[1][1] == "Next"
    (tmp_path / "other").mkdir()
    cover = "# Talk\n\nFrom the basic to the frontier\n\nTwitter: @someone\n\nSee you there\n"
    slides, _ = _deck(tmp_path / "other", cover + "\n---\n\n## Next\n", "---\ntheme: seriph\n---\n\n")
    assert slides[0][0] != "Title Slide"  # (lines that are no author, place or date: a slide of its own)


def test_v_show_alternatives_get_a_warning_that_all_are_shown(tmp_path):
    text = (
        '---\nclicks: 2\n---\n\n## Code\n\n<div v-show="$clicks < 2">\n\n```c\nprintf("old");\n```\n\n</div>\n\n'
        '<div v-show="$clicks >= 2">\n\n```cpp\nstd::cout << "new";\n```\n\n</div>\n'
    )
    _, stderr = _deck(tmp_path, text)
    assert 'v-show="$clicks < 2"' in stderr and "are all shown" in stderr and "[conditional]" in stderr


def test_v_if_and_v_else_get_the_warning_too(tmp_path):
    text = '---\n\n## Which\n\n<p v-if="$clicks === 0">First</p>\n<p v-else>Second</p>\n'
    _, stderr = _deck(tmp_path, text)
    assert "v-else" in stderr and "[conditional]" in stderr


def test_an_end_slide_s_one_line_is_its_title(tmp_path):
    slides, _ = _deck(tmp_path, "---\n\n## Last\n\n- one\n\n---\nlayout: end\n---\n\n谢谢大家！\n")
    assert slides[-1][1] == "谢谢大家！"
