"""Shared fixtures: build a lecture into a temporary folder and read the outputs back."""

from __future__ import annotations

import shutil
import textwrap
from pathlib import Path

import pytest

from podium.diagnostics import Diagnostics
from podium.pipeline import BuildOptions, build_handout, build_slides

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
LECTURE = ROOT / "content" / "human-security.md"
TEMPLATES = ("default", "classic")


def write_md(folder: Path, text: str, name: str = "lecture.md") -> Path:
    """Write dedented Markdown ``text`` to ``folder/name`` and return its path."""
    p = folder / name
    p.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return p


def build(src: Path, out: Path, what: str = "slides", template: str | None = None, **kw):
    """Build ``src`` into ``out``; return (path, diagnostics)."""
    diags = Diagnostics()
    opts = BuildOptions(out_dir=out, template=template, **kw)
    path = (build_slides if what == "slides" else build_handout)(src, opts, diags)
    return path, diags


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


@pytest.fixture(scope="session")
def default_outputs(tmp_path_factory):
    """The default lecture built once per session: (deck path, handout path, out folder)."""
    out = tmp_path_factory.mktemp("default-lecture")
    deck, _ = build(LECTURE, out, "slides")
    pdf, _ = build(LECTURE, out, "handout")
    return deck, pdf, out


@pytest.fixture
def cli():
    """Run Podium's command line in-process: ``cli("all", src, "-o", out)`` → Click's Result
    (``exit_code``, ``stdout``, ``stderr``).  The one CLI runner the CLI tests share."""
    from click.testing import CliRunner

    from podium.cli import cli as group

    def run(*args, **kwargs):
        return CliRunner().invoke(group, [str(a) for a in args], **kwargs)

    return run
