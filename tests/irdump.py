"""A readable, stable text dump of the Lecture IR, for fixture files."""

from __future__ import annotations

from podium import model as m


def inl(items: m.Inlines) -> str:
    out = []
    for x in items:
        if isinstance(x, m.Text):
            out.append(x.text)
        elif isinstance(x, m.Strong):
            out.append(f"**{inl(x.children)}**")
        elif isinstance(x, m.Emph):
            out.append(f"*{inl(x.children)}*")
        elif isinstance(x, m.Strike):
            out.append(f"~~{inl(x.children)}~~")
        elif isinstance(x, m.Code):
            out.append(f"`{x.text}`")
        elif isinstance(x, m.Link):
            out.append(f"[{inl(x.children)}]({x.url})")
        elif isinstance(x, m.InlineMath):
            out.append(f"${x.tex}$")
        elif isinstance(x, m.FootnoteRef):
            out.append(f"^{x.number}")
        elif isinstance(x, m.LineBreak):
            out.append("\\n")
        elif isinstance(x, m.Span):
            out.append(f"[{inl(x.children)}]{{{' '.join('.' + c for c in x.classes)}}}")
    return "".join(out)


def blocks(bs: m.Blocks, depth: int) -> list[str]:
    pad = "  " * depth
    out: list[str] = []
    for b in bs:
        line = b.pos.line if hasattr(b, "pos") else 0
        if isinstance(b, m.Paragraph):
            out.append(f"{pad}para@{line} {inl(b.content)}")
        elif isinstance(b, m.Heading):
            out.append(f"{pad}heading{b.level}@{line} {inl(b.content)}")
        elif isinstance(b, m.BulletList):
            kind = "ordered" if b.ordered else "bullets"
            out.append(f"{pad}{kind}@{line}" + (" incremental" if b.incremental else "")
                       + (f" start={b.start}" if b.start != 1 else ""))
            for item in b.items:
                out.append(f"{pad}  item")
                out += blocks(item.blocks, depth + 2)
        elif isinstance(b, m.Quote):
            out.append(f"{pad}quote@{line}" + (f" — {inl(b.attribution)}" if b.attribution else ""))
            out += blocks(b.blocks, depth + 1)
        elif isinstance(b, m.CodeBlock):
            out.append(f"{pad}code@{line} {b.language or '-'} {b.code!r}")
        elif isinstance(b, m.Table):
            out.append(f"{pad}table@{line} aligns={','.join(a or '-' for a in b.aligns)} "
                       f"widths={','.join(f'{w:.2f}' for w in b.widths)}")
            for row in (b.header, *b.rows):
                out.append(f"{pad}  | " + " | ".join(inl(c.content) for c in row))
        elif isinstance(b, m.Image):
            size = "".join(f" {k}={v.value:g}{v.unit}" for k, v in (("width", b.width), ("height", b.height)) if v)
            out.append(f"{pad}image@{line} {b.src} found={b.path is not None} alt={b.alt!r}{size}"
                       + (f" caption={inl(b.caption)!r}" if b.caption else ""))
        elif isinstance(b, m.Columns):
            out.append(f"{pad}columns@{line}")
            for c in b.columns:
                out.append(f"{pad}  column width={c.width}")
                out += blocks(c.blocks, depth + 2)
        elif isinstance(b, m.Chart):
            series = "; ".join(f"{s.name}={list(s.values)}" for s in b.series)
            out.append(f"{pad}chart@{line} {b.kind} {b.title!r} cats={list(b.categories)} {series}")
        elif isinstance(b, m.MathBlock):
            out.append(f"{pad}math@{line} {b.tex}")
        elif isinstance(b, m.Pause):
            out.append(f"{pad}pause@{line}")
        elif isinstance(b, m.SlidesOnly):
            out.append(f"{pad}slides-only@{line}")
            out += blocks(b.blocks, depth + 1)
        elif isinstance(b, m.Div):
            out.append(f"{pad}div@{line} {' '.join(b.classes)}")
            out += blocks(b.blocks, depth + 1)
    return out


def dump(lecture: m.Lecture) -> str:
    """Return the IR of ``lecture`` as indented text, one node per line."""
    out = [f"slide-level {lecture.slide_level}"]
    for s in lecture.slides:
        extra = "".join([f" layout={s.layout}" if s.layout else "", " incremental" if s.incremental else "",
                         f" section={s.section}" if s.section is not None else ""])
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
