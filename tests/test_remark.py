"""remark.js and xaringan decks (R Markdown, ``output: xaringan::moon_reader``) read as remark means
them, checked in the deck (python-pptx) and the handout (poppler): ``---`` makes slides and a slide's
first heading is its title, ``--`` is a click, ``???`` starts the notes, slide properties (``class:``,
``background-image:``, ``exclude:``) are not text, ``.pull-left[…]``/``.pull-right[…]`` are columns,
``.red[…]`` colours its words, xaringan's highlight marks are off the code."""

from __future__ import annotations

import subprocess

import pytest
from PIL import Image
from pptx import Presentation
from pptx.util import Emu

from podium import remark
from podium.diagnostics import Diagnostics
from podium.reader import parse_lecture

from .conftest import deck_of, run_cli, write_md

DECK = """\
    ---
    title: "Linear regression"
    subtitle: "STAT 101, week 3"
    author: "Dr. Jane Doe"
    output:
      xaringan::moon_reader:
        lib_dir: libs
        nature:
          highlightLines: true
          countIncrementalSlides: false
    ---

    ```{r setup, include=FALSE}
    library(tidyverse)
    ```

    class: center, middle

    # Why regression?

    ---

    # Outline

    - Simple linear regression
    --

    - Least squares

    ???

    Remind them of last week's correlation.

    ---
    background-image: url(fig/scatter.png)
    background-size: contain

    ---

    .pull-left[
    ## Model

    Slope and .red[intercept] of the line.
    ]

    .pull-right[
    ![Cars by weight](fig/scatter.png)
    ]

    ---
    exclude: true

    # Not shown

    Secret draft text

    ---

    # Fitting in R

    ```r
    fit <- lm(mpg ~ wt, data = mtcars)
    summary(fit) #<<
    * coef(fit)
    ```

    .footnote[Source: R documentation.]
    """


def _picture(folder):
    (folder / "fig").mkdir(exist_ok=True)
    Image.new("RGB", (600, 400), "#336699").save(folder / "fig" / "scatter.png")


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    folder = tmp_path_factory.mktemp("xaringan")
    _picture(folder)
    src = write_md(folder, DECK, "regression.Rmd")
    out = folder / "out"
    result = run_cli("all", src, "-o", out, "--all-warnings")
    assert result.exit_code == 0, result.stderr
    return out, result.stderr


def _texts(slide) -> list[str]:
    return [s.text_frame.text for s in slide.shapes if s.has_text_frame and s.text_frame.text.strip()]


def test_slides_titles_and_properties(built):
    out, _ = built
    deck = Presentation(str(out / "regression.pptx"))
    titles = [s.shapes.title.text if s.shapes.title is not None else "" for s in deck.slides]
    assert titles[:3] == ["Linear regression", "Why regression?", "Outline"]
    assert "Fitting in R" in titles
    words = "\n".join(t for s in deck.slides for t in _texts(s))
    for raw in ("class:", "background-image", "???", ".pull-left", ".red[", ".footnote[", "#<<", "exclude"):
        assert raw not in words, raw
    assert "Secret draft text" not in words  # exclude: true
    assert "Not shown" not in titles
    assert "Source: R documentation." in words
    code = next(t for s in deck.slides for t in _texts(s) if "summary(fit)" in t)
    assert code.split("\n") == [
        "fit <- lm(mpg ~ wt, data = mtcars)",
        "summary(fit)",
        "  coef(fit)",
    ]  # `* `: 2 spaces


def test_pause_is_a_click_and_notes_are_notes(built):
    out, _ = built
    deck = Presentation(str(out / "regression.pptx"))
    outline = next(s for s in deck.slides if s.shapes.title is not None and s.shapes.title.text == "Outline")
    assert "Least squares" in "\n".join(_texts(outline))  # one slide, not two
    assert (
        outline.element.find(".//{http://schemas.openxmlformats.org/presentationml/2006/main}timing")
        is not None
    )
    notes = outline.notes_slide.notes_text_frame.text
    assert "correlation" in notes
    assert "correlation" not in "\n".join(_texts(outline))


def test_columns_side_by_side_and_colour(built):
    out, _ = built
    deck = Presentation(str(out / "regression.pptx"))
    slide = next(s for s in deck.slides if any("Slope and" in t for t in _texts(s)))
    text = next(s for s in slide.shapes if s.has_text_frame and "Slope and" in s.text_frame.text)
    (picture,) = [s for s in slide.shapes if s.shape_type == 13 and s.name != "LOGO"]
    # (the slide of only a background picture before it is a slide of its own, not on this one)
    assert text.left + text.width <= picture.left + Emu(1)  # the pull-right column is to the right
    assert abs(text.top - picture.top) < Emu(914400)  # side by side, not stacked
    run = next(r for p in text.text_frame.paragraphs for r in p.runs if r.text == "intercept")
    assert str(run.font.color.rgb) == "FF0000"
    assert "Cars by weight" not in "\n".join(_texts(slide))  # remark shows alt text nowhere: no caption


def test_background_slide_and_handout(built):
    out, stderr = built
    deck = Presentation(str(out / "regression.pptx"))
    assert sum(1 for s in deck.slides for sh in s.shapes if sh.shape_type == 13) >= 2  # background + column
    assert "regression.Rmd:35: warning: background-image" in stderr  # the property's own line
    assert "exclude: true" in stderr
    text = subprocess.run(
        ["pdftotext", str(out / "regression-handout.pdf"), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "Remind them of last" in text
    assert "Why regression?" in text
    assert ".pull-left" not in text and "class:" not in text


def test_seal_false_has_no_title_slide_and_panelsets_are_tabs(tmp_path):
    src = write_md(
        tmp_path,
        """\
        ---
        title: "Tabs"
        output:
          xaringan::moon_reader:
            seal: false
        ---

        class: title-slide

        # My own title

        ---

        # Two ways

        .panelset[
        .panel[.panel-name[R Code]
        `mean(x)`
        ]

        .panel[.panel-name[Output]
        The mean is 3.
        ]
        ]
        """,
        "tabs.Rmd",
    )
    deck, _ = deck_of(src, tmp_path / "out")
    assert deck.slides[0].shapes.title.text == "My own title"
    words = "\n".join(t for s in deck.slides for t in _texts(s))
    assert "R Code" in words and "Output" in words and "panel" not in words


def test_remark_without_front_matter(tmp_path):
    src = write_md(
        tmp_path,
        """\
        class: center, middle

        # Intro to Git

        ---

        # Commits

        A commit is a snapshot.

        ???

        Show git log live.
        """,
    )
    deck, _ = deck_of(src, tmp_path / "out")
    assert [s.shapes.title.text for s in deck.slides] == ["Intro to Git", "Commits"]
    assert "Show git log" in deck.slides[1].notes_slide.notes_text_frame.text
    assert "???" not in "\n".join(_texts(deck.slides[1]))


@pytest.mark.parametrize(
    "text",
    [
        "---\ntitle: T\n---\n\n## A\n\n???\n\n---\n\n## B\n",  # a pandoc deck that writes ???
        "## A\n\ntext\n\n```\n---\nclass: x\n```\n",  # remark's marks only in code
        "---\ntitle: T\noutput: ioslides_presentation\n---\n\n## A\n\n---\n\n???\n\n## B\n",
        # a licence comment before the front matter; a quiz slide of `???`
        "<!-- SPDX-License-Identifier: CC-BY-4.0 -->\n---\ntitle: Q\nformat: revealjs\n---\n\n## A\n\n"
        "---\n\n???\n\n## Answer\n",
        "% Statistics 101\n% Jane Doe\n\n# Intro\n\n---\n\n## Quiz\n\n???\n\n## Answer\n",  # title block
        "<!-- (c) 2023 -->\n---\nlayout: slides\ntitle: Git\n---\n\n# Git\n\n---\n\n## B\n",  # Jekyll
        "# Classes\n\n## Words\n\nA.\n\n---\nclass: a blueprint for objects, with `class`.\n\n## Ex\n",
    ],
)
def test_other_lectures_are_not_remark(text):
    assert not remark.wanted(text)


def test_pandoc_deck_keeps_its_metadata_blocks():
    """Outside remark decks, a later `---` YAML block is still metadata (pandoc's rule)."""
    diags = Diagnostics()
    lecture = parse_lecture("## A\n\ntext\n\n---\nsubtitle: Sub\n---\n", "x.md", diags)
    assert lecture.meta.subtitle


def test_course_build_finds_r_markdown(tmp_path, monkeypatch):
    content = tmp_path / "content"
    content.mkdir()
    write_md(content, "---\ntitle: W1\noutput: xaringan::moon_reader\n---\n\n# One\n\ntext\n", "week1.Rmd")
    monkeypatch.chdir(tmp_path)
    result = run_cli("slides", "-o", tmp_path / "out")
    assert result.exit_code == 0, result.stderr
    assert (tmp_path / "out" / "week1.pptx").exists()


def test_properties_after_a_chunk_that_shows_nothing(tmp_path):
    """xaringanExtra's README: an `echo=FALSE` chunk, then the first slide's properties."""
    src = write_md(
        tmp_path,
        """\
        ---
        title: "T3"
        output: xaringan::moon_reader
        ---

        ```{r xe, echo=FALSE}
        xaringanExtra::use_tile_view()
        ```
        class: center, middle, inverse

        # My talk

        ---

        # Next

        Text
        """,
        "t3.Rmd",
    )
    deck, _ = deck_of(src, tmp_path / "out")
    assert [s.shapes.title.text for s in list(deck.slides)[1:]] == ["My talk", "Next"]
    assert "class:" not in "\n".join(t for s in deck.slides for t in _texts(s))


BACKSLIDE = """\
    title: Branching and merging with Git
    class: animation-fade
    layout: true

    <!-- the base layout of every slide -->
    .bottom-bar[
      CS 2110 · {{title}}
    ]

    ---

    class: impact

    # {{title}}

    ---

    # Why branches?

    - Work on a feature

    ???

    Ask who committed to main.

    ---
    name: verbs

    .left-column[
    ## dplyr
    ### Verbs
    ]
    .right-column[
    dplyr is a grammar.
    {{content}}
    ]

    ---
    template: verbs

    - `filter()` picks rows

    """


def test_layouts_templates_and_property_substitution(tmp_path):
    src = write_md(tmp_path, BACKSLIDE, "git.md")
    deck, diags = deck_of(src, tmp_path / "out")
    titles = [s.shapes.title.text if s.shapes.title is not None else "" for s in deck.slides]
    assert titles[:4] == ["Branching and merging with Git", "Why branches?", "dplyr", "dplyr"]
    words = "\n".join(t for s in deck.slides for t in _texts(s))
    assert "{{" not in words and "layout: true" not in words and "title:" not in words
    footers = {
        sh.text_frame.text for s in deck.slides for sh in s.placeholders if sh.placeholder_format.type == 15
    }
    assert footers == {"CS 2110 · Branching and merging with Git"}  # the layout's footer, filled in
    inherited = "\n".join(_texts(deck.slides[3]))
    assert "dplyr is a grammar." in inherited and "filter() picks rows" in inherited and "Verbs" in inherited
    assert not [d for d in diags.items if d.code == "remark"]  # title: is shown by {{title}}: no note
    (said,) = [d for d in diags.items if d.code == "dialect"]  # (the lecturer is told how it is read)
    assert said.pos.line == 1 and "remark" in said.message


def test_a_property_line_is_named_in_messages(tmp_path):
    src = write_md(
        tmp_path,
        "---\noutput: xaringan::moon_reader\n---\n\n# A\n\ntext\n\n---\n\ncount: false\nexclude: true\n\n# B\n",
        "p.Rmd",
    )
    _, diags = deck_of(src, tmp_path / "out")
    (excluded,) = [d for d in diags.items if d.code == "remark"]
    assert excluded.pos.line == 12


def test_a_child_chunk_shows_nothing_before_a_slides_properties_and_two_headings_are_one_title(tmp_path):
    src = write_md(
        tmp_path,
        '---\ntitle: "Data privacy"\noutput: xaringan::moon_reader\n---\n\n```{r child = "setup.Rmd"}\n```\n\n'
        "class: middle\n\n# Case study: \n# AOL search data leak \n\n---\n\n## Next\n\nText\n",
        "privacy.Rmd",
    )
    deck, _ = deck_of(src, tmp_path / "out")
    slides = list(deck.slides)
    assert slides[1].shapes.title.text == "Case study: AOL search data leak"
    assert slides[1].slide_layout.name == "Section Header"  # (class: middle and nothing else)
    assert not any("class:" in t for s in slides for t in _texts(s))


def test_highlight_spans_take_their_backticks_off_the_code(tmp_path):
    src = write_md(
        tmp_path,
        '---\ntitle: "Spans"\noutput:\n  xaringan::moon_reader:\n    nature:\n      highlightSpans: true\n---\n\n'
        "# Syntax\n\n```bash\n$ `ls` -lh ~/Documents/\n```\n",
        "spans.Rmd",
    )
    deck, _ = deck_of(src, tmp_path / "out")
    words = [t for t in _texts(list(deck.slides)[1])]
    assert "$ ls -lh ~/Documents/" in words and not any("`" in t for t in words)


def test_a_decorative_html_rule_under_a_section_title_leaves_it_a_section_slide_without_a_warning(tmp_path):
    src = write_md(
        tmp_path,
        '---\ntitle: "Sections"\noutput: xaringan::moon_reader\n---\n\nclass: inverse, center, middle\nname: prologue\n\n'
        "# Prologue\n\n<html><div style='float:left'></div><hr color='#EB811B' size=1px width=796px></html>\n\n"
        "---\n\n# Checklist\n\nText\n",
        "sections.Rmd",
    )
    deck, diags = deck_of(src, tmp_path / "out")
    assert [s.slide_layout.name for s in deck.slides] == [
        "Title Slide",
        "Section Header",
        "Title and Content",
    ]
    assert not [d for d in diags.items if d.code == "raw-html"]


def test_a_css_chunk_styles_nothing_of_the_lecture_and_the_slide_keeps_its_title(tmp_path):
    src = write_md(
        tmp_path,
        "---\noutput:\n  xaringan::moon_reader:\n    seal: false\n---\nclass: center, inverse, middle\n\n"
        "```{css echo=FALSE}\n.red {\n  color: red\n}\n```\n\n# Statistics\n## Confidence intervals\n\n---\n"
        "# Why?\n\n- Estimators are random variables\n\n---\n# Shown\n\n```{css}\n.blue { color: blue }\n```\n",
        "s.Rmd",
    )
    deck, diags = deck_of(src, tmp_path / "out")
    slides = list(deck.slides)
    assert slides[0].shapes.title.text == "Statistics"
    every = " ".join(" ".join(_texts(s)) for s in slides[:2])
    assert ".red" not in every and "color" not in every
    assert ".blue { color: blue }" in " ".join(
        _texts(slides[2])
    )  # (knitr shows a css chunk's code unless echo=FALSE)
    assert not [d for d in diags.items if d.code == "not-rendered"]


def test_a_xaringan_deck_without_its_seal_makes_its_own_first_slide_the_title_slide(tmp_path):
    src = write_md(
        tmp_path,
        "---\noutput:\n  xaringan::moon_reader:\n    seal: false\n---\nclass: title-slide, center, middle\n\n"
        "# Statistics\n## Confidence intervals\n### Dr. A. Lecturer\n\n---\n# Why?\n\n- Estimators are random\n",
        "t.Rmd",
    )
    deck, _ = deck_of(src, tmp_path / "out")
    slides = list(deck.slides)
    assert slides[0].slide_layout.name == "Title Slide"
    words = " ".join(_texts(slides[0]))
    assert "Statistics" in words and "Confidence intervals" in words and "Dr. A. Lecturer" in words
    assert [s.slide_layout.name for s in slides[1:]] == ["Title and Content"]
    footer = [s.text_frame.text for s in slides[1].shapes if s.name.startswith("Footer")]
    assert footer == ["Statistics"]


def test_a_lone_hash_in_a_slide_is_the_sign_not_a_new_slide():
    # remark makes slides at `---` only; a `#` alone (R's comment sign in a list of symbols) cut the slide
    lec = parse_lecture(
        "---\noutput: xaringan::moon_reader\n---\n\n# Notation\n\n<-\n\n%>%\n\n#\n\n()\n\n---\n\n# Next\n\nText\n",
        "d.Rmd",
        Diagnostics(),
    )
    from podium import model as m

    assert [m.plain_text(s.title) for s in lec.slides] == ["Notation", "Next"]
    assert "#" in m.blocks_text(lec.slides[0].body) and "()" in m.blocks_text(lec.slides[0].body)


def test_a_click_between_two_columns_keeps_them_side_by_side_the_later_one_on_the_click(tmp_path):
    src = write_md(
        tmp_path,
        '---\ntitle: "Deck"\noutput: xaringan::moon_reader\n---\n\n# Power\n\n.pull-left[\nSurvey 10 participants\n]\n\n'
        "--\n\n.pull-right[\nSurvey 200 participants\n]\n\n---\n\n# Next\n\nText\n",
        "deck.Rmd",
    )
    deck, _ = deck_of(src, tmp_path / "out")
    slide = deck.slides[1]
    assert slide.slide_layout.name == "Two Content"
    boxes = {s.text_frame.text: s for s in slide.shapes if s.has_text_frame}
    left, right = boxes["Survey 10 participants"], boxes["Survey 200 participants"]
    assert right.left > left.left + left.width // 2 and abs(right.top - left.top) < Emu(200000)
    clicked = [c.get("spid") for c in slide.element.iter() if c.tag.endswith("spTgt")]
    assert clicked == [str(right.shape_id)]  # (one click: the right column)


def test_slide_classes_written_with_spaces_are_read_as_with_commas(tmp_path):
    # (remark splits `class:` at a comma or a space: `center middle` is `center, middle`)
    src = write_md(
        tmp_path,
        '---\ntitle: "Deck"\noutput: xaringan::moon_reader\n---\n\nclass: center, middle\n\n# Commas\n\n---\n\n'
        "class: center middle section-title animated fadeIn\n\n# Spaces\n\n---\n\n# A normal slide\n\nText\n",
        "deck.Rmd",
    )
    deck, diags = deck_of(src, tmp_path / "out")
    layouts = [s.slide_layout.name for s in deck.slides]
    assert layouts[1:] == ["Section Header", "Section Header", "Title and Content"], layouts
    assert remark.wanted("class: center middle\n\n# A\n\n---\nclass: inverse center\n\n# B\n")


def test_dashes_with_a_space_after_them_are_no_slide_break_nor_click_as_in_remark(tmp_path):
    # (remark's lexer cuts only at a line that is exactly `---`, and pauses only at `--`)
    src = write_md(
        tmp_path,
        '---\ntitle: "Regex"\noutput: xaringan::moon_reader\n---\n\n## R engines\n\n- greedy by default\n\n'
        ".footnote[\n--- \n**PCRE**: Perl Compatible Regular Expressions\n]\n\n???\n\nNotes for R engines.\n\n---\n\n"
        "## Greedy\n\ngreedy: `*`\n\n--- \n\nlazy: `*?`\n\n-- \n\nmore\n\n---\n\n## Next slide\n\n- lookaround\n",
        "deck.Rmd",
    )
    deck, _ = deck_of(src, tmp_path / "out")
    titles = [s.shapes.title.text_frame.text if s.shapes.title else "" for s in list(deck.slides)[1:]]
    assert titles == ["R engines", "Greedy", "Next slide"], titles
    first, second = deck.slides[1], deck.slides[2]
    words = " ".join(s.text_frame.text for s in first.shapes if s.has_text_frame)
    assert "PCRE: Perl Compatible" in words and ".footnote[" not in words, words
    assert "Notes for R engines." in first.notes_slide.notes_text_frame.text
    words = " ".join(s.text_frame.text for s in second.shapes if s.has_text_frame)
    assert "greedy: *" in words and "lazy: *?" in words, words
    assert not [c for c in second.element.iter() if c.get("nodeType") == "clickEffect"]
