"""Slide plans + a template deck → an editable .pptx: the writer that ties the deck modules together.

The template's own slides are removed; masters, backgrounds and logos stay; footer and
slide-number placeholders are copied from the layout and filled.  Body content flows top to
bottom through a region (a placeholder's rectangle or the slide's safe area): text runs go into
the placeholder itself as real paragraphs with levels, objects (tables, pictures, charts, code,
math) become native shapes sized to fit.  Each kind of shape has its own module.
"""

from __future__ import annotations

import copy
import io
import os
from pathlib import Path

from lxml import etree
from pptx import Presentation
from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.oxml.ns import qn
from pptx.text.text import TextFrame

from .. import model as m
from ..atomic import write_atomic
from ..diagnostics import BuildError, Diagnostics, did_you_mean
from ..template_folders import Template, deck_of
from .callouts import add_callout_box
from .canvas import Canvas
from .charts import add_chart
from .code import add_code
from .equations import add_math
from .geometry import EMU_PER_IN, EMU_PER_PT, GAP, Rect, rect_of, split_columns
from .layouts import BODY_TYPES, FOOTER_TYPES, TITLE_TYPES, LayoutFinder
from .logo import Logo
from .measure import MIN_SCALE, code_pt, is_elastic, table_pt, text_height
from .patches import fast_partnames, fast_slide_ids, fast_slide_rels, potx_as_pptx, remove_all_slides
from .pictures import add_image, image_size
from .plan import ColumnsChunk, ObjectChunk, Para, SlidePlan, TextChunk
from .plan import runs as to_runs
from .tables import add_table
from .text import fill_paras, fill_runs
from .timing import write_timing


def open_template(template: Template, diags: Diagnostics):
    """Return a Presentation of the template deck with its sample slides removed."""
    path = deck_of(template)
    if path is None:
        raise BuildError(diags, f"template '{template.name}' has no deck.pptx", None, "template")
    from ..deckcheck import check_package, structure_problem

    where = m.SourcePos(os.path.relpath(path), 1)
    problem = check_package(path)  # from the zip's directory, before anything is inflated
    if problem is not None:
        raise BuildError(diags, problem[0], where, problem[1])
    try:
        data = path.read_bytes()
        if path.suffix.lower() == ".potx":
            data = potx_as_pptx(data)
        prs = Presentation(io.BytesIO(data))
    except Exception as e:  # python-pptx raises many kinds for a corrupt file
        raise BuildError(diags, f"template deck cannot be opened as a PowerPoint file: {e}", where,
                         "bad-template") from None
    broken = structure_problem(prs)
    if broken is not None:
        raise BuildError(diags, broken, where, "bad-template")
    remove_all_slides(prs)
    fast_partnames(prs.part.package)
    fast_slide_rels(prs.part)
    fast_slide_ids(prs)
    return prs



class DeckWriter:
    """Write slide plans into a presentation opened from the template."""

    def __init__(self, prs, template: Template, lecture: m.Lecture, diags: Diagnostics):
        self.prs = prs
        self.template = template
        self.lecture = lecture
        self.diags = diags
        self.layouts = LayoutFinder(prs, template, diags)
        self._layouts: dict[int, dict] = {}
        self.palette = template.palette
        self.fonts = template.fonts
        self.slide_w = int(prs.slide_width)
        self.slide_h = int(prs.slide_height)
        margin = int(min(self.slide_w, self.slide_h) * 0.06)
        self.safe = Rect(margin, margin, self.slide_w - 2 * margin, self.slide_h - 2 * margin)
        self.footer_text = _footer_text(template.theme.get("footer", "{title}"), lecture)
        self.scale = self.slide_h / (7.5 * EMU_PER_IN)  # type sizes relative to a 7.5 in tall slide
        self.limit_bottom = self.safe.bottom
        main = self.layouts.for_kind("content")
        bodies = [ph for ph in main.placeholders if ph.placeholder_format.type in BODY_TYPES]
        self.content_width = max((int(ph.width) for ph in bodies), default=self.safe.w)

    # -- slides
    def write(self, plans: list[SlidePlan]) -> None:
        for plan in plans:
            self.write_slide(plan)

    def choose_layout(self, plan: SlidePlan):
        if plan.layout_name:
            lay = self.layouts.named(plan.layout_name)
            if lay is not None:
                return lay
            self.diags.warning(f"layout '{plan.layout_name}' is not in the template"
                               f"{did_you_mean(plan.layout_name, self.layouts.names())}; layouts: "
                               f"{', '.join(self.layouts.names())}", plan.pos, "unknown-layout")
        return self.layouts.for_kind(plan.kind, plan.pos)

    def write_slide(self, plan: SlidePlan) -> None:
        layout = self.choose_layout(plan)
        if not hasattr(self, "logo"):
            self.logo = Logo(self.template, self.slide_w, self.slide_h)
        slide = self.prs.slides.add_slide(layout)
        self.slide = slide
        self.plan = plan
        self.cv = Canvas(slide, self.fonts, self.palette, self.scale, self.slide_w, self.slide_h, self.diags)
        self.limit_bottom = self.slide_h
        # Quarto's `## Title {.smaller}`: the slide's type one step smaller
        self.type_step = 0.8 if plan.source is not None and "smaller" in plan.source.classes else 1.0
        self.info = self.layout_info(layout)
        placed = [(ph, ph.placeholder_format.idx, ph.placeholder_format.type) for ph in slide.placeholders]
        title_ph = next((ph for ph, _, t in placed if t in TITLE_TYPES), None)
        bodies = [ph for ph, _, t in placed if t in BODY_TYPES]
        used: set[int] = set()
        if title_ph is not None:
            if plan.title:
                fill_runs(self.cv, title_ph.text_frame, plan.title)
                used.add(title_ph.placeholder_format.idx)
            title_bottom = self.rect(title_ph).bottom
        else:
            title_bottom = self.safe.y
            if plan.title:
                box = slide.shapes.add_textbox(self.safe.x, self.safe.y, self.safe.w, int(EMU_PER_IN * self.scale))
                fill_runs(self.cv, box.text_frame, plan.title, size=int(32 * self.scale), bold=True)
                title_bottom = int(box.top + box.height)
        free_area = Rect(self.safe.x, title_bottom + GAP, self.safe.w,
                         max(self.safe.bottom - title_bottom - GAP, int(EMU_PER_IN)))
        if plan.footnotes:
            self.limit_bottom = self.place_footnotes(plan, bodies, free_area)
        if plan.kind == "title":
            sub = next((ph for ph in bodies if ph.placeholder_format.type == PP_PLACEHOLDER.SUBTITLE),
                       bodies[0] if bodies else None)
            if plan.subtitle:
                if sub is not None:
                    fill_paras(self.cv, sub.text_frame, plan.subtitle, 1.0)
                    used.add(sub.placeholder_format.idx)
                else:
                    box = slide.shapes.add_textbox(free_area.x, free_area.y, free_area.w, free_area.h)
                    fill_paras(self.cv, box.text_frame, plan.subtitle, 1.0, explicit=True)
        else:
            self.place_body(plan, bodies, used, free_area)
        for ph, idx, t in placed:
            if idx not in used and t not in FOOTER_TYPES:
                ph._element.getparent().remove(ph._element)
        if plan.kind != "title":
            self.copy_footer({idx for _, idx, t in placed if t in FOOTER_TYPES})
        self.logo.add(slide)  # the theme's logo, where the design has no picture
        if plan.notes:
            slide.notes_slide.notes_text_frame.text = "\n".join(plan.notes)
        if self.cv.anim:
            write_timing(slide, self.cv.anim)

    # -- body placement
    def place_body(self, plan: SlidePlan, bodies, used: set[int], free_area: Rect) -> None:
        chunks = list(plan.chunks)
        if not chunks:
            return
        contents = sorted(bodies, key=lambda ph: -self.rect(ph).w * self.rect(ph).h)
        if plan.kind in ("two-content", "comparison") and len(chunks) == 1 and isinstance(chunks[0], ColumnsChunk):
            cols = chunks[0].columns
            if plan.kind == "comparison" and len(bodies) >= 4:
                self.place_comparison(cols, bodies, used)
                return
            pair = sorted(contents[:2], key=lambda ph: self.rect(ph).x)
            if len(pair) == 2:
                union = Rect(int(pair[0].left), min(int(pair[0].top), int(pair[1].top)),
                             int(pair[1].left + pair[1].width - pair[0].left),
                             max(int(pair[0].height), int(pair[1].height)))
                rects = split_columns(union, [w for _, w in cols])
                for i, ((col_chunks, _), rect) in enumerate(zip(cols, rects)):
                    ph = pair[i] if i < 2 else None
                    self.flow(list(col_chunks), rect, ph, used)
                return
        if plan.kind == "picture" and len(chunks) == 1:
            pic = next((ph for ph in bodies if ph.placeholder_format.type == PP_PLACEHOLDER.PICTURE), None)
            text = next((ph for ph in bodies if ph.placeholder_format.type == PP_PLACEHOLDER.BODY), None)
            if pic is not None:
                img = chunks[0].block
                self.place_object(chunks[0], self.rect(pic), with_caption=text is None, reference=self.content_width)
                if text is not None and img.caption:
                    fill_paras(self.cv, text.text_frame, [Para(tuple(to_runs(img.caption)))], 1.0)
                    used.add(text.placeholder_format.idx)
                return
        if plan.kind == "caption" and len(bodies) >= 2:
            content = contents[0]
            caption = next((ph for ph in contents[1:] if ph.placeholder_format.type == PP_PLACEHOLDER.BODY),
                           contents[1])
            self.flow(chunks[:1], self.rect(caption), caption, used, own_bullets=False)
            self.flow(chunks[1:], self.rect(content), content, used)
            return
        if contents:
            ph = contents[0]
            quote_only = len(chunks) == 1 and isinstance(chunks[0], TextChunk) and all(
                p.style in ("quote", "attribution") for p in chunks[0].paras)
            self.flow(chunks, self.rect(ph), ph, used, boost=1.4 if quote_only else 1.0)
        else:
            self.flow(chunks, free_area, None, used)

    def place_comparison(self, cols, bodies, used) -> None:
        ordered = sorted(bodies, key=lambda ph: (self.rect(ph).x // (EMU_PER_IN // 2), self.rect(ph).y))
        left, right = ordered[:2], ordered[2:4]
        for (col_chunks, _), (head, body) in zip(cols[:2], (left, right)):
            col_chunks = list(col_chunks)
            if len(col_chunks) >= 2 and isinstance(col_chunks[0], TextChunk):
                self.flow(col_chunks[:1], self.rect(head), head, used, own_bullets=False)
                self.flow(col_chunks[1:], self.rect(body), body, used)
            else:  # no heading for this column: its content placeholder only, clear of the heading's rule
                self.flow(col_chunks, self.rect(body), body, used)
        for col_chunks, _ in cols[2:]:  # a third column: below, never dropped
            self.flow(list(col_chunks), self.safe, None, used)

    def flow(self, chunks, rect: Rect, ph, used: set[int], own_bullets: bool = True, boost: float = 1.0) -> None:
        """Place ``chunks`` top to bottom inside ``rect``; the first text chunk uses ``ph``.

        ``own_bullets`` says the placeholder's own list style may be trusted for bullets (a content
        placeholder); caption and heading placeholders get bullets written explicitly.
        """
        if not chunks:
            return
        boost *= getattr(self, "type_step", 1.0)
        if rect.bottom > self.limit_bottom:
            rect = Rect(rect.x, rect.y, rect.w, max(self.limit_bottom - rect.y, int(EMU_PER_IN * 0.5)))
        heights = [self.estimate(c, rect.w, boost) for c in chunks]
        gaps = GAP * (len(chunks) - 1)

        def needed(hs):  # pictures and charts can shrink to a third of their size, text cannot
            return sum(h / 3 if is_elastic(c) else h for c, h in zip(chunks, hs)) + gaps

        scale = boost
        total = needed(heights)
        if total > rect.h:
            # shrink text and code until it fits, down to MIN_SCALE
            while scale > MIN_SCALE:
                scale = round(scale - 0.05, 2)
                heights = [self.estimate(c, rect.w, scale) for c in chunks]
                total = needed(heights)
                if total <= rect.h:
                    break
            if total > rect.h * 1.02:
                self.diags.warning(f"slide {self.plan.number} is too full: its content needs about "
                                   f"{total / EMU_PER_IN:.1f} in but the layout gives {rect.h / EMU_PER_IN:.1f} in; "
                                   "split it or shorten it", self.plan.pos, "overfull")
        # objects that can shrink share what text leaves
        fixed = sum(h for c, h in zip(chunks, heights) if not is_elastic(c)) + GAP * (len(chunks) - 1)
        elastic = [i for i, c in enumerate(chunks) if is_elastic(c)]
        if elastic:
            room = max(rect.h - fixed, int(EMU_PER_IN * 0.8))
            want = sum(heights[i] for i in elastic)
            for i in elastic:
                heights[i] = int(room * heights[i] / want) if want > room else heights[i]
        y = rect.y
        placeholder_free = ph is not None
        for c, h in zip(chunks, heights):
            h = min(h, rect.bottom - y) if c is not chunks[-1] or len(chunks) > 1 else h
            h = max(h, int(EMU_PER_IN * 0.3))
            box = Rect(rect.x, y, rect.w, h)
            if isinstance(c, TextChunk):
                if "callout" in c.box:  # a Quarto callout: its own titled box
                    add_callout_box(self.cv, box, c.paras, scale, c.box)
                elif placeholder_free:
                    ph.left, ph.top, ph.width, ph.height = box.x, box.y, box.w, h if len(chunks) > 1 else rect.h
                    tf = ph.text_frame
                    fill_paras(self.cv, tf, c.paras, scale, explicit=scale != 1.0, shape_id=ph.shape_id,
                                    bullets=not own_bullets)
                    used.add(ph.placeholder_format.idx)
                    placeholder_free = False
                else:
                    tb = self.slide.shapes.add_textbox(box.x, box.y, box.w, box.h)
                    tb.text_frame.word_wrap = True
                    fill_paras(self.cv, tb.text_frame, c.paras, scale, explicit=True, shape_id=tb.shape_id)
            elif isinstance(c, ColumnsChunk):
                for (col_chunks, _), r in zip(c.columns, split_columns(box, [w for _, w in c.columns])):
                    self.flow(list(col_chunks), r, None, used)
            else:
                self.place_object(c, box, scale=scale)
            y += h + GAP

    def estimate(self, c, width: int, scale: float) -> int:
        """Return the height ``c`` needs at ``width`` with type scaled by ``scale`` (EMU, approximate)."""
        if isinstance(c, TextChunk):
            return text_height(c.paras, width, scale * self.scale)
        if isinstance(c, ColumnsChunk):
            rects = split_columns(Rect(0, 0, width, 0), [w for _, w in c.columns])
            return max((sum(self.estimate(x, r.w, scale) for x in cc) + GAP * max(len(cc) - 1, 0)
                        for (cc, _), r in zip(c.columns, rects)), default=0)
        b = c.block
        if isinstance(b, m.CodeBlock):
            lines = b.code.count("\n") + 1
            return int(lines * code_pt(b, width, self.scale) * 1.25 * EMU_PER_PT) + int(0.2 * EMU_PER_IN)
        if isinstance(b, m.Table):
            rows = len(b.rows) + 1
            pt = table_pt(b, width, self.scale)
            return int(rows * pt * 2.1 * EMU_PER_PT)
        if isinstance(b, m.Image):
            w, h = image_size(self.cv, b, Rect(0, 0, width, 10 * width))
            return h + (int(0.45 * EMU_PER_IN * self.scale) if b.caption else 0)
        if isinstance(b, m.Chart):
            return int(width * 0.55)
        if isinstance(b, m.MathBlock):
            return int(0.9 * EMU_PER_IN * self.scale)
        return int(EMU_PER_IN)

    def place_object(self, c: ObjectChunk, box: Rect, scale: float = 1.0, with_caption: bool = True,
                     reference: int | None = None) -> None:
        b = c.block
        shape = None
        if isinstance(b, m.Image):
            shape = add_image(self.cv, b, box, with_caption, reference)
        elif isinstance(b, m.Table):
            shape = add_table(self.cv, b, box)
        elif isinstance(b, m.Chart):
            shape = add_chart(self.cv, b, box)
        elif isinstance(b, m.CodeBlock):
            shape = add_code(self.cv, b, box, scale)
        elif isinstance(b, m.MathBlock):
            shape = add_math(self.cv, b, box)
        if shape is not None and c.step > 0:
            self.cv.anim.append((c.step, shape.shape_id, None))

    def place_footnotes(self, plan: SlidePlan, bodies, area: Rect) -> int:
        """Put the footnotes at the foot of the body area; return the y the body must stay above."""
        rects = [self.rect(ph) for ph in bodies]
        bottom = max((r.bottom for r in rects), default=area.bottom)
        width = max((r.w for r in rects), default=area.w)
        left = min((r.x for r in rects), default=area.x)
        h = text_height(plan.footnotes, width, self.scale)
        tb = self.slide.shapes.add_textbox(left, bottom - h, width, h)
        tb.name = "Footnotes"
        fill_paras(self.cv, tb.text_frame, plan.footnotes, 1.0, explicit=True)
        return bottom - h - GAP

    def layout_info(self, layout) -> dict:
        """Return (cached per layout) its placeholders' rectangles and its footer placeholders."""
        key = id(layout._element)
        info = self._layouts.get(key)
        if info is None:
            phs = [(ph, ph.placeholder_format.idx, ph.placeholder_format.type) for ph in layout.placeholders]
            info = {"rects": {idx: rect_of(ph) for ph, idx, _ in phs},
                    "footers": [(t, idx, ph._element) for ph, idx, t in phs if t in FOOTER_TYPES]}
            self._layouts[key] = info
        return info

    def rect(self, ph) -> Rect:
        """Return a slide placeholder's rectangle: its own, or (cheaply) its layout's."""
        if ph._element.spPr.find(qn("a:xfrm")) is not None:
            return rect_of(ph)
        return self.info["rects"].get(ph.placeholder_format.idx) or rect_of(ph)

    def copy_footer(self, present: set[int]) -> None:
        """Copy the layout's footer and slide-number placeholders onto the slide and fill them."""
        for t, idx, element in self.info["footers"]:
            if idx in present:
                for s in list(self.slide.placeholders):
                    if s.placeholder_format.idx == idx:
                        s._element.getparent().remove(s._element)
            el = copy.deepcopy(element)
            self.slide.shapes._spTree.append(el)
            if t == PP_PLACEHOLDER.FOOTER:
                txBody = el.find(qn("p:txBody"))
                if txBody is not None:
                    TextFrame(txBody, None).text = self.footer_text
            elif t == PP_PLACEHOLDER.SLIDE_NUMBER:
                _ensure_slide_number_field(el, self.plan.number)


def _footer_text(pattern: str, lecture: m.Lecture) -> str:
    meta = lecture.meta
    values = {"title": meta.title, "course": meta.course, "date": meta.date, "term": meta.term,
              "author": ", ".join(a.name for a in meta.authors), "institute": meta.institute}
    try:
        return str(pattern or "").format(**values).strip(" —-·")
    except (KeyError, ValueError, IndexError):
        return str(pattern)


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



def write_pptx(lecture: m.Lecture, plans: list[SlidePlan], template: Template, out: Path,
               diags: Diagnostics) -> None:
    """Write the deck for ``plans`` to ``out`` (through a temporary file renamed into place)."""
    prs = open_template(template, diags)
    prs.core_properties.title = lecture.meta.title
    prs.core_properties.author = ", ".join(a.name for a in lecture.meta.authors)
    prs.core_properties.language = lecture.meta.lang
    prs.core_properties.subject = lecture.meta.course
    writer = DeckWriter(prs, template, lecture, diags)
    writer.write(plans)
    buf = io.BytesIO()
    prs.save(buf)
    write_atomic(out, buf.getvalue())
