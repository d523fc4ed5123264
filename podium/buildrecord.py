"""The build record: what one output was built from, written into the output and kept for the next build.

A :class:`BuildRecord` holds the source's SHA-256, every file the build read or looked for (the
lecture, ``course.yaml``, pictures, chart data, bibliographies, every file of the template chain; a
file that was missing is recorded as missing, so adding it later rebuilds), the options that shape
the output (slide level and whether it was asked for, template, variant, fit, handout layout),
``SOURCE_DATE_EPOCH``, Podium's version and a fingerprint of its code.

It has two uses, one record:

- **In the output.**  The deck keeps it in a custom document property ``podium-build``
  (``docProps/custom.xml``, File ▸ Properties ▸ Custom in PowerPoint), a PDF in its document
  information (the slides PDF LibreOffice converts gets it afterwards).  ``check`` reads both and says plainly when the two outputs were built from
  different sources or options.  What is written there names files relative to the lecture's folder
  or their template (:meth:`BuildRecord.to_json`): the same input gives the same bytes anywhere.
- **Beside the output, for the incremental skip.**  After a build, each output's record (with the real
  paths of the files it read, what was asked of it, the output's own hash and the build's warnings)
  is saved in Podium's cache folder (:func:`cache_dir`), one file per output.  An output is up to
  date when its record was made by this Podium, for the same request, from files that are all
  unchanged, and the file is still the one written (:func:`up_to_date`).  Each output is judged on
  its own: ``slides`` after ``all`` finds the deck ``all`` wrote up to date.

This module imports nothing heavy: deciding that a lecture is up to date must take milliseconds
(python-pptx and lxml are imported inside the functions that write and read a deck's record).
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import re
import stat
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from html import escape
from pathlib import Path
from typing import Any

from . import __version__
from .atomic import write_atomic

KEY = "podium-build"  # the property name, in the deck and in the PDF (as /podium-build)
FORMAT = 2  # of the cache entries; an entry of another format is ignored (one rebuild)
# the options that must agree between deck and handout (the variant and layout differ by design:
# the deck is the lecturer's, the handout usually the students')
OPTIONS = ("slide_level", "template", "fit")
PACKAGE = Path(__file__).resolve().parent


def version() -> str:
    """Podium's version."""
    return __version__


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """A hash of Podium's own code and bundled data: a changed Podium rebuilds everything."""
    h = hashlib.sha256()
    for p in sorted(PACKAGE.rglob("*")):
        if p.is_file() and "__pycache__" not in p.parts and p.suffix != ".pyc":
            h.update(str(p.relative_to(PACKAGE)).encode())
            h.update(p.read_bytes())
    return h.hexdigest()[:32]


def environment() -> dict[str, str]:
    """What of the environment changes the outputs' bytes."""
    return {"SOURCE_DATE_EPOCH": os.environ.get("SOURCE_DATE_EPOCH", "")}


def file_hash(path: str | os.PathLike) -> str | None:
    """SHA-256 of a file's bytes; None when it is missing or unreadable; a marker for anything that is
    not a regular file (a FIFO would block a reader forever, a device could be endless)."""
    try:
        st = os.stat(path)
        if not stat.S_ISREG(st.st_mode):
            return f"not-a-file:{stat.S_IFMT(st.st_mode)}"
        h = hashlib.sha256()
        with open(path, "rb") as f:
            for chunk in iter(lambda: f.read(1 << 20), b""):
                h.update(chunk)
        return h.hexdigest()
    except OSError:
        return None


def folder_files(folder: Path) -> list[str]:
    """Every file under ``folder`` (a template), as real paths, in a stable order; a symbolic link that
    leads out of the folder is left out (it is not read, not even to hash it)."""
    real = os.path.realpath(folder)
    out = set()
    for root, dirs, files in os.walk(real):
        dirs[:] = [d for d in dirs if d != "__pycache__" and not os.path.islink(os.path.join(root, d))]
        for name in files:
            p = os.path.realpath(os.path.join(root, name))
            if p.startswith(real + os.sep) and os.path.isfile(p):
                out.add(p)
    return sorted(out)


def shown_name(real: str, base: Path, folders: list[Path]) -> str:
    """How a file read is named in an output's record: relative to the lecture's folder, else to the
    folder holding its template (``templates/default/deck.pptx``), else by its last two parts; never an
    absolute path (a handout should not tell students where the lecturer keeps files)."""
    p = Path(real)
    for root in (base, *(Path(f).resolve().parent for f in folders)):
        try:
            return p.relative_to(root).as_posix()
        except ValueError:
            continue
    return "…/" + "/".join(p.parts[-2:])


@dataclass
class BuildRecord:
    """What one output was built from (see the module's documentation)."""

    source: str  # the lecture file's name
    source_hash: str | None
    options: dict[str, Any]  # resolved: slide_level, slide_level_asked, template, variant, fit, layout
    files: dict[str, str | None] = field(default_factory=dict)  # every file read (shown name) → sha256
    podium: str = ""
    kind: str = ""  # deck | handout | slides-pdf
    code: str = ""
    environment: dict[str, str] = field(default_factory=dict)
    # for the incremental skip, kept in the cache only (they hold absolute paths):
    paths: dict[str, str] = field(default_factory=dict)  # shown name → real path
    request: dict[str, Any] = field(default_factory=dict)  # what was asked of this output
    defaults: dict[str, Any] = field(default_factory=dict)  # what an option left unset resolved to

    _PUBLIC = ("source", "source_hash", "options", "files", "podium", "kind", "code", "environment")

    def to_json(self) -> str:
        """The record as written into an output: no absolute path, the same bytes on every machine."""
        d = {k: getattr(self, k) for k in self._PUBLIC}
        d["sha256"] = d.pop("source_hash")
        return json.dumps(d, sort_keys=True, ensure_ascii=True)

    @classmethod
    def from_json(cls, text: str) -> BuildRecord | None:
        """Return the record in ``text`` (as :meth:`to_json` writes it), or None when it is not one."""
        try:
            d = json.loads(text)
            return cls(
                str(d["source"]),
                str(d["sha256"]),
                dict(d["options"]),
                dict(d.get("files", {})),
                str(d.get("podium", "")),
                str(d.get("kind", "")),
                str(d.get("code", "")),
                dict(d.get("environment", {})),
            )
        except (ValueError, KeyError, TypeError, AttributeError):
            return None

    def unchanged(self, hashes: dict[str, str | None] | None = None) -> bool:
        """True when this Podium, in this environment, would read exactly the same files (``hashes``:
        files already hashed in this decision, shared between the outputs of one lecture)."""
        if self.podium != version() or self.code != code_fingerprint() or self.environment != environment():
            return False
        if not self.files or set(self.files) != set(self.paths):
            return False
        hashes = {} if hashes is None else hashes
        for name, recorded in self.files.items():
            real = self.paths[name]
            # a recorded path is a real path: if it has become a symbolic link, rebuild (and read nothing through it)
            if os.path.realpath(real) != real:
                return False
            if real not in hashes:
                hashes[real] = file_hash(real)
            if hashes[real] != recorded:
                return False
        return True


def make_record(
    kind: str,
    source: Path,
    inputs: dict[str, str | None],
    folders: list[Path],
    options: dict[str, Any],
    request: dict[str, Any],
    defaults: dict[str, Any],
) -> BuildRecord:
    """The record of an output about to be written: ``inputs`` maps the real path of every file the
    build read or looked for to its hash; ``folders`` are the template chain's folders."""
    base = Path(source).resolve().parent
    files: dict[str, str | None] = {}
    paths: dict[str, str] = {}
    for real, digest in inputs.items():
        name = shown_name(real, base, folders)
        files[name], paths[name] = digest, real
    return BuildRecord(
        source=Path(source).name,
        source_hash=inputs.get(os.path.realpath(source)),
        options=options,
        files=files,
        podium=version(),
        kind=kind,
        code=code_fingerprint(),
        environment=environment(),
        paths=paths,
        request=request,
        defaults=defaults,
    )


# --------------------------------------------------------------------------- what check says


def source_differences(deck: BuildRecord, handout: BuildRecord) -> list[str]:
    """Return, in words, how the sources of the deck and the handout differ (nothing when they agree)."""
    out = []
    if deck.source_hash != handout.source_hash:
        out.append(
            f"the deck and the handout were built from different versions of {deck.source}; "
            "rebuild both (python build.py all)"
        )
    changed = sorted(
        k
        for k in set(deck.files) & set(handout.files)
        if deck.files[k] != handout.files[k] and k != deck.source
    )
    if changed:
        out.append(f"the deck and the handout were built from different versions of {', '.join(changed[:5])}")
    return out


def option_differences(deck: BuildRecord, handout: BuildRecord) -> list[str]:
    """Return, in words, how the options of the deck and the handout differ (nothing when they agree)."""
    out = []
    for name in OPTIONS:
        a, b = deck.options.get(name), handout.options.get(name)
        if a != b:
            out.append(
                f"the deck was built with {_option(name, a, deck)}, the handout with "
                f"{_option(name, b, handout)}"
            )
    return out


def _option(name: str, value: Any, record: BuildRecord) -> str:
    flag = "--" + name.replace("_", "-")
    if name == "slide_level" and record.options.get("slide_level_asked") is None:
        return f"the default {value}"
    return f"{flag} {value}" if value not in (None, "") else f"no {flag}"


# --------------------------------------------------------------------------- beside the output (the cache)


def cache_root() -> Path:
    """Podium's cache folder: ``$PODIUM_CACHE``, else ``$XDG_CACHE_HOME/podium``, else
    ``~/.cache/podium`` (not the output folder, which holds only what a lecturer hands out).  Build
    records live in its ``builds/``, drawn pictures in its ``png/`` (:mod:`podium.rastercache`)."""
    env = os.environ.get("PODIUM_CACHE")
    if env:
        return Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "podium"


def cache_dir() -> Path:
    """Where build records live: ``builds/`` in :func:`cache_root`."""
    return cache_root() / "builds"


def entry_path(output: Path) -> Path:
    """One cache entry per output file (by its real path)."""
    real = os.path.realpath(output)
    return cache_dir() / f"{Path(output).name}-{hashlib.sha256(real.encode()).hexdigest()[:24]}.json"


@dataclass
class Entry:
    """What the cache knows of one output: its record, the hash of the file written, the build's
    warnings (shown again when the output is skipped), and the outputs checked together with it."""

    record: BuildRecord
    path: str  # the output's real path
    sha256: str | None
    diagnostics: list[dict[str, Any]] = field(default_factory=list)
    checked: dict[str, str | None] = field(default_factory=dict)  # real path → sha256, as checked

    def current(self) -> bool:
        """True when the output is still the file this build wrote."""
        return self.sha256 is not None and file_hash(self.path) == self.sha256


def save_entry(output: Path, entry: Entry) -> None:
    """Write the entry; one that cannot be written only costs a rebuild next time."""
    path = entry_path(output)
    data = {"format": FORMAT, **asdict(entry)}
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        tmp.write_text(json.dumps(data, indent=1, sort_keys=True, ensure_ascii=False), encoding="utf-8")
        os.replace(tmp, path)
    except OSError:
        pass


def load_entry(output: Path) -> Entry | None:
    """The cache entry of ``output``, or None (none, unreadable, another format, not for this path)."""
    try:
        d = json.loads(entry_path(output).read_text(encoding="utf-8"))
        if not isinstance(d, dict) or d.get("format") != FORMAT:
            return None
        entry = Entry(
            BuildRecord(**d["record"]),
            str(d["path"]),
            d["sha256"],
            list(d.get("diagnostics") or []),
            dict(d.get("checked") or {}),
        )
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return entry if entry.path == os.path.realpath(output) else None


# --------------------------------------------------------------------------- in the .pptx

_CUSTOM_CT = "application/vnd.openxmlformats-officedocument.custom-properties+xml"
_CUSTOM_RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties"
_CUSTOM_NS = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"
_VT_NS = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"
_FMTID = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}"


def add_to_pptx(prs: Any, record: BuildRecord) -> None:
    """Store ``record`` in the presentation's custom document properties (docProps/custom.xml)."""
    from pptx.opc.package import Part  # noqa: PLC0415 (python-pptx only when a deck is written)
    from pptx.opc.packuri import PackURI  # noqa: PLC0415 (python-pptx only when a deck is written)

    package = prs.part.package
    for rel in list(package._rels.values()):
        if rel.reltype == _CUSTOM_RT:  # a template's own custom properties: replaced, not doubled
            package._rels.pop(rel.rId)
    xml = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<Properties xmlns="{_CUSTOM_NS}" xmlns:vt="{_VT_NS}">'
        f'<property fmtid="{_FMTID}" pid="2" name="{KEY}"><vt:lpwstr>{escape(record.to_json(), quote=False)}</vt:lpwstr>'
        f"</property></Properties>"
    )
    part = Part(PackURI("/docProps/custom.xml"), _CUSTOM_CT, package, xml.encode("utf-8"))
    package.relate_to(part, _CUSTOM_RT)


def read_from_pptx(path: Path) -> BuildRecord | None:
    """Return the record stored in the deck at ``path``, or None when it has none."""
    import zipfile  # noqa: PLC0415 (only check reads a deck's record)

    from lxml import etree  # noqa: PLC0415 (only check reads a deck's record)

    try:
        with zipfile.ZipFile(path) as z:
            data = z.read("docProps/custom.xml")
    except (KeyError, OSError, zipfile.BadZipFile):
        return None
    try:
        root = etree.fromstring(
            data, etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
        )
    except etree.XMLSyntaxError:
        return None
    for prop in root.findall(f"{{{_CUSTOM_NS}}}property"):
        if prop.get("name") == KEY:
            value = prop.find(f"{{{_VT_NS}}}lpwstr")
            return BuildRecord.from_json(value.text or "") if value is not None else None
    return None


# --------------------------------------------------------------------------- in the PDF


def html_meta(record: BuildRecord) -> str:
    """Return the ``<meta>`` element WeasyPrint turns into the PDF's /podium-build entry."""
    return f'<meta name="{KEY}" content="{escape(record.to_json(), quote=True)}">'


def with_meta(html: str, record: BuildRecord) -> str:
    """Return the HTML of a PDF carrying ``record`` in its head."""
    head = re.search(r"<head[^>]*>", html, re.IGNORECASE)
    if head is None:  # the parser moves a leading <meta> into the head it makes
        return html_meta(record) + html
    return html[: head.end()] + html_meta(record) + html[head.end() :]


def add_to_pdf(path: Path, record: BuildRecord) -> None:
    """Store ``record`` in the document information of the PDF at ``path`` (one another program
    wrote: LibreOffice's slides PDF), rewriting it in place."""

    from pypdf import PdfWriter  # noqa: PLC0415 (pypdf only when a LibreOffice PDF gets its record)

    writer = PdfWriter(clone_from=str(path))
    writer.add_metadata({"/" + KEY: record.to_json()})
    buf = io.BytesIO()
    writer.write(buf)
    write_atomic(path, buf.getvalue())


def read_from_pdf(reader: Any) -> BuildRecord | None:
    """Return the record in the document information of a pypdf ``reader``, or None."""
    info = reader.metadata or {}
    for name, value in info.items():  # WeasyPrint writes the name without its hyphen: /podiumbuild
        if re.sub(r"[^a-z]", "", str(name).lower()) == re.sub(r"[^a-z]", "", KEY):
            return BuildRecord.from_json(str(value))
    return None
