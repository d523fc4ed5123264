"""A build server that stops while a build runs in it (a caller of a newer Podium found it stale, or
`server stop`) lets that build end and tells its caller how it ended: the caller exits as the build
did, with its files written, and never says that the server "ended before" its build."""

from __future__ import annotations

import subprocess
import sys

from .conftest import write_md
from .test_buildserver import BUILD_PY, podium, pytestmark, server_env, start, status, wait_for

__all__ = ["pytestmark", "server_env"]

LONG = "---\ntitle: Long\n---\n" + "".join(
    f"\n## Slide {i}\n\n" + "".join(f"- Point {j} of slide {i} with some words\n" for j in range(5))
    for i in range(250)
)


def _long_build(tmp_path, env) -> subprocess.Popen:
    write_md(tmp_path, LONG)
    return subprocess.Popen(
        [sys.executable, str(BUILD_PY), "all", "lecture.md", "-o", "out"],
        env=env,
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_a_server_found_stale_lets_its_running_build_end(tmp_path, server_env):
    env = {**server_env, "LANG": "C.UTF-8"}
    old = start(env)
    (tmp_path / "a").mkdir()
    client = _long_build(tmp_path / "a", env)
    assert wait_for(lambda: "1 running" in status(env), 60)
    other = {**server_env, "LANG": "C"}  # (another Podium's caller: the server is stale and stops)
    (tmp_path / "b").mkdir()
    write_md(tmp_path / "b", "---\ntitle: Short\n---\n\n## One\n\n- a point\n")
    r = podium(other, "slides", "lecture.md", "-o", "out", cwd=tmp_path / "b")
    assert r.returncode == 0, r.stderr
    _, err = client.communicate(timeout=300)
    assert client.returncode == 0, err
    assert "ended before" not in err
    assert (tmp_path / "a" / "out" / "lecture-handout.pdf").is_file()
    assert wait_for(lambda: f"build server {old} " not in status(env))


def test_server_stop_lets_the_running_build_end(tmp_path, server_env):
    start(server_env)
    (tmp_path / "a").mkdir()
    client = _long_build(tmp_path / "a", server_env)
    assert wait_for(lambda: "1 running" in status(server_env), 60)
    assert "stopped build server" in podium(server_env, "server", "stop").stdout
    _, err = client.communicate(timeout=300)
    assert client.returncode == 0, err
    assert "ended before" not in err
    assert (tmp_path / "a" / "out" / "lecture-handout.pdf").is_file()
