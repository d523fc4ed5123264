"""Review 26b (beamer decks in Spanish and Portuguese: a Pascal course, a security talk): tabu tables, URLs
broken over lines with ``%``, textcomp's arrows, "(a)" at a paragraph's start, ``\\setbeamertemplate``
with its argument on the next line, ``\\scalebox`` in display math.  Built through the command line and
read back with python-pptx."""

import re

from pptx.enum.text import PP_ALIGN

from tests.conftest import build_tex, paragraph_texts


def _tables(prs) -> list[list[list[str]]]:
    """Each table's cells' texts, row by row, on all slides."""
    return [
        [[cell.text for cell in row.cells] for row in shape.table.rows]
        for slide in prs.slides
        for shape in slide.shapes
        if shape.has_table
    ]


def test_a_tabu_table_is_drawn_as_a_table(tmp_path):
    deck, err = build_tex(
        tmp_path,
        r"""
\begin{frame}{Vulnerabilidades}
Em 2017 foram:
\begin{tabu}{lX}
  \hline
  Código & Descrição \\
  \hline
  A1:2017 & Injeção de código \\
  \hline
\end{tabu}
\end{frame}
""",
        preamble="\\usepackage{tabu}\n",
    )
    assert _tables(deck) == [[["Código", "Descrição"], ["A1:2017", "Injeção de código"]]]
    assert "raw-tex" not in err


def test_a_tabu_width_its_x_options_and_row_fonts_are_read(tmp_path):
    deck, err = build_tex(
        tmp_path,
        r"""
\begin{frame}{A}
\begin{tabu} to \textwidth {X[2,l] X[c] r}
  \rowfont[c]{\bfseries} Name & Mid & R \\
  \tabucline[1pt]{-}
  aa & bb & cc \\
\end{tabu}
\end{frame}
\begin{frame}{B}
\begin{longtabu} spread 0pt {|X[-1]|l|}
  \taburulecolor{red} x & y \\
  z & w \\
\end{longtabu}
\end{frame}
""",
        preamble="\\usepackage{tabu}\n",
    )
    assert _tables(deck) == [[["Name", "Mid", "R"], ["aa", "bb", "cc"]], [["x", "y"], ["z", "w"]]]
    table = next(sh.table for sh in deck.slides[0].shapes if sh.has_table)
    aligned = [c.text_frame.paragraphs[0].alignment for c in table.rows[1].cells]
    assert aligned == [PP_ALIGN.LEFT, PP_ALIGN.CENTER, PP_ALIGN.RIGHT]
    assert "raw-tex" not in err


def _links(prs) -> list[tuple[str, str]]:
    """Each linked run's text and address, on all slides."""
    return [
        (run.text, run.hyperlink.address)
        for slide in prs.slides
        for shape in slide.shapes
        if shape.has_text_frame
        for para in shape.text_frame.paragraphs
        for run in para.runs
        if run.hyperlink.address
    ]


def test_an_address_broken_over_lines_with_a_comment_is_joined(tmp_path):
    deck, _ = build_tex(
        tmp_path,
        r"""
\begin{frame}{URLs}
Safety\footnote{
  Veja \url{http://www.example.org/rapporter/%
                 notat\%20safety.pdf}
}
\begin{itemize}
  \item Gizmodo: \url{https://gizmodo.com/5498412/%
             sql-injection-license-plate}
  \item \href{https://example.org/a/%
      b\#top}{the page}
\end{itemize}
\end{frame}
""",
        preamble="\\usepackage{hyperref}\n",
    )
    assert sorted(_links(deck)) == [
        (
            "http://www.example.org/rapporter/notat%20safety.pdf",
            "http://www.example.org/rapporter/notat%20safety.pdf",
        ),
        (
            "https://gizmodo.com/5498412/sql-injection-license-plate",
            "https://gizmodo.com/5498412/sql-injection-license-plate",
        ),
        ("the page", "https://example.org/a/b#top"),
    ]
    assert "Gizmodo: https://gizmodo.com/5498412/sql-injection-license-plate" in paragraph_texts(
        deck.slides[0]
    )


def test_textcomp_arrows_print_their_arrows(tmp_path):
    deck, err = build_tex(
        tmp_path,
        r"""
\begin{frame}{César}
\begin{tabular}{c|c}
  \texttt{A} \textrightarrow \texttt{C} & \texttt{B} \textrightarrow \texttt{D}
\end{tabular}

Texto: A \textrightarrow{} C, \textleftarrow, \textuparrow\ e \textdownarrow.
\end{frame}
""",
    )
    assert _tables(deck) == [[["A → C", "B → D"]]]
    assert "Texto: A → C, ←, ↑ e ↓." in paragraph_texts(deck.slides[0])
    assert "raw-tex" not in err


def test_a_paragraph_starting_with_a_letter_in_parentheses_stays_a_paragraph(tmp_path):
    deck, _ = build_tex(
        tmp_path,
        r"""
\begin{frame}{Otros}
{\tiny
(cc) 2024 Universidad Rey Juan Carlos.\\
See the licence.
}

(a) no es una lista en LaTeX.

iv. tampoco.

B) ni esto.
\end{frame}
""",
    )
    texts = paragraph_texts(deck.slides[0])
    assert "(cc) 2024 Universidad Rey Juan Carlos.\vSee the licence." in texts
    assert {"(a) no es una lista en LaTeX.", "iv. tampoco.", "B) ni esto."} <= set(texts)


def test_a_template_whose_argument_is_on_the_next_line_is_no_text_outside_a_frame(tmp_path):
    deck, err = build_tex(
        tmp_path,
        r"""
\setbeamertemplate{frametitle}
{
  \nointerlineskip
  \begin{beamercolorbox}[sep=0.3cm,ht=1.8em,wd=\paperwidth]{frametitle}
  \strut\insertframetitle\strut
  \end{beamercolorbox}
}
\setbeamercolor{normal text}
  {fg=black}
\begin{frame}{Uno}
Hola.
\end{frame}
""",
    )
    assert "outside-frame" not in err
    assert "Hola." in paragraph_texts(deck.slides[0])


def test_scaled_math_in_display_math_is_drawn_as_its_math(tmp_path):
    deck, err = build_tex(
        tmp_path,
        r"""
\begin{frame}{Funciones}
\[\Scale[4]{f(x, y) = z}\]
\[\scalebox{2}{$suma(x, y) = x + y$}\]
\[\resizebox{!}{1cm}{$a + b$}\]
\end{frame}
""",
        preamble="\\newcommand*{\\Scale}[2][4]{\\scalebox{#1}{$#2$}}\n",
    )
    xml = deck.slides[0]._element.xml
    assert xml.count("<m:oMath>") >= 3
    assert not re.search(r"<a:t>[^<]*(?:scalebox|resizebox)", xml)  # (no code box of its source)
    assert "[math]" not in err
