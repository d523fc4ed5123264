"""What a reviewer's real beamer decks (a thirteenth round, second report) showed the LaTeX reader getting
wrong, each built as a small ``.tex`` deck through the command line and read back from the PowerPoint deck
(python-pptx): frames a preamble macro inputs (``\\newcommand{\\lesson}[1]{\\input{parts/#1}}``), an
``\\input`` inside a frame's text, ``\\item[a)]`` labels, and size and face switches at a table cell's
start."""

from __future__ import annotations

from pathlib import Path

from .conftest import cli_deck, deck_titles
from .conftest import frame_texts as _texts


def _write(folder: Path, files: dict[str, str]) -> Path:
    """Write each of ``files`` (path: text) under ``folder``; return the deck's path (``deck.tex``)."""
    for name, text in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
    return folder / "deck.tex"


def _frame(title: str, words: str) -> str:
    return f"\\begin{{frame}}{{{title}}}\n{words}\n\\end{{frame}}\n"


def test_frames_a_preamble_macro_inputs_are_slides(tmp_path):
    src = _write(
        tmp_path,
        {
            "deck.tex": "\\documentclass{beamer}\n\\newcommand{\\iclass}{beam}\n\\input{fnc/import.tex}\n"
            "\\def\\where{parts}\n\\newcommand{\\lesson}[1]{\\input{\\where/#1.tex}}\n\\title{Course}\n"
            "\\begin{document}\n\\maketitle\n\\import{intro}\n\\lesson{second}\n\\end{document}\n",
            "fnc/import.tex": "\\newcommand{\\import}[1]{\n  \\input{data.\\iclass/#1.tex}\n}\n",
            "data.beam/intro.tex": "\\section{Intro}\n"
            + _frame("Included through a macro", "From data.beam."),
            "parts/second.tex": _frame("Second part", "From parts.\n\\alertx{odd}"),
        },
    )
    prs, stderr = cli_deck(src, tmp_path / "out")
    assert _texts(prs) == [
        ["Course"],
        ["Intro"],
        ["Included through a macro", "From data.beam."],
        ["Second part", "From parts."],
    ]
    assert "missing-file" not in stderr and "outside-frame" not in stderr, stderr
    assert "parts/second.tex:3: warning: raw TeX '\\alertx{odd}'" in stderr  # (at the part's own line)


def test_a_macro_input_that_cannot_be_followed_is_a_warning_at_its_use(tmp_path):
    src = _write(
        tmp_path,
        {
            "deck.tex": "\\documentclass{beamer}\n\\newcommand{\\lesson}[1]{\n  \\input{parts/#1.tex}\n}\n"
            "\\newcommand{\\odd}[1]{\\input{\\unknown/#1}}\n\\title{Course}\n\\begin{document}\n"
            + _frame("Kept", "Words.")
            + "\\lesson{absent}\n\\odd{intro}\n\\end{document}\n",
        },
    )
    prs, stderr = cli_deck(src, tmp_path / "out")
    assert deck_titles(prs) == ["Course", "Kept"]
    lines = stderr.splitlines()
    absent = next(line for line in lines if "parts/absent.tex" in line)
    assert "deck.tex:11: warning: \\input file 'parts/absent.tex' not found" in absent, stderr
    assert "frames" in absent and "\\lesson{absent}" in absent
    odd = next(line for line in lines if "\\unknown" in line)
    assert "deck.tex:12: warning:" in odd and "frames" in odd and "\\odd{intro}" in odd
    assert "deck.tex:3:" not in stderr and "deck.tex:5:" not in stderr, stderr
    assert "outside-frame" not in stderr, stderr


def test_an_input_inside_a_frames_text_is_the_files_text(tmp_path):
    src = _write(
        tmp_path,
        {
            "deck.tex": "\\documentclass{beamer}\n\\title{Course}\n\\begin{document}\n"
            "\\frame{ \\tiny\\input{license.tex} }\n"
            "\\begin{frame}[fragile]{Code}\nWrite \\verb!\\input{nothing}! to read a file.\n\\end{frame}\n"
            "\\frame{\\frametitle{Gone} Before \\input{absent} after.}\n\\end{document}\n",
            "license.tex": "Licensed under CC BY 4.0.\n",
        },
    )
    prs, stderr = cli_deck(src, tmp_path / "out")
    texts = _texts(prs)
    assert texts[1] == ["Licensed under CC BY 4.0."]
    assert "\\input{nothing}" in "".join(texts[2])
    assert texts[3] == ["Gone", "Before after."] or texts[3] == ["Gone", "Before  after."], texts[3]
    assert "deck.tex:8: warning: \\input file 'absent.tex' not found" in stderr, stderr
    assert "raw TeX '\\input" not in stderr, stderr


def test_a_chapter_switch_inputs_the_chosen_chapter_and_another_condition_is_a_warning(tmp_path):
    chapters = {f"ch/ch{k}.tex": _frame(f"Chapter {k}", f"Words of chapter {k}.") for k in range(3)}
    src = _write(
        tmp_path,
        {
            "deck.tex": "\\documentclass{beamer}\n\\newcommand{\\chno}{2}\n"
            "\\newcommand{\\chapter}{\\ifcase\\chno \\input{ch/ch0}\\or \\input{ch/ch1}\\else \\input{ch/ch2}\\fi}\n"
            "\\newcommand{\\maybe}[1]{\\ifdefined\\solutions\\input{ch/#1}\\fi}\n\\title{Course}\n"
            "\\begin{document}\n\\chapter\n\\maybe{ch1}\n\\end{document}\n",
            **chapters,
        },
    )
    prs, stderr = cli_deck(src, tmp_path / "out")
    assert deck_titles(prs) == ["Course", "Chapter 2"]
    said = [line for line in stderr.splitlines() if "warning" in line]
    assert (
        len(said) == 1 and "deck.tex:8: warning: \\maybe{ch1} inputs a file under a TeX condition" in said[0]
    )
    assert "\\ifdefined" in said[0] and "frames" in said[0]


_A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"


def _body_paragraphs(slide) -> list[tuple[str, int, str]]:
    """Each paragraph of ``slide``'s body placeholder: its words, its level and its bullet's kind (``none``,
    ``number``, or ``bullet``: the list style's own or a character)."""
    out = []
    for shape in slide.placeholders:
        if shape.placeholder_format.idx != 1:
            continue
        for p in shape.text_frame.paragraphs:
            pPr = p._p.pPr
            kinds = [etree_name(kid) for kid in (pPr if pPr is not None else ())]
            bullet = "none" if "buNone" in kinds else "number" if "buAutoNum" in kinds else "bullet"
            out.append((p.text, p.level, bullet))
    return out


def etree_name(element) -> str:
    return element.tag.rsplit("}", 1)[-1]


def test_item_labels_show_only_the_label_at_the_lists_level(tmp_path):
    from subprocess import run

    src = _write(
        tmp_path,
        {
            "deck.tex": "\\documentclass{beamer}\n\\title{Course}\n\\begin{document}\n"
            "\\begin{frame}{Exercises}\n\\begin{itemize}\n  \\item[a)] plain words here\n"
            "  \\item[b)] more plain words\n\\end{itemize}\n\\begin{itemize}\n  \\item[(i)] roman\n"
            "  \\item[--] dash\n  \\item[$\\star$] star\n  \\item[Step 1:] first step\n  \\item unlabelled\n"
            "\\end{itemize}\n\\end{frame}\n"
            "\\begin{frame}{Numbers}\n\\begin{enumerate}\n\\item one\n\\item[*] starred\n\\item two\n"
            "\\begin{itemize}\n\\item[x] nested label\n\\item nested plain\n\\end{itemize}\n"
            "\\end{enumerate}\n\\end{frame}\n\\end{document}\n",
        },
    )
    out = tmp_path / "out"
    prs, stderr = cli_deck(src, out, command="all")
    exercises, numbers = (_body_paragraphs(s) for s in list(prs.slides)[1:3])
    assert [(t.replace("\u2013", "-"), lvl, b) for t, lvl, b in exercises] == [
        ("a) plain words here", 0, "none"),
        ("b) more plain words", 0, "none"),
        ("(i) roman", 0, "none"),
        ("- dash", 0, "none"),
        (exercises[4][0], 0, "none"),
        ("Step 1: first step", 0, "none"),
        ("unlabelled", 0, "bullet"),
    ]
    assert exercises[4][0] == " star" and "\u22c6" in "".join(
        list(prs.slides)[1].element.itertext()
    )  # (math)
    assert numbers == [
        ("one", 0, "number"),
        ("* starred", 0, "none"),
        ("two", 0, "number"),
        ("x nested label", 1, "none"),
        ("nested plain", 1, "bullet"),
    ]
    autonum = [e.get("startAt") for e in list(prs.slides)[2].element.iter(f"{_A}buAutoNum")]
    assert autonum == ["1", "2"]  # (a labelled item takes no number, as in LaTeX)
    handout = run(
        ["pdftotext", "-layout", str(out / "deck-handout.pdf"), "-"], capture_output=True, text=True
    ).stdout
    lines = [line.strip() for line in handout.splitlines()]
    assert "a) plain words here" in lines and "Step 1: first step" in lines and "2. two" in lines, handout
    assert not any(line.startswith("•") and ")" in line for line in lines), handout
    assert "error" not in stderr, stderr


def test_switches_at_a_table_cells_start_set_its_words(tmp_path):
    src = _write(
        tmp_path,
        {
            "deck.tex": "\\documentclass{beamer}\n\\title{Course}\n"
            "\\newcommand{\\notebox}[1]{%\n  \\begin{tabular}{@{}l@{\\hspace{0.35cm}}p{0.82\\textwidth}@{}}\n"
            "    \\textcolor{orange}{\\rule{2pt}{0.55cm}} & \\itshape\\small\\color{gray} #1\n  \\end{tabular}%\n}\n"
            "\\begin{document}\n\\begin{frame}{Cells}\n\\begin{tabular}{ll}\nName & Remark \\\\\n"
            "x & \\itshape\\small A cell remark. \\\\\ny & \\bfseries\\footnotesize\\color{red} Bold red words \\\\\n"
            "\\end{tabular}\n\n\\notebox{A note with \\textbf{bold} words.}\n\\end{frame}\n\\end{document}\n",
        },
    )
    prs, stderr = cli_deck(src, tmp_path / "out")
    slide = list(prs.slides)[1]
    table = next(shape.table for shape in slide.shapes if shape.has_table)
    cells = {row.cells[0].text: row.cells[1] for row in table.rows}
    assert cells["x"].text == "A cell remark."
    assert all(r.font.italic for p in cells["x"].text_frame.paragraphs for r in p.runs)
    assert cells["y"].text == "Bold red words"
    assert all(r.font.bold for p in cells["y"].text_frame.paragraphs for r in p.runs)
    assert len(table.rows) == 3  # (the note is no table of its own: a one-cell row beside a rule)
    note = [p for shape in slide.shapes if shape.has_text_frame for p in shape.text_frame.paragraphs]
    note = [p for p in note if "A note with" in p.text]
    assert note and note[0].text == "A note with bold words."
    assert all(r.font.italic for r in note[0].runs)
    assert "raw-tex" not in stderr and "itshape" not in stderr, stderr
