"""Handout templates run sandboxed and bounded, and every way they can fail is a message at their line.

:class:`LimitedSandbox` is Jinja's ``ImmutableSandboxedEnvironment`` plus size limits: a string
or list repeated (``"x" * 10**10``) or a power (``10 ** 10**8``) beyond the limits is refused
before it is made, a filter given an absurd width (``"x" | center(10**10)``) is refused, and
``range`` is capped by the sandbox itself (``MAX_RANGE``).  :func:`render` writes the page piece
by piece and stops when it passes :data:`MAX_OUTPUT` characters.  Syntax errors, undefined
names, recursion (a template that includes itself), overflow, a sandbox refusal and running out
of memory all become a :class:`BuildError` at the template file and line where they happened.
"""

from __future__ import annotations

import functools
import os
import traceback
from collections.abc import Callable
from typing import Any

import jinja2
from jinja2.sandbox import ImmutableSandboxedEnvironment

from .budget import memory_bytes, memory_message
from .diagnostics import BuildError, Diagnostics
from .model import SourcePos

MAX_VALUE = 10 * 2**20  # characters (or items) one expression may make
MAX_OUTPUT = 256 * 2**20  # characters of the whole handout page
MAX_NUMBER = 10**6  # a width, count or repeat given to a filter
MAX_POWER_BITS = 64 * 1024  # a ** b may make an integer of at most this many bits
MAX_RANGE = 100_000  # Jinja's sandbox refuses larger ranges (jinja2.sandbox.MAX_RANGE)


class TemplateLimit(jinja2.exceptions.SecurityError):
    """A template tried to make something larger than the limits allow."""


def _sized(value) -> bool:
    return isinstance(value, (str, bytes, list, tuple))


def _guard_filter(name: str, f):
    @functools.wraps(f)
    def guarded(*args, **kwargs):
        for a in (*args, *kwargs.values()):
            if isinstance(a, int) and not isinstance(a, bool) and abs(a) > MAX_NUMBER:
                raise TemplateLimit(
                    f"the number {a} given to the '{name}' filter is larger than {MAX_NUMBER}"
                )
        return f(*args, **kwargs)

    return guarded


class LimitedSandbox(ImmutableSandboxedEnvironment):
    """Jinja's immutable sandbox with limits on the size of what one expression can make."""

    intercepted_binops = frozenset(["*", "**"])

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters = {name: _guard_filter(name, f) for name, f in self.filters.items()}

    def call_binop(self, context, operator, left, right):
        if operator == "*":
            for seq, n in ((left, right), (right, left)):
                if _sized(seq) and isinstance(n, int) and len(seq) * n > MAX_VALUE:
                    raise TemplateLimit(
                        f"repeating a {type(seq).__name__} of {len(seq)} {n} times would make more "
                        f"than {MAX_VALUE} items"
                    )
        if (
            operator == "**"
            and isinstance(left, int)
            and isinstance(right, int)
            and abs(left) > 1
            and right > 0
        ):
            if abs(left).bit_length() * right > MAX_POWER_BITS:
                raise TemplateLimit(f"{left} ** {right} is too large a number")
        return super().call_binop(context, operator, left, right)


def _where(e: BaseException, fallback: SourcePos | None) -> SourcePos | None:
    """Return the template file and line the exception ``e`` was raised from (Jinja rewrites its frames)."""
    if isinstance(e, jinja2.TemplateSyntaxError):
        shown = os.path.relpath(e.filename) if e.filename else (e.name or "template")
        return SourcePos(shown, e.lineno or 1)
    tb = e.__traceback__
    frames = traceback.extract_tb(tb, limit=200) if tb is not None else []
    for fr in reversed(frames):
        if fr.filename.endswith((".j2", ".html", ".jinja", ".jinja2")) and os.path.isfile(fr.filename):
            return SourcePos(os.path.relpath(fr.filename), fr.lineno or 1)
    return fallback


# How each way a template can fail is told: (exception types, code, message); the first row that
# matches wins, so a subclass comes before its base (TemplateLimit is a SecurityError, OverflowError
# an ArithmeticError).
FAILURES: tuple[
    tuple[type[BaseException] | tuple[type[BaseException], ...], str, Callable[[Any], str]], ...
] = (
    (TemplateLimit, "too-large", lambda e: f"handout template makes something too large: {e}"),
    (jinja2.TemplateSyntaxError, "template-syntax", lambda e: f"template syntax error: {e.message}"),
    (jinja2.TemplateNotFound, "template", lambda e: f"handout template '{e.name}' not found"),
    (
        jinja2.exceptions.SecurityError,
        "template-unsafe",
        lambda e: f"handout template tried something unsafe: {e}",
    ),
    (
        jinja2.UndefinedError,
        "template",
        lambda e: f"handout template uses something undefined: {e.message}",
    ),
    (jinja2.TemplateError, "template", lambda e: f"handout template failed: {e}"),
    (
        RecursionError,
        "template",
        lambda e: (
            "handout template recurses without end (does it include or extend itself, or call "
            "a macro that calls itself?)"
        ),
    ),
    (OverflowError, "too-large", lambda e: f"handout template makes a number or range too large: {e}"),
    (
        MemoryError,
        "too-large",
        lambda e: memory_message(memory_bytes(), "rendering the handout template"),
    ),
    (
        (TypeError, ValueError, ArithmeticError, LookupError, AttributeError),
        "template",
        lambda e: f"handout template failed: {type(e).__name__}: {e}",
    ),
)
_CAUGHT = tuple(t for types, _, _ in FAILURES for t in (types if isinstance(types, tuple) else (types,)))


def render(tpl: jinja2.Template, context: dict, diags: Diagnostics, fallback: SourcePos | None = None) -> str:
    """Return ``tpl`` rendered with ``context``; every failure is a BuildError at the template's line."""
    if fallback is None and tpl.filename:
        fallback = SourcePos(os.path.relpath(tpl.filename), 1)
    parts: list[str] = []
    size = 0
    try:
        for piece in tpl.generate(**context):
            size += len(piece)
            if size > MAX_OUTPUT:
                raise TemplateLimit(
                    f"the handout page would be larger than {MAX_OUTPUT // 2**20} MiB of HTML"
                )
            parts.append(piece)
        return "".join(parts)
    except _CAUGHT as e:
        for types, code, message in FAILURES:
            if isinstance(e, types):
                raise BuildError(diags, message(e), _where(e, fallback), code) from None
        raise  # not reached: every type in _CAUGHT has a row
