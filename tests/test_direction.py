"""A right-to-left lecture (``dir: rtl``, or ``lang: ar``/``he``/``fa``): both outputs start their
text at the right, put bullets on the right, read tables and columns from the right, and keep code
left to right.  Read back with python-pptx, poppler and LibreOffice."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from pptx import Presentation
from pptx.oxml.ns import qn

from podium import model as m
from podium.diagnostics import Diagnostics
from podium.reader import read_lecture

from .conftest import build_all, write_md
from .drawn import pages, render

ARABIC = """
---
title: الأمن الإنساني
lang: ar
author: د. ليلى
---

## ما هو الأمن الإنساني؟

- التحرر من الخوف
- التحرر من العوز
  - الغذاء والصحة
- العيش بكرامة

::: notes
ملاحظات المحاضر حول الشريحة.
:::

## جدول

| البعد | المثال |
|---|---|
| اقتصادي | الفقر |
| تعقيد | O(n²) |

## عمودان

:::: columns
::: column
- العمود الأول
:::
::: column
- العمود الثاني
:::
::::

## اقتباس

> الأمن الإنساني هو حماية الجوهر الحيوي لحياة البشر.
>
> — لجنة الأمن الإنساني

## رمز

```python
def factorial(n):
    # حساب المضروب
    return 1 if n <= 1 else n * factorial(n - 1)
```

- قائمة طويلة جداً مع def f(x): y
"""


def _direction(tmp_path: Path, front: str) -> tuple[m.Direction, list[str]]:
    src = write_md(tmp_path, f"---\ntitle: T\n{front}\n---\n\n## S\n\n- a\n")
    diags = Diagnostics()
    lecture = read_lecture(src, diags)
    return lecture.meta.direction, [d.format() for d in diags.items]


@pytest.mark.parametrize(
    ("front", "expected"),
    [
        ("lang: en", m.Direction.LTR),
        ("lang: ar", m.Direction.RTL),
        ("lang: he-IL", m.Direction.RTL),
        ("lang: fa_IR", m.Direction.RTL),
        ("lang: ur", m.Direction.RTL),
        ("lang: ar\ndir: ltr", m.Direction.LTR),
        ("lang: en\ndir: rtl", m.Direction.RTL),
        ("lang: en\ndir: RTL", m.Direction.RTL),
    ],
)
def test_the_direction_comes_from_dir_or_else_from_the_language(tmp_path, front, expected):
    direction, messages = _direction(tmp_path, front)
    assert direction is expected
    assert messages == []


def test_a_wrong_dir_is_a_warning_at_its_line_and_the_language_decides(tmp_path):
    direction, messages = _direction(tmp_path, "lang: ar\ndir: sideways")
    assert direction is m.Direction.RTL
    assert len(messages) == 1
    assert messages[0].endswith(
        "lecture.md:4: warning: dir must be rtl or ltr, not 'sideways'; the lecture's "
        "text runs right to left (from lang: ar) [front-matter]"
    )


@pytest.fixture(scope="module")
def arabic(tmp_path_factory):
    folder = tmp_path_factory.mktemp("rtl")
    return build_all(write_md(folder, ARABIC), folder / "out")


def _slide_paragraphs(slide):
    return [
        (shape, p)
        for shape in slide.shapes
        for p in shape._element.iter(qn("a:p"))
        if "".join(t.text or "" for t in p.iter(qn("a:t"))).strip()
    ]


def test_the_deck_marks_every_paragraph_right_to_left_but_code(arabic):
    prs = Presentation(str(arabic.deck))
    slides = list(prs.slides)
    bullets = [p for _, p in _slide_paragraphs(slides[1]) if "التحرر" in "".join(p.itertext())]
    assert len(bullets) == 2
    for p in bullets:
        ppr = p.find(qn("a:pPr"))
        assert ppr.get("rtl") == "1" and ppr.get("algn") == "r"
    notes = slides[1].notes_slide.notes_text_frame.paragraphs[0]._p.find(qn("a:pPr"))
    assert notes is not None and notes.get("rtl") == "1"
    table = next(s for s in slides[2].shapes if s.has_table)
    assert table._element.find(".//" + qn("a:tblPr")).get("rtl") == "1"
    code = [p for _, p in _slide_paragraphs(slides[5]) if "factorial" in "".join(p.itertext())]
    assert code and all((p.find(qn("a:pPr")) is None or p.find(qn("a:pPr")).get("rtl") is None) for p in code)


def test_the_first_column_is_on_the_right(arabic):
    prs = Presentation(str(arabic.deck))
    shapes = {s.text_frame.text: s for s in list(prs.slides)[3].shapes if s.has_text_frame}
    first, second = shapes["العمود الأول"], shapes["العمود الثاني"]
    assert first.left > second.left + second.width // 2


def test_a_left_to_right_deck_says_nothing_of_direction(default_built):
    prs = Presentation(str(default_built.deck))
    for slide in prs.slides:
        for p in slide._element.iter(qn("a:pPr")):
            assert p.get("rtl") is None


LAST_WORDS = ("الخوف", "العوز", "بكرامة")  # the end of each first-level bullet: drawn leftmost


def _line_ends(words):
    """The words ending the bullets (a PDF may hold right-to-left text in visual order: reversed)."""
    return [w for w in words if w.text in LAST_WORDS or w.text[::-1] in LAST_WORDS]


def test_libreoffice_draws_the_bullets_from_the_right(arabic, soffice, tmp_path):
    pdf = render([arabic.deck], tmp_path, soffice)[arabic.deck]
    width, _, words = pages(pdf)[1]
    ends = _line_ends(words)
    assert len(ends) == 3
    bullets = [w for w in words if w.text == "•"]
    assert len(bullets) == 3
    for end, bullet in zip(sorted(ends, key=lambda w: w.y0), sorted(bullets, key=lambda w: w.y0)):
        assert 0.6 * width < end.x0 < end.x1 < bullet.x0, (end, bullet)  # text, then its bullet on the right


def test_the_slides_pdf_and_the_handout_draw_it_right_to_left(arabic):
    width, _, words = pages(arabic.slides_pdf)[1]
    ends = _line_ends(words)
    assert len(ends) == 3
    assert all(w.x0 > 0.6 * width for w in ends), ends
    # the handout: the slide's drawing on the right of the page, its notes on the left
    for pw, _, hwords in pages(arabic.handout):
        ends = _line_ends(hwords)
        noted = [w for w in hwords if "المحاضر" in (w.text, w.text[::-1])]
        if ends and noted:
            assert len(ends) == 3
            assert min(w.x0 for w in ends) > pw / 2 > noted[0].x1
            break
    else:
        pytest.fail("no handout page with the slide's drawing and its notes")


def test_a_quotations_source_is_at_its_end_on_the_left_and_words_podium_writes_are_arabic(arabic):
    prs = Presentation(str(arabic.deck))
    source = [p for _, p in _slide_paragraphs(list(prs.slides)[4]) if "لجنة" in "".join(p.itertext())]
    assert source and source[0].find(qn("a:pPr")).get("algn") == "l"  # the end of a right-to-left line
    text = subprocess.run(["pdftotext", str(arabic.handout), "-"], capture_output=True, text=True).stdout
    assert "المحتويات" in text and "Contents" not in text  # the contents page's heading
