"""remark.js's HTML page: the slides' Markdown written in the page's ``<textarea id="source">`` (read line
for line, the rest of the page blanked, as remark reads the element's text), or the Markdown file its
``remark.create({sourceUrl: …})`` loads (in the page, or in a script file of the page's folder)."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

# (remark reads the element whose id is "source": a <textarea>, or a <pre> in its early pages)
_SOURCE_OPEN = re.compile(
    r"""<(textarea|pre)\b[^>]*?\bid\s*=\s*(?:"source"|'source'|source(?=[\s>]))[^>]*>""", re.I
)
# (a comment ends at its first "-->": written so, a file of many comments and no page is read in one pass,
# where `<!--.*?-->` repeated tried every way of grouping them)
_PAGE_START = re.compile(
    r"\A\ufeff?\s*(?:<!--(?:[^-]|-(?!->))*-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.I
)
_CREATE = re.compile(r"\bremark\s*\.\s*create\s*\(")
_REMARK_SCRIPT = re.compile(r"""<script\b[^>]*?\bsrc\s*=\s*["']?[^"'\s>]*/?remark[-.\w]*\.js\b""", re.I)
# sourceUrl's value: a string written out ('slides.md'), or an expression the page computes
_SOURCE_URL = re.compile(
    r"""["']?\bsourceUrl["']?\s*:\s*(?:(["'`])([^"'`\n]*)\1(?=\s*[,}\n])|([^,}\n]+))""",
)
_SCRIPT_SRC = re.compile(r"""<script\b[^>]*?\bsrc\s*=\s*["']?([^"'\s>]+)""", re.I)
_REMARK_OWN = re.compile(r"remark(?:[-.](?:latest|min|\d[\w.]*))*\.js$", re.I)  # (remark's own library)
_LEADING = re.compile(r"^[ \t]*(?=[^ \t])")


@dataclass(frozen=True)
class Page:
    """What a remark.js page says of its slides: ``markdown``, the page with everything but its source
    element's Markdown blanked line for line (None: the page has none); ``line``: the line index of that
    element's opening tag, or of the ``sourceUrl`` (0: the page says neither); ``url``: the file
    ``sourceUrl`` names (``computed``: its value is an expression, which Podium cannot tell)."""

    markdown: str | None
    line: int
    url: str | None = None
    computed: str | None = None


def is_page(text: str, shown: str) -> bool:
    """Is ``text`` (named ``shown``) an HTML page that runs remark.js?"""
    if not (shown.lower().endswith((".html", ".htm")) or _PAGE_START.match(text)):
        return False
    return "remark" in text.lower() and bool(
        _SOURCE_OPEN.search(text) or _CREATE.search(text) or _REMARK_SCRIPT.search(text)
    )


def remark_page(text: str, shown: str) -> Page | None:
    """The slides of ``text`` where it is a remark.js page (:func:`is_page`); else None."""
    if not is_page(text, shown):
        return None
    opened = _SOURCE_OPEN.search(text)
    if opened is not None:
        return Page(_source_markdown(text, opened), text.count("\n", 0, opened.start()))
    url = source_url(text)
    if url is not None:
        return Page(None, text.count("\n", 0, url[2]), url[0], url[1])
    call = _CREATE.search(text) or _REMARK_SCRIPT.search(text)  # (its slides: perhaps in a script file)
    return Page(None, text.count("\n", 0, call.start()) if call is not None else 0)


def source_url(text: str) -> tuple[str | None, str | None, int] | None:
    """The ``sourceUrl`` a script in ``text`` hands remark: (the file named, or None; the expression
    that computes it, or None; where it is written); None where it names none."""
    found = _SOURCE_URL.search(text)
    if found is None:
        return None
    if found.group(2) is not None:
        return found.group(2).strip(), None, found.start()
    return None, found.group(3).strip(), found.start()


def local_scripts(text: str) -> list[str]:
    """The script files a page loads from its own folder (remark's own and any on the network left out)."""
    return [
        src
        for src in _SCRIPT_SRC.findall(text)
        if "://" not in src and not src.startswith("//") and not _REMARK_OWN.match(src.rsplit("/", 1)[-1])
    ]


def _source_markdown(text: str, opened: re.Match) -> str:
    """``text`` with only the Markdown inside the source element ``opened`` kept, every other line blank:
    its common indent taken off (remark's cleanInput) and its character references read (the element's
    text, as remark takes it from the page)."""
    close = re.compile(rf"</{opened.group(1)}\s*>", re.I).search(text, opened.end())
    end = close.start() if close is not None else len(text)
    first = text.count("\n", 0, opened.end())
    inside = text[opened.end() : end].split("\n")
    lines = [""] * (text.count("\n") + 1)
    indents = [len(x.group(0)) for line in inside if (x := _LEADING.match(line)) is not None]
    cut = min(indents, default=0)
    for j, line in enumerate(inside):
        kept = re.sub(rf"^[ \t]{{0,{cut}}}", "", line)
        lines[first + j] = html.unescape(kept) if "&" in kept else kept
    return "\n".join(line if line.strip() else "" for line in lines)
