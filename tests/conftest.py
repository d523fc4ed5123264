"""Shared fixtures: build a lecture into a temporary folder and read the outputs back.

What several test files need is built once per session here: the default lecture (every output,
checked, on two templates), the corpus lectures, the decks LibreOffice draws (in one run), and the
one command-line runner the CLI tests share.  Everything a test writes goes
into its own temporary folder, and the build records go to a cache folder of the session's own, so
the suite runs in parallel (pytest-xdist) and leaves nothing in ``~/.cache``.
"""

from __future__ import annotations

import os
import shutil
import textwrap
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner

from podium.cli import cli as podium_cli
from podium.diagnostics import BuildError, Diagnostics
from podium.pipeline import ALL, BuildOptions, build_handout, build_slides
from podium.pipeline import build as pipeline_build

from .awkward import make_awkward
from .drawn import render
from .stress import write_pictures, write_stress

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
LECTURE = ROOT / "content" / "human-security.md"
TEMPLATES = ("default", "classic")

# every `python build.py` a test starts builds in its own process, as before the build server
# (podium.buildclient); test_buildserver.py turns it on for its own tests, in folders of their own
os.environ["PODIUM_SERVER"] = "off"


@pytest.fixture(scope="session", autouse=True)
def _build_records_of_this_session(tmp_path_factory):
    """Build records of the whole run (and of every `python build.py` it starts) in a folder of its own."""
    old = os.environ.get("PODIUM_CACHE")
    os.environ["PODIUM_CACHE"] = str(tmp_path_factory.mktemp("podium-cache"))
    yield
    if old is None:
        os.environ.pop("PODIUM_CACHE", None)
    else:
        os.environ["PODIUM_CACHE"] = old


@pytest.hookimpl(tryfirst=True)  # before pytest-xdist turns -n into workers
def pytest_cmdline_main(config):
    """`pytest` runs the tests on every CPU (``-n auto``) when pytest-xdist (in the test extra) is
    installed and no ``-n`` was given; ``-n0`` runs them in one process, as does a venv without it."""
    workerinput = getattr(config, "workerinput", None)
    if workerinput is not None:  # a worker: group its tests as the main process distributes them
        if workerinput.get("podium_dist") == "loadgroup":
            config.option.loadgroup = True
        return
    if (
        config.pluginmanager.hasplugin("xdist")
        and getattr(config.option, "numprocesses", 0) is None
        and not config.getoption("usepdb", False)
    ):
        config.option.numprocesses = "auto"
        if config.option.dist == "no":
            config.option.dist = "loadgroup"


@pytest.hookimpl(optionalhook=True)
def pytest_configure_node(node):
    """pytest-xdist: tell each worker how the tests are distributed (a worker reads the command line
    again, which does not say it when the hook above chose it)."""
    node.workerinput["podium_dist"] = node.config.getvalue("dist")


SHARED = {"default_built", "classic_built", "default_outputs", "drawn_decks", "corpus_built"}


@pytest.hookimpl(tryfirst=True)  # before pytest-xdist reads the groups
def pytest_collection_modifyitems(config, items):
    """Keep what shares a costly fixture on one pytest-xdist worker (``--dist loadgroup``), so it is
    built once: the tests of the session's shared builds (the default lecture, the corpus, what
    LibreOffice draws) in one group, and the tests of a module-scoped fixture in a group per module.  Every other test goes to whichever worker is free."""
    for item in items:
        names = set(getattr(item, "fixturenames", ()))
        if names & SHARED:
            group = "shared-builds"
        else:
            defs = getattr(getattr(item, "_fixtureinfo", None), "name2fixturedefs", {})
            scoped = any(d.scope == "module" for name in names for d in defs.get(name, ()))
            group = item.module.__name__ if scoped and item.module else None
        if group and getattr(config.option, "loadgroup", False):
            _name_group(item, group)
        elif group:
            item.add_marker(pytest.mark.xdist_group(group))


def _name_group(item, group: str) -> None:
    """In an xdist worker, put the group in the node id (``…@group``), which is what pytest-xdist's
    loadgroup scheduler reads.  (pytest-xdist 3.8 does this by setting ``_nodeid``, which pytest 9.2's
    structured node ids no longer read; set whichever this pytest has.)"""
    new = f"{item.nodeid}@{group}"
    current = getattr(item, "_id", None)
    if current is not None and hasattr(type(current), "parse"):
        item._id = type(current).parse(new)
    else:
        item._nodeid = new


def write_md(folder: Path, text: str, name: str = "lecture.md") -> Path:
    """Write dedented Markdown ``text`` to ``folder/name`` and return its path."""
    p = folder / name
    p.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return p


def text_runs(slides) -> list:
    """Every run of every text frame on ``slides`` (python-pptx's), in order."""
    return [
        r
        for s in slides
        for sh in s.shapes
        if sh.has_text_frame
        for p in sh.text_frame.paragraphs
        for r in p.runs
    ]


def build_tex(
    tmp_path: Path, body: str, preamble: str = "", documentclass: str = "beamer", command: str = "slides"
):
    """The deck of ``body`` (a beamer deck's frames) built from ``deck.tex`` by the command line:
    (the deck read with python-pptx, the warnings)."""
    from pptx import Presentation

    src = tmp_path / "deck.tex"
    src.write_text(
        f"\\documentclass{{{documentclass}}}\n"
        + preamble
        + "\\begin{document}\n"
        + body
        + "\n\\end{document}\n",
        encoding="utf-8",
    )
    result = run_cli(command, src, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.stderr
    return Presentation(str(tmp_path / "out" / "deck.pptx")), result.stderr


def frame_texts(prs) -> list[list[str]]:
    """Each slide's text frames' texts (footers and slide numbers left out)."""
    return [
        [
            shape.text_frame.text
            for shape in slide.shapes
            if shape.has_text_frame
            and shape.text_frame.text.strip()
            and not shape.name.startswith(("Footer", "Slide Number"))
        ]
        for slide in prs.slides
    ]


def cli_deck(src: Path, out: Path, command: str = "slides"):
    """Build ``src`` with the command line (``command``) into ``out``; return (the deck as python-pptx
    reads it, the warnings printed)."""
    from pptx import Presentation

    result = run_cli(command, src, "-o", out)
    assert result.exit_code == 0, result.stderr
    return Presentation(str(out / (src.stem + ".pptx"))), result.stderr


def built_from_text(tmp_path: Path, text: str, command: str = "all"):
    """The deck built from Markdown ``text`` by the command line, its handout's text (with ``all``,
    else ""), and the messages."""
    import subprocess

    from pptx import Presentation

    src = write_md(tmp_path, text)
    out = tmp_path / "out"
    result = run_cli(command, src, "-o", out)
    assert result.exit_code == 0, result.stderr
    handout = ""
    if command == "all":
        handout = subprocess.run(
            ["pdftotext", str(out / "lecture-handout.pdf"), "-"], capture_output=True, text=True, check=True
        ).stdout
    return Presentation(str(out / "lecture.pptx")), handout, result.stderr


def built_all(src: Path, *more: str):
    """``podium all`` on the lecture file ``src`` (``more``: further options), into ``out/`` beside it: the
    deck as python-pptx reads it, its handout's text as ``pdftotext -layout`` gives it, the messages."""
    import subprocess

    from pptx import Presentation

    out = src.parent / "out"
    result = run_cli("all", src, "-o", out, *more)
    assert result.exit_code == 0, result.stderr
    handout = subprocess.run(
        ["pdftotext", "-layout", str(out / f"{src.stem}-handout.pdf"), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return Presentation(str(out / f"{src.stem}.pptx")), handout, result.stderr


def paragraph_texts(slide) -> list[str]:
    """The words of each paragraph of ``slide``'s text boxes, in order (empty ones left out)."""
    return [
        p.text.strip()
        for sh in slide.shapes
        if sh.has_text_frame
        for p in sh.text_frame.paragraphs
        if p.text.strip()
    ]


def slide_text(slide) -> str:
    """Every text frame's text of ``slide``, a line each."""
    return "\n".join(sh.text_frame.text for sh in slide.shapes if sh.has_text_frame)


def deck_titles(prs) -> list[str]:
    """Each slide's title ("" for a slide without one)."""
    return [s.shapes.title.text if s.shapes.title is not None else "" for s in prs.slides]


def click_paragraphs(slide) -> list[list[str]]:
    """The paragraphs each click of the slide's main sequence brings in (a whole box: its first; pictures
    and boxes without words left out)."""
    p = "{http://schemas.openxmlformats.org/presentationml/2006/main}"
    boxes = {sh.shape_id: sh for sh in slide.shapes if sh.has_text_frame}
    out = []
    for main in slide._element.iter(f"{p}cTn"):
        if main.get("nodeType") != "mainSeq":
            continue
        for click in main.find(f"{p}childTnLst"):
            came = []
            for target in click.iter(f"{p}spTgt"):
                box = boxes.get(int(target.get("spid")))
                if box is None or not box.text_frame.text.strip():
                    continue  # (a picture, a box's ground: no words)
                paras = box.text_frame.paragraphs
                ranges = list(target.iter(f"{p}pRg"))
                came += [paras[int(r.get("st"))].text for r in ranges] if ranges else [paras[0].text]
            out.append(came)
    return out


def build(src: Path, out: Path, what: str = "slides", template: str | None = None, **kw):
    """Build ``src`` into ``out``; return (path, diagnostics)."""
    diags = Diagnostics()
    opts = BuildOptions(out_dir=out, template=template, **kw)
    path = (build_slides if what == "slides" else build_handout)(src, opts, diags)
    return path, diags


def deck_of(src: Path, out: Path, **kw):
    """Build ``src``'s deck into ``out``; return (the deck as python-pptx reads it, diagnostics)."""
    from pptx import Presentation

    path, diags = build(src, out, "slides", **kw)
    return Presentation(str(path)), diags


@pytest.fixture(params=TEMPLATES)
def template_name(request):
    """Each deck test runs against every bundled template."""
    return request.param


@pytest.fixture
def soffice():
    exe = shutil.which("soffice") or shutil.which("libreoffice")
    if not exe:
        pytest.skip("LibreOffice (soffice) is not installed; CI installs libreoffice-impress")
    return exe


@dataclass
class Built:
    """Every output of one ``podium all`` build (read once, planned once, checked), and its messages."""

    out: Path
    deck: Path
    handout: Path  # the student handout
    instructor: Path
    slides_pdf: Path
    messages: list[str]


def build_all(src: Path, out: Path, template: str | None = None) -> Built:
    """``podium all`` in-process: deck, both handouts and the slides PDF, checked against each other."""
    result = pipeline_build(src, BuildOptions(out_dir=out, template=template), ALL, check=True, force=True)
    messages = [d.format() for d in result.diagnostics.items]
    assert result.status == "built" and result.checked, messages
    stem = src.stem
    return Built(
        out,
        out / f"{stem}.pptx",
        out / f"{stem}-handout.pdf",
        out / f"{stem}-instructor.pdf",
        out / f"{stem}-slides.pdf",
        messages,
    )


@pytest.fixture(scope="session")
def default_built(tmp_path_factory) -> Built:
    """The default lecture, every output, built and checked once per session."""
    return build_all(LECTURE, tmp_path_factory.mktemp("default-lecture"))


@pytest.fixture(scope="session")
def classic_built(tmp_path_factory) -> Built:
    """The default lecture on the classic template, every output, built and checked once per session."""
    return build_all(LECTURE, tmp_path_factory.mktemp("classic-lecture"), template="classic")


@pytest.fixture(scope="session")
def default_outputs(default_built):
    """The default lecture built once per session: (deck path, handout path, out folder)."""
    return default_built.deck, default_built.handout, default_built.out


HIP = CORPUS / "hip-programming" / "docs" / "01-introduction.md"


def corpus_lectures() -> list[Path]:
    """The corpus's lectures (empty without ../shared/corpus): hip-programming's first, the slidev
    decks, every lecture of the real decks."""
    if not CORPUS.is_dir():
        return []
    decks = [HIP]
    decks += sorted((CORPUS / "slidev").glob("*.md"))
    decks += sorted(
        p
        for p in (CORPUS / "real").rglob("*")
        if p.suffix in (".md", ".qmd")
        and not p.name.startswith("_")
        and "_license" not in p.parts
        and p.name.lower() != "readme.md"
    )
    return [p for p in decks if p.is_file()]


@dataclass
class CorpusBuild:
    out: Path
    deck: Path | None  # None: Podium refused to build it (the reader's business, not this fixture's)
    handout: Path | None


@pytest.fixture(scope="session")
def corpus_built(tmp_path_factory) -> dict[Path, CorpusBuild]:
    """Every corpus lecture's deck and handout (default options), built once per session."""
    root = tmp_path_factory.mktemp("corpus")
    built = {}
    for src in corpus_lectures():
        out = root / "-".join(src.relative_to(CORPUS).with_suffix("").parts)
        deck = handout = None
        try:
            deck, _ = build(src, out, "slides")
            handout, _ = build(src, out, "handout")
        except BuildError:
            pass
        built[src] = CorpusBuild(out, deck, handout)
    return built


CORPUS_DECKS = (
    "hip-programming/docs/01-introduction.md",
    "real/tidymodels-intro03/slides/intro-03-what-makes-a-model.qmd",
    "real/lnpr-chap2-2-ja/chap2_2.md",
    "real/pmp-geometry/slides.md",
    "real/ncsu-python-html/slides/index.qmd",
    "real/git-bonnes-pratiques-fr/slides/index.qmd",
)


@pytest.fixture(scope="session")
def drawn_decks(tmp_path_factory, default_built, classic_built, corpus_built):
    """{name: (deck, pdf)}: what LibreOffice draws of the default lecture on three templates, the
    stress lecture and the corpus decks, all converted in one ``soffice`` run."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice or not shutil.which("pdftotext"):
        pytest.skip("LibreOffice and poppler are needed; CI installs libreoffice-impress and poppler-utils")
    root = tmp_path_factory.mktemp("drawn")
    decks = {"lecture-default": default_built.deck, "lecture-classic": classic_built.deck}
    awkward = make_awkward(root / "templates")
    decks["lecture-awkward"], _ = build(LECTURE, root / "awkward", "slides", str(awkward))
    stress = write_stress(root / "stress-src", impossible=False)
    decks["stress-default"], _ = build(stress, root / "stress-default", "slides", "default")
    pictures = write_pictures(root / "pictures-src")
    decks["pictures-default"], _ = build(pictures, root / "pictures-default", "slides", "default")
    for rel in CORPUS_DECKS:
        built = corpus_built.get(CORPUS / rel)
        if built is not None and built.deck is not None:
            decks["corpus " + rel] = built.deck
    # distinct file names: LibreOffice writes <stem>.pdf into one folder
    named = {}
    for k, d in decks.items():
        target = root / "all" / (k.replace("/", "_").replace(" ", "_") + ".pptx")
        target.parent.mkdir(exist_ok=True)
        shutil.copy(d, target)
        named[k] = target
    pdfs = render(list(named.values()), root / "pdf", soffice)
    return {k: (d, pdfs[d]) for k, d in named.items()}


def run_cli(*args, **kwargs):
    """Run Podium's command line in-process and return Click's Result (``exit_code``, ``stdout``,
    ``stderr``).  Whatever the outcome, it is never a traceback: the only exception allowed out of
    the command line is its own ``SystemExit``."""
    result = CliRunner().invoke(podium_cli, [str(a) for a in args], **kwargs)
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert "Traceback" not in result.stdout and "Traceback" not in result.stderr, result.stderr
    return result


@pytest.fixture
def cli():
    """The one CLI runner the CLI tests share: ``cli("all", src, "-o", out)`` → Click's Result."""
    return run_cli
