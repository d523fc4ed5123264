"""TeX math → SVG (ziamath, pure Python): vector in the handout, rasterised in the deck."""

from __future__ import annotations

import re
from functools import lru_cache

from .mathfallback import fallback_for
from .texmath import normalise

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


@lru_cache(maxsize=512)
def tex_to_svg(tex: str, display: bool = False, size: float = 18.0) -> str | None:
    """Return SVG markup for ``tex``, or None when it cannot be typeset."""
    if len(tex) > 2000:
        return None
    try:
        import ziamath  # noqa: PLC0415 (ziamath takes 0.3 s to import: only a lecture with math loads it)

        with fallback_for(tex):  # (East Asian characters: from a CJK face, not as empty boxes)
            expr = ziamath.Latex(normalise(unwrapped(tex)), size=size, inline=not display)
            return expr.svg()
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
