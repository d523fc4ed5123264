"""The live preview: ``podium watch --serve`` shows each lecture's handout HTML in a browser.

The page is the handout's own HTML (the same plan, the same Jinja templates, the same slide twins
and notes), served as soon as it is made, before the deck and the PDF are written.  A small script
in the page listens on ``/events`` (server-sent events) and reloads the page after every rebuild.
A build error is shown in a box at the top of the page (and in the terminal); the last good
preview stays below it.  The bar at the top links the latest .pptx and PDF.

The server listens on 127.0.0.1 only.  It serves the preview pages, the outputs of the lectures it
watches, and ``/file/…`` paths only inside the folders the lecture may read from (its folder, the
template folders), the same rule the handout renderer follows.
"""

from __future__ import annotations

import html
import json
import mimetypes
import os
import re
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import quote, unquote, urlparse

RELOAD_SCRIPT = """
<script>
(function () {
  var seen = %(version)d;
  function listen() {
    var es = new EventSource("/events");
    es.onmessage = function (e) { if (parseInt(e.data, 10) !== seen) { location.reload(); } };
    es.onerror = function () { es.close(); setTimeout(listen, 1000); };
  }
  listen();
})();
</script>
"""

BAR_CSS = """
<style>
@media screen {
  body { margin: 0 auto; max-width: 60rem; padding: 3.2rem 1rem 2rem; background: #f3f4f6; }
  #podium-bar { position: fixed; top: 0; left: 0; right: 0; z-index: 1000; background: #1f2937; color: #fff;
    font: 14px/1.4 sans-serif; padding: .5rem 1rem; display: flex; gap: 1rem; align-items: center; }
  #podium-bar a { color: #93c5fd; }
  #podium-bar .state-ok { color: #86efac; } #podium-bar .state-failed { color: #fca5a5; }
  #podium-bar .state-building { color: #fde68a; }
  #podium-errors { background: #fef2f2; border: 2px solid #b91c1c; color: #7f1d1d; padding: .75rem 1rem;
    margin: 0 0 1rem; font: 13px/1.5 monospace; white-space: pre-wrap; }
  #podium-warnings { background: #fffbeb; border: 1px solid #d97706; color: #78350f; padding: .5rem 1rem;
    margin: 0 0 1rem; font: 12px/1.5 monospace; white-space: pre-wrap; }
}
</style>
"""


@dataclass
class Page:
    """What the server shows for one lecture."""

    source: Path
    html: str | None = None  # the last good preview (handout HTML)
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    state: str = "building"  # building | ok | failed
    outputs: list[Path] = field(default_factory=list)
    roots: list[Path] = field(default_factory=list)


class Preview:
    """The shared state of the preview: pages by lecture, and a version bumped on every change."""

    def __init__(self) -> None:
        self.pages: dict[str, Page] = {}
        self.version = 0
        self.changed = threading.Condition()

    def page(self, source: Path) -> Page:
        key = source.stem
        if key not in self.pages:
            self.pages[key] = Page(source)
        return self.pages[key]

    def bump(self) -> None:
        with self.changed:
            self.version += 1
            self.changed.notify_all()

    def wait(self, version: int, timeout: float) -> int:
        with self.changed:
            self.changed.wait_for(lambda: self.version != version, timeout=timeout)
            return self.version

    # --------------------------------------------------------------- rendering a page

    def render(self, key: str) -> str:
        page = self.pages[key]
        links = " ".join(
            f'<a href="/output/{quote(p.name)}">{html.escape(p.name)}</a>'
            for p in page.outputs
            if p.is_file()
        )
        bar = (
            f'<div id="podium-bar"><strong>{html.escape(page.source.name)}</strong>'
            f'<span id="podium-state" class="state-{page.state}">{page.state}</span>'
            f'<span>{links}</span><a href="/">all lectures</a></div>'
        )
        boxes = ""
        if page.errors:
            boxes += '<div id="podium-errors">' + html.escape("\n".join(page.errors)) + "</div>"
        if page.warnings:
            boxes += '<div id="podium-warnings">' + html.escape("\n".join(page.warnings)) + "</div>"
        extra_head = BAR_CSS + RELOAD_SCRIPT % {"version": self.version}
        body = (
            page.html
            or "<!doctype html><html><head><meta charset='utf-8'><title>Podium preview</title>"
            "</head><body><p>No preview yet.</p></body></html>"
        )
        body = _local_urls(body)
        body = re.sub(r"</head>", lambda _: extra_head + "</head>", body, count=1)
        body = re.sub(r"<body([^>]*)>", lambda mt: f"<body{mt.group(1)}>" + bar + boxes, body, count=1)
        return body

    def index(self) -> str:
        items = "".join(
            f'<li><a href="/lecture/{quote(k)}/">{html.escape(p.source.name)}</a> '
            f'<span class="state-{p.state}">{p.state}</span></li>'
            for k, p in sorted(self.pages.items())
        )
        return (
            "<!doctype html><html><head><meta charset='utf-8'><title>Podium preview</title>"
            + BAR_CSS
            + RELOAD_SCRIPT % {"version": self.version}
            + "</head><body>"
            + "<div id='podium-bar'><strong>Podium preview</strong></div><ul>"
            + items
            + "</ul></body></html>"
        )


def _local_urls(text: str) -> str:
    """``file:///path`` references (pictures, CSS) become ``/file/path`` on this server."""
    return re.sub(
        r'(["(])file://(?:localhost)?(/[^"\')]*)', lambda mt: mt.group(1) + "/file" + mt.group(2), text
    )


def _inside(path: Path, roots: list[Path]) -> bool:
    real = Path(os.path.realpath(path))
    return any(real == r or r in real.parents for r in (Path(os.path.realpath(x)) for x in roots))


def make_handler(preview: Preview, out_dir: Path):
    class Handler(BaseHTTPRequestHandler):
        server_version = "PodiumPreview"

        def log_message(self, format, *args):
            pass

        def _send(self, status: int, body: bytes, ctype: str) -> None:
            self.send_response(status)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
            self.wfile.write(body)

        def do_GET(self):
            path = unquote(urlparse(self.path).path)
            if path == "/":
                if len(preview.pages) == 1:
                    key = next(iter(preview.pages))
                    self.send_response(302)
                    self.send_header("Location", f"/lecture/{quote(key)}/")
                    self.end_headers()
                    return
                return self._send(200, preview.index().encode(), "text/html; charset=utf-8")
            if path == "/events":
                return self._events()
            if path == "/status":
                state = {k: {"state": p.state, "errors": p.errors} for k, p in preview.pages.items()}
                return self._send(
                    200, json.dumps({"version": preview.version, "pages": state}).encode(), "application/json"
                )
            mt = re.fullmatch(r"/lecture/([^/]+)/?", path)
            if mt and mt.group(1) in preview.pages:
                return self._send(200, preview.render(mt.group(1)).encode(), "text/html; charset=utf-8")
            mt = re.fullmatch(r"/output/([^/]+)", path)
            if mt:
                names = {p.name: p for page in preview.pages.values() for p in page.outputs}
                target = names.get(mt.group(1))
                if target is not None and target.is_file():
                    return self._file(target)
            if path.startswith("/file/"):
                target = Path(path[len("/file") :])
                roots = [r for page in preview.pages.values() for r in page.roots]
                if _inside(target, roots) and target.is_file():
                    return self._file(target)
            self._send(404, b"not found", "text/plain")

        def _file(self, target: Path) -> None:
            ctype = mimetypes.guess_type(target.name)[0] or "application/octet-stream"
            self._send(200, target.read_bytes(), ctype)

        def _events(self) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "text/event-stream")
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
            version = preview.version
            try:
                self.wfile.write(f"data: {version}\n\n".encode())
                self.wfile.flush()
                while True:
                    new = preview.wait(version, 15)
                    msg = f"data: {new}\n\n" if new != version else ": keep-alive\n\n"
                    version = new
                    self.wfile.write(msg.encode())
                    self.wfile.flush()
            except (BrokenPipeError, ConnectionResetError, OSError):
                return

    return Handler


def serve(preview: Preview, out_dir: Path, port: int) -> ThreadingHTTPServer:
    """Start the server on 127.0.0.1:``port`` (0: any free port) in a background thread."""
    server = ThreadingHTTPServer(("127.0.0.1", port), make_handler(preview, out_dir))
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, name="podium-preview", daemon=True).start()
    return server
