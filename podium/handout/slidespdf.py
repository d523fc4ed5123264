"""The slides PDF: one slide a page at the slide's size, drawn from the deck's plan with the deck's look.

Each page is the template deck's layout for the plan's kind (background, design shapes, logo,
title and body boxes from :mod:`podium.handout.decklook`) with the plan's title and chunks in
it, the footer text and the slide number where the master puts them.  The body's type size is
chosen so that its text fits the body box (the same sizes the deck uses as a start: the master's
body size, shrunk in steps).  This is the file lecturers upload to a learning platform, so it is
the student version unless the instructor's is asked for, tagged (PDF/UA-1) like the handout.
"""

from __future__ import annotations

import base64
import html as _html
import io
from collections.abc import Mapping
from dataclasses import replace
from functools import lru_cache
from pathlib import Path

from PIL import Image, ImageColor, ImageDraw

from .. import model as m
from ..alttext import missing_text
from ..deck.fonts import code_ratio
from ..deck.measure import FOOTNOTE_EM, MONO, wide_characters
from ..deck.placement import placed_box
from ..deck.plan import (
    ColumnsChunk,
    LayoutKind,
    ObjectChunk,
    SlidePlan,
    TextChunk,
    TypeSizes,
    footer_text,
    slide_footer,
)
from ..diagnostics import Diagnostics
from ..labels import labels_for, untitled_name
from ..quarto import CALLOUT_COLOURS
from ..template_folders import Template
from .decklook import (
    Box,
    DeckLook,
    LayoutLook,
    deck_look,
    font_stack,
    furniture,
    is_dark,
    logo_box,
    logo_corner,
    logo_path,
    picture_aspect,
)
from .drawfit import AT_ATTR, FIT_ATTR, body_key
from .nodehtml import HtmlRenderer
from .planhtml import chunks_html, runs_html

EMU_PER_PT = 12700


@lru_cache(maxsize=16)
def bullet_png(colour: str, shape: str) -> str:
    """A bullet of the deck's accent colour as a ``data:`` PNG: a disc, or the dash of a nested list.

    Drawn as the list item's background, not as a ``::marker``: WeasyPrint lays every marker out as a
    box of its own, an eighth of a slide drawing's cost (bench/README.md), while one picture is
    decoded once and placed wherever it is used.
    """
    rgb = ImageColor.getrgb(colour)[:3]  # any colour CSS and the theme accept (#RGB, #RRGGBB, names)
    big = (256, 256) if shape == "disc" else (640, 102)
    im = Image.new("RGBA", big, (*rgb, 0))
    draw = ImageDraw.Draw(im)
    if shape == "disc":
        draw.ellipse((8, 8, 247, 247), fill=(*rgb, 255))
    else:
        draw.rectangle((0, 0, 639, 101), fill=(*rgb, 255))
    small = im.resize((big[0] // 4, big[1] // 4), Image.Resampling.LANCZOS)
    buf = io.BytesIO()
    small.save(buf, "PNG", optimize=True)
    return "data:image/png;base64," + base64.b64encode(buf.getvalue()).decode("ascii")


def esc(text: str) -> str:
    return _html.escape(text, quote=True)


def _text_chars(chunks) -> tuple[int, int]:
    """Return (characters, paragraphs) of the text in ``chunks`` (objects count as a few lines)."""
    chars = paras = 0
    for c in chunks:
        if isinstance(c, TextChunk):
            for p in c.paras:
                chars += sum(len(r.text) + wide_characters(r.text) for r in p.runs) + 4 * p.level
                paras += 1
        elif isinstance(c, ColumnsChunk):
            for sub, w in c.columns:
                a, b = _text_chars(sub)
                chars += int(a * w)  # a column's lines are shorter
                paras += b
    return chars, paras


def _objects(chunks) -> list:
    out = []
    for c in chunks:
        if isinstance(c, ObjectChunk):
            out.append(c.block)
        elif isinstance(c, ColumnsChunk):
            for sub, _ in c.columns:
                out += _objects(sub)
    return out


def title_lines_html(
    plan: SlidePlan,
    lay: LayoutLook,
    lecture: m.Lecture,
    size_pt: tuple[float, float],
    rtl: bool,
    fit: Mapping[str, float] | None,
) -> str:
    """Return the title slide's lines under its title (subtitle, authors, institute, date) in the
    subtitle's box of ``lay``, at the size the fitter set in the deck (``plan.levels``), measured
    after layout as a body is (:mod:`podium.handout.drawfit`); ``size_pt``: the slide's (w, h)."""
    tbox = lay.title or Box(0.05, 0.05, 0.9, 0.15)
    align = lay.title_align or "left"
    if rtl and align == "left":  # the deck's paragraphs start at the right (podium.deck.direction)
        align = "right"
    sbox = lay.subtitle or (lay.bodies[0] if lay.bodies else Box(tbox.x, tbox.y + tbox.h + 0.03, tbox.w, 0.3))
    sub = "".join(
        f'<p class="{"subtitle" if k == 0 and lecture.meta.subtitle else "byline"}">{runs_html(p.runs)}</p>'
        for k, p in enumerate(plan.subtitle)
    )
    dark = " on-dark" if is_dark(lay.background) else ""
    if plan.levels:  # the size the fitter measured and the deck writes
        fs = plan.levels[0][0]
    else:  # (a plan the fitter did not see) as many lines as the box holds: the size that fits them
        texts = ["".join(r.text for r in p.runs) for p in plan.subtitle]
        lines = sum(1 + t.count("\v") + len(t) * 10 // max(int(sbox.w * size_pt[0]), 1) for t in texts)
        fs = max(9.0, min(20.0, sbox.h * size_pt[1] / (max(lines, 1) * 1.4 + 0.6)))
    key = body_key("title-slide", sub, sbox.css(), fs)
    f = (fit or {}).get(key, 1.0)  # measured too full in an earlier layout: drawn smaller
    at = esc(f"{plan.pos.path}:{plan.pos.line}" if plan.pos else "")
    return (
        f'<div class="ph sub{dark}" {FIT_ATTR}="{key}" {AT_ATTR}="{at}" '
        f'style="{sbox.css()};text-align:{align};font-size:{fs * f:.1f}pt">{sub}</div>'
    )


def slide_html(
    plan: SlidePlan,
    look: DeckLook,
    r: HtmlRenderer,
    lecture: m.Lecture,
    logo: str,
    footer: str,
    labels: dict,
    heading: str | None = None,
    standalone: bool = True,
    position: int | None = None,
    fit: Mapping[str, float] | None = None,
) -> str:
    """Return one slide drawn as the deck lays it out, in points of the slide's own size.

    ``fit``: the factor each body's type is scaled by, by :func:`podium.handout.drawfit.body_key`
    (measured in an earlier layout of the drawing: :mod:`podium.handout.drawfit`).

    ``position``: its place in the deck, which the deck's slide-number field shows (continuation
    parts count); the plan's number when not given.

    ``standalone``: a page of the slides PDF (with its bookmark and id); otherwise a twin inside the
    handout, whose title is a ``heading`` element (or a paragraph) and which makes no bookmark.
    """
    kind = str(plan.kind)
    lay = look.layout(plan.kind)
    if any(sh.src for sh in lay.shapes):
        logo = ""  # the design carries its own picture
    w_pt, h_pt = look.width / EMU_PER_PT, look.height / EMU_PER_PT
    # Everything the same on every slide of a layout (background, design shapes, the boxes of title,
    # body, footer and number, the title's type) is in the stylesheet once (kind_css), so a slide is
    # a handful of plain blocks: no inline styles to parse, no flexbox for WeasyPrint to lay out twice.
    title = runs_html(plan.title, lambda tex: r.math(tex, display=False))
    if kind == "title" and not title:
        title = esc(lecture.meta.title)
    number = position or plan.number  # the deck's numbering: continuation parts count
    plain = "".join(x.text for x in plan.title).replace("\v", " ").strip()  # (\v: a line break in a title)
    named = untitled_name(labels, number, plan.part, plan.opening_heading)
    bookmark = f"{number}. {plain or (lecture.meta.title if kind == 'title' else named)}"
    ident = f' id="{plan.anchor}" data-bookmark="{esc(bookmark)}"' if standalone else ""
    tag = "section" if standalone else "div"
    shapes = "".join(
        f'<div class="deck-shape s{j}" aria-hidden="true"></div>' for j in range(len(lay.shapes))
    )
    rtl = ' dir="rtl"' if lecture.meta.direction is m.Direction.RTL else ""
    parts = [f'<{tag} class="slide kind-{kind}"{ident}{rtl}>', shapes, logo]
    if heading is None:
        heading = "h1" if kind in ("title", "section") else "h2"
    if title:
        # a long title smaller, as the fitter drew it in the deck (SlidePlan.title_scale)
        smaller = f' style="font-size:{plan.title_scale * 100:g}%"' if plan.title_scale < 1.0 else ""
        parts.append(f'<div class="ph title"><{heading}{smaller}>{title}</{heading}></div>')
    if kind == "title":
        parts.append(title_lines_html(plan, lay, lecture, (w_pt, h_pt), bool(rtl), fit))
    elif plan.chunks or plan.footnotes:
        start = min(look.body_size or 24, 28)
        if plan.sizes is not None:  # the fitter shrank the deck's type: never larger than that here
            start = max(min(start, (look.body_size or 24) * plan.sizes.text), 10)
        foot = ""
        if plan.footnotes:
            foot = (
                '<div class="slide-footnotes">'
                + "".join(
                    f"<p>{runs_html(p.runs, lambda tex: r.math(tex, display=False))}</p>"
                    for p in plan.footnotes
                )
                + "</div>"
            )
        if not plan.chunks:  # (only small print: an aside, footnotes, at the foot of the body's box)
            small = body_box(lay)
            if lay.footer is not None:  # (above the footer, as the deck keeps it)
                bottom = min(small.y + small.h, lay.footer.y - 0.01)
                small = Box(small.x, small.y, small.w, max(bottom - small.y, 0.05))
            parts.append(f'<div class="ph body" style="{small.css()};font-size:{start:.1f}pt">{foot}</div>')
        sizes = plan.sizes or TypeSizes()  # code and tables in the deck's points
        groups = body_groups(plan, lay, rtl=bool(rtl)) if plan.chunks else []
        if plan.kind == LayoutKind.BLANK and not plan.title:
            groups = [(untitled_box(look), chunks) for _, chunks in groups]
        for k, (box, chunks) in enumerate(groups):
            body = box or body_box(lay)
            own = start  # a caption's box sets its own type, scaled as the fitter scaled the deck's
            if box is not None and box.size:
                own = max(min(start, box.size * (plan.sizes.text if plan.sizes is not None else 1.0)), 10)
            size = own  # the deck's size (its fitter measured text and objects); drawfit lowers it if need be
            place = f"{box.css()};" if box is not None else ""
            inner = chunks_html(chunks, r, slides=standalone, drawn=True) + (
                foot if k == len(groups) - 1 else ""
            )
            obj_h = body.h * h_pt * (0.55 if _text_chars(chunks)[0] else 0.8)
            key = body_key(inner, place, size, sizes.code, sizes.table, obj_h)
            f = (fit or {}).get(key, 1.0)  # measured too full in an earlier layout: drawn smaller
            parts.append(
                f'<div class="ph body" {FIT_ATTR}="{key}" {AT_ATTR}="{esc(f"{plan.pos.path}:{plan.pos.line}" if plan.pos else "")}" '
                f'style="{place}font-size:{size * f:.1f}pt;{level_css(plan.levels, k)}'
                f"--code-pt:{sizes.code * f:.1f}pt;--table-pt:{sizes.table * f:.1f}pt;"
                f'--obj-h:{obj_h * f:.0f}pt">{inner}</div>'
            )
    for b in plan.placed:  # Quarto's .absolute pictures, where the deck puts them (placement.placed_box)
        x, y, w, h = placed_box(b, look.ratio)
        where = f"left:{x * 100:.2f}%;top:{y * 100:.2f}%;width:{w * 100:.2f}%;height:{h * 100:.2f}%"
        if b.path:
            img = (
                f'<img class="placed" src="{esc(Path(b.path).as_uri())}" alt="{esc(b.alt)}" style="{where}">'
            )
            parts.append(f'<a href="{esc(b.link)}" style="display:contents">{img}</a>' if b.link else img)
        else:
            parts.append(
                f'<div class="placed missing-picture" style="{where}">{esc(missing_text(b.src))}</div>'
            )
    # (beamer's standout frame: no footer and no slide number, as metropolis draws it and the deck does)
    if kind not in ("title",) and not (plan.source is not None and "standout" in plan.source.classes):
        footer = slide_footer(plan, footer)  # (its own `::: footer`, else the deck's)
        if lay.footer and footer:
            parts.append(f'<div class="ph footer">{esc(footer)}</div>')
        if lay.number:
            parts.append(f'<div class="ph number">{position or plan.number}</div>')
    parts.append(f"</{tag}>")
    return "".join(parts)


LEVEL_DEPTHS = 8  # nested list levels drawn at the deck's sizes (deeper ones as the eighth)


def level_css(levels: tuple[tuple[float, ...], ...], k: int) -> str:
    """The sizes of the nested list levels of a slide's ``k``-th body box, as the deck sets them (the
    fitter's :attr:`SlidePlan.levels`): each level's size to the one above (``--lv1``…)."""
    if not levels:
        return ""
    sizes = levels[min(k, len(levels) - 1)]
    return "".join(
        f"--lv{d}:{sizes[d] / sizes[d - 1]:.4f}em;"
        for d in range(1, min(len(sizes), LEVEL_DEPTHS + 1))
        if sizes[d - 1] > 0
    )


def level_rules() -> str:
    """The rules that size a nested list as the deck does (:func:`level_css`; 0.85 of the level above
    where a slide does not say)."""
    return "\n".join(
        f".ph.body {'li ' * d}ul, .ph.body {'li ' * d}ol {{ font-size: var(--lv{d}, 0.85em); }}"
        for d in range(1, LEVEL_DEPTHS + 1)
    )


def body_groups(plan: SlidePlan, lay: LayoutLook, rtl: bool = False) -> list[tuple[Box | None, list]]:
    """The body boxes of a slide and the chunks each holds, as the deck's writer places them: a
    caption layout's first text beside the rest (the fitter's slots: the smaller body box holds the
    caption, the largest the content; mirrored for a right-to-left lecture); otherwise one box for all
    (None: :func:`body_box`, in the stylesheet)."""
    chunks = list(plan.chunks)
    if plan.kind != LayoutKind.CAPTION or len(lay.bodies) < 2:
        return [(None, chunks)]
    content, caption = sorted(lay.bodies, key=lambda b: -b.w * b.h)[:2]
    if rtl:
        left = min(content.x, caption.x)
        right = max(content.x + content.w, caption.x + caption.w)
        content, caption = (replace(b, x=left + right - b.x - b.w) for b in (content, caption))
    return [(box, group) for box, group in ((caption, chunks[:1]), (content, chunks[1:])) if group]


def untitled_box(look: DeckLook) -> Box | None:
    """Where the deck puts an untitled slide's body (podium.deck.fit.UntitledBody): the content
    layout's body box from its title's top; None (the blank layout's own box) without those."""
    content = look.layout(LayoutKind.CONTENT)
    if content.title is None or not content.bodies:
        return None
    body = max(content.bodies, key=lambda b: b.w * b.h)
    top = min(content.title.y, body.y)
    return Box(body.x, top, body.w, body.y + body.h - top)


def body_box(lay: LayoutLook) -> Box:
    """The box that holds a slide's body: all the layout's body placeholders together."""
    tbox = lay.title or Box(0.05, 0.05, 0.9, 0.15)
    boxes = lay.bodies or [Box(tbox.x, tbox.y + tbox.h + 0.02, tbox.w, max(0.2, 0.92 - tbox.y - tbox.h))]
    left, top = min(b.x for b in boxes), min(b.y for b in boxes)
    right, bottom = max(b.x + b.w for b in boxes), max(b.y + b.h for b in boxes)
    return Box(left, top, right - left, bottom - top)


FOOTER_PT = 10.0  # the footer's and slide number's type size (SLIDE_CSS)


def kind_css(look: DeckLook, kind: LayoutKind) -> str:
    """Return the rules every slide of ``kind`` shares: its layout's background, design shapes and boxes."""
    lay = look.layout(kind)
    h_pt = look.height / EMU_PER_PT
    sel = f".slide.kind-{kind.value}"
    bg = f"background-color:{lay.background or '#FFFFFF'}"
    if lay.background_image:
        bg += f";background-image:url('{lay.background_image}');background-size:100% 100%"
    rules = [f"{sel} {{ {bg} }}"]
    for j, s in enumerate(lay.shapes):
        if s.src:  # a picture of the design: drawn from the stylesheet, decoded once for every slide
            style = f"background:url('{s.src}') center / contain no-repeat"
        else:
            style = (f"background:{s.fill};" if s.fill else "") + (
                f"border:{max(s.line_pt, 0.5):.1f}pt solid {s.line};" if s.line else ""
            )
            style += "border-radius:50%" if s.ellipse else ""
        rules.append(f"{sel} .s{j} {{ {s.box.css()};{style.rstrip(';')} }}")
        if not s.src:  # (a right-to-left slide's design mirrored, as in its deck: direction.mirror_design)
            rules.append(f"{sel}[dir=rtl] .s{j} {{ left:{(1 - s.box.x - s.box.w) * 100:.2f}% }}")
    tbox = lay.title or Box(0.05, 0.05, 0.9, 0.15)
    tsize = lay.title_size or look.title_size or 36
    if kind in ("title", "section"):
        tsize = max(tsize, 36)
    tcolor = lay.title_color or look.title_color or "inherit"
    bold = "bold" if lay.title_bold or look.master.title_bold else "normal"
    rules.append(
        f"{sel} .ph.title {{ {tbox.css()};text-align:{lay.title_align or 'left'};color:{tcolor};"
        f"font-size:{tsize:.0f}pt;font-weight:{bold} }}"
    )
    # the title's anchor (top, middle, bottom of its box), without flexbox
    anchor = {"ctr": "top:50%;transform:translateY(-50%)", "b": "bottom:0"}.get(
        lay.title_anchor, "top:0" if lay.title_anchor == "t" else "top:50%;transform:translateY(-50%)"
    )
    rules.append(f"{sel} .ph.title > * {{ position:absolute;left:0;right:0;{anchor} }}")
    rules.append(f"{sel} .ph.body {{ {body_box(lay).css()} }}")
    if kind == LayoutKind.SECTION:  # (a section's line under its title, in its placeholder's look)
        colour = lay.body_color or ("rgba(255,255,255,0.92)" if is_dark(lay.background) else "")
        look_of = {"color": colour, "text-align": lay.body_align, "font-style": "italic" * lay.body_italic}
        said = ";".join(f"{k}:{v}" for k, v in look_of.items() if v)
        if said:
            rules.append(f"{sel} .ph.body {{ {said} }}")
    for name, box in (("footer", lay.footer), ("number", lay.number)):
        if box is not None:  # centred on its box's middle line
            pad = max(0.0, (box.h * h_pt - FOOTER_PT * 1.15) / 2)
            rules.append(f"{sel} .ph.{name} {{ {box.css()};padding-top:{pad:.1f}pt }}")
    return "\n".join(rules)


class SlideDrawer:
    """Draws plans as slides with the template deck's look; shared by the slides PDF and the twins."""

    def __init__(
        self,
        lecture: m.Lecture,
        template: Template,
        diags: Diagnostics,
        fit: Mapping[str, float] | None = None,
    ):
        self.lecture = lecture
        self.fit = fit or {}  # type scaled where an earlier layout found a body too full (drawfit)
        self.template = template
        self.look = deck_look(template)
        self.r = HtmlRenderer(template, diags)
        self.labels = labels_for(lecture.meta.lang, template.theme.labels)
        self.logo = ""
        self.logo_css = ""
        logo = logo_path(template, lecture)
        if logo is not None and not self.look.has_picture:
            box = logo_box(logo_corner(template), self.look.ratio, picture_aspect(logo), furniture(self.look))
            self.logo = f'<img class="theme-logo" src="{esc(logo.as_uri())}" alt="Logo">'
            self.logo_css = f".theme-logo {{ position:absolute;{box.css()};object-fit:contain }}"
        self.footer = footer_text(template.theme.footer, lecture)

    @property
    def size_pt(self) -> tuple[float, float]:
        return self.look.width / EMU_PER_PT, self.look.height / EMU_PER_PT

    def slide(
        self,
        plan: SlidePlan,
        heading: str | None = None,
        standalone: bool = True,
        position: int | None = None,
    ) -> str:
        return slide_html(
            plan,
            self.look,
            self.r,
            self.lecture,
            self.logo,
            self.footer,
            self.labels,
            heading,
            standalone,
            position,
            self.fit,
        )

    def css(self, scope: str = "") -> str:
        """Return the slides' CSS; ``scope`` prefixes every rule (the handout scopes it to its twins)."""
        look, fonts, pal = self.look, self.template.fonts, self.template.palette
        body_font = look.body_font or fonts.get("body", "Calibri")
        title_font = look.title_font or fonts.get("heading", "Calibri")
        w, h = self.size_pt
        rules = SLIDE_CSS.format(
            levels=level_rules(),
            w=w,
            h=h,
            body_font=font_stack(body_font, fonts.get("cjk", "")),
            title_font=font_stack(title_font, fonts.get("cjk", "")),
            mono=esc(fonts.get("mono", MONO)),
            code_em=code_ratio(body_font, fonts.get("mono", MONO)),
            footnote_em=FOOTNOTE_EM,
            cjk=f'"{esc(fonts["cjk"])}", ' if fonts.get("cjk") else "",
            text=look.body_color or pal["text"],
            primary=pal["primary"],
            accent=pal["accent"],
            light=pal.get("light", "#F3F4F6"),
            muted=pal["muted"],
            link=look.link_color,
            disc=bullet_png(pal["accent"], "disc"),
            dash=bullet_png(pal["accent"], "dash"),
        )
        rules += "\n".join([self.logo_css] + [kind_css(look, k) for k in LayoutKind])
        rules += "\n".join(  # a callout's rule in its kind's colour, as the deck draws it (deck/callouts.py)
            f".ph.body .div.{kind} {{ border-left-color: {colour}; }}"
            for kind, colour in CALLOUT_COLOURS.items()
        )
        rules += RTL_CSS.format(accent=pal["accent"])  # after the layouts' rules, which it overrides
        # bullets as list markers (MARKER_CSS): on a right-to-left slide, and in a handout's drawings
        rules += MARKER_CSS if scope else MARKER_CSS.replace(".ph.body", ".slide[dir=rtl] .ph.body")
        if not scope:
            return rules
        out = []
        for rule in rules.split("}"):
            if "{" not in rule:
                continue
            selectors, body = rule.split("{", 1)
            out.append(
                ", ".join(f"{scope} {sel.strip()}" for sel in selectors.split(",")) + " {" + body + "}"
            )
        return "\n".join(out)


SLIDE_CSS = """
.slide {{ position: relative; width: {w:.2f}pt; height: {h:.2f}pt; overflow: hidden; line-height: 1.15;
         font-family: {body_font}; color: {text}; }}
.slide h1, .slide h2, .slide h3, .slide h4 {{ bookmark-level: none; margin: 0; font: inherit; color: inherit; }}
.ph {{ position: absolute; display: block; box-sizing: border-box; overflow-wrap: break-word; }}  /* (a word wider than its box: broken, as the deck breaks it) */  /* (not clipped: WeasyPrint's clip drops
   the marks a line-height-0 line draws above its box, Thai's tone marks; the slide clips, drawfit shrinks) */
.deck-shape {{ position: absolute; box-sizing: border-box; }}
.placed {{ position: absolute; object-fit: contain; }}
.ph.title {{ font-family: {title_font}; line-height: 1.05; overflow: visible; }}
.ph.title p {{ margin: 0; }}
.ph.sub {{ font-size: 20pt; color: {muted}; }}
.ph.sub.on-dark, .ph.sub.on-dark p {{ color: rgba(255,255,255,0.92); }}
.ph.sub p {{ margin: 0 0 0.18em; }}  /* all at the deck's one size, 4 pt apart as the deck's subtitle */
.slide a {{ color: {link}; text-decoration: underline; }}  /* (as the deck draws a link: contrast.py
   gives one on a dark background a colour of its own) */
.ph.sub a {{ color: inherit; text-decoration: none; }}
.ph.body p {{ margin: 0 0 0.35em; }}
.ph.body ul, .ph.body ol {{ margin: 0 0 0.3em; padding-left: 1.1em; }}
.ph.body li {{ margin: 0 0 0.3em; }}
.ph.body li > ul, .ph.body li > ol {{ margin-top: 0.3em; }}  /* (a first sub-item spaced as the next) */
.ph.body .ln {{ line-height: 0; }}  /* lines as high as their paragraph's line height, in any script */
.ph.body li::marker {{ color: {accent}; }}
{levels}
.ph.body ul > li {{ list-style: none; margin-left: -1.1em; padding-left: 1.1em;
                   background: url("{disc}") no-repeat 0.41em 0.35em / 0.36em 0.36em; }}
.ph.body li ul > li {{ background-image: url("{dash}"); background-position: 0.43em 0.53em; background-size: 0.35em 0.07em; }}
.ph.body li.labelled {{ background: none; list-style: none; margin-left: -1.1em; padding-left: 0; }}  /* \\item[a)]: its label where a bullet is */
.ph.body .subhead {{ font-weight: bold; color: {primary}; }}
.ph.body figure {{ margin: 0.2em 0; text-align: center; }}
.ph.body > figure:first-child, .ph.body .column > figure:first-child {{ margin-top: 0; }}
.ph.body img {{ max-width: 100%; max-height: var(--obj-h); height: auto; }}
.ph.body .chart svg {{ height: var(--obj-h); width: 100%; }}
.ph.body .chart {{ margin: 0.2em auto; width: 100%; }}
.ph.body figcaption {{ font-size: 0.6em; color: {muted}; }}
.ph.body .picture-row {{ display: flex; justify-content: space-around; align-items: flex-start; }}
.ph.body .picture-row figure {{ flex: 1 1 0; min-width: 0; }}  /* a cell each, as the deck's grid: captions wrap in it */
.ph.body .picture-row figure.missing {{ flex: 1 1 0; min-width: 0; margin: 0.2em 0.1em; }}
.ph.body table {{ border-collapse: collapse; width: 100%; font-size: var(--table-pt, 0.75em); }}
.ph.body th {{ background: {primary}; color: white; text-align: left; padding: 0.2em 0.4em; }}
.ph.body td {{ padding: 0.2em 0.4em; border-bottom: 0.5pt solid #d0d0d0; background: none; }}
.ph.body caption {{ caption-side: bottom; text-align: center; font-size: 0.8em; color: {muted}; padding-top: 0.3em; }}
.ph.body blockquote {{ margin: 0.3em 0; padding-left: 0.8em; border-left: 0.25em solid {accent}; font-style: italic; }}
.ph.body .attribution {{ font-style: normal; font-size: 0.8em; color: {muted}; text-align: right; }}
.ph.body pre {{ font-size: var(--code-pt, 0.6em); white-space: pre-wrap; overflow-wrap: anywhere; background: #F6F8FA; padding: 0.4em; margin: 0.2em 0; }}
.ph.body code, .ph.body pre {{ font-family: "{mono}", {cjk}monospace; }}  /* (as the deck: its East Asian in the cjk face) */
.ph.body code {{ font-size: {code_em}em; }}  /* inline code's small letters as tall as the text's, as in the deck */
.ph.body pre code {{ font-size: 1em; }}
.ph.body .columns {{ display: flex; gap: 0.8em; }}
.ph.body .column {{ flex: 0 1 auto; min-width: 0; box-sizing: border-box; }}
.ph.body .math-block {{ text-align: center; }}
.ph.body .math-block svg {{ max-width: 100%; height: auto; }}  /* a long equation drawn smaller, as the deck fits it */
.ph.body .div.callout {{ border-left: 0.2em solid {accent}; padding: 0.2em 0.5em; margin: 0.2em 0; background: {light}; }}
.slide-footnotes {{ position: absolute; left: 0; right: 0; bottom: 0; font-size: {footnote_em}em; color: {muted}; border-top: 0.5pt solid #ccc; }}
.ph.footer, .ph.number {{ font-size: 10pt; line-height: 1.15; color: {muted}; }}
.ph.number {{ text-align: right; }}
.blank.gap {{ border-bottom: 1pt solid currentColor; white-space: pre; }}
.smallcaps {{ font-variant: small-caps; }}
mark.blank.answer {{ background: #FFF2A8; color: {accent}; border-bottom: 1pt solid {accent}; }}
.missing-picture {{ border: 1pt dashed {accent}; color: {accent}; padding: 0.5em; box-sizing: border-box;
                    overflow: hidden; overflow-wrap: anywhere; font-size: 0.6em; }}
"""


# a right-to-left slide (podium.deck.direction): text from the right, bullets (list markers, which
# WeasyPrint puts on the right by itself: MARKER_CSS) and rules on the right
RTL_CSS = """
.slide[dir=rtl] {{ direction: rtl; }}
.slide[dir=rtl] .ph.title {{ text-align: right; }}
.slide[dir=rtl] .ph.body ul, .slide[dir=rtl] .ph.body ol {{ padding-left: 0; padding-right: 1.1em; }}
.slide[dir=rtl] .ph.body blockquote {{ padding-left: 0; padding-right: 0.8em; border-left: none;
                                      border-right: 0.25em solid {accent}; }}
.slide[dir=rtl] .ph.body .attribution {{ text-align: left; }}
.slide[dir=rtl] .ph.body th {{ text-align: right; }}
.slide[dir=rtl] .ph.body .div.callout {{ border-left: none; border-right: 0.2em solid {accent};
                                padding-right: 0.5em; }}
.slide[dir=rtl] .ph.body pre, .slide[dir=rtl] .ph.body .math-block {{ direction: ltr; }}
"""


# Bullets as list markers, instead of the pictures behind the list items (SLIDE_CSS): in a handout,
# where many slides are drawn scaled down on one page, WeasyPrint sometimes leaves those pictures
# undrawn (a slide drawn alone shows them), and on a right-to-left slide markers go to the right by
# themselves.  Markers cost WeasyPrint about 5 % more of a handout's work; they are drawn every time.
MARKER_CSS = """
.ph.body ul > li { background: none; list-style: disc; margin-left: 0; padding-left: 0; }
.ph.body li ul > li { background: none; list-style-type: "– "; }
.ph.body li.labelled { list-style: none; }
"""


def render_slides_html(
    lecture: m.Lecture,
    template: Template,
    plans: list[SlidePlan],
    diags: Diagnostics,
    fit: Mapping[str, float] | None = None,
    only: set[int] | None = None,
) -> str:
    """Return the HTML of the slides PDF: one page per plan, the deck's size and look (``fit``: see
    :func:`slide_html`; ``only``: just the pages of these plans, counted from 0)."""
    drawer = SlideDrawer(lecture, template, diags, fit)
    w, h = drawer.size_pt
    meta = lecture.meta
    slides = "\n".join(
        drawer.slide(p, position=k + 1) for k, p in enumerate(plans) if only is None or k in only
    )
    return f"""<!DOCTYPE html>
<html lang="{esc(meta.lang or "en")}"{' dir="rtl"' if meta.direction is m.Direction.RTL else ""}>
<head><meta charset="utf-8"><title>{esc(meta.title or drawer.labels["untitled"])}</title>
<meta name="author" content="{esc(", ".join(a.name for a in meta.authors))}">
<meta name="keywords" content="podium-slides">
<style>
@page {{ size: {w:.2f}pt {h:.2f}pt; margin: 0; }}
body {{ margin: 0; }}
[data-bookmark] {{ bookmark-level: 1; bookmark-label: attr(data-bookmark); }}
section.slide {{ break-after: page; }}
section.slide:last-child {{ break-after: auto; }}
{drawer.css()}
</style></head>
<body>
{slides}
</body>
</html>
"""
