"""Review 20 (i): pandoc-beamer Markdown decks with raw LaTeX (`{=latex}`), `\\hfill`/`\\vline` between
columns, and a contents slide the deck names itself (`\\contentsname`)."""

import textwrap

from pptx import Presentation
from pptx.enum.shapes import PP_PLACEHOLDER

from tests.conftest import run_cli, write_md


def _deck(src, tmp_path):
    """Build ``src``'s deck through the CLI; (the deck's slides as python-pptx reads them, stderr)."""
    out = tmp_path / "out"
    result = run_cli("slides", src, "-o", out)
    assert result.exit_code == 0, result.stderr
    return list(Presentation(str(out / (src.stem + ".pptx"))).slides), result.stderr


def _paragraphs(slide) -> list[str]:
    """The slide's paragraphs, its footer, number and date left out."""
    return [
        p.text.strip()
        for sh in slide.shapes
        if sh.has_text_frame and not (sh.is_placeholder and sh.placeholder_format.type in _FURNITURE)
        for p in sh.text_frame.paragraphs
        if p.text.strip()
    ]


_FURNITURE = (PP_PLACEHOLDER.FOOTER, PP_PLACEHOLDER.SLIDE_NUMBER, PP_PLACEHOLDER.DATE)


def _title(slide) -> str:
    return slide.shapes.title.text if slide.shapes.title is not None else ""


SPANS = """
    ## Concepts

    - `\\uncover<2->{\\alert{Commit}`{=latex}: a set of changes`}`{=latex}
    - Not a diff (`{\\color{teal}diff}`{=latex}) but a snapshot

    ## {.plain}

    ```{=latex}
    {\\Huge Q\\&A}
    ```
"""


def test_raw_latex_spans_and_blocks_keep_their_words_in_a_quarto_beamer_deck(tmp_path):
    # the terms inside `…`{=latex} were lost ("(diff)" showed "()", the Q&A slide was empty), with a
    # warning that the deck's own format was "for another output"
    src = write_md(tmp_path, "---\ntitle: Raw\nformat: beamer\n---\n" + textwrap.dedent(SPANS), "deck.qmd")
    slides, err = _deck(src, tmp_path)
    words = _paragraphs(slides[1])
    assert "Commit: a set of changes" in words
    assert "Not a diff (diff) but a snapshot" in words
    assert "Q&A" in _paragraphs(slides[2])
    assert "for another output" not in err


def test_raw_latex_is_read_for_beamer_and_pdf_outputs_and_left_out_for_others(tmp_path):
    body = "\n## Terms\n\n- `\\textbf{Blob}`{=latex}: the content of one file\n"
    kept = {
        "rmd.Rmd": "---\ntitle: T\noutput: beamer_presentation\n---\n",
        "pdf.qmd": "---\ntitle: T\nformat: pdf\n---\n",
        "pandoc.md": "---\ntitle: T\n---\n",  # (pandoc -t beamer: its only raw content is LaTeX)
    }
    for name, head in kept.items():
        slides, err = _deck(write_md(tmp_path, head + body, name), tmp_path / ("o-" + name))
        runs = [
            r
            for sh in slides[1].shapes
            if sh.has_text_frame
            for p in sh.text_frame.paragraphs
            for r in p.runs
        ]
        assert "Blob: the content of one file" in _paragraphs(slides[1]), name
        assert any(r.text == "Blob" and r.font.bold for r in runs), name
        assert "raw-format" not in err, name
    for name, head in {
        "reveal.qmd": "---\ntitle: T\nformat: revealjs\n---\n",
        "both.md": "---\ntitle: T\n---\n\nSee `<b>x</b>`{=html}.\n",  # (raw content for two outputs)
    }.items():
        slides, err = _deck(write_md(tmp_path, head + body, name), tmp_path / ("o-" + name))
        assert ": the content of one file" in _paragraphs(slides[-1]), name
        assert "raw 'latex' content (`{=latex}`) is for another output" in err, name


def test_a_raw_latex_block_is_read_as_tex_its_comments_and_indentation_not_shown(tmp_path):
    src = write_md(
        tmp_path,
        """
        ---
        title: T
        format: beamer
        ---

        ## Drawing

        ```{=latex}
        %% Note: has to be before \\begin{document}
        \\begin{tikzpicture}

            \\node (a) {Start};
        \\end{tikzpicture}
        ```
        """,
        "draw.qmd",
    )
    slides, err = _deck(src, tmp_path)
    shown = " ".join(_paragraphs(slides[1]))
    assert "Start" in shown and "\\node" not in shown and "Note" not in shown and "document" not in shown
    assert "a TikZ picture is not drawn" in err and "raw-format" not in err


COLUMNS = """
    ---
    title: Empty column
    slide-level: 1
    {fmt}---

    # Git internals

    :::::: columns
    :::: {{.column width=53%}}

    - Git stores not the difference of files but a full snapshot of the file tree
    - Blob: the content of one file
    - Tree: a directory that points to the blobs of its files and to the trees of its subdirectories
    - Commit: a snapshot that points to its root tree and to the previous commit in the history
    - Branch: a pointer to one commit
    - HEAD: a pointer to the current commit
    - Tag: a name for one commit that never moves

    ::::
    \\hfill
    \\vline
    :::: {{.column width=45%}}

    ```{{=latex}}
    \\begin{{tikzpicture}}
      \\node {{a drawing}};
    \\end{{tikzpicture}}
    ```

    ::::
    ::::::
"""


def test_hfill_and_vline_between_columns_make_no_column(tmp_path):
    # the dropped \hfill/\vline made an empty "column of its own" (so said), which split a short list
    # in a narrow box onto a "(cont.)" slide
    slides, err = _deck(write_md(tmp_path, textwrap.dedent(COLUMNS).format(fmt="")), tmp_path)
    assert [_title(s) for s in slides] == ["Empty column", "Git internals"]
    assert "Tag: a name for one commit that never moves" in _paragraphs(slides[1])
    assert "column of its own" not in err
    assert "'\\hfill' and the like" in err and "\\vline" in err  # (one note for both, no warning)
    assert "raw TeX '\\vline' is left out" not in err


def test_a_column_whose_content_is_all_left_out_keeps_no_width(tmp_path):
    # for reveal.js the `{=latex}` drawing is left out: its column kept 45% of the slide from the list
    slides, err = _deck(
        write_md(tmp_path, textwrap.dedent(COLUMNS).format(fmt="format: revealjs\n")), tmp_path
    )
    assert [_title(s) for s in slides] == ["Empty column", "Git internals"]
    width = slides[1].part.package.presentation_part.presentation.slide_width
    boxes = [sh for sh in slides[1].shapes if sh.has_text_frame and "Blob" in sh.text_frame.text]
    assert len(boxes) == 1 and boxes[0].width > 0.7 * width
    assert "raw 'latex' content (`{=latex}`) is for another output" in err  # (the drawing's warning kept)
    # words written between the columns do get a column of their own, as said
    src = write_md(
        tmp_path,
        """
        ---
        title: T
        ---

        ## Two

        :::: columns
        ::: column
        Left words
        :::
        \\hfill
        Stray words
        ::: column
        Right words
        :::
        ::::
        """,
    )
    slides, err = _deck(src, tmp_path / "stray")
    assert "column of its own" in err
    boxes = [sh for sh in slides[1].shapes if sh.has_text_frame and "Stray" in sh.text_frame.text]
    assert boxes and "Left" not in boxes[0].text_frame.text and "Right" not in boxes[0].text_frame.text


def test_the_contents_slide_takes_the_decks_own_name_for_it(tmp_path):
    # `\renewcommand{\contentsname}{目录}` in an R Markdown deck's in_header file: the slide said "Contents"
    (tmp_path / "preamble.tex").write_text("\\renewcommand{\\contentsname}{目录}\n", encoding="utf-8")
    rmd = write_md(
        tmp_path,
        """
        ---
        title: "一份不太简短的R语言介绍"
        output:
          beamer_presentation:
            toc: yes
            includes:
              in_header: preamble.tex
        ---

        # R 的前世今生

        ## 来自何方

        R was inspired by the S environment, developed by John Chambers.
        """,
        "talk.Rmd",
    )
    slides, _ = _deck(rmd, tmp_path / "rmd")
    assert _title(slides[1]) == "目录"
    assert "R 的前世今生" in _paragraphs(slides[1])
    # babel's captions in header-includes, with the language's own name otherwise
    qmd = write_md(
        tmp_path,
        """
        ---
        title: Лекция
        lang: ru
        toc: true
        header-includes: |
          \\addto\\captionsrussian{\\renewcommand{\\contentsname}{План лекции}}
        ---

        # Первая

        ## Один

        Текст
        """,
        "ru.qmd",
    )
    slides, _ = _deck(qmd, tmp_path / "qmd")
    assert _title(slides[1]) == "План лекции"


def test_a_beamer_decks_contents_frame_takes_its_contentsname(tmp_path):
    src = tmp_path / "deck.tex"
    src.write_text(
        "\\documentclass{beamer}\n\\renewcommand\\contentsname{Today}\n\\title{Deck}\n\\begin{document}\n"
        "\\frame{\\titlepage}\n\\begin{frame}\\tableofcontents\\end{frame}\n"
        "\\section{First}\n\\begin{frame}{One}\nText\n\\end{frame}\n"
        "\\section{Second}\n\\begin{frame}{Two}\nText\n\\end{frame}\n\\end{document}\n",
        encoding="utf-8",
    )
    slides, _ = _deck(src, tmp_path)
    assert _title(slides[1]) == "Today"
    assert _paragraphs(slides[1])[1:] == ["First", "Second"]
