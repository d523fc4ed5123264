"""Nothing leaked: building someone else's lecture reads only what it should and sends nothing.

A lecture may use files in its own folder, the template folders and Podium's assets.  Everything
else (absolute paths, ``..``, symlinks out, ``file://`` URLs, the network unless
``--allow-remote``) is refused with a warning at the source line.  Raw HTML never reaches the
handout, unsafe links never reach either output, YAML never runs code, and a picture that would
decompress to an absurd size is refused.

An audit hook (PEP 578) records every file Python opens and every socket it touches while a
build runs, so the tests prove what was *not* read, not just what was not shown.
"""

from __future__ import annotations

import os
import re
import struct
import sys
import zipfile
import zlib
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import unquote

import pytest

from podium.diagnostics import BuildError, Diagnostics
from podium.handout.html import render_html
from podium.pipeline import BuildOptions, build_handout, build_slides, load

from .conftest import write_md

# --------------------------------------------------------------------------- the audit hook

_RECORDING: list[list[tuple[str, str]]] = []


def _audit(event: str, args) -> None:
    if not _RECORDING:
        return
    if event == "open" and isinstance(args[0], (str, bytes, os.PathLike)):
        _RECORDING[-1].append(("open", os.fsdecode(args[0])))
    elif event.startswith("socket.") and event not in ("socket.__new__", "socket.gethostname"):
        _RECORDING[-1].append((event, repr(args)[:200]))


sys.addaudithook(_audit)


@contextmanager
def recording():
    """Yield a list that fills with ("open", path) and ("socket.*", args) events."""
    events: list[tuple[str, str]] = []
    _RECORDING.append(events)
    try:
        yield events
    finally:
        _RECORDING.remove(events)


def opened_under(events, folder: Path) -> list[str]:
    real = os.path.realpath(folder)
    return [
        p for kind, p in events if kind == "open" and os.path.realpath(os.path.abspath(p)).startswith(real)
    ]


def network(events) -> list[str]:
    return [f"{kind} {args}" for kind, args in events if kind.startswith("socket.")]


# --------------------------------------------------------------------------- helpers


def png(path: Path, size=(16, 12), colour=(200, 30, 30)) -> Path:
    from PIL import Image

    Image.new("RGB", size, colour).save(path)
    return path


def png_header_only(path: Path, width: int, height: int) -> Path:
    """A PNG whose header claims ``width``×``height`` pixels, with a few bytes of data."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data))
            + kind
            + data
            + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
        )

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    data = (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", ihdr)
        + chunk(b"IDAT", zlib.compress(b"\0" * 64))
        + chunk(b"IEND", b"")
    )
    path.write_bytes(data)
    return path


def gif_header_only(path: Path, width: int, height: int) -> Path:
    path.write_bytes(b"GIF89a" + struct.pack("<HH", width, height) + b"\x00\x00\x00" + b"\x3b")
    return path


def messages(diags: Diagnostics) -> list[str]:
    return [d.format() for d in diags.items]


def warned(diags: Diagnostics, line: int, fragment: str) -> bool:
    return any(
        re.match(rf"lecture\.md:{line}(:\d+)?: warning: ", m) and fragment in m for m in messages(diags)
    )


def deck_hyperlinks(path: Path) -> list[str]:
    """Every hyperlink address in the deck: slide text, tables, notes (python-pptx's view)."""
    from pptx import Presentation

    out = []

    def frames(slide):
        for sh in slide.shapes:
            if sh.has_text_frame:
                yield sh.text_frame
            if getattr(sh, "has_table", False) and sh.has_table:
                for row in sh.table.rows:
                    for cell in row.cells:
                        yield cell.text_frame
        if slide.has_notes_slide:
            yield slide.notes_slide.notes_text_frame

    for slide in Presentation(str(path)).slides:
        for tf in frames(slide):
            for p in tf.paragraphs:
                for r in p.runs:
                    if r.hyperlink.address:
                        out.append(r.hyperlink.address)
        for sh in slide.shapes:  # click actions on shapes
            try:
                if sh.click_action.hyperlink.address:
                    out.append(sh.click_action.hyperlink.address)
            except Exception:  # group/graphic frames without click actions
                pass
    # and any relationship of the slides that points outside the package
    with zipfile.ZipFile(path) as z:
        for name in z.namelist():
            if name.endswith(".rels"):
                out += re.findall(r'Target="([^"]*)"[^>]*TargetMode="External"', z.read(name).decode("utf-8"))
    return out


def pdf_uris(path: Path) -> list[str]:
    from pypdf import PdfReader

    uris = []
    for page in PdfReader(str(path)).pages:
        for annot in page.get("/Annots") or []:
            a = annot.get_object()
            action = a.get("/A")
            if action is not None:
                action = action.get_object()
                for key in ("/URI", "/F", "/JS"):
                    if key in action:
                        uris.append(str(action[key]))
    return uris


def scheme(url: str) -> str:
    cleaned = re.sub(r"[\x00-\x20]", "", unquote(url)).lower()
    m = re.match(r"^([a-z][a-z0-9+.-]*):", cleaned)
    return m.group(1) if m else ""


UNSAFE_SCHEMES = ("javascript", "vbscript", "data", "file")


def handout_main(html: str) -> str:
    """The part of the handout HTML made from the lecture (not the template's head)."""
    return html[html.index("<body") :]


DANGEROUS_TAGS = {
    "script",
    "link",
    "style",
    "iframe",
    "object",
    "embed",
    "base",
    "meta",
    "form",
    "input",
    "frame",
    "frameset",
    "applet",
    "audio",
    "video",
    "source",
    "track",
    "portal",
}


def html_elements(html: str) -> list[tuple[str, dict[str, str]]]:
    """Every start tag in ``html`` with its attributes, as a browser's tokenizer sees them."""
    from html.parser import HTMLParser

    class Collect(HTMLParser):
        def __init__(self):
            super().__init__(convert_charrefs=True)
            self.found: list[tuple[str, dict[str, str]]] = []

        def handle_starttag(self, tag, attrs):
            self.found.append((tag, {k: v or "" for k, v in attrs}))

        handle_startendtag = handle_starttag

    c = Collect()
    c.feed(html)
    c.close()
    return c.found


def markup_problems(html: str, allowed_files: list[Path]) -> list[str]:
    """What in ``html`` (markup, not escaped text) could run, fetch or embed something it should not."""
    roots = [os.path.realpath(r) for r in allowed_files]
    problems = []
    for tag, attrs in html_elements(html):
        if tag in DANGEROUS_TAGS:
            problems.append(f"<{tag}> element")
        for name, value in attrs.items():
            if name.startswith("on"):
                problems.append(f"<{tag} {name}=…> event handler")
            if name == "rel" and "attachment" in value.lower():
                problems.append(f"<{tag} rel=attachment>")
            if name == "style" and re.search(r"url\s*\(|@import|expression\s*\(", value, re.I):
                problems.append(f"<{tag} style='{value[:60]}'> reaches for a resource")
            if name in ("href", "src", "data", "xlink:href", "action", "formaction", "poster", "srcset"):
                sch = scheme(value)
                if sch in ("javascript", "vbscript") or (sch == "data" and tag != "img"):
                    problems.append(f"<{tag} {name}='{value[:60]}'>")
                if sch == "file" or (name != "href" and sch == "" and not value.startswith("#")):
                    path = os.path.realpath(unquote(value[7:] if value.startswith("file://") else value))
                    if not any(path == r or path.startswith(r + os.sep) for r in roots):
                        problems.append(f"<{tag} {name}='{value[:80]}'> outside the allowed folders")
    return problems


def allowed_roots(lecture: Path) -> list[Path]:
    from podium.pipeline import project_roots
    from podium.template_folders import load_template

    return project_roots(lecture / "lecture.md", load_template(None, Diagnostics()))


# --------------------------------------------------------------------------- a hostile lecture


@pytest.fixture
def hostile(tmp_path, monkeypatch):
    """tmp/secret/ (must never be read) and tmp/lecture/ whose lecture.md tries every way out."""
    secret = tmp_path / "secret"
    secret.mkdir()
    png(secret / "secret.png", colour=(1, 2, 3))
    (secret / "secret.txt").write_text("TOP-SECRET-TEXT\n")
    (secret / "secret.csv").write_text("k,v\na,1\n")
    lecture = tmp_path / "lecture"
    lecture.mkdir()
    png(lecture / "ok.png")
    os.symlink(secret / "secret.png", lecture / "link.png")
    os.symlink(secret, lecture / "linkdir")
    (lecture / "inside.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="40" height="30">'
        f'<image href="{(secret / "secret.png").as_uri()}" width="10" height="10"/>'
        '<image xlink:href="../secret/secret.png" x="10" width="10" height="10"/>'
        '<image href="http://127.0.0.1:9/remote.png" x="20" width="10" height="10"/>'
        f'<style>@import url("{(secret / "secret.txt").as_uri()}");</style>'
        '<rect width="5" height="5" fill="red"/></svg>'
    )
    a = secret.as_posix()
    text = f"""---
title: Hostile lecture
---

# Pictures

![absolute]({a}/secret.png)

![climbing](../secret/secret.png)

![symlinked file](link.png)

![symlinked folder](linkdir/secret.png)

![network](http://127.0.0.1:9/x.png)

![tls](https://127.0.0.1:9/x.png)

![encoded](..%2Fsecret%2Fsecret.png)

![file url](file://{a}/secret.png)

![svg that reaches out](inside.svg)

![fine](ok.png)
"""
    write_md(lecture, text)
    monkeypatch.chdir(lecture)
    return lecture, secret


REFUSED = {  # line → what the warning says
    7: "outside the lecture's folder",
    9: "outside the lecture's folder",
    11: "outside the lecture's folder",
    13: "outside the lecture's folder",
    15: "on the network",
    17: "on the network",
    19: "outside the lecture's folder",
}


def test_deck_reads_nothing_outside_and_warns_at_each_line(hostile):
    lecture, secret = hostile
    diags = Diagnostics()
    with recording() as events:
        deck = build_slides(lecture / "lecture.md", BuildOptions(out_dir=lecture / "out"), diags)
    assert opened_under(events, secret) == []
    assert network(events) == []
    for line, fragment in REFUSED.items():
        assert warned(diags, line, fragment), (line, messages(diags))
    secret_bytes = (secret / "secret.png").read_bytes()
    with zipfile.ZipFile(deck) as z:
        assert all(z.read(n) != secret_bytes for n in z.namelist())
    assert not any(scheme(u) in UNSAFE_SCHEMES for u in deck_hyperlinks(deck))


def test_handout_reads_nothing_outside_and_sends_nothing(hostile):
    from pypdf import PdfReader

    lecture, secret = hostile
    diags = Diagnostics()
    with recording() as events:
        pdf = build_handout(lecture / "lecture.md", BuildOptions(out_dir=lecture / "out"), diags)
    assert opened_under(events, secret) == []
    assert network(events) == []
    for line, fragment in REFUSED.items():
        assert warned(diags, line, fragment), (line, messages(diags))
    reader = PdfReader(str(pdf))
    assert dict(reader.attachments) == {}
    assert "TOP-SECRET" not in "".join(p.extract_text() or "" for p in reader.pages)


def test_the_picture_inside_the_folder_is_used(hostile):
    lecture, _ = hostile
    diags = Diagnostics()
    deck = build_slides(lecture / "lecture.md", BuildOptions(out_dir=lecture / "out"), diags)
    ok = (lecture / "ok.png").read_bytes()
    with zipfile.ZipFile(deck) as z:
        assert any(z.read(n) == ok for n in z.namelist() if n.startswith("ppt/media/"))


def test_allow_remote_tries_the_network_and_fails_quickly_with_a_warning(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write_md(tmp_path, "# S\n\n![remote](http://127.0.0.1:9/podium-test.png)\n")
    diags = Diagnostics()
    with recording() as events:
        build_slides(
            tmp_path / "lecture.md", BuildOptions(out_dir=tmp_path / "out", allow_remote=True), diags
        )
    assert warned(diags, 3, "could not be fetched"), messages(diags)
    assert all("127.0.0.1" in e for e in network(events)), network(events)


def test_cli_refuses_the_network_without_allow_remote(tmp_path, monkeypatch, cli):
    monkeypatch.chdir(tmp_path)
    write_md(tmp_path, "# S\n\n![remote](http://127.0.0.1:9/x.png)\n")
    with recording() as events:
        r = cli("slides", "lecture.md", "-o", "out", "--strict")
    assert network(events) == []
    assert r.exit_code == 1
    assert "lecture.md:3: warning: picture 'http://127.0.0.1:9/x.png' is on the network" in r.stderr
    assert "--allow-remote" in r.stderr


def test_chart_data_outside_the_folder_is_refused(tmp_path, monkeypatch):
    secret = tmp_path / "secret"
    secret.mkdir()
    (secret / "data.csv").write_text("k,v\na,1\n")
    lecture = tmp_path / "lecture"
    lecture.mkdir()
    monkeypatch.chdir(lecture)
    for ref in (
        "../secret/data.csv",
        f"{secret}/data.csv",
        f"file://{secret}/data.csv",
        "http://127.0.0.1:9/d.csv",
    ):
        write_md(lecture, f"# S\n\n```chart\ntype: bar\ndata: {ref}\n```\n")
        with recording() as events, pytest.raises(BuildError) as info:
            build_slides(lecture / "lecture.md", BuildOptions(out_dir=lecture / "out"), Diagnostics())
        assert opened_under(events, secret) == [] and network(events) == []
        assert f"lecture.md:5: error: chart data file '{ref}' cannot be read" in str(
            info.value
        )  # the data: line


def test_bibliography_and_citation_style_outside_the_folder_are_refused(tmp_path, monkeypatch):
    """Bibliographies and CSL styles go through the same path rule as pictures: not read, a warning."""
    secret = tmp_path / "secret"
    secret.mkdir()
    (secret / "refs.bib").write_text("@book{hidden, title={SECRET-TITLE}, author={Mallory}, year={1999}}\n")
    (secret / "style.csl").write_text("<style/>\n")
    lecture = tmp_path / "lecture"
    lecture.mkdir()
    (lecture / "inside.bib").write_text("@book{seen, title={Seen}, author={Alice}, year={2001}}\n")
    monkeypatch.chdir(lecture)
    write_md(
        lecture,
        "---\ntitle: T\nbibliography: [inside.bib, ../secret/refs.bib]\ncsl: ../secret/style.csl\n---\n\n"
        "## S\n\nAs [@seen] and [@hidden] say.\n",
    )
    diags = Diagnostics()
    with recording() as events:
        load(lecture / "lecture.md", BuildOptions(out_dir=lecture / "out"), diags)
    assert opened_under(events, secret) == [] and network(events) == []
    refused = [d.message for d in diags.items if d.code == "outside-project"]
    assert any("../secret/refs.bib" in m for m in refused), messages(diags)
    assert any("../secret/style.csl" in m for m in refused), messages(diags)


# --------------------------------------------------------------------------- the rule itself (PathPolicy)


@pytest.fixture
def policy_dirs(tmp_path):
    secret = tmp_path / "secret"
    secret.mkdir()
    png(secret / "s.png")
    lecture = tmp_path / "lecture"
    (lecture / "fig").mkdir(parents=True)
    png(lecture / "fig" / "a.png")
    return lecture, secret


@pytest.mark.parametrize(
    "ref,allowed",
    [
        ("fig/a.png", True),
        ("./fig/../fig/a.png", True),
        ("{lecture}/fig/a.png", True),
        ("file://{lecture}/fig/a.png", True),
        ("../secret/s.png", False),
        ("fig/../../secret/s.png", False),
        ("{secret}/s.png", False),
        ("file://{secret}/s.png", False),
        ("file://localhost{secret}/s.png", False),
        ("%2e%2e/secret/s.png", False),
        ("/etc/passwd", False),
        ("http://127.0.0.1:9/a.png", False),
        ("https://127.0.0.1:9/a.png", False),
        ("ftp://127.0.0.1:9/a.png", False),
        ("data:image/png;base64,iVBORw0KGgo=", False),
        ("javascript:alert(1)", False),
        ("\\\\127.0.0.1\\share\\a.png", False),
    ],
)
def test_path_policy(policy_dirs, ref, allowed):
    from podium.model import SourcePos
    from podium.safety import PathPolicy

    lecture, secret = policy_dirs
    src = ref.format(lecture=lecture.as_posix(), secret=secret.as_posix())
    diags = Diagnostics()
    with recording() as events:
        got = PathPolicy([lecture]).resolve(src, str(lecture), SourcePos("lecture.md", 5), diags, "picture")
    assert (got is not None) == allowed, (src, got, messages(diags))
    assert network(events) == [] and opened_under(events, secret) == []
    if not allowed:
        assert any(m.startswith("lecture.md:5: warning: picture") for m in messages(diags)), messages(diags)


# --------------------------------------------------------------------------- the handout's URL fetcher


@pytest.fixture
def fetcher_dirs(tmp_path):
    secret = tmp_path / "secret"
    secret.mkdir()
    (secret / "s.css").write_text("body{}")
    lecture = tmp_path / "lecture"
    lecture.mkdir()
    (lecture / "ok.css").write_text("p{}")
    os.symlink(secret / "s.css", lecture / "link.css")
    return lecture, secret


@pytest.mark.parametrize(
    "url",
    [
        "file://{secret}/s.css",
        "file://{lecture}/../secret/s.css",
        "file://{lecture}/%2e%2e/secret/s.css",
        "file://{lecture}/link.css",
        "file:///etc/passwd",
        "http://127.0.0.1:9/x.css",
        "https://127.0.0.1:9/x.css",
        "ftp://127.0.0.1:9/x.css",
    ],
)
def test_handout_fetcher_refuses_outside_and_network(fetcher_dirs, url):
    from weasyprint.urls import URLFetchingError

    from podium.handout.pdf import make_fetcher

    lecture, secret = fetcher_dirs
    diags = Diagnostics()
    fetch = make_fetcher([lecture], diags).fetch
    with recording() as events, pytest.raises(URLFetchingError):
        fetch(url.format(lecture=lecture.as_posix(), secret=secret.as_posix()))
    assert opened_under(events, secret) == [] and network(events) == []
    assert diags.warnings, "a refused fetch warns"


def test_handout_fetcher_serves_files_inside(fetcher_dirs):
    from podium.handout.pdf import make_fetcher

    lecture, _ = fetcher_dirs
    diags = Diagnostics()
    make_fetcher([lecture], diags).fetch((lecture / "ok.css").as_uri())
    assert not diags.items


def test_handout_fetcher_makes_no_dns_lookup_for_file_urls_with_a_host(fetcher_dirs):
    from weasyprint.urls import URLFetchingError

    from podium.handout.pdf import make_fetcher

    lecture, _ = fetcher_dirs
    diags = Diagnostics()
    fetch = make_fetcher([lecture], diags).fetch
    url = f"file://podium-test.invalid{lecture.as_posix()}/ok.css"
    with recording() as events, pytest.raises(URLFetchingError):
        fetch(url)
    assert network(events) == []
    assert messages(diags) == [f"warning: the handout fetches nothing from '{url[:80]}' [remote-refused]"]


# --------------------------------------------------------------------------- raw HTML, CSS and links

RAW = """---
title: Raw
---

# Raw HTML

<script>alert(1)</script>

<link rel="attachment" href="{secret}/secret.txt">

<style>body {{ background: url({secret}/secret.png) }} @import url("file://{secret}/secret.txt");</style>

Text <img src="{secret}/secret.png"> and <a href="javascript:alert(1)">x</a> and <iframe src="file:///etc/passwd"></iframe>.

<object data="{secret}/secret.txt"></object>

<svg><image href="{secret}/secret.png"/></svg>

<div style="background:url({secret}/secret.png)">styled</div>

<a rel="attachment" href="{secret}/secret.txt">attach</a>

![alt "><script>x</script>](ok.png){{width="10px;background:url(file://{secret}/secret.png)" fig-alt="a\\" onerror=\\"x"}}

[span]{{.a"><script>x</script> style="background:url({secret}/secret.png)"}}

:::: columns
::: {{.column width="50%;background:url({secret}/secret.png)"}}
left
:::
::::
"""


@pytest.fixture
def raw_html(tmp_path, monkeypatch):
    secret = tmp_path / "secret"
    secret.mkdir()
    (secret / "secret.txt").write_text("TOP-SECRET-TEXT\n")
    png(secret / "secret.png")
    lecture = tmp_path / "lecture"
    lecture.mkdir()
    png(lecture / "ok.png")
    write_md(lecture, RAW.format(secret=secret.as_posix()))
    monkeypatch.chdir(lecture)
    return lecture, secret


def test_raw_html_never_reaches_the_handout_html(raw_html):
    lecture, secret = raw_html
    diags = Diagnostics()
    lec, template = load(lecture / "lecture.md", BuildOptions(), diags)
    html = render_html(lec, template, diags)
    body = handout_main(html)
    assert markup_problems(body, allowed_roots(lecture)) == []
    assert [e for e in html_elements(html) if secret.as_posix() in " ".join(e[1].values())] == []
    assert "left" in body and "Text" in body  # the Markdown around the HTML survives
    # one raw-html warning for the slide, at its first piece of HTML (the text is kept, the markup dropped)
    assert warned(diags, 7, "raw HTML") and [d.code for d in diags.items].count("raw-html") == 1
    assert "alert(1)" not in body and "TOP-SECRET" not in body and "styled" in body and "attach" in body


def test_raw_html_handout_pdf_embeds_nothing_and_reads_nothing(raw_html):
    from pypdf import PdfReader

    lecture, secret = raw_html
    with recording() as events:
        pdf = build_handout(lecture / "lecture.md", BuildOptions(out_dir=lecture / "out"), Diagnostics())
    assert opened_under(events, secret) == []
    assert network(events) == []
    reader = PdfReader(str(pdf))
    assert dict(reader.attachments) == {}
    assert "TOP-SECRET" not in "".join(p.extract_text() or "" for p in reader.pages)
    assert not any(scheme(u) in ("javascript", "vbscript", "data") for u in pdf_uris(pdf))


def test_raw_html_deck_reads_nothing(raw_html):
    lecture, secret = raw_html
    with recording() as events:
        deck = build_slides(lecture / "lecture.md", BuildOptions(out_dir=lecture / "out"), Diagnostics())
    assert opened_under(events, secret) == [] and network(events) == []
    assert not any(scheme(u) in UNSAFE_SCHEMES for u in deck_hyperlinks(deck))


LINKS = """---
title: Links
---

# Links

[a](javascript:alert(1)) [b](JAVASCRIPT:alert(1)) [c](java&#x09;script:alert(1)) [d](javascript&colon;alert(1))

[e](<javascript:alert(1)>) [f](vbscript:msgbox(1)) [g](data:text/html;base64,PHNjcmlwdD4=)

[h](DATA:image/png;base64,iVBORw0KGgo=) <javascript:alert(1)> [i][r] [j](%6Aavascript:alert(1))

[k](&#106;avascript:alert(1)) [l](  javascript:alert(1)) [m](jav&#x0A;ascript:alert(1)) [n](file:///etc/passwd)

[o](java%0ascript:alert(1)) [p](&#x6A;&#x61;&#x76;&#x61;script:alert(1))

| link | cell |
|---|---|
| [t](javascript:alert(1)) | [u](java&#x09;script:alert(2)) |

::: notes
[v](java&#x09;script:alert(3)) in the notes
:::

## Fine links

[ok](http://127.0.0.1:9/page) [mail](mailto:someone@example.org) [rel](#links)

[r]: javascript:alert(1)
"""


def test_no_javascript_links_in_either_output(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write_md(tmp_path, LINKS)
    opts = BuildOptions(out_dir=tmp_path / "out")
    diags = Diagnostics()
    with recording() as events:
        deck = build_slides(tmp_path / "lecture.md", opts, diags)
        pdf = build_handout(tmp_path / "lecture.md", opts, Diagnostics())
    assert network(events) == []
    deck_links, pdf_links = deck_hyperlinks(deck), pdf_uris(pdf)
    for url in deck_links + pdf_links:
        assert scheme(url) not in ("javascript", "vbscript", "data"), url
    assert "http://127.0.0.1:9/page" in deck_links and "http://127.0.0.1:9/page" in pdf_links
    assert "mailto:someone@example.org" in deck_links
    lec, template = load(tmp_path / "lecture.md", opts, Diagnostics())
    body = handout_main(render_html(lec, template, Diagnostics())).lower()
    assert not re.search(r'href="\s*(javascript|vbscript|data):', body)
    # markdown-it leaves javascript:, vbscript:, file: and data:text as literal text, and percent-encodes
    # 'java&#x09;script:' into a relative-looking address (plain text too); the one link it makes, data:image,
    # is refused with a warning
    assert [m for m in messages(diags) if m.endswith("[unsafe-link]")] == [
        "lecture.md:11: warning: link to 'DATA:image/png;base64,iVBORw0KGgo=' is not allowed (only http, https, "
        "mailto, ftp and tel links); kept as text [unsafe-link]"
    ]


def test_handout_pdf_links_disclose_no_local_paths(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write_md(tmp_path, "---\ntitle: T\n---\n\n# S\n\n[notes](../notes.txt) and [abs](/etc/passwd)\n")
    pdf = build_handout(tmp_path / "lecture.md", BuildOptions(out_dir=tmp_path / "out"), Diagnostics())
    uris = pdf_uris(pdf)
    assert not [u for u in uris if scheme(u) == "file"], uris


def test_relative_links_are_plain_text_in_both_outputs_without_a_warning(tmp_path, monkeypatch):
    """A relative address points nowhere in a .pptx or a PDF: its text is kept, the link is not."""
    from pptx import Presentation

    monkeypatch.chdir(tmp_path)
    write_md(
        tmp_path,
        "---\ntitle: T\n---\n\n# S\n\n[notes](../notes.txt), [frag](#s), [abs](/etc/passwd), "
        "[here](./x.md) and [web](https://example.org/p)\n",
    )
    diags = Diagnostics()
    opts = BuildOptions(out_dir=tmp_path / "out")
    deck = build_slides(tmp_path / "lecture.md", opts, diags)
    pdf = build_handout(tmp_path / "lecture.md", opts, diags)
    assert messages(diags) == []
    # (the run and its relationship; [frag](#s) names the lecture's slide S: a jump to it, no address)
    assert set(deck_hyperlinks(deck)) == {"https://example.org/p", "slide2.xml"}
    assert pdf_uris(pdf) == ["https://example.org/p"]
    body = Presentation(str(deck)).slides[1].shapes[1].text_frame.text
    assert body == "notes, frag, abs, here and web"
    lec, template = load(tmp_path / "lecture.md", opts, Diagnostics())
    main = handout_main(render_html(lec, template, Diagnostics()))
    assert [
        a.get("href")
        for tag, a in html_elements(main)
        if tag == "a" and "href" in a and not a["href"].startswith("#slide-")
    ] == ["https://example.org/p"]


# --------------------------------------------------------------------------- YAML is data, never code


@pytest.mark.parametrize(
    "tag",
    [
        '!!python/object/apply:os.system ["touch {marker}"]',
        '!!python/object/new:subprocess.Popen [["touch", "{marker}"]]',
        "!!python/name:os.system",
        "!!python/object/apply:builtins.exec [\"open('{marker}', 'w')\"]",
    ],
)
@pytest.mark.parametrize("where", ["front-matter", "chart", "course.yaml"])
def test_yaml_tags_are_errors_not_code(tmp_path, monkeypatch, tag, where):
    monkeypatch.chdir(tmp_path)
    marker = tmp_path / "PWNED"
    value = tag.format(marker=marker)
    if where == "front-matter":
        write_md(tmp_path, f"---\ntitle: {value}\n---\n\n# S\n\nx\n")
        expect = "lecture.md:2"
    elif where == "chart":
        write_md(tmp_path, f"# S\n\n```chart\ntype: bar\ntitle: {value}\n```\n")
        expect = "lecture.md:5"
    else:
        (tmp_path / "course.yaml").write_text(f"course: {value}\n")
        write_md(tmp_path, "# S\n\nx\n")
        expect = "course.yaml:1"
    with pytest.raises(BuildError) as info:
        build_slides(tmp_path / "lecture.md", BuildOptions(out_dir=tmp_path / "out"), Diagnostics())
    assert not marker.exists(), "YAML ran code"
    errors = [d.format() for d in info.value.diagnostics.errors]
    assert any(e.startswith(expect) and "YAML" in e for e in errors), errors


def _alias_bomb(key: str) -> str:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    prev = "a"
    for name in "bcdefghi":
        lines.append(f"{name}: &{name} [" + ",".join([f"*{prev}"] * 9) + "]")
        prev = name
    lines.append(f"{key}: *i")
    return "\n".join(lines)


def test_yaml_alias_bomb_in_front_matter_fails_fast(tmp_path, monkeypatch):
    from .test_robustness import time_limit

    monkeypatch.chdir(tmp_path)
    write_md(tmp_path, f"---\n{_alias_bomb('title')}\n---\n\n# S\n\nx\n")
    with time_limit(5), pytest.raises(BuildError) as info:
        build_slides(tmp_path / "lecture.md", BuildOptions(out_dir=tmp_path / "out"), Diagnostics())
    # the first alias: line 3 ('b: &b [*a, …'), column 8
    assert str(info.value) == (
        "lecture.md:3:8: error: front matter is not valid YAML: aliases (*name) are not "
        "allowed in lecture files [yaml]"
    )


def test_yaml_alias_bomb_in_a_chart_fails_fast(tmp_path, monkeypatch):
    from .test_robustness import time_limit

    monkeypatch.chdir(tmp_path)
    write_md(tmp_path, "# S\n\n```chart\ntype: bar\ncategories: [x]\n" + _alias_bomb("series") + "\n```\n")
    with time_limit(10), pytest.raises(BuildError) as info:
        build_slides(tmp_path / "lecture.md", BuildOptions(out_dir=tmp_path / "out"), Diagnostics())
    # the fence is at line 3; the first alias ('b: &b [*a, …') at line 7
    assert str(info.value) == (
        "lecture.md:7: error: chart is not valid YAML: aliases (*name) are not allowed in "
        "lecture files [chart]"
    )


@pytest.mark.parametrize("where", ["front-matter", "chart", "course.yaml", "theme.yaml"])
def test_any_yaml_alias_is_an_error_at_its_line(tmp_path, monkeypatch, where):
    """Even a harmless alias: lecture YAML has no use for them, and nested ones expand exponentially."""
    monkeypatch.chdir(tmp_path)
    if where == "front-matter":
        write_md(tmp_path, "---\ntitle: &t T\nsubtitle: *t\n---\n\n# S\n\nx\n")
        expect = (
            "lecture.md:3:11: error: front matter is not valid YAML: aliases (*name) are not allowed in "
            "lecture files [yaml]"
        )
    elif where == "chart":
        write_md(
            tmp_path, "# S\n\n```chart\ntype: bar\ncategories: &c [a]\nseries:\n  x: [1]\n  y: *c\n```\n"
        )
        expect = "lecture.md:8: error: chart is not valid YAML: aliases (*name) are not allowed in lecture files [chart]"
    elif where == "course.yaml":
        (tmp_path / "course.yaml").write_text("course: &c C\n\nterm: *c\n")
        write_md(tmp_path, "# S\n\nx\n")
        expect = (
            "course.yaml:3: error: not valid YAML: aliases (*name) are not allowed in lecture files [yaml]"
        )
    else:
        (tmp_path / "templates" / "aliased").mkdir(parents=True)
        (tmp_path / "templates" / "aliased" / "theme.yaml").write_text(
            "palette:\n  primary: &p '#112233'\n  accent: *p\n"
        )
        write_md(tmp_path, "---\ntitle: T\ntemplate: aliased\n---\n\n# S\n\nx\n")
        expect = (
            "templates/aliased/theme.yaml:3: error: theme is not valid YAML: aliases (*name) are not allowed "
            "in lecture files [theme]"
        )
    with pytest.raises(BuildError) as info:
        build_slides(tmp_path / "lecture.md", BuildOptions(out_dir=tmp_path / "out"), Diagnostics())
    assert expect in [d.format() for d in info.value.diagnostics.errors], info.value


# --------------------------------------------------------------------------- templates escape what they show

EVIL_META = """---
title: "<script>alert('t')</script> {{ 7*7 }} {% raw %}"
subtitle: "<img src=x onerror=alert(1)>"
author: ["</title><script>alert(2)</script>", {name: "<b>bold</b>"}]
institute: "<iframe src=file:///etc/passwd>"
date: "<style>@import url(file:///etc/passwd)</style>"
course: "\\" onmouseover=\\"alert(3)"
lang: 'en"><script>alert(4)</script>'
---

# &lt;script&gt;alert(5)&lt;/script&gt; {{ 6*7 }}

`</code><script>alert(6)</script>`

```html
</pre><script>alert(7)</script>
```

| &lt;script&gt; | b |
|---|---|
| &lt;/td&gt;&lt;script&gt; | 2 |

::: notes
&lt;script&gt;alert(8)&lt;/script&gt;
:::
"""


def test_handout_template_escapes_everything_from_the_lecture(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write_md(tmp_path, EVIL_META)
    diags = Diagnostics()
    lec, template = load(tmp_path / "lecture.md", BuildOptions(), diags)
    html = render_html(lec, template, diags)
    assert markup_problems(handout_main(html), allowed_roots(tmp_path)) == []
    assert [
        tag for tag, _ in html_elements(handout_main(html)) if tag in ("script", "iframe", "img", "style")
    ] == []
    assert html_elements(html)[0] == ("html", {"lang": 'en"><script>alert(4)</script>'})
    # (the title is Markdown, its quotes curled as pandoc's smart curls them: escaped all the same)
    assert "&lt;script&gt;alert(‘t’)&lt;/script&gt;" in html
    assert "{{ 7*7 }}" in html and "{{ 6*7 }}" in html  # shown, never evaluated
    assert "&lt;/code&gt;&lt;script&gt;" in html


def test_deck_shows_markup_as_text(tmp_path, monkeypatch):
    from pptx import Presentation

    monkeypatch.chdir(tmp_path)
    write_md(tmp_path, EVIL_META)
    deck = build_slides(tmp_path / "lecture.md", BuildOptions(out_dir=tmp_path / "out"), Diagnostics())
    titles = [
        s.shapes.title.text_frame.text for s in Presentation(str(deck)).slides if s.shapes.title is not None
    ]
    assert titles[0].startswith("<script>alert(") and "{{ 7*7 }}" in titles[0]
    assert titles[1] == "<script>alert(5)</script> {{ 6*7 }}"


# --------------------------------------------------------------------------- pictures that would decompress to absurd sizes


@pytest.mark.filterwarnings("ignore::PIL.Image.DecompressionBombWarning")
@pytest.mark.parametrize(
    "make,size",
    [
        (png_header_only, (30000, 30000)),
        (png_header_only, (10000, 10000)),
        (png_header_only, (200000, 300)),
        (gif_header_only, (65535, 65535)),
    ],
)
def test_decompression_bomb_pictures_are_refused_with_a_warning(tmp_path, monkeypatch, make, size):
    from pptx import Presentation
    from pptx.enum.shapes import MSO_SHAPE_TYPE

    from .test_robustness import time_limit

    monkeypatch.chdir(tmp_path)
    name = "bomb" + (".png" if make is png_header_only else ".gif")
    make(tmp_path / name, *size)
    write_md(tmp_path, f"---\ntitle: T\n---\n\n# S\n\n![a bomb]({name})\n")
    diags = Diagnostics()
    with time_limit(30):
        deck = build_slides(tmp_path / "lecture.md", BuildOptions(out_dir=tmp_path / "out"), diags)
        pdf = build_handout(tmp_path / "lecture.md", BuildOptions(out_dir=tmp_path / "out"), Diagnostics())
    assert any(m.startswith("lecture.md:7: warning: picture 'bomb") for m in messages(diags)), messages(diags)
    pictures = [
        sh
        for s in Presentation(str(deck)).slides
        for sh in s.shapes
        if sh.shape_type == MSO_SHAPE_TYPE.PICTURE
    ]
    assert pictures == []
    assert pdf.stat().st_size < 2_000_000


@pytest.mark.parametrize(
    "size,message",
    [
        # beyond PIL's own limit (2 × 89 megapixels) PIL refuses to say more than that it is too large
        ((30000, 30000), "picture 'bomb.png' would decompress to an absurd size; not used"),
        (
            (10000, 10000),
            "picture 'bomb.png' is 10000×10000 pixels, which would decompress to an absurd size; not used",
        ),
    ],
)
def test_a_decompression_bomb_is_called_what_it_is(tmp_path, monkeypatch, size, message):
    monkeypatch.chdir(tmp_path)
    png_header_only(tmp_path / "bomb.png", *size)
    write_md(tmp_path, "# S\n\n![a bomb](bomb.png)\n")
    diags = Diagnostics()
    build_slides(tmp_path / "lecture.md", BuildOptions(out_dir=tmp_path / "out"), diags)
    assert messages(diags) == [f"lecture.md:3: warning: {message} [image-too-large]"]


def test_a_picture_just_under_the_limit_is_used(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    png(tmp_path / "big.png", size=(2000, 1500))
    write_md(tmp_path, "# S\n\n![a big picture](big.png)\n")
    diags = Diagnostics()
    deck = build_slides(tmp_path / "lecture.md", BuildOptions(out_dir=tmp_path / "out"), diags)
    with zipfile.ZipFile(deck) as z:
        assert [n for n in z.namelist() if n.startswith("ppt/media/")]
    assert not [m for m in messages(diags) if "big.png" in m]


def test_a_file_that_is_not_a_picture_is_refused(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "fake.png").write_text("#!/bin/sh\necho not a picture\n")
    write_md(tmp_path, "# S\n\n![fake](fake.png)\n")
    diags = Diagnostics()
    build_slides(tmp_path / "lecture.md", BuildOptions(out_dir=tmp_path / "out"), diags)
    assert warned(diags, 3, "not a picture Podium can read"), messages(diags)


BILLION_LAUGHS_SVG = """<?xml version="1.0"?>
<!DOCTYPE svg [
<!ENTITY lol "lol">
<!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
<!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
<!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
<!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
<!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
<!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
<!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<svg xmlns="http://www.w3.org/2000/svg" width="100" height="40"><text x="0" y="20">&lol9;</text></svg>
"""


def test_svg_entity_bomb_in_the_handout_is_harmless(tmp_path, monkeypatch):
    from .test_robustness import time_limit

    monkeypatch.chdir(tmp_path)
    (tmp_path / "bomb.svg").write_text(BILLION_LAUGHS_SVG)
    write_md(tmp_path, "---\ntitle: T\n---\n\n# S\n\n![entity bomb](bomb.svg)\n")
    with time_limit(30):
        pdf = build_handout(tmp_path / "lecture.md", BuildOptions(out_dir=tmp_path / "out"), Diagnostics())
    assert pdf.stat().st_size < 2_000_000


def test_svg_entity_bomb_in_the_deck_is_refused_with_a_warning(tmp_path, monkeypatch):
    from pptx import Presentation
    from pptx.enum.shapes import MSO_SHAPE_TYPE

    from .test_robustness import time_limit

    monkeypatch.chdir(tmp_path)
    (tmp_path / "bomb.svg").write_text(BILLION_LAUGHS_SVG)
    write_md(tmp_path, "# S\n\n![entity bomb](bomb.svg)\n")
    diags = Diagnostics()
    with time_limit(30):
        deck = build_slides(tmp_path / "lecture.md", BuildOptions(out_dir=tmp_path / "out"), diags)
    assert messages(diags) == [
        "lecture.md:3: warning: picture 'bomb.svg' cannot be drawn (EntitiesForbidden); "
        "shown as a placeholder [bad-image]"
    ]
    shapes = list(Presentation(str(deck)).slides[0].shapes)
    assert not [sh for sh in shapes if sh.shape_type == MSO_SHAPE_TYPE.PICTURE]
    assert "[missing picture: bomb.svg]" in [sh.text_frame.text for sh in shapes if sh.has_text_frame]


# --------------------------------------------------------------------------- templates shipped with a lecture

EVIL_HANDOUT = """{{% extends "base.html.j2" %}}
{{% block head %}}<link rel="attachment" href="{target}">{{% endblock %}}
"""


def _project_with_template(tmp_path: Path, theme: str, handout: str) -> Path:
    project = tmp_path / "project"
    (project / "templates" / "evil" / "handout").mkdir(parents=True)
    (project / "templates" / "evil" / "theme.yaml").write_text(theme)
    (project / "templates" / "evil" / "handout" / "handout.html.j2").write_text(handout)
    (project / "content").mkdir()
    write_md(project / "content", "---\ntitle: T\ntemplate: evil\n---\n\n# S\n\nx\n")
    return project


def test_template_cannot_attach_files_from_outside(tmp_path, monkeypatch):
    from pypdf import PdfReader

    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-TEXT\n")
    project = _project_with_template(
        tmp_path, "palette: {primary: '#112233'}\n", EVIL_HANDOUT.format(target=secret.as_uri())
    )
    monkeypatch.chdir(project)
    diags = Diagnostics()
    with recording() as events:
        pdf = build_handout(Path("content/lecture.md"), BuildOptions(out_dir=project / "out"), diags)
    assert opened_under(events, secret.parent / "secret.txt") == []
    assert dict(PdfReader(str(pdf)).attachments) == {}
    assert any("may not read" in m for m in messages(diags)), messages(diags)
    # the refusal names the template file and line that asked for it
    assert any(
        m.startswith("templates/evil/handout/handout.html.j2:2: warning: the handout may not read")
        and m.endswith("[outside-project]")
        for m in messages(diags)
    ), messages(diags)


@pytest.mark.parametrize("extends,line", [("/", 1), ("../..", 2), ("../../..", 2)])
def test_template_extends_root_cannot_widen_what_the_handout_reads(tmp_path, monkeypatch, extends, line):
    """'extends:' (relative to the theme's folder) must name a template, never / or a folder above the project."""
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-TEXT\n")
    theme = f"extends: {extends}\n" if line == 1 else f"palette: {{primary: '#112233'}}\nextends: {extends}\n"
    project = _project_with_template(tmp_path, theme, EVIL_HANDOUT.format(target=secret.as_uri()))
    (project / "theme.yaml").write_text(
        "palette: {primary: '#445566'}\n"
    )  # the project itself looks like one
    monkeypatch.chdir(project)
    with recording() as events, pytest.raises(BuildError) as info:
        build_handout(Path("content/lecture.md"), BuildOptions(out_dir=project / "out"), Diagnostics())
    assert opened_under(events, secret) == []
    assert str(info.value) == (
        f"templates/evil/theme.yaml:{line}: error: 'evil' extends '{extends}', which is not "
        "a template folder [template]"
    )
    assert not (project / "out").exists()


def test_template_extends_a_folder_relative_to_its_own(tmp_path, monkeypatch):
    project = _project_with_template(
        tmp_path, "extends: ../../shared/base\n", '{% extends "base.html.j2" %}\n'
    )
    (project / "shared" / "base").mkdir(parents=True)
    (project / "shared" / "base" / "theme.yaml").write_text("palette: {primary: '#445566'}\n")
    (project / "content" / "shared" / "base").mkdir(parents=True)  # a decoy beside the lecture: not used
    monkeypatch.chdir(project / "content")
    diags = Diagnostics()
    lec, template = load(Path("lecture.md"), BuildOptions(template="../templates/evil"), diags)
    assert [d.name for d in template.chain] == ["evil", "base", "default"]
    assert template.palette["primary"] == "#445566"


@pytest.mark.parametrize("how", ["option", "front-matter"])
@pytest.mark.parametrize("which", ["root", "home", "current", "parent"])
def test_a_broad_folder_is_never_a_template(tmp_path, monkeypatch, how, which, cli):
    project = tmp_path / "project"
    home = tmp_path / "home"
    for folder in (project / "content", home):
        folder.mkdir(parents=True)
    for folder in (tmp_path, project, home):  # each looks like a template: that is not enough
        (folder / "theme.yaml").write_text("palette: {primary: '#112233'}\n")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.chdir(project)
    ref = {"root": "/", "home": str(home), "current": ".", "parent": ".."}[which]
    if how == "option":
        write_md(project / "content", "---\ntitle: T\n---\n\n# S\n\nx\n")
        r = cli("handout", "content/lecture.md", "-o", "out", "--template", ref)
    else:
        write_md(project / "content", f"---\ntitle: T\ntemplate: {ref}\n---\n\n# S\n\nx\n")
        r = cli("handout", "content/lecture.md", "-o", "out")
    assert r.exit_code == 1
    assert r.stderr.splitlines()[0] == (
        f"error: '{ref}' is not a template folder (it needs a theme.yaml, deck.pptx or handout/ of its own, and may "
        "not be / , your home or a folder above the project) [template]"
    )
    assert not (project / "out").exists()


UNSAFE_TEMPLATES = {
    "python": ("{{ cycler.__init__.__globals__.os.open('{marker}', 65) }}", "'__init__'"),
    "mutate": ("{{ meta.authors.append('{marker}') }}", "'append'"),
}


@pytest.mark.parametrize("case", sorted(UNSAFE_TEMPLATES))
def test_handout_templates_cannot_run_python(tmp_path, monkeypatch, case):
    marker = tmp_path / "PWNED"
    code, named = UNSAFE_TEMPLATES[case]
    handout = (
        '{% extends "base.html.j2" %}{% block head %}'
        + code.replace("{marker}", str(marker))
        + "{% endblock %}"
    )
    project = _project_with_template(tmp_path, "palette: {primary: '#112233'}\n", handout)
    monkeypatch.chdir(project)
    with pytest.raises(BuildError) as info:
        build_handout(Path("content/lecture.md"), BuildOptions(out_dir=project / "out"), Diagnostics())
    assert not marker.exists(), "the template ran Python code"
    message = str(info.value)
    assert (
        message.startswith(
            "templates/evil/handout/handout.html.j2:1: error: handout template tried something unsafe: "
        )
        and named in message
    ), message
    assert message.endswith(" [template-unsafe]"), message
    assert not (project / "out").exists()


def test_handout_templates_cannot_include_files_through_a_symlink(tmp_path, monkeypatch):
    from pypdf import PdfReader

    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-TEXT\n")
    project = _project_with_template(
        tmp_path,
        "palette: {primary: '#112233'}\n",
        '{% extends "base.html.j2" %}{% block head %}{% include "notes.j2" %}{% endblock %}',
    )
    os.symlink(secret, project / "templates" / "evil" / "handout" / "notes.j2")
    monkeypatch.chdir(project)
    try:
        with recording() as events:
            pdf = build_handout(
                Path("content/lecture.md"), BuildOptions(out_dir=project / "out"), Diagnostics()
            )
    except BuildError:
        return  # refusing the template is a fine answer
    assert opened_under(events, secret) == []
    assert "TOP-SECRET" not in "".join(p.extract_text() or "" for p in PdfReader(str(pdf)).pages)


def test_a_shared_folder_is_read_only_when_named_on_the_command_line(tmp_path, cli):
    from PIL import Image

    (tmp_path / "assets").mkdir()
    Image.new("RGB", (80, 60), (200, 30, 30)).save(tmp_path / "assets" / "logo.png")
    (tmp_path / "slides").mkdir()
    src = tmp_path / "slides" / "index.md"
    src.write_text("---\ntitle: T\n---\n\n## One\n\n![The logo](../assets/logo.png)\n")
    out = tmp_path / "out"
    refused = cli("slides", str(src), "-o", str(out), "--force")
    assert "--allow-folder DIR) [outside-project]" in refused.stderr
    allowed = cli("slides", str(src), "-o", str(out), "--force", "--allow-folder", str(tmp_path / "assets"))
    assert allowed.exit_code == 0 and "outside-project" not in allowed.stderr, allowed.stderr
    from pptx import Presentation

    assert [sh for sh in Presentation(str(out / "index.pptx")).slides[1].shapes if sh.shape_type == 13]
    for folder in ("/", str(Path.home())):
        r = cli("slides", str(src), "-o", str(out), "--allow-folder", folder)
        assert r.exit_code == 2 and "name the folder of the shared files" in r.stderr, r.stderr
