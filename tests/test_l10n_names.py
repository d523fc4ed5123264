"""Cross-references and theorem boxes named in the lecture's language: a Quarto lecture's "Abbildung 1",
"Tabelle 1", "Theorem 1", as Quarto's language files name them; a beamer deck's theorems titled as beamer's
translator package titles them ("Théorème", "Définition", "Démonstration"); English as before."""

from __future__ import annotations

import subprocess
import textwrap
from pathlib import Path

from PIL import Image
from pptx import Presentation

from .conftest import run_cli


def _built(tmp_path: Path, name: str, text: str) -> tuple[str, str]:
    """The deck's words (python-pptx) and the handout's (pdftotext) of ``text`` written to ``name``."""
    Image.new("RGB", (40, 30), "steelblue").save(tmp_path / "map.png")
    src = tmp_path / name
    src.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    out = tmp_path / "out"
    result = run_cli("all", src, "-o", out)
    assert result.exit_code == 0, result.stderr
    deck = Presentation(str(out / f"{src.stem}.pptx"))
    words = "\n".join(
        shape.text_frame.text for slide in deck.slides for shape in slide.shapes if shape.has_text_frame
    )
    handout = subprocess.run(
        ["pdftotext", str(out / f"{src.stem}-handout.pdf"), "-"], capture_output=True, text=True, check=True
    ).stdout
    return words, " ".join(handout.split())


QUARTO = """\
---
title: Karten
lang: {lang}
---

## Ergebnisse

![Die Karte](map.png){{#fig-karte}}

| a | b |
|---|---|
| 1 | 2 |

: Die Daten {{#tbl-daten}}

::: {{#thm-haupt}}
## Fermat

Es gibt keine Lösung.
:::

Siehe @fig-karte, @tbl-daten und @thm-haupt.

::: {{.proof}}
Klar.
:::
"""


def test_german_quarto_lecture_names_its_figure_table_and_theorem_in_german(tmp_path):
    words, handout = _built(tmp_path, "lecture.qmd", QUARTO.format(lang="de-DE"))
    for said in (words, handout):
        assert "Siehe Abbildung 1, Tabelle 1 und Theorem 1." in said
        assert "Abbildung 1: Die Karte" in said
        assert "Tabelle 1: Die Daten" in said
        assert "Theorem 1 (Fermat)" in said
        assert "Beweis" in said
        assert "Figure" not in said and "Table 1" not in said and "Proof" not in said
    english = tmp_path / "en"  # (English, the default, named as before)
    english.mkdir()
    words, handout = _built(english, "lecture.qmd", QUARTO.format(lang="en"))
    for said in (words, handout):
        assert "Siehe Figure 1, Table 1 und Theorem 1." in said
        assert "Figure 1: Die Karte" in said
        assert "Proof" in said


BEAMER = r"""
\documentclass{beamer}
\usepackage[T1]{fontenc}
%s
\begin{document}
\begin{frame}{Nombres premiers}
\begin{theorem}[Euclide]
Il existe une infinité de nombres premiers.
\end{theorem}
\begin{definition}
Un nombre premier n'a que deux diviseurs.
\end{definition}
\begin{proof}
Supposons le contraire.
\end{proof}
\end{frame}
\end{document}
"""


def test_french_beamer_deck_titles_its_theorems_as_beamer_does_in_french(tmp_path):
    words, handout = _built(tmp_path, "deck.tex", BEAMER % r"\usepackage[french]{babel}")
    for said in (words, handout):
        assert "Théorème (Euclide)" in said
        assert "Définition" in said
        assert "Démonstration" in said
        assert "Theorem" not in said and "Proof" not in said
    english = tmp_path / "en"  # (no babel: English, as before)
    english.mkdir()
    words, handout = _built(english, "deck.tex", BEAMER % "")
    for said in (words, handout):
        assert "Theorem (Euclide)" in said
        assert "Definition" in said
        assert "Proof" in said


def test_theorem_in_a_german_markdown_lecture_is_titled_satz(tmp_path):
    text = """\
    ---
    title: Zahlen
    lang: de
    ---

    ## Primzahlen

    \\begin{theorem}[Euklid]
    Es gibt unendlich viele Primzahlen.
    \\end{theorem}

    \\begin{proof}
    Angenommen, nicht.
    \\end{proof}
    """
    words, handout = _built(tmp_path, "lecture.md", text)
    for said in (words, handout):
        assert "Satz (Euklid)" in said
        assert "Beweis" in said
        assert "Theorem" not in said and "Proof" not in said
