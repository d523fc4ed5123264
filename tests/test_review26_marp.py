"""Review 26 (d): real Marp decks.  ``marp: true`` wins over Slidev's signs (a ``transition:`` key, which
Marp CLI reads too); an empty link ``[](url)`` shows nothing, as in the browser, with a warning; KaTeX's own
macros (``\\Z``, ``\\R``, ``\\N``) are its blackboard letters; a ``header:`` written on a later slide holds
from that slide on, a later one replacing it; a ``_class: lead`` cover with credits, and a plain cover
whose author line has an e-mail or whose front matter has ``title:``, is the title slide."""

from __future__ import annotations

import re

from lxml import etree

from .conftest import built_from_text, deck_titles, slide_text


def _layouts(prs) -> list[str]:
    return [s.slide_layout.name for s in prs.slides]


def _footers(prs) -> list[str | None]:
    return [
        next((s.text_frame.text for s in sl.shapes if s.name.startswith("Footer")), None) for sl in prs.slides
    ]


MARP_TRANSITION = """\
---
marp: true
paginate: true
headingDivider: 2
transition: fade
---

# Teoría de la complejidad

Juan Vera del Campo

# Como decíamos ayer...

- uno
- dos

## Primera parte

Texto A

## Segunda parte

Texto B

---

Texto C sin título
"""


def test_marp_true_wins_over_a_transition_key_slidev_also_has(tmp_path):
    prs, _, stderr = built_from_text(tmp_path, MARP_TRANSITION, "slides")
    assert "read as a Slidev deck" not in stderr
    assert deck_titles(prs) == [
        "Teoría de la complejidad",
        "Como decíamos ayer...",
        "Primera parte",
        "Segunda parte",
        "",
    ]
    assert _layouts(prs)[0] == "Title Slide"


MARP_EMPTY_LINK = """\
---
marp: true
---

# Cover

---

## Decode it

Si analizamos qué hace este código: añade un archivo a Windows.

[](https://gchq.github.io/CyberChef/#recipe=From_Base64&input=%s)
"""


def test_an_empty_link_shows_nothing_and_says_so(tmp_path):
    prs, _, stderr = built_from_text(tmp_path, MARP_EMPTY_LINK % ("YVcxd2IzSjBJRzl6Q21sdGNH" * 100), "slides")
    assert len(prs.slides) == 2  # (no part 2 holding only the address)
    words = slide_text(prs.slides[1])
    assert "añade un archivo" in words and "gchq" not in words and "YVcx" not in words
    assert re.search(
        r"lecture\.md:13: warning: the link to 'https://gchq\.github\.io/CyberChef/.*has no words", stderr
    )
    assert "[overfull]" not in stderr and "too full" not in stderr


MARP_KATEX = """\
---
marp: true
math: katex
---

# Grupos

- $\\Z_{p}^{*}$ es cíclico
- $x \\in \\R$, $n \\in \\N$, $\\reals$
"""


def test_katexs_own_macros_are_its_blackboard_letters(tmp_path):
    prs, _, stderr = built_from_text(tmp_path, MARP_KATEX, "slides")
    assert "[math]" not in stderr
    math = etree.tostring(prs.slides[0]._element, encoding="unicode")
    assert "\\Z" not in slide_text(prs.slides[0]) and "\\R" not in slide_text(prs.slides[0])
    shown = "".join(re.findall(r"<m:t[^>]*>([^<]*)</m:t>", math))
    assert "ℤ" in shown and shown.count("ℝ") == 2 and "ℕ" in shown


MARP_HEADERS = """\
---
marp: true
paginate: true
footer: 'Inicio'
---

# Teoría de la complejidad

- uno

---

# Acuerdo de clave Diffie-Hellman
<!--
_class: lead
header: D-H
-->

---

# Protocolo

- dos

---

# Conclusiones
<!--
_class: lead
header: Hash
-->

---

# Resumen

- tres
"""


def test_a_later_header_holds_from_its_slide_on_and_a_later_one_replaces_it(tmp_path):
    prs, _, _ = built_from_text(tmp_path, MARP_HEADERS, "slides")
    assert _footers(prs) == ["Inicio", "D-H · Inicio", "D-H · Inicio", "Hash · Inicio", "Hash · Inicio"]


MARP_LEAD_COVER = """\
---
marp: true
---

# HTTP and curl

<!-- _class: lead -->

[Link to the course](https://example.org/course)

<small>L. Delafontaine and H. Louis, with the help of
[GitHub Copilot](https://github.com/features/copilot).</small>

<small>Based on the original course by O. Liechti and J. Ehrensberger.</small>

<small>This work is licensed under the [CC BY-SA 4.0](https://example.org/l) license.</small>

---

## Objectives

- Apply the basic concepts of HTTP.
"""


def test_a_lead_cover_with_its_credits_is_the_title_slide(tmp_path):
    prs, _, _ = built_from_text(tmp_path, MARP_LEAD_COVER, "slides")
    assert _layouts(prs)[0] == "Title Slide" and deck_titles(prs)[0] == "HTTP and curl"
    assert "Based on the original course" in slide_text(prs.slides[0])


COVER = """\
---
marp: true
%s
headingDivider: 2
---

# Buenas Prácticas de Escritura de Código

Juan Vera del Campo%s

# Como decíamos ayer...

- uno
"""


def test_a_plain_cover_is_the_title_slide_with_a_title_key_or_an_e_mail(tmp_path):
    for n, (key, line) in enumerate(
        [("title: Código seguro - Buenas prácticas", ""), ("", " - <juan.vera@professor.example.com>")]
    ):
        (tmp_path / str(n)).mkdir()
        prs, _, _ = built_from_text(tmp_path / str(n), COVER % (key, line), "slides")
        assert _layouts(prs) == ["Title Slide", "Title and Content"], (key, line)
        assert deck_titles(prs)[0] == "Buenas Prácticas de Escritura de Código"
        assert "Juan Vera del Campo" in slide_text(prs.slides[0])
