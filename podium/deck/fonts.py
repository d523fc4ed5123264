"""The font files a deck will be drawn with, and the widths and line heights of text set in them.

A deck names fonts (Calibri, Cambria, Arial, a CJK face); an office suite on this machine draws
them with the fonts it has, substituting metric-compatible ones (Carlito for Calibri, Caladea for
Cambria, Liberation for Arial, Times New Roman and Courier New).  The same substitution is made
here, then fontconfig finds the file, as LibreOffice's own lookup does (asked in this process,
:mod:`podium.deck.fontconfig`, else through ``fc-match``).  Widths come from FreeType through
Pillow (with HarfBuzz shaping where Pillow has Raqm), measured once per font and piece of text and
cached: a deck measures the same words again and again.
"""

from __future__ import annotations

import logging
import shutil
import subprocess
from dataclasses import dataclass
from functools import lru_cache

from fontTools.ttLib import TTFont
from PIL import ImageFont, features

from .fontconfig import match_file

# The metric-compatible faces an office suite substitutes for the Windows core fonts.
SUBSTITUTES = {
    "calibri": "Carlito",
    "calibri light": "Carlito",
    "cambria": "Caladea",
    "arial": "Liberation Sans",
    "helvetica": "Liberation Sans",
    "arial narrow": "Liberation Sans Narrow",
    "times new roman": "Liberation Serif",
    "times": "Liberation Serif",
    "courier new": "Liberation Mono",
    "courier": "Liberation Mono",
    "consolas": "DejaVu Sans Mono",
    "ms gothic": "Noto Sans CJK JP",
    "ms pgothic": "Noto Sans CJK JP",
    "yu gothic": "Noto Sans CJK JP",
    "meiryo": "Noto Sans CJK JP",
    "ms mincho": "Noto Serif CJK JP",
    "simsun": "Noto Serif CJK SC",
    "microsoft yahei": "Noto Sans CJK SC",
    "malgun gothic": "Noto Sans CJK KR",
}
MEASURE_SIZE = 200  # px: widths are measured at this size and scaled (linear in the size)


@lru_cache(maxsize=256)
def font_file(family: str, bold: bool = False, italic: bool = False) -> str | None:
    """Return the path of the font file drawing ``family`` (with substitutes), or None."""
    name = SUBSTITUTES.get(family.strip().lower(), family.strip()) or "sans-serif"
    style = ":bold" if bold else ""
    style += ":italic" if italic else ""
    found = match_file(name + style)  # fontconfig in this process: no program started per face
    if found is not None:
        return found
    if shutil.which("fc-match") is None:
        return None
    try:
        out = subprocess.run(
            ["fc-match", "-f", "%{file}", name + style],
            capture_output=True,
            text=True,
            timeout=10,
            check=False,
        ).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return None
    return out or None


@dataclass
class Face:
    """One font file at :data:`MEASURE_SIZE`: widths of text, and its line height per point."""

    font: object  # PIL.ImageFont.FreeTypeFont, or None where no file could be found
    line: float  # line height / font size (ascent + descent, as LibreOffice spaces single lines)
    widths: dict[str, float]
    typo: float = 1.0  # the typographic line (how a CJK face adds to a line of Latin text)

    def width(self, text: str, pt: float) -> float:
        """Return the advance width of ``text`` at ``pt`` points, in points."""
        w = self.widths.get(text)
        if w is None:
            if self.font is None:
                w = 0.55 * MEASURE_SIZE * len(text)
            else:
                try:
                    w = float(self.font.getlength(text))  # type: ignore[attr-defined]
                except (RuntimeError, ValueError, OSError):  # text the shaper refuses (e.g. lone surrogates)
                    w = 0.55 * MEASURE_SIZE * len(text)
            self.widths[text] = w
        return w * pt / MEASURE_SIZE


@lru_cache(maxsize=256)
def face(family: str, bold: bool = False, italic: bool = False) -> Face:
    """Return the (cached) :class:`Face` for ``family``."""
    path = font_file(family, bold, italic)
    if path is None:
        return Face(None, 1.22, {}, 1.0)
    engine = ImageFont.Layout.RAQM if features.check("raqm") else ImageFont.Layout.BASIC
    try:
        font = ImageFont.truetype(path, MEASURE_SIZE, layout_engine=engine)
    except OSError:
        return Face(None, 1.22, {}, 1.0)
    return Face(font, line_ratio(path), {}, line_ratio(path, typo=True))


@lru_cache(maxsize=64)
def code_ratio(latin: str, mono: str) -> float:
    """The size of inline code over the size of the words around it: the text face's x-height over the
    code face's, so that code's small letters stand no taller than the text's (Calibri's are lower than
    DejaVu Sans Mono's: code at 0.88 of the size, as web pages set it); between 0.8 and 1, never larger."""

    def x_height(family: str) -> int:
        font = face(family).font
        if font is None:
            return 0
        try:
            _, top, _, bottom = font.getbbox("x")  # type: ignore[attr-defined]
        except (OSError, ValueError):
            return 0
        return bottom - top

    text, code = x_height(latin), x_height(mono)
    if text <= 0 or code <= 0:
        return 1.0
    return round(min(1.0, max(0.8, text / code)), 2)


def line_ratio(path: str, typo: bool = False) -> float:
    """Return a font's single line height over its size: the larger of its hhea and Windows metrics,
    as office suites space lines."""
    logging.getLogger("fontTools").setLevel(logging.ERROR)  # it logs odd timestamps of real fonts
    try:
        font = TTFont(path, fontNumber=0, lazy=True)
        upm = font["head"].unitsPerEm
        hhea = font["hhea"]
        line = (hhea.ascent - hhea.descent + hhea.lineGap) / upm
        if "OS/2" in font:
            os2 = font["OS/2"]
            if typo or os2.fsSelection & (
                1 << 7
            ):  # USE_TYPO_METRICS: the typographic line, as LibreOffice does
                return (os2.sTypoAscender - os2.sTypoDescender + os2.sTypoLineGap) / upm
            line = max(line, (os2.usWinAscent + os2.usWinDescent) / upm)
        return line
    except Exception:  # a font fontTools cannot read: the common ratio
        return 1.22
