"""Alternative text for what is drawn rather than written: charts, equations, and the box standing
for a picture that cannot be drawn, in both outputs.

A chart's alt text names its kind and title and then lists every value, in one fixed form a
program can read back (``build.py check`` and the tests parse it with :func:`parse_chart_alt`)::

    Bar chart: Reported deaths and displacement (millions). Millions: Ukraine refugees = 14; COVID-19 deaths = 6.6.

Series are separated by " | ", values by "; ".  An equation's alt text is its TeX.
"""

from __future__ import annotations

import os
import re
from urllib.parse import unquote, urlparse

from . import model as m


def _fmt(v: float) -> str:
    return f"{v:g}"


def chart_alt(chart: m.Chart, word: str = "chart") -> str:
    """Return the alt text of ``chart``: kind, title and every value with its category."""
    kind = str(getattr(chart.kind, "value", chart.kind))
    head = f"{kind.capitalize()} {word}" + (f": {chart.title}" if chart.title else "")
    parts = []
    for s in chart.series:
        pairs = "; ".join(f"{c} = {_fmt(v)}" for c, v in zip(chart.categories, s.values))
        parts.append(f"{s.name}: {pairs}" if s.name else pairs)
    return f"{head}. {' | '.join(parts)}."


def parse_chart_alt(text: str) -> dict[str, list[tuple[str, float]]]:
    """Return {series name: [(category, value), …]} read back from :func:`chart_alt`'s text."""
    body = text.split(". ", 1)[1] if ". " in text else text
    body = body.rstrip(".")
    out: dict[str, list[tuple[str, float]]] = {}
    for part in body.split(" | "):
        name, _, pairs = part.rpartition(": ") if re.search(r": [^=]* = ", part) else ("", "", part)
        values = []
        for pair in pairs.split("; "):
            cat, _, val = pair.rpartition(" = ")
            try:
                values.append((cat, float(val)))
            except ValueError:
                continue
        out[name] = values
    return out


def math_alt(tex: str) -> str:
    """Return the alt text of an equation: its TeX source."""
    return tex.strip()


_MEDIA = {
    **dict.fromkeys((".mp4", ".webm", ".mov", ".m4v", ".ogv", ".avi", ".mkv"), "video"),
    **dict.fromkeys((".mp3", ".wav", ".oga", ".m4a", ".flac"), "sound"),
    **dict.fromkeys((".html", ".htm"), "web page"),
}


# what a beamer deck's TikZ picture, which Podium does not draw, is written as (podium.beamer): a box;
# a picture of LaTeX's own picture environment (\put, \vector) likewise
TIKZ_PICTURE = "tikz:"
LATEX_PICTURE = "latex-picture:"
# (what each is called in the box and the warnings)
DRAWN_KINDS = {TIKZ_PICTURE: "TikZ picture", LATEX_PICTURE: "LaTeX picture"}


def media_kind(src: str) -> str | None:
    """ "video", "sound", "web page", "TikZ picture" or "LaTeX picture" for a file written as a picture
    that is none, else None."""
    if src in DRAWN_KINDS:
        return DRAWN_KINDS[src]
    return _MEDIA.get(os.path.splitext(urlparse(src).path)[1].lower())


def missing_text(src: str) -> str:
    """The words in the box that stands for a picture that cannot be drawn (missing, refused, or a
    video, sound or web page written as a picture): what it is, and its name."""
    if src in DRAWN_KINDS:
        return DRAWN_KINDS[src] + ", not drawn"
    shown = (
        src if "://" in src else unquote(src)
    )  # (a file's name as written: `irf 2.png`, not `irf%202.png`)
    return f"{media_kind(src) or 'missing picture'}: {shown}"
