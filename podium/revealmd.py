"""reveal.js's own Markdown (a deck's external ``slides.md``): ``Note:`` starts the speaker notes, and
``--`` alone on a line starts a vertical slide.

reveal.js's Markdown plugin cuts a file at ``---`` (horizontal slides) and ``--`` (vertical ones), and
everything from a line beginning ``Note:`` to the end of a slide is that slide's notes.  Such a file
has no front matter (reveal.js reads none), so these rules apply only to a lecture without one that
cuts its slides with ``---``: a pandoc or Quarto lecture with a "Note: bring a calculator" line keeps
it on the slide.  :func:`reveal_markdown` rewrites the text before it is read (``::: notes`` divs,
``---`` for ``--``) and gives, for each new line, the line of the lecture it came from.
"""

from __future__ import annotations

import re

from .markdown import fenced_lines

_NOTE = re.compile(r"^notes?:\s*(.*)$", re.I)
_SEPARATOR = re.compile(r"^(---|--)\s*$")


def is_reveal_markdown(raw_meta: dict, text: str) -> bool:
    """A lecture without front matter that cuts its slides with ``---`` and writes ``Note:`` or ``--``."""
    if raw_meta:
        return False
    lines = text.split("\n")
    fenced = fenced_lines(lines)
    separators = sum(1 for k, line in enumerate(lines) if not fenced[k] and line.strip() == "---")
    marks = any(not fenced[k] and (line.strip() == "--" or _NOTE.match(line)) for k, line in enumerate(lines))
    return separators > 0 and marks


def reveal_markdown(text: str) -> tuple[str, list[int]] | None:
    """``text`` with reveal.js's ``Note:`` notes as ``::: notes`` divs and ``--`` as ``---``; None when
    nothing changed."""
    lines = text.split("\n")
    fenced = fenced_lines(lines)
    out: list[str] = []
    index: list[int] = []
    in_notes = False
    changed = False
    for k, line in enumerate(lines):
        ends_slide = not fenced[k] and (_SEPARATOR.match(line) or line.startswith("#"))
        if in_notes and ends_slide:
            out.append(":::")
            index.append(k)
            out.append("")
            index.append(k)
            in_notes = False
        note = _NOTE.match(line) if not fenced[k] and not in_notes else None
        if note is not None:
            out += ["", "::: notes", note.group(1)]
            index += [k, k, k]
            in_notes = changed = True
            continue
        if not fenced[k] and line.strip() == "--":
            out.append("---")
            index.append(k)
            changed = True
            continue
        out.append(line)
        index.append(k)
    if in_notes:
        out.append(":::")
        index.append(len(lines) - 1)
    return ("\n".join(out), index) if changed else None
