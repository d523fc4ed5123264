"""Hostile input: every case ends in its budget with a clear ``file:line`` message and the old outputs kept.

Each case runs the real command line (``python build.py …``) in a subprocess, so that time and peak
memory are the process's own: the peak comes from ``os.wait4``'s resource usage of that one child
(``ru_maxrss``), the time from the clock around it.  Each asserts the exit code, the message and
its position, that no ``[internal]`` error and no traceback appear, that outputs written before
are byte for byte unchanged, and the time and memory budgets README's Safety section states.
Inputs are generated and kept small wherever a small one shows the same thing; the large ones are
marked ``slow`` (they run in CI too).
"""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
import textwrap
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from podium import budget, deckcheck, jinjaguard

from . import hostile_decks
from .conftest import ROOT

BUILD_PY = ROOT / "build.py"
MEMORY_BUDGET_MIB = budget.MEMORY_MIB  # the bound README states for any build

GOOD = """\
---
title: Good lecture
---

## One

- first point

## Two

- second point
"""


@dataclass
class Run:
    code: int
    stderr: str
    stdout: str
    seconds: float
    peak_mib: float

    def lines(self) -> list[str]:
        return self.stderr.splitlines()

    def clean(self) -> None:
        """No traceback and no internal error: every problem is the lecturer's, in words."""
        assert "Traceback" not in self.stderr, self.stderr
        assert "[internal]" not in self.stderr, self.stderr


def podium(*args: str, cwd: Path, env: dict[str, str] | None = None, timeout: float = 300) -> Run:
    """Run ``python build.py ARGS`` in ``cwd``; return its exit code, output, time and peak memory."""
    full_env = {**os.environ, "PYTHONPATH": str(ROOT), **(env or {})}
    full_env.pop("PODIUM_DEBUG", None)
    out_f = (cwd / ".stdout").open("w+b")
    err_f = (cwd / ".stderr").open("w+b")
    start = time.monotonic()
    proc = subprocess.Popen([sys.executable, str(BUILD_PY), *args], cwd=cwd, env=full_env, stdout=out_f,
                            stderr=err_f)
    deadline = start + timeout
    while True:
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            break
        if time.monotonic() > deadline:
            proc.kill()
            os.wait4(proc.pid, 0)
            pytest.fail(f"podium {' '.join(args)} ran longer than {timeout} s")
        time.sleep(0.05)
    proc.returncode = os.waitstatus_to_exitcode(status)
    seconds = time.monotonic() - start
    out_f.seek(0)
    err_f.seek(0)
    run = Run(proc.returncode, err_f.read().decode("utf-8", "replace"), out_f.read().decode("utf-8", "replace"),
              seconds, usage.ru_maxrss / 1024)
    out_f.close()
    err_f.close()
    return run


def lecture_folder(tmp_path: Path, text: str = GOOD, name: str = "lecture.md") -> Path:
    folder = tmp_path / "course"
    folder.mkdir(exist_ok=True)
    (folder / name).write_text(textwrap.dedent(text), encoding="utf-8")
    return folder


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()} if folder.is_dir() else {}


@pytest.fixture(scope="module")
def previous(tmp_path_factory) -> dict[str, bytes]:
    """Good outputs of GOOD, built once: each case copies them into its output folder first."""
    folder = tmp_path_factory.mktemp("previous")
    (folder / "lecture.md").write_text(GOOD, encoding="utf-8")
    r = podium("all", "lecture.md", "-o", "out", cwd=folder)
    assert r.code == 0, r.stderr
    return snapshot(folder / "out")


def with_previous(folder: Path, previous: dict[str, bytes]) -> Path:
    out = folder / "out"
    out.mkdir(exist_ok=True)
    for name, data in previous.items():
        (out / name).write_bytes(data)
    return out


# --------------------------------------------------------------------------- broken template decks


@pytest.mark.parametrize("kind", sorted(hostile_decks.BROKEN))
def test_every_template_command_reports_a_broken_deck_at_its_file(tmp_path, previous, kind):
    folder = lecture_folder(tmp_path)
    deck = hostile_decks.BROKEN[kind](folder / f"{kind}.pptx")
    code = "too-large" if kind == "zip-bomb" else "bad-template"
    at = f"{kind}.pptx:1: error: "

    inspect = podium("template", "inspect", deck.name, cwd=folder)
    inspect.clean()
    assert inspect.code == 1 and any(line.startswith(at) and line.endswith(f"[{code}]")
                                     for line in inspect.lines()), inspect.stderr

    new = podium("template", "new", "mine", "--from-pptx", deck.name, cwd=folder)
    new.clean()
    assert new.code == 1 and any(line.startswith(at) for line in new.lines()), new.stderr
    assert not (folder / "templates" / "mine").exists(), "a template was made from a broken deck"

    out = with_previous(folder, previous)
    build = podium("slides", "lecture.md", "-o", "out", "--template", deck.name, cwd=folder)
    build.clean()
    assert build.code == 1 and any(line.startswith(at) for line in build.lines()), build.stderr
    assert snapshot(out) == previous
    assert build.peak_mib < 400, f"{kind}: {build.peak_mib:.0f} MiB"  # nothing was inflated


def test_template_list_names_a_broken_template_without_a_traceback(tmp_path):
    folder = lecture_folder(tmp_path)
    (folder / "templates" / "broken").mkdir(parents=True)
    (folder / "templates" / "broken" / "theme.yaml").write_text("palette: [unclosed\n", encoding="utf-8")
    hostile_decks.no_master(folder / "templates" / "broken" / "deck.pptx")
    r = podium("template", "list", cwd=folder)
    r.clean()
    assert "broken" in r.stdout and "BROKEN" in r.stdout, r.stdout


def test_zip_bomb_is_judged_from_the_directory_alone(tmp_path):
    deck = hostile_decks.zip_bomb(tmp_path / "bomb.pptx")
    assert deckcheck.check_package(deck)[1] == "too-large"
    assert deckcheck.check_package(hostile_decks.DEFAULT_DECK) is None


# --------------------------------------------------------------------------- handout templates

BROKEN_JINJA = {
    # name: (handout.html.j2 body after a first line, line of the error, code, words in the message)
    "syntax": ("{% for %}", 2, "template-syntax", "syntax error"),
    "undefined": ("{{ nothing.here() }}", 2, "template", "undefined"),
    "self-include": ('{% include "handout.html.j2" %}', 2, "template", "recurses"),
    "recursive-macro": ("{% macro f(n) %}{{ f(n + 1) }}{% endmacro %}{{ f(1) }}", 2, "template", "recurses"),
    "huge-range": ("{{ range(10**10) | list }}", 2, "too-large", "range"),
    "huge-string": ('{{ "x" * 10**10 }}', 2, "too-large", "too large"),
    "huge-list": ("{{ [0] * 10**10 }}", 2, "too-large", "too large"),
    "huge-power": ("{{ 7 ** (10**9) }}", 2, "too-large", "too large"),
    "huge-filter": ('{{ "x" | center(10**10) }}', 2, "too-large", "center"),
    "huge-format": ('{{ "%99999999999d" % 1 }}', 2, "too-large", "too large"),
    "unsafe": ("{{ cycler.__init__.__globals__.os.getcwd() }}", 2, "template-unsafe", "unsafe"),
    "huge-page": ("{% for i in range(100000) %}{% for j in range(100000) %}{{ 'x' * 100 }}{% endfor %}{% endfor %}",
                  1, "too-large", "larger than"),
}


@pytest.mark.parametrize("case", sorted(BROKEN_JINJA))
def test_every_broken_handout_template_is_a_message_at_its_line(tmp_path, previous, case):
    body, line, code, words = BROKEN_JINJA[case]
    folder = lecture_folder(tmp_path)
    handout = folder / "templates" / "bad" / "handout"
    handout.mkdir(parents=True)
    (handout.parent / "theme.yaml").write_text("extends: default\n", encoding="utf-8")
    (handout / "handout.html.j2").write_text("<!-- line one -->\n" + body + "\n", encoding="utf-8")
    out = with_previous(folder, previous)
    r = podium("handout", "lecture.md", "-o", "out", "--template", "bad", cwd=folder)
    r.clean()
    where = f"templates/bad/handout/handout.html.j2:{line}: error: "
    assert r.code == 1 and any(x.startswith(where) and x.endswith(f"[{code}]") and words in x for x in r.lines()), \
        r.stderr
    assert snapshot(out) == previous
    assert r.seconds < 60 and r.peak_mib < MEMORY_BUDGET_MIB, (r.seconds, r.peak_mib)


def test_jinja_limits_are_the_stated_ones():
    assert jinjaguard.MAX_RANGE == __import__("jinja2.sandbox").sandbox.MAX_RANGE


# --------------------------------------------------------------------------- files Podium reads


def test_course_yaml_symlinked_outside_the_folder_is_refused(tmp_path, previous):
    secret = tmp_path / "secret.yaml"
    secret.write_text("course: SECRET-COURSE-NAME\nlecturer: Mallory\n", encoding="utf-8")
    folder = lecture_folder(tmp_path)
    (folder / "course.yaml").symlink_to(secret)
    r = podium("all", "lecture.md", "-o", "out", cwd=folder)
    r.clean()
    assert r.code == 0, r.stderr
    assert any(x.startswith("course.yaml:1: warning: ") and x.endswith("[outside-project]") for x in r.lines()), \
        r.stderr
    from pptx import Presentation

    deck = Presentation(str(folder / "out" / "lecture.pptx"))
    texts = " ".join(sh.text_frame.text for s in deck.slides for sh in s.shapes if sh.has_text_frame)
    assert "SECRET" not in texts and "Mallory" not in texts
    pdf = subprocess.run(["pdftotext", str(folder / "out" / "lecture-handout.pdf"), "-"], capture_output=True,
                         text=True).stdout if shutil.which("pdftotext") else ""
    assert "SECRET" not in pdf and "Mallory" not in pdf


def test_a_utf16_lecture_is_called_utf16(tmp_path, previous):
    folder = lecture_folder(tmp_path)
    (folder / "lecture.md").write_bytes(GOOD.encode("utf-16"))
    out = with_previous(folder, previous)
    r = podium("slides", "lecture.md", "-o", "out", cwd=folder)
    r.clean()
    assert r.code == 1 and any(x.startswith("lecture.md:1: error: ") and "UTF-16" in x and x.endswith("[encoding]")
                               for x in r.lines()), r.stderr
    assert snapshot(out) == previous
    (folder / "lecture.md").write_bytes(GOOD.encode("utf-16-le"))  # no byte-order mark
    r = podium("slides", "lecture.md", "-o", "out", cwd=folder)
    assert r.code == 1 and "UTF-16" in r.stderr, r.stderr


def test_a_fifo_picture_is_not_a_regular_file(tmp_path):
    folder = lecture_folder(tmp_path, GOOD + "\n## Picture\n\n![a pipe](pipe.png)\n")
    os.mkfifo(folder / "pipe.png")
    r = podium("slides", "lecture.md", "-o", "out", cwd=folder, timeout=60)
    r.clean()
    assert r.code == 0, r.stderr
    assert any(x.startswith("lecture.md:15: warning: picture 'pipe.png' is not a regular file") for x in r.lines()), \
        r.stderr


def test_a_missing_picture_suggests_the_closest_name(tmp_path):
    folder = lecture_folder(tmp_path, GOOD + "\n## Picture\n\n![bars](fig/bar.png)\n")
    (folder / "fig").mkdir()
    from PIL import Image

    Image.new("RGB", (8, 6), (200, 30, 30)).save(folder / "fig" / "bars.png")
    r = podium("slides", "lecture.md", "-o", "out", cwd=folder)
    r.clean()
    assert any(x.startswith("lecture.md:15: warning: picture 'fig/bar.png' not found") and "'fig/bars.png'" in x
               for x in r.lines()), r.stderr


@pytest.mark.slow
def test_a_huge_lecture_file_is_refused_before_it_is_read(tmp_path, previous):
    folder = lecture_folder(tmp_path)
    with (folder / "lecture.md").open("r+b") as f:
        f.truncate(4 * 2**30)  # 4 GiB, sparse: costs no disk
    out = with_previous(folder, previous)
    r = podium("slides", "lecture.md", "-o", "out", cwd=folder)
    r.clean()
    assert r.code == 1 and any(x.startswith("lecture.md:1: error: the file is larger than 20 MiB")
                               for x in r.lines()), r.stderr
    assert snapshot(out) == previous
    assert r.peak_mib < 300 and r.seconds < 30, (r.peak_mib, r.seconds)


# --------------------------------------------------------------------------- outputs


@pytest.mark.parametrize("mask", [0o022, 0o027, 0o077])
def test_outputs_get_the_umask_permissions(tmp_path, mask):
    folder = lecture_folder(tmp_path)
    old = os.umask(mask)
    try:
        r = podium("slides", "lecture.md", "-o", "out", cwd=folder)
    finally:
        os.umask(old)
    assert r.code == 0, r.stderr
    mode = stat.S_IMODE((folder / "out" / "lecture.pptx").stat().st_mode)
    assert mode == 0o666 & ~mask, oct(mode)
