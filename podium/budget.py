"""Budgets: how long a build, and each picture, chart or template step in it, may run, and how much memory.

A build runs inside :func:`build_budget`; a step that could run away on hostile input (drawing
an SVG, writing a chart, rendering a handout template, laying out the handout) runs inside
:func:`step`, which names the source line it comes from.  A watchdog thread looks at the clock
and at the process's resident memory (its growth since the build began) ten times a second; when a limit is passed it interrupts
the main thread, and the build stops with

    content/week03.md:14: error: picture 'fig/huge.svg' took longer than 30 s; stopped [too-slow]
    content/week03.md: error: the build needed more than 2048 MiB of memory (…); stopped [too-large]

rather than hanging or being killed by the system.  The previous outputs are kept: a build that
stops has written nothing yet.

A watchdog that polls cannot stop one allocation that jumps far past the limit at once (a
template doubling a string of a gigabyte holds the interpreter until the copy is done), so the
build also runs under a data-size limit (``RLIMIT_DATA``: the process's private writable memory)
a little above the memory limit: such an allocation fails with ``MemoryError``, which becomes the
same ``too-large`` error.  The limit is lifted again when the build ends and for programs the
build starts (LibreOffice), where it is available (Linux, macOS).

The limits can be changed for one run with environment variables: ``PODIUM_TIME_LIMIT``
(seconds per build), ``PODIUM_STEP_TIME_LIMIT`` (seconds per step) and ``PODIUM_MEMORY_LIMIT``
(MiB).  The watchdog runs only when the build runs in the main thread (as it does from the
command line); elsewhere the checks that need no interruption (sizes, counts) still hold.
"""

from __future__ import annotations

import gc
import os
import re
import signal
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass

try:
    import resource
except ImportError:  # not on this system (Windows): the watchdog alone holds
    resource = None  # type: ignore[assignment]

from .diagnostics import BuildError, Diagnostics
from .model import SourcePos

BUILD_SECONDS = 900  # a whole build (one output of one lecture)
STEP_SECONDS = 60  # one picture, chart, template render
MEMORY_MIB = 4096  # resident memory of the build process (a 2,000-slide handout needs about 2.4 GiB)

_POLL = 0.1


def _env_number(name: str, default: float) -> float:
    try:
        value = float(os.environ.get(name, ""))
    except ValueError:
        return default
    return value if value > 0 else default


def build_seconds() -> float:
    return _env_number("PODIUM_TIME_LIMIT", BUILD_SECONDS)


def step_seconds() -> float:
    return _env_number("PODIUM_STEP_TIME_LIMIT", STEP_SECONDS)


def memory_bytes() -> int:
    """The memory a build may hold, in bytes (``PODIUM_MEMORY_LIMIT`` MiB, or :data:`MEMORY_MIB`)."""
    return int(_env_number("PODIUM_MEMORY_LIMIT", MEMORY_MIB) * 2**20)


def resident_bytes() -> int:
    """Return the resident memory of this process (0 where /proc is not available)."""
    try:
        with open("/proc/self/statm", encoding="ascii") as f:
            return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return 0


def data_bytes() -> int:
    """Return the process's private writable memory (VmData; 0 where /proc is not available)."""
    try:
        with open("/proc/self/status", encoding="ascii") as f:
            m = re.search(r"^VmData:\s*(\d+) kB", f.read(), re.M)
    except OSError:
        return 0
    return int(m.group(1)) * 1024 if m else 0


_DATA_HEADROOM = 256 * 2**20  # beyond the memory limit: slow growth is the watchdog's to stop


@contextmanager
def _data_limit(memory: int):
    """Let the process's data grow by at most ``memory`` (plus headroom) while the block runs."""
    if resource is None:
        yield
        return
    used = data_bytes()
    soft, hard = resource.getrlimit(resource.RLIMIT_DATA)
    limit = used + memory + memory // 4 + _DATA_HEADROOM
    if not used or (hard != resource.RLIM_INFINITY and hard < limit):
        yield
        return
    if soft != resource.RLIM_INFINITY and soft < limit:
        limit = soft  # a tighter limit set from outside stays
    _previous_data_limit[:] = [soft]
    resource.setrlimit(resource.RLIMIT_DATA, (limit, hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_DATA, (soft, hard))
        _previous_data_limit.clear()


_previous_data_limit: list[int] = []


@contextmanager
def data_limit_lifted():
    """Run the block (which starts a program, e.g. LibreOffice) with the data limit of before the build."""
    if not _previous_data_limit or resource is None:
        yield
        return
    soft, hard = resource.getrlimit(resource.RLIMIT_DATA)
    resource.setrlimit(resource.RLIMIT_DATA, (_previous_data_limit[0], hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_DATA, (soft, hard))


def memory_message(memory: int, what: str | None) -> str:
    """The words of the error for a build that passed ``memory`` bytes while doing ``what``."""
    where = f" while {what}" if what else ""
    return (
        f"the build needed more than {memory // 2**20} MiB of memory{where}; stopped "
        "(a smaller lecture, picture or chart fits)"
    )


class BudgetExceeded(BuildError):
    """A time or memory limit was reached; carries the message at the step's source line."""


@dataclass
class _Step:
    what: str
    pos: SourcePos | None
    deadline: float
    seconds: float


class _Watch:
    """The running build's deadlines and the watchdog thread that enforces them."""

    def __init__(self, label: str, pos: SourcePos | None, seconds: float, memory: int):
        self.label = label
        self.pos = pos
        self.seconds = seconds
        self.deadline = time.monotonic() + seconds
        self.memory = memory
        self.steps: list[_Step] = []
        self.failed: _Step | None = None  # the step a MemoryError came out of
        self.reason: tuple[str, SourcePos | None, str] | None = None
        self.peak = 0
        # what the process held when the build began (a long-lived one's earlier builds left fonts and
        # caches WeasyPrint keeps): the budget is the build's own growth beyond it
        self.base = resident_bytes()
        self.done = threading.Event()
        self.main = threading.get_ident()  # the thread to interrupt: the main thread, which made the watch
        self.thread = threading.Thread(target=self._run, name="podium-budget", daemon=True)

    def _run(self) -> None:
        while not self.done.wait(_POLL):
            now = time.monotonic()
            rss = resident_bytes()
            self.peak = max(self.peak, rss)
            reason = None
            step = self.steps[-1] if self.steps else None
            if rss - self.base > self.memory:
                reason = (
                    memory_message(self.memory, step.what if step else None),
                    step.pos if step and step.pos else self.pos,
                    "too-large",
                )
            elif step is not None and now > step.deadline:
                reason = (
                    f"{step.what} took longer than {step.seconds:g} s; stopped",
                    step.pos or self.pos,
                    "too-slow",
                )
            elif now > self.deadline:
                where = f" (while {step.what})" if step else ""
                reason = (
                    f"the {self.label} took longer than {self.seconds:g} s{where}; stopped",
                    self.pos,
                    "too-slow",
                )
            if reason is not None:
                self.reason = reason
                signal.pthread_kill(self.main, _SIGNAL)
                return


_current: _Watch | None = None
_SIGNAL = signal.SIGUSR1


class _Interrupted(BaseException):
    """Raised in the main thread by the watchdog's signal (a BaseException: no ``except Exception`` eats it)."""


def _on_signal(signum, frame):
    if _current is not None and _current.reason is not None:
        raise _Interrupted()


@contextmanager
def build_budget(label: str, pos: SourcePos | None, diags: Diagnostics):
    """Run a build of ``label`` (e.g. "deck") within the time and memory budget; BudgetExceeded when not."""
    global _current
    if _current is not None or threading.current_thread() is not threading.main_thread():
        yield  # nested, or not interruptible from here: the outer budget (if any) holds
        return
    memory = memory_bytes()
    if resident_bytes() > memory // 4:
        # earlier builds in this process (the build server's, a course's, tests') leave their layouts in
        # reference cycles, ~50 MB a handout, which Python's collector, counting objects, may not free
        # for many builds: freed now, a build never fails for memory it does not hold
        gc.collect()
    watch = _Watch(label, pos, build_seconds(), memory)
    _current = watch
    signal.signal(
        _SIGNAL, _on_signal
    )  # left in place: a signal arriving late then finds no build and does nothing
    watch.thread.start()
    try:
        with _data_limit(watch.memory):
            yield
    except _Interrupted:
        message, where, code = watch.reason or ("stopped", pos, "too-slow")
        raise BudgetExceeded(diags, message, where, code) from None
    except MemoryError:
        step = watch.failed
        raise BudgetExceeded(
            diags,
            memory_message(watch.memory, step.what if step else None),
            step.pos if step and step.pos else pos,
            "too-large",
        ) from None
    finally:
        watch.done.set()
        watch.thread.join()
        _current = None


@contextmanager
def step(what: str, pos: SourcePos | None, seconds: float | None = None):
    """Mark a step (e.g. "picture 'x.svg'") at ``pos``: it may run ``seconds`` (default: the step budget)."""
    watch = _current
    if watch is None:
        yield
        return
    limit = seconds or step_seconds()
    s = _Step(what, pos, time.monotonic() + limit, limit)
    watch.steps.append(s)
    try:
        yield
    except MemoryError:
        watch.failed = watch.failed or s  # the error names the step it happened in
        raise
    finally:
        if watch.steps and watch.steps[-1] is s:
            watch.steps.pop()
