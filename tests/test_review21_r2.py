"""Review 21, second read of the beamer changes: a contents frame after one whose words list the
contents, a later title page's own fields, ``\\ifcase`` on LaTeX's counters, code kept whole, a
``\\MakeFramed`` box's title and ``\\centering`` after a frame title, in a column and after columns."""

from __future__ import annotations

import textwrap
from pathlib import Path

from pptx import Presentation

from tests.conftest import run_cli


def _build(tmp_path: Path, body: str, preamble: str = "\\title{Deck}\n"):
    src = tmp_path / "deck.tex"
    src.write_text(
        "\\documentclass{beamer}\n"
        + preamble
        + "\\begin{document}\n"
        + textwrap.dedent(body).strip()
        + "\n\\end{document}\n",
        encoding="utf-8",
    )
    result = run_cli("slides", src, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.stderr
    assert "Traceback" not in result.stderr
    return Presentation(str(tmp_path / "out" / "deck.pptx")), result.stderr


def _texts(slide) -> list[str]:
    """The slide's paragraphs' words (its footer's too)."""
    return [
        "".join(run.text for run in para.runs)
        for shape in slide.shapes
        if shape.has_text_frame
        for para in shape.text_frame.paragraphs
        if "".join(run.text for run in para.runs).strip()
    ]


def _slides(prs) -> list[list[str]]:
    return [_texts(slide) for slide in prs.slides]


def test_contents_frame_after_a_frame_whose_words_list_the_contents(tmp_path):
    prs, _ = _build(
        tmp_path,
        r"""
        \begin{frame}{Welcome}
        Hello! Here is the plan:
        \tableofcontents
        \end{frame}
        \section{Alpha}
        \subsection{A one}
        \begin{frame}{A1}
        x
        \end{frame}
        \section{Beta}
        \subsection{B one}
        \begin{frame}{B1}
        y
        \end{frame}
        \begin{frame}{Outline}
        \tableofcontents
        \end{frame}
        """,
    )
    slides = _slides(prs)
    outline = [s for s in slides if s and s[0] == "Outline"]
    assert outline, slides
    assert "A one" in outline[0] and "B one" in outline[0]


def test_later_title_page_is_a_slide_of_its_own(tmp_path):
    prs, _ = _build(
        tmp_path,
        r"""
        \begin{frame}
        \titlepage
        \end{frame}
        \begin{frame}{Content}
        Some content.
        \end{frame}
        \begin{frame}
        \title{Part II: Advanced}
        \author{Guest Speaker Bob \and Carol}
        \titlepage
        \end{frame}
        \begin{frame}{More}
        More content.
        \end{frame}
        """,
        preamble="\\title{Lecture 1: Basics}\n\\author{Alice}\n",
    )
    slides = _slides(prs)
    assert slides[0][:2] == ["Lecture 1: Basics", "Alice"]
    later = [s for s in slides if s and s[0] == "Part II: Advanced"]
    assert later and "Guest Speaker Bob, Carol" in later[0], slides
    assert slides[-1][0] == "More"
    assert not any("Part II" in t for s in slides[:2] for t in s)


def test_ifcase_reads_the_counters_latex_counts(tmp_path):
    prs, stderr = _build(
        tmp_path,
        r"""
        \section{Intro}
        \begin{frame}{A}
        Lecture: \ifcase\value{lecture} zero\or one\or two\or three\fi
        \end{frame}
        \refstepcounter{lecture}
        \begin{frame}{B}
        Now: \ifcase\value{lecture} zero\or one\or two\or three\fi
        \end{frame}
        \begin{frame}{C}
        The: \ifcase\thelecture\space zero\or one\or two\or three\fi
        \end{frame}
        \section{Second}
        \begin{frame}{D}
        Part \ifcase\value{section} zero\or one\or two\or three\fi
        \end{frame}
        """,
        preamble="\\newcounter{lecture}\n\\setcounter{lecture}{2}\n\\title{Course}\n",
    )
    said = [t for s in _slides(prs) for t in s]
    assert "Lecture: two" in said and "Now: three" in said and "The: three" in said, said
    assert "Part two" in said, said
    assert "tex-condition" not in stderr and "space" not in stderr


def test_ifcase_register_set_only_where_tex_sets_it(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")  # (14 November 2023)
    prs, stderr = _build(
        tmp_path,
        r"""
        \begin{frame}[fragile]{Chapter}
        \ifcase\chno Intro\or Basics\or Advanced\or Expert\fi
        \begin{verbatim}
        \chno=2
        \end{verbatim}
        \end{frame}
        \begin{frame}{Again}
        \ifcase\chno Intro\or Basics\or Advanced\or Expert\fi
        \end{frame}
        \begin{frame}{Later}
        \setthree
        \ifcase\chno Intro\or Basics\or Advanced\or Expert\fi
        \end{frame}
        \begin{frame}{Month}
        Term: \ifcase\month\or Winter\or Winter\or Spring\or Spring\or Spring\or Summer\or Summer\or
        Summer\or Autumn\or Autumn\or Autumn\or Winter\fi
        \end{frame}
        """,
        preamble="\\newcount\\chno\n\\chno=1\n\\newcommand{\\setthree}{\\chno=3}\n\\title{Course}\n",
    )
    slides = _slides(prs)
    said = {s[0]: s[1:] for s in slides if s}
    assert "Basics" in said["Chapter"] and "Basics" in said["Again"], slides
    assert "Expert" in said["Later"], slides
    assert "Term: Autumn" in said["Month"], slides
    assert "tex-condition" not in stderr


def test_code_with_a_box_after_words_stays_whole(tmp_path):
    prs, _ = _build(
        tmp_path,
        r"""
        \begin{frame}[fragile]{Blocks}
        \begin{verbatim}
        \begin{block}{Title} Body text. \end{block}
        \end{verbatim}
        \end{frame}
        \begin{frame}[fragile]{Listing}
        \begin{lstlisting}
        x = 1; \begin{block}{T} y \end{block}
        \end{lstlisting}
        \end{frame}
        \begin{frame}[fragile]{Minted}
        \begin{minted}{latex}
        Words \begin{exampleblock}{E} z \end{exampleblock}
        \end{minted}
        \end{frame}
        """,
    )
    said = [t for s in _slides(prs) for t in s]
    assert "\\begin{block}{Title} Body text. \\end{block}" in said, said
    assert "x = 1; \\begin{block}{T} y \\end{block}" in said, said
    assert "Words \\begin{exampleblock}{E} z \\end{exampleblock}" in said, said


def test_makeframed_box_keeps_its_opening_words(tmp_path):
    prs, stderr = _build(
        tmp_path,
        r"""
        \begin{frame}{Box}
        \begin{notebox}{Warning}
        Do not divide by zero.
        \end{notebox}
        \begin{quotebox}
        To be or not.
        \end{quotebox}
        \end{frame}
        """,
        preamble=textwrap.dedent(
            r"""
            \usepackage{framed}
            \newenvironment{notebox}[1]{%
              \def\FrameCommand{\fboxsep=6pt\colorbox{yellow}}%
              \MakeFramed{\advance\hsize-\width\FramesRestore}\textbf{#1:}\ }%
              {\endMakeFramed}
            \newenvironment{quotebox}{%
              \def\FrameCommand{\colorbox{yellow}}%
              \MakeFramed{\FrameRestore}\itshape Quote: }%
              {\endMakeFramed}
            \title{Framed}
            """
        ),
    )
    said = _slides(prs)[1]
    assert "Warning" in said and "Do not divide by zero." in said, said
    assert "Quote: To be or not." in said, said
    assert "raw-tex" not in stderr


def _aligned(slide) -> dict[str, object]:
    """Each paragraph's words and its alignment."""
    return {
        "".join(run.text for run in para.runs): para.alignment
        for shape in slide.shapes
        if shape.has_text_frame
        for para in shape.text_frame.paragraphs
    }


def test_centering_after_a_frame_title_in_a_column_and_after_columns(tmp_path):
    prs, _ = _build(
        tmp_path,
        r"""
        \begin{frame}
        \frametitle{Results}
        \centering
        Centred under the title.
        \end{frame}
        \begin{frame}{Columns}
        \begin{columns}
        \column{0.5\textwidth}
        \centering
        Left centred words

        \column{0.5\textwidth}
        Right plain words
        \end{columns}
        \end{frame}
        \begin{frame}{Cols}
        \centering
        Top
        \begin{columns}
        \column{0.5\textwidth} A
        \column{0.5\textwidth} B
        \end{columns}
        Bottom words
        \end{frame}
        """,
    )
    slides = list(prs.slides)
    assert _aligned(slides[1])["Centred under the title."] is not None
    columns = _aligned(slides[2])
    assert columns["Left centred words"] is not None and columns["Right plain words"] is None
    cols = _aligned(slides[3])
    assert cols["Top"] is not None and cols["Bottom words"] is not None
    assert cols["A"] is None and cols["B"] is None
