"""Marp and Slidev decks, from review 19: Slidev's clicks and slots written inside code blocks kept as
written, Slidev's click ranges on display math (``$$ {1|3|all}``), Marp's HTML blocks with ``<code>``,
``<kbd>`` and ``<pre>``, and the warning that ``<math>`` is left out."""

from __future__ import annotations

import re
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


# -- 3: <code> and <kbd> in an HTML block -------------------------------------------------------------


def _runs(slide) -> list[tuple[str, str | None]]:
    return [
        (r.text, r.font.name)
        for sh in slide.shapes
        if sh.has_text_frame
        for p in sh.text_frame.paragraphs
        for r in p.runs
    ]


def test_marp_code_and_kbd_in_an_html_paragraph_are_code_with_straight_quotes(tmp_path):
    deck, handout, _ = _build(
        tmp_path,
        """
        ---
        marp: true
        ---

        # Texto técnico

        <p>Pero no cualquiera escribe algo como:
        <code>function saludar() {
          return 'Hola, mundo!';
        }
        </code> y <kbd>Ctrl + C</kbd> o <code>a*b*c &lt; d</code>.</p>

        <p>Una línea: <code>return 'Hola';</code> y "comillas".</p>
        """,
    )
    runs = _runs(deck.slides[0])
    code = {text: font for text, font in runs}
    body = "".join(text for text, _ in runs)
    assert "function saludar() { return 'Hola, mundo!'; }" in code
    assert code["function saludar() { return 'Hola, mundo!'; }"] == code["Ctrl + C"] == code["a*b*c < d"]
    assert code["Ctrl + C"] not in (None, code.get("Texto técnico"))
    assert "return 'Hola';" in code and code["return 'Hola';"] == code["Ctrl + C"]
    assert '"comillas"' in body and "‘" not in body and "“" not in body
    assert "return 'Hola, mundo!';" in handout and "a*b*c < d" in handout


# -- 4: an HTML <pre> block is code -------------------------------------------------------------------


def test_marp_pre_block_is_a_code_block_with_its_spaces(tmp_path):
    deck, handout, err = _build(
        tmp_path,
        """
        ---
        marp: true
        ---

        # Pre

        <pre>
          ¿Que pasa si quiero algo con     muchos
          es    pa    ci    os? &lt;b&gt;
        </pre>

        <pre class="language-python"><code>if x:
            print("hi")</code></pre>
        """,
    )
    runs = _runs(deck.slides[0])
    lines = "".join(text for text, _ in runs)
    assert "  ¿Que pasa si quiero algo con     muchos" in lines
    assert "  es    pa    ci    os? <b>" in lines
    assert "    print(" in lines
    fonts = {font for text, font in runs if "muchos" in text or "print" in text}
    assert len(fonts) == 1 and None not in fonts
    assert "raw-html" not in err
    assert re.search(r"con {2,}muchos", handout) and re.search(r"es {2,}pa {2,}ci", handout), handout


# -- 5: MathML left out: its own warning, at its line -------------------------------------------------


def test_mathml_left_out_is_warned_at_its_line_and_never_folded(tmp_path):
    notes = "".join(f"\n## S{i}\n\n<note>*</note>\n\n---\n" for i in range(5))
    _, _, err = _build(
        tmp_path,
        "---\nmarp: true\n---\n"
        + notes
        + '\n## Fórmula\n\n<br/>\n<br/>\n<math xmlns="http://www.w3.org/1998/Math/MathML">\n'
        + "  <mi>x</mi><mo>=</mo><mn>2</mn>\n</math>\n",
        "slides",
    )
    line = ("---\nmarp: true\n---\n" + notes).count("\n") + 6
    assert f"deck.md:{line}: warning: not drawn: <math>" in err, err
    assert "left out ('x; =; 2')" in err
    assert "more of this kind" in err  # (the harmless raw-html warnings are still counted)
