"""Handout tests: render HTML from the IR and read the printed PDF back with pypdf."""

from __future__ import annotations

import re

from pypdf import PdfReader

from podium.diagnostics import Diagnostics
from podium.handout.html import render_html
from podium.reader import parse_lecture
from podium.template_folders import load_template
from podium.verify import read_handout

from .conftest import build, write_md

LECTURE = """
---
title: Human Security
subtitle: Freedom from want
author: [Ann Lecturer]
course: Global Governance
date: 2026-11-26
---

# The concept

## Three freedoms

- Freedom from want
- Freedom from fear

::: notes
Say the three freedoms slowly.
:::

::: handout
A student reading alone needs this explanation.
:::

::: slides
Only for the room.
:::

## Compared

| Aspect | SDGs |
|--------|------|
| Logic  | targets |

```chart
type: bar
title: Lives disrupted
categories: [Deaths, Refugees]
series:
  Millions: [6.6, 14]
```

# Second part

## Last

> Time for a fresh look.
>
> — Prof. K

Inline $x^2$ math[^1].

[^1]: A footnote text.
"""


def html_of(text: str, template: str = "default") -> str:
    diags = Diagnostics()
    lecture = parse_lecture(text.lstrip("\n"), "t.md", diags)
    return render_html(lecture, load_template(template, diags), diags)


def test_html_structure_and_escaping():
    html = html_of(
        LECTURE.replace("Three freedoms", "Three <script>alert(1)</script> freedoms").replace(
            "subtitle: Freedom from want", "subtitle: <script>alert(2)</script>"
        )
    )
    assert "<script>" not in html  # raw HTML in Markdown is dropped
    assert "&lt;script&gt;alert(2)&lt;/script&gt;" in html  # metadata is escaped by autoescape
    # the tags go, the text stays; a script's content is dropped with it (as pandoc drops raw HTML)
    assert re.search(r"Three\s+freedoms", html) and "alert(1)" not in html
    assert 'lang="en"' in html and "<title>Human Security</title>" in html
    assert "Only for the room." not in html  # ::: slides is kept out of the handout
    assert "A student reading alone" in html
    assert "<table>" in html and "<svg" in html


def test_pdf_has_cover_toc_slides_notes_and_handout_text(tmp_path):
    src = write_md(tmp_path, LECTURE)
    pdf, _ = build(src, tmp_path / "out", "handout")
    reader = PdfReader(str(pdf))
    pages = [p.extract_text() for p in reader.pages]
    text = "\n".join(pages)
    assert (
        "Human Security" in pages[0]
        and "Ann Lecturer" in pages[0]
        and "global governance" in pages[0].lower()
    )
    assert "Contents" in pages[1]
    for piece in (
        "Three freedoms",
        "Say the three freedoms slowly.",
        "A student reading alone needs this",
        "Logic",
        "targets",
        "Lives disrupted",
        "14",
        "6.6",
        "Time for a fresh look",
        "Prof. K",
        "A footnote text.",
    ):
        assert piece in text, piece
    assert "Only for the room." not in text
    # one outline entry per slide, "N. Title", in deck order (what `check` reads)
    outline = read_handout(pdf, images=False).titles  # sections hold their slides' bookmarks
    assert outline == [
        "1. Human Security",
        "2. The concept",
        "3. Three freedoms",
        "4. Compared",
        "5. Second part",
        "6. Last",
    ]
    # page numbers and running header
    assert "Page 3 of" in pages[2]


def test_picture_alt_and_size_in_handout(tmp_path):
    from PIL import Image

    Image.new("RGB", (300, 150), "red").save(tmp_path / "p.png")
    html = html_of('## P\n\n![Cap](p.png){width=40% fig-alt="Red box"}\n').replace("\n", "")
    # parse_lecture without a base dir resolves nothing: build through the pipeline instead
    src = write_md(tmp_path, '## P\n\n![Cap](p.png){width=40% fig-alt="Red box"}\n')
    from podium.pipeline import BuildOptions, load

    diags = Diagnostics()
    lecture, template = load(src, BuildOptions(out_dir=tmp_path), diags)
    html = render_html(lecture, template, diags)
    assert 'alt="Red box"' in html and "width:40%" in html and "<figcaption>Cap</figcaption>" in html
    pdf, _ = build(src, tmp_path / "out", "handout")
    reader = PdfReader(str(pdf))
    images = [img for page in reader.pages for img in page.images]
    assert images, "the picture is embedded in the PDF"


def test_jinja_autoescape_and_template_chain():
    diags = Diagnostics()
    t = load_template("classic", diags)
    assert [d.name for d in t.chain][-1] == "default"
    html = html_of(LECTURE, "classic")
    assert t.palette["primary"] in html


def test_math_is_sized_in_em_to_follow_the_text():
    html = html_of("## M\n\nInline $x^2$ math.\n")
    svg = html[html.index('<span class="math"') :]
    assert re.search(r'<svg[^>]*width="[0-9.]+em"[^>]*height="[0-9.]+em"', svg)


def test_handout_words_follow_the_lecture_language(tmp_path):
    src = write_md(
        tmp_path,
        "---\ntitle: 人間の安全保障\nlang: ja\n---\n\n# 概念\n\n## 三つの自由\n\n- 欠乏からの自由\n\n"
        "::: handout\n補足です。\n:::\n",
    )
    pdf, _ = build(src, tmp_path / "out", "handout")
    text = "\n".join(p.extract_text() for p in PdfReader(str(pdf)).pages)
    assert "目次" in text and "スライド 3" in text and "解説" in text and "欠乏からの自由" in text
    assert "Contents" not in text and "Explanation" not in text


def test_the_contents_list_slides_in_a_row_with_one_title_once(tmp_path):
    body = "".join(f"## Concepts\n\nPart {k}.\n\n" for k in range(1, 5)) + "## Commands\n\nDone.\n"
    src = write_md(tmp_path, "---\ntitle: T\n---\n\n" + body)
    pdf, _ = build(src, tmp_path / "out", "handout")
    contents = PdfReader(str(pdf)).pages[1].extract_text()
    assert contents.count("Concepts") == 1 and "Commands" in contents, contents
    assert len(read_handout(pdf, images=False).titles) == 6  # every slide is still in the handout


def test_two_boxes_in_a_row_are_two_boxes_in_the_slides_drawing(tmp_path):
    """A theorem box and the proof box right after it are two boxes in the handout's drawing of the
    slide, as the deck draws them (the drawing made one box of both)."""
    from podium.pipeline import BuildOptions, handout_html, prepare

    src = write_md(
        tmp_path,
        """
        ---
        title: Theorems
        ---

        ## Theorem

        ::: {.callout-note title="Theorem 1"}
        If x is a local minimiser then F'(x) = 0.
        :::

        ::: {.callout-note title="Proof"}
        Obvious.
        :::
        """,
    )
    diags = Diagnostics()
    html = handout_html(prepare(src, BuildOptions(out_dir=tmp_path / "out"), diags), diags)
    drawing = html[html.index('class="slide kind-content"') :]
    drawing = drawing[: drawing.index("</figure>")]
    assert drawing.count('<div class="div callout') == 2
