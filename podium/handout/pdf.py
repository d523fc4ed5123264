"""HTML → PDF with WeasyPrint (the only module that imports it), reading only allowed files."""

from __future__ import annotations

import contextlib
import gc
import io
import logging
import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlparse

from ..diagnostics import Diagnostics
from ..model import SourcePos
from ..startup import quick_library_lookup

with quick_library_lookup():  # (a fifth of a second less: see podium.startup)
    import weasyprint
    from weasyprint.urls import URLFetcher, URLFetcherResponse, URLFetchingError
from .drawfit import MAX_ROUNDS
from .fetchpos import position
from .sharing import COVER_END_ID, cover_only


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
                    if path.suffix.lower() == ".svg":  # (WeasyPrint does not read paint-order)
                        from ..svgsafe import stroke_under_fill  # noqa: PLC0415 (defusedxml: only for SVG pictures)

                        svg = stroke_under_fill(path.read_bytes())
                        return URLFetcherResponse(url, svg, {"Content-Type": "image/svg+xml"})
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


@dataclass
class Relayout:
    """What to lay out again (see :func:`render_pdf`): ``html`` in place of the document, or, with
    ``pages``, the pages ``html`` makes in place of those pages (in order; a page is a slide).  If
    it makes another number of pages, ``whole()`` is laid out instead."""

    html: str
    pages: list[int] | None = None
    whole: Callable[[], str] | None = None


@dataclass
class Rendered:
    """A PDF and the WeasyPrint layout it was written from (for a handout variant to reuse)."""

    pdf: bytes
    layout: Any


def render_pdf(
    html: str,
    roots: list[Path],
    diags: Diagnostics,
    allow_remote: bool = False,
    base_url: str | None = None,
    pdf_ua: bool = True,
    positions: dict[str, SourcePos] | None = None,
    *,
    reuse: Any = None,
    refit: Callable[[Any, bool], Relayout | None] | None = None,
) -> Rendered:
    """Render ``html`` to a PDF: tagged PDF/UA-1 unless ``pdf_ua`` is False (then tagged PDF).

    What WeasyPrint finds missing for PDF/UA (an image without alt text, no language) becomes an
    ``[accessibility]`` warning instead of a log line nobody reads.  ``positions`` maps the URLs the
    HTML fetches to the lines that asked for them (:func:`podium.handout.fetchpos.fetch_positions`):
    a picture WeasyPrint cannot load or draw is a warning at its line.

    ``reuse``: the layout of a handout that :mod:`podium.handout.sharing` found to have the same pages
    after the cover; only this handout's cover is laid out, and its other pages are taken from there.
    If the covers do not end on the same page, the whole handout is laid out after all.

    ``refit``: given a layout (and whether it is the last there will be), what to lay out again
    (:class:`Relayout`: slide drawings whose text ran past their boxes, drawn smaller,
    :mod:`podium.handout.drawfit`), or None when the layout stands; asked again after each new
    layout, at most ``drawfit.MAX_ROUNDS`` times, then once more about the last, which stands.
    """
    with _reporting(diags, positions) as fetcher_for:
        fetcher = fetcher_for(roots, allow_remote)
        doc = None
        if reuse is not None:
            doc = _with_cover(_layout(cover_only(html), base_url, fetcher), reuse)
        # the layouts spliced pages come from: their fonts must live until the PDF is written (a
        # spliced layout is not one to hand on as ``reuse``: nothing does, only handouts share)
        kept = []
        if doc is None:
            doc = _layout(html, base_url, fetcher)
            for n in range(MAX_ROUNDS + 1):
                again = refit(doc, n == MAX_ROUNDS) if refit is not None else None  # (the last: warnings)
                if again is None:
                    break
                new = _layout(again.html, base_url, fetcher)  # (a warning said again is not added twice)
                if again.pages is None:
                    doc = new
                elif len(new.pages) == len(again.pages):
                    pages = list(doc.pages)
                    for k, page in zip(again.pages, new.pages, strict=True):
                        pages[k] = page
                    kept.append(new)
                    doc = doc.copy(pages)
                elif again.whole is not None:
                    doc = _layout(again.whole(), base_url, fetcher)
        return Rendered(_pdf_bytes(doc, pdf_ua), doc)


def _layout(html: str, base_url: str | None, fetcher: URLFetcher):
    with _collector_relaxed():
        return weasyprint.HTML(string=html, base_url=base_url, url_fetcher=fetcher).render()


@contextlib.contextmanager
def _collector_relaxed():
    """Let Python's cycle collector run a hundred times less often while WeasyPrint works.

    Laying out and writing make millions of short-lived objects; at the default threshold (700
    allocations) the collector scans the young ones thousands of times, about 5-10% of a handout's
    time (bench/README.md).  The garbage it leaves is collected as usual afterwards.
    """
    threshold = gc.get_threshold()
    gc.set_threshold(70_000, *threshold[1:])
    try:
        yield
    finally:
        gc.set_threshold(*threshold)


def _pdf_bytes(doc, pdf_ua: bool) -> bytes:
    buf = io.BytesIO()
    # tagged: `check` reads the alt text of pictures, charts and equations from the structure;
    # custom_metadata: the build record (<meta name="podium-build">) goes into the document info
    with _collector_relaxed():
        if pdf_ua:
            doc.write_pdf(buf, pdf_variant="pdf/ua-1", custom_metadata=True)
        else:
            doc.write_pdf(buf, pdf_tags=True, custom_metadata=True)
    return buf.getvalue()


def _with_cover(cover, rest):
    """The pages of ``cover`` up to the end of the cover, then those of ``rest`` after its cover, with
    the metadata of ``cover``; None unless both covers end on the same page and the cover pages carry
    the same running headers and page numbers (a "Page 1 of 2" on a cover laid out alone would be wrong)."""
    ends = [i for i, page in enumerate(cover.pages) if COVER_END_ID in page.anchors]
    if ends != [len(cover.pages) - 1]:
        return None
    k = ends[0]
    if k >= len(rest.pages) or COVER_END_ID not in rest.pages[k].anchors:
        return None
    margins = [(_margin_text(cover.pages[i]), _margin_text(rest.pages[i])) for i in range(k)]
    if any(a is None or a != b for a, b in margins):
        return None
    return cover.copy(cover.pages[:k] + rest.pages[k:])


def _margin_text(page) -> list[str] | None:
    """The text in a laid-out page's margin boxes (running headers, page numbers); None where this
    WeasyPrint does not show its page boxes as 70.0 does (then nothing is shared)."""
    page_box = getattr(page, "_page_box", None)
    if page_box is None:
        return None
    out: list[str] = []

    def walk(box):
        text = getattr(box, "text", None)
        if isinstance(text, str):
            out.append(text)
        for child in getattr(box, "children", ()):
            walk(child)

    for box in page_box.children:
        if type(box).__name__ == "MarginBox":
            walk(box)
    return out


@contextlib.contextmanager
def _reporting(diags: Diagnostics, positions: dict[str, SourcePos] | None):
    """WeasyPrint's complaints, while a document is laid out and written, as Podium's warnings at the
    lines that asked for what failed; yields a maker of the safe URL fetcher that goes with them."""

    positions = positions if positions is not None else {}
    refused: set[str] = set()

    class Collect(logging.Handler):
        def emit(self, record):
            msg = record.getMessage()
            if "alt description" in msg:
                missing_alt(msg)
            elif "lang" in msg:
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

    def missing_alt(msg: str) -> None:
        """A picture without alt text: said at its line, and not again where the reader has said so."""
        quoted = re.search(r'"([^"]+)"', msg)
        url = quoted.group(1) if quoted else ""
        pos = position(positions, url)
        name = _name(url) if url else ""
        # (the same file may be shown twice, with alt text once: the reader's warning names the other)
        if any(
            d.code == "no-alt" and (d.pos == pos or (name and f"'{name}'" in d.message)) for d in diags.items
        ):
            return
        what = f"the picture '{_name(url)}'" if url else "a picture"
        diags.warning(f"PDF/UA: {what} has no alt text for screen readers", pos, "accessibility")

    def fetcher_for(roots: list[Path], allow_remote: bool) -> URLFetcher:
        return make_fetcher(roots, diags, allow_remote, positions, refused)

    log = logging.getLogger("weasyprint")
    log.setLevel(logging.ERROR)  # problems are ours to report: only errors reach the collector
    log.propagate = False
    handler = Collect()
    log.addHandler(handler)
    try:
        yield fetcher_for
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
