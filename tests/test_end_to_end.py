"""End to end: the default lecture and the corpus deck, built, checked and opened by LibreOffice."""

from __future__ import annotations

import pytest
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE
from pypdf import PdfReader

from podium import model as m
from podium.diagnostics import Diagnostics
from podium.pipeline import BuildOptions
from podium.reader import read_lecture
from podium.verify import check_outputs, read_handout

from .conftest import HIP, LECTURE


def test_default_lecture_is_a_real_lecture(default_outputs):
    deck, pdf, out = default_outputs
    lecture = read_lecture(LECTURE, Diagnostics())
    prs = Presentation(str(deck))
    assert 28 <= len(prs.slides) <= 40
    content = [s for s in lecture.slides if s.kind == m.CONTENT]
    assert all(s.notes for s in content), "every content slide has speaker notes"
    assert sum(1 for s in content if s.handout) >= 5
    kinds = {type(b).__name__ for s in content for b in s.body}
    assert {"Table", "Chart", "Image", "Columns", "Quote"} <= kinds
    shapes = [sh for s in prs.slides for sh in s.shapes]
    assert any(sh.has_table for sh in shapes) and any(getattr(sh, "has_chart", False) for sh in shapes)
    assert any(sh.shape_type == MSO_SHAPE_TYPE.PICTURE for sh in shapes)
    check_outputs(LECTURE, BuildOptions(out_dir=out), Diagnostics())  # raises on any disagreement
    assert len(read_handout(pdf, images=False).titles) >= len(prs.slides)


def test_default_lecture_builds_without_warnings(default_built):
    """`podium all` of the default lecture (deck, both handouts, slides PDF, checked): not one message."""
    assert default_built.messages == []
    for path in (
        default_built.deck,
        default_built.handout,
        default_built.instructor,
        default_built.slides_pdf,
    ):
        assert path.is_file() and path.stat().st_size > 0, path


def test_libreoffice_opens_the_default_deck(default_outputs, drawn_decks):
    deck, _, _ = default_outputs
    _, pdf = drawn_decks["lecture-default"]  # this deck, drawn by LibreOffice in the session's one run
    assert pdf.is_file(), "LibreOffice did not convert the default deck"
    assert len(PdfReader(str(pdf)).pages) == len(Presentation(str(deck)).slides)


@pytest.mark.skipif(not HIP.is_file(), reason="../shared/corpus/hip-programming is absent")
def test_corpus_deck_and_handout_agree(corpus_built):
    built = corpus_built[HIP]
    assert built.deck is not None and built.handout is not None, "the hip-programming lecture did not build"
    check_outputs(HIP, BuildOptions(out_dir=built.out), Diagnostics())
