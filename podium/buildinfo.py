"""The build record: what a build read, with which options and which Podium, and what it wrote.

After each successful build, a record (in Podium's cache folder, see :func:`cache_dir`) records the SHA-256 of the source, of
every file the build read or looked for (``course.yaml``, pictures, chart data — a file that was
missing is recorded as missing, so adding it later rebuilds), of every file of the template chain,
the options, ``SOURCE_DATE_EPOCH``, Podium's version and a fingerprint of its code, and the hash
of each output written.  The next build of the same lecture is skipped when all of that is
unchanged and the outputs are still the ones written (``--force`` rebuilds anyway); its warnings are
replayed from the record so they are not lost.

This module imports nothing heavy: deciding that a lecture is up to date must take milliseconds.
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
from functools import lru_cache
from pathlib import Path
from typing import Any

FORMAT = 1
PACKAGE = Path(__file__).resolve().parent


def version() -> str:
    from . import __version__

    return __version__


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """A hash of Podium's own code and bundled data: a changed Podium rebuilds everything."""
    h = hashlib.sha256()
    for p in sorted(PACKAGE.rglob("*")):
        if p.is_file() and "__pycache__" not in p.parts and p.suffix != ".pyc":
            h.update(str(p.relative_to(PACKAGE)).encode())
            h.update(p.read_bytes())
    return h.hexdigest()[:32]


def file_hash(path: str | os.PathLike) -> str | None:
    """SHA-256 of a file's bytes; None when it is missing or unreadable; a marker for anything that is
    not a regular file (a FIFO would block a reader forever, a device could be endless)."""
    try:
        st = os.stat(path)
        if not stat.S_ISREG(st.st_mode):
            return f"not-a-file:{stat.S_IFMT(st.st_mode)}"
        with open(path, "rb") as f:
            return (
                hashlib.file_digest(f, "sha256").hexdigest()
                if hasattr(hashlib, "file_digest")
                else hashlib.sha256(f.read()).hexdigest()
            )
    except OSError:
        return None


def folder_files(folder: Path) -> list[str]:
    """Every file under ``folder`` (a template), as real paths, in a stable order; a symbolic link that
    leads out of the folder is left out (it is not read, not even to hash it)."""
    real = os.path.realpath(folder)
    out = set()
    for root, dirs, files in os.walk(real):
        dirs[:] = [d for d in dirs if d != "__pycache__" and not os.path.islink(os.path.join(root, d))]
        for name in files:
            p = os.path.realpath(os.path.join(root, name))
            if p.startswith(real + os.sep) and os.path.isfile(p):
                out.add(p)
    return sorted(out)


def cache_dir() -> Path:
    """Where build records live: ``$PODIUM_CACHE``, else ``$XDG_CACHE_HOME/podium``, else ``~/.cache/podium``
    (not the output folder, which holds only what a lecturer hands out)."""
    env = os.environ.get("PODIUM_CACHE")
    if env:
        return Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "podium" / "builds"


def record_path(source: Path, out_dir: Path) -> Path:
    """One record per (lecture, output folder)."""
    key = f"{os.path.realpath(source)}\0{os.path.realpath(out_dir)}".encode()
    return cache_dir() / f"{Path(source).stem}-{hashlib.sha256(key).hexdigest()[:24]}.json"


def environment() -> dict[str, str]:
    return {"SOURCE_DATE_EPOCH": os.environ.get("SOURCE_DATE_EPOCH", "")}


def new_record(source: Path, options: dict[str, Any], inputs: dict[str, str | None]) -> dict[str, Any]:
    """The record of a build about to be written (outputs are added as they are written)."""
    return {
        "format": FORMAT,
        "podium": version(),
        "code": code_fingerprint(),
        "source": str(Path(source).resolve()),
        "options": options,
        "environment": environment(),
        "inputs": inputs,
        "outputs": {},
        "checked": None,
    }


def load_record(source: Path, out_dir: Path) -> dict[str, Any] | None:
    try:
        data = json.loads(record_path(source, out_dir).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) and data.get("format") == FORMAT else None


def same_build(old: dict[str, Any] | None, options: dict[str, Any]) -> bool:
    """True when ``old`` was made by this Podium, with these options, from inputs that are unchanged."""
    if not old:
        return False
    if old.get("podium") != version() or old.get("code") != code_fingerprint():
        return False
    if old.get("options") != options or old.get("environment") != environment():
        return False
    inputs = old.get("inputs")
    if not isinstance(inputs, dict) or not inputs:
        return False
    # a recorded path is a real path: if it has become a symbolic link, rebuild (and read nothing through it)
    return all(os.path.realpath(p) == p and file_hash(p) == h for p, h in inputs.items())


def fresh(
    source: Path,
    out_dir: Path,
    options: dict[str, Any],
    kinds: tuple[str, ...],
    check: bool,
) -> dict[str, Any] | None:
    """Return the record when every output in ``kinds`` is up to date (and checked, if asked), else None."""
    old = load_record(source, out_dir)
    if not old or not same_build(old, options):
        return None
    outs = old.get("outputs") or {}
    current: dict[str, str | None] = {}
    for kind in kinds:
        entry = outs.get(kind)
        if not isinstance(entry, dict):
            return None
        current[kind] = file_hash(entry.get("path", ""))
        if current[kind] is None or current[kind] != entry.get("sha256"):
            return None
    if check and old.get("checked") != {k: current[k] for k in sorted(current)}:
        return None
    return old


def merge(old: dict[str, Any] | None, new: dict[str, Any]) -> dict[str, Any]:
    """Keep the outputs of ``old`` that are still valid beside ``new`` (same inputs and options)."""
    if (
        old
        and old.get("inputs") == new["inputs"]
        and old.get("options") == new["options"]
        and old.get("code") == new["code"]
        and old.get("environment") == new["environment"]
    ):
        for kind, entry in (old.get("outputs") or {}).items():
            new["outputs"].setdefault(kind, entry)
        if new["checked"] is None and old.get("checked"):
            checked = old["checked"]
            if all(new["outputs"].get(k, {}).get("sha256") == v for k, v in checked.items()):
                new["checked"] = checked
    return new


def save_record(source: Path, out_dir: Path, record: dict[str, Any]) -> None:
    """Write the record; a record that cannot be written only costs a rebuild next time."""
    path = record_path(source, out_dir)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        tmp.write_text(json.dumps(record, indent=1, sort_keys=True, ensure_ascii=False), encoding="utf-8")
        os.replace(tmp, path)
    except OSError:
        pass


def forget(source: Path, out_dir: Path) -> None:
    try:
        record_path(source, out_dir).unlink()
    except OSError:
        pass
