"""Continued slides as real decks need them (twelfth review): a picture goes on to a "(cont.)" slide
with the line that labels it (a short name over a photo, a bold label, a line ending in a colon)."""

from __future__ import annotations

from pathlib import Path

from PIL import Image

from .conftest import paragraph_texts, run_cli, write_md


def _deck(src: Path, out: Path):
    from pptx import Presentation

    result = run_cli("slides", src, "-o", out)
    assert result.exit_code == 0, result.stderr
    return Presentation(str(out / f"{src.stem}.pptx")), result.stderr


def _pictures(tmp_path: Path) -> None:
    for name, size in (("a.png", (400, 600)), ("b.png", (1200, 500)), ("c.png", (400, 600))):
        Image.new("RGB", size, (90, 120, 160)).save(tmp_path / name)


def _pictures_on(slide) -> int:
    return sum(1 for sh in slide.shapes if sh.shape_type == 13)


def test_a_name_over_a_photo_goes_on_with_it(tmp_path):
    _pictures(tmp_path)
    src = write_md(
        tmp_path,
        """
        ---
        title: Split
        ---

        ## Miedo a hablar

        Pensamiento grupal

        ![Irving Janis](a.png)

        ![](b.png)

        . . .

        Espiral del silencio

        ![Elisabeth Noelle-Neumann](c.png)
        """,
    )
    prs, _ = _deck(src, tmp_path / "out")
    slides = list(prs.slides)[1:]
    assert len(slides) == 2
    for s in slides:  # (every label on the slide of its picture)
        texts = paragraph_texts(s)
        if "Espiral del silencio" in texts:
            assert "Elisabeth Noelle-Neumann" in texts and _pictures_on(s) == 1
        if "Pensamiento grupal" in texts:
            assert "Irving Janis" in texts


def test_the_last_line_of_a_list_slide_labels_its_picture(tmp_path):
    _pictures(tmp_path)
    items = "".join(f"- Point {i} about groups and their norms.\n" for i in range(1, 10))
    src = tmp_path / "lecture.md"
    src.write_text(
        f"---\ntitle: T\n---\n\n## Two portraits\n\n{items}\n**The spiral of silence:**\n\n![Noelle-Neumann](b.png)\n",
        encoding="utf-8",
    )
    prs, _ = _deck(src, tmp_path / "out")
    slides = list(prs.slides)[1:]
    assert len(slides) == 2
    assert "The spiral of silence:" not in paragraph_texts(slides[0])
    assert "The spiral of silence:" in paragraph_texts(slides[1]) and _pictures_on(slides[1]) == 1
    assert "Point 9 about groups and their norms." in paragraph_texts(slides[0])
