"""With `section-titles: false` a section has no slide: a background picture given to its heading is said
to be left out, never dropped unsaid."""

from __future__ import annotations

from PIL import Image

from .conftest import run_cli, write_md


def test_a_sections_background_without_its_slide_is_warned_about(tmp_path):
    Image.new("RGB", (40, 30), "teal").save(tmp_path / "fig.png")
    src = write_md(
        tmp_path,
        '---\ntitle: T\nsection-titles: false\n---\n\n# Part {data-background-image="fig.png"}\n\n## A\n\n- x\n',
    )
    result = run_cli("slides", src, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.stderr
    said = [x for x in result.stderr.splitlines() if "[left-out]" in x]
    assert len(said) == 1 and "lecture.md:6:" in said[0] and "section-titles: false" in said[0], result.stderr
