"""Pandoc's simple and multiline tables, which CommonMark and markdown-it lack::

      Right     Left     Center
    -------     ------ ----------
         12     12        12
        123     123       123

    Table: A simple table.

    -----------------------------------------
     Term        Meaning
    ----------- -----------------------------
     Closure     the product of two members
                 is a member

     Identity    there is a neutral element
    -----------------------------------------

A simple table is a header line, a line of dashes in groups (one per column, at least two), and rows
up to a blank line; without a header it begins and ends with a line of dash groups.  A multiline
table begins with a line of dashes only, has a header, a line of dash groups, rows separated by blank
lines (a row's lines are one cell text each), and ends with a line of dashes, whole or in groups,
that a blank line follows (pandoc's footer; manual-style samples close with ``------  ------``
after a blank line).  Without a header it begins with its line of dash groups and its rows follow
at once (a headless simple table has no blank line between its rows).  Each dash group gives
a column: a cell is the text from its column's start to the next one's, and the header's text, flush
with the group's left or right end, aligns the column as pandoc does.  A ``Table: …`` (or ``: …``)
line under the table is its caption (``meta["caption"]``).  The tokens pushed are those of
markdown-it's pipe tables (:mod:`podium.gridtables` does the same), with the dash groups' lengths as
the relative widths of a multiline table (``meta["widths"]``).
"""

from __future__ import annotations

import re

from markdown_it import MarkdownIt
from markdown_it.rules_block import StateBlock

from .gridtables import push_table

_GROUPS = re.compile(r"^ {0,3}-+(?: +-+)+ *$")  # two or more dash groups
_RULE = re.compile(r"^ {0,3}-{3,} *$")  # a line of dashes only
_CAPTION = re.compile(r"^\s*(?:Table:|:)\s+(.*)$")
MAX_ROWS = 2000


def _line(state: StateBlock, line: int) -> str:
    """The line as written, its indentation kept (the columns are counted from the line's start)."""
    return state.src[state.bMarks[line] : state.eMarks[line]].rstrip().expandtabs(4)


def _columns(dashes: str) -> list[tuple[int, int]]:
    return [(mt.start(), mt.end()) for mt in re.finditer(r"-+", dashes)]


def _cells(text: str, cols: list[tuple[int, int]]) -> list[str]:
    starts = [a for a, _ in cols] + [10**9]
    return [text[starts[j] : starts[j + 1]].strip() for j in range(len(cols))]


def _aligns(header: str, cols: list[tuple[int, int]]) -> list[str]:
    """pandoc's rule: the header's text flush with its dashes' right end only is right-aligned, with
    the left end only left-aligned, with neither centred, with both the default."""
    out = []
    for a, b in cols:
        seg = header[a:b].ljust(b - a)
        if not seg.strip():
            out.append("")
            continue
        left, right = not seg[0].isspace(), not seg[-1].isspace()
        out.append("" if left and right else "left" if left else "right" if right else "center")
    return out


def simple_table(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    if start + 1 >= end:
        return False
    if state.is_code_block(start) and (
        state.is_code_block(start + 1) or not _GROUPS.match(_line(state, start + 1))
    ):
        return False  # (a header whose first cell is empty, knitr's row names, starts with spaces: not code)
    first = _line(state, start)
    if _RULE.match(first) and start + 2 < end:
        return _multiline(state, start, end, silent)
    header: str | None = first
    sep = _line(state, start + 1)
    if _GROUPS.match(first):  # no header: the table starts with its dash groups
        if _headless_simple_closes(state, start, end):
            header, sep, line = None, first, start + 1
        else:  # (rows separated by blank lines: a headless multiline table)
            return _multiline(state, start, end, silent, headless=True)
    elif _GROUPS.match(sep) and first.strip() and not first.lstrip().startswith(("|", "+", "-", "*", ">")):
        line = start + 2
    else:
        return False
    cols = _columns(sep)
    rows: list[list[str]] = []
    while line < end and len(rows) <= MAX_ROWS:
        text = _line(state, line)
        if not text.strip() or (header is None and _GROUPS.match(text)):
            break
        rows.append(_cells(text, cols))
        line += 1
    if header is None:
        if line >= end or not _GROUPS.match(_line(state, line)) or not rows:
            return False
        line += 1
    if not rows and header is None:
        return False
    if silent:
        return True
    aligns = _aligns(header, cols) if header is not None else [""] * len(cols)
    head = [_cells(header, cols) if header is not None else [""] * len(cols)]  # (empty: no header row)
    line = _push(state, start, line, end, head, rows, aligns, None)
    state.line = line
    return True


def _headless_simple_closes(state: StateBlock, start: int, end: int) -> bool:
    """Whether the rows under a headless table's dash groups end, without a blank line, at a second line
    of dash groups (a headless simple table)."""
    line = start + 1
    while line < end and _line(state, line).strip() and not _GROUPS.match(_line(state, line)):
        line += 1
    return line > start + 1 and line < end and bool(_GROUPS.match(_line(state, line)))


def _is_footer(state: StateBlock, line: int, end: int) -> bool:
    """A multiline table's last line: dashes only, or (as pandoc reads it) dash groups that a blank line
    or the end follows (dash groups inside the rows would be a row's words)."""
    text = _line(state, line)
    if _RULE.match(text):
        return True
    return bool(_GROUPS.match(text)) and (line + 1 >= end or not _line(state, line + 1).strip())


def _multiline(state: StateBlock, start: int, end: int, silent: bool, headless: bool = False) -> bool:
    """A multiline table (``start`` is its first line of dashes; without a header, its dash groups)."""
    line = start if headless else start + 1
    header_lines: list[str] = []
    while not headless and line < end and not _GROUPS.match(_line(state, line)):
        text = _line(state, line)
        if not text.strip() or _RULE.match(text):
            return False
        header_lines.append(text)
        line += 1
    if line >= end or not (header_lines or headless):
        return False
    sep = _line(state, line)
    cols = _columns(sep)
    line += 1
    if headless and (line >= end or not _line(state, line).strip()):
        return False  # (the rows follow the dash groups at once)
    rows: list[list[str]] = []
    current: list[str] = []
    closed = False
    while line < end and len(rows) <= MAX_ROWS:
        text = _line(state, line)
        if _is_footer(state, line, end):
            closed = True
            line += 1
            break
        if not text.strip():
            if current:
                rows.append(_join(current, cols))
                current = []
        else:
            current.append(text)
        line += 1
    if not closed:
        return False
    if current:
        rows.append(_join(current, cols))
    if not rows:
        return False
    if silent:
        return True
    if headless:  # (pandoc aligns the columns by the first row's line)
        aligns, head = _aligns(_line(state, start + 1), cols), [""] * len(cols)
    else:
        aligns, head = _aligns(header_lines[0], cols), _join(header_lines, cols)
    widths = [b - a for a, b in cols]
    state.line = _push(state, start, line, end, [head], rows, aligns, widths)
    return True


def _join(lines: list[str], cols: list[tuple[int, int]]) -> list[str]:
    """A multiline row's lines as one text per cell."""
    parts = [_cells(text, cols) for text in lines]
    return [" ".join(p[j] for p in parts if p[j]) for j in range(len(cols))]


def _push(state, start, line, end, head, rows, aligns, widths) -> int:
    """Push the table's tokens; return the line after it (and after its caption, which it takes)."""
    caption = ""
    at = line + 1 if line < end and not _line(state, line).strip() else line
    if at < end:
        mt = _CAPTION.match(_line(state, at))
        if mt:
            caption_lines = [mt.group(1)]
            at += 1
            while at < end and _line(state, at).strip():
                caption_lines.append(_line(state, at).strip())
                at += 1
            caption = " ".join(caption_lines)
            line = at
    meta: dict = {"caption": caption}
    if widths:
        meta["widths"] = [w / sum(widths) for w in widths]
    push_table(state, start, line, head, rows, aligns, meta)
    return line


def simple_tables_plugin(md: MarkdownIt) -> None:
    """Read pandoc's simple and multiline tables (before markdown-it's pipe tables and rules)."""
    md.block.ruler.before("table", "simple_table", simple_table, {"alt": ["paragraph", "reference"]})
