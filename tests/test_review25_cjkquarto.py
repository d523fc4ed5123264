"""Review 25 (h), Quarto decks in Japanese and Portuguese: characters one glyph draws pass `check`, its
messages number slides as the deck does, every cell language's option lines are options, and a short
listing stays whole."""

from __future__ import annotations

import subprocess

from pptx import Presentation

from tests.conftest import deck_titles, run_cli, write_md

_LONG = "\n".join(
    f"- 項目 {k} の説明です。これは長い文章なので，スライドには収まりません。" for k in range(1, 17)
)

_WAVE = f"""
---
title: "番号"
format: revealjs
---

## 長いスライド

{_LONG}

## 略歴

-   2007.04～2018.03 山口大学教育学部に奉職
-   2018.04〜専修大学人間科学部
"""


def _pdf_text(path) -> str:
    return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout


def _code_boxes(slide) -> list:
    return [sh for sh in slide.shapes if sh.name.startswith("Code") and sh.has_text_frame]


def _code_lines(slide) -> list[str]:
    return [p.text for box in _code_boxes(slide) for p in box.text_frame.paragraphs]


def _code_sizes(slide) -> set[float]:
    return {
        r.font.size.pt
        for box in _code_boxes(slide)
        for p in box.text_frame.paragraphs
        for r in p.runs
        if r.font.size is not None
    }


def test_a_wave_dash_and_a_fullwidth_tilde_in_one_lecture_pass_check(tmp_path):
    # one glyph of the CJK face draws 〜 (U+301C) and ～ (U+FF5E): the handout's text names one for both
    src = write_md(tmp_path, _WAVE, "lecture.qmd")
    out = tmp_path / "out"
    result = run_cli("all", src, "-o", out)
    assert result.exit_code == 0, result.stderr
    assert "agree with the source" in result.stderr
    assert "2018.04" in _pdf_text(out / "lecture-handout.pdf")
    deck = Presentation(str(out / "lecture.pptx"))
    assert any("2018.04〜専修大学" in sh.text_frame.text for sh in deck.slides[3].shapes if sh.has_text_frame)


def test_check_still_names_changed_words_beside_such_characters_at_the_deck_s_slide_number(tmp_path):
    (tmp_path / "src").mkdir()
    src = write_md(tmp_path / "src", _WAVE, "lecture.qmd")
    out = tmp_path / "out"
    assert run_cli("all", src, "-o", out).exit_code == 0
    (tmp_path / "copy").mkdir()
    copy = write_md(
        tmp_path / "copy",
        _WAVE.replace("2018.04〜専修大学人間科学部", "2018.04〜東北の別の学校"),
        "lecture.qmd",
    )
    assert run_cli("handout", copy, "-o", out).exit_code == 0
    result = run_cli("check", src, "-o", out)
    assert result.exit_code != 0
    errors = [line for line in result.stderr.splitlines() if "[check-text]" in line]
    assert errors, result.stderr
    # the deck: 1 title, 2 and 3 the long slide and its "（続き）", 4 略歴 (its third source slide)
    assert deck_titles(Presentation(str(out / "lecture.pptx")))[3] == "略歴"
    assert any('slide 4 "略歴"' in e and "2018.04〜専修大学人間科学部" in e for e in errors), errors
    assert not any("2007.04" in e for e in errors), errors  # (the unchanged bullet with ～ is found)


def test_a_deck_check_error_on_a_continued_slide_names_its_deck_slide(tmp_path):
    (tmp_path / "src").mkdir()
    src = write_md(tmp_path / "src", _WAVE, "lecture.qmd")
    out = tmp_path / "out"
    assert run_cli("all", src, "-o", out).exit_code == 0
    (tmp_path / "copy").mkdir()
    copy = write_md(tmp_path / "copy", _WAVE.replace("項目 15 の", "項目 X の"), "lecture.qmd")
    assert run_cli("slides", copy, "-o", out).exit_code == 0
    result = run_cli("check", src, "-o", out)
    errors = [line for line in result.stderr.splitlines() if "[check-text]" in line]
    # 項目 15 is on the "（続き）" part: deck slide 3
    assert any('slide 3 "長いスライド" (part 2 of 2)' in e and "項目 15" in e for e in errors), errors


_CELLS = """
---
title: "Células"
format: revealjs
---

## CSS

```{html }
#| echo: true
<p style='color: blue;'>Sou um parágrafo azul.</p>
```

## HTML

```{html}
<!--| echo: true -->
<p>Um parágrafo verde.</p>
```

## SQL

```{sql}
--| echo: true
SELECT nome FROM alunos;
```

## C

```{c}
/*| echo: true */
int total = 0;
```

## Oculto

```{html}
<p>Nunca mostrado.</p>
```
"""


def test_option_lines_of_every_cell_language_are_options_not_code(tmp_path):
    src = write_md(tmp_path, _CELLS, "lecture.qmd")
    out = tmp_path / "out"
    result = run_cli("all", src, "-o", out)
    assert result.exit_code == 0, result.stderr
    deck = Presentation(str(out / "lecture.pptx"))
    slides = list(deck.slides)
    assert _code_lines(slides[1]) == ["<p style='color: blue;'>Sou um parágrafo azul.</p>"]
    assert _code_lines(slides[2]) == ["<p>Um parágrafo verde.</p>"]
    assert _code_lines(slides[3]) == ["SELECT nome FROM alunos;"]
    assert _code_lines(slides[4]) == ["int total = 0;"]
    assert _code_lines(slides[5]) == []  # (revealjs shows no code without echo: true)
    for name in ("handout", "instructor"):
        text = _pdf_text(out / f"lecture-{name}.pdf")
        assert "Sou um parágrafo azul." in text and "SELECT nome" in text
        assert "echo" not in text and "#|" not in text and "Nunca mostrado" not in text
    assert "4 code cell(s) are shown" in result.stderr and "1 hidden one(s)" in result.stderr


_ROXYGEN = """
---
title: "Roxygen"
format: revealjs
execute:
  echo: true
---

## コードを書きながらヘルプを書く；Roxygenの書き方

あとは関数をバリバリ書いていくだけ。ここでヘルプを自動的に作ってもらうために，関数の前に`Roxygenコメント`を用意しよう。

`Roxygenコメント`は`#'`から始めることでただのコメントアウトじゃないよ，ということを表現。続く`@XXX` でヘルプのどこに何を表示させるかを書きます。

```{r}
#' @title 関数名
#' @author 関数の作者名。必要なら。
#' @description 関数の説明
#' @details さらに詳しい説明
#' @note descriptionに書くほどではないことを書くならこちら
#' @importFrom 関数の中で他のパッケージから引用した関数を使うときは，全てここに書く
#' @param この関数が取る引数を書く
#' @return この関数が返す値を書く
#' @export この関数をユーザが使ってほしい時は，必ずこのコマンドが必要
#' @reference 参考資料や引用文献を\\url{}などで記載
#' @examples 関数の使用例を書く
#' @seealso 他のドキュメントやウェブサイトへのリンクをかく。
#' @seealso[function()]など
```

-   `@title`,`@description`はまあ書きましょう。
-   `@importFrom`は忘れがち！でも忘れてたらコンパイル時にエラーで教えてくれるのでダイジョブ
-   `@export`を忘れると，コンパイルしても「ユーザが使えない関数」になっちゃう。そんなのいるの？と思うかもしれないけど，内部だけの処理で直接ユーザに触って欲しくない関数を書くこともあるので・・・
"""


def test_a_thirteen_line_listing_a_slide_holds_stays_whole(tmp_path):
    src = write_md(tmp_path, _ROXYGEN, "lecture.qmd")
    out = tmp_path / "out"
    result = run_cli("all", src, "-o", out)
    assert result.exit_code == 0, result.stderr
    slides = list(Presentation(str(out / "lecture.pptx")).slides)
    holding = [s for s in slides if _code_lines(s)]
    assert len(holding) == 1, [_code_lines(s) for s in holding]  # one slide holds the whole listing
    lines = _code_lines(holding[0])
    assert len(lines) == 13 and lines[-1] == "#' @seealso[function()]など"
    assert len(_code_sizes(holding[0])) == 1
    # with the sentence that introduces it
    assert any("Roxygenコメントは" in sh.text_frame.text for sh in holding[0].shapes if sh.has_text_frame)


def test_a_comment_block_longer_than_a_slide_is_cut_near_its_middle_at_one_size(tmp_path):
    code = "\n".join(f"#' @param x{k} 引数 {k} の説明" for k in range(1, 43))
    text = f'---\ntitle: "Long"\nformat: revealjs\n---\n\n## Comments\n\n```r\n{code}\n```\n'
    src = write_md(tmp_path, text, "lecture.qmd")
    out = tmp_path / "out"
    result = run_cli("all", src, "-o", out)
    assert result.exit_code == 0, result.stderr
    slides = list(Presentation(str(out / "lecture.pptx")).slides)
    parts = [_code_lines(s) for s in slides if _code_lines(s)]
    assert len(parts) >= 2
    assert sum(parts, []) == code.split("\n")  # every line once, in order
    assert min(len(p) for p in parts) >= 0.6 * max(len(p) for p in parts), [len(p) for p in parts]
    sizes = [_code_sizes(s) for s in slides if _code_lines(s)]
    assert len(set().union(*sizes)) == 1, sizes  # every part at one size
