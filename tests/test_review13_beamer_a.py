"""What a reviewer's real beamer decks (a thirteenth round) showed the LaTeX reader getting wrong, each built
as a small ``.tex`` deck through the command line and read back as a lecturer's program would (python-pptx
for the deck, ``pdftotext`` for the handout): beamer's own theorem environments (``problem``,
``solution``…), text after the first ``\\end{document}``, logos in the title slide's fields, and a title
command whose argument follows a comment on the next line."""

from __future__ import annotations

import subprocess
from pathlib import Path

from pptx import Presentation

from .conftest import build_tex as _build
from .conftest import click_paragraphs, paragraph_texts, run_cli
from .conftest import frame_texts as _texts


def _pdf_text(pdf: Path, last: int | None = None) -> str:
    """The words of ``pdf`` (up to page ``last``), as ``pdftotext`` reads them."""
    pages = ["-l", str(last)] if last else []
    return subprocess.run(
        ["pdftotext", *pages, str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout


def _build_all(tmp_path: Path, tex: str):
    """Every output of ``deck.tex`` (``tex``): (the deck, the handout's text, the warnings)."""
    src = tmp_path / "deck.tex"
    src.write_text(tex, encoding="utf-8")
    result = run_cli("all", src, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.stderr
    prs = Presentation(str(tmp_path / "out" / "deck.pptx"))
    return prs, _pdf_text(tmp_path / "out" / "deck-handout.pdf"), result.stderr


def test_beamers_own_theorem_environments_are_titled_boxes(tmp_path):
    prs, stderr = _build(
        tmp_path,
        "\\begin{frame}{Coins}\n"
        "\\begin{problem}\nFind the fake coin among twelve.\n\\end{problem}\n"
        "\\begin{solution}\nWeigh four against four first.\n\\end{solution}\n"
        "\\begin{fact}\nThree weighings suffice.\n\\end{fact}\n"
        "\\end{frame}\n"
        "\\begin{frame}{More}\n"
        "\\begin{lemma}[Hartley]\nInformation adds up.\n\\end{lemma}\n"
        "\\begin{definitions}\nA bit is a choice of two.\n\\end{definitions}\n"
        "\\begin{examples}\nCoins and dice.\n\\end{examples}\n"
        "\\end{frame}",
    )
    assert _texts(prs)[0] == [
        "Coins",
        "Problem\nFind the fake coin among twelve.",
        "Solution\nWeigh four against four first.",
        "Fact\nThree weighings suffice.",
    ]
    assert _texts(prs)[1] == [
        "More",
        "Lemma (Hartley)\nInformation adds up.",
        "Definitions\nA bit is a choice of two.",
        "Examples\nCoins and dice.",
    ]
    assert "raw-tex" not in stderr and "not-shown" not in stderr


def test_a_solution_with_a_pause_and_a_blank_line_is_still_its_box(tmp_path):
    prs, stderr = _build(
        tmp_path,
        "\\begin{frame}{Sorting stones}\n\\begin{solution}\n\\textbf{Lower bound.} First part.\n\\pause\n\n"
        "\\textbf{Upper bound.} Second part.\n\\end{solution}\n\\end{frame}",
    )
    assert _texts(prs)[0] == [
        "Sorting stones",
        "Solution\nLower bound. First part.\nUpper bound. Second part.",
    ]
    assert click_paragraphs(prs.slides[0]) == [["Upper bound. Second part."]]
    assert "raw-tex" not in stderr and "left out" not in stderr


def test_latex_stops_at_the_first_end_document(tmp_path):
    prs, handout, stderr = _build_all(
        tmp_path,
        "\\documentclass{beamer}\n\\title{Repro}\n\\begin{document}\n"
        "\\begin{frame}[fragile]{Last real frame}\nThe lecture ends here.\n"
        "\\begin{verbatim}\n\\end{document}\n\\end{verbatim}\n\\end{frame}\n"
        "\\end{document}\n\nScratch frames kept below the end of the document:\n"
        "\\begin{frame}{Unused}\n  .\n\\end{frame}\n\\input{nowhere}\n\\end{document}\n",
    )
    assert [s.shapes.title.text for s in prs.slides] == ["Repro", "Last real frame"]
    assert "Scratch" not in handout and "Unused" not in handout
    assert "The lecture ends here." in handout and "\\end{document}" in _texts(prs)[1][-1]  # (the shown one)
    assert (
        "warning" not in stderr and "note" not in stderr
    )  # (none: not for \end{document}, the text or the \input after it)


def test_logos_in_the_title_fields_are_printed_as_in_frames(tmp_path):
    prs, handout, stderr = _build_all(
        tmp_path,
        "\\documentclass{beamer}\n\\title[Corso di \\LaTeX]{Corso introduttivo a \\LaTeX{} e \\TeX\\ldots}\n"
        "\\subtitle{Dal \\TeX\\ al \\LaTeX}\n\\author{Ada \\TeX nica}\n\\institute{\\LaTeX{} Users Group}\n"
        "\\date{2019 \\copyright}\n\\begin{document}\n\\frame{\\titlepage}\n"
        "\\begin{frame}{Uso di \\LaTeX}\nDocumento prodotto con \\LaTeX.\n\\end{frame}\n\\end{document}\n",
    )
    assert paragraph_texts(prs.slides[0]) == [
        "Corso introduttivo a LaTeX e TeX…",
        "Dal TeX al LaTeX",
        "Ada TeX nica",
        "LaTeX Users Group",
        "2019 ©",
    ]
    footers = [sh.text_frame.text for sh in prs.slides[1].shapes if sh.name.startswith("Footer")]
    assert footers == ["Corso di LaTeX"]
    assert "\\" not in handout
    assert "Corso introduttivo a LaTeX e TeX…" in handout  # (the cover and the running header)
    assert "LaTeX Users Group" in _pdf_text(tmp_path / "out" / "deck-handout.pdf", last=1)
    assert "raw-tex" not in stderr


def test_logos_in_a_title_written_after_begin_document(tmp_path):
    prs, stderr = _build(tmp_path, "\\title{Corso introduttivo a \\LaTeX}\n\\maketitle\n")
    assert paragraph_texts(prs.slides[0]) == ["Corso introduttivo a LaTeX"]
    assert "raw-tex" not in stderr


def test_a_title_commands_argument_after_a_comment_is_its_argument(tmp_path):
    prs, stderr = _build(
        tmp_path,
        "\\date%[DATE CURTE]\n{28 Ottobre 2019}\n\\institute % where\n  {Collegio}\n\\maketitle\n"
        "\\begin{frame}{A}\na\n\\end{frame}",
        preamble="\\title%\n[Corso]%\n{Corso introduttivo}\n\\author%\n{Ada}\n",
    )
    assert paragraph_texts(prs.slides[0]) == ["Corso introduttivo", "Ada", "Collegio", "28 Ottobre 2019"]
    footers = [sh.text_frame.text for sh in prs.slides[1].shapes if sh.name.startswith("Footer")]
    assert footers == ["Corso"]
    assert "outside-frame" not in stderr and "raw-tex" not in stderr


def test_a_subfiles_own_document_ends_nothing(tmp_path):
    part = "\\documentclass[deck.tex]{subfiles}\n\\begin{document}\n\\begin{frame}{%s}\na\n\\end{frame}\n\\end{document}\n"
    (tmp_path / "one.tex").write_text(part % "One", encoding="utf-8")
    (tmp_path / "two.tex").write_text(part % "Two", encoding="utf-8")
    prs, stderr = _build(tmp_path, "\\subfile{one}\n\\subfile{two}", preamble="\\usepackage{subfiles}\n")
    assert [s.shapes.title.text for s in prs.slides] == ["One", "Two"]
    assert "warning" not in stderr
