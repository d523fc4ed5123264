"""pandoc and Quarto decks as reviewers brought them: pictures in the cells of an HTML table, LaTeX's
text letters (``\\AA``) in math, a bullet list of numbered items, a Quarto format's own title keys,
``.unlisted`` headings and the line after ``<br><br>``."""

from __future__ import annotations

import re

from .conftest import cli_deck as _deck
from .conftest import write_md

_MATH_TEXT = re.compile(r"<m:t>([^<]*)</m:t>")


def test_text_letters_in_math_are_the_characters_and_the_equation_stays_math(tmp_path):
    # `\text{\AA}` made the whole display equation a code listing and the inline math raw TeX
    src = write_md(
        tmp_path,
        r"""
        ---
        title: Letters
        ---

        # Grain size

        $$
        \nu = 32\,\text{GHz}\times\left(\frac{5\,\text{\AA}}{a}\right)^{5/2}
        $$

        Only grains with $a \lesssim 10\,\text{\AA}$ contribute, $5\,\AA$ too.

        Names: $\text{Gau\ss{} and Schr\"odinger, \'{e}t\'e, \c{c}, \o, na\"{\i}ve}$.
        """,
    )
    deck, err = _deck(src, tmp_path / "out")
    assert "[math]" not in err, err
    slide = deck.slides[1]
    assert not [sh for sh in slide.shapes if sh.name.startswith("Code")]
    said = "".join(_MATH_TEXT.findall(slide._element.xml)).replace("\xa0", " ")
    assert said.count("Å") == 3 and "GHz" in said, said
    assert "Gauß and Schrödinger, été, ç, ø, naïve" in said, said
    words = " ".join(sh.text_frame.text for sh in slide.shapes if sh.has_text_frame)
    assert "\\" not in words, words
