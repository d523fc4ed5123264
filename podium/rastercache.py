"""SVG drawn as PNG for the deck (an SVG picture's fallback, an equation's picture), kept by content.

A deck carries a PNG beside every SVG picture (PowerPoint before 2016 and other viewers draw it)
and draws display math as a picture.  cairosvg makes them: about half a second to import (cairocffi
reads C headers when it loads) and up to a second to draw one large diagram.  A lecturer rebuilds
after every edit, and the pictures rarely change, so each PNG is kept in ``png/`` of Podium's cache
folder (:func:`podium.buildrecord.cache_root`), named by the hash of what it was drawn from: the
sanitized SVG, the size asked for, Podium's version and the installed cairosvg.  A rebuild that finds
it reads it back and does not import cairosvg at all.  The PNG is the same bytes either way.

The folder is the user's own (made ``0700``); a file in it that is not a PNG is drawn again.  When it
holds more than ``KEEP`` pictures, the least recently used are removed.  A cache that cannot be
written (a read-only home) only makes builds slower.
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
import tempfile
from pathlib import Path

from . import __version__
from .buildrecord import cache_root
from .startup import quick_library_lookup

KEEP = 1000  # pictures kept; about 30 KiB each
_PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


def svg_to_png(svg: bytes, *, width: int | None = None, scale: float | None = None) -> bytes:
    """``svg`` drawn as PNG, ``width`` pixels wide or at ``scale`` (cairosvg's ``output_width`` and
    ``scale``); ``svg`` must already be safe to draw (:func:`podium.svgsafe.sanitize` or made by Podium)."""
    key = _key(svg, width, scale)
    path = cache_root() / "png" / f"{key}.png"
    try:
        data = path.read_bytes()
    except OSError:
        data = b""
    if data.startswith(_PNG_MAGIC):
        try:
            os.utime(path)  # recently used: kept longest
        except OSError:
            pass
        return data
    png = _draw(svg, width, scale)
    _store(path, png)
    return png


def _draw(svg: bytes, width: int | None, scale: float | None) -> bytes:
    with quick_library_lookup():  # (cairocffi looks for cairo under three names: see podium.startup)
        import cairosvg  # noqa: PLC0415 (0.3-0.5 s to import: only a deck with an SVG or math not yet drawn needs it)

    if width is not None:
        return cairosvg.svg2png(bytestring=svg, output_width=width, unsafe=False)
    return cairosvg.svg2png(bytestring=svg, scale=scale or 1.0, unsafe=False)


def _key(svg: bytes, width: int | None, scale: float | None) -> str:
    h = hashlib.sha256()
    h.update(f"podium {__version__}\0cairosvg {_renderer_stamp()}\0{width}\0{scale}\0".encode())
    h.update(svg)
    return h.hexdigest()[:40]


def _renderer_stamp() -> str:
    """Which cairosvg is installed, without importing it: its module file's size and time (another
    release or a reinstall draws afresh)."""
    spec = importlib.util.find_spec("cairosvg")
    origin = spec.origin if spec is not None else None
    if not origin:
        return "?"
    try:
        st = os.stat(origin)
    except OSError:
        return "?"
    return f"{st.st_size}-{st.st_mtime_ns}"


def _store(path: Path, png: bytes) -> None:
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".png-", suffix=".tmp", dir=path.parent)
        try:
            with os.fdopen(fd, "wb") as f:
                f.write(png)
            os.replace(tmp, path)
        except BaseException:
            os.unlink(tmp)
            raise
        _prune(path.parent)
    except OSError:
        pass  # no cache: the next build draws it again


def _prune(folder: Path) -> None:
    entries = []
    for p in folder.glob("*.png"):
        try:
            entries.append((p.stat().st_mtime_ns, p))
        except OSError:
            continue
    if len(entries) <= KEEP:
        return
    entries.sort()
    for _, p in entries[: len(entries) - KEEP * 3 // 4]:
        try:
            p.unlink()
        except OSError:
            pass
