"""Slidev decks (``slides.md``), read as the slides Slidev makes of them.

Slidev cuts a file at ``---`` lines; a slide may open with its own front matter (``---``, YAML,
``---``: ``layout: section``, ``class:``, ``title:``); the last HTML comment of a slide is its speaker
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
  its heading (the lecture's title, when the front matter gives none or the same) and a line under it
  (the subtitle), HTML and the labels of its controls (the starter's ``Press Space for next page``)
  aside; a cover saying more is a slide of its own;
* the last comment of a slide is a ``::: notes`` div; ``<v-click>`` a fragment div, ``<v-clicks>``
  around a list an incremental div (its list comes item by item), around other blocks a fragment
  for each (a heading, a paragraph, a list, a table: one click each), ``<div v-click>`` a fragment;
* ``two-cols`` (and ``two-cols-header``) slides are two columns at ``::right::``; ``image-right`` and
  ``image-left`` slides put their ``image:`` beside the text;
* ``hide: true`` slides are left out, as Slidev leaves them out; a slide imported with ``src:`` is
  left out with a warning (its file is not read).

:func:`wanted` tells such a deck by Slidev's own marks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Any

import yaml

from .markdown import code_lines

_CLICKS = re.compile(r"<v-clicks?\b|<\w+[^>]*\sv-click\b|^::(?:right|left|default)::\s*$", re.M)
# front matter with a key of Slidev's slides, after any other keys (`title:` first in the headmatter)
_SLIDE_MATTER = re.compile(
    r"^---[ \t]*\n(?:[\w-]+[ \t]*:.*\n)*?(?P<key>layout|class|transition|clicks|hideInToc|background|image)\s*:",
    re.M,
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
    )
)
# Slidev's own headmatter keys (its look and its app): no note that Podium does not use them
KEYS = _HEAD_KEYS | frozenset(
    ("theme", "background", "class", "layout", "fonts", "favicon", "download", "aspectRatio")
)
_YAMLISH = re.compile(r"^\s*(?:[\w-]+\s*:|- |#)|^\s+\S")
_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_COVERS = ("cover", "intro")


def wanted(text: str) -> bool:
    """A Slidev deck: Slidev's clicks or slots (``<v-click>``, ``::right::``), its front matter keys
    (``highlighter:``, ``drawings:``, ``mdc:``…), or slides with front matter of their own
    (``---``, ``layout: section``, ``---``) — two, or one in a deck whose front matter names a theme."""
    head = text[: text.find("\n---", 3) + 1] if text.startswith("---") else ""
    if re.search(r"^(?:output|format)\s*:", head, re.M):  # (another tool's: R Markdown, Quarto)
        return False
    if _CLICKS.search(text):
        return True
    if any(re.search(rf"^{k}\s*:", head, re.M) for k in _HEAD_KEYS):
        return True
    if re.search(r"^marp\s*:\s*true\b", head, re.M):  # (Marp's own flag: its class: and image: are Marp's)
        return False
    # (in the headmatter, class: and image: are Marp's directives too; only a slide's own are Slidev's)
    matters = sum(
        1 for mt in _SLIDE_MATTER.finditer(text) if mt.start() > 0 or mt["key"] not in ("class", "image")
    )
    return matters >= 2 or (matters >= 1 and re.search(r"^theme\s*:", head, re.M) is not None)


@dataclass
class Rewrite:
    """The deck as this dialect's Markdown: ``text``; ``index[j]``: the deck's line new line j came from;
    ``meta``: the title and subtitle its first slide gives; ``notes``: (line, message, code)."""

    text: str
    index: list[int]
    meta: dict[str, str] = field(default_factory=dict)
    notes: list[tuple[int, str, str]] = field(default_factory=list)
    title_slide: bool = (
        True  # False: the first slide (its cover) is a slide of its own, and no title slide is made
    )


@dataclass
class _Slide:
    start: int  # the line of its `---` (or of its first line)
    matter: dict[str, Any]
    lines: list[tuple[int, str]]


def slidev_markdown(body: str, raw_meta: dict[str, Any]) -> Rewrite:
    """``body`` (the deck without its front matter, lines kept in place) rewritten (module docstring)."""
    lines = body.split("\n")
    slides = _slides(lines)
    out = Rewrite("", [])
    new: list[str] = []
    for n, slide in enumerate(slides):
        matter = dict(slide.matter)
        if n == 0:  # the deck's front matter is its first slide's too
            matter = {
                **{k: v for k, v in raw_meta.items() if k in ("layout", "background", "image")},
                **matter,
            }
        if matter.get("hide") is True or matter.get("disabled") is True:
            continue
        if matter.get("src"):
            out.notes.append(
                (
                    slide.start,
                    f"[not-rendered] the slides of '{matter['src']}' (src:) are left out: "
                    "Podium does not read another file's slides; copy them into this one",
                    "not-rendered",
                )
            )
            continue
        body_lines, notes = _notes(slide.lines)
        body_lines = _magic_moves(body_lines, out)
        unshown = _unshown(body_lines)
        title, title_at, rest = _title(body_lines, unshown)
        title = title or str(matter.get("title") or "")
        layout = str(matter.get("layout") or ("cover" if n == 0 else "default"))
        if n == 0 and layout in _COVERS:
            words = _words(rest, unshown)
            named = str(raw_meta.get("title") or "")
            if title and not named:
                out.meta["title"] = title
            if (not named or named == title) and len(words) <= 1 and not notes and len("".join(words)) <= 120:
                # the title slide says it all: the title, a line under it (the subtitle)
                if words and not raw_meta.get("subtitle"):
                    heading = _HEADING.match(words[0])  # (`## Smart Pointers` under the title: its words)
                    out.meta["subtitle"] = heading.group(2) if heading else words[0]
                continue
            out.title_slide = False  # (Slidev makes no slide of the front matter: the cover is the first)
        rest = _inside(rest, unshown)
        emit = _Emitter(new, out.index)
        emit.line(slide.start, "")
        emit.line(slide.start, "---")
        emit.line(slide.start, "")
        if title:
            picture = matter.get("image") or matter.get("background")
            attrs = (
                f' {{background-image="{picture}"}}'
                if picture and layout in ("cover", "intro", "section", "center", "image", "end")
                else ""
            )
            emit.line(title_at, ("# " if layout == "section" else "## ") + title + attrs)
            emit.line(title_at, "")
        if layout in ("two-cols", "two-cols-header") and any(t.strip() == "::right::" for _, t in rest):
            _columns(emit, rest)
        elif layout in ("image-right", "image-left") and matter.get("image"):
            _beside(emit, rest, str(matter["image"]), right=layout == "image-right", at=slide.start)
        else:
            for k, text in rest:
                emit.content(k, text)
        emit.done()
        if notes:
            at = notes[0][0]
            emit.line(at, "")
            emit.line(at, "::: notes")
            for k, text in notes:
                emit.line(k, text)
            emit.line(at, ":::")
    out.text = "\n".join(new)
    return out


def _slides(lines: list[str]) -> list[_Slide]:
    """The deck's slides: cut at ``---`` lines outside code, each with the front matter that opens it."""
    fenced = code_lines(lines)
    slides = [_Slide(0, {}, [])]
    k = 0
    while k < len(lines):
        if fenced[k] or lines[k].rstrip() != "---":
            slides[-1].lines.append((k, lines[k]))
            k += 1
            continue
        close = _matter_end(lines, fenced, k)
        matter: dict[str, Any] = {}
        if close is not None:
            try:
                loaded = yaml.safe_load("\n".join(lines[k + 1 : close]))
            except yaml.YAMLError:
                loaded = None
            if isinstance(loaded, dict):
                matter = {str(key): v for key, v in loaded.items()}
            else:
                close = None
        slides.append(_Slide(k, matter, []))
        k = (close if close is not None else k) + 1
    return [s for s in slides if s.matter or any(t.strip() for _, t in s.lines)]


def _matter_end(lines: list[str], fenced: list[bool], k: int) -> int | None:
    """The closing ``---`` of front matter opening right after the ``---`` at ``k`` (YAML lines, no blank
    line), or None: the next lines are the slide's."""
    j = k + 1
    if (
        j >= len(lines)
        or not lines[j].strip()
        or not _YAMLISH.match(lines[j])
        or lines[j].lstrip().startswith("#")
    ):
        return None
    while j < len(lines) and not fenced[j]:
        if lines[j].rstrip() == "---":
            return j
        if not lines[j].strip() or not _YAMLISH.match(lines[j]):
            return None
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


def _title(body: list[tuple[int, str]], unshown: set[int]) -> tuple[str, int, list[tuple[int, str]]]:
    """A slide's first heading (outside code): its words, its line, and the slide's other lines; CSS and
    scripts before it (``unshown``) are passed over, as HTML is."""
    fenced = code_lines([t for _, t in body])
    for j, (k, text) in enumerate(body):
        if fenced[j] or k in unshown:
            continue
        if text.strip() and not _HEADING.match(text) and not text.lstrip().startswith("<"):
            break  # (text before any heading: an untitled slide)
        heading = _HEADING.match(text)
        if heading is not None:
            return heading.group(2), k, body[:j] + body[j + 1 :]
    return "", body[0][0] if body else 0, body


_CLICKED = re.compile(r"(?:^|\s)v-click\b")
_LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s")
_SLOT = re.compile(r"^::[\w-]+::$")  # a layout's slot (::right::, ::bottom::)


class _Emitter:
    """New lines with the deck's line each came from; Slidev's clicks as this dialect's divs."""

    def __init__(self, new: list[str], index: list[int]):
        self.new, self.index = new, index
        # the elements open (<div>s, and any of v-click): (tag, clicked); a clicked one's end closes a fragment
        self.divs: list[tuple[str, bool]] = []
        self.clicks: list[tuple[int, str]] | None = None  # the lines of an open <v-clicks>

    def done(self) -> None:
        """The slide's end: a ``<v-clicks>`` never closed ends here."""
        if self.clicks is not None:
            self.clicks_out(self.clicks)
            self.clicks = None

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

    def line(self, k: int, text: str) -> None:
        self.new.append(text)
        self.index.append(k)

    def content(self, k: int, text: str) -> None:
        s = text.strip()
        pad = text[: len(text) - len(text.lstrip())]  # (a click inside a list item stays in the item)
        if self.clicks is not None:
            if s == "</v-clicks>":
                lines, self.clicks = self.clicks, None
                self.clicks_out(lines)
            else:
                self.clicks.append((k, text))
            return
        whole = re.fullmatch(r"<v-click(?:\s[^>]*)?>(.*)</v-click>", s)
        if whole is not None:  # a click on one line
            for t in ("", "::: {.fragment}", whole.group(1), ":::", ""):
                self.line(k, pad + t if t else t)
            return
        if re.fullmatch(r"<v-click(?:\s[^>]*)?>", s):
            self.line(k, "")
            self.line(k, pad + "::: {.fragment}")
            return
        if re.fullmatch(r"<v-clicks(?:\s[^>]*)?>", s):
            self.clicks = []
            return
        if s in ("</v-click>", "</v-clicks>"):
            self.line(k, pad + ":::")
            self.line(k, "")
            return
        if _SLOT.match(s):
            return  # (a slot of a layout Podium draws as the default: its content in place)
        single = re.fullmatch(r"<([A-Za-z][\w-]*)\b([^>]*?)(?:/>|>.*</\1>)", s)
        if single is not None and _CLICKED.search(single.group(2)):  # <img v-click …/>, <Arrow v-click />
            for t in ("", pad + "::: {.fragment}", text, pad + ":::", ""):
                self.line(k, t)
            return
        opened = re.fullmatch(r"<([A-Za-z][\w-]*)\b([^>]*)>", s)
        if opened is not None and (opened.group(1) == "div" or _CLICKED.search(opened.group(2))):
            clicked = _CLICKED.search(opened.group(2)) is not None  # (<Card v-click>: any element)
            self.divs.append((opened.group(1), clicked))
            if clicked:
                self.line(k, "")
                self.line(k, pad + "::: {.fragment}")
                return
        closing = re.fullmatch(r"</([A-Za-z][\w-]*)>", s)
        if closing is not None and self.divs and self.divs[-1][0] == closing.group(1):
            if self.divs.pop()[1]:
                self.line(k, pad + ":::")
                self.line(k, "")
                return
        self.line(k, text)


def _columns(emit: _Emitter, rest: list[tuple[int, str]]) -> None:
    """A ``two-cols`` slide: what comes before ``::right::`` on the left, the rest on the right; in a
    ``two-cols-header`` slide what comes before ``::left::`` is above both."""
    cut = next(j for j, (_, t) in enumerate(rest) if t.strip() == "::right::")
    # (two-cols-header: what comes before ::left:: spans both columns, above them)
    opening = next((j for j, (_, t) in enumerate(rest[:cut]) if t.strip() == "::left::"), 0)
    for k, t in rest[:opening]:
        emit.content(k, t)
    left = [(k, t) for k, t in rest[opening:cut] if t.strip() not in ("::left::", "::default::")]
    at = rest[cut][0]
    # (a theme's ::bottom:: slot: what follows it spans both columns, under them)
    bottom = next((j for j in range(cut + 1, len(rest)) if rest[j][1].strip() == "::bottom::"), len(rest))
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
