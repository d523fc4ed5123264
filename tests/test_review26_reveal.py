"""Review 26 (reveal-md science decks): a reveal.js ``.element`` comment's float and width on a picture, a
row of pictures nested in a column, and a one-slide reveal-md deck's front matter."""

from __future__ import annotations

from PIL import Image
from pptx.enum.shapes import MSO_SHAPE_TYPE

from tests.conftest import built_from_text

FRONT = """\
---
title: Exercise sheet
separator: '<--o-->'
verticalSeparator: '<--v-->'
---
"""


def _titles(prs) -> list[str]:
    return [s.shapes.title.text if s.shapes.title is not None else "" for s in prs.slides]


def _pictures(slide) -> list:
    return [sh for sh in slide.shapes if sh.shape_type == MSO_SHAPE_TYPE.PICTURE]


def test_element_comment_floats_a_picture_beside_the_text(tmp_path):
    Image.new("RGB", (800, 600), "teal").save(tmp_path / "pic.png")
    prs, _, err = built_from_text(
        tmp_path,
        FRONT
        + """
## Rheology: Elasticity

![Spring](pic.png) <!-- .element style="width:35%;float:right;margin-left:40px;" -->

The one dimensional elastic response to stress is Hooke's law for an extending spring.

Elastic deformation is **recoverable**.
""",
        "slides",
    )
    slide = prs.slides[0]
    (picture,) = _pictures(slide)
    body = [sh for sh in slide.placeholders if sh.placeholder_format.idx not in (0,) and "Hooke" in sh.text]
    assert body, [sh.name for sh in slide.shapes]
    # (beside the text, in a column of about 35 % of the slide, not above it)
    assert picture.left > body[0].left + body[0].width - 10000
    assert picture.top < body[0].top + body[0].height // 2
    assert 0.25 < picture.width / prs.slide_width < 0.4
    assert "[float]" not in err


def test_element_comment_on_a_later_picture_gives_the_float_warning(tmp_path):
    Image.new("RGB", (800, 600), "teal").save(tmp_path / "pic.png")
    _, _, err = built_from_text(
        tmp_path,
        FRONT
        + """
## What is Strain ?

Strain is the relative change in length.

![Strain](pic.png)
<!-- .element style="float:right;width:35%" -->

In one dimension, this is simple.
""",
        "slides",
    )
    assert "lecture.md:11:" in err and "[float]" in err, err


def test_nested_row_of_pictures_in_a_column_is_warned(tmp_path):
    for name in ("one", "two", "three"):
        Image.new("RGB", (400, 300), "grey").save(tmp_path / f"{name}.png")
    _, _, err = built_from_text(
        tmp_path,
        FRONT
        + """
## Quantify Strain
<div class="cols">
<div class="wide">

- Angular Strain (shear strain)

</div>
<div>

![One](one.png)

<div class="cols">

![Two](two.png)


![Three](three.png)

</div>

</div>
</div>
""",
        "slides",
    )
    assert "lecture.md:14:" in err and "[nested-columns]" in err, err  # (at its column)


def test_nested_row_alone_in_its_column_is_not_warned(tmp_path):
    for name in ("one", "two"):
        Image.new("RGB", (400, 300), "grey").save(tmp_path / f"{name}.png")
    prs, _, err = built_from_text(
        tmp_path,
        FRONT
        + """
## Summary
<div class="cols">
<div>

<div class="cols">

![One](one.png)


![Two](two.png)

</div>

</div>
<div class="wide">

- Stress

</div>
</div>
""",
        "slides",
    )
    assert "[nested-columns]" not in err and "[raw-html]" not in err, err
    assert len(_pictures(prs.slides[0])) == 2


def test_one_slide_reveal_md_deck_has_no_title_slide(tmp_path):
    prs, _, _ = built_from_text(
        tmp_path,
        FRONT
        + """
## Units

Stress has the units of pressure.

Note: remind them of pascals.
""",
        "slides",
    )
    assert _titles(prs) == ["Units"]
    notes = prs.slides[0].notes_slide.notes_text_frame.text if prs.slides[0].has_notes_slide else ""
    assert "pascals" in notes
    assert "pascals" not in " ".join(sh.text for sh in prs.slides[0].shapes if sh.has_text_frame)
