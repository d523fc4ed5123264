"""Review 26: tables on overfull slides kept whole where a slide holds them; a TeX table's header of
several rows drawn, and repeated, as its header."""

from __future__ import annotations

from .conftest import build_tex, built_from_text


def _tables(prs) -> list[tuple[int, list[list[str]]]]:
    """(slide number, rows' texts) of every table in the deck."""
    return [
        (k, [[c.text for c in r.cells] for r in sh.table.rows])
        for k, slide in enumerate(prs.slides, 1)
        for sh in slide.shapes
        if sh.has_table
    ]


def _words(slide) -> str:
    return " ".join(sh.text_frame.text for sh in slide.shapes if sh.has_text_frame)


FRUIT_ROWS = "\n".join(
    f"   | `{name}` | |"
    for name in ("Kiwis", "Limes", "Figs", "Dates", "Guavas", "Melons", "Quinces", "Lychees")
)

TABLE_IN_ITEM = f"""\
---
title: Fruit
---

## Exercise

1. Count how often each fruit is printed.

   | Fruit | Times |
   | ----- | ----- |
{FRUIT_ROWS}

2. Several orderings of the fruit names are valid output. Some even have the prompt shown before the
   last fruit name or names. Explain why this happens, and which ordering is most likely.
3. Not all of the fruit names could come after the prompt in a valid output. List all the fruit names
   that could, and say why the others cannot.
"""


def test_table_in_list_item_kept_whole_when_a_slide_holds_it(tmp_path):
    prs, _, _ = built_from_text(tmp_path, TABLE_IN_ITEM, "slides")
    tables = _tables(prs)
    assert len(tables) == 1, tables  # (not cut 6 + 2 to even the parts out)
    slide, rows = tables[0]
    assert [r[0] for r in rows][-1] == "Lychees" and len(rows) == 9
    assert "Count how often" in _words(prs.slides[slide - 1])
    assert "Not all of the fruit" in _words(prs.slides[slide])  # (the items after it go on)


TABLE_BESIDE_TIKZ = """\
---
title: Cloud
---

## Monolith or services?

- Programmable networks give us virtualized infrastructure to build on
- But applications can still be built the **old way**: one big program, deployed by hand
- **Cloud-native** design makes full use of what containers and orchestration offer
- The question: move an old program as it is, or design it for the cloud from the start?
- Each service is scaled, updated and restarted on its own, without stopping the others

:::: {.columns}
::: {.column width="55%"}

|         | Old               | New               |
|---------|-------------------|-------------------|
| Design  | One program       | Many services     |
| Scaling | By hand, upward   | Automatic, outward|
| Failure | Restart it all    | Isolate a service |
| Release | Manual steps      | A pipeline        |

:::
::: {.column width="45%"}

\\begin{tikzpicture}
\\node at (0,3) {Old};
\\node at (0,2) {Screens};
\\node at (0,1) {Login};
\\node at (0,0) {Billing};
\\node at (2,3) {New};
\\node at (2,2) {Stock};
\\node at (2,1) {Accounts};
\\node at (2,0) {Scheduler};
\\end{tikzpicture}

:::
::::

Source: a definition of cloud-native design, 2018.
"""


def test_table_in_column_not_cut_after_its_first_row(tmp_path):
    prs, _, _ = built_from_text(tmp_path, TABLE_BESIDE_TIKZ, "slides")
    tables = _tables(prs)
    assert len(tables) == 1, tables  # (with its row of columns on one slide, not 1 + 3 rows)
    assert [r[0] for r in tables[0][1]] == ["", "Design", "Scaling", "Failure", "Release"]


TWO_ROW_HEADER = (
    r"""
\begin{frame}{Candidate solutions}
\begin{tabular}{|c|l|c|r|}
\hline
\textbf{Case} & \textbf{Destination} & \textbf{Total} & \textbf{Total cost} \\
\textbf{number} & \textbf{buses} & \textbf{distance (km)} & \textbf{(M\$)} \\
\hline
"""
    + "".join(f"{k} & BK69, AP69 & {10 + k} & {k}.94 \\\\\n" for k in range(1, 26))
    + r"""\hline
\end{tabular}
\end{frame}
\begin{frame}{Ruled in pairs}
\begin{tabular}{ll}
\hline
a & b \\
c & d \\
\hline
e & f \\
g & h \\
\hline
\end{tabular}
\end{frame}
"""
)


def test_tex_header_of_two_rows_repeated_whole(tmp_path):
    prs, _ = build_tex(tmp_path, TWO_ROW_HEADER)
    tables = _tables(prs)
    split = [rows for k, rows in tables if any(r[0] in ("1", "25") for r in rows)]
    assert len(split) >= 2
    for rows in split:  # (the units are in the header on every part, not a body row on the first only)
        assert rows[0][2].split() == ["Total", "distance", "(km)"]
        assert rows[0][3].split() == ["Total", "cost", "(M$)"]
        assert rows[1][0].isdigit()
    pairs = tables[-1][1]
    assert pairs == [
        ["a", "b"],
        ["c", "d"],
        ["e", "f"],
        ["g", "h"],
    ]  # (rows ruled in even groups: no header of two)
