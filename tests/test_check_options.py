"""``podium check`` reads the lecture again as the build read it: it takes the building commands'
``--allow-folder``, ``--template`` and ``--allow-remote``, so a lecture whose bibliography or pictures lie
in a shared folder (a Quarto project's ``../references.bib``) is checked as it was built."""

from __future__ import annotations

from .conftest import run_cli, write_md

BIB = """\
@book{smith2004,
  author = {Smith, John},
  title = {The Book},
  publisher = {Press},
  year = {2004}
}
"""

LECTURE = """\
---
title: Shared bibliography
bibliography: ../shared/refs.bib
---

## A claim

- Security is about people [@smith2004].
"""


def test_check_takes_the_folders_the_build_was_allowed(tmp_path):
    shared = tmp_path / "shared"
    shared.mkdir()
    (shared / "refs.bib").write_text(BIB, encoding="utf-8")
    lectures = tmp_path / "lectures"
    lectures.mkdir()
    src = write_md(lectures, LECTURE)
    out = tmp_path / "out"
    built = run_cli("all", src, "-o", out, "--allow-folder", shared)
    assert built.exit_code == 0, built.output
    checked = run_cli("check", src, "-o", out, "--allow-folder", shared)
    assert checked.exit_code == 0, checked.output
    assert "agree" in checked.output
    # without the folder the lecture reads differently (its citation unresolved), and check says so
    unallowed = run_cli("check", src, "-o", out)
    assert unallowed.exit_code != 0
