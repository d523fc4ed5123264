#!/usr/bin/env python3
"""Time the handout layouts against each other (a benchmark, not a test).

For the default lecture and a generated 60-slide lecture (bench/bench.py's generator), builds the
handout in every layout (notes, article, grid with 6 a page, script) and the slides PDF in this
process, keeping the minimum of ``--repeat`` runs, and prints each time with its ratio to ``notes``.

    python bench/layouts.py              # 2 runs each (about 2-3 min on 2 cores)
    python bench/layouts.py --repeat 3
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from bench import generate_lecture  # noqa: E402
from podium.diagnostics import Diagnostics  # noqa: E402
from podium.pipeline import BuildOptions, build_handout, build_slides_pdf  # noqa: E402

KINDS = [
    ("notes", {"layout": "notes"}),
    ("article", {"layout": "article"}),
    ("grid (6)", {"layout": "grid", "per_page": 6}),
    ("script", {"layout": "script"}),
    ("slides PDF", None),
]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--repeat", type=int, default=2)
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="podium-layouts-") as tmp:
        work = Path(tmp)
        gen = work / "gen" / "generated-60.md"
        gen.parent.mkdir()
        gen.write_text(generate_lecture(60), encoding="utf-8")
        inputs = [ROOT / "content" / "human-security.md", gen]
        print("| input | output | seconds | × notes |\n|---|---|---:|---:|")
        for src in inputs:
            base = None
            for name, kw in KINDS:
                best = float("inf")
                for _ in range(args.repeat):
                    out = work / "out" / name.replace(" ", "")
                    t = time.perf_counter()
                    if kw is None:
                        build_slides_pdf(src, BuildOptions(out_dir=out), Diagnostics())
                    else:
                        build_handout(src, BuildOptions(out_dir=out, **kw), Diagnostics())
                    best = min(best, time.perf_counter() - t)
                base = base or best
                print(f"| {src.stem} | {name} | {best:.2f} | {best / base:.2f} |", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
