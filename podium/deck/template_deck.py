"""A template's deck.pptx opened for writing: checked before it is inflated, its sample slides removed."""

from __future__ import annotations

import io
import os

from pptx import Presentation

from .. import model as m
from ..deckcheck import check_package, structure_problem
from ..diagnostics import BuildError, Diagnostics
from ..template_folders import Template, deck_of
from .patches import fast_partnames, fast_slide_ids, fast_slide_rels, potx_as_pptx, remove_all_slides


def open_template(template: Template, diags: Diagnostics):
    """Return a Presentation of the template deck with its sample slides removed."""
    path = deck_of(template)
    if path is None:
        raise BuildError(diags, f"template '{template.name}' has no deck.pptx", None, "template")
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
