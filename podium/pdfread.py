"""Open a PDF Podium wrote with pypdf, as a reader's program would, without pypdf's parsing caps.

pypdf refuses, by default, arrays and dictionaries over 100,000 elements, streams that decompress
to more than 75 MB, and outlines or page trees over 100,000 entries: guards against hostile files.
A tagged (PDF/UA) handout of a long lecture passes them (its structure tree has large per-page
arrays, and WeasyPrint packs every object into one compressed object stream), so our own outputs
are read with the caps raised to :data:`LIMITS` (pypdf ≥ 6 has the settings; an older pypdf keeps
them as module constants, which are raised instead).
"""

from __future__ import annotations

import dataclasses
import importlib
from pathlib import Path

from pypdf import PdfReader

ITEMS = 50_000_000  # elements of one array or dictionary; entries of an outline or page tree
BYTES = 2**30  # what one stream may decompress to (the build's memory watchdog bounds the whole)

LIMITS = {
    "array_maximum_element_count": ITEMS,
    "dictionary_maximum_element_count": ITEMS,
    "maximum_declared_stream_length": BYTES,
    "zlib_maximum_output_length": BYTES,
    "lzw_maximum_output_length": BYTES,
    "run_length_maximum_output_length": BYTES,
    "array_based_stream_maximum_output_length": BYTES,
    "stream_decoding_work_maximum_length": 4 * BYTES,
    "stream_parsing_work_maximum_count": ITEMS,
    "outline_maximum_entries": ITEMS,
    "page_tree_maximum_entries": ITEMS,
    "page_tree_maximum_page_entries": ITEMS,
    "named_destinations_maximum_entries": ITEMS,
}
# the same caps as module constants, in the pypdf versions before its Configuration
_LEGACY = {"pypdf.filters": ("ZLIB_MAX_OUTPUT_LENGTH", "MAX_DECLARED_STREAM_LENGTH", "LZW_MAX_OUTPUT_LENGTH")}


def raise_limits() -> None:
    """Lift pypdf's parsing caps to :data:`LIMITS` (in this thread's context)."""
    try:
        from pypdf import overwrite_configuration  # noqa: PLC0415 (the installed pypdf decides which caps exist)
        from pypdf._configuration import Configuration  # noqa: PLC0415 (the installed pypdf decides which caps exist)
    except ImportError:  # an older pypdf: module constants
        for module, names in _LEGACY.items():
            try:
                mod = importlib.import_module(module)
            except ImportError:
                continue
            for name in names:
                if isinstance(getattr(mod, name, None), int):
                    setattr(mod, name, max(getattr(mod, name), BYTES))
        return
    known = {f.name for f in dataclasses.fields(Configuration)}
    overwrite_configuration(None, **{k: v for k, v in LIMITS.items() if k in known})


def open_pdf(path: Path | str):
    """Return a ``pypdf.PdfReader`` for ``path`` with the caps raised for large tagged PDFs."""

    raise_limits()
    return PdfReader(str(path))
