"""Tables: a pipe table as a native PowerPoint table, header row in the theme's primary colour."""

from __future__ import annotations

from lxml import etree
from pptx.oxml.ns import qn
from pptx.oxml.xmlchemy import OxmlElement
from pptx.text.text import _Paragraph
from pptx.util import Emu, Pt

from .. import model as m
from .canvas import Canvas, hex_rgb
from .geometry import Rect
from .measure import CELL_MARGIN_X, CELL_MARGIN_Y, Fonts, row_heights, table_widths
from .plan import runs as to_runs
from .text import add_run

_TC, _TXBODY, _BODYPR, _P, _TCPR = qn("a:tc"), qn("a:txBody"), qn("a:bodyPr"), qn("a:p"), qn("a:tcPr")
_SOLID, _SRGB = qn("a:solidFill"), qn("a:srgbClr")


def add_table(cv: Canvas, b: m.Table, box: Rect, pt: float, fonts: Fonts):
    """Add ``b`` at ``pt`` points, each row as tall as its text measures (:func:`row_heights`)."""
    drawn = m.drawn_rows(b)
    nrows, ncols = len(drawn), max(len(b.header), 1)
    heights = row_heights(b, box.w, pt, fonts)
    frame = cv.slide.shapes.add_table(nrows, ncols, Emu(box.x), Emu(box.y), Emu(box.w), Emu(sum(heights)))
    table = frame.table
    widths = table_widths(b, box.w, pt, fonts)  # (as the rows were measured)
    # sizes go straight into the XML: python-pptx's setters recompute the whole frame each time
    for grid_col, w in zip(table._tbl.tblGrid.gridCol_lst, widths):
        grid_col.w = Emu(w)
    for tr, h in zip(table._tbl.tr_lst, heights):
        tr.h = Emu(h)
    frame.height = Emu(sum(heights))
    primary, light, text = cv.palette["primary"], cv.palette.get("light", "#EEEEEE"), cv.palette["text"]
    background = cv.palette["background"]
    size = Pt(round(pt, 1))
    # the cells are written as XML directly: python-pptx's row and cell proxies re-read the table
    # for each access (quadratic in rows) and look every property up again (the same XML results)
    # (a table without a header row: its first row is a body row, banded as the rest)
    first = 1 if b.headed else 0
    cell_colours = (
        *((primary,) * first),
        *(light if i % 2 == 0 else background for i in range(1, nrows + 1)),
    )
    if not b.headed:
        table.first_row = False
    algn = {"left": "l", "center": "ctr", "right": "r"}
    for i, (row, tr) in enumerate(zip(drawn, table._tbl.tr_lst)):
        head = i == 0 and b.headed
        colour = background if head else text  # the header row's text on the primary colour
        fill = str(hex_rgb(cell_colours[i]))
        for j, tc in enumerate(tr.findall(_TC)[:ncols]):
            content = row[j].content if j < len(row) else ()
            body = tc.find(_TXBODY)
            body.find(_BODYPR).set("wrap", "square")
            p = body.find(_P)
            para = _Paragraph(p, frame)
            for r in tuple(to_runs(content)):
                add_run(cv, para, r, size, head, colour=colour)
            align = b.aligns[j] if j < len(b.aligns) else ""
            if align:
                pPr = OxmlElement("a:pPr")
                pPr.set("algn", algn[align])
                p.insert(0, pPr)
            tcPr = tc.find(_TCPR)
            tcPr.set("marL", str(CELL_MARGIN_X))
            tcPr.set("marR", str(CELL_MARGIN_X))
            tcPr.set("marT", str(CELL_MARGIN_Y))
            tcPr.set("marB", str(CELL_MARGIN_Y))
            etree.SubElement(etree.SubElement(tcPr, _SOLID), _SRGB).set("val", fill)
    return frame
