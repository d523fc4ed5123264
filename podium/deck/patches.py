"""Changes to python-pptx's behaviour that it has no API for: speed-ups and slide removal.

python-pptx hands out part names and relates slides by scanning everything each time (quadratic
in a long deck), serialises relationships slowly, cannot delete slides, and cannot open a .potx.
These functions patch one package or presentation object, or replace one of its steps; they
never change python-pptx globally.
"""

from __future__ import annotations

import io
import zipfile

from lxml import etree
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.opc.packuri import PackURI
from pptx.opc.serialized import PackageWriter
from pptx.oxml.ns import qn


def potx_as_pptx(data: bytes) -> bytes:
    """Return a .potx package rewritten as a .pptx (only the main part's content type differs)."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            blob = src.read(item.filename)
            if item.filename == "[Content_Types].xml":
                blob = blob.replace(
                    b"presentationml.template.main+xml", b"presentationml.presentation.main+xml"
                )
            dst.writestr(item, blob)
    return out.getvalue()


def fast_partnames(package) -> None:
    """Give ``package`` an O(1) ``next_partname``.

    python-pptx's own walks every part for each new notes slide, chart or embedding, which makes
    a long deck quadratic (about a third of a 240-slide build).  Part names this build hands out
    are remembered; the package's existing names are read once.
    """
    used = {str(p.partname) for p in package.iter_parts()}
    last: dict[str, int] = {}

    def next_partname(tmpl: str) -> PackURI:
        i = last.get(tmpl, 0) + 1
        while tmpl % i in used:
            i += 1
        last[tmpl] = i
        used.add(tmpl % i)
        return PackURI(tmpl % i)

    package.next_partname = next_partname


def fast_slide_rels(presentation_part) -> None:
    """Relate new slides to the presentation without python-pptx's search for an existing relationship.

    ``Part.relate_to`` first looks for a matching relationship by rebuilding an index of all of
    the part's relationships, once per new slide: quadratic in the deck's length.  A new slide
    part can never match, so its relationship is simply added.
    """
    original = presentation_part.relate_to

    def relate_to(target, reltype, is_external=False):
        if reltype == RT.SLIDE and not is_external:
            return presentation_part._rels._add_relationship(reltype, target)
        return original(target, reltype, is_external)

    presentation_part.relate_to = relate_to


def fast_slide_ids(prs) -> None:
    """Number new slides without python-pptx's scan of every slide id (``CT_SlideIdList._next_id``).

    python-pptx reads all ``p:sldId/@id`` values for each new slide: quadratic in the deck's
    length (a 4,000-slide deck spent most of its time there).  The largest id is read once;
    later slides count on from it, and the original search takes over near the id's upper limit.
    """
    lst = prs.slides._sldIdLst
    original = lst.add_sldId
    state: dict[str, int | None] = {"next": None}

    def add_sldId(rId: str):
        nxt = state["next"] if state["next"] is not None else lst._next_id
        if nxt >= 2147483647:
            return original(rId)
        state["next"] = nxt + 1
        return lst._add_sldId(id=nxt, rId=rId)

    lst.add_sldId = add_sldId


def fast_category_index(data) -> None:
    """Give a flat ``CategoryChartData``'s categories an O(1) ``index``.

    python-pptx finds each category's position by walking the categories before it, summing
    their leaf counts: quadratic in the number of points (12,000 points took minutes).  For
    one level of categories (the only kind Podium makes) the position is the list index.
    """
    categories = data.categories
    if categories.depth > 1:
        return
    where = {id(c): i for i, c in enumerate(categories)}

    def index(category):
        return where[id(category)]

    categories.index = index


def remove_all_slides(prs) -> None:
    """Remove every slide of ``prs`` (python-pptx has no API: drop the sldId and its relationship)."""
    sld_ids = prs.slides._sldIdLst
    for sld_id in list(sld_ids):
        rid = sld_id.get(qn("r:id"))
        prs.part.drop_rel(rid)
        sld_ids.remove(sld_id)


_PR = "http://schemas.openxmlformats.org/package/2006/relationships"


def rels_xml(rels) -> bytes:
    """Return the ``.rels`` bytes of python-pptx relationships ``rels``: the bytes its own ``xml`` makes
    (in rId number order), without parsing a new XML snippet for each relationship."""
    root = etree.Element(f"{{{_PR}}}Relationships", nsmap={None: _PR})
    order = sorted((int(r[3:]) if r.startswith("rId") and r[3:].isdigit() else 0, r) for r in rels.keys())
    for _, rid in order:
        rel = rels[rid]
        el = etree.SubElement(root, f"{{{_PR}}}Relationship")
        el.set("Id", rid)
        el.set("Type", rel.reltype)
        el.set("Target", rel.target_ref)
        if rel.is_external:
            el.set("TargetMode", "External")
    return etree.tostring(root, encoding="UTF-8", standalone=True)


def save_package(prs, file) -> None:
    """Write ``prs`` to ``file`` as ``prs.save`` does, each part's relationships through :func:`rels_xml`
    (python-pptx's own took half of a long deck's saving time)."""

    class Writer(PackageWriter):
        def _write_parts(self, phys_writer) -> None:
            for part in self._parts:
                phys_writer.write(part.partname, part.blob)
                if part._rels:
                    phys_writer.write(part.partname.rels_uri, rels_xml(part._rels))

    package = prs.part.package
    Writer.write(file, package._rels, tuple(package.iter_parts()))
