"""Real decks written for pandoc, reveal.js or Quarto (../shared/corpus/real): every word pandoc keeps
is in Podium's deck, and no slide shows a TeX command or an HTML tag outside code."""

from __future__ import annotations

import json
import re
import subprocess
import unicodedata
from pathlib import Path

import pytest
from pptx import Presentation

from .conftest import CORPUS
from .drawn import accent_pixels

REAL = CORPUS / "real"
DECKS = [
    "tidymodels-intro03/slides/intro-03-what-makes-a-model.qmd",
    "lnpr-chap2-2-ja/chap2_2.md",
    "pmp-geometry/slides.md",
    "ncsu-python-html/slides/index.qmd",
    "git-bonnes-pratiques-fr/slides/index.qmd",
]
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
SHORTCODE = re.compile(r"\{\{<.*?>\}\}")
TAG = re.compile(r"</?[a-zA-Z][a-zA-Z0-9]*(\s[^<>]*)?/?>")
TEX = re.compile(r"\\[A-Za-z]{2,}")


def pandoc_words(src: Path) -> set[str]:
    """The words of pandoc's reading of ``src``, leaving out code, math and raw TeX/HTML (which pandoc's
    pptx writer drops or shows as code too)."""
    pypandoc = pytest.importorskip("pypandoc")
    text = SHORTCODE.sub("", src.read_text(encoding="utf-8"))  # Quarto expands these; pandoc does not
    text = re.sub(r"^(\s*`{3,})\{(\w+)[^}\n]*\}", r"\1\2", text, flags=re.M)  # Quarto's ```{r} cells are code
    reader = re.search(r"^from:\s*(markdown\S*)\s*$", text, re.M)  # as Quarto reads it (markdown+emoji)
    ast = json.loads(
        subprocess.run(
            [pypandoc.get_pandoc_path(), "-f", reader.group(1) if reader else "markdown", "-t", "json"],
            input=text,
            capture_output=True,
            text=True,
            check=True,
            cwd=src.parent,
        ).stdout
    )
    words: list[str] = []

    def walk(x):
        if isinstance(x, dict):
            if x.get("t") in ("CodeBlock", "Code", "Math", "RawBlock", "RawInline"):
                return
            if x.get("t") == "Str":
                words.extend(re.findall(r"[^\W_]{3,}", unicodedata.normalize("NFKC", x["c"]).lower()))
            for v in x.values():
                walk(v)
        elif isinstance(x, list):
            for v in x:
                walk(v)

    walk(ast["blocks"])
    walk(ast["meta"].get("title", {}))
    return set(words)


def deck_runs(deck: Path):
    """(text, is_code) for every text run a viewer draws (inline math as its fallback), plus tables and notes."""
    prs = Presentation(str(deck))
    for slide in prs.slides:
        for el in slide._element.iter(A + "r"):
            if any(anc.tag == MC + "Choice" for anc in el.iterancestors()):
                continue
            t = el.find(A + "t")
            latin = el.find(A + "rPr/" + A + "latin")
            code = latin is not None and any(
                k in (latin.get("typeface") or "") for k in ("Mono", "Courier", "Consol")
            )
            yield (t.text or "") if t is not None else "", code
        if slide.has_notes_slide:
            yield slide.notes_slide.notes_text_frame.text, False


@pytest.fixture(scope="module")
def built(corpus_built):
    """{deck path relative to real/: the .pptx} (built once per session by conftest's corpus_built)."""
    if not REAL.is_dir():
        pytest.skip("../shared/corpus/real is absent")
    decks = {}
    for rel in DECKS:
        found = corpus_built.get(REAL / rel)
        if found is not None:
            decks[rel] = found.deck  # None: Podium refused to build it, which fails the tests
    return decks


@pytest.mark.parametrize("rel", DECKS)
def test_real_deck_keeps_every_word_pandoc_keeps(built, rel):
    if rel not in built:
        pytest.skip(f"{rel} is absent")
    assert built[rel] is not None, f"{rel} did not build"
    ours = re.sub(
        r"\s+", "", unicodedata.normalize("NFKC", " ".join(t for t, _ in deck_runs(built[rel]))).lower()
    )
    missing = sorted(w for w in pandoc_words(REAL / rel) if w not in ours)
    assert missing == []


@pytest.mark.parametrize("rel", DECKS)
def test_real_deck_shows_no_tex_or_html_outside_code(built, rel):
    if rel not in built:
        pytest.skip(f"{rel} is absent")
    assert built[rel] is not None, f"{rel} did not build"
    shown = " ".join(t for t, code in deck_runs(built[rel]) if not code)
    assert TAG.findall(shown) == [] and TEX.findall(shown) == []


def test_every_bullet_of_a_long_handouts_slide_drawings_is_drawn(corpus_built):
    """In a long handout WeasyPrint left some bullet pictures undrawn (the git deck's slide 5: its two
    items after a picture, on page 4); the drawings' bullets are list markers, seen beside each item."""
    import pypdfium2 as pdfium

    src = REAL / "git-bonnes-pratiques-fr/slides/index.qmd"
    if src not in corpus_built or corpus_built[src].handout is None:
        pytest.skip("the git deck is not in the corpus")
    pdf = corpus_built[src].handout
    words = subprocess.run(
        ["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    pages = words.split("<page ")[1:]
    page = next(k for k, p in enumerate(pages) if ">reproductibilité<" in p and ">coûteuse<" in p)
    doc = pdfium.PdfDocument(str(pdf))
    try:
        scale = 4  # pixels a point: the drawings are a third of the slide's size
        image = doc[page].render(scale=scale).to_pil().convert("RGB")
    finally:
        doc.close()

    for first in ("Une", "Git"):
        found = re.search(
            rf'xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">{first}<', pages[page]
        )
        assert found, first
        x, y0, y1 = (float(v) for v in found.groups())
        assert accent_pixels(image, scale, x - 8, x - 0.5, y0, y1) >= 3, (
            first
        )  # its bullet, beside it on its line
