"""Review 22: Marp and Slidev decks.  An HTML ``<ol>`` whose items hold blocks (``<div>``, ``<p>``) is
numbered 1, 2, 3 with each number beside its item's words; a Slidev slide's front-matter words
(``subtitle:``, a custom layout's props) are shown or named, and a cover written as front matter only
is the title slide; a Slidev deck without Slidev's headmatter keys is told by its slides' own front
matter; a Marp ``_class: title`` slide after a picture-only cover is the title slide."""

from __future__ import annotations

import subprocess

from .conftest import built_from_text, deck_titles, slide_text

_A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"


def _pdf_text(path) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


def _numbered(slide) -> list[tuple[str, str]]:
    """The paragraphs of ``slide`` that are numbered items: (their words, the number they start at)."""
    found = []
    for sh in slide.shapes:
        if not sh.has_text_frame:
            continue
        for p in sh.text_frame.paragraphs:
            auto = p._p.find(f"{_A}pPr/{_A}buAutoNum")
            if auto is not None:
                found.append((p.text.strip(), auto.get("startAt", "1")))
    return found


HTML_OL = """\
---
title: Programme
---

## Programme

<ol class="course-toc-list">
  <li>
    <span class="course-toc-list__number">01</span>
    <div>
      <strong>Prendre en main</strong>
      <small>VBE, projet, module.</small>
    </div>
  </li>
  <li>
    <div>
      <strong>Les bases</strong>
    </div>
  </li>
  <li><p>Piloter Excel</p><p>Range et Cells.</p></li>
</ol>
"""


def test_an_html_ol_whose_items_hold_blocks_is_numbered_one_two_three(tmp_path):
    prs, handout, stderr = built_from_text(tmp_path, HTML_OL)
    slide = prs.slides[1]
    # each item's first words beside its number, counted on: never an empty "1." over each item
    assert _numbered(slide) == [("01", "1"), ("Les bases", "2"), ("Piloter Excel", "3")]
    words = slide_text(slide)
    for line in ("Prendre en main", "VBE, projet, module.", "Range et Cells."):
        assert line in words and line in handout
    slides_pdf = _pdf_text(tmp_path / "out" / "lecture-slides.pdf")
    for number, item in (("1.", "01"), ("2.", "Les bases"), ("3.", "Piloter Excel")):
        assert any(line.split()[:1] == [number] and item in line for line in slides_pdf.splitlines()), (
            slides_pdf
        )
    assert "lecture.md:7: warning:" in stderr and "[raw-html]" in stderr


SECTION_PROPS = """\
---
theme: seriph
title: Cours VBA
---

# Cours VBA

William Florentin

---
layout: SectionTransitionLayout
kicker: Partie 1
title: Prendre en main l'éditeur
subtitle: Où écrire, où lancer, où observer.
---

---
layout: SummaryLayout
title: Programme
intro: Apprendre à écrire du Visual Basic simple.
---

- Sub et variables
"""


def test_a_slidev_slides_props_in_a_layout_of_its_own_are_shown_or_named(tmp_path):
    prs, handout, stderr = built_from_text(tmp_path, SECTION_PROPS)
    section, summary = prs.slides[1], prs.slides[2]
    assert section.slide_layout.name == "Section Header"
    assert section.shapes.title.text == "Prendre en main l’éditeur"
    assert "Où écrire, où lancer, où observer." in slide_text(section)
    assert "Où écrire, où lancer, où observer." in handout
    assert "Apprendre à écrire du Visual Basic simple." in slide_text(summary)
    assert "Sub et variables" in slide_text(summary)
    # the prop not shown is named at its line
    (kicker,) = [line for line in stderr.splitlines() if "kicker:" in line]
    assert "lecture.md:12: warning:" in kicker and "not shown" in kicker


COVER_PROPS = """\
---
theme: seriph
layout: VbaCoverLayout
title: VBA Excel
subtitle: Macros, objets Excel, conditions et boucles
trainer: William Florentin
institution: ESGI
---

---
layout: default
---

# Déclarer une variable

- Dim crée la variable
"""


def test_a_slidev_cover_written_as_front_matter_only_is_the_title_slide(tmp_path):
    prs, handout, stderr = built_from_text(tmp_path, COVER_PROPS)
    first = prs.slides[0]
    assert first.slide_layout.name == "Title Slide" and first.shapes.title.text == "VBA Excel"
    for words in ("Macros, objets Excel, conditions et boucles", "William Florentin", "ESGI"):
        assert words in slide_text(first) and words in handout
    assert deck_titles(prs)[1] == "Déclarer une variable"
    assert "trainer" not in stderr  # (shown: no "not used" note)


def test_a_slidev_built_in_layouts_unshown_props_are_named(tmp_path):
    text = "---\ntheme: default\n---\n\n# Deck\n\n---\nlayout: section\nsubtitle: Ce que la section couvre\n---\n\n# Partie 1\n"
    prs, _, stderr = built_from_text(tmp_path, text)
    assert deck_titles(prs)[-1] == "Partie 1"
    (said,) = [line for line in stderr.splitlines() if "subtitle:" in line]
    assert "lecture.md:9: note:" in said and "not shown" in said


SLIDE_TITLES = """\
---
layout: cover
title: VBA Excel
---

# VBA Excel

---
title: Déclarer une variable
---

- Dim crée la variable
"""


def test_a_slidev_deck_without_a_theme_is_told_by_its_slides_front_matter(tmp_path):
    prs, handout, stderr = built_from_text(tmp_path, SLIDE_TITLES)
    assert deck_titles(prs) == ["VBA Excel", "Déclarer une variable"]
    assert prs.slides[0].slide_layout.name == "Title Slide"
    assert "Dim crée la variable" in slide_text(prs.slides[1])
    assert "Dim crée la variable" not in slide_text(prs.slides[0])
    assert "[dialect]" in stderr
    footers = [sh.text_frame.text for sh in prs.slides[1].shapes if sh.has_text_frame and "Footer" in sh.name]
    assert footers == ["VBA Excel"]


def test_a_later_title_block_that_renames_a_pandoc_lecture_is_said(tmp_path):
    text = "---\ntitle: VBA Excel\n---\n\n# VBA Excel\n\n---\ntitle: Déclarer une variable\n---\n\n- Dim\n"
    _, _, stderr = built_from_text(tmp_path, text, command="slides")
    (said,) = [line for line in stderr.splitlines() if "[front-matter]" in line]
    assert "lecture.md:8: warning:" in said and "replaces the lecture's title" in said


MARP_PICTURE_COVER = """\
---
marp: true
paginate: true
---

<!-- _class: cover -->

![bg contain](thumbnail.png)

---

<!-- _class: title -->

# Collaborative Development

## Checking and writing in one place

---

# Today's goal

- The value of a four-phase workflow
"""


def test_a_marp_title_class_slide_after_a_picture_only_cover_is_the_title_slide(tmp_path):
    from PIL import Image

    Image.new("RGB", (64, 36), "navy").save(tmp_path / "thumbnail.png")
    prs, handout, stderr = built_from_text(tmp_path, MARP_PICTURE_COVER)
    first = prs.slides[0]
    assert first.slide_layout.name == "Title Slide"
    assert first.shapes.title.text == "Collaborative Development"
    assert "Checking and writing in one place" in slide_text(first)
    # the picture's slide is kept, after the title slide; the goal slide keeps its list
    assert len(prs.slides) == 3
    assert any(sh.shape_type == 13 for sh in prs.slides[1].shapes)  # (a picture)
    assert deck_titles(prs)[2] == "Today's goal"
    assert "Collaborative Development" in handout and "Checking and writing in one place" in handout
    (said,) = [line for line in stderr.splitlines() if "[title]" in line]
    assert "lecture.md:14: note:" in said and "picture-only slide" in said
