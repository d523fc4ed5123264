"""Review 20 (beamer decks, review j): wrapfig's ``wrapfigure`` and ``wrapfloat`` are pictures set beside
the text (problem 3); pictures side by side inside a block are drawn on the block's ground (problem 2);
each missing picture's warning names its own ``\\includegraphics`` line (problem 5); "did you mean" names
only a file whose name is close (problem 8).  The deck is read with python-pptx, the messages as the
command line prints them."""

from __future__ import annotations

import re

import pytest
from PIL import Image

from .conftest import cli_deck, run_cli, write_md

WORDS = "Riferiamo la posizione di un punto materiale all'origine di una retta orientata."


def _deck(tmp_path, frames: str, pictures=("ginnasta.png",)):
    """The deck of a beamer deck of ``frames`` (wrapfig loaded), with ``pictures`` beside it: (its
    slides, the slide's width, the messages)."""
    for name in pictures:
        Image.new("RGB", (400, 300), "steelblue").save(tmp_path / name)
    src = write_md(
        tmp_path,
        "\\documentclass{beamer}\n\\usepackage[italian]{babel}\n\\usepackage{wrapfig}\n"
        f"\\begin{{document}}\n{frames}\\end{{document}}\n",
        "deck.tex",
    )
    prs, err = cli_deck(src, tmp_path / "out")
    return list(prs.slides), prs.slide_width, err


def _picture_and_words(slide):
    """The slide's one picture and the text frame that holds the frame's words."""
    pictures = [sh for sh in slide.shapes if sh.shape_type == 13]
    words = [sh for sh in slide.shapes if sh.has_text_frame and "Riferiamo" in sh.text_frame.text]
    assert len(pictures) == 1, [sh.name for sh in slide.shapes]
    assert len(words) == 1, [sh.text_frame.text for sh in slide.shapes if sh.has_text_frame]
    return pictures[0], words[0]


@pytest.mark.parametrize(
    "begin,end",
    [
        ("\\begin{wrapfigure}{r}{0.4\\textwidth}", "\\end{wrapfigure}"),
        ("\\begin{wrapfigure}[8]{R}[0pt]{0.4\\textwidth}", "\\end{wrapfigure}"),
        ("\\begin{wrapfloat}{figure}{o}{0pt}", "\\end{wrapfloat}"),
    ],
    ids=["wrapfigure", "wrapfigure-options", "wrapfloat-outside"],
)
def test_a_wrapfig_picture_set_right_is_a_column_right_of_the_text(tmp_path, begin, end):
    frame = (
        f"\\begin{{frame}}{{Lo spostamento}}\n{begin}\n\\centering\n"
        f"\\includegraphics[width=0.4\\textwidth]{{ginnasta.png}}\n\\caption{{Una ginnasta}}\n{end}\n"
        f"{WORDS}\n\\end{{frame}}\n"
    )
    slides, width, err = _deck(tmp_path, frame)
    pic, words = _picture_and_words(slides[0])
    assert pic.left >= width / 2  # (it was drawn full width above the words)
    assert words.left < width / 2 and words.left + words.width <= pic.left
    assert pic.top < words.top + words.height  # (beside the words, not above them)
    shown = " ".join(sh.text_frame.text for sh in slides[0].shapes if sh.has_text_frame)
    assert "Una ginnasta" in shown  # (its caption kept)
    assert "[unknown-environment]" not in err and "[float]" not in err, err


@pytest.mark.parametrize("place", ["I", "i", "l", "L"])
def test_wrapfloat_set_inside_or_left_is_a_column_left_of_the_text_not_a_box_titled_by_its_letter(
    tmp_path, place
):
    frame = (
        f"\\begin{{frame}}{{Lo spostamento}}\n\\begin{{wrapfloat}}{{figure}}{{{place}}}{{0pt}}\n"
        "\\includegraphics[width=0.4\\columnwidth]{ginnasta.png}\n\\end{wrapfloat}\n\n"
        f"{WORDS}\n\\end{{frame}}\n"
    )
    slides, width, err = _deck(tmp_path, frame)
    assert len(slides) == 1
    boxes = [sh.text_frame.text for sh in slides[0].shapes if sh.has_text_frame]
    assert place not in boxes, boxes  # (the placement letter was a box's title)
    pic, words = _picture_and_words(slides[0])
    assert pic.left + pic.width <= width / 2
    assert words.left >= pic.left + pic.width
    assert pic.top < words.top + words.height
    assert "[unknown-environment]" not in err, err


def test_the_width_argument_gives_the_pictures_column(tmp_path):
    frame = (
        "\\begin{frame}{Stretta}\n\\begin{wrapfigure}{r}{0.3\\textwidth}\n"
        "\\includegraphics[width=0.3\\textwidth]{ginnasta.png}\n\\end{wrapfigure}\n"
        f"{WORDS}\n\\end{{frame}}\n"
        "\\begin{frame}{Larga}\n\\begin{wrapfigure}{r}{0.6\\textwidth}\n"
        "\\includegraphics[width=0.6\\textwidth]{ginnasta.png}\n\\end{wrapfigure}\n"
        f"{WORDS}\n\\end{{frame}}\n"
    )
    slides, width, err = _deck(tmp_path, frame)
    narrow, narrow_words = _picture_and_words(slides[0])
    wide, wide_words = _picture_and_words(slides[1])
    assert narrow.width < 0.33 * width < wide.width
    assert wide.left >= wide_words.left + wide_words.width
    assert narrow_words.width > wide_words.width


def test_a_wrapfigure_after_the_text_is_drawn_where_written_with_one_warning_at_its_line(tmp_path):
    frame = (
        f"\\begin{{frame}}{{Dopo}}\n{WORDS}\n\n\\begin{{wrapfigure}}{{l}}{{0.4\\textwidth}}\n"
        "\\includegraphics[width=0.4\\textwidth]{ginnasta.png}\n\\end{wrapfigure}\n"
        "Altre parole.\n\\end{frame}\n"
    )
    slides, width, err = _deck(tmp_path, frame)
    pic, words = _picture_and_words(slides[0])
    assert pic.top >= words.top  # (where it is written: after the words)
    warned = [line for line in err.splitlines() if "[float]" in line]
    assert len(warned) == 1, err
    assert re.search(
        r"deck\.tex:9: warning: picture 'ginnasta\.png' is set left of the text by wrapfig", warned[0]
    )


@pytest.mark.parametrize("env", ["exampleblock", "block"])
@pytest.mark.parametrize("found", [True, False], ids=["pictures", "missing"])
def test_pictures_side_by_side_in_a_block_are_drawn_inside_its_box(tmp_path, env, found):
    frame = (
        f"\\begin{{frame}}{{Vocabulaire}}\n  \\begin{{{env}}}{{Exemple}}\n"
        "    \\includegraphics[width=.45\\textwidth]{oriente.png}\n"
        "    \\includegraphics[width=.45\\textwidth]{non-oriente.png}\n"
        f"  \\end{{{env}}}\n\\end{{frame}}\n"
    )
    slides, width, err = _deck(tmp_path, frame, ("oriente.png", "non-oriente.png") if found else ())
    shapes = list(slides[0].shapes)
    pictures = [sh for sh in shapes if sh.shape_type == 13 or sh.name == "Missing picture"]
    assert len(pictures) == 2, [sh.name for sh in shapes]
    title = next(sh for sh in shapes if sh.has_text_frame and sh.text_frame.text == "Exemple")
    ground = [sh for sh in shapes if sh.name == "Callout ground"]
    assert ground, [sh.name for sh in shapes]  # (the box was its title bar alone, the pictures under it)
    box = ground[0]
    assert box.top <= title.top
    for pic in pictures:
        assert box.left <= pic.left and pic.left + pic.width <= box.left + box.width
        assert box.top <= pic.top and pic.top + pic.height <= box.top + box.height


def test_each_missing_pictures_warning_names_its_own_line(tmp_path):
    src = write_md(
        tmp_path,
        "\\documentclass{beamer}\n\\begin{document}\n\\begin{frame}{Dos figuras}\n"
        "  \\includegraphics[width=.45\\textwidth]{a.png}\n"
        "  \\includegraphics[width=.45\\textwidth]{b.png}\n"
        "\\end{frame}\n\\begin{frame}{Tres}\n  Texto.\n\n"
        "  \\includegraphics[width=.3\\textwidth]{c.png}\n"
        "  \\includegraphics[width=.3\\textwidth]{d.png}\n"
        "  \\includegraphics[width=.3\\textwidth]{e.png}\n"
        "\\end{frame}\n\\end{document}\n",
        "deck.tex",
    )
    result = run_cli("slides", src, "-o", tmp_path / "out", "--all-warnings")
    said = dict(re.findall(r"deck\.tex:(\d+): warning: picture '(\w)\.png' not found", result.stderr))
    lines = {name: int(line) for line, name in said.items()}
    assert lines == {"a": 4, "b": 5, "c": 10, "d": 11, "e": 12}, result.stderr


def test_each_picture_on_its_own_line_of_a_markdown_paragraph_is_warned_at_that_line(tmp_path):
    src = write_md(tmp_path, "---\ntitle: T\n---\n\n## Two\n\n![A](a.png)\n![B](b.png)\n")
    result = run_cli("slides", src, "-o", tmp_path / "out")
    assert "lecture.md:7: warning: picture 'a.png' not found" in result.stderr, result.stderr
    assert "lecture.md:8: warning: picture 'b.png' not found" in result.stderr, result.stderr


@pytest.mark.parametrize("missing", ["a.png", "fig1.png", "lo.png"])
def test_no_suggestion_of_an_unrelated_picture(tmp_path, missing):
    Image.new("RGB", (40, 30), "red").save(tmp_path / "logo.png")
    Image.new("RGB", (40, 30), "red").save(tmp_path / "fig2.png")
    src = write_md(tmp_path, f"---\ntitle: T\n---\n\n## One\n\n![A picture]({missing})\n")
    result = run_cli("slides", src, "-o", tmp_path / "out")
    assert f"picture '{missing}' not found" in result.stderr, result.stderr
    assert "did you mean" not in result.stderr, result.stderr


@pytest.mark.parametrize(
    "missing,there",
    [("Ginnasta.jpg", "ginnasta.png"), ("ginnasta.jpg", "ginnasta.png"), ("ginasta.png", "ginnasta.png")],
    ids=["case-and-extension", "extension", "typo"],
)
def test_a_close_name_is_suggested_and_an_unrelated_one_is_not(tmp_path, missing, there):
    Image.new("RGB", (40, 30), "red").save(tmp_path / there)
    Image.new("RGB", (40, 30), "red").save(tmp_path / "logo.png")
    src = write_md(
        tmp_path, f"---\ntitle: T\n---\n\n## One\n\n![A picture]({missing})\n\n![Another](a.png)\n"
    )
    result = run_cli("slides", src, "-o", tmp_path / "out")
    assert re.search(
        rf"picture '{missing}' not found \(searched [^)]*\); did you mean '{there}'\?", result.stderr
    )
    assert re.search(r"picture 'a\.png' not found \(searched [^)]*\) \[missing-image\]", result.stderr), (
        result.stderr
    )
