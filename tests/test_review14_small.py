"""Fourteenth review, small fixes: a macro defined without braces around its name
(``\\newcommand\\comb[2]{…}``, as LaTeX and MathJax allow) is a macro; the ``slide-level`` note is
given in a deck whose few ``---`` rules (before a licence at its end) cut none of its slides."""

from __future__ import annotations

import re
import subprocess
import zipfile

from .conftest import run_cli, write_md


def test_a_macro_named_without_braces_is_read(tmp_path):
    src = write_md(
        tmp_path,
        r"""
        ---
        title: Macros
        ---

        ## Reactions

        $\newcommand\comb[2]{#1\ \text{CO}_2 + #2\ \text{H}_2\text{O}}$
        $\renewcommand\half{\frac{1}{2}}$

        - Burnt: $\comb{3}{4}$, $\half$
        """,
    )
    result = run_cli("all", src, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.stderr
    assert "[math]" not in result.stderr
    text = subprocess.run(
        ["pdftotext", str(tmp_path / "out" / "lecture-slides.pdf"), "-"], capture_output=True, text=True
    ).stdout
    assert "comb" not in text  # (not shown as its source)
    with zipfile.ZipFile(tmp_path / "out" / "lecture.pptx") as deck:
        math = re.findall(r"<m:t[^>]*>([^<]*)</m:t>", deck.read("ppt/slides/slide2.xml").decode())
    assert "CO" in math and "H" in math and "\\comb" not in "".join(math)


def test_the_slide_level_note_in_a_deck_with_a_rule_before_its_licence(tmp_path):
    src = write_md(
        tmp_path,
        """
        # Compilers

        Intro sentence.

        ## Motivation

        Some text.

        ## Overview

        - item

        ----

        License text.
        """,
    )
    result = run_cli("slides", src, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.stderr
    assert "lecture.md:1: note: slide level 1, as pandoc infers it" in result.stderr
