"""The deck's drawn pictures (an SVG's PNG fallback, display math) are kept in Podium's cache:
a rebuild reads them back, does not import cairosvg, and writes the same bytes."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

import pytest
from pptx import Presentation

from podium import rastercache

from .conftest import ROOT, write_md

SVG = (
    '<svg xmlns="http://www.w3.org/2000/svg" width="400" height="200" viewBox="0 0 400 200">'
    '<rect width="400" height="200" fill="#1F4E79"/><circle cx="200" cy="100" r="60" fill="#F2C811"/></svg>'
)
LECTURE = """
---
title: Drawn once
---

## A diagram

![The diagram](d.svg)

## An equation

$$E = mc^2$$
"""


@pytest.fixture
def project(tmp_path, monkeypatch):
    monkeypatch.setenv("PODIUM_CACHE", str(tmp_path / "cache"))
    (tmp_path / "d.svg").write_text(SVG)
    return write_md(tmp_path, LECTURE)


def _slides(src: Path, *flags: str) -> subprocess.CompletedProcess:
    """`build.py slides` in a fresh interpreter, with Python's import log on stderr."""
    return subprocess.run(
        [sys.executable, "-X", "importtime", str(ROOT / "build.py"), "slides", str(src), "--force", *flags],
        cwd=src.parent,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )


def _pictures(deck: Path) -> list[bytes]:
    """The PNG pictures of ``deck``'s slides."""
    prs = Presentation(str(deck))
    return [
        part.blob
        for s in prs.slides
        for rel in s.part.rels.values()
        if not rel.is_external and (part := rel.target_part).content_type == "image/png"
    ]


def test_a_rebuild_reads_the_drawn_pictures_back_without_importing_cairosvg(project):
    deck = project.parent / "output" / "lecture.pptx"
    first = _slides(project)
    assert first.returncode == 0, first.stderr
    assert "cairosvg" in first.stderr  # drawn: cairosvg was imported
    cached = sorted((project.parent / "cache" / "png").glob("*.png"))
    assert len(cached) == 2  # the SVG's fallback and the equation
    before = deck.read_bytes()
    assert sorted(p.read_bytes() for p in cached) == sorted(_pictures(deck))

    second = _slides(project)
    assert second.returncode == 0, second.stderr
    assert "cairosvg" not in second.stderr and "cairocffi" not in second.stderr
    assert deck.read_bytes() == before  # the same deck, byte for byte


def test_a_damaged_or_missing_picture_is_drawn_again(project):
    deck = project.parent / "output" / "lecture.pptx"
    assert _slides(project).returncode == 0
    before = deck.read_bytes()
    cached = sorted((project.parent / "cache" / "png").glob("*.png"))
    cached[0].write_bytes(b"not a picture")
    cached[1].unlink()
    assert _slides(project).returncode == 0
    assert deck.read_bytes() == before
    assert all(p.read_bytes().startswith(b"\x89PNG") for p in cached)


def test_another_picture_or_size_is_drawn_afresh(tmp_path, monkeypatch):
    monkeypatch.setenv("PODIUM_CACHE", str(tmp_path / "cache"))
    drawn = []
    real = rastercache._draw
    monkeypatch.setattr(rastercache, "_draw", lambda *a: drawn.append(a[1:]) or real(*a))
    a = rastercache.svg_to_png(SVG.encode(), width=100)
    assert rastercache.svg_to_png(SVG.encode(), width=100) == a
    b = rastercache.svg_to_png(SVG.encode(), width=120)
    c = rastercache.svg_to_png(SVG.replace("#F2C811", "#FF0000").encode(), width=100)
    assert drawn == [(100, None), (120, None), (100, None)]
    assert len({a, b, c}) == 3


def test_the_cache_keeps_the_most_recently_used_pictures(tmp_path, monkeypatch):
    monkeypatch.setenv("PODIUM_CACHE", str(tmp_path / "cache"))
    monkeypatch.setattr(rastercache, "KEEP", 4)
    folder = tmp_path / "cache" / "png"
    for width in range(20, 26):  # six pictures: the oldest go once there are more than four
        rastercache.svg_to_png(SVG.encode(), width=width)
        assert len(list(folder.glob("*.png"))) <= 4
    newest = hashlib.sha256(rastercache.svg_to_png(SVG.encode(), width=25)).hexdigest()
    assert newest in {hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.glob("*.png")}


def test_a_cache_that_cannot_be_written_only_makes_the_build_slower(tmp_path, monkeypatch):
    blocker = tmp_path / "cache"
    blocker.write_text("a file where the folder should be")
    monkeypatch.setenv("PODIUM_CACHE", str(blocker))
    png = rastercache.svg_to_png(SVG.encode(), width=50)
    assert png.startswith(b"\x89PNG") and blocker.read_text() == "a file where the folder should be"
    assert rastercache.svg_to_png(SVG.encode(), width=50) == png  # drawn again, the same bytes
