"""theme.yaml read into a typed, frozen Theme: unknown keys and wrong types are warnings at their line."""

from __future__ import annotations

import dataclasses

import pytest
import yaml

from podium.deck.fit import template_geometry
from podium.diagnostics import Diagnostics
from podium.template_folders import BUNDLED, load_template
from podium.theme import Fonts, MinSize, Palette, Theme


def _template(tmp_path, monkeypatch, text: str, name: str = "mine"):
    folder = tmp_path / "templates" / name
    folder.mkdir(parents=True)
    (folder / "theme.yaml").write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    diags = Diagnostics()
    template = load_template(name, diags)
    return template, [(str(d.pos), d.message, d.code) for d in diags.items]


@pytest.mark.parametrize("name", ["default", "classic"])
def test_the_bundled_themes_load_without_a_warning_and_as_written(name):
    diags = Diagnostics()
    theme = load_template(name, diags).theme
    assert diags.items == []
    written = yaml.safe_load((BUNDLED / name / "theme.yaml").read_text(encoding="utf-8"))
    assert dataclasses.asdict(theme.palette) == written["palette"]
    assert dataclasses.asdict(theme.fonts) == written["fonts"]
    assert theme.footer == written["footer"]
    assert isinstance(theme, Theme) and isinstance(theme.palette, Palette) and isinstance(theme.fonts, Fonts)


def test_a_misspelt_key_warns_at_its_line_with_the_closest_key(tmp_path, monkeypatch):
    template, found = _template(
        tmp_path,
        monkeypatch,
        'extends: classic\n\npallete:\n  primary: "#112233"\nfonts:\n  boddy: Arial\n'
        "layouts:\n  contnet: Inhalt\nlogo_postion: top-left\n",
    )
    assert found == [
        (
            "templates/mine/theme.yaml:3",
            "theme key 'pallete' is not known and was ignored; did you mean 'palette'?",
            "theme-key",
        ),
        (
            "templates/mine/theme.yaml:6",
            "fonts key 'boddy' is not known and was ignored; did you mean 'body'?",
            "theme-key",
        ),
        (
            "templates/mine/theme.yaml:8",
            "slide kind 'contnet' is not known and was ignored; did you mean 'content'?",
            "theme-key",
        ),
        (
            "templates/mine/theme.yaml:9",
            "theme key 'logo_postion' is not known and was ignored; did you mean 'logo-position'?",
            "theme-key",
        ),
    ]
    classic = load_template("classic", Diagnostics()).theme
    assert template.theme.palette == classic.palette  # the misspelt section changed nothing
    assert template.theme.fonts == classic.fonts
    assert template.theme.layouts == {} and template.theme.logo_position == "bottom-right"


def test_a_value_of_the_wrong_type_warns_and_the_parent_decides(tmp_path, monkeypatch):
    template, found = _template(
        tmp_path,
        monkeypatch,
        "extends: default\nfooter: [a, b]\nmin-size:\n  body: 16\n  code: small\n"
        "logo-position: middle\nlabels: [en]\nfonts:\n  mono: {name: Menlo}\n",
    )
    assert found == [
        ("templates/mine/theme.yaml:2", "footer should be text, not a list; ignored", "theme-type"),
        (
            "templates/mine/theme.yaml:5",
            "min-size.code should be a size in points from 4 to 200, not 'small'; ignored",
            "theme-type",
        ),
        (
            "templates/mine/theme.yaml:6",
            "logo-position should be bottom-right or bottom-left or top-right or top-left, not 'middle'; "
            "ignored",
            "theme-type",
        ),
        (
            "templates/mine/theme.yaml:7",
            "labels should be a mapping of languages to words, not a list; ignored",
            "theme-type",
        ),
        (
            "templates/mine/theme.yaml:9",
            "fonts.mono should be a font family name, not a mapping; ignored",
            "theme-type",
        ),
    ]
    theme = template.theme
    assert theme.footer == "{title}" and theme.logo_position == "bottom-right" and theme.labels == {}
    assert theme.min_size == MinSize(body=16.0, code=None)
    assert theme.fonts.mono == "DejaVu Sans Mono"


def test_values_written_with_either_spelling_reach_the_renderers(tmp_path, monkeypatch):
    template, found = _template(
        tmp_path,
        monkeypatch,
        "extends: default\nmin_size: {body: 16, code: 12}\nlogo-position: top-left\nfooter: 2026\n"
        "layouts:\n  two_content: Zwei Inhalte\n  title: Titelfolie\n"
        "labels:\n  de: {contents: Inhalt}\n",
    )
    assert found == []
    theme = template.theme
    assert theme.logo_position == "top-left" and theme.footer == "2026"
    assert theme.layouts == {"two-content": "Zwei Inhalte", "title": "Titelfolie"}
    assert theme.labels == {"de": {"contents": "Inhalt"}}
    geo = template_geometry(template, Diagnostics())  # the fitter's floors come from min-size
    assert (geo.body_floor, geo.code_floor) == (16.0, 12.0)


def test_the_theme_is_frozen():
    theme = load_template("default", Diagnostics()).theme
    with pytest.raises(dataclasses.FrozenInstanceError):
        theme.footer = "x"  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        theme.palette.primary = "#000000"  # type: ignore[misc]
