"""Review 21 (reviewer c, Quarto revealjs decks): a display equation broken with ``\\newline``, a long
table in a narrow column under a ``###`` subheading, and columns inside a callout.  Each lecture is built
through the command line and read back as a user's program would: the deck with python-pptx (its Office
math, shapes and their boxes), the handout with pdftotext."""

from __future__ import annotations

import subprocess

from pptx import Presentation

from .conftest import run_cli, write_md

M = "{http://schemas.openxmlformats.org/officeDocument/2006/math}"


def _all(tmp_path, text: str):
    """Build Markdown ``text`` with ``all``: (the deck, the handout's text, the messages)."""
    src = write_md(tmp_path, text, "lecture.qmd")
    out = tmp_path / "out"
    result = run_cli("all", src, "-o", out)
    assert result.exit_code == 0, result.stderr
    handout = subprocess.run(
        ["pdftotext", str(out / "lecture-handout.pdf"), "-"], capture_output=True, text=True, check=True
    ).stdout
    return Presentation(str(out / "lecture.pptx")), handout, result.stderr


def test_a_newline_in_a_display_equation_is_a_line_break_not_the_equation_as_tex(tmp_path):
    # one \newline (MathJax's and KaTeX's line break) made the whole equation a TeX listing
    prs, handout, messages = _all(
        tmp_path,
        """
        ---
        title: "Spread"
        format: revealjs
        ---

        ## Spread

        $$
        s = \\sqrt{\\frac{a^2 + b^2 + \\newline
        c^2 + d^2}{n-1}}
        $$

        Inline too: $a + b \\newline c$.
        """,
    )
    assert "[math]" not in messages and "TeX source" not in messages, messages
    slide = prs.slides[1]
    assert not [sh for sh in slide.shapes if sh.name == "Code"]  # no listing of the TeX
    tree = slide.shapes._spTree
    maths = list(tree.iter(f"{M}oMath"))
    assert len(maths) == 2
    # the numerator's two lines are two rows of an equation array, as the break shows them
    rows = [e for arr in maths[0].iter(f"{M}eqArr") for e in arr.findall(f"{M}e")]
    assert len(rows) == 2
    assert "".join(t.text for t in rows[0].iter(f"{M}t")).startswith("a")
    assert "".join(t.text for t in rows[1].iter(f"{M}t")).startswith("c")
    assert not any("newline" in (t.text or "") for t in tree.iter(f"{M}t"))
    assert "\\newline" not in handout and "newline" not in handout
    assert "deck and handout agree" in messages
