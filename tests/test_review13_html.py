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


# ------------------------------------------------------------------ 10. a picture wrapped in a link


def _pdf_links(path) -> list[str]:
    """The web addresses of a PDF's link annotations, page by page (pypdf, as a reader's program)."""
    import pypdf

    return [
        a.get_object()["/A"]["/URI"]
        for page in pypdf.PdfReader(str(path)).pages
        for a in page.get("/Annots") or []
        if "/URI" in (a.get_object().get("/A") or {})
    ]


def test_a_picture_wrapped_in_a_link_is_drawn_carrying_the_link(tmp_path):
    from PIL import Image

    Image.new("RGB", (40, 30), "navy").save(tmp_path / "pic.png")
    src = write_md(
        tmp_path,
        """
        ---
        title: "Linked"
        format: revealjs
        ---

        ## HTML linked picture

        <a href="https://example.org/5.1.pdf" target="_BLANK"> <img src="pic.png" alt="split"/> </a>

        A set of observations are randomly split.

        ## Markdown linked picture

        [![A split](pic.png)](https://example.org/md)

        ## Linked missing picture

        <a href="https://example.org/x.pdf"> <img src="nothere.png"/> </a>
        """,
        "lecture.qmd",
    )
    prs, stderr = cli_deck(src, tmp_path / "out", "all")
    links = [
        [
            (sh.name, sh.click_action.hyperlink.address)
            for sh in slide.shapes
            if sh.click_action.hyperlink.address
        ]
        for slide in prs.slides
    ]
    pictures = [[sh for sh in slide.shapes if sh.shape_type == 13] for slide in prs.slides]
    assert len(pictures[1]) == len(pictures[2]) == 1
    assert pictures[1][0].click_action.hyperlink.address == "https://example.org/5.1.pdf"
    assert pictures[2][0].click_action.hyperlink.address == "https://example.org/md"
    assert links[3] == [("Missing picture", "https://example.org/x.pdf")]
    assert "A set of observations are randomly split." in frame_texts(prs)[1]
    assert "lecture.qmd:18: warning: picture 'nothere.png' not found" in stderr
    assert "inline-image" not in stderr and "raw-html" not in stderr
    for pdf in ("lecture-slides.pdf", "lecture-handout.pdf"):
        found = _pdf_links(tmp_path / "out" / pdf)
        for url in ("https://example.org/5.1.pdf", "https://example.org/md", "https://example.org/x.pdf"):
            assert url in found, (pdf, found)
    assert "missing picture: nothere.png" in _pdf_text(tmp_path / "out" / "lecture-slides.pdf")


def test_a_row_of_linked_pictures_draws_each_with_its_link(tmp_path):
    from PIL import Image

    Image.new("RGB", (40, 30), "navy").save(tmp_path / "pic.png")
    src = write_md(
        tmp_path,
        """
        ## Badges

        [![one](pic.png)](https://example.org/1) [![two](pic.png){width=20%}](https://example.org/2)

        <p><a href="https://example.org/3"><img src="pic.png" alt="three"></a></p>
        """,
    )
    prs, stderr = cli_deck(src, tmp_path / "out")
    addresses = [
        sh.click_action.hyperlink.address
        for slide in prs.slides
        for sh in slide.shapes
        if sh.shape_type == 13
    ]
    assert addresses == ["https://example.org/1", "https://example.org/2", "https://example.org/3"]
    assert "inline-image" not in stderr and "raw-html" not in stderr


# ------------------------------------------------------------------ 11. an HTML table with spanning cells


def _tables(prs) -> list[list[list[str]]]:
    return [
        [[c.text for c in row.cells] for row in sh.table.rows]
        for slide in prs.slides
        for sh in slide.shapes
        if sh.has_table
    ]


def test_an_html_table_with_spanning_cells_is_a_table_its_rows_kept_together(tmp_path):
    src = write_md(
        tmp_path,
        """
        ---
        title: "Matrix"
        format: revealjs
        ---

        ## Unbalanced classification

        ::: {.columns}
        ::: {.column}

        Have to look at the whole Confusion matrix

        <table>
        <tr>  <td> </td><td> </td> <td colspan="2" align="center" > predicted </td> </tr>
        <tr>  <td> </td><td> </td> <td> `1` </td> <td> `0` </td> </tr>
        <tr>  <td> true </td><td> `1` </td> <td> <em>`a`</em> </td> <td> <em>`b`</em> </td> </tr>
        <tr>  <td> </td><td> `0`</td> <td> <em>`c`</em> </td> <td> <em>`d`</em> </td> </tr>
        </table>

        :::
        ::: {.column}

        - Accuracy = (`a`+`d`)/(`a`+`b`+`c`+`d`)

        :::
        :::

        ## Groups

        <table>
        <tr><th>group</th><th>name</th><th>score</th></tr>
        <tr><td rowspan="2">A</td><td>Ana</td><td>3</td></tr>
        <tr><td>Ben</td><td>4</td></tr>
        <tr><td>B</td><td colspan="2">nobody</td></tr>
        </table>
        """,
        "lecture.qmd",
    )
    prs, stderr = cli_deck(src, tmp_path / "out", "all")
    assert [t for s in prs.slides for t in [s.shapes.title.text]] == [
        "Matrix",
        "Unbalanced classification",
        "Groups",
    ]  # (no "(cont.)" slide holding one cell)
    matrix, groups = _tables(prs)
    assert matrix == [
        ["", "", "predicted", ""],
        ["", "", "1", "0"],
        ["true", "1", "a", "b"],
        ["", "0", "c", "d"],
    ]
    assert groups == [
        ["group", "name", "score"],
        ["A", "Ana", "3"],
        ["", "Ben", "4"],
        ["B", "nobody", ""],
    ]
    assert "lecture.qmd:13: warning: a cell of this HTML table spans columns or rows" in stderr
    assert "lecture.qmd:30: warning: a cell of this HTML table spans" in stderr
    assert "raw-html" not in stderr
    text = _pdf_text(tmp_path / "out" / "lecture-handout.pdf")
    assert any(line.split() == ["true", "1", "a", "b"] for line in text.splitlines()), text
