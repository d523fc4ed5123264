"""The PDF renderer's refusals get the file and line that named what was refused."""

from __future__ import annotations

from podium.diagnostics import Diagnostics
from podium.model import SourcePos
from podium.placing import place


def test_each_refusal_is_placed_at_the_line_that_names_it(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    handout = tmp_path / "templates" / "mine" / "handout"
    handout.mkdir(parents=True)
    (handout / "custom.css").write_text("h1 { color: red }\n@import url(https://fonts.example.org/a.css);\n")
    (handout / "handout.html.j2").write_text(
        '{% extends "base.html.j2" %}\n\n<img src="../../../x/secret.png">\n'
    )
    lecture = tmp_path / "lecture.md"
    lecture.write_text("---\ntitle: T\n---\n")
    diags = Diagnostics()
    diags.warning(
        "the handout fetches nothing from 'https://fonts.example.org/a.css' (pass --allow-remote to allow it)",
        None,
        "remote-refused",
    )
    diags.warning(
        f"the handout may not read '{tmp_path}/x/secret.png' (outside the lecture and templates)",
        None,
        "outside-project",
    )
    diags.warning("PDF/UA: an image has no alt description", None, "accessibility")
    diags.warning("something else", None, "other")  # not the PDF renderer's: left as it is
    diags.warning(
        "the handout fetches nothing from 'https://fonts.example.org/a.css'",
        SourcePos("x.md", 4),
        "remote-refused",
    )
    place(diags, [handout], lecture)
    where = [str(d.pos) if d.pos else None for d in diags.items]
    assert where == [
        "templates/mine/handout/custom.css:2",
        "templates/mine/handout/handout.html.j2:3",
        "lecture.md:1",
        None,
        "x.md:4",
    ]
