"""What a reviewer's real beamer decks (a thirteenth round, second report) showed the LaTeX reader getting
wrong, each built as a small ``.tex`` deck through the command line and read back from the PowerPoint deck
(python-pptx): frames a preamble macro inputs (``\\newcommand{\\lesson}[1]{\\input{parts/#1}}``), an
``\\input`` inside a frame's text, ``\\item[a)]`` labels, and size and face switches at a table cell's
start."""

from __future__ import annotations

from pathlib import Path

from .conftest import cli_deck, deck_titles
from .conftest import frame_texts as _texts


def _write(folder: Path, files: dict[str, str]) -> Path:
    """Write each of ``files`` (path: text) under ``folder``; return the deck's path (``deck.tex``)."""
    for name, text in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
    return folder / "deck.tex"


def _frame(title: str, words: str) -> str:
    return f"\\begin{{frame}}{{{title}}}\n{words}\n\\end{{frame}}\n"


def test_frames_a_preamble_macro_inputs_are_slides(tmp_path):
    src = _write(
        tmp_path,
        {
            "deck.tex": "\\documentclass{beamer}\n\\newcommand{\\iclass}{beam}\n\\input{fnc/import.tex}\n"
            "\\def\\where{parts}\n\\newcommand{\\lesson}[1]{\\input{\\where/#1.tex}}\n\\title{Course}\n"
            "\\begin{document}\n\\maketitle\n\\import{intro}\n\\lesson{second}\n\\end{document}\n",
            "fnc/import.tex": "\\newcommand{\\import}[1]{\n  \\input{data.\\iclass/#1.tex}\n}\n",
            "data.beam/intro.tex": "\\section{Intro}\n"
            + _frame("Included through a macro", "From data.beam."),
            "parts/second.tex": _frame("Second part", "From parts.\n\\alertx{odd}"),
        },
    )
    prs, stderr = cli_deck(src, tmp_path / "out")
    assert _texts(prs) == [
        ["Course"],
        ["Intro"],
        ["Included through a macro", "From data.beam."],
        ["Second part", "From parts."],
    ]
    assert "missing-file" not in stderr and "outside-frame" not in stderr, stderr
    assert "parts/second.tex:3: warning: raw TeX '\\alertx{odd}'" in stderr  # (at the part's own line)


def test_a_macro_input_that_cannot_be_followed_is_a_warning_at_its_use(tmp_path):
    src = _write(
        tmp_path,
        {
            "deck.tex": "\\documentclass{beamer}\n\\newcommand{\\lesson}[1]{\n  \\input{parts/#1.tex}\n}\n"
            "\\newcommand{\\odd}[1]{\\input{\\unknown/#1}}\n\\title{Course}\n\\begin{document}\n"
            + _frame("Kept", "Words.")
            + "\\lesson{absent}\n\\odd{intro}\n\\end{document}\n",
        },
    )
    prs, stderr = cli_deck(src, tmp_path / "out")
    assert deck_titles(prs) == ["Course", "Kept"]
    lines = stderr.splitlines()
    absent = next(line for line in lines if "parts/absent.tex" in line)
    assert "deck.tex:11: warning: \\input file 'parts/absent.tex' not found" in absent, stderr
    assert "frames" in absent and "\\lesson{absent}" in absent
    odd = next(line for line in lines if "\\unknown" in line)
    assert "deck.tex:12: warning:" in odd and "frames" in odd and "\\odd{intro}" in odd
    assert "deck.tex:3:" not in stderr and "deck.tex:5:" not in stderr, stderr
    assert "outside-frame" not in stderr, stderr


def test_an_input_inside_a_frames_text_is_the_files_text(tmp_path):
    src = _write(
        tmp_path,
        {
            "deck.tex": "\\documentclass{beamer}\n\\title{Course}\n\\begin{document}\n"
            "\\frame{ \\tiny\\input{license.tex} }\n"
            "\\begin{frame}[fragile]{Code}\nWrite \\verb!\\input{nothing}! to read a file.\n\\end{frame}\n"
            "\\frame{\\frametitle{Gone} Before \\input{absent} after.}\n\\end{document}\n",
            "license.tex": "Licensed under CC BY 4.0.\n",
        },
    )
    prs, stderr = cli_deck(src, tmp_path / "out")
    texts = _texts(prs)
    assert texts[1] == ["Licensed under CC BY 4.0."]
    assert "\\input{nothing}" in "".join(texts[2])
    assert texts[3] == ["Gone", "Before after."] or texts[3] == ["Gone", "Before  after."], texts[3]
    assert "deck.tex:8: warning: \\input file 'absent.tex' not found" in stderr, stderr
    assert "raw TeX '\\input" not in stderr, stderr


def test_a_chapter_switch_inputs_the_chosen_chapter_and_another_condition_is_a_warning(tmp_path):
    chapters = {f"ch/ch{k}.tex": _frame(f"Chapter {k}", f"Words of chapter {k}.") for k in range(3)}
    src = _write(
        tmp_path,
        {
            "deck.tex": "\\documentclass{beamer}\n\\newcommand{\\chno}{2}\n"
            "\\newcommand{\\chapter}{\\ifcase\\chno \\input{ch/ch0}\\or \\input{ch/ch1}\\else \\input{ch/ch2}\\fi}\n"
            "\\newcommand{\\maybe}[1]{\\ifdefined\\solutions\\input{ch/#1}\\fi}\n\\title{Course}\n"
            "\\begin{document}\n\\chapter\n\\maybe{ch1}\n\\end{document}\n",
            **chapters,
        },
    )
    prs, stderr = cli_deck(src, tmp_path / "out")
    assert deck_titles(prs) == ["Course", "Chapter 2"]
    said = [line for line in stderr.splitlines() if "warning" in line]
    assert (
        len(said) == 1 and "deck.tex:8: warning: \\maybe{ch1} inputs a file under a TeX condition" in said[0]
    )
    assert "\\ifdefined" in said[0] and "frames" in said[0]
