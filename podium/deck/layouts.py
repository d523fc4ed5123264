"""Finding a template layout for each kind of slide, and telling which kind a layout serves.

A layout is found by pandoc's name (case-insensitive) or the name theme.yaml maps the kind to,
then through the fallback kinds, then by the placeholders it has, each fallback with a warning.
"""

from __future__ import annotations

from pptx.enum.shapes import PP_PLACEHOLDER

from .. import model as m
from ..diagnostics import Diagnostics, did_you_mean
from ..template_folders import Template
from .plan import FALLBACKS, LAYOUT_NAMES, LayoutKind

TITLE_TYPES = (PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.CENTER_TITLE, PP_PLACEHOLDER.VERTICAL_TITLE)
BODY_TYPES = (
    PP_PLACEHOLDER.BODY,
    PP_PLACEHOLDER.OBJECT,
    PP_PLACEHOLDER.SUBTITLE,
    PP_PLACEHOLDER.PICTURE,
    PP_PLACEHOLDER.TABLE,
    PP_PLACEHOLDER.CHART,
    PP_PLACEHOLDER.VERTICAL_BODY,
    PP_PLACEHOLDER.VERTICAL_OBJECT,
    PP_PLACEHOLDER.ORG_CHART,
    PP_PLACEHOLDER.MEDIA_CLIP,
    PP_PLACEHOLDER.BITMAP,
)
FOOTER_TYPES = (PP_PLACEHOLDER.FOOTER, PP_PLACEHOLDER.SLIDE_NUMBER)


class LayoutFinder:
    """Find the layout for a kind: by name (case-insensitive), theme map, fallbacks, placeholders."""

    def __init__(self, prs, template: Template, diags: Diagnostics):
        self.prs = prs
        self.layouts = list(prs.slide_layouts)
        self.by_name = {lay.name.strip().lower(): lay for lay in self.layouts}
        self.map = dict(template.theme.layouts)
        self.diags = diags
        self.cache: dict[LayoutKind, object] = {}
        self.warned: set[LayoutKind] = set()
        self.guessed: dict[LayoutKind, str] | None = None

    def names(self) -> list[str]:
        return [lay.name for lay in self.layouts]

    def named(self, name: str):
        return self.by_name.get(name.strip().lower())

    def for_kind(self, kind: LayoutKind, pos: m.SourcePos | None = None):
        if kind in self.cache:
            return self.cache[kind]
        lay = self._direct(kind)
        if lay is None and not self.map:
            # a deck without a theme map (a bare institution .pptx): the guesses `template new --from-pptx` makes
            guess = self._guesses().get(kind)
            lay = self.named(guess) if guess else None
            if lay is not None:
                self.diags.warning(
                    f"template has no '{LAYOUT_NAMES[kind]}' layout; using '{lay.name}', chosen by "
                    "its placeholders",
                    None,
                    "layout-fallback",
                )
        if lay is None:
            for alt in FALLBACKS.get(kind, ()):
                lay = self._direct(alt)
                if lay is not None:
                    self.diags.warning(
                        f"template has no '{LAYOUT_NAMES[kind]}' layout; using '{lay.name}'",
                        None,
                        "layout-fallback",
                    )
                    break
        if lay is None:
            lay = self._by_shape(kind)
            self.diags.warning(
                f"template has no '{LAYOUT_NAMES[kind]}' layout; using '{lay.name}', chosen by "
                "its placeholders",
                None,
                "layout-fallback",
            )
        self.cache[kind] = lay
        return lay

    def _guesses(self) -> dict[LayoutKind, str]:
        if self.guessed is None:
            self.guessed = guess_layout_map(self.prs)[0]
        return self.guessed

    def _direct(self, kind: LayoutKind):
        if kind in self.map:
            if self.named(self.map[kind]) is not None:
                return self.named(self.map[kind])
            if kind not in self.warned:
                self.warned.add(kind)
                self.diags.warning(
                    f"theme.yaml maps '{kind}' to layout '{self.map[kind]}', which the template deck "
                    f"does not have{did_you_mean(self.map[kind], self.names())} (layouts: "
                    f"{', '.join(self.names())})",
                    None,
                    "unknown-layout",
                )
        return self.named(LAYOUT_NAMES[kind])

    def _by_shape(self, kind: LayoutKind):
        def score(lay):
            types = [ph.placeholder_format.type for ph in lay.placeholders]
            has_title = any(t in TITLE_TYPES for t in types)
            bodies = sum(1 for t in types if t in BODY_TYPES)
            want_body = {
                "title": 1,
                "section": 0,
                "title-only": 0,
                "blank": 0,
                "two-content": 2,
                "comparison": 4,
                "caption": 2,
                "picture": 2,
            }.get(kind, 1)
            return (has_title == (kind != "blank")) * 10 - abs(bodies - want_body)

        return max(self.layouts, key=score)


def kind_of_layout(layout, slide_area: int | None = None) -> LayoutKind:
    """Return the Podium slide kind a layout would serve (for `template inspect`).

    Placeholders smaller than a tenth of the slide (logos, small labels) do not count; text
    placeholders (``body``) are told apart from content placeholders (``obj``, pictures, tables).
    """
    name = layout.name.strip().lower()
    for kind, lname in LAYOUT_NAMES.items():
        if name == lname.lower():
            return kind
    phs = list(layout.placeholders)
    if slide_area is None:
        try:
            pres = layout.part.package.presentation_part.presentation
            slide_area = int(pres.slide_width) * int(pres.slide_height)
        except AttributeError:
            slide_area = max((int(ph.width or 0) * int(ph.height or 0) for ph in phs), default=1) * 4
    big = [
        ph
        for ph in phs
        if ph.placeholder_format.type in BODY_TYPES
        and int(ph.width or 0) * int(ph.height or 0) >= slide_area / 10
    ]
    types = [ph.placeholder_format.type for ph in phs]
    text = [ph for ph in phs if ph.placeholder_format.type == PP_PLACEHOLDER.BODY and ph not in big]
    content = [ph for ph in big if ph.placeholder_format.type != PP_PLACEHOLDER.BODY]
    bodies = [ph for ph in big if ph.placeholder_format.type == PP_PLACEHOLDER.BODY]
    if PP_PLACEHOLDER.CENTER_TITLE in types or PP_PLACEHOLDER.SUBTITLE in types:
        return LayoutKind.TITLE
    if not any(t in TITLE_TYPES for t in types):
        return LayoutKind.BLANK
    if any(ph.placeholder_format.type == PP_PLACEHOLDER.PICTURE for ph in big):
        return LayoutKind.PICTURE
    n = len(big)
    if n == 0:
        return LayoutKind.SECTION if text else LayoutKind.TITLE_ONLY
    if n == 1:
        return (
            LayoutKind.SECTION
            if bodies and text == [] and int(big[0].height) < slide_area**0.5 / 3
            else LayoutKind.CONTENT
        )
    if n == 2:
        if len(text) >= 2:
            return LayoutKind.COMPARISON  # two contents, each under a small heading
        if len(content) == 1 and len(bodies) == 1:
            return LayoutKind.CAPTION
        return LayoutKind.TWO_CONTENT
    if n >= 4:
        return LayoutKind.COMPARISON
    return LayoutKind.CONTENT


def guess_layout_map(prs) -> tuple[dict[LayoutKind, str], dict[LayoutKind, list[str]], list[LayoutKind]]:
    """Return ({kind: layout name} for kinds lacking pandoc's name, {kind: other candidates}, kinds left out).

    A layout is a candidate for the kind :func:`kind_of_layout` sees in its
    placeholders; vertical-text layouts come last; the first candidate in the deck's order wins.
    """
    layouts = list(prs.slide_layouts)
    by_name = {lay.name.strip().lower() for lay in layouts}
    pandoc = {n.lower() for n in LAYOUT_NAMES.values()}
    chosen: dict[LayoutKind, str] = {}
    more: dict[LayoutKind, list[str]] = {}
    missing: list[LayoutKind] = []
    for kind, name in LAYOUT_NAMES.items():
        if name.lower() in by_name:
            continue
        cands = [
            lay for lay in layouts if lay.name.strip().lower() not in pandoc and kind_of_layout(lay) == kind
        ]
        cands.sort(key=is_vertical)  # stable: deck order, vertical text last
        if cands:
            chosen[kind] = cands[0].name
            more[kind] = [lay.name for lay in cands[1:]]
        else:
            missing.append(kind)
    return chosen, more, missing


def is_vertical(layout) -> bool:
    """Return True when a placeholder of ``layout`` holds vertical text (``<p:ph orient="vert">``)."""
    return any(str(getattr(ph._element, "ph_orient", "horz")) == "vert" for ph in layout.placeholders)
