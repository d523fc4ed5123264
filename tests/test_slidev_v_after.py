"""Slidev's ``v-after`` (an element's attribute, or the ``<v-after>`` tag): it comes on the same click as
the click before it, as Slidev shows it, not from the start and not on a click of its own."""

from __future__ import annotations

from tests.conftest import built_from_text, click_paragraphs, slide_text

DECK = """---
theme: default
---

# Deck

---

# Steps

<v-click>

First point

</v-click>

<img v-after src="x.png" />

<div v-click>

Second point

</div>

<v-after>

With second

</v-after>

Always
"""


def test_v_after_comes_with_the_click_before_it(tmp_path):
    prs, _, _ = built_from_text(tmp_path, DECK, "slides")
    slide = prs.slides[1]
    clicks = click_paragraphs(slide)
    assert len(clicks) == 2, clicks
    assert "First point" in clicks[0] and any("missing picture: x.png" in p for p in clicks[0]), clicks
    assert clicks[1] == ["Second point", "With second"], clicks
    text = slide_text(slide)
    assert "v-after" not in text and "Always" in text
