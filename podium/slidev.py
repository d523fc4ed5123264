"""Slidev decks (``slides.md``), read as the slides Slidev makes of them.

Slidev cuts a file at ``---`` lines (``----`` too); a slide may open with its own front matter (``---``,
YAML, blank lines and comments among it, ``---``: ``layout: section``, ``class:``, ``title:``; or, as Slidev's
"block frontmatter", a ```` ```yaml ```` block at its very top); the last HTML comment of a slide is its speaker
notes; ``<v-click>`` and ``<v-clicks>`` make clicks; ``::right::`` splits a ``two-cols`` slide.  Read
as pandoc's Markdown, a later slide's front matter would be the lecture's (a ``title:`` renaming the
deck), slides without a ``#`` heading would run into the one before, and notes would be lost.  So
:func:`slidev_markdown` rewrites such a deck as this dialect's Markdown before it is read:

* each slide is a slide (``---``), titled by its first heading of any level (Slidev decks write
  ``#`` for every slide) or its front matter's ``title:``; CSS and scripts before that heading
  (``<style>``, ``<script setup>``) are passed over; its later headings are headings inside it (``#``
  and ``##`` at level 3: only ``---`` starts a slide); ``layout: section`` makes a section slide, and
  what it says under its title stays on it (one slide, of the section's title);
* the first slide (``layout: cover``, Slidev's default for it) is the title slide when it holds only
  its heading (the lecture's title, over a headmatter ``title:``, which only names the browser tab)
  and a line under it (the subtitle), or a subtitle heading and up to three short lines (the author, a
  place, a date; with no subtitle heading, the first a name), HTML and the labels of its controls (the
  starter's ``Press Space for next page``) aside; a cover saying more (or with clicks) is a slide of its
  own; a slide's background picture is spoken of at its ``background:`` line;
* the last comment of a slide is a ``::: notes`` div; ``<v-click>`` a fragment div, ``<v-clicks>``
  around a list an incremental div (its list comes item by item), around other blocks a fragment
  for each (a heading, a paragraph, a list, a table: one click each), ``<div v-click>`` a fragment,
  ``<img v-click …>`` (no end tag) a picture on a click; ``<v-switch>``'s templates one after another, the
  ``#0`` one from the start and each later one on a click (the slide show swaps them: a note says so);
* ``two-cols`` (and ``two-cols-header``) slides are two columns at ``::right::``; ``image-right`` and
  ``image-left`` slides put their ``image:`` beside the text;
* ``hide: true`` slides are left out, as Slidev leaves them out; a slide with ``src:`` (the headmatter's
  too) is the slides of the file it names (``#2,5-7``: those of them), read through the reader's path
  policy (inside the lecture's folder, no loops, bounded in depth, number and size), its front matter
  over theirs, their lines named by their own file in messages;
* Slidev's components: ``<Youtube id>`` and ``<Tweet id>`` a link, ``<SlidevVideo>`` a ``<video>``,
  ``<Toc>`` a list of the slides' titles; another component (``<Counter>``) its words, with a warning;
  an ``iframe`` layout's ``url:`` a link.

:func:`wanted` tells such a deck by Slidev's own marks.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from html import unescape
from html.parser import HTMLParser
from typing import Any
from urllib.parse import quote

import yaml

from . import yamlsafe
from .markdown import code_lines, outside
from .quarto import MAX_INCLUDE_DEPTH
from .rawhtml import HtmlRun, unescape_attribute
from .sourcefile import MAX_BYTES

_CLICKS = re.compile(
    r"<v-(?:clicks?|switch|after)\b|<\w+[^>]*\sv-(?:click|after)\b|^::(?:right|left|default)::\s*$", re.M
)
# front matter with a key of Slidev's slides, after any other keys (`title:` first in the headmatter)
_SLIDE_MATTER = re.compile(
    r"^---[ \t]*\n(?:[\w-]+[ \t]*:.*\n)*?(?P<key>layout|class|transition|clicks|hideInToc|background|image|src)\s*:",
    re.M,
)
# Slidev's own components (https://sli.dev/builtin/components), which no other tool has
_BUILT_IN = re.compile(
    r"<(?:Toc|Youtube|Tweet|SlidevVideo|AutoFitText|LightOrDark|RenderWhen|SlideCurrentNo|SlidesTotal|"
    r"PoweredBySlidev|VDrag|VSwitch|VClickGap)\b"
)
_HEAD_KEYS = frozenset(
    (
        "highlighter",
        "drawings",
        "transition",
        "mdc",
        "colorSchema",
        "canvasWidth",
        "themeConfig",
        "lineNumbers",
        "exportFilename",
        "monaco",
        "routerMode",
        "selectable",
        "record",
        "presenter",
        "twoslash",
        "seoMeta",
        "addons",
        "info",
        "htmlAttrs",  # (the page's <html> attributes: its dir and lang the reader reads)
    )
)
# Slidev's own headmatter keys (its look and its app): no note that Podium does not use them
# (and those the first slide takes from it, :data:`_FIRST_SLIDE_KEYS`: ``hideInToc`` keeps it out of a ``<Toc>``)
KEYS = _HEAD_KEYS | frozenset(
    ("theme", "background", "class", "layout", "fonts", "favicon", "download", "aspectRatio", "src")
    + ("image", "hideInToc", "level")
)
_YAMLISH = re.compile(r"^\s*(?:[\w-]+\s*:|- |#)|^\s+\S")
_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_COVERS = ("cover", "intro")
# Slidev's own layouts (https://sli.dev/builtin/layouts): any other is the theme's or the deck's own (a Vue file)
_LAYOUTS = frozenset(
    """404 center cover default end error fact full iframe iframe-left iframe-right image image-left
image-right intro none quote section statement two-cols two-cols-header""".split()
)
# a slide's front matter keys that are Slidev's settings, not words of the slide
_SETTINGS = frozenset(
    """layout class transition clicks clicksStart hideInToc background backgroundSize image src hide disabled
level preload routeAlias zoom dragPos title name url layoutClass imageOrder info""".split()
)
# a prop that is a setting, even of a layout of the deck's own (`color: amber`, `align: c-lt-lb`)
_SETTING_KEY = re.compile(
    r"class|colou?r|align|size|width|height|variant|style|icon|position|theme|mode|type", re.I
)
# the props a cover's title slide shows on a line of its own: what each names
_COVER_PROPS = {
    "subtitle": ("subtitle", "tagline", "subheading"),
    "author": ("author", "speaker", "presenter", "trainer", "lecturer", "teacher", "instructor", "by"),
    "institute": (
        "institute",
        "institution",
        "school",
        "university",
        "organisation",
        "organization",
        "affiliation",
        "company",
    ),
    "date": ("date",),
}
# layouts a deck's first slide may be its cover in too (the headmatter's `layout: center` is the first
# slide's): a heading and a line there are the title slide as well
_OWN_COVERS = ("center", "default", "fact", "statement", "end")


def wanted(text: str) -> bool:
    """A Slidev deck: Slidev's clicks or slots (``<v-click>``, ``::right::``), its front matter keys
    (``highlighter:``, ``drawings:``, ``mdc:``…), or slides with front matter of their own
    (``---``, ``layout: section``, ``---``) — two, or one in a deck whose front matter names a theme, as
    Slidev's own components (``<Toc/>``, ``<Youtube>``) do; never a deck whose front matter says
    ``marp: true``."""
    head = text[: text.find("\n---", 3) + 1] if text.startswith("---") else ""
    if re.search(r"^(?:output|format)\s*:", head, re.M):  # (another tool's: R Markdown, Quarto)
        return False
    if re.search(r"^marp\s*:\s*true\b", head, re.M):  # (Marp's own flag wins: transition:, class:, image:
        return False  # are Marp's directives too)
    if _CLICKS.search(text):
        return True
    if any(re.search(rf"^{k}\s*:", head, re.M) for k in _HEAD_KEYS):
        return True
    if _BUILT_IN.search(text) and re.search(
        r"^theme\s*:", head, re.M
    ):  # (<Youtube> alone: an MDX page's too)
        return True
    # (in the headmatter, class: and image: are Marp's directives too; only a slide's own are Slidev's)
    prose = _without_code(text)  # (front matter shown in a code block, as a lecture on Jekyll shows it: none)
    matters = sum(
        1 for mt in _SLIDE_MATTER.finditer(prose) if mt.start() > 0 or mt["key"] not in ("class", "image")
    )
    # slides' own front matter closed by `---` (`---`, `title: Loops`, `---`): Slidev's, which no pandoc,
    # Quarto or Marp lecture writes between its slides
    blocks = [mt for mt in _CLOSED_MATTER.finditer(prose) if not _HEAD_BEFORE.fullmatch(prose[: mt.start()])]
    # (alone, blocks of a pandoc document's metadata, a later `title:` or `bibliography:`, are pandoc's
    # metadata blocks, which a pandoc lecture may write anywhere)
    own = sum(1 for mt in blocks if set(re.findall(r"^([\w-]+)[ \t]*:", mt.group(0), re.M)) - _PANDOC_KEYS)
    return (
        matters >= 2
        or own >= 2
        or (matters >= 1 and (bool(blocks) or re.search(r"^theme\s*:", head, re.M) is not None))
    )


def _without_code(text: str) -> str:
    """``text`` with the lines of its code blocks blank (their line breaks kept)."""
    lines = text.split("\n")
    code = code_lines(lines)
    return "\n".join("" if code[j] else t for j, t in enumerate(lines))


# a slide's front matter closed by `---` (remark's properties are not: its slide's content follows them)
_CLOSED_MATTER = re.compile(r"^---[ \t]*\n(?:[\w-]+[ \t]*:.*\n)+---[ \t]*$", re.M)
# the keys of a pandoc document's metadata, which a pandoc lecture's later metadata blocks hold
_PANDOC_KEYS = frozenset(
    """title subtitle author date institute abstract keywords lang bibliography csl nocite references
link-citations header-includes""".split()
)
# what may stand before a lecture's own front matter (its headmatter): blank lines, HTML comments
_HEAD_BEFORE = re.compile(r"(?:\s|<!--.*?-->)*", re.S)


def own_signs(text: str) -> bool:
    """Does ``text`` show a mark only Slidev has: its clicks or slots, a headmatter key of its own, one of
    its components, or a slide's front matter closed by ``---``?  (A deck :func:`wanted` by Slidev and by
    remark without one is remark's: ``class: center, middle`` after a ``---`` is both tools' property.)"""
    head = text[: text.find("\n---", 3) + 1] if text.startswith("---") else ""
    return (
        _CLICKS.search(text) is not None
        or any(re.search(rf"^{k}\s*:", head, re.M) for k in _HEAD_KEYS)
        or _BUILT_IN.search(text) is not None
        or any(mt.start() > 0 for mt in _CLOSED_MATTER.finditer(text))
    )


@dataclass
class Imported:
    """A file a slide imports (``src:``), as :func:`slidev_markdown`'s ``read`` found it: its ``text``,
    its ``name`` in messages and its ``path`` (real: an import of a file importing it is a loop)."""

    text: str
    name: str
    path: str


# read(src, home, at): the file ``src`` names, written in the file ``home`` (a path; None: the deck) at
# ``at`` (its name, None: the deck's, and line); None when it cannot be read (the reader said why)
Reader = Callable[[str, "str | None", "tuple[str | None, int]"], "Imported | None"]


@dataclass
class Rewrite:
    """The deck as this dialect's Markdown: ``text``; ``index[j]``: the line new line j came from (an id:
    the deck's line, or one of an imported file's, :meth:`place`); ``meta``: the title and subtitle its
    first slide gives; ``notes``: (line id, message, code)."""

    text: str
    index: list[int]
    meta: dict[str, str] = field(default_factory=dict)
    notes: list[tuple[int, str, str]] = field(default_factory=list)
    title_slide: bool = (
        True  # False: the first slide (its cover) is a slide of its own, and no title slide is made
    )
    # the cover's heading where the headmatter's `title:` differs: Slidev shows the heading on its first
    # slide, and `title:` only names the browser tab, so the heading is the title slide's and the lecture's
    cover_title: str = ""
    # the files imported with `src:`: (the id of its first line, its name), in the order of their ids
    files: list[tuple[int, str]] = field(default_factory=list)
    next_id: int = 0  # the id of an imported file's first line: after the deck's and the files' before it
    # the headmatter's keys the title slide shows under another name (`trainer:` as its author)
    used: set[str] = field(default_factory=set)
    # the cover is the title slide and its notes are written first, before any slide: the title slide's
    cover_notes: bool = False

    def place(self, k: int) -> tuple[str | None, int]:
        """The file (None: the deck) and line (from 1) of line id ``k``."""
        at = bisect.bisect_right(self.files, (k, "\uffff")) - 1
        if at < 0:
            return None, k + 1
        first, name = self.files[at]
        return name, k - first + 1


@dataclass
class _Slide:
    start: int  # the line of its `---` (or of its first line)
    matter: dict[str, Any]
    lines: list[tuple[int, str]]
    keys: dict[str, int] = field(default_factory=dict)  # the line of each front matter key
    home: str | None = None  # the file it is in (None: the deck)


@dataclass
class _Shown:
    """A slide Slidev shows, with its front matter merged and its title."""

    slide: _Slide
    matter: dict[str, Any]
    title: str = ""
    level: int = 1
    # the line of each key of ``matter``: its slide's, or the headmatter's or an importing slide's
    keys: dict[str, int] = field(default_factory=dict)


# a headmatter's keys that are its first slide's too (and so every slide's its `src:` imports)
_FIRST_SLIDE_KEYS = ("layout", "background", "image", "class", "hideInToc", "level")


def slidev_markdown(
    body: str,
    raw_meta: dict[str, Any],
    read: Reader | None = None,
    src_at: int = 0,
    deck: str = "",
    keys_at: dict[str, int] | None = None,
) -> Rewrite:
    """``body`` (the deck without its front matter, lines kept in place) rewritten (module docstring);
    ``read`` reads the files slides import (``src:``; the headmatter's is at line id ``src_at``), ``deck``
    is the deck's real path (a file it imports may not import it); ``keys_at``: the line id of each
    headmatter key (its ``background:``, which messages about the cover's picture name)."""
    lines = body.split("\n")
    out = Rewrite("", [], next_id=len(lines))
    slides = _slides(lines)
    first = {k: v for k, v in raw_meta.items() if k in _FIRST_SLIDE_KEYS}
    first_at = {k: v for k, v in (keys_at or {}).items() if k in first}
    pictures: dict[str, Any] = {}
    if raw_meta.get("src"):  # (the headmatter's slide imports: its own lines are not shown, as in Slidev)
        # (its picture is the cover's: on every imported `layout: cover` it would be a section's too)
        pictures = {k: first.pop(k) for k in ("background", "image") if k in first}
        slides[0].matter = {**first, "src": raw_meta["src"]}
        slides[0].keys = {**first_at, **slides[0].keys, "src": src_at}
    # (a headmatter with a layout is the first slide, words or none: a cover drawn from its props)
    keep = "layout" in first and not raw_meta.get("src")
    slides = [
        s for j, s in enumerate(slides) if s.matter or any(t.strip() for _, t in s.lines) or (keep and not j)
    ]
    if slides and not raw_meta.get("src"):  # (the deck's front matter is its first slide's too)
        slides[0].matter = {**first, **slides[0].matter}
        slides[0].keys = {**first_at, **slides[0].keys}
    budget = [MAX_BYTES, _MAX_IMPORTS]  # (characters and files that may still be imported)
    shown = _shown(slides, out, read, (deck,) if deck else (), {}, budget)
    if pictures and shown:
        shown[0].matter = {**shown[0].matter, **pictures}
        shown[0].keys = {**shown[0].keys, **{k: v for k, v in first_at.items() if k in pictures}}
    if any("<Toc" in t for s in shown for _, t in s.slide.lines):
        for s in shown:
            _toc_title(s)
    new: list[str] = []
    for n, item in enumerate(shown):
        slide, matter = item.slide, item.matter
        body_lines, notes = _notes(slide.lines)
        body_lines = _magic_moves(body_lines, out)
        unshown = _unshown(body_lines)
        title, title_at, rest, _ = _title(body_lines, unshown)
        title = title or _words_of(matter.get("title"))
        layout = str(matter.get("layout") or ("cover" if n == 0 else "default"))
        title, title_at, rest = _line_title(title, title_at, rest, unshown, layout if n else "cover")
        own = layout not in _LAYOUTS  # (the theme's or the deck's own layout: a Vue file Podium cannot draw)
        cover = n == 0 and _cover_layout(layout, rest, unshown)
        if n == 0 and not cover:
            out.title_slide = False  # (Slidev makes no slide of the front matter: the first slide is first)
        if cover and _title_slide(item, title, title_at, rest, unshown, raw_meta, out):
            if notes:  # (Slidev's notes never change how a slide looks: the title slide's)
                out.cover_notes = True
                _notes_div(_Emitter(new, out.index, out, [], shown), notes)
            continue
        # (`SectionTransitionLayout`: a section slide, its props its second line)
        layout = "section" if own and re.search(r"section|chapter", layout, re.I) else layout
        rest = _inside(rest, unshown)
        _conditionals(rest, out)
        emit = _Emitter(new, out.index, out, rest, shown)
        emit.line(slide.start, "")
        emit.line(slide.start, "---")
        emit.line(slide.start, "")
        picture = matter.get("image") or matter.get("background")
        if layout not in ("cover", "intro", "section", "center", "image", "end"):
            picture = None
        picture_at = item.keys.get("image" if matter.get("image") else "background", slide.start)
        if title:
            emit.line(title_at, ("# " if layout == "section" else "## ") + title)
            emit.line(title_at, "")
            if picture:  # (said at the line that names it)
                _background(emit, str(picture), picture_at, layout == "section")
        elif picture:  # (no title to carry it as a background: the picture is the slide's, in full)
            emit.line(picture_at, f"![]({picture})")
            emit.line(picture_at, "")
        _props_shown(emit, item, layout, own, str(matter.get("layout") or ""), not _words(rest, unshown))
        page = _page(matter, layout, slide, out)
        if page and layout != "iframe-right":
            emit.line(page[0], page[1])
            emit.line(page[0], "")
        if layout in ("two-cols", "two-cols-header") and any(emit.slot(k, t, "right") for k, t in rest):
            _columns(emit, rest)
        elif layout in ("image-right", "image-left") and matter.get("image"):
            _beside(emit, rest, str(matter["image"]), right=layout == "image-right", at=slide.start)
        else:
            for k, text in rest:
                emit.content(k, text)
        emit.done()
        if page and layout == "iframe-right":
            emit.line(page[0], "")
            emit.line(page[0], page[1])
        if notes:
            _notes_div(emit, notes)
    out.text = "\n".join(new)
    return out


# an element Vue shows only under a condition: `<div v-show="$clicks < 2">`, `<p v-if="…">`, `<div v-else>`
_CONDITIONAL = re.compile(r"<[\w-]+\s(?:[^<>]*?\s)?(v-(?:if|else-if|else|show))\b(?:\s*=\s*\"([^\"]*)\")?")


def _conditionals(rest: list[tuple[int, str]], out: Rewrite) -> None:
    """Warn, once a slide, that its elements Vue shows only under a condition (``v-show="$clicks < 2"``,
    ``v-if``/``v-else``) are all shown, from the start (Podium evaluates no condition)."""
    fenced = code_lines([t for _, t in rest])
    found = [(k, mt) for j, (k, t) in enumerate(rest) if not fenced[j] for mt in _CONDITIONAL.finditer(t)]
    if not found:
        return
    said = ", ".join(dict.fromkeys(f'{mt[1]}="{mt[2]}"' if mt[2] else mt[1] for _, mt in found))
    out.notes.append(
        (
            found[0][0],
            f"[warning] the blocks this slide shows only under a condition ({_short(said, 80)}) are all shown, "
            "from the start: in Slidev only those whose condition holds are (one at a time for alternatives); "
            "keep one, or give each its own slide or click (<v-click>)",
            "conditional",
        )
    )


# Slidev's layouts that show a slide's words large in its middle: its one short line is its title
_LINE_TITLED = ("end", "statement")


def _line_title(
    title: str, at: int, rest: list[tuple[int, str]], unshown: set[int], layout: str
) -> tuple[str, int, list[tuple[int, str]]]:
    """A slide's ``title`` (at line ``at``) and its other lines; an untitled slide in one of the
    :data:`_LINE_TITLED` layouts titled by its one short line of words ("Thank you!"), unless it says more
    or HTML or a block holds the line."""
    words = [(j, k, t) for j, (k, t) in enumerate(rest) if t.strip() and k not in unshown]
    if title or layout not in _LINE_TITLED or len(words) != 1:
        return title, at, rest
    j, k, text = words[0]
    if len(text.strip()) > _KICKER_WIDTH or _BLOCK_LINE.match(text) or _HTML_START.match(text):
        return title, at, rest
    return text.strip(), k, rest[:j] + rest[j + 1 :]


def _notes_div(emit: _Emitter, notes: list[tuple[int, str]]) -> None:
    """A slide's notes (its last comment's lines) written as a ``::: notes`` div."""
    at = notes[0][0]
    emit.line(at, "")
    emit.line(at, "::: notes")
    for k, text in notes:
        emit.line(k, text)
    emit.line(at, ":::")


def _cover_layout(layout: str, rest: list[tuple[int, str]], unshown: set[int]) -> bool:
    """May a first slide in ``layout`` be the title slide: Slidev's cover (or a layout a cover may be in),
    or a layout of the deck's own named a cover (``VbaCoverLayout``) or holding no words but its props?"""
    if layout in _COVERS or layout in _OWN_COVERS:
        return True
    own = layout not in _LAYOUTS
    return own and (re.search(r"cover|intro|title", layout, re.I) is not None or not _words(rest, unshown))


def _title_slide(
    item: _Shown,
    title: str,
    title_at: int,
    rest: list[tuple[int, str]],
    unshown: set[int],
    raw_meta: dict[str, Any],
    out: Rewrite,
) -> bool:
    """Is the deck's cover (its first slide) the title slide: its title, a line under it or a subtitle
    heading, and up to three short lines (the author, a place, a date), which go in ``out.meta`` (its title
    in ``out.cover_title`` where the front matter's ``title:`` differs)?  False: a slide of its own (and no
    title slide is made)."""
    words = _words(rest, unshown)
    named = str(raw_meta.get("title") or "")
    if title and not named:
        out.meta["title"] = title
    clicked = any(_CLICKS.search(t) for _, t in rest)  # (its clicks are the slide's: kept on it)
    given = _cover_lines(title, words, raw_meta) if not clicked else None
    if given is None:
        out.title_slide = False  # (Slidev makes no slide of the front matter: the cover is the first)
        return False
    if named and title and named != title:
        out.cover_title = title
    for key, value in given.items():
        out.meta.setdefault(key, value)
    _cover_props(item, raw_meta, out)
    picture = item.matter.get("image") or item.matter.get("background")
    if picture:
        at = item.keys.get("image" if item.matter.get("image") else "background", title_at)
        key = "image" if item.matter.get("image") else "background"
        out.notes.append(
            (
                at,
                f"the cover's picture '{_short(str(picture))}' ({key}:) is not drawn on the title slide",
                "background",
            )
        )
    return True


def _props(matter: dict[str, Any]) -> list[tuple[str, str]]:
    """The words a slide's front matter gives its layout as props (``subtitle:``, ``kicker:``, ``trainer:``),
    not Slidev's settings (``layout:``, ``class:``), addresses, file names or a setting's one lower-case word
    (``imageSide: right``, ``color: amber``): (key, its words), in the order written."""
    found = []
    for key, value in matter.items():
        words = _words_of(value)
        if key in _SETTINGS or key in KEYS or not re.search(r"[^\W\d_]", words):
            continue
        if re.match(r"(?:[a-z][\w+.-]*:/|\.{0,2}/)", words) or re.search(
            r"\.(?:png|jpe?g|gif|svg|webp|mp4)$", words, re.I
        ):
            continue  # (a picture's or a page's address)
        if re.fullmatch(r"[a-z][a-z0-9-]*", words) or " " not in words and _SETTING_KEY.search(key):
            continue
        if _CSS_VALUE.fullmatch(words):
            continue  # (a length, a colour: `gap: 24px`, `cols: 320px 1fr`, `accent: #0af`)
        found.append((key, words))
    return found


# a value of CSS's (lengths, numbers, colours, one after another), which a layout's style takes, not words
_CSS_TOKEN = (
    r"(?:[-+]?(?:\d+\.?\d*|\.\d+)(?:px|r?em|%|fr|vw|vh|vmin|vmax|pt|pc|cm|mm|in|ch|ex|lh|s|ms|deg|turn)?"
    r"|auto|#[0-9a-f]{3,8}|(?:rgba?|hsla?|minmax|repeat)\([^()]*\))"
)
_CSS_VALUE = re.compile(rf"{_CSS_TOKEN}(?:\s*[\s,/]\s*{_CSS_TOKEN})*", re.I)


def _listed(matter: dict[str, Any]) -> list[str]:
    """The keys of a slide's front matter whose value is a list of words (``codeLines:``, ``bullets:``),
    which a layout of the deck's own shows and Podium cannot place."""
    return [
        key
        for key, value in matter.items()
        if key not in _SETTINGS
        and key not in KEYS
        and isinstance(value, list)
        and any(re.search(r"[^\W\d_]", _words_of(x)) for x in value)
    ]


def _words_of(value: Any) -> str:
    """A front matter value's words on one line ("" for what is no text: a mapping, a list, true)."""
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        return ""
    return " ".join(str(value).split())


def _props_shown(emit: _Emitter, item: _Shown, layout: str, own: bool, written: str, empty: bool) -> None:
    """A slide's props (:func:`_props`) under its title: in a layout of the deck's own (or its theme's),
    which Podium cannot draw, each a line of the slide (``subtitle:`` first; on a section slide with
    nothing else, only its subtitle, its second line), said once a layout; in one of Slidev's, which
    shows none of them, named in a note.  Words not shown are named, never left out unsaid."""
    props = _props(item.matter)
    listed = _listed(item.matter) if own else []
    if not props and not listed:
        return
    at = item.keys.get((props[0][0] if props else listed[0]), item.slide.start)
    if not own:
        emit.out.notes.append(
            (
                at,
                f"Slidev's '{layout}' layout shows no front matter words: "
                f"{', '.join(f'{k}:' for k, _ in props)} not shown on this slide (a theme's layout may show "
                "them: write them in the slide)",
                "unused-key",
            )
        )
        return
    props.sort(key=lambda kv: kv[0] not in _COVER_PROPS["subtitle"])
    shown = props
    if layout == "section" and empty and len(props) > 1 and props[0][0] in _COVER_PROPS["subtitle"]:
        shown = props[:1]  # (a section slide's one line under its title: more would make it a content slide)
    for key, words in shown:
        k = item.keys.get(key, at)
        emit.line(k, _MD_SPECIAL.sub(r"\\\g<0>", words))
        emit.line(k, "")
    if shown and not any(f"layout '{written}'" in message for _, message, _ in emit.out.notes):
        emit.out.notes.append(
            (
                item.keys.get("layout", at),
                f"the layout '{written}' is the deck's or its theme's own, which Podium cannot draw: the words "
                f"of its props ({', '.join(f'{k}:' for k, _ in shown)}) are lines of the slide under its title",
                "layout",
            )
        )
    left = [k for k, _ in props[len(shown) :]] + listed
    if left:
        emit.out.notes.append(
            (
                item.keys.get(left[0], at),
                f"[warning] the words of this slide's {', '.join(f'{k}:' for k in left)} (props of its layout "
                f"'{written}', which Podium cannot draw) are not shown: write them in the slide",
                "unused-key",
            )
        )


# Markdown's marks in a prop's words, which its layout shows as they are
_MD_SPECIAL = re.compile(r"[\\`*_\[\]<>#|$]|^(?=[-+]\s)")


def _cover_props(item: _Shown, raw_meta: dict[str, Any], out: Rewrite) -> None:
    """The props of the cover (its front matter's, the headmatter's) that name its subtitle, author,
    institute or date (``trainer:``, ``institution:``), in ``out.meta`` where the lecture names none; the
    cover's other words (``kicker:``) said not to be on the title slide."""
    shown: set[str] = set()
    for target, names in _COVER_PROPS.items():
        if raw_meta.get(target) or target in out.meta or (target == "author" and raw_meta.get("authors")):
            shown.update(names)
            continue
        for name in names:
            source = item.matter if _words_of(item.matter.get(name)) else raw_meta
            words = _words_of(source.get(name))
            if words:
                out.meta[target] = words
                shown.update(names)
                if source is raw_meta:
                    out.used.add(name)
                break
    left = [k for k, _ in _props(item.matter) if k not in shown and k not in raw_meta]
    left += [k for k in _listed(item.matter) if k not in raw_meta]
    if left:
        out.notes.append(
            (
                item.keys.get(left[0], item.slide.start),
                "[warning] the title slide shows a title, a subtitle, an author, an institute and a date: the "
                f"cover's {', '.join(f'{k}:' for k in left)} not shown (write them in the slide)",
                "unused-key",
            )
        )


# the lines a title slide shows under its title: its author, a place, a date (the front matter's keys)
_COVER_KEYS = ("author", "institute", "date")
# a line that is a block of its own, not a line of words: a list item, a quote, a table, code, math, a picture
_BLOCK_LINE = re.compile(r"^\s*(?:[-*+]\s|\d+[.)]\s|>|\||```|~~~|\$\$|!\[|::)")


def _cover_lines(title: str, words: list[str], raw_meta: dict[str, Any]) -> dict[str, str] | None:
    """What a cover's lines of ``words`` under its ``title`` give the title slide: ``subtitle`` (a line
    alone under the title, or a heading), ``author``, ``institute`` and ``date`` (up to three short lines
    that are no sentences: "Presented by: Dr. Jane Smith", "Semester 1/2025"; with no subtitle heading, the
    first an author's name), the keys the front matter gives left out; None: the cover says more, and is a
    slide of its own."""
    from .reader import _bylines  # noqa: PLC0415 (the reader imports this module: Marp's rule, shared)

    if not words:
        return {}
    heading = _HEADING.match(words[0])
    if len(words) == 1:  # (one line under the title: its subtitle)
        if len(words[0]) > 120:
            return None
        return {} if raw_meta.get("subtitle") else {"subtitle": heading.group(2) if heading else words[0]}
    lines = words[1:] if heading else words
    lines = [h.group(2) if (h := _HEADING.match(x)) else x for x in lines]  # (`### Author`: its words)
    if len(lines) > 3 or any(_BLOCK_LINE.match(x) for x in lines):
        return None
    if any(len(x) > 80 or x.rstrip().endswith(tuple(".?!:;…。？！：；")) for x in lines):
        return None  # (a sentence: the cover says something)
    free = [k for k in _COVER_KEYS if not raw_meta.get(k) and not (k == "author" and raw_meta.get("authors"))]
    if not heading and not _bylines(title, lines):
        return _labelled(title, lines, free, raw_meta)
    if len(lines) > len(free):
        return None  # (no key of the title slide left for a line: it would not be shown)
    given = {"subtitle": heading.group(2)} if heading and not raw_meta.get("subtitle") else {}
    given.update(zip(free, lines))
    return given


# a cover's line that names what it says ("Reporter: Jiakai Gu", "Date: Nov 13th, 2023", "汇报人：张三"): the
# title slide's key each label fills
_LABELS = {
    "date": "date time when 日期 时间",
    "institute": "institute institution school university affiliation venue place location event conference "
    "course 单位 学校 学院",
    "author": "author authors by presented speaker speakers presenter reporter lecturer teacher instructor "
    "trainer 汇报人 报告人 主讲 主讲人 讲者 演讲者 作者",
}
_LABELLED = re.compile(r"^([^\W\d_][^\W\d_ ]*(?: [^\W\d_]+)?)\s*[:：]\s*\S")


def _labelled(
    title: str, lines: list[str], free: list[str], raw_meta: dict[str, Any]
) -> dict[str, str] | None:
    """A cover's subtitle line and the lines under it that each name what they say ("Reporter: …", "Date:
    …"), as the title slide's subtitle and the keys their labels name (the line kept whole, its tags
    dropped); None when the lines are not such (the cover says more, and is a slide of its own)."""
    lines = [" ".join(re.sub(r"<[^<>]*>", " ", x).split()) for x in lines]
    if len(lines) < 2 or title.rstrip().endswith(("?", "？")) or _LABELLED.match(lines[0]):
        return None
    given = {} if raw_meta.get("subtitle") else {"subtitle": lines[0]}
    for line in lines[1:]:
        label = _LABELLED.match(line)
        key = label and next(
            (k for k, names in _LABELS.items() if label.group(1).lower().split()[0] in names.split()), None
        )
        if key is None or key not in free or key in given:
            return None  # (a line that is no author, place or date, or one the title slide has no room for)
        given[key] = line
    return given


# a line that cuts slides: Slidev cuts at a line that starts with `---` (`----` too, which opens no front matter)
_SEPARATOR = re.compile(r"-{3,}")


def _slides(lines: list[str], base: int = 0, home: str | None = None) -> list[_Slide]:
    """A file's slides: cut at ``---`` (or ``----``) lines outside code, each with the front matter that opens it (line
    ids from ``base``; ``home``: the file, None for the deck)."""
    fenced = code_lines(lines)
    slides = [_Slide(base, {}, [], home=home)]
    k = 0
    while k < len(lines):
        if fenced[k] or not _SEPARATOR.fullmatch(lines[k].rstrip()):
            slides[-1].lines.append((base + k, lines[k]))
            k += 1
            continue
        # (`----`: a slide with no front matter, as Slidev reads a fourth dash)
        close = _matter_end(lines, fenced, k) if lines[k].rstrip() == "---" else None
        matter: dict[str, Any] = {}
        if close is not None:
            try:
                loaded = yamlsafe.load("\n".join(lines[k + 1 : close]))  # (untrusted: no aliases)
            except yaml.YAMLError:
                loaded = None
            if isinstance(loaded, dict):
                matter = {str(key): v for key, v in loaded.items()}
            else:
                close = None
        keys: dict[str, int] = {}
        for j in range(k + 1, close or k):
            key = re.match(r"([\w-]+)\s*:", lines[j])
            if key is not None:
                keys.setdefault(key.group(1), base + j)
        slides.append(_Slide(base + k, matter, [], keys, home))
        k = (close if close is not None else k) + 1
    for slide in slides[1 if home is None else 0 :]:  # (the deck's first slide's is its headmatter)
        if not slide.matter:
            _block_matter(slide)
    return slides


_YAML_FENCE = re.compile(r"\s*(`{3,})\s*ya?ml\s*")


def _block_matter(slide: _Slide) -> None:
    """Take a ```` ```yaml ```` block at the very top of ``slide`` (which has no ``---`` front matter) as
    its front matter, as Slidev does ("block frontmatter"): its lines are no longer the slide's.  A block
    that is not YAML of keys stays a code block."""
    first = next((j for j, (_, t) in enumerate(slide.lines) if t.strip()), None)
    if first is None:
        return
    opening = _YAML_FENCE.fullmatch(slide.lines[first][1])
    if opening is None:
        return
    fence = opening.group(1)
    close = next(
        (
            j
            for j in range(first + 1, len(slide.lines))
            if slide.lines[j][1].strip().startswith(fence) and not slide.lines[j][1].strip().strip("`")
        ),
        None,
    )
    if close is None:
        return
    try:
        loaded = yamlsafe.load("\n".join(t for _, t in slide.lines[first + 1 : close]))
    except yaml.YAMLError:
        return
    if not isinstance(loaded, dict) or not loaded:
        return
    slide.matter = {str(key): v for key, v in loaded.items()}
    for at, text in slide.lines[first + 1 : close]:
        key = re.match(r"([\w-]+)\s*:", text)
        if key is not None:
            slide.keys.setdefault(key.group(1), at)
    del slide.lines[first : close + 1]


def _shown(
    slides: list[_Slide],
    out: Rewrite,
    read: Reader | None,
    chain: tuple[str, ...],
    override: dict[str, Any],
    budget: list[int],
    override_at: dict[str, int] | None = None,
) -> list[_Shown]:
    """The slides Slidev shows of ``slides``: hidden ones left out, each ``src:`` slide as the slides of
    the file it imports, with its front matter (and ``override``, the importing slides', its keys at the
    lines ``override_at``) over theirs."""
    override_at = override_at or {}
    result: list[_Shown] = []
    for slide in slides:
        if slide.matter.get("hide") is True or slide.matter.get("disabled") is True:
            continue
        matter = {**slide.matter, **override}
        keys = {**slide.keys, **{k: v for k, v in override_at.items() if k in override}}
        src = matter.pop("src", None)
        if not src:
            result.append(_Shown(slide, matter, keys=keys))
            continue
        ignored = next((k for k, t in _notes(slide.lines)[0] if t.strip()), None)
        if ignored is not None:
            out.notes.append(
                (
                    ignored,
                    "[not-rendered] the text of a slide that imports another file's slides (src:) is left out, "
                    "as Slidev leaves it out: give it a slide of its own",
                    "not-rendered",
                )
            )
        result.extend(_imported(slide, str(src), matter, out, read, chain, budget, keys))
    return result


_MAX_IMPORTS = 1000  # files imported with src: in all (a file may be imported many times)


def _imported(
    slide: _Slide,
    src: str,
    override: dict[str, Any],
    out: Rewrite,
    read: Reader | None,
    chain: tuple[str, ...],
    budget: list[int],
    override_at: dict[str, int] | None = None,
) -> list[_Shown]:
    """The slides a ``src:`` slide imports (``src: pages/x.md#2,5-7``: those of them), as Slidev shows them."""
    at = slide.keys.get("src", slide.start)

    def left_out(why: str, code: str = "include") -> list[_Shown]:
        out.notes.append((at, why, code))
        return []

    path, _, picked = src.partition("#")
    if read is None:
        return left_out(f"[not-rendered] the slides of '{src}' (src:) are left out: its file is not read")
    if len(chain) > MAX_INCLUDE_DEPTH:
        return left_out(f"'{src}' (src:) is imported more than {MAX_INCLUDE_DEPTH} files deep; left out")
    if budget[1] <= 0:
        return left_out(f"more than {_MAX_IMPORTS} files are imported with src:; '{src}' is left out")
    budget[1] -= 1
    got = read(path.strip(), slide.home, out.place(at))
    if got is None:  # (the reader said why)
        return []
    if got.path in chain:
        return left_out(f"'{src}' (src:) imports the file it is imported from; left out the second time")
    if len(got.text) > budget[0]:
        return left_out(
            f"the files imported with src: come to more than {MAX_BYTES // 2**20} MiB; '{src}' is left out"
        )
    budget[0] -= len(got.text)
    lines = got.text.split("\n")
    base, out.next_id = out.next_id, out.next_id + len(lines)
    out.files.append((base, got.name))
    slides = [s for s in _slides(lines, base, got.path) if s.matter or any(t.strip() for _, t in s.lines)]
    if picked.strip():
        numbers = _range(picked, len(slides))
        if numbers is None:
            out.notes.append(
                (
                    at,
                    f"'#{picked}' after '{path}' (src:) is not a list of slide numbers (such as #2,5-7); "
                    "every slide of the file is imported",
                    "include",
                )
            )
        else:
            slides = [slides[j - 1] for j in numbers]
    return _shown(slides, out, read, (*chain, got.path), override, budget, override_at)


def _range(written: str, count: int) -> list[int] | None:
    """Slidev's slide numbers (``2,5-7``) of a file of ``count`` slides: those it has; None: not numbers."""
    numbers: list[int] = []
    for part in written.split(","):
        bounds = re.fullmatch(r"\s*(\d+)\s*(?:-\s*(\d*)\s*)?", part)
        if bounds is None:
            return None
        first = int(bounds.group(1))
        last = first if bounds.group(2) is None else int(bounds.group(2) or count)
        numbers.extend(j for j in range(first, min(last, count) + 1) if j >= 1)
    return numbers


def _matter_end(lines: list[str], fenced: list[bool], k: int) -> int | None:
    """The closing ``---`` of front matter opening right after the ``---`` at ``k``, or None: the next lines
    are the slide's.  As in Slidev's parser, a ``---`` with a line of text right under it opens front
    matter, which runs to the next ``---``: blank lines and YAML comments (``# the image source``) are in
    it.  Markdown after a ``---`` (a ``# Heading`` and a paragraph) would be YAML Slidev cannot read: a
    line that is no YAML (neither a key, an item, a comment nor a value's indented line) ends the search,
    and a block of comments only is no front matter either."""
    j = k + 1
    if j >= len(lines) or not lines[j].strip() or not _YAMLISH.match(lines[j]):
        return None
    keyed = False
    while j < len(lines) and not fenced[j]:
        if lines[j].rstrip() == "---":
            return j if keyed else None
        text = lines[j]
        if text.strip() and not _YAMLISH.match(text):
            return None
        keyed = keyed or (bool(text.strip()) and not text.lstrip().startswith("#"))
        j += 1
    return None


_MAGIC_MOVE = re.compile(r"^\s*(`{4,}|~{4,})\s*\w*\s+magic-move\b")


def _magic_moves(body: list[tuple[int, str]], out: Rewrite) -> list[tuple[int, str]]:
    """``body`` with each ````md magic-move`` block (code blocks that morph one into the next on clicks)
    as its last code block, what the slide ends showing; the steps before it are said to be left out."""
    if not any(_MAGIC_MOVE.match(t) for _, t in body):
        return body
    new: list[tuple[int, str]] = []
    j = 0
    while j < len(body):
        opened = _MAGIC_MOVE.match(body[j][1])
        if opened is None:
            new.append(body[j])
            j += 1
            continue
        fence = opened.group(1)
        end = next((e for e in range(j + 1, len(body)) if body[e][1].strip() == fence), len(body))
        steps: list[list[tuple[int, str]]] = []
        inner: str | None = None
        for k, text in body[j + 1 : end]:
            mark = re.match(r"^\s*(`{3,}|~{3,})", text)
            if inner is None and mark is not None:
                inner = mark.group(1)
                steps.append([(k, text)])
            elif inner is not None:
                steps[-1].append((k, text))
                if text.strip() == inner:
                    inner = None
        if steps:
            new.extend(steps[-1])
            if len(steps) > 1:
                out.notes.append(
                    (
                        body[j][0],
                        f"[not-rendered] a magic-move of {len(steps)} code steps morphs them on clicks; the "
                        "deck and the handout show its last step only",
                        "not-rendered",
                    )
                )
        j = end + 1
    return new


def _notes(body: list[tuple[int, str]]) -> tuple[list[tuple[int, str]], list[tuple[int, str]]]:
    """A slide's lines and its notes: its last HTML comment, when nothing but blank lines follows it."""
    end = len(body)
    while end and not body[end - 1][1].strip():
        end -= 1
    if not end or not body[end - 1][1].rstrip().endswith("-->"):
        return body, []
    start = end - 1
    while start >= 0 and "<!--" not in body[start][1]:
        start -= 1
    if start < 0 or not body[start][1].lstrip().startswith("<!--"):
        return body, []
    text = "\n".join(t for _, t in body[start:end])
    inner = text.strip()[4:-3].strip("\n")
    if not inner.strip():
        return body[:start], []
    inner_lines = inner.split("\n")
    first = body[start][0]
    return body[:start], [(first + j, t.strip()) for j, t in enumerate(inner_lines)]


_UNSHOWN = re.compile(r"^ {0,3}<(style|script)(?=[\s>]|$)", re.I)


def _unshown(body: list[tuple[int, str]]) -> set[int]:
    """The lines (the deck's) of a slide's ``<style>`` and ``<script>`` blocks outside code, to their
    closing tag: CSS and code Slidev runs, which show nothing (the reader leaves them out, with a note)."""
    fenced = code_lines([t for _, t in body])
    out: set[int] = set()
    closing = ""
    for j, (k, text) in enumerate(body):
        if not closing:
            opened = None if fenced[j] else _UNSHOWN.match(text)
            if opened is None:
                continue
            closing = f"</{opened.group(1).lower()}>"
            text = text[opened.end() :]  # (its closing tag may end the same line)
        out.add(k)
        if closing in text.lower():
            closing = ""
    return out


def _words(body: list[tuple[int, str]], unshown: set[int]) -> list[str]:
    """A cover's lines of words: not its CSS or scripts (``unshown``), HTML (a line that opens with a tag, a
    tag's attributes on the lines after it) or the label of a control (Slidev's starter cover: ``<span
    @click="$slidev.nav.next">`` around ``Press Space for next page``, which only turns to the next slide)."""
    lines = ["" if k in unshown else text for k, text in body]
    reader = _CoverText()
    reader.feed("\n".join(lines))
    reader.close()
    return [
        t.strip() for j, t in enumerate(lines) if j + 1 in reader.worded and not t.lstrip().startswith("<")
    ]


class _CoverText(HTMLParser):
    """Which lines (from 1) of the text fed have words of their own: outside tags and controls."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.open: list[tuple[str, bool]] = []  # the elements open: (tag, whether a control)
        self.worded: set[int] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _VOID:
            return
        control = tag == "button" or any(k.startswith(("@click", "v-on:click")) for k, _ in attrs)
        self.open.append((tag, control))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        pass  # (<carbon:arrow-right class="inline"/>: an icon)

    def handle_endtag(self, tag: str) -> None:
        at = next((j for j in range(len(self.open) - 1, -1, -1) if self.open[j][0] == tag), None)
        if at is not None:
            del self.open[at:]

    def handle_data(self, data: str) -> None:
        if any(control for _, control in self.open):
            return
        line = self.getpos()[0]
        self.worded.update(line + j for j, part in enumerate(data.split("\n")) if part.strip())


_VOID = frozenset("area base br col embed hr img input link meta source track wbr".split())


_SLIDE_HEADING = re.compile(r"^( {0,3})#{1,2}(?=[ \t]|$)")


def _inside(body: list[tuple[int, str]], unshown: set[int]) -> list[tuple[int, str]]:
    """A slide's lines (its title taken) with its ``#`` and ``##`` headings at level 3: in Slidev only
    ``---`` starts a slide, and a heading is one inside it, which at this dialect's slide level (2) would
    start a slide (``##``: one titled by it, the slide's title left alone on its own) or a section (``#``)."""
    fenced = code_lines([t for _, t in body])
    return [
        (k, text if fenced[j] or k in unshown else _SLIDE_HEADING.sub(r"\1###", text, count=1))
        for j, (k, text) in enumerate(body)
    ]


_HTML_HEADING = re.compile(r"^\s*<h([1-6])(?:\s[^<>]*)?>", re.I)


def _html_heading(body: list[tuple[int, str]], j: int, fenced: list[bool]) -> tuple[str, int, int] | None:
    """An HTML heading (``<h1>``, perhaps over lines, to its ``</h1>``) that opens ``body[j]``: its words,
    its level and the index of the line after it; None when there is none, or it holds no words."""
    opened = _HTML_HEADING.match(body[j][1])
    if opened is None:
        return None
    closing = re.compile(rf"</h{opened.group(1)}\s*>", re.I)
    for stop in range(j, min(j + 8, len(body))):
        if fenced[stop] or (stop > j and not body[stop][1].strip()):
            return None  # (a blank line ends the HTML block: no heading of its own)
        if closing.search(body[stop][1]):
            html = "\n".join(t for _, t in body[j : stop + 1])
            if closing.split(html, maxsplit=1)[1].strip():
                return None  # (more after it on its line: not a heading alone)
            words = " ".join(unescape(re.sub(r"<[^<>]*>", " ", html)).split())
            return (words, int(opened.group(1)), stop + 1) if words else None
    return None


def _title(body: list[tuple[int, str]], unshown: set[int]) -> tuple[str, int, list[tuple[int, str]], int]:
    """A slide's first heading (outside code): its words, its line, the slide's other lines and its level;
    CSS and scripts before it (``unshown``) are passed over, as HTML is, and so is a kicker (up to
    :data:`_KICKER_LINES` short lines of words over it, no sentence: "Option 1:", "Part 2"), which stays a
    line of the slide; a small heading right over a bigger one ("## Aside", "# TypeScript") is its kicker too."""
    fenced = code_lines([t for _, t in body])
    kicker = 0  # (the lines of words before the heading)
    for j, (k, text) in enumerate(body):
        if fenced[j] or k in unshown:
            continue
        html = _html_heading(body, j, fenced)
        if html is not None:  # (`<h1>` … `</h1>`, as a cover wrapped in a <div> writes its title)
            words, level, stop = html
            return words, k, body[:j] + body[stop:], level
        heading = _HEADING.match(text)
        if text.strip() and heading is None and not text.lstrip().startswith("<"):
            kicker += 1
            if _no_kicker(text, kicker):
                break  # (text before any heading: an untitled slide)
            continue
        if heading is not None:
            bigger = None if kicker else _bigger_heading(body, j, fenced, len(heading.group(1)))
            if bigger is not None:  # (the small heading over it stays, a heading inside the slide)
                j, heading = bigger
                k = body[j][0]
            return heading.group(2), k, body[:j] + body[j + 1 :], len(heading.group(1))
    return "", body[0][0] if body else 0, body, 1


# a kicker over a slide's heading: its lines of words, and the characters in each at most
_KICKER_LINES = 2
_KICKER_WIDTH = 60


def _no_kicker(text: str, count: int) -> bool:
    """Is ``text``, the ``count``-th line of words over a slide's heading, no line of a kicker: too many
    lines, too long, a block (a list item, a quote) or a sentence ("A line before any heading.")?"""
    said = text.strip()
    return (
        count > _KICKER_LINES
        or len(said) > _KICKER_WIDTH
        or bool(_BLOCK_LINE.match(text))
        or said[-1] in ".。!！"
    )


def _bigger_heading(
    body: list[tuple[int, str]], j: int, fenced: list[bool], level: int
) -> tuple[int, re.Match] | None:
    """The heading of a lower level (a bigger one) right after the short heading at ``body[j]`` (blank
    lines and HTML tags between them): its index and match; None when there is none."""
    if len(body[j][1].strip()) > _KICKER_WIDTH:
        return None
    for n in range(j + 1, len(body)):
        text = body[n][1]
        if fenced[n] or (text.strip() and not text.lstrip().startswith("<")):
            heading = None if fenced[n] else _HEADING.match(text)
            return (n, heading) if heading is not None and len(heading.group(1)) < level else None
    return None


_CLICKED = re.compile(r"(?:^|\s)v-(?:click|after)\b")
_AFTER = re.compile(r"(?:^|\s)v-after\b")  # (on the click of the one before it: Slidev's v-after)


# a click inside a line (`It is <v-click>**42**</v-click>.`), or a code span, in which a tag is text
_INLINE_CLICK = re.compile(r"(`+).*?\1|<v-(click|after)(?:\s[^>]*)?>(.*?)</v-\2\s*>")


def _inline_clicks(text: str) -> str:
    """``text`` with each ``<v-click>…</v-click>`` inside it (``<v-after>``: on the click before it) a
    fragment span, which makes its paragraph come on a click (as PowerPoint builds whole paragraphs); a
    code span's tags are left as written.  Spaces at its edges are one space outside it, as HTML shows them."""

    def span(mt: re.Match) -> str:
        if mt.group(1):
            return mt.group(0)
        classes = "fragment with-previous" if mt.group(2) == "after" else "fragment"
        words, text = mt.group(3), mt.string
        lead = " " if words[:1].isspace() and mt.start() and not text[mt.start() - 1].isspace() else ""
        trail = " " if words[-1:].isspace() and not text[mt.end() : mt.end() + 1].isspace() else ""
        return f'{lead}<span class="{classes}">{words.strip()}</span>{trail}'

    return _INLINE_CLICK.sub(span, text)


def _fragment(attrs: str) -> str:
    """The fragment div for an element with ``attrs`` (``v-click``; ``v-after``: with the click before)."""
    return "::: {.fragment .with-previous}" if _AFTER.search(attrs) else "::: {.fragment}"


# Slidev's <v-switch> (<VSwitch>), which shows one of its templates at a time: `<template #1>`, `#2-4`, `v-slot:1`
_SWITCH = re.compile(r"<(?:v-switch|VSwitch)(?=[\s>/])[^>]*>")
_SWITCH_END = re.compile(r"</(?:v-switch|VSwitch)\s*>")
_TEMPLATE = re.compile(r"<template\s+(?:#|v-slot:)([^\s>=]+)[^>]*>(.*?)</template\s*>", re.S)
_LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s")
# display math's opening `$$` with Slidev's click ranges of its rows (`$$ {1|3|all}`)
_MATH_CLICKS = re.compile(r"^(\s*\$\$)\s*(\{(?:[\d\s,|*-]|all|none)+\})(\s*)$")
_SLOT = re.compile(r"^::[\w-]+::$")  # a layout's slot (::right::, ::bottom::)
_HTML_START = re.compile(r"^ {0,3}</?[A-Za-z]")  # a line that starts an HTML block (as CommonMark reads it)


class _Emitter:
    """New lines with the deck's line each came from; Slidev's clicks as this dialect's divs."""

    def __init__(
        self, new: list[str], index: list[int], out: Rewrite, rest: list[tuple[int, str]], shown: list[_Shown]
    ):
        self.new, self.index, self.out, self.shown = new, index, out, shown
        fenced = code_lines([t for _, t in rest])
        self.code = {k for j, (k, _) in enumerate(rest) if fenced[j]}  # (lines of code: no component there)
        # the elements open (<div>s, and any of v-click): (tag, clicked, its line, its fence's indentation);
        # a clicked one's end closes a fragment
        self.divs: list[tuple[str, bool, int, str]] = []
        self.clicks: list[tuple[int, str]] | None = None  # the lines of an open <v-clicks>
        self.switch: list[tuple[int, str]] | None = (
            None  # the lines of an open <v-switch>, its tag's line first
        )
        # the rest of an HTML block whose tag a fence replaced (CommonMark: up to a blank line): lines that
        # were HTML, moved left so that they are never code once the fence has ended the block
        self.run: HtmlRun | None = None
        self.block: int | None = None  # the indentation of the HTML block the last lines are in (None: none)

    def done(self) -> None:
        """The slide's end: a ``<v-clicks>`` never closed ends here, and so does a clicked element (its
        fragment would otherwise run on over the slides after it)."""
        if self.switch is not None:
            self.switch_out(self.switch)
            self.switch = None
        if self.clicks is not None:
            self.clicks_out(self.clicks)
            self.clicks = None
        for tag, clicked, k, pad in reversed(self.divs):
            if clicked:
                self.line(k, pad + ":::")
                self.line(k, "")
                self.out.notes.append(
                    (
                        k,
                        f"this <{tag} v-click> is never closed (no </{tag}> in its slide); its click ends "
                        "with the slide",
                        "unclosed-div",
                    )
                )
        self.divs = []

    def fenced(self, k: int, pad: str, fence: str, before: bool) -> str:
        """Write ``fence`` for the tag on line ``k`` (indented ``pad``), a blank line ``before`` or after it;
        return the indentation it was written with.  The lines after the tag that were in its HTML block
        are moved left (:attr:`run`)."""
        if self.run is None:  # (a tag deep in an HTML block: its fence and the rest at the block's start)
            self.run = HtmlRun(len(pad) if self.block is None else min(self.block, len(pad)))
        pad = pad[: self.run.base]
        if before:
            self.line(k, "")
        self.line(k, pad + fence)
        if not before:
            self.line(k, "")
        return pad

    def clicks_out(self, lines: list[tuple[int, str]]) -> None:
        """A ``<v-clicks>``'s content, as Slidev shows it: a list alone item by item; else each block (a
        heading, a paragraph, a list, a table) on a click of its own.  Content with HTML or code in it:
        an incremental div (its lists item by item)."""
        blocks: list[list[tuple[int, str]]] = [[]]
        for k, text in lines:
            if not text.strip() or text.lstrip().startswith("#"):
                if blocks[-1]:
                    blocks.append([])
                if text.strip():
                    blocks[-1].append((k, text))
                    blocks.append([])
            else:
                blocks[-1].append((k, text))
        blocks = [b for b in blocks if b]
        listed = [bool(_LIST_ITEM.match(b[0][1])) for b in blocks]
        plain = not any(t.lstrip().startswith(("<", "```", "~~~", ":::")) for _, t in lines)
        at = lines[0][0] if lines else 0
        if not plain or all(listed):
            self.line(at, "")
            self.line(at, "::: {.incremental}")
            for k, t in lines:
                self.content(k, t)
            self.line(at, ":::")
            self.line(at, "")
            return
        for block in blocks:  # (a list among other blocks is one of them: one click, as Slidev shows it)
            self.line(block[0][0], "")
            self.line(block[0][0], "::: {.fragment}")
            for k, t in block:
                self.line(k, t)
            self.line(block[-1][0], ":::")
            self.line(block[-1][0], "")

    def collected(self, k: int, text: str) -> bool:
        """Whether line ``k`` is one of an open ``<v-clicks>``'s or a ``<v-switch>``'s (its tag's, to its end
        tag's): kept for :meth:`clicks_out` or :meth:`switch_out`, which write them once the element ends."""
        if self.clicks is not None:
            if text.strip() == "</v-clicks>" and k not in self.code:
                lines, self.clicks = self.clicks, None
                self.clicks_out(lines)
            else:
                self.clicks.append((k, text))
            return True
        if self.switch is None and (k in self.code or not _SWITCH.match(text.strip())):
            return False
        self.switch = [*(self.switch or []), (k, text)]
        if k not in self.code and _SWITCH_END.search(text):
            lines, self.switch = self.switch, None
            self.switch_out(lines)
        return True

    def switch_out(self, lines: list[tuple[int, str]]) -> None:
        """A ``<v-switch>`` (its tag's line first, to its end tag): each ``<template #n>``'s content in turn,
        the one shown from the start (``#0``) first and each later one on a click of its own, as the
        slide show brings them in (where each takes the place of the one before, which a note says);
        words outside any template kept where they are."""
        text = "\n".join(t for _, t in lines)
        starts = [0]
        for _, t in lines[:-1]:
            starts.append(starts[-1] + len(t) + 1)
        opened = _SWITCH.match(text.lstrip())
        begin = len(text) - len(text.lstrip()) + (opened.end() if opened else 0)
        closed = _SWITCH_END.search(text, begin)
        end = closed.start() if closed else len(text)

        def piece(a: int, b: int) -> list[tuple[int, str]]:
            """The lines of ``text[a:b]``, each with its line, their common indentation taken off."""
            first = bisect.bisect_right(starts, a) - 1
            parts = text[a:b].split("\n")
            while parts and not parts[0].strip():
                parts.pop(0)
                first += 1
            while parts and not parts[-1].strip():
                parts.pop()
            cut = min((len(p) - len(p.lstrip()) for p in parts if p.strip()), default=0)
            return [(lines[min(first + j, len(lines) - 1)][0], p[cut:].rstrip()) for j, p in enumerate(parts)]

        at = begin
        clicked = 0
        for mt in _TEMPLATE.finditer(text, begin, end):
            between = piece(at, mt.start())
            at = mt.end()
            from_start = re.match(r"\d+", mt.group(1))
            content = piece(mt.start(2), mt.end(2))
            if not content:
                continue
            step = int(from_start.group(0)) if from_start else 0
            self.switch_lines(between, False)
            self.switch_lines(content, step > 0)
            clicked += step > 0
        self.switch_lines(piece(at, end), False)
        if clicked:
            self.out.notes.append(
                (
                    lines[0][0],
                    "<v-switch> shows one template at a time in the slide show, each click's in place of the "
                    "one before; the deck brings them in one after another, a click each, and the handout "
                    "shows them all",
                    "v-switch",
                )
            )
        rest = text[closed.end() :].strip() if closed else ""
        if rest:  # (words after its end tag on the same line)
            self.content(lines[-1][0], rest)

    def switch_lines(self, part: list[tuple[int, str]], clicked: bool) -> None:
        """Lines of a ``<v-switch>``: a block of their own, on a click of its own when ``clicked``."""
        if not any(t.strip() for _, t in part):
            return
        at = part[0][0]
        self.content(at, "")
        if clicked:
            self.line(at, "::: {.fragment}")
            self.line(at, "")
        for k, t in part:
            self.content(k, t)
        self.content(part[-1][0], "")
        if clicked:
            self.line(part[-1][0], ":::")
            self.line(part[-1][0], "")

    def slot(self, k: int, text: str, *names: str) -> bool:
        """Whether line ``k`` is one of the slots ``names`` (``::right::``), outside code."""
        return k not in self.code and text.strip() in {f"::{name}::" for name in names}

    def line(self, k: int, text: str) -> None:
        self.new.append(text)
        self.index.append(k)

    def math_clicks(self, k: int, text: str) -> str:
        """Display math's opening ``$$`` without Slidev's click ranges of its rows (``$$ {1|3|all}``), which
        are noted once a deck: the deck and the handout show the whole equation."""
        ranged = _MATH_CLICKS.match(text)
        assert ranged is not None
        if not any(code == "code-lines" for _, _, code in self.out.notes):
            self.out.notes.append(
                (
                    k,
                    f"{_short(ranged.group(2), 30)} highlights the equation's rows one click at a time in the "
                    "slide show; the deck and the handout show the whole equation",
                    "code-lines",
                )
            )
        return ranged.group(1) + ranged.group(3)

    def content(self, k: int, text: str) -> None:
        if not text.strip():
            self.run = self.block = None  # (a blank line ends an HTML block)
        elif k not in self.code:
            if self.run is not None:
                text = self.run.unindented(text)
            if self.block is None and _HTML_START.match(text):
                self.block = len(text) - len(text.lstrip())
        if k not in self.code and _MATH_CLICKS.match(text):
            text = self.math_clicks(k, text)
        s = text.strip()
        pad = text[: len(text) - len(text.lstrip())]  # (a click inside a list item stays in the item)
        if self.collected(k, text):
            return
        if k in self.code:  # (code is verbatim: a tag in it is text to show, never a click)
            self.line(k, text)
            return
        whole = re.fullmatch(r"<v-(click|after)(?:\s[^>]*)?>(.*)</v-\1>", s)
        if whole is not None:  # a click on one line
            for t in ("", _fragment("v-" + whole.group(1)), whole.group(2), ":::", ""):
                self.line(k, pad + t if t else t)
            return
        opens = re.fullmatch(r"<v-(click|after)(?:\s[^>]*)?>", s)
        if opens is not None:
            self.fenced(k, pad, _fragment("v-" + opens.group(1)), before=True)
            return
        if re.fullmatch(r"<v-clicks(?:\s[^>]*)?>", s):
            self.clicks = []
            return
        if s in ("</v-click>", "</v-clicks>", "</v-after>"):
            self.fenced(k, pad, ":::", before=False)
            return
        if _SLOT.match(s):
            return  # (a slot of a layout Podium draws as the default: its content in place)
        single = _element_alone(s)
        if single is not None and _CLICKED.search(single.group(2)):  # <img v-click …/>, <Arrow v-click />
            pad = self.fenced(k, pad, _fragment(single.group(2)), before=True)
            self.words(k, pad + s)
            self.fenced(k, pad, ":::", before=False)
            return
        # (`<div i-carbon:data-unreal />`: an element closed in itself, as Vue reads it; it opens nothing)
        opened = re.fullmatch(r"<([A-Za-z][\w-]*)\b([^>]*)(?<!/)>", s)
        if opened is not None and (opened.group(1) == "div" or _CLICKED.search(opened.group(2))):
            clicked = _CLICKED.search(opened.group(2)) is not None  # (<Card v-click>: any element)
            if clicked:
                fence = _fragment(opened.group(2))
                self.divs.append((opened.group(1), clicked, k, self.fenced(k, pad, fence, True)))
                return
            self.divs.append((opened.group(1), clicked, k, pad))
        closing = re.fullmatch(r"</([A-Za-z][\w-]*)>", s)
        if closing is not None and self.divs and self.divs[-1][0] == closing.group(1):
            if self.divs.pop()[1]:
                self.fenced(k, pad, ":::", before=False)
                return
        self.words(k, text)

    def words(self, k: int, text: str) -> None:
        """A line of the slide's own: its clicks inside the line (:func:`_inline_clicks`) and its components
        (:meth:`components`) read."""
        if "<v-" in text and k not in self.code:
            text = _inline_clicks(text)
        if "<" in text and k not in self.code and _COMPONENT.search(text):
            self.components(k, text)
        else:
            self.line(k, text)

    def components(self, k: int, text: str) -> None:
        """A line with Vue components (``<Youtube id=…/>``, ``<Toc/>``, ``<Counter>``): a video's or a post's
        link, the table of contents, another component's words (its tags said to be left out)."""
        tocs: list[str] = []

        def component(mt: re.Match) -> str:
            closing, name, attrs = mt.group(1), mt.group(2), _attributes(mt.group(3))
            if name == "SlidevVideo":  # (its <source> is the video's address: a link, as a <video>'s is)
                return f"<{closing}video>"
            if closing:
                return ""
            key = str(attrs.get("id") or "").strip()
            if name in ("Youtube", "Tweet") and key:
                video, _, query = key.partition("?")  # (a video's id may end in ?start=…)
                url = (
                    "https://www.youtube.com/watch?v="
                    + quote(video, safe="-_")
                    + ("&" + quote(query, safe="=&").replace("start=", "t=") if query else "")
                    if name == "Youtube"
                    else "https://x.com/i/status/" + quote(key, safe="")
                )
                kind = "YouTube video" if name == "Youtube" else "post (tweet)"
                self.out.notes.append(
                    (
                        k,
                        f"the {kind} '{_short(url)}' cannot be shown in a deck or a PDF; a link to it is on the "
                        "slide instead",
                        "media",
                    )
                )
                return f"<{url}>"
            if name == "Toc":
                tocs.extend(_contents(self.shown, attrs))
                if not tocs:
                    self.out.notes.append(
                        (k, "<Toc/> lists the slides' titles: this deck's slides have none", "toc")
                    )
                return ""
            alone = mt.group(0).endswith("/>")  # (<Counter/>: no words of its own)
            self.out.notes.append(
                (
                    k,
                    f"the Vue component <{name}{'/' if alone else ''}> is not drawn (Podium draws Slidev's "
                    "<Youtube>, <Tweet>, <SlidevVideo> and <Toc> only): "
                    + ("it is left out" if alone else "its tags are left out, and the words inside it kept"),
                    "raw-html",
                )
            )
            return ""

        line = outside(_PROTECTED, text, lambda part: _COMPONENT.sub(component, part))
        if line.strip() or not tocs:
            self.line(k, line)
        if tocs:
            for t in ("", *tocs, ""):
                self.line(k, t)


# a Vue component's tag (Slidev's own, or the deck's): a name in PascalCase, which no HTML tag has
_COMPONENT = re.compile(r"<(/?)([A-Z][A-Za-z0-9]*)((?:\s(?:[^>\"']|\"[^\"]*\"|'[^']*')*?)?)\s*/?>")
_PROTECTED = re.compile(r"(`+)[^`]*?\1(?!`)|\$(?:\\.|[^$\n\\])+\$")  # (code spans and math: left as written)
_ATTRIBUTE = re.compile(r"""([:@]?[\w-]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?""")


def _element_alone(s: str) -> re.Match | None:
    """An element that is all of line ``s``: closed in itself (``<Arrow v-click />``), with its end tag on
    the line, or a void element, which no end tag closes (``<img v-click src=…>``); its name and its
    attributes are groups 1 and 2.  None: the line is no such element."""
    single = re.fullmatch(r"<([A-Za-z][\w-]*)\b([^>]*?)(?:/>|>.*</\1>)", s)
    if single is None:
        void = re.fullmatch(r"<([A-Za-z][\w-]*)\b([^>]*)>", s)
        single = void if void is not None and void.group(1).lower() in _VOID else None
    return single


def _attributes(written: str) -> dict[str, str]:
    """A tag's attributes, by name (a Vue binding's ``:`` taken off: ``:columns="2"`` is ``columns``)."""
    return {
        mt.group(1).lstrip(":"): next((g for g in mt.group(2, 3, 4) if g is not None), "")
        for mt in _ATTRIBUTE.finditer(written)
    }


def _short(text: str, most: int = 100) -> str:
    """``text``, cut at ``most`` characters (…) for a message."""
    return text if len(text) <= most else text[: most - 1] + "…"


def _background(emit: _Emitter, picture: str, at: int, section: bool) -> None:
    """A slide's ``background:`` (or ``image:``) picture, which Podium draws no slide behind: on a section
    slide left out (the template's design), on another slide shown on it, under its title; said at ``at``,
    the line of its key."""
    if section:
        emit.out.notes.append(
            (
                at,
                f"[warning] the section slide's background picture '{_short(picture)}' is left out: Podium's "
                "section slide is the template's design",
                "background",
            )
        )
        return
    emit.out.notes.append(
        (
            at,
            f"[warning] background-image '{_short(picture)}' is shown as a picture on the slide, not behind it",
            "background",
        )
    )
    emit.line(at, f"![](<{picture}>)")
    emit.line(at, "")


def _page(matter: dict[str, Any], layout: str, slide: _Slide, out: Rewrite) -> tuple[int, str] | None:
    """An ``iframe`` (``iframe-left``, ``iframe-right``) slide's web page (``url:``): its line and a link
    to it, which a deck or a PDF shows instead (said)."""
    url = str(matter.get("url") or "").strip() if layout in ("iframe", "iframe-left", "iframe-right") else ""
    if not url:
        return None
    url = unescape_attribute(url).replace(" ", "%20").replace(">", "%3E")
    at = slide.keys.get("url", slide.start)
    out.notes.append(
        (
            at,
            f"the web page '{_short(url)}' cannot be shown in a deck or a PDF; a link to it is on the slide instead",
            "media",
        )
    )
    return at, f"<{url}>" if "://" in url else f"`{url}`"


def _toc_title(shown: _Shown) -> None:
    """A slide's title and level in Slidev's table of contents: its ``title:`` (at level 1), else its first
    heading outside code (at its level); its ``level:`` over either; its words without their HTML tags."""
    lines = [t for _, t in shown.slide.lines]
    title, level = shown.matter.get("title") or shown.matter.get("name"), shown.matter.get("level")
    if title:
        shown.title = str(title)
    else:
        code = code_lines(lines)
        heading = next((h for j, t in enumerate(lines) if not code[j] and (h := _HEADING.match(t))), None)
        if heading is not None:
            shown.title, shown.level = heading.group(2), len(heading.group(1))
    if isinstance(level, int) and not isinstance(level, bool):
        shown.level = level
    shown.title = " ".join(re.sub(r"<[^>]*>", "", shown.title).split())


def _contents(shown: list[_Shown], attrs: dict[str, str]) -> list[str]:
    """Slidev's ``<Toc>``: a list of the titles of the slides it shows (not ``hideInToc:`` ones), nested by
    their headings' levels, from ``minDepth`` to ``maxDepth``."""

    def depth(name: str, default: int) -> int:
        value = attrs.get(name) or attrs.get(re.sub(r"[A-Z]", lambda c: "-" + c.group(0).lower(), name), "")
        return int(value) if value.strip().isdigit() else default

    low, high = depth("minDepth", 1), depth("maxDepth", 6)
    items: list[str] = []
    open_levels: list[int] = []  # the levels of the items the next one may be nested in
    for s in shown:
        if not s.title or s.matter.get("hideInToc") is True or not low <= s.level <= high:
            continue
        while open_levels and open_levels[-1] >= s.level:
            open_levels.pop()
        items.append("  " * len(open_levels) + "- " + s.title)
        open_levels.append(s.level)
    return items


def _columns(emit: _Emitter, rest: list[tuple[int, str]]) -> None:
    """A ``two-cols`` slide: what comes before ``::right::`` on the left, the rest on the right; in a
    ``two-cols-header`` slide what comes before ``::left::`` is above both."""
    cut = next(j for j, (k, t) in enumerate(rest) if emit.slot(k, t, "right"))
    # (two-cols-header: what comes before ::left:: spans both columns, above them)
    opening = next((j for j, (k, t) in enumerate(rest[:cut]) if emit.slot(k, t, "left")), 0)
    for k, t in rest[:opening]:
        emit.content(k, t)
    left = [(k, t) for k, t in rest[opening:cut] if not emit.slot(k, t, "left", "default")]
    at = rest[cut][0]
    # (a theme's ::bottom:: slot: what follows it spans both columns, under them)
    bottom = next((j for j in range(cut + 1, len(rest)) if emit.slot(*rest[j], "bottom")), len(rest))
    emit.line(at, "")
    emit.line(at, ":::: columns")
    for part in (left, rest[cut + 1 : bottom]):
        emit.line(at, "::: column")
        for k, t in part:
            emit.content(k, t)
        emit.line(at, ":::")
    emit.line(at, "::::")
    emit.line(at, "")
    for k, t in rest[bottom + 1 :]:
        emit.content(k, t)


def _beside(emit: _Emitter, rest: list[tuple[int, str]], image: str, right: bool, at: int) -> None:
    """An ``image-right`` (``image-left``) slide: its text and its front matter's picture side by side."""
    emit.line(at, "")
    emit.line(at, ":::: columns")
    parts = ["text", "picture"] if right else ["picture", "text"]
    for part in parts:
        emit.line(at, "::: column")
        if part == "picture":
            emit.line(at, f"![]({image})")
        else:
            for k, t in rest:
                emit.content(k, t)
        emit.line(at, ":::")
    emit.line(at, "::::")
    emit.line(at, "")
