"""A slide split into parts: a part with room to spare is not left in the small type a fuller part needs
(at most a step larger than it, so the parts of one slide still look alike)."""

from __future__ import annotations

from .conftest import built_from_text

LECTURE = """\
---
title: Lecture
---

## Columns

- Split the screen into columns
- `st.columns(N)` makes N columns
- `st.columns([ratio1, ratio2, ...])` sets their widths

```python
import streamlit as st

col1, col2, col3 = st.columns(3)

with col1:
   st.header("Cat")
   st.image("https://static.streamlit.io/examples/cat.jpg")

with col2:
   st.header("Dog")
   st.image("https://static.streamlit.io/examples/dog.jpg")

with col3:
   st.header("Owl")
   st.image("https://static.streamlit.io/examples/owl.jpg")

# exercise: add this to app.py
```
"""


def _body_sizes(slide) -> list[float]:
    return [
        r.font.size.pt
        for sh in slide.placeholders
        if sh.placeholder_format.idx == 1
        for p in sh.text_frame.paragraphs
        for r in p.runs
        if r.font.size and not r.font.name
    ]


def test_a_part_with_room_is_set_larger_than_the_floor(tmp_path):
    prs, handout, _ = built_from_text(tmp_path, LECTURE)
    titles = [s.shapes.title.text for s in prs.slides if s.shapes.title is not None]
    assert titles[1:] == ["Columns", "Columns (cont.)"], titles
    first, second = _body_sizes(prs.slides[1]), _body_sizes(prs.slides[2])
    assert first and second, (first, second)
    assert max(second) <= 18.0  # the part with the listing is at the floor
    assert min(first) >= 20.0  # the part with two bullets is not
    assert min(first) <= 1.25 * max(second) + 0.1  # but at most a step larger


def test_the_parts_of_a_smaller_slide_stay_smaller(tmp_path):
    from .conftest import run_cli, write_md

    lines = ["---", "title: T", "format: revealjs", "---", "", "## Long {.smaller}", ""]
    lines += [f"- Item number {i} with a few more words to make the line long enough" for i in range(22)]
    src = write_md(tmp_path, "\n".join(lines) + "\n", "lecture.qmd")
    result = run_cli("slides", src, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.stderr
    from pptx import Presentation

    prs = Presentation(str(tmp_path / "out" / "lecture.pptx"))
    parts = [s for s in prs.slides if s.shapes.title is not None and s.shapes.title.text.startswith("Long")]
    assert len(parts) >= 2
    for part in parts:
        sizes = _body_sizes(part)
        assert sizes and max(sizes) <= 0.8 * 24 + 0.05, sizes  # a step smaller than the 24 pt body, as Quarto
