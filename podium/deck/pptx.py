"""Slide plans + a template deck → an editable .pptx (the only module that imports python-pptx).

Layouts are found by name (pandoc's names, case-insensitive, plus the theme's map), then by the
placeholders they have, with a warning naming the fallback.  The template's own slides are
removed; masters, backgrounds and logos stay; footer and slide-number placeholders are copied
from the layout and filled.  Body content flows top to bottom through a region (a placeholder's
rectangle or the slide's safe area): text runs go into the placeholder itself as real paragraphs
with levels, objects (tables, pictures, charts, code, math) become native shapes sized to fit.
"""

from __future__ import annotations

import copy
import io
import math
import os
from dataclasses import dataclass
from pathlib import Path

from lxml import etree
from pptx import Presentation
from pptx.chart.data import CategoryChartData, XyChartData
from pptx.dml.color import RGBColor
from pptx.enum.chart import XL_CHART_TYPE, XL_LABEL_POSITION, XL_LEGEND_POSITION
from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
from pptx.oxml.ns import qn
from pptx.util import Emu, Pt

from .. import model as m
from ..diagnostics import BuildError, Diagnostics
from ..template_folders import Template, deck_of
from .plan import (
    FALLBACKS,
    LAYOUT_NAMES,
    ColumnsChunk,
    ObjectChunk,
    Para,
    Run,
    SlidePlan,
    TextChunk,
)

EMU_PER_IN = 914400
EMU_PER_PT = 12700
BODY_PT = (24, 20, 18, 16, 16, 14)
MIN_SCALE = 0.6
GAP = int(0.15 * EMU_PER_IN)
TITLE_TYPES = (PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.CENTER_TITLE, PP_PLACEHOLDER.VERTICAL_TITLE)
BODY_TYPES = (PP_PLACEHOLDER.BODY, PP_PLACEHOLDER.OBJECT, PP_PLACEHOLDER.SUBTITLE, PP_PLACEHOLDER.PICTURE,
              PP_PLACEHOLDER.TABLE, PP_PLACEHOLDER.CHART, PP_PLACEHOLDER.VERTICAL_BODY,
              PP_PLACEHOLDER.VERTICAL_OBJECT, PP_PLACEHOLDER.ORG_CHART, PP_PLACEHOLDER.MEDIA_CLIP,
              PP_PLACEHOLDER.BITMAP)
FOOTER_TYPES = (PP_PLACEHOLDER.FOOTER, PP_PLACEHOLDER.SLIDE_NUMBER)


@dataclass
class Rect:
    x: int
    y: int
    w: int
    h: int

    @property
    def bottom(self) -> int:
        return self.y + self.h


def hex_rgb(value: str) -> RGBColor:
    return RGBColor.from_string(value.lstrip("#").upper())


# --------------------------------------------------------------------------- opening the template


def open_template(template: Template, diags: Diagnostics):
    """Return a Presentation of the template deck with its sample slides removed."""
    path = deck_of(template)
    if path is None:
        raise BuildError(diags, f"template '{template.name}' has no deck.pptx", None, "template")
    try:
        data = path.read_bytes()
        if path.suffix.lower() == ".potx":
            data = potx_as_pptx(data)
        prs = Presentation(io.BytesIO(data))
    except Exception as e:  # python-pptx raises many kinds for a corrupt file
        raise BuildError(diags, f"template deck cannot be opened as a PowerPoint file: {e}",
                         m.SourcePos(os.path.relpath(path), 1), "bad-template") from None
    remove_all_slides(prs)
    fast_partnames(prs.part.package)
    fast_slide_rels(prs.part)
    return prs


def potx_as_pptx(data: bytes) -> bytes:
    """Return a .potx package rewritten as a .pptx (only the main part's content type differs)."""
    import zipfile

    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            blob = src.read(item.filename)
            if item.filename == "[Content_Types].xml":
                blob = blob.replace(b"presentationml.template.main+xml", b"presentationml.presentation.main+xml")
            dst.writestr(item, blob)
    return out.getvalue()


def fast_partnames(package) -> None:
    """Give ``package`` an O(1) ``next_partname``.

    python-pptx's own walks every part for each new notes slide, chart or embedding, which makes
    a long deck quadratic (about a third of a 240-slide build).  Part names this build hands out
    are remembered; the package's existing names are read once.
    """
    from pptx.opc.packuri import PackURI

    used = {str(p.partname) for p in package.iter_parts()}
    last: dict[str, int] = {}

    def next_partname(tmpl: str) -> PackURI:
        i = last.get(tmpl, 0) + 1
        while tmpl % i in used:
            i += 1
        last[tmpl] = i
        used.add(tmpl % i)
        return PackURI(tmpl % i)

    package.next_partname = next_partname


def fast_slide_rels(presentation_part) -> None:
    """Relate new slides to the presentation without python-pptx's search for an existing relationship.

    ``Part.relate_to`` first looks for a matching relationship by rebuilding an index of all of
    the part's relationships, once per new slide: quadratic in the deck's length.  A new slide
    part can never match, so its relationship is simply added.
    """
    from pptx.opc.constants import RELATIONSHIP_TYPE as RT

    original = presentation_part.relate_to

    def relate_to(target, reltype, is_external=False):
        if reltype == RT.SLIDE and not is_external:
            return presentation_part._rels._add_relationship(reltype, target)
        return original(target, reltype, is_external)

    presentation_part.relate_to = relate_to


def remove_all_slides(prs) -> None:
    """Remove every slide of ``prs`` (python-pptx has no API: drop the sldId and its relationship)."""
    sld_ids = prs.slides._sldIdLst
    for sld_id in list(sld_ids):
        rid = sld_id.get(qn("r:id"))
        prs.part.drop_rel(rid)
        sld_ids.remove(sld_id)


# --------------------------------------------------------------------------- layouts


class LayoutFinder:
    """Find the layout for a kind: by name (case-insensitive), theme map, fallbacks, placeholders."""

    def __init__(self, prs, template: Template, diags: Diagnostics):
        self.layouts = list(prs.slide_layouts)
        self.by_name = {lay.name.strip().lower(): lay for lay in self.layouts}
        self.map = {k: v for k, v in (template.theme.get("layouts") or {}).items() if v}
        self.diags = diags
        self.cache: dict[str, object] = {}
        self.warned: set[str] = set()

    def names(self) -> list[str]:
        return [lay.name for lay in self.layouts]

    def named(self, name: str):
        return self.by_name.get(name.strip().lower())

    def for_kind(self, kind: str, pos: m.SourcePos | None = None):
        if kind in self.cache:
            return self.cache[kind]
        lay = self._direct(kind)
        if lay is None:
            for alt in FALLBACKS.get(kind, ()):
                lay = self._direct(alt)
                if lay is not None:
                    self.diags.warning(f"template has no '{LAYOUT_NAMES[kind]}' layout; using '{lay.name}'",
                                       None, "layout-fallback")
                    break
        if lay is None:
            lay = self._by_shape(kind)
            self.diags.warning(f"template has no '{LAYOUT_NAMES[kind]}' layout; using '{lay.name}', chosen by "
                               "its placeholders", None, "layout-fallback")
        self.cache[kind] = lay
        return lay

    def _direct(self, kind: str):
        if kind in self.map:
            if self.named(self.map[kind]) is not None:
                return self.named(self.map[kind])
            if kind not in self.warned:
                self.warned.add(kind)
                self.diags.warning(f"theme.yaml maps '{kind}' to layout '{self.map[kind]}', which the template deck "
                                   f"does not have (layouts: {', '.join(self.names())})", None, "unknown-layout")
        return self.named(LAYOUT_NAMES[kind])

    def _by_shape(self, kind: str):
        def score(lay):
            types = [ph.placeholder_format.type for ph in lay.placeholders]
            has_title = any(t in TITLE_TYPES for t in types)
            bodies = sum(1 for t in types if t in BODY_TYPES)
            want_body = {"title": 1, "section": 0, "title-only": 0, "blank": 0, "two-content": 2,
                         "comparison": 4, "caption": 2, "picture": 2}.get(kind, 1)
            return (has_title == (kind != "blank")) * 10 - abs(bodies - want_body)
        return max(self.layouts, key=score)


def kind_of_layout(layout, slide_area: int | None = None) -> str:
    """Return the Podium slide kind a layout would serve (for `template inspect`).

    Placeholders smaller than a tenth of the slide (logos, small labels) do not count; text
    placeholders (``body``) are told apart from content placeholders (``obj``, pictures, tables).
    """
    name = layout.name.strip().lower()
    for kind, lname in LAYOUT_NAMES.items():
        if name == lname.lower():
            return kind
    phs = list(layout.placeholders)
    if slide_area is None:
        try:
            pres = layout.part.package.presentation_part.presentation
            slide_area = int(pres.slide_width) * int(pres.slide_height)
        except AttributeError:
            slide_area = max((int(ph.width or 0) * int(ph.height or 0) for ph in phs), default=1) * 4
    big = [ph for ph in phs if ph.placeholder_format.type in BODY_TYPES
           and int(ph.width or 0) * int(ph.height or 0) >= slide_area / 10]
    types = [ph.placeholder_format.type for ph in phs]
    text = [ph for ph in phs if ph.placeholder_format.type == PP_PLACEHOLDER.BODY and ph not in big]
    content = [ph for ph in big if ph.placeholder_format.type != PP_PLACEHOLDER.BODY]
    bodies = [ph for ph in big if ph.placeholder_format.type == PP_PLACEHOLDER.BODY]
    if PP_PLACEHOLDER.CENTER_TITLE in types or PP_PLACEHOLDER.SUBTITLE in types:
        return "title"
    if not any(t in TITLE_TYPES for t in types):
        return "blank"
    if any(ph.placeholder_format.type == PP_PLACEHOLDER.PICTURE for ph in big):
        return "picture"
    n = len(big)
    if n == 0:
        return "section" if text else "title-only"
    if n == 1:
        return "section" if bodies and text == [] and int(big[0].height) < slide_area ** 0.5 / 3 else "content"
    if n == 2:
        if len(text) >= 2:
            return "comparison"  # two contents, each under a small heading
        if len(content) == 1 and len(bodies) == 1:
            return "caption"
        return "two-content"
    if n >= 4:
        return "comparison"
    return "content"


# --------------------------------------------------------------------------- the writer


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
            self.diags.warning(f"layout '{plan.layout_name}' is not in the template; layouts: "
                               f"{', '.join(self.layouts.names())}", plan.pos, "unknown-layout")
        return self.layouts.for_kind(plan.kind, plan.pos)

    def write_slide(self, plan: SlidePlan) -> None:
        layout = self.choose_layout(plan)
        slide = self.prs.slides.add_slide(layout)
        self.slide = slide
        self.plan = plan
        self.anim: list[tuple[int, int, int | None]] = []  # (step, shape id, paragraph index or None)
        self.limit_bottom = self.slide_h
        self.info = self.layout_info(layout)
        placed = [(ph, ph.placeholder_format.idx, ph.placeholder_format.type) for ph in slide.placeholders]
        title_ph = next((ph for ph, _, t in placed if t in TITLE_TYPES), None)
        bodies = [ph for ph, _, t in placed if t in BODY_TYPES]
        used: set[int] = set()
        if title_ph is not None:
            if plan.title:
                self.fill_runs(title_ph.text_frame, plan.title)
                used.add(title_ph.placeholder_format.idx)
            title_bottom = self.rect(title_ph).bottom
        else:
            title_bottom = self.safe.y
            if plan.title:
                box = slide.shapes.add_textbox(self.safe.x, self.safe.y, self.safe.w, int(EMU_PER_IN * self.scale))
                self.fill_runs(box.text_frame, plan.title, size=int(32 * self.scale), bold=True)
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
                    self.fill_paras(sub.text_frame, plan.subtitle, 1.0)
                    used.add(sub.placeholder_format.idx)
                else:
                    box = slide.shapes.add_textbox(free_area.x, free_area.y, free_area.w, free_area.h)
                    self.fill_paras(box.text_frame, plan.subtitle, 1.0, explicit=True)
        else:
            self.place_body(plan, bodies, used, free_area)
        for ph, idx, t in placed:
            if idx not in used and t not in FOOTER_TYPES:
                ph._element.getparent().remove(ph._element)
        if plan.kind != "title":
            self.copy_footer({idx for _, idx, t in placed if t in FOOTER_TYPES})
        if plan.notes:
            slide.notes_slide.notes_text_frame.text = "\n".join(plan.notes)
        if self.anim:
            write_timing(slide, self.anim)

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
                    from .plan import runs as to_runs
                    self.fill_paras(text.text_frame, [Para(tuple(to_runs(img.caption)))], 1.0)
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
        if rect.bottom > self.limit_bottom:
            rect = Rect(rect.x, rect.y, rect.w, max(self.limit_bottom - rect.y, int(EMU_PER_IN * 0.5)))
        heights = [self.estimate(c, rect.w, boost) for c in chunks]
        gaps = GAP * (len(chunks) - 1)

        def needed(hs):  # pictures and charts can shrink to a third of their size, text cannot
            return sum(h / 3 if _elastic(c) else h for c, h in zip(chunks, hs)) + gaps

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
        fixed = sum(h for c, h in zip(chunks, heights) if not _elastic(c)) + GAP * (len(chunks) - 1)
        elastic = [i for i, c in enumerate(chunks) if _elastic(c)]
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
                if placeholder_free:
                    ph.left, ph.top, ph.width, ph.height = box.x, box.y, box.w, h if len(chunks) > 1 else rect.h
                    tf = ph.text_frame
                    self.fill_paras(tf, c.paras, scale, explicit=scale != 1.0, shape_id=ph.shape_id,
                                    bullets=not own_bullets)
                    used.add(ph.placeholder_format.idx)
                    placeholder_free = False
                else:
                    tb = self.slide.shapes.add_textbox(box.x, box.y, box.w, box.h)
                    tb.text_frame.word_wrap = True
                    self.fill_paras(tb.text_frame, c.paras, scale, explicit=True, shape_id=tb.shape_id)
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
            w, h = self.image_size(b, Rect(0, 0, width, 10 * width))
            return h + (int(0.45 * EMU_PER_IN * self.scale) if b.caption else 0)
        if isinstance(b, m.Chart):
            return int(width * 0.55)
        if isinstance(b, m.MathBlock):
            return int(0.9 * EMU_PER_IN * self.scale)
        return int(EMU_PER_IN)

    # -- text
    def fill_runs(self, tf, runs_: tuple[Run, ...], size: int | None = None, bold: bool = False) -> None:
        tf.text = ""
        p = tf.paragraphs[0]
        for r in runs_:
            self.add_run(p, r, Pt(size) if size else None, bold)

    def fill_paras(self, tf, paras, scale: float, explicit: bool = False, shape_id: int | None = None,
                   bullets: bool = False) -> None:
        """Write ``paras`` into text frame ``tf`` as real paragraphs with levels and bullets."""
        tf.word_wrap = True
        tf.text = ""
        for i, para in enumerate(paras):
            p = tf.paragraphs[0] if i == 0 else tf.add_paragraph()
            p.level = min(para.level, 8)
            size = None
            if explicit or para.style in ("caption", "attribution"):
                base = BODY_PT[min(para.level, len(BODY_PT) - 1)] * self.scale
                if para.style == "caption":
                    base *= 0.7
                if para.style == "attribution":
                    base *= 0.85
                size = Pt(max(base * scale, 9))
            self.set_bullet(p, para, explicit or bullets, size)
            if para.align:
                p.alignment = {"left": PP_ALIGN.LEFT, "center": PP_ALIGN.CENTER, "right": PP_ALIGN.RIGHT}[para.align]
            for r in para.runs:
                self.add_run(p, r, size, False, muted=para.style == "attribution")
            if shape_id is not None and para.step > 0:
                self.anim.append((para.step, shape_id, i))
        if shape_id is not None and paras and all(p.step == paras[0].step for p in paras) and paras[0].step > 0:
            # the whole box appears at once: animate the shape, not each paragraph
            self.anim = [a for a in self.anim if a[1] != shape_id] + [(paras[0].step, shape_id, None)]

    def set_bullet(self, p, para: Para, explicit: bool, size) -> None:
        pPr = p._p.get_or_add_pPr()
        for tag in ("a:buNone", "a:buAutoNum", "a:buChar", "a:buFont"):
            for el in pPr.findall(qn(tag)):
                pPr.remove(el)
        indent_emu = int(0.35 * EMU_PER_IN * self.scale)
        if para.bullet == "none":
            pPr.set("marL", str(para.level * indent_emu))
            pPr.set("indent", "0")
            etree.SubElement(pPr, qn("a:buNone"))
        else:
            pPr.set("marL", str((para.level + 1) * indent_emu))
            pPr.set("indent", str(-indent_emu))
            if para.bullet == "number":
                el = etree.SubElement(pPr, qn("a:buAutoNum"))
                el.set("type", "arabicPeriod")
                if para.number != 1:
                    el.set("startAt", str(para.number))
            elif explicit:
                font = etree.SubElement(pPr, qn("a:buFont"))
                font.set("typeface", "Arial")
                ch = etree.SubElement(pPr, qn("a:buChar"))
                ch.set("char", "•–▪··"[min(para.level, 4)])
            # else: the master's bullet for this level

    def add_run(self, p, r: Run, size=None, bold=False, muted=False) -> None:
        if "\v" in r.text:  # a hard line break: <a:br/>, not a vertical-tab character
            for k, part in enumerate(r.text.split("\v")):
                if k:
                    p.add_line_break()
                    if size is not None:
                        p._p.findall(qn("a:br"))[-1].get_or_add_rPr().set("sz", str(int(size.pt * 100)))
                if part:
                    self.add_run(p, Run(part, r.bold, r.italic, r.code, r.strike, r.superscript, r.link, r.blank),
                                 size, bold, muted)
            return
        run = p.add_run()
        text = r.text
        run.text = text
        f = run.font
        if r.bold or bold:
            f.bold = True
        if r.italic:
            f.italic = True
        if size is not None:
            f.size = size
        if r.code:
            f.name = self.fonts.get("mono", "Courier New")
        if r.strike:
            run._r.get_or_add_rPr().set("strike", "sngStrike")
        if r.superscript:
            run._r.get_or_add_rPr().set("baseline", "30000")
        if muted:
            f.color.rgb = hex_rgb(self.palette["muted"])
        if r.blank:
            f.color.rgb = hex_rgb(self.palette["accent"])
            f.underline = True
        if r.link:
            run.hyperlink.address = r.link
        if _has_cjk(text) and self.fonts.get("cjk"):
            rPr = run._r.get_or_add_rPr()
            ea = rPr.find(qn("a:ea"))
            if ea is None:
                ea = etree.SubElement(rPr, qn("a:ea"))
            ea.set("typeface", self.fonts["cjk"])

    # -- objects
    def place_object(self, c: ObjectChunk, box: Rect, scale: float = 1.0, with_caption: bool = True,
                     reference: int | None = None) -> None:
        b = c.block
        shape = None
        if isinstance(b, m.Image):
            shape = self.add_image(b, box, with_caption, reference)
        elif isinstance(b, m.Table):
            shape = self.add_table(b, box)
        elif isinstance(b, m.Chart):
            shape = self.add_chart(b, box)
        elif isinstance(b, m.CodeBlock):
            shape = self.add_code(b, box, scale)
        elif isinstance(b, m.MathBlock):
            shape = self.add_math(b, box)
        if shape is not None and c.step > 0:
            self.anim.append((c.step, shape.shape_id, None))

    def image_size(self, b: m.Image, box: Rect, reference: int | None = None) -> tuple[int, int]:
        """Return the (w, h) of picture ``b`` inside ``box``: size attributes honoured, aspect kept.

        A percentage width is of ``reference`` (the region's width unless given), never more than ``box``.
        """
        reference = reference or box.w
        px_w, px_h = image_pixels(b.path) if b.path else (4, 3)
        aspect = px_h / px_w if px_w else 0.75
        w = None
        if b.width is not None:
            w = length_emu(b.width, self.slide_w if b.width.unit == "%" else box.w)
            if b.width.unit == "%":
                w = int(reference * b.width.value / 100)
        h = None
        if b.height is not None:
            h = length_emu(b.height, box.h) if b.height.unit != "%" else int(box.h * b.height.value / 100)
        if w is None and h is None:
            w = min(box.w, int(px_w / 96 * EMU_PER_IN * 1.5)) if b.path else box.w
        if w is None:
            w = int(h / aspect)
        if h is None:
            h = int(w * aspect)
        # never off the region: shrink both to keep the aspect ratio
        f = min(1.0, box.w / w if w else 1, (box.h / h) if h and box.h else 1)
        return max(int(w * f), 1), max(int(h * f), 1)

    def add_image(self, b: m.Image, box: Rect, with_caption: bool = True, reference: int | None = None):
        cap_h = int(0.45 * EMU_PER_IN * self.scale) if (b.caption and with_caption) else 0
        area = Rect(box.x, box.y, box.w, max(box.h - cap_h, int(EMU_PER_IN * 0.5)))
        if b.path is None:
            shape = self.slide.shapes.add_textbox(area.x, area.y, area.w, min(area.h, int(EMU_PER_IN * 1.2)))
            shape.fill.solid()
            shape.fill.fore_color.rgb = hex_rgb(self.palette.get("light", "#EEEEEE"))
            shape.text_frame.text = f"[missing picture: {b.src}]"
            shape.text_frame.paragraphs[0].alignment = PP_ALIGN.CENTER
            shape.text_frame.vertical_anchor = MSO_ANCHOR.MIDDLE
            return shape
        w, h = self.image_size(b, area, reference)
        x = area.x + (area.w - w) // 2
        y = area.y + max((area.h - h) // 2, 0) if not cap_h else area.y
        try:
            if b.path.lower().endswith(".svg"):
                pic = self.add_svg(b.path, x, y, w, h)
            else:
                pic = self.slide.shapes.add_picture(b.path, x, y, w, h)
        except Exception as e:  # cairosvg, defusedxml and PIL raise many kinds for a broken file
            self.diags.warning(f"picture '{b.src}' cannot be drawn ({type(e).__name__}); shown as a placeholder",
                               b.pos, "bad-image")
            return self.add_image(m.Image(b.src, None, b.caption, b.alt, b.pos, b.width, b.height), box,
                                  with_caption, reference)
        pic._element.nvPicPr.cNvPr.set("descr", b.alt or "")
        if cap_h:
            from .plan import runs as to_runs
            tb = self.slide.shapes.add_textbox(area.x, y + h + int(0.05 * EMU_PER_IN), area.w, cap_h)
            self.fill_paras(tb.text_frame, [Para(tuple(to_runs(b.caption)), align="center", style="caption")], 1.0,
                            explicit=True)
        return pic

    def add_svg(self, path: str, x: int, y: int, w: int, h: int):
        """Add an SVG picture with a PNG fallback (the svgBlip extension PowerPoint 2016+ reads)."""
        import cairosvg
        from pptx.opc.constants import RELATIONSHIP_TYPE as RT
        from pptx.opc.package import Part
        from pptx.opc.packuri import PackURI

        svg = Path(path).read_bytes()
        px_w = max(int(w / EMU_PER_IN * 150), 16)
        png = cairosvg.svg2png(bytestring=svg, output_width=px_w, unsafe=False)
        pic = self.slide.shapes.add_picture(io.BytesIO(png), x, y, w, h)
        package = self.slide.part.package
        partname = package.next_partname("/ppt/media/image%d.svg")
        part = Part(PackURI(str(partname)), "image/svg+xml", package, svg)
        rid = self.slide.part.relate_to(part, RT.IMAGE)
        blip = pic._element.blipFill.find(qn("a:blip"))
        ext_lst = etree.SubElement(blip, qn("a:extLst"))
        ext = etree.SubElement(ext_lst, qn("a:ext"))
        ext.set("uri", "{96DAC541-7B7A-43D3-8B79-37D633B846F1}")
        svg_el = etree.SubElement(ext, "{http://schemas.microsoft.com/office/drawing/2016/SVG/main}svgBlip",
                                  nsmap={"asvg": "http://schemas.microsoft.com/office/drawing/2016/SVG/main"})
        svg_el.set(qn("r:embed"), rid)
        return pic

    def add_table(self, b: m.Table, box: Rect):
        nrows, ncols = len(b.rows) + 1, max(len(b.header), 1)
        pt = table_pt(b, box.w, self.scale)
        row_h = int(pt * 2.1 * EMU_PER_PT)
        height = min(row_h * nrows, box.h)
        frame = self.slide.shapes.add_table(nrows, ncols, box.x, box.y, box.w, height)
        table = frame.table
        widths = list(b.widths) or [1 / ncols] * ncols
        # sizes go straight into the XML: python-pptx's setters recompute the whole frame each time
        for j, grid_col in enumerate(table._tbl.tblGrid.gridCol_lst):
            grid_col.w = Emu(int(box.w * widths[j]) if j < len(widths) else int(box.w / ncols))
        for tr in table._tbl.tr_lst:
            tr.h = Emu(row_h)
        frame.height = Emu(row_h * nrows)
        primary, light, text = self.palette["primary"], self.palette.get("light", "#EEEEEE"), self.palette["text"]
        from .plan import runs as to_runs
        for i, (row, row_shape) in enumerate(zip((b.header, *b.rows), table.rows)):
            cells = list(row_shape.cells)
            for j in range(ncols):
                cell = cells[j]
                content = row[j].content if j < len(row) else ()
                tf = cell.text_frame
                tf.word_wrap = True
                self.fill_runs(tf, tuple(to_runs(content)), size=int(pt), bold=(i == 0))
                align = b.aligns[j] if j < len(b.aligns) else ""
                if align:
                    tf.paragraphs[0].alignment = {"left": PP_ALIGN.LEFT, "center": PP_ALIGN.CENTER,
                                                  "right": PP_ALIGN.RIGHT}[align]
                cell.margin_left = cell.margin_right = int(0.08 * EMU_PER_IN)
                cell.fill.solid()
                if i == 0:
                    cell.fill.fore_color.rgb = hex_rgb(primary)
                    for r in tf.paragraphs[0].runs:
                        r.font.color.rgb = hex_rgb(self.palette["background"])
                else:
                    cell.fill.fore_color.rgb = hex_rgb(light if i % 2 == 0 else self.palette["background"])
                    for r in tf.paragraphs[0].runs:
                        r.font.color.rgb = hex_rgb(text)
        return frame

    def add_chart(self, b: m.Chart, box: Rect):
        kinds = {"bar": XL_CHART_TYPE.BAR_CLUSTERED, "column": XL_CHART_TYPE.COLUMN_CLUSTERED,
                 "line": XL_CHART_TYPE.LINE_MARKERS, "pie": XL_CHART_TYPE.PIE,
                 "stacked": XL_CHART_TYPE.COLUMN_STACKED, "scatter": XL_CHART_TYPE.XY_SCATTER}
        if b.kind == "scatter":
            data = XyChartData()
            for s in b.series:
                ser = data.add_series(s.name)
                for cat, v in zip(b.categories, s.values):
                    try:
                        ser.add_data_point(float(cat), v)
                    except ValueError:
                        ser.add_data_point(len(ser), v)
        else:
            data = CategoryChartData()
            data.categories = list(b.categories)
            for s in b.series:
                data.add_series(s.name, list(s.values))
        h = min(box.h, max(int(box.w * 0.6), int(EMU_PER_IN * 2)))
        w = min(box.w, int(h * 2.2))  # a squat, slide-wide chart reads badly: keep it near 2:1, centred
        frame = self.slide.shapes.add_chart(kinds[b.kind], box.x + (box.w - w) // 2, box.y, w, h, data)
        chart = frame.chart
        pt = Pt(max(12, 16 * self.scale))
        chart.font.size = pt
        chart.font.name = self.fonts.get("body")
        if b.title:
            chart.has_title = True
            chart.chart_title.text_frame.text = b.title
            chart.chart_title.text_frame.paragraphs[0].runs[0].font.size = Pt(18 * self.scale)
            chart.chart_title.text_frame.paragraphs[0].runs[0].font.bold = True
        else:
            chart.has_title = False
        chart.has_legend = len(b.series) > 1 or b.kind == "pie"
        if chart.has_legend:
            chart.legend.position = XL_LEGEND_POSITION.BOTTOM
            chart.legend.include_in_layout = False
        colours = series_colours(self.palette, max(len(b.series), len(b.categories)))
        plot = chart.plots[0]
        if b.kind == "pie":
            for k, point in enumerate(plot.series[0].points):
                point.format.fill.solid()
                point.format.fill.fore_color.rgb = hex_rgb(colours[k % len(colours)])
            plot.has_data_labels = True
            plot.data_labels.show_percentage = False
            plot.data_labels.show_value = True
            plot.data_labels.position = XL_LABEL_POSITION.OUTSIDE_END
            plot.data_labels.font.size = pt
        else:
            for k, ser in enumerate(plot.series):
                fmt = ser.format
                if b.kind == "line":
                    fmt.line.color.rgb = hex_rgb(colours[k % len(colours)])
                    fmt.line.width = Pt(2.5)
                elif b.kind == "scatter":
                    fmt.line.fill.background()  # points only, no connecting line
                    ser.marker.format.fill.solid()
                    ser.marker.format.fill.fore_color.rgb = hex_rgb(colours[k % len(colours)])
                else:
                    fmt.fill.solid()
                    fmt.fill.fore_color.rgb = hex_rgb(colours[k % len(colours)])
            if b.kind in ("bar", "column", "stacked"):
                plot.has_data_labels = True
                plot.data_labels.show_value = True
                plot.data_labels.font.size = pt
            if b.kind in ("bar", "column", "line", "stacked"):
                # the same axis as the handout's drawing, not PowerPoint's own choice
                from ..charts import value_range

                low, high = value_range(b)
                axis = chart.value_axis
                axis.minimum_scale, axis.maximum_scale = low, high
                axis.major_unit = (high - low) / 5
            try:
                if b.x_title:
                    chart.category_axis.has_title = True
                    chart.category_axis.axis_title.text_frame.text = b.x_title
                if b.y_title:
                    chart.value_axis.has_title = True
                    chart.value_axis.axis_title.text_frame.text = b.y_title
            except (ValueError, AttributeError):
                pass
        return frame

    def add_code(self, b: m.CodeBlock, box: Rect, scale: float):
        from pygments.lexers import TextLexer, get_lexer_by_name
        from pygments.util import ClassNotFound

        pt = code_pt(b, box.w, self.scale) * min(1.0, scale + 0.2)
        lines = b.code.count("\n") + 1
        h = min(box.h, int(lines * pt * 1.25 * EMU_PER_PT) + int(0.2 * EMU_PER_IN))
        tb = self.slide.shapes.add_textbox(box.x, box.y, box.w, h)
        tb.fill.solid()
        tb.fill.fore_color.rgb = RGBColor(0xF6, 0xF8, 0xFA)
        tf = tb.text_frame
        tf.word_wrap = False
        tf.auto_size = None
        try:
            lexer = get_lexer_by_name(b.language) if b.language else TextLexer()
        except ClassNotFound:
            lexer = TextLexer()
        style = code_style()
        tf.text = ""
        p = tf.paragraphs[0]
        for ttype, value in lexer.get_tokens(b.code):
            parts = value.split("\n")
            for k, part in enumerate(parts):
                if k > 0:
                    p = tf.add_paragraph()
                if not part:
                    continue
                run = p.add_run()
                run.text = part
                run.font.name = self.fonts.get("mono", "DejaVu Sans Mono")
                run.font.size = Pt(pt)
                st = token_style(style, ttype)
                if st.get("color"):
                    run.font.color.rgb = RGBColor.from_string(st["color"].upper())
                if st.get("bold"):
                    run.font.bold = True
                if st.get("italic"):
                    run.font.italic = True
        # drop the trailing empty paragraph pygments' final newline makes
        if len(tf.paragraphs) > 1 and not tf.paragraphs[-1].runs:
            tf._txBody.remove(tf.paragraphs[-1]._p)
        for para in tf.paragraphs:
            para.space_before = Pt(0)
            pPr = para._p.get_or_add_pPr()
            etree.SubElement(pPr, qn("a:buNone"))
        return tb

    def add_math(self, b: m.MathBlock, box: Rect):
        from ..mathrender import tex_to_svg

        svg = tex_to_svg(b.tex, display=True)
        if svg is None:
            self.diags.warning(f"math '{b.tex[:40]}' could not be typeset; shown as TeX", b.pos, "math")
            tb = self.slide.shapes.add_textbox(box.x, box.y, box.w, int(EMU_PER_IN * 0.6))
            tb.text_frame.text = b.tex
            return tb
        import cairosvg

        png = cairosvg.svg2png(bytestring=svg.encode(), scale=4)
        from PIL import Image as PILImage

        with PILImage.open(io.BytesIO(png)) as im:
            pw, ph = im.size
        h = min(int(ph / 4 / 72 * EMU_PER_IN * 1.6 * self.scale), box.h)
        w = int(h * pw / ph)
        if w > box.w:
            w, h = box.w, int(box.w * ph / pw)
        pic = self.slide.shapes.add_picture(io.BytesIO(png), box.x + (box.w - w) // 2, box.y, w, h)
        pic._element.nvPicPr.cNvPr.set("descr", b.tex)
        return pic

    def place_footnotes(self, plan: SlidePlan, bodies, area: Rect) -> int:
        """Put the footnotes at the foot of the body area; return the y the body must stay above."""
        rects = [self.rect(ph) for ph in bodies]
        bottom = max((r.bottom for r in rects), default=area.bottom)
        width = max((r.w for r in rects), default=area.w)
        left = min((r.x for r in rects), default=area.x)
        h = text_height(plan.footnotes, width, self.scale)
        tb = self.slide.shapes.add_textbox(left, bottom - h, width, h)
        tb.name = "Footnotes"
        self.fill_paras(tb.text_frame, plan.footnotes, 1.0, explicit=True)
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
                    from pptx.text.text import TextFrame

                    TextFrame(txBody, None).text = self.footer_text
            elif t == PP_PLACEHOLDER.SLIDE_NUMBER:
                _ensure_slide_number_field(el, self.plan.number)


# --------------------------------------------------------------------------- helpers


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


def rect_of(shape) -> Rect:
    return Rect(int(shape.left), int(shape.top), int(shape.width), int(shape.height))


def split_columns(rect: Rect, widths: list[float]) -> list[Rect]:
    """Split ``rect`` horizontally by relative ``widths`` with a gutter between columns."""
    n = max(len(widths), 1)
    gutter = int(0.3 * EMU_PER_IN)
    usable = rect.w - gutter * (n - 1)
    total = sum(widths) or 1.0
    x = rect.x
    out = []
    for w in widths:
        cw = int(usable * w / total)
        out.append(Rect(x, rect.y, cw, rect.h))
        x += cw + gutter
    return out


def _elastic(c) -> bool:
    """True for chunks that can shrink to fit: pictures, charts, and columns holding one."""
    if isinstance(c, ColumnsChunk):
        return any(_elastic(x) for chunks, _ in c.columns for x in chunks)
    return isinstance(c, ObjectChunk) and isinstance(c.block, (m.Image, m.Chart))


def text_height(paras, width: int, scale: float) -> int:
    """Return the approximate height of ``paras`` in a box ``width`` wide (EMU)."""
    total = 0.0
    for p in paras:
        pt = BODY_PT[min(p.level, len(BODY_PT) - 1)] * scale * (0.7 if p.style == "caption" else 1.0)
        indent = (p.level + (1 if p.bullet != "none" else 0)) * 0.35 * EMU_PER_IN
        usable = max(width - indent - 0.2 * EMU_PER_IN, EMU_PER_IN)
        chars = sum(len(r.text) for r in p.runs) or 1
        per_line = max(usable / (pt * 0.5 * EMU_PER_PT), 8)
        lines = sum(max(1, math.ceil(len(seg) / per_line)) for seg in "".join(r.text for r in p.runs).split("\v")) \
            if chars else 1
        total += lines * pt * 1.2 * EMU_PER_PT + pt * 0.5 * EMU_PER_PT
    return int(total + 0.1 * EMU_PER_IN)


def table_pt(b: m.Table, width: int, scale: float) -> float:
    rows = len(b.rows) + 1
    longest = max((len(m.plain_text(c.content)) for r in (b.header, *b.rows) for c in r), default=10)
    pt = 20 * scale
    if rows > 6:
        pt = max(12 * scale, pt - (rows - 6) * 1.2)
    # cells of very long text read better smaller
    if longest > 60:
        pt = max(12 * scale, pt - 4)
    return max(pt, 10)


def code_pt(b: m.CodeBlock, width: int, scale: float) -> float:
    lines = b.code.split("\n")
    longest = max((len(line.expandtabs(4)) for line in lines), default=1) or 1
    by_width = (width - 0.2 * EMU_PER_IN) / EMU_PER_PT / (longest * 0.6)
    by_lines = 18 * scale if len(lines) <= 12 else max(10.0, 18 * scale - (len(lines) - 12) * 0.5)
    return max(min(by_width, by_lines, 20 * scale), 8)


def token_style(style, ttype) -> dict:
    """Return Pygments' style for ``ttype``, falling back to its parents for types a style lacks."""
    while ttype is not None:
        try:
            return style.style_for_token(ttype)
        except KeyError:
            ttype = ttype.parent
    return {}


def code_style():
    from pygments.styles import get_style_by_name

    return get_style_by_name("friendly")


def series_colours(palette: dict[str, str], n: int) -> list[str]:
    base = [palette["primary"], palette["accent"], palette["muted"], palette.get("light", "#DCE8F4"),
            "#2E8B57", "#8B3A62"]
    return base * (n // len(base) + 1)


def image_pixels(path: str) -> tuple[int, int]:
    if path.lower().endswith(".svg"):
        return svg_size(path)
    from PIL import Image as PILImage

    with PILImage.open(path) as im:
        return im.size


def svg_size(path: str) -> tuple[int, int]:
    """Return an SVG's (width, height) in CSS pixels from its attributes or viewBox."""
    import re

    head = Path(path).read_bytes()[:4096].decode("utf-8", "replace")
    svg = re.search(r"<svg\b[^>]*>", head, re.S)
    tag = svg.group(0) if svg else ""

    def num(attr):
        mt = re.search(rf'\b{attr}\s*=\s*"([0-9.]+)(px)?"', tag)
        return float(mt.group(1)) if mt else None

    w, h = num("width"), num("height")
    if not (w and h):
        vb = re.search(r'viewBox\s*=\s*"[-0-9.]+[ ,]+[-0-9.]+[ ,]+([0-9.]+)[ ,]+([0-9.]+)"', tag)
        if vb:
            w, h = float(vb.group(1)), float(vb.group(2))
    return (int(w or 400), int(h or 300))


def length_emu(length: m.Length, reference: int) -> int:
    units = {"in": EMU_PER_IN, "cm": EMU_PER_IN / 2.54, "mm": EMU_PER_IN / 25.4, "pt": EMU_PER_PT,
             "px": EMU_PER_IN / 96, "em": 12 * EMU_PER_PT}
    if length.unit == "%":
        return int(reference * length.value / 100)
    return int(length.value * units.get(length.unit, EMU_PER_IN / 96))


def _has_cjk(text: str) -> bool:
    return any("\u3000" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff" or "\uff00" <= ch <= "\uffef"
               for ch in text)


# --------------------------------------------------------------------------- builds (animations)

_P = "http://schemas.openxmlformats.org/presentationml/2006/main"


def write_timing(slide, anim: list[tuple[int, int, int | None]]) -> None:
    """Write appear-on-click builds: one click per step, every target of a step appearing together."""
    steps: dict[int, list[tuple[int, int | None]]] = {}
    for step, spid, para in anim:
        steps.setdefault(step, []).append((spid, para))
    ids = iter(range(3, 100000))
    clicks = []
    for step in sorted(steps):
        effects = []
        for k, (spid, para) in enumerate(steps[step]):
            tgt = f'<p:spTgt spid="{spid}"/>' if para is None else (
                f'<p:spTgt spid="{spid}"><p:txEl><p:pRg st="{para}" end="{para}"/></p:txEl></p:spTgt>')
            node = "clickEffect" if k == 0 else "withEffect"
            effects.append(
                f'<p:par><p:cTn id="{next(ids)}" presetID="1" presetClass="entr" presetSubtype="0" fill="hold" '
                f'grpId="0" nodeType="{node}"><p:stCondLst><p:cond delay="0"/></p:stCondLst><p:childTnLst>'
                f'<p:set><p:cBhvr><p:cTn id="{next(ids)}" dur="1" fill="hold"><p:stCondLst><p:cond delay="0"/>'
                f'</p:stCondLst></p:cTn><p:tgtEl>{tgt}</p:tgtEl><p:attrNameLst><p:attrName>style.visibility'
                f'</p:attrName></p:attrNameLst></p:cBhvr><p:to><p:strVal val="visible"/></p:to></p:set>'
                f'</p:childTnLst></p:cTn></p:par>')
        clicks.append(
            f'<p:par><p:cTn id="{next(ids)}" fill="hold"><p:stCondLst><p:cond delay="indefinite"/></p:stCondLst>'
            f'<p:childTnLst><p:par><p:cTn id="{next(ids)}" fill="hold"><p:stCondLst><p:cond delay="0"/>'
            f'</p:stCondLst><p:childTnLst>{"".join(effects)}</p:childTnLst></p:cTn></p:par></p:childTnLst>'
            f'</p:cTn></p:par>')
    text_shapes = {spid for _, spid, para in anim if para is not None}
    bld = "".join(f'<p:bldP spid="{spid}" grpId="0" build="p"/>' for spid in sorted(text_shapes))
    xml = (f'<p:timing xmlns:p="{_P}"><p:tnLst><p:par><p:cTn id="1" dur="indefinite" restart="never" '
           f'nodeType="tmRoot"><p:childTnLst><p:seq concurrent="1" nextAc="seek"><p:cTn id="2" dur="indefinite" '
           f'nodeType="mainSeq"><p:childTnLst>{"".join(clicks)}</p:childTnLst></p:cTn><p:prevCondLst>'
           f'<p:cond evt="onPrev" delay="0"><p:tgtEl><p:sldTgt/></p:tgtEl></p:cond></p:prevCondLst>'
           f'<p:nextCondLst><p:cond evt="onNext" delay="0"><p:tgtEl><p:sldTgt/></p:tgtEl></p:cond>'
           f'</p:nextCondLst></p:seq></p:childTnLst></p:cTn></p:par></p:tnLst>'
           + (f"<p:bldLst>{bld}</p:bldLst>" if bld else "") + "</p:timing>")
    timing = etree.fromstring(xml)
    sld = slide._element
    ext = sld.find(qn("p:extLst"))
    if ext is not None:
        ext.addprevious(timing)
    else:
        sld.append(timing)


# --------------------------------------------------------------------------- entry point


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
    from ..atomic import write_atomic

    write_atomic(out, buf.getvalue())
