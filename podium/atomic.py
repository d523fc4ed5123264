"""Write output files so that a reader never sees a half-written one."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` via a temporary file in the same folder, fsynced and renamed.

    A crash or kill mid-write leaves only a ``.podium-*.tmp`` file (which ``build.py`` sweeps
    away), never a truncated ``path``; two concurrent writers each rename a complete file.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".podium-{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def sweep_temporaries(folder: Path, max_age_s: float = 3600) -> None:
    """Remove temporary files older than ``max_age_s`` left by killed builds."""
    import time

    if not folder.is_dir():
        return
    now = time.time()
    for p in folder.glob(".podium-*.tmp"):
        try:
            if now - p.stat().st_mtime > max_age_s:
                p.unlink()
        except OSError:
            pass
