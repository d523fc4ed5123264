"""What a reviewer's real R Markdown and beamer decks (a twelfth round) showed: ``\\note {…}`` with a space
before its brace put on the slide, rows ended with ``\\tabularnewline`` run into one, ``\\tikzstyle{x} = […]``
leaving ``= […]`` on the slide, ``\\the\\year`` printed as TeX, and a ``\\lstset{…}`` over several lines
between frames warned about as text outside a frame.  Each built as a small lecture through the command
line and read back from the PowerPoint deck (python-pptx)."""

from __future__ import annotations

from .conftest import build_tex, cli_deck, paragraph_texts, write_md


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
