"""SVG pictures from a lecture: bounded in size and stripped of everything active before any use.

:func:`check` is what the path policy runs on every SVG picture: more than :data:`MAX_ELEMENTS`
elements, or ``<use>`` references that would expand to more than :data:`MAX_EXPANDED` drawn
elements (a "use bomb": each ``<use>`` repeats a group that repeats the one before), and the
picture is refused in both outputs.  :func:`sanitize` is what the deck embeds (and draws its PNG
fallback from): the same document without scripts, ``foreignObject``, elements from other XML
namespaces, event attributes (``onload=…``), and references that leave the document: every
``href`` except ``#fragment`` and inline ``data:image/png|jpeg|gif`` pictures, and CSS
``url(…)``/``@import`` that point elsewhere (``file://``, ``http://``, relative paths).  XML
entities and DTDs are refused (``defusedxml``), so a "billion laughs" file is never expanded.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import defusedxml.ElementTree as DET
from defusedxml import DefusedXmlException

SVG_NS = "http://www.w3.org/2000/svg"
XLINK_NS = "http://www.w3.org/1999/xlink"
MAX_ELEMENTS = 50_000
MAX_EXPANDED = 200_000
MAX_DATA_URI = 10 * 2**20  # characters of one inline data: picture inside an SVG

_DROP = {"script", "foreignObject", "iframe", "embed", "object", "audio", "video", "handler", "listener"}
_SAFE_DATA = re.compile(r"^\s*data:image/(png|jpeg|jpg|gif);", re.I)
_CSS_URL = re.compile(r"url\(\s*(['\"]?)(.*?)\1\s*\)", re.I | re.S)
_CSS_IMPORT = re.compile(r"@import[^;]*;?", re.I)


class SvgProblem(ValueError):
    """The SVG is too large to draw or cannot be read; the message says which."""


def _parse(data: bytes):
    try:
        return DET.fromstring(data, forbid_dtd=False, forbid_entities=True, forbid_external=True)
    except DefusedXmlException:
        raise
    except Exception as e:  # a ParseError, or a value the parser cannot take
        raise SvgProblem(f"is not a readable SVG ({type(e).__name__})") from None


def _local(tag) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _ns(tag) -> str:
    return tag[1:].split("}", 1)[0] if isinstance(tag, str) and tag.startswith("{") else ""


def _href(el) -> str | None:
    return el.get(f"{{{XLINK_NS}}}href") or el.get("href")


def expanded_size(root) -> int:
    """Return how many elements drawing ``root`` creates, each ``<use>`` counted as a copy of its target.

    Computed once per element (memoised), so a use bomb is measured without being expanded; a
    ``<use>`` cycle counts as too large.
    """
    by_id = {el.get("id"): el for el in root.iter() if el.get("id")}
    memo: dict[int, int] = {}
    active: set[int] = set()

    def size(el) -> int:
        key = id(el)
        if key in memo:
            return memo[key]
        if key in active:
            return MAX_EXPANDED + 1  # a use that refers to itself
        active.add(key)
        total = 1 + sum(size(child) for child in el)
        if _local(el.tag) == "use":
            target = (_href(el) or "").lstrip("#")
            if target in by_id:
                total += size(by_id[target])
        active.discard(key)
        memo[key] = min(total, MAX_EXPANDED + 1)
        return memo[key]

    return size(root)


def check(data: bytes) -> str | None:
    """Return why the SVG ``data`` is too large to draw (a phrase after its name), or None.

    An SVG that cannot be parsed, or declares entities, is left for the deck to report (it says
    it cannot draw it); here only the sizes are judged.
    """

    try:
        root = _parse(data)
    except (DefusedXmlException, SvgProblem):
        return None
    count = sum(1 for _ in root.iter())
    if count > MAX_ELEMENTS:
        return f"has {count:,} elements (at most {MAX_ELEMENTS:,})"
    try:
        expanded = expanded_size(root)
    except RecursionError:
        return "nests <use> elements too deeply"
    if expanded > MAX_EXPANDED:
        return f'repeats its parts through <use> into more than {MAX_EXPANDED:,} elements (a "use bomb")'
    return None


def _clean_css(text: str) -> str:
    text = _CSS_IMPORT.sub("", text)
    return _CSS_URL.sub(lambda mt: mt.group(0) if mt.group(2).strip().startswith("#") else "none", text)


def sanitize(data: bytes) -> bytes:
    """Return ``data`` without scripts, foreign content, event handlers or references outside the document."""

    root = _parse(data)
    problem = check(data)
    if problem is not None:
        raise SvgProblem(problem)
    parents = {child: parent for parent in root.iter() for child in parent}
    for el in list(root.iter()):
        local, ns = _local(el.tag), _ns(el.tag)
        if el is not root and (local in _DROP or (ns and ns != SVG_NS) or not isinstance(el.tag, str)):
            parent = parents.get(el)
            if parent is not None:
                parent.remove(el)
            continue
        for name in list(el.attrib):
            attr = _local(name).lower()
            value = el.attrib[name]
            if attr.startswith("on"):
                del el.attrib[name]
            elif attr == "href":
                v = value.strip()
                if not (v.startswith("#") or (_SAFE_DATA.match(v) and len(v) <= MAX_DATA_URI)):
                    del el.attrib[name]
            elif attr == "style" or "url(" in value.lower():
                el.attrib[name] = _clean_css(value)
        if local == "style" and el.text:
            el.text = _clean_css(el.text)
    ET.register_namespace("", SVG_NS)
    ET.register_namespace("xlink", XLINK_NS)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)
