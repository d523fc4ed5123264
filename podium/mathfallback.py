"""Characters the math font has no glyph for (Chinese, Japanese, Korean), drawn from a CJK face.

ziamath draws every character of an equation with its math font (STIX Two Math), which has no
Chinese, Japanese or Korean glyph: ``\\text{合計}`` or a subscript ``_{推定目標}`` came out as empty
boxes in the handout and the slides PDF (the deck's Office math, drawn by PowerPoint, was right).
ziafont cannot read the CJK faces installed (OpenType collections of CID-keyed CFF), so the glyphs an
equation needs are copied into a small TrueType font of their own (fontTools: outlines converted to
quadratic curves), kept in Podium's cache folder by the characters it holds, and ziamath is told to
take a character its math font lacks from there.  Only an equation with such characters pays for it.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import tempfile
from collections.abc import Iterator
from functools import lru_cache

from .buildrecord import cache_root

FACE = "Noto Sans CJK JP"  # (the collection's faces share their Han, kana and Hangul outlines)
_current: list = []  # the fallback font of the equation being drawn (ziafont.Font), if any


def needed(tex: str) -> str:
    """The characters of ``tex`` the math font cannot draw (East Asian ones), each once, in order."""
    from .deck.measure import has_east_asian  # noqa: PLC0415 (measure imports the math renderer)

    if not has_east_asian(tex):
        return ""
    return "".join(dict.fromkeys(ch for ch in tex if has_east_asian(ch)))


@contextlib.contextmanager
def fallback_for(tex: str) -> Iterator[None]:
    """While active, ziamath draws the East Asian characters of ``tex`` from a CJK face."""
    chars = needed(tex)
    font = _font(chars) if chars else None
    if font is None:
        yield
        return
    _patch()
    _current.append(font)
    try:
        yield
    finally:
        _current.pop()


@lru_cache(maxsize=64)
def _font(chars: str):
    """A ziafont Font holding ``chars`` from :data:`FACE`, or None when the face is not installed."""
    import ziafont  # noqa: PLC0415 (with ziamath: only a lecture with math loads it)

    from .deck.fonts import font_file  # noqa: PLC0415

    source = font_file(FACE)
    if source is None or not os.path.exists(source):
        return None
    key = hashlib.sha256(f"{source}\x1f{os.path.getmtime(source)}\x1f{chars}".encode()).hexdigest()[:24]
    folder = cache_root() / "fonts"
    path = folder / f"{key}.ttf"
    if not path.exists():
        try:
            data = _subset(source, chars, f"PodiumCJK{key[:8]}")
            folder.mkdir(parents=True, exist_ok=True)
            with tempfile.NamedTemporaryFile(dir=folder, suffix=".part", delete=False) as f:
                f.write(data)
            os.replace(f.name, path)
        except (OSError, ValueError, KeyError, TypeError):
            return None
    try:
        return ziafont.Font(str(path))
    except (OSError, ValueError, NotImplementedError):
        return None


def _subset(source: str, chars: str, family: str) -> bytes:
    """A TrueType font of ``chars``' glyphs from ``source`` (the first face of a collection)."""
    import io  # noqa: PLC0415

    from fontTools.fontBuilder import FontBuilder  # noqa: PLC0415
    from fontTools.pens.cu2quPen import Cu2QuPen  # noqa: PLC0415
    from fontTools.pens.ttGlyphPen import TTGlyphPen  # noqa: PLC0415
    from fontTools.ttLib import TTFont  # noqa: PLC0415

    src = TTFont(source, fontNumber=0, lazy=True)
    cmap = src.getBestCmap()
    shapes = src.getGlyphSet()
    upem = src["head"].unitsPerEm
    order = [".notdef"]
    mapping: dict[int, str] = {}
    glyphs = {".notdef": TTGlyphPen(None).glyph()}
    widths = {".notdef": upem // 2}
    for ch in chars:
        name = cmap.get(ord(ch))
        if name is None:
            continue
        pen = TTGlyphPen(None)
        shapes[name].draw(Cu2QuPen(pen, max_err=1.0, reverse_direction=True))
        own = f"u{ord(ch):04X}"
        order.append(own)
        mapping[ord(ch)] = own
        glyphs[own] = pen.glyph()
        widths[own] = shapes[name].width
    fb = FontBuilder(upem, isTTF=True)
    fb.setupGlyphOrder(order)
    fb.setupCharacterMap(mapping)
    fb.setupGlyf(glyphs)
    glyf = fb.font["glyf"]
    fb.setupHorizontalMetrics({n: (widths[n], getattr(glyf[n], "xMin", 0) or 0) for n in order})
    fb.setupHorizontalHeader(ascent=src["hhea"].ascent, descent=src["hhea"].descent)
    fb.setupNameTable({"familyName": family, "styleName": "Regular"})
    fb.setupOS2()
    fb.setupPost()
    out = io.BytesIO()
    fb.save(out)
    return out.getvalue()


@lru_cache(maxsize=1)
def _patch() -> None:
    """Teach ziamath (once) to take a glyph its math font lacks from the current fallback font, and not
    to look that glyph up again in the math font's script variants (its index is the fallback's)."""
    from ziamath.mathfont import MathFont  # noqa: PLC0415
    from ziamath.nodes import mnumber, moperator  # noqa: PLC0415

    findglyph = MathFont.findglyph

    def find(self, char, variant):
        glyph = findglyph(self, char, variant)
        if glyph.index == 0 and _current:
            other = _current[-1].glyph(char)
            if other.index != 0:
                return other
        return glyph

    setattr(MathFont, "findglyph", find)  # noqa: B010 (a deliberate patch of ziamath's class)
    for module in (mnumber, moperator):
        variant = getattr(module, "subglyph")  # noqa: B009 (imported there by name)

        def sub(glyph, font, _variant=variant):
            return glyph if glyph.font is not font else _variant(glyph, font)

        setattr(module, "subglyph", sub)  # noqa: B010
