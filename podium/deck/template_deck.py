"""A template's deck.pptx opened for writing: checked before it is inflated, its sample slides removed.

A build server (:mod:`podium.buildserver`) opens the default template once with :func:`keep_opened`;
each build it forks takes that copy (its own, by the fork) instead of reading the file again, as
long as the file is still the one that was opened.
"""

from __future__ import annotations

import io
import os

from pptx import Presentation

from .. import model as m
from ..deckcheck import check_package, structure_problem
from ..diagnostics import BuildError, Diagnostics
from ..template_folders import Template, deck_of
from .patches import fast_partnames, fast_slide_ids, fast_slide_rels, potx_as_pptx, remove_all_slides

# decks opened ahead of a build (keep_opened), by the file's identity; each is given out once
_OPENED: dict[tuple, object] = {}


def _identity(path) -> tuple:
    st = os.stat(path)
    return (os.path.realpath(path), st.st_size, st.st_mtime_ns, st.st_ino)


def keep_opened(template: Template) -> None:
    """Open ``template``'s deck now, for the next :func:`open_template` of the same unchanged file."""
    path = deck_of(template)
    if path is not None:
        prs = open_template(template, Diagnostics())
        _OPENED[_identity(path)] = prs


def open_template(template: Template, diags: Diagnostics):
    """Return a Presentation of the template deck with its sample slides removed."""
    path = deck_of(template)
    if path is None:
        raise BuildError(diags, f"template '{template.name}' has no deck.pptx", None, "template")
    if _OPENED:
        try:
            kept = _OPENED.pop(_identity(path), None)
        except OSError:
            kept = None
        if kept is not None:
            return kept
    where = m.SourcePos(os.path.relpath(path), 1)
    problem = check_package(path)  # from the zip's directory, before anything is inflated
    if problem is not None:
        raise BuildError(diags, problem[0], where, problem[1])
    try:
        data = path.read_bytes()
        if path.suffix.lower() == ".potx":
            data = potx_as_pptx(data)
        prs = Presentation(io.BytesIO(data))
    except Exception as e:  # python-pptx raises many kinds for a corrupt file
        raise BuildError(
            diags, f"template deck cannot be opened as a PowerPoint file: {e}", where, "bad-template"
        ) from None
    broken = structure_problem(prs)
    if broken is not None:
        raise BuildError(diags, broken, where, "bad-template")
    remove_all_slides(prs)
    fast_partnames(prs.part.package)
    fast_slide_rels(prs.part)
    fast_slide_ids(prs)
    return prs
