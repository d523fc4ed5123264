"""Chart blocks: the YAML body of a ```` ```chart ```` fence → a validated :class:`model.Chart`.

Accepted keys: ``type`` (bar, column, line, pie, scatter, stacked), ``title``, ``categories``,
``series`` (a map of name → values, or a list of ``{name, values}``), ``x-title``, ``y-title``,
or ``data: file.csv`` whose first column holds the categories and each further column a series.
Every problem is an error at the block's line (plus the offending line inside it where known).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

from . import model as m
from . import yamlsafe
from .diagnostics import Diagnostics

_KNOWN = {"type", "title", "categories", "series", "data", "x-title", "y-title", "x_title", "y_title"}


def _at(pos: m.SourcePos, offset: int) -> m.SourcePos:
    return m.SourcePos(pos.path, pos.line + offset, 0)


def parse_chart(code: str, pos: m.SourcePos, diags: Diagnostics,
                resolve: Callable[[str, m.SourcePos, str], str | None]) -> m.Chart | None:
    """Return the Chart described by YAML ``code`` at ``pos``, or None after reporting errors."""
    try:
        spec = yamlsafe.load(code) if code.strip() else None
    except yaml.MarkedYAMLError as e:
        line = e.problem_mark.line + 1 if e.problem_mark else 0
        diags.error(f"chart is not valid YAML: {e.problem}", _at(pos, line), "chart")
        return None
    if not isinstance(spec, dict):
        diags.error("chart needs YAML keys: type, title, categories and series (or data: file.csv)", pos, "chart")
        return None
    errors_before = len(diags.errors)
    for key in spec:
        if key not in _KNOWN:
            diags.warning(f"chart key '{key}' is not known and was ignored (known: {', '.join(sorted(_KNOWN))})",
                          pos, "chart-key")
    kind = str(spec.get("type", "column")).strip().lower()
    if kind not in m.CHART_KINDS:
        diags.error(f"unknown chart type '{kind}'; use one of {', '.join(m.CHART_KINDS)}", pos, "chart")
    categories: list[str] = []
    series: list[m.ChartSeries] = []
    if "data" in spec:
        path = resolve(str(spec["data"]), pos, "chart data")
        if path is None:
            diags.error(f"chart data file '{spec['data']}' cannot be read", pos, "chart")
            return None
        categories, series = _from_csv(Path(path), pos, diags)
    else:
        raw_cats = spec.get("categories")
        if not isinstance(raw_cats, list) or not raw_cats:
            diags.error("chart needs 'categories' as a list, e.g. categories: [2019, 2020, 2021]", pos, "chart")
        else:
            categories = [str(c) for c in raw_cats]
        raw_series = spec.get("series")
        items: list[tuple[Any, Any]] = []
        if isinstance(raw_series, dict):
            items = list(raw_series.items())
        elif isinstance(raw_series, list):
            for s in raw_series:
                if isinstance(s, dict) and "values" in s:
                    items.append((s.get("name", f"Series {len(items) + 1}"), s["values"]))
                else:
                    diags.error("each entry of 'series' needs 'name' and 'values'", pos, "chart")
        else:
            diags.error("chart needs 'series' as a map of name → list of numbers", pos, "chart")
        for name, values in items:
            if not isinstance(values, list):
                values = [values]
            nums = []
            for v in values:
                num = _number(v)
                if num is None:
                    diags.error(f"series '{name}' has '{v}', which is not a number", pos, "chart")
                    break
                nums.append(num)
            else:
                series.append(m.ChartSeries(str(name), tuple(nums)))
    if categories:
        for s in series:
            if len(s.values) != len(categories):
                diags.error(f"series '{s.name}' has {len(s.values)} values but there are {len(categories)} "
                            "categories", pos, "chart")
    if not series and len(diags.errors) == errors_before:
        diags.error("chart has no series to draw", pos, "chart")
    if kind == "pie" and len(series) > 1:
        diags.warning("a pie chart shows one series; only the first is drawn", pos, "chart-pie")
        series = series[:1]
    if kind == "pie" and any(v < 0 for s in series for v in s.values):
        diags.error("a pie chart cannot show negative values", pos, "chart")
    if len(diags.errors) > errors_before:
        return None
    return m.Chart(m.ChartKind(kind), str(spec.get("title", "") or ""), tuple(categories), tuple(series), pos,
                   str(spec.get("x-title", spec.get("x_title", "")) or ""),
                   str(spec.get("y-title", spec.get("y_title", "")) or ""))


def _number(v: Any) -> float | None:
    if isinstance(v, bool):
        return None
    if isinstance(v, (int, float)):
        return float(v) if math.isfinite(v) else None
    try:
        f = float(str(v).replace(",", "").strip())
    except ValueError:
        return None
    return f if math.isfinite(f) else None


def _from_csv(path: Path, pos: m.SourcePos, diags: Diagnostics) -> tuple[list[str], list[m.ChartSeries]]:
    from .reader import read_csv_rows

    try:
        rows = read_csv_rows(path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError) as e:
        diags.error(f"chart data '{path.name}' cannot be read: {e}", pos, "chart")
        return [], []
    if len(rows) < 2 or len(rows[0]) < 2:
        diags.error(f"chart data '{path.name}' needs a header row and at least one data row with two columns",
                    pos, "chart")
        return [], []
    header, body = rows[0], rows[1:]
    categories = [yamlsafe.XML_INVALID.sub("", r[0]) for r in body]
    series = []
    for j, name in enumerate(header[1:], start=1):
        values = []
        for i, r in enumerate(body, start=2):
            num = _number(r[j]) if j < len(r) else None
            if num is None:
                diags.error(f"chart data '{path.name}' line {i}, column '{name}': "
                            f"'{r[j] if j < len(r) else ''}' is not a number", pos, "chart")
                return [], []
            values.append(num)
        series.append(m.ChartSeries(yamlsafe.XML_INVALID.sub("", name), tuple(values)))
    return categories, series


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
