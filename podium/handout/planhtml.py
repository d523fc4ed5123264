"""Slide plans → HTML: the handout draws each slide from the same plan the deck writer places.

A plan's body is a list of chunks (text paragraphs with bullet levels, single objects, column
groups).  Paragraphs become real HTML lists again (nested ``ul``/``ol`` from the bullet levels),
headings inside a slide become sub-headings, quotes become ``blockquote``; objects (tables,
pictures, charts, code, display math) are drawn by :class:`~podium.handout.html.HtmlRenderer`
from the IR node the chunk carries.  A continuation part of a slide ("Title (cont.)") therefore
shows exactly the chunks the deck put on it.
"""

from __future__ import annotations

import html as _html
import re

from .. import model as m
from ..deck.plan import ColumnsChunk, ObjectChunk, Para, Run, TextChunk
from ..fancylists import marker_text
from .nodehtml import LABELLED_ITEM, ol_start, ol_type, spaces_into_styling


def esc(text: str) -> str:
    return _html.escape(text, quote=True)


def _str(value) -> str:
    """The plain value of a kind (an enum member or a string)."""
    return str(getattr(value, "value", value))


def runs_html(runs: tuple[Run, ...] | list[Run], math=None) -> str:
    """Return the HTML of formatted runs (gap-fill blanks as ``span.blank``; ``math(tex)`` draws math)."""
    out = []
    for r in runs:
        if r.tex and math is not None:
            out.append(math(r.tex))
            continue
        text = esc(r.text).replace("\v", "<br>")
        if r.blank:
            if r.text.strip("\u00a0 ") == "":  # the student's gap: its width, no words
                out.append(f'<span class="blank gap">{text}</span>')
                continue
            text = f'<mark class="blank answer">{text}</mark>'
        if r.code:
            text = f"<code>{text}</code>"
        if r.superscript or r.script > 0:
            text = f"<sup>{text}</sup>"
        elif r.script < 0:
            text = f"<sub>{text}</sub>"
        if r.strike:
            text = f"<del>{text}</del>"
        if r.underline:
            text = f"<u>{text}</u>"
        if r.smallcaps:
            text = f'<span class="smallcaps">{text}</span>'
        if r.italic:
            text = f"<em>{text}</em>"
        if r.bold:
            text = f"<strong>{text}</strong>"
        if r.mark:
            text = f"<mark>{text}</mark>"
        if r.link:  # (a link's colour on the link: its underline is drawn in it too)
            colour = f' style="color:{esc(r.colour)}"' if r.colour else ""
            text = f'<a href="{esc(r.link)}"{colour}>{text}</a>'
        elif r.colour:
            text = f'<span style="color:{esc(r.colour)}">{text}</span>'
        out.append(text)
    return spaces_into_styling("".join(out))


def _line_runs(p: Para, math=None) -> str:
    """A paragraph's runs in a ``<span class="ln">``, which a slide drawing gives no line height of its own
    (SLIDE_CSS): its lines are then as high as its paragraph's line height says, whatever face its
    characters are drawn in (a CJK face's taller ascent and descent would make a line with Chinese in it
    taller, and lower its bullet), as the deck's are."""
    return f'<span class="ln">{runs_html(p.runs, math)}</span>'


def _para_tag(p: Para, math=None) -> str:
    style = _str(p.style)
    align = _str(p.align)
    attr = f' style="text-align:{align}"' if align in ("left", "center", "right") else ""
    cls = {"heading": "subhead", "caption": "caption"}.get(style, "")
    cls_attr = f' class="{cls}"' if cls else ""
    return f"<p{cls_attr}{attr}>{_line_runs(p, math)}</p>"


def _number_room(paras, k: int) -> str:
    """The style of an ``<ol>`` opened at ``paras[k]`` whose numbers have two digits or more: room for
    them left of the text, as the deck's numbers get (measure.marker_room); "" for one digit."""
    level, widest = paras[k].level, paras[k].number
    for p in paras[k + 1 :]:
        if p.level < level or (p.level == level and _str(p.bullet) != "number"):
            break
        if p.level == level:
            widest = max(widest, p.number)
    digits = len(str(widest))
    return f' style="padding-left:{1.1 + 0.55 * (digits - 1):.2f}em"' if digits > 1 else ""


def paras_html(paras: tuple[Para, ...] | list[Para], math=None) -> str:
    """Return paragraphs as HTML, rebuilding nested lists from bullet levels and quotes from styles."""
    out: list[str] = []
    stack: list[tuple[int, str, tuple]] = []  # open lists: (level, tag, its numbering); each has an open <li>
    numbers: dict[int, int] = {}  # the number of the last numbered item at each level
    quote_open = False

    def close_to(level: int) -> None:
        while stack and stack[-1][0] >= level:
            out.append(f"</li></{stack.pop()[1]}>")

    for k, p in enumerate(paras):
        style = _str(p.style)
        bullet = _str(p.bullet)
        if quote_open and style not in ("quote", "attribution"):
            out.append("</blockquote>")
            quote_open = False
        if bullet in ("bullet", "number") or p.label:
            tag = "ol" if bullet == "number" else "ul"
            kind = (tag, p.numbering, p.delimiter) if tag == "ol" else (tag,)
            restart = tag == "ol" and p.number <= numbers.get(p.level, p.number - 1)  # (a list after a list)
            if p.label:  # (an item with a label of its own, \item[a)]: an item of the list it is in)
                tag, kind = next(((s[1], s[2]) for s in reversed(stack) if s[0] == p.level), ("ul", ("ul",)))
                restart = False
            while stack and (
                stack[-1][0] > p.level or (stack[-1][0] == p.level and (stack[-1][2] != kind or restart))
            ):
                out.append(f"</li></{stack.pop()[1]}>")
            if not p.label:
                numbers[p.level] = p.number
            if stack and stack[-1][0] == p.level:
                out.append("</li>")
            else:
                while (
                    stack[-1][0] if stack else -1
                ) < p.level - 1:  # (a list piece that starts deeper, after
                    gap = stack[-1][0] + 1 if stack else 0  # its parent's code: indented as in the deck)
                    out.append('<ul class="gap"><li class="gap" style="list-style: none; background: none">')
                    stack.append((gap, "ul", ("gap",)))
                start = (
                    ol_type(p.numbering) + ol_start(p.number) + _number_room(paras, k) if tag == "ol" else ""
                )
                out.append(f"<{tag}{start}>")
                stack.append((p.level, tag, kind))
            if p.label:
                out.append(LABELLED_ITEM + _line_runs(p, math))
            elif tag == "ol" and (p.numbering, p.delimiter) != (m.Numbering.DECIMAL, m.Delimiter.PERIOD):
                marker = marker_text(p.numbering, p.delimiter, p.number)
                out.append(f"<li style=\"list-style-type: '{marker} '\">{_line_runs(p, math)}")
            else:
                out.append(f"<li>{_line_runs(p, math)}")
            continue
        numbers = {k: v for k, v in numbers.items() if k < p.level}  # (a list ended at this level)
        if stack and stack[-1][0] < p.level:  # a further paragraph of the open item
            out.append(_para_tag(p, math))
            continue
        close_to(p.level)
        if p.level > 0 and style not in ("quote", "attribution"):  # an item's words with no item open
            while (stack[-1][0] if stack else -1) < p.level - 1:  # above them (LaTeX's \item[], or a
                gap = stack[-1][0] + 1 if stack else 0  # second paragraph opening a "(cont.)" part):
                out.append('<ul class="gap"><li class="gap" style="list-style: none; background: none">')
                stack.append((gap, "ul", ("gap",)))  # where an item's words start, as in the deck
            out.append(_para_tag(p, math))
            continue
        if style in ("quote", "attribution"):
            if not quote_open:
                out.append("<blockquote>")
                quote_open = True
            if style == "attribution":
                out.append(f'<footer class="attribution">{runs_html(p.runs, math)}</footer>')
            else:
                out.append(_para_tag(p, math))
            continue
        out.append(_para_tag(p, math))
    close_to(-1)
    if quote_open:
        out.append("</blockquote>")
    return "".join(out)


def chunks_html(chunks, renderer, slides: bool = False, drawn: bool = False) -> str:
    """Return the HTML of a plan's body chunks; ``renderer`` draws the objects.

    Chunks from ``::: slides`` are left out unless ``slides`` (the slides PDF draws them).  ``drawn``
    (a drawing of the slide): pictures and charts at the size the fitter decided for the deck, several
    pictures in the deck's grid (rows of its columns).
    """
    out: list[str] = []
    box: tuple[str, ...] = ()
    div = 0  # (the fenced div a box came from: two boxes in a row are two, as the deck draws them)
    chunks = [c for c in chunks if slides or not c.slides_only]
    i = 0
    while i < len(chunks):
        c = chunks[i]
        i += 1
        if c.box != box or (c.box and c.keep != div):
            if box:
                out.append("</div>")
            if c.box:
                cls = " ".join(re.sub(r"[^\w-]", "", x) for x in c.box)
                out.append(f'<div class="div {esc(cls)}">')
            box, div = c.box, c.keep
        if isinstance(c, TextChunk):
            out.append(paras_html(c.paras, lambda tex: renderer.math(tex, display=False)))
        elif isinstance(c, ObjectChunk) and drawn and c.grid and isinstance(c.block, m.Image):
            grid = [c]
            while i < len(chunks) and _in_grid(chunks[i], c):
                grid.append(chunks[i])
                i += 1
            for k in range(0, len(grid), c.grid):
                row = "".join(renderer.image(x.block, x.shown) for x in grid[k : k + c.grid])
                out.append(f'<div class="picture-row">{row}</div>')
        elif isinstance(c, ObjectChunk) and drawn and isinstance(c.block, m.Image):
            out.append(renderer.image(c.block, c.shown))
        elif isinstance(c, ObjectChunk) and drawn and isinstance(c.block, m.Chart):
            out.append(renderer.chart(c.block, c.shown))
        elif isinstance(c, ObjectChunk):
            out.append(renderer.block(c.block))
        elif isinstance(c, ColumnsChunk):
            # shares of what the gaps leave, as the deck splits its columns (geometry.split_columns): widths
            # of 33 % each and two gaps came to more than the slide, and the last column was cut off
            total = sum(w for _, w in c.columns) or 1.0
            cols = "".join(
                f'<div class="column" style="flex:{w / total:.4f} 1 0%">'
                f"{chunks_html(sub, renderer, slides, drawn)}</div>"
                for sub, w in c.columns
            )
            out.append(f'<div class="columns">{cols}</div>')
    if box:
        out.append("</div>")
    return "\n".join(x for x in out if x)


def _in_grid(c, first: ObjectChunk) -> bool:
    """True when chunk ``c`` is another picture of the grid ``first`` starts."""
    return (
        isinstance(c, ObjectChunk)
        and isinstance(c.block, m.Image)
        and c.grid == first.grid
        and c.box == first.box
        and c.slides_only == first.slides_only
    )
