"""Review 25 (g): real Marp decks.  A Marp comment's notes are shown as written (``List<T>`` kept, no
``raw-html`` warning) and a tag-like word of no HTML element in a slide (``List<T>``) is words, said at
its own line; ``&cent…`` in an ``<img src>`` stays as written; a link on a dark background (a section
slide's title) is drawn in a colour that reads; ``![bg vertical]`` stacks a slide's background
pictures top to bottom."""

from __future__ import annotations

import subprocess

from .conftest import built_from_text


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
    prs, _, stderr = built_from_text(tmp_path, MARP_NOTES)
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
    prs, _, stderr = built_from_text(tmp_path, MARP_GENERICS)
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
    prs, _, stderr = built_from_text(tmp_path, MARP_QR)
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


MARP_SECTION_LINK = """\
---
marp: true
---

# Defects

Some text with [a link](https://example.org/x) here.

---

# [Overview of defects](https://example.org/defects)

---

## Next

More text.
"""


def _rgb(hex_colour: str) -> tuple[int, int, int]:
    h = str(hex_colour).lstrip("#")
    return int(h[0:2], 16), int(h[2:4], 16), int(h[4:6], 16)


def _ratio(a: str, b: str) -> float:
    def lum(c):
        ch = [v / 255 for v in _rgb(c)]
        r, g, b = (v / 12.92 if v <= 0.04045 else ((v + 0.055) / 1.055) ** 2.4 for v in ch)
        return 0.2126 * r + 0.7152 * g + 0.0722 * b

    la, lb = lum(a), lum(b)
    return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)


def _pixels(pdf, page: int, tmp_path) -> set[tuple[int, int, int]]:
    from PIL import Image

    stem = tmp_path / f"page{page}"
    subprocess.run(
        [
            "pdftoppm",
            "-r",
            "40",
            "-png",
            "-f",
            str(page),
            "-l",
            str(page),
            "-singlefile",
            str(pdf),
            str(stem),
        ],
        check=True,
    )
    return set(Image.open(f"{stem}.png").convert("RGB").getdata())


def test_a_section_slides_link_title_is_drawn_in_a_colour_that_reads(tmp_path):
    prs, _, _ = built_from_text(tmp_path, MARP_SECTION_LINK)
    slide = prs.slides[1]
    back = str(slide.slide_layout.background.fill.fore_color.rgb)
    run = next(r for r in slide.shapes.title.text_frame.paragraphs[0].runs if r.hyperlink.address)
    colour = str(run.font.color.rgb)
    assert _ratio(colour, back) >= 4.5
    # (PowerPoint draws the link in its run's colour, not the theme's link colour)
    assert "hyperlinkcolor" in run._r.xml and 'val="tx"' in run._r.xml
    # the link on the white slide keeps the theme's link colour
    body = next(
        r
        for sh in prs.slides[0].shapes
        if sh.has_text_frame
        for p in sh.text_frame.paragraphs
        for r in p.runs
        if r.hyperlink.address
    )
    assert body.font.color.type is None
    # the slides PDF draws the title in that colour too, never in a browser's link blue
    seen = _pixels(tmp_path / "out" / "lecture-slides.pdf", 2, tmp_path)
    near = [p for p in seen if sum(abs(a - b) for a, b in zip(p, _rgb(colour), strict=True)) < 12]
    assert near
    assert not [p for p in seen if p[0] < 40 and p[1] < 40 and p[2] > 200]


MARP_VERTICAL = """\
---
marp: true
---

## Two pictures stacked

- first point
- second point

![bg right 30%](a.png)
![bg vertical 30%](b.png)

---

## Backgrounds stacked

![bg](a.png)
![bg vertical](b.png)
"""


def test_marp_bg_vertical_stacks_the_backgrounds_top_to_bottom(tmp_path):
    from PIL import Image

    tmp_path.mkdir(exist_ok=True)
    Image.new("RGB", (400, 300), "red").save(tmp_path / "a.png")
    Image.new("RGB", (400, 300), "green").save(tmp_path / "b.png")
    prs, _, _ = built_from_text(tmp_path, MARP_VERTICAL)
    for k, slide in enumerate(prs.slides):
        first, second = sorted((sh for sh in slide.shapes if sh.shape_type == 13), key=lambda sh: sh.top)
        assert first.left == second.left and first.top + first.height <= second.top
        if k == 0:  # (in the right-hand column)
            assert first.left > prs.slide_width / 2
    # the slides PDF: red above green, in the same column
    from PIL import Image as Img

    stem = tmp_path / "p1"
    subprocess.run(
        [
            "pdftoppm",
            "-r",
            "30",
            "-png",
            "-f",
            "1",
            "-l",
            "1",
            "-singlefile",
            str(tmp_path / "out" / "lecture-slides.pdf"),
            str(stem),
        ],
        check=True,
    )
    im = Img.open(f"{stem}.png").convert("RGB")
    w, h = im.size
    at = {
        name: [(x, y) for y in range(h) for x in range(w) if im.getpixel((x, y)) == colour]
        for name, colour in (("red", (255, 0, 0)), ("green", (0, 128, 0)))
    }
    assert at["red"] and at["green"]
    assert max(y for _, y in at["red"]) < min(y for _, y in at["green"])
    assert abs(min(x for x, _ in at["red"]) - min(x for x, _ in at["green"])) <= 2
