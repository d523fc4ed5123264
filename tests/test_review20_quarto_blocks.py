"""Review 20 (k): Quarto lecture blocks — an HTML table inside a wrapper ``<div>``, braces at a heading's
end that pandoc reads as text, and a code block's ``filename``."""

from __future__ import annotations

import pytest

from tests.conftest import built_from_text, deck_titles, paragraph_texts

_HEADINGS = [  # (as pandoc 3.9 reads each: `-t native`)
    ("Joining with {dplyr}", "Joining with {dplyr}"),
    ("Plots with {ggplot2}", "Plots with {ggplot2}"),
    ("Why {R}", "Why {R}"),
    ("Bad class {.1a}", "Bad class {.1a}"),
    ("Not a pair {k=v w}", "Not a pair {k=v w}"),
    ("Numbered not {-}", "Numbered not"),
    ("Quiet {.unnumbered}", "Quiet"),
    ("Named {#intro}", "Named"),
    ('Red {style="color: red"}', "Red"),
    ("Two blocks {.x} {.smaller}", "Two blocks {.x}"),
]


def test_heading_braces_pandoc_reads_as_text_stay_in_the_title(tmp_path):
    slides = "".join(f"## {heading}\n\nText.\n\n" for heading, _ in _HEADINGS)
    prs, handout, err = built_from_text(tmp_path, f"---\ntitle: Braces\n---\n\n{slides}")
    assert deck_titles(prs)[1:] == [title for _, title in _HEADINGS]
    flat = " ".join(handout.split())
    assert all(title in flat for _, title in _HEADINGS)
    assert "warning" not in err and "agree" in err


_TABLE = """<table>
  <thead>
    <tr>
      <th>$p$</th>
      <th>q</th>
    </tr>
  </thead>
  <tbody>
    <tr>
      <td>T</td>
      <td>F</td>
    </tr>
  </tbody>
</table>"""


def _tables(slide) -> list[list[str]]:
    return [[c.text for row in sh.table.rows for c in row.cells] for sh in slide.shapes if sh.has_table]


@pytest.mark.parametrize(
    ("opening", "closing", "warned"),
    [
        ('<div style="display:flex; justify-content:center;">', "</div>", False),
        ('<div style="display:flex; justify-content:center; margin-top:1rem;">', "</div>", True),
        ("<div>", "</div>", False),
        ('<div class="truth-table">', "</div>", False),  # (a div, as pandoc reads it: review 26)
        ('<div align="center"><div style="font-size: 80%">', "</div></div>", True),
    ],
)
def test_html_table_inside_a_wrapper_div_is_a_table(tmp_path, opening, closing, warned):
    prs, handout, err = built_from_text(
        tmp_path,
        "---\ntitle: Truth\n---\n\n## Modus ponens\n\n"
        + f"{opening}\n{_TABLE}\n{closing}\n\nAfter the table.\n",
    )
    slides = list(prs.slides)
    assert len(slides) == 2  # (no "(cont.)" slides of single letters)
    assert [t[1:] for t in _tables(slides[1])] == [["q", "T", "F"]]
    assert "After the table." in paragraph_texts(slides[1])
    assert "(cont.)" not in handout
    assert ("[raw-html]" in err) is warned, err
    assert "lecture.md:7: warning" in err if warned else "warning" not in err


def test_wrapper_div_centres_its_words_and_keeps_pictures_and_lists(tmp_path):
    from PIL import Image

    Image.new("RGB", (40, 30), "red").save(tmp_path / "dot.png")
    prs, handout, err = built_from_text(
        tmp_path,
        """
        ---
        title: Wrapped
        ---

        ## Centred words

        <div style="display: flex; justify-content: center">
        Some **centred** words.
        </div>

        ## A picture and a list

        <div class="my-box">
        <img src="dot.png" alt="A red dot">
        <ul>
        <li>one</li>
        <li>two</li>
        </ul>
        </div>
        """,
    )
    from pptx.enum.text import PP_ALIGN

    slides = list(prs.slides)
    centred = [
        p.alignment
        for sh in slides[1].shapes
        if sh.has_text_frame
        for p in sh.text_frame.paragraphs
        if p.text == "Some centred words."
    ]
    assert centred == [PP_ALIGN.CENTER]
    pictures = [
        sh for sh in slides[2].shapes if sh.shape_type is not None and sh.shape_type.name == "PICTURE"
    ]
    assert len(pictures) == 1
    assert ["one", "two"] == [t for t in paragraph_texts(slides[2]) if t in ("one", "two")]
    assert "lecture.md:7: warning" not in err
    assert "lecture.md:14: warning: raw HTML" in err  # (`<div class="my-box">` is a div: its `<img>`)


def test_code_file_name_is_shown_above_the_code_in_deck_and_handout(tmp_path):
    prs, handout, err = built_from_text(
        tmp_path,
        """
        ---
        title: Files
        format: revealjs
        ---

        ## Frequencies

        ```{.r filename="frequencies.R"}
        table(student_data$programme)
        ```

        ## A cell

        ```{python}
        #| echo: true
        #| filename: run.py
        print("hi")
        ```
        """,
    )
    slides = list(prs.slides)
    for slide, name, code in ((slides[1], "frequencies.R", "table("), (slides[2], "run.py", "print(")):
        boxes = [sh for sh in slide.shapes if sh.has_text_frame]
        label = next(sh for sh in boxes if sh.text_frame.text == name)
        body = next(sh for sh in boxes if sh.text_frame.text.startswith(code))
        assert label.top < body.top and label.left == body.left
        assert (
            label.text_frame.paragraphs[0].runs[0].font.size < body.text_frame.paragraphs[0].runs[0].font.size
        )
    flat = handout.split()
    assert flat.index("frequencies.R") < flat.index("table(student_data$programme)")
    assert flat.index("run.py") < flat.index('print("hi")')
    assert "agree" in err
