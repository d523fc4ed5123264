"""The build server (podium.buildserver, podium.buildclient): `python build.py` hands a building command
to a warm Podium that forks a copy per build.  Read back as a lecturer sees it: the same files, bytes
and messages as a build in the command's own process, in the caller's folder, environment and umask;
started by the first build, stopped when stale, idle or asked; never used from a folder others may
open, and deaf to other users."""

from __future__ import annotations

import contextlib
import os
import pty
import shutil
import signal
import socket
import stat
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest
from pptx import Presentation

from podium import buildclient, buildserver

from .conftest import ROOT, write_md

BUILD_PY = ROOT / "build.py"

pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux") or not hasattr(socket, "send_fds"), reason="the server is Linux's"
)

LECTURE = """\
---
title: Served
---

# Part one

## Why

- A point with **bold** words
- Another with `code`

::: notes
Say this.
:::

## Table

| a | b |
|---|---|
| 1 | 2 |
"""


@pytest.fixture
def server_env():
    """An environment whose builds go to a server of its own (a short folder: a socket's path is
    short), stopped afterwards."""
    folder = tempfile.mkdtemp(prefix="psrv")
    os.chmod(folder, 0o700)
    env = {
        **os.environ,
        "PODIUM_SERVER": "on",
        "PODIUM_SERVER_DIR": folder,
        "SOURCE_DATE_EPOCH": "1700000000",
    }
    try:
        yield env
    finally:
        podium(env, "server", "stop")
        deadline = time.monotonic() + 10
        while any(Path(folder).glob("*.sock")) and time.monotonic() < deadline:
            time.sleep(0.1)
        shutil.rmtree(folder, ignore_errors=True)


def podium(env, *args, cwd=None, umask=None) -> subprocess.CompletedProcess:
    cmd = [sys.executable, str(BUILD_PY), *map(str, args)]
    if umask is not None:
        cmd = ["sh", "-c", f'umask {umask:03o} && exec "$@"', "sh", *cmd]
    return subprocess.run(cmd, env=env, cwd=cwd, capture_output=True, text=True, timeout=300)


def status(env) -> str:
    return podium(env, "server", "status").stdout


def wait_for(predicate, seconds: float = 30.0) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.1)
    return False


def start(env, *extra) -> int:
    r = podium(env, "server", "start", *extra)
    assert r.returncode == 0, r.stderr
    return int(r.stdout.split()[2])


def test_a_served_build_writes_the_same_files_and_says_the_same(tmp_path, server_env):
    src = write_md(tmp_path, LECTURE + "\n## Picture\n\n![A missing one](nope.png)\n")
    start(server_env)
    served = podium(server_env, "all", src.name, "-o", "served", "--force", cwd=tmp_path)
    assert "1 build(s) served" in status(server_env)
    here = podium(
        {**server_env, "PODIUM_SERVER": "off"}, "all", src.name, "-o", "here", "--force", cwd=tmp_path
    )
    assert "1 build(s) served" in status(server_env)  # (turned off: built in its own process)
    assert served.returncode == here.returncode == 0, served.stderr
    assert "lecture.md:24" in served.stderr and served.stderr == here.stderr.replace("here/", "served/")
    names = sorted(p.name for p in (tmp_path / "here").iterdir())
    assert names == sorted(p.name for p in (tmp_path / "served").iterdir())
    assert {"lecture.pptx", "lecture-handout.pdf"} <= set(names)
    for name in names:
        assert (tmp_path / "served" / name).read_bytes() == (tmp_path / "here" / name).read_bytes(), name
    strict = podium(server_env, "slides", src.name, "-o", "served", "--strict", "--force", cwd=tmp_path)
    assert strict.returncode == 1 and "lecture.md:24" in strict.stderr
    assert "Traceback" not in strict.stderr


def test_a_served_build_takes_the_callers_folder_environment_and_umask(tmp_path, server_env):
    write_md(tmp_path, LECTURE)
    start(server_env)
    first = podium(
        {**server_env, "SOURCE_DATE_EPOCH": "1600000000"},
        "slides",
        "lecture.md",
        "-o",
        "a",
        cwd=tmp_path,
        umask=0o077,
    )
    second = podium(server_env, "slides", "lecture.md", "-o", "b", cwd=tmp_path, umask=0o022)
    assert first.returncode == second.returncode == 0, first.stderr + second.stderr
    assert "2 build(s) served" in status(server_env)
    a, b = tmp_path / "a" / "lecture.pptx", tmp_path / "b" / "lecture.pptx"
    assert stat.S_IMODE(a.stat().st_mode) == 0o600
    assert stat.S_IMODE(b.stat().st_mode) == 0o644
    assert Presentation(str(a)).core_properties.modified.year == 2020  # SOURCE_DATE_EPOCH 1600000000
    assert Presentation(str(b)).core_properties.modified.year == 2023


def test_the_first_build_starts_a_server_and_off_means_off(tmp_path, server_env):
    write_md(tmp_path, LECTURE)
    off = podium({**server_env, "PODIUM_SERVER": "off"}, "slides", "lecture.md", "-o", "out", cwd=tmp_path)
    assert off.returncode == 0 and (tmp_path / "out" / "lecture.pptx").is_file()
    time.sleep(1)
    assert "no build server is running" in status(server_env)
    main, side = pty.openpty()  # (on a terminal the first build says it starts a server)
    try:
        first = subprocess.run(
            [sys.executable, str(BUILD_PY), "slides", "lecture.md", "-o", "out", "--force"],
            env=server_env,
            cwd=tmp_path,
            stdout=subprocess.DEVNULL,
            stderr=side,
            timeout=300,
        )
        os.close(side)
        said = b""
        with contextlib.suppress(OSError):
            while chunk := os.read(main, 4096):
                said += chunk
    finally:
        os.close(main)
    assert first.returncode == 0
    assert b"starting a build server" in said and b"PODIUM_SERVER=off" in said
    assert wait_for(lambda: "build server" in status(server_env) and "no build" not in status(server_env))
    again = podium(server_env, "slides", "lecture.md", "-o", "out", "--force", cwd=tmp_path)
    assert again.returncode == 0 and "1 build(s) served" in status(server_env)


def test_a_stale_server_stops_and_the_build_runs_here(tmp_path, server_env):
    write_md(tmp_path, LECTURE)
    old = start({**server_env, "LANG": "C.UTF-8"})
    other = {**server_env, "LANG": "C"}  # (a start-up setting of its own: another server's build)
    r = podium(other, "slides", "lecture.md", "-o", "out", cwd=tmp_path)
    assert r.returncode == 0 and (tmp_path / "out" / "lecture.pptx").is_file(), r.stderr
    assert wait_for(lambda: f"build server {old} " not in status(other))
    # ... and a new one, of the caller's settings, serves the next build
    assert wait_for(lambda: "no build server" not in status(other))
    r = podium(other, "slides", "lecture.md", "-o", "out", "--force", cwd=tmp_path)
    assert r.returncode == 0 and "1 build(s) served" in status(other)


def test_the_server_stops_when_idle_or_asked(server_env):
    start(server_env, "--idle", "1")
    assert wait_for(lambda: "no build server is running" in status(server_env), 20)
    pid = start(server_env)
    assert f"stopped build server {pid}" in podium(server_env, "server", "stop").stdout
    assert wait_for(lambda: "no build server is running" in status(server_env), 10)


def test_ctrl_c_stops_the_served_build(tmp_path, server_env):
    body = "".join(
        f"\n## Slide {i}\n\n" + "".join(f"- Point {j} of slide {i} with some words\n" for j in range(6))
        for i in range(400)
    )
    write_md(tmp_path, "---\ntitle: Long\n---\n" + body)
    start(server_env)
    client = subprocess.Popen(
        [sys.executable, str(BUILD_PY), "all", "lecture.md", "-o", "out"],
        env=server_env,
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert wait_for(lambda: "1 running" in status(server_env), 60)
    client.send_signal(signal.SIGINT)
    _, err = client.communicate(timeout=60)
    assert client.returncode != 0 and "Aborted" in err
    assert wait_for(lambda: "0 running" in status(server_env), 30)
    assert not (tmp_path / "out" / "lecture-handout.pdf").exists()


def test_a_folder_others_may_open_is_not_used(tmp_path, server_env):
    folder = server_env["PODIUM_SERVER_DIR"]
    os.chmod(folder, 0o777)
    write_md(tmp_path, LECTURE)
    r = podium(server_env, "slides", "lecture.md", "-o", "out", cwd=tmp_path)
    assert r.returncode == 0 and (tmp_path / "out" / "lecture.pptx").is_file()
    started = podium(server_env, "server", "start")
    assert started.returncode == 1 and "only you can open" in started.stderr
    time.sleep(1)
    assert not list(Path(folder).iterdir())


@pytest.mark.skipif(os.geteuid() != 0, reason="needs a second user: run as root")
def test_a_caller_of_another_user_is_refused(tmp_path):
    folder = tempfile.mkdtemp(prefix="psrv")
    os.chmod(folder, 0o777)  # (only to let the other user reach the socket at all)
    path = os.path.join(folder, "s.sock")
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    listener.bind(path)
    os.chmod(path, 0o777)
    listener.listen(2)
    try:
        pid = os.fork()
        if pid == 0:
            try:
                os.setuid(65534)
                s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
                s.connect(path)
                time.sleep(2)
            finally:
                os._exit(0)
        conn, _ = listener.accept()
        assert buildserver.peer_is_owner(conn) is False
        conn.close()
        mine = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        mine.connect(path)
        conn, _ = listener.accept()
        assert buildserver.peer_is_owner(conn) is True
        conn.close()
        mine.close()
        os.waitpid(pid, 0)
    finally:
        listener.close()
        shutil.rmtree(folder, ignore_errors=True)


def test_the_fingerprint_follows_podium_and_the_start_environment(monkeypatch, tmp_path):
    package = tmp_path / "podium"
    package.mkdir()
    (package / "cli.py").write_text("# a module\n")
    monkeypatch.setattr(buildclient, "PACKAGE", str(package))
    before = buildclient.fingerprint()
    assert buildclient.fingerprint() == before
    st = (package / "cli.py").stat()
    os.utime(package / "cli.py", ns=(st.st_atime_ns, st.st_mtime_ns + 1000))  # (an upgrade, an edit)
    edited = buildclient.fingerprint()
    assert edited != before
    # what each build reads as it runs is handed to it, and no reason for another server
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1")
    monkeypatch.setenv("PODIUM_TIME_LIMIT", "30")
    assert buildclient.fingerprint() == edited
    for key, value in (("LANG", "xx_XX.UTF-8"), ("PYTHONPATH", "/elsewhere"), ("PODIUM_CACHE", "/tmp/c")):
        monkeypatch.setenv(key, value)  # (read once, when Python, fontconfig and Podium start)
        assert buildclient.fingerprint() != edited, key
        monkeypatch.undo()
        monkeypatch.setattr(buildclient, "PACKAGE", str(package))


def long_lecture(folder: Path, name: str = "lecture.md", slides: int = 400) -> Path:
    body = "".join(
        f"\n## Slide {i}\n\n" + "".join(f"- Point {j} of slide {i} with some words\n" for j in range(6))
        for i in range(slides)
    )
    return write_md(folder, "---\ntitle: Long\n---\n" + body, name)


@pytest.mark.skipif(os.geteuid() != 0, reason="needs a second user: run as root")
def test_a_server_of_another_user_is_given_nothing(tmp_path, server_env):
    """What answers at the socket must be the caller's own user: another user's process there (a
    swapped folder) gets neither the terminal nor the environment, and the build runs here."""
    folder = server_env["PODIUM_SERVER_DIR"]
    env = {**server_env, "MY_SECRET": "hunter2"}
    path = subprocess.run(
        [sys.executable, "-c", "from podium.buildclient import socket_path; print(socket_path())"],
        env={**env, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    got = tmp_path / "got"
    os.chmod(folder, 0o777)  # (only to let the other user make its socket there)
    fake = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import os, socket, sys\n"
            "os.setgid(65534); os.setuid(65534)\n"
            "s = socket.socket(socket.AF_UNIX); s.bind(sys.argv[1]); os.chmod(sys.argv[1], 0o777); s.listen(4)\n"
            "print('ready', flush=True)\n"
            "c, _ = s.accept(); c.settimeout(5)\n"
            "try:\n    data = c.recv(65536)\nexcept OSError:\n    data = b''\n"
            "os.write(1, b'got %d' % len(data))\n",
            path,
        ],
        stdout=subprocess.PIPE,
    )
    try:
        assert fake.stdout.readline().strip() == b"ready"
        os.chmod(folder, 0o700)
        write_md(tmp_path, LECTURE)
        r = podium(env, "slides", "lecture.md", "-o", "out", cwd=tmp_path)
        assert r.returncode == 0 and (tmp_path / "out" / "lecture.pptx").is_file(), r.stderr
        said, _ = fake.communicate(timeout=30)
        got.write_bytes(said)
        assert said == b"got 0"  # (connected, then dropped: not a byte sent to it)
    finally:
        fake.kill()
        fake.wait()


def test_a_killed_caller_stops_its_build_and_the_server_goes_on(tmp_path, server_env):
    long_lecture(tmp_path)
    start(server_env)
    client = subprocess.Popen(
        [sys.executable, str(BUILD_PY), "all", "lecture.md", "-o", "out"],
        env=server_env,
        cwd=tmp_path,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    assert wait_for(lambda: "1 running" in status(server_env), 60)
    client.kill()
    client.wait()
    assert wait_for(lambda: "0 running" in status(server_env), 30)
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())
    write_md(tmp_path, LECTURE, "short.md")
    r = podium(server_env, "slides", "short.md", "-o", "out2", cwd=tmp_path)
    assert r.returncode == 0 and "2 build(s) served" in status(server_env)


def test_ctrl_c_stops_a_served_course_build_and_its_workers(tmp_path, server_env):
    (tmp_path / "content").mkdir()
    for name in ("a.md", "b.md"):
        long_lecture(tmp_path / "content", name, 300)
    start(server_env)
    client = subprocess.Popen(
        [sys.executable, str(BUILD_PY), "all", "-j", "2", "-o", "out"],
        env=server_env,
        cwd=tmp_path,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    assert wait_for(lambda: "1 running" in status(server_env), 60)
    time.sleep(2)  # (the workers are at work)
    client.send_signal(signal.SIGINT)
    client.communicate(timeout=60)
    assert client.returncode != 0
    time.sleep(5)  # (a worker left running would write its lecture's outputs by now or soon)
    assert not list((tmp_path / "out").glob("*.pdf")) if (tmp_path / "out").exists() else True
    assert wait_for(lambda: "0 running" in status(server_env), 30)


def test_a_request_it_cannot_read_is_not_answered_and_the_server_goes_on(tmp_path, server_env):
    pid = start(server_env)
    path = next(Path(server_env["PODIUM_SERVER_DIR"]).glob("*.sock"))
    for payload in (b"\0" + b"[" * 100_000 + b"\n", b'\0{"op": "build"}\n', b"\0not json\n", b""):
        s = socket.socket(socket.AF_UNIX)
        s.connect(str(path))
        if payload:
            socket.send_fds(s, [payload[:1]], [])
            s.sendall(payload[1:])
        s.settimeout(10)
        with contextlib.suppress(OSError):
            s.recv(100)
        s.close()
    write_md(tmp_path, LECTURE)
    r = podium(server_env, "slides", "lecture.md", "-o", "out", cwd=tmp_path)
    assert r.returncode == 0 and f"build server {pid} " in status(server_env)
    assert "1 build(s) served" in status(server_env)


def test_a_build_from_a_removed_folder_says_so(tmp_path, server_env):
    start(server_env)
    gone = tmp_path / "gone"
    gone.mkdir()
    r = subprocess.run(
        [
            "sh",
            "-c",
            f'cd "{gone}" && rmdir "{gone}" && exec "$@"',
            "sh",
            sys.executable,
            str(BUILD_PY),
            "slides",
        ],
        env=server_env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert r.returncode != 0 and "Traceback" not in r.stderr, r.stderr
