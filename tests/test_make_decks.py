"""tools/make_decks.py reproduces the bundled template decks: the same slide size, layouts and
placeholders (names, kinds, positions) and theme colours and fonts; compared as python-pptx reads
them, never as bytes."""

from __future__ import annotations

import importlib.util
import io
import re
import sys
import zipfile

import pytest
from pptx import Presentation

from .conftest import ROOT, TEMPLATES


def _tool():
    spec = importlib.util.spec_from_file_location("make_decks", ROOT / "tools" / "make_decks.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["make_decks"] = module  # dataclasses look their module up while the file runs
    spec.loader.exec_module(module)
    return module


def _says(data: bytes) -> dict:
    """What a deck says: its size, every layout with its placeholders, its theme's colours and fonts."""
    prs = Presentation(io.BytesIO(data))
    layouts = []
    for layout in prs.slide_layouts:
        layouts.append(
            (
                layout.name,
                [
                    (
                        ph.placeholder_format.idx,
                        str(ph.placeholder_format.type),
                        ph.name,
                        ph.left,
                        ph.top,
                        ph.width,
                        ph.height,
                    )
                    for ph in layout.placeholders
                ],
            )
        )
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        theme = next(
            z.read(n).decode("utf-8") for n in z.namelist() if re.match(r"ppt/theme/theme\d+\.xml$", n)
        )
    colours = re.findall(r'<a:srgbClr val="([0-9A-Fa-f]{6})"', theme.split("</a:clrScheme>")[0])
    fonts = re.findall(r'typeface="([^"]*)"', theme.split("</a:fontScheme>")[0].split("<a:fontScheme")[-1])
    return {
        "size": (prs.slide_width, prs.slide_height),
        "slides": len(prs.slides),
        "layouts": layouts,
        "colours": colours,
        "fonts": fonts,
    }


@pytest.mark.parametrize("name", TEMPLATES)
def test_the_tool_reproduces_the_committed_deck(name):
    tool = _tool()
    deck = tool.DECKS[name]()
    tool.check_theme_yaml(deck)  # theme.yaml and the tool agree on palette and fonts
    made = _says(tool.build(deck))
    committed = _says((ROOT / "podium" / "templates" / name / "deck.pptx").read_bytes())
    assert made == committed
    assert made["slides"] == 0 and len(made["layouts"]) == 9
