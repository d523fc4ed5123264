"""remark and xaringan decks as remark shows them (review 24): a heading whose content class opens on its
line and closes on a later one (``# .large[First line`` then ``second line]``) is one heading holding both
lines; a remark HTML page (its Markdown in ``<textarea id="source">``) is read as the remark deck it holds;
a page that loads its slides with ``remark.create({sourceUrl: …})`` reads that Markdown file.  Read back
from the deck (python-pptx), the handout (pdftotext) and the command line's messages."""

from __future__ import annotations

from pathlib import Path

from .conftest import built_all, paragraph_texts, run_cli, write_md


def _all(src: Path, *more: str):
    """(deck, handout text, stderr) of ``podium all`` on ``src``."""
    return built_all(src, *more)


def _title(slide) -> str:
    return slide.shapes.title.text if slide.shapes.title is not None else ""


SPLIT_CLASS_HEADINGS = """\
    ---
    title: "Encuestas"
    output: xaringan::moon_reader
    ---

    # .large[ ¿Cómo el INE planifica y diseña sus⏎
    productos estadísticos?]

    Some text.

    ---

    ## Slide two

    ### .large[A big statement⏎
    over two lines]

    ---

    ###.large[Caracterizar la heterogénea realidad de los
    hogares en el
    tiempo]

    Body words.
    """.replace("⏎", "  ")  # (each a hard line break: two spaces at the line's end)


def test_a_class_opened_in_a_heading_and_closed_on_a_later_line_is_one_heading(tmp_path):
    deck, handout, _ = _all(write_md(tmp_path, SPLIT_CLASS_HEADINGS, "deck.Rmd"))
    titles = [_title(s) for s in deck.slides]
    assert titles[1] == "¿Cómo el INE planifica y diseña sus productos estadísticos?"
    assert paragraph_texts(deck.slides[1])[1] == "Some text."
    assert _title(deck.slides[2]) == "Slide two"
    assert "A big statement over two lines" in paragraph_texts(deck.slides[2])
    assert titles[3] == "Caracterizar la heterogénea realidad de los hogares en el tiempo"
    words = " ".join(" ".join(paragraph_texts(s)) for s in deck.slides)
    for debris in ("[", "]", "{.large}"):
        assert debris not in words
        assert debris not in handout
    contents = handout.split("Contents", 1)[1]
    assert "¿Cómo el INE planifica y diseña sus productos" in " ".join(contents.split())


def test_a_split_class_heading_without_front_matter_is_one_heading(tmp_path):
    deck, handout, _ = _all(
        write_md(
            tmp_path,
            """\
            class: center, middle

            # Deck

            ---

            # .large[Title one
            continued]

            Then a paragraph .red[in red
            over two lines].
            """,
        )
    )
    assert _title(deck.slides[1]) == "Title one continued"
    assert paragraph_texts(deck.slides[1])[1] == "Then a paragraph in red over two lines."
    assert "Title one continued" in handout and "]" not in handout


PAGE = """\
    <!DOCTYPE html>
    <html>
      <head>
        <title>Deep Learning Lectures</title>
        <meta charset="utf-8">
        <style>body { font-family: 'Droid Serif'; }</style>
      </head>
      <body>
        <textarea id="source">
    class: center, middle

    # Neural networks

    Charles Ollion - Olivier Grisel

    ---
    # Artificial Neuron

    - $z(\\mathbf{x}) = \\mathbf{w}^T \\mathbf{x} + b$
    - $g$ activation function

    ![](missing-figure.png)

    ???
    McCulloch & Pitts

    ---
    # Softmax

    $$
    L\\_S(\\theta) = -\\frac{1}{|S|} \\sum\\_{s \\in S} \\log f(x^s)\\_{y^s}
    $$
        </textarea>
        <script src="https://remarkjs.com/downloads/remark-latest.min.js"></script>
        <script>var slideshow = remark.create();</script>
      </body>
    </html>
    """


def _notes(slide) -> str:
    return slide.notes_slide.notes_text_frame.text if slide.has_notes_slide else ""


def _alt_texts(slide) -> list[str]:
    return [x for x in slide._element.xpath(".//p:cNvPr/@descr") if x]


def test_a_remark_page_is_read_as_the_remark_deck_in_its_textarea(tmp_path):
    deck, handout, stderr = _all(write_md(tmp_path, PAGE, "index.html"))
    assert [_title(s) for s in deck.slides] == ["Neural networks", "Artificial Neuron", "Softmax"]
    assert "Charles Ollion - Olivier Grisel" in paragraph_texts(deck.slides[0])
    assert len(deck.slides[0].placeholders) <= 3 and "2" not in paragraph_texts(deck.slides[0])
    assert _notes(deck.slides[1]) == "McCulloch & Pitts"
    assert not any("???" in p or "McCulloch" in p for p in paragraph_texts(deck.slides[1]))
    assert "L_S(\\theta)" in " ".join(_alt_texts(deck.slides[2]))
    assert "\\_" not in " ".join(_alt_texts(deck.slides[2]))
    everything = " ".join(" ".join(paragraph_texts(s)) for s in deck.slides) + handout
    for debris in ("textarea", "<script", "remark.create", "font-family", "class: center"):
        assert debris not in everything
    # (messages at the page's own lines: the textarea's Markdown keeps its line numbers)
    assert "index.html:9: note: read as a remark.js page" in stderr
    assert "index.html:22: warning: picture 'missing-figure.png' not found" in stderr
    assert "[left-out]" not in stderr and "[raw-html]" not in stderr


def test_a_remark_page_s_indented_markdown_and_character_references_are_read_as_remark_reads_them(tmp_path):
    deck, _, _ = _all(
        write_md(
            tmp_path,
            """\
            <html>
            <body>
              <textarea id="source">
                # Comparisons

                - a &lt; b &amp;&amp; c &gt; d
                - `x &lt;- 1`

                ---

                # More
              </textarea>
              <script src="remark.min.js"></script>
              <script>remark.create({ratio: '16:9'});</script>
            </body>
            </html>
            """,
            "talk.htm",
        )
    )
    assert [_title(s) for s in deck.slides] == ["Comparisons", "More"]
    assert paragraph_texts(deck.slides[0])[1:3] == ["a < b && c > d", "x <- 1"]


REMARK_SLIDES = """\
    class: center, middle

    # Database IO

    ---
    ## Agenda

    - Install Docker
    - Use ScalikeJDBC

    ![](img/missing.png)
    """

LOADER = """\
    <!DOCTYPE html>
    <html>
    <head>
      <title>Tutorial 02</title>
      <style>
        @import url(https://fonts.googleapis.com/css?family=Droid+Serif);

        body { font-family: 'Droid Serif'; }
      </style>
    </head>
    <body>
    <script src="https://remarkjs.com/downloads/remark-latest.min.js"></script>
    <script>var slideshow = remark.create({sourceUrl: "SOURCE"});</script>
    </body>
    </html>
    """


def test_a_remark_page_that_loads_its_slides_with_source_url_reads_that_file(tmp_path):
    write_md(tmp_path, REMARK_SLIDES, "slides.md")
    deck, handout, stderr = _all(write_md(tmp_path, LOADER.replace("SOURCE", "slides.md?v=2"), "index.html"))
    assert [_title(s) for s in deck.slides] == ["Database IO", "Agenda"]
    assert paragraph_texts(deck.slides[1])[1:3] == ["Install Docker", "Use ScalikeJDBC"]
    assert "font-family" not in handout and "Install Docker" in handout
    assert "index.html:13: note: this remark.js page loads its slides from 'slides.md?v=2'" in stderr
    assert "slides.md:11: warning: picture 'img/missing.png' not found" in stderr


def test_source_url_named_in_a_script_file_of_the_page_s_folder(tmp_path):
    (tmp_path / "md").mkdir()
    write_md(tmp_path / "md", REMARK_SLIDES, "talk.md")
    (tmp_path / "init.js").write_text(
        "var slideshow = remark.create({\n  ratio: '16:9',\n  sourceUrl: 'md/talk.md'\n});\n"
    )
    page = LOADER.replace(
        '<script>var slideshow = remark.create({sourceUrl: "SOURCE"});</script>',
        '<script src="init.js"></script>',
    )
    deck, _, stderr = _all(write_md(tmp_path, page, "index.html"))
    assert [_title(s) for s in deck.slides] == ["Database IO", "Agenda"]
    assert "init.js:3: note: this remark.js page loads its slides from 'md/talk.md'" in stderr


def test_a_source_url_podium_cannot_read_stops_the_build_and_names_the_file(tmp_path):
    out = tmp_path / "out"
    missing = write_md(tmp_path, LOADER.replace("SOURCE", "slides.md"), "index.html")
    result = run_cli("all", missing, "-o", out)
    assert result.exit_code == 1
    assert "index.html:13: warning: slides file 'slides.md' not found" in result.stderr
    assert "loads its slides from 'slides.md' (its sourceUrl)" in result.stderr
    assert not (out / "index.pptx").exists()
    outside = write_md(tmp_path, LOADER.replace("SOURCE", "../secret.md"), "index.html")
    (tmp_path.parent / "secret.md").write_text("# Secret\n")
    result = run_cli("all", outside, "-o", out)
    assert result.exit_code == 1 and "[outside-project]" in result.stderr
    computed = write_md(tmp_path, LOADER.replace('"SOURCE"', "'slides/' + name + '.md'"), "index.html")
    result = run_cli("all", computed, "-o", out)
    assert result.exit_code == 1
    assert "index.html:13: error: this remark.js page loads its slides from a file its script computes" in (
        result.stderr
    )
    assert not (out / "index.pptx").exists()


def test_a_sum_in_an_exponent_has_its_limits_beside_it_as_tex_sets_a_script(tmp_path):
    deck, _, _ = _all(
        write_md(
            tmp_path,
            """\
            ---
            title: "Poisson"
            output: xaringan::moon_reader
            ---

            # Lien logarithmique

            $$\\hat{y} = \\lambda = e^{\\beta_0 + \\sum_{i = 1}^m \\beta_i x_i}$$

            ---

            # A sum on its line

            $$S = \\sum_{i=1}^n x_i$$
            """,
            "poisson.Rmd",
        )
    )
    m = "{http://schemas.openxmlformats.org/officeDocument/2006/math}"

    def limits(slide) -> list[str]:
        return [x.get(f"{m}val") for x in slide._element.iter(f"{m}limLoc")]

    assert limits(deck.slides[1]) == ["subSup"]
    assert limits(deck.slides[2]) == ["undOvr"]
