"""Review 12 (Marp): inline math whose `$` is followed by a line break, and `~` in a Markdown deck that
holds some LaTeX."""

from __future__ import annotations

import re

from pptx import Presentation

from tests.conftest import run_cli, write_md

MARP_HEAD = """\
---
marp: true
math: mathjax
---

"""


def _deck(tmp_path, text: str):
    src = write_md(tmp_path, text)
    result = run_cli("slides", src, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.stderr
    return Presentation(str(tmp_path / "out" / "lecture.pptx")), result.stderr


def _texts(prs) -> list[str]:
    return [sh.text_frame.text for s in prs.slides for sh in s.shapes if sh.has_text_frame]


def _math_runs(prs) -> str:
    xml = "".join(sh._element.xml for s in prs.slides for sh in s.shapes)
    return "".join(re.findall(r"<m:t[^>]*>([^<]*)</m:t>", xml))


def test_marp_math_with_a_line_break_after_its_dollar_is_math(tmp_path):
    prs, stderr = _deck(
        tmp_path,
        MARP_HEAD
        + "# Chain rule\n\nGoal:\n\n$\n\\displaystyle\n\\begin{split}\nx &= u + v \\\\\nz &= x \\cdot y\n"
        "\\end{split}\n$\n\nthen find it, with $a$ and the sum $\n\\sum_i b_i\n$ inline.\n\n"
        "It costs $\n5 and $ 3 today.\n\nA lone $\n\nthen text.\n",
    )
    words = "\n".join(_texts(prs))
    assert "$" not in words.replace("It costs $\x0b5 and $ 3 today.", "").replace("A lone $", ""), words
    assert "It costs $\x0b5 and $ 3 today." in words  # (a space after `$`, a blank line: no math in Marp)
    assert "Goal:" in words and "then find it, with" in words and "inline." in words
    math = _math_runs(prs)
    assert "x=u+v" in math and "z=x\u00b7y" in math and "bi" in math, math
    assert "raw-tex" not in stderr and "left out" not in stderr, stderr


def test_one_latex_environment_does_not_make_every_tilde_a_tie(tmp_path):
    prs, _ = _deck(
        tmp_path,
        MARP_HEAD
        + "# Answers\n\n1~3. see below, ~/notes\n\n$\n\\begin{split}\nx &= u + v\n\\end{split}\n$\n",
    )
    words = "\n".join(_texts(prs))
    assert "1~3. see below, ~/notes" in words, repr(words)
    assert "\u00a0" not in words


def test_markdown_deck_ties_only_in_its_raw_tex(tmp_path):
    prs, _ = _deck(
        tmp_path,
        "---\ntitle: T\n---\n\n## Ties\n\nPages 1~3 and H~2~O; \\textbf{Prof.~Knuth} wrote it.\n\n"
        "\\begin{itemize}\n\\item Dr.~Smith\n\\end{itemize}\n\nSee ~/bin.\n",
    )
    words = "\n".join(_texts(prs))
    assert "Pages 1~3 and H" in words, repr(words)
    assert "Prof.\u00a0Knuth" in words and "Dr.\u00a0Smith" in words, repr(words)
    assert "See ~/bin." in words


def test_pandoc_deck_warns_of_a_dollar_before_a_line_break(tmp_path):
    prs, stderr = _deck(
        tmp_path, "---\ntitle: T\n---\n\n## A\n\nGoal:\n\n$\n\\displaystyle\n\\frac{a}{b}\n$\n\nthen.\n"
    )
    assert "lecture.md:9: warning: a '$' with a line break right after it" in stderr, stderr
    assert "Goal:" in "\n".join(_texts(prs))
