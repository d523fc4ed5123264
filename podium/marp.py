"""Marp decks (front matter ``marp: true``), read as Marp means them.

Marp (and Marpit, which it is built on) reads the same Markdown with other rules for slides:

* ``---`` alone separates slides; headings do not, unless ``headingDivider: N`` says that every
  heading of level N or above starts one.  A slide's first heading is its title, later ones are
  headings inside it, and no slide is made from the front matter's ``title``.
* An HTML comment is a *directive* when it holds only directives (``<!-- _class: lead -->``,
  ``<!-- paginate: false -->``), which style Marp's own rendering and are ignored here; any other
  comment is the slide's presenter notes.
* A picture's alt text holds keywords: ``bg`` makes it the slide's background (``bg left:40%`` /
  ``bg right`` a split background beside the content), ``w:400px`` / ``width:`` / ``h:`` /
  ``height:`` its size, and filters (``sepia``, ``blur:4px`` …).  The other words are its alt text,
  shown nowhere (Marp shows no captions).
* ``*`` bullets and ``1)`` numbers are fragmented lists: they appear item by item.

This module knows the keywords and directives; :mod:`podium.reader` applies them when the front
matter says ``marp: true``.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import yaml

from . import yamlsafe

# Marp's and Marpit's directives (global and local; a local one may start with "_" for one slide)
DIRECTIVES = frozenset(
    {
        "marp",
        "theme",
        "style",
        "headingDivider",
        "lang",
        "size",
        "math",
        "title",
        "description",
        "author",
        "keywords",
        "url",
        "image",
        "paginate",
        "header",
        "footer",
        "class",
        "backgroundColor",
        "backgroundImage",
        "backgroundPosition",
        "backgroundRepeat",
        "backgroundSize",
        "color",
        "transition",
    }
)

# The global ones among them (Marpit's, Marp Core's ``math``/``size``, Marp CLI's metadata): each holds for the
# whole deck, set in the front matter or in a directive comment anywhere, the last one written winning
GLOBALS = frozenset(
    {
        "headingDivider",
        "style",
        "theme",
        "lang",
        "math",
        "size",
        "title",
        "description",
        "author",
        "keywords",
        "url",
        "image",
    }
)


def is_spot_directive(key: object) -> bool:
    """Whether ``key`` is a spot directive of Marp's (``_class``, ``_paginate``, ``_footer``…): a local
    directive, ``_`` in front, that holds for its slide only (in the front matter, the first slide)."""
    return isinstance(key, str) and key.startswith("_") and key[1:] in DIRECTIVES - GLOBALS - {"marp"}


# Marp's own options a deck's front matter may hold besides its directives (``html: true``: its HTML is
# shown, as Marp CLI's ``--html`` and Marp for VS Code's setting allow): no note that Podium does not use them
OPTIONS = frozenset({"html"})

_FILTERS = frozenset(
    {
        "blur",
        "brightness",
        "contrast",
        "drop-shadow",
        "grayscale",
        "hue-rotate",
        "invert",
        "opacity",
        "saturate",
        "sepia",
    }
)
_BG_WORDS = frozenset({"contain", "cover", "fit", "auto", "vertical", "left", "right"})
_SIZE = re.compile(r"^(w|width|h|height):(\d+(?:\.\d+)?(?:px|%|cm|mm|in|pt|em)?)$")
_SIDE = re.compile(r"^(left|right)(?::(\d+(?:\.\d+)?)%)?$")
_PERCENT = re.compile(r"^\d+(?:\.\d+)?%$")


def wanted(raw_meta: Mapping[str, Any], body: str = "") -> bool:
    """True for a Marp deck: its front matter says ``marp: true``, or (Marp's own tools need no such
    key) it has two of Marp's signs and no key of another tool: Marp's front matter keys
    (``paginate:``, ``headingDivider:``, ``theme: gaia``…), its directive comments (``<!-- _class:
    lead -->``), its picture keywords (``![bg left:40%](…)``, ``![w:300](…)``)."""
    if raw_meta.get("marp") is True:
        return True
    if raw_meta.get("marp") is not None or any(k in raw_meta for k in _OTHER_TOOLS):
        return False
    signs = {k for k in _MARP_KEYS if k in raw_meta}
    if str(raw_meta.get("theme", "")).lower() in ("gaia", "uncover"):
        signs.add("theme")
    if _DIRECTIVE_SIGN.search(body):
        signs.add("directive")
    if _PICTURE_SIGN.search(body):
        signs.add("picture")
    return len(signs) >= 2


_MARP_KEYS = ("paginate", "headingDivider", "backgroundColor", "backgroundImage", "_class", "header")
_OTHER_TOOLS = ("format", "output", "revealOptions", "separator", "layout", "documentclass", "aspectratio")
_DIRECTIVE_SIGN = re.compile(
    r"<!--\s*_?(?:class|paginate|backgroundColor|backgroundImage|color|header|footer|headingDivider)\s*:"
)
_PICTURE_SIGN = re.compile(r"!\[(?:bg\b|(?:w|h|width|height):\d)")


def heading_divider(raw_meta: Mapping[str, Any]) -> int:
    """The level at or above which a heading starts a slide (``headingDivider``); 0: none does."""
    value = raw_meta.get("headingDivider")
    if isinstance(value, bool):
        return 0
    if isinstance(value, int) and 1 <= value <= 6:
        return value
    if isinstance(value, list) and value and all(isinstance(v, int) and 1 <= v <= 6 for v in value):
        return max(value)  # (Marp splits at each level listed; the deepest bounds it here)
    return 0


def directives(comment: str) -> dict[str, Any] | None:
    """The directives an HTML comment's text (without ``<!--``/``-->``) sets, or None when it is not a
    directive comment (then it is a presenter note)."""
    text = comment.strip()
    if not text or ":" not in text:
        return None
    try:
        data = yamlsafe.load(text)
    except Exception:  # not YAML: words, a note; or a directive's value YAML cannot read
        data = loose_yaml(text)
    if not isinstance(data, dict) or not data:
        return None
    if all(isinstance(k, str) and k.lstrip("_") in DIRECTIVES for k in data):
        return data
    old: dict[Any, str] = {
        k: k[1:] for k in data if isinstance(k, str) and k.startswith("$") and k[1:] in GLOBALS
    }
    if old and all(k in old or isinstance(k, str) and k.lstrip("_") in DIRECTIVES for k in data):
        # (``$theme``: Marp's old spelling of a global directive, still read)
        return {old.get(k, str(k)): v for k, v in data.items()}
    return None


def divider_value(value: Any) -> bool:
    """Whether ``value`` is one Marp takes for ``headingDivider`` (a level 1 to 6, a list of them,
    ``false``); Marp ignores any other, and the value before it holds."""
    if isinstance(value, bool):
        return value is False
    if isinstance(value, int):
        return 1 <= value <= 6
    return isinstance(value, list) and bool(value) and all(_level(v) for v in value)


def _level(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= 6


_TOP_VALUE = re.compile(r"^([^\W\d][\w-]*)[ \t]*:[ \t]+(\S.*?)[ \t]*$")


def loose_yaml(raw: str) -> dict | None:
    """YAML as Marp reads its directives ("loose YAML"): a top-level value YAML cannot read
    (``header: ![#l](logo.png)``, ``footer: *Course*``) is the text written.  None when it is still no
    mapping."""

    def quoted(mt: re.Match) -> str:
        key, value = mt.group(1), mt.group(2)
        try:
            yamlsafe.load(f"{key}: {value}")
            return mt.group(0)
        except yaml.YAMLError:
            return f"{key}: " + json.dumps(value, ensure_ascii=False)

    try:
        data = yamlsafe.load("\n".join(_TOP_VALUE.sub(quoted, line) for line in raw.split("\n")))
    except yaml.YAMLError:
        return None
    return data if isinstance(data, dict) else None


@dataclass(frozen=True)
class Keywords:
    """What a Marp picture's alt text says, and the alt text left once the keywords are taken out."""

    alt: str
    background: bool = False
    side: str = ""  # "left" / "right": a split background beside the slide's content
    share: float = 0.5  # of the slide's width, for a split background
    width: str = ""  # as written ("400px", "30%"); a bare number is pixels
    height: str = ""
    colour: bool = False  # ``![bg](#264653)``: a background colour, not a picture
    vertical: bool = False  # ``![bg vertical]``: the slide's backgrounds stacked top to bottom


_COLOUR = re.compile(r"^(#[0-9a-fA-F]{3,8}|(rgb|rgba|hsl|hsla)\(.*\)|[a-zA-Z]+)$")


def is_colour(src: str) -> bool:
    """True when a background picture's "file" is a colour (``#264653``, ``rgb(…)``, ``red``), as Marp
    reads ``![bg](…)``; a file name has a dot or a slash."""
    return bool(_COLOUR.match(src.strip()))


def keywords(alt: str) -> Keywords:
    """Split a picture's alt text into Marp's keywords and the rest."""
    words = alt.split()
    rest: list[str] = []
    background, side, share, width, height = False, "", 0.5, "", ""
    vertical = False
    for word in words:
        low = word.lower()
        if low == "bg":
            background = True
            continue
        size = _SIZE.match(low)
        if size:
            value = size.group(2) if not size.group(2)[-1].isdigit() else size.group(2) + "px"
            if size.group(1).startswith("w"):
                width = value
            else:
                height = value
            continue
        if low.split(":", 1)[0] in _FILTERS:
            continue
        if background:
            sided = _SIDE.match(low)
            if sided:
                side = sided.group(1)
                if sided.group(2):
                    share = min(max(float(sided.group(2)) / 100, 0.1), 0.9)
                continue
            if low in _BG_WORDS or _PERCENT.match(low):
                vertical = vertical or low == "vertical"
                continue
        rest.append(word)
    return Keywords(" ".join(rest), background, side, share, width, height, vertical=vertical)


def line_broken_openings(body: str) -> list[int]:
    """The lines of ``body`` where inline math as Marp reads it has a line break right after its opening
    ``$`` (the line that ends with it) or right before its closing one (the line that starts with it),
    which pandoc's Markdown reads as dollar signs (:func:`line_broken_math`)."""
    return [
        start + (first if first is not None else (last or 0) + 1)
        for start, lines in _paragraphs(body)
        for first, last in _katex_line_breaks(lines)
    ]


def line_broken_math(body: str) -> tuple[str, list[int]] | None:
    """``body`` with Marp's inline math whose ``$`` has a line break right after the opening dollar or
    right before the closing one (``$`` alone on a line, then ``\\begin{split}`` … on the next lines, then
    ``$``) written as pandoc's Markdown reads it: each such dollar joined to the line next to it.  Marp's
    math rule (markdown-it-katex, as marp-core uses it) refuses an opening ``$`` only when a space or a
    tab follows it, a closing one when a space or a tab is before it or a digit after it; pandoc's refuses
    a line break too, and the math's dollars were left on the slide.  The math is looked for in each
    paragraph as Marp's Markdown reads it, in a list item or a quotation too (the item's indentation and
    the quotation's ``>`` are not the math's: a closing ``$`` under a list item's text is on a line of its
    own); code is left alone; the math stays in its paragraph.  Returns the text and the line each new
    line came from, None when nothing changed."""
    joined_after: dict[int, str] = {}  # line k is joined with line k + 1, whose text in its paragraph is …
    for start, lines in _paragraphs(body):
        for first, last in _katex_line_breaks(lines):
            for n in (first, last):
                if n is not None:
                    joined_after[start + n] = lines[n + 1].lstrip()
    if not joined_after:
        return None
    out: list[str] = []
    index: list[int] = []
    for k, line in enumerate(body.split("\n")):
        if k - 1 in joined_after:
            out[-1] = _joined(out[-1], joined_after[k - 1])
        else:
            out.append(line)
            index.append(k)
    return "\n".join(out), index


def unread_line_broken_math(body: str) -> list[int]:
    """The lines of ``body`` (Marp's Markdown, after :func:`line_broken_math`) where a ``$`` alone on its
    line opens math that Marp's math rule does not read, a later ``$`` alone on its line in the same
    paragraph closing it: indented more than its paragraph's text, the closing dollar follows a space, so
    Marp shows both dollars and the TeX between them as text."""
    out: list[int] = []
    for start, lines in _paragraphs(body):
        alone = [n for n, line in enumerate(lines) if line.strip() == "$"]
        if len(alone) < 2:
            continue
        closed: set[int] = set()
        for n in alone:
            if n not in closed:
                later = [c for c in alone if c > n and c not in closed]
                if later:
                    closed.add(later[0])
                    out.append(start + n)
    return out


@functools.lru_cache(maxsize=2)  # (a pandoc lecture's are looked for twice: _line_broken_dollars)
def _paragraphs(body: str) -> tuple[tuple[int, tuple[str, ...]], ...]:
    """Each paragraph of ``body`` as Marp's Markdown (CommonMark's, with tables) reads it, in list items
    and quotations too: the line it starts on and its lines as the inline math rule sees them (a list
    item's indentation and a quotation's ``>`` taken off, the first line from its text on)."""
    if "$" not in body or not re.search(r"\$\n|^[ \t>]*\$", body, re.MULTILINE):
        return ()
    from markdown_it import MarkdownIt  # noqa: PLC0415 (only a deck with a dollar at a line's end or start)

    tokens = MarkdownIt("commonmark").enable("table").parse(body)
    out: list[tuple[int, tuple[str, ...]]] = []
    for before, token in zip(tokens, tokens[1:]):
        if (
            before.type != "paragraph_open"
            or token.type != "inline"
            or not token.map
            or "$" not in token.content
        ):
            continue
        lines = tuple(token.content.split("\n"))
        if len(lines) == token.map[1] - token.map[0]:  # (one line of text a line of the source)
            out.append((token.map[0], lines))
    return tuple(out)


def _joined(before: str, after: str) -> str:
    """Two lines of math as one (a control space at the end, ``\\\\ ``, kept as one)."""
    head = before.rstrip()
    slashes = len(head) - len(head.rstrip("\\"))
    return head + (" {}" if slashes % 2 else "") + after if after.startswith("$") else head + after


def _katex_line_breaks(lines: Sequence[str]) -> list[tuple[int | None, int | None]]:
    """In one paragraph's lines: for each piece of inline math Marp reads whose opening ``$`` ends a line
    or whose closing ``$`` starts one, the line the opening dollar ends (else None) and the line before
    the closing dollar (else None)."""
    text = "\n".join(lines)
    if "$" not in text:
        return []
    starts = [0]
    for line in lines[:-1]:
        starts.append(starts[-1] + len(line) + 1)

    def line_of(pos: int) -> int:
        return max(n for n, s in enumerate(starts) if s <= pos)

    found: list[tuple[int | None, int | None]] = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if c == "\\":
            i += 2
            continue
        if c == "`":  # a code span: its dollars are code
            run = len(text[i:]) - len(text[i:].lstrip("`"))
            close = re.compile(r"(?<!`)" + "`" * run + r"(?!`)").search(text, i + run)
            i = close.end() if close else i + run
            continue
        if c != "$":
            i += 1
            continue
        after = text[i + 1 : i + 2]
        if after in ("$", " ", "\t", ""):  # ($$: display math, another rule's)
            i += 2 if after == "$" else 1
            continue
        j = i + 1
        while (j := text.find("$", j)) != -1 and (len(text[:j]) - len(text[:j].rstrip("\\"))) % 2:
            j += 1
        if j == -1:
            i += 1
            continue
        if text[j - 1] in " \t" or text[j + 1 : j + 2].isdigit() or not text[i + 1 : j].strip():
            i += 1
            continue
        if after == "\n" or text[j - 1] == "\n":
            found.append(
                (line_of(i) if after == "\n" else None, line_of(j) - 1 if text[j - 1] == "\n" else None)
            )
        i = j + 1
    return found
