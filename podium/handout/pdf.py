"""HTML → PDF with WeasyPrint (the only module that imports it), reading only allowed files."""

from __future__ import annotations

import io
import os
from pathlib import Path
from urllib.parse import unquote, urlparse

from ..atomic import write_atomic
from ..diagnostics import Diagnostics


def make_fetcher(roots: list[Path], diags: Diagnostics, allow_remote: bool = False):
    """Return a WeasyPrint URL fetcher that serves files under ``roots`` and refuses the rest."""
    from weasyprint.urls import URLFetcher, URLFetchingError

    real_roots = [Path(os.path.realpath(r)) for r in roots]

    def allowed(path: Path) -> bool:
        real = Path(os.path.realpath(path))
        return any(real == r or r in real.parents for r in real_roots)

    class SafeFetcher(URLFetcher):
        def fetch(self, url, headers=None):
            parsed = urlparse(url)
            if parsed.scheme == "file" and parsed.netloc not in ("", "localhost"):
                diags.warning(f"the handout fetches nothing from '{url[:80]}'", None, "remote-refused")
            elif parsed.scheme == "file":
                path = Path(unquote(parsed.path))
                if allowed(path) and path.is_file():
                    return super().fetch(url, headers)
                diags.warning(
                    f"the handout may not read '{path}' (outside the lecture and templates)",
                    None,
                    "outside-project",
                )
            elif parsed.scheme in ("http", "https") and allow_remote:
                return super().fetch(url, headers)
            elif parsed.scheme == "data":
                return super().fetch(url, headers)
            else:
                diags.warning(
                    f"the handout fetches nothing from '{url[:80]}' (pass --allow-remote to allow it)",
                    None,
                    "remote-refused",
                )
            raise URLFetchingError(f"refused: {url[:80]}")

    return SafeFetcher(timeout=10, allow_redirects=False)


def write_pdf(
    html: str,
    out: Path,
    roots: list[Path],
    diags: Diagnostics,
    allow_remote: bool = False,
    base_url: str | None = None,
    pdf_ua: bool = True,
) -> None:
    """Render ``html`` to a PDF at ``out`` atomically: tagged PDF/UA-1 unless ``pdf_ua`` is False.

    What WeasyPrint finds missing for PDF/UA (an image without alt text, no language) becomes an
    ``[accessibility]`` warning instead of a log line nobody reads.
    """
    write_atomic(out, render_pdf(html, roots, diags, allow_remote, base_url, pdf_ua))


def render_pdf(
    html: str,
    roots: list[Path],
    diags: Diagnostics,
    allow_remote: bool = False,
    base_url: str | None = None,
    pdf_ua: bool = True,
) -> bytes:
    """Return the PDF bytes of ``html`` (see :func:`write_pdf`)."""
    import logging

    import weasyprint

    class Collect(logging.Handler):
        def emit(self, record):
            msg = record.getMessage()
            if "alt description" in msg or "lang" in msg:
                diags.warning(f"PDF/UA: {msg}", None, "accessibility")

    log = logging.getLogger("weasyprint")
    log.setLevel(logging.ERROR)  # problems are ours to report: only errors reach the collector
    log.propagate = False
    handler = Collect()
    log.addHandler(handler)
    try:
        fetcher = make_fetcher(roots, diags, allow_remote)
        doc = weasyprint.HTML(string=html, base_url=base_url, url_fetcher=fetcher)
        buf = io.BytesIO()
        # tagged: `check` reads the alt text of pictures, charts and equations from the structure;
        # custom_metadata: the build record (<meta name="podium-build">) goes into the document info
        if pdf_ua:
            doc.write_pdf(buf, pdf_variant="pdf/ua-1", custom_metadata=True)
        else:
            doc.write_pdf(buf, pdf_tags=True, custom_metadata=True)
        return buf.getvalue()
    finally:
        log.removeHandler(handler)
