"""The fitter: a pass after :func:`podium.deck.plan.plan_deck` that makes every slide fit.

It reads the template's geometry once (layouts, placeholder rectangles, list styles, fonts),
measures each slide's content as the writer will place it, and returns the final list of plans:

- ``fit: shrink`` (the default): type shrinks, down to a floor (theme ``min-size``: 18 pt body
  text, 14 pt code and tables), and what still does not fit continues on slides titled
  "Title (cont.)" in the lecture's language (an untitled slide's parts: untitled, on its layout);
- ``fit: split``: no shrinking, straight to continuation slides;
- ``fit: none``: the content stays on one slide, with an ``[overfull]`` warning when it overflows.

Slides break between paragraphs, table rows (the header repeated), code lines, column parts and
pictures, never inside a picture; a list item keeps its sub-list on its slide, unless the two are taller
than a slide even at the floors (then the sub-list goes on on the next part, its numbers kept); builds carry on (clicks renumbered per part); notes stay with
the first part.  Several pictures share the body area in a grid; a picture that would be drawn
smaller than 1.5 in on its short side moves on (in a column, under 1 in: it follows the columns,
with a warning).  When nothing helps (a word wider than the
slide, a picture too thin, a row taller than the slide) an ``[overfull]`` warning says what to change.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, replace
from enum import Enum
from pathlib import Path
from typing import Any

from .. import model as m
from ..diagnostics import BuildError, Diagnostics
from ..labels import label
from ..sourcefile import MAX_BYTES, read_bounded
from ..template_folders import Template, deck_of
from .fonts import face
from .geometry import EMU_PER_IN, EMU_PER_PT, GAP, Rect, rect_of, span, split_columns
from .layouts import BODY_TYPES, FOOTER_TYPES, TITLE_TYPES, LayoutFinder
from .measure import (
    BODY_PT,
    CODE_INSETS,
    CODE_PT,
    MIN_COLUMN_PICTURE,
    MIN_PICTURE,
    MIN_PT,
    SAFETY,
    TABLE_PT,
    Measurer,
    code_columns,
    code_height,
    deck_fonts,
    one_field,
    para_height,
    para_size,
    row_heights,
    text_height,
)
from .pictures import natural_size
from .placement import (
    chunk_heights,
    decide_pictures,
    follows_text,
    grid_shape,
    in_placeholder_look,
    is_picture,
    picture_of,
    picture_targets,
    shown_size,
)
from .plan import (
    Bullet,
    ColumnsChunk,
    LayoutKind,
    ObjectChunk,
    Para,
    ParaStyle,
    Run,
    SlidePlan,
    TextChunk,
    TypeSizes,
    walk_chunks,
)
from .styles import GRID_INDENT, FrameStyle, placeholder_style, textbox_style
from .template_deck import open_template


def word_pos(slide: m.Slide | None, word: str, base_dir: str | None = None) -> m.SourcePos | None:
    """The line of the block of ``slide`` that has ``word`` in it (the innermost: a list's item), if any;
    with the lecture's folder ``base_dir``, the line of that block's source the word is written on (a long
    URL on the line under its item's first words)."""
    found = None
    for node in m.walk(slide.body if slide is not None else ()):
        if getattr(node, "pos", None) is not None and word in m.blocks_text((node,)):
            found = node.pos  # (walk goes from a list to its items: the last found is the innermost)
    if found is None or base_dir is None:
        return found
    lines = _source_lines(found.path, base_dir)
    # (the word as written: its first characters, which markup such as a link's brackets does not split)
    probe = word[:24]
    for k in range(found.line - 1, min(found.line - 1 + WORD_LOOKAHEAD, len(lines))):
        if probe in lines[k]:
            return replace(found, line=k + 1, col=0)
    return found


# how many source lines from a block's first a too-wide word is looked for in (a paragraph's lines)
WORD_LOOKAHEAD = 40
_SOURCES: dict[tuple[str, str], list[str]] = {}


def _source_lines(shown: str, base_dir: str) -> list[str]:
    """The lines of source file ``shown`` (as messages name it: relative to the working folder, or to
    the lecture's folder), read once; [] when it cannot be read."""
    key = (shown, base_dir)
    if key not in _SOURCES:
        lines: list[str] = []
        for path in (Path(shown), Path(base_dir) / shown, Path(base_dir) / Path(shown).name):
            try:
                data = read_bounded(path, shown, Diagnostics(), MAX_BYTES)
            except BuildError:
                continue
            lines = data.decode("utf-8", "replace").splitlines()
            break
        if len(_SOURCES) > 16:
            _SOURCES.clear()
        _SOURCES[key] = lines
    return _SOURCES[key]


def _widest_word(para: Para) -> tuple[str, bool]:
    """The longest piece of ``para`` that a line does not break (a word; a link's words, which LibreOffice
    draws as one field, :func:`~podium.deck.measure.link_pieces`), and whether it holds a link's words."""
    glued = "\x00"  # (a link's space, which breaks no line)
    text = "".join(r.text.replace(" ", glued) if one_field(r) else r.text for r in para.runs)
    word = max(text.split() or [""], key=len)
    return word.replace(glued, " ").strip(), glued in word.strip(glued)


def shown_word(word: str, most: int = 40) -> str:
    """``word`` as a message quotes it: its first ``most`` characters, and an ellipsis where it was cut."""
    return word if len(word) <= most else word[:most] + "…"


def _item_pos(slide: m.Slide | None, words: list[str]) -> m.SourcePos | None:
    """The line of the list item of ``slide`` whose text starts with ``words``, if any."""
    for node in m.walk(slide.body if slide is not None else ()):
        if isinstance(node, m.ListItem) and node.pos is not None:
            if m.blocks_text(node.blocks).split()[: len(words[:6])] == words[:6]:
                return node.pos
    return word_pos(slide, max(words or [""], key=len)) if words else None


class FitPolicy(str, Enum):
    SHRINK = "shrink"
    SPLIT = "split"
    NONE = "none"


BODY_FLOOR = 18.0
CODE_FLOOR = 14.0
# the title slide's lines under the title (subtitle, authors, institute, date) shrink to this share of
# the body floor (12 pt by default, the size of the footer's type) before an ``overfull`` warning
TITLE_FLOOR_SHARE = 2 / 3
MEASURED_MIN_PT = MIN_PT  # the least size the measurer and the writer set (measure.para_size)
# content that still overflows its region at the floor sizes by less than this fits: it runs into the gap
# kept above the footer (Fitter.limit), no slide is split for it, and no lecturer could act on a smaller figure
SLACK = int(0.05 * EMU_PER_IN)


@dataclass
class Slot:
    """Chunks placed top to bottom in one rectangle; the first text chunk goes into a placeholder of
    ``style`` (None: a text box)."""

    chunks: list
    rect: Rect
    style: FrameStyle | None
    own: bool = True
    idx: int | None = None  # the placeholder (by idx) the first text chunk goes into


@dataclass
class LayoutGeo:
    title: Rect | None
    bodies: list[tuple[int, object, Rect, FrameStyle]]  # idx, placeholder type, rectangle, text style
    footer_top: int | None


class TemplateGeometry:
    """The template deck's layouts as the fitter and the writer see them (read once per deck)."""

    def __init__(self, prs, template: Template):
        self.finder = LayoutFinder(prs, template, Diagnostics())
        self.slide_w, self.slide_h = int(prs.slide_width), int(prs.slide_height)
        self.cv_scale = self.slide_h / (7.5 * EMU_PER_IN)
        margin = int(min(self.slide_w, self.slide_h) * 0.06)
        self.safe = Rect(margin, margin, self.slide_w - 2 * margin, self.slide_h - 2 * margin)
        self.master = prs.slide_master
        self.fonts = deck_fonts(self.master, template)
        self.box_style = textbox_style(
            self.master, tuple(p * self.cv_scale for p in BODY_PT), int(GRID_INDENT * self.cv_scale)
        )
        self.measurer = Measurer(
            self.fonts,
            self.cv_scale,
            self.box_style,
            lambda b, w, h: natural_size(b, Rect(0, 0, w, h), self.slide_w),
        )
        floors = template.theme.min_size
        self.body_floor = floors.body if floors.body is not None else BODY_FLOOR
        self.code_floor = floors.code if floors.code is not None else CODE_FLOOR
        self.title_floor = self.body_floor * TITLE_FLOOR_SHARE
        self._geo: dict[int, LayoutGeo] = {}
        # keyed by the placeholder's element itself: an id() of lxml's proxy for a child element is
        # freed and reused between calls (a miss every time, or another placeholder's style)
        self._title_styles: dict[object, FrameStyle] = {}
        self._title_phs: dict[object, object] = {}
        content_layout = self.finder.for_kind(LayoutKind.CONTENT)
        content = self.geo(content_layout)
        # the width of the content layout's body (what a picture's percentage width is of)
        self.content_width = max((b[2].w for b in content.bodies), default=self.safe.w)
        self.untitled = untitled_body(content_layout, content)

    def layout(self, plan: SlidePlan):
        if plan.layout_name:
            lay = self.finder.named(plan.layout_name)
            if lay is not None:
                return lay
        return self.finder.for_kind(plan.kind, plan.pos)

    def geo(self, layout) -> LayoutGeo:
        key = id(layout._element)
        g = self._geo.get(key)
        if g is None:
            title = None
            bodies = []
            footer_top = None
            for ph in layout.placeholders:
                t = ph.placeholder_format.type
                r = rect_of(ph)
                if t in TITLE_TYPES:
                    title = r
                elif t in BODY_TYPES:
                    bodies.append(
                        (ph.placeholder_format.idx, t, r, placeholder_style(ph._element, self.master))
                    )
                elif t in FOOTER_TYPES and r.y > self.slide_h / 2:
                    footer_top = r.y if footer_top is None else min(footer_top, r.y)
            g = LayoutGeo(title, bodies, footer_top)
            self._geo[key] = g
        return g

    def title_placeholder(self, layout):
        """A layout's title placeholder (or None), looked up once per layout."""
        key = layout._element
        if key not in self._title_phs:
            self._title_phs[key] = next(
                (p for p in layout.placeholders if p.placeholder_format.type in TITLE_TYPES), None
            )
        return self._title_phs[key]

    def title_style(self, layout_ph) -> FrameStyle:
        """The text style of a layout's title placeholder (its size, font, insets), looked up once."""
        key = layout_ph._element
        style = self._title_styles.get(key)
        if style is None:
            style = self._title_styles[key] = placeholder_style(key, self.master)
        return style

    def limit(self, g: LayoutGeo) -> int:
        """The lowest y body content may reach on a slide of this layout: above the footer."""
        bottom = self.slide_h - int(0.1 * EMU_PER_IN)
        if g.footer_top is not None:
            bottom = min(bottom, g.footer_top - int(0.05 * EMU_PER_IN))
        return bottom

    # -- where the writer puts a plan's chunks
    def slots(self, plan: SlidePlan, g: LayoutGeo, bottom: int) -> list[Slot]:
        chunks = list(plan.chunks)
        if not chunks:
            return []
        title_bottom = (
            g.title.bottom if g.title is not None else self.safe.y + int(EMU_PER_IN * self.cv_scale)
        )
        free = Rect(
            self.safe.x, title_bottom + GAP, self.safe.w, max(bottom - title_bottom - GAP, int(EMU_PER_IN))
        )

        def clip(r: Rect) -> Rect:
            return Rect(r.x, r.y, r.w, max(min(r.bottom, bottom) - r.y, int(0.5 * EMU_PER_IN)))

        contents = sorted(g.bodies, key=lambda b: -b[2].w * b[2].h)
        kind = plan.kind
        if (
            kind in (LayoutKind.TWO_CONTENT, LayoutKind.COMPARISON)
            and len(chunks) == 1
            and isinstance(chunks[0], ColumnsChunk)
            and len(contents) >= 2
        ):
            cols = chunks[0].columns
            if kind == LayoutKind.COMPARISON and len(g.bodies) >= 4:
                return self._comparison_slots(cols, g, clip)
            pair = sorted(contents[:2], key=lambda b: b[2].x)
            union = Rect(
                pair[0][2].x,
                min(pair[0][2].y, pair[1][2].y),
                pair[1][2].x + pair[1][2].w - pair[0][2].x,
                max(pair[0][2].h, pair[1][2].h),
            )
            rects = split_columns(clip(union), [w for _, w in cols])
            # text never goes into a picture (or table, chart) placeholder: a text box in its place
            return [
                Slot(list(cc), r, pair[i][3], True, pair[i][0])
                if i < 2 and _texty(pair[i][1])
                else Slot(list(cc), r, None, False)
                for i, ((cc, _), r) in enumerate(zip(cols, rects))
            ]
        if kind == LayoutKind.PICTURE and len(chunks) == 1:
            pic = next((b for b in g.bodies if _is_type(b[1], "PICTURE")), None)
            if pic is not None:
                return [Slot(chunks, clip(pic[2]), None, False)]
        if kind == LayoutKind.CAPTION and len(contents) >= 2:
            content = contents[0]
            caption = next((b for b in contents[1:] if _is_type(b[1], "BODY")), contents[1])
            return [
                Slot(chunks[:1], clip(caption[2]), caption[3], False, caption[0]),
                Slot(chunks[1:], clip(content[2]), content[3], True, content[0]),
            ]
        if not contents and kind == LayoutKind.BLANK and not plan.title and self.untitled is not None:
            # an untitled slide: where a content slide's title and body are, in the body's look
            return [Slot(chunks, clip(self.untitled.rect), self.untitled.style, True)]
        if contents:
            big = contents[0]
            texty = [b for b in contents if _texty(b[1]) and b[2].w * b[2].h >= 0.5 * big[2].w * big[2].h]
            if texty:
                return [Slot(chunks, clip(texty[0][2]), texty[0][3], True, texty[0][0])]
            return [Slot(chunks, clip(big[2]), None, False)]
        return [Slot(chunks, clip(free), None, False)]

    def _comparison_slots(self, cols, g: LayoutGeo, clip) -> list[Slot]:
        ordered = sorted(g.bodies, key=lambda b: (b[2].x // (EMU_PER_IN // 2), b[2].y))
        out = []
        for (cc, _), pair in zip(cols[:2], (ordered[:2], ordered[2:4])):
            head, body = pair
            cc = list(cc)
            if len(cc) >= 2 and isinstance(cc[0], TextChunk):
                out.append(Slot(cc[:1], clip(head[2]), head[3], False, head[0]))
                out.append(Slot(cc[1:], clip(body[2]), body[3], True, body[0]))
            else:
                out.append(Slot(cc, clip(body[2]), body[3], True, body[0]))
        for cc, _ in cols[2:]:
            out.append(Slot(list(cc), clip(self.safe), None, False))
        return out


@dataclass(frozen=True)
class UntitledBody:
    """Where an untitled slide's body goes (on the blank layout): the content layout's body box,
    from its title's top (no title, and no rule under a title, above it), in the body's look."""

    rect: Rect
    style: FrameStyle
    placeholder: Any  # the content layout's body placeholder element (its list style is copied)


def untitled_body(layout, g: LayoutGeo) -> UntitledBody | None:
    """The :class:`UntitledBody` of a template whose content layout has a title and a text body."""
    texty = sorted((b for b in g.bodies if _texty(b[1])), key=lambda b: -b[2].w * b[2].h)
    if g.title is None or not texty:
        return None
    idx, _, r, style = texty[0]
    top = min(g.title.y, r.y)
    element = next(ph._element for ph in layout.placeholders if ph.placeholder_format.idx == idx)
    return UntitledBody(Rect(r.x, top, r.w, r.bottom - top), style, element)


def _texty(t) -> bool:
    """True for placeholders that hold text (body, object, subtitle), not pictures, tables or charts."""
    return getattr(t, "name", str(t)) in ("BODY", "OBJECT", "SUBTITLE", "VERTICAL_BODY", "VERTICAL_OBJECT")


def _is_type(t, name: str) -> bool:
    return getattr(t, "name", str(t)) == name


# --------------------------------------------------------------------------- measuring slots


class Fitter:
    def __init__(self, geo: TemplateGeometry, policy: FitPolicy, lang: str, diags: Diagnostics, labels=None):
        self.g = geo
        self.M = geo.measurer
        self.policy = policy
        self.lang = lang
        self.before = 0  # the deck's slides before the one being fitted (earlier ones may have been split)
        self.labels = labels
        self.diags = diags
        self.base_dir: str | None = None  # the lecture's folder (its source read for a word's line)
        self.wraps: set[m.SourcePos] = set()  # the listings said to wrap (unfittable)
        # the tables (by source position) a split keeps whole where a slide holds them (:meth:`kept_whole`)
        self.kept: frozenset[m.SourcePos] = frozenset()
        self.code_seen: dict[m.SourcePos, int] = {}  # a listing's lines on the parts fitted so far
        self.code_waits: dict[
            m.SourcePos, tuple[str, str, m.SourcePos]
        ] = {}  # a wrap said at its widest line

    def slide_name(self, plan: SlidePlan) -> str:
        """``plan``'s number as the deck shows it (continuation slides counted), with its part."""
        number = self.before + max(plan.part, 1)
        return f"slide {number}{f' (part {plan.part} of {plan.parts})' if plan.parts > 1 else ''}"

    # heights
    def heights(
        self, chunks, width: int, sizes: TypeSizes, style, own: bool, minimum: bool = True
    ) -> list[int]:
        return chunk_heights(self.M, chunks, width, sizes, style, own, minimum)  # (as placement.stack)

    def needed(self, slot: Slot, sizes: TypeSizes) -> int:
        hs = self.heights(slot.chunks, slot.rect.w, sizes, slot.style, slot.own)
        hs = _grid_adjust(self, slot.chunks, slot.rect.w, hs, sizes)
        within = sum(follows_text(slot.chunks))  # (text drawn in the frame above: no gap before it)
        return sum(hs) + GAP * max(len(hs) - 1 - within, 0)

    def body_pt(self, slots: list[Slot]) -> float:
        """The size (pt) of the body's first-level text on ``slots``, before any shrinking."""
        style = next((sl.style for sl in slots if sl.style is not None), self.g.box_style)
        return style.level(0).size or 24.0

    def sizes_at(self, s: float, slots: list[Slot]) -> TypeSizes:
        cv = self.g.cv_scale
        l0 = self.body_pt(slots)
        text_floor = min(1.0, self.g.body_floor / l0)
        code_base = CODE_PT * cv
        table_base = TABLE_PT * cv
        floor = self.g.code_floor
        # code shrinks first to keep its lines unwrapped, down to the floor
        for sl in slots:
            for c, width in _code_widths(sl.chunks, sl.rect.w, l0 * max(s, text_floor)):
                code_base = min(code_base, max(floor, _code_fit_pt(c.block, width, self.g.fonts.mono)))
        return TypeSizes(
            max(s, text_floor),
            max(code_base * s, min(floor, code_base)),
            max(table_base * s, min(floor, table_base)),
        )

    def min_scale(self, slots) -> float:
        s1 = self.sizes_at(1.0, slots)
        l0 = self.body_pt(slots)
        return min(
            min(1.0, self.g.body_floor / l0),
            self.g.code_floor / max(s1.code, 1),
            self.g.code_floor / max(s1.table, 1),
            1.0,
        )

    def fits(self, slots, sizes, slack: int = 0) -> bool:
        return all(self.needed(sl, sizes) <= sl.rect.h + slack for sl in slots)

    def best_sizes(self, slots, start: float = 1.0) -> tuple[TypeSizes, bool]:
        """Return the largest sizes at which ``slots`` fit (shrinking as the policy allows), and whether they do
        (at the smallest, within :data:`SLACK`)."""
        while start > 1.0:  # a pull quote is set large when it can be
            sizes = self.sizes_at(start, slots)
            if self.fits(slots, sizes):
                return sizes, True
            start = round(start - 0.1, 3)
        s = start  # below 1: a `{.smaller}` slide
        sizes = self.sizes_at(s, slots)
        if self.fits(slots, sizes) or self.policy != FitPolicy.SHRINK:
            return sizes, self.fits(slots, sizes, SLACK)
        low = self.min_scale(slots)
        while s > low + 1e-6:
            s = max(round(s - 0.05, 3), low)
            sizes = self.sizes_at(s, slots)
            if self.fits(slots, sizes):
                return sizes, True
        return sizes, self.fits(slots, sizes, SLACK)

    def title_fitted(self, plan: SlidePlan) -> SlidePlan:
        """``plan`` with its title drawn smaller where the template's size needs more lines than the title
        box holds (a title of three lines in a box for two): the largest of 90 %, 80 %… 60 % that fits (at
        most the plan's own scale, a subsection's), measured as body text is; too long even at 60 %, an
        ``overfull`` warning."""
        if not plan.title:
            return plan
        layout = self.g.layout(plan)
        lay = self.g.title_placeholder(layout)
        box = self.g.geo(layout).title
        if lay is None or box is None:
            return plan
        style = self.g.title_style(lay)
        para = (Para(plan.title),)
        width = int(box.w * 0.95)  # (titles are often bold: measured with room to spare)
        own = plan.title_scale  # (a subsection's slide: smaller to begin with, plan.SUBSECTION_TITLE)
        for factor in (own, *(f for f in (0.9, 0.8, 0.7, 0.6) if f < own)):
            if text_height(para, style, width, factor, self.g.fonts, True, self.g.cv_scale) <= box.h:
                return plan if factor == plan.title_scale else replace(plan, title_scale=factor)
        breaks = sum(r.text.count("\v") for r in plan.title)
        if plan.part <= 1 and breaks:
            # (lines broken by hand: the cause when the same words unbroken would fit)
            unbroken = (Para(tuple(replace(r, text=r.text.replace("\v", " ")) for r in plan.title)),)
            if text_height(unbroken, style, width, 0.6, self.g.fonts, True, self.g.cv_scale) <= box.h:
                s = "s" if breaks > 1 else ""
                self.diags.warning(
                    f"{self.slide_name(plan)}: its title's {breaks} forced line break{s} (<br> or \\\\) make it "
                    f"{breaks + 1} lines, more than the title box holds even at 60 % of its size; take out "
                    f"the break{s} (the box wraps the title by itself)",
                    plan.pos,
                    "overfull",
                )
                return replace(plan, title_scale=0.6)
        if plan.part <= 1:
            self.diags.warning(
                f"{self.slide_name(plan)}: its title is too long for the title box even at 60 % of its size; "
                "shorten it (the slide's first line can say the rest)",
                plan.pos,
                "overfull",
            )
        return replace(plan, title_scale=0.6)

    # -- the pass
    def fit(self, plan: SlidePlan) -> list[SlidePlan]:
        if plan.kind == LayoutKind.TITLE and plan.subtitle:
            return [self.fit_title(plan)]
        if plan.kind == LayoutKind.TITLE:
            return [plan]
        if plan.kind == LayoutKind.SECTION or not plan.chunks:  # (a long title on a slide of its own too)
            return [self.title_fitted(plan)]
        out = [self.with_levels(self.title_fitted(p)) for p in self._fit(plan)]
        for p in out:
            for name, hint, pos in self.unfittable(p):
                self.diags.warning(f"{name}: {hint}", pos or p.pos, "overfull")
        return out

    def with_levels(self, plan: SlidePlan) -> SlidePlan:
        """``plan`` with the type size of each list level in each of its regions, as the writer sets them
        (the template's sizes at the fitted scale): the drawings in the PDFs set nested lists at these."""
        g = self.g.geo(self.g.layout(plan))
        scale = (plan.sizes or TypeSizes()).text
        levels = []
        for sl in self.g.slots(plan, g, self.footnote_bottom(plan, g)):
            if not sl.chunks:
                continue
            style = sl.style or self.g.box_style
            levels.append(
                tuple(round(para_size(Para((), lvl, Bullet.BULLET), style, scale), 1) for lvl in range(9))
            )
        return replace(plan, levels=tuple(levels))

    def fit_title(self, plan: SlidePlan) -> SlidePlan:
        """``plan`` with its subtitle lines (subtitle, authors, institute, date) at the largest size its
        placeholder holds, down to the title slide's floor; below it (still inside the box, down to 9 pt)
        only with an ``overfull`` warning naming the field to shorten.  The size goes into ``levels``
        too, for the slide drawings in the PDFs."""
        g = self.g.geo(self.g.layout(plan))
        sub = next((b for b in g.bodies if _is_type(b[1], "SUBTITLE")), g.bodies[0] if g.bodies else None)
        if sub is None:
            return plan
        _, _, rect, style = sub
        chunk = TextChunk(tuple(plan.subtitle))
        base = style.level(0).size or 24.0
        floor = min(1.0, self.g.title_floor / base)

        def fits(s: float) -> bool:
            return self.M.chunk(chunk, rect.w, TypeSizes(s), style, True) <= rect.h

        s = 1.0
        while s > floor and not fits(s):
            s = max(round(s - 0.05, 3), floor)
        if not fits(s):
            self.title_overfull(plan, style, rect, s)
            while base * s > MEASURED_MIN_PT and not fits(
                s
            ):  # (the measurer's least size: measure.para_size)
                s = max(round(s - 0.05, 3), MEASURED_MIN_PT / base)
        levels = (tuple(round(para_size(Para((), lvl), style, s), 1) for lvl in range(9)),)
        return replace(plan, sizes=TypeSizes(s) if s < 1.0 else plan.sizes, levels=levels)

    def title_overfull(self, plan: SlidePlan, style: FrameStyle, rect: Rect, s: float) -> None:
        """Warn that the title slide's lines do not fit its box at the floor scale ``s``, naming the
        field with the most lines (the one to shorten)."""
        paras = plan.subtitle
        one = para_height(Para((Run("x"),)), style, rect.w, s, self.g.fonts, True, self.g.cv_scale, True)[0]
        counts = [
            max(
                1,
                round(para_height(p, style, rect.w, s, self.g.fonts, True, self.g.cv_scale, True)[0] / one),
            )
            for p in paras
        ]
        fields = list(plan.subtitle_fields)
        fields += [("line", plan.pos)] * (len(paras) - len(fields))
        names = [name for name, _ in fields]
        widest = max(range(len(paras)), key=lambda i: counts[i])
        n = counts[widest]
        self.diags.warning(
            f"{self.slide_name(plan)}: the title slide's {sum(counts)} lines under the title "
            f"({', '.join(dict.fromkeys(names))}) do not fit its box even at "
            f"{base_pt(style, s):g} pt, the smallest Podium sets them, and are drawn smaller; shorten the "
            f"{names[widest]} ({n} line{'s' if n > 1 else ''}) or leave a field out",
            fields[widest][1],
            "overfull",
        )

    def unfittable(self, plan: SlidePlan) -> list[tuple[str, str, m.SourcePos | None]]:
        """Say what no size or split can fix on ``plan`` (a word wider than its box, a picture that cannot
        be shown about 1.5 in on its short side, a listing line that wraps), each with the slide the deck
        shows it on and the source line to change."""
        layout = self.g.layout(plan)
        g = self.g.geo(layout)
        sizes = plan.sizes or TypeSizes()
        name = self.slide_name(plan)
        out: list[tuple[str, str, m.SourcePos | None]] = []
        slots = self.g.slots(plan, g, self.footnote_bottom(plan, g))
        body_pt = self.body_pt(slots) * sizes.text  # (as sizes_at measured the listings)
        for sl in slots:
            first = True
            for c in sl.chunks:
                if isinstance(c, TextChunk):
                    style, own = (
                        (sl.style, sl.own) if first and sl.style is not None else (self.g.box_style, False)
                    )
                    first = False
                    for p in c.paras:
                        _, widest = para_height(
                            p, style, sl.rect.w, sizes.text, self.g.fonts, own, self.g.cv_scale
                        )
                        if widest * EMU_PER_PT > sl.rect.w - style.insets[0] - style.insets[2]:
                            word, link = _widest_word(p)
                            where = "its column" if len(slots) > 1 else "the slide"
                            said = (
                                f"the link text '{shown_word(word)}' is wider than {where} and is broken "
                                "mid-word in LibreOffice, which breaks a link's words at no space; shorten it"
                                if link
                                else f"the word '{shown_word(word)}' is wider than {where} and is broken; "
                                "shorten it or give it a break (a hyphen or a space)"
                            )
                            out.append((name, said, word_pos(plan.source, word, self.base_dir)))
            # a listing whose longest line wraps even at the floor size (in its column, inside its callout)
            for x, width in _code_widths(sl.chunks, sl.rect.w, body_pt):
                out += self.code_wraps(x, plan, name, width, sizes)
        in_columns = {
            id(x)
            for c in plan.chunks
            if isinstance(c, ColumnsChunk)
            for cc, _ in c.columns
            for x in walk_chunks(cc)
        }
        for x in walk_chunks(plan.chunks):
            if is_picture(x) and x.shown is not None and x.block.path:
                hint = self.small_picture(x, plan, id(x) in in_columns)
                if hint:
                    out.append((name, hint, x.block.pos))
        return list(dict.fromkeys(out))

    def code_wraps(
        self, x: ObjectChunk, plan: SlidePlan, name: str, width: int, sizes: TypeSizes
    ) -> list[tuple[str, str, m.SourcePos | None]]:
        """Say, once a listing, that its widest line wraps: on the slide that shows that line, numbered in
        the whole listing (a listing continued over slides is fitted part by part, in order)."""
        b = x.block
        assert isinstance(b, m.CodeBlock)
        lines = b.code.split("\n")
        whole = next(
            (
                t.code.split("\n")
                for t in m.walk(plan.source.body if plan.source is not None else ())
                if isinstance(t, m.CodeBlock) and t.pos == b.pos
            ),
            lines,
        )
        off = self.code_seen.get(b.pos, 0)
        if whole[off : off + len(lines)] != lines:  # (not the next part of it: found where it is)
            off = next((i for i in range(len(whole)) if whole[i : i + len(lines)] == lines), 0)
        self.code_seen[b.pos] = off + len(lines)
        if b.pos in self.wraps:
            return []
        widest = max(range(len(whole)), key=lambda j: code_columns(whole[j]))
        holds = off <= widest < off + len(lines)
        if _code_fit_pt(b, width, self.g.fonts.mono) >= sizes.code * 0.995:
            said = self.code_waits.pop(b.pos, None) if holds else None  # (its widest line fits here)
            if said is not None:
                self.wraps.add(b.pos)
            return [said] if said else []
        k = widest - off if holds else max(range(len(lines)), key=lambda j: code_columns(lines[j]))
        room = _code_columns_room(b, width, self.g.fonts.mono, sizes.code)
        others = [j + 1 for j, line in enumerate(whole) if code_columns(line) > room and j != off + k]
        also = (
            f", as do line{'s' if len(others) > 1 else ''} {_numbers(others)} ({len(others) + 1} lines in all)"
            if others
            else ""
        )
        said = (
            name,
            f"code line {off + k + 1} of this listing ({code_columns(lines[k])} characters) is "
            f"too wide for the slide at {sizes.code:.0f} pt and wraps{also}; break or shorten "
            + ("them" if others else "it"),
            b.pos,
        )
        if not holds and widest >= off + len(lines):  # its widest line comes later: said there
            self.code_waits.setdefault(b.pos, said)
            return []
        self.wraps.add(b.pos)  # (once a listing, though it continues over slides)
        self.code_waits.pop(b.pos, None)
        return [said]

    def small_picture(self, c: ObjectChunk, plan: SlidePlan, in_column: bool = False) -> str:
        """Say why picture chunk ``c`` (with its decided size) is drawn smaller than about 1.5 in on its short
        side (1 in in a column the lecturer asked for) though the picture itself is larger, and what to
        change; "" when it is not."""
        b = picture_of(c)
        if b is None:
            return ""
        w, h = c.shown or (0, 0)
        big = 10 * self.g.slide_w  # its own size (pixels, or the size the author gave), unbounded
        nw, nh = natural_size(b, Rect(0, 0, big, big), self.g.slide_w, self._reference(c))
        target = min(MIN_COLUMN_PICTURE if in_column else MIN_PICTURE, min(nw, nh))
        if min(w, h) >= 0.98 * target:
            return ""
        ratio = max(w, h) / max(min(w, h), 1)
        shown = f"{min(w, h) / EMU_PER_IN:.1f} in"
        if ratio >= 6:
            return (
                f"picture '{b.src}' is too thin ({ratio:.0f}:1) to show at a readable size (its short side "
                f"is drawn {shown}); crop it or cut it into parts"
            )
        return (
            f"picture '{b.src}' is drawn only {shown} on its short side; give it a slide of its own, "
            "a wider column, or less text beside it"
        )

    def _fit(self, plan: SlidePlan) -> list[SlidePlan]:
        plan = self.right_kind(self.unfold(plan))
        layout = self.g.layout(plan)
        g = self.g.geo(layout)
        bottom = self.footnote_bottom(plan, g)
        slots = self.g.slots(plan, g, bottom)
        smaller = plan.source is not None and "smaller" in plan.source.classes  # Quarto: type a step smaller
        start = 1.4 if _quote_only(plan) else 0.8 if smaller else 1.0
        sizes, ok = self.best_sizes(slots, start)
        if self.policy == FitPolicy.NONE:
            if not ok:
                self.overfull(plan, slots, sizes)
            return [self.decide(replace(plan, sizes=sizes))]
        if ok:
            parts = self.refine(plan, [list(plan.chunks)])
            if len(parts) == 1:
                return [self.decide(replace(plan, sizes=sizes))]
        else:
            parts = self.split(plan, slots, sizes)
            if len(parts) <= 1:
                self.overfull(plan, slots, sizes)
                return [self.decide(replace(plan, sizes=sizes))]
            parts = self.refine(plan, _leads_joined(parts))
        plans = self.make_parts(plan, parts)
        # about one size for every part: the largest at which each fits, a part with room to spare at most
        # a step larger (_near), not left at the floor a fuller part needs
        fitted = []
        for p in plans:
            lay = self.g.layout(p)
            pg = self.g.geo(lay)
            sl = self.g.slots(p, pg, self.footnote_bottom(p, pg))
            fitted.append((p, sl, *self.best_sizes(sl, min(start, 1.0))))  # (a `.smaller` slide's parts too)
        # (a part of only code, a table or pictures needs no text size: its shrunk scale keeps no text small)
        texts = [s.text for p, _, s, _ in fitted if _has_text(p)]
        common = TypeSizes(
            min(texts or [s.text for _, _, s, _ in fitted]),
            min(s.code for _, _, s, _ in fitted),
            min(s.table for _, _, s, _ in fitted),
        )
        # a listing continued over parts is set at one size on all of them: the smallest its pieces need
        pieces = [{x.block.pos for x in walk_chunks(p.chunks) if _is_listing(x)} for p in plans]
        cut = {pos for k, mine in enumerate(pieces) for pos in mine if any(pos in o for o in pieces[k + 1 :])}
        cut_code = min((s.code for (_, _, s, _), mine in zip(fitted, pieces) if mine & cut), default=None)
        out: list[SlidePlan] = []
        for (p, sl, s, ok), mine in zip(fitted, pieces):
            if not ok:
                self.overfull(p, sl, s)
            near = _near(s, common)
            if out and _has_text(out[-1]) and not any(_is_listing(x) for x in walk_chunks(out[-1].chunks)):
                # (a "(cont.)" slide's text is never set larger than the text of the part it goes on from,
                # where that text set its size: a listing's part, shrunk for the listing, and a part of only
                # a table or pictures set none to keep to)
                near = replace(near, text=min(near.text, (out[-1].sizes or TypeSizes()).text))
            if cut_code is not None and mine & cut:
                near = replace(near, code=cut_code)
            out.append(self.decide(replace(p, sizes=near if self.fits(sl, near) else s)))
        return out

    def decide(self, plan: SlidePlan) -> SlidePlan:
        """Write into ``plan`` how the writer will draw its pictures (size, grid columns) and charts (their
        box), so the deck and the handout's drawing of the slide show the same."""
        if not any(
            is_picture(x) or (isinstance(x, ObjectChunk) and isinstance(x.block, m.Chart))
            for x in walk_chunks(plan.chunks)
        ):
            return plan
        g = self.g.geo(self.g.layout(plan))
        sizes = plan.sizes or TypeSizes()
        chunks = plan.chunks
        if plan.kind == LayoutKind.PICTURE and len(chunks) == 1 and is_picture(chunks[0]):
            pic = next((b for b in g.bodies if _is_type(b[1], "PICTURE")), None)
            if pic is not None:  # the writer puts it into the picture placeholder, its caption beside
                with_caption = not any(_is_type(b[1], "BODY") for b in g.bodies)
                box = Rect(
                    pic[2].x,
                    pic[2].y,
                    pic[2].w,
                    max(min(pic[2].bottom, self.g.limit(g)) - pic[2].y, int(0.5 * EMU_PER_IN)),
                )
                only = chunks[0]
                b = picture_of(only)
                if isinstance(only, ObjectChunk) and b is not None:
                    size = shown_size(
                        self.M, b, box, sizes, self.g.slide_w, with_caption, self.g.content_width
                    )
                    return replace(plan, chunks=[replace(only, shown=size)])
        decided: dict[int, object] = {}
        for sl in self.g.slots(plan, g, self.footnote_bottom(plan, g)):
            new = decide_pictures(self.M, sl.chunks, sl.rect, sizes, sl.style, sl.own, self.g.slide_w)
            decided.update((id(a), b) for a, b in zip(sl.chunks, new))
        return replace(plan, chunks=_rebuilt(plan.chunks, decided))

    def refine(self, plan: SlidePlan, parts: list[list]) -> list[list]:
        """Move a picture the writer would draw smaller than about 1.5 in on its short side (a picture
        sharing the room with text or other objects) to the next part, with what follows it."""
        out = []
        for chunks in parts:
            while any(is_picture(x) for x in walk_chunks(chunks[1:])):  # only a picture after something moves
                probe = replace(plan, chunks=chunks)
                g = self.g.geo(self.g.layout(probe))
                slots = self.g.slots(probe, g, self.footnote_bottom(probe, g))
                cut = None
                if len(slots) == 1 and slots[0].chunks == chunks:
                    sl = slots[0]
                    sizes, _ = self.best_sizes(slots)
                    new = decide_pictures(self.M, chunks, sl.rect, sizes, sl.style, sl.own, self.g.slide_w)
                    cut = next(
                        (
                            i
                            for i, c in enumerate(new)
                            if i > 0 and any(self._too_small(x) for x in walk_chunks([c]))
                        ),
                        None,
                    )
                if cut is None:
                    break
                if cut > 1 and _introduces(chunks[cut - 1], is_picture(chunks[cut])):
                    cut -= 1  # (its label goes with it)
                elif is_picture(chunks[cut]) and (off := _label_off(chunks[cut - 1])) is not None:
                    chunks = [*chunks[: cut - 1], *off, *chunks[cut:]]
                out.append(chunks[:cut])
                chunks = chunks[cut:]
            out.append(chunks)
        return out

    def _too_small(self, c) -> bool:
        b = picture_of(c)
        if b is None or c.shown is None:
            return False
        full = self.g.content_width
        nw, nh = natural_size(b, Rect(0, 0, full, 10 * full), self.g.slide_w, self._reference(c))
        return min(c.shown) < 0.98 * min(MIN_PICTURE, min(nw, nh))

    def _reference(self, c: ObjectChunk) -> int:
        """What a percentage width of picture chunk ``c`` is of: the region it was drawn in (a column: the
        column), found from its drawn width; else the body's width."""
        b = picture_of(c)
        if b is not None and b.width is not None and b.width.unit == "%" and b.width.value and c.shown:
            return int(c.shown[0] * 100 / b.width.value)
        return self.g.content_width

    def unfold(self, plan: SlidePlan) -> SlidePlan:
        """Take a picture out of a column too narrow to show it about 1 in on its short side (a banner-like
        diagram in a third of the slide): it follows the columns at the body's width (below them, or on
        the next part when there is no room), with a warning that says so."""
        if self.policy == FitPolicy.NONE or not any(isinstance(c, ColumnsChunk) for c in plan.chunks):
            return plan
        full = self.g.content_width
        out: list = []
        for c in plan.chunks:
            if not isinstance(c, ColumnsChunk):
                out.append(c)
                continue
            rects = split_columns(Rect(0, 0, full, 0), [w for _, w in c.columns])
            cols, moved = [], []
            for (cc, w), r in zip(c.columns, rects):
                keep = []
                for x in cc:
                    b = picture_of(x)
                    if b is not None and b.path and self._narrow(b, r.w):
                        moved.append(replace(x, slides_only=x.slides_only or c.slides_only))
                        if plan.part <= 1:
                            self.diags.warning(
                                f"slide {self.before + 1}: picture '{b.src}' would be under 1 in on its short side in its "
                                f"{round(w * 100)} % column, so it follows the columns at the slide's width; widen "
                                "the column, or give the picture {width=100%} to keep it there",
                                b.pos,
                                "picture-moved",
                            )
                    else:
                        keep.append(x)
                cols.append((tuple(keep), w))
            if not moved:
                out.append(c)
                continue
            filled = [cc for cc, _ in cols if cc]
            if len(filled) == 1:  # the other columns held only the pictures: the rest at full width
                out += [
                    replace(x, slides_only=x.slides_only or c.slides_only) if c.slides_only else x
                    for x in filled[0]
                ]
            elif filled:
                out.append(replace(c, columns=tuple(cols)))
            out += moved
        if len(out) == len(plan.chunks) and all(a is b for a, b in zip(out, plan.chunks)):
            return plan
        single = len(out) == 1 and isinstance(out[0], ColumnsChunk)
        kind = plan.kind
        if kind in (LayoutKind.TWO_CONTENT, LayoutKind.COMPARISON) and not single:
            kind = LayoutKind.CONTENT
        return replace(plan, chunks=out, kind=kind)

    def _narrow(self, b: m.Image, width: int) -> bool:
        """True when picture ``b`` shows less than about 1 in on its short side at ``width`` but more at the
        body's full width.  A width in percent is of the column: moving it out would not be what was asked."""
        if b.width is not None and b.width.unit == "%":
            return False
        full = self.g.content_width
        cw, ch = natural_size(b, Rect(0, 0, width, 10 * width), self.g.slide_w)
        fw, fh = natural_size(b, Rect(0, 0, full, 10 * full), self.g.slide_w)
        return min(cw, ch) < 0.98 * min(MIN_COLUMN_PICTURE, min(fw, fh))

    def right_kind(self, plan: SlidePlan) -> SlidePlan:
        """Body text never goes into a header- or caption-sized placeholder it does not fit."""
        if plan.kind not in (LayoutKind.CAPTION, LayoutKind.COMPARISON) or plan.layout_name:
            return plan
        layout = self.g.layout(plan)
        g = self.g.geo(layout)
        slots = self.g.slots(plan, g, self.g.limit(g))
        sizes = self.sizes_at(1.0, slots)
        small = [sl for sl in slots if not sl.own and sl.style is not None]
        for sl in small:
            # (a callout is no column's heading: in a header's place it would be set at the header's size)
            boxed = plan.kind == LayoutKind.COMPARISON and any("callout" in c.box for c in sl.chunks)
            if boxed or self.needed(sl, sizes) > sl.rect.h:
                kind = LayoutKind.CONTENT if plan.kind == LayoutKind.CAPTION else LayoutKind.TWO_CONTENT
                return replace(plan, kind=kind)
        return plan

    def footnote_bottom(self, plan: SlidePlan, g: LayoutGeo) -> int:
        bottom = self.g.limit(g)
        if not plan.footnotes:
            return bottom
        whole = span([b[2] for b in g.bodies])  # (across both columns' bodies, as the writer puts them)
        width = whole.w if whole is not None else self.g.safe.w
        h = text_height(plan.footnotes, self.g.box_style, width, 1.0, self.g.fonts, False, self.g.cv_scale)
        body_bottom = min(max((b[2].bottom for b in g.bodies), default=bottom), bottom)
        return body_bottom - h - GAP

    def overfull(self, plan: SlidePlan, slots, sizes) -> None:
        hint, pos = self.why(slots, sizes, plan.source)
        need = max((self.needed(sl, sizes) - sl.rect.h for sl in slots), default=0)
        tenths = max(math.ceil(need / EMU_PER_IN * 10 - 1e-9), 1)  # (never "0.0 in": rounded up)
        self.diags.warning(
            f"{self.slide_name(plan)} is too full: "
            f"its content needs {tenths / 10:.1f} in more than the layout gives; {hint}",
            pos or plan.pos,
            "overfull",
        )

    def why(self, slots, sizes, source: m.Slide | None = None) -> tuple[str, m.SourcePos | None]:
        """Say what makes ``slots`` overflow when no split helps, and where in the source to change it."""
        for sl in slots:
            for c in walk_chunks(sl.chunks):
                if isinstance(c, TextChunk):
                    for p in c.paras:
                        _, widest = para_height(
                            p, self.g.box_style, sl.rect.w, sizes.text, self.g.fonts, False, self.g.cv_scale
                        )
                        if widest * EMU_PER_PT > sl.rect.w - 2 * GRID_INDENT:
                            word = max(("".join(r.text for r in p.runs)).split() or [""], key=len)
                            return (
                                f"the word '{shown_word(word)}' is wider than the slide: shorten it or add a break",
                                word_pos(source, word, self.base_dir),
                            )
                if isinstance(c, ObjectChunk) and isinstance(c.block, m.Image):
                    w, h = natural_size(c.block, Rect(0, 0, sl.rect.w, 10 * sl.rect.w), self.g.slide_w)
                    if min(w, h) and max(w, h) / min(w, h) > 6:
                        return (
                            f"picture '{c.block.src}' is {max(w, h) / min(w, h):.0f}:1, too thin to show "
                            "at a readable size: crop it or split it into parts",
                            c.block.pos,
                        )
                if isinstance(c, ObjectChunk) and isinstance(c.block, m.Table):
                    b = c.block
                    rows = row_heights(b, sl.rect.w, sizes.table, self.g.fonts)
                    tall = max(range(1, len(rows)), key=lambda k: rows[k], default=0)
                    if tall and rows[tall] + rows[0] > sl.rect.h:
                        row = b.rows[tall - 1]
                        # its number in the source's table (a continuation part holds some of the rows)
                        whole = next(
                            (
                                t
                                for t in m.walk(source.body if source is not None else ())
                                if isinstance(t, m.Table) and t.pos == b.pos
                            ),
                            b,
                        )
                        k = next((i for i, r in enumerate(whole.rows) if r is row), tall - 1) + 1
                        first = m.plain_text(row[0].content) if row else ""
                        return (
                            f"row {k} of the table (starting '{first[:30]}') is taller than the slide "
                            f"({rows[tall] / EMU_PER_IN:.1f} in): shorten the text of its cells or split the row",
                            replace(b.pos, line=b.pos.line + 1 + k),  # a pipe table: header, rule, rows
                        )
        for sl in slots:  # a list item whose sub-list (or paragraphs) make it taller than the slide
            for c in walk_chunks(sl.chunks):
                if not isinstance(c, TextChunk):
                    continue
                for g in _para_groups(c.paras):
                    h = self.M.chunk(replace(c, paras=tuple(g)), sl.rect.w, sizes, sl.style, sl.own, True)
                    if len(g) > 1 and h > sl.rect.h:
                        words = "".join(r.text for r in g[0].runs).split()
                        return (
                            f"the list item '{shown_word(' '.join(words))}' with what it holds is "
                            f"{h / EMU_PER_IN:.1f} in tall, more than the slide gives: shorten it or "
                            "split it into more items",
                            _item_pos(source, words),
                        )
        return "shorten it or split it into more slides", None

    # -- splitting
    def split(self, plan: SlidePlan, slots: list[Slot], sizes: TypeSizes) -> list[list]:
        """Return the chunks of each part (as the plan's top-level chunks).  A table in a column fills the
        room its column has on each part (:func:`_fills`): it is cut at the largest sizes that give no more
        parts than ``sizes`` (the smallest), as the parts are then set, so its column is not left half empty."""
        parts = self.kept_whole(plan, slots, sizes)
        if len(parts) < 2 or not any(_fills(c) for c in plan.chunks):
            return parts
        smaller = plan.source is not None and "smaller" in plan.source.classes
        s = 0.8 if smaller else 1.0
        larger = None  # (the largest sizes giving no more parts, though a column's last bullet goes on alone)
        while s > sizes.text + 1e-6:
            trial = self.kept_whole(plan, slots, self.sizes_at(s, slots))
            if len(trial) <= len(parts) and not _column_widow(trial):
                return trial
            if len(trial) <= len(parts) and larger is None:
                larger = trial
            s = round(s - 0.05, 3)
        return larger if larger is not None and _column_widow(parts) else parts

    def kept_whole(self, plan: SlidePlan, slots: list[Slot], sizes: TypeSizes) -> list[list]:
        """:meth:`split_at`'s parts, with each table they cut that a slide holds whole (with its row of
        columns, when in one) kept whole instead, moved to the next part, where that takes no more parts
        and leaves no heading or label at a part's foot (an 8-row table under its list item is not cut
        6 + 2 to even the parts out, nor a column's 4-row table cut after its first row)."""
        parts = self.split_at(plan, slots, sizes)
        cut = _cut_tables(parts)
        if not cut:
            return parts
        self.kept = cut
        try:
            trial = self.split_at(plan, slots, sizes)
        finally:
            self.kept = frozenset()
        if len(trial) > len(parts) or any(_introduces(p[-1]) for p in trial[:-1] if p):
            return parts
        return trial

    def _kept_floor(self, chunks, width: int, sizes: TypeSizes, cap: int) -> int:
        """The height of the tallest table among ``chunks`` kept whole (:attr:`kept`) that a part of ``cap``
        holds: evening parts out never goes below it (it would cut the table)."""
        return max(
            (
                h
                for c in chunks
                if isinstance(c, ObjectChunk) and isinstance(c.block, m.Table) and c.block.pos in self.kept
                for h in [self._h(c, width, sizes, None, False)]
                if h <= cap
            ),
            default=0,
        )

    def split_at(self, plan: SlidePlan, slots: list[Slot], sizes: TypeSizes) -> list[list]:
        """Return the chunks of each part (as the plan's top-level chunks), cut at ``sizes``."""
        if len(slots) == 1:
            sl = slots[0]
            parts, way = self.fewest(sl.chunks, sl.rect.w, sl.rect.h, sizes, sl.style, sl.own)
            # text, tables, code: parts evened out (a listing cut evenly over parts is already: _listing_cuts);
            # with pictures or display math too when the last part would be one paragraph alone (a widow)
            flowing = all(_flowing(c) for c in sl.chunks) or _lone(parts[-1])
            if flowing and not any(_fills(c) for c in sl.chunks) and not (way.even and _cuts_listing(parts)):
                return self.balanced(
                    lambda cap: self.pack(sl.chunks, sl.rect.w, cap, sizes, sl.style, sl.own, way=way),
                    sl.rect.h,
                    parts,
                    max(
                        self.listing_floor(sl.chunks, sl.rect, sizes, sl.style, sl.own),
                        self._kept_floor(sl.chunks, sl.rect.w, sizes, sl.rect.h),
                    ),
                )
            return parts
        if len(plan.chunks) == 1 and isinstance(plan.chunks[0], ColumnsChunk):
            # columns side by side: each column continues in the same column of the next part
            c = plan.chunks[0]
            per_col = []
            for k, (cc, _) in enumerate(c.columns):
                sl = _column_slot(slots, list(cc)) or slots[min(k, len(slots) - 1)]
                pieces, way = self.fewest(list(cc), sl.rect.w, sl.rect.h, sizes, sl.style, sl.own)
                if all(_flowing(x) for x in cc) and not _fills(c):
                    # (evened out in its column: no lone line on the last part)
                    pieces = self.balanced(
                        lambda cap, cc=cc, sl=sl, way=way: self.pack(
                            list(cc), sl.rect.w, cap, sizes, sl.style, sl.own, way=way
                        ),
                        sl.rect.h,
                        pieces,
                        self.listing_floor(list(cc), sl.rect, sizes, sl.style, sl.own),
                    )
                per_col.append(pieces)
            return [[piece] for piece in _column_parts(c, per_col)]
        # a caption layout or several regions: everything on a content slide, packed there
        plan2 = replace(plan, kind=LayoutKind.CONTENT)
        layout = self.g.layout(plan2)
        g = self.g.geo(layout)
        packed = self.g.slots(plan2, g, self.footnote_bottom(plan2, g))
        if len(packed) == 1:
            one = packed[0]
            return self.fewest(one.chunks, one.rect.w, one.rect.h, sizes, one.style, one.own)[0]
        return [list(plan.chunks)]

    def fewest(self, chunks, width: int, cap: int, sizes: TypeSizes, style, own) -> tuple[list[list], _Way]:
        """Return :meth:`pack`'s parts of ``chunks`` in parts of ``cap`` and the way they were cut: a
        listing kept whole under its lead-in and cut into even pieces (:class:`_Way`) where that costs no
        part, else as many parts as filling each to the brim gives (a line over a long listing and the
        bullets after it: two slides, not the line alone on one, the listing on the next and the bullets
        on a third)."""
        parts = self.pack(chunks, width, cap, sizes, style, own)
        if len(parts) < 2 or not any(_is_listing(x) or _shows_picture(x) for x in walk_chunks(chunks)):
            return parts, _Way()
        # a listing a slide holds by itself is never cut to save a part: it stays whole, with its lead-in
        short = {
            x.block.pos
            for x in walk_chunks(chunks)
            if _is_listing(x) and self._h(x, width, sizes, None, False) <= cap
        }

        # (unless keeping it whole leaves a slide with a single short line: "Totals" alone over the listing)
        def cost(trial: list[list]) -> tuple[bool, int]:
            return _cuts_listing(trial, short) or any(_thin(p) for p in trial), len(trial)

        def worse(trial: list[list], than: list[list]) -> bool:
            return cost(trial) >= cost(than)

        best, way = parts, _Way()
        for other in (_Way(lead_off=False), _Way(even=False), _Way(lead_off=False, even=False)):
            trial = self.pack(chunks, width, cap, sizes, style, own, way=other)
            if not worse(trial, best):
                best, way = trial, other
        return best, way

    def listing_floor(self, chunks, rect: Rect, sizes: TypeSizes, style=None, own: bool = False) -> int:
        """The height of the tallest listing among ``chunks`` (those in columns too) that a part of
        ``rect`` holds whole, with the lead-in it is kept with (``Layout:`` over its code) where the
        two fit together: evening parts out never goes below it (it would cut the listing)."""
        heights = []
        for u in _kept_together(_group_pictures(chunks)):
            if isinstance(u, ColumnsChunk):  # (each column's listings at that column's width)
                cols = split_columns(rect, [w for _, w in u.columns])
                heights += [self.listing_floor(list(cc), r, sizes) for (cc, _), r in zip(u.columns, cols)]
                continue
            unit = u.chunks if isinstance(u, _Kept) else [u]
            listings = [
                self._h(c, rect.w, sizes, None, False)
                for k, c in enumerate(unit)
                if _is_listing(c)
                # (not one a part cannot hold with the line that introduces it: it is cut after that line)
                and not (
                    k
                    and _introduces(unit[k - 1], listing=True)
                    and self._unit_h(unit[k - 1 : k + 1], rect.w, sizes, style, own, False) > rect.h
                )
            ]
            if isinstance(u, _Kept) and listings:
                listings.append(self._unit_h(u.chunks, rect.w, sizes, style, own, False))
            heights += listings
        return max((h for h in heights if h <= rect.h), default=0)

    def balanced(self, pack, cap: int, parts: list[list], floor: int = 0) -> list[list]:
        """Return ``pack(cap)``'s ``parts`` evened out: the same number of parts, each filled to the least
        height that still gives that number, so the last part is not a lone line (a widow); never less
        than ``floor`` (the tallest listing a slide holds, which evening out would cut)."""
        n = len(parts)
        if n < 2:
            return parts
        lo = max(int(cap * (n - 1) / n), floor)  # below (n-1)/n of a slide n parts cannot hold it all
        hi = cap
        if lo >= hi:
            return parts
        best = parts
        for _ in range(7):
            mid = (lo + hi) // 2
            trial = pack(mid)
            if len(trial) == n:
                hi, best = mid, trial
            else:
                lo = mid
            if hi - lo < int(0.05 * EMU_PER_IN):
                break
        return best

    def pack(
        self,
        chunks,
        width: int,
        cap: int,
        sizes: TypeSizes,
        style,
        own,
        first: int | None = None,
        lead: bool = False,
        way: _Way | None = None,
    ) -> list[list]:
        """Return ``chunks`` in parts of at most ``cap`` each; the first part at most ``first`` when given
        (the room left on a slide), which may then be empty.  ``lead``: that room is under a heading (a
        column's, which has nothing else on its slide), so a listing is cut to begin in it.  ``way``: how
        listings are cut (:class:`_Way`; by default a listing kept whole under its lead-in, cut evenly)."""
        way = way or _Way()
        parts: list[list] = [[]]
        used = 0
        limit = cap if first is None else first  # the room of the part being filled
        todo = _kept_together(_group_pictures(chunks))
        joining: set[int] = set()  # (the text after a caption line: one text with it on the same part)
        while todo:
            c = todo.pop(0)
            if isinstance(c, _Kept):  # a fenced div's blocks: on one slide, on the next if need be
                if c.tail is not None:
                    todo.insert(0, c.tail)
                    joining.add(id(c.tail))
                gap = GAP if parts[-1] else 0
                has_text = any(isinstance(x, TextChunk) for x in parts[-1])
                h = self._unit_h(c.chunks, width, sizes, style, own, has_text)
                if used + gap + h > limit:
                    h = self._unit_h(c.chunks, width, sizes, style, own, False)
                    if h > cap:  # taller than a slide: its blocks one by one (a tab's heading, a
                        # label still with the listing or picture it introduces, when that fits)
                        moved = (
                            _lead_off(c, lambda u: self._unit_h(u, width, sizes, style, own, False) <= cap)
                            if way.lead_off
                            else None
                        )
                        if moved is not None:
                            todo[0:0] = moved
                            continue
                        apart = [] if c.joins else _kept_together(c.chunks, divs=False)
                        todo[0:0] = apart if len(apart) > 1 else c.chunks
                        if c.joins and parts[-1] and isinstance(parts[-1][-1], TextChunk):
                            todo.insert(
                                0, replace(todo.pop(0), paras=parts[-1].pop().paras + c.chunks[0].paras)
                            )
                        continue
                    parts.append([])  # (an empty first part, the room left in a column, stays empty)
                    limit, used, gap = cap, 0, 0
                head = c.chunks[0]
                if c.joins and parts[-1] and isinstance(parts[-1][-1], TextChunk):  # (its text goes on)
                    before = parts[-1][-1]
                    parts[-1][-1] = replace(before, paras=before.paras + head.paras)
                    c = _Kept(c.chunks[1:])
                parts[-1].extend(x for piece in c.chunks for x in _ungroup(piece))
                used += gap + h
                continue
            has_text = any(isinstance(x, TextChunk) for x in parts[-1])
            # (measured as the writer draws it: later text of a content placeholder in its look too)
            st, ow = (style, own) if in_placeholder_look(c, style, own, not has_text) else (None, False)
            gap = GAP if parts[-1] else 0
            h = self._h(c, width, sizes, st, ow)
            if used + gap + h <= limit:
                _place(parts[-1], c, id(c) in joining)
                used += gap + h
                continue
            fresh = not parts[-1] and limit == cap  # an empty part of a whole slide
            # (after its heading, taller than a slide with it, a listing is cut so the heading is not alone)
            introduced = (
                bool(parts[-1])
                and (_introduces(parts[-1][-1]) or _is_listing(c) and _leads_listing(parts[-1][-1]))
                or lead
                and parts == [[]]
            )
            whole = isinstance(c, ObjectChunk) and isinstance(c.block, m.CodeBlock) or _boxed(c)
            if not fresh and whole and h <= cap and not introduced:
                # a listing or a callout a slide holds is not cut: it starts the next part
                parts.append(_ungroup(c))
                limit, used = cap, h
                continue
            pieces = self.split_chunk(
                c,
                width,
                sizes,
                cap if fresh else limit - used - gap,
                cap,
                (st, ow),
                (style, own),
                even=way.even,
            )
            alone = introduced and len(parts[-1]) == 1 and limit == cap  # (a heading alone on its part)
            if alone and isinstance(c, ColumnsChunk) and (not pieces or pieces[0] is None):
                # nothing of the columns after it: their listings are cut to begin under it, as a listing is
                pieces = self.split_chunk(
                    c, width, sizes, limit - used - gap, cap, (st, ow), (style, own), lead=True, even=way.even
                )
            if introduced and (not pieces or pieces[0] is None) and (len(parts[-1]) > 1 or limit < cap):
                # none of it fits after its heading: the heading starts the next part, and it follows
                head = parts[-1].pop()
                parts.append([head])
                limit, used = cap, self._unit_h([head], width, sizes, style, own, False)
                todo.insert(0, c)
                continue
            if not pieces:
                if not fresh:
                    parts.append([])
                    limit = cap
                    st, ow = (style, own) if isinstance(c, TextChunk) else (None, False)
                parts[-1].extend(_ungroup(c))
                used = self._h(c, width, sizes, st, ow)
                continue
            for k, piece in enumerate(pieces):
                if piece is None:
                    continue
                if k == 0:
                    _place(parts[-1], piece, id(c) in joining)
                    used += gap + self._h(piece, width, sizes, st, ow)
                else:
                    parts.append(_ungroup(piece))
                    limit = cap
                    st2, ow2 = (style, own) if isinstance(piece, TextChunk) else (None, False)
                    used = self._h(piece, width, sizes, st2, ow2)
        out = [p for p in parts if p]
        if first is not None and not parts[0]:
            out.insert(0, [])  # nothing fits the room of the first part
        return out

    def _unit_h(self, chunks, width, sizes, style, own, has_text: bool) -> int:
        """The height of ``chunks`` one under another in a part (that already holds text, or not)."""
        total = 0
        for k, c in enumerate(chunks):
            st, ow = (style, own) if in_placeholder_look(c, style, own, not has_text) else (None, False)
            has_text = has_text or isinstance(c, TextChunk)
            total += (GAP if k else 0) + self._h(c, width, sizes, st, ow)
        return total

    def _h(self, c, width, sizes, style, own) -> int:
        if isinstance(c, _Pictures):
            return _grid_min(self, c.chunks, width, sizes) or sum(
                self.M.chunk(x, width, sizes, None, False, True) for x in c.chunks
            )
        return self.M.chunk(c, width, sizes, style, own, True)

    def split_chunk(self, c, width, sizes, room, cap, first_style, style_own, lead=False, even=True):
        """Return pieces of ``c``: the first fits ``room`` (None when nothing does), the rest ``cap`` each;
        ``lead``: ``room`` is under a heading (columns' listings are cut to begin there: :meth:`pack`);
        ``even``: a listing is cut into even pieces (:func:`_listing_cuts`), else each piece filled."""
        if isinstance(c, TextChunk):

            def h(paras, st):
                return self.M.chunk(replace(c, paras=tuple(paras)), width, sizes, st[0], st[1], True)

            paras = []
            for p in c.paras:  # a paragraph taller than a slide continues at a sentence's end
                paras += _sentences(p) if h([p], style_own) > cap else [p]
            groups = _para_groups(paras)
            if "callout" in c.box and len(groups) > 1:  # (a box's title stays with its first words)
                groups = [groups[0] + groups[1], *groups[2:]]
            # a list item with its sub-list taller than a slide even at the floors: it continues on the
            # next part (its paragraphs and deeper items one by one), rather than run off this one
            groups = [
                part
                for g in groups
                for part in (_one_by_one(g) if len(g) > 1 and h(g, style_own) > cap else [g])
            ]
            return _take(
                groups,
                lambda items, first: h([p for g in items for p in g], first_style if first else style_own),
                room,
                cap,
                lambda items: replace(c, paras=tuple(p for g in items for p in g), step=items[0][0].step),
            )
        if isinstance(c, ObjectChunk) and isinstance(c.block, m.Table):
            b = c.block
            rows = row_heights(b, width, sizes.table, self.g.fonts)
            head = rows[0] if b.headed else 0  # (repeated at the top of every part)
            if b.pos in self.kept and self._h(c, width, sizes, None, False) <= cap:
                return None  # (kept whole, its caption with it: it starts the next part)
            return _take(
                [(r, hr) for r, hr in zip(b.rows, rows[1:] if b.headed else rows)],
                lambda items, first: head + sum(x[1] for x in items),
                room,
                cap,
                lambda items: replace(c, block=replace(b, rows=tuple(x[0] for x in items))),
            )
        if isinstance(c, ObjectChunk) and isinstance(c.block, m.CodeBlock):
            b = c.block
            lines = list(enumerate(b.code.split("\n")))
            mono = self.g.fonts.mono

            def part(items):  # (numbered lines go on counting in the next part)
                first = b.first_line + items[0][0] if b.first_line is not None else None
                return replace(b, code="\n".join(line for _, line in items), first_line=first)

            text = [line for _, line in lines]
            one = [code_height(part([item]), width, sizes.code, mono) for item in lines]
            bare = code_height(part([(0, "")]), width, sizes.code, mono)
            extra = 2 * bare - code_height(
                part([(0, ""), (0, "")]), width, sizes.code, mono
            )  # (insets, label)
            ends = _listing_cuts(
                [h - extra for h in one],
                extra,
                room,
                cap,
                _code_breaks(text),
                _depths(text),
                [not x.strip() for x in text] + [False],
                even,
            )
            if ends is None:
                return None
            pieces: list = []
            start = 0
            for end in ends:
                if end is None:
                    pieces.append(None)
                    continue
                pieces.append(replace(c, block=part(lines[start:end])))
                start = end
            return pieces
        if isinstance(c, ColumnsChunk):
            rects = split_columns(Rect(0, 0, width, 0), [w for _, w in c.columns])
            # each column fills the room left on this slide, then continues in the same column
            look = style_own if style_own[1] and style_own[0] is not None else (None, False)
            if _holds_kept(c, self.kept) and self._h(c, width, sizes, *first_style) <= cap:
                return None  # (a table kept whole: its row of columns starts the next part)
            per_col = [
                self.pack(list(cc), r.w, cap, sizes, *look, first=max(room, 0), lead=lead)
                for (cc, _), r in zip(c.columns, rects)
            ]
            if _out_of_order(c, per_col):  # (a column to the right would start before the left one)
                per_col = [
                    self.pack(list(cc), r.w, cap, sizes, *look, first=0)
                    for (cc, _), r in zip(c.columns, rects)
                ]
            pieces = _column_parts(c, per_col)
            n = len(pieces)
            if not any(p and p[0] for p in per_col):  # nothing fits the room: all of it on the next parts
                return [None, *pieces[1:]] if len(pieces) > 2 else None
            return pieces if n > 1 else None
        if isinstance(c, _Pictures):
            return _take(
                c.chunks,
                lambda items, first: _grid_min(self, items, width, sizes) or 10 * cap,
                room,
                cap,
                lambda items: _Pictures(list(items)),
            )
        return None

    def make_parts(self, plan: SlidePlan, parts: list[list]) -> list[SlidePlan]:
        n = len(parts)
        cont = label(self.lang, "cont", self.labels)
        out = []
        done = 0  # the last click of the parts before: what came on it is shown from the start here
        placed_notes = _notes_parts(plan, parts)
        for i, chunks in enumerate(parts):
            steps = sorted({s for c in chunks for s in _steps(c)})
            shift = (
                done if i > 0 else 0
            )  # (the rest of a listing shown on a click: shown, not on a new click)
            done = max(done, *steps) if steps else done
            chunks = [_shift(c, shift) for c in chunks] if shift else chunks
            title = plan.title
            if i > 0:
                space = "" if cont[:1] in "（【「" else " "
                said = "".join(r.text for r in plan.title).rstrip()
                if said.endswith((cont, "(cont.)", "(cont'd)", "(continued)")):
                    pass  # (a title that already says so: "Help (cont.)", not "Help (cont.) (cont.)")
                elif plan.title:
                    title = (*plan.title, Run(space + cont))
                # (an untitled slide's parts stay untitled, on its layout: a lone "cont." is no title the
                # lecturer wrote; the handout names such a part "Slide 7 (cont.)")
            foot = [f for f in plan.footnotes if _note_part(f, parts) == i]
            notes = [t for t, at in zip(plan.notes, placed_notes, strict=True) if at == i]
            out.append(
                replace(
                    plan,
                    title=title,
                    chunks=chunks,
                    notes=notes,
                    placed=plan.placed if i == 0 else (),  # (placed pictures stay on the first part)
                    footnotes=foot,
                    steps=max((max(s - shift, 0) for s in steps), default=0),
                    part=i + 1,
                    parts=n,
                )
            )
        return out


# --------------------------------------------------------------------------- helpers

# how much larger a split slide's part may be set than the part that needs the smallest type
PARTS_STEP = 1.25


def _near(own: TypeSizes, common: TypeSizes) -> TypeSizes:
    """A part's sizes beside its slide's other parts: its own (the largest at which it fits), but no more than
    :data:`PARTS_STEP` times the smallest part's, so the parts of one slide look alike and a part holding
    two bullets is not left in the floor's small type that a part holding a long listing needs."""
    return TypeSizes(
        min(own.text, common.text * PARTS_STEP),
        min(own.code, common.code * PARTS_STEP),
        min(own.table, common.table * PARTS_STEP),
    )


@dataclass(frozen=True)
class _Way:
    """How :meth:`Fitter.pack` cuts: ``lead_off``: a listing or picture taller than the room left under
    its lead-in starts the next part whole with it (:func:`_lead_off`) rather than being cut; ``even``:
    a listing is cut into even pieces (:func:`_listing_cuts`) rather than each filled to the brim."""

    lead_off: bool = True
    even: bool = True


@dataclass
class _Pictures:
    """Consecutive pictures, packed as one grid."""

    chunks: list


def _group_pictures(chunks) -> list:
    out: list = []
    run: list = []
    for c in chunks:
        if isinstance(c, ObjectChunk) and isinstance(c.block, m.Image):
            run.append(c)
            continue
        if run:
            out.append(_Pictures(run) if len(run) > 1 else run[0])
            run = []
        out.append(c)
    if run:
        out.append(_Pictures(run) if len(run) > 1 else run[0])
    return out


@dataclass
class _Kept:
    """Consecutive chunks of one fenced div (a person's photo, name and role; a callout), packed
    as one: they start a new part rather than be parted, unless together they are taller than a slide."""

    chunks: list
    joins: bool = False  # its first chunk is the last line of the text before: one text when on one part
    # the text after a picture's caption line (TextChunk.captions), packed after the unit: one text with
    # the caption line when on the same part
    tail: TextChunk | None = None


def _keep_of(c) -> int:
    if isinstance(c, _Kept):
        return _keep_of(c.chunks[0])
    if isinstance(c, _Pictures):
        keeps = {x.keep for x in c.chunks}
        return keeps.pop() if len(keeps) == 1 else 0
    return getattr(c, "keep", 0)


def _kept_together(chunks, divs: bool = True) -> list:
    """``chunks`` with those of one fenced div, and a short label ending in ":" or a heading with the
    equation, listing, table or picture it introduces (``**Predicted values:**`` over ``$$\\hat y = Py$$``;
    a column's ``## Moves only`` over its code), as units a part break does not cut.  ``divs=False``:
    the lead-ins only (the blocks of a div taller than a slide, which go on one by one)."""
    out: list = []
    for c in chunks:
        k = _keep_of(c) if divs else 0
        if k and out and _keep_of(out[-1]) == k:
            prev = out.pop()
            out.append(_Kept([*(prev.chunks if isinstance(prev, _Kept) else [prev]), c]))
        elif (
            isinstance(c, (ObjectChunk, _Pictures))
            and out
            and _introduces(out[-1], _shows_picture(c), _is_listing(c))
        ):
            out.append(_Kept([out.pop(), c]))
        elif (
            (_shows_picture(c) or _is_listing(c))
            and out
            and isinstance(out[-1], _Kept)
            and out[-1].tail is not None
            and (cut := _label_off(out[-1].tail, _is_listing(c))) is not None
        ):  # (the text after a picture's caption line ends in the lead-in of what follows)
            out[-1] = replace(out[-1], tail=cut[0])
            out.append(_Kept([cut[1], c], joins=True))
        elif (
            (_shows_picture(c) or _is_listing(c))
            and out
            and (cut := _label_off(out[-1], _is_listing(c))) is not None
        ):
            out[-1] = cut[
                0
            ]  # (the last line of a longer text labels the picture or listing: it goes with it)
            out.append(_Kept([cut[1], c], joins=True))
        elif isinstance(c, TextChunk) and c.captions and out and _ends_in_picture(out[-1]):
            prev = out.pop()  # (the picture's caption line, the rest of its paragraph, goes with it)
            head, tail = c, None
            if len(c.paras) > 1:
                head = replace(c, paras=c.paras[:1])
                tail = replace(c, paras=c.paras[1:], step=c.paras[1].step, captions=False)
            if isinstance(prev, _Kept):
                out.append(_Kept([*prev.chunks, head], prev.joins, tail))
            else:
                out.append(_Kept([prev, head], tail=tail))
        else:
            out.append(c)
    return out


def _cuts_listing(parts: list[list], among: set | None = None) -> bool:
    """Does a listing (one whose source position is in ``among``, when given) go on from one of ``parts``
    to the next?"""
    seen: set = set()
    for part in parts:
        mine = {
            x.block.pos
            for x in walk_chunks(part)
            if _is_listing(x) and (among is None or x.block.pos in among)
        }
        if mine & seen:
            return True
        seen |= mine
    return False


def _has_text(plan: SlidePlan) -> bool:
    """Whether ``plan`` holds text of its own: a paragraph or list item, not only code, tables, pictures."""
    return any(isinstance(c, TextChunk) and c.paras for c in walk_chunks(plan.chunks))


def _lone(part: list) -> bool:
    """Is ``part`` a single paragraph of text (a bullet, a source line, a reference) with nothing else?"""
    return len(part) == 1 and isinstance(part[0], TextChunk) and len(part[0].paras) == 1


def _column_widow(parts: list[list]) -> bool:
    """Does a column of ``parts`` go on to a part holding only one paragraph of it (its last bullet next to
    the rest of a table)?"""
    pieces: dict[int, list[list]] = {}
    for part in parts:
        for c in part:
            if isinstance(c, ColumnsChunk):
                for k, (cc, _) in enumerate(c.columns):
                    if cc:
                        pieces.setdefault(k, []).append(list(cc))
    return any(len(col) > 1 and _lone(col[-1]) for col in pieces.values())


def _thin(part: list) -> bool:
    """Is ``part`` a single short line of text (a slide that would hold little else)?"""
    if len(part) != 1 or not isinstance(part[0], TextChunk) or len(part[0].paras) != 1:
        return False
    text = "".join(r.text for r in part[0].paras[0].runs).strip()
    return len(text) <= _THIN and "\n" not in text and "\v" not in text


_THIN = 40  # (characters: a line this short alone on a part is a slide nearly empty)


def _lead_off(c: _Kept, holds) -> list | None:
    """A unit of a text and the listing or picture it introduces, taller than a slide, as the text's first
    paragraphs and a unit of its lead-in (the last line, the headings over it) with what it introduces,
    when a slide ``holds`` that (a sentence, then ``### Example`` over a listing: the listing stays whole,
    under its heading); else None."""
    if len(c.chunks) != 2 or c.joins or c.tail is not None:
        return None
    text, what = c.chunks
    if not (_is_listing(what) or _shows_picture(what)):
        return None
    cut = _lead_split(text, _is_listing(what))
    if cut is None or not holds([cut[1], *_ungroup(what)]):
        return None
    return [cut[0], _Kept([cut[1], what], joins=True)]


def _leads_joined(parts: list[list]) -> list[list]:
    """``parts`` where a part of only lead-ins (a subtitle, a heading, a label ending in a colon) opens the
    part after it: no slide holds only the words that introduce what the next one shows."""
    out: list[list] = []
    for part in parts:
        if out and all(_introduces(c) for c in out[-1]):
            part = [*out.pop(), *part]
        out.append(part)
    return out


def _place(part: list, c, joins: bool) -> None:
    """Add ``c`` to ``part``: to the text it ends with when ``c`` goes on with that text (``joins``)."""
    if joins and isinstance(c, TextChunk) and part and isinstance(part[-1], TextChunk):
        part[-1] = replace(part[-1], paras=part[-1].paras + c.paras)
    else:
        part.extend(_ungroup(c))


def _ends_in_picture(c) -> bool:
    """Does ``c`` (a chunk or a unit of them) end in a picture?"""
    return _shows_picture(c) or isinstance(c, _Kept) and c.tail is None and _shows_picture(c.chunks[-1])


def _introduces(c, picture: bool = False, listing: bool = False) -> bool:
    """Is ``c`` a short text (at most two paragraphs) ending in a heading or in words ending in a colon?
    Over a ``picture``, a short line that ends no sentence (a name over a photo) is its label too; over a
    ``listing``, any short line (:func:`_leads_listing`)."""
    if not isinstance(c, TextChunk) or not c.paras or len(c.paras) > 2:
        return False
    return _leads(c.paras[-1]) or picture and _names(c.paras[-1]) or listing and _leads_listing(c)


def _is_listing(c) -> bool:
    return isinstance(c, ObjectChunk) and isinstance(c.block, m.CodeBlock)


def _leads_listing(c) -> bool:
    """Does text ``c`` end in the line that introduces the listing right after it: a label (:func:`_leads`)
    or any short line (``- Les opérations de base`` over its session, ``Voici un exemple.``)?  The two
    go on one part: the line is never left at a part's foot with its listing on the next."""
    if not isinstance(c, TextChunk) or not c.paras or c.box:
        return False
    last = c.paras[-1]
    text = "".join(r.text for r in last.runs).strip()
    return _leads(last) or (
        bool(text)
        and last.style in (ParaStyle.BODY, ParaStyle.HEADING)
        and len(text) <= 80
        and "\n" not in text
        and "\v" not in text
    )


def _names(p: Para) -> bool:
    """Is ``p`` a short line that ends no sentence (``Espiral del silencio`` over its picture)?"""
    text = "".join(r.text for r in p.runs).strip()
    return (
        bool(text)
        and p.bullet == Bullet.NONE
        and not p.label
        and p.style in (ParaStyle.BODY, ParaStyle.HEADING)
        and len(text) <= 60
        and "\n" not in text
        and not text.endswith((".", "!", "?", ";", ",", "…", "。", "！", "？"))
    )


def _label_off(c, listing: bool = False) -> tuple[TextChunk, TextChunk] | None:
    """``c`` (a text of more than two paragraphs) as its paragraphs but the last, and its last paragraph,
    when that labels a picture after it (a bold label, a line ending in a colon, a short name) or
    introduces the ``listing`` after it (:func:`_leads_listing`); else None."""
    if not isinstance(c, TextChunk) or len(c.paras) <= 2:
        return None
    return _lead_split(c, listing)


def _lead_split(c, listing: bool = False) -> tuple[TextChunk, TextChunk] | None:
    """``c`` (a text of two paragraphs or more) as the paragraphs before its lead-in and the lead-in: its
    last paragraph, when that labels the picture or introduces the ``listing`` after it (:func:`_label_off`),
    with the headings right above it (``### Arrays und Schleifen`` over ``… verwendet:``); else None."""
    if not isinstance(c, TextChunk) or len(c.paras) < 2 or c.box:
        return None
    last = c.paras[-1]
    if (
        listing
        and not _leads_listing(c)
        or not listing
        and (not (_leads(last) or _names(last)) or last.level > 0)
    ):
        return None
    k = len(c.paras) - 1
    while k > 1 and c.paras[k - 1].style == ParaStyle.HEADING:
        k -= 1
    return replace(c, paras=c.paras[:k]), replace(c, paras=c.paras[k:], step=c.paras[k].step)


def _shows_picture(c) -> bool:
    return isinstance(c, _Pictures) or is_picture(c)


def _leads(p: Para) -> bool:
    """Is ``p`` a label for what follows it: a heading, a short line ending in a colon, or a short line
    all in bold (``**Cons**``, beamer's ``\\textbf{Cons}`` over its list)?  Never left at a part's foot."""
    if p.style == ParaStyle.HEADING:
        return True
    text = "".join(r.text for r in p.runs).strip()
    if text.endswith(":") and len(text) <= LEAD_CHARS:
        return True
    bold = all(r.bold for r in p.runs if r.text.strip())
    return p.bullet == Bullet.NONE and bold and len(text) <= 80


# a paragraph ending in a colon as long as this (about three lines of a slide) still introduces what follows
LEAD_CHARS = 240


def _boxed(c) -> bool:
    """Is ``c`` the whole text of a callout (a box a part break does not cut when a slide holds it)?"""
    return isinstance(c, TextChunk) and "callout" in c.box and bool(c.keep)


def _ungroup(c):
    return list(c.chunks) if isinstance(c, _Pictures) else [c]


def _grid_min(fitter: Fitter, chunks, width: int, sizes: TypeSizes) -> int | None:
    """Return the least height at which ``chunks`` (pictures) fit in a grid with every picture at least
    :data:`MIN_PICTURE` on its short side (a picture smaller than that by itself: its own size), or None
    when no grid can."""
    wh = [natural_size(c.block, Rect(0, 0, width, 10 * width), fitter.g.slide_w) for c in chunks]
    caps = [fitter.M.caption_height(c.block, width // max(len(chunks), 1), sizes) for c in chunks]
    targets = picture_targets(wh)
    top = int(fitter.g.slide_h)
    h = int(MIN_PICTURE)
    while h <= top:
        _, smallest = grid_shape(wh, caps, width, h, targets)
        if smallest >= 0.98:
            return h
        h += int(0.25 * EMU_PER_IN)
    return None


def _grid_adjust(fitter: Fitter, chunks, width: int, hs: list[int], sizes: TypeSizes) -> list[int]:
    """Replace the heights of consecutive pictures by the height of their grid."""
    out = []
    i = 0
    while i < len(chunks):
        j = i
        while j < len(chunks) and isinstance(chunks[j], ObjectChunk) and isinstance(chunks[j].block, m.Image):
            j += 1
        if j - i > 1:
            g = _grid_min(fitter, chunks[i:j], width, sizes)
            out.append(g if g is not None else 10 * fitter.g.slide_h)
            i = j
        else:
            out.append(hs[i])
            i += 1
    return out


_SENTENCE_END = re.compile(r"(?<=[.!?;:])\s+|(?<=[。！？；])")
_LINE_END = re.compile(r"\v")


def _sentences(p: Para) -> list[Para]:
    """Split paragraph ``p`` into one paragraph per sentence (the first keeps the bullet)."""
    text = "".join(r.text for r in p.runs)
    # (lines broken by hand, a line block's or a poem's: at their line ends, which keep the lines whole)
    ends = _LINE_END if "\v" in text else _SENTENCE_END
    cuts = [mt.end() for mt in ends.finditer(text) if 0 < mt.end() < len(text)]
    if not cuts:
        return [p]
    out = []
    bounds = [0, *cuts, len(text)]
    for k in range(len(bounds) - 1):
        lo, hi = bounds[k], bounds[k + 1]
        pos = 0
        runs = []
        for r in p.runs:
            a, b = max(lo, pos), min(hi, pos + len(r.text))
            if a < b:
                runs.append(replace(r, text=r.text[a - pos : b - pos]))
            pos += len(r.text)
        if runs and runs[-1].text.endswith("\v"):  # (the line break a cut falls after: not drawn)
            runs[-1] = replace(runs[-1], text=runs[-1].text[:-1])
        if runs:
            out.append(
                replace(p, runs=tuple(runs))
                if k == 0
                else replace(
                    p, runs=tuple(runs), bullet=Bullet.NONE, level=p.level + (p.bullet != Bullet.NONE)
                )
            )
    return out


def _para_groups(paras) -> list[list[Para]]:
    """Group paragraphs so a list item keeps the deeper items under it (breaks go between groups),
    unless a group alone would be long (more than eight), and a heading keeps what follows it (but
    another heading: a run of headings, as Marp decks write big lines of text, breaks between them)."""
    groups: list[list[Para]] = []
    for p in paras:
        last = groups[-1][-1] if groups else None
        # (a heading keeps the line ending in a colon under it, which keeps what it introduces)
        after_heading = last is not None and (
            _leads(last) and not _leads(p) or last.style == ParaStyle.HEADING and p.style != ParaStyle.HEADING
        )
        if groups and (after_heading or p.level > 0 and len(groups[-1]) < 8):
            groups[-1].append(p)
        else:
            groups.append([p])
    return groups


def _one_by_one(group: list[Para]) -> list[list[Para]]:
    """``group``'s paragraphs as groups of their own, but a label (:func:`_leads`) with what follows it."""
    out: list[list[Para]] = []
    for p in group:
        if out and _leads(out[-1][-1]):
            out[-1].append(p)
        else:
            out.append([p])
    return out


def _take(items, height, room: int, cap: int, build, breaks: list[bool] | None = None):
    """Split ``items`` into pieces: the first fits ``room`` (None when no item does), each other ``cap``.
    ``breaks[k]``: may a piece end before item ``k``?  Where not, the piece ends at the last item before
    which it may, in its second half (else where it is full)."""
    items = list(items)
    pieces: list = []
    i = 0
    limit = room
    first = True
    while i < len(items):
        j = i + 1
        while j <= len(items) and height(items[i:j], first) <= limit:
            j += 1
        j -= 1
        if breaks is not None and i < j < len(items) and not breaks[j]:
            j = next((k for k in range(j - 1, i + max(1, (j - i) // 2) - 1, -1) if breaks[k]), j)
        if j <= i:
            if first and room < cap:
                pieces.append(None)
                first = False
                limit = cap
                continue
            j = i + 1  # one item taller than a slide: on a slide of its own (overfull)
        pieces.append(build(items[i:j]))
        i = j
        first = False
        limit = cap
    if (
        not pieces
        or all(p is None for p in pieces)
        or len([p for p in pieces if p is not None]) < 2
        and pieces[0] is not None
    ):
        return None
    return pieces


def _listing_cuts(
    heights: list[int],
    extra: int,
    room: int,
    cap: int,
    breaks: list[bool],
    depths: list[int],
    blank: list[bool],
    even: bool = True,
) -> list[int | None] | None:
    """Where a listing of lines ``heights`` tall (each box ``extra`` more) is cut: the end of each piece,
    the first in ``room`` (None when no line fits there), the others in ``cap``; None when it is not cut.
    A piece ends where ``breaks`` allows, at the shallowest block depth (``depths``: between two methods
    rather than inside one) near an even share of what is left, so no part holds only a tail; with
    ``even`` False, each piece as full as its room allows (what follows the listing needs the room)."""
    n = len(heights)
    ends: list[int | None] = []

    def fitting(i: int, limit: int) -> int:
        """The last end after ``i`` whose lines fit ``limit`` (``i`` when none does)."""
        total, j = extra, i
        while j < n and total + heights[j] <= limit:
            total += heights[j]
            j += 1
        return j

    def parts_from(i: int) -> int:
        count = 0
        while i < n:
            i = max(fitting(i, cap), i + 1)
            count += 1
        return count

    i, limit = 0, room
    while i < n:
        j = fitting(i, limit)
        if j >= n:
            ends.append(n)
            break
        if j <= i:
            if not ends and room < cap:
                ends.append(None)  # (nothing fits the room left on this part)
                limit = cap
                continue
            j = i + 1  # one line taller than a slide: a part of its own (overfull)
        if j == i + 1 and not ends and room < cap and n > 1:
            ends.append(
                None
            )  # (one line in the room left: not a line alone, the listing starts the next part)
            limit = cap
            continue
        left = parts_from(j)  # the parts the rest needs when this one is as full as it can be
        target = i + (n - i) / (left + 1)
        # (no piece of a single line where the listing has more: neither this one nor the last)
        paired = [k for k in range(i + 1, j + 1) if (k - i > 1 and n - k != 1) and parts_from(k) <= left]
        options = [k for k in paired if breaks[k]]
        if even and paired and not any(breaks[i + 1 : j + 1]):
            options = paired  # (no cut the code allows anywhere, as in a block of comments: near the middle)
        if options and even:
            # (a level shallower is worth about an eighth of a part's lines: no piece left short for it;
            # a piece starts on a line with words rather than on the blank line before them)
            weight = max(2.0, (j - i) / 8)
            j = min(options, key=lambda k: (depths[k] * weight + abs(k - target) + 1.5 * blank[k], -k))
        else:
            j = next((k for k in range(j - 1, i + max(1, (j - i) // 2) - 1, -1) if breaks[k]), j)
            if n - j == 1 and j - i > 2:
                j -= 1  # (the listing's last line not alone on a part)
        ends.append(j)
        i, limit = j, cap
    if len([e for e in ends if e is not None]) < 2 and ends and ends[0] is not None:
        return None
    return ends


def _depths(lines: list[str]) -> list[int]:
    """``depths[k]``: how many blocks (``{``, or lines indented deeper than the listing's first) are
    open before line ``k`` of a listing; a cut is best where few are."""
    out = [0] * (len(lines) + 1)
    depth = 0
    braces = any("{" in line for line in lines)
    indents = [_indent(line) for line in lines if line.strip()]
    base = min(indents, default=0)
    step = min((k - base for k in indents if k > base), default=4)
    for k, line in enumerate(lines):
        bare = _COMMENT.sub("", _STRING.sub('""', line))
        depth = max(0, depth + bare.count("{") - bare.count("}"))
        nxt = next((x for x in lines[k + 1 :] if x.strip()), None)
        out[k + 1] = depth if braces else (_indent(nxt) - base) // step if nxt is not None else 0
    return out


_STRING = re.compile(r'"(?:\\.|[^"\\])*"|\'(?:\\.|[^\'\\])*\'')
_COMMENT = re.compile(r"(?:^|\s)(?:#|//).*$")
# a line ending in one of these goes on in the next (R's pipes, Python's backslash, an operator)
_GOES_ON = ("\\", ",", "%>%", "|>", "+", "&&", "||", "=", "<-", "(", "[")


def _code_breaks(lines: list[str]) -> list[bool]:
    """``breaks[k]``: may a listing be cut before its line ``k``?  Not inside brackets a line before it
    opened (a call, a vector written over several lines), nor after a line that ends in an operator, a
    comma or a backslash (the line continues the one before), nor after a line that opens a block (it
    ends in ``:`` or ``{``, or the next line with words is indented deeper: ``elif n == 8:`` stays with
    its statement)."""
    breaks = [True] * (len(lines) + 1)
    depth = 0
    for k, line in enumerate(lines):
        bare = _COMMENT.sub("", _STRING.sub('""', line)).rstrip()
        depth = max(0, depth + sum(bare.count(o) for o in "([") - sum(bare.count(o) for o in ")]"))
        breaks[k + 1] = depth == 0 and not bare.endswith(_GOES_ON)
    for k, line in enumerate(lines):
        if not line.strip():
            continue
        bare = _COMMENT.sub("", _STRING.sub('""', line)).rstrip()
        nxt = next((j for j in range(k + 1, len(lines)) if lines[j].strip()), None)
        deeper = nxt is not None and _indent(lines[nxt]) > _indent(line)
        closes = bare.strip().strip("})];,") == ""  # (a block's end, however indented, opens nothing)
        if deeper and not closes or bare.endswith((":", "{")):
            for j in range(k + 1, nxt if nxt is not None else k + 1):
                breaks[j] = False  # (nor at the blank lines between it and its block)
            if nxt is not None:
                breaks[nxt] = False
        if _PROMPT_COMMENT.match(line):
            breaks[k + 1] = False  # (a comment line says what the lines under it do)
    # a console session (two prompts or more): cut only before a prompt, never between a command and
    # its output or its continuation lines
    if sum(bool(_PROMPT.match(line)) for line in lines) >= 2:
        for k in range(1, len(lines)):
            if not _PROMPT.match(lines[k]):
                breaks[k] = False
    return breaks


_PROMPT = re.compile(r"\s*(?:>>>(?: |$)|In \[\d*\]:|> |\$ )")
_PROMPT_COMMENT = re.compile(r"\s*(?:(?:>>>|> |\$ )\s*)?(?:#|//)")


def _indent(line: str) -> int:
    """The columns of ``line``'s leading white space (a tab as four)."""
    return len(line.expandtabs(4)) - len(line.expandtabs(4).lstrip())


def _quote_only(plan: SlidePlan) -> bool:
    c = plan.chunks
    return (
        len(c) == 1
        and isinstance(c[0], TextChunk)
        and all(p.style in ("quote", "attribution") for p in c[0].paras)
    )


def _notes_parts(plan: SlidePlan, parts: list[list]) -> list[int]:
    """The part of a split slide each of ``plan``'s speaker notes goes on.  Notes written in several places
    among the slide's content (several ``Note:`` blocks, ``::: notes`` divs between its parts) each go with
    the part holding the content written before them (a note written before any content: the first
    part); notes written in one place (one block at the slide's end), and instructor notes, stay on the
    first part, where they are read before the slide is shown."""
    out = [0] * len(plan.notes)
    lines = [line for line in plan.note_lines if line]
    if len(lines) < 2 or len(parts) < 2:
        return out
    starts: list[int] = []  # (each part's first source line told: a part with none, its previous one's)
    for chunks in parts:
        told = [line for c in chunks for line in _chunk_lines(c) if line]
        starts.append(min(told) if told else (starts[-1] if starts else 0))
    content = (line for chunks in parts for c in chunks for line in _chunk_lines(c))
    if not any(min(lines) < line < max(lines) for line in content):
        return out  # (written together, in one place)
    for k, line in enumerate(plan.note_lines):
        if line:
            out[k] = max((i for i, start in enumerate(starts) if start and start < line), default=0)
    return out


def _chunk_lines(c) -> list[int]:
    """The source lines told of what chunk ``c`` holds (its paragraphs', its object's)."""
    if isinstance(c, TextChunk):
        return [p.line for p in c.paras]
    if isinstance(c, ObjectChunk):
        pos = getattr(c.block, "pos", None)
        return [pos.line] if pos is not None else []
    if isinstance(c, ColumnsChunk):
        return [line for cc, _ in c.columns for x in cc for line in _chunk_lines(x)]
    return []


def _note_part(f: Para, parts: list[list]) -> int:
    """Return the part whose text refers to footnote ``f`` (the first part when none does)."""
    number = f.runs[0].text.rstrip(". ") if f.runs else ""
    for i, chunks in enumerate(parts):
        if any(r.superscript and r.text == number for c in chunks for r in _runs(c)):
            return i
    return 0


def _flowing(c) -> bool:
    """True for chunks that continue line by line: text, tables, code, and columns of those (not pictures,
    charts, display math)."""
    if isinstance(c, ColumnsChunk):
        return all(_flowing(x) for cc, _ in c.columns for x in cc)
    return isinstance(c, TextChunk) or (
        isinstance(c, ObjectChunk) and isinstance(c.block, (m.Table, m.CodeBlock))
    )


def _fills(c) -> bool:
    """True for columns holding a table: it fills its column's room on each part rather than being evened
    out, since the other columns are on the first part only (evened out, the first part's table stopped
    half-way down its column, the rest alone on the next slide)."""
    return isinstance(c, ColumnsChunk) and any(
        isinstance(x, ObjectChunk) and isinstance(x.block, m.Table) for cc, _ in c.columns for x in cc
    )


def _cut_tables(parts: list[list]) -> frozenset[m.SourcePos]:
    """The source positions of the tables that go on from one of ``parts`` to the next (in columns too)."""
    seen: set[m.SourcePos] = set()
    cut: set[m.SourcePos] = set()
    for part in parts:
        mine = {
            x.block.pos
            for x in walk_chunks(part)
            if isinstance(x, ObjectChunk) and isinstance(x.block, m.Table)
        }
        cut |= mine & seen
        seen |= mine
    return frozenset(cut)


def _holds_kept(c: ColumnsChunk, kept: frozenset[m.SourcePos]) -> bool:
    """Does a column of ``c`` hold a table of ``kept``?"""
    return bool(kept) and any(
        isinstance(x, ObjectChunk) and isinstance(x.block, m.Table) and x.block.pos in kept
        for x in walk_chunks([c])
    )


def _rebuilt(chunks, decided: dict[int, object]) -> list:
    """Return ``chunks`` with each chunk found (by identity) in ``decided`` replaced, columns included."""
    out = []
    for c in chunks:
        if id(c) in decided:
            out.append(decided[id(c)])
        elif isinstance(c, ColumnsChunk):
            cols = tuple((tuple(_rebuilt(cc, decided)), w) for cc, w in c.columns)
            out.append(replace(c, columns=cols))
        else:
            out.append(c)
    return out


# a callout's border and side padding in the slide drawings (slidespdf's CSS: 0.2em + 2 x 0.5em of
# the body's text), which a listing inside it loses to them
CALLOUT_PAD_EM = 1.2


def _code_widths(chunks, width: int, body_pt: float):
    """Each listing of ``chunks`` (in columns too) with the width its lines have: its column's, as the
    writer splits the slot (``split_columns``), less a callout's border and padding, as the slide
    drawings draw it (the deck's box is wider), so that a line kept whole is whole in both."""
    for c in chunks:
        if isinstance(c, ColumnsChunk):
            rects = split_columns(Rect(0, 0, width, 0), [w for _, w in c.columns])
            for (cc, _), r in zip(c.columns, rects):
                yield from _code_widths(cc, r.w, body_pt)
        elif isinstance(c, ObjectChunk) and isinstance(c.block, m.CodeBlock):
            pad = int(CALLOUT_PAD_EM * body_pt * EMU_PER_PT) if "callout" in c.box else 0
            yield c, width - pad


def _code_columns_room(b: m.CodeBlock, width: int, mono: str, pt: float) -> float:
    """How many characters of listing ``b``'s lines fit across ``width`` at ``pt`` (its gutter left out)."""
    inner = (width - CODE_INSETS[0] - CODE_INSETS[2]) / EMU_PER_PT
    per_pt = face(mono).width("M", 1.0) * SAFETY
    return inner / (per_pt * pt) - b.gutter() if per_pt and pt else float("inf")


def _numbers(numbers: list[int]) -> str:
    """``[3, 5, 7]`` as "3, 5 and 7" (the first six, then "and 4 more")."""
    shown = [str(n) for n in numbers[:6]] + ([f"{len(numbers) - 6} more"] if len(numbers) > 6 else [])
    return ", ".join(shown[:-1]) + " and " + shown[-1] if len(shown) > 1 else shown[0]


def _code_fit_pt(b: m.CodeBlock, width: int, mono: str) -> float:
    inner = (width - CODE_INSETS[0] - CODE_INSETS[2]) / EMU_PER_PT
    longest = b.gutter() + max((code_columns(line) for line in b.code.split("\n")), default=0)
    per_pt = face(mono).width("M", 1.0) * SAFETY
    return inner / (longest * per_pt) if longest and per_pt else 100.0


def _steps(c):
    if isinstance(c, TextChunk):
        return {p.step for p in c.paras} | {c.step}
    if isinstance(c, ColumnsChunk):
        return {c.step} | {s for cc, _ in c.columns for x in cc for s in _steps(x)}
    return {c.step}


def _shift(c, k: int):
    if isinstance(c, TextChunk):
        return replace(
            c, step=max(c.step - k, 0), paras=tuple(replace(p, step=max(p.step - k, 0)) for p in c.paras)
        )
    if isinstance(c, ColumnsChunk):
        return replace(
            c,
            step=max(c.step - k, 0),
            columns=tuple((tuple(_shift(x, k) for x in cc), w) for cc, w in c.columns),
        )
    return replace(c, step=max(c.step - k, 0))


def _runs(c):
    if isinstance(c, TextChunk):
        for p in c.paras:
            yield from p.runs
    elif isinstance(c, ColumnsChunk):
        for cc, _ in c.columns:
            for x in cc:
                yield from _runs(x)


# --------------------------------------------------------------------------- entry point


def policy_of(value: str | None, diags: Diagnostics, pos: m.SourcePos | None = None) -> FitPolicy:
    if not value:
        return FitPolicy.SHRINK
    try:
        return FitPolicy(str(value).strip().lower())
    except ValueError:
        diags.warning(f"fit must be shrink, split or none, not '{value}'; using shrink", pos, "fit")
        return FitPolicy.SHRINK


_GEOMETRY: dict[tuple, TemplateGeometry] = {}


def template_geometry(template: Template, diags: Diagnostics) -> TemplateGeometry:
    """Return the (cached) geometry of ``template``'s deck."""

    path = deck_of(template)
    st = path.stat() if path is not None else None
    # (by the theme's value: a build server's copies reuse the geometry it measured, podium.buildserver)
    key = (str(path), st.st_mtime_ns if st else 0, st.st_size if st else 0, repr(template.theme))
    geo = _GEOMETRY.get(key)
    if geo is None:
        geo = TemplateGeometry(open_template(template, diags), template)
        _GEOMETRY.clear()
        _GEOMETRY[key] = geo
    return geo


def base_pt(style: FrameStyle, s: float) -> float:
    """The size (pt, to a tenth) of first-level text in a frame of ``style`` at text scale ``s``."""
    return round(para_size(Para(()), style, s), 1)


def fit_deck(
    plans: list[SlidePlan],
    lecture: m.Lecture,
    template: Template,
    diags: Diagnostics,
    policy: str | None = None,
) -> list[SlidePlan]:
    """Return the final plans: every slide fitted, too-full slides continued on "(cont.)" slides."""
    pol = policy_of(policy, diags)
    geo = template_geometry(template, diags)
    fitter = Fitter(geo, pol, lecture.meta.lang, diags, template.theme.labels)
    fitter.base_dir = lecture.base_dir
    out: list[SlidePlan] = []
    for plan in plans:
        fitter.before = len(out)
        out.extend(fitter.fit(plan))
    return out


def _column_slot(slots: list[Slot], chunks: list) -> Slot | None:
    """The room of a column whose ``chunks`` are in ``slots``: one slot, or (a comparison layout's heading
    over its body) the slots holding them taken together, in the look of the last (its body)."""
    mine = [sl for sl in slots if sl.chunks and any(x is sl.chunks[0] for x in chunks)]
    if not mine:
        return None
    top, bottom = min(sl.rect.y for sl in mine), max(sl.rect.bottom for sl in mine)
    rect = Rect(min(sl.rect.x for sl in mine), top, max(sl.rect.w for sl in mine), bottom - top)
    return replace(mine[-1], rect=rect)


def _out_of_order(c: ColumnsChunk, per_col: list[list[list]]) -> bool:
    """Whether the first part of columns ``c`` (each column packed into ``per_col``) would show a column
    while an earlier one, which has content, starts only on the next part: read in the wrong order (the
    right column first, the left half empty), so the columns move on together."""
    empty = False
    for (cc, _), packed in zip(c.columns, per_col):
        first = bool(packed and packed[0])
        if first and empty:
            return True
        empty = empty or (bool(cc) and not first)
    return False


def _column_parts(c: ColumnsChunk, per_col: list[list[list]]) -> list[ColumnsChunk]:
    """Return ``c`` cut into parts: part i holds each column's i-th packed piece (or nothing)."""
    n = max((len(p) for p in per_col), default=1)
    return [
        replace(
            c,
            columns=tuple(
                (tuple(per_col[k][i]) if i < len(per_col[k]) else (), w) for k, (_, w) in enumerate(c.columns)
            ),
        )
        for i in range(n)
    ]
