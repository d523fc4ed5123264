"""The build record: what an output was built from, stored inside the output itself.

Each deck and handout records the source's hash, every file the build read (with hashes), the
options that shape the result (slide level, template, variant, fit) and Podium's version.  The
deck keeps it in a custom document property (``docProps/custom.xml``, File ▸ Properties ▸ Custom
in PowerPoint), the handout in its PDF document information.  ``check`` reads both records and
says plainly when the two outputs were built from different sources or options.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import model as m

KEY = "podium-build"  # the property name, in the deck and in the PDF (as /podium-build)
# the options that must agree between deck and handout (the variant and layout differ by design:
# the deck is the lecturer's, the handout usually the students')
OPTIONS = ("slide_level", "template", "fit")


def version() -> str:
    """Return Podium's installed version ("unknown" when run from a bare checkout)."""
    from importlib.metadata import PackageNotFoundError
    from importlib.metadata import version as dist_version

    try:
        return dist_version("podium")
    except PackageNotFoundError:
        return "unknown"


def file_hash(path: str | Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


@dataclass
class BuildRecord:
    """What one output was built from."""

    source: str  # the lecture file's name
    source_hash: str
    options: dict[str, Any]
    files: dict[str, str] = field(default_factory=dict)  # every file read → its sha256
    podium: str = ""

    def to_json(self) -> str:
        return json.dumps(
            {
                "source": self.source,
                "sha256": self.source_hash,
                "options": self.options,
                "files": self.files,
                "podium": self.podium,
            },
            sort_keys=True,
            ensure_ascii=True,
        )

    @classmethod
    def from_json(cls, text: str) -> BuildRecord | None:
        """Return the record in ``text``, or None when it is not one."""
        try:
            d = json.loads(text)
            return cls(
                str(d["source"]),
                str(d["sha256"]),
                dict(d["options"]),
                dict(d.get("files", {})),
                str(d.get("podium", "")),
            )
        except (ValueError, KeyError, TypeError):
            return None


def make_record(
    source: Path, lecture: m.Lecture, template_name: str, options: Any, handout: Any = None
) -> BuildRecord:
    """Return the record of building ``lecture`` (read from ``source``) with ``options``."""
    base = source.resolve().parent
    read = [source.resolve()]
    course = base / "course.yaml"
    if course.is_file():
        read.append(course)
    read += [Path(n.path) for n in m.walk(lecture.slides) if isinstance(n, m.Image) and n.path]
    files = {}
    for p in read:
        try:
            files[_shown(p, base)] = file_hash(p)
        except OSError:
            continue
    opts = {
        "slide_level": lecture.slide_level,
        "slide_level_asked": getattr(options, "slide_level", None),
        "template": template_name,
        "variant": _value(
            getattr(handout, "variant", None) or getattr(options, "variant", None) or "instructor"
        ),
        "fit": getattr(options, "fit", None),
        "layout": _value(getattr(handout, "layout", None)),
    }
    return BuildRecord(source.name, files[_shown(source.resolve(), base)], opts, files, version())


def _value(x: Any) -> Any:
    return getattr(x, "value", x)


def _shown(p: Path, base: Path) -> str:
    try:
        return str(p.relative_to(base))
    except ValueError:
        return str(p)


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


# --------------------------------------------------------------------------- in the .pptx

_CUSTOM_CT = "application/vnd.openxmlformats-officedocument.custom-properties+xml"
_CUSTOM_RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties"
_CUSTOM_NS = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"
_VT_NS = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"
_FMTID = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}"


def add_to_pptx(prs: Any, record: BuildRecord) -> None:
    """Store ``record`` in the presentation's custom document properties (docProps/custom.xml)."""
    from xml.sax.saxutils import escape

    from pptx.opc.package import Part
    from pptx.opc.packuri import PackURI

    package = prs.part.package
    for rel in list(package._rels.values()):
        if rel.reltype == _CUSTOM_RT:  # a template's own custom properties: replaced, not doubled
            package._rels.pop(rel.rId)
    xml = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<Properties xmlns="{_CUSTOM_NS}" xmlns:vt="{_VT_NS}">'
        f'<property fmtid="{_FMTID}" pid="2" name="{KEY}"><vt:lpwstr>{escape(record.to_json())}</vt:lpwstr>'
        f"</property></Properties>"
    )
    part = Part(PackURI("/docProps/custom.xml"), _CUSTOM_CT, package, xml.encode("utf-8"))
    package.relate_to(part, _CUSTOM_RT)


def read_from_pptx(path: Path) -> BuildRecord | None:
    """Return the record stored in the deck at ``path``, or None when it has none."""
    import zipfile

    from lxml import etree

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
    from html import escape

    return f'<meta name="{KEY}" content="{escape(record.to_json(), quote=True)}">'


def with_meta(html: str, record: BuildRecord) -> str:
    """Return the handout ``html`` carrying ``record`` in its head."""
    head = re.search(r"<head[^>]*>", html, re.IGNORECASE)
    if head is None:  # the parser moves a leading <meta> into the head it makes
        return html_meta(record) + html
    return html[: head.end()] + html_meta(record) + html[head.end() :]


def read_from_pdf(reader: Any) -> BuildRecord | None:
    """Return the record in the document information of a pypdf ``reader``, or None."""
    info = reader.metadata or {}
    for name, value in info.items():  # WeasyPrint writes the name without its hyphen: /podiumbuild
        if re.sub(r"[^a-z]", "", str(name).lower()) == re.sub(r"[^a-z]", "", KEY):
            return BuildRecord.from_json(str(value))
    return None
