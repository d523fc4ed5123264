"""The lecture's or the theme's logo on every slide, where the template deck's design carries no picture
of its own.

The lecture's front matter may name one (``logo: ours.png``, or Quarto's ``logo:`` under
``format: revealjs:``): it is found as a picture is, and wins over the theme's.

``theme.yaml`` names the file (``logo: logo.png``) and may choose the corner
(``logo-position: top-left | top-right | bottom-left | bottom-right``, default bottom-right).
The logo is about 8 % of the slide's height, inset from the edges, and never covers the footer
placeholders' text because it is drawn in the corner they leave free on the bundled decks.
"""

from __future__ import annotations

from pptx.enum.shapes import MSO_SHAPE_TYPE

from .. import model as m
from ..handout.decklook import deck_look, furniture, logo_box, logo_corner, logo_path, picture_aspect
from ..template_folders import Template
from .pictures import LOGO, add_svg


def design_has_picture(layout) -> bool:
    """True when the layout or its master already draws a picture (an institution's own logo)."""
    for shapes in (layout.slide_master.shapes, layout.shapes):
        if any(sh.shape_type == MSO_SHAPE_TYPE.PICTURE for sh in shapes):
            return True
    return False


class Logo:
    """Adds the lecture's or the theme's logo to slides whose layout has no picture."""

    def __init__(self, template: Template, lecture: m.Lecture, slide_w: int, slide_h: int):
        self.path = logo_path(template, lecture)
        self.corner = logo_corner(template)
        self.slide_w, self.slide_h = slide_w, slide_h
        self._checked: dict[int, bool] = {}
        self.box = None
        if self.path is not None:
            avoid = furniture(deck_look(template))
            self.box = logo_box(self.corner, slide_w / slide_h, picture_aspect(self.path), avoid)

    def add(self, cv) -> None:
        """Add the logo to ``cv``'s slide (a Canvas: an SVG logo is drawn as SVG pictures are)."""
        if self.path is None or self.box is None:
            return
        slide = cv.slide
        layout = slide.slide_layout
        key = id(layout)
        if key not in self._checked:
            self._checked[key] = design_has_picture(layout)
        if self._checked[key]:
            return
        b = self.box
        x, y = int(b.x * self.slide_w), int(b.y * self.slide_h)
        w, h = int(b.w * self.slide_w), int(b.h * self.slide_h)
        if self.path.suffix.lower() == ".svg":
            pic = add_svg(cv, str(self.path), x, y, w, h)
        else:
            pic = slide.shapes.add_picture(str(self.path), x, y, w, h)
        pic.name = LOGO
        pic._element.nvPicPr.cNvPr.set("descr", "")  # decoration: screen readers skip it
