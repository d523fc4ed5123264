"""Marp and Slidev decks, from review 19: Slidev's clicks and slots written inside code blocks kept as
written, Slidev's click ranges on display math (``$$ {1|3|all}``), Marp's HTML blocks with ``<code>``,
``<kbd>`` and ``<pre>``, and the warning that ``<math>`` is left out."""

from __future__ import annotations

import subprocess
from pathlib import Path

from pptx import Presentation

from .conftest import run_cli, write_md

_M = "{http://schemas.openxmlformats.org/officeDocument/2006/math}"


def _build(tmp_path: Path, text: str, command: str = "all", *args: str):
    """The deck built by the command line from ``text`` (deck.md): (python-pptx's deck, the handout's
    text with ``all``, stderr)."""
    src = write_md(tmp_path, text, "deck.md")
    out = tmp_path / "out"
    result = run_cli(command, src, "-o", out, *args)
    assert result.exit_code == 0, result.stderr
    handout = ""
    if command == "all":
        handout = subprocess.run(
            ["pdftotext", "-layout", str(out / "deck-handout.pdf"), "-"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    return Presentation(str(out / "deck.pptx")), handout, result.stderr


def _texts(slide) -> str:
    return "\n".join(sh.text_frame.text for sh in slide.shapes if sh.has_text_frame)


# -- 1: Slidev's tags inside code are code ------------------------------------------------------------


def test_slidev_click_tags_in_a_fenced_code_block_are_shown_as_written(tmp_path):
    deck, handout, err = _build(
        tmp_path,
        """
        ---
        theme: default
        ---

        # Markdown code

        ```html
        <Banner type="warning" v-click>

        Remember the **blank lines**!

        </Banner>
        ```

        ---

        # v-clicks in code

        ```md
        <v-clicks>

        - one
        - two

        </v-clicks>
        <v-click>Hi</v-click>
        ```

        <v-click>

        Real click

        </v-click>
        """,
    )
    first, second = _texts(deck.slides[0]), _texts(deck.slides[1])
    assert '<Banner type="warning" v-click>' in first and "</Banner>" in first
    assert "<v-clicks>" in second and "</v-clicks>" in second and "<v-click>Hi</v-click>" in second
    assert ":::" not in first + second and ":::" not in handout
    assert '<Banner type="warning" v-click>' in handout and "<v-clicks>" in handout
    assert "Real click" in second  # (a click outside the code is still read)


def test_slidev_slot_written_in_code_does_not_split_a_two_cols_slide(tmp_path):
    deck, _, _ = _build(
        tmp_path,
        """
        ---
        layout: two-cols
        ---

        # Slots

        ```md
        ::right::
        <v-click>
        ```
        """,
        "slides",
    )
    text = _texts(deck.slides[0])
    assert "::right::" in text and "<v-click>" in text and ":::" not in text.replace("::right::", "")


# -- 2: Slidev's click ranges of display math ---------------------------------------------------------


def test_slidev_click_ranges_after_display_math_opening_are_not_math(tmp_path):
    deck, _, err = _build(
        tmp_path,
        r"""
        ---
        theme: seriph
        ---

        # LaTeX

        <v-click>

        Block

        </v-click>

        $$ {1|2|all}
        \begin{aligned}
        a &= b \\
        c &= d
        \end{aligned}
        $$
        """,
        "slides",
    )
    maths = [
        "".join(t.text or "" for t in el.iter(f"{_M}t"))
        for el in deck.slides[0]._element.iter(f"{_M}oMathPara")
    ]
    assert maths and all("all" not in x and "|" not in x for x in maths), maths
    assert any("a=b" in x.replace(" ", "") for x in maths), maths
    assert "deck.md:13: note: {1|2|all} highlights the equation's rows" in err
