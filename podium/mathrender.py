"""TeX math → SVG (ziamath, pure Python): vector in the handout, rasterised in the deck."""

from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=512)
def tex_to_svg(tex: str, display: bool = False, size: float = 18.0) -> str | None:
    """Return SVG markup for ``tex``, or None when it cannot be typeset."""
    if len(tex) > 2000:
        return None
    try:
        import ziamath

        expr = ziamath.Latex(tex, size=size, inline=not display)
        return expr.svg()
    except Exception:  # ziamath raises many kinds for TeX it does not know
        return None
