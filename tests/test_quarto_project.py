"""A lecture in a Quarto project gets the project's settings as Quarto gives them: ``_quarto.yml`` at the
project's root, then each ``_metadata.yml`` down to the lecture's folder, then its own front matter.
Read back from the deck a lecturer opens (python-pptx) and from the command line's messages."""

from __future__ import annotations

import subprocess
import textwrap
from pathlib import Path

from pptx import Presentation

from .conftest import run_cli

PROJECT = """\
project:
  type: website
author: Dr. Project Author
bibliography: refs/course.bib
execute:
  echo: false
format:
  revealjs:
    footer: "STAT 101 · shared footer"
    incremental: true
  html:
    toc: true
"""
BIB = """\
@article{shearer2000,
  author = {Shearer, Colin},
  title = {The {CRISP-DM} model},
  journal = {J. Data Warehousing},
  year = {2000}
}
"""
LECTURE = """\
---
title: Week 3
format: revealjs
---

## Why plot first

- look at the data [@shearer2000]
- then model

```{python}
x = 1
print(x)
```
"""


def _project(tmp_path: Path, lecture: str = LECTURE, extra: dict[str, str] | None = None) -> Path:
    (tmp_path / "_quarto.yml").write_text(PROJECT, encoding="utf-8")
    (tmp_path / "refs").mkdir()
    (tmp_path / "refs" / "course.bib").write_text(BIB, encoding="utf-8")
    (tmp_path / "slides").mkdir()
    for name, text in (extra or {}).items():
        (tmp_path / name).write_text(textwrap.dedent(text), encoding="utf-8")
    src = tmp_path / "slides" / "week03.qmd"
    src.write_text(lecture, encoding="utf-8")
    return src


def _texts(deck: Path) -> list[list[str]]:
    return [
        [s.text_frame.text for s in slide.shapes if s.has_text_frame]
        for slide in Presentation(str(deck)).slides
    ]


def _clicks(deck: Path, index: int) -> int:
    slide = Presentation(str(deck)).slides[index]
    return len(
        slide._element.xpath(".//p:par/p:cTn[@nodeType='clickEffect'] | .//p:cTn[@nodeType='clickEffect']")
    )


def test_a_lecture_in_a_quarto_project_gets_its_formats_bibliography_author_and_cell_defaults(tmp_path):
    src = _project(tmp_path)
    out = tmp_path / "out"
    result = run_cli("slides", src, "-o", out, "--allow-folder", tmp_path)
    assert result.exit_code == 0, result.stderr
    slides = _texts(out / "week03.pptx")
    assert any("Dr. Project Author" in t for t in slides[0])  # author: from the project
    body = slides[1]
    assert any(
        "look at the data (Shearer, 2000)" in t for t in body
    )  # its bibliography (refs/ from the root)
    assert not any("print(x)" in t for t in body)  # execute: echo: false
    assert "STAT 101 · shared footer" in body  # format: revealjs: footer:
    assert any("The CRISP-DM model" in " ".join(t) for t in slides[2:])  # the references slide
    assert _clicks(out / "week03.pptx", 1) >= 2  # incremental: true, one click per item
    assert "quarto-project" not in result.stderr


def test_the_front_matter_and_a_folder_metadata_file_win_over_the_project(tmp_path):
    lecture = LECTURE.replace("format: revealjs\n", "format:\n  revealjs:\n    incremental: false\n")
    src = _project(
        tmp_path,
        lecture,
        {
            "slides/_metadata.yml": """\
            author: Dr. Folder Author
            format:
              revealjs:
                footer: "Slides folder footer"
            """
        },
    )
    out = tmp_path / "out"
    result = run_cli("slides", src, "-o", out, "--allow-folder", tmp_path)
    assert result.exit_code == 0, result.stderr
    slides = _texts(out / "week03.pptx")
    assert any("Dr. Folder Author" in t for t in slides[0]) and not any("Project" in t for t in slides[0])
    assert "Slides folder footer" in slides[1]
    assert _clicks(out / "week03.pptx", 1) == 0  # the lecture's own incremental: false


def test_a_project_file_outside_the_folders_podium_reads_is_named_in_a_note_and_not_read(tmp_path):
    src = _project(tmp_path)
    out = tmp_path / "out"
    result = run_cli("slides", src, "-o", out)
    assert result.exit_code == 0, result.stderr
    assert "_quarto.yml" in result.stderr and "is not read" in result.stderr
    assert "--allow-folder" in result.stderr and "[quarto-project]" in result.stderr
    body = _texts(out / "week03.pptx")[1]
    assert "STAT 101 · shared footer" not in body
    assert any("[@shearer2000]" in t or "@shearer2000" in t for t in body)  # no bibliography read


def test_a_project_file_beside_the_lecture_is_read_without_being_allowed(tmp_path):
    (tmp_path / "_quarto.yml").write_text('format:\n  revealjs:\n    footer: "Beside it"\n', encoding="utf-8")
    src = tmp_path / "week.qmd"
    src.write_text("---\ntitle: T\n---\n\n## S\n\n- a\n", encoding="utf-8")
    result = run_cli("slides", src, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.stderr
    assert "Beside it" in _texts(tmp_path / "out" / "week.pptx")[1]


def test_a_change_to_the_project_file_makes_the_lecture_stale(tmp_path):
    src = _project(tmp_path)
    out = tmp_path / "out"
    assert run_cli("slides", src, "-o", out, "--allow-folder", tmp_path).exit_code == 0
    again = run_cli("slides", src, "-o", out, "--allow-folder", tmp_path)
    assert "up to date" in again.stdout + again.stderr
    (tmp_path / "_quarto.yml").write_text(PROJECT.replace("shared footer", "new footer"), encoding="utf-8")
    changed = run_cli("slides", src, "-o", out, "--allow-folder", tmp_path)
    assert changed.exit_code == 0 and "up to date" not in changed.stdout + changed.stderr
    assert "STAT 101 · new footer" in _texts(out / "week03.pptx")[1]


def test_a_broken_project_file_is_a_warning_at_its_line_and_the_lecture_still_builds(tmp_path):
    (tmp_path / "_quarto.yml").write_text("format:\n  revealjs:\n    footer: [unclosed\n", encoding="utf-8")
    src = tmp_path / "week.qmd"
    src.write_text("---\ntitle: T\n---\n\n## S\n\n- a\n", encoding="utf-8")
    result = run_cli("slides", src, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.stderr
    assert "_quarto.yml:" in result.stderr and "[quarto-project]" in result.stderr
    assert (tmp_path / "out" / "week.pptx").is_file()


def test_a_change_to_variables_yml_makes_the_lecture_stale(tmp_path):
    (tmp_path / "_variables.yml").write_text("course: STAT 101\n", encoding="utf-8")
    src = tmp_path / "week.qmd"
    src.write_text("---\ntitle: T\n---\n\n## S\n\n- {{< var course >}}\n", encoding="utf-8")
    out = tmp_path / "out"
    assert run_cli("slides", src, "-o", out).exit_code == 0
    (tmp_path / "_variables.yml").write_text("course: STAT 202\n", encoding="utf-8")
    changed = run_cli("slides", src, "-o", out)
    assert changed.exit_code == 0 and "up to date" not in changed.stdout + changed.stderr
    assert "STAT 202" in _texts(out / "week.pptx")[1]


def test_a_path_from_the_project_root_and_a_metadata_yaml_file_are_read_as_quarto_reads_them(tmp_path):
    from PIL import Image

    (tmp_path / "assets").mkdir()
    Image.new("RGB", (400, 300), "#3366cc").save(tmp_path / "assets" / "pic.png")
    src = _project(
        tmp_path,
        LECTURE + "\n## Picture\n\n![A picture](/assets/pic.png)\n",
        {"slides/_metadata.yaml": 'format:\n  revealjs:\n    footer: "From _metadata.yaml"\n'},
    )
    out = tmp_path / "out"
    result = run_cli("all", src, "-o", out, "--allow-folder", tmp_path)
    assert result.exit_code == 0, result.stderr
    assert "outside" not in result.stderr and "not found" not in result.stderr
    deck = Presentation(str(out / "week03.pptx"))
    pictures = [s for slide in deck.slides for s in slide.shapes if s.shape_type == 13]
    assert len(pictures) == 1
    assert "From _metadata.yaml" in _texts(out / "week03.pptx")[1]
    listed = subprocess.run(
        ["pdfimages", "-list", str(out / "week03-handout.pdf")], capture_output=True, text=True
    )
    sizes = [row.split()[3:5] for row in listed.stdout.splitlines()[2:]]
    assert ["400", "300"] in sizes  # (the picture is in the handout too)


def test_a_missing_picture_from_the_projects_root_says_where_it_was_looked_for(tmp_path, monkeypatch):
    # `![](/assets/logo.png)` is looked for from the project's root; the warning named the lecture's folder
    (tmp_path / "_quarto.yml").write_text("project:\n  type: default\n")
    (tmp_path / "slides").mkdir()
    src = tmp_path / "slides" / "deck.qmd"
    src.write_text("---\ntitle: T\nformat: revealjs\n---\n\n## A\n\n![Logo](/assets/logo.png)\n")
    monkeypatch.chdir(tmp_path)
    result = run_cli("slides", "slides/deck.qmd", "-o", tmp_path / "out", "--allow-folder", tmp_path)
    assert "picture '/assets/logo.png' not found (searched ./)" in result.stderr, result.stderr
