"""Content other people's decks wrote that an earlier Podium lost or failed on: each case read back from
the outputs a user gets (python-pptx for the deck, poppler for the PDFs)."""

from __future__ import annotations

import re
import subprocess

from pptx import Presentation

from podium import model as m
from podium.diagnostics import Diagnostics
from podium.reader import parse_lecture

from .conftest import run_cli, write_md


def _deck_texts(path) -> list[str]:
    return [
        sh.text_frame.text for s in Presentation(str(path)).slides for sh in s.shapes if sh.has_text_frame
    ]


def _pdf(path) -> str:
    return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout


def test_display_math_with_a_label_or_a_full_stop_after_it_ends_there(tmp_path):
    # `$$…$$ {#eq:x}` (pandoc-crossref) and `$$…$$.` over two lines: the math ran on, over blank lines,
    # to the next `$$` slides later, and every word between was lost without a warning
    src = write_md(
        tmp_path,
        """\
        ---
        title: Models
        ---

        ## Linear model

        $$y = a +
        b x$$ {#eq:line}

        The slope zebra matters.

        ## Quadratic

        $$y = a +
        b x^2$$.

        The curve walrus bends.

        ## Last

        $$
        c = d
        $$
        """,
    )
    out = tmp_path / "out"
    res = run_cli("all", src, "-o", out)
    assert res.exit_code == 0, res.stderr
    texts = "\n".join(_deck_texts(out / "lecture.pptx"))
    assert "The slope zebra matters." in texts and "The curve walrus bends." in texts
    assert "{#eq:line}" not in texts  # (the label is the equation's, not words on the slide)
    assert "\n.\n" not in f"\n{texts}\n"  # (the full stop goes with its equation, not on a line alone)
    lec = parse_lecture(src.read_text(encoding="utf-8"), "lecture.md", Diagnostics())
    maths = [b for s in lec.slides for b in s.body if isinstance(b, m.MathBlock)]
    assert [b.tex for b in maths] == ["y = a +\nb x", "y = a +\nb x^2\\,.", "c = d"]
    assert "The curve walrus bends." in _pdf(out / "lecture-handout.pdf")


def test_a_slide_of_only_an_aside_shows_it_in_every_output(tmp_path):
    # Quarto's `::: aside` (xaringan's .footnote[…]) alone on a slide: the deck drew it, the drawings
    # did not, so `check` failed the build and nothing was written
    src = write_md(
        tmp_path,
        """\
        ---
        title: "Reading"
        format: revealjs
        ---

        ## Further reading

        ::: aside
        Alberto Cairo, How Charts Lie, 2019.
        :::
        """,
        name="lecture.qmd",
    )
    out = tmp_path / "out"
    res = run_cli("all", src, "-o", out)
    assert res.exit_code == 0, res.stderr
    assert any("How Charts Lie" in t for t in _deck_texts(out / "lecture.pptx"))
    for pdf in ("lecture-handout.pdf", "lecture-slides.pdf"):
        assert "How Charts Lie" in _pdf(out / pdf), pdf
    # in the slides PDF, above the footer (the deck's footer line is the lecture's title)
    bbox = subprocess.run(
        ["pdftotext", "-bbox", "-f", "2", "-l", "2", str(out / "lecture-slides.pdf"), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    ys = {w: float(y) for y, w in re.findall(r'yMin="([\d.]+)"[^>]*>([^<]+)<', bbox)}
    assert ys["Cairo,"] < ys["Reading"] - 2, ys


def test_a_xaringan_footnote_beside_a_hidden_cell_builds(tmp_path):
    src = write_md(
        tmp_path,
        """\
        ---
        title: "Footnotes"
        output: xaringan::moon_reader
        ---

        # First

        Some words.

        ---

        .pull-left-wide[
        ```{r echo=FALSE}
        plot(1)
        ```
        ]

        .footnote[Alberto Cairo. Short note.]
        """,
        name="lecture.Rmd",
    )
    out = tmp_path / "out"
    res = run_cli("all", src, "-o", out)
    assert res.exit_code == 0, res.stderr
    assert "Short note." in _pdf(out / "lecture-handout.pdf")


def _built_tex(tmp_path, tex: str):
    """Build the beamer deck ``tex`` with `all`; return the deck as python-pptx reads it."""
    src = tmp_path / "deck.tex"
    src.write_text(tex, encoding="utf-8")
    res = run_cli("all", src, "-o", tmp_path / "out")
    assert res.exit_code == 0, res.stderr
    return Presentation(str(tmp_path / "out" / "deck.pptx"))


def test_a_beamer_title_broken_over_two_lines_in_a_size_group_is_the_slide_title(tmp_path):
    # \frametitle{{\large A and\\ B}}: the \\ cut the command in two; the title was lost, "B}" shown
    deck = _built_tex(
        tmp_path,
        "\\documentclass{beamer}\n\\title{Deck}\n\\begin{document}\n\\frame{\n"
        "\\frametitle{{\\large Combining Survey Design and\\\\ Experimental Design}}\n"
        "Body text here.\n}\n\\end{document}\n",
    )
    assert deck.slides[1].shapes.title.text_frame.text == "Combining Survey Design and Experimental Design"
    assert not any("}" in sh.text_frame.text for s in deck.slides for sh in s.shapes if sh.has_text_frame)


def test_a_beamer_preamble_value_after_a_space_or_on_the_next_lines_is_read(tmp_path):
    # `\institute[] {` then the value on its own line: TeX reads it, Podium lost it without a word
    deck = _built_tex(
        tmp_path,
        "\\documentclass{beamer}\n\\title{Flow Control}\n\\author{Data Analytics}\n"
        "\\institute[] {\n    Professor Alex Hanna\n}\n\\date[] {\nSeptember 29, 2016\n}\n"
        "\\begin{document}\n\\begin{frame}\n\\titlepage\n\\end{frame}\n"
        "\\begin{frame}{Loops}\nSome text.\n\\end{frame}\n\\end{document}\n",
    )
    cover = "\n".join(sh.text_frame.text for sh in deck.slides[0].shapes if sh.has_text_frame)
    assert "Professor Alex Hanna" in cover and "September 29, 2016" in cover


def test_words_in_form_controls_of_raw_html_are_said_to_be_left_out(tmp_path):
    # a button's label or a select's options were dropped under the slide's "its text kept" warning
    src = write_md(
        tmp_path,
        '---\ntitle: H\n---\n\n## Quiz\n\n<div class="box">\n<p>Pick one answer</p>\n'
        "<button>Check answer</button>\n<select><option>Opt one</option></select>\n</div>\n\nAfter.\n",
    )
    result = run_cli("slides", str(src), "-o", str(tmp_path / "out"))
    assert result.exit_code == 0, result.output
    said = [ln for ln in result.output.splitlines() if "left out" in ln]
    # (each at its own line: review 19)
    assert len(said) == 2 and "lecture.md:9: warning: not drawn: <button>" in said[0]
    assert "lecture.md:10: warning: not drawn: <select>" in said[1]
    assert "'Check answer'" in said[0] and "'Opt one'" in said[1]
    texts = " ".join(_deck_texts(tmp_path / "out" / "lecture.pptx"))
    assert "Pick one answer" in texts and "After." in texts  # (the rest of the block is drawn)


def test_a_footnote_on_a_slides_title_is_its_footnote(tmp_path):
    # `## Growth^[World Bank data.]`: the title read "Growth-1" and the note was lost, with no warning
    src = write_md(tmp_path, "---\ntitle: D\n---\n\n## Growth^[World Bank data, 2020.]\n\n- Point\n")
    result = run_cli("all", str(src), "-o", str(tmp_path / "out"))
    assert result.exit_code == 0, result.output
    slide = Presentation(str(tmp_path / "out" / "lecture.pptx")).slides[1]
    title = slide.shapes.title.text_frame.paragraphs[0].runs
    assert [r.text for r in title] == ["Growth", "1"] and title[1].font._rPr.get("baseline") == "30000"
    assert "1. World Bank data, 2020." in _deck_texts(tmp_path / "out" / "lecture.pptx")
    assert "World Bank data, 2020." in _pdf(tmp_path / "out" / "lecture-handout.pdf")
    from pypdf import PdfReader

    outline = [
        o.title
        for o in PdfReader(tmp_path / "out" / "lecture-handout.pdf").outline
        if not isinstance(o, list)
    ]
    assert "2. Growth" in outline  # (its bookmark without the footnote's mark)
