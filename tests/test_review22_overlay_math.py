"""Review 22 (maths beamer decks, Exo7's proofs): beamer's overlays inside an equation and in a title.

An equation cannot come in clicks, so the deck draws it as the frame's last step shows it, whole, with one
note: ``\\pause`` between an ``aligned``'s rows, an ``\\uncover`` whose argument opens an environment
(``\\uncover<5->{\\left\\{ \\begin{array}{l}}``), ``\\uncover<2->{= c}`` keeping the relation's spacing.
``\\only`` alternatives side by side (``\\only<1>{Solution}\\only<2>{\\sout{Solution}}``) show the one on
the frame's last step, with a warning naming the other; an overlay specification is never printed (a
block's title, a TikZ node's words).  Each built as a small deck through the command line and read back
with python-pptx (the equations from the slide's XML: python-pptx lists no ``mc:AlternateContent``) and
pdftotext for the handout."""

from __future__ import annotations

import subprocess
from pathlib import Path

from pptx import Presentation

from tests.conftest import run_cli

_NS = {
    "m": "http://schemas.openxmlformats.org/officeDocument/2006/math",
    "mc": "http://schemas.openxmlformats.org/markup-compatibility/2006",
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "p": "http://schemas.openxmlformats.org/presentationml/2006/main",
}


def _build(tmp_path: Path, body: str, preamble: str = "", command: str = "all"):
    """The deck of ``body`` (frames) built by the command line: (deck, stderr, handout's text or "")."""
    src = tmp_path / "deck.tex"
    src.write_text(
        "\\documentclass{beamer}\n" + preamble + "\\begin{document}\n" + body + "\n\\end{document}\n",
        encoding="utf-8",
    )
    result = run_cli(command, src, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.stderr
    handout = tmp_path / "out" / "deck-handout.pdf"
    text = (
        subprocess.run(["pdftotext", str(handout), "-"], capture_output=True, text=True, check=True).stdout
        if handout.exists()
        else ""
    )
    return Presentation(str(tmp_path / "out" / "deck.pptx")), result.stderr, text


def _texts(slide) -> list[str]:
    """The words of each text box of the slide (footer and slide number left out)."""
    return [
        sh.text_frame.text
        for sh in slide.shapes
        if sh.has_text_frame and not sh.name.startswith(("Footer", "Slide Number"))
    ]


def _equations(slide) -> list[str]:
    """The characters of each Office equation on the slide, in order."""
    return [
        "".join(t.text or "" for t in o.iterfind(".//m:t", _NS))
        for o in slide._element.iterfind(".//m:oMath", _NS)
    ]


def _pictures(slide) -> list[tuple[str, bytes]]:
    """Each equation's drawing (the picture for programs that read no Office math): its alt text, its bytes."""
    out = []
    for pic in slide._element.iterfind(".//mc:Fallback//p:pic", _NS):
        blip = pic.find(".//a:blip", _NS)
        rid = blip.get(f"{{{_NS['r']}}}embed")
        out.append((pic.find(".//p:cNvPr", _NS).get("descr"), slide.part.related_part(rid).blob))
    return out


def test_pause_between_the_rows_of_aligned_draws_the_equation_whole(tmp_path):
    prs, stderr, handout = _build(
        tmp_path,
        "\\begin{frame}{Pause}\n\\[\n\\begin{aligned}\na &= b + c \\\\\n\\pause\n  &= d\n\\end{aligned}\n\\]\n"
        "\\end{frame}\n"
        "\\begin{frame}{Align}\n\\begin{align*}\nx &= y \\\\\n\\pause\n&= z\n\\end{align*}\n\\end{frame}",
    )
    assert "TeX source" not in stderr, stderr
    assert "deck.tex:7: note: equation '\\begin{aligned} a &= b + c" in stderr  # (at the \\pause's line)
    assert "shown at once, as on the frame's last step" in stderr and "[overlay-steps]" in stderr
    assert "note: equation '\\begin{aligned} x &= y" in stderr  # (align*: the same note)
    assert _equations(prs.slides[-2]) == ["a=b+c=d"]
    assert _equations(prs.slides[-1]) == ["x=y=z"]
    for slide in prs.slides:
        assert not any("\\pause" in t or "aligned" in t for t in _texts(slide))
    assert "\\pause" not in handout and "aligned" not in handout


def test_an_uncover_that_opens_an_array_inside_aligned_draws_the_system(tmp_path):
    prs, stderr, handout = _build(
        tmp_path,
        "\\begin{frame}{Brace opened in an uncover}\n\\[\n\\begin{aligned}\n"
        "& \\uncover<2->{\\left\\{ \\begin{array}{l}}\n  \\omega^2 = z \\\\\n"
        "  \\uncover<2->{|\\omega|^2 = |z|}\n  \\uncover<2->{\\end{array} \\right.}\n"
        "\\end{aligned}\n\\]\n\\end{frame}",
    )
    assert "raw-tex" not in stderr and "TeX source" not in stderr, stderr
    assert "deck.tex:6: note: equation" in stderr and "'\\uncover<2->'" in stderr  # (the \\uncover's line)
    slide = prs.slides[-1]
    assert _equations(slide) == ["ω2=z|ω|2=|z|"]
    brace = slide._element.find(".//m:oMath//m:d/m:dPr/m:begChr", _NS)  # (the system's brace, \left\{)
    assert brace is not None and brace.get(f"{{{_NS['m']}}}val") == "{"
    assert [t for t in _texts(slide) if t.strip()] == ["Brace opened in an uncover"]  # (no debris)
    assert "Brace opened in an uncover" in handout and "{ {l}" not in handout and "\\omega" not in handout


def test_uncover_in_an_equation_keeps_the_relations_spacing(tmp_path):
    prs, stderr, _ = _build(
        tmp_path,
        "\\begin{frame}{Uncover}\n\\[\na = b \\uncover<2->{= c}\n\\]\n\\end{frame}\n"
        "\\begin{frame}{Written whole}\n\\[\na = b = c\n\\]\n\\end{frame}",
        command="slides",
    )
    assert "deck.tex:5: note: equation 'a = b \\uncover<2->{= c}'" in stderr, stderr
    (uncovered,) = _pictures(prs.slides[-2])
    (whole,) = _pictures(prs.slides[-1])
    assert uncovered[0] == "a = b = c"  # (its alt text: the equation, not beamer's command)
    assert uncovered[1] == whole[1]  # (drawn as `a = b = c`: the second `=` a relation, not `b=c`)


def test_only_alternatives_in_a_block_title_show_the_last_one(tmp_path):
    prs, stderr, handout = _build(
        tmp_path,
        "\\begin{frame}{\\only<1>{First}\\only<2>{Second} title}\n"
        "\\begin{block}{\\only<1>{Solution}\\only<2>{\\sout{Solution}}}\n"
        "Some text \\only<1>{one}\\only<2->{two} here.\n\\pause\nMore text.\n\\end{block}\n\\end{frame}",
        "\\usepackage[normalem]{ulem}\n",
    )
    texts = _texts(prs.slides[-1])
    assert texts[0] == "Second title"
    assert texts[-1].split("\n") == ["Solution", "Some text two here.", "More text."]
    assert (
        "deck.tex:4: warning: \\only<1> and \\only<2> are alternatives; a slide cannot swap its words, so it "
        'shows "Second" (the frame\'s last step, 2) and leaves out "First" [overlay-alt]'
    ) in stderr
    assert 'shows "\\sout{Solution}" (the frame\'s last step, 2) and leaves out "Solution"' in stderr
    assert "deck.tex:6: warning: \\only<1> and \\only<2-> are alternatives" in stderr
    assert "1Solution" not in handout and "2Solution" not in handout and "onetwo" not in handout
    assert "Some text two here." in handout


def test_an_overlay_in_a_tikz_nodes_words_prints_no_specification(tmp_path):
    prs, stderr, _ = _build(
        tmp_path,
        "\\begin{frame}{Net}\n\\begin{tikzpicture}\n\\node at (0,0) {\\only<3->{$0.1$}};\n"
        "\\node at (1,0) {\\uncover<2->{label}};\n\\end{tikzpicture}\n\\end{frame}",
        "\\usepackage{tikz}\n",
        command="slides",
    )
    slide = prs.slides[-1]
    words = [t for t in _texts(slide) if "label" in t]
    assert words and "2-" not in words[0] and "3-" not in words[0], words
    assert "0.1" in _equations(slide)


def test_only_alternatives_in_math_show_the_last_one(tmp_path):
    prs, stderr, _ = _build(
        tmp_path,
        "\\begin{frame}{Steps}\n\\[\na \\only<1>{=}\\only<2>{\\le} b\n\\]\n"
        "\\begin{align*}\nx &= y \\\\\n\\only<1>{&= z}\\only<2->{&= w}\n\\end{align*}\n\\end{frame}",
        command="slides",
    )
    assert _equations(prs.slides[-1]) == ["a≤b", "x=y=w"]
    assert "deck.tex:5: warning: \\only<1> and \\only<2> are alternatives" in stderr
    assert 'shows "\\le" (the frame\'s last step, 2) and leaves out "="' in stderr
    assert 'shows "&= w" (the frame\'s last step, 2) and leaves out "&= z"' in stderr
