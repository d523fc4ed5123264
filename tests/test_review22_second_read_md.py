"""Review 22, a second read of the session's Markdown changes: lectures that built before still build
as they did.  A Quarto format's ``template:`` (pandoc's template file) is not Podium's template."""

from __future__ import annotations

from pathlib import Path

from .conftest import deck_titles, run_cli, write_md

QUARTO_PANDOC_TEMPLATE = """\
---
title: "Regression Basics"
author: Ann Lee
format:
  {fmt}:
    template: {template}
    subtitle: "Week 3"
---

## Fitting a line

- least squares
"""


def _deck(tmp_path: Path, text: str, name: str = "lecture.md"):
    from pptx import Presentation

    src = write_md(tmp_path, text, name)
    out = tmp_path / "out"
    result = run_cli("slides", src, "-o", out)
    assert result.exit_code == 0, result.stderr
    return Presentation(str(out / (src.stem + ".pptx"))), result.stderr


def test_a_quarto_formats_pandoc_template_is_not_podiums_template(tmp_path):
    for fmt, template in (("revealjs", "mytemplate.html"), ("beamer", "mytemplate.tex")):
        folder = tmp_path / fmt
        folder.mkdir()
        prs, stderr = _deck(folder, QUARTO_PANDOC_TEMPLATE.format(fmt=fmt, template=template), "slides.qmd")
        assert deck_titles(prs) == ["Regression Basics", "Fitting a line"]
        assert "unknown template" not in stderr
        # (the format's other options are still the lecture's: its subtitle on the title slide)
        assert "Week 3" in "\n".join(sh.text_frame.text for sh in prs.slides[0].shapes if sh.has_text_frame)


PANDOC_LATER_BLOCKS = """\
---
title: Linear Algebra
author: A. Teacher
---

# Vectors

- a vector has a length

---
title: Part 2 - Matrices
---

# Matrices

- a matrix is a table

---
nocite: "@*"
---
"""


def test_a_pandoc_lecture_with_two_later_metadata_blocks_is_not_read_as_slidev(tmp_path):
    prs, stderr = _deck(tmp_path, PANDOC_LATER_BLOCKS)
    # (pandoc's reading: headings make the slides, the later title replaces the first, said)
    assert deck_titles(prs) == ["Part 2 - Matrices", "Vectors", "Matrices"]
    assert "Slidev" not in stderr.split("[front-matter]")[-1]
    assert "replaces the lecture's title" in stderr


HTML_DATA_TABLE = """\
---
title: Languages
---

## Compared

<table>
<tr><th>Language</th><th>Logo</th><th>Typing</th></tr>
<tr><td>Python</td><td><img src="logo.png" alt="Python logo"></td><td>dynamic</td></tr>
<tr><td>Rust</td><td>(none yet)</td><td>static</td></tr>
<tr><td>Go</td><td>gopher</td><td>static</td></tr>
</table>
"""


def test_an_html_table_of_data_with_a_picture_in_a_cell_stays_a_table(tmp_path):
    from PIL import Image

    Image.new("RGB", (40, 30), (40, 90, 200)).save(tmp_path / "logo.png")
    prs, _ = _deck(tmp_path, HTML_DATA_TABLE)
    tables = [sh.table for sh in prs.slides[1].shapes if sh.has_table]
    assert len(tables) == 1
    rows = [[c.text for c in r.cells] for r in tables[0].rows]
    assert rows[0] == ["Language", "Logo", "Typing"]
    assert rows[2] == ["Rust", "(none yet)", "static"]


MARP_LEAD_SECTIONS = """\
---
marp: true
theme: gaia
---

![bg](cover.png)

---

<!-- _class: lead -->

# Part 1: Basics

---

## Variables

- a name for a value

---

<!-- _class: lead -->

# Part 2: Loops

---

## For

- repeat
"""


def test_a_marp_decks_lead_section_slides_stay_after_its_picture_cover(tmp_path):
    from PIL import Image

    Image.new("RGB", (400, 300), (40, 90, 200)).save(tmp_path / "cover.png")
    prs, stderr = _deck(tmp_path, MARP_LEAD_SECTIONS)
    # (`lead` is the deck's section slides' class: its first is no title slide moved before the cover)
    assert [sh.shape_type for sh in prs.slides[0].shapes if sh.shape_type == 13]
    assert deck_titles(prs)[1:] == ["Part 1: Basics", "Variables", "Part 2: Loops", "For"]
    assert "comes second" not in stderr


UNLISTED_SECTION = """\
---
title: Sections
---

# Alpha

## Apples

- a

# Extras {.unlisted}

## Bonus material

- b

# Gamma

## Grapes

- g
"""


def test_an_unlisted_sections_slides_are_not_listed_under_the_section_before_it(tmp_path):
    import subprocess

    src = write_md(tmp_path, UNLISTED_SECTION)
    out = tmp_path / "out"
    result = run_cli("handout", src, "-o", out)
    assert result.exit_code == 0, result.stderr
    text = subprocess.run(
        ["pdftotext", "-layout", str(out / "lecture-handout.pdf"), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    contents = text[text.index("Contents") : text.index("Page 2")]
    # (pandoc leaves the unlisted heading out of the contents, and its section's slides with it)
    assert "Apples" in contents and "Grapes" in contents
    assert "Extras" not in contents and "Bonus material" not in contents
