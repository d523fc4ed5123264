"""Deck tests: build small lectures and reopen the .pptx with python-pptx, for every bundled template."""

from __future__ import annotations

from lxml import etree
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE, PP_PLACEHOLDER
from pptx.oxml.ns import qn
from pptx.util import Emu

from .conftest import build, write_md

A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
P = "{http://schemas.openxmlformats.org/presentationml/2006/main}"


def deck(tmp_path, text, template=None):
    src = write_md(tmp_path, text)
    path, diags = build(src, tmp_path / "out", "slides", template)
    return Presentation(str(path)), diags


def body_shapes(slide):
    return [
        s
        for s in slide.shapes
        if s.has_text_frame
        and s != slide.shapes.title
        and not (
            s.is_placeholder
            and s.placeholder_format.type in (PP_PLACEHOLDER.FOOTER, PP_PLACEHOLDER.SLIDE_NUMBER)
        )
    ]


def frame_text(shape) -> str:
    """A text frame's text as a viewer draws it: inline math counts as its fallback text."""
    a = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
    return "\n".join("".join(t.text or "" for t in p.iter(a + "t")) for p in shape._element.iter(a + "p"))


def inside(shape, prs):
    return (
        shape.left >= 0
        and shape.top >= 0
        and shape.left + shape.width <= prs.slide_width
        and shape.top + shape.height <= prs.slide_height
    )


BASIC = """
---
title: Human Security
subtitle: Freedom from want
author: [Ann Lecturer]
---

# The concept

## Three freedoms

- Freedom from want
    - poverty
        - hunger
- Freedom from fear

::: notes
Say the three freedoms slowly.
:::

## Numbers

1. one
2. two

Plain paragraph.
"""


def test_layouts_titles_levels_and_notes(tmp_path, template_name):
    prs, _ = deck(tmp_path, BASIC, template_name)
    slides = list(prs.slides)
    assert [s.slide_layout.name for s in slides] == [
        "Title Slide",
        "Section Header",
        "Title and Content",
        "Title and Content",
    ]
    assert [s.shapes.title.text for s in slides] == [
        "Human Security",
        "The concept",
        "Three freedoms",
        "Numbers",
    ]
    for s in slides:  # titles land in title placeholders
        assert s.shapes.title.is_placeholder
    sub = [sh for sh in slides[0].placeholders if sh.placeholder_format.type == PP_PLACEHOLDER.SUBTITLE][0]
    assert "Freedom from want" in sub.text_frame.text and "Ann Lecturer" in sub.text_frame.text
    body = [sh for sh in slides[2].placeholders if sh.placeholder_format.idx == 1][0]
    paras = [(p.text, p.level) for p in body.text_frame.paragraphs]
    assert paras == [("Freedom from want", 0), ("poverty", 1), ("hunger", 2), ("Freedom from fear", 0)]
    # real bullets, not bullet characters typed into the text
    assert not any(t.startswith(("•", "-", "*")) for t, _ in paras)
    assert slides[2].notes_slide.notes_text_frame.text == "Say the three freedoms slowly."
    numbers = [sh for sh in slides[3].placeholders if sh.placeholder_format.idx == 1][0].text_frame.paragraphs
    assert numbers[0]._p.find(f".//{A}buAutoNum") is not None
    face = numbers[0]._p.find(f".//{A}buFont").get("typeface")  # the number in the body's font, not the run's
    assert (
        face
        and face != "DejaVu Sans Mono"
        and numbers[0]._p.find(f".//{A}buFont").getnext().tag == f"{A}buAutoNum"
    )
    assert numbers[2].text == "Plain paragraph." and numbers[2]._p.find(f".//{A}buNone") is not None


def test_footer_and_slide_number_filled(tmp_path, template_name):
    prs, _ = deck(tmp_path, BASIC, template_name)
    s = prs.slides[2]
    footers = [sh for sh in s.placeholders if sh.placeholder_format.type == PP_PLACEHOLDER.FOOTER]
    numbers = [sh for sh in s.placeholders if sh.placeholder_format.type == PP_PLACEHOLDER.SLIDE_NUMBER]
    assert footers and footers[0].text_frame.text == "Human Security"
    assert numbers and numbers[0]._element.find(f".//{A}fld").get("type") == "slidenum"


def test_everything_inside_the_slide(tmp_path, template_name):
    prs, _ = deck(tmp_path, BASIC + TABLE + COLUMNS, template_name)
    for s in prs.slides:
        for sh in s.shapes:
            assert inside(sh, prs), (s.shapes.title.text, sh.name)


TABLE = """
## Compared

| Aspect | SDGs | Human security |
|:-------|:-----|---------------:|
| Logic  | *targets* | threshold |
| Origin | 2015 | 2012 |
"""


def test_table_native_with_cells_widths_and_theme(tmp_path, template_name):
    prs, _ = deck(tmp_path, TABLE, template_name)
    frames = [sh for sh in prs.slides[0].shapes if sh.has_table]
    assert len(frames) == 1
    table = frames[0].table
    cells = [[c.text for c in row.cells] for row in table.rows]
    assert cells == [
        ["Aspect", "SDGs", "Human security"],
        ["Logic", "targets", "threshold"],
        ["Origin", "2015", "2012"],
    ]
    widths = [c.width for c in table.columns]
    assert widths[2] > widths[0] * 1.5  # the separator's dashes give relative widths
    assert table.cell(1, 1).text_frame.paragraphs[0].runs[0].font.italic  # inline formatting kept
    header_fill = table.cell(0, 0).fill.fore_color.rgb
    assert str(header_fill) in ("1F4E79", "7B1E28")  # the theme's primary colour


COLUMNS = """
## Versus

:::: columns
::: {.column width="30%"}
**National security**

- the state
:::
::: {.column width="70%"}
**Human security**

- each person
:::
::::
"""


def test_two_columns_widths_honoured(tmp_path, template_name):
    prs, _ = deck(tmp_path, COLUMNS, template_name)
    s = prs.slides[0]
    assert s.slide_layout.name == "Two Content"
    left = [sh for sh in body_shapes(s) if "National" in sh.text_frame.text][0]
    right = [sh for sh in body_shapes(s) if "Human" in sh.text_frame.text][0]
    assert left.left < right.left
    assert 1.8 < right.width / left.width < 2.8  # 70/30 with a gutter


def test_three_columns_none_dropped(tmp_path):
    prs, diags = deck(
        tmp_path,
        """
## Three

:::: columns
::: column
one
:::
::: column
two
:::
::: column
three
:::
::::

after the columns
""",
    )
    texts = " ".join(sh.text_frame.text for sh in body_shapes(prs.slides[0]))
    for word in ("one", "two", "three", "after the columns"):
        assert word in texts


def test_picture_size_alt_and_missing(tmp_path, template_name):
    from PIL import Image

    (tmp_path / "img").mkdir()
    Image.new("RGB", (800, 400), "steelblue").save(tmp_path / "img" / "wide.png")
    prs, diags = deck(
        tmp_path,
        """
## Picture

Some text first.

![A wide picture](img/wide.png){width=50% fig-alt="A blue rectangle"}

## Missing

![Gone](img/gone.png)
""",
        template_name,
    )
    pics = [sh for sh in prs.slides[0].shapes if sh.shape_type == MSO_SHAPE_TYPE.PICTURE]
    assert len(pics) == 1
    pic = pics[0]
    assert abs(pic.width / pic.height - 2.0) < 0.02  # aspect kept
    assert pic._element.nvPicPr.cNvPr.get("descr") == "A blue rectangle"
    assert inside(pic, prs)
    assert any("missing picture: img/gone.png" in sh.text_frame.text for sh in body_shapes(prs.slides[1]))
    assert any(d.code == "missing-image" and d.pos.line == 9 for d in diags.items)


def test_picture_width_percentage_of_content_width(tmp_path):
    from PIL import Image

    Image.new("RGB", (400, 400), "red").save(tmp_path / "sq.png")
    prs, _ = deck(tmp_path, "## A\n\n![](sq.png){width=30%}\n\n## B\n\n![](sq.png){width=60%}\n")
    a = [sh for sh in prs.slides[0].shapes if sh.shape_type == MSO_SHAPE_TYPE.PICTURE][0]
    b = [sh for sh in prs.slides[1].shapes if sh.shape_type == MSO_SHAPE_TYPE.PICTURE][0]
    assert a.width < b.width  # pandoc ignores width in pptx; Podium honours it


def test_svg_embedded_with_png_fallback(tmp_path):
    (tmp_path / "d.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" width="400" height="200" '
        'viewBox="0 0 400 200"><rect width="400" height="200" fill="#1F4E79"/></svg>'
    )
    prs, _ = deck(tmp_path, "## S\n\n![Diagram](d.svg)\n")
    pic = [sh for sh in prs.slides[0].shapes if sh.shape_type == MSO_SHAPE_TYPE.PICTURE][0]
    assert pic.image.content_type == "image/png"
    svg = pic._element.find(".//{http://schemas.microsoft.com/office/drawing/2016/SVG/main}svgBlip")
    assert svg is not None
    rid = svg.get("{http://schemas.openxmlformats.org/officeDocument/2006/relationships}embed")
    assert prs.slides[0].part.related_part(rid).content_type == "image/svg+xml"


def test_code_highlighted_runs_monospace(tmp_path):
    prs, _ = deck(tmp_path, "## Code\n\n```python\ndef f(x):\n    return x + 1\n```\n")
    box = [sh for sh in body_shapes(prs.slides[0]) if "def" in sh.text_frame.text][0]
    paras = box.text_frame.paragraphs
    assert [p.text for p in paras] == ["def f(x):", "    return x + 1"]
    colours = {str(r.font.color.rgb) for p in paras for r in p.runs if r.font.color and r.font.color.type}
    assert len(colours) >= 2  # coloured runs, not one plain run
    assert all(r.font.name for p in paras for r in p.runs)


def test_incremental_and_pause_write_timing(tmp_path):
    prs, _ = deck(
        tmp_path,
        """
## Builds {.incremental}

- one
- two
- three

## Pause

Before

. . .

After
""",
    )
    timing = prs.slides[0]._element.find(f"{P}timing")
    assert timing is not None
    clicks = timing.findall(f".//{P}cTn[@nodeType='clickEffect']")
    assert len(clicks) == 3
    ranges = [(r.get("st"), r.get("end")) for r in timing.iter(f"{P}pRg")]
    assert ranges == [("0", "0"), ("1", "1"), ("2", "2")]
    spids = {t.get("spid") for t in timing.iter(f"{P}spTgt")}
    shape_ids = {str(sh.shape_id) for sh in prs.slides[0].shapes}
    assert spids <= shape_ids  # builds point at shapes that exist
    timing2 = prs.slides[1]._element.find(f"{P}timing")
    assert len(timing2.findall(f".//{P}cTn[@nodeType='clickEffect']")) == 1


def test_layout_override_and_unknown_layout_warning(tmp_path):
    prs, diags = deck(tmp_path, '## A {layout="Title Only"}\n\ntext\n\n## B {layout="Nope"}\n\nx\n')
    assert prs.slides[0].slide_layout.name == "Title Only"
    assert "text" in " ".join(sh.text_frame.text for sh in body_shapes(prs.slides[0]))
    warn = [d for d in diags.items if d.code == "unknown-layout"]
    assert warn and "Title and Content" in warn[0].message and warn[0].pos.line == 5


def test_footnotes_at_foot_of_slide(tmp_path):
    prs, _ = deck(tmp_path, "## F\n\nClaim[^1] here.\n\n[^1]: The source, 2017.\n")
    s = prs.slides[0]
    foot = [sh for sh in s.shapes if sh.name == "Footnotes"][0]
    assert foot.text_frame.text == "1. The source, 2017."
    body = [sh for sh in body_shapes(s) if "Claim" in sh.text_frame.text][0]
    assert foot.top >= body.top + Emu(body.height) - 10
    sizes = [r.font.size.pt for p in foot.text_frame.paragraphs for r in p.runs if r.font.size]
    assert sizes and max(sizes) < 18


def test_a_quarto_aside_is_small_print_at_the_foot_of_the_slide(tmp_path):
    prs, _ = deck(tmp_path, "## F\n\n- Main point\n\n::: aside\nSource: World Bank (2023).\n:::\n")
    s = prs.slides[0]
    foot = [sh for sh in s.shapes if sh.name == "Footnotes"][0]
    assert foot.text_frame.text == "Source: World Bank (2023)."
    body = [sh for sh in body_shapes(s) if "Main point" in sh.text_frame.text][0]
    assert "World Bank" not in body.text_frame.text
    assert foot.top >= body.top + Emu(body.height) - 10
    sizes = [r.font.size.pt for p in foot.text_frame.paragraphs for r in p.runs if r.font.size]
    assert sizes and max(sizes) < 18


def test_quote_with_attribution(tmp_path):
    prs, _ = deck(tmp_path, "## Q\n\n> Now is the time.\n>\n> — Prof. K\n")
    body = [sh for sh in body_shapes(prs.slides[0]) if "Now is the time" in sh.text_frame.text][0]
    paras = body.text_frame.paragraphs
    assert paras[0].runs[0].font.italic
    assert paras[-1].text == "— Prof. K"


def test_math_picture_with_tex_alt(tmp_path):
    prs, _ = deck(tmp_path, "## M\n\n$$\nE = mc^2\n$$\n\nInline $x^2$ here.\n")
    # display math: Office math for PowerPoint, the picture (alt text: the TeX) as mc:Fallback
    mc = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
    tree = prs.slides[0].shapes._spTree
    pics = [
        p
        for p in tree.iter("{http://schemas.openxmlformats.org/presentationml/2006/main}pic")
        if p.getparent().tag == mc + "Fallback"
    ]
    assert pics and pics[0].find(".//{*}cNvPr").get("descr") == "E = mc^2"
    # inline math: Office math, with the Unicode text as the fallback run
    fallback_text = "".join(
        t.text or ""
        for fb in tree.iter(mc + "Fallback")
        for t in fb.iter("{http://schemas.openxmlformats.org/drawingml/2006/main}t")
    )
    assert "x²" in fallback_text


def test_too_much_continues_on_cont_slides_and_fit_none_warns(tmp_path):
    many = "\n".join(
        f"- point number {i} with a fairly long sentence that wraps across the slide" for i in range(30)
    )
    prs, diags = deck(tmp_path, "## Too much\n\n" + many + "\n")
    titles = [s.shapes.title.text for s in prs.slides]
    assert titles[0] == "Too much" and len(titles) >= 2 and set(titles[1:]) == {"Too much (cont.)"}
    points = [p.text for s in prs.slides for sh in body_shapes(s) for p in sh.text_frame.paragraphs]
    assert points == [
        f"point number {i} with a fairly long sentence that wraps across the slide" for i in range(30)
    ]
    assert not [d for d in diags.items if d.code == "overfull"]
    src = write_md(tmp_path, "---\nfit: none\n---\n\n## Too much\n\n" + many + "\n", "none.md")
    path, diags = build(src, tmp_path / "out2", "slides")
    assert len(Presentation(str(path)).slides) == 1
    assert any(d.code == "overfull" and d.pos.line == 5 for d in diags.items)


def test_sample_slides_of_template_removed(tmp_path):
    from pptx import Presentation as New

    prs = New()
    prs.slides.add_slide(prs.slide_layouts[0]).shapes.title.text = "SAMPLE"
    tpl = tmp_path / "uni.pptx"
    prs.save(tpl)
    out, _ = deck(tmp_path, "## Only\n\nx\n", str(tpl))
    assert [s.shapes.title.text for s in out.slides] == ["Only"]
    xml = etree.tostring(out.slides[0]._element).decode()
    assert "SAMPLE" not in xml


def test_jpeg_and_gif_pictures(tmp_path):
    from PIL import Image

    Image.new("RGB", (300, 200), "green").save(tmp_path / "a.jpg")
    Image.new("P", (200, 200)).save(tmp_path / "b.gif")
    prs, _ = deck(tmp_path, "## J\n\n![J](a.jpg)\n\n## G\n\n![G](b.gif){height=2in}\n")
    types = [
        [sh.image.content_type for sh in s.shapes if sh.shape_type == MSO_SHAPE_TYPE.PICTURE]
        for s in prs.slides
    ]
    assert types == [["image/jpeg"], ["image/gif"]]
    gif = [sh for sh in prs.slides[1].shapes if sh.shape_type == MSO_SHAPE_TYPE.PICTURE][0]
    assert abs(gif.height - 2 * 914400) < 914400 * 0.02 and abs(gif.width - gif.height) < 2000


def test_hard_line_break_is_a_real_break(tmp_path):
    prs, _ = deck(tmp_path, "## B\n\nfirst line\\\nsecond line\n")
    body = [sh for sh in body_shapes(prs.slides[0]) if "first line" in sh.text_frame.text][0]
    xml = etree.tostring(body._element).decode()
    assert "_x000B_" not in xml and "\x0b" not in xml
    assert body.text_frame.paragraphs[0]._p.find(f"{A}br") is not None


def test_quote_alone_is_a_large_pull_quote(tmp_path):
    prs, _ = deck(tmp_path, "## Q\n\n> A short, memorable line.\n>\n> — Someone\n\n## P\n\nA plain line.\n")
    quote = [sh for sh in body_shapes(prs.slides[0]) if "memorable" in sh.text_frame.text][0]
    size = quote.text_frame.paragraphs[0].runs[0].font.size
    assert size is not None and size.pt >= 30


def test_comparison_column_without_heading_stays_in_its_content_placeholder(tmp_path):
    from PIL import Image

    Image.new("RGB", (400, 300), "gray").save(tmp_path / "p.png")
    prs, _ = deck(
        tmp_path,
        """
## Cmp

:::: columns
::: column
Heading

![pic](p.png)
:::
::: column
- just text
:::
::::
""",
    )
    s = prs.slides[0]
    assert s.slide_layout.name == "Comparison"
    layout_phs = {ph.placeholder_format.idx: ph for ph in s.slide_layout.placeholders}
    text = [sh for sh in body_shapes(s) if "just text" in sh.text_frame.text][0]
    right_heading = max(
        (ph for ph in layout_phs.values() if ph.placeholder_format.type == PP_PLACEHOLDER.BODY),
        key=lambda ph: ph.left,
    )
    assert text.top >= right_heading.top + right_heading.height  # below the heading's rule, not across it


def test_inline_math_with_spaces_and_arrows(tmp_path):
    prs, _ = deck(tmp_path, "## M\n\nUpdate $y_i \\gets \\sum_{n = 0}^{N} x$ here.\n")
    text = " ".join(frame_text(sh) for sh in body_shapes(prs.slides[0]))
    assert "yᵢ ← ∑ₙ₌₀ᴺ x" in text and "\\" not in text


def test_reveal_fragments_appear_one_click_each_and_what_follows_is_shown_from_the_start(tmp_path):
    prs, _ = deck(
        tmp_path,
        """
## Quiz

What is human security?

::: {.fragment}
Freedom from fear
:::

::: {.fragment}
Freedom from want
:::

Always visible.
""",
    )
    timing = prs.slides[0]._element.find(f"{P}timing")
    assert timing is not None
    assert len(timing.findall(f".//{P}cTn[@nodeType='clickEffect']")) == 2
    shapes = {str(sh.shape_id): sh for sh in prs.slides[0].shapes}
    assert len(shapes) == len(prs.slides[0].shapes)  # every shape its own id (the footers' too)
    shown_on_click = []
    for target in timing.iter(f"{P}spTgt"):
        paras = shapes[target.get("spid")].text_frame.paragraphs
        ranges = target.findall(f"{P}txEl/{P}pRg")
        shown_on_click += [paras[int(r.get("st"))].text for r in ranges] or [p.text for p in paras]
    assert shown_on_click == ["Freedom from fear", "Freedom from want"]  # "Always visible." from the start
    # one text frame in one style: the fragments' paragraphs are the body's, not boxes of their own
    (body,) = [sh for sh in prs.slides[0].shapes if sh.has_text_frame and "Always" in sh.text_frame.text]
    assert body.is_placeholder and "What is human security?" in body.text_frame.text


def test_every_shape_on_a_slide_has_its_own_id(tmp_path):
    """The footer and slide number copied from the layout kept the layout's ids, which the slide's own
    text boxes could have too (animations then pointed at two shapes)."""
    prs, _ = deck(
        tmp_path,
        """
## Boxes

Text.

::: {.box}
First box
:::

::: {.box}
Second box
:::

After.
""",
    )
    for slide in prs.slides:
        ids = [sh.shape_id for sh in slide.shapes]
        assert len(ids) == len(set(ids)), [(sh.shape_id, sh.name) for sh in slide.shapes]


def test_a_tables_caption_is_under_it_in_the_deck(tmp_path):
    prs, _ = deck(
        tmp_path,
        """
## Stats

| x | y |
|---|---|
| 1 | 2 |

: Summary statistics of the data {#tbl-stats}

Text after.
""",
    )
    shapes = list(prs.slides[0].shapes)
    (table,) = [s for s in shapes if s.has_table]
    (caption,) = [
        s
        for s in shapes
        if s.has_text_frame
        and s.text_frame.text == "Table 1: Summary statistics of the data"  # (labelled: numbered)
    ]
    after = next(s for s in shapes if s.has_text_frame and s.text_frame.text == "Text after.")
    assert table.top + table.height <= caption.top < caption.top + caption.height <= after.top


def test_lists_in_speaker_notes_keep_their_bullets_and_numbers(tmp_path):
    prs, _ = deck(
        tmp_path,
        """
## Homework

Text.

::: notes
Intro line.

1. Exercise 3.4
2. Exercise 3.5
   - hint one

- HW2 due
:::
""",
    )
    notes = prs.slides[0].notes_slide.notes_text_frame.text
    assert notes == "Intro line.\n1. Exercise 3.4\n2. Exercise 3.5\n  \u2022 hint one\n\u2022 HW2 due"


def test_a_column_marked_fragment_appears_on_a_click(tmp_path):
    prs, _ = deck(
        tmp_path,
        """
## Compare

:::: {.columns}
::: {.column width="50%"}
Always here
:::
::: {.column width="45%" .fragment}
Then this
:::
::::
""",
    )
    timing = prs.slides[0]._element.find(f"{P}timing")
    assert timing is not None
    shapes = {str(sh.shape_id): sh for sh in prs.slides[0].shapes}
    targets = [shapes[t.get("spid")].text_frame.text for t in timing.iter(f"{P}spTgt")]
    assert targets == ["Then this"]


def test_a_fragment_column_comes_after_the_clicks_of_the_column_before_it(tmp_path):
    """reveal.js counts fragments in reading order: a fragment column after a column of three
    incremental bullets is the fourth click, not the first bullet's."""
    prs, _ = deck(
        tmp_path,
        """
## Compare

:::: {.columns}
::: {.column width="50%"}
::: incremental
- one
- two
- three
:::
:::
::: {.column width="45%" .fragment}
Then this
:::
::::
""",
    )
    timing = prs.slides[0]._element.find(f"{P}timing")
    clicks = timing.findall(f".//{P}cTn[@nodeType='clickEffect']")
    assert len(clicks) == 4
    last = clicks[-1].find(f".//{P}spTgt")
    shapes = {str(sh.shape_id): sh for sh in prs.slides[0].shapes}
    assert shapes[last.get("spid")].text_frame.text == "Then this"


def test_text_after_an_equation_or_picture_keeps_the_bodys_bullets_and_indents(tmp_path):
    """Text after an object goes into a box of its own; it had the plain box look (black bullets, other
    indents) while the text above it had the body's, on the same slide."""
    prs, _ = deck(
        tmp_path,
        """
## Waves

The wave equation reads
$$u_{tt} = c^2 u_{xx}$$
whose solutions are

- travelling to the right
- travelling to the left
""",
    )
    shapes = list(prs.slides[0].shapes)
    body = next(s for s in shapes if s.is_placeholder and "wave equation" in s.text_frame.text)
    after = next(s for s in shapes if s.has_text_frame and "travelling to the right" in s.text_frame.text)
    assert not after.is_placeholder
    lst = after.text_frame._txBody.find(qn("a:lstStyle"))
    lvl1 = lst.find(qn("a:lvl1pPr")) if lst is not None else None
    assert lvl1 is not None and lvl1.find(qn("a:buChar")) is not None  # the body's bullet, inherited
    bullets = [p for p in after.text_frame.paragraphs if "travelling" in p.text]
    assert all(p._p.find(f"{qn('a:pPr')}/{qn('a:buChar')}") is None for p in bullets)  # none written over it
    assert after.left == body.left


def test_an_untitled_slide_of_only_a_picture_has_no_title_bar(tmp_path):
    from PIL import Image

    Image.new("RGB", (800, 600), (200, 120, 40)).save(tmp_path / "photo.png")
    prs, _ = deck(tmp_path, '\n## Before\n\ntext\n\n---\n\n![](photo.png){fig-alt="A photo"}\n')
    slide = prs.slides[1]
    assert slide.slide_layout.name == "Blank"  # no rule under a title that is not there
    (pic,) = [s for s in slide.shapes if s.shape_type == MSO_SHAPE_TYPE.PICTURE]
    assert pic.height > 0.6 * prs.slide_height


def test_an_untitled_text_slide_has_no_rule_under_a_missing_title_and_keeps_the_body_look(tmp_path):
    import subprocess

    from podium.pipeline import SLIDES_PDF, BuildOptions, Output
    from podium.pipeline import build as pipeline_build

    src = write_md(
        tmp_path,
        "---\ntitle: T\n---\n\n## Titled\n\n- one\n- two\n\n---\n\nUntitled words.\n\n- three\n- four\n",
    )
    pipeline_build(
        src, BuildOptions(out_dir=tmp_path / "out"), (Output("deck"), Output(SLIDES_PDF)), force=True
    )
    prs = Presentation(str(tmp_path / "out" / "lecture.pptx"))
    titled, untitled = prs.slides[1], prs.slides[2]
    assert untitled.slide_layout.name == "Blank"  # the master's rule under the title is not drawn
    body = next(s for s in titled.placeholders if "one" in s.text_frame.text)
    (box,) = [s for s in body_shapes(untitled) if "three" in s.text_frame.text]
    assert box.left == body.left and box.width == body.width
    assert box.top < body.top  # where the title would be: the room is the body's
    lvl1 = box.text_frame._txBody.find(f"{qn('a:lstStyle')}/{qn('a:lvl1pPr')}")
    assert lvl1 is not None and lvl1.find(qn("a:buChar")) is not None  # the body's bullets, not a text box's
    assert "Untitled words." in box.text_frame.text
    # the slides PDF draws it in the same place: its first line as high as the deck's box starts
    bbox = subprocess.run(
        ["pdftotext", "-bbox", "-f", "3", "-l", "3", str(tmp_path / "out" / "lecture-slides.pdf"), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    page_h = float(bbox.split('<page width="')[1].split('height="')[1].split('"')[0])
    y = float(bbox.split(">Untitled<")[0].rsplit('yMin="', 1)[1].split('"')[0])
    assert abs(y / page_h - box.top / prs.slide_height) < 0.06


def test_an_internal_link_jumps_to_its_slide_in_the_deck_and_the_pdfs(tmp_path):
    from pypdf import PdfReader

    from podium.pipeline import ALL, BuildOptions
    from podium.pipeline import build as pipeline_build

    src = tmp_path / "l.md"
    src.write_text(
        "---\ntitle: L\n---\n\n## Recap {#recap}\n\n- a\n\n## Why it matters\n\nx\n\n## Later\n\n"
        "Back to the [recap](#recap), [why](#why-it-matters) and [nowhere](#nowhere).\n"
    )
    result = pipeline_build(src, BuildOptions(out_dir=tmp_path / "out"), ALL, force=True)
    warned = [(d.pos.line, d.code) for d in result.diagnostics.items if d.severity == "warning"]
    assert warned == [(15, "internal-link")]
    prs = Presentation(str(tmp_path / "out" / "l.pptx"))
    later = prs.slides[3]
    jumps = [h for h in later.element.iter(f"{A}hlinkClick") if h.get("action") == "ppaction://hlinksldjump"]
    targets = [later.part.related_part(h.get(f"{R}id")) for h in jumps]
    assert targets == [prs.slides[1].part, prs.slides[2].part]
    for pdf in ("l-handout.pdf", "l-slides.pdf"):
        reader = PdfReader(str(tmp_path / "out" / pdf))
        page = next(p for p in reader.pages if "Back to the" in (p.extract_text() or ""))  # (the drawing)
        dests = [
            a.get_object().get("/Dest")
            for a in page.get("/Annots") or []
            if a.get_object().get("/Subtype") == "/Link"
        ]
        assert "slide-2" in dests and "slide-3" in dests, (pdf, dests)


def test_a_link_to_a_heading_inside_a_slide_goes_to_that_slide(tmp_path):
    prs, diags = deck(
        tmp_path,
        "---\ntitle: L\n---\n\n## Recap\n\n### Key terms {#terms}\n\nx\n\n### Open questions\n\ny\n\n"
        "## Later\n\nSee [terms](#terms) and [questions](#open-questions).\n",
    )
    later = prs.slides[2]
    jumps = [h for h in later.element.iter(f"{A}hlinkClick") if h.get("action") == "ppaction://hlinksldjump"]
    assert [later.part.related_part(h.get(f"{R}id")) for h in jumps] == [prs.slides[1].part] * 2
    assert not [d for d in diags.items if d.code == "internal-link"]


def test_internal_links_as_other_tools_write_them(tmp_path):
    prs, diags = deck(
        tmp_path,
        "---\ntitle: L\n---\n\n## Intro {#slide-intro}\n\n::: {#box}\nboxed\n:::\n\n## Twice\n\nx\n\n## Twice\n\ny\n\n"
        "## Links\n\n[a](#slide-intro) [b](#twice-1) [c](#box) [d](#3) [e](#/1) [f](#fig-map) [g](#slide-9)\n",
    )
    slides = list(prs.slides)
    links = slides[4]
    jumps = [h for h in links.element.iter(f"{A}hlinkClick") if h.get("action") == "ppaction://hlinksldjump"]
    assert [links.part.related_part(h.get(f"{R}id")) for h in jumps] == [
        slides[1].part,  # #slide-intro: the heading's own id, not a slide number
        slides[3].part,  # #twice-1: pandoc's id of the second "Twice"
        slides[1].part,  # #box: a div's id
        slides[2].part,  # #3: Marp's third slide
        slides[1].part,  # #/1: reveal.js's second
    ]
    warned = [d.message for d in diags.items if d.code == "internal-link"]
    assert len(warned) == 1 and "#slide-9" in warned[0]  # (not #fig-map: a Quarto label, silently text)


def test_an_items_second_paragraph_is_drawn_at_the_items_size_under_its_words(tmp_path):
    """A list item's second paragraph (under the item, no bullet) is as large as the item's words and
    starts where they start, as the handout's drawings show it, not at the next level's smaller size."""
    src = write_md(
        tmp_path,
        """
        ---
        title: Para
        ---

        ## Items

        - First item, its first paragraph.

          Its second paragraph, still the first item.

        - Second item.
        """,
    )
    path, _ = build(src, tmp_path / "out")
    prs = Presentation(str(path))
    body = prs.slides[1].placeholders[1]
    first, second = body.text_frame.paragraphs[:2]
    master = prs.slide_master._element
    item_sz = int(master.xpath("./p:txStyles/p:bodyStyle/a:lvl1pPr/a:defRPr/@sz")[0])
    assert second.text.startswith("Its second paragraph")
    assert [r.font.size.pt for r in second.runs] == [item_sz / 100]
    lvl1 = master.xpath("./p:txStyles/p:bodyStyle/a:lvl1pPr/@marL")
    assert second._p.pPr.get("marL") == lvl1[0]
