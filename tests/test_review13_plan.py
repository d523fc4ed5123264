"""Review 13: an untitled slide's continuation parts, the handout's order around a continued frame, and
coloured words unreadable on the template's background.

- An untitled slide that continues stays untitled, on its own layout: no slide titled "cont.".  The
  handout names its parts "Slide 3 (cont.)".
- The handout text of a slide that continues (the name of the next ``\\subsection`` too) follows its
  last part, not its first.
- A colour the lecture gave words is kept only where it can be read (WCAG contrast of at least 1.5
  against the layout's background, and the handout's page); else the words take the text colour, with
  one warning.
"""

from __future__ import annotations

import ctypes
import subprocess
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
from pptx import Presentation

from .conftest import run_cli, write_md

WHITE = "FFFFFF"


def _pdf_text(pdf: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True).stdout


def _build(src: Path, out: Path):
    result = run_cli("all", src, "-o", out)
    assert result.exit_code == 0, result.stderr
    return Presentation(str(out / (src.stem + ".pptx"))), result.stderr


def _run_colours(slide) -> list[tuple[str, str]]:
    """(text, colour as RRGGBB or "") of every run of the slide's text frames."""
    out = []
    for sh in slide.shapes:
        if not sh.has_text_frame:
            continue
        for p in sh.text_frame.paragraphs:
            for r in p.runs:
                fill = r.font.color
                rgb = str(fill.rgb) if fill is not None and fill.type is not None and fill.rgb else ""
                out.append((r.text, rgb))
    return out


def _pdf_chars_in(pdf: Path, rgb: tuple[int, int, int]) -> list[str]:
    """Per page, the characters the PDF fills in colour ``rgb`` (as PDFium reads them)."""
    doc = pdfium.PdfDocument(str(pdf))
    pages = []
    for i in range(len(doc)):
        tp = doc[i].get_textpage()
        got = []
        for k in range(tp.count_chars()):
            r, g, b, a = (ctypes.c_uint() for _ in range(4))
            pdfium_c.FPDFText_GetFillColor(tp.raw, k, r, g, b, a)
            if (r.value, g.value, b.value) == rgb:
                got.append(tp.get_text_range(k, 1))
        pages.append("".join(got))
    doc.close()
    return pages


# --------------------------------------------------------------------------- untitled continuations

_UNTITLED = """
---
title: Untitled continuation
output: xaringan::moon_reader
---

---
class: middle

{paras}

---

# Next

Words.
"""


def test_an_untitled_slides_continuation_is_untitled_on_its_layout(tmp_path):
    paras = "\n\n".join(f"Paragraph number {i} of a slide that has no heading at all." for i in range(1, 31))
    src = write_md(tmp_path, _UNTITLED.format(paras=paras), "deck.Rmd")
    prs, err = _build(src, tmp_path / "out")
    slides = list(prs.slides)
    parts = [s for s in slides if any("Paragraph number" in t for t, _ in _run_colours(s))]
    assert len(parts) >= 2, err
    assert {s.slide_layout.name for s in parts} == {parts[0].slide_layout.name}
    for s in parts:
        title = s.shapes.title.text_frame.text if s.shapes.title is not None else ""
        assert "cont" not in title.lower(), title
    words = " ".join(t for s in parts for t, _ in _run_colours(s))
    assert all(f"Paragraph number {i} " in words for i in range(1, 31))
    handout = _pdf_text(tmp_path / "out" / "deck-handout.pdf")
    first = slides.index(parts[0]) + 1
    assert f"Slide {first + 1} (cont.)".upper() in handout.upper(), handout
    assert "cont." not in _pdf_text(tmp_path / "out" / "deck-slides.pdf").split("Paragraph number 11")[0]


def test_an_untitled_continuation_in_japanese_reads_as_the_language_says(tmp_path):
    paras = "\n\n".join(f"段落 {i} の文章です。見出しのないスライドです。" for i in range(1, 41))
    src = write_md(tmp_path, f"---\ntitle: 題\nlang: ja\n---\n\n---\n\n{paras}\n")
    prs, err = _build(src, tmp_path / "out")
    slides = list(prs.slides)[1:]
    assert len(slides) >= 2, err
    assert all(s.shapes.title is None or not s.shapes.title.text_frame.text.strip() for s in slides)
    handout = _pdf_text(tmp_path / "out" / "lecture-handout.pdf")
    assert "スライド 3（続き）" in handout, handout


# --------------------------------------------------------------------------- the handout's order


def test_the_next_subsections_name_follows_a_frames_continuation(tmp_path):
    items = " ".join(
        f"\\item word{i}"
        for i in (
            "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen"
        ).split()
    )
    src = tmp_path / "deck.tex"
    src.write_text(
        "\\documentclass{beamer}\n\\title{Repro}\n\\begin{document}\n\\section{Part one}\n"
        "\\subsection{First sub}\n"
        f"\\begin{{frame}}{{Long frame}}\n\\begin{{itemize}}\n{items}\n\\end{{itemize}}\n\\end{{frame}}\n"
        "Words between the frames.\n"
        "\\subsection{Second sub}\n"
        "\\begin{frame}{Next frame}\nBody of the next frame.\n\\end{frame}\n\\end{document}\n",
        encoding="utf-8",
    )
    prs, err = _build(src, tmp_path / "out")
    assert any("(cont.)" in s.shapes.title.text_frame.text for s in prs.slides if s.shapes.title), err
    text = _pdf_text(tmp_path / "out" / "deck-handout.pdf")
    last_item = text.rindex("wordsixteen")
    assert last_item < text.index("Words between the frames.") < text.index("Body of the next frame.")
    assert last_item < text.index("Second sub") < text.index("Body of the next frame.")


def test_markdown_handout_text_follows_the_last_part_of_its_slide(tmp_path):
    items = "\n".join(f"- item number {i} of a long list" for i in range(1, 31))
    src = write_md(
        tmp_path,
        f"---\ntitle: T\n---\n\n## Long\n\n{items}\n\n::: handout\nExplained after it all.\n:::\n\n"
        "::: notes\nSaid at the start.\n:::\n\n## After\n\nNext words.\n",
    )
    prs, err = _build(src, tmp_path / "out")
    assert len(prs.slides) >= 4, err
    text = _pdf_text(tmp_path / "out" / "lecture-handout.pdf")
    assert text.index("item number 30") < text.index("Explained after it all.") < text.index("Next words.")
    assert text.index("Said at the start.") < text.index("item number 30")  # (the notes: beside part 1)


# --------------------------------------------------------------------------- colours and contrast


def test_the_contrast_ratio_is_wcags():
    from podium.deck.contrast import contrast, readable

    assert round(contrast("#FFFFFF", "#000000"), 1) == 21.0
    assert contrast("#FFFFFF", "#FFFFFF") == 1.0
    assert not readable("#FFFFFF", "#FFFFFF") and not readable("#FFFF00", "#FFFFFF")
    assert readable("#FF0000", "#FFFFFF") and readable("#FFFFFF", "#1F4E79")
    assert readable("#FFFFFF", "")  # (a picture background: not judged)


def test_white_text_from_a_dark_beamer_deck_is_drawn_in_the_text_colour(tmp_path):
    src = tmp_path / "dark.tex"
    src.write_text(
        "\\documentclass{beamer}\n\\setbeamercolor{background canvas}{bg=black}\n\\title{Repro}\n"
        "\\begin{document}\n\\begin{frame}{Dark deck}\n"
        "\\textcolor{white}{This sentence is white.}\n\n"
        "\\textbf{\\textcolor{white}{So is this bold one.}}\n\n"
        "\\textcolor{red}{A red one stays red.}\n"
        "\\end{frame}\n\\end{document}\n",
        encoding="utf-8",
    )
    prs, err = _build(src, tmp_path / "out")
    runs = _run_colours(prs.slides[1])
    assert "This sentence is white." in [t for t, _ in runs]
    assert all(c != WHITE for _, c in runs), runs
    assert ("A red one stays red.", "FF0000") in runs
    warned = [line for line in err.splitlines() if "[colour-contrast]" in line]
    assert len(warned) == 1, err
    assert "dark.tex:6: warning: text coloured #FFFFFF is unreadable" in warned[0], warned
    assert "white background" in warned[0] and "drawn in the text colour" in warned[0]
    for pdf in ("dark-handout.pdf", "dark-slides.pdf"):
        assert not any("sentence" in page for page in _pdf_chars_in(tmp_path / "out" / pdf, (255, 255, 255)))


def test_markdown_white_spans_are_readable_and_white_stays_on_a_dark_section_slide(tmp_path):
    src = write_md(
        tmp_path,
        """
        ---
        title: Colours
        ---

        # [Part one]{style="color: white"}

        ## Plain slide

        Some <span style="color:#fff">hidden words</span> and [pale words]{style="color: #ffff00"}
        and [red words]{style="color: red"}.

        ::: notes
        A [white note]{style="color: white"} here.
        :::
        """,
    )
    prs, err = _build(src, tmp_path / "out")
    section, plain = prs.slides[1], prs.slides[2]
    assert ("Part one", WHITE) in _run_colours(section)  # (white on the dark section layout: kept)
    colours = dict(_run_colours(plain))
    assert colours["hidden words"] == ""
    assert colours["pale words"] == "9A9A00"  # (yellow has a hue: a darker yellow that reads, 3:1)
    assert colours["red words"] == "FF0000"
    warned = [line for line in err.splitlines() if "[colour-contrast]" in line]
    assert len(warned) == 1 and "lecture.md:9: warning: text coloured #FFFFFF" in warned[0], err
    handout = _pdf_chars_in(tmp_path / "out" / "lecture-handout.pdf", (255, 255, 255))
    assert not any(w in page for page in handout for w in ("hidden", "white note", "Partone", "Part one"))
    drawn = _pdf_chars_in(tmp_path / "out" / "lecture-slides.pdf", (255, 255, 255))
    assert "Part one" in drawn[1].replace("\r\n", " ")  # (the slides PDF draws the section slide as the deck)
