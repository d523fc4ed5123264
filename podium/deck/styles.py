"""What a template's text frames look like: insets, and per list level the indents, spacing and sizes.

A paragraph in a placeholder takes each property from the first of: the layout placeholder's own
list style, the master placeholder's list style, the master's text styles (``p:bodyStyle`` for
body placeholders, ``p:titleStyle`` for titles, ``p:otherStyle`` for text boxes), and the file
format's defaults.  Theme font references (``+mn-lt``, ``+mj-ea``) are resolved through the theme.
This is what the fitter measures with, so it agrees with what an office suite draws.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass

from lxml import etree
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.oxml.ns import qn

from .geometry import EMU_PER_IN

_A = "http://schemas.openxmlformats.org/drawingml/2006/main"
DEFAULT_INSETS = (91440, 45720, 91440, 45720)  # l, t, r, b


@dataclass(frozen=True)
class Level:
    """One list level: left margin and first-line indent (EMU), spacing, size (pt), fonts."""

    mar_l: int = 0
    indent: int = 0
    space_before: float = 0.0  # points (a percentage is turned into points of this level's size)
    space_after: float = 0.0
    line_spacing: float = 1.0  # a multiple of single spacing (spcPct); 0 when given in points
    line_points: float = 0.0  # exact line pitch in points (spcPts), or 0
    size: float = 18.0
    latin: str = "Calibri"
    ea: str = ""
    bullet: bool = True


@dataclass(frozen=True)
class FrameStyle:
    """A text frame's insets (EMU: left, top, right, bottom) and its nine list levels."""

    insets: tuple[int, int, int, int]
    levels: tuple[Level, ...]
    wrap: bool = True

    def level(self, n: int) -> Level:
        return self.levels[min(max(n, 0), len(self.levels) - 1)]


def theme_fonts(master) -> dict[str, str]:
    """Return the theme's font names: {"mj-lt", "mn-lt", "mj-ea", "mn-ea"}."""
    out = {"mj-lt": "Calibri", "mn-lt": "Calibri", "mj-ea": "", "mn-ea": ""}
    try:
        theme = etree.fromstring(master.part.part_related_by(RT.THEME).blob)
    except Exception:  # no theme part or an unusual one: the defaults
        return out
    for tag, key in (("majorFont", "mj"), ("minorFont", "mn")):
        node = theme.find(f".//{{{_A}}}{tag}")
        if node is None:
            continue
        for script in ("latin", "ea"):
            el = node.find(f"{{{_A}}}{script}")
            if el is not None and el.get("typeface"):
                out[f"{key}-{'lt' if script == 'latin' else 'ea'}"] = el.get("typeface")
    return out


def _lvl_nodes(lst) -> dict[int, etree._Element]:
    if lst is None:
        return {}
    out = {}
    for i in range(9):
        el = lst.find(qn(f"a:lvl{i + 1}pPr"))
        if el is not None:
            out[i] = el
    return out


def _merge(levels: list[dict], chain: list[dict[int, etree._Element]], fonts: dict[str, str]) -> None:
    """Fill ``levels`` (property dicts) from the pPr elements of ``chain``, most specific first."""
    for i in range(9):
        d = levels[i]
        for nodes in chain:
            p = nodes.get(i)
            if p is None:
                continue
            for attr, key in (("marL", "mar_l"), ("indent", "indent")):
                if key not in d and p.get(attr) is not None:
                    d[key] = int(p.get(attr))
            for tag, key in (("a:spcBef", "space_before"), ("a:spcAft", "space_after"), ("a:lnSpc", "line")):
                el = p.find(qn(tag))
                if key not in d and el is not None:
                    pct, pts = el.find(qn("a:spcPct")), el.find(qn("a:spcPts"))
                    if pct is not None:
                        d[key] = ("pct", int(pct.get("val", "0").rstrip("%") or 0) / 100000)
                    elif pts is not None:
                        d[key] = ("pts", int(pts.get("val", "0")) / 100)
            if "bullet" not in d:
                if p.find(qn("a:buNone")) is not None:
                    d["bullet"] = False
                elif p.find(qn("a:buChar")) is not None or p.find(qn("a:buAutoNum")) is not None:
                    d["bullet"] = True
            r = p.find(qn("a:defRPr"))
            if r is not None:
                if "size" not in d and r.get("sz"):
                    d["size"] = int(r.get("sz")) / 100
                for script in ("latin", "ea"):
                    el = r.find(qn(f"a:{script}"))
                    if script not in d and el is not None and el.get("typeface"):
                        face = el.get("typeface")
                        if face.startswith("+"):
                            face = fonts.get(face[1:], "")
                        if face:
                            d[script] = face


def _level(d: dict, fonts: dict[str, str], default_size: float) -> Level:
    size = d.get("size", default_size)

    def points(v):
        if v is None:
            return 0.0
        kind, val = v
        return val * size if kind == "pct" else val

    line = d.get("line")
    return Level(
        d.get("mar_l", 0),
        d.get("indent", 0),
        points(d.get("space_before")),
        points(d.get("space_after")),
        line[1] if line and line[0] == "pct" else (0.0 if line else 1.0),
        line[1] if line and line[0] == "pts" else 0.0,
        size,
        d.get("latin", fonts.get("mn-lt", "Calibri")),
        d.get("ea", fonts.get("mn-ea", "")),
        d.get("bullet", True),
    )


def _insets(body_prs) -> tuple[int, int, int, int]:
    out = list(DEFAULT_INSETS)
    for bp in reversed(body_prs):  # least specific first; later (more specific) override
        if bp is None:
            continue
        for k, attr in enumerate(("lIns", "tIns", "rIns", "bIns")):
            if bp.get(attr) is not None:
                out[k] = int(bp.get(attr))
    return tuple(out)  # type: ignore[return-value]


def _master_ph(master, ph_type: str):
    """Return the master's placeholder element of ``ph_type`` (body for content placeholders)."""
    want = {
        "obj": "body",
        "subTitle": "body",
        "ctrTitle": "title",
        "pic": "body",
        "tbl": "body",
        "chart": "body",
    }.get(ph_type, ph_type)
    for sp in master._element.iter(qn("p:sp")):
        ph = sp.find(".//" + qn("p:ph"))
        if ph is not None and ph.get("type", "obj") in (want, "obj" if want == "body" else want):
            return sp
    return None


def placeholder_style(layout_ph_element, master) -> FrameStyle:
    """Return the style of text written into a placeholder copied from ``layout_ph_element``."""
    fonts = theme_fonts(master)
    ph = layout_ph_element.find(".//" + qn("p:ph"))
    ph_type = ph.get("type", "obj") if ph is not None else "obj"
    msp = _master_ph(master, ph_type)
    styles = master._element.find(qn("p:txStyles"))
    which = "p:titleStyle" if ph_type in ("title", "ctrTitle") else "p:bodyStyle"
    chain = [
        _lvl_nodes(_lst(layout_ph_element)),
        _lvl_nodes(_lst(msp)),
        _lvl_nodes(styles.find(qn(which)) if styles is not None else None),
    ]
    levels: list[dict] = [{} for _ in range(9)]
    _merge(levels, chain, fonts)
    body_prs = [_body_pr(layout_ph_element), _body_pr(msp)]
    return FrameStyle(_insets(body_prs), tuple(_level(d, fonts, 18.0) for d in levels))


# the children of a:lvlNpPr in the order the schema wants them (CT_TextParagraphProperties)
_PPR_ORDER = [
    "lnSpc",
    "spcBef",
    "spcAft",
    "buClrTx",
    "buClr",
    "buSzTx",
    "buSzPct",
    "buSzPts",
    "buFontTx",
    "buFont",
    "buNone",
    "buAutoNum",
    "buChar",
    "buBlip",
    "tabLst",
    "defRPr",
    "extLst",
]
_PPR_GROUP = {  # children that stand for each other: the more specific one replaces the rest of its group
    **dict.fromkeys(("buClrTx", "buClr"), "colour"),
    **dict.fromkeys(("buSzTx", "buSzPct", "buSzPts"), "size"),
    **dict.fromkeys(("buFontTx", "buFont"), "font"),
    **dict.fromkeys(("buNone", "buAutoNum", "buChar", "buBlip"), "bullet"),
}


def placeholder_list_style(layout_ph_element, master) -> etree._Element:
    """Return an ``a:lstStyle`` that gives a text box what a placeholder copied from ``layout_ph_element``
    inherits (the layout's, the master placeholder's and the master's body list styles merged): its
    bullets, their colour, indents, spacing and type, so text that continues a placeholder's in a box
    of its own looks the same."""
    ph = layout_ph_element.find(".//" + qn("p:ph"))
    ph_type = ph.get("type", "obj") if ph is not None else "obj"
    styles = master._element.find(qn("p:txStyles"))
    which = "p:titleStyle" if ph_type in ("title", "ctrTitle") else "p:bodyStyle"
    chain = [  # the most general first: each later one overrides
        _lvl_nodes(styles.find(qn(which)) if styles is not None else None),
        _lvl_nodes(_lst(_master_ph(master, ph_type))),
        _lvl_nodes(_lst(layout_ph_element)),
    ]
    out = etree.Element(qn("a:lstStyle"))
    for i in range(9):
        attrs: dict[str, str] = {}
        kids: dict[str, etree._Element] = {}
        for nodes in chain:
            el = nodes.get(i)
            if el is None:
                continue
            attrs.update(el.attrib)
            for kid in el:
                name = etree.QName(kid).localname
                group = _PPR_GROUP.get(name)
                if group is not None:
                    kids = {k: v for k, v in kids.items() if _PPR_GROUP.get(k) != group}
                kids[name] = kid
        if not attrs and not kids:
            continue
        lvl = etree.SubElement(out, qn(f"a:lvl{i + 1}pPr"), attrs)
        for name in sorted(kids, key=lambda k: _PPR_ORDER.index(k) if k in _PPR_ORDER else len(_PPR_ORDER)):
            lvl.append(copy.deepcopy(kids[name]))
    return out


def textbox_style(master, sizes: tuple[float, ...], indent: int) -> FrameStyle:
    """Return the style of a text box the writer adds: its own sizes and indents, the master's fonts."""
    fonts = theme_fonts(master)
    levels = []
    for n in range(9):
        size = sizes[min(n, len(sizes) - 1)]
        levels.append(
            Level((n + 1) * indent, -indent, 0.0, 0.0, 1.0, 0.0, size, fonts["mn-lt"], fonts["mn-ea"])
        )
    return FrameStyle(DEFAULT_INSETS, tuple(levels))


def _lst(sp):
    if sp is None:
        return None
    tx = sp.find(qn("p:txBody"))
    return tx.find(qn("a:lstStyle")) if tx is not None else None


def _body_pr(sp):
    if sp is None:
        return None
    tx = sp.find(qn("p:txBody"))
    return tx.find(qn("a:bodyPr")) if tx is not None else None


GRID_INDENT = int(0.35 * EMU_PER_IN)  # the indent per level of text boxes and caption placeholders
