"""What a reviewer's real beamer decks (a tenth round) showed the LaTeX reader getting wrong, each built
as a small ``.tex`` deck through the command line and read back from the PowerPoint deck (python-pptx):
groups around frames and beamer's section frames, raw TeX in the title slide's fields and in frame
titles, a group after a Chinese character, ``\\ref`` to a frame, ``\\pgfimage``, a listing's math and
caption, a macro that draws with TikZ, ctex's language and beamer's transitions."""

from __future__ import annotations

from .conftest import build_tex as _build
from .conftest import frame_texts as _texts
from .conftest import text_runs


def test_a_group_around_frames_and_a_section_hook_make_no_empty_slide(tmp_path):
    prs, stderr = _build(
        tmp_path,
        "{\n  \\setbeamertemplate{footline}{}\n  \\frame{\\titlepage}\n}\n"
        "\\AtBeginSection[]{\n  \\begin{frame}\n  \\centering\n"
        "  \\begin{beamercolorbox}[center]{title}\n    \\usebeamerfont{title}\\insertsectionhead\\par\n"
        "  \\end{beamercolorbox}\n  \\end{frame}\n}\n"
        "\\section{Reminder}\n\\begin{frame}{Lecture 10}\nConjugate gradients\n\\end{frame}\n"
        "{ \\setbeamercolor{background canvas}{bg=black} \\frame{\\frametitle{Dark}Night} }\n"
        "\\begingroup\n\\begin{frame}{Grouped}\nDay\n\\end{frame}\n\\endgroup",
        preamble="\\title{Parallel Computing}\n\\author{P. Diehl}\n",
    )
    assert _texts(prs) == [
        ["Parallel Computing", "P. Diehl"],
        ["Reminder"],
        ["Lecture 10", "Conjugate gradients"],
        ["Dark", "Night"],
        ["Grouped", "Day"],
    ]
    assert "outside-frame" not in stderr and "raw-tex" not in stderr


def test_text_after_the_title_frame_is_no_empty_slide(tmp_path):
    prs, stderr = _build(
        tmp_path,
        "\\frame{\\titlepage}\nWords after the title.\n\\begin{frame}{A}\na\n\\end{frame}",
        preamble="\\title{T}\n",
    )
    assert _texts(prs) == [["T"], ["A", "a"]]
    assert "deck.tex:5: warning: text outside a frame is left out" in stderr


def test_size_and_spacing_commands_print_nothing_on_the_title_slide(tmp_path):
    prs, stderr = _build(
        tmp_path,
        "\\frame{\\titlepage}",
        preamble="\\title{Parallel Computing}\n\\author{\\tiny Patrick Diehl}\n"
        "\\institute{Louisiana State University\\\\ \\vspace{0.5cm}}\n"
        "\\date{\\tiny \\url{https://example.org/~pd/} \\vspace{2cm}}\n",
    )
    words = "\n".join(_texts(prs)[0])
    assert "Patrick Diehl" in words and "Louisiana State University" in words
    assert "https://example.org/~pd/" in words
    assert "\\" not in words and "vspace" not in words and "tiny" not in words


def test_a_frame_titles_footnote_and_lstinline(tmp_path):
    prs, stderr = _build(
        tmp_path,
        "\\begin{frame}{Description of HPX\\footnote{\\tiny\\url{https://github.com/STEllAR-GROUP/hpx}}}\n"
        "HPX is a C++ runtime system.\n\\end{frame}\n"
        "\\begin{frame}[fragile]{Hello world using \\lstinline{hpx::init}}\nText\n\\end{frame}\n"
        "\\begin{frame}[fragile]\n\\frametitle{Calling \\lstinline|hpx::finalize|}\nMore\n\\end{frame}",
    )
    texts = _texts(prs)
    assert texts[0][0] == "Description of HPX"
    assert "https://github.com/STEllAR-GROUP/hpx" in "\n".join(texts[0][1:])
    assert texts[1][0] == "Hello world using hpx::init"
    assert texts[2][0] == "Calling hpx::finalize"
    code = [
        r.text for r in text_runs([prs.slides[1], prs.slides[2]]) if r.font.name and "Mono" in r.font.name
    ]
    assert code == ["hpx::init", "hpx::finalize"] or {"hpx::init", "hpx::finalize"} <= set(code)
    assert "raw-tex" not in stderr


def test_a_group_after_a_chinese_character_is_bold_without_braces(tmp_path):
    prs, _ = _build(
        tmp_path,
        "\\begin{frame}{键盘布局}\n\\begin{itemize}\n\\item 这是{\\bf 重点}内容\n"
        "\\item Latin {\\bf bold} text\n\\end{itemize}\n\\end{frame}",
    )
    assert _texts(prs)[0][1] == "这是重点内容\nLatin bold text"
    bold = [r.text for r in text_runs([prs.slides[0]]) if r.font.bold]
    assert "重点" in bold and "bold" in bold


def test_ref_and_pageref_to_a_frame_label_print_its_slide_number(tmp_path):
    prs, stderr = _build(
        tmp_path,
        "\\begin{frame}\n\\label{kbd}\n\\frametitle{键盘 Keyboard}\n键盘\n\\end{frame}\n"
        "\\begin{frame}[label=untitled]\nNo title.\n\\end{frame}\n"
        "\\begin{frame}{键盘布局}\n最为常见的排列方式{\\tiny (第\\ref{kbd}页)}，成为标准。\n\n"
        "See page \\pageref{untitled} and \\ref{nowhere}.\n\\end{frame}",
        preamble="\\title{键盘}\n",
    )
    assert _texts(prs)[3][1] == "最为常见的排列方式(第2页)，成为标准。\nSee page 3 and ."
    assert "deck.tex:15: warning: link to '#nowhere' names no slide" in stderr
    assert "kbd" not in "\n".join(t for slide in _texts(prs) for t in slide)


def test_pgfimage_and_pgfuseimage_are_pictures(tmp_path):
    from PIL import Image

    Image.new("RGB", (40, 30), "navy").save(tmp_path / "band5.png")
    prs, stderr = _build(
        tmp_path,
        "\\begin{frame}{Banded}\n\\begin{center}\n\\pgfimage[width=0.3\\textwidth]{band5}\n\\end{center}\n"
        "\\end{frame}\n\\begin{frame}{Declared}\n\\pgfuseimage{band}\n\\end{frame}",
        preamble="\\pgfdeclareimage[height=2cm]{band}{band5}\n",
    )
    assert [sum(shape.shape_type == 13 for shape in slide.shapes) for slide in prs.slides] == [1, 1]
    assert "raw-tex" not in stderr and "missing-image" not in stderr


def test_ctex_decks_are_chinese_and_today_is_written_in_the_decks_language(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1796342400")  # 2026-12-04
    prs, stderr = _build(
        tmp_path,
        "\\frame{\\titlepage}\n\\begin{frame}[allowframebreaks]{长}\n甲\n\\framebreak\n乙\n\\end{frame}",
        preamble="\\title{键盘}\n\\date{\\today}\n",
        documentclass="ctexbeamer",
    )
    assert _texts(prs) == [["键盘", "2026年12月4日"], ["长", "甲"], ["长 （续）", "乙"]]
    prs, _ = _build(
        tmp_path,
        "\\frame{\\titlepage}",
        preamble="\\usepackage[ngerman]{babel}\n\\title{T}\n\\date{\\today}\n",
    )
    assert _texts(prs) == [["T", "4. Dezember 2026"]]
    prs, _ = _build(tmp_path, "\\frame{\\titlepage}", preamble="\\title{T}\n\\date{\\today}\n")
    assert _texts(prs) == [["T", "December 4, 2026"]]


def test_a_lstlisting_with_mathescape_shows_its_math_and_its_caption(tmp_path):
    prs, stderr = _build(
        tmp_path,
        "\\begin{frame}[fragile]\n\\frametitle{Tridiagonal Algorithm}\n"
        "\\begin{lstlisting}[mathescape,caption={Thomas algorithm}]\n  for $i=2$ to $n$\n"
        "    $xmult = a_{i-1}/d_{i-1}$\n  end\n\\end{lstlisting}\n\\end{frame}",
    )
    texts = _texts(prs)[0]
    assert texts[:2] == ["Tridiagonal Algorithm", "Thomas algorithm"]
    assert texts[2] == "  for i = 2 to n\n    xmult = a\u1d62\u208b\u2081/d\u1d62\u208b\u2081\n  end"


def test_a_macro_of_a_tikz_node_keeps_its_words_and_no_debris(tmp_path):
    prs, stderr = _build(
        tmp_path,
        "\\begin{frame}\n  \\frametitle{Keyboard}\n"
        "  \\tikzoverlay at (0cm,-3cm) {The main way to enter text};\\pause\n"
        "  \\tikzoverlay at (3cm, 4.5cm) {\\includegraphics[width=5cm]{keyboard.png}};\n\\end{frame}",
        preamble="\\usepackage{tikz}\n\\def\\tikzoverlay{%\n  \\tikz[baseline,overlay]\\node[anchor=north west]\n}%\n",
    )
    words = "\n".join(_texts(prs)[0])
    assert "The main way to enter text" in words
    assert "at (" not in words and ";" not in words and "{" not in words
    assert "deck.tex:9: warning: a TikZ drawing (\\tikz) is not drawn" in stderr
    assert "deck.tex:10: warning: picture 'keyboard.png' not found" in stderr


def test_beamer_transitions_print_nothing_with_one_note(tmp_path):
    prs, stderr = _build(
        tmp_path,
        "\\begin{frame}{A}\n\\transglitter<2>[direction=90]\nOne \\transdissolve \\transduration{2} two.\n"
        "\\end{frame}\n\\begin{frame}{B}\n\\transblindshorizontal\nThree\n\\end{frame}",
    )
    assert _texts(prs) == [["A", "One two."], ["B", "Three"]]
    assert stderr.count("[transition]") == 1 and "raw-tex" not in stderr


def test_a_picture_before_a_pause_and_a_string_tilde_in_an_address(tmp_path):
    prs, stderr = _build(
        tmp_path,
        "\\frame{\\titlepage}\n\\begin{frame}{K}\nWords\\pause\n\\includegraphics[width=5cm]{keyboard.png}\\pause\n"
        "More\n\\end{frame}",
        preamble="\\title{T}\n\\date{\\url{https://example.org/\\string~pd/}}\n",
    )
    assert _texts(prs)[0] == ["T", "https://example.org/~pd/"]
    assert "deck.tex:8: warning: picture 'keyboard.png' not found" in stderr and "raw-tex" not in stderr
