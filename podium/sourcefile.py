"""A source file read as a lecture is: bounded in size, then decoded as UTF-8 with clear errors."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from . import model as m
from . import yamlsafe
from .diagnostics import BuildError, Diagnostics

MAX_BYTES = 20 * 1024 * 1024  # a lecture (or a file it includes) larger than this is refused
_XML_INVALID = yamlsafe.XML_INVALID


def read_bounded(p: Path, shown: str, diags: Diagnostics, limit: int) -> bytes:
    """Return the bytes of regular file ``p``; its size is checked with ``stat`` before anything is read.

    A FIFO, a device or a folder is refused (reading one could block or never end), and so is a
    file larger than ``limit``; at most ``limit + 1`` bytes are ever read, even from a file that
    grows meanwhile or that reports no size.
    """
    try:
        st = os.stat(p)
    except OSError as e:
        raise BuildError(
            diags, f"cannot read the file: {e.strerror or e}", m.SourcePos(shown, 0), "unreadable"
        ) from None
    if not stat.S_ISREG(st.st_mode):
        raise BuildError(
            diags,
            "this is not a regular file (a folder, pipe or device); not read",
            m.SourcePos(shown, 0),
            "not-a-file",
        )
    if st.st_size > limit:
        raise BuildError(
            diags,
            f"the file is larger than {limit // 2**20} MiB ({st.st_size / 2**20:.0f} MiB); not read",
            m.SourcePos(shown, 1),
            "too-large",
        )
    try:
        with open(p, "rb") as f:
            return f.read(limit + 1)
    except OSError as e:
        raise BuildError(
            diags, f"cannot read the file: {e.strerror or e}", m.SourcePos(shown, 0), "unreadable"
        ) from None


def decode_source(data: bytes, shown: str, diags: Diagnostics) -> str:
    """Return ``data`` as text, or raise BuildError for binary, oversized or non-UTF-8 input."""
    if len(data) > MAX_BYTES:
        raise BuildError(
            diags, f"the file is larger than {MAX_BYTES // 2**20} MiB", m.SourcePos(shown, 1), "too-large"
        )
    wide = _utf16(data)
    if wide:
        raise BuildError(
            diags,
            f"the file is saved as {wide}, not UTF-8; save it as UTF-8 (in most editors: "
            "Save As → Encoding → UTF-8)",
            m.SourcePos(shown, 1),
            "encoding",
        )
    if b"\x00" in data:
        line = data[: data.index(b"\x00")].count(b"\n") + 1
        raise BuildError(
            diags,
            "this looks like a binary file, not Markdown (it holds a NUL byte)",
            m.SourcePos(shown, line),
            "binary-file",
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        line = data[: e.start].count(b"\n") + 1
        col = e.start - (data.rfind(b"\n", 0, e.start) + 1) + 1
        raise BuildError(
            diags,
            f"the file is not valid UTF-8 (byte 0x{data[e.start]:02x}); save it as UTF-8",
            m.SourcePos(shown, line, col),
            "encoding",
        ) from None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    bad = _XML_INVALID.search(text)
    if bad:
        line = text.count("\n", 0, bad.start()) + 1
        col = bad.start() - (text.rfind("\n", 0, bad.start()) + 1) + 1
        diags.warning(
            f"the file holds characters a document cannot contain (U+{ord(bad.group(0)):04X}); "
            "they are shown as �",
            m.SourcePos(shown, line, col),
            "bad-character",
        )
        text = _XML_INVALID.sub("\ufffd", text)
    return text


def _utf16(data: bytes) -> str | None:
    """Return "UTF-16"/"UTF-32" when ``data`` looks like such a file (a byte-order mark or NULs every other byte)."""
    if data.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        return "UTF-32"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "UTF-16"
    head = data[:4096]
    if len(head) >= 8:
        even, odd = head[0::2], head[1::2]
        if (even.count(0) > 0.4 * len(even)) != (odd.count(0) > 0.4 * len(odd)):
            return "UTF-16"
    return None
