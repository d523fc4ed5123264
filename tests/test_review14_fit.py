"""Slides fitted as the deck draws them (fourteenth review): nested list levels in a caption layout's text
box (beside a picture) are drawn in the slides PDF and the handout at the sizes the deck sets (the
template's, not 0.85 of the level above); a frame whose columns run one bullet over a slide is spread
evenly over its parts, not left with a continuation slide holding a single bullet."""

from __future__ import annotations

import shutil

import pytest
from PIL import Image

from .conftest import paragraph_texts, run_cli, write_md
from .drawn import pages, problems, render

NESTED = """
---
title: Sizes
---

## 第6回のおさらい

- 成功率の分布を考えた
    - ベータ分布は成功率の分布
    - 結果を一つずつ反映した
        - 分布の推移を見る
            - 決めつけない
    - 分布の変化はベイズの定理で計算できた

![](pic.png)
"""

# (one item of each level, all of it Han and kana: a word each, as wide as its characters at its size)
LEVEL_ITEMS = ("成功率の分布を考えた", "ベータ分布は成功率の分布", "分布の推移を見る", "決めつけない")

COLUMNS_FRAME = r"""
\documentclass{beamer}
\usepackage{xeCJK}
\begin{document}
\begin{frame}[fragile]{版本一：头文件与库依赖}
\framesubtitle{标准 C 库 — 零安装成本}
\textbf{头文件 (gauss.c / test.c):}
\begin{lstlisting}
#include <stdio.h>      /* I/O               */
#include <stdlib.h>     /* malloc / free     */
#include <string.h>     /* memcpy            */
#include <math.h>       /* fabs, sqrt        */
#include <time.h>       /* clock_gettime     */
\end{lstlisting}
\begin{columns}[T]
\column{0.5\textwidth}
\textbf{链接库与编译：}
\begin{itemize}
  \item \texttt{libc} — C 标准库 (自动)
  \item \texttt{libm} — 数学函数 (\texttt{-lm})
\end{itemize}
\begin{lstlisting}
gcc -O3 -march=native -o test \
    test.c gauss.o -lm
\end{lstlisting}
\column{0.5\textwidth}
\textbf{来源与许可：}
\begin{itemize}
  \item \textbf{GNU glibc} (libc, libm)
  \item LGPL — \textbf{完全开源}
  \item Linux 默认安装, 零配置
  \item 所有 POSIX 平台可用
  \item 零外部依赖, 最小基线
\end{itemize}
\end{columns}
\end{frame}
\end{document}
"""


@pytest.fixture(scope="module")
def nested(tmp_path_factory):
    """The nested list beside a picture built by the command line: its output folder."""
    if not shutil.which("pdftotext"):
        pytest.skip("pdftotext is needed; CI installs poppler-utils")
    root = tmp_path_factory.mktemp("review14-nested")
    Image.new("RGB", (600, 450), (120, 120, 190)).save(root / "pic.png")
    src = write_md(root, NESTED, "nested.md")
    result = run_cli("all", src, "-o", root / "out")
    assert result.exit_code == 0, result.stderr
    return root / "out"


def _deck_sizes(deck) -> list[float]:
    """The type size (pt) the deck sets for each of LEVEL_ITEMS, read with python-pptx."""
    from pptx import Presentation

    slide = Presentation(str(deck)).slides[1]
    sizes = {
        p.text.strip(): p.runs[0].font.size.pt
        for sh in slide.shapes
        if sh.has_text_frame
        for p in sh.text_frame.paragraphs
        if p.runs and p.runs[0].font.size is not None
    }
    return [sizes[t] for t in LEVEL_ITEMS]


def _drawn_sizes(pdf) -> list[float]:
    """The size each of LEVEL_ITEMS is drawn at in ``pdf`` (its first drawing), in units of the first's:
    each is a word of full-width characters, as wide as its size times its length."""
    for _, _, words in pages(pdf):
        found = {w.text: (w.x1 - w.x0) / len(w.text) for w in words if w.text in LEVEL_ITEMS}
        if len(found) == len(LEVEL_ITEMS):
            return [found[t] / found[LEVEL_ITEMS[0]] for t in LEVEL_ITEMS]
    raise AssertionError(f"the items of every level are not all drawn on one page of {pdf.name}")


@pytest.mark.parametrize("pdf", ["nested-slides.pdf", "nested-handout.pdf"])
def test_nested_levels_beside_a_picture_are_drawn_at_the_decks_sizes(nested, pdf):
    """The caption box's levels are 18, 18, 18 and 16 pt in the deck (the template's sizes); the slides
    PDF and the handout's drawing set them at those sizes too (they set each level at 0.85 of the one
    above: about 18, 15.3, 13 and 11 pt)."""
    deck = _deck_sizes(nested / "nested.pptx")
    assert deck == [18.0, 18.0, 18.0, 16.0]
    drawn = _drawn_sizes(nested / pdf)
    for level, (d, want) in enumerate(zip(drawn, deck)):
        assert abs(d - want / deck[0]) < 0.03, (level, drawn, deck)


def test_a_frame_with_columns_is_not_split_four_and_one(tmp_path, soffice):
    """A beamer frame of a listing and two columns, one bullet too long for a slide at the smallest sizes:
    its parts are evened out (no continuation slide holding one bullet, the right column's lines not
    four on one slide and one on the next), every line is in the deck, and nothing overflows in
    LibreOffice."""
    from pptx import Presentation

    src = tmp_path / "frame.tex"
    src.write_text(COLUMNS_FRAME.lstrip(), encoding="utf-8")
    result = run_cli("all", src, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.stderr
    deck = tmp_path / "out" / "frame.pptx"
    slides = list(Presentation(str(deck)).slides)  # (no \title: no title slide)
    footer = {"版本一：头文件与库依赖"}  # (the footer: the lecture's title; the slide number left out too)
    bodies = [
        [
            t
            for t in paragraph_texts(s)
            if t != s.shapes.title.text_frame.text.strip() and t not in footer and not t.isdigit()
        ]
        for s in slides
    ]
    assert 1 <= len(bodies) <= 2
    assert all(len(b) >= 3 for b in bodies), bodies
    right = ["GNU glibc (libc, libm)", "LGPL — 完全开源", "Linux 默认安装, 零配置", "所有 POSIX 平台可用"]
    right.append("零外部依赖, 最小基线")
    where = [next(i for i, b in enumerate(bodies) if t in b) for t in right]
    assert where.count(where[-1]) >= 2, where  # the last bullet not alone on its slide
    assert sum(len(b) for b in bodies) == 18  # every line once
    pdfs = render([deck], tmp_path / "drawn", soffice)
    assert problems(deck, pdfs[deck]) == []
