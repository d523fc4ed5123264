"""Colours the lecture gave its words, kept only where they can be read.

A colour is written for the background the lecturer drew on: ``\\textcolor{white}{…}`` in a beamer deck
with a dark canvas, ``[x]{style="color: white"}`` for a dark reveal.js theme.  Podium draws on its
template's backgrounds instead, so a colour whose WCAG contrast ratio with the background its words
are drawn on is below :data:`LEAST` (white on a white slide, LaTeX's bright ``green`` or ``yellow``) is
changed there: a colour with a hue (green, yellow, cyan) to a shade of it that reads (a contrast of
:data:`SHADE`: darker on a light background, lighter on a dark one), so the words keep their emphasis;
one without (white, a pale grey) left out, the words taking the text colour.  On the slide, the background of the layout the slide is drawn on (the deck and its
drawings read the same plan); in the handout's own text (speaker notes, handout and instructor text,
footnotes, a slide's text set as prose), the page.  One warning per lecture names the first.
"""

from __future__ import annotations

import colorsys
import re
from dataclasses import dataclass, field, replace

from .. import model as m
from ..diagnostics import Diagnostics
from ..handout.decklook import deck_look
from ..template_folders import Template
from .plan import ColumnsChunk, ObjectChunk, Para, Run, SlidePlan, TextChunk

# the contrast ratio (WCAG 2: 1 to 21) below which coloured words count as unreadable: well under WCAG's 3:1
# for large text, where a pastel tint is all but gone on a projector (CSS's `pink` on white, 1.54:1, `skyblue`
# 1.74:1), while a bright colour a lecturer picks to stand out still reads (CSS's `orange`, 1.97:1)
LEAST = 1.8
SHADE = 3.0  # the contrast a colour with a hue is shaded to (WCAG's for large text)
LINK = 4.5  # the contrast a link is drawn with where the theme's link colour has less than SHADE (WCAG AA)
CODE = "colour-contrast"


def luminance(colour: str) -> float | None:
    """The WCAG relative luminance of a ``#RRGGBB`` (or ``#RGB``) colour; None for any other form."""
    mt = re.fullmatch(r"#?([0-9a-fA-F]{6}|[0-9a-fA-F]{3})", (colour or "").strip())
    if not mt:
        return None
    h = mt.group(1)
    if len(h) == 3:
        h = "".join(ch * 2 for ch in h)
    channels = [int(h[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    r, g, b = (c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float | None:
    """The WCAG contrast ratio of two colours (1 to 21); None when either is not ``#RRGGBB``."""
    la, lb = luminance(a), luminance(b)
    if la is None or lb is None:
        return None
    return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)


def readable(colour: str, background: str) -> bool:
    """Whether words in ``colour`` can be read on ``background`` (True when either is unknown: a
    picture background, a colour given in a form this cannot judge)."""
    ratio = contrast(colour, background)
    return ratio is None or ratio >= LEAST


def shade(colour: str, background: str, least: float = SHADE) -> str:
    """A shade of ``colour``'s hue (its hue and saturation, another lightness) with a contrast of
    ``least`` (:data:`SHADE`) on ``background``, the nearest to it; "" when ``colour`` has no hue to keep
    (white, greys, a pale tint) or no shade reads."""
    mt = re.fullmatch(r"#?([0-9a-fA-F]{6})", (colour or "").strip())
    back = luminance(background)
    if not mt or back is None:
        return ""
    h = mt.group(1)
    hue, light, saturation = colorsys.rgb_to_hls(*(int(h[i : i + 2], 16) / 255 for i in (0, 2, 4)))
    if saturation < 0.3 or not 0.05 < light < 0.93:
        return ""

    def at(lightness: float) -> str:
        r, g, b = colorsys.hls_to_rgb(hue, lightness, saturation)
        return f"#{round(r * 255):02X}{round(g * 255):02X}{round(b * 255):02X}"

    near, far = (light, 0.0) if back > 0.18 else (light, 1.0)  # (darker on a light background)
    if (contrast(at(far), background) or 0) < least:
        return ""
    for _ in range(20):  # (the lightness nearest the colour's own that reads)
        mid = (near + far) / 2
        if (contrast(at(mid), background) or 0) >= least:
            far = mid
        else:
            near = mid
    return at(far)


@dataclass
class _Found:
    """The unreadable colours met, in order: (colour, background, where, position, the colour drawn:
    a shade of it, or "" for the text colour)."""

    items: list[tuple[str, str, str, m.SourcePos, str]] = field(default_factory=list)


def link_colour(link: str, background: str) -> str:
    """The colour a link is drawn in on ``background``: "" (the theme's link colour, ``link``) where it
    reads (a contrast of :data:`SHADE`), else a shade of it with a contrast of :data:`LINK` (a lighter blue
    on a dark section slide), or black or white, whichever reads better, for a link colour with no hue."""
    if (contrast(link, background) or SHADE) >= SHADE:
        return ""
    return shade(link, background, LINK) or max(
        ("#FFFFFF", "#000000"), key=lambda c: contrast(c, background) or 0
    )


class _Legible:
    """Clears, in one slide's runs and IR nodes, the colours unreadable on one background; gives a link
    with no colour of its own ``link`` (:func:`link_colour`), where it is given."""

    def __init__(self, background: str, where: str, pos: m.SourcePos, found: _Found | None, link: str = ""):
        self.background, self.where, self.pos, self.found = background, where, pos, found
        self.link = link

    def drawn(self, colour: str, pos: m.SourcePos | None = None) -> str:
        """The colour words given ``colour`` are drawn in here: it, a shade of it that reads, or ""."""
        if not colour or readable(colour, self.background):
            return colour
        instead = shade(colour, self.background)
        if self.found is not None:
            where = pos or self.pos
            self.found.items.append((colour.upper(), self.background.upper(), self.where, where, instead))
        return instead

    def runs(self, runs) -> tuple[Run, ...]:
        return tuple(r if r.colour == (c := self.run_colour(r)) else replace(r, colour=c) for r in runs)

    def run_colour(self, r: Run) -> str:
        return self.link if r.link and not r.colour and self.link else self.drawn(r.colour)

    def paras(self, paras) -> list[Para]:
        return [replace(p, runs=self.runs(p.runs)) for p in paras]

    def chunk(self, c):
        if isinstance(c, TextChunk):
            return replace(c, paras=tuple(self.paras(c.paras)))
        if isinstance(c, ColumnsChunk):
            return replace(c, columns=tuple((tuple(self.chunk(x) for x in cc), w) for cc, w in c.columns))
        if isinstance(c, ObjectChunk) and not isinstance(c.block, m.Image | m.Chart):
            return replace(c, block=self.node(c.block))
        return c

    def node(self, node):
        """``node`` (a block or an inline) with its unreadable colours left out."""
        at = self.line_of_first(node)

        def fn(x):
            if isinstance(x, m.Span) and x.colour and (c := self.drawn(x.colour, at)) != x.colour:
                return replace(x, colour=c)
            return x

        return m.transform(node, fn)

    def line_of_first(self, node) -> m.SourcePos | None:
        """The position of the innermost block around ``node``'s first unreadable span."""
        at = None
        for x in m.walk(node):
            pos = getattr(x, "pos", None)
            if isinstance(pos, m.SourcePos):
                at = pos
            if isinstance(x, m.Span) and x.colour and not readable(x.colour, self.background):
                return at
        return None

    def blocks(self, blocks) -> tuple:
        return tuple(self.node(b) for b in blocks)


def _background(look, plan: SlidePlan) -> str:
    """The colour of the background ``plan`` is drawn on ("" for a picture: it is not judged)."""
    lay = look.layout(plan.kind)
    return "" if lay.background_image else lay.background or look.master.background


def _name(colour: str) -> str:
    return {"#FFFFFF": "white", "#000000": "black"}.get(colour, colour)


def legible_plans(plans: list[SlidePlan], template: Template, diags: Diagnostics) -> list[SlidePlan]:
    """Return ``plans`` with every colour the lecture gave words that is unreadable where they are drawn
    left out (the slide's layout background; the handout's page for its notes, handout text and
    footnotes), and one warning for the lecture naming the first."""
    look = deck_look(template)
    page = template.palette.get("background", "#FFFFFF")
    found = _Found()
    done: dict[int, m.Slide] = {}  # (a slide's parts share its source: changed once)
    out = []
    for plan in plans:
        on_slide = _Legible(_background(look, plan), "background", plan.pos, found)
        s = plan.source
        if s is not None and id(s) not in done:
            on_page = _Legible(page, "handout page", plan.pos, found)
            title = on_slide.node(m.Paragraph(s.title, s.pos)).content if s.title else s.title
            body = on_slide.blocks(s.body) if plan.part <= 1 else s.body
            done[id(s)] = replace(
                s,
                title=title,
                body=body,
                notes=on_page.blocks(s.notes),
                handout=on_page.blocks(s.handout),
                instructor=on_page.blocks(s.instructor),
                footnotes=tuple(replace(f, blocks=on_page.blocks(f.blocks)) for f in s.footnotes),
            )
        # (the source said it already; a link reads there, in Podium's colour where the theme's does not)
        link = link_colour(look.link_color, on_slide.background)
        quiet = _Legible(on_slide.background, "", plan.pos, None, link)
        out.append(
            replace(
                plan,
                title=quiet.runs(plan.title),
                chunks=[quiet.chunk(c) for c in plan.chunks],
                subtitle=quiet.paras(plan.subtitle),
                footnotes=quiet.paras(plan.footnotes),
                source=done[id(s)] if s is not None else None,
            )
        )
    _warn(found, diags)
    return out


def page_chunks(chunks, page: str) -> list:
    """``chunks`` as the handout sets them as prose on its page: colours unreadable there left out (a
    section slide's white title is kept on its dark slide, not on the page)."""
    quiet = _Legible(page, "", m.SourcePos("", 0), None)
    return [quiet.chunk(c) for c in chunks]


def page_runs(runs, page: str) -> tuple[Run, ...]:
    """``runs`` (a title) as the handout sets them on its page: colours unreadable there left out."""
    return _Legible(page, "", m.SourcePos("", 0), None).runs(runs)


def _warn(found: _Found, diags: Diagnostics) -> None:
    if not found.items or any(d.code == CODE for d in diags.items):  # (one per lecture, every variant)
        return
    colour, background, where, pos, instead = found.items[0]
    n = len(found.items)
    others = sorted({c for c, *_ in found.items} - {colour})
    also = f", also {', '.join(others)}" if others else ""
    lighter = (luminance(instead) or 0) > (luminance(colour) or 0)
    how = f"a {'lighter' if lighter else 'darker'} shade of it, {instead}" if instead else "the text colour"
    diags.warning(
        f"text coloured {colour} is unreadable on this template's {_name(background)} {where}; drawn in "
        f"{how}" + (f" ({n} places in all{also}; a colour with no hue in the text colour)" if n > 1 else ""),
        pos,
        CODE,
    )


__all__ = [
    "LEAST",
    "SHADE",
    "contrast",
    "legible_plans",
    "luminance",
    "page_chunks",
    "page_runs",
    "readable",
    "shade",
]
