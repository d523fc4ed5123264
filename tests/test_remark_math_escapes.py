"""Math written with doubled backslashes for a Markdown that eats one (remark.js's and reveal.js's:
``\\\\( … \\\\)`` and ``\\\\[ … \\\\]``), and reveal.js slides made of a ``.slide`` comment.  The deck is
read as a user's program would (python-pptx: its Office math, the equations' fallback pictures, its
text), the handout with ``pdftotext``, and the messages as the command line prints them."""

from __future__ import annotations

import subprocess

import pytest

from .conftest import deck_titles, run_cli, slide_text, write_md

OMML = "{http://schemas.openxmlformats.org/officeDocument/2006/math}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
P = "{http://schemas.openxmlformats.org/presentationml/2006/main}"


def _deck(tmp_path, text: str, command: str = "slides"):
    """The deck built from ``text`` (``lecture.md``) by the command line, and the messages."""
    from pptx import Presentation

    src = write_md(tmp_path, text)
    result = run_cli(command, src, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.stderr
    return Presentation(str(tmp_path / "out" / "lecture.pptx")), result.stderr


def _equations(slide) -> list[str]:
    """The text of each Office-math equation on ``slide``, in order."""
    return ["".join(t.text or "" for t in e.iter(OMML + "t")) for e in slide._element.iter(OMML + "oMath")]


def _display_tex(slide) -> list[str]:
    """The TeX of each display equation on ``slide`` (its fallback picture's alt text)."""
    return [
        next(pic.iter(P + "cNvPr")).get("descr")
        for fallback in slide._element.iter(MC + "Fallback")
        for pic in fallback.iter(P + "pic")
    ]


REMARK = """\
class: center, middle

# Title

---

# Slide one

The value \\\\(a^2 + b\\\\) is inline and
\\\\[ \\sum_{i=1}^n x_i \\\\]
is display.

.pull-left[
Left \\\\(p^2\\\\)
]
.pull-right[
Right words
]

---

# Kept as code

Code `\\\\(x_1\\\\)` stays code; `\\(y_1\\)` is math, as before.

```
\\\\(z\\\\) in a listing
```

???
The notes say \\\\(n^2\\\\).
"""


def test_remark_doubled_backslash_math_is_math_and_code_stays_code(tmp_path):
    prs, err = _deck(tmp_path, REMARK, "all")
    assert "raw-tex" not in err and "warning" not in err, err
    one = prs.slides[1]
    assert _equations(one) == ["a2+b", "i=1nxi", "p2"], _equations(one)
    assert _display_tex(one) == ["\\sum_{i=1}^n x_i"]
    text = slide_text(one)
    assert "\\(" not in text and "\\[" not in text and "The value" in text and "is display." in text, text
    assert "Left" in text and "Right words" in text, text
    code = prs.slides[2]
    text = slide_text(code)
    assert "\\\\(x_1\\\\)" in text and "\\\\(z\\\\) in a listing" in text, text  # (code, as written)
    assert _equations(code) == ["y1"], _equations(code)
    assert prs.slides[2].notes_slide.notes_text_frame.text == "The notes say n².", "notes"
    handout = subprocess.run(
        ["pdftotext", str(tmp_path / "out" / "lecture-handout.pdf"), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "\\(a^2" not in handout and "\\sum" not in handout and "is display." in handout, handout


def test_remark_display_math_over_lines_with_rows(tmp_path):
    text = (
        "class: center, middle\n\n# Title\n\n---\n\n# Rows\n\nBefore it\n\\\\[\n\\sum_{i=1}^n x_i\n\\\\]\n"
        "after it.\n\n\\\\[\na = b \\\\\\\\\nc = d\n\\\\]\n\n---\n\n# Dollars\n\n$$\ne = f \\\\\\\\\ng = h\n$$\n\n"
        "A set \\\\( \\\\{x\\\\} \\\\) and the product \\\\(a_1 * b_2 +\nc_3\\\\) shown.\n"
    )
    prs, err = _deck(tmp_path, text)
    assert "warning" not in err, err
    rows = prs.slides[1]
    assert _display_tex(rows) == ["\\sum_{i=1}^n x_i", "a = b \\\\\nc = d"], _display_tex(rows)
    assert "\\\\" not in slide_text(rows) and "after it." in slide_text(rows), slide_text(rows)
    dollars = prs.slides[2]
    assert _display_tex(dollars) == ["e = f \\\\\ng = h"], _display_tex(dollars)  # (remark's `$$` rows too)
    assert sorted(_equations(dollars)) == ["a1*b2+c3", "e=fg=h", "{x}"], _equations(dollars)
    assert "\\(" not in slide_text(dollars), slide_text(dollars)


@pytest.mark.parametrize("notes", [True, False], ids=["notes", "slide-comments-only"])
def test_reveal_doubled_backslash_math_is_math(tmp_path, notes):
    text = (
        "# Deck\n\n---\n\n## Math\n\nInline \\\\(a^2 + b\\\\) and\n\\\\[ \\sum_{i=1}^n x_i \\\\]\n"
        "KaTeX's $c^2$ and $$ d^2 $$ too.\n\n"
        + ("Note: speaker words\n\n" if notes else "")
        + '---\n\n<!-- .slide: data-background="#fff" -->\n## Third\n\nWords `\\\\(x\\\\)`.\n'
    )
    prs, err = _deck(tmp_path, text)
    assert "raw-tex" not in err, err
    math = prs.slides[1]
    assert _equations(math) == ["a2+b", "i=1nxi", "c2", "d2"], _equations(math)
    assert "\\(" not in slide_text(math) and "\\sum" not in slide_text(math), slide_text(math)
    assert "\\\\(x\\\\)" in slide_text(prs.slides[2]), slide_text(prs.slides[2])


def test_reveal_slide_of_only_a_colour_comment_says_it_is_left_out(tmp_path):
    text = (
        "# Deck\n\n---\n\n"
        '<!-- .slide: data-background="#fff" -->\n\n## One\n\nWords.\n\n---\n\n'
        '<!-- .slide: data-background="#123456" -->\n\n---\n\n'
        '<!-- .slide: data-background="#fff" -->\n## Two\n\nNote: speaker words\n'
    )
    prs, err = _deck(tmp_path, text)
    assert deck_titles(prs) == ["Deck", "One", "Two"], deck_titles(prs)
    assert all("<!--" not in slide_text(s) and ".slide" not in slide_text(s) for s in prs.slides)
    warnings = [line for line in err.splitlines() if "warning" in line]
    assert len(warnings) == 3, err
    assert "lecture.md:5: warning: the slide's background colour '#fff' is not drawn: slides keep" in err, err
    assert (
        "lecture.md:13: warning: the slide's background colour '#123456' is not drawn, and the slide "
        "holds nothing else: no slide is made of it" in err
    ), err
    assert "lecture.md:17: warning: the slide's background colour '#fff' is not drawn: slides keep" in err, (
        err
    )
