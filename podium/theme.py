"""A template's ``theme.yaml`` as a typed object: every key a field, checked where it is written.

:func:`read_theme_file` reads one ``theme.yaml``; :func:`build_theme` checks each file of a
template chain (most specific first) and merges what is valid into a frozen :class:`Theme`, whose
fields the renderers read as attributes.  A key Podium does not know (``pallete:``) or a value of
the wrong type (``footer: [a, b]``) is a warning at its line in its file, naming the closest known
key; the value is then left out, so the template it extends (or the default) decides.  A colour
that is not a colour stops the build (``bad-colour``), as before.  Keys may be written with ``-`` or
``_`` (``logo-position`` or ``logo_position``).
"""

from __future__ import annotations

import difflib
import os
import re
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any

import yaml

from . import yamlsafe
from .diagnostics import BuildError, Diagnostics
from .model import SourcePos

LOGO_CORNERS = ("bottom-right", "bottom-left", "top-right", "top-left")
# the slide kinds `layouts:` may name a layout for (podium.deck.plan.LayoutKind's values)
LAYOUT_KINDS = (
    "title",
    "section",
    "content",
    "two-content",
    "comparison",
    "caption",
    "picture",
    "title-only",
    "blank",
)

_CSS_NAMES = {
    "black": "#000000",
    "white": "#FFFFFF",
    "red": "#FF0000",
    "green": "#008000",
    "blue": "#0000FF",
    "navy": "#000080",
    "teal": "#008080",
    "maroon": "#800000",
    "purple": "#800080",
    "olive": "#808000",
    "gray": "#808080",
    "grey": "#808080",
    "silver": "#C0C0C0",
    "orange": "#FFA500",
    "yellow": "#FFFF00",
    "darkblue": "#00008B",
    "darkgreen": "#006400",
    "darkred": "#8B0000",
    "ivory": "#FFFFF0",
}
_HEX = re.compile(r"^#?([0-9a-fA-F]{6}|[0-9a-fA-F]{3})$")


@dataclass(frozen=True)
class Palette:
    """Colours as ``#RRGGBB``, by the role they play in both outputs."""

    primary: str = "#1F4E79"  # titles, section backgrounds, table headers, the handout's headings
    accent: str = "#E07A1F"  # bullets, rules, highlights, links
    text: str = "#222222"
    background: str = "#FFFFFF"
    muted: str = "#6B7280"  # footers, slide numbers, captions
    light: str = "#DCE8F4"  # a light tint of primary: table banding


@dataclass(frozen=True)
class Fonts:
    """Font families: headings and body text (Latin), code, and East Asian text."""

    heading: str = "Calibri"
    body: str = "Calibri"
    mono: str = "DejaVu Sans Mono"
    cjk: str = "Noto Sans CJK JP"


@dataclass(frozen=True)
class MinSize:
    """The smallest type (pt) the fitter shrinks to before continuing on a new slide; None: Podium's."""

    body: float | None = None
    code: float | None = None


@dataclass(frozen=True)
class Theme:
    """What a template's theme says, merged along its ``extends`` chain, with defaults for the rest."""

    name: str = ""
    extends: str | None = None
    palette: Palette = field(default_factory=Palette)
    fonts: Fonts = field(default_factory=Fonts)
    logo: str | None = None  # a file in the template's folder
    logo_position: str = "bottom-right"  # one of LOGO_CORNERS
    footer: str = "{title}"  # {title}, {course}, {author}, {date}, {term}, {institute}
    layouts: Mapping[str, str] = field(default_factory=dict)  # slide kind -> layout name in deck.pptx
    labels: Mapping[str, Mapping[str, str]] = field(default_factory=dict)  # language -> key -> word
    min_size: MinSize = field(default_factory=MinSize)


# the sections whose keys are fields of their own dataclass
_SECTIONS: dict[str, type] = {"palette": Palette, "fonts": Fonts, "min_size": MinSize}
KEYS = tuple(f.name for f in fields(Theme))


@dataclass
class ThemeFile:
    """One ``theme.yaml`` as read: its data, the line of every key, and the name it is shown by."""

    shown: str
    data: dict[str, Any]
    lines: dict[tuple, int]  # key path -> 0-based line

    def pos(self, *path: Any) -> SourcePos:
        """The position of the key at ``path`` (the nearest enclosing key found, else line 1)."""
        while path and path not in self.lines:
            path = path[:-1]
        return SourcePos(self.shown, self.lines[path] + 1 if path else 1)


def read_theme_file(folder: Path, diags: Diagnostics) -> ThemeFile | None:
    """Return ``folder``'s theme.yaml as read (None when there is none); bad YAML raises BuildError."""
    p = folder / "theme.yaml"
    if not p.is_file():
        return None
    shown = os.path.relpath(p)
    try:
        text = p.read_text(encoding="utf-8")
        data, lines = yamlsafe.load_located(text)
    except yaml.MarkedYAMLError as e:
        line = e.problem_mark.line + 1 if e.problem_mark else 1
        raise BuildError(
            diags, f"theme is not valid YAML: {e.problem}", SourcePos(shown, line), "theme"
        ) from None
    except (OSError, UnicodeDecodeError) as e:
        raise BuildError(diags, f"theme cannot be read: {e}", SourcePos(shown, 1), "theme") from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise BuildError(
            diags, "theme.yaml must be a mapping of keys to values", SourcePos(shown, 1), "theme"
        )
    return ThemeFile(shown, data, lines)


def build_theme(files: list[ThemeFile], diags: Diagnostics) -> Theme:
    """Return the Theme of a template chain (``files`` most specific first), each file checked."""
    merged: dict[str, Any] = {}
    for tf in reversed(files):
        merged = _merge(merged, _checked(tf, diags))
    diags.raise_if_errors()
    sections = {name: cls(**merged.pop(name, {})) for name, cls in _SECTIONS.items()}
    return Theme(**merged, **sections)


def color(value: Any, where: SourcePos, key: str, diags: Diagnostics) -> str:
    """Return ``value`` as ``#RRGGBB``, or report an unknown colour."""
    s = str(value).strip()
    if s.lower() in _CSS_NAMES:
        return _CSS_NAMES[s.lower()]
    mt = _HEX.match(s)
    if not mt:
        diags.error(f"'{s}' is not a colour for palette.{key}; write it as #RRGGBB", where, "bad-colour")
        return "#000000"
    h = mt.group(1)
    if len(h) == 3:
        h = "".join(c * 2 for c in h)
    return "#" + h.upper()


def as_dict(section: Palette | Fonts) -> dict[str, str]:
    """A palette or font set as a mapping of role to value (what the renderers' drawing code takes)."""
    return asdict(section)


# --------------------------------------------------------------------------- checking one file


def _checked(tf: ThemeFile, diags: Diagnostics) -> dict[str, Any]:
    """Return the valid values of ``tf`` by field name; warn about the rest where they are written."""
    out: dict[str, Any] = {}
    for key, value in tf.data.items():
        name = _field_name(key, KEYS, tf, (key,), "theme key", diags)
        if name is None:
            continue
        if name in _SECTIONS:
            section = _section(name, key, value, tf, diags)
            if section is not None:
                out[name] = section
            continue
        checked = _CHECKS[name](value, tf, key, diags)
        if checked is not _INVALID:
            out[name] = checked
    return out


def _field_name(
    key: Any, known: tuple[str, ...], tf: ThemeFile, path: tuple, what: str, diags: Diagnostics
) -> str | None:
    """The name in ``known`` that ``key`` is (``-`` and ``_`` alike), or None after a warning naming the closest."""
    by_form = {k.replace("-", "_"): k for k in known}
    name = by_form.get(str(key).strip().replace("-", "_"))
    if name is not None:
        return name
    shown = [k.replace("_", "-") for k in known]
    near = difflib.get_close_matches(str(key).strip().replace("_", "-"), shown, n=1)
    diags.warning(
        f"{what} '{key}' is not known and was ignored"
        + (f"; did you mean '{near[0]}'?" if near else f" (known: {', '.join(shown)})"),
        tf.pos(*path),
        "theme-key",
    )
    return None


def _wrong_type(tf: ThemeFile, path: tuple, label: str, want: str, value: Any, diags: Diagnostics) -> None:
    got = {dict: "a mapping", list: "a list", bool: "true/false"}.get(type(value), f"'{value}'")
    diags.warning(f"{label} should be {want}, not {got}; ignored", tf.pos(*path), "theme-type")


def _section(name: str, key: Any, value: Any, tf: ThemeFile, diags: Diagnostics) -> dict[str, Any] | None:
    """The valid entries of ``palette:``, ``fonts:`` or ``min-size:``."""
    label = str(key)
    if value is None:
        return None
    if not isinstance(value, dict):
        _wrong_type(tf, (key,), label, "a mapping of names to values", value, diags)
        return None
    known = tuple(f.name for f in fields(_SECTIONS[name]))
    out: dict[str, Any] = {}
    for sub, v in value.items():
        field_name = _field_name(sub, known, tf, (key, sub), f"{label} key", diags)
        if field_name is None:
            continue
        where = tf.pos(key, sub)
        if name == "palette":
            if v is None:
                diags.error(
                    f'palette.{sub} is empty; write colours in quotes, e.g. {sub}: "#A01B2C" '
                    "(an unquoted # starts a YAML comment)",
                    where,
                    "bad-colour",
                )
                continue
            out[field_name] = color(v, where, str(sub), diags)
        elif name == "fonts":
            if isinstance(v, (str, int, float)) and not isinstance(v, bool) and str(v).strip():
                out[field_name] = str(v).strip()
            else:
                _wrong_type(tf, (key, sub), f"{label}.{sub}", "a font family name", v, diags)
        elif isinstance(v, (int, float)) and not isinstance(v, bool) and 4 <= v <= 200:
            out[field_name] = float(v)
        else:
            _wrong_type(tf, (key, sub), f"{label}.{sub}", "a size in points from 4 to 200", v, diags)
    return out


_INVALID = object()


def _text(value: Any, tf: ThemeFile, key: Any, diags: Diagnostics) -> Any:
    if isinstance(value, (str, int, float)) and not isinstance(value, bool):
        return str(value)
    _wrong_type(tf, (key,), str(key), "text", value, diags)
    return _INVALID


def _optional_text(value: Any, tf: ThemeFile, key: Any, diags: Diagnostics) -> Any:
    return None if value is None else _text(value, tf, key, diags)


def _logo_position(value: Any, tf: ThemeFile, key: Any, diags: Diagnostics) -> Any:
    corner = str(value).strip().lower() if value is not None else ""
    if corner in LOGO_CORNERS:
        return corner
    _wrong_type(tf, (key,), str(key), " or ".join(LOGO_CORNERS), value, diags)
    return _INVALID


def _layouts(value: Any, tf: ThemeFile, key: Any, diags: Diagnostics) -> Any:
    if value is None:
        return {}
    if not isinstance(value, dict):
        _wrong_type(tf, (key,), str(key), "a mapping of slide kinds to layout names", value, diags)
        return _INVALID
    out: dict[str, str] = {}
    for kind, name in value.items():
        canonical = _field_name(kind, LAYOUT_KINDS, tf, (key, kind), "slide kind", diags)
        if canonical is None or name is None or name == "":
            continue  # an empty name: pandoc's standard name
        if isinstance(name, (str, int, float)) and not isinstance(name, bool):
            out[canonical] = str(name)
        else:
            _wrong_type(tf, (key, kind), f"{key}.{kind}", "a layout name", name, diags)
    return out


def _labels(value: Any, tf: ThemeFile, key: Any, diags: Diagnostics) -> Any:
    if value is None:
        return {}
    if not isinstance(value, dict):
        _wrong_type(tf, (key,), str(key), "a mapping of languages to words", value, diags)
        return _INVALID
    out: dict[str, dict[str, str]] = {}
    for lang, words in value.items():
        if not isinstance(words, dict):
            _wrong_type(tf, (key, lang), f"{key}.{lang}", "a mapping of label names to words", words, diags)
            continue
        good = {}
        for name, word in words.items():
            if isinstance(word, (str, int, float)) and not isinstance(word, bool):
                good[str(name)] = str(word)
            else:
                _wrong_type(tf, (key, lang, name), f"{key}.{lang}.{name}", "a word", word, diags)
        out[str(lang)] = good
    return out


_CHECKS = {
    "name": _text,
    "extends": _optional_text,
    "logo": _optional_text,
    "logo_position": _logo_position,
    "footer": _text,
    "layouts": _layouts,
    "labels": _labels,
}


def _merge(base: dict, over: dict) -> dict:
    """``over`` on top of ``base``: mappings merged key by key (labels: language by language)."""
    out = dict(base)
    for k, v in over.items():
        if isinstance(v, dict) and isinstance(out.get(k), dict):
            out[k] = _merge(out[k], v)
        elif v is not None or k not in out:
            out[k] = v
    return out
