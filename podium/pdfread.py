"""Read the PDFs Podium wrote as a reader's program would: with pypdf, without its parsing caps, and
with PDFium for what `check` reads from a handout (outline, destinations, figures, document info).

pypdf refuses, by default, arrays and dictionaries over 100,000 elements, streams that decompress
to more than 75 MB, and outlines or page trees over 100,000 entries: guards against hostile files.
A tagged (PDF/UA) handout of a long lecture passes them (its structure tree has large per-page
arrays, and WeasyPrint packs every object into one compressed object stream), so our own outputs
are read with the caps raised to :data:`LIMITS` (pypdf ≥ 6 has the settings; an older pypdf keeps
them as module constants, which are raised instead).
"""

from __future__ import annotations

import ctypes
import dataclasses
import importlib
import io
import re
from pathlib import Path
from typing import Any

import pypdfium2.raw as pdfium_c
from fontTools.ttLib import TTFont
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


# --------------------------------------------------------------------------- PDFium: what `check` reads
# pypdf parses every object of a tagged handout (all in one object stream) before it can read the
# outline: about a second for 100 slides.  PDFium reads the same in a few milliseconds.


def _utf16(call, *args) -> str:
    """Call a PDFium function that fills a UTF-16LE buffer (asked for its size first)."""
    size = call(*args, None, 0)
    if size <= 2:
        return ""
    buf = ctypes.create_string_buffer(size)
    call(*args, buf, size)
    return buf.raw[: size - 2].decode("utf-16-le", "replace")


def meta_text(pdf: Any, key: str) -> str:
    """A value of the document information dictionary ("" when absent)."""
    return _utf16(pdfium_c.FPDF_GetMetaText, pdf.raw, key.encode("ascii"))


def outline(pdf: Any) -> list[tuple[str, int, float | None]]:
    """Every bookmark in order: its title, the page it points to, and the top of the view (None
    unless it points to a position)."""
    out = []
    for mark in pdf.get_toc(max_depth=64):
        dest = mark.get_dest()
        page, top = -1, None
        if dest is not None:
            page = dest.get_index()
            mode, params = dest.get_view()
            if mode == pdfium_c.PDFDEST_VIEW_XYZ and len(params) > 1:
                top = float(params[1])
        out.append((mark.get_title(), -1 if page is None else page, top))
    return out


def named_destinations(pdf: Any) -> dict[str, int]:
    """Every named destination and the page it points to (-1: none)."""
    out = {}
    for i in range(pdfium_c.FPDF_CountNamedDests(pdf.raw)):
        length = ctypes.c_long(0)
        pdfium_c.FPDF_GetNamedDest(pdf.raw, i, None, ctypes.byref(length))
        if length.value <= 2:
            continue
        buf = ctypes.create_string_buffer(length.value)
        dest = pdfium_c.FPDF_GetNamedDest(pdf.raw, i, buf, ctypes.byref(length))
        name = buf.raw[: length.value - 2].decode("utf-16-le", "replace")
        out[name] = pdfium_c.FPDFDest_GetDestPageIndex(pdf.raw, dest) if dest else -1
    return out


def figure_alts(pages: list[Any], limit: int = 2_000_000) -> list[tuple[int, str]]:
    """(page number, alt text) of every tagged figure that has one, on the PDFium ``pages`` in order."""
    found: list[tuple[int, str]] = []
    seen = 0
    for i, page in enumerate(pages):
        tree = pdfium_c.FPDF_StructTree_GetForPage(page.raw)
        if not tree:
            continue
        try:
            stack = [
                pdfium_c.FPDF_StructTree_GetChildAtIndex(tree, k)
                for k in reversed(range(pdfium_c.FPDF_StructTree_CountChildren(tree)))
            ]
            while stack and seen < limit:
                el = stack.pop()
                seen += 1
                if not el:
                    continue
                if _utf16(pdfium_c.FPDF_StructElement_GetType, el) == "Figure":
                    alt = _utf16(pdfium_c.FPDF_StructElement_GetAltText, el)
                    if alt:
                        found.append((i, alt))
                n = pdfium_c.FPDF_StructElement_CountChildren(el)
                stack += [
                    pdfium_c.FPDF_StructElement_GetChildAtIndex(el, k) for k in reversed(range(max(n, 0)))
                ]
        finally:
            pdfium_c.FPDF_StructTree_Close(tree)
    return found


def page_text(textpage: Any, rect: tuple[float, float, float, float] | None = None) -> str:
    """Return the text PDFium reads on a page (or in ``rect``: left, bottom, right, top), without the
    characters whose glyph the PDF maps to no text.

    WeasyPrint gives a cluster's text to one of its glyphs and none to the others: Thai's ำ (sara am),
    which HarfBuzz draws as two glyphs (ํ and า), maps the first to nothing, and PDFium reads such a
    glyph as its glyph number (";" for glyph 0x3b) where pdftotext reads nothing.
    """
    raw = textpage.raw
    text = (
        textpage.get_text_range(errors="surrogatepass")
        if rect is None
        else textpage.get_text_bounded(*rect, errors="surrogatepass")
    )
    if text.isascii():  # (the glyph number stands among other script's letters: a Latin page has none)
        return text
    count = pdfium_c.FPDFText_CountChars(raw)
    if not any(pdfium_c.FPDFText_HasUnicodeMapError(raw, k) for k in range(count)):
        return _paired(text)
    left, bottom, right, top = rect or (-1e9, -1e9, 1e9, 1e9)
    box = [ctypes.c_double() for _ in range(4)]
    out = []
    for k in range(count):
        if pdfium_c.FPDFText_HasUnicodeMapError(raw, k):
            continue
        if rect is not None:
            pdfium_c.FPDFText_GetCharBox(raw, k, *(ctypes.byref(x) for x in box))
            x0, x1, y0, y1 = (x.value for x in box)
            if not (left <= (x0 + x1) / 2 <= right and bottom <= (y0 + y1) / 2 <= top):
                continue
        out.append(chr(pdfium_c.FPDFText_GetUnicode(raw, k)))
    return _paired("".join(out))


# a UTF-16 surrogate pair, or one whose halves come low first
_SURROGATES = re.compile("[\ud800-\udbff][\udc00-\udfff]|[\udc00-\udfff][\ud800-\udbff]|[\ud800-\udfff]")
_BEYOND_BMP = re.compile("[\ud800-\udfff\U00010000-\U0010ffff]")


def _paired(text: str) -> str:
    """Return ``text`` (PDFium's UTF-16, surrogates kept) with each character beyond the BMP whole.

    PDFium reads a right-to-left line by reversing its UTF-16 code units, so a character outside the
    BMP (mathematical italic 𝑎, U+1D44E) beside Hebrew comes back as its low surrogate, then its high
    one, which a UTF-16 decoder drops: a pair in that order is put right, a lone half left out."""
    if text.isascii() or not _BEYOND_BMP.search(text):
        return text
    # (the code units as PDFium gave them: the decoder paired a high half with the next character's low)
    data = text.encode("utf-16-le", "surrogatepass")
    units = "".join(chr(int.from_bytes(data[k : k + 2], "little")) for k in range(0, len(data), 2))

    def whole(match: re.Match[str]) -> str:
        pair = match.group()
        if len(pair) == 1:
            return ""
        high, low = sorted(pair)
        return (high + low).encode("utf-16-le", "surrogatepass").decode("utf-16-le")

    return _SURROGATES.sub(whole, units)


def uri_links(pdf: Any, pages: list[Any]) -> list[tuple[int, float, str]]:
    """(page number, top of its area in PDF points, URI) of every link to a URI on the PDFium ``pages``."""
    found: list[tuple[int, float, str]] = []
    for i, page in enumerate(pages):
        start, link = ctypes.c_int(0), pdfium_c.FPDF_LINK()
        while pdfium_c.FPDFLink_Enumerate(page.raw, ctypes.byref(start), ctypes.byref(link)):
            action = pdfium_c.FPDFLink_GetAction(link)
            if not action or pdfium_c.FPDFAction_GetType(action) != pdfium_c.PDFACTION_URI:
                continue
            n = pdfium_c.FPDFAction_GetURIPath(pdf.raw, action, None, 0)
            if n <= 1:
                continue
            buf = ctypes.create_string_buffer(n)
            pdfium_c.FPDFAction_GetURIPath(pdf.raw, action, buf, n)
            rect = pdfium_c.FS_RECTF()
            top = float(rect.top) if pdfium_c.FPDFLink_GetAnnotRect(link, ctypes.byref(rect)) else 0.0
            found.append((i, top, buf.raw[: n - 1].decode("latin-1")))
    return found


def shared_glyphs(pages: list[Any], limit: int = 200_000) -> dict[int, str]:
    """A ``str.translate`` table folding the characters that one glyph draws in a font the PDFium ``pages``
    embed to one of them (the smallest code point): a PDF's text layer names one character a glyph, so
    a font that draws WAVE DASH 〜 and FULLWIDTH TILDE ～ alike gives back whichever came first for both.

    Each font's own character map says which characters share a glyph (WeasyPrint embeds a subset whose
    ``cmap`` keeps every character of the glyphs it holds); fonts without one fold nothing."""
    fonts: dict[str, bytes] = {}
    handles: set[int] = set()
    seen = 0
    for page in pages:
        stack = [
            pdfium_c.FPDFPage_GetObject(page.raw, k) for k in range(pdfium_c.FPDFPage_CountObjects(page.raw))
        ]
        while stack and seen < limit:
            obj = stack.pop()
            seen += 1
            kind = pdfium_c.FPDFPageObj_GetType(obj)
            if kind == pdfium_c.FPDF_PAGEOBJ_FORM:
                stack += [
                    pdfium_c.FPDFFormObj_GetObject(obj, k)
                    for k in range(pdfium_c.FPDFFormObj_CountObjects(obj))
                ]
                continue
            if kind != pdfium_c.FPDF_PAGEOBJ_TEXT:
                continue
            font = pdfium_c.FPDFTextObj_GetFont(obj)
            address = ctypes.cast(font, ctypes.c_void_p).value
            if not address or address in handles:  # (PDFium keeps one font object a document)
                continue
            handles.add(address)
            size = pdfium_c.FPDFFont_GetBaseFontName(font, None, 0)
            name = ctypes.create_string_buffer(max(size, 1))
            pdfium_c.FPDFFont_GetBaseFontName(font, name, size)
            key = name.value.decode("latin-1")
            if key in fonts:  # (the same font drawn through another object)
                continue
            length = ctypes.c_size_t(0)
            if not pdfium_c.FPDFFont_GetFontData(font, None, 0, ctypes.byref(length)) or not length.value:
                fonts[key] = b""
                continue
            buffer = (ctypes.c_ubyte * length.value)()
            pdfium_c.FPDFFont_GetFontData(font, buffer, length.value, ctypes.byref(length))
            fonts[key] = bytes(buffer)[: length.value]
    table: dict[int, str] = {}
    for data in fonts.values():
        for group in _glyph_groups(data):
            first = min(group)
            table.update((c, chr(first)) for c in group if c != first)
    return table


def _glyph_groups(data: bytes) -> list[list[int]]:
    """The groups of characters that one glyph draws in the font file ``data`` (none when it cannot be read)."""
    try:
        font = TTFont(io.BytesIO(data), lazy=True)
        if "cmap" not in font:
            return []
        # (glyphs by number: a subset that keeps its glyph numbers has tens of thousands, and naming them
        # from a CFF font's charset costs a tenth of a second)
        font.setGlyphOrder([f"g{k}" for k in range(font["maxp"].numGlyphs)])
        cmap = font.getBestCmap()
    except Exception:  # (a bare CFF or Type 1 font, or one fontTools cannot read: no character map)
        return []
    by_glyph: dict[str, list[int]] = {}
    for code, glyph in (cmap or {}).items():
        by_glyph.setdefault(glyph, []).append(code)
    return [group for group in by_glyph.values() if len(group) > 1]
