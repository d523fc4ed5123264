"""Open a PDF Podium wrote with pypdf, as a reader's program would, without pypdf's parsing caps.

pypdf refuses arrays and dictionaries over 100,000 elements by default, a guard against hostile
files.  A tagged (PDF/UA) handout of a long lecture holds a structure tree whose per-page arrays
can pass that, so our own outputs are read with higher limits (pypdf ≥ 6 has the settings; older
versions have no caps to lift).
"""

from __future__ import annotations

from pathlib import Path


def open_pdf(path: Path | str):
    """Return a ``pypdf.PdfReader`` for ``path`` with element limits raised for large tagged PDFs."""
    from pypdf import PdfReader

    try:
        from pypdf import overwrite_configuration

        overwrite_configuration(
            array_maximum_element_count=50_000_000, dictionary_maximum_element_count=50_000_000
        )
    except (ImportError, TypeError):  # an older pypdf: no such limits
        pass
    return PdfReader(str(path))
