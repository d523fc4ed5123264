"""Review 26: a split slide never leaves one paragraph alone on a "(cont.)" slide (after a picture or
display math too, and in a column beside a long table), and a "(cont.)" slide is never set larger
than the part it goes on from."""

from __future__ import annotations

from pptx import Presentation

from .conftest import built_from_text, run_cli, write_md

MATH_THEN_CITATION = """\
---
title: Lecture
---

## Will the fault slip ?

Remarkably, the friction on rock surfaces barely depends on the rock type. Byerlee measured it for a huge range of rocks:

$$
\\tau \\approx 0.6 \\, \\sigma_n
$$

A fault needs the shear stress on it to reach roughly 60% of the normal stress squeezing it shut. Let's put numbers on that for a fault at 5 km depth:

  - Normal stress (roughly the overburden): $\\sigma_n \\approx 26 \\times 5 \\approx 130$ MPa
  - Shear stress needed to slip: $\\tau \\approx 0.6 \\times 130 \\approx 80$ MPa

Compare that with the stress *released* by earthquakes — typical stress drops are only **1–10 MPa**. Faults sit close to the limit, and small changes (a neighbouring earthquake, fluid pressure in the fault zone) can be enough to tip them.

*Water in the pore space pushes back against the confining stress and lowers the effective normal stress — a preview of a theme that returns in Modules 3 and 4.*

Byerlee, J. (1978). Friction of rocks. Pure and Applied Geophysics, 116, 615–626.
"""


def _paragraphs(slide) -> list[str]:
    return [
        p.text
        for sh in slide.shapes
        if sh.has_text_frame and sh != slide.shapes.title
        for p in sh.text_frame.paragraphs
        if p.text.strip() and not p.text.strip().isdigit() and p.text.strip() != "Lecture"
    ]


def _sizes(slide) -> list[float]:
    return [
        r.font.size.pt
        for sh in slide.shapes
        if sh.has_text_frame and sh != slide.shapes.title
        for p in sh.text_frame.paragraphs
        for r in p.runs
        if r.font.size and r.text.strip()
    ]


def test_a_reference_after_display_math_is_not_left_alone_nor_set_larger(tmp_path):
    prs, _, _ = built_from_text(tmp_path, MATH_THEN_CITATION, "slides")
    parts = [s for s in prs.slides if s.shapes.title is not None and "fault" in s.shapes.title.text]
    assert len(parts) == 2, [s.shapes.title.text for s in prs.slides if s.shapes.title is not None]
    last = _paragraphs(parts[1])
    assert len(last) > 1, last  # not "Byerlee, J. (1978)…" alone
    assert any("Byerlee, J." in t for t in last)
    first, second = _sizes(parts[0]) or [24.0], _sizes(parts[1]) or [24.0]
    assert max(second) <= max(first) + 0.05, (first, second)


BEAMER = r"""\documentclass{beamer}
\begin{document}
\begin{frame}{Candidate Solutions}
\begin{columns}[T]
\begin{column}{0.4\textwidth}
19 possible configurations evaluated:
\begin{itemize}
\item 69 kV options: \$5.94M - \$12.23M
\item 138 kV options: \$14.37M - \$19.42M
\item Shortest path: NEWSOLAR to BUCKEYE69 \& APPLE69 (12 km)
\item Required upgrade: OAK69-BUCKEYE69 to Crow conductor
\end{itemize}
\end{column}
\begin{column}{0.6\textwidth}
\begin{tabular}{|c|l|c|r|}
\hline
Case & Destination & Total & Cost \\
\hline
ROWS\hline
\end{tabular}
\end{column}
\end{columns}
\end{frame}
\end{document}
"""


def test_a_columns_last_bullet_stays_with_it_beside_a_long_table(tmp_path):
    rows = "".join(f"{i} & BK69, AP{i} & {10 + i} & {i}.94 \\\\\n" for i in range(1, 20))
    src = write_md(tmp_path, BEAMER.replace("ROWS", rows), "deck.tex")
    result = run_cli("slides", src, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.stderr
    prs = Presentation(str(tmp_path / "out" / "deck.pptx"))
    assert len(prs.slides) == 2
    second = " ".join(_paragraphs(prs.slides[1]))
    assert "Required upgrade" not in second, second  # the bullet list stays whole on the first slide
    assert "Required upgrade" in " ".join(_paragraphs(prs.slides[0]))
