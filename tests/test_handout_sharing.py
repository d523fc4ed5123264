"""The student and instructor handouts share one layout when only their covers differ
(podium.handout.sharing), and never when a template or the lecture makes their pages differ.

Read back as a reader would: the text of every page (poppler's pdftotext through pypdfium2), the
outline, the links and the structure tree; the build is counted only to prove the layout is shared.
"""

from __future__ import annotations

import pypdfium2 as pdfium
import pytest
from pypdf import PdfReader

import podium.handout.pdf as handout_pdf
from podium.handout.sharing import cover_only, layout_key
from podium.labels import labels_for

from .conftest import write_md

PLAIN = """
---
title: Shared pages
author: [Ann Lecturer]
date: 2026-12-02
---

# Part one

## Why it matters

- People before borders
- Freedom from fear and from want

::: notes
Start with a question to the room.
:::

## A table

| Year | Millions |
|------|---------:|
| 2020 | 82.4 |
| 2021 | 89.3 |

# Part two

## Where it goes

See [the report](#why-it-matters) and the notes.

::: handout
Read chapter two before the seminar.
:::
"""


def pages_text(pdf) -> list[str]:
    doc = pdfium.PdfDocument(str(pdf))
    try:
        return [doc[i].get_textpage().get_text_range() for i in range(len(doc))]
    finally:
        doc.close()


@pytest.fixture
def layouts(monkeypatch):
    """Every HTML document WeasyPrint lays out during the test, in order."""
    seen: list[str] = []
    real = handout_pdf._layout

    def counting(html, base_url, fetcher):
        seen.append(html)
        return real(html, base_url, fetcher)

    monkeypatch.setattr(handout_pdf, "_layout", counting)
    return seen


def test_without_variant_content_the_instructor_handout_reuses_the_students_pages(tmp_path, cli, layouts):
    src = write_md(tmp_path, PLAIN)
    out = tmp_path / "out"
    result = cli("all", src, "-o", out)
    assert result.exit_code == 0, result.stderr
    student, instructor = out / "lecture-handout.pdf", out / "lecture-instructor.pdf"

    # laid out: the slides PDF (first: the handouts' drawings start from what it measured), the
    # student handout whole, the instructor's cover alone
    assert len(layouts) == 3
    assert "podium-slides" in layouts[0]
    assert "<main" in layouts[1] and "<main" not in layouts[2]
    assert layouts[2].rstrip().endswith('<div id="podium-cover-end"></div>\n</body>\n</html>')

    s, i = pages_text(student), pages_text(instructor)
    assert len(s) == len(i) > 2
    assert s[1:] == i[1:]  # every page after the cover is the student's
    labels = labels_for("en")
    assert labels["cover_note_instructor"].split(":")[0] in i[0]
    assert labels["cover_note_instructor"].split(":")[0] not in s[0]

    rs, ri = PdfReader(student), PdfReader(instructor)
    assert "podium-variant:instructor" in ri.metadata["/Keywords"]
    assert "Instructor" in ri.metadata["/Title"] and "Instructor" not in rs.metadata["/Title"]
    assert [o.title for o in ri.outline if not isinstance(o, list)] == [
        o.title for o in rs.outline if not isinstance(o, list)
    ]
    assert set(ri.named_destinations) == set(rs.named_destinations)
    assert "/StructTreeRoot" in ri.trailer["/Root"]  # still tagged (PDF/UA)
    # `all` checked the pair; `check` agrees on the files as written
    assert cli("check", src, "-o", out).exit_code == 0


def test_instructor_text_lays_the_instructor_handout_out_whole(tmp_path, cli, layouts):
    src = write_md(tmp_path, PLAIN + "\n::: instructor\nTell them the exam question.\n:::\n")
    out = tmp_path / "out"
    assert cli("all", src, "-o", out).exit_code == 0
    assert len(layouts) == 3 and all("<main" in h for h in layouts[1:])  # both handouts laid out whole
    assert "exam question" in "".join(pages_text(out / "lecture-instructor.pdf"))
    assert "exam question" not in "".join(pages_text(out / "lecture-handout.pdf"))


def test_a_template_that_marks_the_instructors_pages_is_not_shared(tmp_path, cli, layouts):
    """A style for `.variant-instructor` outside the cover could change any page: nothing is shared."""
    folder = tmp_path / "templates" / "marked"
    (folder / "handout").mkdir(parents=True)
    (folder / "theme.yaml").write_text("extends: default\n", encoding="utf-8")
    (folder / "handout" / "marked.css").write_text(
        '.variant-instructor .notes::before { content: "TUTOR COPY"; }\n', encoding="utf-8"
    )
    src = write_md(tmp_path, PLAIN)
    out = tmp_path / "out"
    result = cli("all", src, "-o", out, "--template", folder)
    assert result.exit_code == 0, result.stderr
    assert len(layouts) == 3 and all("<main" in h for h in layouts[1:])
    later = "".join(pages_text(out / "lecture-instructor.pdf")[1:])
    assert "TUTOR COPY" in later
    assert "TUTOR COPY" not in "".join(pages_text(out / "lecture-handout.pdf"))


@pytest.mark.parametrize(
    "css, shared",
    [
        (".variant-instructor .cover-note { color: red }", True),
        ("/* .variant-instructor main */ .cover { color: red }", True),
        (".variant-instructor main { color: red }", False),
        ("body[class*=variant] h2 { color: red }", False),
        ('@import url("other.css");', False),
    ],
)
def test_layout_key_refuses_variant_styles_beyond_the_cover(css, shared):
    html = (
        f"<html><head><style>{css}</style></head>"
        '<body class="layout-notes variant-student"><div class="cover-page">x</div>'
        '<div id="podium-cover-end"></div><main>y</main></body></html>'
    )
    assert (layout_key(html) is not None) is shared
    if shared:  # the instructor's version of the same page has the same key
        assert layout_key(html.replace("variant-student", "variant-instructor")) == layout_key(html)
        assert cover_only(html).count("<main>") == 0


def test_a_template_without_the_cover_mark_shares_nothing():
    html = '<html><head></head><body class="variant-student"><main>y</main></body></html>'
    assert layout_key(html) is None
