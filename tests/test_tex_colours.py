"""LaTeX's colours (a deck's own ``\\definecolor``/``\\colorlet``, dvips's names, xcolor's mixes and
models) draw the words in them, in text and in math; and ``\\item[]`` shows no bullet and no label."""

from __future__ import annotations

import io
import re
import subprocess

from lxml import etree
from PIL import Image

from .conftest import build_tex, built_from_text, run_cli, write_md

A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"


def _coloured_words(prs) -> dict[str, str]:
    """Each coloured run's words → its colour (``RRGGBB``), over the whole deck."""
    out = {}
    for slide in prs.slides:
        for sh in slide.shapes:
            if not sh.has_text_frame:
                continue
            for p in sh.text_frame.paragraphs:
                for r in p.runs:
                    fill = r._r.rPr.find(A + "solidFill") if r._r.rPr is not None else None
                    colour = fill.find(A + "srgbClr") if fill is not None else None
                    if colour is not None:
                        out[r.text.strip()] = colour.get("val")
    return out


def test_a_beamer_decks_own_colours_names_and_mixes_colour_its_words(tmp_path):
    prs, err = build_tex(
        tmp_path,
        r"""\begin{frame}{Colours}
\begin{itemize}
\item \textcolor{uniblue}{university blue} and \textcolor{soft}{a lighter blue}
\item \textcolor{myred}{html red}, \textcolor{ForestGreen}{forest green}, \textcolor{red!60!black}{dark red}
\item \textcolor[rgb]{0.5,0,0.5}{rgb purple} and {\color{uniblue} a switched group}
\end{itemize}
\end{frame}""",
        preamble="\\usepackage[dvipsnames]{xcolor}\n\\definecolor{uniblue}{RGB}{0,84,159}\n"
        "\\definecolor{myred}{HTML}{C00000}\n\\colorlet{soft}{uniblue!40}\n",
    )
    colours = _coloured_words(prs)
    assert colours["university blue"] == "00549F"
    assert colours["a lighter blue"] == "99BBD9"  # 40 % of the blue, 60 % white, as xcolor mixes
    assert colours["html red"] == "C00000"
    assert colours["forest green"] == "009B55"  # dvips's ForestGreen as a PDF viewer shows it
    assert colours["dark red"] == "990000"
    assert colours["rgb purple"] == "800080"
    assert colours["a switched group"] == "00549F"
    assert "Traceback" not in err


def test_colours_of_a_markdown_lectures_header_and_body_in_text_and_math(tmp_path):
    prs, handout, err = built_from_text(
        tmp_path,
        r"""
        ---
        title: Colours
        header-includes: |
          \definecolor{uniblue}{RGB}{0,84,159}
        ---

        ## Words

        \definecolor{warm}{HTML}{B35900}

        - Said in \textcolor{uniblue}{university blue} and \textcolor{warm}{a warm brown}.

        ## An equation

        $$\textcolor{red!60!black}{x^2} + y = 1$$
        """,
    )
    colours = _coloured_words(prs)
    assert colours["university blue"] == "00549F"
    assert colours["a warm brown"] == "B35900"
    # the colour's definition is no text of the lecture: no word of it is said to be missing
    assert "not-shown" not in err and "warm" not in err.split("not-shown")[0].lower()
    assert "a warm brown" in handout
    # the equation, editable in PowerPoint (Office math), draws x² in the mix (#990000); its picture
    # (for an office suite without Office math) too
    xml = etree.tostring(prs.slides[2]._element).decode()
    omml = xml[xml.index("<m:oMathPara") : xml.index("</m:oMathPara>")]
    assert 'srgbClr val="990000"' in omml
    blip = re.search(r'<mc:Fallback>.*?r:embed="([^"]+)"', xml, re.S)
    assert blip is not None
    image = Image.open(io.BytesIO(prs.slides[2].part.related_part(blip.group(1)).blob)).convert("RGBA")
    reds = [(r, g, b) for r, g, b, a in image.getdata() if a > 200 and r > 110 and g < 40 and b < 40]
    assert reds and max(r for r, _, _ in reds) < 190, "x² is not drawn in red!60!black"


def test_item_with_an_empty_label_shows_no_bullet_and_starts_where_item_words_do(tmp_path):
    src = tmp_path / "deck.tex"
    src.write_text(
        r"""\documentclass{beamer}
\begin{document}
\begin{frame}{Items}
\begin{itemize}
\item[] Unmarked first line
\item A bulleted line
\end{itemize}
\end{frame}
\end{document}
""",
        encoding="utf-8",
    )
    result = run_cli("all", src, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.stderr
    from pptx import Presentation

    prs = Presentation(str(tmp_path / "out" / "deck.pptx"))
    paras = {
        p.text: p
        for sh in prs.slides[-1].shapes
        if sh.has_text_frame
        for p in sh.text_frame.paragraphs
        if p.text.strip()
    }
    unmarked = paras["Unmarked first line"]  # no label's space before the words
    assert unmarked._p.pPr.find(A + "buNone") is not None
    assert "A bulleted line" in paras
    # the slides PDF draws both lines' words at one x, as LibreOffice draws the deck
    words = subprocess.run(
        ["pdftotext", "-bbox", str(tmp_path / "out" / "deck-slides.pdf"), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    x = {}
    for line in words.splitlines():
        if "<word" in line:
            word = line.split(">")[1].split("<")[0]
            x.setdefault(word, float(line.split('xMin="')[1].split('"')[0]))
    assert abs(x["Unmarked"] - x["A"]) < 3, x


def test_a_colour_no_name_gives_keeps_the_text_colour(tmp_path):
    src = write_md(tmp_path, "# T\n\n## S\n\n- \\textcolor{notacolour!50}{plain words} stay\n")
    result = run_cli("slides", src, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.stderr
    from pptx import Presentation

    prs = Presentation(str(tmp_path / "out" / "lecture.pptx"))
    assert "plain words" not in _coloured_words(prs)
    assert any("plain words stay" in sh.text_frame.text for sh in prs.slides[-1].shapes if sh.has_text_frame)


def test_latex_bright_green_and_yellow_are_drawn_in_a_shade_that_reads_not_in_black(tmp_path):
    prs, err = build_tex(
        tmp_path,
        r"""\begin{frame}{Signals}
\begin{itemize}
\item \textcolor{green}{go ahead} and \textcolor{yellow}{be careful}
\item \textcolor{white}{invisible here}
\end{itemize}
\end{frame}""",
        command="all",
    )
    colours = _coloured_words(prs)
    green, yellow = colours["go ahead"], colours["be careful"]
    # a green (no red or blue, green channel strong) dark enough to read on white: WCAG 3:1 or more
    assert green[:2] == "00" and green[4:] == "00" and 0x80 <= int(green[2:4], 16) < 0xFF, green
    assert yellow[:2] == yellow[2:4] and yellow[4:] == "00" and int(yellow[:2], 16) < 0xC0, yellow
    assert "invisible here" not in colours  # (white has no hue: the text colour)
    warned = [line for line in err.splitlines() if "[colour-contrast]" in line]
    assert len(warned) == 1 and "deck.tex:5:" in warned[0], err
    assert f"darker shade of it, #{green}" in warned[0] and "3 places in all" in warned[0], warned
