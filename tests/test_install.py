"""Installable: a wheel built from the project holds the templates, installs into a fresh virtual
environment, and its `podium` command builds a lecture in an empty folder (no checkout around)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    """The wheel, built from a copy of the project's packaging files (the checkout stays clean)."""
    pytest.importorskip("setuptools", minversion="70.1")
    src = tmp_path_factory.mktemp("src")
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, src / name)
    shutil.copytree(ROOT / "podium", src / "podium", ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    dist = tmp_path_factory.mktemp("dist")
    r = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(dist),
            str(src),
        ],
        capture_output=True,
        text=True,
    )
    assert r.returncode == 0, r.stderr[-3000:]
    (whl,) = dist.glob("podium-*.whl")
    return whl


def test_wheel_holds_the_bundled_templates(wheel):
    with zipfile.ZipFile(wheel) as z:
        names = set(z.namelist())
    for template in ("default", "classic"):
        assert f"podium/templates/{template}/deck.pptx" in names
        assert f"podium/templates/{template}/theme.yaml" in names
    assert "podium/templates/default/handout/base.html.j2" in names
    assert "podium/templates/default/handout/handout.css" in names
    entry = next(n for n in names if n.endswith("entry_points.txt"))
    with zipfile.ZipFile(wheel) as z:
        assert "podium = podium.__main__:main" in z.read(entry).decode()


def test_installed_wheel_builds_a_lecture_in_an_empty_folder(wheel, tmp_path):
    env_dir = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(env_dir)], check=True)
    py = env_dir / "bin" / "python"
    r = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "--python",
            str(py),
            "install",
            "--no-deps",
            "--no-index",
            "-q",
            str(wheel),
        ],
        capture_output=True,
        text=True,
    )
    assert r.returncode == 0, r.stderr[-3000:]
    # Podium's dependencies come from this environment (offline and fast), not Podium itself: a .pth
    # file adds only the folder, so the checkout's editable install is not picked up.
    site = Path(
        subprocess.check_output(
            [py, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"], text=True
        ).strip()
    )
    (site / "zz-deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    project = tmp_path / "empty"
    project.mkdir()
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    env["PODIUM_CACHE"] = str(tmp_path / "cache")
    podium = env_dir / "bin" / "podium"

    def run(*args):
        return subprocess.run(
            [str(podium), *args], cwd=project, capture_output=True, text=True, env=env, timeout=600
        )

    where = subprocess.check_output(
        [py, "-c", "import podium; print(podium.__file__)"], cwd=project, env=env, text=True
    )
    assert where.startswith(str(env_dir)), where
    r = run("template", "list")
    assert r.returncode == 0, r.stderr
    assert "default" in r.stdout and "classic" in r.stdout and str(env_dir) in r.stdout
    r = run("new", "week-01")
    assert r.returncode == 0, r.stderr
    r = run("all", "--strict")
    assert r.returncode == 0, r.stdout + r.stderr
    assert "warning" not in r.stderr, r.stderr
    assert "content/week-01.md: deck and handout agree with the source" in r.stderr
    assert (project / "output" / "week-01.pptx").is_file() and (
        project / "output" / "week-01-handout.pdf"
    ).is_file()
    r = subprocess.run(
        [str(py), "-m", "podium", "slides", "--template", "classic", "-o", "classic"],
        cwd=project,
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
    )
    assert r.returncode == 0, r.stderr
    from pptx import Presentation

    prs = Presentation(str(project / "classic" / "week-01.pptx"))
    assert abs(prs.slide_width / prs.slide_height - 4 / 3) < 0.01  # the bundled 4:3 template was found
