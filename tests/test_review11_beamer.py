"""What a reviewer's real beamer deck (an eleventh round) showed: ``\\makecell`` cells emptied, with the
warnings at the ``\\begin{tabular}`` line instead of the cell's, and a false "too full: needs 0.0 in more"
warning on a two-column slide that fits.  Each built as a small deck through the command line and read
back from the PowerPoint deck (python-pptx) and the handout (pdftotext)."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

from pptx import Presentation

from .conftest import build_tex, run_cli, write_md


def _tables(prs) -> list[list[list[str]]]:
    """Every table of the deck: its rows' cell texts (a line break in a cell is python-pptx's ``\\v``)."""
    return [
        [[c.text for c in r.cells] for r in sh.table.rows]
        for slide in prs.slides
        for sh in slide.shapes
        if sh.has_table
    ]


def _handout(tmp_path: Path) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", str(tmp_path / "out" / "deck-handout.pdf"), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout


MAKECELL = (
    "\\begin{frame}{SMT Resource Sharing}\n"
    "\\begin{tabular}{l|l|l}\n"
    "\\textbf{Type} & \\textbf{Frontend} & \\textbf{Memory} \\\\\n"
    "Replicated & Instruction Pointer & \\makecell[l]{Arch.\\ registers\\\\Renaming table} \\\\\n"
    "Partitioned & Instruction TLB & \\makecell[l]{Load buffers\\\\Store buffers} \\\\\n"
    "\\end{tabular}\n"
    "\\end{frame}"
)


def test_makecell_cells_keep_their_lines_in_the_deck_and_the_handout(tmp_path):
    prs, stderr = build_tex(tmp_path, MAKECELL, preamble="\\usepackage{makecell}\n", command="all")
    assert _tables(prs) == [
        [
            ["Type", "Frontend", "Memory"],
            ["Replicated", "Instruction Pointer", "Arch. registers\vRenaming table"],
            ["Partitioned", "Instruction TLB", "Load buffers\vStore buffers"],
        ]
    ]
    assert "raw-tex" not in stderr
    lines = _handout(tmp_path).split("\n")
    at = next(k for k, line in enumerate(lines) if "Instruction TLB" in line)
    assert lines[at].rstrip().endswith("Load buffers") and lines[at + 1].strip() == "Store buffers"


def test_every_way_of_stacking_lines_in_a_cell_keeps_them(tmp_path):
    prs, stderr = build_tex(
        tmp_path,
        "\\begin{frame}{Cells}\n"
        "\\begin{tabular}[t]{l|l|l}\n"
        "\\thead{Type\\\\kind} & Front & Memory \\\\ \\hline\n"
        "Replicated & \\shortstack[l]{Pointer\\\\Counter} & "
        "\\begin{tabular}[c]{@{}l@{}}Nested one\\\\Nested two\\end{tabular} \\\\\n"
        "Partitioned & \\parbox{3cm}{Par one\\\\Par two} & \\Centerstack[l]{Stack one\\\\ Stack two} \\\\\n"
        "Other & \\makecell{one \\\\ two \\\\[2pt] three} & \\makecell*[{{p{2cm}}}]{wide} \\\\\n"
        "\\end{tabular}\n"
        "\\end{frame}",
        preamble="\\usepackage{makecell}\n\\usepackage{stackengine}\n",
    )
    assert _tables(prs) == [
        [
            ["Type\vkind", "Front", "Memory"],
            ["Replicated", "Pointer\vCounter", "Nested one\vNested two"],
            ["Partitioned", "Par one\vPar two", "Stack one\vStack two"],
            ["Other", "one\vtwo\vthree", "wide"],
        ]
    ]
    assert "raw-tex" not in stderr


def test_a_makecell_in_a_paragraph_keeps_its_lines(tmp_path):
    prs, stderr = build_tex(
        tmp_path, "\\begin{frame}{P}\nBefore \\makecell{m1\\\\m2} after\n\\end{frame}", command="slides"
    )
    body = [
        sh.text_frame.text for sh in prs.slides[0].shapes if sh.has_text_frame and "m1" in sh.text_frame.text
    ]
    assert body == ["Before m1\vm2 after"]
    assert "raw-tex" not in stderr


def test_a_raw_tex_warning_about_a_cell_names_the_cells_line(tmp_path):
    src = tmp_path / "deck.tex"
    src.write_text(
        "\\documentclass{beamer}\n\\begin{document}\n"
        "\\begin{frame}{Cells}\n"  # line 3
        "\\begin{tabular}{l|l}\n"
        "\\hline\n"
        "a & \\textbf{Head} \\\\\n"
        "\\hline\n"
        "Replicated & a \\\\\n"  # line 8: the first cell's words are in the row before too
        "a & \\yyy{b} \\\\\n"  # line 9
        "\\makecell{x\\\\y} & \\xxx{c} \\\\ \\hline\n"  # line 10
        " & \\www{d} \\\\ e & \\vvv{q} \\\\\n"  # line 11: two rows
        "\\end{tabular}\n"
        "\\end{frame}\n\\end{document}\n",
        encoding="utf-8",
    )
    stderr = run_cli("slides", src, "-o", tmp_path / "out", "--all-warnings").stderr
    said = {
        mt.group(2): int(mt.group(1))
        for mt in re.finditer(r"deck\.tex:(\d+): warning: raw TeX '\\(\w+)", stderr)
    }
    assert said == {"yyy": 9, "xxx": 10, "www": 11, "vvv": 11}


def test_a_raw_tex_warning_in_a_markdown_tables_cell_names_its_row(tmp_path):
    src = write_md(
        tmp_path,
        """
        ---
        title: T
        ---

        ## S

        | a | b |
        |---|---|
        | x | \\zzz{q} |
        | y | \\yyy{r} |
        """,
    )
    result = run_cli("slides", src, "-o", tmp_path / "out", "--all-warnings")
    assert result.exit_code == 0, result.stderr
    assert "lecture.md:9: warning: raw TeX '\\zzz{q}'" in result.stderr
    assert "lecture.md:10: warning: raw TeX '\\yyy{r}'" in result.stderr


TWO_LISTINGS = r"""\begin{frame}[fragile]{User-level Optimization: PAUSE and Affinity}
\begin{columns}[T]
\column{0.48\textwidth}
\textbf{Use PAUSE in spin-wait loops:}
\begin{lstlisting}[language=C]
void spin_lock(int *lock) {
    while (*lock != 0) {
        __pause();
    }
}
\end{lstlisting}
\begin{itemize}\small
    \item Hints CPU: in spin-wait loop
    \item Saves power, avoids memory order violation penalty
    \item Reduces resource contention with sibling thread
\end{itemize}

\column{0.48\textwidth}
\textbf{Set CPU affinity:}
\begin{lstlisting}[language=C]
// Linux: pin thread to CPU 0
cpu_set_t cpuset;
CPU_ZERO(&cpuset);
CPU_SET(0, &cpuset);
pthread_setaffinity_np(
    thread, sizeof(cpuset),
    &cpuset);
\end{lstlisting}
\begin{itemize}\small
    \item User can control which logical CPUs a thread runs on
    \item Avoid sibling threads for cache-sensitive workloads
    \item Or co-locate cooperating threads on same core
\end{itemize}
\end{columns}
\end{frame}"""


def test_a_slide_over_by_less_than_a_twentieth_of_an_inch_fits_without_a_warning(tmp_path):
    src = tmp_path / "deck.tex"
    src.write_text(
        "\\documentclass[aspectratio=169,12pt]{beamer}\n\\usepackage{listings}\n\\title{T}\n"
        f"\\begin{{document}}\n{TWO_LISTINGS}\n\\end{{document}}\n",
        encoding="utf-8",
    )
    result = run_cli("all", src, "-o", tmp_path / "out", "--strict")
    assert result.exit_code == 0, result.stderr
    assert "overfull" not in result.stderr and "0.0 in" not in result.stderr
    prs = Presentation(str(tmp_path / "out" / "deck.pptx"))
    assert len(prs.slides) == 2  # (the title slide and the one slide: not split)
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice:  # as LibreOffice draws the deck: every word on its page, above the footer, none over another
        from .drawn import problems, render

        deck = tmp_path / "out" / "deck.pptx"
        pdf = render([deck], tmp_path / "drawn", soffice)[deck]
        assert problems(deck, pdf) == []
