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

Neither of the SVG renderers Podium uses (cairosvg for the deck's PNG, WeasyPrint for the PDFs)
reads ``paint-order``, and PowerPoint's may not: a label drawn with ``paint-order="stroke"`` (a
white halo under coloured text, as browsers draw it) would come out white.  :func:`sanitize` and
:func:`stroke_under_fill` (what the PDFs read an SVG picture through) draw each such element as
two: :func:`split_paint_order`.
"""

from __future__ import annotations

import copy
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

# what paint-order applies to: shapes and text (a text's tspans and textPaths are drawn with it)
_PAINTED = {"path", "rect", "circle", "ellipse", "line", "polyline", "polygon", "text"}
_MARKED = {"path", "line", "polyline", "polygon"}  # (what markers are drawn on)
_PAINT_DEFAULT = ("fill", "stroke", "markers")
_PAINT_ORDER_DECL = re.compile(r"(?:^|;)\s*paint-order\s*:\s*([^;]*)", re.I)


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


def _paint_order(value: str | None, inherited: tuple[str, ...]) -> tuple[str, ...] | None:
    """Return the full painting order ``value`` (a ``paint-order`` value) gives, ``inherited`` for
    ``inherit``/``unset``, or None when it says nothing usable (no value, or an invalid one)."""
    if value is None:
        return None
    words = value.replace("!important", " ").lower().split()
    if words in (["inherit"], ["unset"]):
        return inherited
    if words in (["normal"], ["initial"]):
        return _PAINT_DEFAULT
    if not words or len(set(words)) != len(words) or not set(words) <= set(_PAINT_DEFAULT):
        return None
    return (*words, *(w for w in _PAINT_DEFAULT if w not in words))


def _style_paint_order(style: str | None) -> str | None:
    """The last ``paint-order`` declaration's value in a ``style`` attribute, or None."""
    found = _PAINT_ORDER_DECL.findall(style or "")
    return found[-1].strip() if found else None


def _sheet_paint_orders(root) -> dict[int, str]:
    """The ``paint-order`` the SVG's own ``<style>`` rules give each element (by ``id()``): the rule
    of highest specificity, the last among equals, ``!important`` first (cssselect2, as WeasyPrint
    matches them).  Empty when no ``<style>`` mentions paint-order."""
    sheets = [el.text for el in root.iter() if _local(el.tag) == "style" and "paint-order" in (el.text or "")]
    if not sheets:
        return {}
    import cssselect2  # noqa: PLC0415 (WeasyPrint's selector matcher: only an SVG stylesheet with paint-order needs it)
    import tinycss2  # noqa: PLC0415

    matcher = cssselect2.Matcher()
    for sheet in sheets:
        for rule in tinycss2.parse_stylesheet(sheet, skip_comments=True, skip_whitespace=True):
            if rule.type != "qualified-rule":
                continue  # (@media and the like: their rules are left as they are)
            value = None
            for decl in tinycss2.parse_blocks_contents(
                rule.content, skip_comments=True, skip_whitespace=True
            ):
                if decl.type == "declaration" and decl.lower_name == "paint-order":
                    value = (tinycss2.serialize(decl.value).strip(), decl.important)
            if value is None:
                continue
            try:
                selectors = cssselect2.compile_selector_list(rule.prelude)
            except cssselect2.SelectorError:
                continue
            for selector in selectors:
                if not selector.pseudo_element:
                    matcher.add_selector(selector, value)
    found: dict[int, str] = {}
    for wrapper in cssselect2.ElementWrapper.from_xml_root(root).iter_subtree():
        matches = [payload for *_, payload in matcher.match(wrapper)]
        if matches:
            important = [v for v, imp in matches if imp]
            found[id(wrapper.etree_element)] = (important or [v for v, _ in matches])[-1]
    return found


def _add_style(el, declarations: str) -> None:
    """Add ``declarations`` to ``el``'s ``style`` attribute, after (and so over) what it says."""
    style = (el.get("style") or "").strip().rstrip(";")
    el.set("style", f"{style};{declarations}" if style else declarations)


def split_paint_order(root) -> int:
    """Draw each shape or text of ``root`` whose ``paint-order`` puts its stroke under its fill as two
    elements in its place: a copy with only the stroke (``fill:none``, no ids), then the element
    with only its fill (``stroke:none``); markers go with the one their place in the order puts them.
    The order is read as a browser reads it: from the element's ``style``, its ``<style>`` rules, its
    attribute, else its parent's.  Return how many elements were split."""
    sheet = _sheet_paint_orders(root)

    def own(el, inherited: tuple[str, ...]) -> tuple[str, ...] | None:
        return (
            _paint_order(_style_paint_order(el.get("style")), inherited)
            or _paint_order(sheet.get(id(el)), inherited)
            or _paint_order(el.get("paint-order"), inherited)
        )

    to_split: list[tuple[ET.Element, ET.Element, tuple[str, ...]]] = []
    todo: list[tuple[ET.Element, ET.Element | None, tuple[str, ...]]] = [
        (root, None, _PAINT_DEFAULT)
    ]  # (an element, its parent, the order it inherits)
    while todo:
        el, parent, inherited = todo.pop()
        local = _local(el.tag)
        if local == "clipPath":
            continue  # (only its outline counts: nothing there is painted)
        order = own(el, inherited) or inherited
        if local not in _PAINTED:
            todo.extend((child, el, order) for child in el)
            continue
        orders: list[tuple[str, ...] | None] = [order]
        if local == "text":  # a tspan may say it for its own words: the text is split if any does
            orders += [own(part, order) for part in el.iter()]
        under = next((o for o in orders if o is not None and o.index("stroke") < o.index("fill")), None)
        if under is not None and parent is not None:
            to_split.append((el, parent, under))
    for el, parent, order in to_split:
        markers_first = order.index("markers") < order.index("fill")
        no_markers = "marker-start:none;marker-mid:none;marker-end:none"
        stroke = copy.deepcopy(el)
        stroke.tail = None
        for part in stroke.iter():
            part.attrib.pop("id", None)  # (ids stay unique: a reference finds the element itself)
            _add_style(part, "fill:none")
        stroke.set("aria-hidden", "true")  # (the words are read once, from the element drawn over it)
        for part in el.iter():
            _add_style(part, "stroke:none")
        if _local(el.tag) in _MARKED:
            _add_style(el if markers_first else stroke, no_markers)
        parent.insert(list(parent).index(el), stroke)
    return len(to_split)


def stroke_under_fill(data: bytes) -> bytes:
    """Return the SVG ``data`` with :func:`split_paint_order` applied, or ``data`` itself when nothing
    puts a stroke under a fill (or it cannot be read, or is too large: what draws it says so)."""
    if b"paint-order" not in data:
        return data
    try:
        root = _parse(data)
    except (DefusedXmlException, SvgProblem):
        return data
    if check(data) is not None or not split_paint_order(root):
        return data
    ET.register_namespace("", SVG_NS)
    ET.register_namespace("xlink", XLINK_NS)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


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
    split_paint_order(root)
    ET.register_namespace("", SVG_NS)
    ET.register_namespace("xlink", XLINK_NS)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)
