"""``build.py check``: read both outputs back as their users' programs would and compare.

The deck is read with python-pptx, the handout with pypdf (its text and its outline, where each
slide has a bookmark "N. Title").  Both are compared with the source's IR: the same number of
slides, the same titles in the same order, every speaker note present in both, every table cell
and chart value present in both.  Differences are errors at the slide's source line.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from . import model as m
from .diagnostics import BuildError, Diagnostics
from .pdfread import open_pdf
from .pipeline import BuildOptions, deck_path, handout_path, load


def squash(text: str) -> str:
    """Return ``text`` normalised for comparison: NFKC, no whitespace, no soft hyphens, lower case."""
    text = unicodedata.normalize("NFKC", text).replace("\u00ad", "")
    text = text.replace("“", '"').replace("”", '"').replace("’", "'").replace("‘", "'")
    return re.sub(r"\s+", "", text).lower()


def frame_text(tf) -> str:
    """A text frame's text as python-pptx gives it, with inline Office math read as its fallback text."""
    a = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
    paras = []
    for p in tf._txBody.iter(a + "p"):
        paras.append("".join("\v" if el.tag == a + "br" else (el.text or "")
                             for el in p.iter(a + "t", a + "br")))
    return "\n".join(paras)


def read_deck(path: Path) -> list[dict]:
    """Return, per slide, its title, notes, table cells and chart values as python-pptx sees them."""
    from pptx import Presentation

    prs = Presentation(str(path))
    out = []
    for slide in prs.slides:
        title = frame_text(slide.shapes.title.text_frame) if slide.shapes.title is not None else ""
        notes = slide.notes_slide.notes_text_frame.text if slide.has_notes_slide else ""
        tables, charts, texts, columns = [], [], [], []
        for shape in sorted(slide.shapes, key=lambda sh: sh.shape_id):
            if shape.has_table:
                tables.append([c.text for row in shape.table.rows for c in row.cells])
                columns.append(len(shape.table.columns))
            if getattr(shape, "has_chart", False) and shape.has_chart:
                charts.append([v for plot in shape.chart.plots for s in plot.series for v in s.values
                               if v is not None])
            if shape.has_text_frame and shape != slide.shapes.title:
                texts.append(frame_text(shape.text_frame))
        out.append({"title": title, "notes": notes, "tables": tables, "charts": charts, "texts": texts,
                    "columns": columns})
    return out


def read_handout(path: Path) -> tuple[list[str], str]:
    """Return (outline titles in order, whole text) of the handout PDF, as pypdf reads them."""

    reader = open_pdf(path)  # a long tagged handout passes pypdf's default element caps
    titles: list[str] = []

    def walk(items):
        for it in items:
            if isinstance(it, list):
                walk(it)
            else:
                titles.append(str(it.title))

    walk(reader.outline)
    text = "\n".join(page.extract_text() or "" for page in reader.pages)
    return titles, text


def _fmt(v: float) -> str:
    from .handout.chartsvg import _fmt as fmt

    return fmt(v)


def check_outputs(source: Path, options: BuildOptions, diags: Diagnostics, lecture: m.Lecture | None = None) -> None:
    """Compare the written deck and handout of ``source`` with it and with each other (``lecture``: the
    lecture already read by the build that wrote them)."""
    if lecture is None:
        lecture, _ = load(source, options, Diagnostics())
    from .template_folders import load_template

    template = load_template(options.template or lecture.meta.template, Diagnostics())
    deck_file, pdf_file = deck_path(source, options.out_dir), handout_path(source, options.out_dir)
    for f, cmd in ((deck_file, "slides"), (pdf_file, "handout")):
        if not f.is_file():
            raise BuildError(diags, f"{f} does not exist; run 'python build.py {cmd}' first",
                             m.SourcePos(lecture.path, 1), "check-missing")
    try:
        deck = read_deck(deck_file)
    except Exception as e:  # a corrupt file: say so rather than crash
        raise BuildError(diags, f"{deck_file} cannot be read as a PowerPoint file: {e}", None, "check-read") from None
    try:
        outline, text = read_handout(pdf_file)
    except Exception as e:
        raise BuildError(diags, f"{pdf_file} cannot be read as a PDF: {e}", None, "check-read") from None
    deck, outline = join_parts(lecture, template, options, deck, outline)
    compare(lecture, deck, outline, text, diags, str(deck_file), str(pdf_file), _has_notes(pdf_file))
    from .variant_check import check_student_outputs, student_files

    check_student_outputs(lecture, student_files(source, options.out_dir), diags)  # no answers for students
    diags.raise_if_errors()


def _has_notes(pdf: Path) -> bool:
    """False for a handout laid out as a grid of slides (its PDF keywords say so): it shows no notes."""
    from pypdf import PdfReader

    try:
        return "podium-layout:grid" not in str((PdfReader(str(pdf)).metadata or {}).get("/Keywords", ""))
    except Exception:
        return True


def join_parts(lecture: m.Lecture, template, options: BuildOptions, deck: list[dict], outline: list[str]):
    """Join the continuation slides ("Title (cont.)") the fitter made back into one slide per source slide.

    The fitted plan says which deck slides are parts of one source slide; a part's table rows follow
    the first part's (its repeated header row left out), its texts and charts are added.  The
    handout's entries of later parts are left out of the outline the same way.
    """
    from .pipeline import fitted_plans
    from .variants import apply_variant

    plans = fitted_plans(apply_variant(lecture, options.variant or "instructor"), template, options, Diagnostics())
    if len(plans) != len(deck) or all(p.parts == 1 for p in plans):
        return deck, outline
    joined: list[dict] = []
    for plan, slide in zip(plans, deck):
        if plan.part == 1 or not joined:
            joined.append({k: (list(v) if isinstance(v, list) else v) for k, v in slide.items()})
            continue
        last = joined[-1]
        last["texts"] += slide["texts"]
        last["charts"] += slide["charts"]
        for cells, ncols in zip(slide["tables"], slide["columns"]):
            prev = last["tables"][-1] if last["tables"] else None
            if prev is not None and cells[:ncols] == prev[:ncols]:  # the header row, repeated
                last["tables"][-1] = prev + cells[ncols:]
            else:
                last["tables"].append(cells)
    numbered = [k for k, t in enumerate(outline) if re.match(r"^\d+\.", t)]
    if len(numbered) == len(plans):
        drop = {numbered[i] for i, p in enumerate(plans) if p.part > 1}
        outline = [t for k, t in enumerate(outline) if k not in drop]
    return joined, outline


def compare(lecture: m.Lecture, deck: list[dict], outline: list[str], text: str, diags: Diagnostics,
            deck_name: str = "deck", pdf_name: str = "handout", handout_notes: bool = True) -> None:
    """Report every difference between the IR, the deck's slides and the handout's outline and text.

    The deck is the lecturer's (instructor-only text in its notes); the handout the students' (answers
    as blanks), so each is compared with that version of the lecture.
    """
    from .labels import labels_for
    from .variants import apply_variant, instructor_notes

    slides = lecture.slides
    student = apply_variant(lecture, "student").slides
    untitled = labels_for(lecture.meta.lang)["slide_n"]
    if len(deck) != len(slides):
        diags.error(f"{deck_name} has {len(deck)} slides but the source makes {len(slides)}; rebuild the deck",
                    m.SourcePos(lecture.path, 1), "check-count")
    entries = [t for t in outline if re.match(r"^\d+\.", t)]
    if len(entries) != len(slides):
        diags.error(f"{pdf_name} has {len(entries)} slides but the source makes {len(slides)}; rebuild the handout",
                    m.SourcePos(lecture.path, 1), "check-count")
    body = squash(text)
    for i, s in enumerate(slides):
        want = m.plain_text(s.title)
        if s.kind == m.TITLE:
            want = lecture.meta.title
        if i < len(deck) and squash(deck[i]["title"]) != squash(want):
            diags.error(f"slide {s.number}: the deck's title is '{deck[i]['title']}' but the source says '{want}'",
                        s.pos, "check-title")
        if i < len(entries):
            got = re.sub(r"^\d+\.\s*", "", entries[i])
            if squash(got) != squash(want or untitled.format(n=s.number)):
                diags.error(f"slide {s.number}: the handout's title is '{got}' but the source says '{want}'", s.pos,
                            "check-title")
        notes = "\n".join([m.blocks_text(s.notes), *instructor_notes(s, lecture.meta.lang)])
        if notes.strip():
            if i < len(deck) and squash(notes) != squash(deck[i]["notes"]):
                diags.error(f"slide {s.number}: the deck's speaker notes differ from the source", s.pos,
                            "check-notes")
            for para in _text_pieces(student[i].notes) if handout_notes else ():
                if squash(para) and squash(para) not in body:
                    diags.error(f"slide {s.number}: the handout lacks the speaker note '{para[:50]}…'", s.pos,
                                "check-notes")
                    break
        objects = list(_objects(s.body))
        tables = [b for b in objects if isinstance(b, m.Table)]
        charts = [b for b in objects if isinstance(b, m.Chart)]
        if i < len(deck) and (len(deck[i]["tables"]), len(deck[i]["charts"])) != (len(tables), len(charts)):
            diags.error(f"slide {s.number}: the deck has {len(deck[i]['tables'])} table(s) and "
                        f"{len(deck[i]['charts'])} chart(s) but the source has {len(tables)} and {len(charts)}",
                        s.pos, "check-objects")
        for b in objects:
            if isinstance(b, m.Table):
                want_cells = [m.plain_text(c.content) for r in (b.header, *b.rows) for c in r]
                k = tables.index(b)
                got_cells = deck[i]["tables"][k] if i < len(deck) and k < len(deck[i]["tables"]) else []
                if i < len(deck) and [squash(c) for c in got_cells] != [squash(c) for c in want_cells]:
                    diags.error(f"slide {s.number}: the deck's table cells differ from the source", b.pos,
                                "check-table")
                missing = [c for c in want_cells if squash(c) and squash(c) not in body]
                if missing:
                    diags.error(f"slide {s.number}: the handout's table lacks '{missing[0]}'", b.pos, "check-table")
            if isinstance(b, m.Chart):
                want_values = [v for ser in b.series for v in ser.values]
                k = charts.index(b)
                got = deck[i]["charts"][k] if i < len(deck) and k < len(deck[i]["charts"]) else []
                if [round(v, 6) for v in got] != [round(v, 6) for v in want_values]:
                    diags.error(f"slide {s.number}: the deck's chart values {got} differ from the source's "
                                f"{want_values}", b.pos, "check-chart")
                missing = [v for v in want_values if squash(_fmt(v)) not in body]
                if missing:
                    diags.error(f"slide {s.number}: the handout's chart lacks the value {missing[0]:g}", b.pos,
                                "check-chart")


def _text_pieces(blocks: m.Blocks) -> list[str]:
    """Return the runs of plain text in ``blocks``, split where math (drawn, not text) interrupts them."""
    marker = "\x00"

    def strip_math(inlines: m.Inlines) -> m.Inlines:
        out: list = []
        for x in inlines:
            if isinstance(x, m.InlineMath):
                out.append(m.Text(marker))
            elif hasattr(x, "children"):
                out.append(type(x)(*((strip_math(x.children),) + tuple(getattr(x, f) for f in x.__slots__[1:]))))
            else:
                out.append(x)
        return tuple(out)

    pieces: list[str] = []
    for b in blocks:
        if isinstance(b, (m.Paragraph, m.Heading)):
            pieces += m.plain_text(strip_math(b.content)).split(marker)
        elif isinstance(b, m.BulletList):
            for item in b.items:
                pieces += _text_pieces(item.blocks)
        elif isinstance(b, (m.Quote, m.Div)):
            pieces += _text_pieces(b.blocks)
        elif isinstance(b, m.MathBlock):
            continue
        else:
            pieces += m.blocks_text((b,)).split("\n")
    return [p for p in pieces if p.strip()]


def _objects(blocks: m.Blocks):
    for b in blocks:
        if isinstance(b, (m.Table, m.Chart)):
            yield b
        elif isinstance(b, m.Columns):
            for c in b.columns:
                yield from _objects(c.blocks)
        elif isinstance(b, m.Div):
            yield from _objects(b.blocks)
