"""Review 20 h, problem 6: a Quarto ``::: panel-tabset`` whose tabs are together taller than a slide. The
tabs go on one by one; a tab's heading over a listing a slide holds goes with it to the "(cont.)" slide,
and the listing is whole there (it was cut after two lines, inside an R call, under its heading). A
listing longer than a slide is cut between statements, not inside a call written over several lines."""

from __future__ import annotations

import pytest
from pptx import Presentation

from .conftest import deck_titles, run_cli, write_md

CODE = """\
# Datos de ejemplo
tratados<-c(10,1,6,.45,1.25,1.3,1.06,3,8.18,1.67,.98,1,.45,5.03,8,9,18,.28,
        7,3.97)
controles<-c(3,1,5,.5,1.54,1.5,.8,2,.67,1.17,.51,.5,.61,6.7,4,7,19,.2,5,3.83)
# Creamos nuestro estadístico de prueba
Cambio <- tratados - controles
# Ingredientes para el intervalo y su formula
avgCh<- mean(Cambio)
n    <- length(Cambio)
sdCh <- sd(Cambio)
se   <- sdCh/sqrt(n)
c    <- qt(.975, n-1)
# Intervalo de confianza al 97.5%:
c(avgCh - c*se, avgCh + c*se)"""

TABSET = f"""\
---
title: "Inferencia"
format: revealjs
---

## Intervalos de confianza

::: panel-tabset
## Definición

Entendiendo mejor los valores críticos, podemos entonces construir **intervalos de confianza** que
permitirán inferir donde se ubica o esta el promedio de una variable.

$$\\left[ \\bar{{y}} - c \\frac{{\\alpha}}{{2}} \\times s.e(\\bar{{y}}) \\leq \\bar{{y}} \\leq \\bar{{y}} + c \\frac{{\\alpha}}{{2}} \\times s.e(\\bar{{y}}) \\right]$$

## Establecimiento

$$\\left[ \\bar{{y}} - 1.65  \\times s.e(\\bar{{y}}) \\leq \\bar{{y}} \\leq \\bar{{y}} + 1.65 \\times s.e(\\bar{{y}}) \\right]$$

## Aplicación

```{{r inter}}
#| echo: true
{CODE}
```

Siendo el intervalo:

$$\\left[0.030\\leq \\tau\\leq 2.28\\right]$$

:::
"""


def _build(tmp_path, text: str, template: str = "default"):
    src = write_md(tmp_path, text, "lecture.qmd")
    result = run_cli("slides", src, "-o", tmp_path / "out", "--template", template)
    assert result.exit_code == 0, result.stderr
    return Presentation(str(tmp_path / "out" / "lecture.pptx"))


def _text(slide) -> str:
    return "\n".join(sh.text_frame.text for sh in slide.shapes if sh.has_text_frame)


@pytest.mark.parametrize("template", ["default", "classic"])
def test_a_tab_listing_a_slide_holds_is_whole_under_its_heading(tmp_path, template):
    prs = _build(tmp_path, TABSET, template)
    titles = deck_titles(prs)
    parts = [i for i, t in enumerate(titles) if t.startswith("Intervalos de confianza")]
    assert len(parts) >= 2, titles
    slides = list(prs.slides)
    lines = [line for line in CODE.split("\n") if line.strip()]
    holding = [i for i in parts if any(line in _text(slides[i]) for line in lines)]
    assert len(holding) == 1, [_text(slides[i]) for i in holding]  # the listing on one slide
    here = _text(slides[holding[0]])
    assert all(line in here for line in lines), here  # every line of it
    assert "Aplicación" in here  # with its tab's heading
    everything = "\n".join(_text(slides[i]) for i in parts)
    for word in ("Definición", "Establecimiento", "Aplicación", "Siendo el intervalo"):
        assert everything.count(word) == 1, word  # every tab shown, once


def _statement(i: int) -> str:
    return f"x{i} <- c({i}, {i + 1}, {i + 2},\n        {i + 3}, {i + 4},\n        {i + 5})"


def test_a_long_listing_is_cut_between_statements(tmp_path):
    code = "\n".join(_statement(i) for i in range(30))  # 90 lines: over several slides
    text = f'---\ntitle: "Cuts"\nformat: revealjs\n---\n\n## Long\n\nAll of them:\n\n```r\n{code}\n```\n'
    prs = _build(tmp_path, text)
    titles = deck_titles(prs)
    parts = [i for i, t in enumerate(titles) if t.startswith("Long")]
    assert len(parts) >= 3, titles
    slides = list(prs.slides)
    shown = []
    for i in parts:
        box = [sh for sh in slides[i].shapes if sh.has_text_frame and "<- c(" in sh.text_frame.text]
        assert len(box) == 1, _text(slides[i])
        lines = [p.text for p in box[0].text_frame.paragraphs]
        assert lines[0].startswith("x"), lines[:3]  # each part begins with a statement
        assert lines[-1].endswith(")"), lines[-3:]  # and ends with one whole
        shown += lines
    assert "\n".join(shown) == code  # every line once, in order
