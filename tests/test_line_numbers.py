"""Numbered code lines: pandoc's ``.numberLines`` (``startFrom``) and Quarto's ``code-line-numbers="true"``,
in the deck, its continuation slides and the handout."""

from __future__ import annotations

import subprocess

from pptx import Presentation

from podium import model as m
from podium.deck.measure import code_fits_width
from podium.diagnostics import Diagnostics
from podium.reader import parse_lecture, read_lecture

from .conftest import run_cli, write_md

NUMBERED = """\
---
title: Numbered code
---

## Area

```{.python .numberLines startFrom="8"}
def area(r):
    return 3.14159 * r * r

print(area(2))
```

## Quarto

```{.r code-line-numbers="true"}
x <- c(1, 2, 3)
mean(x)
```

## Plain

```python
plain = True
```
"""


def _code_frames(deck):
    """Each slide's code box: its paragraphs' texts and first runs (the shaded text box)."""
    out = []
    for s in deck.slides:
        for sh in s.shapes:
            if sh.has_text_frame and sh.fill.type is not None and sh.text_frame.text.strip():
                out.append(sh.text_frame.paragraphs)
    return out


def test_numbered_lines_in_the_deck_and_the_handout(tmp_path):
    src = write_md(tmp_path, NUMBERED)
    out = tmp_path / "out"
    res = run_cli("all", src, "-o", out)
    assert res.exit_code == 0, res.stderr  # (check too: the numbers are no drift)
    frames = _code_frames(Presentation(str(out / "lecture.pptx")))
    area, quarto, plain = ([p.text for p in f] for f in frames)
    assert area == [" 8 def area(r):", " 9     return 3.14159 * r * r", "10 ", "11 print(area(2))"]
    assert quarto == ["1 x <- c(1, 2, 3)", "2 mean(x)"]
    assert plain == ["plain = True"]
    first = frames[0][0].runs[0]
    assert first.text == " 8 " and str(first.font.color.rgb) == "8C959F"  # muted, apart from the code
    assert frames[0][0].runs[1].text == "def" and str(frames[0][0].runs[1].font.color.rgb) != "8C959F"
    text = subprocess.run(
        ["pdftotext", "-layout", str(out / "lecture-handout.pdf"), "-"], capture_output=True, text=True
    ).stdout
    assert " 8 def area(r):" in text and "11 print(area(2))" in text
    assert "1 x <- c(1, 2, 3)" in text
    assert "1 plain = True" not in text


def test_a_long_numbered_listing_goes_on_counting_on_its_continuation_slide(tmp_path):
    lines = "\n".join(f"value_{k} = {k}" for k in range(1, 41))
    src = write_md(
        tmp_path, f"---\ntitle: Long\n---\n\n## Long\n\n```{{.python .numberLines}}\n{lines}\n```\n"
    )
    out = tmp_path / "out"
    res = run_cli("slides", src, "-o", out)
    assert res.exit_code == 0, res.stderr
    frames = _code_frames(Presentation(str(out / "lecture.pptx")))
    assert len(frames) >= 2
    texts = [p.text for f in frames for p in f]
    assert texts == [f"{n:>2} value_{n} = {n}" for n in range(1, 41)]


def test_the_reader_takes_the_number_and_the_language():
    diags = Diagnostics()
    src = '---\ntitle: T\n---\n\n## S\n\n```{.numberLines .python startFrom="x"}\npass\n```\n'
    lec = parse_lecture(src, "t.md", diags)
    (code,) = [b for s in lec.slides for b in m.walk(s.body) if isinstance(b, m.CodeBlock)]
    assert code.language == "python" and code.first_line == 1
    assert any(d.code == "attribute" and 'startFrom="x"' in d.message for d in diags.items)


def test_the_numbers_count_in_the_width_that_decides_the_code_type_size():
    code = "\n".join(["x" * 60] * 6)  # lines 995 to 1000
    plain = m.CodeBlock(code, "text", m.SourcePos("t.md", 1))
    numbered = m.CodeBlock(code, "text", m.SourcePos("t.md", 1), first_line=995)
    assert numbered.gutter() == 5  # "1000 "
    width = 0
    for emu in range(1_000_000, 12_000_000, 20_000):  # the narrowest box the plain line fits at 18 pt
        if code_fits_width(plain, emu, 18, "DejaVu Sans Mono"):
            width = emu
            break
    assert width and not code_fits_width(numbered, width, 18, "DejaVu Sans Mono")


def test_the_default_lecture_reads_unchanged():
    lec = read_lecture("content/human-security.md", Diagnostics())
    assert all(b.first_line is None for s in lec.slides for b in m.walk(s.body) if isinstance(b, m.CodeBlock))
