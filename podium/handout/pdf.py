"""HTML → PDF with WeasyPrint (the only module that imports it), reading only allowed files."""

from __future__ import annotations

import io
import logging
import os
from pathlib import Path
from urllib.parse import unquote, urlparse

import weasyprint
from weasyprint.urls import URLFetcher, URLFetchingError

from ..atomic import write_atomic
from ..diagnostics import Diagnostics
from ..model import SourcePos
from .fetchpos import position


def make_fetcher(
    roots: list[Path],
    diags: Diagnostics,
    allow_remote: bool = False,
    positions: dict[str, SourcePos] | None = None,
    refused: set[str] | None = None,
):
    """Return a WeasyPrint URL fetcher that serves files under ``roots`` and refuses the rest.

    Each refusal is a warning at the line that asked for the URL (``positions``); the URL goes into
    ``refused``, so WeasyPrint's own "failed to load" for it is not reported a second time.
    """

    positions = positions if positions is not None else {}
    refused = refused if refused is not None else set()

    real_roots = [Path(os.path.realpath(r)) for r in roots]

    def allowed(path: Path) -> bool:
        real = Path(os.path.realpath(path))
        return any(real == r or r in real.parents for r in real_roots)

    class SafeFetcher(URLFetcher):
        def fetch(self, url, headers=None):
            parsed = urlparse(url)
            pos = position(positions, url)
            if parsed.scheme == "file" and parsed.netloc not in ("", "localhost"):
                diags.warning(f"the handout fetches nothing from '{url[:80]}'", pos, "remote-refused")
            elif parsed.scheme == "file":
                path = Path(unquote(parsed.path))
                if allowed(path) and path.is_file():
                    return super().fetch(url, headers)
                diags.warning(
                    f"the handout may not read '{path}' (outside the lecture and templates)",
                    pos,
                    "outside-project",
                )
            elif parsed.scheme in ("http", "https") and allow_remote:
                return super().fetch(url, headers)
            elif parsed.scheme == "data":
                return super().fetch(url, headers)
            else:
                diags.warning(
                    f"the handout fetches nothing from '{url[:80]}' (pass --allow-remote to allow it)",
                    pos,
                    "remote-refused",
                )
            refused.add(url)
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
    positions: dict[str, SourcePos] | None = None,
) -> None:
    """Render ``html`` to a PDF at ``out`` atomically: tagged PDF/UA-1 unless ``pdf_ua`` is False.

    What WeasyPrint finds missing for PDF/UA (an image without alt text, no language) becomes an
    ``[accessibility]`` warning instead of a log line nobody reads.
    """
    write_atomic(out, render_pdf(html, roots, diags, allow_remote, base_url, pdf_ua, positions))


def render_pdf(
    html: str,
    roots: list[Path],
    diags: Diagnostics,
    allow_remote: bool = False,
    base_url: str | None = None,
    pdf_ua: bool = True,
    positions: dict[str, SourcePos] | None = None,
) -> bytes:
    """Return the PDF bytes of ``html`` (see :func:`write_pdf`).

    ``positions`` maps the URLs the HTML fetches to the lines that asked for them
    (:func:`podium.handout.fetchpos.fetch_positions`): a picture WeasyPrint cannot load or draw is
    a warning at its line.
    """

    positions = positions if positions is not None else {}
    refused: set[str] = set()

    class Collect(logging.Handler):
        def emit(self, record):
            msg = record.getMessage()
            if "alt description" in msg or "lang" in msg:
                diags.warning(f"PDF/UA: {msg}", None, "accessibility")
            elif record.msg.startswith(("Failed to load image at", "Failed to load stylesheet at")):
                url = str(record.args[0]) if record.args else ""
                if url in refused:
                    return  # the fetcher has said why, at its line
                what = "picture" if "image" in record.msg else "stylesheet"
                reason = _reason(record.args[1] if len(record.args) > 1 else None)
                instead = "its alt text is shown instead" if what == "picture" else "left out"
                report(url, f"the handout cannot draw the {what} '{_name(url)}'{reason}; {instead}", what)
            elif record.msg.startswith("Failed to render SVG image"):
                url = str(record.args[0]) if record.args else ""
                report(url, f"the handout cannot draw the picture '{_name(url)}'; left out", "picture")

    def report(url: str, message: str, what: str) -> None:
        pos = position(positions, url)
        code = "bad-image" if what == "picture" else "template"
        if pos is not None and any(d.code == code and d.pos == pos for d in diags.items):
            return  # the reader has already said this picture cannot be drawn, at the same line
        diags.warning(message, pos, code)

    log = logging.getLogger("weasyprint")
    log.setLevel(logging.ERROR)  # problems are ours to report: only errors reach the collector
    log.propagate = False
    handler = Collect()
    log.addHandler(handler)
    try:
        fetcher = make_fetcher(roots, diags, allow_remote, positions, refused)
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


def _name(url: str) -> str:
    """A URL as a message shows it: a local file by its name, anything else shortened."""
    parsed = urlparse(url)
    if parsed.scheme == "file":
        return Path(unquote(parsed.path)).name
    return url if len(url) <= 80 else url[:77] + "..."


def _reason(exc) -> str:
    """Why WeasyPrint could not load something, in brackets (its error often says it only in its cause)."""
    while exc is not None and not str(exc) and getattr(exc, "__cause__", None) is not None:
        exc = exc.__cause__
    text = str(exc) if exc is not None else ""
    return f" ({text if text else type(exc).__name__})" if exc is not None else ""
