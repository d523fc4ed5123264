"""Podium's command line: build a lecture's deck and handout, check they agree, manage templates.

    python build.py slides   [SOURCE...] [-o DIR] [--template NAME|PATH] [--slide-level N] [--strict]
    python build.py handout  [SOURCE...] [-o DIR] [--template NAME|PATH] [--strict]
    python build.py all      [SOURCE...] [-o DIR]
    python build.py pdf      [SOURCE...] [-o DIR] [--variant student|instructor] [--via podium|libreoffice]
    python build.py check    [SOURCE...] [-o DIR]
    python build.py template list | inspect PATH.pptx | new NAME [--from-pptx FILE]

Messages go to stderr as ``path:line[:col]: error|warning: message [code]``.  Exit status: 0 on
success, 1 for a content, template or consistency error (or a warning with --strict), 2 for usage.

Each command imports its implementation only when it runs, so the command line starts fast.
"""

from __future__ import annotations

import dataclasses
import functools
import os
import sys
from pathlib import Path

import click

from podium.budget import build_budget
from podium.diagnostics import EACH, BuildError, Diagnostics
from podium.model import SourcePos
from podium.startup import freeze_at_exit

CONTEXT = {"help_option_names": ["-h", "--help"]}
LECTURE_SUFFIXES = (".md", ".qmd", ".rmd")  # (R Markdown: .Rmd or .rmd)


def _beamer_file(path: Path) -> bool:
    """Is ``path`` a beamer deck (a ``.tex`` file whose class is beamer), not a part another inputs nor
    an article?"""
    from podium.beamer import of_beamer_class  # noqa: PLC0415 (lazy: see the module docstring)

    try:
        with path.open("rb") as f:
            return of_beamer_class(f.read(8192).decode("utf-8", "replace"))
    except OSError:
        return False


def _sources(sources: tuple[str, ...]) -> list[Path]:
    if sources:
        paths = [Path(s) for s in sources]
        for p in paths:
            if not p.is_file():
                raise click.UsageError(f"no such lecture file: {p}")
        return paths
    found = sorted(
        p
        for p in Path("content").glob("*")
        if p.is_file()
        and (p.suffix.lower() in LECTURE_SUFFIXES or p.suffix.lower() == ".tex" and _beamer_file(p))
    )
    if not found:
        raise click.UsageError("no lecture given and no content/*.md, *.qmd, *.Rmd or beamer *.tex found")
    return found


def _report(diags: Diagnostics, each: int | None = EACH) -> None:
    for line in diags.report(each):
        click.echo(line, err=True)


def _reported(step, show=None):
    """Run ``step(diags)``; ``show`` its result, then print its messages (every one: a template's
    problems are each a different thing to mend); exit 1 when it failed; return its result."""
    diags = Diagnostics()
    try:
        result = step(diags)
    except BuildError as e:
        diags.extend(e.diagnostics)
        _report(diags, None)
        sys.exit(1)
    if show is not None:
        show(result)
    _report(diags, None)
    return result


def _run(label: str, sources: list[Path], strict: bool, step) -> bool:
    """Run ``step(source, diags)`` for each source; report; return True when all succeeded."""
    ok = True
    for src in sources:
        diags = Diagnostics()
        failed = False
        out = None
        try:
            with build_budget(label, SourcePos(os.path.relpath(src), 1), diags):
                out = step(src, diags)
        except BuildError as e:
            diags.extend(e.diagnostics)
            failed = True
        except Exception as e:  # a bug of ours, not the lecturer's: say so without a traceback
            if os.environ.get("PODIUM_DEBUG"):
                raise
            diags.internal(e)
            failed = True
        _report(diags)
        if failed:
            ok = False
            if label == "check":
                click.echo(f"{src}: the deck and the handout do not agree with the source", err=True)
            else:
                click.echo(f"{src}: {label} not written; the previous output is kept", err=True)
            continue
        if strict and diags.warnings:
            click.echo(f"{src}: {len(diags.warnings)} warning(s) and --strict: failing", err=True)
            ok = False
        if out is not None:
            click.echo(f"wrote {out}", err=True)
        elif label == "check":
            click.echo(f"{src}: deck and handout agree with the source", err=True)
    return ok


def _options(out_dir, template=None, slide_level=None, allow_remote=False, fit=None, folders=(), **choices):
    from podium.pipeline import BuildOptions  # noqa: PLC0415 (lazy: see the module docstring)

    return BuildOptions(
        out_dir=Path(out_dir),
        template=template,
        slide_level=slide_level,
        allow_remote=allow_remote,
        fit=fit,
        extra_roots=[Path(f).resolve() for f in folders],
        **choices,
    )


def _allowed_folders(ctx, param, value: tuple[str, ...]) -> tuple[str, ...]:
    """``--allow-folder``: never the file system's root or the home folder (everything would be readable)."""
    for folder in value:
        real = Path(folder).resolve()
        if real == Path(real.anchor) or real == Path.home().resolve():
            raise click.BadParameter(
                f"{folder} is {'/' if real == Path(real.anchor) else 'your home folder'}: "
                "name the folder of the shared files",
                ctx,
                param,
            )
    return value


def options(*decorators):
    """Several Click options (or arguments) as one reusable decorator, shown in ``--help`` in the order given."""

    def apply(f):
        for decorator in reversed(decorators):
            f = decorator(f)
        return f

    return apply


# ---------------------------------------------------------------------------- the shared options

sources_arg = click.argument("sources", nargs=-1, type=click.Path(dir_okay=False))
out_option = click.option(
    "-o",
    "--out-dir",
    default="output",
    show_default=True,
    type=click.Path(),
    help="Folder the outputs are written to.",
)
template_option = click.option(
    "--template",
    "template",
    metavar="NAME|PATH",
    help="Template name, folder or .pptx (default: front matter, course.yaml, 'default').",
)
fit_option = click.option(
    "--fit",
    type=click.Choice(["shrink", "split", "none"]),
    help="Too-full slides: shrink type to a floor, then continue on '(cont.)' slides "
    "(default: the lecture's `fit:`, else shrink); only continue; or leave them.",
)
slide_level_option = click.option(
    "--slide-level", type=click.IntRange(0, 6), help="Heading level that starts a slide."
)
strict_option = click.option("--strict", is_flag=True, help="Treat warnings as errors.")
remote_option = click.option(
    "--allow-remote", is_flag=True, help="Let pictures and handout resources come from the network."
)
folders_option = click.option(
    "--allow-folder",
    "folders",
    multiple=True,
    type=click.Path(exists=True, file_okay=False),
    metavar="DIR",
    callback=_allowed_folders,
    help="Also read pictures, data and includes from DIR (e.g. a Quarto project's shared assets/); repeatable.",
)
jobs_option = click.option(
    "-j",
    "--jobs",
    type=click.IntRange(1, 256),
    metavar="N",
    help="Lectures built at once (default: the number of CPUs).",
)
force_option = click.option(
    "--force", is_flag=True, help="Rebuild even lectures whose outputs are up to date."
)
quiet_option = click.option("-q", "--quiet", is_flag=True, help="Print only problems.")
all_warnings_option = click.option(
    "--all-warnings",
    is_flag=True,
    help="Print every warning (by default a kind that repeats is printed three times, then counted).",
)


def variant_option(choices: tuple[str, str], help: str, default: str | None = None):
    """``--variant``: which version of the lecture an output shows (``choices`` in the order shown)."""
    return click.option(
        "--variant",
        type=click.Choice(list(choices)),
        default=default,
        show_default=default is not None,
        help=help,
    )


def pdf_ua_option(help: str = "Tagged, accessible PDF/UA-1 (the default)."):
    return click.option("--pdf-ua/--no-pdf-ua", default=None, help=help)


@dataclasses.dataclass
class Build:
    """What the building commands share: the lectures, where to write, the options every output takes
    (template, fit, slide level, network) and how to run (strict, jobs, force, quiet)."""

    sources: tuple[str, ...]
    out_dir: str
    template: str | None
    fit: str | None
    slide_level: int | None
    strict: bool
    allow_remote: bool
    folders: tuple[str, ...]
    jobs: int | None
    force: bool
    quiet: bool
    all_warnings: bool

    def run(self, outputs, check: bool = False, **choices) -> None:
        """Build ``outputs`` of every lecture (``choices``: the command's own options, e.g. the variant)."""
        from podium.course import build_all  # noqa: PLC0415 (lazy: see the module docstring)

        opts = _options(
            self.out_dir,
            self.template,
            self.slide_level,
            self.allow_remote,
            self.fit,
            self.folders,
            **choices,
        )
        ok = build_all(
            _sources(self.sources),
            opts,
            outputs,
            strict=self.strict,
            check=check,
            force=self.force,
            jobs=self.jobs,
            quiet=self.quiet,
            each=None if self.all_warnings else EACH,
        )
        sys.exit(0 if ok else 1)


def build_options(f):
    """The arguments and options every building command takes, handed to it as one :class:`Build`
    (its own options, such as ``--variant``, come after it as keyword arguments)."""
    names = [field.name for field in dataclasses.fields(Build)]

    @functools.wraps(f)
    def command(**kwargs):
        return f(Build(**{name: kwargs.pop(name) for name in names}), **kwargs)

    return options(
        sources_arg,
        out_option,
        template_option,
        fit_option,
        slide_level_option,
        strict_option,
        remote_option,
        folders_option,
        jobs_option,
        force_option,
        quiet_option,
        all_warnings_option,
    )(command)


@click.group(context_settings=CONTEXT)
def cli() -> None:
    """Podium: one Markdown lecture → an editable PowerPoint deck and a PDF handout that agree."""
    freeze_at_exit()  # the process ends after the command: no last scan of every object (podium.startup)


# ---------------------------------------------------------------------------- the commands


@cli.command()
@build_options
@variant_option(
    ("instructor", "student"),
    "instructor: answers shown, instructor notes; student: blanks, DIR/<stem>-student.pptx.",
    default="instructor",
)
def slides(build: Build, variant):
    """Build the PowerPoint deck(s): DIR/<stem>.pptx."""
    from podium.pipeline import DECK, Output  # noqa: PLC0415 (lazy: see the module docstring)

    build.run((Output(DECK, variant),), variant=variant)


@cli.command()
@build_options
@click.option(
    "--layout",
    type=click.Choice(["notes", "article", "grid", "script"]),
    help="notes (default): slide beside its notes; article: reading text; grid: slides only; "
    "script: large notes for the lectern.",
)
@click.option(
    "--per-page",
    type=click.Choice(["1", "2", "3", "4", "6", "9"]),
    help="Slides per page in the grid layout (3: ruled lines for notes beside each).",
)
@variant_option(
    ("student", "instructor"),
    "student (default): blanks for answers, DIR/<stem>-handout.pdf; instructor: answers and "
    "instructor text, DIR/<stem>-instructor.pdf.",
)
@pdf_ua_option()
def handout(build: Build, layout, per_page, variant, pdf_ua):
    """Build the PDF handout(s): DIR/<stem>-handout.pdf."""
    from podium.pipeline import HANDOUT, Output  # noqa: PLC0415 (lazy: see the module docstring)

    per_page = int(per_page) if per_page else None
    build.run((Output(HANDOUT, variant),), layout=layout, per_page=per_page, variant=variant, pdf_ua=pdf_ua)


@cli.command()
@build_options
def all(build: Build):
    """Build the deck, both handouts (student, instructor) and the slides PDF from one reading of each
    lecture, check them, then replace them all together (or, on any failure, none)."""
    from podium.pipeline import ALL  # noqa: PLC0415 (lazy: see the module docstring)

    build.run(ALL, check=True)


@cli.command()
@build_options
@variant_option(
    ("student", "instructor"),
    "student: blanks for answers, no instructor text; instructor: DIR/<stem>-slides-instructor.pdf.",
    default="student",
)
@click.option(
    "--via",
    type=click.Choice(["podium", "libreoffice"]),
    default="podium",
    show_default=True,
    help="podium draws the slides from the plan; libreoffice converts the .pptx with soffice.",
)
@pdf_ua_option("Tagged, accessible PDF/UA-1 (the default; podium only).")
def pdf(build: Build, variant, via, pdf_ua):
    """Build a PDF of the slides, one slide a page at the slide's size: DIR/<stem>-slides.pdf."""
    from podium.pipeline import SLIDES_PDF, Output  # noqa: PLC0415 (lazy: see the module docstring)

    build.run((Output(SLIDES_PDF, variant),), variant=variant, via=via, pdf_ua=pdf_ua)


@cli.command()
@options(
    sources_arg, out_option, template_option, slide_level_option, fit_option, remote_option, folders_option
)
def check(sources, out_dir, template, slide_level, fit, allow_remote, folders):
    """Prove the written deck and handout agree with the source and with each other (give it the options
    the outputs were built with: the lecture is read again as they read it)."""
    from podium.verify import check_outputs  # noqa: PLC0415 (lazy: see the module docstring)

    opts = _options(out_dir, template, slide_level, allow_remote, fit, folders)
    ok = _run("check", _sources(sources), False, lambda s, d: check_outputs(s, opts, d))
    sys.exit(0 if ok else 1)


@cli.command()
@options(
    sources_arg, out_option, template_option, slide_level_option, strict_option, remote_option, folders_option
)
@click.option(
    "--serve", is_flag=True, help="Also serve a live preview on 127.0.0.1 that reloads after each rebuild."
)
@click.option(
    "--port",
    type=click.IntRange(0, 65535),
    default=8000,
    show_default=True,
    help="Port of the preview (0: any free port).",
)
@quiet_option
def watch(sources, out_dir, template, slide_level, strict, allow_remote, folders, serve, port, quiet):
    """Rebuild the deck and handout of each lecture whenever it, a picture or a template is saved."""
    from podium.watch import Watcher  # noqa: PLC0415 (lazy: see the module docstring)

    opts = _options(out_dir, template, slide_level, allow_remote, folders=folders)
    found = (lambda: [Path(s) for s in sources if Path(s).is_file()]) if sources else (lambda: _sources(()))
    _sources(sources)  # a usage error now rather than an empty watch
    try:
        watcher = Watcher(found, opts, serve=serve, port=port, quiet=quiet, strict=strict)
    except OSError as e:
        raise click.UsageError(f"cannot serve the preview on 127.0.0.1:{port}: {e.strerror or e}") from None
    try:
        watcher.run()
    except KeyboardInterrupt:
        pass
    finally:
        watcher.close()


@cli.command()
@click.argument("slug")
def new(slug):
    """Start a lecture: content/SLUG.md with a short sample of every block (front matter from
    content/course.yaml).  Refuses to overwrite an existing file."""
    from podium.scaffold import new_lecture  # noqa: PLC0415 (lazy: see the module docstring)

    out = _reported(lambda diags: new_lecture(slug, diags))
    click.echo(f"created {out}; build it with: podium all {out}")


@cli.group()
def template():
    """List, inspect and scaffold templates."""


@template.command("list")
def template_list():
    """The templates found and what each extends."""
    from podium.template_folders import available, load_template  # noqa: PLC0415 (lazy: see the module docstring)

    for name, folder in available().items():
        diags = Diagnostics()
        try:
            t = load_template(name, diags)
            chain = " → ".join(d.name for d in t.chain[1:]) or "-"
            deck = "deck.pptx" if (folder / "deck.pptx").exists() else ""
            click.echo(f"{name:16} extends {chain:16} {folder}  {deck}")
        except BuildError as e:
            click.echo(f"{name:16} BROKEN: {e}")


@template.command("inspect")
@click.argument("path", type=click.Path(dir_okay=False))
def template_inspect(path):
    """Every layout of PATH.pptx, its placeholders and the slide kind it would serve."""
    from podium.template_commands import inspect_deck  # noqa: PLC0415 (lazy: see the module docstring)

    _reported(lambda diags: inspect_deck(Path(path), diags), show=click.echo)


@template.command("new")
@click.argument("name")
@click.option("--from-pptx", type=click.Path(dir_okay=False, exists=True), help="Build around this .pptx.")
def template_new(name, from_pptx):
    """Scaffold templates/NAME/ from the default, or around a lecturer's .pptx."""
    from podium.template_commands import new_template  # noqa: PLC0415 (lazy: see the module docstring)

    out = _reported(lambda diags: new_template(name, Path(from_pptx) if from_pptx else None, diags))
    click.echo(f"created {out}")


@cli.group()
def server():
    """The build server: a Podium kept loaded so that builds start at once (podium.buildclient).

    The first build starts it; it stops after 20 minutes without a build, or when Podium or a
    package it uses changes.  PODIUM_SERVER=off builds every time in the command's own process."""


def _server_line(info: dict) -> str:
    import time  # noqa: PLC0415 (only for this command)

    minutes = (time.time() - info["started"]) / 60
    return (
        f"build server {info['pid']} at {info['socket']}: up {minutes:.0f} min, {info['builds']} build(s) "
        f"served, {info['running']} running; stops after {info['idle_stop'] / 60:.0f} min without a build"
    )


@server.command("status")
def server_status():
    """Say whether a build server is running, and what it has done."""
    from podium import buildclient  # noqa: PLC0415 (lazy: see the module docstring)

    info = buildclient.ask("status")
    click.echo(_server_line(info) if info else "no build server is running")
    if not buildclient.enabled():
        click.echo("builds are not handed to a server here (PODIUM_SERVER is off, or not Linux)")


@server.command("stop")
def server_stop():
    """Stop the build server (the next build starts a new one, unless PODIUM_SERVER=off)."""
    from podium import buildclient  # noqa: PLC0415 (lazy: see the module docstring)

    info = buildclient.ask("stop")
    click.echo(f"stopped build server {info['pid']}" if info else "no build server is running")


@server.command("start")
@click.option(
    "--idle",
    type=click.FloatRange(1),
    default=20 * 60,
    show_default=True,
    metavar="SECONDS",
    help="Stop after this long without a build.",
)
def server_start(idle):
    """Start the build server now (a build would start it anyway)."""
    import time  # noqa: PLC0415 (only for this command)

    from podium import buildclient  # noqa: PLC0415 (lazy: see the module docstring)

    path = buildclient.socket_path()
    if path is None:
        raise click.ClickException(
            "no folder for the build server's socket that only you can open (see PODIUM_SERVER_DIR)"
        )
    info = buildclient.ask("status", path)
    if info is None:
        buildclient.start(path, idle)
        deadline = time.monotonic() + 30
        while info is None and time.monotonic() < deadline:
            time.sleep(0.05)
            info = buildclient.ask("status", path)
    if info is None:
        raise click.ClickException("the build server did not start")
    click.echo(_server_line(info))
