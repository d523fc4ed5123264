"""Review 24 (e): R Markdown ioslides, slidy and revealjs decks.  ioslides' ``## Title | Subtitle`` is a
title with a subtitle line under it (deck, handout, contents); a hidden chunk that only clears memory
(``rm(list=ls())``) or sets things up shows nothing and is not warned about; a background picture on a
``#`` heading is shown on its slide, as on a ``##`` slide, and a missing one is said; ``<b>``, ``<i>`` and
coloured ``<span>`` inside ``<p>`` HTML lines are drawn, several ``<p style="color:…">`` lines too."""

from __future__ import annotations

import textwrap
from pathlib import Path

from PIL import Image

from .conftest import built_all, click_paragraphs, deck_titles, paragraph_texts


def built(tmp_path: Path, text: str, name: str = "lecture.Rmd"):
    """The deck built (``all``) from ``text`` written as ``name``, its handout's text, the messages."""
    src = tmp_path / name
    src.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return built_all(src)


def body_paragraphs(slide) -> list[str]:
    """The words of each paragraph on ``slide`` but its title, footer and number."""
    title = slide.shapes.title.text if slide.shapes.title is not None else None
    return [
        p
        for p in paragraph_texts(slide)
        if p != title and not p.isdigit() and p not in ("Habits", "Letters", "Backgrounds")
    ]


IOSLIDES = """
    ---
    title: "Habits"
    output: ioslides_presentation
    ---

    ## Getting up | What I like to do first thing

    - Turn off alarm

    ## Breakfast | Eggs *and* coffee {.build}

    - Eat eggs

    Then coffee.

    # In the evening | After work

    ## Dinner

    - Eat spaghetti
    """


def test_an_ioslides_pipe_heading_is_a_title_with_a_subtitle_line_under_it(tmp_path):
    prs, handout, stderr = built(tmp_path, IOSLIDES)
    assert deck_titles(prs) == ["Habits", "Getting up", "Breakfast", "In the evening", "Dinner"]
    getting_up, breakfast, evening = prs.slides[1], prs.slides[2], prs.slides[3]
    assert body_paragraphs(getting_up) == ["What I like to do first thing", "Turn off alarm"]
    assert body_paragraphs(breakfast) == ["Eggs and coffee", "Eat eggs", "Then coffee."]
    # the subtitle is on the slide from the start: {.build}'s clicks bring the blocks under it
    assert click_paragraphs(breakfast) == [["Eat eggs"], ["Then coffee."]]
    # a section's subtitle is its slide's second line
    assert evening.slide_layout.name == "Section Header"
    assert body_paragraphs(evening) == ["After work"]
    assert "|" not in handout and "|" not in "\n".join(deck_titles(prs))
    assert "SLIDE 2: GETTING UP\n" in handout and "What I like to do first thing" in handout
    assert "After work" in handout
    assert "warning" not in stderr
    # only ioslides reads the pipe so: in a slidy deck it is the title's
    (tmp_path / "slidy").mkdir()
    slidy = IOSLIDES.replace("output: ioslides_presentation", "output: slidy_presentation")
    prs, _, _ = built(tmp_path / "slidy", slidy)
    assert "Getting up | What I like to do first thing" in deck_titles(prs)


def test_a_hidden_chunk_that_clears_memory_or_sets_up_is_not_warned_about(tmp_path):
    text = """
        ---
        title: "Clear memory"
        output: ioslides_presentation
        ---

        ## Setup

        ```{r, echo=FALSE}
        # Clear memory
        rm(list=ls())
        ```

        ```{r, echo=FALSE}
        rm(list = ls())
        if(!"ggplot2" %in% installed.packages()) { install.packages("ggplot2") }
        library("ggplot2")
        set.seed(1976)
        par(mfrow = c(1, 2))
        detach("package:stats")
        ```

        Text.

        ## A summary

        ```{r, echo=FALSE}
        rm(x)
        summary(cars)
        ```
        """
    _, _, stderr = built(tmp_path, text)
    warned = [line for line in stderr.splitlines() if "[not-rendered]" in line]
    assert [line.split(":")[1] for line in warned] == ["26"]  # (only the chunk that prints a summary)


def test_a_background_on_a_section_heading_is_shown_on_its_slide_and_a_missing_one_said(tmp_path):
    (tmp_path / "img").mkdir()
    Image.new("RGB", (80, 50), (30, 90, 160)).save(tmp_path / "img" / "section.png")
    text = """
        ---
        title: "Backgrounds"
        output: revealjs::revealjs_presentation
        ---

        # Part one {data-background="img/section.png"}

        # Part two {data-background-image="img/missing.jpg"}

        # Part three {background-image="img/section.png"}

        Text under it.

        ## A slide {data-background="img/section.png"}

        Text.
        """
    prs, _, stderr = built(tmp_path, text)
    assert deck_titles(prs) == ["Backgrounds", "Part one", "Part two", "Part three", "A slide"]
    pictures = [sum(sh.shape_type == 13 for sh in s.shapes) for s in prs.slides]
    assert pictures == [0, 1, 0, 1, 1]
    assert "[missing picture: img/missing.jpg]" in "\n".join(paragraph_texts(prs.slides[2]))
    backgrounds = [line.split(":")[1] for line in stderr.splitlines() if "[background]" in line]
    assert backgrounds[:3] == ["6", "8", "10"]  # (the ## slide's too, grouped: "1 more of this kind")
    assert any(":8: warning: picture 'img/missing.jpg' not found" in line for line in stderr.splitlines())


def runs_of(slide) -> list[tuple[str, bool, str | None]]:
    """(words, bold, colour) of each run of ``slide``'s body, title and footer left out."""
    title = slide.shapes.title
    out = []
    for sh in slide.shapes:
        if not sh.has_text_frame or sh == title or sh.name.startswith(("Footer", "Slide Number")):
            continue
        for p in sh.text_frame.paragraphs:
            for r in p.runs:
                colour = r.font.color.rgb if r.font.color and r.font.color.type is not None else None
                out.append((r.text, bool(r.font.bold), str(colour) if colour is not None else None))
    return out


def test_bold_italic_and_colour_inside_html_paragraphs_are_drawn(tmp_path):
    text = """
        ---
        title: "Letters"
        output: revealjs::revealjs_presentation
        ---

        ## Four lines

        <p style="color:red"><b>A</b></p>
        <p style="color:blue"><b>G</b></p>
        <p style="color:green"><strong>T</strong></p>
        <p style="color:purple"><b>C</b></p>

        ## One line

        <p style="color:red"><b>A</b></p>

        ## Bold only

        <p><b>T</b></p>

        ## Words around

        <p style="color:green">base <b>C</b> here</p>

        ## Spans

        <p>a <span style="color:red">red</span> and <i>slanted</i> word</p>
        <p>next <b>line</b></p>
        """
    prs, handout, stderr = built(tmp_path, text, "lecture.md")
    four, one, bold, around, spans = list(prs.slides)[1:6]
    assert runs_of(four) == [
        ("A", True, "FF0000"),
        ("G", True, "0000FF"),
        ("T", True, "008000"),
        ("C", True, "800080"),
    ]
    assert runs_of(one) == [("A", True, "FF0000")]
    assert runs_of(bold) == [("T", True, None)]
    assert runs_of(around) == [("base ", False, "008000"), ("C", True, "008000"), (" here", False, "008000")]
    said = runs_of(spans)
    assert ("red", False, "FF0000") in said and ("line", True, None) in said
    slanted = [
        r for sh in spans.shapes if sh.has_text_frame for p in sh.text_frame.paragraphs for r in p.runs
    ]
    assert any(r.text == "slanted" and r.font.italic for r in slanted)
    assert "[raw-html]" not in stderr
    for words in ("base C here", "a red and slanted word", "next line"):
        assert words in " ".join(handout.split())
