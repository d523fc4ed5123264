"""Display math on a slide: typeset to SVG and placed as a picture whose alt text is the TeX."""

from __future__ import annotations

import io

from PIL import Image as PILImage
from pptx.enum.text import PP_ALIGN
from pptx.util import Emu

from .. import model as m
from ..mathrender import tex_to_svg
from .canvas import Canvas
from .geometry import EMU_PER_IN, Rect


def add_math(cv: Canvas, b: m.MathBlock, box: Rect):
    svg = tex_to_svg(b.tex, display=True)
    if svg is None:
        cv.diags.warning(f"math '{b.tex[:40]}' could not be typeset; shown as TeX", b.pos, "math")
        tb = cv.slide.shapes.add_textbox(Emu(box.x), Emu(box.y), Emu(box.w), Emu(int(EMU_PER_IN * 0.6)))
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
    pic = cv.slide.shapes.add_picture(
        io.BytesIO(png), Emu(box.x + (box.w - w) // 2), Emu(box.y), Emu(w), Emu(h)
    )
    pic._element.nvPicPr.cNvPr.set("descr", b.tex)  # type: ignore[union-attr]  # python-pptx: untyped descriptor
    # Office math PowerPoint can edit, with the picture as the fallback other viewers draw
    from .omml import wrap_display_shape

    natural = max(int(ph / 4 / 72 * EMU_PER_IN * 1.6 * cv.scale), 1)  # the picture's height before fitting
    size = int(18 * 1.6 * cv.scale * min(1.0, h / natural) * 100)  # the same size as the picture, in 1/100 pt
    tb = cv.slide.shapes.add_textbox(Emu(box.x), Emu(box.y), Emu(box.w), Emu(h))
    tb.name = "Equation"
    tb.text_frame.word_wrap = True
    tb.text_frame.paragraphs[0].alignment = PP_ALIGN.CENTER
    tb.text_frame.paragraphs[0].text = " "
    tree = pic._element.getparent()
    wrap_display_shape(tree, tb._element, pic._element, b.tex, max(1000, min(size, 4800)))
    return pic
