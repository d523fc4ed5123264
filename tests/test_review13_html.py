"""What a reviewer's real Quarto decks (a thirteenth round) showed going wrong with HTML in the Markdown,
each built through the command line and read back as a lecturer's program would (python-pptx for the
deck, pdftotext for the PDFs): a tag whose name has an underscore (``<col_blanco>``), a picture wrapped
in a link, an HTML table with spanning cells, and a ``<br>`` that begins a paragraph."""

from __future__ import annotations

import subprocess

from .conftest import cli_deck, frame_texts, write_md


def _pdf_text(path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True).stdout


# ------------------------------------------------------------------ 1. a tag name with an underscore


def test_a_tag_whose_name_has_an_underscore_is_raw_html_its_words_kept(tmp_path):
    src = write_md(
        tmp_path,
        """
        ---
        title: "Curso"
        format: revealjs
        ---

        ## <col_blanco> Regresión Lineal </col_blanco>

        Texto con <mi_etiqueta class="x">palabras</mi_etiqueta> dentro, y `<en_codigo>`.
        """,
        "lecture.qmd",
    )
    prs, stderr = cli_deck(src, tmp_path / "out", "all")
    texts = frame_texts(prs)[1]
    assert texts[0] == "Regresión Lineal"
    assert "Texto con palabras dentro, y <en_codigo>." in texts
    assert "lecture.qmd:6: warning: raw HTML is not rendered" in stderr
    assert "lecture.qmd:8: warning: raw HTML is not rendered" in stderr
    for pdf in ("lecture-handout.pdf", "lecture-slides.pdf"):
        text = _pdf_text(tmp_path / "out" / pdf)
        assert "col_blanco" not in text and "mi_etiqueta" not in text
        assert "Regresión Lineal" in text and "<en_codigo>" in text


# ------------------------------------------------------------------ 12. a <br> that begins a paragraph


def test_a_br_that_begins_a_paragraph_is_no_raw_html(tmp_path):
    src = write_md(
        tmp_path,
        """
        ---
        title: "Breaks"
        format: revealjs
        ---

        ## Line breaks

        <br>
        Check the **class** proportions,<br>see <https://example.org/p>.
        <br><br>

        It's good.
        """,
        "lecture.qmd",
    )
    prs, stderr = cli_deck(src, tmp_path / "out", "all")
    assert "raw-html" not in stderr
    texts = frame_texts(prs)[1]
    assert texts[1].startswith("Check the class proportions,\vsee https://example.org/p."), texts
    bold = [
        r.text
        for sh in prs.slides[1].shapes
        if sh.has_text_frame
        for p in sh.text_frame.paragraphs
        for r in p.runs
        if r.font.bold
    ]
    assert bold == ["class"]
    assert "It’s good." in texts[1]
