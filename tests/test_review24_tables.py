"""What a reviewer's economics decks (beamer, round 24) showed the table reader getting wrong, each built
through the command line and read back as a lecturer's program would (python-pptx for the deck,
``pdftotext`` for the handout): an escaped dollar inside math (``$\\$2$``) taken for the math's end,
which swallowed a row's ``&`` and the spaces of running text, and the columns a ``tabular``'s spec
declares but no row fills drawn as empty columns."""

from __future__ import annotations

import subprocess
from pathlib import Path

from pptx import Presentation

from .conftest import build_tex, run_cli, write_md

_NS = {
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "m": "http://schemas.openxmlformats.org/officeDocument/2006/math",
    "mc": "http://schemas.openxmlformats.org/markup-compatibility/2006",
}


def _shown(element) -> str:
    """The words ``element`` shows in PowerPoint: its text runs and its Office math (not the fallback
    text written for programs without Office math)."""
    from lxml import etree

    found = etree.XPath(".//a:t[not(ancestor::mc:Fallback)] | .//m:t", namespaces=_NS)(element)
    return "".join(t.text or "" for t in found)


def _tables(prs) -> list[list[list[str]]]:
    """Every table of the deck as rows of the words each cell shows."""
    return [
        [[_shown(cell._tc).strip() for cell in row.cells] for row in shape.table.rows]
        for slide in prs.slides
        for shape in slide.shapes
        if shape.has_table
    ]


def _paragraphs(prs) -> list[str]:
    """The words each text paragraph of the deck shows, its math included."""
    return [
        _shown(p._p).strip()
        for slide in prs.slides
        for shape in slide.shapes
        if shape.has_text_frame and not shape.name.startswith(("Footer", "Slide Number"))
        for p in shape.text_frame.paragraphs
        if _shown(p._p).strip()
    ]


def _handout(out: Path, stem: str) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", str(out / f"{stem}-handout.pdf"), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout


def test_an_escaped_dollar_in_a_cells_math_keeps_the_rows_cells(tmp_path):
    prs, stderr = build_tex(
        tmp_path,
        "\\begin{frame}{Prices}\n\\begin{tabular}{lccc}\n"
        "Year & $P_a$ & $P_b$ & Q \\\\\n\\hline\n"
        "2013 & \\$2 & \\$2 & 1 \\\\\n"
        "2014 & $\\$2$ & $\\$2$ & 0.5 \\\\\n"
        "2015 & $\\$3 + \\$1$ & \\$4 & 2 \\\\\n"
        "\\end{tabular}\n\\end{frame}",
        preamble="\\title{Dollar in math}\n",
        command="all",
    )
    assert _tables(prs) == [
        [
            ["Year", "Pa", "Pb", "Q"],
            ["2013", "$2", "$2", "1"],
            ["2014", "$2", "$2", "0.5"],
            ["2015", "$3+$1", "$4", "2"],
        ]
    ]
    handout = _handout(tmp_path / "out", "deck")
    assert "&" not in handout
    assert "warning" not in stderr


def test_an_escaped_dollar_in_math_keeps_the_spaces_of_running_text(tmp_path):
    prs, _ = build_tex(
        tmp_path,
        "\\begin{frame}{Running}\nA price of $\\$2$ and then $x+1$ here, and \\$3 too.\n\n"
        "Also $a \\$ b$ and $c$.\n\\end{frame}",
    )
    assert _paragraphs(prs) == ["Running", "A price of $2 and then x+1 here, and $3 too.", "Also a$b and c."]


def test_an_escaped_dollar_in_a_markdown_titles_math(tmp_path):
    src = write_md(tmp_path, "---\ntitle: 'Costs of $\\$2$ and $x$'\n---\n\n# Prices\n\nWords.\n")
    result = run_cli("slides", src, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.stderr
    prs = Presentation(str(tmp_path / "out" / "lecture.pptx"))
    assert prs.slides[0].shapes.title.text == "Costs of $2 and x"


def test_columns_no_row_fills_are_not_drawn(tmp_path):
    prs, stderr = build_tex(
        tmp_path,
        "\\begin{frame}{Chain-weighted GDP}\n\\begin{tabular}{lccccc}\n"
        "Year & GDP \\\\\n\\hline\n2010 & 100 \\\\\n2011 & 64 \\\\\n\\end{tabular}\n\\end{frame}\n"
        "\\begin{frame}{Quantities}\n\\begin{tabular}{lccccccccc}\n"
        "Year & $Q_a$ & $P_a$ & $Q_b$ & $P_b$ & Nominal & Real \\\\\n\\hline\\hline\n"
        "2010 & 1 & \\$1 & 1 & \\$1 & \\$2 & \\$2 \\\\\n"
        "2011 & 2 & \\$1 & 1 & \\$2 & \\$4 & \\$3 \\\\\n\\end{tabular}\n\\end{frame}",
        preamble="\\title{Measurement}\n",
        command="all",
    )
    tables = _tables(prs)
    assert tables[0] == [["Year", "GDP"], ["2010", "100"], ["2011", "64"]]
    assert [len(row) for row in tables[1]] == [7, 7, 7]
    assert tables[1][0][-1] == "Real" and tables[1][2][-1] == "$3"
    assert "warning" not in stderr


def test_a_column_some_row_fills_is_kept(tmp_path):
    prs, _ = build_tex(
        tmp_path,
        "\\begin{frame}{Spans}\n\\begin{tabular}{lccccc}\n"
        "\\multicolumn{3}{c}{Prices and quantities} \\\\\n"
        "Year & P & \\\\\n2010 & 1 & & \\\\\n2011 & & & 7 \\\\\n\\end{tabular}\n\\end{frame}\n"
        "\\begin{frame}{Notes}\n\\begin{tabular}{lcp{3cm}}\nYear & GDP \\\\\n2010 & 100 \\\\\n"
        "\\end{tabular}\n\\end{frame}",
        preamble="\\title{Kept}\n",
    )
    tables = _tables(prs)
    # the fourth column, which one row fills; the fifth and sixth, which none fills, not drawn
    assert [len(row) for row in tables[0]] == [4, 4, 4, 4]
    assert tables[0][0][0] == "Prices and quantities" and tables[0][3] == ["2011", "", "", "7"]
    # an empty p{3cm} column has its width in LaTeX too: kept
    assert [len(row) for row in tables[1]] == [3, 3]
