"""Template folders: find them, follow ``extends``, merge themes, validate colours.

A template is a folder ``templates/<name>/`` holding any subset of ``theme.yaml``,
``deck.pptx`` (or ``.potx``), ``handout/*.html.j2``, ``handout/*.css`` and assets.  Whatever a
template lacks comes from the template it ``extends``, down to ``default`` (as mkdocs' themes do).
Search path for names: the project's ``templates/`` (the current folder's), then Podium's own.
"""

from __future__ import annotations

import difflib
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from . import yamlsafe
from .diagnostics import BuildError, Diagnostics
from .model import SourcePos

PACKAGE_ROOT = Path(__file__).resolve().parent.parent
BUNDLED = (
    Path(__file__).resolve().parent / "templates"
)  # Podium's own templates: package data, in a wheel too
DEFAULT = "default"

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

DEFAULT_THEME: dict[str, Any] = {
    "palette": {
        "primary": "#1F4E79",
        "accent": "#E07A1F",
        "text": "#222222",
        "background": "#FFFFFF",
        "muted": "#6B7280",
        "light": "#DCE8F4",
    },
    "fonts": {"heading": "Calibri", "body": "Calibri", "mono": "DejaVu Sans Mono", "cjk": "Noto Sans CJK JP"},
    "footer": "{title}",
    "logo": None,
    "layouts": {},
}


def search_dirs(extra: list[Path] | None = None) -> list[Path]:
    """Return the folders searched for templates, the project's first."""
    dirs = list(extra or []) + [Path.cwd() / "templates", BUNDLED]
    out: list[Path] = []
    for d in dirs:
        r = d.resolve()
        if r not in out and r.is_dir():
            out.append(r)
    return out


def available() -> dict[str, Path]:
    """Return {name: folder} of every template found on the search path (first one wins)."""
    found: dict[str, Path] = {}
    for d in search_dirs():
        for child in sorted(d.iterdir()):
            if child.is_dir() and any((child / f).exists() for f in ("theme.yaml", "deck.pptx", "handout")):
                found.setdefault(child.name, child)
    return found


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


@dataclass
class Template:
    """A resolved template: the chain of folders (most specific first) and the merged theme."""

    name: str
    chain: list[Path]
    theme: dict[str, Any] = field(default_factory=dict)

    @property
    def deck_path(self) -> Path | None:
        for d in self.chain:
            for n in ("deck.pptx", "deck.potx"):
                if (d / n).is_file():
                    return d / n
        return None

    @property
    def handout_dirs(self) -> list[Path]:
        return [d / "handout" for d in self.chain if (d / "handout").is_dir()]

    @property
    def palette(self) -> dict[str, str]:
        return self.theme["palette"]

    @property
    def fonts(self) -> dict[str, str]:
        return self.theme["fonts"]

    def asset(self, name: str | None) -> Path | None:
        """Return the first file called ``name`` along the chain."""
        if not name:
            return None
        for d in self.chain:
            p = (d / name).resolve()
            if p.is_file() and (d.resolve() in p.parents):
                return p
        return None


def slide_ratio(t: Template) -> float:
    """Return the width/height ratio of the template's slides (read from presentation.xml)."""
    import zipfile  # noqa: PLC0415 (only a build reads the deck; this module is on the no-change path)

    from .deckcheck import check_package  # noqa: PLC0415 (only a build reads the deck; this module is on the no-change path)

    path = deck_of(t)
    if path is None or check_package(path) is not None:  # a bomb is never inflated; the deck build reports it
        return 16 / 9
    try:
        with zipfile.ZipFile(path) as z:
            xml = z.read("ppt/presentation.xml").decode("utf-8", "replace")
        mt = re.search(r'<p:sldSz[^>]*cx="(\d+)"[^>]*cy="(\d+)"', xml)
        return int(mt.group(1)) / int(mt.group(2)) if mt else 16 / 9
    except (OSError, KeyError, zipfile.BadZipFile, TypeError, ZeroDivisionError):
        return 16 / 9


# every key a theme.yaml may hold (see README, "theme.yaml")
THEME_KEYS = frozenset(
    {
        "name",
        "extends",
        "palette",
        "fonts",
        "logo",
        "logo_position",
        "logo-position",
        "footer",
        "layouts",
        "labels",
    }
)


def _load_theme(folder: Path, diags: Diagnostics) -> dict[str, Any]:
    p = folder / "theme.yaml"
    if not p.is_file():
        return {}
    shown = os.path.relpath(p)
    try:
        data = yamlsafe.load(p.read_text(encoding="utf-8")) or {}
    except yaml.MarkedYAMLError as e:
        line = e.problem_mark.line + 1 if e.problem_mark else 1
        raise BuildError(
            diags, f"theme is not valid YAML: {e.problem}", SourcePos(shown, line), "theme"
        ) from None
    except (OSError, UnicodeDecodeError) as e:
        raise BuildError(diags, f"theme cannot be read: {e}", SourcePos(shown, 1), "theme") from None
    if not isinstance(data, dict):
        raise BuildError(
            diags, "theme.yaml must be a mapping of keys to values", SourcePos(shown, 1), "theme"
        )
    data["_file"] = shown
    data["_text"] = p.read_text(encoding="utf-8")
    return data


def _line_of(text: str, key: str) -> int:
    for i, line in enumerate(text.split("\n"), start=1):
        if re.match(rf"^\s*{re.escape(key)}\s*:", line):
            return i
    return 1


def _merge(base: dict, over: dict) -> dict:
    out = dict(base)
    for k, v in over.items():
        if isinstance(v, dict) and isinstance(out.get(k), dict):
            out[k] = _merge(out[k], v)
        elif v is not None or k not in out:
            out[k] = v
    return out


def is_template_folder(folder: Path) -> bool:
    """True for a folder that looks like a template and is not a broad folder such as / or ~.

    Template folders become places the handout may read from, so a theme saying ``extends: /``
    must not open the whole disk.
    """
    folder = folder.resolve()
    if not any((folder / f).exists() for f in ("theme.yaml", "deck.pptx", "deck.potx", "handout")):
        return False
    broad = {Path("/"), Path.home().resolve()}
    return folder not in broad and not any(folder in (p, *p.parents) for p in (Path.cwd().resolve(),))


def load_template(ref: str | None, diags: Diagnostics) -> Template:
    """Return the template named or located by ``ref`` (None: ``default``), ``extends`` followed."""
    ref = ref or DEFAULT
    found = available()
    p = Path(ref)
    if ref in found:
        folder = found[ref]
    elif p.suffix.lower() in (".pptx", ".potx") and p.is_file():
        # a bare .pptx: the default template with this deck
        base = load_template(DEFAULT, diags)
        return _with_deck(base, p)
    elif p.is_dir():
        if not is_template_folder(p):
            raise BuildError(
                diags,
                f"'{ref}' is not a template folder (it needs a theme.yaml, deck.pptx or "
                "handout/ of its own, and may not be / , your home or a folder above the project)",
                None,
                "template",
            )
        folder = p.resolve()
    elif p.suffix.lower() in (".pptx", ".potx"):
        raise BuildError(diags, f"template deck '{ref}' not found", None, "template")
    else:
        names = ", ".join(sorted(found)) or "none"
        raise BuildError(diags, f"unknown template '{ref}' (templates found: {names})", None, "template")
    chain: list[Path] = []
    themes: list[dict] = []
    seen: set[Path] = set()
    while True:
        if folder in seen:
            last = themes[-1] if themes else {}
            raise BuildError(
                diags,
                f"template '{folder.name}' extends itself (through {' → '.join(d.name for d in chain)})",
                SourcePos(
                    last.get("_file", os.path.relpath(folder / "theme.yaml")),
                    _line_of(last.get("_text", ""), "extends"),
                ),
                "template-cycle",
            )
        seen.add(folder)
        chain.append(folder)
        theme = _load_theme(folder, diags)
        themes.append(theme)
        parent = theme.get("extends")
        if parent is None and folder.name != DEFAULT and folder != found.get(DEFAULT):
            parent = DEFAULT
        if not parent:
            break
        if (
            str(parent) not in found
            and not (folder / str(parent)).is_dir()
            and not Path(str(parent)).is_dir()
        ):
            shown = theme.get("_file", str(folder))
            raise BuildError(
                diags,
                f"'{folder.name}' extends unknown template '{parent}' (found: {', '.join(sorted(found))})",
                SourcePos(shown, _line_of(theme.get("_text", ""), "extends")),
                "template",
            )
        if str(parent) in found:
            folder = found[str(parent)]
        else:
            target = (folder / str(parent)) if not Path(str(parent)).is_absolute() else Path(str(parent))
            if not is_template_folder(target):
                shown = theme.get("_file", str(folder))
                raise BuildError(
                    diags,
                    f"'{folder.name}' extends '{parent}', which is not a template folder",
                    SourcePos(shown, _line_of(theme.get("_text", ""), "extends")),
                    "template",
                )
            folder = target.resolve()
    merged = dict(DEFAULT_THEME)
    for theme in reversed(themes):
        merged = _merge(merged, {k: v for k, v in theme.items() if not k.startswith("_")})
    # keys nobody reads are most likely typos (`pallete:`): say so where they were written
    for theme in themes:
        for key in theme:
            if not str(key).startswith("_") and key not in THEME_KEYS:
                near = difflib.get_close_matches(str(key), sorted(THEME_KEYS), n=1)
                diags.warning(
                    f"theme key '{key}' is not known and was ignored"
                    + (
                        f"; did you mean '{near[0]}'?"
                        if near
                        else f" (known: {', '.join(sorted(THEME_KEYS))})"
                    ),
                    SourcePos(theme["_file"], _line_of(theme["_text"], str(key))),
                    "theme-key",
                )
    # validate colours where they were written
    for theme in themes:
        for key, value in (theme.get("palette") or {}).items():
            if value is None:
                where = SourcePos(theme["_file"], _line_of(theme["_text"], key))
                diags.error(
                    f'palette.{key} is empty; write colours in quotes, e.g. {key}: "#A01B2C" '
                    "(an unquoted # starts a YAML comment)",
                    where,
                    "bad-colour",
                )
                continue
            where = SourcePos(theme["_file"], _line_of(theme["_text"], key))
            merged["palette"][key] = (
                color(merged["palette"][key], where, key, diags)
                if value is not None
                else merged["palette"][key]
            )
    diags.raise_if_errors()
    return Template(chain[0].name, chain, merged)


def _with_deck(base: Template, deck: Path) -> Template:
    """Return ``base`` with ``deck`` as its template deck (for --template path/to/university.pptx)."""
    t = Template(deck.stem, list(base.chain), dict(base.theme))
    t._deck_override = deck.resolve()  # type: ignore[attr-defined]
    return t


def deck_of(t: Template) -> Path | None:
    """Return the template deck to use for ``t``."""
    return getattr(t, "_deck_override", None) or t.deck_path
