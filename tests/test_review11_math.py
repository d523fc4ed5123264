"""What a reviewer's real statistics decks (German and French R Markdown, review 11) showed Podium's math
getting wrong, each built through the command line and read back as a reader's program would: the deck's
Office math with python-pptx, the PDFs with PDFium (where each glyph of drawn math is a path) and
pdftotext.  Inline math set on the text's baseline, TeX's spaces around binary operations and relations,
``\\intertext`` between an align's rows, ``alignat`` as display math, and italic, bold and math inside
``\\text{…}``."""

from __future__ import annotations

import subprocess

import pytest

from .conftest import run_cli, write_md

OMML = "{http://schemas.openxmlformats.org/officeDocument/2006/math}"


def _built(tmp_path, body: str, command: str = "all"):
    src = write_md(tmp_path, "---\ntitle: Mathe\n---\n\n" + body)
    result = run_cli(command, src, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.stderr
    return tmp_path / "out", result.stderr


def _line_items(pdf, page_index: int, word: str):
    """The tight boxes (left, bottom, right, top) of ``word``'s letters on the page, and of every path
    drawn on the same line (the glyphs of the math there), left to right."""
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(pdf))
    page = doc[page_index]
    text = page.get_textpage()
    whole = text.get_text_range()
    at = whole.index(word)
    letters = [text.get_charbox(i) for i in range(at, at + len(word))]
    bottom = min(b[1] for b in letters)
    top = max(b[3] for b in letters)
    paths = sorted(
        o.get_bounds()
        for o in page.get_objects(max_depth=8)
        if o.type == pdfium.raw.FPDF_PAGEOBJ_PATH
        and o.get_bounds()[1] < top + 4
        and o.get_bounds()[3] > bottom - 4
        and o.get_bounds()[0] > letters[-1][2]
        and o.get_bounds()[2] - o.get_bounds()[0] < 40  # (a glyph, not a rule or the slide's background)
    )
    doc.close()
    return letters, paths


# -- 2. inline math on the text's baseline


@pytest.mark.parametrize("math", ["Y = \\beta_1 X_1 + \\beta_2 X_2", "Y = \\alpha", "A \\setminus B"])
def test_inline_math_sits_on_the_texts_baseline_in_the_slides_pdf_and_the_handout(tmp_path, math):
    out, _ = _built(
        tmp_path,
        f"## Formel\n\n- Avec ${math}$). Fin.\n\n::: notes\nNotiz ${math}$). Ende.\n:::\n",
    )
    # (Y and A stand on the baseline, as the letters of "Avec" and "Notiz" without a descender do)
    for pdf, page, word in (
        (out / "lecture-slides.pdf", 1, "Avec"),
        (out / "lecture-handout.pdf", 2, "Notiz"),
    ):
        letters, glyphs = _line_items(pdf, page, word)
        baseline = min(b[1] for b in letters)
        assert glyphs, f"no math drawn after {word!r} in {pdf.name}"
        assert abs(glyphs[0][1] - baseline) < 0.6, (pdf.name, glyphs[0], baseline)


# -- 8. TeX's spaces around binary operations and relations


def _gaps(out, word: str) -> tuple[float, float]:
    """The white space before and after the operator of ``word``'s math (three glyphs: A op B)."""
    _, glyphs = _line_items(out / "lecture-slides.pdf", 1, word)
    a, op, b = glyphs[:3]
    return op[0] - a[2], b[0] - op[2]


def test_cap_cup_and_setminus_are_spaced_as_plus_is(tmp_path):
    out, _ = _built(
        tmp_path,
        "## Mengen\n\n- Summe: $A + B$\n- Schnitt: $A \\cap B$\n- Vereinigung: $A \\cup B$\n"
        "- Differenz: $A \\setminus B$\n- Mal: $A \\times B$\n- Teilmenge: $A \\subseteq B$\n",
    )
    plus = sum(_gaps(out, "Summe"))
    for word in ("Schnitt", "Vereinigung", "Differenz", "Mal"):
        gaps = _gaps(out, word)
        assert min(gaps) > 2.0, (word, gaps)  # (a medium space at 24 pt is 5.3 pt, less the glyphs' sides)
        assert abs(sum(gaps) - plus) < 3.0, (word, gaps, plus)
    assert sum(_gaps(out, "Teilmenge")) > plus  # (a relation's thick space is wider than a binary one's)


# -- the deck's Office math


def _equations(pptx_path, index: int) -> list[tuple[int, list[tuple[str, str]]]]:
    """What slide ``index`` shows, top to bottom: each equation (its top, and its runs: their text, spaces
    plain, and style, ``N`` for text, ``i`` italic, ``b`` bold), and each text box's words (inline math
    in them too) as one run styled ``box``."""
    from pptx import Presentation

    slide = Presentation(str(pptx_path)).slides[index]
    a = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
    out = []
    for el in slide.shapes._spTree.iterchildren():
        offsets = [int(o.get("y")) for o in el.iter(f"{a}off")]
        if not offsets:
            continue
        if el.tag.endswith("}AlternateContent"):  # (display math: Office math, a picture as its fallback)
            runs = []
            for r in next(el.iter(f"{OMML}oMath")).iter(f"{OMML}r"):
                style = r.find(f"{a}rPr")
                flags = "N" if r.find(f"{OMML}rPr/{OMML}nor") is not None else ""
                flags += "i" if style is not None and style.get("i") == "1" else ""
                flags += "b" if style is not None and style.get("b") == "1" else ""
                text = "".join(t.text or "" for t in r.iter(f"{OMML}t")).replace("\xa0", " ")
                runs.append((text, flags))
            out.append((offsets[0], runs))
        else:
            out.append((offsets[0], [("".join(t.text or "" for t in el.iter(f"{a}t", f"{OMML}t")), "box")]))
    return sorted(out, key=lambda e: e[0])


def _pdf_text(pdf) -> str:
    return subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout


# -- 4. \intertext between an align's rows


@pytest.mark.parametrize("command", ["intertext", "shortintertext"])
def test_intertext_sets_its_words_between_the_rows(tmp_path, command):
    out, stderr = _built(
        tmp_path,
        "## Eigenschaften\n\n\\begin{align*}\n P(B|B) & = 1\\\\\n"
        f"\\{command}{{Außerdem gilt \\textbf{{immer}}\n für $A \\subseteq B$:}}\n"
        " P(\\bar{B}|B) & = 0\n\\end{align*}\n",
    )
    assert "warning" not in stderr
    shown = [(runs[0][0] if runs[0][1] == "box" else "".join(t for t, _ in runs)) for _, runs in
             _equations(out / "lecture.pptx", 1)]  # fmt: skip
    at = next(k for k, s in enumerate(shown) if s.startswith("Außerdem"))
    assert shown[at - 1] == "P(B|B)=1" and shown[at + 1] == "P(B|B)=0", shown  # (the bar is an accent's)
    assert shown[at].startswith("Außerdem gilt immer für A⊆B")
    for pdf in ("lecture-slides.pdf", "lecture-handout.pdf"):
        words = " ".join(_pdf_text(out / pdf).split())
        assert "Außerdem gilt immer für" in words and "\\" not in words and "intertext" not in words


def test_intertext_in_dollar_math_and_one_not_closed(tmp_path):
    out, stderr = _built(
        tmp_path,
        "## A\n\n$$\n\\begin{align*}\na &= 1\\\\\n\\intertext{und}\nb &= 2\n\\end{align*}\n$$\n\n"
        "## B\n\n\\begin{align*}\nc &= 3\\\\\n\\intertext{offen\nd &= 4\n\\end{align*}\n",
        command="slides",
    )
    shown = [runs for _, runs in _equations(out / "lecture.pptx", 1)]
    assert [r[0][0] for r in shown if r[0][1] == "box"][0] == "und"
    assert sum(1 for r in shown if r[0][1] != "box") == 2
    assert "lecture.md:17: warning: math" in stderr and "[math]" in stderr  # (said, and shown as TeX)


# -- 5. alignat as display math


def test_alignat_is_display_math_without_its_column_count(tmp_path):
    out, stderr = _built(
        tmp_path,
        "## Bayes\n\n\\begin{alignat*}{3}\n\\gamma(B|A) &= \\gamma(B) &&\\cdot \\frac{P(A|B)}{P(A|\\bar{B})}\\\\\n"
        "\\mbox{\\em Posterior Odds} &= \\mbox{\\em Prior Odds} &&\\cdot \\mbox{\\em Likelihood Ratio}\n"
        "\\end{alignat*}\n\n\\begin{xalignat}{2}\nx &= 1 & y &= 2\n\\end{xalignat}\n\nDanach.\n",
    )
    assert "warning" not in stderr
    equations = [runs for _, runs in _equations(out / "lecture.pptx", 1) if runs[0][1] != "box"]
    assert len(equations) == 2
    texts = [t for t, _ in equations[0]]
    assert "γ" in texts and "3" not in texts and "{3}" not in "".join(texts)
    assert ("Posterior Odds", "Ni") in equations[0] and ("Likelihood Ratio", "Ni") in equations[0]
    assert "".join(t for t, _ in equations[1]) == "x=1y=2"
    assert "alignat" not in _pdf_text(out / "lecture-slides.pdf")


# -- 6. italic, bold and math inside \text{…} in display math


def test_em_emph_textbf_and_math_inside_text_in_an_align(tmp_path):
    out, stderr = _built(
        tmp_path,
        "## Wahrscheinlichkeit\n\n\\begin{align*}\n"
        "P(A) & =  0 &  & A \\text{ tritt mit Sicherheit {\\em nicht} ein}\\\\\n"
        "P(A) & =  p &  & A \\text{ tritt mit Wahrscheinlichkeit $p$ ein}\\\\\n"
        "P(B) & =  q &  & \\text{\\emph{fast} \\textbf{sicher}, \\textit{also:\\;}}\n"
        "\\end{align*}\n\n"
        "## Gleich\n\n$$\\text{a }\\textit{b}\\text{ c }p\\text{ d}$$\n\n## Geschrieben\n\n$$\\text{a {\\em b} c $p$ d}$$\n",
    )
    assert "warning" not in stderr
    runs = [run for _, rs in _equations(out / "lecture.pptx", 1) for run in rs if rs[0][1] != "box"]
    assert ("nicht", "Ni") in runs and ("fast", "Ni") in runs and ("sicher", "Nb") in runs
    assert (" tritt mit Sicherheit ", "N") in runs and (" ein", "N") in runs  # (upright text)
    assert ("p", "i") in runs  # (math: p, not the text "$p$")
    assert not any(c in text for text, _ in runs for c in "{}$\\"), runs
    assert ("also:\u2004", "Ni") in runs
    # the PDFs draw the same glyphs for the text written with switches and dollars as for it written plainly
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(out / "lecture-slides.pdf"))
    glyphs = [
        sum(1 for o in doc[k].get_objects(max_depth=8) if o.type == pdfium.raw.FPDF_PAGEOBJ_PATH)
        for k in (2, 3)
    ]
    doc.close()
    assert glyphs[0] == glyphs[1], glyphs
