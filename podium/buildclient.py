"""The front door's side of the build server: hand a build command to a warm Podium, or say there is none.

Starting Python and importing Podium, python-pptx, markdown-it and WeasyPrint takes longer than
building a 60-slide deck (bench/README.md).  :mod:`podium.buildserver` is a process that has done
that once and then waits; for each command it forks a copy of itself that runs the command with the
caller's arguments, folder, environment, umask, terminal and exit status, as if it ran here.

This module is what ``build.py``, ``podium`` and ``python -m podium`` run first, before importing
anything else of Podium, so it uses only the standard library.  :func:`served` returns the build's
exit status when a server ran it, or None: then the caller builds in its own process as before (and,
the first time, a server is started in the background for the next build).

- Only the building commands are served (``slides``, ``handout``, ``all``, ``pdf``, ``check``), on
  Linux (the terminal is passed over a Unix socket, and the server checks who is asking).
- ``PODIUM_SERVER=off`` (or ``0``, ``no``, ``false``) turns it off; ``podium server stop`` stops a
  running one; it stops by itself after :data:`IDLE_SECONDS` without a build.
- The socket lives in a folder only its user may open (``$XDG_RUNTIME_DIR/podium``, else
  ``/tmp/podium-UID``; ``PODIUM_SERVER_DIR`` chooses another); a folder that others may open, or that
  another user owns, is not used.
- A server whose Podium, Python packages or start-up environment differ from the caller's
  (:func:`fingerprint`: an upgrade, an edited checkout, another ``LANG``) is stale: it stops, the
  build runs here, and a fresh server starts.
"""

from __future__ import annotations

import hashlib
import json
import os
import signal
import socket
import stat
import struct
import sys

SERVED = frozenset({"slides", "handout", "all", "pdf", "check"})
OFF = frozenset({"0", "off", "no", "false"})
IDLE_SECONDS = 20 * 60
REPLY_SECONDS = 3.0  # (a server answers at once: it is warm before it listens; a hung one is passed by)
# what Python, fontconfig and Podium read once, when they start, rather than for each build: a
# server started with other values than the caller's would build differently (the rest of the
# environment is handed to each build, which reads it as it runs)
START_ENV = (
    "HOME",
    "LANG",
    "LC_ALL",
    "LC_CTYPE",
    "PODIUM_CACHE",
    "XDG_CACHE_HOME",
    "XDG_DATA_HOME",
    "FONTCONFIG_FILE",
    "FONTCONFIG_PATH",
    "PYTHONHASHSEED",
    "PYTHONUTF8",
    "PYTHONIOENCODING",
    "PYTHONPATH",
    "PYTHONWARNINGS",
)
PACKAGE = os.path.dirname(os.path.realpath(__file__))  # (no pathlib: this module is imported first)
STALE = -1  # (what _run returns for a server that has stopped because it differs from its caller)
_SUN_PATH_MAX = 100  # (a Unix socket's path is at most 104-108 bytes, by system)


def enabled() -> bool:
    """May a build be handed to a server here (the platform can, and the user has not said no)?"""
    return (
        sys.platform.startswith("linux")
        and hasattr(socket, "send_fds")
        and os.environ.get("PODIUM_SERVER", "").strip().lower() not in OFF
    )


def server_dir(create: bool = True) -> str | None:
    """The folder of the server's socket, made if need be, or None when it is not the user's alone."""
    chosen = os.environ.get("PODIUM_SERVER_DIR")
    if chosen:
        folder = chosen
    else:
        runtime = os.environ.get("XDG_RUNTIME_DIR")
        if runtime and _own_private_folder(runtime):  # (not another user's, kept by su or sudo -E)
            folder = os.path.join(runtime, "podium")
        else:
            folder = os.path.join(os.environ.get("TMPDIR") or "/tmp", f"podium-{os.getuid()}")
    try:
        if create:
            os.makedirs(folder, mode=0o700, exist_ok=True)
        st = os.lstat(folder)
    except OSError:
        return None
    if not stat.S_ISDIR(st.st_mode) or st.st_uid != os.getuid() or st.st_mode & 0o077:
        return None
    return folder


def _own_private_folder(path: str) -> bool:
    try:
        st = os.lstat(path)
    except OSError:
        return False
    return stat.S_ISDIR(st.st_mode) and st.st_uid == os.getuid() and not st.st_mode & 0o022


def socket_path(create: bool = True) -> str | None:
    """The socket of this installation's server (one per Python and Podium), or None (no safe folder)."""
    folder = server_dir(create)
    if folder is None:
        return None
    which = hashlib.sha256(f"{sys.executable}\0{PACKAGE}".encode()).hexdigest()[:16]
    path = os.path.join(folder, f"server-{which}.sock")
    return path if len(os.fsencode(path)) < _SUN_PATH_MAX else None


def fingerprint() -> str:
    """What a server must share with its caller: Podium's files, the installed packages (their folders
    change when a package is installed, upgraded or removed), Python, and :data:`START_ENV`."""
    h = hashlib.sha256(f"{sys.executable}\0{sys.version}\0".encode())
    for folder, dirs, files in os.walk(PACKAGE):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__")
        for name in sorted(files):
            if name.endswith((".pyc", ".pyo")):
                continue
            path = os.path.join(folder, name)
            try:
                st = os.stat(path)
            except OSError:
                continue
            h.update(f"{path}\0{st.st_size}\0{st.st_mtime_ns}\0".encode())
    for entry in sys.path:
        if "-packages" in entry and os.path.isdir(entry):
            h.update(f"{entry}\0{os.stat(entry).st_mtime_ns}\0".encode())
    for folder in _font_folders():  # (a font installed: fontconfig's caches and the font folders change)
        try:
            h.update(f"{folder}\0{os.stat(folder).st_mtime_ns}\0".encode())
        except OSError:
            pass
    for key in START_ENV:
        h.update(f"{key}={os.environ.get(key)}\0".encode())
    return h.hexdigest()


def _font_folders() -> list[str]:
    home = os.path.expanduser("~")
    cache = os.environ.get("XDG_CACHE_HOME") or os.path.join(home, ".cache")
    data = os.environ.get("XDG_DATA_HOME") or os.path.join(home, ".local", "share")
    return [
        "/var/cache/fontconfig",
        os.path.join(cache, "fontconfig"),
        os.path.join(data, "fonts"),
        os.path.join(home, ".fonts"),
        "/usr/local/share/fonts",
    ]


def connect(path: str, timeout: float = REPLY_SECONDS) -> socket.socket | None:
    """A connection to the server at ``path``, or None when none is listening, or when what listens
    there is not this user's (``SO_PEERCRED``: nothing is sent to another user's process)."""
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    sock.settimeout(timeout)
    try:
        sock.connect(path)
    except OSError:
        sock.close()
        return None
    if not peer_is_owner(sock):
        sock.close()
        return None
    return sock


def peer_is_owner(sock: socket.socket) -> bool:
    """Is the process at the other end of ``sock`` this process's user?"""
    try:
        creds = sock.getsockopt(socket.SOL_SOCKET, socket.SO_PEERCRED, struct.calcsize("3i"))
    except OSError:
        return False
    _pid, uid, _gid = struct.unpack("3i", creds)
    return uid == os.getuid()


def ask(op: str, path: str | None = None) -> dict | None:
    """The server's answer to ``op`` (``status`` or ``stop``), or None when no server is running."""
    path = path or socket_path(create=False)
    sock = connect(path) if path is not None else None
    if sock is None:
        return None
    with sock:
        try:
            socket.send_fds(sock, [b"\0"], [])
            sock.sendall(json.dumps({"op": op}).encode() + b"\n")
            line = _read_line(sock.makefile("rb"))
        except OSError:
            return None
    try:
        return json.loads(line) if line else None
    except ValueError:
        return None


def start(path: str, idle: float = IDLE_SECONDS) -> None:
    """Start a server for ``path`` in the background, in its own session, with this environment."""
    import subprocess  # noqa: PLC0415 (only when a server is started)

    # (from the folder Podium is imported from, for a checkout that is not installed; the environment
    # stays the caller's, PYTHONPATH too, so that the server's fingerprint is the caller's)
    boot = f"import sys; sys.path.insert(0, {os.path.dirname(PACKAGE)!r}); from podium.buildserver import main; main()"
    subprocess.Popen(
        [sys.executable, "-c", boot, path, str(idle)],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        cwd="/",
        start_new_session=True,
        close_fds=True,
    )


def served(args: list[str], prog_name: str) -> int | None:
    """Run the command ``args`` in a warm server and return its exit status; None when it must run in
    this process (not a building command, turned off, no server yet, or a stale one).  When none is
    running, one is started for the next command."""
    if not args or args[0] not in SERVED or not enabled():
        return None
    path = socket_path()
    if path is None:
        return None
    sock = connect(path)
    if sock is None:
        start(path)
        if sys.stderr.isatty() and not {"-q", "--quiet"} & set(args):
            print(
                "podium: starting a build server, so that the next builds start at once "
                "(it stops after 20 minutes without a build; `podium server stop`, PODIUM_SERVER=off)",
                file=sys.stderr,
            )
        return None
    with sock:
        status = _run(sock, args, prog_name)
    if status == STALE:  # (it has stopped): this build here, the next one in a new server
        start(path)
        return None
    return status


def _run(sock: socket.socket, args: list[str], prog_name: str) -> int | None:
    try:  # the build writes to this terminal (or these files) itself
        fds = [s.fileno() for s in (sys.stdin, sys.stdout, sys.stderr)]
        cwd = os.getcwd()
    except (AttributeError, OSError, ValueError):
        return None  # (a stream closed or replaced, the folder removed: built here, which says so)
    request = {
        "op": "build",
        "fingerprint": fingerprint(),
        "args": args,
        "prog_name": prog_name,
        "cwd": cwd,
        "env": dict(os.environ),
        "umask": _umask(),
        "streams": [_stream(s) for s in (sys.stdin, sys.stdout, sys.stderr)],
    }
    try:
        for s in (sys.stdout, sys.stderr):
            s.flush()
        socket.send_fds(sock, [b"\0"], fds)
        sock.sendall(json.dumps(request).encode() + b"\n")
        replies = sock.makefile("rb")
        first = _read_line(replies)
    except (OSError, ValueError):
        return None
    if first == "stale":
        return STALE
    if not first.startswith("pid "):
        return None  # (the server went away before the build began: built here)
    child = int(first.split()[1])
    forwarded = _forward_signals(child)
    sock.settimeout(None)  # (a build takes as long as it takes)
    try:
        last = _read_line(replies)
    except OSError:
        last = ""
    finally:
        for sig, handler in forwarded.items():
            signal.signal(sig, handler)
    if last.startswith("exit "):
        return int(last.split()[1])
    print(f"podium: the build server ended before build {child} did", file=sys.stderr)
    return 1


def _forward_signals(child: int) -> dict:
    """Ctrl-C (and a polite kill, a closed terminal) of this process interrupts the build it waits for,
    with the processes the build started (its process group, as a terminal signals its foreground
    job); a resized terminal is said to it."""

    def forward(sig, frame):
        try:
            os.killpg(child, sig)
        except OSError:
            try:
                os.kill(child, sig)
            except OSError:
                pass

    sigs = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP, signal.SIGQUIT, signal.SIGWINCH)
    return {sig: signal.signal(sig, forward) for sig in sigs}


def _stream(s) -> dict:
    return {
        "encoding": getattr(s, "encoding", None) or "utf-8",
        "errors": getattr(s, "errors", None) or "strict",
    }


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _read_line(f) -> str:
    return f.readline(1 << 16).decode("utf-8", "replace").strip()
