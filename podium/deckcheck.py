"""Is a template deck safe to open and whole enough to build with?  Checked before Podium uses it.

Two checks, both reported as ``error: … [bad-template]`` (or ``[too-large]``) at the deck's file:

* :func:`check_package` reads only the zip's central directory, before anything is inflated:
  the file's size, the number of members, each member's declared size and compression ratio,
  and their total.  A "zip bomb" (a few KiB that inflate to gigabytes) is refused here, so none
  of its members is ever read, let alone copied into an output deck.
* :func:`structure_problem` walks what the deck writer relies on once python-pptx has opened the
  package: a slide master, at least one layout, and every layout's and master's relationships
  (python-pptx opens a deck whose relationships point at missing parts and fails later, with a
  ``KeyError``).
"""

from __future__ import annotations

import os
import zipfile
from pathlib import Path

MAX_DECK_BYTES = 200 * 2**20  # the .pptx/.potx file itself
MAX_MEMBERS = 10_000
MAX_MEMBER_BYTES = 100 * 2**20  # one member, inflated
MAX_TOTAL_BYTES = 400 * 2**20  # all members, inflated
MAX_RATIO = 100  # inflated / compressed, for members larger than RATIO_FLOOR
RATIO_FLOOR = 2**20


def check_package(path: Path) -> tuple[str, str] | None:
    """Return (message, code) when the zip at ``path`` is too large or a bomb, from its directory alone."""
    try:
        size = os.stat(path).st_size
    except OSError as e:
        return f"template deck cannot be read: {e.strerror or e}", "bad-template"
    if size > MAX_DECK_BYTES:
        return (
            f"template deck is {size / 2**20:.0f} MiB; Podium opens decks up to {MAX_DECK_BYTES // 2**20} MiB",
            "too-large",
        )
    try:
        with zipfile.ZipFile(path) as z:
            infos = z.infolist()
    except (OSError, zipfile.BadZipFile, ValueError, EOFError) as e:
        return f"template deck cannot be opened as a PowerPoint file: {e}", "bad-template"
    if len(infos) > MAX_MEMBERS:
        return (
            f"template deck holds {len(infos)} files; a PowerPoint deck has far fewer (at most {MAX_MEMBERS} "
            "are read)",
            "too-large",
        )
    total = 0
    for info in infos:
        if info.file_size > MAX_MEMBER_BYTES:
            return (
                f"template deck member '{info.filename[:80]}' would inflate to {info.file_size / 2**20:.0f} MiB "
                f"(at most {MAX_MEMBER_BYTES // 2**20} MiB each); not opened",
                "too-large",
            )
        if info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            return (
                f"template deck member '{info.filename[:80]}' inflates {info.file_size // max(info.compress_size, 1)}"
                f" times (a zip bomb?); not opened",
                "too-large",
            )
        total += info.file_size
    if total > MAX_TOTAL_BYTES:
        return (
            f"template deck would inflate to {total / 2**20:.0f} MiB (at most {MAX_TOTAL_BYTES // 2**20} MiB); "
            "not opened",
            "too-large",
        )
    return None


def structure_problem(prs) -> str | None:
    """Return what is missing or broken in the opened Presentation ``prs``, or None when it is usable."""
    try:
        masters = list(prs.slide_masters)
    except (KeyError, IndexError, ValueError, AttributeError, TypeError) as e:
        return f"template deck's slide master cannot be read (a broken relationship: {_why(e)})"
    if not masters:
        return "template deck has no slide master; save it from PowerPoint as a template (.potx or .pptx)"
    layouts = []
    for k, master in enumerate(masters, start=1):
        try:
            layouts += [(k, lay) for lay in master.slide_layouts]
            list(master.placeholders)
        except (KeyError, IndexError, ValueError, AttributeError, TypeError) as e:
            return f"slide master {k} of the template deck has a broken relationship ({_why(e)})"
    if not layouts:
        return (
            "template deck has no slide layouts; Podium needs at least one (PowerPoint: View → Slide Master)"
        )
    for k, lay in layouts:
        try:
            lay.name  # noqa: B018 (reading is the check)
            for ph in lay.placeholders:
                ph.placeholder_format.type  # noqa: B018
            lay.slide_master  # noqa: B018
        except (KeyError, IndexError, ValueError, AttributeError, TypeError) as e:
            return f"a layout of slide master {k} of the template deck is broken ({_why(e)})"
    try:
        prs.slide_layouts  # noqa: B018 (the first master's layouts: what python-pptx hands out)
        prs.slide_width  # noqa: B018
    except (KeyError, IndexError, ValueError, AttributeError, TypeError) as e:
        return f"template deck cannot be read ({_why(e)})"
    return None


def _why(e: Exception) -> str:
    text = str(e.args[0]) if isinstance(e, KeyError) and e.args else str(e)
    return text or type(e).__name__
