"""Handout layouts, student/instructor variants, the slides PDF and accessibility, read back as users would.

Every PDF is read with pypdf (pages, text per page, outline, structure tree); decks with python-pptx
and as raw XML (a student must not find an answer anywhere in the file, not only where PowerPoint
shows text).  One small lecture is built once per layout/variant for the whole module.
"""

from __future__ import annotations

import math
import re
import shutil
import subprocess
import zipfile

import pytest
from pptx import Presentation
from pypdf import PdfReader

from podium.alttext import parse_chart_alt
from podium.buildrecord import read_from_pdf
from podium.diagnostics import BuildError, Diagnostics
from podium.labels import LABELS, labels_for
from podium.pipeline import ALL, BuildOptions, build_handout, build_slides, build_slides_pdf
from podium.pipeline import build as pipeline_build
from podium.reader import parse_lecture
from podium.verify import check_outputs, read_handout

from .conftest import run_cli, write_md
from .drawn import accent_pixels

ANSWER = "sovereignty"
SECRET = "Whisper the model answer only to tutors"

TEXT = f"""
---
title: Gap fills
author: [Ann Lecturer]
date: 2026-11-26
---

# First part

## Concepts

- States defend their [{ANSWER}]{{.blank}} above all
- People need freedom from [want]{{.blank}}
- Plain point

::: notes
Ask what the blank means before revealing it.
:::

::: instructor
{SECRET}.
:::

## Numbers

```chart
type: column
title: Refugees
categories: [2019, 2020, 2021]
series:
  Millions: [79.5, 82.4, 89.3]
```

::: handout
A student reading alone needs this explanation.
:::

# Second part

## Equation

$$E = mc^2$$

The energy $E$ of a body.

::: notes
Say it slowly.
:::

## Last

- One
- Two
"""


@pytest.fixture(scope="module")
def lecture_dir(tmp_path_factory):
    folder = tmp_path_factory.mktemp("gapfill")
    return write_md(folder, TEXT), folder / "out"


def _handout(lecture_dir, **kw):
    src, out = lecture_dir
    d = Diagnostics()
    path = build_handout(src, BuildOptions(out_dir=out / "-".join(f"{k}{v}" for k, v in kw.items()), **kw), d)
    return path, d


@pytest.fixture(scope="module")
def student(lecture_dir):
    return _handout(lecture_dir, variant="student")[0]


@pytest.fixture(scope="module")
def instructor(lecture_dir):
    return _handout(lecture_dir, variant="instructor")[0]


def pages(path) -> list[str]:
    return [p.extract_text() or "" for p in PdfReader(str(path)).pages]


def squashed(text: str) -> str:
    return re.sub(r"\s+", "", text)


SLIDE_TITLES = [
    "1. Gap fills",
    "2. First part",
    "3. Concepts",
    "4. Numbers",
    "5. Second part",
    "6. Equation",
    "7. Last",
]


# --------------------------------------------------------------------------- variants


def test_student_handout_has_blanks_not_answers_nor_instructor_text(student):
    assert student.name == "lecture-handout.pdf"
    text = "\n".join(pages(student))
    assert ANSWER not in text and "freedom from want" not in text.replace("\n", " ")
    assert "Whisper" not in text
    assert "States defend their" in text and "above all" in text  # the sentence is there, with a gap
    assert "Ask what the blank means" in text  # ordinary speaker notes stay


def test_instructor_handout_has_answers_and_instructor_text(instructor):
    assert instructor.name == "lecture-instructor.pdf"
    text = "\n".join(pages(instructor))
    assert ANSWER in text and SECRET in text.replace("\n", " ")
    assert "instructor only" in text.lower()  # the label (drawn in capitals)
    assert "Do not hand out" in pages(instructor)[0].replace("\n", " ")


def test_student_deck_xml_holds_no_answer_and_instructor_deck_notes_do(lecture_dir):
    src, out = lecture_dir
    student_deck = build_slides(src, BuildOptions(out_dir=out / "decks", variant="student"), Diagnostics())
    teacher_deck = build_slides(src, BuildOptions(out_dir=out / "decks"), Diagnostics())
    assert student_deck.name == "lecture-student.pptx" and teacher_deck.name == "lecture.pptx"
    with zipfile.ZipFile(student_deck) as z:
        xml = "".join(z.read(n).decode("utf-8", "replace") for n in z.namelist() if n.endswith(".xml"))
    assert ANSWER not in xml and "Whisper" not in xml
    prs = Presentation(str(teacher_deck))
    slide = prs.slides[2]
    on_slide = " ".join(sh.text_frame.text for sh in slide.shapes if sh.has_text_frame)
    assert ANSWER in on_slide and "Whisper" not in on_slide  # never projected
    assert SECRET in slide.notes_slide.notes_text_frame.text
    run = next(
        r
        for sh in slide.shapes
        if sh.has_text_frame
        for p in sh.text_frame.paragraphs
        for r in p.runs
        if r.text == ANSWER
    )
    assert run._r.find(".//{http://schemas.openxmlformats.org/drawingml/2006/main}highlight") is not None
    student_slide = Presentation(str(student_deck)).slides[2]
    gap = [
        r
        for sh in student_slide.shapes
        if sh.has_text_frame
        for p in sh.text_frame.paragraphs
        for r in p.runs
        if r.text and not r.text.strip("\u00a0")
    ]
    assert gap and len(gap[0].text) >= 2 * len(ANSWER) - 2  # about the answer's width
    assert SECRET not in student_slide.notes_slide.notes_text_frame.text


def test_check_proves_student_outputs_clean_and_catches_a_leak(lecture_dir, student, instructor):
    src, _ = lecture_dir
    out = student.parent
    build_slides(src, BuildOptions(out_dir=out), Diagnostics())
    shutil.copy(instructor, out / "lecture-instructor.pdf")
    check_outputs(src, BuildOptions(out_dir=out), Diagnostics())  # clean: no error raised
    leak = out.parent / "leak"
    leak.mkdir(exist_ok=True)
    shutil.copy(out / "lecture.pptx", leak / "lecture.pptx")
    shutil.copy(instructor, leak / "lecture-handout.pdf")  # the instructor's copy handed out by mistake
    diags = Diagnostics()
    with pytest.raises(BuildError):
        check_outputs(src, BuildOptions(out_dir=leak), diags)
    codes = [(d.code, d.pos.line if d.pos else 0, d.message) for d in diags.items]
    assert any(c == "check-variant" and ANSWER in msg and line == 11 for c, line, msg in codes), codes
    assert any(c == "check-variant" and "instructor-only" in msg and line == 20 for c, line, msg in codes), (
        codes
    )


# --------------------------------------------------------------------------- layouts


@pytest.mark.parametrize("layout", ["notes", "article", "script"])
def test_reading_layouts_keep_every_slide_in_order(lecture_dir, layout):
    pdf, diags = _handout(lecture_dir, layout=layout)
    assert not diags.items
    read = read_handout(pdf, images=False)
    titles, text = read.titles, read.text
    assert [t for t in titles if re.match(r"\d+\.", t)] == SLIDE_TITLES
    assert "Say it slowly." in text  # notes in every reading layout
    if layout == "script":
        assert pdf.name == "lecture-instructor.pdf"  # a script is the lecturer's
        assert SECRET in text.replace("\n", " ")
    if layout == "article":
        assert "A student reading alone needs this explanation." in text  # handout text as prose
        # slide numbers sit in the margin, left of the headings
        reader = PdfReader(str(pdf))
        xs = []
        page = next(
            p
            for p in reader.pages
            if "Concepts" in p.extract_text() and "Gap fills 3" not in p.extract_text()
        )
        page.extract_text(visitor_text=lambda t, cm, tm, fd, fs: xs.append((t.strip(), tm[4])))
        heading = next(x for t, x in xs if t.startswith("Concepts"))
        assert any(t == "3" and x < heading for t, x in xs), xs


@pytest.mark.parametrize("per_page", [1, 2, 3, 4, 6, 9])
def test_grid_puts_n_slides_a_page_in_order(lecture_dir, per_page):
    pdf, _ = _handout(lecture_dir, layout="grid", per_page=per_page)
    reader = PdfReader(str(pdf))
    assert len(reader.pages) == math.ceil(len(SLIDE_TITLES) / per_page)
    titles = read_handout(pdf, images=False).titles
    assert [t for t in titles if re.match(r"\d+\.", t)] == SLIDE_TITLES
    first = squashed(reader.pages[0].extract_text())
    assert "Gapfills" in first
    if per_page >= 3:
        assert "Concepts" in first
    if per_page == 1:  # one slide a page: landscape
        box = reader.pages[0].mediabox
        assert box.width > box.height
    assert "Say it slowly." not in "".join(p.extract_text() for p in reader.pages)  # slides only


def test_front_matter_handout_settings_and_bad_values(tmp_path):
    src = write_md(
        tmp_path, TEXT.replace("date: 2026-11-26", "date: 2026-11-26\nhandout: {layout: grid, per-page: 4}")
    )
    pdf = build_handout(src, BuildOptions(out_dir=tmp_path / "out"), Diagnostics())
    assert len(PdfReader(str(pdf)).pages) == 2
    diags = Diagnostics()
    parse_lecture("---\ntitle: x\nhandout: {layout: poster, per-page: 5}\n---\n\n## A\n\nb\n", "t.md", diags)
    msgs = [d.format() for d in diags.items]
    assert any("t.md:3:" in x and "poster" in x and "handout-option" in x for x in msgs), msgs
    assert any("per-page" in x and "5" in x for x in msgs), msgs


# --------------------------------------------------------------------------- accessibility


def _walk(node, found, reader):
    node = node.get_object() if hasattr(node, "get_object") else node
    if isinstance(node, list):
        for k in node:
            _walk(k, found, reader)
        return
    if not hasattr(node, "get"):
        return
    tag = node.get("/S")
    if tag is not None:
        found.append((str(tag), node))
    kids = node.get("/K")
    if kids is not None:
        _walk(kids, found, reader)


def structure(pdf):
    reader = PdfReader(str(pdf))
    root = reader.trailer["/Root"]
    found: list = []
    _walk(root["/StructTreeRoot"]["/K"], found, reader)
    return reader, root, found


def test_a_picture_without_alt_text_is_one_warning_at_its_line(tmp_path, cli):
    """The reader says it at the picture's line; WeasyPrint's PDF/UA complaint about the same
    picture (which names only its URL) is not printed a second time."""
    from PIL import Image

    Image.new("RGB", (40, 30), "red").save(tmp_path / "pic.png")
    src = write_md(tmp_path, "---\ntitle: Alt\n---\n\n## A picture\n\n![](pic.png)\n\n- text\n")
    result = cli("all", src, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.stderr
    about = [line for line in result.stderr.splitlines() if "pic.png" in line]
    assert len(about) == 1 and "lecture.md:7:" in about[0] and "[no-alt]" in about[0], result.stderr


@pytest.mark.parametrize("which", ["student", "article", "slides"])
def test_tagged_pdf_ua_structure(lecture_dir, student, which):
    if which == "student":
        pdf = student
    elif which == "article":
        pdf = _handout(lecture_dir, layout="article")[0]
    else:
        src, out = lecture_dir
        pdf = build_slides_pdf(src, BuildOptions(out_dir=out / "slides"), Diagnostics())
    reader, root, found = structure(pdf)
    assert str(root["/Lang"]) == "en"
    assert root["/MarkInfo"]["/Marked"] in (True, "true") or str(root["/MarkInfo"]["/Marked"]) == "true"
    assert "pdfuaid" in reader.xmp_metadata.stream.get_data().decode("utf-8", "replace")
    assert str(reader.metadata.get("/Title")) == "Gap fills"
    figures = [n for tag, n in found if tag == "/Figure"]
    assert figures, "charts, equations and pictures are tagged figures"
    assert all(str(n.get("/Alt", "")).strip() for n in figures), [n.get("/Alt") for n in figures]
    alts = [str(n["/Alt"]) for n in figures]
    assert any("E = mc^2" in a for a in alts)  # equations: their TeX
    chart = next(a for a in alts if a.startswith("Column chart"))
    assert parse_chart_alt(chart) == {"Millions": [("2019", 79.5), ("2020", 82.4), ("2021", 89.3)]}
    levels = [int(tag[2]) for tag, _ in found if re.fullmatch(r"/H[1-6]", tag)]
    assert levels and levels[0] == 1
    for before, after in zip(levels, levels[1:]):
        assert after <= before + 1, levels  # headings never skip a level


def test_bookmarks_nest_slides_under_sections(student):
    outline = PdfReader(str(student)).outline
    top = [str(o.title) for o in outline if not isinstance(o, list)]
    assert top == ["1. Gap fills", "2. First part", "5. Second part"]
    nested = [o for o in outline if isinstance(o, list)]
    assert [str(o.title) for o in nested[0]] == ["3. Concepts", "4. Numbers"]


# --------------------------------------------------------------------------- slides PDF


@pytest.mark.parametrize("template,size", [("default", (960, 540)), ("classic", (720, 540))])
def test_slides_pdf_one_slide_a_page_at_slide_size(lecture_dir, template, size):
    src, out = lecture_dir
    pdf = build_slides_pdf(
        src, BuildOptions(out_dir=out / f"sp-{template}", template=template), Diagnostics()
    )
    assert pdf.name == "lecture-slides.pdf"
    reader = PdfReader(str(pdf))
    assert len(reader.pages) == len(SLIDE_TITLES)
    for page, title in zip(reader.pages, SLIDE_TITLES):
        box = page.mediabox
        assert (round(float(box.width)), round(float(box.height))) == size
        assert squashed(title.split(". ", 1)[1]) in squashed(page.extract_text())
    text = "".join(p.extract_text() for p in reader.pages)
    assert ANSWER not in text and "Whisper" not in text  # the student's version by default
    assert "Ask what the blank" not in text  # no notes on slides
    assert [str(o.title) for o in reader.outline] == SLIDE_TITLES


def test_theme_logo_on_deck_and_slides_pdf(tmp_path):
    from PIL import Image

    folder = tmp_path / "uni"
    folder.mkdir()
    Image.new("RGB", (200, 100), (200, 30, 40)).save(folder / "logo.png")
    (folder / "theme.yaml").write_text(
        "extends: default\nlogo: logo.png\nlogo-position: top-right\n", encoding="utf-8"
    )
    src = write_md(tmp_path, TEXT)
    deck = build_slides(src, BuildOptions(out_dir=tmp_path / "out", template=str(folder)), Diagnostics())
    prs = Presentation(str(deck))
    for slide in prs.slides:
        logos = [sh for sh in slide.shapes if sh.name == "Logo"]
        assert len(logos) == 1
        assert logos[0].left > prs.slide_width / 2 and logos[0].top < prs.slide_height / 4  # top right
    diags = Diagnostics()
    pdf = build_slides_pdf(src, BuildOptions(out_dir=tmp_path / "out", template=str(folder)), diags)
    assert not [d for d in diags.items if d.code == "accessibility"]  # the logo has alt text
    for page in PdfReader(str(pdf)).pages:
        assert page["/Resources"].get("/XObject"), "a picture (the logo) on every page"


def test_slides_pdf_via_libreoffice(lecture_dir, soffice):
    src, out = lecture_dir
    pdf = build_slides_pdf(src, BuildOptions(out_dir=out / "lo", via="libreoffice"), Diagnostics())
    reader = PdfReader(str(pdf))
    assert len(reader.pages) == len(SLIDE_TITLES)
    record = read_from_pdf(reader)  # what it was built from, written in after LibreOffice
    assert record is not None and record.kind == "slides-pdf" and record.options["variant"] == "student"
    assert ANSWER not in "".join(p.extract_text() for p in reader.pages)


# --------------------------------------------------------------------------- labels


def test_every_language_has_every_label():
    for code, words in LABELS.items():
        assert set(words) == set(LABELS["en"]), code
    assert labels_for("ja-JP")["contents"] == "目次"
    assert labels_for("pt", {"pt": {"contents": "Sumário"}})["contents"] == "Sumário"
    assert labels_for("xx")["contents"] == "Contents"


def test_japanese_lecture_gets_japanese_words(tmp_path):
    src = write_md(tmp_path, TEXT.replace("date: 2026-11-26", "date: 2026-11-26\nlang: ja"))
    pdf = build_handout(src, BuildOptions(out_dir=tmp_path / "out", variant="instructor"), Diagnostics())
    text = "\n".join(pages(pdf))
    for word in ("目次", "スライド 3", "講師用", "解説"):
        assert word in text, word
    assert (
        "contents" not in text.lower()
        and "speaker notes" not in text.lower()
        and "instructor only" not in text.lower()
    )


def test_template_adds_a_language(tmp_path):
    folder = tmp_path / "pt"
    folder.mkdir()
    (folder / "theme.yaml").write_text(
        "extends: default\nlabels:\n  pt: {contents: Sumário, slide: Diapositivo}\n", encoding="utf-8"
    )
    src = write_md(tmp_path, TEXT.replace("date: 2026-11-26", "date: 2026-11-26\nlang: pt-BR"))
    pdf = build_handout(src, BuildOptions(out_dir=tmp_path / "out", template=str(folder)), Diagnostics())
    text = "\n".join(pages(pdf))
    assert "Sumário" in text and "diapositivo 3" in text.lower()


# --------------------------------------------------------------------------- the default lecture end to end


def test_default_lecture_all_variants(default_built):
    # `all` built the deck, both handouts and the slides PDF and checked them (which includes: no
    # answer or instructor text for students)
    assert default_built.messages == []
    stu, ins = default_built.handout, default_built.instructor
    s, i = "\n".join(pages(stu)), "\n".join(pages(ins))
    assert "Allow about ten minutes" in i.replace("\n", " ") and "Allow about ten" not in s
    assert "protects each person" in i.replace("\n", " ")
    assert "protects each person" not in s.replace("\n", " ")


def test_the_contents_give_the_page_each_slide_starts_on(default_built):
    """Every slide row of the contents (number, title, page) names the page its anchor is on, as
    poppler lays the page out for a reader; and the instructor's shared layout gives the same."""
    for pdf in (default_built.handout, default_built.instructor):
        anchors = read_handout(pdf, images=False).anchors
        text = subprocess.run(
            ["pdftotext", "-layout", "-f", "2", "-l", "3", str(pdf), "-"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        rows = re.findall(r"^\s+(\d+)\s{2,}(\S.*?)\s{2,}(\d+)\s*$", text, re.M)
        assert len(rows) >= 20, text
        for number, title, page in rows:
            assert int(page) == anchors[f"slide-{number}"] + 1, (number, title, page)


def test_every_bullet_of_the_slides_pdf_is_drawn_beside_its_line(tmp_path):
    """The slide drawings' bullets (a disc, a dash for a nested item: pictures behind the list items)
    are seen on the page in the accent colour, just left of the first word of each item, on its line."""
    import pypdfium2 as pdfium

    src = write_md(
        tmp_path,
        "---\ntitle: Bullets\n---\n\n## Three points\n\n- Alpha first\n- Bravo second\n"
        "    - Charlie nested\n- Delta last\n",
    )
    pdf = build_slides_pdf(src, BuildOptions(out_dir=tmp_path / "out"), Diagnostics())
    last = len(PdfReader(str(pdf)).pages)
    doc = pdfium.PdfDocument(str(pdf))
    try:
        scale = 2  # pixels a point
        image = doc[last - 1].render(scale=scale).to_pil().convert("RGB")
    finally:
        doc.close()
    words = subprocess.run(
        ["pdftotext", "-bbox", "-f", str(last), str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout

    for first in ("Alpha", "Bravo", "Charlie", "Delta"):
        found = re.search(rf'xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">{first}<', words)
        assert found, first
        x, y0, y1 = (float(v) for v in found.groups())
        assert accent_pixels(image, scale, x - 25, x - 1, y0, y1) >= 6, (
            first
        )  # its bullet, beside it on its line


def test_the_handout_numbers_slides_as_the_deck_does_when_one_is_split(tmp_path):
    """A slide too full for one slide continues on the next; the deck's slide numbers count the parts,
    and the handout's labels, contents and bookmarks (and the slides PDF's) use the same numbers."""
    many = "\n".join(
        f"- Point number {k} with enough words to need a whole line of its own here" for k in range(40)
    )
    src = write_md(
        tmp_path,
        f"---\ntitle: Parts\n---\n\n## Long\n\n{many}\n\n## After\n\n- The end\n\n::: notes\nClosing words.\n:::\n",
    )
    result = pipeline_build(src, BuildOptions(out_dir=tmp_path / "out"), ALL, check=True, force=True)
    assert result.status == "built" and result.checked, [d.format() for d in result.diagnostics.items]
    titles = [
        s.shapes.title.text_frame.text if s.shapes.title else ""
        for s in Presentation(str(tmp_path / "out" / "lecture.pptx")).slides
    ]
    assert len(titles) >= 4 and titles[-1] == "After"  # the title slide, Long in two parts or more, After
    after = len(titles)
    text = subprocess.run(
        ["pdftotext", "-layout", str(tmp_path / "out" / "lecture-handout.pdf"), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert re.search(rf"^\s+{after}\s{{2,}}After\s{{2,}}\d+\s*$", text, re.M), text  # the contents
    assert re.search(rf"SLIDE {after}: AFTER", text.upper()), text  # the label beside its notes
    for pdf in ("lecture-handout.pdf", "lecture-slides.pdf"):
        outline = [o.title for o in PdfReader(str(tmp_path / "out" / pdf)).outline if not isinstance(o, list)]
        assert f"{after}. After" in outline, outline


def test_the_slides_pdf_sets_code_in_the_decks_size(tmp_path):
    """Code is drawn in the points the deck's fitter chose (it was 0.6 of the body's size: a third of
    the deck's on a slide with a picture beside it)."""
    from .drawn import pages

    src = write_md(
        tmp_path,
        "---\ntitle: Code\n---\n\n## Loop\n\nSome words before the code.\n\n"
        "```c\nfor (int i = 0; i < n; i++) {\n    total += values[i];\n}\n```\n",
    )
    deck = build_slides(src, BuildOptions(out_dir=tmp_path / "out"), Diagnostics())
    sizes = {
        r.font.size.pt
        for sh in Presentation(str(deck)).slides[-1].shapes
        if sh.has_text_frame and "total" in sh.text_frame.text
        for p in sh.text_frame.paragraphs
        for r in p.runs
        if r.font.size is not None
    }
    assert len(sizes) == 1
    (deck_pt,) = sizes
    pdf = build_slides_pdf(src, BuildOptions(out_dir=tmp_path / "out"), Diagnostics())
    _, _, words = pages(pdf)[-1]
    (word,) = [w for w in words if w.text == "total"]
    drawn_pt = (word.x1 - word.x0) / (5 * 0.602)  # five advances of DejaVu Sans Mono: 0.602 em each
    assert abs(drawn_pt - deck_pt) < 0.05 * deck_pt, (deck_pt, drawn_pt)


def test_missing_pictures_side_by_side_are_drawn_apart_and_on_the_slide(tmp_path):
    """Each missing picture is a box where the picture would be; side by side, the boxes (and their
    long file names, wrapped) neither overlap nor run off the slide."""
    from .drawn import pages

    src = write_md(
        tmp_path,
        "---\ntitle: Missing\n---\n\n## Three\n\n:::: columns\n::: {.column width=50%}\n"
        "![](assets/some/long/folder/first-picture.png){width=90%}\n:::\n::: {.column width=50%}\n"
        "![](assets/some/long/folder/second-picture.png){width=90%}\n"
        "![](assets/some/long/folder/third-picture.png){width=50%}\n:::\n::::\n",
    )
    pdf = build_slides_pdf(src, BuildOptions(out_dir=tmp_path / "out"), Diagnostics())
    width, _, words = pages(pdf)[-1]
    starts = sorted((w for w in words if w.text == "missing"), key=lambda w: w.x0)
    assert len(starts) == 3
    for a, b in zip(starts, starts[1:]):
        assert a.x1 < b.x0
    assert all(0 <= w.x0 and w.x1 <= width for w in words)


def test_a_numbered_list_that_starts_at_five_is_numbered_from_five_in_every_output(tmp_path):
    src = write_md(
        tmp_path, "---\ntitle: Steps\n---\n\n## Later steps\n\n5. Fifth\n6. Sixth\n\n::: notes\nSaid.\n:::\n"
    )
    out = tmp_path / "out"
    result = pipeline_build(src, BuildOptions(out_dir=out), ALL, check=True, force=True)
    assert result.status == "built", [d.format() for d in result.diagnostics.items]
    for pdf in ("lecture-slides.pdf", "lecture-handout.pdf"):
        text = subprocess.run(
            ["pdftotext", str(out / pdf), "-"], capture_output=True, text=True, check=True
        ).stdout
        assert "5. Fifth" in text and "6. Sixth" in text and "1. Fifth" not in text, (pdf, text)


SMALL_TEXT = """---
title: Reading code
---

## Hand written SIMD

```cpp
template<int offsetRegs>
inline __m256 mul8(const float* p1, const float* p2)
{
    constexpr int lanes = offsetRegs * 8;
    const __m256 a = _mm256_loadu_ps(p1 + lanes);
    return a;
}
```

## Short

- Large enough to read
"""


def test_a_drawing_too_small_to_read_has_its_text_beside_it_in_print(tmp_path):
    """Code at the deck's 18 pt is about 5 pt in the handout's drawing: the notes layout gives the
    slide's text at a readable size under it; a slide whose drawing reads well gets nothing."""
    from .drawn import pages

    src = write_md(tmp_path, SMALL_TEXT)
    result = run_cli("handout", src, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.output
    words = [w for _w, _h, ws in pages(tmp_path / "out" / "lecture-handout.pdf") for w in ws]
    sizes = sorted(w.y1 - w.y0 for w in words if w.text.startswith("offsetRegs"))
    assert len(sizes) >= 2 and sizes[0] < 6.5 and sizes[-1] >= 8.0  # in the drawing, then readable
    assert [w.text for w in words].count("ON") == 1  # its label once: none for the short slide


def test_a_footnote_the_slide_does_not_cite_goes_with_the_text_that_cites_it(tmp_path):
    """Footnotes cited in the notes or the handout text are not drawn at the slide's foot (where no mark
    refers to them): the notes' one under the speaker notes, both under the slide's text in the handout."""
    src = write_md(
        tmp_path,
        "---\ntitle: F\n---\n\n## Slide\n\n- A point[^2]\n\n::: handout\nMore detail for readers.[^1]\n:::\n\n"
        "::: notes\nSay this.[^3]\n:::\n\n[^1]: Source: a long report.\n[^2]: On the slide note.\n"
        "[^3]: From the notes.\n",
    )
    result = run_cli("all", str(src), "-o", str(tmp_path / "out"))
    assert result.exit_code == 0, result.output
    assert "deck and handout agree" in result.output
    slide = Presentation(str(tmp_path / "out" / "lecture.pptx")).slides[1]
    texts = [sh.text_frame.text for sh in slide.shapes if sh.has_text_frame]
    assert "1. On the slide note." in texts
    assert not any("long report" in t or "From the notes" in t for t in texts)
    assert slide.notes_slide.notes_text_frame.text.endswith("2. From the notes.")
    drawn = subprocess.run(
        ["pdftotext", "-f", "2", "-l", "2", str(tmp_path / "out" / "lecture-slides.pdf"), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "On the slide note" in drawn and "long report" not in drawn
    handout = subprocess.run(
        ["pdftotext", str(tmp_path / "out" / "lecture-handout.pdf"), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    after = handout.split("More detail for readers.")[1]
    assert "2. From the notes." in after and "3. Source: a long report." in after


def test_template_words_for_a_region(tmp_path):
    # a theme may key words by a whole language tag ("pt-BR", "zh-TW"): they win over the language's own
    folder = tmp_path / "br"
    folder.mkdir()
    (folder / "theme.yaml").write_text(
        "extends: default\nlabels:\n  pt: {contents: Sumário, slide: Diapositivo}\n"
        "  pt-BR: {slide: Slide}\n  zh_tw: {contents: 課程大綱}\n",
        encoding="utf-8",
    )
    src = write_md(tmp_path, TEXT.replace("date: 2026-11-26", "date: 2026-11-26\nlang: pt-BR"))
    pdf = build_handout(src, BuildOptions(out_dir=tmp_path / "out", template=str(folder)), Diagnostics())
    text = "\n".join(pages(pdf))
    assert "Sumário" in text and "slide 3" in text.lower() and "diapositivo 3" not in text.lower()
    src = write_md(tmp_path, TEXT.replace("date: 2026-11-26", "date: 2026-11-26\nlang: zh-TW"), "tw.md")
    pdf = build_handout(src, BuildOptions(out_dir=tmp_path / "out", template=str(folder)), Diagnostics())
    assert "課程大綱" in "\n".join(pages(pdf))
