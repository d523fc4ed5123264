"""Right-to-left lectures in the deck (``dir: rtl``, or ``lang: ar``/``he``/``fa``…).

PowerPoint lays a paragraph out right to left, with its bullet on the right, when its ``a:pPr``
says ``rtl="1"``; the alignment is written as ``algn="r"`` where the paragraph has none of its
own, so the text starts at the right edge in every office suite, and a left or right alignment
the writer gave (a quotation's source: at its end) is mirrored.  Tables read right to left with
``a:tblPr rtl="1"``.  What the writer places side by side (columns, a grid of pictures) is
mirrored, so the first column is on the right.  Code and display math stay left to right.  The
template's design shapes (an accent bar under the title, a band at one side) are mirrored on its
masters and layouts (:func:`mirror_design`); its pictures (a logo) stay where the template put them.
"""

from __future__ import annotations

from pptx.oxml.ns import qn

from .geometry import Rect

_P, _PPR, _TBLPR = qn("a:p"), qn("a:pPr"), qn("a:tblPr")
_DESIGN = (qn("p:sp"), qn("p:cxnSp"))  # (simple shapes and lines; pictures and groups stay)
_PH = qn("p:ph")
_OFF = qn("a:off")
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


def mirror_design(prs) -> None:
    """Reflect the design shapes (not placeholders, not pictures) of every slide master and layout of
    deck ``prs`` left to right, as a right-to-left deck's title and text are set from the right."""
    width = prs.slide_width
    trees = []
    for master in prs.slide_masters:
        trees.append(master.shapes._spTree)
        trees.extend(layout.shapes._spTree for layout in master.slide_layouts)
    for tree in trees:
        for shape in tree:
            if shape.tag not in _DESIGN or next(shape.iter(_PH), None) is not None:
                continue
            xfrm = shape.find(f"{qn('p:spPr')}/{qn('a:xfrm')}")
            off = xfrm.find(_OFF) if xfrm is not None else None
            ext = xfrm.find(qn("a:ext")) if xfrm is not None else None
            if off is None or ext is None:
                continue
            off.set("x", str(width - int(off.get("x", "0")) - int(ext.get("cx", "0"))))
            if shape.tag == _DESIGN[1]:  # (a line drawn from one end to the other: its direction too)
                xfrm.set("flipH", "0" if xfrm.get("flipH") in ("1", "true") else "1")
