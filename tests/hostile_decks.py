"""Broken template decks for the hostile-input tests, made from the bundled default deck.

Each function writes a .pptx to ``path`` and returns it.  The decks are small (a few KiB) except
where the point is size: the zip bomb declares a huge member in its central directory, which
Podium must refuse before inflating anything.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DECK = ROOT / "podium" / "templates" / "default" / "deck.pptx"


def _rewrite(path: Path, change) -> Path:
    """Copy the default deck to ``path``, passing every member through ``change(name, data)``.

    ``change`` returns the new bytes, or None to leave the member out.
    """
    with zipfile.ZipFile(DEFAULT_DECK) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            data = change(item.filename, src.read(item.filename))
            if data is not None:
                dst.writestr(item.filename, data)
    return path


def no_layouts(path: Path) -> Path:
    """A deck whose slide master lists no layouts (and which holds none)."""

    def change(name, data):
        if name.startswith("ppt/slideLayouts/"):
            return None
        if name == "ppt/slideMasters/slideMaster1.xml":
            return re.sub(rb"<p:sldLayoutIdLst>.*?</p:sldLayoutIdLst>", b"", data, flags=re.S)
        if name == "ppt/slideMasters/_rels/slideMaster1.xml.rels":
            return re.sub(rb"<Relationship [^>]*slideLayout[^>]*/>", b"", data)
        if name == "[Content_Types].xml":
            return re.sub(rb"<Override [^>]*slideLayout[^>]*/>", b"", data)
        return data

    return _rewrite(path, change)


def no_master(path: Path) -> Path:
    """A deck without a slide master (its layouts gone too, the presentation's reference removed)."""

    def change(name, data):
        if name.startswith(("ppt/slideMasters/", "ppt/slideLayouts/")):
            return None
        if name == "ppt/presentation.xml":
            return re.sub(rb"<p:sldMasterIdLst>.*?</p:sldMasterIdLst>", b"", data, flags=re.S)
        if name == "ppt/_rels/presentation.xml.rels":
            return re.sub(rb"<Relationship [^>]*slideMaster[^>]*/>", b"", data)
        if name == "[Content_Types].xml":
            return re.sub(rb"<Override [^>]*slide(Master|Layout)[^>]*/>", b"", data)
        return data

    return _rewrite(path, change)


def dangling_master(path: Path) -> Path:
    """A deck whose presentation names a slide master through a relationship that does not exist."""

    def change(name, data):
        if name == "ppt/_rels/presentation.xml.rels":
            return re.sub(rb"<Relationship [^>]*slideMaster[^>]*/>", b"", data)
        return data

    return _rewrite(path, change)


def broken_relationship(path: Path) -> Path:
    """A deck whose slide master relates to a layout part that is not in the package."""

    def change(name, data):
        if name == "ppt/slideLayouts/slideLayout2.xml":
            return None
        return data

    return _rewrite(path, change)


def not_a_zip(path: Path) -> Path:
    path.write_bytes(b"PK\x03\x04 this is not really a zip file " * 10)
    return path


def zip_bomb(path: Path, declared: int = 4 * 2**30) -> Path:
    """A deck with an extra member that inflates to ``declared`` bytes of zeros from a few MiB.

    Only the real compressed stream of 64 MiB of zeros is written (about 64 KiB); the sizes in the
    local header and the central directory are patched to claim ``declared`` bytes, which is what a
    bomb's directory shows.  Inflating it for real would take gigabytes.
    """
    import zlib

    chunk = zlib.compressobj(9, zlib.DEFLATED, -15)
    zeros = bytes(2**20)
    comp = b"".join(chunk.compress(zeros) for _ in range(64)) + chunk.flush()
    out = Path(str(path) + ".tmp")
    _rewrite(out, lambda name, data: data)
    # append the member by hand, with the forged size in both headers
    raw = bytearray(out.read_bytes())
    eocd = raw.rfind(b"PK\x05\x06")
    cd_size = int.from_bytes(raw[eocd + 12 : eocd + 16], "little")
    cd_off = int.from_bytes(raw[eocd + 16 : eocd + 20], "little")
    entries = int.from_bytes(raw[eocd + 10 : eocd + 12], "little")
    central = raw[cd_off : cd_off + cd_size]
    body = raw[:cd_off]
    name = b"ppt/media/bomb.bin"
    crc = 0
    size = min(declared, 2**32 - 1)
    local = (
        b"PK\x03\x04"
        + (20).to_bytes(2, "little")
        + b"\0\0"
        + (8).to_bytes(2, "little")
        + b"\0\0\0\0"
        + crc.to_bytes(4, "little")
        + len(comp).to_bytes(4, "little")
        + size.to_bytes(4, "little")
        + len(name).to_bytes(2, "little")
        + b"\0\0"
        + name
    )
    offset = len(body)
    cent = (
        b"PK\x01\x02"
        + (20).to_bytes(2, "little")
        + (20).to_bytes(2, "little")
        + b"\0\0"
        + (8).to_bytes(2, "little")
        + b"\0\0\0\0"
        + crc.to_bytes(4, "little")
        + len(comp).to_bytes(4, "little")
        + size.to_bytes(4, "little")
        + len(name).to_bytes(2, "little")
        + b"\0\0"
        + b"\0\0"
        + b"\0\0"
        + b"\0\0"
        + b"\0\0\0\0"
        + offset.to_bytes(4, "little")
        + name
    )
    body += local + comp
    new_cd_off = len(body)
    body += central + cent
    new_cd_size = len(central) + len(cent)
    body += (
        b"PK\x05\x06"
        + b"\0\0\0\0"
        + (entries + 1).to_bytes(2, "little")
        + (entries + 1).to_bytes(2, "little")
        + new_cd_size.to_bytes(4, "little")
        + new_cd_off.to_bytes(4, "little")
        + b"\0\0"
    )
    path.write_bytes(bytes(body))
    out.unlink()
    return path


BROKEN = {
    "no-layouts": no_layouts,
    "no-master": no_master,
    "dangling-master": dangling_master,
    "broken-relationship": broken_relationship,
    "not-a-zip": not_a_zip,
    "zip-bomb": zip_bomb,
}
