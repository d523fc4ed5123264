"""What a reviewer's real CJK lectures (a fourteenth round) showed Podium getting wrong in a slide's text, each
built through the command line and read back as a lecturer's program would (python-pptx for the deck,
``pdftotext`` for the handout): inline math that opens an item whose text ends in a digit, ``\\ `` and runs
of dots as each lecture's own tool shows them, and a beamer frame's length settings (``\\setlength``)."""

from __future__ import annotations

import subprocess
from pathlib import Path

from pptx import Presentation

from .conftest import build_tex as _build
from .conftest import paragraph_texts, run_cli, write_md

_MATH = "{http://schemas.openxmlformats.org/officeDocument/2006/math}t"


def _pdf_text(pdf: Path) -> str:
    """The words of ``pdf``, as ``pdftotext`` reads them."""
    return subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout


def _built(src: Path, *options: str):
    """Every output of ``src``: (the deck, the handout's text, Click's result)."""
    result = run_cli("all", src, "-o", src.parent / "out", *options)
    assert result.exit_code == 0, result.stderr
    out = src.parent / "out"
    return Presentation(str(out / f"{src.stem}.pptx")), _pdf_text(out / f"{src.stem}-handout.pdf"), result


def _math_of(slide) -> list[str]:
    """The characters of each equation written in the slide's text (OMML runs), joined per paragraph."""
    return [
        "".join(t.text or "" for t in p._p.iter(_MATH))
        for sh in slide.shapes
        if sh.has_text_frame
        for p in sh.text_frame.paragraphs
        if any(True for _ in p._p.iter(_MATH))
    ]


# ---------------------------------------------------------------------------------------- 1: math


def test_tex_item_with_math_before_a_digit_keeps_its_first_formula(tmp_path):
    # `$n=2000$ 矩阵 $\sim$32MB，远超 L3` showed "$n=2000$ 矩阵 ∼32MB", its first formula with its dollars
    prs, err = _build(
        tmp_path,
        "\\begin{frame}{Cache}\n\\begin{itemize}\n"
        "  \\item $n=2000$ 矩阵 $\\sim$32MB，远超 L3\n"
        "  \\item $n=2000$ matrix $\\sim$32MB, more than L3\n"
        "  \\item $n = 4$ and $x$3\n"
        "\\end{itemize}\n\\end{frame}",
        preamble="\\usepackage{xeCJK}\n",
    )
    texts = paragraph_texts(prs.slides[0])
    assert not any("$" in t for t in texts), texts
    assert any(t.startswith("矩阵 ∼32MB，远超 L3") for t in texts), texts
    assert any(t.startswith("matrix ∼32MB, more than L3") for t in texts), texts
    assert _math_of(prs.slides[0])[:3] == ["n=2000", "n=2000", "n=4"], _math_of(prs.slides[0])
    assert "raw-tex" not in err, err


def test_markdown_paragraph_opening_with_math_and_ending_in_a_digit(tmp_path):
    # the same in any lecture: math that opens a paragraph, item or cell whose text ends in a digit was text
    src = write_md(
        tmp_path,
        """
        ---
        title: Cache
        ---

        ## Sizes

        - $n=2000$ doubles take 32MB, more than L3
        - $k$ blocks of size 64

        | size | note |
        |--|--|
        | $b$ of 2 | 3 |
        """,
    )
    prs, handout, _ = _built(src)
    texts = paragraph_texts(prs.slides[1])
    assert not any("$" in t for t in texts), texts
    assert _math_of(prs.slides[1]) == ["n=2000", "k"], _math_of(prs.slides[1])
    table = next(sh.table for sh in prs.slides[1].shapes if sh.has_table)
    assert "$" not in table.cell(1, 0).text and table.cell(1, 0).text.strip().endswith("of 2"), table.cell(
        1, 0
    ).text
    assert "$n=2000$" not in handout and "$k$" not in handout, handout


# ------------------------------------------------------------------------------ 2: backslash, space

_BACKSLASH_SPACE = "- 文字中使用 * 建议加上 \\ 转义\n- To show a star, put a \\ before it\n"


def test_backslash_space_is_a_backslash_in_reveal_md_marp_and_slidev(tmp_path):
    # reveal-md (marked), Marp and Slidev (markdown-it) show "\ " as written (CommonMark): it lost its
    # backslash, made a no-break space
    decks = {
        "reveal": "---\nseparator: <!--s-->\nverticalSeparator: <!--v-->\n---\n\n## 转义\n\n",
        "marp": "---\nmarp: true\n---\n\n## 转义\n\n",
        "slidev": "---\ntheme: seriph\nlayout: cover\n---\n\n# Deck\n\n---\n\n## 转义\n\n",
    }
    for name, head in decks.items():
        folder = tmp_path / name
        folder.mkdir()
        src = write_md(folder, head + _BACKSLASH_SPACE)
        prs, handout, _ = _built(src)
        words = [t for s in prs.slides for t in paragraph_texts(s)]
        assert "文字中使用 * 建议加上 \\ 转义" in words, (name, words)
        assert "To show a star, put a \\ before it" in words, (name, words)
        assert "建议加上 \\ 转义" in handout and "put a \\ before it" in handout, (name, handout)
    # (pandoc's lectures keep pandoc's no-break space)
    src = write_md(tmp_path, "---\ntitle: Units\n---\n\n## Distances\n\n- 10\\ km, put a \\ before it\n")
    prs, _, _ = _built(src)
    assert "10\u00a0km, put a \u00a0before it" in paragraph_texts(prs.slides[1]), paragraph_texts(
        prs.slides[1]
    )


# ------------------------------------------------------------------------------------ 3: dots

_DOTS = "Wait.......\n\nand so.... on, a/.../b\n\n|a|b|\n|:--|--:|\n|.......|x|\n"


def _dots_of(prs) -> tuple[list[str], str]:
    """The last slide's paragraphs and its table's first cell of the second row."""
    slide = prs.slides[-1]
    table = next(sh.table for sh in slide.shapes if sh.has_table)
    return paragraph_texts(slide), table.cell(1, 0).text.strip()


def test_run_of_dots_in_a_pandoc_lecture_is_pandocs_ellipses(tmp_path):
    # pandoc (smart) makes each "..." an ellipsis: `.......` is "…….", where Podium showed "…...."
    src = write_md(tmp_path, "---\ntitle: Dots\n---\n\n## Table\n\n" + _DOTS)
    prs, handout, _ = _built(src)
    texts, cell = _dots_of(prs)
    assert "Wait\u2026\u2026." in texts and "and so\u2026. on, a/.../b" in texts, texts
    assert cell == "\u2026\u2026.", cell
    assert "Wait\u2026\u2026." in handout, handout


def test_run_of_dots_stays_as_written_in_reveal_md_and_marp(tmp_path):
    # reveal.js (marked) and Marp (markdown-it's commonmark preset) have no typographer: dots as written
    for name, head in {
        "reveal": "---\nseparator: <!--s-->\n---\n\n## Table\n\n",
        "marp": "---\nmarp: true\n---\n\n## Table\n\n",
    }.items():
        folder = tmp_path / name
        folder.mkdir()
        prs, handout, _ = _built(write_md(folder, head + _DOTS))
        texts, cell = _dots_of(prs)
        assert "Wait......." in texts and "and so.... on, a/.../b" in texts, (name, texts)
        assert cell == ".......", (name, cell)
        assert "Wait......." in handout, (name, handout)


def test_run_of_dots_in_slidev_is_one_ellipsis(tmp_path):
    # Slidev's markdown-it has its typographer on: a run of dots is one "…"
    src = write_md(
        tmp_path, "---\ntheme: seriph\nlayout: cover\n---\n\n# Deck\n\n---\n\n## Table\n\n" + _DOTS
    )
    prs, _, _ = _built(src)
    texts, cell = _dots_of(prs)
    assert "Wait\u2026" in texts and "and so\u2026 on, a/.../b" in texts, texts
    assert cell == "\u2026", cell


# ---------------------------------------------------------------------------------- 9: \setlength


def test_length_settings_in_a_frame_are_no_warning_and_strict_passes(tmp_path):
    # `\setlength{\tabcolsep}{4pt}` was a raw-tex warning at its line, and --strict failed on a correct deck
    src = tmp_path / "deck.tex"
    src.write_text(
        "\\documentclass{beamer}\n\\begin{document}\n\\begin{frame}{Libraries}\n"
        "\\renewcommand{\\arraystretch}{1.1}\n"
        "\\setlength{\\tabcolsep}{4pt}\n"
        "\\setlength\\columnsep{1em}\n"
        "\\addtolength{\\leftmargini}{-1em}\n"
        "\\begin{tabular}{ll}\nLibrary & Licence \\\\\nOpenBLAS & BSD-3 \\\\\n\\end{tabular}\n"
        "\\end{frame}\n\\end{document}\n",
        encoding="utf-8",
    )
    prs, handout, result = _built(src, "--strict")
    assert "warning" not in result.stderr, result.stderr
    assert result.stderr.count("[raw-tex]") <= 1, result.stderr  # (one note at most)
    table = next(sh.table for sh in prs.slides[0].shapes if sh.has_table)
    assert table.cell(1, 0).text == "OpenBLAS", table.cell(1, 0).text
    assert "tabcolsep" not in handout and "columnsep" not in handout and "4pt" not in handout, handout
