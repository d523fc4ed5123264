"""Review 23 (b), beamer decks of CS courses: ``\\input`` parts that are documents of their own (the
standalone package's habit) read as their bodies; algorithm2e's ``\\KwTo``, ``\\\\`` line ends and
``\\onslide`` in its lines; a box inside a list item kept in its item; ``\\alt<n> {…} {…}`` with spaces;
an ``\\onslide`` nested in another's list."""

from __future__ import annotations

import subprocess
import textwrap

from .conftest import deck_titles, frame_texts, run_cli


def _write(folder, name, text):
    (folder / name).write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")


def test_input_parts_with_their_own_documentclass_are_read_as_their_bodies(tmp_path):
    # only the first part's frames were slides: its \end{document} ended the deck, and its
    # \documentclass and \begin{document} were raw-TeX warnings
    _write(
        tmp_path,
        "main.tex",
        r"""
        \documentclass{beamer}
        \usepackage{standalone}
        \title{Graphs}
        \begin{document}
        \begin{frame}{Intro}
        Hello
        \end{frame}
        \input{parta}
        \input{partb.tex}
        \end{document}
        """,
    )
    for part in "ab":
        _write(
            tmp_path,
            f"part{part}.tex",
            rf"""
            % part {part}
            \documentclass[standalone]{{beamer}}
            \usepackage{{amsmath}}
            \begin{{document}}
            \section{{Part {part.upper()}}}
            \begin{{frame}}{{Frame {part.upper()}}}
            Words of {part.upper()}
            \end{{frame}}
            \end{{document}}
            """,
        )
    out = tmp_path / "out"
    result = run_cli("all", tmp_path / "main.tex", "-o", out)
    assert result.exit_code == 0, result.stderr
    from pptx import Presentation

    deck = Presentation(str(out / "main.pptx"))
    assert deck_titles(deck)[1:] == ["Intro", "Part A", "Frame A", "Part B", "Frame B"]
    assert "Words of B" in frame_texts(deck)[-1][-1]
    assert "raw-tex" not in result.stderr and "outside-frame" not in result.stderr, result.stderr
    handout = subprocess.run(
        ["pdftotext", str(out / "main-handout.pdf"), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "Words of B" in handout
