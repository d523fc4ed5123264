"""The Lecture IR: what a lecture *is*, independent of Markdown, PowerPoint and HTML.

The reader builds it once; both renderers and the verifier read only this.  Every node is a
frozen, slotted dataclass with tuple fields, so the IR is hashable, cheap and safe to share
between the deck and handout renderers (and, later, between worker processes).  Block nodes
carry a :class:`SourcePos` so any renderer can report a problem at its source line.

Decisions made here, once, and nowhere else: slide numbers, section membership, slide titles,
and what is visible where (`SlidesOnly` blocks, handout-only text, speaker notes).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, fields, replace
from enum import Enum
from typing import Any, Union, get_args


class Kind(str, Enum):
    """A closed set of names that still compares, hashes and formats as its plain string value."""

    def __str__(self) -> str:
        return str(self.value)

    def __format__(self, spec: str) -> str:
        return format(str(self.value), spec)


class SlideKind(Kind):
    """What a slide is: the title slide (from metadata), a section header, or content."""

    TITLE = "title"
    SECTION = "section"
    CONTENT = "content"


class ChartKind(Kind):
    BAR = "bar"
    COLUMN = "column"
    LINE = "line"
    PIE = "pie"
    SCATTER = "scatter"
    STACKED = "stacked"


class Align(Kind):
    """A table column's or a div's alignment; NONE leaves it to the renderer."""

    NONE = ""
    LEFT = "left"
    CENTER = "center"
    RIGHT = "right"


class Numbering(Kind):
    """How a numbered list counts (the values are CSS's list-style-type names)."""

    DECIMAL = "decimal"
    LOWER_ALPHA = "lower-alpha"
    UPPER_ALPHA = "upper-alpha"
    LOWER_ROMAN = "lower-roman"
    UPPER_ROMAN = "upper-roman"


class Delimiter(Kind):
    """What follows (or surrounds) a list number: ``1.``, ``1)`` or ``(1)``."""

    PERIOD = "period"
    PAREN = "paren"
    PARENS = "parens"


class Direction(Kind):
    """Which way the lecture's text runs: pandoc's ``dir`` variable, or its language's script."""

    LTR = "ltr"
    RTL = "rtl"


class LengthUnit(Kind):
    PERCENT = "%"
    IN = "in"
    CM = "cm"
    MM = "mm"
    PT = "pt"
    PX = "px"
    EM = "em"


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
    """A bracketed span with classes, e.g. ``[answer]{.blank}``; unknown classes render plainly.

    Classes both outputs draw: ``blank`` (and ``gap``), ``underline``, ``smallcaps``, ``mark``, and
    ``superscript``/``subscript`` (pandoc's ``m^2^`` and ``H~2~O``, HTML's ``<sup>``/``<sub>``).  A
    ``colour`` colours its words in both outputs.  A ``fragment`` span (reveal.js's ``[w]{.fragment}``)
    is read by the reader as its paragraph's click (a fragment div); ``order`` is its ``fragment-index``."""

    children: tuple[Inline, ...]
    classes: tuple[str, ...] = ()
    colour: str = ""  # "#RRGGBB" of its words (``<span style="color:red">``, ``[w]{style="color:red"}``); "" keeps the text colour
    order: int | None = None  # a fragment span's ``fragment-index`` (reveal.js's order of its click)


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
    """A list item.  One whose first words are a ``[label]{.item-label}`` span (LaTeX's ``\\item[a)]``) shows
    that label instead of its bullet or number (:func:`labelled`)."""

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
    numbering: Numbering = Numbering.DECIMAL  # pandoc's fancy lists: a. b. / (i) (ii) / A) B)
    delimiter: Delimiter = Delimiter.PERIOD


@dataclass(frozen=True, slots=True)
class CodeBlock:
    code: str
    language: str
    pos: SourcePos
    first_line: int | None = None  # the number its first line is shown with (.numberLines); None: none
    filename: str = ""  # Quarto's `filename="…"`: the file name shown above the code, a small label

    def gutter(self) -> int:
        """The columns its line numbers take, the space after them included (0 when unnumbered)."""
        if self.first_line is None:
            return 0
        last = self.first_line + self.code.count("\n")
        return max(len(str(self.first_line)), len(str(last))) + 1


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
    """A table.  ``widths`` are relative column widths summing to 1.0.  ``headed`` is False for a table
    without a header row (as pandoc reads a pipe table whose header cells are all empty, a simple table
    that starts with its dashes, a grid table without a ``+===+`` line): ``header`` then holds one
    empty cell a column, and no renderer draws it (:func:`drawn_rows`)."""

    header: tuple[TableCell, ...]
    rows: tuple[tuple[TableCell, ...], ...]
    aligns: tuple[Align, ...]  # one per column
    widths: tuple[float, ...]
    pos: SourcePos
    caption: Inlines = ()
    headed: bool = True


@dataclass(frozen=True, slots=True)
class Length:
    """A size attribute: ``value`` in ``unit``."""

    value: float
    unit: LengthUnit


@dataclass(frozen=True, slots=True)
class Placement:
    """Where a picture placed on its own (Quarto's ``{.absolute top=… right=…}``) sits, as shares of
    the slide's width (``left``, ``right``, ``width``) and height (``top``, ``bottom``, ``height``);
    None where not given.  It stands outside the slide's flow of text."""

    left: float | None = None
    top: float | None = None
    right: float | None = None
    bottom: float | None = None
    width: float | None = None
    height: float | None = None


@dataclass(frozen=True, slots=True)
class Image:
    """A picture.  ``path`` is the resolved file path (None when missing or refused); ``link`` an
    address a click on it opens (a picture wrapped in a link)."""

    src: str
    path: str | None
    caption: Inlines
    alt: str
    pos: SourcePos
    width: Length | None = None
    height: Length | None = None
    place: Placement | None = None  # placed on the slide, outside its flow (Quarto's .absolute)
    link: str = ""  # the address a click on it opens (``[![](x.png)](https://…)``), "" for none


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
    """A chart whose values are already validated."""

    kind: ChartKind
    title: str
    categories: tuple[str, ...]
    series: tuple[ChartSeries, ...]
    pos: SourcePos
    x_title: str = ""
    y_title: str = ""


CHART_KINDS = tuple(ChartKind)


@dataclass(frozen=True, slots=True)
class MathBlock:
    tex: str
    pos: SourcePos


@dataclass(frozen=True, slots=True)
class Pause:
    """``. . .``: what follows appears on the next click.  ``step`` (beamer's ``\\item<3->``, read as
    ``\\pause[3]`` starting an item): this list item appears on the slide's overlay ``step`` (the click
    ``step - 1``), and the items after it without one of their own are shown as the list's start was."""

    pos: SourcePos
    step: int = 0


@dataclass(frozen=True, slots=True)
class SlidesOnly:
    """Blocks shown on the slides only (``::: slides``); the handout leaves them out."""

    blocks: tuple[Block, ...]
    pos: SourcePos


@dataclass(frozen=True, slots=True)
class Div:
    """A fenced div the dialect gives no meaning to: its blocks render in place.  ``align`` is how its
    paragraphs and headings are aligned, when it says (``.center``, ``style="text-align: right"``,
    HTML's ``<center>``, beamer's ``center``/``flushright``); lists keep their own alignment.
    ``order``: a fragment's ``fragment-index`` (reveal.js's order of its click), when it gives one."""

    blocks: tuple[Block, ...]
    classes: tuple[str, ...]
    pos: SourcePos
    align: Align = Align.NONE
    order: int | None = None


# a Div's class: its pictures drawn one under another, each the width of their region, never in a grid
# side by side (Marp's ``![bg vertical]``)
STACKED = "stacked-pictures"


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


TITLE, SECTION, CONTENT = SlideKind.TITLE, SlideKind.SECTION, SlideKind.CONTENT


@dataclass(frozen=True, slots=True)
class Slide:
    """One slide of the deck, and one entry of the handout.

    ``kind`` is ``title`` (from metadata), ``section`` (a heading above the slide level) or
    ``content``.  ``number`` is the 1-based position in the deck.  ``section`` is the index into
    :attr:`Lecture.sections` of the section the slide belongs to, or None before the first one.
    """

    number: int
    kind: SlideKind
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
    instructor: Blocks = ()  # `::: instructor`: the deck's speaker notes and the instructor handout only
    footer: str | None = None  # `::: footer` (Quarto, reveal.js): this slide's own footer


@dataclass(frozen=True, slots=True)
class Author:
    name: str  # its own lines (a line break in the front matter) apart by "\n"
    affiliation: str = ""
    email: str = ""
    links: tuple[tuple[str, str], ...] = ()  # (words of the name, their web or mailto: address), in order

    def pieces(self) -> list[tuple[str, str]]:
        """The name in pieces of (words, link address or ""): the words written as links linked."""
        pieces: list[tuple[str, str]] = []
        rest = self.name
        for words, href in self.links:
            at = rest.find(words)
            if at < 0:
                continue
            if at:
                pieces.append((rest[:at], ""))
            pieces.append((words, href))
            rest = rest[at + len(words) :]
        if rest or not pieces:
            pieces.append((rest, ""))
        return pieces


@dataclass(frozen=True, slots=True)
class Meta:
    title: str = ""
    subtitle: str = ""
    authors: tuple[Author, ...] = ()
    institute: str = ""
    date: str = ""
    lang: str = "en"
    direction: Direction = Direction.LTR
    course: str = ""
    term: str = ""
    template: str | None = None
    slide_level: int | None = None
    handout: tuple[tuple[str, str], ...] = ()  # front matter / course.yaml `handout:` options, validated
    fit: str = ""  # shrink | split | none (podium.deck.fit); "" for the default
    footer: str = ""  # the lecture's own footer (front matter `footer:`), instead of the theme's pattern
    logo: Image | None = None  # the lecture's own logo (`logo:`, Quarto's under format: revealjs:)
    # the source line of each title-slide field the front matter (or a beamer preamble) gives: (key, line)
    lines: tuple[tuple[str, SourcePos], ...] = ()
    # the title-slide fields whose words are formatted (``*Exploring Language Education*``): (key, inlines)
    styled: tuple[tuple[str, Inlines], ...] = ()

    def styled_field(self, key: str) -> Inlines:
        """The formatted words of field ``key`` (title, subtitle, institute, date), as pandoc keeps them on
        the title slide; () where they have no formatting, or no longer read as the field's text."""
        inlines = dict(self.styled).get(key, ())
        said = getattr(self, key, "")
        if not inlines or not isinstance(said, str) or plain_text(inlines).split() != said.split():
            return ()
        return inlines


@dataclass(frozen=True, slots=True)
class Section:
    title: Inlines
    slide: int  # number of its section-header slide; without one (``header``), of the first slide after it
    # its heading's level (`#` 1): a section of a higher level is a subsection of the one before
    level: int = 1
    header: bool = True  # it has a section-header slide (not with pandoc's `section-titles: false`)
    listed: bool = True  # the contents list it (not a heading of pandoc's class `unlisted`)


def enclosing_sections(sections: tuple[Section, ...], index: int) -> tuple[Section, ...]:
    """The sections ``sections[index]`` is inside, outermost first: each the last one before it of a lower
    heading level (`#` over `##` at slide level 3), as the handout's contents nest them."""
    out: list[Section] = []
    level = sections[index].level
    for sec in reversed(sections[:index]):
        if sec.level < level:
            out.append(sec)
            level = sec.level
    return tuple(reversed(out))


@dataclass(frozen=True, slots=True)
class Lecture:
    """A whole lecture: metadata, slides in deck order, sections for the table of contents."""

    path: str
    meta: Meta
    slides: tuple[Slide, ...]
    sections: tuple[Section, ...] = ()
    slide_level: int = 2
    base_dir: str = field(default=".", compare=False)


# --------------------------------------------------------------------------- the one traversal

Node = Union[Inline, Block, ListItem, TableCell, Column, Footnote, Slide, Section, Lecture]

INLINE_TYPES: tuple[type, ...] = get_args(Inline)
BLOCK_TYPES: tuple[type, ...] = get_args(Block)

# Where each node type keeps its child nodes, in document order: a field holds a tuple of nodes,
# except "rows" fields (a tuple of rows, each a tuple of cells).  Every node type is listed, so
# the model is closed: a type missing here is a bug that tests/test_model.py catches.
CHILD_FIELDS: dict[type, tuple[str, ...]] = {
    Text: (),
    Code: (),
    InlineMath: (),
    FootnoteRef: (),
    LineBreak: (),
    Strong: ("children",),
    Emph: ("children",),
    Strike: ("children",),
    Link: ("children",),
    Span: ("children",),
    Paragraph: ("content",),
    Heading: ("content",),
    ListItem: ("blocks",),
    BulletList: ("items",),
    CodeBlock: (),
    Quote: ("blocks", "attribution"),
    TableCell: ("content",),
    Table: ("caption", "header", "rows"),
    Image: ("caption",),
    Column: ("blocks",),
    Columns: ("columns",),
    Chart: (),
    MathBlock: (),
    Pause: (),
    SlidesOnly: ("blocks",),
    Div: ("blocks",),
    Footnote: ("blocks",),
    Slide: ("title", "body", "notes", "handout", "footnotes", "instructor"),
    Section: ("title",),
    Lecture: ("slides", "sections"),
}
_ROWS = "rows"


def children(node: Any) -> tuple[Any, ...]:
    """Return the direct child nodes of ``node`` (blocks, items, cells, inlines…) in document order.

    A type the model does not know has no children: renderers report such nodes (see
    :mod:`podium.rendering`), the traversal does not crash on them.
    """
    out: list[Any] = []
    for name in CHILD_FIELDS.get(type(node), ()):
        value = getattr(node, name)
        if name == _ROWS and isinstance(node, Table):
            for row in value:
                out.extend(row)
        else:
            out.extend(value)
    return tuple(out)


def walk(nodes: Any) -> Iterator[Any]:
    """Yield ``nodes`` (one node or a sequence of them) and all their descendants, depth first, in order."""
    stack = list(reversed(nodes)) if isinstance(nodes, (tuple, list)) else [nodes]
    while stack:
        node = stack.pop()
        yield node
        stack.extend(reversed(children(node)))


def transform(node: Any, fn: Callable[[Any], Any]) -> Any:
    """Return ``node`` rebuilt bottom-up with ``fn`` applied to every node; ``fn`` returning None drops it."""
    changes: dict[str, Any] = {}
    for name in CHILD_FIELDS.get(type(node), ()):
        value = getattr(node, name)
        if name == _ROWS and isinstance(node, Table):
            changes[name] = tuple(_mapped(row, fn) for row in value)
        else:
            changes[name] = _mapped(value, fn)
    same = all(_same(changes[name], getattr(node, name)) for name in changes)
    return fn(node if same else replace(node, **changes))


def _same(new: tuple[Any, ...], old: tuple[Any, ...]) -> bool:
    """True when ``new`` holds the very objects of ``old`` (so an unchanged node keeps its identity)."""
    return len(new) == len(old) and all(
        (_same(a, b) if isinstance(a, tuple) else a is b) for a, b in zip(new, old)
    )


def transform_all(nodes: Iterable[Any], fn: Callable[[Any], Any]) -> tuple[Any, ...]:
    """Return :func:`transform` of each of ``nodes``, leaving out those ``fn`` drops."""
    return _mapped(nodes, fn)


def _mapped(nodes: Iterable[Any], fn: Callable[[Any], Any]) -> tuple[Any, ...]:
    out = (transform(n, fn) for n in nodes)
    return tuple(n for n in out if n is not None)


def node_types() -> tuple[type, ...]:
    """Return every node type of the model (for tests that prove a renderer handles them all)."""
    return tuple(CHILD_FIELDS)


assert all(set(names) <= {f.name for f in fields(t)} for t, names in CHILD_FIELDS.items())


# --------------------------------------------------------------------------- helpers


_LEAF_TEXT: dict[type, Callable[[Any], str]] = {
    Text: lambda n: n.text,
    Code: lambda n: n.text,
    InlineMath: lambda n: n.tex,
    LineBreak: lambda n: " ",
}


def plain_text(inlines: Inlines, line_break: str = " ") -> str:
    """Return the text of ``inlines`` without formatting (footnote marks dropped); a line break is
    ``line_break`` (a space, or "\n" where lines are kept: speaker notes); a break that is a space is one
    space, with the spaces written either side of it (``Q1a – <br>Peut-on``: "Q1a – Peut-on")."""
    parts: list[str] = []
    after_break = False
    for n in walk(inlines):
        kind = type(n)
        if kind is LineBreak and line_break == " ":
            while parts and not parts[-1].strip(" \t"):
                parts.pop()
            if parts:
                parts[-1] = parts[-1].rstrip(" \t")
            parts.append(" ")
            after_break = True
        elif kind in _LEAF_TEXT:
            text = line_break if kind is LineBreak else _LEAF_TEXT[kind](n)
            if after_break:
                text = text.lstrip(" \t")
                after_break = not text
            parts.append(text)
    return "".join(parts)


ITEM_LABEL = "item-label"


def labelled(item: ListItem) -> bool:
    """Whether ``item`` shows a label of its own (its first words a ``[a)]{.item-label}`` span: LaTeX's
    ``\\item[a)]``) instead of its list's bullet or number."""
    first = item.blocks[0] if item.blocks else None
    return (
        isinstance(first, Paragraph)
        and bool(first.content)
        and isinstance(first.content[0], Span)
        and ITEM_LABEL in first.content[0].classes
    )


def drawn_rows(b: Table) -> tuple[tuple[TableCell, ...], ...]:
    """The rows a renderer draws: the header first, when ``b`` has one, then the body's."""
    return (b.header, *b.rows) if b.headed else b.rows


def _rows_text(b: Table) -> list[str]:
    return [" ".join(plain_text(c.content) for c in row) for row in drawn_rows(b)]


# Blocks that make lines of their own; any other node contributes its children's lines.
_LINES: dict[type, Callable[[Any], list[str]]] = {
    Paragraph: lambda b: [plain_text(b.content)],
    Heading: lambda b: [plain_text(b.content)],
    CodeBlock: lambda b: [b.filename, b.code] if b.filename else [b.code],
    Table: _rows_text,
    Image: lambda b: [plain_text(b.caption)],
    Chart: lambda b: [b.title],
    MathBlock: lambda b: [b.tex],
    Quote: lambda b: [*_lines(b.blocks), plain_text(b.attribution)],
}


def _lines(nodes: Iterable[Any]) -> Iterator[str]:
    for node in nodes:
        own = _LINES.get(type(node))
        if own is not None:
            yield from own(node)
        elif not isinstance(node, INLINE_TYPES):
            yield from _lines(children(node))


def blocks_text(blocks: Blocks) -> str:
    """Return the plain text of ``blocks``, one line per paragraph-like block."""
    return "\n".join(line for line in _lines(blocks) if line)


def on_the_slide(slide: Slide) -> tuple[Footnote, ...]:
    """The footnotes ``slide``'s title or body refers to: the ones drawn at the slide's foot (a footnote
    only its notes or handout text cite goes with that text)."""
    cited = {n.number for n in walk((*slide.title, *slide.body)) if type(n) is FootnoteRef}
    return tuple(f for f in slide.footnotes if f.number in cited)
