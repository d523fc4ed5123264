"""A readable, stable text dump of the Lecture IR, for fixture files.

One line per block (and per list item and column), indented by depth; the recursion goes through
the model's one traversal, :func:`podium.model.children`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from podium import model as m

# How each inline is written back, roughly as Markdown.
_INLINE: dict[type, Callable[[Any], str]] = {
    m.Text: lambda x: x.text,
    m.Strong: lambda x: f"**{inl(x.children)}**",
    m.Emph: lambda x: f"*{inl(x.children)}*",
    m.Strike: lambda x: f"~~{inl(x.children)}~~",
    m.Code: lambda x: f"`{x.text}`",
    m.Link: lambda x: f"[{inl(x.children)}]({x.url})",
    m.InlineMath: lambda x: f"${x.tex}$",
    m.FootnoteRef: lambda x: f"^{x.number}",
    m.LineBreak: lambda x: "\\n",
    m.Span: lambda x: f"[{inl(x.children)}]{{{' '.join('.' + c for c in x.classes)}}}",
}


def inl(items: m.Inlines) -> str:
    return "".join(_INLINE[type(x)](x) for x in items)


def _table(b: m.Table) -> list[str]:
    head = (
        f"table@{b.pos.line} aligns={','.join(a or '-' for a in b.aligns)} "
        f"widths={','.join(f'{w:.2f}' for w in b.widths)}"
    )
    return [head] + ["  | " + " | ".join(inl(c.content) for c in row) for row in (b.header, *b.rows)]


def _image(b: m.Image) -> list[str]:
    size = "".join(f" {k}={v.value:g}{v.unit}" for k, v in (("width", b.width), ("height", b.height)) if v)
    return [
        f"image@{b.pos.line} {b.src} found={b.path is not None} alt={b.alt!r}{size}"
        + (f" caption={inl(b.caption)!r}" if b.caption else "")
    ]


def _list(b: m.BulletList) -> list[str]:
    return [
        f"{'ordered' if b.ordered else 'bullets'}@{b.pos.line}"
        + (" incremental" if b.incremental else "")
        + (f" start={b.start}" if b.start != 1 else "")
    ]


# The line(s) each block-level node writes about itself; its child blocks follow, one level deeper.
# Nodes not listed (inlines, table cells) are written by their parent.
_OWN: dict[type, Callable[[Any], list[str]]] = {
    m.Paragraph: lambda b: [f"para@{b.pos.line} {inl(b.content)}"],
    m.Heading: lambda b: [f"heading{b.level}@{b.pos.line} {inl(b.content)}"],
    m.BulletList: _list,
    m.ListItem: lambda b: ["item"],
    m.Quote: lambda b: [f"quote@{b.pos.line}" + (f" — {inl(b.attribution)}" if b.attribution else "")],
    m.CodeBlock: lambda b: [f"code@{b.pos.line} {b.language or '-'} {b.code!r}"],
    m.Table: _table,
    m.Image: _image,
    m.Columns: lambda b: [f"columns@{b.pos.line}"],
    m.Column: lambda b: [f"column width={b.width}"],
    m.Chart: lambda b: [
        f"chart@{b.pos.line} {b.kind} {b.title!r} cats={list(b.categories)} "
        + "; ".join(f"{s.name}={list(s.values)}" for s in b.series)
    ],
    m.MathBlock: lambda b: [f"math@{b.pos.line} {b.tex}"],
    m.Pause: lambda b: [f"pause@{b.pos.line}"],
    m.SlidesOnly: lambda b: [f"slides-only@{b.pos.line}"],
    m.Div: lambda b: [f"div@{b.pos.line} {' '.join(b.classes)}"],
}


def blocks(bs, depth: int) -> list[str]:
    pad = "  " * depth
    out: list[str] = []
    for b in bs:
        own = _OWN.get(type(b))
        if own is None:
            continue
        out += [pad + line for line in own(b)]
        out += blocks(m.children(b), depth + 1)
    return out


def dump(lecture: m.Lecture) -> str:
    """Return the IR of ``lecture`` as indented text, one node per line."""
    out = [f"slide-level {lecture.slide_level}"]
    for s in lecture.slides:
        extra = "".join(
            [
                f" layout={s.layout}" if s.layout else "",
                " incremental" if s.incremental else "",
                f" section={s.section}" if s.section is not None else "",
            ]
        )
        out.append(f"{s.number} {s.kind}@{s.pos.line} {inl(s.title)!r}{extra}")
        out += blocks(s.body, 1)
        if s.notes:
            out.append("  notes:")
            out += blocks(s.notes, 2)
        if s.handout:
            out.append("  handout:")
            out += blocks(s.handout, 2)
        for f in s.footnotes:
            out.append(f"  footnote {f.number}:")
            out += blocks(f.blocks, 2)
    return "\n".join(out)
