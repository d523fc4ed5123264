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
a project file (``bibliography:``, ``csl:``, ``logo:``, ``include-before-body:``) are relative to that
file's folder, so they are rewritten relative to the lecture's.

Each of these files, and the front matter, may name YAML files of settings of its own
(``metadata-files: [_meta.yml]``, or under its first format's options): as Quarto documents them, they
are read from the lecture's folder, under the same path policy as any file the lecture reads, and
merged under the settings that name them, a later file over an earlier one.  Where each setting was
written (file and line) is kept, so that a message about it names that file.
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
METADATA_KEYS = ("metadata-file", "metadata-files")  # (Quarto's: settings read from other YAML files)
# the keys of a project file that are the project's, not a document's (never given to a lecture)
_PROJECT_ONLY = frozenset({"project", "website", "book", "manuscript", "profile", "filters", "freeze"})
_PATH_KEYS = ("bibliography", "csl", "logo")  # (relative to the file that names them)
# a format's options that name files (relative to the file that names them too; also at the top level)
_FORMAT_PATH_KEYS = ("logo", "include-in-header", "include-before-body", "include-after-body")


@dataclass
class ProjectMeta:
    """What a lecture inherits from its Quarto project, the files it was read from, and every project
    file looked for (found or not: creating one later changes what the lecture inherits)."""

    meta: dict[str, Any] = field(default_factory=dict)
    files: list[Path] = field(default_factory=list)
    looked_for: list[Path] = field(default_factory=list)
    # where each setting (a dotted key path: ``format.revealjs.logo``) was written, the innermost file's
    where: dict[str, m.SourcePos] = field(default_factory=dict)


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
    """A path (or list of paths, or Quarto's ``file: path``) written in a file in folder ``origin``, as seen
    from folder ``base``."""
    if isinstance(value, list):
        return [_rebased(v, origin, base) for v in value]
    if isinstance(value, dict) and "file" in value:
        return {**value, "file": _rebased(value["file"], origin, base)}
    if not isinstance(value, str) or not value or "://" in value or os.path.isabs(value):
        return value
    return os.path.relpath(origin / value, base)


def _read(
    path: Path, base: Path, diags: Diagnostics, rebase: bool = True, what: str = "Quarto project file"
) -> tuple[dict[str, Any], dict[str, m.SourcePos]]:
    """The document settings of one settings file and where each is written (a dotted key path's file
    and line); its paths rebased to the lecture's folder (``rebase``: a project file's)."""
    shown = _shown(path)
    try:
        data, lines = yamlsafe.load_located(path.read_bytes()[:MAX_BYTES].decode("utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as e:
        line = getattr(getattr(e, "problem_mark", None), "line", None)
        diags.warning(
            f"this {what} cannot be read, so its settings are not used: {e}",
            m.SourcePos(shown, line + 1 if line is not None else 1),
            "quarto-project",
        )
        return {}, {}
    if not isinstance(data, dict):
        if data is not None:
            diags.warning(
                f"this {what} holds no 'key: value' settings, so nothing of it is used",
                m.SourcePos(shown, 1),
                "quarto-project",
            )
        return {}, {}
    where = {
        ".".join(keys): m.SourcePos(shown, line + 1)
        for keys, line in lines.items()
        if keys and all(isinstance(k, str) for k in keys)
    }
    out = {str(k): v for k, v in data.items() if str(k) not in _PROJECT_ONLY}
    if not rebase:
        return out, where
    origin, here = path.parent.resolve(), base.resolve()
    for key in (*_PATH_KEYS, *_FORMAT_PATH_KEYS):
        if key in out:
            out[key] = _rebased(out[key], origin, here)
    formats = out.get("format")
    for opts in formats.values() if isinstance(formats, dict) else ():
        for key in _FORMAT_PATH_KEYS if isinstance(opts, dict) else ():
            if key in opts:
                opts[key] = _rebased(opts[key], origin, here)
    return out, where


def _named_files(meta: dict[str, Any]) -> list[tuple[str, str]]:
    """The metadata files settings ``meta`` name, in order, each with the dotted key path naming it:
    ``metadata-file``, ``metadata-files``, then the same under the first format's options."""
    places: list[tuple[str, Any]] = [(key, meta.get(key)) for key in METADATA_KEYS]
    formats = meta.get("format")
    first = next(iter(formats.items()), None) if isinstance(formats, dict) else None
    if first is not None and isinstance(first[1], dict):
        places += [(f"format.{first[0]}.{key}", first[1].get(key)) for key in METADATA_KEYS]
    return [
        (name, key)
        for key, value in places
        for name in (value if isinstance(value, list) else [value])
        if isinstance(name, str) and name.strip()
    ]


def _as_format_mapping(meta: dict[str, Any]) -> dict[str, Any]:
    formats = _formats(meta.get("format"))
    return {**meta, "format": formats} if formats is not None and "format" in meta else meta


def with_metadata_files(
    meta: dict[str, Any],
    where: dict[str, m.SourcePos],
    base: Path,
    policy,
    pos: m.SourcePos,
    diags: Diagnostics,
) -> tuple[dict[str, Any], dict[str, m.SourcePos]]:
    """Settings ``meta`` (written where ``where`` says) over the metadata files they name, read from the
    lecture's folder ``base`` under the path policy (a file outside it, or missing, is a warning at the
    key naming it; ``pos`` where that key's place is unknown), a later file over an earlier one, and the
    place of each setting."""
    named = _named_files(meta)
    if not named:
        return meta, where
    out: dict[str, Any] = {}
    places: dict[str, m.SourcePos] = {}
    for name, key in named:
        found = policy.resolve(name, str(base), where.get(key, pos), diags, "metadata file")
        if found is None:
            continue
        data, written = _read(Path(found), base, diags, rebase=False, what="metadata file")
        out = merged(_as_format_mapping(out), _as_format_mapping(data)) if out else data
        places.update(written)
    own = {k: v for k, v in meta.items() if k not in METADATA_KEYS}
    if "format" in own and "format" in out:
        out, own = _as_format_mapping(out), _as_format_mapping(own)
    return merged(out, own), {**places, **where}


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
    where: dict[str, m.SourcePos] = {}
    for path in files:
        layer, written = with_metadata_files(*_read(path, base, diags), base, policy, pos, diags)
        meta = with_project(layer, meta)
        where.update(written)
    return ProjectMeta(meta, files, looked_for, where)
