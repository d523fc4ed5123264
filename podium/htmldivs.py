"""HTML ``<div>``s that mean a layout or a click (Marp and reveal.js decks), as the fenced divs that
mean the same.

Marp and reveal.js have no column syntax, so their authors write::

    <div class="columns">
    <div>

    Left **Markdown**

    </div>
    <div style="width: 40%">

    Right

    </div>
    </div>

Raw HTML is never rendered (README, Safety), so this is read as the layout it asks for instead: an
outer ``<div>`` whose class says columns (``columns``, ``cols``, ``row``, ``grid``, ``flex``,
``two-col``, ``r-hstack``…) or whose style says ``display: flex``/``grid``, each ``<div>`` directly in
it a column (its ``width:`` or a ``col-6``-style class its width; UnoCSS's attributify ``grid="~ cols-2"``,
which Slidev reads, is the class ``grid grid-cols-2``); an outer ``<div>`` of another class
(a deck's own CSS: ``col-wrapper``, ``split``) is a row when it holds two or more ``<div>`` tags that each
give their width.  A ``<div>`` that stacks its items (``flex flex-col``, ``flex-column``, ``grid-cols-1``,
``flex-direction: column``) is never a row.  Every tag must stand alone on its
line and the structure must close; anything else is left as HTML.  A column's lines that CommonMark
reads as part of an HTML block (no blank line since a tag) lose their indentation, so that they are
never code.  The rewrite is line for line, so messages keep their lines.

Likewise reveal.js's ``<div class="fragment">`` (its words come on a click; Marp's ``<div
data-marpit-fragment="N">`` on click N), ``<aside
class="notes">`` (or ``<div class="notes">``: speaker notes), ioslides' ``<div class="columns-2">``
(its blocks flow into two columns) and ``<center>`` or ``<div align="center">`` (``style="text-align:
right"``…: an aligned block), each tag alone on its line, become ``::: {.fragment}``, ``::: notes``,
``::: {.columns-2}`` and ``::: {.center}`` (``{.right}``).
"""

from __future__ import annotations

import re

from .markdown import SHOWN_FRAGMENTS, TAKEN_OUT_FRAGMENTS, code_lines
from .rawhtml import HtmlRun, read_inline_tag

# (a tag ending in `/>` closes itself, as Vue and JSX read it: `<div i-carbon:data-unreal />`, an icon)
_OPEN = re.compile(r"^ {0,3}<div\b([^<>]*)(?<!/)>\s*$", re.I)  # (indented four spaces: code)
_INNER_OPEN = re.compile(r"^\s*<div\b([^<>]*)(?<!/)>\s*$", re.I)
_SELF_CLOSED = re.compile(r"<div\b[^<>]*/>", re.I)
_CODE_SPAN = re.compile(r"(`+)[^`]*?\1")
_CLOSE = re.compile(r"^\s*</div>\s*$", re.I)
_MARKED_OPEN = re.compile(r"^ {0,3}<(div|aside|center)\b([^<>]*)(?<!/)>\s*$", re.I)
_ALIGN_STYLE = re.compile(r"text-align\s*:\s*(center|right)", re.I)
_ROW_CLASSES = re.compile(
    r"^(?:columns?|cols|row|grid|flex|two-?col(?:umn)?s?|three-?col(?:umn)?s?|r-hstack|container)$"
)
_ROW_STYLE = re.compile(r"display\s*:\s*(?:inline-)?(?:flex|grid)", re.I)
# a flex box or grid that stacks its items (Tailwind's and UnoCSS's `flex flex-col`, Bootstrap's
# `flex-column`, a one-column grid): a column, not a row
_STACK_CLASSES = re.compile(r"^(?:flex-col(?:umn)?(?:-reverse)?|grid-cols-1)$")
_STACK_STYLE = re.compile(r"flex-direction\s*:\s*column", re.I)
_WIDTH = re.compile(r"(?:^|;)\s*(?:width|flex-basis)\s*:\s*([0-9.]+)\s*%", re.I)
_COL_CLASS = re.compile(r"^col(?:-(?:xs|sm|md|lg|xl))?-(\d{1,2})$")


def _attrs(text: str) -> dict[str, str]:
    """The attributes written in a tag after its name, as HTML reads them."""
    return read_inline_tag(f"<div {text}>").attrs


def _classes(attrs: dict[str, str]) -> list[str]:
    """The classes of an element: its ``class``, and the utilities it names in UnoCSS's attributify mode,
    which Slidev turns on: ``grid="~ cols-2 gap-4"`` is ``grid grid-cols-2 grid-gap-4``, ``flex="~ col"``
    ``flex flex-col``, and an attribute with no value (``grid-cols-2``) is that class."""
    classes = attrs.get("class", "").split()
    for name, value in attrs.items():
        if name in ("grid", "flex"):
            classes += [name if v == "~" else f"{name}-{v}" for v in value.split()] or [name]
        elif not value and name not in ("class", "style"):
            classes.append(name)
    return classes


def _is_row(attrs: dict[str, str]) -> bool:
    classes = _classes(attrs)
    return any(_ROW_CLASSES.match(c) for c in classes) or bool(_ROW_STYLE.search(attrs.get("style", "")))


def _stacks(attrs: dict[str, str]) -> bool:
    """Whether a ``<div>`` lays its items out one under another, whatever its class says besides."""
    classes = _classes(attrs)
    return any(_STACK_CLASSES.match(c) for c in classes) or bool(_STACK_STYLE.search(attrs.get("style", "")))


def _width(attrs: dict[str, str]) -> str | None:
    mt = _WIDTH.search(attrs.get("style", ""))
    if mt is not None and 0 < float(mt.group(1)) <= 100:
        return f"{float(mt.group(1)):g}%"
    for c in _classes(attrs):
        col = _COL_CLASS.match(c)
        if col is not None and 0 < int(col.group(1)) <= 12:
            return f"{round(int(col.group(1)) * 100 / 12)}%"
    return None


def html_divs_to_fenced(text: str) -> str | None:
    """``text`` with each ``<div>`` row of columns (see the module docstring) written as
    ``:::::: columns`` / ``::::: {.column}`` fences, and each fragment or notes ``<div>``/``<aside>`` as
    a fragment or notes div, line for line; None when there is none."""
    columns = _columns(text) if "<div" in text or "<DIV" in text else None
    clicks = _fragments_and_notes(columns or text)
    return clicks or columns


# a `<div>` with a class or an id, which may be a fenced div (:func:`_classed`)
_CLASSED_DIV = re.compile(r"<div\b[^>]*\b(?:class|id)\s*=", re.I)


def _fragments_and_notes(text: str) -> str | None:
    """``text`` with reveal.js's fragment and notes elements (tags alone on their lines) as fenced divs."""
    if not any(w in text for w in ("fragment", "notes", "columns-2", "center", "right", "CENTER")) and not (
        _CLASSED_DIV.search(text)
    ):
        return None
    lines = text.split("\n")
    fenced = code_lines(lines)
    changed = False
    for k, line in enumerate(lines):
        mt = _MARKED_OPEN.match(line) if not fenced[k] else None
        if mt is None:
            continue
        attrs = _attrs(mt.group(2))
        classes = attrs.get("class", "").split()
        marpit = attrs.get("data-marpit-fragment", "").strip()  # (Marp's: a click, its value the order)
        kind = (
            f"{{.fragment fragment-index={marpit}}}"
            if marpit.isdigit()
            else _fragment_kind(classes, attrs)
            if "fragment" in classes or "data-marpit-fragment" in attrs
            else "notes"
            if "notes" in classes
            else "{.columns-2}"  # (ioslides' two flowing columns: reader.flowed_columns)
            if "columns-2" in classes
            else aligned(mt.group(1).lower(), attrs) or _classed(mt.group(1).lower(), attrs)
        )
        end = _closing(lines, fenced, k, mt.group(1).lower()) if kind else None
        if end is not None:
            base = _item_column(lines, fenced, k, end)
            lines[k], lines[end] = f"{' ' * base}:::: {kind}", f"{' ' * base}::::"
            _unindent_run(lines, fenced, k + 1, base)
            _unindent_run(lines, fenced, end + 1, base)
            if base:
                _into_item(lines, fenced, k + 1, end, base)
            changed = True
    return "\n".join(lines) if changed else None


def aligned(tag: str, attrs: dict[str, str]) -> str | None:
    """The fenced div standing for an element that only aligns its text: ``<center>``, ``<div
    align="center">``, ``<div style="text-align: right">``, ``<div class="center">`` (None for any other)."""
    if tag == "center":
        return "{.center}"
    if tag == "div" and len(attrs) == 1 and attrs.get("class", "").strip() in _ALIGN_CLASSES:
        return "{.center}" if "cent" in attrs["class"] else "{.right}"  # (<div class="center">: ioslides')
    style = _ALIGN_STYLE.search(attrs.get("style", ""))
    align = (style.group(1) if style else attrs.get("align", "")).lower()
    return f"{{.{align}}}" if tag == "div" and align in ("center", "right") and len(attrs) == 1 else None


def _classed(tag: str, attrs: dict[str, str]) -> str | None:
    """The fenced div standing for a ``<div class="x" id="y">`` of no other attributes, as pandoc reads one
    (its native_divs: ``::: {#y .x}``); None for any other element."""
    classes = attrs.get("class", "").split()
    ident = attrs.get("id", "").strip()
    if tag != "div" or not (classes or ident) or set(attrs) - {"class", "id"}:
        return None
    if any(not re.fullmatch(r"[\w:.-]+", word) for word in (*classes, ident) if word):
        return None  # (a name no fenced div's braces can hold: left as HTML)
    return "{" + " ".join([f"#{ident}"] * bool(ident) + [f".{c}" for c in classes]) + "}"


def centres(tag: str, attrs: dict[str, str]) -> bool:
    """Whether an element ``tag`` with ``attrs`` only centres what it holds (``<center>``, ``<div
    align="center">``, ``<div class="center">``, ``<div style="text-align: center">``)."""
    return aligned(tag.lower(), attrs) == "{.center}"


_ALIGN_CLASSES = frozenset(("center", "centre", "centered", "text-center", "right", "text-right"))


def _closing(lines: list[str], fenced: list[bool], start: int, tag: str) -> int | None:
    """The line of the ``</tag>`` closing the one opened alone on ``lines[start]``, or None when it is
    not alone on its line (or never comes)."""
    depth = 0
    for k in range(start + 1, len(lines)):
        if fenced[k]:
            continue
        words = _CODE_SPAN.sub("", lines[k]).lower()
        opened = len(re.findall(rf"<{tag}\b[^<>]*(?<!/)>", words))  # (not `<div … />`: closed in itself)
        closed = words.count(f"</{tag}")
        if closed and depth == 0:
            return k if closed == 1 and not opened and re.fullmatch(rf"\s*</{tag}>\s*", words) else None
        depth += opened - closed
    return None


# a list item's first line: its indentation, its marker, the spaces after it (pandoc's bullets, numbers,
# `#.` and fancy lists' letters and Roman numerals)
_ITEM = re.compile(r"^( *)([-+*]|\d{1,9}[.)]|\(\d{1,9}\)|#[.)]|[a-z][.)]|[ivxlc]{1,6}[.)])( {1,4}(?=\S)|$)")

# a line at the margin that begins a block of its own, which no list item's text goes on past
_BLOCK_START = re.compile(r"^(?:#{1,6}(?:\s|$)|:{3,}|<|>|(?:[-*_] *){3,}$|`{3,}|~{3,}|\|)")


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" \t"))


def _item_column(lines: list[str], fenced: list[bool], start: int, end: int) -> int:
    """The column where the text of the list item holding the tag alone on ``lines[start]`` (closed on
    ``lines[end]``) begins, as pandoc reads it; 0 when the tag is in no list item.

    The tag is the item's when it goes on the item's text (no blank line between: a lazy line, even at
    the left margin) or, after a blank line, when it is indented as far as the item's text.  The lines it
    holds are the item's then, unless one of them is a list item, a heading or code further left than the
    item's text, which pandoc reads as no longer the item's: then the tag is taken as in no item."""
    tag = _indent(lines[start].expandtabs(4))
    after_blank = False
    column = 0
    for k in range(start - 1, -1, -1):
        line = lines[k].expandtabs(4)
        if not line.strip():
            after_blank = True
            continue
        if fenced[k]:
            return 0  # (code before it: whose item it is is not followed here)
        item = _ITEM.match(line)
        if item is not None:
            width = len(item.group(3)) if item.group(3) else 1
            own = len(item.group(1)) + len(item.group(2)) + width
            if not after_blank or tag >= own:
                column = own
                break
            if not item.group(1):
                return 0  # (a top-level item whose text the tag, after a blank line, is left of)
            continue
        if _BLOCK_START.match(line) or after_blank and not _indent(line):
            return 0  # (a heading, a div, HTML… or a paragraph at the margin after a blank line: no item)
    if not column:
        return 0
    for k in range(start + 1, end):
        line = lines[k].expandtabs(4)
        if line.strip() and _indent(line) < column and (fenced[k] or _ITEM.match(line) or line[0] == "#"):
            return 0
    return column


def _into_item(lines: list[str], fenced: list[bool], start: int, end: int, base: int) -> None:
    """Move right to ``base`` (the text of the list item a tag is in) the lines of the tag's div (from
    ``start`` to its closing line ``end``) and those after it up to a blank line, where they go on at
    the left margin: lazy lines, the item's as pandoc reads them (a list item after the div is the outer
    list's next one)."""
    for k in range(start, len(lines)):
        line = lines[k]
        if k > end and (not line.strip() or fenced[k] or _ITEM.match(line) or _BLOCK_START.match(line)):
            return
        if line.strip() and not fenced[k] and _indent(line) < base and not _ITEM.match(line):
            lines[k] = " " * base + line.lstrip(" \t")


def _unindent_run(lines: list[str], fenced: list[bool], start: int, base: int = 0) -> None:
    """Move left the lines from ``start`` that were in the HTML block of the tag line before it, which a
    fence now stands for: after the fence they are Markdown, and indented they would be code (more than
    ``base`` columns in: the text of the list item the tag is in)."""
    run = HtmlRun(base)
    for k in range(start, len(lines)):
        if not lines[k].strip() or fenced[k]:
            return  # (a blank line ends an HTML block; a code fence ends it here too: markdown._html_block)
        lines[k] = run.unindented(lines[k])


def _columns(text: str) -> str | None:
    lines = text.split("\n")
    fenced = code_lines(lines)
    changed = False
    k = 0
    while k < len(lines):
        opening = _OPEN.match(lines[k]) if not fenced[k] else None
        attrs = _attrs(opening.group(1)) if opening is not None else {}
        if opening is not None and not _stacks(attrs):
            rewritten = _row(lines, fenced, k, sized=not _is_row(attrs))
            if rewritten is not None:
                end, new = rewritten
                lines[k : end + 1] = new
                _unindent_run(lines, fenced, end + 1)
                changed = True
                k = end + 1
                continue
        k += 1
    return "\n".join(lines) if changed else None


def _row(
    lines: list[str], fenced: list[bool], start: int, sized: bool = False
) -> tuple[int, list[str]] | None:
    """The row opening at ``lines[start]``: (its closing line, its lines rewritten), or None when its
    structure is not a row of ``<div>`` columns each on lines of their own.  ``sized``: the outer div's
    class is one this module does not know (``col-wrapper``, ``split``): a row only of two or more
    columns that each give their width (``style="width: 50%"``, ``col-6``), as a deck's own CSS lays
    them side by side."""
    new = ["::::::: columns"]
    depth = 0  # 0: directly inside the row; 1: inside a column; more: a div inside a column
    columns = 0
    widths: list[float] = []
    html = True  # in an HTML block, as CommonMark reads it: since a tag line, no blank line
    skip = 0  # (the lines of a nested row already written)
    for k in range(start + 1, len(lines)):
        line = lines[k]
        if k < skip:
            continue
        if fenced[k]:
            if depth == 0 and line.strip():
                return None
            new.append(line)
            continue
        opening = _INNER_OPEN.match(line)
        closing = _CLOSE.match(line)
        blank = not line.strip()
        if html and not blank and depth > 0:
            line = line.lstrip(" \t")  # (an indented line of an HTML block is HTML, never code)
        html = not blank and (html or opening is not None or closing is not None)
        if depth == 0:
            if opening is not None:
                width = _width(_attrs(opening.group(1)))
                new.append(f'::::: {{.column width="{width}"}}' if width else "::::: column")
                depth, columns = 1, columns + 1
                widths.append(float(width[:-1]) if width else 0.0)
            elif closing is not None:
                if columns == 0 or sized and (columns < 2 or not all(widths) or sum(widths) > 105):
                    return None
                new.append(":::::::")
                return k, new
            elif line.strip():
                return None  # words directly in the row: not a row of columns
            else:
                new.append(line)
            continue
        # (a tag written in a code span is the column's text; a `<div … />` closes itself: no structure)
        words = _SELF_CLOSED.sub("", _CODE_SPAN.sub("", line)).lower()
        if "<div" in words and opening is None or "</div" in words and closing is None:
            return None  # a div tag sharing its line: the structure cannot be followed line by line
        nested = _nested_row(lines, fenced, k) if opening is not None and depth == 1 else None
        if nested is not None:  # (a row in a column, its blocks directly in it: columns inside the column)
            new += nested
            skip = k + len(nested)
        elif opening is not None:
            depth += 1
            new.append(line)
        elif closing is not None:
            depth -= 1
            new.append(":::::" if depth == 0 else line)
        else:
            new.append(line)
    return None


def _nested_row(lines: list[str], fenced: list[bool], start: int) -> list[str] | None:
    """A row ``<div class="cols">`` opening at ``lines[start]`` inside a column, whose blocks stand
    directly in it (a browser sets them side by side: ``![](a.png)``, ``![](b.png)``), written line for line
    as fenced columns, a column of each block; the blank lines around each block hold its fences (as a
    slide converter writes it: two between blocks).  None when it is no such row (a tag inside it, a block
    with no blank lines around it to hold its fences)."""
    opening = _INNER_OPEN.match(lines[start])
    if opening is None or not _is_row(_attrs(opening.group(1))) or _stacks(_attrs(opening.group(1))):
        return None
    end = next(
        (j for j in range(start + 1, len(lines)) if "<div" in lines[j].lower() or _CLOSE.match(lines[j])),
        None,
    )
    if end is None or not _CLOSE.match(lines[end]) or any(fenced[start:end]):
        return None
    new = ["::::: columns", *lines[start + 1 : end], ":::::"]
    k = start + 1
    blocks = 0
    while k < end:
        if not lines[k].strip():
            k += 1
            continue
        last = k
        while last + 1 < end and lines[last + 1].strip():
            last += 1
        # (the fences on the blank lines around the block; one blank line cannot hold both)
        before, after = k - 1 - start, last + 1 - start
        if before <= 0 or after >= end - start or new[before].strip() or new[after].strip():
            return None
        new[before], new[after] = "::: column", ":::"
        blocks += 1
        k = last + 1
    return new if blocks >= 2 else None


def _fragment_kind(classes: list[str], attrs: dict[str, str]) -> str:
    """The fenced div's attributes for reveal.js's ``<div class="fragment …">``: its fragment style (one
    that shows it from the start, ``fade-out``, makes it no click: :func:`podium.markdown.parse_attrs`;
    the reader says what the deck does with each) and its ``data-fragment-index``."""
    names = "".join(f" .{c}" for c in classes if c in SHOWN_FRAGMENTS | TAKEN_OUT_FRAGMENTS)
    order = attrs.get("data-fragment-index", "").strip()
    return "{.fragment" + names + (f" fragment-index={order}" if order.isdigit() else "") + "}"
