"""Continued slides as real decks need them (twelfth review): a picture goes on to a "(cont.)" slide
with the line that labels it (a short name over a photo, a bold label, a line ending in a colon)."""

from __future__ import annotations

import subprocess
from pathlib import Path

from PIL import Image

from .conftest import click_paragraphs, paragraph_texts, run_cli, write_md


def _deck(src: Path, out: Path):
    from pptx import Presentation

    result = run_cli("slides", src, "-o", out)
    assert result.exit_code == 0, result.stderr
    return Presentation(str(out / f"{src.stem}.pptx")), result.stderr


def _pictures(tmp_path: Path) -> None:
    for name, size in (("a.png", (400, 600)), ("b.png", (1200, 500)), ("c.png", (400, 600))):
        Image.new("RGB", size, (90, 120, 160)).save(tmp_path / name)


def _pictures_on(slide) -> int:
    return sum(1 for sh in slide.shapes if sh.shape_type == 13)


def test_a_name_over_a_photo_goes_on_with_it(tmp_path):
    _pictures(tmp_path)
    src = write_md(
        tmp_path,
        """
        ---
        title: Split
        ---

        ## Miedo a hablar

        Pensamiento grupal

        ![Irving Janis](a.png)

        ![](b.png)

        . . .

        Espiral del silencio

        ![Elisabeth Noelle-Neumann](c.png)
        """,
    )
    prs, _ = _deck(src, tmp_path / "out")
    slides = list(prs.slides)[1:]
    assert len(slides) == 2
    for s in slides:  # (every label on the slide of its picture)
        texts = paragraph_texts(s)
        if "Espiral del silencio" in texts:
            assert "Elisabeth Noelle-Neumann" in texts and _pictures_on(s) == 1
        if "Pensamiento grupal" in texts:
            assert "Irving Janis" in texts


def test_the_last_line_of_a_list_slide_labels_its_picture(tmp_path):
    _pictures(tmp_path)
    items = "".join(f"- Point {i} about groups and their norms.\n" for i in range(1, 10))
    src = tmp_path / "lecture.md"
    src.write_text(
        f"---\ntitle: T\n---\n\n## Two portraits\n\n{items}\n**The spiral of silence:**\n\n![Noelle-Neumann](b.png)\n",
        encoding="utf-8",
    )
    prs, _ = _deck(src, tmp_path / "out")
    slides = list(prs.slides)[1:]
    assert len(slides) == 2
    assert "The spiral of silence:" not in paragraph_texts(slides[0])
    assert "The spiral of silence:" in paragraph_texts(slides[1]) and _pictures_on(slides[1]) == 1
    assert "Point 9 about groups and their norms." in paragraph_texts(slides[0])


def test_a_code_line_too_wide_is_named_on_the_slide_the_deck_shows_it(tmp_path):
    body = "".join(f"x{i} = {i}\n" for i in range(1, 31))
    wide_a = "y = '" + "a" * 150 + "'"
    wide_b = "z = '" + "b" * 150 + "'"
    src = write_md(
        tmp_path,
        "---\ntitle: Numbering\n---\n\n## Long listing\n\n```python\n"
        + body
        + wide_a
        + "\n```\n\n## Short listing\n\n```python\n"
        + wide_b
        + "\n```\n",
    )
    prs, err = _deck(src, tmp_path / "out")
    titles = [s.shapes.title.text if s.shapes.title is not None else "" for s in prs.slides]
    where_a = next(i for i, s in enumerate(prs.slides, 1) if "aaaa" in "".join(paragraph_texts(s)))
    where_b = titles.index("Short listing") + 1
    said = [line for line in err.splitlines() if "too wide for the slide" in line]
    assert len(said) == 2, err
    assert f"lecture.md:7: warning: slide {where_a} (part 2 of 2): code line 31 of this listing" in said[0]
    assert f"lecture.md:43: warning: slide {where_b}: code line 1 of this listing" in said[1]


_SUBHEAD = """
---
title: T
format: revealjs
---

## Ingredients of a causal analysis: Treatment variable
### From "why?" to "what is the effect of...?"

Last critical thing is to specify the **treatment** whose average effect on the outcome you want to estimate (sometimes called **independent variable**)

Must plausibly be [manipulable]{.alert} among units in the population

::: {.fragment}
Consider when units are individuals, outcome is voting for Trump in 2024.
Which "treatments" are plausibly manipulable?
:::

::: {.incremental}
- Whether they see a GOTV message from a social media influencer?
- Whether they have voted in the past?
- Their annual income?
- Whether they identify as a Republican?
- Whether they are Black?
:::
"""


def test_a_subhead_over_a_fragment_and_an_incremental_list_keeps_one_slide(tmp_path):
    from pptx import Presentation

    src = write_md(tmp_path, _SUBHEAD, "lecture.qmd")
    out = tmp_path / "out"
    result = run_cli("all", src, "-o", out)
    assert result.exit_code == 0, result.stderr
    prs = Presentation(str(out / "lecture.pptx"))
    titles = [s.shapes.title.text if s.shapes.title is not None else "" for s in prs.slides]
    assert titles == ["T", "Ingredients of a causal analysis: Treatment variable"]
    slide = list(prs.slides)[1]
    texts = paragraph_texts(slide)
    assert "From “why?” to “what is the effect of…?”" in texts and "Whether they are Black?" in texts
    clicks = click_paragraphs(slide)  # (the fragment, then the list item by item)
    assert [c[0] for c in clicks] == [
        "Consider when units are individuals, outcome is voting for Trump in 2024. Which “treatments” are "
        "plausibly manipulable?",
        "Whether they see a GOTV message from a social media influencer?",
        "Whether they have voted in the past?",
        "Their annual income?",
        "Whether they identify as a Republican?",
        "Whether they are Black?",
    ]
    pages = subprocess.run(
        ["pdftotext", str(out / "lecture-slides.pdf"), "-"], capture_output=True, text=True
    ).stdout.split("\f")
    assert len([p for p in pages if p.strip()]) == 2  # (the drawings: the same two slides)
    assert "(cont.)" not in "".join(pages)
