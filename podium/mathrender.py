"""TeX math → SVG (ziamath, pure Python): vector in the handout, rasterised in the deck."""

from __future__ import annotations

import re
from functools import lru_cache

from lxml import etree

from .mathfallback import fallback_for
from .texmath import BINARY, RELATIONS, normalise, signs_marked

# ``\mathop{…}``, ``\mathrel{…}``…: ziamath (through latex2mathml) draws nothing of what they wrap
# (``x \mathop{\perp\!\!\!\perp} y``, a lecture's ``\indep``, came out "x y"); as a plain group the
# symbols are drawn, with ordinary spacing
_CLASS_WRAPPER = re.compile(r"\\math(?:op|bin|rel|ord|punct|open|close)\s*(?=\{)")
_LIMITS_AFTER_GROUP = re.compile(
    r"\}\s*\\(?:no)?limits(?![A-Za-z])"
)  # (\limits is for an operator, not a group)


def unwrapped(tex: str) -> str:
    """``tex`` with the class wrappers ziamath draws nothing of taken off (see _CLASS_WRAPPER)."""
    if "\\math" not in tex:
        return tex
    plain = _CLASS_WRAPPER.sub("", tex)
    return _LIMITS_AFTER_GROUP.sub("}", plain) if plain != tex else tex


# TeX's accents of one size (\hat, \bar, \tilde, \vec, \dot…), as latex2mathml and ziamath write them: the
# accent's character, and the attribute that tells it from the wide accent of the same character (\widehat,
# \widetilde, \overrightarrow), where there is one
_FIXED_ACCENTS = {
    "\u0302": ("accent", "true", "mover"),  # \hat (\widehat: no accent="true")
    "~": ("stretchy", "false", "mo"),  # \tilde (\widetilde: U+0303)
    "\u00af": None,  # \bar (\overline: U+2015, a rule)
    "\u2192": ("stretchy", "true", "mo"),  # \vec (\overrightarrow: no stretchy)
    **dict.fromkeys(
        "\u02c6\u02d9\u00a8\u20db\u20dc\u02c7\u02d8\u00b4`\u02da"
    ),  # \dot, \ddot, \check, \breve…
}


_SCRIPTED = ("msub", "msup", "msubsup")


def scripts_in_text_style(mathml: str) -> str:
    """``mathml`` with each subscript and superscript set in text style (``displaystyle="false"``), as TeX
    sets a script: a large operator in an exponent (``e^{\\sum_{i=1}^m x_i}``) has its limits beside it,
    not above and below (ziamath makes a script smaller but keeps the display style of the line)."""
    if "<msub" not in mathml and "<msup" not in mathml:
        return mathml
    root = etree.fromstring(mathml.encode())
    for name in _SCRIPTED:
        for scripted in root.iter(f"{{*}}{name}"):
            for script in list(scripted)[1:]:
                script.set("displaystyle", "false")
    return etree.tostring(root, encoding="unicode")


def fixed_accents(mathml: str) -> str:
    """``mathml`` with each of TeX's one-size accents (``\\hat{Y}``, ``\\bar{x}``, ``\\vec{v}``) drawn at its own
    size over its base: ziamath stretches an accent over a base of one character to the base's width or
    wider (a hat as wide as ``\\widehat``, reaching over ``\\hat{Y}_i``'s subscript); an accent inside a row
    is not stretched.  The wide ones (``\\widehat{xy}``, ``\\overline``) are left as they are."""
    root = etree.fromstring(mathml.encode())
    found = False
    for over in list(root.iter("{*}mover")):
        accent = over[-1] if len(over) == 2 else None
        if accent is None or etree.QName(accent).localname != "mo":
            continue
        char = (accent.text or "").strip()
        if char not in _FIXED_ACCENTS:
            continue
        rule = _FIXED_ACCENTS[char]
        if rule is not None and (over if rule[2] == "mover" else accent).get(rule[0]) != rule[1]:
            continue
        row = etree.SubElement(over, etree.QName(accent, "mrow"))
        row.append(accent)  # (moved: the mover's children are now its base and this row)
        found = True
    return etree.tostring(root, encoding="unicode") if found else mathml


def smashes_drawn(mathml: str) -> str:
    """``mathml`` with what ``\\smash`` wraps (an ``mpadded`` of no height or depth, not a phantom) given its
    height and depth back: an equation is a picture of its own, whose box ziamath makes as tall as what counts
    in it, so a smashed letter alone (``$\\smash{y}$``) was a picture of no height, and a smashed fraction was
    cut off at the picture's edge.  A phantom (``\\hphantom``), which draws nothing, is left as it is."""
    if "<mpadded" not in mathml:
        return mathml
    root = etree.fromstring(mathml.encode())
    for padded in root.iter("{*}mpadded"):
        kids = [k for k in padded if isinstance(k.tag, str)]
        if not (len(kids) == 1 and etree.QName(kids[0]).localname == "mphantom"):
            for side in ("height", "depth"):
                padded.attrib.pop(side, None)
    return etree.tostring(root, encoding="unicode")


def _tex_spacing(operators) -> None:
    """Give ziamath's operator dictionary (``ziamath.operators``) TeX's spaces: a binary operation (texmath's
    ``BINARY``) gets a medium space (4 mu) on each side, a relation a thick one (5 mu), as TeX sets them
    between two operands (its dictionary left \\cap, \\cup and \\setminus tight, \\times and \\cdot nearly
    so); the operator's other properties (stretchy, a fence) are kept.  A binary operation that TeX makes
    ordinary (a sign: ``(-1)``, ``x = -y``; ``texmath.mark_signs`` marks it ``form="prefix"``) gets none."""
    for chars, space in ((BINARY, "mediummathspace"), (RELATIONS, "thickmathspace")):
        for char in chars:
            entry = operators.operators.get((char, "infix"), {})
            operators.operators[(char, "infix")] = {**entry, "lspace": space, "rspace": space}
            operators.names.add(char)  # (read as an operator where latex2mathml made it an identifier: ⧵, ±)
    for char in BINARY:
        entry = operators.operators.get((char, "prefix"), {})
        operators.operators[(char, "prefix")] = {**entry, "lspace": "0em", "rspace": "0em"}
    # a large operator (\sum, \prod, \int…) has its display size in TeX and does not stretch; ziamath's
    # dictionary makes it stretchy, and a stretchy operator is left out of the height that \left…\right
    # measures: under a script (\left(\sum_i x_i\right)) that height was unset and the brackets were
    # drawn some 40 inches tall
    for entry in operators.operators.values():
        if entry.get("largeop") == "true":
            entry["stretchy"] = "false"


@lru_cache(maxsize=1)
def _ziamath():
    """ziamath, imported (0.3 s: only a lecture with math loads it) and given TeX's operator spacing."""
    import ziamath  # noqa: PLC0415
    from ziamath import operators  # noqa: PLC0415

    _tex_spacing(operators)
    return ziamath


def _typeset(ziamath, latex: str, size: float, inline: bool):
    """``ziamath.Latex(latex, size=size, inline=inline)``, its signs marked as the deck's and the text's are
    (``texmath.mark_signs``) before it is laid out."""
    from ziamath.tex import tex2mml  # noqa: PLC0415 (with ziamath)
    from ziamath.zmath import EqNumbering  # noqa: PLC0415

    number = None
    tags = re.findall(r"\\tag\{(.*)\}", latex)  # (an equation's own number, as ziamath.Latex reads it)
    if tags:
        if len(tags) > 1:
            raise ValueError("multiple \\tag")
        number = EqNumbering.text(tags[0])
        latex = re.sub(r"\\tag\{(.*)\}", "", latex)
    mathml = scripts_in_text_style(fixed_accents(smashes_drawn(signs_marked(tex2mml(latex, inline=inline)))))
    return ziamath.Math(mathml, size=size, number=number)


@lru_cache(maxsize=512)
def tex_to_svg(tex: str, display: bool = False, size: float = 18.0) -> str | None:
    """Return SVG markup for ``tex``, or None when it cannot be typeset."""
    if len(tex) > 2000:
        return None
    try:
        ziamath = _ziamath()
        with fallback_for(tex):  # (East Asian characters: from a CJK face, not as empty boxes)
            return _typeset(ziamath, normalise(unwrapped(tex)), size, inline=not display).svg()
    except Exception:  # ziamath raises many kinds for TeX it does not know
        return None


@lru_cache(maxsize=512)
def math_points(tex: str, display: bool = True) -> tuple[float, float] | None:
    """Return the (width, height) in points of ``tex`` typeset at 18 pt, or None when it cannot be typeset."""
    svg = tex_to_svg(tex, display=display)
    if svg is None:
        return None
    head = svg[: svg.find(">") + 1]
    w = re.search(r'\bwidth="([0-9.]+)', head)
    h = re.search(r'\bheight="([0-9.]+)', head)
    if not (w and h) or float(h.group(1)) <= 0:
        return None
    return float(w.group(1)), float(h.group(1))
