"""Review 20 (Marp decks): inline math whose `$` marks sit on lines of their own inside a list item or a
quotation, and Marp's starter cover (`_class: lead` in the front matter, or as a directive, over a `###`
heading) as the title slide."""

from __future__ import annotations

import re

import pytest
from pptx import Presentation
from pptx.enum.shapes import PP_PLACEHOLDER

from tests.conftest import run_cli, write_md

MARP = "---\nmarp: true\n---\n\n"
REVEAL_MD = "---\ntitle: Filters\nrevealOptions:\n  transition: fade\n---\n\n"


def _deck(tmp_path, text: str, *options: str):
    src = write_md(tmp_path, text)
    result = run_cli("slides", src, "-o", tmp_path / "out", *options)
    assert result.exit_code == 0, result.stderr
    return Presentation(str(tmp_path / "out" / "lecture.pptx")), result.stderr


def _words(prs) -> str:
    return "\n".join(sh.text_frame.text for s in prs.slides for sh in s.shapes if sh.has_text_frame)


def _math(prs) -> str:
    xml = "".join(sh._element.xml for s in prs.slides for sh in s.shapes)
    return "".join(re.findall(r"<m:t[^>]*>([^<]*)</m:t>", xml))


def _hats(prs) -> int:
    """How many accents (``\\hat``) the deck's math holds."""
    xml = "".join(sh._element.xml for s in prs.slides for sh in s.shapes)
    return len(re.findall(r"<m:acc>", xml))


# -- 1. inline math over lines inside list items and quotations


@pytest.mark.parametrize("head", [MARP, REVEAL_MD], ids=["marp", "reveal-md"])
def test_math_with_its_dollars_on_lines_of_their_own_in_a_list_item_is_math(tmp_path, head):
    # (the Kalman-filter deck's items: continuation lines indented less than the item's text, lazily,
    # and as far as it)
    prs, stderr = _deck(
        tmp_path,
        head + "# Kalman filter\n\n"
        "- **Kalman gain:**  \n $\n  K_k = P_k^{-} H^T (H P_k^{-} H^T + R)^{-1}\n $\n"
        "- **State estimate:**  \n  $\n  \\hat{x}_k = A \\hat{x}_{k-1} + B u_k\n  $\n"
        "- Plain: $z_k$\n",
    )
    words = _words(prs)
    assert "$" not in words and "K_k" not in words and "u_k" not in words, words
    assert "Kalman gain:" in words and "State estimate:" in words and "Plain:" in words
    math = _math(prs)
    assert "Kk=Pk" in math and "uk" in math and "zk" in math, math
    assert _hats(prs) == 2  # every \hat{x} kept
    assert "raw-tex" not in stderr and "[math]" not in stderr, stderr


def test_math_over_lines_in_a_quotation_and_a_nested_list_is_math(tmp_path):
    prs, stderr = _deck(
        tmp_path,
        MARP + "# Steps\n\n> Predicted:\n> $\n> \\hat{x}_k^{-} = A x\n> $\n\n"
        "1. Update\n   - gain:\n     $\n     \\hat{y}_k = H_k x\n     $\n2. Done\n",
    )
    words = _words(prs)
    assert "$" not in words and "H_k" not in words, words
    assert "Predicted:" in words and "gain:" in words and "Done" in words
    assert "Hkx" in _math(prs) and _hats(prs) == 2
    assert "raw-tex" not in stderr and "[math]" not in stderr, stderr


def test_math_marp_does_not_read_over_lines_is_warned_at_its_line(tmp_path):
    # (Marp reads no math there either: the closing `$` follows the lines' indentation, a space)
    prs, stderr = _deck(
        tmp_path,
        MARP
        + "# Fails\n\nTop level:\n  $\n  \\hat{z} = 1\n  $\n\n- too far in\n      $\n      w = 2\n      $\n",
    )
    assert "lecture.md:8: warning: a '$' alone on its line, and a later one, open no math" in stderr, stderr
    assert "lecture.md:13: warning: a '$' alone on its line, and a later one, open no math" in stderr, stderr
    assert "$" in _words(prs)  # (shown as Marp shows it, but never silently)


def test_pandoc_list_item_with_math_over_lines_is_warned(tmp_path):
    _, stderr = _deck(tmp_path, "---\ntitle: Filters\n---\n\n# Steps\n\n- gain\n  $\n  K_k = P_k H^T\n  $\n")
    assert "lecture.md:8: warning: a '$' with a line break right after it" in stderr, stderr


# -- 2. Marp's starter cover


def _first_slide(prs):
    slide = prs.slides[0]
    kinds = {sh.placeholder_format.type: sh.text_frame.text for sh in slide.placeholders if sh.has_text_frame}
    return slide.slide_layout.name, kinds


@pytest.mark.parametrize("template", ["default", "classic"])
@pytest.mark.parametrize("heading", ["###", "##", "#"])
def test_front_matter_spot_class_lead_makes_the_first_slide_the_title_slide(tmp_path, heading, template):
    prs, stderr = _deck(
        tmp_path,
        "---\nmarp: true\ntheme: gaia\n_class: lead\npaginate: true\nbackgroundColor: '#fff'\n---\n\n"
        f"{heading} Data Acquisition and Sensor Fusion\n\n---\n#### **Kalman Filter**\n\n- Prediction\n- Correction\n",
        "--template",
        template,
    )
    layout, kinds = _first_slide(prs)
    assert layout == "Title Slide", layout
    assert kinds.get(PP_PLACEHOLDER.CENTER_TITLE, kinds.get(PP_PLACEHOLDER.TITLE)) == (
        "Data Acquisition and Sensor Fusion"
    ), kinds
    assert prs.slides[1].slide_layout.name != "Title Slide"
    assert "unused-key" not in stderr, stderr  # (_class is the key that makes the cover)


def test_directive_class_lead_over_a_small_heading_is_the_title_slide(tmp_path):
    prs, _ = _deck(
        tmp_path,
        "---\nmarp: true\ntheme: gaia\npaginate: true\n---\n\n<!-- _class: lead -->\n\n"
        "### Data Acquisition and Sensor Fusion\n\n---\n#### **Kalman Filter**\n\n- Prediction\n",
    )
    layout, kinds = _first_slide(prs)
    assert layout == "Title Slide", layout
    assert "Data Acquisition and Sensor Fusion" in kinds.values(), kinds


def test_lead_cover_with_a_subheading_and_lines_fills_the_title_slide(tmp_path):
    prs, _ = _deck(
        tmp_path,
        "---\nmarp: true\n_class: lead\n---\n\n## Sensor Fusion\nDr. Jane Smith\nITB, 2024\n\n---\n\n"
        "<!-- _class: lead -->\n\n## Part one\n\n---\n\n## Steps\n\n- a\n",
    )
    layout, kinds = _first_slide(prs)
    assert layout == "Title Slide", layout
    assert kinds.get(PP_PLACEHOLDER.CENTER_TITLE, kinds.get(PP_PLACEHOLDER.TITLE)) == "Sensor Fusion"
    assert kinds.get(PP_PLACEHOLDER.SUBTITLE) == "Dr. Jane Smith\nITB, 2024", kinds
    # (the class is the first slide's only: a later `lead` heading is a statement, a section slide)
    assert prs.slides[1].slide_layout.name == "Section Header"
    assert prs.slides[2].slide_layout.name == "Title and Content"


def test_front_matter_spot_directives_are_not_unused_keys(tmp_path):
    prs, stderr = _deck(
        tmp_path,
        "---\nmarp: true\n_class: lead\n_paginate: false\n_backgroundColor: '#fff'\n_color: black\n"
        "_footer: ''\n_theme: uncover\nfooter: Course 101\n---\n\n# Sensor Fusion\n\n---\n\n# Steps\n\n- a\n",
    )
    notes = [x for x in stderr.splitlines() if "unused-key" in x]
    assert len(notes) == 1 and notes[0].endswith("Podium does not use: _theme [unused-key]"), stderr
    assert "lecture.md:8:" in notes[0]  # (at _theme's line: Marp has no spot theme)
    assert "Course 101" in _words(prs)
