"""The Lecture IR: what a lecture *is*, independent of Markdown, PowerPoint and HTML.

The reader builds it once; both renderers and the verifier read only this.  Every node is a
frozen, slotted dataclass with tuple fields, so the IR is hashable, cheap and safe to share
between the deck and handout renderers (and, later, between worker processes).  Block nodes
carry a :class:`SourcePos` so any renderer can report a problem at its source line.

Decisions made here, once, and nowhere else: slide numbers, section membership, slide titles,
and what is visible where (`SlidesOnly` blocks, handout-only text, speaker notes).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Union


@dataclass(frozen=True, slots=True)
class SourcePos:
    """A position in a source file: 1-based line, 1-based column (0 when unknown)."""

    path: str
    line: int
    col: int = 0

    def __str__(self) -> str:
        return f"{self.path}:{self.line}" + (f":{self.col}" if self.col else "")


# --------------------------------------------------------------------------- inlines


@dataclass(frozen=True, slots=True)
class Text:
    text: str


@dataclass(frozen=True, slots=True)
class Strong:
    children: tuple[Inline, ...]


@dataclass(frozen=True, slots=True)
class Emph:
    children: tuple[Inline, ...]


@dataclass(frozen=True, slots=True)
class Strike:
    children: tuple[Inline, ...]


@dataclass(frozen=True, slots=True)
class Code:
    text: str


@dataclass(frozen=True, slots=True)
class Link:
    """A hyperlink.  ``url`` is already vetted: unsafe schemes never reach the IR."""

    children: tuple[Inline, ...]
    url: str


@dataclass(frozen=True, slots=True)
class InlineMath:
    tex: str


@dataclass(frozen=True, slots=True)
class FootnoteRef:
    """A reference to footnote ``number`` (1-based, numbered per slide)."""

    number: int


@dataclass(frozen=True, slots=True)
class LineBreak:
    pass


@dataclass(frozen=True, slots=True)
class Span:
    """A bracketed span with classes, e.g. ``[answer]{.blank}``; unknown classes render plainly."""

    children: tuple[Inline, ...]
    classes: tuple[str, ...] = ()


Inline = Union[Text, Strong, Emph, Strike, Code, Link, InlineMath, FootnoteRef, LineBreak, Span]
Inlines = tuple[Inline, ...]


# --------------------------------------------------------------------------- blocks


@dataclass(frozen=True, slots=True)
class Paragraph:
    content: Inlines
    pos: SourcePos


@dataclass(frozen=True, slots=True)
class Heading:
    """A heading *inside* a slide (below the slide level)."""

    level: int
    content: Inlines
    pos: SourcePos


@dataclass(frozen=True, slots=True)
class ListItem:
    blocks: tuple[Block, ...]
    pos: SourcePos


@dataclass(frozen=True, slots=True)
class BulletList:
    """A bullet or numbered list.  ``incremental`` lists appear item by item in the deck."""

    items: tuple[ListItem, ...]
    pos: SourcePos
    ordered: bool = False
    start: int = 1
    incremental: bool = False


@dataclass(frozen=True, slots=True)
class CodeBlock:
    code: str
    language: str
    pos: SourcePos


@dataclass(frozen=True, slots=True)
class Quote:
    blocks: tuple[Block, ...]
    pos: SourcePos
    attribution: Inlines = ()


@dataclass(frozen=True, slots=True)
class TableCell:
    content: Inlines


@dataclass(frozen=True, slots=True)
class Table:
    """A table.  ``widths`` are relative column widths summing to 1.0."""

    header: tuple[TableCell, ...]
    rows: tuple[tuple[TableCell, ...], ...]
    aligns: tuple[str, ...]  # "left" | "center" | "right" | "" per column
    widths: tuple[float, ...]
    pos: SourcePos
    caption: Inlines = ()


@dataclass(frozen=True, slots=True)
class Length:
    """A size attribute: ``value`` in ``unit`` ("%", "in", "cm", "mm", "pt", "px")."""

    value: float
    unit: str


@dataclass(frozen=True, slots=True)
class Image:
    """A picture.  ``path`` is the resolved file path (None when missing or refused)."""

    src: str
    path: str | None
    caption: Inlines
    alt: str
    pos: SourcePos
    width: Length | None = None
    height: Length | None = None


@dataclass(frozen=True, slots=True)
class Column:
    blocks: tuple[Block, ...]
    width: float | None  # fraction of the slide's content width, or None for "share the rest"


@dataclass(frozen=True, slots=True)
class Columns:
    columns: tuple[Column, ...]
    pos: SourcePos


@dataclass(frozen=True, slots=True)
class ChartSeries:
    name: str
    values: tuple[float, ...]


@dataclass(frozen=True, slots=True)
class Chart:
    """A chart: ``kind`` is one of CHART_KINDS; values already validated."""

    kind: str
    title: str
    categories: tuple[str, ...]
    series: tuple[ChartSeries, ...]
    pos: SourcePos
    x_title: str = ""
    y_title: str = ""


CHART_KINDS = ("bar", "column", "line", "pie", "scatter", "stacked")


@dataclass(frozen=True, slots=True)
class MathBlock:
    tex: str
    pos: SourcePos


@dataclass(frozen=True, slots=True)
class Pause:
    """``. . .``: what follows appears on the next click."""

    pos: SourcePos


@dataclass(frozen=True, slots=True)
class SlidesOnly:
    """Blocks shown on the slides only (``::: slides``); the handout leaves them out."""

    blocks: tuple[Block, ...]
    pos: SourcePos


@dataclass(frozen=True, slots=True)
class Div:
    """A fenced div the dialect gives no meaning to: its blocks render in place."""

    blocks: tuple[Block, ...]
    classes: tuple[str, ...]
    pos: SourcePos


Block = Union[
    Paragraph,
    Heading,
    BulletList,
    CodeBlock,
    Quote,
    Table,
    Image,
    Columns,
    Chart,
    MathBlock,
    Pause,
    SlidesOnly,
    Div,
]
Blocks = tuple[Block, ...]


@dataclass(frozen=True, slots=True)
class Footnote:
    number: int
    blocks: Blocks


# --------------------------------------------------------------------------- slides


TITLE, SECTION, CONTENT = "title", "section", "content"


@dataclass(frozen=True, slots=True)
class Slide:
    """One slide of the deck, and one entry of the handout.

    ``kind`` is ``title`` (from metadata), ``section`` (a heading above the slide level) or
    ``content``.  ``number`` is the 1-based position in the deck.  ``section`` is the index into
    :attr:`Lecture.sections` of the section the slide belongs to, or None before the first one.
    """

    number: int
    kind: str
    title: Inlines
    body: Blocks
    pos: SourcePos
    notes: Blocks = ()
    handout: Blocks = ()
    footnotes: tuple[Footnote, ...] = ()
    section: int | None = None
    layout: str | None = None  # a layout name the author asked for
    classes: tuple[str, ...] = ()
    incremental: bool = False  # every list on the slide appears item by item


@dataclass(frozen=True, slots=True)
class Author:
    name: str
    affiliation: str = ""
    email: str = ""


@dataclass(frozen=True, slots=True)
class Meta:
    title: str = ""
    subtitle: str = ""
    authors: tuple[Author, ...] = ()
    institute: str = ""
    date: str = ""
    lang: str = "en"
    course: str = ""
    term: str = ""
    template: str | None = None
    slide_level: int | None = None


@dataclass(frozen=True, slots=True)
class Section:
    title: Inlines
    slide: int  # number of its section-header slide


@dataclass(frozen=True, slots=True)
class Lecture:
    """A whole lecture: metadata, slides in deck order, sections for the table of contents."""

    path: str
    meta: Meta
    slides: tuple[Slide, ...]
    sections: tuple[Section, ...] = ()
    slide_level: int = 2
    base_dir: str = field(default=".", compare=False)


# --------------------------------------------------------------------------- helpers


def plain_text(inlines: Inlines) -> str:
    """Return the text of ``inlines`` without formatting (footnote marks dropped)."""
    out: list[str] = []
    for node in inlines:
        if isinstance(node, Text):
            out.append(node.text)
        elif isinstance(node, Code):
            out.append(node.text)
        elif isinstance(node, InlineMath):
            out.append(node.tex)
        elif isinstance(node, LineBreak):
            out.append(" ")
        elif isinstance(node, FootnoteRef):
            continue
        else:
            out.append(plain_text(node.children))
    return "".join(out)


def blocks_text(blocks: Blocks) -> str:
    """Return the plain text of ``blocks``, one line per paragraph-like block."""
    lines: list[str] = []
    for b in blocks:
        if isinstance(b, (Paragraph, Heading)):
            lines.append(plain_text(b.content))
        elif isinstance(b, BulletList):
            for item in b.items:
                lines.append(blocks_text(item.blocks))
        elif isinstance(b, (Quote,)):
            lines.append(blocks_text(b.blocks))
            if b.attribution:
                lines.append(plain_text(b.attribution))
        elif isinstance(b, (SlidesOnly, Div)):
            lines.append(blocks_text(b.blocks))
        elif isinstance(b, Columns):
            for c in b.columns:
                lines.append(blocks_text(c.blocks))
        elif isinstance(b, CodeBlock):
            lines.append(b.code)
        elif isinstance(b, Table):
            for row in (b.header, *b.rows):
                lines.append(" ".join(plain_text(c.content) for c in row))
        elif isinstance(b, Image):
            lines.append(plain_text(b.caption))
        elif isinstance(b, Chart):
            lines.append(b.title)
        elif isinstance(b, MathBlock):
            lines.append(b.tex)
    return "\n".join(line for line in lines if line)
