"""CLI tests through Click's CliRunner: exit codes, stderr messages, atomic outputs, check."""

from __future__ import annotations

from .conftest import write_md

GOOD = """
---
title: T
---

## One

text

::: notes
note one
:::

## Two

more
"""


def test_all_builds_and_checks(tmp_path, cli):
    src = write_md(tmp_path, GOOD)
    out = tmp_path / "out"
    r = cli("all", str(src), "-o", str(out))
    assert r.exit_code == 0, r.stderr
    assert (out / "lecture.pptx").is_file() and (out / "lecture-handout.pdf").is_file()
    assert "deck and handout agree with the source" in r.stderr


def test_check_catches_drift(tmp_path, cli):
    src = write_md(tmp_path, GOOD)
    out = tmp_path / "out"
    assert cli("all", str(src), "-o", str(out)).exit_code == 0
    # edit the source and rebuild only the deck: the handout is now stale
    src.write_text(
        src.read_text().replace("## Two", "## Two renamed\n\n::: notes\nnew note\n:::\n\n## Three")
    )
    assert cli("slides", str(src), "-o", str(out)).exit_code == 0
    r = cli("check", str(src), "-o", str(out))
    assert r.exit_code == 1
    assert "lecture-handout.pdf has 3 slides but the source makes 4" in r.stderr
    assert 'slide 3 "Two renamed": title: handout "Two" but source "Two renamed"' in r.stderr
    assert 'slide 3 "Two renamed": speaker note "new note" is missing from the handout' in r.stderr


def test_content_error_exit_1_no_traceback_previous_output_kept(tmp_path, cli):
    src = write_md(tmp_path, GOOD)
    out = tmp_path / "out"
    assert cli("slides", str(src), "-o", str(out)).exit_code == 0
    before = (out / "lecture.pptx").read_bytes()
    src.write_text("---\ntitle: [broken\n---\n\n## S\n\nx\n")
    r = cli("slides", str(src), "-o", str(out))
    assert r.exit_code == 1
    assert "lecture.md:2:" in r.stderr and "error: front matter is not valid YAML" in r.stderr
    assert "[yaml]" in r.stderr and "Traceback" not in r.output + r.stderr
    assert "previous output is kept" in r.stderr
    assert (out / "lecture.pptx").read_bytes() == before
    assert not list(out.glob(".podium-*"))


def test_strict_turns_warnings_into_failure(tmp_path, cli):
    src = write_md(tmp_path, "## S\n\n![](missing.png)\n")
    out = tmp_path / "out"
    r = cli("slides", str(src), "-o", str(out))
    assert r.exit_code == 0 and "warning: picture 'missing.png' not found" in r.stderr
    r = cli("slides", str(src), "-o", str(out), "--strict")
    assert r.exit_code == 1 and "--strict" in r.stderr


def test_usage_errors_exit_2(tmp_path, cli):
    assert cli("slides", str(tmp_path / "nope.md")).exit_code == 2
    assert cli("slides", "--slide-level", "9", str(tmp_path)).exit_code == 2
    assert cli("frobnicate").exit_code == 2


def test_slide_level_option(tmp_path, cli):
    from pptx import Presentation

    src = write_md(tmp_path, "# A\n\n## B\n\ntext\n")
    out = tmp_path / "out"
    assert cli("slides", str(src), "-o", str(out), "--slide-level", "1").exit_code == 0
    assert [s.shapes.title.text for s in Presentation(str(out / "lecture.pptx")).slides] == ["A"]


def test_every_problem_reported_at_once(tmp_path, cli):
    src = write_md(
        tmp_path,
        "## S\n\n```chart\ntype: nope\n```\n\n## T\n\n```chart\ncategories: [a]\nseries: {x: [y]}\n```\n",
    )
    r = cli("slides", str(src), "-o", str(tmp_path / "out"))
    assert r.exit_code == 1
    errors = [line for line in r.stderr.splitlines() if ": error: " in line]
    assert any(":4: error: unknown chart type 'nope'" in line for line in errors)  # the type: line
    assert any(":11: error: series 'x' has 'y', which is not a number" in line for line in errors)  # its line


def test_a_bug_of_podiums_own_is_a_message_asking_for_a_report(tmp_path, cli, monkeypatch):
    """An exception that is not the lecturer's mistake: one `[internal]` line in words, exit 1, no
    traceback, and the previous output kept; PODIUM_DEBUG=1 lets the traceback through."""
    from podium import pipeline

    def broken(*args):
        raise RuntimeError("boom")

    src = write_md(tmp_path, "---\ntitle: T\n---\n\n## A\n\n- b\n")
    monkeypatch.setitem(pipeline.RENDERERS, pipeline.DECK, broken)
    monkeypatch.delenv("PODIUM_DEBUG", raising=False)
    r = cli("slides", src, "-o", tmp_path / "out")
    assert r.exit_code == 1
    assert "internal error while building (RuntimeError: boom); please report it" in r.stderr, r.stderr
    assert "[internal]" in r.stderr and "Traceback" not in r.stderr
    assert not (tmp_path / "out" / "lecture.pptx").exists()
    monkeypatch.setenv("PODIUM_DEBUG", "1")
    from click.testing import CliRunner

    from podium.cli import cli as podium_cli

    result = CliRunner().invoke(podium_cli, ["slides", str(src), "-o", str(tmp_path / "out"), "--force"])
    assert isinstance(result.exception, RuntimeError)


def test_messages_come_in_the_order_of_the_source_lines(tmp_path, cli):
    """The reader warns of the inline code (line 5) only once it has read the whole lecture, after the
    missing picture (line 8); the lecturer reads them in the file's order."""
    src = write_md(
        tmp_path, "---\ntitle: T\n---\n\n## Fit `r hexes()`\n\n- a\n\n![x](missing.png)\n", "l.qmd"
    )
    r = cli("slides", str(src), "-o", str(tmp_path / "out"))
    lines = [int(x.split(":")[1]) for x in r.stderr.splitlines() if x.startswith(str(src)) or "l.qmd:" in x]
    assert len(lines) >= 2 and lines == sorted(lines), r.stderr


def test_a_kind_of_warning_that_repeats_is_printed_three_times_then_counted(tmp_path, cli):
    from PIL import Image

    for k in range(6):
        Image.new("RGB", (40, 30), (30 * k, 90, 90)).save(tmp_path / f"p{k}.png")
    body = "".join(f"## S{k}\n\n![](p{k}.png)\n\n" for k in range(6))
    src = tmp_path / "l.md"
    src.write_text("---\ntitle: T\n---\n\n" + body)
    short = cli("slides", str(src), "-o", str(tmp_path / "out"), "--force")
    lines = [x for x in short.stderr.splitlines() if "[no-alt]" in x]
    assert len(lines) == 4 and lines[-1].endswith(
        "warning: 3 more of this kind at lines 19, 23, 27 (--all-warnings shows each) [no-alt]"
    ), lines
    every = cli("slides", str(src), "-o", str(tmp_path / "out"), "--force", "--all-warnings")
    assert len([x for x in every.stderr.splitlines() if "[no-alt]" in x]) == 6
