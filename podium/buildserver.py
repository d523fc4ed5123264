"""The build server: a Podium that has started and imported once, and forks a copy of itself per build.

``python -c "…main()" SOCKET [IDLE]`` (started by :func:`podium.buildclient.start`):

1. takes the server's lock (``SOCKET.lock``, ``flock``): a second server started meanwhile, or beside
   a hung one, ends at once;
2. imports what a build uses (:data:`PRELOAD`) and builds the ``podium new`` sample once
   (:func:`warm_up`), then takes those objects out of the cycle collector's scans
   (:func:`gc.freeze`), so that a forked copy does not touch, and so copy, their memory;
3. only then listens on the Unix socket ``SOCKET`` (its user's only, in a folder of that user's only:
   :func:`podium.buildclient.server_dir`), and answers only its own user (``SO_PEERCRED``);
4. for each build: forks; the copy takes the caller's terminal (the file descriptors passed over the
   socket), folder, environment, umask and arguments, in a process group of its own (the caller's
   Ctrl-C reaches it and every process it starts, as a terminal's reaches its job), and runs the
   command line as ``build.py`` would.  The server sends the caller the copy's pid, and, when the copy
   has ended, its exit status (128 + N when signal N ended it).  A caller that goes away (killed)
   has its build stopped.  Each build runs in a fresh copy, so nothing of one build (a cache, a
   half-read template) is seen by the next;
5. stops when a caller's :func:`~podium.buildclient.fingerprint` differs from its own (Podium or a
   package changed), when asked (``podium server stop``), when its socket is removed or replaced, or
   after IDLE seconds without a build.  A request it cannot read is not answered.
"""

from __future__ import annotations

import atexit
import contextlib
import fcntl
import gc
import importlib
import io
import json
import os
import selectors
import signal
import socket
import sys
import tempfile
import time
import traceback
from pathlib import Path

from podium.buildclient import IDLE_SECONDS, fingerprint, peer_is_owner

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


class Server:
    """The listening socket, the loop that accepts callers, and the builds it has forked (each with its
    caller's connection, on which the build's exit status goes back)."""

    def __init__(self, path: str, idle: float = IDLE_SECONDS):
        self.path = path
        self.idle = idle
        self.fingerprint = fingerprint()
        self.started = time.time()
        self.last = time.monotonic()
        self.served = 0
        self.builds: dict[int, socket.socket] = {}
        self.listener: socket.socket | None = None
        self.inode: int | None = None
        self.lock_fd: int | None = None
        self.wake_r, self.wake_w = socket.socketpair()

    def lock(self) -> bool:
        """Hold the server's lock for its lifetime; False when another server (starting, running or
        hung) holds it."""
        fd = os.open(self.path + ".lock", os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW, 0o600)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            os.close(fd)
            return False
        self.lock_fd = fd
        return True

    def bind(self) -> None:
        """Listen on the socket (a socket left there is a server's that has ended: the lock is ours)."""
        with contextlib.suppress(FileNotFoundError):
            os.unlink(self.path)
        listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        old = os.umask(0o177)  # (the socket file: its user only)
        try:
            listener.bind(self.path)
        finally:
            os.umask(old)
        listener.listen(16)
        self.listener = listener
        self.inode = os.stat(self.path).st_ino

    def serve(self) -> None:
        """Accept callers until told to stop, replaced, or idle for too long; then remove the socket."""
        assert self.listener is not None
        sel = selectors.DefaultSelector()
        sel.register(self.listener, selectors.EVENT_READ, "accept")
        sel.register(self.wake_r, selectors.EVENT_READ, "wake")
        self.wake_w.setblocking(False)
        self.wake_r.setblocking(False)
        signal.set_wakeup_fd(self.wake_w.fileno(), warn_on_full_buffer=False)
        signal.signal(signal.SIGCHLD, lambda sig, frame: None)  # (a build's end wakes the loop)
        try:
            while self._serving(sel):
                self._reap(sel)
                if not self._still_mine():
                    break
                if not self.builds and time.monotonic() - self.last > self.idle:
                    break
            self._drain(sel)
        finally:
            signal.set_wakeup_fd(-1)
            sel.close()
            self.listener.close()
            if self._still_mine():
                with contextlib.suppress(OSError):
                    os.unlink(self.path)

    def _serving(self, sel) -> bool:
        """One turn of the loop: callers accepted, builds' callers heard; False when told to stop (asked,
        or a caller of another Podium: this one is stale)."""
        assert self.listener is not None
        for key, _ in sel.select(timeout=2.0):
            if key.data == "accept":
                conn, _ = self.listener.accept()
                if not self._handle(conn, sel):
                    return False
            elif key.data == "wake":
                with contextlib.suppress(OSError):
                    self.wake_r.recv(4096)
            else:
                self._caller_spoke(key.fileobj, key.data, sel)
        return True

    def _drain(self, sel) -> None:
        """Take no more builds (the socket removed and the lock let go: the next caller starts a new
        server), then wait for the builds still running, each one's exit status to its caller: a server
        that stops (stale, asked, replaced) never leaves a caller without its build's end."""
        assert self.listener is not None
        with contextlib.suppress(KeyError, ValueError):
            sel.unregister(self.listener)
        self.listener.close()
        if self._still_mine():
            with contextlib.suppress(OSError):
                os.unlink(self.path)
        self.inode = None  # (the socket there now, if any, is another server's)
        if self.lock_fd is not None:
            os.close(self.lock_fd)
            self.lock_fd = None
        while self.builds:
            for key, _ in sel.select(timeout=2.0):
                if key.data == "wake":
                    with contextlib.suppress(OSError):
                        self.wake_r.recv(4096)
                elif key.data != "accept":
                    self._caller_spoke(key.fileobj, key.data, sel)
            self._reap(sel)

    def _still_mine(self) -> bool:
        try:
            return os.stat(self.path).st_ino == self.inode
        except OSError:
            return False

    def _caller_spoke(self, conn: socket.socket, pid: int, sel) -> None:
        """A build's caller sends nothing: what arrives is its end (it was killed, or its terminal
        closed). Its build is stopped, as a build in the caller's own process would have been."""
        try:
            data = conn.recv(64)
        except OSError:
            data = b""
        if not data:
            sel.unregister(conn)
            with contextlib.suppress(OSError):
                os.killpg(pid, signal.SIGTERM)

    def _reap(self, sel) -> None:
        """Each build that has ended: its exit status to its caller (128 + N when signal N ended it)."""
        while True:
            try:
                pid, status = os.waitpid(-1, os.WNOHANG)
            except ChildProcessError:
                return
            if pid == 0:
                return
            conn = self.builds.pop(pid, None)
            if conn is None:
                continue
            code = os.waitstatus_to_exitcode(status)
            with contextlib.suppress(OSError):
                conn.sendall(f"exit {128 - code if code < 0 else code}\n".encode())
            with contextlib.suppress(KeyError, ValueError):
                sel.unregister(conn)
            conn.close()

    def _handle(self, conn: socket.socket, sel) -> bool:
        """Serve one caller; False when the server is to stop."""
        fds: list[int] = []
        kept = False
        try:
            conn.settimeout(2)
            if not peer_is_owner(conn):
                return True
            _, fds, _, _ = socket.recv_fds(conn, 1, 3)
            request = json.loads(conn.makefile("rb").readline(REQUEST_MAX))
            op = request.get("op") if isinstance(request, dict) else None
            if op == "status":
                conn.sendall(json.dumps(self.status()).encode() + b"\n")
                return True
            if op == "stop":
                conn.sendall(json.dumps(self.status()).encode() + b"\n")
                return False
            wanted = request.get("fingerprint") if op == "build" else None
            if not isinstance(wanted, str) or len(fds) != 3:
                return True
            if wanted != self.fingerprint:
                conn.sendall(b"stale\n")
                return False
            self.last = time.monotonic()  # (a build, not a status, keeps the server up)
            pid = os.fork()
            if pid == 0:
                _build(
                    fds,
                    request,
                    [self.listener, self.wake_r, self.wake_w, conn, *self.builds.values()],
                    self.lock_fd,
                )
            with contextlib.suppress(OSError):
                os.setpgid(pid, pid)  # (also done by the copy: whichever comes first)
            self.builds[pid] = conn
            kept = True
            self.served += 1
            try:
                conn.sendall(f"pid {pid}\n".encode())
            except OSError:  # (the caller has gone already)
                with contextlib.suppress(OSError):
                    os.killpg(pid, signal.SIGTERM)
            conn.settimeout(None)
            sel.register(conn, selectors.EVENT_READ, pid)
            return True
        except Exception:  # a request that cannot be read is not answered; the server goes on
            return True
        finally:
            for fd in fds:
                with contextlib.suppress(OSError):
                    os.close(fd)
            if not kept:
                conn.close()

    def status(self) -> dict:
        return {
            "pid": os.getpid(),
            "socket": self.path,
            "started": self.started,
            "builds": self.served,
            "running": len(self.builds),
            "idle_stop": self.idle,
        }


def _build(fds: list[int], request: dict, close: list, lock_fd: int | None) -> None:
    """In the forked copy: become the caller's build (its own process group, as a terminal's job is),
    run it, and end with its exit status, which the server sends to the caller."""
    status = 1
    try:
        signal.set_wakeup_fd(-1)
        for sock in close:
            with contextlib.suppress(Exception):
                sock.close()
        if lock_fd is not None:
            os.close(lock_fd)  # (a build that outlives the server does not hold the next one off)
        with contextlib.suppress(OSError):
            os.setpgid(0, 0)
        for sig in (signal.SIGTERM, signal.SIGHUP, signal.SIGCHLD, signal.SIGQUIT, signal.SIGWINCH):
            signal.signal(sig, signal.SIG_DFL)
        signal.signal(signal.SIGINT, signal.default_int_handler)
        for target, fd in enumerate(fds):
            os.dup2(fd, target)
        for fd in fds:
            if fd > 2:
                os.close(fd)
        _take_streams(request["streams"])
        os.chdir(request["cwd"])
        os.umask(int(request["umask"]))
        os.environ.clear()
        os.environ.update(request["env"])
        tempfile.tempdir = None  # (the caller's TMPDIR, not the server's)
        prog = request["prog_name"]
        sys.argv = [prog, *request["args"]]
        status = _run_cli(request["args"], prog)
        with contextlib.suppress(Exception):
            atexit._run_exitfuncs()  # (what the build registered; the copy ends with os._exit)
    except BaseException:  # (the copy must end here, whatever happened)
        with contextlib.suppress(Exception):
            traceback.print_exc()
    finally:
        with contextlib.suppress(Exception):
            sys.stdout.flush()
            sys.stderr.flush()
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
    if not server.lock():
        return 0  # (another server is starting, or running)
    preload()
    warm_up()
    gc.collect()
    gc.freeze()  # (what is alive now is never scanned again: a fork's copy shares those pages)
    server.bind()  # (only now: a caller never waits for the warm-up)
    server.serve()
    return 0


if __name__ == "__main__":
    sys.exit(main())
