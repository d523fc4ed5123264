"""A position for the messages of the PDF renderer, which meets a file or URL without knowing its line.

WeasyPrint fetches what the handout's HTML and CSS name (a stylesheet's ``@import``, a ``url()``, a
``<link>``) long after the lecture was read, and the fetcher that refuses one only knows the URL.
:func:`place` gives each such message the first line, in the template's handout files and then in
the lecture, that names the refused file or URL; failing that, the lecture's first line, so every
message says which file it is about.
"""

from __future__ import annotations

import os
import re
from dataclasses import replace
from pathlib import Path
from urllib.parse import unquote, urlparse

from .diagnostics import Diagnostics
from .model import SourcePos

PLACED = ("remote-refused", "outside-project", "accessibility")  # the PDF renderer's own codes
_QUOTED = re.compile(r"'([^']+)'")
_TEXT = (".j2", ".html", ".jinja", ".jinja2", ".css", ".md", ".qmd")


def _needles(message: str) -> list[str]:
    """What a file would say to name the thing a message quotes: the URL or path, then its last part."""
    found = _QUOTED.search(message)
    if not found:
        return []
    quoted = found.group(1)
    path = unquote(urlparse(quoted).path) if "://" in quoted else quoted
    name = os.path.basename(path.rstrip("/"))
    return [n for n in dict.fromkeys((quoted, name)) if len(n) >= 3]


def _line_naming(needles: list[str], files: list[Path]) -> SourcePos | None:
    for needle in needles:
        for f in files:
            try:
                text = f.read_text(encoding="utf-8", errors="replace")
            except OSError:
                continue
            at = text.find(needle)
            if at >= 0:
                return SourcePos(os.path.relpath(f), text.count("\n", 0, at) + 1)
    return None


def place(diags: Diagnostics, handout_dirs: list[Path], source: Path) -> None:
    """Give every message of the PDF renderer in ``diags`` that has no position the line naming what
    it refused (see the module's documentation)."""
    if not any(d.pos is None and d.code in PLACED for d in diags.items):
        return
    files = [
        p for d in handout_dirs for p in sorted(Path(d).rglob("*")) if p.is_file() and p.suffix in _TEXT
    ] + [Path(source)]
    placed = []
    for d in diags.items:
        if d.pos is None and d.code in PLACED:
            d = replace(
                d, pos=_line_naming(_needles(d.message), files) or SourcePos(os.path.relpath(source), 1)
            )
        if d not in placed:
            placed.append(d)
    diags.items[:] = placed
