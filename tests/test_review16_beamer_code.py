"""What a reviewer's beamer decks (a sixteenth round: Haskell, C++ and economics lectures) showed the LaTeX
reader losing, each built as a small ``.tex`` deck through the command line and read back from the
PowerPoint deck (python-pptx): a frame of only a TikZ picture, a listing that starts after words, a
listing's TeX escapes, a macro's argument over a line break, listings read from files, spacer columns."""

from __future__ import annotations

from .conftest import build_tex as _build
from .conftest import click_paragraphs
from .conftest import frame_texts as _texts


def test_an_untitled_frame_of_a_tikz_picture_is_a_slide_with_a_box(tmp_path):
    prs, stderr = _build(
        tmp_path,
        "\\begin{frame}{Before}\nText.\n\\end{frame}\n\\begin{frame}\n\\begin{tikzpicture}\n"
        "  \\draw (0,0) rectangle (2,1);\n  \\node at (1,0.5) {Pool};\n\\end{tikzpicture}\n\\end{frame}\n"
        "\\begin{frame}{After}\nText.\n\\end{frame}",
        preamble="\\usepackage{tikz}\n",
    )
    texts = _texts(prs)
    assert len(texts) == 3 and texts[2][0] == "After"  # one slide a frame, as in beamer's PDF
    assert "[TikZ picture, not drawn]" in texts[1] and "Pool" in texts[1]
    assert "deck.tex:8: warning: a TikZ picture is not drawn" in stderr


def test_a_listing_after_words_on_its_line_is_code_on_the_next_click(tmp_path):
    prs, stderr = _build(
        tmp_path,
        "\\begin{frame}[fragile]{Inline start}\n\\begin{itemize}\n\\item How? \\pause \\begin{lstlisting}\n"
        "case () of _ | c1 -> ...\n\\end{lstlisting}\n\\end{itemize}\n\\end{frame}",
    )
    assert "case () of _ | c1 -> ..." in "\n".join(_texts(prs)[0])
    assert any("case () of" in p for click in click_paragraphs(prs.slides[0]) for p in click)
    assert "raw-tex" not in stderr


def test_a_listings_escapes_are_read_and_a_pause_there_is_a_click(tmp_path):
    prs, stderr = _build(
        tmp_path,
        "\\begin{frame}[fragile]{Escape}\n\\begin{lstlisting}\nPrelude> x !\\pause!\n1.22e-16\n"
        "\\end{lstlisting}\n\\begin{lstlisting}[escapeinside={(*@}{@*)}]\nf x = (*@\\textbf{x}@*) + 1\n"
        "\\end{lstlisting}\n\\end{frame}",
        preamble="\\usepackage{listings}\n\\lstset{escapeinside=!!}\n",
    )
    text = "\n".join(_texts(prs)[0])
    assert "Prelude> x" in text and "1.22e-16" in text and "f x = x + 1" in text
    assert "!" not in text and "\\pause" not in text and "(*@" not in text
    clicks = click_paragraphs(prs.slides[0])
    assert ["1.22e-16"] in clicks


def test_a_macros_argument_over_a_line_break_keeps_its_words(tmp_path):
    prs, stderr = _build(
        tmp_path,
        "\\begin{frame}{Macro}\nOne line: \\red{kept words}.\n\nTwo lines: ale \\red{nie\n  przenosić}, "
        "zakładając że.\n\\end{frame}",
        preamble="\\newcommand{\\red}[1]{\\textcolor{red}{#1}}\n",
    )
    text = "\n".join(_texts(prs)[0])
    assert "Two lines: ale nie przenosić, zakładając że." in text
    runs = [
        r
        for sh in prs.slides[0].shapes
        if sh.has_text_frame
        for p in sh.text_frame.paragraphs
        for r in p.runs
    ]
    assert any("przenosić" in r.text and r.font.color.rgb is not None for r in runs)
    assert "raw-tex" not in stderr


def test_a_listing_read_from_a_file_is_its_code(tmp_path):
    (tmp_path / "move.cc").write_text("// head\nint main()\n{\n  return 0;\n}\n", encoding="utf-8")
    (tmp_path / "demo.py").write_text("import os\nprint(os.sep)\n", encoding="utf-8")
    prs, stderr = _build(
        tmp_path,
        "\\begin{frame}[fragile]{Alone}\n\\lstinputlisting[firstline=2,lastline=3]{move.cc}\n\\end{frame}\n"
        "\\begin{frame}[fragile]{Grouped}\nNa przykład:\n\n{\\tiny\\lstinputlisting{move.cc}}\n\nAfter.\n"
        "\\end{frame}\n\\begin{frame}[fragile]{Minted}\n\\inputminted{python}{demo.py}\n\\end{frame}\n"
        "\\begin{frame}{Lost}\n\\lstinputlisting{gone.cc}\n\\end{frame}",
    )
    texts = _texts(prs)
    assert "int main()\n{" in texts[0][1] and "head" not in texts[0][1] and "return" not in texts[0][1]
    grouped = "\n".join(texts[1])
    assert "Na przykład:" in grouped and "return 0;" in grouped and "After." in grouped
    assert "print(os.sep)" in "\n".join(texts[2])
    assert "deck.tex:17: warning: listing file 'gone.cc' not found" in stderr and "[missing-file]" in stderr
    assert "raw TeX '\\lstinputlisting" not in stderr


def test_empty_spacer_columns_are_not_counted_as_columns(tmp_path):
    column = (
        "\\begin{{column}}{{0.31\\textwidth}}\n\\begin{{block}}{{{0}}}Words.\\end{{block}}\n\\end{{column}}\n"
    )
    spacer = "\\begin{column}{0.035\\textwidth}\\end{column}\n"
    prs, stderr = _build(
        tmp_path,
        "\\begin{frame}{Boxes}\n\\begin{columns}[t]\n"
        + column.format("A")
        + spacer
        + column.format("B")
        + spacer
        + column.format("C")
        + "\\end{columns}\n\\end{frame}",
    )
    assert "many-columns" not in stderr
    assert {"A", "B", "C"} <= {t.split("\n")[0] for t in _texts(prs)[0]}
