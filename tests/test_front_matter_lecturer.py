"""course.yaml's `lecturer:` and `institution:` written in a lecture's own front matter: the title slide's
author and institute, as in course.yaml (they were taken as known keys and then shown nowhere)."""

from __future__ import annotations

from tests.conftest import built_from_text, slide_text


def test_lecturer_and_institution_in_the_front_matter_are_shown(tmp_path):
    prs, handout, _ = built_from_text(
        tmp_path, "---\ntitle: T\nlecturer: Dr Jane Roe\ninstitution: Some University\n---\n\n## One\n\n- a\n"
    )
    words = slide_text(prs.slides[0])
    assert "Dr Jane Roe" in words and "Some University" in words
    cover = handout.split("\f")[0]
    assert "Dr Jane Roe" in cover and "Some University" in cover


def test_the_front_matters_author_wins_over_its_lecturer(tmp_path):
    prs, _, _ = built_from_text(
        tmp_path, "---\ntitle: T\nauthor: A. Author\nlecturer: L. Lecturer\n---\n\n## One\n\n- a\n", "slides"
    )
    words = slide_text(prs.slides[0])
    assert "A. Author" in words and "L. Lecturer" not in words
