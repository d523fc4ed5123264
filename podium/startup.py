"""What keeps a command's start and end short: a standard module loaded only when first used, and
an exit that does not scan every object once more.

A lecturer rebuilds a 60-slide deck dozens of times; a third of such a build is Python starting,
importing and exiting.  Two of those costs do no work for Podium:

- python-pptx imports ``xml.sax.saxutils`` for its ``escape``; that module imports
  ``urllib.request`` (and with it ``http.client``, ``email`` and ``socket``: a fifth of
  python-pptx's import time) for a function python-pptx never calls.  :func:`defer_module` puts a
  stand-in module in its place: the real one is imported the first time one of its attributes
  is used (Podium's own download of a remote picture does), and never otherwise.
- WeasyPrint and cairocffi look for their C libraries under several names, Windows' first; for each
  name the loader does not know, ``ctypes.util.find_library`` starts ``ldconfig``, ``gcc`` and
  ``ld`` (22 names, 50 processes: a fifth of a second of WeasyPrint's import).
  :func:`quick_library_lookup` answers those from one reading of the loader's cache instead.
- At exit the interpreter runs the cycle collector over every object still alive (the modules,
  the template, the font caches): about a tenth of a small build.  :func:`freeze_at_exit` moves
  them to the collector's permanent generation first (:func:`gc.freeze`).  Nothing else changes:
  ``atexit`` handlers, finalizers and the flushing of files still run, and objects are still
  freed by their reference counts.
"""

from __future__ import annotations

import atexit
import contextlib
import functools
import gc
import importlib
import os
import re
import sys
import types
from collections.abc import Iterator

DEFERRED = ("urllib.request",)  # imported by a dependency, used by Podium only for --allow-remote


class _Deferred(types.ModuleType):
    """A stand-in in ``sys.modules``: the first attribute asked of it imports the real module."""

    def __getattr__(self, attr: str):
        return getattr(_load(self.__name__), attr)


def _load(name: str) -> types.ModuleType:
    if isinstance(sys.modules.get(name), _Deferred):
        del sys.modules[name]
    return importlib.import_module(name)  # (binds the real module in its package too)


def defer_module(name: str) -> None:
    """Make ``name`` load on first use instead of at ``import`` (a no-op if it is already loaded).

    ``import name`` then binds the stand-in; ``name.f`` and ``from name import f`` import the real
    module.  (The standard library's LazyLoader cannot serve: Python 3.11's import statement reads
    ``__spec__`` of a module it finds in ``sys.modules``, which makes LazyLoader load it at once.)"""
    if name in sys.modules:
        return
    stand_in = _Deferred(name)
    sys.modules[name] = stand_in
    parent, _, child = name.rpartition(".")
    if parent:  # what the import system does for a submodule: ``import a.b`` then finds a.b on a
        setattr(importlib.import_module(parent), child, stand_in)


def defer_unused_imports() -> None:
    """Defer the standard modules a dependency imports but Podium's builds do not use (DEFERRED)."""
    for name in DEFERRED:
        defer_module(name)


_frozen_at_exit = False


def freeze_at_exit() -> None:
    """At interpreter exit, take every object out of the cycle collector's last scan (once per process)."""
    global _frozen_at_exit
    if not _frozen_at_exit:
        atexit.register(gc.freeze)
        _frozen_at_exit = True


@contextlib.contextmanager
def quick_library_lookup() -> Iterator[None]:
    """While a binding to C libraries loads (WeasyPrint, cairosvg's cairocffi), ``find_library``
    answers from one listing of the dynamic loader's cache (``ldconfig -p``), as its first step does,
    without trying ``gcc`` and ``ld`` for each name the cache lacks.  Elsewhere than on Linux, or
    without ``ldconfig``, it is left as it is."""
    import ctypes.util  # noqa: PLC0415 (only when a C binding loads)

    real = ctypes.util.find_library
    listing = _loader_cache() if sys.platform.startswith("linux") else None
    if listing is None:
        yield
        return
    abi = _LOADER_ABI.get(f"{os.uname().machine}-{64 if sys.maxsize > 2**32 else 32}", "libc6")

    def find(name: str) -> str | None:
        found = re.search(
            rb"\s+(lib%s\.[^\s]+)\s+\(%s" % (re.escape(os.fsencode(name)), re.escape(abi.encode())), listing
        )
        return os.fsdecode(found.group(1)) if found else None

    ctypes.util.find_library = find
    try:
        yield
    finally:
        ctypes.util.find_library = real


# the loader cache's name of this machine's ABI (as ctypes.util reads it)
_LOADER_ABI = {
    "x86_64-64": "libc6,x86-64",
    "ppc64-64": "libc6,64bit",
    "sparc64-64": "libc6,64bit",
    "s390x-64": "libc6,64bit",
    "ia64-64": "libc6,IA-64",
}


@functools.cache
def _loader_cache() -> bytes | None:
    import subprocess  # noqa: PLC0415 (only when a C binding loads)

    for ldconfig in ("/sbin/ldconfig", "/usr/sbin/ldconfig"):
        try:
            return subprocess.run(
                [ldconfig, "-p"],
                capture_output=True,
                env={"LC_ALL": "C", "LANG": "C"},
                check=True,
                timeout=10,
            ).stdout
        except (OSError, subprocess.SubprocessError):
            continue
    return None
