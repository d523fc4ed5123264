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
pushed empty, which the reader reads as none, as pandoc does).

A row out of line with the border is read where its cells can still be told: a last cell up to the
row's last ``|`` (as pandoc before 2.18 read it; a note), a row whose ``|`` are off the ``+`` but make
the table's columns (a warning), a cell spanning columns in the first column it spans (a warning).  A
table that cannot be read (a border off the top border's ``+``, a row whose ``|`` do not make its
columns) is shown whole as text, a line a row.  What is said of a table is one message, at its first
line out of line, naming the others (``env[PROBLEMS]``, which the reader reports).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from markdown_it import MarkdownIt
from markdown_it.rules_block import StateBlock

_BORDER = re.compile(r"^\+(?:[-=:]+\+)+$")
MAX_LINES = 4000  # beyond this the reader's cell limit speaks anyway
PROBLEMS = "grid_table_problems"  # env: {top border line: (line, severity, message, other lines)}


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
    last = _extent(state, start, end)
    if last is None:
        return False
    if silent:  # (a table interrupts a paragraph where it is closed by a border line)
        return _line(state, last - 1).startswith("+")
    cuts = [i for i, ch in enumerate(top) if ch == "+"]
    grid = _read(state, start, last, cuts)
    if grid.problems:
        state.env.setdefault(PROBLEMS, {})[start] = _first_problem(grid.problems)
    if grid.rows is None:
        _push_text(state, start, last)
    else:
        columns = range(len(cuts) - 1)
        widths = [b - a for a, b in zip(cuts, cuts[1:])]
        head = [line for row in grid.rows[: grid.header_rows] for line in row]  # header rows: one header
        header = [_cell_text([x[c] for x in head]) for c in columns]
        body = [[_cell_text([x[c] for x in row]) for c in columns] for row in grid.rows[grid.header_rows :]]
        meta = {"widths": [w / sum(widths) for w in widths]}
        push_table(state, start, last, [header], body, grid.aligns, meta)
    state.line = last
    return True


def _extent(state: StateBlock, start: int, end: int) -> int | None:
    """The line after the grid table whose top border is line ``start``: its rows (``|``) and border
    lines at the top border's indentation; None where no row follows the top border (not a table)."""
    indent = state.sCount[start]
    line = start + 1
    while line < end and line - start <= MAX_LINES:
        text = _line(state, line)
        if state.sCount[line] != indent or not text.startswith(("|", "+-", "+=", "+:")):
            break
        line += 1
    if line - start > MAX_LINES:  # (cut at its last border line: the rest is a table of its own)
        line = max(k for k in range(start, line) if _line(state, k).startswith("+")) + 1
    if line == start + 1 or not _line(state, start + 1).startswith("|"):
        return None
    return line


@dataclass
class Problem:
    """A line of a grid table that is not drawn as pandoc's rules want it."""

    line: int  # (0-based, in the parser's source)
    severity: str  # "warning", or "note" where Podium (and an older pandoc) reads the row as meant
    message: str
    fatal: bool = False  # the table is not read: its text is shown


@dataclass
class Grid:
    rows: list[list[list[str]]] | None  # rows, each a list of its lines' cells; None: not read
    header_rows: int
    aligns: list[str]
    problems: list[Problem]


def _read(state: StateBlock, start: int, last: int, cuts: list[int]) -> Grid:
    """The rows of the grid table on lines ``start``-``last`` whose top border has its ``+`` at
    ``cuts``, and what is wrong with its lines."""
    rows: list[list[list[str]]] = []
    current: list[list[str]] = []
    grid = Grid(rows, 0, _aligns(_line(state, start), cuts), [])

    def fatal(line: int, what: str, reason: str) -> Grid:
        message = (
            f"this {what} of a grid table cannot be read: {reason}; the table is shown as text, a line a "
            "row (line its '|' and '+' up with the top border's '+', or write a pipe table)"
        )
        grid.problems.insert(0, Problem(line, "warning", message, fatal=True))
        grid.rows = None
        return grid

    for line in range(start + 1, last):
        text = _line(state, line)
        if text.startswith("|"):
            cells, severity, message = _row_cells(text, cuts, _column(state, line))
            if cells is None:
                return fatal(line, "row", message)
            if message:
                grid.problems.append(Problem(line, severity, message))
            current.append(cells)
            continue
        plus = [i for i, ch in enumerate(text) if ch == "+"]
        stray = next((i for i in plus if i not in cuts), None)
        if not _BORDER.match(text):
            return fatal(line, "line", "it is neither a border line ('+---+') nor a row ('|')")
        if stray is not None or plus[-1] != cuts[-1]:
            at = _column(state, line) + (cuts[-1] if stray is None else stray)
            return fatal(line, "border line", f"its '+' at character {at} is not on a '+' of the top border")
        if not current:
            return fatal(line, "border line", "it comes right under another border line, with no row between")
        rows.append(current)
        current = []
        if "=" in text:
            if grid.header_rows:
                return fatal(line, "border line", "it is a second header line ('+===+'); a table has one")
            grid.header_rows = len(rows)
            grid.aligns = _aligns(text, cuts)
    if current:
        return fatal(last - 1, "row", "it has no border line ('+---+') under it")
    return grid


def _column(state: StateBlock, line: int) -> int:
    """The character (counted from 1) of source line ``line`` that is the first of :func:`_line`."""
    first = state.bMarks[line] + state.tShift[line]
    return first - (state.src.rfind("\n", 0, first) + 1) + 1


# what a '|' inside does not end a cell: code, math, an escaped character
_MASKED = re.compile(r"(`+).+?\1|\$(?=\S)(?:\\.|[^$\\])*?(?<=\S)\$(?!\d)|\\.")  # (math's \$: a dollar)


def _bars(text: str) -> list[int]:
    """Where the ``|`` of ``text`` are, but those in code, in math or escaped."""
    masked = _MASKED.sub(lambda found: "x" * len(found.group()), text)
    return [i for i, ch in enumerate(masked) if ch == "|"]


def _row_cells(text: str, cuts: list[int], column: int) -> tuple[list[str] | None, str, str]:
    """A row line's cells, one a column (a cell spanning columns in the first of them, the others
    empty), and what is wrong with it: its severity ("note" where the row is read as an older pandoc
    read it) and message; no cells where they cannot be told.  ``column``: the character ``text``
    begins at in its source line."""
    if len(text) > cuts[-1] and all(text[c] == "|" for c in cuts):
        return [text[a + 1 : b].strip() for a, b in zip(cuts, cuts[1:])], "", ""
    bounds = _bars(text)
    if not text.endswith("|"):
        bounds.append(len(text))  # (the last cell runs to the line's end)
    missing = next(c for c in cuts if c >= len(text) or text[c] != "|")
    at = column + missing
    if set(bounds) <= set(cuts) and bounds[-1] == cuts[-1]:
        cells = [""] * (len(cuts) - 1)
        for a, b in zip(bounds, bounds[1:]):
            cells[cuts.index(a)] = text[a + 1 : b].strip()
        return (
            cells,
            "warning",
            (
                f"a cell in this row of a grid table spans columns (no '|' at character {at}): its words are in the "
                "first column it spans, the others are left empty (Podium merges no cells)"
            ),
        )
    if len(bounds) != len(cuts):
        if any(b not in cuts for b in bounds):
            return (
                None,
                "warning",
                (
                    f"a cell runs past its column's border at character {at}, and the row's '|' do not divide it "
                    f"into the table's {len(cuts) - 1} columns"
                ),
            )
        return None, "warning", f"it has no '|' at the table's right border (character {at})"
    cells = [text[a + 1 : b].strip() for a, b in zip(bounds, bounds[1:])]
    if bounds[:-1] != cuts[:-1]:
        return (
            cells,
            "warning",
            (
                f"a cell in this row of a grid table runs past its column's border at character {at}: Podium "
                "reads the row's cells at its '|', but pandoc does not; widen the column (its border lines "
                "too) so that every '|' is under a '+'"
            ),
        )
    where = "runs past" if bounds[-1] > cuts[-1] else "ends before"
    return (
        cells,
        "note",
        (
            f"this row of a grid table {where} the table's right border (character {at}): Podium reads its "
            "last cell up to the row's last '|', as pandoc before 2.18 did, but newer pandoc (and Quarto) do "
            "not; put the row's last '|' under the border's last '+'"
        ),
    )


def _first_problem(problems: list[Problem]) -> tuple[int, str, str, list[int]]:
    """The one thing said of a table: its first unreadable line, else its first warning, else its first
    note; with the other lines that are out of line."""
    first = next((p for p in problems if p.fatal), None) or next(
        (p for p in problems if p.severity == "warning"), problems[0]
    )
    return first.line, first.severity, first.message, sorted({p.line for p in problems} - {first.line})


def _push_text(state: StateBlock, start: int, end: int) -> None:
    """The text of the grid table on lines ``start``-``end`` that cannot be read as one: a paragraph
    of a line a row line, its cells between `` | ``."""
    lines = []
    for line in range(start, end):
        text = _line(state, line)
        if text.startswith("|"):
            bounds = _bars(text) + ([] if text.endswith("|") else [len(text)])
            cells = [text[a + 1 : b].strip() for a, b in zip(bounds, bounds[1:])]
            lines.append(" | ".join(x for x in cells if x))
    content = "  \n".join(x for x in lines if x)
    if not content:
        return
    token = state.push("paragraph_open", "p", 1)
    token.map = [start, end]
    inline = state.push("inline", "", 0)
    inline.content = content
    inline.map = [start, end]
    inline.children = []
    state.push("paragraph_close", "p", -1)


_ITEM = re.compile(r"^([-+*]|\d{1,9}[.)])\s+")


def _cell_text(lines: list[str]) -> str:
    """A cell's lines as one line of text; a list in the cell (``- built-in wrapper`` / ``- bright
    color``, as pandoc's manual writes one) an item a line, each after a line break, bullets drawn."""
    lines = [x for x in lines if x]
    if not any(_ITEM.match(x) for x in lines):
        return "".join(_joined(x, k == len(lines) - 1) for k, x in enumerate(lines)).strip()
    items: list[str] = []
    for line in lines:
        item = _ITEM.match(line)
        if item is not None or not items:
            marker = ("\u2022" if item.group(1) in "-+*" else item.group(1)) if item else ""
            items.append(f"{marker} {line[item.end() :] if item else line}".strip())
        else:
            items[-1] += " " + line  # (an item's line goes on)
    return "<br>".join(items)


def _joined(line: str, last: bool) -> str:
    """A cell's line as it joins the next: a line ending in an unescaped backslash (pandoc's escaped
    line break, ``Bananas\\``) breaks the line there; any other line is followed by a space."""
    if last:
        return line
    bare = line.rstrip()
    slashes = len(bare) - len(bare.rstrip("\\"))
    if slashes % 2:
        return bare[:-1] + "<br>"
    return line + " "


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
