"""Chart blocks: the YAML body of a ```` ```chart ```` fence → a validated :class:`model.Chart`.

Accepted keys: ``type`` (bar, column, line, pie, scatter, stacked), ``title``, ``categories``,
``series`` (a map of name → values, or a list of ``{name, values}``), ``x-title``, ``y-title``,
or ``data: file.csv`` whose first column holds the categories and each further column a series,
and ``downsample: N`` to draw a long series as N averages of neighbouring values.  A chart holds at
most :data:`MAX_POINTS` values (more is a ``[too-large]`` error that offers ``downsample``).
Every problem is an error at the line of the key or value it is about.
"""

from __future__ import annotations

import csv
import io
import math
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

from . import model as m
from . import yamlsafe
from .budget import step
from .diagnostics import Diagnostics

_KNOWN = {
    "type",
    "title",
    "categories",
    "series",
    "data",
    "x-title",
    "y-title",
    "x_title",
    "y_title",
    "downsample",
}


def _at(pos: m.SourcePos, offset: int) -> m.SourcePos:
    return m.SourcePos(pos.path, pos.line + offset, 0)


MAX_POINTS = 10_000  # values in one chart (all series together); more with `downsample: N`
MAX_SERIES = 100
MAX_ABS = 1e100  # larger magnitudes (and non-zero ones below 1/MAX_ABS) cannot be drawn on an axis
MAX_REPORTED = 10  # bad values reported one by one, per chart


def parse_chart(
    code: str, pos: m.SourcePos, diags: Diagnostics, resolve: Callable[[str, m.SourcePos, str], str | None]
) -> m.Chart | None:
    """Return the Chart described by YAML ``code`` at ``pos``, or None after reporting errors.

    Each message points at the line of the key or value it is about; every bad value is reported
    (up to :data:`MAX_REPORTED`, then a count of the rest).
    """

    with step("reading the chart", pos):
        return _parse_chart(code, pos, diags, resolve)


Locate = Callable[..., m.SourcePos]  # key path in the chart's YAML -> its line in the lecture


def _parse_chart(
    code: str, pos: m.SourcePos, diags: Diagnostics, resolve: Callable[[str, m.SourcePos, str], str | None]
) -> m.Chart | None:
    loaded = _load_spec(code, pos, diags)
    if loaded is None:
        return None
    spec, lines = loaded

    def at(*path) -> m.SourcePos:
        """The line of ``path`` in the block (the fence's line when unknown)."""
        while path and path not in lines:
            path = path[:-1]
        return _at(pos, lines[path] + 1) if path else pos

    errors_before = len(diags.errors)
    _warn_unknown_keys(spec, at, diags)
    kind = _chart_kind(spec, at, diags)
    if "data" in spec:
        path = resolve(str(spec["data"]), at("data"), "chart data")
        if path is None:
            diags.error(f"chart data file '{spec['data']}' cannot be read", at("data"), "chart")
            return None
        categories, series = _from_csv(Path(path), at("data"), diags)
    else:
        categories = _categories(spec, at, diags)
        series = _series_values(_series_items(spec.get("series"), at, diags), at, diags)
    series = _check_series(kind, categories, series, at, diags, errors_before)
    if len(diags.errors) > errors_before:
        return None
    sized = _within_limits(spec, categories, series, pos, at, diags)
    if sized is None:
        return None
    categories, series = sized
    return m.Chart(
        m.ChartKind(kind),
        str(spec.get("title", "") or ""),
        tuple(categories),
        tuple(series),
        pos,
        str(spec.get("x-title", spec.get("x_title", "")) or ""),
        str(spec.get("y-title", spec.get("y_title", "")) or ""),
    )


def _load_spec(code: str, pos: m.SourcePos, diags: Diagnostics) -> tuple[dict, dict[tuple, int]] | None:
    """Return the chart's YAML mapping and the line of each key path in it, or None after an error."""
    try:
        spec, lines = yamlsafe.load_located(code) if code.strip() else (None, {})
    except yaml.MarkedYAMLError as e:
        line = e.problem_mark.line + 1 if e.problem_mark else 0
        diags.error(f"chart is not valid YAML: {e.problem}", _at(pos, line), "chart")
        return None
    if not isinstance(spec, dict):
        diags.error(
            "chart needs YAML keys: type, title, categories and series (or data: file.csv)", pos, "chart"
        )
        return None
    return spec, lines


def _warn_unknown_keys(spec: dict, at: Locate, diags: Diagnostics) -> None:
    for key in spec:
        if key not in _KNOWN:
            diags.warning(
                f"chart key '{key}' is not known and was ignored (known: {', '.join(sorted(_KNOWN))})",
                at(key),
                "chart-key",
            )


def _chart_kind(spec: dict, at: Locate, diags: Diagnostics) -> str:
    kind = str(spec.get("type", "column")).strip().lower()
    if kind not in m.CHART_KINDS:
        diags.error(
            f"unknown chart type '{kind}'; use one of {', '.join(m.CHART_KINDS)}", at("type"), "chart"
        )
    return kind


def _categories(spec: dict, at: Locate, diags: Diagnostics) -> list[str]:
    raw_cats = spec.get("categories")
    if not isinstance(raw_cats, list) or not raw_cats:
        diags.error(
            "chart needs 'categories' as a list, e.g. categories: [2019, 2020, 2021]",
            at("categories"),
            "chart",
        )
        return []
    return [str(c) for c in raw_cats]


def _series_items(raw_series: Any, at: Locate, diags: Diagnostics) -> list[tuple[Any, Any, tuple]]:
    """Return the (name, values, key path of the values) of each series written under ``series:``."""
    items: list[tuple[Any, Any, tuple]] = []
    if isinstance(raw_series, dict):
        items = [(k, v, ("series", k)) for k, v in raw_series.items()]
    elif isinstance(raw_series, list):
        for i, s in enumerate(raw_series):
            if isinstance(s, dict) and "values" in s:
                items.append(
                    (s.get("name", f"Series {len(items) + 1}"), s["values"], ("series", i, "values"))
                )
            else:
                diags.error("each entry of 'series' needs 'name' and 'values'", at("series", i), "chart")
    else:
        diags.error("chart needs 'series' as a map of name → list of numbers", at("series"), "chart")
    if len(items) > MAX_SERIES:
        diags.error(
            f"chart has {len(items)} series; at most {MAX_SERIES} can be told apart",
            at("series"),
            "too-large",
        )
        return []
    return items


def _series_values(
    items: list[tuple[Any, Any, tuple]], at: Locate, diags: Diagnostics
) -> list[m.ChartSeries]:
    """Return the series whose values are all numbers; every other value is an error at its line."""
    series: list[m.ChartSeries] = []
    bad = 0
    for name, values, where in items:
        if not isinstance(values, list):
            values, where = [values], (*where, None)
        nums = []
        for i, v in enumerate(values):
            num, why = _number(v)
            if num is None:
                bad += 1
                if bad <= MAX_REPORTED:
                    diags.error(f"series '{name}' has '{str(v)[:40]}', which {why}", at(*where, i), "chart")
                continue
            nums.append(num)
        if len(nums) == len(values):
            series.append(m.ChartSeries(str(name), tuple(nums)))
    if bad > MAX_REPORTED:
        diags.error(
            f"… and {bad - MAX_REPORTED} more values that are not numbers a chart can draw",
            at("series"),
            "chart",
        )
    return series


def _check_series(
    kind: str,
    categories: list[str],
    series: list[m.ChartSeries],
    at: Locate,
    diags: Diagnostics,
    errors_before: int,
) -> list[m.ChartSeries]:
    """Report series that do not fit the categories or the kind; return the series to draw."""
    if categories:
        for s in series:
            if len(s.values) != len(categories):
                diags.error(
                    f"series '{s.name}' has {len(s.values)} values but there are {len(categories)} "
                    "categories",
                    at("series", s.name),
                    "chart",
                )
    if not series and len(diags.errors) == errors_before:
        diags.error("chart has no series to draw", at("series"), "chart")
    if kind == "pie" and len(series) > 1:
        diags.warning("a pie chart shows one series; only the first is drawn", at("series"), "chart-pie")
        series = series[:1]
    if kind == "pie" and any(v < 0 for s in series for v in s.values):
        diags.error("a pie chart cannot show negative values", at("series"), "chart")
    return series


def _within_limits(
    spec: dict,
    categories: list[str],
    series: list[m.ChartSeries],
    pos: m.SourcePos,
    at: Locate,
    diags: Diagnostics,
) -> tuple[list[str], list[m.ChartSeries]] | None:
    """Return the data downsampled as ``downsample:`` asks; None after an error (too many points)."""
    points = sum(len(s.values) for s in series)
    wanted = spec.get("downsample")
    if wanted is not None:
        if isinstance(wanted, bool) or not isinstance(wanted, int) or not 2 <= wanted <= MAX_POINTS:
            diags.error(
                f"downsample must be a whole number of points from 2 to {MAX_POINTS}, not {wanted!r}",
                at("downsample"),
                "chart",
            )
            return None
        return downsample(categories, series, wanted)
    if points > MAX_POINTS:
        per = max(2, MAX_POINTS // max(len(series), 1))
        diags.error(
            f"chart has {points:,} values; a chart shows at most {MAX_POINTS:,}. Add 'downsample: {per}' to "
            "draw each series as that many averages of neighbouring values, or shorten the data",
            pos,
            "too-large",
        )
        return None
    return categories, series


def downsample(
    categories: list[str], series: list[m.ChartSeries], n: int
) -> tuple[list[str], list[m.ChartSeries]]:
    """Return at most ``n`` points per series: each the mean of a run of neighbours, labelled by its first category."""
    length = max((len(s.values) for s in series), default=0)
    if length <= n:
        return categories, series
    bounds = [round(i * length / n) for i in range(n + 1)]
    cats = [categories[bounds[i]] for i in range(n)] if categories else []
    out = []
    for s in series:
        vals = [math.fsum(s.values[a:b]) / (b - a) for a, b in zip(bounds, bounds[1:]) if b > a]
        out.append(m.ChartSeries(s.name, tuple(vals)))
    return cats, out


def _number(v: Any) -> tuple[float | None, str]:
    """Return (the value as a float, "") or (None, why it cannot be drawn)."""
    if isinstance(v, bool):
        return None, "is not a number"
    try:
        f = float(v) if isinstance(v, (int, float)) else float(str(v).replace(",", "").strip())
    except (ValueError, OverflowError):
        return None, ("is too large to draw" if isinstance(v, int) else "is not a number")
    if not math.isfinite(f):
        return None, "is infinite or undefined, not a number a chart can draw"
    if f != 0 and not 1 / MAX_ABS <= abs(f) <= MAX_ABS:
        return None, "is outside the range a chart can draw (1e-100 to 1e100 either side of zero)"
    return f, ""


def read_csv_rows(text: str) -> list[list[str]]:
    """Return the rows of CSV ``text`` (blank rows left out)."""
    return [row for row in csv.reader(io.StringIO(text)) if any(cell.strip() for cell in row)]


def _from_csv(path: Path, pos: m.SourcePos, diags: Diagnostics) -> tuple[list[str], list[m.ChartSeries]]:
    try:
        rows = read_csv_rows(path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError) as e:
        diags.error(f"chart data '{path.name}' cannot be read: {e}", pos, "chart")
        return [], []
    if len(rows) < 2 or len(rows[0]) < 2:
        diags.error(
            f"chart data '{path.name}' needs a header row and at least one data row with two columns",
            pos,
            "chart",
        )
        return [], []
    header, body = rows[0], rows[1:]
    categories = [yamlsafe.XML_INVALID.sub("", r[0]) for r in body]
    series = []
    bad = 0
    for j, name in enumerate(header[1:], start=1):
        values = []
        for i, r in enumerate(body, start=2):
            num, why = _number(r[j]) if j < len(r) else (None, "is missing")
            if num is None:
                bad += 1
                if bad <= MAX_REPORTED:
                    diags.error(
                        f"chart data '{path.name}' line {i}, column '{name}': "
                        f"'{(r[j] if j < len(r) else '')[:40]}' {why}",
                        pos,
                        "chart",
                    )
                continue
            values.append(num)
        series.append(m.ChartSeries(yamlsafe.XML_INVALID.sub("", name), tuple(values)))
    if bad > MAX_REPORTED:
        diags.error(
            f"… and {bad - MAX_REPORTED} more values in '{path.name}' that are not numbers a chart can draw",
            pos,
            "chart",
        )
    return ([], []) if bad else (categories, series)


def nice_max(v: float) -> float:
    if v <= 0:
        return 1.0
    exp = 10 ** math.floor(math.log10(v))
    for f in (1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10):
        if f * exp >= v:
            return f * exp
    return 10 * exp


def value_range(chart: m.Chart) -> tuple[float, float]:
    """Return the value axis (low, high) both outputs use: from 0 (or the lowest value) to a round top."""
    n = max(len(chart.categories), 1)
    if chart.kind == "stacked":
        vmax = max((sum(max(s.values[i], 0) for s in chart.series) for i in range(n)), default=1)
    else:
        vmax = max((v for s in chart.series for v in s.values), default=1)
    vmin = min(0.0, min((v for s in chart.series for v in s.values), default=0))
    return vmin, nice_max(vmax)


def series_colours(palette: dict[str, str], n: int = 0) -> list[str]:
    """Return the colours of a chart's series (or a pie's slices) in order, at least ``n`` of them:
    the theme's primary, accent, muted and light colours, then two fixed ones.  Both outputs use it."""
    base = [
        palette["primary"],
        palette["accent"],
        palette["muted"],
        palette.get("light", "#DCE8F4"),
        "#2E8B57",
        "#8B3A62",
    ]
    return base * (n // len(base) + 1)
