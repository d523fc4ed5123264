"""remark.js's HTML page: the slides' Markdown written in the page's ``<textarea id="source">`` (read line
for line, the rest of the page blanked, as remark reads the element's text), or the Markdown file its
``remark.create({sourceUrl: …})`` loads (in the page, or in a script file of the page's folder), or the
string its ``remark.create({source: …})`` is given in the page's script (JS string literals, ``+`` between)."""

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
    ``sourceUrl`` names (``computed``: its value is an expression, which Podium cannot tell).  ``given``:
    "source" where the Markdown is the string ``remark.create({source: …})`` is given (blank lines before
    it, so that its first line is the line of ``source:``), or where that value is an expression
    (``computed``)."""

    markdown: str | None
    line: int
    url: str | None = None
    computed: str | None = None
    given: str = "textarea"


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
    given = source_option(text)  # (remark takes the `source` option before the page's element)
    if given is not None:
        markdown, computed, at = given
        line = text.count("\n", 0, at)
        if markdown is None:
            return Page(None, line, computed=computed, given="source")
        return Page("\n" * line + markdown, line, given="source")
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


_SCRIPT_OPEN = re.compile(r"<script\b", re.I)
_SCRIPT_CLOSE = re.compile(r"</script\s*>", re.I)
# the `source` key of an object (`source:`, `"source":`), not `sourceUrl`, not a member (`x.source:`)
_NAME = re.compile(r"[A-Za-z_$][\w$]*")
_SOURCE_KEY = re.compile(r"""(?<![\w$.])(["']?)source\1\s*:\s*""")
_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "b": "\b", "f": "\f", "v": "\v", "0": "\0"}


def source_option(text: str, script: bool = False) -> tuple[str | None, str | None, int] | None:
    """The ``source`` option a page's own script (``script``: ``text`` is a script file) gives
    ``remark.create`` (in the call's object, or in the object of the variable it is given): (the Markdown,
    where it is JS string literals, joined by ``+``; else None and the expression, which Podium cannot
    read; where ``source:`` is written); None where the page gives no such option."""
    codes = [(text, 0)] if script else _inline_scripts(text)
    for code, base in codes:
        call = _CREATE.search(code)  # (a page creates its slide show once)
        obj = _options_object(code, call.end()) if call is not None else None
        key = _top_level_key(code, obj) if obj is not None else None
        if key is not None:
            value, expr = _js_strings(code, key.end())
            return value, expr, base + key.start()
    return None


def _inline_scripts(text: str) -> list[tuple[str, int]]:
    """The code of each ``<script>`` element of a page, with where it begins (an element left open: to the
    page's end), found in one pass."""
    out: list[tuple[str, int]] = []
    at = 0
    while (opened := _SCRIPT_OPEN.search(text, at)) is not None:
        start = text.find(">", opened.end()) + 1
        if start == 0:
            break
        closed = _SCRIPT_CLOSE.search(text, start)
        end = closed.start() if closed is not None else len(text)
        out.append((text[start:end], start))
        at = closed.end() if closed is not None else len(text)
    return out


def _options_object(code: str, at: int) -> int | None:
    """Where the object literal handed to ``remark.create(`` (at ``at``) opens: the call's own ``{``, or the
    ``{`` a variable of that name is set to (``var options = {``); None where neither is written."""
    after = _after_blank(code, at)
    if code.startswith("{", after):
        return after
    name = _NAME.match(code, after)
    if name is None:
        return None
    set_to = re.search(rf"(?<![\w$.]){re.escape(name.group(0))}\s*=\s*\{{", code)
    return set_to.end() - 1 if set_to is not None else None


def _top_level_key(code: str, brace: int) -> re.Match | None:
    """The ``source`` key of the object literal opening at ``brace``, at its own level (not a nested
    object's), skipping strings and comments; None where it has none."""
    depth, i = 0, brace
    while i < len(code):
        c = code[i]
        if c in "\"'`":
            i = _string_end(code, i)
            continue
        if code.startswith(("//", "/*"), i):
            i = _after_blank(code, i)
            continue
        if c in "{[(":
            depth += 1
        elif c in "}])":
            depth -= 1
            if depth == 0:
                return None
        if depth == 1 and c in "{,":  # (a key of the object's own begins after these)
            key = _SOURCE_KEY.match(code, _after_blank(code, i + 1))
            if key is not None:
                return key
        i += 1
    return None


def _after_blank(code: str, i: int) -> int:
    """Where the next JS token after ``i`` begins: past spaces and comments (one left open: the code's end)."""
    while i < len(code):
        if code[i].isspace():
            i += 1
        elif code.startswith("//", i):
            i = len(code) if (nl := code.find("\n", i)) < 0 else nl
        elif code.startswith("/*", i):
            i = len(code) if (close := code.find("*/", i + 2)) < 0 else close + 2
        else:
            break
    return i


def _string_end(code: str, i: int) -> int:
    """Where the JS string literal opening at ``i`` ends (past its closing quote, or the end of the code)."""
    quote, j = code[i], i + 1
    while j < len(code) and code[j] != quote:
        j += 2 if code[j] == "\\" else 1
    return j + 1


def _js_strings(code: str, at: int) -> tuple[str | None, str | None]:
    """The value at ``at`` where it is JS string literals (quoted or template, escapes read) joined by
    ``+``: (the text, None); else (None, the expression as written, shortened)."""
    parts: list[str] = []
    i = at
    while True:
        i = _after_blank(code, i)
        if i >= len(code) or code[i] not in "\"'`":
            break
        end = _string_end(code, i)
        body = code[i + 1 : end - 1]
        if code[i] == "`" and "${" in body:
            break  # (a template that computes part of itself)
        parts.append(_unescaped(body))
        i = _after_blank(code, end)
        if code.startswith("+", i):
            i += 1
            continue
        if i >= len(code) or code[i] in ",}":
            return "".join(parts), None
        break
    written = " ".join(code[at : _expression_end(code, at)].split())
    return None, written if len(written) <= 60 else written[:59] + "…"


def _expression_end(code: str, at: int) -> int:
    """Where the JS expression at ``at`` (an object's value) ends: at the first ``,`` or ``}`` outside its
    own brackets and strings."""
    depth, i = 0, at
    while i < len(code):
        c = code[i]
        if c in "\"'`":
            i = _string_end(code, i)
            continue
        if c in "([{":
            depth += 1
        elif c in ")]}" and depth == 0 or c == "," and depth == 0:
            return i
        elif c in ")]}":
            depth -= 1
        i += 1
    return i


def _unescaped(body: str) -> str:
    """A JS string literal's text: its escapes read (``\\n``, ``\\"``, ``\\u00e9``, ``\\x41``), a
    backslash at a line's end continuing the line."""

    def one(x: re.Match) -> str:
        e = x.group(1)
        if e.startswith(("u{", "u")) and len(e) > 1:
            return chr(int(e.strip("u{}"), 16))
        if e.startswith("x") and len(e) == 3:
            return chr(int(e[1:], 16))
        if e in ("\n", "\r\n"):
            return ""
        return _ESCAPES.get(e, e)

    return re.sub(r"\\(u\{[0-9a-fA-F]+\}|u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|\r\n|[\s\S])", one, body)


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
