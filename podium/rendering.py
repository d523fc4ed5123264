"""What every renderer shares: the node types it can show, and a ``[not-rendered]`` warning for others.

Each renderer declares the node types (and chart kinds) it draws.  Before drawing, it passes the
lecture through :func:`renderable`, which reports every other node at its source line and leaves
it out, so a renderer's dispatch never meets a node it does not know and nothing vanishes
silently (pandoc's ``BlockNotRendered``).  ``tests/test_rendering.py`` renders one node of every
type of the model through both outputs, so a declaration cannot claim what the renderer does not do.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from . import model as m
from .diagnostics import Diagnostics

# What a lecturer calls each node in a message.
_NAMES = {
    m.Paragraph: "paragraph",
    m.Heading: "heading",
    m.BulletList: "list",
    m.ListItem: "list item",
    m.CodeBlock: "code block",
    m.Quote: "quotation",
    m.Table: "table",
    m.TableCell: "table cell",
    m.Image: "picture",
    m.Columns: "column group",
    m.Column: "column",
    m.Chart: "chart",
    m.MathBlock: "equation",
    m.Pause: "pause",
    m.SlidesOnly: "slides-only block",
    m.Div: "div",
    m.InlineMath: "formula",
    m.Link: "link",
    m.FootnoteRef: "footnote mark",
    m.Span: "span",
}


def describe(node: Any) -> str:
    """Return a short name for ``node`` a lecturer recognises ("chart 'pie2'", "table", …)."""
    name = _NAMES.get(type(node), type(node).__name__)
    if isinstance(node, m.Chart):
        return f"{node.kind} chart"
    return name


def renderable(
    lecture: m.Lecture,
    handled: frozenset[type],
    output: str,
    diags: Diagnostics,
    chart_kinds: Iterable[str] = m.CHART_KINDS,
) -> m.Lecture:
    """Return ``lecture`` without the nodes ``output`` cannot show, each reported ``[not-rendered]``."""
    kinds = frozenset(chart_kinds)
    missing: list[tuple[Any, m.SourcePos | None]] = []

    def visit(node: Any, pos: m.SourcePos | None) -> None:
        pos = getattr(node, "pos", pos)
        if type(node) not in handled or (isinstance(node, m.Chart) and node.kind not in kinds):
            missing.append((node, pos))
            return
        for child in m.children(node):
            visit(child, pos)

    for slide in lecture.slides:
        visit(slide, slide.pos)
    if not missing:
        return lecture
    for node, pos in missing:
        diags.warning(f"the {output} cannot show this {describe(node)}; it was left out", pos, "not-rendered")
    dropped = {id(node) for node, _ in missing}
    return m.transform(lecture, lambda node: None if id(node) in dropped else node)
