"""A title slide's own speaker notes (a Slidev cover with notes) are in the handout after its cover, as
they are in the deck's notes, and `check` looks for them there."""

from __future__ import annotations

import subprocess

from .conftest import run_cli, write_md

COVER = """\
---
title: "Workshop Day 1"
theme: default
layout: center
---

# Workshop Mini Games

<!--
- Hi, I am Roman, welcome to the workshop
-->

---

## Next slide

- a point
"""


def _text(pdf) -> str:
    return subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout


def test_title_slide_notes_are_in_both_handouts(tmp_path):
    from pptx import Presentation

    src = write_md(tmp_path, COVER)
    out = tmp_path / "out"
    result = run_cli("all", src, "-o", out)
    assert result.exit_code == 0, result.stderr
    prs = Presentation(str(out / "lecture.pptx"))
    assert "Hi, I am Roman" in prs.slides[0].notes_slide.notes_text_frame.text
    for name in ("lecture-handout.pdf", "lecture-instructor.pdf"):
        text = _text(out / name)
        assert "Hi, I am Roman, welcome to the workshop" in text.replace("\n", " "), name
        # after the cover, before the contents
        assert text.index("Hi, I am Roman") < text.index("Next slide")


def test_a_pandoc_title_slide_has_no_notes_section(tmp_path):
    src = write_md(tmp_path, "---\ntitle: Plain\n---\n\n## One\n\n- a point\n")
    out = tmp_path / "out"
    result = run_cli("all", src, "-o", out)
    assert result.exit_code == 0, result.stderr
    assert "Speaker notes:" not in _text(out / "lecture-handout.pdf")
