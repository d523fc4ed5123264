"""What a reviewer's real Quarto revealjs decks (a twenty-fourth round) showed: a ``fragment-index`` on a
fragment holding a list built item by item (a list alone in a ``>`` quote) ignored, so the list came
before the fragments numbered before it; and the math macros a deck defines in its
``include-before-body`` file (a hidden ``$$\\newcommand…$$`` block, where MathJax reads them) not read,
so every formula that used them was shown as TeX source.  Each built as a small lecture through the
command line and read back from the PowerPoint deck (python-pptx) and the handout (pdftotext)."""

from __future__ import annotations

import subprocess

from .conftest import cli_deck, click_paragraphs, paragraph_texts, run_cli, write_md

# --------------------------------------------------------------------------- fragment-index and lists


def test_quoted_list_in_an_indexed_fragment_comes_on_its_index_click(tmp_path):
    src = write_md(
        tmp_path,
        """
        ---
        title: Fragment order
        format: revealjs
        ---

        ## Step by step

        ::: {.fragment fragment-index=2}
        > - Response variable
        > - Explanatory variable
        :::

        ::: {.fragment fragment-index=1}
        Before
        :::
        """,
        "lecture.qmd",
    )
    prs, stderr = cli_deck(src, tmp_path / "out")
    assert click_paragraphs(prs.slides[1]) == [["Before"], ["Response variable"], ["Explanatory variable"]]
    assert "[quoted-list]" in stderr


def test_indexed_fragments_after_a_quoted_list_come_after_its_items(tmp_path):
    # the biostatistics deck's slide: four numbered fragments, the list in the last; and here one in the middle
    src = write_md(
        tmp_path,
        """
        ---
        title: Fragment order
        format: revealjs
        ---

        ## Poids et longueur

        ::: {.fragment fragment-index=3}
        Après
        :::

        ::: {.fragment fragment-index=2}
        > Les variables :

        > - Variable réponse
        > - Variable explicative
        :::

        ::: {.fragment fragment-index=1}
        Avant
        :::

        ::: {.fragment fragment-index=4}
        a est la pente
        :::
        """,
        "lecture.qmd",
    )
    prs, _ = cli_deck(src, tmp_path / "out")
    clicks = [c for c in click_paragraphs(prs.slides[1]) if c]
    assert clicks == [
        ["Avant"],
        ["Les variables :"],
        ["Variable réponse"],
        ["Variable explicative"],
        ["Après"],
        ["a est la pente"],
    ]


def test_numbered_fragments_nested_and_in_columns_with_a_quoted_list_as_the_biostatistics_slide(tmp_path):
    # slide 22 of the deck: the list (a `>` line, then items without it) in the column above, numbered 4;
    # fragment 3 inside fragment 2, in the second column below
    src = write_md(
        tmp_path,
        """
        ---
        title: Fragment order
        format: revealjs
        ---

        ## Poids et Longueur {.smaller}

        :::: {.columns}
        ::: {.column}
        Mais pas à pas !

        ::: {.fragment fragment-index=4}
        ::: medium
        >
        -   **Response variable:** Masse corporelle
        -   **Explanatory variable:** Longueur du bec
        :::
        :::
        :::
        ::::

        :::: {.columns}
        ::: {.column}
        ::: {.fragment fragment-index=1}
        #### Avant
        :::
        :::
        ::: {.column}
        ::: {.fragment fragment-index=2}
        #### Après

        ::: {.fragment fragment-index=3}
        b est la pente
        :::
        :::
        :::
        ::::
        """,
        "lecture.qmd",
    )
    prs, _ = cli_deck(src, tmp_path / "out")
    clicks = [c for c in click_paragraphs(prs.slides[1]) if c]
    assert clicks == [
        ["Avant"],
        ["Après"],
        ["b est la pente"],
        ["Response variable: Masse corporelle"],
        ["Explanatory variable: Longueur du bec"],
    ]


def test_item_by_item_list_in_an_indexed_fragment_keeps_the_order_with_unnumbered_fragments(tmp_path):
    # `::: incremental` inside a numbered fragment (no quote); a fragment without an index comes after
    # every numbered one, as reveal.js sorts them
    src = write_md(
        tmp_path,
        """
        ---
        title: Fragment order
        format: revealjs
        ---

        ## Order

        Shown from the start

        ::: fragment
        Last
        :::

        ::: {.fragment fragment-index=2}
        ::: incremental
        - One
        - Two
        :::
        :::

        ::: {.fragment fragment-index=1}
        First
        :::
        """,
        "lecture.qmd",
    )
    prs, _ = cli_deck(src, tmp_path / "out")
    clicks = [c for c in click_paragraphs(prs.slides[1]) if c]
    assert clicks == [["First"], ["One"], ["Two"], ["Last"]]


# --------------------------------------------------------------------------- macros of the body's files

_MACROS = """\
<div style="display:none">
$$
\\newcommand{\\R}{\\mathbb{R}}
\\def\\E{\\mathbb{E}}
\\DeclareMathOperator{\\Var}{Var}
$$
</div>
"""


def _math_lecture(folder, options: str, top: str = ""):
    """A Quarto lecture in ``folder`` whose math uses the macros of ``macros.html`` (beside it), named by
    the revealjs format's ``options`` (YAML, indented under it) or the front matter's ``top`` keys."""
    (folder / "macros.html").write_text(_MACROS, encoding="utf-8")
    src = folder / "lecture.qmd"
    src.write_text(
        f"---\ntitle: Macros\n{top}format:\n  revealjs:\n    {options}\n---\n\n## Real line\n\n"
        "A function $f: \\R \\to \\R$ with $\\E[X] = \\Var(X)$.\n",
        encoding="utf-8",
    )
    return src


def _office_math(slide) -> str:
    """The text of the slide's Office math (inline equations): its ``m:t`` runs."""
    m = "{http://schemas.openxmlformats.org/officeDocument/2006/math}t"
    return "".join(t.text or "" for t in slide._element.iter(m))


def test_include_before_body_macros_are_the_lectures_macros(tmp_path):
    src = _math_lecture(tmp_path, "include-before-body: macros.html")
    result = run_cli("all", src, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.stderr
    assert "[math]" not in result.stderr
    assert "include-before-body" not in result.stderr  # (no longer an unused option)
    handout = subprocess.run(
        ["pdftotext", str(tmp_path / "out" / "lecture-handout.pdf"), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "A function" in handout and "\\R" not in handout and "\\Var" not in handout
    from pptx import Presentation

    deck = Presentation(str(tmp_path / "out" / "lecture.pptx"))
    assert not any("\\R" in t for t in paragraph_texts(deck.slides[1]))
    assert "ℝ" in _office_math(deck.slides[1]) and "𝔼" in _office_math(deck.slides[1])


def test_include_after_body_and_top_level_and_text_forms(tmp_path):
    for n, (options, top) in enumerate(
        [
            ("include-after-body: macros.html", ""),
            ("width: 1280", "include-before-body: macros.html\n"),
            ("include-before-body:\n      - file: macros.html", ""),
            (
                "include-before-body:\n      - text: '$$\\newcommand{\\R}{\\mathbb{R}}\\def\\E{\\mathbb{E}}"
                "\\DeclareMathOperator{\\Var}{Var}$$'",
                "",
            ),
        ]
    ):
        folder = tmp_path / str(n)
        folder.mkdir()
        src = _math_lecture(folder, options, top)
        prs, stderr = cli_deck(src, folder / "out")
        assert "[math]" not in stderr, (options, top, stderr)
        assert "[unused-key]" not in stderr, (options, top, stderr)
        assert not any("\\R" in t for t in paragraph_texts(prs.slides[1]))
        assert "ℝ" in _office_math(prs.slides[1])


def test_project_include_before_body_is_read_from_the_projects_folder(tmp_path):
    # the econometrics course: `_quarto.yml` names `_theme/macros.html`, relative to the project's folder
    (tmp_path / "_theme").mkdir()
    (tmp_path / "_theme" / "macros.html").write_text(_MACROS, encoding="utf-8")
    (tmp_path / "_quarto.yml").write_text(
        "format:\n  revealjs:\n    include-before-body:\n      - _theme/macros.html\n", encoding="utf-8"
    )
    (tmp_path / "lecture03").mkdir()
    src = write_md(
        tmp_path / "lecture03",
        """
        ---
        title: Time series
        ---

        ## Weak stationarity

        $Y:\\Omega\\rightarrow\\R$ and $\\E[Y_t]=\\mu$, $\\gamma_0 = \\Var(Y_t)$.

        $$
        \\begin{aligned} &\\E[Y_t]=\\mu \\\\ &\\Var(Y_t) < \\infty \\end{aligned}
        $$
        """,
        "lecture03.qmd",
    )
    result = run_cli("slides", src, "-o", tmp_path / "out", "--allow-folder", tmp_path)
    assert result.exit_code == 0, result.stderr
    assert "[math]" not in result.stderr and "not found" not in result.stderr, result.stderr
    assert "[overfull]" not in result.stderr  # (the aligned block is an equation, not a listing)


def test_missing_include_before_body_file_is_a_warning_at_its_line(tmp_path):
    src = write_md(
        tmp_path,
        """
        ---
        title: Macros
        format:
          revealjs:
            include-before-body: nowhere.html
        ---

        ## Real line

        Text.
        """,
        "lecture.qmd",
    )
    _, stderr = cli_deck(src, tmp_path / "out")
    assert "lecture.qmd:5: warning: include-before-body file 'nowhere.html' not found" in stderr
    assert "[missing-file]" in stderr


def test_include_before_body_outside_the_allowed_folders_is_not_read(tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "macros.html").write_text(_MACROS, encoding="utf-8")
    deck = tmp_path / "deck"
    deck.mkdir()
    src = _math_lecture(deck, "include-before-body: ../outside/macros.html")
    (deck / "macros.html").unlink()
    _, stderr = cli_deck(src, deck / "out")
    assert "include-before-body file '../outside/macros.html'" in stderr
    assert "[math]" in stderr  # (its macros are not read)
