"""Beamer decks written in LaTeX (``.tex``) read as the slides beamer makes, checked in the deck
(python-pptx) and the handout (poppler): the preamble is the title slide, frames are slides titled by
``{Title}`` or ``\\frametitle``, ``\\section`` a section slide, overlays clicks, ``\\note`` notes,
comments and indentation left out, verbatim code kept as written."""

from __future__ import annotations

import subprocess

import pytest
from PIL import Image
from pptx import Presentation

from podium import beamer

from .conftest import run_cli, write_md

A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
P = "{http://schemas.openxmlformats.org/presentationml/2006/main}"

DECK = r"""
% Lecture 3 -- Graph theory
\documentclass[aspectratio=169]{beamer}
\usetheme{Madrid}
\newcommand{\R}{\mathbb{R}}

\title[Graphs]{Graph Theory\\ Lecture 3}
\subtitle{Paths and trees}
\author{Dr.~Ada Smith \and Bob Jones}
\date{Autumn 2024}

\begin{document}

\begin{frame}
  \titlepage
\end{frame}

\begin{frame}{Outline}
  \tableofcontents
\end{frame}

\section{Paths}
\subsection{Definitions}

\begin{frame}{Walks and paths}
  A \emph{walk} is a sequence of vertices; % a secret remark
  a \textbf{path} repeats none.

  \begin{itemize}
    \item<1-> Length of a path
    \item<2-> Distance $d(u,v)$
  \end{itemize}
  \note{Draw an example on the board first.}
\end{frame}

\begin{frame}[fragile]
  \frametitle{Shortest paths in code}
  \begin{lstlisting}[language=Python]
def bfs(graph, start):
    seen = {start}
  \end{lstlisting}
\end{frame}

\begin{frame}{Two views}
  \begin{columns}
    \begin{column}{0.5\textwidth}
      Every tree with $n$ vertices has $n-1$ edges.
    \end{column}
    \begin{column}{0.45\textwidth}
      \includegraphics[width=\textwidth]{tree.png}
    \end{column}
  \end{columns}
\end{frame}

Stray text outside any frame.

\begin{frame}
  2024. A year of graphs.
\end{frame}

\end{document}
"""


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    folder = tmp_path_factory.mktemp("beamer")
    Image.new("RGB", (600, 400), "#4477aa").save(folder / "tree.png")
    src = folder / "graphs.tex"
    src.write_text(DECK.lstrip("\n"))
    result = run_cli("all", src, "-o", folder / "out")
    assert result.exit_code == 0, result.stderr
    return folder / "out", result.stderr


def _texts(slide) -> list[str]:
    return [s.text_frame.text for s in slide.shapes if s.has_text_frame and s.text_frame.text.strip()]


def _title(slide) -> str:
    return slide.shapes.title.text if slide.shapes.title is not None else ""


def test_frames_are_slides_and_the_preamble_the_title_slide(built):
    out, _ = built
    deck = Presentation(str(out / "graphs.pptx"))
    assert [_title(s) for s in deck.slides] == [
        "Graph Theory\x0bLecture 3",  # the title slide, from \title (the \titlepage frame is it; \\ a line)
        "Outline",  # \tableofcontents: the contents slide, titled as its frame
        "Paths",  # \section; \subsection is only beamer's navigation
        "Walks and paths",
        "Shortest paths in code",
        "Two views",
        "",
    ]
    title_slide = "\n".join(_texts(deck.slides[0]))
    assert "Paths and trees" in title_slide and "Dr.\u00a0Ada Smith, Bob Jones" in title_slide
    words = "\n".join(t for s in deck.slides for t in _texts(s))
    assert "\\" not in words  # no raw TeX
    assert "secret remark" not in words and "Stray text" not in words
    assert "A walk is a sequence of vertices; a path repeats none." in words
    assert "2024. A year of graphs." in words  # (text, not a numbered list)


def test_overlays_notes_code_and_columns(built):
    out, _ = built
    deck = Presentation(str(out / "graphs.pptx"))
    walks, code, views = list(deck.slides)[3:6]
    assert sum(1 for c in walks.element.iter() if c.get("nodeType") == "clickEffect") == 1  # \item<2->
    assert walks.notes_slide.notes_text_frame.text == "Draw an example on the board first."
    listing = next(t for t in _texts(code) if "def bfs" in t)
    assert listing.split("\n") == ["def bfs(graph, start):", "    seen = {start}"]
    text = next(s for s in views.shapes if s.has_text_frame and "Every tree" in s.text_frame.text)
    picture = next(s for s in views.shapes if s.shape_type == 13)
    assert text.left + text.width <= picture.left


def test_warnings_name_the_files_lines_and_the_handout_reads_the_same(built):
    out, stderr = built
    stray = DECK.lstrip("\n").split("\n").index("Stray text outside any frame.") + 1
    # (text between frames: the handout's text of the frame before it, as beamer's article mode prints it)
    assert (
        f"graphs.tex:{stray}: note: text between frames is the handout text of the frame before it" in stderr
    )
    assert "raw-tex" not in stderr
    text = subprocess.run(
        ["pdftotext", str(out / "graphs-handout.pdf"), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "Walks and paths" in text and "Draw an example on the board first." in text
    assert "Stray text outside any frame." in text
    deck = Presentation(str(out / "graphs.pptx"))
    assert "Stray text" not in "\n".join(t for s in deck.slides for t in _texts(s))


@pytest.mark.parametrize(
    ("text", "shown", "expected"),
    [
        ("\\documentclass{beamer}\n\\begin{document}\n\\end{document}\n", "x.md", True),
        ("## Writing slides\n\n```latex\n\\documentclass{beamer}\n\\begin{document}\n```\n", "x.md", False),
        ("\\begin{frame}{A}\nx\n\\end{frame}\n", "part.tex", True),  # (a part of frames, given alone)
        ("\\documentclass{article}\n\\begin{document}\nx\n\\end{document}\n", "notes.tex", False),
        ("% T\n\\documentclass{beamer}\n\\begin{document}\n", "x.md", False),  # (% lines: a title block)
    ],
)
def test_which_files_are_beamer_decks(text, shown, expected):
    assert beamer.wanted(text, shown) is expected


def test_a_course_builds_its_beamer_decks_not_their_parts(tmp_path, monkeypatch):
    content = tmp_path / "content"
    content.mkdir()
    (content / "week1.tex").write_text(
        "\\documentclass{beamer}\n\\begin{document}\n\\begin{frame}{A}\nx\n\\end{frame}\n\\end{document}\n"
    )
    (content / "macros.tex").write_text("\\newcommand{\\R}{\\mathbb{R}}\n")
    write_md(content, "---\ntitle: W2\n---\n\n## B\n\ny\n", "week2.md")
    monkeypatch.chdir(tmp_path)
    result = run_cli("slides", "-o", tmp_path / "out")
    assert result.exit_code == 0, result.stderr
    assert sorted(p.name for p in (tmp_path / "out").glob("*.pptx")) == ["week1.pptx", "week2.pptx"]


def test_input_files_are_read_in_place_and_named_in_messages(tmp_path):
    (tmp_path / "frames").mkdir()
    (tmp_path / "preamble.tex").write_text("\\title{Split lecture}\n\\author{Ann}\n")
    (tmp_path / "frames" / "intro.tex").write_text(
        "\\begin{frame}{Intro}\nHello from a part.\n\\end{frame}\n\\input{frames/more}\n"
    )
    (tmp_path / "frames" / "more.tex").write_text(
        "\\begin{frame}{More}\nNested part.\n\\end{frame}\nStray words.\n"
    )
    outside = tmp_path.parent / f"{tmp_path.name}-secret.tex"
    outside.write_text("\\begin{frame}{Secret}\nnot to be read\n\\end{frame}\n")
    src = tmp_path / "main.tex"
    src.write_text(
        "\\documentclass{beamer}\n\\input{preamble}\n\\begin{document}\n\\input{frames/intro}\n"
        f"\\input{{../{outside.stem}}}\n\\input{{frames/missing}}\n"
        "\\begin{frame}{Main}\nMain text.\n\\end{frame}\n\\end{document}\n"
    )
    result = run_cli("slides", src, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.stderr
    deck = Presentation(str(tmp_path / "out" / "main.pptx"))
    assert [_title(s) for s in deck.slides] == ["Split lecture", "Intro", "More", "Main"]
    assert "not to be read" not in "\n".join(t for s in deck.slides for t in _texts(s))
    assert "main.tex:6: warning: \\input file 'frames/missing.tex' not found" in result.stderr
    assert "more.tex:4: note: text between frames is the handout text" in result.stderr
    assert "main.tex:5: warning:" in result.stderr  # the file outside the project: refused, said


HABITS = r"""
\documentclass{beamer}
\graphicspath{{figures/}}
\title[Short]{Institut f\"ur \"Okologie}
\author{Prof.\ Ana Wade}
\begin{document}

\begin{frame}{Today}
  \tableofcontents
\end{frame}

\begin{frame}{Matrix form}
  \label{fr:matrix}
  \[
    a + b
    =
    c
  \]
  Note the \verb|%| sign, \verb!x|y!, \url{https://example.org/a%20b} and \enquote{quoted words}.
\end{frame}

\begin{frame}[fragile]{Teaching beamer}
  \begin{verbatim}
\begin{frame}{Inside}
\end{frame}
  \end{verbatim}
  After the code.
\end{frame}

\begin{frame}{Sizes and space}
  {\small Small words here.}
  \vspace{1em}
  \vfill
  {\footnotesize
  A group over lines.
  }
  \begin{block}<2->{Later}
    B.
  \end{block}
  \begin{theorem}[Cauchy, {\cite[Thm.~7]{rudin}}]
    \label{thm:c}
    Every sequence. \qedhere
  \end{theorem}
  \includegraphics[width=3cm]{plot}
  Back to \hyperlink{fr:matrix}{the matrix}.
\end{frame}

\begin{frame}{Last}
  Final words.
\end{document}
"""


def test_the_habits_of_beamer_lecturers(tmp_path):
    (tmp_path / "figures").mkdir()
    Image.new("RGB", (300, 200), "#338855").save(tmp_path / "figures" / "plot.png")
    src = tmp_path / "habits.tex"
    src.write_text(HABITS.lstrip("\n"))
    result = run_cli("slides", src, "-o", tmp_path / "out", "--all-warnings")
    assert result.exit_code == 0, result.stderr
    deck = Presentation(str(tmp_path / "out" / "habits.pptx"))
    slides = [s for s in deck.slides if not _title(s).endswith("(cont.)")]
    parts = [s for s in deck.slides if _title(s).startswith("Sizes and space")]  # (one slide or more)
    assert [_title(s) for s in slides] == [
        "Institut für Ökologie",
        "Today",
        "Matrix form",
        "Teaching beamer",
        "Sizes and space",
        "Last",
    ]
    assert "Prof. Ana Wade" in "\n".join(_texts(slides[0])).replace("\u00a0", " ")
    footers = {
        sh.text_frame.text for s in slides for sh in s.placeholders if sh.placeholder_format.type == 15
    }
    assert footers == {"Short"}  # \title[Short]: beamer's footline
    matrix = "\n".join(_texts(slides[2]))
    assert "Note the % sign, x|y, https://example.org/a%20b and \u201cquoted words\u201d." in matrix
    code = "\n".join(_texts(slides[3]))
    assert "\\begin{frame}{Inside}" in code and "After the code." in code
    words = "\n".join(t for p in parts for t in _texts(p))
    assert "Small words here." in words and "A group over lines." in words and "{" not in words
    assert "Theorem (Cauchy, [@rudin, Thm.\u00a07])" in words and "qedhere" not in words  # (no bibliography)
    assert sum(1 for p in parts for c in p.element.iter() if c.get("nodeType") == "clickEffect") == 1  # block
    assert any(s.shape_type == 13 for p in parts for s in p.shapes)  # the picture, found in \graphicspath
    jumps = [
        (p, h)
        for p in parts
        for h in p.element.iter(f"{A}hlinkClick")
        if h.get("action") == "ppaction://hlinksldjump"
    ]
    assert [p.part.related_part(h.get(f"{R}id")) for p, h in jumps] == [slides[2].part]
    assert "Final words." in "\n".join(_texts(slides[5]))
    messages = result.stderr
    assert "habits.tex:47: warning: this frame is never closed" in messages  # (where it begins)
    assert "raw-tex" not in messages and "missing-image" not in messages


def test_an_algorithm_is_pseudocode_lines(tmp_path):
    src = tmp_path / "alg.tex"
    src.write_text(
        "\\documentclass{beamer}\n\\begin{document}\n\\begin{frame}{Search}\n\\begin{algorithm}[H]\n"
        "\\caption{Tree search}\n\\begin{algorithmic}[1]\n\\Require a tree $T$\n\\While{$x \\neq y$}\n"
        "\\If{$k < x$} \\Comment{go left}\n\\State $x \\gets l$\n\\Else\n\\State $x \\gets r$\n\\EndIf\n"
        "\\EndWhile\n\\State \\Return $x$\n\\end{algorithmic}\n\\end{algorithm}\n\\end{frame}\n\\end{document}\n"
    )
    result = run_cli("slides", src, "-o", tmp_path / "out")
    assert result.exit_code == 0 and "raw-tex" not in result.stderr, result.stderr
    slide = Presentation(str(tmp_path / "out" / "alg.pptx")).slides[0]
    body = next(t for t in _texts(slide) if "Algorithm:" in t)
    lines = [line for line in body.replace("\x0b", "\n").split("\n") if line.strip()]
    assert [line.strip() for line in lines] == [
        "Algorithm: Tree search",
        "Require: a tree",
        "while  do",  # (the math is Office math, not in the text)
        "if  then \u25b7 go left",
        "else",
        "end if",
        "end while",
        "return",
    ]
    indent = {line.strip(): len(line) - len(line.lstrip("\u00a0")) for line in lines}
    assert (indent["while  do"], indent["if  then \u25b7 go left"], indent["end while"]) == (0, 4, 0)


def test_box_titles_keep_citations_and_formatting(tmp_path):
    (tmp_path / "refs.bib").write_text(
        "@book{knuth84, author={Knuth, Donald}, title={The TeXbook}, year={1984}}\n"
    )
    src = tmp_path / "boxes.tex"
    src.write_text(
        "\\documentclass{beamer}\n\\begin{document}\n\\begin{frame}{Titles}\n"
        "\\begin{theorem}[Knuth \\cite{knuth84}] four \\end{theorem}\n"
        "\\begin{block}{With \\emph{emphasis} \\label{b:two}} six \\end{block}\n"
        "See \\hyperref[toc]{the contents} and \\hyperlink{tit}{titles}.\n\\end{frame}\n"
        "\\begin{frame}{Contents}\\label{toc}\n\\label{tit}\nx\n\\end{frame}\n"
        "\\begin{frame}{Init}\n\\begin{algorithmic}\n\\For{$i = 1$ \\To $n$}\n\\State $\\forall j: x_j \\gets 0$\n"
        "\\EndFor\n\\State \\Return $x$\n\\end{algorithmic}\n\\end{frame}\n\\bibliography{refs}\n\\end{document}\n"
    )
    result = run_cli("slides", src, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.stderr
    assert "raw-tex" not in result.stderr and "math" not in result.stderr, result.stderr
    slides = list(Presentation(str(tmp_path / "out" / "boxes.pptx")).slides)
    words = "\n".join(_texts(slides[0]))
    assert "Theorem (Knuth (Knuth, 1984))" in words and "With emphasis\nsix" in words and "::: " not in words
    jumps = [
        h for h in slides[0].element.iter(f"{A}hlinkClick") if h.get("action") == "ppaction://hlinksldjump"
    ]
    assert len(jumps) == 2
    init = next(t for t in _texts(slides[2]) if "end for" in t).replace("\x0b", "\n").split("\n")
    assert [line.strip() for line in init] == ["for  to  do", "", "end for", "return"]


def test_an_article_is_not_a_beamer_deck(tmp_path, monkeypatch):
    article = (
        "\\documentclass{article}\n\\begin{document}\n\\section{Intro}\nEvery word kept.\n\\end{document}\n"
    )
    assert not beamer.wanted(article, "notes.tex")
    content = tmp_path / "content"
    content.mkdir()
    (content / "notes.tex").write_text(article)
    (content / "talk.tex").write_text(
        "% \\documentclass{article} in a comment\n\\documentclass[11pt]{beamer}\n\\begin{document}\n"
        "\\begin{frame}{A}\n\\includegraphics{missing}\n\\end{frame}\n\\end{document}\n"
    )
    (content / "figs").mkdir()
    (content / "talk.tex").write_text(
        (content / "talk.tex")
        .read_text()
        .replace("\\begin{document}", "\\graphicspath{{figs/}}\n\\begin{document}")
    )
    monkeypatch.chdir(tmp_path)
    result = run_cli("slides", "-o", tmp_path / "out")
    assert result.exit_code == 0, result.stderr
    assert sorted(p.name for p in (tmp_path / "out").glob("*.pptx")) == ["talk.pptx"]
    assert "picture 'missing' not found (searched content/, figs/)" in result.stderr


def test_old_algorithmic_keywords_and_text_in_math(tmp_path):
    src = tmp_path / "old.tex"
    src.write_text(
        "\\documentclass{beamer}\n\\begin{document}\n\\begin{frame}{Search}\n\\begin{algorithmic}[1]\n"
        "\\IF{$x = \\textsc{nil}$ \\OR $k = x.key$}\n\\RETURN $x$\n\\ENDIF\n\\end{algorithmic}\n\\end{frame}\n\\end{document}\n"
    )
    result = run_cli("slides", src, "-o", tmp_path / "out")
    assert result.exit_code == 0 and "warning" not in result.stderr, result.stderr
    slide = Presentation(str(tmp_path / "out" / "old.pptx")).slides[0]
    body = next(t for t in _texts(slide) if "end if" in t).replace("\x0b", "\n").split("\n")
    assert [line.strip() for line in body] == ["if  or  then", "return", "end if"]


@pytest.mark.parametrize(
    "text",
    [
        "\\begin{frame}{T}\nwords",  # (a part: no \documentclass, no \end{document}, a frame never closed)
        "\\documentclass{beamer}\n\\begin{document}\n\\begin{frame}{T}\n\\begin{verbatim}\n\\end{frame}\n",
        "\\begin{frame}",
    ],
)
def test_a_frame_never_closed_is_kept_and_said(tmp_path, text):
    from podium.diagnostics import BuildError, Diagnostics
    from podium.reader import parse_lecture

    diags = Diagnostics()
    try:
        lecture = parse_lecture(text, "part.tex", diags, base_dir=str(tmp_path))
    except BuildError:  # (an empty frame alone: "the lecture has no slides", a clean error)
        lecture = None
    assert [d.code for d in diags.items if d.severity == "warning"][:1] == ["unclosed-frame"]
    if lecture is not None and "words" in text:
        assert "words" in "\n".join(t for s in lecture.slides for b in s.body for t in [str(b)])


def test_items_on_overlay_steps_as_beamer_shows_them(tmp_path):
    src = tmp_path / "o.tex"
    src.write_text(
        "\\documentclass{beamer}\n\\begin{document}\n\\begin{frame}{Mixed}\n\\begin{itemize}\n\\item A\n"
        "\\item<2-> B\n\\item C\n\\item<3-> D\n\\end{itemize}\nAfter the list.\n\\end{frame}\n"
        "\\begin{frame}{Plus}\n\\begin{itemize}[<+->]\n\\item p\n\\item q\n\\end{itemize}\n\\end{frame}\n\\end{document}\n"
    )
    result = run_cli("slides", src, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.stderr
    mixed, plus = Presentation(str(tmp_path / "out" / "o.pptx")).slides

    def clicks(slide):  # the paragraphs each click brings
        body = next(
            sh for sh in slide.shapes if sh.has_text_frame and sh.text_frame.text.startswith(("A", "p"))
        )
        paras = [p.text for p in body.text_frame.paragraphs]
        steps = slide.element.xpath(".//p:timing//p:cTn[@nodeType='mainSeq']/p:childTnLst/p:par")
        return [[paras[int(r.get("st"))] for r in par.iter(f"{P}pRg")] for par in steps]

    assert clicks(mixed) == [["B"], ["D"]]  # A, C and the text after the list: shown from the start
    assert clicks(plus) == [["q"]]  # [<+->]: the first item at once


def test_nocite_lists_uncited_entries(tmp_path):
    (tmp_path / "refs.bib").write_text(
        "@book{a1, author={Ames, A.}, title={Cited}, year={2001}}\n"
        "@book{b2, author={Bell, B.}, title={Never cited}, year={2002}}\n"
    )
    tex = tmp_path / "n.tex"
    tex.write_text(
        "\\documentclass{beamer}\n\\begin{document}\n\\begin{frame}{A}\nSee \\cite{a1}.\n\\end{frame}\n"
        "\\nocite{*}\n\\bibliography{refs}\n\\end{document}\n"
    )
    md = tmp_path / "n.md"
    md.write_text("---\ntitle: N\nbibliography: refs.bib\nnocite: |\n  @b2\n---\n\n## A\n\nSee [@a1].\n")
    for src in (tex, md):
        result = run_cli("slides", src, "-o", tmp_path / "out")
        assert result.exit_code == 0 and "warning" not in result.stderr, result.stderr
        deck = Presentation(str(tmp_path / "out" / f"{src.stem}.pptx"))
        words = "\n".join(t for s in deck.slides for t in _texts(s))
        assert "Never cited" in words and "Cited" in words, src.name


LINES = r"""\documentclass{beamer}
\title{Lines}
\begin{document}
\begin{frame}{Breaks}
One of the techniques of\\ \hspace{4cm} Linear Programming.
\begin{itemize}
  \item Prediction hypersurface \\$\rightarrow$ here: a line
\end{itemize}
$a_{i+2} = a_{i+1} + a_i $ and $ F_n = F_{n-1} + F_{n-2} $.
\begin{tabular}{ll}
a & b \\
c & d \\
\end{tabular}
\centerline{\textbf{Thank you}}
\end{frame}
\begin{frame}{Pictures}
\includegraphics[width=0.4\textwidth]{one.png} \\
\includegraphics[width=0.4\textwidth, clip]{
    two.png}
\end{frame}
\end{document}
"""


def test_tex_line_breaks_spaced_math_centred_lines_and_pictures_over_lines(tmp_path):
    from pptx.enum.shapes import MSO_SHAPE_TYPE

    for name in ("one.png", "two.png"):
        Image.new("RGB", (400, 300), (90, 140, 200)).save(tmp_path / name)
    src = tmp_path / "lines.tex"
    src.write_text(LINES)
    r = run_cli("slides", str(src), "-o", str(tmp_path / "out"))
    assert r.exit_code == 0, r.stderr
    assert "raw-tex" not in r.stderr and "\\" not in r.stderr.replace("\\textwidth", "")
    deck = Presentation(str(tmp_path / "out" / "lines.pptx"))
    breaks, pictures = deck.slides[1], deck.slides[2]
    text = "\n".join(_texts(breaks))
    assert "\\" not in text and "$" not in text  # no TeX left: \\ is a line break, $ a $ is math
    assert "of\vLinear Programming." in text and "hypersurface\v" in text
    assert "Thank you" in text
    maths = breaks._element.findall(".//{http://schemas.openxmlformats.org/officeDocument/2006/math}oMath")
    assert len(maths) >= 3  # the arrow and the two spaced formulas
    table = [s for s in breaks.shapes if s.has_table]
    assert table and table[0].table.cell(1, 1).text == "d"  # a table's \\ ends its rows still
    assert len([s for s in pictures.shapes if s.shape_type == MSO_SHAPE_TYPE.PICTURE]) == 2


FORMS = r"""\documentclass{beamer}
\newcommand{\course}{Linear Algebra}
\newcommand{\R}{\mathbb{R}}
\begin{document}
\title[Short]{\course}
\author{A. Lecturer}
\frame{\titlepage}
\begin{frame}{Outline}\tableofcontents[hideallsubsections]\end{frame}
\section{Basics}
\frame{
  \frametitle{Why \course?}
  Vectors live in $\R^n$.
}
\begin{frame}{One line} A whole frame on one line.\end{frame}
\begin{vbframe}{Own frame}
Text of a deck's own frame environment.
\end{vbframe}
\end{document}
"""


def test_frame_commands_own_frames_title_commands_in_the_body_and_text_macros(tmp_path):
    src = tmp_path / "forms.tex"
    src.write_text(FORMS)
    r = run_cli("slides", str(src), "-o", str(tmp_path / "out"))
    assert r.exit_code == 0, r.stderr
    for code in ("raw-tex", "outside-frame", "unclosed-frame"):
        assert code not in r.stderr
    deck = Presentation(str(tmp_path / "out" / "forms.pptx"))
    titles = [_title(s) or " ".join(_texts(s)[:1]) for s in deck.slides]
    assert titles == ["Linear Algebra", "Outline", "Basics", "Why Linear Algebra?", "One line", "Own frame"]
    assert "A. Lecturer" in "\n".join(_texts(deck.slides[0]))
    assert "Basics" in "\n".join(_texts(deck.slides[1]))  # [hideallsubsections]: still the contents
    assert "A whole frame on one line." in "\n".join(_texts(deck.slides[4]))
    assert "own frame environment" in "\n".join(_texts(deck.slides[5]))


def test_a_tikz_picture_with_blank_lines_is_one_box(tmp_path):
    src = tmp_path / "tz.tex"
    src.write_text(
        "\\documentclass{beamer}\n\\begin{document}\n\\begin{frame}{Relations}\n\\begin{itemize}\n"
        "\\item Composition\n\\begin{tikzpicture}\n  \\node[draw] (car) at (0,0) {Car};\n\n"
        "  \\node[draw] (wheel) at (3,0) {Wheel};\n  \\draw[->] (car) -- node[above] {has 4} (wheel);\n"
        "\\end{tikzpicture}\n\\item Aggregation\n\\end{itemize}\n\\end{frame}\n\\end{document}\n"
    )
    r = run_cli("slides", str(src), "-o", str(tmp_path / "out"))
    assert r.exit_code == 0, r.stderr
    assert r.stderr.count("[raw-tex]") == 1  # the picture, once (not a warning a line of its code)
    deck = Presentation(str(tmp_path / "out" / "tz.pptx"))
    text = "\n".join(_texts(deck.slides[0]))
    assert "Composition" in text and "Aggregation" in text
    assert "(car)" not in text and "[TikZ picture, not drawn]" in text  # (a box; its nodes' words under it)


def test_math_inside_a_text_box_inside_math_is_read(tmp_path):
    src = tmp_path / "tc.tex"
    src.write_text(
        "\\documentclass{beamer}\n\\begin{document}\n\\begin{frame}{F}\n"
        "$f(n) = \\begin{cases} 1 & \\text{if $n \\leq 1$} \\\\ n & \\text{otherwise} \\end{cases}$\n"
        "\\end{frame}\n\\end{document}\n"
    )
    r = run_cli("slides", str(src), "-o", str(tmp_path / "out"))
    assert r.exit_code == 0 and "[math]" not in r.stderr and "[raw-tex]" not in r.stderr, r.stderr
    deck = Presentation(str(tmp_path / "out" / "tc.pptx"))
    maths = deck.slides[0]._element.findall(
        ".//{http://schemas.openxmlformats.org/officeDocument/2006/math}oMath"
    )
    assert len(maths) == 1 and "$" not in "\n".join(_texts(deck.slides[0]))


def test_a_bibliography_written_in_the_deck_is_its_references_and_its_citations_their_labels(tmp_path):
    src = tmp_path / "tb.tex"
    src.write_text(
        "\\documentclass{beamer}\n\\begin{document}\n\\begin{frame}{Further reading}\n"
        "See the guide \\cite{Guide} and Tufte \\cite[p.~4]{Tufte2001}, or both \\cite{Guide,Tufte2001}.\n"
        "\\end{frame}\n\\begin{frame}{References}\n\\begin{thebibliography}{9}\n"
        "  \\bibitem{Guide} T. Tantau. \\emph{The beamer class}.\n"
        "  \\bibitem{Tufte2001} E. Tufte. \\emph{The Visual Display of\n    Quantitative Information}, 2001.\n"
        "\\end{thebibliography}\n\\end{frame}\n\\end{document}\n"
    )
    r = run_cli("slides", str(src), "-o", str(tmp_path / "out"))
    assert r.exit_code == 0 and "[citation]" not in r.stderr and "[raw-tex]" not in r.stderr, r.stderr
    deck = Presentation(str(tmp_path / "out" / "tb.pptx"))
    reading, references = ("\n".join(_texts(s)) for s in deck.slides)
    assert "the guide [1] and Tufte [2, p.\u00a04], or both [1, 2]." in reading
    assert "[1] T. Tantau. The beamer class." in references
    assert "[2] E. Tufte. The Visual Display of Quantitative Information, 2001." in references
