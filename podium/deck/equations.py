"""Display math on a slide: typeset to SVG and placed as a picture whose alt text is the TeX."""

from __future__ import annotations

import io

from PIL import Image as PILImage

from .. import model as m
from ..mathrender import tex_to_svg
from .canvas import Canvas
from .geometry import EMU_PER_IN, Rect


def add_math(cv: Canvas, b: m.MathBlock, box: Rect):
    svg = tex_to_svg(b.tex, display=True)
    if svg is None:
        cv.diags.warning(f"math '{b.tex[:40]}' could not be typeset; shown as TeX", b.pos, "math")
        tb = cv.slide.shapes.add_textbox(box.x, box.y, box.w, int(EMU_PER_IN * 0.6))
        tb.text_frame.text = b.tex
        return tb
    import cairosvg  # costs 0.3 s to import: only when a deck has math

    png = cairosvg.svg2png(bytestring=svg.encode(), scale=4)
    with PILImage.open(io.BytesIO(png)) as im:
        pw, ph = im.size
    h = min(int(ph / 4 / 72 * EMU_PER_IN * 1.6 * cv.scale), box.h)
    w = int(h * pw / ph)
    if w > box.w:
        w, h = box.w, int(box.w * ph / pw)
    pic = cv.slide.shapes.add_picture(io.BytesIO(png), box.x + (box.w - w) // 2, box.y, w, h)
    pic._element.nvPicPr.cNvPr.set("descr", b.tex)
    return pic
