"""The build pipeline the CLI calls: source → IR → plan → deck and handout, and the check between them.

One build of one lecture (:func:`build`):

1. If every requested output's build record (:mod:`podium.buildrecord`) says nothing it depends on
   has changed, stop: they are up to date.  Otherwise only the outputs that are not up to date are
   rendered (``check`` still compares the whole set, the others copied beside them).
2. Read the lecture once (:func:`prepare`) and plan the deck once; both renderers get the same
   lecture, template and plan, so every warning is found (and printed) once.
3. Render every requested output into a private staging folder inside the output folder.
4. Decide: an error, a failed check, or a warning under ``--strict`` stops here and the staging
   folder is removed, so the previous outputs stay byte for byte.
5. Only then rename the staged files over the outputs, all of them or none (the renames come
   after every output exists in full), and keep each output's build record for the next build.

Each stage imports its renderers (the reader, python-pptx, WeasyPrint…) only when it runs, so a
no-change build, which stops at step 1, imports none of them.
"""

from __future__ import annotations

import contextlib
import gc
import os
import re
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from . import buildrecord
from .atomic import _alive, sweep_temporaries, write_atomic
from .budget import build_budget
from .buildrecord import BuildRecord, Entry, make_record, with_meta
from .diagnostics import BuildError, Diagnostic, Diagnostics
from .handout.drawfit import DrawFit
from .handout.options import resolve
from .model import SourcePos
from .placing import place
from .safety import PathPolicy
from .template_folders import Template, available, deck_of, load_template, search_dirs

DECK, HANDOUT, SLIDES_PDF = "deck", "handout", "slides-pdf"


@dataclass(frozen=True)
class Output:
    """One file a build writes: its kind and variant (None: the option's, then the lecture's, then the default)."""

    kind: str
    variant: str | None = None

    @property
    def key(self) -> str:
        return self.kind + (f":{self.variant}" if self.variant else "")

    @property
    def label(self) -> str:
        if self.kind == DECK:
            return "student deck" if self.variant == "student" else "deck"
        if self.kind == HANDOUT:
            return "instructor handout" if self.variant == "instructor" else "handout"
        return "instructor slides PDF" if self.variant == "instructor" else "slides PDF"


def labels(outputs) -> str:
    """ "deck", "deck and handout", "deck, handout and slides PDF"."""
    names = [o.label for o in outputs]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


ALL = (
    Output(DECK, "instructor"),
    Output(HANDOUT, "student"),
    Output(HANDOUT, "instructor"),
    Output(SLIDES_PDF, "student"),
)


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
    fit: str | None = None  # shrink | split | none; None: the lecture's `fit:`, then shrink

    def request(self, source: Path, out: Output, default_variant: str | None = None) -> dict[str, Any]:
        """What is asked of ``out``: the options (and the templates on the search path) that decide its
        bytes, and no other, so that ``slides`` after ``all`` finds the deck ``all`` wrote up to date.
        ``default_variant``: the handout variant the lecture itself chooses (recorded by the last build)."""
        fixed = {DECK: "instructor", SLIDES_PDF: "student", HANDOUT: default_variant}[out.kind]
        asked: dict[str, Any] = {
            "kind": out.kind,
            "source": os.path.realpath(source),
            "variant": out.variant or self.variant or fixed,
            "template": self.template,
            "slide_level": self.slide_level,
            "fit": self.fit,
            "allow_remote": self.allow_remote,
            "extra_roots": [str(Path(r).resolve()) for r in self.extra_roots],
            "templates_found": {k: str(v) for k, v in available().items()},
        }
        if out.kind == HANDOUT:
            asked.update(layout=self.layout, per_page=self.per_page)
        if out.kind != DECK:
            asked["pdf_ua"] = self.pdf_ua
        if out.kind == SLIDES_PDF:
            asked["via"] = self.via
        return asked


def project_roots(source: Path, template: Template | None = None) -> list[Path]:
    """Folders content may read from: the lecture's folder, the template folders, Podium's assets."""
    roots = [source.resolve().parent, *search_dirs(), Path(__file__).resolve().parent / "assets"]
    if template is not None:
        roots += template.chain
    return roots


class TrackingPolicy(PathPolicy):
    """The path policy, remembering every local file content referred to (found or not)."""

    def __init__(self, roots, allow_remote: bool = False):
        super().__init__(roots, allow_remote)
        self.looked_for: set[str] = set()

    def record(self, path):
        self.looked_for.add(os.path.realpath(path))

    def resolve(self, src, base_dir, pos, diags, what, then=""):
        found = super().resolve(src, base_dir, pos, diags, what, then)
        if found is not None and not src.startswith(("http://", "https://")):
            self.looked_for.add(os.path.realpath(found))
        elif src.strip() and ":" not in src.split("/")[0]:  # a local path that was refused or is missing
            candidate = Path(src) if Path(src).is_absolute() else Path(base_dir) / src
            real = os.path.realpath(candidate)
            if self.allows(real):  # missing inside the project: adding it later must rebuild
                self.looked_for.add(real)  # (a refused path is never read, not even to hash it)
        return found


def fitted_plans(lecture, template: Template, options: BuildOptions, diags: Diagnostics) -> list:
    """Return the deck plan every output renders: planned, then fitted to the template's geometry
    (shrunk type, continuation slides; podium.deck.fit)."""
    from .deck.contrast import legible_plans  # noqa: PLC0415 (lazy: see the module docstring)
    from .deck.fit import fit_deck  # noqa: PLC0415 (lazy: see the module docstring)
    from .deck.measure import para_height  # noqa: PLC0415 (lazy: see the module docstring)
    from .deck.plan import plan_deck  # noqa: PLC0415 (lazy: see the module docstring)

    para_height.cache_clear()  # measured afresh for each build (the cache only serves one build's repeats)
    fitted = fit_deck(plan_deck(lecture, diags), lecture, template, diags, options.fit or lecture.meta.fit)
    return legible_plans(fitted, template, diags)


@dataclass
class Prepared:
    """A lecture read once: what both renderers and the check are handed."""

    source: Path
    options: BuildOptions
    lecture: Any
    template: Template
    policy: TrackingPolicy
    diags: Diagnostics
    _plans: dict = field(default_factory=dict)
    _html: dict = field(default_factory=dict)
    _inputs: dict[str, str | None] | None = None
    _records: dict = field(default_factory=dict)
    _layouts: dict = field(default_factory=dict)  # a handout's layout, kept for the variant still to come
    draw_fit: DrawFit = field(default_factory=DrawFit)  # slide drawings measured too full
    pending: set = field(default_factory=set)  # the outputs this build has still to render

    def variant_lecture(self, variant):
        """The lecture as the given variant shows it (student blanks, instructor text)."""
        from .variants import apply_variant  # noqa: PLC0415 (lazy: see the module docstring)

        return apply_variant(self.lecture, variant)

    def plans_for(self, variant) -> list:
        """The deck plan of a variant, made once and shared by every output of that variant."""
        key = str(getattr(variant, "value", variant))
        if key not in self._plans:
            lec = self.variant_lecture(variant)
            self._plans[key] = lec, fitted_plans(lec, self.template, self.options, self.diags)
        return self._plans[key]

    @property
    def plans(self) -> list:
        """The instructor's deck plan (what the deck shows)."""
        return self.plans_for("instructor")[1]

    def inputs(self) -> dict[str, str | None]:
        """Every file this build depends on (real paths), with its hash (None: looked for, missing)."""
        if self._inputs is None:
            files = {os.path.realpath(self.source)}
            course = os.path.realpath(self.source.resolve().parent / "course.yaml")
            if self.policy.allows(course):
                files.add(course)
            files |= self.policy.looked_for
            for folder in self.template.chain:
                files |= set(buildrecord.folder_files(folder))
            deck = deck_of(self.template)
            if deck is not None:
                files.add(os.path.realpath(deck))
            self._inputs = {f: buildrecord.file_hash(f) for f in sorted(files)}
        return self._inputs


@contextlib.contextmanager
def collector_paused():
    """Pause Python's cycle collector while a lecture is read.

    Reading makes millions of objects that stay alive (the Markdown tree, the model) and almost
    no cyclic garbage (173 objects for 10,000 slides), yet each of the collector's full scans
    walks all of them again: 44% of reading a 10,000-slide lecture.  Afterwards one collection of
    the youngest generation (everything reading made, and nothing older: a full collection would
    also walk every imported module, 20 ms of a small deck's build) frees what reading left, and
    the survivors are frozen out of later scans until the build ends.
    """
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.collect(0)  # the little garbage reading made (the Markdown tree) ...
        gc.freeze()  # ... and what stays alive is not scanned again until the build ends (build)
        if was:
            gc.enable()


def prepare(source: Path, options: BuildOptions, diags: Diagnostics) -> Prepared:
    """Read ``source`` and the template it asks for, once."""
    from .reader import ReadOptions, read_course, read_lecture  # noqa: PLC0415 (lazy: see the module docstring)

    course = read_course(source.resolve().parent, diags)
    policy = TrackingPolicy(project_roots(source) + options.extra_roots, allow_remote=options.allow_remote)
    with collector_paused():
        lecture = read_lecture(source, diags, ReadOptions(options.slide_level, policy, course))
    template = load_template(options.template or lecture.meta.template, diags)
    _say_unknown_language(source, lecture.meta.lang, template, diags)
    return Prepared(source, options, lecture, template, policy, diags)


def _say_unknown_language(source: Path, lang: str | None, template: Template, diags: Diagnostics) -> None:
    """A note, at the ``lang:`` line, when Podium's own words (Contents, Page n of m…) have no
    translation for the lecture's language and stay English."""
    from .labels import unknown_language  # noqa: PLC0415

    code = unknown_language(lang, template.theme.labels)
    if code is None:
        return
    line = 1
    try:
        with open(source, encoding="utf-8", errors="replace") as f:
            for k, text in enumerate(f, 1):
                if re.match(r"\s*lang\s*:", text) or k > 400:
                    line = k if k <= 400 else 1
                    break
    except OSError:
        pass
    diags.note(
        f"Podium's own words (Contents, Page n of m, (cont.)…) have no '{code}' translation and are in "
        f"English; a template's theme.yaml can give them (labels: {{{code}: {{contents: …}}}})",
        SourcePos(os.path.relpath(source), line),
        "labels",
    )


def load(source: Path, options: BuildOptions, diags: Diagnostics):
    """Return (lecture, template) read from ``source`` (for callers that need no plan)."""
    prep = prepare(source, options, diags)
    return prep.lecture, prep.template


def deck_path(source: Path, out_dir: Path, variant: str | None = None) -> Path:
    """The deck: the lecturer's (answers, instructor notes) unless ``variant`` is "student"."""
    return Path(out_dir) / (f"{source.stem}-student.pptx" if variant == "student" else f"{source.stem}.pptx")


def handout_path(source: Path, out_dir: Path, variant: str | None = None) -> Path:
    """The handout: the students' unless ``variant`` is "instructor"."""
    return Path(out_dir) / (
        f"{source.stem}-instructor.pdf" if variant == "instructor" else f"{source.stem}-handout.pdf"
    )


def slides_pdf_path(source: Path, out_dir: Path, variant: str | None = None) -> Path:
    """The slides PDF (for a learning platform): the students' unless ``variant`` is "instructor"."""
    return Path(out_dir) / (
        f"{source.stem}-slides-instructor.pdf" if variant == "instructor" else f"{source.stem}-slides.pdf"
    )


def handout_options(prep: Prepared, variant: str | None = None):
    """The handout's layout, variant and PDF/UA choice: options first, then the lecture's ``handout:``."""

    o = prep.options
    return resolve(prep.lecture.meta, o.layout, o.per_page, variant or o.variant, o.pdf_ua)


def resolved_variant(prep: Prepared, out: Output) -> str:
    """The variant an output is written in, once the lecture is read."""
    if out.kind == HANDOUT:
        return handout_options(prep, out.variant).variant.value
    default = "instructor" if out.kind == DECK else "student"
    return out.variant or prep.options.variant or default


def target(prep: Prepared, out: Output, out_dir: Path) -> Path:
    variant = resolved_variant(prep, out)
    path = {DECK: deck_path, HANDOUT: handout_path, SLIDES_PDF: slides_pdf_path}[out.kind]
    return path(prep.source, out_dir, variant)


def record_of(prep: Prepared, out: Output) -> BuildRecord:
    """The build record of ``out``: written into it, and kept for the next build's skip."""
    if out not in prep._records:
        o, lecture = prep.options, prep.lecture
        hopts = handout_options(prep, out.variant) if out.kind == HANDOUT else None
        fit = o.fit or lecture.meta.fit or "shrink"
        options = {
            "slide_level": lecture.slide_level,
            "slide_level_asked": o.slide_level,
            "template": prep.template.name,
            "variant": resolved_variant(prep, out),
            "fit": str(getattr(fit, "value", fit)),
            "layout": hopts.layout.value if hopts else None,
        }

        defaults = {"variant": resolve(lecture.meta, o.layout, o.per_page, None, o.pdf_ua).variant.value}
        prep._records[out] = make_record(
            out.kind,
            prep.source,
            prep.inputs(),
            prep.template.chain,
            options,
            o.request(prep.source, out, defaults["variant"]),
            defaults,
        )
    return prep._records[out]


def fresh_entry(
    source: Path, options: BuildOptions, out: Output, hashes: dict[str, str | None]
) -> Entry | None:
    """The cache entry of ``out`` when the output is up to date: made by this Podium, for the same
    request, from unchanged files, and still the file written; else None. Reads no lecture: where the
    lecture decides the output's name (the handout's variant), each name it may have is tried."""
    variant = out.variant or options.variant
    path = {DECK: deck_path, HANDOUT: handout_path, SLIDES_PDF: slides_pdf_path}[out.kind]
    names = [variant] if variant or out.kind != HANDOUT else ["student", "instructor"]
    for name in names:
        entry = buildrecord.load_entry(path(source, options.out_dir, name or None))
        if (
            entry is not None
            and entry.record.request == options.request(source, out, entry.record.defaults.get("variant"))
            and entry.record.unchanged(hashes)
            and entry.current()
        ):
            return entry
    return None


def fresh_entries(source: Path, options: BuildOptions, outputs: tuple[Output, ...]) -> dict[Output, Entry]:
    """The cache entries of those of ``outputs`` that are up to date, each judged on its own."""
    hashes: dict[str, str | None] = {}  # every input hashed once for all the outputs
    found = {out: fresh_entry(source, options, out, hashes) for out in outputs}
    return {out: entry for out, entry in found.items() if entry is not None}


def checked_together(entries: list[Entry]) -> bool:
    """True when these outputs, as they are now, were checked together by one build."""
    together = {e.path: e.sha256 for e in entries}
    return all(e.checked == together for e in entries)


def up_to_date(
    source: Path, options: BuildOptions, outputs: tuple[Output, ...], check: bool = False
) -> list[Entry] | None:
    """The cache entries of ``outputs`` when every one is up to date (and, with ``check``, they were
    checked together as they are now), else None. Imports nothing heavy: it takes milliseconds."""
    fresh = fresh_entries(source, options, outputs)
    entries = [fresh[out] for out in outputs if out in fresh]
    if len(entries) < len(outputs) or (check and not checked_together(entries)):
        return None
    return entries


def render_deck(prep: Prepared, out: Output, path: Path, diags: Diagnostics) -> None:
    """Write the deck of ``prep`` to ``path`` (stamped with the build's fixed time)."""
    from .deck.writer import write_pptx  # noqa: PLC0415 (lazy: see the module docstring)
    from .reproducible import build_epoch, fixed_time  # noqa: PLC0415 (lazy: see the module docstring)

    lecture, plans = prep.plans_for(resolved_variant(prep, out))
    with fixed_time(build_epoch(prep.lecture.meta.date)):
        write_pptx(
            lecture,
            plans,
            prep.template,
            path,
            diags,
            record=record_of(prep, out),
        )


def handout_html(prep: Prepared, diags: Diagnostics, variant: str | None = None) -> str:
    """The handout's HTML, made once per reading and variant (the PDF and the live preview show it)."""
    from .handout.html import render_html  # noqa: PLC0415 (lazy: see the module docstring)

    hopts = handout_options(prep, variant)
    fit = prep.draw_fit.factors
    key = (hopts, tuple(sorted(fit.items())))
    if key not in prep._html:
        lecture, plans = prep.plans_for(hopts.variant)
        prep._html[key] = render_html(lecture, prep.template, diags, plans, hopts, dict(fit))
    return prep._html[key]


def refitter(
    prep: Prepared,
    diags: Diagnostics,
    what: str,
    html_now: Callable[[set[int] | None], str],
    slide_a_page: bool = False,
):
    """For :func:`podium.handout.pdf.render_pdf`: the slide drawings that ran past their boxes, drawn
    smaller (``prep.draw_fit``, kept for this build's other PDFs), or None when the layout stands.

    ``html_now(pages)``: the document's HTML as it is to be drawn now; with ``slide_a_page`` (the
    slides PDF) only the slides of ``pages``, laid out alone and put in those pages' places.
    ``what`` names the document in a warning.
    """
    from .handout.pdf import Relayout  # noqa: PLC0415 (lazy: see the module docstring)

    def again(doc, last_layout: bool):
        pages = prep.draw_fit.measured(doc, diags, what, last_layout)
        if not pages:
            return None
        if not slide_a_page:
            return Relayout(html_now(None))
        return Relayout(html_now(pages), sorted(pages), lambda: html_now(None))

    return again


def render_handout(prep: Prepared, out: Output, path: Path, diags: Diagnostics) -> None:
    """Write the handout PDF of ``prep`` to ``path``.

    When another handout variant of this lecture is still to be written and the two differ only in
    their cover (podium.handout.sharing), its layout is kept, and the other lays out only its cover."""
    from .handout.fetchpos import fetch_positions  # noqa: PLC0415 (lazy: see the module docstring)
    from .handout.pdf import render_pdf  # noqa: PLC0415 (lazy: see the module docstring)
    from .handout.sharing import layout_key  # noqa: PLC0415 (lazy: see the module docstring)

    hopts = handout_options(prep, out.variant)
    html = handout_html(prep, diags, out.variant)
    others = [o for o in prep.pending if o.kind == HANDOUT and o != out]
    key = layout_key(html) if others or prep._layouts else None
    final = [html]

    def html_now(_pages: set[int] | None) -> str:  # (a handout is laid out whole again)
        final.append(handout_html(prep, diags, out.variant))
        return with_meta(final[-1], record_of(prep, out))

    rendered = render_pdf(
        with_meta(html, record_of(prep, out)),
        project_roots(prep.source, prep.template) + prep.options.extra_roots,
        diags,
        allow_remote=prep.options.allow_remote,
        base_url=str(prep.source.resolve().parent),
        pdf_ua=hopts.pdf_ua,
        positions=fetch_positions(prep.lecture, prep.template),
        reuse=prep._layouts.pop((key, hopts.pdf_ua), None) if key else None,
        refit=refitter(prep, diags, "handout", html_now),
    )
    if key and others:
        prep._layouts[(layout_key(final[-1]), hopts.pdf_ua)] = rendered.layout
    write_atomic(path, rendered.pdf)


def render_slides_pdf(prep: Prepared, out: Output, path: Path, diags: Diagnostics) -> None:
    """Write the slides PDF (one slide a page): drawn from the plan with the template deck's look, or
    (``--via libreoffice``) converted from a .pptx of the same variant by LibreOffice."""
    variant = resolved_variant(prep, out)
    hopts = handout_options(prep, variant)
    lecture, plans = prep.plans_for(variant)
    if prep.options.via == "libreoffice":
        from .handout.viaoffice import convert_deck  # noqa: PLC0415 (lazy: see the module docstring)

        convert_deck(lecture, plans, prep.template, path, diags)
        buildrecord.add_to_pdf(path, record_of(prep, out))  # LibreOffice cannot be handed it
        return
    from .handout.fetchpos import fetch_positions  # noqa: PLC0415 (lazy: see the module docstring)
    from .handout.pdf import render_pdf  # noqa: PLC0415 (lazy: see the module docstring)
    from .handout.slidespdf import render_slides_html  # noqa: PLC0415 (lazy: see the module docstring)

    def html_now(pages: set[int] | None = None) -> str:
        fit = dict(prep.draw_fit.factors)
        return with_meta(
            render_slides_html(lecture, prep.template, plans, diags, fit, pages), record_of(prep, out)
        )

    html = html_now()
    roots = project_roots(prep.source, prep.template) + prep.options.extra_roots
    write_atomic(
        path,
        render_pdf(
            html,
            roots,
            diags,
            prep.options.allow_remote,
            str(prep.source.resolve().parent),
            hopts.pdf_ua,
            fetch_positions(lecture, prep.template),
            refit=refitter(prep, diags, "slides PDF", html_now, slide_a_page=True),
        ).pdf,
    )


# the slides PDF before the handouts: the drawings it measures too full are drawn smaller in theirs too
RENDER_ORDER = {DECK: 0, SLIDES_PDF: 1, HANDOUT: 2}

RENDERERS: dict[str, Callable[[Prepared, Output, Path, Diagnostics], None]] = {
    DECK: render_deck,
    HANDOUT: render_handout,
    SLIDES_PDF: render_slides_pdf,
}


def check_staged(prep: Prepared, stage: Path, out_dir: Path, diags: Diagnostics) -> None:
    """``check`` on the staged outputs (before they replace anything), with the lecture already read;
    its messages name the files as they will be called."""

    from .verify import check_outputs  # noqa: PLC0415 (lazy: see the module docstring)

    found = Diagnostics()
    try:
        check_outputs(
            prep.source,
            replace(prep.options, out_dir=stage),
            found,
            lecture=prep.lecture,
            variant_plans=prep.plans_for,
        )
    except BuildError as e:
        found.extend(e.diagnostics)
    for d in found.items:
        diags._add(Diagnostic(d.severity, d.message.replace(str(stage), str(out_dir)), d.pos, d.code))


# --------------------------------------------------------------------------- one build


@dataclass
class Result:
    """What :func:`build` did: ``built``, ``skipped`` (up to date), ``failed`` or ``strict`` (warnings)."""

    source: Path
    status: str
    written: list[Path] = field(default_factory=list)
    checked: bool = False
    diagnostics: Diagnostics = field(default_factory=Diagnostics)

    @property
    def ok(self) -> bool:
        return self.status in ("built", "skipped")


def _stage_dir(out_dir: Path, targets: list[Path]) -> tuple[Path, list[Path]]:
    """A private folder inside ``out_dir`` (created if need be) for the outputs until they are complete;
    also the folders that had to be created, so a failed first build leaves nothing behind."""
    created = [d for d in (out_dir, *out_dir.parents) if not d.exists()]
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        sweep_stages(out_dir)
        stage = Path(tempfile.mkdtemp(prefix=f".podium-stage.{os.getpid()}.", suffix=".tmp", dir=out_dir))
    except OSError as e:
        diags = Diagnostics()
        for t in targets:
            diags.error(f"cannot write {t}: {e.strerror or e}", None, "cannot-write")
        raise BuildError(diags) from None
    return stage, created


def sweep_stages(out_dir: Path) -> None:
    """Remove staging folders left by builds that were killed (their process no longer runs)."""

    sweep_temporaries(out_dir)  # and single files left by killed writers
    for p in out_dir.glob(".podium-stage.*.tmp"):
        pid = p.name.split(".")[2]
        if pid.isdigit() and (int(pid) == os.getpid() or _alive(int(pid))):
            continue
        shutil.rmtree(p, ignore_errors=True)


def _replay(entries: list[Entry], diags: Diagnostics) -> None:
    for entry in entries:
        for d in entry.diagnostics:
            pos = SourcePos(*d["pos"]) if d.get("pos") else None
            diags._add(Diagnostic(d["severity"], d["message"], pos, d["code"]))


def _as_json(diags: Diagnostics) -> list[dict]:
    return [
        {
            "severity": d.severity,
            "message": d.message,
            "code": d.code,
            "pos": [d.pos.path, d.pos.line, d.pos.col] if d.pos else None,
        }
        for d in diags.items
    ]


def _put_in_place(
    prep: Prepared,
    todo: list[Output],
    staged: dict[Output, Path],
    targets: dict[Output, Path],
    diags: Diagnostics,
) -> list[Path]:
    """Rename the staged outputs over their targets (a target that cannot be replaced fails the build
    before any output is); return the paths written."""
    for o in todo:
        if targets[o].is_dir():
            diags.error(f"cannot write {targets[o]}: Is a directory", None, "cannot-write")
    diags.raise_if_errors()
    written = []
    for o in todo:
        try:
            os.replace(staged[o], targets[o])
        except OSError as e:
            raise BuildError(
                diags, f"cannot write {targets[o]}: {e.strerror or e}", None, "cannot-write"
            ) from None
        written.append(targets[o])
    return written


def _keep_records(
    prep: Prepared,
    outputs: tuple[Output, ...],
    fresh: dict[Output, Entry],
    targets: dict[Output, Path],
    check: bool,
    diags: Diagnostics,
) -> None:
    """Keep each output's build record for the next build (an output left as it was keeps its own),
    with the build's warnings and, after a check, the outputs checked together."""
    written = {os.path.realpath(targets[o]): buildrecord.file_hash(targets[o]) for o in outputs}
    for o in outputs:
        path = os.path.realpath(targets[o])
        record = fresh[o].record if o in fresh else record_of(prep, o)
        entry = Entry(record, path, written[path], _as_json(diags), written if check else {})
        buildrecord.save_entry(targets[o], entry)


def build(
    source: Path,
    options: BuildOptions,
    outputs: tuple[Output, ...] = ALL,
    *,
    strict: bool = False,
    check: bool = False,
    force: bool = False,
    progress: Callable[[str], None] | None = None,
    catch_internal: bool = True,
    prepared: Prepared | None = None,
    entries: list[Entry] | None = None,
) -> Result:
    """Build ``outputs`` of ``source``; never raises for a content problem (see :class:`Result`).

    ``check``: compare the outputs with the source and each other (``podium check``) before they
    replace anything.  ``prepared``: the lecture already read (by the live preview).  ``entries``: the
    outputs' cache entries the caller has just found up to date (so they are not checked twice).
    """

    source = Path(source)
    result = Result(source, "failed", diagnostics=prepared.diags if prepared else Diagnostics())
    diags = result.diagnostics
    step = progress or (lambda stage: None)
    out_dir = Path(options.out_dir)
    check = check and any(o.kind == DECK for o in outputs) and any(o.kind == HANDOUT for o in outputs)
    fresh: dict[Output, Entry] = {}
    if not force:
        if entries is None:
            fresh = fresh_entries(source, options, outputs)
            if len(fresh) == len(outputs) and (not check or checked_together(list(fresh.values()))):
                entries = list(fresh.values())
        if entries is not None:
            _replay(entries, diags)
            result.status = "strict" if strict and diags.warnings else "skipped"
            result.checked = check
            return result
        _replay(list(fresh.values()), diags)  # the warnings of the outputs that stay as they are
    todo = [o for o in outputs if o not in fresh]  # each up-to-date output stays as it is
    stage: Path | None = None
    created: list[Path] = []
    prep = prepared
    try:
        with build_budget(labels(todo or outputs), SourcePos(os.path.relpath(source), 1), diags):
            step("read")
            prep = prepared or prepare(source, options, diags)
            targets = {o: target(prep, o, out_dir) for o in outputs}
            stage, created = _stage_dir(out_dir, [targets[o] for o in todo])
            staged = {o: stage / targets[o].name for o in outputs}
            prep.pending = set(todo)
            for o in sorted(todo, key=lambda o: RENDER_ORDER[o.kind]):
                step(o.kind)
                prep.pending.discard(o)
                try:
                    RENDERERS[o.kind](prep, o, staged[o], diags)
                finally:  # what the PDF renderer refused, at the line that names it
                    place(diags, prep.template.handout_dirs, prep.source)
            if check:
                step("check")
                for o in fresh:  # the check sees the outputs as they will be
                    shutil.copyfile(targets[o], staged[o])
                check_staged(prep, stage, out_dir, diags)
        diags.raise_if_errors()
        if strict and diags.warnings:
            result.status = "strict"
            return result
        step("write")
        result.written = _put_in_place(prep, todo, staged, targets, diags)
        _keep_records(prep, outputs, fresh, targets, check, diags)
        result.status, result.checked = "built", check
    except BuildError as e:
        diags.extend(e.diagnostics)
    except Exception as e:  # a bug of ours, not the lecturer's: say so without a traceback
        if os.environ.get("PODIUM_DEBUG") or not catch_internal:
            raise
        diags.internal(e)
    finally:
        gc.unfreeze()  # what reading froze (collector_paused) is collectable again
        if prep is not None:
            prep._layouts.clear()  # a layout kept for a variant that never came (a failed build)
        if stage is not None:
            shutil.rmtree(stage, ignore_errors=True)
        if result.status != "built":
            for d in created:  # the output folder this failed build made (empty again now)
                try:
                    d.rmdir()
                except OSError:
                    break
    return result


def _single(out: Output, source: Path, options: BuildOptions, diags: Diagnostics) -> Path:
    result = build(source, options, (out,), force=True, catch_internal=False)
    diags.extend(result.diagnostics)
    if not result.ok:
        raise BuildError(diags)
    return result.written[0]


def build_slides(source: Path, options: BuildOptions, diags: Diagnostics) -> Path:
    """Write ``<out>/<stem>.pptx`` (``-student.pptx`` for the student variant) and return its path
    (raises BuildError on failure)."""
    return _single(Output(DECK), source, options, diags)


def build_handout(source: Path, options: BuildOptions, diags: Diagnostics) -> Path:
    """Write ``<out>/<stem>-handout.pdf`` (``-instructor.pdf``) and return its path (BuildError on failure)."""
    return _single(Output(HANDOUT), source, options, diags)


def build_slides_pdf(source: Path, options: BuildOptions, diags: Diagnostics) -> Path:
    """Write ``<out>/<stem>-slides.pdf`` (one slide a page) and return its path (BuildError on failure)."""
    return _single(Output(SLIDES_PDF), source, options, diags)
