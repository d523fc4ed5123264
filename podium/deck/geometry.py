"""Units and rectangles on a slide (EMU), and the arithmetic of dividing a region."""

from __future__ import annotations

from dataclasses import dataclass

from .. import model as m

EMU_PER_IN = 914400
EMU_PER_PT = 12700
GAP = int(0.15 * EMU_PER_IN)  # between blocks stacked in one region


@dataclass
class Rect:
    x: int
    y: int
    w: int
    h: int

    @property
    def bottom(self) -> int:
        return self.y + self.h


def rect_of(shape) -> Rect:
    """Return the rectangle of a python-pptx shape (or anything with left/top/width/height)."""
    return Rect(int(shape.left), int(shape.top), int(shape.width), int(shape.height))


def span(rects: list[Rect]) -> Rect | None:
    """The least rectangle holding every one of ``rects`` (None for none): two columns' bodies as one."""
    if not rects:
        return None
    left, top = min(r.x for r in rects), min(r.y for r in rects)
    return Rect(left, top, max(r.x + r.w for r in rects) - left, max(r.bottom for r in rects) - top)


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


def length_emu(length: m.Length, reference: int) -> int:
    """Return ``length`` in EMU; a percentage is of ``reference``."""
    units = {
        "in": EMU_PER_IN,
        "cm": EMU_PER_IN / 2.54,
        "mm": EMU_PER_IN / 25.4,
        "pt": EMU_PER_PT,
        "px": EMU_PER_IN / 96,
        "em": 12 * EMU_PER_PT,
    }
    if length.unit == "%":
        return int(reference * length.value / 100)
    return int(length.value * units.get(length.unit, EMU_PER_IN / 96))
