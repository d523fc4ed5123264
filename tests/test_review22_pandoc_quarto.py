"""pandoc and Quarto decks as reviewers brought them: pictures in the cells of an HTML table, LaTeX's
text letters (``\\AA``) in math, a bullet list of numbered items, a Quarto format's own title keys,
``.unlisted`` headings and the line after ``<br><br>``."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

from .conftest import cli_deck as _deck
from .conftest import write_md

_MATH_TEXT = re.compile(r"<m:t>([^<]*)</m:t>")


def _picture(path: Path) -> None:
    from PIL import Image

    Image.new("RGB", (400, 300), (40, 90, 200)).save(path)


def test_text_letters_in_math_are_the_characters_and_the_equation_stays_math(tmp_path):
    # `\text{\AA}` made the whole display equation a code listing and the inline math raw TeX
    src = write_md(
        tmp_path,
        r"""
        ---
        title: Letters
        ---

        # Grain size

        $$
        \nu = 32\,\text{GHz}\times\left(\frac{5\,\text{\AA}}{a}\right)^{5/2}
        $$

        Only grains with $a \lesssim 10\,\text{\AA}$ contribute, $5\,\AA$ too.

        Names: $\text{Gau\ss{} and Schr\"odinger, \'{e}t\'e, \c{c}, \o, na\"{\i}ve}$.
        """,
    )
    deck, err = _deck(src, tmp_path / "out")
    assert "[math]" not in err, err
    slide = deck.slides[1]
    assert not [sh for sh in slide.shapes if sh.name.startswith("Code")]
    said = "".join(_MATH_TEXT.findall(slide._element.xml)).replace("\xa0", " ")
    assert said.count("Å") == 3 and "GHz" in said, said
    assert "Gauß and Schrödinger, été, ç, ø, naïve" in said, said
    words = " ".join(sh.text_frame.text for sh in slide.shapes if sh.has_text_frame)
    assert "\\" not in words, words


def test_pictures_in_the_cells_of_an_html_table_are_drawn_side_by_side(tmp_path):
    # the cells' pictures were lost (an empty table) with a warning about links and headings, at the
    # table's line; pandoc reads a cell's Markdown and shows them
    _picture(tmp_path / "pic.png")
    src = write_md(
        tmp_path,
        """
        ---
        title: Pictures in a table
        ---

        # Side by side

        <table>
          <tr>
            <td>![Left](pic.png){height=400px}</td>
            <td><img src="pic.png" alt="Right" width="200"></td>
          </tr>
          <tr>
            <td>First words</td>
            <td>Second words</td>
          </tr>
        </table>

        # In a centre

        <center>
        <table>
        <tr><td>![One](pic.png)</td><td>![Two](gone.png)</td></tr>
        </table>
        </center>
        """,
    )
    deck, err = _deck(src, tmp_path / "out")
    assert "inline-image" not in err, err
    assert "lecture.md:22: warning: picture 'gone.png' not found" in err, err
    first, second = deck.slides[1], deck.slides[2]
    assert not [sh for s in (first, second) for sh in s.shapes if sh.has_table]
    pictures = [sh for sh in first.shapes if sh.shape_type == 13]
    assert len(pictures) == 2
    assert pictures[0].top == pictures[1].top and pictures[0].left < pictures[1].left
    words = [sh for sh in first.shapes if sh.has_text_frame and "words" in sh.text_frame.text]
    assert [w.text_frame.text for w in words] == ["First words", "Second words"]
    assert min(w.top for w in words) > pictures[0].top
    assert [sh for sh in second.shapes if sh.shape_type == 13]
    assert "[missing picture: gone.png]" in " ".join(
        sh.text_frame.text for sh in second.shapes if sh.has_text_frame
    )


def test_a_picture_in_a_pipe_table_cell_is_said_to_be_in_a_table_cell(tmp_path):
    src = write_md(
        tmp_path,
        """
        # Table

        | A | B |
        |---|---|
        | ![Logo](pic.png) | x |
        """,
    )
    _picture(tmp_path / "pic.png")
    _, err = _deck(src, tmp_path / "out")
    assert "lecture.md:5: warning: a picture inside a link, a heading or a table cell" in err, err


def test_bullet_items_that_begin_with_a_number_are_each_one_bulleted_line(tmp_path):
    # the first item lost its bullet (a numbered list one level down) and each item was followed by an
    # empty bulleted paragraph; remark and pandoc show a bullet and the number on every line
    src = write_md(
        tmp_path,
        """
        ---
        title: Agenda
        ---

        ## Agenda

        * 1. The Optimization Trap
        * 2. A Genealogy
          with a second line
        * 3. Failure Modes
        """,
    )
    deck, err = _deck(src, tmp_path / "out")
    body = next(sh for sh in deck.slides[1].shapes if sh.has_text_frame and "Trap" in sh.text_frame.text)
    paras = body.text_frame.paragraphs
    assert [p.text for p in paras] == [
        "1. The Optimization Trap",
        "2. A Genealogy with a second line",
        "3. Failure Modes",
    ]
    assert {p.level for p in paras} == {0}
    for p in paras:  # (the body's own bullet: no autonumber, no bullet turned off)
        marks = [c.tag.rsplit("}", 1)[1] for c in (p._p.pPr if p._p.pPr is not None else [])]
        assert not {"buNone", "buAutoNum"} & set(marks), marks


def test_a_quarto_formats_title_keys_and_language_are_the_lectures(tmp_path):
    # subtitle, author, institute and lang under `format: revealjs:` (here in a project's _metadata.yml,
    # over its top-level lang) were dropped without a word; Quarto merges them into the document's metadata
    (tmp_path / "_quarto.yml").write_text("project:\n  type: default\nlang: en-US\n", encoding="utf-8")
    (tmp_path / "_metadata.yml").write_text(
        "lang: en-US\n"
        "format:\n"
        "  revealjs:\n"
        "    subtitle: Technologies Big Data\n"
        "    author: Équipe de Statistique\n"
        "    institute: Université Paris-Cité\n"
        "    lang: fr\n"
        "    slide-number: c/t\n"
        "    footer: Course footer\n",
        encoding="utf-8",
    )
    src = write_md(
        tmp_path,
        """
        ---
        title: "Spark tips"
        footer: Lecture footer
        format: revealjs
        ---

        ## Une diapositive

        ::: {.callout-tip}
        Texte de la note.
        :::
        """,
        "lecture.qmd",
    )
    deck, err = _deck(src, tmp_path / "out")
    cover = [p.text for sh in deck.slides[0].shapes if sh.has_text_frame for p in sh.text_frame.paragraphs]
    assert cover[:4] == [
        "Spark tips",
        "Technologies Big Data",
        "Équipe de Statistique",
        "Université Paris-Cité",
    ]
    words = [p.text for sh in deck.slides[1].shapes if sh.has_text_frame for p in sh.text_frame.paragraphs]
    assert "Astuce" in words, words  # (the callout's title in French)
    assert "Lecture footer" in words, words  # (the front matter's own key is written further in: it wins)
    assert "_metadata.yml:8: note: options of 'format: revealjs' Podium does not use: slide-number" in err, (
        err
    )


def test_a_format_option_wins_over_the_same_key_at_the_top_of_its_file(tmp_path):
    src = write_md(
        tmp_path,
        """
        ---
        title: Top title
        subtitle: Top subtitle
        format:
          pptx:
            subtitle: Format subtitle
        ---

        ## A slide

        Text.
        """,
    )
    deck, err = _deck(src, tmp_path / "out")
    cover = [p.text for sh in deck.slides[0].shapes if sh.has_text_frame for p in sh.text_frame.paragraphs]
    assert cover[:2] == ["Top title", "Format subtitle"], cover
    assert "unused-key" not in err, err


def test_an_unlisted_heading_is_left_out_of_the_contents_slide_and_the_handouts_contents(tmp_path):
    # `# Thank you ! {.unlisted}` was listed on the contents slide and in the handout's contents
    src = write_md(
        tmp_path,
        """
        ---
        title: "TOC test"
        format:
          revealjs:
            toc: true
            toc-depth: 1
        ---

        # Part one

        ## A slide

        Text.

        ## Hidden from the list {.unlisted}

        More text.

        # Thank you ! {.unlisted}
        """,
        "lecture.qmd",
    )
    out = tmp_path / "out"
    deck, err = _deck(src, out, "all")
    contents = [p.text for sh in deck.slides[1].shapes if sh.has_text_frame for p in sh.text_frame.paragraphs]
    assert "Part one" in contents and "Thank you !" not in contents, contents
    assert "Thank you !" in [sh.text_frame.text for sh in deck.slides[-1].shapes if sh.has_text_frame]
    handout = subprocess.run(
        ["pdftotext", "-layout", str(out / "lecture-handout.pdf"), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    toc = handout[handout.index("Contents") : handout.index("Page 2")]
    assert "Part one" in toc and "A slide" in toc, toc
    assert "Thank you" not in toc and "Hidden from the list" not in toc, toc
    assert "Thank you" in handout[handout.index("Page 2") :] and "Hidden from the list" in handout


def test_the_line_after_br_starts_without_a_space(tmp_path):
    # after `<br><br>` on a line of its own the next line began with a space in the deck
    src = write_md(
        tmp_path,
        """
        ---
        title: Breaks
        ---

        ## Slide

        First sentence.
        <br><br>
        Second sentence.

        Third<br>
        **Fourth** sentence.
        """,
    )
    deck, _ = _deck(src, tmp_path / "out")
    body = next(sh for sh in deck.slides[1].shapes if sh.has_text_frame and "First" in sh.text_frame.text)
    runs = [r.text for p in body.text_frame.paragraphs for r in p.runs]
    assert "Second sentence." in runs and "Fourth" in runs, runs
    assert not [r for r in runs if r.startswith(" ") and r != " sentence."], runs
    lines = [line for p in body.text_frame.paragraphs for line in p.text.split("\v")]
    assert "Second sentence." in lines and "Fourth sentence." in lines, lines
