"""SVG labels with a halo: ``paint-order="stroke"`` draws the stroke under the fill, as a browser does.

A figure's label is often coloured text with a white outline drawn *under* it (``fill="#C00000"
stroke="#ffffff" paint-order="stroke"``), to keep it readable over lines.  The renderers Podium
draws SVG with do not read ``paint-order``: the outline covered the text, which came out white on
white in the deck's picture, the slides PDF and the handout.  Each test reads the drawn pixels back.
"""

from __future__ import annotations

import io
import subprocess
import zipfile
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest
from PIL import Image
from pptx import Presentation

from tests.conftest import run_cli, write_md

DARK = '<rect x="0" y="0" width="400" height="120" fill="#000000"/>'  # (the halo shows as white on it)
LABEL = 'x="20" y="70" font-size="40" fill="#C00000" stroke="#ffffff" stroke-width="4"'
DOT = 'fill="#C00000" stroke="#ffffff" stroke-width="16"'  # (the stroke alone covers the whole dot)

# each way a lecturer's SVG says "stroke first": the red must show, and so must the white halo
HALOS = {
    "attribute": f'<text {LABEL} paint-order="stroke">Halo CMg(E)</text>',
    "style attribute": (
        '<text x="20" y="70" font-size="40" '
        'style="fill:#C00000;stroke:#ffffff;stroke-width:4;paint-order:stroke">Halo CMg(E)</text>'
    ),
    "inherited from a group": f'<g paint-order="stroke markers fill"><text {LABEL}>Halo CMg(E)</text></g>',
    "stylesheet rule": f'<style>.halo {{ paint-order: stroke; }}</style><text class="halo" {LABEL}>Halo CMg(E)</text>',
    "tspans": f'<text {LABEL} paint-order="stroke"><tspan>Halo</tspan> <tspan dx="4">CMg(E)</tspan></text>',
    "shapes": (
        f'<g paint-order="stroke"><circle cx="60" cy="60" r="7" {DOT}/>'
        f'<path d="M 140 53 h 14 v 14 h -14 z" {DOT}/><rect x="220" y="53" width="14" height="14" {DOT}/></g>'
    ),
}


def _svg(body: str) -> str:
    return f'<svg xmlns="http://www.w3.org/2000/svg" width="400" height="120" viewBox="0 0 400 120">{DARK}{body}</svg>'


def _lecture(tmp_path: Path, body: str) -> Path:
    (tmp_path / "halo.svg").write_text(_svg(body), encoding="utf-8")
    return write_md(
        tmp_path, "---\ntitle: Halo\n---\n\n## Diagram\n\n![A label over a dark band](halo.svg)\n"
    )


def _red(image: Image.Image) -> int:
    """How many pixels are the labels' dark red."""
    return sum(1 for r, g, b in image.convert("RGB").getdata() if r > 150 and g < 70 and b < 70)


def _white(image: Image.Image) -> int:
    return sum(1 for r, g, b in image.convert("RGB").getdata() if min(r, g, b) > 225)


def _deck_picture(deck: Path) -> Image.Image:
    prs = Presentation(str(deck))
    (picture,) = [sh for s in prs.slides for sh in s.shapes if sh.shape_type == 13]  # (13: a picture)
    return Image.open(io.BytesIO(picture.image.blob))


def _pages(pdf: Path, folder: Path) -> list[Image.Image]:
    folder.mkdir()
    subprocess.run(["pdftoppm", "-r", "100", "-png", str(pdf), str(folder / "p")], check=True)
    return [Image.open(p) for p in sorted(folder.glob("p*.png"))]


@pytest.mark.parametrize("case", HALOS)
def test_the_deck_picture_draws_the_fill_over_the_halo(tmp_path, case):
    src = _lecture(tmp_path, HALOS[case])
    result = run_cli("slides", src, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.stderr
    picture = _deck_picture(tmp_path / "out" / "lecture.pptx")
    # the fill is drawn (it was all white: the halo on top of it), and the halo still is, around it
    assert _red(picture) > 200, case
    assert _white(picture) > 100, case


def test_the_slides_pdf_and_the_handout_draw_the_label_in_its_colour(tmp_path):
    src = _lecture(
        tmp_path, HALOS["attribute"] + '<text x="20" y="110" font-size="20" fill="#0070C0">Plain</text>'
    )
    result = run_cli("all", src, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.stderr
    for name in ("slides", "handout"):
        pages = _pages(tmp_path / "out" / f"lecture-{name}.pdf", tmp_path / name)
        assert sum(_red(page) for page in pages) > 100, name


def test_the_split_label_keeps_its_id_once_and_refers_to_nothing_new(tmp_path):
    """The deck's embedded SVG (what PowerPoint draws): the halo is a copy without the id, drawn
    first and only stroked; the label keeps its id and only its fill; nothing outside is referred to.
    A label whose own paint-order is ``normal`` (stroke over the fill) is left as it is."""
    body = (
        f'<text id="lab" {LABEL} paint-order="stroke">Halo <tspan id="sub">CMg</tspan></text>'
        f'<g paint-order="stroke"><text {LABEL} paint-order="normal">Outlined</text></g>'  # (not split)
    )
    src = _lecture(tmp_path, body)
    result = run_cli("slides", src, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.stderr
    with zipfile.ZipFile(tmp_path / "out" / "lecture.pptx") as z:
        (name,) = [n for n in z.namelist() if n.endswith(".svg")]
        root = ET.fromstring(z.read(name))
    ids = [el.get("id") for el in root.iter() if el.get("id")]
    assert sorted(ids) == ["lab", "sub"]
    halo, label, outlined = [el for el in root.iter() if el.tag.endswith("text")]
    assert "".join(outlined.itertext()) == "Outlined" and outlined.get("style") is None
    assert halo.get("id") is None and "".join(halo.itertext()) == "Halo CMg"
    assert halo.get("style", "").endswith("fill:none") and label.get("style", "").endswith("stroke:none")
    assert (halo.get("x"), halo.get("y")) == (label.get("x"), label.get("y")) == ("20", "70")
    assert not any("href" in a or "url(" in v for el in root.iter() for a, v in el.attrib.items())
