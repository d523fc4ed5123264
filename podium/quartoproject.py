"""A Quarto project's settings, as Quarto gives them to each lecture: ``_quarto.yml`` and ``_metadata.yml``.

A course written in Quarto often keeps what every lecture shares in the project's ``_quarto.yml``
(``format: revealjs:`` with ``slide-level``, ``footer`` and ``incremental``, ``execute: echo:``,
``bibliography:``, ``author:``), and folder-wide settings in a ``_metadata.yml``.  Quarto merges
them under each document's own front matter: the project file first, then each ``_metadata.yml``
from the project's root down to the lecture's folder, then the front matter; mappings are merged
key by key, lists joined, and any other value is the innermost one.  Output formats are those the
front matter names (each with the project's options for it under its own), else the project's.

Only files inside the folders Podium may read are used (the lecture's folder, ``--allow-folder``);
a project file above them is left unread, with a note saying how to let Podium read it.  Paths in
a project file (``bibliography:``, ``csl:``, ``logo:``) are relative to that file's folder, so they
are rewritten relative to the lecture's.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from . import model as m
from . import yamlsafe
from .diagnostics import Diagnostics

PROJECT_FILES = ("_quarto.yml", "_quarto.yaml")
FOLDER_FILES = ("_metadata.yml", "_metadata.yaml")
MAX_BYTES = 1 << 20  # (as course.yaml)
# the keys of a project file that are the project's, not a document's (never given to a lecture)
_PROJECT_ONLY = frozenset({"project", "website", "book", "manuscript", "profile", "filters", "freeze"})
_PATH_KEYS = ("bibliography", "csl", "logo")  # (relative to the file that names them)


@dataclass
class ProjectMeta:
    """What a lecture inherits from its Quarto project, the files it was read from, and every project
    file looked for (found or not: creating one later changes what the lecture inherits)."""

    meta: dict[str, Any] = field(default_factory=dict)
    files: list[Path] = field(default_factory=list)
    looked_for: list[Path] = field(default_factory=list)


def _shown(path: Path) -> str:
    try:
        return os.path.relpath(path)
    except ValueError:  # pragma: no cover - another drive on Windows
        return str(path)


def _project_file(folder: Path) -> Path | None:
    return next((folder / n for n in PROJECT_FILES if (folder / n).is_file()), None)


def project_files(
    base: Path, policy, pos: m.SourcePos, diags: Diagnostics, looked_for: list[Path] | None = None
) -> list[Path]:
    """The project file and the ``_metadata.yml`` files that apply to a lecture in folder ``base``
    (the project root's own among them), outermost first; [] outside a Quarto project or when its
    project file may not be read (a note).  Every candidate file in a folder Podium may read, found or
    not, is added to ``looked_for``."""
    folder, found = base.resolve(), list[Path]()
    looked_for = [] if looked_for is None else looked_for
    while True:
        if not policy.allows(folder):
            outside = _project_file(folder)
            if outside is not None:
                diags.note(
                    f"{_shown(outside)} (the Quarto project's settings: formats, "
                    "bibliography, …) is not read: it is outside the lecture's folder; pass "
                    f"--allow-folder {_shown(folder)} to use it",
                    pos,
                    "quarto-project",
                )
                return []
        else:
            looked_for += [folder / n for n in (*PROJECT_FILES, *FOLDER_FILES)]
            found += [
                folder / n for n in FOLDER_FILES if (folder / n).is_file() and policy.allows(folder / n)
            ]
            project = _project_file(folder)
            if project is not None and policy.allows(project):
                return [project, *reversed(found)]
        if folder.parent == folder:
            return []
        folder = folder.parent


def _rebased(value: Any, origin: Path, base: Path) -> Any:
    """A path (or list of paths) written in a file in folder ``origin``, as seen from folder ``base``."""
    if isinstance(value, list):
        return [_rebased(v, origin, base) for v in value]
    if not isinstance(value, str) or not value or "://" in value or os.path.isabs(value):
        return value
    return os.path.relpath(origin / value, base)


def _read(path: Path, base: Path, diags: Diagnostics) -> dict[str, Any]:
    """The document settings of one project file, its paths rebased to the lecture's folder."""
    try:
        data = yamlsafe.load(path.read_bytes()[:MAX_BYTES].decode("utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as e:
        line = getattr(getattr(e, "problem_mark", None), "line", None)
        diags.warning(
            f"this Quarto project file cannot be read, so its settings are not used: {e}",
            m.SourcePos(_shown(path), line + 1 if line is not None else 1),
            "quarto-project",
        )
        return {}
    if not isinstance(data, dict):
        return {}
    out = {str(k): v for k, v in data.items() if str(k) not in _PROJECT_ONLY}
    origin, here = path.parent.resolve(), base.resolve()
    for key in _PATH_KEYS:
        if key in out:
            out[key] = _rebased(out[key], origin, here)
    formats = out.get("format")
    for opts in formats.values() if isinstance(formats, dict) else ():
        if isinstance(opts, dict) and "logo" in opts:
            opts["logo"] = _rebased(opts["logo"], origin, here)
    return out


def merged(outer: Any, inner: Any) -> Any:
    """Quarto's merge of two settings: mappings key by key, lists joined (without repeats), else ``inner``."""
    if isinstance(outer, dict) and isinstance(inner, dict):
        out = dict(outer)
        for k, v in inner.items():
            out[k] = merged(outer[k], v) if k in outer else v
        return out
    if isinstance(outer, list) and isinstance(inner, list):
        return outer + [v for v in inner if v not in outer]
    return inner


def _formats(value: Any) -> dict[str, Any] | None:
    """``format:`` as a mapping of format name to options (``format: revealjs`` → ``{revealjs: {}}``)."""
    if isinstance(value, str):
        return {value: {}}
    if isinstance(value, list):
        return {str(v): {} for v in value if isinstance(v, str)}
    return value if isinstance(value, dict) else None


def with_project(raw_meta: dict[str, Any], project: dict[str, Any]) -> dict[str, Any]:
    """The front matter ``raw_meta`` over the project's settings: the front matter's formats, each with
    the project's options for it, else the project's formats."""
    out = merged(project, {k: v for k, v in raw_meta.items() if k != "format"})
    own, shared = _formats(raw_meta.get("format")), _formats(project.get("format"))
    if own is not None:
        shared = shared or {}
        out["format"] = {
            name: merged(shared.get(name) or {}, opts if isinstance(opts, dict) else {})
            if isinstance(shared.get(name), dict)
            else opts
            for name, opts in own.items()
        }
    elif "format" in raw_meta:
        out["format"] = raw_meta["format"]
    return out


def project_meta(base: Path, policy, pos: m.SourcePos, diags: Diagnostics) -> ProjectMeta:
    """The settings a lecture in folder ``base`` inherits from its Quarto project, merged outermost first."""
    looked_for: list[Path] = []
    files = project_files(base, policy, pos, diags, looked_for)
    meta: dict[str, Any] = {}
    for path in files:
        meta = with_project(_read(path, base, diags), meta)
    return ProjectMeta(meta, files, looked_for)
