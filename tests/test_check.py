"""``check`` (podium.verify): it names the slide and the object that differ, and passes correct builds.

Mutation tests build the deck from one source and the handout from a copy that differs in one
object (or the other way round) and assert that ``check`` names the slide and that object.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PIL import Image

from podium import buildrecord
from podium.diagnostics import BuildError, Diagnostics
from podium.pipeline import ALL, BuildOptions
from podium.pipeline import build as pipeline_build
from podium.verify import check_outputs, read_handout, squash

from .conftest import CORPUS, HIP, LECTURE, build, corpus_lectures, run_cli, write_md

SOURCE = """
---
title: Mutations
---

## Three freedoms

- freedom from want
- freedom from fear
  - nested point here
- freedom to live in dignity

::: notes
Speak about the pillars first.
:::

::: handout
Students should read the 1994 report before the seminar.
:::

## Numbers

| Country | Aid | Rate |
|---------|-----|------|
| Japan   | 8   | $D_i$ |
| Norway  | 5   | $\\tau_i$ |

: Aid given per country

## Funding

```chart
type: column
title: Aid by year
categories: [2019, 2020, 2021]
series:
  ODA: [8, 7, 9]
```

## Picture

![The pillars drawn](pic.png){fig-alt="Three pillars holding a roof"}

## Formula

$$ E = mc^2 $$

Energy and mass[^1] are one.

[^1]: Einstein, 1905.

## Code

```python
def grow(x):
    return x + 1

print(grow(2))
```

See [the docs](https://docs.python.org/3/) on functions.
"""


def _picture(path: Path, colour: tuple[int, int, int]) -> None:
    Image.new("RGB", (40, 30), colour).save(path)


def _lecture(folder: Path, text: str = SOURCE, colour=(200, 30, 30)) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    _picture(folder / "pic.png", colour)
    return write_md(folder, text)


def _errors(src: Path, out: Path) -> list[str]:
    diags = Diagnostics()
    with pytest.raises(BuildError):
        check_outputs(src, BuildOptions(out_dir=out), diags)
    return [f"{d.message} [{d.code}]" for d in diags.errors]


@pytest.fixture(scope="module")
def base(tmp_path_factory):
    """The source, its deck and its handout, built once; each test copies the outputs it keeps."""
    root = tmp_path_factory.mktemp("check")
    src = _lecture(root / "src")
    out = root / "out"
    build(src, out, "slides")
    build(src, out, "handout")
    return src, out


def _outputs(base, tmp_path) -> Path:
    out = tmp_path / "out"
    shutil.copytree(base[1], out)
    return out


def test_the_unchanged_build_passes(base):
    src, out = base
    check_outputs(src, BuildOptions(out_dir=out), Diagnostics())


# (what changes in the copy, the slide named, words the message must hold)
MUTATIONS = [
    ("freedom from fear", "freedom from hunger", 'slide 2 "Three freedoms"', 'bullet "freedom from fear"'),
    (
        "Speak about the pillars first.",
        "Speak about the roof first.",
        'slide 2 "Three freedoms"',
        "speaker note",
    ),
    (
        "https://docs.python.org/3/",
        "https://docs.python.org/2/",
        'slide 7 "Code"',
        'link "the docs": handout opens "https://docs.python.org/2/" but source "https://docs.python.org/3/"',
    ),
    (
        "Students should read the 1994 report",
        "Students should read the 1995 report",
        'slide 2 "Three freedoms"',
        "handout text",
    ),
    ("| Norway  |", "| Sweden  |", 'slide 3 "Numbers"', 'table cell "Norway"'),
    ("ODA: [8, 7, 9]", "ODA: [7, 7, 9]", 'slide 4 "Funding"', 'series "ODA", 2019: handout 7 but source 8'),
    (
        'fig-alt="Three pillars holding a roof"',
        'fig-alt="Three pillars holding a tent"',
        'slide 5 "Picture"',
        'alt text "Three pillars holding a roof"',
    ),
    ("![The pillars drawn]", "![The columns drawn]", 'slide 5 "Picture"', 'caption "The pillars drawn"'),
    ("$$ E = mc^2 $$", "$$ E = mc^3 $$", 'slide 6 "Formula"', 'equation "E = mc^2"'),
    ("Einstein, 1905.", "Einstein, 1906.", 'slide 6 "Formula"', 'footnote 1 "Einstein, 1905."'),
]


@pytest.mark.parametrize("old,new,slide,words", MUTATIONS, ids=[m[3][:20] for m in MUTATIONS])
def test_a_handout_from_a_changed_copy_is_named(base, tmp_path, old, new, slide, words):
    src, _ = base
    out = _outputs(base, tmp_path)
    assert old in SOURCE
    copy = _lecture(tmp_path / "copy", SOURCE.replace(old, new))
    build(copy, out, "handout")
    errors = _errors(src, out)
    assert any(e.startswith(slide) and words in e for e in errors), errors
    assert any("built from different versions of lecture.md" in e for e in errors), errors


def test_a_picture_with_other_pixels_is_named(base, tmp_path):
    src, _ = base
    out = _outputs(base, tmp_path)
    copy = _lecture(tmp_path / "copy", SOURCE, colour=(30, 30, 200))
    build(copy, out, "handout")
    errors = _errors(src, out)
    assert (
        'slide 5 "Picture": picture pic.png: the handout shows a different picture [check-picture]' in errors
    )
    assert any("different versions of pic.png" in e for e in errors), errors


DECK_MUTATIONS = [
    (
        "freedom from fear",
        "freedom from hunger",
        'slide 2 "Three freedoms": bullet 2: deck "freedom from hunger" but source "freedom from fear" [check-text]',
    ),
    (
        "  - nested point here",
        "- nested point here",
        'slide 2 "Three freedoms": bullet 3 "nested point here": deck level 1 but source level 2 [check-text]',
    ),
    (
        "| Norway  |",
        "| Sweden  |",
        'slide 3 "Numbers": table 1, row 3, column 1: deck "Sweden" but source "Norway" [check-table]',
    ),
    (
        ": Aid given per country",
        ": Aid promised per country",
        'slide 3 "Numbers": table 1: caption "Aid given per country" is missing from the deck [check-table]',
    ),
    (
        "ODA: [8, 7, 9]",
        "ODA: [8, 7, 10]",
        'slide 4 "Funding": chart 1 "Aid by year", series "ODA": deck [8, 7, 10] but source [8, 7, 9] [check-chart]',
    ),
    (
        "$$ E = mc^2 $$",
        "$$ E = mc^3 $$",
        'slide 6 "Formula": equation: deck "E = mc^3" but source "E = mc^2" [check-math]',
    ),
    (
        "https://docs.python.org/3/",
        "https://docs.python.org/2/",
        'slide 7 "Code": link "the docs": deck opens "https://docs.python.org/2/" but source '
        '"https://docs.python.org/3/" [check-link]',
    ),
    (
        "    return x + 1",
        "    return x + 2",
        'slide 7 "Code": code listing 1: line 2: deck "    return x + 2" but source "    return x + 1" [check-text]',
    ),
    (
        "    return x + 1",
        "  return x + 1",
        'slide 7 "Code": code listing 1: line 2: deck "  return x + 1" but source "    return x + 1" [check-text]',
    ),
    (
        "\nprint(grow(2))",
        "",
        'slide 7 "Code": code listing 1: line 4 "print(grow(2))" is missing from the deck [check-text]',
    ),
    (
        "Speak about the pillars first.",
        "Speak about the roof first.",
        'slide 2 "Three freedoms": speaker notes: deck "Speak about the roof first." but source "Speak about the '
        'pillars first." [check-notes]',
    ),
]


@pytest.mark.parametrize("old,new,message", DECK_MUTATIONS, ids=[m[2][:30] for m in DECK_MUTATIONS])
def test_a_deck_from_a_changed_copy_is_named(base, tmp_path, old, new, message):
    src, _ = base
    out = _outputs(base, tmp_path)
    copy = _lecture(tmp_path / "copy", SOURCE.replace(old, new))
    build(copy, out, "slides")
    assert message in _errors(src, out)


def test_a_deck_picture_with_other_pixels_is_named(base, tmp_path):
    src, _ = base
    out = _outputs(base, tmp_path)
    build(_lecture(tmp_path / "copy", SOURCE, colour=(0, 200, 0)), out, "slides")
    assert (
        "slide 5 \"Picture\": picture pic.png: the deck's picture is not the file's content [check-picture]"
        in _errors(src, out)
    )


def test_every_difference_is_reported_at_once(base, tmp_path):
    src, _ = base
    out = _outputs(base, tmp_path)
    changed = SOURCE.replace("freedom from fear", "freedom from hunger").replace(
        "ODA: [8, 7, 9]", "ODA: [8, 6, 9]"
    )
    build(_lecture(tmp_path / "copy", changed), out, "handout")
    errors = _errors(src, out)
    assert any(e.startswith('slide 2 "Three freedoms"') for e in errors)
    assert any(e.startswith('slide 4 "Funding"') for e in errors)


def test_outputs_built_with_other_options_are_reported_plainly(base, tmp_path, cli):
    src, _ = base
    out = _outputs(base, tmp_path)
    assert cli("slides", src, "-o", out, "--slide-level", "1").exit_code == 0
    r = cli("check", src, "-o", out)
    assert r.exit_code == 1
    assert "the deck was built with --slide-level 1, the handout with the default 2 [check-build]" in r.stderr
    assert r.stderr.count("error:") == 1, r.stderr  # not twenty consequences of it


def test_check_reads_the_options_the_outputs_were_built_with(tmp_path, cli):
    src = _lecture(tmp_path / "src")
    out = tmp_path / "out"
    for what in ("slides", "handout"):
        assert cli(what, src, "-o", out, "--slide-level", "1").exit_code == 0
    r = cli("check", src, "-o", out)
    assert r.exit_code == 0, r.stderr


def test_the_build_record_is_in_both_outputs(base):
    src, out = base
    deck = buildrecord.read_from_pptx(out / "lecture.pptx")
    pdf = read_handout(out / "lecture-handout.pdf", images=False).record
    assert deck is not None and pdf is not None
    assert deck.source_hash == pdf.source_hash == buildrecord.file_hash(src)
    assert deck.options["slide_level"] == 2 and deck.options["template"] == "default"
    assert {"lecture.md", "pic.png", "default/deck.pptx", "default/theme.yaml"} <= set(deck.files)
    assert deck.files["course.yaml"] is None  # looked for, missing: adding it later rebuilds
    assert deck.podium and deck.kind == "deck" and pdf.kind == "handout"
    assert pdf.options["variant"] == "student" and pdf.options["layout"] == "notes"
    assert pdf.files == deck.files  # one reading: the same files with the same hashes


AWKWARD = """
---
title: Awkward
---

# {transition="zoom"}

## Content after an empty heading

Text here.

## Slides-only table

::: slides
| a | b |
|---|---|
| 1 | 2 |
:::

## Scripts

- party 🎉 time
- 日本語のテキストはここにあります
- café naïve coöperation (combining: cafe\u0301)
- العربية نص
- ﬁnancial ligature

## Long notes

Body.

::: notes
party 🎉 time, and العربية 🎉 نص (emoji and right-to-left text in the notes: no false alarm)

{notes}
:::
"""


@pytest.mark.parametrize("template", ["default", "classic"])
def test_no_false_alarms_on_awkward_content(tmp_path, template):
    notes = " ".join(
        f"Sentence {i} of a long speaker note that must cross a page break in the handout."
        for i in range(120)
    )
    src = write_md(tmp_path, AWKWARD.replace("{notes}", notes))
    out = tmp_path / "out"
    build(src, out, "slides", template=template)
    build(src, out, "handout", template=template)
    check_outputs(src, BuildOptions(out_dir=out), Diagnostics())


def test_no_false_alarm_on_the_default_lecture_with_the_classic_template(classic_built):
    assert classic_built.messages == []  # `all` checked the staged outputs
    check_outputs(LECTURE, BuildOptions(out_dir=classic_built.out), Diagnostics())  # and `check` the written


@pytest.mark.skipif(not corpus_lectures(), reason="the corpus (../shared/corpus) is not here")
def test_no_false_alarm_on_the_corpus(corpus_built):
    failures = []
    for src, built in corpus_built.items():
        if src == HIP:
            continue  # built and checked by tests/test_end_to_end.py
        if built.handout is None:
            continue  # a deck Podium refuses to build is the reader's business, not check's
        diags = Diagnostics()
        try:
            check_outputs(src, BuildOptions(out_dir=built.out), diags)
        except BuildError:
            failures += [f"{src.relative_to(CORPUS)}: {d.message}" for d in diags.errors]
    assert failures == []


def test_squash_ignores_what_pdf_text_extraction_changes():
    assert squash("ﬁnancial secu-\nrity") == squash("financial security")
    assert squash("party 🎉 time") == squash("party time")
    assert squash("cafe\u0301") == squash("café")
    assert squash("“quoted”") == squash('"quoted"')
    # beside right-to-left text a PDF holds "(" as the mirrored glyph ")", in visual order
    assert squash("and العربية 🎉 نص (emoji)") == squash("and نص 🎉 العربية) emoji)")
    assert squash("a (b)") != squash("a [b]")


def test_a_picture_the_deck_cannot_draw_is_a_warning_not_a_false_alarm(tmp_path, cli):
    """A broken SVG is drawn as a placeholder box (warned at its line): `all` writes, `check` passes,
    and the slide's other picture is still compared by its pixels."""
    (tmp_path / "broken.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg"><rect', encoding="utf-8")
    _picture(tmp_path / "good.png", (30, 120, 200))
    src = write_md(
        tmp_path,
        "---\ntitle: Broken\n---\n\n## Two pictures\n\n![A broken drawing](broken.svg)\n\n![A good one](good.png)\n",
    )
    out = tmp_path / "out"
    r = cli("all", src, "-o", out)
    assert r.exit_code == 0, r.stderr
    assert "lecture.md:7: warning: picture 'broken.svg' cannot be drawn" in r.stderr, r.stderr
    assert "agree with the source" in r.stderr + r.stdout
    _picture(tmp_path / "good.png", (200, 30, 30))  # the drawable picture changes: check names it
    with pytest.raises(BuildError, match=r"picture good\.png: the deck's picture is not the file's content"):
        check_outputs(src, BuildOptions(out_dir=out), Diagnostics())


@pytest.mark.parametrize("orientation", [1, 6])
def test_a_photo_with_an_exif_orientation_passes_the_check(tmp_path, orientation):
    """WeasyPrint turns such a photo upright and encodes it again (lossy): the handout's pixels are not
    the file's, yet it is the same picture, and `all` must not refuse to write the lecture."""
    photo = Image.radial_gradient("L").convert("RGB").resize((240, 160))
    for x in range(0, 240, 7):  # detail a lossy encoder changes
        for y in range(0, 160, 5):
            photo.putpixel((x, y), ((x * 7) % 255, (y * 11) % 255, 90))
    exif = Image.Exif()
    exif[274] = orientation  # the EXIF orientation tag
    photo.save(tmp_path / "selene.jpg", quality=85, exif=exif.tobytes())
    src = write_md(tmp_path, "---\ntitle: T\n---\n\n## One\n\n![Selene](selene.jpg)\n\nSelene\n")
    result = pipeline_build(src, BuildOptions(out_dir=tmp_path / "out"), ALL, check=True)
    assert result.ok, [d.format() for d in result.diagnostics.items]
    assert not [d for d in result.diagnostics.items if d.code == "check-picture"]


def test_a_thumbnail_matches_a_photo_encoded_again_and_not_another_chart(tmp_path):
    """The fallback for re-encoded JPEGs must not let a different picture on the same ground pass."""
    from io import BytesIO

    from PIL import ImageDraw

    from podium.verify import same_thumbnail, thumbnail

    def chart(points):
        im = Image.new("RGB", (480, 320), "white")
        ImageDraw.Draw(im).line(points, fill=(30, 80, 160), width=3)
        return im

    one = chart([(20, 300), (240, 40), (460, 200)])
    other = chart([(20, 200), (240, 280), (460, 60)])
    again = BytesIO()
    one.save(again, "JPEG", quality=80)
    assert same_thumbnail(thumbnail(one), thumbnail(Image.open(again)))
    assert not same_thumbnail(thumbnail(one), thumbnail(other))
    assert not same_thumbnail(thumbnail(one), thumbnail(one.resize((480, 200))))  # another shape


def test_a_footnote_with_math_builds_and_checks(tmp_path):
    """A footnote's math was drawn as its TeX source in the slide drawings, so `check` failed the build
    ("equation X^\\top X is not in the handout") and nothing was written."""
    from .conftest import build_all, write_md

    src = write_md(
        tmp_path,
        "---\ntitle: T\n---\n\n## A\n\nText[^1] here.\n\n[^1]: Only when $X^\\top X$ is invertible.\n",
    )
    built = build_all(src, tmp_path / "out")
    assert not any("check-math" in x for x in built.messages), built.messages
    assert built.slides_pdf.is_file() and built.handout.is_file()


def test_text_after_columns_with_a_captioned_picture_is_not_called_changed(tmp_path):
    """The deck's boxes are read in the order they were made (the body first, the columns' boxes
    after), so a picture's caption stood where the paragraph after the columns was expected and
    `check` failed the build ("deck 'Galton's data' but source 'Galton, F. …'")."""
    from .conftest import build_all, write_md

    Image.new("RGB", (400, 300), (40, 120, 200)).save(tmp_path / "galton.png")
    src = write_md(
        tmp_path,
        """\
        ## Galton's question

        :::: {.columns}

        ::: {.column width="60%"}
        Francis Galton (1886) measured.

        - Tall parents
        :::

        ::: {.column width="40%"}
        ![Galton's data](galton.png){width="90%"}
        :::

        ::::

        Galton, F. (1886). Regression towards mediocrity in hereditary stature.
        """,
    )
    built = build_all(src, tmp_path / "out")
    assert not any("check-text" in x for x in built.messages), built.messages


def test_keycap_and_skin_tone_emoji_do_not_fail_a_good_build(tmp_path):
    # the font draws 1️⃣ as one picture, so the handout's text has no "1": the check called the slide's
    # text missing and the whole build was refused
    src = write_md(
        tmp_path,
        "---\ntitle: Keycaps\n---\n\n## Plan 1️⃣\n\n1️⃣ Sequences, 2️⃣ Selection, and 3️⃣ Loops\n\n"
        "- Well done 👍🏽 #️⃣ tags\n",
    )
    result = run_cli("all", str(src), "-o", str(tmp_path / "out"))
    assert result.exit_code == 0, result.output
    assert "deck and handout agree with the source" in result.output
    assert (tmp_path / "out" / "lecture-handout.pdf").exists()


def test_a_last_row_ended_by_a_row_break_is_typeset_and_math_shown_as_tex_does_not_fail_the_build(
    tmp_path,
):
    # `\\` before `\end{gathered}` made an empty last row of negative height: the deck showed the TeX,
    # and the check, counting it as an equation, refused the whole build
    src = write_md(
        tmp_path,
        "---\ntitle: M\n---\n\n## Karatsuba\n\n$$\n\\begin{gathered}\nz_0 = x_0 y_0 \\\\\n"
        "z_1 = x_1 y_0 + x_0 y_1\\\\\n\\end{gathered}\n$$\n\n## Empty rows\n\n"
        "$$\\begin{matrix} \\\\ \\\\ \\end{matrix}$$\n\nWords.\n",
    )
    result = run_cli("all", str(src), "-o", str(tmp_path / "out"))
    assert result.exit_code == 0, result.output
    assert "deck and handout agree with the source" in result.output
    said = [ln for ln in result.output.splitlines() if "could not be typeset" in ln]
    assert len(said) == 1 and "lecture.md:16:" in said[0]  # the empty matrix only, at its line
    from pptx import Presentation

    slide = Presentation(str(tmp_path / "out" / "lecture.pptx")).slides[1]
    drawn = slide.shapes._spTree.findall(
        ".//{*}Fallback//{*}pic/{*}nvPicPr/{*}cNvPr"
    )  # the equation's picture
    assert len(drawn) == 1 and "gathered" in drawn[0].get("descr")


def test_math_shown_as_its_tex_is_a_listing_as_tall_as_its_lines(tmp_path):
    # the TeX of an equation that cannot be typeset went into a box 0.6 in tall whatever its lines, and
    # ran over the text under it
    from pptx import Presentation

    tex = "\\begin{matrix}\n\\\\\n\\\\\n\\\\\n\\\\\n\\end{matrix}"
    src = write_md(tmp_path, f"---\ntitle: M\n---\n\n## Rows\n\n$$\n{tex}\n$$\n\n- after the math\n")
    result = run_cli("slides", str(src), "-o", str(tmp_path / "out"))
    assert result.exit_code == 0, result.output
    assert "could not be typeset; shown as TeX" in result.output
    slide = Presentation(str(tmp_path / "out" / "lecture.pptx")).slides[1]
    (shown,) = [s for s in slide.shapes if s.has_text_frame and "matrix" in s.text_frame.text]
    (after,) = [s for s in slide.shapes if s.has_text_frame and "after the math" in s.text_frame.text]
    assert len(shown.text_frame.paragraphs) == 6  # a line each, as written
    lines = shown.text_frame.paragraphs[0].runs[0].font.size
    assert shown.height >= 6 * lines and shown.top + shown.height <= after.top


def test_a_paragraph_of_lines_continued_on_more_slides_passes(tmp_path):
    """Pseudocode written as one paragraph of lines (each ending in a line break), too long for one
    slide, goes on on the next at a line break: each line is found in its own part of the handout."""
    lines = "\\\n".join(f"if $x_{{{k}}} > 0$ then move the block onto pile {k}" for k in range(1, 40))
    src = write_md(tmp_path, f"---\ntitle: P\n---\n\n## A long procedure\n\n{lines}\n")
    result = run_cli("all", src, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.output
    assert "deck and handout agree with the source" in result.output
