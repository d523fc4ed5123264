"""What a reviewer's real R Markdown and beamer decks (a twelfth round) showed: ``\\note {…}`` with a space
before its brace put on the slide, rows ended with ``\\tabularnewline`` run into one, ``\\tikzstyle{x} = […]``
leaving ``= […]`` on the slide, ``\\the\\year`` printed as TeX, and a ``\\lstset{…}`` over several lines
between frames warned about as text outside a frame.  Each built as a small lecture through the command
line and read back from the PowerPoint deck (python-pptx)."""

from __future__ import annotations

from .conftest import build_tex, cli_deck, frame_texts, paragraph_texts, write_md


def _notes(prs) -> list[str]:
    return [s.notes_slide.notes_text_frame.text.strip() if s.has_notes_slide else "" for s in prs.slides]


def test_rmarkdown_note_with_a_space_or_a_line_break_before_its_brace_is_a_note(tmp_path):
    src = write_md(
        tmp_path,
        """
        ---
        title: Notes
        ---

        ## Censoring

        Visible text on the slide.

        \\note {

        Speaker note words only.

        }

        ## Second

        Visible second.

        \\note
        {Second note words.}
        """,
        "lecture.Rmd",
    )
    prs, stderr = cli_deck(src, tmp_path / "out")
    slides = list(prs.slides)[1:]
    assert paragraph_texts(slides[0])[:2] == ["Censoring", "Visible text on the slide."]
    assert not any(t in ("{", "}") or "Speaker" in t for t in paragraph_texts(slides[0]))
    assert _notes(prs)[1:] == ["Speaker note words only.", "Second note words."]
    assert "raw-tex" not in stderr


def test_beamer_note_with_spaces_before_its_arguments_is_a_note(tmp_path):
    prs, stderr = build_tex(
        tmp_path,
        "\\begin{frame}{One}\nVisible one.\n\\note\n{Note one words.}\n\\end{frame}\n"
        "\\begin{frame}{Two}\nVisible two. \\note {Note two inline.}\n\\end{frame}\n"
        "\\begin{frame}{Three}\nVisible three.\n\\note [item] {Note three item.}\n\\end{frame}",
    )
    assert [paragraph_texts(s)[1] for s in prs.slides] == ["Visible one.", "Visible two.", "Visible three."]
    assert _notes(prs) == ["Note one words.", "Note two inline.", "• Note three item."]
    assert "raw-tex" not in stderr


def _tables(prs) -> list[list[list[str]]]:
    return [
        [[c.text for c in r.cells] for r in sh.table.rows]
        for slide in prs.slides
        for sh in slide.shapes
        if sh.has_table
    ]


LIFE_TABLE = [["Age", "Deaths", "Surviving"], ["0–6", "0.36", "1.00"], ["7–16", "0.24", "0.64"]]


def test_rmarkdown_longtable_rows_ended_with_tabularnewline_are_rows(tmp_path):
    src = write_md(
        tmp_path,
        """
        ---
        title: Table
        ---

        ## Life table

        \\begin{longtable}[]{@{}lrr@{}}
            \\toprule
            Age & Deaths & Surviving\\tabularnewline
            \\midrule
            \\endhead
            0--6   & 0.36 & 1.00 \\tabularnewline
            7--16  & 0.24 & 0.64 \\tabularnewline
            \\bottomrule
        \\end{longtable}
        """,
        "lecture.Rmd",
    )
    prs, stderr = cli_deck(src, tmp_path / "out")
    assert _tables(prs) == [LIFE_TABLE]
    assert "tabularnewline" not in stderr


def test_beamer_tabular_rows_ended_with_tabularnewline_are_rows(tmp_path):
    prs, stderr = build_tex(
        tmp_path,
        "\\begin{frame}{Life table}\n\\begin{tabular}{lrr}\n"
        "Age & Deaths & Surviving\\tabularnewline\\hline\n"
        "0--6 & 0.36 & 1.00\\tabularnewline[2pt]\n"
        "7--16 & 0.24 & 0.64\n\\end{tabular}\n\\end{frame}",
    )
    assert _tables(prs) == [LIFE_TABLE]
    assert "tabularnewline" not in stderr


def test_tikz_styles_in_a_frame_print_nothing(tmp_path):
    prs, stderr = build_tex(
        tmp_path,
        "\\begin{frame}{Ford-Fulkerson}\n"
        "    \\tikzstyle{edge} = [draw,thick,-]\n"
        "    \\tikzstyle{every node}+=[draw,line width=3pt,-,dodgerblue!50]\n"
        "    \\tikzset{\n      node/.style={circle, draw},\n      every edge/.style={thick}\n    }\n"
        "    Text of the frame.\n\\end{frame}",
        preamble="\\usepackage{tikz}\n",
    )
    assert frame_texts(prs) == [["Ford-Fulkerson", "Text of the frame."]]
    assert "warning" not in stderr


def test_rmarkdown_tikzstyle_prints_nothing(tmp_path):
    src = write_md(
        tmp_path,
        """
        ---
        title: Flows
        ---

        ## Ford-Fulkerson

        \\tikzstyle{edge} = [draw,thick,-]
        Text of the slide.
        """,
        "lecture.Rmd",
    )
    prs, stderr = cli_deck(src, tmp_path / "out")
    assert frame_texts(prs)[1] == ["Ford-Fulkerson", "Text of the slide."]
    assert "warning" not in stderr


def test_setup_over_several_lines_between_frames_is_no_text_outside_a_frame(tmp_path):
    prs, stderr = build_tex(
        tmp_path,
        "\\lstset{language=C}\n"
        "\\lstset{\n  basicstyle=\\ttfamily,\n  keywordstyle=\\color{blue}\\bfseries,\n}\n"
        "\\definecolor{codegreen}{rgb}{%\n  0,0.6,0}\n"
        "\\begin{frame}[fragile]{Code}\n\\begin{lstlisting}\nint main() { return 0; }\n\\end{lstlisting}\n"
        "\\end{frame}\n"
        "\\setbeamertemplate{footline}{%\n  \\insertframenumber\n}\n"
        "\\tikzset{\n  every node/.style={draw}\n}\n"
        "\\begin{frame}{Two}\nSecond frame.\n\\end{frame}",
        preamble="\\usepackage{listings}\n",
        command="all",
    )
    assert frame_texts(prs) == [["Code", "int main() { return 0; }"], ["Two", "Second frame."]]
    assert "outside-frame" not in stderr and "warning" not in stderr


def test_the_year_month_and_day_print_the_builds_date(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")  # 14 November 2023
    prs, stderr = build_tex(
        tmp_path,
        "\\begin{frame}\n\\titlepage\n\\end{frame}\n"
        "\\begin{frame}[fragile]{Dates}\nBuilt in \\the\\year, month \\the\\month, day \\number\\day.\n"
        "\\begin{verbatim}\n\\the\\year\n\\end{verbatim}\n\\end{frame}",
        preamble="\\newcommand{\\yr}{\\the\\year}\n\\title{Seminar}\n\\subtitle{FAKT \\the\\year}\n"
        "\\date{\\the\\day.\\the\\month.\\yr}\n",
    )
    texts = frame_texts(prs)
    assert "FAKT 2023" in texts[0][1] and "14.11.2023" in texts[0][1]
    assert texts[1] == ["Dates", "Built in 2023, month 11, day 14.", "\\the\\year"]
    assert "raw-tex" not in stderr


def test_rmarkdown_the_year_prints_the_builds_year(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    src = write_md(
        tmp_path,
        """
        ---
        title: Seminar
        subtitle: FAKT \\the\\year
        output: beamer_presentation
        ---

        ## Dates

        Built in \\the\\year.
        """,
        "lecture.Rmd",
    )
    prs, stderr = cli_deck(src, tmp_path / "out")
    assert frame_texts(prs)[0][1] == "FAKT 2023"
    assert frame_texts(prs)[1] == ["Dates", "Built in 2023."]
    assert "raw-tex" not in stderr
