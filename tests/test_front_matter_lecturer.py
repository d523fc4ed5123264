"""course.yaml's `lecturer:` and `institution:` written in a lecture's own front matter: the title slide's
author and institute, as in course.yaml (they were taken as known keys and then shown nowhere)."""

from __future__ import annotations

import subprocess

from pptx import Presentation

from tests.conftest import run_cli


def test_lecturer_and_institution_in_the_front_matter_are_shown(tmp_path):
    src = tmp_path / "deck.md"
    src.write_text(
        "---\ntitle: T\nlecturer: Dr Jane Roe\ninstitution: Some University\n---\n\n## One\n\n- a\n",
        encoding="utf-8",
    )
    result = run_cli("all", src, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.stderr
    first = Presentation(str(tmp_path / "out" / "deck.pptx")).slides[0]
    words = "\n".join(sh.text_frame.text for sh in first.shapes if sh.has_text_frame)
    assert "Dr Jane Roe" in words and "Some University" in words
    cover = subprocess.run(
        ["pdftotext", "-l", "1", str(tmp_path / "out" / "deck-handout.pdf"), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "Dr Jane Roe" in cover and "Some University" in cover


def test_the_front_matters_author_wins_over_its_lecturer(tmp_path):
    src = tmp_path / "deck.md"
    src.write_text(
        "---\ntitle: T\nauthor: A. Author\nlecturer: L. Lecturer\n---\n\n## One\n\n- a\n", encoding="utf-8"
    )
    result = run_cli("slides", src, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.stderr
    first = Presentation(str(tmp_path / "out" / "deck.pptx")).slides[0]
    words = "\n".join(sh.text_frame.text for sh in first.shapes if sh.has_text_frame)
    assert "A. Author" in words and "L. Lecturer" not in words
