"""``podium watch [--serve]``: rebuild a lecture as soon as it (or anything it reads) is saved.

watchfiles reports a save within about a tenth of a second (``debounce`` below); every watched
lecture is then rebuilt through the same :func:`podium.pipeline.build` as ``podium all``, so one
whose inputs did not change is skipped by its build record.  With ``--serve``, the lecture's
handout HTML goes to the live preview (:mod:`podium.preview`) right after it is read, before the
deck and the PDF are written; the page reloads itself, shows errors, and links the new outputs.
"""

from __future__ import annotations

import os
import sys
import threading
import time
from http.server import ThreadingHTTPServer
from pathlib import Path

import click
from watchfiles import watch

from .diagnostics import BuildError, Diagnostics
from .pipeline import (
    DECK,
    HANDOUT,
    BuildOptions,
    Output,
    build,
    deck_path,
    handout_html,
    handout_path,
    prepare,
    project_roots,
    up_to_date,
)
from .preview import Preview
from .preview import serve as start

DEBOUNCE_MS = 100
IGNORED_SUFFIXES = (".swp", ".swx", ".tmp", "~", ".pyc")
OUTPUTS = (Output(DECK, "instructor"), Output(HANDOUT, "student"))  # what a save rebuilds


def _echo(text: str, quiet: bool = False) -> None:
    if not quiet:
        click.echo(text, err=True)


class Watcher:
    def __init__(
        self,
        find_sources,
        options: BuildOptions,
        *,
        serve: bool = False,
        port: int = 8000,
        quiet: bool = False,
        strict: bool = False,
    ):
        self.find_sources = find_sources
        self.options = options
        self.quiet = quiet
        self.strict = strict
        self.preview: Preview | None = None
        self.server: ThreadingHTTPServer | None = None
        if serve:
            self.preview = Preview()
            self.server = start(self.preview, options.out_dir, port)

    @property
    def url(self) -> str | None:
        if self.server is None:
            return None
        host, port = self.server.socket.getsockname()[:2]
        return f"http://{host}:{port}/"

    def rebuild(self, source: Path, force: bool = False, if_stale: bool = False) -> bool:
        """Build ``source`` (both outputs); ``if_stale``: only when its build record is out of date."""
        if if_stale and up_to_date(source, self.options, OUTPUTS):
            return True
        t0 = time.perf_counter()
        diags = Diagnostics()
        page = self.preview.page(source) if self.preview else None
        prep = None
        try:
            prep = prepare(source, self.options, diags)
            if page is not None:
                page.html = handout_html(prep, diags)
                page.roots = project_roots(source, prep.template) + self.options.extra_roots
                page.outputs = [
                    deck_path(source, self.options.out_dir),
                    handout_path(source, self.options.out_dir),
                ]
                page.errors, page.warnings, page.state = [], [d.format() for d in diags.warnings], "building"
                self._bump()
        except BuildError as e:
            diags.extend(e.diagnostics)
        except Exception as e:  # a bug of ours: the watch goes on
            if os.environ.get("PODIUM_DEBUG"):
                raise
            diags.error(f"internal error while reading ({type(e).__name__}: {e})", None, "internal")
        if prep is None:
            for line in diags.report():
                click.echo(line, err=True)
            _echo(f"{source}: not built; the previous output is kept")
            if page is not None:
                page.errors = [d.format() for d in diags.errors]
                page.warnings = [d.format() for d in diags.warnings]
                page.state = "failed"
                if page.outputs == []:
                    page.outputs = [
                        deck_path(source, self.options.out_dir),
                        handout_path(source, self.options.out_dir),
                    ]
                self._bump()
            return False
        result = build(source, self.options, OUTPUTS, strict=self.strict, force=force, prepared=prep)
        for line in result.diagnostics.report():
            click.echo(line, err=True)
        if result.status == "skipped":
            _echo(f"{source}: up to date", self.quiet)
        elif result.ok:
            _echo(
                f"{source}: rebuilt in {time.perf_counter() - t0:.1f} s: "
                + ", ".join(str(p) for p in result.written),
                self.quiet,
            )
        else:
            _echo(f"{source}: not written; the previous output is kept")
        if page is not None:
            page.state = "ok" if result.ok else "failed"
            page.errors = [d.format() for d in result.diagnostics.errors]
            if result.status == "strict":
                page.errors.append(f"{len(result.diagnostics.warnings)} warning(s) and --strict")
            page.warnings = [d.format() for d in result.diagnostics.warnings]
            self._bump()
        return result.ok

    def _bump(self) -> None:
        if self.preview is not None:
            self.preview.bump()

    def watched_paths(self, sources: list[Path]) -> list[Path]:
        paths = {s.resolve().parent for s in sources} | {Path("content").resolve()}
        if Path("templates").is_dir():
            paths.add(Path("templates").resolve())
        return sorted(p for p in paths if p.is_dir())

    def run(self, stop: threading.Event | None = None) -> None:
        sources = self.find_sources()
        if self.url:
            click.echo(f"preview: {self.url}")
            sys.stdout.flush()
        for src in sources:
            self.rebuild(src)
        out = Path(self.options.out_dir).resolve()
        _echo(
            f"watching {', '.join(os.path.relpath(p) for p in self.watched_paths(sources))} (Ctrl-C stops)",
            self.quiet,
        )

        def interesting(change, path: str) -> bool:
            p = Path(path)
            return not (
                p.name.startswith((".#", ".podium"))
                or p.name.endswith(IGNORED_SUFFIXES)
                or out in p.parents
                or "__pycache__" in p.parts
                or ".podium" in p.parts
            )

        for changes in watch(
            *self.watched_paths(sources),
            watch_filter=interesting,
            debounce=DEBOUNCE_MS,
            step=20,
            stop_event=stop,
            raise_interrupt=False,
            rust_timeout=500,
            yield_on_timeout=False,
        ):
            changed = {Path(p).resolve() for _, p in changes}
            sources = self.find_sources()
            touched = [s for s in sources if s.resolve() in changed]
            others = [s for s in sources if s not in touched]
            # the saved lecture first, then any other the change may concern (its record skips it if not)
            for src in touched:
                self.rebuild(src)
            for src in others:
                self.rebuild(src, if_stale=True)

    def close(self) -> None:
        if self.server is not None:
            self.server.shutdown()
            self.server.server_close()
