"""Lines that once made a pattern try every way of grouping them: a lecture opening with many HTML comments
(reveal.js's `<!-- .slide: -->` marks, which the remark-page check read as a possible page's start) and a
fenced div's line of many `word'` pairs. Each build must finish (a hang is caught by the timeout)."""

from __future__ import annotations

import os
import subprocess
import sys

from .conftest import ROOT, write_md


def _build(tmp_path, text: str) -> subprocess.CompletedProcess:
    src = write_md(tmp_path, text)
    env = dict(os.environ, PODIUM_SERVER="off", PYTHONPATH=str(ROOT))
    return subprocess.run(
        [sys.executable, str(ROOT / "build.py"), "slides", str(src), "-o", str(tmp_path / "out")],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=240,  # (not a speed measure: without the fix each of these ran for hours)
    )


def test_a_lecture_opening_with_many_comments_builds(tmp_path):
    comments = "".join(f"<!-- .slide: data-auto-animate {k} -->\n" for k in range(40))
    done = _build(tmp_path, comments + "# Today's project\n\nTry it.\n\n---\n\n## Next\n\n- a point\n")
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "out" / "lecture.pptx").exists()


def test_a_div_line_of_many_apostrophes_builds(tmp_path):
    line = "::: {" + "don't " * 60 + "\n"
    done = _build(tmp_path, "---\ntitle: T\n---\n\n## A\n\n" + line + "\nwords\n")
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "out" / "lecture.pptx").exists()
