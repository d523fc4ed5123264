"""Diagnostics: problems with a source position, collected and reported once.

Every stage appends to a :class:`Diagnostics` instead of printing.  The CLI formats them in
compiler style (``path:line[:col]: error|warning: message [code]``) and decides the exit code.
A stage that cannot go on raises :class:`BuildError`, which carries the diagnostics so far.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field

from .model import SourcePos

ERROR, WARNING, NOTE = "error", "warning", "note"


EACH = 3  # a kind of warning is printed this many times in full, then counted (Diagnostics.report)
# kinds printed in full however often they come: each says that words of the lecture are left out
UNFOLDED = frozenset({"left-out"})


def _ranges(lines: list[int]) -> str:
    """``[3, 4, 5, 9]`` as "3-5, 9"."""
    parts: list[str] = []
    start = prev = lines[0]
    for n in lines[1:] + [-1]:
        if n == prev + 1:
            prev = n
            continue
        parts.append(f"{start}-{prev}" if prev > start else str(start))
        start = prev = n
    return ", ".join(parts)


@dataclass(frozen=True, slots=True)
class Diagnostic:
    severity: str
    message: str
    pos: SourcePos | None
    code: str

    def format(self) -> str:
        where = f"{self.pos}: " if self.pos is not None else ""
        return f"{where}{self.severity}: {self.message} [{self.code}]"


@dataclass
class Diagnostics:
    """An ordered, de-duplicated collection of diagnostics."""

    items: list[Diagnostic] = field(default_factory=list)

    def error(self, message: str, pos: SourcePos | None, code: str) -> None:
        self._add(Diagnostic(ERROR, message, pos, code))

    def internal(self, e: Exception, doing: str = "building") -> None:
        """Report ``e``, a bug of Podium's own (not the lecturer's), in words and without a traceback; a
        library missing from this Python is a setup step to take instead (:mod:`podium.dependencies`)."""
        from .dependencies import missing_message  # noqa: PLC0415 (only when something went wrong)

        setup = missing_message(e)
        if setup is not None:
            self.error(setup, None, "setup")
            return
        self.error(
            f"internal error while {doing} ({type(e).__name__}: {e}); please report it with the "
            "source file, or set PODIUM_DEBUG=1 to see the traceback",
            None,
            "internal",
        )

    def warning(self, message: str, pos: SourcePos | None, code: str) -> None:
        self._add(Diagnostic(WARNING, message, pos, code))

    def note(self, message: str, pos: SourcePos | None, code: str) -> None:
        """Information that needs no action (never fails a build, not even with --strict)."""
        self._add(Diagnostic(NOTE, message, pos, code))

    def _add(self, d: Diagnostic) -> None:
        if d not in self.items:
            self.items.append(d)

    def extend(self, other: Diagnostics) -> None:
        for d in other.items:
            self._add(d)

    def in_source_order(self) -> list[Diagnostic]:
        """The diagnostics as a lecturer reads them: file by file (in the order each file was first
        named), line by line; those of no file last.  Stages find problems in their own order (the
        reader, then the fitter, then the renderers), which would make the lines jump about."""
        files: dict[str, int] = {}
        for d in self.items:
            if d.pos is not None:
                files.setdefault(d.pos.path, len(files))

        def key(d: Diagnostic) -> tuple[int, int, int]:
            if d.pos is None:
                return (len(files), 0, 0)
            return (files[d.pos.path], d.pos.line or 0, d.pos.col or 0)

        return sorted(self.items, key=key)

    def report(self, each: int | None = EACH) -> list[str]:
        """The lines to print, in source order: every error; of a kind of warning or note (its code)
        that repeats (but those of :data:`UNFOLDED`), the first ``each`` in full, then one line per file counting the rest and naming
        their lines (a deck of 40 pictures without alt text would bury the one warning that matters).
        ``each`` None: every diagnostic in full."""
        ordered = self.in_source_order()
        if each is None:
            return [d.format() for d in ordered]
        out: list[str] = []
        seen: dict[str, int] = {}
        rest: dict[tuple[str, str, str], list[Diagnostic]] = {}
        for d in ordered:
            if d.severity == ERROR or d.code in UNFOLDED:
                out.append(d.format())
                continue
            seen[d.code] = seen.get(d.code, 0) + 1
            if seen[d.code] <= each:
                out.append(d.format())
            else:
                rest.setdefault((d.pos.path if d.pos else "", d.severity, d.code), []).append(d)
        for (path, severity, code), more in rest.items():
            lines = sorted({d.pos.line for d in more if d.pos is not None and d.pos.line})
            at = f" at line{'s' if len(lines) > 1 else ''} {_ranges(lines)}" if lines else ""
            where = f"{path}: " if path else ""
            out.append(
                f"{where}{severity}: {len(more)} more of this kind{at} (--all-warnings shows each) [{code}]"
            )
        return out

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.items if d.severity == ERROR]

    @property
    def warnings(self) -> list[Diagnostic]:
        return [d for d in self.items if d.severity == WARNING]

    def has_errors(self) -> bool:
        return any(d.severity == ERROR for d in self.items)

    def raise_if_errors(self) -> None:
        if self.has_errors():
            raise BuildError(self)


class BuildError(Exception):
    """A content, template or consistency error; the build stops, previous outputs stay."""

    def __init__(self, diagnostics: Diagnostics | None = None, message: str = "", pos=None, code="error"):
        self.diagnostics = diagnostics if diagnostics is not None else Diagnostics()
        if message:
            self.diagnostics.error(message, pos, code)
        super().__init__("\n".join(d.format() for d in self.diagnostics.errors))


def did_you_mean(name: str, choices, cutoff: float = 0.6) -> str:
    """Return " (did you mean 'X'?)" for the choice closest to ``name`` (by difflib's ratio), or ""."""

    options = [str(c) for c in choices]
    lowered = {c.lower(): c for c in options}
    best = difflib.get_close_matches(str(name).lower(), list(lowered), n=1, cutoff=cutoff)
    return f" (did you mean '{lowered[best[0]]}'?)" if best else ""
