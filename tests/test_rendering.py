"""Every renderer shows every node type of the model, or says ``[not-rendered]`` at the node's line."""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path

import pytest

from podium import model as m
from podium.deck.plan import DECK_NODES, plan_deck
from podium.diagnostics import Diagnostics
from podium.handout.html import HANDOUT_NODES, render_html
from podium.reader import read_lecture
from podium.template_folders import load_template

from .conftest import ROOT, build, write_md

EVERY_NODE = """
---
title: Every node
---

## Inlines

Plain **strongA** *emphA* ~~strikeA~~ `codeA` [linkA](https://example.org) $x^{2}$ noteA[^1] one\\
breakA [spanA]{.blank}

### headingA

- itemA
  - itemB

> quoteA
>
> — authorA

| hA | hB |
|----|----|
| cA | cB |

. . .

```python
print("codeB")
```

![captionA](pic.png){fig-alt="altA"}

$$ E = mc^2 $$

::: slides
slidesonlyA
:::

::: foo
divA
:::

[^1]: footnoteA

## Objects

:::: columns
::: column
colA
:::
::: column
colB
:::
::::

```chart
type: column
title: chartA
categories: [a, b]
series: {s: [1, 2]}
```

::: notes
notesA
:::
"""
# The words each output must show; "slidesonlyA" is the deck's alone.
MARKERS = [
    "strongA",
    "emphA",
    "strikeA",
    "codeA",
    "linkA",
    "noteA",
    "breakA",
    "spanA",
    "headingA",
    "itemA",
    "itemB",
    "quoteA",
    "authorA",
    "hA",
    "cB",
    "codeB",
    "captionA",
    "divA",
    "footnoteA",
    "colA",
    "colB",
    "chartA",
    "notesA",
]


@pytest.fixture(scope="module")
def every_node(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("every-node")
    shutil.copy(ROOT / "tests" / "fixtures" / "img" / "pic.png", folder / "pic.png")
    return write_md(folder, EVERY_NODE)


def test_the_sample_holds_every_node_type(every_node):
    lecture = read_lecture(every_node, Diagnostics())
    seen = {type(n) for n in m.walk(lecture.slides)}
    assert seen == set(m.node_types()) - {m.Lecture, m.Section}


def test_both_renderers_declare_every_node_type():
    wanted = set(m.node_types()) - {m.Lecture, m.Section}
    assert wanted <= DECK_NODES and wanted <= HANDOUT_NODES


def _deck_text(path: Path) -> str:
    from pptx import Presentation

    out = []
    for slide in Presentation(str(path)).slides:
        for shape in slide.shapes:
            if shape.has_text_frame:
                out.append(shape.text_frame.text)
            if getattr(shape, "has_table", False) and shape.has_table:
                out += [c.text for row in shape.table.rows for c in row.cells]
            if getattr(shape, "has_chart", False) and shape.has_chart and shape.chart.has_title:
                out.append(shape.chart.chart_title.text_frame.text)
        out.append(slide.notes_slide.notes_text_frame.text)
    return "\n".join(out)


def test_every_node_is_drawn_by_both_outputs(every_node, tmp_path):
    deck, diags = build(every_node, tmp_path, "slides")
    assert not [d for d in diags.warnings if d.code == "not-rendered"]
    text = _deck_text(deck)
    assert [w for w in MARKERS + ["slidesonlyA"] if w not in text] == []
    diags = Diagnostics()
    lecture = read_lecture(every_node, diags)
    html = render_html(lecture, load_template(None, diags), diags)
    assert not [d for d in diags.warnings if d.code == "not-rendered"]
    assert [w for w in MARKERS if w not in html] == []
    assert "slidesonlyA" not in html
    # drawn things carry their alt text: the chart's numbers, the picture's alt, the equation's TeX
    assert "<title>Column chart: chartA. s: a = 1; b = 2.</title>" in html and 'alt="altA"' in html
    assert "<title>E = mc^2</title>" in html


@dataclasses.dataclass(frozen=True)
class Hologram:
    """A block type the model does not have (as a new node type would be, before renderers learn it)."""

    pos: m.SourcePos


def _with(lecture: m.Lecture, block) -> m.Lecture:
    slide = lecture.slides[1]
    return dataclasses.replace(
        lecture,
        slides=(
            lecture.slides[0],
            dataclasses.replace(slide, body=(*slide.body, block)),
            *lecture.slides[2:],
        ),
    )


def test_an_unknown_node_is_reported_at_its_line_by_both(every_node):
    lecture = read_lecture(every_node, Diagnostics())
    odd = _with(lecture, Hologram(m.SourcePos(lecture.path, 42)))
    diags = Diagnostics()
    plans = plan_deck(odd, diags)
    html = render_html(odd, load_template(None, diags), diags)
    found = [(str(d.pos), d.message) for d in diags.warnings if d.code == "not-rendered"]
    assert [pos for pos, _ in found] == [f"{lecture.path}:42"] * 2
    assert "deck cannot show this Hologram" in found[0][1] and "handout" in found[1][1]
    assert len(plans) == len(lecture.slides) and "footnoteA" in html  # the rest is still drawn


def test_an_unknown_chart_kind_is_reported_not_drawn_as_bars(every_node):
    lecture = read_lecture(every_node, Diagnostics())
    chart = next(n for n in m.walk(lecture.slides) if isinstance(n, m.Chart))
    odd = _with(lecture, dataclasses.replace(chart, kind="radar", title="radarA"))
    diags = Diagnostics()
    html = render_html(odd, load_template(None, diags), diags)
    plan_deck(odd, diags)
    assert [d.message for d in diags.warnings if d.code == "not-rendered"] == [
        "the handout cannot show this radar chart; it was left out",
        "the deck cannot show this radar chart; it was left out",
    ]
    assert "radarA" not in html


def test_objects_inside_list_items_and_quotes_are_drawn_not_dropped(tmp_path):
    shutil.copy(ROOT / "tests" / "fixtures" / "img" / "pic.png", tmp_path / "pic.png")
    src = write_md(
        tmp_path,
        """
        ---
        title: Nested
        ---

        ## Inside

        - a point
          ![in a list](pic.png)
        - next point

        > quoted
        >
        > | q | r |
        > |---|---|
        > | 1 | 2 |
        """,
    )
    lecture = read_lecture(src, Diagnostics())
    plan = plan_deck(lecture)[1]
    from podium.deck.plan import ObjectChunk

    kinds = [type(c.block).__name__ for c in plan.chunks if isinstance(c, ObjectChunk)]
    assert kinds == ["Image", "Table"]
    deck, _ = build(src, tmp_path / "out", "slides")
    from pptx import Presentation

    shapes = Presentation(str(deck)).slides[1].shapes
    assert any(s.shape_type is not None and s.shape_type.name == "PICTURE" for s in shapes)
    assert any(getattr(s, "has_table", False) and s.has_table for s in shapes)


def _glyphs(svg: str) -> int:
    return svg.count("<use") + svg.count("<path")


@pytest.mark.parametrize("cls", ["mathop", "mathrel", "mathbin"])
def test_a_symbol_wrapped_in_mathop_is_drawn_in_the_handout_and_slides_pdf(cls):
    """A reveal.js lecture's ``\\indep`` (``\\mathop{\\perp\\!\\!\\!\\perp}``) came out as "x y"."""
    from podium.mathrender import tex_to_svg

    plain = tex_to_svg("x y")
    wrapped = tex_to_svg(f"x \\{cls}{{\\perp\\!\\!\\!\\perp}} y")
    assert plain is not None and wrapped is not None
    assert _glyphs(wrapped) >= _glyphs(plain) + 2


def test_a_macro_body_escaped_for_revealjs_means_its_spacing_command():
    lecture = read_lecture_text(
        "---\ntitle: T\n---\n\n$\\newcommand{\\jump}[1]{[\\\\![#1]\\\\!]}$\n\n## S\n\n- $\\jump{P}_z$\n"
    )
    (item,) = [b for b in lecture.slides[-1].body if isinstance(b, m.BulletList)][0].items
    (math,) = [x for x in item.blocks[0].content if isinstance(x, m.InlineMath)]
    assert math.tex == "{[\\![P]\\!]}_z"


def read_lecture_text(text: str):
    from podium.reader import parse_lecture

    return parse_lecture(text, "t.md", Diagnostics())


def test_an_operator_group_with_limits_is_drawn():
    from podium.mathrender import tex_to_svg

    svg = tex_to_svg("\\mathop{\\mathrm{argmax}}\\limits_{x} f(x)")
    assert svg is not None and _glyphs(svg) >= _glyphs(tex_to_svg("f(x)")) + 6


def test_sized_brackets_are_drawn_as_brackets_and_an_operator_name_keeps_its_space():
    """``\\big\\langle`` was drawn as the words "\\langle" in the handout and slides PDF; the
    name of ``\\operatorname{logit} P`` ran into its argument ("logitP")."""
    from podium.mathrender import math_points, tex_to_svg

    sized, plain = tex_to_svg("\\big\\langle f \\big\\rangle"), tex_to_svg("\\langle f \\rangle")
    assert sized is not None and plain is not None and _glyphs(sized) == _glyphs(plain)
    spaced, tight = math_points("\\operatorname{logit} P"), math_points("\\mathrm{logit}P")
    assert spaced is not None and tight is not None and spaced[0] > tight[0] + 2
    from podium.texmath import tex_to_mathml

    assert "<mspace" in (tex_to_mathml("\\operatorname{logit} P") or "")  # the deck's Office math too
    assert "<mspace" not in (tex_to_mathml("\\operatorname{logit}(p)") or "")


def test_math_escaped_for_a_markdown_that_unescapes_it_is_read_as_mathjax_reads_it():
    """reveal.js decks escape math for marked: ``\\int_\\{x \\in A\\}`` and ``p\\\\{f\\\\}`` reach MathJax
    as ``\\int_{x \\in A}`` and ``p\\{f\\}``; TeX's own ``\\{x \\mid x > 0\\}`` is left as it is."""
    lecture = read_lecture_text(
        "---\ntitle: T\n---\n\n## S\n\n- $\\int_\\{z \\in \\{\\mathbb{R}\\}^2\\} p(z)\\\\{f(z)\\\\} dz$\n"
        "- $A = \\{x \\mid x > 0\\}$\n"
    )
    items = [b for b in lecture.slides[-1].body if isinstance(b, m.BulletList)][0].items
    texs = [x.tex for item in items for x in item.blocks[0].content if isinstance(x, m.InlineMath)]
    assert texs == ["\\int_{z \\in {\\mathbb{R}}^2} p(z)\\{f(z)\\} dz", "A = \\{x \\mid x > 0\\}"]
