#!/usr/bin/env python3
"""The handout against pandoc + WeasyPrint in CPU seconds, which a loaded shared machine disturbs less.

    python bench/handout_cpu.py                  # the default lecture and the 60-slide generated lecture
    python bench/handout_cpu.py --repeat 3 SRC   # other lectures, 3 pairs each

``bench.py`` times wall-clock seconds; on a machine whose load average is far above its CPU count
those swing by a factor of two between runs.  This script times what each side itself computes:
for pandoc, the ``pandoc SRC -s -t html`` child process (its user + system time) and then
``weasyprint.HTML(...).write_pdf()`` in this process; for Podium, ``build_handout`` in this process
(reading, planning, the HTML and WeasyPrint, tagged PDF/UA-1 as Podium writes it).  Runs are paired
and alternate; the table gives medians and the median of the per-pair ratios.  It is a benchmark,
not a test: nothing is asserted.
"""

from __future__ import annotations

import argparse
import io
import logging
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
if str(ROOT / "bench") not in sys.path:
    sys.path.insert(0, str(ROOT / "bench"))


def _children_cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def pandoc_side(pandoc: str, src: Path) -> float:
    """CPU seconds of ``pandoc -s -t html`` plus WeasyPrint on its HTML."""
    import weasyprint

    c0, t0 = _children_cpu(), time.process_time()
    html = subprocess.run(
        [pandoc, str(src), "-s", "-t", "html"], capture_output=True, text=True, cwd=src.parent, check=True
    ).stdout
    weasyprint.HTML(string=html, base_url=str(src.parent) + os.sep).write_pdf(io.BytesIO())
    return time.process_time() - t0 + _children_cpu() - c0


def podium_side(src: Path, out: Path) -> float:
    """CPU seconds of Podium's in-process handout build."""
    from podium.diagnostics import Diagnostics
    from podium.pipeline import BuildOptions, build_handout

    t0 = time.process_time()
    build_handout(src, BuildOptions(out_dir=out), Diagnostics())
    return time.process_time() - t0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("sources", nargs="*", type=Path)
    ap.add_argument("--repeat", type=int, default=2)
    args = ap.parse_args(argv)
    import pypandoc
    import weasyprint

    from bench import DEFAULT_LECTURE, generate_lecture

    for name in ("weasyprint", "weasyprint.progress", "fontTools"):
        logging.getLogger(name).setLevel(logging.CRITICAL)
    weasyprint.HTML(string="<p>warm-up</p>").write_pdf(io.BytesIO())
    pandoc = pypandoc.get_pandoc_path()
    with tempfile.TemporaryDirectory(prefix="podium-handout-cpu-") as tmp:
        sources = [s.resolve() for s in args.sources]
        if not sources:
            gen = Path(tmp) / "generated-60.md"
            gen.write_text(generate_lecture(60), encoding="utf-8")
            sources = [DEFAULT_LECTURE, gen]
        podium_side(DEFAULT_LECTURE, Path(tmp) / "warm")  # imports, fontconfig, template caches
        print("| input | pandoc + WeasyPrint CPU s | Podium handout CPU s | ratio | pairs |")
        print("|---|---:|---:|---:|---:|")
        for src in sources:
            pan, pod, ratios = [], [], []
            for k in range(args.repeat):
                if k % 2:
                    b = podium_side(src, Path(tmp) / "out")
                    a = pandoc_side(pandoc, src)
                else:
                    a = pandoc_side(pandoc, src)
                    b = podium_side(src, Path(tmp) / "out")
                pan.append(a)
                pod.append(b)
                ratios.append(b / a)
            print(
                f"| {src.stem} | {statistics.median(pan):.2f} | {statistics.median(pod):.2f} | "
                f"{statistics.median(ratios):.2f} | {args.repeat} |",
                flush=True,
            )
        print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
