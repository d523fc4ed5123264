"""IR + Jinja templates → the handout's HTML (escaped; no raw HTML from content ever passes).

The template skeleton is ``base.html.j2`` with named blocks (``head``, ``style``, ``cover``,
``toc``, ``slides``, ``slide``, ``twin``, ``notes``, ``handout_text``, ``footnotes``); a
template overrides one block in a small file that ``{% extends "base.html.j2" %}``.  Block
content of slides is rendered here to HTML fragments (``Markup``), from the same IR the deck
renderer reads.
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

import jinja2
from markupsafe import Markup

from .. import model as m
from ..budget import step
from ..deck.contrast import page_chunks, page_runs
from ..deck.plan import ObjectChunk, TextChunk, TypeSizes, plan_deck, runs, walk_chunks
from ..diagnostics import BuildError, Diagnostics
from ..jinjaguard import LimitedSandbox
from ..jinjaguard import render as render_guarded
from ..labels import labels_for, untitled_name
from ..rendering import renderable
from ..template_folders import Template
from .chartsvg import CHART_KINDS
from .decklook import logo_path
from .nodehtml import HtmlRenderer
from .options import HandoutOptions
from .planhtml import chunks_html, runs_html
from .slidespdf import SlideDrawer

# Every node type the handout shows (tests/test_rendering.py proves each one is drawn); any other is
# reported [not-rendered] by render_html.  SlidesOnly is shown by leaving it out: that is its meaning.
HANDOUT_NODES = frozenset(
    {
        m.Text,
        m.Strong,
        m.Emph,
        m.Strike,
        m.Code,
        m.Link,
        m.InlineMath,
        m.FootnoteRef,
        m.LineBreak,
        m.Span,
        m.Paragraph,
        m.Heading,
        m.BulletList,
        m.ListItem,
        m.CodeBlock,
        m.Quote,
        m.Table,
        m.TableCell,
        m.Image,
        m.Columns,
        m.Column,
        m.Chart,
        m.MathBlock,
        m.Pause,
        m.SlidesOnly,
        m.Div,
        m.Footnote,
        m.Slide,
    }
)


def _footnote_item(f: m.Footnote, r) -> str:
    """A footnote as a list item, with its own number (markers, not counters: a slide's footnotes the
    text cites are numbered on from the ones on the slide)."""
    return f'<li value="{f.number}" style="list-style-type: \'{f.number}. \'">{r.blocks(f.blocks)}</li>'


def environment(template: Template) -> jinja2.Environment:
    """Return the Jinja environment whose loader follows the template chain (most specific first)."""
    return _environment(tuple(str(d) for d in template.handout_dirs))


class ConfinedLoader(jinja2.FileSystemLoader):
    """A FileSystemLoader that refuses files whose real path leaves its folders (symlinks out)."""

    def get_source(self, environment, template):
        source, filename, uptodate = super().get_source(environment, template)
        real = Path(os.path.realpath(filename))
        roots = [Path(os.path.realpath(p)) for p in self.searchpath]
        if not any(r in real.parents for r in roots):
            raise jinja2.exceptions.SecurityError(f"template '{template}' leads outside the template folders")
        return source, filename, uptodate


@lru_cache(maxsize=16)
def _environment(dirs: tuple[str, ...]) -> jinja2.Environment:
    """One environment per template chain, so compiled templates are reused across lectures."""
    # sandboxed: a template from a colleague cannot reach Python's internals
    env = LimitedSandbox(
        loader=ConfinedLoader(list(dirs)),
        autoescape=True,
        undefined=jinja2.ChainableUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    return env


def grid_geometry(per_page: int, ratio: float) -> dict:
    """Return the grid layout's columns, twin width (mm) and type size (pt) for ``per_page`` slides.

    A4 portrait (landscape for one slide a page), with room for the page header; slides keep
    their true aspect ``ratio``; three a page leave ruled lines for notes beside each slide.
    """
    ratio = ratio or 16 / 9
    if per_page == 1:
        avail_w, avail_h, cols, rows = 263.0, 160.0, 1, 1
    else:
        avail_w, avail_h = 176.0, 240.0
        cols, rows = {2: (1, 2), 3: (1, 3), 4: (2, 2), 6: (2, 3), 9: (3, 3)}.get(per_page, (2, 3))
    gap = 4.0  # two 1 mm margins and a little room, so a row never wraps
    width = (avail_w - gap * cols) / cols
    if per_page == 3:
        width = 96.0  # the rest of the line is ruled for notes
    width = min(width, (avail_h - 6.0 * rows) / rows * ratio)
    return {
        "cols": cols,
        "width": round(width, 1),
        "height": round(width / ratio, 1),
        "font": round(8.2 * width / 102.0, 2),
    }


def _text_footnotes(slide: m.Slide, first: bool, final: bool) -> list[m.Footnote]:
    """The footnotes of ``slide`` that only its notes or handout text cite, for one of its parts: those
    its notes cite with the notes (the ``first`` part), the rest with the handout text (the ``final``)."""
    drawn = m.on_the_slide(slide)
    noted = {n.number for n in m.walk(slide.notes) if type(n) is m.FootnoteRef}
    return [
        f
        for f in slide.footnotes
        if f not in drawn and ((first and f.number in noted) or (final and f.number not in noted))
    ]


def _kind(plan) -> str:
    """The handout's kind of entry for a plan: title, section or content (a ``standout`` slide, beamer's
    closing "Thank you!", is drawn as a section slide but begins no section)."""
    kind = str(getattr(plan.kind, "value", plan.kind))
    if kind == m.SECTION and plan.source is not None and "standout" in plan.source.classes:
        return m.CONTENT
    return kind if kind in (m.TITLE, m.SECTION) else m.CONTENT


def context(
    lecture: m.Lecture, template: Template, diags: Diagnostics, plans=None, options=None, fit=None
) -> dict:
    """Return the documented context the handout templates receive.

    Entries come from the deck's slide plans (``plans``; planned here when not given), one per
    slide of the deck, so continuation slides and every decision of the plan reach the handout.
    The notes and handout text of a source slide go with its first plan.
    """

    options = options or HandoutOptions()
    if plans is None:
        plans = plan_deck(lecture)

    r = HtmlRenderer(template, diags)
    meta = lecture.meta
    labels = labels_for(meta.lang, template.theme.labels)
    page = template.palette.get("background", "#FFFFFF")
    drawer = SlideDrawer(lecture, template, diags, fit)  # fit: drawings measured too full (drawfit)
    layout = options.layout.value
    twin_heading = {"grid": "h2", "script": "p"}.get(layout, "h3")
    ratio = drawer.look.ratio
    grid = grid_geometry(options.per_page, ratio)
    twin_w = {"grid": grid["width"], "script": 62.0}.get(layout, 102.0)
    twin = {
        "width": round(twin_w, 2),
        "height": round(twin_w / ratio, 2),
        "scale": round(twin_w * 72 / 25.4 / drawer.size_pt[0], 5),
    }
    sections: list[dict] = []
    current = None
    levels: list[int] = []  # the heading levels of the sections the next one may be inside
    # (the sections without a slide of their own, `section-titles: false`: by the slide they begin at)
    unshown: dict[int, list[m.Section]] = {}
    for sec in lecture.sections:
        if not sec.header:
            unshown.setdefault(sec.slide, []).append(sec)

    def open_section(sec: m.Section | None, title: str, position: int, anchor: str) -> dict:
        """A section's entry of the contents, at its depth: under the last section of a lower level."""
        level = sec.level if sec is not None else 1
        while levels and levels[-1] >= level:
            levels.pop()
        levels.append(level)
        entry = {"title": title, "number": position, "anchor": anchor, "slides": [], "depth": len(levels)}
        if sec is None or sec.listed:
            sections.append(entry)
        return entry

    slides = []
    seen: set[int] = set()
    # a source slide's handout and instructor text follow its last part, as beamer's article mode prints
    # the text after a frame after all of it (a \subsection's name then stands before the next frame)
    last = {id(p.source): k for k, p in enumerate(plans) if p.source is not None}
    for position, plan in enumerate(plans, 1):
        s = plan.source
        first = s is not None and id(s) not in seen
        final = s is not None and last[id(s)] == position - 1
        if s is not None:
            seen.add(id(s))
        footnotes = "".join(_footnote_item(f, r) for f in s.footnotes) if s is not None and first else ""
        text_footnotes = (  # (the ones only its notes or handout text cite, with that text: the drawing
            "".join(_footnote_item(f, r) for f in _text_footnotes(s, first, final))  # has the rest)
            if s is not None
            else ""
        )
        kind = _kind(plan)
        title = "".join(run.text for run in plan.title if not run.note).replace("\v", " ").strip()
        # (an untitled slide is named by the heading it begins with, else "Slide 7"; its continuation parts
        # "Slide 8 (cont.)")
        name = (
            title
            or (meta.title if kind == m.TITLE else "")
            or untitled_name(labels, position, plan.part, plan.opening_heading)
        )
        section, path = "", []
        if s is not None and s.section is not None and s.section < len(lecture.sections):
            section = m.plain_text(lecture.sections[s.section].title)
            path = [*m.enclosing_sections(lecture.sections, s.section), lecture.sections[s.section]]
        entry = {
            "number": position,  # as the deck numbers it (continuation parts count), what students see
            "source_number": plan.number,  # the slide of the source it is (a part of)
            "kind": kind,
            "layout": str(getattr(plan.kind, "value", plan.kind)),
            "anchor": plan.anchor,
            "part": plan.part,
            "title": title,
            "name": name,
            "title_html": Markup(
                runs_html(page_runs(plan.title, page), lambda tex: r.math(tex, display=False))
            ),
            "body_html": Markup(chunks_html(page_chunks(plan.chunks, page), r)),  # (prose on the page)
            "slide_html": Markup(drawer.slide(plan, twin_heading, standalone=False, position=position)),
            "notes_html": Markup(r.blocks(s.notes)) if s is not None and first else Markup(""),
            "handout_html": Markup(r.blocks(s.handout)) if s is not None and final else Markup(""),
            "instructor_html": Markup(r.blocks(s.instructor)) if s is not None and final else Markup(""),
            "footnotes_html": Markup(f'<ol class="footnotes">{footnotes}</ol>' if footnotes else ""),
            "text_footnotes_html": Markup(
                f'<ol class="footnotes">{text_footnotes}</ol>' if text_footnotes else ""
            ),
            "section": section,
            # (the sections it is in, outermost first, " › " between: the page header names the section of
            # the first entry on a page, a section with no slide of its own too, `section-titles: false`)
            "section_path": " › ".join(m.plain_text(sec.title) for sec in path),
            "depth": len(path) or 1,  # (a subsection's own slide: 2)
            "has_body": bool(plan.chunks),
            "small_text": _small_in_drawing(plan, drawer.look.body_size, twin["scale"]),
        }
        slides.append(entry)
        for sec in unshown.pop(s.number, []) if s is not None and first else []:
            current = open_section(sec, m.plain_text(sec.title), position, entry["anchor"])
        if s is not None and "unlisted" in s.classes:
            # (pandoc leaves a heading of class `unlisted` out of the contents, and a section's slides with
            # it: they are listed in no section, not under the one before it)
            if kind == m.SECTION:
                current = {"title": "", "number": position, "anchor": entry["anchor"], "slides": []}
            continue
        if kind == m.SECTION:
            own = lecture.sections[s.section] if s is not None and s.section is not None else None
            current = open_section(own, entry["title"], position, entry["anchor"])
        elif kind == m.CONTENT and plan.part <= 1:  # the contents list a slide once, not its parts
            if current is None:
                current = open_section(None, "", position, entry["anchor"])
            listed = current["slides"]
            shown = entry["title"] or (plan.opening_heading and entry["name"])
            if not shown or listed and listed[-1]["title"] == shown:
                # (an untitled slide's name, "Slide 7", tells a reader nothing: the contents list titles, and
                # the heading an untitled slide opens with; slides in a row with one title, "Concepts" five
                # times, are listed once, the first)
                continue
            listed.append({"title": shown, "number": position, "anchor": entry["anchor"]})
    logo = logo_path(template, lecture)  # the lecture's own (front matter), else the theme's
    return {
        "meta": {
            "title": meta.title,
            "subtitle": meta.subtitle,
            "authors": [a.name for a in meta.authors],
            # (each author's name in pieces, {"text", "href"}: its words written as links linked)
            "author_pieces": [
                [{"text": words, "href": href} for words, href in a.pieces()] for a in meta.authors
            ],
            "emails": [a.email for a in meta.authors if a.email],
            "institute": meta.institute,
            "date": meta.date,
            # (the same words as HTML, their formatting kept: a book's title in italics)
            **{f"{key}_html": _styled_html(meta, key) for key in ("title", "subtitle", "institute", "date")},
            "course": meta.course,
            "term": meta.term,
            "lang": meta.lang,
            "direction": str(meta.direction),  # ltr | rtl (the html element's dir)
        },
        "theme": {
            "palette": template.palette,
            "fonts": template.fonts,
            "logo": logo.as_uri() if logo else None,
            "name": template.name,
            "ratio": round(ratio, 4),
        },
        "labels": labels,
        "handout": {
            "layout": options.layout.value,
            "per_page": options.per_page,
            "variant": options.variant.value,
            "pdf_ua": options.pdf_ua,
        },
        # (a section with no title and no titled slide lists nothing; a lecture of untitled slides and no
        # sections has no contents page)
        "toc": [sec for sec in sections if sec["title"] or sec["slides"]],
        # (the student's cover promises speaker's notes and further explanation only where there are some)
        "has_notes": any(e["notes_html"] or e["handout_html"] for e in slides),
        "slides": slides,
        "grid": grid,
        "twin": twin,
        "slide_css": Markup(drawer.css(".twin-frame")),
        "pages": [slides[i : i + options.per_page] for i in range(0, len(slides), options.per_page)],
        "css_files": [p.as_uri() for d in reversed(template.handout_dirs) for p in sorted(d.glob("*.css"))],
    }


READABLE_PT = 6.0  # printed type below this is hard to read: the slide's text is given beside it


def _small_in_drawing(plan, body_pt: float, scale: float) -> bool:
    """True when a slide's drawing sets its text or code below READABLE_PT at the handout's size
    (a long slide the fitter shrank, code), so the handout gives the text itself too."""
    sizes = plan.sizes or TypeSizes()
    objects = [c.block for c in walk_chunks(plan.chunks) if isinstance(c, ObjectChunk)]
    texty = any(isinstance(c, TextChunk) for c in walk_chunks(plan.chunks))
    smallest = [body_pt * sizes.text * scale] if texty else []
    smallest += [sizes.code * scale for b in objects if isinstance(b, m.CodeBlock)]
    smallest += [sizes.table * scale for b in objects if isinstance(b, m.Table)]
    return bool(smallest) and min(smallest) < READABLE_PT


def render_html(
    lecture: m.Lecture, template: Template, diags: Diagnostics, plans=None, options=None, fit=None
) -> str:
    """Return the handout HTML for ``lecture`` (drawn from its slide ``plans``) through ``template``;
    ``fit``: the slide drawings' type scaled where a layout found them too full (drawfit)."""

    lecture = renderable(lecture, HANDOUT_NODES, "handout", diags, CHART_KINDS)
    env = environment(template)
    try:
        tpl = env.get_template("handout.html.j2")
        ctx = context(lecture, template, diags, plans, options, fit)
        with step("rendering the handout template", None):
            return render_guarded(tpl, ctx, diags)
    except jinja2.TemplateSyntaxError as e:
        shown = os.path.relpath(e.filename) if e.filename else (e.name or "template")
        raise BuildError(
            diags, f"template syntax error: {e.message}", m.SourcePos(shown, e.lineno or 0), "template-syntax"
        ) from None
    except jinja2.TemplateNotFound as e:
        raise BuildError(
            diags,
            f"handout template '{e.name}' not found in {', '.join(map(str, template.handout_dirs))}",
            None,
            "template",
        ) from None
    except jinja2.exceptions.SecurityError as e:
        raise BuildError(
            diags, f"handout template tried something unsafe: {e}", None, "template-unsafe"
        ) from None
    except jinja2.TemplateError as e:
        raise BuildError(diags, f"handout template failed: {e}", None, "template") from None


__all__ = ["render_html", "context", "HtmlRenderer"]


def _styled_html(meta: m.Meta, key: str) -> Markup:
    """Title-slide field ``key`` as HTML: its formatted words (:meth:`podium.model.Meta.styled_field`),
    else its text."""
    inlines = meta.styled_field(key)
    return Markup(runs_html(runs(inlines))) if inlines else Markup.escape(getattr(meta, key))
