"""Typographic replacements are pandoc's (its ``smart`` extension: dashes and the ellipsis), not all of
markdown-it's: "(a), (b), (c)" keeps its (c), ``+-`` stays, ``????`` keeps four marks."""

from __future__ import annotations

from pptx import Presentation

from .conftest import paragraph_texts, run_cli, write_md


def test_only_pandocs_replacements_are_made(tmp_path):
    src = write_md(
        tmp_path,
        """
        ## Options

        - Choose (a), (b), (c) or (r); not (tm)
        - 5 +- 2, a,,b ????
        - Wait!!!! 1--2, x -- y --- z, and so...
        """,
    )
    result = run_cli("slides", src, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.stderr
    texts = paragraph_texts(Presentation(str(tmp_path / "out" / "lecture.pptx")).slides[0])
    assert "Choose (a), (b), (c) or (r); not (tm)" in texts
    assert "5 +- 2, a,,b ????" in texts
    assert "Wait!!!! 1\u20132, x \u2013 y \u2014 z, and so\u2026" in texts
