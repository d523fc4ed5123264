"""Structure as real decks write it (eleventh review): a div whose classes include ``.slide`` beside
others (``::: {.slide .center .large}``, a CSS class in Quarto) is shown in both outputs, not read as
Podium's ``::: slides``; a class is read as the Podium class it resembles only when it is one letter
away and the div's only class; and ``toc: true`` nests subsections under their sections."""

from __future__ import annotations

import subprocess
from pathlib import Path

from pptx.enum.shapes import PP_PLACEHOLDER as PP

from .conftest import paragraph_texts, run_cli, write_md


def _built(src: Path, out: Path):
    from pptx import Presentation

    result = run_cli("all", src, "-o", out)
    assert result.exit_code == 0, result.stderr
    return Presentation(str(out / f"{src.stem}.pptx")), result.stderr


def _pdf_text(path: Path, page: int | None = None) -> str:
    pages = ["-f", str(page), "-l", str(page)] if page else []
    return subprocess.run(
        ["pdftotext", "-layout", *pages, str(path), "-"], capture_output=True, text=True
    ).stdout


def _indent(text: str, words: str) -> int:
    """How far in the line holding ``words`` starts (its marker, if any, included)."""
    line = next(line for line in text.splitlines() if words in line)
    return len(line) - len(line.lstrip())


def _levels(slide) -> list[tuple[int, str]]:
    """The level and words of each paragraph of the slide's body placeholder."""
    body = next(sh for sh in slide.placeholders if sh.placeholder_format.type in (PP.BODY, PP.OBJECT))
    return [(p.level, p.text) for p in body.text_frame.paragraphs if p.text.strip()]


def test_a_slide_class_beside_other_classes_is_shown_in_the_deck_and_the_handout(tmp_path):
    # `.slide` was "corrected" to Podium's `::: slides`: the sentence was left out of the handout
    src = write_md(
        tmp_path,
        """
        ---
        title: Slide class
        format: revealjs
        ---

        ## Risultati

        ::: {.slide .center .large}
        Avere un figlio in più riduce le ore lavorate.
        :::

        - Punto dopo il div
        """,
        name="lezione.qmd",
    )
    prs, stderr = _built(src, tmp_path / "out")
    assert "unknown-class" not in stderr
    slide = next(s for s in prs.slides if s.shapes.title and s.shapes.title.text == "Risultati")
    assert "Avere un figlio in più riduce le ore lavorate." in paragraph_texts(slide)
    handout = " ".join(_pdf_text(tmp_path / "out" / "lezione-handout.pdf").split())
    assert "Avere un figlio in più riduce le ore lavorate." in handout
    assert "Punto dopo il div" in handout


def test_only_a_sole_class_one_letter_away_is_read_as_the_podium_class(tmp_path):
    # `instructions` (a word of its own) was read as `instructor`: the exercise left the students'
    # deck and handout; `slideshow` as `slides`; a typo beside other classes is a CSS class too
    src = write_md(
        tmp_path,
        """
        ---
        title: Classes
        ---

        ## Exercise

        ::: instructions
        Do the exercise in pairs.
        :::

        ::: slideshow
        Shown everywhere too.
        :::

        ::: {.note .small}
        A small remark on the slide.
        :::

        ::: note
        Typed for the notes.
        :::

        ::: instuctor
        The answer is 42.
        :::
        """,
    )
    prs, stderr = _built(src, tmp_path / "out")
    slide = list(prs.slides)[1]
    body = paragraph_texts(slide)
    assert "Do the exercise in pairs." in body
    assert "Shown everywhere too." in body
    assert "A small remark on the slide." in body
    assert "Typed for the notes." not in body and "The answer is 42." not in body
    assert "Typed for the notes." in slide.notes_slide.notes_text_frame.text
    handout = " ".join(_pdf_text(tmp_path / "out" / "lecture-handout.pdf").split())
    assert "Do the exercise in pairs." in handout and "Shown everywhere too." in handout
    assert "The answer is 42." not in handout
    warned = [line for line in stderr.splitlines() if "-class]" in line]
    assert any(
        "lecture.md:19: warning: '::: note' is not a Podium class; read as '::: notes'" in w for w in warned
    )
    assert any(
        "lecture.md:23: warning: '::: instuctor'" in w and "read as '::: instructor'" in w for w in warned
    )
    assert any(
        "lecture.md:7: note: '::: instructions' is not a Podium class: its content is shown" in w
        and "'::: instructor'" in w
        and w.endswith("[near-class]")
        for w in warned
    )
    assert not any("small" in w or "read as '::: slides'" in w for w in warned)


TOC = """
---
title: Sommaire
toc: true
slide-level: 3
---

# Modèles de régression

## Régression linéaire

### Classe formule

Texte.

## ANOVA

### Anova

Texte.

# Clustering

## HCPC

### HCPC

Texte.
"""


def test_the_contents_slide_nests_subsections_under_their_sections(tmp_path):
    # the five section titles were one flat list, all at level 0
    src = write_md(tmp_path, TOC)
    out = tmp_path / "out"
    prs, _ = _built(src, out)
    contents = list(prs.slides)[1]
    assert contents.shapes.title.text == "Contents"
    levels = _levels(contents)
    assert levels == [
        (0, "Modèles de régression"),
        (1, "Régression linéaire"),
        (1, "ANOVA"),
        (0, "Clustering"),
        (1, "HCPC"),
    ]
    handout = _pdf_text(out / "lecture-handout.pdf")
    drawings = {  # the drawings of the slide: page 2 of the slides PDF, the handout's "Slide 2"
        "slides PDF": _pdf_text(out / "lecture-slides.pdf", page=2),
        "handout": handout[handout.index("SLIDE 2: CONTENTS") : handout.index("SLIDE 3")],
    }
    for pdf, drawing in drawings.items():
        assert _indent(drawing, "Régression linéaire") > _indent(drawing, "Modèles de régression"), pdf
        assert _indent(drawing, "HCPC") > _indent(drawing, "Clustering"), pdf
        assert _indent(drawing, "ANOVA") == _indent(drawing, "Régression linéaire"), pdf


def test_the_contents_slide_nests_three_levels_of_sections(tmp_path):
    # slide-level 4: `#`, `##` and `###` are sections, listed at levels 0, 1 and 2
    src = write_md(
        tmp_path,
        TOC.replace("slide-level: 3", "slide-level: 4").replace(
            "### Classe formule", "### Classe formule\n\n#### A"
        ),
    )
    prs, _ = _built(src, tmp_path / "out")
    contents = list(prs.slides)[1]
    levels = _levels(contents)
    assert levels[:4] == [
        (0, "Modèles de régression"),
        (1, "Régression linéaire"),
        (2, "Classe formule"),
        (1, "ANOVA"),
    ]
