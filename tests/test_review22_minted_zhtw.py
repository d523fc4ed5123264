"""Review 22 (b, a Traditional-Chinese beamer deck): minted's inline code (``\\mintinline``, any delimiter
or braces), minted's and listings' ``gobble``/``autogobble``, twemoji's and the emoji package's emoji by
name, and Podium's own words in Traditional Chinese for a zh-TW / zh-Hant lecture (beamer and Markdown).
Each deck is built through the command line and read back with python-pptx, each handout with pdftotext."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from .conftest import build_tex, frame_texts, run_cli, write_md


def _code_runs(prs) -> list[str]:
    """The text of every monospaced run of the deck, in order."""
    return [
        r.text
        for s in prs.slides
        for sh in s.shapes
        if sh.has_text_frame
        for p in sh.text_frame.paragraphs
        for r in p.runs
        if r.font.name and "Mono" in r.font.name
    ]


# 4. \mintinline, any delimiter and braces (and \verb, \lstinline with odd delimiters)


def test_mintinline_is_inline_code_with_bars_braces_and_through_a_macro(tmp_path):
    prs, err = build_tex(
        tmp_path,
        "\\begin{frame}[fragile]{Inline}\n\\begin{itemize}\n"
        "\\item \\InlineCode{traversal} walks the tree\n"
        "\\item \\mintinline{cpp}|tag_condition| is direct\n"
        "\\item \\mintinline{cpp}{push(node)} with braces\n"
        "\\item \\mintinline[fontsize=\\small]{python}!a % b! percent\n"
        "\\end{itemize}\n\\end{frame}",
        preamble="\\usepackage{minted}\n\\newcommand{\\InlineCode}[1]{\\mintinline{cpp}|#1|}\n",
    )
    body = frame_texts(prs)[0][1]
    assert body.split("\n") == [
        "traversal walks the tree",
        "tag_condition is direct",
        "push(node) with braces",
        "a % b percent",
    ]
    assert _code_runs(prs) == ["traversal", "tag_condition", "push(node)", "a % b"]
    assert "raw-tex" not in err


def test_verb_and_lstinline_with_odd_delimiters_are_code(tmp_path):
    prs, err = build_tex(
        tmp_path,
        "\\begin{frame}[fragile]{Inline}\n"
        "\\verb+x|y+ and \\verb!{a}! and \\lstinline[language=C]@i++@ and \\lstinline{a[i]} and"
        " \\mintinline{cpp}{%d}.\n\\end{frame}",
        preamble="\\usepackage{listings}\n\\usepackage{minted}\n",
    )
    assert _code_runs(prs) == ["x|y", "{a}", "i++", "a[i]", "%d"]
    assert frame_texts(prs)[0][1] == "x|y and {a} and i++ and a[i] and %d."


# 5. gobble and autogobble


def test_minted_autogobble_from_setminted_and_own_options(tmp_path):
    prs, _ = build_tex(
        tmp_path,
        "\\begin{frame}[fragile]{Set}\n    \\begin{minted}{cpp}\n        int f(int x) {\n"
        "            return x + 1;\n        }\n    \\end{minted}\n\\end{frame}\n"
        "\\begin{frame}[fragile]{Own}\n    \\begin{minted}[linenos,autogobble]{cpp}\n        int g() {\n"
        "            return 2;\n        }\n    \\end{minted}\n\\end{frame}\n"
        "\\begin{frame}[fragile]{Python}\n\\begin{minted}{python}\n  def h():\n      return 3\n"
        "\\end{minted}\n\\end{frame}",
        preamble="\\usepackage{minted}\n\\def\\codesize{\\fontsize{9}{12}\\selectfont}\n"
        "\\setminted{fontsize=\\codesize, linenos,\n  autogobble}\n\\setminted[python]{gobble=2}\n",
    )
    texts = frame_texts(prs)
    assert texts[0][1] == "int f(int x) {\n    return x + 1;\n}"
    assert texts[1][1] == "int g() {\n    return 2;\n}"
    assert texts[2][1] == "def h():\n    return 3"


def test_listings_gobble_own_and_from_lstset_and_minted_without_it(tmp_path):
    prs, _ = build_tex(
        tmp_path,
        "\\begin{frame}[fragile]{Own}\n\\begin{lstlisting}[gobble=4]\n    int h(int x) {\n"
        "        return x;\n    }\n\\end{lstlisting}\n\\end{frame}\n"
        "\\begin{frame}[fragile]{Set}\n\\begin{lstlisting}\n  int k;\n\\end{lstlisting}\n\\end{frame}\n"
        "\\begin{frame}[fragile]{Kept}\n\\begin{minted}{cpp}\n    int f();\n\\end{minted}\n\\end{frame}",
        preamble="\\usepackage{listings}\n\\usepackage{minted}\n\\lstset{language=C,gobble=2}\n",
    )
    texts = frame_texts(prs)
    assert texts[0][1] == "int h(int x) {\n    return x;\n}"
    assert texts[1][1] == "int k;"
    assert texts[2][1] == "    int f();"  # (minted without gobble: as written)


# 6. emoji by name: twemojis' \twemoji, the emoji package's \emoji


def test_twemoji_and_emoji_names_show_their_emoji(tmp_path):
    prs, err = build_tex(
        tmp_path,
        "\\begin{frame}{Emoji \\twemoji{rocket}}\n\\begin{itemize}\n"
        "\\item union by size \\myemoji{check mark button}\n"
        "\\item path compression \\twemoji{cross mark}\n"
        "\\item package \\emoji{thinking-face} and \\twemoji[height=1em]{1f604}\n"
        "\\item \\textbf{bold \\emoji{smile}}\n"
        "\\end{itemize}\n\\end{frame}",
        preamble="\\usepackage{twemojis}\n\\usepackage{emoji}\n"
        "\\newcommand{\\myemoji}[1]{\\raisebox{-0.1em}{\\scalebox{1.3}{\\twemoji{#1}}}}\n",
        command="all",
    )
    title, body = frame_texts(prs)[0][:2]
    assert title == "Emoji \U0001f680"
    assert body.split("\n") == [
        "union by size \u2705",
        "path compression \u274c",
        "package \U0001f914 and \U0001f604",
        "bold \U0001f604",
    ]
    assert "warning" not in err, err
    handout = subprocess.run(
        ["pdftotext", str(tmp_path / "out" / "deck-handout.pdf"), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "union by size \u2705" in handout and "mark" not in handout


def test_an_unknown_emoji_name_is_left_out_with_a_warning_at_its_line(tmp_path):
    prs, err = build_tex(
        tmp_path,
        "\\begin{frame}{E}\nbad \\twemoji{no such emoji} name\n\\end{frame}",
        preamble="\\usepackage{twemojis}\n",
    )
    assert frame_texts(prs)[0][1] == "bad name"
    assert "deck.tex:5: warning: emoji 'no such emoji' (\\twemoji) is not a name Podium knows" in err


# 8. Podium's own words in Traditional Chinese


def _handout(out: Path, stem: str) -> str:
    return subprocess.run(
        ["pdftotext", str(out / f"{stem}-handout.pdf"), "-"], capture_output=True, text=True, check=True
    ).stdout


_TEX_ZH = (
    "\\documentclass{beamer}\n\\usepackage{xeCJK}\n\\setCJKmainfont{Noto Sans CJK %s}\n\\title{進階資料結構}\n"
    "\\begin{document}\n\\section{%s}\n\\begin{frame}\n%s\n\\note{備註。}\n\\end{frame}\n\\end{document}\n"
)


@pytest.mark.parametrize(
    ("font", "section", "words"),
    [
        ("TC", "時間線段樹", "時間線段樹對「操作時間」開一棵線段樹。"),  # (the font and the words)
        ("TC", "Segment", "Words."),  # (the font alone)
    ],
)
def test_a_traditional_chinese_beamer_deck_gets_traditional_words(tmp_path, font, section, words):
    src = tmp_path / "deck.tex"
    src.write_text(_TEX_ZH % (font, section, words), encoding="utf-8")
    result = run_cli("all", src, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.stderr
    text = _handout(tmp_path / "out", "deck")
    assert "講義：本講全部投影片及講者備註和補充說明。" in text
    assert "目錄" in text and "投影片 3" in text
    assert "讲义" not in text and "幻灯片" not in text and "目录" not in text


def test_a_chinese_deck_s_words_decide_between_traditional_and_simplified(tmp_path):
    for name, section, words in (
        ("trad", "時間線段樹", "這個資料結構對時間開一棵線段樹，還可以處理區間問題。"),
        ("simp", "线段树", "这个数据结构对时间开一棵线段树，还可以处理区间问题。"),
    ):
        src = tmp_path / f"{name}.tex"
        src.write_text(_TEX_ZH % ("SC", section, words), encoding="utf-8")
        result = run_cli("all", src, "-o", tmp_path / "out")
        assert result.exit_code == 0, result.stderr
    trad, simp = _handout(tmp_path / "out", "trad"), _handout(tmp_path / "out", "simp")
    assert "講義" in trad and "投影片 3" in trad and "幻灯片" not in trad
    assert "讲义" in simp and "幻灯片 3" in simp and "投影片" not in simp


@pytest.mark.parametrize("lang", ["zh-TW", "zh-HK", "zh-Hant", "zh_TW"])
def test_a_markdown_lecture_in_zh_tw_gets_traditional_words(tmp_path, lang):
    src = write_md(
        tmp_path,
        f"""
        ---
        title: 資料結構
        lang: {lang}
        ---

        # 線段樹

        ## 介紹

        內容。

        ---

        沒有標題的投影片。

        ::: notes
        備註。
        :::
        """,
    )
    result = run_cli("all", src, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.stderr
    text = _handout(tmp_path / "out", "lecture")
    assert "講義：本講全部投影片及講者備註和補充說明。" in text
    assert "目錄" in text and "投影片 4" in text and "幻灯片" not in text


def test_a_markdown_lecture_without_lang_in_traditional_characters_gets_traditional_words(tmp_path):
    src = write_md(
        tmp_path,
        """
        ---
        title: 資料結構
        ---

        ## 介紹

        這個資料結構對時間開一棵線段樹，還可以處理區間問題。

        ::: notes
        備註。
        :::
        """,
    )
    result = run_cli("all", src, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.stderr
    assert "the text is Chinese in Traditional characters, so lang: zh-Hant is used" in result.stderr
    text = _handout(tmp_path / "out", "lecture")
    assert "講義" in text and "讲义" not in text
