"""Review 21 h, problems 5 to 7: what happens to a listing and a word that do not fit.

- The line right before a listing (``- Les opérations de base`` over an 18-line session) stays with it:
  the listing is no longer moved whole to the "(cont.)" slide leaving the line alone on its slide.
- A listing continued over slides is spread evenly over the parts (19 lines: about 10 + 9, not
  16 + 3), never cut right after a line that opens a block (``elif …:``), nor between a console
  command and its output.
- The warning about a word wider than the slide names the line the word is on (a URL on the line
  under its item's first words) and shows with "…" that it quotes the word cut short.
"""

from __future__ import annotations

import pytest
from pptx import Presentation

from .conftest import deck_titles, run_cli, write_md

SESSION = "\n".join(f">>> {i} + 1\n{i + 1}" for i in range(1, 10))

BRANCHES = "\n".join(
    f'        elif answerNumber == {i}:\n            return "Réponse numéro {i}"' for i in range(2, 10)
)
FUNCTION = (
    f'    def getAnswer(answerNumber):\n        if answerNumber == 1:\n            return "Sûr"\n{BRANCHES}'
)


def _slides(tmp_path, body: str, template: str, name: str = "lecture.md"):
    src = write_md(tmp_path, f"---\ntitle: T\n---\n\n{body}", name)
    result = run_cli("slides", src, "-o", tmp_path / "out", "--template", template)
    assert result.exit_code == 0, result.stderr
    prs = Presentation(str(tmp_path / "out" / src.with_suffix(".pptx").name))
    return prs, result


def _code(slide) -> list[str]:
    return [
        line for sh in slide.shapes if sh.name.startswith("Code") for line in sh.text_frame.text.split("\n")
    ]


def _text(slide) -> str:
    """The words of ``slide`` but its title, footer, number and listings."""
    return "\n".join(
        sh.text_frame.text
        for sh in slide.shapes
        if sh.has_text_frame
        and not sh.name.startswith("Code")
        and not (sh.is_placeholder and sh.placeholder_format.type in (1, 3, 13, 15, 16))
    )


def _parts(prs, title: str) -> list:
    titles = deck_titles(prs)
    slides = list(prs.slides)
    return [slides[i] for i, t in enumerate(titles) if t in (title, f"{title} (cont.)")]


@pytest.mark.parametrize("template", ["default", "classic"])
@pytest.mark.parametrize(
    "body",
    [
        "- Les opérations de base\n\n```python\n{code}\n```\n",
        # remark's columns, as the lecture wrote them
        ".left-column[\n### Jouons avec les variables\n]\n.right-column[\n* Les opérations de base\n"
        "```python\n{code}\n```\n]\n",
    ],
    ids=["plain", "remark-columns"],
)
def test_the_line_before_a_listing_is_not_left_alone(tmp_path, template, body):
    if "left-column" in body:  # (a remark deck: its marks, no front matter)
        text = f"class: center, middle\n\n# Cours\n\n---\n\n# Utilisation de Python\n\n{body.format(code=SESSION)}"
        src = write_md(tmp_path, text, "deck.md")
        result = run_cli("slides", src, "-o", tmp_path / "out", "--template", template)
        assert result.exit_code == 0, result.stderr
        prs = Presentation(str(tmp_path / "out" / "deck.pptx"))
    else:
        prs, _ = _slides(tmp_path, f"## Utilisation de Python\n\n{body.format(code=SESSION)}", template)
    parts = _parts(prs, "Utilisation de Python")
    assert parts, deck_titles(prs)
    first = parts[0]
    assert "Les opérations de base" in _text(first)
    # the line that introduces the listing has some of it under it (or all of it)
    assert _code(first), [sh.name for sh in first.shapes]
    lines = [line for p in parts for line in _code(p)]
    assert lines == SESSION.split("\n")  # every line once, in order
    # a console session is cut before a prompt: no command apart from its output
    for p in parts[1:]:
        assert _code(p)[0].startswith(">>>"), _code(p)


@pytest.mark.parametrize("template", ["default", "classic"])
def test_a_long_listing_is_spread_evenly_and_not_cut_after_a_block_opener(tmp_path, template):
    body = f"## Programmation Fonctionnelle\n\n- Valeurs de retour :\n\n```python\n{FUNCTION}\n```\n"
    prs, _ = _slides(tmp_path, body, template)
    parts = _parts(prs, "Programmation Fonctionnelle")
    assert len(parts) == 2, deck_titles(prs)
    assert "Valeurs de retour" in _text(parts[0])
    first, second = _code(parts[0]), _code(parts[1])
    assert first + second == FUNCTION.split("\n")
    assert abs(len(first) - len(second)) <= 3, (len(first), len(second))  # 19 lines: not 16 + 3
    assert not first[-1].rstrip().endswith(":"), first[-1]  # never cut right after `elif …:`
    assert second[0].lstrip().startswith("elif"), second[0]


@pytest.mark.parametrize("before", [12, 13])
def test_a_listing_is_not_cut_right_after_a_brace(tmp_path, before):
    # (12 or 13 statements before the loop: where the slide is full, the cut fell right after its `{`)
    lines = [f"a{i} = {i};" for i in range(before)] + ["while (x) {"]
    lines += [f"    x = x - {j};" for j in range(12)] + ["}"]
    code = "\n".join(lines)
    prs, _ = _slides(tmp_path, f"## C code\n\n```c\n{code}\n```\n", "default")
    parts = _parts(prs, "C code")
    assert len(parts) == 2, deck_titles(prs)
    assert [line for p in parts for line in _code(p)] == lines
    assert not _code(parts[0])[-1].endswith("{"), _code(parts[0])


def test_a_label_ending_in_a_colon_after_other_bullets_goes_on_with_its_listing(tmp_path):
    bullets = "\n".join(f"- point {i}" for i in range(1, 6))
    listing = "\n".join(f"x{i} = {i}" for i in range(12))
    body = f"## Steps\n\n{bullets}\n- Example:\n\n```python\n{listing}\n```\n"
    prs, _ = _slides(tmp_path, body, "default")
    parts = _parts(prs, "Steps")
    assert len(parts) >= 2, deck_titles(prs)
    for p in parts:
        text = _text(p)
        if "Example:" in text:
            assert _code(p), text  # the label is never at a part's foot without its listing
    assert [line for p in parts for line in _code(p)] == listing.split("\n")


@pytest.mark.parametrize("template", ["default", "classic"])
def test_a_too_wide_url_is_warned_about_at_its_own_line_and_shown_cut(tmp_path, template):
    url = "http://sebastianraschka.com/Articles/2014_python_2_3_key_diff_and_a_bit_more_text.html"
    body = f"## Versions\n\n- Les différences majeures sont :\n - plus sur\n   [{url}]({url})\n- Fin.\n"
    _, result = _slides(tmp_path, body, template)
    said = [line for line in result.stderr.splitlines() if "wider than the slide" in line]
    assert len(said) == 1, result.stderr
    # title, blank, ---, blank, heading, blank, item, sub-item, its URL: line 9
    assert said[0].split(": warning")[0].endswith("lecture.md:9"), said[0]
    assert f"'{url[:40]}…'" in said[0], said[0]
