"""The pictures a knitr or Quarto code cell shows, found without running it.

Podium executes no code.  Two kinds of cell still name their pictures:

- ``knitr::include_graphics("images/x.png", dpi = 600)`` (or ``include_graphics(c("a.png", "b.png"))``,
  or several calls): the cell shows those files;
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
from dataclasses import dataclass
from typing import Any

_CALL = re.compile(r"(?<![\w.:])(?:knitr::)?include_graphics\s*\(")
_STRING = re.compile(r"""^\s*(["'])(.*?)\1\s*$""", re.S)
_FORMATS = ("revealjs", "html", "pptx", "beamer", "latex", "markdown")
_EXTENSIONS = ("svg", "png", "jpg", "jpeg", "gif", "webp")
MAX_FIGURES = 50  # a cell's figures looked for: label-1 … label-50


@dataclass(frozen=True)
class Included:
    """What a cell's ``include_graphics`` calls show: the files written in them, each with the line of
    its call (0-based, in the cell's code); the lines of calls whose files are not written in the cell
    (a variable, a computed path); and the cell's code without those calls."""

    files: tuple[tuple[str, int], ...]
    unread: tuple[int, ...]
    rest: str


def included(code: str) -> Included | None:
    """The ``include_graphics`` calls of a cell (any arguments besides the path, several calls, a vector
    of paths); None for a cell that makes none."""
    masked = _masked(code)
    files: list[tuple[str, int]] = []
    unread: list[int] = []
    rest = list(code)
    for mt in _CALL.finditer(masked):
        close = _closing(masked, mt.end() - 1)
        if close is None:
            continue
        line = code.count("\n", 0, mt.start())
        paths = _path_argument(code, masked, mt.end(), close)
        if paths is None:
            unread.append(line)
        else:
            files += [(p, line) for p in paths]
        for i in range(mt.start(), close + 1):  # the call, out of what else the cell runs
            if rest[i] != "\n":
                rest[i] = " "
    if not files and not unread:
        return None
    return Included(tuple(files), tuple(unread), "".join(rest))


def _masked(code: str) -> str:
    """The code with its strings' insides as ``_`` and its comments as spaces (the same length, so a
    place in one is the same place in the other)."""
    out = []
    quote = ""
    comment = False
    escaped = False
    for ch in code:
        if comment:
            comment = ch != "\n"
            out.append(ch if ch == "\n" else " ")
        elif quote:
            if escaped:
                escaped = False
            elif ch == "\\":
                escaped = True
            elif ch == quote:
                quote = ""
                out.append(ch)
                continue
            out.append("_" if ch != "\n" else ch)
        elif ch in "\"'":
            quote = ch
            out.append(ch)
        elif ch == "#":
            comment = True
            out.append(" ")
        else:
            out.append(ch)
    return "".join(out)


def _closing(masked: str, opening: int) -> int | None:
    """Where the bracket opened at ``opening`` closes; None when it does not."""
    depth = 0
    for i in range(opening, len(masked)):
        if masked[i] in "([{":
            depth += 1
        elif masked[i] in ")]}":
            depth -= 1
            if depth == 0:
                return i
    return None


def _arguments(code: str, masked: str, start: int, end: int) -> list[str]:
    """The arguments between ``start`` and ``end``, split at the commas outside brackets and strings."""
    args, depth, begin = [], 0, start
    for i in range(start, end):
        if masked[i] in "([{":
            depth += 1
        elif masked[i] in ")]}":
            depth -= 1
        elif masked[i] == "," and depth == 0:
            args.append((begin, i))
            begin = i + 1
    args.append((begin, end))
    return [_strip_comments(code[a:b], masked[a:b]) for a, b in args if masked[a:b].strip()]


def _strip_comments(text: str, masked: str) -> str:
    return "".join(c for c, k in zip(text, masked, strict=True) if not (k == " " and c != " ")).strip()


def _path_argument(code: str, masked: str, start: int, end: int) -> list[str] | None:
    """The files of an ``include_graphics`` call's ``path`` (its first unnamed argument, or ``path =``):
    other arguments (``dpi =``, ``error =``) do not change which file is shown."""
    for arg in _arguments(code, masked, start, end):
        named = re.match(r"^([A-Za-z.][\w.]*)\s*=(?!=)\s*(.*)$", arg, re.S)
        if named is None:
            return _paths(arg)
        if named.group(1) == "path":
            return _paths(named.group(2))
    return None


def _paths(expr: str) -> list[str] | None:
    """The paths an R expression written of strings names: ``"x.png"``, ``c("a.png", "b.png")``,
    ``here::here("images", "x.png")``, ``file.path(…)``; None for anything else (a variable, a call)."""
    expr = expr.strip()
    s = _STRING.match(expr)
    if s is not None:
        return [s.group(2)]
    call = re.match(r"^((?:here::)?here|file\.path|c)\s*\((.*)\)$", expr, re.S)
    if call is None:
        return None
    masked = _masked(call.group(2))
    pieces = [_paths(a) for a in _arguments(call.group(2), masked, 0, len(masked))]
    if not pieces or any(p is None for p in pieces):
        return None
    if call.group(1) == "c":  # a vector: each of its paths
        return [path for p in pieces if p is not None for path in p]
    if any(p is None or len(p) != 1 for p in pieces):
        return None
    # here's `here::here("images", "x.png")` (from the project's root: the lecture's folder or one above
    # it, where Podium looks for pictures too), base R's `file.path(…)`: the path its strings make
    return ["/".join(p[0] for p in pieces if p is not None)]


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
