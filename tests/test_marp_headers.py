"""Marp's per-slide ``_header:``, which Marp draws at the top of the slide: never lost without a word."""

from __future__ import annotations

from .conftest import cli_deck, slide_text, write_md

DECK = """\
---
marp: true
title: Headers
---

<!-- _header: Last week -->

- first point
- second point

---

<!-- _header: Exercise 1 -->

# Its own title

Some text.

---

<!-- _header: ![](logo.png) -->

# Logo slide

More.
"""


def test_a_slide_header_titles_an_untitled_slide_and_is_said_beside_a_title(tmp_path):
    src = write_md(tmp_path, DECK)
    prs, stderr = cli_deck(src, tmp_path / "out")
    titles = [s.shapes.title.text if s.shapes.title is not None else "" for s in prs.slides]
    assert "Last week" in titles and "Its own title" in titles
    said = [line for line in stderr.splitlines() if "[marp-header]" in line]
    assert len(said) == 1 and "lecture.md:13: warning" in said[0] and "Exercise 1" in said[0]
    assert not any("logo" in line for line in said)
    assert "first point" in " ".join(slide_text(s) for s in prs.slides)
