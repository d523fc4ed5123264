"""Charts: a chart block as a native PowerPoint chart (editable data in an embedded workbook)."""

from __future__ import annotations

from pptx.chart.data import CategoryChartData, XyChartData
from pptx.enum.chart import XL_CHART_TYPE, XL_LABEL_POSITION, XL_LEGEND_POSITION
from pptx.shapes.graphfrm import GraphicFrame
from pptx.util import Emu, Pt

from .. import model as m
from ..alttext import chart_alt
from ..charts import series_colours, value_range
from ..reproducible import stamped_workbooks
from .canvas import Canvas, hex_rgb
from .geometry import Rect
from .patches import fast_category_index
from .placement import chart_size
from .plan import chart_axes


def add_chart(cv: Canvas, b: m.Chart, box: Rect):
    """Add ``b`` as a native, editable chart inside ``box``; its value axis matches the handout's."""
    kinds = {
        "bar": XL_CHART_TYPE.BAR_CLUSTERED,
        "column": XL_CHART_TYPE.COLUMN_CLUSTERED,
        "line": XL_CHART_TYPE.LINE_MARKERS,
        "pie": XL_CHART_TYPE.PIE,
        "stacked": XL_CHART_TYPE.COLUMN_STACKED,
        "scatter": XL_CHART_TYPE.XY_SCATTER,
    }
    data = chart_data(b)
    w, h = chart_size(box)
    # python-pptx annotates add_chart as taking CategoryChartData and returning a Chart; it takes
    # any chart data (XyChartData for scatter) and returns the GraphicFrame holding the chart
    with stamped_workbooks():  # the workbook behind the chart carries the build's time
        frame: GraphicFrame = cv.slide.shapes.add_chart(  # type: ignore[assignment]
            kinds[b.kind],
            Emu(box.x + (box.w - w) // 2),
            Emu(box.y),
            Emu(w),
            Emu(h),
            data,  # type: ignore[arg-type]
        )
    frame._element.nvGraphicFramePr.cNvPr.set(
        "descr", chart_alt(b)
    )  # alt text: every value, as the handout's
    chart = frame.chart
    pt = Pt(max(12, 16 * cv.scale))
    chart.font.size = pt
    chart.font.name = cv.fonts.get("body")
    if b.title:
        chart.has_title = True
        chart.chart_title.text_frame.text = b.title
        chart.chart_title.text_frame.paragraphs[0].runs[0].font.size = Pt(18 * cv.scale)
        chart.chart_title.text_frame.paragraphs[0].runs[0].font.bold = True
    else:
        chart.has_title = False
    chart.has_legend = len(b.series) > 1 or b.kind == "pie"
    if chart.has_legend:
        chart.legend.position = XL_LEGEND_POSITION.BOTTOM
        chart.legend.include_in_layout = False
    colours = series_colours(cv.palette, max(len(b.series), len(b.categories)))
    plot = chart.plots[0]
    if b.kind == "pie":
        for k, point in enumerate(plot.series[0].points):
            point.format.fill.solid()
            point.format.fill.fore_color.rgb = hex_rgb(colours[k % len(colours)])
        plot.has_data_labels = True
        plot.data_labels.show_percentage = False
        plot.data_labels.show_value = True
        plot.data_labels.position = XL_LABEL_POSITION.OUTSIDE_END
        plot.data_labels.font.size = pt
    else:
        for k, ser in enumerate(plot.series):
            fmt = ser.format
            if b.kind == "line":
                fmt.line.color.rgb = hex_rgb(colours[k % len(colours)])
                fmt.line.width = Pt(2.5)
            elif b.kind == "scatter":
                fmt.line.fill.background()  # points only, no connecting line
                ser.marker.format.fill.solid()
                ser.marker.format.fill.fore_color.rgb = hex_rgb(colours[k % len(colours)])
            else:
                fmt.fill.solid()
                fmt.fill.fore_color.rgb = hex_rgb(colours[k % len(colours)])
        if b.kind in ("bar", "column", "stacked"):
            plot.has_data_labels = True
            plot.data_labels.show_value = True
            plot.data_labels.font.size = pt
        if b.kind in ("bar", "column", "line", "stacked"):
            # the same axis as the handout's drawing, not PowerPoint's own choice
            low, high = value_range(b)
            axis = chart.value_axis
            axis.minimum_scale, axis.maximum_scale = low, high
            axis.major_unit = (high - low) / 5
        try:
            if b.x_title:
                chart.category_axis.has_title = True
                chart.category_axis.axis_title.text_frame.text = b.x_title
            if b.y_title:
                chart.value_axis.has_title = True
                chart.value_axis.axis_title.text_frame.text = b.y_title
        except (ValueError, AttributeError):
            pass
    return frame


def chart_data(b: m.Chart) -> CategoryChartData | XyChartData:
    """Return ``b``'s numbers as python-pptx chart data: x/y pairs for a scatter, else categories."""
    if b.kind == "scatter":
        xy = XyChartData()
        xs = chart_axes(b).x_values  # the same x positions the handout draws
        for s in b.series:
            ser = xy.add_series(s.name)
            for x, v in zip(xs, s.values):
                ser.add_data_point(x, v)
        return xy
    data = CategoryChartData()
    data.categories = list(b.categories)
    fast_category_index(data)
    for s in b.series:
        data.add_series(s.name, list(s.values))
    return data
