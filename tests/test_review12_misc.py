"""What a reviewer's real decks (a twelfth round) showed going wrong, each built through the command line
and read back as a lecturer's program would (python-pptx for the deck, pdftotext for the PDFs): a
numbered item with no words of its own (``2.`` above a code block), pandoc's backslash-escaped space
(``«\\ classiques\\ »``), a Quarto slide whose only content is a hidden code cell, and code in a
half-width column that wraps."""

from __future__ import annotations

import subprocess

from .conftest import cli_deck, frame_texts, write_md

_A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"


def _pdf_text(path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True).stdout


# ------------------------------------------------------------------ 4. a numbered item with no words


def test_a_numbered_item_with_no_words_keeps_its_number_on_the_slide(tmp_path):
    src = write_md(
        tmp_path,
        """
        ---
        marp: true
        ---

        # Answers

        1. first answer

        2.
        ```python
        x = 1
        ```

        -
        - a bullet
        """,
    )
    prs, _ = cli_deck(src, tmp_path / "out", "all")
    numbered = [
        p
        for slide in prs.slides
        for sh in slide.shapes
        if sh.has_text_frame
        for p in sh.text_frame.paragraphs
        if p._p.find(f"{_A}pPr/{_A}buAutoNum") is not None
    ]
    starts = [p._p.find(f"{_A}pPr/{_A}buAutoNum").get("startAt") for p in numbered]
    assert "2" in starts
    # PowerPoint and LibreOffice draw no number on an empty paragraph: the item carries a no-break space
    assert all(p.text for p in numbered), [p.text for p in numbered]
    assert "2." in _pdf_text(tmp_path / "out" / "lecture-slides.pdf")


# ------------------------------------------------------------------ 8. pandoc's backslash-escaped space


def test_a_backslash_escaped_space_is_a_no_break_space(tmp_path):
    src = write_md(
        tmp_path,
        """
        ---
        title: Les «\\ modèles\\ »
        format: revealjs
        lang: fr
        ---

        ## Des «\\ titres\\ »

        Des modèles «\\ classiques\\ » et 10\\ km, `code\\ x`, un \\\\ seul.

        - un «\\ item\\ »

        | a | b |
        |---|---|
        | «\\ cellule\\ » | x |
        """,
        name="lecture.qmd",
    )
    prs, stderr = cli_deck(src, tmp_path / "out", "all")
    texts = frame_texts(prs)
    assert texts[0][0] == "Les «\u00a0modèles\u00a0»"
    assert texts[1][0] == "Des «\u00a0titres\u00a0»"
    body = "\n".join(texts[1][1:])
    assert "Des modèles «\u00a0classiques\u00a0» et 10\u00a0km, code\\ x, un \\ seul." in body
    assert "un «\u00a0item\u00a0»" in body
    cells = [c.text for sh in prs.slides[1].shapes if sh.has_table for r in sh.table.rows for c in r.cells]
    assert "«\u00a0cellule\u00a0»" in cells
    handout = _pdf_text(tmp_path / "out" / "lecture-handout.pdf")
    assert "classiques" in handout and "«\\" not in handout and "10\\" not in handout


# ------------------------------------------------------------------ 9. a slide of only a hidden code cell


def test_a_slide_of_only_a_hidden_code_cell_is_kept_empty(tmp_path):
    src = write_md(
        tmp_path,
        """
        ---
        title: Hidden cells
        format: revealjs
        ---

        ## First

        Text.

        ## {transition="none"}

        ```{r}
        readRDS("plot_pib.RDS")
        ```

        ## Plot two

        ```{r}
        #| echo: false
        plot(x)
        ```

        ## Last

        More text.
        """,
        name="lecture.qmd",
    )
    prs, stderr = cli_deck(src, tmp_path / "out", "all")
    texts = frame_texts(prs)
    assert len(prs.slides) == 5, texts
    assert texts[1][0] == "First" and texts[3] == ["Plot two"] and texts[4][0] == "Last"
    assert texts[2] == []  # Quarto's slide, where the cell's plot is: kept, untitled and empty
    assert "lecture.qmd:12: warning: this hidden code cell" in stderr
    handout = _pdf_text(tmp_path / "out" / "lecture-handout.pdf")
    assert "SLIDE 3" in handout and "SLIDE 5: LAST" in handout


# ------------------------------------------------------------------ 10. code in a block in a half-width column

_COLUMNS = r"""\documentclass{beamer}
\usepackage{listings}
\title{Wrap}
\begin{document}
\begin{frame}[fragile]
\frametitle{Min and max}
\begin{columns}[c]
\begin{column}{.5\textwidth}
\begin{block}{Min function}
\begin{lstlisting}
LEFT
min (const T &a, const T &b)
\end{lstlisting}
\end{block}
\end{column}
\begin{column}{.5\textwidth}
\begin{block}{Max function}
\begin{lstlisting}
template <typename T> inline const T&
max (const T &a, const T &b)
\end{lstlisting}
\end{block}
\end{column}
\end{columns}
\end{frame}
\end{document}
"""


def _code_sizes(prs) -> list[float]:
    return [
        r.font.size.pt
        for slide in prs.slides
        for sh in slide.shapes
        if sh.has_text_frame and "template <typename T" in sh.text_frame.text
        for p in sh.text_frame.paragraphs
        for r in p.runs
        if r.font.size is not None
    ]


def test_code_in_a_block_in_a_half_width_column_is_whole_in_the_deck_and_the_drawings(tmp_path):
    src = tmp_path / "deck.tex"
    src.write_text(_COLUMNS.replace("LEFT", "template <typename T> inline const T&"), encoding="utf-8")
    prs, stderr = cli_deck(src, tmp_path / "out", "all")
    # measured in the column, inside the block as the drawings draw it: set smaller, so no line wraps
    assert max(_code_sizes(prs)) < 17.5
    assert "warning" not in stderr
    lines = _pdf_text(tmp_path / "out" / "deck-slides.pdf").splitlines()
    assert sum(line.count("template <typename T> inline const T&") for line in lines) == 2, lines
    assert not any(line.strip() == "T&" or line.strip() == "T&   T&" for line in lines)


def test_code_too_wide_for_a_half_width_column_at_the_floor_is_said_to_wrap_once(tmp_path):
    src = tmp_path / "deck.tex"
    wide = "template <typename T, typename U> const T& lo"  # (45: fits the column, not inside the block)
    src.write_text(_COLUMNS.replace("LEFT", wide), encoding="utf-8")
    prs, stderr = cli_deck(src, tmp_path / "out", "all")
    assert min(_code_sizes(prs)) == 14.0  # (the code floor)
    said = [line for line in stderr.splitlines() if "code line 1 of this listing (45 characters)" in line]
    assert len(said) == 1 and "wraps" in said[0], stderr
    assert "(37 characters)" not in stderr  # (the other column's listing fits at the floor)
