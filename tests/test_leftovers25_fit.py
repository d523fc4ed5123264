"""Review 25's leftovers on fit: a listing cut over slides takes no more slides than filling them would."""

from __future__ import annotations

import pytest

from tests.conftest import built_from_text, deck_titles, paragraph_texts


def _adding_up(lines: int) -> str:
    """A lecture with one slide: a line, the sentence over a listing of ``lines`` lines, four bullets."""
    code = ["Sub Report()"]
    code += [f"    total{k} = total{k - 1} + Cells({k}, 2).Value" for k in range(1, lines - 1)]
    code += ["End Sub"]
    body = "\n".join(code)
    return f"""
        ---
        title: Loops
        ---

        # Adding up a column

        Totals

        Each line adds one cell of the column to the running total.

        ```vb
        {body.replace(chr(10), chr(10) + " " * 8)}
        ```

        - `Cells` reads one cell of the sheet.
        - `Value` is what the cell holds.
        - The total grows by one cell a line.
        - `End Sub` ends the macro.
        """


# 16 lines: kept whole under its sentence, the listing left "Totals" alone on one slide and pushed the
# bullets to a third; 24 lines: cut in two even halves, the second half left no room for the last bullet
@pytest.mark.parametrize("lines", [16, 24])
def test_a_listing_cut_over_slides_takes_no_extra_slide(tmp_path, lines):
    prs, _, _ = built_from_text(tmp_path, _adding_up(lines), "slides")
    assert deck_titles(prs) == ["Loops", "Adding up a column", "Adding up a column (cont.)"]
    said = [t for s in list(prs.slides)[1:] for t in paragraph_texts(s)]
    for k in range(1, lines - 1):
        assert any(t.startswith(f"total{k} = total{k - 1} ") for t in said), k
    assert "End Sub ends the macro." in said


def test_footnotes_are_small_print_in_the_deck_as_in_the_pdfs(tmp_path):
    # the slides PDF and the handout draw a footnote at half the body's size (24 pt: 12 pt), the deck too,
    # and its box is measured at that size (one line of 12 pt, not of 16.8 pt)
    prs, _, _ = built_from_text(
        tmp_path,
        """
        # A claim

        Cities grew fast after 1950.[^1]

        - Another point

        [^1]: United Nations, World Urbanization Prospects, 2018 revision.
        """,
        "slides",
    )
    box = next(sh for s in prs.slides for sh in s.shapes if sh.name == "Footnotes")
    sizes = {r.font.size.pt for p in box.text_frame.paragraphs for r in p.runs}
    assert sizes == {12.0}
    assert box.height / 12700 < 12.0 * 1.4 + 8  # (one line and the box's insets)


def test_code_in_a_footnote_is_not_smaller_than_the_footnote(tmp_path):
    # inline code is set at the code face's ratio to the text (its small letters as tall): in a 12 pt
    # footnote that made it 10.6 pt, smaller than any text on the slide
    prs, _, _ = built_from_text(
        tmp_path,
        """
        # Multi-way if

        With the extension `MultiWayIf`[^1] we can write:

        - one
        - two

        [^1]: Turn it on with the pragma `{-# LANGUAGE MultiWayIf #-}` at the top of the file.
        """,
        "slides",
    )
    box = next(sh for s in prs.slides for sh in s.shapes if sh.name == "Footnotes")
    sizes = {r.font.size.pt for p in box.text_frame.paragraphs for r in p.runs}
    assert min(sizes) >= 12.0, sizes
