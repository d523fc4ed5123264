"""Review 22: a grid table whose lines are not drawn as pandoc's rules want (a cell wider than its
column, a cell spanning columns, a border out of line) is read where it can be, with one message at the
row that is out of line; where it cannot be, its whole text is shown, once.  And reveal.js's fragment
styles that take words out or restyle them on a click get one note a slide saying what the deck does."""

from __future__ import annotations

import re

from .conftest import click_paragraphs, run_cli, slide_text, write_md

# the deck's table (Inferenz.Rmd, "Übersicht Teststatistiken"): the last cell of two rows runs past the
# table's right border
OVERLONG_LAST = """\
---
title: Grid table with one long cell
---

## Übersicht Teststatistiken

+---------------------+---------------------+-------------------------------------+
| **Y**               | **X**               | **Teststatistik**                   |
+=====================+=====================+=====================================+
| kategorial - binär  |                     | Anteil $p$                          |
+---------------------+---------------------+-------------------------------------+
| kategorial          |                     | Verhältnisvergleich *beobachtet* und *erwartet*: $\\chi^2$ |
+---------------------+---------------------+-------------------------------------+
| numerisch           |                     | Mittelwert $\\bar{x}$                |
+---------------------+---------------------+-------------------------------------+
| numerisch           | kategorial          | Streuungsvergleich *zwischen Gruppen*: $F$ |
+---------------------+---------------------+-------------------------------------+
"""


def _deck(tmp_path, text, name="lecture.md"):
    from pptx import Presentation

    src = write_md(tmp_path, text, name)
    out = tmp_path / "out"
    result = run_cli("slides", src, "-o", out, "--all-warnings")
    assert result.exit_code == 0, result.stderr
    return Presentation(str(out / (src.stem + ".pptx"))), result.stderr


def _tables(prs):
    return [
        [[c.text.strip() for c in row.cells] for row in sh.table.rows]
        for s in prs.slides
        for sh in s.shapes
        if sh.has_table
    ]


def _said(err, code):
    """The messages of kind ``code``, each from its file's name on."""
    return [re.sub(r"^\S*/(?=lecture\.)", "", ln) for ln in err.splitlines() if ln.endswith(f"[{code}]")]


def test_a_last_cell_past_the_right_border_is_read_with_one_message_at_its_row(tmp_path):
    prs, err = _deck(tmp_path, OVERLONG_LAST)
    (table,) = _tables(prs)
    assert [row[:2] for row in table] == [
        ["Y", "X"],
        ["kategorial - binär", ""],
        ["kategorial", ""],
        ["numerisch", ""],
        ["numerisch", "kategorial"],
    ]
    assert table[2][2].startswith("Verhältnisvergleich beobachtet und erwartet")
    assert table[4][2].startswith("Streuungsvergleich zwischen Gruppen")
    (said,) = _said(err, "grid-table")
    # at the row (line 12), not at a border; no cell spanning columns; the other row named
    assert said.startswith("lecture.md:12: note: this row of a grid table runs past the table's right border")
    assert "(character 83)" in said and "line 16" in said and "spanning" not in said
    assert not _said(err, "overfull")  # (no '+-----+' line shown as a word)
    assert not any("+---" in slide_text(s) for s in prs.slides)


def test_a_middle_cell_past_its_border_is_read_by_its_bars_with_one_warning(tmp_path):
    prs, err = _deck(
        tmp_path,
        """\
        ## Verfahren

        +---------+---------+--------------+
        | **Y**   | **X**   | **R**        |
        +=========+=========+==============+
        | binär   |         | `prop()`     |
        +---------+---------+--------------+
        | binär   | numerisch | `glm(family = binomial)` |
        +---------+---------+--------------+
        | numerisch | binär | `t.test()`   |
        +---------+---------+--------------+
        """,
    )
    assert _tables(prs) == [
        [
            ["Y", "X", "R"],
            ["binär", "", "prop()"],
            ["binär", "numerisch", "glm(family = binomial)"],
            ["numerisch", "binär", "t.test()"],
        ]
    ]
    (said,) = _said(err, "grid-table")
    assert re.match(
        r"lecture\.md:8: warning: a cell in this row of a grid table runs past its column's border at "
        r"character 21\b",
        said,
    ), said
    assert "line 10" in said


def test_a_table_that_cannot_be_read_is_its_whole_text_with_one_warning(tmp_path):
    prs, err = _deck(
        tmp_path,
        """\
        ## Broken

        +-------+-------+-------+
        | a     | b     | c     |
        +=======+=======+=======+
        | one   | this cell | is too long | x |
        +-------+-------+-------+
        | two   | z     | w     |
        +-------+-------+-------+
        | three | u     | v     |
        +-------+-------+-------+
        """,
    )
    assert not _tables(prs)  # not half text, half table
    text = slide_text(prs.slides[0])
    for words in ("a | b | c", "one | this cell | is too long | x", "two | z | w", "three | u | v"):
        assert words in text, text
    assert "+---" not in text and "+===" not in text
    (said,) = _said(err, "grid-table")
    assert said.startswith(
        "lecture.md:6: warning: this row of a grid table cannot be read: a cell runs past its column's "
        "border at character 17"
    ), said
    assert "shown as text" in said


def test_a_cell_spanning_columns_is_in_the_first_column_it_spans(tmp_path):
    prs, err = _deck(
        tmp_path,
        """\
        ## Spans

        +-----+-----+-----+
        | a   | b   | c   |
        +=====+=====+=====+
        | wide      | c   |
        +-----------+-----+
        | x   | y   | z   |
        +-----+-----+-----+
        """,
    )
    assert _tables(prs) == [[["a", "b", "c"], ["wide", "", "c"], ["x", "y", "z"]]]
    (said,) = _said(err, "grid-table")
    assert said.startswith(
        "lecture.md:6: warning: a cell in this row of a grid table spans columns (no '|' at character 7)"
    )


FRAGMENTS = """\
---
title: Fragments
format: revealjs
---

## Scenario

Is it safe?

::: {.fragment .fade-in-then-out}
Is this ok?
:::

[Only now]{.fragment .current-visible}

::: {.fragment .fade-out}
Goes away
:::

[Turns red]{.fragment .highlight-red}

## HTML

<div class="fragment fade-in-then-out">
Comes and goes
</div>

<div class="fragment semi-fade-out">
Half fades
</div>

Struck <!-- .element: class="fragment strike" -->

## Plain

[Comes]{.fragment .fade-up}

::: {.highlight-blue}
Not a fragment
:::
"""


def test_fragments_that_reveal_js_takes_out_or_restyles_get_one_note_a_slide(tmp_path):
    prs, err = _deck(tmp_path, FRAGMENTS, "lecture.qmd")
    scenario, html, plain = list(prs.slides)[1:]
    assert click_paragraphs(scenario) == [["Is this ok?"], ["Only now"]]  # come in and stay
    assert all(w in slide_text(scenario) for w in ("Goes away", "Turns red"))  # from the start
    # <div class="fragment semi-fade-out"> is shown from the start, as ::: {.fragment .semi-fade-out} is
    assert click_paragraphs(html) == [["Comes and goes"]]
    assert all(w in slide_text(html) for w in ("Half fades", "Struck"))
    notes = _said(err, "fragment")
    assert len(notes) == 2, err
    first, second = notes
    assert first.startswith("lecture.qmd:10: note: slide 2: ")
    assert "the .fade-in-then-out and .current-visible fragments come in on their click and stay" in first
    assert "the .fade-out and .highlight-red fragments are shown from the start" in first
    assert second.startswith("lecture.qmd:24: note: slide 3: ")
    assert ".fade-in-then-out fragments come in on their click and stay" in second
    assert ".semi-fade-out and .strike fragments are shown from the start" in second
    assert click_paragraphs(plain) == [
        ["Comes"]
    ]  # (an entrance, and a class outside a fragment: nothing said)
