"""beamer title commands written between frames after the title page: they are what a later
``\\titlepage`` shows, not the deck's title slide (beamer reads them where they stand)."""

from __future__ import annotations

import textwrap
from pathlib import Path

from pptx import Presentation

from tests.conftest import run_cli


def _build(tmp_path: Path, body: str):
    src = tmp_path / "deck.tex"
    src.write_text(
        "\\documentclass{beamer}\n\\title{Main Lecture}\n\\author{A. Person}\n\\begin{document}\n"
        + textwrap.dedent(body).strip()
        + "\n\\end{document}\n",
        encoding="utf-8",
    )
    result = run_cli("slides", src, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.stderr
    prs = Presentation(str(tmp_path / "out" / "deck.pptx"))
    slides = [
        [sh.text_frame.text for sh in slide.shapes if sh.has_text_frame and sh.text_frame.text.strip()]
        for slide in prs.slides
    ]
    return prs, slides, result.stderr


def test_title_between_frames_makes_the_later_title_page(tmp_path):
    prs, slides, _ = _build(
        tmp_path,
        r"""
        \frame{\titlepage}
        \begin{frame}{One}
        Hello
        \end{frame}
        \title{Part Two}
        \subtitle{The sequel}
        \author{B. Other}
        \begin{frame}
          \titlepage
        \end{frame}
        \begin{frame}{Two}
        World
        \end{frame}
        """,
    )
    assert prs.core_properties.title == "Main Lecture"
    assert slides[0][:2] == ["Main Lecture", "A. Person"]
    later = [s for s in slides if s[0] == "Part Two"]
    assert later, slides
    assert "The sequel" in later[0][1] and "B. Other" in later[0][1]
    assert [s[0] for s in slides] == ["Main Lecture", "One", "Part Two", "Two"]


def test_title_between_frames_with_no_later_title_page_is_noted(tmp_path):
    prs, slides, stderr = _build(
        tmp_path,
        r"""
        \frame{\titlepage}
        \begin{frame}{One}
        Hello
        \end{frame}
        \title{Never Shown}
        \begin{frame}{Two}
        World
        \end{frame}
        """,
    )
    assert prs.core_properties.title == "Main Lecture"
    assert slides[0][0] == "Main Lecture"
    assert not any("Never Shown" in t for s in slides for t in s)
    assert "deck.tex:9:" in stderr and "[title-later]" in stderr
