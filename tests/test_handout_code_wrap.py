"""A code line with no place to break (a long expression, a URL, a hash) wraps in the handout, in the
slide's drawing and in its text, as the deck wraps it: nothing runs off the page, and ``check`` passes."""

from __future__ import annotations

import subprocess

from .conftest import run_cli, write_md


def test_a_code_line_without_spaces_wraps_in_the_handout(tmp_path):
    line = "x = " + "+".join(["alpha"] * 45) + "+omega"
    src = write_md(tmp_path, f"---\ntitle: Code\n---\n\n## Wide\n\n```\n{line}\n```\n")
    result = run_cli("all", src, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.output
    assert "deck and handout agree with the source" in result.output
    text = subprocess.run(
        ["pdftotext", "-layout", str(tmp_path / "out" / "lecture-handout.pdf"), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "omega" in text
    widest = max(len(x) for x in text.splitlines())
    assert widest < 160, widest  # (an A4 page at this size: a line running off it would be far longer)
