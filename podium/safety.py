"""Which files a lecture may read: the rule both renderers apply to untrusted content.

A lecture may use files inside its own folder, the template folders and Podium's assets.
Anything else (``..`` climbing out, absolute paths elsewhere, ``file://`` URLs outside, network
URLs unless the lecturer passed ``--allow-remote``) is refused with a warning at its line.
"""

from __future__ import annotations

import difflib
import hashlib
import os
import tempfile
import time
import warnings
from pathlib import Path
from urllib.parse import unquote, urlparse  # (urllib.request only when a download is asked for: start-up)

from .diagnostics import Diagnostics
from .model import SourcePos

MAX_PIXELS = 40_000_000  # a 40-megapixel picture is already far more than a slide can show
MAX_FILE_BYTES = 50 * 1024 * 1024
REMOTE_TIMEOUT = 10  # seconds per read
REMOTE_DEADLINE = 30  # seconds per download, all reads together
MAX_ADDRESS = 64 * 1024  # characters of a picture's address (a data: picture is refused before decoding)


# the files Podium draws as pictures (Pillow's and SVG; the deck holds BMP and TIFF as they are): the only
# names a missing picture's "did you mean" offers
PICTURE_SUFFIXES = (".png", ".jpg", ".jpeg", ".jpe", ".gif", ".webp", ".svg", ".bmp", ".tif", ".tiff")

# what the warnings call the files that are not pictures
_FILES = frozenset(
    {
        "bibliography",
        "citation style",
        "\\input file",
        "package file",  # (a course's own .sty a beamer deck's \usepackage names)
        "listing file",
        "included file",
        "slides file",
        "chart data",
        "in_header file",
        "include-in-header file",
        "before_body file",
        "after_body file",
        "include-before-body file",
        "include-after-body file",
        "metadata file",
    }
)


def missing_code(what: str) -> str:
    """The code of a warning about a missing file: ``missing-image`` for pictures (a logo, a background),
    ``missing-file`` for the rest (a bibliography, an ``\\input`` part, an included file, a header file)."""
    return "missing-file" if what in _FILES else "missing-image"


class PathPolicy:
    """Resolve references from content to files, allowing only those under ``roots``."""

    def __init__(self, roots, allow_remote: bool = False):
        self.roots = [Path(os.path.realpath(r)) for r in roots]
        self.allow_remote = allow_remote
        self.graphics_dirs: tuple[str, ...] = ()  # a beamer deck's \graphicspath: more folders for pictures
        # where "/x" is: a Quarto project's root (its _quarto.yml read), a Slidev deck's public/ folder
        self.project_root: Path | None = None

    def allows(self, path: str | os.PathLike) -> bool:
        """True when ``path`` (symlinks resolved) lies inside one of the allowed roots."""
        real = Path(os.path.realpath(path))
        return any(real == r or r in real.parents for r in self.roots)

    def record(self, path: str | os.PathLike) -> None:
        """Note a settings file content was read from (a Quarto project's ``_quarto.yml``); a build
        that tracks its inputs remembers it (podium.pipeline.TrackingPolicy)."""

    def _not_found(
        self,
        src: str,
        candidate: Path,
        base_dir: str,
        pos: SourcePos,
        diags: Diagnostics,
        what: str,
        then: str,
    ) -> None:
        """Warn that ``src`` is not found, where it was looked for and the nearest name, if any (and
        ``then``: what that costs)."""
        shown = os.path.relpath(base_dir) if base_dir else "."
        if self.project_root is not None and src.startswith("/"):  # (looked for from the project's root)
            shown = os.path.relpath(self.project_root)
        hint = closest_file(candidate, base_dir, PICTURE_SUFFIXES if what not in _FILES else ())
        hint = f"; did you mean '{hint}'?" if hint else ""
        also = "".join(f", {d.rstrip('/')}/" for d in self.graphics_dirs) if what == "picture" else ""
        if "%5C" in src.upper():  # (a Windows path, shown as written: d:\pics\x.png)
            src = unquote(src)
            hint = hint or "; write it with '/', from the lecture's folder"
        elif "%20" in src:  # (spaces, as written: `![](my pic.png)`)
            src = unquote(src)
        diags.warning(
            f"{what} '{src}' not found (searched {shown}/{also}){hint}{then}", pos, missing_code(what)
        )

    def resolve(
        self, src: str, base_dir: str, pos: SourcePos, diags: Diagnostics, what: str, then: str = ""
    ) -> str | None:
        """Return the local path ``src`` refers to, or None after a warning saying why not (a missing
        file's ending with ``then``)."""
        if not src.strip():
            diags.warning(f"{what} has no file name", pos, missing_code(what))
            return None
        if len(src) > MAX_ADDRESS:  # e.g. a huge data: picture: judged by its length, never decoded
            diags.warning(
                f"{what} '{src[:40]}…' is an address of {len(src) / 2**20:.1f} MiB (at most "
                f"{MAX_ADDRESS // 1024} KiB); not read",
                pos,
                "too-large",
            )
            return None
        url = urlparse(src)
        if url.scheme in ("http", "https"):
            if not self.allow_remote:
                diags.warning(
                    f"{what} '{src}' is on the network; Podium fetches nothing unless you pass "
                    "--allow-remote",
                    pos,
                    "remote-refused",
                )
                return None
            return self._download(src, pos, diags, what)
        if url.scheme == "file":
            candidate = Path(unquote(url.path))
        elif url.scheme and len(url.scheme) > 1:
            diags.warning(
                f"{what} '{src[:60]}' uses a '{url.scheme}:' address, which is not allowed", pos, "unsafe-url"
            )
            return None
        else:
            candidate = Path(unquote(src))
            if not candidate.is_absolute():
                candidate = _windows_path(Path(base_dir) / candidate, src, base_dir)
            elif self.project_root is not None and src.startswith("/"):  # (Quarto: from the project's root)
                candidate = self.project_root / unquote(src).lstrip("/")
        real = Path(os.path.realpath(candidate))
        if not self.allows(real):
            diags.warning(
                f"{what} '{src}' is outside the lecture's folder and the templates; not read (a shared "
                "folder of your own can be allowed: --allow-folder DIR)",
                pos,
                "outside-project",
            )
            return None
        if real.exists() and not real.is_file():
            diags.warning(
                f"{what} '{src}' is not a regular file (a folder, pipe or device); not read",
                pos,
                "not-a-file",
            )
            return None
        if not real.is_file():
            other = same_but_case(candidate)
            if other is not None and self.allows(os.path.realpath(other)) and os.path.isfile(other):
                written = src.replace(candidate.name, other.name) if candidate.name in src else other.name
                diags.warning(
                    f"{what} '{src}' is '{other.name}' on disk: only the letter case differs, which some "
                    f"systems ignore and others do not; used it (write '{written}')",
                    pos,
                    "name-case",
                )
                real = Path(os.path.realpath(other))
        if not real.is_file() and what == "picture":
            # LaTeX's \includegraphics{fig/normal}: the file with a picture's extension, in the lecture's
            # folder and then in its \graphicspath folders, as graphicx finds it
            for folder in (
                candidate.parent,
                *(Path(base_dir) / d / Path(src).parent for d in self.graphics_dirs),
            ):
                names = [candidate.name] if folder != candidate.parent else []
                if not candidate.suffix:
                    names += [
                        candidate.name + ext for ext in (".png", ".jpg", ".jpeg", ".svg", ".gif", ".webp")
                    ]
                found = next(
                    (
                        folder / n
                        for n in names
                        if (folder / n).is_file() and self.allows(os.path.realpath(folder / n))
                    ),
                    None,
                )
                if found is not None:
                    real = Path(os.path.realpath(found))
                    break
        if not real.is_file():
            self._not_found(src, candidate, base_dir, pos, diags, what, then)
            return None
        if real.stat().st_size > MAX_FILE_BYTES:
            diags.warning(
                f"{what} '{src}' is larger than {MAX_FILE_BYTES // 2**20} MiB; not used", pos, "too-large"
            )
            return None
        if what == "picture" and not picture_is_sane(real, pos, diags, src):
            return None
        return str(real)

    def _download(self, src: str, pos: SourcePos, diags: Diagnostics, what: str) -> str | None:
        cache = Path(tempfile.gettempdir()) / f"podium-remote-{os.getuid()}"
        cache.mkdir(mode=0o700, exist_ok=True)
        if cache.stat().st_uid != os.getuid() or cache.is_symlink():
            diags.warning(
                f"{what} '{src}': the download folder {cache} is not ours; not fetched", pos, "remote-failed"
            )
            return None
        suffix = Path(urlparse(src).path).suffix[:8]
        target = cache / (hashlib.sha256(src.encode()).hexdigest()[:24] + suffix)
        if not target.exists():
            try:
                data = fetch_bounded(src)
            except TooSlow:
                diags.warning(
                    f"{what} '{src}' took longer than {REMOTE_DEADLINE} s to download; not used",
                    pos,
                    "too-slow",
                )
                return None
            except TooLarge:
                diags.warning(
                    f"{what} '{src}' is larger than {MAX_FILE_BYTES // 2**20} MiB; not downloaded",
                    pos,
                    "too-large",
                )
                return None
            except (OSError, ValueError) as e:
                diags.warning(f"{what} '{src}' could not be fetched: {e}", pos, "remote-failed")
                return None
            target.write_bytes(data)
        if what == "picture" and not picture_is_sane(target, pos, diags, src):
            return None
        return str(target)


class TooSlow(Exception):
    """A download passed its deadline."""


class TooLarge(Exception):
    """A download passed its size limit."""


def fetch_bounded(url: str, deadline: float = REMOTE_DEADLINE, limit: int = MAX_FILE_BYTES) -> bytes:
    """Return the body at ``url``: at most ``limit`` bytes within ``deadline`` seconds in all.

    The socket's timeout bounds each wait; the deadline bounds the whole download, so a server
    that sends one byte a second is given up on after ``deadline`` seconds, not after days.
    """
    import urllib.request  # noqa: PLC0415 (only --allow-remote downloads; this module is on the no-change path)

    end = time.monotonic() + deadline
    chunks: list[bytes] = []
    size = 0
    with urllib.request.urlopen(url, timeout=min(REMOTE_TIMEOUT, deadline)) as r:
        declared = r.headers.get("Content-Length", "")
        if declared.isdigit() and int(declared) > limit:
            raise TooLarge()
        while True:
            left = end - time.monotonic()
            if left <= 0:
                raise TooSlow()
            sock = getattr(getattr(getattr(r, "fp", None), "raw", None), "_sock", None)
            if sock is not None:
                sock.settimeout(max(min(REMOTE_TIMEOUT, left), 0.01))
            try:
                chunk = r.read1(65536)
            except TimeoutError:
                raise TooSlow() from None
            if not chunk:
                return b"".join(chunks)
            size += len(chunk)
            if size > limit:
                raise TooLarge()
            chunks.append(chunk)


def same_but_case(candidate: Path) -> Path | None:
    """The one file beside ``candidate`` whose name differs from it only in letter case, else None."""
    folder, want = candidate.parent, candidate.name.lower()
    try:
        found = [p for p in folder.iterdir() if p.name.lower() == want] if folder.is_dir() else []
    except OSError:
        return None
    return found[0] if len(found) == 1 else None


def closest_file(candidate: Path, base_dir: str, suffixes: tuple[str, ...] = ()) -> str | None:
    """Return the file name, written relative to ``base_dir``, closest to the missing ``candidate``; with
    ``suffixes``, only a file with one of them (a picture's: never the lecture or a script beside it)."""

    folder = candidate.parent
    try:
        names = [p.name for p in folder.iterdir() if p.is_file()][:5000] if folder.is_dir() else []
        names = [n for n in names if n.lower().endswith(suffixes)] if suffixes else names
    except OSError:
        return None
    scored = sorted((-_closeness(candidate.name, n), n) for n in names)
    best = [n for score, n in scored[:1] if -score >= 0.8]
    if not best:
        return None
    try:
        return os.path.relpath(folder / best[0], base_dir) if base_dir else str(folder / best[0])
    except ValueError:
        return best[0]


def _closeness(wanted: str, name: str) -> float:
    """How close the file ``name`` is to the missing ``wanted`` (0 to 1): 1 for a name that differs only
    in case or extension (``Plot.PNG``, ``plot.jpg``); otherwise, with the same extension, difflib's ratio
    of the two stems (a typo: ``ginasta.png``, ``ginnasta.png``); 0 for another extension as well.  The
    extension's letters are no likeness: ``a.png`` is nowhere near ``logo.png``."""
    stem, ext = os.path.splitext(wanted.lower())
    other, other_ext = os.path.splitext(name.lower())
    if stem == other:
        return 1.0
    if ext != other_ext or not stem or not other:
        return 0.0
    return difflib.SequenceMatcher(None, stem, other).ratio()


def _windows_path(as_written: Path, src: str, base_dir: str) -> Path:
    """``as_written``, or for a path written with Windows's ``\\`` (``figs\\plot.jpg``) that names no
    file, the path with ``/`` for ``\\`` (as Windows reads it) where that file is."""
    written = unquote(src)
    if "\\" not in written or as_written.exists():
        return as_written
    slashed = Path(base_dir) / written.replace("\\", "/")
    return slashed if slashed.exists() else as_written


def picture_is_sane(path: Path, pos: SourcePos, diags: Diagnostics, src: str) -> bool:
    """False (after a warning) when ``path`` is not a picture or would decompress to an absurd size."""
    if path.suffix.lower() == ".svg":
        from .svgsafe import check  # noqa: PLC0415 (picture checks load their libraries when used; this module is on the no-change path)

        problem = check(Path(path).read_bytes())
        if problem is not None:
            diags.warning(f"picture '{src}' {problem}; not used", pos, "image-too-large")
            return False
        return True

    from PIL import Image, UnidentifiedImageError  # noqa: PLC0415 (picture checks load their libraries when used; this module is on the no-change path)

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(path) as im:  # reads the header only
                w, h = im.size
    except Image.DecompressionBombError:
        diags.warning(f"picture '{src}' would decompress to an absurd size; not used", pos, "image-too-large")
        return False
    except (UnidentifiedImageError, OSError, ValueError):
        diags.warning(
            f"picture '{src}' is not a picture Podium can read (PNG, JPEG, GIF, WebP or SVG)",
            pos,
            "bad-image",
        )
        return False
    if w * h > MAX_PIXELS:
        diags.warning(
            f"picture '{src}' is {w}×{h} pixels, which would decompress to an absurd size; not used",
            pos,
            "image-too-large",
        )
        return False
    return True
