"""Every slide fits, proven by rendering: LibreOffice draws every word of every slide, on the slide,
above the footer, never over another word; and what does not fit continues on "(cont.)" slides.

The decks are built once per session and converted to PDF in one LibreOffice run
(:mod:`tests.drawn` reads the word boxes with poppler's ``pdftotext -bbox``).
"""

from __future__ import annotations

import shutil

import pytest
from pptx import Presentation
from pptx.enum.shapes import PP_PLACEHOLDER

from podium.deck.fit import fit_deck
from podium.deck.plan import plan_deck
from podium.diagnostics import Diagnostics
from podium.pipeline import BuildOptions, fitted_plans, load

from .awkward import make_awkward
from .conftest import CORPUS, LECTURE, build, write_md
from .drawn import problems, render
from .stress import write_stress

CORPUS_DECKS = (
    "hip-programming/docs/01-introduction.md",
    "real/tidymodels-intro03/slides/intro-03-what-makes-a-model.qmd",
    "real/lnpr-chap2-2-ja/chap2_2.md",
    "real/pmp-geometry/slides.md",
    "real/ncsu-python-html/slides/index.qmd",
    "real/git-bonnes-pratiques-fr/slides/index.qmd",
)


@pytest.fixture(scope="session")
def drawn_decks(tmp_path_factory):
    """{name: (deck, pdf)} for the default lecture on three templates, the stress lecture and the corpus."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice or not shutil.which("pdftotext"):
        pytest.skip("LibreOffice and poppler are needed; CI installs libreoffice-impress and poppler-utils")
    root = tmp_path_factory.mktemp("drawn")
    awkward = make_awkward(root / "templates")
    decks = {}
    for name, template in (("default", "default"), ("classic", "classic"), ("awkward", str(awkward))):
        deck, _ = build(LECTURE, root / name, "slides", template)
        decks[f"lecture-{name}"] = deck
    stress = write_stress(root / "stress-src", impossible=False)
    deck, _ = build(stress, root / "stress-default", "slides", "default")
    decks["stress-default"] = deck
    for rel in CORPUS_DECKS:
        src = CORPUS / rel
        if src.is_file():
            out = root / (
                "corpus-" + rel.split("/")[-1].split(".")[0] + "-" + rel.split("/")[-3 if "/" in rel else 0]
            )
            deck, _ = build(src, out, "slides")
            decks["corpus " + rel] = deck
    # distinct file names: LibreOffice writes <stem>.pdf into one folder
    named = {}
    for k, d in decks.items():
        target = root / "all" / (k.replace("/", "_").replace(" ", "_") + ".pptx")
        target.parent.mkdir(exist_ok=True)
        shutil.copy(d, target)
        named[k] = target
    pdfs = render(list(named.values()), root / "pdf", soffice)
    return {k: (d, pdfs[d]) for k, d in named.items()}


@pytest.mark.parametrize("name", ["lecture-default", "lecture-classic", "lecture-awkward", "stress-default"])
def test_libreoffice_draws_every_word_inside_the_slide(drawn_decks, name):
    deck, pdf = drawn_decks[name]
    assert pdf.is_file(), f"LibreOffice did not convert {deck.name}"
    assert problems(deck, pdf) == []


def test_libreoffice_draws_every_word_of_the_corpus_decks(drawn_decks):
    names = [k for k in drawn_decks if k.startswith("corpus ")]
    if not names:
        pytest.skip("../shared/corpus is not here")
    found = []
    for k in names:
        deck, pdf = drawn_decks[k]
        found += problems(deck, pdf)
    assert found == []


# --------------------------------------------------------------------------- continuation slides


@pytest.fixture(scope="module")
def stress_deck(tmp_path_factory):
    root = tmp_path_factory.mktemp("stress")
    src = write_stress(root / "src", impossible=True)
    deck, diags = build(src, root / "out", "slides")
    return Presentation(str(deck)), diags, src


def _titles(prs):
    return [s.shapes.title.text if s.shapes.title is not None else "" for s in prs.slides]


def _body(slide):
    return [
        sh
        for sh in slide.shapes
        if sh.has_text_frame
        and sh != slide.shapes.title
        and not (
            sh.is_placeholder
            and sh.placeholder_format.type in (PP_PLACEHOLDER.FOOTER, PP_PLACEHOLDER.SLIDE_NUMBER)
        )
    ]


def test_long_list_continues_between_items_with_notes_on_the_first_part(stress_deck):
    prs, _, _ = stress_deck
    titles = _titles(prs)
    parts = [i for i, t in enumerate(titles) if t.startswith("Twenty-five long bullets")]
    assert len(parts) >= 2 and titles[parts[0]] == "Twenty-five long bullets"
    assert all(titles[i] == "Twenty-five long bullets (cont.)" for i in parts[1:])
    items = [p.text for i in parts for sh in _body(prs.slides[i]) for p in sh.text_frame.paragraphs]
    assert [t.split(":")[0] for t in items] == [f"Bullet {k}" for k in range(1, 26)]
    notes = [
        prs.slides[i].notes_slide.notes_text_frame.text if prs.slides[i].has_notes_slide else ""
        for i in parts
    ]
    assert "first part only" in notes[0] and not any(n.strip() for n in notes[1:])
    # shrunk no further than the floor: explicit sizes of at least 18 pt
    sizes = {
        r.font.size.pt
        for i in parts
        for sh in _body(prs.slides[i])
        for p in sh.text_frame.paragraphs
        for r in p.runs
        if r.font.size is not None
    }
    assert sizes and min(sizes) >= 18


def test_table_continues_between_rows_with_its_header_repeated(stress_deck):
    prs, _, _ = stress_deck
    tables = [sh.table for s in prs.slides for sh in s.shapes if sh.has_table]
    assert len(tables) >= 2
    assert all(t.cell(0, 1).text == "Theme" for t in tables)
    numbers = [t.cell(r, 0).text for t in tables for r in range(1, len(t.rows))]
    assert numbers == [str(i) for i in range(1, 31)]


def test_code_continues_between_lines(stress_deck):
    prs, _, _ = stress_deck
    titles = _titles(prs)
    parts = [i for i, t in enumerate(titles) if t.startswith("Forty lines of code")]
    assert len(parts) >= 2
    lines = [p.text for i in parts for sh in _body(prs.slides[i]) for p in sh.text_frame.paragraphs]
    assert [ln.split("=")[0].strip() for ln in lines] == [f"total_{i}" for i in range(40)]
    sizes = {
        r.font.size.pt
        for i in parts
        for sh in _body(prs.slides[i])
        for p in sh.text_frame.paragraphs
        for r in p.runs
    }
    assert min(sizes) >= 14


def test_builds_carry_on_across_parts(stress_deck):
    prs, _, _ = stress_deck
    titles = _titles(prs)
    parts = [i for i, t in enumerate(titles) if t.startswith("Incremental overflow")]
    assert len(parts) >= 2
    for i in parts:  # every part of an incremental list builds from its first click
        xml = prs.slides[i]._element.xml
        assert "p:timing" in xml and 'delay="indefinite"' in xml


def test_six_pictures_share_the_slide_in_a_grid(stress_deck):
    prs, _, _ = stress_deck
    slide = prs.slides[_titles(prs).index("Six pictures")]
    pics = [sh for sh in slide.shapes if sh.shape_type == 13]
    assert len(pics) == 6
    assert min(min(p.width, p.height) for p in pics) >= 1.4 * 914400
    assert len({p.top for p in pics}) >= 2 and len({p.left for p in pics}) >= 2  # rows and columns
    captions = [sh.text_frame.text for sh in _body(slide)]
    assert sorted(captions) == [f"Picture {k}" for k in range(6)]
    assert all(sh.top + sh.height <= prs.slide_height for sh in slide.shapes)


def test_japanese_slide_continues_with_a_japanese_label(tmp_path):
    text = (
        "---\ntitle: T\nlang: ja\n---\n\n## 長い\n\n"
        + ("人間の安全保障は一人ひとりを守る考え方である。" * 60)
        + "\n"
    )
    prs, _ = Presentation(str(build(write_md(tmp_path, text), tmp_path / "o")[0])), None
    titles = _titles(prs)
    assert titles[1] == "長い" and len(titles) >= 3 and titles[2] == "長い（続き）"


def test_nothing_helps_warns_at_the_source_line_saying_what_to_change(stress_deck):
    _, diags, src = stress_deck
    lines = src.read_text(encoding="utf-8").splitlines()
    over = [d for d in diags.items if d.code == "overfull"]
    words = [d for d in over if "wider than" in d.message]
    thin = [d for d in over if "thin" in d.message]
    assert words and thin
    assert lines[words[0].pos.line - 1].startswith("## Nothing helps")


def test_fit_policy_from_front_matter_cli_option_and_split(tmp_path):
    many = "\n".join(f"- item {i} with a few words in it to make a line" for i in range(40))
    src = write_md(tmp_path, "## L\n\n" + many + "\n")
    diags = Diagnostics()
    lecture, template = load(src, BuildOptions(), diags)
    plans = plan_deck(lecture)
    split = fit_deck(plans, lecture, template, Diagnostics(), "split")
    shrink = fit_deck(plans, lecture, template, Diagnostics(), "shrink")
    none_diags = Diagnostics()
    none = fit_deck(plans, lecture, template, none_diags, "none")
    assert len(none) == 1 and any(d.code == "overfull" for d in none_diags.items)
    assert len(split) > len(shrink) >= 2
    assert [p.part for p in split] == list(range(1, len(split) + 1)) and {p.parts for p in split} == {
        len(split)
    }
    assert all(p.sizes.text == 1.0 for p in split) and min(p.sizes.text for p in shrink) < 1.0
    opts = BuildOptions(fit="split")
    assert len(fitted_plans(lecture, template, opts, Diagnostics())) == len(split)


def test_check_knows_the_parts(tmp_path):
    from click.testing import CliRunner

    from podium.cli import cli

    many = "\n".join(f"- item {i} with a few words in it to make a line" for i in range(40))
    src = write_md(tmp_path, "---\ntitle: T\n---\n\n## L\n\n" + many + "\n\n::: notes\nSay it.\n:::\n")
    r = CliRunner().invoke(cli, ["all", str(src), "-o", str(tmp_path / "out")])
    assert r.exit_code == 0, r.output
    assert len(Presentation(str(tmp_path / "out" / "lecture.pptx")).slides) >= 3
