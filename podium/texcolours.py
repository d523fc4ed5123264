"""LaTeX's colours as ``#RRGGBB``: xcolor's names, dvips's names, a deck's own ``\\definecolor`` and
``\\colorlet``, the colour models (``rgb``, ``RGB``, ``HTML``, ``cmyk``, ``gray``) and xcolor's mixes
(``red!60!black``, ``blue!20``), as LaTeX draws them.

A name LaTeX does not know is read as a CSS colour name (xcolor's ``svgnames`` are CSS's); what is
neither is "" (the words keep the text colour).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping

from .rawhtml import css_colour

RGB = tuple[float, float, float]

# xcolor's base colours (always defined), as xcolor.sty defines them
_BASE: dict[str, RGB] = {
    "red": (1, 0, 0),
    "green": (0, 1, 0),
    "blue": (0, 0, 1),
    "cyan": (0, 1, 1),
    "magenta": (1, 0, 1),
    "yellow": (1, 1, 0),
    "black": (0, 0, 0),
    "white": (1, 1, 1),
    "gray": (0.5, 0.5, 0.5),
    "darkgray": (0.25, 0.25, 0.25),
    "lightgray": (0.75, 0.75, 0.75),
    "brown": (0.75, 0.5, 0.25),
    "lime": (0.75, 1, 0),
    "olive": (0.5, 0.5, 0),
    "orange": (1, 0.5, 0),
    "pink": (1, 0.75, 0.75),
    "purple": (0.75, 0, 0.25),
    "teal": (0, 0.5, 0.5),
    "violet": (0.5, 0, 0.5),
}

# dvips's names (xcolor's `dvipsnames` option), as a PDF viewer shows their cmyk (MathJax's colours)
_DVIPS = """
Apricot FBB982 Aquamarine 00B5BE Bittersweet C04F17 Black 221E1F Blue 2D2F92 BlueGreen 00B3B8
BlueViolet 473992 BrickRed B6321C Brown 792500 BurntOrange F7921D CadetBlue 74729A CarnationPink F282B4
Cerulean 00A2E3 CornflowerBlue 41B0E4 Cyan 00AEEF Dandelion FDBC42 DarkOrchid A4538A Emerald 00A99D
ForestGreen 009B55 Fuchsia 8C368C Goldenrod FFDF42 Gray 949698 Green 00A64F GreenYellow DFE674
JungleGreen 00A99A Lavender F49EC4 LimeGreen 8DC73E Magenta EC008C Mahogany A9341F Maroon AF3235
Melon F89E7B MidnightBlue 006795 Mulberry A93C93 NavyBlue 006EB8 OliveGreen 3C8031 Orange F58137
OrangeRed ED135A Orchid AF72B0 Peach F7965A Periwinkle 7977B8 PineGreen 008B72 Plum 92268F
ProcessBlue 00B0F0 Purple 99479B RawSienna 974006 Red ED1B23 RedOrange F26035 RedViolet A1246B
Rhodamine EF559F RoyalBlue 0071BC RoyalPurple 613F99 RubineRed ED017D Salmon F69289 SeaGreen 3FBC9D
Sepia 671800 SkyBlue 46C5DD SpringGreen C6DC67 Tan DA9D76 TealBlue 00AEB3 Thistle D883B7
Turquoise 00B4CE Violet 58429B VioletRed EF58A0 White FFFFFF WildStrawberry EE2967 Yellow FFF200
YellowGreen 98CC70 YellowOrange FAA21A
"""


def _cmyk(c: float, m: float, y: float, k: float) -> RGB:
    """cmyk as rgb, as a PDF viewer shows a cmyk colour beamer wrote (DeviceCMYK without a profile)."""
    return ((1 - c) * (1 - k), (1 - m) * (1 - k), (1 - y) * (1 - k))


def _dvips() -> dict[str, RGB]:
    words = _DVIPS.split()
    return {name: model_colour("HTML", code) or (0, 0, 0) for name, code in zip(words[::2], words[1::2])}


_NUMBER = re.compile(r"\s*([0-9]*\.?[0-9]+)\s*")


def _numbers(spec: str, n: int) -> list[float] | None:
    parts = re.split(r"[,\s]+", spec.strip())
    if len(parts) != n or not all(_NUMBER.fullmatch(p) for p in parts):
        return None
    return [float(p) for p in parts]


def model_colour(model: str, spec: str) -> RGB | None:
    """The colour ``spec`` says in xcolor's ``model`` (``rgb``, ``RGB``, ``HTML``, ``cmyk``, ``cmy``,
    ``gray``, ``Gray``), or None when it says none."""
    model = model.strip()
    if model == "HTML":
        text = spec.strip().lstrip("#")
        if re.fullmatch(r"[0-9A-Fa-f]{6}", text):
            return (int(text[0:2], 16) / 255, int(text[2:4], 16) / 255, int(text[4:6], 16) / 255)
        return None
    count = {"rgb": 3, "RGB": 3, "cmy": 3, "cmyk": 4, "gray": 1, "Gray": 1}.get(model)
    values = _numbers(spec, count) if count else None
    if values is None:
        return None
    if model == "RGB":
        values = [v / 255 for v in values]
    elif model == "Gray":
        values = [v / 15 for v in values]
    values = [min(1.0, max(0.0, v)) for v in values]
    if model == "cmyk":
        return _cmyk(*values)
    if model == "cmy":
        return (1 - values[0], 1 - values[1], 1 - values[2])
    if model in ("gray", "Gray"):
        return (values[0], values[0], values[0])
    return (values[0], values[1], values[2])


@functools.cache
def _named_colours() -> dict[str, RGB]:
    return {**_dvips(), **_BASE}


def _named(name: str, defined: Mapping[str, RGB]) -> RGB | None:
    name = name.strip()
    if name in defined:
        return defined[name]
    named = _named_colours()
    if name in named:
        return named[name]
    css = css_colour(name) if re.fullmatch(r"#?[A-Za-z0-9]+", name) else ""
    return (int(css[1:3], 16) / 255, int(css[3:5], 16) / 255, int(css[5:7], 16) / 255) if css else None


def expression_colour(expr: str, defined: Mapping[str, RGB] | None = None) -> RGB | None:
    """The colour of an xcolor expression: a name (the deck's own first), ``name!pct`` (tinted with
    white), ``a!pct!b!pct2!c…`` (mixed left to right), ``-name`` (its complement)."""
    defined = defined or {}
    expr = expr.strip()
    complement = expr.startswith("-")
    parts = expr.lstrip("-").split("!")
    colour = _named(parts[0], defined)
    if colour is None or len(parts) > 12:
        return None
    k = 1
    while k < len(parts):
        pct = _NUMBER.fullmatch(parts[k])
        if pct is None:
            return None
        other = _named(parts[k + 1], defined) if k + 1 < len(parts) else (1.0, 1.0, 1.0)
        if other is None:
            return None
        share = min(100.0, float(pct.group(1))) / 100
        colour = (
            share * colour[0] + (1 - share) * other[0],
            share * colour[1] + (1 - share) * other[1],
            share * colour[2] + (1 - share) * other[2],
        )
        k += 2
    if complement:
        colour = (1 - colour[0], 1 - colour[1], 1 - colour[2])
    return colour


def hex_colour(colour: RGB | None) -> str:
    """``colour`` as ``#RRGGBB`` ("" for None)."""
    if colour is None:
        return ""
    return "#{:02X}{:02X}{:02X}".format(*(round(v * 255) for v in colour))


def tex_colour(spec: str, model: str = "", defined: Mapping[str, RGB] | None = None) -> str:
    """``#RRGGBB`` of a colour command's argument (``\\textcolor[model]{spec}``), "" when LaTeX's names
    and models and CSS's names say no colour."""
    if model.strip() and model.strip() != "named":
        return hex_colour(model_colour(model, spec))
    return hex_colour(expression_colour(spec, defined))


def definition(name: str, args: list[str], kinds: str, defined: Mapping[str, RGB]) -> tuple[str, RGB] | None:
    """The colour a ``\\definecolor{name}{model}{spec}`` or ``\\colorlet{name}{expr}`` defines (``args`` its
    arguments, ``kinds`` their brackets), or None when it defines none."""
    braced = [a for a, k in zip(args, kinds) if k == "{"]
    if name in ("definecolor", "providecolor") and len(braced) >= 3:
        models = braced[1].split("/")  # (xcolor's `rgb/cmyk` model lists: the first model's spec)
        specs = braced[2].split("/")
        colour = model_colour(models[0], specs[0])
        return (braced[0].strip(), colour) if colour is not None else None
    if name == "colorlet" and len(braced) >= 2:
        colour = expression_colour(braced[1], defined)
        return (braced[0].strip(), colour) if colour is not None else None
    return None


_MATH_COLOUR = re.compile(r"\\(textcolor|color|colorbox)\s*(?:\[([^\]]*)\])?\s*\{([^{}]*)\}")


def math_colours(tex: str, defined: Mapping[str, RGB] | None = None) -> str:
    """Math ``tex`` with its colour commands' colours as ``#RRGGBB`` where LaTeX (or the lecture's
    ``defined`` colours) names them: the math renderers know CSS's names, not xcolor's mixes or a deck's."""

    def colour(mt: re.Match) -> str:
        found = tex_colour(mt.group(3), mt.group(2) or "", defined)
        return f"\\{mt.group(1)}{{{found}}}" if found else mt.group(0)

    return _MATH_COLOUR.sub(colour, tex)


COLOUR_DEFINERS = frozenset({"definecolor", "providecolor", "colorlet"})
