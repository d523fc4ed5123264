"""Slide drawings (the slides PDF, the handout's drawings) show the whole of each slide's body, as the
deck does: measured in WeasyPrint's layout and drawn smaller where the estimate left it too full
(podium.handout.drawfit).

Read back as a reader would: the word boxes poppler finds on each page (``pdftotext -bbox``), which
include what a box clips away, so a last line that is cut off shows up below the footer line.
The layouts are counted only to prove that a lecture whose drawings fit is laid out once.
"""

from __future__ import annotations

import shutil

import pytest
from pypdf import PdfReader

import podium.handout.pdf as handout_pdf
from podium.handout import slidespdf

from .conftest import write_md
from .drawn import pages

pytestmark = pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler's pdftotext is not installed")

# A slide of a real Japanese lecture (corpus: lnpr-chap2-2-ja, slide 19): forced line breaks, CJK
# lines and inline math make its drawing taller than the count of its characters foretells (Bayes' rule
# written here as a fraction: inline math on the text's baseline no longer makes the original too full).
TALL = """
---
title: Drawings that fit
lang: ja
---

## 推定の前に

- 短いスライド

## ベイズの定理からの簡単な推定

* 例題: $z_1 = 630, z_2 = 632, z_3 = 636$と<br />センサ値が入った時間帯を推定したい
* 解き方
    1. 各時間帯の$P(z|t)$をセンサ値から計算
        * ヒストグラムから計算可能 $\\sum_{i=1}^{n} x_i^2$
    2. ベイズの定理から
        * $P(t | z_1, z_2, z_3) = \\dfrac{P(z_1, z_2, z_3 | t) P(t)}{P(z_1, z_2, z_3)}$
    3. センサの値がその時間帯内で<br />互いに独立していると仮定
        * 上式$= \\eta P(z_1|t)P(z_2|t)P(z_3|t)P(t)$
            * 条件付き独立の事象の性質から
            * $P(z|t)$を使うと最後の行が計算可能

## 最後に

- まとめ
"""


def _last_line_and_footer(words):
    """The bottom of the slide's last body line ("…最後の行が計算可能") and the words of its footer
    ("Drawings that fit"), in one drawing."""
    last = [w for w in words if "最後の行" in w.text]
    footer = [w for w in words if w.text == "Drawings"]
    assert last and footer, [w.text for w in words]
    return max(w.y1 for w in last), footer


def test_a_tall_slide_is_drawn_whole_in_the_slides_pdf(tmp_path, cli, monkeypatch):
    src = write_md(tmp_path, TALL)
    # (CJK lines are no taller than Latin ones in a drawing now, as in the deck: items spaced wider than
    # the deck's make the drawing taller than the fitter measured)
    monkeypatch.setattr(
        slidespdf, "SLIDE_CSS", slidespdf.SLIDE_CSS + ".ph.body li {{ margin-bottom: 0.8em; }}"
    )
    laid: list[int] = []
    layout = handout_pdf._layout
    monkeypatch.setattr(handout_pdf, "_layout", lambda *a: laid.append(1) or layout(*a))
    result = cli("pdf", src, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.output
    pdf = tmp_path / "out" / "lecture-slides.pdf"
    width, height, words = pages(pdf)[2]
    bottom, footer = _last_line_and_footer(words)
    assert bottom <= min(w.y0 for w in footer), "the last line is cut off below the body's box"
    # only the slide that was too full is laid out again, and put in its page's place
    assert len(laid) == 2
    reader = PdfReader(pdf)
    assert len(reader.pages) == 4
    assert [o.title for o in reader.outline][2].startswith("3. ベイズの定理")
    assert reader.get_destination_page_number(reader.outline[2]) == 2
    assert "drawing-overflow" not in result.output


def test_the_handouts_drawing_of_a_tall_slide_is_whole_too(tmp_path, cli):
    src = write_md(tmp_path, TALL)
    result = cli("handout", src, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.output
    drawn = [words for _w, _h, words in pages(tmp_path / "out" / "lecture-handout.pdf")]
    page = next(words for words in drawn if any("最後の行" in w.text for w in words))
    bottom, footer = _last_line_and_footer(page)
    # the drawing's own footer: the first "Drawings" below the slide's title in the same drawing
    title = min(w.y0 for w in page if w.text.startswith("ベイズの定理からの簡単な推定"))
    below = [w for w in footer if w.y0 > title]
    assert below, "no footer in the drawing"
    assert bottom <= min(w.y0 for w in below)


def test_slides_that_fit_are_laid_out_once(tmp_path, cli, monkeypatch):
    src = write_md(
        tmp_path,
        """
        ---
        title: Short
        ---

        ## One

        - A point
        - Another point

        ## Two

        ![A square](square.png){width=60%}
        """,
    )
    from PIL import Image

    Image.new("RGB", (400, 400), "steelblue").save(tmp_path / "square.png")
    laid: list[int] = []
    layout = handout_pdf._layout
    monkeypatch.setattr(handout_pdf, "_layout", lambda *a: laid.append(1) or layout(*a))
    result = cli("all", src, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.output
    assert len(laid) == 3  # the slides PDF, the student handout, the instructor's cover (it shares the rest)
