"""The slide being written and what every shape writer needs with it."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from pptx.dml.color import RGBColor
from pptx.slide import Slide

from ..diagnostics import Diagnostics

if TYPE_CHECKING:
    from .styles import FrameStyle


@dataclass
class Canvas:
    """One slide being written: the theme's fonts and colours, the type scale, the build list.

    ``scale`` relates type sizes to a 7.5 in tall slide.  ``anim`` collects the slide's builds as
    (step, shape id, paragraph index or None) for :func:`podium.deck.timing.write_timing`.
    """

    slide: Slide
    fonts: dict[str, str]
    palette: dict[str, str]
    scale: float
    slide_w: int
    slide_h: int
    diags: Diagnostics
    box_style: FrameStyle  # the style of the text boxes the writer adds
    code_ratio: float = 1.0  # inline code's size over its paragraph's (podium.deck.fonts.code_ratio)
    anim: list[tuple[int, int, int | None]] = field(default_factory=list)
    left_to_right: set = field(default_factory=set)  # shapes (elements) kept left to right: code, math
    # internal links written on the deck's slides so far: (slide, the run's a:rPr, the slide it jumps to)
    jumps: list = field(default_factory=list)


def hex_rgb(value: str) -> RGBColor:
    return RGBColor.from_string(value.lstrip("#").upper())
