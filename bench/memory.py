#!/usr/bin/env python3
"""Peak memory and time of building a long lecture (deck + handout), at several sizes.

    python bench/memory.py                      # 250, 500, 1000 and 2000 slides
    python bench/memory.py --sizes 100 200      # other sizes
    python bench/memory.py --tracemalloc        # also the Python-heap peak (slower)

Each size runs in a fresh child process, so ``ru_maxrss`` (the process's peak resident set)
belongs to that size alone.  The lecture is generated: sections of ten slides, each slide with
a bulleted list, speaker notes, and every few slides a table, a code block, a chart or a
picture.  At the end the script says whether peak memory grows no faster than linearly: the
memory added per slide (the slope between successive sizes) must not keep rising.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SIZES = (250, 500, 1000, 2000)


def write_png(path: Path) -> None:
    """Write a small 64×48 PNG picture to ``path``."""
    from PIL import Image

    Image.new("RGB", (64, 48), (31, 78, 121)).save(path)


def lecture(n: int) -> str:
    """Return the Markdown of a lecture with exactly ``n`` slides (title and section slides included)."""
    out = ["---", f"title: A lecture of {n} slides", "author: Bench Mark", "date: 2025-01-01", "---", ""]
    count = 1  # the title slide
    section = 0
    i = 0
    while count < n:
        if i % 10 == 0:
            section += 1
            out += [f"# Part {section}", ""]
            count += 1
            if count >= n:
                break
        i += 1
        out += [f"## Slide {i}: on the topic of {i * 7 % 97}", ""]
        out += [f"- point {j} of slide {i}, with **bold** and *emphasis* and `code`" for j in range(1, 5)]
        out.append("")
        if i % 7 == 0:
            out += ["| year | value | note |", "|---:|---:|:---|"]
            out += [f"| {2000 + k} | {k * i} | row {k} |" for k in range(4)]
            out.append("")
        if i % 11 == 0:
            out += ["```python", f"def f{i}(x):", f"    return x * {i}", "```", ""]
        if i % 13 == 0:
            out += [
                "```chart",
                "type: column",
                f"title: Chart {i}",
                "categories: [a, b, c]",
                "series:",
                f"  s: [{i}, {i + 1}, {i + 2}]",
                "```",
                "",
            ]
        if i % 17 == 0:
            out += [f"![picture {i}](pic.png){{width=40%}}", ""]
        out += ["::: notes", f"Say something about slide {i}.", ":::", ""]
        count += 1
    return "\n".join(out) + "\n"


def one(n: int, use_tracemalloc: bool) -> dict:
    """Build an ``n``-slide lecture in this process and return its measurements."""
    sys.path.insert(0, str(ROOT))
    if use_tracemalloc:
        import tracemalloc

        tracemalloc.start()
    from podium.diagnostics import Diagnostics
    from podium.pipeline import BuildOptions, build_handout, build_slides

    base_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    with tempfile.TemporaryDirectory(prefix="podium-bench-") as tmp:
        folder = Path(tmp)
        write_png(folder / "pic.png")
        src = folder / "lecture.md"
        src.write_text(lecture(n), encoding="utf-8")
        opts = BuildOptions(out_dir=folder / "out")
        t0 = time.perf_counter()
        deck = build_slides(src, opts, Diagnostics())
        t1 = time.perf_counter()
        deck_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        pdf = build_handout(src, opts, Diagnostics())
        t2 = time.perf_counter()
        from pptx import Presentation

        slides = len(Presentation(str(deck)).slides)
        result = {
            "slides": n,
            "deck_slides": slides,
            "deck_s": round(t1 - t0, 2),
            "handout_s": round(t2 - t1, 2),
            "deck_mb": round(deck.stat().st_size / 2**20, 2),
            "pdf_mb": round(pdf.stat().st_size / 2**20, 2),
            # ru_maxrss is in KiB on Linux
            "base_rss_mb": round(base_rss / 1024, 1),
            "peak_rss_after_deck_mb": round(deck_rss / 1024, 1),
            "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        }
    if use_tracemalloc:
        import tracemalloc

        result["py_heap_peak_mb"] = round(tracemalloc.get_traced_memory()[1] / 2**20, 1)
    return result


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=list(SIZES))
    ap.add_argument("--tracemalloc", action="store_true", help="also measure the Python heap's peak")
    ap.add_argument("--one", type=int, help=argparse.SUPPRESS)  # child mode
    args = ap.parse_args()
    if args.one:
        print(json.dumps(one(args.one, args.tracemalloc)))
        return 0
    rows = []
    for n in args.sizes:
        cmd = [sys.executable, __file__, "--one", str(n)] + (["--tracemalloc"] if args.tracemalloc else [])
        proc = subprocess.run(
            cmd, capture_output=True, text=True, cwd=ROOT, env={**os.environ, "PYTHONHASHSEED": "0"}
        )
        if proc.returncode != 0:
            print(f"{n} slides: the build failed\n{proc.stderr[-3000:]}", file=sys.stderr)
            return 1
        row = json.loads(proc.stdout.strip().splitlines()[-1])
        rows.append(row)
        print(
            f"{n:5} slides: deck {row['deck_s']:7.2f} s, handout {row['handout_s']:7.2f} s, "
            f"peak RSS {row['peak_rss_mb']:7.1f} MiB (after deck {row['peak_rss_after_deck_mb']:.1f}, "
            f"at start {row['base_rss_mb']:.1f})"
            + (f", Python heap peak {row['py_heap_peak_mb']:.1f} MiB" if "py_heap_peak_mb" in row else ""),
            flush=True,
        )
    print(verdict(rows))
    return 0


def verdict(rows: list[dict]) -> str:
    """Say whether peak RSS grows at most linearly: the cost per added slide must not keep rising."""
    if len(rows) < 3:
        return "need three sizes or more to judge growth"
    slopes = []
    for a, b in zip(rows, rows[1:]):
        slopes.append((b["peak_rss_mb"] - a["peak_rss_mb"]) / (b["slides"] - a["slides"]) * 1024)
    lines = [
        f"memory added per slide between {a['slides']} and {b['slides']}: {s:.1f} KiB"
        for a, b, s in zip(rows, rows[1:], slopes)
    ]
    # linear (or better) growth: the last slope is not clearly above the first (25 % slack for noise)
    linear = slopes[-1] <= max(slopes[0], 1.0) * 1.25
    lines.append(
        "peak memory grows no faster than linearly" if linear else "peak memory grows FASTER than linearly"
    )
    return "\n".join(lines)


if __name__ == "__main__":
    raise SystemExit(main())
