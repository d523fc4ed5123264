"""beamer title commands written between frames after the title page: they are what a later
``\\titlepage`` shows, not the deck's title slide (beamer reads them where they stand)."""

from __future__ import annotations

import textwrap

from tests.conftest import build_tex, frame_texts

PREAMBLE = "\\title{Main Lecture}\n\\author{A. Person}\n"


def test_title_between_frames_makes_the_later_title_page(tmp_path):
    prs, _ = build_tex(
        tmp_path,
        textwrap.dedent(r"""
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
        """).strip(),
        PREAMBLE,
    )
    slides = frame_texts(prs)
    assert prs.core_properties.title == "Main Lecture"
    assert slides[0][:2] == ["Main Lecture", "A. Person"]
    later = [s for s in slides if s[0] == "Part Two"]
    assert later, slides
    assert "The sequel" in later[0][1] and "B. Other" in later[0][1]
    assert [s[0] for s in slides] == ["Main Lecture", "One", "Part Two", "Two"]


def test_title_between_frames_with_no_later_title_page_is_noted(tmp_path):
    prs, stderr = build_tex(
        tmp_path,
        textwrap.dedent(r"""
        \frame{\titlepage}
        \begin{frame}{One}
        Hello
        \end{frame}
        \title{Never Shown}
        \begin{frame}{Two}
        World
        \end{frame}
        """).strip(),
        PREAMBLE,
    )
    slides = frame_texts(prs)
    assert prs.core_properties.title == "Main Lecture"
    assert slides[0][0] == "Main Lecture"
    assert not any("Never Shown" in t for s in slides for t in s)
    assert "deck.tex:9:" in stderr and "[title-later]" in stderr
