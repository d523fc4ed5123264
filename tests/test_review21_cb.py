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


def _fish(heading: str, rows: int) -> str:
    body = "".join(f"| {'Male' if k % 2 else 'Female'} | {90 + k} |\n" for k in range(rows))
    return (
        "---\ntitle: Fish\nformat: revealjs\n---\n\n## Hypothesis testing\n"
        + heading
        + '\n::: {.columns}\n::: {.column width="60%"}\n- If null hypothesis is true:\n'
        "  - *Sex* column should have no predictive value\n:::\n"
        '::: {.column width="40%"}\n| Sex | Body Length (mm) |\n|---|---|\n' + body + ":::\n:::\n"
    )


def _tables(prs) -> list[tuple[int, int, int]]:
    """Each slide's table: (its data rows, its top, the room from its top to the body's bottom, its height)."""
    out = []
    for slide in prs.slides:
        for sh in slide.shapes:
            if sh.has_table:
                layout_body = next(
                    ph for ph in slide.slide_layout.placeholders if ph.placeholder_format.idx == 1
                )
                room = layout_body.top + layout_body.height - sh.top
                out.append((len(sh.table.rows) - 1, sh.top, room, sh.height))
    return out


def test_a_table_in_a_column_under_a_subheading_fills_the_column_before_it_continues(tmp_path):
    # with a ### subheading above the columns, 5 of 12 rows stayed on the slide (the parts were evened out
    # at the smallest sizes, then set larger): the column's lower 40 % was left blank
    for heading in ("### Back to the fish\n", "Some words above the columns.\n", ""):
        for rows in (12, 16):
            src = write_md(tmp_path, _fish(heading, rows), "lecture.qmd")
            result = run_cli("slides", src, "-o", tmp_path / "out")
            assert result.exit_code == 0, result.stderr
            tables = _tables(Presentation(str(tmp_path / "out" / "lecture.pptx")))
            assert sum(t[0] for t in tables) == rows
            if len(tables) == 1:
                continue
            first, then = tables[0], tables[1]
            row = first[3] / (first[0] + 1)  # (a row's height, the header's included)
            # the first part's table fills its column: no room for another row under it
            assert first[3] + row > first[2], (heading, rows, tables)
            assert first[0] >= then[0], (heading, rows, tables)


def _inside(inner, outer) -> bool:
    return (
        outer.left <= inner.left
        and inner.left + inner.width <= outer.left + outer.width
        and outer.top <= inner.top
        and inner.top + inner.height <= outer.top + outer.height
    )


def test_columns_inside_a_callout_are_drawn_on_its_ground_in_the_deck(tmp_path):
    # the deck drew the callout's box around its title only and the columns under it, outside the box,
    # while the slides PDF drew them inside
    prs, handout, messages = _all(
        tmp_path,
        """
        ---
        title: "Callout columns"
        format: revealjs
        ---

        ## Dokumentation

        ::: {.callout-tip icon="false"}
        ### Hinweise

        ::: columns
        ::: {.column}
        -   Analysen per Rechtsklick kopieren.
        -   Titel können editiert werden.
        :::

        ::: {.column}
        Rechte Spalte.
        :::
        :::

        Words after the columns.
        :::

        ## Untitled box

        ::: {.callout-note appearance="simple"}
        ::: columns
        ::: {.column width="30%"}
        Left words.
        :::
        ::: {.column width="70%"}
        Right words.
        :::
        :::
        :::

        Words under the box.
        """,
    )
    assert "deck and handout agree" in messages
    for slide, words in (
        (prs.slides[1], ["Analysen per Rechtsklick", "Rechte Spalte.", "Words after the columns."]),
        (prs.slides[2], ["Left words.", "Right words."]),
    ):
        grounds = [sh for sh in slide.shapes if sh.name == "Callout ground"]
        rules = [sh for sh in slide.shapes if sh.name == "Callout rule"]
        assert len(grounds) == 1 and len(rules) == 1, [sh.name for sh in slide.shapes]
        ground, rule = grounds[0], rules[0]
        assert rule.top == ground.top and rule.height == ground.height
        for word in words:
            box = next(sh for sh in slide.shapes if sh.has_text_frame and word in sh.text_frame.text)
            assert box.name != "Callout ground"
            assert _inside(box, ground), (word, box.top, box.height, ground.top, ground.height)
            assert box.left >= rule.left + rule.width  # after the rule, not over it
        # the two columns side by side on the ground
        left = next(sh for sh in slide.shapes if sh.has_text_frame and words[0] in sh.text_frame.text)
        right = next(sh for sh in slide.shapes if sh.has_text_frame and words[1] in sh.text_frame.text)
        assert left.top == right.top and left.left + left.width <= right.left
    below = next(
        sh for sh in prs.slides[2].shapes if sh.has_text_frame and "under the box" in sh.text_frame.text
    )
    ground = next(sh for sh in prs.slides[2].shapes if sh.name == "Callout ground")
    assert below.top >= ground.top + ground.height  # what follows the callout is outside it
    assert "Rechte Spalte" in handout and "Right words" in handout
