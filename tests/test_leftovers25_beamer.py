"""Leftovers of review 25 in beamer decks: metropolis's standout frames with a note or a list, unknown
commands in the title fields, overlays side by side on one line, algorithm2e's own keywords, a ruled
empty column of a tabular and a row with more cells than its columns.  Built through the command line
and read back with python-pptx (the deck) and pdftotext (the handout)."""

import subprocess
from pathlib import Path

from PIL import Image

from tests.conftest import build_tex, built_all, click_paragraphs, frame_texts


def _picture_clicks(slide) -> list[int]:
    """How many shapes each click of the slide's main sequence brings in."""
    p = "{http://schemas.openxmlformats.org/presentationml/2006/main}"
    out = []
    for main in slide._element.iter(f"{p}cTn"):
        if main.get("nodeType") == "mainSeq":
            out = [
                len({t.get("spid") for t in click.iter(f"{p}spTgt")}) for click in main.find(f"{p}childTnLst")
            ]
    return out


def test_overlays_side_by_side_on_their_own_line_come_on_their_clicks(tmp_path: Path):
    # `\only<1>{a}\only<2>{b}\only<3>{c}` on a line of its own showed only "c" (the first was taken as a line of
    # its own, the other two as alternatives in a sentence); pictures so showed both at once, no click
    for name in ("a.png", "b.png"):
        Image.new("RGB", (40, 30), "red" if name == "a.png" else "blue").save(tmp_path / name)
    deck, err = build_tex(
        tmp_path,
        r"""
\begin{frame}{Three}
  \only<1>{one}\only<2>{two}\only<3>{three}
\end{frame}
\begin{frame}{Pictures}
  \only<1>{\includegraphics[width=3cm]{a.png}}\only<2>{\includegraphics[width=3cm]{b.png}}
\end{frame}
\begin{frame}{Apart}
  \only<1>{\includegraphics[width=3cm]{a.png}}
  \only<2>{\includegraphics[width=3cm]{b.png}}
\end{frame}
""",
    )
    texts = frame_texts(deck)
    assert texts[0][1].split("\n") == ["one", "two", "three"], texts[0]
    assert click_paragraphs(deck.slides[0]) == [["two"], ["three"]]
    assert "overlay-alt" not in err and "raw TeX" not in err, err
    # the pictures on one line as on lines of their own: the second on a click
    assert _picture_clicks(deck.slides[1]) == _picture_clicks(deck.slides[2]) == [1]


def test_uncover_alternatives_in_a_sentence_show_the_last_step_with_a_warning(tmp_path: Path):
    # `Answer: \uncover<1>{gamma}\uncover<2>{delta}` showed "gammadelta" (both at once) with two raw-TeX warnings
    deck, err = build_tex(
        tmp_path,
        r"""
\begin{frame}{Uncover}
  Answer: \uncover<1>{gamma}\uncover<2>{delta}
\end{frame}
\begin{frame}{Visible}
  Answer: \visible<1>{gamma} \visible<2>{delta} now.
\end{frame}
""",
    )
    texts = frame_texts(deck)
    assert texts[0][1] == "Answer: delta", texts
    assert texts[1][1] == "Answer: delta now.", texts
    assert (
        "deck.tex:5: warning: \\uncover<1> and \\uncover<2> are alternatives; a slide cannot swap its words, so it "
        'shows "delta"' in err
    ), err
    assert "deck.tex:8: warning: \\visible<1> and \\visible<2> are alternatives" in err, err
    assert "raw TeX" not in err, err


def _tables(slide) -> list[list[list[str]]]:
    return [[[c.text for c in row.cells] for row in sh.table.rows] for sh in slide.shapes if sh.has_table]


def test_an_empty_column_ruled_on_both_sides_is_kept(tmp_path: Path):
    # `{|l|c|c|}` with its last column empty in every row lost that column (and its ruled box)
    deck, err = build_tex(
        tmp_path,
        r"""
\begin{frame}{Ruled}
  \begin{tabular}{|l|c|c|}
    \hline
    Name & Mark & \\
    Ann & 3 & \\
    \hline
  \end{tabular}
\end{frame}
\begin{frame}{Unruled}
  \begin{tabular}{lcc}
    Name & Mark \\
    Ann & 3 \\
  \end{tabular}
\end{frame}
""",
    )
    assert _tables(deck.slides[0]) == [[["Name", "Mark", ""], ["Ann", "3", ""]]]
    assert _tables(deck.slides[1]) == [[["Name", "Mark"], ["Ann", "3"]]]  # (unruled and unused: left out)
    assert "warning" not in err, err


def test_a_row_with_more_cells_than_columns_warns_and_keeps_them(tmp_path: Path):
    # `{lc}` with a row of three cells: no warning (LaTeX stops with "Extra alignment tab")
    deck, err = build_tex(
        tmp_path,
        r"""
\begin{frame}{Extra}
  \begin{tabular}{lc}
    a & b & c \\
    d & e \\
    \multicolumn{2}{c}{both} & f \\
  \end{tabular}
\end{frame}
""",
    )
    assert _tables(deck.slides[0]) == [[["a", "b", "c"], ["d", "e", ""], ["both", "", "f"]]]
    said = [line for line in err.splitlines() if "[table-cells]" in line]
    assert len(said) == 2, err
    assert "deck.tex:6: warning: this row of the tabular has 3 cells but its columns {lc} are 2" in said[0]
    assert "Extra alignment tab" in said[0]
    assert "deck.tex:8: warning:" in said[1], said


def test_ampersands_of_inner_math_and_columns_of_other_types_are_no_extra_cells(tmp_path: Path):
    # an align* or a bmatrix (from a macro) inside a p{} cell, a \newcolumntype's Y and dcolumn's D{.}{.}{2}
    # were counted wrong, so good tables got "Extra alignment tab" warnings LaTeX never gives
    deck, err = build_tex(
        tmp_path,
        r"""
\begin{frame}{Displays in a one-column table}
\begin{tabular}{p{8cm}}
The system \\
\begin{align*}
x &= Ax + Bu, \\
y &= Cx.
\end{align*} \\
wlog: \( \Sigma\sim \bigl(\begin{bmatrix}I&0\\0&0\end{bmatrix}, D\bigr) \) \\
\end{tabular}
\end{frame}
\begin{frame}{Other column types}
\begin{tabular}{@{}lY@{}}
Group & Content \\
Parsing & Splits the command line into tokens. \\
\end{tabular}

\begin{tabular}{D{.}{.}{2}l}
1.23 & first \\
4.5 & second \\
\end{tabular}
\end{frame}
""",
    )
    assert "[table-cells]" not in err, err
    tables = _tables(deck.slides[1])
    assert [len(t[0]) for t in tables] == [2, 2], tables
    assert tables[0][1] == ["Parsing", "Splits the command line into tokens."]


def test_algorithm2e_keywords_defined_in_the_preamble_and_the_frame_print_as_keywords(tmp_path: Path):
    # `\SetKw{Continue}{continue}` in the preamble: `\Continue` in the algorithm was left out with a raw-TeX
    # warning; `\SetKwInOut{Input}{input}` showed "{Input}{input}"
    deck, err = build_tex(
        tmp_path,
        r"""
\begin{frame}{Scan}
  \SetKw{Break}{break}
  \begin{algorithm}[H]
    \SetKwInOut{Input}{input}
    \Input{a list}
    \Proc{\Fn{list}}{
      \ForEach{item}{
        \If{item is empty}{\Continue}
        \If{item is last}{\Break}
        \Fn{item}\;
      }
    }
    \caption{Scan}
  \end{algorithm}
\end{frame}
""",
        preamble="\\usepackage[ruled]{algorithm2e}\n\\SetKw{Continue}{continue}\n"
        "\\SetKwFunction{Fn}{Search}\n\\SetKwProg{Proc}{Procedure}{ is}{end}\n",
    )
    body = next(sh for sh in deck.slides[0].shapes if sh.has_text_frame and "Algorithm" in sh.text_frame.text)
    lines = [" ".join(line.split()) for line in body.text_frame.text.replace("\v", "\n").split("\n")]
    assert lines[:4] == ["Algorithm: Scan", "input: a list", "Procedure Search(list) is", "foreach item do"]
    assert "continue" in lines and "break" in lines and "Search(item)" in lines, lines
    bold = {r.text.strip() for p in body.text_frame.paragraphs for r in p.runs if r.font.bold}
    assert {"continue", "break", "Procedure", "is", "input:"} <= bold, bold
    assert "raw TeX" not in err and "{Input}" not in body.text_frame.text, err


def test_unknown_commands_in_the_title_fields_show_their_words_with_a_warning(tmp_path: Path):
    # `\date{\foo{x}}` showed "\foo{x}" raw on the title slide and the handout's cover, without a warning
    src = tmp_path / "deck.tex"
    src.write_text(
        "\\documentclass{beamer}\n"
        "\\title{Waves}\n"
        "\\author{Ann \\and Bo \\inst{1}}\n"
        "\\institute{\\inst{1} {\\bfseries Uni} \\usebeamerfont{title}}\n"
        "\\date{\\foo{Spring} term \\zap}\n"
        "\\begin{document}\n\\frame{\\titlepage}\n\\begin{frame}{A}\n  Text.\n\\end{frame}\n\\end{document}\n",
        encoding="utf-8",
    )
    deck, handout, err = built_all(src)
    shown = "\n".join(sh.text_frame.text for sh in deck.slides[0].shapes if sh.has_text_frame)
    assert "Spring term" in shown and "Ann, Bo" in shown and "Uni" in shown, shown
    assert "\\" not in shown, shown
    cover = handout.split("\f")[0]
    assert "Spring term" in cover and "\\" not in cover, cover
    assert "deck.tex:5: warning: raw TeX '\\foo' in \\date is not known: its argument's words are kept" in err
    assert "deck.tex:5: warning: raw TeX '\\zap' in \\date is not known: it is left out" in err
    # (what only sets the look, and what the title slide knows, says nothing)
    assert "bfseries" not in err and "usebeamerfont" not in err and "'\\inst'" not in err, err


def test_a_standout_frame_with_a_note_or_a_list_is_a_standout_slide_without_footer(tmp_path: Path):
    # a standout frame holding a \note or an itemize stayed an ordinary (blank) slide, and every standout
    # slide showed the footer and the slide number, which metropolis draws on none
    src = tmp_path / "deck.tex"
    src.write_text(
        "\\documentclass{beamer}\n\\usetheme{metropolis}\n\\title{Waves}\n\\begin{document}\n"
        "\\begin{frame}{Conclusions}\n  Text.\n\\end{frame}\n"
        "\\begin{frame}[standout]\n  Thank you!\n\\end{frame}\n"
        "\\begin{frame}[standout]\n  Questions?\n  \\note{Say thanks to the\n    audience.}\n\\end{frame}\n"
        "\\begin{frame}[standout]\n  \\begin{itemize}\n    \\item One\n    \\item Two\n  \\end{itemize}\n"
        "\\end{frame}\n\\end{document}\n",
        encoding="utf-8",
    )
    deck, handout, err = built_all(src)
    plain, thanks, noted, listed = list(deck.slides)[1:5]
    assert plain.slide_layout.name == "Title and Content"
    assert any(sh.name.startswith("Footer") for sh in plain.shapes)  # (an ordinary slide keeps its footer)
    for slide in (thanks, noted, listed):
        assert slide.slide_layout.name == "Section Header"
        assert not [sh.name for sh in slide.shapes if sh.name.startswith(("Footer", "Slide Number"))]
    assert noted.shapes.title.text == "Questions?"
    assert " ".join(noted.notes_slide.notes_text_frame.text.split()) == "Say thanks to the audience."
    assert "Say thanks" not in " ".join(sh.text_frame.text for sh in noted.shapes if sh.has_text_frame)
    assert [p.text for sh in listed.shapes if sh.has_text_frame for p in sh.text_frame.paragraphs] == [
        "One",
        "Two",
    ]
    instructor = subprocess.run(
        ["pdftotext", str(tmp_path / "out" / "deck-instructor.pdf"), "-"], capture_output=True, text=True
    ).stdout
    assert "Say thanks" in instructor and "One" in handout and "Two" in handout
    assert "warning" not in err, err
