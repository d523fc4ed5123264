"""Quarto's conventions, read without running Quarto: includes, shortcodes, code cells, callouts.

* ``{{< include file >}}`` on a line of its own is replaced by the file's text, found inside the
  lecture's folder under the same path policy as pictures; every line keeps its own file and line
  for messages.  ``{{< video URL >}}`` becomes a link to the video (with a warning), ``{{< kbd … >}}``
  keeps its keys as code, ``{{< meta key >}}`` is the front matter's value (``author``, ``params.n``)
  and ``{{< var key >}}`` the value in ``_variables.yml`` beside the lecture (or a folder above it, up to
  the project's root); other shortcodes (``{{< fa … >}}``, ``{{< env … >}}``: no environment variable
  reaches the outputs) are left out with a warning.
* Executable cells (```` ```{r} ````, ```` ```{python} ````, ```` ```{julia} ````…) are shown as
  highlighted code, never run: ``#|`` option lines are removed and ``echo: false`` /
  ``include: false`` cells are left out; an ``echo: fenced`` cell is shown as written, with its fence
  and its other option lines.
* ``::: {.callout-note}`` (``tip``, ``warning``, ``important``, ``caution``) is a titled box.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from . import model as m
from .diagnostics import Diagnostics
from .markdown import fenced_lines
from .quartoproject import PROJECT_FILES
from .sourcefile import MAX_BYTES, decode_source

_SHORTCODE = re.compile(r"\{\{<\s*(/?\*?)?\s*([\w-]+)([^>]*?)\s*\*?>\}\}")
# a shortcode to replace, not one in a code span or escaped as {{{< … >}}} (Quarto shows those as written)
_SHORTCODE_OUTSIDE = re.compile(
    r"(`+[^`]*?`+|\{\{\{<[^>]*>\}\}\})|\{\{<\s*(?:/?\*?)?\s*[\w-]+[^>]*?\s*\*?>\}\}"
)
_INCLUDE_LINE = re.compile(r"^\s*\{\{<\s*include\s+(\S+?)\s*>\}\}\s*$")
# knitr's child document: an empty ```{r child = "part.Rmd"} chunk, knitted in its place (its options
# may hold R code with braces: child = glue::glue('{here::here()}/part.Rmd'))
CHILD_CHUNK = re.compile(r"^\s*(`{3,})\s*\{r\b([^\n]*?\bchild\s*=[^\n]*)\}\s*$", re.M)
# what marks the root of a project for R's here::here() (rprojroot's criteria), looked for upwards
_HERE_MARKS = (".here", "DESCRIPTION", "remake.yml", ".projectile", ".git", ".svn")
MAX_INCLUDE_DEPTH = 8
# the callout kinds, with Quarto's English titles (in the lecture's language: labels.yaml's callout_*)
CALLOUT_TITLES = {
    "note": "Note",
    "tip": "Tip",
    "warning": "Warning",
    "important": "Important",
    "caution": "Caution",
}
CELL_LANGS = frozenset(
    {
        "r",
        "python",
        "julia",
        "ojs",
        "bash",
        "sql",
        "mermaid",
        "dot",
        "observable",
        "sh",
        "stata",
        "sas",
        "octave",
        "matlab",
        "rcpp",
        "js",
        "css",  # (knitr's css engine: the deck's styling, its code shown only with echo)
        "scss",  # (knitr's sass engine, for scss and sass: compiled into the deck's styling, as css)
        "sass",
        # (other languages a knitr or Quarto cell is written in: shown as code, their `#|` lines options)
        "html",
        "c",
        "cpp",
        "cc",
        "fortran",
        "go",
        "groovy",
        "haskell",
        "java",
        "lua",
        "node",
        "perl",
        "php",
        "powershell",
        "ruby",
        "rust",
        "scala",
        "sed",
        "awk",
        "zsh",
        "stan",
        "mysql",
        "psql",
    }
)
# cells whose output styles the page: nothing of the lecture's to show
STYLING_LANGS = frozenset({"css", "scss", "sass"})


@dataclass
class Expanded:
    """Source text after includes, with each line's origin (file shown in messages, 1-based line)."""

    text: str
    origins: list[tuple[str, int]]


def expand_includes(
    text: str,
    shown: str,
    base_dir: str,
    diags: Diagnostics,
    policy,
    depth: int = 0,
    seen: tuple[str, ...] = (),
    remark: bool = False,
    root: str | None = None,
) -> Expanded:
    """Return ``text`` with ``{{< include f >}}`` lines, and knitr's empty ``{r child = "f.Rmd"}`` chunks,
    replaced by their files' text (a child's front matter left out, but in a remark deck (``remark``),
    where a child's leading ``---`` is a slide break, as knitr pastes the child's text in place).

    ``root``: the lecture's own folder, where R's ``here::here()`` starts looking for its project."""
    root = root or base_dir
    lines = text.split("\n")
    out: list[str] = []
    origins: list[tuple[str, int]] = []
    fenced = fenced_lines(lines)
    skip = -1  # (the closing line of a child chunk, taken with its opening line)
    for n, line in enumerate(lines, start=1):
        if n - 1 == skip:
            continue
        name = _included(line, lines[n] if n < len(lines) else "", fenced[n - 1])
        if name is None:
            out.append(line)
            origins.append((shown, n))
            continue
        pos = m.SourcePos(shown, n)
        names: list[str] | None = [name]
        if not _INCLUDE_LINE.match(line):
            skip = n  # (a child chunk's closing fence)
            names = child_files(name, base_dir, root)
            if names is None:
                diags.warning(
                    f"child file named by R code is not read: child = {name} (Podium runs no R; write the "
                    'path in quotes, child = "part.Rmd", or with here::here("…") or file.path("…"))',
                    pos,
                    "include",
                )
        computed = names is not None and not _INCLUDE_LINE.match(line) and not _R_STRING.fullmatch(name)
        subs: list[Expanded | None] = []
        for one in names or ():
            if computed and not os.path.exists(os.path.join(base_dir, one)):
                shown_path = _shown(os.path.join(base_dir, one))
                diags.warning(f"child file '{shown_path}' (child = {name}) not found", pos, "missing-file")
                continue
            subs.append(_read_include(one, pos, base_dir, diags, policy, depth, seen, remark, root))
        if not any(subs):
            out.append("")
            origins.append((shown, n))
        for sub in subs:
            if sub is not None:
                out.extend(sub.text.split("\n"))
                origins.extend(sub.origins)
    return Expanded("\n".join(out), origins)


def _included(line: str, after: str, fenced: bool) -> str | None:
    """The file a line includes: ``{{< include f >}}`` (outside code), or, for knitr's child chunk
    ``{r child = …}`` opening on it and closing on the line ``after`` it (an empty chunk), the R
    expression that names the child."""
    if not fenced and "{{<" in line:
        include = _INCLUDE_LINE.match(line)
        if include is not None:
            return include.group(1).strip("\"'")
    child = CHILD_CHUNK.match(line) if "child" in line else None
    if child is None or after.strip() != child.group(1):
        return None
    return _option(child.group(2), "child")


def _option(options: str, key: str) -> str | None:
    """The R expression of option ``key`` in a chunk's options (``r setup, child = c("a", "b")``), up to
    the next comma outside brackets and quotes."""
    for mt in re.finditer(rf"(?:^|[\s,]){key}\s*=\s*", options):
        if _r_depth(options[: mt.start()]) == 0:
            start = mt.end()
            end = next(
                (
                    k
                    for k in range(start, len(options))
                    if options[k] == "," and not _r_depth(options[start:k])
                ),
                len(options),
            )
            return options[start:end].strip()
    return None


def _r_depth(code: str) -> int:
    """How deep inside brackets or a string the end of R ``code`` is (0: at its top level)."""
    depth, quote = 0, ""
    for c in code:
        if quote:
            quote = "" if c == quote else quote
        elif c in "\"'":
            quote = c
        elif c in "([{":
            depth += 1
        elif c in ")]}":
            depth -= 1
    return depth + bool(quote)


_R_STRING = re.compile(r'"([^"\\]*)"|\'([^\'\\]*)\'')


def child_files(expr: str, base_dir: str, root: str) -> list[str] | None:
    """The files knitr's ``child =`` option names, relative to ``base_dir``, where Podium can tell without
    running R: a string, ``c(…)`` of them, ``file.path(…)``, ``paste0(…)``, ``here::here(…)`` (from the
    project root above ``root``) and ``glue::glue()`` whose only braces are ``{here::here()}``; else None."""
    values = _r_strings(expr.strip(), lambda: _here_root(root))
    if not values:
        return None
    return [os.path.relpath(v, base_dir) if os.path.isabs(v) else v for v in values]


def _r_strings(expr: str, here) -> list[str] | None:
    """The character vector R expression ``expr`` evaluates to, for the few calls that name files."""
    literal = _R_STRING.fullmatch(expr)
    if literal is not None:
        return [literal.group(1) if literal.group(1) is not None else literal.group(2)]
    call = re.fullmatch(r"((?:\w+::)?[\w.]+)\s*\((.*)\)", expr, re.S)
    if call is None:
        return None
    name = call.group(1).split("::")[-1]
    body = call.group(2)
    if name not in ("c", "file.path", "paste0", "here", "glue") or re.match(r"\s*[\w.]+\s*=[^=]", body):
        return None
    args: list[str] = []
    start = 0
    for k, c in enumerate(body + ","):
        if c == "," and not _r_depth(body[start:k]):
            args.append(body[start:k].strip())
            start = k + 1
    args = [a for a in args if a]
    values = [_r_strings(a, here) for a in args]
    if any(v is None for v in values) or any(re.match(r"[\w.]+\s*=[^=]", a) for a in args):
        return None  # (an expression Podium cannot tell, or a named argument: sep =, fsep =)
    vectors: list[list[str]] = [v for v in values if v is not None]
    if name == "c":
        return [s for v in vectors for s in v]
    if any(len(v) != 1 for v in vectors):
        return None
    parts = [v[0] for v in vectors]
    if name == "here":
        return [os.path.join(here(), *parts)]
    if name == "file.path":
        return ["/".join(parts)] if parts else None
    if name == "paste0":
        return ["".join(parts)] if parts else None
    if len(parts) != 1:  # glue
        return None
    glued = re.sub(r"\{\s*(?:here::)?here\(\s*\)\s*\}", lambda _mt: here().replace("\\", "/"), parts[0])
    return None if "{" in glued else [glued]


def _here_root(start: str) -> str:
    """The folder R's ``here::here()`` stands for, rendering a document in ``start``: the nearest folder
    upwards with a mark of a project (``.here``, an RStudio ``.Rproj``, a package's ``DESCRIPTION``, ``.git``
    …), else ``start`` itself."""
    folder = Path(start).resolve()
    for candidate in (folder, *folder.parents):
        try:
            if any((candidate / mark).exists() for mark in _HERE_MARKS) or any(candidate.glob("*.Rproj")):
                return str(candidate)
        except OSError:
            continue
    return str(folder)


def _read_include(
    src: str,
    pos: m.SourcePos,
    base_dir: str,
    diags: Diagnostics,
    policy,
    depth: int,
    seen: tuple[str, ...],
    remark: bool = False,
    root: str | None = None,
) -> Expanded | None:
    if depth >= MAX_INCLUDE_DEPTH:
        diags.warning(
            f"'{src}' is included more than {MAX_INCLUDE_DEPTH} levels deep; left out", pos, "include"
        )
        return None
    path = policy.resolve(src, base_dir, pos, diags, "included file")
    if path is None:
        return None
    real = os.path.realpath(path)
    if real in seen:
        diags.warning(f"'{src}' includes itself; left out the second time", pos, "include")
        return None
    data = Path(path).read_bytes()[: MAX_BYTES + 1]
    try:
        text = decode_source(data, _shown(path), diags)
    except Exception:  # BuildError: already reported
        return None
    if text.startswith("---\n") and not remark:  # (a child document's own front matter: its lines blanked)
        lines = text.split("\n")
        end = next((k for k in range(1, len(lines)) if lines[k].rstrip() in ("---", "...")), 0)
        if end and _yaml_mapping(lines[1:end]):  # (else, as pandoc reads it, a rule: a slide break)
            text = "\n".join([""] * (end + 1) + lines[end + 1 :])
    return expand_includes(
        text, _shown(path), str(Path(path).parent), diags, policy, depth + 1, seen + (real,), remark, root
    )


def _yaml_mapping(lines: list[str]) -> bool:
    """Do ``lines`` hold a YAML mapping (pandoc's test of a metadata block)?"""
    from . import yamlsafe  # noqa: PLC0415 (only lectures whose children have front matter read it)

    try:
        return isinstance(yamlsafe.load("\n".join(lines)), dict)
    except yaml.YAMLError:
        return False


def _shown(path: str) -> str:
    try:
        return os.path.relpath(path)
    except ValueError:
        return path


def _comment_spans(lines: list[str], fenced: list[bool]) -> dict[int, list[tuple[int, int]]]:
    """The spans of each line (by index) inside an HTML comment (``<!-- … -->``, over lines too), code
    fences left out."""
    spans: dict[int, list[tuple[int, int]]] = {}
    inside = False
    for i, line in enumerate(lines):
        if fenced[i] or (not inside and "<!--" not in line):
            continue
        at = 0
        while True:
            start = at
            if not inside:
                start = line.find("<!--", at)
                if start < 0:
                    break
                inside, at = True, start + 4
            end = line.find("-->", at)
            if end < 0:
                spans.setdefault(i, []).append((start, len(line)))
                break
            spans.setdefault(i, []).append((start, end + 3))
            inside, at = False, end + 3
    return spans


def replace_shortcodes(
    text: str,
    origin_of,
    diags: Diagnostics,
    meta: dict | None = None,
    variables: Path | None = None,
    unread: Path | None = None,
) -> str:
    """Return ``text`` (after includes) with the remaining shortcodes replaced or removed, with warnings.

    ``meta``: the front matter (``{{< meta key >}}``); ``variables``: the ``_variables.yml`` that
    ``{{< var key >}}`` reads, if there is one; ``unread``: else the one above the lecture that is outside
    the folders Podium may read (:func:`variables_unread`), for the warning."""
    if "{{<" not in text:
        return text
    values: dict[str, dict | None] = {"meta": meta or {}}
    lines = text.split("\n")
    fenced = fenced_lines(lines)
    comments = _comment_spans(lines, fenced)
    for i, line in enumerate(lines):
        if fenced[i] or "{{<" not in line:
            continue

        def sub(mt: re.Match, i=i) -> str:
            name, args = mt.group(2), mt.group(3).strip()
            if mt.group(1):  # {{</* escaped */>}} shows the shortcode itself
                return "`{{< " + name + (" " + args if args else "") + " >}}`"
            if name == "kbd":  # {{< kbd Shift-Ctrl-P mac=Shift-Command-P win=… >}}: every platform's keys
                keys = _kbd_keys(args)
                return " / ".join(f"`{k}`" + (f" ({os})" if os else "") for os, k in keys) if keys else ""
            if name in ("meta", "var") and args:
                if name == "var" and "var" not in values:
                    values["var"] = _variables(variables, diags, origin_of(i))
                key = args.split()[0].strip("\"'")
                found = _lookup(values[name], key)
                if found is not None:
                    return found
                said = ("the front matter" if name == "meta" else "_variables.yml") + " has no such key"
                if name == "var" and variables is None:
                    said = _no_variables(unread)
                diags.warning(
                    f"'{{{{< {name} {key} >}}}}': {said}; left out",
                    origin_of(i),
                    "shortcode",
                )
                return ""
            if name == "video" and args:
                url = args.split()[0].strip("\"'")
                diags.warning(
                    f"the video '{url[:60]}' cannot be played in a deck or a PDF; a link to it stands in its place",
                    origin_of(i),
                    "media",
                )
                return f"<{url}>" if "://" in url else "`" + url + "`"
            if name == "include":
                diags.warning(
                    f"'{{{{< include {args} >}}}}' includes its file only on a line of its own; left out",
                    origin_of(i),
                    "shortcode",
                )
                return ""
            diags.warning(
                f"Quarto shortcode '{{{{< {name} >}}}}' is not supported; left out", origin_of(i), "shortcode"
            )
            return ""

        def outside(mt: re.Match, sub=sub, i=i) -> str:
            if any(a <= mt.start() < b for a, b in comments.get(i, ())):
                return mt.group(0)  # (in an HTML comment, which shows nothing: Quarto leaves it be)
            if mt.group(1):  # a code span as written; {{{< … >}}} is the shortcode itself, shown
                return mt.group(1)[1:-1] if mt.group(1).startswith("{{{") else mt.group(1)
            shortcode = _SHORTCODE.match(mt.group(0))
            return sub(shortcode) if shortcode is not None else mt.group(0)

        lines[i] = _SHORTCODE_OUTSIDE.sub(outside, line)
    return "\n".join(lines)


def _lookup(data: dict | None, key: str) -> str | None:
    """``params.n`` in ``data`` as text: a list joined with commas, an author's ``name``; None if absent."""
    value: object = data
    for part in key.split("."):
        if isinstance(value, dict) and part in value:
            value = value[part]
        elif isinstance(value, list) and part.isdigit() and int(part) < len(value):
            value = value[int(part)]
        else:
            return None
    return _as_text(value)


# inline R that knitr evaluates to nothing: `r ''`, the idiom that shows a chunk's header as written
# (```{r}`r ''` inside a longer fence, which knitr then does not read as a chunk)
EMPTY_INLINE_R = re.compile(r"`(?:r|\{\s*r\s*\})\s+(?:''|\"\")\s*`")
_KNITR_CHUNK_HEADER = re.compile(r"^[\t >]*(`{3,}|~{3,})\s*\{[A-Za-z][\w-]*([ ,][^\n]*)?\}\s*$")


def empty_inline_r(text: str) -> str:
    """``text`` (a knitr lecture) with its inline R that shows nothing (`` `r ''` ``) taken out, as knitr
    takes it out: in the text and in code blocks that are no chunk (knitr reads the text between its
    chunks for inline R, code blocks too), not in a chunk's own code."""
    if not EMPTY_INLINE_R.search(text):
        return text
    lines = text.split("\n")
    fence: str | None = None
    chunk = False
    for k, line in enumerate(lines):
        stripped = line.strip()
        if fence is not None:
            if stripped.startswith(fence) and not stripped.strip(fence[0]):
                fence = None
            elif not chunk:
                lines[k] = EMPTY_INLINE_R.sub("", line)
            continue
        opening = re.match(r"^(`{3,}|~{3,})", stripped)
        if opening is not None:
            fence, chunk = opening.group(1), _KNITR_CHUNK_HEADER.match(line) is not None
        if not chunk or opening is None:
            lines[k] = EMPTY_INLINE_R.sub("", line)
    return "\n".join(lines)


# R Markdown's front matter as inline R reads it: `r rmarkdown::metadata$title`, `r params$n`
_R_METADATA = re.compile(
    r"^(?:r|\{\s*r\s*\})\s+(?:(?:rmarkdown::)?(metadata)|(params))\s*"
    r"(?:\$\s*`?([\w.]+)`?|\[\[\s*[\"']([^\"']+)[\"']\s*\]\])\s*$"
)


def r_metadata(code: str, meta: dict | None) -> str | None:
    """The front matter's value that inline R ``code`` shows (`` `r rmarkdown::metadata$title` ``, a
    ``params$n``, its ``value`` if given as one), as text; None when it is other code or absent."""
    mt = _R_METADATA.match(code.strip())
    if mt is None or not isinstance(meta, dict):
        return None
    key = mt.group(3) or mt.group(4)
    if mt.group(1):
        value = meta.get(key)
    else:
        params = meta.get("params")
        value = params.get(key) if isinstance(params, dict) else None
        value = value.get("value") if isinstance(value, dict) and "value" in value else value
    return None if value is None else _as_text(value)


def _as_text(value: object) -> str | None:
    if isinstance(value, dict):
        return _as_text(value.get("name")) if "name" in value else None
    if isinstance(value, list):
        parts = [t for t in (_as_text(v) for v in value) if t]
        return ", ".join(parts)
    if value is None:
        return ""
    return " ".join(str(value).split())  # (one line: the shortcode stands inside a line)


def _variables(path: Path | None, diags: Diagnostics, pos: m.SourcePos) -> dict | None:
    """The data of ``_variables.yml`` (None when there is none or it cannot be read, with a warning)."""
    if path is None:
        return None
    from . import yamlsafe  # noqa: PLC0415 (only lectures with {{< var >}} read it)

    try:
        data = yamlsafe.load(path.read_text(encoding="utf-8")[:MAX_BYTES])
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as e:
        diags.warning(f"{_shown(str(path))} cannot be read: {e}", pos, "shortcode")
        return None
    return data if isinstance(data, dict) else None


def variables_file(base: Path, policy) -> Path | None:
    """Quarto's ``_variables.yml``: beside the lecture, or in a folder above it inside the roots that
    ``policy`` (:class:`podium.safety.PathPolicy`) allows."""
    folder = base.resolve()
    while policy.allows(folder):
        candidate = folder / "_variables.yml"
        if candidate.is_file() and policy.allows(candidate):
            policy.record(candidate)  # (a change to it makes the lecture stale)
            return candidate
        if folder.parent == folder:
            break
        folder = folder.parent
    return None


def variables_unread(base: Path, policy) -> Path | None:
    """The ``_variables.yml`` in a folder above the lecture (folder ``base``) that ``policy`` does not let
    Podium read, up to the Quarto project's root (the folder of its ``_quarto.yml``); None if there is none,
    or no project holds the lecture (a file above it then belongs to no project of its)."""
    folder, found = base.resolve(), None
    while True:
        candidate = folder / "_variables.yml"
        if found is None and candidate.is_file() and not (policy.allows(folder) and policy.allows(candidate)):
            found = candidate
        if any((folder / n).is_file() for n in PROJECT_FILES):
            return found  # (above the project's root, the file is another project's)
        if folder.parent == folder:
            return None
        folder = folder.parent


def _no_variables(unread: Path | None) -> str:
    """Why ``{{< var >}}`` has no ``_variables.yml`` to read: none found, or the one found (``unread``) is
    outside the folders Podium may read (as the ``outside-project`` warning says of a picture)."""
    if unread is None:
        return "no _variables.yml was found beside the lecture or in its Quarto project"
    return (
        f"{_shown(str(unread))} is outside the folders Podium may read, so it is not read "
        f"(pass --allow-folder {_shown(str(unread.parent))} to use it)"
    )


# a callout's rule, per kind (Quarto's own colours), in the deck and the slide drawings
CALLOUT_COLOURS = {
    "callout-note": "#0D6EFD",
    "callout-tip": "#198754",
    "callout-warning": "#FFC107",
    "callout-important": "#DC3545",
    "callout-caution": "#FD7E14",
}


def cell_language(info: str) -> str | None:
    """Return the language of an executable cell's info string (``{r}``, ``{python echo=false}``), else None."""
    mt = re.match(r"^\{\s*([A-Za-z][\w-]*)[\s,}]", info.strip())
    if mt and mt.group(1).lower() in CELL_LANGS:
        return mt.group(1).lower()
    return None


# quarto-live's cells (and those of the quarto-webr and quarto-pyodide extensions), run in the reader's
# browser: the language of each
LIVE_CELLS = {"webr": "r", "webr-r": "r", "pyodide": "python", "pyodide-python": "python"}


def live_language(info: str) -> str | None:
    """Return the language of a quarto-live cell's info string (``{webr}``, ``{pyodide}``, ``{webr-r}``,
    also written without braces, as quarto-live reads them), else None."""
    mt = re.match(r"^\{?\s*([A-Za-z][\w-]*)(?=[\s,}]|$)", info.strip())
    return LIVE_CELLS.get(mt.group(1).lower()) if mt else None


def live_defaults(raw_meta: dict, info: str) -> dict:
    """The options every quarto-live cell of ``info``'s engine has unless it says otherwise: the front
    matter's ``webr: cell-options:`` (or ``pyodide:``'s)."""
    mt = re.match(r"^\{?\s*(webr|pyodide)", info.strip(), re.I)
    engine = raw_meta.get(mt.group(1).lower()) if mt else None
    given = engine.get("cell-options") if isinstance(engine, dict) else None
    return {str(k): v for k, v in given.items()} if isinstance(given, dict) else {}


def live_code(code: str, info: str, defaults: dict) -> tuple[str | None, dict]:
    """Return (code to show, cell options) of a quarto-live cell; None when quarto-live shows no code
    for it, with the reason under :data:`HIDDEN_BY`.  Its editor shows the code (``edit``, by default
    ``eval``'s value: true); a cell not edited shows its code only with ``echo: true``; ``include:
    false``, an exercise's ``setup`` or ``check`` cell and quarto-webr's ``context: setup`` or
    ``output`` show none.  (The presentation format's default, which hides knitr's code, is not theirs.)"""
    lines, _, options = _cell_options(code, info)
    for key, value in defaults.items():
        options.setdefault(key, value)
    context = str(options.get("context", "")).strip().lower()
    edit = "edit" if "edit" in options else "eval"
    reason = ""
    if _off(options.get("include")):
        reason = "'include: false'"
    elif _on(options.get("setup")) or _on(options.get("check")):
        reason = f"an exercise's '{'setup' if _on(options.get('setup')) else 'check'}: true'"
    elif context in ("setup", "output"):
        reason = f"'context: {context}'"
    elif _off(options.get(edit)) and not _on(options.get("echo")):
        reason = f"'{edit}: false' without 'echo: true'"
    if reason:
        options[HIDDEN_BY] = reason
        return None, options
    while lines and not lines[0].strip():
        lines.pop(0)
    return "\n".join(lines).rstrip("\n"), options


def _on(v) -> bool:
    return v is True or (isinstance(v, str) and v.strip().lower() in ("true", "t", "yes"))


def layout_rows(layout: str, ncol: str, nrow: str, count: int) -> list[list[float]] | None:
    """The rows of column widths that Quarto's ``layout="[[1,1,1],[1]]"`` (or ``"[40,60]"``, one row),
    ``layout-ncol=N`` or ``layout-nrow=N`` gives ``count`` blocks, filled row by row as Quarto fills
    them (a pattern shorter than the blocks is used again; a negative width, Quarto's spacing, is left
    out); None when unreadable."""
    pattern: list[list[float]] = []
    if layout.strip():
        text = re.sub(r"\s+", "", layout)
        inner = re.fullmatch(r"\[((?:\[[^\[\]]*\],?)+)\]", text)
        groups = re.findall(r"\[([^\[\]]*)\]", inner.group(1)) if inner else None
        if groups is None:
            flat = re.fullmatch(r"\[([^\[\]]*)\]", text)
            groups = [flat.group(1)] if flat else None
        if groups is None:
            return None
        try:
            pattern = [[float(v) for v in g.split(",") if v and float(v) > 0] for g in groups]
        except ValueError:
            return None
    elif ncol.strip().isdigit() and 1 <= int(ncol) <= 6:
        pattern = [[1.0] * int(ncol)]
    elif nrow.strip().isdigit() and 1 <= int(nrow) <= 6:
        per_row = -(-max(count, 1) // int(nrow))
        pattern = [[1.0] * per_row]
    if not pattern or any(not 1 <= len(row) <= 6 for row in pattern):
        return None
    rows: list[list[float]] = []
    filled = 0
    while filled < count:
        for row in pattern:
            if filled >= count:
                break
            rows.append(row)
            filled += len(row)
    return rows or [pattern[0]]


def inline_cell(code: str, knitr: bool) -> str | None:
    """Return the language of inline executable code (`` `{r} x` ``, `` `{python} x` ``; knitr's
    `` `r x` `` where ``knitr``: a .qmd or .Rmd file), else None."""
    mt = re.match(r"^\{\s*([A-Za-z][\w-]*)\s*\}\s+\S", code)
    if mt and mt.group(1).lower() in CELL_LANGS:
        return mt.group(1).lower()
    if knitr and re.match(r"^r\s+\S", code):
        return "r"
    return None


# a statement that shows its value: a call of R's and Python's usual plots and tables, starting a line
# (not assigned: `p <- ggplot(…)` shows nothing)
_SHOWS = re.compile(
    r"^\s*(?:[\w.]+\s*(?:%>%|\|>)\s*)?(?:\w+::)?(?:plot|ggplot|qplot|hist|barplot|boxplot|pairs|kable|kbl|gt|datatable|"
    r"flextable|print|summary|head|tail|table|glimpse|plt\.show|sns\.\w+|px\.\w+|display)\s*\(",
    re.M,
)


def output_allowed(options: dict) -> bool:
    """Do a cell's options let its output be shown (it is run, included, its results and plots not hidden)?"""
    if not shows_output(options) or any(off(options.get(k)) for k in ("eval", "fig.show", "fig-show")):
        return False
    return not (
        str(options.get("results", "")).strip("'\"") == "hide"
        or str(options.get("fig.show", "")).strip("'\"") == "hide"
    )


def hidden_output(code: str, options: dict) -> bool:
    """Would a cell whose code is not shown still show a plot, a table or printed values when run (a
    statement of :data:`_SHOWS`, and nothing in its options that keeps its output away)?"""
    if not output_allowed(options):
        return False
    statements: list[list[str]] = []  # each statement's lines (a line that goes on one is not one)
    previous = ""
    for line in code.split("\n"):
        said = line.split("#", 1)[0].rstrip()
        if not said.strip():
            continue
        goes_on = previous.endswith(_GOES_ON) or line[:1] in (" ", "\t", "}", ")", "]")
        if goes_on and statements:
            statements[-1].append(said)
        else:
            statements.append([said])
        previous = said
    for first, *rest in statements:
        whole = "\n".join([first, *rest])
        if _CONTROL.match(first):  # a loop or a branch shows what the statements inside it show
            if _SHOWS.search(whole) or _PRINTS.search(whole):
                return True
        elif not (_QUIET_STATEMENT.match(first) or _page_setup(whole)) or _PRINTS.search(whole):
            return True  # a plot, a table, a value left standing is printed
    return False


_GOES_ON = ("|>", "%>%", "+", ",", "(", "<-", "=", "\\", "{", "[")  # a line ending so goes on to the next
_CONTROL = re.compile(r"^\s*(?:for|while|if|repeat|with)\b")


# statements that show nothing when run: assignments, loading packages, settings, definitions
_QUIET_STATEMENT = re.compile(
    r"^\s*(?:[\w.$@\[\]\"' ]+\s*(?:<<?-|=(?!=)|:=)|(?:\w+::)?(?:library|require|requireNamespace|suppress\w*|source|"
    r"set\.seed|options|theme_set|Sys\.\w+|setwd|invisible|(?:knitr::)?opts_\w+\$set|knitr::(?!kable|kbl|include_)\w+|use_\w+|load|attach|"
    r"here::i_am|i_am|pacman::p_\w+|p_load|conflicted::\w+|conflicts_prefer|data|showtext_auto|font_add\w*|"
    r"registerDoParallel|plan|tar_\w+|renv::\w+|devtools::load_all|load_all|"
    r"reticulate::\w+|np\.random\.seed|random\.seed|warnings\.\w+|pd\.set_option|plt\.(?:rc|style)\w*|"
    # (calls whose value is invisible, or that return none: clearing memory, detaching, asserting, settings)
    r"rm|remove|detach|graphics\.off|closeAllConnections|unloadNamespace|assign|stopifnot|on\.exit|"
    r"theme_update|update_geom_defaults|setDTthreads|par(?=\s*\(\s*[\w.]+\s*=)|np\.set_printoptions|"
    r"tf\.random\.set_seed|tf\.keras\.utils\.set_random_seed|matplotlib\.use|"
    r"mpl\.rc\w*|sns\.set(?:_theme|_style|_context|_palette)?)\s*\(|"
    r"import\s|from\s+\S+\s+import\s|def\s|class\s|async\s+def\s|@|%|!|function\b|return\b|pass\b|"
    r"del\s|else\b|try\b|except\b|global\s|\w+\s*<-\s*function)"  # (loops and branches: _CONTROL)
)
# calls that only set the page up (its style, its scripts) and put nothing on a slide: xaringanthemer's
# themes, xaringanExtra's styles, an HTML dependency, a <style> or <script> tag (use_*: _QUIET_STATEMENT)
_PAGE_SETUP = re.compile(
    r"^\s*(?:\w+::)?(?:style_(?:xaringan|mono_\w+|duo\w*|solarized_\w+|extra_css|panelset\w*|share_again|banner)|"
    r"write_xaringan_theme|write_extra_css|(?:mono|duo)_(?:accent(?:_inverse)?|light|dark)|html_dependency_\w+|"
    r"tags\$(?:style|script|link)|includeCSS|includeScript)\s*\("
)
_TAG_LIST = re.compile(r"^\s*(?:htmltools::)?tagList\s*\((.*)\)\s*$", re.S)


def _page_setup(statement: str) -> bool:
    """Does R ``statement`` only set the page up: a call of :data:`_PAGE_SETUP`, or an
    ``htmltools::tagList(…)`` of such calls and of ``use_*`` ones (``xaringanExtra::use_clipboard()``)?"""
    if _PAGE_SETUP.match(statement):
        return True
    listed = _TAG_LIST.match(statement)
    if listed is None:
        return False
    parts, depth, start, quote = [], 0, 0, ""
    inner = listed.group(1)
    for k, c in enumerate(inner):
        if quote:
            quote = "" if c == quote and inner[k - 1] != "\\" else quote
        elif c in "\"'":
            quote = c
        elif c in "([{":
            depth += 1
        elif c in ")]}":
            depth -= 1
        elif c == "," and depth == 0:
            parts.append(inner[start:k])
            start = k + 1
    parts.append(inner[start:])
    parts = [p.strip() for p in parts if p.strip()]
    return bool(parts) and all(
        _page_setup(p) or (_QUIET_STATEMENT.match(p) is not None and not _PRINTS.search(p)) for p in parts
    )


_PRINTS = re.compile(r"\b(?:cat|print|message|writeLines|display|show)\s*\(")


# Quarto's own output formats: the base an extension's format (`clean-revealjs`, `metropolis-beamer`) is made on
BASE_FORMATS = frozenset(
    {"revealjs", "beamer", "pptx", "html", "pdf", "docx", "typst", "latex", "odt", "epub", "gfm", "dashboard"}
)


def base_format(name: str) -> str:
    """The base format of a format name: ``clean-revealjs`` (an extension's format, ``NAME-BASE``) is
    ``revealjs``; ``revealjs`` and ``revealjs+smart`` (pandoc's extensions) are themselves."""
    parts = name.split("+")[0].split("-")
    return next((p for p in reversed(parts) if p in BASE_FORMATS), name)


def with_base_formats(raw_meta: dict) -> dict:
    """The front matter with each extension format under ``format:`` named by its base format
    (``format: clean-revealjs: footer: …`` as ``format: revealjs: footer: …``), as Quarto gives an
    extension's format the base format's defaults and options; a base format also written keeps its own."""
    fmt = raw_meta.get("format")
    if isinstance(fmt, str):
        return {**raw_meta, "format": base_format(fmt)} if base_format(fmt) != fmt else raw_meta
    if not isinstance(fmt, dict) or all(base_format(str(k)) == k for k in fmt):
        return raw_meta
    renamed: dict = {}
    for name, opts in fmt.items():
        base = base_format(str(name))
        renamed[base if base != name and base not in fmt and base not in renamed else name] = opts
    return {**raw_meta, "format": renamed}


def first_format(raw_meta: dict, key: str) -> str:
    """The first output format the front matter's ``key`` names (Quarto's ``format: revealjs`` or
    ``format: {revealjs: …, pdf: …}``, R Markdown's ``output:``); "" for none."""
    given = raw_meta.get(key)
    first = next(iter(given), None) if isinstance(given, dict) else given
    return first if isinstance(first, str) else ""


# R Markdown's slide formats (rmarkdown's ioslides_presentation…, the revealjs package's, bookdown's
# beamer_presentation2…, xaringan's moon_reader); pdf_document, html_document and the like are documents
_SLIDE_OUTPUT = re.compile(r"(?:_presentation\d*|moon_reader)$")


def output_format(raw_meta: dict) -> str:
    """The R Markdown output format whose settings the slides take: the first slide format the front
    matter's ``output:`` names (``output: {pdf_document: …, ioslides_presentation: …}`` is read as
    ioslides), else its first format; "" for none."""
    given = raw_meta.get("output")
    names = [n for n in given if isinstance(n, str)] if isinstance(given, dict) else []
    slides = (n for n in names if _SLIDE_OUTPUT.search(n.strip()))
    return next(slides, names[0] if names else first_format(raw_meta, "output"))


_CELL_KEYS = ("echo", "include", "output", "eval", "code-fold")  # (the options cell_defaults reads)


def top_level_execute(raw_meta: dict) -> dict:
    """The execution options written at the top of the front matter (``echo: true``), which Quarto reads
    as ``execute:``'s (its ``metadataAsFormat``).  R Markdown's ``output:`` names the output format, so
    ``output`` counts only as a yes or no."""
    return {
        k: raw_meta[k]
        for k in _CELL_KEYS
        if k in raw_meta and (k != "output" or isinstance(raw_meta[k], bool) or off(raw_meta[k]))
    }


def cell_defaults(raw_meta: dict) -> dict:
    """The options every code cell has unless it says otherwise: Quarto's ``execute:`` (``echo: false``)
    and ``knitr: opts_chunk:`` in the front matter, and the same options written at its top level
    (``echo: true``).  In Quarto's presentation formats (``format:
    revealjs``, ``beamer``, ``pptx``) a cell's code is not shown unless it says ``echo: true``."""
    out: dict = {}
    fmt, first = raw_meta.get("format"), first_format(raw_meta, "format")
    if first.split("+")[0].split("-")[0] in ("revealjs", "beamer", "pptx"):
        out["echo"] = False  # (Quarto's own default for these formats)
        out[FORMAT_HIDES] = base_format(first.split("+")[0])
    own = fmt.get(first) if isinstance(fmt, dict) else None
    knitr = raw_meta.get("knitr")
    for given in (
        knitr.get("opts_chunk") if isinstance(knitr, dict) else None,
        top_level_execute(raw_meta),  # (echo: true at the top: Quarto's execute: echo: true)
        raw_meta.get("execute"),
        own if isinstance(own, dict) else None,  # (format: revealjs: echo: true)
        own.get("execute") if isinstance(own, dict) else None,
    ):
        if isinstance(given, dict):
            out.update({str(k): v for k, v in given.items() if k in _CELL_KEYS})
            if "echo" in given:
                out[ECHO_SAID] = True
    return out


ECHO_SAID = "(echo said)"  # in cell_defaults: the lecture says `echo:` itself (not the format's default)
FORMAT_HIDES = "(format hides)"  # in cell_defaults: the presentation format whose default hides code


_OPTS_CHUNK = re.compile(r"opts_chunk\$set\s*\((.*?)\)\s*$", re.S | re.M)


def sourced(code: str) -> list[str]:
    """The R expressions naming the files a chunk runs with ``source(…)`` (its first argument)."""
    out: list[str] = []
    uncommented = re.sub(r"""("[^"\n]*"|'[^'\n]*')|#[^\n]*""", lambda mt: mt.group(1) or "", code)
    for found in re.finditer(r"(?<![\w.])(?:base::)?source\s*\(", uncommented):
        depth, start = 1, found.end()
        for k in range(start, len(uncommented)):
            c = uncommented[k]
            depth += (c == "(") - (c == ")")
            if depth == 0 or (depth == 1 and c == ","):
                out.append(uncommented[start:k].strip())
                break
    return out


def chunk_defaults(code: str) -> dict:
    """The options a knitr setup chunk gives the chunks after it: ``knitr::opts_chunk$set(echo = FALSE)``."""
    # (R's comments are no options: `cache=F#, echo=F` leaves echo on; a `#` inside quotes is kept)
    uncommented = re.sub(r"""("[^"\n]*"|'[^'\n]*')|#[^\n]*""", lambda mt: mt.group(1) or "", code)
    found = _OPTS_CHUNK.search(uncommented)
    if found is None:
        return {}
    out: dict = {}
    for key, value in re.findall(r"\b(echo|include)\s*=\s*(TRUE|FALSE|T|F)\b", found.group(1)):
        out[key] = value in ("TRUE", "T")
    if "echo" in out:
        out[ECHO_SAID] = True
    return out


# a cell's option line in its language's comment: `#| echo: true` (R, Python, Julia, bash…), `//|` (JavaScript,
# dot, C++), `%%|` (mermaid), `--|` (SQL, Lua, Haskell), `<!--| echo: true -->` (HTML), `/*| … */` (C, CSS),
# `*|` (SAS, Stata), `!|` (Fortran)
_OPTION_LINE = re.compile(
    r"^\s*(?:<!--\|\s?(.*?)\s*-->|/\*\|\s?(.*?)\s*\*/|(?:#|//|%%|--|\*|!)\|\s?(.*))\s*$"
)


def _cell_options(code: str, info: str) -> tuple[list[str], list[str], dict]:
    """A cell's code lines after its ``#|`` option lines, those option lines as written, and the options
    they and the braces (``{r, echo=FALSE}``) give."""
    options: dict = {}
    lines = code.split("\n")
    opt_lines: list[str] = []
    written: list[str] = []  # (the option lines as written: an `echo: fenced` cell shows them)
    while lines and (found := _OPTION_LINE.match(lines[0])) is not None:
        written.append(lines.pop(0))
        opt_lines.append(next((g for g in found.groups() if g is not None), ""))
    if opt_lines:
        try:
            parsed = yaml.safe_load("\n".join(opt_lines))
            if isinstance(parsed, dict):
                options = parsed
        except yaml.YAMLError:
            options = {}
    # R Markdown style options in the braces: {r, echo=FALSE}
    for key, quoted, squoted, bare in re.findall(
        r"""([\w.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^,}\s]+))""", info
    ):
        options.setdefault(key, quoted or squoted or bare)
    return lines, written, options


_REF_LABEL = re.compile(r"""\bref\.label\s*=\s*(c\s*\([^()]*\)|"[^"]*"|'[^']*')""")


def ref_labels(info: str, options: dict) -> list[str]:
    """The chunks whose code a knitr chunk runs instead of its own (``ref.label = "qq"``,
    ``ref.label = c("a", "b")``, ``#| ref.label: qq``), in order; none when it names none."""
    braces = _REF_LABEL.search(info)
    if braces is not None:
        return re.findall(r"""["']([^"']+)["']""", braces.group(1))
    value = options.get("ref.label")
    if isinstance(value, list):
        return [str(v).strip() for v in value if str(v).strip()]
    if isinstance(value, str) and value.strip():
        return re.findall(r"""["']([^"']+)["']""", value) or [value.strip().strip("\"'")]
    return []


def chunk_codes(lines: list[str]) -> dict[str, str]:
    """The code of each labelled knitr or Quarto chunk in a lecture's ``lines`` (``{r qq}``, ``{r, label=qq}``,
    ``#| label: qq``), by label: what a later or earlier ``ref.label`` runs."""
    from .cellfigures import label  # noqa: PLC0415 (cellfigures is read with the cells, not before)

    out: dict[str, str] = {}
    k = 0
    while k < len(lines):
        opening = _KNITR_CHUNK_HEADER.match(lines[k])
        k += 1
        if opening is None:
            continue
        fence = opening.group(1)
        info = lines[k - 1].strip().lstrip(">").strip()[len(fence) :].strip()
        body: list[str] = []
        while k < len(lines) and not re.match(rf"^[\t >]*{fence[0]}{{{len(fence)},}}\s*$", lines[k]):
            body.append(lines[k])
            k += 1
        k += 1
        code, _, options = _cell_options("\n".join(body), info)
        name = label(info, options)
        if name is not None:
            out.setdefault(name, "\n".join(code).strip("\n"))
    return out


HIDDEN_BY = (
    "(hidden by)"  # in a hidden cell's options: why its code is not shown, as the lecture would say it
)


def cell_code(code: str, info: str, defaults: dict | None = None) -> tuple[str | None, dict]:
    """Return (code to show, cell options); None when the cell asks not to be shown (echo/include false),
    with the reason under :data:`HIDDEN_BY` in its options.
    ``defaults``: the options a cell has unless it gives its own (:func:`cell_defaults`)."""
    lines, written, options = _cell_options(code, info)
    own = dict(options)
    folded = options.get("code-fold", (defaults or {}).get("code-fold"))
    if (
        folded is not None
        and not _off(folded)
        and "echo" not in options
        and ECHO_SAID not in (defaults or {})
    ):
        # (folded code is shown code: Quarto's code-fold implies echo, where the presentation format's
        # default hides code; an `echo: false` the lecture writes still hides it, as in Quarto)
        options["echo"] = True
    for key, value in (defaults or {}).items():
        if key not in (ECHO_SAID, FORMAT_HIDES):
            options.setdefault(key, value)
    if _off(options.get("echo")) or _off(options.get("include")):
        options[HIDDEN_BY] = _hidden_by(own, defaults or {})
        return None, options
    while lines and not lines[0].strip():
        lines.pop(0)
    if str(options.get("echo")).strip().lower() == "fenced":  # the cell as written, fence and options
        kept = [x for x in written if not re.match(r"^\s*\S+\s*echo\s*:", x)]
        return "\n".join([f"```{info.strip()}", *kept, *lines]).rstrip("\n") + "\n```", options
    return "\n".join(lines).rstrip("\n"), options


def _hidden_by(own: dict, defaults: dict) -> str:
    """Why a hidden cell's code is not shown: its own ``include: false`` or ``echo: false``, the lecture's
    (``execute:``, ``opts_chunk``), or the presentation format's default."""
    if _off(own.get("include")):
        return "'include: false'"
    if _off(own.get("echo")):
        return "'echo: false'"
    if _off(defaults.get("include")):
        return "'include: false'"
    if ECHO_SAID in defaults or FORMAT_HIDES not in defaults:
        return "'echo: false'"
    return f"{defaults[FORMAT_HIDES]}'s default, which shows no code without 'echo: true'"


def off(v) -> bool:
    """Is an option's value false (``FALSE``, ``F``, ``false``)?"""
    return _off(v)


def _off(v) -> bool:
    return v is False or (isinstance(v, str) and v.strip().lower() in ("false", "f"))


def shows_output(options: dict) -> bool:
    """Whether a cell shows anything of its own (``include: false`` and Quarto's ``output: false`` do not)."""
    return not (_off(options.get("include")) or _off(options.get("output")))


HTML_SHOWS = ("revealjs", "ioslides", "slidy", "dzslides", "s5", "slideous")  # pandoc's HTML slide shows
_HTML = ("html", "html4", "html5", *HTML_SHOWS)
# the formats a `when-format` name stands for (Quarto's aliases: html is every HTML format…)
_FORMAT_FAMILIES = {
    "html": _HTML,
    "html:js": _HTML,
    "latex": ("latex", "pdf", "beamer"),
    "pdf": ("pdf", "latex", "beamer"),
    "markdown": ("markdown", "gfm", "commonmark", "md"),
}


def _format_matches(name: str, raw_meta: dict) -> bool:
    """Whether ``when-format="name"`` holds for this lecture: its first output format (a slide show when it
    names none), or the PowerPoint deck Podium makes (pptx)."""
    first = (first_format(raw_meta, "format") or "revealjs").split("+")[0].split("-")[0]
    return any(f in _FORMAT_FAMILIES.get(name, (name,)) for f in (first, "pptx"))


def _meta_true(key: str, raw_meta: dict) -> bool:
    value: object = raw_meta
    for part in key.split("."):
        value = value.get(part) if isinstance(value, dict) else None
    return bool(value) and not off(value)


def conditionally_hidden(classes: tuple[str, ...], kv: dict[str, str], raw_meta: dict) -> bool:
    """Whether Quarto's conditional content leaves this div out: ``.content-hidden`` (with no condition, or
    one that holds), ``.content-visible`` whose condition fails.  Conditions: ``when-format`` /
    ``unless-format`` (:func:`_format_matches`), ``when-meta`` / ``unless-meta`` (a true front matter
    value), ``when-profile`` / ``unless-profile`` (no profile is active)."""
    visible, hidden = "content-visible" in classes, "content-hidden" in classes
    if not (visible or hidden):
        return False
    tests = []
    for key, value in kv.items():
        negated = key.startswith("unless-")
        kind = key.removeprefix("unless-").removeprefix("when-")
        if kind == key or kind not in ("format", "meta", "profile"):
            continue
        holds = (
            _format_matches(value, raw_meta)
            if kind == "format"
            else _meta_true(value, raw_meta)
            if kind == "meta"
            else False
        )
        tests.append(holds != negated)
    condition = all(tests)
    return condition if hidden else not condition


def callout_kind(classes: tuple[str, ...]) -> str | None:
    for c in classes:
        if c.startswith("callout-") and c[len("callout-") :] in CALLOUT_TITLES:
            return c[len("callout-") :]
        if c == "callout":
            return "note"
    return None


_KBD_SYSTEMS = {"mac": "macOS", "win": "Windows", "linux": "Linux"}


def _kbd_keys(args: str) -> list[tuple[str, str]]:
    """A ``kbd`` shortcode's keys: (system, keys) for each ``mac=``/``win=``/``linux=`` given, after the
    keys for every system (system "")."""
    out: list[tuple[str, str]] = []
    for mt in re.finditer(r"""(?:(\w+)=)?("[^"]*"|'[^']*'|\S+)""", args):
        name, value = mt.group(1), mt.group(2).strip("\"'")
        if name is None:
            out.insert(0, ("", value))
        elif name in _KBD_SYSTEMS:
            out.append((_KBD_SYSTEMS[name], value))
    return out
