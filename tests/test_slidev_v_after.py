"""Slidev's ``v-after`` (an element's attribute, or the ``<v-after>`` tag): it comes on the same click as
the click before it, as Slidev shows it, not from the start and not on a click of its own."""

from __future__ import annotations

from pptx import Presentation

from tests.conftest import click_paragraphs, run_cli

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
    src = tmp_path / "deck.md"
    src.write_text(DECK, encoding="utf-8")
    result = run_cli("slides", src, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.stderr
    slide = Presentation(str(tmp_path / "out" / "deck.pptx")).slides[1]
    clicks = click_paragraphs(slide)
    assert len(clicks) == 2, clicks
    assert "First point" in clicks[0] and any("missing picture: x.png" in p for p in clicks[0]), clicks
    assert clicks[1] == ["Second point", "With second"], clicks
    text = "\n".join(sh.text_frame.text for sh in slide.shapes if sh.has_text_frame)
    assert "v-after" not in text and "Always" in text
