"""Display math on a slide: typeset to SVG and placed as a picture whose alt text is the TeX."""

from __future__ import annotations

import io

from pptx.enum.text import PP_ALIGN
from pptx.util import Emu

from .. import model as m
from ..mathrender import math_points, tex_to_svg
from ..rastercache import svg_to_png
from .canvas import Canvas
from .geometry import EMU_PER_IN, Rect
from .omml import wrap_display_shape

MATH_SCALE = 1.6  # display math is drawn at 1.6 × its 18 pt typesetting (on a 7.5 in tall slide)


def math_natural(tex: str, cv_scale: float) -> tuple[int, int] | None:
    """Return the (w, h) in EMU display math ``tex`` is drawn at when nothing limits it."""
    pts = math_points(tex, True)
    if pts is None:
        return None
    return (
        max(int(pts[0] / 72 * EMU_PER_IN * MATH_SCALE * cv_scale), 1),
        max(int(pts[1] / 72 * EMU_PER_IN * MATH_SCALE * cv_scale), 1),
    )


def tex_listing(b: m.MathBlock) -> m.CodeBlock:
    """Math that cannot be typeset, shown as its TeX: a listing, measured and drawn as code is."""
    return m.CodeBlock(b.tex.strip(), "latex", b.pos)


def math_size(tex: str, width: int, height: int, cv_scale: float) -> tuple[int, int] | None:
    """Return the (w, h) in EMU display math ``tex`` is drawn at in a ``width`` × ``height`` box (its
    aspect kept), or None when it cannot be typeset.  The fitter measures with this, the writer draws."""
    natural = math_natural(tex, cv_scale)
    if natural is None:
        return None
    nw, nh = natural
    h = min(nh, height)
    w = int(h * nw / nh)
    if w > width:
        w, h = width, int(width * nh / nw)
    return w, h


def add_math(cv: Canvas, b: m.MathBlock, box: Rect, code_pt: float = 18.0):
    svg = tex_to_svg(b.tex, display=True)
    drawn = math_size(b.tex, box.w, box.h, cv.scale)
    if svg is None or drawn is None:  # its TeX as a listing, as tall as the fitter measured it (tex_listing)
        from .code import add_code  # noqa: PLC0415 (code measures with podium.deck.measure, which imports this)

        cv.diags.warning(f"math '{b.tex[:40]}' could not be typeset; shown as TeX", b.pos, "math")
        return add_code(cv, tex_listing(b), box, code_pt)
    png = svg_to_png(svg.encode(), scale=4)  # (kept in Podium's cache: a rebuild does not draw it again)
    w, h = drawn
    pic = cv.slide.shapes.add_picture(
        io.BytesIO(png), Emu(box.x + (box.w - w) // 2), Emu(box.y), Emu(w), Emu(h)
    )
    pic._element.nvPicPr.cNvPr.set("descr", b.tex)  # type: ignore[union-attr]  # python-pptx: untyped descriptor
    # Office math PowerPoint can edit, with the picture as the fallback other viewers draw

    natural = (math_natural(b.tex, cv.scale) or drawn)[1]  # the picture's height before fitting
    size = int(18 * 1.6 * cv.scale * min(1.0, h / natural) * 100)  # the same size as the picture, in 1/100 pt
    tb = cv.slide.shapes.add_textbox(Emu(box.x), Emu(box.y), Emu(box.w), Emu(h))
    tb.name = "Equation"
    tb.text_frame.word_wrap = True
    tb.text_frame.paragraphs[0].alignment = PP_ALIGN.CENTER
    tb.text_frame.paragraphs[0].text = " "
    tree = pic._element.getparent()
    wrap_display_shape(tree, tb._element, pic._element, b.tex, max(1000, min(size, 4800)))
    return pic
