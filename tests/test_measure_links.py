"""Measuring text as an office suite draws it: a no-break space joins the words beside it, and a link's
words are measured as one piece (LibreOffice draws a link as one field, moved whole to the next line),
so text ending in a long link never runs past its box in LibreOffice."""

from __future__ import annotations

import shutil

from podium.deck.measure import count_lines

from .conftest import run_cli, write_md
from .drawn import problems, render

LECTURE = '---\ntitle: Links\nformat:\n  revealjs:\n    width: 1600\n    height: 900\n---\n\n\n\n## Causality vs. Correlation\n- Correlation, or better association, is not (entirely) causation, if there is confounding association due to a common cause, i.e. a ***confounder***.\n- E.g. Consumers\' purchase intent is a common cause of the amount spent on search engine marketing (SEM) (esp. for branded vs. non-branded ads) and sales (especially for frequent consumers):\n\n\n```{r}\n#| echo: true\n#| code-fold: true\n#| code-summary: "Show code"\nlibrary(ggdag)\nlibrary(ggplot2)\n\ncoord_dag <- list(\n  x = c(SEM = 0, Intent = 1, Sales = 2),\n  y = c(SEM = 0, Intent = 1, Sales = 0)\n)\n\ndag <- ggdag::dagify(SEM ~ Intent,\n                     Sales ~ SEM,\n                     Sales ~ Intent,\n                     coords = coord_dag)\n\ndag %>%\n  ggplot(aes(x = x, y = y, xend = xend, yend = yend)) +\n  geom_dag_point(colour = "grey") +\n  geom_dag_edges() +\n  geom_dag_text(colour = "black", size = 5) +\n  theme_dag(legend.position = "none")\n```\n\n::: {.source}\n(Source: [Blake et al. (2015). Consumer heterogeneity and paid search effectiveness: A large‐scale field experiment. Econometrica, 83(1), 155-174.](http://faculty.haas.berkeley.edu/stadelis/Tadelis.pdf))\n:::\n'


def test_a_no_break_space_joins_its_words():
    seg = [("aaaa\u00a0bbbb", "Carlito", False, False, 1.0)]
    broken = [("aaaa bbbb", "Carlito", False, False, 1.0)]
    width = count_lines(broken, 20.0, 1000.0)[1] * 1.5  # (room for one word, not both)
    assert count_lines(broken, 20.0, width)[0] == 2
    _, widest = count_lines(seg, 20.0, 10_000.0)
    assert widest > count_lines(broken, 20.0, 10_000.0)[1] * 1.8  # (one word of both)


def test_a_long_link_after_a_listing_stays_on_its_slide_in_libreoffice(tmp_path, soffice):
    src = write_md(tmp_path, LECTURE, "lecture.qmd")
    out = tmp_path / "out"
    result = run_cli("slides", src, "-o", out)
    assert result.exit_code == 0, result.stderr
    deck = out / "lecture.pptx"
    pdf = render([deck], tmp_path / "lo", shutil.which("soffice") or soffice)[deck]
    # (the source line's closing parenthesis ran below the footer's top, over the footer)
    found = [p for p in problems(deck, pdf) if "')'" in p or "footer" in p]
    assert found == [], found
