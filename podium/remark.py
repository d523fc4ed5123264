"""remark.js decks, and R Markdown's xaringan decks (which remark.js shows), read as remark means them.

xaringan (``output: xaringan::moon_reader`` in an ``.Rmd`` file's front matter) is how many R and
statistics courses write their slides.  remark.js reads the same Markdown with its own rules:

* ``---`` alone on a line separates slides (exactly: ``--- `` with a space after it is a rule inside
  the slide, as remark's lexer reads it); headings do not.  A slide's first heading, of any
  level, is its title; later ones are headings inside it.  Link reference definitions
  (``[rbind]: https://…``, xaringan's title-slide template writes them first) and an empty heading
  (``### ``, a spacer) show nothing, so the heading after them is still the title; the definitions
  still make the slide's ``[words][rbind]`` links.
* ``--`` alone on a line (exactly, as ``---``): what follows comes on the next click.
* ``???`` starts the presenter notes of the slide's step, which run to the next ``--`` or the slide's end
  (each step's notes, one after the other, are the slide's notes).
* Lines at a slide's start like ``class: center, middle`` or ``background-image: url(x.png)`` are
  the slide's properties, not its text.  ``exclude: true`` leaves the slide out; ``layout: true``
  makes it a backdrop for the slides after it (left out here, with a note).
* ``.name[words]`` gives its content a CSS class: xaringan's ``.pull-left[…]`` and ``.pull-right[…]``
  (``.left-column`` / ``.right-column``) are columns side by side; written over several lines from a
  line's start it holds blocks, inside a line it holds words.  They nest to any depth: one opened
  right after its parent's opening (``.full-width[.content-box-purple[`` over several lines) starts the
  line as well, and one opened inside a line that holds blocks (a list, a blank line) is a block too.
* In code, ``#<<`` ending a line, ``{{ … }}`` around one and (with ``highlightLines: true``) ``*``
  starting one highlight the line.

:func:`remark_markdown` rewrites such a lecture as this dialect's Markdown before it is read (slides
at level 2, ``::: notes`` divs, ``. . .`` pauses, columns and divs, spans, a ``.slide`` comment for a
background), with the lecture line every new line came from; the reader then reads it as any
other lecture.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from html import unescape
from typing import Any

from . import cellfigures, quarto
from .markdown import code_lines, fenced_lines
from .rawhtml import drawn_only
from .texenvs import doubled_math_brackets

PROPERTIES = frozenset(
    {
        "name",
        "class",
        "background-image",
        "background-size",
        "background-position",
        "background-repeat",
        "background-color",
        "count",
        "exclude",
        "layout",
        "template",
        "seal",
    }
)
# the columns of remark's and xaringan's default CSS; any other class is a column where the deck's own
# CSS floats it with a width (css_columns), or where its name says a side or a width as decks name the
# columns their CSS files make (`.left-column60[…]`, `.right-col[…]`, `.col-6[…]`, `.column-30[…]`); a bare
# `.col[…]` or `.column[…]` is a plain div (remark draws it in the flow)
COLUMN_WIDTHS = {"pull-left": 47, "pull-right": 47, "left-column": 20, "right-column": 75}
_NAMED_COLUMN = re.compile(
    r"^(?:(left|right)[-_]?col(?:umn)?[-_]?(\d{1,2})?|col(?:umn)?[-_]?(\d{1,2}))$", re.I
)


_CSS_RULE = re.compile(r"((?:\.[A-Za-z_][\w-]*\s*,?\s*)+)\{([^{}]*)\}")


def css_columns(text: str) -> dict[str, int]:
    """The classes a deck's own CSS makes columns: floated left or right, with a width in %."""
    out: dict[str, int] = {}
    for rule in _CSS_RULE.finditer(text):
        body = rule.group(2)
        width = re.search(r"(?<![\w-])width\s*:\s*(\d{1,2}(?:\.\d+)?)\s*%", body)
        if width is None or not re.search(r"(?<![\w-])float\s*:\s*(?:left|right)\b", body):
            continue
        for name in re.findall(r"\.([A-Za-z_][\w-]*)", rule.group(1)):
            out[name] = round(float(width.group(1)))
    return out


def column_width(name: str, own_css: Mapping[str, int] | None = None) -> int | None:
    """The width in % of a column class: xaringan's ``pull-left`` …, one the deck's own CSS floats with
    a width (``own_css``, :func:`css_columns`), or one named for a side or a width (``left-column60``,
    ``col-6``); None for any other class."""
    if name in COLUMN_WIDTHS:
        return COLUMN_WIDTHS[name]
    if own_css and name in own_css:
        return own_css[name]
    named = _NAMED_COLUMN.match(name)
    if named is None:
        return None
    number = int(named.group(2) or named.group(3) or 0)
    if named.group(3) and number <= 12:  # (a 12-column grid: col-6 is half)
        return round(number * 100 / 12) - 2
    return number - 2 if number > 10 else 47


# a class that is a colour's name colours its words (xaringan's themes and decks define these)
COLOURS = frozenset(
    {"red", "blue", "green", "orange", "purple", "gray", "grey", "brown", "pink", "teal", "navy", "maroon"}
)

_PROPERTY = re.compile(r"^([A-Za-z][\w-]*):\s*(.*?)\s*$")
_OPENER = re.compile(r"\.([A-Za-z_][\w-]*(?:\.[A-Za-z_][\w-]*)*)\[")
_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*$")
# a link reference definition (Markdown's, as remark's marked reads it): `[rbind]: https://… "title"`
_LINK_DEFINITION = re.compile(
    r"""^ {0,3}\[(?!\^)[^\]]+\]:[ \t]*\S+(?:[ \t]+(?:"[^"]*"|'[^']*'|\([^)]*\)))?[ \t]*$"""
)
# an empty heading (`### `, `##`): a spacer that shows nothing; a `#` alone is the sign (R's comment)
_EMPTY_HEADING = re.compile(r"^ {0,3}#{2,6}[ \t]*$")
# a line that starts a block a span cannot hold: a list item, a heading, a quote, a fence, a block
_BLOCK_START = re.compile(
    r"^\s*$|^ {0,3}(?:[-*+][ \t]|\d{1,9}[.)][ \t]|#{1,6}(?:[ \t]|$)|>|```|~~~|\.[A-Za-z_][\w-]*\[\s*$)"
)
_RULE = re.compile(r"^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")  # (Markdown's rule; remark cuts at `---` alone)
_URL = re.compile(r"""^url\(\s*["']?(.*?)["']?\s*\)$""")


_MAYBE = re.compile(
    r"(?:^---[ \t]*\n|\A\s*)(?:"
    + "|".join(sorted(PROPERTIES))
    + r"):|^\?\?\?[ \t]*$|moon_reader|^\.pull-left\[",
    re.M,
)


def wanted(text: str) -> bool:
    """Is ``text`` a remark deck: an R Markdown file whose front matter names xaringan (its output
    ``xaringan::moon_reader``); or a file without front matter (nor pandoc's ``%`` title block) that
    cuts slides with ``---`` and shows remark's marks twice over: slide properties written as remark
    writes them right after a ``---`` (``class: center, middle``, ``layout: true``,
    ``background-image: url(…)``), ``???`` notes, ``.pull-left[`` columns."""
    if _MAYBE.search(text) is None:  # (most lectures: one search, nothing more)
        return False
    lines = text.split("\n")
    first = _first_line(lines)
    if first < len(lines) and lines[first].rstrip() == "---":  # front matter: remark's when it names xaringan
        close = next((k for k in range(first + 1, len(lines)) if lines[k].rstrip() in ("---", "...")), first)
        return any("moon_reader" in line or "xaringan" in line for line in lines[first + 1 : close])
    if first < len(lines) and lines[first].startswith("%"):  # (pandoc's title block)
        return False
    code = code_lines(lines)
    marks = _remark_marks(lines, code)
    return marks >= 2 or marks == 1 and _opens_with_property(lines, code) and not _other_tool(text)


def _opens_with_property(lines: list[str], code: list[bool]) -> bool:
    """Does a slide (the file's first, or one after a ``---``) start with a property remark writes
    (``class: center, middle``, ``name: intro``, ``layout: true``, ``background-image: url(…)``)?"""
    starts = [_first_line(lines)] + [k + 1 for k, line in enumerate(lines) if not code[k] and line == "---"]
    for k in starts:
        p = _PROPERTY.match(lines[k]) if k < len(lines) else None
        shape = _WELL_FORMED.get(p.group(1)) if p is not None else None
        if shape is not None and p is not None and shape.match(p.group(2).strip()):
            return True
    return False


# another tool's mark: Marp's directives in comments, reveal-md's `Note:` notes, a Quarto/pandoc div
_OTHER_TOOL = re.compile(r"<!--\s*_?(?:class|paginate|theme|header|footer)\s*:|^Notes?:|^:::", re.M)


def _other_tool(text: str) -> bool:
    return _OTHER_TOOL.search(text) is not None


# a Jinja tag alone on a line (``{% extends "base.md" %}``, ``{% block slides %}``): a deck written as a
# template that an HTML page (remark's, reveal.js's) fills in
JINJA_TAG = re.compile(r"^[ \t]*\{%-?.*?-?%\}(?:[ \t]*\{%-?.*?-?%\})*[ \t]*$")


def _first_line(lines: list[str]) -> int:
    """The first line that is neither blank, a Jinja tag nor in a leading HTML comment (a licence header)."""
    k = 0
    while k < len(lines):
        s = lines[k].strip()
        if JINJA_TAG.match(s):
            k += 1
            continue
        if s.startswith("<!--"):
            while k < len(lines) and "-->" not in lines[k]:
                k += 1
            k += 1
            continue
        if s:
            return k
        k += 1
    return k


# a property as remark decks write it: its name and a value of the shape remark reads
_WELL_FORMED = {
    "class": re.compile(r"^[A-Za-z][\w-]*((?:\s*,\s*|\s+)[A-Za-z][\w-]*)*$"),
    "name": re.compile(r"^[\w-]+$"),
    "layout": re.compile(r"^(true|false)$"),
    "exclude": re.compile(r"^(true|false)$"),
    "count": re.compile(r"^(true|false)$"),
    "template": re.compile(r"^[\w-]+$"),
    "background-image": re.compile(r"^url\(.*\)$"),
}


def _remark_marks(lines: list[str], code: list[bool]) -> int:
    """How many of remark's marks a text without front matter shows: properties as remark writes
    them at a slide's start (each), ``???`` notes, ``.pull-left[`` columns, ``--`` clicks after a blank
    line, ``.name[`` classes opening a line (once each)."""
    cuts = [k for k, line in enumerate(lines) if not code[k] and line == "---"]
    if not cuts:
        return 0
    properties = 0
    for k in [_first_line(lines) - 1, *cuts]:  # (the first slide's properties start the file)
        j = k + 1
        while j < len(lines) and (p := _PROPERTY.match(lines[j])) is not None:
            shape = _WELL_FORMED.get(p.group(1))
            properties += shape is not None and shape.match(p.group(2).strip()) is not None
            j += 1
    notes = any(not code[k] and line.rstrip() == "???" for k, line in enumerate(lines))
    columns = any(
        not code[k] and line.startswith((".pull-left[", ".left-column[")) for k, line in enumerate(lines)
    )
    clicks = any(
        not code[k] and line.rstrip() == "--" and k > 0 and not lines[k - 1].strip()
        for k, line in enumerate(lines)
    )
    classes = any(not code[k] and _CLASS_LINE.match(line) for k, line in enumerate(lines))
    return properties + notes + columns + clicks + classes


_CLASS_LINE = re.compile(r"^\.[A-Za-z_][\w-]*\[")


def title_slide(raw_meta: Mapping[str, Any]) -> bool:
    """xaringan makes a title slide from the front matter unless ``seal: false``; remark shows it unless
    ``nature: sourceUrl:`` loads the slides from a file (which remark shows in place of the page's)."""
    output = raw_meta.get("output")
    options = output.get("xaringan::moon_reader") if isinstance(output, Mapping) else None
    if not isinstance(options, Mapping):
        return True
    nature = options.get("nature")
    return options.get("seal") is not False and not (isinstance(nature, Mapping) and nature.get("sourceUrl"))


def _flat(value: Any) -> str:
    if isinstance(value, Mapping):
        return " ".join(f"{k} {_flat(v)}" for k, v in value.items())
    if isinstance(value, list):
        return " ".join(_flat(v) for v in value)
    return str(value or "")


def _highlight_lines(raw_meta: Mapping[str, Any]) -> bool:
    return re.search(r"highlightLines\s+True", _flat(raw_meta.get("output"))) is not None


def _highlight_spans(raw_meta: Mapping[str, Any]) -> bool:
    """xaringan's ``highlightSpans: true``: a span in backticks inside code is highlighted, its backticks
    not shown."""
    return re.search(r"highlightSpans\s+True", _flat(raw_meta.get("output"))) is not None


@dataclass
class Rewrite:
    """The lecture as this dialect's Markdown: ``text``; ``index[j]``: the lecture line new line j came
    from; ``notes``: (lecture line, message, code) of what was left out or is not drawn; ``footer``:
    the words of a ``layout: true`` slide that is only a footer; ``title_slide``: make a title slide
    of the front matter."""

    text: str
    index: list[int]
    notes: list[tuple[int, str, str]] = field(default_factory=list)
    footer: str | None = None
    title_slide: bool = True
    cover: bool = False  # the first slide is centred (``class: center, middle``): a title slide, if it is one
    logo: tuple[str, int] | None = None  # a layout's picture (its file, its lecture line): the deck's logo


@dataclass
class _Construct:
    """A ``.name[…]`` in the text: where it opens and closes (line, column of ``.`` / ``]``)."""

    classes: tuple[str, ...]
    line: int
    col: int
    end: tuple[int, int] | None = None
    parent: _Construct | None = None
    block: bool = False
    height: int = 0  # blocks nested inside it, deepest path
    group: int | None = None  # the row of columns it is in
    click: int | None = None  # the line of a `--` right before it in its row: it comes on that click
    width: int | None = None  # its width in %, when it is a column block
    joined: bool = False  # it goes on in the column of the block before it in its row (the same class)
    # the `-- ` lines (a space after them: words to remark, no click) between it and the column before it
    words: list[tuple[int, str]] = field(default_factory=list)


@dataclass
class _Slide:
    """One slide as remark reads it: its properties (and the lines they are on), its content and its
    notes, each line with the lecture line it came from."""

    start: int  # the lecture line of its first line
    props: dict[str, str]
    prop_lines: dict[str, int]
    content: list[tuple[str, int]]
    notes: list[tuple[str, int]]

    def line_of(self, key: str) -> int:
        return self.prop_lines.get(key, self.start)


_ANY_PROPERTY = re.compile(r"^([-\w]+):(.*)$")  # remark's own rule for a slide's properties
_SUBSTITUTE = re.compile(r"\{\{\s*([-\w]+)\s*\}\}")
_INHERITED = frozenset({"name", "layout", "template", "exclude", "count"})
_FOOTER_CLASS = re.compile(r"foot|bottom", re.I)
_COMMENT_LINE = re.compile(r"<!--.*-->", re.S)


def remark_markdown(
    text: str, raw_meta: Mapping[str, Any], source: Callable[[str, int], str] | None = None
) -> Rewrite:
    """``text`` (a remark deck, :func:`wanted`) rewritten as this dialect's Markdown; ``source(expr, line)``:
    the text of the R file a chunk on that line runs with ``source(expr)`` (for its chunk defaults)."""
    lines = text.split("\n")
    _write_chunk_defaults(lines, raw_meta, source)
    closes, swallowing = _fences(lines)
    code = code_lines([closes.get(k, line) for k, line in enumerate(lines)])
    math = doubled_math_brackets("\n".join(lines), code)  # `\\( … \\)`: the `\( … \)` MathJax reads
    if math is not None:
        lines = math.split("\n")
    _spaced_headings(lines, code)
    _joined_class_headings(lines, code)
    out = _Out(css_columns(text) if "float" in text else {})
    for opened, cut, closed in swallowing:
        out.notes.append(
            (
                opened,
                f"the code block opened here is not closed before the slide break '---' on line {cut + 1}: "
                f"remark reads it on to the fence on line {closed + 1}, the slides between as code, and so "
                "does Podium; close it with a fence on its own line before the '---'",
                "unclosed-fence",
            )
        )
    tags = [k for k, line in enumerate(lines) if not code[k] and JINJA_TAG.match(line)]
    for k in tags:
        lines[k] = ""
    if tags:
        out.notes.append(
            (
                tags[0],
                f"{len(tags)} Jinja template line(s) ({{% extends %}}, {{% block %}}: the page that fills "
                "this deck in) left out; a template's own slides are not read",
                "remark",
            )
        )
    marks = _strip_code_marks(lines, _highlight_lines(raw_meta), _highlight_spans(raw_meta))
    if marks:
        out.notes.append(
            (
                marks[0],
                "the highlighted code lines (#<<, {{ }}, *) are shown without their highlight",
                "code-lines",
            )
        )
    cuts = [k for k, line in enumerate(lines) if not code[k] and line == "---"]
    slides = [
        _read_slide(lines, code, a, b)
        for a, b in zip([0] + [k + 1 for k in cuts], cuts + [len(lines)], strict=True)
    ]
    if closes:
        slides = [_split_closes(slide, closes) for slide in slides]
    wanted_title = title_slide(raw_meta)
    used = set(_SUBSTITUTE.findall(text))  # (properties a slide shows with {{name}})
    named: dict[str, _Slide] = {}
    layout: _Slide | None = None
    first = True
    cover = False
    blank: list[int] = []  # the `---` lines that open empty slides
    for n, slide in enumerate(slides):
        own = slide.props
        base = named.get(own.get("template", "")) if "template" in own else layout
        if own.get("layout", "").lower() == "false":
            layout = base = None
        elif own.get("layout", "").lower() == "true" and "template" not in own:
            base = None  # (a new layout replaces the one before it, as remark does: it is not made on it)
        merged = _inherit(slide, base, from_layout=base is layout) if base is not None else slide
        if "name" in own:
            named[own["name"]] = merged
        _unknown_properties(slide, used, out)
        if own.get("layout", "").lower() == "true":
            layout = _take_layout(slide, merged, raw_meta, out)
            continue
        if own.get("exclude", "").lower() == "true":
            out.notes.append(
                (
                    slide.line_of("exclude"),
                    "this slide says 'exclude: true': remark leaves it out, and so does Podium",
                    "remark",
                )
            )
            continue
        if (
            n == _first_shown(slides)
            and not wanted_title
            and "title-slide" in _classes(merged)
            and _same_title(merged, raw_meta.get("title"))
        ):
            wanted_title = True  # (seal: false and a title slide of its own: the front matter's is drawn)
            texts = [t for t, _ in slide.content]
            for j in sorted(_quiet_chunks(texts, 0, len(texts))):  # (its setup chunk: knitr's options)
                out.add(slide.content[j][1], texts[j])
            out.notes.append(
                (
                    slide.start,
                    "this title slide is drawn from the front matter's title, subtitle and author",
                    "remark",
                )
            )
            continue
        if n == _first_shown(slides) and _classes(merged) & {"center", "middle", "inverse"}:
            cover = True
        if n > 0:
            out.add(slide.start - 1, "")
        if _emit(_shown(merged), out, first):
            first = False
        elif n > 0 and not any(t.strip() for t, _ in merged.content):  # (`---` right after `---`)
            blank.append(slide.start - 1)
    if blank:
        out.notes.append(
            (
                blank[0],
                f"{len(blank)} empty slide(s) ('---' right after '---', the first here) left out: remark shows "
                "each as a blank slide, so from here on the deck's slide numbers are lower than the HTML "
                "slides' (by one for each empty slide before); delete the extra '---' to make them agree",
                "empty-slide",
            )
        )
    logo = out.pictures[0] if out.pictures and not _own_logo(raw_meta) else None
    return Rewrite("\n".join(out.lines), out.index, out.notes, out.footer, wanted_title, cover, logo)


# a heading as remark's marked (0.3.1, which xaringan pins) reads it: no space needed after its `#`s
_UNSPACED_HEADING = re.compile(r"^( {0,3}#{1,6})(?=[^\s#])")
_RAW_OPENS = re.compile(r"<(style|script|pre|textarea)\b|<!--", re.I)


def _spaced_headings(lines: list[str], code: list[bool]) -> None:
    """``lines`` with each heading written without a space after its ``#`` (``##`Title` ``, ``#Resumen``)
    given one: remark's marked (0.3.1, which xaringan pins) reads it as a heading, as pandoc and
    CommonMark do not.  Code, and HTML that marked passes through whole (``<style>``, ``<script>``,
    comments), are left alone."""
    closing: str | None = None  # (the mark that ends the raw HTML the line is in)
    for k, line in enumerate(lines):
        if code[k]:
            continue
        if closing is not None:
            if closing in line.lower():
                closing = None
            continue
        opened = _RAW_OPENS.search(line)
        if opened is not None:
            mark = "-->" if opened.group(0) == "<!--" else f"</{opened.group(1).lower()}"
            if mark not in line[opened.end() :].lower():
                closing = mark
            continue
        lines[k] = _UNSPACED_HEADING.sub(r"\1 ", line, count=1)


_CUT_LINE = re.compile(r"^(?:---?|\?\?\?)[ \t]*$")  # (a slide's cut, a click, the notes: no heading's words)


def _joined_class_headings(lines: list[str], code: list[bool]) -> None:
    """``lines`` with each heading whose ``.name[`` opens on its line and closes on a later line of the
    same paragraph (``# .large[First line`` then ``second line]``) joined into that one heading line, the
    lines it took blanked (their numbers kept): remark makes such a class a block holding both lines,
    all of them the heading's words, where Markdown's heading is one line."""
    for k, line in enumerate(lines):
        if code[k] or _HEADING.match(line.lstrip(" ")) is None or _OPENER.search(line) is None:
            continue
        end = k + 1  # (the paragraph's end: a heading's words cannot go past it)
        while (
            end < len(lines)
            and not code[end]
            and not _BLOCK_START.match(lines[end])
            and not _CUT_LINE.match(lines[end])
        ):
            end += 1
        if end == k + 1:
            continue
        body = _constructs(lines, code, k, end)
        last = max(
            (c.end[0] for what, c in body.at.values() if what == "open" and c.line == k and c.end),
            default=k,
        )
        if last == k:
            continue
        # (a line's hard break, two spaces or a backslash at its end, is a space in the one heading line)
        lines[k] = " ".join(re.sub(r"(?:\s|\\)+$", "", x).strip() for x in lines[k : last + 1])
        for j in range(k + 1, last + 1):
            lines[j] = ""


def _take_layout(slide: _Slide, merged: _Slide, raw_meta: Mapping[str, Any], out: _Out) -> _Slide:
    """A ``layout: true`` slide (``merged``: made on its template) as the layout of the slides after it:
    its decoration and pictures taken out (:func:`_backdrop`), its footer the deck's, its setup chunks
    kept where they are, a logo-sized ``background-image`` the deck's logo."""
    own, seen = slide.props, len(out.pictures)
    layout, footer = _backdrop(merged, out)
    out.footer = out.footer or footer or _footer_of(layout)
    texts = [t for t, _ in slide.content]
    for j in sorted(_quiet_chunks(texts, 0, len(texts))):  # (its setup chunk: knitr's options)
        out.add(slide.content[j][1], texts[j])
    background = _URL.match(own.get("background-image", ""))
    if background is not None and _logo_sized(own.get("background-size", "")):
        out.pictures.append((background.group(1), slide.line_of("background-image")))
    if len(out.pictures) > seen:
        _logo_note(out, slide.line_of("layout"), seen, _own_logo(raw_meta))
    elif "background-image" in own:
        out.notes.append(
            (
                slide.line_of("background-image"),
                "the layout's background-image (a watermark on every slide) is not drawn",
                "background",
            )
        )
    return layout


def _logo_sized(size: str) -> bool:
    """Is a layout's ``background-size:`` a logo's (``10%``, ``80px``, ``auto 3em``), not a watermark's
    (``cover``, ``contain``, none, a large share of the slide)?"""
    shares = [float(x) for x in re.findall(r"(\d+(?:\.\d+)?)%", size)]
    if shares:
        return max(shares) <= 30
    return bool(re.search(r"\d\s*(?:px|em|rem|pt|cm|mm|in)\b", size))


def _own_logo(raw_meta: Mapping[str, Any]) -> bool:
    """Does the front matter name a logo (``logo:``, or under an output format's options)?"""
    output = raw_meta.get("output")
    options = [o for o in output.values() if isinstance(o, dict)] if isinstance(output, dict) else []
    return bool(raw_meta.get("logo")) or any(o.get("logo") for o in options)


def _logo_note(out: _Out, line: int, seen: int, own_logo: bool) -> None:
    """One note at a layout's ``layout: true`` line for the pictures it puts on every slide (from
    ``out.pictures[seen:]``): a logo, decoration drawn by the deck's CSS, no slide's content."""
    files = list(dict.fromkeys(src for src, _ in out.pictures[seen:]))
    named = ", ".join(f"'{src}'" for src in files[:3]) + (" …" if len(files) > 3 else "")
    if own_logo:
        fate = "the front matter's 'logo:' is drawn instead"
    elif seen:
        fate = f"the deck's logo stays '{out.pictures[0][0]}', an earlier layout's"
    else:
        fate = f"'{files[0]}' is drawn as the deck's logo (as the front matter's 'logo:' is)"
    out.notes.append(
        (
            line,
            f"this layout's picture ({named}) is a logo remark's CSS places on every slide, not a slide's "
            f"content: {fate}",
            "remark",
        )
    )


def _same_title(slide: _Slide, title: Any) -> bool:
    """Does a slide of its own (``seal: false``) show the front matter's ``title`` (or R's, inline)?"""
    texts = [t for t, _ in slide.content]
    code = code_lines(texts)  # (an R comment in a setup chunk, `# a comment`, is no heading)
    heading = next((h for k, t in enumerate(texts) if not code[k] and (h := _HEADING.match(t))), None)
    if heading is None or not isinstance(title, str) or not title.strip():
        return False
    words = heading.group(2)
    return "`r " in words or _plain(words) == _plain(title)


def _plain(text: str) -> str:
    return re.sub(r"[^\w]+", " ", text).strip().lower()


def _first_shown(slides: list[_Slide]) -> int:
    """The first slide that is neither a layout nor left out nor empty."""
    for n, s in enumerate(slides):
        if s.props.get("layout", "").lower() == "true" or s.props.get("exclude", "").lower() == "true":
            continue
        if any(text.strip() for text, _ in s.content):
            return n
    return -1


def _classes(slide: _Slide) -> set[str]:
    """A slide's classes: ``class: center, middle`` or ``class: center middle`` (remark splits at a comma
    or a space)."""
    return {c for c in re.split(r"[,\s]+", slide.props.get("class", "")) if c}


class _Out:
    def __init__(self, columns: Mapping[str, int]) -> None:
        self.columns = columns  # the deck's own column classes (css_columns)
        self.lines: list[str] = []
        self.index: list[int] = []
        self.notes: list[tuple[int, str, str]] = []
        self.footer: str | None = None
        self.pictures: list[tuple[str, int]] = []  # the layouts' pictures (their files, lecture lines)

    def add(self, k: int, *new: str) -> None:
        self.lines.extend(new)
        self.index.extend([k] * len(new))


_CHUNK = re.compile(
    r"^\s*(`{3,})\s*\{(?:r|css|scss|sass|js|python|bash|sql|html)\b(.*)\}\s*$", re.I
)  # (knitr's engines)
# (a chunk that shows nothing: include or echo false, or a child document's, knitted in before: a setup)
_QUIET = re.compile(
    r"\b(?:include|echo)\s*=\s*F(?:ALSE)?\b|^\s*#\|\s*(?:include|echo):\s*false\b|\bchild\s*=", re.M
)


def _chunks(lines: list[str], a: int, b: int) -> list[tuple[int, int, re.Match]]:
    """The knitr chunks of ``lines[a:b]``: each one's opening line, closing line and opening's match."""
    found: list[tuple[int, int, re.Match]] = []
    k = a
    while k < b:
        chunk = _CHUNK.match(lines[k])
        if chunk is None:
            k += 1
            continue
        fence = chunk.group(1)
        end = next(
            (
                j
                for j in range(k + 1, b)
                if lines[j].strip().startswith(fence) and not lines[j].strip().strip("`")
            ),
            b - 1,
        )
        found.append((k, end, chunk))
        k = end + 1
    return found


def _quiet_chunks(lines: list[str], a: int, b: int) -> set[int]:
    """The lines of ``lines[a:b]``'s knitr chunks that show no code (``include=FALSE``, ``echo=FALSE``):
    knitr has run them before remark reads the slide, so properties may come after them."""
    quiet: set[int] = set()
    for k, end, chunk in _chunks(lines, a, b):
        if _QUIET.search(chunk.group(2)) or _QUIET.search("\n".join(lines[k + 1 : end])):
            quiet.update(range(k, end + 1))
    return quiet


def _chunk_shown(lines: list[str], quiet: set[int]) -> bool:
    """Does a chunk among ``quiet`` (:func:`_quiet_chunks`) still show something on its slide: its code
    hidden (``echo=FALSE``) but not its output, a picture (``include_graphics``, a plot) or printed
    values?  Such a chunk is its slide's content, not a setup."""
    for k, end, chunk in _chunks(lines, 0, len(lines)):
        if k not in quiet or re.search(r"\bchild\s*=", chunk.group(2)):
            continue
        code = "\n".join(lines[k + 1 : end])
        _, options = quarto.cell_code(code, "{r" + chunk.group(2) + "}", {})
        if quarto.off(options.get("eval")) or not quarto.shows_output(options):
            continue
        if cellfigures.included(code) is not None or quarto.hidden_output(code, options):
            return True
    return False


def _write_chunk_defaults(
    lines: list[str], raw_meta: Mapping[str, Any], source: Callable[[str, int], str] | None = None
) -> None:
    """Write knitr's chunk defaults on the chunks they hide (in place): after a setup chunk's
    ``knitr::opts_chunk$set(echo = FALSE)`` (or the front matter's ``knitr: opts_chunk:``), ``{r packages}``
    becomes ``{r packages, echo=FALSE}``, so that a chunk hidden by the defaults is as quiet as one hidden
    by its own option (a heading after it is still the slide's title).  A chunk's own option wins, as in
    knitr; a chunk shown as an example inside a longer fence is no chunk.  The defaults a file the chunk
    ``source()``s sets count too (``source(expr, line)`` reads it), as the reader counts them."""
    defaults = {k: v for k, v in quarto.cell_defaults(dict(raw_meta)).items() if k in ("echo", "include")}
    k = 0
    while k < len(lines):
        opening = _FENCE_OPENING.match(lines[k].strip())
        if opening is None:
            k += 1
            continue
        fence = opening.group(1)
        end = next(
            (
                j
                for j in range(k + 1, len(lines))
                if lines[j].strip().startswith(fence) and not lines[j].strip().strip(fence[0])
            ),
            len(lines),
        )
        chunk = _CHUNK.match(lines[k])
        if chunk is not None:
            info, code = "{r" + chunk.group(2) + "}", "\n".join(lines[k + 1 : end])
            own_shown, own = quarto.cell_code(code, info, {})
            if own_shown is not None and quarto.cell_code(code, info, defaults)[0] is None:
                said = "include=FALSE" if quarto.off(defaults.get("include")) else "echo=FALSE"
                brace = lines[k].rindex("}")
                lines[k] = lines[k][:brace].rstrip() + ", " + said + lines[k][brace:]
            if not quarto.off(own.get("eval")):  # (a chunk that is run, as the reader reads it)
                given = quarto.chunk_defaults(code) if "opts_chunk$set" in code else {}
                read = source or (lambda _expr, _line: "")
                for expr in quarto.sourced(code) if "source" in code else ():  # (a setup.R's opts_chunk$set)
                    given.update(quarto.chunk_defaults(read(expr, k)))
                defaults.update({key: v for key, v in given.items() if key in ("echo", "include")})
        k = end + 1


def _strip_code_marks(lines: list[str], star: bool, spans: bool = False) -> list[int]:
    """Take remark's and xaringan's highlight marks off the code lines (in place); the lines they were on.
    remark's ``*`` (with ``highlightLines``) and the space after it become two spaces, as remark does;
    with ``highlightSpans`` (``spans``) a span's backticks go."""
    fenced = fenced_lines(lines)
    marked: list[int] = []
    for k, line in enumerate(lines):
        if not fenced[k] or (k and not fenced[k - 1]) or (k + 1 < len(lines) and not fenced[k + 1]):
            continue  # (not inside a fence: a fence's own lines are kept)
        new = re.sub(r"\s*#<<\s*$", "", line)
        new = re.sub(r"^(\s*)\{\{\s?(.*?)\s?\}\}\s*$", r"\1\2", new)
        if star and new.startswith("*"):
            new = ("  " + new[2:]) if new[1:2] == " " else new[1:]
        if spans and "`" in new:
            new = re.sub(r"`([^`\n]+)`", r"\1", new)
        if new != line:
            lines[k] = new
            marked.append(k)
    return marked


def _fences(lines: list[str]) -> tuple[dict[int, str], list[tuple[int, int, int]]]:
    """The fenced code blocks as remark reads them.  Its lexer (and its Markdown, marked) ends a block at
    the fence right after code on the same line (`` eigen(A)``` ``): those lines, each with its fence
    (not in a knitr chunk, ``{r}``, which knitr ends only on a line of its own).  And the blocks that run
    over a slide break to a fence another block was to open with (`` ```julia ``): a fence left out
    (opening line, the first ``---`` in it, closing line)."""
    closes: dict[int, str] = {}
    swallowing: list[tuple[int, int, int]] = []
    fence: str | None = None
    opened, chunk, cut, inner = 0, False, None, False
    for k, line in enumerate(lines):
        stripped = line.strip()
        if fence is None:
            if (opening := _FENCE_OPENING.match(stripped)) is not None:
                fence, opened, chunk, cut, inner = (
                    opening.group(1),
                    k,
                    opening.group(2).startswith("{"),
                    None,
                    False,
                )
            continue
        if stripped.startswith(fence) and not stripped.strip(fence[0]):
            if cut is not None and inner:
                swallowing.append((opened, cut, k))
            fence = None
        elif not chunk and stripped.endswith(fence) and stripped.rstrip(fence[0]).strip():
            closes[k] = fence
            fence = None
        elif line == "---" and cut is None:
            cut = k
        elif cut is not None and (o := _FENCE_OPENING.match(stripped)) and o.group(1) == fence and o.group(2):
            inner = (
                True  # (a block's opening fence, `` ```julia ``, inside: this one's closing fence is missing)
            )
    return closes, swallowing


_FENCE_OPENING = re.compile(r"^(`{3,}|~{3,})\s*(.*)$")


def _split_closes(slide: _Slide, closes: dict[int, str]) -> _Slide:
    """The slide with each line in ``closes`` (code, then its block's fence) made two: the code, the fence."""

    def split(lines: list[tuple[str, int]]) -> list[tuple[str, int]]:
        out: list[tuple[str, int]] = []
        for text, at in lines:
            if at in closes and text.rstrip().endswith(closes[at]):
                code = text.rstrip().rstrip(closes[at][0])
                out.extend([(code, at), (text[: len(text) - len(text.lstrip())] + closes[at], at)])
            else:
                out.append((text, at))
        return out

    return replace(slide, content=split(slide.content), notes=split(slide.notes))


def _read_slide(lines: list[str], code: list[bool], a: int, b: int) -> _Slide:
    """Slide ``lines[a:b]`` as remark reads it: properties at its start (after blank lines and chunks
    that show nothing), its content, and its notes: from a ``???`` line to the next ``--`` click (remark
    cuts there before it looks for notes, so each step may have notes of its own) or the slide's end."""
    quiet = _quiet_chunks(lines, a, b)
    props: dict[str, str] = {}
    prop_lines: dict[str, int] = {}
    before: list[int] = []  # quiet chunks and blank lines among the properties
    k = a
    while k < b:
        p = _ANY_PROPERTY.match(lines[k]) if not code[k] else None
        if k in quiet or not lines[k].strip():
            before.append(k)
        elif p is not None:
            props[p.group(1)] = p.group(2).strip()
            prop_lines[p.group(1)] = k
        else:
            break
        k += 1
    content = [(lines[j], j) for j in before if j in quiet]
    notes: list[tuple[str, int]] = []
    in_notes = False
    for j in range(k, b):
        line = lines[j] if code[j] else _backtick_math(lines[j])
        if not code[j] and lines[j].rstrip() == "???":  # (a second one in a step: its marker goes too)
            if notes and notes[-1][0].strip():
                notes.append(("", j))
            in_notes = True
        elif not code[j] and lines[j] == "--":  # (a click ends the step's notes; the next step has its own)
            in_notes = False
            content.append((line, j))
        else:
            (notes if in_notes else content).append((line, j))
    return _Slide(a, props, prop_lines, content, notes)


# a code span (one backtick each side) and math that fills it: `\(\mathbf{x}\)`, `$x$`
_CODE_SPAN = re.compile(r"(?<!`)`([^`\n]+)`(?!`)")
_SPAN_MATH = re.compile(r"\\\(((?:(?!\\\)).)+)\\\)|\$((?:\\.|[^$\\])+)\$")


def _backtick_math(line: str) -> str:
    r"""``line`` with each code span that holds only inline math (`` `\(\mathbf{x}\)` ``, `` `$x$` ``) made
    that math (``$\mathbf{x}$``).  remark's documented way to write math: the backticks keep remark's
    Markdown off its ``_`` and ``*``, and MathJax (told not to skip ``code``) typesets the span."""
    if "`" not in line:
        return line

    def math(mt: re.Match) -> str:
        inner = _SPAN_MATH.fullmatch(mt.group(1).strip())
        tex = (inner.group(1) or inner.group(2) or "").strip() if inner is not None else ""
        return f"${tex}$" if tex else mt.group(0)

    return _CODE_SPAN.sub(math, line)


def _inherit(slide: _Slide, base: _Slide, from_layout: bool) -> _Slide:
    """``slide`` made on ``base`` (its template, or the layout before it): base's properties under its
    own, base's content around its own (at ``{{content}}``, else before it), ``{{name}}`` filled in."""
    props = {k: v for k, v in base.props.items() if k not in _INHERITED}
    if from_layout:
        props.pop("background-image", None)  # (a layout's picture is a watermark: not on every slide)
    props.update(slide.props)
    content: list[tuple[str, int]] = []
    placed = False
    for text, at in base.content:
        hole = text.find("{{content}}")
        if hole < 0 or placed:
            content.append((text, at))
            continue
        placed = True
        if text[:hole].strip():
            content.append((text[:hole], at))
        content.extend(slide.content)
        if text[hole + len("{{content}}") :].strip():
            content.append((text[hole + len("{{content}}") :], at))
    if not placed:
        if from_layout and (not _words(content) or _footer_text(base.content) is not None):
            content = []  # (a footer: the deck's footer, not the slide's text)
        content.extend(slide.content)
    merged = _Slide(slide.start, props, {**base.prop_lines, **slide.prop_lines}, content, slide.notes)
    return _filled(merged)


def _filled(slide: _Slide) -> _Slide:
    """``{{name}}`` in the slide's lines replaced by its property ``name``, as remark does."""
    if not slide.props:
        return slide

    def fill(text: str) -> str:
        return _SUBSTITUTE.sub(lambda mt: slide.props.get(mt.group(1), mt.group(0)), text)

    return replace(slide, content=[(fill(t), at) for t, at in slide.content])


def _shown(slide: _Slide) -> _Slide:
    """The slide as shown: its ``{{name}}`` filled in, an unfilled ``{{content}}`` (a template shown
    as a slide of its own) taken out."""
    slide = _filled(slide)
    return replace(slide, content=[(t.replace("{{content}}", ""), at) for t, at in slide.content])


def _unknown_properties(slide: _Slide, used: set[str], out: _Out) -> None:
    """A note for each property remark reads at a slide's start that is neither one of its own nor
    shown by a ``{{name}}``: a line such as ``Goal: …`` there is hidden by remark, and here."""
    for key in slide.props:
        if key not in PROPERTIES and key not in used:
            out.notes.append(
                (
                    slide.line_of(key),
                    f"'{key}:' at the start of a slide is a slide property in remark, so its words are not shown",
                    "remark",
                )
            )


def _words(content: list[tuple[str, int]]) -> list[str]:
    """The lines of ``content`` that show something: not blank, not an HTML comment, not in a chunk
    that shows nothing (a setup chunk above a layout's words)."""
    texts = [t for t, _ in content]
    quiet = _quiet_chunks(texts, 0, len(texts))
    return [
        t.strip()
        for j, t in enumerate(texts)
        if t.strip() and j not in quiet and not _COMMENT_LINE.fullmatch(t.strip())
    ]


def _footer_text(content: list[tuple[str, int]]) -> str | None:
    """The words of a layout that is only a footer: one ``.footer[…]`` (``.bottom-bar[…]``…) or
    ``<div class="my-footer">…</div>``, perhaps over several lines, HTML comments aside."""
    shown = " ".join(_words(content))
    construct = re.fullmatch(r"\.([\w.-]+)\[(.*)\]", shown, re.S)
    if construct is not None and _FOOTER_CLASS.search(construct.group(1)) and "[" not in construct.group(2):
        return construct.group(2).strip()
    div = re.fullmatch(r"""<div\s+class\s*=\s*["']([^"']*)["']\s*>(.*)</div>""", shown, re.S | re.I)
    if div is not None and _FOOTER_CLASS.search(div.group(1)) and "<div" not in div.group(2).lower():
        return " ".join(unescape(re.sub(r"<[^<>]*>", "", div.group(2))).split())  # (`&emsp;` runs: one space)
    return None


# a line that opens an HTML block a layout decorates its slides with: `<div class="watermark">`, `</div>`
_HTML_DECOR = re.compile(r"^ {0,3}</?(div|span|header|footer|aside|nav|section)(?=[\s/>]|$)", re.I)
_HTML_CLASS = re.compile(r"""\bclass\s*=\s*["']([^"']*)["']""", re.I)


def _backdrop(layout: _Slide, out: _Out) -> tuple[_Slide, str | None]:
    """A ``layout: true`` slide without its HTML decoration (``<div class="my-header"></div>``,
    watermarks, a ``<div class="my-footer">``: remark's CSS places them around every slide, they are no
    slide's text), and the words of its footer div; a decoration with other words is left out with a
    ``not-rendered`` warning, empty ones with one note."""
    texts = [t for t, _ in layout.content]
    code = code_lines(texts)
    footer: str | None = None
    dropped: set[int] = set()
    empty: list[str] = []
    k = 0
    while k < len(texts):
        opening = _HTML_DECOR.match(texts[k]) if not code[k] else None
        if opening is None:
            k += 1
            continue
        end = next((j for j in range(k, len(texts)) if code[j] or not texts[j].strip()), len(texts))
        piece = _filled(replace(layout, content=layout.content[k:end])).content
        start, k, first = k, end, piece[0]
        if any("{{content}}" in t for t, _ in piece):
            continue  # (it wraps each slide's own content: kept)
        dropped.update(range(start, end))
        words = " ".join(unescape(re.sub(r"<[^<>]*>", " ", " ".join(_words(piece)))).split())
        found = _HTML_CLASS.search(first[0])
        name = (
            f'<{opening.group(1).lower()} class="{found.group(1)}">'
            if found
            else f"<{opening.group(1).lower()}>"
        )
        if not words:
            empty += [] if first[0].lstrip().startswith("</") else [name]
        elif footer is None and (said := _footer_text(piece)) is not None:
            footer = said
        else:
            out.notes.append(
                (
                    first[1],
                    f"[not-rendered] this layout's HTML {name} is a backdrop remark's CSS places on every "
                    f"slide; it is left out, and its words ('{_clipped(words)}') are not shown",
                    "not-rendered",
                )
            )
    if empty:
        out.notes.append(
            (
                layout.line_of("layout"),
                f"this layout's empty HTML ({', '.join(empty)}) is decoration drawn by the deck's CSS; "
                "it is not drawn",
                "remark",
            )
        )
    dropped |= _layout_pictures(layout.content, code, dropped, out)
    kept = [line for j, line in enumerate(layout.content) if j not in dropped]
    return replace(layout, content=kept), footer


def _layout_pictures(
    content: list[tuple[str, int]], code: list[bool], dropped: set[int], out: _Out
) -> set[int]:
    """The lines of a layout's ``content`` that are only pictures (an ``<img>`` tag perhaps over several
    lines), each picture added to ``out.pictures``; the pictures in the ``dropped`` decoration too."""
    texts = [t for t, _ in content]
    found: set[int] = set()
    columns = _column_lines(texts, code, out.columns)
    for j, at in enumerate(at for _, at in content):
        if j in dropped:
            out.pictures += [(src, at) for src in _IMG_SRC.findall(texts[j])]  # (`<div class="logo"><img>`)
            continue
        if code[j] or j in found or j in columns:  # (a picture in a column: the slides' content)
            continue
        end = j
        if _OPEN_IMG.match(texts[j]):  # (`<img src="logo.png"` with its attributes on the lines below)
            end = next((e for e in range(j, min(j + 8, len(texts))) if ">" in texts[e] or code[e]), j)
        joined = " ".join(texts[j : end + 1])
        if not any(code[j : end + 1]) and _LAYOUT_PICTURE.match(joined):
            found.update(range(j, end + 1))
            out.pictures += [(src or tag, at) for src, tag in _PICTURE_SRC.findall(joined)]
    return found


def _column_lines(texts: list[str], code: list[bool], own_css: Mapping[str, int]) -> set[int]:
    """The lines of ``texts`` inside a column block (``.left-column[`` over lines, xaringan's or the deck's
    own: :func:`column_width`), its opening and closing lines included."""
    inside: set[int] = set()
    for what, c in _constructs(texts, code, 0, len(texts), own_css).at.values():
        if what == "open" and c.block and c.end is not None and column_width(c.classes[0], own_css):
            inside.update(range(c.line, c.end[0] + 1))
    return inside


# a layout's line of only pictures (a logo remark's CSS places on every slide): `<img src="logo.png" …>`,
# `![](logo.png)`, `.logo[![](logo.png)]`, perhaps inside a link
_ONE_PICTURE = r"""(?:<img\b[^<>]*>|!\[[^\]\n]*\]\([^()\s]+(?:\s+["'][^"']*["'])?\)(?:\{[^{}]*\})?)"""
_LINKED = rf"(?:<a\b[^<>]*>\s*{_ONE_PICTURE}\s*</a>|\[\s*{_ONE_PICTURE}\s*\]\([^()\s]+\)|{_ONE_PICTURE})"
_LAYOUT_PICTURE = re.compile(rf"^ {{0,3}}(?:\.[\w.-]+\[\s*)?(?:{_LINKED}\s*)+\]?\s*$", re.I)
_OPEN_IMG = re.compile(r"^ {0,3}<img\b[^<>]*$", re.I)
_IMG_SRC = re.compile(r"""<img\b[^<>]*?\bsrc\s*=\s*["']?([^"'\s<>]+)""", re.I)
_PICTURE_SRC = re.compile(r"""<img\b[^<>]*?\bsrc\s*=\s*["']?([^"'\s<>]+)|!\[[^\]\n]*\]\(([^()\s]+)""", re.I)


def _clipped(words: str, most: int = 60) -> str:
    return words if len(words) <= most else words[: most - 1].rstrip() + "…"


def _footer_of(layout: _Slide) -> str | None:
    """The deck's footer from a ``layout: true`` slide that is only a footer (else its content is put
    on every slide after it)."""
    return _footer_text(_filled(layout).content) or None


def _emit(slide: _Slide, out: _Out, first: bool) -> bool:
    """``slide`` added to ``out`` as this dialect's Markdown; False when nothing of it is shown."""
    texts = [t for t, _ in slide.content]
    src = [at for _, at in slide.content]
    code = _joined_code(texts)
    quiet = _quiet_chunks(texts, 0, len(texts))
    body = _constructs(texts, code, 0, len(texts), out.columns)
    props = slide.props
    unseen = quiet | {j for j, t in enumerate(texts) if not code[j] and _shows_nothing(t)}
    rules = _rules_before_heading(texts, code, unseen)
    unseen |= rules
    title_at = next((j for j in range(len(texts)) if j not in unseen), None)
    heading = None
    if title_at is not None and not code[title_at]:
        shown = body.rewritten(title_at, texts[title_at], demote=False)
        heading = _HEADING.match(shown[0]) if len(shown) == 1 else None
    column_title = None
    replaced: dict[int, list[str]] = {}  # (lines written otherwise: the title taken out of its block's line)
    if heading is None and title_at is not None:  # xaringan's .left-column[ ## Title … ]: the slide's title
        column_title = _column_title(texts, code, body, title_at, unseen)
        if column_title is not None:
            heading = _HEADING.match(texts[column_title])
        elif not code[title_at] and (opening := _opening_heading(body, title_at, texts[title_at])):
            heading, replaced[title_at] = (
                opening  # (`.col[# The Road …`: the block stays, its heading is the title)
            )
            column_title = title_at
    background = _URL.match(props.get("background-image", ""))
    showing = _chunk_shown(texts, quiet)  # (a hidden chunk's picture: its slide's, not a setup)
    if heading is None and title_at is None and background is None and not slide.notes and not showing:
        for j, t in enumerate(texts):  # (a setup chunk: kept where it was, shown nowhere)
            out.add(src[j], t)
        return False
    if heading is not None:
        title_line = column_title if column_title is not None else title_at
        assert title_line is not None
        title, last = (
            _joined_title(texts, code, title_line, heading)
            if column_title is None
            else (heading.group(2), title_line)
        )
        only = not any(
            j not in unseen and not (t.lstrip().startswith("<") and drawn_only(t))
            for j, t in enumerate(texts)
            if not title_line <= j <= last
        )
        # (a title over a background picture is a slide of that picture, not a section slide without it)
        section = only and not background and _classes(slide) & {"middle", "center", "inverse"}
        attrs = [".section"] if section else []
        if re.fullmatch(r"[\w-]+", props.get("name", "")):  # (a link [x](#name) jumps to it)
            attrs.insert(0, "#" + props["name"])
        said = " {" + " ".join(attrs) + "}" if attrs else ""
        # (the slide's backgrounds before its heading, which the reader gives them to: after it, on a slide
        # of only its title, they would be right before the next slide's heading, and that slide's)
        _emit_backgrounds(slide, background, out)
        out.add(src[title_line], "", f"## {title}{said}", "")
        skip = {title_line} if column_title is not None else set(range(last + 1))
        if column_title is None:  # (its setup chunks, link definitions, empty headings: shown nowhere)
            for j in range(title_line):  # (a rule over the title: drawn nowhere, as a rule in a slide)
                out.add(src[j], texts[j] if code[j] else "" if j in rules else _demoted(texts[j]))
    else:
        if not first:
            out.add(src[0] if src else slide.start, "---", "")
        if re.fullmatch(r"[\w-]+", props.get("name", "")):  # (no heading to carry it: the slide's own id)
            out.add(slide.line_of("name"), f'<!-- .slide: id="{props["name"]}" -->', "")
        skip = set()
        _emit_backgrounds(slide, background, out)
    _emit_lines(texts, src, code, body, skip - set(replaced), out, replaced)
    if slide.notes:
        out.add(slide.notes[0][1] - 1, "", "::: notes")
        for t, at in slide.notes:
            out.add(at, t)
        out.add(slide.notes[-1][1], ":::")
    if heading is None and title_at is None and background:
        # a slide of only its picture: a rule ends it, or its `.slide` comment would open the next slide
        # (the reader gives such a comment to the heading after it; an empty '---' slide is no slide)
        out.add(slide.line_of("background-image"), "", "---", "")
    return True


def _rules_before_heading(texts: list[str], code: list[bool], unseen: set[int]) -> set[int]:
    """The lines of the rules (``--- `` with a space after it, which remark does not cut at) that are all a
    slide shows before its first heading, which is still the slide's title; else none."""
    rules: set[int] = set()
    for j, t in enumerate(texts):
        if j in unseen:
            continue
        if not code[j] and _RULE.match(t):
            rules.add(j)
            continue
        return rules if not code[j] and _HEADING.match(t) else set()
    return set()


def _emit_backgrounds(slide: _Slide, background: re.Match | None, out: _Out) -> None:
    """``slide``'s ``background-image`` (matched as ``background``) and ``background-color`` added to ``out``
    as reveal.js's ``.slide`` comments."""
    if background:
        out.add(
            slide.line_of("background-image"),
            f'<!-- .slide: data-background-image="{background.group(1)}" -->',
            "",
        )
    if slide.props.get("background-color"):
        out.add(
            slide.line_of("background-color"),
            f'<!-- .slide: data-background-color="{slide.props["background-color"]}" -->',
            "",
        )


def _emit_lines(
    texts: list[str],
    src: list[int],
    code: list[bool],
    body: _Body,
    skip: set[int],
    out: _Out,
    replaced: Mapping[int, list[str]] | None = None,
) -> None:
    """A slide's lines (but those in ``skip``, its title's; those in ``replaced`` as written there) added
    to ``out``: ``--`` a pause, code as it is."""
    numbers = _click_numbers(texts, code)
    for j, t in enumerate(texts):
        if j in skip:
            continue
        if replaced and j in replaced:
            out.add(src[j], *replaced[j])
            continue
        if j in numbers:  # (its marker only: the line's constructs keep their columns)
            shown = body.rewritten(j, t)
            out.add(src[j], _ITEM_NUMBER.sub(rf"\g<1>{numbers[j]}", shown[0], count=1), *shown[1:])
        elif code[j]:
            out.add(src[j], t)
        elif t == "--" and j in body.column_clicks:
            out.add(src[j], "")  # (the click is the next column's own)
        elif t == "--":
            out.add(src[j], "", " " * _continued_item(texts, code, j) + ". . .", "")
        elif j in body.column_words:
            out.add(src[j], "")  # (its words come after the row of columns: Body._fence_close)
        elif t.strip() == "--":  # (`-- ` with a space, or indented, is words to remark, no click)
            out.add(src[j], as_words(t))
        elif _RULE.match(t) and (j == 0 or not texts[j - 1].strip() or j - 1 in body.block_opens):
            out.add(src[j], "")  # (a rule, `--- ` with a space: inside the slide, not a cut; drawn nowhere)
        else:
            out.add(src[j], *body.rewritten(j, t))


def class_spans(text: str) -> str:
    """Front-matter words (a title) with remark's ``.name[words]`` as pandoc's spans, ``[words]{.name}``:
    xaringan writes a title into its title slide's Markdown, where each is a span (remark shows its
    words, styled by the deck's CSS)."""
    if _OPENER.search(text) is None:
        return text
    lines = text.split("\n")
    body = _constructs(lines, [False] * len(lines), 0, len(lines))
    for _, c in body.at.values():
        c.block = False  # (one line of words: spans, never a div)
    return "\n".join(x for k, line in enumerate(lines) for x in body.rewritten(k, line, demote=False))


def _joined_code(texts: list[str]) -> list[bool]:
    """For each line of a slide: is it code, as remark's Markdown sees it: a ``--`` click line is taken
    out of the text before it is read (the part after it continues the part before), so the indented
    lines right after one (``  - a sub-item``) go on as the text before it does."""
    fenced = fenced_lines(texts)
    clicks = {j for j, t in enumerate(texts) if t == "--" and not fenced[j]}
    if not clicks:
        return code_lines(texts)
    rest = [j for j in range(len(texts)) if j not in clicks]
    code = [False] * len(texts)
    for j, is_code in zip(rest, code_lines([texts[j] for j in rest]), strict=True):
        code[j] = is_code
    return code


_ITEM = re.compile(r"^( *)([-*+]|\d{1,9}[.)])( +|$)")


_ITEM_NUMBER = re.compile(r"^( *)\d{1,9}(?=[.)])")


def _click_numbers(texts: list[str], code: list[bool]) -> dict[int, int]:
    """The numbered items right after a ``--`` click that go on with the list before it, and the number each
    is shown with: remark joins a slide's parts before its Markdown is read, so ``1. a`` ``--`` ``1. b`` is
    one list, 1. 2. (each part read on its own, the second would start again at 1)."""
    lists: list[
        list[int]
    ] = []  # (each open numbered list: its indent, its content's column, the next number)
    crossed: set[int] = set()  # (the indents of the lists a click came in since their last item)
    numbers: dict[int, int] = {}
    blank = True
    for j, t in enumerate(texts):
        if t == "--" and not code[j]:
            crossed |= {x[0] for x in lists}
        if code[j] or t == "--":
            continue
        indent = _indent(t)
        item = _ITEM.match(t.expandtabs(4)) if t.strip() else None
        if item is None:
            if t.strip() and (blank or _BLOCK_START.match(t)):  # (not a lazy line of the item's paragraph)
                lists = [x for x in lists if x[1] <= indent]
            blank = not t.strip()
            continue
        blank = False
        ordered = item.group(2)[:-1].isdigit()
        lists = [x for x in lists if x[0] < indent or (x[0] == indent and ordered)]
        if not ordered:
            continue
        if lists and lists[-1][0] == indent:
            if indent in crossed and int(item.group(2)[:-1]) != lists[-1][2]:
                numbers[j] = lists[-1][2]
            lists[-1][2] += 1
        else:
            lists.append([indent, len(item.group(0)), int(item.group(2)[:-1]) + 1])
        crossed.discard(indent)
    return numbers


def _indent(line: str) -> int:
    return len(line.expandtabs(4)) - len(line.expandtabs(4).lstrip(" "))


def _continued_item(texts: list[str], code: list[bool], click: int) -> int:
    """The indent of the list item that the text after the ``--`` on line ``click`` continues (its
    content's column: ``- Keep backups!`` then ``--`` then ``    - a sub-item`` is 2), so that the pause
    goes inside that item; 0 when that text starts at the margin or continues no list item."""
    after = next((j for j in range(click + 1, len(texts)) if texts[j].strip() and texts[j] != "--"), None)
    if after is None or _indent(texts[after]) == 0:
        return 0
    deep = _indent(texts[after])
    for j in range(click - 1, -1, -1):
        line = texts[j].expandtabs(4)
        if not line.strip() or line == "--":
            continue
        item = _ITEM.match(line) if not code[j] else None
        if item is not None:
            column = (
                len(item.group(1))
                + len(item.group(2))
                + (len(item.group(3)) if 0 < len(item.group(3)) <= 4 else 1)
            )
            if column <= deep:
                return column
        if _indent(line) == 0:
            return 0  # (a paragraph outside any list: the indented text after the click is its own)
    return 0


def as_words(line: str) -> str:
    """A ``--`` line that is no click to remark (``-- ``, a space after it) as the words it shows: its
    dashes escaped, so that no later pass reads them as a mark (reveal.js's ``--`` vertical slide)."""
    return line.replace("-", "\\-")


def _opening_heading(body: _Body, k: int, line: str) -> tuple[re.Match, list[str]] | None:
    """A heading written on the line that opens a block, right after its opening (``.col[# The Road``,
    ``.center[# Title]``), as a slide's first line: its match, and the line's other pieces (the block's
    fences) without it; None where the line shows more than one heading."""
    if k not in body.block_opens:
        return None
    pieces = body.rewritten(k, line, demote=False)
    words = [j for j, x in enumerate(pieces) if x.strip() and not x.lstrip().startswith(":::")]
    heading = _HEADING.match(pieces[words[0]].strip()) if len(words) == 1 else None
    if heading is None:
        return None
    return heading, [x for j, x in enumerate(pieces) if j != words[0]]


def _column_title(
    texts: list[str], code: list[bool], body: _Body, first: int, unseen: set[int]
) -> int | None:
    """The line of the heading that opens a slide's first block (``.left-column[`` then ``## dplyr``), if
    the slide has no title of its own (lines that show nothing, ``unseen``, aside)."""
    if first not in body.block_opens:
        return None
    after = next((j for j in range(first + 1, len(texts)) if j not in unseen), None)
    if after is None or code[after] or _HEADING.match(texts[after]) is None or after in body.touched:
        return None
    return after


class _Body:
    """The ``.name[…]`` constructs of a slide, and each line rewritten with them."""

    def __init__(self, constructs: list[_Construct]) -> None:
        self.at: dict[tuple[int, int], tuple[str, _Construct]] = {}
        for c in constructs:
            if c.end is None:
                continue
            self.at[(c.line, c.col)] = ("open", c)
            self.at[c.end] = ("close", c)
        self.touched = {line for line, _ in self.at}
        self.block_opens = {c.line for c in constructs if c.block and c.end is not None}
        # the `--` lines between columns of a row: their click is the later column's (a .fragment column)
        self.column_clicks = {c.click for c in constructs if c.group is not None and c.click is not None}
        # the `-- ` lines between columns of a row (words to remark, floated between them): after the row
        self.column_words = {k for c in constructs if c.group is not None for k, _ in c.words}
        self.groups: dict[int, list[_Construct]] = {}
        for c in constructs:
            if c.group is not None:
                self.groups.setdefault(c.group, []).append(c)

    def rewritten(self, k: int, line: str, demote: bool = True) -> list[str]:
        """Line ``k`` with its constructs as fences and spans (perhaps several lines), a heading in it
        under the slide level (``demote``)."""
        if k not in self.touched:
            return [_demoted(line) if demote else line]
        out: list[str] = []
        current = ""
        col = 0
        for (row, at), (what, c) in sorted(self.at.items()):
            if row != k:
                continue
            current += line[col:at]
            col = at + (len(".".join(c.classes)) + 2 if what == "open" else 1)
            lines, start = self._piece(what, c)
            if lines is None:  # (a span: its brackets stay in the line)
                current += start
                continue
            out += [current] if current.strip() else []
            out += lines
            current = start
        current += line[col:]
        if current.strip():
            out.append(current)
        return [_demoted(x) if demote else x for x in out]

    def _piece(self, what: str, c: _Construct) -> tuple[list[str] | None, str]:
        """What a construct's opening or closing (``what``) becomes: the lines that end the line so far
        (None: it stays in the line, a span's bracket), and the words the next line starts with."""
        if c.classes == ("panel-name",):  # (xaringanExtra's tab: its name is the tab's heading)
            return ([], "### ") if what == "open" else ([""], "")
        if not c.block:
            return None, "[" if what == "open" else "]" + _span_attrs(c.classes)
        if c.classes == ("panel",):  # (a tab: no fence, the panelset's headings part them)
            return [], ""
        return (self._fence_open(c) if what == "open" else self._fence_close(c)), ""

    def _fence_open(self, c: _Construct) -> list[str]:
        colons = ":" * (3 + c.height)
        row = self.groups.get(c.group) if c.group is not None else None
        if c.joined:  # (the column of the block before it goes on)
            return [""]
        if row is None:
            classes = ("panel-tabset",) if c.classes == ("panelset",) else c.classes  # xaringanExtra's tabs
            return ["", f"{colons} {{{' '.join('.' + x for x in classes)}}}"]
        width = c.width
        opening = [""]
        if row[0] is c:
            opening.append(":" * (4 + max(x.height for x in row)) + " columns")
        click = " .fragment" if c.click is not None else ""
        return [*opening, f'{colons} {{.column{click} width="{width}%"}}']

    def _fence_close(self, c: _Construct) -> list[str]:
        closing = [":" * (3 + c.height)]
        row = self.groups.get(c.group) if c.group is not None else None
        if row is not None and row.index(c) + 1 < len(row) and row[row.index(c) + 1].joined:
            return [""]  # (its column goes on in the next block)
        if row is not None and row[-1] is c:
            closing.append(":" * (4 + max(x.height for x in row)))
            words = [as_words(t) for x in row for _, t in x.words]
            if words:
                closing += ["", *words]
        return [*closing, ""]


def _joined_title(texts: list[str], code: list[bool], at: int, heading: re.Match) -> tuple[str, int]:
    """A slide's title: its first heading and the headings of its level right under it (xaringan's
    ``# Case study:`` then ``# OK Cupid``: one statement in two lines); and the line of the last of them."""
    title, last = heading.group(2), at
    while last + 1 < len(texts) and not code[last + 1]:
        more = _HEADING.match(texts[last + 1])
        if more is None or len(more.group(1)) != len(heading.group(1)) or not more.group(2):
            break
        title, last = f"{title} {more.group(2)}", last + 1
    return title, last


def _shows_nothing(line: str) -> bool:
    """Is ``line`` (not code) one that remark shows nothing of: blank, a link reference definition
    (``[rbind]: https://…``), an empty heading (``### ``)?"""
    return not line.strip() or bool(_LINK_DEFINITION.match(line) or _EMPTY_HEADING.match(line))


def _demoted(line: str) -> str:
    """A heading inside a slide (not its title) under the slide level, so that it starts no slide; an
    empty one (``### ``, a spacer) as nothing; a ``#`` alone as the sign written, which starts none
    either."""
    if _EMPTY_HEADING.match(line):
        return ""
    if re.fullmatch(r"\s{0,3}#\s*", line):  # (a `#` alone: R's comment sign in a list of symbols)
        return line.replace("#", "\\#")
    heading = _HEADING.match(line.lstrip(" ")) if _indent(line) <= 3 else None  # (`  # How`: a heading)
    if heading is None or len(heading.group(1)) > 2:
        return line
    return f"### {heading.group(2)}"


def _span_attrs(classes: tuple[str, ...]) -> str:
    colour = next((c for c in classes if c.lower() in COLOURS), None)
    style = f' style="color: {colour.lower()}"' if colour else ""
    return "{" + " ".join("." + c for c in classes) + style + "}"


def _constructs(
    lines: list[str], code: list[bool], a: int, b: int, own_css: Mapping[str, int] | None = None
) -> _Body:
    """Find the ``.name[…]`` constructs of ``lines[a:b]`` (outside code, inline code and math) and
    decide which hold blocks and which rows of them are columns (``own_css``: the deck's own column
    classes)."""
    found: list[_Construct] = []
    stack: list[_Construct | None] = []  # (None: a plain bracket)
    for k in range(a, b):
        if code[k]:
            continue
        line = lines[k]
        i = 0
        while i < len(line):
            ch = line[i]
            if ch == "\\":
                i += 2
                continue
            if ch in "`$":
                run = len(line[i:]) - len(line[i:].lstrip(ch))
                close = line.find(ch * run, i + run)
                if close > 0 and (ch == "`" or run <= 2):
                    i = close + run
                    continue
            opener = _OPENER.match(line, i) if ch == "." else None
            # (right after a word too, as remark's lexer reads it: `metamodels.ref[*]` is a span)
            if opener and (i == 0 or line[i - 1] not in "_."):
                parent = next((s for s in reversed(stack) if s is not None), None)
                c = _Construct(tuple(opener.group(1).split(".")), k, i, parent=parent)
                stack.append(c)
                found.append(c)
                i = opener.end()
                continue
            if ch == "[":
                stack.append(None)
            elif ch == "]" and stack:
                closing = stack.pop()
                if closing is not None:
                    closing.end = (k, i)
            i += 1
    closed = [c for c in found if c.end is not None]
    for c in closed:  # (a parent before its children: its own `block` is known when theirs is decided)
        end_line, end_col = c.end  # type: ignore[misc]
        spans = end_line > c.line
        starts_line = not lines[c.line][: c.col].strip() or (spans and _after_openings(c, lines))
        ends_line = not lines[end_line][end_col + 1 :].strip()
        holds_blocks = spans and _holds_blocks(c, lines)
        c.block = (starts_line and (spans or ends_line) or holds_blocks) and _block_parent(c)
    for c in closed:  # how many blocks deep each block's content goes (for its fence's colons)
        if c.block:
            p, depth = c.parent, 1
            while p is not None:
                p.height = max(p.height, depth)
                depth += 1
                p = p.parent
    _column_rows(closed, lines, own_css)
    return _Body(closed)


def _after_openings(c: _Construct, lines: list[str]) -> bool:
    """Is ``c`` first on its line but for the openings of the constructs it is inside
    (``.full-width[.content-box-purple[``: the inner one starts the line too)?"""
    line = lines[c.line]
    ancestors: list[_Construct] = []
    p = c.parent
    while p is not None and p.line == c.line:
        ancestors.append(p)
        p = p.parent
    at = 0
    for p in reversed(ancestors):  # (the outermost first)
        if line[at : p.col].strip():
            return False
        at = p.col + len(".".join(p.classes)) + 2
    return bool(ancestors) and not line[at : c.col].strip()


def _holds_blocks(c: _Construct, lines: list[str]) -> bool:
    """Does ``c``, written over several lines, hold what only a block holds (a blank line, a list item,
    a heading, a quote, code, a block construct)?  remark makes any construct over several lines a
    block; one opened inside a line is a span here (words over a line break) unless it holds these."""
    end_line, end_col = c.end  # type: ignore[misc]
    inside = [*lines[c.line + 1 : end_line], lines[end_line][:end_col]]
    return any(_BLOCK_START.match(x) for x in inside[:-1]) or bool(
        inside[-1].strip() and _BLOCK_START.match(inside[-1])
    )


def _block_parent(c: _Construct) -> bool:
    """A block may be only inside blocks (not inside a span)."""
    p = c.parent
    while p is not None:
        if p.end is not None and not p.block:
            return False
        p = p.parent
    return True


def _column_rows(closed: list[_Construct], lines: list[str], own_css: Mapping[str, int] | None) -> None:
    """Columns: two or more column blocks (``.pull-left`` …) of one parent, one after the other with
    only blank lines between."""
    groups = 0
    row: list[_Construct] = []

    def flush() -> None:
        nonlocal groups
        if sum(not c.joined for c in row) > 1:
            for c in row:
                c.group = groups
            _even_heights(row)
            parent = row[0].parent
            while parent is not None:  # the row's fence adds a level
                parent.height += 1
                parent = parent.parent
            groups += 1
        if row and row[0].group is None:  # (one column: its blocks in the flow)
            for c in row:
                c.joined, c.click, c.words = False, None, []
        row.clear()

    for c in closed:
        c.width = column_width(c.classes[0], own_css) if c.block else None
        if c.width is None:
            if c.block and not (row and _inside(c, row[-1])):
                flush()
            continue
        if row:
            last = row[-1]
            between = lines[last.end[0] + 1 : c.line] if last.end else ["x"]
            if (
                c.parent is not last.parent
                or any(x.strip() and x.strip() != "--" for x in between)
                or (last.end and lines[last.end[0]][last.end[1] + 1 :].strip())
            ):
                flush()
        # (`.right-column[…]` again: floats of one class too wide for two side by side stack, the later under
        # the earlier, as a browser wraps them; `.col-4[…]` three times, or `.pull-left` twice, sit side by side)
        c.joined = bool(row) and row[-1].classes[0] == c.classes[0] and 2 * (c.width or 0) > 100
        row.append(c)
        before = row[-2].end if len(row) > 1 else None
        if (
            before is not None and not c.joined
        ):  # (`--` between two columns: the later one comes on that click, beside the other)
            c.click = next((before[0] + 1 + j for j, x in enumerate(between) if x == "--"), None)
            c.words = [
                (before[0] + 1 + j, x) for j, x in enumerate(between) if x != "--" and x.strip() == "--"
            ]
    flush()


def _even_heights(row: list[_Construct]) -> None:
    """The blocks of a row that make one column (one, then those joined to it) given one height: the
    column's fence opens at the first and closes at the last, with as many colons."""
    run: list[_Construct] = []
    for c in [*row, None]:
        if run and (c is None or not c.joined):
            top = max(x.height for x in run)
            for x in run:
                x.height = top
            run = []
        if c is not None:
            run.append(c)


def _inside(c: _Construct, other: _Construct) -> bool:
    p = c.parent
    while p is not None:
        if p is other:
            return True
        p = p.parent
    return False
