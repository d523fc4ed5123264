"""Review 20 (real Spanish and French beamer decks): a TeX group in running text (``{word}``,
``{\\color{red}{x}}``, the colour macro ``\\newcommand{\\green}[1]{{\\color{…}{#1}}}``) prints its words,
not its braces; tabto's ``\\tabto{…}`` is a space; items that start alike each have their warnings at
their own line; ``\\texttt{<a@b.org>}`` keeps its brackets on the title slide; an inline
``\\uncover<2->{…}`` is warned about at each use, with its overlay specification.  Each built as a small
deck through the command line and read back with python-pptx (and pdftotext for the handout)."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

from pptx import Presentation
from pptx.dml.color import RGBColor

from tests.conftest import run_cli


def _build(tmp_path: Path, preamble: str, body: str, *options: str, command: str = "slides"):
    """The deck of ``preamble`` and ``body`` built by the command line: (deck, result)."""
    src = tmp_path / "deck.tex"
    src.write_text(
        "\\documentclass{beamer}\n" + preamble + "\\begin{document}\n" + body + "\n\\end{document}\n",
        encoding="utf-8",
    )
    result = run_cli(command, src, "-o", tmp_path / "out", *options)
    assert result.exit_code == 0, result.stderr
    return Presentation(str(tmp_path / "out" / "deck.pptx")), result


def _paragraphs(slide) -> list[str]:
    """The words of each paragraph of the slide's text boxes (footer and slide number left out)."""
    return [
        p.text.strip()
        for sh in slide.shapes
        if sh.has_text_frame and not sh.name.startswith(("Footer", "Slide Number"))
        for p in sh.text_frame.paragraphs
        if p.text.strip()
    ]


def _run_colour(slide, words: str) -> RGBColor | None:
    """The colour of the run of ``slide`` whose text is ``words``."""
    for sh in slide.shapes:
        if not sh.has_text_frame:
            continue
        for p in sh.text_frame.paragraphs:
            for r in p.runs:
                if r.text.strip() == words:
                    return r.font.color.rgb if r.font.color and r.font.color.type is not None else None
    raise AssertionError(f"no run {words!r}")


def _handout(tmp_path: Path) -> str:
    return subprocess.run(
        ["pdftotext", str(tmp_path / "out" / "deck-handout.pdf"), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout


GROUPS = (
    "\\begin{frame}{T}\n"
    "A: \\color{red}{rojo} fin.\n\n"
    "B: {\\color{red} rojo} fin.\n\n"
    "C: {\\color{red}{rojo}} fin.\n\n"
    "E: un {grupo} simple.\n\n"
    "F: des emph{arcs} ici.\n"
    "\\end{frame}"
)


def test_group_in_running_text_prints_its_words_without_braces(tmp_path):
    prs, result = _build(tmp_path, "", GROUPS)
    paragraphs = _paragraphs(prs.slides[0])
    assert paragraphs == [
        "T",
        "A: rojo fin.",
        "B: rojo fin.",
        "C: rojo fin.",
        "E: un grupo simple.",
        "F: des empharcs ici.",  # (the missing backslash: TeX prints the letters and the group's words)
    ]
    assert _run_colour(prs.slides[0], "rojo") == RGBColor(0xFF, 0, 0)


GREEN = "\\newcommand{\\green}[1]{{\\color{green!70!black}{#1}}}\n"
COTAS = (
    "\\begin{frame}{Cotas usuales}\n"
    "  \\begin{itemize}\n"
    "    \\item \\green{texto verde} en una frase\n"
    "    \\item directo: {\\color{red}{rojo}} sin macro\n"
    "  \\end{itemize}\n"
    "  Formalmente, \\green{$$f(x)=O(g(x))$$} si existen $k$ reales.\n"
    "\\end{frame}"
)


def test_colour_macro_made_of_a_group_colours_its_words_and_leaves_no_braces(tmp_path):
    prs, _ = _build(tmp_path, GREEN, COTAS, command="all")
    slide = prs.slides[0]
    paragraphs = _paragraphs(slide)
    assert "texto verde en una frase" in paragraphs
    assert "directo: rojo sin macro" in paragraphs
    assert _run_colour(slide, "texto verde") == RGBColor(0, 0xB2, 0)  # green!70!black
    # the display equation inside the macro's argument: display math between the two halves of the text
    assert "Formalmente," in paragraphs and "si existen  reales." in paragraphs
    xml = slide._element.xml  # (display math: Office math, a paragraph of its own)
    assert len(re.findall(r"<m:oMathPara[ >]", xml)) == 1 and "O" in "".join(
        re.findall(r"<m:t>([^<]*)</m:t>", xml)
    )
    text = "\n".join(paragraphs)
    assert "{" not in text and "}" not in text, text
    handout = _handout(tmp_path)
    assert "texto verde en una frase" in handout and "directo: rojo sin macro" in handout
    assert not re.search(r"[{}]", handout.split("Cotas usuales", 1)[1]), handout


def test_groups_in_a_commands_words_print_theirs_but_code_keeps_braces(tmp_path):
    body = (
        "\\begin{frame}{T}\n"
        "\\textbf{a {b} c} y \\emph{{d}} fin.\n\n"
        "El código \\verb|{x}| queda.\n\n"
        "{Sea} $x^{10} +\n y$ fin.\n\n"
        "\\begin{tabular}{@{}ll@{}}\nuno & {dos} \\\\\n\\end{tabular}\n"
        "\\end{frame}"
    )
    prs, result = _build(tmp_path, "", body, "--strict")
    slide = prs.slides[0]
    paragraphs = _paragraphs(slide)
    assert "a b c y d fin." in paragraphs
    assert "El código {x} queda." in paragraphs
    assert "Sea  fin." in paragraphs  # (math over two lines keeps its own braces: x to the power 10)
    assert re.search(r"<m:sup>.*?<m:t>10</m:t>.*?</m:sup>", slide._element.xml, re.S)
    cells = [c.text for sh in slide.shapes if sh.has_table for r in sh.table.rows for c in r.cells]
    assert cells == ["uno", "dos"]


TABTO = (
    "\\begin{frame}{Cotas usuales}\n"
    "  \\begin{itemize}\n"
    "    \\item \\green{orden uno} \\tabto{14ex} constante\n"
    "    \\item \\green{orden ene} \\tabto*{14ex} lineal\n"
    "    \\item cuadrático\\tab{}cuadrado\n"
    "  \\end{itemize}\n"
    "\\end{frame}"
)


def test_tabto_is_a_space_between_the_words(tmp_path):
    prs, result = _build(tmp_path, "\\usepackage{tabto}\\NumTabs{4}\n" + GREEN, TABTO, "--all-warnings")
    assert "warning" not in result.stderr, result.stderr
    paragraphs = _paragraphs(prs.slides[0])
    assert paragraphs[1:] == ["orden uno constante", "orden ene lineal", "cuadrático cuadrado"]


ALIKE = (
    "\\begin{frame}{Cotas usuales}\n"
    "  \\begin{itemize}\n"
    "    \\item \\green{$O(1)$ en el orden} \\miscosa{a} constante\n"
    "    \\item \\green{$O(1)$ en el orden} \\miscosa{b} lineal\n"
    "    \\item \\green{$O(1)$ en el orden} \\miscosa{c} cuadrático\n"
    "  \\end{itemize}\n"
    "\\end{frame}"
)


def test_items_that_start_alike_are_each_warned_about_at_their_line(tmp_path):
    _, result = _build(tmp_path, GREEN, ALIKE, "--all-warnings")
    lines = re.findall(r"deck\.tex:(\d+): warning: raw TeX '\\miscosa", result.stderr)
    assert lines == ["6", "7", "8"], result.stderr


TITLE = (
    "\\title{Programación Funcional}\n"
    "\\author{Leandro Lovisolo \\\\ \\texttt{<leandro@leandro.me>}}\n"
    "\\institute{Lista \\texttt{<pf@dc.uba.ar>}}\n"
)


def test_title_slide_keeps_angle_brackets_of_tex_words(tmp_path):
    body = "\\begin{frame}\n\\titlepage\n\\end{frame}\n\\begin{frame}{Contacto}\nEscribir a \\texttt{<leandro@leandro.me>}.\n\\end{frame}"
    prs, _ = _build(tmp_path, TITLE, body, command="all")
    title = "\n".join(_paragraphs(prs.slides[0]))
    assert "<leandro@leandro.me>" in title and "Lista <pf@dc.uba.ar>" in title, title
    assert "Escribir a <leandro@leandro.me>." in _paragraphs(prs.slides[1])
    cover = _handout(tmp_path).split("Contacto", 1)[0]
    assert "<leandro@leandro.me>" in cover and "Lista <pf@dc.uba.ar>" in cover, cover


UNCOVERS = (
    "\\begin{frame}{Complejidad}\n"
    "  \\begin{itemize}\n"
    "    \\item<1-> Si $T$ es polinomial, entonces $S$... \\uncover<2->{es polinomial.}\n"
    "    \\item<3-> Si $T$ es exponencial, entonces $S$... \\uncover<4->{puede ser exponencial.}\n"
    "    \\item<5-> Si $T$ es lineal, entonces $S$... \\uncover<6->{es lineal.}\n"
    "    \\item<7-> Si $T$ es constante, entonces $S$... \\uncover<8->{es constante.}\n"
    "  \\end{itemize}\n"
    "\\end{frame}"
)


def test_inline_uncover_is_warned_about_at_each_use_with_its_overlay(tmp_path):
    _, result = _build(tmp_path, "", UNCOVERS, "--all-warnings")
    said = re.findall(r"deck\.tex:(\d+): warning: raw TeX '(\\uncover[^']*)' is not rendered", result.stderr)
    assert said == [
        ("5", "\\uncover<2->{…}"),
        ("6", "\\uncover<4->{…}"),
        ("7", "\\uncover<6->{…}"),
        ("8", "\\uncover<8->{…}"),
    ], result.stderr
    _, folded = _build(tmp_path, "", UNCOVERS, "--force")
    assert len(re.findall(r"warning: raw TeX '\\uncover<\d->\{…\}'", folded.stderr)) == 3, folded.stderr
    assert "deck.tex: warning: 1 more of this kind at line 8" in folded.stderr, folded.stderr
