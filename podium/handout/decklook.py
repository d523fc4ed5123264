"""The template deck's look, read once, for the drawings of slides outside PowerPoint.

The handout's slide twins and the slides PDF draw each slide as the deck does: the slide's size,
the master's and layout's background (a colour or a picture), the shapes the design puts on every
slide (bars, rules, logos: solid rectangles and pictures), the title and body placeholder boxes of
each layout as fractions of the slide, and the title's font, size and colour.  The deck is read
with the standard library's zipfile and lxml (python-pptx stays in :mod:`podium.deck`); a deck
it cannot read gives the look of the theme's palette instead, never an error here (the deck
writer reports broken decks).
"""

from __future__ import annotations

import base64
import mimetypes
import posixpath
import re
import zipfile
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path

from lxml import etree
from PIL import Image

from .. import model as m
from ..deck.plan import FALLBACKS, LAYOUT_NAMES, LayoutKind
from ..template_folders import Template, deck_of

NS = {
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "p": "http://schemas.openxmlformats.org/presentationml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
}
R_EMBED = "{" + NS["r"] + "}embed"
# the layout `type` PowerPoint gives each kind's standard layout, when names do not match
LAYOUT_TYPES = {
    "title": ("title",),
    "section": ("secHead",),
    "content": ("obj", "tx"),
    "two-content": ("twoObj",),
    "comparison": ("twoTxTwoObj",),
    "caption": ("objTx",),
    "picture": ("picTx",),
    "title-only": ("titleOnly",),
    "blank": ("blank",),
}
SCHEME_ALIASES = {"tx1": "dk1", "bg1": "lt1", "tx2": "dk2", "bg2": "lt2"}


@dataclass(frozen=True)
class Box:
    """A rectangle as fractions of the slide (0..1)."""

    x: float
    y: float
    w: float
    h: float
    size: float | None = None  # a body placeholder's own first-level type size (pt), where it sets one

    def css(self) -> str:
        return (
            f"left:{self.x * 100:.2f}%;top:{self.y * 100:.2f}%;width:{self.w * 100:.2f}%;"
            f"height:{self.h * 100:.2f}%"
        )


@dataclass(frozen=True)
class Shape:
    """A design shape drawn on every slide of a layout: a filled rectangle or a picture."""

    box: Box
    fill: str = ""  # CSS colour of a rectangle
    src: str = ""  # data: URI of a picture
    ellipse: bool = False
    line: str = ""  # CSS colour of an outline (a frame drawn without fill)
    line_pt: float = 0.0


@dataclass
class LayoutLook:
    name: str = ""
    background: str = ""  # CSS colour
    background_image: str = ""  # data: URI
    shapes: list[Shape] = field(default_factory=list)
    title: Box | None = None
    bodies: list[Box] = field(default_factory=list)
    subtitle: Box | None = None
    footer: Box | None = None
    number: Box | None = None
    title_color: str = ""
    title_size: float = 0.0  # pt
    title_bold: bool = False
    title_align: str = ""
    title_anchor: str = ""  # "t" | "ctr" | "b"
    body_align: str = ""  # its first body placeholder's own look (a section slide's line under its title)
    body_italic: bool = False
    body_color: str = ""


@dataclass
class DeckLook:
    width: int = 12192000  # EMU
    height: int = 6858000
    title_font: str = ""
    body_font: str = ""
    body_color: str = ""
    body_size: float = 24.0
    title_color: str = ""
    title_size: float = 36.0
    link_color: str = "#0563C1"  # the theme's hyperlink colour (its colour scheme's hlink; Office's)
    layouts: dict[str, LayoutLook] = field(default_factory=dict)
    master: LayoutLook = field(default_factory=LayoutLook)
    has_picture: bool = False  # the design already carries a picture (a logo): no theme logo added

    @property
    def ratio(self) -> float:
        return self.width / self.height if self.height else 16 / 9

    def layout(self, kind: LayoutKind) -> LayoutLook:
        for k in (kind, *FALLBACKS.get(kind, ()), LayoutKind.CONTENT):
            if k in self.layouts:
                return self.layouts[k]
        return self.master


def deck_look(template: Template) -> DeckLook:
    """Return the look of ``template``'s deck (cached per deck file and its modification time)."""
    path = deck_of(template)
    if path is None:
        return DeckLook()
    try:
        stamp = Path(path).stat().st_mtime_ns
    except OSError:
        return DeckLook()
    names = tuple(sorted(template.theme.layouts.items()))
    return _read(str(path), stamp, names)


@lru_cache(maxsize=8)
def _read(path: str, stamp: int, names: tuple[tuple[str, str], ...]) -> DeckLook:
    try:
        with zipfile.ZipFile(path) as z:
            return _Reader(z, dict(names)).look()
    except (OSError, KeyError, zipfile.BadZipFile, etree.XMLSyntaxError, ValueError):
        return DeckLook()


class _Reader:
    def __init__(self, z: zipfile.ZipFile, names: dict[str, str]):
        self.z = z
        self.names = names
        self.scheme: dict[str, str] = {}
        self.fonts = {"major": "", "minor": ""}

    def xml(self, name: str):
        return etree.fromstring(self.z.read(name))

    def rels(self, part: str) -> dict[str, str]:
        folder, base = posixpath.split(part)
        rel = posixpath.join(folder, "_rels", base + ".rels")
        out: dict[str, str] = {}
        if rel not in self.z.namelist():
            return out
        for r in self.xml(rel):
            target = r.get("Target", "")
            if r.get("TargetMode") == "External":
                continue
            out[r.get("Id")] = posixpath.normpath(posixpath.join(folder, target))
        return out

    def look(self) -> DeckLook:
        pres = self.xml("ppt/presentation.xml")
        look = DeckLook()
        size = pres.find("p:sldSz", NS)
        if size is not None:
            look.width, look.height = int(size.get("cx")), int(size.get("cy"))
        prels = self.rels("ppt/presentation.xml")
        master_id = pres.find("p:sldMasterIdLst/p:sldMasterId", NS)
        master_part = (
            prels.get(master_id.get(R_EMBED.replace("embed", "id"))) if master_id is not None else None
        )
        if not master_part:
            return look
        mrels = self.rels(master_part)
        theme_part = next((t for t in mrels.values() if "/theme/" in t), None)
        if theme_part:
            self.read_theme(theme_part)
            look.link_color = self.scheme.get("hlink", look.link_color)
        master = self.xml(master_part)
        look.master = self.layout_look(master, master_part, None)
        title_rpr = master.find("p:txStyles/p:titleStyle/a:lvl1pPr/a:defRPr", NS)
        body_rpr = master.find("p:txStyles/p:bodyStyle/a:lvl1pPr/a:defRPr", NS)
        title_ppr = master.find("p:txStyles/p:titleStyle/a:lvl1pPr", NS)
        if title_ppr is not None:
            look.master.title_align = {"ctr": "center", "r": "right", "l": "left", "just": "justify"}.get(
                title_ppr.get("algn", ""), ""
            )
        if title_rpr is not None:
            look.title_color = self.colour(title_rpr.find("a:solidFill", NS))
            look.title_size = int(title_rpr.get("sz", "3600")) / 100
            look.title_font = self.font(title_rpr.find("a:latin", NS)) or self.fonts["major"]
            look.master.title_bold = title_rpr.get("b") == "1"
        if body_rpr is not None:
            look.body_color = self.colour(body_rpr.find("a:solidFill", NS))
            look.body_size = int(body_rpr.get("sz", "2400")) / 100
            look.body_font = self.font(body_rpr.find("a:latin", NS)) or self.fonts["minor"]
        look.title_font = look.title_font or self.fonts["major"]
        look.body_font = look.body_font or self.fonts["minor"]
        look.has_picture = any(s.src for s in look.master.shapes)
        by_name: dict[str, LayoutLook] = {}
        by_type: dict[str, LayoutLook] = {}
        for part in mrels.values():
            if "/slideLayouts/" not in part:
                continue
            el = self.xml(part)
            lay = self.layout_look(el, part, look.master)
            lay.title_align = lay.title_align or look.master.title_align
            by_name.setdefault(lay.name.lower(), lay)
            by_type.setdefault(el.get("type", ""), lay)
        for kind, standard in LAYOUT_NAMES.items():
            key = str(getattr(kind, "value", kind))
            want = self.names.get(key, standard).lower()
            found = by_name.get(want) or next(
                (by_type[t] for t in LAYOUT_TYPES.get(key, ()) if t in by_type), None
            )
            if found is not None:
                look.layouts[key] = found
        return look

    def read_theme(self, part: str) -> None:
        theme = self.xml(part)
        for el in theme.find(".//a:clrScheme", NS) if theme.find(".//a:clrScheme", NS) is not None else []:
            c = el.find("a:srgbClr", NS)
            s = el.find("a:sysClr", NS)
            val = c.get("val") if c is not None else (s.get("lastClr") if s is not None else None)
            if val:
                self.scheme[etree.QName(el).localname] = "#" + val.upper()
        major = theme.find(".//a:majorFont/a:latin", NS)
        minor = theme.find(".//a:minorFont/a:latin", NS)
        self.fonts = {
            "major": major.get("typeface", "") if major is not None else "",
            "minor": minor.get("typeface", "") if minor is not None else "",
        }

    def font(self, latin) -> str:
        if latin is None:
            return ""
        face = latin.get("typeface", "")
        if face.startswith("+mj"):
            return self.fonts["major"]
        if face.startswith("+mn"):
            return self.fonts["minor"]
        return face

    def colour(self, fill) -> str:
        if fill is None:
            return ""
        c = fill.find("a:srgbClr", NS)
        if c is not None:
            return "#" + c.get("val", "000000").upper()
        c = fill.find("a:schemeClr", NS)
        if c is not None:
            v = c.get("val", "")
            return self.scheme.get(SCHEME_ALIASES.get(v, v), "")
        c = fill.find("a:sysClr", NS)
        if c is not None:
            return "#" + c.get("lastClr", "000000").upper()
        return ""

    def media(self, rels: dict[str, str], rid: str | None) -> str:
        target = rels.get(rid or "")
        if not target or target not in self.z.namelist():
            return ""
        data = self.z.read(target)
        if len(data) > 8 * 1024 * 1024:
            return ""  # a huge background picture would slow every page; the colour stands in
        mime = mimetypes.guess_type(target)[0] or "image/png"
        if mime not in ("image/png", "image/jpeg", "image/gif", "image/svg+xml"):
            return ""
        return f"data:{mime};base64,{base64.b64encode(data).decode('ascii')}"

    def box(self, sp, w: int, h: int) -> Box | None:
        xfrm = sp.find("p:spPr/a:xfrm", NS)
        if xfrm is None:
            xfrm = sp.find("p:grpSpPr/a:xfrm", NS)
        if xfrm is None:
            return None
        off, ext = xfrm.find("a:off", NS), xfrm.find("a:ext", NS)
        if off is None or ext is None:
            return None
        return Box(
            int(off.get("x")) / w, int(off.get("y")) / h, int(ext.get("cx")) / w, int(ext.get("cy")) / h
        )

    def layout_look(self, el, part: str, master: LayoutLook | None) -> LayoutLook:
        pres = self.xml("ppt/presentation.xml")
        size = pres.find("p:sldSz", NS)
        w, h = (int(size.get("cx")), int(size.get("cy"))) if size is not None else (12192000, 6858000)
        rels = self.rels(part)
        csld = el.find("p:cSld", NS)
        lay = LayoutLook(name=csld.get("name", "") if csld is not None else "")
        self.read_background(el, rels, lay)
        if master is not None:
            lay.background = lay.background or ("" if lay.background_image else master.background)
            if not lay.background and not lay.background_image:
                lay.background_image = master.background_image
            if el.get("showMasterSp", "1") != "0":
                lay.shapes.extend(master.shapes)
        tree = el.find("p:cSld/p:spTree", NS)
        phs: dict[str, Box] = {}
        for sp in tree if tree is not None else []:
            ph = sp.find(".//p:nvPr/p:ph", NS)
            box = self.box(sp, w, h)
            if ph is not None:
                key = _placeholder_key(ph, phs)
                if box is None and master is not None:
                    box = _inherited_box(key, master)
                if box is not None and key.startswith("body"):
                    rpr = sp.find("p:txBody/a:lstStyle/a:lvl1pPr/a:defRPr", NS)
                    if rpr is not None and (rpr.get("sz") or "").isdigit():
                        box = replace(box, size=int(rpr.get("sz")) / 100)
                    if key == "body0":
                        self.read_body_style(sp, lay)
                if box is not None:
                    phs[key] = box
                if key == "title":
                    self.read_title_style(sp, lay)
            elif box is not None:
                shape = self.design_shape(sp, box, rels)
                if shape is not None:
                    lay.shapes.append(shape)
        _place_placeholders(lay, phs, master, el.get("type"))
        return lay

    def read_background(self, el, rels: dict[str, str], lay: LayoutLook) -> None:
        """Set ``lay``'s background colour or picture from the layout's own ``p:bg``."""
        bg = el.find("p:cSld/p:bg", NS)
        if bg is None:
            return
        pr = bg.find("p:bgPr", NS)
        ref = bg.find("p:bgRef", NS)
        if pr is not None:
            lay.background = self.colour(pr.find("a:solidFill", NS))
            blip = pr.find("a:blipFill/a:blip", NS)
            if blip is not None:
                lay.background_image = self.media(rels, blip.get(R_EMBED))
        elif ref is not None:
            lay.background = self.colour(ref)

    def read_body_style(self, sp, lay: LayoutLook) -> None:
        """Set ``lay``'s body alignment, italic and colour from its first body placeholder's list style."""
        ppr = sp.find("p:txBody/a:lstStyle/a:lvl1pPr", NS)
        rpr = sp.find("p:txBody/a:lstStyle/a:lvl1pPr/a:defRPr", NS)
        if ppr is not None:
            lay.body_align = {"ctr": "center", "r": "right", "l": "left", "just": "justify"}.get(
                ppr.get("algn", ""), ""
            )
        if rpr is not None:
            lay.body_italic = rpr.get("i") == "1"
            lay.body_color = self.colour(rpr.find("a:solidFill", NS))

    def read_title_style(self, sp, lay: LayoutLook) -> None:
        """Set ``lay``'s title colour, size, weight, alignment and anchor from its title placeholder."""
        rpr = sp.find("p:txBody/a:lstStyle/a:lvl1pPr/a:defRPr", NS)
        ppr = sp.find("p:txBody/a:lstStyle/a:lvl1pPr", NS)
        body_pr = sp.find("p:txBody/a:bodyPr", NS)
        if rpr is not None:
            lay.title_color = self.colour(rpr.find("a:solidFill", NS))
            lay.title_size = int(rpr.get("sz", "0")) / 100
            lay.title_bold = rpr.get("b") == "1"
        if ppr is not None:
            lay.title_align = {"ctr": "center", "r": "right", "l": "left", "just": "justify"}.get(
                ppr.get("algn", ""), ""
            )
        if body_pr is not None:
            lay.title_anchor = body_pr.get("anchor", "")

    def design_shape(self, sp, box: Box, rels: dict[str, str]) -> Shape | None:
        """Return a design shape the handout draws (a filled or outlined simple shape, a picture)."""
        tag = etree.QName(sp).localname
        if tag == "sp":
            geom = sp.find("p:spPr/a:prstGeom", NS)
            fill = self.colour(sp.find("p:spPr/a:solidFill", NS))
            ln = sp.find("p:spPr/a:ln", NS)
            line = self.colour(ln.find("a:solidFill", NS)) if ln is not None else ""
            line_pt = int(ln.get("w", "12700")) / 12700 if ln is not None else 0.0
            if (
                (fill or line)
                and geom is not None
                and geom.get("prst") in ("rect", "roundRect", "ellipse", "snip1Rect", "line")
            ):
                return Shape(
                    box, fill=fill, ellipse=geom.get("prst") == "ellipse", line=line, line_pt=line_pt
                )
        elif tag == "pic":
            blip = sp.find("p:blipFill/a:blip", NS)
            src = self.media(rels, blip.get(R_EMBED)) if blip is not None else ""
            if src:
                return Shape(box, src=src)
        return None


def _placeholder_key(ph, phs: dict[str, Box]) -> str:
    """Return the name a placeholder is kept under: title, subtitle, ftr, sldNum, body0, body1…"""
    t = ph.get("type", "body")
    key = {"ctrTitle": "title", "subTitle": "subtitle"}.get(t, t)
    if key in ("obj", "pic", "chart", "tbl", "media", "dgm", "clipArt"):
        key = "body"  # any content placeholder takes the body
    if key == "body":
        key = f"body{len([k for k in phs if k.startswith('body')])}"
    return key


def _inherited_box(key: str, master: LayoutLook) -> Box | None:
    """The master's box for a placeholder the layout places nowhere itself."""
    return {"title": master.title, "ftr": master.footer, "sldNum": master.number}.get(key) or (
        master.bodies[0] if key.startswith("body") and master.bodies else None
    )


def _place_placeholders(
    lay: LayoutLook, phs: dict[str, Box], master: LayoutLook | None, kind: str | None
) -> None:
    """Set ``lay``'s title, subtitle, bodies, footer and number boxes (the master's where it has none)."""
    lay.title = phs.get("title") or (master.title if master else None)
    lay.subtitle = phs.get("subtitle")
    lay.bodies = [phs[k] for k in sorted(k for k in phs if re.match(r"body\d+$", k))]
    if (
        not lay.bodies
        and master is not None
        and lay.subtitle is None
        and master.bodies
        and kind not in ("titleOnly", "blank", "secHead", "title")
    ):
        lay.bodies = list(master.bodies)
    lay.footer = phs.get("ftr") or (master.footer if master else None)
    lay.number = phs.get("sldNum") or (master.number if master else None)


SERIF_FONTS = (
    "georgia",
    "times",
    "cambria",
    "garamond",
    "palatino",
    "book antiqua",
    "constantia",
    "baskerville",
    "minion",
    "noto serif",
    "libre",
    "gelasio",
    "merriweather",
    "charter",
    "serif",
    "mincho",
)


def font_stack(name: str, cjk: str = "") -> str:
    """Return a CSS font stack for ``name`` with the fallbacks LibreOffice would use (serif or sans)."""
    name = re.sub(r'["\\<>{};]', "", name or "")
    cjk = re.sub(r'["\\<>{};]', "", cjk or "")
    serif = any(f in name.lower() for f in SERIF_FONTS)
    fallback = (
        '"Gelasio", "Noto Serif", "DejaVu Serif"' if serif else '"Carlito", "Liberation Sans", "Noto Sans"'
    )
    cjk_font = f'"{cjk}", ' if cjk else ""
    generic = "serif" if serif else "sans-serif"
    return (
        f'"{name}", {fallback}, {cjk_font}"Noto Sans CJK JP", {generic}' if name else f"{fallback}, {generic}"
    )


def is_dark(colour: str) -> bool:
    """True for a CSS #RRGGBB colour dark enough to need light text on it."""
    mt = re.fullmatch(r"#?([0-9a-fA-F]{6})", colour or "")
    if not mt:
        return False
    r, g, b = (int(mt.group(1)[i : i + 2], 16) for i in (0, 2, 4))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b < 110


def logo_corner(template: Template) -> str:
    """Return the corner the theme puts its logo in on slides: top-left, top-right, bottom-left, bottom-right."""
    return template.theme.logo_position


def logo_path(template: Template, lecture: m.Lecture) -> Path | None:
    """The logo drawn on slides: the lecture's own (``logo:``, found under the picture path policy when
    it was read), else the theme's; None for neither."""
    own = lecture.meta.logo
    if own is not None and own.path:
        return Path(own.path)
    return template.asset(template.theme.logo)


def logo_box(corner: str, ratio: float, aspect: float, avoid: tuple[Box, ...] = ()) -> Box:
    """Return where a logo goes on a slide of ``ratio``: about 8 % of the slide's height, inset 3 % from
    its corner, beside the boxes it must ``avoid`` (the footer and slide number: in the default deck the
    number sits in the bottom right corner), or above or below them when there is no room beside."""
    h = 0.08
    w = min(h * aspect / ratio, 0.2)
    h = w * ratio / aspect
    gap = 0.01
    x = 0.03 * (1 / ratio) if "left" in corner else 1 - w - 0.03 * (1 / ratio)
    y = 0.03 if "top" in corner else 1 - h - 0.03
    for _ in range(len(avoid) + 1):
        hit = [b for b in avoid if _overlap(Box(x, y, w, h), b)]
        if not hit:
            return Box(x, y, w, h)
        x = max(b.x + b.w for b in hit) + gap if "left" in corner else min(b.x for b in hit) - gap - w
        if not 0 <= x <= 1 - w:
            break
    x = 0.03 * (1 / ratio) if "left" in corner else 1 - w - 0.03 * (1 / ratio)
    near = [b for b in avoid if b.x < x + w and x < b.x + b.w]
    if "top" in corner:
        y = max((b.y + b.h for b in near), default=y - gap) + gap
    else:
        y = min((b.y for b in near), default=y + h + gap) - gap - h
    return Box(x, y, w, h)


def _overlap(a: Box, b: Box) -> bool:
    return a.x < b.x + b.w and b.x < a.x + a.w and a.y < b.y + b.h and b.y < a.y + a.h


def furniture(look: DeckLook) -> tuple[Box, ...]:
    """The footer and slide-number boxes of the deck's content layout: what a logo keeps clear of."""
    lay = look.layout(LayoutKind.CONTENT)
    return tuple(b for b in (lay.footer, lay.number) if b is not None)


def picture_aspect(path: Path) -> float:
    """Return width/height of the picture at ``path`` (1.0 when it cannot be read)."""
    try:
        if path.suffix.lower() == ".svg":
            text = path.read_text(encoding="utf-8", errors="replace")[:4000]
            mt = re.search(r'viewBox="\s*[-\d.]+[ ,]+[-\d.]+[ ,]+([\d.]+)[ ,]+([\d.]+)', text)
            return float(mt.group(1)) / float(mt.group(2)) if mt else 1.0

        with Image.open(path) as im:
            return im.width / im.height
    except Exception:
        return 1.0
