"""A xaringan deck's own column classes: ``.left4[…]`` / ``.right6[…]`` that the deck's CSS (a
```{css} chunk or a <style> block) floats left and right with widths in % are columns side by side,
at those widths, as xaringan draws them."""

from __future__ import annotations

from pptx import Presentation

from .conftest import run_cli, write_md

DECK = """
---
title: Own columns
output: xaringan::moon_reader
---

```{css, echo = F}
.left4 { width: 38%; float: left; }
.right6 { width: 60%; float: right; }
.box { width: 50%; }
```

# Two columns

.left4[
Left words here.
]

.right6[
Right words here.
]

---

# Not a column

.box[
Unfloated words.
]
"""


def _boxes(slide, width):
    return {
        sh.text_frame.text: (sh.left / width, sh.width / width)
        for sh in slide.shapes
        if sh.has_text_frame and "words" in sh.text_frame.text
    }


def test_the_decks_own_floated_classes_are_columns_at_their_widths(tmp_path):
    src = write_md(tmp_path, DECK, "deck.Rmd")
    result = run_cli("slides", src, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.stderr
    prs = Presentation(str(tmp_path / "out" / "deck.pptx"))
    two = _boxes(list(prs.slides)[1], prs.slide_width)
    (left_x, left_w), (right_x, right_w) = two["Left words here."], two["Right words here."]
    assert left_x + left_w <= right_x  # side by side
    assert 0.55 < left_w / right_w < 0.75  # 38 : 60
    one = _boxes(list(prs.slides)[2], prs.slide_width)
    assert list(one) == ["Unfloated words."]
