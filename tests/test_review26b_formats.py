"""Review 26b: R Markdown's ``output:`` listing several formats (the slides take one format's settings, and
say which), the ``code-cell`` note singling out the shown cells whose output is missing, and the
``{{< var >}}`` warning naming a ``_variables.yml`` outside the folders Podium may read."""

from __future__ import annotations

from .conftest import cli_deck, frame_texts, run_cli, write_md

_P = "{http://schemas.openxmlformats.org/presentationml/2006/main}"


def _clicks(deck) -> list[bool]:
    return [s._element.find(f"{_P}timing") is not None for s in deck.slides]


def test_options_of_a_format_not_chosen_are_not_used(tmp_path):
    """ioslides is the format R's tools render first: beamer's ``incremental`` and ``toc`` are not this
    deck's (no Contents slide, no click builds), and a note says whose settings were used."""
    src = write_md(
        tmp_path,
        """\
        ---
        title: "Two formats"
        output:
          ioslides_presentation: default
          beamer_presentation:
            incremental: true
            toc: true
        ---

        ## First slide

        - a
        - b

        ## Second slide

        Text.
        """,
        "mixed.Rmd",
    )
    deck, said = cli_deck(src, tmp_path / "out")
    titles = [t[0] for t in frame_texts(deck)]
    assert titles == ["Two formats", "First slide", "Second slide"], titles
    assert not any(_clicks(deck)), _clicks(deck)
    assert (
        "mixed.Rmd:3: note: 'output:' lists 2 formats; the slides take the settings of 'ioslides_presentation' "
        "alone; not used: beamer_presentation's incremental, toc [unused-key]"
    ) in said, said


def test_a_document_format_first_gives_way_to_the_first_slide_format(tmp_path):
    """``pdf:`` first is no slide format: ioslides' level 2 and ``incremental`` are used, not pdf's ``toc``
    nor beamer's ``slide_level``; the note names ioslides and why."""
    src = write_md(
        tmp_path,
        """\
        ---
        title: "Formats"
        output:
          pdf_document:
            toc: TRUE
          ioslides_presentation:
            incremental: yes
          beamer_presentation:
            slide_level: 1
        ---

        # Part one

        Intro text under the section.

        ## First slide

        - a
        - b
        """,
        "formats.Rmd",
    )
    deck, said = cli_deck(src, tmp_path / "out")
    titles = [t[0] for t in frame_texts(deck)]
    assert titles == ["Formats", "Part one", "First slide"], titles
    assert _clicks(deck) == [False, False, True]
    assert (
        "the slides take the settings of 'ioslides_presentation' alone, the first slide format listed "
        "('pdf_document' is not one); not used: pdf_document's toc and beamer_presentation's slide_level"
    ) in said, said


def test_the_code_cell_note_points_at_the_cell_whose_output_is_missing(tmp_path):
    """``eval=FALSE`` chunks show only their code in knitr too; the chunk whose printed output is missing
    is named, and the note is at its line."""
    src = write_md(
        tmp_path,
        """\
        ---
        title: "Cells"
        output: ioslides_presentation
        ---

        ## Code only

        ```{r, eval=FALSE}
        data <- read.table("x.txt")
        ```

        ## Shell

        ```{bash eval = F}
        git add .
        ```

        ## Listing

        ```{r list-git}
        dir(path = ".git", all.files = TRUE, recursive = TRUE)
        ```

        *Yikes!*
        """,
        "cells.Rmd",
    )
    _deck, said = cli_deck(src, tmp_path / "out")
    assert (
        "cells.Rmd:20: note: 3 code cell(s) are shown as code and not run (Podium executes nothing); 2 of the "
        "shown have 'eval: false', so knitr shows only their code too; 1 shown cell(s) would show output "
        "when run (a plot, a table or printed values), which is missing: line 20 [code-cell]"
    ) in said, said


def test_a_variables_file_outside_the_allowed_folders_is_named(tmp_path):
    """The project's ``_variables.yml`` one folder up is outside the lecture's folder: the warning names it
    and ``--allow-folder``, and with that option the value is filled in."""
    (tmp_path / "proj" / "slides").mkdir(parents=True)
    (tmp_path / "proj" / "_quarto.yml").write_text("project:\n  type: website\n", encoding="utf-8")
    (tmp_path / "proj" / "_variables.yml").write_text('curso: "Quarto 101"\n', encoding="utf-8")
    src = write_md(
        tmp_path / "proj" / "slides",
        """\
        ---
        title: "Variables"
        format: revealjs
        ---

        ## Una

        Curso: {{< var curso >}}
        """,
        "deck.qmd",
    )
    _deck, said = cli_deck(src, tmp_path / "out")
    assert "no _variables.yml was found" not in said, said
    assert (
        "_variables.yml is outside the folders Podium may read, so it is not read (pass --allow-folder "
    ) in said, said
    assert "proj to use it); left out [shortcode]" in said, said
    result = run_cli("slides", src, "-o", tmp_path / "out2", "--allow-folder", tmp_path / "proj")
    assert result.exit_code == 0 and "shortcode" not in result.stderr, result.stderr
