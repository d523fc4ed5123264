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


def deck_path(source: Path, out_dir: Path) -> Path:
    return out_dir / f"{source.stem}.pptx"


def handout_path(source: Path, out_dir: Path) -> Path:
    return out_dir / f"{source.stem}-handout.pdf"


def build_slides(source: Path, options: BuildOptions, diags: Diagnostics) -> Path:
    """Write ``<out>/<stem>.pptx`` for ``source`` and return its path."""
    from .deck.plan import plan_deck
    from .deck.writer import write_pptx

    lecture, template = load(source, options, diags)
    plans = plan_deck(lecture, diags)
    out = deck_path(source, options.out_dir)
    write_pptx(lecture, plans, template, out, diags)
    return out


def build_handout(source: Path, options: BuildOptions, diags: Diagnostics) -> Path:
    """Write ``<out>/<stem>-handout.pdf`` for ``source`` and return its path."""
    from .deck.plan import plan_deck
    from .handout.html import render_html
    from .handout.pdf import write_pdf

    lecture, template = load(source, options, diags)
    html = render_html(lecture, template, diags, plan_deck(lecture))
    out = handout_path(source, options.out_dir)
    roots = project_roots(source, template) + options.extra_roots
    write_pdf(html, out, roots, diags, allow_remote=options.allow_remote, base_url=str(source.resolve().parent))
    return out
