"""How much room content needs: type sizes, text heights, table and code sizes (EMU, points)."""

from __future__ import annotations

import math

from .. import model as m
from .geometry import EMU_PER_IN, EMU_PER_PT
from .plan import ColumnsChunk, ObjectChunk

BODY_PT = (24, 20, 18, 16, 16, 14)  # body text by list level, on a 7.5 in tall slide
MIN_SCALE = 0.6


def is_elastic(c) -> bool:
    """True for chunks that can shrink to fit: pictures, charts, and columns holding one."""
    if isinstance(c, ColumnsChunk):
        return any(is_elastic(x) for chunks, _ in c.columns for x in chunks)
    return isinstance(c, ObjectChunk) and isinstance(c.block, (m.Image, m.Chart))


def text_height(paras, width: int, scale: float) -> int:
    """Return the approximate height of ``paras`` in a box ``width`` wide (EMU)."""
    total = 0.0
    for p in paras:
        pt = BODY_PT[min(p.level, len(BODY_PT) - 1)] * scale * (0.7 if p.style == "caption" else 1.0)
        indent = (p.level + (1 if p.bullet != "none" else 0)) * 0.35 * EMU_PER_IN
        usable = max(width - indent - 0.2 * EMU_PER_IN, EMU_PER_IN)
        chars = sum(len(r.text) for r in p.runs) or 1
        per_line = max(usable / (pt * 0.5 * EMU_PER_PT), 8)
        lines = sum(max(1, math.ceil(len(seg) / per_line)) for seg in "".join(r.text for r in p.runs).split("\v")) \
            if chars else 1
        total += lines * pt * 1.2 * EMU_PER_PT + pt * 0.5 * EMU_PER_PT
    return int(total + 0.1 * EMU_PER_IN)


def table_pt(b: m.Table, width: int, scale: float) -> float:
    rows = len(b.rows) + 1
    longest = max((len(m.plain_text(c.content)) for r in (b.header, *b.rows) for c in r), default=10)
    pt = 20 * scale
    if rows > 6:
        pt = max(12 * scale, pt - (rows - 6) * 1.2)
    # cells of very long text read better smaller
    if longest > 60:
        pt = max(12 * scale, pt - 4)
    return max(pt, 10)


def code_pt(b: m.CodeBlock, width: int, scale: float) -> float:
    lines = b.code.split("\n")
    longest = max((len(line.expandtabs(4)) for line in lines), default=1) or 1
    by_width = (width - 0.2 * EMU_PER_IN) / EMU_PER_PT / (longest * 0.6)
    by_lines = 18 * scale if len(lines) <= 12 else max(10.0, 18 * scale - (len(lines) - 12) * 0.5)
    return max(min(by_width, by_lines, 20 * scale), 8)
