"""Pandoc's line blocks, which CommonMark lacks: lines that each begin with ``| `` keep their line
breaks (and their leading spaces), for verse and addresses::

    | The limerick packs laughs anatomical
    |    Into space that is quite economical.

A block rule reads them as one paragraph whose lines end in hard breaks.  It runs after markdown-it's
pipe-table rule, so a table (whose second line is its ``|---|`` delimiter row) is still a table; a
line that starts with a space continues the line before it, as in pandoc.
"""

from __future__ import annotations

from markdown_it import MarkdownIt
from markdown_it.rules_block import StateBlock


def _text(state: StateBlock, line: int) -> str:
    return state.src[state.bMarks[line] + state.tShift[line] : state.eMarks[line]]


def line_block(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    if state.is_code_block(start):
        return False
    first = _text(state, start)
    if not (first == "|" or first.startswith("| ")):
        return False
    lines: list[str] = []
    line = start
    while line < end:
        text = _text(state, line)
        if text == "|" or text.startswith("| "):
            body = text[2:]
            kept = len(body) - len(body.lstrip(" "))
            lines.append("\u00a0" * kept + body.lstrip(" "))  # leading spaces are kept, as pandoc keeps them
        elif lines and text.strip() and state.sCount[line] > state.sCount[start]:
            lines[-1] += " " + text.strip()  # a continuation line
        else:
            break
        line += 1
    if any("|" in x for x in lines):  # `| a | b |`: a table's row (without its delimiter), not verse
        return False
    if silent:
        return True
    token = state.push("paragraph_open", "p", 1)
    token.map = [start, line]
    inline = state.push("inline", "", 0)
    inline.content = "\\\n".join(lines)  # each line ends in a hard break
    inline.map = [start, line]
    inline.children = []
    state.push("paragraph_close", "p", -1)
    state.line = line
    return True


def line_blocks_plugin(md: MarkdownIt) -> None:
    """Read pandoc's line blocks (after markdown-it's pipe tables)."""
    md.block.ruler.after("table", "line_block", line_block, {"alt": ["paragraph", "reference"]})
