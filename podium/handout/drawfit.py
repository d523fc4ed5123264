"""Slide drawings whose text fits their boxes: measured in WeasyPrint's own layout, not estimated.

The slides PDF and the handout's drawings start a body's type at the size the deck's fitter chose
(it measured the text, equations and pictures with the deck's fonts); a drawing cannot measure
itself before it is laid out.  Inline math, a CJK face's taller lines or a long nested list can
then make the drawing taller than the deck, and the body's box cuts the last lines off: students
read a slide whose end is missing, while the deck shows it whole.

After a layout, :func:`overflowing` reads each drawn body's box and the bottom of the text and
pictures inside it.  :meth:`DrawFit.measured` scales the type of each body that runs past its box
(and its code, tables and pictures) by the share that fits, and the caller lays the document out again
(:func:`podium.handout.pdf.render_pdf`, at most ``MAX_ROUNDS`` more times, and only when a body ran
over; the last layout is measured too, for its warnings).  Bodies are named by a hash of what they draw (:func:`body_key`), so the factors found for
the slides PDF serve the handouts' drawings of the same slides in the same build.  A body that
still runs over at ``FLOOR`` of its size, or that smaller type does not help (a picture the
lecturer sized), is left as it is: a warning at its slide's line if a visible part is cut off.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from ..diagnostics import Diagnostics
from ..model import SourcePos

FIT_ATTR = "data-fit"  # on a drawn body: its key (body_key)
AT_ATTR = "data-at"  # on a drawn body: the source line of its slide, for the warning
FLOOR = 0.5  # a drawing's type is never scaled below half the size it started at
MAX_ROUNDS = 3  # layouts after the first, at most
TOLERANCE_PX = 2.0  # what runs past a box by less than this (CSS px) is rounding, not overflow
MARGIN = 0.97  # a little below the measured share: lines rewrap as the type shrinks
VISIBLE = 0.97  # a body cut off by less than this share of its box loses a picture's edge, not a line


def body_key(*parts: object) -> str:
    """A short name for a drawn body: the same for the same words, pictures and starting sizes."""
    return hashlib.blake2b("\x1f".join(map(str, parts)).encode(), digest_size=6).hexdigest()


def overflowing(doc) -> dict[str, tuple[float, str, set[int]]]:
    """For each drawn body of the laid-out ``doc`` whose contents run past its box: key →
    (the least share of its height that fits, the source line of its slide, the pages it is on:
    the same body may be drawn on several).

    Empty where this WeasyPrint does not show its page boxes as 70.0 does (then nothing is refitted).
    """
    from weasyprint.formatting_structure import boxes  # noqa: PLC0415 (WeasyPrint only when a PDF is made)

    found: dict[str, tuple[float, str, set[int]]] = {}
    for number, page in enumerate(doc.pages):
        root = getattr(page, "_page_box", None)
        if root is None:
            return {}
        stack = [root]
        while stack:
            box = _unwrapped(stack.pop())
            element = getattr(box, "element", None)
            key = element.get(FIT_ATTR) if element is not None and hasattr(element, "get") else None
            if key is not None and element is not None and isinstance(box, boxes.BlockBox):
                share = _share(box, boxes)  # (anonymous boxes inside carry the same element: not visited)
                if share is not None:
                    least, _at, pages = found.get(key, (1.0, "", set()))
                    found[key] = (min(share, least), element.get(AT_ATTR) or "", pages | {number})
                continue
            stack.extend(getattr(box, "children", None) or ())
    return found


def _share(body, boxes) -> float | None:
    """The share of ``body``'s contents that its box holds, or None when they all fit."""
    top, room = body.content_box_y(), body.height
    if not room or room <= 0:
        return None
    bottom = top
    stack = list(body.children)
    while stack:
        box = _unwrapped(stack.pop())
        if isinstance(box, boxes.TextBox):
            if box.text.strip():  # (a space after a picture sits on the line's baseline: not text)
                bottom = max(bottom, box.position_y + box.height)
        elif isinstance(box, boxes.ReplacedBox):
            bottom = max(bottom, box.border_box_y() + box.border_height())
        stack.extend(getattr(box, "children", None) or ())
    if bottom <= top + room + TOLERANCE_PX:
        return None
    return room / (bottom - top)


def _unwrapped(box):
    """The box itself where layout left a stand-in for it (an absolutely placed box, as every slide
    drawing's boxes are)."""
    return getattr(box, "_box", box)


@dataclass
class DrawFit:
    """What one build has measured of its slide drawings, kept across its PDFs (the slides PDF is
    laid out first, and the handouts start from what it found)."""

    factors: dict[str, float] = field(default_factory=dict)  # key → scale of the body's type
    shares: dict[str, float] = field(default_factory=dict)  # key → share that fitted at that scale
    given_up: set[str] = field(default_factory=set)  # smaller type does not help, or at FLOOR

    def measured(self, doc, diags: Diagnostics, what: str, last_layout: bool = False) -> set[int]:
        """Take a layout's measurements; the pages (0-based) with a body now to be drawn smaller
        (to lay out again).  A body that smaller type does not help (a picture of a fixed size),
        that is at FLOOR, or that still runs over in the ``last_layout`` there will be, is left as
        it is, with a warning where a visible part of it is cut off."""
        changed: set[int] = set()
        for key, (share, at, pages) in overflowing(doc).items():
            if key in self.given_up:
                continue
            old = self.factors.get(key, 1.0)
            last = self.shares.get(key)
            if last_layout or old <= FLOOR or (last is not None and share <= last + 0.005):
                self.given_up.add(key)
                if share < VISIBLE:
                    _warn(share, at, diags, what)
                continue
            self.shares[key] = share
            self.factors[key] = max(FLOOR, old * share * MARGIN)
            changed |= pages
        return changed


def _warn(share: float, at: str, diags: Diagnostics, what: str) -> None:
    path, _, line = at.rpartition(":")
    pos = SourcePos(path, int(line)) if path and line.isdigit() else None
    diags.warning(
        f"the {what}'s drawing of this slide cannot show all of its body: about "
        f"{100 - round(100 * share)}% of it is cut off at the bottom (the deck shows it all; "
        "shorten the slide or let it continue)",
        pos,
        "drawing-overflow",
    )
