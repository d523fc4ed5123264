"""Pictures: sized inside a region with their aspect kept, SVG with a PNG fallback, captions."""

from __future__ import annotations

import io
import re
from pathlib import Path

from lxml import etree
from PIL import Image as PILImage
from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.opc.package import Part
from pptx.opc.packuri import PackURI
from pptx.oxml.ns import qn
from pptx.util import Emu, Pt

from .. import model as m
from ..alttext import missing_text
from ..budget import step
from ..rastercache import svg_to_png
from .canvas import Canvas, hex_rgb
from .geometry import EMU_PER_IN, Rect, length_emu
from .plan import Para, ParaStyle
from .plan import runs as to_runs
from .text import fill_paras


def image_size(cv: Canvas, b: m.Image, box: Rect, reference: int | None = None) -> tuple[int, int]:
    """Return the (w, h) of picture ``b`` inside ``box``: size attributes honoured, aspect kept."""
    return natural_size(b, box, cv.slide_w, reference)


def natural_size(b: m.Image, box: Rect, slide_w: int, reference: int | None = None) -> tuple[int, int]:
    """Return the (w, h) of picture ``b`` inside ``box``: size attributes honoured, aspect kept.

    A percentage width is of ``reference`` (the region's width unless given), never more than ``box``.
    """
    reference = reference or box.w
    px_w, px_h = image_pixels(b.path) if b.path else (4, 3)
    aspect = px_h / px_w if px_w else 0.75
    w = None
    if b.width is not None:
        w = length_emu(b.width, slide_w if b.width.unit == "%" else box.w)
        if b.width.unit == "%":
            w = int(reference * b.width.value / 100)
    h = cap = None
    if b.height is not None:  # (a percentage of the region's height only caps the size: aspect kept)
        if b.height.unit == "%":
            cap = int(box.h * b.height.value / 100)
        else:
            h = length_emu(b.height, box.h)
    if w is None:
        if h is not None:
            w = int(h / aspect)
        else:
            w = min(box.w, int(px_w / 96 * EMU_PER_IN * 1.5)) if b.path else box.w
    if h is None:
        h = int(w * aspect)
    if cap and h > cap:
        w, h = int(w * cap / h), cap
    # never off the region: shrink both to keep the aspect ratio
    f = min(1.0, box.w / w if w else 1, (box.h / h) if h and box.h else 1)
    return max(int(w * f), 1), max(int(h * f), 1)


MISSING_PICTURE = "Missing picture"  # the name of the box drawn for a picture that cannot be drawn
LOGO = "Logo"  # the logo's shape name (podium.deck.logo): `check` knows it is no picture of the lecture's


def add_image(
    cv: Canvas,
    b: m.Image,
    box: Rect,
    with_caption: bool = True,
    reference: int | None = None,
    caption_h: int = 0,
    size: tuple[int, int] | None = None,
):
    """Add picture ``b`` centred in ``box`` (its caption, ``caption_h`` tall as measured, below it), at
    ``size`` when the fitter decided it (the size the handout draws too)."""
    cap_h = (caption_h or int(0.45 * EMU_PER_IN * cv.scale)) if (b.caption and with_caption) else 0
    area = Rect(box.x, box.y, box.w, max(box.h - cap_h, int(EMU_PER_IN * 0.5)))  # placement.picture_area
    if b.path is None:
        shape = cv.slide.shapes.add_textbox(
            Emu(area.x), Emu(area.y), Emu(area.w), Emu(min(area.h, int(EMU_PER_IN * 1.2)))
        )
        shape.name = MISSING_PICTURE  # check knows the placeholder by its name
        shape.fill.solid()
        shape.fill.fore_color.rgb = hex_rgb(cv.palette.get("light", "#EEEEEE"))
        shape.text_frame.word_wrap = True
        shape.text_frame.text = f"[{missing_text(b.src)}]"
        shape.text_frame.paragraphs[0].alignment = PP_ALIGN.CENTER
        shape.text_frame.paragraphs[0].runs[0].font.size = Pt(12)
        shape.text_frame.vertical_anchor = MSO_ANCHOR.MIDDLE
        if b.alt:  # (what it shows, for screen readers: a drawing's words under its figure's caption)
            shape._element.nvSpPr.cNvPr.set("descr", b.alt)
        if b.link:  # (the address it would open stays too)
            shape.click_action.hyperlink.address = b.link
        if cap_h:  # the caption's words stay, as under a picture
            add_caption(cv, b.caption, area, area.y + shape.height, cap_h)
        return shape
    w, h = size or image_size(cv, b, area, reference)
    x = area.x + (area.w - w) // 2
    y = area.y + max((area.h - h) // 2, 0) if not cap_h else area.y

    try:
        with step(f"drawing picture '{b.src}'", b.pos):
            if b.path.lower().endswith(".svg"):
                pic = add_svg(cv, b.path, x, y, w, h)
            else:
                pic = cv.slide.shapes.add_picture(_pptx_picture(b.path), Emu(x), Emu(y), Emu(w), Emu(h))
    except Exception as e:  # cairosvg, defusedxml and PIL raise many kinds for a broken file
        why = str(e) if type(e).__name__ == "SvgProblem" else type(e).__name__
        cv.diags.warning(
            f"picture '{b.src}' cannot be drawn ({why}); shown as a placeholder", b.pos, "bad-image"
        )
        return add_image(
            cv,
            m.Image(b.src, None, b.caption, b.alt, b.pos, b.width, b.height, link=b.link),
            box,
            with_caption,
            reference,
            caption_h,
        )
    pic._element.nvPicPr.cNvPr.set("descr", b.alt or "")
    if b.link:  # a picture wrapped in a link: a click opens it, as pandoc's pptx writer draws it
        pic.click_action.hyperlink.address = b.link
    if cap_h:
        add_caption(cv, b.caption, area, y + h, cap_h)
    return pic


# the picture formats a deck holds as they are (python-pptx's; PowerPoint draws each)
_DECK_FORMATS = (".png", ".jpg", ".jpeg", ".jpe", ".gif", ".bmp", ".tif", ".tiff", ".wmf", ".emf")


def converted_picture(path: str) -> bytes | None:
    """The picture as PNG where it is in a format a deck cannot hold (WebP, which web pages and Quarto
    decks use and Pillow reads); None where the deck holds the file as it is."""
    if path.lower().endswith((*_DECK_FORMATS, ".svg")):
        return None
    with PILImage.open(path) as im:
        if im.format in ("PNG", "JPEG", "GIF", "BMP", "TIFF"):
            return None  # (a picture named otherwise: python-pptx reads its kind from its bytes)
        keep_alpha = im.mode in ("RGBA", "LA", "P", "PA") or "transparency" in im.info
        out = io.BytesIO()
        im.convert("RGBA" if keep_alpha else "RGB").save(out, "PNG")
    return out.getvalue()


def _pptx_picture(path: str) -> str | io.BytesIO:
    """``path``, or its picture converted for the deck (:func:`converted_picture`)."""
    png = converted_picture(path)
    return path if png is None else io.BytesIO(png)


def add_caption(cv: Canvas, caption: m.Inlines, area: Rect, top: int, cap_h: int) -> None:
    """Add a picture's or table's ``caption``, centred across ``area``, just below ``top`` (its lower edge)."""
    tb = cv.slide.shapes.add_textbox(Emu(area.x), Emu(top + int(0.05 * EMU_PER_IN)), Emu(area.w), Emu(cap_h))
    fill_paras(
        cv,
        tb.text_frame,
        [Para(tuple(to_runs(caption)), align=m.Align.CENTER, style=ParaStyle.CAPTION)],
        cv.box_style,
        1.0,
        own=False,
    )


def add_svg(cv: Canvas, path: str, x: int, y: int, w: int, h: int):
    """Add an SVG picture with a PNG fallback (the svgBlip extension PowerPoint 2016+ reads)."""
    from ..svgsafe import sanitize  # noqa: PLC0415 (defusedxml: only a lecture with SVG pictures needs it)

    svg = sanitize(Path(path).read_bytes())  # no scripts, no references outside it: it is embedded as is
    px_w = max(int(w / EMU_PER_IN * 150), 16)
    png = svg_to_png(svg, width=px_w)  # (kept in Podium's cache: a rebuild does not draw it again)
    pic = cv.slide.shapes.add_picture(io.BytesIO(png), Emu(x), Emu(y), Emu(w), Emu(h))
    package = cv.slide.part.package
    partname = package.next_partname("/ppt/media/image%d.svg")
    part = Part(PackURI(str(partname)), "image/svg+xml", package, svg)
    rid = cv.slide.part.relate_to(part, RT.IMAGE)
    blip = pic._element.blipFill.find(qn("a:blip"))  # type: ignore[union-attr]  # python-pptx: untyped descriptor
    ext_lst = etree.SubElement(blip, qn("a:extLst"))
    ext = etree.SubElement(ext_lst, qn("a:ext"))
    ext.set("uri", "{96DAC541-7B7A-43D3-8B79-37D633B846F1}")
    svg_el = etree.SubElement(
        ext,
        "{http://schemas.microsoft.com/office/drawing/2016/SVG/main}svgBlip",
        nsmap={"asvg": "http://schemas.microsoft.com/office/drawing/2016/SVG/main"},
    )
    svg_el.set(qn("r:embed"), rid)
    return pic


def image_pixels(path: str) -> tuple[int, int]:
    if path.lower().endswith(".svg"):
        return svg_size(path)
    with PILImage.open(path) as im:
        return im.size


def svg_size(path: str) -> tuple[int, int]:
    """Return an SVG's (width, height) in CSS pixels from its attributes or viewBox."""
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
