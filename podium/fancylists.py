"""Pandoc's list markers that CommonMark lacks: ``a.``, ``B)``, ``(iv)``, ``(1)``, ``#.``.

CommonMark numbers a list only with digits and ``.`` or ``)``; pandoc's Markdown (and so Quarto's and
R Markdown's) also with letters (``a.``, ``A)``), roman numerals (``iv.``, ``(IV)``), digits in two
parentheses (``(1)``) and ``#.`` (the next number).  The rule here finds such a list's first marker,
writes every marker of the list as digits of the same width into the source markdown-it sees (so
its own list rule, with all of CommonMark's nesting and looseness, parses the list), and puts the
original source back.  The list's token then carries the numbering pandoc would give it:
``meta["numbering"]`` (a :class:`podium.model.Numbering`), ``meta["delimiter"]`` and the start
(``c.`` starts at 3, ``(iv)`` at 4).

As in pandoc: a marker is followed by a space or tab; a single ``i``/``I`` is a roman one, any other
single letter a letter; a capital letter with a period (``A.``, and ``I.``, ``V.``, ``X.``…) needs
two spaces after it, so that a sentence starting with an initial ("B. Russell wrote…") stays a
sentence; such a list does not interrupt a paragraph; a list ends where the numbering style or the
delimiter changes.  Decimal lists with ``1.`` / ``1)`` are markdown-it's own.

pandoc's example lists, ``(@)`` and ``(@label)``, are numbered through the whole lecture (a later list
goes on counting) and ``(@label)`` in the text is that example's number: :func:`number_examples`
writes them as ``(1)`` lists before the Markdown is read, line for line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from markdown_it import MarkdownIt
from markdown_it.rules_block import StateBlock
from markdown_it.rules_block.list import list_block

from .model import Delimiter, Numbering

_MARKER = re.compile(r"(\()?(#|[0-9]{1,9}|[a-zA-Z]|[ivxlcdm]{2,9}|[IVXLCDM]{2,9})([.)])(?=[ \t]|$)")
_ROMAN = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100, "d": 500, "m": 1000}
_ROMAN_FORM = re.compile(r"^m{0,3}(cm|cd|d?c{0,3})(xc|xl|l?x{0,3})(ix|iv|v?i{0,3})$")


@dataclass(frozen=True)
class Marker:
    numbering: Numbering
    delimiter: Delimiter
    value: int
    start: int  # where in the source the marker begins
    end: int  # and ends (after its delimiter)


def roman_value(text: str) -> int | None:
    """The value of a roman numeral (either case), or None when ``text`` is not a well-formed one."""
    low = text.lower()
    if not low or not _ROMAN_FORM.match(low):
        return None
    total = 0
    for k, ch in enumerate(low):
        v = _ROMAN[ch]
        total += -v if k + 1 < len(low) and _ROMAN[low[k + 1]] > v else v
    return total


def _read(state: StateBlock, line: int, style: Marker | None = None) -> Marker | None:
    """The fancy marker that starts ``line``, or None; with ``style``, only one of that list's style."""
    pos = state.bMarks[line] + state.tShift[line]
    end = state.eMarks[line]
    mt = _MARKER.match(state.src, pos, end)
    if mt is None:
        return None
    paren, body, delim = mt.group(1), mt.group(2), mt.group(3)
    if paren and delim != ")":
        return None
    delimiter = Delimiter.PARENS if paren else (Delimiter.PAREN if delim == ")" else Delimiter.PERIOD)
    if body == "#" or body.isdigit():
        if style is None and not paren and body != "#":
            return None  # 1. and 1) are CommonMark's, parsed by markdown-it's own list rule
        numbering, value = Numbering.DECIMAL, (1 if body == "#" else int(body))
    elif style is not None and style.numbering in (Numbering.LOWER_ALPHA, Numbering.UPPER_ALPHA):
        if len(body) != 1:
            return None
        numbering = Numbering.LOWER_ALPHA if body.islower() else Numbering.UPPER_ALPHA
        value = ord(body.lower()) - ord("a") + 1
    elif len(body) == 1 and body not in "iI" and style is None:
        numbering = Numbering.LOWER_ALPHA if body.islower() else Numbering.UPPER_ALPHA
        value = ord(body.lower()) - ord("a") + 1
    else:
        value_or_none = roman_value(body)
        if value_or_none is None:
            return None
        value = value_or_none
        numbering = Numbering.LOWER_ROMAN if body.islower() else Numbering.UPPER_ROMAN
    if style is not None and (numbering, delimiter) != (style.numbering, style.delimiter):
        return None
    after = mt.end()
    if (
        delimiter == Delimiter.PERIOD
        and (
            numbering == Numbering.UPPER_ALPHA
            or (numbering == Numbering.UPPER_ROMAN and value in (1, 5, 10, 50, 100, 500, 1000))
        )
        and not state.src.startswith(("  ", "\t"), after)
        and after < end
    ):
        return None  # "B. Russell": an initial, not a list
    return Marker(numbering, delimiter, value, mt.start(), after)


def _digits(marker: Marker) -> str:
    """The marker as markdown-it's list rule reads one, as wide as the original."""
    width = marker.end - marker.start
    return "1" * (width - 1) + (")" if marker.delimiter != Delimiter.PERIOD else ".")


def fancy_list(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
    if state.is_code_block(start_line):
        return False
    first = _read(state, start_line)
    if first is None:
        return False
    if silent:
        # like pandoc: no list in the middle of a paragraph, but a sublist right under an item's line
        return state.parentType != "paragraph" or (
            state.listIndent >= 0 and state.sCount[start_line] >= state.blkIndent
        )
    indent = state.sCount[start_line]
    original = state.src
    pieces, last = [], 0
    for line in range(start_line, end_line):
        if state.sCount[line] != indent or state.is_code_block(line):
            continue
        marker = first if line == start_line else _read(state, line, first)
        if marker is None:
            continue
        pieces += [original[last : marker.start], _digits(marker)]
        last = marker.end
    pieces.append(original[last:])
    state.src = "".join(pieces)
    opened = len(state.tokens)
    try:
        done = list_block(state, start_line, end_line, silent)
    finally:
        state.src = original
    if done:
        token = state.tokens[opened]
        token.attrs.pop("start", None)
        if first.value != 1:
            token.attrs["start"] = first.value
        token.meta = {**(token.meta or {}), "numbering": first.numbering, "delimiter": first.delimiter}
    return done


def fancy_lists_plugin(md: MarkdownIt) -> None:
    """Read pandoc's fancy list markers (before markdown-it's own list rule)."""
    md.block.ruler.before("list", "fancy_list", fancy_list, {"alt": ["paragraph", "reference", "blockquote"]})


def marker_text(numbering: Numbering, delimiter: Delimiter, n: int) -> str:
    """The marker of item number ``n`` as a reader sees it: ``c)``, ``(iv)``, ``7.``."""
    if numbering in (Numbering.LOWER_ALPHA, Numbering.UPPER_ALPHA):
        label = ""
        while n > 0:  # a … z, aa … az, ba … (CSS's lower-alpha)
            n, r = divmod(n - 1, 26)
            label = chr(ord("a") + r) + label
    elif numbering in (Numbering.LOWER_ROMAN, Numbering.UPPER_ROMAN):
        label = to_roman(n)
    else:
        label = str(n)
    if numbering in (Numbering.UPPER_ALPHA, Numbering.UPPER_ROMAN):
        label = label.upper()
    if delimiter == Delimiter.PARENS:
        return f"({label})"
    return label + (")" if delimiter == Delimiter.PAREN else ".")


# rough advance widths in ems of a sans-serif face (Calibri/Carlito, Lato, Arial): generous, not exact
_EM = {".": 0.3, ")": 0.35, "(": 0.35, "i": 0.3, "l": 0.3, "I": 0.35, "m": 0.85, "M": 0.9, "W": 0.95}


def marker_em(text: str) -> float:
    """About how wide ``text`` (a list marker) is, in ems."""
    return sum(_EM.get(ch, 0.7 if ch.isupper() else 0.56) for ch in text)


def to_roman(n: int) -> str:
    """``n`` in lower-case Roman numerals (as Arabic figures outside 1-3999)."""
    if not 0 < n < 4000:
        return str(n)
    out = ""
    for value, letters in (
        (1000, "m"),
        (900, "cm"),
        (500, "d"),
        (400, "cd"),
        (100, "c"),
        (90, "xc"),
        (50, "l"),
        (40, "xl"),
        (10, "x"),
        (9, "ix"),
        (5, "v"),
        (4, "iv"),
        (1, "i"),
    ):
        while n >= value:
            out += letters
            n -= value
    return out


_EXAMPLE = re.compile(r"^([ \t]*)\(@([A-Za-z0-9_-]*)\)(?=[ \t])")
_EXAMPLE_REF = re.compile(r"(`+).*?\1|\(@([A-Za-z0-9_-]+)\)")  # (code spans are left as written)


def number_examples(text: str) -> str | None:
    """``text`` with pandoc's example items ``(@)``/``(@label)`` numbered ``(1)``, ``(2)``… through the
    lecture and each ``(@label)`` reference its number; None when there is no example item."""
    from .markdown import fenced_lines  # noqa: PLC0415 (podium.markdown imports this module)

    if "(@" not in text:
        return None
    lines = text.split("\n")
    fenced = fenced_lines(lines)
    labels: dict[str, int] = {}
    n = 0
    for i, line in enumerate(lines):
        mt = _EXAMPLE.match(line) if not fenced[i] else None
        if mt is not None:
            n += 1
            if mt.group(2):
                labels.setdefault(mt.group(2), n)
            lines[i] = f"{mt.group(1)}({n}){line[mt.end() :]}"
    if not n:
        return None
    for i, line in enumerate(lines):
        if not fenced[i] and "(@" in line:
            lines[i] = _EXAMPLE_REF.sub(
                lambda r: f"({labels[r.group(2)]})" if r.group(2) in labels else r.group(0), line
            )
    return "\n".join(lines)
