"""Quarto revealjs decks from a review of statistics lectures: quarto-live's ``{webr}`` and ``{pyodide}``
cells shown as quarto-live shows them, ``.nonincremental`` on a column or a callout, the title slide's
background, inline R in the front matter, ``date-format``, and the true reason a cell is hidden."""

from __future__ import annotations

import subprocess

from .conftest import cli_deck, click_paragraphs, frame_texts, run_cli, write_md

LIVE = """\
    ---
    title: "webr cells"
    format: live-revealjs
    ---

    ## Setup

    ```{webr}
    #| edit: false
    #| echo: false
    #| output: false
    options("readr.edition" = 1)
    ```

    ```{webr}
    #| caption: Try it
    x <- c(96, 101, 104)
    mean(x)
    ```

    ```{pyodide}
    #| edit: false
    #| echo: true
    print("read-only")
    ```

    ```{pyodide}
    #| include: false
    import numpy
    ```

    Text after the cells.
    """


def test_quarto_live_cells_are_shown_as_quarto_live_shows_them(tmp_path):
    """A setup cell that is neither edited nor echoed shows nothing; an editor shows its code without
    its ``#|`` lines (the presentation format's default, which hides knitr's code, is not theirs)."""
    deck, said = cli_deck(write_md(tmp_path, LIVE, "live.qmd"), tmp_path / "out")
    texts = frame_texts(deck)[1]
    assert "Text after the cells." in texts
    joined = "\n".join(texts)
    assert "readr.edition" not in joined and "#|" not in joined and "numpy" not in joined
    assert any(t.startswith("x <- c(96, 101, 104)") for t in texts), texts
    assert 'print("read-only")' in texts
    assert (
        "2 code cell(s) are shown as code and not run (Podium executes nothing); 2 hidden one(s) "
        "(1 'edit: false' without 'echo: true', 1 'include: false') are left out"
    ) in said, said


def test_quarto_live_cell_options_for_the_whole_lecture(tmp_path):
    """``pyodide: cell-options: edit: false`` makes every pyodide cell read-only, shown only with echo."""
    src = write_md(
        tmp_path,
        """\
        ---
        title: "pyodide"
        format: revealjs
        pyodide:
          cell-options:
            edit: false
        ---

        ## Cells

        ```{pyodide}
        hidden_value = 1
        ```

        ```{pyodide}
        #| echo: true
        shown_value = 2
        ```
        """,
        "py.qmd",
    )
    deck, said = cli_deck(src, tmp_path / "out")
    joined = "\n".join(frame_texts(deck)[1])
    assert "shown_value = 2" in joined and "hidden_value" not in joined
    assert "unused-key" not in said, said


NONINCREMENTAL = """\
    ---
    title: "nonincremental"
    format:
      revealjs:
        incremental: true
    ---

    ## Datensatz

    ::: columns
    ::: {.column .nonincremental width="65%"}
    -   subject
    -   group
    :::

    ::: {.column width="35%"}
    -   left
    -   right
    :::
    :::

    ## Hinweise

    ::: {.callout-note .nonincremental}
    ## Hinweise

    -   one
    -   two
    :::

    ## Plain

    -   x
    -   y
    """


def test_nonincremental_on_a_column_or_a_callout_shows_its_lists_at_once(tmp_path):
    deck, _ = cli_deck(write_md(tmp_path, NONINCREMENTAL, "inc.qmd"), tmp_path / "out")
    clicks = [click_paragraphs(s) for s in deck.slides]
    assert clicks[1] == [["left"], ["right"]]  # (only the other column's list builds)
    assert clicks[2] == []
    assert clicks[3] == [["x"], ["y"]]


def test_hidden_cell_note_gives_the_true_reason(tmp_path):
    src = write_md(
        tmp_path,
        """\
        ---
        title: "reasons"
        format: revealjs
        ---

        ```{r}
        #| include: false
        x <- 1
        ```

        ## Slide

        ```{r}
        y <- 2
        ```

        Text.
        """,
        "why.qmd",
    )
    result = run_cli("slides", src, "-o", tmp_path / "out")
    assert (
        "why.qmd:6: note: 2 hidden code cell(s) (1 'include: false', 1 by revealjs's default, which shows "
        "no code without 'echo: true') are left out"
    ) in result.stderr, result.stderr
    assert "('echo: false')" not in result.stderr
    one = write_md(
        tmp_path,
        "---\ntitle: t\nformat: revealjs\n---\n\n```{r}\n#| include: false\nx <- 1\n```\n",
        "one.qmd",
    )
    result = run_cli("slides", one, "-o", tmp_path / "out")
    assert "1 hidden code cell(s) ('include: false') are left out" in result.stderr, result.stderr


def test_inline_r_params_in_the_front_matter_title_is_its_value(tmp_path):
    src = write_md(
        tmp_path,
        """\
        ---
        title: "Barragens de mineração em `r params$uf`"
        subtitle: "Estado: `{r} params$uf`"
        format: revealjs
        params:
          uf: "MG"
        ---

        ## Barragens em `r params$uf`

        O estado de `r params$uf`.
        """,
        "uf.qmd",
    )
    result = run_cli("all", src, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.stderr
    from pptx import Presentation

    deck = Presentation(str(tmp_path / "out" / "uf.pptx"))
    cover = frame_texts(deck)[0]
    assert "Barragens de mineração em MG" in cover and "Estado: MG" in cover, cover
    handout = subprocess.run(
        ["pdftotext", str(tmp_path / "out" / "uf-handout.pdf"), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "Barragens de mineração em MG" in handout
    assert "unused-key" not in result.stderr and "inline-code" not in result.stderr, result.stderr


def test_title_slide_background_is_spoken_of_at_its_line(tmp_path):
    """As an ordinary slide's background is: a warning that it is not drawn, and a missing picture said."""
    src = write_md(
        tmp_path,
        """\
        ---
        title: "Title-slide background"
        author: "A. Lecturer"
        format:
          revealjs:
            title-slide-attributes:
              data-background-image: missing_logo.png
              data-background-size: 30%
        ---

        ## First slide

        Text.
        """,
        "bg.qmd",
    )
    result = run_cli("slides", src, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.stderr
    assert (
        "bg.qmd:7: warning: the title slide's background picture 'missing_logo.png' (title-slide-attributes) "
        "is not drawn: Podium's title slide is the template's design [background]"
    ) in result.stderr, result.stderr
    assert "bg.qmd:7: warning: picture 'missing_logo.png' not found" in result.stderr
    top = write_md(
        tmp_path,
        '---\ntitle: "T"\ntitle-slide-attributes:\n  data-background-color: "#003366"\n---\n\n## A\n\nb\n',
        "top.qmd",
    )
    result = run_cli("slides", top, "-o", tmp_path / "out")
    assert "top.qmd:4: warning: the title slide's background colour '#003366'" in result.stderr, result.stderr
    assert "unused-key" not in result.stderr


def test_date_format_writes_the_title_slides_date(tmp_path):
    """Quarto's named formats (English), ``iso``, a pattern of numbers in any language and month names in
    the lecture's language; a format Podium cannot write in that language keeps its note."""
    cases = [
        ("en", "D MMMM YYYY", "5 December 2025"),
        ("en", "long", "December 5, 2025"),
        ("en", "full", "Friday, December 5, 2025"),
        ("en", "medium", "Dec 5, 2025"),
        ("en", "short", "12/5/25"),
        ("de", "iso", "2025-12-05"),
        ("de", "DD.MM.YYYY", "05.12.2025"),
        ("pt", "D [de] MMMM [de] YYYY", "5 de dezembro de 2025"),
    ]
    for n, (lang, pattern, expected) in enumerate(cases):
        src = write_md(
            tmp_path,
            f'---\ntitle: "Design"\ndate: 2025-12-05\ndate-format: "{pattern}"\nlang: {lang}\n'
            "format: revealjs\n---\n\n## A\n\nText.\n",
            f"d{n}.qmd",
        )
        deck, said = cli_deck(src, tmp_path / "out")
        assert expected in frame_texts(deck)[0], (pattern, frame_texts(deck)[0])
        assert "unused-key" not in said, said
    src = write_md(
        tmp_path,
        '---\ntitle: "Design"\ndate: 2025-12-05\ndate-format: long\nlang: de\n---\n\n## A\n\nText.\n',
        "de.qmd",
    )
    deck, said = cli_deck(src, tmp_path / "out")
    assert "2025-12-05" in frame_texts(deck)[0]
    assert "de.qmd:4: note: front matter keys Podium does not use: date-format" in said, said
