"""A chart IR node → a vector SVG of the same numbers, in the theme's colours (for the handout).

Drawn by hand rather than with a plotting library: the output is small, text stays text (so
``check`` can read the values back from the PDF), and the colours are the deck's.
"""

from __future__ import annotations

import html
import math
from dataclasses import dataclass

from .. import model as m
from ..charts import series_colours, value_range
from ..deck.plan import chart_axes

CANVAS = (720.0, 400.0)  # the drawing's units (w, h) when no size is given
LABEL_H = 16  # the height of a category label on a bar chart's vertical axis
VALUE_LABEL_W = 16  # a value is written beside its point or column while they are this far apart
BAR_LABEL_H = 10  # ... beside its bar
ALL_LABELS = 60  # an axis of up to this many categories names every one; a longer one as many as fit
MARKER_MIN_SPACING = 9  # a line chart marks its points while they are at least this far apart


def _label_w(cats) -> float:
    """The room the longest category label needs along a horizontal axis."""
    return max(len(str(c)) for c in cats) * 7.5 + 8


def _dot(x: float, y: float, r: float) -> str:
    """A filled circle as a subpath (two arcs), so all markers of a series are one path."""
    return f"M{x - r:.1f} {y:.1f}a{r:g} {r:g} 0 1 0 {2 * r:g} 0a{r:g} {r:g} 0 1 0 {-2 * r:g} 0z"


def _e(s: str) -> str:
    return html.escape(str(s), quote=True)


def _fmt(v: float) -> str:
    return f"{v:,.0f}" if abs(v) >= 100 or v == int(v) else f"{v:,.2f}".rstrip("0").rstrip(".")


DECK_LABEL_PT = 16  # the type of the deck's chart labels (podium.deck.charts), which 14 units here stand for


def chart_svg(
    chart: m.Chart, palette: dict[str, str], fonts: dict[str, str], size: tuple[float, float] | None = None
) -> str:
    """Return an inline SVG drawing of ``chart``: 720 x 400 units, as wide as its container; or, given
    ``size`` (w, h in points: a slide drawing's box where the deck has the chart), filling exactly that,
    with labels near the deck's size (at least 600 units wide, so that long labels keep their room)."""
    cw, ch = CANVAS
    shown = ""
    if size is not None and size[0] > 0 and size[1] > 0:
        cw = max(600.0, size[0] * 14 / DECK_LABEL_PT)
        ch = cw * size[1] / size[0]
        shown = f' style="width:{size[0]:.1f}pt;height:{size[1]:.1f}pt"'
    colours = series_colours(palette)
    font = _e(fonts.get("body", "sans-serif"))
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {cw:.0f} {ch:.0f}" width="100%"{shown} role="img" '
        f'aria-label="{_e(chart.title or "chart")}" font-family="{font}, sans-serif" font-size="14">'
    ]
    top = 40 if chart.title else 15
    if chart.title:
        out.append(
            f'<text x="{cw / 2}" y="24" text-anchor="middle" font-size="18" font-weight="bold" '
            f'fill="{palette["text"]}">{_e(chart.title)}</text>'
        )
    legend_h = 30 if (len(chart.series) > 1 or chart.kind == "pie") else 0
    out += _DRAW[chart.kind](chart, colours, palette, top, legend_h, cw, ch)
    if legend_h:
        names = [c for c in chart.categories] if chart.kind == "pie" else [s.name for s in chart.series]
        x = 20.0
        for k, name in enumerate(names):
            out.append(
                f'<rect x="{x}" y="{ch - 22}" width="12" height="12" fill="{colours[k % len(colours)]}"/>'
            )
            out.append(f'<text x="{x + 16}" y="{ch - 11}" fill="{palette["text"]}">{_e(name)}</text>')
            x += 30 + 7.5 * len(str(name))
    out.append("</svg>")
    return "".join(out)


def _pie(chart, colours, palette, top, legend_h, cw, ch):
    out = []
    values = chart.series[0].values
    total = sum(values) or 1.0
    cx, cy = cw / 2, top + (ch - top - legend_h) / 2
    r = (ch - top - legend_h) / 2 - 10
    angle = -math.pi / 2
    for k, v in enumerate(values):
        sweep = 2 * math.pi * v / total
        x1, y1 = cx + r * math.cos(angle), cy + r * math.sin(angle)
        x2, y2 = cx + r * math.cos(angle + sweep), cy + r * math.sin(angle + sweep)
        large = 1 if sweep > math.pi else 0
        if v >= total:
            out.append(f'<circle cx="{cx}" cy="{cy}" r="{r}" fill="{colours[k % len(colours)]}"/>')
        else:
            out.append(
                f'<path d="M{cx:.1f},{cy:.1f} L{x1:.1f},{y1:.1f} A{r:.1f},{r:.1f} 0 {large} 1 '
                f'{x2:.1f},{y2:.1f} Z" fill="{colours[k % len(colours)]}" stroke="white"/>'
            )
        mid = angle + sweep / 2
        lx, ly = cx + r * 0.65 * math.cos(mid), cy + r * 0.65 * math.sin(mid)
        out.append(
            f'<text x="{lx:.1f}" y="{ly:.1f}" text-anchor="middle" fill="white" '
            f'font-weight="bold">{_e(_fmt(v))}</text>'
        )
        angle += sweep
    return out


@dataclass(frozen=True)
class _Plot:
    """The plotting area of an axes chart (SVG units) and the value range its value axis spans."""

    left: float
    right: float
    top: float
    bottom: float
    vmin: float
    vmax: float
    horizontal: bool  # a bar chart: values run left to right, categories bottom to top

    def scale(self, v: float) -> float:
        """Where ``v`` sits on the value axis, 0 at ``vmin`` and 1 at ``vmax``."""
        return (v - self.vmin) / ((self.vmax - self.vmin) or 1)


def _axes_chart(chart, colours, palette, top, legend_h, cw, ch):
    horizontal = chart.kind == "bar"
    cats = list(chart.categories)
    vmin, vmax = value_range(chart)
    label_w = min(max((len(c) for c in cats), default=4) * 7.5 + 10, 260) if horizontal else 60
    left = label_w + (20 if chart.y_title and not horizontal else 0)
    right = cw - 20
    # a category name wider than its column goes on two lines, as PowerPoint sets it
    two_lines = not horizontal and any(len(_wrapped(c, (right - left) / max(len(cats), 1))) > 1 for c in cats)
    bottom = ch - legend_h - (45 if chart.x_title or horizontal else 35) - (LABEL_H if two_lines else 0)
    p = _Plot(left, right, top, bottom, vmin, vmax, horizontal)
    muted, text = palette["muted"], palette["text"]
    band = ((bottom - top) if horizontal else (right - left)) / max(len(cats), 1)
    axes = chart_axes(chart)
    out = _value_ticks(p, muted)
    if axes.x_numeric:
        out += _numeric_x_ticks(p, axes.x_range, muted)
    else:
        out += _category_labels(cats, p, band, text)
    if chart.kind in ("line", "scatter"):
        out += _points(chart, p, axes, band, colours, text)
    else:
        out += _bars(chart, p, band, colours, text)
    out.append(f'<line x1="{left}" y1="{bottom}" x2="{right}" y2="{bottom}" stroke="{muted}"/>')
    return out + _axis_titles(chart, p, text)


def _value_ticks(p: _Plot, muted: str) -> list[str]:
    """Six gridlines across the value axis, each with its value."""
    out = []
    for t in (p.vmin + (p.vmax - p.vmin) * i / 5 for i in range(6)):
        if p.horizontal:
            x = p.left + p.scale(t) * (p.right - p.left)
            out.append(f'<line x1="{x:.1f}" y1="{p.top}" x2="{x:.1f}" y2="{p.bottom}" stroke="#DDDDDD"/>')
            out.append(
                f'<text x="{x:.1f}" y="{p.bottom + 16}" text-anchor="middle" fill="{muted}">{_fmt(t)}</text>'
            )
        else:
            y = p.bottom - p.scale(t) * (p.bottom - p.top)
            out.append(f'<line x1="{p.left}" y1="{y:.1f}" x2="{p.right}" y2="{y:.1f}" stroke="#DDDDDD"/>')
            out.append(
                f'<text x="{p.left - 6}" y="{y + 4:.1f}" text-anchor="end" fill="{muted}">{_fmt(t)}</text>'
            )
    return out


def _numeric_x_ticks(p: _Plot, x_range: tuple[float, float], muted: str) -> list[str]:
    """Six values along a numeric (scatter) x axis."""
    x_lo, x_hi = x_range
    out = []
    for t in (x_lo + (x_hi - x_lo) * i / 5 for i in range(6)):
        x = p.left + (t - x_lo) / ((x_hi - x_lo) or 1) * (p.right - p.left)
        out.append(
            f'<text x="{x:.1f}" y="{p.bottom + 18}" text-anchor="middle" fill="{muted}">{_fmt(t)}</text>'
        )
    return out


def _category_labels(cats: list[str], p: _Plot, band: float, text: str) -> list[str]:
    """Each category's name at the middle of its band; on an axis of more than ALL_LABELS categories
    every k-th, as many as there is room for (the values are read from the alt text, not the drawing)."""
    if not cats:
        return []
    room = (p.bottom - p.top) / LABEL_H if p.horizontal else (p.right - p.left) / _label_w(cats)
    every = 1 if len(cats) <= ALL_LABELS else max(1, math.ceil(len(cats) / max(room, 1)))
    out = []
    for i in range(0, len(cats), every):
        cat = cats[i]
        if p.horizontal:
            # the first category at the bottom, as PowerPoint draws it
            cy = p.top + band * (len(cats) - 1 - i) + band / 2
            out.append(
                f'<text x="{p.left - 6}" y="{cy + 4:.1f}" text-anchor="end" fill="{text}">{_e(cat)}</text>'
            )
        else:
            cx = p.left + band * i + band / 2
            wrapped = _wrapped(cat, band if every == 1 else band * every)
            lines = (
                _e(cat)
                if len(wrapped) == 1
                else "".join(
                    f'<tspan x="{cx:.1f}" dy="{0 if k == 0 else LABEL_H}">{_e(line)}</tspan>'
                    for k, line in enumerate(wrapped)
                )
            )
            out.append(
                f'<text x="{cx:.1f}" y="{p.bottom + 18}" text-anchor="middle" fill="{text}">{lines}</text>'
            )
    return out


CHAR_W = 7.0  # about how wide a character of a 14-unit label is


def _wrapped(label: str, room: float) -> list[str]:
    """``label`` as one line, or two (broken at the space nearest its middle) when it is wider than
    ``room`` and has a space to break at."""
    label = str(label)
    if len(label) * CHAR_W <= room - 6 or " " not in label.strip():
        return [label]
    spaces = [k for k, ch in enumerate(label) if ch == " "]
    k = min(spaces, key=lambda k: abs(k - len(label) / 2))
    return [label[:k], label[k + 1 :]]


def _points(chart, p: _Plot, axes, band: float, colours: list[str], text: str) -> list[str]:
    """Line and scatter series: a line through the points (line), markers, values while they fit."""
    x_lo, x_hi = axes.x_range

    def x_at(i):  # where point i sits: at its number on a numeric scatter axis, else in its band
        if axes.x_numeric:
            return p.left + (axes.x_values[i] - x_lo) / ((x_hi - x_lo) or 1) * (p.right - p.left)
        return p.left + band * i + band / 2

    # one polyline and one path of markers per series: the drawing's size grows with the points,
    # its number of elements does not; values are written beside the points only while they fit
    points = max((len(s.values) for s in chart.series), default=0)
    spacing = (p.right - p.left) / max(points, 1)
    out = []
    for k, s in enumerate(chart.series):
        pts = [(x_at(i), p.bottom - p.scale(v) * (p.bottom - p.top), v) for i, v in enumerate(s.values)]
        c = colours[k % len(colours)]
        if chart.kind == "line":
            out.append(
                f'<polyline fill="none" stroke="{c}" stroke-width="{3 if spacing >= 4 else 1.5}" points="'
                + " ".join(f"{x:.1f},{y:.1f}" for x, y, _ in pts)
                + '"/>'
            )
        if chart.kind == "scatter" or spacing >= MARKER_MIN_SPACING:
            r = 4.5 if spacing >= MARKER_MIN_SPACING or len(pts) <= 200 else 2.0
            out.append(f'<path fill="{c}" d="' + "".join(_dot(x, y, r) for x, y, _ in pts) + '"/>')
        if spacing >= VALUE_LABEL_W:
            out += [
                f'<text x="{x:.1f}" y="{y - 9:.1f}" text-anchor="middle" fill="{text}" '
                f'font-size="12">{_fmt(v)}</text>'
                for x, y, v in pts
            ]
    return out


def _bars(chart, p: _Plot, band: float, colours: list[str], text: str) -> list[str]:
    """Bars (side by side, or stacked), one band per category: one path per series, then the values
    over them while they fit."""
    n = max(len(chart.categories), 1)
    ns = len(chart.series)
    labelled = band / (1 if chart.kind == "stacked" else ns) >= (
        BAR_LABEL_H if p.horizontal else VALUE_LABEL_W
    )
    shapes: list[list[str]] = [[] for _ in chart.series]
    labels: list[str] = []
    for i in range(n):
        acc = 0.0
        for k, s in enumerate(chart.series):
            v = s.values[i]
            if chart.kind == "stacked":
                a, b = p.scale(acc), p.scale(acc + v)
                acc += v
                thick, off = band * 0.6, band * 0.2
            else:
                a, b = p.scale(0), p.scale(v)
                thick = band * 0.7 / ns
                off = band * 0.15 + thick * k
            if p.horizontal:
                y = p.top + band * (n - 1 - i) + off
                x0, x1 = p.left + min(a, b) * (p.right - p.left), p.left + max(a, b) * (p.right - p.left)
                shapes[k].append(f"M{x0:.1f} {y:.1f}h{x1 - x0:.1f}v{thick:.1f}h{x0 - x1:.1f}z")
                label = f'<text x="{x1 + 5:.1f}" y="{y + thick / 2 + 5:.1f}" fill="{text}" font-size="13">'
            else:
                x = p.left + band * i + off
                y0, y1 = p.bottom - max(a, b) * (p.bottom - p.top), p.bottom - min(a, b) * (p.bottom - p.top)
                shapes[k].append(f"M{x:.1f} {y0:.1f}h{thick:.1f}v{y1 - y0:.1f}h{-thick:.1f}z")
                label = (
                    f'<text x="{x + thick / 2:.1f}" y="{y0 - 5:.1f}" text-anchor="middle" '
                    f'fill="{text}" font-size="13">'
                )
            if labelled:
                labels.append(f"{label}{_fmt(v)}</text>")
    out = [f'<path fill="{colours[k % len(colours)]}" d="{"".join(d)}"/>' for k, d in enumerate(shapes)]
    return out + labels


def _axis_titles(chart, p: _Plot, text: str) -> list[str]:
    out = []
    if chart.x_title and not p.horizontal:
        out.append(
            f'<text x="{(p.left + p.right) / 2}" y="{p.bottom + 38}" text-anchor="middle" fill="{text}" '
            f'font-weight="bold">{_e(chart.x_title)}</text>'
        )
    if chart.y_title:
        if p.horizontal:
            out.append(
                f'<text x="{(p.left + p.right) / 2}" y="{p.bottom + 36}" text-anchor="middle" fill="{text}" '
                f'font-weight="bold">{_e(chart.y_title)}</text>'
            )
        else:
            out.append(
                f'<text transform="translate(14,{(p.top + p.bottom) / 2}) rotate(-90)" text-anchor="middle" '
                f'fill="{text}" font-weight="bold">{_e(chart.y_title)}</text>'
            )
    return out


# How each chart kind is drawn; a kind missing here is reported [not-rendered] before drawing
# (podium.rendering), never drawn as something else.
_DRAW = {
    m.ChartKind.PIE: _pie,
    m.ChartKind.BAR: _axes_chart,
    m.ChartKind.COLUMN: _axes_chart,
    m.ChartKind.STACKED: _axes_chart,
    m.ChartKind.LINE: _axes_chart,
    m.ChartKind.SCATTER: _axes_chart,
}
CHART_KINDS = frozenset(_DRAW)
