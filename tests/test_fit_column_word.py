"""The warning about a word too wide to set whole says where it is too wide: its column, when the slide is
in columns (widening the column, not only shortening the word, is then a fix)."""

from __future__ import annotations

from tests.conftest import built_from_text

LECTURE = """---
title: Columns
---

## Two columns

:::: columns
::: column
Text with Donaudampfschifffahrtsgesellschaftskapitänsmützen in it.
:::
::: column
- Right side
:::
::::

## One column

Donaudampfschifffahrtsgesellschaftskapitänsmützenabzeichenherstellungsbetriebsgesellschaft
"""


def test_a_word_too_wide_for_its_column_says_column(tmp_path):
    _, _, stderr = built_from_text(tmp_path, LECTURE, "slides")
    said = [line for line in stderr.splitlines() if "is broken" in line]
    assert len(said) == 2, stderr
    assert (
        said[0].split(": warning")[0].endswith("lecture.md:9")
        and "wider than its column and is broken" in said[0]
    )
    assert (
        said[1].split(": warning")[0].endswith("lecture.md:18")
        and "wider than the slide and is broken" in said[1]
    )
