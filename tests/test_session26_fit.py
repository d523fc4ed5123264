"""Session 26: a "(cont.)" slide's text is never set larger than the text of the part it goes on from,
where that text set its size: after a part of only code, or one whose type a listing shrank, the text
that goes on is set at the size it fits at, not at the listing's shrunk size."""

from __future__ import annotations

from .conftest import built_from_text

DECK = """\
---
marp: true
---

# Layout example*

```c++
using layout = /* see-below */;

std::mdspan<double, std::extents<int, N, M>, layout> A = ...;
std::mdspan<double, std::extents<int, N>> y = ...;
std::mdspan<double, std::extents<int, M>> x = ...;

std::ranges::iota_view range{0, N};

std::for_each(std::execution::par_unseq,
  std::ranges::begin(range), std::ranges::end(range),
  [=](int i) {
     double sum = 0.0;
     for(int j = 0; j < M; ++j) {
       sum += A[i, j] * x[j];
     }
     y[i] = sum;
  });
```

- on CPUs: C-layout aka row-major aka std::layout_right performs well (vectorized inner loop)
- on GPUs: Fortran-layout aka column-major aka std::layout_left performs well (coalesced memory load)

\\* from https://www.open-std.org/jtc1/sc22/wg21/docs/papers/2022/p0009r18.html 2.6

"""


def _sizes(slide) -> set:
    return {
        r.font.size.pt
        for sh in slide.shapes
        if sh.has_text_frame and sh != slide.shapes.title and sh.name != "Code"
        for p in sh.text_frame.paragraphs
        for r in p.runs
        if r.font.size is not None and r.text.strip()
    }


def test_bullets_after_a_listing_are_not_set_at_its_size(tmp_path):
    deck, _, _ = built_from_text(tmp_path, DECK, "slides")
    first, cont = deck.slides[0], deck.slides[1]
    assert cont.shapes.title.text_frame.text.endswith("(cont.)")
    assert "on CPUs" in " ".join(sh.text_frame.text for sh in cont.shapes if sh.has_text_frame)
    assert "on CPUs" not in " ".join(sh.text_frame.text for sh in first.shapes if sh.has_text_frame)
    # (the listing is shrunk to fit; the bullets after it are drawn at their layout's size)
    assert not _sizes(cont), _sizes(cont)


FRAME = r"""\documentclass{beamer}
\begin{document}
\begin{frame}[fragile]{Non-Gaussianity issue}
\begin{beamercolorbox}[wd=\paperwidth,sep=5pt]{important}
Vanishing covariance does not imply independence!
\end{beamercolorbox}
\begin{lstlisting}
# generate sample from two uncorrelated but dependent random variables
> set.seed(1); n <- 200
> A <- runif(n)-1/2; B <- runif(n)-1/2
> X <- t(c(cos(pi/4),-sin(pi/4)) %*% rbind(A,B))
> Y <- t(c(sin(pi/4),cos(pi/4)) %*% rbind(A,B))
> cor.test(X,Y, method = "pearson")

	Pearson's product-moment correlation

data:  X and Y
t = -0.84711, df = 198, p-value = 0.398
alternative hypothesis: true correlation is not equal to 0
95 percent confidence interval:
 -0.1971897  0.0793095
sample estimates:
        cor
-0.06009275 \end{lstlisting}
$X$ and $Y$ are uncorrelated but dependent!
\end{frame}
\end{document}
"""


def test_a_sentence_after_a_listing_is_not_set_at_the_listings_size(tmp_path):
    from pptx import Presentation

    from .conftest import run_cli

    src = tmp_path / "deck.tex"
    src.write_text(FRAME, encoding="utf-8")
    result = run_cli("slides", src, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.stderr
    first, cont = list(Presentation(str(tmp_path / "out" / "deck.pptx")).slides)[:2]
    assert max(_sizes(first)) == 18.0, _sizes(first)  # (the box's words, shrunk with the listing)
    assert min(_sizes(cont)) > 18.0, _sizes(cont)
