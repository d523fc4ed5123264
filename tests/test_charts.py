"""Charts (podium/charts.py, podium/deck/charts.py, podium/handout/chartsvg.py): a ```` ```chart ````
block becomes a native, editable chart in the deck and a vector drawing in the handout, with the
same kind, categories, numbers and value axis in both.

The deck is read back with python-pptx; the handout PDF with pypdf (the tagged figures' alt
text, which carries every value) and its HTML (the drawing's axis labels).  Chart errors at
their key's line are in tests/test_robustness.py and tests/test_hostile.py (the limits).
"""

from __future__ import annotations

import re

import pytest
from pptx import Presentation
from pptx.enum.chart import XL_CHART_TYPE

from podium import model as m
from podium.alttext import chart_alt, parse_chart_alt
from podium.charts import value_range
from podium.diagnostics import Diagnostics
from podium.pipeline import BuildOptions, handout_html, prepare
from podium.reader import parse_lecture
from podium.verify import read_handout

from .conftest import build, write_md

CHART = """
## Chart

```chart
type: column
title: Lives disrupted (millions)
categories: [Deaths, Refugees, Displaced]
series:
  Millions: [6.6, 14, 6.6]
y-title: Millions
```
"""


def deck(tmp_path, text, template=None):
    src = write_md(tmp_path, text)
    path, diags = build(src, tmp_path / "out", "slides", template)
    return Presentation(str(path)), diags


def test_chart_native_editable(tmp_path, template_name):
    prs, _ = deck(tmp_path, CHART, template_name)
    frames = [sh for sh in prs.slides[0].shapes if sh.has_chart]
    assert len(frames) == 1
    chart = frames[0].chart
    assert chart.chart_type == XL_CHART_TYPE.COLUMN_CLUSTERED
    assert list(chart.plots[0].categories) == ["Deaths", "Refugees", "Displaced"]
    assert list(chart.plots[0].series[0].values) == [6.6, 14.0, 6.6]
    assert chart.chart_title.text_frame.text == "Lives disrupted (millions)"
    assert frames[0].chart_part.chart_workbook.xlsx_part is not None  # data embedded, editable
    # the value axis is the handout drawing's (0 to a round top), not PowerPoint's own choice
    assert (chart.value_axis.minimum_scale, chart.value_axis.maximum_scale, chart.value_axis.major_unit) == (
        0,
        15,
        3,
    )


def test_chart_from_csv_and_scatter(tmp_path):
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "figures.csv").write_text("year,North,South\n2020,1,2\n2021,3,4\n2022,5,6\n")
    prs, diags = deck(
        tmp_path,
        """
## From CSV

```chart
type: line
title: By region
data: data/figures.csv
```

## Scatter

```chart
type: scatter
categories: [1, 2, 4]
series:
  y: [2, 4, 8]
```
""",
    )
    chart = [sh for sh in prs.slides[0].shapes if sh.has_chart][0].chart
    assert chart.chart_type == XL_CHART_TYPE.LINE_MARKERS
    assert list(chart.plots[0].categories) == ["2020", "2021", "2022"]
    assert [s.name for s in chart.plots[0].series] == ["North", "South"]
    assert list(chart.plots[0].series[1].values) == [2.0, 4.0, 6.0]
    assert chart.has_legend
    scatter = [sh for sh in prs.slides[1].shapes if sh.has_chart][0].chart
    assert scatter.chart_type == XL_CHART_TYPE.XY_SCATTER
    assert list(scatter.plots[0].series[0].values) == [2.0, 4.0, 8.0]


def test_chart_alt_text_round_trips():
    lec = parse_lecture(
        '## C\n\n```chart\ntype: bar\ntitle: "T; odd: title"\ncategories: [a b, c]\nseries:\n'
        "  One: [1, 2.5]\n  Two: [3, 4]\n```\n",
        "t.md",
        Diagnostics(),
    )
    chart = lec.slides[0].body[0]
    assert parse_chart_alt(chart_alt(chart)) == {
        "One": [("a b", 1.0), ("c", 2.5)],
        "Two": [("a b", 3.0), ("c", 4.0)],
    }


# --------------------------------------------------------------------------- every kind, both outputs

KINDS = {
    # kind: (python-pptx chart type, categories, {series: values})
    "bar": (XL_CHART_TYPE.BAR_CLUSTERED, ["North", "South"], {"Aid": [3.5, 7.0]}),
    "column": (XL_CHART_TYPE.COLUMN_CLUSTERED, ["2019", "2020", "2021"], {"A": [1, 2, 3], "B": [4, 5, 6]}),
    "line": (XL_CHART_TYPE.LINE_MARKERS, ["Jan", "Feb", "Mar", "Apr"], {"Cases": [10, 40, 25, 60]}),
    "pie": (XL_CHART_TYPE.PIE, ["Food", "Shelter", "Health"], {"Share": [50, 30, 20]}),
    "scatter": (XL_CHART_TYPE.XY_SCATTER, ["1", "2", "4"], {"y": [2, 4, 8]}),
    "stacked": (XL_CHART_TYPE.COLUMN_STACKED, ["Q1", "Q2"], {"Grants": [120, 80], "Loans": [30, 70]}),
}


def _lecture() -> str:
    out = ["---\ntitle: Every chart\n---\n"]
    for kind, (_, cats, series) in KINDS.items():
        lines = [f"## A {kind} chart\n", "```chart", f"type: {kind}", f"title: The {kind}"]
        lines.append("categories: [" + ", ".join(cats) + "]")
        lines.append("series:")
        lines += [f"  {name}: [{', '.join(str(v) for v in values)}]" for name, values in series.items()]
        out.append("\n".join(lines) + "\n```\n")
    return "\n".join(out)


@pytest.fixture(scope="module")
def every_chart(tmp_path_factory):
    """Deck, handout PDF and handout HTML of a lecture with one chart of every kind, built once."""
    folder = tmp_path_factory.mktemp("charts")
    src = write_md(folder, _lecture())
    deck_path, diags = build(src, folder / "out", "slides")
    pdf, hdiags = build(src, folder / "out", "handout")
    assert not diags.items and not hdiags.items, [d.format() for d in diags.items + hdiags.items]
    prep = prepare(src, BuildOptions(out_dir=folder / "out"), Diagnostics())
    return (
        Presentation(str(deck_path)),
        read_handout(pdf, images=False),
        handout_html(prep, Diagnostics()),
        prep,
    )


def _deck_chart(prs, kind):
    slide = next(
        s for s in prs.slides if s.shapes.title is not None and s.shapes.title.text == f"A {kind} chart"
    )
    (frame,) = [sh for sh in slide.shapes if sh.has_chart]
    return frame.chart


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_every_kind_is_an_editable_chart_in_the_deck(every_chart, kind):
    prs = every_chart[0]
    chart_type, cats, series = KINDS[kind]
    chart = _deck_chart(prs, kind)
    assert chart.chart_type == chart_type
    assert chart.chart_title.text_frame.text == f"The {kind}"
    plot = chart.plots[0]
    assert [s.name for s in plot.series] == list(series)
    assert [list(s.values) for s in plot.series] == [[float(v) for v in vs] for vs in series.values()]
    if kind != "scatter":  # a scatter's x values are numbers, not categories (tests/test_plan.py)
        assert list(plot.categories) == cats


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_every_kind_is_drawn_in_the_handout_with_every_value(every_chart, kind):
    """The handout's tagged figure of the chart says every value, read from the PDF's structure."""
    handout = every_chart[1]
    _, cats, series = KINDS[kind]
    entry = next(e for e in handout.entries if e.title == f"A {kind} chart")
    alts = [a for a in entry.alts if a.startswith(f"{kind.capitalize()} chart: The {kind}")]
    assert alts, entry.alts
    expected = {name: [(c, float(v)) for c, v in zip(cats, values)] for name, values in series.items()}
    assert all(parse_chart_alt(a) == expected for a in alts), alts


@pytest.mark.parametrize("kind", ["bar", "column", "line", "stacked"])
def test_the_value_axis_is_the_same_in_both_outputs(every_chart, kind):
    prs, _, html, prep = every_chart
    low, high = value_range(next(c for c in _charts(prep) if c.title == f"The {kind}"))
    axis = _deck_chart(prs, kind).value_axis
    assert (axis.minimum_scale, axis.maximum_scale) == (low, high)
    svg = re.search(rf'<svg[^>]*aria-label="The {kind}".*?</svg>', html, re.S)
    assert svg
    # the drawing labels six gridlines, from the bottom of the axis to its top
    ticks = [float(t.replace(",", "")) for t in re.findall(r">(-?[\d,.]+)</text>", svg.group(0))]
    assert low in ticks and high in ticks, ticks


def _charts(prep):
    return [n for n in m.walk(prep.lecture.slides) if isinstance(n, m.Chart)]


WIDE_LABELS = """\
    ## Lives disrupted

    ```chart
    type: column
    title: Reported deaths and displacement (millions)
    categories: [Ukraine war refugees, Ukraine war internally displaced, COVID-19 deaths worldwide]
    series:
      Millions: [14, 6.6, 6.6]
    y-title: Millions of people
    ```

    COVID-19: approximately 6.6 million deaths, as reported.
    """


def test_the_slides_pdf_draws_a_chart_at_the_decks_size_with_readable_labels(tmp_path):
    """The slides PDF drew the chart in a box for a picture (about 360 pt of a 960 pt slide, labels at
    5 pt); now it fills the frame the deck gives it, labels near the deck's, long names on two lines."""
    from .conftest import build_all
    from .drawn import pages

    built = build_all(write_md(tmp_path, WIDE_LABELS), tmp_path / "out")
    prs = Presentation(str(built.deck))
    (frame,) = [s for s in prs.slides[0].shapes if s.has_chart]
    pt = 12700
    left, right = frame.left / pt, (frame.left + frame.width) / pt
    (_w, _h, words), *_ = pages(built.slides_pdf)
    chart_words = [w for w in words if frame.top / pt - 5 < w.y0 < (frame.top + frame.height) / pt]
    labels = [w for w in chart_words if w.text in ("refugees", "displaced", "worldwide", "Ukraine")]
    assert labels and min(w.y1 - w.y0 for w in labels) >= 10, [(w.text, w.y1 - w.y0) for w in labels]
    xs = [w.x0 for w in chart_words] + [w.x1 for w in chart_words]
    assert left - 10 <= min(xs) and max(xs) <= right + 10 and max(xs) - min(xs) > 0.8 * (right - left)
    for k, a in enumerate(chart_words):  # no two words drawn over each other
        for b in chart_words[k + 1 :]:
            overlap_x = min(a.x1, b.x1) - max(a.x0, b.x0)
            overlap_y = min(a.y1, b.y1) - max(a.y0, b.y0)
            assert overlap_x <= 0.5 or overlap_y <= 0.5, (a.text, b.text)
