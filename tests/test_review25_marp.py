"""Review 25 (g): real Marp decks.  A Marp comment's notes are shown as written (``List<T>`` kept, no
``raw-html`` warning) and a tag-like word of no HTML element in a slide (``List<T>``) is words, said at
its own line; ``&cent…`` in an ``<img src>`` stays as written; a link on a dark background (a section
slide's title) is drawn in a colour that reads; ``![bg vertical]`` stacks a slide's background
pictures top to bottom."""

from __future__ import annotations

import subprocess

from pptx import Presentation

from .conftest import run_cli, write_md


def _build(tmp_path, text: str, command: str = "all"):
    """The deck built from ``text`` by the command line and the messages printed."""
    tmp_path.mkdir(exist_ok=True)
    src = write_md(tmp_path, text)
    result = run_cli(command, src, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.stderr
    return Presentation(str(tmp_path / "out" / "lecture.pptx")), result.stderr


def _pdf_text(path) -> str:
    return " ".join(
        subprocess.run(
            ["pdftotext", str(path), "-"], capture_output=True, text=True, check=True
        ).stdout.split()
    )


def _slide_words(slide) -> str:
    return " ".join(sh.text_frame.text for sh in slide.shapes if sh.has_text_frame)


MARP_NOTES = """\
---
marp: true
---

# Generics

Prefer a read-only list.

<!--
Expose IReadOnlyList<T> instead of List<T>,
and <b>never</b> a < b.
-->
"""


def test_a_marp_comments_notes_keep_their_tags_as_written(tmp_path):
    prs, stderr = _build(tmp_path, MARP_NOTES)
    notes = prs.slides[0].notes_slide.notes_text_frame.text
    assert "IReadOnlyList<T> instead of List<T>" in notes
    assert "<b>never</b> a < b" in notes
    assert "[raw-html]" not in stderr
    said = _pdf_text(tmp_path / "out" / "lecture-instructor.pdf")
    assert "IReadOnlyList<T> instead of List<T>" in said


MARP_GENERICS = """\
---
marp: true
---

# Generics

Prefer a read-only list:
use IReadOnlyList<T> instead of List<T>.

- a Map<int> or a Vec<String>
- <b>bold</b> and <u>underlined</u>
"""


def test_a_tag_like_generic_type_in_a_slide_is_words_said_at_its_line(tmp_path):
    prs, stderr = _build(tmp_path, MARP_GENERICS)
    words = _slide_words(prs.slides[0])
    assert "IReadOnlyList<T> instead of List<T>" in words
    assert "Map<int> or a Vec<String>" in words
    assert "<b>" not in words and "bold and underlined" in words  # (real HTML still read as HTML)
    assert "lecture.md:8: warning: '<T>'" in stderr
    assert "lecture.md:10: warning: '<int>'" in stderr
    said = _pdf_text(tmp_path / "out" / "lecture-handout.pdf")
    assert "List<T>" in said and "Vec<String>" in said


MARP_QR = """\
---
marp: true
---

# QR code

<img src="https://example.org/qr?size=300&centerImageUrl=logo.png&copyright=2&para=3&notify=4">

See <a href="https://example.org/page?a=1&copy=2&para2&cent;x">the page</a>.
"""


def test_a_legacy_reference_without_its_semicolon_in_an_attribute_stays_as_written(tmp_path):
    prs, stderr = _build(tmp_path, MARP_QR)
    address = "https://example.org/qr?size=300&centerImageUrl=logo.png&copyright=2&para=3&notify=4"
    assert f"picture '{address}'" in stderr
    assert "%C2" not in stderr and "¢" not in stderr
    words = _slide_words(prs.slides[0])
    assert address in words  # (the missing picture's box names it)
    links = [
        r.hyperlink.address
        for sh in prs.slides[0].shapes
        if sh.has_text_frame
        for p in sh.text_frame.paragraphs
        for r in p.runs
        if r.hyperlink.address
    ]
    # (`&cent;` with its semicolon is the cent sign, as in a browser)
    assert links == ["https://example.org/page?a=1&copy=2&para2%C2%A2x"]
