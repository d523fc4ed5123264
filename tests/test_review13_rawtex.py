"""What a reviewer's real R Markdown beamer deck (a thirteenth round) showed: text macros its header defines
(``\\newcommand{\\strong}[1]{\\textbf{#1}}`` in ``header-includes`` or in the ``in_header`` file) left out with
their words, so labels between lists vanished; and a link whose words are raw TeX
(``[\\link{r.slmc.fr}](http://r.slmc.fr)``) lost, address and all.  Each built as a small lecture through
the command line and read back from the PowerPoint deck (python-pptx) and the handout (pdftotext)."""

from __future__ import annotations

import subprocess

from pptx import Presentation

from .conftest import cli_deck, paragraph_texts, run_cli, text_runs, write_md


def _runs(slide) -> list[tuple[str, bool | None, str | None]]:
    """(text, bold, link address) of each run of ``slide``'s text boxes."""
    return [(r.text, r.font.bold, r.hyperlink.address) for r in text_runs([slide]) if r.text.strip()]


def test_header_includes_text_macros_print_their_words_as_latex_does(tmp_path):
    src = write_md(
        tmp_path,
        """
        ---
        title: Macros
        output: beamer_presentation
        header-includes:
          - \\usepackage{xcolor}
          - \\newcommand{\\strong}[1]{\\textbf{\\textcolor{red}{#1}}}
          - |
            \\newcommand{\\aparte}[2]{
              {\\small\\textsf{\\textbf{#1} #2}} % a comment
            }
        ---

        ## Objectifs

        \\strong{Objectifs}

        1. Un
        2. Deux

        \\strong{Organisation}

        1. Trois
        2. Quatre

        Disponible dans un \\strong{livret imprimé}: lu.

        \\aparte{Exemples}{Résultats d'un modèle de régression.}
        """,
        "lecture.Rmd",
    )
    prs, stderr = cli_deck(src, tmp_path / "out")
    slide = prs.slides[1]
    assert paragraph_texts(slide)[1:9] == [
        "Objectifs",
        "Un",
        "Deux",
        "Organisation",
        "Trois",
        "Quatre",
        "Disponible dans un livret imprimé: lu.",
        "Exemples Résultats d’un modèle de régression.",
    ]
    bold = [text for text, b, _ in _runs(slide) if b]
    assert bold == ["Objectifs", "Organisation", "livret imprimé", "Exemples"]
    assert "raw-tex" not in stderr


def test_in_header_file_macros_with_optional_arguments_reach_text_headings_and_math(tmp_path):
    (tmp_path / "header.tex").write_text(
        "% the deck's macros\n"
        "\\newcommand{\\hi}[2][Note]{\\textbf{#1:} #2}\n"
        "\\def\\kw#1{\\texttt{#1}}\n"
        "\\newcommand{\\R}{\\mathbb{R}}\n",
        encoding="utf-8",
    )
    src = write_md(
        tmp_path,
        """
        ---
        title: Header file
        output:
          beamer_presentation:
            includes:
              in_header: header.tex
        ---

        ## Words

        \\hi{default label} and \\hi[Tip]{given label}; the function \\kw{lm}; \\hi[Over]{a
        line break}.

        Code `\\hi{x}` stays code, and $x \\in \\R$ is math.

        ## \\hi[Heading]{title}

        - item \\kw{glm}
        """,
        "lecture.Rmd",
    )
    result = run_cli("all", src, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.stderr
    prs = Presentation(str(tmp_path / "out" / "lecture.pptx"))
    words = paragraph_texts(prs.slides[1])
    assert words[1] == "Note: default label and Tip: given label; the function lm; Over: a line break."
    assert words[2].startswith("Code \\hi{x} stays code")
    assert paragraph_texts(prs.slides[2])[:2] == ["Heading: title", "item glm"]
    assert "raw-tex" not in result.stderr and "math" not in result.stderr
    handout = subprocess.run(
        ["pdftotext", str(tmp_path / "out" / "lecture-handout.pdf"), "-"], capture_output=True, text=True
    ).stdout
    assert "Tip: given label" in handout and "Over: a line break" in handout


def test_missing_in_header_file_is_a_warning_at_its_line(tmp_path):
    src = write_md(
        tmp_path,
        """
        ---
        title: Missing
        output:
          beamer_presentation:
            includes:
              in_header: header.tex
        ---

        ## One

        Words.
        """,
        "lecture.Rmd",
    )
    _, stderr = cli_deck(src, tmp_path / "out")
    assert "lecture.Rmd:6: warning: in_header file 'header.tex' not found" in stderr
    assert "[missing-file]" in stderr


def test_link_whose_words_are_raw_tex_keeps_its_words_and_address(tmp_path):
    src = write_md(
        tmp_path,
        """
        ---
        title: Links
        ---

        ## Links [\\link{hx}](http://h.example)

        Site: [\\link{r.slmc.fr}](http://r.slmc.fr).

        Pkg [\\link{\\textit{package} \\texttt{FactoMineR}}](https://cran.example/FactoMineR); and
        [\\link{\\textbf{modèles}}](http://m.example) avec.

        Icon [\\faGithub](https://github.com/x) and an empty [](http://empty.example) one.
        """,
    )
    result = run_cli("slides", src, "-o", tmp_path / "out", "--all-warnings")
    assert result.exit_code == 0, result.stderr
    prs, stderr = Presentation(str(tmp_path / "out" / "lecture.pptx")), result.stderr
    runs = _runs(prs.slides[1])
    linked = [(text, address) for text, _, address in runs if address]
    assert linked == [
        ("hx", "http://h.example"),
        ("r.slmc.fr", "http://r.slmc.fr"),
        ("package", "https://cran.example/FactoMineR"),
        ("FactoMineR", "https://cran.example/FactoMineR"),
        ("modèles", "http://m.example"),
        ("https://github.com/x", "https://github.com/x"),
        ("http://empty.example", "http://empty.example"),
    ]
    assert ("modèles", True, "http://m.example") in runs
    assert paragraph_texts(prs.slides[1])[1] == "Site: r.slmc.fr."
    assert "left out (slides show no raw TeX) [raw-tex]" not in stderr  # (the link was kept: it says so)
    assert "'\\link{…}' in a link's text is not rendered; its words are kept, linked" in stderr
    assert "'\\faGithub' in a link's text is left out" in stderr and "the link is kept" in stderr
