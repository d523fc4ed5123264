"""Review 17 (biology and medicine decks in Quarto): a picture and its caption line stay together on a
continued slide, heading attributes with ``_-_`` runs, the project root's ``_metadata.yml``, and a
project file created after a build.  Read back as a lecturer's programs read the outputs."""

from __future__ import annotations

import io
from pathlib import Path

from pptx import Presentation

from .conftest import run_cli

BIB = """\
@article{smith2020,
  title = {A Study of Sweeps},
  author = {Smith, Jane},
  year = {2020},
  journal = {Genetics}
}
"""
CITING = '---\ntitle: "Sweeps"\nformat: revealjs\n---\n\n## Sweep\n\nSee [@smith2020].\n'


def _texts(deck: Path) -> list[str]:
    return [
        shape.text_frame.text
        for slide in Presentation(str(deck)).slides
        for shape in slide.shapes
        if shape.has_text_frame
    ]


def test_a_metadata_file_beside_the_projects_quarto_yml_applies_to_a_lecture_there(tmp_path):
    (tmp_path / "_quarto.yml").write_text("project:\n  type: default\n", encoding="utf-8")
    (tmp_path / "_metadata.yml").write_text("bibliography: refs.bib\nauthor: Dr. Root\n", encoding="utf-8")
    (tmp_path / "refs.bib").write_text(BIB, encoding="utf-8")
    src = tmp_path / "index.qmd"
    src.write_text(CITING, encoding="utf-8")
    result = run_cli("slides", src, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.stderr
    texts = _texts(tmp_path / "out" / "index.pptx")
    assert any("See (Smith, 2020)." in t for t in texts), texts
    assert any("Dr. Root" in t for t in texts)
    assert "names no bibliography" not in result.stderr


def test_the_root_metadata_file_comes_before_a_sub_folders_own(tmp_path):
    (tmp_path / "_quarto.yml").write_text(
        "project:\n  type: default\nauthor: Dr. Project\n", encoding="utf-8"
    )
    (tmp_path / "_metadata.yml").write_text(
        'author: Dr. Root\nformat:\n  revealjs:\n    footer: "Root footer"\n', encoding="utf-8"
    )
    (tmp_path / "lec").mkdir()
    (tmp_path / "lec" / "_metadata.yml").write_text("author: Dr. Folder\n", encoding="utf-8")
    src = tmp_path / "lec" / "index.qmd"
    src.write_text("---\ntitle: T\nformat: revealjs\n---\n\n## S\n\n- a\n", encoding="utf-8")
    result = run_cli("slides", src, "-o", tmp_path / "out", "--allow-folder", tmp_path)
    assert result.exit_code == 0, result.stderr
    texts = _texts(tmp_path / "out" / "index.pptx")
    assert any("Dr. Folder" in t for t in texts) and not any("Dr. Root" in t for t in texts)
    assert "Root footer" in texts  # (the root's _metadata.yml, under the folder's)


def test_a_metadata_file_created_after_a_build_makes_the_lecture_stale(tmp_path):
    (tmp_path / "_quarto.yml").write_text("project:\n  type: default\n", encoding="utf-8")
    lec = tmp_path / "lec"
    lec.mkdir()
    (lec / "refs.bib").write_text(BIB, encoding="utf-8")
    src = lec / "index.qmd"
    src.write_text(CITING, encoding="utf-8")
    out = tmp_path / "out"
    assert run_cli("all", src, "-o", out, "--allow-folder", tmp_path).exit_code == 0
    (lec / "_metadata.yml").write_text("bibliography: refs.bib\n", encoding="utf-8")
    again = run_cli("all", src, "-o", out, "--allow-folder", tmp_path)
    assert again.exit_code == 0, again.stderr
    assert "up to date" not in again.stdout + again.stderr
    assert "names no bibliography" not in again.stderr
    assert any("See (Smith, 2020)." in t for t in _texts(out / "index.pptx"))


def test_a_quarto_project_file_created_after_a_build_makes_the_lecture_stale(tmp_path):
    src = tmp_path / "index.qmd"
    src.write_text("---\ntitle: T\nformat: revealjs\n---\n\n## S\n\n- a\n", encoding="utf-8")
    out = tmp_path / "out"
    assert run_cli("slides", src, "-o", out).exit_code == 0
    (tmp_path / "_quarto.yml").write_text(
        'format:\n  revealjs:\n    footer: "New footer"\n', encoding="utf-8"
    )
    again = run_cli("slides", src, "-o", out)
    assert again.exit_code == 0, again.stderr
    assert "up to date" not in again.stdout + again.stderr
    assert "New footer" in _texts(out / "index.pptx")


def test_heading_attributes_with_underscore_runs_are_attributes_not_title_text(tmp_path):
    src = tmp_path / "sky.qmd"
    src.write_text(
        "---\ntitle: Sky\nformat: revealjs\n---\n\n"
        '## What is this about? {background-color="black" '
        "background-image=img/Night-sky_-_West_Virginia_-_ForestWander.jpg}\n\nText A.\n\n"
        '## Lake {background-image="img/lake_-_west_-_side.jpg"}\n\nText B.\n',
        encoding="utf-8",
    )
    result = run_cli("all", src, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.stderr
    titles = [s.shapes.title.text for s in list(Presentation(str(tmp_path / "out" / "sky.pptx")).slides)[1:]]
    assert titles == ["What is this about?", "Lake"]
    err = result.stderr
    assert "sky.qmd:6:" in err and "img/Night-sky_-_West_Virginia_-_ForestWander.jpg" in err
    assert "sky.qmd:10:" in err and "img/lake_-_west_-_side.jpg" in err
    assert "[background]" in err and "too long" not in err


def _slides_with(deck: Path) -> list[tuple[list[str], str]]:
    """Each slide's pictures (their colour, or what a missing picture's box says) and its other text."""
    from PIL import Image

    out = []
    for slide in Presentation(str(deck)).slides:
        pictures, words = [], []
        for shape in slide.shapes:
            if shape.shape_type == 13:
                rgb = Image.open(io.BytesIO(shape.image.blob)).convert("RGB").getpixel((5, 5))
                pictures.append("#{:02x}{:02x}{:02x}".format(*rgb))
            elif shape.has_text_frame and shape.text_frame.text.startswith("[missing picture"):
                pictures.append(shape.text_frame.text)
            elif shape.has_text_frame:
                words.append(shape.text_frame.text)
        out.append((pictures, "\n".join(words)))
    return out


LICENCES = """\
---
title: Licences
format: revealjs
---

## Licensing

Open data are licensed under open licenses.

::: columns
::: {.column width="50%"}
![](cc-zero.png)\\
[**CC0**: Public domain]{.font-small}

![](by.png)\\
[**CC-BY**: Attribution]{.font-small}
:::

::: {.column width="50%"}
![](by-nc.png)\\
[**CC-BY-NC**: Non Commercial]{.font-small}

![](by-nc-sa.png)\\
[**CC-BY-SA**: Share Alike]{.font-small}
:::
:::
"""


def test_a_picture_and_its_caption_line_stay_together_on_a_continued_slide(tmp_path):
    src = tmp_path / "licences.qmd"
    src.write_text(LICENCES, encoding="utf-8")
    result = run_cli("all", src, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.stderr
    slides = _slides_with(tmp_path / "out" / "licences.pptx")
    assert len(slides) > 2  # (the missing pictures' boxes do not fit one slide: it is continued)
    for name, caption in (
        ("cc-zero.png", "CC0: Public domain"),
        ("by.png", "CC-BY: Attribution"),
        ("by-nc.png", "CC-BY-NC: Non Commercial"),
        ("by-nc-sa.png", "CC-BY-SA: Share Alike"),
    ):
        [(pictures, words)] = [s for s in slides if any(f": {name}]" in p for p in s[0])]
        assert caption in words, (name, slides)
    assert all(pictures for pictures, words in slides[1:])  # (no slide of captions alone)
    assert "deck and handout agree" in result.stdout + result.stderr


def test_a_caption_line_and_the_text_after_it_go_with_their_picture_as_one_text(tmp_path):
    from PIL import Image

    text = "---\ntitle: Figures\nformat: revealjs\n---\n\n## Figures\n\nIntro line.\n\n"
    colours = dict(zip("abcd", ("#336699", "#993366", "#669933", "#999933")))
    for n, colour in colours.items():
        Image.new("RGB", (800, 500), colour).save(tmp_path / f"{n}.png")
        text += f"![]({n}.png){{width=40%}}\\\n**Figure {n}**: the caption of {n}\n\n"
        text += f"A paragraph after {n} that says more about it.\n\n"
    src = tmp_path / "figures.qmd"
    src.write_text(text, encoding="utf-8")
    result = run_cli("slides", src, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.stderr
    slides = _slides_with(tmp_path / "out" / "figures.pptx")
    assert len(slides) > 2
    for n in "abcd":
        [(pictures, words)] = [s for s in slides if colours[n] in s[0]]
        assert f"Figure {n}: the caption of {n}" in words, slides
        assert f"the caption of {n}\nA paragraph after {n}" in words  # (one text, as written)
