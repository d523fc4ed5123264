"""Review 21 (a, g): siunitx in beamer maths, media9's posters, thebibliography's \\newblock and empty
\\url{}, a preamble environment built on framed's \\MakeFramed (knitr's kframe), and \\\\ in typewriter
text.  Each deck is built through the command line and read back with python-pptx."""

from __future__ import annotations

from .conftest import build_tex, frame_texts


def _math_runs(slide) -> list[str]:
    return slide._element.xpath('.//*[local-name()="oMath"]//*[local-name()="t"]/text()')


def test_siunitx_in_maths_keeps_the_decimal_comma_and_separates_the_uncertainty(tmp_path):
    prs, stderr = build_tex(
        tmp_path,
        "\\begin{frame}{V}\nText: \\SI[separate-uncertainty = true]{165,4(8)}{Ms^{-1}}.\n"
        "\\begin{equation}\n  S=\\SI[separate-uncertainty = true]{165,4(8)}{Ms^{-1}}\n\\end{equation}\n"
        "\\end{frame}",
        "\\usepackage{siunitx}\n",
    )
    runs = _math_runs(prs.slides[0])
    assert ["(", "165,4", "±", "0,8", ")"] == runs[runs.index("(") : runs.index(")") + 1]
    assert "Text: (165,4 ± 0,8)\u00a0Ms−1." in "\n".join(frame_texts(prs)[0])


def test_siunitx_compact_uncertainty_stays_compact_without_the_option(tmp_path):
    prs, _ = build_tex(
        tmp_path,
        "\\begin{frame}{V}\n\\[ x = \\num{2,5} + \\SI{1.23(4)}{\\metre} \\]\n\\end{frame}",
        "\\usepackage{siunitx}\n",
    )
    runs = _math_runs(prs.slides[0])
    assert "2,5" in runs and "," not in runs


def test_includemedia_shows_its_poster_and_not_the_media_file_name(tmp_path):
    prs, stderr = build_tex(
        tmp_path,
        "\\begin{frame}{Result}\n\\centering\n\\includemedia[\n  activate=onclick,\n  width=0.7\\textwidth\n"
        "]{\\includegraphics{dots.png}}{animace1.swf}\n\\end{frame}\n"
        "\\begin{frame}{Movie}\n\\movie[width=3cm]{Click to play}{video.mp4}\n\\end{frame}",
        "\\usepackage{media9}\n",
    )
    texts = frame_texts(prs)
    assert "animace1.swf" not in "".join(texts[0])
    assert any("missing picture: dots.png" in t for t in texts[0])
    assert texts[1] == ["Movie", "Click to play"]
    assert "deck.tex:9: warning: picture 'dots.png' not found" in stderr
    assert "deck.tex:6: warning: the media file 'animace1.swf' (\\includemedia) is left out" in stderr
    assert "raw TeX" not in stderr


def test_newblock_in_thebibliography_is_a_separator_without_warning(tmp_path):
    prs, stderr = build_tex(
        tmp_path,
        "\\begin{frame}{Bibliografia}\n\\begin{thebibliography}{99}\n\\bibitem{q} Quarteroni, Saleri.\n"
        "\\newblock {\\em Calcolo Scientifico}.\n\\newblock Springer, 2012.\n"
        "\\bibitem{a} A. \\bibitem{b} B.\n\\end{thebibliography}\nSee \\cite{b}.\n\\end{frame}",
    )
    assert "warning" not in stderr
    body = frame_texts(prs)[0][1]
    assert body.startswith("[1] Quarteroni, Saleri. Calcolo Scientifico. Springer, 2012.\x0b[2] A.")
    assert "[3] B." in body and "See [3]." in body


def test_empty_url_in_thebibliography_is_no_raw_html_and_warnings_are_at_their_line(tmp_path):
    prs, stderr = build_tex(
        tmp_path,
        "\\begin{frame}{Reference}\n\\begin{thebibliography}{Mm99}\n\\bibitem{wiki} Wiki,\n"
        "\\url{https://python.cz/} \\unknowncmd{x}\n\\bibitem{c} \\url{}\n\\end{thebibliography}\n\\end{frame}",
    )
    assert "raw-html" not in stderr
    assert "deck.tex:6: warning: raw TeX '\\unknowncmd{x}'" in stderr
    assert frame_texts(prs)[0][1] == "[1] Wiki, https://python.cz/ \x0b[2]"


KFRAME = (
    "\\makeatletter\n\\newenvironment{kframe}{%\n \\def\\at@end@of@kframe{}%\n"
    " \\def\\FrameCommand##1{\\hskip\\@totalleftmargin \\hskip-\\fboxsep\n \\colorbox{shadecolor}{##1}\\hskip-\\fboxsep}%\n"
    " \\MakeFramed {\\advance\\hsize-\\width \\@totalleftmargin\\z@ \\linewidth\\hsize\n \\@setminipage}}%\n"
    " {\\par\\unskip\\endMakeFramed%\n \\at@end@of@kframe}\n\\makeatother\n"
)


def test_framed_environment_of_the_preamble_shows_its_body_without_debris(tmp_path):
    prs, stderr = build_tex(
        tmp_path,
        "\\begin{frame}{knitr output}\n\\begin{kframe}\nOutput line.\n\\end{kframe}\n\\end{frame}\n"
        "\\begin{frame}{Inline}\n\\definecolor{x}{rgb}{0,0,0}\\begin{kframe}\nMore output.\\end{kframe}\n\\end{frame}",
        KFRAME,
    )
    texts = frame_texts(prs)
    assert texts[0] == ["knitr output", "Output line."]
    assert texts[1] == ["Inline", "More output."]
    assert "warning" not in stderr


def test_line_break_in_typewriter_text_breaks_the_line(tmp_path):
    prs, stderr = build_tex(
        tmp_path,
        "\\begin{frame}{R messages}\n{\\ttfamily \\#\\# first line\\\\\\#\\# second line}\n\n"
        "\\texttt{one\\\\two}\n\n{\\ttfamily\\noindent\\itshape\\color{red}{\\#\\# \\\\\\#\\# Attaching}}\n\\end{frame}",
    )
    body = frame_texts(prs)[0][1].split("\n")
    assert body == ["## first line\x0b## second line", "one\x0btwo", "##\x0b## Attaching"]
    assert "\\" not in frame_texts(prs)[0][1] and "warning" not in stderr
