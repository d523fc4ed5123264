"""Decks written for pandoc or Quarto come through whole (issue 10): raw HTML keeps its words, raw TeX
never reaches a slide (beamer notes go to the notes), Quarto's conventions, front matter as pandoc
reads it (after a licence comment, several blocks, toc, bibliography with CSL citations), mistyped
structural classes, and the small things (spans over two lines, trailing backslash, table captions
and attributes, dashes in captions).  Outputs are read back with python-pptx and pypdf."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from pptx import Presentation
from pypdf import PdfReader

from podium import model as m
from podium.diagnostics import Diagnostics
from podium.pipeline import BuildOptions, build_handout, build_slides
from podium.reader import parse_lecture
from podium.verify import frame_text

from .conftest import run_cli


def png(path: Path, size=(40, 30)) -> Path:
    from PIL import Image

    Image.new("RGB", size, (30, 120, 200)).save(path)
    return path


def slides_of(deck: Path) -> list[dict]:
    """Per slide: title, body text (everything but title, footer and slide number), notes, pictures."""
    out = []
    for s in Presentation(str(deck)).slides:
        title = frame_text(s.shapes.title.text_frame) if s.shapes.title is not None else ""
        body = []
        pics = 0
        for sh in s.shapes:
            if sh.shape_type == 13:
                pics += 1
            if (
                sh.has_text_frame
                and sh != s.shapes.title
                and not (sh.is_placeholder and sh.placeholder_format.type in (13, 15, 16))
            ):
                body.append(frame_text(sh.text_frame))
        notes = s.notes_slide.notes_text_frame.text if s.has_notes_slide else ""
        out.append(
            {"title": title, "body": "\n".join(body), "notes": notes, "pictures": pics, "xml": s._element}
        )
    return out


def pdf_text(pdf: Path) -> str:
    return "\n".join(p.extract_text() or "" for p in PdfReader(str(pdf)).pages)


def build_both(src: Path):
    diags = Diagnostics()
    out = src.parent / "out"
    deck = build_slides(src, BuildOptions(out_dir=out), diags)
    pdf = build_handout(src, BuildOptions(out_dir=out), diags)
    return slides_of(deck), pdf_text(pdf), diags


def by_title(slides, title):
    found = [s for s in slides if s["title"] == title]
    assert found, [s["title"] for s in slides]
    return found[0]


def warnings_at(diags, code):
    return [(d.pos.line if d.pos else 0, d.message) for d in diags.items if d.code == code]


TAG = re.compile(r"</?[a-zA-Z][a-zA-Z0-9]*(\s[^<>]*)?/?>")
TEX_COMMAND = re.compile(r"\\[A-Za-z]{2,}")

# --------------------------------------------------------------------------- one pandoc-flavoured lecture

LECTURE = r"""<!-- SPDX-License-Identifier: CC-BY-4.0 -->
<!-- a second licence line -->

---
title: Pandoc-flavoured
toc: true
bibliography: refs.bib
revealjs-plugins: [notes]
---

# Raw markup

## HTML

<p style="font-size: 30px;">Log into your **CogLab** account</p>

<p style="
font-size: 2.2em; color: #6971E0;">Colour words kept</p>

First line<br>second line and <span style="color:red">red words</span>.

<img src="pic.png" alt="A blue box" width="40%">

<img src="../outside.png" alt="Outside">

<!-- a comment nobody sees -->

<script>alert("never")</script>

## TeX

Words stay. \note{Speaker-only remark.}

\bigskip

\today{}

\DeclareMathOperator{\argmin}{arg\,min}

Best $\argmin_x f(x)$ here.

# Small things

## Mistyped

::: note
Notes typed as note.
:::

::: handouts
Handout typed as handouts.
:::

::: instuctor
Answer typed for the instuctor.
:::

## Tables and spans

| Term | Meaning |
|------|---------|
| a    | b       |
: The table -- with a caption {#tbl-x tbl-colwidths="[30,70]"}

A [spanned
phrase]{.mark} and a hard break at the end\

![Caption -- with a dash](pic.png)

## Citations

Freedom is development [@sen1999, p. 3]. @knuth1984 typeset it [-@knuth1984].

---
subtitle: From a second metadata block
---
"""

BIB = """@book{knuth1984, author = {Donald E. Knuth}, title = {The {TeX}book}, publisher = {Addison-Wesley},
  year = {1984}}
@article{sen1999, author = {Amartya Sen}, title = {Development as Freedom}, journal = {Journal of Things},
  year = {1999}, volume = {3}, pages = {1--10}}
"""


@pytest.fixture(scope="module")
def pandoc_lecture(tmp_path_factory):
    root = tmp_path_factory.mktemp("pandoc-lecture")
    folder = root / "lecture"
    folder.mkdir()
    png(folder / "pic.png")
    png(root / "outside.png")
    (folder / "refs.bib").write_text(BIB, encoding="utf-8")
    src = folder / "lecture.md"
    src.write_text(LECTURE, encoding="utf-8")
    return build_both(src)


def test_front_matter_after_licence_comments_and_merged_blocks(pandoc_lecture):
    slides, handout, diags = pandoc_lecture
    assert slides[0]["title"] == "Pandoc-flavoured"
    assert "From a second metadata block" in slides[0]["body"]  # subtitle from the second block
    assert not any("title:" in s["body"] or "SPDX" in s["body"] for s in slides)
    notes = [d for d in diags.items if d.code == "unused-key"]
    assert len(notes) == 1 and notes[0].severity == "note" and "revealjs-plugins" in notes[0].message


def test_toc_adds_an_agenda_slide_of_the_sections(pandoc_lecture):
    slides, handout, _ = pandoc_lecture
    assert slides[1]["title"] == "Contents"
    assert slides[1]["body"].split("\n") == ["Raw markup", "Small things"]
    assert "Contents" in handout


def test_raw_html_keeps_its_words_and_drops_its_tags(pandoc_lecture):
    slides, handout, diags = pandoc_lecture
    s = by_title(slides, "HTML")
    assert "Log into your CogLab account" in s["body"] and "Colour words kept" in s["body"]
    assert "font-size" not in s["body"] and "color" not in s["body"] and "alert" not in s["body"]
    assert "First line\vsecond line and red words." in s["body"]  # <br> is a line break
    assert not TAG.search(s["body"])
    bold = [
        r
        for r in s["xml"].iter("{http://schemas.openxmlformats.org/drawingml/2006/main}r")
        if r.find("{*}t") is not None and r.find("{*}t").text == "CogLab"
    ]
    assert bold and bold[0].find("{*}rPr").get("b") == "1"  # the Markdown inside the HTML is read
    assert s["pictures"] >= 1  # <img src="pic.png">
    assert [c for _, c in warnings_at(diags, "raw-html")] == [
        warnings_at(diags, "raw-html")[0][1]
    ]  # one per slide
    assert warnings_at(diags, "raw-html")[0][0] == 15
    assert any("../outside.png" in msg for _, msg in warnings_at(diags, "outside-project"))
    assert "Log into your CogLab account" in handout and "alert" not in handout


def test_raw_tex_never_reaches_a_slide_and_note_is_a_speaker_note(pandoc_lecture):
    slides, handout, diags = pandoc_lecture
    s = by_title(slides, "TeX")
    assert "Words stay." in s["body"] and "Speaker-only remark." not in s["body"]
    assert "Speaker-only remark." in s["notes"]
    assert not TEX_COMMAND.search(s["body"])
    lines = [d.pos.line for d in diags.items if d.code == "raw-tex" and d.severity == "warning"]
    assert lines == [36]  # \today{}, at its line
    (spacing,) = [d for d in diags.items if d.code == "raw-tex" and d.severity == "note"]
    assert spacing.pos.line == 34 and "\\bigskip" in spacing.message  # spacing only: one note
    # \DeclareMathOperator defined a macro the math uses (no warning, no text)
    assert not any("DeclareMathOperator" in msg for _, msg in warnings_at(diags, "raw-tex"))
    math_text = "".join(
        t.text or "" for t in s["xml"].iter("{http://schemas.openxmlformats.org/officeDocument/2006/math}t")
    )
    assert "arg" in math_text and "\\" not in math_text


def test_mistyped_structural_classes_are_read_as_meant_with_a_warning(pandoc_lecture):
    slides, handout, diags = pandoc_lecture
    s = by_title(slides, "Mistyped")
    assert "Notes typed as note." not in s["body"] and "Handout typed as handouts." not in s["body"]
    assert "Notes typed as note." in s["notes"]
    assert "Handout typed as handouts." in handout
    msgs = [msg for _, msg in warnings_at(diags, "unknown-class")]
    assert any("'::: note'" in msg and "'::: notes'" in msg for msg in msgs)
    assert any("'::: handouts'" in msg and "'::: handout'" in msg for msg in msgs)
    assert any("'::: instuctor'" in msg and "'::: instructor'" in msg for msg in msgs)
    assert "Answer typed for the instuctor." not in s["body"]


def test_table_caption_attributes_span_and_hard_break(pandoc_lecture):
    slides, handout, diags = pandoc_lecture
    s = by_title(slides, "Tables and spans")
    assert "tbl-colwidths" not in s["body"] and "#tbl-x" not in s["body"] and "{" not in s["body"]
    assert "A spanned phrase and a hard break at the end" in s["body"].replace("\n", " ")
    assert not s["body"].rstrip().endswith("\\") and "\\" not in s["body"]
    tables = [g for g in s["xml"].iter("{http://schemas.openxmlformats.org/drawingml/2006/main}tbl")]
    cols = [
        int(c.get("w"))
        for c in tables[0].iter("{http://schemas.openxmlformats.org/drawingml/2006/main}gridCol")
    ]
    assert abs(cols[0] / sum(cols) - 0.3) < 0.02  # tbl-colwidths applied
    assert "The table – with a caption" in handout and "tbl-colwidths" not in handout
    assert "Caption – with a dash" in handout


def test_citations_through_csl_and_a_references_slide(pandoc_lecture):
    slides, handout, diags = pandoc_lecture
    s = by_title(slides, "Citations")
    assert "(Sen, 1999, p. 3)" in s["body"] and "Knuth (1984) typeset it (1984)." in s["body"]
    assert "@" not in s["body"]
    refs = slides[-1]
    assert refs["title"] == "References"
    assert refs["body"].index("Knuth, D.E. (1984)") < refs["body"].index("Sen, A. (1999)")
    assert "References" in handout and "Knuth, D.E. (1984) The TeXbook" in handout


def test_no_slide_shows_tex_or_html_outside_code(pandoc_lecture):
    slides, _, _ = pandoc_lecture
    for s in slides:
        assert not TAG.search(s["body"]), s["body"]
        assert not TEX_COMMAND.search(s["body"]), s["body"]


# --------------------------------------------------------------------------- Quarto

QMD = """---
title: A Quarto deck
format: revealjs
---

## Cells

```{r}
#| echo: true
#| label: fit
library(tidymodels)
fit <- lm(y ~ x)
```

```{python}
#| echo: false
print("hidden cell")
```

::: {.callout-tip}
## Remember this
Callouts are boxes.
:::

::: {.callout-warning}
No title given.
:::

## Smaller {.smaller}

Small text.

## Hidden {visibility="hidden"}

Secret slide.

## Also hidden {.hidden}

Secret too.

{{< include _part.qmd >}}

{{< fa thumbs-up >}} Emoji shortcode.

# Break

```{r}
x <- 1
```
"""

PART = """## Included

Included text {{< kbd Ctrl-C >}}.

""" + "".join(f"##\n\nQuestion {i}\n\n" for i in range(1, 14))


@pytest.fixture(scope="module")
def quarto_deck(tmp_path_factory):
    folder = tmp_path_factory.mktemp("quarto")
    (folder / "_part.qmd").write_text(PART, encoding="utf-8")
    src = folder / "deck.qmd"
    src.write_text(QMD, encoding="utf-8")
    return build_both(src)


def test_quarto_slide_level_is_2_and_untitled_slides_stay_apart(quarto_deck):
    slides, _, _ = quarto_deck
    questions = [s for s in slides if s["body"].startswith("Question ")]
    assert len(questions) == 13  # 13 untitled ## slides, not one
    assert any(s["title"] == "Break" for s in slides)


def test_quarto_cells_are_code_without_options_and_echo_false_is_left_out(quarto_deck):
    slides, handout, diags = quarto_deck
    s = by_title(slides, "Cells")
    assert "library(tidymodels)" in s["body"] and "#|" not in s["body"] and "hidden cell" not in s["body"]
    assert "hidden cell" not in handout and "#|" not in handout
    notes = [d for d in diags.items if d.code == "code-cell"]
    assert len(notes) == 1 and notes[0].severity == "note" and "not run" in notes[0].message


def test_quarto_callouts_are_titled_boxes(quarto_deck):
    slides, handout, _ = quarto_deck
    s = by_title(slides, "Cells")
    assert "Remember this" in s["body"] and "Callouts are boxes." in s["body"]
    assert "Warning" in s["body"]  # the default title
    boxes = [
        sp
        for sp in s["xml"].iter("{http://schemas.openxmlformats.org/presentationml/2006/main}sp")
        if sp.find(".//{*}cNvPr").get("name") == "Callout"
    ]
    assert len(boxes) == 2 and all(
        b.find(".//{*}spPr/{*}solidFill") is not None for b in boxes
    )  # filled boxes
    assert "Remember this" in "".join(t.text or "" for t in boxes[0].iter("{*}t"))
    assert "Remember this" in handout and "Warning" in handout


def test_quarto_hidden_slides_are_left_out_of_both(quarto_deck):
    slides, handout, _ = quarto_deck
    assert not any("Secret" in s["body"] or s["title"] in ("Hidden", "Also hidden") for s in slides)
    assert "Secret" not in handout


def test_quarto_include_and_shortcodes(quarto_deck):
    slides, handout, diags = quarto_deck
    s = by_title(slides, "Included")
    assert "Included text Ctrl-C." in s["body"]
    assert "{{<" not in "".join(x["body"] for x in slides)
    shortcode = warnings_at(diags, "shortcode")
    assert len(shortcode) == 1 and "fa" in shortcode[0][1] and shortcode[0][0] == 43
    assert any("Emoji shortcode." in s["body"] for s in slides)  # the words around it stay


def test_include_outside_the_lecture_folder_is_refused(tmp_path):
    folder = tmp_path / "lecture"
    folder.mkdir()
    (tmp_path / "secret.qmd").write_text("## Secret\n\nTOP-SECRET\n", encoding="utf-8")
    src = folder / "deck.qmd"
    src.write_text("---\ntitle: T\n---\n\n## A\n\n{{< include ../secret.qmd >}}\n", encoding="utf-8")
    slides, handout, diags = build_both(src)
    assert "TOP-SECRET" not in handout and not any("TOP-SECRET" in s["body"] for s in slides)
    assert warnings_at(diags, "outside-project")[0][0] == 7


def test_content_qmd_is_built_like_md(tmp_path, monkeypatch, cli):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "week1.qmd").write_text(
        "---\ntitle: Week 1\n---\n\n## A\n\ntext\n", encoding="utf-8"
    )
    result = cli("slides", "-o", "out")
    assert result.exit_code == 0, result.output
    assert (tmp_path / "out" / "week1.pptx").is_file()


def test_quarto_smaller_slide_has_smaller_type(quarto_deck):
    slides, _, _ = quarto_deck
    s = by_title(slides, "Smaller")
    runs = [
        r
        for r in s["xml"].iter("{http://schemas.openxmlformats.org/drawingml/2006/main}r")
        if r.find("{*}t") is not None and r.find("{*}t").text == "Small text."
    ]
    size = runs[0].find("{*}rPr").get("sz")
    cells = by_title(slides, "Included")  # an ordinary slide keeps the template's size (none written)
    plain = [
        r
        for r in cells["xml"].iter("{http://schemas.openxmlformats.org/drawingml/2006/main}r")
        if r.find("{*}t") is not None and "Included text" in r.find("{*}t").text
    ]
    assert size is not None and plain[0].find("{*}rPr").get("sz") is None
    assert int(size) <= 0.8 * 2800 + 1  # the default body type is 28 pt


def test_attributes_after_links_and_code_are_applied_not_printed(tmp_path):
    src = tmp_path / "lecture.md"
    src.write_text(
        '## T\n\n[Loop, *Smooth*, 1987](https://example.org/t.pdf){target="_blank" .footer} and '
        "`x = 1`{.python} end\n",
        encoding="utf-8",
    )
    slides, handout, _ = build_both(src)
    assert "Loop, Smooth, 1987 and x = 1 end" in slides[0]["body"]
    assert "target" not in slides[0]["body"] + handout and "{" not in slides[0]["body"]


def test_quarto_format_options_can_set_the_slide_level(tmp_path):
    from podium.reader import parse_lecture

    text = "---\ntitle: T\nformat:\n  revealjs:\n    slide-level: 3\n---\n\n# A\n\n## B\n\n### C\n\ntext\n"
    lec = parse_lecture(text, "deck.qmd", Diagnostics())
    assert lec.slide_level == 3 and [m.plain_text(s.title) for s in lec.slides][-1] == "C"


def test_beamer_note_over_several_paragraphs_is_one_speaker_note(tmp_path):
    src = tmp_path / "lecture.md"
    src.write_text(
        "## T\n\nVisible text.\n\n\\note{First note paragraph with *emphasis*.\n\n- a note bullet\n"
        "- another}\n\n\\vspace{1em}\n\nMore text.\n",
        encoding="utf-8",
    )
    slides, handout, diags = build_both(src)
    s = slides[0]
    assert "Visible text." in s["body"] and "More text." in s["body"]
    assert "note" not in s["body"] and "bullet" not in s["body"] and "vspace" not in s["body"]
    assert "First note paragraph with emphasis." in s["notes"] and "a note bullet" in s["notes"]
    assert not [d for d in diags.items if d.code == "raw-tex" and d.severity == "warning"]  # \vspace: a note
    assert [d.pos.line for d in diags.items if d.code == "raw-tex"] == [10]


BEAMER = r"""---
title: Consumer choice
format:
  revealjs:
    incremental: true
---

## Definitions

::: {.block title="Definition"}
A **preference** is complete and transitive.
:::

::: {.alertblock title="Careful"}
Not every utility is \alert{cardinal}, says \textcolor{red}{Hicks}.
:::

::: exampleblock
An untitled example.
:::

\pause

- one
- two

## Columns

:::: columns
::: {.column width="0.3\textwidth"}
Left
:::
::: {.column width="0.7\textwidth"}
Right
:::
::::
"""


def test_beamer_blocks_are_titled_boxes_and_beamer_commands_keep_their_words(tmp_path):
    src = tmp_path / "lecture.md"
    src.write_text(BEAMER, encoding="utf-8")
    slides, handout, _ = build_both(src)
    body = by_title(slides, "Definitions")["body"]
    for words in (
        "Definition",
        "A preference is complete",
        "Careful",
        "cardinal",
        "Hicks",
        "An untitled example.",
    ):
        assert words in body and words in " ".join(handout.split()), words
    assert "Note" not in body and "Tip" not in body  # an untitled block gets no made-up title
    prs = Presentation(str(tmp_path / "out" / "lecture.pptx"))
    boxes = [s for s in prs.slides[1].shapes if s.has_text_frame and "complete and" in s.text_frame.text]
    assert boxes and not boxes[0].is_placeholder  # drawn as a box of its own, as callouts are
    timing = prs.slides[1]._element.find("{http://schemas.openxmlformats.org/presentationml/2006/main}timing")
    assert timing is not None  # \pause and format: revealjs: incremental: true both make clicks


def test_beamer_column_widths_in_textwidth_are_honoured(tmp_path):
    src = tmp_path / "lecture.md"
    src.write_text(BEAMER, encoding="utf-8")
    build_both(src)
    prs = Presentation(str(tmp_path / "out" / "lecture.pptx"))
    cols = {
        s.text_frame.text: s.width
        for s in prs.slides[2].shapes
        if s.has_text_frame and s.text_frame.text in ("Left", "Right")
    }
    assert 0.3 < cols["Left"] / (cols["Left"] + cols["Right"]) < 0.36, cols


def test_macros_defined_in_header_includes_are_the_lectures_macros(tmp_path):
    src = tmp_path / "lecture.md"
    src.write_text(
        "---\ntitle: Physics\nheader-includes:\n  - \\usepackage{siunitx}\n  - \\newcommand{\\R}{\\mathbb{R}}\n"
        "  - |\n    \\newcommand{\\omegaz}{\\omega_0}\n    \\DeclareMathOperator{\\bigO}{\\mathcal{O}}\n---\n\n"
        "## Oscillator\n\nThe frequency $\\omegaz$ lives in $\\R$ and costs $\\bigO(n)$.\n",
        encoding="utf-8",
    )
    _, handout, diags = build_both(src)
    assert warnings_at(diags, "math") == []
    prs = Presentation(str(tmp_path / "out" / "lecture.pptx"))
    xml = prs.slides[1]._element.xml
    assert "\u211d" in xml and "\u03c9" in xml  # ℝ and ω in the deck's Office math
    assert not any(d.code == "unused-key" and "header-includes" in d.message for d in diags.items)


def test_display_math_inside_a_paragraph_is_a_line_of_its_own():
    from podium.reader import parse_lecture

    lec = parse_lecture(
        "## S\n\nThe Slutsky matrix\n$$S = \\begin{pmatrix} a & b \\\\ c & d \\end{pmatrix}$$\nis symmetric.\n\n"
        "- in a bullet $$x^2$$ stays\n",
        "l.md",
        Diagnostics(),
    )
    kinds = [type(b).__name__ for b in lec.slides[0].body]
    assert kinds == ["Paragraph", "MathBlock", "Paragraph", "BulletList"]
    assert m.blocks_text(lec.slides[0].body[2:3]) == "is symmetric."


@pytest.mark.parametrize(
    "ending",
    ["## References\n\n::: {#refs}\n:::\n", "## Further reading\n", "## Literatur\n\n::: {#refs}\n:::\n"],
)
def test_the_lecturers_own_references_slide_is_filled_not_repeated(tmp_path, ending):
    (tmp_path / "refs.bib").write_text(BIB, encoding="utf-8")
    src = tmp_path / "lecture.md"
    src.write_text(
        f"---\ntitle: T\nbibliography: refs.bib\n---\n\n## A\n\nAs [@knuth1984] says.\n\n{ending}",
        encoding="utf-8",
    )
    slides, _, _ = build_both(src)
    titles = [s["title"] for s in slides]
    own = ending.split("\n")[0][3:]
    assert titles[-1] == own and "References" not in titles[:-1] and titles.count(own) == 1, titles
    assert "Knuth" in slides[-1]["body"] and "1984" in slides[-1]["body"]


def test_citations_without_a_bibliography_and_cross_references_are_warned_once_each():
    from podium.reader import parse_lecture

    diags = Diagnostics()
    parse_lecture(
        "## S\n\nAs [@fiorina2008, p. 3] and @mason2018 show; write to a@b.com.\n\nSee @fig-fit and @tbl-x.\n",
        "l.md",
        diags,
    )
    said = [(d.code, d.pos.line, d.message.split(" (")[0]) for d in diags.items]
    assert said == [
        ("citation", 3, "citation '@fiorina2008'"),
        ("cross-reference", 5, "cross-reference '@fig-fit'"),
    ]


def test_a_br_between_blocks_is_quiet_and_style_blocks_get_one_note():
    from podium.reader import parse_lecture

    diags = Diagnostics()
    lec = parse_lecture(
        "## S\n\nx\n\n<br>\n\ny\n\n<style scoped>\nh1 { color: red }\n</style>\n\n<style>\np {}\n</style>\n",
        "l.md",
        diags,
    )
    assert m.blocks_text(lec.slides[0].body) == "x\ny"  # no CSS shown
    assert [(d.code, d.severity, d.pos.line) for d in diags.items] == [("style", "note", 9)]


def test_beamer_title_tex_reads_as_beamer_shows_it():
    from podium.reader import parse_lecture

    lec = parse_lecture(
        "---\ntitle: Oscillations\nauthor: Jane Doe\\inst{1} \\and John Roe\\inst{2}\n"
        "institute: \\inst{1}Physics \\and \\inst{2}Maths\ndate: \\today\n---\n\n## A\n\nx\n",
        "l.md",
        Diagnostics(),
    )
    assert [a.name for a in lec.meta.authors] == ["Jane Doe, John Roe"]
    assert lec.meta.institute == "Physics, Maths"
    # (\today: the date as LaTeX prints it in the lecture's language, "December 5, 2026")
    assert re.fullmatch(r"[A-Z][a-z]+ \d{1,2}, \d{4}", lec.meta.date), lec.meta.date


GRID = """\
## Fruit

+---------------+-----------------------+
| Fruit         | Price                 |
+===============+======================:+
| Bananas, ripe | $1.34                 |
| and *yellow*  |                       |
+---------------+-----------------------+
| Oranges       | $2.10                 |
+---------------+-----------------------+

## Spans

+-----+-----+
| a         |
+-----+-----+
"""


def test_grid_tables_are_tables_and_one_with_spans_is_said(tmp_path):
    from podium.reader import parse_lecture

    diags = Diagnostics()
    lec = parse_lecture(GRID, "l.md", diags)
    (table,) = lec.slides[0].body
    assert isinstance(table, m.Table)
    cells = [[m.plain_text(c.content) for c in row] for row in (table.header, *table.rows)]
    assert cells == [["Fruit", "Price"], ["Bananas, ripe and yellow", "$1.34"], ["Oranges", "$2.10"]]
    assert table.aligns[1] == m.Align.RIGHT and 0.35 < table.widths[0] < 0.45
    assert isinstance(table.rows[0][0].content[-1], m.Emph)  # a cell's Markdown is read
    assert [(d.code, d.pos.line) for d in diags.items] == [
        ("grid-table", 15)
    ]  # the spanning row, not the border
    src = tmp_path / "lecture.md"
    src.write_text(GRID, encoding="utf-8")
    slides, handout, _ = build_both(src)
    prs = Presentation(str(tmp_path / "out" / "lecture.pptx"))
    (frame,) = [s for s in prs.slides[0].shapes if s.has_table]
    assert frame.table.cell(1, 0).text == "Bananas, ripe and yellow"
    assert "Bananas, ripe and yellow" in " ".join(handout.split())


def test_line_blocks_keep_their_lines_and_tables_stay_tables(tmp_path):
    from podium.reader import parse_lecture

    lec = parse_lecture(
        "## Verse\n\n| The limerick packs laughs anatomical\n|    Into space that is quite economical.\n\n"
        "| a | b |\n|---|---|\n| 1 | 2 |\n",
        "l.md",
        Diagnostics(),
    )
    verse, table = lec.slides[0].body
    assert isinstance(table, m.Table)
    assert [type(x).__name__ for x in verse.content] == ["Text", "LineBreak", "Text"]
    assert verse.content[2].text == "\u00a0" * 3 + "Into space that is quite economical."
    src = tmp_path / "lecture.md"
    src.write_text("## Verse\n\n| First line\n| Second line\n", encoding="utf-8")
    slides, handout, _ = build_both(src)
    prs = Presentation(str(tmp_path / "out" / "lecture.pptx"))
    body = next(s for s in prs.slides[0].shapes if s.has_text_frame and "First" in s.text_frame.text)
    assert "|" not in body.text_frame.text and "\v" in body.text_frame.text  # a line break, no pipes


def test_cross_references_are_warned_with_a_bibliography_too(tmp_path):
    from podium.reader import parse_lecture

    (tmp_path / "refs.bib").write_text(BIB, encoding="utf-8")
    diags = Diagnostics()
    parse_lecture(
        "---\nbibliography: refs.bib\n---\n\n## S\n\nAs [@knuth1984] says, see @fig-x.\n",
        str(tmp_path / "l.md"),
        diags,
        base_dir=str(tmp_path),
    )
    assert [d.code for d in diags.items] == ["cross-reference"]


def test_beamer_overlays_and_size_groups_leave_their_words_not_their_syntax():
    from podium.reader import parse_lecture

    lec = parse_lecture(
        "## S\n\nFirst \\only<2>{ONLYWORD} then {\\tiny small words} and \\alert<2>{hot} end.\n",
        "l.md",
        Diagnostics(),
    )
    assert m.blocks_text(lec.slides[0].body) == "First ONLYWORD then small words and hot end."


# --------------------------------------------------------------------------- superscript, subscript, HTML formatting

SCRIPTS = """---
title: Scripts
---

## Chemistry

- Water is H~2~O, area is m^2^ and CO<sub>2</sub> meets x<sup>n</sup>
- <b>bold <i>both</i></b>, <u>under</u>, <del>gone</del>, <kbd>Ctrl</kbd> and <span style="color:red">red</span>
- Costs ~50 and ~60; 2^10 is 1024; ~~struck~~ stays; `H~2~O` in code

::: notes
Notes say H~2~O and E = mc^2^ too.
:::
"""


def body_runs(slide):
    """The runs of ``slide``'s text frames other than its title."""
    return [
        r
        for sh in slide.shapes
        if sh.has_text_frame and sh != slide.shapes.title
        for p in sh.text_frame.paragraphs
        for r in p.runs
    ]


def _runs(slide) -> list[tuple[str, str | None, bool, bool, str | None]]:
    """(text, baseline, bold, italic, underline) of every run in the slide's body."""
    out = []
    for r in body_runs(slide):
        rpr = r._r.find("{http://schemas.openxmlformats.org/drawingml/2006/main}rPr")
        get = rpr.get if rpr is not None else (lambda k: None)
        out.append((r.text, get("baseline"), get("b") == "1", get("i") == "1", get("u")))
    return out


def test_superscript_subscript_and_html_formatting_are_drawn_as_written(tmp_path):
    src = tmp_path / "scripts.md"
    src.write_text(SCRIPTS)
    diags = Diagnostics()
    deck = build_slides(src, BuildOptions(out_dir=tmp_path / "out"), diags)
    slide = Presentation(str(deck)).slides[1]
    runs = _runs(slide)
    scripted = [(t, b) for t, b, *_ in runs if b]
    assert scripted == [("2", "-25000"), ("2", "30000"), ("2", "-25000"), ("n", "30000")]
    text = "".join(t for t, *_ in runs)
    assert "~" not in text.replace("~50 and ~60", "").replace("H~2~O in code", "") and "^2" not in text
    assert "Costs ~50 and ~60; 2^10 is 1024;" in text and "H~2~O in code" in text
    styled = {t: (bold, italic, u) for t, _, bold, italic, u in runs}
    assert styled["bold "] == (True, False, None) and styled["both"] == (True, True, None)
    assert styled["under"][2] == "sng" and styled["struck"] == (False, False, None)
    assert any(t == "Ctrl" for t, *_ in runs)
    assert "<" not in text
    # formatting tags (and a colour-only <span>) are drawn as they say: nothing to warn about
    assert warnings_at(diags, "raw-html") == []


def test_the_handout_raises_and_lowers_the_same_characters(tmp_path):
    src = tmp_path / "scripts.md"
    src.write_text(SCRIPTS)
    pdf = build_handout(src, BuildOptions(out_dir=tmp_path / "out"), Diagnostics())
    page = next(p for p in PdfReader(str(pdf)).pages if "Notes say" in (p.extract_text() or ""))
    heights: dict[str, list[float]] = {}

    def seen(text, cm, tm, font, size):
        if text.strip():
            heights.setdefault(text.strip(), []).append(round(cm[5] + tm[5] * cm[3], 1))

    page.extract_text(visitor_text=seen)
    # the notes: "Notes say H" on one line, its "2" lower, "O and E = mc" level, its "2" higher
    base = heights["Notes say H"][0]
    twos = [y for y in heights["2"] if abs(y - base) < 10]
    assert any(y < base for y in twos) and any(y > base for y in twos), heights


COLOURS = """---
title: Colours
---

## Colour

- <span style="color:red">red words</span> and <span style="color: #0a0">green **bold**</span>
- <font color="blue">blue font</font>, [pandoc orange]{style="color: orange"} and [plain]{.foo}
- <span style="color:red">outer <span style="color:blue">inner</span> back</span> and <span>bare</span>

<div style="color:red">
A red *paragraph*
</div>

::: notes
Notes with <span style="color:#FF0000">red</span> words.
:::
"""


def _run_colours(slide) -> dict[str, str | None]:
    a = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
    fills = {r.text: r._r.find(f"{a}rPr/{a}solidFill/{a}srgbClr") for r in body_runs(slide)}
    return {text: (fill.get("val") if fill is not None else None) for text, fill in fills.items()}


def test_coloured_words_keep_their_colour_and_a_colour_alone_is_not_a_warning(tmp_path):
    src = tmp_path / "colours.md"
    src.write_text(COLOURS)
    diags = Diagnostics()
    deck = build_slides(src, BuildOptions(out_dir=tmp_path / "out"), diags)
    colours = _run_colours(Presentation(str(deck)).slides[1])
    assert colours["red words"] == "FF0000" and colours["green "] == colours["bold"] == "00AA00"
    assert colours["blue font"] == "0000FF" and colours["pandoc orange"] == "FFA500"
    assert colours["outer "] == colours[" back"] == "FF0000" and colours["inner"] == "0000FF"
    assert colours["plain"] is None and colours["bare"] is None and colours[" and "] is None
    assert colours["A red "] == colours["paragraph"] == "FF0000"
    assert warnings_at(diags, "raw-html") == []


def test_a_style_with_more_than_a_colour_keeps_the_colour_and_says_the_rest_is_lost(tmp_path):
    src = tmp_path / "styled.md"
    src.write_text('# S\n\n<span style="color: #CC0000; padding: 2px; font-weight: bold">styled</span>\n')
    diags = Diagnostics()
    deck = build_slides(src, BuildOptions(out_dir=tmp_path / "out"), diags)
    assert _run_colours(Presentation(str(deck)).slides[0])["styled"] == "CC0000"
    assert [line for line, _ in warnings_at(diags, "raw-html")] == [3]


def test_bold_and_italic_in_a_span_style_are_drawn_without_a_warning(tmp_path):
    src = tmp_path / "weight.md"
    src.write_text(
        '# S\n\nA <span style="color:#b30000; font-weight:bold">bold red</span> and '
        '<span style="font-style: italic">slanted</span> word.\n'
    )
    diags = Diagnostics()
    deck = build_slides(src, BuildOptions(out_dir=tmp_path / "out"), diags)
    runs = {r.text: r for r in body_runs(Presentation(str(deck)).slides[0])}
    assert runs["bold red"].font.bold and str(runs["bold red"].font.color.rgb) == "B30000"
    assert runs["slanted"].font.italic and not runs["slanted"].font.bold
    assert warnings_at(diags, "raw-html") == []


def test_the_handout_shows_coloured_words_in_colour(tmp_path):
    from PIL import Image

    src = tmp_path / "colours.md"
    src.write_text(COLOURS)
    pdf = build_handout(src, BuildOptions(out_dir=tmp_path / "out"), Diagnostics())
    k = next(i for i, p in enumerate(PdfReader(str(pdf)).pages) if "Notes with" in (p.extract_text() or ""))
    subprocess.run(
        ["pdftoppm", "-f", str(k + 1), "-l", str(k + 1), "-r", "100", "-png", str(pdf), str(tmp_path / "pg")],
        check=True,
    )
    page = Image.open(next(tmp_path.glob("pg*.png"))).convert("RGB")
    w, h = page.size
    reds = [
        xy for xy in ((x, y) for x in range(0, w, 2) for y in range(0, h // 2, 2)) if _red(page.getpixel(xy))
    ]
    # red in the drawing of the slide (left) and in the notes (right)
    assert any(x < w / 2 for x, _ in reds) and any(x > w * 0.6 for x, _ in reds)


def _red(rgb) -> bool:
    r, g, b = rgb
    return r > 180 and g < 90 and b < 90


def test_marked_words_are_highlighted_in_the_deck_and_the_drawings(tmp_path):
    from PIL import Image

    src = tmp_path / "mark.md"
    src.write_text(
        "---\ntitle: M\n---\n\n## S\n\n- A [key idea]{.mark} and <mark>another</mark>, then plain\n"
    )
    diags = Diagnostics()
    deck = build_slides(src, BuildOptions(out_dir=tmp_path / "out"), diags)
    a = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
    runs = [
        (r.text, r._r.find(f"{a}rPr/{a}highlight") is not None)
        for sh in Presentation(str(deck)).slides[1].shapes
        if sh.has_text_frame
        for p in sh.text_frame.paragraphs
        for r in p.runs
    ]
    assert ("key idea", True) in runs and ("another", True) in runs and (", then plain", False) in runs
    assert warnings_at(diags, "raw-html") == []
    pdf = build_handout(src, BuildOptions(out_dir=tmp_path / "out"), Diagnostics())
    k = (
        next(i for i, p in enumerate(PdfReader(str(pdf)).pages) if "then plain" in (p.extract_text() or ""))
        + 1
    )
    subprocess.run(
        ["pdftoppm", "-f", str(k), "-l", str(k), "-r", "80", "-png", str(pdf), str(tmp_path / "pg")],
        check=True,
    )
    page = Image.open(next(tmp_path.glob("pg*.png"))).convert("RGB")
    yellow = [p for p in page.getdata() if p[0] > 230 and p[1] > 220 and p[2] < 190]
    assert len(yellow) > 50  # the drawing of the slide highlights them too


HTML_TABLES = """---
title: HTML tables
---

## Parse table

<table>
<caption>LL(1) table for <em>E</em></caption>
<tr><th></th><th>id</th><th>+</th><th>*</th></tr>
<tr><td>E</td><td>E→TE</td><td></td><td>x</td></tr>
<tr><td>T</td><td><b>T→FT</b></td><td>+</td><td>*</td></tr>
</table>

## Spans

<table><tr><td colspan="2">wide</td></tr><tr><td>x</td><td>y</td></tr></table>
"""


def test_an_html_table_is_a_table_in_both_outputs(tmp_path):
    src = tmp_path / "tables.md"
    src.write_text(HTML_TABLES)
    diags = Diagnostics()
    deck = build_slides(src, BuildOptions(out_dir=tmp_path / "out"), diags)
    slides = list(Presentation(str(deck)).slides)
    table = next(sh.table for sh in slides[1].shapes if sh.has_table)
    assert [[c.text for c in r.cells] for r in table.rows] == [
        ["", "id", "+", "*"],
        ["E", "E→TE", "", "x"],
        ["T", "T→FT", "+", "*"],
    ]
    assert table.cell(2, 1).text_frame.paragraphs[0].runs[0].font.bold
    assert any(sh.has_text_frame and sh.text_frame.text == "LL(1) table for E" for sh in slides[1].shapes)
    # a cell spanning columns: its words in the first column it spans, the other left empty, with a warning
    spans = next(sh.table for sh in slides[2].shapes if sh.has_table)
    assert [[c.text for c in r.cells] for r in spans.rows] == [["wide", ""], ["x", "y"]]
    assert [line for line, _ in warnings_at(diags, "table-span")] == [16]
    assert not warnings_at(diags, "raw-html")
    text = pdf_text(build_handout(src, BuildOptions(out_dir=tmp_path / "out"), Diagnostics()))
    assert "E E→TE x" in " ".join(text.split()) and "•" not in text.split("Spans")[0]


HEADERLESS = """---
title: Tables
---

## Pipe

|   |   |
|---|---|
| Capital | Paris |
| River | Seine |

## Grid

+---------------+--------+
| Bananas       | $1.34  |
+---------------+--------+
| Oranges       | $2.10  |
+---------------+--------+

## Headed

| A | B |
|---|---|
| 1 | 2 |
"""


def _tags(pdf: Path) -> dict[str, int]:
    """How many structure elements of each kind the tagged PDF has (/Table, /THead, /TH...)."""
    counts: dict[str, int] = {}

    def walk(node):
        node = node.get_object()
        if not isinstance(node, dict):
            return
        if "/S" in node:
            counts[str(node["/S"])] = counts.get(str(node["/S"]), 0) + 1
        kids = node.get("/K")
        for kid in kids if isinstance(kids, list) else [kids] if kids is not None else []:
            walk(kid)

    walk(PdfReader(str(pdf)).trailer["/Root"]["/StructTreeRoot"])
    return counts


def test_a_table_without_a_header_row_is_drawn_without_one(tmp_path):
    # pandoc: a pipe table whose header cells are all empty, or a grid table without +===+, has none;
    # drawing the empty row (or the first row) as a coloured header misreads the table
    src = tmp_path / "tables.md"
    src.write_text(HEADERLESS, encoding="utf-8")
    result = run_cli("all", str(src), "-o", str(tmp_path / "out"))
    assert result.exit_code == 0, result.output
    tables = {}
    for s in Presentation(str(tmp_path / "out" / "tables.pptx")).slides:
        for sh in s.shapes:
            if sh.has_table:
                tables[s.shapes.title.text] = sh.table
    assert [[c.text for c in r.cells] for r in tables["Pipe"].rows] == [
        ["Capital", "Paris"],
        ["River", "Seine"],
    ]
    assert [[c.text for c in r.cells] for r in tables["Grid"].rows] == [
        ["Bananas", "$1.34"],
        ["Oranges", "$2.10"],
    ]
    assert not tables["Pipe"].first_row and not tables["Grid"].first_row and tables["Headed"].first_row
    bold = [r.font.bold for p in tables["Pipe"].cell(0, 0).text_frame.paragraphs for r in p.runs]
    assert bold and not any(bold)
    tags = _tags(tmp_path / "out" / "tables-handout.pdf")
    assert tags["/Table"] == 6 and tags["/THead"] == 2  # each table drawn and in print; one has a header
    assert "agree" in result.output


def test_pandocs_simple_and_multiline_tables_are_tables(tmp_path):
    src = tmp_path / "tables.md"
    src.write_text((Path(__file__).parent / "fixtures" / "simple_tables.md").read_text())
    diags = Diagnostics()
    deck = build_slides(src, BuildOptions(out_dir=tmp_path / "out"), diags)
    tables = {}
    for s in Presentation(str(deck)).slides:
        for sh in s.shapes:
            if sh.has_table:
                tables[s.shapes.title.text] = (
                    [[c.text for c in r.cells] for r in sh.table.rows],
                    [c.text_frame.paragraphs[0].alignment for c in sh.table.rows[1].cells],
                    [
                        x.text_frame.text
                        for x in s.shapes
                        if x.has_text_frame and x.name.startswith("TextBox")
                    ],
                )
    simple, aligns, caption = tables["Simple"]
    assert simple == [["Right", "Left", "Center", "Default"], ["12"] * 4, ["123"] * 4, ["1"] * 4]
    assert [str(a) for a in aligns[:3]] == ["RIGHT (3)", "LEFT (1)", "CENTER (2)"]
    assert caption == ["Demonstration of simple table syntax."]
    assert tables["Headerless"][0] == [["12"] * 4, ["123"] * 4]  # (no header row: see the test above)
    multi, _, caption = tables["Multiline"]
    assert multi[0] == ["Centered Header", "Default Aligned", "Right Aligned", "Left Aligned"]
    assert multi[1] == ["First", "row", "12.0", "Example of a row that spans multiple lines."]
    assert caption == ["Here\u2019s the caption. It, too, may span multiple lines."]
    assert "Setext heading" not in tables and "Not a table" not in tables  # a setext heading stays one
    titles = [s.shapes.title.text for s in Presentation(str(deck)).slides if s.shapes.title is not None]
    assert "Setext heading" in titles


def test_raw_blocks_and_inlines_for_other_outputs_are_left_out_with_one_warning_each(tmp_path):
    src = tmp_path / "raw.md"
    src.write_text((Path(__file__).parent / "fixtures" / "raw_formats.md").read_text())
    diags = Diagnostics()
    slides, text, _ = build_both(src)
    body = by_title(slides, "Raw blocks")["body"]
    assert body == "Before\nInline and and z after"
    assert "tikz" not in text and "html only" not in text and "openxml" not in text
    deck_diags = Diagnostics()
    build_slides(src, BuildOptions(out_dir=tmp_path / "o2"), deck_diags)
    assert [(line, msg.split("'")[1]) for line, msg in warnings_at(deck_diags, "raw-format")] == [
        (9, "latex"),
        (15, "html"),
        (19, "openxml"),
        (23, "latex"),  # (each raw block or inline said where it is, not only a format's first)
        (23, "html"),
    ]
    assert diags.items == []


def test_an_html_picture_is_drawn_without_a_raw_html_warning(tmp_path):
    png(tmp_path / "pic.png")
    src = tmp_path / "img.md"
    src.write_text('# S\n\nText <img src="pic.png" alt="A box"> inline.\n\n<img src="pic.png" alt="A box">\n')
    diags = Diagnostics()
    deck = build_slides(src, BuildOptions(out_dir=tmp_path / "out"), diags)
    assert sum(sh.shape_type == 13 for sh in Presentation(str(deck)).slides[0].shapes) == 2
    assert warnings_at(diags, "raw-html") == []


def test_task_list_items_show_their_boxes(tmp_path):
    src = tmp_path / "tasks.md"
    src.write_text(
        "---\ntitle: T\n---\n\n## Tasks\n\n- [ ] to do\n- [x] done\n- [a link](https://x.org) stays\n"
    )
    slides, text, _ = build_both(src)
    assert by_title(slides, "Tasks")["body"] == "\u2610 to do\n\u2612 done\na link stays"
    assert "\u2610 to do" in text and "[ ]" not in text


def test_a_definition_list_is_bold_terms_with_their_definitions_under_them(tmp_path):
    src = tmp_path / "terms.md"
    src.write_text(
        "---\ntitle: T\n---\n\n## Terms\n\nClosure\n: the product stays in the set\n\n"
        "Identity\n: there is a neutral element\n: it is unique\n\nText after.\n"
    )
    deck = build_slides(src, BuildOptions(out_dir=tmp_path / "out"), Diagnostics())
    slide = Presentation(str(deck)).slides[1]
    paras = [
        (p.level, p.text, any(r.font.bold for r in p.runs))
        for sh in slide.shapes
        if sh.has_text_frame and sh != slide.shapes.title and "Closure" in sh.text_frame.text
        for p in sh.text_frame.paragraphs
    ]
    assert paras == [
        (0, "Closure", True),
        (1, "the product stays in the set", False),
        (0, "Identity", True),
        (1, "there is a neutral element", False),
        (1, "it is unique", False),
        (0, "Text after.", False),
    ]


def test_a_table_caption_is_under_the_table_in_the_drawings_as_in_the_deck(tmp_path):
    from podium.pipeline import build_slides_pdf

    src = tmp_path / "cap.md"
    src.write_text(
        "---\ntitle: T\n---\n\n## Table\n\n| Fruit | Price |\n|-------|-------|\n| Apple | 1 |\n| Pear  | 2 |\n\n: Prices in 2026\n"
    )
    pdf = build_slides_pdf(src, BuildOptions(out_dir=tmp_path / "out"), Diagnostics())
    words = subprocess.run(
        ["pdftotext", "-f", "2", "-l", "2", "-bbox", str(pdf), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    top = {mt.group(2): float(mt.group(1)) for mt in re.finditer(r'yMin="([0-9.]+)"[^>]*>([^<]+)<', words)}
    assert top["Prices"] > top["Pear"] > top["Fruit"]


def test_a_table_caption_above_its_table_is_its_caption(tmp_path):
    src = tmp_path / "lec.md"
    src.write_text(
        "---\ntitle: T\n---\n\n## Results\n\nTable: Results of the study\n\n| a | b |\n|---|---|\n| 1 | 2 |\n"
    )
    lecture_table = _only_table(src)
    assert m.plain_text(lecture_table.caption) == "Results of the study"
    deck = build_slides(src, BuildOptions(out_dir=tmp_path / "out"), Diagnostics())
    words = [sh.text_frame.text for sh in Presentation(str(deck)).slides[-1].shapes if sh.has_text_frame]
    assert "Results of the study" in words and not any("Table:" in w for w in words)


def _only_table(src: Path) -> m.Table:
    from podium.reader import parse_lecture

    lecture = parse_lecture(src.read_text(), src.name, Diagnostics())
    (table,) = [b for s in lecture.slides for b in s.body if isinstance(b, m.Table)]
    return table


def test_example_lists_number_on_through_the_lecture_and_references_name_the_number(tmp_path):
    from podium.reader import parse_lecture

    text = (
        "## One\n\n(@) First example.\n(@good) Second example.\n\n## Two\n\n"
        "(@) Third example.\n\nAs (@good) shows, and `(@good)` stays code.\n"
    )
    lecture = parse_lecture(text, "t.md", Diagnostics())
    lists = [b for s in lecture.slides for b in s.body if isinstance(b, m.BulletList)]
    assert [(b.ordered, b.start, len(b.items)) for b in lists] == [(True, 1, 2), (True, 3, 1)]
    assert lists[0].delimiter == m.Delimiter.PARENS
    para = [b for b in lecture.slides[-1].body if isinstance(b, m.Paragraph)][-1]
    assert m.plain_text(para.content) == "As (2) shows, and (@good) stays code."


def test_a_picture_in_a_heading_is_said_at_the_headings_line(tmp_path):
    src = tmp_path / "h.md"
    src.write_text('## First\n\n- a\n- b\n\n## Report <img src="i.png" alt="icon">\n\nText.\n')
    diags = Diagnostics()
    deck = build_slides(src, BuildOptions(out_dir=tmp_path / "out"), diags)
    assert Presentation(str(deck)).slides[1].shapes.title.text == "Report icon"
    assert [(d.pos.line, d.code) for d in diags.items if d.severity == "warning"] == [(6, "inline-image")]


def test_a_span_style_that_would_lose_its_weight_is_warned(tmp_path):
    src = tmp_path / "n.md"
    src.write_text('# S\n\n**Bold <span style="font-weight: normal">not bold</span> again**\n')
    diags = Diagnostics()
    build_slides(src, BuildOptions(out_dir=tmp_path / "out"), diags)
    assert [line for line, _ in warnings_at(diags, "raw-html")] == [3]


def test_a_missing_bibliography_is_said_as_a_missing_file_and_its_citations_say_why():
    diags = Diagnostics()
    parse_lecture(
        "---\ntitle: T\nbibliography: refs.bib\n---\n\n## S\n\nAs shown [@smith2000].\n", "l.md", diags
    )
    said = [(d.pos.line, d.code, d.message) for d in diags.items if d.severity == "warning"]
    assert said[0][:2] == (3, "missing-file") and "bibliography 'refs.bib' not found" in said[0][2]
    assert said[1][:2] == (8, "citation") and said[1][2].endswith("its bibliography was not found")
    diags = Diagnostics()
    parse_lecture("## S\n\nAs shown [@smith2000].\n", "l.md", diags)
    (cited,) = [d.message for d in diags.items if d.code == "citation"]
    assert "the front matter names no bibliography" in cited


def test_an_inferred_slide_level_of_one_says_what_becomes_of_the_subheadings():
    text = "---\ntitle: T\ninstitute: [Corvinus University, Budapest]\n---\n\n# code smell\n\n> a quote\n\n"
    text += "## clean code\n\n- long method\n\n## complexity\n\n- McCabe\n"
    diags = Diagnostics()
    lec = parse_lecture(text, "w.md", diags)
    assert [m.plain_text(s.title) for s in lec.slides] == ["T", "code smell"]  # (pandoc's rule)
    (said,) = [d for d in diags.items if d.code == "slide-level"]
    assert said.severity == "note" and said.pos.line == 6 and "slide-level: 2" in said.message
    assert lec.meta.institute == "Corvinus University, Budapest"
    assert not [d for d in diags.items if d.code == "front-matter"]  # (a list, as pandoc takes it)
    lec = parse_lecture(text.replace("title: T\n", "title: T\nslide-level: 2\n"), "w.md", Diagnostics())
    titles = [m.plain_text(s.title) for s in lec.slides]
    assert titles[-2:] == ["clean code", "complexity"]  # each '##' its slide when asked
    diags = Diagnostics()  # slides cut by '---' (Marp, reveal.js): '##' titles them, nothing to say
    parse_lecture("# Deck\n\nOpening words\n\n---\n\n## First\n\n- a\n", "w.md", diags)
    assert not [d for d in diags.items if d.code == "slide-level"]


def test_a_later_metadata_block_may_have_keys_with_spaces():
    diags = Diagnostics()
    lec = parse_lecture(
        "---\ntitle: T\n---\n\n## A\n\nx\n\n---\ncourse code: ABC123\n---\n\n## B\n\ny\n", "w.md", diags
    )
    assert [m.plain_text(s.title) for s in lec.slides] == ["T", "A", "B"]  # (metadata, as pandoc reads it)


def test_a_bare_web_address_is_a_link_in_the_deck_and_the_handout_but_not_a_file_name(tmp_path):
    src = tmp_path / "links.md"
    src.write_text(
        "---\ntitle: T\n---\n\n## Links\n\n- See https://example.org/docs and file.py, `https://code.org`.\n"
        "- Write to a@b.org.\n",
        encoding="utf-8",
    )
    deck = build_slides(src, BuildOptions(out_dir=tmp_path / "out"), Diagnostics())
    runs = {
        r.text: r.hyperlink.address
        for s in Presentation(str(deck)).slides
        for sh in s.shapes
        if sh.has_text_frame
        for p in sh.text_frame.paragraphs
        for r in p.runs
    }
    assert runs["https://example.org/docs"] == "https://example.org/docs"
    assert runs["a@b.org"] == "mailto:a@b.org"
    assert runs["https://code.org"] is None  # (code stays code)
    assert not any(a and "file.py" in a for a in runs.values())
    handout = build_handout(src, BuildOptions(out_dir=tmp_path / "out"), Diagnostics())
    uris = [
        a["/A"]["/URI"]
        for page in PdfReader(str(handout)).pages
        for a in (page.get("/Annots") or [])
        if a.get_object().get("/A", {}).get("/URI")
    ]
    assert "https://example.org/docs" in uris


def test_math_that_is_only_spacing_or_a_script_is_text_and_the_build_is_written(tmp_path):
    src = tmp_path / "search.md"
    src.write_text(
        "---\nmarp: true\n---\n\n# Search\n\n> **ALGORITHM** Search($K$, $root$)\n> $\\quad$ **if** $root \\neq null$\n"
        "> $\\quad\\quad$ **return** $true$\n\n---\n\n# Units\n\n- **bias$^2$ falls**, area is m$^2$, x$^{-1}$, CO$_2$\n",
        encoding="utf-8",
    )
    result = run_cli("all", src, "-o", tmp_path / "out")
    assert result.exit_code == 0, (
        result.stderr
    )  # (before: "equation \\quad is not in the handout", nothing written)
    runs = [
        (r.text, r.font._rPr.get("baseline"))
        for s in Presentation(str(tmp_path / "out" / "search.pptx")).slides
        for sh in s.shapes
        if sh.has_text_frame
        for p in sh.text_frame.paragraphs
        for r in p.runs
    ]
    assert ("2", "30000") in runs and ("\u22121", "30000") in runs and ("2", "-25000") in runs
    assert any(t.startswith("\u2003") for t, _ in runs)  # (the indent: an em space)
    slides = subprocess.run(
        ["pdftotext", str(tmp_path / "out" / "search-slides.pdf"), "-"], capture_output=True, text=True
    ).stdout
    assert "bias2 falls" in slides and "m2" in slides


def test_attributes_over_two_lines_keep_their_address_and_a_component_is_warned(tmp_path):
    src = tmp_path / "docker.md"
    src.write_text(
        "---\ntitle: T\n---\n\n## Docker\n\nSome text.\n\n[Example: debian-latex.df]{.ex\n"
        'href="https://github.com/example/repo/blob/master/debian-latex.df"}\n\n## A video\n\n<Youtube id="luoMHjh-XcQ" />\n',
        encoding="utf-8",
    )
    diags = Diagnostics()
    deck = build_slides(src, BuildOptions(out_dir=tmp_path / "out"), diags)
    words = [
        sh.text_frame.text for s in Presentation(str(deck)).slides for sh in s.shapes if sh.has_text_frame
    ]
    assert any("Example: debian-latex.df" == w.split("\n")[-1] for w in words)
    assert not any("href" in w or "{.ex" in w for w in words)
    assert any(d.code == "raw-html" and d.pos.line == 14 for d in diags.items)  # (not silently dropped)


def test_two_spaces_before_a_link_or_code_are_one():
    lecture = parse_lecture(
        "---\ntitle: T\n---\n\n## S\n\n- see p0009 and  https://eel.is/x and  `code` too\n",
        "t.md",
        Diagnostics(),
    )
    assert m.blocks_text(lecture.slides[-1].body) == "see p0009 and https://eel.is/x and code too"


def test_names_of_a_bibtex_entry_written_over_lines_are_each_an_author(tmp_path):
    # dblp and JabRef put each " and " at a line's end: the cite read "(and Joos Vandewalle and …)"
    (tmp_path / "refs.bib").write_text(
        "@article{LinVL15,\n  author       = {Li{-}Gang Lin and\n                  Joos Vandewalle and\n"
        "                  Yew{-}Wen Liang},\n  title        = {Analytical representation},\n"
        "  journal      = {Autom.},\n  year         = {2015}\n}\n",
        encoding="utf-8",
    )
    src = tmp_path / "deck.md"
    src.write_text("---\ntitle: T\nbibliography: refs.bib\n---\n\n## Cites\n\nAs shown [@LinVL15].\n")
    slides, handout, _ = build_both(src)
    assert "As shown (Lin, Vandewalle and Liang, 2015)." in by_title(slides, "Cites")["body"]
    assert "Lin, L.-G., Vandewalle, J. and Liang, Y.-W. (2015)" in " ".join(handout.split())


def test_a_line_of_display_math_that_markdown_would_read_as_a_block_stays_math():
    # `=` alone under `P(A \mid B)` made a setext heading (a new slide titled with half the formula);
    # a `-` alone, `+ b` or `> c` would make a rule, a list or a quote
    for line in ("=", "-", "+ c", "> 0"):
        diags = Diagnostics()
        lec = parse_lecture(
            f"## Conditional\n\nGiven $B$:\n$$\nP(A \\mid B)\n{line}\n\\frac{{a}}{{b}},\n$$\nwhich means.\n",
            "t.qmd",
            diags,
        )
        assert [m.plain_text(s.title) for s in lec.slides] == ["Conditional"], line
        maths = [
            x.tex
            for b in lec.slides[0].body
            for x in getattr(b, "content", ())
            if isinstance(x, m.InlineMath)
        ]
        blocks = [b.tex for b in lec.slides[0].body if isinstance(b, m.MathBlock)]
        assert any("\\frac{a}{b}" in t and "P(A" in t for t in maths + blocks), (line, lec.slides[0].body)
        assert not [d for d in diags.items if d.code == "raw-tex"], line


def test_a_simple_table_whose_first_header_cell_is_empty_is_a_table(tmp_path):
    # knitr's kable() with row names writes a header that starts with spaces: it was read as code,
    # its dashes as a slide break, and its rows as one paragraph on an untitled slide
    src = tmp_path / "kable.md"
    src.write_text(
        "---\ntitle: T\n---\n\n## Distances\n\n"
        "         euclid    corr \n------  --------  ------\nA - B      4.85    0.93 \nA - C      5.59   -0.53 \n\n"
        "## After\n\nText.\n",
        encoding="utf-8",
    )
    slides, _, _ = build_both(src)
    assert [s["title"] for s in slides] == ["T", "Distances", "After"]
    deck = Presentation(str(tmp_path / "out" / "kable.pptx"))
    (table,) = [sh.table for sh in deck.slides[1].shapes if sh.has_table]
    rows = [[c.text for c in r.cells] for r in table.rows]
    assert rows == [["", "euclid", "corr"], ["A - B", "4.85", "0.93"], ["A - C", "5.59", "-0.53"]]


def test_display_math_in_a_list_items_words_is_a_display_equation_under_them(tmp_path):
    # `$$…$$` between an item's words was set inline: the tall formula in the text line, the item's
    # number left alone above it
    src = tmp_path / "items.md"
    src.write_text(
        "---\ntitle: T\n---\n\n## Factorizations\n\n1. If $f$ is smooth, then\n$$\nf(x) = \\int_0^1 g(s)\\,ds\n$$\n"
        "2. The trivial choice of\n$$\nf(x) = \\frac{1}{x}\n$$\ndoesn't work well.\n",
        encoding="utf-8",
    )
    build_both(src)
    deck = Presentation(str(tmp_path / "out" / "items.pptx"))
    # (a display equation under its item's words, as at the top level: Office math with its picture as
    # the fallback, the list going on after it)
    shapes = sorted(deck.slides[1].shapes, key=lambda sh: sh.top)
    pictures = [
        ac.find(".//{*}Fallback/{*}pic/{*}nvPicPr/{*}cNvPr").get("descr")
        for ac in deck.slides[1]._element.iter("{*}AlternateContent")
        if ac.find(".//{*}Fallback/{*}pic") is not None
    ]
    assert pictures == ["f(x) = \\int_0^1 g(s)\\,ds", "f(x) = \\frac{1}{x}"]
    texts = [sh.text_frame.text for sh in shapes if sh.has_text_frame and sh.text_frame.text.strip()]
    items = [t for t in texts if "smooth" in t or "trivial" in t or "doesn" in t]
    assert [t[:6] for t in items] == ["If  is", "The tr", "doesn’"]
    numbered = [
        p._p.find(".//{*}buAutoNum") is not None
        for sh in shapes
        if sh.has_text_frame
        for p in sh.text_frame.paragraphs
        if any(w in p.text for w in ("smooth", "trivial", "doesn"))
    ]
    assert numbered == [True, True, False]


def test_a_caption_line_without_a_space_after_its_colon_is_the_tables_caption(tmp_path):
    lec = parse_lecture(
        "## Escola\n\n| Nome | Nro |\n|---|---:|\n| João | 1200 |\n\n:Tabela da escola\n\n::: notes\nn\n:::\n",
        "t.md",
        Diagnostics(),
    )
    (table,) = lec.slides[0].body
    assert m.plain_text(table.caption) == "Tabela da escola"


def test_an_embedded_page_whose_address_has_a_space_is_one_link():
    lec = parse_lecture(
        '## Poll\n\n<iframe src="https://example.org/?label=Intro Poll" width="100%"></iframe>\n',
        "t.md",
        Diagnostics(),
    )
    links = [x for b in lec.slides[0].body for x in getattr(b, "content", ()) if isinstance(x, m.Link)]
    assert [x.url for x in links] == ["https://example.org/?label=Intro%20Poll"]
    assert "<" not in m.blocks_text(lec.slides[0].body)


def test_a_list_in_a_grid_tables_cell_is_an_item_a_line():
    # pandoc's manual puts `- built-in wrapper` / `- bright color` in a cell: the markers showed as text
    lec = parse_lecture(
        "## Fruit\n\n+---------+--------------------+\n| Fruit   | Advantages         |\n+=========+====================+\n"
        "| Bananas | - built-in wrapper |\n|         | - bright color     |\n+---------+--------------------+\n",
        "t.md",
        Diagnostics(),
    )
    (table,) = lec.slides[0].body
    cell = table.rows[0][1].content
    assert m.plain_text(cell, line_break="\n") == "\u2022 built-in wrapper\n\u2022 bright color"


def test_a_rows_extra_space_in_aligned_and_matrices_is_not_drawn(tmp_path):
    """``\\\\[10pt]`` ends a row and adds space (LaTeX, MathJax, KaTeX): no "[10pt]" in the deck's math
    or the handout, and the rows are still two."""
    src = tmp_path / "rows.md"
    src.write_text(
        "---\ntitle: Rows\n---\n\n## Two lines\n\n$$\n\\begin{aligned}\ny &= (x + 1)^2 \\\\[10pt]\n"
        "  &= x^2 + 2x + 1\n\\end{aligned}\n$$\n\n## Matrix\n\n$$\n\\begin{bmatrix} a \\\\[4pt] b \\end{bmatrix}\n$$\n",
        encoding="utf-8",
    )
    result = run_cli("all", src, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.stderr
    prs = Presentation(str(tmp_path / "out" / "rows.pptx"))
    omml = "{http://schemas.openxmlformats.org/officeDocument/2006/math}"
    for slide in list(prs.slides)[1:]:
        maths = list(slide._element.iter(omml + "oMath"))
        assert maths
        drawn = "".join(t.text or "" for math in maths for t in math.iter(omml + "t"))
        assert drawn and "pt]" not in drawn and "4pt" not in drawn and "10pt" not in drawn
    handout = "".join(p.extract_text() for p in PdfReader(str(tmp_path / "out" / "rows-handout.pdf")).pages)
    assert "pt]" not in handout and "10pt" not in handout


def test_a_multiline_table_closed_or_opened_by_dash_groups_keeps_the_slides_after_it(tmp_path):
    # pandoc's footer may be a line of dash groups after a blank line, and a headless multiline table
    # opens with one: the table ran on to the next whole line of dashes, taking two slides as its rows
    src = tmp_path / "ml.md"
    src.write_text(
        "---\ntitle: T\n---\n\n## Narrow\n\n" + "-" * 40 + "\nColumn 1                        Column 2\n"
        "------------------------------  --------\nI want this cell on one line    Word1\n\n"
        "------------------------------  --------\n\n: **Narrow.** The caption.\n\n## Between\n\nWords.\n\n"
        "## Headless\n\n----------- -----------------\n  la source `slides.md`\n\n   le thème `theme.sty`\n"
        "----------- -----------------\n\n## Wide\n\n" + "-" * 30 + "\n Centered   Left\n"
        "----------- ------------------\n   First    row\n" + "-" * 30 + "\n",
        encoding="utf-8",
    )
    slides, handout, _ = build_both(src)
    assert [s["title"] for s in slides] == ["T", "Narrow", "Between", "Headless", "Wide"]
    deck = Presentation(str(tmp_path / "out" / "ml.pptx"))
    tables = [
        [[c.text for c in r.cells] for r in sh.table.rows]
        for s in deck.slides
        for sh in s.shapes
        if sh.has_table
    ]
    assert tables == [
        [["Column 1", "Column 2"], ["I want this cell on one line", "Word1"]],
        [["la source", "slides.md"], ["le thème", "theme.sty"]],
        [["Centered", "Left"], ["First", "row"]],
    ]
    assert (
        "The caption." in by_title(slides, "Narrow")["body"]
        and "Words." in by_title(slides, "Between")["body"]
    )
    assert "---" not in handout


def test_a_bibtex_field_wrapped_over_lines_is_one_line_in_the_references(tmp_path):
    # BibTeX reads a line break and the next line's indentation as one space: the deck drew the title's
    # second half on a new line after 15 spaces
    (tmp_path / "refs.bib").write_text(
        "@article{barnett22,\n  author    = {Joshua Barnett and\n               Charbel Farhat},\n"
        "  title     = {Quadratic Approximation Manifold for Mitigating the {K}olmogorov Barrier\n"
        "               in Nonlinear Projection-Based Model Order Reduction},\n"
        "  journal   = {CoRR},\n  year      = {2022},\n}\n",
        encoding="utf-8",
    )
    src = tmp_path / "deck.md"
    src.write_text("---\ntitle: T\nbibliography: refs.bib\n---\n\n## Claim\n\nIt helps [@barnett22].\n")
    slides, handout, _ = build_both(src)
    refs = slides[-1]["body"]
    assert "Kolmogorov Barrier in Nonlinear Projection-Based" in refs, repr(refs)
    assert "\x0b" not in refs and "  " not in refs
    assert "Barrier in Nonlinear" in " ".join(handout.split())


def test_display_math_on_its_own_lines_in_a_list_item_is_a_display_equation(tmp_path):
    # `$$…$$` under an item (or as its whole content) was inline math in the item's line: small, left,
    # and no picture for viewers without Office math (LibreOffice showed a linear string)
    src = tmp_path / "items.md"
    src.write_text(
        "---\ntitle: T\n---\n\n## Metric\n\n- The metric is:\n\n  $$\n  ds^2 = \\frac{2M}{R} dt^2\n  $$\n\n"
        "  where $M$ is the mass.\n\n- For $M = 0$ it is flat.\n\n## Orders\n\n1. $$\n   \\begin{bmatrix} x \\\\ y "
        "\\end{bmatrix} = \\frac{a}{b}\n   $$\n\n2. $$\n   y = \\frac{c}{d}\n   $$\n",
        encoding="utf-8",
    )
    build_both(src)
    deck = Presentation(str(tmp_path / "out" / "items.pptx"))
    for slide, equations in ((deck.slides[1], 1), (deck.slides[2], 2)):
        xml = slide._element
        assert len(xml.findall(".//{*}oMathPara")) == equations
        assert len(xml.findall(".//{*}Fallback/{*}pic")) == equations  # (the picture other viewers draw)
    texts = [sh.text_frame.text for sh in deck.slides[1].shapes if sh.has_text_frame]
    assert any(t.startswith("The metric is:") for t in texts)
    assert any("is the mass." in t and "flat" in t for t in texts)  # (the list goes on under the equation)
    numbers = [
        p._p.find(".//{*}buAutoNum").get("startAt")
        for sh in deck.slides[2].shapes
        if sh.has_text_frame
        for p in sh.text_frame.paragraphs
        if p._p.find(".//{*}buAutoNum") is not None
    ]
    assert numbers == ["1", "2"]


def test_every_raw_block_left_out_is_said_at_its_line(tmp_path):
    # only the first `{=latex}` block was named: the other slides that lost a diagram could not be found
    src = tmp_path / "raw.md"
    slides = "".join(
        f"## S{k}\n\n```{{=latex}}\n\\begin{{tikzpicture}}\\node {{{k}}};\\end{{tikzpicture}}\n```\n\n"
        for k in range(5)
    )
    src.write_text(
        "---\ntitle: T\n---\n\n" + slides + "## H\n\n```{=html}\n<canvas></canvas>\n```\n", encoding="utf-8"
    )
    diags = Diagnostics()
    build_slides(src, BuildOptions(out_dir=tmp_path / "out"), diags)
    assert [line for line, _ in warnings_at(diags, "raw-format")] == [7, 13, 19, 25, 31, 37]
    report = "\n".join(diags.report())
    assert "3 more of this kind at lines 25, 31, 37" in report, report


def test_css_on_a_fenced_div_that_is_not_drawn_is_warned(tmp_path):
    # `::: {style="position: absolute; …"}` was shown in the flow without a word, where `<div style>` warns
    src = tmp_path / "div.md"
    src.write_text(
        '---\ntitle: T\n---\n\n## Boxed\n\n::: {style="position: absolute; width: 60%; font-size: 40px"}\n'
        'Boxed words\n:::\n\n## Centred\n\n::: {style="text-align: center"}\nMiddle\n:::\n',
        encoding="utf-8",
    )
    slides, _, diags = build_both(src)
    assert "Boxed words" in by_title(slides, "Boxed")["body"]
    found = warnings_at(diags, "div-style")
    assert [line for line, _ in found] == [7]  # (text-align is drawn: no warning for line 14)
    assert "position, width, font-size" in found[0][1]


def test_the_slide_level_note_is_given_in_a_deck_that_also_has_a_rule(tmp_path):
    # one `---` anywhere silenced the note, while the '##' slides were still merged into the '#' one
    src = tmp_path / "rule.md"
    src.write_text(
        "---\ntitle: S\n---\n\n# Part one\n\nIntro words.\n\n## Recap\n\nFirst.\n\n## World\n\nSecond.\n\n---\n\n"
        "Untitled.\n\n---\n\n## Titled by its rule\n\n- a\n",
        encoding="utf-8",
    )
    result = run_cli("slides", src, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.stderr
    notes = [line for line in result.stderr.splitlines() if "[slide-level]" in line]
    assert len(notes) == 1 and "rule.md:5: note:" in notes[0], result.stderr
    assert "the 2 '##' heading(s)" in notes[0]  # (the '##' right after a rule titles its slide)


def test_a_front_matter_line_block_gives_its_lines_without_the_bars(tmp_path):
    # `subtitle: |` then `| (SNLP Tutorial 8)`: pandoc's line block showed its "|" on the title slide
    src = tmp_path / "lb.md"
    src.write_text(
        "---\ntitle: Assignment 7\nsubtitle: |\n    | (SNLP Tutorial 8)\ninstitute: |\n    | Saarland University\n"
        "    | Language Science\n---\n\n# Assignment\n\n- Exercise 1\n",
        encoding="utf-8",
    )
    slides, handout, _ = build_both(src)
    cover = slides[0]["title"] + "\n" + slides[0]["body"]
    assert "(SNLP Tutorial 8)" in cover and "|" not in cover, cover
    assert "Saarland University" in cover and "Language Science" in cover
    assert "(SNLP Tutorial 8)" in handout and "| (SNLP" not in handout
