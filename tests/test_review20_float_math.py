"""Review 20 (R Markdown decks): a picture floated beside the text (``<img style="float:right">``,
``align="left"``, at a slide's start) is a picture-and-text slide, the picture in a column on its side
(problem 3), and a float Podium cannot draw is warned at its line; a relation after an opening bracket
(``$(=1)$``) is drawn tight against it in the slides PDF, as TeX spaces it (problem 2).  The deck is read
with python-pptx, the slides PDF's words with ``pdftotext -bbox``, the messages as the command line
prints them."""

from __future__ import annotations

import re
import subprocess

import pytest
from PIL import Image

from .conftest import cli_deck, run_cli, write_md

LIST = "- All sources are known\n- Source means are known\n- TEFs are known\n"


def _floated_deck(tmp_path, picture: str, after: str = LIST, front: str = "output: ioslides_presentation\n"):
    """The deck of one slide that begins with ``picture`` followed by ``after``: (its slide, the slide's
    width, the messages)."""
    Image.new("RGB", (430, 430), "steelblue").save(tmp_path / "biplot.png")
    src = write_md(tmp_path, f"---\ntitle: Floats\n{front}---\n\n## Assumptions\n\n{picture}\n\n{after}")
    prs, err = cli_deck(src, tmp_path / "out")
    return prs.slides[1], prs.slide_width, err


def _picture_and_words(slide):
    """The slide's one picture and the text frame that holds its words (not its title or footer)."""
    pictures = [sh for sh in slide.shapes if sh.shape_type == 13]
    words = [
        sh
        for sh in slide.shapes
        if sh.has_text_frame
        and sh.text_frame.text.strip()
        and sh != slide.shapes.title
        and not sh.name.startswith(("Footer", "Slide Number"))
    ]
    assert len(pictures) == 1, [sh.name for sh in slide.shapes]
    assert len(words) == 1, [sh.text_frame.text for sh in words]
    return pictures[0], words[0]


@pytest.mark.parametrize(
    "picture",
    [
        '<img src="biplot.png" alt="basic isotope biplot" width="430" style="float:right;">',
        '<img src="biplot.png" alt="basic isotope biplot" width="430" align="right">',
        '<p><img src="biplot.png" alt="basic isotope biplot" width="430" style="margin: 1em; float: right"></p>',
        '<div>\n<img src="biplot.png" alt="basic isotope biplot" width="430" style="float:right">\n</div>',
        '![](biplot.png){fig-alt="a biplot" style="float:right" width=45%}',
        '<a href="https://example.org"><img src="biplot.png" alt="a biplot" style="float:right"></a>',
    ],
    ids=["style", "align", "in-p", "in-div", "markdown", "linked"],
)
def test_a_picture_floated_right_at_a_slides_start_is_a_column_right_of_the_list(tmp_path, picture):
    slide, width, err = _floated_deck(tmp_path, picture)
    pic, words = _picture_and_words(slide)
    assert "All sources are known" in words.text_frame.text
    assert pic.left >= width / 2  # (it was centred above the list)
    assert words.left < width / 2 and words.left + words.width <= pic.left
    assert pic.top < words.top + words.height  # (beside the list, not under it)
    assert "[float]" not in err, err


@pytest.mark.parametrize(
    "picture",
    [
        '<img src="biplot.png" alt="basic isotope biplot" width="430" style="float:left">',
        '<img src="biplot.png" alt="basic isotope biplot" width="430" align="left">',
        '<p><img src="biplot.png" alt="basic isotope biplot" width="430" style="float: left"></p>',
    ],
    ids=["style", "align", "in-p"],
)
def test_a_picture_floated_left_is_a_column_left_of_the_paragraphs(tmp_path, picture):
    slide, width, err = _floated_deck(tmp_path, picture, "First paragraph.\n\nSecond paragraph.\n")
    pic, words = _picture_and_words(slide)
    assert words.text_frame.text.split() == "First paragraph. Second paragraph.".split()
    assert pic.left + pic.width <= width / 2
    assert words.left >= pic.left + pic.width and words.left < width * 0.75
    assert "[float]" not in err, err


def test_an_incremental_list_beside_a_floated_picture_still_comes_in_item_by_item(tmp_path):
    quoted = "> - All sources are known\n> - Source means are known\n"
    slide, width, err = _floated_deck(
        tmp_path, '<img src="biplot.png" alt="a biplot" width="430" style="float:right;">', quoted
    )
    pic, words = _picture_and_words(slide)
    assert pic.left >= width / 2 and words.left + words.width <= pic.left
    p = "{http://schemas.openxmlformats.org/presentationml/2006/main}"
    clicked = {int(t.get("spid")) for t in slide._element.iter(f"{p}spTgt")}
    assert words.shape_id in clicked


def test_a_float_later_in_the_slide_keeps_its_place_with_one_warning_at_its_line(tmp_path):
    slide, width, err = _floated_deck(
        tmp_path, "Words first.", '<img src="biplot.png" alt="a biplot" width="430" style="float:right;">\n'
    )
    pictures = [sh for sh in slide.shapes if sh.shape_type == 13]
    assert len(pictures) == 1  # (drawn, where it is written)
    warned = [line for line in err.splitlines() if "[float]" in line]
    assert len(warned) == 1, err
    assert re.search(r"lecture\.md:10: warning: picture 'biplot\.png' floats right", warned[0]), warned


def test_a_float_on_a_slide_already_in_two_columns_is_warned(tmp_path):
    Image.new("RGB", (430, 430), "steelblue").save(tmp_path / "biplot.png")
    src = write_md(
        tmp_path,
        "---\ntitle: Floats\n---\n\n## Both {.columns-2}\n\n"
        '<img src="biplot.png" alt="a biplot" width="430" style="float:right;">\n\n' + LIST,
    )
    prs, err = cli_deck(src, tmp_path / "out")
    warned = [line.split(": warning")[0] for line in err.splitlines() if "[float]" in line]
    assert len(warned) == 1 and warned[0].endswith("lecture.md:7"), err


# ---- problem 2: a relation after an opening bracket


def _word_boxes(pdf, page: int) -> list[tuple[str, float, float, float, float]]:
    """(word, xMin, yMin, xMax, yMax) of every word ``pdftotext -bbox`` reads on ``page`` of ``pdf``."""
    html = subprocess.run(
        ["pdftotext", "-bbox", "-f", str(page), "-l", str(page), str(pdf), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    pattern = r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>'
    return [(w, float(a), float(b), float(c), float(d)) for a, b, c, d, w in re.findall(pattern, html)]


def test_a_relation_right_after_an_opening_bracket_is_drawn_tight_against_it(tmp_path):
    """``aa $(=1)$ bb`` against ``aa $(-1)$ bb`` (a sign, already tight): the equation with ``=`` is wider
    only by the glyphs' difference and the one thick space after ``=`` (TeX: Open–Rel 0, Rel–Ord thick),
    not by a space before it too; the same for ``[x=]`` (Rel–Close 0) against ``[x-]``."""
    src = write_md(
        tmp_path,
        "---\ntitle: Spacing\n---\n\n## Dummies\n\n"
        "- aa $(-1)$ bb\n- aa $(=1)$ bb\n- aa $[x-]$ bb\n- aa $[x=]$ bb\n",
    )
    result = run_cli("pdf", src, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.stderr
    words = _word_boxes(tmp_path / "out" / "lecture-slides.pdf", 2)
    lines: dict[float, dict[str, tuple[float, float, float, float]]] = {}
    for w, x0, y0, x1, y1 in words:
        if w in ("aa", "bb"):
            lines.setdefault(round(y0), {})[w] = (x0, y0, x1, y1)
    rows = [v for _, v in sorted(lines.items()) if "aa" in v and "bb" in v]
    assert len(rows) == 4, words
    em = rows[0]["aa"][3] - rows[0]["aa"][1]  # (the words' height: about the font's size)
    gaps = [row["bb"][0] - row["aa"][2] for row in rows]  # (the equation between the two words)
    for sign, relation in ((gaps[0], gaps[1]), (gaps[2], gaps[3])):
        assert relation - sign < 0.45 * em, (gaps, em)  # (two thick spaces: some 0.7 em)
        assert relation - sign > 0.2 * em, (gaps, em)  # (the thick space after it kept)


@pytest.mark.parametrize(
    "picture",
    ['![](wide.png){width=45% style="float:right"}', '<img src="wide.png" width="432" style="float:right">'],
    ids=["percent", "pixels"],
)
def test_a_floated_pictures_width_is_its_columns_not_a_share_of_it(tmp_path, picture):
    """``width=45%`` sizes the picture's column (45 % of the slide) and the picture fills it: not 45 % of
    the column (a picture a fifth of the slide wide)."""
    Image.new("RGB", (900, 300), "steelblue").save(tmp_path / "wide.png")
    src = write_md(tmp_path, f"---\ntitle: Floats\n---\n\n## Assumptions\n\n{picture}\n\n{LIST}")
    prs, _ = cli_deck(src, tmp_path / "out")
    pic, words = _picture_and_words(prs.slides[1])
    assert pic.left > words.left + words.width / 2
    assert 0.35 <= pic.width / prs.slide_width <= 0.46, pic.width / prs.slide_width
