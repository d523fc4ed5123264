"""A course build's worker processes end with the command that started them (killed, or its terminal
closed): none builds on, or waits for work, once the command has gone."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from .conftest import ROOT, write_md

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="PR_SET_PDEATHSIG is Linux's")


def _processes_in(folder: Path) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if os.readlink(entry / "cwd") == str(folder):
                    found.append(int(entry.name))
            except OSError:
                continue
    return found


def test_killing_a_course_build_ends_its_workers(tmp_path):
    content = tmp_path / "content"
    content.mkdir()
    for name in ("a.md", "b.md", "c.md"):
        body = "".join(
            f"\n## Slide {i}\n\n" + "".join(f"- Point {j} of slide {i} with some words\n" for j in range(6))
            for i in range(300)
        )
        write_md(content, "---\ntitle: Long\n---\n" + body, name)
    cmd = subprocess.Popen(
        [sys.executable, str(ROOT / "build.py"), "all", "-j", "2", "-o", "out"],
        cwd=tmp_path,
        env={**os.environ, "PODIUM_SERVER": "off"},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 60
    while len(_processes_in(tmp_path)) < 3 and time.monotonic() < deadline:  # (the command, two workers)
        time.sleep(0.2)
    assert len(_processes_in(tmp_path)) >= 3
    cmd.send_signal(signal.SIGTERM)
    cmd.wait(timeout=60)
    deadline = time.monotonic() + 30
    while _processes_in(tmp_path) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert _processes_in(tmp_path) == []
