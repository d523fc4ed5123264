"""Tables: a pipe table as a native PowerPoint table, header row in the theme's primary colour."""

from __future__ import annotations

from pptx.enum.text import PP_ALIGN
from pptx.table import _Row
from pptx.util import Emu

from .. import model as m
from .canvas import Canvas, hex_rgb
from .geometry import Rect
from .measure import CELL_MARGIN_X, CELL_MARGIN_Y, Fonts, row_heights
from .plan import runs as to_runs
from .text import fill_runs


def add_table(cv: Canvas, b: m.Table, box: Rect, pt: float, fonts: Fonts):
    """Add ``b`` at ``pt`` points, each row as tall as its text measures (:func:`row_heights`)."""
    nrows, ncols = len(b.rows) + 1, max(len(b.header), 1)
    heights = row_heights(b, box.w, pt, fonts)
    frame = cv.slide.shapes.add_table(nrows, ncols, Emu(box.x), Emu(box.y), Emu(box.w), Emu(sum(heights)))
    table = frame.table
    widths = list(b.widths) or [1 / ncols] * ncols
    # sizes go straight into the XML: python-pptx's setters recompute the whole frame each time
    for j, grid_col in enumerate(table._tbl.tblGrid.gridCol_lst):
        grid_col.w = Emu(int(box.w * widths[j]) if j < len(widths) else int(box.w / ncols))
    for tr, h in zip(table._tbl.tr_lst, heights):
        tr.h = Emu(h)
    frame.height = Emu(sum(heights))
    primary, light, text = cv.palette["primary"], cv.palette.get("light", "#EEEEEE"), cv.palette["text"]
    primary_text = cv.palette["background"]  # the header row's text
    # python-pptx's row collection re-reads every row for each row asked for (quadratic): read them once
    row_shapes = [_Row(tr, table) for tr in table._tbl.tr_lst]  # type: ignore[arg-type]  # any parent with .part
    for i, (row, row_shape) in enumerate(zip((b.header, *b.rows), row_shapes)):
        cells = list(row_shape.cells)
        for j in range(ncols):
            cell = cells[j]
            content = row[j].content if j < len(row) else ()
            tf = cell.text_frame
            tf.word_wrap = True
            colour = primary_text if i == 0 else text
            fill_runs(cv, tf, tuple(to_runs(content)), size=round(pt, 1), bold=(i == 0), colour=colour)
            align = b.aligns[j] if j < len(b.aligns) else ""
            if align:
                tf.paragraphs[0].alignment = {
                    "left": PP_ALIGN.LEFT,
                    "center": PP_ALIGN.CENTER,
                    "right": PP_ALIGN.RIGHT,
                }[align]
            cell.margin_left = cell.margin_right = CELL_MARGIN_X
            cell.margin_top = cell.margin_bottom = CELL_MARGIN_Y
            cell.fill.solid()
            if i == 0:
                cell.fill.fore_color.rgb = hex_rgb(primary)
            else:
                cell.fill.fore_color.rgb = hex_rgb(light if i % 2 == 0 else cv.palette["background"])
    return frame
