#!/usr/bin/env python3
"""Time and memory of the large hostile inputs, which the tests build small (or only guard against hangs).

    python bench/hostile.py                    # every case, once each
    python bench/hostile.py --only slides      # the cases whose name contains "slides"
    python bench/hostile.py --repeat 3         # three runs of each case; the medians are kept
    python bench/hostile.py --list             # the cases, without running them

Each case writes a generated lecture into a temporary folder and runs the real command line
(``python build.py slides|handout LECTURE --force``) in a new process.  For each it reports the
wall-clock time, the CPU time of that process (user + system, from ``os.wait4``: what the
process itself used, whatever else the machine was doing), and its peak resident memory
(``VmHWM``, sampled every 50 ms).  The "per unit" column divides the CPU time by the size of the
input (slides, points, rows): where it stays flat as the size grows, the time is linear.

It is a measurement, not a test: nothing is asserted, and the exit status is 0 unless a build
failed.  The lectures are those of ``tests/big_inputs.py``, at their full size; the tests build
the same constructs small (tests/test_robustness.py, tests/test_hostile.py).  The table goes to
stdout as Markdown, progress and the load average to stderr.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.big_inputs import (  # noqa: E402  (the inputs the tests build small)
    chart_points,
    long_table,
    many_slides,
    plain_slides,
    torture_lecture,
    wide_table,
)
from tests.childproc import watch  # noqa: E402  (shared with the hostile-input tests)


@dataclass(frozen=True)
class Case:
    name: str
    command: str  # slides | handout
    text: str
    size: int  # slides, points, rows, columns …
    unit: str


def cases() -> list[Case]:
    out = [
        Case("torture lecture, full length", "handout", torture_lecture(1.0), 1, "lecture"),
        Case("torture lecture, full length", "slides", torture_lecture(1.0), 1, "lecture"),
        Case("2,000 slides with notes", "slides", many_slides(2000), 2000, "slide"),
        Case("2,000 slides with notes", "handout", many_slides(2000), 2000, "slide"),
        Case("long table, 250 rows", "slides", long_table(250), 250, "row"),
        Case("long table, 250 rows", "handout", long_table(250), 250, "row"),
        Case("wide table, 250 columns", "slides", wide_table(250), 250, "column"),
    ]
    for n in (1000, 3000, 10_000):
        out.append(Case(f"plain slides, {n:,}", "slides", plain_slides(n), n, "slide"))
    head = "---\ntitle: Chart\n---\n\n## One\n\n- a point\n"
    for n in (2500, 5000, 10_000):
        out.append(Case(f"line chart, {n:,} points", "slides", chart_points(n, head), n, "point"))
    return out


def run(case: Case, work: Path) -> tuple[float, float, float]:
    """Build ``case`` in a new process; return (wall s, CPU s, peak MiB)."""
    folder = Path(tempfile.mkdtemp(dir=work))
    (folder / "lecture.md").write_text(case.text, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PODIUM_CACHE": str(work / "cache")}
    proc = subprocess.Popen(
        [sys.executable, str(ROOT / "build.py"), case.command, "lecture.md", "-o", "out", "--force", "-q"],
        cwd=folder,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    done = watch(proc)
    assert done is not None  # no timeout: a benchmark waits
    err = proc.stderr.read().decode("utf-8", "replace") if proc.stderr else ""
    if done.code != 0:
        raise RuntimeError(f"{case.name} ({case.command}) failed with exit {done.code}:\n{err[-2000:]}")
    return done.wall_seconds, done.cpu_seconds, done.peak_mib


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--only", help="run only the cases whose name or command contains this text")
    ap.add_argument("--repeat", type=int, default=1, help="runs per case; the medians are reported")
    ap.add_argument("--list", action="store_true", help="list the cases and stop")
    args = ap.parse_args(argv)
    chosen = [c for c in cases() if not args.only or args.only in c.name or args.only == c.command]
    if args.list:
        for c in chosen:
            print(f"{c.name} ({c.command})")
        return 0
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs", file=sys.stderr)
    rows = []
    failed = 0
    with tempfile.TemporaryDirectory(prefix="podium-bench-hostile-") as tmp:
        for c in chosen:
            print(f"{c.name} ({c.command}) …", file=sys.stderr, flush=True)
            try:
                runs = [run(c, Path(tmp)) for _ in range(max(1, args.repeat))]
            except RuntimeError as e:
                print(e, file=sys.stderr)
                failed += 1
                continue
            wall, cpu, peak = (statistics.median(r[i] for r in runs) for i in range(3))
            per = f"{cpu / c.size * 1000:.1f} ms/{c.unit}" if c.size > 1 else ""
            rows.append((c.name, c.command, f"{wall:.1f}", f"{cpu:.1f}", per, f"{peak:.0f}"))
    print(f"load average {os.getloadavg()[0]:.1f} at the end", file=sys.stderr)
    head = ("case", "build", "wall s", "CPU s", "CPU per unit", "peak MiB")
    widths = [max(len(str(r[i])) for r in [head, *rows]) for i in range(len(head))]
    print("| " + " | ".join(h.ljust(w) for h, w in zip(head, widths)) + " |")
    print("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    for r in rows:
        print("| " + " | ".join(str(v).ljust(w) for v, w in zip(r, widths)) + " |")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
