"""check reads any handout Podium can write: pypdf's caps for hostile files are lifted for our own PDFs."""

from __future__ import annotations

import io

import pydyf
import pytest

from podium.pdfread import open_pdf


def _pdf(big: pydyf.Object) -> bytes:
    """A one-page PDF whose catalog points at ``big``, with every object in one compressed object
    stream, as WeasyPrint writes a handout."""
    doc = pydyf.PDF()
    doc.add_object(big)
    doc.catalog["PodiumBig"] = big.reference
    page = pydyf.Dictionary(
        {"Type": "/Page", "Parent": doc.pages.reference, "MediaBox": pydyf.Array([0, 0, 10, 10])}
    )
    doc.add_page(page)
    buf = io.BytesIO()
    doc.write(buf, version=b"1.7", compress=True)
    return buf.getvalue()


def test_an_array_larger_than_pypdfs_default_cap_is_read(tmp_path):
    path = tmp_path / "wide.pdf"
    path.write_bytes(_pdf(pydyf.Array(range(150_000))))  # pypdf's default cap: 100,000 elements
    reader = open_pdf(path)
    assert len(reader.trailer["/Root"]["/PodiumBig"]) == 150_000
    assert len(reader.pages) == 1


@pytest.mark.slow
def test_an_object_stream_larger_than_75_mb_is_read(tmp_path):
    path = tmp_path / "deep.pdf"
    path.write_bytes(_pdf(pydyf.String("x" * 80_000_000)))  # compresses to ~80 kB; pypdf's cap: 75 MB
    assert path.stat().st_size < 2_000_000
    reader = open_pdf(path)
    assert len(reader.trailer["/Root"]["/PodiumBig"]) == 80_000_000
