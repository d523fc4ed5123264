"""Slidev decks built by the command line: only ``---`` makes a slide (headings, a section's subtitle line and
CSS before a title do not), as Slidev shows the deck."""

from __future__ import annotations

import pytest
from pptx import Presentation
from pptx.enum.shapes import PP_PLACEHOLDER

from .conftest import run_cli, write_md


def _deck(tmp_path, text: str):
    """The deck of the Slidev deck ``text`` (``slides.md``) built by the command line: (the deck, stderr)."""
    src = write_md(tmp_path, text, "slides.md")
    result = run_cli("slides", src, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.stderr
    return Presentation(str(tmp_path / "out" / "slides.pptx")), result.stderr


def _slides(prs) -> list[tuple[str, list[str]]]:
    """Each slide's title and the texts of its other shapes (footers and slide numbers left out)."""
    out = []
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
        out.append((title, texts))
    return out


def test_headings_under_a_slides_title_are_headings_inside_that_slide(tmp_path):
    # a `## subheading` right under `# title` made a slide of the title alone and one titled by the
    # subheading; a later `#` made a section slide: in Slidev only `---` starts a slide
    prs, _ = _deck(
        tmp_path,
        """\
        ---
        theme: default
        title: Prompt engineering
        transition: slide-left
        ---

        # Prompt engineering

        ---

        # Clear instructions (1/3)

        ## What does "clear" mean?

        Imagine asking a friend to buy vegetables.

        <v-click>

        Be specific.

        </v-click>

        ---

        # Clear instructions (2/3)

        ## Why it matters

        - Fewer misunderstandings

        # In short

        ```bash
        # a comment, not a heading
        ls
        ```

        ---

        A line before any heading.

        ## A heading after it
        """,
    )
    slides = _slides(prs)
    assert [title for title, _ in slides] == [
        "Prompt engineering",
        "Clear instructions (1/3)",
        "Clear instructions (2/3)",
        "",
    ], slides
    first, second, untitled = (" ".join(texts) for _, texts in slides[1:])
    assert "What does “clear” mean?" in first and "Be specific." in first
    assert "Why it matters" in second and "In short" in second
    assert "# a comment, not a heading" in second  # (code is left as written)
    assert "A line before any heading." in untitled and "A heading after it" in untitled
    assert "#" not in first + untitled


def test_a_section_slide_with_a_line_under_its_title_is_one_slide(tmp_path):
    # `layout: section` with a subtitle line made the section slide, then a slide of the same title for it
    prs, _ = _deck(
        tmp_path,
        """\
        ---
        theme: default
        title: Demo
        ---

        # Demo

        ---
        layout: section
        ---

        # Part one

        What this part is about

        ---

        # Slide A

        Some text

        ---
        layout: section
        ---

        # Part two
        """,
    )
    slides = _slides(prs)
    assert [title for title, _ in slides] == ["Demo", "Part one", "Slide A", "Part two"], slides
    assert slides[1][1] == ["What this part is about"]
    assert prs.slides[3].slide_layout.name == "Section Header"  # (a section slide of its title alone)


@pytest.mark.parametrize(
    "button",
    [
        '<div class="pt-12">\n  <span class="px-2">Start learning</span>\n</div>',
        # (Slidev's starter cover: the words of its button on their own line inside the <span>)
        '<div class="pt-12">\n  <span @click="$slidev.nav.next" class="px-2 py-1 rounded cursor-pointer">\n'
        '    Start learning <carbon:arrow-right class="inline"/>\n  </span>\n</div>',
    ],
)
def test_css_before_a_heading_is_passed_over_and_the_cover_is_the_title_slide(tmp_path, button):
    # a <style> block before the cover's `# title` left the cover untitled: no title slide (the author
    # lost), a section slide of the heading and a second slide of it; before a later slide's heading, the same
    text = (
        "---\ntitle: Prompt engineering\nauthor: Ms Wang\ntheme: apple-basic\nclass: text-center\n"
        "transition: slide-left\n---\n\n<style>\n  h1 {\n    color: red;\n  }\n\n  .slidev-layout { padding: 0; }\n"
        f"</style>\n\n# Prompt engineering\n\nA course on prompts\n\n{button}\n\n---\n\n"
        "<style>\nh1 { color: blue; }\n</style>\n\n# Chapter 1\n\nHello\n"
    )
    prs, stderr = _deck(tmp_path, text)
    slides = _slides(prs)
    assert [title for title, _ in slides] == ["Prompt engineering", "Chapter 1"], slides
    cover = prs.slides[0]
    assert any(
        shape.is_placeholder and shape.placeholder_format.type == PP_PLACEHOLDER.CENTER_TITLE
        for shape in cover.shapes
    )  # the title slide
    words = " ".join(slides[0][1])
    assert "A course on prompts" in words and "Ms Wang" in words  # (its subtitle, the author)
    assert "Start learning" not in words  # (a button that turns to the next slide)
    assert slides[1][1] == ["Hello"]
    assert "color" not in " ".join(t for _, texts in slides for t in texts)
    assert "[style]" in stderr  # (the CSS said to be unused, as in any lecture)
