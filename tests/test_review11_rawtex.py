"""LaTeX in R Markdown beamer decks and beamer ``.tex`` decks as beamer prints it (eleventh review): a
``\\note``'s contents read as LaTeX, ``\\newline`` in the front matter, the starred
``\\includegraphics*`` and TeX quotes closed by a straight ``"``."""

from __future__ import annotations

import subprocess
import unicodedata

from PIL import Image as PILImage
from pptx.enum.shapes import MSO_SHAPE_TYPE

from .conftest import cli_deck, slide_text, write_md


def _pdf_text(path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True).stdout


def _notes(slide) -> list[str]:
    return unicodedata.normalize("NFC", slide.notes_slide.notes_text_frame.text).split("\n")


_NOTES = r"""
## Folgerungen

- $A \subseteq B \implies P(A) \leq P(B)$

\note[item]{Kritik: objektive W.keiten; \\
wenn der Gewinn hoch genug ist, spielt man auch so.}
\note[item]{
{\em Beweis $P(A) \leq P(B)$ falls $A \subseteq B$:}\\[0,3cm]
$B = B \setminus A \:\cup A $ \\
und daher fertig.
}
\note[item]{Intuition: `wie wahrscheinlich ist A' normiert.}
\note{
\begin{align*}
P(\bar A \cap B) &= P(B) - P(A \cap B) \\
&= P(B)\,(1 - P(A))
\end{align*}
}
"""


def _check_notes(prs, stderr: str) -> None:
    notes = _notes(prs.slides[1])
    assert notes == [
        "\u2022 Kritik: objektive W.keiten;",
        "  wenn der Gewinn hoch genug ist, spielt man auch so.",
        "\u2022 Beweis P(A) \u2264 P(B) falls A \u2286 B:",
        "  B = B\u29f5A \u222a A",
        "  und daher fertig.",
        "\u2022 Intuition: \u2018wie wahrscheinlich ist A\u2019 normiert.",
        "P(\u0100 \u2229 B) = P(B) \u2212 P(A \u2229 B)",
        "= P(B) (1 \u2212 P(A))",
    ], notes
    assert "raw-tex" not in stderr, stderr


def test_a_markdown_decks_beamer_notes_read_as_latex(tmp_path):
    # `\\` stayed a backslash, `{\em …}` kept its braces, `$ … A $` its dollars (and lost \setminus, \cup),
    # `…' its backtick, and align* showed its TeX on the notes page
    src = write_md(tmp_path, "---\ntitle: beamer notes\n---\n" + _NOTES, name="notes.Rmd")
    prs, stderr = cli_deck(src, tmp_path / "out", "all")
    _check_notes(prs, stderr)
    handout = _pdf_text(tmp_path / "out" / "notes-handout.pdf")
    assert "Kritik: objektive W.keiten;" in handout and "und daher fertig." in handout
    assert "\u2018wie wahrscheinlich ist A\u2019" in handout
    for debris in ("\\", "{", "}", "$", "`"):
        assert debris not in handout, (debris, handout)


def test_a_tex_decks_notes_keep_their_line_breaks_and_quotes(tmp_path):
    # the same notes in a beamer .tex deck: `\\` was a space, `…' kept its backtick, align* its TeX
    body = _NOTES.replace("## Folgerungen\n\n- ", "\\begin{frame}{Folgerungen}\n\\begin{itemize}\n\\item ")
    body = body.replace("\n\n\\note[item]{Kritik", "\n\\end{itemize}\n\\note[item]{Kritik", 1)
    src = tmp_path / "notes.tex"
    src.write_text(
        "\\documentclass{beamer}\n\\title{beamer notes}\n\\begin{document}\n\\frame{\\titlepage}\n"
        + body
        + "\\end{frame}\n\\end{document}\n",
        encoding="utf-8",
    )
    prs, stderr = cli_deck(src, tmp_path / "out", "all")
    _check_notes(prs, stderr)


def test_newline_in_the_front_matter_breaks_the_line(tmp_path):
    # `\newline` was printed on the title slide, in the PDFs and on the handout's cover
    src = write_md(
        tmp_path,
        r"""
        ---
        title: "Como montar \\newline meu dataset?"
        author: Eduardo Junior \and Henrique Laureano
        institute: >
            Faculdade de Medicina \newline
            Universidade Federal de Minas Gerais
        subtitle: "Semin\u00e1rio \\\\ stats4med"
        ---

        ## Slide

        Linha um \newline linha dois.
        """,
        name="fm.Rmd",
    )
    prs, stderr = cli_deck(src, tmp_path / "out", "all")
    texts = [p.text for sh in prs.slides[0].shapes if sh.has_text_frame for p in sh.text_frame.paragraphs]
    assert "Como montar\vmeu dataset?" in texts, texts
    assert "Semin\u00e1rio\vstats4med" in texts, texts
    assert "Eduardo Junior, Henrique Laureano" in texts, texts
    assert "Faculdade de Medicina\vUniversidade Federal de Minas Gerais" in texts, texts
    assert "\\newline" not in stderr
    for pdf in ("fm-slides.pdf", "fm-handout.pdf"):
        lines = [line.strip() for line in _pdf_text(tmp_path / "out" / pdf).split("\n")]
        assert "Faculdade de Medicina" in lines and "Universidade Federal de Minas Gerais" in lines, (
            pdf,
            lines,
        )
        assert not any("newline" in line or "\\" in line for line in lines), (pdf, lines)
    body = [p.text for sh in prs.slides[1].shapes if sh.has_text_frame for p in sh.text_frame.paragraphs]
    assert any(t.replace(" ", "") == "Linhaum\vlinhadois." for t in body), body


def _pictures(slide) -> list:
    return [sh for sh in slide.shapes if sh.shape_type == MSO_SHAPE_TYPE.PICTURE]


def test_the_starred_includegraphics_is_a_picture(tmp_path):
    # `\includegraphics*[…]{images/print}` was left out as raw TeX
    (tmp_path / "images").mkdir()
    PILImage.new("RGB", (120, 80), (30, 90, 160)).save(tmp_path / "images" / "print.png")
    src = write_md(
        tmp_path,
        r"""
        ---
        title: Pictures
        ---

        ## Starred

        Uma frase.

        \includegraphics*[height = 7cm, width = 12cm]{images/print}
        """,
        name="pics.Rmd",
    )
    prs, stderr = cli_deck(src, tmp_path / "out", "all")
    assert "raw-tex" not in stderr and "missing-image" not in stderr, stderr
    assert len(_pictures(prs.slides[1])) == 1

    tex = tmp_path / "pics.tex"
    tex.write_text(
        "\\documentclass{beamer}\n\\title{Pictures}\n\\begin{document}\n"
        "\\begin{frame}{Starred}\nUma frase.\n\n\\includegraphics*[height = 7cm]{images/print}\n\\end{frame}\n"
        "\\end{document}\n",
        encoding="utf-8",
    )
    prs, stderr = cli_deck(tex, tmp_path / "out-tex")
    assert "raw-tex" not in stderr and "missing-image" not in stderr, stderr
    assert len(_pictures(prs.slides[-1])) == 1


def test_tex_quotes_closed_by_a_straight_double_quote_are_curly(tmp_path):
    # (``Chance") showed its backticks and a single closing quote, in block titles and text
    body = (
        '\\begin{block}{Def.: \\textbf{Odds} (``Chance")}\nDie Odds sind ein ``Verh\\"altnis".\n\\end{block}\n\n'
        "\\begin{block}{Def.: \\textbf{Odds} (``Chance'')}\nObacht: ``base-rate fallacy'' und `einfach'.\n"
        "\\end{block}\n"
    )
    src = write_md(tmp_path, "---\ntitle: Quotes\n---\n\n## Odds\n\n" + body + '\nCode: `` print("hi") ``.\n')
    prs, stderr = cli_deck(src, tmp_path / "out")
    text = slide_text(prs.slides[1])
    assert "Def.: Odds (\u201cChance\u201d)\nDie Odds sind ein \u201cVerh\u00e4ltnis\u201d." in text, text
    assert text.count("Def.: Odds (\u201cChance\u201d)") == 2, text
    assert "\u201cbase-rate fallacy\u201d und \u2018einfach\u2019." in text, text
    assert 'print("hi")' in text and "`" not in text, text

    tex = tmp_path / "quotes.tex"
    tex.write_text(
        "\\documentclass{beamer}\n\\title{Quotes}\n\\begin{document}\n\\begin{frame}{Odds}\n"
        + body
        + "\\end{frame}\n\\end{document}\n",
        encoding="utf-8",
    )
    prs, stderr = cli_deck(tex, tmp_path / "out-tex")
    text = slide_text(prs.slides[-1])
    assert text.count("Def.: Odds (\u201cChance\u201d)") == 2, text
    assert "Die Odds sind ein \u201cVerh\u00e4ltnis\u201d." in text, text
    assert "\u201cbase-rate fallacy\u201d und \u2018einfach\u2019." in text, text
