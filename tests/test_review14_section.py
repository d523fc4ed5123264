"""reveal.js decks that write each slide as a ``<section>…</section>`` element with Markdown inside (Hugo
Academic's slides): one slide per section, nested ones too, titled by the section's first heading (an
HTML ``<h2>`` alone on its line as well), and a lecture that only has a ``<section>`` among its HTML read
as before."""

from __future__ import annotations

from .conftest import cli_deck as _deck
from .conftest import deck_titles as _titles
from .conftest import slide_text as _text
from .conftest import write_md


def test_each_top_level_section_is_a_slide_titled_by_its_first_heading(tmp_path):
    # the three sections were one slide "Anomalías" holding the three slides' words, "Crisis" a body line
    src = write_md(
        tmp_path,
        """
        ---
        title: Secciones
        ---

        <section>

        ## Anomalías

        Primera diapositiva.
        </section>
        <section>

        Segunda diapositiva, sin título.
        </section>
        <section>

        <h2 style="width: 50%">Crisis</h2>

        </section>
        """,
    )
    deck, err = _deck(src, tmp_path / "out")
    assert _titles(deck) == ["Anomalías", "", "Crisis"], _titles(deck)
    assert "Primera diapositiva." in _text(deck.slides[0])
    assert "Segunda" not in _text(deck.slides[0]) and "Segunda diapositiva, sin título." in _text(
        deck.slides[1]
    )
    assert "Crisis" not in _text(deck.slides[1])
    assert "[raw-html]" not in err, err
    assert "lecture.md:5: note:" in err and "<section>" in err and "[dialect]" in err, err


def test_nested_sections_backgrounds_and_one_picture_per_slide(tmp_path):
    # a build-up of pictures, one per section, landed side by side on one slide; nested (vertical)
    # sections and a section's `data-background` attribute are read as reveal.js reads them
    from PIL import Image

    for k in (1, 2, 3):
        Image.new("RGB", (80, 60), (40 * k, 90, 160)).save(tmp_path / f"{k}.png")
    src = write_md(
        tmp_path,
        """
        ---
        title: Modelo
        ---

        <section>
        <section>

        ## El modelo

        Veamos el siguiente modelo.
        </section>
        <section data-background="#009933">
        <h3>Paso <br> a paso</h3>

        Primero.
        </section>
        </section>

        <section>

        ![1.png](1.png)
        </section>
          <section>

        ![2.png](2.png)
        </section>
        <section>

        ![3.png](3.png)
        </section>
        """,
    )
    deck, err = _deck(src, tmp_path / "out")
    titles = [" ".join(t.split()) for t in _titles(deck)]
    assert titles == ["El modelo", "Paso a paso", "", "", ""], titles
    assert "Primero." in _text(deck.slides[1]) and "Veamos" not in _text(deck.slides[1])
    pictures = [sum(1 for sh in s.shapes if sh.shape_type == 13) for s in deck.slides]
    assert pictures == [0, 0, 1, 1, 1], pictures
    assert "lecture.md:12:" in err and "#009933" in err, err  # (the background, said at its section)
    assert "[raw-html]" not in err, err

    # a lecture that only has sections among its own slides' HTML is cut at its headings, as before
    plain = write_md(
        tmp_path,
        """
        ---
        title: Normal
        ---

        ## Uno

        Texto uno.

        <section>
        Algo en HTML.
        </section>

        ## Dos

        Más texto.

        <section>
        Otra.
        </section>
        """,
        "plain.md",
    )
    deck, err = _deck(plain, tmp_path / "plain")
    assert _titles(deck) == ["Normal", "Uno", "Dos"], _titles(deck)
    assert "Algo en HTML." in _text(deck.slides[1]) and "[dialect]" not in err, err
