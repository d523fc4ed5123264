"""Right-to-left lectures in the deck (``dir: rtl``, or ``lang: ar``/``he``/``fa``…).

PowerPoint lays a paragraph out right to left, with its bullet on the right, when its ``a:pPr``
says ``rtl="1"``; the alignment is written as ``algn="r"`` where the paragraph has none of its
own, so the text starts at the right edge in every office suite, and a left or right alignment
the writer gave (a quotation's source: at its end) is mirrored.  Tables read right to left with
``a:tblPr rtl="1"``.  What the writer places side by side (columns, a grid of pictures) is
mirrored, so the first column is on the right.  Code and display math stay left to right.
"""

from __future__ import annotations

from pptx.oxml.ns import qn

from .geometry import Rect

_P, _PPR, _TBLPR = qn("a:p"), qn("a:pPr"), qn("a:tblPr")
_MIRROR = {"l": "r", "r": "l"}  # the writer's alignments mean start and end: mirrored (a quote's source)


def mirrored(rects: list[Rect], area: Rect) -> list[Rect]:
    """``rects`` reflected left to right within ``area`` (the first of a row ends up rightmost)."""
    return [Rect(2 * area.x + area.w - r.x - r.w, r.y, r.w, r.h) for r in rects]


def right_to_left(tree, keep=frozenset()) -> None:
    """Mark every paragraph and table in shape tree ``tree`` right to left, except in the shapes
    (elements) of ``keep``: code and display math."""
    for shape in tree:
        if shape in keep:
            continue
        for p in shape.iter(_P):
            pPr = p.find(_PPR)
            if pPr is None:
                pPr = p.makeelement(_PPR, {})
                p.insert(0, pPr)
            pPr.set("rtl", "1")
            pPr.set("algn", _MIRROR.get(pPr.get("algn"), pPr.get("algn") or "r"))
        for tblPr in shape.iter(_TBLPR):
            tblPr.set("rtl", "1")
