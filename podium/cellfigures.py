"""The pictures a knitr or Quarto code cell shows, found without running it.

Podium executes no code.  Two kinds of cell still name their pictures:

- ``knitr::include_graphics("images/x.png")`` (or ``include_graphics(c("a.png", "b.png"))``): the
  cell only shows those files;
- a cell whose plot an earlier render (``quarto render``, ``rmarkdown::render``, knitr) left on disk,
  as knitr names it: ``{fig.path}{label}-{n}.{ext}``, where ``fig.path`` is the cell's own, else the
  front matter's ``knitr: opts_chunk: fig.path``, else knitr's defaults (``{stem}_files/figure-revealjs/``
  and the like for Quarto and R Markdown, ``figure/`` for plain knitr).

Without them a slide whose only content is a plot (``echo: false``) would be empty.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from typing import Any

_CALL = re.compile(r"^\s*(?:knitr::)?include_graphics\(\s*(.*?)\s*\)\s*$", re.S)
_STRING = re.compile(r"""^\s*(["'])(.*?)\1\s*$""")
_FORMATS = ("revealjs", "html", "pptx", "beamer", "latex", "markdown")
_EXTENSIONS = ("svg", "png", "jpg", "jpeg", "gif", "webp")
MAX_FIGURES = 50  # a cell's figures looked for: label-1 … label-50


def included(code: str) -> list[str] | None:
    """The files of a cell that only calls ``include_graphics``; None for any other cell."""
    lines = [ln for ln in code.split("\n") if ln.strip() and not ln.lstrip().startswith("#")]
    mt = _CALL.match("\n".join(lines))
    if mt is None:
        return None
    arg = mt.group(1)
    vector = re.match(r"^c\((.*)\)$", arg, re.S)
    pieces = vector.group(1).split(",") if vector else [arg]
    out = []
    for piece in pieces:
        joined = _JOINED.match(piece.strip())
        if joined is not None:  # here::here("images", "x.png"), file.path(…): the path its strings make
            parts = [_STRING.match(p) for p in joined.group(1).split(",")]
            if not parts or any(p is None for p in parts):
                return None
            out.append("/".join(p.group(2) for p in parts if p is not None))
            continue
        s = _STRING.match(piece)
        if s is None:  # a variable, a call: not a path written in the cell
            return None
        out.append(s.group(2))
    return out or None


# a path made of strings: here's `here::here("images", "x.png")` (from the project's root: the lecture's
# folder or one above it, where Podium looks for pictures too), base R's `file.path(…)`
_JOINED = re.compile(r"^(?:here::)?(?:here|file\.path)\((.*)\)$", re.S)


def label(info: str, options: Mapping[str, Any]) -> str | None:
    """A cell's label: ``#| label: x``, ``{r, label=x}`` or the first name in ``{r x}``."""
    value = options.get("label")
    if isinstance(value, str) and value.strip():
        return value.strip()
    head = re.match(r"^\{?\s*[A-Za-z]\w*[\s,]+([^\s,=}]+)\s*[,}]", info)
    if head and "=" not in head.group(1):
        return head.group(1).strip("\"'")
    return None


def fig_paths(options: Mapping[str, Any], raw_meta: Mapping[str, Any], stem: str) -> list[str]:
    """Where knitr would have written this cell's figures (prefixes, relative to the lecture)."""
    paths = []
    for key in ("fig.path", "fig-path"):
        if isinstance(options.get(key), str):
            paths.append(options[key])
    knitr = raw_meta.get("knitr")
    chunk = knitr.get("opts_chunk") if isinstance(knitr, Mapping) else None
    if isinstance(chunk, Mapping):
        for key in ("fig.path", "fig-path"):
            if isinstance(chunk.get(key), str):
                paths.append(chunk[key])
    paths += [f"{stem}_files/figure-{fmt}/" for fmt in _FORMATS]
    paths.append("figure/")
    return paths


def rendered(label: str, prefixes: list[str], base_dir: str) -> list[str]:
    """The figures an earlier render wrote for the cell ``label`` (paths relative to ``base_dir``),
    from the first prefix that has any, in their order."""
    if not re.fullmatch(r"[\w.-]+", label):
        return []
    for prefix in prefixes:
        if os.path.isabs(prefix) or ".." in re.split(r"[/\\]", prefix):
            continue  # only the lecture's own folder is looked in (then the path policy decides)
        found = []
        for n in range(1, MAX_FIGURES + 1):
            hit = next(
                (
                    f"{prefix}{label}-{n}.{ext}"
                    for ext in _EXTENSIONS
                    if os.path.isfile(os.path.join(base_dir, f"{prefix}{label}-{n}.{ext}"))
                ),
                None,
            )
            if hit is None:
                break
            found.append(hit)
        if found:
            return found
    return []
