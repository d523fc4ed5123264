"""New slides and notes pages copied from a prototype, instead of python-pptx building each one.

python-pptx's ``add_slide`` clones every placeholder of the layout onto each new slide, and
``notes_slide`` clones the notes master's placeholders onto each new notes page, both through
many XPath look-ups per shape (about a third of a long deck's writing time).  The result is the
same for every slide of a layout, so the first slide of each layout (and the first notes page)
is made by python-pptx itself and kept as a prototype; later ones are copies of it, made into
parts and related exactly as python-pptx relates them.
"""

from __future__ import annotations

import copy

from pptx.opc.constants import CONTENT_TYPE as CT
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.oxml.xmlchemy import BaseOxmlElement
from pptx.parts.slide import NotesSlidePart, SlidePart
from pptx.text.text import TextFrame


class SlideMaker:
    """Adds slides (with their layouts' placeholders) and notes pages to one presentation."""

    def __init__(self, prs):
        self.prs = prs
        self._slides: dict[int, tuple[BaseOxmlElement, list[tuple[int, type, int, object]]]] = {}
        self._notes: tuple[BaseOxmlElement, int] | None = None

    def add_slide(self, layout):
        """Return ``(slide, placeholders)``: a new slide of ``layout`` and its placeholders as
        ``(shape, idx, type)`` in idx order, as ``slide.placeholders`` would give them."""
        key = id(layout._element)
        proto = self._slides.get(key)
        if proto is None:
            slide = self.prs.slides.add_slide(layout)
            tree = slide.shapes._spTree
            info = [
                (tree.index(ph._element), type(ph), ph.placeholder_format.idx, ph.placeholder_format.type)
                for ph in slide.placeholders
            ]
            self._slides[key] = (copy.deepcopy(slide._element), info)
            return slide, [(ph, idx, t) for ph, (_, _, idx, t) in zip(slide.placeholders, info)]
        element, info = proto
        pres_part = self.prs.part
        part = SlidePart(
            pres_part._next_slide_partname, CT.PML_SLIDE, pres_part.package, copy.deepcopy(element)
        )
        part.relate_to(layout.part, RT.SLIDE_LAYOUT)
        rid = pres_part.relate_to(part, RT.SLIDE)
        self.prs.slides._sldIdLst.add_sldId(rid)
        slide = part.slide
        children = list(slide.shapes._spTree)
        parent = slide.placeholders
        return slide, [(cls(children[pos], parent), idx, t) for pos, cls, idx, t in info]

    def set_notes(self, slide, text: str) -> None:
        """Give ``slide`` a notes page holding ``text`` (as ``notes_text_frame.text = text`` does)."""
        if self._notes is None:
            notes = slide.notes_slide
            body = notes.notes_placeholder
            tree = notes.shapes._spTree
            pos = tree.index(body._element) if body is not None else -1
            self._notes = (copy.deepcopy(notes._element), pos)
            if body is not None:
                body.text_frame.text = text
            return
        element, pos = self._notes
        slide_part = slide.part
        package = slide_part.package
        master = package.presentation_part.notes_master_part
        part = NotesSlidePart(
            package.next_partname("/ppt/notesSlides/notesSlide%d.xml"),
            CT.PML_NOTES_SLIDE,
            package,
            copy.deepcopy(element),
        )
        part.relate_to(master, RT.NOTES_MASTER)
        part.relate_to(slide_part, RT.SLIDE)
        slide_part.relate_to(part, RT.NOTES_SLIDE)
        if pos >= 0:
            sp = list(part.notes_slide.shapes._spTree)[pos]
            TextFrame(sp.get_or_add_txBody(), part.notes_slide).text = text
