"""Reader fixtures: Markdown in → IR out (tests/fixtures/reader.md), and every error case."""

from __future__ import annotations

from pathlib import Path

import pytest
from pptx import Presentation

from podium import model as m
from podium.diagnostics import BuildError, Diagnostics
from podium.reader import parse_lecture, read_lecture

from .conftest import build, write_md
from .irdump import dump

FIXTURES = Path(__file__).parent / "fixtures"


def fixture_cases(path: Path) -> list[tuple[str, str, str]]:
    """Return (title, input, expected) from a markdown-it-py style fixture file.

    Cases are separated by a line holding only ``.``: title, ``.``, input, ``.``, expected, ``.``.
    """
    lines = path.read_text(encoding="utf-8").split("\n")
    cases, i = [], 0
    while i < len(lines):
        if not lines[i].strip() or lines[i].startswith("#!"):
            i += 1
            continue
        title = lines[i]
        assert lines[i + 1] == ".", f"{path}:{i + 2}: expected '.' after the title"
        j, parts, buf = i + 2, [], []
        while len(parts) < 2:
            if lines[j] == ".":
                parts.append("\n".join(buf))
                buf = []
            else:
                buf.append(lines[j])
            j += 1
        cases.append((title, parts[0] + "\n", parts[1]))
        i = j
    return cases


def read_fixtures(path: Path):
    """Yield one pytest.param(input, expected) per case of the fixture file."""
    for title, source, expected in fixture_cases(path):
        yield pytest.param(source, expected, id=title)


def parse(text: str):
    diags = Diagnostics()
    try:
        lecture = parse_lecture(text, "t.md", diags, base_dir=str(FIXTURES))
    except BuildError:
        return None, diags
    return lecture, diags


@pytest.mark.parametrize(("source", "expected"), list(read_fixtures(FIXTURES / "reader.md")))
def test_reader_fixture(source, expected):
    lecture, diags = parse(source)
    assert lecture is not None, [d.format() for d in diags.items]
    assert dump(lecture) == expected


@pytest.mark.parametrize(("source", "expected"), list(read_fixtures(FIXTURES / "errors.md")))
def test_error_fixture(source, expected):
    """Each case lists the exact diagnostics, one per line, as the CLI prints them."""
    _, diags = parse(source)
    assert [d.format() for d in diags.items] == [line for line in expected.split("\n") if line]


def test_yaml_error_points_at_the_real_line():
    _, diags = parse("---\ntitle: A\nauthor: [x\n---\n\n## S\n\ntext\n")
    assert diags.errors[0].pos.line in (3, 4)
    assert "front matter is not valid YAML" in diags.errors[0].message


def test_invalid_utf8_and_binary(tmp_path):
    from podium.reader import read_lecture

    bad = tmp_path / "bad.md"
    bad.write_bytes(b"# ok\n\ntext \xff\xfe here\n")
    with pytest.raises(BuildError) as e:
        read_lecture(bad, Diagnostics())
    assert "bad.md:3:6: error: the file is not valid UTF-8" in str(e.value)
    binf = tmp_path / "bin.md"
    binf.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    with pytest.raises(BuildError) as e:
        read_lecture(binf, Diagnostics())
    assert "binary file" in str(e.value)


def test_course_yaml_supplies_defaults(tmp_path):
    from podium.reader import ReadOptions, read_course, read_lecture

    (tmp_path / "course.yaml").write_text(
        "course: Global Governance\nlecturer: Dr. A\ninstitution: Uni\nterm: Autumn\n"
    )
    src = tmp_path / "l.md"
    src.write_text("---\ntitle: T\n---\n\n## S\n\nx\n")
    diags = Diagnostics()
    lecture = read_lecture(src, diags, ReadOptions(course=read_course(tmp_path, diags)))
    assert lecture.meta.course == "Global Governance"
    assert [a.name for a in lecture.meta.authors] == ["Dr. A"]
    assert lecture.meta.institute == "Uni" and lecture.meta.term == "Autumn"


def test_author_forms():
    lecture, _ = parse(
        "---\ntitle: T\nauthor:\n  - name: Ann\n    affiliation: U1\n  - Bob\n---\n\n## S\n\nx\n"
    )
    assert [(a.name, a.affiliation) for a in lecture.meta.authors] == [("Ann", "U1"), ("Bob", "")]
    lecture, _ = parse("---\ntitle: T\nauthor: Solo Person\n---\n\n## S\n\nx\n")
    assert [a.name for a in lecture.meta.authors] == ["Solo Person"]


def test_tabs_in_code_are_spaces_to_pandocs_tab_stop(tmp_path):
    """A deck has no tab stops in code (PowerPoint's default stop is an inch: the line wrapped)."""
    text = "---\ntitle: T\n---\n\n## Code\n\n```c\nfor (i) {\n\tif (j) {\n\t\tc[i] = a[i];\n\t}\n}\n```\n\n- `a\tb` inline\n"
    src = write_md(tmp_path, text)
    lecture = read_lecture(src, Diagnostics())
    (code,) = [b for b in lecture.slides[-1].body if isinstance(b, m.CodeBlock)]
    assert code.code == "for (i) {\n    if (j) {\n        c[i] = a[i];\n    }\n}"
    deck, _ = build(src, tmp_path / "out")
    runs = [
        r.text
        for sh in Presentation(str(deck)).slides[1].shapes
        if sh.has_text_frame
        for p in sh.text_frame.paragraphs
        for r in p.runs
    ]
    assert not [r for r in runs if "\t" in r] and any("    " in r for r in runs)


def test_a_pasted_objects_stand_in_character_is_not_drawn():
    diags = Diagnostics()
    lecture = parse_lecture("## S\n\nGPUs are \ufffc\ufffcmassively\ufffc\ufffc parallel\n", "t.md", diags)
    assert m.plain_text(lecture.slides[-1].body[0].content) == "GPUs are massively parallel"
