"""Review 25 (a Czech physics deck with its own package, a Spanish course deck): definitions inside a
macro's body, a closing title page frame and an empty ``\\part``, an ``\\input`` of a TeX system file
in a package, subcaption's sub-figures, ``\\underline{ }`` in ``\\texttt``, and LaTeX's spacing commands.
Built through the command line and read back with python-pptx (the deck) and pdftotext (the PDFs)."""

import subprocess
from pathlib import Path

from pptx import Presentation

from tests.conftest import run_cli, write_md


def _build(folder: Path, tex: str, **files: str):
    """``podium all`` on ``deck.tex`` (and the files ``files`` beside it, ``name_sty`` as ``name.sty``):
    the deck, its handout's text, the messages."""
    for name, text in files.items():
        write_md(folder, text, name.replace("_", "."))
    src = write_md(folder, tex, "deck.tex")
    out = folder / "out"
    result = run_cli("all", src, "-o", out)
    assert result.exit_code == 0, result.stderr
    handout = subprocess.run(
        ["pdftotext", str(out / "deck-handout.pdf"), "-"], capture_output=True, text=True, check=True
    ).stdout
    return Presentation(str(out / "deck.pptx")), handout, result.stderr


def _math_of(shape) -> str:
    """The text of the Office math in a shape's paragraphs."""
    m = "{http://schemas.openxmlformats.org/officeDocument/2006/math}"
    return "".join(t.text or "" for t in shape._element.iter(f"{m}t"))


def _texts(slide) -> list[str]:
    return [sh.text_frame.text for sh in slide.shapes if sh.has_text_frame and sh.text_frame.text.strip()]


_GREEK_PACKAGE = r"""
\ProvidesPackage{mysugar}
\newcommand\sw@pgreek[1]{%
  \def\alpha{#1\boldalpha}
  \renewcommand\Delta{#1\boldDelta}
}
\NewDocumentCommand\upgreek{}{\def\beta{\upbeta}}
\newcommand\vect[1]{\bgroup\sw@pgreek\relax#1\egroup}
"""


def test_a_def_inside_a_macro_body_does_not_redefine_the_deck(tmp_path):
    deck, handout, err = _build(
        tmp_path,
        r"""
        \documentclass{beamer}
        \usepackage{mysugar}
        \makeatletter
        \newcommand\my@gamma{\def\gamma{\boldgamma}}
        \makeatother
        \begin{document}
        \begin{frame}{Alpha}
          The parameter $\alpha$ and $E = \alpha \Delta T + \beta\gamma$.
        \end{frame}
        \end{document}
        """,
        mysugar_sty=_GREEK_PACKAGE,
    )
    body = next(sh for sh in deck.slides[0].shapes if sh.has_text_frame and "parameter" in sh.text_frame.text)
    assert _math_of(body) == "αE=αΔT+βγ"
    assert "bold" not in body.text_frame.text and "\\" not in body.text_frame.text
    assert "[math]" not in err and "bold" not in err
    assert "bold" not in handout


def test_a_closing_title_page_frame_is_a_slide_and_an_empty_part_lists_nothing(tmp_path):
    deck, handout, err = _build(
        tmp_path,
        r"""
        \documentclass{beamer}
        \title{Thermocouple}
        \subtitle{Calibration}
        \author{A. Student}
        \begin{document}
        \frame{\titlepage}
        \begin{frame}{Contents}
          \tableofcontents
        \end{frame}
        \section{Results}
        \begin{frame}{Results}
          Some results.
        \end{frame}
        \part{}
        \begin{frame}[plain]
          \titlepage
        \end{frame}
        \begin{frame}{Questions}
          Any questions?
        \end{frame}
        \end{document}
        """,
    )
    slides = [_texts(s) for s in deck.slides]
    contents = next(t for t in slides if t[0] == "Contents")
    assert [line for line in contents[1].split("\n") if line.strip()] == ["Results"]
    again = slides.index(next(t for t in slides if t[0] == "Questions")) - 1
    assert slides[again][0] == "Thermocouple"
    assert slides[again][1].split("\n") == ["Calibration", "A. Student"]
    assert again > slides.index(next(t for t in slides if t[0] == "Results" and "Some results." in t))
    assert handout.count("A. Student") >= 2


def test_maketitle_outside_a_frame_at_the_end_repeats_the_title_page_and_a_part_is_no_section(tmp_path):
    deck, _, err = _build(
        tmp_path,
        r"""
        \documentclass{beamer}
        \title{Waves}
        \author{B. Teacher}
        \begin{document}
        \maketitle
        \begin{frame}{Contents}
          \tableofcontents
        \end{frame}
        \section{One}
        \begin{frame}{First}
          a
        \end{frame}
        \part{Second half}
        \section{Two}
        \begin{frame}{Second}
          b
        \end{frame}
        \maketitle
        \end{document}
        """,
    )
    slides = [_texts(s) for s in deck.slides]
    contents = next(t for t in slides if t[0] == "Contents")
    assert [line for line in contents[1].split("\n") if line.strip()] == ["One", "Two"]
    assert ["Second half"] == [t[0] for t in slides if "Second half" in " ".join(t)]
    assert slides[-1][:2] == ["Waves", "B. Teacher"]
    assert "warning" not in err
    assert len(slides) == 8


def test_an_input_of_a_system_file_under_iffileexists_in_a_package_is_no_missing_file(tmp_path):
    deck, _, err = _build(
        tmp_path,
        r"""
        \documentclass{beamer}
        \usepackage{sugar}
        \begin{document}
        \begin{frame}{One}
          Text $2\pi$.
        \end{frame}
        \IfFileExists{extra.tex}{\input{extra}}{\input{fallback}}
        \IfFileExists{fallback.tex}{\input{fallback}}{\input{nowhere}}
        \input{later.part}
        \end{document}
        """,
        sugar_sty=r"""
        \ProvidesPackage{sugar}
        \IfFileExists{lgrenc.def}{      % part of babel
        \input{lgrenc.def}
        \DeclareMathAlphabet{\grk}{LGR}{cmr}{m}{n}
        \renewcommand\pi{\grk{p}}
        }%
        {\PackageWarning{sugar}{lgrenc.def not found}}
        \input{t2aenc.def}
        """,
        fallback_tex="\\begin{frame}{Fallback}\n  Read.\n\\end{frame}\n",
    )
    assert [_texts(s)[0] for s in deck.slides] == ["One", "Fallback", "Fallback"]
    assert (
        _math_of(
            next(sh for sh in deck.slides[0].shapes if sh.has_text_frame and "Text" in sh.text_frame.text)
        )
        == "2π"
    )
    assert "lgrenc" not in err and "extra" not in err and "nowhere" not in err
    assert "warning: \\input file 't2aenc.def" not in err
    assert "note: \\input file 't2aenc.def' is a TeX system file" in err
    assert "deck.tex:9: warning: \\input file 'later.part' not found" in err


def test_every_sub_figure_keeps_its_caption_and_the_figure_keeps_its_own(tmp_path):
    from PIL import Image

    for name in ("front", "back", "side"):
        Image.new("RGB", (200, 150), "#884422").save(tmp_path / f"{name}.png")
    deck, handout, err = _build(
        tmp_path,
        r"""
        \documentclass{beamer}
        \usepackage{subcaption}
        \begin{document}
        \begin{frame}{Two views}
          \begin{figure}
            \begin{subfigure}{0.48\textwidth}
              \includegraphics[width=\linewidth]{front.png}
              \caption{Front side}\label{fig:front}
            \end{subfigure}
            \hfill
            \begin{subfigure}[t]{0.48\textwidth}
              \includegraphics[width=\linewidth]{back.png}
              \caption{Back side}
            \end{subfigure}
            \caption{The assembled thermocouple}
          \end{figure}
        \end{frame}
        \begin{frame}{Boxes}
          \begin{figure}
            \subcaptionbox{Left view}[0.45\textwidth]{\includegraphics{side.png}}
            \subcaptionbox{Right view}{\includegraphics{back.png}}
            \caption{Both sides}
          \end{figure}
        \end{frame}
        \end{document}
        """,
    )
    words = [_texts(s) for s in deck.slides]
    assert {"(a) Front side", "(b) Back side", "The assembled thermocouple"} <= set(words[0])
    assert {"(a) Left view", "(b) Right view", "Both sides"} <= set(words[1])
    assert sum(1 for sh in deck.slides[0].shapes if sh.shape_type == 13) == 2
    for said in (
        "Front side",
        "Back side",
        "The assembled thermocouple",
        "Left view",
        "Right view",
        "Both sides",
    ):
        assert said in handout, said
    assert "unknown-environment" not in err and "raw-tex" not in err


def test_sub_tables_and_a_drawn_sub_figure_keep_every_caption(tmp_path):
    deck, handout, err = _build(
        tmp_path,
        r"""
        \documentclass{beamer}
        \usepackage{subcaption}
        \begin{document}
        \begin{frame}{Tables}
          \begin{table}
            \begin{subtable}{0.45\textwidth}
              \begin{tabular}{ll}
                a & b \\
                1 & 2 \\
              \end{tabular}
              \caption{First table}
            \end{subtable}
            \begin{subtable}{0.45\textwidth}
              \begin{tabular}{ll}
                c & d \\
                3 & 4 \\
              \end{tabular}
              \caption{Second table}
            \end{subtable}
            \caption{Two tables}
          \end{table}
        \end{frame}
        \begin{frame}{Drawn}
          \begin{figure}
            \begin{subfigure}{0.4\textwidth}
              \begin{tikzpicture}\draw (0,0) -- (1,1);\end{tikzpicture}
              \caption{A line}
            \end{subfigure}
            \begin{subfigure}{0.4\textwidth}
              \begin{tikzpicture}\draw (0,0) circle (1);\end{tikzpicture}
              \caption{A circle}
            \end{subfigure}
            \caption{Two drawings}
          \end{figure}
        \end{frame}
        \end{document}
        """,
    )
    words = " ".join(t for s in deck.slides for t in _texts(s))
    for said in ("First table", "Second table", "Two tables", "A line", "A circle", "Two drawings"):
        assert said in words, said
        assert said in handout, said
    assert sum(1 for s in deck.slides for sh in s.shapes if sh.has_table) == 2
    assert "unknown-environment" not in err


def _runs_of(deck, words: str) -> list:
    """The runs of the paragraph of ``deck`` whose text holds ``words``."""
    return next(
        list(p.runs)
        for s in deck.slides
        for sh in s.shapes
        if sh.has_text_frame
        for p in sh.text_frame.paragraphs
        if words in p.text
    )


def test_an_underlined_space_in_typewriter_text_is_an_underscore(tmp_path):
    deck, handout, err = _build(
        tmp_path,
        r"""
        \documentclass{beamer}
        \begin{document}
        \begin{frame}{Contact}
          \begin{itemize}
            \item \textbf{email} \texttt{jesus\underline{ }escribano@mat.ucm.es}
            \item user \texttt{jesus\_escribano}, key \texttt{a\underline{x}b}
          \end{itemize}
        \end{frame}
        \end{document}
        """,
    )
    runs = _runs_of(deck, "email")
    assert "".join(r.text for r in runs) == "email jesus_escribano@mat.ucm.es"
    assert runs[-1].text == "jesus_escribano@mat.ucm.es" and "Mono" in (runs[-1].font.name or "")
    assert "jesus_escribano@mat.ucm.es" in handout
    runs = _runs_of(deck, "key")
    assert "user jesus_escribano, key axb" == "".join(r.text for r in runs)
    underlined = [r for r in runs if r.font.underline]
    assert [r.text for r in underlined] == ["x"] and "Mono" in (underlined[0].font.name or "")
    assert "raw-tex" not in err


def test_latex_spacing_commands_are_spaces_in_text_and_math(tmp_path):
    deck, handout, err = _build(
        tmp_path,
        r"""
        \documentclass{beamer}
        \begin{document}
        \begin{frame}{Spaces}
          See [1]\medspace BARTO\v{N}, Fyzika.
          A\thickspace B\negthinspace C\negmedspace D\negthickspace E\enspace F\quad G\hspace*{1cm}H\hspace{2mm}I.

          Math $a\medspace b\thickspace c\negmedspace d \hspace*{1em} e$.
        \end{frame}
        \end{document}
        """,
    )
    texts = " ".join(t for s in deck.slides for t in _texts(s))
    assert "See [1]\u2005BARTOŇ, Fyzika." in texts
    assert "A\u2004BCDE\u2002" in texts and "G H I." in texts
    body = next(
        sh for s in deck.slides for sh in s.shapes if sh.has_text_frame and "Math" in sh.text_frame.text
    )
    assert _math_of(body).replace("\u2005", "").replace("\u2004", "") == "abcde"
    assert "1em" not in _math_of(body) and "*" not in _math_of(body)
    assert "raw-tex" not in err and "[math]" not in err
    assert "BARTOŇ" in handout and "1em" not in handout
