"""Pipe tables with pandoc's columns: markdown-it's GFM table rule, but the delimiter row says how many.

GFM wants the header row to have as many cells as the delimiter row, or the lines are no table.  Pandoc
(so Quarto and R Markdown) takes the columns from the delimiter row alone::

    |  | Women | Men |
    |:------|:------:|:------:|:------:|
    | Non-management: | 3,163.30 (87) | 3,015.18 (59) |

is a table of four columns whose header's last cell is empty, as a row with fewer cells gets empty ones.
Cells past the last column, in the header or a row, are left out, as pandoc leaves them out; the table's
``meta["dropped"]`` lists them (the line, 0-based, and the cells' words) for the reader to warn about.
A lecture read as markdown-it reads it (Marp, Slidev, reveal.js: ``gfm``) keeps GFM's rule, and a row's
cells past the header's are left out there too.  The tokens are those of markdown-it's rule.
"""

from __future__ import annotations

from markdown_it.common.utils import isStrSpace, mdTrim
from markdown_it.rules_block import StateBlock
from markdown_it.rules_block.table import MAX_AUTOCOMPLETED_CELLS, escapedSplit, headerLineRe

DROPPED = "dropped"  # the table_open token's meta key: [(line, [the words of each cell left out])]


def _line(state: StateBlock, line: int) -> str:
    return state.src[state.bMarks[line] + state.tShift[line] : state.eMarks[line]]


def _aligns(text: str) -> list[str] | None:
    """Each column's alignment ("left", "center", "right", "" none) of a delimiter row, or None when
    ``text`` is no delimiter row (only ``|``, ``-``, ``:`` and spaces; a dash run in every cell between
    the outer pipes; not ``- …``, a list item)."""
    if len(text) < 2 or text[0] not in "|-:" or (text[1] not in "|-:" and not isStrSpace(text[1])):
        return None
    if text[0] == "-" and isStrSpace(text[1]):
        return None
    if any(ch not in "|-:" and not isStrSpace(ch) for ch in text):
        return None
    columns = text.split("|")
    aligns = []
    for i, column in enumerate(columns):
        t = mdTrim(column)
        if not t:
            if i in (0, len(columns) - 1):
                continue  # (the outer pipes)
            return None
        if not headerLineRe.search(t):
            return None
        if t.endswith(":"):
            aligns.append("center" if t.startswith(":") else "right")
        else:
            aligns.append("left" if t.startswith(":") else "")
    return aligns


def _cells(text: str) -> list[str]:
    """A row's cells, the outer pipes left out (``\\|`` is a pipe in a cell)."""
    columns = escapedSplit(mdTrim(text))
    if columns and columns[0] == "":
        columns.pop(0)
    if columns and columns[-1] == "":
        columns.pop()
    return columns


def pipe_table(state: StateBlock, start: int, end: int, silent: bool, gfm: bool = False) -> bool:
    """markdown-it's table rule (``markdown_it.rules_block.table``) with pandoc's columns (see the module
    docstring); ``gfm``: with GFM's, a header of as many cells as the delimiter row."""
    if start + 2 > end:
        return False
    second = start + 1
    if state.sCount[second] < state.blkIndent or state.is_code_block(second):
        return False
    if state.bMarks[second] + state.tShift[second] >= state.eMarks[second]:
        return False
    aligns = _aligns(_line(state, second))
    if aligns is None:
        return False
    first = mdTrim(_line(state, start))
    if "|" not in first or state.is_code_block(start):
        return False
    header = _cells(first)
    count = len(aligns)
    if not header or (gfm and len(header) != count):
        return False
    if silent:
        return True

    dropped: list[tuple[int, list[str]]] = []
    old_parent, state.parentType = state.parentType, "table"
    terminators = state.md.block.ruler.getRules("blockquote")
    table = state.push("table_open", "table", 1)
    table.map = lines = [start, 0]
    table.meta = {DROPPED: dropped}
    state.push("thead_open", "thead", 1).map = [start, start + 1]
    _row(state, "th", header, aligns, start, dropped)
    state.push("thead_close", "thead", -1)

    autocompleted = 0
    body: list[int] | None = None
    line = start + 2
    while line < end:
        if state.sCount[line] < state.blkIndent:
            break
        if any(rule(state, line, end, True) for rule in terminators):
            break
        text = mdTrim(_line(state, line))
        if not text or state.is_code_block(line):
            break
        cells = _cells(text)
        autocompleted += count - len(cells)  # (limits the empty cells made up: markdown-it's bound)
        if autocompleted > MAX_AUTOCOMPLETED_CELLS:
            break
        if body is None:
            state.push("tbody_open", "tbody", 1).map = body = [start + 2, 0]
        _row(state, "td", cells, aligns, line, dropped)
        line += 1
    if body is not None:
        state.push("tbody_close", "tbody", -1)
        body[1] = line
    state.push("table_close", "table", -1)
    lines[1] = line
    state.parentType = old_parent
    state.line = line
    return True


def _row(state: StateBlock, tag: str, cells: list[str], aligns: list[str], line: int, dropped: list) -> None:
    """Push a row of one cell per column (``aligns``): ``cells``' first ones, or empty ones after them;
    the words of the cells past the last column go into ``dropped``."""
    state.push("tr_open", "tr", 1).map = [line, line + 1]
    for c, align in enumerate(aligns):
        cell = state.push(f"{tag}_open", tag, 1)
        if align:
            cell.attrs = {"style": f"text-align:{align}"}
        inline = state.push("inline", "", 0)
        inline.map = [line, line + 1]
        inline.content = mdTrim(cells[c]) if c < len(cells) else ""
        inline.children = []
        state.push(f"{tag}_close", tag, -1)
    state.push("tr_close", "tr", -1)
    extra = [mdTrim(c) for c in cells[len(aligns) :]]
    if any(extra):
        dropped.append((line, extra))
