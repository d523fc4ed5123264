"""The deck plan (podium/deck/plan.py) decides once what both outputs show: each slide's layout kind
(section slides included), its parts (continuation slides "Title (cont.)") and its charts' axes.

Each decision is read back from both outputs: the deck with python-pptx (layout names, titles,
the chart's own x values) and the handout's HTML (the slide drawings' kind and layout classes, the
bookmarks, the chart drawings' point positions), as the pipeline renders them from one plan.
"""

from __future__ import annotations

import re

import pytest
from lxml import etree
from pptx import Presentation

from podium import model as m
from podium.deck.plan import LAYOUT_NAMES, LayoutKind, chart_axes
from podium.diagnostics import Diagnostics
from podium.pipeline import BuildOptions, handout_html, prepare

from .conftest import build, write_md

LONG_ITEMS = "\n".join(
    f"- item {i}: a line long enough to take a line of the slide's body" for i in range(30)
)

PLANNED = f"""---
title: Planned
---

# Part one

## Bullets

- first
- second

## Only a title

## Divider {{.section}}

## Side by side

:::: columns
::: column
left words
:::
::: column
right words
:::
::::

## Numbers

Some words before the chart.

```chart
type: scatter
title: Spread
categories: [1, 2, 4, 10]
series:
  y: [2, 4, 8, 3]
```

## Named

```chart
type: scatter
title: Evenly
categories: [low, mid, high]
series:
  y: [1, 3, 2]
```

## Long

{LONG_ITEMS}

::: notes
Said once, on the first part.
:::
"""

KINDS = [
    LayoutKind.TITLE,
    LayoutKind.SECTION,  # '# Part one' above the slide level
    LayoutKind.CONTENT,
    LayoutKind.TITLE_ONLY,
    LayoutKind.SECTION,  # '{.section}' and no body: a section slide, decided here only
    LayoutKind.TWO_CONTENT,
    LayoutKind.CAPTION,  # text, then an object
    LayoutKind.CONTENT,  # a chart alone
]


@pytest.fixture(scope="module")
def planned(tmp_path_factory):
    """(plans, deck Presentation, handout HTML) of PLANNED, built once."""
    folder = tmp_path_factory.mktemp("plan")
    src = write_md(folder, PLANNED)
    deck, diags = build(src, folder / "out", "slides")
    assert not diags.has_errors(), [d.format() for d in diags.items]
    prep = prepare(src, BuildOptions(out_dir=folder / "out"), Diagnostics())
    return prep.plans, Presentation(str(deck)), handout_html(prep, Diagnostics()), prep.lecture


def _handout_kinds(html: str) -> list[str]:
    """The layout kind of each handout entry, in order."""
    out = []
    starts = list(re.finditer(r'<(\w+) class="([^"]*)"[^>]*data-bookmark="[^"]*"', html))
    for k, entry in enumerate(starts):
        classes = entry.group(2).split()
        body = html[entry.end() : starts[k + 1].start() if k + 1 < len(starts) else len(html)]
        if "cover-page" in classes:
            out.append(LayoutKind.TITLE.value)
        elif "section-slide" in classes:
            out.append(LayoutKind.SECTION.value)
        else:
            drawn = re.search(r'class="twin-frame kind-\w+ layout-([\w-]+)"', body)
            out.append(drawn.group(1) if drawn else "?")
    return out


def test_each_slide_gets_its_layout_kind_once(planned):
    plans, prs, html, _ = planned
    kinds = [p.kind for p in plans]
    assert kinds[: len(KINDS)] == KINDS
    assert set(kinds[len(KINDS) :]) == {LayoutKind.CONTENT}  # the long slide and its parts
    # the deck uses the layout of each decision (the default template keeps pandoc's layout names)
    assert [s.slide_layout.name for s in prs.slides] == [LAYOUT_NAMES[k] for k in kinds]
    # and the handout shows each slide from the same decision: the title slide as the cover, a
    # section as a section heading, every other slide as a drawing of its layout
    assert _handout_kinds(html) == [k.value for k in kinds]


def test_a_section_slide_without_a_body_is_a_section_in_both_outputs(planned):
    plans, prs, html, _ = planned
    divider = next(p for p in plans if "".join(r.text for r in p.title) == "Divider")
    assert divider.kind == LayoutKind.SECTION and not divider.chunks
    slide = prs.slides[divider.number - 1]
    assert slide.slide_layout.name == LAYOUT_NAMES[LayoutKind.SECTION]
    assert slide.shapes.title.text == "Divider"
    # the handout lists it as a section of the contents, with the slides after it
    assert re.search(rf'data-bookmark="{divider.number}\. Divider"', html)


def test_a_full_slide_continues_on_parts_that_both_outputs_show(planned):
    plans, prs, html, _ = planned
    long = [p for p in plans if "".join(r.text for r in p.title).startswith("Long")]
    assert len(long) >= 2
    assert [(p.part, p.parts) for p in long] == [(i, len(long)) for i in range(1, len(long) + 1)]
    titles = [s.shapes.title.text for s in prs.slides][-len(long) :]
    assert titles == ["Long"] + ["Long (cont.)"] * (len(long) - 1)
    # every item on exactly one part, in order, in the deck …
    items = [
        p.text
        for s in list(prs.slides)[-len(long) :]
        for sh in s.placeholders
        if sh.placeholder_format.idx == 1
        for p in sh.text_frame.paragraphs
    ]
    assert [t.split(":")[0] for t in items] == [f"item {i}" for i in range(30)]
    # … the notes on the first part only …
    notes = [
        s.notes_slide.notes_text_frame.text if s.has_notes_slide else ""
        for s in list(prs.slides)[-len(long) :]
    ]
    assert notes[0] == "Said once, on the first part." and not any(notes[1:])
    # … and the handout has one entry per part, numbered as the deck's slides
    for p in long:
        title = "".join(r.text for r in p.title)
        position = next(k for k, q in enumerate(plans, 1) if q is p)  # continuation parts count
        assert f'data-bookmark="{position}. {title}"' in html, title


def _xy_x_values(prs, title: str) -> list[float]:
    for slide in prs.slides:
        for sh in slide.shapes:
            if sh.has_chart and sh.chart.has_title and sh.chart.chart_title.text_frame.text == title:
                xml = sh.chart._chartSpace
                return [float(v.text) for v in xml.xpath(".//c:xVal//c:v")]
    raise AssertionError(f"no chart titled {title!r} in the deck")


def _svg_point_xs(html: str, title: str) -> list[float]:
    """Where the handout's drawing puts the chart's markers along x: circles' centres, or the start of
    each arc of a markers path (the same offset for every marker, which leaves the spacing as it is)."""
    svg = re.search(rf'<svg[^>]*aria-label="{title}".*?</svg>', html, re.S)
    assert svg, f"no chart drawing titled {title!r} in the handout"
    root = etree.fromstring(svg.group(0).encode())
    circles = [float(c.get("cx")) for c in root.iter("{http://www.w3.org/2000/svg}circle")]
    if circles:
        return circles
    paths = [p.get("d", "") for p in root.iter("{http://www.w3.org/2000/svg}path") if "a" in p.get("d", "")]
    return [float(x) for d in paths for x in re.findall(r"M(-?[\d.]+)[ ,]-?[\d.]+a", d)]


def _chart(lecture, title: str) -> m.Chart:
    return next(n for n in m.walk(lecture.slides) if isinstance(n, m.Chart) and n.title == title)


@pytest.mark.parametrize(
    "title,numeric,xs", [("Spread", True, [1.0, 2.0, 4.0, 10.0]), ("Evenly", False, [1.0, 2.0, 3.0])]
)
def test_scatter_axes_are_decided_once_for_both_outputs(planned, title, numeric, xs):
    """Numbers as categories are places on the x axis; words are evenly spaced, in both outputs."""
    _, prs, html, lecture = planned
    axes = chart_axes(_chart(lecture, title))
    assert axes.x_numeric is numeric and list(axes.x_values) == xs
    assert _xy_x_values(prs, title) == xs  # the deck's scatter points sit at the plan's x values
    drawn = _svg_point_xs(html, title)  # the handout's points: the same spacing
    assert len(drawn) == len(xs)
    for i in range(1, len(xs)):
        assert (drawn[i] - drawn[0]) / (drawn[-1] - drawn[0]) == pytest.approx(
            (xs[i] - xs[0]) / (xs[-1] - xs[0]), abs=0.01
        )


def test_code_inside_list_items_is_drawn_after_its_item_not_after_the_list():
    from podium.deck.plan import ObjectChunk, TextChunk, plan_deck
    from podium.reader import parse_lecture

    lec = parse_lecture(
        "## Using ruff\n\n1.  **Install it:**\n    ```bash\n    uv pip install ruff\n    ```\n"
        "    This adds ruff.\n\n2.  **Lint:**\n    ```bash\n    uv run ruff check .\n    ```\n\n"
        "3.  **Format:**\n    ```bash\n    uv run ruff format .\n    ```\n",
        "l.md",
        Diagnostics(),
    )
    (plan,) = plan_deck(lec, Diagnostics())
    shown = []
    for c in plan.chunks:
        if isinstance(c, ObjectChunk):
            shown.append(("code", c.block.code))
        elif isinstance(c, TextChunk):
            shown += [
                (p.number if p.bullet.value == "number" else p.level, "".join(r.text for r in p.runs))
                for p in c.paras
            ]
    assert shown == [
        (1, "Install it:"),
        ("code", "uv pip install ruff"),
        (1, "This adds ruff."),  # (under its item, after its code)
        (2, "Lint:"),
        ("code", "uv run ruff check ."),
        (3, "Format:"),
        ("code", "uv run ruff format ."),
    ]


def test_code_in_a_nested_item_comes_after_that_item_in_the_deck_and_the_slides_pdf(tmp_path):
    """A sub-item's command is drawn under the sub-item, before the list goes on (not after the whole
    list), and the sub-items after it keep their level: in the deck and in its drawing."""
    from pptx import Presentation

    from tests.conftest import run_cli, write_md
    from tests.drawn import pages

    src = write_md(
        tmp_path,
        "---\ntitle: Steps\n---\n\n## Install\n\n1. Create an environment:\n\n    ```bash\n"
        "    python -m venv .venv\n    ```\n\n2. Activate it:\n\n    - on Linux:\n\n        ```bash\n"
        "        . .venv/bin/activate\n        ```\n\n    - on Windows: run the script\n\n"
        "3. Install the package\n",
    )
    result = run_cli("all", str(src), "-o", str(tmp_path / "out"))
    assert result.exit_code == 0, result.output
    slide = Presentation(str(tmp_path / "out" / "lecture.pptx")).slides[1]
    shown = []  # (level, text) of the paragraphs and ("code", text) of listings, top to bottom
    for shape in sorted(slide.shapes, key=lambda s: s.top):
        if not shape.has_text_frame or shape.text_frame.text in ("Install", "Steps", "2"):
            continue
        is_code = shape.text_frame.text.startswith(("python -m", ". .venv"))
        shown += (
            [("code", shape.text_frame.text)]
            if is_code
            else [(p.level, p.text) for p in shape.text_frame.paragraphs]
        )
    assert shown == [
        (0, "Create an environment:"),
        ("code", "python -m venv .venv"),
        (0, "Activate it:"),
        (1, "on Linux:"),
        ("code", ". .venv/bin/activate"),
        (1, "on Windows: run the script"),  # (still a sub-item: not a new first-level one)
        (0, "Install the package"),
    ]
    _, _, words = pages(tmp_path / "out" / "lecture-slides.pdf")[1]
    x = {w.text: w.x0 for w in words}
    y = {w.text: w.y0 for w in words}
    assert y["Linux:"] < y[".venv/bin/activate"] < y["Windows:"] < y["package"]
    assert x["on"] > x["Activate"] + 5  # the sub-items drawn indented, both of them alike
    assert abs(min(w.x0 for w in words if w.text == "on") - max(w.x0 for w in words if w.text == "on")) < 1


def test_a_bullet_item_that_is_only_a_picture_leaves_no_bare_bullet(tmp_path):
    """The picture comes after the list, on its item's click; the list has no empty bullet line for it."""
    from PIL import Image
    from pptx import Presentation
    from pptx.enum.shapes import MSO_SHAPE_TYPE

    from tests.conftest import click_paragraphs, run_cli, write_md

    Image.new("RGB", (400, 300), (0, 120, 200)).save(tmp_path / "p.png")
    src = write_md(
        tmp_path,
        "---\ntitle: P\n---\n\n## Poblaciones\n\n::: incremental\n* Los organismos de un mismo grupo\n\n"
        "* ![](p.png)\n\n* Y tienen la capacidad de cruzarse\n:::\n",
    )
    result = run_cli("all", str(src), "-o", str(tmp_path / "out"))
    assert result.exit_code == 0, result.output
    slide = Presentation(str(tmp_path / "out" / "lecture.pptx")).slides[1]
    body = [sh for sh in slide.shapes if sh.has_text_frame and "organismos" in sh.text_frame.text][0]
    assert [p.text for p in body.text_frame.paragraphs] == [
        "Los organismos de un mismo grupo",
        "Y tienen la capacidad de cruzarse",
    ]
    assert any(sh.shape_type == MSO_SHAPE_TYPE.PICTURE for sh in slide.shapes)
    assert len(click_paragraphs(slide)) == 3  # (the picture's click, between the two items')
