"""Other people's Markdown: markdown-it-py's torture files, the 652 CommonMark spec examples, Slidev decks.

Every input builds or stops with a clean ``BuildError``; never another exception, never a hang
(each case runs under a time limit).  The only errors a snippet may cause are those of a file
that is not a lecture: no slides at all, front matter that is not a mapping, nesting deeper than
the parser reads.  The whole fixture files and the Slidev decks build.  The spec examples go
through the fast path (reader → deck plan → handout HTML); every 25th also becomes a real .pptx.
The corpus lives in ``../shared/corpus``; the tests skip with a reason where it is absent.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from podium.deck.plan import plan_deck
from podium.diagnostics import BuildError, Diagnostics
from podium.handout.html import render_html
from podium.pipeline import BuildOptions, build_handout, build_slides
from podium.reader import ReadOptions, parse_lecture
from podium.safety import PathPolicy
from podium.template_folders import load_template

from .test_robustness import Hang, time_limit

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
MDIT = CORPUS / "markdown-it-py"
SLIDEV = CORPUS / "slidev"
SPEC = MDIT / "commonmark.json"
PER_CASE_S = 10
CHUNK = 50

needs_mdit = pytest.mark.skipif(not MDIT.is_dir(), reason=f"corpus folder {MDIT} is absent")
needs_slidev = pytest.mark.skipif(not SLIDEV.is_dir(), reason=f"corpus folder {SLIDEV} is absent")


def _spec_examples() -> list[dict]:
    if not SPEC.is_file():
        return []
    return json.loads(SPEC.read_text(encoding="utf-8"))


EXAMPLES = _spec_examples()


@pytest.fixture(scope="module")
def template():
    """The default template, with its Jinja environment built once for the module.

    ``render_html`` builds (and compiles) a fresh environment on every call, ~75 ms; reusing one
    changes nothing in what is rendered and makes 1,300 renders affordable.
    """
    import podium.handout.html as html_module

    real = html_module.environment
    cache: dict = {}

    def environment(t):
        key = tuple(t.handout_dirs)
        if key not in cache:
            cache[key] = real(t)
        return cache[key]

    patch = pytest.MonkeyPatch()
    patch.setattr(html_module, "environment", environment)
    yield load_template(None, Diagnostics())
    patch.undo()


def fast_path(text: str, folder: Path, template) -> str:
    """Reader → deck plan → handout HTML for ``text``; returns "ok" or "error" (a clean BuildError)."""
    diags = Diagnostics()
    try:
        with time_limit(PER_CASE_S):
            lecture = parse_lecture(
                text, "example.md", diags, ReadOptions(policy=PathPolicy([folder])), base_dir=str(folder)
            )
            plan_deck(lecture)
            render_html(lecture, template, diags)
    except BuildError as e:
        assert e.diagnostics.errors, "a BuildError carries its errors"
        for d in e.diagnostics.errors:
            assert d.format().startswith(("example.md:", "error:")), d.format()
            assert d.code in SNIPPET_ERRORS, d.format()
        return "error"
    return "ok"


SNIPPET_ERRORS = {"empty", "yaml", "too-deep"}


def full_build(text: str, folder: Path, handout: bool = False) -> str:
    src = folder / "lecture.md"
    src.write_text(text, encoding="utf-8")
    try:
        with time_limit(PER_CASE_S * (6 if handout else 2)):
            deck = build_slides(src, BuildOptions(out_dir=folder / "out"), Diagnostics())
            assert deck.is_file()
            if handout:
                pdf = build_handout(src, BuildOptions(out_dir=folder / "out"), Diagnostics())
                assert pdf.is_file()
    except BuildError:
        return "error"
    return "ok"


def slide_body(example: dict) -> str:
    """An example as the body of one slide (it may hold headings of its own)."""
    return f"# Example {example['example']}\n\n{example['markdown']}"


# --------------------------------------------------------------------------- CommonMark spec examples

CHUNKS = [EXAMPLES[i : i + CHUNK] for i in range(0, len(EXAMPLES), CHUNK)]


@needs_mdit
def test_the_spec_is_all_there():
    assert len(EXAMPLES) == 652


@needs_mdit
@pytest.mark.parametrize(
    "chunk",
    range(len(CHUNKS)) if CHUNKS else [pytest.param(0, marks=pytest.mark.skip)],
    ids=lambda i: f"examples-{i * CHUNK + 1}-{min((i + 1) * CHUNK, len(EXAMPLES))}",
)
def test_spec_examples_as_slide_bodies(tmp_path, template, chunk):
    crashed = []
    for ex in CHUNKS[chunk]:
        for text in (slide_body(ex), ex["markdown"]):  # inside a slide, and as a whole file
            try:
                fast_path(text, tmp_path, template)
            except (Exception, Hang) as e:  # report every crash at once
                crashed.append(f"example {ex['example']} ({ex['section']}): {type(e).__name__}: {e}"[:300])
    assert crashed == []


@needs_mdit
@pytest.mark.parametrize("number", [ex["example"] for ex in EXAMPLES[::25]])
def test_every_25th_spec_example_builds_a_real_deck(tmp_path, monkeypatch, number):
    monkeypatch.chdir(tmp_path)
    ex = EXAMPLES[number - 1]
    assert full_build(slide_body(ex), tmp_path) == "ok"


# --------------------------------------------------------------------------- markdown-it-py's fixture files


def fixture_cases(path: Path) -> list[tuple[str, str]]:
    """(title, markdown) for each case of a markdown-it fixture file (title, '.', md, '.', html, '.')."""
    lines = path.read_text(encoding="utf-8").split("\n")
    cases, i, title = [], 0, ""
    while i < len(lines):
        if lines[i] == "." and i + 1 < len(lines):
            j = lines.index(".", i + 1)
            k = lines.index(".", j + 1)
            cases.append((title or f"line {i + 1}", "\n".join(lines[i + 1 : j]) + "\n"))
            i, title = k + 1, ""
            continue
        if lines[i].strip():
            title = lines[i].strip()
        i += 1
    return cases


FIXTURE_FILES = ["fatal.md", "xss.md", "tables.md", "commonmark_extras.md"]


@needs_mdit
@pytest.mark.parametrize("name", FIXTURE_FILES)
def test_fixture_file_builds_whole(tmp_path, monkeypatch, name):
    """The file as it is (prose, '.' separators and all) builds deck and handout, or fails cleanly."""
    monkeypatch.chdir(tmp_path)
    assert full_build((MDIT / name).read_text(encoding="utf-8"), tmp_path, handout=True) == "ok"


@needs_mdit
@pytest.mark.parametrize("name", FIXTURE_FILES)
def test_fixture_cases_as_slide_bodies(tmp_path, template, name):
    cases = fixture_cases(MDIT / name)
    assert cases, f"no cases found in {name}"
    crashed = []
    for title, md in cases:
        for text in (f"# Case\n\n{md}", md):
            try:
                fast_path(text, tmp_path, template)
            except (Exception, Hang) as e:
                crashed.append(f"{name} '{title[:60]}': {type(e).__name__}: {e}"[:300])
    assert crashed == []


@needs_mdit
def test_xss_cases_leave_no_script_links(tmp_path, monkeypatch):
    """Every xss.md case on its own slide: no javascript:/vbscript:/data: link in the deck or the handout."""
    from pptx import Presentation
    from pypdf import PdfReader

    monkeypatch.chdir(tmp_path)
    cases = fixture_cases(MDIT / "xss.md")
    text = "---\ntitle: XSS\n---\n\n" + "".join(f"# Case {i}\n\n{md}\n" for i, (_, md) in enumerate(cases, 1))
    src = tmp_path / "lecture.md"
    src.write_text(text, encoding="utf-8")
    opts = BuildOptions(out_dir=tmp_path / "out")
    deck = build_slides(src, opts, Diagnostics())
    pdf = build_handout(src, opts, Diagnostics())
    links = [
        r.hyperlink.address
        for s in Presentation(str(deck)).slides
        for sh in s.shapes
        if sh.has_text_frame
        for p in sh.text_frame.paragraphs
        for r in p.runs
        if r.hyperlink.address
    ]
    for page in PdfReader(str(pdf)).pages:
        for annot in page.get("/Annots") or []:
            action = annot.get_object().get("/A")
            if action is not None and "/URI" in action.get_object():
                links.append(str(action.get_object()["/URI"]))
    bad = [
        u for u in links if re.match(r"^\s*(javascript|vbscript|data):", re.sub(r"[\x00-\x20]", "", u), re.I)
    ]
    assert bad == []


# --------------------------------------------------------------------------- another tool's dialect: Slidev


def _slidev_names():
    return sorted(p.name for p in SLIDEV.glob("*.md")) if SLIDEV.is_dir() else ["-"]


@needs_slidev
@pytest.mark.parametrize("name", _slidev_names())
def test_slidev_decks_do_not_crash(tmp_path, monkeypatch, template, name):
    monkeypatch.chdir(tmp_path)
    text = (SLIDEV / name).read_text(encoding="utf-8")
    assert fast_path(text, tmp_path, template) == "ok"
    assert full_build(text, tmp_path, handout=True) == "ok"


@needs_slidev
def test_slidev_frontmatter_deck_keeps_its_headings(tmp_path, template):
    from podium.model import plain_text

    text = (SLIDEV / "frontmatter.md").read_text(encoding="utf-8")
    lecture = parse_lecture(
        text,
        "frontmatter.md",
        Diagnostics(),
        ReadOptions(policy=PathPolicy([tmp_path])),
        base_dir=str(tmp_path),
    )
    titles = [plain_text(s.title) for s in lecture.slides]
    for heading in ("Hi", "Hello", "Morning"):
        assert heading in titles, titles
