"""A setup chunk's ``source("setup.R")`` (also ``here::here("setup.R")``): the knitr chunk options that
file sets (``knitr::opts_chunk$set(echo = TRUE)``) apply to the chunks after it, as when knitr runs
it; the file is part of the build's record; a file Podium cannot read is a note at the chunk."""

from __future__ import annotations

from pptx import Presentation

from .conftest import paragraph_texts, run_cli, write_md

LECTURE = """
---
title: Profiling
format: beamer
---

```{{r}}
#| include: false
source({call})
```

## Profiling

```{{r, eval = FALSE}}
Rprof(tmp, interval = 0.1)
```
"""


def _code_shown(tmp_path, call: str) -> tuple[bool, str]:
    src = write_md(tmp_path, LECTURE.format(call=call), "lecture.qmd")
    result = run_cli("slides", src, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.stderr
    slide = list(Presentation(str(tmp_path / "out" / "lecture.pptx")).slides)[1]
    return "Rprof(tmp, interval = 0.1)" in paragraph_texts(slide), result.stderr


def test_chunk_options_set_in_a_sourced_file_apply(tmp_path):
    (tmp_path / "setup.R").write_text("library(knitr)\nknitr::opts_chunk$set(echo = TRUE, message = FALSE)\n")
    shown, _ = _code_shown(tmp_path, '"setup.R"')
    assert shown  # (Quarto's presentations hide code unless told: setup.R tells)


def test_a_sourced_file_found_with_here_and_a_change_to_it_rebuilds(tmp_path):
    (tmp_path / ".here").write_text("")
    (tmp_path / "R").mkdir()
    (tmp_path / "R" / "setup.R").write_text("knitr::opts_chunk$set(echo = FALSE)\n")
    shown, _ = _code_shown(tmp_path, 'here::here("R", "setup.R")')
    assert not shown
    (tmp_path / "R" / "setup.R").write_text("knitr::opts_chunk$set(echo = TRUE)\n")
    shown, stderr = _code_shown(tmp_path, 'here::here("R", "setup.R")')
    assert "up to date" not in stderr
    assert shown


def test_a_missing_sourced_file_is_a_note_at_the_chunk(tmp_path):
    shown, stderr = _code_shown(tmp_path, '"setup.R"')
    assert not shown
    assert "lecture.qmd:6: note: source('setup.R') is not read (not found)" in stderr
