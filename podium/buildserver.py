"""The build server: a Podium that has started and imported once, and forks a copy of itself per build.

``python -m podium.buildserver SOCKET [IDLE]`` (started by :func:`podium.buildclient.start`):

1. imports what a build uses (Podium, python-pptx, markdown-it, WeasyPrint: :data:`PRELOAD`), then
   takes those objects out of the cycle collector's scans (:func:`gc.freeze`), so that a forked copy
   does not touch, and so copy, their memory;
2. listens on the Unix socket ``SOCKET`` (readable by its user only, in a folder of that user's
   only: :func:`podium.buildclient.server_dir`) and answers only its own user (``SO_PEERCRED``);
3. for each build: forks; the copy takes the caller's terminal (the file descriptors passed over the
   socket), folder, environment, umask and arguments, runs the command line as ``build.py`` would,
   and sends back its exit status.  Each build runs in a fresh copy, so nothing of one build (a
   cache, a half-read template) is seen by the next;
4. stops when a caller's :func:`~podium.buildclient.fingerprint` differs from its own (Podium or a
   package changed), when asked (``podium server stop``), when its socket is removed or replaced, or
   after IDLE seconds without a request.
"""

from __future__ import annotations

import atexit
import contextlib
import gc
import importlib
import io
import json
import os
import selectors
import signal
import socket
import struct
import sys
import time
import traceback
from pathlib import Path

from podium.buildclient import IDLE_SECONDS, fingerprint

# what a build imports (the command line imports each command's implementation only when it runs)
PRELOAD = (
    "podium.cli",
    "podium.course",
    "podium.pipeline",
    "podium.reader",
    "podium.deck.writer",
    "podium.deck.fit",
    "podium.handout.html",
    "podium.handout.pdf",
    "podium.handout.slidespdf",
    "podium.deckcheck",
    "podium.check",
    "podium.reproducible",
    "fontTools.ttLib.tables.O_S_2f_2",
    "fontTools.ttLib.tables._h_e_a_d",
    "fontTools.ttLib.tables._h_h_e_a",
)
REQUEST_MAX = 1 << 22  # (the arguments and environment of one build)


def preload() -> None:
    """Import what builds use; a module that fails to import is left for the build to report."""
    for name in PRELOAD:
        with contextlib.suppress(Exception):
            importlib.import_module(name)


def warm_up() -> None:
    """Build the sample lecture of ``podium new`` once (deck and handout, in a folder of its own that is
    then removed), so that what a build loads on first use is loaded here, once for all copies: the
    default template's layouts and geometry, the fonts the deck measures with, WeasyPrint's fonts,
    the patterns compiled when first matched.  Then open the default template's deck for the next
    build (:func:`podium.deck.template_deck.keep_opened`)."""
    import tempfile  # noqa: PLC0415 (only in the server)

    from podium.deck.template_deck import keep_opened  # noqa: PLC0415 (preloaded)
    from podium.diagnostics import Diagnostics  # noqa: PLC0415
    from podium.pipeline import BuildOptions, build_handout, build_slides  # noqa: PLC0415
    from podium.scaffold import new_lecture  # noqa: PLC0415
    from podium.template_folders import load_template  # noqa: PLC0415

    cache = os.environ.get("PODIUM_CACHE")
    with tempfile.TemporaryDirectory(prefix="podium-server-") as tmp:
        os.environ["PODIUM_CACHE"] = os.path.join(tmp, "cache")  # (no build records of the sample)
        try:
            source = new_lecture("sample", Diagnostics(), Path(tmp, "content"))
            options = BuildOptions(out_dir=Path(tmp, "out"))
            build_slides(source, options, Diagnostics())
            build_handout(source, options, Diagnostics())
        except Exception:  # (a warm-up that fails only leaves more for each build to load)
            pass
        finally:
            if cache is None:
                os.environ.pop("PODIUM_CACHE", None)
            else:
                os.environ["PODIUM_CACHE"] = cache
    with contextlib.suppress(Exception):
        keep_opened(load_template(None, Diagnostics()))


def peer_is_owner(conn: socket.socket) -> bool:
    """Is the process at the other end of ``conn`` this process's user?"""
    try:
        creds = conn.getsockopt(socket.SOL_SOCKET, socket.SO_PEERCRED, struct.calcsize("3i"))
    except OSError:
        return False
    _pid, uid, _gid = struct.unpack("3i", creds)
    return uid == os.getuid()


class Server:
    """The listening socket, the loop that accepts callers, and the builds it has forked."""

    def __init__(self, path: str, idle: float = IDLE_SECONDS):
        self.path = path
        self.idle = idle
        self.fingerprint = fingerprint()
        self.started = time.time()
        self.last = time.monotonic()
        self.served = 0
        self.children: set[int] = set()
        self.listener: socket.socket | None = None
        self.inode: int | None = None

    def bind(self) -> bool:
        """Listen on the socket; False when another server already answers there."""
        path = self.path
        probe = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        try:
            probe.connect(path)
            return False  # (a server is already running)
        except OSError:
            pass
        finally:
            probe.close()
        with contextlib.suppress(FileNotFoundError):
            os.unlink(path)
        listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        old = os.umask(0o177)  # (the socket file: its user only)
        try:
            listener.bind(path)
        finally:
            os.umask(old)
        listener.listen(16)
        self.listener = listener
        self.inode = os.stat(path).st_ino
        return True

    def serve(self) -> None:
        """Accept callers until told to stop, replaced, or idle for too long; then remove the socket."""
        assert self.listener is not None
        sel = selectors.DefaultSelector()
        sel.register(self.listener, selectors.EVENT_READ)
        try:
            while True:
                ready = sel.select(timeout=2.0)
                self._reap()
                if not self._still_mine():
                    return
                if ready:
                    conn, _ = self.listener.accept()
                    if not self._handle(conn):
                        return
                if not self.children and time.monotonic() - self.last > self.idle:
                    return  # (a build of the last moment has been forked already: it runs on)
        finally:
            sel.close()
            self.listener.close()
            if self._still_mine():
                with contextlib.suppress(OSError):
                    os.unlink(self.path)

    def _still_mine(self) -> bool:
        try:
            return os.stat(self.path).st_ino == self.inode
        except OSError:
            return False

    def _reap(self) -> None:
        for pid in list(self.children):
            with contextlib.suppress(ChildProcessError):
                done, _ = os.waitpid(pid, os.WNOHANG)
                if not done:
                    continue
            self.children.discard(pid)

    def _handle(self, conn: socket.socket) -> bool:
        """Serve one caller; False when the server is to stop."""
        fds: list[int] = []
        try:
            conn.settimeout(10)
            if not peer_is_owner(conn):
                return True
            _, fds, _, _ = socket.recv_fds(conn, 1, 3)
            line = conn.makefile("rb").readline(REQUEST_MAX)
            request = json.loads(line)
            op = request.get("op")
            if op == "status":
                conn.sendall(json.dumps(self.status()).encode() + b"\n")
                return True
            if op == "stop":
                conn.sendall(json.dumps(self.status()).encode() + b"\n")
                return False
            if op != "build" or len(fds) != 3:
                return True
            if request.get("fingerprint") != self.fingerprint:
                conn.sendall(b"stale\n")
                return False
            self.last = time.monotonic()  # (a build, not a status, keeps the server up)
            pid = os.fork()
            if pid == 0:
                self.listener.close() if self.listener else None
                _build(conn, fds, request)  # (does not return)
            self.children.add(pid)
            self.served += 1
            return True
        except (OSError, ValueError, AttributeError):
            return True
        finally:
            for fd in fds:
                with contextlib.suppress(OSError):
                    os.close(fd)
            conn.close()

    def status(self) -> dict:
        return {
            "pid": os.getpid(),
            "socket": self.path,
            "started": self.started,
            "builds": self.served,
            "running": len(self.children),
            "idle_stop": self.idle,
        }


def _build(conn: socket.socket, fds: list[int], request: dict) -> None:
    """In the forked copy: become the caller's build, run it, report its exit status, and end."""
    status = 1
    try:
        for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP, signal.SIGCHLD, signal.SIGPIPE):
            signal.signal(sig, signal.default_int_handler if sig == signal.SIGINT else signal.SIG_DFL)
        for target, fd in enumerate(fds):
            os.dup2(fd, target)
        _take_streams(request["streams"])
        os.chdir(request["cwd"])
        os.umask(int(request["umask"]))
        os.environ.clear()
        os.environ.update(request["env"])
        prog = request["prog_name"]
        sys.argv = [prog, *request["args"]]
        conn.sendall(f"pid {os.getpid()}\n".encode())
        status = _run_cli(request["args"], prog)
        with contextlib.suppress(Exception):
            atexit._run_exitfuncs()  # (what the build registered; the copy ends with os._exit)
    except BaseException:  # (the copy must report and end, whatever happened)
        with contextlib.suppress(Exception):
            traceback.print_exc()
    finally:
        with contextlib.suppress(Exception):
            sys.stdout.flush()
            sys.stderr.flush()
        with contextlib.suppress(Exception):
            conn.sendall(f"exit {status}\n".encode())
        os._exit(status)


def _run_cli(args: list[str], prog: str) -> int:
    """The command line's exit status, as ``sys.exit`` would make it."""
    from podium.cli import cli  # noqa: PLC0415 (preloaded: already imported)

    try:
        cli.main(args=args, prog_name=prog)
    except SystemExit as e:
        code = e.code
        if code is None:
            return 0
        if isinstance(code, int):
            return code
        print(code, file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("Aborted!", file=sys.stderr)
        return 130
    return 0


def _take_streams(streams: list[dict]) -> None:
    """Python's standard streams on the caller's file descriptors, encoded and buffered as the
    caller's are (line by line on a terminal)."""
    for fd, name, spec in zip((0, 1, 2), ("stdin", "stdout", "stderr"), streams, strict=True):
        binary = open(fd, "rb" if fd == 0 else "wb", closefd=False)
        stream = io.TextIOWrapper(
            binary,
            encoding=spec["encoding"],
            errors=spec["errors"],
            line_buffering=fd == 2 or (fd == 1 and os.isatty(fd)),
        )
        setattr(sys, name, stream)
        setattr(sys, f"__{name}__", stream)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    path = argv[0]
    idle = float(argv[1]) if len(argv) > 1 else IDLE_SECONDS
    signal.signal(signal.SIGHUP, signal.SIG_IGN)
    server = Server(path, idle)
    if not server.bind():
        return 0
    preload()
    warm_up()
    gc.collect()
    gc.freeze()  # (what is alive now is never scanned again: a fork's copy shares those pages)
    server.serve()
    return 0


if __name__ == "__main__":
    sys.exit(main())
