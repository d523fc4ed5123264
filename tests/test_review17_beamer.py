"""What a review of a math-heavy German beamer deck (proofs in ``align*``, overlays with a mode part)
found Podium printing otherwise than beamer: overlay specifications with a mode (``<2|handout:0>``) as
text, ``\\alert`` in math and ``\\onslide{…}`` around an ``align*`` turning the math into TeX source, a
``\\small{…}`` group around blocks leaving its braces, ``\\qed`` lost, and a warning per
``\\metroset``; each built as a small ``.tex`` deck through the command line and read back from the
PowerPoint deck (python-pptx) and the handout (pdftotext)."""

from __future__ import annotations

import re
import subprocess

from pptx import Presentation

from .conftest import build_tex as _build
from .conftest import click_paragraphs, run_cli
from .conftest import frame_texts as _texts


def _all(tmp_path, body: str, preamble: str = ""):
    """``podium all`` of a beamer deck of frames ``body``: (the deck, the handout's text, the messages)."""
    src = tmp_path / "deck.tex"
    src.write_text(
        "\\documentclass{beamer}\n" + preamble + "\\begin{document}\n" + body + "\n\\end{document}\n",
        encoding="utf-8",
    )
    result = run_cli("all", src, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.stderr
    handout = subprocess.run(
        ["pdftotext", str(tmp_path / "out" / "deck-handout.pdf"), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return Presentation(str(tmp_path / "out" / "deck.pptx")), handout, result.stderr


def test_overlay_specifications_with_a_mode_part_come_on_their_slide_step(tmp_path):
    """``\\item<1-|handout:1>``, ``\\alert<2|handout:0>{…}``, ``\\only<2,3|handout:1>{…}`` showed their
    specification and braces as text; the part without a mode (or ``beamer:``) decides the click, and
    what beamer's handout never shows (``handout:0``, standing as a block) is on the slides only."""
    prs, handout, said = _all(
        tmp_path,
        "\\begin{frame}{Modes}\n\\begin{itemize}\n"
        "  \\item<1-|handout:1> Eins \\alert<2|handout:0>{rot}\n"
        "  \\item<beamer:2-> Zwei \\only<2,3|handout:1>{Anmerkung}\n"
        "  \\item<3-| alert@3> Drei\n\\end{itemize}\n"
        "\\only<2|handout:0>{Nur auf Folien.}\n\n"
        "\\uncover<4-|handout:1>{Vier.}\n\n"
        "\\begin{block}<5|handout:0>{Sechs}\nText.\n\\end{block}\n"
        "Text \\alert<handout:0>{mitten} hier.\n\\end{frame}",
    )
    slide = prs.slides[0]
    shown = "\n".join(_texts(prs)[0])
    assert "<" not in shown and "handout" not in shown and "{" not in shown
    assert "Eins rot" in shown and "Zwei Anmerkung" in shown and "Text mitten hier." in shown
    assert click_paragraphs(slide) == [["Zwei Anmerkung", "Nur auf Folien."], ["Drei"], ["Vier."], ["Sechs"]]
    assert "Vier." in handout and "Eins rot" in handout
    assert "Nur auf Folien." not in handout and "Sechs" not in handout
    assert "not-shown" not in said and "raw TeX '\\alert'" not in said


def _slide_xml(slide) -> str:
    from lxml import etree

    return etree.tostring(slide._element).decode()


def test_alert_in_math_is_its_argument_in_the_alerted_colour(tmp_path):
    """``$x \\in A \\alert{\\cup} B$`` and an ``align*`` with ``\\alert<2>{x^2}`` were shown as TeX source
    (``'\\alert' is not a command Podium knows``); beamer's ``\\alert`` in math colours its argument red."""
    prs, said = _build(
        tmp_path,
        "\\begin{frame}{Alert}\n$x \\in A \\alert{\\cup} B$\n\\begin{align*}\n  \\alert<2>{x^2} &= 1\n"
        "\\end{align*}\n$\\only<4>{\\overset{\\alert{q}}}{\\leadsto} n^2 = 2\\alert<5|handout:0>{m}+1$\n\\end{frame}",
    )
    xml = _slide_xml(prs.slides[0])
    assert len(re.findall(r"<m:oMath[ >]", xml)) >= 3 and "only" not in xml
    assert "\\alert" not in "\n".join(_texts(prs)[0]) and "\\begin" not in "\n".join(_texts(prs)[0])
    assert len(re.findall(r"<m:oMath[ >]", xml)) >= 2 and 'srgbClr val="FF0000"' in xml
    assert "\u222a" in xml or "&#8746;" in xml
    assert "[math]" not in said


def test_onslide_around_a_display_environment_keeps_the_equation(tmp_path):
    """``\\onslide{ \\begin{align*}…\\end{align*}\\qed }`` after a bare ``\\onslide`` came out as one line of
    text with ``\\in``, ``\\iff`` dropped and ``\\begin{align}`` left; the argument is shown on every step,
    the environment stays an equation, and what follows its end on the line (``\\qed``) comes after it."""
    prs, said = _build(
        tmp_path,
        "\\begin{frame}{Onslide}\n  \\onslide Zu zeigen: $A = B$\n  \\onslide{\n    \\begin{align*}\n"
        "      x \\in A &\\iff x \\in B\n    \\end{align*}\\qed\n  }\n"
        "  \\only<2->{\n  \\begin{equation*}\n    C = D\n  \\end{equation*}\n  }\n\\end{frame}",
    )
    shown = "\n".join(_texts(prs)[0])
    assert "begin" not in shown and "align" not in shown and "{" not in shown and "}" not in shown
    assert "Zu zeigen:" in shown and "\u25a1" in shown
    xml = _slide_xml(prs.slides[0])
    assert len(re.findall(r"<m:oMath[ >]", xml)) >= 3 and ("\u2208" in xml or "&#8712;" in xml)
    assert "raw TeX" not in said


def test_a_size_group_around_blocks_leaves_no_braces(tmp_path):
    """``\\small{`` … ``}`` around two blocks inside an ``alertblock`` left callouts holding just ``{`` and
    ``}`` (the inner ``alertblock`` ended the outer one where Podium read the group); the size goes, the
    blocks stay."""
    prs, said = _build(
        tmp_path,
        "\\begin{frame}{Gruppe}\n\\begin{alertblock}{Aufgaben}\n\\small{\n  \\begin{block}{Eins}\n"
        "    Text eins.\n  \\end{block}\n  \\begin{alertblock}{Zwei}\n    Text zwei.\n  \\end{alertblock}\n}\n"
        "\\end{alertblock}\n\\end{frame}",
    )
    texts = _texts(prs)[0]
    assert texts[1:] == ["Aufgaben", "Eins\nText eins.", "Zwei\nText zwei."]
    assert not any(t.strip() in ("{", "}") for t in texts)


def test_qed_prints_the_end_of_proof_box_in_text_and_math(tmp_path):
    """``gerade.\\qed`` lost its mark (``raw TeX '\\qed' is left out``) and ``$\\qed$`` in a table cell
    showed ``\\qed``; amsthm (which beamer loads) prints its open box, ``\\blacksquare`` a black one."""
    prs, said = _build(
        tmp_path,
        "\\begin{frame}{QED}\n$a^2$ ist gerade.\\qed\n\n\\begin{tabular}{ll}\n$\\qed$ & Mic Drop\\\\\n"
        "$\\blacksquare$ & Ende\\\\\n\\end{tabular}\n\\end{frame}",
    )
    slide = prs.slides[0]
    body = "\n".join(_texts(prs)[0])
    assert "ist gerade.\u2003\u25a1" in body and "\\qed" not in body
    table = next(sh.table for sh in slide.shapes if sh.has_table)
    assert table.cell(0, 0).text == "" and table.cell(0, 1).text == "Mic Drop"
    assert "\\qed" not in _slide_xml(slide) and "\\blacksquare" not in _slide_xml(slide)
    assert "\\qed" not in said and "[math]" not in said


def test_theme_settings_in_frames_are_one_note(tmp_path):
    """``\\metroset{block=fill}`` in every frame was a ``raw TeX … is left out`` warning each time; like
    ``\\setbeamertemplate`` (and ``\\usetheme``, ``\\usecolortheme``), it prints nothing: one note."""
    frames = "".join(
        f"\\begin{{frame}}{{F{n}}}\n\\metroset{{block=fill}}\n\\usecolortheme{{crane}}\n"
        f"\\setbeamertemplate{{itemize items}}[circle]\nWorte {n}.\n\\end{{frame}}\n"
        for n in range(3)
    )
    prs, said = _build(tmp_path, frames, preamble="\\usetheme{metropolis}\n")
    assert [t[1] for t in _texts(prs)] == ["Worte 0.", "Worte 1.", "Worte 2."]
    assert "warning" not in said, said
    assert said.count("note:") == 1 and "\\metroset" in said
