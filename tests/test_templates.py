"""Templates: the default, the bundled `classic` (4:3) and an awkward university-style deck.

Every deck test builds one small lecture (title, section, bullets on three levels, notes, two
columns, a table) against each of the three templates and reads the .pptx back with python-pptx.
The CLI tests drive ``build.py template list|inspect|new`` and the template errors through
Click's CliRunner; the handout tests read the PDF back with pypdf.
"""

from __future__ import annotations

import re
import shutil
import zipfile
from pathlib import Path

import pytest
import yaml
from pptx import Presentation
from pptx.enum.shapes import PP_PLACEHOLDER
from pypdf import PdfReader

from podium.deck.layouts import kind_of_layout
from podium.deck.plan import LAYOUT_NAMES
from podium.diagnostics import BuildError, Diagnostics
from podium.handout.html import render_html
from podium.pipeline import BuildOptions, load
from podium.template_folders import load_template
from podium.verify import read_handout

from .awkward import (
    EXTRA_PLACEHOLDER,
    LAYOUT_MAP,
    NO_FOOTER,
    PRIMARY,
    SAMPLE_TEXTS,
    UNMAPPED,
    make_awkward,
    make_deck,
)
from .conftest import ROOT, build, write_md
from .drawn import render

TEMPLATES = ("default", "classic", "awkward")
TITLE_TYPES = (PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.CENTER_TITLE)
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"

LECTURE = """
---
title: "Templates Test"
subtitle: "A small lecture"
author: "Dr. Test"
course: "Course X"
---

# Part one

## Bullets at three levels

- Level one alpha
  - Level two beta
    - Level three gamma
- Level one delta

::: notes
Notes for the bullet slide.
:::

## Two columns

:::: columns
::: column
Left column text
:::
::: column
Right column text
:::
::::

## A table

| Country | Score |
|---------|-------|
| Aland | 1 |
| Borduria | 2 |
"""

# (kind, title, texts that must appear on the slide besides the title)
SLIDES = [
    ("title", "Templates Test", ["A small lecture", "Dr. Test", "Course X"]),
    ("section", "Part one", []),
    (
        "content",
        "Bullets at three levels",
        ["Level one alpha", "Level two beta", "Level three gamma", "Level one delta"],
    ),
    ("two-content", "Two columns", ["Left column text", "Right column text"]),
    ("content", "A table", ["Country", "Score", "Aland", "1", "Borduria", "2"]),
]
PALETTE_PRIMARY = {"default": "1F4E79", "classic": "7B1E28", "awkward": PRIMARY.lstrip("#")}
FOOTER = {"default": "Templates Test", "classic": "Templates Test", "awkward": "Course X · Templates Test"}


def expected_layout(template: str, kind: str) -> str:
    if template == "awkward":
        return LAYOUT_MAP["title"] if kind == UNMAPPED else LAYOUT_MAP[kind]
    return LAYOUT_NAMES[kind]


# --------------------------------------------------------------------------- fixtures


@pytest.fixture(scope="module")
def awkward_dir(tmp_path_factory) -> Path:
    return make_awkward(tmp_path_factory.mktemp("tpl") / "awkward")


def template_ref(name: str, awkward_dir: Path) -> str:
    return str(awkward_dir) if name == "awkward" else name


@pytest.fixture(scope="module")
def decks(tmp_path_factory, awkward_dir):
    """The lecture built once per template: {template name: (deck path, diagnostics)}."""
    out = {}
    for name in TEMPLATES:
        folder = tmp_path_factory.mktemp(f"deck-{name}")
        src = write_md(folder, LECTURE)
        path, diags = build(src, folder / "out", "slides", template_ref(name, awkward_dir))
        assert not diags.has_errors(), [d.format() for d in diags.items]
        out[name] = path, diags
    return out


@pytest.fixture(scope="module", params=TEMPLATES)
def built(request, decks):
    """(template name, Presentation, deck path, diagnostics) of the lecture on each template."""
    path, diags = decks[request.param]
    return request.param, Presentation(str(path)), path, diags


@pytest.fixture(scope="module")
def drawn_by_libreoffice(decks, tmp_path_factory):
    """{template name: PDF}: the three decks converted by LibreOffice in one run."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        pytest.skip("LibreOffice (soffice) is not installed; CI installs libreoffice-impress")
    root = tmp_path_factory.mktemp("lo")
    named = {}
    for name, (path, _) in decks.items():
        named[name] = root / "in" / f"{name}.pptx"
        named[name].parent.mkdir(exist_ok=True)
        shutil.copy(path, named[name])
    pdfs = render(list(named.values()), root / "pdf", soffice)
    return {name: pdfs[deck] for name, deck in named.items()}


def slide_texts(slide) -> list[str]:
    """Every piece of text on the slide: text frames (paragraph by paragraph) and table cells."""
    out = []
    for shape in slide.shapes:
        if shape.has_text_frame:
            out += [p.text for p in shape.text_frame.paragraphs]
        if shape.has_table:
            out += [c.text for row in shape.table.rows for c in row.cells]
    return out


def placeholders_of(slide, *types):
    return [s for s in slide.placeholders if s.placeholder_format.type in types]


# --------------------------------------------------------------------------- the deck, per template


def test_slide_size_and_layouts_kept(built, awkward_dir):
    name, prs, _, _ = built
    ratio = prs.slide_width / prs.slide_height
    assert abs(ratio - (16 / 9 if name == "default" else 4 / 3)) < 0.01
    source = (
        awkward_dir / "deck.pptx" if name == "awkward" else ROOT / "podium" / "templates" / name / "deck.pptx"
    )
    tpl = Presentation(str(source))
    assert [lay.name for lay in prs.slide_layouts] == [lay.name for lay in tpl.slide_layouts]
    assert len(prs.slide_masters) == len(tpl.slide_masters)


def test_sample_slides_removed(built):
    _, prs, path, _ = built
    assert len(prs.slides) == len(SLIDES)
    everything = " ".join(t for s in prs.slides for t in slide_texts(s))
    for sample in SAMPLE_TEXTS:
        assert sample not in everything
    with zipfile.ZipFile(path) as z:  # no orphaned sample slide parts either
        slide_parts = [n for n in z.namelist() if re.match(r"ppt/slides/slide\d+\.xml$", n)]
    assert len(slide_parts) == len(SLIDES)


def test_titles_land_in_title_placeholders(built):
    _, prs, _, _ = built
    for slide, (_, title, _) in zip(prs.slides, SLIDES):
        shape = slide.shapes.title
        assert shape is not None, f"{title}: no title placeholder"
        assert shape.placeholder_format.type in TITLE_TYPES
        assert shape.text_frame.text == title


def test_layout_names_used(built):
    name, prs, _, diags = built
    used = [s.slide_layout.name for s in prs.slides]
    assert used == [expected_layout(name, kind) for kind, _, _ in SLIDES]
    fallbacks = [d.message for d in diags.warnings if d.code == "layout-fallback"]
    if name == "awkward":  # the one kind left out of the layouts map falls back, with a warning naming both
        assert fallbacks == [
            f"template has no '{LAYOUT_NAMES[UNMAPPED]}' layout; using '{LAYOUT_MAP['title']}'"
        ]
    else:
        assert fallbacks == []


def test_nothing_lost(built):
    _, prs, _, _ = built
    for slide, (_, title, texts) in zip(prs.slides, SLIDES):
        on_slide = slide_texts(slide)
        joined = "\n".join(on_slide)
        for text in texts:
            assert text in on_slide or text in joined, f"'{text}' missing on slide '{title}'"
    assert EXTRA_PLACEHOLDER not in [
        s.name for sl in prs.slides for s in sl.shapes
    ]  # unused: removed, not empty


def test_bullets_keep_levels_in_the_body_placeholder(built):
    _, prs, _, _ = built
    slide = prs.slides[2]
    bodies = placeholders_of(slide, PP_PLACEHOLDER.OBJECT, PP_PLACEHOLDER.BODY)
    assert len(bodies) == 1, [s.name for s in slide.shapes]
    levels = {p.text: p.level for p in bodies[0].text_frame.paragraphs}
    assert levels == {"Level one alpha": 0, "Level two beta": 1, "Level three gamma": 2, "Level one delta": 0}


def test_notes_present(built):
    _, prs, _, _ = built
    notes = [s.notes_slide.notes_text_frame.text if s.has_notes_slide else "" for s in prs.slides]
    assert notes == ["", "", "Notes for the bullet slide.", "", ""]


def test_two_columns_side_by_side(built):
    _, prs, _, _ = built
    slide = prs.slides[3]
    left = next(s for s in slide.shapes if s.has_text_frame and s.text_frame.text == "Left column text")
    right = next(s for s in slide.shapes if s.has_text_frame and s.text_frame.text == "Right column text")
    assert left.left + left.width <= right.left
    assert left.is_placeholder and right.is_placeholder  # the layout's two content placeholders


def test_table_header_takes_the_palette(built):
    name, prs, _, _ = built
    frame = next(s for s in prs.slides[4].shapes if s.has_table)
    table = frame.table
    assert [c.text for c in table.rows[0].cells] == ["Country", "Score"]
    assert [[c.text for c in r.cells] for r in list(table.rows)[1:]] == [["Aland", "1"], ["Borduria", "2"]]
    assert str(table.cell(0, 0).fill.fore_color.rgb) == PALETTE_PRIMARY[name]


def test_footers_and_slide_numbers_filled(built):
    name, prs, _, _ = built
    for number, slide in enumerate(prs.slides, start=1):
        footers = placeholders_of(slide, PP_PLACEHOLDER.FOOTER)
        numbers = placeholders_of(slide, PP_PLACEHOLDER.SLIDE_NUMBER)
        if number == 1 or (name == "awkward" and slide.slide_layout.name == NO_FOOTER):
            assert footers == [] and numbers == []  # title slide; a layout without footer placeholders
            continue
        assert [f.text_frame.text for f in footers] == [FOOTER[name]]
        assert len(numbers) == 1
        fields = numbers[0]._element.findall(f".//{A}fld")
        assert [f.get("type") for f in fields] == ["slidenum"]
        assert fields[0].findtext(f"{A}t") == str(number)


def test_all_shapes_within_the_slide(built):
    _, prs, _, _ = built
    w, h = prs.slide_width, prs.slide_height
    for number, slide in enumerate(prs.slides, start=1):
        for s in slide.shapes:
            assert s.left >= 0 and s.top >= 0, f"slide {number}: '{s.name}' starts off the slide"
            assert s.left + s.width <= w and s.top + s.height <= h, (
                f"slide {number}: '{s.name}' ends off the slide"
            )


def test_libreoffice_opens_the_deck(built, drawn_by_libreoffice):
    pdf = drawn_by_libreoffice[built[0]]
    assert pdf.is_file(), f"LibreOffice did not convert the {built[0]} deck"
    reader = PdfReader(str(pdf))
    assert len(reader.pages) == len(SLIDES)
    assert "Bullets at three levels" in reader.pages[2].extract_text()
    assert "Borduria" in reader.pages[4].extract_text()


# --------------------------------------------------------------------------- layouts: fallbacks and gaps


@pytest.mark.parametrize("name", TEMPLATES)
def test_layout_without_body_placeholder_still_gets_the_body(name, tmp_path, awkward_dir):
    """A title-only layout, through the theme's map or {layout="…"}: the body goes into a text box below the title."""
    parent = template_ref(name, awkward_dir)
    title_only = expected_layout(name, "title-only")
    child = tmp_path / "no-body"
    child.mkdir()
    (child / "theme.yaml").write_text(
        f'extends: "{parent}"\nlayouts:\n  content: "{title_only}"\n', encoding="utf-8"
    )
    src = write_md(
        tmp_path,
        """
        ---
        title: T
        ---

        ## Body without a placeholder

        - First point on a title-only layout
        - Second point

        ## Chosen by name {layout="LAYOUT"}

        - First point on a layout asked for by name
        - Second point
        """.replace("LAYOUT", title_only),
    )
    path, diags = build(src, tmp_path / "out", "slides", str(child))
    assert not diags.has_errors()
    assert not [d for d in diags.warnings if d.code in ("unknown-layout", "layout-fallback")]
    prs = Presentation(str(path))
    for slide, title, first in (
        (prs.slides[1], "Body without a placeholder", "First point on a title-only layout"),
        (prs.slides[2], "Chosen by name", "First point on a layout asked for by name"),
    ):
        assert slide.slide_layout.name == title_only
        assert slide.shapes.title.text_frame.text == title
        body = [s for s in slide.shapes if s.has_text_frame and "First point" in s.text_frame.text]
        assert len(body) == 1 and not body[0].is_placeholder
        assert [p.text for p in body[0].text_frame.paragraphs] == [first, "Second point"]
        assert body[0].top >= slide.shapes.title.top + slide.shapes.title.height
        assert (
            body[0].top + body[0].height <= prs.slide_height
            and body[0].left + body[0].width <= prs.slide_width
        )


def test_fallback_by_placeholders_when_no_name_matches(tmp_path):
    """The awkward deck without its theme: kinds are found by placeholders, each with a warning."""
    deck = make_deck(tmp_path / "university.pptx")
    src = write_md(tmp_path, LECTURE)
    path, diags = build(src, tmp_path / "out", "slides", str(deck))
    assert not diags.has_errors()
    prs = Presentation(str(path))
    assert len(prs.slides) == len(SLIDES)
    for slide, (_, title, texts) in zip(prs.slides, SLIDES):
        assert slide.shapes.title is not None and slide.shapes.title.text_frame.text == title
        for text in texts:
            assert text in slide_texts(slide)
    warned = [d.message for d in diags.warnings if d.code == "layout-fallback"]
    for kind in ("title", "section", "content", "two-content"):
        assert any(f"no '{LAYOUT_NAMES[kind]}' layout; using '" in w for w in warned), warned
    assert all("using '" in w for w in warned)


def test_potx_template(tmp_path, awkward_dir):
    folder = tmp_path / "potx"
    folder.mkdir()
    shutil.copy(awkward_dir / "theme.yaml", folder / "theme.yaml")
    with zipfile.ZipFile(awkward_dir / "deck.pptx") as zi, zipfile.ZipFile(folder / "deck.potx", "w") as zo:
        for item in zi.infolist():
            data = zi.read(item.filename)
            if item.filename == "[Content_Types].xml":
                data = data.replace(
                    b"presentationml.presentation.main+xml", b"presentationml.template.main+xml"
                )
            zo.writestr(item, data)
    src = write_md(tmp_path, LECTURE)
    path, diags = build(src, tmp_path / "out", "slides", str(folder))
    prs = Presentation(str(path))
    assert [s.shapes.title.text_frame.text for s in prs.slides] == [t for _, t, _ in SLIDES]


# --------------------------------------------------------------------------- selection and themes


def test_template_selection_order(tmp_path):
    """--template, then front matter `template:`, then content/course.yaml, then default."""

    def ratio(src, template=None):
        path, _ = build(src, tmp_path / "out", "slides", template)
        prs = Presentation(str(path))
        return round(prs.slide_width / prs.slide_height, 2)

    plain = write_md(tmp_path, "---\ntitle: T\n---\n\n## A\n\ntext\n", "plain.md")
    front = write_md(tmp_path, "---\ntitle: T\ntemplate: classic\n---\n\n## A\n\ntext\n", "front.md")
    assert ratio(plain) == 1.78  # default: 16:9
    assert ratio(front) == 1.33  # front matter: classic, 4:3
    assert ratio(front, "default") == 1.78  # --template wins over front matter
    (tmp_path / "course.yaml").write_text("template: classic\n", encoding="utf-8")
    assert ratio(plain) == 1.33  # course.yaml
    front_default = write_md(tmp_path, "---\ntitle: T\ntemplate: default\n---\n\n## A\n\ntext\n", "fd.md")
    assert ratio(front_default) == 1.78  # front matter wins over course.yaml


def test_extends_chain_and_css_colour_names(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "templates" / "mine").mkdir(parents=True)
    (tmp_path / "templates" / "mine" / "theme.yaml").write_text(
        "extends: classic\npalette:\n  accent: navy\nfonts:\n  body: Liberation Serif\n", encoding="utf-8"
    )
    t = load_template("mine", Diagnostics())
    assert [d.name for d in t.chain] == ["mine", "classic", "default"]
    assert t.palette["accent"] == "#000080"
    assert t.palette["primary"] == "#7B1E28"  # from classic
    assert t.fonts["body"] == "Liberation Serif" and t.fonts["heading"] == "Georgia"
    assert t.deck_path == ROOT / "podium" / "templates" / "classic" / "deck.pptx"


def test_unquoted_hex_colour_is_reported(tmp_path):
    folder = tmp_path / "unquoted"
    folder.mkdir()
    (folder / "theme.yaml").write_text("extends: default\npalette:\n  primary: #A01B2C\n", encoding="utf-8")
    diags = Diagnostics()
    try:
        load_template(str(folder), diags)
    except BuildError:
        pass
    assert any(d.pos is not None and d.pos.line == 3 and d.code == "bad-colour" for d in diags.items), (
        diags.items
    )


def test_palette_drives_deck_and_handout(tmp_path):
    folder = tmp_path / "red"
    folder.mkdir()
    (folder / "theme.yaml").write_text('extends: default\npalette:\n  primary: "#A01B2C"\n', encoding="utf-8")
    src = write_md(tmp_path, LECTURE)
    path, _ = build(src, tmp_path / "out", "slides", str(folder))
    table = next(s for s in Presentation(str(path)).slides[4].shapes if s.has_table).table
    assert str(table.cell(0, 0).fill.fore_color.rgb) == "A01B2C"
    assert str(table.cell(0, 1).fill.fore_color.rgb) == "A01B2C"
    diags = Diagnostics()
    lecture, template = load(src, BuildOptions(template=str(folder)), diags)
    html = render_html(lecture, template, diags)
    assert "--primary: #A01B2C;" in html
    # the default's primary is gone from the handout's own styles (the slide twins keep the deck's
    # design colours, which come from deck.pptx, so they look like the slides)
    assert "#1F4E79" not in html.split("<style>")[1] and "--primary: #1F4E79" not in html


# --------------------------------------------------------------------------- handout override


def test_handout_overrides_one_block(tmp_path):
    folder = tmp_path / "cover-only"
    (folder / "handout").mkdir(parents=True)
    (folder / "handout" / "handout.html.j2").write_text(
        '{% extends "base.html.j2" %}\n'
        '{% block cover %}<section class="cover">'
        "<h1>A COVER OF OUR OWN</h1><p>for {{ meta.title }}</p></section>{% endblock %}\n",
        encoding="utf-8",
    )
    src = write_md(tmp_path, LECTURE)
    pdf, diags = build(src, tmp_path / "out", "handout", str(folder))
    assert not diags.has_errors()
    reader = PdfReader(str(pdf))
    first = reader.pages[0].extract_text()
    assert "A COVER OF OUR OWN" in first and "for Templates Test" in first
    assert "Handout: every slide" not in first  # the default cover is replaced, not added to
    rest = "\n".join(p.extract_text() for p in reader.pages[1:])
    for _, title, _ in SLIDES[1:]:
        assert title in rest
    assert "Notes for the bullet slide." in rest and "Borduria" in rest
    outline = read_handout(pdf, images=False).titles  # slides nest under their section's bookmark
    assert outline == [f"{n}. {t}" for n, (_, t, _) in enumerate(SLIDES, start=1)]


# --------------------------------------------------------------------------- CLI: template list / inspect / new


@pytest.fixture
def project(tmp_path, monkeypatch):
    """An empty project folder as the current directory, with the default lecture's content/ copied in."""
    shutil.copytree(ROOT / "content", tmp_path / "content")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_cli_template_list(project, cli):
    (project / "templates" / "mine").mkdir(parents=True)
    (project / "templates" / "mine" / "theme.yaml").write_text("extends: classic\n", encoding="utf-8")
    (project / "templates" / "loop").mkdir()
    (project / "templates" / "loop" / "theme.yaml").write_text("extends: loop\n", encoding="utf-8")
    result = cli("template", "list")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert any(re.match(r"^mine\s+extends classic → default\s", line) for line in lines), lines
    assert any(re.match(r"^classic\s+extends default\s.*deck\.pptx$", line) for line in lines), lines
    assert any(re.match(r"^default\s+extends -\s", line) for line in lines), lines
    assert any(line.startswith("loop") and "BROKEN" in line and "extends itself" in line for line in lines), (
        lines
    )


def test_cli_inspect_awkward(project, awkward_dir, cli):
    shutil.copytree(awkward_dir, project / "templates" / "awk")
    result = cli("template", "inspect", "templates/awk/deck.pptx")
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "10.00 × 7.50 in (4:3)" in out
    assert "2 sample slide(s)" in out
    assert "layout map from templates/awk/theme.yaml" in out
    for name in LAYOUT_MAP.values():
        assert f'"{name}"' in out
    # the extra placeholder: idx, type, name and position in inches
    assert re.search(rf"\b13\s+BODY\s+{EXTRA_PLACEHOLDER}\s+0\.50\s+1\.45\s+9\.00\s+0\.35", out), out
    assert re.search(r"\b0\s+CENTER_TITLE\s+Title 1\s+0\.75\s+2\.33", out)
    assert re.search(r'content\s+→ "Titel und Inhalt"\s+\(by the theme\'s layouts map\)', out)
    assert re.search(
        r"section\s+→ \"Titelfolie\"\s+\(FALLBACK: no 'Section Header' layout; the layout for 'title'", out
    )
    assert re.search(r'"Titelfolie"\n\s+serves: title, section\s', out)
    # the only warning: the unmapped kind, at the theme's layouts: line
    layouts_line = (project / "templates/awk/theme.yaml").read_text().split("\n").index("layouts:") + 1
    assert result.stderr.splitlines() == [
        f"templates/awk/theme.yaml:{layouts_line}: warning: no layout for 'section' slides (pandoc's name: "
        "'Section Header'); 'Titelfolie' will be used (the layout for 'title'); name a layout for it in theme.yaml "
        "under layouts: section: … [layout-fallback]"
    ]


def test_cli_inspect_warns_for_a_misspelt_layout_in_the_map(project, awkward_dir, cli):
    shutil.copytree(awkward_dir, project / "templates" / "awk")
    theme = project / "templates" / "awk" / "theme.yaml"
    theme.write_text(
        theme.read_text(encoding="utf-8").replace("layouts:\n", 'layouts:\n  section: "Abschnit"\n'),
        encoding="utf-8",
    )
    result = cli("template", "inspect", "templates/awk/deck.pptx")
    assert result.exit_code == 0, result.output
    assert re.search(
        r"^templates/awk/theme\.yaml:\d+: warning: the theme's layouts map names a layout the deck does "
        r"not have \(section: 'Abschnit'\); layouts: .*Abschnitt.* \[unknown-layout\]$",
        result.stderr,
        re.M,
    ), result.stderr


def test_cli_inspect_default_deck_needs_no_fallback(project, cli):
    result = cli("template", "inspect", str(ROOT / "podium" / "templates" / "default" / "deck.pptx"))
    assert result.exit_code == 0, result.output
    assert "13.33 × 7.50 in (16:9)" in result.stdout
    for kind, name in LAYOUT_NAMES.items():
        assert re.search(rf'{kind}\s+→ "{name}"\s+\(by name\)', result.stdout)
    assert result.stderr == ""


def test_cli_inspect_bare_university_deck_warns_per_missing_kind(project, cli):
    make_deck(project / "university.pptx")
    result = cli("template", "inspect", "university.pptx")
    assert result.exit_code == 0, result.output
    warned = [line for line in result.stderr.splitlines() if "[layout-fallback]" in line]
    assert len(warned) == len(LAYOUT_NAMES)  # not one pandoc name in the deck
    assert all(line.startswith("university.pptx:1: warning: no layout for '") for line in warned)
    assert any("'section' slides (pandoc's name: 'Section Header')" in line for line in warned)


@pytest.mark.parametrize("content", [b"this is not a zip file", b"PK\x03\x04 broken"])
def test_cli_inspect_corrupt_deck(project, content, cli):
    (project / "bad.pptx").write_bytes(content)
    result = cli("template", "inspect", "bad.pptx")
    assert result.exit_code == 1
    assert re.search(
        r"^bad\.pptx:\d+: error: template deck cannot be opened as a PowerPoint file: .* \[bad-template\]$",
        result.stderr,
        re.M,
    ), result.stderr
    assert "Traceback" not in result.output


def test_cli_inspect_missing_deck(project, cli):
    result = cli("template", "inspect", "nowhere.pptx")
    assert result.exit_code == 1
    assert result.stderr.strip() == "error: template deck 'nowhere.pptx' does not exist [template]"


def test_cli_new_from_default_builds_a_lecture_that_checks(project, cli):
    result = cli("template", "new", "mine")
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == "created templates/mine"
    folder = project / "templates" / "mine"
    theme_text = (folder / "theme.yaml").read_text(encoding="utf-8")
    theme = yaml.safe_load(theme_text)
    assert theme["extends"] == "default"
    assert "# palette:" in theme_text and '#   primary:    "#1F4E79"' in theme_text
    assert "# fonts:" in theme_text and "palette" not in theme  # examples stay commented
    override = (folder / "handout" / "handout.html.j2").read_text(encoding="utf-8")
    assert '{% extends "base.html.j2" %}' in override and "{% block cover %}" in override
    assert "data-bookmark" not in override  # the title slide's bookmark is outside the cover block
    assert not (folder / "deck.pptx").exists()  # the deck comes from default
    listing = cli("template", "list").stdout
    assert re.search(r"^mine\s+extends default\s", listing, re.M)
    # the scaffold builds a lecture (sections, levels, notes, columns, a table), and `check` finds
    # deck and handout in agreement
    built = cli("all", _lecture(project), "--template", "mine", "-o", "out")
    assert built.exit_code == 0, built.output
    assert " error: " not in built.stderr
    assert "deck and handout agree with the source" in built.stderr
    first = PdfReader(str(project / "out" / "small-handout.pdf")).pages[0].extract_text()
    assert "Templates Test" in first and "Handout: every slide" not in first  # the scaffold's own cover


def test_cli_new_refuses_to_overwrite(project, cli):
    assert cli("template", "new", "mine").exit_code == 0
    theme = project / "templates" / "mine" / "theme.yaml"
    theme.write_text("extends: classic\n", encoding="utf-8")
    result = cli("template", "new", "mine")
    assert result.exit_code == 1
    assert result.stderr.strip() == (
        "error: templates/mine already exists; choose another name or remove the folder first [template-exists]"
    )
    assert theme.read_text(encoding="utf-8") == "extends: classic\n"
    shadow = cli("template", "new", "classic")  # would hide the bundled one
    assert shadow.exit_code == 1 and "a template called 'classic' already exists" in shadow.stderr
    assert not (project / "templates" / "classic").exists()


def test_cli_new_from_pptx(project, cli):
    make_deck(project / "university.pptx")
    result = cli("template", "new", "uni", "--from-pptx", "university.pptx")
    assert result.exit_code == 0, result.output
    folder = project / "templates" / "uni"
    assert (folder / "deck.pptx").is_file() and (folder / "handout" / "handout.html.j2").is_file()
    text = (folder / "theme.yaml").read_text(encoding="utf-8")
    theme = yaml.safe_load(text)
    assert theme["extends"] == "default"
    assert "guessed by `template new` from each" in text
    mapped = theme["layouts"]
    # unambiguous kinds are mapped to the deck's own names
    for kind in ("title", "comparison", "picture", "title-only", "blank"):
        assert mapped[kind] == LAYOUT_MAP[kind], mapped
    # every entry names a layout of the deck that looks like that kind (what `inspect` reports)
    layouts = {lay.name: lay for lay in Presentation(str(folder / "deck.pptx")).slide_layouts}
    for kind, name in mapped.items():
        assert kind_of_layout(layouts[name]) == kind
    # kinds no layout looks like are left out, with a comment and a warning
    for kind in LAYOUT_NAMES:
        if kind not in mapped:
            assert f"  # {kind}: no layout looks like pandoc's '{LAYOUT_NAMES[kind]}'" in text
            assert f"looks like pandoc's '{LAYOUT_NAMES[kind]}'" in result.stderr
    # the deck's own theme colours are offered (commented)
    assert '#   primary:    "#4F81BD"' in text
    # and the new template builds a lecture: sample slides gone, titles in place
    write_md(project / "content", LECTURE, "small.md")
    built = cli("slides", "content/small.md", "--template", "uni", "-o", "out")
    assert built.exit_code == 0, built.output
    prs = Presentation(str(project / "out" / "small.pptx"))
    assert [s.shapes.title.text_frame.text for s in prs.slides] == [t for _, t, _ in SLIDES]
    assert prs.slides[0].slide_layout.name == "Titelfolie"


def test_cli_new_from_pptx_with_pandoc_names_maps_nothing(project, cli):
    result = cli(
        "template",
        "new",
        "plain",
        "--from-pptx",
        str(ROOT / "podium" / "templates" / "classic" / "deck.pptx"),
    )
    assert result.exit_code == 0, result.output
    theme = yaml.safe_load((project / "templates" / "plain" / "theme.yaml").read_text(encoding="utf-8"))
    assert theme["layouts"] == {}
    assert result.stderr == ""


def test_cli_new_from_corrupt_pptx(project, cli):
    (project / "bad.pptx").write_bytes(b"not a deck")
    result = cli("template", "new", "uni", "--from-pptx", "bad.pptx")
    assert result.exit_code == 1
    assert "cannot be opened as a PowerPoint file" in result.stderr and "[bad-template]" in result.stderr
    assert not (project / "templates" / "uni").exists()


def test_cli_new_bad_name(project, cli):
    result = cli("template", "new", "../escape")
    assert result.exit_code == 1
    assert "cannot be a template name" in result.stderr
    assert not (project / "escape").exists() and not (project.parent / "escape").exists()


# --------------------------------------------------------------------------- CLI: template errors


def _lecture(project) -> str:
    write_md(project / "content", LECTURE, "small.md")
    return "content/small.md"


def test_cli_unknown_template_lists_the_known_ones(project, cli):
    result = cli("slides", _lecture(project), "--template", "nosuch", "-o", "out")
    assert result.exit_code == 1
    assert "error: unknown template 'nosuch' (templates found: classic, default) [template]" in result.stderr
    assert "Traceback" not in result.output


def test_cli_theme_extending_itself(project, cli):
    folder = project / "templates" / "loop"
    folder.mkdir(parents=True)
    (folder / "theme.yaml").write_text("# a loop\nextends: loop\n", encoding="utf-8")
    result = cli("slides", _lecture(project), "--template", "loop", "-o", "out")
    assert result.exit_code == 1
    assert re.search(
        r"^templates/loop/theme\.yaml:\d+: error: template 'loop' extends itself .*\[template-cycle\]$",
        result.stderr,
        re.M,
    ), result.stderr


def test_cli_jinja_syntax_error_names_file_and_line(project, cli):
    folder = project / "templates" / "broken" / "handout"
    folder.mkdir(parents=True)
    (folder / "handout.html.j2").write_text(
        '{% extends "base.html.j2" %}\n\n{% block cover %}<h1>{{ meta.title }</h1>{% endblock %}\n',
        encoding="utf-8",
    )
    result = cli("handout", _lecture(project), "--template", "broken", "-o", "out")
    assert result.exit_code == 1
    assert re.search(
        r"^templates/broken/handout/handout\.html\.j2:3: error: template syntax error: .*"
        r"\[template-syntax\]$",
        result.stderr,
        re.M,
    ), result.stderr
    assert not (project / "out" / "small-handout.pdf").exists()


def test_cli_bad_colour_names_theme_line(project, cli):
    folder = project / "templates" / "badc"
    folder.mkdir(parents=True)
    (folder / "theme.yaml").write_text(
        'extends: default\npalette:\n  accent: "#123456"\n  primary: "blurple"\n', encoding="utf-8"
    )
    result = cli("slides", _lecture(project), "--template", "badc", "-o", "out")
    assert result.exit_code == 1
    assert (
        "templates/badc/theme.yaml:4: error: 'blurple' is not a colour for palette.primary; write it as "
        "#RRGGBB [bad-colour]"
    ) in result.stderr.splitlines()


def test_cli_corrupt_template_deck_keeps_previous_output(project, cli):
    src = _lecture(project)
    assert cli("slides", src, "-o", "out").exit_code == 0
    before = (project / "out" / "small.pptx").read_bytes()
    folder = project / "templates" / "corrupt"
    folder.mkdir(parents=True)
    (folder / "deck.pptx").write_bytes(b"PK\x03\x04 not really")
    result = cli("slides", src, "--template", "corrupt", "-o", "out")
    assert result.exit_code == 1
    assert re.search(
        r"^templates/corrupt/deck\.pptx:\d+: error: template deck cannot be opened as a PowerPoint "
        r"file: .*\[bad-template\]$",
        result.stderr,
        re.M,
    ), result.stderr
    assert "deck not written; the previous output is kept" in result.stderr
    assert (project / "out" / "small.pptx").read_bytes() == before


def test_build_error_is_raised_by_the_api(tmp_path):
    """The library raises BuildError (what the CLI turns into exit 1), never a bare exception."""
    from podium.template_commands import inspect_deck

    (tmp_path / "bad.pptx").write_bytes(b"nope")
    with pytest.raises(BuildError):
        inspect_deck(tmp_path / "bad.pptx", Diagnostics())
    with pytest.raises(BuildError):
        load_template("no-such-template-anywhere", Diagnostics())


def test_an_unknown_theme_key_is_a_warning_at_its_line(tmp_path, monkeypatch):
    folder = tmp_path / "templates" / "typo"
    folder.mkdir(parents=True)
    (folder / "theme.yaml").write_text(
        'extends: default\n\npallete:\n  primary: "#112233"\n', encoding="utf-8"
    )
    monkeypatch.chdir(tmp_path)
    diags = Diagnostics()
    load_template("typo", diags)
    found = [(str(d.pos), d.message) for d in diags.warnings if d.code == "theme-key"]
    assert found == [
        (
            "templates/typo/theme.yaml:3",
            "theme key 'pallete' is not known and was ignored; did you mean 'palette'?",
        )
    ]
    diags = Diagnostics()
    load_template("classic", diags)  # the bundled themes use only known keys
    assert not [d for d in diags.warnings if d.code == "theme-key"]
