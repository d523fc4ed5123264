"""reveal.js's own Markdown (a deck's external ``slides.md``): ``Note:`` starts the speaker notes,
``--`` alone on a line starts a vertical slide, and ``<!-- .element: class="fragment" -->`` makes
what it ends come on a click, as does a ``<p class="fragment">`` (Marp's ``<p data-marpit-fragment="1">``)
on a line of its own.

reveal.js's Markdown plugin cuts a file at ``---`` (horizontal slides) and ``--`` (vertical ones), and
everything from a line beginning ``Note:`` to the end of a slide is that slide's notes.  Such a file
has no front matter (reveal.js reads none), so these rules apply only to a lecture without one that
cuts its slides with ``---``: a pandoc or Quarto lecture with a "Note: bring a calculator" line keeps
it on the slide.  :func:`reveal_markdown` rewrites the text before it is read (``::: notes`` divs,
``---`` for ``--``) and gives, for each new line, the line of the lecture it came from.  reveal-md's
front matter may name another start of the notes (``notesSeparator: <!-- n -->``, a regular expression
searched case-insensitively, as reveal.js does): then what follows it on its slide is the notes, and a
``Note:`` line stays on the slide.  Where only separators cut slides (:func:`separators_only`), the
notes run to the next separator, headings and all (in a file told only by its ``Note:`` lines and its
``---``, a heading ends them).

An ``.element`` comment is reveal.js's own wherever it is written, so :func:`element_fragments`
reads it in any lecture: ending a list item, the item, its nested items with it, is a fragment
(:data:`podium.rawhtml.FRAGMENT_ITEM` before its words): the items without one and what follows the
list are shown at once, as reveal.js shows them; ending a paragraph or a picture, the paragraph is a
``::: {.fragment}`` div.  A comment naming no fragment class
(``style=…``) is dropped as before.  A comment alone on the line under an item's text (at any indent,
as reveal-md decks write it) is that item's, as reveal.js reads it: it is moved to the end of the
item's line (:func:`_comments_onto_items`), so that it never ends the list.  A list whose own items all
have one is incremental; where its nested items have none, they come with the item they are in (a
``{.incremental .fragment-items}`` div: only that list's own items are clicks).

A deck may also write each slide as reveal.js's own HTML, a ``<section>…</section>`` element with Markdown
inside (Hugo Academic's slides, ``pandoc -t revealjs`` passes it through), nested ones for vertical
slides.  Where such sections are the deck's structure (:func:`section_deck`), :func:`section_slides`
rewrites every section tag as a ``---`` cut (its ``data-background…`` attributes as a ``.slide:``
comment) and an HTML heading (``<h2>``) alone on its line as a Markdown one, so that it titles its slide.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from .markdown import (
    LIST_INTERRUPTS,
    SHOWN_FRAGMENTS,
    TAKEN_OUT_FRAGMENTS,
    code_lines,
    fenced_lines,
    markdown_parser,
)
from .rawhtml import FRAGMENT_ITEM, picture_float, read_inline_tag, unescape_attribute

_NOTE = re.compile(r"^notes?:\s*(.*)$", re.I)
_FRAGMENT_INDEX = re.compile(r"""data-fragment-index\s*=\s*["']?(\d+)""")
_ELEMENT = re.compile(r"\s*<!--\s*\.element:?\s*(.*?)\s*-->\s*$")
_FRAGMENT_CLASS = re.compile(r"""class\s*=\s*["'][^"']*\bfragment\b""")
_HTML_FRAGMENT = re.compile(
    r"""^\s*<(p|div|span)\s+class\s*=\s*["'][^"']*\bfragment\b[^"']*["'][^>]*>(.*)</\1>\s*$""", re.I
)
# Marp's <p data-marpit-fragment="2">words</p> (a <div> too) on a line of its own: a click, in index order
_MARPIT_FRAGMENT = re.compile(
    r"""^\s*<(p|div)\s+[^>]*?\bdata-marpit-fragment\b[^>]*>((?:(?!</\1>).)*)</\1>\s*$""", re.I
)
_MARPIT_INDEX = re.compile(r"""data-marpit-fragment\s*=\s*["']?(\d+)""")
_ITEM = re.compile(r"^(\s*(?:[-*+]|\d{1,9}[.)])\s+)(.*)$")
_BLOCK_START = re.compile(r"^\s*(?:#|```|~~~|:::|>|[-*+]\s|\d{1,9}[.)]\s|<)")
_SEPARATOR = re.compile(r"^(---|----|--)\s*$")  # (reveal.js's vertical slides: `--`; reveal-md's: `----`)


# front matter of reveal-md (the tool that serves a reveal.js deck from one Markdown file)
_REVEAL_MD_KEYS = frozenset(
    ("revealOptions", "separator", "verticalSeparator", "notesSeparator", "highlightTheme")
)


def has_reveal_md_keys(raw_meta: dict) -> bool:
    """Whether the front matter has reveal-md's keys (``separator:``, ``revealOptions:``…): a deck for
    reveal-md, however few slides it cuts."""
    return bool(_REVEAL_MD_KEYS & {str(k) for k in raw_meta})


def _own_marks(lines: list[str], fenced: list[bool]) -> bool:
    """Whether ``lines`` carry reveal.js's own marks, which pandoc never reads: ``--`` vertical slides,
    ``<!-- .slide: -->`` comments, or reveal-md's marks (:func:`_reveal_md_marks`)."""
    shown = (line for k, line in enumerate(lines) if not fenced[k])
    return any(line.strip() == "--" or "<!-- .slide:" in line for line in shown) or _reveal_md_marks(
        lines, fenced
    )


def _reveal_md_marks(lines: list[str], fenced: list[bool]) -> bool:
    """Whether ``lines`` cut vertical slides with reveal-md's ``----`` and make clicks with ``<!-- .element:
    class="fragment" -->`` comments, both: a reveal-md deck, front matter or not.  (``----`` alone says
    nothing: pandoc reads it as a rule, a slide break like ``---``; and pandoc, Quarto and Marp never read
    an ``.element`` comment, which only reveal.js's Markdown plugin does.)"""
    shown = [line for k, line in enumerate(lines) if not fenced[k]]
    return any(line.strip() == "----" for line in shown) and any(
        (mark := _ELEMENT.search(line)) is not None and _FRAGMENT_CLASS.search(mark.group(1)) is not None
        for line in shown
        if ".element" in line
    )


def marks_told(raw_meta: dict, text: str) -> tuple[int, str] | None:
    """For a lecture with front matter but none of reveal-md's keys that :func:`is_reveal_markdown` reads
    as reveal.js's Markdown: the (0-based) line of the first of the marks that told it, and what they are
    (for its ``dialect`` note); None for any other lecture."""
    if not raw_meta or has_reveal_md_keys(raw_meta) or not is_reveal_markdown(raw_meta, text):
        return None
    lines = text.split("\n")
    fenced = code_lines(lines)
    shown = [k for k in range(len(lines)) if not fenced[k]]
    if _reveal_md_marks(lines, fenced):
        first = min(
            k
            for k in shown
            if lines[k].strip() == "----" or (".element" in lines[k] and _ELEMENT.search(lines[k]))
        )
        return first, "reveal-md's '----' vertical slides and '.element' fragments"
    dashes = [k for k in shown if lines[k].strip() == "--"]
    slides = [k for k in shown if "<!-- .slide:" in lines[k]]
    if dashes and (not slides or dashes[0] < slides[0]):
        return dashes[0], "reveal.js's '--' vertical slides"
    return (slides[0], "reveal.js's '<!-- .slide: -->' comments") if slides else None


def is_reveal_markdown(raw_meta: dict, text: str) -> bool:
    """A lecture that cuts its slides with ``---`` and writes ``Note:`` or ``--``, without front matter or
    with reveal.js's own marks in its text (``--`` vertical slides, ``<!-- .slide: -->`` comments); or one
    with reveal-md's front matter (``revealOptions:``, ``separator:``…), however few slides it has (a
    one-slide exercise sheet is reveal-md's too): a pandoc or Quarto lecture with front matter keeps its
    "Note:" lines."""
    lines = text.split("\n")
    fenced = code_lines(lines)
    reveal_md = has_reveal_md_keys(raw_meta)  # (then `---` alone says enough)
    if raw_meta and not (reveal_md or _own_marks(lines, fenced)):
        return False
    own = separators_of(raw_meta, text)
    separators = sum(
        1 for k, line in enumerate(lines) if not fenced[k] and (line.strip() == "---" or _cuts(line, own))
    ) + len(blank_cuts(lines, fenced, blank_separator(raw_meta)))
    marks = any(
        not fenced[k] and (line.strip() in ("--", "----") or _NOTE.match(line) or _cuts(line, own))
        for k, line in enumerate(lines)
    )
    return reveal_md or separators > 0 and marks


def separators_only(raw_meta: dict, text: str, noted: bool = True) -> bool:
    """Whether a reveal.js Markdown deck (:func:`is_reveal_markdown`) is surely reveal.js's or reveal-md's,
    whose slides only its separators cut, never headings: it has reveal-md's front matter or separators of
    its own, or reveal-md's ``----`` and ``.element`` fragments (:func:`_reveal_md_marks`), or, without
    front matter, reveal.js's own marks (``--`` vertical slides, ``<!-- .slide: -->`` comments), which
    pandoc never reads; or, where ``noted``, one that writes ``Note:`` lines and is cut by its ``---`` rather
    than its headings (:func:`_noted_separator_deck`: a pandoc lecture cut at its headings is not)."""
    if _REVEAL_MD_KEYS & {str(k) for k in raw_meta} or separators_of(raw_meta, text):
        return True
    lines = text.split("\n")
    fenced = code_lines(lines)
    if raw_meta:
        return _reveal_md_marks(lines, fenced)
    return _own_marks(lines, fenced) or noted and _noted_separator_deck(lines, fenced)


_TOP_HEADING = re.compile(r"^#{1,2}\s")


def _noted_separator_deck(lines: list[str], fenced: list[bool]) -> bool:
    """Whether a file without front matter that writes reveal.js's ``Note:`` lines is cut by its ``---``
    separators rather than by its headings: it has at least as many ``---`` as ``#``/``##`` headings that
    would cut a slide where no ``---`` does (a heading after another heading or text between two
    separators).  A pandoc lecture cut at its headings, with a ``---`` here and there, has more of those."""
    separators = 0
    cutting = 0  # (headings that are not the first thing between two separators)
    shown = False  # (whether the slide between separators has shown anything yet)
    noted = False
    for k, line in enumerate(lines):
        if fenced[k] or not line.strip():
            continue
        if line.strip() == "---":
            separators += 1
            shown = False
            continue
        noted = noted or _NOTE.match(line) is not None
        cutting += bool(shown and _TOP_HEADING.match(line))
        shown = True
    return noted and separators > 0 and separators >= cutting


# a slide separator written as a comment, passed to reveal-md on its command line (`--separator '<!-- > -->'`,
# `--vertical-separator '<!-- v -->'`: Make School's course decks); one when a deck has two or more of them
_COMMENT_CUT = re.compile(r"<!--\s*[>v]\s*-->")


def separators_of(raw_meta: dict, text: str = "") -> list[re.Pattern]:
    """reveal-md's own slide separators (``separator:``, ``verticalSeparator:`` in the front matter, regular
    expressions such as ``'<--o-->'`` or ``'^\\r?\\n---\\r?\\n$'``) as patterns a whole line matches; and
    ``<!-- > -->`` / ``<!-- v -->`` where ``text`` cuts its slides with them (two or more)."""
    out = []
    if "<!--" in text and sum(1 for line in text.split("\n") if _COMMENT_CUT.fullmatch(line.strip())) >= 2:
        out.append(_COMMENT_CUT)
    for key in ("separator", "verticalSeparator"):
        given = raw_meta.get(key)
        if not isinstance(given, str) or not given.strip():
            continue
        line = re.sub(r"(\\r\?|\\r)?\\n", "", given).strip("^$")
        if not line:  # (line breaks only: blank lines cut, :func:`blank_separator`)
            continue
        try:
            out.append(re.compile(line))
        except re.error:
            continue
    return out


def blank_separator(raw_meta: dict) -> int:
    """How many blank lines in a row cut a slide where reveal-md's ``separator:`` or ``verticalSeparator:``
    (a page's ``data-separator-vertical="^\\n\\n"``) is line breaks only, as reveal.js searches the whole
    text with it (``^\\n\\n``: two blank lines); where both are, the fewer (a vertical slide is a slide
    here too: ``^\\n\\n\\n`` and ``^\\n\\n``, two blank lines cut); 0 where neither is."""
    counts = []
    for key in ("separator", "verticalSeparator"):
        given = raw_meta.get(key)
        if not isinstance(given, str):
            continue
        bare = re.sub(r"\\r\??", "", given)
        if re.fullmatch(r"\^?(?:\\n)+\$?", bare):
            count = bare.count("\\n") - (0 if bare.startswith("^") else 1) + (1 if bare.endswith("$") else 0)
            if count >= 1:
                counts.append(count)
    return min(counts, default=0)


def blank_cuts(lines: list[str], fenced: list[bool], need: int) -> set[int]:
    """The blank lines of ``lines`` that cut a slide where ``need`` blank lines in a row do
    (:func:`blank_separator`): the last of each such run (outside code)."""
    out: set[int] = set()
    run = 0
    for k, line in enumerate(lines):
        run = run + 1 if not line.strip() and not fenced[k] else 0
        if need and run == need:
            out.add(k)
    return out


def notes_separator(raw_meta: dict) -> re.Pattern | str | None:
    """reveal-md's ``notesSeparator:`` (a regular expression, such as ``'<!-- n -->'`` or ``'^Note:'``) as
    the pattern reveal.js's Markdown plugin searches each slide with (case-insensitive, ``^`` at a line's
    start); None where the front matter gives none, and the reason where it cannot be used."""
    given = raw_meta.get("notesSeparator")
    if given is None:
        return None
    if not isinstance(given, str) or not given.strip():
        return "it is not a pattern of text"
    try:
        pattern = re.compile(re.sub(r"(\\r\?|\\r)?\\n", "", given), re.I | re.M)
    except re.error as err:
        return f"it is not a regular expression Python reads ({err})"
    if pattern.search("") is not None:
        return "it matches empty text, so it would make every line speaker notes"
    return pattern


def _cuts(line: str, own: list[re.Pattern]) -> bool:
    return any(p.fullmatch(line.strip()) for p in own) if own and line.strip() else False


def reveal_markdown(text: str, raw_meta: dict | None = None) -> tuple[str, list[int]] | None:
    """``text`` with reveal.js's ``Note:`` notes as ``::: notes`` divs and ``--`` (``----``, reveal-md's
    own separators) as ``---``; None when nothing changed."""
    lines = text.split("\n")
    fenced = code_lines(lines)
    own = separators_of(raw_meta or {}, text)
    given = notes_separator(raw_meta or {})
    starts_notes = given if isinstance(given, re.Pattern) else _NOTE
    # (where only the separators cut slides, as in reveal-md, a heading in the notes is the notes'; in a
    # file told only by its `Note:` lines and `---`, a heading after a note ends it, as it may be a part a
    # vertical separator the file cannot say, a page's, shows on a slide of its own)
    headings_cut = not separators_only(raw_meta or {}, text, noted=False)
    blanks = blank_cuts(lines, fenced, blank_separator(raw_meta or {}))
    out: list[str] = []
    index: list[int] = []
    in_notes = False
    changed = False
    for k, line in enumerate(lines):
        cut = not fenced[k] and (_cuts(line, own) or k in blanks)
        heading = headings_cut and line.startswith("#")
        ends_slide = not fenced[k] and (_SEPARATOR.match(line) or heading or cut)
        if in_notes and ends_slide:
            out.append(":::")
            index.append(k)
            out.append("")
            index.append(k)
            in_notes = False
        note = starts_notes.search(line) if not fenced[k] and not in_notes and not cut else None
        if note is not None:  # the line's words before the separator stay on the slide; after it, notes
            before = line[: note.start()]
            words = note.group(1) if starts_notes is _NOTE else line[note.end() :].strip()
            out += ([before] if before.strip() else []) + ["", "::: notes", words]
            index += ([k] if before.strip() else []) + [k, k, k]
            in_notes = changed = True
            continue
        if not fenced[k] and (line.strip() in ("--", "----") or cut):
            out += ["", "---", ""] if cut else ["---"]
            index += [k, k, k] if cut else [k]
            changed = True
            continue
        out.append(line)
        index.append(k)
    if in_notes:
        out.append(":::")
        index.append(len(lines) - 1)
    return ("\n".join(out), index) if changed else None


def element_fragments(text: str, lists_interrupt: bool = False) -> tuple[str, list[int]] | None:
    """``text`` with reveal.js's ``<!-- .element: class="fragment" -->`` comments read (see the module
    docstring), and the old line index of every new line; None when there is none.  A list begins right
    under a paragraph's line where ``lists_interrupt`` (CommonMark's rule, the deck's tool's); else (pandoc's
    rule) such item lines are the paragraph's text, their comments only taken off, so that a comment never
    changes where a paragraph ends."""
    if ".element" not in text and "fragment" not in text:
        return None
    lines = text.split("\n")
    fenced, marks, tags = _marks(lines)
    if not any(marks) and not any(tags):
        return None
    lines, origin = _picture_styles(lines, fenced, marks)
    fenced, marks, tags = _marks(lines)
    if any(mark is not None and not lines[k][: mark.start()].strip() for k, mark in enumerate(marks)):
        under_text = set() if lists_interrupt else _text_items(lines, fenced)
        lines, kept = _comments_onto_items(lines, fenced, marks, under_text)
        origin = [origin[k] for k in kept]
        fenced, marks, tags = _marks(lines)
    if any(
        mark is not None and k and not lines[k - 1].strip() and not lines[k][: mark.start()].strip()
        for k, mark in enumerate(marks)
    ):
        lines, origin = _comments_onto_blocks(lines, marks, origin, lists_interrupt)
        fenced, marks, tags = _marks(lines)
    text_items = set() if lists_interrupt else _text_items(lines, fenced)
    spans = _fragment_lists(lines, marks, text_items, fenced)
    # (a list whose nested items have no comment of their own: they come with the item they are in)
    opens = {
        a: "::: incremental" if whole else "::: {.incremental .fragment-items}" for a, _, _, whole in spans
    }
    closes = {b for _, b, _, _ in spans}
    inside = {k for _, _, items, _ in spans for k in items}
    out: list[str] = []
    index: list[int] = []
    for k, line in enumerate(lines):
        if k in opens:  # a list whose every item is a fragment: reveal.js's incremental list
            out += ["", opens[k]]
            index += [k, k]
        mt = marks[k]
        tag = tags[k]
        if tag is not None:  # <p class="fragment">words</p> on a line of its own: a fragment of those words
            out += ["", _fragment_fence(tag.group(0)), tag.group(2).strip(), ":::", ""]
            index += [k] * 5
        elif mt is None:
            out.append(line)
            index.append(k)
        else:
            styles = [
                style
                for style in re.findall(r"[\w-]+", mt.group(1))
                if style in SHOWN_FRAGMENTS | TAKEN_OUT_FRAGMENTS
            ]
            fragment = _FRAGMENT_CLASS.search(mt.group(1)) is not None and not SHOWN_FRAGMENTS.intersection(
                styles
            )
            order = _FRAGMENT_INDEX.search(mt.group(1))
            _element(
                line[: mt.start()],
                fragment and k not in text_items,  # (a paragraph's line: its comment only taken off)
                k in inside,
                k,
                out,
                index,
                order.group(1) if order else "",
                text_items,
                [] if k in text_items else styles,
            )
        if k in closes:
            out += [":::", ""]
            index += [k, k]
    return "\n".join(out), [origin[k] for k in index]


def _marks(lines: list[str]) -> tuple[list[bool], list[re.Match | None], list[re.Match | None]]:
    """For each line: whether it is code, its ``.element`` comment and its fragment element (``<p
    class="fragment">…</p>``, Marp's ``data-marpit-fragment``) alone on the line, if any."""
    fenced = code_lines(lines)
    marks = [
        _ELEMENT.search(line) if not fenced[k] and ".element" in line else None
        for k, line in enumerate(lines)
    ]
    tags = [
        (_HTML_FRAGMENT.match(line) or _MARPIT_FRAGMENT.match(line))
        if not fenced[k] and "fragment" in line
        else None
        for k, line in enumerate(lines)
    ]
    return fenced, marks, tags


# a Markdown picture ending its line's words (`![Spring](pic.png)`, its source perhaps in `<…>` or titled)
_PICTURE_END = re.compile(r"""!\[[^\]\n]*\]\((?:<[^<>\n]*>|[^()\s]+)(?:\s+(?:"[^"\n]*"|'[^'\n]*'))?\)\s*$""")
_CSS_SIZE = re.compile(
    r"(?:^|;)\s*(width|height)\s*:\s*(\d*\.?\d+(?:%|px|in|cm|mm|pt|em))\s*(?:!important\s*)?(?=;|$)", re.I
)


def _picture_attributes(said: str) -> str:
    """The pandoc attributes (``{width=35% style="float:right"}``) of what an ``.element`` comment (its
    text ``said``) gives a picture: its ``style``'s ``width`` and ``height`` (as a browser reads them: a
    value it cannot read, ``49%%``, is none) or its ``width=``/``height=``, and its float; "" for none."""
    attrs = read_inline_tag(f"<img {said}>").attrs
    sizes = {key.lower(): value.lower() for key, value in _CSS_SIZE.findall(attrs.get("style", "") or "")}
    for key in ("width", "height"):
        given = (attrs.get(key) or "").strip()
        if key not in sizes and re.fullmatch(r"\d*\.?\d+(%|px)?", given):
            sizes[key] = given if not given[-1].isdigit() else given + "px"
    words = [f"{key}={sizes[key]}" for key in ("width", "height") if key in sizes]
    side = picture_float(attrs)
    words += [f'style="float:{side}"'] if side else []
    return "{" + " ".join(words) + "}" if words else ""


def _picture_styles(
    lines: list[str], fenced: list[bool], marks: list[re.Match | None]
) -> tuple[list[str], list[int]]:
    """``lines`` with what an ``.element`` comment gives the picture it follows (``![](pic.png) <!-- .element
    style="float:right; width:35%" -->``) as the picture's pandoc attributes (:func:`_picture_attributes`),
    which Podium reads: its size, and its float beside the text; and the old line of every new line.  A
    comment alone on the line right under a picture's is moved onto it (reveal.js gives it the paragraph
    the picture is in, which the picture fills).  Its fragment class, if any, is read after."""
    out = list(lines)
    gone: set[int] = set()
    for k, mark in enumerate(marks):
        if mark is None:
            continue
        words = lines[k][: mark.start()]
        at = k
        if not words.strip() and k and not fenced[k - 1] and k - 1 not in gone:
            at, words = k - 1, out[k - 1].rstrip()
        given = _picture_attributes(mark.group(1)) if _PICTURE_END.search(words) else ""
        if not given:
            continue
        out[at] = words.rstrip() + given + lines[k][mark.start() :]
        if at != k:
            gone.add(k)
    return [line for k, line in enumerate(out) if k not in gone], [
        k for k in range(len(out)) if k not in gone
    ]


def _comments_onto_items(
    lines: list[str], fenced: list[bool], marks: list[re.Match | None], text_items: set[int]
) -> tuple[list[str], list[int]]:
    """``lines`` with each ``.element`` comment alone on its line right under a list item's text (its first
    line, a wrapped or lazy line, at any indent) moved to the end of that item's first line, and the old
    line of every new line.  reveal.js gives such a comment to the ``<li>`` it is written in, as it does
    one at the end of the item's line (marked reads the comment line as the item's text, and the plugin
    gives a comment's attributes to the element it is in where no element comes before it); left on its
    line, it would end the list there.  Two comments on one item are one comment naming both.  Under an
    item line that is a paragraph's text (``text_items``, pandoc's reading) the comment stays: it ends
    that paragraph."""
    out = list(lines)
    gone: set[int] = set()
    for k, mark in enumerate(marks):
        if mark is None or lines[k][: mark.start()].strip():
            continue
        owner = k - 1
        while owner >= 0 and lines[owner].strip() and not fenced[owner]:
            if owner in gone:  # (another comment line of the same item)
                owner -= 1
            elif _ITEM.match(lines[owner]):
                break
            elif _BLOCK_START.match(lines[owner]):
                owner = -1
            else:
                owner -= 1
        if owner < 0 or not lines[owner].strip() or fenced[owner] or owner in text_items:
            continue  # (under a paragraph, a picture or a heading: read where it is)
        had = _ELEMENT.search(out[owner])
        words = out[owner][: had.start()] if had else out[owner].rstrip()
        said = f"{had.group(1)} {mark.group(1)}" if had else mark.group(1)
        out[owner] = f"{words} <!-- .element: {said} -->"
        gone.add(k)
    return [line for k, line in enumerate(out) if k not in gone], [
        k for k in range(len(out)) if k not in gone
    ]


# the blocks a fragment div can hold whole, by markdown-it's token (a comment after one makes it a click)
_WRAPPED = frozenset(
    "bullet_list_open ordered_list_open fence code_block table_open blockquote_open math_block "
    "fenced_div_open dl_open".split()
)


def _comments_onto_blocks(
    lines: list[str], marks: list[re.Match | None], origin: list[int], lists_interrupt: bool
) -> tuple[list[str], list[int]]:
    """``lines`` with each ``.element`` comment alone on its line after a blank line, outside any other
    block, given to the block before it, as reveal.js gives it to the element before it: a paragraph's (or
    picture's) last line gets it at its end; a list, a listing, a table, a quote or a div is put in a
    fragment div of the comment's classes, so that the whole list comes on one click.  A heading keeps
    no click (a title cannot come on one).  Also the old line (``origin``) of every new line."""
    md = markdown_parser()
    tokens: list = []
    md.block.parse("\n".join(lines), md, {LIST_INTERRUPTS: lists_interrupt}, tokens)
    blocks: list[tuple[str, int, int]] = []  # the top-level blocks: (type, first line, line after)
    for tok in tokens:
        if tok.level == 0 and tok.nesting >= 0 and tok.map:
            blocks.append((tok.type, tok.map[0], tok.map[1]))
    wrap: dict[int, tuple[int, str]] = {}  # a block's first line: (its last line, the fragment's fence)
    ends: dict[int, int] = {}  # a paragraph's last line: the comment line given to it
    gone: set[int] = set()
    for n, (kind, first, after) in enumerate(blocks):
        mark = marks[first] if kind == "html_block" and after == first + 1 else None
        if (
            mark is None
            or n == 0
            or not _FRAGMENT_CLASS.search(mark.group(1))
            or lines[first][: mark.start()].strip()
        ):
            continue
        kind, start, stop = blocks[n - 1]
        last = max((j for j in range(start, stop) if lines[j].strip()), default=start)
        if kind == "paragraph_open":
            ends[last] = first
        elif kind in _WRAPPED:
            wrap[start] = (last, _fragment_fence(f"<div {mark.group(1)}>"))
        else:  # (a title cannot come on a click; a slide's cut, HTML: nothing to give it to)
            continue
        gone.add(first)
    out: list[str] = []
    index: list[int] = []
    closing: dict[int, int] = {}
    for k, line in enumerate(lines):
        if k in gone:
            continue
        if k in wrap:
            last, fence = wrap[k]
            out += ["", fence]
            index += [origin[k]] * 2
            closing[last] = k
        if k in ends:
            had = marks[k]
            said = marks[ends[k]]
            assert said is not None
            words = line[: had.start()] if had else line.rstrip()
            line = f"{words} <!-- .element: {had.group(1) + ' ' if had else ''}{said.group(1)} -->"
        out.append(line)
        index.append(origin[k])
        if k in closing:
            out += [":::", ""]
            index += [origin[k]] * 2
    return out, index


def _element(
    words: str,
    fragment: bool,
    in_list: bool,
    k: int,
    out: list[str],
    index: list[int],
    order: str = "",
    text_items: set[int] | frozenset[int] = frozenset(),
    styles: Sequence[str] = (),
) -> None:
    """Line ``k``'s ``words`` (its ``.element`` comment taken off) added to ``out``, as a click where the
    comment says fragment (on the click its ``data-fragment-index`` ``order`` gives, if any); a paragraph
    runs up over its lines that look like list items (``text_items``: :func:`_text_items`).  A paragraph
    whose fragment has a style (``fade-out``, ``fade-in-then-out``) is a div with that class, so that
    the reader can say what the deck does with it."""
    item = _ITEM.match(words)
    shown = not fragment and bool(styles) and item is None  # (`fade-out`: a div of its own, no click)
    if not (fragment or shown) or in_list or words.lstrip().startswith("#"):  # (a title: no click)
        out.append(words)
        index.append(k)
    elif item is not None:  # an item of a list with other items: it comes on a click, its nested items too
        marker = FRAGMENT_ITEM[:-1] + f"={order}]" if order else FRAGMENT_ITEM
        out.append(f"{item.group(1)}{marker} {item.group(2)}")
        index.append(k)
    else:  # a paragraph (or a picture): from its first line to this one, a fragment
        first = len(out)
        while (
            first > 0
            and out[first - 1].strip()
            and not (_BLOCK_START.match(out[first - 1]) and index[first - 1] not in text_items)
        ):
            first -= 1
        names = "".join(f" .{style}" for style in styles)
        fence = f"::: {{.fragment{names} fragment-index={order}}}" if order else f"::: {{.fragment{names}}}"
        out[first:first] = ["", fence]
        index[first:first] = [index[first] if first < len(index) else k] * 2
        out += [words, ":::", ""]
        index += [k, k, k]


def _fragment_fence(tag: str) -> str:
    """The fenced div's opening line for an HTML element with class ``fragment`` (``<p class="fragment
    fade-out" data-fragment-index="2">``): its classes (a style that shows it from the start makes it no
    fragment: :func:`podium.markdown.parse_attrs`) and its ``fragment-index``; for Marp's
    ``data-marpit-fragment="N"``, a fragment of index N."""
    opening = tag[: tag.find(">") + 1]
    marpit = _MARPIT_INDEX.search(opening)
    if marpit is not None or "data-marpit-fragment" in opening:  # (Marp's: its value orders the clicks)
        return "::: {.fragment" + (f" fragment-index={marpit.group(1)}" if marpit else "") + "}"
    classes = re.search(r"""class\s*=\s*["']([^"']*)["']""", tag)
    names = " ".join("." + c for c in (classes.group(1).split() if classes else ["fragment"]) if "{" not in c)
    order = _FRAGMENT_INDEX.search(opening)
    return "::: {" + names + (f" fragment-index={order.group(1)}" if order else "") + "}"


def _text_items(lines: list[str], fenced: list[bool]) -> set[int]:
    """The lines that look like list items but are a paragraph's text, as pandoc reads them: right under a
    paragraph's line (or under such a line), outside any list."""
    out: set[int] = set()
    state = ""  # what the line before is: "" (a blank line, or another block), "text", "list"
    for k, line in enumerate(lines):
        if fenced[k] or not line.strip():
            state = ""
        elif _ITEM.match(line):
            if state == "text":
                out.add(k)
            else:
                state = "list"
        elif _BLOCK_START.match(line):
            state = ""
        elif state != "list":
            state = "text"
    return out


def _fragment_lists(
    lines: list[str], marks: list[re.Match | None], text_items: set[int], fenced: list[bool]
) -> list[tuple[int, int, list[int], bool]]:
    """(first line, last line, the lines of its items, whether they are all its items) of each list whose
    every item at the list's own indent ends in a fragment comment; a line of ``text_items``
    (:func:`_text_items`) begins none.  Where every nested item has one too, the items are all of them;
    else the list's own (the nested ones' comments, if any, are clicks of their own: ``\\pause``)."""
    out: list[tuple[int, int, list[int], bool]] = []
    k = 0
    while k < len(lines):
        item = _ITEM.match(lines[k])
        if item is None or k in text_items:
            k += 1
            continue
        indent = len(item.group(1)) - len(item.group(1).lstrip())
        end = k
        j = k + 1
        while j < len(lines):  # the list runs on over its items, their indented lines and blank lines
            line = lines[j]
            if not line.strip():
                j += 1
                continue
            nested = len(line) - len(line.lstrip()) > indent
            lazy = lines[j - 1].strip() and not _BLOCK_START.match(line)  # (an item's text run on unindented)
            if not (nested or lazy) and not (_ITEM.match(line) and len(line) - len(line.lstrip()) == indent):
                break
            end = j
            j += 1
        every = [x for x in range(k, end + 1) if _ITEM.match(lines[x]) and not fenced[x]]
        own = [x for x in every if len(lines[x]) - len(lines[x].lstrip()) == indent]
        clicks = [
            x for x in every if (mark := marks[x]) is not None and _FRAGMENT_CLASS.search(mark.group(1))
        ]
        if set(own) <= set(clicks):
            whole = len(clicks) == len(every)
            out.append((k, end, every if whole else own, whole))
        k = end + 1
    return out


# a reveal.js slide written as HTML: `<section …>` and `</section>` (each beginning or ending its line)
_SECTION_OPEN = re.compile(r"^\s*<section(?=[\s>])([^>]*)>(.*)$", re.I)
_SECTION_CLOSE = re.compile(r"^(.*?)</section\s*>\s*$", re.I)
# an HTML heading alone on its line: a slide's title where it comes first
_HTML_HEADING = re.compile(r"^\s*<h([1-3])(?:\s[^>]*)?>(.*?)</h\1\s*>\s*$", re.I)


def _section_tags(lines: list[str]) -> list[tuple[str, str, str] | None]:
    """For each line: ("open", attributes, the rest of the line) for a ``<section …>`` that begins it,
    ("close", the line before the tag, "") for a ``</section>`` that ends it, else None (code: None)."""
    fenced = fenced_lines(lines)
    out: list[tuple[str, str, str] | None] = []
    for k, line in enumerate(lines):
        tag = None
        if not fenced[k] and "section" in line.lower():
            opened = _SECTION_OPEN.match(line)
            closed = _SECTION_CLOSE.match(line) if opened is None else None
            if opened is not None and "</section" not in opened.group(2).lower():
                tag = ("open", opened.group(1).strip(), opened.group(2))
            elif closed is not None and "<section" not in closed.group(1).lower():
                tag = ("close", closed.group(1), "")
        out.append(tag)
    return out


def section_deck(text: str) -> int | None:
    """The line index of the first ``<section>`` of a deck whose slides are reveal.js ``<section>``
    elements: two or more at its top level (not inside another), holding at least three quarters of its
    lines that are not blank; None for a lecture that only has a ``<section>`` among its HTML."""
    if "<section" not in text and "<SECTION" not in text:
        return None
    lines = text.split("\n")
    tags = _section_tags(lines)
    depth = top = inside = outside = 0
    first = None
    for k, line in enumerate(lines):
        tag = tags[k]
        if tag is not None and tag[0] == "open":
            top += depth == 0
            first = k if first is None else first
            depth += 1
            inside += bool(tag[2].strip())
        elif tag is not None:
            inside += bool(tag[1].strip())
            depth = max(depth - 1, 0)
        elif line.strip() and not (line.strip().startswith("<!--") and line.strip().endswith("-->")):
            inside += depth > 0
            outside += depth == 0
    return first if top >= 2 and outside * 3 <= inside else None


def section_slides(text: str) -> tuple[str, list[int]] | None:
    """``text`` with its reveal.js ``<section>`` slides (:func:`section_deck`) cut by ``---``: a
    section's ``data-background…`` attributes as a ``<!-- .slide: -->`` comment, and an ``<h1>``-``<h3>``
    alone on its line inside a section as a Markdown heading; the old line index of every new line.
    None when the sections are not the deck's slides."""
    if section_deck(text) is None:
        return None
    lines = text.split("\n")
    tags = _section_tags(lines)
    code = code_lines(lines)
    out: list[str] = []
    index: list[int] = []
    depth = 0
    shown = False  # (whether the slide being written has anything yet: a cut only after something)
    pending: tuple[int, str] | None = None  # (line, attributes) of a section opened, its cut not yet written

    def add(new: list[str], k: int) -> None:
        nonlocal shown, pending
        if pending is not None and any(x.strip() for x in new):
            at, attrs = pending
            pending = None
            cut = ["", "---", ""] if shown else [""]
            background = " ".join(
                re.findall(r"""\bdata-background[\w-]*\s*=\s*(?:"[^"]*"|'[^']*'|\S+)""", attrs)
            )
            out.extend([*cut, *([f"<!-- .slide: {background} -->", ""] if background else [])])
            index.extend([at] * (len(cut) + (2 if background else 0)))
        shown = shown or any(x.strip() for x in new)
        out.extend(new)
        index.extend([k] * len(new))

    for k, line in enumerate(lines):
        tag = tags[k]
        if tag is not None and tag[0] == "open":
            depth += 1
            pending = (k, tag[1])
            add(["", tag[2]] if tag[2].strip() else [""], k)
            continue
        if tag is not None:  # `</section>`: what follows before the next section is a slide of its own
            add([tag[1], ""], k)
            depth = max(depth - 1, 0)
            pending = (k, "")
            continue
        heading = _HTML_HEADING.match(line) if depth and not code[k] else None
        if heading is not None:
            add(["", f"{'#' * int(heading.group(1))} {heading.group(2).strip()}", ""], k)
            continue
        add([line], k)
    return "\n".join(out), index


def separator_cuts(text: str, shown: str, reveal: bool) -> tuple[str, list[int]] | None:
    """``text`` of a GitPitch deck (named ``shown``: :func:`is_gitpitch`) or of a deck that is surely
    reveal.js's (``reveal``) with each ``---`` alone on a line cutting a slide wherever it stands, as
    reveal.js's separator (``^\\r?\\n---\\r?\\n$``) reads it before any Markdown, also right under a line
    of text (which Markdown would read as a heading's underline): a blank line put before it; in a GitPitch
    deck, its ``+++`` (a vertical slide) too, as ``---``.  The old line index of every new line; None when
    nothing changed, or the deck is neither."""
    plus = is_gitpitch(shown, text)
    if not (plus or reveal):
        return None
    lines = text.split("\n")
    code = code_lines(lines)
    out: list[str] = []
    index: list[int] = []
    changed = False
    for k, line in enumerate(lines):
        mark = line.rstrip()
        if not code[k] and (mark == "---" or plus and mark == "+++"):
            if out and out[-1].strip():
                out.append("")
                index.append(k)
                changed = True
            changed = changed or mark != "---"
            line = "---"
        out.append(line)
        index.append(k)
    return ("\n".join(out), index) if changed else None


# GitPitch's widgets (reveal.js underneath): a slide's menu name, layout blocks, and spans of words
_GP_TITLE = re.compile(r"^\s*@title\[([^\[\]\n]*)\]\s*$")
_GP_BLOCK = re.compile(
    r"^\s*@(?:snap|ul|ol|box|quote|div|span|fa)(?:\[[^\[\]\n]*\])?\s*$|^\s*@\w+end\s*$"
    r"|^\s*@\[[\d,\s-]+\](?:\([^()\n]*\))?\s*$"
)
# (words in parentheses of their own inside are words; a widget inside another is read on the next pass)
_GP_SPAN = re.compile(r"@(?:color|size|css|style)\[[^\[\]\n]*\]\(((?:[^()\n]|\([^()\n]*\))*)\)")
# `@size[0.75em]` straight before the words it styles (`@size[0.75em]@color[red](words)`): no words of its own
_GP_BARE = re.compile(r"@(?:color|size|css|style)\[[^\[\]\n]*\](?!\()")
_GP_ICON = re.compile(r"@fa\[[^\[\]\n]*\]")
_GP_MARK = re.compile(r"^\s*@(?:title|snap|ul|ol|box|quote)\[|^\s*@\w+end\s*$", re.M)


def is_gitpitch(shown: str, text: str) -> bool:
    """A GitPitch deck: a ``PITCHME.md``, or a deck with GitPitch's widgets (``@title[…]``, ``@snap[…]``…)."""
    return shown.replace("\\", "/").rsplit("/", 1)[-1].lower() == "pitchme.md" or bool(_GP_MARK.search(text))


def gitpitch_markup(text: str, shown: str) -> str | None:
    """``text`` with GitPitch's widgets as reveal.js shows them, line for line: ``@title[Name]`` (the slide's
        name in GitPitch's menu, not on the slide) left out on a slide with a heading of its own, else the
        slide's heading; its layout lines (``@snap[…]``, ``@snapend``, ``@ul``, ``@[1-3]`` code steps) left out,
        their content kept; ``@color[red](words)`` and the like as their words (one inside another too; a
    ``@size[…]`` with no words of its own before another left out), ``@fa[icon]`` left out.  None
        when nothing changed, or the deck (named ``shown``) is no GitPitch deck (:func:`is_gitpitch`)."""
    if "@" not in text or not is_gitpitch(shown, text):
        return None
    lines = text.split("\n")
    code = code_lines(lines)
    cuts = [k for k, line in enumerate(lines) if not code[k] and line.strip() in ("---", "--", "+++")]
    bounds = [-1, *cuts, len(lines)]
    changed = False
    for a, b in zip(bounds, bounds[1:], strict=False):
        headed = any(not code[k] and re.match(r"^\s{0,3}#{1,6}\s", lines[k]) for k in range(a + 1, b))
        for k in range(a + 1, b):
            if code[k] or "@" not in lines[k]:
                continue
            line = lines[k]
            named = _GP_TITLE.match(line)
            if named:
                new = "" if headed or not named.group(1).strip() else "## " + named.group(1).strip()
                headed = True
            elif _GP_BLOCK.match(line):
                new = ""
            else:
                new = _GP_ICON.sub("", _gitpitch_spans(line))
            if new != line:
                lines[k], changed = new, True
    return "\n".join(lines) if changed else None


def _gitpitch_spans(line: str) -> str:
    """``line`` with GitPitch's styled words (``@size[0.6em](The @color[red](food) is good)``, nested to
    any depth) as their words."""
    for _ in range(line.count("@") + 1):  # (each pass reads one level)
        new = _GP_BARE.sub("", _GP_SPAN.sub(r"\1", line))
        if new == line:
            break
        line = new
    return line


# reveal.js's Markdown written inline in its HTML page (a Jekyll page's layout around it): a `<section
# data-markdown …>` holding a `<textarea data-template>` (or a `<script type="text/template">`)
_MD_SECTION = re.compile(r"^\s*<section\b([^>]*\bdata-markdown\b[^>]*)>(.*)$", re.I)
_MD_TEMPLATE = re.compile(
    r"""^\s*<(textarea\b[^>]*\bdata-template\b|script\b[^>]*\btype\s*=\s*["']?text/template\b)[^>]*>\s*$""",
    re.I,
)
_MD_TEMPLATE_CLOSE = re.compile(r"^\s*</(?:textarea|script)\s*>\s*(?:</section\s*>\s*)?$", re.I)
_MD_SECTION_CLOSE = re.compile(r"^\s*</section\s*>\s*$", re.I)
# the section's attributes that are reveal-md's front matter keys (reveal-md writes them so)
_MD_ATTRIBUTES = {
    "data-separator": "separator",
    "data-separator-vertical": "verticalSeparator",
    "data-separator-notes": "notesSeparator",
    "data-vertical": "verticalSeparator",  # (reveal.js 2's names for the last two)
    "data-notes": "notesSeparator",
}
_MD_ATTRIBUTE = re.compile(
    r"""\b(data-separator[\w-]*|data-vertical|data-notes)\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.I
)
_REVEAL_SEPARATOR = "^\\r?\\n---\\r?\\n$"  # (reveal.js's default, where the section names none)


def markdown_sections(text: str) -> tuple[str, int, dict[str, str]] | None:
    """``text`` whose Markdown is written inside reveal.js's ``<section data-markdown>`` and its
    ``<textarea data-template>`` (the first thing in it, after blank lines and comments), with those
    wrapper tags blanked line for line (a later such section's opening as a ``---`` cut); the line index of
    the first section; and its separators as reveal-md's front matter keys (``data-separator`` as
    ``separator``…, reveal.js's default ``---`` where none is given).  None for any other lecture."""
    if "data-markdown" not in text:
        return None
    lines = text.split("\n")
    first = next(
        (k for k, line in enumerate(lines) if line.strip() and not re.fullmatch(r"\s*<!--.*-->\s*", line)),
        None,
    )
    opened = _MD_SECTION.match(lines[first]) if first is not None else None
    if opened is None or first is None:
        return None
    options = {"separator": _REVEAL_SEPARATOR}
    for name, double, single in _MD_ATTRIBUTE.findall(opened.group(1)):
        if name.lower() in _MD_ATTRIBUTES:
            options[_MD_ATTRIBUTES[name.lower()]] = unescape_attribute(double or single)
    out = list(lines)
    inside = False  # (in a template's Markdown)
    seen = False  # (a section already read: the next one's opening cuts a slide)
    opening: int | None = None  # (the line of a section opened, its template not yet begun)
    for k in range(first, len(lines)):
        line = lines[k]
        section = None if inside or opening is not None else _MD_SECTION.match(line)
        if section is not None:
            out[k], opening = ("---" if seen else ""), k
            line = section.group(2)
        if opening is not None and line.strip():
            if not _MD_TEMPLATE.match(line):  # (a section with no Markdown template: read as it stands)
                out[opening] = lines[opening]
                break
            out[k], opening, inside, seen = ("---" if seen and k == opening else ""), None, True, True
        elif inside and _MD_TEMPLATE_CLOSE.match(line):
            out[k], inside = "", False
        elif not inside and opening is None and _MD_SECTION_CLOSE.match(line):
            out[k] = ""
    if not seen:
        return None
    return "\n".join(out), first, options


# a reveal.js HTML page's `<section data-markdown …>` (its tag perhaps over several lines), and the file
# its `data-markdown="slides.md"` loads
_PAGE_SECTION = re.compile(r"<section\b([^<>]*?\bdata-markdown\b[^<>]*)>", re.I)
_PAGE_FILE = re.compile(r"""\bdata-markdown\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'<>=]+))""", re.I)
_TEMPLATE_OPEN = re.compile(
    r"""<textarea\b[^<>]*\bdata-template\b[^<>]*>|<script\b[^<>]*\btype\s*=\s*["']?text/template\b[^<>]*>""",
    re.I,
)
_TEMPLATE_END = re.compile(r"</(?:textarea|script)\s*>", re.I)
_HTML_PAGE = re.compile(
    r"\A\ufeff?\s*(?:<!--(?:[^-]|-(?!->))*-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.I
)


@dataclass(frozen=True)
class RevealPage:
    """What a reveal.js HTML page says of its Markdown: ``url``, the file its first ``<section
    data-markdown="…">`` loads, with that section's separators as reveal-md's keys (``options``) and the
    files later sections load (``others``: name, line index), which Podium does not read; or ``markdown``,
    the page with its sections' inline Markdown kept line for line and the rest of the page blank, for
    :func:`markdown_sections`.  ``line``: the line index of the first section's tag."""

    line: int
    url: str | None = None
    options: dict[str, str] = field(default_factory=dict)
    others: tuple[tuple[str, int], ...] = ()
    markdown: str | None = None


def reveal_page(text: str, shown: str) -> RevealPage | None:
    """The Markdown of ``text`` (named ``shown``) where it is an HTML page (``.html``, or a page's opening)
    with reveal.js's ``<section data-markdown>``; else None."""
    if "data-markdown" not in text or not (
        shown.lower().endswith((".html", ".htm")) or _HTML_PAGE.match(text)
    ):
        return None
    sections = list(_PAGE_SECTION.finditer(text))
    if not sections:
        return None
    loaded = [(found, name) for found in sections if (name := _loaded_file(found.group(1)))]
    if loaded:
        first, name = loaded[0]
        return RevealPage(
            text.count("\n", 0, first.start()),
            name,
            section_options(first.group(1)),
            tuple((other, text.count("\n", 0, at.start())) for at, other in loaded[1:]),
        )
    return RevealPage(text.count("\n", 0, sections[0].start()), markdown=_page_templates(text, sections))


def _loaded_file(attributes: str) -> str:
    """The file a ``<section data-markdown="slides.md">`` loads ("" for one with its Markdown inside)."""
    found = _PAGE_FILE.search(attributes)
    return unescape_attribute(next((g for g in found.groups() if g), "")).strip() if found else ""


def section_options(attributes: str) -> dict[str, str]:
    """A ``<section data-markdown>``'s separators as reveal-md's front matter keys (``data-separator`` as
    ``separator``…), reveal.js's default ``---`` where it names none."""
    options = {"separator": _REVEAL_SEPARATOR}
    for name, double, single in _MD_ATTRIBUTE.findall(attributes):
        if name.lower() in _MD_ATTRIBUTES:
            options[_MD_ATTRIBUTES[name.lower()]] = unescape_attribute(double or single)
    return options


def _page_templates(text: str, sections: list[re.Match]) -> str:
    """``text`` blanked line for line but for its ``<section data-markdown>`` elements: each opening tag on
    its first line (its other lines blank), its template's opening and closing tags on lines of their own,
    and the Markdown between them, its common indent taken off (as reveal.js takes off the first line's)
    and, in a ``<textarea>``, its character references read."""
    lines = text.split("\n")
    out = [""] * len(lines)
    for found in sections:
        first = text.count("\n", 0, found.start())
        out[first] = "<section " + " ".join(found.group(1).split()) + ">"
        opened = _TEMPLATE_OPEN.search(text, found.end())
        end = _TEMPLATE_END.search(text, opened.end()) if opened is not None else None
        if opened is None or end is None or _PAGE_SECTION.search(text, found.end(), opened.start()):
            continue  # (a section without a template: nothing of it read)
        top = text.count("\n", 0, opened.end())
        close = text.count("\n", 0, end.start())
        if top == close:  # (a template on one line: the line as it stands, read as HTML)
            out[top] = lines[top]
            continue
        out[top] = (out[top] if top == first else "") + opened.group(
            0
        )  # (its Markdown on the lines under it)
        inside = text[opened.end() : end.start()].split("\n")[1:]  # (lines top + 1 to close)
        indents = [len(x) - len(x.lstrip()) for x in inside if x.strip()]
        cut = min(indents, default=0)
        textarea = opened.group(0).lower().startswith("<textarea")
        for k, line in enumerate(inside, top + 1):
            kept = line[cut:]
            out[k] = html.unescape(kept) if textarea and "&" in kept else kept
        shut = close + 1 if inside[-1].strip() and close + 1 < len(out) else close
        out[shut] = end.group(0)
    return "\n".join(line if line.strip() else "" for line in out)
