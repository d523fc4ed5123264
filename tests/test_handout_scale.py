"""The handout at scale: chart drawings of linear size, and what WeasyPrint cannot load named at its line.

Charts are read back as `check` reads them (the alt text of the tagged figure, every value exact);
warnings are read from the build's diagnostics, as the command line prints them.
"""

from __future__ import annotations

import random
import re

import pytest
from pypdf import PdfReader

from podium import model as m
from podium.alttext import parse_chart_alt
from podium.diagnostics import Diagnostics
from podium.handout.chartsvg import chart_svg
from podium.pipeline import BuildOptions, build_handout

PALETTE = {"primary": "#1F4E79", "accent": "#E07A1F", "muted": "#6B7280", "text": "#222222"}


def _chart(kind: str, n: int) -> m.Chart:
    numeric = kind == "scatter"
    cats = tuple(str(i * 0.5) if numeric else f"c{i}" for i in range(n))
    series = (
        m.ChartSeries("a", tuple(float(i % 37) for i in range(n))),
        m.ChartSeries("b", tuple(float(i % 11) for i in range(n))),
    )
    return m.Chart(m.ChartKind(kind), "Readings", cats, series, m.SourcePos("x.md", 1))


@pytest.mark.parametrize("kind", ["line", "scatter", "column", "bar", "stacked"])
def test_a_chart_of_10000_points_is_a_few_elements_of_linear_size(kind):
    small, big = (chart_svg(_chart(kind, n), PALETTE, {"body": "Carlito"}) for n in (1000, 10000))
    elements = len(re.findall(r"<[a-z]", big))
    assert elements < 80, f"{elements} elements for 10,000 points: one per point again?"
    assert len(big) < 11 * len(small)  # linear in the points, not worse
    assert len(big) < 1_200_000


def test_a_small_chart_still_writes_every_value_and_category():
    svg = chart_svg(
        m.Chart(
            m.ChartKind.COLUMN,
            "Refugees",
            ("2019", "2020", "2021"),
            (m.ChartSeries("Millions", (79.5, 82.4, 89.3)),),
            m.SourcePos("x.md", 1),
        ),
        PALETTE,
        {"body": "Carlito"},
    )
    texts = re.findall(r"<text[^>]*>([^<]*)</text>", svg)
    for want in ("79.5", "82.4", "89.3", "2019", "2020", "2021", "Refugees"):
        assert want in texts


def test_a_long_chart_in_the_handout_keeps_exact_values_for_check(tmp_path):
    rng = random.Random(3)
    values = [round(rng.uniform(-50, 50), 2) for _ in range(1500)]
    (tmp_path / "lecture.md").write_text(
        "---\ntitle: Sensors\n---\n\n## Readings\n\n```chart\ntype: line\ntitle: Sensor\n"
        f"categories: [{', '.join(f'r{i}' for i in range(len(values)))}]\n"
        f"series:\n  volts: [{', '.join(map(str, values))}]\n```\n",
        encoding="utf-8",
    )
    options = BuildOptions(out_dir=tmp_path / "out")
    diags = Diagnostics()
    pdf = build_handout(tmp_path / "lecture.md", options, diags)
    alts = []

    def walk(node):
        node = node.get_object()
        if node.get("/S") == "/Figure" and "/Alt" in node:
            alts.append(str(node["/Alt"]))
        kids = node.get("/K")
        for kid in kids if isinstance(kids, list) else [kids] if kids is not None else []:
            if hasattr(kid, "get_object") and hasattr(kid.get_object(), "get"):
                walk(kid)

    walk(PdfReader(pdf).trailer["/Root"]["/StructTreeRoot"])
    charts = [parse_chart_alt(a) for a in alts if a.startswith("Line chart")]
    assert charts, alts[:3]
    got = charts[0]["volts"]
    assert [v for _, v in got] == values and [c for c, _ in got][:2] == ["r0", "r1"]


def test_what_the_handout_cannot_load_is_a_warning_at_its_line(tmp_path, monkeypatch):
    (tmp_path / "broken.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10"/></svg', "utf-8"
    )
    tpl = tmp_path / "templates" / "mine"
    (tpl / "handout").mkdir(parents=True)
    (tpl / "theme.yaml").write_text("extends: default\n", encoding="utf-8")
    (tpl / "handout" / "custom.css").write_text(
        "/* a cover picture */\n.cover { background: url(/etc/hostname); }\n", encoding="utf-8"
    )
    (tmp_path / "lecture.md").write_text(
        "---\ntitle: T\n---\n\n## One\n\n- a point\n\n![a drawing](broken.svg)\n", encoding="utf-8"
    )
    monkeypatch.chdir(tmp_path)
    diags = Diagnostics()
    build_handout(tmp_path / "lecture.md", BuildOptions(out_dir=tmp_path / "out", template="mine"), diags)
    shown = [f"{d.pos}: {d.message} [{d.code}]" for d in diags.items]
    assert any(
        s.startswith("lecture.md:9: the handout cannot draw the picture 'broken.svg'") for s in shown
    ), shown
    assert any(
        s.startswith(f"{tpl.relative_to(tmp_path) / 'handout' / 'custom.css'}:2: the handout may not read")
        and s.endswith("[outside-project]")
        for s in shown
    ), shown
    assert not [d for d in diags.items if d.pos is None and d.code in ("bad-image", "outside-project")]


def test_slide_titles_keep_their_anchor_without_flexbox(tmp_path):
    """The slides PDF draws a title where the layout anchors it: a content title in the middle of its
    box, a section title at its foot (read back with pdftotext -bbox, as a reader's program would)."""
    import shutil
    import subprocess

    from podium.deck.plan import LayoutKind
    from podium.handout.decklook import deck_look
    from podium.pipeline import build_slides_pdf
    from podium.template_folders import load_template

    if shutil.which("pdftotext") is None:
        pytest.skip("poppler's pdftotext is not installed")
    (tmp_path / "lecture.md").write_text(
        "---\ntitle: Anchors\n---\n\n# Sectionword\n\n## Contentword\n\n- a point\n", encoding="utf-8"
    )
    pdf = build_slides_pdf(tmp_path / "lecture.md", BuildOptions(out_dir=tmp_path / "out"), Diagnostics())
    xml = subprocess.run(
        ["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    pages = xml.split("<page ")[1:]
    look = deck_look(load_template("default", Diagnostics()))

    def word_box(page: str, word: str) -> tuple[float, float, float]:
        height = float(re.search(r'height="([\d.]+)"', page).group(1))
        mt = re.search(rf'yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">{word}<', page)
        assert mt, f"{word} not on the page"
        return float(mt.group(1)) / height, float(mt.group(2)) / height, height

    section = look.layout(LayoutKind.SECTION).title
    top, bottom, _ = word_box(pages[1], "Sectionword")
    assert section.y + section.h * 0.5 < bottom <= section.y + section.h + 0.01  # at the foot of its box
    content = look.layout(LayoutKind.CONTENT).title
    top, bottom, _ = word_box(pages[2], "Contentword")
    middle = content.y + content.h / 2
    assert abs((top + bottom) / 2 - middle) < content.h * 0.15  # in the middle of its box
