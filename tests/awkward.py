"""Build a deliberately awkward template folder, as a university's own .pptx tends to be.

Starting from python-pptx's default template (4:3), :func:`make_awkward` writes ``<folder>/``:

- ``deck.pptx`` whose layouts are renamed in German ("Titelfolie", "Titel und Inhalt",
  "Abschnitt", …) and reordered, with an extra small body placeholder on "Titel und Inhalt",
  no date/footer/slide-number placeholders on "Zwei Inhalte", and two sample slides;
- ``theme.yaml`` with a ``layouts:`` map for the renamed layouts except ``section``, left
  unmapped on purpose so that the layout fallback (and its warning) is exercised.
"""

from __future__ import annotations

from pathlib import Path

from lxml import etree
from pptx import Presentation
from pptx.oxml.ns import qn
from pptx.util import Inches

# pandoc's name → the awkward deck's name
RENAMED = {
    "Title Slide": "Titelfolie",
    "Title and Content": "Titel und Inhalt",
    "Section Header": "Abschnitt",
    "Two Content": "Zwei Inhalte",
    "Comparison": "Vergleich",
    "Title Only": "Nur Titel",
    "Blank": "Leer",
    "Content with Caption": "Inhalt mit Beschriftung",
    "Picture with Caption": "Bild mit Beschriftung",
    "Title and Vertical Text": "Titel und vertikaler Text",
    "Vertical Title and Text": "Vertikaler Titel und Text",
}
# the layouts in the order the awkward deck lists them (nothing where pandoc expects it)
ORDER = [
    "Vertikaler Titel und Text",
    "Leer",
    "Zwei Inhalte",
    "Titel und Inhalt",
    "Bild mit Beschriftung",
    "Abschnitt",
    "Titelfolie",
    "Nur Titel",
    "Vergleich",
    "Titel und vertikaler Text",
    "Inhalt mit Beschriftung",
]
# Podium kind → layout name, as a lecturer would write it in theme.yaml; "section" is left out on purpose
LAYOUT_MAP = {
    "title": "Titelfolie",
    "content": "Titel und Inhalt",
    "two-content": "Zwei Inhalte",
    "comparison": "Vergleich",
    "caption": "Inhalt mit Beschriftung",
    "picture": "Bild mit Beschriftung",
    "title-only": "Nur Titel",
    "blank": "Leer",
}
UNMAPPED = "section"
EXTRA_PLACEHOLDER = "Kapitelzeile"  # the extra body placeholder's name on "Titel und Inhalt"
NO_FOOTER = "Zwei Inhalte"
SAMPLE_TEXTS = ("MUSTERFOLIE EINS", "MUSTERFOLIE ZWEI")
PRIMARY = "#005A9C"

THEME = """\
# An awkward university template: German layout names, 4:3, sample slides.
extends: default
palette:
  primary: "{primary}"
  accent: "#C8102E"
fonts:
  heading: "Liberation Sans"
  body: "Liberation Sans"
footer: "{{course}} · {{title}}"
layouts:
{layouts}
"""


def _rename(layout, name: str) -> None:
    layout._element.cSld.set("name", name)


def _add_extra_placeholder(layout) -> None:
    """Add a small body placeholder (idx 13) between the title and the content placeholder."""
    sp = etree.fromstring(
        f'<p:sp xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main" '
        f'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">'
        f'<p:nvSpPr><p:cNvPr id="99" name="{EXTRA_PLACEHOLDER}"/><p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr>'
        f'<p:nvPr><p:ph type="body" sz="quarter" idx="13"/></p:nvPr></p:nvSpPr>'
        f'<p:spPr><a:xfrm><a:off x="{Inches(0.5)}" y="{Inches(1.45)}"/><a:ext cx="{Inches(9)}" cy="{Inches(0.35)}"/>'
        f"</a:xfrm></p:spPr>"
        f'<p:txBody><a:bodyPr/><a:lstStyle/><a:p><a:r><a:rPr lang="de-DE"/><a:t>Kapitel</a:t></a:r></a:p></p:txBody>'
        f"</p:sp>"
    )
    layout.shapes._spTree.append(sp)


def _drop_footers(layout) -> None:
    for ph in list(layout.placeholders):
        if ph.placeholder_format.type is not None and ph.placeholder_format.idx >= 10:
            ph._element.getparent().remove(ph._element)


def make_deck(path: Path) -> Path:
    """Write the awkward deck to ``path`` and return it."""
    prs = Presentation()  # python-pptx's default template: 10 × 7.5 in, eleven layouts
    layouts = {lay.name: lay for lay in prs.slide_layouts}
    for old, new in RENAMED.items():
        _rename(layouts[old], new)
    by_new = {RENAMED[old]: lay for old, lay in layouts.items()}
    _add_extra_placeholder(by_new["Titel und Inhalt"])
    _drop_footers(by_new[NO_FOOTER])
    # reorder the master's layout list
    id_lst = prs.slide_master._element.find(qn("p:sldLayoutIdLst"))
    entries = {}
    for entry in list(id_lst):
        rid = entry.get(qn("r:id"))
        entries[prs.slide_master.part.related_part(rid).slide_layout.name] = entry
        id_lst.remove(entry)
    for name in ORDER:
        id_lst.append(entries[name])
    # two sample slides a university template ships with
    s1 = prs.slides.add_slide(by_new["Titelfolie"])
    s1.shapes.title.text = SAMPLE_TEXTS[0]
    s2 = prs.slides.add_slide(by_new["Titel und Inhalt"])
    s2.shapes.title.text = SAMPLE_TEXTS[1]
    s2.placeholders[1].text_frame.text = "Beispieltext der Universität"
    path.parent.mkdir(parents=True, exist_ok=True)
    prs.save(str(path))
    return path


def make_awkward(folder: Path, primary: str = PRIMARY) -> Path:
    """Write the awkward template folder (deck.pptx + theme.yaml) and return it."""
    folder.mkdir(parents=True, exist_ok=True)
    make_deck(folder / "deck.pptx")
    layouts = "\n".join(f'  {kind}: "{name}"' for kind, name in LAYOUT_MAP.items())
    layouts += f"\n  # {UNMAPPED}: not mapped on purpose (its layout, 'Abschnitt', is found by fallback)"
    (folder / "theme.yaml").write_text(THEME.format(primary=primary, layouts=layouts), encoding="utf-8")
    return folder


def layout_name(template: str, kind: str) -> str:
    """Return the layout name a template uses for ``kind`` (pandoc's, or the awkward deck's)."""
    from podium.deck.plan import LAYOUT_NAMES

    if template == "awkward":
        return LAYOUT_MAP.get(kind, "")
    return LAYOUT_NAMES[kind]
