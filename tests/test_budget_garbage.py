"""A process that builds again and again (the build server's workers, a course, a test run) does not
fail a build for the memory it held before the build began: the memory budget is the build's own
growth (a long-lived process keeps fonts and caches from earlier builds, and their garbage)."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

from .conftest import LECTURE

_SCRIPT = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from podium import pipeline
    from podium.pipeline import BuildOptions

    held = bytearray(300 * 2**20)  # what earlier builds left in this process: 300 MiB, resident
    held[:: 4096] = b"x" * len(held[:: 4096])
    result = pipeline.build(
        Path(sys.argv[1]), BuildOptions(out_dir=Path(sys.argv[2])), (pipeline.ALL[0],), force=True
    )
    print("errors:", [d.message for d in result.diagnostics.errors])
    """
)


def test_memory_a_process_held_before_a_build_does_not_count_against_it(tmp_path):
    env = {**os.environ, "PODIUM_MEMORY_LIMIT": "250", "PODIUM_SERVER": "off"}
    done = subprocess.run(
        [sys.executable, "-c", _SCRIPT, str(LECTURE), str(tmp_path / "out")],
        capture_output=True,
        text=True,
        env=env,
        cwd=Path(__file__).parent.parent,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert "errors: []" in done.stdout, done.stdout
    assert (tmp_path / "out" / "human-security.pptx").is_file()
