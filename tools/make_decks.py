#!/usr/bin/env python3
"""Rebuild Podium's bundled template decks from python-pptx's own default template.

    python tools/make_decks.py            # writes podium/templates/default/deck.pptx and .../classic/deck.pptx
    python tools/make_decks.py classic    # only the named deck(s)

Each deck is a slide master plus nine named layouts and no slides:
Title Slide, Title and Content, Section Header, Two Content, Comparison, Title Only, Blank,
Content with Caption, Picture with Caption. The two vertical-text layouts of python-pptx's template
are removed (layout part and master relationship). Every placeholder on the master and on every
layout gets an explicit position designed for the slide size; decorations are plain shapes, never
pictures. The theme part carries the palette (a:clrScheme) and the fonts (a:fontScheme, with
Noto CJK as the East Asian face).

Output is deterministic: fixed document properties, fixed zip timestamps, stable part order.
The theme.yaml files beside the decks are hand-written; keep their palette and fonts in step with
the DECKS table below (the script compares them and stops on a mismatch).
"""

from __future__ import annotations

import io
import re
import sys
import zipfile
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import pptx
import yaml
from lxml import etree
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.oxml import parse_xml

HERE = Path(__file__).resolve().parent.parent / "podium" / "templates"  # the bundled templates

NS = {
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "p": "http://schemas.openxmlformats.org/presentationml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
}
NSDECL = " ".join(f'xmlns:{k}="{v}"' for k, v in NS.items())
EMU_PER_INCH = 914400
FIXED_TIME = datetime(2025, 1, 1, 0, 0, 0)
ZIP_TIME = (1980, 1, 1, 0, 0, 0)

LAYOUT_NAMES = [
    "Title Slide",
    "Title and Content",
    "Section Header",
    "Two Content",
    "Comparison",
    "Title Only",
    "Blank",
    "Content with Caption",
    "Picture with Caption",
]
DROPPED_LAYOUTS = ["Title and Vertical Text", "Vertical Title and Text"]


def emu(inches: float) -> int:
    return int(round(inches * EMU_PER_INCH))


def q(tag: str) -> str:
    prefix, local = tag.split(":")
    return f"{{{NS[prefix]}}}{local}"


def frag(xml: str):
    """Parse one element written with a:/p:/r: prefixes."""
    xml = re.sub(r"^<(\w+:\w+)", lambda m: f"<{m.group(1)} {NSDECL}", xml.strip(), count=1)
    return parse_xml(xml)


# --------------------------------------------------------------------------------------------
# Text style fragments
# --------------------------------------------------------------------------------------------


def fill(color: str) -> str:
    """A solid fill; `color` is RRGGBB or a scheme colour name such as 'tx1'."""
    if re.fullmatch(r"[0-9A-Fa-f]{6}", color):
        return f'<a:solidFill><a:srgbClr val="{color.upper()}"/></a:solidFill>'
    return f'<a:solidFill><a:schemeClr val="{color}"/></a:solidFill>'


def ppr(
    tag: str,
    *,
    size: float | None = None,
    bold: bool | None = None,
    italic: bool | None = None,
    caps: bool = False,
    color: str | None = None,
    algn: str | None = None,
    marL: float | None = None,
    indent: float | None = None,
    bullet: str | None = None,
    bu_color: str | None = None,
    bu_size: int | None = None,
    ln_spc: int | None = None,
    spc_bef: float | None = None,
    spc_aft: float | None = None,
    font: str | None = None,
    full: bool = False,
) -> str:
    """One a:lvlNpPr (or a:defPPr) element.

    bullet: None leaves it inherited, "" writes a:buNone, a character writes a:buChar.
    font: "major"/"minor" writes the +mj/+mn theme font references; "Latin|EastAsian" names faces.
    full: write the attributes a master text style carries (defTabSz, rtl, line-break rules).
    """
    attrs = []
    if marL is not None:
        attrs.append(f'marL="{emu(marL)}"')
    if indent is not None:
        attrs.append(f'indent="{emu(indent)}"')
    if algn:
        attrs.append(f'algn="{algn}"')
    if full:
        attrs.append('defTabSz="914400" rtl="0" eaLnBrk="1" latinLnBrk="0" hangingPunct="1"')
    kids = []
    if ln_spc is not None:
        kids.append(f'<a:lnSpc><a:spcPct val="{ln_spc * 1000}"/></a:lnSpc>')
    if spc_bef is not None:
        kids.append(f'<a:spcBef><a:spcPts val="{int(spc_bef * 100)}"/></a:spcBef>')
    if spc_aft is not None:
        kids.append(f'<a:spcAft><a:spcPts val="{int(spc_aft * 100)}"/></a:spcAft>')
    if bullet == "":
        kids.append("<a:buNone/>")
    elif bullet is not None:
        if bu_color:
            kids.append(f'<a:buClr><a:srgbClr val="{bu_color}"/></a:buClr>')
        if bu_size:
            kids.append(f'<a:buSzPct val="{bu_size * 1000}"/>')
        kids.append('<a:buFont typeface="Arial" panose="020B0604020202020204" pitchFamily="34" charset="0"/>')
        kids.append(f'<a:buChar char="{bullet}"/>')
    rattrs = []
    if size is not None:
        rattrs.append(f'sz="{int(size * 100)}"')
    if bold is not None:
        rattrs.append(f'b="{int(bold)}"')
    if italic is not None:
        rattrs.append(f'i="{int(italic)}"')
    if caps:
        rattrs.append('cap="all"')
    if full:
        rattrs.append('kern="1200"')
    rkids = fill(color) if color else ""
    if font in ("major", "minor"):
        m = {"major": "mj", "minor": "mn"}[font]
        rkids += f'<a:latin typeface="+{m}-lt"/><a:ea typeface="+{m}-ea"/><a:cs typeface="+{m}-cs"/>'
    elif font:  # "Latin face|East Asian face"
        latin, _, ea = font.partition("|")
        rkids += f'<a:latin typeface="{latin}"/>' + (f'<a:ea typeface="{ea}"/>' if ea else "")
    kids.append(
        f"<a:defRPr {' '.join(rattrs)}>{rkids}</a:defRPr>" if rkids else f"<a:defRPr {' '.join(rattrs)}/>"
    )
    return f"<a:{tag} {' '.join(attrs)}>{''.join(kids)}</a:{tag}>"


def lvl1(**kw) -> str:
    return ppr("lvl1pPr", **kw)


def plain_levels(**kw) -> str:
    """Levels 1-3 without bullets or indents (captions, subtitles, headings)."""
    return "".join(ppr(f"lvl{n}pPr", marL=0, indent=0, bullet="", **kw) for n in (1, 2, 3))


def bullet_levels(
    rows: list[tuple[float, float, str, str, float, float]], first_bullet_size: int | None = None
) -> str:
    """p:bodyStyle levels 1-9 from (marL, indent, bullet, bullet colour, size, space before) rows.

    Levels past the last row repeat it, one indent step (the last two rows' difference) further in.
    """
    rows = list(rows)
    step = rows[-1][0] - rows[-2][0]
    while len(rows) < 9:
        marL, indent, bullet, color, size, before = rows[-2]
        rows.append((rows[-1][0] + step, indent, bullet, color, size, before))
    return "".join(
        ppr(
            f"lvl{n}pPr",
            marL=marL,
            indent=indent,
            bullet=bullet,
            bu_color=color,
            bu_size=first_bullet_size if n == 1 else None,
            size=size,
            ln_spc=100,
            spc_bef=before,
            color="tx1",
            font="minor",
            full=True,
            algn="l",
        )
        for n, (marL, indent, bullet, color, size, before) in enumerate(rows, start=1)
    )


# --------------------------------------------------------------------------------------------
# Deck specification
# --------------------------------------------------------------------------------------------


@dataclass
class Ph:
    """A placeholder: box in inches (x, y, w, h), its lstStyle content, bodyPr attributes."""

    box: tuple[float, float, float, float]
    lst: str = ""
    body: dict[str, str] = field(default_factory=dict)


@dataclass
class Shape:
    """A decoration: a filled rectangle, or an outline-only frame when `line_pt` is set."""

    name: str
    box: tuple[float, float, float, float]
    color: str
    line_pt: float | None = None


@dataclass
class Layout:
    phs: dict[int, Ph]  # by placeholder idx (title is 0; dt 10, ftr 11, sldNum 12)
    bg: str | None = None
    show_master: bool = True
    deco: list[Shape] = field(default_factory=list)


@dataclass
class Deck:
    name: str
    width: float
    height: float
    size_type: str | None  # p:sldSz/@type
    format_name: str  # docProps/app.xml PresentationFormat
    theme_name: str
    colors: dict[str, str]  # dk1 lt1 dk2 lt2 accent1..6 hlink folHlink
    major: str
    minor: str
    cjk: dict[str, str]  # ea face and script faces (Jpan, Hans, Hant, Hang)
    bg: str
    master: dict[str, Ph]  # by type: title body dt ftr sldNum
    master_deco: list[Shape]
    title_style: str
    body_style: str
    layouts: dict[str, Layout]
    palette: dict[str, str]  # theme.yaml's palette, "#RRGGBB"
    notes_font_size: float = 12


def palette(primary: str, accent: str, text: str, background: str, muted: str, light: str) -> dict[str, str]:
    return {k: f"#{v}" for k, v in locals().items()}


FOOT_BODY = {"lIns": "0", "rIns": "0", "tIns": "0", "bIns": "0", "anchor": "ctr"}


def footers(geom: dict[int, tuple], color: str, size: float, italic: bool = False) -> dict[int, Ph]:
    """Date (10), footer (11) and slide number (12), styled in full on every layout: LibreOffice
    does not take a footer's style from the master when the layout leaves it empty."""

    def style(algn: str, it: bool) -> str:
        return lvl1(algn=algn, size=size, italic=it, color=color, font="minor")

    return {
        10: Ph(geom[10], style("r", italic), dict(FOOT_BODY)),
        11: Ph(geom[11], style("l", italic), dict(FOOT_BODY)),
        12: Ph(geom[12], style("r", False), dict(FOOT_BODY)),
    }


# ---- default: 16:9, Calibri, deep blue and orange ------------------------------------------


def default_deck() -> Deck:
    W, H, M = 40 / 3, 7.5, 0.6  # 13.333 in: 12192000 EMU exactly
    CW = W - 2 * M  # content width
    primary, accent, text, bg, muted, light = "1F4E79", "E07A1F", "222222", "FFFFFF", "6B7280", "DCE8F4"
    on_dark, on_dark_muted, deep = "FFFFFF", "A9C1DA", "173B5C"

    title_box = (M, 0.50, CW, 1.0)  # bottom-anchored, so short titles sit on the accent rule
    rule = Shape("Title Accent", (M, 1.56, 0.9, 0.06), accent)
    top_bar = Shape("Top Bar", (0, 0, W, 0.10), primary)
    body_y, body_bottom = 1.84, 6.45
    body_h = body_bottom - body_y
    foot_y, foot_h = 6.70, 0.30  # ends 7.0 in: 0.5 in from the bottom edge
    foot = {
        10: (8.4, foot_y, 2.6, foot_h),  # date, right of the footer, left of the number
        11: (M, foot_y, 7.4, foot_h),  # footer, bottom left
        12: (W - M - 1.2, foot_y, 1.2, foot_h),  # slide number, bottom right
    }
    light_foot = footers(foot, on_dark_muted, 12)
    dark_foot = footers(foot, muted, 12)
    col_w = (CW - 0.5) / 2
    right_x = M + col_w + 0.5
    head_h = 0.6  # Comparison: column headings, a hairline under them, then the content
    head_bottom, content_y = body_y + head_h, body_y + head_h + 0.18

    body_levels = bullet_levels(
        # (left margin in, hanging indent in, bullet, bullet colour, size pt, space before pt)
        [
            (0.32, -0.32, "•", accent, 24, 12),
            (0.70, -0.28, "–", muted, 20, 6),
            (1.05, -0.25, "▪", muted, 18, 4),
            (1.38, -0.25, "–", muted, 16, 3),
            (1.71, -0.25, "•", muted, 16, 3),
        ]
    )
    title_style = ppr(
        "lvl1pPr",
        algn="l",
        ln_spc=90,
        spc_bef=0,
        bullet="",
        size=36,
        bold=True,
        color=primary,
        font="major",
        full=True,
    )

    std = {0: Ph(title_box)}
    layouts = {
        "Title Slide": Layout(
            bg=primary,
            show_master=False,
            deco=[
                Shape("Footer Band", (0, 6.55, W, H - 6.55), deep),
                Shape("Title Accent", (M, 3.97, 1.4, 0.08), accent),
            ],
            phs={
                0: Ph(
                    (M, 1.30, CW, 2.5),
                    lvl1(size=44, bold=True, color=on_dark, algn="l", ln_spc=90),
                    {"anchor": "b"},
                ),
                1: Ph(
                    (M, 4.25, CW, 1.9),
                    plain_levels(size=22, color=light, algn="l", spc_bef=4),
                    {"anchor": "t"},
                ),
                **light_foot,
            },
        ),
        "Title and Content": Layout(phs={**std, 1: Ph((M, body_y, CW, body_h)), **dark_foot}),
        "Section Header": Layout(
            bg=primary,
            show_master=False,
            deco=[Shape("Section Accent", (M, 2.45, 0.10, 2.75), accent)],
            phs={
                0: Ph(
                    (M + 0.4, 1.95, CW - 0.4, 2.0),
                    lvl1(size=40, bold=True, color=on_dark, algn="l", ln_spc=90),
                    {"anchor": "b"},
                ),
                1: Ph(
                    (M + 0.4, 4.10, CW - 0.4, 1.1),
                    plain_levels(size=20, color=light, algn="l"),
                    {"anchor": "t"},
                ),
                **light_foot,
            },
        ),
        "Two Content": Layout(
            phs={
                **std,
                1: Ph((M, body_y, col_w, body_h)),
                2: Ph((right_x, body_y, col_w, body_h)),
                **dark_foot,
            }
        ),
        "Comparison": Layout(
            deco=[
                Shape("Heading Rule Left", (M, head_bottom + 0.03, col_w, 0.025), "B7C9DD"),
                Shape("Heading Rule Right", (right_x, head_bottom + 0.03, col_w, 0.025), "B7C9DD"),
            ],
            phs={
                **std,
                1: Ph(
                    (M, body_y, col_w, head_h),
                    plain_levels(size=22, bold=True, color=primary),
                    {"anchor": "b"},
                ),
                2: Ph((M, content_y, col_w, body_bottom - content_y)),
                3: Ph(
                    (right_x, body_y, col_w, head_h),
                    plain_levels(size=22, bold=True, color=primary),
                    {"anchor": "b"},
                ),
                4: Ph((right_x, content_y, col_w, body_bottom - content_y)),
                **dark_foot,
            },
        ),
        "Title Only": Layout(phs={**std, **dark_foot}),
        "Blank": Layout(show_master=False, deco=[top_bar], phs=dark_foot),
        "Content with Caption": Layout(
            phs={
                **std,
                1: Ph((5.3, body_y, W - M - 5.3, body_h)),
                2: Ph((M, body_y, 4.2, body_h), plain_levels(size=18, color="tx1", ln_spc=110, spc_bef=6)),
                **dark_foot,
            }
        ),
        "Picture with Caption": Layout(
            phs={
                **std,
                # the picture takes the full width; its caption sits centred below it
                1: Ph(
                    (M, body_y, W - 2 * M, body_h - 0.55),
                    lvl1(marL=0, indent=0, bullet="", size=16, color=muted, algn="ctr"),
                    {"anchor": "ctr"},
                ),
                2: Ph(
                    (M, body_y + body_h - 0.5, W - 2 * M, 0.5),
                    plain_levels(size=16, color=muted, ln_spc=100, spc_bef=0, algn="ctr"),
                ),
                **dark_foot,
            }
        ),
    }
    return Deck(
        name="default",
        width=W,
        height=H,
        size_type=None,
        format_name="Widescreen",
        theme_name="Podium Default",
        colors=dict(
            dk1=text,
            lt1=bg,
            dk2=primary,
            lt2=light,
            accent1=primary,
            accent2=accent,
            accent3="2A9D8F",
            accent4=muted,
            accent5="5B8DBE",
            accent6="B5443B",
            hlink="1F6FB2",
            folHlink="7A4E9A",
        ),
        major="Calibri",
        minor="Calibri",
        cjk={
            "ea": "Noto Sans CJK JP",
            "Jpan": "Noto Sans CJK JP",
            "Hans": "Noto Sans CJK SC",
            "Hant": "Noto Sans CJK TC",
            "Hang": "Noto Sans CJK KR",
        },
        bg=bg,
        master={
            "title": Ph(
                title_box, body={"anchor": "b", "lIns": "0", "rIns": "0", "tIns": "0", "bIns": "45720"}
            ),
            "body": Ph(
                (M, body_y, CW, body_h), body={"lIns": "0", "rIns": "0", "tIns": "45720", "bIns": "45720"}
            ),
            "dt": dark_foot[10],
            "ftr": dark_foot[11],
            "sldNum": dark_foot[12],
        },
        master_deco=[top_bar, rule],
        title_style=title_style,
        body_style=body_levels,
        layouts=layouts,
        palette=palette(primary, accent, text, bg, muted, light),
    )


# ---- classic: 4:3, Georgia, ivory paper, deep red rule --------------------------------------


def classic_deck() -> Deck:
    W, H, M = 10.0, 7.5, 0.7
    CW = W - 2 * M
    primary, accent, text, bg, muted, light = "7B1E28", "2F5D4A", "2B2623", "FBF8F1", "756A5E", "F2E4E1"
    paper_on_red, paper_muted = "FBF8F1", "E4C9C6"
    hairline = "D8CDBE"

    title_box = (M, 0.50, CW, 1.0)
    title_rule = Shape("Title Rule", (M, 1.58, CW, 0.022), primary)
    body_y, body_bottom = 1.86, 6.40
    body_h = body_bottom - body_y
    foot_y, foot_h = 6.70, 0.30
    foot = {
        10: (5.7, foot_y, 2.2, foot_h),
        11: (M, foot_y, 4.9, foot_h),
        12: (W - M - 1.0, foot_y, 1.0, foot_h),
    }
    foot_rule = Shape("Footer Rule", (M, 6.62, CW, 0.01), hairline)
    dark_foot = footers(foot, muted, 12, italic=True)
    col_w = (CW - 0.4) / 2
    right_x = M + col_w + 0.4
    head_h = 0.55  # Comparison: column headings, a hairline under them, then the content
    head_bottom, content_y = body_y + head_h, body_y + head_h + 0.15
    # 4:3 columns are narrow (4.1 in): one step down the type scale keeps lines from breaking every few words
    col_text = "".join(ppr(f"lvl{n}pPr", size=sz) for n, sz in ((1, 20), (2, 18), (3, 16)))

    body_levels = bullet_levels(
        [
            (0.30, -0.30, "▪", primary, 24, 12),
            (0.65, -0.27, "–", primary, 20, 6),
            (0.98, -0.24, "•", muted, 18, 4),
            (1.28, -0.24, "–", muted, 16, 3),
            (1.58, -0.24, "•", muted, 16, 3),
        ],
        first_bullet_size=85,
    )
    title_style = ppr(
        "lvl1pPr",
        algn="l",
        ln_spc=95,
        spc_bef=0,
        bullet="",
        size=34,
        bold=False,
        color=text,
        font="major",
        full=True,
    )

    std = {0: Ph(title_box)}
    frame_in = 0.32
    frame = (frame_in, frame_in, W - 2 * frame_in, H - 2 * frame_in)
    layouts = {
        "Title Slide": Layout(
            show_master=False,
            deco=[
                Shape("Frame", frame, primary, line_pt=1.0),
                Shape("Title Rule Thick", (W / 2 - 1.5, 4.02, 3.0, 0.045), primary),
                Shape("Title Rule Thin", (W / 2 - 1.5, 4.12, 3.0, 0.012), primary),
            ],
            phs={
                0: Ph(
                    (0.9, 1.45, W - 1.8, 2.4),
                    lvl1(size=40, color=text, algn="ctr", ln_spc=95),
                    {"anchor": "b"},
                ),
                1: Ph(
                    (0.9, 4.40, W - 1.8, 1.8),
                    plain_levels(size=20, italic=True, color=muted, algn="ctr", spc_bef=4),
                    {"anchor": "t"},
                ),
                **dark_foot,
            },
        ),
        "Title and Content": Layout(phs={**std, 1: Ph((M, body_y, CW, body_h)), **dark_foot}),
        "Section Header": Layout(
            bg=primary,
            show_master=False,
            deco=[
                Shape("Frame", frame, "C98F93", line_pt=0.75),
                Shape("Section Rule", (W / 2 - 0.75, 4.12, 1.5, 0.025), paper_muted),
            ],
            phs={
                0: Ph(
                    (0.9, 1.85, W - 1.8, 2.1),
                    lvl1(size=36, color=paper_on_red, algn="ctr", ln_spc=95),
                    {"anchor": "b"},
                ),
                1: Ph(
                    (0.9, 4.35, W - 1.8, 1.2),
                    plain_levels(size=20, italic=True, color=paper_muted, algn="ctr"),
                    {"anchor": "t"},
                ),
                **footers(foot, paper_muted, 12, italic=True),
            },
        ),
        "Two Content": Layout(
            phs={
                **std,
                1: Ph((M, body_y, col_w, body_h), col_text),
                2: Ph((right_x, body_y, col_w, body_h), col_text),
                **dark_foot,
            }
        ),
        "Comparison": Layout(
            deco=[
                Shape("Heading Rule Left", (M, head_bottom + 0.03, col_w, 0.012), hairline),
                Shape("Heading Rule Right", (right_x, head_bottom + 0.03, col_w, 0.012), hairline),
            ],
            phs={
                **std,
                1: Ph(
                    (M, body_y, col_w, head_h),
                    plain_levels(size=20, italic=True, color=primary),
                    {"anchor": "b"},
                ),
                2: Ph((M, content_y, col_w, body_bottom - content_y), col_text),
                3: Ph(
                    (right_x, body_y, col_w, head_h),
                    plain_levels(size=20, italic=True, color=primary),
                    {"anchor": "b"},
                ),
                4: Ph((right_x, content_y, col_w, body_bottom - content_y), col_text),
                **dark_foot,
            },
        ),
        "Title Only": Layout(phs={**std, **dark_foot}),
        "Blank": Layout(show_master=False, deco=[foot_rule], phs=dark_foot),
        "Content with Caption": Layout(
            phs={
                **std,
                1: Ph((3.9, body_y, W - M - 3.9, body_h)),
                2: Ph((M, body_y, 2.9, body_h), plain_levels(size=16, color="tx1", ln_spc=110, spc_bef=6)),
                **dark_foot,
            }
        ),
        "Picture with Caption": Layout(
            phs={
                **std,
                1: Ph(
                    (M, body_y, CW, 3.85),
                    lvl1(marL=0, indent=0, bullet="", size=16, color=muted, algn="ctr"),
                    {"anchor": "ctr"},
                ),
                2: Ph(
                    (M, 5.75, CW, body_bottom - 5.75),
                    plain_levels(size=16, italic=True, color="tx1", algn="ctr"),
                    {"anchor": "t"},
                ),
                **dark_foot,
            }
        ),
    }
    return Deck(
        name="classic",
        width=W,
        height=H,
        size_type="screen4x3",
        format_name="On-screen Show (4:3)",
        theme_name="Podium Classic",
        colors=dict(
            dk1=text,
            lt1=bg,
            dk2=primary,
            lt2=light,
            accent1=primary,
            accent2=accent,
            accent3="B08D57",
            accent4="3E5C76",
            accent5=muted,
            accent6="A0522D",
            hlink="2F5D4A",
            folHlink="6B4E71",
        ),
        major="Georgia",
        minor="Georgia",
        cjk={
            "ea": "Noto Serif CJK JP",
            "Jpan": "Noto Serif CJK JP",
            "Hans": "Noto Serif CJK SC",
            "Hant": "Noto Serif CJK TC",
            "Hang": "Noto Serif CJK KR",
        },
        bg=bg,
        master={
            "title": Ph(
                title_box, body={"anchor": "b", "lIns": "0", "rIns": "0", "tIns": "0", "bIns": "45720"}
            ),
            "body": Ph(
                (M, body_y, CW, body_h), body={"lIns": "0", "rIns": "0", "tIns": "45720", "bIns": "45720"}
            ),
            "dt": dark_foot[10],
            "ftr": dark_foot[11],
            "sldNum": dark_foot[12],
        },
        master_deco=[title_rule, foot_rule],
        title_style=title_style,
        body_style=body_levels,
        layouts=layouts,
        palette=palette(primary, accent, text, bg, muted, light),
    )


DECKS = {"default": default_deck, "classic": classic_deck}


# --------------------------------------------------------------------------------------------
# XML surgery
# --------------------------------------------------------------------------------------------

FMT_SCHEME = """<a:fmtScheme name="Office">
<a:fillStyleLst><a:solidFill><a:schemeClr val="phClr"/></a:solidFill>
<a:gradFill rotWithShape="1"><a:gsLst>
<a:gs pos="0"><a:schemeClr val="phClr"><a:lumMod val="110000"/><a:satMod val="105000"/><a:tint val="67000"/></a:schemeClr></a:gs>
<a:gs pos="50000"><a:schemeClr val="phClr"><a:lumMod val="105000"/><a:satMod val="103000"/><a:tint val="73000"/></a:schemeClr></a:gs>
<a:gs pos="100000"><a:schemeClr val="phClr"><a:lumMod val="105000"/><a:satMod val="109000"/><a:tint val="81000"/></a:schemeClr></a:gs>
</a:gsLst><a:lin ang="5400000" scaled="0"/></a:gradFill>
<a:gradFill rotWithShape="1"><a:gsLst>
<a:gs pos="0"><a:schemeClr val="phClr"><a:satMod val="103000"/><a:lumMod val="102000"/><a:tint val="94000"/></a:schemeClr></a:gs>
<a:gs pos="50000"><a:schemeClr val="phClr"><a:satMod val="110000"/><a:lumMod val="100000"/><a:shade val="100000"/></a:schemeClr></a:gs>
<a:gs pos="100000"><a:schemeClr val="phClr"><a:lumMod val="99000"/><a:satMod val="120000"/><a:shade val="78000"/></a:schemeClr></a:gs>
</a:gsLst><a:lin ang="5400000" scaled="0"/></a:gradFill></a:fillStyleLst>
<a:lnStyleLst>
<a:ln w="6350" cap="flat" cmpd="sng" algn="ctr"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:prstDash val="solid"/><a:miter lim="800000"/></a:ln>
<a:ln w="12700" cap="flat" cmpd="sng" algn="ctr"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:prstDash val="solid"/><a:miter lim="800000"/></a:ln>
<a:ln w="19050" cap="flat" cmpd="sng" algn="ctr"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill><a:prstDash val="solid"/><a:miter lim="800000"/></a:ln>
</a:lnStyleLst>
<a:effectStyleLst><a:effectStyle><a:effectLst/></a:effectStyle><a:effectStyle><a:effectLst/></a:effectStyle>
<a:effectStyle><a:effectLst><a:outerShdw blurRad="57150" dist="19050" dir="5400000" algn="ctr" rotWithShape="0"><a:srgbClr val="000000"><a:alpha val="63000"/></a:srgbClr></a:outerShdw></a:effectLst></a:effectStyle>
</a:effectStyleLst>
<a:bgFillStyleLst><a:solidFill><a:schemeClr val="phClr"/></a:solidFill>
<a:solidFill><a:schemeClr val="phClr"><a:tint val="95000"/><a:satMod val="170000"/></a:schemeClr></a:solidFill>
<a:gradFill rotWithShape="1"><a:gsLst>
<a:gs pos="0"><a:schemeClr val="phClr"><a:tint val="93000"/><a:satMod val="150000"/><a:shade val="98000"/><a:lumMod val="102000"/></a:schemeClr></a:gs>
<a:gs pos="50000"><a:schemeClr val="phClr"><a:tint val="98000"/><a:satMod val="130000"/><a:shade val="90000"/><a:lumMod val="103000"/></a:schemeClr></a:gs>
<a:gs pos="100000"><a:schemeClr val="phClr"><a:shade val="63000"/><a:satMod val="120000"/></a:schemeClr></a:gs>
</a:gsLst><a:lin ang="5400000" scaled="0"/></a:gradFill></a:bgFillStyleLst>
</a:fmtScheme>"""


def theme_xml(blob: bytes, deck: Deck) -> bytes:
    """The theme part with the deck's name, colour scheme, font scheme and a flat format scheme."""
    root = etree.fromstring(blob)
    root.set("name", deck.theme_name)
    elements = root.find(q("a:themeElements"))
    clr = elements.find(q("a:clrScheme"))
    clr.clear()
    clr.set("name", deck.theme_name)
    for slot in ["dk1", "lt1", "dk2", "lt2", *[f"accent{i}" for i in range(1, 7)], "hlink", "folHlink"]:
        el = etree.SubElement(clr, q(f"a:{slot}"))
        etree.SubElement(el, q("a:srgbClr")).set("val", deck.colors[slot])
    fonts = elements.find(q("a:fontScheme"))
    fonts.set("name", deck.theme_name)
    for tag, face in (("a:majorFont", deck.major), ("a:minorFont", deck.minor)):
        group = fonts.find(q(tag))
        group.find(q("a:latin")).set("typeface", face)
        group.find(q("a:ea")).set("typeface", deck.cjk["ea"])
        for script in group.findall(q("a:font")):
            if script.get("script") in deck.cjk:
                script.set("typeface", deck.cjk[script.get("script")])
    old = elements.find(q("a:fmtScheme"))
    old.addprevious(frag(FMT_SCHEME.replace("\n", "")))
    elements.remove(old)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def set_box(sp, box: tuple[float, float, float, float]) -> None:
    spPr = sp.find(q("p:spPr"))
    xfrm = spPr.find(q("a:xfrm"))
    if xfrm is None:
        xfrm = etree.Element(q("a:xfrm"))
        spPr.insert(0, xfrm)
    for kid in list(xfrm):
        xfrm.remove(kid)
    x, y, w, h = (emu(v) for v in box)
    etree.SubElement(xfrm, q("a:off"), x=str(x), y=str(y))
    etree.SubElement(xfrm, q("a:ext"), cx=str(w), cy=str(h))


def set_text_style(sp, ph: Ph) -> None:
    body = sp.find(q("p:txBody"))
    bodyPr = body.find(q("a:bodyPr"))
    for k, v in ph.body.items():
        bodyPr.set(k, v)
    old = body.find(q("a:lstStyle"))
    new = frag(f"<a:lstStyle>{ph.lst}</a:lstStyle>")
    old.addprevious(new)
    body.remove(old)


def ph_of(sp):
    return sp.find(f"{q('p:nvSpPr')}/{q('p:nvPr')}/{q('p:ph')}")


def shape_xml(shape_id: int, s: Shape) -> str:
    x, y, w, h = (emu(v) for v in s.box)
    if s.line_pt:
        paint = f'<a:noFill/><a:ln w="{int(s.line_pt * 12700)}">{fill(s.color)}</a:ln>'
    else:
        paint = f"{fill(s.color)}<a:ln><a:noFill/></a:ln>"
    return (
        f'<p:sp><p:nvSpPr><p:cNvPr id="{shape_id}" name="{s.name}"/><p:cNvSpPr/><p:nvPr userDrawn="1"/></p:nvSpPr>'
        f'<p:spPr><a:xfrm><a:off x="{x}" y="{y}"/><a:ext cx="{w}" cy="{h}"/></a:xfrm>'
        f'<a:prstGeom prst="rect"><a:avLst/></a:prstGeom>{paint}</p:spPr></p:sp>'
    )


def add_decorations(cSld, shapes: list[Shape]) -> None:
    """Insert the shapes behind the placeholders (first in z-order)."""
    tree = cSld.find(q("p:spTree"))
    ids = [int(e.get("id")) for e in tree.iter(q("p:cNvPr"))]
    anchor = tree.find(q("p:grpSpPr"))
    next_id = max(ids) + 1
    for s in shapes:
        el = frag(shape_xml(next_id, s))
        anchor.addnext(el)
        anchor = el
        next_id += 1


def set_background(cSld, color: str) -> None:
    old = cSld.find(q("p:bg"))
    if old is not None:
        cSld.remove(old)
    cSld.insert(0, frag(f"<p:bg><p:bgPr>{fill(color)}<a:effectLst/></p:bgPr></p:bg>"))


def style_master(master, deck: Deck) -> None:
    el = master._element
    cSld = el.find(q("p:cSld"))
    set_background(cSld, deck.bg)
    for sp in cSld.find(q("p:spTree")).findall(q("p:sp")):
        ph = ph_of(sp)
        kind = ph.get("type", "body")
        spec = deck.master[kind]
        set_box(sp, spec.box)
        if kind in ("title", "body"):
            # the master's text styles live in p:txStyles; the placeholders only carry insets/anchor
            spec = Ph(spec.box, "", spec.body)
        set_text_style(sp, spec)
    add_decorations(cSld, deck.master_deco)
    styles = el.find(q("p:txStyles"))
    title = styles.find(q("p:titleStyle"))
    title.addprevious(frag(f"<p:titleStyle>{deck.title_style}</p:titleStyle>"))
    styles.remove(title)
    body = styles.find(q("p:bodyStyle"))
    body.addprevious(frag(f"<p:bodyStyle>{deck.body_style}</p:bodyStyle>"))
    styles.remove(body)


def style_layout(layout, spec: Layout) -> None:
    el = layout._element
    cSld = el.find(q("p:cSld"))
    if spec.bg:
        set_background(cSld, spec.bg)
    if not spec.show_master:
        el.set("showMasterSp", "0")
    seen = set()
    for sp in cSld.find(q("p:spTree")).findall(q("p:sp")):
        idx = int(ph_of(sp).get("idx", "0"))
        if idx not in spec.phs:
            raise SystemExit(f"{layout.name}: no design for placeholder idx {idx}")
        set_box(sp, spec.phs[idx].box)
        set_text_style(sp, spec.phs[idx])
        seen.add(idx)
    if seen != set(spec.phs):
        raise SystemExit(f"{layout.name}: designed placeholders {sorted(set(spec.phs) - seen)} do not exist")
    add_decorations(cSld, spec.deco)


def style_notes_master(prs, deck: Deck) -> None:
    """Create the notes master now (python-pptx would on the first notes page) and fit it to the deck."""
    nm = prs.notes_master
    page_w, page_h = 7.5, 10.0
    img_w = 6.0
    img_h = img_w * deck.height / deck.width
    boxes = {
        "hdr": (0.0, 0.0, 3.25, 0.5),
        "dt": (4.25, 0.0, 3.25, 0.5),
        "sldImg": ((page_w - img_w) / 2, 0.75, img_w, img_h),
        "body": (0.75, 0.75 + img_h + 0.4, page_w - 1.5, page_h - (0.75 + img_h + 0.4) - 0.75),
        "ftr": (0.0, page_h - 0.5, 3.25, 0.5),
        "sldNum": (4.25, page_h - 0.5, 3.25, 0.5),
    }
    # LibreOffice does not resolve theme-font references (+mn-lt) on notes pages: name the faces
    notes_font = f"{deck.minor}|{deck.cjk['ea']}"
    for sp in nm._element.find(q("p:cSld")).find(q("p:spTree")).findall(q("p:sp")):
        kind = ph_of(sp).get("type", "body")
        set_box(sp, boxes[kind])
        if kind == "body":
            # LibreOffice styles notes from this placeholder, not from p:notesStyle: say it here too
            levels = "".join(
                ppr(f"lvl{n}pPr", size=deck.notes_font_size, color="tx1", font=notes_font, spc_bef=4)
                for n in range(1, 10)
            )
            set_text_style(sp, Ph(boxes[kind], levels))
        elif kind in ("hdr", "dt", "ftr", "sldNum"):
            algn = "l" if kind in ("hdr", "ftr") else "r"
            set_text_style(sp, Ph(boxes[kind], lvl1(algn=algn, size=10, color="tx1", font=notes_font)))
    style = nm._element.find(q("p:notesStyle"))
    for n, lvl in enumerate(style, start=1):
        lvl.set("marL", str(emu(0.25 * (n - 1))))
        rpr = lvl.find(q("a:defRPr"))
        rpr.set("sz", str(int(deck.notes_font_size * 100)))
        if lvl.find(q("a:spcBef")) is None:
            lvl.insert(0, frag('<a:spcBef><a:spcPts val="400"/></a:spcBef>'))
    # python-pptx relates the notes master but does not list it in presentation.xml; PowerPoint does
    rId = next(r for r, rel in prs.part.rels.items() if rel.reltype == RT.NOTES_MASTER)
    pres = prs.part._element
    if pres.find(q("p:notesMasterIdLst")) is None:
        pres.find(q("p:sldMasterIdLst")).addnext(
            frag(f'<p:notesMasterIdLst><p:notesMasterId r:id="{rId}"/></p:notesMasterIdLst>')
        )
    theme = nm.part.part_related_by(RT.THEME)
    master_theme = prs.slide_master.part.part_related_by(RT.THEME)
    new = theme_xml(master_theme.blob, deck)
    if hasattr(theme, "_element"):
        theme._element = parse_xml(new)
    else:
        theme.blob = new


# --------------------------------------------------------------------------------------------
# Build
# --------------------------------------------------------------------------------------------


def build(deck: Deck) -> bytes:
    prs = pptx.Presentation()
    assert len(prs.slides) == 0
    prs.slide_width = emu(deck.width)
    prs.slide_height = emu(deck.height)
    sldSz = prs.part._element.find(q("p:sldSz"))
    if deck.size_type:
        sldSz.set("type", deck.size_type)
    elif "type" in sldSz.attrib:
        del sldSz.attrib["type"]

    # layouts: drop the vertical-text ones properly (sldLayoutIdLst entry and relationship)
    for layout in list(prs.slide_layouts):
        if layout.name in DROPPED_LAYOUTS:
            prs.slide_layouts.remove(layout)
    names = [lay.name for lay in prs.slide_layouts]
    if names != LAYOUT_NAMES:
        raise SystemExit(f"unexpected layouts in python-pptx's template: {names}")

    master = prs.slide_master
    theme = master.part.part_related_by(RT.THEME)
    theme.blob = theme_xml(theme.blob, deck)
    style_master(master, deck)
    for layout in prs.slide_layouts:
        style_layout(layout, deck.layouts[layout.name])
    style_notes_master(prs, deck)

    # stale parts from python-pptx's template: a 4:3 thumbnail and Mac printer settings
    pkg = prs.part.package
    for rId, rel in list(pkg._rels.items()):
        if rel.reltype == RT.THUMBNAIL:
            pkg.drop_rel(rId)
    for rId, rel in list(prs.part.rels.items()):
        if rel.reltype == RT.PRINTER_SETTINGS:
            prs.part.drop_rel(rId)

    cp = prs.core_properties
    cp.title = f"Podium {deck.name} template"
    cp.author = "Podium"
    cp.last_modified_by = "Podium"
    cp.comments = "Podium template deck (slide master and layouts, no slides); rebuilt by tools/make_decks.py"
    cp.revision = 1
    cp.created = FIXED_TIME
    cp.modified = FIXED_TIME
    for rel in prs.part.package._rels.values():
        if rel.reltype == RT.EXTENDED_PROPERTIES:
            app = rel.target_part
            xml = app.blob.decode("utf-8")
            xml = re.sub(
                r"<PresentationFormat>.*?</PresentationFormat>",
                f"<PresentationFormat>{deck.format_name}</PresentationFormat>",
                xml,
            )
            xml = xml.replace("<vt:lpstr>Office Theme</vt:lpstr>", f"<vt:lpstr>{deck.theme_name}</vt:lpstr>")
            app.blob = xml.encode("utf-8")

    check(prs, deck)
    raw = io.BytesIO()
    prs.save(raw)
    return normalise_zip(raw.getvalue())


def normalise_zip(data: bytes) -> bytes:
    """Same bytes for the same input: fixed timestamps and attributes, original member order."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            zi = zipfile.ZipInfo(info.filename, date_time=ZIP_TIME)
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            dst.writestr(zi, src.read(info.filename))
    return out.getvalue()


def check(prs, deck: Deck) -> None:
    """Every placeholder and decoration inside the slide, every layout placeholder positioned."""
    W, H = emu(deck.width), emu(deck.height)
    problems = []
    parts = [("master", prs.slide_master)] + [(lay.name, lay) for lay in prs.slide_layouts]
    for where, obj in parts:
        for shape in obj.shapes:
            x, y, w, h = shape.left, shape.top, shape.width, shape.height
            if None in (x, y, w, h):
                problems.append(f"{where}: {shape.name} has no position")
                continue
            if x < 0 or y < 0 or x + w > W + 1 or y + h > H + 1 or w <= 0 or h <= 0:
                problems.append(f"{where}: {shape.name} lies outside the slide")
    for lay in prs.slide_layouts:
        types = {ph.placeholder_format.type for ph in lay.placeholders}
        if lay.name != "Blank" and not {13, 15, 16} <= {int(t) for t in types}:
            problems.append(f"{lay.name}: date/footer/slide number placeholders missing")
    if problems:
        raise SystemExit("\n".join(problems))


def check_theme_yaml(deck: Deck) -> None:
    """The hand-written theme.yaml must name the colours and fonts the deck was built with."""
    path = HERE / deck.name / "theme.yaml"
    if not path.exists():
        raise SystemExit(f"{path}: missing")
    theme = yaml.safe_load(path.read_text(encoding="utf-8"))
    problems = [
        f"palette.{k}: theme.yaml has {theme.get('palette', {}).get(k)!r}, the deck {v!r}"
        for k, v in deck.palette.items()
        if str(theme.get("palette", {}).get(k, "")).upper() != v.upper()
    ]
    fonts = theme.get("fonts", {})
    for key, face in (("heading", deck.major), ("body", deck.minor), ("cjk", deck.cjk["ea"])):
        if fonts.get(key) != face:
            problems.append(f"fonts.{key}: theme.yaml has {fonts.get(key)!r}, the deck {face!r}")
    if problems:
        raise SystemExit(f"{path} disagrees with make_decks.py:\n  " + "\n  ".join(problems))


def main(argv: list[str]) -> int:
    wanted = argv or list(DECKS)
    unknown = [n for n in wanted if n not in DECKS]
    if unknown:
        raise SystemExit(f"unknown deck(s): {', '.join(unknown)}; known: {', '.join(DECKS)}")
    for name in wanted:
        deck = DECKS[name]()
        check_theme_yaml(deck)
        path = HERE / name / "deck.pptx"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(build(deck))
        print(f"wrote {path.relative_to(HERE.parent.parent)} ({deck.width:g} x {deck.height:g} in)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
