"""Quantities, numbers and chemical formulas from LaTeX's siunitx and mhchem, as the words they print.

A beamer lecture in physics, chemistry or engineering writes ``\\SI{9.81}{\\metre\\per\\second\\squared}``,
``\\num{6.022e23}`` and ``\\ce{H2SO4}`` in its text; pandoc's PowerPoint writer drops them.  Here each
becomes the inline markup the reader draws (``<sup>``/``<sub>`` raise and lower), as siunitx prints
it by default: a number and its unit with a no-break space between, ``\\per`` as a power of −1
(``m s⁻²``), ``e23`` as ``× 10²³``; and as mhchem prints a formula: ``H₂SO₄``, ``Na⁺``, ``→``.

==========================================  ========================================================
``\\SI{v}{u}``, ``\\qty{v}{u}``               the number then its unit
``\\si{u}``, ``\\unit{u}``                    the unit (macros ``\\kilo\\gram``, or literal ``kg.m/s^2``)
``\\num{v}``, ``\\ang{30}``                   the number; an angle in degrees
``\\SIrange``, ``\\qtyrange``, ``\\numrange``  ``1 m to 10 m``
``\\ce{…}``                                  the formula: counts lowered, charges raised, arrows
==========================================  ========================================================
"""

from __future__ import annotations

import re
from html import escape

NBSP = "\u00a0"
MINUS = "\u2212"

PREFIXES = {
    "yocto": "y", "zepto": "z", "atto": "a", "femto": "f", "pico": "p", "nano": "n", "micro": "µ",
    "milli": "m", "centi": "c", "deci": "d", "deca": "da", "deka": "da", "hecto": "h", "kilo": "k",
    "mega": "M", "giga": "G", "tera": "T", "peta": "P", "exa": "E", "zetta": "Z", "yotta": "Y",
    "kibi": "Ki", "mebi": "Mi", "gibi": "Gi",
}  # fmt: skip
UNITS = {
    "metre": "m", "meter": "m", "second": "s", "gram": "g", "kilogram": "kg", "ampere": "A",
    "kelvin": "K", "mole": "mol", "candela": "cd", "hertz": "Hz", "newton": "N", "pascal": "Pa",
    "joule": "J", "watt": "W", "coulomb": "C", "volt": "V", "ohm": "Ω", "farad": "F", "siemens": "S",
    "weber": "Wb", "tesla": "T", "henry": "H", "degreeCelsius": "°C", "celsius": "°C", "lumen": "lm",
    "lux": "lx", "becquerel": "Bq", "gray": "Gy", "sievert": "Sv", "katal": "kat", "radian": "rad",
    "steradian": "sr", "litre": "L", "liter": "L", "electronvolt": "eV", "dalton": "Da", "tonne": "t",
    "minute": "min", "hour": "h", "day": "d", "degree": "°", "arcminute": "′", "arcsecond": "″",
    "percent": "%", "bar": "bar", "angstrom": "Å", "barn": "b", "bel": "B", "decibel": "dB",
    "neper": "Np", "astronomicalunit": "au", "atomicmassunit": "u", "bit": "bit", "byte": "B",
    "hectare": "ha", "mmHg": "mmHg", "knot": "kn", "nauticalmile": "M", "clight": "c",
}  # fmt: skip
# siunitx's abbreviations (\km, \ms, \kHz…): the symbol as printed
ABBREVIATIONS = {
    **{a: a for a in ("m", "s", "g", "A", "K", "N", "J", "W", "V", "C", "F", "T", "L", "Hz", "Pa", "mol", "eV",
                      "km", "cm", "mm", "nm", "pm", "ms", "ns", "ps", "kg", "mg", "kHz", "MHz", "GHz", "kJ", "MJ",
                      "kW", "MW", "GW", "kV", "mV", "mA", "kPa", "MPa", "GPa", "mL", "ml", "mmol", "kmol", "keV",
                      "MeV", "GeV", "TeV", "kN", "kK", "dB", "nF", "pF", "mF", "mW", "kWh", "Wh", "mT", "kB",
                      "MB", "GB", "TB", "mJ", "kA", "mK", "fs", "mN", "Gs", "Ms", "kL", "dL", "cL", "mm")},
    **{a: "µ" + a[1:] for a in ("um", "us", "ug", "uA", "uV", "uL", "ul", "uF", "uJ", "uW", "umol", "uT")},
    "h": "h", "min": "min", "l": "l", "ohm": "Ω", "kohm": "kΩ", "Mohm": "MΩ",
}  # fmt: skip
POWERS = {"squared": 2, "cubed": 3}
POWER_BEFORE = {"square": 2, "cubic": 3}
_SUPERSCRIPT_MINUS = MINUS

_MACRO = re.compile(r"\\([A-Za-z]+)\s*(?:\{([^{}]*)\})?")
_NUMBER = re.compile(r"^\s*([+\-]?)\s*([0-9.,]*\d[0-9.,]*|[0-9]*)\s*(?:[eEdD]\s*([+\-]?\d+))?\s*$")
# a number with its uncertainty in brackets, on its last digits: 165,4(8) is 165,4 ± 0,8
_COMPACT = re.compile(r"^(\s*[+\-]?\s*)(\d*([.,]?)(\d*))\s*\(\s*(\d+(?:[.,]\d+)?)\s*\)(.*)$")
_SEPARATE = re.compile(r"separate-uncertainty\s*=?\s*(?:true)?\s*(?:,|$)|uncertainty-mode\s*=\s*separate")


def number(value: str, options: str = "") -> str:
    """``6.022e23`` as ``6.022 × 10<sup>23</sup>``, ``-3`` with a minus sign, ``40.3 \\pm 0.2`` as
    ``40.3 ± 0.2``; ``165,4(8)`` as written, or as ``165,4 ± 0,8`` where ``options`` (siunitx's
    ``[…]``) ask for ``separate-uncertainty``; other text as written."""
    value = value.strip()
    compact = _COMPACT.match(value)
    if compact is not None and _SEPARATE.search(options.strip()):
        value = _separated(compact)
    spread = re.split(r"\\pm|\+-", value, maxsplit=1)
    if len(spread) == 2:
        return f"{number(spread[0])} ± {number(spread[1])}"
    mt = _NUMBER.match(value)
    if mt is None or not (mt.group(2) or mt.group(3)):
        return escape(value.replace("-", MINUS) if re.fullmatch(r"[-+0-9.,\s]+", value) else value)
    sign = MINUS if mt.group(1) == "-" else ""
    mantissa = mt.group(2)
    if mt.group(3) is None:
        return sign + mantissa
    exponent = mt.group(3).lstrip("+").replace("-", MINUS)
    power = f"10<sup>{exponent}</sup>"
    return f"{sign}{mantissa} × {power}" if mantissa else sign + power


def _separated(compact: re.Match) -> str:
    """A compact uncertainty (``165,4(8)``) written out as siunitx's ``separate-uncertainty`` prints
    it: ``165,4 \\pm 0,8``, the uncertainty's digits on the number's last ones, in its decimal marker."""
    sign, mantissa, marker, decimals, spread, rest = compact.groups()
    if not re.fullmatch(r"\d+", spread) or not decimals:
        return f"{sign}{mantissa}{rest} \\pm {spread}{rest}"  # (12(3), or 1.2(0.3): as written)
    digits = spread.rjust(len(decimals) + 1, "0")
    whole, fraction = digits[: -len(decimals)], digits[-len(decimals) :]
    return f"{sign}{mantissa}{rest} \\pm {int(whole)}{marker}{fraction}{rest}"


def unit(spec: str) -> str:
    """A siunitx unit, written with macros (``\\kilo\\metre\\per\\hour``) or literally (``km/h``,
    ``kg.m^2``), as text with its powers raised."""
    spec = spec.strip()
    if "\\" not in spec:
        return _literal_unit(spec)
    parts: list[list] = []  # [symbol, power]
    prefix = ""
    per = False
    before = 0
    for mt in _MACRO.finditer(spec):
        name, arg = mt.group(1), mt.group(2)
        if name in PREFIXES:
            prefix += PREFIXES[name]
        elif name in POWER_BEFORE:
            before = POWER_BEFORE[name]
        elif name == "per":
            per = True
        elif name in POWERS and parts:
            parts[-1][1] *= POWERS[name]
        elif name in ("tothe", "raiseto") and parts and arg:
            parts[-1][1] *= _int(arg)
        elif name in UNITS or name in ABBREVIATIONS or name == "unit" and arg:
            symbol = UNITS.get(name) or ABBREVIATIONS.get(name) or arg or ""
            parts.append([prefix + symbol, (before or 1) * (-1 if per else 1)])
            prefix, per, before = "", False, 0
        elif name == "text" and arg is not None:
            parts.append([arg, -1 if per else 1])
            per = False
    words = []
    for symbol, power in parts:
        words.append(escape(symbol) + (f"<sup>{str(power).replace('-', MINUS)}</sup>" if power != 1 else ""))
    return "\u2009".join(words) if words else escape(re.sub(r"\\[A-Za-z]+", "", spec))


def _literal_unit(spec: str) -> str:
    out = escape(spec).replace("~", NBSP).replace(".", "\u2009")
    return re.sub(r"\^\{?(-?\d+)\}?", lambda mt: f"<sup>{mt.group(1).replace('-', MINUS)}</sup>", out)


def _int(text: str) -> int:
    try:
        return int(text.strip())
    except ValueError:
        return 1


def quantity(value: str, spec: str, options: str = "") -> str:
    """A number and its unit, a no-break space between (none before an angle's ``°``, as siunitx)."""
    u = unit(spec)
    gap = "" if u in ("°", "′", "″") else NBSP
    n = number(value, options)
    return f"({n}){gap}{u}" if "±" in n else f"{n}{gap}{u}"  # (40.3 ± 0.2) s, as siunitx


_ARROWS = {"<=>": "⇌", "<->": "↔", "->": "→", "<-": "←", "<=>>": "⇌", "<<=>": "⇌"}
_CE_TOKEN = re.compile(r"<=>>|<<=>|<=>|<->|->|<-|\s+|[^\s]+?(?=<=>|<->|->|<-|\s|$)")


def chemistry(formula: str) -> str:
    """An mhchem formula (``2H2O``, ``SO4^2-``, ``Na+``, ``A -> B``) as text, counts lowered and
    charges raised."""
    out = []
    for token in _CE_TOKEN.findall(formula.strip()):
        if token in _ARROWS:
            out.append(_ARROWS[token])
        elif token.isspace():
            out.append(" ")
        else:
            out.append(_species(token))
    return "".join(out)


def _species(token: str) -> str:
    if token in ("+", "="):
        return token
    coefficient = re.match(r"^\d+(?=[A-Z(\[])", token)
    head = coefficient.group(0) if coefficient else ""
    rest = token[len(head) :]
    charge = ""
    mt = re.search(r"\^\{?([0-9]*[+\-])\}?$|(?<=[A-Za-z0-9)\]])([+\-])$", rest)
    if mt is not None:
        charge = (mt.group(1) or mt.group(2)).replace("-", MINUS)
        rest = rest[: mt.start()]
    body = re.sub(r"(?<=[A-Za-z)\]])(\d+)", r"<sub>\1</sub>", escape(rest))
    body = body.replace("_", "")
    return head + body + (f"<sup>{charge}</sup>" if charge else "")


def as_markup(name: str, args: list[str], options: str = "") -> str | None:
    """The markup for siunitx/mhchem command ``\\name`` with brace arguments ``args`` and its
    ``[…]`` ``options``; None for others."""
    if name in ("SI", "qty") and len(args) >= 2:
        return quantity(args[-2], args[-1], options)
    if name in ("si", "unit") and args:
        return unit(args[-1])
    if name == "num" and args:
        return number(args[-1], options)
    if name == "ang" and args:
        return number(args[-1]) + "°"
    if name in ("SIrange", "qtyrange") and len(args) >= 3:
        return f"{quantity(args[-3], args[-1])} to {quantity(args[-2], args[-1])}"
    if name == "numrange" and len(args) >= 2:
        return f"{number(args[-2])} to {number(args[-1])}"
    if name in ("ce", "chemfig") and args and name == "ce":
        return chemistry(args[-1])
    return None


_COMMAND = re.compile(r"\\(SIrange|qtyrange|numrange|SI|qty|si|unit|num|ang|ce)(?![A-Za-z])")
_TEX_OF = {
    "µ": r"\mu ", "Ω": r"\Omega ", "°": r"^{\circ}", "′": r"'", "″": r"''", "→": r"\rightarrow ",
    "←": r"\leftarrow ", "↔": r"\leftrightarrow ", "⇌": r"\rightleftharpoons ", "×": r"\times ",
    MINUS: "-", NBSP: r"\,", ",": "{,}", "\u2009": r"\,", "Å": r"\mathring{A}", "%": r"\%", "±": r"\pm ",
}  # fmt: skip


def in_math(tex: str) -> str:
    """``tex`` with the siunitx and mhchem commands in it written as the TeX math they print."""
    out: list[str] = []
    last = 0
    for mt in _COMMAND.finditer(tex):
        if mt.start() < last:
            continue
        j = mt.end()
        args: list[str] = []
        options: list[str] = []
        while j < len(tex):
            k = j
            while k < len(tex) and tex[k] == " ":
                k += 1
            if k >= len(tex) or tex[k] not in "[{":
                break
            close = _close(tex, k)
            if close < 0:
                break
            (args if tex[k] == "{" else options).append(tex[k + 1 : close - 1])
            j = close
        markup = as_markup(mt.group(1), args, ",".join(options))
        if markup is None:
            continue
        out.append(tex[last : mt.start()])
        out.append("{" + _math_of(markup) + "}")
        last = j
    out.append(tex[last:])
    return "".join(out)


def _close(text: str, i: int) -> int:
    opening = text[i]
    closing = "]" if opening == "[" else "}"
    depth = 0
    for j in range(i, len(text)):
        if text[j] == "\\":
            continue
        if text[j] == opening:
            depth += 1
        elif text[j] == closing:
            depth -= 1
            if depth == 0:
                return j + 1
    return -1


def _math_of(markup: str) -> str:
    """Markup from :func:`as_markup` as TeX math: words upright, ``<sup>``/``<sub>`` as ``^{}``/``_{}``."""
    from html import unescape  # noqa: PLC0415

    out: list[str] = []
    for part in re.split(r"(<su[pb]>.*?</su[pb]>)", markup):
        script = re.fullmatch(r"<su([pb])>(.*?)</su[pb]>", part)
        if script is not None:
            out.append(("^{" if script.group(1) == "p" else "_{") + _upright(unescape(script.group(2))) + "}")
        elif part:
            out.append(_upright(unescape(part)))
    return "".join(out)


def _upright(text: str) -> str:
    text = re.sub(r" ?([±×]) ?", r"\1", text)  # (binary operators in math: TeX spaces them)
    out: list[str] = []
    for piece in re.split(r"([A-Za-z]+)", text):
        if re.fullmatch(r"[A-Za-z]+", piece):
            out.append(r"\mathrm{" + piece + "}")
        else:
            out.append("".join(_TEX_OF.get(c, "\\ " if c == " " else c) for c in piece))
    return "".join(out)
