"""Raw HTML in a lecture, read the way pandoc's pptx writer reads it: the words stay, the markup goes.

A lecture written for reveal.js or Quarto mixes HTML into its Markdown (``<p style=…>``,
``<span>``, ``<div>``, ``<br>``, ``<img>``).  Podium never renders HTML: it parses it with the
standard library's HTML tokenizer and turns it back into Markdown text, so the author's words (and
the Markdown inside the HTML) are kept and every tag and attribute is dropped:

* ``<br>`` becomes a hard line break; ``<img src=… alt=… width=…>`` becomes a Markdown picture,
  which then goes through the same path policy as ``![](…)``; ``<a href=…>`` a link of its words
  (vetted as a Markdown link is);
* block tags (``p``, ``div``, ``li``, headings…) separate paragraphs; ``<li>`` becomes a bullet;
* inline formatting (``<b>``, ``<i>``, ``<sup>``…, a ``<span>`` or ``<font>`` whose only style is a colour,
  bold or italic) is kept as its tag, which the Markdown read again draws as it draws such a tag in a line
  of Markdown (closed at the end of each paragraph and opened again in the next, so each is whole);
* comments, and the content of ``script``, ``style``, ``iframe``, ``object``, ``svg``, ``template``…
  are dropped entirely;
* text that came from a character reference (``&lt;script&gt;``) is escaped, so it stays text.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from html import escape, unescape
from html.entities import html5 as _ENTITIES
from html.parser import HTMLParser

BLOCK_TAGS = frozenset(
    """p div section article header footer aside main nav center blockquote figure figcaption
table thead tbody tfoot tr td th ul ol dl dt dd h1 h2 h3 h4 h5 h6 pre hr form fieldset details summary
address body html""".split()
)
DROP_CONTENT = frozenset(
    """script style template iframe object embed noscript head title svg math video audio
canvas select textarea button map frameset frame applet""".split()
)
# what begins a list item whose words (its nested items too) are a reveal.js fragment (an item ending in
# `<!-- .element: class="fragment" -->`, `<li class="fragment">`): the reader makes the item a fragment div,
# so that the other items and what follows the list are shown at once, as reveal.js shows them
FRAGMENT_ITEM = "\\pause[fragment]"
# what a reader sees on the page though its words are dropped with the element: said, with those words
SHOWN_DROPPED = frozenset({"button", "select", "textarea", "math"})
# inline elements a browser draws as code (in a code face, as written): read as Markdown code spans
CODE_TAGS = frozenset({"code", "kbd", "samp", "tt"})
# inline tags drawn as what they say, kept (without their attributes) in the Markdown an HTML block gives
KEPT_FORMATTING = frozenset("b strong i em cite dfn var s del strike u ins sup sub mark".split())
_MD_ESCAPE = re.compile(r"([<&\\`*_\[\]!#$])")
# what an open list item of the flattener holds so far: nothing, words, words then the end of a block
_FRESH, _WORDS, _BLOCK = range(3)


# a named character reference and what follows it in an attribute value (its name's letters and digits)
_NAMED_REF = re.compile(r"&([A-Za-z][A-Za-z0-9]*)(;?)")
# a start tag, whose attribute values follow HTML's rule for references (_attribute_refs)
_START_TAG = re.compile(r"<[A-Za-z][^<>]*>")


def _kept_ref(mt: re.Match) -> bool:
    """Whether the named reference ``mt`` (of _NAMED_REF) in an attribute value stays as written, as HTML
    says: a legacy one written without its ``;`` (``&cent``, ``&copy``, ``&para``, ``&not``) where a letter,
    a digit or ``=`` follows it (``&centerImageUrl``, ``&copy=1``, ``&para2``, ``&notify``)."""
    name, semi = mt.group(1), mt.group(2)
    if semi and name + ";" in _ENTITIES:
        return False
    legacy = next((k for k in range(len(name), 0, -1) if name[:k] in _ENTITIES), 0)
    if not legacy:
        return False  # (no reference at all: unescape keeps it too)
    after = name[legacy:] or mt.string[mt.end() : mt.end() + 1]
    return after[:1].isalnum() or after[:1] == "="


def unescape_attribute(value: str) -> str:
    """An attribute value with its character references decoded as a browser decodes them: ``&amp;``,
    ``&cent;`` and ``&#38;`` are, but a legacy name without its ``;`` followed by a letter, a digit or ``=``
    is not (``?size=300&centerImageUrl=x`` stays an address, not ``¢erImageUrl``)."""
    return unescape(_attribute_refs(value)) if "&" in value else value


def _attribute_refs(value: str) -> str:
    """``value`` with the ``&`` of every reference HTML keeps as written (:func:`_kept_ref`) as ``&amp;``."""
    return _NAMED_REF.sub(lambda mt: "&amp;" + mt.group(0)[1:] if _kept_ref(mt) else mt.group(0), value)


def attribute_refs_kept(html: str) -> str:
    """HTML whose start tags' references HTML keeps as written are escaped (:func:`_attribute_refs`), so
    that a parser that decodes every one (Python's ``HTMLParser``) reads their values as a browser does."""
    return _START_TAG.sub(lambda mt: _attribute_refs(mt.group(0)), html) if "&" in html else html


class _AttributeReader(HTMLParser):
    """An ``HTMLParser`` that reads attribute values as a browser does (:func:`attribute_refs_kept`)."""

    def feed(self, data: str) -> None:
        super().feed(attribute_refs_kept(data))


def _escape_data(text: str) -> str:
    """Escape characters in text that came from a character reference so Markdown keeps them literal."""
    return _MD_ESCAPE.sub(r"\\\1", text)


class _Flattener(_AttributeReader):
    """Feed HTML; ``out`` collects Markdown text (the words and the Markdown between the tags)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.out: list[str] = []
        self.skip: list[str] = []  # open tags whose content is dropped
        # (tag, words, its line from 0) of dropped content a page shows (SHOWN_DROPPED)
        self.lost: list[tuple[str, str, int]] = []
        self.lost_at = 0  # the line of the open SHOWN_DROPPED element
        self.code: list[str] | None = None  # the text of an open <code> (CODE_TAGS), as written
        self.code_tag = ""
        # the open lists, outermost first: [tag, whether an item is open, what its item holds so far
        # (_FRESH, _WORDS or _BLOCK: a block of it ended, its next words a paragraph of the item), its depth]
        self.lists: list[list] = []
        self.figures: list[_Figure] = []  # the open <figure>s, outermost first
        self.link_at: int | None = None  # where an open <a href> was written (its words become a link's)
        self.at: list[int] = []  # the line (from 0) of the HTML each piece of ``out`` was written for
        self.copied: list[bool] = []  # whether each piece is the HTML's own text (its line breaks its lines')
        # the open inline formatting (KEPT_FORMATTING, a <span> or <font>): [tag, its opening tag as written
        # again ("": a span not kept, whose words are plain), whether that is written in the paragraph now]
        self.formats: list[list] = []

    def emit(self, text: str, copied: bool = False, below: int = 0, marker: bool = False) -> None:
        """Write ``text`` for what the tokenizer is reading now, ``below`` lines under it (its line kept in
        :attr:`at`; -1 for a piece that is no words of its own, as a link's opening tag).  In an open list
        item (not its ``marker``), the item's first words go on its marker's line and words after a block
        of it (``<li><span>01</span><div>…</div></li>``) are indented into it, a paragraph of the item: not
        left-aligned after the list, which would end it (every item a list of its own, each "1.")."""
        item = self.lists[-1] if self.lists and self.lists[-1][1] else None
        if item is not None and not marker and item[2] != _WORDS:
            if not text.strip():
                return
            lead = text[: len(text) - len(text.lstrip())]
            if item[2] == _FRESH:
                text, below = text.lstrip(), below + (lead.count("\n") if copied and below >= 0 else 0)
            else:
                text = lead + _ITEM_INDENT * (item[3] + 1) + text.lstrip()
            item[2] = _WORDS
        self.out.append(text)
        self.at.append(-1 if below < 0 else self.getpos()[0] - 1 + below)
        self.copied.append(copied)

    def lines(self) -> list[int]:
        """For each line of the Markdown written (``"".join(out)``), the line of the HTML its first words
        came from: a picture's or a paragraph's own line, not the block's first."""
        found: list[int | None] = [None]
        for text, line, copied in zip(self.out, self.at, self.copied, strict=True):
            for i, part in enumerate(text.split("\n")):
                if i:
                    found.append(None)
                if part.strip() and found[-1] is None and line >= 0:
                    found[-1] = line + (i if copied else 0)
        lines, last = [], 0
        for said in found:
            last = last if said is None else said
            lines.append(last)
        return lines

    # text
    def handle_data(self, data: str) -> None:
        if self.code is not None and not self.skip:
            self.code.append(data)
        elif not self.skip and self.link_at is not None:
            self.link_words(data, self.link_at)
        elif not self.skip:
            self.emit(self.formatted(data), copied=True)
        elif self.skip[0] in SHOWN_DROPPED and data.strip():
            self.lost.append((self.skip[0], " ".join(data.split()), self.lost_at))

    def handle_entityref(self, name: str) -> None:
        self.reference(f"&{name};")

    def handle_charref(self, name: str) -> None:
        self.reference(f"&#{name};")

    def link_words(self, data: str, opened: int) -> None:
        """Words inside the ``<a href>`` written at piece ``opened``: on the line of the tag, as a browser draws
        them (its line breaks and indentation one space; none first), so that the Markdown read again is a
        link of them, not a tag alone on its line (an HTML block) and its words under it."""
        words = re.sub(r"\s+", " ", data)
        if not "".join(self.out[opened + 1 :]).strip():
            words = words.lstrip()
        if words:
            self.emit(words, below=data[: len(data) - len(data.lstrip())].count("\n"))

    def reference(self, written: str) -> None:
        if self.code is not None and not self.skip:
            self.code.append(unescape(written))
        elif not self.skip:
            self.emit(self.formatted(_escape_data(unescape(written))))

    def code_done(self) -> None:
        """An open ``<code>`` ends: its text as a Markdown code span on one line (a browser draws its spaces
        and line breaks as one space, as a code span does)."""
        if self.code is None:
            return
        text, self.code = " ".join("".join(self.code).split()), None
        if not text:
            return
        ticks = "`" * (max((len(run) for run in re.findall(r"`+", text)), default=0) + 1)
        pad = " " if text.startswith("`") or text.endswith("`") else ""
        self.emit(self.formatted(f"{ticks}{pad}{text}{pad}{ticks}"))

    def formatted(self, text: str) -> str:
        """``text`` with the opening tags of the formatting open around it not yet written in this paragraph
        before its first words (never alone on a line, which Markdown would read as an HTML block)."""
        body = text.lstrip()
        waiting = [f for f in self.formats if f[1] and not f[2]]
        if not body or self.link_at is not None or not waiting:
            return text
        for f in waiting:
            f[2] = True
        return text[: len(text) - len(body)] + "".join(f[1] for f in waiting) + body

    def formats_closed(self) -> None:
        """A paragraph ends: the formatting written in it closed (innermost first), to be opened again
        before the words of the next (:meth:`formatted`)."""
        for f in reversed(self.formats):
            if f[2]:
                f[2] = False
                self.emit(_closing(f[0]), marker=True)

    def kept_format(self, tag: str, attrs: dict[str, str]) -> str:
        """The opening tag the Markdown keeps for an opening ``tag`` of inline formatting
        (:data:`KEPT_FORMATTING`; a ``<span>`` or ``<font>`` whose attributes are only a colour, bold or
        italic, drawn, as a ``<span>``), else ""."""
        if tag in KEPT_FORMATTING:
            return f"<{tag}>"
        style = attrs.get("style", "")
        if not attrs or not only_colour(tag, attrs, SPAN_STYLES) or not style_drawn(style):
            return ""
        colour = style_colour(style) or (css_colour(attrs.get("color", "")) if tag == "font" else "")
        bold, italic = style_emphasis(style)
        said = "; ".join(
            d
            for d, on in (
                (f"color:{colour}", colour),
                ("font-weight:bold", bold),
                ("font-style:italic", italic),
            )
            if on
        )
        return f'<span style="{said}">' if said else ""

    def handle_comment(self, data: str) -> None:
        pass

    # tags
    def handle_starttag(self, tag: str, attrs) -> None:
        if self.skip or tag in DROP_CONTENT:
            if tag in DROP_CONTENT and tag not in ("embed",):
                if not self.skip:
                    self.lost_at = self.getpos()[0] - 1
                self.skip.append(tag)
            return
        if self.code is not None and tag not in BLOCK_TAGS:
            self.code.append(" " if tag == "br" else "")  # (markup inside code: its words are the code's)
            return
        if tag in CODE_TAGS:
            self.code, self.code_tag = [], tag
            return
        a = {k: (v or "") for k, v in attrs}
        if tag in KEPT_FORMATTING or tag in ("span", "font"):  # (inside a link: its words only)
            self.formats.append([tag, self.kept_format(tag, a) if self.link_at is None else "", False])
            return
        if tag == "a" and a.get("href", "").strip() and self.link_at is None:
            # kept as a tag: the Markdown read again makes it a link (podium.markdown._html_links)
            self.link_at = len(self.out)
            self.emit(f'<a href="{escape(a["href"].strip(), quote=True)}">', below=-1)
        elif tag == "br":
            self.emit("\\\n")
        elif tag == "img":
            if self.figures:
                a = self.figures[-1].picture(len(self.out), a)
            self.emit(picture_markdown(a))
        elif tag in ("ul", "ol"):
            if self.lists and self.lists[-1][1]:
                self.lists[-1][2] = _WORDS  # (the item it is in: its words after it are a paragraph of it)
            self.lists.append([tag, False, _FRESH, 0])
            self.block_boundary()
        elif tag == "li":
            # indented under the items it is inside (not under every list: <ul><ol><li> without an
            # item between the lists would otherwise be indented into a code block)
            depth = sum(1 for entry in self.lists[:-1] if entry[1])
            marker = "1." if self.lists and self.lists[-1][0] == "ol" else "-"
            self.block_boundary()
            if self.lists:  # (an item before it without its </li> ends here)
                self.lists[-1][1:] = [True, _FRESH, depth]
            # (reveal.js's class="fragment" and Marp's data-marpit-fragment: a click)
            # (the whole item, its nested items too, as reveal.js brings in the <li>: the others shown at once)
            clicked = "fragment" in a.get("class", "").split() or "data-marpit-fragment" in a
            order = a.get("data-fragment-index", a.get("data-marpit-fragment", "")) or ""
            order = order.strip() if order.strip().isdigit() and len(order.strip()) < 4 else ""
            pause = (FRAGMENT_ITEM[:-1] + f"={order}] " if order else FRAGMENT_ITEM + " ") if clicked else ""
            self.emit(_ITEM_INDENT * depth + marker + " " + pause, marker=True)
        elif tag == "hr":
            self.block_boundary()
        elif tag in BLOCK_TAGS:
            self.block_boundary()
            if tag == "figure":
                self.figures.append(_Figure(picture_float(a)))
            elif tag == "figcaption" and self.figures:
                self.figures[-1].caption = [len(self.out), len(self.out)]

    def block_boundary(self) -> None:
        """A paragraph ends: a link open across it (a card of blocks inside ``<a>``) keeps only its words.
        In an open list item, the paragraph is the item's (a block before its first words ends none)."""
        self.code_done()
        self.formats_closed()
        if self.link_at is not None:
            self.out[self.link_at] = ""
            self.link_at = None
        item = self.lists[-1] if self.lists and self.lists[-1][1] else None
        if item is not None:
            if item[2] == _WORDS:
                item[2] = _BLOCK
                self.emit("\n\n", marker=True)
            return
        self.emit("\n\n")

    def handle_startendtag(self, tag: str, attrs) -> None:
        if tag in DROP_CONTENT:
            return
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if self.skip:
            if tag == self.skip[-1]:
                self.skip.pop()
            return
        if self.code is not None and tag == self.code_tag:
            self.code_done()
        elif self.code is not None and tag not in BLOCK_TAGS:
            return
        elif tag in KEPT_FORMATTING or tag in ("span", "font"):
            self.format_ended(tag)
        elif tag == "a" and self.link_at is not None:
            if self.out[-1] != self.out[self.link_at]:
                self.out[-1] = self.out[-1].rstrip(" ")  # (`<a href> words </a>`: the words are the link's)
            self.link_at = None
            self.emit("</a>")
        elif tag == "li" and self.lists:
            self.lists[-1][1] = False
        elif tag in ("ul", "ol") and self.lists:
            self.lists.pop()
            self.block_boundary()
        elif tag == "figcaption" and self.figures and self.figures[-1].caption:
            self.figures[-1].caption[1] = len(self.out)
            self.block_boundary()
        elif tag == "figure" and self.figures:
            self.figures.pop().captioned(self.out)
            self.block_boundary()
        elif tag in BLOCK_TAGS:
            self.block_boundary()

    def format_ended(self, tag: str) -> None:
        """The end tag of inline formatting: the innermost open one of that tag (a ``<span>``'s or
        ``<font>``'s, kept or not) closed, where its opening was written."""
        kinds = ("span", "font") if tag in ("span", "font") else (tag,)
        for k in range(len(self.formats) - 1, -1, -1):
            f = self.formats[k]
            if f[0] in kinds:
                del self.formats[k]
                if f[2]:
                    self.emit(_closing(f[0]), marker=True)
                return

    def unknown_decl(self, data: str) -> None:
        pass

    def handle_pi(self, data: str) -> None:
        pass

    def handle_decl(self, decl: str) -> None:
        pass


class _Figure:
    """An open ``<figure>``: its side (``style="float:right"``), the pieces of the flattener's output its
    pictures were written at, and the span of pieces its ``<figcaption>`` wrote."""

    def __init__(self, side: str) -> None:
        self.side = side
        self.pictures: list[int] = []
        self.caption: list[int] = []  # [first piece, piece after the last]

    def picture(self, at: int, attrs: dict[str, str]) -> dict[str, str]:
        """An ``<img>`` of the figure, written at piece ``at``: its attributes, floated as the figure is."""
        self.pictures.append(at)
        if self.side and not picture_float(attrs):
            return {**attrs, "style": f"float:{self.side}"}
        return attrs

    def captioned(self, out: list[str]) -> None:
        """The figure ends: a figure of one picture with a caption has the caption as the picture's (a
        Markdown figure's: ``![caption](x.png)``), and its words are no paragraph of their own."""
        if len(self.pictures) != 1 or not self.caption or not out[self.pictures[0]].startswith("![]"):
            return
        first, end = self.caption
        if first <= self.pictures[0] < end:
            return
        words = " ".join(re.sub(r"</?a\b[^<>]*>|\\\n", " ", "".join(out[first:end])).split())
        if not words:
            return
        if words.count("[") != words.count("]"):
            words = re.sub(r"(?<!\\)([\[\]])", r"\\\1", words)
        out[self.pictures[0]] = f"![{words}]" + out[self.pictures[0]][3:]
        for k in range(first, end):
            out[k] = "\n" * out[k].count("\n")


def _closing(tag: str) -> str:
    """The end tag the Markdown keeps for inline formatting ``tag`` (a ``<font>``'s: ``</span>``)."""
    return "</span>" if tag in ("span", "font") else f"</{tag}>"


def style_colour(style: str) -> str:
    """The ``color`` of a CSS declaration list (``"color: red; padding: 2px"``) as ``#RRGGBB``, or ""
    (none, or not a colour: a name CSS knows, ``#rgb``, ``#rrggbb``, ``rgb(…)`` or ``hsl(…)``)."""
    found = _COLOR_DECL.search(style or "")
    return css_colour(found.group(1)) if found else ""


def css_colour(value: str) -> str:
    """``value`` (a CSS colour) as ``#RRGGBB``, or "" when it is none (``inherit``, a typo, too long)."""
    value = value.strip().lower()
    if not value or len(value) > 40:
        return ""
    from PIL import ImageColor  # noqa: PLC0415 (only a lecture with coloured words needs it)

    try:
        rgb = ImageColor.getrgb(value)
    except ValueError:
        return ""
    return "#{:02X}{:02X}{:02X}".format(*rgb[:3])


def only_colour(tag: str, attrs: dict[str, str], drawn: frozenset[str] = frozenset({"color"})) -> bool:
    """True when ``attrs`` of a ``<span>`` or ``<font>`` say nothing but a text colour (so nothing is lost;
    ``drawn``: the CSS properties drawn, e.g. also :data:`SPAN_STYLES` where bold and italic are)."""
    for key, value in attrs.items():
        if key == "color" and tag == "font":
            continue
        if key != "style":
            return False
        props = [d.split(":", 1)[0].strip().lower() for d in value.split(";") if d.strip()]
        if any(p not in drawn for p in props):
            return False
    return True


SPAN_STYLES = frozenset({"color", "font-weight", "font-style"})  # what a span's style is drawn with


def style_drawn(style: str) -> bool:
    """Is every ``font-weight`` and ``font-style`` of a CSS declaration list one that is drawn (bold,
    italic), not one that would be lost (``font-weight: normal`` inside bold words)?"""
    bold, italic = style_emphasis(style)
    said = {d.split(":", 1)[0].strip().lower() for d in (style or "").split(";") if ":" in d}
    return ("font-weight" not in said or bold) and ("font-style" not in said or italic)


def style_emphasis(style: str) -> tuple[bool, bool]:
    """(bold, italic) that a CSS declaration list says: ``font-weight: bold`` (or 600 and over),
    ``font-style: italic`` (or oblique)."""
    weight = re.search(r"(?:^|;)\s*font-weight\s*:\s*([^;]+)", style or "", re.I)
    slant = re.search(r"(?:^|;)\s*font-style\s*:\s*([^;]+)", style or "", re.I)
    w = weight.group(1).strip().lower() if weight else ""
    bold = w in ("bold", "bolder") or (w.isdigit() and int(w) >= 600)
    italic = slant is not None and slant.group(1).strip().lower() in ("italic", "oblique")
    return bold, italic


_COLOR_DECL = re.compile(r"(?:^|;)\s*color\s*:\s*([^;]+)", re.I)


def picture_source(attrs: dict[str, str]) -> str:
    """An ``<img>``'s address: its ``src``, or reveal.js's lazily loaded ``data-src`` (the form reveal.js's
    docs recommend)."""
    return (attrs.get("src", "").strip() or attrs.get("data-src", "")).strip()


_FLOAT_DECL = re.compile(r"(?:^|;)\s*float\s*:\s*(left|right)\s*(?:!important\s*)?(?:;|$)", re.I)


def picture_float(attrs: Mapping[str, str]) -> str:
    """The side a picture floats to beside the text (``style="float:right"``, HTML's ``align="left"``):
    ``left``, ``right`` or ""."""
    said = _FLOAT_DECL.search(attrs.get("style", "") or "")
    if said is not None:
        return said.group(1).lower()
    align = (attrs.get("align", "") or "").strip().lower()
    return align if align in ("left", "right") else ""


def picture_markdown(attrs: dict[str, str]) -> str:
    """Return ``![alt](<src>){width=…}`` for an ``<img>``'s attributes ("" when it has no usable src); a
    picture floated beside the text keeps its side as ``style="float:…"`` (:func:`picture_float`)."""
    src = picture_source(attrs)
    if not src or any(c in src for c in "<>\n"):
        return ""
    alt = " ".join(re.sub(r"[\\\n\"{}]", " ", attrs.get("alt", "")).split())
    size = [f'fig-alt="{alt}"'] if alt else []  # alt text, not a caption: HTML never shows it
    for key in ("width", "height"):
        value = attrs.get(key, "").strip()
        if re.fullmatch(r"[0-9]*\.?[0-9]+(%|px|in|cm|mm|pt|em)?", value):
            size.append(f"{key}={value if not value[-1].isdigit() else value + 'px'}")
    side = picture_float(attrs)
    if side:
        size.append(f'style="float:{side}"')
    tail = "{" + " ".join(size) + "}" if size else ""
    return f"![](<{src}>){tail}"


@dataclass
class HtmlTable:
    """An HTML ``<table>`` read as a table: each cell's inner HTML (inline markup kept for the reader),
    whether the first row is a header, the columns' alignment and the caption."""

    rows: list[list[str]]
    header: bool
    aligns: list[str]
    caption: str
    spanned: bool = False  # a cell spanned rows or columns: its words are in the first, the rest empty
    lines: list[list[int]] = field(default_factory=list)  # each cell's line in the HTML (1-based), unspanned


class _TableReader(_AttributeReader):
    """Collect the cells of one table, with the columns and rows each spans; ``failed`` when it is not
    one Podium reads (a table inside a cell)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.rows: list[list[str]] = []
        self.kinds: list[list[str]] = []  # "th" or "td" per cell
        self.spans: list[list[tuple[int, int]]] = []  # (columns, rows) each cell spans
        self.lines: list[list[int]] = []  # the line each cell starts on
        self.first_aligns: list[str] = []  # each cell's of the first row
        self.caption: list[str] | None = None  # while inside <caption>
        self.caption_text = ""
        self.cell: list[str] | None = None
        self.depth = 0
        self.in_head = False
        self.head_rows = 0
        self.failed = False
        self.skip = 0

    def handle_starttag(self, tag, attrs):
        a = {k: (v or "") for k, v in attrs}
        if tag == "table":
            self.depth += 1
            if self.depth > 1:
                self.failed = True
            return
        if tag in DROP_CONTENT:
            self.skip += 1
        if self.skip:
            return
        if tag == "thead":
            self.in_head = True
        elif tag == "tr":
            self.new_row()
            if self.in_head:
                self.head_rows += 1
        elif tag in ("td", "th"):
            if not self.rows:
                self.new_row()
            self.cell = []
            self.rows[-1].append("")
            self.kinds[-1].append(tag)
            self.lines[-1].append(self.getpos()[0])
            # (as a browser reads them: a number, at most 1000 columns; 0 rows is to the table's end)
            self.spans[-1].append((_span(a.get("colspan"), 1, 1000), _span(a.get("rowspan"), 0, 65534)))
            align = (
                a.get("align", "")
                or (re.search(r"text-align\s*:\s*(\w+)", a.get("style", "")) or [None, ""])[1]
            )
            if len(self.rows) == 1:
                self.first_aligns.append(align.lower())
        elif tag == "caption":
            self.caption = []
        elif self.cell is not None or self.caption is not None:
            text = " " if tag in BLOCK_TAGS or tag == "br" else (self.get_starttag_text() or "")
            (self.cell if self.cell is not None else self.caption).append(text)

    def new_row(self) -> None:
        self.rows.append([])
        self.kinds.append([])
        self.spans.append([])
        self.lines.append([])

    def laid_out(self) -> tuple[list[list[str]], list[list[str]], dict[int, str], bool]:
        """The table's rows as a grid, a cell spanning columns or rows written in the first of them and
        the others empty: (the rows' cells, their kinds, the columns' alignment (from the first row's
        cells of one column), whether any cell spanned)."""
        grid: list[list[str]] = []
        kinds: list[list[str]] = []
        aligns: dict[int, str] = {}
        covered: dict[tuple[int, int], str] = {}  # (row, column) a cell above or to the left spans: kind
        starts: set[int] = set()  # the columns where a cell begins
        spanned = False

        def fill(r: int, cells: list[str], cell_kinds: list[str]) -> None:
            while (r, len(cells)) in covered:  # (the cells a spanning cell covers: empty)
                cell_kinds.append(covered[(r, len(cells))])
                cells.append("")

        for r, (row, row_kinds, row_spans) in enumerate(zip(self.rows, self.kinds, self.spans)):
            cells: list[str] = []
            cell_kinds: list[str] = []
            for k, (text, kind, (across, down)) in enumerate(zip(row, row_kinds, row_spans)):
                fill(r, cells, cell_kinds)
                c = len(cells)
                if r == 0 and across == 1 and k < len(self.first_aligns) and self.first_aligns[k]:
                    aligns[c] = self.first_aligns[k]
                down = min(down or len(self.rows), len(self.rows) - r)
                spanned = spanned or across > 1 or down > 1
                for dr in range(down):
                    for dc in range(across):
                        if dr or dc:
                            covered[(r + dr, c + dc)] = kind
                starts.add(c)
                cells.append(text)
                cell_kinds.append(kind)
            fill(r, cells, cell_kinds)
            grid.append(cells)
            kinds.append(cell_kinds)
        # (no column of empty cells a span alone made: colspan="1000" on the last cell is one column)
        width = max(starts, default=0) + 1
        return [row[:width] for row in grid], [k[:width] for k in kinds], aligns, spanned

    def handle_endtag(self, tag):
        if tag == "table":
            self.depth -= 1
            return
        if tag in DROP_CONTENT and self.skip:
            self.skip -= 1
            return
        if self.skip:
            return
        if tag == "thead":
            self.in_head = False
        elif tag in ("td", "th") and self.cell is not None:
            self.rows[-1][-1] = " ".join("".join(self.cell).split())
            self.cell = None
        elif tag == "caption":
            self.caption_text = " ".join("".join(self.caption or []).split())
            self.caption = None
        elif self.cell is not None and tag not in BLOCK_TAGS:
            self.cell.append(f"</{tag}>")

    def _text(self, data: str) -> None:
        if self.skip:
            return
        if self.cell is not None:
            self.cell.append(data)
        elif self.caption is not None:
            self.caption.append(data)

    def handle_data(self, data):
        self._text(data)

    def handle_entityref(self, name):
        self._text(f"&{name};")

    def handle_charref(self, name):
        self._text(f"&#{name};")


def html_table(html: str) -> HtmlTable | None:
    """``html`` (one ``<table>…</table>``) as a table; None when it is not a simple one."""
    reader = _TableReader()
    reader.feed(html)
    reader.close()
    kept = [k for k, row in enumerate(reader.rows) if row]  # (a <tr> without cells: no row)
    reader.rows = [reader.rows[k] for k in kept]
    reader.kinds = [reader.kinds[k] for k in kept]
    reader.spans = [reader.spans[k] for k in kept]
    reader.lines = [reader.lines[k] for k in kept]
    if reader.failed or not reader.rows:
        return None
    rows, kinds, by_column, spanned = reader.laid_out()
    ncols = max(len(r) for r in rows)
    header = reader.head_rows > 0 or all(k == "th" for k in kinds[0])
    aligns = [by_column.get(j, "") for j in range(ncols)]
    return HtmlTable(rows, header, aligns, reader.caption_text, spanned, [] if spanned else reader.lines)


def _span(value: str | None, empty: int, most: int) -> int:
    """A ``colspan``/``rowspan`` value as a browser reads it: its leading number, at most ``most``;
    1 where it is none (``empty`` where it is 0: a rowspan of 0 is to the table's end)."""
    found = re.match(r"\s*\+?(\d+)", value or "")
    if found is None:
        return 1
    number = int(found.group(1)[:6])
    return min(number, most) if number else empty


# the tags of an HTML list drawn as it says (the list, its items' words and their inline formatting)
_LIST_TAGS = frozenset("ul ol li br a".split())
_TAG = re.compile(r"<(/?)([A-Za-z][\w-]*)([^<>]*)>")


def _drawn_formatting(t: re.Match) -> bool:
    """Is tag ``t`` (of :data:`_TAG`) inline formatting the flattener keeps and draws whole: a
    :data:`KEPT_FORMATTING` or code tag without attributes, a ``<span>``/``<font>`` of only a colour, bold
    or italic?"""
    name, attrs = t.group(2).lower(), t.group(3).strip().rstrip("/").strip()
    if name in KEPT_FORMATTING or name in CODE_TAGS:
        return not attrs
    if name not in ("span", "font"):
        return False
    if t.group(1):
        return True
    said = read_inline_tag(t.group(0)).attrs
    return bool(said) and only_colour(name, said, SPAN_STYLES) and style_drawn(said.get("style", ""))


def formatted_words(html: str) -> bool:
    """Is ``html`` paragraphs of words (``<p>``, a ``<div>`` without attributes, ``<br>``) and inline
    formatting the flattener keeps (:func:`_drawn_formatting`), and nothing else: drawn as it says?"""
    tags = list(_TAG.finditer(html))
    if not tags or html.lstrip()[:1] != "<" or "<!--" in html:
        return False
    return all(
        _drawn_formatting(t)
        or t.group(2).lower() in ("p", "div", "br")
        and not t.group(3).strip().rstrip("/").strip()
        for t in tags
    )


def plain_html_list(html: str) -> bool:
    """Is ``html`` an HTML list and nothing else (items' words with inline formatting, links, and
    reveal.js's ``class="fragment"`` and Marp's ``data-marpit-fragment`` items), which Podium draws as
    the list it is?"""
    tags = list(_TAG.finditer(html))
    if not tags or tags[0].group(2).lower() not in ("ul", "ol") or html.lstrip()[:1] != "<":
        return False
    for t in tags:
        name, attrs = t.group(2).lower(), t.group(3).strip().rstrip("/").strip()
        if name not in _LIST_TAGS and _drawn_formatting(t):
            continue
        if name not in _LIST_TAGS:
            return False
        if attrs and not (
            name == "a"
            and re.fullmatch(r"""(\s*(href|title|target)\s*=\s*("[^"]*"|'[^']*'))+\s*""", " " + attrs)
            or name == "li"
            and re.fullmatch(
                r"""(class\s*=\s*["']\s*fragment|data-marpit-fragment\s*=\s*["']\s*\d*)\s*["']""", attrs
            )
        ):
            return False
    return True


# the tags of an HTML block Podium reads as what it means: pictures, their figure and caption, links
_MEANT_TAGS = frozenset("figure figcaption a img br p".split())
_FLOAT_ONLY = re.compile(
    r"""\s*style\s*=\s*(["'])(?:\s*float\s*:\s*(?:left|right|none)\s*;?)*\s*\1\s*""", re.I
)


def pictures_and_links(html: str) -> bool:
    """Is ``html`` pictures (``<img>``, in a ``<figure>`` with its ``<figcaption>``) and links (``<a href>``)
    with their words, over any number of lines, and nothing else: read as the pictures, captions and links
    they are, with nothing a page shows dropped (a figure's ``float`` is its picture's)?"""
    tags = list(_TAG.finditer(html))
    if html.lstrip()[:1] != "<" or "<!--" in html:
        return False
    meant = False
    for t in tags:
        name, attrs = t.group(2).lower(), t.group(3).strip().rstrip("/")
        if name not in _MEANT_TAGS:
            return False
        if name == "img" or name == "a" and not t.group(1):
            meant = meant or name == "img" or bool(read_inline_tag(t.group(0)).attrs.get("href", "").strip())
        elif attrs.strip() and not _FLOAT_ONLY.fullmatch(attrs):
            return False
    return meant


def html_block_to_markdown(
    html: str, lost: list[tuple[str, str, int]] | None = None, lines: list[int] | None = None
) -> str:
    """Return the Markdown text an HTML block holds, tags and attributes dropped (``<code>``'s text as
    a code span).  ``lost`` gets the (tag, words, its line of ``html`` from 0) of the content dropped
    with its element that a page would show (a button's label);
    ``lines``, for each line of the Markdown, the line of ``html`` (from 0) it came from."""
    f = _Flattener()
    f.feed(html)
    f.close()
    f.code_done()
    if lost is not None:
        lost.extend(f.lost)
    if lines is not None:
        lines.extend(f.lines())
    if f.link_at is not None:  # an <a href> never closed: its words only
        f.out[f.link_at] = ""
    text = "\n".join(_unindented("".join(f.out).split("\n")))
    return text.replace(_ITEM_INDENT, "    ")


_ITEM_INDENT = "\x00"  # a level of a nested <li> as the flattener writes it (a source never holds a NUL)
_LIST_LINE = re.compile(r"^[ \t]*(?:[-*+]|\d+\.)\s")


def _unindented(lines: list[str]) -> list[str]:
    """An HTML block's lines without their indentation, which Markdown would read as code: each line
    left-aligned, but the lines of a list written in it moved left by its first line's indentation, so
    that its nesting stays."""
    run = HtmlRun()
    return [run.unindented(ln) for ln in lines]


class HtmlRun:
    """The lines of one HTML run (CommonMark's HTML block: the lines after a tag up to a blank line), moved
    left to ``base`` columns as a rewrite that ends the block (a tag turned into a fence) must move them:
    indented, CommonMark reads them as HTML, never as code, so they must not become code once they are
    Markdown.  A list written in the run keeps its nesting (its lines move left by its first line's
    indentation)."""

    def __init__(self, base: int = 0) -> None:
        self.base = base
        self.shift: int | None = None  # how far the open list's lines move left (None: no list open)
        self.blank = True

    def unindented(self, line: str) -> str:
        """``line`` of the run at most ``base`` columns in (a list's line: moved as its first line was)."""
        indent = len(line) - len(line.lstrip(" \t"))
        if _LIST_LINE.match(line):
            self.shift = max(0, indent - self.base) if self.shift is None else self.shift
            line = line[min(self.shift, indent) :]
        elif line.strip():
            self.shift = None if self.blank else self.shift  # (a paragraph after a blank line ends the list)
            line = " " * min(indent, self.base) + line.lstrip(" \t")
        self.blank = not line.strip()
        return line


class InlineTag:
    """One inline HTML token, as the tokenizer reads it: a start tag, an end tag or a comment."""

    __slots__ = ("kind", "tag", "attrs")

    def __init__(self, kind: str, tag: str = "", attrs: dict[str, str] | None = None):
        self.kind = kind  # "start" | "end" | "comment" | "other"
        self.tag = tag
        self.attrs = attrs or {}


class _TagReader(_AttributeReader):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[InlineTag] = []

    def handle_starttag(self, tag, attrs):
        self.found.append(InlineTag("start", tag, {k: (v or "") for k, v in attrs}))

    def handle_startendtag(self, tag, attrs):
        self.found.append(InlineTag("empty", tag, {k: (v or "") for k, v in attrs}))

    def handle_endtag(self, tag):
        self.found.append(InlineTag("end", tag))

    def handle_comment(self, data):
        self.found.append(InlineTag("comment"))


# the elements of HTML (and the SVG and MathML a page writes inline, and a few old ones browsers still
# know): a tag-like word of another name with no closing tag (`List<T>`, `Map<int>`) is words, not HTML
HTML_ELEMENTS = frozenset(
    """a abbr acronym address area article aside audio b base bdi bdo big blink blockquote body br button
    canvas caption center cite code col colgroup data datalist dd del details dfn dialog dir div dl dt em
    embed fieldset figcaption figure font footer form frame frameset h1 h2 h3 h4 h5 h6 head header hgroup
    hr html i iframe img input ins kbd label legend li link main map mark marquee menu meta meter nav nobr
    noscript object ol optgroup option output p param picture plaintext pre progress q rp rt ruby s samp
    script search section select slot small source span strike strong style sub summary sup table tbody
    td template textarea tfoot th thead time title tr track tt u ul var video wbr xmp
    svg g path rect circle ellipse line polyline polygon text tspan defs use symbol image marker
    lineargradient radialgradient stop clippath mask pattern filter foreignobject
    math mi mo mn ms mtext mrow mfrac msqrt mroot msub msup msubsup munder mover munderover mtable mtr
    mtd mspace mstyle semantics annotation""".split()
)


def read_inline_tag(html: str) -> InlineTag:
    """Return what the inline HTML token ``html`` (one tag or comment) is."""
    r = _TagReader()
    r.feed(html)
    r.close()
    return r.found[0] if r.found else InlineTag("other")


# the tags a block drawn only for looks is made of (a rule, an empty box): no component of a tool's own
_DRAWN_TAGS = frozenset(
    "html body div span hr br p center font section header footer main aside article".split()
)


def drawn_only(html: str) -> bool:
    """Whether HTML shows no words and nothing of its own: only tags drawn for looks
    (``<html><div style='float:left'></div><hr color='#EB811B'></html>``); not a picture, a table or a
    component of a tool's own (``<Youtube id="…"/>``, ``<CountdownTimer/>``), which stands for something."""
    if any(tag.lower() not in _DRAWN_TAGS for tag in re.findall(r"</?([A-Za-z][\w-]*)", html)):
        return False
    return not re.sub(r"<!--.*?-->|<[^<>]*>|&nbsp;", "", html, flags=re.S).strip()


def is_comment(html: str) -> bool:
    s = html.strip()
    return s.startswith("<!--") and s.endswith("-->")
