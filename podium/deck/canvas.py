"""The slide being written and what every shape writer needs with it."""

from __future__ import annotations

from dataclasses import dataclass, field

from pptx.dml.color import RGBColor

from ..diagnostics import Diagnostics


@dataclass
class Canvas:
    """One slide being written: the theme's fonts and colours, the type scale, the build list.

    ``scale`` relates type sizes to a 7.5 in tall slide.  ``anim`` collects the slide's builds as
    (step, shape id, paragraph index or None) for :func:`podium.deck.timing.write_timing`.
    """

    slide: object
    fonts: dict[str, str]
    palette: dict[str, str]
    scale: float
    slide_w: int
    slide_h: int
    diags: Diagnostics
    anim: list[tuple[int, int, int | None]] = field(default_factory=list)
    box_style: object = None  # podium.deck.styles.FrameStyle of text boxes the writer adds


def hex_rgb(value: str) -> RGBColor:
    return RGBColor.from_string(value.lstrip("#").upper())
