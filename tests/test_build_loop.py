"""The lecturer's edit loop: outputs replaced as a pair, --strict before writing, incremental skips,
byte-identical rebuilds, and course builds in parallel with each warning printed once."""

from __future__ import annotations

import datetime as dt
import os
import zipfile
from pathlib import Path

import pytest
from PIL import Image

from .conftest import write_md

LECTURE = """
---
title: Loop
date: "2026-03-04"
---

## A picture

![A square](pic.png)

::: notes
note on the picture
:::

## A chart

```chart
type: column
title: Counts
categories: [a, b, c]
series:
  - name: n
    values: [1, 3, 2]
```

## Text

- one
- two
"""


def _picture(path: Path, colour: str) -> None:
    Image.new("RGB", (40, 30), colour).save(path)


@pytest.fixture(autouse=True)
def cache(tmp_path, monkeypatch):
    """Each test its own folder of build records."""
    monkeypatch.setenv("PODIUM_CACHE", str(tmp_path / "cache"))


@pytest.fixture
def project(tmp_path, monkeypatch):
    """A lecture with a picture and a chart in its own folder, the working directory."""
    (tmp_path / "content").mkdir()
    _picture(tmp_path / "content" / "pic.png", "red")
    src = write_md(tmp_path / "content", LECTURE, "loop.md")
    monkeypatch.chdir(tmp_path)
    return src


def _outputs(out: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(out.iterdir()) if p.is_file()}


def test_second_build_skips_and_a_picture_edit_rebuilds(project, cli):
    out = Path("output")
    r = cli("all", project)
    assert r.exit_code == 0, r.stderr
    assert "wrote output/loop.pptx" in r.stderr and "agree with the source" in r.stderr
    first = {p: p.stat().st_mtime_ns for p in out.iterdir() if p.is_file()}

    r = cli("all", project)
    assert r.exit_code == 0, r.stderr
    assert (
        "content/loop.md: up to date (deck, handout, instructor handout and slides PDF); --force rebuilds"
        in r.stderr
    )
    assert "wrote" not in r.stderr
    assert {p: p.stat().st_mtime_ns for p in out.iterdir() if p.is_file()} == first

    _picture(project.parent / "pic.png", "blue")  # same name, new pixels
    r = cli("all", project)
    assert r.exit_code == 0, r.stderr
    assert "wrote output/loop.pptx" in r.stderr and "wrote output/loop-handout.pdf" in r.stderr
    with zipfile.ZipFile(out / "loop.pptx") as z:
        media = [n for n in z.namelist() if n.startswith("ppt/media/")]
        assert (project.parent / "pic.png").read_bytes() in [z.read(n) for n in media]

    r = cli("slides", project)  # the deck `all` just wrote is up to date for `slides` too
    assert "up to date (deck)" in r.stderr
    r = cli("slides", project, "--force")
    assert "wrote output/loop.pptx" in r.stderr


def test_options_template_and_a_missing_file_appearing_rebuild(project, cli):
    assert cli("slides", project).exit_code == 0
    assert "up to date" in cli("slides", project).stderr
    assert "wrote" in cli("slides", project, "--slide-level", "2").stderr  # options are part of the record
    assert "up to date" in cli("slides", project, "--slide-level", "2").stderr
    project.write_text(project.read_text() + "\n## Later\n\n![](later.png)\n")
    r = cli("slides", project)
    assert "wrote" in r.stderr and "'later.png' not found" in r.stderr
    r = cli("slides", project)  # skipped, but its warning is still shown
    assert "up to date" in r.stderr and "'later.png' not found" in r.stderr
    _picture(project.parent / "later.png", "green")  # the file that was missing now exists
    r = cli("slides", project)
    assert "wrote" in r.stderr and "not found" not in r.stderr
    theme = Path("templates/mine")
    theme.mkdir(parents=True)
    (theme / "theme.yaml").write_text('palette: {primary: "#112233"}\n')
    assert "wrote" in cli("slides", project, "--template", "mine").stderr
    assert "up to date" in cli("slides", project, "--template", "mine").stderr
    (theme / "theme.yaml").write_text('palette: {primary: "#445566"}\n')  # a template file changed
    assert "wrote" in cli("slides", project, "--template", "mine").stderr


def test_same_input_gives_the_same_bytes(project, cli, monkeypatch):
    assert cli("all", project, "-o", "a").exit_code == 0
    assert cli("all", project, "-o", "b", "--force").exit_code == 0
    a, b = _outputs(Path("a")), _outputs(Path("b"))
    assert a.keys() == b.keys() == {"loop.pptx", "loop-handout.pdf", "loop-instructor.pdf", "loop-slides.pdf"}
    assert a == b
    # the lecture's date is the default time stamp; SOURCE_DATE_EPOCH wins over it
    with zipfile.ZipFile("a/loop.pptx") as z:
        assert {i.date_time for i in z.infolist()} == {(2026, 3, 4, 0, 0, 0)}
        assert b"<dcterms:modified" in z.read("docProps/core.xml")
        assert b">2026-03-04T00:00:00Z</dcterms:modified>" in z.read("docProps/core.xml")
    epoch = int(dt.datetime(2027, 5, 6, 7, 8, 10, tzinfo=dt.timezone.utc).timestamp())
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(epoch))
    r = cli("all", project, "-o", "a")
    assert "wrote" in r.stderr, "SOURCE_DATE_EPOCH is part of the build record"
    with zipfile.ZipFile("a/loop.pptx") as z:
        assert {i.date_time for i in z.infolist()} == {(2027, 5, 6, 7, 8, 10)}
        assert b">2027-05-06T07:08:10Z</dcterms:created>" in z.read("docProps/core.xml")
        embedded = [n for n in z.namelist() if n.endswith(".xlsx")]
        assert embedded, "the chart's workbook"
        import io

        with zipfile.ZipFile(io.BytesIO(z.read(embedded[0]))) as book:
            assert b"2027-05-06T07:08:10Z" in book.read("docProps/core.xml")


def test_a_failed_handout_keeps_the_old_deck_too(project, cli):
    assert cli("all", project).exit_code == 0
    before = _outputs(Path("output"))
    broken = Path("templates/broken/handout")
    broken.mkdir(parents=True)
    (broken / "handout.html.j2").write_text(
        '{% extends "base.html.j2" %}\n{% block cover %}{{ oops( }}{% endblock %}\n'
    )
    project.write_text(project.read_text().replace("## Text", "## Text changed"))
    r = cli("all", project, "--template", "broken")
    assert r.exit_code == 1
    assert "template syntax error" in r.stderr and "Traceback" not in r.stderr
    assert (
        "content/loop.md: deck, handout, instructor handout and slides PDF not written; the previous output "
        "is kept" in r.stderr
    )
    assert _outputs(Path("output")) == before
    assert not [p for p in Path("output").iterdir() if p.name.startswith(".podium-")]


def test_strict_decides_before_anything_is_written(project, cli):
    assert cli("all", project).exit_code == 0
    before = _outputs(Path("output"))
    project.write_text(project.read_text().replace("## Text", "## Text\n\n![](nowhere.png)"))
    for command in ("all", "slides", "handout"):
        r = cli(command, project, "--strict")
        assert r.exit_code == 1, command
        assert "warning: picture 'nowhere.png' not found" in r.stderr
        assert "--strict: failing; the previous output is kept" in r.stderr
        assert _outputs(Path("output")) == before, command
    r = cli("all", project)  # without --strict the warning does not stop the build
    assert r.exit_code == 0 and "wrote output/loop.pptx" in r.stderr
    r = cli("all", project, "--strict")  # up to date, but its warning still fails --strict
    assert r.exit_code == 1 and "up to date" not in r.stderr


def test_course_build_every_lecture_in_parallel_warnings_once(tmp_path, monkeypatch, cli):
    content = tmp_path / "content"
    content.mkdir()
    (content / "course.yaml").write_text('course: "Loops 101"\n')
    write_md(content, "---\ntitle: One\n---\n\n## A\n\n![](gone.png)\n", "one.md")
    write_md(content, "---\ntitle: Two\n---\n\n## B\n\ntext\n", "two.qmd")
    write_md(content, "---\ntitle: Three\n---\n\n## C\n\ntext\n", "three.md")
    (content / "notes.txt").write_text("not a lecture")
    monkeypatch.chdir(tmp_path)
    r = cli("all", "-j", "2")
    assert r.exit_code == 0, r.stderr
    assert sorted(p.name for p in Path("output").iterdir() if p.is_file()) == sorted(
        f"{n}{suffix}"
        for n in ("one", "two", "three")
        for suffix in (".pptx", "-handout.pdf", "-instructor.pdf", "-slides.pdf")
    )
    assert r.stderr.count("'gone.png' not found") == 1
    for name in ("one.md", "two.qmd", "three.md"):
        assert f"content/{name}: deck and handout agree with the source" in r.stderr
    # an edit rebuilds that lecture only
    (content / "three.md").write_text((content / "three.md").read_text() + "\n## D\n\nmore\n")
    r = cli("all", "-j", "2")
    assert r.exit_code == 0, r.stderr
    assert "wrote output/three.pptx" in r.stderr
    assert "content/one.md: up to date" in r.stderr and "content/two.qmd: up to date" in r.stderr
    r = cli("all", "--quiet")
    assert r.exit_code == 0
    assert "up to date" not in r.stderr and "wrote" not in r.stderr and "agree" not in r.stderr
    assert r.stderr.count("'gone.png' not found") == 1


def test_one_failing_lecture_does_not_stop_the_others(tmp_path, monkeypatch, cli):
    content = tmp_path / "content"
    content.mkdir()
    write_md(content, "---\ntitle: [broken\n---\n\n## A\n\nx\n", "bad.md")
    write_md(content, "---\ntitle: Good\n---\n\n## B\n\ntext\n", "good.md")
    monkeypatch.chdir(tmp_path)
    r = cli("slides", "-j", "2")
    assert r.exit_code == 1
    assert "content/bad.md:2:" in r.stderr and "[yaml]" in r.stderr
    assert "content/bad.md: deck not written; the previous output is kept" in r.stderr
    assert (tmp_path / "output" / "good.pptx").is_file() and not (tmp_path / "output" / "bad.pptx").exists()


def test_a_course_build_replaces_each_lecture_as_a_set_or_not_at_all(tmp_path, monkeypatch, cli):
    """In a course build, a lecture whose handout fails keeps all four previous outputs, byte for byte
    (its deck was rendered but is not put in place), while the other lecture is rebuilt."""
    content = tmp_path / "content"
    content.mkdir()
    write_md(content, "---\ntitle: One\n---\n\n## A\n\ntext\n", "one.md")
    write_md(content, "---\ntitle: Two\n---\n\n## B\n\ntext\n", "two.md")
    monkeypatch.chdir(tmp_path)
    assert cli("all", "-j", "2").exit_code == 0
    two = {n: (Path("output") / n).read_bytes() for n in os.listdir("output") if n.startswith("two")}
    assert len(two) == 4
    broken = Path("templates/broken/handout")
    broken.mkdir(parents=True)
    (broken / "handout.html.j2").write_text(
        '{% extends "base.html.j2" %}\n{% block cover %}{{ oops( }}{% endblock %}\n'
    )
    (content / "one.md").write_text((content / "one.md").read_text() + "\n## C\n\nmore\n")
    (content / "two.md").write_text("---\ntitle: Two\ntemplate: broken\n---\n\n## B changed\n\ntext\n")
    r = cli("all", "-j", "2")
    assert r.exit_code == 1
    assert "wrote output/one.pptx" in r.stderr and "wrote output/one-handout.pdf" in r.stderr
    assert "content/two.md: deck, handout, instructor handout and slides PDF not written" in r.stderr
    assert {n: (Path("output") / n).read_bytes() for n in os.listdir("output") if n.startswith("two")} == two
    assert not [p for p in Path("output").iterdir() if p.name.startswith(".podium-")]


def test_live_progress_on_a_terminal(project):
    """On a terminal, one rich display with every lecture and its stage (here forced on a buffer)."""
    import io

    from podium.course import build_all
    from podium.pipeline import DECK, BuildOptions, Output

    class Tty(io.StringIO):
        def isatty(self):
            return True

    stream = Tty()
    assert build_all([project], BuildOptions(out_dir=Path("output")), (Output(DECK),), stream=stream)
    shown = stream.getvalue()
    assert "loop.md: done" in shown and "wrote output/loop.pptx" in shown


def test_output_folder_holds_only_the_outputs_the_record_is_in_the_cache(project, cli):
    assert cli("all", project).exit_code == 0
    assert sorted(os.listdir("output")) == [
        "loop-handout.pdf",
        "loop-instructor.pdf",
        "loop-slides.pdf",
        "loop.pptx",
    ]
    records = sorted(os.listdir(Path(os.environ["PODIUM_CACHE"]) / "builds"))  # one record per output
    assert [r.rsplit("-", 1)[0] for r in records] == sorted(os.listdir("output"))
    assert all(r.endswith(".json") for r in records)


def test_each_output_is_up_to_date_on_its_own(project, cli):
    """`slides`, `handout` or `pdf` after `all` find what `all` wrote up to date: each output carries
    its own record, and an output is judged by what was asked of it, not by the whole command."""
    assert cli("all", project).exit_code == 0
    before = {p.name: p.stat().st_mtime_ns for p in Path("output").iterdir()}
    for args, what in (
        (("slides",), "deck"),
        (("handout",), "handout"),
        (("handout", "--variant", "instructor"), "instructor handout"),
        (("pdf",), "slides PDF"),
        (("slides", "--variant", "instructor"), "deck"),
    ):
        r = cli(*args, project)
        assert r.exit_code == 0 and f"up to date ({what})" in r.stderr, (args, r.stderr)
    assert {p.name: p.stat().st_mtime_ns for p in Path("output").iterdir()} == before
    # an option that shapes only the handout leaves the deck up to date
    assert "wrote output/loop-handout.pdf" in cli("handout", project, "--layout", "grid").stderr
    assert "up to date (deck)" in cli("slides", project).stderr
    # ... and `all` rebuilds just its student handout (no longer the one it wrote), checks the set, and
    # leaves the deck, the instructor handout and the slides PDF as they were
    kept = {n: (Path("output") / n).stat().st_mtime_ns for n in ("loop.pptx", "loop-instructor.pdf")}
    r = cli("all", project)
    assert r.exit_code == 0, r.stderr
    assert "wrote output/loop-handout.pdf" in r.stderr and "agree with the source" in r.stderr
    assert "wrote output/loop.pptx" not in r.stderr and "wrote output/loop-slides.pdf" not in r.stderr
    assert {n: (Path("output") / n).stat().st_mtime_ns for n in kept} == kept
    assert "up to date" in cli("all", project).stderr
    # an output replaced behind Podium's back is not up to date
    Path("output/loop.pptx").write_bytes(b"not a deck")
    assert "wrote output/loop.pptx" in cli("slides", project).stderr
    # the student deck is another file with its own record
    assert "wrote output/loop-student.pptx" in cli("slides", project, "--variant", "student").stderr
    assert "up to date (student deck)" in cli("slides", project, "--variant", "student").stderr
    assert "up to date (deck)" in cli("slides", project).stderr


def test_the_record_in_the_outputs_is_the_one_kept_for_the_skip(project, cli):
    """One record type: what the deck and the PDFs carry is the record the cache keeps, without its
    absolute paths; it names the template's files too."""
    from pypdf import PdfReader

    from podium import buildrecord

    assert cli("all", project).exit_code == 0
    deck = buildrecord.read_from_pptx(Path("output/loop.pptx"))
    slides = buildrecord.read_from_pdf(PdfReader("output/loop-slides.pdf"))
    kept = buildrecord.load_entry(Path("output/loop.pptx"))
    assert deck is not None and slides is not None and kept is not None
    assert deck.to_json() == kept.record.to_json()
    assert deck.kind == "deck" and slides.kind == "slides-pdf" and slides.options["variant"] == "student"
    assert deck.source_hash == buildrecord.file_hash(project)
    assert {"loop.md", "pic.png", "default/deck.pptx", "default/theme.yaml"} <= set(deck.files)
    assert deck.options["template"] == "default" and deck.options["fit"] == "shrink"
    assert str(Path.cwd()) not in Path("output/loop.pptx").read_bytes().decode("latin-1")
    assert kept.record.paths["pic.png"] == os.path.realpath("content/pic.png")


def test_new_scaffolds_a_lecture_that_builds_without_a_warning(tmp_path, monkeypatch, cli):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "course.yaml").write_text(
        'course: "Loops 101"\nlecturer: "Dr. Ada Byron"\nlang: de\n'
    )
    r = cli("new", "week-03")
    assert r.exit_code == 0, r.stderr
    assert r.stdout.startswith("created content/week-03.md")
    text = (tmp_path / "content" / "week-03.md").read_text()
    assert 'title: "Week 03"' in text and '"Dr. Ada Byron"' in text and "lang: de" in text
    for sample in (
        "::: notes",
        "::: handout",
        "::: incremental",
        ". . .",
        "| Approach |",
        "![",
        ":::: columns",
        "```python",
        "> ",
        "```chart",
        "$A = \\pi r^2$",
        "[^area]",
        "::: slides",
        "\n# ",
    ):
        assert sample in text, sample
    r = cli("all", "content/week-03.md", "--strict")
    assert r.exit_code == 0, r.stderr
    assert "warning" not in r.stderr
    from pptx import Presentation

    titles = [
        s.shapes.title.text for s in Presentation("output/week-03.pptx").slides if s.shapes.title is not None
    ]
    assert titles[:4] == [
        "Week 03",
        "Getting started",
        "What this file shows",
        "Points that appear one by one",
    ]
    r = cli("new", "week-03")  # never overwrites
    assert r.exit_code == 1 and "content/week-03.md already exists" in r.stderr
    r = cli("new", "../escape")
    assert r.exit_code == 1 and "not a usable lecture name" in r.stderr


@pytest.mark.parametrize("command", ["slides", "handout", "all", "check", "new", "watch", "template"])
def test_every_command_has_help(cli, command):
    r = cli(command, "--help")
    assert r.exit_code == 0 and "Usage: " in r.stdout


def test_python_dash_m_podium_runs_the_same_cli(tmp_path):
    import subprocess
    import sys

    r = subprocess.run(
        [sys.executable, "-m", "podium", "--help"], capture_output=True, text=True, cwd=tmp_path
    )
    assert r.returncode == 0
    for command in ("slides", "handout", "all", "check", "new", "watch", "template"):
        assert command in r.stdout
