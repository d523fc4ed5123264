"""Write output files so that a reader never sees a half-written one."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from .diagnostics import BuildError


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` via a temporary file in the same folder, fsynced and renamed.

    A crash or kill mid-write leaves only a ``.podium-*.tmp`` file (which ``build.py`` sweeps
    away), never a truncated ``path``; two concurrent writers each rename a complete file.
    """
    path = Path(path)
    if path.parent.exists() and not path.parent.is_dir():
        raise BuildError(
            message=f"cannot write {path}: '{path.parent}' is a file, not a folder (-o names a folder)",
            code="cannot-write",
        )
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise BuildError(message=f"cannot write {path}: {e.strerror or e}", code="cannot-write") from None
    sweep_temporaries(path.parent)
    try:
        fd, tmp = tempfile.mkstemp(
            prefix=f".podium-{path.name}.{os.getpid()}.", suffix=".tmp", dir=path.parent
        )
    except OSError as e:
        raise BuildError(message=f"cannot write {path}: {e.strerror or e}", code="cannot-write") from None
    try:
        os.fchmod(fd, 0o666 & ~current_umask())  # mkstemp makes it 0600; an output is an ordinary file
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException as e:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        if isinstance(e, OSError):  # a full disk, a folder where the file should be …
            raise BuildError(message=f"cannot write {path}: {e.strerror or e}", code="cannot-write") from None
        raise


def current_umask() -> int:
    """Return the process's umask (read from /proc where it can be, so it is never changed meanwhile)."""
    try:
        with open("/proc/self/status", encoding="ascii") as f:
            for line in f:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def sweep_temporaries(folder: Path) -> None:
    """Remove temporary files left in ``folder`` by builds that were killed mid-write.

    A temporary's name carries the writer's process id; it is removed only when that process
    no longer exists, so a build running at the same time keeps its own.
    """
    if not folder.is_dir():
        return
    for p in folder.glob(".podium-*.tmp"):
        parts = p.name[: -len(".tmp")].rsplit(".", 2)  # .podium-<name>.<pid>.<random>
        pid = int(parts[1]) if len(parts) == 3 and parts[1].isdigit() else None
        if pid is not None and (pid == os.getpid() or _alive(pid)):
            continue
        try:
            p.unlink()
        except OSError:
            pass


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
