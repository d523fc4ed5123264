"""Build many lectures at once: in parallel, with one progress display, each warning printed once.

:func:`build_all` runs :func:`podium.pipeline.build` for every lecture.  Lectures whose build
record says they are up to date are settled first, without starting anything heavy; the rest are
built in a pool of worker processes (``-j N``, default the number of CPUs this process may use),
each reading its lecture once for both outputs.  On a terminal a live display shows every
lecture and its stage (read, deck, handout, check, write); otherwise one plain line per finished
lecture; ``--quiet`` prints only problems.
"""

from __future__ import annotations

import os
import queue as queue_mod
import signal
import sys
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from .diagnostics import EACH
from .pipeline import DECK, HANDOUT, SLIDES_PDF, BuildOptions, Output, Result, build, labels, up_to_date

if TYPE_CHECKING:
    from rich.progress import Progress, TaskID

STAGES = ("read", DECK, HANDOUT, SLIDES_PDF, "check", "write")
_events = None  # set in each worker: a queue of (lecture index, stage)


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


@dataclass
class Job:
    index: int
    source: Path
    options: BuildOptions
    outputs: tuple[Output, ...]
    strict: bool
    check: bool
    force: bool


def _init_worker(events) -> None:
    global _events
    _events = events
    _end_with_parent()


def _end_with_parent() -> None:
    """A worker ends when the command that started it does (killed, or its terminal closed): on Linux
    the system sends it SIGTERM then (``PR_SET_PDEATHSIG``), so no worker builds on, or waits for
    work, after the command has gone.  (Ctrl-C reaches the workers anyway: they are in the command's
    process group.)"""
    if not sys.platform.startswith("linux"):
        return
    try:
        import ctypes  # noqa: PLC0415 (only in a worker, only on Linux)

        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        return
    if os.getppid() == 1:  # (the command ended before the worker asked)
        os.kill(os.getpid(), signal.SIGTERM)


def _run_job(job: Job) -> Result:
    def progress(stage: str) -> None:
        if _events is not None:
            _events.put((job.index, stage))

    return build(
        job.source,
        job.options,
        job.outputs,
        strict=job.strict,
        check=job.check,
        force=job.force,
        progress=progress,
    )


# --------------------------------------------------------------------------- reporting


class Reporter:
    """Prints what happens: a live display on a terminal, plain lines otherwise, only problems if quiet."""

    def __init__(
        self,
        sources: list[Path],
        outputs: tuple[Output, ...],
        check: bool,
        quiet: bool,
        live: bool | None = None,
        stream=None,
        each: int | None = EACH,
    ):
        self.stream = stream or sys.stderr
        self.quiet = quiet
        self.each = each  # a kind of warning printed this many times, then counted (None: every one)
        self.outputs = outputs
        kinds = {o.kind for o in outputs}
        self.stages = [s for s in STAGES if s in ("read", "write") or s in kinds or (s == "check" and check)]
        self.live = (not quiet and self.stream.isatty()) if live is None else live
        self.progress: Progress | None = None
        self.tasks: dict[int, TaskID] = {}
        self.finished: set[int] = set()
        self.sources = sources

    def __enter__(self) -> Reporter:
        if self.live:
            from rich.console import Console  # noqa: PLC0415 (rich: only for the live display on a terminal)
            from rich.progress import (  # noqa: PLC0415 (rich: only for the live display on a terminal)
                BarColumn,
                MofNCompleteColumn,
                Progress,
                SpinnerColumn,
                TextColumn,
                TimeElapsedColumn,
            )

            console = Console(file=self.stream)
            self.progress = Progress(
                SpinnerColumn(),
                TextColumn("{task.description}"),
                BarColumn(),
                MofNCompleteColumn(),
                TimeElapsedColumn(),
                console=console,
                transient=False,
            )
            self.progress.__enter__()
        return self

    def __exit__(self, *exc) -> None:
        if self.progress is not None:
            self.progress.__exit__(*exc)

    def line(self, text: str) -> None:
        if self.progress is not None:
            self.progress.console.print(text, markup=False, highlight=False, soft_wrap=True)
        else:
            print(text, file=self.stream, flush=True)

    def start(self, index: int) -> None:
        if self.progress is not None:
            name = self.sources[index].name
            self.tasks[index] = self.progress.add_task(f"{name}: waiting", total=len(self.stages))

    def stage(self, index: int, stage: str) -> None:
        if (
            self.progress is not None
            and index in self.tasks
            and stage in self.stages
            and index not in self.finished
        ):
            name = self.sources[index].name
            self.progress.update(
                self.tasks[index], description=f"{name}: {stage}", completed=self.stages.index(stage)
            )

    def done(self, index: int, result: Result) -> None:
        self.finished.add(index)
        for line in result.diagnostics.report(self.each):
            self.line(line)
        src = result.source
        if self.progress is not None and index in self.tasks:
            self.progress.update(
                self.tasks[index], description=f"{src.name}: {self._word(result)}", completed=len(self.stages)
            )
        if result.status == "failed":
            self.line(f"{src}: {labels(self.outputs)} not written; the previous output is kept")
        elif result.status == "strict":
            self.line(
                f"{src}: {len(result.diagnostics.warnings)} warning(s) and --strict: failing; "
                "the previous output is kept"
            )
        elif not self.quiet:
            if result.status == "skipped":
                self.line(f"{src}: up to date ({labels(self.outputs)}); --force rebuilds")
            for p in result.written:
                self.line(f"wrote {p}")
            if result.checked:
                self.line(f"{src}: deck and handout agree with the source")

    @staticmethod
    def _word(result: Result) -> str:
        return {"built": "done", "skipped": "up to date", "strict": "failed (--strict)"}.get(
            result.status, "failed"
        )


# --------------------------------------------------------------------------- the course build


def _preload(outputs: tuple[Output, ...]) -> None:
    """Import the renderers once in the parent, so forked workers share them instead of each importing."""
    import podium.deck.plan  # noqa: PLC0415 (preloading the renderers is this function's job)
    import podium.reader  # noqa: PLC0415 (preloading the renderers is this function's job)

    kinds = {o.kind for o in outputs}
    if DECK in kinds:
        import podium.deck.writer  # noqa: PLC0415 (preloading the renderers is this function's job)
    if HANDOUT in kinds or SLIDES_PDF in kinds:
        import podium.handout.html  # noqa: PLC0415 (preloading the renderers is this function's job)
        import podium.handout.pdf  # noqa: PLC0415, F401 (preloading the renderers is this function's job)


def build_all(
    sources: list[Path],
    options: BuildOptions,
    outputs: tuple[Output, ...],
    *,
    strict: bool = False,
    check: bool = False,
    force: bool = False,
    jobs: int | None = None,
    quiet: bool = False,
    live: bool | None = None,
    stream=None,
    each: int | None = EACH,
) -> bool:
    """Build every source; report as they finish; return True when every lecture succeeded."""
    jobs = max(1, jobs or default_jobs())
    todo = [Job(i, s, options, outputs, strict, check, force) for i, s in enumerate(sources)]
    ok = True
    with Reporter(sources, outputs, check, quiet, live, stream, each) as rep:
        pending: list[Job] = []
        for job in todo:  # the up-to-date ones first: no imports, no workers
            entries = None if force else up_to_date(job.source, options, outputs, check)
            if entries is not None:
                rep.start(job.index)
                result = build(job.source, options, outputs, strict=strict, check=check, entries=entries)
                rep.done(job.index, result)
                ok = ok and result.ok
            else:
                pending.append(job)
        if not pending:
            return ok
        for job in pending:
            rep.start(job.index)
        if jobs == 1 or len(pending) == 1:
            for job in pending:
                result = build(
                    job.source,
                    job.options,
                    job.outputs,
                    strict=strict,
                    check=check,
                    force=force,
                    progress=partial(rep.stage, job.index),
                )
                rep.done(job.index, result)
                ok = ok and result.ok
            return ok
        import multiprocessing  # noqa: PLC0415 (only a parallel build needs worker processes)
        from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait  # noqa: PLC0415 (only a parallel build needs worker processes)

        _preload(outputs)
        methods = multiprocessing.get_all_start_methods()
        ctx = multiprocessing.get_context("fork" if "fork" in methods else None)
        events = ctx.Queue()
        with ProcessPoolExecutor(
            min(jobs, len(pending)), mp_context=ctx, initializer=_init_worker, initargs=(events,)
        ) as pool:
            futures: dict[Future, Job] = {pool.submit(_run_job, job): job for job in pending}
            while futures:
                done, _ = wait(list(futures), timeout=0.1, return_when=FIRST_COMPLETED)
                _drain(events, rep)
                for fut in done:
                    job = futures.pop(fut)
                    try:
                        result = fut.result()
                    except Exception as e:  # a worker died (killed, out of memory)
                        result = Result(job.source, "failed")
                        result.diagnostics.error(
                            f"the build of this lecture stopped: {type(e).__name__}: {e}", None, "internal"
                        )
                    rep.done(job.index, result)
                    ok = ok and result.ok
            _drain(events, rep)
    return ok


def _drain(events, rep: Reporter) -> None:
    while True:
        try:
            index, stage = events.get_nowait()
        except (queue_mod.Empty, OSError, ValueError):
            return
        rep.stage(index, stage)
