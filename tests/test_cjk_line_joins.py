"""A line of a Chinese or Japanese paragraph that goes on on the next source line joins it without a space,
as xeCJK, ctex and pandoc's ``east_asian_line_breaks`` print it; Latin text and Korean (which has spaces
between words) keep the space."""

from __future__ import annotations

from .conftest import build_tex, built_from_text, frame_texts

TEXT = """\
---
title: T
lang: zh
---

## 介绍

这是第一行的文档。
介绍第二行。

English line
next line 中文
开始

- 项目一
  继续

한국어 문장
다음 줄
"""


def test_chinese_lines_join_without_a_space(tmp_path):
    prs, handout, _ = built_from_text(tmp_path, TEXT)
    words = frame_texts(prs)[1]
    body = "\n".join(words)
    assert "这是第一行的文档。介绍第二行。" in body
    assert "English line next line 中文开始" in body
    assert "项目一继续" in body
    assert "한국어 문장 다음 줄" in body
    flat = handout.replace("\n", "")
    assert "文档。介绍第二行" in flat and "文档。 介绍" not in flat


def test_a_beamer_deck_in_chinese_too(tmp_path):
    prs, _ = build_tex(
        tmp_path,
        "\\begin{frame}{介绍}\n这是第一行的文档。\n介绍第二行。\n\\end{frame}",
        "\\usepackage{xeCJK}\n\\title{T}\n",
    )
    assert any("文档。介绍第二行。" in w for w in frame_texts(prs)[1]), frame_texts(prs)
