"""pandoc's grid tables: a cell's line that ends in a backslash breaks the line there, as pandoc's
escaped line break does (in both outputs); an escaped backslash stays a backslash."""

from __future__ import annotations

from .conftest import built_from_text

GRID = """\
---
title: Grid cells
---

## Fruit

+----------------+---------------+
| Fruit\\         | Price         |
| (kind)         |               |
+================+===============+
| Bananas\\       | $1.34         |
| yellow         |               |
+----------------+---------------+
| C:\\\\           | path          |
| drive          |               |
+----------------+---------------+
"""


def test_backslash_at_a_cell_lines_end_breaks_the_line(tmp_path):
    prs, handout, _ = built_from_text(tmp_path, GRID)
    table = next(sh.table for sh in prs.slides[1].shapes if sh.has_table)
    cells = [[c.text for c in row.cells] for row in table.rows]
    assert cells[0][0] == "Fruit\v(kind)"
    assert cells[1][0] == "Bananas\vyellow"
    assert cells[2][0] == "C:\\ drive"  # (an escaped backslash: the words go on after a space)
    assert "Bananas yellow" not in handout and "Bananas\nyellow" in handout
