"""Robustness with untrusted content: every source builds or stops with a clear ``file:line`` message.

Never a traceback, never a hang, never a lost or half-written output, never content dropped
without a warning.  Most cases go through ``podium.pipeline`` (fast); a few through the Click CLI
(``CliRunner``, which keeps stderr apart) and a few through a real ``python build.py`` process
(kill -9 mid-write, two builds at once).
"""

from __future__ import annotations

import os
import random
import re
import signal
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

import pytest

from podium.diagnostics import BuildError, Diagnostics
from podium.handout.html import render_html
from podium.pipeline import BuildOptions, build_handout, build_slides, load
from podium.verify import read_handout

from .big_inputs import long_table, many_slides, torture_lecture, wide_table
from .conftest import ROOT, write_md

# --------------------------------------------------------------------------- helpers


class Hang(BaseException):
    """Raised by :func:`time_limit`; a BaseException so no ``except Exception``/``OSError`` swallows it."""


@contextmanager
def time_limit(seconds: int):
    """Raise :class:`Hang` in the block when it has used ``seconds`` of CPU time: a hang is a failure.

    A hang guard, not a speed claim (bench/hostile.py measures those): it counts this process's CPU
    time (``ITIMER_PROF``), not the clock, so a machine busy with other work does not fail it.
    """

    def on_timer(signum, frame):
        raise Hang(f"used more than {seconds} s of CPU time")

    assert signal.getitimer(signal.ITIMER_PROF) == (0.0, 0.0), "time_limit does not nest"
    old = signal.signal(signal.SIGPROF, on_timer)
    signal.setitimer(signal.ITIMER_PROF, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0)
        signal.signal(signal.SIGPROF, old)


def deck_titles(path: Path) -> list[str]:
    from pptx import Presentation

    prs = Presentation(str(path))
    return [s.shapes.title.text_frame.text if s.shapes.title is not None else "" for s in prs.slides]


def messages(diags: Diagnostics) -> list[str]:
    return [d.format() for d in diags.items]


def build_deck_and_html(folder: Path, text: str | bytes, limit: int = 20):
    """Write ``text`` to folder/lecture.md, build the deck and render the handout HTML.

    Returns (deck path, html, diagnostics); a BuildError propagates (with its diagnostics).
    """
    src = folder / "lecture.md"
    if isinstance(text, bytes):
        src.write_bytes(text)
    else:
        src.write_text(text, encoding="utf-8")
    diags = Diagnostics()
    with time_limit(limit):
        deck = build_slides(src, BuildOptions(out_dir=folder / "out"), diags)
        lecture, template = load(src, BuildOptions(out_dir=folder / "out"), Diagnostics())
        html = render_html(lecture, template, Diagnostics())
    return deck, html, diags


def expect_error(folder: Path, text: str | bytes, where: str, fragment: str) -> str:
    """Assert that building ``text`` stops with ``where: error: …fragment…``; return that message."""
    with pytest.raises(BuildError) as info:
        build_deck_and_html(folder, text)
    errors = [d.format() for d in info.value.diagnostics.errors]
    hit = [e for e in errors if re.match(rf"{re.escape(where)}(:\d+)?: error: ", e) and fragment in e]
    assert hit, f"expected '{where}: error: …{fragment}…' among {errors}"
    assert not (folder / "out" / "lecture.pptx").exists(), "a failed build must not write the deck"
    return hit[0]


@pytest.fixture
def here(tmp_path, monkeypatch):
    """A temporary folder that is also the current folder, so messages say ``lecture.md:LINE``."""
    monkeypatch.chdir(tmp_path)
    return tmp_path


# --------------------------------------------------------------------------- bad input: errors at the real line

YAML_CASES = {
    # the front matter starts at line 1 ('---'); its YAML lines are 2, 3, 4 …
    "mapping-in-value": (
        "---\ntitle: Fine\nsubtitle: fine too\nauthor: a: b\n---\n\n# S\n\nx\n",
        "lecture.md:4",
        "front matter is not valid YAML",
    ),
    "unclosed-list": (
        "---\ntitle: A\nauthor: [x, y\n---\n\n# S\n\nx\n",
        "lecture.md:3",
        "front matter is not valid YAML",
    ),
    "tab-indent": (
        "---\ntitle: A\ndate: 2024\n\tlang: en\n---\n\n# S\n\nx\n",
        "lecture.md:4",
        "front matter is not valid YAML",
    ),
    "not-a-mapping": ("---\n- a\n- b\n---\n\n# S\n\nx\n", "lecture.md:2", "must be a YAML mapping"),
    "python-tag": (
        "---\ntitle: !!python/object/apply:os.getcwd []\n---\n\n# S\n\nx\n",
        "lecture.md:2",
        "front matter is not valid YAML",
    ),
}


@pytest.mark.parametrize("case", sorted(YAML_CASES))
def test_broken_front_matter_errors_at_its_line(here, case):
    text, where, fragment = YAML_CASES[case]
    expect_error(here, text, where, fragment)


def test_bad_slide_level_errors_at_its_line(here):
    msg = expect_error(
        here,
        "---\ntitle: A\ndate: today\nslide-level: deep\n---\n\n# S\n\nx\n",
        "lecture.md:4",
        "slide-level must be a whole number",
    )
    assert (
        msg == "lecture.md:4: error: slide-level must be a whole number from 0 to 6, not 'deep' [slide-level]"
    )


def test_bad_slide_level_is_an_error(here):
    with pytest.raises(BuildError) as info:
        build_deck_and_html(here, "---\ntitle: A\nslide-level: 9\n---\n\n# S\n\nx\n")
    assert "slide-level must be a whole number from 0 to 6, not 9" in str(info.value)


def deck_texts(path: Path) -> list[str]:
    """The text of every text frame (titles, bodies, tables) and chart category of every slide."""
    from pptx import Presentation

    out = []
    for slide in Presentation(str(path)).slides:
        for sh in slide.shapes:
            if sh.has_text_frame:
                out.append(sh.text_frame.text)
            if getattr(sh, "has_chart", False) and sh.has_chart:
                out += [str(c) for c in sh.chart.plots[0].categories]
    return out


# YAML timestamps stay the text that was written: an impossible date builds and shows as written
@pytest.mark.parametrize("where", ["front-matter", "course.yaml", "chart"])
def test_impossible_date_builds_as_written(here, where):
    if where == "front-matter":
        text, shown = "---\ntitle: T\ndate: 2024-02-30\n---\n\n# S\n\nx\n", "2024-02-30"
    elif where == "course.yaml":
        (here / "course.yaml").write_text("course: X\nterm: 2024-13-45\n")
        text, shown = "---\ntitle: T\n---\n\n# S\n\nx\n", "2024-13-45"
    else:
        text, shown = (
            CHART.format(body="type: bar\ncategories: [2024-02-30]\nseries:\n  x: [1]\n"),
            "2024-02-30",
        )
    deck, html, diags = build_deck_and_html(here, text)
    assert messages(diags) == []
    assert any(shown in t for t in deck_texts(deck)), deck_texts(deck)
    assert shown in html


@pytest.mark.parametrize("date", ["2024-2-1", "2024-02-01 10:00:00", "2024-02-01T10:00:00Z"])
def test_a_date_shows_as_written(here, date):
    from podium.reader import parse_lecture

    lecture = parse_lecture(f"---\ntitle: T\ndate: {date}\n---\n\n# S\n\nx\n", "lecture.md", Diagnostics())
    assert lecture.meta.date == date


@pytest.mark.parametrize(
    "value,problem",
    [
        ("!!int many", "invalid literal for int() with base 10: 'many'"),
        ("!!float lots", "could not convert string to float: 'lots'"),
        ("!!int 0x_", "invalid literal for int() with base 16: ''"),
    ],
)
def test_explicit_yaml_number_tag_on_text_errors_cleanly(here, value, problem):
    msg = expect_error(here, f"---\ntitle: T\nsubtitle: {value}\n---\n\n# S\n\nx\n", "lecture.md:3", "YAML")
    assert (
        msg
        == f"lecture.md:3:11: error: front matter is not valid YAML: a value cannot be read: {problem} [yaml]"
    )


@pytest.mark.parametrize(
    "value",
    [
        pytest.param("!!bool maybe", id="bool"),
        pytest.param("!!int ''", id="empty-int"),
        pytest.param("!!float ''", id="empty-float"),
    ],
)
def test_other_yaml_tags_on_text_error_cleanly(here, value):
    msg = expect_error(here, f"---\ntitle: T\nsubtitle: {value}\n---\n\n# S\n\nx\n", "lecture.md:3", "YAML")
    assert msg.startswith(
        "lecture.md:3:11: error: front matter is not valid YAML: a value cannot be read: "
    ), msg


@pytest.mark.parametrize("where", ["front-matter", "chart"])
def test_absurdly_nested_yaml_errors_cleanly(here, where):
    deep = "x: " + "[" * 1000 + "]" * 1000
    if where == "front-matter":
        text, at = f"---\ntitle: T\n{deep}\n---\n\n# S\n\nx\n", "lecture.md:3"
    else:
        text, at = CHART.format(body=f"type: bar\n{deep}\n"), "lecture.md:7"
    expect_error(here, text, at, "YAML")


def test_cli_impossible_date_no_traceback(here, cli):
    write_md(here, "---\ntitle: T\ndate: 2024-13-45\n---\n\n# S\n\nx\n")
    r = cli("slides", "lecture.md", "-o", "out")
    assert r.exit_code in (0, 1)


def test_cli_impossible_date_builds_and_shows_as_written(here, cli):
    write_md(here, "---\ntitle: T\ndate: 2024-13-45\n---\n\n# S\n\nx\n")
    r = cli("slides", "lecture.md", "-o", "out")
    assert (r.exit_code, r.stderr) == (0, "wrote out/lecture.pptx\n")
    assert any("2024-13-45" in t for t in deck_texts(here / "out" / "lecture.pptx"))


def test_invalid_utf8_errors_at_line_and_column(here):
    data = "---\ntitle: T\n---\n\n# S\n\ncafé ".encode() + b"\xff\xfe bad\n"
    msg = expect_error(here, data, "lecture.md:7:7", "not valid UTF-8")
    assert "0xff" in msg


def test_latin1_file_errors_at_first_bad_byte(here):
    data = "# Über\n\nnaïve\n".encode("latin-1")
    expect_error(here, data, "lecture.md:1:3", "not valid UTF-8")


@pytest.mark.parametrize("text", ["", "\n\n   \n", "\ufeff"], ids=["empty", "blank-lines", "bom-only"])
def test_empty_file_errors(here, text):
    expect_error(here, text, "lecture.md:1", "the file is empty")


def test_front_matter_only_without_title_errors(here):
    expect_error(here, "---\nlang: en\n---\n", "lecture.md:1", "no slides")


def test_binary_file_errors(here):
    from PIL import Image

    Image.new("RGB", (8, 8)).save(here / "pic.png")
    data = (here / "pic.png").read_bytes()
    nul_line = data[: data.index(b"\0")].count(b"\n") + 1
    msg = expect_error(here, data, f"lecture.md:{nul_line}", "binary file")
    assert "NUL" in msg


def test_binary_after_text_errors_at_the_nul_line(here):
    expect_error(here, b"# S\n\ntext\n\n\x00\x01\x02\n", "lecture.md:5", "binary file")


def test_huge_file_is_refused(here):
    text = "# S\n\n" + ("word " * 20 + "\n") * 220_000  # > 20 MiB
    expect_error(here, text, "lecture.md:1", "larger than")


# --------------------------------------------------------------------------- chart blocks

CHART = "# Data\n\nintro\n\n```chart\n{body}```\n"  # the fence opens at line 5; errors at their key's line
CHART_CASES = {
    "lengths-differ": (
        "type: bar\ncategories: [a, b]\nseries:\n  x: [1, 2, 3]\n",
        "lecture.md:9",
        "series 'x' has 3 values but there are 2 categories",
    ),
    "not-a-number": (
        "type: line\ncategories: [a, b]\nseries:\n  x: [1, many]\n",
        "lecture.md:9",
        "'many', which is not a number",
    ),
    "nested-list": ("type: bar\ncategories: [a]\nseries:\n  x: [[1]]\n", "lecture.md:9", "not a number"),
    "boolean": ("type: bar\ncategories: [a]\nseries:\n  x: [true]\n", "lecture.md:9", "not a number"),
    "infinity": ("type: bar\ncategories: [a]\nseries:\n  x: [.inf]\n", "lecture.md:9", "not a number"),
    "unknown-type": (
        "type: donut\ncategories: [a, b]\nseries:\n  x: [1, 2]\n",
        "lecture.md:6",
        "unknown chart type 'donut'",
    ),
    "yaml-syntax": (
        "type: bar\ncategories: [a, b\nseries:\n  x: [1, 2]\n",
        "lecture.md:8",
        "chart is not valid YAML",
    ),
    "scalar": ("just some words\n", "lecture.md:5", "chart needs YAML keys"),
    "empty": ("", "lecture.md:5", "chart needs YAML keys"),
    "series-not-map": ("type: bar\ncategories: [a]\nseries: 3\n", "lecture.md:8", "chart needs 'series'"),
    "categories-not-list": (
        "type: bar\ncategories: {a: 1}\nseries:\n  x: [1]\n",
        "lecture.md:7",
        "chart needs 'categories' as a list",
    ),
    "pie-negative": (
        "type: pie\ncategories: [a, b]\nseries:\n  x: [1, -2]\n",
        "lecture.md:8",
        "cannot show negative values",
    ),
    "python-tag": ("!!python/object/apply:os.getcwd []\n", "lecture.md:6", "chart is not valid YAML"),
    "data-outside": (
        "type: bar\ndata: /etc/passwd\n",
        "lecture.md:7",
        "chart data file '/etc/passwd' cannot be read",
    ),
}


@pytest.mark.parametrize("case", sorted(CHART_CASES))
def test_malformed_chart_errors_at_the_keys_line(here, case):
    body, where, fragment = CHART_CASES[case]
    expect_error(here, CHART.format(body=body), where, fragment)


def test_chart_errors_are_all_reported_at_once(here):
    text = (
        CHART.format(body="type: donut\ncategories: [a]\nseries:\n  x: [1]\n")
        + "\n# More\n\n```chart\ntype: bar\ncategories: [a]\nseries:\n  y: [1, 2]\n```\n"
    )
    with pytest.raises(BuildError) as info:
        build_deck_and_html(here, text)
    errors = messages(info.value.diagnostics)
    assert any(e.startswith("lecture.md:6: error: unknown chart type") for e in errors), errors  # type:
    assert any(e.startswith("lecture.md:18: error: series 'y' has 2 values") for e in errors), errors  # y:


def test_good_chart_builds(here):
    deck, html, diags = build_deck_and_html(
        here, CHART.format(body="type: column\ntitle: T\ncategories: [a, b]\nseries:\n  x: [1, 2.5]\n")
    )
    from pptx import Presentation

    charts = [sh.chart for s in Presentation(str(deck)).slides for sh in s.shapes if sh.has_chart]
    assert [list(p.series[0].values) for p in charts[0].plots] == [[1.0, 2.5]]
    assert "<svg" in html


# --------------------------------------------------------------------------- unusual but valid structure


def test_heading_only_file_builds_one_titled_slide(here):
    deck, html, diags = build_deck_and_html(here, "# Only a heading\n")
    assert deck_titles(deck) == ["Only a heading"]
    assert not diags.errors


def test_unclosed_fenced_div_warns_at_its_line_and_keeps_content(here):
    text = "# S\n\nbefore\n\n::: notes\nsay this\n\n# T\n\nafter\n"
    deck, html, diags = build_deck_and_html(here, text)
    assert "lecture.md:5: warning: fenced div ':::' opened here is never closed" in "\n".join(messages(diags))
    assert "say this" in html


def test_unclosed_code_fence_warns_at_its_line(here):
    text = "# S\n\n```python\nx = 1\n\n# Swallowed heading\n\nmore\n"
    deck, html, diags = build_deck_and_html(here, text)
    assert any(
        m.startswith("lecture.md:3: warning: code fence opened here is never closed") for m in messages(diags)
    ), messages(diags)
    assert "Swallowed heading" in html  # kept, as code


def test_unclosed_front_matter_warns_and_reads_markdown(here):
    deck, html, diags = build_deck_and_html(here, "---\ntitle: T\n\n# S\n\ntext\n")
    assert "lecture.md:1: warning: front matter opened with '---' is never closed" in "\n".join(
        messages(diags)
    )


@pytest.mark.parametrize(
    "text",
    [
        "# S\n\n" + "".join("  " * i + "- level\n" for i in range(300)),
        "# S\n\n" + ">" * 500 + " deep\n",
        "# S\n\n" + "".join("> " * i + "- x\n" for i in range(1, 200)),
        "# S\n\n" + "::: d\n" * 300 + "x\n" + ":::\n" * 300,
        "# S\n\n" + ":::: columns\n" * 60 + "x\n" + "::::\n" * 60,
        "# S\n\n" + "".join("   " * i + "1. x\n" for i in range(200)),
    ],
    ids=["list-300", "quote-500", "quote-list-200", "div-300", "columns-60", "ordered-200"],
)
def test_absurd_nesting_builds_or_fails_precisely_in_bounded_time(here, text):
    """Deeper than the parser reads, a build stops with an error at the line, never losing content quietly."""
    try:
        deck, html, diags = build_deck_and_html(here, text)
    except BuildError as e:
        codes = {d.code for d in e.diagnostics.errors}
        assert codes == {"too-deep"}, codes
        assert re.match(r"lecture\.md:\d+: error: lists or quotes are nested too deeply here", str(e))
        return
    assert deck_titles(deck)[0] == "S"


def test_nested_columns_handout_builds_in_bounded_time(here):
    src = write_md(here, "# S\n\n" + ":::: columns\n::: column\n" * 11 + "x\n" + ":::\n::::\n" * 11)
    with time_limit(60):
        build_handout(src, BuildOptions(out_dir=here / "out"), Diagnostics())


def test_nested_columns_are_flattened_with_a_warning_at_each_column(here):
    # '::: column' lines are 4, 6, … 24; each of the outer ten holds columns of its own
    deck, html, diags = build_deck_and_html(
        here, "# S\n\n" + ":::: columns\n::: column\n" * 11 + "x\n" + ":::\n::::\n" * 11
    )
    assert sorted(messages(diags)) == sorted(
        f"lecture.md:{line}: warning: columns inside a column are shown one after another [nested-columns]"
        for line in range(4, 24, 2)
    )
    assert html.count('class="columns') == 1 and "x" in deck_texts(deck)


def test_columns_side_by_side_are_not_flattened(here):
    deck, html, diags = build_deck_and_html(
        here, "# S\n\n:::: columns\n::: column\nleft\n:::\n::: column\nright\n:::\n::::\n"
    )
    assert messages(diags) == []
    assert "left" in deck_texts(deck) and "right" in deck_texts(deck)


def test_too_deep_nesting_is_an_error(here):
    text = "# S\n\n" + "".join("  " * i + "- level\n" for i in range(300))
    with pytest.raises(BuildError) as e:
        build_deck_and_html(here, text)
    assert "nested too deeply here (the parser reads 40 levels of blocks" in str(e.value)


def test_too_deep_list_does_not_swallow_the_rest_of_the_file(here):
    text = "# Deep\n\n" + "".join("  " * i + "- level\n" for i in range(50)) + "\n# After\n\nmore\n"
    try:
        deck, html, diags = build_deck_and_html(here, text)
    except BuildError as e:
        assert "lecture.md:21: error: lists or quotes are nested" in str(e)  # the item where it gets too deep
        return
    assert deck_titles(deck) == ["Deep", "After"]


def test_too_deep_nesting_errors_at_the_deep_line(here):
    text = "# S\n\nintro\n\n## T\n\n" + ">" * 100 + " deep\n"  # the quote starts at line 7
    with pytest.raises(BuildError) as e:
        build_deck_and_html(here, text)
    assert str(e.value).startswith("lecture.md:7: error: lists or quotes are nested"), str(e.value)


PATHOLOGICAL = {
    "stars-30k": "*" * 30_000,
    "underscores-30k": "_" * 30_000,
    "open-brackets-30k": "[" * 30_000,
    "link-openers-20k": "[a](" * 20_000,
    "image-openers-20k": "![" * 20_000,
    "backticks-30k": "`" * 30_000,
    "angles-20k": "<" * 20_000,
    "dollars-30k": "$" * 30_000,
    "tildes-40k": "~" * 40_000,
    "backslashes-30k": "\\" * 30_000,
    "braces-20k": "[x]{" * 20_000,
    "alternating-emphasis": "*a _b " * 10_000,
    "entities": "&#x41;" * 20_000,
    "html-comment-open": "<!--" + "-" * 50_000,
}


@pytest.mark.parametrize("case", sorted(PATHOLOGICAL))
def test_pathological_inline_runs_build_in_bounded_time(here, case):
    deck, html, diags = build_deck_and_html(here, f"# Runs\n\n{PATHOLOGICAL[case]}\n", limit=30)
    assert deck_titles(deck)[0] == "Runs"  # (a run of '*' or '_' is a rule; nothing follows it, so no slide)


@pytest.mark.parametrize("case", ["paragraph", "heading", "code", "table-cell", "notes"])
def test_very_long_lines_build(here, case):
    long = " ".join(f"word{i}" for i in range(40_000))  # ~300 kB on one line
    text = {
        "paragraph": f"# S\n\n{long}\n",
        "heading": f"# {long}\n\ntext\n",
        "code": f"# S\n\n```python\nx = '{long}'\n```\n",
        "table-cell": f"# S\n\n| a | b |\n|---|---|\n| {long} | 1 |\n",
        "notes": f"# S\n\ntext\n\n::: notes\n{long}\n:::\n",
    }[case]
    deck, html, diags = build_deck_and_html(here, text, limit=30)
    assert len(deck_titles(deck)) == 1


def test_pathological_lecture_handout_pdf_builds(here):
    """The handout side of the cases above, in one PDF: WeasyPrint must not hang on any of them.

    Nesting goes as deep as the parser reads (37 quotes or divs, 18 list levels); one level more is
    an error (test_too_deep_nesting_*).  The runs here are a tenth of their full length (the same
    constructs); bench/hostile.py measures the handout at full length.
    """
    src = write_md(here, torture_lecture(0.1))
    with time_limit(120):
        pdf = build_handout(src, BuildOptions(out_dir=here / "out"), Diagnostics())
    titles = read_handout(pdf, images=False).titles  # every bookmark, sections and the slides under them
    assert [re.sub(r"^\d+\.\s*", "", t) for t in titles][-1] == "After", titles


@pytest.mark.parametrize(
    "text,line",
    [
        ("# S\n\n" + ">" * 38 + " deep\n", 3),
        ("# S\n\n" + "::: d\n" * 38 + "x\n" + ":::\n" * 38, 41),  # the paragraph inside the 38th div
        ("# S\n\n" + "".join("  " * i + "- level\n" for i in range(19)), 21),
    ],
    ids=["quote-38", "div-38", "list-19"],
)
def test_one_level_too_deep_is_an_error_at_its_line(here, text, line):
    with pytest.raises(BuildError) as info:
        build_deck_and_html(here, text)
    assert str(info.value) == (
        f"lecture.md:{line}: error: lists or quotes are nested too deeply here (the parser "
        "reads 40 levels of blocks, about 18 list or 38 quote levels); it would stop reading "
        "and lose the rest of the file [too-deep]"
    )


def test_windows_and_old_mac_line_ends_and_bom(here):
    deck, html, diags = build_deck_and_html(
        here, "\ufeff---\r\ntitle: T\r\n---\r\n\r\n# A\r\rtext\r\n# B\n\nx\n"
    )
    assert deck_titles(deck) == ["T", "A", "B"]


@pytest.mark.parametrize("char", ["\x01", "\x08", "\x0b", "\x0c", "\x1b", "\x7f"])
@pytest.mark.parametrize("where", ["title", "body", "notes", "code"])
def test_c0_control_characters_in_the_body_build(here, char, where):
    text, at = {
        "title": (f"# S{char}T\n\nx\n", "1:4"),
        "body": (f"# S\n\na{char}b\n", "3:2"),
        "notes": (f"# S\n\nx\n\n::: notes\nn{char}n\n:::\n", "6:2"),
        "code": (f"# S\n\n```\na{char}b\n```\n", "4:2"),
    }[where]
    deck, html, diags = build_deck_and_html(here, text)
    assert len(deck_titles(deck)) == 1
    if char == "\x7f":  # DEL is a character XML can hold
        assert messages(diags) == []
    else:
        assert messages(diags) == [
            f"lecture.md:{at}: warning: the file holds characters a document cannot contain "
            f"(U+{ord(char):04X}); they are shown as \ufffd [bad-character]"
        ]


@pytest.mark.parametrize("char", ["\ufffe", "\uffff", "\x01", "\x1f"], ids=["U+FFFE", "U+FFFF", "SOH", "US"])
def test_xml_forbidden_characters_in_the_body_are_replaced_with_one_warning(here, char):
    """Characters XML cannot hold become U+FFFD; one warning, at the first one's line and column."""
    deck, html, diags = build_deck_and_html(here, f"# S\n\ntext{char}more\n\n- item {char}{char}\n")
    assert messages(diags) == [
        f"lecture.md:3:5: warning: the file holds characters a document cannot contain "
        f"(U+{ord(char):04X}); they are shown as \ufffd [bad-character]"
    ]
    texts = deck_texts(deck)
    assert "text\ufffdmore" in texts[1] and "item \ufffd\ufffd" in texts[1], texts
    assert "text\ufffdmore" in html and char not in html


@pytest.mark.parametrize("char", ["\x01", "\x1b", "\ufffe"], ids=["SOH", "ESC", "U+FFFE"])
def test_control_characters_in_front_matter_are_dropped_silently(here, char):
    """A YAML escape such as "\\u001b" in a front-matter string: the character is left out, without a word."""
    from pptx import Presentation

    text = (
        f'---\ntitle: "a\\u{ord(char):04x}b"\nauthor: ["c\\u{ord(char):04x}d"]\n'
        f'institute: "e\\u{ord(char):04x}f"\n---\n\n# S\n\ntext\n'
    )
    deck, html, diags = build_deck_and_html(here, text)
    assert messages(diags) == []
    prs = Presentation(str(deck))
    assert prs.core_properties.title == "ab" and prs.core_properties.author == "cd"
    assert deck_titles(deck) == ["ab", "S"]
    assert "<title>ab</title>" in html and "cd" in html and "ef" in html and char not in html


@pytest.mark.parametrize("char", ["\x7f", "\x9f"], ids=["DEL", "APC"])
@pytest.mark.parametrize("where", ["front-matter", "chart", "course.yaml"])
def test_a_character_yaml_refuses_is_an_error_at_its_line(here, where, char):
    if where == "front-matter":
        text, at = f'---\ntitle: T\nsubtitle: S\nauthor: "A{char}B"\n---\n\n# S\n\nx\n', "lecture.md:4"
    elif where == "chart":
        text, at = (
            CHART.format(body=f'type: bar\ncategories: ["A{char}B"]\nseries:\n  s: [1]\n'),
            "lecture.md:7",
        )
    else:
        (here / "course.yaml").write_text(f'course: C\nterm: "A{char}B"\n', encoding="utf-8")
        text, at = "# S\n\nx\n", "course.yaml:2"
    try:
        build_deck_and_html(here, text)  # building (the character kept or dropped) is a fine answer too
    except BuildError as e:
        errors = [d.format() for d in e.diagnostics.errors]
        assert len(errors) == 1 and errors[0].startswith(f"{at}:") and "\n" not in errors[0], errors


@pytest.mark.parametrize("where", ["category", "series", "csv"])
def test_control_characters_in_chart_names_are_dropped(here, where):
    if where == "csv":
        (here / "d.csv").write_text("k,v\nc\x01d,1\n", encoding="utf-8")
        body = "type: bar\ndata: d.csv\n"
    elif where == "category":
        body = 'type: bar\ncategories: ["c\\u0001d"]\nseries:\n  s: [1]\n'
    else:
        body = 'type: bar\ncategories: [cd]\nseries:\n  "s\\ufffet": [1]\n'
    deck, html, diags = build_deck_and_html(here, CHART.format(body=body))
    assert "cd" in deck_texts(deck) and "\x01" not in html and "\ufffe" not in html


def test_form_feed_entity_in_a_picture_description_builds(here):
    from PIL import Image

    Image.new("RGB", (8, 6)).save(here / "pic.png")
    deck, html, diags = build_deck_and_html(here, "# S\n\n![a&#12;b](pic.png)\n")
    assert messages(diags) == []


def test_form_feed_entity_in_text_builds(here):
    deck, html, diags = build_deck_and_html(here, "# S&#12;T\n\na&#x0C;b\n\n| c&#12;d |\n|---|\n| 1 |\n")
    assert messages(diags) == [] and len(deck_titles(deck)) == 1


def test_long_table_builds(here):
    # how quickly: bench/hostile.py
    deck, html, diags = build_deck_and_html(here, long_table(250))
    assert deck_titles(deck)[0] == "Data" and "row 249" in html


def test_wide_table_builds(here):
    deck, html, diags = build_deck_and_html(here, wide_table(250))
    assert deck_titles(deck)[0] == "Wide"


CODE_SAMPLE = "key: value\nx = [1, 'a', \"b\"]  # comment\n<div class='x'>y</div>\n$x @y %z {a: b}\n- item\n"


@pytest.mark.parametrize(
    "lang",
    [
        "python",
        "r",
        "julia",
        "bash",
        "javascript",
        "json",
        "html",
        "css",
        "c",
        "cpp",
        "java",
        "rust",
        "go",
        "sql",
        "latex",
        "matlab",
        "toml",
        "ini",
        "dockerfile",
        "makefile",
        "diff",
        "no-such-language",
        # lexers whose token types the 'friendly' style does not list (KeyError once)
        "yaml",
        "postgresql",
        "prolog",
        "solidity",
        "isabelle",
    ],
)
def test_code_in_any_language_builds(here, lang):
    deck, html, diags = build_deck_and_html(here, f"# Code\n\n```{lang}\n{CODE_SAMPLE}```\n")
    assert deck_titles(deck) == ["Code"]


# --------------------------------------------------------------------------- other tools' dialects


def test_quarto_callout_builds_and_keeps_its_text(here):
    text = '# S\n\n::: {.callout-note}\n## Note\nRemember **this**.\n:::\n\n::: {.callout-warning title="Careful"}\nHot.\n:::\n'
    deck, html, diags = build_deck_and_html(here, text)
    assert deck_titles(deck) == ["S"]
    assert "Remember" in html and "Hot." in html
    assert "callout-note" in html and "Careful" in html


def test_revealjs_slide_attributes_are_stripped_from_titles_and_fetch_nothing(here):
    text = (
        '# Intro {data-background-image="https://127.0.0.1:9/bg.png" data-transition="zoom"}\n\ntext\n\n'
        '# Next {.smaller data-background-color="#000"}\n\nmore\n'
    )
    deck, html, diags = build_deck_and_html(here, text)
    assert deck_titles(deck) == ["Intro", "Next"]
    # the background picture is shown as a picture (a placeholder naming it), never fetched
    assert not re.search(r"""(?:src=["']?|url\(["']?)https://127\.0\.0\.1""", html)
    assert any("[remote-refused]" in x and "127.0.0.1" in x for x in messages(diags))


def test_marp_directives_build(here):
    text = (
        "---\nmarp: true\ntheme: gaia\npaginate: true\n---\n\n<!-- _class: lead -->\n\n# Marp title\n\n"
        "text\n\n---\n\n<!-- backgroundColor: aqua -->\n\n# Second\n\nmore\n"
    )
    deck, html, diags = build_deck_and_html(here, text)
    assert deck_titles(deck) == ["Marp title", "Second"]  # the '---' before a comment and a heading: no slide
    assert not [m for m in messages(diags) if "raw HTML" in m], "HTML comments are not content"


EMPTY_SLIDE_CASES = {  # source → pandoc 3.9's slide titles ("" for untitled), as `pandoc -t pptx` makes them
    "rule-then-heading": ("# A\n\nx\n\n---\n\n# B\n\ny\n", ["A", "B"]),
    "two-rules": ("x\n\n---\n\n---\n\ny\n", ["", ""]),
    "trailing-rule": ("# A\n\nx\n\n---\n", ["A"]),
    "rule-under-section": ("# S\n\n## A\n\nx\n\n---\n\n## B\n\ny\n", ["S", "A", "B"]),
    "leading-comment": ("<!-- c -->\n\n# B\n\ny\n", ["B"]),
    "marp": ("<!-- _class: lead -->\n\n# M\n\ntext\n\n---\n\n<!-- bg: aqua -->\n\n# N\n\nmore\n", ["M", "N"]),
}


@pytest.mark.parametrize("case", sorted(EMPTY_SLIDE_CASES))
def test_rules_make_no_empty_slides_as_in_pandoc(here, case):
    from podium.model import plain_text
    from podium.reader import parse_lecture

    text, titles = EMPTY_SLIDE_CASES[case]
    lecture = parse_lecture(text, "lecture.md", Diagnostics())
    assert [plain_text(s.title) for s in lecture.slides] == titles


def test_slidev_per_slide_yaml_builds(here):
    text = (
        "---\ntheme: seriph\ntitle: Slidev deck\n---\n\n# First\n\ntext\n\n---\nlayout: center\nclass: text-center\n"
        "---\n\n# Second\n\nmore\n"
    )
    deck, html, diags = build_deck_and_html(here, text)
    titles = deck_titles(deck)
    # (Slidev makes no slide of the front matter's title: the first slide, its cover, opens the deck)
    assert titles == ["First", "Second"]


def test_unknown_attributes_and_classes_are_ignored(here):
    text = (
        "# S {#id .fragment .r-fit-text key=value data-x='1' width=}\n\ntext {.foo}\n\n"
        '- item {.fragment}\n\n::: {#box .unknown-thing data-id="3"}\ninside\n:::\n\n[span]{.mark .fragment}\n'
    )
    deck, html, diags = build_deck_and_html(here, text)
    assert deck_titles(deck) == ["S"]
    assert "inside" in html and "span" in html


def test_unknown_layout_name_warns_and_builds(here):
    deck, html, diags = build_deck_and_html(here, '# S {layout="No Such Layout"}\n\ntext\n')
    assert any(m.startswith("lecture.md:1: warning:") and "No Such Layout" in m for m in messages(diags)), (
        messages(diags)
    )


# --------------------------------------------------------------------------- content is never dropped silently

DROPPED = {
    "raw-html-block": ('# S\n\ntext\n\n<div class="x">html</div>\n', "lecture.md:5", "raw HTML"),
    "raw-html-inline": ('# S\n\ntext <abbr title="x">small</abbr> more\n', "lecture.md:3", "raw HTML"),
    "picture-in-heading": ("# ![logo](logo.png) Title\n\ntext\n", "lecture.md:1", "picture inside"),
    "nested-handout": (
        "# S\n\n- item\n\n  ::: handout\n  n\n  :::\n",
        "lecture.md:5",
        "'::: handout' inside",
    ),
    "stray-column-content": (
        "# S\n\n:::: columns\nloose text\n\n::: column\nA\n:::\n::::\n",
        "lecture.md:4",
        "outside any '::: column'",
    ),
    "many-columns": (
        "# S\n\n:::: columns\n" + "::: column\nx\n:::\n" * 4 + "::::\n",
        "lecture.md:3",
        "4 columns",
    ),
    # the one unsafe scheme markdown-it makes a link of (it leaves javascript:, vbscript:, file: as literal text)
    "unsafe-link": ("# S\n\n[x](data:image/png;base64,iVBORw0KGgo=)\n", "lecture.md:3", "is not allowed"),
    "missing-picture": ("# S\n\n![a map](fig/map.png)\n", "lecture.md:3", "not found"),
    "bad-size": (
        "# S\n\n![a map](fig/map.png){width=huge}\n",
        "lecture.md:3",
        "size 'huge' is not understood",
    ),
}


@pytest.mark.parametrize("case", sorted(DROPPED))
def test_unrenderable_content_warns_with_its_line(here, case):
    text, where, fragment = DROPPED[case]
    deck, html, diags = build_deck_and_html(here, text)
    assert any(
        re.match(rf"{re.escape(where)}(:\d+)?: warning: ", m) and fragment in m for m in messages(diags)
    ), messages(diags)


def test_strict_turns_a_warning_into_exit_1(here, cli):
    write_md(here, '# S\n\ntext <abbr title="x">small</abbr>\n')
    lenient = cli("slides", "lecture.md", "-o", "out")
    assert lenient.exit_code == 0
    assert (
        "lecture.md:3: warning: raw HTML is not rendered: its tags are dropped and its text kept"
        in lenient.stderr
    )
    strict = cli("slides", "lecture.md", "-o", "out2", "--strict")
    assert strict.exit_code == 1
    assert "lecture.md:3: warning: raw HTML is not rendered" in strict.stderr
    assert "--strict" in strict.stderr


# --------------------------------------------------------------------------- through the CLI


def test_cli_broken_yaml_exit_1_with_file_line(here, cli):
    write_md(here, "---\ntitle: A\nauthor: [x, y\n---\n\n# S\n\nx\n")
    r = cli("slides", "lecture.md", "-o", "out")
    assert r.exit_code == 1
    assert r.stderr.startswith("lecture.md:3:")
    assert "error: front matter is not valid YAML" in r.stderr
    assert not (here / "out" / "lecture.pptx").exists()


def test_cli_invalid_utf8_exit_1(here, cli):
    (here / "lecture.md").write_bytes(b"# S\n\nabc \xc3\x28\n")
    r = cli("handout", "lecture.md", "-o", "out")
    assert r.exit_code == 1
    assert "lecture.md:3:5: error: the file is not valid UTF-8" in r.stderr


def test_cli_binary_and_empty_exit_1(here, cli):
    (here / "a.md").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (here / "b.md").write_bytes(b"")
    r = cli("all", "a.md", "b.md", "-o", "out")
    assert r.exit_code == 1
    assert "a.md:3: error: this looks like a binary file" in r.stderr  # the line of the first NUL
    assert "b.md:1: error: the file is empty" in r.stderr


def test_cli_chart_error_exit_1(here, cli):
    write_md(here, CHART.format(body="type: bar\ncategories: [a, b]\nseries:\n  x: [1, 2, 3]\n"))
    r = cli("all", "lecture.md", "-o", "out")
    assert r.exit_code == 1
    assert "lecture.md:9: error: series 'x' has 3 values but there are 2 categories [chart]" in r.stderr


def test_cli_unwritable_output_folder_exits_1_without_traceback(here, cli):
    write_md(here, GOOD)
    r = cli("slides", "lecture.md", "-o", "lecture.md/out")
    assert r.exit_code == 1
    assert "lecture.md/out" in r.stderr


def test_cli_unwritable_output_folder_is_not_called_an_internal_error(here, cli):
    write_md(here, GOOD)
    r = cli("all", "lecture.md", "-o", "lecture.md/out")
    assert r.exit_code == 1
    assert r.stderr.splitlines() == [
        "error: cannot write lecture.md/out/lecture.pptx: Not a directory [cannot-write]",
        "error: cannot write lecture.md/out/lecture-handout.pdf: Not a directory [cannot-write]",
        "error: cannot write lecture.md/out/lecture-instructor.pdf: Not a directory [cannot-write]",
        "error: cannot write lecture.md/out/lecture-slides.pdf: Not a directory [cannot-write]",
        "lecture.md: deck, handout, instructor handout and slides PDF not written; the previous output is kept",
    ], r.stderr


def test_cli_output_that_is_a_folder_is_not_called_an_internal_error(here, cli):
    write_md(here, GOOD)
    (here / "out" / "lecture.pptx").mkdir(parents=True)
    r = cli("slides", "lecture.md", "-o", "out")
    assert r.exit_code == 1
    assert r.stderr.startswith("error: cannot write out/lecture.pptx: Is a directory [cannot-write]\n"), (
        r.stderr
    )
    assert list((here / "out").iterdir()) == [here / "out" / "lecture.pptx"]  # no temporary left behind


def test_cli_missing_source_is_a_usage_error(here, cli):
    r = cli("slides", "nope.md")
    assert r.exit_code == 2
    assert "no such lecture file" in r.stderr


# --------------------------------------------------------------------------- nothing lost

GOOD = "---\ntitle: Kept\n---\n\n# One\n\n- a\n- b\n\n::: notes\nsay\n:::\n\n# Two\n\n| x | y |\n|---|---|\n| 1 | 2 |\n"
BREAKERS = {
    "yaml": lambda t: t.replace("title: Kept", "title: [Kept"),
    "chart": lambda t: t + "\n```chart\ntype: donut\ncategories: [a]\nseries:\n  s: [1]\n```\n",
    "encoding": lambda t: t.encode() + b"\xff",
    "empty": lambda t: "",
}


@pytest.mark.parametrize("breaker", sorted(BREAKERS))
def test_failed_build_keeps_previous_outputs_byte_for_byte(here, breaker):
    src = write_md(here, GOOD)
    opts = BuildOptions(out_dir=here / "out")
    deck = build_slides(src, opts, Diagnostics())
    pdf = build_handout(src, opts, Diagnostics())
    before = deck.read_bytes(), pdf.read_bytes()
    broken = BREAKERS[breaker](GOOD)
    if isinstance(broken, bytes):
        src.write_bytes(broken)
    else:
        src.write_text(broken, encoding="utf-8")
    for step in (build_slides, build_handout):
        with pytest.raises(BuildError):
            step(src, opts, Diagnostics())
    assert (deck.read_bytes(), pdf.read_bytes()) == before
    assert sorted(p.name for p in (here / "out").iterdir()) == ["lecture-handout.pdf", "lecture.pptx"]


def test_cli_failed_rebuild_says_previous_output_kept(here, cli):
    write_md(here, GOOD)
    assert cli("all", "lecture.md", "-o", "out").exit_code == 0
    before = {p.name: p.read_bytes() for p in (here / "out").iterdir()}
    write_md(here, GOOD.replace("title: Kept", "title: [Kept"))
    r = cli("all", "lecture.md", "-o", "out")
    assert r.exit_code == 1
    assert (
        "lecture.md: deck, handout, instructor handout and slides PDF not written; the previous output is "
        "kept" in r.stderr
    )
    assert r.stderr.count("[yaml]") == 1  # the lecture is read once for both outputs
    assert {p.name: p.read_bytes() for p in (here / "out").iterdir()} == before


def _valid(path: Path) -> bool:
    """True when ``path`` opens in its reader's program (python-pptx or pypdf)."""
    try:
        if path.suffix == ".pptx":
            from pptx import Presentation

            return len(Presentation(str(path)).slides) > 0
        from pypdf import PdfReader

        return len(PdfReader(str(path)).pages) > 0
    except Exception:
        return False


def _assert_outputs_sound(out: Path, target: str, old: bytes | None) -> None:
    """The target is absent, the old file, or a valid one; everything else is a ``.podium-*.tmp``."""
    for p in out.iterdir():
        if p.name == target:
            assert (old is not None and p.read_bytes() == old) or _valid(p), f"{p.name} is half-written"
        else:
            assert p.name.startswith(".podium-") and p.name.endswith(".tmp"), f"stray file {p.name}"


def _long_lecture(n: int, tag: str) -> str:
    parts = [f"---\ntitle: Long lecture {tag}\n---\n"]
    for i in range(n):
        parts.append(
            f"# Slide {i} {tag}\n\n- point one of {i}\n- point two\n\n| a | b |\n|---|---|\n| {i} | {tag} |\n\n"
            f"::: notes\nnote {i}\n:::\n"
        )
    return "\n".join(parts)


SLOW_FSYNC = (
    "import os, runpy, sys, time\n"
    "real = os.fsync\n"
    "def slow(fd):\n"
    "    time.sleep(3)\n"
    "    return real(fd)\n"
    "os.fsync = slow\n"
    "sys.argv = ['build.py'] + sys.argv[1:]\n"
    "runpy.run_path(os.path.join({root!r}, 'build.py'), run_name='__main__')\n"
)


def _spawn(args: list[str], cwd: Path, slow_fsync: bool = False) -> subprocess.Popen:
    if slow_fsync:
        cmd = [sys.executable, "-c", SLOW_FSYNC.format(root=str(ROOT)), *args]
    else:
        cmd = [sys.executable, str(ROOT / "build.py"), *args]
    return subprocess.Popen(
        cmd,
        cwd=cwd,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )


@pytest.mark.parametrize("command,target", [("slides", "lecture.pptx"), ("handout", "lecture-handout.pdf")])
def test_kill_during_the_write_leaves_old_file_and_only_a_temporary(here, command, target):
    """Kill -9 exactly while the output is being written (fsync made slow): the old file survives."""
    write_md(here, _long_lecture(6, "old"))
    out = here / "out"
    first = _spawn([command, "lecture.md", "-o", "out"], here)
    assert first.wait(120) == 0, first.stderr.read().decode()
    old = (out / target).read_bytes()
    write_md(here, _long_lecture(6, "new"))
    proc = _spawn([command, "lecture.md", "-o", "out"], here, slow_fsync=True)
    deadline = time.monotonic() + 120
    while not list(out.glob(".podium-*.tmp")):
        assert proc.poll() is None, "the build ended before it wrote its temporary file"
        assert time.monotonic() < deadline, "no temporary file appeared"
        time.sleep(0.02)
    proc.kill()
    proc.wait()
    assert (out / target).read_bytes() == old
    _assert_outputs_sound(out, target, old)


@pytest.mark.parametrize("command,target", [("slides", "lecture.pptx"), ("handout", "lecture-handout.pdf")])
def test_kill_at_random_moments_never_leaves_a_broken_output(here, command, target):
    rng = random.Random(20240611)
    out = here / "out"
    write_md(here, _long_lecture(6, "v0"))
    t0 = time.monotonic()
    first = _spawn([command, "lecture.md", "-o", "out"], here)
    assert first.wait(120) == 0, first.stderr.read().decode()
    duration = time.monotonic() - t0
    old = (out / target).read_bytes()
    for attempt in range(3):
        write_md(here, _long_lecture(6, f"v{attempt + 1}"))
        proc = _spawn([command, "lecture.md", "-o", "out"], here)
        time.sleep(rng.uniform(0.4, 1.1) * duration)
        proc.kill()
        proc.wait()
        _assert_outputs_sound(out, target, old)
        if (out / target).exists():
            old = (out / target).read_bytes()
    # and a later build still succeeds over whatever was left
    final = _spawn([command, "lecture.md", "-o", "out"], here)
    assert final.wait(120) == 0, final.stderr.read().decode()
    assert _valid(out / target)


def test_stale_temporaries_are_swept_by_the_next_build(here, cli):
    write_md(here, GOOD)
    out = here / "out"
    out.mkdir()
    stale = out / ".podium-lecture.pptx.abc123.tmp"
    stale.write_bytes(b"half a deck")
    two_hours_ago = time.time() - 7200
    os.utime(stale, (two_hours_ago, two_hours_ago))
    assert cli("slides", "lecture.md", "-o", "out").exit_code == 0
    assert not stale.exists()


def test_two_builds_at_once_into_the_same_folder_leave_valid_files(here):
    write_md(here, _long_lecture(4, "same"))
    procs = [_spawn(["slides", "lecture.md", "-o", "out"], here) for _ in range(2)]
    procs += [_spawn(["handout", "lecture.md", "-o", "out"], here) for _ in range(2)]
    for p in procs:
        assert p.wait(180) == 0, p.stderr.read().decode()
    names = sorted(p.name for p in (here / "out").iterdir())
    assert names == ["lecture-handout.pdf", "lecture.pptx"], names
    assert _valid(here / "out" / "lecture.pptx") and _valid(here / "out" / "lecture-handout.pdf")
    assert deck_titles(here / "out" / "lecture.pptx")[1] == "Slide 0 same"


# --------------------------------------------------------------------------- size


def test_a_long_lecture_builds_its_deck_and_handout_html(here):
    """Every slide of a long lecture reaches both outputs.  How long 2,000 slides take, and how much
    memory: bench/hostile.py and bench/memory.py; tests/test_hostile.py builds 1,000 in a budget."""
    n = 400
    deck, html, diags = build_deck_and_html(here, many_slides(n), limit=120)
    titles = deck_titles(deck)
    assert len(titles) == n and titles[-1] == f"Slide {n - 1}"
    assert html.count('class="slide-entry"') == n - 1


def test_a_title_longer_than_the_decks_title_property_builds(tmp_path):
    from pptx import Presentation

    src = tmp_path / "long.md"
    src.write_text('---\ntitle: "' + "word " * 100 + '"\n---\n\n## A\n\nx\n')
    deck = build_slides(src, BuildOptions(out_dir=tmp_path / "out"), Diagnostics())
    title = Presentation(str(deck)).core_properties.title
    assert len(title) <= 255 and title.startswith("word word") and title.endswith("…")
