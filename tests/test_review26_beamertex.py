"""Review 26 (beamer engineering decks: a Serbian digital-electronics course, a German sensor lecture):
the import package's ``\\subimport``, a deck's own ``\\newif`` switch, a table after ``\\par\\noindent``,
``\\par`` inside a paragraph, ``\\begingroup``/``\\endgroup``.  Built through the command line and read
back with python-pptx."""

from pathlib import Path

from pptx import Presentation
from pptx.enum.text import PP_ALIGN

from tests.conftest import build_tex, deck_titles, paragraph_texts, run_cli, write_md


def _tables(prs) -> list[list[list[str]]]:
    """Each table's cells' texts, row by row, on all slides."""
    return [
        [[cell.text for cell in row.cells] for row in shape.table.rows]
        for slide in prs.slides
        for shape in slide.shapes
        if shape.has_table
    ]


def _deck(folder: Path, files: dict[str, str], *options: str):
    """``podium slides`` on ``main.tex`` written with the ``files`` (name: text) beside it, in folders."""
    for name, text in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        write_md((folder / name).parent, text, Path(name).name)
    result = run_cli("slides", folder / "main.tex", "-o", folder / "out", *options)
    assert result.exit_code == 0, result.stderr
    return Presentation(str(folder / "out" / "main.pptx")), result.stderr


def test_subimport_reads_its_file_and_the_files_it_imports_from_its_folder(tmp_path):
    deck, err = _deck(
        tmp_path,
        {
            "main.tex": r"""
            \documentclass{beamer}
            \usepackage{import}
            \begin{document}
            \subimport{content/}{structure.tex}
            \import{extra/}{more}
            \end{document}
            """,
            "content/structure.tex": "\\part{Einleitung}\n\\subimport{intro/}{intro.tex}\n\\input{notes}\n",
            "content/intro/intro.tex": "\\begin{frame}{Team}\nLecturer: Prof. Gardill\n\\end{frame}\n",
            "content/notes.tex": "\\begin{frame}{Notes}\nNear the structure file\n\\end{frame}\n",
            "extra/more.tex": "\\begin{frame}{More}\nImported by its full folder\n\\end{frame}\n",
        },
    )
    titles = deck_titles(deck)
    assert "Einleitung" in titles
    assert [t for t in titles if t in ("Team", "Notes", "More")] == ["Team", "Notes", "More"]
    words = [p for slide in deck.slides for p in paragraph_texts(slide)]
    assert "Lecturer: Prof. Gardill" in words
    assert "Near the structure file" in words
    assert "outside a frame" not in err


def test_a_missing_subimport_file_is_named_in_a_warning(tmp_path):
    _, err = _deck(
        tmp_path,
        {
            "main.tex": r"""
            \documentclass{beamer}
            \begin{document}
            \begin{frame}{One}
            Text
            \end{frame}
            \subimport{content/}{gone.tex}
            \end{document}
            """
        },
    )
    assert "content/gone.tex" in err
    assert "outside a frame" not in err


def test_a_decks_own_newif_switch_keeps_the_branch_tex_takes(tmp_path):
    deck, err = build_tex(
        tmp_path,
        r"""
\ifdeploy
\begin{frame}{Deploy version}
Only in the deploy build.
\end{frame}
\else
\begin{frame}{Work in progress}
Shown in the normal build.
\end{frame}
\fi
\iflong
\begin{frame}{Long version}
Long.
\end{frame}
\fi
""",
        preamble="\\newif\\ifdeploy\n\\newif\\iflong\n\\deployfalse\n\\longtrue\n",
    )
    assert deck_titles(deck) == ["Work in progress", "Long version"]
    assert "raw TeX '\\else'" not in err and "raw TeX '\\fi'" not in err
    assert "\\ifdeploy switches off" in err


def test_a_switch_set_under_a_condition_podium_cannot_run_follows_its_else_part(tmp_path):
    deck, err = build_tex(
        tmp_path,
        r"""
\ifdeploy
\begin{frame}{Deploy version}
Only in the deploy build.
\end{frame}
\else
\begin{frame}{Work in progress}
Shown in the normal build.
\end{frame}
\fi
""",
        preamble=(
            "\\newif\\ifdeploy\n\\edef\\testb{\\jobname}\n\\ifx\\testa\\testb\n  \\deploytrue\n"
            "\\else\n  \\deployfalse\n\\fi\n"
        ),
    )
    assert deck_titles(deck) == ["Work in progress"]
    assert "\\ifx, which Podium does not run" in err


def test_a_table_after_par_and_noindent_on_its_line_is_read(tmp_path):
    deck, err = build_tex(
        tmp_path,
        r"""
\begin{frame}{Unary operations}
\begingroup\fontsize{8}{9.5}\selectfont
\par\noindent\begin{tabularx}{.8\linewidth}{*{3}{>{\centering\arraybackslash}X}}
\toprule
x&y0&y1\\
\midrule
0&0&1\\
1&0&0\\
\bottomrule
\end{tabularx}\par
\endgroup
\end{frame}
""",
        preamble="\\usepackage{tabularx,booktabs}\n",
    )
    assert _tables(deck) == [[["x", "y0", "y1"], ["0", "0", "1"], ["1", "0", "0"]]]
    assert "raw TeX" not in err


def test_par_inside_a_paragraph_ends_it(tmp_path):
    deck, err = build_tex(
        tmp_path,
        r"""
\begin{frame}{AND gate}
Logical AND gate
\par\smallskip aside\par TWO-INPUT
\end{frame}
""",
    )
    assert paragraph_texts(deck.slides[0])[1:4] == ["Logical AND gate", "aside", "TWO-INPUT"]
    assert "'\\par' and the like" not in err


def test_begingroup_and_endgroup_print_nothing_and_warn_nothing(tmp_path):
    deck, err = build_tex(
        tmp_path,
        r"""
\begin{frame}{Binary operations}
\begingroup\small
\begin{tabular}{ccc}
x & y & z\\
0 & 1 & 1\\
\end{tabular}
\endgroup
\end{frame}
""",
    )
    assert _tables(deck) == [[["x", "y", "z"], ["0", "1", "1"]]]
    assert "raw TeX" not in err


def _alignments(slide) -> dict[str, object]:
    """Each paragraph's words on ``slide`` and its alignment (python-pptx's; None: the placeholder's)."""
    return {
        p.text: p.alignment
        for sh in slide.shapes
        if sh.has_text_frame
        for p in sh.text_frame.paragraphs
        if p.text.strip()
    }


def test_raggedright_after_centering_sets_the_paragraphs_after_it_flush_left(tmp_path):
    deck, _ = build_tex(
        tmp_path,
        r"""
\begin{frame}{Digital system}
\centering
A SYSTEM has defined inputs and outputs

\raggedright
A DIGITAL SYSTEM is a discrete system

\raggedleft
Set flush right
\end{frame}
""",
    )
    aligned = _alignments(deck.slides[0])
    assert aligned["A SYSTEM has defined inputs and outputs"] == PP_ALIGN.CENTER
    assert aligned["A DIGITAL SYSTEM is a discrete system"] in (None, PP_ALIGN.LEFT)
    assert aligned["Set flush right"] == PP_ALIGN.RIGHT


def test_a_centred_tabularx_column_centres_its_cells(tmp_path):
    deck, _ = build_tex(
        tmp_path,
        r"""
\begin{frame}{Truth table}
\begin{tabularx}{.8\linewidth}{>{\raggedright\arraybackslash}X*{2}{>{\centering\arraybackslash}X}}
x & y & z\\
0 & 1 & 1\\
\end{tabularx}
\end{frame}
""",
        preamble="\\usepackage{tabularx}\n",
    )
    table = next(sh.table for sh in deck.slides[0].shapes if sh.has_table)
    assert [[c.text_frame.paragraphs[0].alignment for c in row.cells] for row in table.rows] == [
        [PP_ALIGN.LEFT, PP_ALIGN.CENTER, PP_ALIGN.CENTER]
    ] * 2


def test_a_shared_package_outside_the_folder_is_called_a_package(tmp_path):
    (tmp_path / "shared").mkdir()
    (tmp_path / "shared" / "stil.sty").write_text("\\newcommand{\\slajdid}[1]{}\n", encoding="utf-8")
    (tmp_path / "lec01").mkdir()
    _, err = _deck(
        tmp_path / "lec01",
        {
            "main.tex": r"""
            \documentclass{beamer}
            \usepackage{../shared/stil}
            \begin{document}
            \begin{frame}{One}
            A
            \end{frame}
            \slajdid{01-s002}
            \begin{frame}{Two}
            B
            \end{frame}
            \end{document}
            """
        },
    )
    assert "package file '../shared/stil.sty' is outside" in err
    assert "\\input file" not in err
    assert "raw TeX '\\slajdid{01-s002}' is left out" in err
    assert "handout text of the frame before it" not in err
