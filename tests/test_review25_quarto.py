"""What a reviewer's real Quarto revealjs decks (a twenty-fifth round, a Japanese regression lecture and a
German research-methods one) showed: ``\\phantom{…}`` as a subscript (``$S_{\\phantom{y}}$``) stopped the
whole build with an internal error; an ``align`` row ending in ``&`` (an empty last cell) was shown as TeX
source, or, inside a longer alignment, its row was silently lost; and the Markdown of a knitr chunk's figure
caption (``fig.cap="…"``, ``#| fig-cap:``) was shown as its source (``[text](url)``, ``**bold**``).  Each
built as a small lecture through the command line and read back from the PowerPoint deck (python-pptx) and
the handout (pdftotext)."""

from __future__ import annotations

import subprocess

import pytest
from PIL import Image

from .conftest import built_all, run_cli, write_md

M = "{http://schemas.openxmlformats.org/officeDocument/2006/math}"
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"


def _math_elements(prs, tag: str) -> list:
    """Every Office math element ``tag`` (``phant``, ``t``…) on the deck's slides."""
    return [el for s in prs.slides for el in s._element.iter(f"{M}{tag}")]


def _math_text(prs) -> str:
    """The characters of the deck's Office math (its ``m:t`` runs), in order."""
    return "".join(t.text or "" for t in _math_elements(prs, "t"))


def _pictures(prs) -> list[str]:
    """The alt texts (``descr``) of the deck's pictures (an equation's too: the fallback of its Office math)."""
    p = "{http://schemas.openxmlformats.org/presentationml/2006/main}"
    return [
        pic.find(f"{p}nvPicPr/{p}cNvPr").get("descr") or ""
        for s in prs.slides
        for pic in s._element.iter(f"{p}pic")
    ]


def _picture_heights(prs) -> dict[str, int]:
    """Each picture's height (EMU) by its alt text."""
    p = "{http://schemas.openxmlformats.org/presentationml/2006/main}"
    return {
        pic.find(f"{p}nvPicPr/{p}cNvPr").get("descr"): int(next(pic.iter(f"{A}ext")).get("cy"))
        for s in prs.slides
        for pic in s._element.iter(f"{p}pic")
    }


# --------------------------------------------------------------------------- \phantom and its kin


def test_phantom_subscript_in_a_list_item_builds_and_is_a_phantom(tmp_path):
    src = write_md(
        tmp_path,
        r"""
        ---
        title: Quadratsummen
        format: revealjs
        ---

        ## Sums of squares

        -   $S_y=(\boldsymbol{y}-\bar{y})^{\mathsf{T}}(\boldsymbol{y}-\bar{y})$ : total
        -   $S_{\phantom{y}}=(\boldsymbol{y}-\boldsymbol{\hat{y}})^{\mathsf{T}}
                  (\boldsymbol{y}-\boldsymbol{\hat{y}})$ : residual
        -   $S_r=a+b$ : regression

        Aligned by hand: $x\hphantom{+y}z$, $\sqrt{\vphantom{\int}x}$ and $\smash{y}$ too.
        """,
        "lecture.qmd",
    )
    prs, handout, stderr = built_all(src)
    assert "internal error" not in stderr and "[math]" not in stderr, stderr
    assert "agree with the source" in stderr
    body = "\n".join(sh.text_frame.text for sh in prs.slides[1].shapes if sh.has_text_frame)
    assert ": residual" in body and ": regression" in body
    # each phantom is Office math's phantom: hidden where TeX hides it, its box where TeX keeps it
    shown = [p.find(f"{M}phantPr/{M}show").get(f"{M}val") for p in _math_elements(prs, "phant")]
    assert shown == ["0", "0", "0", "1"]  # \phantom{y}, \hphantom, \vphantom, \smash
    sides = [
        sorted(x.tag.removeprefix(M) for x in p.find(f"{M}phantPr") if x.tag != f"{M}show")
        for p in _math_elements(prs, "phant")
    ]
    assert sides == [[], ["zeroAsc", "zeroDesc"], ["zeroWid"], ["zeroAsc", "zeroDesc"]]
    # what other programs show: the formula's text, the subscript left out
    fallback = [
        r.text for s in prs.slides for r in s._element.iter(f"{A}t") if (r.text or "").startswith("S")
    ]
    assert any(t.startswith("S = (") for t in fallback), fallback
    assert "residual" in handout and "regression" in handout


def test_phantom_subscript_in_a_paragraph_and_in_display_math(tmp_path):
    src = write_md(
        tmp_path,
        r"""
        ---
        title: Phantom
        ---

        ## Slide

        $S_{\phantom{y}}=a+b$ is the residual sum.

        $$
        S_{\phantom{r}} = \begin{pmatrix} 1 & \phantom{-}2 \\ -3 & 4 \end{pmatrix}
        $$
        """,
    )
    prs, handout, stderr = built_all(src)
    assert "[math]" not in stderr and "agree with the source" in stderr, stderr
    assert any(alt.startswith(r"S_{\phantom{r}}") for alt in _pictures(prs))
    assert "is the residual sum" in handout


@pytest.mark.parametrize(
    "tex",
    [
        r"x^{}",
        r"x_{\,}",
        r"x_{\quad}",
        r"x_{\hspace{1em}}",
        r"x_{\!}",
        r"S_{\hphantom{y}}^{\vphantom{2}}",
        r"\sum_{\phantom{i}}^{} x",
        r"\sqrt[\phantom{3}]{x}",
    ],
)
def test_empty_or_invisible_scripts_never_stop_a_build(tmp_path, tex):
    src = write_md(
        tmp_path,
        f"""
        ---
        title: Scripts
        ---

        ## Slide

        - Before ${tex}$ after
        """,
    )
    prs, handout, stderr = built_all(src)
    assert "internal error" not in stderr, stderr
    assert any("Before" in p.text and "after" in p.text for s in prs.slides for p in _paragraphs(s))
    assert "Before" in handout and "after" in handout


def _paragraphs(slide) -> list:
    return [p for sh in slide.shapes if sh.has_text_frame for p in sh.text_frame.paragraphs]


def test_a_smashed_fraction_is_drawn_whole(tmp_path):
    # \smash{…}: ziamath gave what it wraps no height, so the equation's picture was cut to the rest of it
    # (a smashed letter alone: a picture 2 pt tall); the picture is a drawing of its own, so it is drawn whole
    src = write_md(
        tmp_path,
        r"""
        ---
        title: Smash
        ---

        ## Slide

        $$
        a + \smash{\frac{1}{2}}
        $$

        $$
        a + \frac{1}{2}
        $$

        Inline $\smash{y}$ too.
        """,
    )
    prs, handout, stderr = built_all(src)
    assert "[math]" not in stderr and "agree with the source" in stderr, stderr
    heights = _picture_heights(prs)
    assert heights[r"a + \smash{\frac{1}{2}}"] == heights[r"a + \frac{1}{2}"]
    assert "Inline" in handout


# --------------------------------------------------------------------------- empty cells in alignments


@pytest.mark.parametrize(
    ("tex", "letters"),
    [
        ("\\begin{align}\n  a &= b, & c &= d,&\n\\end{align}", "abcd"),
        ("\\begin{align}\n  a &= b, &\\\\\n  c &= d,&\n\\end{align}", "abcd"),
        ("\\begin{align*}\n  & a \\\\\n  &= b &\n\\end{align*}", "ab"),
        ("$$\\begin{aligned} a &= b & \\\\ c &= d & \\\\ \\end{aligned}$$", "abcd"),
        ("$$\\begin{alignedat}{2} a &= b & c &= d & \\end{alignedat}$$", "abcd"),
        ("\\begin{alignat}{2}\n  a &= b & \\quad c &= d &\n\\end{alignat}", "abcd"),
        ("$$\\begin{pmatrix} a & \\\\ & b & \\end{pmatrix}$$", "ab"),
        ("$$\\begin{bmatrix} a & b \\\\ c & \\end{bmatrix}$$", "abc"),
        ("$$f = \\begin{cases} a & \\\\ b & \\end{cases}$$", "fab"),
    ],
)
def test_alignment_rows_with_empty_cells_are_typeset_whole(tmp_path, tex, letters):
    src = write_md(
        tmp_path,
        """
        ---
        title: Empty cells
        format: revealjs
        ---

        ## Slide

        Means:

        {tex}
        """.replace("{tex}", tex.replace("\n", "\n        ")),
        "lecture.qmd",
    )
    prs, handout, stderr = built_all(src)
    assert "[math]" not in stderr and "agree with the source" in stderr, stderr
    assert len(_pictures(prs)) == 1  # the equation, drawn (not a listing of its TeX)
    math = _math_text(prs)
    assert [c for c in math if c in letters] == list(letters), math  # every row kept, in order
    assert "\\begin" not in handout and "\\end" not in handout


def test_the_regression_decks_means_equation(tmp_path):
    # the Japanese deck's slide: an align inside a list item, rows ending in `&`, a commented-out row
    src = write_md(
        tmp_path,
        r"""
        ---
        title: 回帰分析
        format: revealjs
        ---

        ## 線形回帰式と標本平均

        -   説明変数および目的変数の標本平均

            \begin{align}
              \boldsymbol{\bar{x}}
              &=\frac{1}{n}\sum_{i=1}^n\boldsymbol{x}_i,
              &\bar{y}
              &=\frac{1}{n}\sum_{i=1}^ny_i,&
              % \overline{\boldsymbol{x}^2}&=\frac{1}{n}\sum_{i=1}^n\boldsymbol{x}_i,&
            \end{align}
        """,
        "lecture.qmd",
    )
    prs, _, stderr = built_all(src)
    assert "[math]" not in stderr and "agree with the source" in stderr, stderr
    assert len(_pictures(prs)) == 1
    assert "y" in _math_text(prs) and "∑" in "".join(
        c.get(f"{M}val") or "" for c in _math_elements(prs, "chr")
    )


# --------------------------------------------------------------------------- knitr figure captions


CAPTION = "Quelle: [Sketchplanations](https://sketchplanations.com/the-learning-pit) and **bold**"


@pytest.mark.parametrize(
    ("name", "chunk"),
    [
        ("lecture.qmd", f'```{{r pic, fig.cap="{CAPTION}"}}\nknitr::include_graphics("img/pic.png")\n```'),
        ("lecture.qmd", f'```{{r}}\n#| fig-cap: "{CAPTION}"\nknitr::include_graphics("img/pic.png")\n```'),
        ("lecture.qmd", f"```{{r}}\n#| fig.cap: '{CAPTION}'\nknitr::include_graphics('img/pic.png')\n```"),
        ("lecture.Rmd", f"```{{r, fig.cap='{CAPTION}'}}\nknitr::include_graphics(\"img/pic.png\")\n```"),
    ],
)
def test_a_chunk_figure_caption_is_read_as_markdown(tmp_path, name, chunk):
    (tmp_path / "img").mkdir()
    Image.new("RGB", (80, 60), "navy").save(tmp_path / "img" / "pic.png")
    src = write_md(
        tmp_path,
        """
        ---
        title: Caption link
        format: revealjs
        ---

        ## Slide

        {chunk}
        """.replace("{chunk}", chunk.replace("\n", "\n        ")),
        name,
    )
    prs, handout, stderr = built_all(src)
    assert "agree with the source" in stderr, stderr
    runs = [
        (r.text, r.hyperlink.address, r.font.bold)
        for p in _paragraphs(prs.slides[1])
        for r in p.runs
        if "Quelle" in p.text
    ]
    assert runs == [
        ("Quelle: ", None, None),
        ("Sketchplanations", "https://sketchplanations.com/the-learning-pit", None),
        (" and ", None, None),
        ("bold", None, True),
    ]
    assert _pictures(prs) == ["Quelle: Sketchplanations and bold"]
    assert "Quelle: Sketchplanations and bold" in " ".join(handout.split())
    assert "](" not in handout and "**" not in handout
    slides = subprocess.run(
        ["pdftotext", str(tmp_path / "out" / f"{src.stem}-slides.pdf"), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "Sketchplanations and bold" in " ".join(slides.split()) and "](" not in slides


def test_a_chunk_caption_with_its_own_alt_text_keeps_that_alt(tmp_path):
    (tmp_path / "img").mkdir()
    Image.new("RGB", (80, 60), "navy").save(tmp_path / "img" / "pic.png")
    src = write_md(
        tmp_path,
        """
        ---
        title: Caption
        format: revealjs
        ---

        ## Slide

        ```{r}
        #| fig-cap: "The *learning* pit"
        #| fig-alt: "A pit with a ladder"
        knitr::include_graphics("img/pic.png")
        ```
        """,
        "lecture.qmd",
    )
    result = run_cli("all", src, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.stderr
    from pptx import Presentation

    prs = Presentation(str(tmp_path / "out" / "lecture.pptx"))
    assert _pictures(prs) == ["A pit with a ladder"]
    italic = [r.text for p in _paragraphs(prs.slides[1]) for r in p.runs if r.font.italic]
    assert italic == ["learning"]
