"""How Podium's modules import each other: no cycles, and nothing heavy before a build needs it."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "podium"

# Libraries a build loads only when it renders something; the command line and a no-change
# build (which stops once the build record says nothing changed) must not import them.
HEAVY = (
    "pptx",
    "weasyprint",
    "cairosvg",
    "pygments",
    "pypdf",
    "pypdfium2",
    "PIL",
    "ziamath",
    "latex2mathml",
    "citeproc",
    "rich",
    "watchfiles",
    "lxml",
    "jinja2",
    "markdown_it",
    "xlsxwriter",
)


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _top_level_imports(path: Path, name: str, modules: set[str]) -> set[str]:
    """The podium modules ``path`` imports when it is imported (not inside functions or TYPE_CHECKING)."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    out: set[str] = set()
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            continue
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            continue
        for sub in ast.walk(node):
            if isinstance(sub, ast.Import):
                out |= {a.name for a in sub.names}
            elif isinstance(sub, ast.ImportFrom):
                base = package
                for _ in range(sub.level - 1):
                    base = base.rpartition(".")[0]
                target = (f"{base}.{sub.module}" if sub.module else base) if sub.level else sub.module or ""
                out.add(target)
                out |= {f"{target}.{a.name}" for a in sub.names}
    return {m for m in out if m in modules and m != name}


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in graph[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return found


def test_no_import_cycles_among_podiums_modules():
    files = {_module_name(p): p for p in PACKAGE.rglob("*.py")}
    assert "podium.reader" in files and "podium.charts" in files
    graph = {name: _top_level_imports(path, name, set(files)) for name, path in files.items()}
    assert "podium.charts" in graph["podium.reader"]  # the walk sees real imports
    assert _cycles(graph) == []


def test_a_cycle_is_found_when_there_is_one():
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert _cycles({"a": {"b"}, "b": set()}) == []


def test_the_command_line_and_the_no_change_path_import_nothing_heavy():
    """What `podium --help` and an up-to-date `podium all` import (the modules of the build-record check)."""
    code = (
        "import json, sys\n"
        "import podium.cli, podium.course, podium.pipeline, podium.buildrecord\n"
        f"print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] in {list(HEAVY)!r})))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert json.loads(out) == []


def _run(code: str) -> str:
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout


def test_python_pptx_no_longer_drags_in_urllib_request_which_still_works_when_used():
    """xml.sax.saxutils (imported by python-pptx) imports urllib.request; Podium defers it (podium.startup)."""
    out = _run(
        "import sys\n"
        "import podium, pptx, xml.sax.saxutils\n"
        "print(type(sys.modules['urllib.request']).__name__, 'http.client' in sys.modules)\n"
        "from urllib.request import Request\n"
        "import urllib.request\n"
        "print(Request.__module__, urllib.request.urlopen.__module__, type(sys.modules['urllib.request']).__name__)\n"
        "print(xml.sax.saxutils.urllib.request is sys.modules['urllib.request'])\n"
    )
    assert out.split("\n")[:3] == ["_Deferred False", "urllib.request urllib.request module", "True"]


def test_a_module_already_loaded_is_left_alone():
    out = _run(
        "import sys, urllib.request\n"
        "real = sys.modules['urllib.request']\n"
        "import podium.startup\n"
        "podium.startup.defer_module('urllib.request')\n"
        "print(sys.modules['urllib.request'] is real)\n"
    )
    assert out.strip() == "True"


def test_the_command_line_leaves_every_object_frozen_at_exit():
    """The interpreter's last collection has nothing to scan (podium.startup.freeze_at_exit); the
    handler registered before the command runs after Podium's (atexit is last in, first out)."""
    code = (
        "import atexit, gc, sys\n"
        "atexit.register(lambda: print('frozen at exit', gc.get_freeze_count() > 1000))\n"
        "from podium.cli import cli\n"
        "sys.argv = ['podium', 'template', 'list']\n"
        "cli()\n"
    )
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip().endswith("frozen at exit True")


def test_weasyprint_and_cairosvg_find_their_libraries_without_starting_a_compiler():
    """WeasyPrint and cairocffi try Windows' names first; ctypes would start ldconfig, gcc and ld for
    each name it does not know (about 50 processes).  Through Podium, one `ldconfig -p` serves all."""
    out = _run(
        "import json, subprocess\n"
        "started = []\n"
        "real = subprocess.Popen.__init__\n"
        "def spy(self, args, *a, **k):\n"
        "    started.append(args if isinstance(args, str) else ' '.join(map(str, args)))\n"
        "    real(self, args, *a, **k)\n"
        "subprocess.Popen.__init__ = spy\n"
        "import podium.handout.pdf, podium.rastercache\n"
        'podium.rastercache._draw(b\'<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"/>\', 4, None)\n'
        "import weasyprint.text.ffi as w, cairocffi\n"
        "print(json.dumps([started, w.pango.pango_version() > 0, cairocffi.cairo_version() > 0]))\n"
    )
    started, pango, cairo = json.loads(out)
    assert pango and cairo
    assert len(started) == 1 and started[0].endswith("ldconfig -p"), started


def test_the_quick_library_lookup_answers_as_the_loader_cache_does():
    import ctypes.util

    from podium.startup import quick_library_lookup

    real = ctypes.util.find_library
    with quick_library_lookup():
        assert ctypes.util.find_library is not real
        quick = {
            n: ctypes.util.find_library(n) for n in ("cairo", "pango-1.0", "libgobject-2.0-0", "no-such-lib")
        }
    assert ctypes.util.find_library is real
    assert quick["cairo"] == real("cairo") and quick["cairo"].startswith("libcairo.so")
    assert quick["pango-1.0"] == real("pango-1.0")
    assert quick["libgobject-2.0-0"] is None and quick["no-such-lib"] is None


def test_reading_a_plain_lecture_leaves_the_other_tools_readers_unloaded():
    """The readers of siunitx, Quarto's cross-references and HTML columns load only for a lecture that
    has them (each costs start-up time on every build)."""
    code = (
        "import json, sys\n"
        "from podium.diagnostics import Diagnostics\n"
        "from podium.reader import parse_lecture\n"
        "parse_lecture('---\\ntitle: T\\n---\\n\\n## S\\n\\n- a\\n- b $x^2$\\n', 't.md', Diagnostics())\n"
        "print(json.dumps(sorted(m for m in ('podium.siunits', 'podium.crossrefs', 'podium.htmldivs') "
        "if m in sys.modules)))\n"
    )
    assert json.loads(_run(code)) == []
    loaded = (
        "import json, sys\n"
        "from podium.diagnostics import Diagnostics\n"
        "from podium.reader import parse_lecture\n"
        "parse_lecture('## S\\n\\nAs @fig-a, \\\\SI{3}{\\\\metre}.\\n\\n![A](a.png){#fig-a}\\n\\n"
        "<div class=\"columns\">\\n<div>\\nx\\n</div>\\n</div>\\n', 't.md', Diagnostics())\n"
        "print(json.dumps(sorted(m for m in ('podium.siunits', 'podium.crossrefs', 'podium.htmldivs') "
        "if m in sys.modules)))\n"
    )
    assert json.loads(_run(loaded)) == ["podium.crossrefs", "podium.htmldivs", "podium.siunits"]
