"""Review 22 (a Taiwanese programming-camp beamer deck; a Spanish linguistics deck): a frame switched
off with ``\\iffalse … \\fi`` is no slide; ``\\secname``, ``\\insertsection`` and ``\\insertsectionhead``
print the current section's name (in a frame title, in a ``beamercolorbox``); font-switch groups in a row
(``{\\dejavuSans A}{\\dejavuSerif B}``, the faces made with ``\\newfontfamily``) print their words without
braces; ``\\tableofcontents`` leaves a starred ``\\section*`` out; tipa's ``\\textipa{…}`` prints the
Unicode IPA its shorthand stands for.  Each built as a small deck through the command line and read back
with python-pptx (and pdftotext for the handout)."""

from __future__ import annotations

import subprocess
from pathlib import Path

from pptx import Presentation

from tests.conftest import run_cli, write_md


def _build(tmp_path: Path, preamble: str, body: str, command: str = "slides"):
    """The deck of ``preamble`` and ``body`` built by the command line: (deck, messages)."""
    src = tmp_path / "deck.tex"
    src.write_text(
        "\\documentclass{beamer}\n" + preamble + "\\begin{document}\n" + body + "\n\\end{document}\n",
        encoding="utf-8",
    )
    result = run_cli(command, src, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.stderr
    return Presentation(str(tmp_path / "out" / "deck.pptx")), result.stderr


def _texts(slide) -> list[str]:
    """The words of each paragraph of the slide's text boxes (footer and slide number left out)."""
    return [
        p.text.strip()
        for sh in slide.shapes
        if sh.has_text_frame and not sh.name.startswith(("Footer", "Slide Number"))
        for p in sh.text_frame.paragraphs
        if p.text.strip()
    ]


def _title(slide) -> str:
    return slide.shapes.title.text_frame.text if slide.shapes.title is not None else ""


def _handout(tmp_path: Path, name: str = "deck") -> str:
    return subprocess.run(
        ["pdftotext", str(tmp_path / "out" / f"{name}-handout.pdf"), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout


# --- \iffalse … \fi ---------------------------------------------------------------------------------


def test_a_frame_inside_iffalse_is_no_slide(tmp_path):
    prs, err = _build(
        tmp_path,
        "",
        "\\begin{frame}{Shown}\nVisible frame.\n\\end{frame}\n"
        "\\iffalse\n\\begin{frame}{Hidden}\nThis frame is switched off.\n\\end{frame}\n\\fi\n"
        "\\begin{frame}{Also shown}\nSecond visible frame.\n\\end{frame}\n"
        "\\begin{frame}[fragile]{Code}\n\\begin{verbatim}\n\\iffalse\n\\end{verbatim}\n\\end{frame}",
        command="all",
    )
    assert [_title(s) for s in prs.slides] == ["Shown", "Also shown", "Code"]
    assert any("\\iffalse" in t for t in _texts(prs.slides[2]))  # (in verbatim: code, not TeX's)
    assert "Hidden" not in _handout(tmp_path) and "switched off" not in _handout(tmp_path)
    assert "raw TeX '\\iffalse'" not in err and "raw TeX '\\fi'" not in err
    assert "deck.tex:6: note: what \\iffalse switches off" in err  # (said once, where it starts)


def test_iffalse_counts_nested_conditionals_and_keeps_its_else_part(tmp_path):
    prs, err = _build(
        tmp_path,
        "\\newif\\ifsolutions\n",
        "\\begin{frame}{One}\nFirst.\n\\end{frame}\n"
        "\\iffalse\n\\begin{frame}{Draft}\n\\ifsolutions Answer.\\fi\n\\end{frame}\n"
        "\\else\n\\begin{frame}{Final}\nKept words.\n\\end{frame}\n\\fi",
    )
    assert [_title(s) for s in prs.slides] == ["One", "Final"]
    assert "Kept words." in _texts(prs.slides[1])
    assert "Traceback" not in err


def test_iftrue_keeps_its_text_and_leaves_its_else_part_out(tmp_path):
    prs, _ = _build(
        tmp_path,
        "",
        "\\begin{frame}{One}\n\\iftrue Shown words. \\else Never shown. \\fi Tail.\n\\end{frame}",
    )
    assert _texts(prs.slides[0])[1:] == ["Shown words. Tail."]


# --- \secname, \insertsection, \insertsectionhead -------------------------------------------------


def test_section_names_in_frame_titles(tmp_path):
    prs, err = _build(
        tmp_path,
        "\\newcommand{\\ebtitle}{{\\secname}}\n\\newcommand{\\btitle}[1]{{\\secname} -- #1}\n",
        "\\section[Trees]{Segment trees}\n"
        "\\begin{frame}{\\ebtitle}\nA.\n\\end{frame}\n"
        "\\begin{frame}{\\btitle{Insertion}}\nB.\n\\end{frame}\n"
        "\\begin{frame}{\\insertsection}\nC.\n\\end{frame}\n"
        "\\subsection{Lazy tags}\n"
        "\\begin{frame}{\\insertsubsectionhead}\nD.\n\\end{frame}\n"
        "\\section{Graphs}\n"
        "\\begin{frame}\\frametitle{\\secname}\nE.\n\\end{frame}",
    )
    titles = [_title(s) for s in prs.slides]
    assert titles == ["Segment trees", "Segment trees", "Segment trees – Insertion", "Trees", "Lazy tags"] + [
        "Graphs",
        "Graphs",
    ]
    assert "\\secname" not in err and "\\insertsection" not in err


def test_insertsectionhead_in_a_beamercolorbox_after_a_starred_section(tmp_path):
    prs, err = _build(
        tmp_path,
        "",
        "\\section{Numbered}\n\\begin{frame}{A}\na\n\\end{frame}\n"
        "\\section*{Closing words}\n"
        "\\begin{frame}\n\\centering\n\\begin{beamercolorbox}[sep=6pt,center]{title}\n"
        "\\usebeamerfont{title}\\insertsectionhead\\par\n\\end{beamercolorbox}\n\\end{frame}",
    )
    assert _texts(prs.slides[-1]) == ["Closing words"]  # (not a blank slide)
    assert "beamercolorbox" not in err and "\\insertsectionhead" not in err


# --- font-switch groups ---------------------------------------------------------------------------


def test_font_switch_groups_in_a_title_print_no_braces(tmp_path):
    prs, err = _build(
        tmp_path,
        "\\usepackage{fontspec}\n\\newfontfamily{\\dejavuSans}{DejaVu Sans}\n"
        "\\newfontfamily\\dejavuSerif[Scale=0.9]{DejaVu Serif}\n"
        "\\newcommand{\\AkoEmoji}{{\\dejavuSans ٩}{\\dejavuSerif (ˊ}{\\dejavuSans ᗜ}{\\dejavuSerif ˋ*)}{\\dejavuSans و}}\n",
        "\\begin{frame}{{\\dejavuSans A}{\\dejavuSerif (B}{\\dejavuSans C)}}\n"
        "Body {\\dejavuSerif D}{\\dejavuSans E}.\n\\end{frame}\n"
        "\\begin{frame}{\\AkoEmoji}\nFace.\n\\end{frame}",
        command="all",
    )
    assert _title(prs.slides[0]) == "A(BC)"
    assert _texts(prs.slides[0])[1] == "Body DE."  # (TeX passes over the space after a font's name)
    assert _title(prs.slides[1]) == "٩(ˊᗜˋ*)و"
    assert "{" not in _handout(tmp_path)
    assert "\\dejavuSans" not in err and "\\dejavuSerif" not in err


def test_bold_and_italic_groups_in_a_row_keep_both_words(tmp_path):
    prs, err = _build(
        tmp_path, "", "\\begin{frame}{T}\nWords {\\bfseries bold}{\\itshape it} end.\n\\end{frame}"
    )
    assert _texts(prs.slides[0])[1] == "Words boldit end."
    assert "not-shown" not in err


# --- \tableofcontents and \section* ---------------------------------------------------------------


def test_contents_leave_a_starred_section_out(tmp_path):
    prs, _ = _build(
        tmp_path,
        "",
        "\\begin{frame}{Contents}\n\\tableofcontents\n\\end{frame}\n"
        "\\section{Numbered part}\n\\begin{frame}{A}\na\n\\end{frame}\n"
        "\\section*{Closing words}\n\\begin{frame}{B}\nb\n\\end{frame}",
    )
    assert _texts(prs.slides[0]) == ["Contents", "Numbered part"]
    assert "Closing words" in [_title(s) for s in prs.slides]  # (its section slide is still there)


def test_a_markdown_heading_marked_unlisted_is_not_on_the_contents_slide(tmp_path):
    src = write_md(
        tmp_path,
        """
        ---
        title: Talk
        toc: true
        ---

        # Listed

        ## A

        a

        # Appendix {.unlisted}

        ## B

        b
        """,
    )
    result = run_cli("slides", src, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.stderr
    prs = Presentation(str(tmp_path / "out" / "lecture.pptx"))
    contents = next(s for s in prs.slides if _title(s) == "Contents")
    assert _texts(contents)[1:] == ["Listed"]


# --- tipa -----------------------------------------------------------------------------------------


def test_textipa_prints_unicode_ipa(tmp_path):
    prs, err = _build(
        tmp_path,
        "\\usepackage{tipa}\n\\title{Fonética de \\textipa{/E/}}\n",
        '\\begin{frame}{Vocales \\textipa{[""aI]}}\n\\begin{itemize}\n'
        "\\item Contraste \\textipa{/e/-/\\textepsilon/} en catalán\n"
        "\\item ¿Escuchaste \\textipa{[\\textprimstress pe.\\textfishhookr a]} o "
        "\\textipa{[\\textprimstress pE.\\textfishhookr a]}?\n"
        '\\item Schwa: \\textipa{g\\textschwa\\textturny\\textepsilon d\\textschwa} y \\textipa{*/g@"LEd@/}\n'
        "\\item Signos: \\textipa{[\\*r \\:t \\!b \\;N \\s{n} \\~{a} \\r*{n} \\t{tS} \\|[{t}]}, "
        "\\textipa{[0123456789]}, \\textipa{[a:]}\n"
        "\\end{itemize}\n\\end{frame}",
        command="all",
    )
    assert _title(prs.slides[0]) == "Fonética de /ɛ/"
    assert _title(prs.slides[1]) == "Vocales [ˌaɪ]"
    assert _texts(prs.slides[1])[1:] == [
        "Contraste /e/-/ɛ/ en catalán",
        "¿Escuchaste [ˈpe.ɾa] o [ˈpɛ.ɾa]?",
        "Schwa: gəʎɛdə y */gəˈʎɛdə/",
        "Signos: [ɹ ʈ ɓ ɴ n\u0329 a\u0303 n\u0325 t\u0361ʃ t\u032a], [ʉɨʌɜɥɐɒɤɵɘ], [aː]",
    ]
    assert "[ˈpɛ.ɾa]" in _handout(tmp_path)
    assert "raw-tex" not in err and "not-shown" not in err


def test_textipa_in_a_markdown_lecture_for_beamer(tmp_path):
    src = write_md(
        tmp_path,
        """
        ---
        title: 'Fonética \\textipa{/E/}'
        output: beamer_presentation
        ---

        ## Vocales \\textipa{[""aI]}

        - Palabra \\textipa{"pERo} y \\textschwa
        """,
    )
    result = run_cli("slides", src, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.stderr
    prs = Presentation(str(tmp_path / "out" / "lecture.pptx"))
    assert _title(prs.slides[0]) == "Fonética /ɛ/"
    assert _title(prs.slides[1]) == "Vocales [ˌaɪ]"
    assert _texts(prs.slides[1])[1:] == ["Palabra ˈpɛɾo y ə"]
    assert "not-shown" not in result.stderr and "raw-tex" not in result.stderr
