#!/usr/bin/env python3
"""Benchmark Podium against pandoc on the same lectures (a benchmark, not a test).

For every input it times, in PAIRED runs (pandoc and Podium one right after the other, the order
alternating), and reports the median time of each side and the median of the per-pair ratios:

* deck, in-process  ``pandoc -t pptx``  vs  ``podium.pipeline.build_slides`` called in this process
* deck, CLI         ``pandoc -t pptx``  vs  ``python build.py slides --force`` (a fresh interpreter,
                    ``PODIUM_SERVER=off``: it imports everything itself)
* deck, CLI, server ``pandoc -t pptx``  vs  the same command handed to a warm build server
                    (podium.buildserver; started before the timing, stopped after)
* handout (PDF)     ``pandoc -s -t html`` + ``weasyprint.HTML(...).write_pdf()`` in this process
                    vs  ``podium.pipeline.build_handout`` in this process

The machine these numbers come from is shared (other builds run beside them), so single runs are
noisy; pairing puts both sides under the same load, and the median ignores the odd stalled run.
A measurement is not repeated once one more pair would take it past ``--budget`` seconds
(default 20); ``--budget 0`` always does ``--repeat`` pairs.  The "pairs" column says how many.

    python bench/bench.py                 # all inputs, up to 5 pairs each
    python bench/bench.py --quick         # default lecture + 60-slide lecture only
    python bench/bench.py --decks         # only the deck rows (in-process and CLI), no handouts
    python bench/bench.py --repeat 7      # up to 7 pairs
    python bench/bench.py --course        # a course of 10 lectures x 100 slides: `podium all -j 2`,
                                          # wall time and peak memory (sum over the worker processes)
    python bench/bench.py --rebuild       # a no-change `podium all` of the default lecture (incremental)
    python bench/bench.py --profile [N]   # cProfile (CPU time) of the N-slide deck build [240], top 25
    python bench/bench.py --scale         # `build.py slides` of a 10,000-slide lecture: wall, CPU, peak memory
"""

from __future__ import annotations

import argparse
import contextlib
import cProfile
import io
import logging
import os
import pstats
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUILD_PY = ROOT / "build.py"
DEFAULT_LECTURE = ROOT / "content" / "human-security.md"
CORPUS_DECK = Path("/work/shared/corpus/hip-programming/docs/01-introduction.md")

if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


# --------------------------------------------------------------------------- generated lectures

_WORDS = (
    "security policy state person threat freedom dignity risk conflict poverty hunger education "
    "health climate migration governance norm treaty agency network resilience community "
    "development growth target threshold crisis response protection empowerment"
).split()


def _phrase(rng: random.Random, lo: int, hi: int) -> str:
    return " ".join(rng.choice(_WORDS) for _ in range(rng.randint(lo, hi)))


def _bullet(rng: random.Random) -> str:
    words = _phrase(rng, 5, 11).split()
    i = rng.randrange(len(words))
    words[i] = f"**{words[i]}**"
    if rng.random() < 0.3:
        j = rng.randrange(len(words))
        if j != i:
            words[j] = f"*{words[j]}*"
    if rng.random() < 0.1:
        words.append("([source](https://example.org/report))")
    text = " ".join(words)
    return text[0].upper() + text[1:]


def generate_lecture(n_slides: int, seed: int = 1) -> str:
    """Return a lecture with ``n_slides`` content slides, a section every 10 slides, notes on every
    slide, a table every 7th slide, a numbered list every 5th and prose with a handout block every 9th."""
    rng = random.Random(seed)
    out = [
        "---",
        f'title: "Generated lecture ({n_slides} slides)"',
        'subtitle: "Benchmark input"',
        "author:",
        '  - "Bench Mark"',
        'date: "2026-01-01"',
        "lang: en",
        "slide-level: 2",
        "---",
        "",
    ]
    for k in range(1, n_slides + 1):
        if k % 10 == 1:
            out += [f"# Part {k // 10 + 1}: {_phrase(rng, 2, 4).title()}", ""]
        out += [f"## {k}. {_phrase(rng, 2, 5).capitalize()}", ""]
        if k % 7 == 0:
            out += [
                "A comparison of the main options:",
                "",
                "| Aspect | Option A | Option B |",
                "|---|---|---|",
            ]
            for _ in range(4):
                out.append(
                    f"| {_phrase(rng, 1, 2).capitalize()} | {_phrase(rng, 2, 4)} | {_phrase(rng, 2, 4)} |"
                )
            out.append("")
        elif k % 9 == 0:
            out += [
                _bullet(rng) + " " + _phrase(rng, 8, 14) + ".",
                "",
                _bullet(rng) + " " + _phrase(rng, 8, 14) + ".",
                "",
                "::: handout",
                " ".join(_bullet(rng) + "." for _ in range(5)),
                ":::",
                "",
            ]
        elif k % 5 == 0:
            out += [f"{i}. {_bullet(rng)}" for i in range(1, rng.randint(4, 6))] + [""]
        else:
            for _ in range(rng.randint(3, 5)):
                out.append(f"- {_bullet(rng)}")
                if rng.random() < 0.2:
                    out.append(f"    - {_bullet(rng)}")
            out.append("")
        out += ["::: notes", " ".join(_bullet(rng) + "." for _ in range(rng.randint(2, 4))), ":::", ""]
    return "\n".join(out)


# --------------------------------------------------------------------------- helpers


@dataclass
class Input:
    label: str
    source: Path

    @property
    def cwd(self) -> Path:
        return self.source.parent


def pandoc_path() -> str:
    import pypandoc

    return pypandoc.get_pandoc_path()


def count_slides(pptx: Path) -> int:
    with zipfile.ZipFile(pptx) as z:
        return sum(1 for n in z.namelist() if re.fullmatch(r"ppt/slides/slide\d+\.xml", n))


@contextlib.contextmanager
def chdir(path: Path):
    old = os.getcwd()
    os.chdir(path)
    try:
        yield
    finally:
        os.chdir(old)


def cli_env(server: Path | None = None) -> dict[str, str]:
    """The environment of a Podium command: Python's default bytecode caching, even where the benchmark
    itself runs with PYTHONDONTWRITEBYTECODE set (each run would otherwise compile Podium's modules
    from source, which no installed copy does); no build server (everything is imported in the
    command's own process) unless ``server``, the folder of the benchmark's own build server."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PODIUM_SERVER"] = "off"
    if server is not None:
        env.update(PODIUM_SERVER="on", PODIUM_SERVER_DIR=str(server))
    return env


def run(cmd: list[str], cwd: Path, env: dict[str, str] | None = None) -> None:
    r = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, env=env)
    if r.returncode != 0:
        raise RuntimeError(f"{' '.join(map(str, cmd))} failed ({r.returncode}):\n{r.stderr[-2000:]}")


def paired(
    repeat: int,
    budget: float,
    pandoc: Callable[[], object],
    podium: Callable[[], object],
) -> tuple[float, float, float, int]:
    """Run pandoc and Podium one after the other, ``repeat`` times, alternating who goes first; return
    (median pandoc s, median Podium s, median of the per-pair ratios, pairs).  No new pair starts once
    the pairs so far plus one more (at the median) would pass ``budget`` seconds (0: no cap)."""
    import statistics

    times: list[tuple[float, float]] = []
    spent = 0.0
    for i in range(repeat):
        if times and budget > 0:
            med = statistics.median(a + b for a, b in times)
            if spent + med > budget:
                break
        order = [("pandoc", pandoc), ("podium", podium)]
        if i % 2:
            order.reverse()
        got = {}
        for name, fn in order:
            t0 = time.perf_counter()
            fn()
            got[name] = time.perf_counter() - t0
        times.append((got["pandoc"], got["podium"]))
        spent += got["pandoc"] + got["podium"]
    return (
        statistics.median(a for a, _ in times),
        statistics.median(b for _, b in times),
        statistics.median(b / a for a, b in times),
        len(times),
    )


# --------------------------------------------------------------------------- the contenders


class Contenders:
    def __init__(self, pandoc: str, work: Path):
        self.pandoc = pandoc
        self.work = work
        self.fit_shares: list[float] = []  # fit pass / whole deck build, per default-fit build
        self.server: Path | None = None  # the folder of the benchmark's build server, while it runs

    def out(self, inp: Input, tool: str) -> Path:
        d = self.work / "out" / inp.label / tool
        d.mkdir(parents=True, exist_ok=True)
        return d

    # deck
    def pandoc_deck(self, inp: Input) -> Path:
        out = self.out(inp, "pandoc") / "deck.pptx"
        run([self.pandoc, inp.source.name, "-t", "pptx", "-o", str(out)], inp.cwd)
        return out

    def podium_deck(self, inp: Input) -> Path:
        from podium.diagnostics import Diagnostics
        from podium.pipeline import BuildOptions, build_slides

        with chdir(inp.cwd):
            return build_slides(inp.source, BuildOptions(out_dir=self.out(inp, "podium")), Diagnostics())

    def podium_deck_fit(self, inp: Input, fit: str | None) -> Path:
        """Podium's deck in-process with ``--fit FIT``; "off": with the fit pass left out altogether (the
        plans go to the writer unmeasured, as before measured fitting)."""
        import podium.deck.fit as fitting
        from podium.deck import measure
        from podium.diagnostics import Diagnostics
        from podium.pipeline import BuildOptions, build_slides

        measure.para_height.cache_clear()  # a first build: no paragraph measured yet (as the pipeline does)
        real = fitting.fit_deck
        spent = [0.0]

        def timed(*args, **kw):
            t0 = time.perf_counter()
            try:
                return real(*args, **kw)
            finally:
                spent[0] += time.perf_counter() - t0

        fitting.fit_deck = (lambda plans, *args, **kw: plans) if fit == "off" else timed
        try:
            t0 = time.perf_counter()
            with chdir(inp.cwd):
                out = self.out(inp, f"podium-fit-{fit or 'default'}")
                return build_slides(
                    inp.source, BuildOptions(out_dir=out, fit=None if fit == "off" else fit), Diagnostics()
                )
        finally:
            fitting.fit_deck = real
            if fit is None:  # the fit pass's share of this build (both under the same load)
                self.fit_shares.append(spent[0] / (time.perf_counter() - t0))

    def podium_deck_cli(self, inp: Input, served: bool = False) -> None:
        run(
            [
                sys.executable,
                str(BUILD_PY),
                "slides",
                str(inp.source),
                "-o",
                str(self.out(inp, "podium-cli")),
                "--force",
                "--quiet",
            ],
            inp.cwd,
            cli_env(self.server if served else None),
        )

    @contextlib.contextmanager
    def build_server(self):
        """A build server of the benchmark's own (a short folder: a socket's path is short), warm."""
        self.server = Path(tempfile.mkdtemp(prefix="pbench"))
        self.server.chmod(0o700)
        try:
            run([sys.executable, str(BUILD_PY), "server", "start"], ROOT, cli_env(self.server))
            yield
        finally:
            run([sys.executable, str(BUILD_PY), "server", "stop"], ROOT, cli_env(self.server))
            shutil.rmtree(self.server, ignore_errors=True)
            self.server = None

    # handout
    def pandoc_html(self, inp: Input) -> Path:
        html = self.out(inp, "pandoc") / "handout.html"
        run([self.pandoc, inp.source.name, "-s", "-t", "html", "-o", str(html)], inp.cwd)
        return html

    def pandoc_handout(self, inp: Input) -> None:
        import weasyprint

        html = self.pandoc_html(inp)
        weasyprint.HTML(filename=str(html), base_url=str(inp.cwd) + os.sep).write_pdf(
            str(self.out(inp, "pandoc") / "handout.pdf")
        )

    def podium_handout(self, inp: Input) -> None:
        from podium.diagnostics import Diagnostics
        from podium.pipeline import BuildOptions, build_handout

        with chdir(inp.cwd):
            build_handout(inp.source, BuildOptions(out_dir=self.out(inp, "podium")), Diagnostics())


def quiet_logs() -> None:
    """Keep WeasyPrint's messages (missing alt text, unknown CSS) out of the table's output."""
    for name in ("weasyprint", "weasyprint.progress", "fontTools"):
        log = logging.getLogger(name)
        log.addHandler(logging.NullHandler())
        log.propagate = False


def warm_up(c: Contenders) -> None:
    """Import what the in-process contenders import and render something tiny with each, so the
    in-process rows measure steady state (import costs are what the CLI rows are for)."""
    import weasyprint

    import podium.deck.plan
    import podium.deck.writer
    import podium.handout.html
    import podium.handout.pdf
    import podium.pipeline  # noqa: F401

    quiet_logs()
    weasyprint.HTML(string="<p>warm-up</p>").write_pdf(io.BytesIO())  # fontconfig's first scan
    tiny = c.work / "warm-up" / "warm-up.md"
    tiny.parent.mkdir(parents=True, exist_ok=True)
    tiny.write_text(generate_lecture(2), encoding="utf-8")
    c.podium_deck(Input("warm-up", tiny))
    c.podium_handout(Input("warm-up", tiny))


# --------------------------------------------------------------------------- main


def make_inputs(work: Path, quick: bool) -> list[Input]:
    gen = work / "generated"
    gen.mkdir(parents=True, exist_ok=True)
    inputs = [Input("human-security", DEFAULT_LECTURE)]
    if not quick:
        if CORPUS_DECK.is_file():
            inputs.append(Input("hip-01-introduction", CORPUS_DECK))
        else:
            print(f"note: {CORPUS_DECK} not found; skipping the corpus deck", file=sys.stderr)
    for n in (60,) if quick else (60, 240):
        p = gen / f"generated-{n}.md"
        p.write_text(generate_lecture(n), encoding="utf-8")
        inputs.append(Input(f"generated-{n}", p))
    return inputs


def benchmark(
    inputs: list[Input], c: Contenders, repeat: int, budget: float, handouts: bool = True
) -> list[tuple]:
    rows = []
    for inp in inputs:
        t0 = time.perf_counter()
        deck = paired(repeat, budget, partial(c.pandoc_deck, inp), partial(c.podium_deck, inp))
        cli = paired(repeat, budget, partial(c.pandoc_deck, inp), partial(c.podium_deck_cli, inp))
        with c.build_server():
            served = paired(
                repeat, budget, partial(c.pandoc_deck, inp), partial(c.podium_deck_cli, inp, served=True)
            )
        n_pod = count_slides(c.out(inp, "podium") / f"{inp.source.stem}.pptx")
        n_pan = count_slides(c.out(inp, "pandoc") / "deck.pptx")
        slides = str(n_pod) if n_pod == n_pan else f"{n_pod} ({n_pan})"
        rows += [
            (inp.label, "deck, in-process", slides, *deck),
            (inp.label, "deck, CLI", slides, *cli),
            (inp.label, "deck, CLI, server", slides, *served),
        ]
        if handouts:
            hand = paired(repeat, budget, partial(c.pandoc_handout, inp), partial(c.podium_handout, inp))
            rows.append((inp.label, "handout (PDF)", slides, *hand))
        print(
            f"  {inp.label}: {time.perf_counter() - t0:.1f}s (load average {os.getloadavg()[0]:.2f})",
            file=sys.stderr,
        )
    return rows


def print_table(rows: list[tuple]) -> None:
    head = ("input", "what", "slides", "pandoc s", "podium s", "ratio", "pairs")
    body = [(a, b, s, f"{p:.3f}", f"{q:.3f}", f"{r:.2f}", str(n)) for a, b, s, p, q, r, n in rows]
    widths = [max(len(r[i]) for r in [head, *body]) for i in range(len(head))]
    right = {2, 3, 4, 5, 6}

    def line(r):
        return (
            "| "
            + " | ".join(v.rjust(w) if i in right else v.ljust(w) for i, (v, w) in enumerate(zip(r, widths)))
            + " |"
        )

    print(line(head))
    print(
        "|"
        + "|".join(("-" * (w + 1) + ":") if i in right else ("-" * (w + 2)) for i, w in enumerate(widths))
        + "|"
    )
    for r in body:
        print(line(r))


# --------------------------------------------------------------------------- course and rebuild


def _tree_rss(root: int) -> int:
    """Resident memory (bytes) of process ``root`` and all its descendants, from /proc."""
    parents: dict[int, int] = {}
    rss: dict[int, int] = {}
    for d in Path("/proc").iterdir():
        if not d.name.isdigit():
            continue
        try:
            status = (d / "status").read_text()
        except OSError:
            continue
        fields = dict(line.split(":", 1) for line in status.splitlines() if ":" in line)
        parents[int(d.name)] = int(fields.get("PPid", "0").strip() or 0)
        rss[int(d.name)] = int(fields.get("VmRSS", "0 kB").split()[0]) * 1024 if "VmRSS" in fields else 0
    total, stack = 0, [root]
    while stack:
        pid = stack.pop()
        total += rss.get(pid, 0)
        stack += [p for p, pp in parents.items() if pp == pid]
    return total


def measure(cmd: list[str], cwd: Path) -> tuple[float, int]:
    """Run ``cmd``; return (wall seconds, peak summed RSS of its process tree, sampled every 0.1 s)."""
    import threading

    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    peak = 0
    done = threading.Event()

    def sample():
        nonlocal peak
        while not done.is_set():
            peak = max(peak, _tree_rss(proc.pid))
            done.wait(0.1)

    th = threading.Thread(target=sample, daemon=True)
    th.start()
    _, err = proc.communicate()
    wall = time.perf_counter() - t0
    done.set()
    th.join()
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} failed ({proc.returncode}):\n{err[-2000:]}")
    return wall, peak


def course(work: Path, lectures: int = 10, slides: int = 100, jobs: int = 2) -> None:
    """`podium all -j JOBS` on a course of LECTURES generated lectures of SLIDES slides."""
    project = work / "course"
    (project / "content").mkdir(parents=True, exist_ok=True)
    for i in range(lectures):
        (project / "content" / f"week-{i + 1:02d}.md").write_text(
            generate_lecture(slides, seed=i + 1), encoding="utf-8"
        )
    cmd = [sys.executable, str(BUILD_PY), "all", "-j", str(jobs), "--quiet"]
    wall, peak = measure(cmd + ["--force"], project)
    decks = sorted((project / "output").glob("*.pptx"))
    total = sum(count_slides(d) for d in decks)
    print(
        f"course: {lectures} lectures x {slides} slides ({total} slides in {len(decks)} decks), "
        f"`build.py all -j {jobs}`: {wall:.1f} s wall, peak memory {peak / 2**20:.0f} MiB "
        f"(all processes together); {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.2f}"
    )
    wall2, peak2 = measure(cmd, project)
    print(f"course, nothing changed: {wall2:.2f} s, peak {peak2 / 2**20:.0f} MiB")


def fit_cost(inputs: list[Input], c: Contenders, repeat: int, budget: float) -> None:
    """What measured fitting costs the deck: paired in-process builds, the default fit (shrink, split)
    against ``--fit none`` (measured, never split) and against no fit pass at all; and, timed inside
    each default build, the fit pass's share of it (not skewed by the load: both under the same)."""
    import statistics

    print("| input | against | slides | other s | default s | ratio | pairs | fit pass share |")
    print("|---|---|--:|--:|--:|--:|--:|--:|")
    for inp in inputs:
        for other in ("none", "off"):
            c.fit_shares.clear()
            base, full, ratio, pairs = paired(
                repeat, budget, partial(c.podium_deck_fit, inp, other), partial(c.podium_deck_fit, inp, None)
            )
            n = count_slides(c.out(inp, "podium-fit-default") / f"{inp.source.stem}.pptx")
            n_other = count_slides(c.out(inp, f"podium-fit-{other}") / f"{inp.source.stem}.pptx")
            what = "`--fit none`" if other == "none" else "no fit pass"
            share = statistics.median(c.fit_shares)
            print(
                f"| {inp.label} | {what} | {n} ({n_other}) | {base:.3f} | {full:.3f} | {ratio:.2f} | {pairs} "
                f"| {share:.1%} |"
            )
            sys.stdout.flush()


def rebuild(work: Path, repeat: int) -> None:
    """A no-change `build.py all` of the default lecture, after one full build."""
    import statistics

    out = work / "rebuild"
    cmd = [sys.executable, str(BUILD_PY), "all", str(DEFAULT_LECTURE), "-o", str(out), "--quiet"]
    full, _ = measure(cmd, ROOT)
    again = [measure(cmd, ROOT)[0] for _ in range(max(repeat, 3))]
    print(
        f"default lecture `build.py all`: first build {full:.2f} s; with nothing changed: median "
        f"{statistics.median(again):.3f} s over {len(again)} runs (min {min(again):.3f} s)"
    )


def scale(work: Path, slides: int, repeat: int) -> None:
    """`build.py slides --force` on a generated lecture of SLIDES slides: wall and CPU time, peak memory.

    Each run is a fresh interpreter (imports count, as for a lecturer); CPU time is the child's
    user + system time, peak memory its largest resident set (``ru_maxrss``).  The load average
    before and after each run says how much of the machine the build had."""
    import resource

    src = work / "scale" / f"generated-{slides}.md"
    src.parent.mkdir(parents=True, exist_ok=True)
    t0 = time.perf_counter()
    src.write_text(generate_lecture(slides), encoding="utf-8")
    print(f"generated {src.name} ({src.stat().st_size / 2**20:.1f} MiB) in {time.perf_counter() - t0:.1f} s")
    out = work / "scale" / "out"
    cmd = [sys.executable, str(BUILD_PY), "slides", str(src), "-o", str(out), "--force", "--quiet"]
    env = {**cli_env(), "PODIUM_TIME_LIMIT": os.environ.get("PODIUM_TIME_LIMIT", "3600")}
    for i in range(repeat):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        load0 = os.getloadavg()[0]
        t0 = time.perf_counter()
        r = subprocess.run(cmd, cwd=src.parent, capture_output=True, text=True, env=env)
        wall = time.perf_counter() - t0
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        if r.returncode != 0:
            raise RuntimeError(f"{' '.join(cmd)} failed ({r.returncode}):\n{r.stderr[-2000:]}")
        cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        deck = out / f"{src.stem}.pptx"
        print(
            f"run {i + 1}: {count_slides(deck)} slides, {deck.stat().st_size / 2**20:.1f} MiB .pptx: "
            f"{wall:.1f} s wall, {cpu:.1f} s CPU, peak memory {after.ru_maxrss / 1024:.0f} MiB; "
            f"{os.cpu_count()} CPUs, load average {load0:.2f} before, {os.getloadavg()[0]:.2f} after",
            flush=True,
        )


def profile(work: Path, c: Contenders, slides: int = 240, top: int = 25) -> None:
    """cProfile of Podium's in-process deck build of a generated lecture, timed in CPU seconds (the
    machine is shared: wall-clock entries would count other people's work)."""
    src = work / "generated" / f"generated-{slides}.md"
    src.parent.mkdir(parents=True, exist_ok=True)
    src.write_text(generate_lecture(slides), encoding="utf-8")
    inp = Input(f"generated-{slides}", src)
    c.podium_deck(Input("warm-up", work / "warm-up" / "warm-up.md"))  # imports, first-use caches
    cpu0, t0 = time.process_time(), time.perf_counter()
    c.podium_deck(inp)
    plain, plain_wall = time.process_time() - cpu0, time.perf_counter() - t0
    prof = cProfile.Profile(time.process_time)
    cpu0 = time.process_time()
    prof.enable()
    c.podium_deck(inp)
    prof.disable()
    cpu = time.process_time() - cpu0
    print(
        f"Podium deck build of {src.name} ({count_slides(c.out(inp, 'podium') / f'{src.stem}.pptx')} slides): "
        f"{cpu:.3f} s CPU under cProfile, {plain:.3f} s CPU ({plain_wall:.3f} s wall) without; "
        f"load average {os.getloadavg()[0]:.2f}\n"
    )
    for key, n, what in (("cumulative", top, "cumulative time"), ("tottime", 15, "own time (tottime)")):
        s = io.StringIO()
        pstats.Stats(prof, stream=s).strip_dirs().sort_stats(key).print_stats(n)
        text = s.getvalue()
        text = text[text.find("   ncalls") :]  # drop pstats' preamble
        print(f"--- top {n} by {what} ---")
        print(text.rstrip() + "\n")


def main(argv: list[str] | None = None) -> int:
    # every `build.py` this starts (the course, the rebuild, the scale) builds in its own process, whose
    # time and memory are measured; only the "server" row hands its builds to a build server
    os.environ["PODIUM_SERVER"] = "off"
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--repeat", type=int, default=5, help="pairs per measurement; the medians are kept")
    ap.add_argument("--quick", action="store_true", help="only the default lecture and the 60-slide lecture")
    ap.add_argument("--decks", action="store_true", help="only the deck rows (no handouts)")
    ap.add_argument(
        "--profile",
        type=int,
        nargs="?",
        const=240,
        metavar="SLIDES",
        help="instead of the table, cProfile Podium's deck build of a generated lecture of SLIDES slides [240]",
    )
    ap.add_argument(
        "--budget",
        type=float,
        default=20.0,
        metavar="SECONDS",
        help="stop repeating a measurement once another pair would take it past this many seconds "
        "(it always runs once; 0 = no cap, always --repeat pairs) [default: 20]",
    )
    ap.add_argument(
        "--course", action="store_true", help="instead of the table: a 10 x 100-slide course build"
    )
    ap.add_argument("--jobs", type=int, default=2, help="-j for --course [default: 2]")
    ap.add_argument("--rebuild", action="store_true", help="instead of the table: a no-change rebuild")
    ap.add_argument(
        "--scale",
        type=int,
        nargs="?",
        const=10000,
        metavar="SLIDES",
        help="instead of the table: `build.py slides` of a generated lecture of SLIDES slides [10000], "
        "--repeat times (default here: once): wall and CPU time, peak memory",
    )
    ap.add_argument(
        "--fit-cost",
        action="store_true",
        help="instead of the table: Podium's deck with the default fit against --fit none and no fit pass",
    )
    ap.add_argument("--keep", metavar="DIR", help="write the inputs and outputs to DIR and keep them")
    args = ap.parse_args(argv)
    if args.repeat < 1:
        ap.error("--repeat must be at least 1")

    from podium.diagnostics import BuildError

    work = Path(args.keep).resolve() if args.keep else Path(tempfile.mkdtemp(prefix="podium-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        if args.scale:
            scale(work, args.scale, args.repeat if "--repeat" in (argv or sys.argv) else 1)
            return 0
        c = Contenders(pandoc_path(), work)
        warm_up(c)
        if args.profile:
            profile(work, c, args.profile)
            return 0
        if args.course:
            course(work, jobs=args.jobs)
            return 0
        if args.rebuild:
            rebuild(work, args.repeat)
            return 0
        inputs = make_inputs(work, args.quick)
        if args.fit_cost:
            fit_cost(inputs, c, args.repeat, args.budget)
            return 0
        ver = subprocess.run([c.pandoc, "--version"], capture_output=True, text=True).stdout.split("\n")[0]
        import weasyprint

        print(
            f"{ver}, WeasyPrint {weasyprint.__version__}, Python {sys.version.split()[0]}, "
            f"{os.cpu_count()} CPUs; medians of up to {args.repeat} paired run(s), "
            f"{'no time cap' if args.budget <= 0 else f'at most {args.budget:g}s per measurement'}; "
            f"load average {os.getloadavg()[0]:.2f}",
            file=sys.stderr,
        )
        t0 = time.perf_counter()
        try:
            rows = benchmark(inputs, c, args.repeat, args.budget, handouts=not args.decks)
        except BuildError as e:
            for d in e.diagnostics.items:
                print(d.format(), file=sys.stderr)
            print("bench: Podium could not build an input; no table", file=sys.stderr)
            return 1
        except RuntimeError as e:  # a subprocess failed
            print(f"bench: {e}", file=sys.stderr)
            return 1
        print_table(rows)
        sys.stdout.flush()
        print(
            f"\nratio = podium / pandoc (< 1: Podium is faster); total {time.perf_counter() - t0:.0f}s",
            file=sys.stderr,
        )
        return 0
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
