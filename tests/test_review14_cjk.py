"""Lectures written in Chinese, Japanese or Korean (review 14f): the language taken from the script when
no ``lang:`` names one, list items spaced alike in any script in the slide drawings, and code comments
mixing CJK and ASCII drawn in the code face."""

from __future__ import annotations

import re
import subprocess

from pptx import Presentation

from .conftest import run_cli, write_md

ZH_ITEMS = "\n".join(f"- 第 {n} 条：段落间通过空行来分割，有空行就有新的段落" for n in range(1, 19))
ZH = f"""---
title: 语法概览
---

## 段落语法

{ZH_ITEMS}
"""


def _pdf_text(path) -> str:
    return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout


def _words(path, page: int) -> list[tuple[float, float, float, float, str]]:
    """Every word of ``page`` of a PDF as pdftotext -bbox reads it: (x0, y0, x1, y1, word)."""
    xml = subprocess.run(
        ["pdftotext", "-bbox", "-f", str(page), "-l", str(page), str(path), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    found = re.findall(r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<', xml)
    return [(float(a), float(b), float(c), float(d), w) for a, b, c, d, w in found]


def test_chinese_lecture_without_lang_gets_chinese_labels_and_a_note(tmp_path):
    src = write_md(tmp_path, ZH)
    result = run_cli("all", src, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.stderr
    assert "lecture.md:1: note: no lang: given; the text is Chinese, so lang: zh is used" in result.stderr
    assert "deck and handout agree with the source" in result.stdout + result.stderr
    prs = Presentation(str(tmp_path / "out" / "lecture.pptx"))
    titles = [s.shapes.title.text for s in prs.slides if s.shapes.title is not None]
    assert "段落语法（续）" in titles and not any("(cont.)" in t for t in titles)
    handout = _pdf_text(tmp_path / "out" / "lecture-handout.pdf")
    assert "目录" in handout and "Contents" not in handout and "Handout:" not in handout


def test_japanese_and_korean_lectures_are_told_by_their_script_unless_lang_is_given(tmp_path):
    ja = "\n".join(f"- 第{n}項目：データ構造はメモリ上に連続して並べられます" for n in range(1, 19))
    src = write_md(tmp_path, f"---\ntitle: データ構造\n---\n\n## 配列の基本\n\n{ja}\n", "ja.md")
    result = run_cli("slides", src, "-o", tmp_path / "out")
    assert "ja.md:1: note: no lang: given; the text is Japanese, so lang: ja is used" in result.stderr
    titles = [s.shapes.title.text for s in Presentation(str(tmp_path / "out" / "ja.pptx")).slides]
    assert not any("(cont.)" in t for t in titles) and any(t.startswith("配列の基本（") for t in titles)
    ko = "\n".join(f"- {n}번째 항목: 자료 구조는 메모리에 연속으로 저장됩니다" for n in range(1, 19))
    src = write_md(tmp_path, f"---\ntitle: 자료 구조\n---\n\n## 배열의 기초\n\n{ko}\n", "ko.md")
    result = run_cli("slides", src, "-o", tmp_path / "out")
    assert "ko.md:1: note: no lang: given; the text is Korean, so lang: ko is used" in result.stderr
    # (a lang: given, or a few CJK words in a Latin lecture: no language taken from the script)
    src = write_md(tmp_path, ZH.replace("title: 语法概览", "title: 语法概览\nlang: en"), "given.md")
    result = run_cli("slides", src, "-o", tmp_path / "out")
    assert "no lang: given" not in result.stderr
    titles = [s.shapes.title.text for s in Presentation(str(tmp_path / "out" / "given.pptx")).slides]
    assert "段落语法 (cont.)" in titles
    latin = "\n".join(f"- Item {n}: the word 数据 means data in Chinese, and so on" for n in range(1, 19))
    src = write_md(tmp_path, f"---\ntitle: Words\n---\n\n## Words\n\n{latin}\n", "latin.md")
    result = run_cli("slides", src, "-o", tmp_path / "out")
    assert "no lang: given" not in result.stderr


def test_items_are_spaced_alike_in_any_script_in_the_slides_pdf(tmp_path):
    src = write_md(
        tmp_path,
        """\
        ---
        title: Bullets
        ---

        ## 数据结构

        - Layout
          - row-major order
          - 原位覆盖：L 的严格下三角与 U 共存于 A
          - column-major
          - 列优先 X
          - Latin again
        """,
    )
    result = run_cli("pdf", src, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.stderr
    words = _words(tmp_path / "out" / "lecture-slides.pdf", 2)
    # the top of a Latin word's box on each item's line: its baseline, whatever else is on the line
    latin = ("row-major", "U", "column-major", "X", "Latin")
    tops = [next(w[1] for w in words if w[4] == word) for word in latin]
    steps = [b - a for a, b in zip(tops, tops[1:])]
    assert max(steps) - min(steps) < 0.2, steps


def test_ascii_in_a_cjk_code_comment_is_in_the_code_face(tmp_path):
    src = write_md(
        tmp_path,
        """\
        ---
        title: Code comments
        ---

        ## 同心円

        ```c
        void main() {
          //画面の中心から(-1.0, -1.0)から(1.0, 1.0)の範囲に変換
          float r = 1.0;  //赤の点滅 (R:1.0, G:0.0)
        }
        ```
        """,
    )
    result = run_cli("all", src, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.stderr
    for pdf in ("lecture-slides.pdf", "lecture-handout.pdf"):
        fonts = subprocess.run(
            ["pdffonts", str(tmp_path / "out" / pdf)], capture_output=True, text=True, check=True
        ).stdout
        assert "DejaVu-Sans-Mono" in fonts and "Mono-CJK" not in fonts, fonts
