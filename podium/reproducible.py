"""Same input, same bytes: the fixed time a build stamps on its outputs.

A .pptx is a zip file: every member carries a modification time, and ``docProps/core.xml`` holds
"created" and "modified" dates.  python-pptx stamps the current time on the members, so two builds
of the same lecture would differ.  While :func:`fixed_time` is active, python-pptx's zip writer
(and XlsxWriter, for the workbook behind each chart) stamp the build time instead: ``SOURCE_DATE_EPOCH`` when it is set (the reproducible-builds
convention), otherwise the lecture's own ``date:`` (midnight UTC), otherwise 1 January 1980 (the
earliest time a zip file can hold).  WeasyPrint's PDF holds no date and no random identifier
unless the HTML asks for one, so the handout needs nothing here.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import re
import zipfile

from pptx.opc import serialized

ZIP_EPOCH = 315532800  # 1980-01-01T00:00:00Z


def build_epoch(lecture_date: str | None = None) -> int:
    """Return the seconds since 1970 that a build stamps on its outputs."""
    env = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if env.isdigit():
        return max(int(env), ZIP_EPOCH)
    mt = re.match(r"^\s*(\d{4})-(\d{2})-(\d{2})", lecture_date or "")
    if mt:
        try:
            day = dt.datetime(int(mt[1]), int(mt[2]), int(mt[3]), tzinfo=dt.timezone.utc)
            return max(int(day.timestamp()), ZIP_EPOCH)
        except ValueError:  # 2024-02-30 is written as the lecturer wrote it, but is no date
            pass
    return ZIP_EPOCH


def _w3cdtf(epoch: int) -> str:
    return dt.datetime.fromtimestamp(epoch, dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def fix_core_xml(blob: bytes, epoch: int) -> bytes:
    """Return ``docProps/core.xml`` with its created/modified dates set to ``epoch``."""
    stamp = _w3cdtf(epoch).encode()
    for tag in (b"dcterms:created", b"dcterms:modified"):
        blob, n = re.subn(
            rb"(<" + tag + rb"\b[^>]*>)[^<]*(</" + tag + rb">)", rb"\g<1>" + stamp + rb"\g<2>", blob
        )
        if n == 0 and b"</cp:coreProperties>" in blob:
            blob = blob.replace(
                b"</cp:coreProperties>",
                b"<" + tag + b' xsi:type="dcterms:W3CDTF">' + stamp + b"</" + tag + b"></cp:coreProperties>",
            )
    return blob


@contextlib.contextmanager
def fixed_time(epoch: int):
    """While active, python-pptx writes every zip member (and the core properties) with ``epoch``, and
    chart workbooks made under :func:`stamped_workbooks` carry it."""

    writer = serialized._ZipPkgWriter
    original = writer.write
    when = dt.datetime.fromtimestamp(epoch, dt.timezone.utc).timetuple()[:6]

    def write(self, pack_uri, blob):
        name = pack_uri.membername
        if name == "docProps/core.xml":
            blob = fix_core_xml(blob, epoch)
        info = zipfile.ZipInfo(name, date_time=when)
        info.compress_type = zipfile.ZIP_DEFLATED
        info.external_attr = 0o644 << 16
        self._zipf.writestr(info, blob)

    global _epoch
    previous, _epoch = _epoch, epoch
    writer.write = write  # type: ignore[method-assign]  # a deliberate patch, undone below
    try:
        yield
    finally:
        writer.write = original  # type: ignore[method-assign]
        _epoch = previous


_epoch: int | None = None  # the fixed time of the build in progress (see fixed_time)


@contextlib.contextmanager
def stamped_workbooks():
    """While active, inside :func:`fixed_time`, a chart's embedded workbook carries the build's time
    as its creation date.  Only a deck with charts imports python-pptx's chart workbooks (and
    XlsxWriter): they are slow to import, and most decks have none."""
    from pptx.chart import xlsx  # noqa: PLC0415 (python-pptx's chart workbooks: only a deck with charts imports them)

    epoch = _epoch
    if epoch is None:
        yield
        return
    workbook_class = xlsx.Workbook

    def workbook(*args, **kwargs):  # a chart's embedded workbook carries a creation date too
        book = workbook_class(*args, **kwargs)
        book.set_properties(
            {"created": dt.datetime.fromtimestamp(epoch, dt.timezone.utc).replace(tzinfo=None)}
        )
        return book

    xlsx.Workbook = workbook
    try:
        yield
    finally:
        xlsx.Workbook = workbook_class
