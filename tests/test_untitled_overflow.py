"""A shrunk body of many short paragraphs stays above the footer as LibreOffice draws it.

An office suite keeps a list level's space before and after in points whatever size the runs are
set at; the fitter shrinks that space with the type, so the deck writes it so.  Found on a xaringan
deck's credits slide: untitled, a picture and ten short paragraphs, drawn 30 pt into the footer.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from pptx.oxml.ns import qn
from pptx.util import Emu

from .conftest import cli_deck, write_md
from .drawn import problems, render

LINE = 1.22  # a line of Carlito (Calibri) as LibreOffice draws it: ascent and descent, of its size

CREDITS = """
**Credits**

*Built with:*

[Rstudio](https://rstudio.com/products/rstudio/)

[xarignan](https://github.com/yihui/xaringan) html presentation framework

*Photos by:*

and at Pixabay

**For more slideshows visit:**

[ethics slideshows home page](https://example.org/slides/index.html)

download this presentation or print it

[editorial suggestions and comments](https://example.org/issues): requires a (free) account.
"""

STARTS = {
    "empty heading": "## \n\n![](pic.png)\n",
    "rule": "---\n\n![](pic.png)\n",
}


def _lecture(folder: Path, start: str) -> Path:
    from PIL import Image

    folder.mkdir(parents=True, exist_ok=True)
    Image.new("RGB", (800, 200), (40, 90, 160)).save(folder / "pic.png")
    return write_md(folder, f"---\ntitle: T\n---\n\n## First\n\nA slide.\n\n{start}{CREDITS}")


def _pt(length) -> float:
    return Emu(int(length)).pt


def _level_spacing(shape, tag: str) -> float:
    """The space (pt) a level-1 paragraph of ``shape`` inherits before (``spcBef``) or after: its own list
    style's, else its layout placeholder's, else the master's body style."""
    sources = [shape._element.find(qn("p:txBody"))]
    if shape.is_placeholder:
        base = shape._base_placeholder
        if base is not None:
            sources.append(base._element.find(qn("p:txBody")))
        master = shape.part.slide.slide_layout.slide_master
        sources.append(master._element.find(qn("p:txStyles")).find(qn("p:bodyStyle")))
    for src in sources:
        if src is None:
            continue
        lvl = src.find(f".//{qn('a:lvl1pPr')}")
        el = lvl.find(f"{qn(tag)}/{qn('a:spcPts')}") if lvl is not None else None
        if el is not None:
            return int(el.get("val")) / 100
    return 0.0


def _spacing(shape, p, tag: str) -> float:
    el = p._p.find(f"{qn('a:pPr')}/{qn(tag)}/{qn('a:spcPts')}")
    return int(el.get("val")) / 100 if el is not None else _level_spacing(shape, tag)


def _drawn_bottom(shape) -> float:
    """Where LibreOffice draws the last line of ``shape``'s text (pt): from its top, its top inset, then
    each paragraph (one short line each) its space before (none for the first), its line, its space after."""
    body = shape._element.find(qn("p:txBody")).find(qn("a:bodyPr"))
    y = _pt(shape.top) + _pt(body.get("tIns", 45720))
    for i, p in enumerate(shape.text_frame.paragraphs):
        size = max(r.font.size.pt for r in p.runs)
        y += (_spacing(shape, p, "a:spcBef") if i else 0.0) + size * LINE + _spacing(shape, p, "a:spcAft")
    return y


@pytest.mark.parametrize("start", STARTS, ids=list(STARTS))
def test_short_paragraphs_end_above_the_footer(tmp_path, start):
    src = _lecture(tmp_path / "src", STARTS[start])
    prs, _ = cli_deck(src, tmp_path / "out")
    checked = 0
    for slide in list(prs.slides)[2:]:
        footer = min(_pt(s.top) for s in slide.shapes if s.name.startswith(("Footer", "Slide Number")))
        for shape in slide.shapes:
            if shape.has_text_frame and any(
                "Pixabay" in p.text or "account" in p.text for p in shape.text_frame.paragraphs
            ):
                assert _drawn_bottom(shape) <= footer, (start, shape.name, _drawn_bottom(shape), footer)
                checked += 1
    assert checked, "the credits' paragraphs were not found"


def test_libreoffice_draws_the_credits_above_the_footer(tmp_path, soffice):
    decks = []
    for k, start in enumerate(STARTS.values()):
        src = _lecture(tmp_path / f"src{k}", start)
        cli_deck(src, tmp_path / f"out{k}")
        deck = tmp_path / f"out{k}" / f"lecture{k}.pptx"
        (tmp_path / f"out{k}" / "lecture.pptx").rename(deck)
        decks.append(deck)
    pdfs = render(decks, tmp_path / "drawn", soffice)
    assert [problems(d, pdfs[d]) for d in decks] == [[] for _ in decks]
