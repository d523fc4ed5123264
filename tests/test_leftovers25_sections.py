"""Sections as pandoc's beamer shows them: a subsection's slide a level below its section's (``slide-level:
3``), ``section-titles: false`` (the page header, a section's notes), the page header of a split slide's
"(cont.)" pages; pictures in speaker notes; remark's ``remark.create({source: …})``."""

from __future__ import annotations

from .conftest import built_all, write_md


def _pages(handout: str) -> list[str]:
    """The pages of a handout's text (``pdftotext -layout``)."""
    return handout.split("\f")


def _header(page: str) -> str:
    """A page's header line: its first line with words (the lecture's title, then the section)."""
    return next(line for line in page.split("\n") if line.strip())


def _title_size(slide) -> float | None:
    """The size (pt) the deck sets a slide's title in: its runs' own, else None (the layout's)."""
    sizes = {r.font.size for p in slide.shapes.title.text_frame.paragraphs for r in p.runs}
    return sizes.pop().pt if len(sizes) == 1 and None not in sizes else None


def _layout_title_size(slide) -> float:
    """The title size the slide's layout (or its master) gives."""
    from pptx.oxml.ns import qn

    for part in (slide.slide_layout, slide.slide_layout.slide_master):
        for ph in part.placeholders:
            if ph.placeholder_format.idx != 0 and part is slide.slide_layout:
                continue
            for tag in ("a:defRPr", "a:rPr"):
                for el in ph._element.iter(qn(tag)):
                    if el.get("sz"):
                        return int(el.get("sz")) / 100
        styles = part._element.find(qn("p:txStyles")) if part is slide.slide_layout.slide_master else None
        if styles is not None:
            for el in styles.find(qn("p:titleStyle")).iter(qn("a:defRPr")):
                if el.get("sz"):
                    return int(el.get("sz")) / 100
    raise AssertionError("no title size")


SLIDE_LEVEL_3 = """
---
title: Sections
slide-level: 3
---

# Chapter One

## Part A

### Slide one

- alpha

# Chapter Two

## Part B

### Slide three

- gamma
"""


def test_a_subsections_slide_is_drawn_a_level_below_its_sections(tmp_path):
    # `#` and `##` section slides looked the same: a subsection's title as large as a chapter's, its chapter
    # named nowhere on it
    prs, handout, err = built_all(write_md(tmp_path, SLIDE_LEVEL_3))
    slides = list(prs.slides)
    titles = [s.shapes.title.text_frame.text for s in slides]
    assert titles == [
        "Sections",
        "Chapter One",
        "Part A",
        "Slide one",
        "Chapter Two",
        "Part B",
        "Slide three",
    ]
    chapter, part = slides[1], slides[2]
    assert chapter.slide_layout.name == part.slide_layout.name == "Section Header"
    full = _title_size(chapter) or _layout_title_size(chapter)
    sub = _title_size(part)
    assert sub is not None and sub < full * 0.85, (sub, full)
    # the chapter it belongs to is named on the subsection's slide, and on no chapter's own slide
    body = [ph.text_frame.text for ph in part.placeholders if ph.placeholder_format.idx == 1]
    assert body == ["Chapter One"], body
    assert [ph.text_frame.text for ph in slides[5].placeholders if ph.placeholder_format.idx == 1] == [
        "Chapter Two"
    ]
    assert not [ph for ph in chapter.placeholders if ph.placeholder_format.idx == 1 and ph.text_frame.text]
    # the handout's entry for the subsection names the chapter under it, and the contents nest it
    entry = handout[handout.index("SLIDE 3") :]
    lines = [line.strip() for line in entry.split("\n") if line.strip()][:3]
    assert lines == ["SLIDE 3", "Part A", "Chapter One"], lines
    contents = handout[handout.index("Contents") : handout.index("\f", handout.index("Contents"))]
    indent = {
        w: next(len(x) - len(x.lstrip()) for x in contents.split("\n") if w in x)
        for w in ("Chapter One", "Part A")
    }
    assert indent["Part A"] > indent["Chapter One"]


def test_without_section_slides_the_page_header_still_names_the_section_and_its_notes_are_kept(tmp_path):
    # with `section-titles: false` the page header named no section (only a section slide set it), and a
    # `::: notes` right under the section's heading made a slide of its own, which pandoc does not make
    src = write_md(
        tmp_path,
        """
        ---
        title: Sections
        section-titles: false
        slide-level: 2
        ---

        # Chapter One

        ::: notes
        Say hello to chapter one.
        :::

        ## Slide one

        - alpha

        # Chapter Two

        ## Slide three

        - gamma
        """,
    )
    prs, handout, err = built_all(src)
    titles = [s.shapes.title.text_frame.text for s in prs.slides]
    assert titles == ["Sections", "Slide one", "Slide three"]
    notes = [s.notes_slide.notes_text_frame.text if s.has_notes_slide else "" for s in prs.slides]
    assert notes == ["", "Say hello to chapter one.", ""]
    assert (
        'lecture.md:9: warning: these notes follow the heading of section "Chapter One", which has no slide of '
        "its own ('section-titles: false'): they are the speaker notes of the first slide after it, slide 2 "
        '"Slide one" [notes-moved]'
    ) in err, err
    pages = _pages(handout)
    one = next(p for p in pages if "SLIDE 2: SLIDE ONE" in p)
    three = next(p for p in pages if "SLIDE 3: SLIDE THREE" in p)
    assert "Say hello to chapter one." in one
    if one is three:
        assert _header(one).split()[-2:] == ["Chapter", "One"], _header(one)
    else:
        assert _header(one).split()[-2:] == ["Chapter", "One"], _header(one)
        assert _header(three).split()[-2:] == ["Chapter", "Two"], _header(three)


def test_notes_of_a_last_section_without_slides_go_to_the_slide_before(tmp_path):
    src = write_md(
        tmp_path,
        """
        ---
        title: Sections
        section-titles: false
        slide-level: 2
        ---

        # Chapter One

        ## Slide one

        - alpha

        # Closing

        ::: notes
        Thank them.
        :::
        """,
    )
    prs, handout, err = built_all(src)
    assert [s.shapes.title.text_frame.text for s in prs.slides] == ["Sections", "Slide one"]
    assert prs.slides[1].notes_slide.notes_text_frame.text == "Thank them."
    assert "the slide before it (none follows), slide 2" in err and "[notes-moved]" in err, err


def test_the_page_header_of_a_split_slides_cont_page_names_its_own_section(tmp_path):
    # a page beginning with the "(cont.)" part of section Alpha's last slide, with section Beta's slide
    # later on it, was headed "Beta" (the first section slide on the page set the header)
    items = "\n".join(f"- Point number {i} about the first topic in some words" for i in range(1, 31))
    src = write_md(
        tmp_path,
        f"---\ntitle: Split\n---\n\n# Alpha\n\n## Long one\n\n{items}\n\n# Beta\n\n## Short\n\n- one\n",
    )
    prs, handout, err = built_all(src)
    titles = [s.shapes.title.text_frame.text for s in prs.slides]
    assert titles[2:5] == ["Long one", "Long one (cont.)", "Long one (cont.)"], titles
    pages = _pages(handout)
    for page in pages:
        entries = [line.strip() for line in page.split("\n") if line.strip().startswith("SLIDE ")]
        if entries and "(CONT.)" in entries[0]:
            assert _header(page).split()[-1] == "Alpha", (_header(page), entries)
        if entries and entries[0] == "SLIDE 7: SHORT":
            assert _header(page).split()[-1] == "Beta", (_header(page), entries)
    assert any("SLIDE 6" in p and "(CONT.)" in p for p in pages)  # (the case: Beta begins on a cont. page)


def test_a_picture_in_speaker_notes_is_warned_about_once_where_the_deck_leaves_it_out(tmp_path):
    # the handout drew the notes' picture and the deck's notes page (text only) silently had none
    import subprocess

    from PIL import Image

    Image.new("RGB", (40, 30), (200, 30, 30)).save(tmp_path / "pic.png")
    src = write_md(
        tmp_path,
        """
        ---
        title: Notes pictures
        ---

        ## A slide

        - alpha

        ::: notes
        Look at this:

        ![The red one](pic.png)
        :::
        """,
    )
    prs, handout, err = built_all(src)
    assert prs.slides[1].notes_slide.notes_text_frame.text == "Look at this:\nThe red one"
    warning = (
        "lecture.md:12: warning: picture 'pic.png' in the speaker notes is drawn in the handout's notes, but "
        'left out of the deck\'s notes, which hold text only (its caption "The red one" stands in its place) '
        "[notes-picture]"
    )
    assert err.count(warning) == 1, err  # (once, though the student and instructor versions are both planned)
    assert "deck and handout agree with the source" in err
    listed = subprocess.run(
        ["pdfimages", "-list", str(tmp_path / "out" / "lecture-handout.pdf")], capture_output=True, text=True
    ).stdout
    assert " 40    30 " in listed  # (drawn in the handout's notes)


REMARK_PAGE = """<!DOCTYPE html>
<html>
  <head><title>My deck</title></head>
  <body>
    <script src="https://remarkjs.com/downloads/remark-latest.min.js"></script>
    <script>
      var slideshow = remark.create({
        ratio: "16:9", // wide
        source: "class: center, middle\\n\\n# My deck\\n\\n---\\n\\n# Agenda\\n\\n- one\\n- it's \\"two\\"\\n\\n???\\n"
          + 'Say hi'
      });
    </script>
  </body>
</html>
"""


def test_a_remark_page_whose_slides_are_the_source_string_of_remark_create(tmp_path):
    # a page giving its Markdown as `remark.create({source: "…"})` was refused: "holds no slides"
    from .conftest import cli_deck

    src = tmp_path / "deck.html"
    src.write_text(REMARK_PAGE, encoding="utf-8")
    prs, err = cli_deck(src, tmp_path / "out")
    slides = list(prs.slides)
    assert [s.shapes.title.text_frame.text for s in slides] == ["My deck", "Agenda"]
    body = [sh.text_frame.text for sh in slides[1].placeholders if sh.placeholder_format.idx == 1]
    assert body == ['one\nit\'s "two"'], body
    assert slides[1].notes_slide.notes_text_frame.text == "Say hi"
    assert "deck.html:9: note: read as a remark.js page: its slides are the string" in err, err


def test_a_remark_template_string_in_a_script_file_and_a_computed_source(tmp_path):
    from .conftest import cli_deck, run_cli

    (tmp_path / "init.js").write_text(
        "var options = {\n  source: `# From the script\n\n---\n\n## Second\n\n- b`\n};\nremark.create(options);\n",
        encoding="utf-8",
    )
    page = tmp_path / "page.html"
    page.write_text(
        '<!DOCTYPE html>\n<html><body>\n<script src="remark-latest.min.js"></script>\n'
        '<script src="init.js"></script>\n</body></html>\n',
        encoding="utf-8",
    )
    prs, err = cli_deck(page, tmp_path / "out")
    assert [s.shapes.title.text_frame.text for s in prs.slides] == ["From the script", "Second"]
    assert "init.js:2: note: read as a remark.js page" in err, err
    computed = tmp_path / "computed.html"
    computed.write_text(
        "<!DOCTYPE html>\n<html><body>\n<script src='remark.js'></script>\n<script>\n"
        "remark.create({ source: parts.join('\\n---\\n') });\n</script>\n</body></html>\n",
        encoding="utf-8",
    )
    result = run_cli("slides", computed, "-o", tmp_path / "out2")
    assert result.exit_code == 1
    assert (
        "computed.html:5: error: this remark.js page's script builds its slides' Markdown "
        "(source: parts.join('\\n---\\n')), which Podium cannot read" in result.stderr
    ), result.stderr
    assert "[remark-page]" in result.stderr
