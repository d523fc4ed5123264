"""Quarto settings as Quarto gives them (review 20, k): no title slide for a reveal.js or beamer deck
without a title; ``metadata-files`` read (inside the lecture's folder, a later file and the front matter
winning, a change rebuilding); messages about a setting from another file name that file and line.
Read back from the deck (python-pptx), the handout (pdftotext) and the command line's messages."""

from __future__ import annotations

import subprocess
import textwrap
from pathlib import Path

import pytest
from pptx import Presentation

from .conftest import run_cli


def _write(folder: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(textwrap.dedent(text), encoding="utf-8")


def _texts(deck: Path) -> list[list[str]]:
    return [
        [s.text_frame.text for s in slide.shapes if s.has_text_frame]
        for slide in Presentation(str(deck)).slides
    ]


def _handout_text(pdf: Path) -> str:
    return subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout


# ------------------------------------------------------------------ no title: no title slide


@pytest.mark.parametrize(
    ("fmt", "ext"),
    [("format: revealjs", ".qmd"), ("format: beamer", ".qmd"), ("output: beamer_presentation", ".Rmd")],
)
def test_a_reveal_or_beamer_deck_without_a_title_has_no_title_slide_but_keeps_its_author(
    tmp_path, monkeypatch, fmt, ext
):
    monkeypatch.chdir(tmp_path)
    _write(
        tmp_path,
        {
            f"deck{ext}": f"""\
            ---
            lecture: "11 Local methods"
            author: Daniel J. McDonald
            {fmt}
            ---

            ## 11 Local methods

            The lecture makes its own title slide.

            ## Second

            - more
            """
        },
    )
    result = run_cli("all", f"deck{ext}", "-o", "out")
    assert result.exit_code == 0, result.stderr
    slides = _texts(tmp_path / "out" / "deck.pptx")
    assert len(slides) == 2
    assert "11 Local methods" in slides[0]  # the deck's own first slide comes first
    assert not any("Daniel J. McDonald" in t for t in slides[0])
    deck = Presentation(str(tmp_path / "out" / "deck.pptx"))
    assert deck.core_properties.author == "Daniel J. McDonald"  # still the lecture's author
    assert "Daniel J. McDonald" in _handout_text(tmp_path / "out" / "deck-handout.pdf")


# ------------------------------------------------------------------ metadata-files

META_DECK = """\
---
title: "Local methods"
metadata-files:
  - shared.yml
---

## Slide

By {{< meta author >}}.

```{r}
x <- 1
```
"""
SHARED = """\
author: Daniel J. McDonald
format:
  revealjs:
    footer: UBC Stat 406 - 2023
execute:
  echo: true
"""


def test_metadata_files_give_the_lecture_their_author_footer_and_cell_options(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    _write(
        tmp_path,
        {"deck.qmd": META_DECK.replace("---\n\n##", "format: revealjs\n---\n\n##"), "shared.yml": SHARED},
    )
    result = run_cli("all", "deck.qmd", "-o", "out")
    assert result.exit_code == 0, result.stderr
    slides = _texts(tmp_path / "out" / "deck.pptx")
    assert any("Daniel J. McDonald" in t for t in slides[0])  # the title slide's author
    body = slides[1]
    assert "By Daniel J. McDonald." in body  # {{< meta author >}}
    assert "UBC Stat 406 - 2023" in body  # format: revealjs: footer:
    assert any("x <- 1" in t for t in body)  # execute: echo: true over revealjs's hidden default
    assert "metadata-files" not in result.stderr and "[shortcode]" not in result.stderr
    assert "Daniel J. McDonald" in _handout_text(tmp_path / "out" / "deck-handout.pdf")


def test_a_later_metadata_file_and_the_front_matter_win(tmp_path):
    _write(
        tmp_path,
        {
            "deck.qmd": """\
            ---
            title: Ordered
            subtitle: The lecture own
            metadata-files: [a.yml, b.yml]
            ---

            ## S

            {{< meta author >}} / {{< meta subtitle >}} / {{< meta term >}}
            """,
            "a.yml": "author: First File\nsubtitle: From a file\nterm: Spring\n",
            "b.yml": "author: Second File\n",
        },
    )
    result = run_cli("slides", tmp_path / "deck.qmd", "-o", tmp_path / "out")
    assert result.exit_code == 0, result.stderr
    assert "Second File / The lecture own / Spring" in _texts(tmp_path / "out" / "deck.pptx")[1]


def test_metadata_files_named_by_the_project_file_are_read_from_the_lecture_folder(tmp_path):
    _write(
        tmp_path,
        {
            "_quarto.yml": "format:\n  revealjs:\n    metadata-files: [course.yml]\n",
            "course.yml": "author: Project-named Author\n",
            "deck.qmd": "---\ntitle: T\n---\n\n## S\n\nBy {{< meta author >}}.\n",
        },
    )
    result = run_cli("slides", tmp_path / "deck.qmd", "-o", tmp_path / "out")
    assert result.exit_code == 0, result.stderr
    assert "By Project-named Author." in _texts(tmp_path / "out" / "deck.pptx")[1]


def test_a_metadata_file_outside_the_lecture_folder_is_refused_with_a_warning(tmp_path, monkeypatch):
    (tmp_path / "secret.yml").write_text("author: Outside Author\n", encoding="utf-8")
    _write(
        tmp_path / "lec",
        {
            "deck.qmd": "---\ntitle: T\nmetadata-files:\n  - ../secret.yml\n---\n\n## S\n\nBy {{< meta author >}}.\n"
        },
    )
    monkeypatch.chdir(tmp_path / "lec")
    result = run_cli("slides", "deck.qmd", "-o", "out")
    assert result.exit_code == 0, result.stderr
    assert (
        "deck.qmd:3: warning: metadata file '../secret.yml' is outside the lecture's folder" in result.stderr
    )
    assert "Outside Author" not in " ".join(
        " ".join(t) for t in _texts(tmp_path / "lec" / "out" / "deck.pptx")
    )


def test_a_missing_or_broken_metadata_file_is_a_warning_at_its_line(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    _write(
        tmp_path,
        {
            "deck.qmd": "---\ntitle: T\nmetadata-files: [gone.yml, broken.yml]\n---\n\n## S\n\n- a\n",
            "broken.yml": "author: A\nformat:\n  revealjs:\n    footer: [unclosed\n",
        },
    )
    result = run_cli("slides", "deck.qmd", "-o", "out")
    assert result.exit_code == 0, result.stderr
    assert "deck.qmd:3: warning: metadata file 'gone.yml' not found" in result.stderr
    assert "broken.yml:5: warning: this metadata file cannot be read" in result.stderr
    assert (tmp_path / "out" / "deck.pptx").is_file()


def test_a_change_to_a_metadata_file_rebuilds_the_lecture(tmp_path):
    _write(tmp_path, {"deck.qmd": META_DECK, "shared.yml": SHARED})
    src, out = tmp_path / "deck.qmd", tmp_path / "out"
    assert run_cli("slides", src, "-o", out).exit_code == 0
    again = run_cli("slides", src, "-o", out)
    assert "up to date" in again.stdout + again.stderr
    (tmp_path / "shared.yml").write_text(
        SHARED.replace("Daniel J. McDonald", "Trevor Campbell"), encoding="utf-8"
    )
    changed = run_cli("slides", src, "-o", out)
    assert changed.exit_code == 0 and "up to date" not in changed.stdout + changed.stderr
    assert "By Trevor Campbell." in _texts(out / "deck.pptx")[1]


# ------------------------------------------------------------------ messages name the file that set it


def test_a_warning_about_a_project_setting_names_the_project_file_and_line(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    _write(
        tmp_path,
        {
            "_quarto.yml": 'format:\n  revealjs:\n    slide-number: true\n    logo: "missing.png"\n',
            "deck.qmd": "---\ntitle: Logo\nformat:\n  revealjs:\n    slide-number: true\n---\n\n## S\n\nText.\n",
        },
    )
    result = run_cli("slides", "deck.qmd", "-o", "out")
    assert result.exit_code == 0, result.stderr
    assert "_quarto.yml:4: warning: picture 'missing.png' not found" in result.stderr
    assert "deck.qmd:3" not in result.stderr


def test_a_warning_about_a_metadata_file_setting_names_that_file(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    _write(
        tmp_path,
        {
            "meta/shared.yml": "author: A\ntoc-depth: 9\n",
            "deck.qmd": "---\ntitle: T\nformat: revealjs\nmetadata-files: [meta/shared.yml]\n---\n\n# Part\n\n## S\n\n- a\n",
        },
    )
    result = run_cli("slides", "deck.qmd", "-o", "out")
    assert result.exit_code == 0, result.stderr
    assert "meta/shared.yml:2: warning: toc-depth must be a heading level" in result.stderr
