"""Pandoc's grid tables, which CommonMark and markdown-it lack::

    +---------------+--------+
    | Fruit         | Price  |
    +===============+=======:+
    | Bananas, ripe | $1.34  |
    | and yellow    |        |
    +---------------+--------+

A block rule reads one and pushes the tokens markdown-it's own pipe-table rule pushes (``table_open``,
``thead``/``tbody``, ``tr``, ``th``/``td`` with an ``inline`` child), so :mod:`podium.reader` reads
both kinds alike.  A cell's lines are one line of text (its Markdown inline: emphasis, code, links,
math); the ``:`` of the separator under the header (or of the top border, without a header) aligns
a column; the widths of the border's segments are the columns' relative widths
(``meta["widths"]``).  Without a ``+===+`` line the table has no header row (its header cells are
pushed empty, which the reader reads as none, as pandoc does).  A table whose rows
span columns (a missing ``|`` at a column's edge) is not one this rule reads: it stays text.
"""

from __future__ import annotations

import re

from markdown_it import MarkdownIt
from markdown_it.rules_block import StateBlock

_BORDER = re.compile(r"^\+(?:[-=:]+\+)+$")
MAX_ROWS = 2000  # beyond this the reader's cell limit speaks anyway


def _line(state: StateBlock, line: int) -> str:
    return state.src[state.bMarks[line] + state.tShift[line] : state.eMarks[line]].rstrip()


def _aligns(border: str, cuts: list[int]) -> list[str]:
    out = []
    for a, b in zip(cuts, cuts[1:]):
        seg = border[a + 1 : b]
        left, right = seg.startswith(":"), seg.endswith(":")
        out.append("center" if left and right else "right" if right else "left" if left else "")
    return out


def grid_table(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    if state.is_code_block(start):
        return False
    top = _line(state, start)
    if not _BORDER.match(top) or "=" in top:
        return False
    cuts = [i for i, ch in enumerate(top) if ch == "+"]
    indent = state.sCount[start]
    rows: list[list[list[str]]] = []  # rows, each a list of its lines' cells
    current: list[list[str]] = []
    header_rows = 0
    aligns = _aligns(top, cuts)
    line = start + 1
    while line < end and len(rows) <= MAX_ROWS:
        text = _line(state, line)
        if state.sCount[line] != indent:
            break
        if _BORDER.match(text):
            if [i for i, ch in enumerate(text) if ch == "+"] != cuts or not current:
                return False
            rows.append(current)
            current = []
            if "=" in text:
                if header_rows:
                    return False
                header_rows = len(rows)
                aligns = _aligns(text, cuts)
            line += 1
            continue
        if not text.startswith("|"):
            break  # the table ended (at its last border, or it was never whole)
        if len(text) <= cuts[-1] or any(text[c] != "|" for c in cuts):
            state.env.setdefault("grid_tables_unread", set()).add(start)  # the reader warns at its line
            return False  # a cell spanning columns: not a table this rule reads
        current.append([text[a + 1 : b].strip() for a, b in zip(cuts, cuts[1:])])
        line += 1
    if current or not rows:
        return False  # a row without its closing border
    if silent:
        return True
    widths = [b - a for a, b in zip(cuts, cuts[1:])]
    head = [[line for row in rows[:header_rows] for line in row]]  # header rows: one header
    body = [[_cell_text([x[c] for x in row]) for c in range(len(aligns))] for row in rows[header_rows:]]
    header = [" ".join(x[c] for x in head[0] if x[c]).strip() for c in range(len(aligns))]
    push_table(state, start, line, [header], body, aligns, {"widths": [w / sum(widths) for w in widths]})
    state.line = line
    return True


_ITEM = re.compile(r"^([-+*]|\d{1,9}[.)])\s+")


def _cell_text(lines: list[str]) -> str:
    """A cell's lines as one line of text; a list in the cell (``- built-in wrapper`` / ``- bright
    color``, as pandoc's manual writes one) an item a line, each after a line break, bullets drawn."""
    lines = [x for x in lines if x]
    if not any(_ITEM.match(x) for x in lines):
        return " ".join(lines).strip()
    items: list[str] = []
    for line in lines:
        item = _ITEM.match(line)
        if item is not None or not items:
            marker = ("\u2022" if item.group(1) in "-+*" else item.group(1)) if item else ""
            items.append(f"{marker} {line[item.end() :] if item else line}".strip())
        else:
            items[-1] += " " + line  # (an item's line goes on)
    return "<br>".join(items)


def push_table(
    state: StateBlock,
    start: int,
    end: int,
    head: list[list[str]],
    rows: list[list[str]],
    aligns: list[str],
    meta: dict,
) -> None:
    """Push the tokens markdown-it's pipe-table rule pushes for a table of lines ``start``-``end``:
    ``head`` and ``rows`` are each cell's inline text, ``aligns`` each column's alignment ("" none),
    ``meta`` goes on ``table_open`` (widths, a caption)."""
    token = state.push("table_open", "table", 1)
    token.map = [start, end]
    token.meta = meta
    for part, body in (("thead", head), ("tbody", rows)):
        if not body:
            continue
        state.push(f"{part}_open", part, 1)
        for row in body:
            state.push("tr_open", "tr", 1)
            tag = "th" if part == "thead" else "td"
            for c, align in enumerate(aligns):
                cell = state.push(f"{tag}_open", tag, 1)
                if align:
                    cell.attrs = {"style": f"text-align:{align}"}
                inline = state.push("inline", "", 0)
                inline.content = row[c] if c < len(row) else ""
                inline.map = [start, end]
                inline.children = []
                state.push(f"{tag}_close", tag, -1)
            state.push("tr_close", "tr", -1)
        state.push(f"{part}_close", part, -1)
    state.push("table_close", "table", -1)


def grid_tables_plugin(md: MarkdownIt) -> None:
    """Read pandoc's grid tables (before markdown-it's pipe tables)."""
    md.block.ruler.before("table", "grid_table", grid_table, {"alt": ["paragraph", "reference"]})
