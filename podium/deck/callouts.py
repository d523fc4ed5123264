"""Quarto callouts (``::: {.callout-note}`` …) on a slide: a tinted box with a coloured rule, titled."""

from __future__ import annotations

from pptx.enum.shapes import MSO_SHAPE
from pptx.enum.text import MSO_AUTO_SIZE
from pptx.util import Emu

from ..quarto import CALLOUT_COLOURS
from .canvas import Canvas, hex_rgb
from .geometry import Rect
from .measure import CALLOUT_MARGIN, CALLOUT_RULE
from .text import fill_paras


def add_callout_box(cv: Canvas, box: Rect, paras, scale: float, classes: tuple[str, ...]):
    """Draw the callout's paragraphs (the first one is its bold title) in a box inside ``box``."""
    rule = _rule(cv, box, classes)
    tb = add_callout_text(
        cv, Rect(box.x + rule.width, box.y, box.w - rule.width, box.h), paras, scale, filled=True
    )
    _appears_with(cv, paras, rule)
    return tb


def add_callout_frame(cv: Canvas, box: Rect, classes: tuple[str, ...], step: int = 0) -> int:
    """The rule and tinted ground of a callout whose parts (text, an equation, a picture, more text)
    are drawn on it one under another, shown from click ``step``; returns the rule's width (the parts
    start after it)."""
    rule = _rule(cv, box, classes)
    rule_w = rule.width
    ground = cv.slide.shapes.add_shape(
        MSO_SHAPE.RECTANGLE, Emu(box.x + rule_w), Emu(box.y), Emu(box.w - rule_w), Emu(box.h)
    )
    ground.name = "Callout ground"
    ground.fill.solid()
    ground.fill.fore_color.rgb = hex_rgb(cv.palette.get("light", "#F3F4F6"))
    ground.line.fill.background()
    ground.shadow.inherit = False
    if step > 0:  # the box comes with its first part's click, not before it
        cv.anim.append((step, rule.shape_id, None))
        cv.anim.append((step, ground.shape_id, None))
    return rule_w


def _appears_with(cv: Canvas, paras, rule) -> None:
    """A callout's rule comes on the click its first paragraph comes on (a box after `. . .`)."""
    step = paras[0].step if paras else 0
    if step > 0:
        cv.anim.append((step, rule.shape_id, None))


def add_callout_text(cv: Canvas, box: Rect, paras, scale: float, filled: bool):
    """A callout's text in ``box``: on its own tinted ground (``filled``), or on the frame's."""
    tb = cv.slide.shapes.add_textbox(Emu(box.x), Emu(box.y), Emu(box.w), Emu(box.h))
    tb.name = "Callout"
    if filled:
        tb.fill.solid()
        tb.fill.fore_color.rgb = hex_rgb(cv.palette.get("light", "#F3F4F6"))
    tf = tb.text_frame
    tf.word_wrap = True
    tf.auto_size = MSO_AUTO_SIZE.NONE  # the box keeps the height planned for it, like its rule
    tf.margin_left = tf.margin_right = Emu(CALLOUT_MARGIN)
    fill_paras(cv, tf, paras, cv.box_style, scale, own=False, shape_id=tb.shape_id)
    return tb


def _rule(cv: Canvas, box: Rect, classes: tuple[str, ...]):
    rule_w = CALLOUT_RULE
    colour = next(
        (CALLOUT_COLOURS[c] for c in classes if c in CALLOUT_COLOURS), cv.palette.get("accent", "#0D6EFD")
    )
    rule = cv.slide.shapes.add_shape(MSO_SHAPE.RECTANGLE, Emu(box.x), Emu(box.y), Emu(rule_w), Emu(box.h))
    rule.name = "Callout rule"
    rule.fill.solid()
    rule.fill.fore_color.rgb = hex_rgb(colour)
    rule.line.fill.background()
    return rule
