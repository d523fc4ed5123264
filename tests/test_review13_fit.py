"""Slides fitted as the deck draws them (thirteenth review): a callout beside a picture set at the size
its caption box gives it (as the slides PDF sets it) and measured as drawn, so it stays in its box;
columns that go on to a "(cont.)" slide keep their reading order; a table of Korean text has rows as
tall as its East Asian face draws them, so it does not cover the text below it."""

from __future__ import annotations

import shutil

import pytest
from PIL import Image

from .conftest import cli_deck, paragraph_texts, run_cli, write_md
from .drawn import EMU_PER_PT, pages, problems, render

CALLOUT = """
---
title: "Wahrscheinlichkeit"
format: revealjs
lang: de
---

## Definition von Wahrscheinlichkeit

::: {.callout-note title="Definition: Wahrscheinlichkeit"}
Die Wahrscheinlichkeit ist ein Maß für die Plausibilität einer Aussage $A$, gegeben Hintergrundinformationen $D$: $Pr(A|D)$. Sie liegt zwischen 0 (unmöglich) und 1 (sicher).
:::

![Ein Ereignis, von dessen Eintreten man gering bzw. stark überzeugt ist](pic.png){width="50%"}
"""

KOREAN_TABLE = """
---
title: 참조
---

## 참조 vs 포인터: 비교표

| 항목 | 포인터 (`int* p`) | 참조 (`int& r`) |
|------|-------------------|-----------------|
| 초기화 | 선언 후 대입 가능 | **선언 시 필수** |
| null 가능 여부 | `nullptr` 가능 | **불가** |
| 재지정 (rebind) | `p = &y` 가능 | **불가** — 항상 같은 변수 |
| 값 접근 문법 | `*p` (역참조 필요) | `r` (변수처럼 직접 사용) |
| 주소 접근 | `p` 자체가 주소 | `&r` (원본의 주소 반환) |
| 포인터 연산 | `p++`, `p + n` 가능 | **불가** |
| 배열 원소 순회 | 포인터 연산으로 가능 | 불가 |
| 안전성 | 낮음 (null, 댕글링 위험) | **높음** |

<br>

> **규칙**: 재지정이나 null이 필요하면 포인터, 그 외엔 **참조**를 쓰는 것이 C++ 관례다.
"""


@pytest.fixture(scope="module")
def drawn(tmp_path_factory):
    """The callout and Korean table lectures built by the command line and drawn by LibreOffice:
    {name: (deck, its PDF)}."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice or not shutil.which("pdftotext"):
        pytest.skip("LibreOffice (soffice) and pdftotext are needed; CI installs them")
    root = tmp_path_factory.mktemp("review13-fit")
    Image.new("RGB", (600, 450), (120, 120, 190)).save(root / "pic.png")
    decks = {}
    for name, text in (("callout.qmd", CALLOUT), ("korean.md", KOREAN_TABLE)):
        src = write_md(root, text, name)
        result = run_cli("all", src, "-o", root / "out")
        assert result.exit_code == 0, result.stderr
        decks[src.stem] = root / "out" / f"{src.stem}.pptx"
    pdfs = render(list(decks.values()), root / "pdf", soffice)
    return {name: (deck, pdfs[deck]) for name, deck in decks.items()}


def test_a_callout_beside_a_picture_stays_in_its_box_in_libreoffice(drawn):
    """Every word of the callout is drawn inside its tinted box (the deck wrote it at 24 pt in a box
    measured for smaller type: its last lines ran out below the box), and nothing else is lost."""
    from pptx import Presentation

    deck, pdf = drawn["callout"]
    slide = Presentation(str(deck)).slides[1]
    box = next(sh for sh in slide.shapes if sh.name == "Callout")
    x0, y0 = box.left / EMU_PER_PT, box.top / EMU_PER_PT
    x1, y1 = x0 + box.width / EMU_PER_PT, y0 + box.height / EMU_PER_PT
    others = {
        w
        for sh in slide.shapes
        if sh.has_text_frame and sh.shape_id != box.shape_id
        for w in sh.text_frame.text.split()
    }
    mine = set(box.text_frame.text.split()) - others
    _, _, words = pages(pdf)[1]
    inside = [w for w in words if w.text in mine]
    assert {"Hintergrundinformationen", "(sicher)."} <= {w.text for w in inside}
    for w in inside:
        assert x0 - 1 <= w.x0 and w.x1 <= x1 + 1 and y0 - 1 <= w.y0 and w.y1 <= y1 + 1, (
            f"'{w.text}' drawn at {w.x0:.0f},{w.y0:.0f}-{w.x1:.0f},{w.y1:.0f} outside the callout "
            f"{x0:.0f},{y0:.0f}-{x1:.0f},{y1:.0f}"
        )
    assert problems(deck, pdf) == []


def test_a_callout_beside_a_picture_is_as_large_in_the_deck_as_in_the_slides_pdf(drawn):
    """The deck sets the callout's text at the size the slides PDF draws it in the caption's box (not
    at a text box's 24 pt): a word of it is as wide in LibreOffice's drawing of the deck as there."""
    deck, pdf = drawn["callout"]
    word = "Hintergrundinformationen"
    # (its width: the same face in both, and poppler gives the two PDFs' words boxes of other heights)
    in_deck = [w.x1 - w.x0 for w in pages(pdf)[1][2] if w.text == word]
    in_drawing = [w.x1 - w.x0 for w in pages(deck.with_name("callout-slides.pdf"))[1][2] if w.text == word]
    assert in_deck and in_drawing
    assert abs(in_deck[0] - in_drawing[0]) < 0.1 * in_drawing[0]


def test_a_korean_table_does_not_cover_the_text_below_it_in_libreoffice(drawn):
    """The rows are written as tall as LibreOffice draws lines of Korean text (its East Asian face's
    line, taller than Latin text's), so the table keeps to its frame and the quote under it shows."""
    from pptx import Presentation

    deck, pdf = drawn["korean"]
    assert problems(deck, pdf) == []
    slide = Presentation(str(deck)).slides[1]
    table = next(sh for sh in slide.shapes if sh.has_table)
    _, _, words = pages(pdf)[1]
    last = max(w.y1 for w in words if w.text in ("안전성", "높음"))  # (the last row's words)
    quote = min(w.y0 for w in words if w.text in ("규칙", "관례다."))
    assert last <= (table.top + table.height) / EMU_PER_PT + 2  # the rows inside the frame written
    assert last < quote


COLUMNS = """
---
title: Order
---

## Returning references

A function that returns a reference can be assigned to directly by the caller.
The caller then changes the variable the reference names, wherever it lives.

:::: {.columns}
::: {.column width="50%"}
### The basics

```cpp
int g_value = 10;

// a global's reference: safe
int& get_value() {
    return g_value;
}

int main() {
    get_value() = 99;
    printf("%d\\n", g_value);

    int& r = get_value();
    r = 42;
    printf("%d\\n", g_value);
    r += 1;
    printf("%d\\n", g_value);
}
```
:::

::: {.column width="50%"}
### Never do this

```cpp
int& danger() {
    int local = 10;
    return local;
}

int main() {
    int& r = danger();
    r = 99;
}
```

> **Rule**: return only references you were given or globals.
:::
::::
"""

SLIDEV = """
---
layout: two-cols-header
---

# 참조 반환

함수가 참조를 반환하면 **호출 측에서 직접 대입**할 수 있다.

::left::

## 참조 반환 기본

```cpp {}
int g_value = 10;

// 전역/정적 변수의 참조 반환 — 안전
int& get_value() {
    return g_value;
}

int main() {
    get_value() = 99;          // 직접 대입 가능
    printf("%d\\n", g_value);   // 99

    int& r = get_value();      // 참조로 받기
    r = 42;
    printf("%d\\n", g_value);   // 42
}
```

::right::

## ❌ 지역 변수 참조 반환 — 절대 금지

```cpp {}
int& danger() {
    int local = 10;
    return local;   // 💥 댕글링 참조!
    // local은 함수 종료 시 소멸
    // 반환된 참조는 소멸된 메모리를 가리킴
}

int main() {
    int& r = danger();
    r = 99;   // 💥 UB (Undefined Behavior)
}
```

<br>

> **규칙**: 함수의 참조 반환은 **매개변수로 받은 참조** 또는
> **전역/정적 변수**만 반환해야 한다.
"""


def _first_slide_with(prs, text: str) -> int:
    return next(i for i, s in enumerate(prs.slides) if any(text in t for t in paragraph_texts(s)))


@pytest.mark.parametrize(
    ("name", "text", "left", "right"),
    [
        ("columns.md", COLUMNS, "The basics", "Never do this"),
        ("slides.md", SLIDEV, "참조 반환 기본", "지역 변수 참조 반환"),
    ],
    ids=["pandoc-columns", "slidev-two-cols"],
)
def test_columns_continued_on_the_next_slide_keep_their_reading_order(tmp_path, name, text, left, right):
    """A slide of two columns too full for the room under its first lines: the right column never
    comes first with the left half empty (the left column on the "(cont.)" slide); here both columns
    go on together, the lines before them first, and nothing is lost."""
    src = write_md(tmp_path, text, name)
    prs, _ = cli_deck(src, tmp_path / "out")
    starts = _first_slide_with(prs, left)
    assert starts <= _first_slide_with(prs, right)
    shown = [t for s in prs.slides for t in paragraph_texts(s)]
    for words in (left, right, "return local;", "return g_value;"):
        assert any(words in t for t in shown), words
