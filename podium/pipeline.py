"""The build pipeline the CLI calls: source → IR → deck / handout, and the check between them.

Each function takes a source path and options, collects diagnostics, and either writes its
output atomically or raises :class:`BuildError` leaving previous outputs untouched.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from . import model as m
from .diagnostics import Diagnostics
from .reader import ReadOptions, read_course, read_lecture
from .safety import PathPolicy
from .template_folders import PACKAGE_ROOT, Template, load_template, search_dirs


@dataclass
class BuildOptions:
    out_dir: Path = Path("output")
    template: str | None = None
    slide_level: int | None = None
    allow_remote: bool = False
    extra_roots: list[Path] = field(default_factory=list)
    # handout and slides-PDF choices (None: the lecture's `handout:` settings, then the defaults)
    variant: str | None = None  # "student" | "instructor"
    layout: str | None = None  # "notes" | "article" | "grid" | "script"
    per_page: int | None = None  # grid: 1, 2, 3, 4, 6 or 9
    pdf_ua: bool | None = None  # False: an untagged PDF, not PDF/UA-1
    via: str = "podium"  # slides PDF: "podium" draws it, "libreoffice" converts the .pptx


def project_roots(source: Path, template: Template | None = None) -> list[Path]:
    """Folders content may read from: the lecture's folder, the template folders, Podium's assets."""
    roots = [source.resolve().parent, *search_dirs(), PACKAGE_ROOT / "podium" / "assets"]
    if template is not None:
        roots += template.chain
    return roots


def load(source: Path, options: BuildOptions, diags: Diagnostics) -> tuple[m.Lecture, Template]:
    """Return the lecture read from ``source`` and the template it asks for."""
    course = read_course(source.resolve().parent, diags)
    policy = PathPolicy(project_roots(source) + options.extra_roots, allow_remote=options.allow_remote)
    lecture = read_lecture(source, diags, ReadOptions(options.slide_level, policy, course))
    template = load_template(options.template or lecture.meta.template, diags)
    return lecture, template


def deck_path(source: Path, out_dir: Path, variant: str | None = None) -> Path:
    """The deck: the lecturer's (answers, instructor notes) unless ``variant`` is "student"."""
    return out_dir / (f"{source.stem}-student.pptx" if variant == "student" else f"{source.stem}.pptx")


def handout_path(source: Path, out_dir: Path, variant: str | None = None) -> Path:
    """The handout: the students' unless ``variant`` is "instructor"."""
    return out_dir / (f"{source.stem}-instructor.pdf" if variant == "instructor" else f"{source.stem}-handout.pdf")


def slides_pdf_path(source: Path, out_dir: Path, variant: str | None = None) -> Path:
    """The slides PDF (for a learning platform): the students' unless ``variant`` is "instructor"."""
    return out_dir / (f"{source.stem}-slides-instructor.pdf" if variant == "instructor"
                      else f"{source.stem}-slides.pdf")


def build_slides(source: Path, options: BuildOptions, diags: Diagnostics) -> Path:
    """Write ``<out>/<stem>.pptx`` (``-student.pptx`` for the student variant) and return its path."""
    from .deck.plan import plan_deck
    from .deck.writer import write_pptx
    from .variants import apply_variant

    lecture, template = load(source, options, diags)
    variant = options.variant or "instructor"
    lecture = apply_variant(lecture, variant)
    plans = plan_deck(lecture, diags)
    out = deck_path(source, options.out_dir, variant)
    write_pptx(lecture, plans, template, out, diags)
    return out


def build_handout(source: Path, options: BuildOptions, diags: Diagnostics) -> Path:
    """Write ``<out>/<stem>-handout.pdf`` (``-instructor.pdf``) for ``source`` and return its path."""
    from .deck.plan import plan_deck
    from .handout.html import render_html
    from .handout.options import resolve
    from .handout.pdf import write_pdf
    from .variants import apply_variant

    lecture, template = load(source, options, diags)
    hopts = resolve(lecture.meta, options.layout, options.per_page, options.variant, options.pdf_ua)
    lecture = apply_variant(lecture, hopts.variant)
    html = render_html(lecture, template, diags, plan_deck(lecture), hopts)
    out = handout_path(source, options.out_dir, hopts.variant.value)
    roots = project_roots(source, template) + options.extra_roots
    write_pdf(html, out, roots, diags, allow_remote=options.allow_remote, base_url=str(source.resolve().parent),
              pdf_ua=hopts.pdf_ua)
    return out


def build_slides_pdf(source: Path, options: BuildOptions, diags: Diagnostics) -> Path:
    """Write ``<out>/<stem>-slides.pdf`` (one slide a page) and return its path.

    Drawn from the deck's plan with the template deck's look, or (``options.via == "libreoffice"``)
    converted from a freshly written .pptx of the same variant by LibreOffice.
    """
    from .deck.plan import plan_deck
    from .handout.options import resolve
    from .variants import apply_variant

    lecture, template = load(source, options, diags)
    hopts = resolve(lecture.meta, None, None, options.variant, options.pdf_ua)
    variant = options.variant or "student"
    lecture = apply_variant(lecture, variant)
    plans = plan_deck(lecture, diags)
    out = slides_pdf_path(source, options.out_dir, variant)
    if options.via == "libreoffice":
        from .handout.viaoffice import convert_deck

        convert_deck(lecture, plans, template, out, diags)
        return out
    from .atomic import write_atomic
    from .handout.pdf import render_pdf
    from .handout.slidespdf import render_slides_html

    html = render_slides_html(lecture, template, plans, diags)
    roots = project_roots(source, template) + options.extra_roots
    write_atomic(out, render_pdf(html, roots, diags, options.allow_remote, str(source.resolve().parent),
                                 hopts.pdf_ua))
    return out
