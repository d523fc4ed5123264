"""Beamer decks written in LaTeX (a ``.tex`` file, ``\\documentclass{beamer}``), read as the slides they make.

A lecturer who made slides with beamer has ``.tex`` files, not Markdown.  Their frames are the
slides; everything inside a frame is the LaTeX this dialect already reads in a Markdown lecture
(``podium/texenvs.py``: lists, blocks, columns, figures, equations, tables; ``podium/overlays.py``:
``\\pause``, ``\\only<2>``; ``\\note{…}``).  So :func:`beamer_markdown` rewrites the file as such a
lecture before it is read, keeping for each new line the line of the file it came from:

* the preamble's ``\\title``, ``\\subtitle``, ``\\author``, ``\\institute``, ``\\date`` and ``\\logo`` are
  the front matter (a title slide is made of them, as ``\\titlepage`` makes one); its macro definitions
  (``\\newcommand``…) are the lecture's macros; ``\\bibliography{refs}`` (or ``\\addbibresource``) its
  bibliography;
* ``\\section{…}`` is a section slide (``#``); ``\\subsection`` only names a part of beamer's
  navigation and is left out;
* ``\\begin{frame}[options]{Title}{Subtitle}`` … ``\\end{frame}`` (or ``\\frametitle{…}`` inside) is a
  slide (``##``), untitled when it has no title (``---``); a frame of ``\\titlepage`` is the title slide
  and one of ``\\tableofcontents`` the contents slide (``toc: true``);
* ``\\input{frames/intro}`` (``\\include``, ``\\subfile``) on a line of its own is that file's text
  (:func:`expand_inputs`; the reader reads it under the path policy, as it reads a picture);
* comments (``%`` to the line's end) are left out, as TeX leaves them out, and the lines of a frame
  lose their indentation (TeX ignores it; Markdown would read four spaces as code), but for the
  lines of ``verbatim`` and ``lstlisting`` environments.

Text outside frames (which beamer does not show) is left out with a warning.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from .rawtex import balanced_group, find_raw_tex

_CLASS = re.compile(r"^[ \t]*\\documentclass\s*(?:\[[^\]]*\])?\s*\{beamer\}", re.M)
_VERBATIM = re.compile(r"\\begin\{(verbatim|lstlisting|minted|Verbatim|semiverbatim)\*?\}")
_SECTION = re.compile(r"^\\(part|section|subsection|subsubsection)\*?\s*(?:\[[^\]]*\])?\s*\{")
_FRAME = "\\begin{frame}"
_FRAME_END = "\\end{frame}"
_TITLE_COMMANDS = re.compile(r"^\\(frametitle|framesubtitle)\s*(?:<[^>]*>)?\s*(?:\[[^\]]*\])?\s*\{")
_GRAPHIC = re.compile(r"\\includegraphics\s*(?:\[[^\]]*\])?\s*\{([^{}]+)\}")
_LISTISH = re.compile(r"^(\d{1,9}[.)]|[-+*>])(\s|$)")
_BIBLIOGRAPHY = re.compile(r"^\\(?:bibliographystyle|bibliography|printbibliography|addbibresource)\b")
_META = {
    "title": "title",
    "subtitle": "subtitle",
    "author": "author",
    "institute": "institute",
    "date": "date",
}
# preamble and body commands that say how beamer draws, not what a slide says
_QUIET = re.compile(
    r"^\\(?:maketitle|titlepage|appendix|AtBegin\w+|setbeam\w+|use\w*theme|bibliographystyle|"
    r"frame\s*\{\s*\\(?:titlepage|maketitle)\s*\}|clearpage|newpage|mode\b|againframe)"
)


def wanted(text: str, shown: str) -> bool:
    """Is ``text`` a beamer deck: a ``.tex`` file, or a file that starts as a beamer document does (its
    first line, but for blank and comment lines, ``\\documentclass{beamer}``; not a lecture that shows
    one in its code)?"""
    if shown.lower().endswith(".tex"):
        return True
    first = next(
        (line for line in text.split("\n") if line.strip() and not line.lstrip().startswith("%")), ""
    )
    return _CLASS.match(first) is not None and "\\begin{document}" in text


_INPUT = re.compile(r"^\s*\\(input|include|subfile)\s*\{([^{}]+)\}\s*(?:%.*)?$")
MAX_INPUT_DEPTH = 8


def expand_inputs(
    text: str, shown: str, read: Callable[[str, str, int], tuple[str, str] | None], depth: int = 0
) -> tuple[str, list[tuple[str, int]]]:
    """``text`` with each ``\\input{file}`` (``\\include``, ``\\subfile``) standing on its line replaced by
    the file's text, as LaTeX reads it; and the (file, line) every line came from.  ``read(name, shown,
    line)`` gives (the file's text, its name in messages), or None (it said why)."""
    out: list[str] = []
    origins: list[tuple[str, int]] = []
    for n, line in enumerate(text.split("\n"), start=1):
        found = _INPUT.match(line) if "\\" in line and depth < MAX_INPUT_DEPTH else None
        got = read(found.group(2).strip(), shown, n) if found is not None else None
        if got is None:
            out.append("" if found is not None else line)
            origins.append((shown, n))
            continue
        sub, sub_origins = expand_inputs(got[0], got[1], read, depth + 1)
        out.extend(sub.split("\n"))
        origins.extend(sub_origins)
    return "\n".join(out), origins


@dataclass
class Converted:
    """The deck as a Markdown lecture: ``meta`` (its front matter), ``text``; ``index[j]``: the file's line
    (0-based) that new line j came from; ``key_lines``: the file's line (1-based) of each meta key;
    ``warnings``: (line, message, code) of what was left out."""

    meta: dict[str, Any]
    text: str
    index: list[int]
    key_lines: dict[str, int] = field(default_factory=dict)
    warnings: list[tuple[int, str, str]] = field(default_factory=list)


def beamer_markdown(text: str) -> Converted:
    """The beamer deck ``text`` rewritten as this dialect's Markdown (see the module docstring)."""
    lines, index = _uncommented(text.split("\n"))
    begin = next((k for k, line in enumerate(lines) if line.strip().startswith("\\begin{document}")), -1)
    end = next(
        (k for k in range(len(lines) - 1, begin, -1) if lines[k].strip().startswith("\\end{document}")),
        len(lines),
    )
    out = Converted({}, "", [])
    if begin >= 0:
        _preamble(lines[:begin], index, out)
    _bibliography(lines, index, out)
    new: list[str] = []
    new_index: list[int] = []

    def add(k: int, *said: str) -> None:
        new.extend(said)
        new_index.extend([index[k]] * len(said))

    outside: list[int] = []
    k = begin + 1
    while k < end:
        s = lines[k].strip()
        if s.startswith(_FRAME):
            stop = next((j for j in range(k, end) if _FRAME_END in lines[j]), end - 1)
            _frame(lines, k, stop, add, out, index)
            k = stop + 1
            continue
        section = _SECTION.match(s)
        if section is not None:
            close = balanced_group(s, section.end() - 1)
            if section.group(1) in ("part", "section") and close > 0:
                add(k, "", "# " + _one_line(s[section.end() : close - 1]), "")
            k += 1
            continue
        if s.startswith("\\note"):  # beamer's note outside a frame: the notes of the frame before it
            add(k, lines[k])
        elif (
            s
            and not _QUIET.match(s)
            and not s.startswith(("\\bibliography", "\\addbibresource", "\\printbibliography"))
        ):
            outside.append(k)
        k += 1
    if outside:
        out.warnings.append(
            (
                index[outside[0]],
                f"text outside a frame is left out, as beamer shows only frames ({len(outside)} line(s))",
                "outside-frame",
            )
        )
    out.text = "\n".join(new)
    out.index = new_index
    return out


def _uncommented(lines: list[str]) -> tuple[list[str], list[int]]:
    """``lines`` without TeX's comments: a line that is only a comment is gone (TeX joins the lines
    around it), a comment after words is cut off; verbatim environments are kept as written.  Also
    the line of ``lines`` that each kept line is."""
    out: list[str] = []
    index: list[int] = []
    verbatim: str | None = None
    for k, line in enumerate(lines):
        if verbatim is not None:
            out.append(line)
            index.append(k)
            if f"\\end{{{verbatim}" in line:
                verbatim = None
            continue
        cut = _comment_at(line)
        if cut is not None and not line[:cut].strip():
            continue
        kept = line[:cut].rstrip() if cut is not None else line
        opened = _VERBATIM.search(kept)
        if opened is not None and f"\\end{{{opened.group(1)}" not in kept[opened.end() :]:
            verbatim = opened.group(1)
        out.append(kept)
        index.append(k)
    return out, index


def _comment_at(line: str) -> int | None:
    """Where TeX's comment starts in ``line`` (a ``%`` not escaped by a backslash), or None."""
    i = line.find("%")
    while i >= 0:
        slashes = len(line[:i]) - len(line[:i].rstrip("\\"))
        if slashes % 2 == 0:
            return i
        i = line.find("%", i + 1)
    return None


def _preamble(lines: list[str], index: list[int], out: Converted) -> None:
    """The front matter from the preamble's commands; its macros (``header-includes``)."""
    text = "\n".join(lines)
    for piece in find_raw_tex(text, markdown=False):
        value = piece.args[piece.kinds.rfind("{")] if "{" in piece.kinds else None
        if value is None:
            continue
        line = index[text.count("\n", 0, piece.start)] + 1
        key = _META.get(piece.name)
        if key is not None:
            out.meta[key] = _one_line(value)
            out.key_lines[key] = line
        elif piece.name in ("logo", "titlegraphic") and "logo" not in out.meta:
            graphic = _GRAPHIC.search(value)
            if graphic is not None:
                out.meta["logo"] = graphic.group(1).strip()
                out.key_lines["logo"] = line
    if "\\" in text:
        out.meta["header-includes"] = text  # (the reader takes the macro definitions from it)


def _bibliography(lines: list[str], index: list[int], out: Converted) -> None:
    """``\\bibliography{refs}`` (BibTeX) or ``\\addbibresource{refs.bib}`` (biblatex), anywhere."""
    for k, line in enumerate(lines):
        found = re.search(r"\\(bibliography|addbibresource)\s*(?:\[[^\]]*\])?\s*\{([^{}]+)\}", line)
        if found is None:
            continue
        names = [n.strip() for n in found.group(2).split(",") if n.strip()]
        if found.group(1) == "bibliography":
            names = [n if n.endswith(".bib") else n + ".bib" for n in names]
        out.meta["bibliography"] = names[0] if len(names) == 1 else names
        out.key_lines["bibliography"] = index[k] + 1
        return


def _one_line(tex: str) -> str:
    """A title's TeX on one line (``\\\\`` and ``\\newline`` as spaces, a tie ``~`` a no-break space)."""
    spaced = re.sub(r"\\\\(?:\[[^\]]*\])?|\\newline\b", " ", tex)
    return re.sub(r"(?<!\\)~", "\u00a0", re.sub(r"[ \t\r\n]+", " ", spaced)).strip()


def _frame(lines: list[str], start: int, stop: int, add, out: Converted, index: list[int]) -> None:
    """The frame from ``lines[start]`` (``\\begin{frame}…``) to ``lines[stop]`` (``\\end{frame}``)."""
    head = lines[start].strip()[len(_FRAME) :]
    title, subtitle, rest = _frame_args(head)
    body: list[tuple[int, str]] = []
    if rest.strip():
        body.append((start, rest.strip()))
    last = lines[stop]
    for k in range(start + 1, stop):
        body.append((k, lines[k]))
    before_end = last[: last.find(_FRAME_END)] if _FRAME_END in last else ""
    if stop > start and before_end.strip():
        body.append((stop, before_end))
    body = _dedented(body)
    kept: list[tuple[int, str]] = []
    for k, line in body:
        if _BIBLIOGRAPHY.match(line):  # (the references: made from the bibliography, as pandoc makes them)
            continue
        command = _TITLE_COMMANDS.match(line)
        if command is None:
            kept.append((k, line))
            continue
        close = balanced_group(line, command.end() - 1)
        words = _one_line(line[command.end() : close - 1]) if close > 0 else ""
        if command.group(1) == "frametitle":
            title = title or words
        else:
            subtitle = subtitle or words
        if close > 0 and line[close:].strip():
            kept.append((k, line[close:].strip()))
    said = [line.strip() for _, line in kept if line.strip()]
    if said and all(re.fullmatch(r"\\(titlepage|maketitle)", s) for s in said):
        return  # (the title slide: made from the front matter)
    if said and all(re.fullmatch(r"\\tableofcontents(\[[^\]]*\])?", s) for s in said):
        if "toc" not in out.meta and "[" not in said[0]:
            out.meta["toc"] = True  # (the contents slide; one of the current section's is beamer's only)
        return
    if title:
        add(start, "", "## " + title, "")
        if subtitle:
            add(start, "**" + subtitle + "**", "")
    else:
        add(start, "", "---", "")
    for k, line in kept:
        add(k, line)
    add(stop, "")


def _frame_args(head: str) -> tuple[str, str, str]:
    """A frame's ``<overlay>``, ``[options]``, ``{title}`` and ``{subtitle}``: (title, subtitle, the rest
    of its line)."""
    args: list[str] = []
    i = 0
    while i < len(head):
        c = head[i]
        if c in " \t":
            i += 1
            continue
        if c == "<" and not args:
            close = head.find(">", i)
            i = close + 1 if close > 0 else len(head)
            continue
        if c == "[" and not args:
            close = balanced_group(head, i, "[", "]")
            i = close if close > 0 else len(head)
            continue
        if c == "{" and len(args) < 2:
            close = balanced_group(head, i)
            if close < 0:
                break
            args.append(_one_line(head[i + 1 : close - 1]))
            i = close
            continue
        break
    return (args[0] if args else ""), (args[1] if len(args) > 1 else ""), head[i:]


def _dedented(body: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """A frame's lines without their indentation (but in verbatim environments), and a line that
    Markdown would read as a list or a quote (``1. …``, ``- …``, ``> …``) escaped: in TeX it is text."""
    out: list[tuple[int, str]] = []
    verbatim: str | None = None
    for k, line in body:
        if verbatim is not None:
            if f"\\end{{{verbatim}" in line:
                verbatim = None
                line = line.lstrip()  # (its end's own indentation is not the code's)
            out.append((k, line))
            continue
        text = line.strip()
        opened = _VERBATIM.search(text)
        if opened is not None and f"\\end{{{opened.group(1)}" not in text[opened.end() :]:
            verbatim = opened.group(1)
        listish = _LISTISH.match(text)
        if listish is not None:  # (1\. and \- are Markdown's escapes)
            marker = listish.group(1)
            text = (marker[:-1] + "\\" + marker[-1] if marker[0].isdigit() else "\\" + marker) + text[
                len(marker) :
            ]
        out.append((k, text))
    return out
