"""Template folders: find them, follow ``extends``, merge themes, validate colours.

A template is a folder ``templates/<name>/`` holding any subset of ``theme.yaml``,
``deck.pptx`` (or ``.potx``), ``handout/*.html.j2``, ``handout/*.css`` and assets.  Whatever a
template lacks comes from the template it ``extends``, down to ``default`` (as mkdocs' themes do).
Search path for names: the project's ``templates/`` (the current folder's), then Podium's own.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from .diagnostics import BuildError, Diagnostics
from .model import SourcePos
from .theme import Theme, ThemeFile, as_dict, build_theme, read_theme_file

PACKAGE_ROOT = Path(__file__).resolve().parent.parent
BUNDLED = (
    Path(__file__).resolve().parent / "templates"
)  # Podium's own templates: package data, in a wheel too
DEFAULT = "default"


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


@dataclass
class Template:
    """A resolved template: the chain of folders (most specific first) and the merged theme."""

    name: str
    chain: list[Path]
    theme: Theme = field(default_factory=Theme)

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
        """The theme's colours by role (``primary``, ``accent``…), as the drawing code takes them."""
        return as_dict(self.theme.palette)

    @property
    def fonts(self) -> dict[str, str]:
        """The theme's font families by role (``heading``, ``body``, ``mono``, ``cjk``)."""
        return as_dict(self.theme.fonts)

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
    files: list[ThemeFile] = []
    seen: set[Path] = set()
    while True:
        if folder in seen:
            raise BuildError(
                diags,
                f"template '{folder.name}' extends itself (through {' → '.join(d.name for d in chain)})",
                files[-1].pos("extends") if files else SourcePos(os.path.relpath(folder / "theme.yaml"), 1),
                "template-cycle",
            )
        seen.add(folder)
        chain.append(folder)
        tf = read_theme_file(folder, diags)
        if tf is not None:
            files.append(tf)
        parent = tf.data.get("extends") if tf is not None else None
        if parent is None and folder.name != DEFAULT and folder != found.get(DEFAULT):
            parent = DEFAULT
        if not parent:
            break
        where = tf.pos("extends") if tf is not None else SourcePos(str(folder), 1)
        if (
            str(parent) not in found
            and not (folder / str(parent)).is_dir()
            and not Path(str(parent)).is_dir()
        ):
            raise BuildError(
                diags,
                f"'{folder.name}' extends unknown template '{parent}' (found: {', '.join(sorted(found))})",
                where,
                "template",
            )
        if str(parent) in found:
            folder = found[str(parent)]
        else:
            target = (folder / str(parent)) if not Path(str(parent)).is_absolute() else Path(str(parent))
            if not is_template_folder(target):
                raise BuildError(
                    diags,
                    f"'{folder.name}' extends '{parent}', which is not a template folder",
                    where,
                    "template",
                )
            folder = target.resolve()
    return Template(chain[0].name, chain, build_theme(files, diags))


def _with_deck(base: Template, deck: Path) -> Template:
    """Return ``base`` with ``deck`` as its template deck (for --template path/to/university.pptx)."""
    t = Template(deck.stem, list(base.chain), base.theme)
    t._deck_override = deck.resolve()  # type: ignore[attr-defined]
    return t


def deck_of(t: Template) -> Path | None:
    """Return the template deck to use for ``t``."""
    return getattr(t, "_deck_override", None) or t.deck_path
