"""Text: paragraphs with levels, bullets, sizes and formatted runs written into a text frame."""

from __future__ import annotations

from lxml import etree
from pptx.enum.text import PP_ALIGN
from pptx.oxml.ns import qn
from pptx.util import Pt

from .canvas import Canvas, hex_rgb
from .measure import para_size
from .plan import Para, Run
from .styles import GRID_INDENT, FrameStyle


def fill_runs(cv: Canvas, tf, runs_: tuple[Run, ...], size: int | None = None, bold: bool = False) -> None:
    tf.text = ""
    p = tf.paragraphs[0]
    for r in runs_:
        add_run(cv, p, r, Pt(size) if size else None, bold)


def fill_paras(
    cv: Canvas, tf, paras, style: FrameStyle, scale: float, own: bool = True, shape_id: int | None = None
) -> None:
    """Write ``paras`` into text frame ``tf`` as real paragraphs with levels and bullets.

    ``style`` is the frame's style (:mod:`podium.deck.styles`), ``scale`` the fitter's text scale.
    With ``own`` the placeholder's list style gives bullets and indents; otherwise they are
    written out.  Sizes are written wherever they differ from what the frame would inherit, so
    what is drawn is what :mod:`podium.deck.measure` measured.
    """
    tf.word_wrap = True
    tf.text = ""
    for i, para in enumerate(paras):
        p = tf.paragraphs[0] if i == 0 else tf.add_paragraph()
        p.level = min(para.level, 8)
        size = None
        if not own or scale != 1.0 or para.style in ("caption", "attribution"):
            size = Pt(round(para_size(para, style, scale), 1))
        set_bullet(cv, p, para, own and style.level(para.level).bullet)
        if para.align:
            p.alignment = {"left": PP_ALIGN.LEFT, "center": PP_ALIGN.CENTER, "right": PP_ALIGN.RIGHT}[
                para.align
            ]
        for r in para.runs:
            add_run(cv, p, r, size, False, muted=para.style == "attribution")
        if size is not None:
            p._p.get_or_add_endParaRPr().set("sz", str(int(size.pt * 100)))
        if shape_id is not None and para.step > 0:
            cv.anim.append((para.step, shape_id, i))
    if shape_id is not None and paras and all(p.step == paras[0].step for p in paras) and paras[0].step > 0:
        # the whole box appears at once: animate the shape, not each paragraph
        cv.anim = [a for a in cv.anim if a[1] != shape_id] + [(paras[0].step, shape_id, None)]


def set_autofit(tf) -> None:
    """Mark a frame whose text the fitter shrank: ``normAutofit`` at 100 %, since the sizes written
    already fit (PowerPoint then keeps them when it reopens the slide, instead of shrinking again)."""
    body = tf._txBody.find(qn("a:bodyPr"))
    if body is None:
        return
    for tag in ("a:noAutofit", "a:normAutofit", "a:spAutoFit"):
        for el in body.findall(qn(tag)):
            body.remove(el)
    etree.SubElement(body, qn("a:normAutofit"))


def set_bullet(cv: Canvas, p, para: Para, own: bool) -> None:
    """Write ``para``'s bullet and indents: the list style's own (``own``) or the text-box grid's."""
    pPr = p._p.get_or_add_pPr()
    for tag in ("a:buNone", "a:buAutoNum", "a:buChar", "a:buFont"):
        for el in pPr.findall(qn(tag)):
            pPr.remove(el)
    indent_emu = int(GRID_INDENT * cv.scale)
    if para.bullet == "none":
        pPr.set("marL", str(para.level * indent_emu))
        pPr.set("indent", "0")
        etree.SubElement(pPr, qn("a:buNone"))
        return
    if not own:
        pPr.set("marL", str((para.level + 1) * indent_emu))
        pPr.set("indent", str(-indent_emu))
    if para.bullet == "number":
        el = etree.SubElement(pPr, qn("a:buAutoNum"))
        el.set("type", "arabicPeriod")
        if para.number != 1:
            el.set("startAt", str(para.number))
    elif not own:
        font = etree.SubElement(pPr, qn("a:buFont"))
        font.set("typeface", "Arial")
        ch = etree.SubElement(pPr, qn("a:buChar"))
        ch.set("char", "•–▪··"[min(para.level, 4)])
    # else: the master's bullet for this level


def add_run(cv: Canvas, p, r: Run, size=None, bold=False, muted=False) -> None:
    if "\v" in r.text or "\n" in r.text:  # a hard line break: <a:br/>, not a control character
        for k, part in enumerate(r.text.replace("\n", "\v").split("\v")):
            if k:
                p.add_line_break()
                if size is not None:
                    p._p.findall(qn("a:br"))[-1].get_or_add_rPr().set("sz", str(int(size.pt * 100)))
            if part:
                add_run(
                    cv,
                    p,
                    Run(part, r.bold, r.italic, r.code, r.strike, r.superscript, r.link, r.blank, r.tex),
                    size,
                    bold,
                    muted,
                )
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
        f.name = cv.fonts.get("mono", "Courier New")
    if r.strike:
        run._r.get_or_add_rPr().set("strike", "sngStrike")
    if r.superscript:
        run._r.get_or_add_rPr().set("baseline", "30000")
    if muted:
        f.color.rgb = hex_rgb(cv.palette["muted"])
    if r.blank:
        f.color.rgb = hex_rgb(cv.palette["accent"])
        f.underline = True
        if text.strip("\u00a0 "):  # the instructor's answer: highlighted (a student's gap is only a line)
            highlight_run(run)
    if r.link:
        run.hyperlink.address = r.link
    if has_cjk(text) and cv.fonts.get("cjk"):
        rPr = run._r.get_or_add_rPr()
        ea = rPr.find(qn("a:ea"))
        if ea is None:
            ea = etree.SubElement(rPr, qn("a:ea"))
        ea.set("typeface", cv.fonts["cjk"])
    if r.tex:  # inline math: Office math for PowerPoint, this run as the fallback text
        from .omml import wrap_inline_run

        wrap_inline_run(run._r, r.tex, int(size.pt * 100) if size is not None else None)


def highlight_run(run, colour: str = "FFF2A8") -> None:
    """Give ``run`` a text highlight (a:highlight sits right after the fill in a:rPr)."""
    rPr = run._r.get_or_add_rPr()
    fill = rPr.find(qn("a:solidFill"))
    hl = etree.Element(qn("a:highlight"))
    etree.SubElement(hl, qn("a:srgbClr")).set("val", colour)
    if fill is not None:
        fill.addnext(hl)
    else:
        rPr.insert(0, hl)


def has_cjk(text: str) -> bool:
    return any(
        "\u3000" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff" or "\uff00" <= ch <= "\uffef" for ch in text
    )
