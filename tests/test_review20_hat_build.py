"""Review 20 (h): ioslides' ``{.build}`` slides with ``>`` lists, TeX's one-size accents in the drawn math
of the PDFs (``\\hat{Y}_i``), and a picture in ``<center>`` without a false ``raw-html`` warning."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

from PIL import Image
from pptx import Presentation

from .conftest import click_paragraphs, run_cli, write_md

_QUESTION = "Caso a função de regressão não seja adequada, o que fazer?"


def _built(tmp_path: Path, text: str, name: str, command: str = "slides"):
    src = write_md(tmp_path, text, name)
    result = run_cli(command, src, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.stderr
    return tmp_path / "out", result.stderr


def test_build_slide_brings_every_block_on_a_click_of_its_own_in_order(tmp_path):
    """The review's slide: each block of a ``{.build}`` slide comes on a click, the quoted question after
    "Testes" (it was on the slide from the start), and the note says what the deck does."""
    out, said = _built(
        tmp_path,
        """\
        ---
        title: "Diagnóstico"
        output: ioslides_presentation
        ---

        ## Introdução {.build}

        Como saber se a função de regressão é adequada?

        > * Gráficos

        > * Testes

        > Caso a função de regressão não seja adequada, o que fazer?

        > * Transformação de variáveis.
        """,
        "parte.Rmd",
    )
    slide = list(Presentation(str(out / "parte.pptx")).slides)[1]
    assert click_paragraphs(slide) == [
        ["Como saber se a função de regressão é adequada?"],
        ["Gráficos"],
        ["Testes"],
        [_QUESTION],
        ["Transformação de variáveis."],
    ]
    assert "all at once" not in said
    assert re.search(r"parte\.Rmd:10: note: a list alone in a block quote is shown item by item", said)


def test_build_slide_lists_come_as_ioslides_builds_them(tmp_path):
    """In ioslides a ``{.build}`` slide builds its blocks, not a plain list's items: the list comes whole on
    its click; a quoted list (the lecture not incremental) item by item.  With ``incremental: true`` it is
    the other way round, as ``>`` reverses the lecture's setting."""
    body = "## A {.build}\n\nIntro\n\n- a\n- b\n\n> - c\n> - d\n\nEnd\n"
    out, said = _built(tmp_path, f"---\ntitle: T\noutput: ioslides_presentation\n---\n\n{body}", "plain.Rmd")
    slide = list(Presentation(str(out / "plain.pptx")).slides)[1]
    assert click_paragraphs(slide) == [["Intro"], ["a", "b"], ["c"], ["d"], ["End"]]
    assert "shown item by item" in said

    front = "---\ntitle: T\noutput:\n  ioslides_presentation:\n    incremental: true\n---\n\n"
    out, said = _built(tmp_path, front + body, "incr.Rmd")
    slide = list(Presentation(str(out / "incr.pptx")).slides)[1]
    assert click_paragraphs(slide) == [["Intro"], ["a"], ["b"], ["c", "d"], ["End"]]
    assert "shown all at once" in said


# one slide for each formula: (its TeX, whether its accent is one of TeX's wide ones)
_ACCENTS = [
    (r"\hat{Y}_i", False),
    (r"\tilde{\beta}_1", False),
    (r"\bar{x}_j", False),
    (r"\vec{v}_k", False),
    (r"\dot{x}_t", False),
    (r"\widehat{xy}", True),
]


def _ink(pdf: Path, page: int, folder: Path) -> list[tuple[int, int]]:
    """The black pixels (x, y) of the drawn page between the slide's title and its footer (at 200 dpi)."""
    words = subprocess.run(
        ["pdftotext", "-bbox", "-f", str(page), "-l", str(page), str(pdf), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    boxes = [
        (float(a), float(b)) for a, b in re.findall(r'yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)"', words)
    ]
    top = min(b for _, b in boxes)  # (the title's bottom)
    bottom = max(a for a, _ in boxes)  # (the footer's top)
    stem = folder / f"p{page}"
    subprocess.run(
        ["pdftoppm", "-r", "200", "-f", str(page), "-l", str(page), "-png", "-singlefile", str(pdf), stem],
        check=True,
    )
    image = Image.open(f"{stem}.png").convert("RGB")
    scale = 200 / 72
    pixels = image.load()
    return [
        (x, y)
        for y in range(int(top * scale) + 4, int(bottom * scale) - 4)
        for x in range(image.width)
        if max(pixels[x, y]) < 90
    ]


def _reach(ink: list[tuple[int, int]]) -> float:
    """How far right the accent (the ink from the top to the first empty row) reaches, as a share of the
    formula's width."""
    rows = sorted({y for _, y in ink})
    band = [rows[0]]
    for y in rows[1:]:
        if y != band[-1] + 1:
            break
        band.append(y)
    top = set(band)
    left, right = min(x for x, _ in ink), max(x for x, _ in ink)
    return (max(x for x, y in ink if y in top) - left + 1) / (right - left + 1)


def test_accents_are_drawn_over_their_base_only(tmp_path):
    """In the slides PDF (ziamath's drawing, as in the handout) ``\\hat{Y}_i`` has a small hat over the Y,
    not one as wide as ``\\widehat`` reaching over the subscript (it reached the formula's right end);
    the same for the other one-size accents, and ``\\widehat{xy}`` stays as wide as its base."""
    slides = "".join(f"## F{k}\n\n$${tex}$$\n\n" for k, (tex, _) in enumerate(_ACCENTS))
    out, _ = _built(tmp_path, f"---\ntitle: T\n---\n\n{slides}", "acc.md", "pdf")
    reach = {
        tex: _reach(_ink(out / "acc-slides.pdf", k + 2, tmp_path)) for k, (tex, _) in enumerate(_ACCENTS)
    }
    for tex, wide in _ACCENTS:
        if wide:
            assert reach[tex] > 0.9, reach  # (over the whole of xy)
        else:
            assert reach[tex] < 0.8, reach  # (over the base, not over its subscript)


def test_centred_picture_gets_no_raw_html_warning(tmp_path):
    """``<center><img …></center>`` is drawn as it says (the picture alone, centred, at its width): no
    ``raw-html`` warning; an element that does more than centre it is still said to be dropped."""
    Image.new("RGB", (60, 40), "navy").save(tmp_path / "box.png")
    out, said = _built(
        tmp_path,
        """\
        ---
        title: "George Box"
        output: ioslides_presentation
        ---

        ## George Box

        <center>
        "All models are wrong but some are useful."
        </center>

        <center><img src="box.png" alt="Box" width="50%"></center>

        ## Aligned

        <div align="center"><img src="box.png" alt="Box"></div>

        ## Floated

        <div style="float:right; border: 1px solid"><img src="box.png" alt="Box"></div>
        """,
        "box.Rmd",
    )
    warned = re.findall(r"box\.Rmd:(\d+): warning: raw HTML is not rendered", said)
    assert warned == ["20"], said
    deck = Presentation(str(out / "box.pptx"))
    first = list(deck.slides)[1]
    (picture,) = [sh for sh in first.shapes if sh.shape_type == 13]
    assert abs(picture.left + picture.width / 2 - deck.slide_width / 2) < deck.slide_width * 0.01
