"""``build.py check``: read both outputs back as their users' programs would and compare every object.

The deck is read with python-pptx: per slide its title, body paragraphs with their levels, speaker
notes, table cells, charts (type, categories, values), pictures (content hash and alt text),
equations (their TeX, kept as the picture's description), footnotes and click builds.  The handout
is read with pypdf: its outline (one bookmark "N. Title" per slide) cuts the text of its pages
into one stretch per slide, page headers and footers left out, and its tagged structure gives the
alt text of every figure: pictures' own, and charts' data (the handout writes each chart's
numbers into its figure's alt text, which is what a screen reader reads too).

Both are compared with what the source asks for, through the same plan the deck was drawn from,
so continuation slides and the plan's decisions are expected rather than reported.  Every
difference is reported at once, at the slide's source line, e.g.
``slide 7 "Three freedoms": bullet 2: deck "…" but source "…" [check-text]``.

Before comparing, the build records in both files (see :mod:`podium.buildrecord`) are read:
outputs built from different sources or options are reported as such, and otherwise the lecture
is read with the options the outputs were built with.
"""

from __future__ import annotations

import bisect
import difflib
import hashlib
import re
import unicodedata
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from PIL import Image, ImageOps
from pptx import Presentation

from . import buildrecord
from . import model as m
from .alttext import chart_alt, missing_text, parse_chart_alt
from .deck.code import CODE
from .deck.equations import tex_listing
from .deck.pictures import LOGO, MISSING_PICTURE, converted_picture
from .deck.plan import Bullet, ColumnsChunk, ObjectChunk, Para, TextChunk, chart_axes, plan_deck, runs
from .deck.text import list_depths
from .diagnostics import BuildError, Diagnostics
from .labels import labels_for, untitled_name
from .mathrender import math_points
from .pdfread import figure_alts, meta_text, named_destinations, page_text, shared_glyphs, uri_links
from .pdfread import outline as pdf_outline
from .pipeline import BuildOptions, deck_path, fitted_plans, handout_path, load
from .svgsafe import sanitize
from .template_folders import load_template
from .textnorm import squash
from .variant_check import check_student_outputs, student_files
from .variants import apply_variant

# --------------------------------------------------------------------------- normalising text


def _code_line(line: str, n: int = 60) -> str:
    """A code line shortened for a message, its indentation kept (it may be what differs)."""
    line = line.rstrip().expandtabs(4)
    return line if len(line) <= n else line[: n - 1] + "…"


def _short(text: str, n: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


# --------------------------------------------------------------------------- reading the deck


@dataclass
class DeckChart:
    kind: str
    categories: list[str]
    series: list[tuple[str, list[float]]]
    x_values: list[float] = field(default_factory=list)  # scatter charts


@dataclass
class DeckPicture:
    description: str  # alt text, or an equation's TeX
    sha256: str  # of the embedded image (the SVG itself when there is one)


@dataclass
class DeckSlide:
    title: str = ""
    # body paragraphs: their text, the list level written (lvl) and which text frame of the slide holds them
    paras: list[tuple[str, int, int]] = field(default_factory=list)
    text: str = ""  # every piece of text on the slide
    notes: str = ""
    tables: list[list[str]] = field(default_factory=list)
    charts: list[DeckChart] = field(default_factory=list)
    pictures: list[DeckPicture] = field(default_factory=list)
    missing_pictures: list[str] = field(default_factory=list)  # placeholders' text: pictures not drawn
    equations: list[str] = field(
        default_factory=list
    )  # display equations' TeX (their fallback's description)
    footnotes: str = ""
    clicks: int = 0
    code: list[list[str]] = field(default_factory=list)  # each listing's lines, in drawing order
    links: list[str] = field(default_factory=list)  # the web (and mail) addresses its words and pictures open


_CHART_KINDS = {
    "BAR_CLUSTERED": "bar",
    "COLUMN_CLUSTERED": "column",
    "LINE_MARKERS": "line",
    "LINE": "line",
    "PIE": "pie",
    "COLUMN_STACKED": "stacked",
    "XY_SCATTER": "scatter",
}
_FURNITURE = {"FOOTER", "SLIDE_NUMBER", "DATE"}
_SVG_BLIP = "{http://schemas.microsoft.com/office/drawing/2016/SVG/main}svgBlip"
_R_EMBED = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}embed"
_R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"


_A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
_P = "{http://schemas.openxmlformats.org/presentationml/2006/main}"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"


def para_text(p: Any) -> str:
    """A paragraph's text as a viewer shows it: inline Office math read as its fallback text."""
    return "".join("\v" if el.tag == _A + "br" else (el.text or "") for el in p.iter(_A + "t", _A + "br"))


def frame_text(tf: Any) -> str:
    """A text frame's text, paragraph by paragraph (see :func:`para_text`)."""
    return "\n".join(para_text(p) for p in tf._txBody.iter(_A + "p"))


def read_deck(path: Path) -> list[DeckSlide]:
    """Return what every slide of the deck at ``path`` shows, as python-pptx reads it."""

    return [_read_slide(slide) for slide in Presentation(str(path)).slides]


def _read_slide(slide: Any) -> DeckSlide:
    out = DeckSlide()
    title_shape = slide.shapes.title
    out.title = frame_text(title_shape.text_frame) if title_shape is not None else ""
    texts = []
    for shape in sorted(slide.shapes, key=lambda sh: sh.shape_id):
        if (
            shape.is_placeholder
            and shape.placeholder_format.type is not None
            and shape.placeholder_format.type.name in _FURNITURE
        ):
            continue
        if shape.has_text_frame and (title_shape is None or shape.shape_id != title_shape.shape_id):
            texts.append(frame_text(shape.text_frame))
            if shape.name == MISSING_PICTURE:
                out.missing_pictures.append(frame_text(shape.text_frame))
            if shape.name == "Footnotes":
                out.footnotes = frame_text(shape.text_frame)
            elif shape.name == CODE:
                out.code.append([para_text(p._p) for p in shape.text_frame.paragraphs])
            else:
                frame = len(out.paras) and out.paras[-1][2] + 1
                out.paras += [(para_text(p._p), p.level, frame) for p in shape.text_frame.paragraphs]
        if getattr(shape, "has_table", False) and shape.has_table:
            cells = [frame_text(c.text_frame) for row in shape.table.rows for c in row.cells]
            out.tables.append(cells)
            texts += cells
        if getattr(shape, "has_chart", False) and shape.has_chart:
            out.charts.append(_read_chart(shape.chart))
        if shape.shape_type is not None and shape.shape_type.name == "PICTURE" and shape.name != LOGO:
            out.pictures.append(_read_picture(slide, shape))
    out.equations = [
        pic.get("descr", "")
        for pic in slide.shapes._spTree.iterfind(
            f"./{_MC}AlternateContent/{_MC}Fallback//{_P}pic/{_P}nvPicPr/{_P}cNvPr"
        )
    ]
    out.text = "\n".join(texts)
    out.links = [
        rel.target_ref
        for link in slide._element.iter(_A + "hlinkClick")
        if not link.get("action")
        and (rel := slide.part.rels.get(link.get(_R_ID))) is not None
        and rel.is_external
    ]
    if slide.has_notes_slide:
        out.notes = slide.notes_slide.notes_text_frame.text
    timing = slide._element.findall(".//{*}timing//{*}cond[@delay='indefinite']")
    out.clicks = len(timing)
    return out


def _read_chart(chart: Any) -> DeckChart:
    kind = _CHART_KINDS.get(chart.chart_type.name if chart.chart_type else "", str(chart.chart_type))
    plot = chart.plots[0]
    series = [(s.name, [float(v) for v in s.values if v is not None]) for p in chart.plots for s in p.series]
    if kind == "scatter":
        xs = (
            [float(v) for v in plot.series[0]._element.xpath("./c:xVal//c:pt/c:v/text()")]
            if plot.series
            else []
        )
        return DeckChart(kind, [], series, xs)
    return DeckChart(kind, [str(c) for c in plot.categories], series)


def _read_picture(slide: Any, shape: Any) -> DeckPicture:
    descr = shape._element.nvPicPr.cNvPr.get("descr", "")
    svg = shape._element.find(f".//{_SVG_BLIP}")
    if svg is not None:
        blob = slide.part.related_part(svg.get(_R_EMBED)).blob
    else:
        blob = shape.image.blob
    return DeckPicture(descr, hashlib.sha256(blob).hexdigest())


# --------------------------------------------------------------------------- reading the handout


@dataclass
class HandoutEntry:
    number: int
    title: str
    text: str = ""  # squashed text of the entry (page headers and footers left out)
    alts: list[str] = field(default_factory=list)  # alt text of the figures on the entry's pages
    images: set[str] = field(default_factory=set)  # pixel hashes of the pictures on the entry's pages
    thumbs: list[bytes] = field(default_factory=list)  # and their thumbnails (a JPEG encoded again)
    page: int = -1  # the page its bookmark points to
    links: list[str] = field(default_factory=list)  # the URIs of the links in its area


@dataclass
class Handout:
    titles: list[str]  # every outline title, in order
    entries: list[HandoutEntry]
    text: str  # the whole text
    record: buildrecord.BuildRecord | None = None
    anchors: dict[str, int] = field(default_factory=dict)  # named destinations (slide-7, slide-7-2…): page
    keywords: str = ""  # the document information's keywords (podium-layout:…, podium-variant:…)
    # characters one glyph of its fonts draws, folded to one (str.translate): its text names one for all
    folds: dict[int, str] = field(default_factory=dict)


_MARGIN_TOP, _MARGIN_BOTTOM = 45.0, 40.0  # pt: page headers and footers live in these bands


def read_handout(path: Path, images: bool = True) -> Handout:
    """Return the handout at ``path`` cut into one entry per outline bookmark "N. Title"."""
    pdf = pdfium.PdfDocument(str(path))
    try:
        marks = [(t, p, 1e9 if y is None else y) for t, p, y in pdf_outline(pdf)]
        titles = [t for t, _, _ in marks]
        numbered = [(t, p, y) for t, p, y in marks if re.match(r"^\d+\.", t)]
        entries = [
            HandoutEntry(int(t.split(".", 1)[0]), re.sub(r"^\d+\.\s*", "", t), page=p) for t, p, _ in numbered
        ]
        starts = [(p, -y - 2.0) for _, p, y in numbered]

        pages = [pdf[i] for i in range(len(pdf))]  # each page loaded once for all that is read of it
        texts = _entry_texts(pages, [(p, y) for _, p, y in numbered])
        folds = shared_glyphs(pages) if not all(t.isascii() for t in texts) else {}
        for entry, text in zip(entries, texts):
            entry.text = squash(text.translate(folds))
        spans = _page_spans(starts, len(pages))
        found = figure_alts(pages)
        for entry, span in zip(entries, spans):
            entry.alts = [alt for page, alt in found if page in span]
        if images:
            _read_images(pages, entries, spans)
        for page, top, uri in uri_links(pdf, pages):  # (each in the entry its area begins in)
            k = bisect.bisect_right(starts, (page, -top)) - 1
            if k >= 0:
                entries[k].links.append(uri)
        whole = "\n".join(texts).replace("\r\n", "\n")
        anchors = {name: page for name, page in named_destinations(pdf).items() if name.startswith("slide-")}
        recorded = meta_text(pdf, "podiumbuild") or meta_text(pdf, buildrecord.KEY)
        record = buildrecord.BuildRecord.from_json(recorded) if recorded else None
        return Handout(titles, entries, whole, record, anchors, meta_text(pdf, "Keywords"), folds)
    finally:
        pdf.close()


def _entry_texts(pdf_pages: list[Any], starts: list[tuple[int, float]]) -> list[str]:
    """Return the text of each entry: the page area from its bookmark down to the next one.

    PDFium reads the text (pypdf garbles WeasyPrint's custom-encoded fonts); the bands at the top
    and bottom of each page, where running headers and page numbers live, are left out, so an
    entry broken across pages reads as one.
    """

    pages = []
    for page in pdf_pages:
        w, h = page.get_size()
        pages.append((page.get_textpage(), w, h))
    out = []
    for k, (p, y) in enumerate(starts):
        end_p, end_y = starts[k + 1] if k + 1 < len(starts) else (len(pages) - 1, 0.0)
        parts = []
        for q in range(p, max(end_p, p) + 1):
            tp, w, h = pages[q]
            top = min(y + 2.0, h - _MARGIN_TOP) if q == p else h - _MARGIN_TOP
            bottom = (
                max(end_y + 1.0, _MARGIN_BOTTOM) if q == end_p and k + 1 < len(starts) else _MARGIN_BOTTOM
            )
            if top > bottom:
                parts.append(page_text(tp, (0, bottom, w, top)))
        out.append("\n".join(parts))
    return out


def _page_spans(starts: list[tuple[int, float]], pages: int) -> list[range]:
    out = []
    for i, (p, _) in enumerate(starts):
        end = starts[i + 1][0] if i + 1 < len(starts) else pages - 1
        out.append(range(p, max(end, p) + 1))
    return out


def pixel_hash(image: Any) -> str:
    """Return a hash of a PIL image's colour pixels (RGB), the same however the file was encoded."""
    return hashlib.sha256(image.convert("RGB").tobytes()).hexdigest()


THUMB = (16, 16)
THUMB_TOLERANCE = 12  # the most a thumbnail's channel (0-255) moves when a JPEG is encoded again (seen: 3)


def thumbnail(image: Any) -> bytes:
    """A picture's shape and 16x16 thumbnail: what stays when a JPEG is encoded again, as WeasyPrint
    does with a photo that carries an EXIF orientation (its pixels, and so their hash, change)."""
    shape = f"{image.width / max(image.height, 1):.2f}|".encode()
    return shape + image.convert("RGB").resize(THUMB, Image.Resampling.BOX).tobytes()


def same_thumbnail(a: bytes, b: bytes) -> bool:
    """The same shape, and every channel of every thumbnail pixel within THUMB_TOLERANCE: another
    chart on the same white ground moves some by far more."""
    return (
        len(a) == len(b)
        and a.split(b"|", 1)[0] == b.split(b"|", 1)[0]
        and all(abs(x - y) <= THUMB_TOLERANCE for x, y in zip(a, b))
    )


def _read_images(pages: list[Any], entries: list[HandoutEntry], spans: list[range]) -> None:
    """Give each entry the pixel hashes of the pictures on its pages (PDFium decodes them)."""

    hashes: dict[int, set[str]] = {}
    thumbs: dict[int, list[bytes]] = {}
    for i, page in enumerate(pages):
        got, small = set(), []
        for obj in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=8):
            try:
                pil = obj.get_bitmap(render=False).to_pil()
                got.add(pixel_hash(pil))
                small.append(thumbnail(pil))
            except Exception:  # an image PDFium cannot decode: the comparison says so, no crash
                continue
        hashes[i], thumbs[i] = got, small
    for entry, span in zip(entries, spans):
        entry.images = set().union(*(hashes.get(p, set()) for p in span))
        entry.thumbs = [t for p in span for t in thumbs.get(p, [])]


# --------------------------------------------------------------------------- the check


def check_outputs(
    source: Path,
    options: BuildOptions,
    diags: Diagnostics,
    lecture: m.Lecture | None = None,
    variant_plans: Any = None,
) -> None:
    """Compare the written deck and handout of ``source`` with it and with each other (``lecture``: the
    lecture already read by the build that wrote them; otherwise it is read with the recorded options;
    ``variant_plans``: that build's ``variant -> (lecture, plans)``, the plans it drew the outputs from)."""
    deck_file, pdf_file = deck_path(source, options.out_dir), handout_path(source, options.out_dir)
    for f, cmd in ((deck_file, "slides"), (pdf_file, "handout")):
        if not f.is_file():
            raise BuildError(
                diags,
                f"{f} does not exist; run 'python build.py {cmd}' first",
                m.SourcePos(str(source), 1),
                "check-missing",
            )
    try:
        deck = read_deck(deck_file)
        deck_record = buildrecord.read_from_pptx(deck_file)
    except Exception as e:  # a corrupt file: say so rather than crash
        raise BuildError(
            diags, f"{deck_file} cannot be read as a PowerPoint file: {e}", None, "check-read"
        ) from None
    try:
        handout = read_handout(pdf_file)
    except Exception as e:
        raise BuildError(diags, f"{pdf_file} cannot be read as a PDF: {e}", None, "check-read") from None
    at = m.SourcePos(str(source), 1)
    before = len(diags.errors)
    options = _options_from_records(source, options, deck_record, handout.record, diags, at)
    if any(d.code == "check-build" and "built with" in d.message for d in diags.errors[before:]):
        diags.raise_if_errors()  # built with other options: comparing objects would only repeat that
    if lecture is None:
        lecture, _ = load(source, options, Diagnostics())

    template = load_template(options.template or lecture.meta.template, Diagnostics())
    record = handout.record.options if handout.record is not None else {}
    compare(
        lecture,
        deck,
        handout,
        diags,
        str(deck_file),
        str(pdf_file),
        variant=record.get("variant") or "student",
        notes=record.get("layout") != "grid" and "podium-layout:grid" not in handout.keywords,
        plan=lambda lec: fitted_plans(lec, template, options, Diagnostics()),
        variant_plans=variant_plans,
    )

    check_student_outputs(lecture, student_files(source, options.out_dir), diags)  # no answers for students
    diags.raise_if_errors()


def _options_from_records(
    source: Path,
    options: BuildOptions,
    deck: buildrecord.BuildRecord | None,
    handout: buildrecord.BuildRecord | None,
    diags: Diagnostics,
    at: m.SourcePos,
) -> BuildOptions:
    """Return the options to read the source with: those both outputs were built with."""
    if deck is None or handout is None:
        return options  # outputs from before build records: compare with the options given
    problems = buildrecord.option_differences(deck, handout)
    for problem in problems:
        diags.error(problem, at, "check-build")
    if problems:
        return options
    for problem in buildrecord.source_differences(deck, handout):
        diags.error(problem + "; the differences follow", at, "check-build")
    if source.is_file() and buildrecord.file_hash(source) not in (deck.source_hash, handout.source_hash):
        diags.warning(
            f"{source.name} changed since the deck and handout were built; the differences below "
            "are what a rebuild (python build.py all) would change",
            at,
            "check-stale",
        )
    level = deck.options.get("slide_level")
    if options.slide_level is not None and level is not None and options.slide_level != level:
        diags.error(
            f"the deck and handout were built with --slide-level {level}, not {options.slide_level}; "
            f"run check without --slide-level or rebuild",
            at,
            "check-build",
        )
    template = options.template or deck.options.get("template")
    # read again as the build read it: with the level it was asked for (None: inferred again, which
    # is not the same as giving the level it inferred: see podium.reader's slides)
    reread = deck.options["slide_level_asked"] if "slide_level_asked" in deck.options else level
    options = replace(
        options, slide_level=reread if reread is not None else options.slide_level, template=template
    )
    if hasattr(options, "fit") and deck.options.get("fit") and not options.fit:
        options = replace(options, fit=deck.options["fit"])  # the outputs were fitted that way
    return options


def compare(
    lecture: m.Lecture,
    deck: list[DeckSlide],
    handout: Handout,
    diags: Diagnostics,
    deck_name: str = "deck",
    pdf_name: str = "handout",
    variant: str = "student",
    notes: bool = True,
    plan: Any = None,
    variant_plans: Any = None,
) -> None:
    """Report every difference between the source's plan, the deck's slides and the handout's entries.

    The deck is the lecturer's (answers, instructor-only text in its notes); the handout is
    ``variant``'s (the students' by default: answers as gaps), so each is compared with the plan of
    that version of the lecture.  ``notes`` is False for a handout layout without speaker notes.
    ``variant_plans`` (the build's own, ``variant -> (lecture, plans)``) spares planning again.
    """

    plan = plan or plan_deck  # the plan the outputs drew: fitted (continuation parts) when given
    deck_lecture, plans = variant_plans("instructor") if variant_plans else (lecture, None)
    if deck_lecture is not lecture or plans is None:  # the instructor's version is the lecture itself
        plans = plan(lecture)
    if variant_plans:
        seen, handout_plans = variant_plans(variant)
    else:
        seen = apply_variant(lecture, variant)
        handout_plans = plan(seen)
    if len(deck) != len(plans):
        diags.error(
            f"{deck_name} has {len(deck)} slides but the source makes {len(plans)}; rebuild the deck",
            m.SourcePos(lecture.path, 1),
            "check-count",
        )
    for position, (plan, got) in enumerate(zip(plans, deck), 1):
        DeckComparison(lecture, plan, got, diags, position).run()
    if len(handout.entries) != len(handout_plans):
        diags.error(
            f"{pdf_name} has {len(handout.entries)} slides but the source makes {len(handout_plans)}; "
            "rebuild the handout",
            m.SourcePos(lecture.path, 1),
            "check-count",
        )
    deck_by_slide: dict[int, list[DeckSlide]] = {}
    for plan, got in zip(plans, deck):
        number = plan.source.number if plan.source is not None else plan.number
        deck_by_slide.setdefault(number, []).append(got)
    # the handout has one entry per deck slide (continuation parts included): a source slide is
    # compared with all of its entries together
    merged: dict[int, HandoutEntry] = {}
    positions: dict[int, list[int]] = {}  # a source slide's numbers in the handout (its parts')
    for position, (plan, entry) in enumerate(zip(handout_plans, handout.entries), 1):
        _compare_entry_title(seen, plan, position, entry, diags)
        _compare_entry_anchor(seen, plan, position, entry, handout.anchors, diags)
        number = plan.source.number if plan.source is not None else plan.number
        positions.setdefault(number, []).append(position)
        into = merged.setdefault(number, HandoutEntry(entry.number, entry.title))
        into.text += entry.text
        into.alts += entry.alts
        into.images |= entry.images
        into.thumbs += entry.thumbs
        into.links += entry.links
    for slide in seen.slides:
        if slide.number in merged:
            HandoutComparison(
                seen,
                slide,
                merged[slide.number],
                deck_by_slide.get(slide.number, []),
                diags,
                notes,
                handout.folds,
                positions[slide.number],
            ).run()


def _compare_entry_title(
    lecture: m.Lecture, plan: Any, position: int, entry: HandoutEntry, diags: Diagnostics
) -> None:
    """The handout's entry at ``position`` (numbered as the deck numbers its slides) shows ``plan``."""
    slide = plan.source
    want = "".join(r.text for r in plan.title if not r.note).replace("\v", " ")  # (as the outline has it)
    if slide is not None and slide.kind == m.TITLE:
        want = lecture.meta.title or want
    where = _label(slide, lecture, [position]) if slide is not None else f"slide {position}"
    if entry.number != position:
        diags.error(
            f"{where}: the handout's entry {entry.number} stands where deck slide {position} should",
            plan.pos,
            "check-count",
        )
    untitled = (
        "",
        squash(f"Slide {position}"),
        squash(untitled_name(labels_for(None), position, plan.part)),
        squash(untitled_name(labels_for(lecture.meta.lang), position, plan.part)),
        squash(untitled_name(labels_for(None), position, plan.part, plan.opening_heading)),
        squash(untitled_name(labels_for(lecture.meta.lang), position, plan.part, plan.opening_heading)),
    )
    if squash(entry.title) != squash(want) and not (not squash(want) and squash(entry.title) in untitled):
        diags.error(
            f'{where}: title: handout "{_short(entry.title)}" but source "{_short(want)}"',
            plan.pos,
            "check-title",
        )


def _compare_entry_anchor(
    lecture: m.Lecture,
    plan: Any,
    position: int,
    entry: HandoutEntry,
    anchors: dict[str, int],
    diags: Diagnostics,
) -> None:
    """Each deck slide, continuation parts included, has its own destination in the handout (``#slide-7``,
    ``#slide-7-2``) on the page its bookmark points to."""
    if not anchors:  # a template without link targets: nothing to compare
        return
    where = _label(plan.source, lecture, [position]) if plan.source is not None else f"slide {position}"
    part = f"part {plan.part} of " if plan.parts > 1 else ""
    if plan.anchor not in anchors:
        diags.error(
            f"{where}: the handout has no link target '#{plan.anchor}' for {part}this slide; rebuild the handout",
            plan.pos,
            "check-anchor",
        )
    elif entry.page >= 0 and anchors[plan.anchor] not in (-1, entry.page):
        diags.error(
            f"{where}: the handout's link target '#{plan.anchor}' ({part}this slide) is on page "
            f"{anchors[plan.anchor] + 1}, its bookmark on page {entry.page + 1}",
            plan.pos,
            "check-anchor",
        )


def _label(slide: m.Slide, lecture: m.Lecture, numbers: list[int]) -> str:
    """``slide`` named as the deck and the handout number it: ``slide 11 "Title"``, or ``slides 11–12
    "Title"`` for one continued on a "(cont.)" slide (``numbers``: its parts' places, 1-based)."""
    title = lecture.meta.title if slide.kind == m.TITLE else m.plain_text(slide.title)
    said = f"slide {numbers[0]}" if len(numbers) == 1 else f"slides {numbers[0]}–{numbers[-1]}"
    return f'{said} "{_short(title, 40)}"' if title else said


def _plan_text(runs_: Any) -> str:
    return "".join(r.text for r in runs_)


class DeckComparison:
    """Compare one deck slide with its plan."""

    def __init__(self, lecture: m.Lecture, plan: Any, got: DeckSlide, diags: Diagnostics, position: int):
        self.lecture, self.plan, self.got, self.diags = lecture, plan, got, diags
        self.slide = plan.source
        # (``position``: the slide's place in the deck, as PowerPoint numbers it, "(cont.)" slides counted)
        self.where = (
            _label(self.slide, lecture, [position]) if self.slide is not None else f"slide {position}"
        )
        if plan.parts > 1:
            self.where += f" (part {plan.part} of {plan.parts})"
        self.pos = plan.pos

    def error(self, what: str, code: str, pos: m.SourcePos | None = None) -> None:
        self.diags.error(f"{self.where}: {what}", pos or self.pos, code)

    def run(self) -> None:
        self.title()
        self.body()
        self.notes()
        self.objects()
        self.footnotes()
        self.links()
        self.builds()

    def title(self) -> None:
        want = _plan_text(self.plan.title)
        if self.plan.kind == "title" and self.slide is not None and self.slide.kind == m.TITLE and want:
            # (a title slide of an author and a date only stays untitled, though the lecture's title
            # is then its first heading: the footer's and the document's)
            want = self.lecture.meta.title or want
        if squash(self.got.title) != squash(want):
            self.error(f'title: deck "{_short(self.got.title)}" but source "{_short(want)}"', "check-title")

    def expected_paras(self) -> list[tuple[str, int, str, Para | None]]:
        out: list[tuple[str, int, str, Para | None]] = []

        def visit(chunks):
            for c in chunks:
                if isinstance(c, TextChunk):
                    for p in c.paras:
                        out.append(
                            (
                                _plan_text(p.runs),
                                min(p.level, 8),
                                "paragraph" if p.bullet == Bullet.NONE else "bullet",
                                p,
                            )
                        )
                elif isinstance(c, ColumnsChunk):
                    for col, _ in c.columns:
                        visit(col)

        for p in self.plan.subtitle:
            out.append((_plan_text(p.runs), 0, "subtitle", None))
        visit(self.plan.chunks)
        return out

    def body(self) -> None:
        want = [w for w in self.expected_paras() if squash(w[0])]
        got = [g for g in self.got.paras if squash(g[0])]
        a, b = [squash(t) for t, _, _, _ in want], [squash(t) for t, _, _ in got]
        counts: dict[str, int] = {}
        names = []
        for _, _, kind, _ in want:
            counts[kind] = counts.get(kind, 0) + 1
            names.append(f"{kind} {counts[kind]}")
        same: dict[int, list[tuple[int, int]]] = {}  # deck frame -> its (source, deck) paragraphs alike
        for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
            if op == "equal":
                for i, j in zip(range(i1, i2), range(j1, j2)):
                    same.setdefault(got[j][2], []).append((i, j))
            elif op in ("replace", "delete"):
                for k, i in enumerate(range(i1, i2)):
                    j = j1 + k
                    if self._elsewhere(a[i]):
                        continue  # on the slide, in another box (a column, a caption between): not lost
                    if op == "replace" and j < j2:
                        self.error(
                            f'{names[i]}: deck "{_short(got[j][0])}" but source "{_short(want[i][0])}"',
                            "check-text",
                        )
                    else:
                        self.error(
                            f'{names[i]} "{_short(want[i][0])}" is missing from the deck', "check-text"
                        )

        for pairs in same.values():
            self._levels(want, got, names, pairs)

    def _levels(self, want, got, names, pairs: list[tuple[int, int]]) -> None:
        """Each paragraph's list level in one text frame of the deck: its own, or the one the writer
        gives it where LibreOffice would count a list on from an earlier one (deck.text.list_depths)."""
        paras = [want[i][3] for i, _ in pairs]
        written = list_depths(paras) if all(p is not None for p in paras) else [want[i][1] for i, _ in pairs]
        for (i, j), level in zip(pairs, written):
            if got[j][1] != level:
                self.error(
                    f'{names[i]} "{_short(want[i][0], 40)}": deck level {got[j][1] + 1} but source '
                    f"level {want[i][1] + 1}",
                    "check-text",
                )

    def _elsewhere(self, text: str) -> bool:
        return text in squash(self.got.text)

    def notes(self) -> None:
        want = "\n".join(self.plan.notes)
        if squash(want) != squash(self.got.notes):
            self.error(
                f'speaker notes: deck "{_short(self.got.notes)}" but source "{_short(want)}"', "check-notes"
            )

    def objects(self) -> None:
        blocks: list[Any] = []

        def visit(chunks):
            for c in chunks:
                if isinstance(c, ObjectChunk):
                    blocks.append(c.block)
                elif isinstance(c, ColumnsChunk):
                    for col, _ in c.columns:
                        visit(col)

        visit(self.plan.chunks)
        blocks += self.plan.placed  # (drawn after the body: see writer.write_slide)
        self.tables([b for b in blocks if isinstance(b, m.Table)])
        self.charts([b for b in blocks if isinstance(b, m.Chart)])
        self.equations(
            [b for b in blocks if isinstance(b, m.MathBlock) and math_points(b.tex, True)]
        )  # (as drawn)
        self.pictures([b for b in blocks if isinstance(b, m.Image) and b.path])
        self.listings(
            [b for b in blocks if isinstance(b, m.CodeBlock)]
            + [tex_listing(b) for b in blocks if isinstance(b, m.MathBlock) and not math_points(b.tex, True)]
        )

    def listings(self, listings: list[m.CodeBlock]) -> None:
        """Each listing line by line, as the deck shows it: its indentation kept, its line numbers left
        out (Pygments drops a listing's leading and trailing blank lines, in both outputs)."""
        for b in listings:
            if b.filename and squash(b.filename) not in squash(self.got.text):
                self.error(
                    f'code file name "{_short(b.filename)}" is missing from the deck', "check-text", b.pos
                )
        if len(listings) != len(self.got.code):  # (then which pairs with which is unknown: the count alone)
            self.error(
                f"the deck has {len(self.got.code)} code listing(s) but the source {len(listings)}",
                "check-objects",
            )
            return
        for k, (b, lines) in enumerate(zip(listings, self.got.code), start=1):
            want = b.code.strip("\n").split("\n")
            if b.first_line is not None:
                width = b.gutter() - 1
                lines = [line.removeprefix(f"{b.first_line + i:>{width}} ") for i, line in enumerate(lines)]
            got = [line.rstrip() for line in lines]
            for op, i1, i2, j1, j2 in difflib.SequenceMatcher(
                None, [w.rstrip() for w in want], got, autojunk=False
            ).get_opcodes():
                if op == "equal":
                    continue
                line = (b.first_line or 1) + i1  # (as shown: a listing's part on this slide, or its number)
                if i1 == i2:
                    what = f'line "{_code_line(got[j1])}" is not in the source'
                elif j1 == j2:  # (named by its first line with words: a blank one says little)
                    i = next((i for i in range(i1, i2) if want[i].strip()), i1)
                    what = f'line {line + i - i1} "{_code_line(want[i])}" is missing from the deck'
                else:
                    what = f'line {line}: deck "{_code_line(got[j1])}" but source "{_code_line(want[i1])}"'
                self.error(f"code listing {k}: {what}", "check-text", b.pos)
                break  # (one difference a listing: the rest follows from it)

    def tables(self, tables: list[m.Table]) -> None:
        if len(tables) != len(self.got.tables):
            self.error(
                f"the deck has {len(self.got.tables)} table(s) but the source {len(tables)}", "check-objects"
            )
        for k, (t, cells) in enumerate(zip(tables, self.got.tables), start=1):
            self.caption(t.caption, f"table {k}", "check-table", t.pos)
            want = [_plan_text(runs(c.content)) for row in m.drawn_rows(t) for c in row]
            ncols = max(len(t.header), 1)
            for i, (w, g) in enumerate(zip(want, cells)):
                if squash(w) != squash(g):
                    self.error(
                        f'table {k}, row {i // ncols + 1}, column {i % ncols + 1}: deck "{_short(g, 40)}" '
                        f'but source "{_short(w, 40)}"',
                        "check-table",
                        t.pos,
                    )
            if len(want) != len(cells):
                self.error(
                    f"table {k}: the deck has {len(cells)} cells but the source {len(want)}",
                    "check-table",
                    t.pos,
                )

    def charts(self, charts: list[m.Chart]) -> None:
        if len(charts) != len(self.got.charts):
            self.error(
                f"the deck has {len(self.got.charts)} chart(s) but the source {len(charts)}", "check-objects"
            )
        for k, (c, g) in enumerate(zip(charts, self.got.charts), start=1):
            name = f'chart {k} "{c.title}"' if c.title else f"chart {k}"
            if g.kind != c.kind:
                self.error(
                    f"{name}: deck draws a {g.kind} chart but source asks for {c.kind}", "check-chart", c.pos
                )
                continue
            if c.kind == m.ChartKind.SCATTER:
                xs = list(chart_axes(c).x_values)
                if [round(x, 6) for x in g.x_values] != [round(x, 6) for x in xs]:
                    self.error(
                        f"{name}: deck x values {_nums(g.x_values)} but source {_nums(xs)}",
                        "check-chart",
                        c.pos,
                    )
            elif [squash(x) for x in g.categories] != [squash(x) for x in c.categories]:
                self.error(
                    f"{name}: deck categories {g.categories} but source {list(c.categories)}",
                    "check-chart",
                    c.pos,
                )
            for s, (_, values) in zip(c.series, g.series):
                if [round(v, 6) for v in values] != [round(v, 6) for v in s.values]:
                    self.error(
                        f'{name}, series "{s.name}": deck {_nums(values)} but source {_nums(s.values)}',
                        "check-chart",
                        c.pos,
                    )

    def equations(self, equations: list[m.MathBlock]) -> None:
        if len(equations) != len(self.got.equations):
            self.error(
                f"the deck has {len(self.got.equations)} equation(s) but the source {len(equations)}",
                "check-objects",
            )
        for b, tex in zip(equations, self.got.equations):
            if tex != b.tex:
                self.error(
                    f'equation: deck "{_short(tex)}" but source "{_short(b.tex)}"', "check-math", b.pos
                )

    def pictures(self, pictures: list[m.Image]) -> None:
        # a picture the deck could not draw is a placeholder box naming it; the build warned about it
        # ([bad-image]) at its line, so it is left out here rather than reported as a lost picture
        placeholders = set(self.got.missing_pictures)
        pictures = [b for b in pictures if f"[{missing_text(b.src)}]" not in placeholders]
        got = self.got.pictures
        if len(pictures) != len(got):
            self.error(f"the deck has {len(got)} picture(s) but the source {len(pictures)}", "check-objects")
        for b, g in zip(pictures, got):
            if g.description != b.alt:
                self.error(
                    f'picture {b.src}: deck alt text "{_short(g.description)}" but source "{_short(b.alt)}"',
                    "check-picture",
                    b.pos,
                )
            if g.sha256 != _deck_image_hash(b.path):
                self.error(
                    f"picture {b.src}: the deck's picture is not the file's content", "check-picture", b.pos
                )
            self.caption(b.caption, f"picture {b.src}", "check-picture", b.pos)

    def caption(self, caption: m.Inlines, what: str, code: str, pos: m.SourcePos) -> None:
        """A picture's or table's caption must be somewhere on the deck's slide."""
        said = squash(_plan_text(runs(caption)))
        if said and said not in squash(self.got.text):
            self.error(
                f'{what}: caption "{_short(m.plain_text(caption))}" is missing from the deck', code, pos
            )

    def links(self) -> None:
        found: list[tuple[str, str]] = []

        def paras(ps) -> None:
            found.extend((r.link, r.text) for p in ps for r in p.runs if r.link and _web(r.link))

        def visit(chunks) -> None:
            for c in chunks:
                if isinstance(c, TextChunk):
                    paras(c.paras)
                elif isinstance(c, ColumnsChunk):
                    for col, _ in c.columns:
                        visit(col)
                else:
                    found.extend(model_links((c.block,)))

        paras([Para(self.plan.title)])
        paras(self.plan.subtitle)
        visit(self.plan.chunks)
        paras(self.plan.footnotes)
        found.extend(model_links(self.plan.placed))
        compare_links(found, self.got.links, "deck", self.error)

    def footnotes(self) -> None:
        want = "".join(_plan_text(p.runs) for p in self.plan.footnotes)
        if squash(want) != squash(self.got.footnotes):
            self.error(
                f'footnotes: deck "{_short(self.got.footnotes)}" but source "{_short(want)}"',
                "check-footnote",
            )

    def builds(self) -> None:
        steps: set[int] = set()

        def visit(chunks):
            for c in chunks:
                if isinstance(c, TextChunk):
                    steps.update(p.step for p in c.paras if p.step > 0)
                elif isinstance(c, ColumnsChunk):
                    for col, _ in c.columns:
                        visit(col)
                elif c.step > 0:
                    steps.add(c.step)

        visit(self.plan.chunks)
        if len(steps) != self.got.clicks:
            self.error(
                f"builds: the deck shows the slide in {self.got.clicks + 1} click step(s) but the source "
                f"in {len(steps) + 1}",
                "check-builds",
            )


_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:")


def _web(url: str) -> str:
    """An address as compared, its percent-escapes read; "" for one without a scheme (a file beside the
    lecture, which the handout resolves against its folder) and for a link inside the lecture."""
    return unquote(url) if _SCHEME.match(url) else ""


def model_links(nodes: Any) -> list[tuple[str, str]]:
    """(address, words) of every web or mail link of ``nodes``: links, and pictures wrapped in one."""
    out = []
    for n in m.walk(nodes):
        if isinstance(n, m.Link) and _web(n.url):
            out.append((n.url, m.plain_text(n.children)))
        elif isinstance(n, m.Image) and n.link and _web(n.link):
            out.append((n.link, "picture " + (n.alt or Path(n.src).name)))
    return out


def compare_links(want: list[tuple[str, str]], got: list[str], output: str, error: Any) -> None:
    """Every address the source links (``want``: address, words) must be one the output's links open;
    when as many addresses are missing as the output has that the source has nowhere, each is reported
    as changed to its counterpart in order, else as missing."""
    have = {_web(u) for u in got}
    wanted = {_web(u) for u, _ in want}
    missing = list(dict.fromkeys((u, w) for u, w in want if _web(u) not in have))
    extra = list(dict.fromkeys(u for u in got if _web(u) not in wanted))
    paired = len(missing) == len(extra)  # (each changed address beside its new one, in order)
    for k, (url, words) in enumerate(missing):
        name = f'link "{_short(words, 40)}"' if words.strip() else "link"
        if paired:
            error(f'{name}: {output} opens "{_short(extra[k])}" but source "{_short(url)}"', "check-link")
        else:
            error(f'{name} to "{_short(url)}" is missing from the {output}', "check-link")


def _nums(values: Any) -> str:
    return "[" + ", ".join(f"{v:g}" for v in values) + "]"


def _deck_image_hash(path: str | None) -> str:
    """Return the hash the deck's embedded picture has when it holds the file unchanged."""
    if path is None:
        return ""
    try:
        data = Path(path).read_bytes()
    except OSError:
        return ""
    try:
        if path.lower().endswith(".svg"):  # the deck embeds the SVG as Podium's sanitiser leaves it
            data = sanitize(data)
        else:  # ... and a WebP picture as PNG
            data = converted_picture(path) or data
    except Exception:
        return ""
    return hashlib.sha256(data).hexdigest()


def _image_pixels(path: str) -> tuple[str, bytes | None] | None:
    """Return the pixel hash of a raster picture file turned as its EXIF orientation says (as the
    handout shows it) and, for a JPEG (which may be encoded again), its thumbnail; None for SVG, or
    a file Pillow cannot read."""
    if path.lower().endswith(".svg"):
        return None
    try:
        with Image.open(path) as im:
            upright = ImageOps.exif_transpose(im)
            return pixel_hash(upright), thumbnail(upright) if im.format == "JPEG" else None
    except Exception:
        return None


class HandoutComparison:
    """Compare one handout entry with its source slide (and its deck slides, for what must differ)."""

    def __init__(
        self,
        lecture: m.Lecture,
        slide: m.Slide,
        entry: HandoutEntry,
        deck: list[DeckSlide],
        diags: Diagnostics,
        notes: bool = True,
        folds: dict[int, str] | None = None,
        positions: list[int] | None = None,
    ):
        self.lecture, self.slide, self.entry, self.deck, self.diags = lecture, slide, entry, deck, diags
        self.notes = notes
        self.folds = folds or {}  # (the handout's characters drawn by one glyph: Handout.folds)
        # (named by its places in the handout, its "(cont.)" parts counted, as the deck numbers them)
        self.where = _label(slide, lecture, positions or [slide.number])

    def error(self, what: str, code: str, pos: m.SourcePos | None = None) -> None:
        self.diags.error(f"{self.where}: {what}", pos or self.slide.pos, code)

    def said(self, piece: str) -> str:
        """``piece`` squashed as the handout's text is: characters one glyph draws there folded to one."""
        return squash(piece.translate(self.folds) if self.folds else piece)

    def found(self, piece: str) -> bool:
        """Is ``piece`` in the handout's text?  In a right-to-left lecture a line mixing scripts comes
        back from the PDF in the order it is drawn ("def f(n):" beside Arabic as ":(n(f def"), so there
        each of its words is looked for on its own, also reversed, as PDFium may read a line of mixed
        scripts from its right end ("O(n²)" as "²n(O)"); right-to-left letters are not compared at all).
        So is a piece with right-to-left letters in any lecture (an Arabic quotation in quotation marks
        comes back as ``طالب …“`` … ``”.أو``)."""
        if found_in(self.said(piece), self.entry.text):
            return True
        if self.lecture.meta.direction is not m.Direction.RTL and not any(
            unicodedata.bidirectional(ch) in ("R", "AL") for ch in piece
        ):
            return False
        words = [w for w in (self.said(x) for x in re.split(r"[\W_]+", piece)) if w]
        return all(w in self.entry.text or w[::-1] in self.entry.text for w in words)  # (read right to left)

    def run(self) -> None:
        s = self.slide
        if s.kind == m.TITLE:  # the cover: metadata, not slide text; its own notes and handout text follow it
            if self.notes:
                self.text(s.notes, "speaker note", "check-notes")
            self.text(s.handout, "handout text", "check-handout")
            return
        self.text(_visible(s.body), "slide text", "check-text")
        if self.notes:
            self.text(s.notes, "speaker note", "check-notes")
        self.text(s.handout, "handout text", "check-handout")
        for f in s.footnotes:
            self.text(f.blocks, f"footnote {f.number}", "check-footnote")
        self.slides_only()
        self.handout_only()
        self.figures()
        shown = [*_visible(s.body), *(s.notes if self.notes else ()), *s.handout]
        shown += [b for f in s.footnotes for b in f.blocks]
        compare_links(model_links(shown), self.entry.links, "handout", self.error)

    def text(self, blocks: m.Blocks, what: str, code: str) -> None:
        for piece, pos, kind in text_pieces(blocks, self.slide.pos):
            if self.said(piece) and not self.found(piece):
                name = what if kind == "paragraph" else f"{what}, {kind}"
                self.error(f'{name} "{_short(piece)}" is missing from the handout', code, pos)

    def slides_only(self) -> None:
        for node in m.walk(self.slide.body):
            if isinstance(node, m.SlidesOnly):
                for piece, pos, _ in text_pieces(node.blocks, node.pos):
                    if len(self.said(piece)) >= 12 and self.said(piece) in self.entry.text:
                        self.error(
                            f'slides-only text "{_short(piece)}" is in the handout', "check-handout", pos
                        )

    def handout_only(self) -> None:
        # (a piece leaked onto the deck is a whole line there; the same words inside a longer line are
        # the lecturer's own, as a slide that names the next subsection's title: only a long piece counts)
        deck_lines = [squash(line) for d in self.deck for line in (d.text + "\n" + d.notes).split("\n")]
        deck_lines = [line for line in deck_lines if line]
        for piece, pos, _ in text_pieces(self.slide.handout, self.slide.pos):
            said = squash(piece)
            if len(said) >= 12 and any(
                said == line or (len(said) >= _LONG_PIECE and said in line) for line in deck_lines
            ):
                self.error(f'handout-only text "{_short(piece)}" is on the deck', "check-handout", pos)

    def figures(self) -> None:
        alts = {_norm_alt(a) for a in self.entry.alts}
        shown = (
            *_visible(self.slide.body),
            *self.slide.notes,
            *self.slide.handout,
            *(b for f in self.slide.footnotes for b in f.blocks),
        )
        for node in m.walk(shown):
            if isinstance(node, (m.MathBlock, m.InlineMath)):
                drawn = (
                    math_points(node.tex, isinstance(node, m.MathBlock)) is not None
                )  # (else its TeX, warned)
                if drawn and _norm_alt(node.tex) not in alts:
                    self.error(
                        f'equation "{_short(node.tex)}" is not in the handout',
                        "check-math",
                        getattr(node, "pos", self.slide.pos),
                    )
            elif isinstance(node, m.Chart):
                want = chart_alt(node)
                if _norm_alt(want) not in alts:
                    self.error(_chart_diff(node, want, self.entry.alts), "check-chart", node.pos)
            elif isinstance(node, m.Image) and node.path:
                if node.alt and _norm_alt(node.alt) not in alts:
                    near = [a for a in self.entry.alts if not a.startswith(_CHART_ALT_PREFIXES)]
                    self.error(
                        f'picture {node.src}: alt text "{_short(node.alt)}" is not in the handout'
                        + (f' (it has "{_short(near[0])}")' if len(near) == 1 else ""),
                        "check-picture",
                        node.pos,
                    )
                pixels = _image_pixels(node.path)
                if pixels is not None and not (
                    pixels[0] in self.entry.images
                    or (
                        pixels[1] is not None and any(same_thumbnail(pixels[1], t) for t in self.entry.thumbs)
                    )
                ):
                    self.error(
                        f"picture {node.src}: "
                        + (
                            "the handout shows a different picture"
                            if self.entry.images
                            else "the picture is not in the handout"
                        ),
                        "check-picture",
                        node.pos,
                    )
                if not all(self.found(p) for p in inline_pieces(node.caption)):
                    self.error(
                        f'picture {node.src}: caption "{_short(m.plain_text(node.caption))}" is missing '
                        "from the handout",
                        "check-picture",
                        node.pos,
                    )


_MIN_PART = 6  # after an interruption, text must go on for this many characters to count as found


def found_in(piece: str, text: str, interruptions: int = 4) -> bool:
    """True when squashed ``piece`` is in ``text``, whole or in order in up to a few parts.

    A paragraph broken over a page, or drawn around a picture or a twin in a grid, comes back from
    the PDF with other text between its parts.  Each part after the first must be at least a few
    characters long, so a changed final digit is not "found" in some other number.
    """
    if piece in text:
        return True
    start, rest = 0, piece
    for _ in range(interruptions + 1):
        lo, hi = 0, len(rest)
        while lo < hi:  # the longest prefix of rest that occurs after start
            mid = (lo + hi + 1) // 2
            if text.find(rest[:mid], start) >= 0:
                lo = mid
            else:
                hi = mid - 1
        if lo < min(_MIN_PART, len(rest)) or (lo == len(rest) and start and lo < _MIN_PART):
            return False
        if lo == len(rest):
            return True
        start = text.find(rest[:lo], start) + lo
        rest = rest[lo:]
    return False


_LONG_PIECE = 60  # (squashed characters: a handout piece this long inside a deck line is that piece shown)


def _norm_alt(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())


_CHART_ALT_PREFIXES = tuple(f"{k.value.capitalize()} chart" for k in m.ChartKind)


def _chart_diff(chart: m.Chart, want: str, alts: list[str]) -> str:
    """Say how the handout's drawing of ``chart`` differs from the source, naming the value."""

    name = f'chart "{chart.title}"' if chart.title else "chart"
    candidates = [a for a in alts if a.startswith(_CHART_ALT_PREFIXES)]
    if not candidates:
        return f"{name} is missing from the handout"
    best = max(candidates, key=lambda a: difflib.SequenceMatcher(None, a, want).ratio())
    if best.split(".", 1)[0] != want.split(".", 1)[0]:
        return (
            f'{name}: handout "{_short(best.split(".", 1)[0])}" but source "{_short(want.split(".", 1)[0])}"'
        )
    got, wanted = parse_chart_alt(best), parse_chart_alt(want)
    for series, pairs in wanted.items():
        theirs = dict(got.get(series, []))
        for category, value in pairs:
            if category not in theirs:
                return f'{name}, series "{series}": {category} is missing from the handout'
            if round(theirs[category], 6) != round(value, 6):
                return f'{name}, series "{series}", {category}: handout {theirs[category]:g} but source {value:g}'
    return f'{name}: handout "{_short(best)}" but source "{_short(want)}"'


def _visible(blocks: m.Blocks) -> m.Blocks:
    """Return ``blocks`` without what the handout leaves out (slides-only blocks)."""
    return m.transform_all(blocks, lambda n: None if isinstance(n, m.SlidesOnly) else n)


_MARK = "\x00"


def inline_pieces(inlines: m.Inlines) -> list[str]:
    """Return the written text of ``inlines`` in runs, cut where math or a footnote mark interrupts it
    and at a line break (where a slide too full goes on on the next: pseudocode's lines, a poem's)."""
    parts = []
    for n in m.walk(inlines):
        if isinstance(n, (m.InlineMath, m.FootnoteRef, m.LineBreak)):
            parts.append(_MARK)
        elif isinstance(n, (m.Text, m.Code)):
            parts.append(n.text)
    return [p for p in "".join(parts).split(_MARK) if p.strip()]


def text_pieces(blocks: m.Blocks, pos: m.SourcePos) -> list[tuple[str, m.SourcePos, str]]:
    """Return the runs of text of ``blocks`` as a reader sees them: (text, block position, what it is).

    A run ends where something drawn rather than written interrupts it (math, a footnote mark),
    and at each paragraph, list item, table cell and code line: the handout may set those apart.
    """
    out: list[tuple[str, m.SourcePos, str]] = []

    def add(inlines: m.Inlines, at: m.SourcePos, kind: str) -> None:
        out.extend((t, at, kind) for t in inline_pieces(inlines))

    def visit(nodes, at, kind):
        for n in nodes:
            at_n = getattr(n, "pos", at)
            if isinstance(n, m.Paragraph):
                add(n.content, at_n, kind)
            elif isinstance(n, m.Heading):
                add(n.content, at_n, "heading")
            elif isinstance(n, m.ListItem):
                visit(n.blocks, at_n, "bullet")
            elif isinstance(n, m.Quote):
                visit(n.blocks, at_n, "quotation")
                add(n.attribution, at_n, "attribution")
            elif isinstance(n, m.Table):
                for row in m.drawn_rows(n):
                    for c in row:
                        add(c.content, at_n, "table cell")
                add(n.caption, at_n, "table caption")
            elif isinstance(n, m.Image):
                add(n.caption, at_n, "caption")
            elif isinstance(n, m.CodeBlock):
                out.extend([(n.filename, at_n, "code file name")] if n.filename else [])
                out.extend((line, at_n, "code line") for line in n.code.splitlines())
            elif isinstance(n, (m.Chart, m.MathBlock, m.SlidesOnly)):
                continue  # charts and equations are drawn; slides-only blocks are not the handout's
            else:
                visit(m.children(n), at_n, kind)

    visit(blocks, pos, "paragraph")
    return [(t.strip(), p, k) for t, p, k in out if t.strip()]
