"""Slides fitted and split as the twenty-third review asked: a listing longer than a slide is cut evenly
between two methods; a heading or a line ending in ":" goes with the listing or line it introduces; a footnote on
a two-column slide spans the slide's body."""

from __future__ import annotations

from pathlib import Path

from .conftest import deck_of, write_md

FLYING_BALL = """
# Schleifen

Animationen werden durch Aktualisierung und Zeichnung von graphischen Objekten in der wiederholt aufgerufenen `draw`-Methode realisiert.

### Beispiel: Animation eines sich bewegenden Kreises

``` java
public class FlyingBall extends GraphicsApp {
    // Instanzvariable für den Ball
    private Circle ball;

    public void initialize() {
        setCanvasSize(500,500);
        // Erstellen des Balls
        ball = new Circle( 250,250, 50, Colors.RED);
    }

    public void draw() {
        drawBackground(Colors.WHITE);
        // Bewegen des Balls
        ball.move(1, 1);
        // Zeichnen des Ball
        ball.draw();
    }
}
```

# Arrays

Text.
"""

COLON_LINES = """
# Arrays

Warum Arrays?

### Arrays deklarieren und initialisieren

Die Deklaration ähnelt dem bekannten Modus. Zur Unterscheidung des Feldes von einer *normalen* Variable werden eckige Klammern `[]` verwendet:

`DATENTYP[] NAME;`

Bei der Initalisierung wird das `new`-Schlüsselwort verwendet. Die Länge muss an dieser Stelle angegeben werden und kann anschließend nicht verändert werden:

`DATENTYP[] NAME = new DATENTYP[LENGTH];`

Der lesende und schreibende Zugriff auf einzelne Elemente erfolgt über den Feldname, die eckigen Klammern und den jeweiligen Index (Position):

`NAME[INDEX] = VALUE;`

### Beispiel: Array für Ganzzahlen

``` java
int[] numbers = new int[3]; // Feld für drei Ganzzahlen
numbers[0] = 42;
numbers[1] = 1337;
numbers[2] = 101;

int sum = numbers[0] + numbers[1] + numbers[2];
System.out.println("Summe aller Werte in numbers: " + sum);
```

Die Kombination Variablenname + Index verhält sich bei Zuweisungen und Lesezugriffen genau wie eine einzelne Variable!

### Arrays und Schleifen

Für den lesenden und schreibenden Zugriff auf Arrays werden häufig Schleifen und deren Zählervariablen (wenn kompatible) verwendet:

``` java
private static final int MAX_NUMBERS = 3;
int[] numbers = new int[MAX_NUMBERS];

// ...

int sum = 0;
for(int i = 0; i < MAX_NUMBERS; i++) {
    sum += numbers[i];
}
```
"""

FOOTNOTE = """
---
title: "Repro 3"
output: xaringan::moon_reader
---

# Duas colunas

.pull-left[
- esquerda
]

.pull-right[
- direita
]

.footnote[
[1] Allaire, J.J., Xie, Y., McPherson, J., Luraschi, J., Ushey, K., Atkins, A., Wickham, H., Cheng, J. e Chang, W. (2018). *rmarkdown: Dynamic Documents for R*. R package version 1.10.
]
"""


def _texts(slide) -> list[tuple[str, str]]:
    """(shape name, text) of every shape of ``slide`` with text."""
    return [(sh.name, sh.text_frame.text) for sh in slide.shapes if sh.has_text_frame and sh.text_frame.text]


def _code(slide) -> list[str]:
    return [line for name, text in _texts(slide) if name.startswith("Code") for line in text.split("\n")]


def test_a_listing_longer_than_its_slide_is_cut_evenly_between_two_methods(tmp_path: Path):
    prs, _ = deck_of(write_md(tmp_path, FLYING_BALL), tmp_path / "out")
    parts = [s for s in prs.slides if _code(s)]
    assert len(parts) == 2
    first, second = (_code(s) for s in parts)
    assert [line for line in first if line.strip()][-1].strip() == "}"  # initialize() ends the first part
    assert second[0].strip() == "public void draw() {"
    assert abs(len(first) - len(second)) <= 4  # (about even: not 6 + 12, nor 17 + a lone brace)


def test_a_heading_and_a_line_ending_in_a_colon_go_with_what_they_introduce(tmp_path: Path):
    prs, _ = deck_of(write_md(tmp_path, COLON_LINES), tmp_path / "out")
    slides = [" ".join(text for _, text in _texts(s)) for s in prs.slides]

    def slide_of(words: str) -> int:
        return next(i for i, text in enumerate(slides) if words in text)

    assert slide_of("jeweiligen Index (Position):") == slide_of("NAME[INDEX] = VALUE;")
    assert slide_of("Beispiel: Array für Ganzzahlen") == slide_of("numbers[0] = 42;")
    assert slide_of("Arrays und Schleifen") == slide_of("(wenn kompatible) verwendet:")
    assert slide_of("(wenn kompatible) verwendet:") == slide_of("MAX_NUMBERS = 3;")


def test_a_footnote_on_a_two_column_slide_spans_both_columns(tmp_path: Path):
    prs, _ = deck_of(write_md(tmp_path, FOOTNOTE, "lecture.Rmd"), tmp_path / "out")
    slide = next(s for s in prs.slides if any(sh.name == "Footnotes" for sh in s.shapes))
    note = next(sh for sh in slide.shapes if sh.name == "Footnotes")
    bodies = [
        sh for sh in slide.shapes if sh.has_text_frame and sh.text_frame.text in ("esquerda", "direita")
    ]
    assert len(bodies) == 2
    left = min(sh.left for sh in bodies)
    right = max(sh.left + sh.width for sh in bodies)
    assert note.left == left and note.left + note.width == right
    assert note.width > 0.8 * prs.slide_width
