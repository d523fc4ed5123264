"""Slide plans + a template deck → an editable .pptx: the writer that ties the deck modules together.

The template's own slides are removed; masters, backgrounds and logos stay; footer and
slide-number placeholders are copied from the layout and filled.  Body content flows top to
bottom through a region (a placeholder's rectangle or the slide's safe area): text runs go into
the placeholder itself as real paragraphs with levels, objects (tables, pictures, charts, code,
math) become native shapes sized to fit.  Each kind of shape has its own module.
"""

from __future__ import annotations

import copy
import gc
import io
from dataclasses import replace
from pathlib import Path
from typing import Any

from lxml import etree
from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.oxml.ns import qn
from pptx.text.text import TextFrame

from .. import model as m
from ..atomic import write_atomic
from ..buildrecord import add_to_pptx
from ..diagnostics import Diagnostics, did_you_mean
from ..template_folders import Template
from .callouts import add_callout_box, add_callout_frame, add_callout_text
from .canvas import Canvas
from .code import add_code
from .direction import mirror_design, mirrored, right_to_left
from .equations import add_math
from .fit import TemplateGeometry
from .fonts import code_ratio
from .geometry import EMU_PER_IN, GAP, Rect, rect_of, span, split_columns
from .layouts import BODY_TYPES, FOOTER_TYPES, TITLE_TYPES, LayoutFinder
from .logo import Logo
from .measure import CALLOUT_MARGIN, MONO, callout_scale, deck_fonts, text_height
from .patches import (
    save_package,
)
from .pictures import add_caption, add_image
from .placement import grid_cells, grid_columns, placed_box, stack
from .plan import (
    ColumnsChunk,
    LayoutKind,
    ObjectChunk,
    Para,
    SlidePlan,
    TextChunk,
    TypeSizes,
    footer_text,
    slide_footer,
)
from .plan import runs as to_runs
from .prototypes import SlideMaker
from .styles import placeholder_list_style
from .tables import add_table
from .template_deck import open_template
from .text import fill_paras, fill_runs, link_jumps, set_autofit
from .timing import write_timing


class DeckWriter:
    """Write slide plans into a presentation opened from the template."""

    def __init__(self, prs, template: Template, lecture: m.Lecture, diags: Diagnostics):
        self.prs = prs
        self.template = template
        self.lecture = lecture
        self.diags = diags
        self.layouts = LayoutFinder(prs, template, diags)
        self.geo = TemplateGeometry(prs, template)
        self._layouts: dict[int, dict] = {}
        self.maker = SlideMaker(prs)
        self.palette = template.palette
        self.fonts = template.fonts
        self.code_ratio = code_ratio(
            deck_fonts(prs.slide_master, template).latin, self.fonts.get("mono", MONO)
        )
        self.slide_w = int(prs.slide_width)
        self.slide_h = int(prs.slide_height)
        margin = int(min(self.slide_w, self.slide_h) * 0.06)
        self.safe = Rect(margin, margin, self.slide_w - 2 * margin, self.slide_h - 2 * margin)
        self.footer_text = footer_text(template.theme.footer, lecture)
        self.scale = self.slide_h / (7.5 * EMU_PER_IN)  # type sizes relative to a 7.5 in tall slide
        self.limit_bottom = self.safe.bottom
        self.rtl = lecture.meta.direction is m.Direction.RTL
        main = self.layouts.for_kind(LayoutKind.CONTENT)
        bodies = [ph for ph in main.placeholders if ph.placeholder_format.type in BODY_TYPES]
        self.content_width = max((int(ph.width) for ph in bodies), default=self.safe.w)

    # -- slides
    def write(self, plans: list[SlidePlan]) -> None:
        self.jumps: list = []  # the internal links of every slide (Canvas.jumps), linked at the end
        first: dict[int, Any] = {}  # a lecture slide's number: its first slide in the deck
        for k, plan in enumerate(plans, 1):
            self.position = k  # the slide-number field shows the slide's place in the deck
            self.write_slide(plan)
            first.setdefault(plan.number, self.slide)
            if k % 500 == 0:
                gc.freeze()  # see write_pptx: what the slides so far left alive is not scanned again
        link_jumps(self.jumps, first)

    def choose_layout(self, plan: SlidePlan):
        if plan.layout_name:
            lay = self.layouts.named(plan.layout_name)
            if lay is not None:
                return lay
            self.diags.warning(
                f"layout '{plan.layout_name}' is not in the template"
                f"{did_you_mean(plan.layout_name, self.layouts.names())}; layouts: "
                f"{', '.join(self.layouts.names())}",
                plan.pos,
                "unknown-layout",
            )
        return self.layouts.for_kind(plan.kind, plan.pos)

    def write_slide(self, plan: SlidePlan) -> None:
        layout = self.choose_layout(plan)
        if not hasattr(self, "logo"):
            self.logo = Logo(self.template, self.lecture, self.slide_w, self.slide_h)
        slide, placed = self.maker.add_slide(layout)
        self.ph_meta = {id(ph): (idx, t) for ph, idx, t in placed}  # python-pptx looks them up by XPath
        self.slide = slide
        self.plan = plan
        self.cv = Canvas(
            slide,
            self.fonts,
            self.palette,
            self.scale,
            self.slide_w,
            self.slide_h,
            self.diags,
            box_style=self.geo.box_style,
            code_ratio=self.code_ratio,
            jumps=self.jumps,
        )
        self.layout = layout
        self.sizes = plan.sizes or TypeSizes()
        self.limit_bottom = self.geo.limit(self.geo.geo(layout))
        self.info = self.layout_info(layout)
        title_ph = next((ph for ph, _, t in placed if t in TITLE_TYPES), None)
        bodies = [ph for ph, _, t in placed if t in BODY_TYPES]
        used: set[int] = set()
        if title_ph is not None:
            if plan.title:
                fill_runs(self.cv, title_ph.text_frame, plan.title, size=self.title_size(plan))
                used.add(self.idx_of(title_ph))
            title_bottom = self.rect(title_ph).bottom
        else:
            title_bottom = self.safe.y
            if plan.title:
                box = slide.shapes.add_textbox(
                    self.safe.x, self.safe.y, self.safe.w, int(EMU_PER_IN * self.scale)
                )
                fill_runs(self.cv, box.text_frame, plan.title, size=int(32 * self.scale), bold=True)
                title_bottom = int(box.top + box.height)
        free_area = Rect(
            self.safe.x,
            title_bottom + GAP,
            self.safe.w,
            max(self.safe.bottom - title_bottom - GAP, int(EMU_PER_IN)),
        )
        if plan.footnotes:
            self.limit_bottom = min(self.limit_bottom, self.place_footnotes(plan, bodies, free_area))
        if plan.kind == "title":
            sub = next(
                (ph for ph in bodies if self.type_of(ph) == PP_PLACEHOLDER.SUBTITLE),
                bodies[0] if bodies else None,
            )
            if plan.subtitle:
                if sub is not None:
                    fill_paras(
                        self.cv, sub.text_frame, plan.subtitle, self.style_of(sub), self.sizes.text, own=True
                    )
                    used.add(self.idx_of(sub))
                else:
                    box = slide.shapes.add_textbox(free_area.x, free_area.y, free_area.w, free_area.h)
                    fill_paras(self.cv, box.text_frame, plan.subtitle, self.geo.box_style, 1.0, own=False)
        else:
            self.place_body(plan, bodies, used, free_area)
        # (beamer's standout frame: metropolis draws no footer and no slide number on it)
        standout = plan.source is not None and "standout" in plan.source.classes
        for ph, idx, t in placed:
            if idx not in used and (t not in FOOTER_TYPES or standout):
                ph._element.getparent().remove(ph._element)
        for b in plan.placed:  # Quarto's .absolute pictures, where reveal.js puts them
            x, y, w, h = placed_box(b, self.slide_w / self.slide_h)
            box = Rect(
                int(x * self.slide_w), int(y * self.slide_h), int(w * self.slide_w), int(h * self.slide_h)
            )
            add_image(self.cv, b, box, with_caption=False, size=(box.w, box.h))
        if plan.kind != "title" and not standout:
            self.copy_footer({idx for _, idx, t in placed if t in FOOTER_TYPES})
        self.logo.add(self.cv)  # the lecture's or theme's logo, where the design has no picture
        if plan.notes:
            self.maker.set_notes(slide, "\n".join(plan.notes))
        if self.rtl:
            right_to_left(slide.shapes._spTree, self.cv.left_to_right)
            if plan.notes:
                right_to_left(slide.notes_slide.shapes._spTree)
        if self.cv.anim:
            write_timing(slide, self.cv.anim)

    # -- body placement
    def place_body(self, plan: SlidePlan, bodies, used: set[int], free_area: Rect) -> None:
        chunks = list(plan.chunks)
        if not chunks:
            return
        if plan.kind == "picture" and len(chunks) == 1 and isinstance(chunks[0], ObjectChunk):
            pic = next((ph for ph in bodies if self.type_of(ph) == PP_PLACEHOLDER.PICTURE), None)
            text = next((ph for ph in bodies if self.type_of(ph) == PP_PLACEHOLDER.BODY), None)
            if pic is not None:
                img = chunks[0].block
                self.place_object(
                    chunks[0],
                    self.clip(self.rect(pic)),
                    with_caption=text is None,
                    reference=self.content_width,
                )
                if text is not None and isinstance(img, (m.Image, m.Table)) and img.caption:
                    style = self.style_of(text)
                    fill_paras(
                        self.cv, text.text_frame, [Para(tuple(to_runs(img.caption)))], style, 1.0, own=False
                    )
                    used.add(self.idx_of(text))
                return
        g = self.geo.geo(self.layout)
        by_idx = {self.idx_of(ph): ph for ph in bodies}
        slots = self.geo.slots(plan, g, self.limit_bottom)
        if self.rtl:  # side by side (columns, a caption beside its picture): the first on the right
            span = Rect(min(sl.rect.x for sl in slots), 0, 0, 0) if slots else Rect(0, 0, 0, 0)
            span.w = max((sl.rect.x + sl.rect.w for sl in slots), default=0) - span.x
            for sl, r in zip(slots, mirrored([sl.rect for sl in slots], span)):
                sl.rect = r
        for slot in slots:
            ph = by_idx.get(slot.idx) if slot.idx is not None else None
            # a style with no placeholder to go into: an untitled slide's body (fit.UntitledBody)
            own_style = slot.style if slot.idx is None else None
            self.flow(
                slot.chunks, slot.rect, ph if slot.style is not None else None, used, slot.own, own_style
            )

    def idx_of(self, ph) -> int:
        meta = self.ph_meta.get(id(ph))
        return meta[0] if meta is not None else ph.placeholder_format.idx

    def type_of(self, ph):
        meta = self.ph_meta.get(id(ph))
        return meta[1] if meta is not None else ph.placeholder_format.type

    def clip(self, r: Rect) -> Rect:
        return Rect(r.x, r.y, r.w, max(min(r.bottom, self.limit_bottom) - r.y, int(0.5 * EMU_PER_IN)))

    def style_of(self, ph):
        g = self.geo.geo(self.layout)
        idx = self.idx_of(ph)
        return next((b[3] for b in g.bodies if b[0] == idx), self.geo.box_style)

    def flow(self, chunks, rect: Rect, ph, used: set[int], own: bool = True, style=None, look=None) -> None:
        """Place ``chunks`` top to bottom inside ``rect``; the first text chunk goes into ``ph``.

        ``own`` says the placeholder's own list style is used for bullets and indents (a content
        placeholder); caption and heading placeholders get them written explicitly.  Heights are
        measured exactly as the fitter measured them; pictures and charts share what is left.  ``look``
        is the placeholder whose look text boxes take when ``ph`` is None (columns in its room).
        """
        if not chunks:
            return
        sizes = self.sizes
        if style is None:  # (given without a placeholder: an untitled slide's body, fit.UntitledBody)
            style = self.style_of(ph) if ph is not None else None
        placeholder_free = ph is not None
        groups = stack(self.geo.measurer, chunks, rect, sizes, style, own)
        framed = callout_frames(chunks, groups)
        inset = 0  # while inside a callout drawn in parts: the width of its rule
        inside_until = -1
        k = 0
        while k < len(groups):
            if k in framed:  # a callout with an equation or picture inside: one ground under its parts
                last = groups[framed[k]][1]
                first = groups[k][1]
                opening = chunks[groups[k][0][0]]
                inset = add_callout_frame(
                    self.cv,
                    Rect(first.x, first.y, first.w, last.y + last.h - first.y),
                    opening.box,
                    opening.paras[0].step
                    if isinstance(opening, TextChunk) and opening.paras
                    else opening.step,
                )
                inside_until = framed[k]
            elif inset and k > inside_until:
                inset = 0
            g, box = groups[k]
            k += 1
            c = chunks[g[0]]
            if len(g) > 1:  # several pictures: a grid (on a callout's ground, after its rule)
                self.place_grid([chunks[i] for i in g], Rect(box.x + inset, box.y, box.w - inset, box.h))
                continue
            if isinstance(c, TextChunk) and "callout" not in c.box:
                # text chunks one under another (divs, fragments) are one text frame, as one style
                while k < len(groups) and _plain_text_group(chunks, groups[k][0]):
                    nxt, nbox = chunks[groups[k][0][0]], groups[k][1]
                    c = replace(c, paras=c.paras + nxt.paras)
                    box = Rect(box.x, box.y, max(box.w, nbox.w), nbox.y + nbox.h - box.y)
                    k += 1
            h = box.h
            if isinstance(c, TextChunk):
                # (a callout in a caption's place: at the caption's size, as measured and drawn in the PDFs)
                callout_pt = sizes.text * callout_scale(style, own, self.geo.box_style)
                if "callout" in c.box and inset:  # a part of a callout drawn on its ground
                    add_callout_text(
                        self.cv,
                        Rect(box.x + inset, box.y, box.w - inset, box.h),
                        c.paras,
                        callout_pt,
                        filled=False,
                    )
                elif "callout" in c.box:  # a Quarto callout: its own titled box
                    add_callout_box(self.cv, box, c.paras, callout_pt, c.box)
                elif placeholder_free and style is not None:
                    xfrm = ph._element.get_or_add_xfrm()  # as ph.left/top/width/height set it, looked up once
                    xfrm.x, xfrm.y, xfrm.cx = box.x, box.y, box.w
                    xfrm.cy = h if len(chunks) > 1 else max(rect.h, h)
                    fill_paras(
                        self.cv, ph.text_frame, c.paras, style, sizes.text, own=own, shape_id=ph.shape_id
                    )
                    if sizes.text != 1.0:
                        set_autofit(ph.text_frame)
                    used.add(self.idx_of(ph))
                    placeholder_free = False
                else:
                    tb = self.slide.shapes.add_textbox(box.x, box.y, box.w, box.h)
                    tb.text_frame.word_wrap = True
                    if style is not None and own and self.like_placeholder(tb, look or ph, style):
                        # text that continues the body's (after a picture, an equation): the body's look
                        fill_paras(
                            self.cv, tb.text_frame, c.paras, style, sizes.text, own=True, shape_id=tb.shape_id
                        )
                    else:
                        fill_paras(
                            self.cv,
                            tb.text_frame,
                            c.paras,
                            self.geo.box_style,
                            sizes.text,
                            own=False,
                            shape_id=tb.shape_id,
                        )
            elif isinstance(c, ColumnsChunk):
                if inset:  # columns inside a callout: on its ground, after its rule, within its margins
                    box = Rect(
                        box.x + inset + CALLOUT_MARGIN, box.y, box.w - inset - 2 * CALLOUT_MARGIN, box.h
                    )
                cols = split_columns(box, [w for _, w in c.columns])
                # (in a content placeholder's room: its text in the placeholder's look, as measured)
                look = style if own and style is not None else None
                for (col_chunks, _), r in zip(c.columns, mirrored(cols, box) if self.rtl else cols):
                    self.flow(list(col_chunks), r, None, used, look is not None, look, ph)
            else:
                self.place_object(c, Rect(box.x + inset, box.y, box.w - inset, box.h) if inset else box)

    def like_placeholder(self, tb, ph, style) -> bool:
        """Give text box ``tb`` the list style (bullets, colours, indents, spacing) and insets of body
        placeholder ``ph``, whose text it continues: measured as the placeholder's (placement.stack).
        False when the placeholder's layout counterpart is not found (the box keeps its own look)."""
        if ph is None:  # an untitled slide's body: the content layout's (fit.UntitledBody)
            base_el = self.geo.untitled.placeholder if self.geo.untitled is not None else None
        else:
            base = getattr(ph, "_base_placeholder", None)
            base_el = base._element if base is not None else None
        if base_el is None:
            return False
        body = tb.text_frame._txBody
        old = body.find(qn("a:lstStyle"))
        new = placeholder_list_style(base_el, self.slide.slide_layout.slide_master)
        if old is not None:
            old.addprevious(new)
            body.remove(old)
        else:
            body.find(qn("a:bodyPr")).addnext(new)
        pr = body.find(qn("a:bodyPr"))
        for name, value in zip(("lIns", "tIns", "rIns", "bIns"), style.insets):
            pr.set(name, str(int(value)))
        return True

    def place_grid(self, chunks, area: Rect) -> None:
        """Lay pictures out in the grid that shows the smallest of them largest."""
        # the fitter decided the columns (the handout draws the same grid); else choose them here
        cols = chunks[0].grid or grid_columns(self.geo.measurer, chunks, area, self.sizes, self.slide_w)
        cells = grid_cells(cols, len(chunks), area)
        for c, cell in zip(chunks, mirrored(cells, area) if self.rtl else cells):
            self.place_object(c, cell)

    def place_object(
        self, c: ObjectChunk, box: Rect, with_caption: bool = True, reference: int | None = None
    ) -> None:
        b = c.block
        shape = None
        known = {sh.shape_id for sh in self.slide.shapes} if c.step > 0 else set()
        if isinstance(b, m.Image):
            cap = self.geo.measurer.caption_height(b, box.w, self.sizes) if with_caption else 0
            shape = add_image(self.cv, b, box, with_caption, reference, cap, c.shown)
        elif isinstance(b, m.Table):
            shape = add_table(self.cv, b, box, self.sizes.table, self.geo.fonts)
            if b.caption and with_caption:  # `: Caption` under a table: below it, as a picture's
                cap = self.geo.measurer.caption_height(b, box.w, self.sizes)
                add_caption(self.cv, b.caption, box, box.y + shape.height, cap)
        elif isinstance(b, m.Chart):
            from .charts import add_chart  # noqa: PLC0415 (python-pptx's chart modules only for a deck with charts)

            shape = add_chart(self.cv, b, box)
        elif isinstance(b, m.CodeBlock):
            shape = add_code(self.cv, b, box, self.sizes.code)
            self.cv.left_to_right.add(shape._element)
        elif isinstance(b, m.MathBlock):
            shape = add_math(self.cv, b, box, self.sizes.code)
            if shape is not None:
                self.cv.left_to_right.add(shape._element)
        if shape is not None and c.step > 0:
            self.cv.anim.append((c.step, shape.shape_id, None))
            for other in self.slide.shapes:  # its caption comes on the same click, not before it
                if other.shape_id not in known and other.shape_id != shape.shape_id:
                    self.cv.anim.append((c.step, other.shape_id, None))

    def place_footnotes(self, plan: SlidePlan, bodies, area: Rect) -> int:
        """Put the footnotes at the foot of the body area; return the y the body must stay above."""
        # (across the slide's body: both columns' of a two-content layout, as the slides PDF draws them)
        whole = span([self.rect(ph) for ph in bodies]) or area
        left, width = whole.x, whole.w
        bottom = min(whole.bottom, self.limit_bottom)
        h = text_height(plan.footnotes, self.geo.box_style, width, 1.0, self.geo.fonts, False, self.scale)
        tb = self.slide.shapes.add_textbox(left, bottom - h, width, h)
        tb.name = "Footnotes"
        fill_paras(self.cv, tb.text_frame, plan.footnotes, self.geo.box_style, 1.0, own=False)
        return bottom - h - GAP

    def layout_info(self, layout) -> dict:
        """Return (cached per layout) its placeholders' rectangles and its footer placeholders."""
        key = id(layout._element)
        info = self._layouts.get(key)
        if info is None:
            phs = [(ph, ph.placeholder_format.idx, ph.placeholder_format.type) for ph in layout.placeholders]
            info = {
                "rects": {idx: rect_of(ph) for ph, idx, _ in phs},
                "footers": [(t, idx, ph._element) for ph, idx, t in phs if t in FOOTER_TYPES],
            }
            self._layouts[key] = info
        return info

    def title_size(self, plan: SlidePlan) -> float | None:
        """The title's type size (pt) where the fitter drew it smaller than the template's; else None."""
        if plan.title_scale >= 1.0:
            return None
        lay = next((p for p in self.layout.placeholders if p.placeholder_format.type in TITLE_TYPES), None)
        return (
            round(self.geo.title_style(lay).level(0).size * plan.title_scale, 1) if lay is not None else None
        )

    def rect(self, ph) -> Rect:
        """Return a slide placeholder's rectangle: its own, or (cheaply) its layout's."""
        if ph._element.spPr.find(qn("a:xfrm")) is not None:
            return rect_of(ph)
        return self.info["rects"].get(self.idx_of(ph)) or rect_of(ph)

    def copy_footer(self, present: set[int]) -> None:
        """Copy the layout's footer and slide-number placeholders onto the slide and fill them."""
        for t, idx, element in self.info["footers"]:
            if idx in present:
                for s in list(self.slide.placeholders):
                    if s.placeholder_format.idx == idx:
                        s._element.getparent().remove(s._element)
            el = copy.deepcopy(element)
            c_nv_pr = el.find(".//" + qn("p:cNvPr"))
            if c_nv_pr is not None:  # the layout's id may be one of the slide's shapes': give it its own
                c_nv_pr.set("id", str(self.slide.shapes._next_shape_id))
            self.slide.shapes._spTree.append(el)
            if t == PP_PLACEHOLDER.FOOTER:
                txBody = el.find(qn("p:txBody"))
                if txBody is not None:
                    TextFrame(txBody, None).text = slide_footer(self.plan, self.footer_text)  # type: ignore[arg-type]  # text needs no parent
            elif t == PP_PLACEHOLDER.SLIDE_NUMBER:
                _ensure_slide_number_field(el, getattr(self, "position", self.plan.number))


def callout_frames(chunks, groups) -> dict[int, int]:
    """For each callout drawn in parts (text, then an equation, picture, code or columns, then text…): the
    index of its first group and of its last.  Its parts are consecutive groups from one div: single
    chunks (columns among them), or pictures side by side in a grid."""
    out: dict[int, int] = {}

    def part_of(group: list[int], c) -> bool:
        return all(chunks[i].box == c.box and chunks[i].keep == c.keep for i in group) and (
            len(group) == 1 or all(isinstance(chunks[i], ObjectChunk) for i in group)
        )

    k = 0
    while k < len(groups):
        c = chunks[groups[k][0][0]]
        end = k
        if "callout" in c.box and part_of(groups[k][0], c):
            while end + 1 < len(groups) and part_of(groups[end + 1][0], c):
                end += 1
        # (columns in a callout: on its ground, even with nothing else in it)
        if end > k or "callout" in c.box and isinstance(c, ColumnsChunk):
            out[k] = end
        k = end + 1
    return out


def _plain_text_group(chunks, group: list[int]) -> bool:
    """True for a stacked group that is one text chunk without a box of its own (not a callout)."""
    return (
        len(group) == 1 and isinstance(chunks[group[0]], TextChunk) and "callout" not in chunks[group[0]].box
    )


def _ensure_slide_number_field(sp, number: int) -> None:
    """Make sure the copied slide-number placeholder holds a ``slidenum`` field."""
    fld = sp.find(".//" + qn("a:fld"))
    if fld is not None:
        t = fld.find(qn("a:t"))
        if t is not None:
            t.text = str(number)
        return
    txBody = sp.find(qn("p:txBody"))
    if txBody is None:
        return
    p = txBody.find(qn("a:p"))
    if p is None:
        p = etree.SubElement(txBody, qn("a:p"))
    for r in p.findall(qn("a:r")):
        p.remove(r)
    fld = etree.SubElement(p, qn("a:fld"))
    fld.set("id", "{B6F15528-21DE-4FAA-801E-634DDDAF4B2B}")
    fld.set("type", "slidenum")
    t = etree.SubElement(fld, qn("a:t"))
    t.text = str(number)
    end = p.find(qn("a:endParaRPr"))
    if end is not None:
        p.remove(end)
        p.append(end)


def write_pptx(
    lecture: m.Lecture, plans: list[SlidePlan], template: Template, out: Path, diags: Diagnostics, record=None
) -> None:
    """Write the deck for ``plans`` to ``out`` (through a temporary file renamed into place).

    Python's cycle collector scans every object still alive at intervals; a long lecture keeps
    millions alive while its deck is written (the model, the plans, python-pptx's parts), so those
    scans grew with the deck: about 40% of a 10,000-slide deck's writing.  Objects alive when the
    writing starts (after one collection), and every 500 slides, are frozen out of its reach
    (``gc.freeze``) until the deck is written; nothing else about collection changes.
    """
    gc.collect()  # garbage first: what is frozen cannot be collected until the deck is written
    gc.freeze()
    try:
        prs = open_template(template, diags)
        prs.core_properties.title = _shortened(lecture.meta.title, 255)  # (the property holds 255 characters)
        prs.core_properties.author = ", ".join(a.name for a in lecture.meta.authors)
        prs.core_properties.language = lecture.meta.lang
        prs.core_properties.subject = lecture.meta.course
        writer = DeckWriter(prs, template, lecture, diags)
        if writer.rtl:  # (the template's accent bars and bands on the side the titles are set from)
            mirror_design(prs)
        writer.write(plans)
        if record is not None:  # what the deck was built from, in its custom properties
            add_to_pptx(prs, record)
        buf = io.BytesIO()
        save_package(prs, buf)
    finally:
        gc.unfreeze()
    write_atomic(out, buf.getvalue())


def _shortened(text: str, limit: int) -> str:
    """``text``, cut at a word before ``limit`` characters with an ellipsis when longer."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0] or text[: limit - 1]
    return cut + "…"
