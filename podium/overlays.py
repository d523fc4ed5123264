"""beamer's overlay specifications as this dialect's clicks.

beamer shows a frame in steps: ``\\uncover<2->{…}`` is there from the second step, ``\\only<2>{…}``
only on it, ``\\item<3->`` from the third.  A deck has clicks instead, and shows what came in
earlier clicks until the slide ends, so:

- ``\\only``, ``\\uncover``, ``\\visible``, ``\\onslide`` (and ``\\invisible`` inverted) standing as
  blocks of their own, their braces perhaps paragraphs long, become ``::: {.fragment}`` divs when they
  start after the first step, and plain text when they start on it.  What ``\\only`` takes away on a
  later step stays: the words are never lost, and the handout shows the whole slide as before.
- A bare ``\\onslide<2->`` on its own line is a pause (``. . .``); so is one before words on its line
  (``\\onslide<2-> More words``: the words come on that click), and ``\\onslide+``/``\\onslide*`` are
  read as ``\\onslide``.  In ``overprint`` (or ``overlayarea``), where beamer shows each alternative in
  turn in one place, each comes on its click and stays, as ``\\only``'s words do.
- An ``\\item<n->`` comes on a click where ``n`` is later than the items before it
  (:func:`overlay_start`, used by :mod:`podium.texenvs`); items of the same step come together.

Overlays inside a line of text (``the \\only<2>{second} word``) stay the reader's: their words,
with a ``raw-tex`` warning that the step is not kept.
"""

from __future__ import annotations

import re

from .markdown import code_lines, line_starts
from .rawtex import SPEC_CHARS, _group

# (without a specification, `\onslide{…}` and its kin show their argument on every step, and a bare
# `\onslide` shows what follows on every step)
# (`\onslide+<2->` and `\onslide*<2>`: beamer's \visible and \only forms of it, on the same step)
_COMMAND = re.compile(
    r"\\(only|uncover|visible|onslide|invisible)(?![A-Za-z])[*+]?\s*(?:<([^<>\n]{1,60})>)?[ \t]*"
)
_AT_LINE_START = re.compile(
    r"^[ \t]*\\(?:only|uncover|visible|onslide|invisible)(?![A-Za-z])[*+]?\s*(?:[<{]|$)"
)
# a bare `\onslide<2->` with words after it on its line (`\onslide<2-> More words`): the words come on
# that step, as on the line after it
_ONSLIDE_THEN_WORDS = re.compile(
    r"^([ \t]*\\onslide[*+]?\s*<[^<>\n]{1,60}>)[ \t]*(?![\s{]|\\item(?![A-Za-z]))(\S.*)$"
)


# the modes a specification may name: Podium's deck is beamer's own mode ("presentation" and "all"
# include it); the handout, transparencies, second screen and article are others
_SLIDE_MODES = frozenset(("beamer", "presentation", "all"))
_MODE_PART = re.compile(r"\s*([a-z]+)\s*:(.*)")


def slide_part(spec: str) -> str:
    """The part of the overlay specification ``spec`` that beamer's own mode reads (which a deck's click
    follows): ``2|handout:0`` and ``beamer:2`` are ``2``, ``+-| alert@+`` stays itself, and a
    specification only for other modes (``handout:0``, ``trans:1``) is "" (shown from the start)."""
    kept: list[str] = []
    for part in spec.split("|"):
        mode = _MODE_PART.fullmatch(part)
        if mode is None:
            kept.append(part.strip())
        elif mode.group(1) in _SLIDE_MODES:
            kept.append(mode.group(2).strip())
    return "|".join(k for k in kept if k)


def handout_never(spec: str) -> bool:
    """Whether ``spec`` says its content is never in beamer's handout mode (``2|handout:0``)."""
    return any(
        (mode := _MODE_PART.fullmatch(part)) is not None
        and mode.group(1) == "handout"
        and mode.group(2).strip() == "0"
        for part in spec.split("|")
    )


def deck_never(spec: str) -> bool:
    """Whether ``spec`` says its content is never in beamer's own mode, the deck's (``beamer:0``): beamer's
    handout shows it, so Podium's handout does."""
    return any(
        (mode := _MODE_PART.fullmatch(part)) is not None
        and mode.group(1) == "beamer"
        and mode.group(2).strip() == "0"
        for part in spec.split("|")
    )


def overlay_start(spec: str, last: int = 1) -> int:
    """The first step an overlay specification shows its content on: ``2-`` and ``2`` and ``2-4,6``
    are 2, ``-3`` and ``alert@2`` are 1 (shown from the start), ``+`` is the step after ``last`` and
    ``.`` is ``last`` (beamer's incremental specifications); only its part for beamer's own mode counts
    (``2|handout:0`` is 2, ``handout:0`` 1)."""
    first = slide_part(spec).split("|")[0].split(",")[0].strip()
    if "@" in first:  # an action (alert@2, uncover@3-): only uncover and visible hide anything
        action, first = first.split("@", 1)
        if action.strip() not in ("uncover", "visible", "only"):
            return 1
    first = first.strip()
    if first.startswith("+"):
        return last + 1
    if first.startswith("."):
        return last
    mt = re.match(r"\d+", first)
    return int(mt.group(0)) if mt else 1


# in a frame, in reading order: a list's beginning (with its default overlay, `\begin{itemize}[<+->]`) or
# end; `\pause` (`\pause[4]`); an overlay specification (`\item<+->`, `\onslide<+->`, `\begin{block}<.->`,
# `\alert<+>`); an item without one
_COUNTED = re.compile(
    r"\\(?P<edge>begin|end)\s*\{(?P<name>itemize|enumerate|description)\}(?P<options>\s*\[\s*<[^<>\n]{1,40}>\s*\])?"
    r"|\\pause(?![A-Za-z])(?:\s*\[\s*(?P<pause>\d{1,3})\s*\])?"
    r"|\\(?:begin\s*\{[A-Za-z*]+\}|[A-Za-z]+[*+]?)\s*<(?P<spec>(?:[a-z]+[@:])?[+.\d-]"
    + SPEC_CHARS
    + r"{0,59})>"
    r"|\\item(?![A-Za-z])"
)
_INCREMENT = re.compile(r"([+.])(?:\((-?\d{1,3})\))?")
_VERBATIM_BEGIN = re.compile(r"\\begin\{(verbatim|lstlisting|minted|Verbatim|semiverbatim)\*?\}")


def numbered_increments(lines: list[str]) -> list[str]:
    """A frame's ``lines`` with beamer's incremental overlay specifications made numbers, as beamer counts
    them over the whole frame (its ``beamerpauses``, from 1): each ``+`` is the count, which then goes up
    by one, ``.`` the count before (``+(1)``, ``.(-1)``: with that offset), and ``\\pause`` counts one
    (``\\pause[4]``: sets it).  So ``\\onslide<+->{…}`` paragraphs come a step each, counted on the same
    steps as ``\\item<+->``; the items of a list whose default is incremental (``\\begin{itemize}[<+->]``,
    its nested lists too) each get their number (``\\item<2->``).  Verbatim lines are left as they are."""
    count = 1
    defaults: list[str | None] = []  # the default specification of each list open (None: none)
    verbatim = ""
    out: list[str] = []

    def resolved(spec: str) -> str:
        nonlocal count
        if not _INCREMENT.search(spec):
            return spec
        at = count
        new = _INCREMENT.sub(
            lambda mt: str(max((at if mt.group(1) == "+" else at - 1) + int(mt.group(2) or 0), 1)), spec
        )
        count += "+" in spec
        return new

    for line in lines:
        if verbatim:
            verbatim = "" if f"\\end{{{verbatim}" in line else verbatim
            out.append(line)
            continue
        opened = _VERBATIM_BEGIN.search(line)
        if opened is not None and f"\\end{{{opened.group(1)}" not in line[opened.end() :]:
            verbatim = opened.group(1)
        if "\\" not in line:
            out.append(line)
            continue
        parts, at = [], 0
        for mt in _COUNTED.finditer(line[: opened.start()] if opened else line):
            if mt.group("edge") == "end":
                if defaults:
                    defaults.pop()
            elif mt.group("edge") == "begin":  # (a list without a default takes its list's, if any)
                default = re.search(r"<([^<>]*)>", mt.group("options") or "")
                defaults.append(default.group(1) if default else defaults[-1] if defaults else None)
                if default and _INCREMENT.search(default.group(1)):  # (its items numbered here instead)
                    parts.append(line[at : mt.start("options")])
                    at = mt.end()
            elif mt.group("spec") is not None:
                new = resolved(mt.group("spec"))
                if new != mt.group("spec"):
                    parts.append(line[at : mt.start("spec")] + new)
                    at = mt.end("spec")
            elif mt.group(0).startswith("\\pause"):
                count = int(mt.group("pause")) if mt.group("pause") else count + 1
            elif defaults and defaults[-1] and _INCREMENT.search(defaults[-1]):  # an item without a spec
                parts.append(line[at : mt.end()] + f"<{resolved(defaults[-1])}>")
                at = mt.end()
        out.append("".join(parts) + line[at:] if parts else line)
    return out


def _after(spec: str) -> int:
    """The step after the first range of ``spec`` (``1-2``: 3; ``1``: 2); 2 where it has no end."""
    last = re.fullmatch(r"\s*\d*\s*-?\s*(\d+)\s*", slide_part(spec).split(",")[0].split("|")[0])
    return int(last.group(1)) + 1 if last else 2


_MATH_NAMES = r"(?:equation|align|alignat|eqnarray|gather|multline|flalign|displaymath|dmath|dseries|darray|IEEEeqnarray)\*?"
_MATH_BEGIN = re.compile(r"\\begin\{" + _MATH_NAMES + r"\}")
_MATH_END = re.compile(r"\\end\{" + _MATH_NAMES + r"\}")
_DISPLAY_EDGE = re.compile(r"(?<!\\)\$\$|(?<!\\)\\[\[\]]")


def overlay_fence(step: int) -> str:
    """The fenced div that shows its content from beamer's overlay ``step`` on: a fragment that knows
    its step (``.overlay``, ``fragment-index``), so that it comes on the click of that step however
    the items and pauses before it counted theirs (podium.deck.plan)."""
    return f"::: {{.fragment .overlay fragment-index={step}}}"


def overlays_to_fragments(text: str) -> tuple[str, list[int]] | None:
    """``text`` with block-level overlays rewritten as fragments (see the module's docstring), and the
    old line index of every new line; None when there is none."""
    lines = text.split("\n")
    before = list(range(len(lines)))  # (the line each line was, once words after an \onslide are a line)
    if "\\onslide" in text:
        fenced = _unread_lines(text, lines)
        split: list[str] = []
        before = []
        for k, row in enumerate(lines):
            words = None if fenced[k] else _ONSLIDE_THEN_WORDS.match(row)
            indent = row[: len(row) - len(row.lstrip())]
            split.extend((words.group(1), indent + words.group(2)) if words else (row,))
            before.extend((k, k) if words else (k,))
        if len(split) > len(lines):
            lines, text = split, "\n".join(split)
    rewritten = _fragments(text, lines)
    if rewritten is None:
        return None
    return rewritten[0], [before[j] for j in rewritten[1]]


def _unread_lines(text: str, lines: list[str]) -> list[bool]:
    """Whether each of ``lines`` is one whose overlays are not this module's: code, math, semiverbatim."""
    fenced = code_lines(lines)  # (beamer code shown in a lecture stays code)
    inside = 0  # (and an overlay in math, around an align's row, is the math's: shown whole there)
    display = False  # (the same in TeX's display math over lines, `\[` … `\]` or `$$` … `$$`)
    for k, row in enumerate(lines):
        opened = len(_MATH_BEGIN.findall(row))
        code = fenced[k]
        fenced[k] = code or inside > 0 or display or (opened > 0 and not _AT_LINE_START.match(row))
        inside = max(inside + opened - len(_MATH_END.findall(row)), 0)
        if not code and ("$$" in row or "\\[" in row or "\\]" in row):
            for mt in _DISPLAY_EDGE.finditer(row):
                display = not display if mt.group(0) == "$$" else mt.group(0) == "\\["
    if "\\begin{semiverbatim}" in text:  # (and its semiverbatim code: its overlays are texenvs' to read)
        inside = False
        for k, row in enumerate(lines):
            inside = inside or row.lstrip().startswith("\\begin{semiverbatim}")
            fenced[k] = fenced[k] or inside
            inside = inside and "\\end{semiverbatim}" not in row
    return fenced


def _fragments(text: str, lines: list[str]) -> tuple[str, list[int]] | None:
    """:func:`overlays_to_fragments` of ``text``, whose lines are ``lines``."""
    starts = line_starts(lines)
    fenced = _unread_lines(text, lines)
    out: list[str] = []
    index: list[int] = []
    changed = False
    closed = (-1, 0)  # where in `out` the last fragment was closed, and its step
    k = 0
    while k < len(lines):
        found = (
            _blocks_at(text, lines, starts, k) if not fenced[k] and _AT_LINE_START.match(lines[k]) else None
        )
        if found is None:
            out.append(lines[k])
            index.append(k)
            k += 1
            continue
        pieces, end_line = found
        if out and out[-1].strip():  # (text right before it stays a paragraph of its own)
            out.append("")
            index.append(k)
        for n, (step, inner, line, one_mode) in enumerate(pieces):
            if n:
                out.append("")
                index.append(line)
            if one_mode and inner is not None and not inner.lstrip().startswith("\\item"):
                # (`\only<2|handout:0>{…}`: never in beamer's handout, so on the slides only; `beamer:0`: the
                out.append(f"::: {one_mode}")  # handout's only)
                index.append(line)
                closed = (-1, 0)
            if inner is None:  # a bare \onslide<2->: what follows comes on a click
                out.append(". . ." if step else "")
                index.append(line)
                continue
            if inner.lstrip().startswith("\\item"):  # (items of the list it is in: each on its step, as
                inner = _items_on(inner, step) if step else inner  # beamer shows them; no div in a list)
                out.extend(piece.strip() for piece in inner.split("\n"))
                index.extend(line + j for j in range(inner.count("\n") + 1))
                continue
            if step:
                at, last = closed
                if last == step and at >= 0 and not any(x.strip() for x in out[at + 1 :]):
                    del out[at], index[at]  # the same step as the fragment just before: its click too
                else:
                    out.append(overlay_fence(step))
                    index.append(line)
            inner_lines = inner.split("\n")
            inner_index = list(range(len(inner_lines)))
            nested = _fragments(inner, inner_lines) if "\\" in inner else None
            if nested is not None:  # (overlays inside it, `\onslide<2->{…}` in its list's items: theirs)
                inner_lines, inner_index = nested[0].split("\n"), nested[1]
            for j, piece in enumerate(inner_lines):
                out.append(piece.strip() if j == 0 else piece)
                index.append(line + inner_index[j])
            if step:
                out.append(":::")
                index.append(line + inner.count("\n"))
                closed = (len(out) - 1, step)
            if one_mode:
                out.append(":::")
                index.append(line + inner.count("\n"))
                closed = (-1, 0)
        if end_line + 1 < len(lines) and lines[end_line + 1].strip():
            out.append("")  # (and the text right after it)
            index.append(end_line)
        changed = True
        k = end_line + 1
    return ("\n".join(out), index) if changed else None


def _items_on(text: str, step: int) -> str:
    """``text``, items of a list (``\\item A \\item B``), with each of its own items that has no overlay
    of its own coming on ``step`` (``\\item<2-> A``); items of lists inside them are left as they are."""
    out, at, depth = [], 0, 0
    for mt in re.finditer(
        r"\\(begin|end)\s*\{(?:itemize|enumerate|description)\}|\\item(?![A-Za-z])(\s*<)?", text
    ):
        if mt.group(1):
            depth += 1 if mt.group(1) == "begin" else -1
        elif depth == 0 and mt.group(2) is None:
            out.append(text[at : mt.end()] + f"<{step}->")
            at = mt.end()
    return "".join(out) + text[at:]


def _blocks_at(
    text: str, lines: list[str], starts: list[int], k: int
) -> tuple[list[tuple[int, str | None, int, str]], int] | None:
    """The overlays that make up line ``k`` (and the lines their braces run over) as (the step it comes
    on, 0 for from the start; the braces' text or None for a bare ``\\onslide``; its first line (of the braces' words); whether
    "slides" where its specification keeps it out of beamer's handout, ``handout:0``, "handout" where it keeps
    it out of beamer's own mode, ``beamer:0``), and the last line they take; None
    when the line holds anything else (an overlay inside text)."""
    pieces: list[tuple[int, str | None, int, str]] = []
    at = starts[k] + len(lines[k]) - len(lines[k].lstrip())
    end = starts[k + 1] - 1  # the end of the line the overlays so far end on
    while True:
        mt = _COMMAND.match(text, at)
        if mt is None:
            break
        command, spec = mt.group(1), mt.group(2) or ""
        if command == "invisible" and not spec:
            return None  # (\invisible{…} hides its argument on every step: the reader's to say)
        line = text.count("\n", 0, mt.start())
        step = overlay_start(spec)
        if command == "invisible":  # hidden on the steps given (from the first): shown after them
            step = _after(spec) if step <= 1 else 0
        later = step if step > 1 else 0
        brace = mt.end()
        if brace < len(text) and text[brace] == "{":
            close = _group(text, brace)
            if close < 0:
                return None
            shown = "slides" if handout_never(spec) else "handout" if deck_never(spec) else ""
            inner = text[brace + 1 : close - 1]
            first = line + inner.count("\n") - inner.lstrip("\n").count("\n")  # (its words' first line)
            pieces.append((later, inner.strip("\n"), first, shown))
            at = close
        elif command == "onslide":
            pieces.append((later, None, line, ""))
            at = brace
        else:
            return None
        last_line = text.count("\n", 0, at)
        end = starts[last_line + 1] - 1
        while at < end and text[at] in " \t":
            at += 1
    if not pieces or text[at:end].strip():
        return None
    return pieces, text.count("\n", 0, end)
