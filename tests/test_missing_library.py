"""A Python that lacks one of Podium's libraries gets a setup step, not an 'internal error' or a traceback."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from .conftest import ROOT, write_md

# run build.py with `blocked` made unimportable, as in a Python where that library is not installed
RUNNER = """
import sys
blocked = sys.argv.pop(1)

class Block:
    def find_spec(self, name, path=None, target=None):
        if name == blocked or name.startswith(blocked + "."):
            raise ModuleNotFoundError(f"No module named '{name}'", name=name)
        return None

sys.meta_path.insert(0, Block())
sys.argv[0] = "build.py"
from podium.__main__ import main
main("build.py")
"""


@pytest.mark.parametrize(
    ("module", "distribution"),
    [("click", "click"), ("markdown_it", "markdown-it-py"), ("pptx", "python-pptx")],
)
def test_a_missing_library_is_a_setup_step(tmp_path, module, distribution):
    src = write_md(tmp_path, "---\ntitle: T\n---\n\n## A slide\n\n- a point\n")
    env = dict(os.environ, PODIUM_SERVER="off", PYTHONPATH=str(ROOT))
    env.pop("PODIUM_DEBUG", None)
    done = subprocess.run(
        [sys.executable, "-c", RUNNER, module, "slides", str(src), "-o", str(tmp_path / "out")],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stderr
    assert "internal error" not in done.stderr
    assert f"Podium needs the library {distribution} (module '{module}')" in done.stderr
    assert ". .venv/bin/activate" in done.stderr
    assert "[setup]" in done.stderr
    assert not (tmp_path / "out" / "lecture.pptx").exists()
