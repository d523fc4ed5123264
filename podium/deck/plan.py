"""IR → slide plans: every decision about a slide that does not need the template deck.

A :class:`SlidePlan` says which kind of layout a slide wants (pandoc's rules: "Two Content" for
two columns, "Comparison" when a column has text followed by a picture or table, "Content with
Caption" for text followed by non-text, …), and breaks its body into *chunks*: runs of text
paragraphs, single objects (table, picture, chart, code, display math) and column groups, each
with the click *step* on which it appears.  :mod:`podium.deck.writer` places chunks into the
template's placeholders; nothing here imports python-pptx.
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass, field, replace

from .. import model as m
from ..charts import nice_max, value_range
from ..diagnostics import Diagnostics
from ..fancylists import marker_em, marker_text
from ..rendering import renderable
from ..texmath import tex_to_text
from ..variants import instructor_notes


class LayoutKind(m.Kind):
    """The kind of layout a slide wants; pandoc's names for them are in LAYOUT_NAMES."""

    TITLE = "title"
    SECTION = "section"
    CONTENT = "content"
    TWO_CONTENT = "two-content"
    COMPARISON = "comparison"
    CAPTION = "caption"
    PICTURE = "picture"
    TITLE_ONLY = "title-only"
    BLANK = "blank"


class ParaStyle(m.Kind):
    BODY = "body"
    HEADING = "heading"
    QUOTE = "quote"
    ATTRIBUTION = "attribution"
    CAPTION = "caption"
    FOOTNOTE = "footnote"  # a footnote or an aside at the slide's foot (measure.FOOTNOTE_EM of the body)


class Bullet(m.Kind):
    NONE = "none"
    BULLET = "bullet"
    NUMBER = "number"


# Every node type the deck shows (tests/test_rendering.py proves each one is drawn); any other is
# reported [not-rendered] by plan_deck.
DECK_NODES = frozenset(
    {
        m.Text,
        m.Strong,
        m.Emph,
        m.Strike,
        m.Code,
        m.Link,
        m.InlineMath,
        m.FootnoteRef,
        m.LineBreak,
        m.Span,
        m.Paragraph,
        m.Heading,
        m.BulletList,
        m.ListItem,
        m.CodeBlock,
        m.Quote,
        m.Table,
        m.TableCell,
        m.Image,
        m.Columns,
        m.Column,
        m.Chart,
        m.MathBlock,
        m.Pause,
        m.SlidesOnly,
        m.Div,
        m.Footnote,
        m.Slide,
    }
)
DECK_CHART_KINDS = frozenset(m.ChartKind)


# Layout kinds and pandoc's names for them (theme.yaml may map a kind to another name).
LAYOUT_NAMES = {
    LayoutKind.TITLE: "Title Slide",
    LayoutKind.SECTION: "Section Header",
    LayoutKind.CONTENT: "Title and Content",
    LayoutKind.TWO_CONTENT: "Two Content",
    LayoutKind.COMPARISON: "Comparison",
    LayoutKind.CAPTION: "Content with Caption",
    LayoutKind.PICTURE: "Picture with Caption",
    LayoutKind.TITLE_ONLY: "Title Only",
    LayoutKind.BLANK: "Blank",
}
# When a template lacks a layout, try these kinds next (then any layout with a title + body).
FALLBACKS: dict[LayoutKind, tuple[LayoutKind, ...]] = {
    LayoutKind.PICTURE: (LayoutKind.CAPTION, LayoutKind.CONTENT),
    LayoutKind.CAPTION: (LayoutKind.CONTENT,),
    LayoutKind.COMPARISON: (LayoutKind.TWO_CONTENT, LayoutKind.CONTENT),
    LayoutKind.TWO_CONTENT: (LayoutKind.CONTENT,),
    LayoutKind.SECTION: (LayoutKind.TITLE, LayoutKind.TITLE_ONLY, LayoutKind.CONTENT),
    LayoutKind.TITLE: (LayoutKind.SECTION, LayoutKind.TITLE_ONLY, LayoutKind.CONTENT),
    LayoutKind.TITLE_ONLY: (LayoutKind.CONTENT,),
    LayoutKind.BLANK: (LayoutKind.TITLE_ONLY, LayoutKind.CONTENT),
    LayoutKind.CONTENT: (LayoutKind.TWO_CONTENT, LayoutKind.CAPTION, LayoutKind.TITLE_ONLY),
}


@dataclass(frozen=True)
class Run:
    text: str
    bold: bool = False
    italic: bool = False
    code: bool = False
    strike: bool = False
    superscript: bool = False
    link: str = ""
    blank: bool = False  # a gap-fill answer
    tex: str = ""  # inline math: the TeX ``text`` renders (the handout draws it as math)
    underline: bool = False  # pandoc's [text]{.underline}
    note: bool = False  # a footnote's mark (left out of a title's plain text: contents, bookmarks)
    smallcaps: bool = False  # pandoc's [text]{.smallcaps}
    colour: str = ""  # "#RRGGBB" the lecture gave these words (a coloured span)
    mark: bool = False  # highlighted, as with a marker pen (pandoc's [text]{.mark}, HTML's <mark>)
    # 1: superscript text (m^2^), -1: subscript (H~2~O); a footnote's number is ``superscript``
    script: int = 0


def blank_label(runs: tuple[Run, ...]) -> bool:
    """Whether a labelled item's ``runs`` open with an empty label (LaTeX's ``\\item[]``: a no-break space)."""
    return bool(runs) and runs[0].text.startswith("\u00a0")


def _after_blank_label(runs: tuple[Run, ...]) -> tuple[Run, ...]:
    """``runs`` without their empty label and the space after it."""
    out = list(runs)
    while out and not out[0].text.lstrip("\u00a0 "):
        out.pop(0)
    if out:
        out[0] = replace(out[0], text=out[0].text.lstrip("\u00a0 "))
    return tuple(out)


@dataclass(frozen=True)
class Para:
    runs: tuple[Run, ...]
    level: int = 0
    bullet: Bullet = Bullet.NONE
    number: int = 1
    align: m.Align = m.Align.NONE
    style: ParaStyle = ParaStyle.BODY
    step: int = 0
    numbering: m.Numbering = m.Numbering.DECIMAL  # of a numbered item: a. / (iv) / 1)
    delimiter: m.Delimiter = m.Delimiter.PERIOD
    marker_em: float = 0.0  # of a numbered item: how wide its list's widest marker is (ems), for the indent
    label: bool = (
        False  # an item with a label of its own (\item[a)]): no bullet, its label where one would be
    )
    # the source line of the block it came from (0: none told): which part of a split slide a note goes with
    line: int = field(default=0, compare=False)

    @property
    def look(self) -> int:
        """The list level whose type size and spacing the paragraph takes: an item's own; an item's
        second paragraph (no bullet, one level in) its item's, as the handout's drawings show it."""
        return (
            self.level - 1 if self.bullet == Bullet.NONE and self.level > 0 and not self.label else self.level
        )


@dataclass(frozen=True)
class TextChunk:
    paras: tuple[Para, ...]
    step: int = 0
    slides_only: bool = False  # from `::: slides`: drawn on the slides, left out of the handout
    box: tuple[str, ...] = ()  # classes of the fenced div it came from (a callout: drawn as a box)
    keep: int = 0  # the fenced div it came from (innermost; 0: none): kept on one slide if it fits
    # its first paragraph is the rest of the paragraph of the picture before it (``![](by.png)\`` then
    # a caption line): never parted from that picture
    captions: bool = False


@dataclass(frozen=True)
class ObjectChunk:
    block: m.Table | m.Image | m.Chart | m.CodeBlock | m.MathBlock
    step: int = 0
    slides_only: bool = False
    box: tuple[str, ...] = ()
    keep: int = 0
    shown: tuple[int, int] | None = None  # a picture's or chart's drawn (w, h) in EMU, decided by the fitter
    grid: int = 0  # a picture in a grid of several: the grid's columns (decided by the fitter)


@dataclass(frozen=True)
class ColumnsChunk:
    columns: tuple[tuple[tuple[Chunk, ...], float], ...]  # (chunks, width fraction)
    step: int = 0
    slides_only: bool = False
    box: tuple[str, ...] = ()
    keep: int = 0


Chunk = TextChunk | ObjectChunk | ColumnsChunk


def walk_chunks(chunks):
    """Every chunk of ``chunks``, those inside columns too (the columns themselves left out)."""
    for c in chunks:
        if isinstance(c, ColumnsChunk):
            for cc, _ in c.columns:
                yield from walk_chunks(cc)
        else:
            yield c


@dataclass
class SlidePlan:
    number: int
    kind: LayoutKind
    layout_name: str | None  # a layout the author asked for by name
    title: tuple[Run, ...]
    chunks: list[Chunk]
    notes: list[str]
    footnotes: list[Para]
    pos: m.SourcePos
    subtitle: list[Para] = field(default_factory=list)  # title slide
    steps: int = 0  # how many clicks the slide's builds take
    source: m.Slide | None = None
    part: int = 1  # a slide too full for one slide continues on more: this is part `part` of `parts`
    parts: int = 1
    sizes: TypeSizes | None = None  # decided by the fitter (podium.deck.fit); None: the template's own
    title_scale: float = 1.0  # of the template's title size: a long title drawn smaller (the fitter's)
    placed: tuple[m.Image, ...] = ()  # pictures placed on the slide outside its flow (Quarto's .absolute)
    # the source line of each of the first ``notes`` (a note written on the slide); the rest: 0
    note_lines: tuple[int, ...] = ()
    # the type size (pt) of each list level in each of the fitter's text regions (a caption layout: the
    # caption's, then the content's), as the deck writes them: the PDFs draw nested lists at these sizes
    levels: tuple[tuple[float, ...], ...] = ()
    # a title slide: what each paragraph of ``subtitle`` shows ("subtitle", "author", "institute"…) and
    # the source line that gives it
    subtitle_fields: tuple[tuple[str, m.SourcePos], ...] = ()

    @property
    def anchor(self) -> str:
        """The handout's id (and PDF destination) of this slide: ``slide-7``, its continuation parts
        ``slide-7-2``, ``slide-7-3``… (the deck's parts, numbered alike)."""
        return f"slide-{self.number}" if self.part <= 1 else f"slide-{self.number}-{self.part}"

    @property
    def opening_heading(self) -> str:
        """The words of the heading an untitled slide begins with (``## Moralphilosophie`` on a slide of
        pandoc's level 1, where it stands in the slide, not over it), which name the slide in the handout
        and the slides PDF; "" for a slide with a title or one that begins otherwise."""
        s = self.source
        if self.title or s is None or not s.body or not isinstance(s.body[0], m.Heading):
            return ""
        return " ".join(m.plain_text(s.body[0].content).split())


@dataclass(frozen=True)
class TypeSizes:
    """The type sizes the fitter chose for a slide: text as a scale of the template's sizes, code and
    tables in points."""

    text: float = 1.0
    code: float = 18.0
    table: float = 18.0


# --------------------------------------------------------------------------- inlines → runs


def runs(inlines: m.Inlines, bold=False, italic=False, strike=False, link="") -> list[Run]:
    """Return the formatted runs of ``inlines``."""
    out: list[Run] = []
    for x in inlines:
        if isinstance(x, m.Text):
            out.append(Run(x.text, bold, italic, strike=strike, link=link))
        elif isinstance(x, m.Strong):
            out += runs(x.children, True, italic, strike, link)
        elif isinstance(x, m.Emph):
            out += runs(x.children, bold, True, strike, link)
        elif isinstance(x, m.Strike):
            out += runs(x.children, bold, italic, True, link)
        elif isinstance(x, m.Code):
            out.append(Run(x.text, bold, italic, code=True, link=link))
        elif isinstance(x, m.Link):
            out += runs(x.children, bold, italic, strike, x.url)
        elif isinstance(x, m.InlineMath):
            out.append(Run(tex_to_unicode(x.tex), bold, True, link=link, tex=x.tex))
        elif isinstance(x, m.FootnoteRef):
            out.append(Run(str(x.number), superscript=True, note=True))
        elif isinstance(x, m.LineBreak):
            out.append(Run("\v"))
        elif isinstance(x, m.Span):
            sub = runs(x.children, bold, italic, strike, link)
            if "blank" in x.classes:
                sub = [
                    Run(
                        r.text, True, r.italic, r.code, r.strike, r.superscript, r.link, blank=True, tex=r.tex
                    )
                    for r in sub
                ]
            if x.colour:
                sub = [replace(r, colour=r.colour or x.colour) for r in sub]
            if "mark" in x.classes:
                sub = [replace(r, mark=True) for r in sub]
            script = 1 if "superscript" in x.classes else -1 if "subscript" in x.classes else 0
            if script:
                sub = [replace(r, script=r.script or script) for r in sub]
            if "underline" in x.classes or "smallcaps" in x.classes:
                sub = [
                    replace(
                        r,
                        underline=r.underline or "underline" in x.classes,
                        smallcaps=r.smallcaps or "smallcaps" in x.classes,
                    )
                    for r in sub
                ]
            out += sub
    return out


# --------------------------------------------------------------------------- blocks → chunks


TEXT_BLOCKS = (m.Paragraph, m.Heading, m.BulletList, m.Quote)  # blocks drawn as paragraphs of a text box


# objects drawn right under their item's words, the list going on after (a table too: its words are read
# in order, "Coefficients:", the table, then the bullets that explain it)
_IN_ITEM = (m.CodeBlock, m.MathBlock, m.Table)


def _in_item(b: m.Block) -> bool:
    """Whether ``b``, in a list item, is drawn right under the item's words: code, display math, a table, a
    box (beamer's block in an item, under its item's words as beamer sets it), or a click's fragment that
    holds one (``\\item A: \\onslide<2->{\\[ x \\]}``)."""
    if isinstance(b, _IN_ITEM):
        return True
    if not isinstance(b, m.Div) or b.align:
        return False
    if "fragment" in b.classes:
        return not _fragment_of_text(b) and any(_in_item(x) or is_text_block(x) for x in b.blocks)
    return True


def _code_in_items(b: m.BulletList) -> bool:
    """Whether an item of list ``b``, or of a list nested in one, holds code, display math, a table or a box
    of its own (a tutorial's step and its command; "1." and its equation, drawn as display math is).
    Pictures and charts in items are drawn after the list, side by side where they fit."""
    return any(
        _in_item(sub) or (isinstance(sub, m.BulletList) and _code_in_items(sub))
        for item in b.items
        for sub in item.blocks
    )


class _Part(enum.Enum):
    """What a run of a list item's blocks is, for a list drawn in pieces (:meth:`_Chunker.code_list`)."""

    TEXT = "text"  # words (and pictures, drawn after the list)
    CODE = "code"  # code, display math or a table: drawn between the items, at full width
    LIST = "list"  # a nested list with code in its own items: drawn in pieces too


def _item_parts(item: m.ListItem) -> list[tuple[_Part, tuple[m.Block, ...]]]:
    """A list item's blocks in runs of one :class:`_Part`, in order (code and nested lists one by one)."""
    out: list[tuple[_Part, tuple[m.Block, ...]]] = []
    for sub in item.blocks:
        if _in_item(sub):
            out.append((_Part.CODE, (sub,)))
        elif isinstance(sub, m.BulletList) and _code_in_items(sub):
            out.append((_Part.LIST, (sub,)))
        elif out and out[-1][0] is _Part.TEXT:
            out[-1] = (_Part.TEXT, out[-1][1] + (sub,))
        else:
            out.append((_Part.TEXT, (sub,)))
    return out


def _widest_marker(b: m.BulletList) -> float:
    """The width (em) of the widest number of numbered list ``b`` (0 for bullets)."""
    if not b.ordered or not b.items:
        return 0.0
    return max(marker_em(marker_text(b.numbering, b.delimiter, b.start + k)) for k in range(len(b.items)))


def _fragment_of_text(b: m.Block) -> bool:
    """Whether ``b`` is a reveal.js fragment (Slidev's ``<div v-click>``) of words alone."""
    return isinstance(b, m.Div) and "fragment" in b.classes and all(is_text_block(x) for x in b.blocks)


def _item_blocks(blocks: m.Blocks) -> list[tuple[m.Block, m.Div | None]]:
    """A list item's blocks, each with the fragment of words it is in (``- [words]{.fragment}``, a
    ``::: fragment`` of the item's later words), or None: a fragment's words are the item's words."""
    out: list[tuple[m.Block, m.Div | None]] = []
    for b in blocks:
        if isinstance(b, m.Div) and _fragment_of_text(b):
            out += [(x, b) for x in b.blocks]
        else:
            out.append((b, None))
    return out


def _rest_of_picture(blocks: m.Blocks, k: int, out: list[Chunk]) -> bool:
    """Is block ``k`` the rest of the paragraph of the picture just drawn before it (the reader takes a
    picture out of its paragraph, and what follows it, ``\\`` then a caption line, keeps its line)?"""
    before = blocks[k - 1] if k else None
    return (
        isinstance(blocks[k], m.Paragraph)
        and isinstance(before, m.Image)
        and blocks[k].pos == before.pos
        and bool(out)
        and isinstance(out[-1], ObjectChunk)
        and out[-1].block is before
    )


def is_text_block(b: m.Block) -> bool:
    return isinstance(b, TEXT_BLOCKS)


def _at_line(paras: list[Para], b: m.Block) -> list[Para]:
    """``paras`` (block ``b``'s) marked with ``b``'s source line where they have none of their own."""
    pos = getattr(b, "pos", None)
    line = pos.line if pos is not None else 0
    return [p if p.line or not line else replace(p, line=line) for p in paras]


class _Chunker:
    def __init__(self, slide_incremental: bool):
        self.step = 0
        self.slide_incremental = slide_incremental
        # objects inside a list item or quote, with the click of the words they came with: drawn after them
        self.lifted: list[tuple[m.Block, int]] = []
        self.divs = 0  # fenced divs seen: each one's number keeps its chunks together (TextChunk.keep)
        self.fragment = 0  # the click the last reveal.js `::: {.fragment}` appeared on
        self.seen = 0  # the last click of the columns before this one (a fragment in a column comes after)
        self.top = 0  # the last click given out so far: a pause or a list's next item comes after it
        self.order: dict[int, int] = {}  # the click of each fragment (by id) given a fragment-index
        self.item_step = 0  # the click the last list item's words came on (its code or equation comes then)

    def click(self) -> int:
        """The next click, after every one given out so far (reveal.js numbers them in reading order)."""
        self.step = self.top = max(self.step, self.top) + 1
        return self.step

    def chunks(self, blocks: m.Blocks) -> list[Chunk]:
        out: list[Chunk] = []
        paras: list[Para] = []
        captions = False  # the text gathered begins with the rest of a picture's own paragraph

        def flush():
            nonlocal captions
            if paras:
                out.append(TextChunk(tuple(paras), paras[0].step, captions=captions))
                paras.clear()
            captions = False

        for k, b in enumerate(blocks):
            if isinstance(b, m.Pause):
                self.click()
                continue
            if isinstance(b, m.Div) and "fragment" in b.classes:
                # reveal.js's fragment: its content appears on the next click, after any fragment
                # before it; what follows it is shown from the start, as reveal.js shows it
                flush()
                base, top = self.step, self.top
                self.fragment_step(b)
                if id(b) in self.order:  # (its items' clicks follow its own, whatever was read before it)
                    self.top = self.step
                self.divs += 1
                out.extend(replace(c, keep=c.keep or self.divs) for c in self.chunks(b.blocks))
                self.step, self.top = base, max(top, self.top)
                continue
            if _aligned_text(b):  # (centred words among others: in the same text, as a callout's)
                paras.extend(_at_line(self.text_paras(b, 0), b))
                continue
            if isinstance(b, (m.SlidesOnly, m.Div)):
                flush()
                inner = self.chunks(b.blocks)
                if isinstance(b, m.SlidesOnly):
                    inner = [replace(c, slides_only=True) for c in inner]
                elif b.align:  # (a centred div's paragraphs and headings; list items keep their bullets):
                    inner = [_aligned(c, b.align) for c in inner]  # no box or unit of its own (in a callout)
                else:
                    self.divs += 1
                    inner = [replace(c, box=c.box or b.classes, keep=c.keep or self.divs) for c in inner]
                out.extend(inner)
                continue
            if isinstance(b, m.BulletList) and _code_in_items(b):
                before = len(paras)
                self.code_list(b, paras, out, flush)
                paras[before:] = _at_line(paras[before:], b)
                continue
            if isinstance(b, TEXT_BLOCKS):
                if not paras and _rest_of_picture(blocks, k, out):
                    captions = True
                paras.extend(_at_line(self.paras(b, 0), b))
                if self.lifted:
                    flush()
                    self.lift(out)
                continue
            flush()
            if isinstance(b, m.Columns):
                start = self.step
                cols = []
                ends: list[int] = []
                for col in b.columns:
                    self.seen = max(self.seen, *ends, start)  # reveal.js counts clicks in reading order
                    self.step = start
                    cols.append((tuple(self.chunks(col.blocks)), col.width))
                    ends.append(self.step)
                self.step = max(ends, default=start)
                self.top = max(self.top, self.step)
                out.append(ColumnsChunk(tuple(_widths(cols)), start))
            else:
                out.append(ObjectChunk(b, self.step))
        flush()
        return out

    def fragment_step(self, b: m.Div) -> None:
        """Go to the click of reveal.js fragment ``b`` (after any fragment before it)."""
        if id(b) in self.order:  # (its fragment-index says which click; inside another, not before it)
            self.fragment = self.step = max(self.order[id(b)], self.step)
        elif "overlay" in b.classes and b.order is not None:  # beamer's <3->: overlay 3, click 2,
            self.fragment = self.step = max(b.order - 1, 1)  # as the items' and pauses' clicks count
        elif "with-previous" in b.classes:  # (Slidev's v-after: on the click of the fragment before it)
            self.step = self.fragment
        else:
            self.fragment = self.step = max(self.fragment, self.step, self.seen, self.top) + 1
        self.top = max(self.top, self.step)

    def lift(self, out: list[Chunk]) -> None:
        """Add the objects lifted out of list items and quotes to ``out``, each on the click of the
        words it came with (a build-up list of pictures shows each with its item)."""
        lifted, self.lifted = self.lifted, []
        after = self.step
        for b, step in lifted:
            self.step = step
            out.extend(self.chunks((b,)))
        self.step = after

    def code_list(self, b: m.BulletList, paras: list[Para], out: list[Chunk], flush, level: int = 0) -> None:
        """A list with code inside its items (or its nested lists' items): each listing drawn after its
        item, before the next (a tutorial's "1. Install it:" and its command); the list goes on, numbered
        on, after it.  Its paragraphs go to ``paras``, the listings (after ``flush``) and pictures (after
        the list) to ``out``."""
        widest = _widest_marker(b)
        base = self.step
        for k, item in enumerate(b.items):
            numbered = False  # (the item's first words carry its number or bullet)
            for part, group in _item_parts(item):
                if part is _Part.TEXT and not numbered:
                    one = replace(b, items=(replace(item, blocks=group),), start=b.start + k)
                    paras.extend(self.list_paras(one, level, base, k == len(b.items) - 1, widest))
                    numbered = True
                    continue
                if not numbered:  # (an item that opens with its equation: its number above it, on a line
                    space = m.Paragraph((m.Text("\u00a0"),), item.pos)  # no viewer leaves bare)
                    one = replace(b, items=(replace(item, blocks=(space,)),), start=b.start + k)
                    paras.extend(self.list_paras(one, level, base, False, widest))
                    numbered = True
                # what the item holds after its words comes on their click (`[<+->]`, `\item<2->`)
                after, self.step = self.step, self.item_step
                if part is _Part.CODE:
                    flush()
                    out.extend(self.chunks(group))
                elif part is _Part.LIST:
                    self.code_list(group[0], paras, out, flush, level + 1)  # type: ignore[arg-type]
                else:  # the item's words after its code: under it, without a bullet
                    for sub in group:
                        if not is_text_block(sub):  # (a picture: after the list, as in any list)
                            self.lifted.append((sub, self.step))
                            continue
                        deeper = level + 1 if isinstance(sub, m.BulletList) else level
                        for p in self.paras(sub, deeper):
                            paras.append(replace(p, level=level + 1) if p.bullet == Bullet.NONE else p)
                self.step = after
        if self.lifted and level == 0:
            flush()
            self.lift(out)

    def list_paras(
        self,
        b: m.BulletList,
        level: int,
        base: int | None = None,
        last: bool = True,
        widest: float | None = None,
    ) -> list[Para]:
        """A list's paragraphs (:meth:`items_paras`); an item-by-item list that the slide's fragment order
        places (:func:`_fragment_order`) has its items' clicks from its place on, and what follows it is
        shown as before it."""
        if not ((b.incremental or self.slide_incremental) and id(b) in self.order):
            return self.items_paras(b, level, base, last, widest)
        before, top = self.step, self.top
        self.step = self.top = self.order[id(b)] - 1
        out = self.items_paras(b, level, base, last, widest)
        self.step, self.top = before, max(top, self.top)
        return out

    def items_paras(
        self,
        b: m.BulletList,
        level: int,
        base: int | None = None,
        last: bool = True,
        widest: float | None = None,
    ) -> list[Para]:
        """A list's paragraphs: each item's bullet or number and its step (incremental lists, \\pause,
        beamer's overlay steps).  A list drawn in pieces (code between its items) gives each piece's
        ``base`` (the step the list began at), whether it is the ``last`` and the list's ``widest`` marker."""
        out = []
        incremental = b.incremental or self.slide_incremental
        if widest is None:
            widest = _widest_marker(b)
        base = self.step if base is None else base
        paused = False  # a beamer \pause in an item: what follows the list comes after it too
        counted = 0  # (the items before that have a number: not those with a label of their own)
        for item in b.items:
            own_label = m.labelled(item)  # (LaTeX's \item[a)]: its label, no bullet or number)
            number = max(b.start, 1) + counted  # (PowerPoint numbers from 1: the reader warns)
            counted += not own_label
            if incremental:  # every item its own click, nested ones too (as reveal.js builds them)
                self.click()
            first = True
            before: int | None = None  # (an item on an overlay step of its own: the step before it)
            inside: m.Div | None = (
                None  # (the fragment of the item's words being read: `- [words]{.fragment}`,
            )
            before_fragment = self.step  # or its later paragraphs; and the step before it)
            for sub, fragment in _item_blocks(item.blocks):
                if fragment is not inside:
                    if inside is not None:
                        self.step = before_fragment
                    if fragment is not None:
                        before_fragment = self.step
                        self.fragment_step(fragment)
                    inside = fragment
                if isinstance(sub, m.Pause) and sub.step:  # beamer's \item<3->: on its step's click
                    before = self.step if before is None else before
                    self.step = max(self.step, sub.step - 1) if incremental else sub.step - 1
                    self.top = max(self.top, self.step)
                    continue
                if isinstance(sub, m.Pause):  # `\item A \pause`: what follows comes on a click
                    self.click()
                    paused = True
                    continue
                if isinstance(sub, m.BulletList):
                    out.extend(self.paras(sub, level + 1))
                elif is_text_block(sub) or _aligned_text(sub):
                    for p in self.text_paras(sub, level):
                        if first and own_label and blank_label(p.runs):  # LaTeX's \item[]: no bullet, no
                            p = Para(  # label; its words where an item's words start (an item's 2nd paragraph)
                                _after_blank_label(p.runs),
                                level + 1,
                                Bullet.NONE,
                                align=p.align,
                                style=p.style,
                                step=self.step,
                            )
                            first = False
                        elif first:
                            p = Para(
                                p.runs,
                                level,
                                Bullet.NONE if own_label else Bullet.NUMBER if b.ordered else Bullet.BULLET,
                                number,
                                p.align,
                                p.style,
                                self.step,
                                b.numbering,
                                b.delimiter,
                                widest,
                                own_label,
                            )
                            first = False
                        else:
                            p = Para(
                                p.runs,
                                level + 1 if p.bullet == Bullet.NONE else p.level,
                                p.bullet,
                                p.number,
                                p.align,
                                p.style,
                                self.step,
                            )
                        out.append(p)
                else:  # a picture, table, chart… inside a list item: drawn after the list, not dropped
                    self.lifted.append((sub, self.step))
            if inside is not None:
                self.step = before_fragment
            only_objects = bool(item.blocks) and not any(is_text_block(x) for x in item.blocks)
            if first and not (only_objects and not b.ordered):  # an empty item (a bullet item that is
                out.append(  # only a picture or table: no bare bullet; what it holds comes after the list)
                    Para(
                        (),
                        level,
                        Bullet.NUMBER if b.ordered else Bullet.BULLET,
                        number,
                        step=self.step,
                        numbering=b.numbering,
                        delimiter=b.delimiter,
                        marker_em=widest,
                    )
                )
            self.item_step = self.step
            if before is not None:  # (the items after it, with no step of their own: as before it)
                self.step = before
        if incremental and level == 0 and not paused and last:
            self.step = base  # what follows an incremental list is shown from the start, as in reveal.js
        return out

    def text_paras(self, b: m.Block, level: int) -> list[Para]:
        """The paragraphs of a text block, or of an aligned div of them (``\begin{center}`` in an item)."""
        if isinstance(b, m.Div):
            return [replace(p, align=p.align or b.align) for sub in b.blocks for p in self.paras(sub, level)]
        return self.paras(b, level)

    def paras(self, b: m.Block, level: int) -> list[Para]:
        if isinstance(b, m.Paragraph):
            return [Para(tuple(runs(b.content)), level, step=self.step)]
        if isinstance(b, m.Heading):
            return [Para(tuple(runs(b.content, bold=True)), level, style=ParaStyle.HEADING, step=self.step)]
        if isinstance(b, m.Quote):
            out = []
            for sub in b.blocks:
                if not is_text_block(sub):
                    self.lifted.append((sub, self.step))
                    continue
                for p in self.paras(sub, level):
                    out.append(
                        Para(
                            tuple(replace(r, italic=True) for r in p.runs),
                            p.level,
                            p.bullet,
                            p.number,
                            p.align,
                            ParaStyle.QUOTE,
                            p.step,
                        )
                    )
            if b.attribution:
                out.append(
                    Para(
                        (Run("— "), *runs(b.attribution)),
                        level,
                        align=m.Align.RIGHT,
                        style=ParaStyle.ATTRIBUTION,
                        step=self.step,
                    )
                )
            return out
        if isinstance(b, m.BulletList):
            return self.list_paras(b, level)
        raise TypeError(
            f"not a text block: {type(b).__name__}"
        )  # plan_deck left out what the deck cannot show


def _aligned_text(b: m.Block) -> bool:
    """Whether ``b`` is a div that only aligns paragraphs (drawn in its list item, not after the list)."""
    return (
        isinstance(b, m.Div)
        and bool(b.align)
        and all(isinstance(x, (m.Paragraph, m.Heading)) for x in b.blocks)
    )


def _aligned(chunk: Chunk, align: m.Align) -> Chunk:
    """``chunk`` with its paragraphs that are no list item and say no alignment of their own aligned so."""
    if not isinstance(chunk, TextChunk):
        return chunk
    paras = tuple(
        replace(p, align=align) if p.bullet == Bullet.NONE and not p.align else p for p in chunk.paras
    )
    return replace(chunk, paras=paras)


def _widths(cols):
    """Give columns without a width an equal share of what the others leave."""
    given = sum(w for _, w in cols if w)
    free = [c for c in cols if not c[1]]
    rest = max(0.0, 1.0 - given)
    share = (rest / len(free)) if free else 0
    if free and share < 0.15:
        share = 1.0 / len(cols)
    out = [(chunks, w or share) for chunks, w in cols]
    total = sum(w for _, w in out) or 1.0
    if total > 1.0:
        out = [(c, w / total) for c, w in out]
    return out


# --------------------------------------------------------------------------- slides


def notes_text(blocks: m.Blocks) -> str:
    """The plain text of speaker notes, a line per paragraph, list items with their bullets or numbers
    (``•``, ``2.``, ``b)``) and nested ones indented: the notes page is plain text."""
    return "\n".join(line for line in _note_lines(blocks, 0) if line.strip())


def _note_text(inlines: m.Inlines) -> str:
    """A paragraph of notes as the notes page's plain text: its line breaks kept, its math readable
    (``λ𝐈``, ``xᵢ²``; the notes page draws no equations) rather than TeX source."""
    if not any(isinstance(n, m.InlineMath) for n in m.walk(inlines)):
        return m.plain_text(inlines, "\n")
    from ..texmath import tex_to_text  # noqa: PLC0415 (latex2mathml: only notes with math load it)

    out = []
    for n in m.walk(inlines):
        if isinstance(n, m.InlineMath):
            out.append(tex_to_text(n.tex) or n.tex)
        elif isinstance(n, m.LineBreak):
            out.append("\n")
        elif isinstance(n, (m.Text, m.Code)):
            out.append(n.text)
    return "".join(out)


def _note_lines(blocks: m.Blocks, depth: int) -> list[str]:
    out: list[str] = []
    for b in blocks:
        if not isinstance(b, m.BulletList):  # (a paragraph's line breaks are kept: `<br>`, Marp's lines)
            text = _note_text(b.content) if isinstance(b, m.Paragraph) else m.blocks_text((b,))
            if isinstance(b, m.MathBlock):  # (an equation as readable as inline math, a line per row)
                from ..texmath import tex_to_lines  # noqa: PLC0415 (latex2mathml: only notes with math load it)

                text = "\n".join(tex_to_lines(b.tex) or [b.tex])
            out += ["  " * depth + line for line in text.split("\n")]
            continue
        for k, item in enumerate(b.items):
            marker = marker_text(b.numbering, b.delimiter, b.start + k) if b.ordered else "\u2022"
            inner = _note_lines(item.blocks, depth + 1) or [""]
            inner[0] = "  " * depth + marker + " " + inner[0].lstrip()
            out += inner
    return out


def _fragment_order(blocks: m.Blocks) -> dict[int, int]:
    """The click of each fragment div on a slide whose fragments say their order (reveal.js's
    ``fragment-index``), by the div's id: those with an index in its order (the same index, the same
    click), then those without, in reading order, as reveal.js sorts them; a list shown item by item outside
    any fragment (Quarto's incremental list, whose items are fragments without an index) is among those
    without, by the list's id, its items a click each; {} when none says, or the slide has other clicks
    (a pause, a click inside such a list) or a fragment inside another without an index of both (a
    numbered one inside a numbered one comes on its click, or its holder's).
    A fragment holding a list shown item by item (a list alone in a ``>`` quote, ``::: incremental``)
    takes a click for each item after its own: what comes after it in that order comes after them."""
    found: list[m.Div | m.BulletList] = []
    clicks: dict[int, int] = {}  # the clicks a fragment's lists take after its own (by the div's id)

    def walk(bs: m.Blocks, holder: m.Div | None) -> bool:
        for b in bs:
            if isinstance(b, m.Pause):
                return False
            if isinstance(b, m.BulletList) and b.incremental and holder is None:
                # (Quarto's item-by-item list: each item a fragment without an index, in reading order)
                if _code_in_items(b) or not _plain_items(b):
                    return False
                found.append(b)
                clicks[id(b)] = _item_clicks(b) - 1
                continue
            if isinstance(b, m.BulletList) and b.incremental:
                assert holder is not None
                clicks[id(holder)] = clicks.get(id(holder), 0) + len(b.items)
            if isinstance(b, m.BulletList) and any(  # (beamer's \item<3->: a click of its step, counted
                isinstance(x, m.Pause)
                for item in b.items
                for x in item.blocks  # with the overlays')
            ):
                return False
            fragment = b if isinstance(b, m.Div) and "fragment" in b.classes else None
            if fragment is not None and holder is not None and None in (fragment.order, holder.order):
                return False
            if fragment is not None:
                found.append(fragment)
            inner = [c.blocks for c in b.columns] if isinstance(b, m.Columns) else []
            if isinstance(b, m.BulletList):  # (an item's words on a click: `- [words]{.fragment}`)
                inner = [item.blocks for item in b.items]
            if isinstance(b, (m.Div, m.SlidesOnly)):
                inner = [b.blocks]
            if not all(walk(x, holder if fragment is None else fragment) for x in inner):
                return False
        return True

    if not walk(blocks, None) or all(_order(d) is None for d in found):
        return {}
    indices = sorted({k for d in found if (k := _order(d)) is not None})
    groups = [[d for d in found if _order(d) == k] for k in indices]
    groups += [[d] for d in found if _order(d) is None]
    out: dict[int, int] = {}
    click = 1
    for group in groups:
        for d in group:
            out[id(d)] = click
        click += 1 + max(clicks.get(id(d), 0) for d in group)
    return out


def _order(b: m.Div | m.BulletList) -> int | None:
    """A fragment's ``fragment-index`` (None: none; an item-by-item list has none)."""
    return b.order if isinstance(b, m.Div) else None


def _item_clicks(b: m.BulletList) -> int:
    """The clicks an item-by-item list takes: one for each item, its nested item-by-item lists' too."""
    return sum(
        1 + sum(_item_clicks(x) for x in item.blocks if isinstance(x, m.BulletList) and x.incremental)
        for item in b.items
    )


def _plain_items(b: m.BulletList) -> bool:
    """Whether list ``b``'s items (and its nested lists') hold no click of their own: no fragment, no pause."""
    for item in b.items:
        for x in item.blocks:
            if isinstance(x, m.Pause) or isinstance(x, m.Div) and "fragment" in x.classes:
                return False
            if isinstance(x, m.BulletList) and not _plain_items(x):
                return False
    return True


def author_runs(authors: tuple[m.Author, ...]) -> list[Run]:
    """The title slide's line of authors as runs: names apart by commas, a name's own lines by line breaks
    ("\\v"), the words written as links (a name, an e-mail address under it) linked."""
    out: list[Run] = []
    for n, author in enumerate(authors):
        if n:
            out.append(Run(", "))
        for words, href in author.pieces():
            out.append(Run(words.replace("\n", "\v"), link=href))
    return out


def _field_pos(meta: m.Meta, field_name: str, pos: m.SourcePos) -> m.SourcePos:
    """The source line of the title-slide field ``field_name`` (the front matter's key, or a beamer
    preamble's command), or ``pos`` where it is not known."""
    lines = dict(meta.lines)
    keys = {
        "author": ("author", "authors"),
        "author's e-mail": ("author", "authors"),
        "course, term and date line": ("date", "term", "course"),
    }.get(field_name, (field_name,))
    return next((lines[k] for k in keys if k in lines), pos)


def plan_slide(slide: m.Slide, lecture: m.Lecture) -> SlidePlan:
    """Return the plan of one slide: layout kind, title, chunks, notes, footnotes and steps."""
    chunker = _Chunker(slide.incremental)
    chunker.order = {} if slide.incremental else _fragment_order(slide.body)
    title = tuple(runs(slide.title))
    written = [(t, b.pos.line) for b, t in ((b, notes_text((b,))) for b in slide.notes) if t]
    notes = [t for t, _ in written]
    note_lines = tuple(line for _, line in written)  # (the others: 0, with the slide's first part)
    notes += instructor_notes(slide, lecture.meta.lang)  # none in the student's version
    shown = m.on_the_slide(slide)
    foot = [Para((Run(f"{f.number}. "), *_joined(f.blocks)), style=ParaStyle.FOOTNOTE) for f in shown]
    cited = {n.number for n in m.walk(slide.notes) if type(n) is m.FootnoteRef}  # (a footnote the notes
    notes += [  # cite, not the slide: under the notes)
        f"{f.number}. {notes_text(f.blocks)}" for f in slide.footnotes if f.number in cited and f not in shown
    ]
    if slide.kind == m.TITLE:
        meta = lecture.meta
        sub: list[Para] = []  # (a value's own lines, a line block's or TeX's \\: line breaks, "\v")
        fields: list[str] = []  # what each paragraph of ``sub`` shows, for the fitter's warning
        if meta.subtitle:  # (its formatting kept, as pandoc keeps it: a book's title in italics)
            words = runs(meta.styled_field("subtitle")) or [Run(meta.subtitle.replace("\n", "\v"))]
            sub.append(Para(tuple(words), style=ParaStyle.HEADING))
            fields.append("subtitle")
        if meta.authors:
            sub.append(Para(tuple(author_runs(meta.authors))))
            fields.append("author")
        emails = [a.email for a in meta.authors if a.email]
        if emails:  # (under the names, as Quarto's title slide shows them; not as links, whose colour
            sub.append(Para((Run(" · ".join(emails)),)))  # is lost on a dark title slide)
            fields.append("author's e-mail")
        place = meta.institute or meta.course
        if place:
            styled = runs(meta.styled_field("institute")) if meta.institute else []
            sub.append(Para(tuple(styled or [Run(place.replace("\n", "\v"))])))
            fields.append("institute" if meta.institute else "course")
        parts = (meta.course if meta.institute else "", meta.term, meta.date)
        line = " · ".join(x for x in parts if x)
        if line:
            styled = runs(meta.styled_field("date")) if line == meta.date else []
            sub.append(Para(tuple(styled or [Run(line.replace("\n", "\v"))])))
            fields.append("date" if line == meta.date else "course, term and date line")
        return SlidePlan(
            slide.number,
            LayoutKind.TITLE,
            slide.layout,
            title,
            [],
            notes,
            foot,
            slide.pos,
            sub,
            0,
            slide,
            subtitle_fields=tuple((f, _field_pos(meta, f, slide.pos)) for f in fields),
        )
    body = tuple(b for b in slide.body if not _is_aside(b) and not (isinstance(b, m.Image) and b.place))
    placed = tuple(b for b in slide.body if isinstance(b, m.Image) and b.place)
    # Quarto's `::: aside` (xaringan's .footnote[…]): small print at the foot of the slide, under the footnotes
    asides = [b for d in slide.body if isinstance(d, m.Div) and _is_aside(d) for b in d.blocks]
    foot += [Para(tuple(r), style=ParaStyle.FOOTNOTE) for b in asides for r in _aside_lines(b)]
    chunks = chunker.chunks(body)
    kind = choose_kind(slide, chunks)
    outer = _enclosing(slide, lecture)
    if outer:  # (a subsection's slide: its sections named first, in the section slide's second line)
        path = [r for i, sec in enumerate(outer) for r in [*[Run(" › ")] * bool(i), *runs(sec.title)]]
        chunks = [TextChunk((Para(tuple(path)),)), *chunks]
    return SlidePlan(
        slide.number,
        kind,
        slide.layout,
        title,
        chunks,
        notes,
        foot,
        slide.pos,
        [],
        chunker.step,
        slide,
        placed=placed,
        note_lines=note_lines,
        title_scale=SUBSECTION_TITLE[min(len(outer), len(SUBSECTION_TITLE) - 1)],
    )


# A section slide's title size (of the template's) by how deep its section is: a subsection's (`##` at
# slide level 3) a step smaller, as beamer sets a subsection page's title smaller than a section page's.
SUBSECTION_TITLE = (1.0, 0.75, 0.6)


def _enclosing(slide: m.Slide, lecture: m.Lecture) -> tuple[m.Section, ...]:
    """The sections the section whose own slide ``slide`` is lies inside, outermost first (none for a
    section of the top level, or a slide that is no section's own)."""
    k = slide.section
    if slide.kind != m.SECTION or k is None or k >= len(lecture.sections):
        return ()
    sec = lecture.sections[k]
    if not sec.header or sec.slide != slide.number:
        return ()
    return m.enclosing_sections(lecture.sections, k)


def slide_footer(plan: SlidePlan, deck: str) -> str:
    """The footer ``plan``'s slide shows: its own (``::: footer``), else the deck's ``deck``."""
    own = plan.source.footer if plan.source is not None else None
    return deck if own is None else own


def _is_aside(b: m.Block) -> bool:
    """Quarto's ``::: aside`` or xaringan's ``.footnote[…]``: small print at the slide's foot."""
    return isinstance(b, m.Div) and ("aside" in b.classes or "footnote" in b.classes)


def _joined(blocks: m.Blocks) -> list[Run]:
    """A footnote's blocks as one line of runs, a space between its paragraphs (and list items)."""
    out: list[Run] = []
    for line in (line for b in blocks for line in _aside_lines(b)):
        out += [Run(" ")] * bool(out) + line
    return out


def _aside_lines(b: m.Block) -> list[list[Run]]:
    """The runs of each line of small print ``b`` gives (a list in an aside: a line per item's
    paragraph), their links and emphasis kept; a table or listing as its text."""
    if isinstance(b, (m.Paragraph, m.Heading)):
        return [runs(b.content)]
    if isinstance(b, m.BulletList):
        return [line for item in b.items for sub in item.blocks for line in _aside_lines(sub)]
    if isinstance(b, (m.Div, m.Quote)):
        return [line for sub in b.blocks for line in _aside_lines(sub)]
    return [[Run(m.blocks_text((b,)))]]


def _one_short_line(chunks: list[Chunk]) -> bool:
    """Whether ``chunks`` are one paragraph of words on one line, short enough to stand under a section
    slide's title (at most 120 characters), shown at once."""
    if len(chunks) != 1 or not isinstance(chunks[0], TextChunk) or len(chunks[0].paras) != 1:
        return False
    chunk, para = chunks[0], chunks[0].paras[0]
    words = "".join(r.text for r in para.runs)
    return (
        not chunk.step
        and not para.step
        and para.bullet == Bullet.NONE
        and 0 < len(words.strip()) <= 120
        and not re.search(r"[\n\v]", words.strip())
    )


def choose_kind(slide: m.Slide, chunks: list[Chunk]) -> LayoutKind:
    """Return the layout kind pandoc would choose for a slide with these chunks."""
    if slide.kind == m.SECTION:
        return LayoutKind.SECTION
    if not chunks:
        if "section" in slide.classes:
            return LayoutKind.SECTION
        return LayoutKind.TITLE_ONLY if slide.title else LayoutKind.BLANK
    if (
        "standout" in slide.classes
    ):  # (beamer's standout frame: the section slide's accent ground, its content
        return LayoutKind.SECTION  # a list or more lines, drawn on it, centred)
    if not slide.title:  # the blank layout: no rule under a title that is not there (fit.UntitledBody)
        return LayoutKind.BLANK
    if "section" in slide.classes and _one_short_line(
        chunks
    ):  # (`## Thanks! {.section}` and a line under it:
        return LayoutKind.SECTION  # beamer's standout frame, drawn as a section slide's two lines)
    if len(chunks) == 1 and isinstance(chunks[0], ColumnsChunk) and len(chunks[0].columns) == 2:
        (left, w1), (right, w2) = chunks[0].columns
        even = (
            abs(w1 - w2) < 0.1
        )  # (the comparison layout's two halves; other widths: two content's, as written)
        if even and (_text_then_object(list(left)) or _text_then_object(list(right))):
            return LayoutKind.COMPARISON
        return LayoutKind.TWO_CONTENT
    if (
        len(chunks) == 1
        and isinstance(chunks[0], ObjectChunk)
        and isinstance(chunks[0].block, m.Image)
        and chunks[0].block.caption
    ):
        return LayoutKind.PICTURE
    if _text_then_object(chunks) and len(chunks) == 2 and _reads_beside(chunks[0], chunks[1]):
        return LayoutKind.CAPTION
    return LayoutKind.CONTENT


def _reads_beside(text: Chunk, obj: Chunk) -> bool:
    """Whether text then an object read best side by side (pandoc's "Content with Caption"): a picture
    or a chart, yes; code, a table or math want the slide's width, and a wide picture under a line or
    two of lead-in text would be shrunk to a strip beside it: those stack (text above)."""
    if not isinstance(obj, ObjectChunk) or not isinstance(text, TextChunk):
        return False
    b = obj.block
    if isinstance(b, m.Chart):
        return True
    if not isinstance(b, m.Image):
        return False
    short = len(text.paras) <= 2 and sum(len(r.text) for p in text.paras for r in p.runs) <= 160
    if short and b.path is not None:
        from .pictures import image_pixels  # noqa: PLC0415 (Pillow reads the header only)

        try:
            w, h = image_pixels(b.path)
        except Exception:  # a picture Pillow cannot read: the writer warns about it
            return True
        return w <= 1.4 * h
    return True


def _text_then_object(chunks: list[Chunk]) -> bool:
    return (
        len(chunks) >= 2
        and isinstance(chunks[0], TextChunk)
        and any(isinstance(c, ObjectChunk) for c in chunks[1:])
    )


@dataclass(frozen=True)
class ChartAxes:
    """How a chart's axes are drawn, decided once for the deck and the handout.

    ``x_numeric``: a scatter chart whose categories are all numbers places its points at those
    numbers (``x_values``, on ``x_range``); otherwise points sit at 1, 2, 3… evenly.  ``y_range`` is
    the value axis both outputs draw.
    """

    x_numeric: bool
    x_values: tuple[float, ...]
    x_range: tuple[float, float]
    y_range: tuple[float, float]


def chart_axes(chart: m.Chart) -> ChartAxes:
    """Return the axes of ``chart`` both outputs draw."""

    xs: list[float] = []
    numeric = chart.kind == m.ChartKind.SCATTER
    for k, cat in enumerate(chart.categories, start=1):
        try:
            xs.append(float(str(cat).replace(",", "")))
        except ValueError:
            numeric = False
            xs.append(float(k))
    if not numeric:
        xs = [float(k) for k in range(1, len(chart.categories) + 1)]
    low = min(0.0, min(xs, default=0.0))
    high = nice_max(max(xs, default=1.0)) if numeric else float(len(xs) + 1)
    return ChartAxes(numeric, tuple(xs), (low, high), value_range(chart))


def plan_deck(lecture: m.Lecture, diags: Diagnostics | None = None) -> list[SlidePlan]:
    """Return one plan per slide of ``lecture``, in deck order (nodes the deck cannot show reported)."""
    lecture = renderable(lecture, DECK_NODES, "deck", diags or Diagnostics(), DECK_CHART_KINDS)
    if diags is not None:
        _pictures_in_notes(lecture, diags)
    return [plan_slide(s, lecture) for s in lecture.slides]


def _pictures_in_notes(lecture: m.Lecture, diags: Diagnostics) -> None:
    """Warn of each picture in speaker notes: the handout draws it with the notes, but a deck's notes page
    holds text only (PowerPoint's notes placeholder), so the deck's notes leave it out."""
    for slide in lecture.slides:
        for n in m.walk(slide.notes):
            if not isinstance(n, m.Image):
                continue
            words = " ".join((m.plain_text(n.caption) or n.alt).split())
            instead = f' (its caption "{words}" stands in its place)' if words else ""
            diags.warning(
                f"picture '{n.src}' in the speaker notes is drawn in the handout's notes, but left out of "
                f"the deck's notes, which hold text only{instead}",
                n.pos,
                "notes-picture",
            )


# --------------------------------------------------------------------------- TeX for text frames

_TEX_SYMBOLS = {
    r"\alpha": "α",
    r"\beta": "β",
    r"\gamma": "γ",
    r"\delta": "δ",
    r"\epsilon": "ε",
    r"\theta": "θ",
    r"\lambda": "λ",
    r"\mu": "μ",
    r"\pi": "π",
    r"\sigma": "σ",
    r"\tau": "τ",
    r"\phi": "φ",
    r"\omega": "ω",
    r"\Delta": "Δ",
    r"\Sigma": "Σ",
    r"\Omega": "Ω",
    r"\times": "×",
    r"\cdot": "·",
    r"\leq": "≤",
    r"\geq": "≥",
    r"\neq": "≠",
    r"\approx": "≈",
    r"\infty": "∞",
    r"\sum": "∑",
    r"\int": "∫",
    r"\rightarrow": "→",
    r"\to": "→",
    r"\leftarrow": "←",
    r"\pm": "±",
    r"\le": "≤",
    r"\ge": "≥",
    r"\ldots": "…",
    r"\dots": "…",
    r"\in": "∈",
    r"\sqrt": "√",
    r"\partial": "∂",
    r"\nabla": "∇",
    r"\gets": "←",
    r"\Rightarrow": "⇒",
    r"\Leftarrow": "⇐",
    r"\iff": "⇔",
    r"\quad": "\u2003",
    r"\qquad": "\u2003\u2003",
    r"\prod": "∏",
    r"\forall": "∀",
    r"\exists": "∃",
    r"\neg": "¬",
    r"\land": "∧",
    r"\lor": "∨",
    r"\cup": "∪",
    r"\cap": "∩",
    r"\subset": "⊂",
    r"\subseteq": "⊆",
    r"\emptyset": "∅",
    r"\propto": "∝",
    r"\sim": "∼",
    r"\equiv": "≡",
    r"\ll": "≪",
    r"\gg": "≫",
    r"\cdots": "⋯",
    r"\deg": "°",
    r"\rho": "ρ",
    r"\eta": "η",
    r"\zeta": "ζ",
    r"\kappa": "κ",
    r"\nu": "ν",
    r"\xi": "ξ",
    r"\psi": "ψ",
    r"\chi": "χ",
    r"\Gamma": "Γ",
    r"\Lambda": "Λ",
    r"\Phi": "Φ",
    r"\Psi": "Ψ",
    r"\Pi": "Π",
    r"\Theta": "Θ",
    r"\log": "log",
    r"\ln": "ln",
    r"\exp": "exp",
    r"\sin": "sin",
    r"\cos": "cos",
    r"\max": "max",
    r"\min": "min",
    r"\left": "",
    r"\right": "",
}
_SUP = SUPERSCRIPTS = str.maketrans("0123456789+-=()niN", "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾ⁿⁱᴺ")
_SUB = SUBSCRIPTS = str.maketrans("0123456789+-=()aeijkmnox", "₀₁₂₃₄₅₆₇₈₉₊₋₌₍₎ₐₑᵢⱼₖₘₙₒₓ")


def tex_to_unicode(tex: str) -> str:
    """Return a readable Unicode rendering of simple inline TeX (for text frames)."""

    linear = tex_to_text(tex)  # read through MathML: x̄, β̂, ⁵√(…), {x ∣ …}
    if linear is not None:
        return linear

    s = tex
    for k in sorted(_TEX_SYMBOLS, key=len, reverse=True):
        s = re.sub(re.escape(k) + r"(?![A-Za-z])", _TEX_SYMBOLS[k], s)
    s = re.sub(r"\\(mathrm|text|mathbf|mathit|operatorname)\{([^{}]*)\}", r"\2", s)
    s = re.sub(
        r"\\frac\{([^{}]*)\}\{([^{}]*)\}",
        lambda mt: "/".join(p if len(p) <= 1 or p.isalnum() else f"({p})" for p in mt.groups()),
        s,
    )
    s = re.sub(r"\^\{([^{}]*)\}", lambda mt: _script(mt.group(1), _SUP, "^"), s)
    s = re.sub(r"\^(\w)", lambda mt: _script(mt.group(1), _SUP, "^"), s)
    s = re.sub(r"_\{([^{}]*)\}", lambda mt: _script(mt.group(1), _SUB, "_"), s)
    s = re.sub(r"_(\w)", lambda mt: _script(mt.group(1), _SUB, "_"), s)
    s = s.replace("\\,", " ").replace("\\;", " ").replace("\\ ", " ").replace("{", "").replace("}", "")
    s = s.replace("~", "\u00a0").replace("\\!", "")
    return s


def _script(text: str, table, mark: str) -> str:
    text = text.replace(" ", "")
    t = text.translate(table)
    return t if all(ord(c) > 127 for c in t) else f"{mark}({text})" if len(text) > 1 else mark + text


def footer_text(pattern: str, lecture: m.Lecture) -> str:
    """Return the footer both outputs show: the lecture's own (front matter ``footer:``), else ``pattern``
    (theme.yaml's ``footer:``) filled from the metadata."""
    meta = lecture.meta
    if meta.footer:
        return meta.footer
    # (a title's lines, which the title slide shows, are one line here; an author's first line is the name)
    values = {
        "title": " ".join(meta.title.split("\n")),
        "course": meta.course,
        "date": meta.date,
        "term": meta.term,
        "author": ", ".join(a.name.split("\n")[0] for a in meta.authors),
        "institute": ", ".join(x for x in meta.institute.split("\n") if x),
    }
    try:
        return str(pattern or "").format(**values).strip(" —-·")
    except (KeyError, ValueError, IndexError):
        return str(pattern)
