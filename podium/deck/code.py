"""Code: a fenced code block as a text box of highlighted (Pygments) runs (a line too wide even at the
code floor wraps: the fitter says so)."""

from __future__ import annotations

from lxml import etree
from pptx.dml.color import RGBColor
from pptx.oxml.ns import qn
from pptx.util import Emu, Pt

from .. import model as m
from ..highlight import LINE_NUMBER as highlight_line_number
from ..highlight import lexer_for
from ..highlight import style as highlight_style
from .canvas import Canvas
from .geometry import Rect
from .measure import CODE_INSETS, LABEL_SCALE, code_height, code_label_height


def add_code(cv: Canvas, b: m.CodeBlock, box: Rect, pt: float):
    """Add code ``b`` at ``pt`` points in a shaded box (a line wider than the box wraps)."""
    mono = cv.fonts.get("mono", "DejaVu Sans Mono")
    label = code_label_height(b, pt, mono)
    if label:
        _add_label(cv, b.filename, box, label, pt * LABEL_SCALE, mono)
    h = code_height(b, box.w, pt, mono) - label
    tb = cv.slide.shapes.add_textbox(Emu(box.x), Emu(box.y + label), Emu(box.w), Emu(h))
    tb.name = CODE  # (what `check` reads the listing back by)
    tb.fill.solid()
    tb.fill.fore_color.rgb = RGBColor(0xF6, 0xF8, 0xFA)
    tf = tb.text_frame
    tf.word_wrap = True
    tf.margin_left, tf.margin_top, tf.margin_right, tf.margin_bottom = CODE_INSETS
    tf.auto_size = None
    lexer = lexer_for(b.language)
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
            run.font.name = mono
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
    if b.first_line is not None:
        _number_lines(tf, b, mono, pt)
    for para in tf.paragraphs:
        para.space_before = Pt(0)
        para._p.get_or_add_endParaRPr().set("sz", str(int(round(pt * 100))))
        pPr = para._p.get_or_add_pPr()
        etree.SubElement(pPr, qn("a:buNone"))
    return tb


CODE = "Code"  # a listing's text box: its name in PowerPoint's selection pane
LINE_NUMBER = RGBColor.from_string(highlight_line_number.lstrip("#"))  # muted, as editors draw them
LABEL_FILL = RGBColor(0xE4, 0xE7, 0xEB)  # a code block's file name bar: a shade darker than the code's


def _add_label(cv: Canvas, filename: str, box: Rect, h: int, pt: float, mono: str) -> None:
    """Add the bar naming the code's file (Quarto's ``filename``) across the top of ``box``."""
    tb = cv.slide.shapes.add_textbox(Emu(box.x), Emu(box.y), Emu(box.w), Emu(h))
    tb.name = "Code file name"
    tb.fill.solid()
    tb.fill.fore_color.rgb = LABEL_FILL
    tf = tb.text_frame
    tf.word_wrap = True
    tf.margin_left, tf.margin_top, tf.margin_right, tf.margin_bottom = CODE_INSETS
    tf.auto_size = None
    run = tf.paragraphs[0].add_run()
    run.text = filename
    run.font.name = mono
    run.font.size = Pt(pt)
    run.font.bold = True
    etree.SubElement(tf.paragraphs[0]._p.get_or_add_pPr(), qn("a:buNone"))
    cv.left_to_right.add(tb._element)


def _number_lines(tf, b: m.CodeBlock, mono: str, pt: float) -> None:
    """Put each line's number, right-aligned in the gutter, before the line's first run."""
    width = b.gutter() - 1
    start = b.first_line or 0
    for k, para in enumerate(tf.paragraphs):
        run = para.add_run()
        run.text = f"{start + k:>{width}} "
        run.font.name = mono
        run.font.size = Pt(pt)
        run.font.color.rgb = LINE_NUMBER
        r = run._r
        r.getparent().remove(r)
        pPr = para._p.find(qn("a:pPr"))
        if pPr is not None:
            pPr.addnext(r)
        else:
            para._p.insert(0, r)


def token_style(style, ttype) -> dict:
    """Return Pygments' style for ``ttype``, falling back to its parents for types a style lacks."""
    while ttype is not None:
        try:
            return style.style_for_token(ttype)
        except KeyError:
            ttype = ttype.parent
    return {}


def code_style():
    return highlight_style()  # the handout's style too (podium.highlight)
