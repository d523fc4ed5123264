"""A sign is set as TeX sets it (review 13, problem 3): a minus, plus or ± that follows nothing, an opening
bracket, a relation, an operation or a comma is TeX's ordinary symbol, set tight, "(−1)^m", "x = −y",
"[−1, 1]"; a minus between two operands keeps its spaces, "a − b".  Each output is read back as a
reader's program would: the PDFs' drawn glyphs with PDFium (each glyph of drawn math is a path), the
deck's picture of display math with Pillow, its Office math and its text with python-pptx."""

from __future__ import annotations

import io

from .conftest import run_cli, write_md

OMML = "{http://schemas.openxmlformats.org/officeDocument/2006/math}"
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"

# each line's word, its math, and which glyph of the math (left to right) is the sign
SIGNS = {
    "Eins": ("(-1)^m", 1),
    "Zwei": ("x = -y", 2),
    "Drei": ("[-1, 1]", 1),
    "Vier": ("f(-x)", 2),
    "Fuenf": ("\\{-1, 1\\}", 1),
    "Sechs": ("x = \\pm 1", 2),
    "Sieben": ("a \\le +b", 2),
}
BRACKETED = ("Eins", "Drei", "Vier", "Fuenf")  # (the sign right after an opening bracket)


def _built(tmp_path, body: str):
    src = write_md(tmp_path, "---\ntitle: Signs\n---\n\n" + body)
    result = run_cli("all", src, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.stderr
    assert "warning" not in result.stderr, result.stderr
    return tmp_path / "out"


def _glyphs_after(pdf, word: str) -> list[tuple[float, float, float, float]]:
    """The boxes (left, bottom, right, top) of the paths drawn on the line of ``word``'s first
    appearance in ``pdf``, right of it (the glyphs of the math there), left to right."""
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(pdf))
    try:
        for page in doc:
            text = page.get_textpage()
            whole = text.get_text_range()
            if word not in whole:
                continue
            at = whole.index(word)
            letters = [text.get_charbox(i) for i in range(at, at + len(word))]
            bottom, top = min(b[1] for b in letters), max(b[3] for b in letters)
            height = top - bottom
            return sorted(
                o.get_bounds()
                for o in page.get_objects(max_depth=8)
                if o.type == pdfium.raw.FPDF_PAGEOBJ_PATH
                and o.get_bounds()[1] < top + height / 2
                and o.get_bounds()[3] > bottom - height / 2
                and o.get_bounds()[0] > letters[-1][2]
                and o.get_bounds()[2] - o.get_bounds()[0] < 3 * height  # (a glyph, not a rule or background)
            )
        raise AssertionError(f"{word!r} is not in {pdf.name}")
    finally:
        doc.close()


def _gaps(glyphs, k: int) -> tuple[float, float]:
    """The white space before and after glyph ``k``."""
    return glyphs[k][0] - glyphs[k - 1][2], glyphs[k + 1][0] - glyphs[k][2]


def test_a_sign_is_set_tight_and_an_operation_spaced_in_the_slides_pdf_and_the_handout(tmp_path):
    lines = "".join(f"- {word} ${tex}$ fin\n" for word, (tex, _) in SIGNS.items())
    out = _built(tmp_path, f"## Signs\n\n{lines}- Acht $a - b$ fin\n")
    for pdf in (out / "lecture-slides.pdf", out / "lecture-handout.pdf"):
        binary = _gaps(_glyphs_after(pdf, "Acht"), 1)  # (a − b: a medium space on each side)
        assert binary[0] > 0 and abs(binary[0] - binary[1]) < 0.3 * max(binary), (pdf.name, binary)
        spaced = min(binary)
        for word, (tex, k) in SIGNS.items():
            before, after = _gaps(_glyphs_after(pdf, word), k)
            assert after < 0.55 * spaced, (pdf.name, tex, before, after, spaced)
            if word in BRACKETED:
                assert before < 0.55 * spaced, (pdf.name, tex, before, after, spaced)
            else:  # (after a relation: its thick space, and no medium one besides)
                assert before < 1.6 * spaced, (pdf.name, tex, before, after, spaced)


def _ink_blobs(png: bytes) -> list[tuple[int, int, int, int]]:
    """The runs of inked columns of a picture (left, right, top, bottom): its glyphs, left to right."""
    from PIL import Image

    im = Image.open(io.BytesIO(png)).convert("RGBA")
    w, h = im.size
    px = im.load()
    inked = [[y for y in range(h) if px[x, y][3] > 96 and sum(px[x, y][:3]) < 500] for x in range(w)]
    blobs = []
    x = 0
    while x < w:
        if not inked[x]:
            x += 1
            continue
        start = x
        while x < w and inked[x]:
            x += 1
        rows = [y for c in range(start, x) for y in inked[c]]
        blobs.append((start, x - 1, min(rows), max(rows)))
    return blobs


def _slide_xml(pptx, index: int):
    from pptx import Presentation

    return Presentation(str(pptx)).slides[index]._element


def test_the_decks_picture_of_display_math_sets_signs_tight_and_its_office_math_keeps_them_plain(tmp_path):
    out = _built(tmp_path, "## Shown\n\n$$f(-x) = -g(x), \\quad a - b$$\n")
    slide = _slide_xml(out / "lecture.pptx", 1)
    pic = next(slide.iter("{http://schemas.openxmlformats.org/presentationml/2006/main}pic"))
    assert pic.getparent().tag == f"{MC}Fallback"  # (the picture other viewers draw than PowerPoint)
    rid = next(pic.iter(f"{A}blip")).get(
        "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}embed"
    )
    from pptx import Presentation

    png = Presentation(str(out / "lecture.pptx")).slides[1].part.related_part(rid).blob
    blobs = _ink_blobs(png)
    minus = [k for k, (x0, x1, y0, y1) in enumerate(blobs) if (y1 - y0) < 0.25 * (x1 - x0)]
    assert len(minus) == 3, blobs  # f(−x) = −g(x), a − b
    gaps = [(blobs[k][0] - blobs[k - 1][1], blobs[k + 1][0] - blobs[k][1]) for k in minus]
    spaced = min(gaps[2])  # (a − b)
    assert gaps[0][0] < 0.55 * spaced and gaps[0][1] < 0.55 * spaced, gaps  # f(−x)
    assert gaps[1][1] < 0.55 * spaced, gaps  # = −g
    # PowerPoint's Office math: the signs are plain runs where Office's own rule sees them as signs
    # (after the bracket, after the relation), not the openings of a delimiter object
    math = next(slide.iter(f"{OMML}oMath"))
    assert not list(math.iter(f"{OMML}d"))
    runs = ["".join(r.itertext()) for r in math.iter(f"{OMML}r")]
    assert runs[:6] == ["f", "(", "−", "x", ")", "="] and runs[6] == "−", runs


def test_the_decks_inline_math_and_its_text_set_signs_as_tex_does(tmp_path):
    out = _built(
        tmp_path,
        "## Inline\n\n- Eins $(-1)^m$\n- Zwei $a \\pm b$\n- Drei $f(\\cdot)$\n- Vier $x = -\\frac{1}{2}$\n"
        "- Fuenf $\\left(-x\\right)$\n",
    )
    slide = _slide_xml(out / "lecture.pptx", 1)
    fallbacks = ["".join(t.text or "" for t in fb.iter(f"{A}t")) for fb in slide.iter(f"{MC}Fallback")]
    # (the text other viewers than PowerPoint show: a sign tight, an operation spaced, as TeX sets them)
    assert fallbacks == ["(−1)ᵐ", "a ± b", "f(·)", "x = −1/2", "(−x)"], fallbacks
    maths = list(slide.iter(f"{OMML}oMath"))
    first = [("".join(r.itertext()), r.find(f"{OMML}rPr/{OMML}sty")) for r in maths[0].iter(f"{OMML}r")]
    assert [t for t, _ in first[:3]] == ["(", "−", "1"] and first[1][1].get(f"{OMML}val") == "p"
    pm = [r for r in maths[1].iter(f"{OMML}r") if "".join(r.itertext()) == "±"]
    assert pm and pm[0].find(f"{OMML}rPr/{OMML}sty").get(f"{OMML}val") == "p"  # (an operator, upright)
    fenced = list(maths[4].iter(f"{OMML}d"))  # \left( … \right): a delimiter object with the sign inside
    assert len(fenced) == 1 and next(fenced[0].iter(f"{OMML}begChr")).get(f"{OMML}val") == "("
    assert ["".join(r.itertext()) for r in fenced[0].iter(f"{OMML}r")] == ["−", "x"]
