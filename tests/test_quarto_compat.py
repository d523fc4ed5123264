"""What real pandoc, Quarto and reveal.js decks write, read as their authors meant it (found by
building the corpus decks and looking at every slide): spans around formatted text, Markdown in
the front matter, ``date: today``, inline executable code, a picture named in another letter case,
a heading that opens a ``---`` slide, and a caption layout drawn as the deck places it."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from PIL import Image
from pptx import Presentation
from pptx.enum.shapes import PP_PLACEHOLDER

from podium import model as m
from podium.diagnostics import Diagnostics
from podium.pipeline import ALL, BuildOptions, build_slides, build_slides_pdf, prepare
from podium.pipeline import build as pipeline_build
from podium.reader import parse_lecture

from .conftest import build_all, deck_of, run_cli, write_md


def _parse(text: str, name: str = "t.md"):
    diags = Diagnostics()
    return parse_lecture(text, name, diags), [d.format() for d in diags.items]


def _first_bullets(lecture) -> list[m.Inlines]:
    (items,) = [b for b in lecture.slides[-1].body if isinstance(b, m.BulletList)]
    return [item.blocks[0].content for item in items.items]


def test_a_span_around_formatted_text_is_a_span_of_that_text():
    lecture, messages = _parse(
        "## S\n\n- [**Origine**]{.blue2} : the source\n- [_it_ and `code`]{.x} after\n- [plain]{.orange}\n"
    )
    first, second, third = _first_bullets(lecture)
    assert first == (m.Span((m.Strong((m.Text("Origine"),)),), ("blue2",)), m.Text(" : the source"))
    assert second == (
        m.Span((m.Emph((m.Text("it"),)), m.Text(" and "), m.Code("code")), ("x",)),
        m.Text(" after"),
    )
    assert third == (m.Span((m.Text("plain"),), ("orange",)),)
    assert messages == []


def test_brackets_that_close_no_span_stay_text():
    lecture, _ = _parse("## S\n\n- a [**b**] c\n- [x **y** z\n")
    first, second = _first_bullets(lecture)
    assert m.plain_text(first) == "a [b] c" and not any(isinstance(x, m.Span) for x in first)
    assert m.plain_text(second) == "[x y z"


def test_front_matter_text_is_read_as_markdown():
    lecture, _ = _parse(
        "---\ntitle: '**[Part 1: Git]{.orange}**'\nsubtitle: A _short_ course\n"
        "author:\n  - '[Romain Avouac](https://github.com/avouacr), Insee'\n---\n\n## S\n\nx\n"
    )
    meta = lecture.meta
    assert (meta.title, meta.subtitle, meta.authors[0].name) == (
        "Part 1: Git",
        "A short course",
        "Romain Avouac, Insee",
    )


def test_date_today_is_the_build_date_and_honours_source_date_epoch(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    lecture, _ = _parse("---\ntitle: T\ndate: today\n---\n\n## S\n\nx\n")
    assert lecture.meta.date == "2023-11-14"
    lecture, _ = _parse("---\ntitle: T\ndate: 3 March\n---\n\n## S\n\nx\n")
    assert lecture.meta.date == "3 March"


def test_inline_code_to_execute_is_left_out_with_one_warning_at_its_line():
    lecture, messages = _parse(
        "---\ntitle: T\n---\n\n## Fit `r hexes('parsnip')`\n\n- a `{python} 1 + 1` b\n- kept `code`\n",
        "t.qmd",
    )
    slide = lecture.slides[-1]
    assert m.plain_text(slide.title).strip() == "Fit"
    first, second = _first_bullets(lecture)
    assert m.plain_text(first) == "a b" and m.Code("code") in second  # one space where the code was
    assert messages == [
        "t.qmd:5: warning: inline code `r hexes('parsnip')` is left out: Podium runs no code, so its value "
        "is unknown (and 1 more inline code expression); write the value itself [inline-code]"
    ]
    # in a plain Markdown file `r x` is ordinary code
    lecture, messages = _parse("## S\n\n- `r x`\n")
    assert _first_bullets(lecture)[0] == (m.Code("r x"),) and messages == []


def test_a_heading_that_opens_a_slide_after_a_rule_is_its_title():
    lecture, _ = _parse("# Chapter\n\nIntro text\n\n---\n\n## First\n\n- a\n\n---\n\n### Second\n\n- b\n")
    titles = [m.plain_text(s.title) for s in lecture.slides]
    assert titles == ["Chapter", "First", "Second"]
    assert all(not isinstance(b, m.Heading) for s in lecture.slides for b in s.body)


def test_a_heading_inside_a_titled_slide_stays_a_subhead():
    lecture, _ = _parse("## Slide\n\nIntro\n\n### Sub\n\n- a\n")
    assert [m.plain_text(s.title) for s in lecture.slides] == ["Slide"]
    assert any(isinstance(b, m.Heading) for b in lecture.slides[0].body)


def _png(path: Path, colour: str, size=(400, 300)) -> None:
    Image.new("RGB", size, colour).save(path)


def test_a_picture_named_in_another_letter_case_is_used_with_a_warning(tmp_path):
    (tmp_path / "img").mkdir()
    _png(tmp_path / "img" / "hadley.PNG", "red")
    src = write_md(tmp_path, "## S\n\n![Hadley](img/hadley.png)\n")
    diags = Diagnostics()
    deck = build_slides(src, BuildOptions(out_dir=tmp_path / "out"), diags)
    messages = [d.format() for d in diags.items]
    assert any(
        "picture 'img/hadley.png' is 'hadley.PNG' on disk" in x
        and "(write 'img/hadley.PNG') [name-case]" in x
        for x in messages
    ), messages
    assert [s.shape_type for s in Presentation(str(deck)).slides[0].shapes if s.shape_type == 13]  # a picture


def test_the_slides_pdf_draws_a_caption_layout_with_its_picture_beside_the_text(tmp_path):
    """Text then a picture: the deck puts the text in the caption box and the picture beside it; the
    slides PDF did draw everything in one box, where the picture fell below the slide's edge."""
    _png(tmp_path / "green.png", "#00C000", (600, 600))
    bullets = "\n".join(f"- Point {k} with a few words of text" for k in range(7))
    src = write_md(
        tmp_path, f"---\ntitle: T\n---\n\n## Beside\n\n{bullets}\n\n![](green.png){{fig-alt='green'}}\n"
    )
    diags = Diagnostics()
    prep = prepare(src, BuildOptions(out_dir=tmp_path / "out"), diags)
    assert prep.plans[-1].kind == "caption"
    pdf = build_slides_pdf(src, BuildOptions(out_dir=tmp_path / "out"), diags)
    doc = pdfium.PdfDocument(str(pdf))
    try:
        image = doc[len(doc) - 1].render(scale=1).to_pil().convert("RGB")
    finally:
        doc.close()
    w, h = image.size
    green = [(x, y) for x in range(0, w, 4) for y in range(0, h, 4) if image.getpixel((x, y)) == (0, 192, 0)]
    assert len(green) > 200, "the picture is not drawn"
    assert min(x for x, _ in green) > w * 0.4  # beside the text, on the right


def test_the_slides_pdf_draws_a_slide_with_an_equation_at_the_decks_size(tmp_path):
    # the drawing guessed its type size from a count of characters and gave text beside an equation
    # or a picture under half the box: 14 pt against the deck's 24 pt, half the slide left blank
    from .drawn import pages

    words = "Nuestro sistema de numeración es un sistema posicional en base 10, lo que quiere decir que"
    more = (
        "El valor de cada cifra es el suyo intrínseco y, también, el del lugar que ocupa en el número.\n\n"
        "En general, para cada base b hay un sistema posicional de base b y cada sistema posicional "
        "requiere de b símbolos.\n\nA nuestros efectos, nos interesa el sistema de base 2, que sólo "
        "requiere de dos símbolos, 0 y 1."
    )
    src = write_md(
        tmp_path,
        f"---\ntitle: T\n---\n\n## Sin\n\n{words}\n\n{more}\n\n## Con\n\n{words}\n\n"
        f"$$6528 = 6 \\cdot 10^3+5 \\cdot 10^2 + 2 \\cdot 10 + 8$$\n\n{more}\n",
    )
    result = run_cli("pdf", str(src), "-o", str(tmp_path / "out"))
    assert result.exit_code == 0, result.output
    drawn = pages(tmp_path / "out" / "lecture-slides.pdf")
    heights = [[w.y1 - w.y0 for w in page_words if w.text == "Nuestro"][0] for _, _, page_words in drawn[1:3]]
    assert heights[1] > 0.95 * heights[0], heights  # the same type with the equation as without


def _walk(blocks):
    for b in blocks:
        yield b
        if isinstance(b, m.BulletList):
            for item in b.items:
                yield from _walk(item.blocks)
        elif isinstance(b, (m.Div, m.Quote)):
            yield from _walk(b.blocks)


def test_an_html_list_in_a_list_with_no_item_between_is_nested_not_code():
    lecture, _ = _parse(
        "## S\n\n<ul>\n  <li>The series:\n    <ul>\n      <ol>\n        <li>One</li>\n"
        "        <li>Two</li>\n      </ol>\n    </ul>\n  </li>\n</ul>\n"
    )
    blocks = list(_walk(lecture.slides[0].body))
    assert not any(isinstance(b, m.CodeBlock) for b in blocks)
    lists = [b for b in blocks if isinstance(b, m.BulletList)]
    assert len(lists) == 2 and lists[1].ordered
    assert [m.plain_text(i.blocks[0].content) for i in lists[1].items] == ["One", "Two"]


def test_quarto_layout_puts_a_divs_blocks_side_by_side():
    lecture, messages = _parse(
        '## S\n\n::: {layout="[40,60]"}\n\n- a\n- b\n\nSome text\n\n:::\n\n'
        "::: {layout-ncol=2}\nLeft\n\nRight\n:::\n\n"
        '::: {layout="[[1,1],[1]]"}\nA\n\nB\n\nC\n:::\n'
    )
    first, second, third, last = lecture.slides[0].body
    assert [c.width for c in first.columns] == [0.4, 0.6]
    assert isinstance(first.columns[0].blocks[0], m.BulletList)
    assert [m.plain_text(c.blocks[0].content) for c in second.columns] == ["Left", "Right"]
    # filled row by row, as Quarto fills them: A and B side by side, then C alone under them
    assert [[m.plain_text(b.content) for b in c.blocks] for c in third.columns] == [["A"], ["B"]]
    assert m.plain_text(last.content) == "C"
    assert messages == []


def test_a_layout_grid_is_filled_row_by_row_and_a_short_last_row_keeps_its_columns():
    lecture, _ = _parse(
        "## S\n\n::: {layout-ncol=2}\nA\n\nB\n\nC\n:::\n\n::: {layout-nrow=2}\nD\n\nE\n\nF\n\nG\n:::\n"
    )
    rows = lecture.slides[0].body
    text = [[" ".join(m.plain_text(b.content) for b in c.blocks) for c in row.columns] for row in rows]
    assert text == [["A", "B"], ["C", ""], ["D", "E"], ["F", "G"]]
    assert [c.width for c in rows[1].columns] == [0.5, 0.5]


def test_a_layout_that_is_no_row_of_widths_is_shown_as_written_with_a_warning():
    lecture, messages = _parse('## S\n\n::: {layout="wide"}\nA\n:::\n')
    assert isinstance(lecture.slides[0].body[0], m.Div)
    assert messages == [
        't.md:3: warning: layout \'wide\' is not rows of widths (e.g. layout="[[1,1],[1]]", layout="[40,60]" '
        "or layout-ncol=2); its blocks are shown one after another [layout]"
    ]


def test_slide_backgrounds_are_shown_on_the_slide_with_a_warning(tmp_path):
    _png(tmp_path / "pic.png", "purple")
    src = write_md(
        tmp_path,
        "---\ntitle: T\n---\n\n"
        '## {background-iframe="https://www.tidymodels.org/find/parsnip/"}\n\n'
        '## Picture {background-image="pic.png"}\n\n- words\n',
        "l.qmd",
    )
    diags = Diagnostics()
    deck = build_slides(src, BuildOptions(out_dir=tmp_path / "out"), diags)
    messages = [d.format() for d in diags.items if d.code == "background"]
    assert len(messages) == 2 and "l.qmd:5:" in messages[0] and "l.qmd:7:" in messages[1], messages
    slides = list(Presentation(str(deck)).slides)
    assert "https://www.tidymodels.org/find/parsnip/" in " ".join(
        sh.text_frame.text for sh in slides[1].shapes if sh.has_text_frame
    )
    assert any(sh.shape_type == 13 for sh in slides[2].shapes)  # the picture


def test_pandocs_spelling_of_slide_backgrounds_is_read_as_quartos(tmp_path):
    # pandoc's reveal.js writer reads `data-background-image` (and `data-background`) on a heading: they
    # were dropped without a word, and a slide of only a background web page vanished
    _png(tmp_path / "pic.png", "purple")
    src = write_md(
        tmp_path,
        "---\ntitle: T\n---\n\n"
        '## {data-background-iframe="https://pandoc.org/MANUAL.html"}\n\n'
        '## Picture {data-background-image="pic.png"}\n\n- words\n\n'
        '## Plain {data-background="pic.png"}\n\n- more\n\n## Colour {data-background="#264653"}\n\n- last\n',
    )
    diags = Diagnostics()
    deck = build_slides(src, BuildOptions(out_dir=tmp_path / "out"), diags)
    lines = [d.pos.line for d in diags.items if d.code == "background"]
    assert lines == [5, 7, 11, 15], [d.format() for d in diags.items]
    slides = list(Presentation(str(deck)).slides)
    assert len(slides) == 5
    assert "https://pandoc.org/MANUAL.html" in " ".join(
        sh.text_frame.text for sh in slides[1].shapes if sh.has_text_frame
    )
    assert [any(sh.shape_type == 13 for sh in s.shapes) for s in slides[2:]] == [True, True, False]


def test_a_video_or_web_page_written_as_a_picture_is_named_for_what_it_is():
    lecture, messages = _parse("## S\n\n![](clip.mp4)\n\n![](demo/index.html?x=1)\n\n![](gone.png)\n")
    assert [x.split(": warning: ")[1] for x in messages] == [
        "video 'clip.mp4' cannot be shown in a deck or a PDF; a box with its name stands in its place "
        "(a still picture, or a link, can stand for it) [media]",
        "web page 'demo/index.html?x=1' cannot be shown in a deck or a PDF; a box with its name stands in "
        "its place (a still picture, or a link, can stand for it) [media]",
        "picture 'gone.png' not found (searched ./) [missing-image]",  # and no alt-text warning beside it
    ]


def test_a_video_shortcode_becomes_a_link_to_the_video():
    lecture, messages = _parse("## S\n\n{{< video https://www.youtube.com/embed/xyz >}}\n", "t.qmd")
    (para,) = lecture.slides[0].body
    assert m.plain_text(para.content) == "https://www.youtube.com/embed/xyz"
    assert any(isinstance(x, m.Link) for x in para.content)
    assert messages == [
        "t.qmd:3: warning: the video 'https://www.youtube.com/embed/xyz' cannot be played in a deck or a PDF; "
        "a link to it stands in its place [media]"
    ]


def test_underline_and_small_caps_spans_are_drawn_so_in_the_deck(tmp_path):
    src = write_md(tmp_path, "## S\n\n- the [model]{.underline} and the [engine]{.smallcaps} matter\n")
    deck = build_slides(src, BuildOptions(out_dir=tmp_path / "out"), Diagnostics())
    runs = {
        r.text: r._r.find("{http://schemas.openxmlformats.org/drawingml/2006/main}rPr")
        for sh in Presentation(str(deck)).slides[-1].shapes
        if sh.has_text_frame
        for p in sh.text_frame.paragraphs
        for r in p.runs
    }
    assert runs["model"].get("u") == "sng" and runs["engine"].get("cap") == "small"
    assert runs[" and the "].get("u") is None


def test_a_line_break_tag_is_a_line_break_and_no_raw_html_warning():
    lecture, messages = _parse("## S\n\nOne<br>two <br/> three\n")
    (para,) = lecture.slides[0].body
    assert [type(x).__name__ for x in para.content] == ["Text", "LineBreak", "Text", "LineBreak", "Text"]
    assert messages == []


def test_the_box_standing_for_a_video_says_it_is_a_video_in_every_output(tmp_path):
    src = write_md(tmp_path, "---\ntitle: T\n---\n\n## Demo\n\n![](clip.mp4)\n")
    out = tmp_path / "out"
    result = pipeline_build(src, BuildOptions(out_dir=out), ALL, check=True, force=True)
    assert result.status == "built", [d.format() for d in result.diagnostics.items]
    texts = [
        sh.text_frame.text
        for sh in Presentation(str(out / "lecture.pptx")).slides[-1].shapes
        if sh.has_text_frame
    ]
    assert "[video: clip.mp4]" in texts
    for pdf in ("lecture-slides.pdf", "lecture-handout.pdf"):
        text = subprocess.run(
            ["pdftotext", str(out / pdf), "-"], capture_output=True, text=True, check=True
        ).stdout
        assert "video: clip.mp4" in text and "missing picture" not in text, pdf


EMOJI = """---
title: Git
from: markdown+emoji
---

## :one: Archiver son code

- :rocket: vite, et `:one:` en code reste tel quel
- une heure, 10:30:45, reste une heure
"""


def test_emoji_shortcodes_are_emoji_where_the_front_matter_turns_them_on(tmp_path):
    src = write_md(tmp_path, EMOJI)
    result = pipeline_build(src, BuildOptions(out_dir=tmp_path / "out"), ALL, check=True)
    assert result.ok, [d.format() for d in result.diagnostics.items]
    deck = Presentation(str(tmp_path / "out" / "lecture.pptx"))
    texts = [sh.text_frame.text for sh in deck.slides[1].shapes if sh.has_text_frame]
    assert "1\ufe0f\u20e3 Archiver son code" in texts
    body = next(t for t in texts if "vite" in t)
    assert "\U0001f680 vite" in body and "`:one:`" not in body and ":one: en code" in body
    assert "10:30:45" in body
    handout = subprocess.run(
        ["pdftotext", str(tmp_path / "out" / "lecture-handout.pdf"), "-"], capture_output=True, text=True
    ).stdout
    assert "\U0001f680 vite" in handout and ":rocket:" not in handout
    assert "front matter keys Podium does not use" not in " ".join(
        d.format() for d in result.diagnostics.items
    )


@pytest.mark.parametrize(
    "front, on",
    [
        ("from: markdown+emoji", True),
        ("from: gfm", True),
        ("from: gfm-emoji", False),
        ("from: markdown", False),
        ("format:\n  revealjs:\n    from: markdown+emoji", True),
        ("", False),
    ],
)
def test_shortcodes_stay_as_written_unless_pandocs_emoji_extension_is_on(front, on):
    lecture, _ = _parse(f"---\ntitle: T\n{front}\n---\n\n## S\n\n- :rocket: away\n")
    (text,) = _first_bullets(lecture)[0]
    assert text.text == ("\U0001f680 away" if on else ":rocket: away")


CELLS = """---
title: Plots
knitr:
  opts_chunk:
    fig.path: "figures/"
---

## Rates

```{r plot-rates}
#| echo: false
#| fig-alt: "Rates by year"
plot_rates
```

## Workflow

```{r good-workflow, echo = FALSE}
knitr::include_graphics("images/good_workflow.png")
```

## Quarto folder

```{r}
#| label: fit
#| echo: false
plot(fit)
```

## Hidden

```{r hidden-plot}
#| include: false
plot(x)
```
"""


def test_a_cells_plots_from_an_earlier_render_and_included_graphics_are_shown(tmp_path):
    for rel in (
        "figures/plot-rates-1.png",
        "images/good_workflow.png",
        "lecture_files/figure-revealjs/fit-1.png",
        "lecture_files/figure-revealjs/fit-2.png",
        "figures/hidden-plot-1.png",
    ):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        Image.new("RGB", (320, 200), "teal").save(tmp_path / rel)
    src = write_md(tmp_path, CELLS, name="lecture.qmd")
    diags = Diagnostics()
    lecture = prepare(src, BuildOptions(out_dir=tmp_path / "out"), diags).lecture
    shown = {m.plain_text(s.title): [b.src for b in s.body if isinstance(b, m.Image)] for s in lecture.slides}
    assert shown["Rates"] == ["figures/plot-rates-1.png"]
    assert shown["Workflow"] == ["images/good_workflow.png"]
    assert shown["Quarto folder"] == [
        "lecture_files/figure-revealjs/fit-1.png",
        "lecture_files/figure-revealjs/fit-2.png",
    ]
    assert shown["Hidden"] == []
    rates = next(b for s in lecture.slides for b in s.body if isinstance(b, m.Image) and "rates" in b.src)
    assert rates.alt == "Rates by year" and rates.path is not None
    assert any("earlier render" in d.message for d in diags.items if d.code == "code-cell")
    deck = Presentation(str(build_slides(src, BuildOptions(out_dir=tmp_path / "out"), Diagnostics())))
    pictures = [sh for s in deck.slides for sh in s.shapes if sh.shape_type == 13]
    assert len(pictures) == 4


def test_a_cell_whose_plot_was_never_rendered_shows_nothing_and_says_why(tmp_path):
    src = write_md(tmp_path, CELLS, name="lecture.qmd")
    diags = Diagnostics()
    lecture = prepare(src, BuildOptions(out_dir=tmp_path / "out"), diags).lecture
    assert not [b for s in lecture.slides for b in s.body if isinstance(b, m.Image) and "rates" in b.src]
    missing = [d for d in diags.items if d.code == "missing-image"]
    assert [d.pos.line for d in missing] == [19]  # the include_graphics file, at its call


HTML_LINKS = """---
title: Links
---

## Start here

Slides: <a href="https://go.ncsu.edu/intro-to-prog-py" target="_blank">go.ncsu.edu/intro-to-prog-py</a>

<p>Write to <a href="mailto:help@example.org">the help desk</a>, not <a href="javascript:alert(1)">here</a>.</p>

<img src="logo.png" alt="Colab logo" width="20%">
"""


def test_html_links_are_links_and_html_alt_text_is_no_caption(tmp_path):
    Image.new("RGB", (200, 80), "orange").save(tmp_path / "logo.png")
    src = write_md(tmp_path, HTML_LINKS)
    result = pipeline_build(src, BuildOptions(out_dir=tmp_path / "out"), ALL, check=True)
    assert result.ok, [d.format() for d in result.diagnostics.items]
    assert [d.code for d in result.diagnostics.items if d.code == "unsafe-link"] == ["unsafe-link"]
    slide = Presentation(str(tmp_path / "out" / "lecture.pptx")).slides[1]
    links = {
        r.text: r.hyperlink.address
        for sh in slide.shapes
        if sh.has_text_frame
        for p in sh.text_frame.paragraphs
        for r in p.runs
        if r.hyperlink.address
    }
    assert links == {
        "go.ncsu.edu/intro-to-prog-py": "https://go.ncsu.edu/intro-to-prog-py",
        "the help desk": "mailto:help@example.org",
    }
    texts = " ".join(sh.text_frame.text for sh in slide.shapes if sh.has_text_frame)
    assert "Colab logo" not in texts and "here" in texts
    (picture,) = [sh for sh in slide.shapes if sh.shape_type == 13]
    assert picture._element.nvPicPr.cNvPr.get("descr") == "Colab logo"
    from pypdf import PdfReader

    uris = {
        a.get_object()["/A"].get("/URI")
        for page in PdfReader(tmp_path / "out" / "lecture-handout.pdf").pages
        for a in page.get("/Annots", [])
        if a.get_object().get("/A")
    }
    assert {"https://go.ncsu.edu/intro-to-prog-py", "mailto:help@example.org"} <= uris


def test_an_absolute_picture_without_a_readable_side_stays_in_the_flow_with_a_warning():
    lecture, messages = _parse('## S\n\n![](flag.jpg){.absolute top="auto" width="150"}\n\nText\n')
    assert any("[position]" in msg and ".absolute" in msg for msg in messages)
    (picture,) = [b for b in lecture.slides[-1].body if isinstance(b, m.Image)]
    assert picture.place is None
    lecture, _ = _parse('## S\n\n![](flag.jpg){.absolute bottom="10%" left=0 width="150"}\n\nText\n')
    (picture,) = [b for b in lecture.slides[-1].body if isinstance(b, m.Image)]
    assert picture.place == m.Placement(left=0.0, bottom=0.1, width=150 / 1050)


def test_a_fig_path_outside_the_lecture_is_not_looked_in(tmp_path):
    outside = tmp_path / "secret"
    outside.mkdir()
    Image.new("RGB", (20, 20), "red").save(outside / "p-1.png")
    lecture_dir = tmp_path / "lecture"
    lecture_dir.mkdir()
    src = write_md(
        lecture_dir,
        '---\ntitle: T\nknitr:\n  opts_chunk:\n    fig.path: "../secret/"\n---\n\n## S\n\n```{r p}\n#| echo: false\nplot(1)\n```\n',
        name="lecture.qmd",
    )
    diags = Diagnostics()
    lecture = prepare(src, BuildOptions(out_dir=tmp_path / "out"), diags).lecture
    assert not [b for s in lecture.slides for b in s.body if isinstance(b, m.Image)]
    assert not [d for d in diags.items if "secret" in d.message]


@pytest.mark.parametrize(
    "source, words",
    [
        (
            '<p>Licensed under <a href="https://creativecommons.org/licenses/by-sa/4.0/">\n'
            '<img alt="Creative Commons License" src="cc.png" /></a></p>\n',
            "Creative Commons License",
        ),
        ("See [![Logo](logo.png){width=30%}](https://example.org) here\n", "Logo"),
    ],
)
def test_a_picture_inside_a_link_is_its_words_and_no_attribute_shows(source, words):
    lecture, _ = _parse("## S\n\n" + source)
    (para,) = lecture.slides[-1].body
    (link,) = [x for x in para.content if isinstance(x, m.Link)]
    assert m.plain_text(link.children).strip() == words
    assert "{" not in m.plain_text(para.content) and "fig-alt" not in m.plain_text(para.content)


def test_a_link_around_blocks_keeps_their_words_and_prints_no_tag():
    lecture, _ = _parse(
        '## S\n\n<a href="https://go.ncsu.edu/x"><div class="card"><h3>Workshop</h3><p>Register</p></div></a>\n\n'
        'A <a href="https://e.org">link <abbr>HTML</abbr> here</a>.\n'
    )
    text = " ".join(m.plain_text(b.content) for b in lecture.slides[-1].body if isinstance(b, m.Paragraph))
    assert "<a" not in text and "Workshop" in text and "Register" in text
    last = lecture.slides[-1].body[-1]
    assert [x for x in last.content if isinstance(x, m.Link)][0].url == "https://e.org"


def test_knitr_options_in_braces_keep_a_quoted_caption_whole():
    from podium.quarto import cell_code

    _, options = cell_code("plot(x)", '{r rates, fig.cap="Rates by year, 1990-2020", echo=FALSE}')
    assert options["fig.cap"] == "Rates by year, 1990-2020"


def test_the_front_matter_keys_podium_reads_get_no_unused_note():
    _, messages = _parse(
        "---\ntitle: T\nformat:\n  revealjs:\n    from: markdown+emoji\nknitr:\n  opts_chunk:\n    fig.path: f/\n---\n\n## S\n\nx\n"
    )
    assert not [msg for msg in messages if "unused-key" in msg]


def test_a_tabsets_tabs_are_kept_whole_each_with_its_heading():
    from podium.reader import parse_lecture

    lec = parse_lecture(
        "## Diagnostics\n\n::: {.panel-tabset}\n### Residuals\n\ntext one\n\n### Leverage\n\n- a\n- b\n:::\n",
        "l.qmd",
        Diagnostics(),
    )
    tabs = lec.slides[0].body
    assert [type(t).__name__ for t in tabs] == ["Div", "Div"]  # each a kept whole when a slide continues
    assert [m.plain_text(t.blocks[0].content) for t in tabs] == ["Residuals", "Leverage"]
    assert isinstance(tabs[1].blocks[1], m.BulletList)


def test_a_nonincremental_slide_shows_its_lists_at_once_under_incremental_true(tmp_path):
    src = tmp_path / "ni.md"
    src.write_text(
        "---\ntitle: T\nincremental: true\n---\n\n## Objectives {.nonincremental}\n\n- a\n- b\n\n"
        "## Div\n\n::: nonincremental\n- c\n- d\n:::\n\n## Plain\n\n- e\n- f\n"
    )
    deck = build_slides(src, BuildOptions(out_dir=tmp_path / "out"), Diagnostics())
    animated = {}
    for s in list(Presentation(str(deck)).slides)[1:]:
        timing = s._element.find("{http://schemas.openxmlformats.org/presentationml/2006/main}timing")
        animated[s.shapes.title.text] = timing is not None and len(timing) > 0
    assert animated == {"Objectives": False, "Div": False, "Plain": True}


def test_reveal_js_markdown_notes_and_vertical_slides(tmp_path):
    src = tmp_path / "rv.md"
    src.write_text(
        "# Compilers 101\n\n---\n\n## One\n\ntext one\n\nNote: secret speaker note\nmore note\n\n---\n\n"
        "## Two\n\ntext two\n\n--\n\n## Two, below\n\nvertical\n\nNote:\nnotes on lines\n"
    )
    deck = build_slides(src, BuildOptions(out_dir=tmp_path / "out"), Diagnostics())
    seen = {}
    for s in Presentation(str(deck)).slides:
        body = [
            sh.text_frame.text
            for sh in s.shapes
            if sh.has_text_frame and sh.is_placeholder and sh.placeholder_format.idx == 1
        ]
        seen[s.shapes.title.text] = (body, s.notes_slide.notes_text_frame.text if s.has_notes_slide else "")
    assert seen["One"] == (["text one"], "secret speaker note more note")
    assert seen["Two"] == (["text two"], "")
    assert seen["Two, below"] == (["vertical"], "notes on lines")
    from podium.reader import read_lecture

    assert (
        read_lecture(src, Diagnostics()).meta.title == "Compilers 101"
    )  # no front matter: its first heading


def test_reveal_md_comment_separators_cut_slides_and_alt_text_is_no_caption(tmp_path):
    _png(tmp_path / "curve.png", "#3366cc")
    src = tmp_path / "lesson.md"
    src.write_text(
        "# Lesson\n\n<!-- > -->\n\n## Learning Objectives\n\n- one\n- two\n\n<!-- > -->\n\n"
        "## Learning Curve\n\n![RC](curve.png)\n\nNote: talk about the curve\n\n<!-- v -->\n\n### Event Streams\n\nMore.\n"
    )
    diags = Diagnostics()
    deck = Presentation(str(build_slides(src, BuildOptions(out_dir=tmp_path / "out"), diags)))
    titles = [s.shapes.title.text for s in deck.slides if s.shapes.title is not None]
    assert titles == ["Lesson", "Learning Objectives", "Learning Curve", "Event Streams"]
    curve = deck.slides[2]
    words = " ".join(sh.text_frame.text for sh in curve.shapes if sh.has_text_frame)
    assert "RC" not in words.replace("Curve", "")  # (no caption: reveal.js never shows the alt text)
    (picture,) = [sh for sh in curve.shapes if sh.shape_type == 13]
    assert picture._element.xpath("./p:nvPicPr/p:cNvPr/@descr") == ["RC"]  # (it is the alt text)
    assert curve.notes_slide.notes_text_frame.text == "talk about the curve"


def test_a_slide_comment_before_a_heading_belongs_to_the_slide_that_heading_opens(tmp_path):
    _png(tmp_path / "bg.png", "#3366cc")
    src = tmp_path / "contracts.md"
    src.write_text(
        '<!-- .slide: data-background="bg.png" class="header" -->\n# More Ways to Write Contracts\n\n---\n\n'
        '<!-- .slide: data-background="bg.png" -->\n## Agenda\n\n- one\n\n---\n\n## Next\n\n- two\n'
    )
    diags = Diagnostics()
    deck = Presentation(str(build_slides(src, BuildOptions(out_dir=tmp_path / "out"), diags)))
    titles = [s.shapes.title.text if s.shapes.title is not None else "" for s in deck.slides]
    assert titles == ["More Ways to Write Contracts", "Agenda", "Next"]
    # (the section slide's picture is shown on it, as on any slide's: said, never a slide of its own)
    assert [sum(sh.shape_type == 13 for sh in s.shapes) for s in deck.slides] == [1, 1, 0]
    assert [d.pos.line for d in diags.items if d.code == "background" and d.pos] == [1, 6]


def test_a_note_line_in_a_lecture_with_front_matter_stays_on_the_slide(tmp_path):
    src = tmp_path / "fm.md"
    src.write_text("---\ntitle: T\n---\n\n## One\n\nNote: bring a calculator\n\n---\n\n## Two\n\nx\n")
    deck = build_slides(src, BuildOptions(out_dir=tmp_path / "out"), Diagnostics())
    texts = [
        sh.text_frame.text for s in Presentation(str(deck)).slides for sh in s.shapes if sh.has_text_frame
    ]
    assert "Note: bring a calculator" in texts


def test_notes_inside_a_column_or_a_list_are_speaker_notes_never_on_the_slide(tmp_path):
    src = tmp_path / "cn.md"
    src.write_text(
        '---\ntitle: T\n---\n\n## Columns\n\n:::: columns\n::: {.column width="50%"}\nLeft\n\n'
        '::: {.notes}\nPrivate remark\n:::\n:::\n::: {.column width="50%"}\nRight\n:::\n::::\n\n'
        "## List\n\n- item\n\n  ::: notes\n  In the list\n  :::\n"
    )
    diags = Diagnostics()
    deck = build_slides(src, BuildOptions(out_dir=tmp_path / "out"), diags)
    slides = list(Presentation(str(deck)).slides)[1:]
    shown = " ".join(sh.text_frame.text for s in slides for sh in s.shapes if sh.has_text_frame)
    assert "Private remark" not in shown and "In the list" not in shown
    assert [s.notes_slide.notes_text_frame.text for s in slides] == ["Private remark", "In the list"]
    assert [d for d in diags.items if d.code.startswith("nested")] == []


def test_meta_and_var_shortcodes_are_the_values_they_name(tmp_path):
    (tmp_path / "_variables.yml").write_text('course_code: "HS-101"\nterm:\n  name: Spring 2027\n')
    src = tmp_path / "lec.md"
    src.write_text(
        "---\ntitle: Human Security\nauthor:\n  - name: Ana Ruiz\n  - name: Bo Li\n---\n\n## Who\n\n"
        "{{< meta title >}} by {{< meta author >}}, {{< var course_code >}} ({{< var term.name >}}).\n\n"
        "Missing: {{< var nope >}} {{< env HOME >}}.\n"
    )
    prs, diags = deck_of(src, tmp_path / "out")
    words = [sh.text_frame.text for sh in prs.slides[-1].shapes if sh.has_text_frame]
    assert any(w.startswith("Human Security by Ana Ruiz, Bo Li, HS-101 (Spring 2027).") for w in words), words
    said = [(d.pos.line, d.message) for d in diags.items if d.code == "shortcode"]
    assert [line for line, _ in said] == [12, 12]
    assert "nope" in said[0][1] and "env" in said[1][1]
    assert not any(str(Path.home()) in w for w in words)  # no environment variable reaches a slide


def test_an_embedded_web_page_or_video_is_a_link_on_the_slide_with_a_warning(tmp_path):
    src = tmp_path / "lec.md"
    src.write_text(
        "---\ntitle: T\n---\n\n## Clip\n\n"
        '<iframe src="https://www.youtube.com/embed/abc" title="The clip" width="560"></iframe>\n\n'
        '<video controls>\n<source src="https://example.org/demo.mp4" type="video/mp4">\n</video>\n\n'
        "Words after.\n"
    )
    prs, diags = deck_of(src, tmp_path / "out")
    runs = [
        r
        for sh in prs.slides[-1].shapes
        if sh.has_text_frame
        for p in sh.text_frame.paragraphs
        for r in p.runs
    ]
    links = {r.text: r.hyperlink.address for r in runs if r.hyperlink.address}
    assert links == {
        "The clip": "https://www.youtube.com/embed/abc",
        "https://example.org/demo.mp4": "https://example.org/demo.mp4",
    }
    assert "Words after." in [r.text for r in runs]
    media = [d for d in diags.items if d.code == "media"]
    assert [d.pos.line for d in media] == [7, 9]
    assert not [d for d in diags.items if d.code == "raw-html"]


def test_a_callout_with_an_equation_is_one_box_around_all_its_parts(tmp_path):
    src = tmp_path / "lec.md"
    src.write_text(
        "---\ntitle: T\n---\n\n## Result\n\n::: {.callout-note}\n## Key result\nThe estimator is\n"
        "$$\\hat\\beta = (X'X)^{-1}X'y$$\nwhich is unbiased.\n:::\n"
    )
    prs, _ = deck_of(src, tmp_path / "out")
    shapes = list(prs.slides[-1].shapes)
    (ground,) = [sh for sh in shapes if sh.name == "Callout ground"]
    (rule,) = [sh for sh in shapes if sh.name == "Callout rule"]
    texts = [sh for sh in shapes if sh.name == "Callout"]
    assert [sh.text_frame.text for sh in texts] == ["Key result\nThe estimator is", "which is unbiased."]
    (pic,) = prs.slides[-1]._element.xpath('.//p:pic[.//p:cNvPr[contains(@descr, "hat")]]')
    y, h = int(pic.xpath(".//a:off/@y")[0]), int(pic.xpath(".//a:ext/@cy")[0])  # the equation's fallback
    assert ground.top <= min(sh.top for sh in texts) and ground.top <= y
    assert ground.top + ground.height >= max([sh.top + sh.height for sh in texts] + [y + h])
    assert texts[0].top < y < texts[1].top
    assert rule.top == ground.top and rule.height == ground.height
    assert shapes.index(ground) < min(shapes.index(sh) for sh in texts)  # drawn under its parts
    assert all(sh.fill.type is None or sh.fill.type == 5 for sh in texts)  # (no fill of their own)


_P = "{http://schemas.openxmlformats.org/presentationml/2006/main}"


def _click_steps(slide) -> list:
    """The time nodes of the slide's main build sequence: one per click."""
    (main,) = slide._element.findall(f".//{_P}cTn[@nodeType='mainSeq']")
    return list(main.find(f"{_P}childTnLst"))


def _click_targets(slide) -> list[set[int]]:
    """The shape ids each click of the slide brings in."""
    return [{int(t.get("spid")) for t in click.iter(f"{_P}spTgt")} for click in _click_steps(slide)]


def _clicks(slide) -> list[list[str]]:
    """The paragraphs (their text) each click of the slide's main sequence brings in."""
    paras = {
        sh.shape_id: [pa.text for pa in sh.text_frame.paragraphs] for sh in slide.shapes if sh.has_text_frame
    }
    return [
        [
            paras[int(t.get("spid"))][int(r.get("st"))]
            for t in click.iter(f"{_P}spTgt")
            for r in t.iter(f"{_P}pRg")
        ]
        for click in _click_steps(slide)
    ]


def test_text_after_an_incremental_list_is_shown_from_the_start_and_a_pause_comes_after_the_items(tmp_path):
    src = tmp_path / "inc.qmd"
    src.write_text(
        "---\ntitle: Inc\n---\n\n## Incremental\n\nIntro\n\n::: {.incremental}\n- one\n- two\n:::\n\n"
        "After the list.\n\n. . .\n\nAfter the pause.\n"
    )
    prs, _ = deck_of(src, tmp_path / "out")
    assert _clicks(prs.slides[-1]) == [["one"], ["two"], ["After the pause."]]


def test_a_callout_title_is_markdown_with_its_math():
    lecture, messages = _parse(
        '## S\n\n::: {.callout-note title="Interpreting **the** $\\beta_1$"}\nText\n:::\n'
    )
    (box,) = lecture.slides[0].body
    (strong,) = box.blocks[0].content
    assert isinstance(strong, m.Strong)
    kinds = [type(x).__name__ for x in strong.children]
    assert "Strong" in kinds and "InlineMath" in kinds and "$" not in m.plain_text(strong.children)
    assert messages == []


def test_a_footer_names_front_matter_values_and_a_callout_box_comes_with_its_click(tmp_path):
    src = tmp_path / "ca.qmd"
    src.write_text(
        '---\ntitle: C\nsubtitle: Week 3\nformat:\n  revealjs:\n    footer: "DATA 201 — {{< meta subtitle >}}"\n'
        "---\n\n## A\n\nSome text.\n\n. . .\n\n::: {.callout-caution}\n## Careful\nWatch out.\n:::\n\n"
        "## B\n\nIntro\n\n. . .\n\n::: {.callout-note}\nThe estimator is\n$$x^2$$\nunbiased.\n:::\n"
    )
    prs, diags = deck_of(src, tmp_path / "out")
    for slide in list(prs.slides)[1:]:
        words = [sh.text_frame.text for sh in slide.shapes if sh.has_text_frame]
        assert "DATA 201 — Week 3" in words
        (shown,) = _click_targets(slide)  # one click brings the whole box
        assert {"Callout", "Callout rule"} <= {sh.name for sh in slide.shapes if sh.shape_id in shown}
    assert not [d for d in diags.items if d.code == "shortcode"]


def test_a_fig_cap_attribute_is_the_caption_and_a_key_a_shortcode_shows_is_no_unused_key(tmp_path):
    Image.new("RGB", (60, 40), (200, 30, 30)).save(tmp_path / "dna.png")
    src = tmp_path / "lec.qmd"
    src.write_text(
        "---\ntitle: X\nparams:\n  wave: 3\n---\n\n## A\n\nWave {{< meta params.wave >}}\n\n"
        '![](dna.png){fig-cap="DNA strand"}\n'
    )
    diags = Diagnostics()
    lecture = prepare(src, BuildOptions(out_dir=tmp_path / "out"), diags).lecture
    (picture,) = [b for b in lecture.slides[-1].body if isinstance(b, m.Image)]
    assert m.plain_text(picture.caption) == "DNA strand"
    assert not [d for d in diags.items if d.code in ("unused-key", "no-alt")], [
        d.format() for d in diags.items
    ]


def test_cross_references_are_numbered_as_quarto_numbers_them(tmp_path):
    Image.new("RGB", (60, 40), (200, 30, 30)).save(tmp_path / "map.png")
    src = tmp_path / "xr.qmd"
    src.write_text(
        "---\ntitle: Refs\n---\n\n## Results {#sec-results}\n\n"
        "As @fig-map shows; see [@tbl-data], -@fig-plot and @eq-ols. Unknown @fig-nope. Mail a@fig-map.com.\n\n"
        "![A map](map.png){#fig-map}\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n: The data {#tbl-data}\n\n"
        "$$ y = X\\beta $$ {#eq-ols}\n\n## Code\n\n```{python}\n#| label: fig-plot\nplt.plot(x)\n```\n\n"
        "Back in @sec-results.\n"
    )
    diags = Diagnostics()
    lecture = prepare(src, BuildOptions(out_dir=tmp_path / "out"), diags).lecture
    results, code = lecture.slides[-2:]
    said = m.plain_text(results.body[0].content)
    assert said == (
        "As Figure 1 shows; see Table 1, 2 and Equation 1. Unknown @fig-nope. Mail a@fig-map.com."
    )
    (picture,) = [b for b in results.body if isinstance(b, m.Image)]
    (table,) = [b for b in results.body if isinstance(b, m.Table)]
    (equation,) = [b for b in results.body if isinstance(b, m.MathBlock)]
    assert m.plain_text(picture.caption) == "Figure 1: A map"
    assert m.plain_text(table.caption) == "Table 1: The data"
    assert equation.tex.endswith("\\qquad (1)")
    assert m.plain_text(code.body[-1].content) == "Back in Results."
    assert [d.code for d in diags.items if d.code == "cross-reference"] == ["cross-reference"]


def test_every_item_of_a_nested_incremental_list_is_its_own_click(tmp_path):
    src = tmp_path / "nest.qmd"
    src.write_text(
        "---\ntitle: N\nformat:\n  revealjs:\n    incremental: true\n---\n\n## Nested\n\n"
        "- A\n  - A.1\n    - A.1.a\n    - A.1.b\n  - A.2\n- B\n"
    )
    prs, _ = deck_of(src, tmp_path / "out")
    assert _clicks(prs.slides[-1]) == [["A"], ["A.1"], ["A.1.a"], ["A.1.b"], ["A.2"], ["B"]]


def test_a_picture_with_the_fragment_class_comes_on_a_click(tmp_path):
    Image.new("RGB", (60, 40), (200, 30, 30)).save(tmp_path / "hist.png")
    src = tmp_path / "fr.qmd"
    src.write_text("---\ntitle: F\n---\n\n## Frag\n\nText first\n\n![Histogram](hist.png){.fragment}\n")
    prs, _ = deck_of(src, tmp_path / "out")
    slide = prs.slides[-1]
    (targets,) = _click_targets(slide)
    assert [sh.shape_type for sh in slide.shapes if sh.shape_id in targets].count(13) == 1  # the picture


def test_a_long_equation_is_drawn_inside_the_slide_in_the_slides_pdf(tmp_path):
    terms = " + ".join(f"a_{{{k}}} x^{{{k}}}" for k in range(13))
    src = write_md(tmp_path, f"---\ntitle: T\n---\n\n## Long\n\n$$ f(x) = {terms} $$\n")
    pdf = build_slides_pdf(src, BuildOptions(out_dir=tmp_path / "out"), Diagnostics())
    doc = pdfium.PdfDocument(str(pdf))
    try:
        image = doc[len(doc) - 1].render(scale=1).to_pil().convert("L")
    finally:
        doc.close()
    w, h = image.size
    ink = [
        (x, y) for x in range(w) for y in range(int(h * 0.2), int(h * 0.6)) if image.getpixel((x, y)) < 100
    ]
    assert ink, "the equation is not drawn"
    xs, ys = [x for x, _ in ink], [y for _, y in ink]
    # drawn whole, smaller: as wide for its height as the whole equation is (cut at the edge it was ~30)
    assert (max(xs) - min(xs)) / (max(ys) - min(ys)) > 40


def test_three_columns_of_a_third_each_fit_the_slide_in_the_slides_pdf(tmp_path):
    src = write_md(
        tmp_path,
        "---\ntitle: T\n---\n\n## Three columns\n\n:::: {.columns}\n"
        '::: {.column width="33%"}\n- capital as resources tied to a durable network\n:::\n'
        '::: {.column width="33%"}\n- capital as function: facilitates action\n:::\n'
        '::: {.column width="33%"}\n- trust, norms, networks\n- "Bowling alone" (Putnam, 1995)\n:::\n::::\n',
    )
    pdf = build_slides_pdf(src, BuildOptions(out_dir=tmp_path / "out"), Diagnostics())
    html = subprocess.run(
        ["pdftotext", "-bbox", "-f", "2", "-l", "2", str(pdf), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    page_w = float(re.search(r'<page width="([0-9.]+)"', html).group(1))
    found = re.findall(r'<word xMin="[0-9.]+" yMin="([0-9.]+)" xMax="([0-9.]+)"[^>]*>([^<]+)<', html)
    words = {w: float(x) for y, x, w in found if float(y) < 400}  # (the columns, not the footer's number)
    assert "1995)" in words and "(Putnam," in words
    assert max(words.values()) < page_w * 0.95  # the third column whole, inside the slide's margin


def test_math_in_a_table_header_is_drawn_in_the_header_text_colour(tmp_path):
    src = write_md(
        tmp_path,
        "---\ntitle: T\n---\n\n## Estimates\n\n| $\\hat\\beta_1$ | $\\sigma^2$ |\n|---|---|\n| 0.52 | 1.3 |\n",
    )
    pdf = build_slides_pdf(src, BuildOptions(out_dir=tmp_path / "out"), Diagnostics())
    doc = pdfium.PdfDocument(str(pdf))
    try:
        image = doc[len(doc) - 1].render(scale=2).to_pil().convert("RGB")
    finally:
        doc.close()
    w, h = image.size
    primary = (0x1F, 0x4E, 0x79)  # the default template's header ground
    near = [(x, y) for x in range(0, w, 2) for y in range(0, h // 2, 2) if image.getpixel((x, y)) == primary]
    assert near, "no table header drawn"
    x0, x1 = min(x for x, _ in near), max(x for x, _ in near)
    y0, y1 = min(y for _, y in near if y > h * 0.15), max(y for _, y in near)
    inside = [image.getpixel((x, y)) for x in range(x0, x1) for y in range(y0, y1)]
    assert not [p for p in inside if max(p) < 40], "black math on the dark header"
    assert [p for p in inside if min(p) > 215], "the header's words and math are drawn white"


def test_shortcodes_and_references_in_code_or_escaped_stay_as_written_and_meta_words_are_expanded(tmp_path):
    (tmp_path / "_variables.yml").write_text('course: "SOC 210"\n')
    src = tmp_path / "s.qmd"
    src.write_text(
        '---\ntitle: T\nsubtitle: "{{< var course >}} · Week 7"\nformat:\n  revealjs:\n'
        '    footer: "{{< meta subtitle >}}"\n---\n\n## A\n\n![A map](map.png){#fig-a}\n\n'
        "Use `@fig-a` and `{{< meta title >}}`, escaped {{{< meta title >}}}, and @fig-a.\n"
    )
    diags = Diagnostics()
    lecture = prepare(src, BuildOptions(out_dir=tmp_path / "out"), diags).lecture
    assert lecture.meta.subtitle == "SOC 210 · Week 7" and lecture.meta.footer == "SOC 210 · Week 7"
    para = [b for b in lecture.slides[-1].body if isinstance(b, m.Paragraph)][-1]
    assert m.plain_text(para.content) == (
        "Use @fig-a and {{< meta title >}}, escaped {{< meta title >}}, and Figure 1."
    )


def test_the_pictures_of_a_figure_div_are_its_parts_and_later_figures_count_on(tmp_path):
    from podium.crossrefs import number_crossrefs

    text = number_crossrefs(
        "![A](a.png){#fig-one}\n\n::: {#fig-diag layout-ncol=2}\n![Resid](r.png){#fig-resid}\n\n"
        "![QQ](q.png){#fig-qq}\n\nDiagnostics\n:::\n\n![P](p.png){#fig-plot}\n\n"
        "See @fig-one, @fig-diag, @fig-resid, @fig-qq and @fig-plot.\n"
    )
    assert "![(a) Resid](r.png)" in text and "![(b) QQ](q.png)" in text and "![Figure 3: P](p.png)" in text
    assert "See Figure 1, Figure 2, Figure 2(a), Figure 2(b) and Figure 3." in text


def test_a_video_or_frame_written_inside_a_line_is_a_link_with_one_warning(tmp_path):
    lecture, messages = _parse(
        '## M\n\n<video src="https://example.org/x.mp4"></video>\n\n'
        'See <iframe data-src="https://e.org/i"></iframe> here.\n'
    )
    links = [
        x.url
        for b in lecture.slides[0].body
        if isinstance(b, m.Paragraph)
        for x in b.content
        if isinstance(x, m.Link)
    ]
    assert links == ["https://example.org/x.mp4", "https://e.org/i"]
    assert [msg.rsplit("[", 1)[1] for msg in messages] == ["media]", "media]"]


def test_a_footer_var_a_reference_group_and_a_fragment_pictures_caption(tmp_path):
    (tmp_path / "_variables.yml").write_text("course: PHYS 230\n")
    Image.new("RGB", (80, 60), (200, 30, 30)).save(tmp_path / "x.png")
    src = tmp_path / "a.qmd"
    src.write_text(
        '---\ntitle: T\nformat:\n  revealjs:\n    footer: "{{< var course >}} — Waves"\n---\n\n## S\n\n'
        "![Cap](x.png){#fig-a}\n\n![Other](x.png){#fig-b}\n\nSee [@fig-a; @fig-b] and @fig-zzz.\n\n"
        "## Frag\n\nText\n\n![Phase portrait](x.png){.fragment}\n"
    )
    prs, diags = deck_of(src, tmp_path / "out")
    refs, frag = prs.slides[-2], prs.slides[-1]
    words = [sh.text_frame.text for sh in refs.shapes if sh.has_text_frame]
    assert "PHYS 230 — Waves" in words
    assert "See Figure 1 and Figure 2 and @fig-zzz." in words
    said = [d.message for d in diags.items if d.code in ("cross-reference", "shortcode")]
    assert len(said) == 1 and "'@fig-zzz'" in said[0]
    (shown,) = _click_targets(frag)
    caption = next(sh for sh in frag.shapes if sh.has_text_frame and sh.text_frame.text == "Phase portrait")
    assert caption.shape_id in shown  # the caption comes with its picture, not before it


def test_a_figure_divs_last_paragraph_is_its_numbered_caption_under_its_grid():
    lecture, _ = _parse(
        "## S\n\n::: {#fig-decay layout-ncol=2}\n![A](a.png){#fig-a}\n\n![B](b.png){#fig-b}\n\n"
        "Two measured decay curves.\n:::\n\nSee @fig-decay and @fig-b.\n"
    )
    row, caption, text = lecture.slides[0].body
    assert isinstance(row, m.Columns) and len(row.columns) == 2
    assert m.plain_text(caption.content) == "Figure 1: Two measured decay curves."
    assert m.plain_text(text.content) == "See Figure 1 and Figure 1(b)."


LOGO_DECK = """---
title: T
format:
  revealjs:
    logo: {logo}
---

## One

- a point

## Two

Some text.
"""


@pytest.mark.parametrize("name", ["mark.png", "mark.svg"])
def test_quartos_logo_is_on_every_slide_and_check_passes(tmp_path, name):
    if name.endswith(".png"):
        Image.new("RGB", (300, 100), "red").save(tmp_path / name)
    else:
        (tmp_path / name).write_text(
            '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 300 100" width="300" height="100">'
            '<rect width="300" height="100" fill="red"/></svg>',
            encoding="utf-8",
        )
    src = write_md(tmp_path, LOGO_DECK.format(logo=name))
    out = tmp_path / "out"
    result = pipeline_build(src, BuildOptions(out_dir=out), ALL, check=True, force=True)
    assert result.ok, [d.format() for d in result.diagnostics.items]  # check: no picture the source lacks
    prs = Presentation(str(out / "lecture.pptx"))
    for slide in prs.slides:
        logos = [sh for sh in slide.shapes if sh.name == "Logo"]
        assert len(logos) == 1
        assert logos[0].left > prs.slide_width / 2 and logos[0].top > prs.slide_height * 3 / 4
        assert logos[0].width > 2 * logos[0].height  # its own proportions
        for sh in slide.placeholders:  # never over the footer or the slide number
            if sh.placeholder_format.type in (PP_PLACEHOLDER.FOOTER, PP_PLACEHOLDER.SLIDE_NUMBER):
                apart = (
                    logos[0].left + logos[0].width <= sh.left
                    or sh.left + sh.width <= logos[0].left
                    or logos[0].top + logos[0].height <= sh.top
                    or sh.top + sh.height <= logos[0].top
                )
                assert apart, sh.name
    for page in pdfium.PdfDocument(str(out / "lecture-slides.pdf")):  # drawn in the bottom right corner
        img = page.render(scale=0.5).to_pil().convert("RGB")
        w, h = img.size
        corner = img.crop((w * 3 // 4, h * 3 // 4, w, h)).getcolors(1 << 16)
        assert any(n > 50 and rgb[0] > 200 and rgb[1] < 60 and rgb[2] < 60 for n, rgb in corner)
    cover = pdfium.PdfDocument(str(out / "lecture-handout.pdf"))[0].render(scale=0.5).to_pil().convert("RGB")
    top = cover.crop((0, 0, cover.size[0], cover.size[1] // 5)).getcolors(1 << 16)  # the cover's logo
    assert any(n > 50 and rgb[0] > 200 and rgb[1] < 60 and rgb[2] < 60 for n, rgb in top)


def test_a_logo_outside_the_lecture_folder_is_refused_at_its_line(tmp_path):
    Image.new("RGB", (300, 100), "red").save(tmp_path / "mark.png")
    (tmp_path / "talk").mkdir()
    src = write_md(tmp_path / "talk", "---\ntitle: T\nlogo: ../mark.png\n---\n\n## One\n\nText.\n")
    result = pipeline_build(src, BuildOptions(out_dir=tmp_path / "out"), ALL, check=True, force=True)
    warned = [d for d in result.diagnostics.items if d.code == "outside-project"]
    assert [(d.pos.line, "mark.png" in d.message) for d in warned] == [(3, True)]
    prs = Presentation(str(tmp_path / "out" / "lecture.pptx"))
    assert not [sh for s in prs.slides for sh in s.shapes if sh.name == "Logo"]


REVEAL_CLICKS = """# Sorting

---

## Every item

- Perceptrons <!-- .element: class="fragment" -->
- Backprop <!-- .element: class="fragment fade-up" -->

Always visible.

---

## Some items

- First
- Second <!-- .element: class="fragment" -->
- Third

---

## Paragraphs

Shown.

Later
paragraph. <!-- .element: class="fragment" -->

Styled only. <!-- .element: style="color: red" -->

<div class="fragment">

An HTML fragment.

</div>

<p class="fragment">A paragraph tag fragment.</p>

<aside class="notes">
Mention Timsort.
</aside>

---

<!-- .slide: data-background-color="#000000" -->

## Dark

Words.
"""


def test_reveal_js_fragment_comments_and_html_fragments_are_clicks(tmp_path):
    src = tmp_path / "slides.md"
    src.write_text(REVEAL_CLICKS)
    prs, diags = deck_of(src, tmp_path / "out")
    every, some, paras, dark = list(prs.slides)[1:]
    assert _clicks(every) == [["Perceptrons"], ["Backprop"]]  # "Always visible." from the start
    assert _clicks(some) == [["Second"]]  # "Third" from the start, as reveal.js shows it
    assert _clicks(paras) == [["Later paragraph."], ["An HTML fragment."], ["A paragraph tag fragment."]]
    texts = [sh.text_frame.text for s in prs.slides for sh in s.shapes if sh.has_text_frame]
    assert not any("element" in t or "<div" in t or "Timsort" in t for t in texts)
    assert "Styled only." in "\n".join(texts)
    assert paras.notes_slide.notes_text_frame.text == "Mention Timsort."
    (warned,) = [d for d in diags.items if d.code == "background"]
    assert (
        warned.pos.line
        == REVEAL_CLICKS.split("\n").index('<!-- .slide: data-background-color="#000000" -->') + 1
    )
    assert not [d for d in diags.items if d.code == "raw-html"], [d.message for d in diags.items]


def test_kbd_for_each_system_and_small_print_without_a_warning():
    lecture, messages = _parse(
        "## Keys\n\nPress {{< kbd mac=Cmd-Shift-P win=Ctrl-Shift-P >}} or {{< kbd Ctrl-C >}}.\n\n"
        "Text <small>small print</small> here.\n"
    )
    (press, small) = [m.plain_text(b.content) for b in lecture.slides[0].body]
    assert press == "Press Cmd-Shift-P (macOS) / Ctrl-Shift-P (Windows) or Ctrl-C."
    assert small == "Text small print here."
    assert not [x for x in messages if "raw HTML" in x], messages


@pytest.mark.parametrize(
    "front",
    ["title: T\nauthor: A", "title: T\nrevealOptions:\n  transition: fade"],
    ids=["vertical", "reveal-md"],
)
def test_a_reveal_md_deck_with_front_matter_keeps_its_notes_off_the_slide(tmp_path, front):
    vertical = "\n--\n\n## Down\n\nBelow.\n" if "author" in front else ""
    src = tmp_path / "rv.md"
    src.write_text(
        f"---\n{front}\n---\n\n## One\n\nShown.\n\nNote: demo with the volunteers\n{vertical}\n---\n\n## Two\n\nx\n"
    )
    prs, diags = deck_of(src, tmp_path / "out")
    texts = [sh.text_frame.text for s in prs.slides for sh in s.shapes if sh.has_text_frame]
    assert not any("volunteers" in t or t.strip() in ("–", "--") for t in texts), texts
    one = next(
        s for s in prs.slides if s.shapes.title is not None and s.shapes.title.text_frame.text == "One"
    )
    assert one.notes_slide.notes_text_frame.text == "demo with the volunteers"
    assert not [d for d in diags.items if d.code == "unused-key"], [d.message for d in diags.items]


PEOPLE = [
    ("Mara", "Head, Data Science Services"),
    ("Shannon", "Associate Head, Data Science Services"),
    ("Jeff", "Lead Librarian for GIS"),
    ("Alp", "Data Science Librarian"),
    ("Selene", "Data Science Teaching Librarian"),
    ("Lynnee", "Data Science Teaching and Outreach Librarian"),
]
TEAM = (
    "---\ntitle: T\n---\n\n## Who we are\n\n:::: {.team-grid}\n"
    + "\n".join(
        f'::: {{.person}}\n![](p{k}.png)\n<div class="name"><strong>{name} Smith</strong></div>\n'
        f'<div class="role">{role}</div>\n:::\n'
        for k, (name, role) in enumerate(PEOPLE)
    )
    + "::::\n"
)


def test_a_div_of_picture_cards_is_a_row_of_captioned_pictures_on_one_slide(tmp_path):
    for k in range(len(PEOPLE)):
        Image.new("RGB", (300, 300), (40 * k, 120, 160)).save(tmp_path / f"p{k}.png")
    src = write_md(tmp_path, TEAM)
    out = tmp_path / "out"
    result = pipeline_build(src, BuildOptions(out_dir=out), ALL, check=True, force=True)
    assert result.ok, [d.format() for d in result.diagnostics.items]
    prs = Presentation(str(out / "lecture.pptx"))
    assert len(prs.slides) == 2  # one slide for the team, not one per person
    slide = prs.slides[1]
    pictures = sorted((sh for sh in slide.shapes if sh.shape_type == 13), key=lambda sh: sh.left)
    assert len(pictures) == len(PEOPLE) and len({p.top for p in pictures}) == 1  # side by side
    texts = [sh.text_frame.text for sh in slide.shapes if sh.has_text_frame]
    assert "Shannon Smith\vAssociate Head, Data Science Services" in texts, texts  # its card's lines
    # the slides PDF draws the row as the deck does: every caption under its own picture, none over another
    words = _bbox_words(out / "lecture-slides.pdf", 2)
    for (name, _), picture in zip(PEOPLE, pictures):
        (x0, x1, _, _) = next(box for w, *box in words if w == name)
        left, right = picture.left / prs.slide_width, (picture.left + picture.width) / prs.slide_width
        assert left - 0.04 <= x0 and x1 <= right + 0.04, (name, x0, x1, left, right)
    for k, (w, *a) in enumerate(words):
        for v, *b in words[k + 1 :]:
            overlap = min(a[1], b[1]) - max(a[0], b[0]) > 0.002 and min(a[3], b[3]) - max(a[2], b[2]) > 0.002
            assert not overlap, (w, v)


def test_an_absolute_picture_sits_where_reveal_js_puts_it_outside_the_flow(tmp_path):
    Image.new("RGB", (300, 300), (200, 20, 20)).save(tmp_path / "hex.png")
    items = "\n".join(f"- point {k}" for k in range(6))
    src = write_md(
        tmp_path,
        '---\ntitle: T\n---\n\n## Your turn\n\n![](hex.png){.absolute top="0" right="0" width="150" '
        f'height="150" fig-alt="A hex sticker"}}\n\n*How do you fit a model?*\n\n{items}\n',
    )
    out = tmp_path / "out"
    result = pipeline_build(src, BuildOptions(out_dir=out), ALL, check=True, force=True)
    assert result.ok, [d.format() for d in result.diagnostics.items]
    assert not [d for d in result.diagnostics.items if d.code == "position"]
    prs = Presentation(str(out / "lecture.pptx"))
    assert len(prs.slides) == 2  # the text keeps its room: no "(cont.)"
    slide = prs.slides[1]
    (pic,) = [sh for sh in slide.shapes if sh.shape_type == 13]
    w, h = prs.slide_width, prs.slide_height
    assert pic.top == 0 and abs(pic.left + pic.width - w) < w * 0.01  # the top right corner
    assert abs(pic.width / w - 150 / 1050) < 0.01 and abs(pic.height / h - 150 / 700) < 0.01
    body = next(sh for sh in slide.shapes if sh.has_text_frame and "How do you fit" in sh.text_frame.text)
    assert body.top < prs.slide_height * 0.35  # right under the title, not under the picture
    page = pdfium.PdfDocument(str(out / "lecture-slides.pdf"))[1].render(scale=0.5).to_pil().convert("RGB")
    pw, ph = page.size
    corner = page.crop((int(pw * 0.9), 0, pw, int(ph * 0.1))).getcolors(1 << 16)
    assert any(n > 50 and rgb[0] > 180 and rgb[1] < 60 for n, rgb in corner)  # drawn there in the PDF too


def _bbox_words(pdf, page: int) -> list[tuple[str, float, float, float, float]]:
    """(word, left, right, top, bottom) of every word poppler finds on ``page`` (1-based), as shares of the
    page's width and height."""
    xml = subprocess.run(
        ["pdftotext", "-f", str(page), "-l", str(page), "-bbox", str(pdf), "-"],
        capture_output=True,
        text=True,
    ).stdout
    page_size = re.search(r'<page width="([\d.]+)" height="([\d.]+)"', xml)
    width, height = float(page_size.group(1)), float(page_size.group(2))
    return [
        (w, float(a) / width, float(c) / width, float(b) / height, float(d) / height)
        for a, b, c, d, w in re.findall(
            r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>', xml
        )
    ]


def test_fragment_divs_of_pictures_are_no_cards_and_keep_their_clicks(tmp_path):
    for k in range(2):
        Image.new("RGB", (200, 150), (90 * k, 120, 160)).save(tmp_path / f"s{k}.png")
    src = write_md(
        tmp_path,
        "---\ntitle: T\n---\n\n## Steps\n\n:::: {.steps}\n"
        + "".join(
            f"::: {{.fragment}}\n![](s{k}.png){{fig-alt='Step {k}'}}\n\nStep {k}\n:::\n\n" for k in range(2)
        )
        + "::::\n",
    )
    prs, _ = deck_of(src, tmp_path / "out")
    assert len(_click_steps(prs.slides[-1])) == 2


def test_reveal_marks_inside_code_do_not_make_a_lecture_reveal_markdown(tmp_path):
    src = tmp_path / "w.md"
    src.write_text(
        '---\ntitle: T\n---\n\n## Slides\n\n```markdown\n<!-- .slide: data-background="#222" -->\n```\n\n'
        "Indented:\n\n    --\n    \\only<1>{first}\n\nNote: bring your laptop next week.\n\nMore words.\n\n---\n\n## Two\n\nx\n"
    )
    prs, _ = deck_of(src, tmp_path / "out")
    assert len(prs.slides) == 3  # (no slide split at the `--` in the code)
    texts = "\n".join(sh.text_frame.text for sh in prs.slides[1].shapes if sh.has_text_frame)
    assert "Note: bring your laptop next week." in texts and "More words." in texts
    assert "\\only<1>{first}" in texts  # beamer shown as code stays code
    assert not prs.slides[1].has_notes_slide or not prs.slides[1].notes_slide.notes_text_frame.text


def test_an_r_stack_is_shown_side_by_side_with_a_note():
    lecture, messages = _parse(
        "## S\n\n::: {.r-stack}\n![](a.png){.fragment}\n\n![](b.png){.fragment}\n:::\n"
    )
    assert any("r-stack" in msg and "note:" in msg and "[layout]" in msg for msg in messages), messages


def test_highlighted_code_lines_get_a_note():
    lecture, messages = _parse('## S\n\n```{.python code-line-numbers="2-3|5"}\na = 1\nb = 2\n```\n')
    assert [x for x in messages if "[code-lines]" in x and "note:" in x], messages
    assert isinstance(lecture.slides[-1].body[0], m.CodeBlock)


def test_highlighted_lines_given_as_a_cell_option_get_the_note_too():
    # `#| code-line-numbers: "2"` was dropped with no word; the fence attribute's form was noted
    _, messages = _parse('## S\n\n```{r}\n#| code-line-numbers: "2"\n#| echo: true\na <- 1\nb <- 2\n```\n')
    assert [x for x in messages if ':3: note: code-line-numbers="2" highlights' in x], messages
    _, messages = _parse("## S\n\n```{r}\n#| code-line-numbers: true\n#| echo: true\na <- 1\n```\n")
    assert not [x for x in messages if "[code-lines]" in x], messages  # (numbers only: nothing lost)


def test_an_html_list_is_a_list_and_its_fragment_items_are_clicks(tmp_path):
    src = tmp_path / "l.md"
    src.write_text(
        '---\ntitle: T\n---\n\n## HTML list\n\n<ul>\n<li class="fragment">First point</li>\n'
        '<li class="fragment">Second <a href="https://example.org">point</a></li>\n</ul>\n\n## Styled\n\n'
        "<ul><li>a <b>bold</b> word</li></ul>\n"
    )
    prs, diags = deck_of(src, tmp_path / "out")
    listed = list(prs.slides)[1]
    assert _clicks(listed) == [["First point"], ["Second point"]]
    body = next(sh for sh in listed.shapes if sh.has_text_frame and "First" in sh.text_frame.text)
    assert [p.text for p in body.text_frame.paragraphs] == ["First point", "Second point"]
    assert not [d for d in diags.items if d.code == "raw-html"]  # (both drawn: the list, its <b> bold)
    styled = [
        r
        for sh in list(prs.slides)[2].shapes
        if sh.has_text_frame
        for p in sh.text_frame.paragraphs
        for r in p.runs
    ]
    assert [r.text for r in styled if r.font.bold] == ["bold"]


@pytest.mark.parametrize(
    ("front", "one_slide"),
    [
        ("format: revealjs", True),
        ("format:\n  revealjs:\n    incremental: true", True),
        ("output: ioslides_presentation", True),
        ("format: beamer", False),
        ("format: pptx", False),
    ],
)
def test_content_right_under_a_section_heading_is_on_its_slide_in_an_html_slide_show(front, one_slide):
    text = f"---\ntitle: T\n{front}\n---\n\n# Objectives\n\nThe goal.\n\n#\n\n# Part 2\n\n## Citations\n\nA file.\n"
    lec = parse_lecture(text, "deck.qmd", Diagnostics())
    shown = [(s.kind, m.plain_text(s.title)) for s in lec.slides[1:]]
    if one_slide:  # as pandoc's and Quarto's reveal.js show it: one slide titled "Objectives"
        assert shown == [(m.CONTENT, "Objectives"), (m.SECTION, "Part 2"), (m.CONTENT, "Citations")]
    else:  # beamer's way: the section's slide, then its content on a slide of that title
        assert shown == [
            (m.SECTION, "Objectives"),
            (m.CONTENT, "Objectives"),
            (m.SECTION, "Part 2"),
            (m.CONTENT, "Citations"),
        ]


@pytest.mark.parametrize(
    ("front", "shown"),
    [
        ("format: revealjs", False),
        ("format:\n  beamer:\n    incremental: true", False),
        ("format: html", True),
        ("", True),
        ("format:\n  revealjs:\n    echo: true", True),  # (the format's own execution options)
        ("format: revealjs\nexecute:\n  echo: true", True),
    ],
)
def test_a_cell_without_echo_shows_its_code_as_the_format_does(front, shown):
    diags = Diagnostics()
    text = (
        f"---\ntitle: T\n{front}\n---\n\n## Outline\n\n```{{r}}\nfor (h in c('a', 'b')) cat('-', h)\n```\n\n"
    )
    text += "## Install\n\n```{r}\n#| echo: true\n#| eval: false\ninstall.packages('x')\n```\n"
    lec = parse_lecture(text, "deck.qmd", diags)
    code = [b.code for s in lec.slides for b in s.body if isinstance(b, m.CodeBlock)]
    assert "install.packages('x')" in code  # echo: true is shown everywhere
    assert (any("cat(" in c for c in code)) is shown  # Quarto hides code in presentation formats
    if not shown:  # what that loop printed is not there: said, and the note counts it as hidden
        assert [d.pos.line for d in diags.items if d.code == "not-rendered"] == [
            text.split("\n").index("```{r}") + 1
        ]
        (note,) = [d.message for d in diags.items if d.code == "code-cell"]
        assert note.startswith("1 code cell(s) are shown as code") and "1 hidden one(s)" in note


def test_a_diagram_cell_is_not_shown_as_its_source_and_is_said():
    diags = Diagnostics()
    text = "---\ntitle: T\n---\n\n## Flow\n\n```{mermaid}\nflowchart LR\n  A --> B\n```\n"
    lec = parse_lecture(text, "deck.qmd", diags)
    assert not [b for s in lec.slides for b in s.body if isinstance(b, m.CodeBlock)]
    (warned,) = [d for d in diags.items if d.code == "not-rendered"]
    assert warned.pos.line == 7 and "{mermaid} diagram is not drawn" in warned.message


def test_reveal_md_vertical_slides_after_notes_and_its_own_separators_are_slides():
    diags = Diagnostics()
    lec = parse_lecture(
        "## Normalization\n\n----\n\n### FD examples\n\n* Claim 1\n\nnote:\nClaim 1 holds\n\n----\n\n"
        "### Keys\n\nA key.\n\nnote:\nKey must be minimal.\n\n---\n\n![DB Lifecycle](photo.png)\n",
        "deck.md",
        diags,
    )
    slides = [(m.plain_text(s.title), " ".join(m.blocks_text(s.notes).split())) for s in lec.slides]
    assert slides[:3] == [
        ("Normalization", ""),
        ("FD examples", "Claim 1 holds"),
        ("Keys", "Key must be minimal."),
    ]
    assert len(slides) == 4 and "photo.png" not in slides[2][1]  # the picture's slide is not a note
    lec = parse_lecture(
        "---\ntitle: T\nseparator: '<--o-->'\nverticalSeparator: '<--v-->'\n---\n\n# One\n\n<--o-->\n\n"
        "## Two\n\n- a\n\n<--v-->\n\n## Three\n\n- b\n",
        "deck.md",
        diags := Diagnostics(),
    )
    # (reveal-md's `title:` names the browser's tab: the deck's first slide, "# One", is its title slide)
    assert [m.plain_text(s.title) for s in lec.slides] == ["One", "Two", "Three"]
    assert lec.slides[0].kind == m.TITLE and lec.meta.title == "One"
    assert "<--" not in "".join(m.blocks_text(s.body) for s in lec.slides)
    assert not [d for d in diags.items if d.code == "unused-key"]


def test_a_reveal_md_deck_is_cut_at_its_separators_only_and_writes_its_own_title_slide(tmp_path):
    # reveal-md cuts slides at its separator, never at headings: `# Title` + `## L.04` is one title
    # slide, and the front matter's title names the browser's tab (it made a slide "MBAI" and 4 in all)
    for sep, cut in (("separator: <!--s-->\n", "<!--s-->"), ("", "---")):
        src = tmp_path / f"deck{len(sep)}.md"
        src.write_text(
            f"---\ntitle: MBAI\n{sep}revealOptions:\n  transition: 'none'\n---\n\n# Data Intensive Systems\n"
            f"## L.04\n\n{cut}\n\n## Agenda\n\n1. What is OLAP?\n\n### Columnar\n\nStored by column.\n"
            f"\n{cut}\n\n# Part two\n",
            encoding="utf-8",
        )
        result = run_cli("slides", str(src), "-o", str(tmp_path / "out"))
        assert result.exit_code == 0, result.output
        deck = Presentation(str(tmp_path / "out" / f"{src.stem}.pptx"))
        texts = [[sh.text_frame.text for sh in s.shapes if sh.has_text_frame] for s in deck.slides]
        assert len(texts) == 3, texts
        assert texts[0][:2] == ["Data Intensive Systems", "L.04"]  # the title slide, its subtitle
        assert texts[1][0] == "Agenda" and "Columnar" in texts[1][1] and "Stored by column." in texts[1][1]
        assert texts[2][0] == "Part two" and "MBAI" not in str(texts)
        assert "Data Intensive Systems" in texts[1]  # the footer: the deck's title


@pytest.mark.parametrize(
    ("front", "cell", "shown"),
    [
        ("format: revealjs", "#| code-fold: true\nx <- 1", True),  # folded code is shown code
        ("format:\n  revealjs:\n    code-fold: true", "x <- 1", True),
        ("format: revealjs", "#| code-fold: true\n#| echo: false\nx <- 1", False),
        # (code-fold folds the code shown: a lecture's own `echo: false` still hides it)
        ("format:\n  revealjs:\n    code-fold: true\nexecute:\n  echo: false", "x <- 1", False),
        ("format: revealjs\nexecute:\n  echo: false", "#| code-fold: true\nx <- 1", False),
        ("format: revealjs\nexecute:\n  echo: true", "#| code-fold: true\nx <- 1", True),
    ],
)
def test_code_fold_shows_the_code_in_a_presentation_format(front, cell, shown):
    lec = parse_lecture(
        f"---\ntitle: T\n{front}\n---\n\n## A\n\n```{{r}}\n{cell}\n```\n", "d.qmd", Diagnostics()
    )
    code = [b.code for s in lec.slides for b in s.body if isinstance(b, m.CodeBlock)]
    assert code == (["x <- 1"] if shown else [])


def test_pictures_in_list_items_stay_after_the_list_and_code_follows_its_item():
    from podium.deck.plan import ObjectChunk, plan_deck

    lec = parse_lecture(
        "## Items\n\n- The blue one\n\n  ![Blue](b.png){width=30%}\n\n- Run it:\n\n  ```sh\n  make\n  ```\n\n"
        "- The red one\n\n  ![Red](r.png){width=30%}\n",
        "l.md",
        Diagnostics(),
    )
    (plan,) = plan_deck(lec, Diagnostics())
    kinds = [type(c.block).__name__ if isinstance(c, ObjectChunk) else "text" for c in plan.chunks]
    assert kinds == ["text", "CodeBlock", "text", "Image", "Image"]  # (the pictures side by side, last)


def test_a_footer_div_is_that_slide_s_footer_in_the_deck_and_the_slides_pdf(tmp_path):
    from pypdf import PdfReader

    src = write_md(
        tmp_path,
        '---\ntitle: T\nformat:\n  revealjs:\n    footer: "Deck footer"\n---\n\n## Programs\n\n- R\n\n'
        "::: {.footer}\nSoftware to install\n:::\n\n## Next\n\n- more\n",
        "l.qmd",
    )
    pipeline_build(src, BuildOptions(out_dir=tmp_path / "out"), ALL, force=True)
    prs = Presentation(str(tmp_path / "out" / "l.pptx"))

    def footer(slide):
        (ph,) = [p for p in slide.placeholders if p.placeholder_format.type == PP_PLACEHOLDER.FOOTER]
        return ph.text_frame.text

    programs, after = prs.slides[1], prs.slides[2]
    assert footer(programs) == "Software to install" and footer(after) == "Deck footer"
    assert "Software to install" not in "".join(
        s.text_frame.text for s in programs.placeholders if s.placeholder_format.type != PP_PLACEHOLDER.FOOTER
    )
    pages = PdfReader(str(tmp_path / "out" / "l-slides.pdf")).pages
    assert "Software to install" in pages[1].extract_text() and "Deck footer" in pages[2].extract_text()


@pytest.mark.parametrize(
    ("div", "shown"),
    [
        ("::: {.content-hidden}", False),
        ("::: {.content-visible}", True),
        ('::: {.content-visible when-format="html"}', True),  # (revealjs is an HTML format)
        ('::: {.content-visible when-format="html:js"}', True),
        ('::: {.content-visible when-format="pdf"}', False),
        ('::: {.content-hidden unless-format="revealjs"}', True),
        ('::: {.content-hidden unless-format="pdf"}', False),
        ('::: {.content-hidden when-format="beamer"}', True),
        ('::: {.content-visible when-meta="solutions"}', True),
        ('::: {.content-visible when-meta="draft"}', False),
        ('::: {.content-visible when-profile="advanced"}', False),
    ],
)
def test_quarto_conditional_content_is_shown_or_left_out_as_quarto_does_for_a_slide_show(div, shown):
    lecture, messages = _parse(
        f"---\ntitle: T\nformat: revealjs\nsolutions: true\ndraft: false\n---\n\n## S\n\n- always\n\n{div}\nsometimes\n:::\n",
        "t.qmd",
    )
    words = m.blocks_text(lecture.slides[-1].body)
    assert "always" in words and ("sometimes" in words) == shown
    assert len(lecture.slides) == 2


def test_a_hidden_block_of_math_macros_makes_no_slide_and_its_macros_still_apply(tmp_path):
    src = write_md(
        tmp_path,
        "---\ntitle: T\nformat: revealjs\n---\n\n::: {.content-hidden}\n$$\n\\newcommand{\\vect}[1]{\\mathbf{#1}}\n$$\n:::\n\n"
        "## Overview\n\n- the vector $\\vect{x}$\n",
        "t.qmd",
    )
    deck, diags = deck_of(src, tmp_path / "out")
    assert len(deck.slides) == 2  # the title slide and Overview: no empty slide before it
    assert not [d for d in diags.items if d.severity == "warning"], [d.format() for d in diags.items]
    xml = deck.slides[1].shapes._spTree.xml
    assert "\\vect" not in xml and "<m:oMath" in xml  # (drawn as math, the macro expanded)


def test_a_picture_sized_by_width_and_a_percentage_height_keeps_its_shape_and_fits(tmp_path):
    _png(tmp_path / "wide.png", "#3366cc", (800, 600))
    src = write_md(
        tmp_path,
        "---\ntitle: T\n---\n\n## Found\n\n![A found picture.](wide.png){width=100% height=70%}\n\n"
        "## Missing\n\n![Example of image classification.](missing.jpg){width=100% height=70%}\n",
        "t.qmd",
    )
    deck, diags = deck_of(src, tmp_path / "out")
    assert not [d for d in diags.items if d.code == "overfull"], [d.format() for d in diags.items]
    (picture,) = [s for s in deck.slides[1].shapes if s.shape_type == 13]
    assert abs(picture.width / picture.height - 4 / 3) < 0.02
    assert picture.height <= deck.slide_height * 0.7


def test_labelled_equations_and_figures_are_numbered_even_when_nothing_refers_to_them(tmp_path):
    _png(tmp_path / "map.png", "#3366cc")
    src = write_md(
        tmp_path,
        "---\ntitle: T\n---\n\n## Eq\n\n$$\nE = mc^2\n$$ {#eq-energy}\n\nText after.\n\n"
        "## Map\n\n![The map.](map.png){#fig-map}\n",
        "e.qmd",
    )
    deck, diags = deck_of(src, tmp_path / "out")
    words = " ".join(sh.text_frame.text for s in deck.slides for sh in s.shapes if sh.has_text_frame)
    assert "{#" not in words and "eq-energy" not in words
    assert "Figure 1: The map." in words
    assert "Text after." in words
    xml = deck.slides[1].shapes._spTree.xml
    assert "(1)" in xml  # (the equation's number, as Quarto writes it)


def test_a_section_heading_followed_by_what_shows_nothing_stays_a_section_slide(tmp_path):
    src = write_md(
        tmp_path,
        '---\ntitle: "Sections"\nformat: revealjs\n---\n\n# 1. Loading Data\n\n```{r}\n#| eval: false\nset.seed(1)\n```\n\n'
        "## A slide\n\nText.\n\n<!-- ------------------ -->\n# 2. Tidy Data\n<!-- ------------------ -->\n\n"
        "## B slide\n\nText.\n\n# 3. With words\n\nRight under it.\n",
        "s.qmd",
    )
    deck, _ = deck_of(src, tmp_path / "out")
    layouts = [(s.slide_layout.name, s.shapes.title.text) for s in list(deck.slides)[1:]]
    assert layouts == [
        ("Section Header", "1. Loading Data"),
        ("Title and Content", "A slide"),
        ("Section Header", "2. Tidy Data"),
        ("Title and Content", "B slide"),
        ("Title and Content", "3. With words"),  # (an HTML slide show: words under # are on its slide)
    ]


def test_tex_in_the_front_matter_today_with_braces_and_a_citation_show_no_source():
    lecture, _ = _parse(
        "---\ntitle: 'Biostatistics \\cite{prev}'\nsubtitle: Spring 2016 \\cite[p.~2]{prev}\ndate: \\today{}\n---\n\n## A\n\nText.\n"
    )
    assert lecture.meta.title == "Biostatistics" and lecture.meta.subtitle == "Spring 2016"
    # (\today: the date as LaTeX prints it in the lecture's language, "December 5, 2026")
    assert re.fullmatch(r"[A-Z][a-z]+ \d{1,2}, \d{4}", lecture.meta.date), lecture.meta.date


def test_math_in_speaker_notes_is_readable_on_the_notes_page(tmp_path):
    src = write_md(
        tmp_path,
        '---\ntitle: "Notes math"\n---\n\n## Ridge\n\nClosed form.\n\n::: {.notes}\n'
        "Ridge adds $\\lambda\\mathbf{I}$, so $x_i^2$ is small.\n:::\n",
        "n.qmd",
    )
    built = build_all(src, tmp_path / "out")
    deck = Presentation(str(built.deck))
    (notes,) = [s.notes_slide.notes_text_frame.text for s in deck.slides if s.has_notes_slide]
    assert notes == "Ridge adds λ𝐈, so xᵢ² is small."


def test_a_row_break_ending_a_line_of_inline_math_is_kept():
    # `\\ ` ending a line inside $…$ lost a backslash (TeX's control space read in text): one row
    lec, _ = _parse(
        "## S\n\n- one iff $\\begin{cases} a = 1 & \\text{or} \\\\ \nb = 2 \\end{cases}$\n", "t.qmd"
    )
    (item,) = lec.slides[0].body[0].items
    (math,) = [x for x in item.blocks[0].content if isinstance(x, m.InlineMath)]
    assert "\\\\" in math.tex and math.tex.count("\\") == 5, math.tex


def test_ioslides_div_class_center_centres_and_is_no_raw_html():
    lec, said = _parse(
        '---\ntitle: T\noutput: ioslides_presentation\n---\n\n## Text\n\n<div class="center">\nCentred words.\n</div>\n',
        "d.Rmd",
    )
    (div,) = lec.slides[1].body
    assert isinstance(div, m.Div) and div.align == m.Align.CENTER
    assert not [x for x in said if "raw-html" in x], said


def test_a_setup_chunk_of_settings_only_is_no_lost_content():
    _, said = _parse(
        '---\ntitle: T\nformat: revealjs\n---\n\n## A\n\n```{r setup}\n#| echo: false\nhere::i_am("slides/d.qmd")\n'
        "pacman::p_load(tidyverse, broom)\nconflicted::conflicts_prefer(dplyr::filter)\ndata(mtcars)\n```\n\nText.\n",
        "d.qmd",
    )
    assert not [x for x in said if "not-rendered" in x], said


def test_a_handle_in_a_deck_whose_tool_reads_no_citations_is_no_citation():
    # remark.js and Marp never read `@name` as a citation: it is the words written, without a warning
    for front, name in (("output:\n  xaringan::moon_reader: default\n", "d.Rmd"), ("marp: true\n", "d.md")):
        lec, said = _parse(f"---\n{front}---\n\n# Thanks\n\nTwitter: @ebovee09\n\n---\n\n# More\n\nx\n", name)
        assert not [x for x in said if "citation" in x], said
        assert "@ebovee09" in m.blocks_text(lec.slides[0].body) + m.blocks_text(lec.slides[1].body)


def test_a_table_of_contents_asked_for_in_the_formats_options_is_made():
    lec, _ = _parse(
        '---\ntitle: T\nformat:\n  revealjs:\n    toc: true\n    toc-title: "Chapter 7"\n---\n\n# Part one\n\n## A\n\nx\n\n'
        "# Part two\n\n## B\n\ny\n",
        "d.qmd",
    )
    toc = lec.slides[1]
    assert m.plain_text(toc.title) == "Chapter 7"
    assert "Part one" in m.blocks_text(toc.body) and "Part two" in m.blocks_text(toc.body)


@pytest.mark.parametrize(
    ("front", "shown"),
    [
        ("echo: true\nformat:\n  revealjs:\n    footer: F", True),  # (Quarto reads it as execute: echo:)
        ("echo: true\nformat: revealjs\nexecute:\n  echo: false", False),  # (execute: says last)
        ("include: false\nformat: html", False),
    ],
)
def test_execution_options_at_the_top_of_the_front_matter_are_every_cells(tmp_path, front, shown):
    src = write_md(
        tmp_path,
        f"---\ntitle: T\n{front}\n---\n\n## Test the Doubler\n\n```{{python}}\nclass Doubler:\n"
        "    def __init__(self, n):\n        self._n = 2 * n\n```\n",
        "deck.qmd",
    )
    deck, diags = deck_of(src, tmp_path / "out")
    words = " ".join(s.text_frame.text for s in deck.slides[1].shapes if s.has_text_frame)
    assert ("class Doubler" in words) is shown, words
    assert not [d for d in diags.items if d.code == "unused-key"], [d.format() for d in diags.items]


@pytest.mark.parametrize("fmt", ["clean-revealjs", "metropolis-beamer", "my-course-revealjs"])
def test_an_extension_format_hides_code_as_its_base_format_does(tmp_path, fmt):
    src = write_md(
        tmp_path,
        f"---\ntitle: T\nformat: {fmt}\n---\n\n## A slide\n\nSome text.\n\n```{{r}}\ncountdown::countdown(1)\n```\n",
        "deck.qmd",
    )
    deck, _ = deck_of(src, tmp_path / "out")
    words = " ".join(s.text_frame.text for s in deck.slides[1].shapes if s.has_text_frame)
    assert "Some text." in words and "countdown" not in words, words


def test_an_extension_format_s_options_are_its_base_format_s(tmp_path):
    Image.new("RGB", (40, 20), "red").save(tmp_path / "logo.png")
    src = write_md(
        tmp_path,
        "---\ntitle: Levels\nformat:\n  LUstyle-revealjs:\n    slide-level: 3\n    footer: 'Linear Models | UEA'\n"
        "    logo: logo.png\n---\n\n## Part A\n\n> An objective\n\n### First slide\n\n1. one\n2. two\n\n"
        "### Second slide\n\n1. alpha\n2. beta\n",
        "deck.qmd",
    )
    deck, _ = deck_of(src, tmp_path / "out")
    titles = [s.shapes.title.text_frame.text for s in deck.slides]
    assert titles == ["Levels", "Part A", "First slide", "Second slide"]
    second = deck.slides[2]
    texts = [s.text_frame.text for s in second.shapes if s.has_text_frame]
    assert "Linear Models | UEA" in texts, texts
    assert any(s.shape_type == 13 for s in second.shapes)  # (the logo: a picture)


def test_quarto_theorem_and_proof_divs_are_titled_boxes_numbered_as_quarto_numbers_them(tmp_path):
    src = write_md(
        tmp_path,
        "---\ntitle: T\nformat: revealjs\n---\n\n## Definition\n\n::: {#def-minimiser}\nWe call $x^*$ the "
        '**minimiser**.\n:::\n\n::: {#exm-one name="A bowl"}\n$f(x) = x^2$ has one.\n:::\n\n## Theorem\n\n'
        "::: {#thm-main}\n## Fermat\nIf $x^*$ is a local minimiser then $F'(x^*) = 0$.\n:::\n\n"
        "::: {.proof}\nObvious.\n:::\n\n::: {#thm-second}\nAnother.\n:::\n\nSee @thm-main and @def-minimiser.\n",
        "deck.qmd",
    )
    deck, diags = deck_of(src, tmp_path / "out")
    texts = [[s.text_frame.text for s in slide.shapes if s.has_text_frame] for slide in deck.slides]
    first, second = (" | ".join(t) for t in texts[1:3])
    assert "Definition 1\nWe call" in first and "Example 1 (A bowl)\n" in first, first
    assert "Theorem 1 (Fermat)\nIf" in second and "Proof\nObvious. ∎" in second, second
    assert "Theorem 2\nAnother." in second and "See Theorem 1 and Definition 1." in second, second
    assert "Fermat\n" not in second.replace("(Fermat)\n", ""), second


def test_a_fenced_echo_cell_is_shown_with_its_fence_and_its_other_options(tmp_path):
    src = write_md(
        tmp_path,
        "---\ntitle: T\nformat: revealjs\n---\n\n## Column layout\n\n```{r}\n#| echo: fenced\n#| eval: false\n"
        "dplyr::glimpse(mtcars)\n```\n\n## Plain\n\n```{r}\n#| echo: true\n#| eval: false\nx <- 1\n```\n",
        "deck.qmd",
    )
    deck, _ = deck_of(src, tmp_path / "out")
    fenced, plain = (
        [s.text_frame.text for s in slide.shapes if s.has_text_frame] for slide in list(deck.slides)[1:3]
    )
    assert "```{r}\n#| eval: false\ndplyr::glimpse(mtcars)\n```" in fenced, fenced
    assert "x <- 1" in plain and not any("#|" in t or "```" in t for t in plain), plain


def test_fragments_appear_in_the_order_of_their_fragment_index(tmp_path):
    src = write_md(
        tmp_path,
        '---\ntitle: T\nformat: revealjs\n---\n\n## Fragments, order\n\n::: {.fragment fragment-index="3"}\n'
        'Appears last\n:::\n\n::: {.fragment fragment-index="1"}\nAppears first\n:::\n\n'
        '::: {.fragment fragment-index="2"}\nAppears second\n:::\n',
        "deck.qmd",
    )
    deck, _ = deck_of(src, tmp_path / "out")
    slide = deck.slides[1]
    (body,) = [s for s in slide.shapes if s.has_text_frame and "Appears" in s.text_frame.text]
    said = [p.text for p in body.text_frame.paragraphs]
    built = [said[int(r.get("st"))] for r in slide.element.iter() if r.tag.endswith("}pRg")]
    assert built == ["Appears first", "Appears second", "Appears last"], built


def test_an_element_comments_fragment_index_orders_its_click(tmp_path):
    # reveal.js: `<!-- .element: class="fragment" data-fragment-index="3" -->` comes on the third click,
    # whatever its place on the slide (the index was not read: the clicks went in reading order)
    src = tmp_path / "slides.md"
    src.write_text(
        '## Order\n\nThird to come\n<!-- .element: class="fragment" data-fragment-index="3" -->\n\n'
        'First to come\n<!-- .element: class="fragment" data-fragment-index="1" -->\n\n'
        "Second to come\n<!-- .element: class='fragment' data-fragment-index='2' -->\n"
    )
    prs, _ = deck_of(src, tmp_path / "out")
    assert _clicks(prs.slides[-1]) == [["First to come"], ["Second to come"], ["Third to come"]]


def test_fragments_that_change_what_is_shown_are_there_from_the_start(tmp_path):
    # reveal.js's .highlight-red, .fade-out (and grow, strike…) show their content from the start and
    # change it on the click: they were hidden until a click (fade-out's words appeared instead)
    src = tmp_path / "frag.qmd"
    src.write_text(
        "---\ntitle: Fragments\nformat: revealjs\n---\n\n## Choosing\n\n"
        "::: {.fragment .highlight-red}\n**Don't be a hero!**\n:::\n\nTypically, ResNet-50.\n\n"
        "::: {.fragment .fade-out}\nThis line fades out.\n:::\n\n"
        "::: {.fragment .fade-up}\nThis line comes on a click.\n:::\n\n"
        'Last <!-- .element: class="fragment strike" -->\n'
    )
    prs, _ = deck_of(src, tmp_path / "out")
    assert _clicks(prs.slides[-1]) == [["This line comes on a click."]]


def test_a_build_up_list_of_pictures_shows_each_picture_with_its_item(tmp_path):
    # each item's picture is drawn after the list: it came from the start, its click showed nothing
    from PIL import Image

    for k in (1, 2):
        Image.new("RGB", (300, 200), "#4477aa").save(tmp_path / f"part{k}.png")
    src = tmp_path / "build.qmd"
    src.write_text(
        "---\ntitle: T\nformat: revealjs\n---\n\n## Build-up\n\n"
        "::: {.incremental}\n- ![Step one](part1.png)\n- ![Step two](part2.png)\n:::\n"
    )
    prs, _ = deck_of(src, tmp_path / "out")
    slide = prs.slides[-1]
    pictures = [sh.shape_id for sh in slide.shapes if sh.shape_type == 13]
    assert len(pictures) == 2
    steps = _click_targets(slide)
    assert len(steps) == 2 and pictures[0] in steps[0] and pictures[1] in steps[1]


def test_a_var_shortcode_without_a_variables_file_says_there_is_none(tmp_path):
    # it said "_variables.yml has no such key" where there was no _variables.yml at all
    src = tmp_path / "vars.qmd"
    src.write_text("---\ntitle: T\n---\n\n## A\n\nSee {{< var course.url >}} for details.\n")
    result = run_cli("slides", src, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.stderr
    assert "no _variables.yml was found beside the lecture or in its Quarto project" in result.stderr
    (tmp_path / "_variables.yml").write_text("course:\n  name: Stats\n")
    result = run_cli("slides", src, "-o", tmp_path / "out", "--force")
    assert "_variables.yml has no such key" in result.stderr
