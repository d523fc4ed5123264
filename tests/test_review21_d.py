"""R Markdown decks from a review of epidemiology and statistics courses: beamer's ``\\framebreak`` in an
``{.allowframebreaks}`` slide, LaTeX ``picture`` figures and a drawn figure's caption, ioslides' slide
level, and the "did you mean" of a missing picture."""

from __future__ import annotations

from .conftest import built_from_text, cli_deck, deck_titles, frame_texts, write_md

FRAMEBREAK = """\
    ---
    title: "Quebra de quadro"
    output: beamer_presentation
    ---

    ## Modelo de Cox {.allowframebreaks}

    - Primeira parte do quadro.

    \\framebreak

    - Segunda parte do quadro.

    \\framebreak

    Terceira parte.

    ## Outro

    Texto.
    """


def test_framebreak_breaks_an_allowframebreaks_slide(tmp_path):
    """Each part of the frame is a slide of its own, titled as beamer titles it, with no warning."""
    deck, handout, said = built_from_text(tmp_path, FRAMEBREAK)
    titles = deck_titles(deck)
    assert titles[1:] == ["Modelo de Cox", "Modelo de Cox (cont.)", "Modelo de Cox (cont.)", "Outro"]
    texts = frame_texts(deck)
    assert "Primeira parte do quadro." in texts[1] and "Segunda parte do quadro." not in texts[1]
    assert "Segunda parte do quadro." in texts[2] and "Terceira parte." not in texts[2]
    assert "Terceira parte." in texts[3]
    assert "warning" not in said
    assert "Segunda parte do quadro." in handout


def test_framebreak_outside_allowframebreaks_is_said_plainly(tmp_path):
    """A ``\\framebreak`` in a slide that does not allow breaks is left out, as beamer ignores it, with a
    warning at its line that says why (not "slides show no raw TeX")."""
    deck, _, said = built_from_text(tmp_path, FRAMEBREAK.replace(" {.allowframebreaks}", ""), "slides")
    assert deck_titles(deck)[1:] == ["Modelo de Cox", "Outro"]
    assert "lecture.md:10: warning: '\\framebreak' is left out: as in beamer" in said
    assert "{.allowframebreaks}" in said and "slides show no raw TeX" not in said


PICTURE_FIGURE = """\
    ---
    title: "Figura"
    output: beamer_presentation
    ---

    ## Riscos competitivos

    \\begin{figure}[!ht]
    \\centering
    \\setlength{\\unitlength}{0.6mm}
    \\begin{picture}(50,50)
    \\put(0,25){\\vector(1,1){30}}
    \\put(-35,25){\\footnotesize{Livre de evento}}
    \\put(32,55){Causa um}
    \\end{picture}
    \\caption[]{Situação de riscos competitivos com várias causas de falhas.}
    \\end{figure}
    """


def _shape_texts(slide) -> list[str]:
    return [sh.text_frame.text for sh in slide.shapes if sh.has_text_frame]


def test_latex_picture_figure_leaves_a_box_and_its_caption(tmp_path):
    """LaTeX's ``picture`` is drawn by TeX as TikZ is: a box stands in its place, and the figure's caption
    is kept under it in both outputs; the words its ``\\put``s write are the box's alt text."""
    deck, handout, said = built_from_text(tmp_path, PICTURE_FIGURE)
    texts = _shape_texts(deck.slides[1])
    assert "[LaTeX picture, not drawn]" in texts
    assert any("Situação de riscos competitivos" in t for t in texts)
    assert "Situação de riscos competitivos" in " ".join(handout.split())
    assert "lecture.md:11: warning: a LaTeX picture is not drawn" in said
    assert "\\caption" not in said and "\\begin{picture}" not in said
    alts = [el.get("descr") for el in deck.slides[1]._element.iter() if el.get("descr")]
    assert any("Livre de evento" in a and "Causa um" in a for a in alts), alts


def test_tikz_figure_keeps_its_caption(tmp_path):
    """A TikZ drawing in a ``figure``: the box, with the figure's own caption under it (it was dropped)."""
    text = PICTURE_FIGURE.replace(
        "\\setlength{\\unitlength}{0.6mm}\n    \\begin{picture}(50,50)\n"
        "    \\put(0,25){\\vector(1,1){30}}\n    \\put(-35,25){\\footnotesize{Livre de evento}}\n"
        "    \\put(32,55){Causa um}\n    \\end{picture}",
        "\\begin{tikzpicture}\n    \\draw[->] (0,0) -- (1,1) node {Causa um};\n    \\end{tikzpicture}",
    )
    assert "tikzpicture" in text
    deck, handout, said = built_from_text(tmp_path, text)
    texts = _shape_texts(deck.slides[1])
    assert "[TikZ picture, not drawn]" in texts
    assert any("Situação de riscos competitivos" in t for t in texts)
    assert "\\caption" not in said


def test_latex_picture_in_a_tex_deck_is_a_box(tmp_path):
    """The same in a beamer ``.tex`` deck: a bare ``picture`` (no figure) is a box with its words."""
    src = tmp_path / "deck.tex"
    src.write_text(
        "\\documentclass{beamer}\n\\begin{document}\n\\begin{frame}{Diagrama}\n"
        "\\begin{picture}(50,50)\n\\put(0,0){\\framebox(20,10){Estado A}}\n\\end{picture}\n"
        "\\end{frame}\n\\end{document}\n",
        encoding="utf-8",
    )
    deck, said = cli_deck(src, tmp_path / "out")
    texts = _shape_texts(deck.slides[0])
    assert "[LaTeX picture, not drawn]" in texts and "Estado A" in texts
    assert "deck.tex:4: warning: a LaTeX picture is not drawn" in said


IOSLIDES = """\
    ---
    title: "Priors"
    output: ioslides_presentation
    ---

    ## Flat priors

    - Uniform over a wide range

    ## Informative priors

    - Centred on earlier estimates

    # Workflow

    Steps of a Bayesian analysis.
    """


def test_ioslides_deck_is_cut_at_level_two(tmp_path):
    """ioslides cuts at '##' (rmarkdown's slide_level = 2), whatever text follows a '#'; no note asks
    the lecturer to write the slide level."""
    deck, _, said = built_from_text(tmp_path, IOSLIDES, "slides")
    assert deck_titles(deck) == ["Priors", "Flat priors", "Informative priors", "Workflow"]
    assert "slide-level" not in said


def test_ioslides_and_revealjs_options(tmp_path):
    """The format's own ``slide_level`` wins; revealjs::revealjs_presentation is level 2 as well; slidy
    leaves it to pandoc's inference (its slide_level is NULL), so its note stays."""
    for name in "abc":
        (tmp_path / name).mkdir()
    given = IOSLIDES.replace(
        "output: ioslides_presentation", "output:\n      ioslides_presentation:\n        slide_level: 1"
    )
    deck, _, _ = built_from_text(tmp_path / "a", given, "slides")
    assert "Flat priors" not in deck_titles(deck)  # (level 1: the '##' are headings inside a slide)
    reveal = IOSLIDES.replace("ioslides_presentation", "revealjs::revealjs_presentation")
    deck, _, _ = built_from_text(tmp_path / "b", reveal, "slides")
    assert deck_titles(deck) == ["Priors", "Flat priors", "Informative priors", "Workflow"]
    slidy = IOSLIDES.replace("ioslides_presentation", "slidy_presentation")
    _, _, said = built_from_text(tmp_path / "c", slidy, "slides")
    assert "slide level 1, as pandoc infers it" in said


def test_did_you_mean_names_only_pictures(tmp_path):
    """A missing picture's hint never names the lecture itself or an R script beside it; a picture of
    another extension is still offered."""
    src = write_md(tmp_path, "---\ntitle: Bayes\n---\n\n## Bayes\n\n![](bayes.png)\n", "bayes.md")
    (tmp_path / "priors.R").write_text("x <- 1\n", encoding="utf-8")
    (tmp_path / "bayes.Rmd").write_text("# x\n", encoding="utf-8")
    _, said = cli_deck(src, tmp_path / "out")
    assert "picture 'bayes.png' not found" in said and "did you mean" not in said
    src = write_md(tmp_path, "---\ntitle: P\n---\n\n## P\n\n![](priors.png)\n", "priors.md")
    _, said = cli_deck(src, tmp_path / "out")
    assert "did you mean" not in said
    (tmp_path / "priors.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>', encoding="utf-8"
    )
    _, said = cli_deck(src, tmp_path / "out2")
    assert "did you mean 'priors.svg'?" in said
