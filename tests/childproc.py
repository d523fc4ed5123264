"""Watch a child process to its end: its exit status, CPU time and peak memory.

Shared by the hostile-input tests (which assert budgets) and ``bench/hostile.py`` (which reports them).
The CPU time is the child's own (user + system, from ``os.wait4``), so a busy machine does not inflate
it; the peak is the child's ``VmHWM`` sampled every 50 ms (``ru_maxrss`` also counts the pages of a large
parent process that the child shared until it exec'd), else ``ru_maxrss``.
"""

from __future__ import annotations

import os
import subprocess
import time
from dataclasses import dataclass


@dataclass
class Finished:
    code: int
    cpu_seconds: float
    wall_seconds: float
    peak_mib: float


def _vm_hwm_mib(pid: int) -> float:
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except (OSError, ValueError):
        pass
    return 0.0


def watch(proc: subprocess.Popen, timeout: float | None = None) -> Finished | None:
    """Wait for ``proc``; return what it used, or None after killing it when it ran ``timeout`` s."""
    start = time.monotonic()
    peak = 0.0
    while True:
        peak = max(peak, _vm_hwm_mib(proc.pid))
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            break
        if timeout is not None and time.monotonic() - start > timeout:
            proc.kill()
            os.wait4(proc.pid, 0)
            return None
        time.sleep(0.05)
    code = os.waitstatus_to_exitcode(status)
    proc.returncode = code
    return Finished(
        code, usage.ru_utime + usage.ru_stime, time.monotonic() - start, peak or usage.ru_maxrss / 1024
    )
