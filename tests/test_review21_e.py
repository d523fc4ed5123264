"""Review 21 (e): Slidev and Marp decks.  A Slidev slide's front matter with a blank line or a YAML
comment in it is front matter; a heading under a ``----`` separator titles its slide; the pictures of a
``<v-switch>``'s templates are drawn, a click each; ``<img v-click …>`` is a picture on a click, with no
"never closed" warning.  Marp's colour shorthand (``![](#fff)``) is no picture, and a ``title:`` in a
Marp deck's front matter leaves its ``<!-- fit -->`` cover the title slide."""

from __future__ import annotations

import pytest
from PIL import Image

from .conftest import built_from_text, deck_titles, slide_text

P = "{http://schemas.openxmlformats.org/presentationml/2006/main}"


def pictures(tmp_path, *names: str) -> None:
    """Small real PNG files ``names`` in ``tmp_path``."""
    for n, name in enumerate(names):
        Image.new("RGB", (40, 20), (40 * n, 90, 160)).save(tmp_path / name)


def picture_shapes(slide) -> list:
    return [sh for sh in slide.shapes if sh.shape_type == 13]  # MSO_SHAPE_TYPE.PICTURE


def clicked_shapes(slide) -> list[list[int]]:
    """The shape ids each click of ``slide``'s main sequence brings in."""
    for main in slide._element.iter(f"{P}cTn"):
        if main.get("nodeType") == "mainSeq":
            return [
                [int(t.get("spid")) for t in click.iter(f"{P}spTgt")] for click in main.find(f"{P}childTnLst")
            ]
    return []


def slide_titled(prs, title: str):
    (slide,) = [s for s in prs.slides if s.shapes.title is not None and s.shapes.title.text == title]
    return slide


SLIDEV_HEAD = "---\ntheme: seriph\ntitle: Review\ntransition: slide-left\n---\n\n# Review\n\nA deck\n\n---\n\n## First slide\n\nText.\n"


def test_slidev_front_matter_with_a_blank_line_and_a_comment_is_the_slides_front_matter(tmp_path):
    pictures(tmp_path, "linus.png", "kent.png")
    text = SLIDEV_HEAD + (
        "\n---\nlayout: image-right\n\nimage: linus.png\nclass: text-2xl my-auto\n---\n\n"
        '"Talk is cheap. Show me the code."\n\nLinus Torvalds\n\n'
        "---\nlayout: image\n\n# the image source\nimage: kent.png\n\nbackgroundSize: contain\n---\n\n"
        "---\n\n## Contents\n\n<Toc/>\n"
    )
    prs, handout, stderr = built_from_text(tmp_path, text)
    words = "\n".join(slide_text(s) for s in prs.slides)
    for yaml_text in ("layout:", "image:", "backgroundSize", "the image source", "text-2xl"):
        assert yaml_text not in words and yaml_text not in handout, yaml_text
    # the quote and its picture on one slide; the `layout: image` slide its picture
    (quote,) = [s for s in prs.slides if "Talk is cheap" in slide_text(s)]
    assert "Linus Torvalds" in slide_text(quote) and len(picture_shapes(quote)) == 1
    assert sum(len(picture_shapes(s)) for s in prs.slides) == 2
    assert "Contents" in deck_titles(prs)
    assert "Traceback" not in stderr


@pytest.mark.parametrize("dashes", ["----", "-----"])
def test_a_heading_under_a_four_dash_separator_is_its_slides_title(tmp_path, dashes):
    text = SLIDEV_HEAD + (
        f"\n---\n\n## Definition\n\nSome text.\n\n{dashes}\n\n## Common operations\n\n"
        "| Method | Cost |\n| --- | --- |\n| push() | O(1) |\n"
    )
    prs, handout, _ = built_from_text(tmp_path, text)
    slide = slide_titled(prs, "Common operations")
    assert slide.slide_layout.name != "Blank"
    assert "Some text." not in slide_text(slide)
    assert deck_titles(prs)[-2:] == ["Definition", "Common operations"]
    assert "Common operations" in handout


def test_v_switch_templates_pictures_are_drawn_a_click_each(tmp_path):
    pictures(tmp_path, "bs_1.png", "bs_2.png", "bs_3.png")
    # (no other mark of Slidev's in the deck: <v-switch> is one)
    text = SLIDEV_HEAD.replace("transition: slide-left\n", "") + (
        "\n---\n\n## Binary search steps\n\nSteps shown one picture per click:\n\n<v-switch>\n"
        '  <template #0> <img class="w-130" src="bs_1.png"> </template>\n'
        '  <template #1> <img class="w-130" src="bs_2.png"> </template>\n'
        "  <template #2-4>\n\n  ![third](bs_3.png)\n\n  </template>\n</v-switch>\n"
    )
    prs, _, stderr = built_from_text(tmp_path, text)
    slide = slide_titled(prs, "Binary search steps")
    drawn = picture_shapes(slide)
    assert len(drawn) == 3
    # the first template is shown from the start; each later one comes on a click of its own
    assert clicked_shapes(slide) == [[drawn[1].shape_id], [drawn[2].shape_id]]
    assert "[raw-html]" not in stderr
    (said,) = [line for line in stderr.splitlines() if "[v-switch]" in line]
    assert "lecture.md:22: note:" in said


@pytest.mark.parametrize(
    "tag",
    [
        '<img v-click="1" class="w-120 mx-auto" border="rounded" src="ai.png">',
        '<img v-click class="w-120 mx-auto" src="ai.png">',
    ],
)
def test_an_img_with_v_click_is_a_picture_on_a_click(tmp_path, tag):
    pictures(tmp_path, "ai.png")
    text = SLIDEV_HEAD + f"\n---\n\n## Why learn DS&A\n\n- Programming\n- Problem solving\n\n{tag}\n"
    prs, _, stderr = built_from_text(tmp_path, text, "slides")
    slide = slide_titled(prs, "Why learn DS&A")
    (drawn,) = picture_shapes(slide)
    assert clicked_shapes(slide) == [[drawn.shape_id]]
    assert "never closed" not in stderr and "[unclosed-div]" not in stderr


@pytest.mark.parametrize("colour", ["#fff", "red", "rgb(255,255,255)"])
def test_marps_colour_shorthand_is_no_picture(tmp_path, colour):
    text = (
        "---\nmarp: true\n---\n\n# Colours\n\n---\n\n"
        f"![bg](#123)\n![]({colour})\n\n## White text on a dark slide\n\nWords.\n"
    )
    prs, handout, stderr = built_from_text(tmp_path, text)
    slide = slide_titled(prs, "White text on a dark slide")
    assert "missing picture" not in slide_text(slide) and "missing picture" not in handout
    assert not picture_shapes(slide) and "Words." in slide_text(slide)
    assert "[missing-image]" not in stderr
    (said,) = [line for line in stderr.splitlines() if "[marp-colour]" in line]
    assert "lecture.md:10: note:" in said and colour in said


@pytest.mark.parametrize("picture", ["![bg](gradient.jpg)\n\n", ""])
def test_a_marp_title_key_leaves_the_fit_cover_the_title_slide(tmp_path, picture):
    pictures(tmp_path, "gradient.jpg")
    text = (
        "---\nmarp: true\ntitle: Marp CLI example\n---\n\n"
        f"{picture}# <!--fit--> Markdown\n\nCách viết tài liệu dành cho lập trình viên\n\n"
        "---\n\n## Second slide\n\nText.\n"
    )
    prs, handout, stderr = built_from_text(tmp_path, text)
    first = prs.slides[0]
    assert first.slide_layout.name == "Title Slide"
    assert first.shapes.title.text == "Markdown"
    assert "Cách viết tài liệu dành cho lập trình viên" in slide_text(first)
    assert not picture_shapes(first) and "missing picture" not in slide_text(first)
    assert deck_titles(prs) == ["Markdown", "Second slide"]
    assert "Markdown" in handout
    (said,) = [line for line in stderr.splitlines() if "[title]" in line]
    assert "lecture.md:3: note:" in said and "Marp CLI example" in said
