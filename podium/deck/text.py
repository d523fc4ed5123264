"""Text: paragraphs with levels, bullets, sizes and formatted runs written into a text frame."""

from __future__ import annotations

import copy
import re
from dataclasses import replace

from lxml import etree
from pptx.enum.text import PP_ALIGN
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.oxml.ns import qn
from pptx.oxml.xmlchemy import OxmlElement
from pptx.text.text import _Paragraph
from pptx.util import Emu, Pt

from .. import model as m
from .canvas import Canvas, hex_rgb
from .measure import has_east_asian, label_start, link_pieces, marker_room, para_size, para_spacing, run_pt
from .omml import wrap_inline_run
from .plan import Para, Run
from .styles import GRID_INDENT, FrameStyle, Level, placeholder_list_style


def fill_runs(
    cv: Canvas,
    tf,
    runs_: tuple[Run, ...],
    size: float | None = None,
    bold: bool = False,
    colour: str | None = None,
) -> None:
    tf.text = ""
    p = tf.paragraphs[0]
    for r in runs_:
        add_run(cv, p, r, Pt(size) if size else None, bold, colour=colour)


def fill_paras(
    cv: Canvas, tf, paras, style: FrameStyle, scale: float, own: bool = True, shape_id: int | None = None
) -> None:
    """Write ``paras`` into text frame ``tf`` as real paragraphs with levels and bullets.

    ``style`` is the frame's style (:mod:`podium.deck.styles`), ``scale`` the fitter's text scale.
    With ``own`` the placeholder's list style gives bullets and indents; otherwise they are
    written out.  Sizes are written wherever they differ from what the frame would inherit, so
    what is drawn is what :mod:`podium.deck.measure` measured.
    """
    tf.word_wrap = True
    tf.text = ""
    body = tf._txBody
    depths = list_depths(paras)
    looks: dict[int, etree._Element | None] = {}
    for i, para in enumerate(paras):
        # new paragraphs and their a:pPr written directly, as tf.add_paragraph() and p.level make them
        if i == 0:
            p_el = body.find(_P)
        else:
            p_el = OxmlElement("a:p")
            body.append(p_el)
        p = _Paragraph(p_el, tf)
        pPr = p_el.find(_PPR)
        if pPr is None:
            pPr = OxmlElement("a:pPr")
            p_el.insert(0, pPr)
        if depths[i]:
            pPr.set("lvl", str(depths[i]))
        moved = depths[i] != min(para.level, 8)
        if moved:  # (written at another level than its own: that level's look copied, see list_depths)
            if para.look not in looks:
                looks[para.look] = _level_look(cv, tf, para.look)
            _copy_look(pPr, looks[para.look])
        size = None
        if (
            not own
            or scale != 1.0
            or para.style in ("caption", "attribution", "footnote")
            or para.look != para.level
            or moved
        ):
            size = Pt(round(para_size(para, style, scale), 1))
        lvl = style.level(para.look)
        set_bullet(cv, p, para, own and lvl.bullet, lvl, marker_room(para, para_size(para, style, scale)))
        if moved and own and para.bullet == "bullet":  # (its own level's bullet, not the written one's)
            _copy_look(pPr, looks[para.look], _BULLET_KIDS, attributes=False)
        _set_spacing(p, para, style, scale)
        if para.align:
            p.alignment = {"left": PP_ALIGN.LEFT, "center": PP_ALIGN.CENTER, "right": PP_ALIGN.RIGHT}[
                para.align
            ]
        runs = para.runs
        if para.bullet != "none" and not any(r.text for r in runs):
            # an item with no words (``2.`` above a code block): PowerPoint and LibreOffice draw no
            # number or bullet on an empty paragraph, so it gets a no-break space to carry its marker
            runs = (Run("\u00a0"),)
        own_size = para_size(para, style, scale)
        for r in runs:  # (inline code is sized: smaller than its paragraph's words, see add_run)
            at = size if size is not None or not r.code else Pt(round(own_size, 1))
            add_run(cv, p, r, at, False, muted=para.style == "attribution", text_size=own_size)
        if size is not None:
            end = p_el.find(_END)
            if end is None:
                end = etree.SubElement(p_el, _END)
            end.set("sz", str(int(size.pt * 100)))
        if shape_id is not None and para.step > 0:
            cv.anim.append((para.step, shape_id, i))
    if shape_id is not None and paras and all(p.step == paras[0].step for p in paras) and paras[0].step > 0:
        # the whole box appears at once: animate the shape, not each paragraph
        cv.anim = [a for a in cv.anim if a[1] != shape_id] + [(paras[0].step, shape_id, None)]


def _set_spacing(p, para: Para, style: FrameStyle, scale: float) -> None:
    """Write ``para``'s space before and after (and exact line pitch) where they differ from its level's:
    a shrunk paragraph's, shrunk with its type, as :func:`measure.para_spacing` measured them (an office
    suite keeps the level's points: ten paragraphs at 18 pt under a 24 pt level's 12 pt spacing run 30 pt
    longer than measured, into the footer)."""
    lvl = style.level(para.level)
    before, after, line_points = para_spacing(para, style, scale)
    if before != lvl.space_before:
        p.space_before = Pt(round(before, 2))
    if after != lvl.space_after:
        p.space_after = Pt(round(after, 2))
    if line_points != lvl.line_points:
        p.line_spacing = Pt(round(line_points, 2))


def list_depths(paras) -> list[int]:
    """The list level (``lvl``) each paragraph is written at: its own, except where LibreOffice would
    count a numbered list on from an earlier one in the same frame.

    LibreOffice numbers an item by walking back over the paragraphs before it: deeper ones and those
    without a bullet are passed over, a shallower one ends the count, and an item of the same level and
    kind whose number is higher carries its count on (so "1. 2. 3.", a paragraph, "1. 2." reads
    "1. 2. 3. 4. 2." there, whatever ``startAt`` says; PowerPoint draws it right).  So when a frame
    holds several top-level numbered lists that LibreOffice would run together, each is written one
    level shallower than the list before it (the first deepest), its nested items below it, every moved
    paragraph keeping its own level's look (:func:`_copy_look`): the walk back from a list's first item
    then passes only deeper paragraphs.  Where the levels run out (nine), the frame stays as written.
    """
    depths = [min(p.level, 8) for p in paras]
    if sum(1 for p in paras if p.bullet == "number") < 2 or lo_numbers(paras, depths) == _numbers(paras):
        return depths
    runs: list[int | None] = []  # the top-level numbered list each paragraph belongs to
    current: int | None = None
    count = 0
    last: Para | None = None
    for p in paras:
        if p.level == 0:
            if p.bullet == "number" and not (
                current is not None and last is not None and p.number > last.number
            ):
                current, count = count, count + 1
            elif p.bullet != "number":
                current = None
            last = p if p.bullet == "number" else None
        runs.append(current)
    moved = [d + (count - 1 - r if r is not None else 0) for d, r in zip(depths, runs)]
    if max(moved, default=0) > 8 or lo_numbers(paras, moved) != _numbers(paras):
        return depths
    return moved


def _numbers(paras) -> list[int | None]:
    return [max(p.number, 1) if p.bullet == "number" else None for p in paras]


def lo_numbers(paras, depths: list[int]) -> list[int | None]:
    """The number LibreOffice shows before each numbered paragraph written at ``depths`` with its own
    ``startAt`` (editeng's Outliner::ImplGetNumbering, as :func:`list_depths` describes it)."""
    out: list[int | None] = []
    for i, p in enumerate(paras):
        if p.bullet != "number":
            out.append(None)
            continue
        start = max(p.number, 1)
        n = start - 1
        for j in range(i, -1, -1):
            q = paras[j]
            if q.bullet == "none" or depths[j] > depths[i]:
                continue
            if depths[j] < depths[i] or q.bullet != "number":
                break  # (a bullet is another kind of numbering: it ends the count too)
            if (q.numbering, q.delimiter) != (p.numbering, p.delimiter) or max(q.number, 1) < start:
                break
            if q.number > start:
                n += q.number - start
                start = q.number
            n += 1
        out.append(n)
    return out


def _level_look(cv: Canvas, tf, look: int):
    """The paragraph properties a paragraph of list level ``look`` inherits in frame ``tf`` (its
    placeholder's, merged from the layout and the master; else the box's own list style), or None."""
    base = getattr(tf._parent, "_base_placeholder", None)
    if base is not None:
        lst = placeholder_list_style(base._element, cv.slide.slide_layout.slide_master)
    else:
        lst = tf._txBody.find(qn("a:lstStyle"))
    return lst.find(qn(f"a:lvl{look + 1}pPr")) if lst is not None else None


_LOOK_KIDS = ("lnSpc", "spcBef", "spcAft", "buClrTx", "buClr", "buSzTx", "buSzPct", "buSzPts")


_BULLET_KIDS = ("buFontTx", "buFont", "buNone", "buAutoNum", "buChar", "buBlip")


def _copy_look(pPr, level, kids: tuple[str, ...] = _LOOK_KIDS, attributes: bool = True) -> None:
    """Give ``pPr`` the indents (its ``attributes``), spacing and bullet colour and size of list level
    ``level`` (an ``a:lvlNpPr``); its bullet, font and type size are written after, as for any
    paragraph (``kids``: which of the level's children to copy, in their order)."""
    if level is None:
        return
    if attributes:
        for name, value in level.attrib.items():
            if name != "lvl":
                pPr.set(name, value)
    for kid in level:
        if etree.QName(kid).localname in kids:
            pPr.append(copy.deepcopy(kid))


def set_autofit(tf) -> None:
    """Mark a frame whose text the fitter shrank: ``noAutofit``,
    PowerPoint's "Do not Autofit", since the sizes written already fit.  Not ``normAutofit``: LibreOffice
    recomputes that when it opens the deck and shrinks text that fits to half its size."""
    body = tf._txBody.find(qn("a:bodyPr"))
    if body is None:
        return
    for tag in ("a:noAutofit", "a:normAutofit", "a:spAutoFit"):
        for el in body.findall(qn(tag)):
            body.remove(el)
    etree.SubElement(body, qn("a:noAutofit"))


# DrawingML's numbering schemes (ST_TextAutonumberScheme): counting style + delimiter, e.g. alphaLcParenR
AUTONUM = {
    m.Numbering.DECIMAL: "arabic",
    m.Numbering.LOWER_ALPHA: "alphaLc",
    m.Numbering.UPPER_ALPHA: "alphaUc",
    m.Numbering.LOWER_ROMAN: "romanLc",
    m.Numbering.UPPER_ROMAN: "romanUc",
}
AUTONUM_DELIMITER = {
    m.Delimiter.PERIOD: "Period",
    m.Delimiter.PAREN: "ParenR",
    m.Delimiter.PARENS: "ParenBoth",
}


def set_bullet(cv: Canvas, p, para: Para, own: bool, lvl: Level | None = None, room: int = 0) -> None:
    """Write ``para``'s bullet and indents: the list style's own (``own``, level ``lvl``) or the text-box
    grid's; a number wider than ``1.`` moves the text ``room`` EMU right (:func:`measure.marker_room`)."""
    pPr = p._p.get_or_add_pPr()
    for tag in ("a:buNone", "a:buAutoNum", "a:buChar", "a:buFont"):
        for el in pPr.findall(qn(tag)):
            pPr.remove(el)
    indent_emu = int(GRID_INDENT * cv.scale)
    if para.bullet == "none":  # (an item's second paragraph: where the item's words start)
        inside = own and lvl is not None and lvl.bullet and para.look < para.level
        pPr.set("marL", str(lvl.mar_l if inside and lvl is not None else para.level * indent_emu))
        if para.label:  # (an item's own label, \item[a)]: where its bullet would be)
            pPr.set("marL", str(label_start(para, lvl, own, indent_emu)))
        pPr.set("indent", "0")
        etree.SubElement(pPr, qn("a:buNone"))
        return
    if not own:
        pPr.set("marL", str((para.level + 1) * indent_emu + room))
        pPr.set("indent", str(-indent_emu - room))
    elif room and lvl is not None:
        pPr.set("marL", str(lvl.mar_l + room))
        pPr.set("indent", str(lvl.indent - room))
    if para.bullet == "number":  # in the body's font: else PowerPoint draws "1." in the first run's (code)
        etree.SubElement(pPr, qn("a:buFont")).set("typeface", lvl.latin if lvl is not None else "+mn-lt")
        el = etree.SubElement(pPr, qn("a:buAutoNum"))
        el.set("type", AUTONUM[para.numbering] + AUTONUM_DELIMITER[para.delimiter])
        # every item its own number: PowerPoint starts a new count where it changes, and LibreOffice
        # counts on from the list before where an item has none (two lists apart read 1 2 3 4 2 3);
        # the file format's numbers start at 1 (a list from 0: the reader has warned)
        el.set("startAt", str(max(para.number, 1)))
    elif not own:
        font = etree.SubElement(pPr, qn("a:buFont"))
        font.set("typeface", "Arial")
        ch = etree.SubElement(pPr, qn("a:buChar"))
        ch.set("char", "•–▪··"[min(para.level, 4)])
    # else: the master's bullet for this level


def link_jumps(jumps: list, first: dict) -> None:
    """Make each internal link of ``jumps`` (:attr:`Canvas.jumps`) jump to the first slide of its target
    (``first``: lecture slide number to the deck's slide): PowerPoint's ``ppaction://hlinksldjump``."""
    for slide, rPr, number in jumps:
        target = first.get(number)
        if target is None:
            continue
        rid = slide.part.relate_to(target.part, RT.SLIDE)
        link = etree.SubElement(rPr, _HLINK)
        link.set(_RID, rid)
        link.set("action", "ppaction://hlinksldjump")
        if rPr.find(_SOLID) is not None:
            _in_run_colour(link)


def add_run(
    cv: Canvas,
    p,
    r: Run,
    size=None,
    bold=False,
    muted=False,
    colour: str | None = None,
    text_size: float | None = None,
) -> None:
    """Append run ``r`` to paragraph ``p``: its text, formatting, link and CJK face.

    The XML is written directly, as python-pptx's ``add_run`` and ``Font`` setters would write it
    (every run gets an ``a:rPr``; attributes in the order those setters set them; children in the
    schema's order), without their per-property look-ups.  ``colour`` (``#RRGGBB``) overrides the
    run's colour (a table cell's text); a colour the lecture gave the words (``r.colour``) comes first.
    ``text_size`` (points) is the paragraph's size where ``size`` is left to the layout: the size that
    a smaller part of inline math (``\\textsc``'s small capitals) is a share of.
    """
    pieces = link_pieces(r)
    if len(pieces) > 1:  # (a long link: one run a word, which LibreOffice can wrap, see link_pieces)
        for piece in pieces:
            add_run(cv, p, piece, size, bold, muted, colour, text_size)
        return
    if "\v" in r.text or "\n" in r.text:  # a hard line break: <a:br/>, not a control character
        for k, part in enumerate(r.text.replace("\n", "\v").split("\v")):
            if k:
                p.add_line_break()
                if size is not None:
                    p._p.findall(qn("a:br"))[-1].get_or_add_rPr().set("sz", str(int(size.pt * 100)))
            if part:
                add_run(
                    cv,
                    p,
                    replace(r, text=part),
                    size,
                    bold,
                    muted,
                    colour,
                    text_size,
                )
        return
    text = r.text
    p_el = p._p
    r_el = OxmlElement("a:r")
    end = p_el.find(_END)
    if end is not None:
        end.addprevious(r_el)
    else:
        p_el.append(r_el)
    rPr = etree.SubElement(r_el, _RPR)
    etree.SubElement(r_el, _T).text = _escape_ctrl_chars(text) if _CTRL.search(text) else text
    if r.code and size is not None and cv.code_ratio != 1.0:  # (its small letters as tall as the text's)
        size = Pt(round(run_pt(size.pt, cv.code_ratio), 1))
    _set_flags(rPr, r, bold, size)
    fill = r.colour or colour or (cv.palette["accent"] if r.blank else cv.palette["muted"] if muted else None)
    if fill is not None:
        solid = etree.SubElement(rPr, _SOLID)
        etree.SubElement(solid, _SRGB).set("val", str(hex_rgb(fill)))
    if r.mark and not r.blank:
        _highlight(rPr)
    if r.blank:
        rPr.set("u", "sng")
        if text.strip("\u00a0 "):  # the instructor's answer: highlighted (a student's gap is only a line)
            _highlight(rPr)
    if r.code:
        etree.SubElement(rPr, _LATIN).set("typeface", cv.fonts.get("mono", "Courier New"))
    if has_east_asian(text) and cv.fonts.get("cjk"):
        etree.SubElement(rPr, _EA).set("typeface", cv.fonts["cjk"])
    jump = re.fullmatch(r"#slide-(\d+)", r.link) if r.link else None
    if jump is not None:  # a slide of this deck: linked once every slide is written
        cv.jumps.append((cv.slide, rPr, int(jump.group(1))))
    elif r.link and not r.link.startswith("#"):
        rid = cv.slide.part.relate_to(r.link, RT.HYPERLINK, is_external=True)
        link = etree.SubElement(rPr, _HLINK)
        link.set(_RID, rid)
        if fill is not None:
            _in_run_colour(link)
    if r.tex:  # inline math: Office math for PowerPoint, this run as the fallback text
        base = size.pt if size is not None else text_size
        wrap_inline_run(
            r_el, r.tex, int(size.pt * 100) if size is not None else None, round(base * 100) if base else None
        )


def _set_flags(rPr, r: Run, bold: bool, size) -> None:
    """The run's weight, slant, size, strike, position, underline and capitals, in the order
    python-pptx's ``Font`` setters write them."""
    if r.bold or bold:
        rPr.set("b", "1")
    if r.italic:
        rPr.set("i", "1")
    if size is not None:
        rPr.set("sz", str(Emu(size).centipoints))
    if r.strike:
        rPr.set("strike", "sngStrike")
    if r.superscript or r.script > 0:
        rPr.set("baseline", "30000")
    elif r.script < 0:
        rPr.set("baseline", "-25000")
    if r.underline:
        rPr.set("u", "sng")
    if r.smallcaps:
        rPr.set("cap", "small")


_END, _RPR, _T, _P, _PPR = qn("a:endParaRPr"), qn("a:rPr"), qn("a:t"), qn("a:p"), qn("a:pPr")
_SOLID, _SRGB, _LATIN, _EA = qn("a:solidFill"), qn("a:srgbClr"), qn("a:latin"), qn("a:ea")
_HLINK, _RID = qn("a:hlinkClick"), qn("r:id")
_CTRL = re.compile(r"[\x00-\x08\x0B-\x1F]")


def _escape_ctrl_chars(s: str) -> str:
    """Escape control characters as python-pptx does ("_x0007_" for BEL; tab and line feed kept)."""
    return _CTRL.sub(lambda m: f"_x{ord(m.group(0)):04X}_", s)


# PowerPoint's (2019 on) mark on a link drawn in its run's colour, not the theme's link colour
_LINK_COLOUR_EXT = "{A12FA001-AC4F-418D-AE19-62706E023703}"
_AHYP = "http://schemas.microsoft.com/office/drawing/2018/hyperlinkcolor"


def _in_run_colour(link) -> None:
    """Mark the ``a:hlinkClick`` ``link`` as drawn in its run's colour (``ahyp:hlinkClr val="tx"``): a
    colour the lecture gave a link, or a link on a dark background (:func:`contrast.link_colour`)."""
    ext = etree.SubElement(etree.SubElement(link, qn("a:extLst")), qn("a:ext"))
    ext.set("uri", _LINK_COLOUR_EXT)
    etree.SubElement(ext, f"{{{_AHYP}}}hlinkClr", nsmap={"ahyp": _AHYP}).set("val", "tx")


def _highlight(rPr, colour: str = "FFF2A8") -> None:
    """Give a run's ``a:rPr`` a text highlight (``a:highlight`` sits right after the fill)."""
    fill = rPr.find(_SOLID)
    hl = etree.Element(qn("a:highlight"))
    etree.SubElement(hl, _SRGB).set("val", colour)
    if fill is not None:
        fill.addnext(hl)
    else:
        rPr.insert(0, hl)
