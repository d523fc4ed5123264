"""Review 20 (a Japanese Hugo/reveal.js deck): a linked picture or a `<figure>` written as an HTML block
over several lines is the picture it is (not its tags and Podium's own Markdown as text), and Hugo's TOML
front matter (`+++` … `+++`) is the lecture's metadata, not the first slide's words."""

from __future__ import annotations

from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE

from tests.conftest import run_cli, write_md


def _deck(tmp_path, text: str, code: int = 0):
    tmp_path.mkdir(parents=True, exist_ok=True)
    src = write_md(tmp_path, text)
    result = run_cli("slides", src, "-o", tmp_path / "out")
    assert result.exit_code == code, result.stderr
    prs = Presentation(str(tmp_path / "out" / "lecture.pptx")) if code == 0 else None
    return prs, result.stderr


def _words(prs) -> str:
    return "\n".join(sh.text_frame.text for s in prs.slides for sh in s.shapes if sh.has_text_frame)


# --- Hugo's TOML front matter -------------------------------------------------------------------------

HUGO = """+++
url = "stats/3-likelihood.html"
title = "3. Likelihood — Statistical modelling 2022"
author = "Watal M. Iwasaki"
date = 2023-03-18T13:00:00+09:00
draft = false
+++

## Likelihood

The probability of the data under a model.
"""


def test_toml_front_matter_is_the_lectures_metadata(tmp_path):
    prs, err = _deck(tmp_path, HUGO)
    words = _words(prs)
    assert "+++" not in words and "draft" not in words and "url" not in words
    first = prs.slides[0]
    assert first.shapes.title.text == "3. Likelihood — Statistical modelling 2022"
    assert "Watal M. Iwasaki" in words and "2023-03-18" in words
    assert [s.shapes.title.text for s in list(prs.slides)[1:]] == ["Likelihood"]
    # unknown keys are said as YAML's are, at the line of the first
    assert "lecture.md:2: note: front matter keys Podium does not use: url, draft [unused-key]" in err


def test_toml_front_matter_with_a_table_and_an_array(tmp_path):
    prs, err = _deck(
        tmp_path,
        '+++\ntitle = "Tables"\nauthor = ["Ann Lee", "Bo Chen"]\n[params]\n  theme = "white"\n+++\n\n'
        "## One\n\nWords.\n",
    )
    words = _words(prs)
    assert prs.slides[0].shapes.title.text == "Tables"
    assert "Ann Lee" in words and "Bo Chen" in words
    assert "theme" not in words and "white" not in words
    assert "lecture.md:4: note: front matter keys Podium does not use: params [unused-key]" in err


def test_broken_toml_front_matter_is_an_error_at_its_line(tmp_path):
    _, err = _deck(tmp_path, '+++\ntitle = "x"\ndate = oops\n+++\n\n## S\n\nWords.\n', code=1)
    assert "lecture.md:3:8: error: front matter is not valid TOML: Invalid value [toml]" in err
    assert "Traceback" not in err
    # `+++` followed by no TOML (a GitPitch slide break) is still Markdown
    prs, _ = _deck(tmp_path / "words", "+++\n\nJust words here.\n\n## S\n\nMore.\n")
    assert "Just words here." in _words(prs)


# --- pictures and links written as HTML blocks over several lines --------------------------------------


def _png(path, size=(200, 300)):
    from PIL import Image

    Image.new("RGB", size, (40, 140, 60)).save(path)
    return path


def _pictures(slide):
    return [sh for sh in slide.shapes if sh.shape_type == MSO_SHAPE_TYPE.PICTURE]


def _slide(prs, title: str):
    return next(s for s in prs.slides if s.shapes.title is not None and s.shapes.title.text == title)


def _texts(slide) -> str:
    return "\n".join(sh.text_frame.text for sh in slide.shapes if sh.has_text_frame)


def _alt(picture) -> str:
    return picture._element.xpath("./p:nvPicPr/p:cNvPr/@descr")[0]


LINKED_FIGURE = """---
title: Linked figure
---

## Book

<figure style="float: right;">
<a href="https://example.org/book">
<img src="book.png" width="300" alt="The green book">
</a>
<figcaption>The book we follow</figcaption>
</figure>

Text beside the book.

## Indented

<p align="center">
    <a href="https://example.org/other">
        <img src="book.png" alt="Another book" width="200">
    </a>
</p>

## Next

<a href="https://example.org/glm" rel="next" class="readmore">
  4. Generalised linear models
</a>
"""


def test_multi_line_linked_figure_is_the_linked_picture_with_its_caption(tmp_path):
    _png(tmp_path / "book.png")
    prs, err = _deck(tmp_path, LINKED_FIGURE)
    for slide in prs.slides:  # never the tags, nor Markdown Podium wrote itself
        words = _texts(slide)
        assert "<a" not in words and "</a>" not in words and "![" not in words and "fig-alt" not in words
    book = _slide(prs, "Book")
    (picture,) = _pictures(book)
    assert _alt(picture) == "The green book"
    assert picture.click_action.hyperlink.address == "https://example.org/book"
    assert "The book we follow" in _texts(book) and "Text beside the book." in _texts(book)
    (other,) = _pictures(_slide(prs, "Indented"))
    assert _alt(other) == "Another book"
    assert other.click_action.hyperlink.address == "https://example.org/other"
    # a link of words over lines is a link of those words
    body = [sh for sh in _slide(prs, "Next").placeholders if sh.placeholder_format.idx == 1][0]
    runs = [r for p in body.text_frame.paragraphs for r in p.runs if r.text.strip()]
    assert "".join(r.text for r in runs).strip() == "4. Generalised linear models"
    assert {r.hyperlink.address for r in runs} == {"https://example.org/glm"}
    # what was read as a picture, caption and link is not said to be dropped
    assert "[raw-html]" not in err


def test_multi_line_linked_picture_that_is_missing_is_said(tmp_path):
    prs, err = _deck(
        tmp_path,
        '## Book\n\n<figure>\n<a href="https://example.org/book">\n'
        '<img src="book.jpg" width="300" alt="The green book">\n</a>\n</figure>\n\nText.\n',
    )
    assert "lecture.md:5: warning: picture 'book.jpg' not found" in err
    words = _texts(prs.slides[0])
    assert "[missing picture: book.jpg]" in words and "<a" not in words and "fig-alt" not in words
