"""The model's blocks and inlines as HTML fragments, escaped (the handout's slides, notes and twins)."""

from __future__ import annotations

import html
import re
from dataclasses import replace
from pathlib import Path

from .. import model as m
from ..alttext import chart_alt, math_alt, missing_text
from ..diagnostics import Diagnostics
from ..fancylists import marker_text
from ..highlight import html as highlighted
from ..mathrender import tex_to_svg
from ..template_folders import Template
from .chartsvg import chart_svg


def esc(text: str) -> str:
    return html.escape(text, quote=True)


# A space right before an element that only styles its words (emphasis, a colour), moved into it:
# `variáveis<em> detrended</em>` breaks where `variáveis <em>detrended</em>` does. WeasyPrint 70,
# when a line ends within a pixel of its width just before such an element, backtracks to the
# first break of the text before it, leaving one word alone on a line ("• Nesses" / the rest).
# (Not into a link, code, a highlight or a blank: there the space would be underlined or shaded.)
_STYLING_TAG = r'<(?:em|strong|sup|sub|del)>|<span (?:style="color:[^"<>]*"|class="smallcaps")>'
_SPACE_BEFORE_STYLING = re.compile(rf" ((?:{_STYLING_TAG})+)")


def spaces_into_styling(fragment: str) -> str:
    """``fragment`` (inline HTML) with each space before a styling element moved inside it."""
    return _SPACE_BEFORE_STYLING.sub(r"\1 ", fragment) if " <" in fragment else fragment


# an item that shows its own label (LaTeX's \item[a)]): no marker, and no number counted
LABELLED_ITEM = '<li class="labelled" style="list-style: none; counter-increment: list-item 0">'


class HtmlRenderer:
    """Render IR blocks and inlines to HTML fragments."""

    def __init__(self, template: Template, diags: Diagnostics):
        self.template = template
        self.palette = template.palette
        self.diags = diags
        self.math_colour: str | None = None  # the colour of math where the text is not black (a header cell)

    # -- inlines
    def inlines(self, items: m.Inlines) -> str:
        out = []
        for x in items:
            if isinstance(x, m.Text):
                out.append(esc(x.text))
            elif isinstance(x, m.Strong):
                out.append(f"<strong>{self.inlines(x.children)}</strong>")
            elif isinstance(x, m.Emph):
                out.append(f"<em>{self.inlines(x.children)}</em>")
            elif isinstance(x, m.Strike):
                out.append(f"<del>{self.inlines(x.children)}</del>")
            elif isinstance(x, m.Code):
                out.append(f"<code>{esc(x.text)}</code>")
            elif isinstance(x, m.Link):
                out.append(f'<a href="{esc(x.url)}">{self.inlines(x.children)}</a>')
            elif isinstance(x, m.InlineMath):
                out.append(self.math(x.tex, display=False))
            elif isinstance(x, m.FootnoteRef):
                out.append(f'<sup class="fnref">{x.number}</sup>')
            elif isinstance(x, m.LineBreak):
                out.append("<br>")
            elif isinstance(x, m.Span) and "blank" in x.classes:
                if "gap" in x.classes:  # the student's version: a line to write on, no answer
                    out.append(f'<span class="blank gap">{esc(m.plain_text(x.children))}</span>')
                else:
                    out.append(f'<mark class="blank answer">{self.inlines(x.children)}</mark>')
            elif isinstance(x, m.Span) and "mark" in x.classes:
                rest = replace(x, classes=tuple(c for c in x.classes if c != "mark"))
                out.append(f"<mark>{self.inlines((rest,))}</mark>")
            elif isinstance(x, m.Span) and x.colour:
                inner = self.inlines((replace(x, colour=""),))
                out.append(f'<span style="color:{esc(x.colour)}">{inner}</span>')
            elif isinstance(x, m.Span) and {"superscript", "subscript"} & set(x.classes):
                tag = "sup" if "superscript" in x.classes else "sub"
                rest = m.Span(
                    x.children, tuple(c for c in x.classes if c not in ("superscript", "subscript"))
                )
                out.append(f"<{tag}>{self.inlines((rest,) if rest.classes else x.children)}</{tag}>")
            elif isinstance(x, m.Span):
                cls = " ".join(re.sub(r"[^\w-]", "", c) for c in x.classes)
                out.append(f'<span class="{esc(cls)}">{self.inlines(x.children)}</span>')
            else:
                raise TypeError(f"unknown inline {type(x).__name__}")  # render_html left it out
        return spaces_into_styling("".join(out))

    def math(self, tex: str, display: bool) -> str:
        svg = tex_to_svg(tex, display=display, size=16.0 if not display else 20.0)
        cls = "math display" if display else "math"
        if svg is None:
            return f'<span class="{cls} tex">{esc(tex)}</span>'
        svg = re.sub(r"<\?xml[^>]*>", "", svg)
        # size the drawing in em, so formulas follow the text size around them (twin or notes)
        size = 16.0 if not display else 20.0
        mt = re.search(r'<svg[^>]*?width="([0-9.]+)"[^>]*?height="([0-9.]+)"', svg)
        if mt:
            w, h = float(mt.group(1)) / size, float(mt.group(2)) / size
            scale = 1.0 if not display else 1.2
            sized = (
                mt.group(0)
                .replace(f'width="{mt.group(1)}"', f'width="{w * scale:.3f}em"')
                .replace(f'height="{mt.group(2)}"', f'height="{h * scale:.3f}em"')
            )
            depth = None if display else _depth(svg, float(mt.group(2)))
            if depth is not None:  # (the math's baseline on the text's, as MathJax sets it)
                sized = sized.replace("<svg ", f'<svg style="vertical-align: {-depth / size:.3f}em" ', 1)
            svg = svg.replace(mt.group(0), sized, 1)
        if self.math_colour:  # an SVG does not take its colour from the text around it: given here
            svg = svg.replace('fill="black"', 'fill="currentColor"').replace(
                "<svg ", f'<svg color="{self.math_colour}" ', 1
            )
        svg = _with_title(svg, math_alt(tex))  # the PDF's /Alt for the figure WeasyPrint tags
        return f'<span class="{cls}" role="img" aria-label="{esc(tex)}">{svg}</span>'

    # -- blocks
    def blocks(self, blocks: m.Blocks, handout: bool = True) -> str:
        return "\n".join(self.block(b, handout) for b in blocks)

    def block(self, b: m.Block, handout: bool = True) -> str:
        if isinstance(b, m.Paragraph):
            return f"<p>{self.inlines(b.content)}</p>"
        if isinstance(b, m.Heading):
            return f'<p class="subhead">{self.inlines(b.content)}</p>'
        if isinstance(b, m.BulletList):
            own = [m.labelled(i) for i in b.items]  # (LaTeX's \\item[a)]: its label, no bullet or number)
            if not b.ordered:
                li = [LABELLED_ITEM if o else "<li>" for o in own]
                items = "".join(f"{open_}{self._item(i, handout)}</li>" for open_, i in zip(li, b.items))
                return f"<ul>{items}</ul>"
            numbers = [b.start + sum(not o for o in own[:k]) for k in range(len(own))]
            if (b.numbering, b.delimiter) == (m.Numbering.DECIMAL, m.Delimiter.PERIOD):
                li = ["<li>"] * len(b.items)
            else:  # the marker written out, as the deck numbers it: a. / (iv) / 3)
                li = [
                    f"<li style=\"list-style-type: '{marker_text(b.numbering, b.delimiter, n)} '\">"
                    for n in numbers
                ]
            li = [LABELLED_ITEM if o else x for o, x in zip(own, li)]
            items = "".join(f"{open_}{self._item(i, handout)}</li>" for open_, i in zip(li, b.items))
            return f"<ol{ol_type(b.numbering)}{ol_start(b.start)}>{items}</ol>"
        if isinstance(b, m.Quote):
            attribution = (
                f'<footer class="attribution">— {self.inlines(b.attribution)}</footer>'
                if b.attribution
                else ""
            )
            return f"<blockquote>{self.blocks(b.blocks, handout)}{attribution}</blockquote>"
        if isinstance(b, m.CodeBlock):
            return self.code(b)
        if isinstance(b, m.Table):
            return self.table(b)
        if isinstance(b, m.Image):
            return self.image(b)
        if isinstance(b, m.Columns):
            # each column its share of what the gaps leave (widths of 33 % and gaps came to more than 100 %)
            shares = [c.width or 1 / len(b.columns) for c in b.columns]
            total = sum(shares) or 1.0
            cols = "".join(
                f'<div class="column" style="flex:{w / total:.4f} 1 0%">{self.blocks(c.blocks, handout)}</div>'
                for c, w in zip(b.columns, shares)
            )
            return f'<div class="columns">{cols}</div>'
        if isinstance(b, m.Chart):
            return self.chart(b)
        if isinstance(b, m.MathBlock):
            return f'<div class="math-block">{self.math(b.tex, display=True)}</div>'
        if isinstance(b, m.SlidesOnly):
            return ""  # shown on the slides only
        if isinstance(b, m.Div):
            cls = " ".join(re.sub(r"[^\w-]", "", c) for c in b.classes)
            style = f' style="text-align:{b.align}"' if b.align else ""
            return f'<div class="div {esc(cls)}"{style}>{self.blocks(b.blocks, handout)}</div>'
        if isinstance(b, m.Pause):
            return ""  # a click in the deck; the handout shows everything at once
        raise TypeError(f"unknown block {type(b).__name__}")  # render_html left out what it cannot show

    def _item(self, item: m.ListItem, handout: bool) -> str:
        if len(item.blocks) >= 1 and isinstance(item.blocks[0], m.Paragraph):
            first = self.inlines(item.blocks[0].content)
            return first + self.blocks(item.blocks[1:], handout)
        return self.blocks(item.blocks, handout)

    def code(self, b: m.CodeBlock) -> str:
        code = highlighted(b.code, b.language, b.first_line)
        if not b.filename:
            return code
        return f'<div class="code-filename">{esc(b.filename)}</div>{code}'

    def table(self, b: m.Table) -> str:
        cols = "".join(f'<col style="width:{w * 100:.1f}%">' for w in b.widths)

        def cell(tag, c, j):
            align = b.aligns[j] if j < len(b.aligns) and b.aligns[j] else ""
            style = f' style="text-align:{align}"' if align else ""
            return f"<{tag}{style}>{self.inlines(c.content)}</{tag}>"

        self.math_colour = "white"  # (a header cell's words are white on the primary colour)
        try:
            head = "".join(cell("th", c, j) for j, c in enumerate(b.header))
        finally:
            self.math_colour = None
        body = "".join("<tr>" + "".join(cell("td", c, j) for j, c in enumerate(r)) + "</tr>" for r in b.rows)
        caption = f"<caption>{self.inlines(b.caption)}</caption>" if b.caption else ""
        thead = f"<thead><tr>{head}</tr></thead>" if b.headed else ""
        return f"<table>{caption}<colgroup>{cols}</colgroup>{thead}<tbody>{body}</tbody></table>"

    def chart(self, b: m.Chart, drawn: tuple[int, int] | None = None) -> str:
        """Return chart ``b`` as a vector drawing; ``drawn``: filling the box (EMU) the deck gives it."""
        size = (drawn[0] / 12700, drawn[1] / 12700) if drawn is not None else None
        svg = _with_title(chart_svg(b, self.palette, self.template.fonts, size), chart_alt(b))
        return f'<figure class="chart">{svg}</figure>'

    def image(self, b: m.Image, drawn: tuple[int, int] | None = None) -> str:
        """Return picture ``b`` as a figure; ``drawn``: at the size (EMU) the deck draws it (a slide's twin)."""
        style = []
        if drawn is not None:
            w, h = drawn
            style.append(f"width:{w / 12700:.1f}pt;height:{h / 12700:.1f}pt;max-width:none;max-height:none")
        elif b.width is not None:
            style.append(f"width:{_css_len(b.width)}")
        if b.height is not None and drawn is None:
            style.append(f"height:{_css_len(b.height)}")
            if b.width is None:
                style.append("width:auto")
        caption = f"<figcaption>{self.inlines(b.caption)}</figcaption>" if b.caption else ""
        if b.path is None:  # a box where the picture would be: in a slide's drawing, of the picture's size
            size = (
                f' style="width:{drawn[0] / 12700:.1f}pt;height:{drawn[1] / 12700:.1f}pt"'
                if drawn is not None
                else ""
            )
            said = f' title="{esc(b.alt)}"' if b.alt else ""  # (what it shows: a drawing's words)
            box = f'<div class="missing-picture"{size}{said}>{esc(missing_text(b.src))}</div>'
            return f'<figure class="missing">{linked(box, b.link, "block")}{caption}</figure>'
        uri = Path(b.path).as_uri()
        s = f' style="{";".join(style)}"' if style else ""
        img = f'<img src="{esc(uri)}" alt="{esc(b.alt)}"{s}>'
        return f"<figure>{linked(img, b.link, 'inline-block')}{caption}</figure>"


def linked(html: str, link: str, display: str) -> str:
    """``html`` (a picture, or the box in its place) inside a link to ``link``, laid out as ``display``
    (the link's area is then the picture's); as it is where ``link`` is ""."""
    style = f"display:{display};color:inherit;text-decoration:none"
    return f'<a href="{esc(link)}" style="{style}">{html}</a>' if link else html


def ol_type(numbering: m.Numbering) -> str:
    """The ``type`` attribute of an ``<ol>`` that counts in ``numbering`` ("" for decimal)."""
    return {
        m.Numbering.LOWER_ALPHA: ' type="a"',
        m.Numbering.UPPER_ALPHA: ' type="A"',
        m.Numbering.LOWER_ROMAN: ' type="i"',
        m.Numbering.UPPER_ROMAN: ' type="I"',
    }.get(numbering, "")


def ol_start(start: int) -> str:
    """The attributes of an ``<ol>`` whose first item is number ``start`` ("" for 1).  WeasyPrint
    ignores ``start``; the counter reset numbers the list for it (and a browser reads either)."""
    if start == 1:
        return ""
    return f' start="{start}" style="counter-reset: list-item {start - 1}"'


def _depth(svg: str, height: float) -> float | None:
    """How far ``svg`` (ziamath's, drawn with its baseline at y = 0) reaches below its baseline, in the
    units of its ``height``; None when its root has no viewBox to tell."""
    mt = re.search(r'<svg\b[^>]*?viewBox="([-0-9. ]+)"', svg)
    box = mt.group(1).split() if mt else []
    if len(box) != 4 or float(box[3]) <= 0:
        return None
    top, box_height = float(box[1]), float(box[3])
    return (top + box_height) * height / box_height


def _with_title(svg: str, text: str) -> str:
    """Return ``svg`` with a ``<title>`` (its alt text in a tagged PDF) as the root's first child."""
    mt = re.search(r"<svg\b[^>]*>", svg)
    if not mt:
        return svg
    return svg[: mt.end()] + f"<title>{esc(text)}</title>" + svg[mt.end() :]


def _css_len(length: m.Length) -> str:
    unit = length.unit if length.unit != "px" else "px"
    return f"{length.value:g}{unit}"
