"""MathML → Office math (OMML), the form PowerPoint edits, for the deck's equations.

TeX is read by latex2mathml (``podium/texmath.py``); this module maps its MathML, element by
element, onto OMML (ECMA-376 Part 1, §22.1, shared-math.xsd):

===========================  =========================================
MathML                       OMML
===========================  =========================================
mi, mn, mo, mtext            m:r (m:sty p for upright, m:nor for text)
mfrac                        m:f (m:type noBar when linethickness=0)
msqrt, mroot                 m:rad (m:degHide for a square root)
msub, msup, msubsup          m:sSub, m:sSup, m:sSubSup
… on ∑ ∏ ∫ ⋃ ⋂ …             m:nary (the next element is its operand)
mover with an accent         m:acc (\\hat \\bar \\vec \\tilde \\dot)
mover/munder with a line     m:bar (\\overline, \\underline)
mover/munder with a brace    m:groupChr
mover, munder, munderover    m:limUpp, m:limLow
mrow with fences             m:d (\\left( … \\right), cases)
mtable                       m:m (matrices, cases, align)
menclose                     m:borderBox
mphantom, mpadded of no size m:phant (\\phantom, \\hphantom, \\vphantom, \\smash)
===========================  =========================================

:func:`omml` returns an ``m:oMath`` (inline) or ``m:oMathPara`` (display) element.
"""

from __future__ import annotations

import re

from lxml import etree

from ..rawhtml import css_colour
from ..texmath import tex_to_mathml

M_NS = "http://schemas.openxmlformats.org/officeDocument/2006/math"
A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main"
MML_NS = "http://www.w3.org/1998/Math/MathML"
MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"
A14_NS = "http://schemas.microsoft.com/office/drawing/2010/main"
# The Choice names the a14 namespace by a prefix of its own: PowerPoint resolves the prefix to the
# namespace (as Markup Compatibility says) and edits the math; LibreOffice matches the literal prefix
# "a14", which it would choose and then draw nothing, so it draws the Fallback instead.
A14_PREFIX = "a14m"
MATH_FONT = "Cambria Math"

NARY = set("∑∏∐∫∬∭∮∯∰⋀⋁⋂⋃⨀⨁⨂⨄⨆")
# MathML accent character → OMML combining accent character
ACCENTS = {
    "^": "\u0302",
    "\u02c6": "\u0302",
    "\u0302": "\u0302",
    "~": "\u0303",
    "\u02dc": "\u0303",
    "\u0303": "\u0303",
    "\u00af": "\u0305",
    "\u0304": "\u0305",
    "\u0305": "\u0305",
    "\u02c9": "\u0305",
    "\u2192": "\u20d7",
    "\u20d7": "\u20d7",
    "\u21c0": "\u20d1",
    "\u02d9": "\u0307",
    ".": "\u0307",
    "\u0307": "\u0307",
    "\u00a8": "\u0308",
    "\u0308": "\u0308",
    "\u02c7": "\u030c",
    "\u030c": "\u030c",
    "\u00b4": "\u0301",
    "`": "\u0300",
    "\u02d8": "\u0306",
}
LINES = set("\u2015\u203e\u0332_\u2212-")
BRACES = set("\u23de\u23df\u23b4\u23b5\ufe37\ufe38")


def _m(tag: str, parent=None, **attrs):
    el = (
        etree.Element(f"{{{M_NS}}}{tag}", nsmap={"m": M_NS, "a": A_NS})
        if parent is None
        else etree.SubElement(parent, f"{{{M_NS}}}{tag}")
    )
    for k, v in attrs.items():
        el.set(f"{{{M_NS}}}{k}", v)
    return el


def _local(el) -> str:
    return etree.QName(el).localname if isinstance(el.tag, str) else ""


def _kids(el) -> list:
    return [c for c in el if isinstance(c.tag, str)]


def _in_script(el) -> bool:
    """Is ``el`` inside a subscript or superscript (not the base) of an ``msub``, ``msup`` or ``msubsup``?"""
    child, parent = el, el.getparent()
    while parent is not None:
        if _local(parent) in ("msub", "msup", "msubsup") and _kids(parent).index(child) > 0:
            return True
        child, parent = parent, parent.getparent()
    return False


def _zero_sides(el) -> set[str]:
    """The sides (``width``, ``height``, ``depth``) an ``mpadded`` sets to nothing (``\\smash``, ``\\vphantom``)."""
    return {
        side
        for side in ("width", "height", "depth")
        if re.fullmatch(r"0+(\.0*)?(px|em|pt)?", el.get(side, "x"))
    }


def _text(el) -> str:
    return "".join(el.itertext()).strip()


_SCALE = re.compile(r"\s*(\d*\.?\d+)\s*(em|%)\s*")


class _Converter:
    def __init__(self, size_hundredths: int | None, base_hundredths: int | None = None):
        self.size = size_hundredths
        self.base = base_hundredths  # (the text's size where runs take it from the layout: None in size)
        self.colours: list[str] = []  # the colours (RRGGBB) of the elements being converted, innermost last

    # -- runs
    def run(self, text: str, style: str | None = None, normal: bool = False):
        """A math run: ``style`` is Office math's (None: math italic; ``p``, ``b``, ``bi``); a ``normal``
        run is text (``\\text{…}``), upright unless ``style`` makes it italic (``i``) or bold."""
        r = _m("r")
        if style or normal:
            rpr = _m("rPr", r)
            if normal:
                _m("nor", rpr)
            elif style:
                _m("sty", rpr, val=style)
        arpr = etree.SubElement(r, f"{{{A_NS}}}rPr", lang="en-US", dirty="0")
        if self.size:
            arpr.set("sz", str(self.size))
        if normal:  # (text: its own style, as \textit, \textbf set it)
            arpr.set("b", "1" if style in ("b", "bi") else "0")
            arpr.set("i", "1" if style in ("i", "bi") else "0")
        elif style not in ("p", "b"):
            arpr.set("i", "1")
        if self.colours:  # (\textcolor in the math: its MathML's mathcolor)
            fill = etree.SubElement(arpr, f"{{{A_NS}}}solidFill")
            etree.SubElement(fill, f"{{{A_NS}}}srgbClr", val=self.colours[-1])
        etree.SubElement(arpr, f"{{{A_NS}}}latin", typeface=MATH_FONT)
        etree.SubElement(arpr, f"{{{A_NS}}}cs", typeface=MATH_FONT)
        t = _m("t", r)
        t.text = text
        if text != text.strip():
            t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        return r

    def token(self, el) -> list:
        name = _local(el)
        text = _text(el)
        if name == "mspace":
            width = el.get("width", "")
            if width.startswith("-") or "negative" in width or el.get("linebreak"):
                return []
            return [self.run("\u2009" if "0.1" in width or "thin" in width else "\u2005")]
        if not text:
            return []
        variant = el.get("mathvariant", "")
        if name == "mtext":  # (its spaces kept: words in texts side by side, \text{a }\textit{b}, stay apart)
            style = {"italic": "i", "bold": "b", "bold-italic": "bi"}.get(variant)
            return [self.run("".join(el.itertext()), style, normal=True)]
        if variant in ("bold", "bold-italic"):
            style = "b" if variant == "bold" else "bi"
        elif name == "mi" and len(text) == 1 and variant not in ("normal",):
            style = None  # a single letter: math italic
        else:
            style = "p"
        return [self.run(text, style)]

    # -- structure
    def seq(self, elements) -> list:
        """Convert a row of MathML elements; a big operator takes the element after it as its operand."""
        out: list = []
        items = list(elements)
        i = 0
        while i < len(items):
            el = items[i]
            op = self.nary_char(el)
            if op is not None:
                operand = items[i + 1] if i + 1 < len(items) else None
                out.append(self.nary(el, op, operand))
                i += 2 if operand is not None else 1
                continue
            out.extend(self.node(el))
            i += 1
        return out

    def nary_char(self, el) -> str | None:
        name = _local(el)
        base = _kids(el)[0] if _kids(el) else None
        if name in ("msub", "msup", "msubsup", "munder", "mover", "munderover") and base is not None:
            if _local(base) in ("mo", "mi") and _text(base) in NARY:
                return _text(base)
        if name == "mo" and _text(el) in NARY:
            return _text(el)
        return None

    def nary(self, el, op: str, operand) -> etree._Element:
        name = _local(el)
        kids = _kids(el)
        nary = _m("nary")
        pr = _m("naryPr", nary)
        _m("chr", pr, val=op)
        under = name in ("munder", "mover", "munderover")
        big = op in "∑∏∐⋀⋁⋂⋃⨀⨁⨂⨄⨆" and not _in_script(el)  # (in a script, TeX's text style: beside)
        _m("limLoc", pr, val="undOvr" if under or big else "subSup")
        sub = sup = None
        if name in ("msub", "munder"):
            sub = kids[1] if len(kids) > 1 else None
        elif name in ("msup", "mover"):
            sup = kids[1] if len(kids) > 1 else None
        elif name in ("msubsup", "munderover"):
            sub = kids[1] if len(kids) > 1 else None
            sup = kids[2] if len(kids) > 2 else None
        if sub is None:
            _m("subHide", pr, val="1")
        if sup is None:
            _m("supHide", pr, val="1")
        self.fill(_m("sub", nary), [sub] if sub is not None else [])
        self.fill(_m("sup", nary), [sup] if sup is not None else [])
        self.fill(_m("e", nary), [operand] if operand is not None else [])
        return nary

    def phantom(self, el) -> etree._Element:
        """``\\phantom`` (``mphantom``: space as wide and tall as what it holds), ``\\hphantom``, ``\\vphantom``
        and ``\\smash`` (an ``mpadded`` of no width, height or depth around it) as Office math's phantom."""
        phant = _m("phant")
        pr = _m("phantPr", phant)
        kids = _kids(el)
        hidden = _local(el) == "mphantom" or (len(kids) == 1 and _local(kids[0]) == "mphantom")
        _m("show", pr, val="0" if hidden else "1")
        for side, tag in (("width", "zeroWid"), ("height", "zeroAsc"), ("depth", "zeroDesc")):
            if _local(el) == "mpadded" and side in _zero_sides(el):
                _m(tag, pr, val="1")
        inner = _kids(kids[0]) if hidden and _local(el) == "mpadded" else kids
        self.fill(_m("e", phant), inner)
        return phant

    def fill(self, target, elements) -> None:
        for x in self.seq(elements):
            target.append(x)

    def arg(self, parent, tag: str, el) -> None:
        self.fill(_m(tag, parent), [el] if el is not None else [])

    def node(self, el) -> list:
        colour = css_colour(el.get("mathcolor", "")) if el.get("mathcolor") else ""
        if not colour:
            return self._node(el)
        self.colours.append(colour[1:])
        try:
            return self._node(el)
        finally:
            self.colours.pop()

    def _node(self, el) -> list:
        name = _local(el)
        kids = _kids(el)
        if name in ("mi", "mn", "mo", "mtext", "ms", "mspace"):
            return self.token(el)
        if name == "mphantom" or (name == "mpadded" and _zero_sides(el)):
            return [self.phantom(el)]
        if name == "mstyle" and _SCALE.fullmatch(el.get("mathsize", "")) and (self.size or self.base):
            return self.scaled(el, kids)
        if name in ("math", "mstyle", "mpadded", "semantics", "none", "merror", "maction"):
            return self.seq(kids[:1] if name in ("semantics", "maction") else kids)
        if name == "annotation":
            return []
        if name == "mrow":
            return self.row(kids)
        if name == "mfrac" and len(kids) == 2:
            f = _m("f")
            if el.get("linethickness") in ("0", "0pt", "0em"):
                _m("type", _m("fPr", f), val="noBar")
            self.arg(f, "num", kids[0])
            self.arg(f, "den", kids[1])
            return [f]
        if name == "msqrt":
            rad = _m("rad")
            _m("degHide", _m("radPr", rad), val="1")
            _m("deg", rad)
            self.fill(_m("e", rad), kids)
            return [rad]
        if name == "mroot" and len(kids) == 2:
            rad = _m("rad")
            self.arg(rad, "deg", kids[1])
            self.arg(rad, "e", kids[0])
            return [rad]
        if (
            name in ("msub", "munder")
            and len(kids) == 2
            and _local(kids[0]) == "mo"
            and len(_text(kids[0])) > 1
        ):
            lim = _m("limLow")  # lim, max, min, sup, arg min … with a limit under them
            self.arg(lim, "e", kids[0])
            self.arg(lim, "lim", kids[1])
            return [lim]
        if name in ("msub", "msup") and len(kids) == 2:
            s = _m("sSub" if name == "msub" else "sSup")
            self.arg(s, "e", kids[0])
            self.arg(s, "sub" if name == "msub" else "sup", kids[1])
            return [s]
        if name == "msubsup" and len(kids) == 3:
            s = _m("sSubSup")
            self.arg(s, "e", kids[0])
            self.arg(s, "sub", kids[1])
            self.arg(s, "sup", kids[2])
            return [s]
        if name in ("mover", "munder") and len(kids) == 2:
            return [self.over_under(el, name, kids[0], kids[1])]
        if name == "munderover" and len(kids) == 3:
            upp = _m("limUpp")
            low = _m("limLow", _m("e", upp))
            self.arg(low, "e", kids[0])
            self.arg(low, "lim", kids[1])
            self.arg(upp, "lim", kids[2])
            return [upp]
        if name == "mtable":
            return [self.table(el)]
        if name == "menclose":
            box = _m("borderBox")
            self.fill(_m("e", box), kids)
            return [box]
        if name == "mfenced":
            d = _m("d")
            pr = _m("dPr", d)
            _m("begChr", pr, val=el.get("open", "("))
            _m("endChr", pr, val=el.get("close", ")"))
            self.fill(_m("e", d), kids)
            return [d]
        return self.seq(kids)  # an element this table does not name: its content, in order

    def scaled(self, el, kids) -> list:
        """An ``mstyle`` of another size (``mathsize="0.7em"``, ``70%``: ``\\textsc``'s small capitals,
        ``\\small``): its runs at that share of the math's size."""
        mt = _SCALE.fullmatch(el.get("mathsize", ""))
        assert mt is not None
        share = float(mt.group(1)) / (100 if mt.group(2) == "%" else 1)
        size, self.size = self.size, max(100, round((self.size or self.base or 0) * share))
        try:
            return self.seq(kids)
        finally:
            self.size = size

    def over_under(self, el, name: str, base, mark) -> etree._Element:
        char = _text(mark) if _local(mark) == "mo" else ""
        if (
            name == "mover"
            and char in ACCENTS
            and (
                el.get("accent") == "true"
                or mark.get("accent") == "true"
                or _local(base) in ("mi", "mrow", "mn")
            )
            and char not in LINES
        ):
            acc = _m("acc")
            _m("chr", _m("accPr", acc), val=ACCENTS[char])
            self.arg(acc, "e", base)
            return acc
        if char and char in LINES | {"\u00af"} and _local(mark) == "mo":
            if name == "mover" and char == "\u00af" and el.get("accent") != "true":
                acc = _m("acc")  # \bar{x}: a bar accent
                _m("chr", _m("accPr", acc), val="\u0305")
                self.arg(acc, "e", base)
                return acc
            bar = _m("bar")
            _m("pos", _m("barPr", bar), val="top" if name == "mover" else "bot")
            self.arg(bar, "e", base)
            return bar
        if char in BRACES:
            g = _m("groupChr")
            pr = _m("groupChrPr", g)
            _m("chr", pr, val=char)
            _m("pos", pr, val="top" if name == "mover" else "bot")
            _m("vertJc", pr, val="bot" if name == "mover" else "top")
            self.arg(g, "e", base)
            return g
        lim = _m("limUpp" if name == "mover" else "limLow")
        self.arg(lim, "e", base)
        self.arg(lim, "lim", mark)
        return lim

    def row(self, kids) -> list:
        """An mrow; ``\\left( … \\right)`` fences (or a lone ``{`` before a table, as in cases) become m:d."""
        breaks = [
            k for k, el in enumerate(kids) if _local(el) == "mspace" and el.get("linebreak") == "newline"
        ]
        if breaks:  # gathered, multline: latex2mathml breaks the row; Office math has an array of rows
            arr = _m("eqArr")
            for a, b in zip([-1, *breaks], [*breaks, len(kids)]):
                self.fill(_m("e", arr), kids[a + 1 : b])
            return [arr]
        # (a fence, not form="prefix" alone: texmath.mark_signs marks a sign, -x, so)
        if kids and _local(kids[0]) == "mo" and kids[0].get("fence") == "true":
            open_ = _text(kids[0])
            close_el = (
                kids[-1]
                if len(kids) > 1 and _local(kids[-1]) == "mo" and kids[-1].get("fence") == "true"
                else None
            )
            inner = kids[1:-1] if close_el is not None else kids[1:]
            d = _m("d")
            pr = _m("dPr", d)
            _m("begChr", pr, val=open_)
            _m("endChr", pr, val=_text(close_el) if close_el is not None else "")
            self.fill(_m("e", d), inner)
            return [d]
        # a matrix between plain brackets: ( mtable ) from pmatrix, bmatrix, vmatrix
        if (
            len(kids) == 3
            and _local(kids[0]) == "mo"
            and _local(kids[1]) == "mtable"
            and _local(kids[2]) == "mo"
        ):
            d = _m("d")
            pr = _m("dPr", d)
            _m("begChr", pr, val=_text(kids[0]))
            _m("endChr", pr, val=_text(kids[2]))
            self.fill(_m("e", d), [kids[1]])
            return [d]
        return self.seq(kids)

    def table(self, el) -> etree._Element:
        rows = [r for r in _kids(el) if _local(r) in ("mtr", "mlabeledtr")]
        ncols = max((len([c for c in _kids(r) if _local(c) == "mtd"]) for r in rows), default=1)
        mat = _m("m")
        pr = _m("mPr", mat)
        _m("baseJc", pr, val="center")
        mcs = _m("mcs", pr)
        first = [c for c in _kids(rows[0]) if _local(c) == "mtd"] if rows else []
        for k in range(max(ncols, 1)):
            mc = _m("mcPr", _m("mc", mcs))
            _m("count", mc, val="1")
            align = first[k].get("columnalign", "center") if k < len(first) else "center"
            _m("mcJc", mc, val={"left": "left", "right": "right"}.get(align, "center"))
        for r in rows:
            mr = _m("mr", mat)
            cells = [c for c in _kids(r) if _local(c) == "mtd"]
            for k in range(max(ncols, 1)):
                e = _m("e", mr)
                if k < len(cells):
                    for x in self.seq(_kids(cells[k])):
                        e.append(x)
        return mat


def omml(
    mathml: str, display: bool = False, size_hundredths: int | None = None, base_hundredths: int | None = None
) -> etree._Element:
    """Return the OMML for ``mathml``: ``m:oMathPara`` when ``display``, else ``m:oMath``.  Its runs are
    ``size_hundredths`` big, or left to the text's size; ``base_hundredths`` is that size, for a part set
    smaller or larger."""
    root = etree.fromstring(mathml.encode("utf-8"))
    conv = _Converter(size_hundredths, base_hundredths)
    o = _m("oMath")
    for x in conv.seq(_kids(root)):
        o.append(x)
    if not display:
        return o
    para = _m("oMathPara")
    _m("jc", _m("oMathParaPr", para), val="centerGroup")
    para.append(o)
    return para


def tex_omml(
    tex: str, display: bool = False, size_hundredths: int | None = None, base_hundredths: int | None = None
) -> etree._Element | None:
    """Return the OMML for TeX ``tex`` (macros already expanded), or None when it cannot be read (the deck
    then keeps what it shows the math as without Office math: its text, its picture)."""

    mathml = tex_to_mathml(tex, display)
    if not mathml:
        return None
    try:
        return omml(mathml, display, size_hundredths, base_hundredths)
    except Exception:  # (MathML of a shape this mapping does not know: the formula stays shown, not editable)
        return None


def alternate_content(choice_children, fallback_children) -> etree._Element:
    """``mc:AlternateContent``: the math for PowerPoint (Requires a14), ``fallback_children`` for the rest."""
    ac = etree.Element(f"{{{MC_NS}}}AlternateContent", nsmap={"mc": MC_NS})
    choice = etree.SubElement(ac, f"{{{MC_NS}}}Choice", nsmap={A14_PREFIX: A14_NS})
    choice.set("Requires", A14_PREFIX)
    for c in choice_children:
        choice.append(c)
    fallback = etree.SubElement(ac, f"{{{MC_NS}}}Fallback")
    for c in fallback_children:
        fallback.append(c)
    return ac


def a14_math(math: etree._Element) -> etree._Element:
    """Wrap an ``m:oMath``/``m:oMathPara`` in ``a14:m``, the DrawingML element that carries Office math."""
    el = etree.Element(f"{{{A14_NS}}}m", nsmap={A14_PREFIX: A14_NS})
    el.append(math)
    return el


def wrap_inline_run(
    r_el: etree._Element, tex: str, size_hundredths: int | None, base_hundredths: int | None = None
) -> bool:
    """Replace text run ``r_el`` (its fallback) by Office math for ``tex`` with the run as Fallback
    (``base_hundredths``: the text's size, where ``size_hundredths`` leaves it to the layout)."""
    math = tex_omml(tex, False, size_hundredths, base_hundredths)
    if math is None:
        return False
    parent = r_el.getparent()
    idx = parent.index(r_el)
    ac = alternate_content([a14_math(math)], [])
    parent.insert(idx, ac)
    ac[1].append(r_el)
    return True


def wrap_display_shape(tree, sp_el, pic_el, tex: str, size_hundredths: int | None) -> bool:
    """Put text shape ``sp_el`` (given the display math for ``tex``) and picture ``pic_el`` into one
    ``mc:AlternateContent`` in the shape tree: the math for PowerPoint, the picture as Fallback."""
    math = tex_omml(tex, True, size_hundredths)
    if math is None:
        return False
    A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
    body = sp_el.find(".//" + A + "p")
    for child in list(body):
        if child.tag != A + "pPr":
            body.remove(child)
    body.append(a14_math(math))
    # one id in both branches, as PowerPoint writes them: an animation of the equation (a click after
    # `\pause`) names the shape PowerPoint reads (the math) and the one other viewers draw (the picture)
    P = "{http://schemas.openxmlformats.org/presentationml/2006/main}"
    pic_id = pic_el.find(f"{P}nvPicPr/{P}cNvPr")
    sp_id = sp_el.find(f"{P}nvSpPr/{P}cNvPr")
    if pic_id is not None and sp_id is not None:
        sp_id.set("id", pic_id.get("id"))
    idx = tree.index(pic_el)
    ac = alternate_content([], [])
    tree.insert(idx, ac)
    ac[0].append(sp_el)
    ac[1].append(pic_el)
    return True
