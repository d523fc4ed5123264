"""Session 26: a Marp cover's byline that says the front matter's one author more fully ("Juan Vera del
Campo - <juan@uni.es>" under ``author: Juan Vera``) is the title slide's author, shown once, not the
front matter's name with the byline under it as an institute."""

from __future__ import annotations

from .conftest import built_from_text

COVER = """\
---
marp: true
author: Juan Vera
---

# Teoría de la complejidad
<!-- _class: first-slide -->

Juan Vera del Campo - <juan.vera@campusviu.es>

---

# Como decíamos ayer

- Uno
"""


def test_a_fuller_byline_is_the_author_once(tmp_path):
    deck, _, _ = built_from_text(tmp_path, COVER, "slides")
    title = deck.slides[0]
    words = [sh.text_frame.text for sh in title.shapes if sh.has_text_frame]
    assert words[0] == "Teoría de la complejidad"
    shown = "\n".join(words[1:])
    assert shown.count("Juan Vera") == 1, words
    assert "Juan Vera del Campo - juan.vera@campusviu.es" in shown, words


def test_a_front_matter_links_attributes_are_not_shown(tmp_path):
    """A link in ``subtitle:`` or ``author:`` with pandoc's attributes after it (``{target="_blank"}``, how a
    browser opens it) shows its words only, as in the slide's body."""
    deck, handout, _ = built_from_text(
        tmp_path,
        "---\ntitle: Enlaces\n"
        "subtitle: 'Web del curso [aquí](https://example.org/){target=\"blank\"} y [allí]{.underline}'\n"
        "author: \"Ana [López](https://example.org/a_(b)){target='blank'}\"\n---\n\n## A\n\nTexto\n",
    )
    words = " ".join(sh.text_frame.text for sh in deck.slides[0].shapes if sh.has_text_frame)
    assert "Web del curso aquí y allí" in words and "Ana López" in words, words
    assert "{" not in words and "target" not in words
    assert "target" not in handout
