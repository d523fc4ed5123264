"""What a reviewer's real decks (an eleventh round) showed going wrong with text, each built through the
command line and read back as a lecturer's program would (python-pptx for the deck, pdftotext for the
handout): a size or face switch written with braces (``\\scriptsize{"words"}``), whose words TeX prints,
in Markdown and in a beamer ``.tex`` deck; and curly quotes paired by position where a closing quote is
followed by a letter (Korean particles: ``'인간의 비전'과 'AI의 실행력'``)."""

from __future__ import annotations

import subprocess

from .conftest import build_tex, cli_deck, frame_texts, run_cli, text_runs, write_md


def _body(prs, n: int = 1) -> list[str]:
    """The texts (but the title's) of slide ``n``'s text frames."""
    return frame_texts(prs)[n][1:]


# ------------------------------------------------------------------ size switches written with braces


def test_a_size_switch_with_braces_keeps_its_words_in_markdown(tmp_path):
    src = write_md(
        tmp_path,
        """
        ---
        title: T
        ---

        ## Quote slide

        Before the quote.

        \\scriptsize{"The editorial board asked that the president read prepared remarks."}

        \\small{Bravo words} and \\large{Charlie}, \\tiny{Delta **bold** \\textbf{Echo}}.

        \\footnotesize{Foxtrot
        over two lines} \\Large{Golf}{Hotel} \\textsmaller{India} \\textlarger{Juliet}

        After the quote.
        """,
    )
    prs, stderr = cli_deck(src, tmp_path / "out")
    assert _body(prs) == [
        "Before the quote.\n"
        "\u201cThe editorial board asked that the president read prepared remarks.\u201d\n"
        "Bravo words and Charlie, Delta bold Echo.\n"
        "Foxtrot over two lines GolfHotel India Juliet\n"
        "After the quote."
    ]
    bold = {r.text for r in text_runs([prs.slides[1]]) if r.font.bold}
    assert {"bold", "Echo"} <= bold
    # the size is the template's: one note for the lecture, no warning, nothing said to be lost
    assert "not-shown" not in stderr and "warning" not in stderr
    assert stderr.count("[raw-tex]") == 1 and "note:" in stderr


def test_a_size_switch_with_braces_keeps_its_words_in_a_title_a_list_a_table_and_a_block(tmp_path):
    src = write_md(
        tmp_path,
        """
        ## Title \\small{Mike}

        - item \\scriptsize{November}
        - \\footnotesize{Oscar} item

        | a | b |
        |---|---|
        | \\small{Papa} | x |

        ::: {.block title="Quote"}
        \\scriptsize{"Quebec block words."}
        :::
        """,
    )
    prs, stderr = cli_deck(src, tmp_path / "out")
    texts = frame_texts(prs)[0]
    assert texts[0] == "Title Mike"
    assert "item November\nOscar item" in texts
    assert "Quote\n\u201cQuebec block words.\u201d" in texts
    cells = [
        c.text for sh in prs.slides[0].shapes if sh.has_table for row in sh.table.rows for c in row.cells
    ]
    assert "Papa" in cells
    assert "not-shown" not in stderr and "warning" not in stderr


def test_a_face_or_colour_switch_with_braces_sets_its_words_so(tmp_path):
    src = write_md(tmp_path, "## Faces\n\nA \\bf{Bravo} b, \\itshape{Delta} d, \\color{red}{Foxtrot} f.\n")
    prs, stderr = cli_deck(src, tmp_path / "out")
    assert _body(prs, 0) == ["A Bravo b, Delta d, Foxtrot f."]
    runs = {r.text: r for r in text_runs(prs.slides)}
    assert runs["Bravo"].font.bold and runs["Delta"].font.italic
    assert str(runs["Foxtrot"].font.color.rgb) == "FF0000"
    assert "raw-tex" not in stderr


def test_a_size_switch_with_braces_in_a_beamer_deck_shows_its_words_without_braces(tmp_path):
    prs, stderr = build_tex(
        tmp_path,
        "\\begin{frame}[fragile]{Para \\small{Mike}}\nBefore.\n\n"
        "\\scriptsize{``Alpha quote words.''}\n\n"
        "\\small{Bravo words} and \\large{Charlie}.\n\n"
        "Text \\footnotesize{Foxtrot\nover two lines}. After.\n\n"
        "Write \\verb|\\small{x}| for it.\n"
        "\\begin{itemize}\n\\item item \\scriptsize{November}\n\\end{itemize}\n"
        "\\begin{block}{Quote}\n\\scriptsize{``Quebec block words.''}\n\\end{block}\n"
        "\\begin{verbatim}\n\\tiny{as written}\n\\end{verbatim}\n"
        "\\end{frame}",
    )
    texts = frame_texts(prs)[0]
    said = "\n".join(texts)
    assert texts[0] == "Para Mike"
    assert (
        "\u201cAlpha quote words.\u201d\nBravo words and Charlie.\nText Foxtrot over two lines. After."
        in said
    )
    assert "Write \\small{x} for it." in said  # (code as written)
    assert "item November" in said and "Quote\n\u201cQuebec block words.\u201d" in said
    assert "\\tiny{as written}" in said
    assert "{" not in said.replace("\\small{x}", "").replace("\\tiny{as written}", "")
    assert "warning" not in stderr


# ------------------------------------------------------------------ curly quotes paired by position


def test_quotes_closed_right_before_a_letter_are_paired_in_the_deck_and_the_handout(tmp_path):
    src = write_md(
        tmp_path,
        """
        ---
        title: Quotes
        ---

        ## Goal: 'vision'and 'power'

        - 목표: '인간의 비전'과 'AI의 실행력'
        - "인간의 비전"과 "AI"는 'A'과 'B'
        - 他说"你好"了
        - I don't know; l'homme; rock 'n' roll; 'I can't,' he said; "source"d
        """,
    )
    prs, _ = cli_deck(src, tmp_path / "out")
    texts = frame_texts(prs)[1]
    assert texts[0] == "Goal: \u2018vision\u2019and \u2018power\u2019"
    items = [
        "목표: \u2018인간의 비전\u2019과 \u2018AI의 실행력\u2019",
        "\u201c인간의 비전\u201d과 \u201cAI\u201d는 \u2018A\u2019과 \u2018B\u2019",
        "他说\u201c你好\u201d了",
        "I don\u2019t know; l\u2019homme; rock \u2018n\u2019 roll; \u2018I can\u2019t,\u2019 he said; \u201csource\u201dd",
    ]
    assert texts[1] == "\n".join(items)
    result = run_cli("handout", src, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.stderr
    handout = subprocess.run(
        ["pdftotext", str(tmp_path / "out" / "lecture-handout.pdf"), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    said = " ".join(handout.split())
    assert "Goal: \u2018vision\u2019and \u2018power\u2019" in said
    assert items[0] in said and "'" not in said[said.index("Contents") :]  # (the lecture's words)


def test_an_arabic_quotation_in_a_lecture_without_a_language_passes_check(tmp_path):
    """The PDF gives right-to-left text back in the order it is drawn (the quotation marks and the full
    stop at the other end of the line); ``check`` compared them in the source's order and refused the
    build, in a lecture that does not say it is Arabic (the real deck's \\scriptsize{"…"} block)."""
    src = write_md(
        tmp_path,
        """
        ---
        title: T
        ---

        ## Quote

        "طالب مجلس تحرير وول ستريت جورنال في افتتاحية الصحيفة أمس الاثنين بعدم ترك الرئيس."

        ## Block

        ::: {.block title="Block"}
        \\scriptsize{"طالب مجلس تحرير وول ستريت جورنال، خاصة في أوقات الأزمات الدولية بصورة أو بأخرى."}
        :::
        """,
    )
    result = run_cli("all", src, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.stderr
    assert "check-text" not in result.stderr and "agree with the source" in result.stderr
    texts = frame_texts(cli_deck(src, tmp_path / "out")[0])
    assert "خاصة في أوقات الأزمات" in "\n".join(texts[2])
