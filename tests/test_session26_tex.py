"""Session 26's TeX leftovers: hyperref's ``\\texorpdfstring{TeX}{bookmark}`` prints its first argument (in a
beamer deck, in a Markdown lecture's text and in its front matter), never both or raw braces; and only
``\\today`` (Quarto's lower-case ``today``) is today's date: ``\\date{Today}`` is the word the author wrote."""

from __future__ import annotations

from pptx import Presentation

from .conftest import built_from_text, run_cli

OMML = "{http://schemas.openxmlformats.org/officeDocument/2006/math}oMath"

BEAMER = r"""\documentclass{beamer}
\title{Deck \texorpdfstring{\textbf{Title}}{Title}}
\date{Today}
\begin{document}
\maketitle
\section{Intro \texorpdfstring{$x^2$}{x squared}}
\begin{frame}{Frame \texorpdfstring{\emph{one}}{one}}
Text \texorpdfstring{$\beta$}{beta} here.
\end{frame}
\end{document}
"""


def _texts(slide) -> list[str]:
    return [sh.text_frame.text for sh in slide.shapes if sh.has_text_frame]


def _has_math(slide) -> bool:
    return any(sh.has_text_frame and sh._element.find(".//" + OMML) is not None for sh in slide.shapes)


def test_beamer_texorpdfstring_prints_its_tex(tmp_path):
    src = tmp_path / "deck.tex"
    src.write_text(BEAMER, encoding="utf-8")
    result = run_cli("slides", src, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.stderr
    assert "\\texorpdfstring" not in result.stderr
    slides = list(Presentation(str(tmp_path / "out" / "deck.pptx")).slides)
    title, section, frame = slides[0], slides[1], slides[2]
    assert _texts(title)[:2] == ["Deck Title", "Today"]
    words = " ".join(" ".join(_texts(s)) for s in slides)
    assert "squared" not in words and "beta" not in words and "{" not in words
    assert _texts(section)[0].startswith("Intro") and _has_math(section)
    assert _texts(frame)[0] == "Frame one"
    assert "Text" in _texts(frame)[1] and _has_math(frame)


def test_markdown_texorpdfstring(tmp_path):
    deck, _, stderr = built_from_text(
        tmp_path,
        "---\n"
        'title: "Waves \\\\texorpdfstring{\\\\emph{in}}{in} water"\n'
        "---\n\n"
        "# Intro \\texorpdfstring{$x^2$}{x squared}\n\n"
        "## Slide\n\n"
        "Text \\texorpdfstring{\\textbf{strong}}{strong} end.\n",
        "slides",
    )
    assert "\\texorpdfstring" not in stderr
    slides = list(deck.slides)
    assert _texts(slides[0])[0] == "Waves in water"
    words = " ".join(" ".join(_texts(s)) for s in slides)
    assert "squared" not in words and "{" not in words and "texorpdfstring" not in words
    assert _has_math(slides[1])
    assert "Text strong end." in _texts(slides[2])


def test_quarto_today_keyword_stays(tmp_path):
    deck, _, _ = built_from_text(tmp_path, "---\ntitle: T\ndate: today\n---\n\n## A\n\nx\n", "slides")
    shown = _texts(list(deck.slides)[0])[1]
    assert shown[:2] == "20" and shown != "today"


SUBFIGURES = r"""\documentclass{beamer}
\usepackage{subcaption}
\begin{document}
\begin{frame}{Two pictures}
\begin{figure}
\begin{subfigure}{0.3\textwidth}
\includegraphics[width=\textwidth]{a.png}
\caption{Red square}
\end{subfigure}
\begin{subfigure}{0.3\textwidth}
\includegraphics[width=\textwidth]{b.png}
\caption{Blue square}
\end{subfigure}
\begin{subfigure}{0.3\textwidth}
\includegraphics[width=\textwidth]{a.png}
\subcaption*{Unnumbered}
\end{subfigure}
\begin{subfigure}{0.3\textwidth}
\includegraphics[width=\textwidth]{b.png}
\caption*{Starred}
\end{subfigure}
\caption{Both colours}
\end{figure}
\end{frame}
\end{document}
"""


def test_subfigure_captions_lettered(tmp_path):
    from PIL import Image

    for name, colour in (("a", "red"), ("b", "blue")):
        Image.new("RGB", (40, 30), colour).save(tmp_path / f"{name}.png")
    src = tmp_path / "deck.tex"
    src.write_text(SUBFIGURES, encoding="utf-8")
    result = run_cli("slides", src, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.stderr
    slide = list(Presentation(str(tmp_path / "out" / "deck.pptx")).slides)[0]
    texts = _texts(slide)
    assert "(a) Red square" in texts and "(b) Blue square" in texts, texts
    assert "Unnumbered" in texts and "Starred" in texts and "Both colours" in texts, texts


def test_line_break_inside_a_decks_own_box(tmp_path):
    """A ``\\\\`` inside a line of a box the deck defines (``\\newtcolorbox``) breaks the line there, as in
    a block; never a backslash on the slide."""
    src = tmp_path / "deck.tex"
    src.write_text(
        "\\documentclass{beamer}\n\\usepackage{tcolorbox}\n\\newtcolorbox{plainbox}{colframe=blue}\n"
        "\\begin{document}\n\\begin{frame}{B}\n  \\begin{plainbox}\n  Install an agent:\\\\ Claude Code\n"
        "  \\end{plainbox}\n\\end{frame}\n\\end{document}\n",
        encoding="utf-8",
    )
    result = run_cli("slides", src, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.stderr
    slide = list(Presentation(str(tmp_path / "out" / "deck.pptx")).slides)[0]
    words = " ".join(_texts(slide))
    assert "\\" not in words and "Install an agent:\vClaude Code" in words, repr(words)


def test_a_switch_set_where_tex_skips_it_sets_nothing(tmp_path):
    """A ``\\deploytrue`` under ``\\iffalse``, or in a macro's body never used, sets nothing: TeX shows the
    ``\\else`` part's frame."""
    src = tmp_path / "deck.tex"
    src.write_text(
        "\\documentclass{beamer}\n\\newif\\ifdeploy\n\\iffalse\n\\deploytrue\n\\fi\n"
        "\\newcommand{\\slides}{\\deploytrue}\n\\begin{document}\n\\ifdeploy\n\\begin{frame}{One}\na\n"
        "\\end{frame}\n\\else\n\\begin{frame}{Two}\nb\n\\end{frame}\n\\fi\n\\end{document}\n",
        encoding="utf-8",
    )
    result = run_cli("slides", src, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.stderr
    titles = [
        s.shapes.title.text_frame.text for s in Presentation(str(tmp_path / "out" / "deck.pptx")).slides
    ]
    assert titles == ["Two"], titles
