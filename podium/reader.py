"""Read a lecture: Markdown + YAML front matter → the Lecture IR (``podium.model``).

Slides are cut exactly as ``pandoc -t pptx`` cuts them (pandoc MANUAL, "Structuring the slide
show"): the slide level is the highest heading level immediately followed by content unless
``slide-level`` says otherwise; headings above it make section slides, headings at it start a
slide, deeper headings stay inside the slide, ``---`` starts an untitled slide, and content
that follows a section heading goes to a slide of its own.  Unlike pandoc, that slide has the
section's title (as beamer gives it; pandoc's pptx leaves it untitled), and a table, picture or
footnote stays on the slide it was written on.
"""

from __future__ import annotations

import bisect
import datetime
import difflib
import functools
import itertools
import math
import os
import re
import textwrap
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from html import escape, unescape
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import unquote, urlparse

import yaml
from markdown_it.token import Token
from markdown_it.tree import SyntaxTreeNode

from . import (
    cellfigures,
    coverage,
    emojis,
    gridtables,
    marp,
    pipetables,
    quarto,
    quartoproject,
    texcolours,
    tipa,
    yamlsafe,
)
from . import model as m
from .alttext import DRAWN_KINDS, media_kind
from .charts import parse_chart
from .citations import Bibliography, cite_text, load_bibliography
from .diagnostics import BuildError, Diagnostics
from .fancylists import marker_text, number_examples
from .handout.options import read_settings
from .labels import bcp47, label, script_hint, script_language
from .markdown import (
    COMMONMARK_ESCAPES,
    ELLIPSIS,
    ESCAPED_TEXT,
    GFM_TABLES,
    KNITR_INLINE,
    LIST_INTERRUPTS,
    LISTS_AS_TEXT,
    SHOWN_FRAGMENT,
    SHOWN_FRAGMENTS,
    TABLE_INTERRUPTS,
    TABLES_AS_TEXT,
    TAKEN_OUT_FRAGMENTS,
    TEX_DOLLARS,
    Attrs,
    code_lines,
    fence_opened_at,
    guard_display_math,
    lazy_quote_items,
    markdown_parser,
    parse_attrs,
    split_trailing_attrs,
    typography,
)
from .rawhtml import (
    BLOCK_TAGS,
    DROP_CONTENT,
    HTML_ELEMENTS,
    SPAN_STYLES,
    HtmlRun,
    HtmlTable,
    css_colour,
    drawn_only,
    formatted_words,
    html_block_to_markdown,
    html_table,
    is_comment,
    only_colour,
    picture_float,
    picture_markdown,
    picture_source,
    pictures_and_links,
    plain_html_list,
    read_inline_tag,
    style_colour,
    style_drawn,
    style_emphasis,
)
from .rawtex import (
    DEFINERS,
    KATEX_MACROS,
    Macro,
    RawPiece,
    balanced_group,
    definitions_in_math,
    expand_macros,
    find_raw_tex,
    macro_definition,
    opened_switch_groups,
    saved_boxes,
)
from .remarkpage import Page, local_scripts, remark_page, source_option, source_url
from .revealmd import (
    RevealPage,
    element_fragments,
    gitpitch_markup,
    has_reveal_md_keys,
    is_gitpitch,
    is_reveal_markdown,
    markdown_sections,
    marks_told,
    notes_separator,
    reveal_markdown,
    reveal_page,
    section_deck,
    section_slides,
    separator_cuts,
    separators_of,
    separators_only,
)
from .safety import PathPolicy
from .sourcefile import MAX_BYTES, decode_source, read_bounded
from .texenvs import (
    command_ties,
    doubled_math_brackets,
    environments_to_markdown,
    latex_references,
    math_brackets,
    notes_to_divs,
    raw_tex_lines,
    spaced_dollar_math,
    switched_groups,
    tex_comment_lines,
    tex_text,
    unstarred_graphics,
    written_with_latex,
)
from .texmath import MATH_STEPS, overlays_shown, readable, unknown_command
from .tomlfront import toml_front_matter

MAX_COURSE_BYTES = 1024 * 1024
MAX_TABLE_CELLS = 10_000
_SAFE_SCHEMES = ("http", "https", "mailto", "ftp", "tel")


@dataclass
class ReadOptions:
    slide_level: int | None = None
    policy: PathPolicy | None = None  # which files pictures and chart data may come from
    course: dict[str, Any] = field(default_factory=dict)


def read_lecture(
    path: str | os.PathLike, diags: Diagnostics, options: ReadOptions | None = None
) -> m.Lecture:
    """Return the Lecture read from ``path``; problems go to ``diags``, fatal ones raise BuildError."""
    options = options or ReadOptions()
    p = Path(path)
    shown = _shown_path(p)
    data = read_bounded(p, shown, diags, MAX_BYTES)
    text = decode_source(data, shown, diags)
    base_dir = str(p.resolve().parent)
    page = remark_page(text, shown)
    if page is not None and page.markdown is None and page.given == "source":
        _given_source((None, page.computed, 0), shown, page.line, diags, options, base_dir)
    if page is not None and page.markdown is None:  # (its slides in the file its sourceUrl names)
        return _page_source(page, text, shown, diags, options, base_dir)
    loads = reveal_page(text, shown) if page is None else None
    if loads is not None and loads.url is not None:  # (its Markdown in the file its data-markdown names)
        return _reveal_page_source(loads, shown, diags, options, base_dir)
    return parse_lecture(text, shown, diags, options, base_dir=base_dir)


def _reveal_page_source(
    page: RevealPage, shown: str, diags: Diagnostics, options: ReadOptions, base_dir: str
) -> m.Lecture:
    """The lecture a reveal.js page loads with ``<section data-markdown="slides.md">``: that file (found as an
    included file is, from the page's folder, as the browser fetches it) read as reveal.js Markdown with the
    section's separators (``data-separator``, ``-vertical``, ``-notes``), its pictures the page's; a
    ``reveal-page`` error naming the file where Podium cannot read it."""
    policy = options.policy or PathPolicy([base_dir])
    pos = m.SourcePos(shown, page.line + 1)
    url = page.url or ""
    local = url if "://" in url else unquote(urlparse(url).path)  # (no ?query or #anchor: the file's name)
    found_path = policy.resolve(local, base_dir, pos, diags, "slides file") if local else None
    if found_path is None:
        raise BuildError(
            diags,
            f"this reveal.js page loads its slides from '{url}' (its <section data-markdown>), which Podium "
            "cannot read (see above); build the Markdown file that holds them",
            pos,
            "reveal-page",
        )
    for other, line in page.others:
        diags.warning(
            f"this reveal.js page loads more slides from '{other}' (another <section data-markdown>): Podium "
            f"reads only the first file, '{url}'; build '{other}' on its own",
            m.SourcePos(shown, line + 1),
            "reveal-page",
        )
    where = Path(found_path)
    named = _shown_path(where)
    source = decode_source(read_bounded(where, named, diags, MAX_BYTES), named, diags)
    diags.note(
        f"this reveal.js page loads its slides from '{url}' (its <section data-markdown>): they are read from "
        f"{named} as reveal.js Markdown, cut by the section's separators",
        pos,
        "dialect",
    )
    return parse_lecture(source, named, diags, options, base_dir=base_dir, reveal_options=(page.options, pos))


def _given_source(
    given: tuple[str | None, str | None, int],
    shown: str,
    line: int,
    diags: Diagnostics,
    options: ReadOptions,
    base_dir: str,
) -> m.Lecture:
    """The lecture of the string a script file (``shown``) gives ``remark.create({source: …})`` at line
    index ``line`` (:func:`podium.remarkpage.source_option`); a ``remark-page`` error where the script
    computes it."""
    markdown, computed, _ = given
    pos = m.SourcePos(shown, line + 1)
    if markdown is None:
        raise BuildError(
            diags,
            f"this remark.js page's script builds its slides' Markdown (source: {computed}), which "
            "Podium cannot read: it reads a source: written as string literals (quoted, or a template "
            'without ${…}, joined by +); write the slides that way, in a <textarea id="source">, or in a '
            "Markdown file, and build that",
            pos,
            "remark-page",
        )
    diags.note(
        "read as a remark.js page: its slides are the string its remark.create({source: …}) is given, "
        "their lines counted from this one",
        pos,
        "dialect",
    )
    return parse_lecture("\n" * line + markdown, shown, diags, options, base_dir=base_dir, remark=True)


def _page_source(
    page: Page, text: str, shown: str, diags: Diagnostics, options: ReadOptions, base_dir: str
) -> m.Lecture:
    """The lecture a remark.js page loads with ``remark.create({sourceUrl: …})``: the Markdown file it
    names (found as an included file is, from the page's folder, as remark fetches it) read as a remark
    deck whose pictures are the page's; a ``content`` error, saying which file to build, where Podium
    cannot tell or read it."""
    policy = options.policy or PathPolicy([base_dir])
    pos = m.SourcePos(shown, page.line + 1)
    url, computed = page.url, page.computed
    if url is None and computed is None:  # (the call in a script file of its own: `init-remark.js`)
        for src in local_scripts(text):
            script = Path(base_dir, unquote(urlparse(src).path))
            if not (policy.allows(script) and script.is_file() and script.stat().st_size <= MAX_BYTES):
                continue
            policy.record(script)
            code = script.read_text(encoding="utf-8", errors="replace")
            given = source_option(code, script=True)
            if given is not None:  # (`remark.create({source: "…"})` in the script file)
                line = code.count("\n", 0, given[2])
                return _given_source(given, _shown_path(script), line, diags, options, base_dir)
            found = source_url(code)
            if found is not None:
                url, computed = found[0], found[1]
                pos = m.SourcePos(_shown_path(script), code.count("\n", 0, found[2]) + 1)
                break
    if computed is not None:
        raise BuildError(
            diags,
            f"this remark.js page loads its slides from a file its script computes (sourceUrl: "
            f"{computed[:60]}), which Podium cannot tell: build that Markdown file itself "
            "('podium all slides.md')",
            pos,
            "remark-page",
        )
    if url is None:
        raise BuildError(
            diags,
            'this page runs remark.js but holds no slides: no <textarea id="source"> and no sourceUrl '
            "Podium can read; build the Markdown file that holds its slides",
            pos,
            "remark-page",
        )
    source, named = _slides_file(
        url, pos, diags, base_dir, policy, "this remark.js page", "build the Markdown file that holds them"
    )
    diags.note(
        f"this remark.js page loads its slides from '{url}' (its sourceUrl): they are read from {named}, "
        "as a remark deck",
        pos,
        "dialect",
    )
    return parse_lecture(source, named, diags, options, base_dir=base_dir, remark=True)


def _slides_file(
    url: str, pos: m.SourcePos, diags: Diagnostics, base_dir: str, policy: PathPolicy, who: str, then: str
) -> tuple[str, str]:
    """The text of the file a remark ``sourceUrl`` names (found from ``base_dir`` as an included file is,
    as remark fetches it) and its name in messages; a ``remark-page`` error at ``pos`` where Podium cannot
    read it (``who`` loads it; ``then``: what to do)."""
    local = url if "://" in url else unquote(urlparse(url).path)  # (no ?query or #anchor: the file's name)
    found_path = policy.resolve(local, base_dir, pos, diags, "slides file")
    if found_path is None:
        raise BuildError(
            diags,
            f"{who} loads its slides from '{url}' (its sourceUrl), which Podium cannot read (see above); {then}",
            pos,
            "remark-page",
        )
    where = Path(found_path)
    named = _shown_path(where)
    return decode_source(read_bounded(where, named, diags, MAX_BYTES), named, diags), named


def _xaringan_source(
    raw_meta: dict, text: str, body: str, shown: str, diags: Diagnostics, base_dir: str, policy: PathPolicy
) -> tuple[str, list[tuple[str, int]]] | None:
    """The slides of a xaringan deck whose ``nature: sourceUrl:`` names the file remark loads them from
    (remark then shows that file's slides in place of the page's: this file's body and the title slide
    xaringan makes are not shown), with where each line came from; None where it names none."""
    output = raw_meta.get("output")
    options = output.get("xaringan::moon_reader") if isinstance(output, dict) else None
    nature = options.get("nature") if isinstance(options, dict) else None
    url = nature.get("sourceUrl") if isinstance(nature, dict) else None
    if not isinstance(url, str):
        return None
    lines = text.split("\n")
    at = next((k for k, line in enumerate(lines) if re.match(r"\s*['\"]?sourceUrl\b", line)), 0)
    pos = m.SourcePos(shown, at + 1)
    source, named = _slides_file(
        url, pos, diags, base_dir, policy, "this xaringan deck", "check its name and folder"
    )
    if source.startswith("\ufeff"):
        source = source[1:]
    own = body.split("\n")
    first = next((k for k, line in enumerate(own) if line.strip()), None)
    if first is not None:  # (the body's lines are the file's last ones)
        diags.warning(
            f"this deck's own text is not shown: remark shows the slides of '{url}' (its nature: sourceUrl) "
            "in their place, and so does Podium",
            m.SourcePos(shown, len(lines) - len(own) + first + 1),
            "not-shown",
        )
    sealed = isinstance(options, dict) and options.get("seal") is not False
    diags.note(
        f"the slides are read from {named} (nature: sourceUrl), as remark loads them"
        + (": xaringan's title slide (seal) is not shown, as remark shows only that file" if sealed else ""),
        pos,
        "dialect",
    )
    return source, [(named, k + 1) for k in range(source.count("\n") + 1)]


def _reveal_page_markdown(text: str, shown: str, diags: Diagnostics) -> str:
    """``text``, or where it is a reveal.js page with its Markdown inside its ``<section data-markdown>``
    (:func:`podium.revealmd.reveal_page`), that Markdown line for line (the rest of the page blank); a
    ``reveal-page`` error where the page holds none Podium can read."""
    inline = reveal_page(text, shown)
    if inline is None or inline.markdown is None:
        return text
    if markdown_sections(inline.markdown) is None:
        raise BuildError(
            diags,
            "this reveal.js page's <section data-markdown> holds no Markdown Podium can read (no "
            '<textarea data-template> or <script type="text/template"> on lines of its own, and no file '
            "named): build the Markdown file that holds its slides",
            m.SourcePos(shown, inline.line + 1),
            "reveal-page",
        )
    return inline.markdown


def _page_options(
    raw_meta: dict, key_lines: dict[str, int], given: tuple[dict[str, str], m.SourcePos] | None
) -> tuple[dict, dict[str, int]]:
    """The front matter with a reveal.js page's separators (``given``: reveal-md's keys, and the page's
    ``<section data-markdown>`` that gives them) put in, and the keys' lines as that section's; both as they
    were where no page gives any."""
    if given is None:
        return raw_meta, key_lines
    options, pos = given
    lines = KeyLines(
        {k: v for k, v in key_lines.items() if k not in options}, getattr(key_lines, "elsewhere", None)
    )
    lines.elsewhere.update(dict.fromkeys(options, pos))
    return {**raw_meta, **options}, lines


def _page_markdown(page: Page, shown: str, diags: Diagnostics) -> str:
    """A remark.js page's Markdown (:func:`podium.remarkpage.remark_page`), line for line, said in a
    ``dialect`` note; a ``remark-page`` error where the page holds none."""
    pos = m.SourcePos(shown, page.line + 1)
    if page.markdown is None:  # (a page that loads another page's)
        raise BuildError(
            diags,
            "this remark.js page holds no slides of its own"
            + (f" (it loads '{page.url}')" if page.url else "")
            + ": build the Markdown file that holds them",
            pos,
            "remark-page",
        )
    if not page.markdown.strip():
        where = "source: string" if page.given == "source" else '<textarea id="source">'
        raise BuildError(diags, f"this remark.js page's {where} is empty: it has no slides", pos, "empty")
    if page.given == "source":
        diags.note(
            "read as a remark.js page: its slides are the string its remark.create({source: …}) is given, "
            "their lines counted from this one (the rest of the page is not read)",
            pos,
            "dialect",
        )
        return page.markdown
    diags.note(
        'read as a remark.js page: its slides are the Markdown in its <textarea id="source">; the rest of '
        "the page (its styles and scripts) is not read",
        pos,
        "dialect",
    )
    return page.markdown


def _shown_path(p: Path) -> str:
    try:
        return os.path.relpath(p)
    except ValueError:
        return str(p)


_XML_INVALID = yamlsafe.XML_INVALID
TAB_STOP = 4  # tabs in code become spaces to the next multiple of 4, as pandoc's --tab-stop default


# --------------------------------------------------------------------------- front matter


META_WORDS = ("title", "subtitle", "author", "authors", "institute", "date", "course", "term")


class KeyLines(dict[str, int]):
    """The line of each front matter key (a nested one as a dotted path: ``format.revealjs.logo``) in the
    lecture's own file; ``elsewhere``: the file and line of a setting the front matter does not write,
    taken from another file (a Quarto project's ``_quarto.yml``, a ``metadata-files`` file)."""

    def __init__(self, lines: dict[str, int] | None = None, elsewhere: dict[str, m.SourcePos] | None = None):
        super().__init__(lines or {})
        self.elsewhere = dict(elsewhere or {})


def _key_pos(shown: str, key_lines: dict[str, int] | None, key: str, default: int = 1) -> m.SourcePos:
    """Where the setting ``key`` is written: its front matter line, else the other file that set it
    (:class:`KeyLines`), else line ``default`` of the lecture."""
    lines = key_lines or {}
    if lines.get(key):
        return m.SourcePos(shown, lines[key])
    if isinstance(lines, KeyLines) and key in lines.elsewhere:
        return lines.elsewhere[key]
    return m.SourcePos(shown, default)


def _written(key_lines: dict[str, int] | None, key: str) -> bool:
    """Whether the setting ``key`` is written in the front matter or in another file (:class:`KeyLines`)."""
    return bool((key_lines or {}).get(key)) or (
        isinstance(key_lines, KeyLines) and key in key_lines.elsewhere
    )


def _setting_pos(raw: dict, shown: str, key_lines: dict[str, int] | None, key: str) -> m.SourcePos:
    """Where the setting ``key`` is written at the top of the settings, else under a format's options
    (:func:`_format_option_pos`)."""
    if key in raw and _written(key_lines, key):
        return _key_pos(shown, key_lines, key)
    return _format_option_pos(raw, shown, key_lines or {}, key)


def _variables_files(text: str, base_dir: str, policy) -> tuple[Path | None, Path | None]:
    """The ``_variables.yml`` the ``{{< var >}}`` shortcodes in ``text`` read, else the one above the lecture
    that Podium may not read (:func:`quarto.variables_unread`); neither where ``text`` has no such shortcode."""
    if not re.search(r"\{\{<\s*var\b", text):
        return None, None
    found = quarto.variables_file(Path(base_dir), policy)
    return found, quarto.variables_unread(Path(base_dir), policy) if found is None else None


def _meta_shortcodes(
    raw: dict[str, Any], shown: str, diags: Diagnostics, key_lines: dict[str, int], base_dir: str, policy
) -> dict[str, Any]:
    """The front matter with the Quarto shortcodes in its words (``subtitle: "{{< var course >}} · Week 7"``)
    replaced by the values they name, as Quarto shows them on the title slide and in the footer."""
    variables, unread = _variables_files("{{< var", base_dir, policy)
    out = dict(raw)

    def expand(value: Any, key: str) -> Any:
        if isinstance(value, str) and "{{<" in value:
            pos = (
                _setting_pos(raw, shown, key_lines, key)
                if key == "footer"
                else _key_pos(shown, key_lines, key)
            )
            return quarto.replace_shortcodes(value, lambda _i: pos, diags, out, variables, unread)
        if isinstance(value, list):
            return [expand(v, key) for v in value]
        if isinstance(value, dict) and key in ("author", "authors"):
            return {k: expand(v, key) for k, v in value.items()}
        return value

    for key in META_WORDS:
        if key in out:
            out[key] = expand(out[key], key)
    # the footer last: it may show the words above ({{< meta subtitle >}}), and _variables.yml's
    if "footer" in out:
        out["footer"] = expand(out["footer"], "footer")
    revealjs = out.get("format", {}).get("revealjs") if isinstance(out.get("format"), dict) else None
    if isinstance(revealjs, dict) and "footer" in revealjs:
        out["format"] = {
            **out["format"],
            "revealjs": {**revealjs, "footer": expand(revealjs["footer"], "format")},
        }
    return out


def title_block(body: str) -> tuple[dict[str, Any], str, dict[str, int]]:
    """pandoc's title block: up to three ``%`` lines opening the file (title, authors split at ``;``,
    date; a line that goes on starts with a space), read as front matter; its lines are blanked."""
    lines = body.split("\n")
    fields: list[list[str]] = []
    k = 0
    while k < len(lines) and len(fields) < 3:
        if lines[k].startswith("%"):
            fields.append([lines[k][1:].strip()])
        elif fields and lines[k].startswith((" ", "\t")) and lines[k].strip():
            fields[-1].append(lines[k].strip())
        else:
            break
        lines[k] = ""
        k += 1
    meta: dict[str, Any] = {}
    key_lines: dict[str, int] = {}
    line = 1
    for key, words in zip(("title", "author", "date"), fields):
        text = " ".join(w for w in words if w)
        if key == "author" and ";" in text:
            meta[key] = [a.strip() for a in text.split(";") if a.strip()]
        elif text:
            meta[key] = text
        key_lines[key] = line
        line += len(words)
    return meta, "\n".join(lines), key_lines


def split_front_matter(
    text: str, shown: str, diags: Diagnostics, first_only: bool = False
) -> tuple[dict[str, Any], str, dict[str, int]]:
    """Return (metadata, body, key lines) as pandoc reads YAML metadata blocks.

    The first block may follow blank lines and HTML comments (a licence header); later blocks
    (``---`` after a blank line, YAML, ``---`` or ``...``) are merged in, a later value winning, when
    they hold a YAML mapping (not with ``first_only``: a remark deck's are its slides' properties).  The
    body keeps the line numbers of ``text``: metadata lines are blanked.
    """
    lines = text.split("\n")
    first = _first_content_line(lines)
    meta: dict[str, Any] = {}
    key_lines: dict[str, int] = {}
    blank: set[int] = set()
    fence: str | None = None
    i = 0
    toml = toml_front_matter(lines, shown, diags)
    if toml is not None:  # (Hugo's `+++` TOML block: the lecture's metadata, later YAML blocks merged in)
        meta.update(toml.meta)
        key_lines.update(toml.key_lines)
        blank.update(range(toml.close + 1))
        i, first = toml.close + 1, -1  # (no block after it is the first: a `---` is a slide break)
        if first_only:
            i = len(lines)
    while i < len(lines) and not (first_only and i > first):
        stripped = lines[i].strip()
        fm = re.match(r"^(`{3,}|~{3,})", stripped)
        if fence:
            if stripped.startswith(fence) and stripped.strip(fence[0]) == "":
                fence = None
            i += 1
            continue
        if fm:
            fence = fm.group(1)
            i += 1
            continue
        is_first = i == first
        opens = (
            lines[i].rstrip() == "---"
            and (is_first or (i > 0 and not lines[i - 1].strip()))
            and i + 1 < len(lines)
            and lines[i + 1].strip() != ""
        )
        if not opens:
            i += 1
            continue
        close = next((k for k in range(i + 1, len(lines)) if lines[k].rstrip() in ("---", "...")), None)
        if close is None:
            if is_first and _no_mapping(lines[i + 1 :]):
                # (a GitPitch or reveal.js deck's one `---` first, and its slides cut by `+++` or `--`)
                diags.note(
                    "the '---' here opens no front matter (no YAML 'key: value' follows it): read as a "
                    "slide break",
                    m.SourcePos(shown, i + 1),
                    "front-matter",
                )
            elif is_first:
                diags.warning(
                    "front matter opened with '---' is never closed; read as Markdown",
                    m.SourcePos(shown, i + 1),
                    "front-matter",
                )
            break
        if is_first and not _yaml_like(lines[i + 1 : close]):
            # (GitPitch's and reveal.js's `---` first, then a slide's HTML comment and text: no YAML)
            diags.note(
                "the '---' here opens no front matter (no YAML 'key: value' follows it): read as a slide break",
                m.SourcePos(shown, i + 1),
                "front-matter",
            )
            i += 1
            continue
        block = _yaml_block(lines[i + 1 : close], i + 2, shown, diags, report=is_first)
        if block is None or (not is_first and not all(_KEY.fullmatch(str(k)) for k in block)):
            i += 1  # not metadata (pandoc reads it as a slide rule and text): Marp's `---` and a slide
            continue  # starting `<!-- _class: lead -->` is YAML ({"<!-- _class": "lead -->"}), not keys
        path: list[tuple[int, str]] = []  # (the keys a nested key is under, with their indents)
        for k, line in enumerate(lines[i + 1 : close], start=i + 2):
            key = line.split(":", 1)[0].strip()
            if key and not line.startswith((" ", "\t", "-", "#")):
                key_lines[key] = k
                path = [(0, key)]
            elif (nested := _NESTED_KEY.match(line)) is not None and path:
                indent = len(nested.group(1).expandtabs(4))
                path = [(d, up) for d, up in path if d < indent]
                # (`format.revealjs.logo`: where an option under a format is written)
                name = nested.group(2).strip("\"'")
                key_lines.setdefault(".".join(up for _, up in path) + "." + name, k)
                path.append((indent, name))
        if (
            not is_first
            and _text(block.get("title"))
            and _text(meta.get("title")) not in ("", _text(block["title"]))
        ):
            diags.warning(
                f"this later front matter block's 'title: {_short(_text(block['title']), 60)}' replaces the "
                f"lecture's title '{_short(_text(meta['title']), 60)}', as pandoc reads a later metadata block "
                "(it makes no slide); if it is a Slidev slide's own front matter, add "
                "'theme:' to the first block so the deck is read as Slidev",
                m.SourcePos(
                    shown, next((k + 1 for k in range(i + 1, close) if lines[k].startswith("title")), i + 1)
                ),
                "front-matter",
            )
        meta.update(block)
        blank.update(range(i, close + 1))
        i = close + 1
    body = "\n".join("" if k in blank else line for k, line in enumerate(lines))
    return meta, body, key_lines


def _no_mapping(rest: list[str]) -> bool:
    """Whether the text after an opening ``---`` that nothing closes begins with no YAML mapping: its first
    paragraph (to a blank line) is not ``key: value`` lines (a slide's heading and text, a list)."""
    block = list(itertools.takewhile(lambda line: line.strip(), rest))
    if not _yaml_like(block):
        return True
    try:
        data = yamlsafe.load("\n".join(block), r_code=True)
    except yaml.YAMLError:
        return not any(re.match(r"^[^\s:#][^:]*:(?:\s|$)", line) for line in block)  # (a broken key: YAML)
    return not isinstance(data, dict)


def _yaml_like(block: list[str]) -> bool:
    """Whether a block after an opening ``---`` reads as YAML at all: a line of it (outside HTML comments)
    begins as a ``key:``, a list item, a comment, a document mark or a flow mapping; else it is a slide."""
    text = re.sub(r"<!--.*?-->", "", "\n".join(block), flags=re.S)
    return not text.strip() or any(_YAML_LINE.match(line) for line in text.split("\n"))


_YAML_LINE = re.compile(r"""^\s*(?:[^\s:#<@!&*|>%`\[\]{},]["'\w .\-/]*:(?:\s|$)|- |-$|#|\{|\.\.\.$)""")
_NESTED_KEY = re.compile(r"^([ \t]+)([^\s#:-][^#]*?):(?:\s|$)")  # (an indented `key:` of a mapping)
_KEY = re.compile(r"[^\W\d][\w .-]*")  # a metadata key as lecturers write them (later blocks must have such)


def _first_content_line(lines: list[str]) -> int:
    """Index of the first line that is neither blank nor inside a leading HTML comment."""
    i = 0
    while i < len(lines):
        s = lines[i].strip()
        if not s:
            i += 1
            continue
        if s.startswith("<!--"):
            j = i
            while j < len(lines) and "-->" not in lines[j]:
                j += 1
            if j >= len(lines) or lines[j].split("-->", 1)[1].strip():
                return i
            i = j + 1
            continue
        return i
    return i


def _tabbed_yaml(block: list[str]) -> dict | None:
    """The mapping a metadata block holds with its tabs read as pandoc reads them, as spaces to the next
    multiple of 4 columns (its ``--tab-stop``); None when that is no YAML mapping of keys either."""
    try:
        data = yamlsafe.load("\n".join(line.expandtabs(4) for line in block), r_code=True)
    except yaml.YAMLError:
        return None
    if not isinstance(data, dict) or not all(_KEY.fullmatch(str(k)) for k in data):
        return None
    return data


def _yaml_block(
    block: list[str], first_line: int, shown: str, diags: Diagnostics, report: bool
) -> dict | None:
    """Return the mapping a metadata block holds; errors are reported for the first block only."""
    raw = "\n".join(block)
    try:
        data = _r_code_lines(yamlsafe.load(raw, r_code=True), first_line) if raw.strip() else {}
    except yaml.MarkedYAMLError as e:
        tabbed = _tabbed_yaml(block) if "\t" in raw else None
        if tabbed is not None:
            tab = next(k for k, line in enumerate(block) if "\t" in line)
            diags.note(
                "the front matter has tabs where YAML allows none (in indentation): each tab is read as "
                "spaces to the next multiple of 4 columns, as pandoc reads it (indent with spaces to "
                "make it YAML)",
                m.SourcePos(shown, first_line + tab),
                "yaml",
            )
            return _r_code_lines(tabbed, first_line)
        if not report:
            return None
        loose = marp.loose_yaml(raw) if re.search(r"^marp[ \t]*:[ \t]*true\b", raw, re.M) else None
        if loose is not None:  # (Marp reads its directives' values as text: `header: ![#l](logo.png)`)
            return loose
        mark = e.problem_mark or e.context_mark
        line = (mark.line + first_line) if mark else first_line
        col = (mark.column + 1) if mark else 0
        problem = str(e.problem or e)
        bad_line = block[mark.line] if mark and 0 <= mark.line < len(block) else ""
        if "mapping values are not allowed" in problem and ":" in bad_line.split(":", 1)[-1]:
            key, value = bad_line.split(":", 1)
            problem += f'; a value holding a colon needs quotes: {key.strip()}: "{value.strip()}"'
        diags.error(f"front matter is not valid YAML: {problem}", m.SourcePos(shown, line, col), "yaml")
        return {}
    except yaml.YAMLError as e:
        if not report:
            return None
        diags.error(f"front matter is not valid YAML: {e}", m.SourcePos(shown, first_line), "yaml")
        return {}
    if data is None:
        return {} if report else None
    if not isinstance(data, dict):
        if report:
            diags.error(
                "front matter must be a YAML mapping of keys to values",
                m.SourcePos(shown, first_line),
                "yaml",
            )
            return {}
        return None
    return data


def _r_code_lines(value: Any, first_line: int) -> Any:
    """``value`` with each ``!expr`` value's line (:class:`yamlsafe.RCode`) as a line of the file, whose
    block starts at line ``first_line``."""
    if isinstance(value, yamlsafe.RCode):
        return yamlsafe.RCode(value.code, value.line + first_line)
    if isinstance(value, list):
        return [_r_code_lines(v, first_line) for v in value]
    if isinstance(value, dict):
        return {k: _r_code_lines(v, first_line) for k, v in value.items()}
    return value


def _r_code_meta(raw: dict[str, Any], shown: str, diags: Diagnostics) -> dict[str, Any]:
    """The front matter with its ``!expr`` values (:class:`yamlsafe.RCode`, R code R Markdown runs when it
    reads the front matter) as Podium knows them: ``Sys.Date()`` (and ``format(Sys.Date(), "%d %B %Y")``)
    today's date, ``params$n`` or ``rmarkdown::metadata$title`` that value; any other is unknown and left
    out, with an ``r-code`` warning at its line where Podium reads the setting (``title``, ``date``,
    ``bibliography``, a slide format's ``incremental``), silently where only R's tools do (``pandoc_args``,
    ``css``, ``params``)."""

    def read(value: Any, path: tuple[str, ...]) -> Any:
        if isinstance(value, yamlsafe.RCode):
            return known(value, path)
        if isinstance(value, list):
            listed = [read(v, path) for v in value]
            return [v for v in listed if v is not _UNKNOWN]
        if isinstance(value, dict):
            mapped = {k: read(v, (*path, str(k))) for k, v in value.items()}
            return {k: v for k, v in mapped.items() if v is not _UNKNOWN}
        return value

    def known(code: yamlsafe.RCode, path: tuple[str, ...]) -> Any:
        literal = _r_literal(code.code)
        if literal is not None:
            return _UNKNOWN if literal is _R_NULL else literal
        today = _R_TODAY.match(code.code)
        if today is not None:
            day = datetime.date.fromisoformat(_special_date("today", shown))
            return day.strftime(today.group(1)) if today.group(1) else day.isoformat()
        value = quarto.r_metadata("r " + code.code, raw)
        if value is not None and path[:1] != ("params",):
            return value
        if _needed(path):
            diags.warning(
                f"'{'.'.join(path)}: !expr {_short(code.code, 40)}' is R code, which R Markdown runs and "
                f"Podium does not: its value is unknown, so '{path[-1]}' is left out; write its value",
                m.SourcePos(shown, code.line),
                "r-code",
            )
        return _UNKNOWN

    return read(raw, ())


_UNKNOWN = object()  # (an `!expr` value Podium cannot know: its key or item is left out)
_R_NULL = object()  # (R's NULL: no value, as if the key were not written)


def _r_literal(code: str) -> Any:
    """The value of R code that is a literal (``TRUE``, ``F``, ``3``, ``2L``, ``"text"``, ``NULL``: then
    :data:`_R_NULL`), else None."""
    words = {"TRUE": True, "T": True, "FALSE": False, "F": False, "NULL": _R_NULL}
    if code in words:
        return words[code]
    number = re.fullmatch(r"(-?\d+)L?|(-?\d*\.\d+)", code)
    if number is not None:
        return int(number.group(1)) if number.group(1) else float(number.group(2))
    quoted = re.fullmatch(r"'([^'\\]*)'|\"([^\"\\]*)\"", code)
    return quoted.group(quoted.lastindex or 1) if quoted is not None else None


def _needed(path: tuple[str, ...]) -> bool:
    """Whether Podium reads the front matter setting at ``path`` (``("output", "xaringan::moon_reader",
    "css")``): a key of :data:`USED_KEYS` at the top, or an option of a slide format it reads."""
    if path[0] in ("output", "format"):
        return len(path) < 3 or path[2] in _FORMAT_OPTIONS_READ
    return path[0] in USED_KEYS


def _affiliations(author: dict[str, Any], raw: dict[str, Any]) -> list[str]:
    """The names of an author's affiliations, each once: pandoc's ``affiliation:`` or ``institute:``
    and Quarto's ``affiliations:`` (a name, a list of names, of ``{name: …}`` or of ``{ref: id}``
    naming an entry of the front matter's own ``affiliations:`` list)."""
    listed = raw.get("affiliations")
    by_id = {
        str(x["id"]): x
        for x in (listed if isinstance(listed, list) else [])
        if isinstance(x, dict) and "id" in x
    }
    out: list[str] = []
    for key in ("affiliation", "affiliations", "institute"):
        value = author.get(key)
        for one in value if isinstance(value, list) else [value]:
            if isinstance(one, dict) and "ref" in one and "name" not in one:
                one = by_id.get(str(one["ref"]), {})
            if isinstance(one, str) and one in by_id:  # (Quarto: an id alone)
                one = by_id[one]
            name = _text(one)
            if name and name not in out:
                out.append(name)
    return out


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        # `title: A<br>B` (a reveal.js line break) reads "A B"; any other markup is shown as written (Safety)
        value = re.sub(r"\s*<br\s*/?>\s*", " ", value, flags=re.I) if "<" in value else value
        return _XML_INVALID.sub("", value).strip()
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    if isinstance(value, list):
        return ", ".join(_text(v) for v in value)
    if isinstance(value, dict):
        return _text(value.get("name", ""))
    return str(value).strip()


_MARKUP = re.compile(r"[*_\[`<&~\\]")
# what typography changes: quotes, dashes, dots
_TYPOGRAPHY = re.compile(r"['\"]|--|\.\.\.")


@functools.lru_cache(maxsize=1)
def _meta_parser():
    """CommonMark with the body's typography (:func:`podium.markdown.typography`: as the parser's ``env``
    says, :data:`ELLIPSIS`), without dollar math: $…$ in the front matter is read before."""
    from markdown_it import MarkdownIt  # noqa: PLC0415 (only front matter with markup needs it)

    return typography(MarkdownIt("commonmark", {"typographer": True}))


def _meta_scripts(value: str) -> str:
    """``$\\chi^2$`` in a title as χ², ``H~2~O`` as H₂O and ``m^2^`` as m² (pandoc draws them; a
    title is plain text on a slide and in a PDF's metadata)."""
    from .deck.plan import SUBSCRIPTS, SUPERSCRIPTS, tex_to_unicode  # noqa: PLC0415 (only such a title needs it)

    def script(text: str, table: dict[int, int], mark: str) -> str:
        t = text.translate(table)
        return t if all(ord(c) > 127 for c in t) else mark + text + mark

    value = _META_MATH.sub(lambda mt: _BARE_SCRIPT.sub("", tex_to_unicode(mt.group(1))), value)
    value = _META_SUB.sub(lambda mt: script(mt.group(1), SUBSCRIPTS, "~"), value)
    return _META_SUP.sub(lambda mt: script(mt.group(1), SUPERSCRIPTS, "^"), value)


# a script Unicode has no raised or lowered form of, one symbol (H_∞, A^⊤): after its base, as math is read
# aloud (H∞); its mark would be TeX's debris on a title slide
_BARE_SCRIPT = re.compile(r"[_^](?=[^\w\s\x00-\x7f])")
# pandoc's rules: no space just inside the dollars, no digit right after the closing one
_META_MATH = re.compile(r"(?<![\\$])\$(?=\S)((?:\\.|[^$\n\\])+?)(?<=\S)\$(?!\d)")  # (math's \$: a dollar)
_META_SUB = re.compile(r"(?<!~)~(?!~)([^\s~]+)~(?!~)")
_META_SUP = re.compile(r"\^([^\s^]+)\^")


_LINE_BLOCK_LINE = re.compile(r"\|(?: |$)")  # a line of pandoc's line block: `| ` then its words


def _line_block(value: str) -> list[str] | None:
    """The lines of ``value`` when it is a pandoc line block (``subtitle: |`` then ``| (Tutorial 8)``,
    the usual way to break a title's lines): each ``| `` line one line, a line starting with a space
    continuing the one before; None when it is not one."""
    lines: list[str] = []
    for raw in value.strip().split("\n"):
        if _LINE_BLOCK_LINE.match(raw):
            lines.append(raw[2:].strip())
        elif lines and raw.startswith((" ", "\t")) and raw.strip():
            lines[-1] += " " + raw.strip()
        else:
            return None
    return lines or None


# an element closed right before another opens: a footer's items (`<span>Course</span><span>Week 3</span>`)
_ITEMS = re.compile(r"</(span|div|p|li|small|strong|em|b|i)>[ \t]*(?=<(?:span|div|p|li|small)\b)", re.I)


def footer_items(value: str) -> str:
    """A footer written as HTML items, side by side (``<span>A</span><span>B</span>``: a theme lays them
    out apart, as Marp's do), with `` · `` between them; their words alone would run together ("AB")."""
    return _ITEMS.sub(r"</\1> · ", value) if "</" in value else value


# tags around a footer's words that draw nothing a footer needs (items, a link's words are the link's text)
_FOOTER_WORD_TAGS = frozenset(
    "a abbr address center div footer header label li nobr ol p q section time ul".split()
)
_PICTURE_TAGS = frozenset(("img", "svg", "picture"))


def footer_words(value: str, pos: m.SourcePos, diags: Diagnostics, smart: str = "none") -> str:
    """A footer's words (:func:`markdown_text`, its HTML items apart: :func:`footer_items`, typeset as
    ``smart`` says: none in a Marp or remark deck's): HTML a footer of a slide cannot draw (a picture,
    ``<iframe>``, a component) is left out, its words kept, with a warning at ``pos``."""
    dropped: list[str] = []
    text = markdown_text(footer_items(value), dropped, smart=smart)
    if dropped:
        diags.warning(
            f"the footer's {_tag_names(dropped)} cannot be drawn in a footer, which shows words only: "
            "left out, its words kept",
            pos,
            "raw-html",
        )
    return text


def _tag_names(tags: list[str]) -> str:
    """``<iframe>, <x-logo> and a picture``: the tags named once each, as a message says them."""
    names = [f"<{t}>" for t in dict.fromkeys(tags) if t not in _PICTURE_TAGS]
    if any(t in _PICTURE_TAGS for t in tags):
        names.append("picture")
    return ", ".join(names[:-1]) + " and " + names[-1] if len(names) > 1 else names[0]


def markdown_text(
    value: str,
    dropped: list[str] | None = None,
    lines: bool = False,
    links: list[tuple[str, str]] | None = None,
    smart: str = "pandoc",
) -> str:
    """Front-matter text read as pandoc reads it, as Markdown, down to its words: ``**bold**``,
    ``[a link](url)``, ``[a span]{.orange}`` give their text; ``<br>`` is a space; formatting tags
    (``<b>``, ``<span style=…>``, ``<small>``) and ``<a href=…>`` give their words; other HTML and math
    are kept as written, or, given ``dropped`` (a footer's), left out, their words kept, and each tag's
    name (``img`` for a picture) added to ``dropped``; quotes, dashes and dots are typeset as the body's are
    (``smart``: the lecture's :data:`ELLIPSIS`, pandoc's ``smart`` by default; none in a Marp deck).
    Beamer's title TeX reads as beamer shows it: ``\\inst{1}`` goes, ``\\today`` is today's date,
    ``\\and`` a comma, ``\\textbf{x}`` and the like their words.  A line block gives its lines, and
    so, with ``lines`` (a title, an author, an institute: beamer breaks them there), does TeX's line
    break (``\\\\``, ``\\newline``); without, it is a space.  Given ``links`` (an author's), Markdown's
    hard line break (a ``\\`` ending a line) is a line break too, and each web or e-mail link's words and
    address are added to ``links``."""
    if value.startswith("|") and (block := _line_block(value)) is not None:
        return "\n".join(markdown_text(line, dropped, lines, links, smart) for line in block if line)
    if "\\" in value and _META_BREAK.search(value):
        if lines:
            return "\n".join(
                line
                for line in (
                    markdown_text(x.strip(), dropped, links=links, smart=smart)
                    for x in _META_BREAK.split(value)
                )
                if line
            )
        value = _META_BREAK.sub(" ", value)
    if "\\ " in value:  # (pandoc's escaped space: a space that does not break, e.g. to start a line)
        value = value.replace("\\ ", "\u00a0").strip()
    if "$" in value or "~" in value or "^" in value:  # math, H~2~O and m^2^ as their characters
        value = _meta_scripts(value)
    if "\\" in value:
        value = date_numbers(value)
        value = _META_LOGO.sub(lambda mt: TEX_SYMBOLS[mt.group(1)], value)  # (\LaTeX in a title)
        for _ in range(4):  # (\text{\includegraphics{…}}: the inner command first, then the outer)
            # (hyperref's \texorpdfstring: its TeX, not the bookmark's text, once the TeX inside is read)
            before, value = value, _TEXORPDF.sub(r"\1", _META_TEX.sub(_meta_tex, value))
            if value == before:
                break
        value = re.sub(r"[ \t]+", " ", value).strip()
    if not _MARKUP.search(value) and (smart == "none" or not _TYPOGRAPHY.search(value)):
        return value
    if "){" in value:  # (a link's attributes, `[here](url){target="_blank"}`: how a browser opens it)
        value = _LINK_ATTRIBUTES.sub(r"\1", value)
    try:
        tokens = _meta_parser().parseInline(value, {ELLIPSIS: smart})
    except Exception:  # markdown-it raises nothing for text, but metadata must never stop a build
        return value
    text = _inline_words(tokens[0].children or [] if tokens else [], dropped, links)
    while _SPAN.search(text):
        text = _SPAN.sub(lambda mt: mt.group(1), text)
    return "\n".join(re.sub(r"[ \t]+", " ", line).strip() for line in text.strip().split("\n"))


_LINK_ATTRIBUTES = re.compile(r"(\]\([^()\s]*(?:\([^()\s]*\)[^()\s]*)*(?:\s+\"[^\"]*\")?\))\{[^{}\n]*\}")
_STYLING = re.compile(r"[*_`]|</?(?:em|i|b|strong|code|cite|dfn|var|kbd|tt|samp)\b", re.I)
_STYLES = ("em", "strong")


def styled_words(value: str, plain: str, smart: str = "pandoc") -> m.Inlines:
    """Front-matter words with their formatting (``*Exploring Language Education*``, ``**bold**``, code,
    ``<em>``), as pandoc keeps it on a title slide: inlines whose words are ``plain`` (what
    :func:`markdown_text` made of ``value``); () where there is no formatting to keep, or where the value
    is read in ways its words alone say (its own lines, TeX, math)."""
    if not plain or "\n" in plain or not _STYLING.search(value) or re.search(r"[\\$~^]", value):
        return ()
    if value.startswith("|"):  # (a line block: its own lines)
        return ()
    try:
        tokens = _meta_parser().parseInline(value, {ELLIPSIS: smart})
    except Exception:  # markdown-it raises nothing for text, but metadata must never stop a build
        return ()
    opened: list[tuple[str, list[m.Inline]]] = [("", [])]
    for tok in tokens[0].children or [] if tokens else []:
        kind = tok.type.removesuffix("_open").removesuffix("_close")
        if tok.type == "html_inline":
            tag = read_inline_tag(tok.content)
            kind = HTML_FORMATTING.get(tag.tag, "") if tag.kind in ("start", "end") else ""
            if tag.tag == "br":
                opened[-1][1].append(m.Text(" "))
                continue
            if kind == "code":
                return ()  # (its words are HTML's, not code's: read as the words alone)
            if kind not in _STYLES:
                if not (tag.kind in ("start", "end") and (tag.tag in _PLAIN_TAGS or tag.tag == "a")):
                    opened[-1][1].append(m.Text(tok.content))
                continue
            tok_type = f"{kind}_{'open' if tag.kind == 'start' else 'close'}"
        else:
            tok_type = tok.type
        if tok_type.endswith("_open") and kind in _STYLES:
            opened.append((kind, []))
        elif tok_type.endswith("_close") and kind in _STYLES:
            if opened[-1][0] != kind:
                return ()
            _, inner = opened.pop()
            opened[-1][1].append(m.Emph(tuple(inner)) if kind == "em" else m.Strong(tuple(inner)))
        elif tok.type in ("text", "html_inline"):
            opened[-1][1].append(m.Text(tok.content))
        elif tok.type == "code_inline":
            opened[-1][1].append(m.Code(tok.content))
        elif tok.type in ("softbreak", "hardbreak"):
            opened[-1][1].append(m.Text(" "))
        elif tok.type not in ("link_open", "link_close"):
            return ()  # (a picture, something else: its words are markdown_text's)
    if len(opened) != 1:
        return ()
    words = _trim(tuple(_unspanned(_split_spans(_merge_text(opened[0][1])))))
    if not any(isinstance(x, (m.Emph, m.Strong, m.Code)) for x in m.walk(words)):
        return ()
    return words if m.plain_text(words).split() == plain.split() else ()


def _unspanned(items: Sequence[m.Inline]) -> list[m.Inline]:
    """``items`` with each span's words in its place (a title's ``[words]{.lightgrey}``: its words), the
    spaces between words one, as :func:`markdown_text` leaves them."""
    out: list[m.Inline] = []
    for x in items:
        if isinstance(x, m.Span):
            out += _unspanned(x.children)
        elif isinstance(x, (m.Emph, m.Strong)):
            out.append(type(x)(tuple(_unspanned(x.children))))
        elif isinstance(x, m.Text):
            out.append(m.Text(re.sub(r"[ \t]+", " ", x.text)))
        else:
            out.append(x)
    return _merge_text(out)


def _inline_words(tokens: list, dropped: list[str] | None, links: list[tuple[str, str]] | None = None) -> str:
    """The words of front-matter text's inline tokens (:func:`markdown_text`); given ``links``, a hard line
    break is a line break and each link's words and address (web or e-mail only) are added to it."""
    parts: list[str] = []
    opened: list[tuple[int, str]] = []  # (where a link's words begin in parts, its address)
    for tok in tokens:
        if links is not None and tok.type == "link_open":
            opened.append((len(parts), str(tok.attrGet("href") or "")))
        elif links is not None and tok.type == "link_close" and opened:
            at, href = opened.pop()
            words = re.sub(r"[ \t]+", " ", "".join(parts[at:])).strip()
            if words and re.match(r"(?i)(?:https?://|mailto:)", href) and is_safe_url(href):
                links.append((_SPAN.sub(lambda mt: mt.group(1), words), href))
        elif links is not None and tok.type == "hardbreak":
            parts.append("\n")
        elif tok.type == "text":
            parts.append(tok.content)
        elif tok.type == "code_inline":
            parts.append(tok.content)
        elif tok.type in ("softbreak", "hardbreak"):
            parts.append(" ")
        elif tok.type == "image" and dropped is not None:
            dropped.append("img")
        elif tok.type == "html_inline":  # <br> a space, formatting tags their words, other markup as written
            tag = read_inline_tag(tok.content)
            if tag.tag == "br":
                parts.append(" ")
            elif tag.kind in ("start", "end") and (
                tag.tag in HTML_FORMATTING or tag.tag in _PLAIN_TAGS or tag.tag == "a"
            ):
                continue
            elif dropped is None:
                parts.append(tok.content)
            elif tag.kind in ("start", "empty") and tag.tag not in _FOOTER_WORD_TAGS:
                dropped.append(tag.tag)  # (its end tag, its comment: nothing to say)
    return "".join(parts)


# TeX's line break in a front matter value (before ``\\ ``, pandoc's escaped space, is looked for)
_META_BREAK = re.compile(r"\\\\\*?(?:\[[^\]]*\])?|\\newline(?![A-Za-z])")
_META_TEX = re.compile(
    r"\\inst\{[^{}]*\}|\\today\b(?:\{\})?|\s*\\and\b|\\\\|"
    r"\\(?:textbf|textit|emph|alert|structure|textsl|textsc|textrm|textsf|texttt|textup|textmd|textnormal|underline|"
    r"uline|sout|mbox|hbox|centerline|textsmaller|textlarger|text|url)"
    r"\{([^{}]*)\}|\\href\{[^{}]*\}\{([^{}]*)\}"  # (an address in an author line: its words)
    r"|\\(?:textcolor|colorbox|fcolorbox\{[^{}]*\})\s*(?:\[[^\]]*\])?\{[^{}]*\}\{([^{}]*)\}"  # (its words: a colour's
    r"|\\color\s*(?:\[[^\]]*\])?\{[^{}]*\}\s*"  # look is the template's, as a title's size is)
    r"|\s*\\(?:no)?cite[tp]?\*?(?:\[[^\]]*\])*\{[^{}]*\}"  # (a citation in a title: not on the title slide)
    r"|\s*\\includegraphics\*?\s*(?:\[[^\]]*\])?\{[^{}]*\}"  # (a small picture beside the words: decoration)
    r"|\\textipa\s*\{((?:[^{}]|\{[^{}]*\})*)\}"  # (tipa's transcription: the IPA it prints)
    r"|\\text(super|sub)script\s*\{([^{}]*)\}"  # (1\textsuperscript{o}: raised, as Unicode has it)
)
# the commands the front matter's reading knows (_META_TEX's, its logos and symbols aside): a beamer deck warns
# about the others in its title commands (podium.beamer)
META_TEX_NAMES = frozenset(
    "inst today and textbf textit emph alert structure textsl textsc textrm textsf texttt textup textmd "
    "textnormal underline uline sout mbox hbox centerline textsmaller textlarger text url href textcolor "
    "colorbox fcolorbox color cite citet citep nocite includegraphics textipa textsuperscript textsubscript "
    "newline".split()
)
# letters raised and lowered as Unicode writes them (a title is plain text); with the digits' own
_RAISED = str.maketrans(
    "abcdefghijklmnoprstuvwxyzABDEGHIJKLMNOPRTUVW",
    "ᵃᵇᶜᵈᵉᶠᵍʰⁱʲᵏˡᵐⁿᵒᵖʳˢᵗᵘᵛʷˣʸᶻᴬᴮᴰᴱᴳᴴᴵᴶᴷᴸᴹᴺᴼᴾᴿᵀᵁⱽᵂ",
)
_LOWERED = str.maketrans("ehlpst", "ₑₕₗₚₛₜ")


def _meta_script(mt: re.Match) -> str:
    """``\\textsuperscript{…}`` or ``\\textsubscript{…}`` in a title, a date: its words raised or lowered in
    Unicode's characters (``1\\textsuperscript{o}``, Portuguese's and Spanish's ordinal: 1º), or, where
    Unicode has no such character for one of them, its words."""
    from .deck.plan import SUBSCRIPTS, SUPERSCRIPTS  # noqa: PLC0415 (only such a title needs it)

    words = mt.group(6)
    if mt.group(5) == "super" and words in ("o", "a") and mt.string[: mt.start()][-1:].isdigit():
        return "º" if words == "o" else "ª"  # (the ordinal indicators, as these languages print them)
    shown = (
        words.translate(SUPERSCRIPTS).translate(_RAISED)
        if mt.group(5) == "super"
        else words.translate(SUBSCRIPTS).translate(_LOWERED)
    )
    return shown if all(ord(c) > 127 or c == " " for c in shown) else words


def _text_command(piece: RawPiece) -> str:
    """Raw TeX ``piece`` whose text is kept, as a message quotes it: its name and overlay specification, the
    one a lecturer would look for (``\\uncover<4->{…}``)."""
    spec = "".join(f"<{a}>" for a, k in zip(piece.args, piece.kinds) if k == "<")
    return f"\\{piece.name}{spec}{{…}}"


def _meta_tex(mt: re.Match) -> str:
    said = mt.group(0).strip()
    if said.startswith(("\\inst", "\\cite", "\\nocite")):
        return ""
    if said.startswith("\\today"):
        return "today"
    if said == "\\and":
        return ","
    if said == "\\\\":
        return " "
    if said.startswith(("\\textsuperscript", "\\textsubscript")):
        return _meta_script(mt)
    if said.startswith("\\textipa"):
        return _MARKDOWN_SPECIAL.sub(r"\\\g<0>", tipa.ipa(mt.group(4)))
    words = mt.group(1) or mt.group(2) or mt.group(3) or ""
    # (TeX's words: `\texttt{<a@b.org>}` prints its brackets, as in a frame; Markdown would read an autolink)
    return words.replace("<", "\\<") if "<" in words else words


_TEXORPDF = re.compile(r"\\texorpdfstring\s*\{((?:[^{}]|\{[^{}]*\})*)\}\s*\{(?:[^{}]|\{[^{}]*\})*\}")
_TODAY = re.compile(r"\\today(?![A-Za-z@])(?:\{\})?")


def _meta_date(raw: dict[str, Any], lang: str, shown: str, smart: str = "pandoc") -> str:
    """The date the front matter ``raw`` gives, as the title slide shows it in the language ``lang``."""
    return _formatted_date(
        _special_date(markdown_text(_latex_date(_text(raw.get("date", "")), lang), smart=smart), shown),
        raw.get("date-format"),
        lang,
    )


def _latex_date(date: str, lang: str) -> str:
    """``date`` with LaTeX's ``\\today`` (``date: \\today``, for beamer) as LaTeX prints it in the lecture's
    language ``lang``, as a beamer deck's ``\\date{\\today}`` is (podium.beamer.latex_today)."""
    if "\\today" not in date:
        return date
    return _TODAY.sub(lambda _: _beamer_module().latex_today(lang), date)


def _special_date(date: str, shown: str) -> str:
    """Quarto's ``date: today`` / ``now`` / ``last-modified`` as a date (ISO 8601); other dates as written.
    ``SOURCE_DATE_EPOCH`` stands for today where it is set, so that builds stay reproducible."""
    word = date.strip()  # (Quarto's keywords are lower case: `\date{Today}` is a word, as beamer prints it)
    if word not in ("today", "now", "last-modified"):
        return date
    env = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if env.isdigit():
        return datetime.datetime.fromtimestamp(int(env), datetime.timezone.utc).date().isoformat()
    if word == "last-modified" and os.path.exists(shown):
        return datetime.date.fromtimestamp(os.path.getmtime(shown)).isoformat()
    return datetime.date.today().isoformat()


# Quarto's named date formats as it prints them in English (the browser's `dateStyle`)
_NAMED_DATES = {
    "full": "dddd, MMMM D, YYYY",
    "long": "MMMM D, YYYY",
    "medium": "MMM D, YYYY",
    "short": "M/D/YY",
}
_DATE_TOKEN = re.compile(r"\[([^\]]*)\]|[A-Za-z]+")  # (a literal in brackets; a run of letters: a token)
_DATE_TOKENS = frozenset(("YYYY", "YY", "MMMM", "MMM", "MM", "M", "DD", "D", "dddd", "ddd", "d"))
# the languages whose month names (beamer's, as babel's \today prints them) are the same after a day
# number and alone (not Czech's, Polish's or Russian's genitives)
_MONTHS_ALONE = ("en", "de", "fr", "es", "pt", "it", "nl", "sv", "da", "nb", "nn", "hu", "tr")
_WEEKDAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()


def _formatted_date(date: str, pattern: Any, lang: str) -> str:
    """An ISO ``date`` as Quarto's ``date-format`` writes it: ``iso``; a pattern of numbers (``DD.MM.YYYY``)
    in any language; month names (``D MMMM YYYY``) in a language whose names Podium knows; weekdays and
    the named formats (``long``, ``full``, ``medium``, ``short``) in English.  Else ``date`` as it is
    (the ``unused-key`` note says ``date-format`` is not used: :func:`_date_format_used`)."""
    if not _date_format_used(date, pattern, lang):
        return date
    day = datetime.date.fromisoformat(date)
    said = _NAMED_DATES.get(str(pattern).strip().lower(), str(pattern))
    if str(pattern).strip().lower() == "iso":
        return day.isoformat()
    primary = (lang or "en").lower().split("-")[0]
    months: list[str] = []
    if "MMM" in said:
        from .beamer import MONTHS  # noqa: PLC0415 (only a lecture that names its months pays for it)

        months = MONTHS.get(primary, "").split()

    def one(mt: re.Match) -> str:
        token = mt.group(0)
        if mt.group(1) is not None:
            return mt.group(1)
        return {
            "YYYY": f"{day.year:04d}",
            "YY": f"{day.year % 100:02d}",
            "MMMM": months[day.month - 1] if months else "",
            "MMM": months[day.month - 1][:3] if months else "",
            "MM": f"{day.month:02d}",
            "M": str(day.month),
            "DD": f"{day.day:02d}",
            "D": str(day.day),
            "dddd": _WEEKDAYS[day.weekday()],
            "ddd": _WEEKDAYS[day.weekday()][:3],
            "d": str((day.weekday() + 1) % 7),
        }[token]

    return _DATE_TOKEN.sub(one, said)


def _date_format_used(date: str, pattern: Any, lang: str) -> bool:
    """Whether :func:`_formatted_date` writes ``date`` (an ISO date) as ``date-format`` asks, in ``lang``."""
    if not isinstance(pattern, str) or not pattern.strip() or not re.fullmatch(r"\d{4}-\d\d-\d\d", date):
        return False
    try:
        datetime.date.fromisoformat(date)
    except ValueError:
        return False
    key = pattern.strip().lower()
    if key == "iso":
        return True
    english = (lang or "en").lower().split("-")[0] == "en"
    if key in _NAMED_DATES:
        return english and (lang or "en").lower() in ("en", "en-us")  # (en-GB's order differs)
    tokens = {mt.group(0) for mt in _DATE_TOKEN.finditer(pattern) if mt.group(1) is None}
    if (
        tokens - _DATE_TOKENS
    ):  # (one Podium does not write, `Do`, `dd`, `H`: the date as written, and the note)
        return False
    if tokens & {"dddd", "ddd", "MMM"} and not english:  # (weekdays and short months: English only)
        return False
    if tokens & {"MMMM", "MMM"} and (lang or "en").lower().split("-")[0] not in _MONTHS_ALONE:
        return False
    return bool(tokens)


_DATE_NUMBER = re.compile(
    r"\\(?:the|number)\s*\\(year|month|day)(?![A-Za-z])[ \t]*"
)  # (TeX skips the spaces after)


def date_numbers(text: str) -> str:
    """``text`` with TeX's ``\\the\\year`` (``\\the\\month``, ``\\the\\day``, ``\\number\\year``) as TeX
    prints it: the number of the build's date, the one ``\\today`` prints (``SOURCE_DATE_EPOCH``'s where
    it is set); the spaces after it are left out, as TeX skips them (``\\the\\year 年``: ``2026年``)."""
    if "\\" not in text or _DATE_NUMBER.search(text) is None:
        return text
    day = datetime.date.fromisoformat(_special_date("today", ""))
    return _DATE_NUMBER.sub(lambda mt: str(getattr(day, mt.group(1))), text)


_INLINE_R = re.compile(r"`(?:r|\{\s*r\s*\})\s+([^`]+)`")  # (knitr's `r x`, Quarto's `{r} x`)
_R_TODAY = re.compile(
    r"""^(?:Sys\.(?:Date|time)\(\)|format\(\s*Sys\.(?:Date|time)\(\)\s*,\s*(?:format\s*=\s*)?["']([^"']*)["']\s*\))$"""
)


def _inline_r_meta(
    raw: dict[str, Any], shown: str, diags: Diagnostics, key_lines: dict[str, int]
) -> dict[str, Any]:
    """An R Markdown front matter's inline R (`` `r Sys.Date()` ``), which Podium cannot run: today's
    date where it asks for that (as ``date: today``: SOURCE_DATE_EPOCH honoured), a front matter's value
    (`` `r params$uf` ``, `` `r rmarkdown::metadata$subtitle` ``) as in the body, else left out with a
    warning."""

    def value(text: str, key: str) -> str:
        def one(mt: re.Match) -> str:
            if quarto.EMPTY_INLINE_R.fullmatch(mt.group(0)):
                return ""  # (`r ''`: knitr's value is known, nothing)
            known = quarto.r_metadata("r " + mt.group(1), raw)
            if known is not None and not _INLINE_R.search(known):  # (not a value that is itself code)
                return known
            today = _R_TODAY.match(mt.group(1).strip())
            if today is not None:
                day = datetime.date.fromisoformat(_special_date("today", shown))
                return day.strftime(today.group(1)) if today.group(1) else day.isoformat()
            diags.warning(
                f"inline R code `r {_short(mt.group(1).strip(), 40)}` in the front matter is left out: Podium "
                "runs no code; write its value",
                _key_pos(shown, key_lines, key),
                "inline-code",
            )
            return ""

        return re.sub(r"  +", " ", _INLINE_R.sub(one, text)).strip()

    out: dict[str, Any] = {}
    for key, v in raw.items():
        if isinstance(v, str) and _INLINE_R.search(v):
            v = value(v, str(key))
        elif isinstance(v, list) and any(isinstance(x, str) and _INLINE_R.search(x) for x in v):
            v = [value(x, str(key)) if isinstance(x, str) else x for x in v]
        out[key] = v
    return out


def build_meta(
    raw: dict[str, Any],
    course: dict[str, Any],
    shown: str,
    diags: Diagnostics,
    key_lines: dict[str, int] | None = None,
    smart: str = "pandoc",
) -> m.Meta:
    """Return the lecture's Meta from front matter ``raw`` over course.yaml defaults ``course``, its text
    typeset as the body's (``smart``: the lecture's :data:`ELLIPSIS`)."""
    for key in ("title", "subtitle", "date", "course", "term", "institute", "lang"):
        listed = isinstance(raw.get(key), list) and key in ("title", "institute")  # (pandoc's lists: joined)
        if isinstance(raw.get(key), (dict, list)) and not listed:
            diags.warning(
                f"{key} is written as a {'mapping' if isinstance(raw[key], dict) else 'list'}, not text; "
                f'write it in quotes, e.g. {key}: "…"',
                _key_pos(shown, key_lines, key, 2),
                "front-matter",
            )
    authors: list[m.Author] = []
    value = raw.get(
        "author", raw.get("authors", raw.get("lecturer"))
    )  # (course.yaml's names in the front matter)
    if value is None and course.get("lecturer"):
        value = course["lecturer"]
    for a in value if isinstance(value, list) else ([value] if value else []):
        links: list[tuple[str, str]] = []  # (a name written as a link, an address under it: kept as links)
        if isinstance(a, dict):
            authors.append(
                m.Author(
                    markdown_text(_text(a.get("name")), lines=True, links=links, smart=smart),
                    "\n".join(markdown_text(x, lines=True, smart=smart) for x in _affiliations(a, raw)),
                    _text(a.get("email")),
                    tuple(links),
                )
            )
        else:
            authors.append(
                m.Author(markdown_text(_text(a), lines=True, links=links, smart=smart), links=tuple(links))
            )
    institute = markdown_text(
        _text(raw.get("institute", raw.get("institution", course.get("institution", "")))),
        lines=True,
        smart=smart,
    )
    # (each author's affiliation, where the lecture names no institute of its own, is the institute line)
    places = [x for a in authors if a.name for x in a.affiliation.split("\n") if x]
    places = [x for i, x in enumerate(places) if x not in places[:i] and x not in institute.split("\n")]
    institute = "\n".join(([institute] if institute else []) + places)
    level = raw.get("slide-level", raw.get("slide_level"))
    if level is not None:
        if isinstance(level, bool) or not isinstance(level, int) or not 0 <= level <= 6:
            key = "slide-level" if "slide-level" in raw else "slide_level"
            diags.error(
                f"slide-level must be a whole number from 0 to 6, not {level!r}",
                _key_pos(shown, key_lines, key, 2),
                "slide-level",
            )
            level = None
    template = raw.get("template", course.get("template"))
    lang = _lang_of(raw, course)
    title = markdown_text(_text(raw.get("title")), lines=True, smart=smart)
    subtitle = markdown_text(_text(raw.get("subtitle")), lines=True, smart=smart)
    styled_text = [
        (key, _text(value), said)
        for key, value, said in (
            ("title", raw.get("title"), title),
            ("subtitle", raw.get("subtitle"), subtitle),
            (
                "institute",
                raw.get("institute", raw.get("institution", course.get("institution", ""))),
                institute,
            ),
            ("date", raw.get("date", ""), None),
        )
        if isinstance(value, str) and value
    ]
    return m.Meta(
        title=title,
        subtitle=subtitle,
        authors=tuple(a for a in authors if a.name),
        institute=institute,
        date=_meta_date(raw, lang, shown, smart),
        lang=lang,
        direction=_direction(raw, course, lang, shown, diags, key_lines),
        course=_text(raw.get("course", course.get("course", ""))),
        term=_text(raw.get("term", course.get("term", ""))),
        template=_text(template) or None,
        slide_level=level,
        handout=_handout_settings(raw, course, shown, diags, key_lines),
        fit=_text(raw.get("fit", course.get("fit", ""))),
        footer=footer_words(
            _footer_text(raw, shown, diags, key_lines or {}),
            _setting_pos(raw, shown, key_lines, "footer"),
            diags,
            smart,
        ),
        lines=tuple(
            (key, m.SourcePos(shown, (key_lines or {})[key]))
            for key in META_WORDS
            if key in raw and key in (key_lines or {})
        ),
        # (the date's formatted words: kept where its text is the date shown, Meta.styled_field)
        styled=tuple(
            (key, words)
            for key, value, said in styled_text
            if (words := styled_words(value, said or markdown_text(value, smart=smart), smart))
        ),
    )


def _logo(
    raw: dict[str, Any], shown: str, diags: Diagnostics, key_lines: dict[str, int], base_dir: str, policy
) -> m.Image | None:
    """The lecture's own logo (``logo:``, or Quarto's under ``format: revealjs:``), found under the same
    path policy as a picture; None, after a warning, when it is not a file name or cannot be used."""
    value = raw.get("logo") or _format_option(raw, "logo")
    pos = _setting_pos(raw, shown, key_lines, "logo")
    if not isinstance(value, str):
        diags.warning(
            f"logo must be a picture's file name, not {value!r}; no logo is drawn", pos, "front-matter"
        )
        return None
    path = policy.resolve(value, base_dir, pos, diags, "picture")
    return m.Image(value, path, (), "", pos) if path else None


def _title_slide_background(
    raw: dict[str, Any], shown: str, diags: Diagnostics, key_lines: dict[str, int], base_dir: str, policy
) -> None:
    """Quarto's ``title-slide-attributes:`` (at the top, or under ``format: revealjs:``): the title slide's
    background picture, colour, web page or video, which Podium does not draw (its title slide is the
    template's design), each with a warning at its line, as a slide's own background gets; a picture is
    looked for too, so that a missing one is said."""
    given = raw.get("title-slide-attributes")
    if not isinstance(given, dict):
        given = _format_option(raw, "title-slide-attributes")
    if not isinstance(given, dict):
        return
    for written, value in given.items():
        kv = _backgrounds([(str(written), str(value))])
        key = next((k for k in kv if k in _TITLE_BACKGROUNDS), None)
        if key is None or not kv[key].strip():
            continue
        pos = _first_pos(
            shown,
            key_lines,
            *(f"{under}title-slide-attributes.{written}" for under in _TITLE_ATTRS_UNDER),
            *(f"{under}title-slide-attributes" for under in _TITLE_ATTRS_UNDER),
        )
        diags.warning(
            f"the title slide's background {_TITLE_BACKGROUNDS[key]} '{_short(kv[key], 100)}' "
            "(title-slide-attributes) is not drawn: Podium's title slide is the template's design",
            pos,
            "background",
        )
        if key == "background-image" and "://" not in kv[key]:
            policy.resolve(kv[key], base_dir, pos, diags, "picture")


_TITLE_ATTRS_UNDER = ("", "format.revealjs.", "format.pptx.", "format.beamer.")
_TITLE_BACKGROUNDS = {
    "background-image": "picture",
    "background-color": "colour",
    "background-iframe": "web page",
    "background-video": "video",
}


def _layout_logo(
    remarked: Any, lines: list[tuple[str, int]], base_dir: str, policy: PathPolicy, diags: Diagnostics
) -> m.Image | None:
    """The logo a xaringan layout puts on every slide (``remarked.logo``: its file and the line of the
    remark deck it is on, ``lines[line]`` in the lecture), found as a picture; None when there is none,
    or after a warning."""
    if remarked is None or remarked.logo is None:
        return None
    src, at = remarked.logo
    pos = m.SourcePos(*lines[at])
    path = policy.resolve(src, base_dir, pos, diags, "picture")
    return m.Image(src, path, (), "", pos) if path else None


def _footer_text(raw: dict[str, Any], shown: str, diags: Diagnostics, key_lines: dict[str, int]) -> str:
    """The front matter's footer (Marp's, or Quarto's under ``format: revealjs:``), its ``{{< meta … >}}``
    shortcodes the values they name."""
    text = _text(raw.get("footer") or _format_option(raw, "footer") or "")
    if "{{<" in text:
        pos = _setting_pos(raw, shown, key_lines, "footer")
        text = quarto.replace_shortcodes(text, lambda _i: pos, diags, raw)
    return text


# languages written right to left (ISO 639 codes; a region or script subtag after "-" is ignored)
RTL_LANGUAGES = frozenset(
    {"ar", "arc", "ckb", "dv", "fa", "he", "iw", "ks", "ku-arab", "ps", "sd", "syr", "ug", "ur", "yi"}
)


def _direction(
    raw: dict[str, Any],
    course: dict[str, Any],
    lang: str,
    shown: str,
    diags: Diagnostics,
    key_lines: dict[str, int] | None,
) -> m.Direction:
    """The lecture's text direction: ``dir: rtl|ltr`` (pandoc's and Quarto's variable; front matter,
    then course.yaml), else right to left for a language written so (``lang: ar``, ``he``, ``fa``…)."""
    code = lang.strip().lower().replace("_", "-")
    by_lang = (
        m.Direction.RTL if code in RTL_LANGUAGES or code.split("-")[0] in RTL_LANGUAGES else m.Direction.LTR
    )
    value = raw.get("dir", course.get("dir"))
    if value is None:
        return by_lang
    text = _text(value).lower()
    if text in ("rtl", "ltr"):
        return m.Direction(text)
    where = _key_pos(shown, key_lines, "dir", 2) if "dir" in raw else m.SourcePos("course.yaml", 1)
    diags.warning(
        f"dir must be rtl or ltr, not {_text(value)!r}; the lecture's text runs "
        f"{'right to left' if by_lang is m.Direction.RTL else 'left to right'} (from lang: {lang})",
        where,
        "front-matter",
    )
    return by_lang


def _handout_settings(
    raw: dict[str, Any],
    course: dict[str, Any],
    shown: str,
    diags: Diagnostics,
    key_lines: dict[str, int] | None,
) -> tuple[tuple[str, str], ...]:
    """The ``handout:`` settings of the front matter, over those of course.yaml."""

    pos = _key_pos(shown, key_lines, "handout")
    merged = dict(read_settings(course.get("handout"), m.SourcePos("course.yaml", 1), diags))
    merged.update(read_settings(raw.get("handout"), pos, diags))
    return tuple(merged.items())


def read_course(content_dir: Path, diags: Diagnostics) -> dict[str, Any]:
    """Return the mapping in ``content_dir/course.yaml``, or {} when there is none."""
    p = content_dir / "course.yaml"
    if not os.path.lexists(p):
        return {}
    shown = _shown_path(p)
    real = Path(os.path.realpath(p))
    folder = Path(os.path.realpath(content_dir))
    if folder not in real.parents:
        diags.warning(
            "course.yaml leads outside the lecture's folder (a symbolic link); not read",
            m.SourcePos(shown, 1),
            "outside-project",
        )
        return {}
    if not p.is_file():
        diags.warning("course.yaml is not a regular file; not read", m.SourcePos(shown, 1), "not-a-file")
        return {}
    try:
        data = (
            yamlsafe.load(decode_source(read_bounded(p, shown, diags, MAX_COURSE_BYTES), shown, diags)) or {}
        )
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark
        diags.error(f"not valid YAML: {e.problem}", m.SourcePos(shown, mark.line + 1 if mark else 1), "yaml")
        return {}
    except BuildError:
        return {}
    if not isinstance(data, dict):
        diags.error("course.yaml must be a mapping of keys to values", m.SourcePos(shown, 1), "yaml")
        return {}
    return data


# --------------------------------------------------------------------------- the parse


def _completed_meta(
    lecture: m.Lecture, marp_footer: str | None, marp_header: str = "", headed: bool = True
) -> m.Lecture:
    """The lecture's title and footer where the front matter gave none: the first heading (a reveal.js
    file has no front matter; not where ``headed`` is False: a beamer deck's frame title is no lecture
    title, as beamer's ``\\inserttitle`` is empty without ``\\title``) and Marp's `<!-- footer: … -->`
    directive; Marp's header (``header:``), which a slide of Podium has no place for, goes in front of the
    footer (:func:`marp_header_text`)."""
    meta = lecture.meta
    if not meta.title and headed:
        first = next((t for t in map(_heading_of, lecture.slides) if t.strip()), "")
        meta = replace(meta, title=first if len(first) <= 200 else first[:199].rsplit(" ", 1)[0] + "…")
    if marp_footer and not meta.footer:
        meta = replace(meta, footer=marp_footer)
    if marp_header:
        meta = replace(meta, footer=with_header(marp_header, meta.footer))
    return replace(lecture, meta=meta) if meta is not lecture.meta else lecture


def _heading_of(slide: m.Slide) -> str:
    """The slide's title, or, on an untitled slide that opens with a heading (a subhead under no title),
    that heading's words: what names a lecture without a title, never a later slide's heading."""
    if slide.title or not slide.body or not isinstance(slide.body[0], m.Heading):
        return m.plain_text(slide.title)
    return m.plain_text(slide.body[0].content)


def marp_header_text(value: object, pos: m.SourcePos, diags: Diagnostics) -> str:
    """The words of Marp's ``header:`` (``"**CS 101** · Week 3"``), or "" for a header of pictures only (a
    logo: decoration, as a background is, left out quietly); other HTML in it is left out, its words
    kept, with a warning."""
    dropped: list[str] = []
    text = markdown_text(value, dropped, smart="none") if isinstance(value, str) else ""
    others = [t for t in dropped if t not in _PICTURE_TAGS]
    if others:
        diags.warning(
            f"the header's {_tag_names(others)} cannot be drawn (its words go in front of the footer): "
            "left out, its words kept",
            pos,
            "raw-html",
        )
    return text


def _front_header(raw_meta: dict, pos: m.SourcePos, diags: Diagnostics) -> str | None:
    """A Marp deck's front matter ``header:`` (:func:`marp_header_text`), None when it has none."""
    return marp_header_text(raw_meta["header"], pos, diags) if "header" in raw_meta else None


def with_header(header: str, footer: str) -> str:
    """A footer with Marp's header in front of it (the header alone where there is no footer)."""
    return f"{header} · {footer}" if header and footer else header or footer


_REMARK_SIGNS = (
    "moon_reader",
    "???",
    ".pull-left[",
    ".left-column[",
    "\n---\nclass:",
    "\n---\nbackground-image:",
    "\n---\nname:",
    "\n---\nlayout:",
    "class:",  # (at the file's start too: remark.wanted decides)
    "name:",
    "layout:",
    "background-image:",
)


def _signs(text: str, signs: tuple[str, ...]) -> bool:
    """Could ``text`` be a deck of a tool with these ``signs`` (remark: :func:`podium.remark.wanted`, Slidev:
    :func:`podium.slidev.wanted` decide)?  Most lectures: no, at once."""
    return any(sign in text for sign in signs)


def _deck_file_exists(base_dir: str, name: str) -> bool:
    """Whether the file a beamer deck's ``\\IfFileExists{name}`` asks about is there, as LaTeX finds it
    (``name``, then ``name.tex``) in the deck's folder or below it; a name outside it is not."""
    if not name or os.path.isabs(name) or ".." in Path(name).parts:
        return False
    return any(os.path.isfile(os.path.join(base_dir, n)) for n in (name, name + ".tex"))


_EXTENSION = re.compile(r"\.[A-Za-z0-9]{1,8}$")  # (a file name's extension: lgrenc.def, intro.tex)
# the extensions of the files a TeX installation holds that set LaTeX up: encodings, fonts, configuration,
# language and class options (a package's \input{lgrenc.def}), which a deck's folder does not
_SYSTEM_FILE = re.compile(r"\.(?:def|fd|cfg|clo|ldf|dfu|cls|sty|enc|map)$", re.IGNORECASE)


def _tex_reader(
    base_dir: str,
    policy: PathPolicy,
    diags: Diagnostics,
    lost: str = "; its frames and text are missing from the deck",
):
    """For :func:`podium.beamer.expand_inputs`: a file a beamer deck inputs, found as LaTeX finds it
    (``name.tex``, then ``name``, from the deck's folder) and read under the path policy.  A package
    (``name.sty``) is read only when it is there: else it is one of LaTeX's own, and nothing is said.
    ``via``: the macro call that inputs the file (``\\lesson{intro}``), named in a message; ``lost``: what
    a file that cannot be read leaves out, for its message."""

    def read(name: str, shown: str, line: int, via: str = "", code: bool = False) -> tuple[str, str] | None:
        if name.endswith(".sty") and not os.path.isfile(os.path.join(base_dir, name)):
            return None
        pos = m.SourcePos(shown, line)
        if code:  # (a listing's file, \lstinputlisting{move.cc}: by its own name)
            path = policy.resolve(
                name.strip(), base_dir, pos, diags, "listing file", then="; its code is missing from the deck"
            )
            try:
                return (
                    (decode_source(Path(path).read_bytes()[: MAX_BYTES + 1], name, diags), name)
                    if path
                    else None
                )
            except BuildError:  # (said)
                return None
        package = name.endswith(".sty") and via == "\\usepackage"  # (a course's own package: no \input)
        lost_here = "" if package else lost + (f" ({via} inputs it)" if via else "")
        if (unknown := re.search(r"\\[A-Za-z@]+|#\d", name)) is not None:
            diags.warning(
                f"\\input file '{name}' is named with '{unknown.group(0)}', which Podium cannot put in (only a "
                f"macro defined with \\newcommand or \\def in the deck, without arguments){lost_here}",
                pos,
                "missing-file",
            )
            return None
        # (LaTeX adds .tex to a name without an extension only: lgrenc.def is itself)
        names = [name, name + ".tex"] if _EXTENSION.search(name) else [name + ".tex", name]
        found = next((n for n in names if os.path.isfile(os.path.join(base_dir, n))), None)
        if found is None and _SYSTEM_FILE.search(name):  # (TeX's own, in its installation: no frames)
            diags.note(
                f"\\input file '{name}' is a TeX system file (font or language setup, no frames or text), "
                "not in the deck's folder: not read",
                pos,
                "missing-file",
            )
            return None
        found = found or names[0]
        # (missing: said, and watched for)
        what = "package file" if package else "\\input file"
        path = policy.resolve(found, base_dir, pos, diags, what, then=lost_here)
        if path is None:
            return None
        try:
            text = decode_source(Path(path).read_bytes()[: MAX_BYTES + 1], found, diags)
        except BuildError:  # (said)
            return None
        return text, os.path.relpath(path) if not os.path.isabs(found) else found

    return read


def _beamer_signs(text: str, shown: str) -> bool:
    """Could ``text`` be a beamer deck in LaTeX (:func:`podium.beamer.wanted` decides)?"""
    return shown.lower().endswith(".tex") or "\\documentclass" in text


def _beamer_module():
    from . import beamer  # noqa: PLC0415 (only beamer .tex decks pay for it)

    return beamer


def _deck_kind(text: str, shown: str) -> tuple[bool, bool, bool]:
    """Whether ``text`` is a beamer deck in LaTeX, a Slidev deck, a remark.js (xaringan) deck."""
    tex_deck = _beamer_signs(text, shown) and _beamer_module().wanted(text, shown)
    slidev_deck = not tex_deck and _signs(text, _SLIDEV_SIGNS) and _slidev_module().wanted(text)
    remark_deck = not tex_deck and _signs(text, _REMARK_SIGNS) and _remark_module().wanted(text)
    if slidev_deck and remark_deck:  # (`class: center, middle` after `---`: both tools' property)
        slidev_deck = _slidev_module().own_signs(text)
        remark_deck = not slidev_deck
    return tex_deck, slidev_deck, remark_deck


_SLIDEV_SIGNS = (
    "v-click",
    "<v-switch",
    "::right::",
    "\nlayout:",
    "\nclass:",
    "highlighter:",
    "drawings:",
    "mdc:",
    "htmlAttrs:",
    "transition:",
    "\nsrc:",
    "\n---\ntitle:",  # (slides' own front matter: podium.slidev.wanted)
    "<Toc",  # (Slidev's own components: podium.slidev._BUILT_IN)
    "<Youtube",
    "<Tweet",
    "<Slide",
    "<V",
    "<AutoFitText",
    "<LightOrDark",
    "<RenderWhen",
    "<PoweredBySlidev",
)


def _slidev_module():
    from . import slidev  # noqa: PLC0415 (only lectures with Slidev's signs pay for it)

    return slidev


def _slidev(
    body: str,
    raw_meta: dict,
    shown: str,
    diags: Diagnostics,
    base_dir: str,
    policy,
    key_lines: dict[str, int],
) -> tuple[str, list[tuple[str, int]], dict]:
    """A Slidev deck rewritten as this dialect's Markdown (podium.slidev), what it left out said; the front
    matter with the title (and subtitle, author, institute, date) its first slide gives, where it gives
    none (its title over the front matter's: Slidev shows its cover's heading, ``title:`` names the browser
    tab); ``key_lines``: the line of each front matter key."""
    slidev = _slidev_module()

    def read(src: str, home: str | None, at: tuple[str | None, int]):
        """A file a slide imports (``src:``), from the folder of the file that imports it (``/x``: the
        deck's), read under the path policy as an include is."""
        pos = m.SourcePos(at[0] or shown, at[1])
        if "://" in src:  # (Slidev imports files of the deck, never a page of the network)
            diags.warning(
                f"included file '{src}' is an address, not a file of the deck; not read", pos, "include"
            )
            return None
        folder = os.path.dirname(home) if home else base_dir
        if src.startswith("/") and "://" not in src:  # (Slidev: from the deck's folder, not public/)
            src, folder = src.lstrip("/"), base_dir
        path = policy.resolve(src, folder, pos, diags, "included file")
        if path is None:
            return None
        named = os.path.relpath(path)
        try:
            text = decode_source(Path(path).read_bytes()[: MAX_BYTES + 1], named, diags)
        except BuildError:  # (said)
            return None
        return slidev.Imported(text, named, os.path.realpath(path))

    deck = os.path.realpath(os.path.join(base_dir, os.path.basename(shown)))
    rewrite = slidev.slidev_markdown(
        body, raw_meta, read, key_lines.get("src", 1) - 1, deck, {k: v - 1 for k, v in key_lines.items()}
    )
    _said(
        diags,
        m.SourcePos(shown, 1),
        "read as a Slidev deck: '---' makes slides (with their own front matter), the last comment of a "
        "slide is its notes, <v-click> and <v-clicks> are clicks",
        [
            (m.SourcePos(*_placed(rewrite, line, shown)), message, code)
            for line, message, code in rewrite.notes
        ],
    )
    meta = dict(raw_meta)
    meta.pop("src", None)  # (read: the headmatter's slide imports)
    for key in rewrite.used:  # (read: the title slide shows them, `trainer:` as its author)
        meta.pop(key, None)
    for key, value in rewrite.meta.items():
        meta.setdefault(key, value)
    if rewrite.cover_title:  # (as reveal-md's first slide titles its deck over `title:`)
        diags.note(
            f"the cover's heading '{_short(rewrite.cover_title, 80)}' is the title slide's and the lecture's "
            f"title, as Slidev shows it; 'title: {_short(_text(meta.get('title')), 80)}' only names the "
            "browser tab, and is not shown",
            m.SourcePos(shown, key_lines.get("title", 1)),
            "title",
        )
        meta["title"] = rewrite.cover_title
    if not rewrite.title_slide:
        meta[OWN_COVER] = True
    if rewrite.cover_notes:
        meta[COVER_NOTES] = True
    return rewrite.text, [_placed(rewrite, k, shown) for k in rewrite.index], meta


def _placed(rewrite, k: int, shown: str) -> tuple[str, int]:
    """The file (the deck: ``shown``) and line of a Slidev rewrite's line id ``k``."""
    name, line = rewrite.place(k)
    return name or shown, line


OWN_COVER = "(own cover)"  # a deck's first slide is its cover: no title slide is made of the front matter
# the notes written before the deck's first slide are its title slide's (a Slidev cover's notes)
COVER_NOTES = "(cover notes)"


_WARNED = frozenset(
    ("not-rendered", "include", "media", "raw-html", "unclosed-div", "unclosed-fence")
)  # (a rewrite's notes that are warnings)


def _said(diags: Diagnostics, at: m.SourcePos, dialect: str, notes: list) -> None:
    """A rewritten deck's ``dialect`` note and what the rewrite left out or does not draw (``notes``:
    position, message, code; ``[not-rendered]`` ones, and those of the codes ``_WARNED`` or marked
    ``[warning]``, are warnings: content not shown, or not as written)."""
    diags.note(dialect, at, "dialect")
    for pos, message, code in notes:
        say = diags.warning if code in _WARNED or message.startswith("[warning] ") else diags.note
        say(message.removeprefix("[not-rendered] ").removeprefix("[warning] "), pos, code)


def sourced_text(expr: str, pos: m.SourcePos, base_dir: str, policy: PathPolicy, diags: Diagnostics) -> str:
    """The text of the R file a chunk's ``source(expr)`` runs, read for the knitr chunk options it
    sets; "" (with a note) where Podium cannot tell the file, it is missing, or not allowed."""
    names = quarto.child_files(expr, base_dir, base_dir)
    if not names or len(names) != 1:
        return ""  # (R code Podium cannot evaluate: its file is no concern of the slides)
    name = names[0]
    path = Path(base_dir, name)
    record = getattr(policy, "record", None)  # (the build's record: a change to it rebuilds)
    if record is not None and policy.allows(path):
        record(path)
    if not path.is_file() or not policy.allows(path):
        why = "not found" if not path.exists() else "outside the folders Podium may read"
        diags.note(
            f"source('{_short(name, 60)}') is not read ({why}): any knitr chunk options it sets "
            "(opts_chunk$set) do not apply",
            pos,
            "code-cell",
        )
        return ""
    scratch = Diagnostics()  # (an R file Podium cannot read is no error of the lecture's)
    try:
        return read_bounded(path, name, scratch, 1 << 20).decode("utf-8", "replace")
    except BuildError:
        diags.note(f"source('{_short(name, 60)}') is not read: {scratch.items[-1].message}", pos, "code-cell")
        return ""


def _remark_module():
    from . import remark  # noqa: PLC0415 (only lectures with remark's signs pay for it)

    return remark


def _remark(
    body: str,
    raw_meta: dict,
    shown: str,
    origins: list[tuple[str, int]] | None,
    diags: Diagnostics,
    base_dir: str,
    policy: PathPolicy,
) -> tuple[str, list[tuple[str, int]], Any]:
    """A remark deck (xaringan) rewritten as this dialect's Markdown (podium.remark), its notes reported;
    and the rewrite (its footer, whether a title slide is made)."""
    base = origins or [(shown, k + 1) for k in range(body.count("\n") + 1)]

    def source(
        expr: str, line: int
    ) -> str:  # (a file a setup chunk sources; what it cannot read the reader says, once, when it reads it)
        return sourced_text(expr, m.SourcePos(*base[line]), base_dir, policy, Diagnostics())

    rewrite = _remark_module().remark_markdown(body, raw_meta, source)
    _said(
        diags,
        m.SourcePos(shown, 1),
        "read as a remark.js (xaringan) deck: '---' makes slides, '--' a click, '???' starts the notes, "
        "'class:' lines at a slide's start are its properties",
        [(m.SourcePos(*base[line]), message, code) for line, message, code in rewrite.notes],
    )
    return rewrite.text, [base[j] for j in rewrite.index], rewrite


_COVER_KEYS = ("title", "subtitle", "author", "authors", "institute", "date")


def _remark_meta(raw_meta: dict) -> dict:
    """A xaringan deck's front matter with remark's ``.name[words]`` in its title slide's fields
    (``title: "Lecture .mono[002]"``) as spans, ``[words]{.name}``: xaringan writes them into its title
    slide's Markdown, where remark shows their words (:func:`podium.remark.class_spans`)."""
    spans = _remark_module().class_spans

    def read(value: Any) -> Any:
        if isinstance(value, str):
            return spans(value)
        if isinstance(value, list):
            return [read(v) for v in value]
        if isinstance(value, dict):
            return {
                k: read(v) if k in ("name", "affiliation", "affiliations") else v for k, v in value.items()
            }
        return value

    if not any(isinstance(raw_meta.get(k), (str, list, dict)) for k in _COVER_KEYS):
        return raw_meta
    return {k: read(v) if k in _COVER_KEYS else v for k, v in raw_meta.items()}


def _marp_math(body: str, raw_meta: dict, latex: bool, reveal: bool) -> tuple[str, list[int]] | None:
    """A Marp or reveal.js deck's (``reveal``: :func:`is_reveal_markdown`; or reveal-md's front matter) inline math with a line break
    after its opening ``$`` or before its closing one, as this dialect reads it
    (:func:`marp.line_broken_math`: reveal.js's math plugin, KaTeX's or MathJax's, typesets it over the
    HTML, where a line break is a space); None when there is none."""
    if (
        latex
        or "$" not in body
        or not (reveal or has_reveal_md_keys(raw_meta) or marp.wanted(raw_meta, body))
    ):
        return None
    return marp.line_broken_math(body)


def _raw_lines(body: str, wanted: bool) -> tuple[str, list[bool] | None]:
    """A Markdown lecture written with LaTeX: its text with its TeX commands' ties as no-break spaces
    (:func:`command_ties`), and for each line whether it is raw TeX (:func:`raw_tex_lines`)."""
    if not wanted:
        return body, None
    raw = set(raw_tex_lines(body))
    return command_ties(body) or body, [k in raw for k in range(body.count("\n") + 1)]


def _line_broken_dollars(
    body: str,
    raw_meta: dict,
    origins: list[tuple[str, int]] | None,
    shown: str,
    diags: Diagnostics,
    tex_deck: bool,
    reveal: bool,
) -> None:
    """A warning for each ``$`` with a line break on its inner side (``$`` alone on a line, the math on the
    next lines): Marp and MathJax read it as math, pandoc's Markdown as a dollar sign and its TeX as text.
    In a Marp or reveal.js deck (whose such math :func:`_marp_math` read), a warning for each ``$`` alone
    on its line that still opens no math (:func:`marp.unread_line_broken_math`)."""
    if tex_deck or "$" not in body:
        return
    if reveal or has_reveal_md_keys(raw_meta) or marp.wanted(raw_meta, body):
        for k in marp.unread_line_broken_math(body):
            diags.warning(
                "a '$' alone on its line, and a later one, open no math: Marp's math rule wants no space "
                "before the closing '$', and these lines are indented past their text (a list item's "
                "lines as far as its text, a paragraph's not at all), so the dollars are shown and the TeX "
                "between them is read as text; write the '$' lines as far in as the text above them",
                m.SourcePos(*origins[k]) if origins else m.SourcePos(shown, k + 1),
                "math",
            )
        return
    for k in sorted(set(marp.line_broken_openings(body)) | set(marp.unread_line_broken_math(body))):
        diags.warning(
            "a '$' with a line break right after it (or right before a closing '$') opens no math in "
            "pandoc's Markdown: the dollars are shown and the TeX between them is read as text; write the TeX "
            "right after the opening '$' and the closing '$' right after the TeX ($\\displaystyle …$)",
            m.SourcePos(*origins[k]) if origins else m.SourcePos(shown, k + 1),
            "math",
        )


def _raw_latex(raw_meta: dict, body: str, other_tool: bool) -> tuple[str, bool]:
    """``body`` with its raw LaTeX (`` `\\x`{=latex} ``, ```` ```{=latex} ````) unwrapped where the lecture is
    written for beamer or LaTeX (:func:`podium.rawlatex.latex_target`), which passes it through; not in
    another tool's deck (``other_tool``: remark, Slidev; Marp's and reveal.js's Markdown); and whether any was."""
    if "{=" not in body or other_tool or marp.wanted(raw_meta, body) or is_reveal_markdown(raw_meta, body):
        return body, False
    from .rawlatex import latex_target, unwrap_raw_latex  # noqa: PLC0415 (only lectures with raw content)

    unwrapped = unwrap_raw_latex(body, latex_target(raw_meta, body))
    return (body, False) if unwrapped is None else (unwrapped, True)


def _contents_name(header: list[str]) -> str | None:
    """The name the lecture's header TeX gives its contents (``\\renewcommand{\\contentsname}{目录}``)."""
    if not any("\\contentsname" in h for h in header):
        return None
    return _beamer_module().contents_name("\n".join(header))


def _marked_math(raw_meta: dict, body: str, reveal: bool, other_tool: bool) -> bool:
    """Is the lecture's math read by MathJax or KaTeX after reveal.js's Markdown (marked) has read it: a
    reveal.js deck (``reveal``: its own Markdown or ``<section>`` slides; reveal-md's front matter; without
    front matter, reveal.js's ``--`` or ``<!-- .slide: -->`` marks), not another tool's (``other_tool``)?"""
    return reveal or has_reveal_md_keys(raw_meta) or not other_tool and separators_only(raw_meta, body)


_SINGLE_BACKSLASH = re.compile(r"([+-])tex_math_single_backslash\b")


def _single_backslash_math(raw_meta: dict, shown: str, other_tool: bool) -> bool:
    """Does pandoc read the lecture with ``tex_math_single_backslash`` (``\\( … \\)`` and ``\\[ … \\]`` as
    math): an R Markdown file (rmarkdown turns it on for every output it gives pandoc), unless a format's
    ``md_extensions`` turns it off; any lecture whose ``from:`` (a Quarto format's too) turns it on.  Not
    a deck of another tool (``other_tool``: xaringan's remark, Slidev…), whose Markdown pandoc never reads."""
    if other_tool:
        return False
    said: list[str] = []

    def look(value: Any, depth: int = 0) -> None:
        if isinstance(value, dict) and depth < 3:
            for key, inner in value.items():
                if key in ("md_extensions", "from", "reader") and isinstance(inner, str):
                    said.extend(mt.group(1) for mt in _SINGLE_BACKSLASH.finditer(inner))
                else:
                    look(inner, depth + 1)

    look({k: raw_meta.get(k) for k in ("from", "output", "format")})
    if said:
        return said[-1] == "+"
    return shown.lower().endswith(".rmd")


def _saved_boxes(body: str) -> tuple[str, list[int]] | None:
    """``body`` with LaTeX's saved boxes printed where ``\\usebox`` prints them (rawtex.saved_boxes), and the
    old line index of every new line; None when it saves none."""
    if "box" not in body:
        return None
    lines = body.split("\n")
    boxed = saved_boxes(lines, code_lines(lines))
    return ("\n".join(boxed[0]), boxed[1]) if boxed is not None else None


def _other_markups(
    body: str,
    raw_meta: dict,
    shown: str,
    origins: list[tuple[str, int]] | None,
    latex: bool = False,
    reveal: bool = False,
    sections: bool = False,
    lang: str | None = None,
    reveal_cuts: bool = False,
    marked: bool = False,
    lists_interrupt: bool = False,
    single_backslash: bool = False,
) -> tuple[str, list[tuple[str, int]] | None]:
    """``body`` with what other tools write rewritten as this dialect's Markdown before it is read
    (docs/architecture.md), and the (file, line) each new line came from (None: its own line).
    ``latex``: the lecture is written in LaTeX (a beamer deck), whatever its text shows; ``reveal``: it is
    written in reveal.js's own Markdown (:func:`is_reveal_markdown`); ``sections``: its slides are reveal.js
    ``<section>`` elements (:func:`section_deck`); ``lang``: the lecture's language, which titles its
    theorems and names its cross-references; ``reveal_cuts``: it is surely reveal.js's, cut by ``---``
    wherever it stands (:func:`separator_cuts`), as a GitPitch deck is; ``marked``: reveal.js's Markdown
    (marked) reads it before MathJax or KaTeX does, so ``\\\\( … \\\\)`` is math (:func:`_marked_math`);
    ``lists_interrupt``: its tool begins a list right under a paragraph's line (:func:`_parser_env`);
    ``single_backslash``: pandoc reads it with ``tex_math_single_backslash`` (:func:`_single_backslash_math`),
    so every ``\\( … \\)`` and ``\\[ … \\]`` is math."""

    tex_source = latex  # (a .tex file: none of its text is Markdown's)

    raw_lines: list[bool] | None = None  # a Markdown lecture's raw TeX lines, as they were (tex_text)

    def mapped(rewritten: tuple[str, list[int]] | None) -> None:
        nonlocal body, origins, raw_lines
        if rewritten is not None:
            base = origins or [(shown, k + 1) for k in range(body.count("\n") + 1)]
            body, index = rewritten
            origins = [base[j] for j in index]
            raw_lines = raw_lines and [raw_lines[j] for j in index]

    mapped(_marp_math(body, raw_meta, latex, reveal))  # Marp's, reveal.js's `$` then a line break: math
    mapped(_saved_boxes(body))  # LaTeX's saved boxes (\sbox, lrbox): printed where \usebox prints them
    if "\\note" in body:  # beamer's block-level \note{…}, perhaps paragraphs long: a notes div
        mapped(notes_to_divs(body))
    if re.search(r"\\(?:only|uncover|visible|onslide|invisible)(?![A-Za-z])[*+]?\s*[<{]", body):  # beamer's
        from .overlays import overlays_to_fragments  # noqa: PLC0415 (overlays: clicks; only beamer lectures pay)

        mapped(overlays_to_fragments(body))
    # reveal.js's <section> slides: cut by `---`, their <h2> titles as Markdown headings
    mapped(section_slides(body) if sections else None)
    if reveal:  # reveal.js's own Markdown: `Note:` notes, `--` slides
        mapped(reveal_markdown(body, raw_meta))
    mapped(
        separator_cuts(body, shown, reveal_cuts)
    )  # `---` under a line of text: a cut, as reveal.js reads it
    body = gitpitch_markup(body, shown) or body  # GitPitch's @title[…], @snap[…]: their words, line for line
    # the passes below keep every line where it was
    numbered = number_examples(body) if "(@" in body else None
    if numbered is not None:  # pandoc's example lists, (@) and (@label)
        body = numbered
    columned = None
    if "<div" in body or "<DIV" in body or "<aside" in body or "<center" in body or "<CENTER" in body:
        from .htmldivs import html_divs_to_fenced  # noqa: PLC0415 (only lectures with HTML divs)

        columned = html_divs_to_fenced(body)
    if columned is not None:  # Marp's and reveal.js's <div class="columns">, fragment and notes divs
        body = columned
    # reveal.js's `\\( … \\)` and `\\[ … \\]`: math, as its Markdown leaves it for MathJax
    body = (doubled_math_brackets(body) if marked else None) or body
    guarded = guard_display_math(body) if "$$" in body else None
    if guarded is not None:  # `=` alone on a line of $$ … $$ math: not a heading's underline
        body = guarded
    spaced = spaced_dollar_math(body, every=latex) if "$" in body and ("\\" in body or latex) else None
    if spaced is not None:  # `$ = \frac{a}{b}$`: math as MathJax reads it
        body = spaced
    latex = latex or written_with_latex(body)  # (decided once, before the environments are rewritten)
    if ".element" in body or "fragment" in body:  # reveal.js's <!-- .element: class="fragment" --> and
        # <p class="fragment">: clicks (after the decision: no sign of LaTeX)
        mapped(element_fragments(body, lists_interrupt))
    uncommented = tex_comment_lines(body) if latex and "%" in body else None
    if uncommented is not None:  # a beamer lecture's `% comment` lines: LaTeX never prints them
        body = uncommented
    bracketed = (
        math_brackets(body, every=single_backslash)
        if (latex or single_backslash) and ("\\[" in body or "\\(" in body)
        else None
    )
    if bracketed is not None:  # TeX's \[ … \] and \( … \) math (and R Markdown's: pandoc's extension)
        body = bracketed
    unstarred = unstarred_graphics(body) if "\\includegraphics*" in body else None
    if unstarred is not None:  # graphicx's \includegraphics*: the same picture, clipped to its box
        body = unstarred
    body, raw_lines = _raw_lines(body, latex and not tex_source)  # (before their environments are rewritten)
    if "\\begin{" in body or "\\includegraphics" in body:  # beamer's environments: what they mean
        mapped(environments_to_markdown(body, lang))
    referred = latex_references(body) if latex else None
    if referred is not None:  # LaTeX's \eqref and \cite: Quarto's references, pandoc's citations
        body = referred
    numbered_refs = None
    bookdown = "(\\#" in body or "\\@ref(" in body  # (bookdown's labels and references)
    if "{#" in body or bookdown or ":::" in body and re.search(r"\b(?:proof|remark|solution)\b", body):
        # (a labelled figure or equation is numbered even when nothing refers to it; a proof div titled)
        from .crossrefs import number_crossrefs  # noqa: PLC0415 (only lectures with labels pay for it)

        numbered_refs = number_crossrefs(body, lang)
    if numbered_refs is not None:  # Quarto's @fig-x, @tbl-x, @eq-x: numbered as Quarto numbers them
        body = numbered_refs
    texts = tex_text(body, tex=tex_source, raw_lines=raw_lines, breaks=tex_source) if latex else None
    if texts is not None:  # TeX's accents, spaces, ties, line breaks and ``quotes'' in its text
        body = texts
    return body, origins


def _front_matter_and_body(
    text: str,
    shown: str,
    diags: Diagnostics,
    tex_deck: bool,
    remark_deck: bool,
    base_dir: str,
    policy,
    slidev_deck: bool = False,
) -> tuple[dict[str, Any], str, dict[str, int], list[tuple[str, int]] | None]:
    """The lecture's front matter, its body, the line of each front matter key, and where each body line
    came from (None: its own line): a beamer deck's from its preamble and frames (podium.beamer), with
    the files it ``\\input``s."""
    if tex_deck:
        beamer = _beamer_module()
        text, lines = beamer.expand_inputs(
            text,
            shown,
            _tex_reader(base_dir, policy, diags),
            warn=lambda message, file, line: diags.warning(message, m.SourcePos(file, line), "missing-file"),
            exists=lambda name: _deck_file_exists(base_dir, name),
        )
        converted = beamer.beamer_markdown(text, exists=lambda name: _deck_file_exists(base_dir, name))
        for line, message, code in converted.warnings:
            diags.warning(message, m.SourcePos(*lines[line]), code)
        for line, message, code in converted.notes:
            diags.note(message, m.SourcePos(*lines[line]), code)
        key_lines = {
            k: lines[v - 1][1] if lines[v - 1][0] == shown else 1 for k, v in converted.key_lines.items()
        }
        return converted.meta, converted.text, key_lines, [lines[k] for k in converted.index]
    raw_meta, body, key_lines = split_front_matter(text, shown, diags, first_only=remark_deck or slidev_deck)
    raw_meta = _r_code_meta(raw_meta, shown, diags)
    if slidev_deck:  # (its first slide may give the lecture's title: before the metadata is built)
        raw_meta = _html_attrs(raw_meta, key_lines, text)
        body, origins, raw_meta = _slidev(body, raw_meta, shown, diags, base_dir, policy, key_lines)
        return raw_meta, body, key_lines, origins
    if not raw_meta and body.startswith("%"):
        raw_meta, body, key_lines = title_block(body)
    if not remark_deck and "<!--" in body and marp.wanted(raw_meta, body):  # (its global directives)
        raw_meta, key_lines = _marp_globals(raw_meta, body, key_lines, shown, diags)
    if not remark_deck:  # (a Quarto project's _quarto.yml, _metadata.yml; the metadata-files named)
        raw_meta, key_lines = _with_project(raw_meta, key_lines, shown, diags, base_dir, policy)
    raw_meta = quarto.with_base_formats(raw_meta)
    if not remark_deck:
        raw_meta, key_lines = _format_metadata(raw_meta, key_lines, shown)
    return raw_meta, body, key_lines, None


def _html_attrs(raw_meta: dict, key_lines: dict[str, int], text: str) -> dict:
    """A Slidev deck's front matter with its ``htmlAttrs:`` (the attributes of the page's ``<html>``)
    ``dir`` and ``lang`` as the lecture's ``dir:`` and ``lang:`` where the front matter gives none at its
    top, their lines in ``key_lines``; its other attributes are keys ``htmlAttrs.name`` (for the
    ``unused-key`` note)."""
    attrs = raw_meta.get("htmlAttrs")
    if not isinstance(attrs, dict):
        return raw_meta
    meta = {k: v for k, v in raw_meta.items() if k != "htmlAttrs"}
    at = key_lines.get("htmlAttrs", 1)
    lines = text.split("\n")
    for name, value in attrs.items():
        line = at  # (written in braces: its line; else the indented line under htmlAttrs: that names it)
        for k in range(at, len(lines)):
            if lines[k].strip() and not lines[k][:1].isspace():
                break
            if re.match(rf"\s+['\"]?{re.escape(str(name))}['\"]?\s*:", lines[k]):
                line = k + 1
                break
        if name in ("dir", "lang"):
            if name not in meta:  # (the top's own dir: or lang: wins)
                meta[name] = value
                key_lines[name] = line
        else:
            meta[f"htmlAttrs.{name}"] = value
            key_lines[f"htmlAttrs.{name}"] = line
    return meta


FORMAT_LIFTED = "(format keys)"  # (the format and the keys its options gave the front matter)
# a format's options that mean something else at the top of the front matter: pandoc's template file
# (``format: revealjs: template: mytemplate.html``) is no Podium template's name
_FORMAT_NOT_LIFTED = frozenset({"template"})


def _format_metadata(raw_meta: dict, key_lines: dict[str, int], shown: str) -> tuple[dict, dict[str, int]]:
    """The front matter with the options of its slide format (Quarto's ``format: revealjs:``, else
    ``pptx:`` or ``beamer:``, as :func:`_format_option` chooses) as settings of the lecture, as Quarto
    merges a format's options into the document's metadata when it renders it: ``subtitle``, ``author``,
    ``institute``, ``lang`` there are the title slide's and the lecture's language.  A format's option
    wins over the same key at the top of the same file or of a file outside it (``_quarto.yml`` under a
    ``_metadata.yml``, a project file under the front matter), not over one written further in.  The
    keys given so are kept under :data:`FORMAT_LIFTED`, for the ``unused-key`` note."""
    fmt = raw_meta.get("format")
    formats = fmt if isinstance(fmt, dict) else {}
    name = next((n for n in ("revealjs", "pptx", "beamer") if isinstance(formats.get(n), dict)), None)
    if name is None or not formats[name]:
        return raw_meta, key_lines
    out = dict(raw_meta)
    lines = key_lines if isinstance(key_lines, KeyLines) else KeyLines(key_lines)
    lines = KeyLines(dict(lines), lines.elsewhere)
    lifted: list[str] = []
    for key, value in formats[name].items():
        key = str(key)
        if key in quartoproject.METADATA_KEYS or key in _FORMAT_NOT_LIFTED or value is None:
            continue
        dotted = f"format.{name}.{key}"
        if key in out and _layer_rank(shown, lines, key) > _layer_rank(shown, lines, dotted):
            continue  # (the top-level key is written further in: it wins, as in Quarto)
        out[key] = quartoproject.merged(out[key], value) if key in out else value
        lifted.append(key)
        if lines.get(dotted):
            lines[key] = lines[dotted]
            lines.elsewhere.pop(key, None)
        elif dotted in lines.elsewhere:
            lines.pop(key, None)
            lines.elsewhere[key] = lines.elsewhere[dotted]
    out[FORMAT_LIFTED] = (name, lifted)
    return out, lines


def _layer_rank(shown: str, lines: KeyLines, key: str) -> tuple[int, int, int]:
    """How far in the setting ``key`` is written: the front matter first, then a deeper folder's file, then
    a folder's ``_metadata.yml`` before its ``_quarto.yml``; a key written nowhere known is outermost."""
    if lines.get(key):
        return (1, 0, 0)
    pos = lines.elsewhere.get(key)
    if pos is None:
        return (0, 0, 0)
    path = Path(pos.path)
    return (0, len(path.parts), 1 if path.name.startswith("_metadata") else 0)


def _with_project(
    raw_meta: dict, key_lines: dict[str, int], shown: str, diags: Diagnostics, base_dir: str, policy
) -> tuple[dict, KeyLines]:
    """The front matter over the metadata files it names and the settings of the Quarto project the
    lecture is in (podium.quartoproject), and where each setting is written."""
    project = quartoproject.project_meta(Path(base_dir), policy, m.SourcePos(shown, 1), diags)
    for path in (*project.files, *project.looked_for):  # (one created later is a change: a rebuild)
        if policy.allows(path):
            policy.record(path)
    if project.files:  # (a path written "/assets/x.png" is from the project's root, as Quarto reads it)
        policy.project_root = project.files[0].parent.resolve()
    own, where = quartoproject.with_metadata_files(
        raw_meta,
        {k: m.SourcePos(shown, v) for k, v in key_lines.items()},
        Path(base_dir),
        policy,
        m.SourcePos(shown, 1),
        diags,
    )
    meta = quartoproject.with_project(own, project.meta) if project.files else own
    elsewhere = {k: pos for k, pos in {**project.where, **where}.items() if k not in key_lines}
    return meta, KeyLines(key_lines, elsewhere)


def _picture_folders(policy, raw_meta: dict, base_dir: str, tex_deck: bool, slidev_deck: bool) -> None:
    """Where the deck's tool looks for pictures besides the lecture's folder: a beamer deck's
    ``\\graphicspath``; a Slidev deck's ``public/`` folder, which Slidev serves at "/"
    (``/images/x.png`` is ``public/images/x.png``)."""
    if slidev_deck and policy.project_root is None:
        policy.project_root = Path(base_dir, "public").resolve()
    if tex_deck and raw_meta.get("graphicspath"):  # (its pictures are looked for there too)
        policy.graphics_dirs = tuple(raw_meta.pop("graphicspath"))


def _markdown_sections(
    raw_meta: dict,
    body: str,
    shown: str,
    origins: list[tuple[str, int]] | None,
    diags: Diagnostics,
    other_deck: bool,
) -> tuple[dict, str]:
    """The front matter and body of a lecture whose Markdown is written inside reveal.js's ``<section
    data-markdown><textarea data-template>`` (:func:`podium.revealmd.markdown_sections`: a Jekyll page's, whose
    front matter only picks its layout): the wrapper's tags taken out and its separators as reveal-md's keys,
    so that it is read as reveal-md's Markdown, said in a ``dialect`` note; else (or in a beamer, remark or
    Slidev deck: ``other_deck``) both as they were."""
    found = None if other_deck else markdown_sections(body)
    if found is None:
        return raw_meta, body
    text, first, options = found
    diags.note(
        "read as reveal.js Markdown (a <section data-markdown> holding it in a <textarea data-template> or a "
        '<script type="text/template">): its separators cut slides, a list may begin right under a line of '
        "text, and a first slide of a title and a few short lines is the title slide (the front matter's "
        "title: names only the browser's tab)",
        m.SourcePos(*origins[first]) if origins else m.SourcePos(shown, first + 1),
        "dialect",
    )
    return {**raw_meta, **options}, text


def _reveal_said(
    raw_meta: dict, body: str, shown: str, origins: list[tuple[str, int]] | None, diags: Diagnostics
) -> None:
    """A ``dialect`` note for a lecture with front matter (none of reveal-md's keys) read as reveal.js's
    Markdown because of reveal.js's or reveal-md's own marks (:func:`podium.revealmd.marks_told`), at the
    first of them (``raw_meta`` empty: a lecture not read so, which gets none)."""
    told = marks_told(raw_meta, body)
    if told is None:
        return
    line, marks = told
    how = (
        "only its separators cut slides, never headings"
        if separators_only(raw_meta, body)
        else "'--' starts a vertical slide"
    )
    diags.note(
        f"read as {'a reveal-md deck' if 'reveal-md' in marks else 'reveal.js Markdown'} (its front matter "
        f"has none of reveal-md's options, but {marks}): {how}, and a line beginning 'Note:' starts the "
        "slide's speaker notes",
        m.SourcePos(*origins[line]) if origins else m.SourcePos(shown, line + 1),
        "dialect",
    )


def _section_deck(
    body: str, shown: str, origins: list[tuple[str, int]] | None, diags: Diagnostics
) -> int | None:
    """The line of ``body``'s first ``<section>`` where its slides are reveal.js ``<section>`` elements
    (:func:`podium.revealmd.section_deck`), said in a ``dialect`` note; else None."""
    first = section_deck(body)
    if first is not None:
        diags.note(
            "read as a reveal.js deck whose slides are <section> elements: each <section> (a nested one "
            "too) is a slide, titled by its first heading",
            m.SourcePos(*origins[first]) if origins else m.SourcePos(shown, first + 1),
            "dialect",
        )
    return first


def _parser_env(
    raw_meta: dict, body: str, tex_deck: bool, other_tool: bool, slidev_deck: bool
) -> dict[str, Any]:
    """The parser's ``env`` for the lecture: Marp, reveal.js, reveal-md, Slidev and remark (``other_tool``:
    one of the last four, as the reader told them) read Markdown with markdown-it or marked, where ``\\ `` is a
    backslash and a space (pandoc's no-break space only in pandoc's lectures), where a list may begin right
    under a paragraph's line, and a pipe table too (in pandoc's, a blank line comes first), where a pipe
    table's header has as many cells as its delimiter row (pandoc counts the delimiter row's alone), and
    where only Slidev turns markdown-it's typographer on, which makes a run of dots one "…".  A beamer
    deck's tabulars, written as pipe tables, are tables wherever they stand, as LaTeX sets them."""
    if tex_deck:  # (and every `$` is TeX's math, `2$\times$` too)
        return {TABLE_INTERRUPTS: True, TEX_DOLLARS: True}
    if not (other_tool or has_reveal_md_keys(raw_meta) or marp.wanted(raw_meta, body)):
        return {}
    return {
        COMMONMARK_ESCAPES: True,
        GFM_TABLES: True,
        LIST_INTERRUPTS: True,
        TABLE_INTERRUPTS: True,
        ELLIPSIS: "markdown-it" if slidev_deck else "none",
    }


def _lazy_quote_items(
    body: str,
    env: dict[str, Any],
    tex_deck: bool,
    origins: list[tuple[str, int]] | None,
    shown: str,
    diags: Diagnostics,
) -> str:
    """``body`` of a lecture in pandoc's Markdown (not a beamer deck's, nor one for a CommonMark tool:
    ``env``) with the list items written under a quote's line without ``>`` put in the quote, as pandoc
    reads them (:func:`podium.markdown.lazy_quote_items`); a note at the first such line that an indented
    one is an item of the quote's list, not a sub-item."""
    if tex_deck or env.get(LIST_INTERRUPTS) or ">" not in body:
        return body
    lines, changed = lazy_quote_items(body.split("\n"))
    if not changed:
        return body
    first = changed[0]
    diags.note(
        "a list item under a quote's line without '>' is an item of the quote's list, as pandoc reads it (an "
        "indented one is not a sub-item); begin the line with '>' and indent after it ('>     - item') to make "
        "a sub-item",
        m.SourcePos(*origins[first]) if origins and first < len(origins) else m.SourcePos(shown, first + 1),
        "lazy-quote",
    )
    return "\n".join(lines)


def _grid_table_problems(
    env: dict[str, Any], origins: list[tuple[str, int]] | None, shown: str, diags: Diagnostics
) -> None:
    """One warning (or note) a grid table whose lines are not drawn as pandoc's rules want, at its first
    line that is out of line (:data:`podium.gridtables.PROBLEMS`), naming the others."""

    def pos(line: int) -> m.SourcePos:
        return (
            m.SourcePos(*origins[line]) if origins and line < len(origins) else m.SourcePos(shown, line + 1)
        )

    for _, (line, severity, message, others) in sorted(env.get(gridtables.PROBLEMS, {}).items()):
        if others:
            lines = [str(pos(k).line) for k in others]
            message += f" (also out of line: line{'s' if len(lines) > 1 else ''} {', '.join(lines)})"
        (diags.note if severity == "note" else diags.warning)(message, pos(line), "grid-table")


def _lists_as_text(
    env: dict[str, Any], origins: list[tuple[str, int]] | None, shown: str, diags: Diagnostics
) -> None:
    """A note at each line the parser read as a paragraph's text where a CommonMark tool starts a list or
    a pipe table (:data:`podium.markdown.LISTS_AS_TEXT`, :data:`podium.markdown.TABLES_AS_TEXT`)."""
    for key, what, code in (
        (LISTS_AS_TEXT, "list", "list-in-paragraph"),
        (TABLES_AS_TEXT, "table", "table-in-paragraph"),
    ):
        for line in sorted(env.get(key, ())):
            diags.note(
                f"a {what} does not begin right under a paragraph's line in pandoc's Markdown (Quarto, R Markdown, "
                f"pandoc): its lines are the paragraph's text, as pandoc shows them; leave a blank line before "
                f"it to make a {what}",
                m.SourcePos(*origins[line])
                if origins and line < len(origins)
                else m.SourcePos(shown, line + 1),
                code,
            )


def _lang_of(raw: dict[str, Any], course: dict[str, Any]) -> str:
    """The lecture's ``lang:`` (its front matter's, or course.yaml's), "en" where neither names one."""
    return bcp47(_text(raw.get("lang", course.get("lang", "en")))) or "en"


def _lang_given(raw_meta: dict, options: ReadOptions) -> bool:
    """Whether the lecture names its language (``lang:`` in its front matter or course.yaml; a beamer
    preamble's babel, polyglossia or ctex puts it in the front matter)."""
    return bool(raw_meta.get("lang") or options.course.get("lang"))


def _prose(body: str, raw_meta: dict) -> str:
    """The words of ``body``'s prose and the front matter's title, as :func:`_script_lang` counts them after
    parsing: without code (blocks and spans), math, HTML, link addresses and attributes, so that the
    language told from the script before reading (which names cross-references) is the one told after."""
    lines = body.split("\n")
    code = code_lines(lines)
    text = "\n".join(line for k, line in enumerate(lines) if not code[k])
    text = _NOT_PROSE.sub(" ", text)
    return "\n".join((_text(raw_meta.get("title")), _text(raw_meta.get("subtitle")), text))


# what is not a lecture's prose: code spans, math, HTML tags and comments, link and picture addresses,
# attribute blocks, bare addresses
_NOT_PROSE = re.compile(
    r"`[^`\n]*`|\$\$.*?\$\$|\$[^$\n]*\$|<!--.*?-->|<[^<>\n]*>|\]\([^()\n]*\)|\{[^{}\n]*\}|https?://\S+",
    re.S,
)


def _script_lang(
    meta: m.Meta, tokens: list[Token], shown: str, diags: Diagnostics, given: bool, dir_given: bool
) -> m.Meta:
    """``meta`` in the language its lecture is written in, where it names none (not ``given``: no ``lang:``
    in its front matter, course.yaml, or a beamer preamble's babel, polyglossia or ctex) and its words are
    mostly Chinese, Japanese, Korean, Hebrew or Arabic (:func:`labels.script_language`), said in a note;
    the words of its prose and titles count, not its code or math.  A language written right to left is
    laid out so, where no ``dir:`` is given (``dir_given``)."""
    if given:
        return meta
    words = [meta.title, meta.subtitle] + [
        kid.content
        for tok in tokens
        if tok.type == "inline"
        for kid in tok.children or ()
        if kid.type == "text"
    ]
    lang = script_language("\n".join(words))
    hint = script_hint("\n".join(words)) if lang is None else None
    if hint is not None:  # (Russian, Ukrainian, Bulgarian…: the script does not tell which)
        diags.note(
            f"no lang: given, and the text is in {hint} script, whose language Podium does not guess: "
            "Podium's own words, such as (cont.) and Figure, stay English; write lang: (ru, uk, bg, sr…) to "
            "have them in the lecture's language",
            m.SourcePos(shown, 1),
            "lang",
        )
    if lang is None:
        return meta
    name = {
        "ja": "Japanese",
        "zh": "Chinese",
        "zh-Hant": "Chinese in Traditional characters",
        "ko": "Korean",
        "he": "Hebrew",
        "yi": "Yiddish",
        "ar": "Arabic",
        "fa": "Persian",
        "ur": "Urdu",
        "uk": "Ukrainian",
    }[lang]
    rtl = lang in RTL_LANGUAGES and not dir_given
    diags.note(
        f"no lang: given; the text is {name}, so lang: {lang} is used (Podium's own words, such as (cont.), "
        + (
            "and the glyphs' forms): write lang: to choose"
            if not rtl
            else "and the letters' forms) and the slides and handout run right to left: write lang: and "
            "dir: to choose"
        ),
        m.SourcePos(shown, 1),
        "lang",
    )
    return replace(meta, lang=lang, direction=m.Direction.RTL if rtl else meta.direction)


def _lecture_meta(
    raw_meta: dict,
    options: ReadOptions,
    shown: str,
    diags: Diagnostics,
    key_lines: dict[str, int],
    env: dict,
    base_dir: str,
    policy,
    layouts: tuple[Any, list[tuple[str, int]]],
) -> m.Meta:
    """The lecture's metadata from its front matter (its text typeset as the body's: pandoc's smart,
    Slidev's typographer, or none), with its logo: the front matter's, else a xaringan layout's picture
    (``layouts``: the remark reading and its lines)."""
    meta = build_meta(raw_meta, options.course, shown, diags, key_lines, env.get(ELLIPSIS, "pandoc"))
    if raw_meta.get("logo") or _format_option(raw_meta, "logo"):
        return replace(meta, logo=_logo(raw_meta, shown, diags, key_lines, base_dir, policy))
    remarked, lines = layouts
    return replace(meta, logo=_layout_logo(remarked, lines, base_dir, policy, diags))


def parse_lecture(
    text: str,
    shown: str,
    diags: Diagnostics,
    options: ReadOptions | None = None,
    base_dir: str = ".",
    remark: bool = False,
    reveal_options: tuple[dict[str, str], m.SourcePos] | None = None,
) -> m.Lecture:
    """Return the Lecture for Markdown ``text`` (named ``shown`` in messages); ``remark``: a remark.js
    deck, whatever its marks (a remark.js page's Markdown); ``reveal_options``: reveal.js Markdown a page
    loads, with the separators its ``<section data-markdown>`` gives (as reveal-md's keys) and where."""
    options = options or ReadOptions()
    if not text.strip():
        raise BuildError(
            diags,
            "the file is empty: write a title in front matter and some slides",
            m.SourcePos(shown, 1),
            "empty",
        )
    page = remark_page(text, shown)
    if page is not None:  # (the Markdown in its <textarea id="source">: a remark deck)
        text, remark = _page_markdown(page, shown, diags), True
    # (a reveal.js page with its Markdown inside: that Markdown, line for line)
    text = (
        text if page is not None or reveal_options is not None else _reveal_page_markdown(text, shown, diags)
    )
    # decided before the front matter is read, whose later `---` blocks are then slides' (remark, Slidev)
    tex_deck, slidev_deck, remark_deck = (False, False, True) if remark else _deck_kind(text, shown)
    policy = options.policy or PathPolicy([base_dir])
    raw_meta, body, key_lines, origins = _front_matter_and_body(
        text, shown, diags, tex_deck, remark_deck, base_dir, policy, slidev_deck
    )
    # (a xaringan deck's slides in the file its `nature: sourceUrl:` names, which knitr never knits)
    loaded = _xaringan_source(raw_meta, text, body, shown, diags, base_dir, policy) if remark_deck else None
    body, origins = loaded or (body, origins)
    format_name, format_keys = raw_meta.pop(FORMAT_LIFTED, (None, []))
    _picture_folders(policy, raw_meta, base_dir, tex_deck, slidev_deck)
    if any("{{<" in str(raw_meta.get(k, "")) for k in (*META_WORDS, "footer", "format")):
        raw_meta = _meta_shortcodes(raw_meta, shown, diags, key_lines, base_dir, policy)
    if shown.lower().endswith((".rmd", ".qmd")) and _INLINE_R.search(text):
        raw_meta = _inline_r_meta(raw_meta, shown, diags, key_lines)
    if ("{{<" in body or "child" in body and quarto.CHILD_CHUNK.search(body)) and not tex_deck and not loaded:
        expanded = quarto.expand_includes(body, shown, base_dir, diags, policy, remark=remark_deck)
        origins = expanded.origins
        body = quarto.replace_shortcodes(
            expanded.text,
            lambda i: m.SourcePos(*origins[i]),
            diags,
            raw_meta if isinstance(raw_meta, dict) else None,
            *_variables_files(expanded.text, base_dir, policy),
        )
    knitr = shown.lower().endswith((".rmd", ".qmd"))
    body = quarto.empty_inline_r(body) if knitr else body  # (`r ''`: knitr's value is known, nothing)
    remarked = None
    remark_lines = origins or [(shown, k + 1) for k in range(body.count("\n") + 1)]
    if remark_deck:
        body, origins, remarked = _remark(body, raw_meta, shown, origins, diags, base_dir, policy)
        raw_meta = _remark_meta(raw_meta)
    # (reveal.js's Markdown in a <section data-markdown><textarea data-template>: its separators as reveal-md's)
    raw_meta, body = _markdown_sections(
        raw_meta, body, shown, origins, diags, tex_deck or remark_deck or slidev_deck
    )
    raw_meta, key_lines = _page_options(raw_meta, key_lines, reveal_options)  # (a page's separators)
    # (`{=latex}` in a lecture for beamer: its TeX, read as the lecture's other TeX)
    body, raw_latex = _raw_latex(raw_meta, body, tex_deck or remark_deck or slidev_deck)
    header = [] if tex_deck else _header_tex(raw_meta, key_lines, shown, diags, base_dir, policy)
    raw_meta, key_lines = _header_logo(raw_meta, key_lines, shown, diags, tex_deck)
    body, text_macros = _with_text_macros(body, header, raw_meta.get("header-includes") if tex_deck else None)
    # (a remark deck's rewrite is this dialect's Markdown: its `----` rules and `Note:` lines are not reveal.js's)
    reveal = not (tex_deck or remark_deck) and is_reveal_markdown(raw_meta, body)
    _reveal_said(raw_meta if reveal else {}, body, shown, origins, diags)
    _check_notes_separator(raw_meta, reveal, _key_pos(shown, key_lines, "notesSeparator"), diags)
    first_section = (
        None if tex_deck or remark_deck or slidev_deck else _section_deck(body, shown, origins, diags)
    )
    other_tool = remark_deck or slidev_deck or reveal or first_section is not None
    marked = _marked_math(
        raw_meta, body, reveal or first_section is not None, tex_deck or remark_deck or slidev_deck
    )
    body, origins = _other_markups(
        body,
        raw_meta,
        shown,
        origins,
        latex=tex_deck or raw_latex,
        reveal=reveal,
        sections=first_section is not None,
        reveal_cuts=not (tex_deck or remark_deck or slidev_deck)
        and separators_only(raw_meta, body)
        and not separators_of(raw_meta, body),
        # (the language told from the script where none is given, as _script_lang tells it after parsing)
        lang=(_lang_of(raw_meta, options.course) if _lang_given(raw_meta, options) else None)
        or script_language(_prose(body, raw_meta))
        or _lang_of(raw_meta, options.course),
        marked=marked,
        single_backslash=_single_backslash_math(raw_meta, shown, tex_deck or other_tool),
        # (its tool's rule for a list right under a paragraph's line: .element comments never change it)
        lists_interrupt=bool(
            _parser_env(raw_meta, body, tex_deck, other_tool, slidev_deck).get(LIST_INTERRUPTS)
        ),
    )
    _line_broken_dollars(body, raw_meta, origins, shown, diags, tex_deck, reveal)
    env = _parser_env(raw_meta, body, tex_deck, other_tool, slidev_deck)
    env[KNITR_INLINE] = (
        knitr  # (knitr's inline code, read before the Markdown: a span of its own, `$` in it no math's)
    )
    # (the front matter's text typeset as the body's: pandoc's smart, Slidev's typographer, or none)
    meta = _lecture_meta(
        raw_meta, options, shown, diags, key_lines, env, base_dir, policy, (remarked, remark_lines)
    )
    _title_slide_background(raw_meta, shown, diags, key_lines, base_dir, policy)
    body = _lazy_quote_items(body, env, tex_deck, origins, shown, diags)
    tokens = markdown_parser().parse(body, env)
    root = SyntaxTreeNode(tokens)
    meta = _script_lang(
        meta,
        tokens,
        shown,
        diags,
        _lang_given(raw_meta, options),
        raw_meta.get("dir") is not None or options.course.get("dir") is not None,
    )
    if not tex_deck and "\\today" in str(raw_meta.get("date", "")):  # (in the language told from the text)
        meta = replace(meta, date=_meta_date(raw_meta, meta.lang, shown, env.get(ELLIPSIS, "pandoc")))
    conv = _Converter(shown, diags, env, base_dir, policy, body.split("\n"))
    conv.origins = origins
    conv.lang = meta.lang
    if raw_meta.get("bibliography"):
        conv.bib = load_bibliography(
            raw_meta,
            base_dir,
            policy,
            _key_pos(shown, key_lines, "bibliography"),
            diags,
            _key_pos(shown, key_lines, "csl" if _written(key_lines, "csl") else "bibliography"),
            # (the lecture's own language, or course.yaml's: else the style's default locale)
            meta.lang if raw_meta.get("lang") or options.course.get("lang") else None,
            _key_pos(shown, key_lines, "lang"),
        )
        if conv.bib is not None:  # (2018a, 2018b: which works read alike is known from all that is cited)
            conv.bib.disambiguate(body, raw_meta.get("nocite"))
    conv.cell_defaults = quarto.cell_defaults(raw_meta)
    conv.marp = _marp_deck(raw_meta, body, shown, diags)
    conv.tex_deck = tex_deck
    conv.key_lines = key_lines
    conv.marp_header = (
        _front_header(raw_meta, m.SourcePos(shown, key_lines.get("header", 1)), diags) if conv.marp else None
    )
    # (Marp, reveal.js, remark and Slidev show a picture's alt text nowhere)
    conv.alt_only = conv.marp or reveal or remark_deck or slidev_deck
    # (their tools give a pipe table no column widths: the browser sizes the columns to their content)
    conv.content_widths = conv.alt_only
    conv.reveal = first_section is not None or (
        reveal and not (remark_deck or slidev_deck) and separators_only(raw_meta, text)
    )
    conv.cites = not (remark_deck or slidev_deck or reveal or conv.marp or is_gitpitch(shown, body))
    conv.marked_math = marked
    conv.katex_macros = conv.alt_only or _katex_math(raw_meta)
    conv.remark_math = remark_deck
    conv.css_divs = remark_deck
    # (a Slidev `layout: section` slide with a line under its title is one slide, as Slidev shows it)
    conv.html_show = slidev_deck
    conv.slidev = slidev_deck
    conv.title_slide = not raw_meta.pop(OWN_COVER, False)
    conv.cover_notes = raw_meta.pop(COVER_NOTES, False)
    conv.cover_needs_title = not (tex_deck or remark_deck or slidev_deck or conv.marp) and _titled_cover(
        raw_meta
    )
    if remarked is not None:
        conv.title_slide = remarked.title_slide
        # (seal: false, or no title in the front matter and a centred first slide: it may be the title slide)
        conv.own_title = not remarked.title_slide or (remarked.cover and not raw_meta.get("title"))
        conv.centred_cover = remarked.cover
        conv.marp_footer = remarked.footer and footer_words(remarked.footer, m.SourcePos(shown, 1), diags)
    conv.emoji = emojis.wanted(raw_meta) or conv.marp  # Marp turns :name: shortcodes into emoji
    conv.raw_meta = raw_meta
    conv.header_macros(raw_meta.get("header-includes") if tex_deck else header)
    conv.text_macros = text_macros
    conv.contents_name = _contents_name(header)  # (a beamer deck's is its toc-title)
    if remark_deck and _format_option(raw_meta, "incremental") is True:
        conv.format_incremental = False
        diags.note(
            "xaringan has no 'incremental' option (only a line of '--' makes a click): it is ignored, and "
            "lists are shown whole",
            m.SourcePos(shown, key_lines.get("output", 1)),
            "unused-key",
        )
    _output_note(raw_meta, shown, key_lines, diags)
    unused = _unused_keys(raw_meta, text, conv.marp, slidev_deck)
    if [k for k in unused if k not in format_keys]:
        own_unused = [k for k in unused if k not in format_keys]
        diags.note(
            "front matter keys Podium does not use: " + ", ".join(str(k) for k in own_unused),
            m.SourcePos(shown, min(key_lines.get(str(k), 1) for k in own_unused)),
            "unused-key",
        )
    _unused_format_options(
        [k for k in unused if k in format_keys and k not in _FORMAT_USED],
        format_name,
        shown,
        key_lines,
        diags,
    )
    conv.collect_footnotes(root)
    _grid_table_problems(env, origins, shown, diags)
    _lists_as_text(env, origins, shown, diags)
    for line in env.get("unclosed_divs", []):
        diags.warning(
            # (in a .tex deck the div is Podium's own rewriting of an environment or an overlay)
            "this environment or overlay is not closed where Podium reads it; its content runs to the end "
            "of its block"
            if tex_deck
            else "fenced div ':::' opened here is never closed; it runs to the end of its block",
            m.SourcePos(*origins[line]) if origins and line < len(origins) else m.SourcePos(shown, line + 1),
            "unclosed-div",
        )
    limit = markdown_parser().options["maxNesting"]
    deep = next((k for k, t in enumerate(tokens) if t.level >= limit - 1), None)
    if deep is not None:
        line = next((t.map[0] + 1 for t in reversed(tokens[: deep + 1]) if t.map), 1)
        diags.error(
            f"lists or quotes are nested too deeply here (the parser reads {limit} levels of blocks, "
            "about 18 list or 38 quote levels); it would stop reading and lose the rest of the file",
            m.SourcePos(*origins[line - 1]) if origins and line <= len(origins) else m.SourcePos(shown, line),
            "too-deep",
        )
    top = [n for n in root.children if n.type != "footnote_block"]
    level = _asked_level(options, meta, raw_meta)
    if remark_deck or tex_deck or slidev_deck:  # (rewritten with every slide's title at level 2)
        level = 2
    inferred = level is None
    if level is None:
        # Quarto decks use slide level 2 unless told otherwise; pandoc infers it
        level = 2 if shown.lower().endswith(".qmd") else _inferred_level(conv, top)
    conv.toc_depth = _toc_depth(raw_meta, key_lines, shown, diags)
    conv.section_titles = _section_titles(raw_meta, key_lines, shown, diags)
    lecture = conv.slides(top, meta, level, raw_meta, inferred)
    lecture = _completed_meta(lecture, conv.marp_footer, conv.marp_header or "", headed=not tex_deck)
    _say_not_shown(tokens, lecture, conv, diags)
    if conv.cells:
        # (at the first cell whose output is missing: where the slide lacks what the lecture shows)
        at = conv.output_lost[0] if conv.output_lost else m.SourcePos(shown, conv.first_cell_line)
        diags.note(_cells_said(conv), at, "code-cell")
    if conv.inline_cells:
        code, where = conv.inline_cells[0]
        more = len(conv.inline_cells) - 1
        in_math = conv.inline_cells_shown  # (inside math: shown as its code, as the rest is left out)
        fate = "inside math is shown as its code" if in_math == more + 1 else "is left out"
        diags.warning(
            f"inline code `{_short(code)}` {fate}: Podium runs no code, so its value is unknown"
            + (f" (and {more} more inline code expression{'s' if more > 1 else ''})" if more else "")
            + (f"; the {in_math} inside math are shown as their code" if 0 < in_math <= more else "")
            + "; write the value itself",
            where,
            "inline-code",
        )
    for kind, (said, where) in conv.unresolved.items():
        diags.warning(
            f"{kind} '{said}' (and any like it) is left as written: "
            + (
                (
                    "its bibliography was not found"
                    if raw_meta.get("bibliography")
                    else "the front matter names no bibliography (bibliography: refs.bib)"
                )
                if kind == "citation"
                else "the lecture has no such label ({#fig-…} on a picture, {#tbl-…} on a table's caption, "
                "{#eq-…} after an equation, {#sec-…} on a heading"
                + (
                    "; bookdown's: (\\#fig:…) or (\\#tab:…) opening a caption, (\\#eq:…) in an equation, "
                    "a chunk's name with its fig.cap, {#x} on a heading)"
                    if said.startswith("\\@ref(")
                    else ")"
                )
            ),
            where,
            kind,
        )
    diags.raise_if_errors()
    return lecture


def _say_not_shown(tokens, lecture: m.Lecture, conv: _Converter, diags: Diagnostics) -> None:
    """One warning per source line whose words reached the lecture nowhere (podium.coverage)."""
    at = conv.mapped
    for pos, missing in coverage.not_shown(tokens, lecture, lambda i: at(i + 1), diags, conv.left_out):
        shown = ", ".join(f"'{w}'" for w in missing[: coverage.SHOWN])
        more = f" and {len(missing) - coverage.SHOWN} more" if len(missing) > coverage.SHOWN else ""
        diags.warning(
            f"the words {shown}{more} written here are in neither the deck nor the handout: "
            "Podium did not read this as content (see README, 'Decks written for …')",
            pos,
            "not-shown",
        )


# front matter keys something in Podium reads (others get one `unused-key` note)
USED_KEYS = frozenset(
    {
        "title",
        "subtitle",
        "author",
        "authors",
        "affiliations",
        "institute",
        "date",
        "lang",
        "dir",
        "course",
        "term",
        "template",
        "slide-level",
        "slide_level",
        "incremental",
        "toc",
        "table-of-contents",
        "toc-title",
        "toc-depth",
        "section-titles",  # (pandoc's beamer: no section slides when false)
        "bibliography",
        "csl",
        "nocite",  # (pandoc's: references listed though not cited)
        "handout",
        "lecturer",
        "institution",
        "variants",
        "labels",
        "from",  # (pandoc's reader: its emoji extension)
        "marp",  # (a Marp deck: podium.marp's rules)
        "output",  # (R Markdown's output format: podium.remark's rules for xaringan)
        "header-includes",  # (its \\newcommand macros)
        "include-in-header",  # (Quarto's files with macros: _header_tex)
        "include-before-body",
        "include-after-body",
        "footer",
        "logo",
        "revealOptions",  # (reveal-md's: its front matter marks a reveal.js deck)
        "headingDivider",
        "layout",  # (a Slidev deck's first slide's: podium.slidev reads it)
        "format",  # (Quarto's formats: their slide-level and from)
        "knitr",  # (knitr's opts_chunk: fig.path, echo)
        "execute",  # (Quarto's options of every code cell: echo)
        "echo",  # (the same written at the top: quarto.top_level_execute)
        "eval",
        "include",
        "code-fold",
        "separator",  # (reveal-md's slide separators: podium.revealmd)
        "verticalSeparator",
        "notesSeparator",
        "metadata-files",  # (Quarto's other files of settings: podium.quartoproject)
        "metadata-file",
        "title-slide-attributes",  # (the title slide's background: spoken of, _title_slide_background)
    }
)


# the options of a slide format Podium reads besides the front matter's keys (:func:`_format_option`)
# Quarto's options naming files put in the page, whose macros the lecture's math uses (:func:`_header_tex`)
_QUARTO_INCLUDES = ("include-in-header", "include-before-body", "include-after-body")
_FORMAT_USED = frozenset(
    {"width", "height", "includes", "code-line-numbers", "section-titles", *_QUARTO_INCLUDES}
)

# the options of an R Markdown or Quarto slide format Podium reads (:func:`_format_option`); an ``!expr``
# value elsewhere in ``output:`` (``pandoc_args``, ``css``, ``lib_dir``…) is for R's tools alone
_FORMAT_OPTIONS_READ = frozenset(
    {
        "logo",
        "footer",
        "incremental",
        "includes",
        "include-in-header",
        "toc",
        "toc-depth",
        "toc_depth",
        "toc-title",
        "slide-level",
        "slide_level",
        "title-slide-attributes",
        "base_format",
        *_FORMAT_USED,
    }
)


def _check_notes_separator(raw_meta: dict, reveal: bool, pos: m.SourcePos, diags: Diagnostics) -> None:
    """Warn at ``pos`` where a reveal.js deck's (``reveal``) ``notesSeparator:`` cannot be read as a pattern."""
    unusable = notes_separator(raw_meta) if reveal else None
    if isinstance(unusable, str):
        diags.warning(
            f"notesSeparator {raw_meta.get('notesSeparator')!r} cannot be used: {unusable}; speaker notes "
            "start at a 'Note:' line instead",
            pos,
            "front-matter",
        )


def _katex_math(raw_meta: dict) -> bool:
    """Whether a Quarto or pandoc deck's math is KaTeX's (``html-math-method: katex``, or a format's)."""
    formats = raw_meta.get("format")
    said = [raw_meta.get("html-math-method")] + [
        f.get("html-math-method")
        for f in (formats.values() if isinstance(formats, dict) else ())
        if isinstance(f, dict)
    ]
    return any("katex" in str(s).lower() for s in said if s)


def _unused_keys(raw_meta: dict, text: str, marp_deck: bool, slidev_deck: bool = False) -> list:
    """The front matter's keys Podium does not use: not its own, not one a ``{{< meta key >}}`` shows, not
    a Marp directive in a Marp deck (``paginate``, ``math``: Marp's, with nothing to draw in a deck), nor
    Slidev's headmatter in a Slidev deck (``highlighter``, ``theme``)."""
    named = set(re.findall(r"\{\{<\s*meta\s+[\"']?([\w-]+)", text))  # keys {{< meta key >}} shows
    date = _special_date(str(raw_meta.get("date", "")), "")
    if _date_format_used(date, raw_meta.get("date-format"), str(raw_meta.get("lang") or "en")):
        named.add("date-format")  # (the title slide's date is written so: _formatted_date)
    if re.search(r"(?:`(?:r|\{\s*r\s*\})|!expr)\s+params\s*(?:\$|\[\[)", text):
        named.add(
            "params"
        )  # (inline R's `r params$n`, or `!expr params$n`, shows its value: quarto.r_metadata)
    live = [
        k for k in ("webr", "pyodide") if isinstance(raw_meta.get(k), dict) and "cell-options" in raw_meta[k]
    ]
    named.update(live)  # (quarto-live's cell options of every cell: quarto.live_defaults)
    tools = (marp.DIRECTIVES | marp.OPTIONS if marp_deck else frozenset()) | (
        _slidev_module().KEYS if slidev_deck else frozenset()
    )
    return [
        k
        for k in raw_meta
        if str(k) not in USED_KEYS
        and str(k) not in named
        and str(k) not in tools
        and not (marp_deck and marp.is_spot_directive(k))
    ]


# a comment that may set a global directive of Marp's that Podium reads (``<!-- headingDivider: 2 -->``)
_MARP_GLOBAL_SIGN = re.compile(
    r"<!--(?:(?!-->).)*?(?<!\w)\$?(?:headingDivider|lang|title|author)[ \t]*:", re.S
)
_MARP_GLOBALS_READ = ("headingDivider", "lang", "title", "author")


def _marp_globals(
    raw_meta: dict, body: str, key_lines: dict[str, int], shown: str, diags: Diagnostics
) -> tuple[dict, dict[str, int]]:
    """A Marp deck's front matter with the global directives its comments set over it
    (``<!-- headingDivider: 1 -->``, ``lang``, ``title``, ``author``), and the line of each: as in Marp,
    a global directive holds for the whole deck wherever it is written, the last one written winning,
    and a ``headingDivider`` Marp cannot read is ignored (with a warning)."""
    if not _MARP_GLOBAL_SIGN.search(body):
        return raw_meta, key_lines
    merged, lines = dict(raw_meta), dict(key_lines)
    for said, line in _comments_of(markdown_parser().parse(body, {})):
        told = marp.directives(said)
        for key in _MARP_GLOBALS_READ:
            if not told or key not in told:
                continue
            if key == "headingDivider" and not marp.divider_value(told[key]):
                diags.warning(
                    f"headingDivider must be a heading level from 1 to 6 (or a list of them), not "
                    f"{told[key]!r}; it is ignored, as Marp ignores it",
                    m.SourcePos(shown, line),
                    "front-matter",
                )
                continue
            merged[key], lines[key] = told[key], line
    return merged, lines


def _comments_of(tokens: list[Token]) -> list[tuple[str, int]]:
    """The text of every HTML comment among markdown-it's ``tokens`` (a block, or inside a line), with its
    line; not those in code."""
    found = []
    for tok in tokens:
        if tok.type == "html_block" and tok.map:
            for mt in re.finditer(r"<!--(.*?)-->", tok.content, re.S):
                found.append((mt.group(1), tok.map[0] + 1 + tok.content.count("\n", 0, mt.start())))
        elif tok.type == "inline" and tok.map and "<!--" in tok.content:
            for kid in tok.children or []:
                if kid.type == "html_inline" and kid.content.startswith("<!--"):
                    found.append((kid.content[4:-3], tok.map[0] + 1))
    return found


def _marp_deck(raw_meta: dict, body: str, shown: str, diags: Diagnostics) -> bool:
    """Whether the lecture is a Marp deck (:func:`marp.wanted`); a note when it says so without ``marp: true``."""
    if not marp.wanted(raw_meta, body):
        return False
    if raw_meta.get("marp") is not True:
        diags.note(
            "read as a Marp deck (its front matter has no 'marp: true', but Marp's directives and picture "
            "keywords)",
            m.SourcePos(shown, 1),
            "dialect",
        )
    return True


def _cells_said(conv) -> str:
    """The ``code-cell`` note: how many cells are shown as code, how many hidden, none run."""
    hidden = conv.cells - conv.cells_shown
    # (each hidden cell's reason as the lecture wrote it, `'include: false'`, or the format's default)
    why = ", ".join(
        reason if n == hidden else f"{n} {reason}" if reason.startswith("'") else f"{n} by {reason}"
        for reason, n in conv.hidden_by.items()
    )
    said = f"{conv.cells_shown} code cell(s) are shown as code and not run (Podium executes nothing)"
    if hidden and conv.cells_shown:
        said += f"; {hidden} hidden one(s) ({why}) are left out, but for the pictures they include"
    elif hidden:
        said = (
            f"{hidden} hidden code cell(s) ({why}) are left out (Podium executes nothing), "
            "but for the pictures they include"
        )
    if conv.cells_unrun:
        said += f"; {conv.cells_unrun} of the shown have 'eval: false', so knitr shows only their code too"
    if conv.output_lost:
        at = [str(p.line) if p.path == conv.shown else f"{p.path}:{p.line}" for p in conv.output_lost]
        said += (
            f"; {len(at)} shown cell(s) would show output when run (a plot, a table or printed values), "
            "which is missing: line " + ", ".join(at[:6]) + (", …" if len(at) > 6 else "")
        )
    if conv.earlier_figures:
        said += f"; {conv.earlier_figures} plot(s) are the files an earlier render left (fig.path)"
    return said


def _format_option(raw_meta: dict, key: str) -> Any:
    """Option ``key`` of Quarto's ``format: revealjs:`` (or ``pptx:``/``beamer:``), or of an R Markdown
    slide format's ``output:`` (``ioslides_presentation: incremental: true``), if given."""
    fmt = raw_meta.get("format")
    for name in ("revealjs", "pptx", "beamer"):
        opts = fmt.get(name) if isinstance(fmt, dict) else None
        if isinstance(opts, dict) and opts.get(key) is not None:
            return opts[key]
    output = raw_meta.get("output")
    opts = output.get(quarto.output_format(raw_meta)) if isinstance(output, dict) else None
    # (one format's: the others listed are what R's tools may render instead, not this deck's settings)
    return opts.get(key) if isinstance(opts, dict) else None


def _header_tex(
    raw_meta: dict, key_lines: dict[str, int], shown: str, diags: Diagnostics, base_dir: str, policy
) -> list[str]:
    """The LaTeX the lecture puts in its header, where beamer decks define their macros: the front
    matter's ``header-includes`` (a string or a list), the files named by R Markdown's ``includes:
    in_header:`` and Quarto's ``include-in-header`` (read under the path policy, as an ``\\input`` file;
    a file not found is said at its key's line), and Quarto's ``include-in-header: text:``.  The files
    put before or after the body (``include-before-body``, ``includes: before_body:``) too: an HTML
    slide show defines its MathJax or KaTeX macros there (``$$\\newcommand{\\R}{\\mathbb{R}}$$`` in a
    hidden ``<div>``), as MathJax does not read the page's ``<head>``.  Their ``\\input{macros}``
    (``\\include``, a ``\\usepackage`` of a package beside the lecture) name are read in their place, as
    LaTeX reads them (:func:`_header_inputs`)."""
    value = raw_meta.get("header-includes")
    given = [t for t in (value if isinstance(value, list) else [value]) if isinstance(t, str)]
    at = _setting_pos(raw_meta, shown, key_lines, "header-includes") if given else m.SourcePos(shown, 1)
    texts = [
        # (where its first line is: a block's under its key, a list's one-line items each on a line of its own)
        _header_inputs(
            t,
            m.SourcePos(at.path, at.line + ("\n" in t or (i + 1 if isinstance(value, list) else 0))),
            "\n" in t,
            base_dir,
            policy,
            diags,
        )
        for i, t in enumerate(given)
    ]
    includes = _format_option(raw_meta, "includes")
    files: list[tuple[Any, str]] = []
    for key in ("in_header", "before_body", "after_body") if isinstance(includes, dict) else ():
        if includes.get(key):
            files.append((includes[key], key))
    for key in _QUARTO_INCLUDES:
        for quarto_key in (raw_meta.get(key), _format_option(raw_meta, key)):
            if quarto_key:
                files.append((quarto_key, key))
    for named, key in files:
        written = (v for k, v in key_lines.items() if k == key or k.endswith("." + key))
        line = next(written, 0)
        pos = m.SourcePos(shown, line) if line else _setting_pos(raw_meta, shown, key_lines, key)
        for item in named if isinstance(named, list) else [named]:
            if isinstance(item, dict) and isinstance(item.get("text"), str):
                texts.append(item["text"])
                continue
            name = item.get("file") if isinstance(item, dict) else item
            if not isinstance(name, str):
                continue
            path = policy.resolve(name, base_dir, pos, diags, f"{key} file")
            if path is not None:
                try:
                    text = decode_source(Path(path).read_bytes()[: MAX_BYTES + 1], name, diags)
                except BuildError:  # (said)
                    continue
                texts.append(_header_inputs(text, m.SourcePos(name, 1), True, base_dir, policy, diags))
    return texts


_HEADER_INPUT = re.compile(r"\\(?:input|include|subfile|usepackage)(?![A-Za-z@])")
_IN_HEADER = "<header>"  # (the name :func:`_header_inputs` gives the header's own text: no file's)


def _header_inputs(
    text: str, first: m.SourcePos, lined: bool, base_dir: str, policy, diags: Diagnostics
) -> str:
    """The header's LaTeX ``text`` with the files its ``\\input{macros}`` names in their place (read as a
    beamer deck's are, under the path policy, from the lecture's folder: :func:`_tex_reader`); a file that
    cannot be read is said at its line (``first``: where the text's first line is; ``lined``: its other
    lines follow it, else all are said there: a YAML value folded onto one line)."""
    if "\\" not in text or _HEADER_INPUT.search(text) is None:
        return text
    read = _tex_reader(base_dir, policy, diags, lost="; the macros it defines are not defined")

    def place(line: int) -> m.SourcePos:
        return m.SourcePos(first.path, first.line + (line - 1 if lined else 0))

    def placed(name: str, where: str, line: int, via: str = "", code: bool = False) -> tuple[str, str] | None:
        pos = place(line) if where == _IN_HEADER else m.SourcePos(where, line)
        return read(name, pos.path, pos.line, via, code)

    def warn(message: str, where: str, line: int) -> None:
        diags.warning(
            message, place(line) if where == _IN_HEADER else m.SourcePos(where, line), "missing-file"
        )

    exists = functools.partial(_deck_file_exists, base_dir)
    return _beamer_module().expand_inputs(text, _IN_HEADER, placed, warn=warn, exists=exists)[0]


# beamer's commands of a pandoc lecture's header-includes that put a picture on the slides, and those that
# add a frame (an outline before each section)
_HEADER_PICTURE = re.compile(r"\\(logo|titlegraphic)\s*(?=\{)")
_HEADER_FRAMES = re.compile(r"\\AtBegin(?:Section|Subsection|Subsubsection|Part|Lecture)\b\*?")
_HEADER_GRAPHIC = re.compile(r"\\includegraphics\s*(?:\[[^\]]*\])?\s*\{([^{}]+)\}")


def _header_logo(
    raw_meta: dict[str, Any], key_lines: dict[str, int], shown: str, diags: Diagnostics, tex_deck: bool
) -> tuple[dict[str, Any], dict[str, int]]:
    """The front matter with the logo a pandoc beamer lecture's ``header-includes`` gives
    (``\\logo{\\includegraphics{f}}``, else ``\\titlegraphic{…}``), as a ``.tex`` deck's preamble gives it,
    where it names no ``logo:``; a note for the frames its ``\\AtBeginSection{…}`` adds, which make no slide.
    (``tex_deck``: a ``.tex`` deck, whose preamble podium.beamer reads.)"""
    value = None if tex_deck else raw_meta.get("header-includes")
    items = value if isinstance(value, list) else [value]
    at = _setting_pos(raw_meta, shown, key_lines, "header-includes")
    found: dict[str, tuple[str, int]] = {}
    for i, text in enumerate(items):
        if not isinstance(text, str) or "\\" not in text:
            continue
        line = at.line + ("\n" in text or (i + 1 if isinstance(value, list) else 0))  # (as _header_tex)
        for mt in _HEADER_PICTURE.finditer(text):
            close = balanced_group(text, mt.end())
            graphic = _HEADER_GRAPHIC.search(text, mt.end(), close) if close > 0 else None
            if graphic is not None:
                found.setdefault(
                    mt.group(1), (graphic.group(1).strip(), line + text.count("\n", 0, mt.start()))
                )
        hook = _HEADER_FRAMES.search(text)
        if hook is not None:
            diags.note(
                f"'\\{hook.group(0)[1:]}' in header-includes adds a frame at each section's start (an outline); "
                "Podium makes no slide of it: a section's slide is the template's",
                m.SourcePos(at.path, line + text.count("\n", 0, hook.start())),
                "raw-tex",
            )
    logo = found.get("logo") or found.get("titlegraphic")
    if logo is None or raw_meta.get("logo") or _format_option(raw_meta, "logo"):
        return raw_meta, key_lines
    return {**raw_meta, "logo": logo[0]}, {**key_lines, "logo": logo[1]}


def _with_text_macros(body: str, header: list[str], preamble: Any = None) -> tuple[str, dict[str, Any]]:
    """``body`` with the text macros the lecture's ``header`` (:func:`_header_tex`) defines put in place where
    its text uses them (``\\newcommand{\\strong}[1]{\\textbf{#1}}``: podium.beamer.markdown_text_macros), and
    those macros.  A beamer deck's ``preamble`` (its macros' definitions): only its macros, which the reader
    puts in where their arguments go on over lines (``\\red{nie`` ⏎ ``przenosić}``; podium.beamer put in
    the others line by line)."""
    if isinstance(preamble, str):
        return body, _beamer_module().header_macros(preamble)
    hyperref = "\\texorpdfstring" in body  # (its macro: the TeX, not a PDF bookmark's text)
    if not hyperref and not any("\\" in h for h in header):
        return body, {}
    beamer = _beamer_module()
    found = beamer.header_macros("\n".join(header))
    if hyperref:
        found = {**beamer.HYPERREF_MACROS, **found}
    return (beamer.markdown_text_macros(body, found) or body) if found else body, found


def _unused_format_options(
    keys: list[str], format_name: str | None, shown: str, key_lines: dict[str, int], diags: Diagnostics
) -> None:
    """The note naming a format's options ``keys`` Podium does not use: one for each file that writes
    them (the lecture, a Quarto project's ``_quarto.yml``), at the first of its lines."""
    by_file: dict[str, list[tuple[m.SourcePos, str]]] = {}
    for k in keys:
        at = _key_pos(shown, key_lines, k)
        by_file.setdefault(at.path, []).append((at, k))
    for path in sorted(by_file, key=lambda p: (p != shown, p)):
        diags.note(
            f"options of 'format: {format_name}' Podium does not use: "
            + ", ".join(k for _, k in by_file[path]),
            min((at for at, _ in by_file[path]), key=lambda p: p.line),
            "unused-key",
        )


def _output_note(raw_meta: dict, shown: str, key_lines: dict[str, int], diags: Diagnostics) -> None:
    """The note naming the format of R Markdown's ``output:`` whose settings the slides take
    (:func:`quarto.output_format`) where it lists several and that is not plain: its first format is no
    slide format, or another format sets an option Podium reads otherwise (those are named)."""
    output = raw_meta.get("output")
    if not isinstance(output, dict) or len(output) < 2:
        return
    chosen, first = quarto.output_format(raw_meta), next(iter(output))
    given = output.get(chosen)
    own: dict = given if isinstance(given, dict) else {}
    left = [
        f"{name}'s " + ", ".join(keys)
        for name, opts in output.items()
        if name != chosen and isinstance(opts, dict)
        for keys in [
            [
                str(k)
                for k, v in opts.items()
                if k in _FORMAT_OPTIONS_READ and v is not None and own.get(k) != v
            ]
        ]
        if keys
    ]
    if chosen == first and not left:
        return
    said = f"'output:' lists {len(output)} formats; the slides take the settings of '{chosen}' alone"
    if chosen != first:
        said += f", the first slide format listed ('{first}' is not one)"
    diags.note(
        said + ("; not used: " + " and ".join(left) if left else ""),
        _key_pos(shown, key_lines, "output"),
        "unused-key",
    )


def _format_option_pos(raw_meta: dict, shown: str, key_lines: dict[str, int], key: str) -> m.SourcePos:
    """Where the :func:`_format_option` ``key`` (``format: revealjs: logo:``) is written: its front matter
    line, or the line of the other file that set it (a Quarto project's ``_quarto.yml``), else the line of
    the ``format:`` or ``output:`` it is under."""
    fmt, output = raw_meta.get("format"), raw_meta.get("output")
    for name in ("revealjs", "pptx", "beamer"):
        opts = fmt.get(name) if isinstance(fmt, dict) else None
        if isinstance(opts, dict) and opts.get(key) is not None:
            return _first_pos(shown, key_lines, f"format.{name}.{key}", "format")
    name = quarto.output_format(raw_meta)
    opts = output.get(name) if isinstance(output, dict) else None
    if isinstance(opts, dict) and opts.get(key) is not None:
        return _first_pos(shown, key_lines, f"output.{name}.{key}", "output")
    return _first_pos(shown, key_lines, "format", "output")


def _first_pos(shown: str, key_lines: dict[str, int], *keys: str) -> m.SourcePos:
    """Where the first of ``keys`` that is written somewhere is (:func:`_key_pos`), else line 1."""
    return next(
        (_key_pos(shown, key_lines, k) for k in keys if _written(key_lines, k)), m.SourcePos(shown, 1)
    )


def _titled_cover(raw_meta: dict) -> bool:
    """Whether the lecture's tool draws a title slide only when there is a title: the lecture is written
    for reveal.js or beamer (Quarto's ``format: revealjs``/``beamer``, R Markdown's ``output:
    beamer_presentation``), whose templates draw it under ``$if(title)$``; pandoc's PowerPoint draws one
    for a subtitle, an author or a date too."""
    name = (quarto.first_format(raw_meta, "format") or quarto.output_format(raw_meta)).lower()
    return "revealjs" in name or "beamer" in name


def html_slide_show(raw_meta: dict) -> bool:
    """Whether the lecture was written for an HTML slide show (Quarto's ``format: revealjs``, R Markdown's
    ``output: ioslides_presentation``…): there, as pandoc says, content right under a heading above the
    slide level is on that heading's own slide, not on a slide after it (beamer's way)."""
    name = quarto.first_format(raw_meta, "format") or quarto.output_format(raw_meta)
    return any(show in name.lower() for show in quarto.HTML_SHOWS)


def _section_titles(raw_meta: dict, key_lines: dict[str, int], shown: str, diags: Diagnostics) -> bool:
    """Whether a section heading has a slide of its own: pandoc's beamer ``section-titles`` (in the front
    matter or a format's options), true unless it is false."""
    said = raw_meta.get("section-titles", _format_option(raw_meta, "section-titles"))
    if said is None or said is True or said is False:
        return said is not False
    diags.warning(
        f"section-titles must be true or false, not {said!r}: each section has a slide of its own",
        _setting_pos(raw_meta, shown, key_lines, "section-titles"),
        "front-matter",
    )
    return True


def _toc_depth(raw_meta: dict, key_lines: dict[str, int], shown: str, diags: Diagnostics) -> int:
    """The deepest heading level the contents slide lists (pandoc's and Quarto's ``toc-depth``, in the
    front matter or a format's options); every section when it is not given, or not a level 1-6."""
    depth = raw_meta.get("toc-depth", _format_option(raw_meta, "toc-depth"))
    if depth is None:
        return 6
    if isinstance(depth, bool) or not isinstance(depth, int) or not 1 <= depth <= 6:
        diags.warning(
            f"toc-depth must be a heading level from 1 to 6, not {depth!r}: the contents list every section",
            _setting_pos(raw_meta, shown, key_lines, "toc-depth"),
            "toc-depth",
        )
        return 6
    return depth


def _asked_level(options: ReadOptions, meta: m.Meta, raw_meta: dict) -> int | None:
    """The slide level given: by ``--slide-level``, the front matter's ``slide-level``, Quarto's format
    options (``format: {revealjs: {slide-level: 3}}``) or R Markdown's output format (its ``slide_level``,
    or ioslides' level 2); None where pandoc is left to infer it."""
    for level in (options.slide_level, meta.slide_level, _format_slide_level(raw_meta)):
        if level is not None:
            return level
    return _output_slide_level(raw_meta)


def _format_slide_level(raw_meta: dict) -> int | None:
    """``slide-level`` given inside Quarto's ``format:`` options (revealjs, pptx, beamer), if any."""
    fmt = raw_meta.get("format")
    if not isinstance(fmt, dict):
        return None
    for name in ("revealjs", "pptx", "beamer"):
        opts = fmt.get(name)
        level = opts.get("slide-level") if isinstance(opts, dict) else None
        if isinstance(level, int) and not isinstance(level, bool) and 0 <= level <= 6:
            return level
    return None


# R Markdown's slide formats whose slide level is 2 unless their ``slide_level`` says otherwise (rmarkdown's
# ioslides_presentation, the revealjs package's revealjs_presentation: ``slide_level = 2``); the others
# (slidy_presentation, beamer_presentation, powerpoint_presentation) leave it to pandoc, which infers it
_LEVEL_TWO_OUTPUTS = frozenset(("ioslides_presentation", "revealjs_presentation"))


def _output_slide_level(raw_meta: dict) -> int | None:
    """The slide level R Markdown's ``output:`` format gives the lecture: its ``slide_level`` option
    (``output: slidy_presentation: slide_level: 2``), else 2 for a format that always cuts at level 2
    (``ioslides_presentation``), else None (pandoc infers it)."""
    named = quarto.output_format(raw_meta)
    output = raw_meta.get("output")
    opts = output.get(named) if isinstance(output, dict) else None
    level = opts.get("slide_level") if isinstance(opts, dict) else None
    if isinstance(level, int) and not isinstance(level, bool) and 0 <= level <= 6:
        return level
    return 2 if named.rsplit("::", 1)[-1].strip() in _LEVEL_TWO_OUTPUTS else None


def _inferred_level(conv, top: list[SyntaxTreeNode]) -> int:
    """pandoc's slide level of a lecture that gives none; a note when it is 1 and ``##`` headings, which
    then are headings inside slides, would otherwise have made slides (a lecture that meant level 2).
    A ``##`` right after a ``---`` (or its ``<!-- .slide: -->`` comment) titles the slide the rule cuts:
    not counted.  A deck whose separators cut its slides (Marp's, reveal-md's, or reveal.js Markdown:
    no front matter, ``---`` between slides) has no level to write: making each ``##`` a slide would
    split its slides, so nothing is said."""
    level = infer_slide_level(top)
    rules = sum(1 for n in top if n.type == "hr")
    titles = sum(1 for n in top if n.type == "heading" and n.tag in ("h1", "h2"))
    # (rules that cut the slides: about one a title; a few before a licence at the end cut nothing)
    separated = conv.marp or conv.reveal or (not conv.raw_meta and rules and 2 * rules >= titles)
    if level == 1 and not separated:
        top = _slide_comments_after_headings(top)  # (as the slides are read: the comment is its slide's)
        first = next(
            (
                a
                for a, b in zip(top, top[1:])
                if a.type == "heading" and a.tag == "h1" and b.type not in ("heading", "hr")
            ),
            None,
        )
        subs = sum(
            1
            for k, n in enumerate(top)
            if n.type == "heading" and n.tag == "h2" and not (k and top[k - 1].type == "hr")
        )
        if first is not None and subs:
            conv.diags.note(
                f"slide level 1, as pandoc infers it: this '#' heading has content right under it, so the "
                f"{subs} '##' heading(s) are headings inside slides, not slides of their own; write "
                "'slide-level: 2' in the front matter to make each '##' a slide",
                conv.pos(first),
                "slide-level",
            )
    return level


def infer_slide_level(nodes: list[SyntaxTreeNode]) -> int:
    """Return pandoc's slide level: the highest heading level directly followed by content."""
    least = 6
    for a, b in zip(nodes, nodes[1:]):
        if a.type == "heading" and b.type not in ("heading", "hr"):
            least = min(least, int(a.tag[1]))
    return least


@dataclass
class _SlideDraft:
    kind: m.SlideKind
    title: m.Inlines
    pos: m.SourcePos
    body: list = field(default_factory=list)
    notes: list = field(default_factory=list)
    handout: list = field(default_factory=list)
    instructor: list = field(default_factory=list)
    layout: str | None = None
    classes: tuple[str, ...] = ()
    incremental: bool = False
    hidden: bool = False
    by_rule: bool = False  # begun by a horizontal rule ('---')
    by_heading: bool = False  # begun by a heading of the slide level (kept even untitled and empty)
    title_level: int = 0  # the level of the heading its title came from (Marp's title slide is an h1)
    lead: bool = False  # Marp's `class: lead` (a title or a statement, centred)
    cover: bool = False  # a Marp class that themes a title slide (`<!-- _class: title -->`, `lead`)
    fit: bool = (
        False  # its title is Marp's fitting heading (`# Words <!-- fit -->`: drawn to the slide's width)
    )
    ids: tuple[str, ...] = ()  # its heading's own id ({#id}), which an internal link [x](#id) names
    # the headings (and ids of divs) inside it: (its own id or None, its words, of which pandoc makes one)
    inner_ids: tuple[tuple[str | None, str], ...] = ()
    footer: str | None = None  # `::: footer`: this slide's own footer
    header: tuple[str, m.SourcePos] | None = None  # Marp's `_header:` of this slide (its words, its line)
    # Marp's header and footer words a directive on it or a slide before it set (`header:`, `footer:`), and
    # its own footer (`_footer:`): None where the deck's hold (:meth:`_Converter._marp_footer_of`)
    running_header: str | None = None
    running_footer: str | None = None
    spot_footer: str | None = None
    # the background colours it asks for (reveal.js's `.slide` comment), not drawn: warned about once it is
    # known whether the slide is kept (a slide of nothing but its colour is left out)
    colours: list[tuple[str, m.SourcePos]] = field(default_factory=list)
    continued: bool = False  # the next part of an {.allowframebreaks} slide after its \framebreak
    unshown: bool = False  # a section heading with no slide of its own (`section-titles: false`)
    notes_at: m.SourcePos | None = None  # such a section's `::: notes` (given to the next slide)
    subtitle: m.Inlines = ()  # ioslides' `## Title | Subtitle`: the line under its title (first on the slide)


class _Converter:
    """Turns markdown-it syntax-tree nodes into IR nodes, collecting diagnostics."""

    def __init__(
        self,
        shown: str,
        diags: Diagnostics,
        env: dict,
        base_dir: str,
        policy: PathPolicy | None,
        lines: list[str],
    ):
        self.shown = shown
        self.diags = diags
        self.env = env
        self.base_dir = base_dir
        self.policy = policy
        self.lines = lines
        self.footnote_defs: dict[int, m.Blocks] = {}
        self.slide_footnotes: list[tuple[int, m.Blocks]] = []  # (markdown-it id, blocks) for the slide
        self.last_line = 1  # the line being read (a block's first, then each line break's next)
        self.block_line = 1  # the first line of the block being read
        self.incremental = False
        self.toc_depth = 6  # (the deepest section level the contents slide lists: toc-depth)
        self.section_titles = True  # (a section heading has a slide of its own: pandoc's `section-titles`)
        self.format_incremental = True  # (the output format's `incremental:`: not xaringan's, which has none)
        self.origins: list[tuple[str, int]] | None = None  # line → (file, line) after includes
        self.macros: dict[str, Macro] = {}
        self.colours: dict[str, texcolours.RGB] = {}  # the lecture's own \definecolor and \colorlet
        self.in_link = 0  # (reading a link's text)
        self.text_macros: dict[str, Any] = {}  # the header's macros, put in place in text (podium.beamer)
        self.contents_name: str | None = None  # the header's \contentsname: the contents slide's title
        self.pending_notes: list[m.Block] = []  # from beamer's \note{…}
        self.slide_serial = 0
        self.html_warned = -1
        self.html_skip: list[str] = []
        self.html_depth = 0
        self.html_as_text = False  # (a Marp comment's notes: its tags are words, as Marp shows them)
        self.words_not_tags: set[tuple[int, str]] = set()  # (slide, `<T>`) said to be words, not HTML
        self.wrappers = 0  # HTML wrapper elements being read (html_wrapper), bounded: hostile nesting
        self.in_list = 0
        # where a `::: {.incremental .fragment-items}` div (revealmd: reveal.js's fragment comments on a
        # list's items, not on its nested ones) began: only the list at that depth is incremental
        self.items_depth: int | None = None
        self.item_lines: set[int] = set()  # the lines list items start on (their markers' lines)
        self.bib: Bibliography | None = None  # when the front matter names a bibliography
        self.emoji = False  # :name: shortcodes as emoji (front matter `from: markdown+emoji`)
        self.chunk_codes: dict[str, str] | None = None  # each labelled chunk's code (ref.label), when asked
        self.cell_defaults: dict[str, Any] = {}  # code cells' options unless they say: execute:, opts_chunk
        self.title_slide = True  # a slide of the front matter's title (xaringan's `seal: false`: none)
        self.content_widths = False  # a pipe table's columns sized to their content only (not by its dashes)
        self.slidev = False  # a Slidev deck (its clicks' spelling in messages)
        self.cover_notes = False  # a notes div before the first slide is the title slide's (Slidev's cover)
        # reveal-md's Markdown (podium.revealmd.separators_only): only its separators cut slides, as in Marp;
        # a slide's first heading is its title; the front matter's `title:` names the browser's tab
        self.reveal = False
        # (a reveal.js deck's math goes through marked, which unescapes `\\\\` to `\\`, before MathJax)
        self.marked_math = False
        self.katex_macros = False  # math a browser typesets, with KaTeX's own macros (\R: ℝ) known
        self.remark_math = False  # a remark (xaringan) deck: its Markdown makes math's `\_` a `_` for MathJax
        self.css_divs = False  # its divs are its CSS classes (a remark deck's `.note[…]`): none is a mistyped Podium class
        self.cites = True  # its tool reads `@key` as a citation (remark, Marp, Slidev, reveal.js: text)
        self.internal_links: dict[str, m.SourcePos] = {}  # [x](#id): each id linked to, where first
        self.marp = False  # a Marp deck (front matter `marp: true`): podium.marp's rules
        self.tex_deck = False  # a beamer deck in LaTeX (`#` is a macro's argument there, never a heading)
        self.alt_only = False  # a picture's words are its alt text, never a caption (Marp, reveal.js)
        self.own_title = False  # a deck that writes its own title slide (xaringan's seal: false)
        # a title slide only where there is a title (pandoc's and Quarto's revealjs and beamer templates)
        self.cover_needs_title = False
        self.centred_cover = False  # its first slide is centred (remark's class: center, middle)
        self.html_show = False  # an HTML slide show's deck (Slidev's), whatever its front matter says
        self.marp_bg: dict[
            int, tuple[m.Image, marp.Keywords]
        ] = {}  # id(): pictures Marp draws as backgrounds
        # id(): pictures floated beside the text, their side, and wrapfig's column share (None: an HTML float)
        self.floats: dict[int, tuple[m.Image, str, float | None]] = {}
        self.cells = 0
        self.cells_shown = 0  # (of them, the ones whose code is shown)
        self.cells_unrun = 0  # (of those, the ones knitr does not run either: eval: false)
        self.output_lost: list[m.SourcePos] = []  # (shown ones whose output, when run, is missing)
        self.hidden_by: dict[str, int] = {}  # the hidden ones: why (quarto.HIDDEN_BY), how many
        self.layout_tex_noted = False  # (\\vspace and its kin: one note a lecture)
        self.setup_tex_noted = False  # (\\tikzset and its kin: one note a lecture)
        self.first_cell_line = 0
        self.earlier_figures = 0  # cells' plots shown from an earlier render (cellfigures)
        self.raw_meta: dict[str, Any] = {}
        self.quoted_list_noted = False  # pandoc's list-in-a-quote rule is noted once per lecture
        self.line_highlights_noted = False  # Quarto's code-line-numbers="2-3": noted once per lecture
        self.inline_cells: list[tuple[str, m.SourcePos]] = []  # inline code left out, and where
        self.inline_cells_shown = 0  # (of them, those inside math: shown as their code, not left out)
        # each heading's words as read (by the node's id, with the node): read again, it says nothing twice
        self.heading_titles: dict[int, tuple[SyntaxTreeNode, tuple[m.Inlines, Attrs | None]]] = {}
        self.knitr = self.shown.lower().endswith((".qmd", ".rmd"))
        self.lifted_instructor: list[m.Block] = []
        self.adding_to: _SlideDraft | None = None  # the slide whose blocks are being read
        self.style_noted = False  # a <style> block has had its note
        self.left_out: list[tuple[str, int, int]] = []  # (file, first line, last line) left out on purpose
        self.raw_formats: set[tuple[str, int]] = set()  # (format, line) of raw content said to be left out
        self.marp_footer: str | None = (
            None  # (also a remark layout's footer) Marp's first `<!-- footer: … -->` directive
        )
        self.marp_footer_now: str | None = None  # a later `<!-- footer: … -->`: the slides' from there on
        self.marp_header_now: str | None = None  # a later `<!-- header: … -->`: the slides' from there on
        self.marp_first: _SlideDraft | None = None  # Marp's first slide (its directives are the deck's)
        self.marp_header: str | None = None  # Marp's header (front matter, or the first slide's `header:`)
        self.key_lines: dict[str, int] = {}  # the front matter's keys: the line each is on
        self.unresolved: dict[str, tuple[str, m.SourcePos]] = {}  # citations with no bibliography, cross-refs
        self.refs_at: _SlideDraft | None = None  # the slide with pandoc's `::: {#refs}`: where references go
        self.lang = "en"  # the lecture's language (Meta.lang): the words Podium writes, an untitled callout's

    # -- positions
    def pos(self, node: SyntaxTreeNode | None) -> m.SourcePos:
        if node is not None and node.map:
            self.last_line = self.block_line = node.map[0] + 1
        return self.mapped(self.last_line)

    def hidden_left_out(self, drafts: list[_SlideDraft]) -> None:
        """Record the lines of hidden slides as left out on purpose (podium.coverage)."""
        for i, d in enumerate(drafts):
            if d.hidden:
                later = [
                    e.pos.line
                    for e in drafts[i + 1 :]
                    if e.pos.path == d.pos.path and e.pos.line > d.pos.line
                ]
                self.left_out.append((d.pos.path, d.pos.line, min(later) - 1 if later else 10**9))

    def leave_out(self, node: SyntaxTreeNode) -> None:
        """Record that ``node``'s lines are left out on purpose (podium.coverage looks no further there)."""
        if node.map:
            first, last = self.mapped(node.map[0] + 1), self.mapped(node.map[1])
            self.left_out.append((first.path, first.line, last.line if last.path == first.path else 10**9))

    def line_of(self, text: str) -> m.SourcePos:
        """Where ``text`` is first written in the source (for an inline without a position of its own)."""
        for k, line in enumerate(self.lines, 1):
            if text in line:
                return self.mapped(k)
        return self.pos(None)

    def mapped(self, line: int) -> m.SourcePos:
        """The source position of ``line`` of the parsed text (includes and notes divs moved lines)."""
        if self.origins and 0 < line <= len(self.origins):
            return m.SourcePos(*self.origins[line - 1])
        return m.SourcePos(self.shown, line)

    # -- footnotes
    def collect_footnotes(self, root: SyntaxTreeNode) -> None:
        for block in root.children:
            if block.type != "footnote_block":
                continue
            for fn in block.children:
                ident = fn.meta.get("id")
                if not isinstance(ident, int):  # the footnote plugin numbers every footnote it makes
                    continue
                children = [c for c in fn.children if c.type != "footnote_anchor"]
                self.footnote_defs[ident] = self.blocks(children)
        for ident, info in self.env.get("footnotes", {}).get("list", {}).items():
            if ident not in self.footnote_defs and "tokens" in info:
                self.footnote_defs[ident] = (m.Paragraph(self._footnote_inlines(info), self.pos(None)),)

    # -- slides
    def slides(
        self, nodes: list[SyntaxTreeNode], meta: m.Meta, level: int, raw_meta: dict, inferred: bool = False
    ) -> m.Lecture:
        """The lecture's slides from its top-level nodes, cut at headings of ``level`` (pandoc's rules).

        Where ``level`` was ``inferred`` (no slide-level given), a heading below it that opens a slide
        begun by '---' is that slide's title, as reveal.js decks mean it, not a subhead under no title."""
        sections: list[tuple[m.Inlines, int]] = []  # (title, draft index)
        section_depth: dict[int, int] = {}  # (draft index: its heading's level, for the contents slide)
        self.incremental = bool(
            raw_meta.get("incremental")
            or (self.format_incremental and _format_option(raw_meta, "incremental") is True)
        )
        divider = marp.heading_divider(raw_meta) if self.marp else 0
        html_show = self.html_show or html_slide_show(raw_meta)
        own_slides = self.marp or self.reveal  # (decks that write their own title slide, or none)
        # (rmarkdown's ioslides: a slide's or section's heading `Title | Subtitle` has a subtitle under it)
        ioslides = quarto.output_format(raw_meta).rsplit("::", 1)[-1].strip() == "ioslides_presentation"
        subtitled = level if ioslides else 0  # (the deepest heading that may have one)
        toc = self._toc_draft(raw_meta, meta)
        drafts = [*self._title_draft(meta, own_slides), *([toc] if toc else [])]
        section_of: list[int | None] = [None] * len(drafts)
        contents: list[tuple[_SlideDraft, int]] = []  # beamer's \tableofcontents: its slide, its place there
        current: _SlideDraft | None = None
        current_section: int | None = None
        first_serial = self.slide_serial + 1
        nodes = self.cover_notes_read(nodes, drafts)

        def start(kind: m.SlideKind, title: m.Inlines, pos: m.SourcePos, attrs: Attrs | None) -> _SlideDraft:
            nonlocal current
            d = _SlideDraft(kind, title, pos)
            d.running_header = self.marp_header_now  # (None: the deck's)
            d.running_footer = self.marp_footer_now
            self.slide_serial += 1
            if self.marp and self.slide_serial == first_serial:  # Marp's first page
                self.marp_first = d
                self._marp_front_spots(d, raw_meta)
            if attrs is not None:
                _dress(d, attrs)
            drafts.append(d)
            section_of.append(current_section)
            current = d
            return d

        if _cut_at_start(nodes, raw_meta, inferred and not (own_slides or drafts)):
            start(m.CONTENT, (), self.pos(nodes[0]), None).by_rule = True

        for node in _slide_comments_after_headings(nodes):
            if current is None and (self.section_comment(node, drafts) or self.section_notes(node, drafts)):
                continue
            if node.type == "heading" and own_slides:
                current = self._marp_heading(node, current, divider, start)
                continue
            if node.type == "heading":
                hlevel = int(node.tag[1])
                pos = self.pos(node)  # (first: a message about the title's words names its line)
                title, attrs = self.heading_title(node)
                title, subtitle = _ioslides_subtitle(title, hlevel <= subtitled)
                if hlevel < level:
                    current_section = len(sections)
                    d = start(m.SECTION, title, pos, attrs)
                    d.unshown = not self.section_titles
                    d.subtitle = subtitle
                    d.body.extend(self.background(attrs, pos, d))  # (a picture: shown on the section slide)
                    self.unshown_section(d, pos)
                    sections.append((title, len(drafts) - 1))
                    section_depth[len(drafts) - 1] = hlevel
                    section_of[-1] = current_section
                    current = None  # content after a section heading opens a slide of its own ...
                    continue
                if hlevel == level:
                    d = start(m.CONTENT, title, pos, attrs)
                    d.subtitle = subtitle
                    d.by_heading = True
                    d.body.extend(self.background(attrs, pos))
                    continue
                if (
                    inferred
                    and title
                    and current is not None
                    and current.by_rule
                    and _opened_untitled(current)
                ):
                    current.title, current.pos = title, pos
                    if attrs is not None:
                        _dress(current, attrs)
                        current.body.extend(self.background(attrs, pos))
                    continue
            if node.type == "hr" or _frame_break(node, self.tex_deck):  # (what cuts a slide but a heading)
                current = self.cut(node, current, start, level)
                continue
            if current is None and html_show and drafts and drafts[-1].kind == m.SECTION:
                # ... in an HTML slide show (reveal.js), on the section's own slide: one slide of that title
                current = self._under_section(drafts[-1], node)
                continue
            if current is None or current.kind == m.TITLE:
                # ... titled as the section, as beamer does (pandoc's pptx leaves it untitled)
                under = (
                    drafts[-1].title if current is None and drafts and drafts[-1].kind == m.SECTION else ()
                )
                start(m.CONTENT, under, self.pos(node), None)
            assert current is not None
            if _contents_command(node):  # (beamer lists the sections there, as Quarto's beamer decks mean it)
                contents.append((current, len(current.body)))
                continue
            self.add_to_slide(current, node)

        meta = self._marp_finish(drafts, meta)
        _fill_contents(
            [(toc, 0), *contents] if toc else contents, drafts, sections, section_depth, self.toc_depth
        )
        self.references(drafts, section_of, meta, current_section)
        # pandoc makes no slide of a '---' followed by a heading or another rule; hidden slides are left out;
        # an untitled heading's slide is one (`## {transition="none"}` over a hidden code cell's plot, which
        # Quarto shows there): kept empty, where the lecturer can paste the plot
        # (a beamer frame is a slide, as in its PDF, even when nothing in it can be shown)
        keep = [i for i, d in enumerate(drafts) if not _no_slide(d, self.tex_deck) and not d.unshown]
        self.notes_moved(drafts, keep)
        self.hidden_left_out(drafts)
        self.colour_warnings(drafts, set(keep))
        # (a section without a slide of its own begins at the first slide after its heading)
        index_of = {old: new for new, old in enumerate(keep)}
        begins = {
            i: index_of[later]
            for _, i in sections
            if drafts[i].unshown and not drafts[i].hidden
            for later in keep[bisect.bisect(keep, i) :][:1]
        }
        section_info = [
            (section_depth[i], not drafts[i].unshown, "unlisted" not in drafts[i].classes)
            for _, i in sections
        ]
        drafts = [drafts[i] for i in keep]
        self.float_layouts(drafts)
        section_of = [section_of[i] for i in keep]
        kept_sections = [k for k, (_, i) in enumerate(sections) if i in index_of or i in begins]
        renumber = {old: new for new, old in enumerate(kept_sections)}
        section_of = [renumber.get(x) if x is not None else None for x in section_of]
        section_info = [section_info[k] for k in kept_sections]
        sections = [
            (sections[k][0], index_of.get(sections[k][1], begins.get(sections[k][1], 0)))
            for k in kept_sections
        ]
        # number, attach footnotes
        slides: list[m.Slide] = []
        section_numbers: list[m.Section] = []
        for i, d in enumerate(drafts):
            number = i + 1
            d.body = _subtitled(d, self.span_fragments(_flowed_slide(_built_slide(d))))
            d.title = self.title_fragments(d.title, d.pos)
            self.restyled_fragments(number, d.body)
            footnotes = self._slide_footnotes(d)
            slides.append(
                m.Slide(
                    number=number,
                    kind=d.kind,
                    title=d.title,
                    body=footnotes[0],
                    pos=d.pos,
                    notes=tuple(d.notes),
                    handout=tuple(d.handout),
                    footnotes=footnotes[1],
                    section=section_of[i],
                    layout=d.layout,
                    classes=d.classes,
                    incremental=d.incremental,
                    instructor=tuple(d.instructor),
                    footer=d.footer,
                )
            )
        slides = self.linked(slides, drafts)
        for (title, idx), (hlevel, header, listed) in zip(sections, section_info):
            section_numbers.append(m.Section(title, idx + 1, hlevel, header, listed))
        if not slides:
            raise BuildError(
                self.diags,
                "the lecture has no slides: add a title in front matter or a heading",
                m.SourcePos(self.shown, 1),
                "empty",
            )
        return m.Lecture(
            path=self.shown,
            meta=meta,
            slides=tuple(slides),
            sections=tuple(section_numbers),
            slide_level=level,
            base_dir=self.base_dir,
        )

    def cut(self, node: SyntaxTreeNode, current: _SlideDraft | None, start, level: int) -> _SlideDraft | None:
        """The slide after ``node``, a '---' rule (a new untitled slide) or beamer's ``\\framebreak``: in an
        ``{.allowframebreaks}`` slide, its next part (:meth:`frame_continued`); elsewhere, as in beamer, the
        same slide (a warning)."""
        if node.type == "hr":
            d = start(m.CONTENT, (), self.pos(node), None)
            d.by_rule = True
            return d
        if current is not None and "allowframebreaks" in current.classes:
            return self.frame_continued(current, start, self.pos(node))
        self.diags.warning(
            f"'{_frame_break(node, False)}' is left out: as in beamer, it breaks only a slide whose own heading "
            f"(level {level}, the slide level) says {{.allowframebreaks}}",
            self.pos(node),
            "raw-tex",
        )
        return current

    def frame_continued(self, broken: _SlideDraft, start, pos: m.SourcePos) -> _SlideDraft:
        """The slide that goes on from ``broken``, an ``{.allowframebreaks}`` slide a ``\\framebreak``
        breaks: titled as beamer titles a frame's next page ("(cont.)" in the lecture's language), with
        the broken slide's look; ``pos``: the break's line."""
        cont = label(self.lang, "cont")
        title = broken.title
        if broken.title and not broken.continued:  # (every later part is "Title (cont.)", as in beamer)
            title = (*broken.title, m.Text(("" if cont[:1] in "（【「" else " ") + cont))
        d = start(m.CONTENT, title, pos, None)
        d.layout, d.classes, d.incremental, d.footer = (
            broken.layout,
            broken.classes,
            broken.incremental,
            broken.footer,
        )
        d.continued = True
        return d

    def cover_notes_read(
        self, nodes: list[SyntaxTreeNode], drafts: list[_SlideDraft]
    ) -> list[SyntaxTreeNode]:
        """``nodes`` without the notes div written before the first slide when it is the title slide's (a
        Slidev cover's notes: ``cover_notes``), which go on the title slide (``drafts[0]``)."""
        if not (self.cover_notes and nodes and drafts and drafts[0].kind == m.TITLE):
            return nodes
        if nodes[0].type != "fenced_div" or "notes" not in self.structural_classes(nodes[0]):
            return nodes
        self.add_to_slide(drafts[0], nodes[0])
        return nodes[1:]

    def _title_draft(self, meta: m.Meta, own_slides: bool) -> list[_SlideDraft]:
        """The title slide of the front matter's title, subtitle, authors or date, in a list ([] in a deck
        that writes its own, or with xaringan's ``seal: false``)."""
        if (
            not (meta.title or meta.subtitle or meta.authors or meta.date)
            or own_slides
            or not self.title_slide
            or (self.cover_needs_title and not meta.title)
        ):
            return []
        title = meta.styled_field("title") or ((m.Text(meta.title),) if meta.title else ())
        return [_SlideDraft(m.TITLE, title, m.SourcePos(self.shown, 1))]

    def _toc_draft(self, raw_meta: dict, meta: m.Meta) -> _SlideDraft | None:
        """The agenda slide after the title (``toc: true``), its bullets filled in once the sections are
        known, titled with the lecture's own name for it (``toc-title``, the header's ``\\contentsname``), else
        the language's; None when the lecture asks for none."""
        if not any(
            raw_meta.get(k) is True or _format_option(raw_meta, k) is True
            for k in ("toc", "table-of-contents")
        ):
            return None
        said = (
            raw_meta.get("toc-title")
            or _format_option(raw_meta, "toc-title")  # (format: revealjs: too)
            or self.contents_name  # (the header's \renewcommand{\contentsname}{…})
        )
        toc = _SlideDraft(
            m.CONTENT, (m.Text(_text(said) or label(meta.lang, "contents")),), m.SourcePos(self.shown, 1)
        )
        toc.classes = ("toc",)
        return toc

    def references(
        self, drafts: list[_SlideDraft], section_of: list[int | None], meta: m.Meta, section: int | None
    ) -> None:
        """The reference list, of what was cited and pandoc's ``nocite:``: where ``::: {#refs}`` put it,
        on a references slide of the lecture's own, or on a slide of its own at the end."""
        if self.bib is not None and self.raw_meta.get("nocite"):
            self.bib.include(self.raw_meta["nocite"])
        if self.bib is None or not self.bib.cited:
            return
        refs = self.bib.references()
        at = self.refs_at or _references_slide(drafts)
        if at is None:
            at = _SlideDraft(m.CONTENT, (m.Text(label(meta.lang, "references")),), m.SourcePos(self.shown, 1))
            drafts.append(at)
            section_of.append(section)
        at.body = [*at.body, *(m.Paragraph((m.Text(r),), at.pos) for r in refs)]
        at.classes = (*at.classes, "references")

    def linked(self, slides: list[m.Slide], drafts: list[_SlideDraft]) -> list[m.Slide]:
        """The slides with each internal link ``[x](#id)`` pointing at its slide (``#slide-7``, the deck's
        slide and the handout's entry): the slide whose heading (or a heading or div in it) has that id
        (``{#id}``) or makes it (pandoc's identifiers, in document order: ``## Why it matters`` is
        ``#why-it-matters``, a second ``## Why it matters`` ``#why-it-matters-1``); ``#refs`` the
        references; Marp's ``#3`` and reveal.js's ``#/2`` a slide by its place; an empty link (``[](#id)``, a
        beamer deck's ``\\ref{frame}``) shows that slide's number.  A link to none keeps its
        words, with a warning (not for Quarto's figure, table and equation labels, or footnotes)."""
        if not self.internal_links:
            return slides
        anchors = _anchors(slides, drafts)
        found: dict[str, int] = {}
        for ident, pos in self.internal_links.items():
            number = anchors.get(ident) or _slide_by_place(ident, len(slides))
            if number is not None:
                found[ident] = number
            elif not re.match(
                r"(?:fig|tbl|eq|lst|thm|lem|cor|prp|cnj|def|exm|exr|sec)-|fn(?:ref)?\d|/", ident
            ):
                self.diags.warning(
                    f"link to '#{_short(ident, 40)}' names no slide (no heading has that id); kept as text",
                    pos,
                    "internal-link",
                )

        def point(node):
            if isinstance(node, m.Link) and node.url.startswith("#"):
                number = found.get(node.url[1:])
                said = node.children or (m.Text(str(number)),)  # (an empty link: the slide's number, as \ref)
                return (
                    replace(node, url=f"#slide-{number}", children=said) if number else m.Span(node.children)
                )
            return node

        return [m.transform(s, point) for s in slides]

    def hidden_macros(self, node: SyntaxTreeNode) -> None:
        """The macros defined in the math of content left out (Quarto's ``.content-hidden``)."""
        for tok in node.walk():
            if tok.type in ("math_block", "math_inline", "math_block_label") and "\\" in tok.content:
                defs, _ = definitions_in_math(tok.content)
                self.macros.update(defs)

    def header_macros(self, value: Any) -> None:
        """The ``\\newcommand``/``\\def`` macros of the front matter's ``header-includes`` (a string or a
        list, perhaps in ```` ```{=latex} ```` fences), where beamer decks define them: the lecture's
        math uses them in both outputs.  Everything else there (packages, theme settings) is LaTeX's."""
        texts = value if isinstance(value, list) else [value]
        for text in texts:
            if not isinstance(text, str) or "\\" not in text:
                continue
            for piece in find_raw_tex(text, markdown=False):
                if piece.name.rstrip("*") in {d.rstrip("*") for d in DEFINERS}:
                    d = macro_definition(piece)
                    if d is not None:
                        self.macros[d[0]] = d[1]
                elif piece.name in texcolours.COLOUR_DEFINERS:
                    self.define_colour(piece)

    def define_colour(self, piece) -> None:
        """Keep the colour a ``\\definecolor{name}{model}{spec}`` or ``\\colorlet`` gives a name: the
        lecture's words in that colour are drawn in it."""
        c = texcolours.definition(piece.name, list(piece.args), piece.kinds, self.colours)
        if c is not None:
            self.colours[c[0]] = c[1]

    def marp_comment(self, html: str, pos: m.SourcePos | None = None) -> None:
        """In a Marp deck, an HTML comment (a block, or inside a line or a list) that is not a directive
        is presenter notes: kept for the slide it is on."""
        if not self.marp:
            return
        said = html.strip()[4:-3] if html.strip().startswith("<!--") else ""
        told = marp.directives(said) if said.strip() else None
        where = pos or self.pos(None)
        running = {k: told[k] for k in ("header", "footer") if k in told} if told else {}
        if running and self.adding_to is not None:  # (inside a line or a list: as on its slide)
            self.marp_footers(self.adding_to, running, where)
        elif running:
            if self.marp_header is None and "header" in running:
                self.marp_header = marp_header_text(running["header"], where, self.diags)
            if isinstance(running.get("footer"), str) and self.marp_footer is None:
                self.marp_footer = footer_words(running["footer"], where, self.diags)  # (the deck's)
        if not said.strip() or said.strip() == "fit" or told is not None:
            return  # (`# <!--fit--> Words`: Marp's fitting heading, not a note)
        if pos is None:  # inside a line: its words (not parsed again in the middle of this paragraph)
            self.pending_notes.append(m.Paragraph((m.Text(" ".join(said.split())),), self.pos(None)))
            return
        # (a picture in it is its Markdown's text, as Marp's notes show it: a commented-out picture is no
        # picture, in the deck's notes and the handout's alike)
        said = _MARKDOWN_PICTURE.sub(
            lambda mt: mt.group(0) if mt.group(1) else _PUNCTUATION.sub(r"\\\g<0>", mt.group(0)), said
        )
        # (HTML in it is its text, `List<T>`, `<b>`: Marp shows a note as written, never as HTML)
        saved, self.html_as_text = self.html_as_text, True
        try:
            notes = self.markdown_blocks(textwrap.dedent(said).strip(), pos.line - 1)
        finally:
            self.html_as_text = saved
        self.pending_notes.extend(notes)

    def _marp_heading(
        self, node: SyntaxTreeNode, current: _SlideDraft | None, divider: int, start
    ) -> _SlideDraft:
        """A heading in a Marp deck (or a reveal-md one, ``divider`` 0): '---' makes slides, and headings only
        at ``headingDivider``; a slide's first heading is its title, later ones are headings inside it.
        Returns the slide it went to."""
        title, attrs = self.heading_title(node)
        pos = self.pos(node)
        fresh = current is not None and not current.title and self._marp_bare(current)
        fit = bool(node.children) and _MARP_FIT.search(node.children[0].content or "") is not None
        if current is None or (divider and int(node.tag[1]) <= divider and not fresh):
            d = start(m.CONTENT, title, pos, attrs)
            d.title_level, d.fit = int(node.tag[1]), fit
            self._flush_notes(d)  # (a comment in the title, `# Title <!-- notes -->`: this slide's notes)
            return d
        if fresh:
            current.title, current.pos, current.title_level = title, pos, int(node.tag[1])
            current.fit = fit
            if attrs is not None:
                _dress(current, attrs)
            self._flush_notes(current)
            return current
        self.add_to_slide(current, node)
        return current

    def _marp_finish(self, drafts: list[_SlideDraft], meta: m.Meta) -> m.Meta:
        """A Marp deck's title slide found, its split backgrounds made columns; the lecture's metadata.
        A xaringan deck with ``seal: false`` writes its own title slide too, and a deck in reveal.js's
        Markdown always does: found the same way."""
        if self.own_title and not self.reveal:
            return self._marp_title(drafts, meta, self.centred_cover)
        if not (self.marp or self.reveal):
            return meta
        meta = self._marp_title(drafts, meta, self.marp and "lead" in str(self.raw_meta.get("class", "")))
        for d in drafts:
            self._marp_own_header(d)
            self._marp_footer_of(d, meta.footer or self.marp_footer or "")
            if d.cover and d is not drafts[0] and d.kind != m.TITLE:
                _largest_heading_titles(d)
            d.body = self._marp_split(d.body)
            if d.kind == m.CONTENT and d.title and not d.body and (d.lead or d.title_level == 1):
                d.classes = (*d.classes, "section")  # a statement or a section (`# Keys`): drawn as one
            elif d.kind == m.CONTENT and d.fit and _second_line(d.body):
                # a part's title drawn big (`# I – Le Moi <!-- fit -->`) and a short line under it
                # ("Première partie"): a section slide, whose layout has room for the title's lines
                d.kind = m.SECTION
        return meta

    def _marp_own_header(self, d: _SlideDraft) -> None:
        """A slide's own ``_header:``, which Marp draws at its top: an untitled slide's title (decks
        write their slides' headings so); beside a title of its own, a Podium slide has no place for
        it, which a warning says."""
        if d.header is None:
            return
        words, pos = d.header
        if not d.title:
            d.title = (m.Text(words),)
        else:
            self.diags.warning(
                f"this slide's Marp header '{words[:60]}' is not drawn: a slide of Podium has no header, "
                "and this one has a title of its own (write the words in the slide, or as its title)",
                pos,
                "marp-header",
            )

    def _marp_title(self, drafts: list[_SlideDraft], meta: m.Meta, lead: bool) -> m.Meta:
        """A Marp deck's first slide as its title slide when it is one: a title, perhaps a subtitle
        heading, at most four short lines (the author, a place, a date) and perhaps a background
        picture, nothing else.  Marp makes no title slide from the front matter, so its decks write
        their own; the lecture's title comes from it."""
        first = drafts[0] if drafts else None
        if first is not None and len(drafts) > 1 and _contents_list(first):
            first = drafts[
                1
            ]  # (a contents list before the title slide: `- [Intro](#intro)`, as Marp shows it)
        # (a picture-only cover before the slide its class calls a title, as Marp decks open with a full-bleed
        # thumbnail: that slide is the title slide, which opens the deck, the picture's slide after it)
        pictured = (
            self.marp
            and first is drafts[0]
            and len(drafts) > 1
            and first.kind == m.CONTENT
            and not first.title
            and bool(first.body)
            and self._marp_bare(first)
            and (drafts[1].lead or drafts[1].cover)
            # (`lead` that later slides have too is the deck's section slides' class, as gaia decks use it)
            and not (drafts[1].lead and any(d.lead for d in drafts[2:]))
        )
        if pictured:
            first = drafts[1]
        kicker = self.marp and first is not None and _largest_heading_titles(first)
        if (
            first is None
            or first.kind != m.CONTENT
            or not first.title
            or set(first.classes) - _TITLE_CLASSES
            # (a cover's heading may be of any level when its class names it one: `_class: lead` over `### Title`)
            or (self.marp and first.title_level != 1 and not (first.lead or first.cover))
        ):
            return meta
        pictures = [b for b in first.body if id(b) in self.marp_bg or isinstance(b, m.Image)]
        body = [b for b in first.body if b not in pictures]
        subtitle = ""
        if body and isinstance(body[0], m.Heading):
            subtitle = m.plain_text(body.pop(0).content)
        while kicker and body and isinstance(body[0], m.Heading):  # (`## Course`, `# Lecture`, `## Topic`)
            subtitle += " · " + m.plain_text(body.pop(0).content)
        # (its lines: paragraphs, or headings under the subtitle as xaringan's title slides write them)
        paragraphs = [b for b in body if isinstance(b, (m.Paragraph, m.Heading))]
        lines = [x.strip() for b in paragraphs for x in _line_texts(b.content) if x.strip()]
        title = m.plain_text(first.title)
        if (
            # "# Why?" and a sentence: a slide, not a title (but for a slide its class calls a title: `_class: title`)
            not (
                subtitle
                or first.lead
                or first.cover
                or first.fit
                # (a deck-wide `class: lead` is every slide's look: beside the lecture's own `title:` it makes
                # no slide a cover)
                or (lead and not (self.marp and meta.title))
                or not lines
                or _bylines(title, lines)
            )
            or len(paragraphs) != len(body)
            # (a slide its own class calls a cover, `_class: lead`, may say more: its credits, a link)
            or len(lines) > (8 if first.lead or first.cover else 4)
            or any(len(x) > 120 for x in lines)
            # (reveal-md's `title:` only names the HTML document, and Marp's its HTML or PDF one: the cover is
            # shown; a deck-wide `class: lead` makes no slide a cover over the lecture's own title)
            or (meta.title and meta.title != title and not (self.reveal or self.marp))
            or (first.title_level > 1 and any(id(b) not in self.marp_bg for b in pictures))
        ):  # (a `## Sunlight` slide with its picture is a slide: a cover's title is a `#` heading)
            return meta
        shown = [
            b
            for b in pictures
            if isinstance(b, m.Image) and not (id(b) in self.marp_bg and self.marp_bg[id(b)][1].colour)
        ]
        if first is not drafts[0] and not pictured:
            # (after a contents list it names the lecture, its title and authors, and stays a slide in its
            # place: Podium's title slide, the handout's cover, opens a deck)
            shown = []
        else:
            first.kind, first.body = m.TITLE, []
        if pictured:
            drafts.insert(0, drafts.pop(1))
            self.diags.note(
                "this slide's class makes it the title slide, as Marp draws it; Podium's title slide opens the "
                "deck, so the picture-only slide written before it comes second",
                first.pos,
                "title",
            )
        if shown:
            self.diags.warning(
                f"the title slide's picture '{_short(shown[0].src)}' is left out: Podium's title "
                "slide is the template's design",
                shown[0].pos,
                "background",
            )
        if self.marp and meta.title and meta.title != title:
            self.diags.note(
                f"the cover's heading '{_short(title, 80)}' is the title slide's and the lecture's title, as "
                f"Marp shows it; 'title: {_short(meta.title, 80)}' only names Marp's HTML or PDF document",
                m.SourcePos(self.shown, self.key_lines.get("title", 1)),
                "title",
            )
        # (a line repeating the front matter's author, institute or date: the title slide shows it once)
        lines = [x for x in lines if not _repeats_meta(x, meta)]
        lines, fuller = _fuller_author(lines, meta.authors)
        authors = fuller or meta.authors or ((m.Author(lines.pop(0)),) if lines else ())
        return replace(
            meta,
            title=title,
            subtitle=meta.subtitle or subtitle,
            authors=authors,
            institute=meta.institute or (lines.pop(0) if lines else ""),
            date=meta.date or "\n".join(lines),  # (its lines, as the slide shows them)
        )

    def _marp_bare(self, d: _SlideDraft) -> bool:
        """True while a Marp slide holds nothing but pictures (backgrounds, a logo) and notes: a heading is
        its title."""
        return all(id(b) in self.marp_bg or isinstance(b, m.Image) for b in d.body)  # (or a logo)

    def _marp_split(self, body: list) -> list:
        """A Marp slide's body with its split backgrounds (``![bg left:40%](…)``) as a column beside the rest."""
        if not self.marp_bg:
            return body
        body = self._marp_lifted(body)
        said = {id(b): self.marp_bg[id(b)][1] for b in body if id(b) in self.marp_bg}
        body = [b for b in body if id(b) not in said or not said[id(b)].colour]  # a colour: no picture
        sides = [k.side for k in said.values() if k.side]
        stacked = any(k.vertical for k in said.values())  # (`![bg vertical]`: one under another)
        if not sides:
            if stacked:
                body = _stacked([b for b in body if id(b) in said and not said[id(b)].colour], body)
            for b in m.walk(body):
                if id(b) in said:
                    self.diags.warning(
                        f"background picture '{_short(b.src)}' is shown as a picture on the slide, not "
                        "behind it",
                        b.pos,
                        "background",
                    )
            return body
        # every background of a split slide is in its picture column (Marp stacks them there)
        left = [b for b in body if id(b) in said and (said[id(b)].side or sides[0]) == "left"]
        right = [b for b in body if id(b) in said and (said[id(b)].side or sides[0]) == "right"]
        rest = [b for b in body if id(b) not in said]
        if stacked:
            left, right = _stacked(left, left), _stacked(right, right)
        if not rest:
            return left + right
        pos = (left or right)[0].pos
        shares = {
            side: next(said[id(b)].share for b in body if id(b) in said and said[id(b)].side == side)
            for side, pics in (("left", left), ("right", right))
            if pics and side in sides
        }
        columns = []
        if left:
            columns.append(m.Column(tuple(left), shares["left"]))
        columns.append(m.Column(tuple(rest), max(1.0 - sum(shares.values()), 0.1)))
        if right:
            columns.append(m.Column(tuple(right), shares["right"]))
        return [m.Columns(tuple(columns), pos)]

    def _marp_lifted(self, body: list) -> list:
        """``body`` with each background picture written inside another block (``![bg right:40%](…)`` right
        under a list, which Markdown reads as the last item's) after that block: Marp takes a slide's
        backgrounds out of it wherever they are written."""
        lifted = {
            id(n)
            for b in body
            for n in m.walk(b)
            if n is not b and isinstance(n, m.Image) and id(n) in self.marp_bg
        }
        if not lifted:
            return body
        out = []
        for b in body:
            inner = [n for n in m.walk(b) if n is not b and id(n) in lifted]
            kept = m.transform(b, lambda n: None if id(n) in lifted else n) if inner else b
            out += [*([kept] if kept is not None else []), *inner]
        return out

    def float_layouts(self, drafts: list[_SlideDraft]) -> None:
        """Lay out each slide of ``drafts`` around its floated pictures (:meth:`float_layout`)."""
        for d in drafts:
            d.body = self.float_layout(d)

    def float_layout(self, d: _SlideDraft) -> list:
        """A slide's body laid out around the pictures floated beside its text (``<img style="float:right">``,
        ``align="left"``): pictures floated to one side at the body's start make a picture-and-text slide,
        the pictures in a column on their side and the rest of the body in the other, as a browser shows
        it.  Any other float (later in the slide, in a list, on a slide already in columns) is drawn
        where it is written, with a warning."""
        if not self.floats:
            return d.body
        floats = [b for b in m.walk(d.body) if isinstance(b, m.Image) and id(b) in self.floats]
        if not floats:
            return d.body
        side = self.floats[id(d.body[0])][1] if id(d.body[0]) in self.floats else ""
        lead = 0
        while side and lead < len(d.body) and self.floats.get(id(d.body[lead]), (None, "", None))[1] == side:
            lead += 1
        rest = d.body[lead:]
        if (
            side
            and rest
            and d.kind == m.CONTENT
            and "columns-2" not in d.classes
            and not any(isinstance(b, m.Columns) for b in m.walk(d.body))
        ):
            pictures = d.body[:lead]
            wraps = [w for p in pictures if (w := self.floats[id(p)][2])]
            share = round(min(max(max(wraps), 0.15), 0.75), 3) if wraps else _float_share(pictures)
            text = m.Column(tuple(rest), round(1.0 - share, 3))
            picture = m.Column(tuple(_in_float_column(p, share) for p in pictures), share)
            laid = (picture, text) if side == "left" else (text, picture)
            honoured = {id(b) for b in pictures}
            for b in floats:
                if id(b) not in honoured:
                    self.float_not_drawn(b)
            return [m.Columns(laid, pictures[0].pos)]
        if len(d.body) > 1:  # (a picture alone on its slide has nothing to float beside)
            for b in floats:
                self.float_not_drawn(b)
        return d.body

    def float_not_drawn(self, image: m.Image) -> None:
        _, side, wrap = self.floats[id(image)]
        if wrap is not None:
            self.diags.warning(
                f"picture '{_short(unquote(image.src))}' is set {side} of the text by wrapfig; Podium sets it beside the "
                "text only where it starts the frame's content, so it is shown where it is written: put the "
                "wrapfigure first in its frame, before the text, for a picture-and-text slide",
                image.pos,
                "float",
            )
            return
        self.diags.warning(
            f"picture '{_short(image.src)}' floats {side} of the text in a browser; that float is not drawn "
            "(the picture is shown where it is written): put the picture first on its slide, before the "
            "text, for a picture-and-text slide",
            image.pos,
            "float",
        )

    def heading_title(self, node: SyntaxTreeNode) -> tuple[m.Inlines, Attrs | None]:
        """A heading's words and its attributes, read once: a heading is looked at as a slide's title
        before it is read as a heading inside one, and what reading says (inline code left out) is said
        once."""
        known = self.heading_titles.get(id(node))
        if known is not None and known[0] is node:
            return known[1]
        said = self._heading_title(node)
        self.heading_titles[id(node)] = (node, said)
        return said

    def _heading_title(self, node: SyntaxTreeNode) -> tuple[m.Inlines, Attrs | None]:
        inline = node.children[0] if node.children else None
        content = self.inlines(inline) if inline is not None else ()
        attrs = None
        if content and isinstance(content[-1], m.Text):
            rest, attrs = split_trailing_attrs(content[-1].text)
            if attrs is not None:
                content = content[:-1] + ((m.Text(rest.rstrip()),) if rest.strip() else ())
        return _trim_styled(_trim(content)), attrs

    def add_to_slide(self, slide: _SlideDraft, node: SyntaxTreeNode) -> None:
        self.adding_to = slide
        try:
            self._add_to_slide(slide, node)
        finally:  # `::: instructor` found inside other blocks is lifted out of them, never shown in place
            slide.instructor.extend(self.lifted_instructor)
            self.lifted_instructor = []
            self._flush_notes(slide)  # notes found inside other blocks (a comment in a list, \note)

    def marp_footers(self, slide: _SlideDraft, directives: dict, pos: m.SourcePos) -> None:
        """Marp's footer directives on ``slide``: a ``footer:`` on the first slide, when the front matter
        has none, is the deck's; any other is the footer of this slide and those after it, as Marp applies
        it; ``_footer:`` (``""`` hides it) of this slide only.  A ``header:`` is the same (the deck's header
        goes in front of its footer, :func:`with_header`: :meth:`_marp_footer_of`); a slide's own
        ``_header:`` is its title where it has none (:meth:`_marp_own_header`)."""
        deck = slide is self.marp_first
        if "header" in directives:
            words = marp_header_text(directives["header"], pos, self.diags)
            if deck and self.marp_header is None:
                self.marp_header = words
            else:  # (a later one holds from its slide on: the slides before it do not show it)
                self.marp_header_now = slide.running_header = words
        said = directives.get("footer")
        if "footer" in directives and (isinstance(said, str) or said is None):
            words = footer_words(said or "", pos, self.diags)
            if deck and self.marp_footer is None and not self.raw_meta.get("footer"):
                self.marp_footer = words  # the deck's footer
            else:
                self.marp_footer_now = slide.running_footer = words
        head = directives.get("_header")
        if isinstance(head, str) and head.strip():
            words = marp_header_text(head, pos, self.diags)
            slide.header = (words, pos) if words else None  # (a logo only: decoration)
        own = directives.get("_footer", ...)
        if own is not ...:
            slide.spot_footer = footer_words(own, pos, self.diags) if isinstance(own, str) else ""

    def _marp_footer_of(self, d: _SlideDraft, deck_footer: str) -> None:
        """Slide ``d``'s footer where Marp's directives (:meth:`marp_footers`) give it one of its own: the
        header in front of the footer words that hold on it (``deck_footer``: the deck's words)."""
        if d.running_header is None and d.running_footer is None and d.spot_footer is None:
            return  # (the deck's footer, with the deck's header)
        header = (self.marp_header or "") if d.running_header is None else d.running_header
        words = next((w for w in (d.spot_footer, d.running_footer) if w is not None), deck_footer)
        d.footer = with_header(header, words)

    def _marp_directives(self, slide: _SlideDraft, directives: dict, pos: m.SourcePos) -> None:
        """Marp's directives written on ``slide`` (a directive comment, or the front matter's spot
        directives on the first slide): its footer and header, and a class that makes it a statement
        (``lead``) or a cover (``title``, ``cover``, ``lead``)."""
        self.marp_footers(slide, directives, pos)
        named = str(directives.get("_class", directives.get("class", "")))
        slide.lead = slide.lead or "lead" in named.split()
        slide.cover = slide.cover or bool(set(named.split()) & (_TITLE_CLASSES - {"invert"}))

    def _marp_front_spots(self, first: _SlideDraft, raw_meta: dict) -> None:
        """The front matter's spot directives (``_class: lead``, ``_footer:``) on Marp's first slide, as Marp
        reads a front matter: as if written in a directive comment at the start of that slide."""
        spots = {k: v for k, v in raw_meta.items() if marp.is_spot_directive(k)}
        if spots:
            line = min(self.key_lines.get(k, 1) for k in spots)
            self._marp_directives(first, spots, m.SourcePos(self.shown, line))

    def _add_to_slide(self, slide: _SlideDraft, node: SyntaxTreeNode) -> None:
        if self.marp and node.type == "html_block" and is_comment(node.content):
            directives = marp.directives(node.content.strip()[4:-3])
            if directives is not None:
                self._marp_directives(slide, directives, self.pos(node))
            else:
                self.marp_comment(node.content, self.pos(node))
                self._flush_notes(slide)
            return
        if node.type == "fenced_div":
            classes = self.structural_classes(node)
            if "notes" in classes:
                slide.notes.extend(self.blocks(node.children))
                self._flush_notes(slide)
                return
            if "handout" in classes:
                slide.handout.extend(self.blocks(node.children))
                self._flush_notes(slide)
                return
            if "instructor" in classes:
                slide.instructor.extend(self.blocks(node.children))
                return
            if "footer" in classes:  # Quarto's (reveal.js's) footer of this slide, instead of the deck's
                slide.footer = " ".join(m.blocks_text(tuple(self.blocks(node.children))).split())
                return
        saved = self.incremental
        # `## Title {.nonincremental}`: this slide's lists appear at once, whatever the lecture says
        self.incremental = (saved or slide.incremental) and "nonincremental" not in slide.classes
        try:
            self.extend_blocks(slide.body, self.blocks([node]))
        finally:
            self.incremental = saved
        self._flush_notes(slide)

    def _flush_notes(self, slide: _SlideDraft) -> None:
        if self.pending_notes:
            slide.notes.extend(self.pending_notes)
            self.pending_notes = []

    def structural_classes(self, node: SyntaxTreeNode) -> tuple[str, ...]:
        """The div's classes, with a mistyped structural class (``::: note``) read as the one meant, warned
        (:func:`_classes_read`)."""
        written = parse_attrs(node.info).classes
        if self.css_divs:
            return tuple(written)
        read = _classes_read(written)
        for c, meant in zip(written, read, strict=True):
            if meant != c:
                self.diags.warning(
                    f"'::: {c}' is not a Podium class; read as '::: {meant}' (write '{meant}')",
                    self.pos(node),
                    "unknown-class",
                )
        near = _near_class(read[0]) if len(read) == 1 else None
        if near is not None:  # (`::: instructions`: shown, but a lecturer who meant `instructor` is told)
            self.diags.note(
                f"'::: {read[0]}' is not a Podium class: its content is shown in the deck and the handout "
                f"as any div's (for Podium's '::: {near}', write '{near}')",
                self.pos(node),
                "near-class",  # (not `unknown-class`: a note must not push its warnings into a count)
            )
        return read

    def _slide_footnotes(self, d: _SlideDraft) -> tuple[m.Blocks, tuple[m.Footnote, ...]]:
        """Renumber the footnotes referenced on slide ``d`` from 1 and return (body, footnotes)."""
        ids: list[int] = []
        body = tuple(d.body)
        for ref in _walk_refs(
            tuple(d.title) + body + tuple(d.notes) + tuple(d.handout) + tuple(d.instructor)
        ):
            if ref not in ids:
                ids.append(ref)
        if not ids:
            return body, ()
        mapping = {old: new for new, old in enumerate(ids, start=1)}
        d.title = _renumber(tuple(d.title), mapping)  # (a footnote on the title: `## Growth^[Source.]`)
        d.notes = list(_renumber(tuple(d.notes), mapping))
        d.handout = list(_renumber(tuple(d.handout), mapping))
        d.instructor = list(_renumber(tuple(d.instructor), mapping))
        footnotes = tuple(m.Footnote(mapping[i], _renumber(self.footnote_defs.get(i, ()), {})) for i in ids)
        return _renumber(body, mapping), footnotes

    # -- blocks
    def blocks(self, nodes) -> m.Blocks:
        out: list[m.Block] = []
        for node in nodes:
            self.extend_blocks(out, self.block(node))
        return tuple(out)

    def extend_blocks(self, out: list, got) -> None:
        """``out.extend(got)``, except that a `: caption {…}` paragraph (or a bare `{tbl-colwidths=…}`)
        right after a table becomes the table's caption and attributes."""
        got = list(got)
        if (
            len(got) == 1
            and isinstance(got[0], m.Paragraph)
            and out
            and isinstance(out[-1], m.Table)
            and got[0].content
            and isinstance(got[0].content[0], m.Text)
            and _CAPTION_AFTER.match(got[0].content[0].text)
        ):
            out[-1] = self.with_caption(out[-1], got[0].content)
            return
        if (  # pandoc's caption may stand above its table too: `Table: …` or `: …`, then the table
            got
            and isinstance(got[0], m.Table)
            and not got[0].caption
            and out
            and isinstance(out[-1], m.Paragraph)
            and out[-1].content
            and isinstance(out[-1].content[0], m.Text)
            and re.match(r"^(:\s|Table:\s)", out[-1].content[0].text)
        ):
            got[0] = self.with_caption(got[0], out.pop().content)
        out.extend(got)

    def definition_list(self, node: SyntaxTreeNode, pos: m.SourcePos) -> m.BulletList:
        """pandoc's definition list (``Term`` then ``: definition`` lines): each term a bold item, its
        definitions the items under it."""
        items: list[m.ListItem] = []
        self.in_list += 1
        try:
            for child in node.children:
                if child.type == "dt":
                    term = self.inlines(child.children[0]) if child.children else ()
                    items.append(
                        m.ListItem((m.Paragraph((m.Strong(term),), self.pos(child)),), self.pos(child))
                    )
                elif child.type == "dd" and items:
                    item = items[-1]
                    defs = [b for b in item.blocks[1:] if isinstance(b, m.BulletList)]
                    entry = m.ListItem(tuple(self.blocks(child.children)), self.pos(child))
                    sub = m.BulletList((*defs[0].items, entry) if defs else (entry,), self.pos(child))
                    items[-1] = replace(item, blocks=(item.blocks[0], sub))
        finally:
            self.in_list -= 1
        return m.BulletList(tuple(items), pos)

    def block(self, node: SyntaxTreeNode) -> list[m.Block]:
        t = node.type
        pos = self.pos(node)
        if t == "paragraph":
            return self.paragraph(node, pos)
        if t == "dl":
            return [self.definition_list(node, pos)]
        if t in ("bullet_list", "ordered_list"):
            self.in_list += 1
            self.item_lines.update(self.pos(li).line for li in node.children)  # (`- $$x$$`: see math_block)
            try:
                items = tuple(
                    m.ListItem(_fragment_item(_task(self.blocks(li.children))), self.pos(li))
                    for li in node.children
                )
            finally:
                self.in_list -= 1
            start = int(node.attrs.get("start", 1)) if t == "ordered_list" else 1
            if start < 1:
                self.diags.warning(
                    f"a list numbered from {start}: PowerPoint numbers from 1, so the deck (and the handout's "
                    "drawing of the slide) number it from 1",
                    pos,
                    "list-number",
                )
            # Marp: `*` bullets and `1)` numbers are fragmented lists, shown item by item
            fragmented = self.marp and node.markup in ("*", ")")
            if t == "bullet_list":
                items = tuple(_numbered_line(item) for item in items)
            meta = node.meta or {}
            delimiter = meta.get("delimiter") or (
                m.Delimiter.PAREN if t == "ordered_list" and node.markup == ")" else m.Delimiter.PERIOD
            )
            return [
                m.BulletList(
                    items,
                    pos,
                    ordered=t == "ordered_list",
                    start=start,
                    incremental=(self.incremental and self.items_depth in (None, self.in_list)) or fragmented,
                    numbering=meta.get("numbering", m.Numbering.DECIMAL),
                    delimiter=delimiter,
                )
            ]
        if t == "heading":
            title, attrs = self.heading_title(node)
            if self.adding_to is not None:  # (a link to this heading goes to its slide)
                self.adding_to.inner_ids += ((attrs.id if attrs is not None else None, m.plain_text(title)),)
            return [m.Heading(int(node.tag[1]), title, pos)]
        if t in ("fence", "code_block"):
            return self.code(node, pos)
        if t == "blockquote":
            kids = [c for c in node.children if c.type != "footnote_block"]
            if len(kids) == 1 and kids[0].type in ("bullet_list", "ordered_list") and not self.marp:
                # pandoc: a list alone in a block quote reverses the lecture's incremental setting
                if not self.quoted_list_noted:
                    self.quoted_list_noted = True
                    self.diags.note(
                        "a list alone in a block quote is shown "
                        + ("all at once" if self.incremental else "item by item")
                        + " (pandoc's rule for slides); write it without '>' for the lecture's usual way",
                        pos,
                        "quoted-list",
                    )
                saved, self.incremental = self.incremental, not self.incremental
                try:
                    return list(self.blocks(kids))
                finally:
                    self.incremental = saved
            return [self.quote(node, pos)]
        if t == "table":
            return [self.table(node, pos)]
        if t in ("math_block", "math_block_label"):
            return self.math_block(node.content, pos, line=node.map[0] + 1 if node.map else None)
        if t == "fenced_div":
            return self.div(node, pos)
        if t == "hr":
            return []
        if t == "html_block":
            return [_html_as_written(node, pos)] if self.html_as_text else self.html_block(node, pos)
        if t == "footnote_block":
            return []
        self.diags.warning(f"'{t}' content is not supported and was left out", pos, "unsupported")
        return []

    def html_block(self, node: SyntaxTreeNode, pos: m.SourcePos) -> list[m.Block]:
        """Keep the words (and the Markdown) of an HTML block; drop its tags, warning once per slide."""
        if is_comment(node.content):
            return self.html_comment(node.content, pos)
        if _BR_ONLY.fullmatch(node.content) or drawn_only(node.content):  # a `<br>` between blocks, or a
            return []  # rule or an empty box drawn for looks (`<hr color=…>`): nothing of the lecture's
        if _STYLE_ONLY.fullmatch(node.content):
            if not self.style_noted:
                self.style_noted = True
                self.diags.note(
                    "CSS in <style> is not used: the template styles the deck and the handout (see "
                    "'podium template')",
                    pos,
                    "style",
                )
            return []
        if _TABLE_BLOCK.fullmatch(node.content):
            table = html_table(node.content)
            if table is not None:
                grid = self.html_picture_grid(table, node, pos)
                return grid if grid is not None else [self.html_table_block(table, node, pos)]
        coloured = _COLOURED_BLOCK.fullmatch(node.content)
        if coloured and self.html_depth == 0:
            opening = read_inline_tag(coloured.group(1))
            colour = style_colour(opening.attrs.get("style", ""))
            if (
                colour
                and only_colour(opening.tag, opening.attrs)
                and f"<{opening.tag}" not in coloured.group(2)
            ):
                return self.coloured_blocks(coloured.group(2), colour, node, pos)
        unwrapped = self.html_wrapper(node, pos)
        if unwrapped is not None:
            return unwrapped
        if "<svg" in node.content.lower() and not (  # (a copy button's icon in a <pre>: no drawing)
            _PRE_BLOCK.fullmatch(node.content) and "<svg" not in _PRE_BUTTON.sub("", node.content).lower()
        ):
            self.svg_drawings(node.content, pos)
            if not _SVG_DRAWING.sub("", node.content).strip():  # (drawings only: said, no words to keep)
                return []
        links = self.embedded_media(node.content, pos)
        if links and _MEDIA_ONLY.fullmatch(node.content):
            return links
        if _only_line_breaks(node.content):  # (CommonMark's HTML block: a paragraph that begins with <br>)
            words = _LEADING_BREAKS.sub(lambda mt: "\n" * mt.group(0).count("\n"), node.content)
            return self.markdown_blocks(words, node.map[0] if node.map else pos.line - 1)
        pre = _PRE_BLOCK.fullmatch(node.content)
        if pre is not None:  # (a <pre>: code, its spaces and line breaks as written)
            code, language = _pre_code(pre)
            return [*links, m.CodeBlock(code, language, pos)] if code.strip() else links
        if not (
            _html_picture_alone(node.content)
            or pictures_and_links(node.content)
            or plain_html_list(node.content)
            or formatted_words(node.content)
        ):  # (a picture alone or centred, its figure or link, a list of words, words bold, coloured…)
            self.raw_html_seen(pos)
        self.pictures_without_address(node.content, pos)
        lost: list[tuple[str, str, int]] = []
        lines: list[int] = []  # (each line of its Markdown placed at its own line: a picture's warning)
        text = html_block_to_markdown(node.content, lost, lines)
        for at in dict.fromkeys(line for _, _, line in lost):  # (words a page shows, in what is not drawn)
            tags = ", ".join(f"<{t}>" for t in dict.fromkeys(t for t, _, k in lost if k == at))
            said = "; ".join(dict.fromkeys(w for _, w, k in lost if k == at))
            self.diags.warning(
                f"not drawn: {tags} (form controls and MathML); the words in them are left out "
                f"('{_short(said, 60)}')",
                replace(pos, line=pos.line + at),
                "left-out",
            )
        if not text.strip():
            return links
        if self.html_depth > 0:  # HTML left inside HTML: read again without the link tags Podium wrote
            text = _WRITTEN_LINK_TAG.sub("", text)  # (never shown as words: `<a href="…">`)
            if self.html_depth > 1:  # (and only once: then its words only)
                words = " ".join(_WRITTEN_FORMAT_TAG.sub("", text).split())
                return [*links, m.Paragraph((m.Text(words),), pos)]
        self.html_depth += 1
        try:
            return [*links, *self.markdown_blocks(text, node.map[0] if node.map else pos.line - 1, lines)]
        finally:
            self.html_depth -= 1

    def html_comment(self, comment: str, pos: m.SourcePos) -> list[m.Block]:
        """An HTML comment between blocks: reveal.js's ``<!-- .slide: data-background="…" -->`` a slide
        background, Marp's directives and notes read; never shown."""
        slide = _SLIDE_COMMENT.match(comment)
        if slide is not None:
            self.slide_id(slide.group(1))
            return self.background(_slide_attrs(slide.group(1)), pos, self.adding_to)
        self.marp_comment(comment, pos)
        return []

    def slide_id(self, text: str) -> None:
        """A ``.slide:`` comment's ``id="x"`` (reveal.js's; a remark slide's ``name: x`` without a heading):
        a link ``[…](#x)`` jumps to the slide it is on."""
        ident = read_inline_tag(f"<slide {text}>").attrs.get("id", "").strip()
        if ident and self.adding_to is not None:
            self.adding_to.inner_ids += ((ident, ""),)

    def html_wrapper(self, node: SyntaxTreeNode, pos: m.SourcePos) -> list[m.Block] | None:
        """An HTML block that is one ``<div>`` or ``<center>`` around the rest (``<div style="display:flex;
        justify-content:center">`` around a ``<table>``, as pandoc reads it: a div of blocks): what it holds,
        read as if written without it (a table a table, a picture a picture, a list a list), centred or
        set right where it says so; its other CSS and classes are not drawn (the usual ``raw-html``
        warning).  A block of several ``<p>`` or ``<div>`` elements one after another: each read as a block
        of its own (``<p style="color:red">A</p>`` ⏎ ``<p style="color:blue">G</p>``: each in its colour).
        None when the block is none of these."""
        siblings = _sibling_elements(node.content) if self.html_depth == 0 else []
        if len(siblings) > 1:
            return [
                b
                for at, html in siblings
                for b in self.html_block(_html_part(node, at, html), replace(pos, line=pos.line + at))
            ]
        wrapped = _WRAPPED.fullmatch(node.content) if self.wrappers < _MAX_WRAPPERS else None
        if (
            wrapped is None
            or not wrapped.group(3).strip()
            or not _balanced(wrapped.group(3), wrapped.group(1))
        ):
            return None
        tag = wrapped.group(1).lower()
        attrs = dict(read_inline_tag(f"<div{wrapped.group(2)}>").attrs)
        align, drawn = _wrapper_align(tag, attrs)
        if not drawn:
            self.raw_html_seen(pos)
        inner = wrapped.group(3)
        skipped = node.content.count("\n", 0, wrapped.start(3))
        run = (
            HtmlRun()
        )  # (its lines were HTML, never code: moved left as a fence standing for a tag moves them)
        text = "\n".join(run.unindented(line) for line in inner.split("\n"))
        self.wrappers += 1
        try:
            blocks = self.markdown_blocks(
                text, (node.map[0] if node.map else pos.line - 1) + skipped, list(range(text.count("\n") + 1))
            )
        finally:
            self.wrappers -= 1
        if align and any(isinstance(b, (m.Paragraph, m.Heading)) for b in blocks):
            return [m.Div(tuple(blocks), (), pos, align)]
        return blocks  # (a table or picture alone: the deck and the handout centre them anyway)

    def pictures_without_address(self, html: str, pos: m.SourcePos) -> None:
        """Say that each ``<img>`` of an HTML block without an address (``src``, ``data-src``: one a page's
        script fills in) is left out, with its alt text, so that no picture goes without a word."""
        for mt in re.finditer(r"<img\b[^>]*>", html, re.I):
            attrs = read_inline_tag(mt.group(0)).attrs
            if not picture_source(attrs):
                alt = " ".join(attrs.get("alt", "").split())
                said = f" (its alt text: '{_short(alt, 40)}')" if alt else ""
                self.diags.warning(
                    f"an <img> without an address (src) is left out{said}",
                    replace(pos, line=pos.line + html.count("\n", 0, mt.start())),
                    "bad-image",
                )

    def svg_drawings(self, html: str, pos: m.SourcePos) -> None:
        """Say that each ``<svg>`` drawing written in the Markdown is left out, with the words it holds
        (an HTML slide show draws it; Podium draws an SVG *file*, so the lecturer can save it as one)."""
        for mt in _SVG_DRAWING.finditer(html):
            words = " ".join(
                " ".join(re.sub(r"<[^>]*>", " ", unescape(t)).split()) for t in _SVG_TEXT.findall(mt.group(0))
            ).strip()
            said = f" and its words ({_short(words, 80)})" if words else ""
            self.diags.warning(
                f"an <svg> drawing written in the Markdown is left out{said}: save it as a .svg file and "
                "include that (![…](drawing.svg)), which Podium draws",
                replace(pos, line=pos.line + html.count("\n", 0, mt.start())),
                "not-rendered",
            )

    def embedded_media(self, html: str, pos: m.SourcePos) -> list[m.Block]:
        """A link for each web page, video or sound an HTML block embeds (``<iframe src>``, ``<video>``
        and its first ``<source>``, ``<audio>``, ``<embed>``), with a warning: a deck or a PDF cannot
        play them, and their address is what the lecturer needs in front of the class."""
        out: list[m.Block] = []
        seen: set[str] = set()
        waiting = ""  # a <video> or <audio> without src: its first <source> is its address
        for mt in _MEDIA_TAG.finditer(html):
            tag = read_inline_tag(mt.group(0))
            kind = _MEDIA_KINDS[tag.tag]
            url = (tag.attrs.get("src") or tag.attrs.get("data-src") or tag.attrs.get("data") or "").strip()
            if tag.tag == "source":
                if not waiting:
                    continue
                kind, waiting = waiting, ""
            elif not url and tag.tag in ("video", "audio"):
                waiting = kind
                continue
            if not url or url in seen:
                continue
            seen.add(url)
            self.diags.warning(
                f"the {kind} '{_short(url, 100)}' cannot be shown in a deck or a PDF; a link to it is on "
                "the slide instead",
                pos,
                "media",
            )
            title = " ".join((tag.attrs.get("title") or "").split())
            label = re.sub(r"([\\\[\]*_`<>])", r"\\\1", title)
            url = url.replace(" ", "%20")  # (an address with a space: a browser sends it so; a link has none)
            words = f"[{label}](<{url}>)" if label and "://" in url else f"<{url}>"
            out.extend(self.markdown_blocks(words if "://" in url else f"`{url}`", self.last_line - 1))
        return out

    def html_picture_grid(self, t: HtmlTable, node: SyntaxTreeNode, pos: m.SourcePos) -> list[m.Block] | None:
        """An HTML ``<table>`` whose cells hold pictures (``<td>![](a.png)</td>``, ``<td><img src=…></td>``),
        as HTML slides set pictures side by side: each row its cells side by side in columns (a row of
        one cell its blocks alone), each cell's pictures drawn and its words kept, as pandoc reads a
        cell's Markdown; the caption under the grid.  None for a table without pictures, with spanning
        cells, or with a header over cells most of which hold words (a table of data): a table then."""
        if not t.lines or not any(_CELL_PICTURE.search(c) for row in t.rows for c in row):
            return None
        body = [c for row in (t.rows[1:] if t.header else t.rows) for c in row if c.strip()]
        if t.header and 2 * sum(1 for c in body if _CELL_PICTURE.search(c)) < len(body):
            return None  # (a table of data with a header, a logo in a column: a table, its pictures' words)
        top = node.map[0] if node.map else pos.line - 1
        out: list[m.Block] = []
        for row, lines in zip(t.rows, t.lines):
            cells: list[tuple[m.Block, ...]] = []
            for text, line in zip(row, lines):
                markdown = _CELL_PICTURE.sub(_picture_paragraph, text.replace("</img>", ""))
                cells.append(
                    tuple(self.markdown_blocks(markdown, top + line - 1)) if markdown.strip() else ()
                )
            if not any(cells):
                continue
            if len(cells) == 1:
                out.extend(cells[0])
                continue
            out.append(m.Columns(tuple(m.Column(c, 1 / len(cells)) for c in cells), pos))
        if t.caption:
            out.append(m.Paragraph(_trim(self.inlines(self._reread(t.caption))), pos))
        return out

    def html_table_block(self, t: HtmlTable, node: SyntaxTreeNode, pos: m.SourcePos) -> m.Table:
        """An HTML ``<table>`` as a table: its first row the header (a header of ``<th>`` cells, or the
        first row where it has none), its cells' inline markup read as the reader reads any."""
        ncols = max(len(r) for r in t.rows)

        def cells(row: list[str]) -> tuple[m.TableCell, ...]:
            padded = row + [""] * (ncols - len(row))
            return tuple(
                m.TableCell(_trim(self.inlines(self._reread(c)))) if c.strip() else m.TableCell(())
                for c in padded
            )

        if t.spanned:
            self.diags.warning(
                "a cell of this HTML table spans columns or rows (colspan, rowspan): its words are in the "
                "first cell it spans, the others are left empty (Podium merges no cells)",
                pos,
                "table-span",
            )
        header, *rows = [cells(r) for r in t.rows]
        aligns = tuple(m.Align(a) if a in set(m.Align) else m.Align.NONE for a in t.aligns)
        table = m.Table(header, tuple(rows), aligns, self._table_widths(node, header, rows), pos)
        if t.caption:
            table = replace(table, caption=_trim(self.inlines(self._reread(t.caption))))
        return table

    def coloured_blocks(
        self, inner: str, colour: str, node: SyntaxTreeNode, pos: m.SourcePos
    ) -> list[m.Block]:
        """``<div style="color:red">…</div>`` (or ``<p>``): its Markdown, each paragraph's words in that
        colour; a block of another kind inside keeps the template's colour, with the usual warning."""
        self.html_depth += 1
        try:
            blocks = self.markdown_blocks(
                html_block_to_markdown(inner), node.map[0] if node.map else pos.line - 1
            )
        finally:
            self.html_depth -= 1
        out: list[m.Block] = []
        for b in blocks:
            if isinstance(b, m.Paragraph):
                out.append(replace(b, content=(m.Span(b.content, (), colour),)))
            else:
                self.raw_html_seen(pos)
                out.append(b)
        return out

    def raw_html_seen(self, pos: m.SourcePos) -> None:
        if self.html_warned != self.slide_serial:
            self.html_warned = self.slide_serial
            self.diags.warning(
                "raw HTML is not rendered: its tags are dropped and its text kept (one warning per slide)",
                pos,
                "raw-html",
            )

    def math_block(
        self, source: str, pos: m.SourcePos, alone: bool = True, line: int | None = None
    ) -> list[m.Block]:
        """Display math (``source`` as written between its dollars, whose first ``$$`` is on ``line`` of
        the parsed text, if known: an overlay command's note names its own line).  In a list item, math on
        lines of its own (``$$`` ending its line, or a paragraph under the item's words) is a display
        equation, as pandoc and KaTeX draw it, and so is math among the item's words (not ``alone``);
        ``- $$E = mc^2$$`` alone on the marker's line stays in it (the bullet holds it)."""
        step = MATH_STEPS.search(source) if line is not None and "\\" in source else None
        steps_pos = self.mapped(line + source.count("\n", 0, step.start())) if line and step else None
        tex = self.math_tex(source.strip(), pos, steps_pos)
        if tex is None:
            return []
        if alone and self.in_list and "\n" not in source.strip(" \t") and pos.line in self.item_lines:
            return [m.Paragraph((tex if isinstance(tex, m.Code) else m.InlineMath(tex),), pos)]
        # (its \pause: a click after it, for what follows; the display itself comes whole, with a note)
        pauses = [m.Pause(pos, int(mt.group(1) or 0)) for mt in _PAUSE.finditer(source)][-1:]
        if isinstance(tex, m.Code):
            return [m.CodeBlock(tex.text, "text", pos), *pauses]
        return [m.MathBlock(tex, pos), *pauses]

    def inline_cells_in_math(self, tex: str, pos: m.SourcePos) -> str:
        """``tex`` with its inline code to run (knitr's `` `r x` ``, whose value MathJax would have been
        given) as the code's words in typewriter letters, noted for the ``inline-code`` warning: Podium
        runs no code (a front matter's value, `` `r params$n` ``, is put in)."""

        def one(mt: re.Match) -> str:
            code = mt.group(1)
            if quarto.inline_cell(code, self.knitr) is None:
                return mt.group(0)
            known = quarto.r_metadata(code, self.raw_meta)
            if known is not None:
                return "\\text{" + _TEXT_SPECIALS.sub(r"\\\1", known) + "}"
            self.inline_cells.append((code, pos))
            self.inline_cells_shown += 1
            shown = re.sub(r"^(?:r|\{\s*[A-Za-z][\w-]*\s*\})\s+", "", code.strip())
            return "\\texttt{" + _TEXT_SPECIALS.sub(r"\\\1", shown) + "}"

        return _INLINE_CELL_IN_MATH.sub(one, tex)

    def math_tex(
        self, tex: str, pos: m.SourcePos, steps_pos: m.SourcePos | None = None
    ) -> str | m.Code | None:
        """Return ``tex`` with the lecture's macros expanded; None when it only defines macros; Code when
        unreadable.  ``steps_pos``: where the note on its overlay steps goes, if not at ``pos``."""

        if not tex.strip():
            return None
        if "\\" in tex and (step := MATH_STEPS.search(tex)) is not None:  # (before the escapes are read:
            self.steps_at_once(tex, step.group(0), steps_pos or pos)  # `\onslide<2->{ &\le c \\}`: no \{)
            tex = overlays_shown(tex)
        if _MARKDOWN_ESCAPED_MATH.search(tex) or (
            (self.marked_math or self.remark_math) and "\\\\\\\\" in tex
        ):
            # `_\{…\}`, or a reveal.js or remark deck's rows ended `\\\\`: written for a Markdown that
            # unescapes math
            tex = re.sub(r"\\([\\{}_*#])", r"\1", tex)
        elif (
            self.remark_math and "\\_" in tex
        ):  # `e\_i^2`: written so that remark's Markdown reads no emphasis
            tex = re.sub(r"(?<!\\)((?:\\\\)*)\\_", r"\1_", tex)
        if "`" in tex:
            tex = self.inline_cells_in_math(tex, pos)
        if "\\" in tex or any(("\\" + d) in tex for d in ("newcommand", "renewcommand", "def", "Declare")):
            defs, rest = definitions_in_math(tex)
            if defs:
                self.macros.update(defs)
                if not rest:
                    return None
                tex = rest
        expanded = expand_macros(tex, self.macros)
        if self.katex_macros and "\\" in expanded:  # (\R, \Z: KaTeX's own, after the deck's)
            expanded = expand_macros(expanded, KATEX_MACROS)
        expanded = _MATH_LABELS.sub("", expanded).strip()  # numbering is LaTeX's
        if "\\" in expanded and any("\\" + name in expanded for name in SIUNITX):
            from . import siunits  # noqa: PLC0415 (only lectures with units pay for its tables)

            expanded = siunits.in_math(expanded)  # \SI{9.81}{\metre}, \ce{H2O}: the math they print
        if (
            "\\col" in expanded or "\\textcol" in expanded
        ):  # (LaTeX's colour names and mixes, the lecture's own)
            expanded = texcolours.math_colours(expanded, self.colours)
        if "\\" in expanded and (step := MATH_STEPS.search(expanded)) is not None:
            self.steps_at_once(tex, step.group(0), pos)
            expanded = overlays_shown(expanded)
        if not readable(expanded):
            unknown = unknown_command(expanded)
            why = f"'{unknown}' is not a command Podium knows" if unknown else "it cannot be read"
            self.diags.warning(f"math '{_short(tex)}' is shown as its TeX source: {why}", pos, "math")
            return m.Code(tex)
        return expanded

    def steps_at_once(self, tex: str, step: str, pos: m.SourcePos) -> None:
        """A note that the equation ``tex``, which beamer shows in steps (``step``: its first overlay command),
        is shown whole."""
        self.diags.note(
            f"equation '{_short(tex)}': its overlay steps ('{step}'…) are shown at once, as on the frame's last "
            "step (an equation cannot come in clicks)",
            pos,
            "overlay-steps",
        )

    def paragraph(self, node: SyntaxTreeNode, pos: m.SourcePos) -> list[m.Block]:
        inline = node.children[0] if node.children else None
        if inline is None:
            return []
        if inline.content.strip() in (". . .", "\\pause"):  # beamer's \pause: a click, as `. . .`
            return [m.Pause(pos)]
        fragment = _FRAGMENT_ITEM.match(inline.content) if "\\pause[fragment" in inline.content else None
        if fragment is not None:  # (a list item of reveal.js's that is a fragment: _fragment_item)
            rest = inline.content[fragment.end() :]
            words = self._reread(rest) if rest.strip() else None
            if words is not None:
                assert words.token is not None
                words.token.content = rest
            order = int(fragment.group(1)) if fragment.group(1) else None
            shown = self.paragraph_words(words, pos) if words is not None else []
            return [m.Div(tuple(shown), ("fragment", _ITEM_FRAGMENT), pos, order=order)]
        content, cuts = self.paragraph_pauses(node, inline.content, pos)
        starts = [0, *(mt.end() for mt in cuts)]
        parts = [content[a : b.start()] for a, b in zip(starts, cuts)] + [content[starts[-1] :]]
        steps = [mt.group(1) for mt in cuts]
        if len(parts) > 1:
            # beamer's \pause inside a paragraph or an item (`\item A \pause`, a line of its own): a click
            out: list[m.Block] = []
            for n, part in enumerate(parts):
                if n:
                    out.append(m.Pause(pos, int(steps[n - 1] or 0)))
                if part.strip():
                    words = self._reread(part.strip())
                    assert words.token is not None
                    words.token.content = part.strip()
                    at = starts[n] + len(part) - len(part.lstrip())  # (its words' line: their messages')
                    lines = content.count("\n", 0, at)
                    here = self.mapped(node.map[0] + 1 + lines) if lines and node.map else pos
                    out.extend(self.paragraph_words(words, here))
            return out
        self.table_not_read(node, inline.content, pos)
        self.headings_without_space(node)
        return self.paragraph_words(inline, pos)

    def paragraph_pauses(
        self, node: SyntaxTreeNode, content: str, pos: m.SourcePos
    ) -> tuple[str, list[re.Match]]:
        """A paragraph's ``content`` and the ``\\pause``s it is cut at: one inside math (``\\[ … = \\pause \\]``,
        an align's rows) is a click after that math, which comes whole, as it does on beamer's step of the
        pause when the pause ends it; one before more of the math shows that too at once, with a note at
        the pause's line."""
        spans = list(_MATH_SPAN.finditer(content)) if "$" in content else []
        if not any("\\pause" in span.group(0) for span in spans):
            return content, list(_PAUSE.finditer(content))
        out, at = [], 0
        for span in spans:
            inner = list(_PAUSE.finditer(content, span.start(), span.end()))
            if not inner:
                continue
            math, last = [], span.start()
            for mt in inner:
                math.append(content[last : mt.start()])
                last = mt.end()
                if _MATH_SPAN_END.fullmatch(content, mt.end(), span.end()) is None:
                    line = content.count("\n", 0, mt.start())
                    here = self.mapped(node.map[0] + 1 + line) if node.map else pos
                    self.steps_at_once(span.group(0).strip("$"), mt.group(0), here)
            math.append(content[last : span.end()])
            out.append(content[at : span.start()] + "".join(math) + inner[-1].group(0))
            at = span.end()
        content = "".join(out) + content[at:]
        spans = list(_MATH_SPAN.finditer(content))
        return content, [
            mt for mt in _PAUSE.finditer(content) if not any(s.start() < mt.start() < s.end() for s in spans)
        ]

    def span_fragments(self, blocks: Sequence[m.Block]) -> list[m.Block]:
        """``blocks`` with each paragraph or heading that holds fragment spans (reveal.js's ``[w]{.fragment}``,
        ``<span class="fragment">``, Marp's ``<span data-marpit-fragment>``) made a fragment div of its own (the click of its ``fragment-index``),
        in a list item, a div or a column too.  PowerPoint builds whole paragraphs: one with words outside
        its fragment comes on the click whole, with a warning.  A fragment in a quote or a table is shown
        from the start, with a warning."""
        out: list[m.Block] = []
        for b in blocks:
            if isinstance(b, (m.Paragraph, m.Heading)):
                out.append(self.paragraph_fragment(b))
            elif isinstance(b, m.BulletList):
                items = tuple(replace(i, blocks=tuple(self.span_fragments(i.blocks))) for i in b.items)
                out.append(replace(b, items=items))
            elif isinstance(b, (m.Div, m.SlidesOnly)):
                out.append(replace(b, blocks=tuple(self.span_fragments(b.blocks))))
            elif isinstance(b, m.Columns):
                cols = tuple(replace(c, blocks=tuple(self.span_fragments(c.blocks))) for c in b.columns)
                out.append(replace(b, columns=cols))
            else:
                if _fragment_spans(m.walk(b)):
                    kind = (
                        "a quote" if isinstance(b, m.Quote) else "a table" if isinstance(b, m.Table) else "it"
                    )
                    self.diags.warning(
                        f"a {self.fragment_spelling()[0]} span in {kind} is shown from the start, not on a "
                        "click (make it a paragraph or a list item of its own to have it come on a click)",
                        b.pos,
                        "fragment",
                    )
                out.append(b)
        return out

    def title_fragments(self, title: m.Inlines, pos: m.SourcePos) -> m.Inlines:
        """A slide's ``title`` with its fragment spans shown from the start, with one warning: a title
        cannot come on a click in PowerPoint (nor in part of one)."""
        spans = _fragment_spans(m.walk(title))
        if not spans:
            return title
        self.diags.warning(
            f"'{_short(m.plain_text(title), 50)}': the {self.fragment_spelling()[0]} span in this slide's "
            "title is shown from the start, not on a click (a title cannot be built in PowerPoint); put "
            "the words in the slide's text to have them come on a click",
            pos,
            "fragment",
        )
        return _unfragmented(title)

    def restyled_fragments(self, number: int, body: Sequence[m.Block]) -> None:
        """One note for slide ``number`` whose ``body`` has reveal.js fragments that take words out or
        restyle them on a click (``.fade-in-then-out``, ``.fade-out``, ``.highlight-red``…): the deck's
        builds only bring words in, so those come in on their click and stay, or are shown from the start."""
        stay: dict[str, None] = {}
        shown: dict[str, None] = {}
        first: list[m.SourcePos] = []

        def visit(node: Any, clicked: bool, pos: m.SourcePos) -> None:
            pos = getattr(node, "pos", None) or pos
            classes = getattr(node, "classes", ()) if isinstance(node, (m.Div, m.Span)) else ()
            # (a span still marked fragment is one the reader showed from the start, and said so)
            if not (isinstance(node, m.Span) and "fragment" in classes):
                clicked = clicked or "fragment" in classes
                for style in classes:
                    if (
                        SHOWN_FRAGMENT in classes
                        and style in SHOWN_FRAGMENTS
                        or style in TAKEN_OUT_FRAGMENTS
                        and clicked
                    ):
                        (shown if style in SHOWN_FRAGMENTS else stay)[style] = None
                        first.append(pos)
            for child in m.children(node):
                visit(child, clicked, pos)

        for b in body:
            visit(b, False, b.pos)
        if not first:
            return
        said = []
        if stay:
            said.append(f"{_style_names(stay)} come in on their click and stay")
        if shown:
            said.append(f"{_style_names(shown)} are shown from the start, as they are before their click")
        self.diags.note(
            f"slide {number}: the deck's builds only bring words in; what reveal.js takes out or restyles on "
            f"a click is left as it came: {'; '.join(said)}",
            min(first, key=lambda p: p.line or 0),
            "fragment",
        )

    def fragment_spelling(self) -> tuple[str, str]:
        """(how the lecture's tool writes a fragment span, the tool), for the messages about them: Marp's
        ``<span data-marpit-fragment>``, Slidev's ``<v-click>`` inside a line, else reveal.js's
        ``[...]{.fragment}``."""
        if self.slidev:
            return ("<v-click>", "Slidev")
        return ("<span data-marpit-fragment>", "Marp") if self.marp else ("[...]{.fragment}", "reveal.js")

    def paragraph_fragment(self, b: m.Paragraph | m.Heading) -> m.Block:
        """``b`` as a fragment div when it holds fragment spans (see :meth:`span_fragments`), else ``b``."""
        spans = _fragment_spans(m.walk(b.content))
        if not spans:
            return b
        words = [x for x in b.content if not (isinstance(x, m.Text) and not x.text.strip())]
        said = _short(m.plain_text(b.content), 50)
        spelled, tool = self.fragment_spelling()
        if any(x not in spans for x in words):
            self.diags.warning(
                f"'{said}': the words around its {spelled} span come on the span's click too "
                f"({tool} shows them from the start), as PowerPoint builds whole paragraphs; put the "
                "fragment in a paragraph of its own to show them first",
                b.pos,
                "fragment",
            )
        elif len(spans) > 1:
            self.diags.warning(
                f"'{said}': its {len(spans)} {spelled} spans come on one click, the first's, as "
                "PowerPoint builds whole paragraphs; put each in a paragraph of its own for a click each",
                b.pos,
                "fragment",
            )
        orders = [s.order for s in spans if s.order is not None]
        shown = replace(b, content=_unfragmented(b.content))
        # (Slidev's <v-after> inside a line: on the click before it)
        after = ("with-previous",) if all("with-previous" in s.classes for s in spans) else ()
        return m.Div((shown,), ("fragment", *after), b.pos, order=min(orders) if orders else None)

    def headings_without_space(self, node: SyntaxTreeNode) -> None:
        """Warn about each line of a paragraph written as a heading without the space after its ``#``
        (``##Caveats``): pandoc and CommonMark read it as text, so the marks would be on the slide."""
        if self.tex_deck or self.html_depth or not node.map or "#" not in (node.children[0].content or ""):
            return
        for k in range(node.map[0], min(node.map[1], len(self.lines))):
            mt = _HEADING_WITHOUT_SPACE.match(self.lines[k])
            if mt is None:
                continue
            marks, rest = mt.group(1), _short(mt.group(2), 40)
            self.diags.warning(
                f"'{marks}{rest}' is not a heading: a heading needs a space after its '{marks}' (write "
                f"'{marks} {rest}'); it is shown as text, with its '{marks}'",
                self.mapped(k + 1),
                "heading",
            )

    def table_not_read(self, node: SyntaxTreeNode, text: str, pos: m.SourcePos) -> None:
        """Warn about each run of two or more of a paragraph's lines that all begin and end with ``|``: a
        pipe table the Markdown could not read (pandoc and remark do not either), shown as its text; one
        right under a line of text too (a valid table there is pandoc's paragraph text: the parser's note,
        :data:`podium.markdown.TABLES_AS_TEXT`, says so)."""
        lines = [ln.strip() for ln in text.split("\n")]
        piped = [len(ln) > 1 and ln[0] == "|" and ln[-1] == "|" for ln in lines]
        at = 0
        while at < len(lines):
            if not piped[at]:
                at += 1
                continue
            end = at
            while end < len(lines) and piped[end]:
                end += 1
            if end - at >= 2:
                self.pipe_lines_not_read(node, lines[at:end], at, pos)
            at = end

    def pipe_lines_not_read(self, node: SyntaxTreeNode, lines: list[str], at: int, pos: m.SourcePos) -> None:
        """Warn about the ``lines`` (the paragraph's from its ``at``-th) that look like a pipe table but were
        read as text, saying why."""
        if at:
            if not node.map or node.map[0] + at in self.env.get(TABLES_AS_TEXT, ()):
                return  # (a table pandoc reads as text only for its place: the parser's note)
            pos = self.mapped(node.map[0] + at + 1)
        cells = [c.strip() for c in lines[1][1:-1].split("|")]
        heads = len(lines[0][1:-1].split("|"))
        if not all(re.fullmatch(r":?-+:?", c) for c in cells if c) or not any(cells):
            why = "its second line is not a delimiter row of dashes (|---|:--:|) under the header"
        elif "" in cells:
            why = "its delimiter row (the second line) has an empty cell ('||')"
        elif len(cells) != heads:
            why = f"its header has {heads} cells but its delimiter row {len(cells)}"
        else:
            why = "a pipe table needs a delimiter row (|---|:--:|) under its header, one cell per column"
        if at and not self.env.get(TABLE_INTERRUPTS):
            why += ", and it needs a blank line before it (it is right under a line of text)"
        self.diags.warning(
            f"this looks like a table but is not read as one: {why}; it is shown as text", pos, "table"
        )

    def inline_line(self, pairs: list, k: int, first: int, pos: m.SourcePos) -> m.SourcePos:
        """Where the ``k``-th of a paragraph's inlines ``pairs`` is written: its own line, a line break or
        more below the paragraph's ``first`` line (parsed text), whose position is ``pos`` (a picture's
        warning names its own ``\\includegraphics`` line)."""
        below = sum(c.type in ("softbreak", "hardbreak") for c, _ in pairs[:k])
        if not below or not first or self.mapped(first) != pos:
            return pos
        at = self.mapped(first + below)
        return at if at.path == pos.path and at.line > pos.line else pos

    def paragraph_words(self, words: SyntaxTreeNode, pos: m.SourcePos) -> list[m.Block]:
        """A paragraph's inline node as blocks: its words, and the pictures and display math in it."""
        inline = self.strip_raw_tex(words, pos)
        if inline is None:
            return []
        kids = [
            c
            for c in inline.children
            if not (c.type == "text" and not c.content.strip()) and c.type not in ("softbreak", "hardbreak")
        ]
        if len(kids) == 1 and kids[0].type == "math_inline_double":  # `$$…$$` alone (an item's too)
            return self.math_block(kids[0].content, pos)
        out: list[m.Block] = []
        run: list[m.Inline | _HtmlMark] = []

        def words_so_far() -> None:
            """The words before a block that stands on its own (a picture, display math, a link to a
            video): a paragraph of their own, unless they are only spaces."""
            text = _trim(self.texts(run))
            if text and not _only_spacing(text):
                out.append(m.Paragraph(text, pos))
            run.clear()

        self.html_skip = []
        pairs = list(self._inline_children(inline))
        first = words.map[0] + 1 if words.map else 0

        def own_line(k: int) -> m.SourcePos:
            return self.inline_line(pairs, k, first, pos)

        # a paragraph of pictures only, each maybe wrapped in a link: each drawn, a link's carrying it
        pictures_only = all(
            c.type == "image" or _is_img_tag(c) or self.linked_picture(c) is not None
            for c, _ in pairs
            if not (c.type == "text" and not c.content.strip()) and c.type not in ("softbreak", "hardbreak")
        )
        unwrapped = 0  # (the length of a span's end, `]{.img-center}`, to drop from the text after a picture)
        for k, (child, attrs) in enumerate(pairs):
            if unwrapped and child.type == "text":
                child, unwrapped = _text_node(child.content[unwrapped:]), 0
            if pictures_only and (inner := self.linked_picture(child)) is not None:
                words_so_far()
                shown = (
                    self.image(*inner, own_line(k))
                    if inner[0].type == "image"
                    else self.html_image(read_inline_tag(inner[0].content).attrs, own_line(k))
                )
                if shown is not None:
                    linked = replace(shown, link=self.picture_link(str(child.attrs.get("href", ""))))
                    _, side, wrap = self.floats.pop(id(shown), (shown, "", None))
                    self.floated(linked, side, wrap)
                    shown = linked
                    out.append(m.Div((shown,), ("fragment",), pos) if "fragment" in attrs.classes else shown)
                continue
            if child.type == "text" and k and pairs[k - 1][0].type == "math_inline_double":
                # (`$$…$$.`: the full stop that ends the sentence goes with the equation, as TeX writes it)
                child = _text_node(_FOLLOWING_PUNCTUATION.sub("", child.content, count=1))
            if child.type == "html_inline" and not self.html_skip and not self.html_as_text:
                said = self.html_block_in_words(child, pos, own_line(k))
                if said:
                    words_so_far()
                    out.extend(said)
                if said is not None:
                    continue
            if child.type == "image":
                picture: m.Block = self.image(child, attrs, own_line(k))
                if id(picture) in self.marp_bg and not self.marp_bg[id(picture)][1].background:
                    continue  # (Marp's text colour, `![](red)`: no picture, the words around it go on)
                unwrapped = _unwrap_picture(run, pairs[k + 1][0] if k + 1 < len(pairs) else None)
                words_so_far()
                if attrs is not None and "fragment" in attrs.classes:  # ![](x.png){.fragment}: on a click
                    picture = m.Div((picture,), ("fragment",), pos)
                out.append(picture)
            elif child.type == "math_inline_double":
                # `$$…$$` in a paragraph is display math, as pandoc reads it: a line of its own (in a
                # list item's words too: an equation under them, as one on lines of its own is)
                close = _unwrap_span(run, pairs[k + 1][0] if k + 1 < len(pairs) else None)
                unwrapped = close.end() if close is not None else 0
                words_so_far()
                out.extend(self.math_in_words(pairs, k, pos, close))
            else:
                run.extend(self._inline(child, attrs))
        self.html_skip = []
        words_so_far()
        return out

    def html_block_in_words(
        self, child: SyntaxTreeNode, pos: m.SourcePos, line: m.SourcePos
    ) -> list[m.Block] | None:
        """What the inline HTML tag ``child`` among a paragraph's words shows on its own: a video's link
        (``<video src>``), a picture (``<img>``, at ``line``); [] for a tag that shows nothing there (a
        media end tag, a picture not shown); None for one that is read with the words."""
        tag = read_inline_tag(child.content)
        if tag.tag in _MEDIA_KINDS and tag.kind == "end":  # (its link is made at its start)
            return []
        if tag.tag in _MEDIA_KINDS and tag.kind in ("start", "empty"):  # <video src> in a line
            return self.embedded_media(child.content, pos) or None
        if tag.tag == "img" and tag.kind in ("start", "empty"):  # a picture, as it says: no warning
            pic = self.html_image(tag.attrs, line)
            return [pic] if pic is not None else []
        return None

    def math_in_words(
        self, pairs: list, k: int, pos: m.SourcePos, span: re.Match | None = None
    ) -> list[m.Block]:
        """The display math ``$$…$$`` that is ``pairs[k]`` among a paragraph's words, on a line of its own
        (the full stop after it goes with it); ``span``: the end (``]{.hi-red}``) of a span that holds it
        alone, whose classes it keeps, as a div's (remark's ``.hi-red[$$…$$]`` after words)."""
        nxt = pairs[k + 1][0] if k + 1 < len(pairs) else None
        after = (
            nxt.content[span.end() :]
            if span is not None and nxt is not None
            else (nxt.content if nxt else "")
        )
        stop = _FOLLOWING_PUNCTUATION.match(after) if nxt is not None and nxt.type == "text" else None
        below = sum(c.type in ("softbreak", "hardbreak") for c, _ in pairs[:k])  # (its own line)
        at = replace(pos, line=pos.line + below)
        blocks = self.math_block(
            pairs[k][0].content.strip() + (f"\\,{stop.group(1)}" if stop else ""), at, alone=False
        )
        if span is None or not blocks:
            return blocks
        attrs = parse_attrs(span.group(2))
        return [m.Div(tuple(blocks), attrs.classes, at, _div_align(attrs.classes, attrs.kv), attrs.order)]

    def linked_picture(self, node: SyntaxTreeNode) -> tuple[SyntaxTreeNode, Attrs] | None:
        """The picture a link holds and nothing else (``[![](x.png)](https://…)``, ``<a href=…><img …></a>``)
        with its attributes; None for any other node."""
        if node.type != "link":
            return None
        inner = [
            (c, a)
            for c, a in self._with_attrs(node.children)
            if not (c.type == "text" and not c.content.strip()) and c.type not in ("softbreak", "hardbreak")
        ]
        if len(inner) == 1 and (inner[0][0].type == "image" or _is_img_tag(inner[0][0])):
            return inner[0]
        return None

    def picture_link(self, href: str) -> str:
        """The address a click on a linked picture opens: a web address, vetted as a link's; "" for a
        relative address or a slide of the lecture (which the picture does not carry)."""
        found = self.link(href, ()) if not href.startswith("#") else []
        return found[0].url if found and isinstance(found[0], m.Link) else ""

    def html_image(self, attrs: dict[str, str], pos: m.SourcePos) -> m.Image | None:
        """An ``<img>`` as a picture, under the same path policy as ``![](…)``."""
        src = picture_source(attrs)
        alt = _XML_INVALID.sub("", attrs.get("alt", "")).strip()
        if not src:  # (a picture a page's script fills in: nothing to draw, but not lost without a word)
            said = f" (its alt text: '{_short(alt, 40)}')" if alt else ""
            self.diags.warning(f"an <img> without an address (src) is left out{said}", pos, "bad-image")
            return None
        path = self._resolve(src, pos, what="picture")
        width = _length(_px(attrs.get("width")), pos, self.diags)
        height = _length(_px(attrs.get("height")), pos, self.diags) if not width else None
        if not alt and path is not None:
            self.diags.warning(f"picture '{src}' has no alt text for screen readers", pos, "no-alt")
        image = m.Image(
            src, path, (), alt, pos, width, height
        )  # alt text, not a caption: HTML never shows it
        self.floated(image, picture_float(attrs))
        return image

    def strip_raw_tex(self, inline: SyntaxTreeNode, pos: m.SourcePos) -> SyntaxTreeNode | None:
        """Take raw TeX out of a paragraph: ``\\note{…}`` to the notes, macro definitions to the math, the rest
        dropped with a warning at its line.  Return the paragraph's inline node re-read (as it was when it
        holds no TeX command), or None when empty."""
        if "\\" not in inline.content or not re.search(r"\\[A-Za-z]", inline.content):
            return inline
        # a header macro whose arguments go on over lines (the line pass left it): put in place
        content = self.with_text_macros(inline.content)
        # {\\tiny words} and \\tiny{words}: the words
        src = date_numbers(opened_switch_groups(switched_groups(content)))
        first = self.last_line
        pieces = find_raw_tex(src)
        if not pieces:
            return inline if src == inline.content else self._reread(src)
        kept: list[str] = []
        last = 0
        linked = _link_text_spans(src) if "](" in src or "][" in src else []
        for piece in pieces:
            kept.append(src[last : piece.start])
            last = piece.end
            raw = first + src.count("\n", 0, piece.start)  # the line in the parsed text
            line = self.mapped(raw)
            if piece.name == "note" and piece.args:
                tokens = markdown_parser().parse(piece.args[-1], {})
                for tok in tokens:
                    if tok.map:
                        tok.map = [raw - 1, raw]
                self.pending_notes.extend(self.blocks(SyntaxTreeNode(tokens).children))
                continue
            if piece.name.rstrip("*") in {d.rstrip("*") for d in DEFINERS}:
                d = macro_definition(piece)
                if d is not None:
                    self.macros[d[0]] = d[1]
                    continue
            if self.unknown_emoji(piece, line):
                continue
            self.unknown_ipa(piece, line)
            markup = tex_as_markup(piece, self.colours)
            if markup is not None:  # \textbf{…} and its kin: the Markdown/HTML that draws the same
                self.picture_left_out(piece, line)
                kept.append(markup)
                continue
            if self.layout_only(piece, line) or self.setup_only(piece, line):
                kept.append(" " if piece.name.rstrip("*") in _HORIZONTAL_SPACES else "")  # (`a\hspace{1em}b`)
                continue
            if piece.name == "onslide" and not piece.args:  # (beamer's bare \onslide: what follows is shown
                continue  # on every step, as a deck shows it; it prints nothing)
            if piece.name == "onslide" and "{" not in piece.kinds:  # (`A \onslide<2-> B`: prints nothing)
                self.diags.warning(
                    f"raw TeX '\\onslide<{piece.args[-1]}>' inside a line: the words after it are shown from "
                    "the start (an \\onslide that begins its line comes on its click)",
                    line,
                    "raw-tex",
                )
                continue
            if piece.name in _TEX_TEXT and piece.args:
                kept.append(piece.args[-1])
                self.diags.warning(
                    f"raw TeX '{_text_command(piece)}' is not rendered; its text is kept", line, "raw-tex"
                )
                continue
            if any(a <= piece.start < b for a, b in linked):  # [\link{words}](…): the link, with the words
                kept.append(self.link_words(piece, line))
                continue
            if (words := self.unknown_command_words(piece, line)) is not None:
                kept.append(words)
                continue
            self.diags.warning(
                f"raw TeX '{_short(piece.source)}' is left out (slides show no raw TeX)", line, "raw-tex"
            )
            last = _empty_bold_dropped(kept, src, last)
        kept.append(src[last:])
        text = "".join(kept)
        if not text.strip():
            return None
        return self._reread(text)

    def picture_left_out(self, piece: RawPiece, pos: m.SourcePos) -> None:
        """Warn that the picture in raw TeX ``piece`` read as its words (``\\centerline{\\includegraphics{f}}``
        among words, in a list item or a heading) is left out, as a bare ``\\includegraphics`` there is."""
        if piece.name != "includegraphics" and "\\includegraphics" in piece.source:
            self.diags.warning(
                f"raw TeX '{_short(piece.source)}' is left out (slides show no raw TeX); a picture is drawn "
                "where its \\includegraphics is on a line of its own",
                pos,
                "raw-tex",
            )

    def unknown_ipa(self, piece: RawPiece, pos: m.SourcePos) -> None:
        """Warn about the commands in a ``\\textipa{…}`` that print nothing in its transcription (neither
        tipa's nor holding words: :func:`tipa.unknown`)."""
        if piece.name != "textipa" or not piece.args:
            return
        names = tipa.unknown(piece.args[-1])
        if names:
            self.diags.warning(
                ", ".join("\\" + n for n in names)
                + " in \\textipa: not a tipa command Podium knows, so it is "
                "left out of the transcription",
                pos,
                "raw-tex",
            )

    def ipa_checked(self, piece: RawPiece) -> str | None:
        """:func:`tex_as_markup` of ``piece``, a ``\\textipa``'s unknown commands warned about first."""
        self.unknown_ipa(piece, self.pos(None))
        return tex_as_markup(piece, self.colours)

    def unknown_emoji(self, piece: RawPiece, pos: m.SourcePos) -> bool:
        """Whether raw TeX ``piece`` names an emoji Podium does not know (``\\twemoji{…}``, ``\\emoji{…}``):
        left out, with a warning (its name is no words of the slide)."""
        if piece.name not in emojis.TEX_COMMANDS or "{" not in piece.kinds or not piece.args:
            return False
        name = piece.args[-1]
        if emojis.named(name) is not None:
            return False
        self.diags.warning(
            f"emoji '{_short(name, 40)}' (\\{piece.name}) is not a name Podium knows (a Unicode name such as "
            "'check mark button', a GitHub one such as 'white_check_mark', or code points such as '1f604'): "
            "left out",
            pos,
            "unknown-emoji",
        )
        return True

    def link_words(self, piece: RawPiece, pos: m.SourcePos) -> str:
        """The words of raw TeX ``piece`` in a link's text (``[\\link{r.slmc.fr}](…)``, a macro Podium does not
        know): its last argument's, as inside ``\\textbf{…}``; the link is kept (with its address for words
        when none are left: :meth:`link`), and a warning says so."""
        braced = [a for a, k in zip(piece.args, piece.kinds) if k == "{"]
        words = _tex_words(braced[-1]) if braced else ""
        if words.strip():
            said = (
                f"raw TeX '\\{piece.name}{{…}}' in a link's text is not rendered; its words are kept, linked"
            )
        else:
            said = (
                f"raw TeX '{_short(piece.source)}' in a link's text is left out (slides show no raw TeX); the "
                "link is kept, its address shown where it has no other words"
            )
        self.diags.warning(said, pos, "raw-tex")
        return words

    def unknown_command_words(self, piece: RawPiece, pos: m.SourcePos) -> str | None:
        """In a beamer deck, the words of a command Podium does not know whose argument is text
        (``\\muted{Data as used in …}``, a macro of a theme file it cannot see; over lines too), without
        the command's look, with a warning saying so; None for any other raw TeX (a setting, a name, a
        label, a command that prints none of its argument: :data:`_WORDLESS`)."""
        if (
            not self.tex_deck
            or piece.name in _WORDLESS
            or piece.name in ("begin", "end")
            or piece.name.startswith(("if", "If"))  # (a conditional prints one branch: \ifstrempty{…}{}{…})
            or "{" not in piece.kinds
        ):
            return None
        said = [
            words
            for arg, kind in zip(piece.args, piece.kinds)
            if kind == "{" and _reads_as_words(words := _tex_words(arg, self.colours))
        ]
        if not said:
            return None
        self.diags.warning(
            f"raw TeX '\\{piece.name}' is not known: its argument's words are kept, without the command "
            "and its braces",
            pos,
            "raw-tex",
        )
        return " ".join(  # (a line break in it, `\\` written as Markdown's, still breaks the line)
            "\\\n".join(" ".join(line.split()) for line in _HARD_BREAK.split(words)) for words in said
        )

    def with_text_macros(self, text: str) -> str:
        """``text`` with the header's text macros put in place (their uses the line pass left: arguments
        over lines, :func:`podium.beamer.text_with_macros`)."""
        if not self.text_macros or "\\" not in text:
            return text
        return _beamer_module().text_with_macros(text, self.text_macros)

    def layout_only(self, piece, pos: m.SourcePos) -> bool:
        """Whether raw TeX ``piece`` only sets spacing or type size (``\\smallskip``, ``\\vfill``,
        ``\\vspace{1em}``, ``\\tiny``), which the template sets on a slide: left out, said once per
        lecture in a note (not a warning a line: a beamer deck has dozens)."""
        if piece.name.rstrip("*") not in _LAYOUT_TEX or "[" in piece.kinds:  # (\hspace*{1em} too)
            return False
        if not self.layout_tex_noted:
            self.layout_tex_noted = True
            self.diags.note(
                f"'\\{piece.name}' and the like (\\smallskip, \\vfill, \\vspace, \\vline, \\tiny…) set beamer's "
                "spacing, rules and type sizes; a slide's are the template's, so they are left out",
                pos,
                "raw-tex",
            )
        return True

    def setup_only(self, piece, pos: m.SourcePos) -> bool:
        """Whether raw TeX ``piece`` only sets up how beamer draws (``\\tikzstyle{x} = […]``, ``\\tikzset``,
        ``\\lstset``, ``\\definecolor``, ``\\setbeamercolor``…), which prints nothing: left out, said once
        per lecture in a note."""
        if piece.name not in _SETUP_TEX and not piece.name.startswith("setbeamer"):
            return False
        if piece.name in texcolours.COLOUR_DEFINERS:  # (a colour the words after it may be drawn in)
            self.define_colour(piece)
            return True
        if not self.setup_tex_noted:
            self.setup_tex_noted = True
            self.diags.note(
                f"'\\{piece.name}' and the like (\\tikzset, \\lstset, \\definecolor, \\setbeamercolor, \\metroset…) set up "
                "how beamer draws and print nothing; a slide's look is the template's, so they are left out",
                pos,
                "raw-tex",
            )
        return True

    def _reread(self, text: str) -> SyntaxTreeNode:
        """A paragraph's inline node for ``text`` (what is left once its raw TeX is taken out)."""
        tokens = markdown_parser().parseInline(text, self.env)

        root = SyntaxTreeNode(
            [
                Token("paragraph_open", "p", 1),
                Token("inline", "", 0, children=tokens[0].children),
                Token("paragraph_close", "p", -1),
            ]
        )
        return root.children[0].children[0]

    def raw_output(self, fmt: str, pos: m.SourcePos) -> None:
        """A raw block or inline for ``fmt``: left out; said for each line it is on, so that every slide
        that lost something can be found (the report counts repeats; PowerPoint's own XML cannot be
        trusted into the deck, TeX and HTML are other outputs')."""
        if (fmt.lower(), pos.line) not in self.raw_formats:
            self.raw_formats.add((fmt.lower(), pos.line))
            self.diags.warning(
                f"raw '{fmt}' content (`{{={fmt}}}`) is for another output; left out of both",
                pos,
                "raw-format",
            )

    def cell(
        self, node: SyntaxTreeNode, info: str, cell: str, pos: m.SourcePos, live: bool = False
    ) -> list[m.Block]:
        """A code cell of Quarto or knitr (```` ```{r} ````): its code shown (unless hidden), the pictures
        it includes; nothing is run.  A diagram cell (``{mermaid}``, ``{dot}``) is not code to read.
        ``live``: a quarto-live cell (``{webr}``), shown by its own options (:func:`quarto.live_code`)."""
        code = node.content.rstrip("\n").expandtabs(TAB_STOP)
        if live:
            shown, options = quarto.live_code(code, info, quarto.live_defaults(self.raw_meta, info))
        else:
            shown, options = quarto.cell_code(code, info, self.cell_defaults)
        refs = [] if live else quarto.ref_labels(info, options)
        reused = self.reused_code(refs)
        if (
            reused is not None
        ):  # (knitr's ref.label: the code of the chunks it names, run and shown as its own)
            code = reused
            shown = reused if shown is not None else None
        lines = str(options.get("code-line-numbers", ""))  # (`#| code-line-numbers: "2"`, as the fence's)
        if shown is not None and re.search(r"\d", lines):
            self.highlights_noted(f'code-line-numbers="{lines}"', pos)
        if (
            "opts_chunk$set" in code and not live and not quarto.off(options.get("eval"))
        ):  # knitr's defaults for
            # the chunks after it (echo = FALSE…), where the chunk is run (not one that shows how)
            self.cell_defaults.update(quarto.chunk_defaults(code))
        if "source" in code and not live and not quarto.off(options.get("eval")):
            for expr in quarto.sourced(code):  # (a setup chunk's `source("setup.R")`: its opts_chunk$set)
                self.cell_defaults.update(quarto.chunk_defaults(self.sourced_text(expr, pos)))
        calls = cellfigures.included(code) if cell == "r" and not live else None
        pictures = [] if live else self.cell_pictures(code, info, options, pos, calls)
        if cell in ("mermaid", "dot"):
            if not pictures and quarto.shows_output(options):
                self.diags.warning(
                    f"this {{{cell}}} diagram is not drawn (Podium runs no code): export it as a picture "
                    "(SVG or PNG) and include that",
                    pos,
                    "not-rendered",
                )
            return pictures
        # (its output, a plot, a table or printed values, which nothing here runs to show)
        output = cell not in quarto.STYLING_LANGS and quarto.hidden_output(
            code if calls is None else calls.rest, options
        )
        lost = not live and not pictures and output
        self.count_cell(shown, options, pos, lost)
        out: list[m.Block] = []
        if shown is not None and shown.strip():
            filename = " ".join(str(options.get("filename") or "").split())  # (`#| filename: run.py`)
            out.append(m.CodeBlock(shown, "text" if cell == "ojs" else cell, pos, filename=filename))
        if refs and not out and not pictures and quarto.output_allowed(options):
            self.reused_not_rendered(refs, reused is not None, pos)
        elif (
            not out and (not pictures or calls is not None) and output
        ):  # (what else a cell with include_graphics runs: its own output)
            self.diags.warning(
                "this hidden code cell's output (a plot, a table or printed values) is not shown: Podium "
                "runs no code; the figures an earlier render left on disk are shown when they are found",
                pos,
                "not-rendered",
            )
        return out + pictures

    def count_cell(self, shown: str | None, options: dict, pos: m.SourcePos, lost: bool) -> None:
        """Count a code cell for the ``code-cell`` note: shown (``shown``, its code) or hidden, and why; of
        the shown ones, those knitr does not run either (``eval: false``) and those whose output, a plot or
        printed values when run, is missing (``lost``)."""
        self.cells += 1
        self.first_cell_line = self.first_cell_line or pos.line
        if shown is None or not shown.strip():
            why = str(options.get(quarto.HIDDEN_BY) or "no code")
            self.hidden_by[why] = self.hidden_by.get(why, 0) + 1
            return
        self.cells_shown += 1
        if quarto.off(options.get("eval")):
            self.cells_unrun += 1
        elif lost:
            self.output_lost.append(pos)

    def reused_code(self, refs: list[str]) -> str | None:
        """The code of the chunks ``refs`` names (knitr's ``ref.label``), before or after this one; None
        when it names none, or one the lecture does not have."""
        if not refs:
            return None
        if self.chunk_codes is None:
            self.chunk_codes = quarto.chunk_codes(self.lines)
        codes = [self.chunk_codes.get(ref) for ref in refs]
        return "\n".join(c for c in codes if c is not None) if None not in codes else None

    def reused_not_rendered(self, refs: list[str], found: bool, pos: m.SourcePos) -> None:
        """Warn that a hidden chunk running other chunks' code (knitr's ``ref.label``) shows what that code
        draws or prints, which Podium cannot: it runs no code."""
        named = ", ".join(f"'{_short(ref, 40)}'" for ref in refs)
        which = f"chunk {named}" if len(refs) == 1 else f"chunks {named}"
        where = "" if found else f" ({which.split()[0]} not found in this file)"
        self.diags.warning(
            f"this hidden code cell runs the code of {which} (ref.label){where}; its output (a plot, a table "
            "or printed values) is not shown: Podium runs no code; the figures an earlier render left on disk "
            "are shown when they are found",
            pos,
            "not-rendered",
        )

    def sourced_text(self, expr: str, pos: m.SourcePos) -> str:
        """The text of the R file a chunk's ``source(expr)`` runs (:func:`sourced_text`)."""
        if self.policy is None:
            self.policy = PathPolicy([self.base_dir])
        return sourced_text(expr, pos, self.base_dir, self.policy, self.diags)

    def highlights_noted(self, said: str, pos: m.SourcePos) -> None:
        """A note, once a lecture (a deck of them says it once), that the code lines ``said`` highlights
        (Quarto's ``code-line-numbers="2-3|5"``, Slidev's ``{1-2|3}``) are shown without the highlight."""
        if not self.line_highlights_noted:
            self.line_highlights_noted = True
            self.diags.note(
                f"{_short(said, 30)} highlights lines in the slide show; the deck and the handout show the "
                "code without the highlight",
                pos,
                "code-lines",
            )

    def code(self, node: SyntaxTreeNode, pos: m.SourcePos) -> list[m.Block]:
        info = (node.info or "").strip()
        raw = _RAW_FORMAT.fullmatch(info) if node.type == "fence" else None
        if raw is not None:  # pandoc's raw block (```{=latex}): for that output only, never shown as code
            self.raw_output(raw.group(1), pos)
            return []
        live = quarto.live_language(info) if node.type == "fence" else None
        if live is not None:  # (quarto-live's {webr} and {pyodide}: their own options, run in the browser)
            return self.cell(node, info, live, pos, live=True)
        cell = quarto.cell_language(info) if node.type == "fence" else None
        if cell is not None:
            return self.cell(node, info, cell, pos)
        lang = ""
        first_line = None
        filename = ""
        if info.startswith("{"):
            attrs = parse_attrs(info)
            filename = " ".join(attrs.kv.get("filename", "").split())  # (Quarto's label above the code)
            lang = next((c for c in attrs.classes if c.lower() not in _NUMBER_LINES), "")
            lines = attrs.kv.get("code-line-numbers", "")
            if re.search(r"\d", lines):
                self.highlights_noted(f'code-line-numbers="{lines}"', pos)
            first_line = _first_line_number(attrs, pos, self.diags)
        elif info:
            # (Slidev writes its marks with or without a space: ```ts{2,3}, ```mermaid{theme: 'dark'})
            word = info.split()[0].split("{", 1)[0]
            lang = word.lstrip(".")
            marks = _fence_marks(info[len(word) :])
            if marks.highlight:
                self.highlights_noted(marks.highlight, pos)
            numbered = marks.lines if marks.lines is not None else self.raw_meta.get("lineNumbers") is True
            if numbered:
                first_line = marks.start
        code = node.content.rstrip("\n").expandtabs(TAB_STOP)  # as pandoc does: no tab stops in a deck
        if node.type == "fence" and node.map and not _closes_fence(self.lines, node):
            self.unclosed_fence(node.map[0], pos)
        if lang == "chart":
            chart = self.chart(code, pos)
            return [chart] if chart is not None else []
        if lang == "mermaid":  # (Slidev, GitHub and reveal.js's plugins draw it; its words are kept)
            self.diags.warning(
                "this mermaid diagram is shown as its code (Podium draws no diagrams): export it as a "
                "picture (SVG or PNG) and include that",
                pos,
                "not-rendered",
            )
        return [m.CodeBlock(code, lang, pos, first_line, filename)]

    def unclosed_fence(self, line: int, pos: m.SourcePos) -> None:
        """Warn that the code fence at ``line`` (0-based) runs to the end of the file, at the line where
        its lecturer opened it: when the text pairs this fence with an earlier one that was not read as
        a fence, at that earlier one, whose closing fence this is."""
        opened = fence_opened_at(self.lines, line) if self.html_depth == 0 else None
        if opened is None:
            self.diags.warning(
                "code fence opened here is never closed; it runs to the end of the file",
                pos,
                "unclosed-fence",
            )
            return
        self.diags.warning(
            f"the fence at line {pos.line} that should close the code opened here opens a code block "
            "instead, which runs to the end of the file (is this fence indented four spaces or more, in a "
            "list item the closing fence is outside of, or with a backtick after its ```?)",
            self.mapped(opened + 1),
            "unclosed-fence",
        )

    def cell_pictures(
        self, code: str, info: str, options: dict, pos: m.SourcePos, calls: cellfigures.Included | None
    ) -> list[m.Block]:
        """The pictures a cell shows without being run (podium.cellfigures): its ``include_graphics``
        files (``calls``), or the figures an earlier render left on disk; none where the cell is not
        included."""
        if not quarto.shows_output(options):
            return []
        page = _INCLUDE_URL.match(code)
        if page is not None and "://" in page.group(2):  # knitr::include_url("…"): the page, as a link
            self.diags.warning(
                f"the web page '{_short(page.group(2), 100)}' cannot be shown in a deck or a PDF; a link to "
                "it is on the slide instead",
                pos,
                "media",
            )
            return self.markdown_blocks(f"<{page.group(2).replace(' ', '%20')}>", pos.line - 1)
        files = [(src, replace(pos, line=pos.line + 1 + n)) for src, n in calls.files] if calls else []
        for n in calls.unread if calls else ():
            self.diags.warning(
                "the picture of this include_graphics(…) is not a path written in the cell (a variable, a "
                "computed path): Podium runs no code, so it is not shown; write the file's path",
                replace(pos, line=pos.line + 1 + n),
                "not-rendered",
            )
        earlier = False
        if not files:
            name = cellfigures.label(info, options)
            if name is None:
                return []
            stem = os.path.splitext(os.path.basename(self.shown))[0]
            files = [
                (src, pos)
                for src in cellfigures.rendered(
                    name, cellfigures.fig_paths(options, self.raw_meta, stem), self.base_dir
                )
            ]
            earlier = bool(files)
        alt = next((str(options[k]) for k in ("fig-alt", "fig.alt") if options.get(k)), "")
        said = next((str(options[k]) for k in ("fig-cap", "fig.cap") if options.get(k)), "")
        # (Markdown, as knitr writes it into the figure's ![caption](file) and pandoc reads it: links, emphasis)
        caption = _trim(self.inlines(self._reread(_XML_INVALID.sub("", said)))) if said.strip() else ()
        alt = alt or m.plain_text(caption)
        width = _out_size(options, "width", pos, self.diags) if files else None
        height = _out_size(options, "height", pos, self.diags) if files else None
        pictures: list[m.Block] = []
        for src, at in files:
            path = self._resolve(src, at, what="picture")
            if path is not None and not alt:
                self.diags.warning(f"picture '{src}' has no fig-alt text for screen readers", at, "no-alt")
            pictures.append(m.Image(src, path, caption, alt, at, width, height))
        if earlier:
            self.earlier_figures += len(pictures)
        return pictures

    def quote(self, node: SyntaxTreeNode, pos: m.SourcePos) -> m.Quote:
        blocks = list(self.blocks(node.children))
        attribution: m.Inlines = ()
        if blocks and isinstance(blocks[-1], m.Paragraph):
            first = blocks[-1].content[0] if blocks[-1].content else None
            if isinstance(first, m.Text) and re.match(r"^\s*(—|―|--|-- )", first.text):
                stripped = re.sub(r"^\s*(—|―|--)\s*", "", first.text)
                attribution = _trim(((m.Text(stripped),) if stripped else ()) + blocks[-1].content[1:])
                blocks.pop()
        return m.Quote(tuple(blocks), pos, attribution)

    def table(self, node: SyntaxTreeNode, pos: m.SourcePos) -> m.Table:
        cells_in = sum(len(tr.children) for part in node.children for tr in part.children)
        if cells_in > MAX_TABLE_CELLS:
            self.diags.error(
                f"this table has {cells_in:,} cells; a table holds at most {MAX_TABLE_CELLS:,} (split it, "
                "or make it a chart with data: file.csv)",
                pos,
                "too-large",
            )
            return m.Table((), (), (), (), pos)
        header: tuple[m.TableCell, ...] = ()
        rows: list[tuple[m.TableCell, ...]] = []
        aligns: list[m.Align] = []
        for part in node.children:
            for tr in part.children:
                cells = []
                self.last_line = tr.map[0] + 1 if tr.map else self.last_line  # (a cell's messages: its row's)
                for cell in tr.children:
                    cells.append(m.TableCell(_trim(self.cell_inlines(cell, pos))))
                    if part.type == "thead":
                        style = cell.attrs.get("style", "") or ""
                        a = re.search(r"text-align:(\w+)", str(style))
                        aligns.append(
                            m.Align(a.group(1)) if a and a.group(1) in set(m.Align) else m.Align.NONE
                        )
                if part.type == "thead":
                    header = tuple(cells)
                else:
                    rows.append(tuple(cells))
        self.pos(node)  # (back at the table's line)
        ncols = len(header)
        for line, extra in (node.meta or {}).get(pipetables.DROPPED, ()):
            self.cells_left_out(line, extra, ncols)
        caption: m.Inlines = ()
        last = self.lines[node.map[1] - 1].strip() if node.map and node.map[1] - 1 < len(self.lines) else ""
        if (node.meta or {}).get("caption"):  # a simple or multiline table's `Table: …` line
            caption = self.inlines(self._reread(node.meta["caption"]))
        elif rows and "|" not in last and _CAPTION_AFTER.match(last) and not last.startswith("{"):
            # pandoc's `: caption {#tbl-x}` line right under the table (markdown-it reads it as a row)
            caption = rows.pop()[0].content
        rows = [r + (m.TableCell(()),) * (ncols - len(r)) if len(r) < ncols else r[:ncols] for r in rows]
        # a header of empty cells is none, as pandoc reads it (`|   |   |` over `|---|---|`)
        headed = not rows or any(c.content for c in header)
        widths = self._table_widths(node, header, rows)
        table = m.Table(header, tuple(rows), tuple(aligns), widths, pos, headed=headed)
        return self.with_caption(table, caption) if caption else table

    def cells_left_out(self, line: int, extra: list[str], ncols: int) -> None:
        """Warn at ``line`` (0-based) of a pipe table that its cells ``extra``, past the table's ``ncols``
        columns (its delimiter row's), are left out, as pandoc leaves them out."""
        words = ", ".join(f"'{_short(c, 30)}'" for c in extra if c)
        one = sum(map(bool, extra)) == 1
        self.diags.warning(
            f"this table row has more cells than the table has columns ({ncols}, the cells of its delimiter "
            f"row |---|): {words} {'is' if one else 'are'} left out, as pandoc leaves {'it' if one else 'them'} "
            f"out; add a column to the delimiter row to show {'it' if one else 'them'}",
            self.mapped(line + 1),
            "table",
        )

    def cell_inlines(self, cell: SyntaxTreeNode, pos: m.SourcePos) -> m.Inlines:
        """A table cell's words, its TeX read as a paragraph's is (``\\textbf{True Class $y$}``: the command
        read whole, math and all, not cut at the math)."""
        inline = self.strip_raw_tex(cell.children[0], pos) if cell.children else None
        return self.inlines(inline) if inline is not None else ()

    def with_caption(self, table: m.Table, caption: m.Inlines) -> m.Table:
        """Apply a table caption: ``: text {#tbl-x tbl-colwidths="[30,70]"}``; the attributes are used, not shown."""
        caption = _trim(caption)
        if caption and isinstance(caption[0], m.Text):
            caption = (m.Text(re.sub(r"^(:|Table:)\s*", "", caption[0].text)),) + caption[1:]
        attrs = None
        if caption and isinstance(caption[-1], m.Text):
            rest, attrs = split_trailing_attrs(caption[-1].text)
            if attrs is not None:
                caption = caption[:-1] + ((m.Text(rest.rstrip()),) if rest.strip() else ())
        widths = table.widths
        if attrs is not None and attrs.kv.get("tbl-colwidths"):
            try:
                values = [float(v) for v in re.findall(r"[0-9]*\.?[0-9]+", attrs.kv["tbl-colwidths"])]
            except ValueError:
                values = []
            if len(values) == len(widths) and all(v > 0 for v in values):
                widths = tuple(v / sum(values) for v in values)
            else:
                self.diags.warning(
                    f"tbl-colwidths '{attrs.kv['tbl-colwidths']}' does not give one width per "
                    f"column ({len(widths)}); ignored",
                    table.pos,
                    "bad-size",
                )
        return replace(table, caption=_trim(caption), widths=widths)

    def _table_widths(self, node, header, rows) -> tuple[float, ...]:
        """Relative widths: a grid table's from its border; a pipe table's, as pandoc sets them, from the
        separator's dashes when a line of the table is longer than 72 characters (and the dashes
        differ), else from the content (always in a Marp, Slidev, reveal.js or remark deck, whose tools
        have no such rule: the browser sizes the columns)."""
        ncols = max(len(header), 1)
        given = (node.meta or {}).get("widths")
        if given and len(given) == ncols:
            return tuple(given)
        wide = (
            not self.content_widths
            and node.map is not None
            and any(len(line) > 72 for line in self.lines[node.map[0] : node.map[1]])
        )
        if wide and node.map and node.map[0] + 1 < len(self.lines):
            sep = self.lines[node.map[0] + 1].strip().strip("|")
            parts = [p.strip() for p in sep.split("|")]
            dashes = [max(p.count("-"), 1) for p in parts]
            if len(dashes) == ncols and len(set(dashes)) > 1:
                total = sum(dashes)
                # never narrower than the column's longest word (short dashes broke "Germany" mid-word)
                chars = max(len(line) for line in self.lines[node.map[0] : node.map[1]])
                least = [
                    (
                        max(
                            (
                                len(w)
                                for r in [header, *rows]
                                if c < len(r)
                                for w in m.plain_text(r[c].content).split()
                            ),
                            default=1,
                        )
                        + 2
                    )
                    / chars
                    for c in range(ncols)
                ]
                shares = [max(d / total, low) for d, low in zip(dashes, least)]
                return tuple(v / sum(shares) for v in shares)
        lengths = []
        for c in range(ncols):
            texts = [m.plain_text(r[c].content) for r in [header, *rows] if c < len(r)]
            longest = max((len(t) for t in texts), default=1)
            word = max((len(w) for t in texts for w in t.split()), default=1)
            # as wide as the content wants, but never narrower than its longest word
            lengths.append(max(min(max(longest, 4), 40), word * 1.6))
        total = sum(lengths)
        return tuple(v / total for v in lengths)

    def div(self, node: SyntaxTreeNode, pos: m.SourcePos) -> list[m.Block]:
        attrs = parse_attrs(node.info)
        if attrs.id and self.adding_to is not None and attrs.id != "refs":  # (a link to it: to its slide)
            self.adding_to.inner_ids += ((attrs.id, ""),)
        if attrs.id == "refs" and not node.children:  # pandoc's place for the references
            self.refs_at = self.refs_at or self.adding_to
            return []
        classes = self.structural_classes(node)
        if "incremental" in classes or "nonincremental" in classes:
            # (pandoc's rule, whatever else the div is, a column, a callout, a box: its lists come so)
            saved, self.incremental = self.incremental, "incremental" in classes
            try:
                return self.classed_div(node, attrs, classes, pos)
            finally:
                self.incremental = saved
        return self.classed_div(node, attrs, classes, pos)

    def classed_div(
        self, node: SyntaxTreeNode, attrs: Attrs, classes: tuple[str, ...], pos: m.SourcePos
    ) -> list[m.Block]:
        """A fenced div, by what its ``classes`` make it (a callout, columns, notes, a box…)."""
        if quarto.conditionally_hidden(classes, attrs.kv, self.raw_meta):
            self.hidden_macros(node)  # (a hidden div of $$\newcommand…$$ still defines the math's macros)
            self.leave_out(node)
            return []
        kind = quarto.callout_kind(classes)
        if kind is not None:
            return [self.callout(node, attrs, kind, pos)]
        beamer = next((BEAMER_BLOCKS[c] for c in classes if c in BEAMER_BLOCKS), None)
        if beamer is not None:  # beamer's ::: {.block title="Definition"}: a box, titled if it has one
            argument = _latex_argument(attrs.kv.get("data-latex", ""))
            if argument and not attrs.kv.get(
                "title"
            ):  # (bookdown's `data-latex="{Hint}"`: the block's title)
                attrs = Attrs(attrs.id, attrs.classes, {**attrs.kv, "title": argument})
            return [self.callout(node, attrs, beamer, pos, titled=False)]
        if "columns" in classes:
            return self.columns(node, pos)
        if "columns-2" in classes:  # ioslides' and slidy's: its blocks flow into two columns
            return [self.flowed_columns(node, pos)]
        if "panel-tabset" in classes:  # Quarto's tabs: one after another, each kept whole with its heading
            tabs: list[list[m.Block]] = []
            for b in self.blocks(node.children):
                if isinstance(b, m.Heading) or not tabs:
                    tabs.append([])
                tabs[-1].append(b)
            return [m.Div(tuple(tab), ("tab",), pos) for tab in tabs]
        if "layout" in attrs.kv or "layout-ncol" in attrs.kv or "layout-nrow" in attrs.kv:
            laid = self.layout_columns(node, attrs, classes, pos)
            if laid is not None:
                return laid
        if "r-stack" in classes:  # reveal.js piles these up, each covering the last: shown side by side
            self.diags.note(
                "an .r-stack's pictures are shown side by side (reveal.js stacks them, each covering the "
                "one before); the deck and the handout show each of them",
                pos,
                "layout",
            )
        if "incremental" in classes or "nonincremental" in classes:
            return self.blocks_as(node, classes)
        if "slides" in classes:
            return [m.SlidesOnly(self.blocks(node.children), pos)]
        if "instructor" in classes:  # never projected, wherever it is written: lifted to the slide's own
            self.lifted_instructor.extend(self.blocks(node.children))
            return []
        if "notes" in classes:  # speaker notes, wherever written (reveal.js reads them in a column too)
            self.pending_notes.extend(self.blocks(node.children))
            return []
        if "handout" in classes:
            self.diags.warning(
                "'::: handout' inside another block is shown in place; put it at the top level of the slide",
                pos,
                "nested-handout",
            )
        return self.plain_div(node, attrs, classes, pos)

    def plain_div(self, node: SyntaxTreeNode, attrs: Attrs, classes: tuple[str, ...], pos: m.SourcePos):
        """A div the dialect gives no meaning to: its blocks in place, aligned as it says; cards in a grid."""
        if len(node.children) > 1 and all(_card_shaped(c) for c in node.children):
            return self.cards(node, classes, pos)
        blocks = self.blocks(node.children)
        align = _div_align(classes, attrs.kv)
        undrawn = _undrawn_css(attrs.kv.get("style", ""))
        if undrawn:  # (as `<div style>` is warned: a box placed and sized by its CSS is not drawn so)
            self.diags.warning(
                f"a div's CSS ({', '.join(undrawn)}) is not drawn: its content is shown in the slide's flow",
                pos,
                "div-style",
            )
        if align and not any(isinstance(b, (m.Paragraph, m.Heading)) for b in blocks):
            return list(blocks)  # (centring pictures and tables only: the deck centres them anyway)
        order = Attrs(classes=classes, kv=attrs.kv).order  # (deck.plan's clicks)
        return [m.Div(blocks, classes, pos, align, order)]

    def cards(self, node: SyntaxTreeNode, classes: tuple[str, ...], pos: m.SourcePos) -> list[m.Block]:
        """A div of "cards" (a team page: ``:::: {.team-grid}`` holding a ``::: {.person}`` per person, each a
        picture and a line or two of text, laid out by the deck's own CSS; :func:`_card_shaped`): the
        pictures, each captioned with its card's words, which the deck sets side by side in a grid as it
        sets any pictures in a row.  Each card is read once; should one read as more than a picture and
        words, the div is the divs it is written as."""
        read = [(card, self.blocks(card.children)) for card in node.children]
        out: list[m.Block] = []
        for _, blocks in read:
            pictures = [b for b in blocks if isinstance(b, m.Image)]
            words = [b for b in blocks if isinstance(b, m.Paragraph)]
            if len(pictures) != 1 or len(words) + 1 != len(blocks):
                inner = tuple(m.Div(b, parse_attrs(c.info).classes, self.pos(c)) for c, b in read)
                return [m.Div(inner, classes, pos)]
            caption: list[m.Inline] = list(pictures[0].caption)
            for b in words:
                if caption:
                    caption.append(m.LineBreak())
                caption.extend(b.content)
            text = tuple(caption)
            out.append(replace(pictures[0], caption=text, alt=pictures[0].alt or m.plain_text(text)))
        return out

    def callout(
        self, node: SyntaxTreeNode, attrs: Attrs, kind: str, pos: m.SourcePos, titled: bool = True
    ) -> m.Div:
        """A Quarto callout: a box whose first paragraph is its bold title (when it has none, its kind's
        name as Quarto words it in the lecture's language, unless not ``titled``: a beamer block without
        a title has none)."""
        children = list(node.children)
        title: m.Inlines = ()
        if attrs.kv.get("title"):  # Markdown, as Quarto reads it: `title="Interpreting $\beta_1$"`
            title = _trim(self.inlines(self._reread(_XML_INVALID.sub("", attrs.kv["title"]))))
        elif children and children[0].type == "heading":
            title, _ = self.heading_title(children.pop(0))
        if not title and titled:
            title = (m.Text(label(self.lang, "callout_" + kind)),)  # (Quarto's own word in that language)
        head = (m.Paragraph((m.Strong(title),), pos),) if title else ()
        blocks = head + self.blocks(children)
        return m.Div(blocks, ("callout", "callout-" + kind), pos)

    def nested_columns(self, blocks: m.Blocks, pos: m.SourcePos) -> None:
        """The ``nested-columns`` warning for a column's ``blocks`` that hold columns, at the column's ``pos``:
        none where they are the column's only content and hold only pictures (drawn in one grid, as
        their row is)."""
        inner = [b for b in blocks if isinstance(b, m.Columns)]
        pictures = all(isinstance(x, m.Image) for c in inner[0].columns for x in c.blocks)
        if pictures and len(blocks) == 1:
            return
        self.diags.warning(
            "columns inside a column are shown one after another"
            + (": their pictures are drawn in one grid with the column's other pictures" if pictures else ""),
            pos,
            "nested-columns",
        )

    def columns(self, node: SyntaxTreeNode, pos: m.SourcePos) -> list[m.Block]:
        """``:::: columns``: its columns side by side.  A column whose content is all left out (a TikZ
        drawing for another output, said where it is) is no column: it keeps no width from the others,
        and a single column left is its blocks alone.  What stands between the columns and shows nothing
        (beamer's ``\\hfill``, ``\\vline``) makes no column either."""
        cols: list[m.Column] = []
        emptied = 0  # columns with content, all of it left out
        for child in node.children:
            cpos = self.pos(child)
            if child.type == "fenced_div" and "column" in parse_attrs(child.info).classes:
                attrs = parse_attrs(child.info)
                blocks = tuple(self.blocks_as(child, attrs.classes))  # (`{.column .nonincremental}`)
                if not blocks and child.children:
                    emptied += 1
                    continue
                if any(isinstance(b, m.Columns) for b in blocks):
                    self.nested_columns(blocks, cpos)
                    blocks = _flatten_columns(blocks)
                if "fragment" in attrs.classes:  # ::: {.column .fragment}: the column appears on a click
                    blocks = (m.Div(tuple(blocks), ("fragment",), cpos),)
                cols.append(m.Column(blocks, _fraction(attrs.kv.get("width"))))
            else:
                stray = self.blocks([child])
                if not stray:  # (`\hfill`, `\vline` between beamer's columns: nothing shown, no column)
                    continue
                self.diags.warning(
                    "content inside ':::: columns' but outside any '::: column' gets a column of its own",
                    cpos,
                    "column-content",
                )
                cols.append(m.Column(stray, None))
        filled = [c for c in cols if c.blocks]  # (an empty spacer column, beamer's habit, is no column)
        if emptied and len(filled) <= 1:  # (the text alone, as wide as the slide)
            return list(filled[0].blocks) if filled else []
        if len(filled) > 3:
            self.diags.warning(
                f"{len(filled)} columns on one slide will be narrow; at most 3 read well", pos, "many-columns"
            )
        return [m.Columns(tuple(cols), pos)]

    def flowed_columns(self, node: SyntaxTreeNode, pos: m.SourcePos) -> m.Block:
        """ioslides' ``<div class="columns-2">``: its blocks, which the browser flows into two columns, as
        two columns of about half the blocks each (the first the larger half); one block stays whole."""
        return _flowed(list(self.blocks(node.children)), pos)

    def _under_section(self, section: _SlideDraft, node: SyntaxTreeNode) -> _SlideDraft | None:
        """``node`` right under a section heading in an HTML slide show: on the section's slide, which is
        then a content slide of that title; None (still a section slide) while what came shows nothing (a
        hidden code cell, a comment).  In a Slidev deck, a first short line under the heading (``# Interface``,
        ``## Part 2``, a short paragraph) leaves it a section slide, with that line as its second line, as
        Slidev's ``section`` layout shows it."""
        said = len(section.body)
        self.add_to_slide(section, node)
        if len(section.body) == said:
            return None  # (it shows nothing: a comment, the tag closing a <div> around the second line)
        if self.html_show and not said and _second_line(section.body):
            return None
        section.kind = m.CONTENT
        section.unshown = False  # (a slide of the section's title after all)
        return section

    def unshown_section(self, d: _SlideDraft, pos: m.SourcePos) -> None:
        """Warn where a section that has no slide (``section-titles: false``) was given what only its slide
        would show (a background picture, an ioslides subtitle)."""
        if d.unshown and (d.body or d.subtitle):
            self.diags.warning(
                "this section's background picture or subtitle is not shown: with "
                "'section-titles: false' a section has no slide of its own",
                pos,
                "left-out",
            )

    def section_comment(self, node: SyntaxTreeNode, drafts: list[_SlideDraft]) -> bool:
        """Whether ``node`` is a reveal.js ``.slide:`` comment of the section slide just begun (its background
        picture shown on it, as on any slide: :meth:`background`)."""
        if (
            node.type != "html_block"
            or not drafts
            or drafts[-1].kind != m.SECTION
            or not is_comment(node.content)
        ):
            return False
        said = _SLIDE_COMMENT.match(node.content)
        if said is not None:
            self.slide_id(said.group(1))
            drafts[-1].body.extend(self.background(_slide_attrs(said.group(1)), self.pos(node), drafts[-1]))
        return said is not None

    def section_notes(self, node: SyntaxTreeNode, drafts: list[_SlideDraft]) -> bool:
        """Whether ``node`` is a ``::: notes`` div right after a section heading: the section slide's
        notes (taken), not a slide of their own under the section's title."""
        if node.type != "fenced_div" or not drafts or drafts[-1].kind != m.SECTION:
            return False
        classes = parse_attrs(node.info).classes
        if "notes" not in (classes if self.css_divs else _classes_read(classes)):
            return False  # (add_to_slide warns of a mistyped `::: note`)
        self.add_to_slide(drafts[-1], node)
        if drafts[-1].unshown:  # (kept for the slide the section begins at: notes_moved)
            drafts[-1].notes_at = self.pos(node)
        return True

    def notes_moved(self, drafts: list[_SlideDraft], keep: list[int]) -> None:
        """The notes of a section with no slide of its own (``section-titles: false``; pandoc's beamer puts
        them on no page) given to the slide the section begins at, before that slide's own, with a
        warning (none after it: to the slide before)."""
        for i, d in enumerate(drafts):
            if not (d.unshown and d.notes and d.notes_at is not None):
                continue
            later = keep[bisect.bisect(keep, i) :][:1] or keep[: bisect.bisect(keep, i)][-1:]
            if not later:
                continue
            to = drafts[later[0]]
            if later[0] > i:
                to.notes[:0] = d.notes
                where = "the first slide after it"
            else:
                to.notes.extend(d.notes)
                where = "the slide before it (none follows)"
            title = " ".join(m.plain_text(d.title).split())
            named = " ".join(m.plain_text(to.title).split())
            named = f' "{named}"' if named else ""
            self.diags.warning(
                f'these notes follow the heading of section "{title}", which has no slide of its own '
                f"('section-titles: false'): they are the speaker notes of {where}, slide "
                f"{keep.index(later[0]) + 1}{named}",
                d.notes_at,
                "notes-moved",
            )
            d.notes = []

    def background(
        self, attrs: Attrs | None, pos: m.SourcePos, slide: _SlideDraft | None = None
    ) -> list[m.Block]:
        """reveal.js's and Quarto's slide backgrounds (``## Title {background-image="x.png"}``): Podium
        draws no slide background of a lecture's own, so a picture is shown on the slide (first), and a
        web page or video behind the slide becomes a link to it; either with a warning, never lost.  A
        colour is warned about at once, or, given the ``slide`` it is on, once the slide is known to be
        kept or not (:meth:`colour_warnings`)."""
        if attrs is None:
            return []
        if any(k.startswith("data-background") for k in attrs.kv):  # pandoc's reveal.js spelling
            attrs = Attrs(kv={**attrs.kv, **_backgrounds(attrs.kv.items())})
        out: list[m.Block] = []
        colour = attrs.kv.get("background-color", "").strip()
        if colour and slide is not None:
            slide.colours.append((colour, pos))
        elif colour:
            self.colour_warning(colour, pos)
        image = attrs.kv.get("background-image", "").strip()
        if image:
            self.diags.warning(
                f"background-image '{_short(image)}' is shown as a picture on the slide, not behind it",
                pos,
                "background",
            )
            out.extend(self.markdown_blocks(f"![](<{image}>)", self.last_line - 1))
        for key, what in (("background-iframe", "web page"), ("background-video", "video")):
            url = attrs.kv.get(key, "").strip()
            if url:
                self.diags.warning(
                    f"the slide's background {what} '{_short(url, 100)}' cannot be shown in a deck or a PDF; "
                    "a link to it is on the slide instead",
                    pos,
                    "background",
                )
                out.extend(
                    self.markdown_blocks(f"<{url}>" if "://" in url else f"`{url}`", self.last_line - 1)
                )
        return out

    def colour_warnings(self, drafts: list[_SlideDraft], keep: set[int]) -> None:
        """The warnings of the background colours the slides ask for (those kept: ``keep``, their
        indexes); a hidden slide's are not given: it is left out, with a note of its own."""
        for i, d in enumerate(drafts):
            for colour, at in d.colours if not d.hidden else ():
                self.colour_warning(colour, at, kept=i in keep)

    def colour_warning(self, colour: str, pos: m.SourcePos, kept: bool = True) -> None:
        """The warning that a slide's background ``colour`` is not drawn (``kept``: on a slide that is
        kept; else the slide, which holds nothing else, is left out)."""
        if kept:
            said = "is not drawn: slides keep the template's background (text coloured to stand on it may be hard to read)"
        else:
            said = (
                "is not drawn, and the slide holds nothing else: no slide is made of it (write a title or "
                "words on it to keep it as a slide)"
            )
        self.diags.warning(f"the slide's background colour '{_short(colour)}' {said}", pos, "background")

    def markdown_blocks(self, text: str, line: int, lines: list[int] | None = None) -> list[m.Block]:
        """The blocks of Markdown ``text`` made from the source's (0-based) ``line``: an HTML block's
        words, a slide background; every block is placed at that line, or (``lines``: for each line of
        ``text``, how far below ``line`` it came from) at its own first line's."""
        # (the typography of the lecture's tool: a Marp deck's quotes stay straight in an HTML block too)
        env = {k: self.env[k] for k in (ELLIPSIS, KNITR_INLINE) if k in self.env}
        tokens = markdown_parser().parse(text, env)
        for tok in tokens:
            if tok.map:
                at = line + (lines[min(tok.map[0], len(lines) - 1)] if lines else 0)
                tok.map = [at, at + 1]
        return list(self.blocks(SyntaxTreeNode(tokens).children))

    def blocks_as(self, node: SyntaxTreeNode, classes: tuple[str, ...]) -> list[m.Block]:
        """A div's blocks, its ``.incremental`` / ``.nonincremental`` class (if any) applied to its lists."""
        if "incremental" not in classes and "nonincremental" not in classes:
            return list(self.blocks(node.children))
        saved, self.incremental = self.incremental, "incremental" in classes
        depth = self.items_depth
        self.items_depth = self.in_list if "fragment-items" in classes else None
        try:
            return list(self.blocks(node.children))
        finally:
            self.incremental, self.items_depth = saved, depth

    def layout_columns(
        self, node: SyntaxTreeNode, attrs: Attrs, classes: tuple[str, ...], pos: m.SourcePos
    ) -> list[m.Block] | None:
        """Quarto's ``::: {layout="[[1,1],[1]]"}``, ``{layout="[40,60]"}``, ``{layout-ncol=2}`` or
        ``{layout-nrow=2}``: the div's blocks in rows, filled row by row as Quarto fills them, each row
        side by side in columns of its widths (a row of one is its block alone).  None (after a warning)
        for a layout this cannot read; the div is then shown as written."""
        blocks = self.blocks_as(node, classes)
        caption: list[m.Block] = []
        if (attrs.id or "").startswith("fig-") and len(blocks) > 1 and isinstance(blocks[-1], m.Paragraph):
            caption = [blocks.pop()]  # a figure div's last paragraph is its caption, under its grid
        rows = quarto.layout_rows(
            attrs.kv.get("layout", ""),
            attrs.kv.get("layout-ncol", ""),
            attrs.kv.get("layout-nrow", ""),
            len(blocks),
        )
        if rows is None:
            said = attrs.kv.get("layout") or attrs.kv.get("layout-ncol") or attrs.kv.get("layout-nrow")
            self.diags.warning(
                f'layout \'{said}\' is not rows of widths (e.g. layout="[[1,1],[1]]", layout="[40,60]" or '
                "layout-ncol=2); its blocks are shown one after another",
                pos,
                "layout",
            )
            return None
        out: list[m.Block] = []
        k = 0
        for widths in rows:
            cells = blocks[k : k + len(widths)]
            k += len(widths)
            if len(widths) == 1:
                out.extend(cells)
                continue
            total = sum(widths)
            padded = [(c,) for c in cells] + [()] * (len(widths) - len(cells))  # (a last row keeps the grid)
            out.append(m.Columns(tuple(m.Column(c, w / total) for c, w in zip(padded, widths)), pos))
        return out + caption

    def placement(self, attrs: Attrs, pos: m.SourcePos) -> m.Placement | None:
        """Quarto's ``{.absolute top=… left=… width=…}``: where reveal.js places the picture, as shares of
        the slide (its size in pixels: ``format: revealjs: width/height``, Quarto's 1050 × 700 by
        default; a value is pixels, or ``%``/``em``).  None, after a warning, when no side is given or
        a value cannot be read (the picture then stays in the slide's flow)."""
        wide = _format_option(self.raw_meta, "width")
        high = _format_option(self.raw_meta, "height")
        size = (
            float(wide) if isinstance(wide, (int, float)) and wide > 0 else 1050.0,
            float(high) if isinstance(high, (int, float)) and high > 0 else 700.0,
        )
        shares: dict[str, float] = {}
        for key in ("left", "top", "right", "bottom", "width", "height"):
            value = attrs.kv.get(key, "").strip()
            if not value:
                continue
            mt = re.fullmatch(r"(-?\d+(?:\.\d+)?)\s*(px|%|em)?", value)
            if mt is None:
                shares = {}
                break
            number, unit = float(mt.group(1)), mt.group(2) or "px"
            across = key in ("left", "right", "width")
            shares[key] = (
                number / 100 if unit == "%" else number * (40 if unit == "em" else 1) / size[not across]
            )
        if not any(k in shares for k in ("left", "top", "right", "bottom")):
            self.diags.warning(
                "a picture placed with .absolute needs top, left, right or bottom in pixels or % (e.g. "
                '{.absolute top="0" right="0" width="150"}); it stays in the slide\'s flow',
                pos,
                "position",
            )
            return None
        return m.Placement(**shares)

    def chart(self, code: str, pos: m.SourcePos) -> m.Chart | None:
        return parse_chart(code, pos, self.diags, self._resolve)

    def image(self, node: SyntaxTreeNode, attrs: Attrs, pos: m.SourcePos) -> m.Image:
        src = str(node.attrs.get("src", ""))
        caption = _typeset(_trim(self.inlines_of(node.children)))
        said = None
        if self.marp:  # Marp: the alt text holds keywords (bg, w:400px, sepia) and is never shown
            said = marp.keywords(m.plain_text(caption))
            caption = ()
            attrs = Attrs(
                attrs.id,
                attrs.classes,
                {"alt": said.alt, "width": said.width, "height": said.height, **attrs.kv},
            )
            for key in ("width", "height", "alt"):
                if not attrs.kv[key]:
                    del attrs.kv[key]
        elif self.alt_only and caption:  # reveal.js's Markdown: the words are the alt text, not shown
            attrs = Attrs(attrs.id, attrs.classes, {"alt": m.plain_text(caption), **attrs.kv})
            caption = ()
        colour = unquote(src) if said is not None else ""  # (the parser wrote `hsl(1,2%,3%)`'s % as %25)
        if said is not None and marp.is_colour(colour) and (said.background or css_colour(colour)):
            # ![bg](#264653): the slide's background colour; ![](#fff), ![](red): its text colour (Marp's
            # shorthand for `_color:`), no picture either
            image = m.Image(src, None, (), "", pos)
            self.marp_bg[id(image)] = (image, replace(said, colour=True))
            if not said.background:
                self.diags.note(
                    f"![]({_short(colour)}) is Marp's shorthand for the slide's text colour, not a picture; Podium "
                    "draws a slide's text in the template's colours, so it is not applied",
                    pos,
                    "marp-colour",
                )
            return image
        if not caption and attrs.kv.get("fig-cap") and said is None:  # ![](x.png){fig-cap="…"}
            caption = _trim(self.inlines(self._reread(_XML_INVALID.sub("", attrs.kv["fig-cap"]))))
        alt = _XML_INVALID.sub("", attrs.kv.get("fig-alt") or attrs.kv.get("alt") or m.plain_text(caption))
        media = media_kind(src)
        if src in DRAWN_KINDS:  # a TikZ or LaTeX picture (podium.beamer): a box, its nodes' words under it
            figure = "fig-alt" in attrs.kv  # (a figure's: its caption under it, the words its alt text)
            self.diags.warning(
                f"a {DRAWN_KINDS[src]} is not drawn (Podium runs no TeX): a box stands in its place"
                + (
                    ", the figure's caption under it"
                    if figure
                    else ", the words of its nodes under it"
                    if caption
                    else ""
                )
                + "; export it as a picture (PDF, SVG or PNG) and \\includegraphics it",
                pos,
                "raw-tex",
            )
            return m.Image(src, None, caption, alt, pos)
        if media is not None:  # a video, a sound or a web page written as a picture (reveal.js plays them)
            self.diags.warning(
                f"{media} '{_short(src)}' cannot be shown in a deck or a PDF; a box with its name stands "
                "in its place (a still picture, or a link, can stand for it)",
                pos,
                "media",
            )
            return m.Image(src, None, caption, alt, pos)
        path = self._resolve(src, pos, what="picture")
        width = _length(attrs.kv.get("width"), pos, self.diags)
        height = _length(attrs.kv.get("height"), pos, self.diags)
        place = self.placement(attrs, pos) if "absolute" in attrs.classes else None
        if not alt and path is not None and not (said and said.background):
            # (a picture that cannot be shown has had its warning; a background is decoration)
            self.diags.warning(
                f"picture '{unquote(src)}' has no caption or fig-alt text for screen readers", pos, "no-alt"
            )
        image = m.Image(src, path, caption, alt, pos, width, height, place)
        if said is not None and said.background:
            self.marp_bg[id(image)] = (image, said)  # (held: its id stays its own; placed per slide)
        elif place is None:
            self.floated(image, picture_float(attrs.kv), _wrap_share(attrs.kv.get("wrapfig")))
        return image

    def floated(self, image: m.Image, side: str, wrap: float | None = None) -> None:
        """Hold ``image`` as floated to ``side`` (``left``, ``right``; "" for no float) beside the text that
        follows it, as a browser floats it (or LaTeX's wrapfig, its column ``wrap`` of the slide's width;
        0 where it gives none): :meth:`float_layout` lays its slide out."""
        if side:
            self.floats[id(image)] = (image, side, wrap)

    def _resolve(self, src: str, pos: m.SourcePos, what: str) -> str | None:
        """Return the local file ``src`` names, or None (with a warning) when missing or refused."""
        if self.policy is None:
            self.policy = PathPolicy([self.base_dir])
        return self.policy.resolve(src, self.base_dir, pos, self.diags, what)

    # -- inlines
    def inlines(self, inline: SyntaxTreeNode | None) -> m.Inlines:
        if inline is None:
            return ()
        out: list[m.Inline | _HtmlMark] = []
        for child, attrs in self._inline_children(inline):
            out.extend(self._inline(child, attrs))
        return self.texts(out)

    def _link_text(self, node: SyntaxTreeNode) -> m.Inlines:
        """A Markdown link's text; an autolink's (``<https://x.com/@user>``) is its address as written,
        in which an ``@`` starts no citation."""
        if node.markup in ("autolink", "linkify"):
            return (m.Text("".join(c.content for c in node.children)),)
        return self.inlines_of(node.children)

    def _link_node(self, node: SyntaxTreeNode) -> list[m.Inline]:
        """A Markdown link (``[words](href)``): :meth:`link`, or nothing for a wordless one in a deck a
        browser shows (:meth:`_empty_link`)."""
        href = str(node.attrs.get("href", ""))
        if self.alt_only and _wordless(node) and not href.startswith("#"):
            return self._empty_link(href)
        self.in_link += 1
        try:
            said = self._link_text(node)
        finally:
            self.in_link -= 1
        return self.link(href, said)

    def _empty_link(self, href: str) -> list[m.Inline]:
        """Nothing for a link written with no words (``[](https://…)``, ``<a href="…"></a>``) in a deck a
        browser shows (Marp, reveal.js, remark, Slidev), where it shows as nothing either, with a warning (its
        address, base64 data at times, is no words of the slide; in other decks :meth:`link` shows it, as
        raw TeX left out of a link's words may leave it empty)."""
        self.diags.warning(
            f"the link to '{_short(href, 60)}' has no words, so it shows nothing (as in a browser) and is "
            "left out; write words in its brackets to show it",
            self.pos(None),
            "empty-link",
        )
        return []

    def link(self, href: str, children: m.Inlines) -> list[m.Inline]:
        """A link to ``href`` (Markdown's or an HTML ``<a href>``); its text alone where it points
        nowhere in a deck or a PDF (a relative link) or is not allowed; a link with no words shows its
        address (``[](https://x.org)``, or words of raw TeX left out: never lost without a word)."""
        if href and not href.startswith("#") and not m.plain_text(children).strip():
            children = (m.Text(href),)
        if href.startswith("#") and len(href) > 1:  # a slide of this lecture (its heading's id)
            self.internal_links.setdefault(unquote(href[1:]), self.pos(None))
            return [m.Link(children, "#" + unquote(href[1:]))]
        if not urlparse(href).scheme:
            return list(children)
        if not is_safe_url(href):
            self.diags.warning(
                f"link to '{href[:60]}' is not allowed (only http, https, mailto, ftp and tel "
                "links); kept as text",
                self.pos(None),
                "unsafe-link",
            )
            return list(children)
        return [m.Link(children, href)]

    def inlines_of(self, children) -> m.Inlines:
        out: list[m.Inline | _HtmlMark] = []
        for child, attrs in self._with_attrs(children):
            out.extend(self._inline(child, attrs))
        return self.texts(out)

    def _footnote_inlines(self, info: dict) -> m.Inlines:
        """An inline footnote's words (``^[…]``, ``\\footnote{…}``), read again from its text: the tokens
        the plugin keeps were read before markdown-it joined its text runs (``1\\%`` came out twice)."""
        if isinstance(info.get("content"), str):
            return self.inlines(self._reread(info["content"]))
        return self._inline_tokens(info["tokens"])

    def _inline_tokens(self, tokens) -> m.Inlines:
        root = SyntaxTreeNode(
            [
                Token("paragraph_open", "p", 1),
                Token("inline", "", 0, children=tokens),
                Token("paragraph_close", "p", -1),
            ]
        )
        return self.inlines(root.children[0].children[0])

    def _inline_children(self, inline: SyntaxTreeNode):
        """Yield (node, attrs) pairs, taking a ``{...}`` that follows an image or span as its attrs."""
        return self._with_attrs(inline.children)

    def _with_attrs(self, nodes):
        """:meth:`_inline_children` for a list of inline nodes (a link's or a heading's too)."""
        children = list(nodes)
        i = 0
        while i < len(children):
            child = children[i]
            attrs = Attrs()
            if (
                child.type in ("image", "link", "code_inline", "math_inline_double")
                and i + 1 < len(children)
                and children[i + 1].type == "text"
            ):
                nxt = children[i + 1].content
                # (display math's label, pandoc-crossref's `$$ … $$ {#eq:x}`, may stand after a space)
                after = r"^[ \t]*\{(#[^{}]*)\}" if child.type == "math_inline_double" else r"^\{([^{}]*)\}"
                mt = re.match(after, nxt)
                if mt:
                    attrs = parse_attrs(mt.group(1))
                    children[i + 1] = _text_node(nxt[mt.end() :])
            yield child, attrs
            i += 1

    def code_inline(self, node: SyntaxTreeNode, attrs: Attrs) -> list[m.Inline]:
        """Inline code: shown as code, unless it is a raw inline (`x`{=latex}) or a Quarto cell to run."""
        if attrs.raw_format:
            self.raw_output(attrs.raw_format, self.pos(None))
            return []
        if quarto.inline_cell(node.content, self.knitr) is not None:  # its value is unknown here
            known = quarto.r_metadata(node.content, self.raw_meta)  # (but the front matter's: its value)
            if known is not None:
                return [m.Text(_XML_INVALID.sub("\ufffd", known))]
            self.inline_cells.append((node.content, self.line_of(f"`{node.content}`")))
            return []
        return [m.Code(_XML_INVALID.sub("\ufffd", node.content.expandtabs(TAB_STOP)))]

    def text_inline(self, node: SyntaxTreeNode) -> list[m.Inline]:
        """A text token's words, raw TeX in them read (:meth:`drop_tex_in_text`); an escaped backslash or
        bracket (:data:`ESCAPED_TEXT`) as itself: ``\\\\d`` a backslash, then words; ``\\[`` no span's bracket."""
        if node.type == ESCAPED_TEXT:
            return [m.Text(_ESCAPED_BRACKETS.get(node.content, node.content))]
        # (U+FFFC, a pasted object's stand-in, has no content: it would be drawn as a box)
        text = node.content.replace("\ufffc", "")
        if "\\" in text and re.search(r"\\[A-Za-z]", text):
            return [
                m.Text(_XML_INVALID.sub("\ufffd", x.text)) if isinstance(x, m.Text) else x
                for x in self.drop_tex_in_text(text)
            ]
        return [m.Text(_XML_INVALID.sub("\ufffd", text))]

    def _inline(self, node: SyntaxTreeNode, attrs: Attrs) -> Sequence[m.Inline | _HtmlMark]:
        t = node.type
        if self.html_skip and t != "html_inline":
            return []  # inside <script>, <style>…
        if t in ("text", ESCAPED_TEXT):
            return self.text_inline(node)
        if t in ("softbreak", "hardbreak"):  # (what follows is on the next line: its math's warnings say so)
            self.last_line += 1  # Marp breaks lines where the source does (its `breaks` option)
            if self.marp or t == "hardbreak":
                return [m.LineBreak()]
            return [] if _between_wide(node) else [m.Text(" ")]
        if t == "strong":
            return [m.Strong(self.inlines_of(node.children))]
        if t == "em":
            return [m.Emph(self.inlines_of(node.children))]
        if t == "s":
            return [m.Strike(self.inlines_of(node.children))]
        if t in ("sup", "sub"):  # pandoc's m^2^ and H~2~O
            return [m.Span(self.inlines_of(node.children), ("superscript" if t == "sup" else "subscript",))]
        if t == "code_inline":
            return self.code_inline(node, attrs)
        if t == "math_inline" or t == "math_inline_double":
            tex = self.math_tex(node.content.strip(), self.pos(None))
            if tex is None:
                return []
            return [tex] if isinstance(tex, m.Code) else _math_inline(tex)
        if t == "link":
            return self._link_node(node)
        if t == "image":  # an image inside a link or heading: keep its caption (else its alt text) as text
            if self.marp:  # Marp's alt text is keywords (w:120, bg): the words left, if any
                words = marp.keywords(m.plain_text(self.inlines_of(node.children))).alt
                self.diags.warning(
                    "a picture inside a link, a heading or a table cell is left out"
                    + (f" (its words '{words}' kept)" if words else ""),
                    self.pos(None),
                    "inline-image",
                )
                return [m.Text(words)] if words else []
            self.diags.warning(
                "a picture inside a link, a heading or a table cell is shown as its caption (or its alt text)",
                self.pos(None),
                "inline-image",
            )
            caption = list(self.inlines_of(node.children))
            alt = attrs.kv.get("fig-alt") or attrs.kv.get("alt") or ""
            return caption or ([m.Text(alt)] if alt else [])
        if t == "footnote_ref":
            ident = int(node.meta.get("id", 0))
            info = self.env.get("footnotes", {}).get("list", {}).get(ident, {})
            if (
                ident not in self.footnote_defs and "tokens" in info
            ):  # an inline one read since (\footnote{…})
                self.footnote_defs[ident] = (m.Paragraph(self._footnote_inlines(info), self.pos(None)),)
            return [m.FootnoteRef(-1 - ident)]  # renumbered per slide later
        if t == "html_inline":
            return self.html_inline(node)
        if node.children:
            return list(self.inlines_of(node.children))
        return [m.Text(node.content)] if node.content else []

    def drop_tex_in_text(self, text: str) -> list[m.Inline]:
        """Raw TeX left in a text run (outside math and code, as markdown-it read it: a heading's, a table
        cell's): formatting commands and symbols read as :func:`tex_as_markup` writes them (as in a
        paragraph), others' words kept or the command dropped, with a warning."""
        out: list[m.Inline] = []
        last = 0
        # (\\small{words}: the words; a header macro's use the line pass left, put in place)
        text = opened_switch_groups(switched_groups(self.with_text_macros(text)), markdown=False)
        for piece in find_raw_tex(text, markdown=False):
            out.append(m.Text(text[last : piece.start]))
            last = piece.end
            d = (
                macro_definition(piece)
                if piece.name.rstrip("*") in {x.rstrip("*") for x in DEFINERS}
                else None
            )
            if d is not None:
                self.macros[d[0]] = d[1]
            elif piece.name == "note" and piece.args:
                self.pending_notes.append(m.Paragraph((m.Text(piece.args[-1]),), self.pos(None)))
            elif self.unknown_emoji(piece, self.pos(None)):
                pass
            elif piece.name != "footnote" and (markup := self.ipa_checked(piece)) is not None:
                self.picture_left_out(piece, self.pos(None))
                out.extend(self.inlines(self._reread(markup)))  # as a paragraph's (strip_raw_tex)
            elif piece.name in _TEX_TEXT and piece.args:
                out.append(m.Text(piece.args[-1]))
                self.diags.warning(
                    f"raw TeX '{_text_command(piece)}' is not rendered; its text is kept",
                    self.pos(None),
                    "raw-tex",
                )
            elif self.layout_only(piece, self.pos(None)):
                out.append(m.Text(" " if piece.name.rstrip("*") in _HORIZONTAL_SPACES else ""))
            elif self.in_link:  # (a heading's or a cell's [\link{words}](…))
                if words := self.link_words(piece, self.pos(None)):
                    out.extend(self.inlines(self._reread(words)))
            elif (unknown := self.unknown_command_words(piece, self.pos(None))) is not None:
                out.extend(self.inlines(self._reread(unknown)))
            else:
                self.diags.warning(
                    f"raw TeX '{_short(piece.source)}' is left out (slides show no raw TeX)",
                    self.pos(None),
                    "raw-tex",
                )
        out.append(m.Text(text[last:]))
        return [x for x in out if not isinstance(x, m.Text) or x.text]

    def texts(self, items: Sequence[m.Inline | _HtmlMark]) -> m.Inlines:
        """Merge neighbouring text, format citations, split ``[text]{.cls}`` spans; spaces left side
        by side where something was left out (inline code not run, a shortcode) are one space.
        HTML formatting tags among ``items`` (``<b>…</b>``) become what they stand for first."""
        plain = self.html_formatting(items)
        merged = [
            m.Text(_SPACES.sub(" ", x.text)) if isinstance(x, m.Text) and "  " in x.text else x
            for x in _merge_text(plain)
        ]
        if self.bib is not None:
            merged = [
                m.Text(cite_text(x.text, self.bib, self._unknown_citation)) if isinstance(x, m.Text) else x
                for x in merged
            ]
        for x in merged:  # citations left as written (no bibliography), Quarto's cross-references
            if isinstance(x, m.Text) and "@" in x.text:
                for mt in _CITATION.finditer(x.text):
                    if _BOOKDOWN_REF.match(x.text, mt.start() + mt.group(0).index("@")):
                        continue  # (bookdown's \@ref(x), no citation: below)
                    kind = "cross-reference" if _CROSS_REF.match(mt.group(1)) else "citation"
                    if kind == "cross-reference" or self.bib is None and self.cites:
                        self.unresolved.setdefault(kind, (mt.group(0).strip(" [(;"), self.pos(None)))
                for mt in _BOOKDOWN_REF.finditer(x.text):  # (its label not found: left as written)
                    self.unresolved.setdefault("cross-reference", ("\\" + mt.group(0), self.pos(None)))
        if self.emoji:
            merged = [m.Text(emojis.emojized(x.text)) if isinstance(x, m.Text) else x for x in merged]
        if any(isinstance(x, m.LineBreak) for x in merged):
            merged = _spaces_at_breaks(merged)
        spanned = _alerts_strong(tuple(_split_spans(merged)))
        if not any(isinstance(x, m.Text) and _ESCAPED_MARKS.search(x.text) for x in m.walk(spanned)):
            return spanned
        return m.transform_all(spanned, _escaped_brackets_written)

    def html_formatting(self, items: Sequence[m.Inline | _HtmlMark]) -> list[m.Inline]:
        """Nest the inlines between an HTML formatting tag and its end tag in what the tag stands for
        (:data:`HTML_FORMATTING`), as a browser does: an end tag closes the tags opened after its
        own; an end tag never opened is dropped, and so is a tag never closed (its words stay), but a
        fragment span never closed ends with its paragraph, as a browser ends it: its words still come on a
        click."""
        if not any(isinstance(x, _HtmlMark) for x in items):
            return [x for x in items if not isinstance(x, _HtmlMark)]
        stack: list[tuple[_HtmlMark, list]] = [(_HtmlMark("", True), [])]
        for x in items:
            if not isinstance(x, _HtmlMark):
                stack[-1][1].append(x)
            elif x.opening:
                stack.append((x, []))
            elif any(mark.tag == x.tag for mark, _ in stack[1:]):
                while True:
                    mark, kids = stack.pop()
                    stack[-1][1].append(self._formatted(mark, kids))
                    if mark.tag == x.tag:
                        break
        while len(stack) > 1:
            mark, kids = stack.pop()
            if mark.classes:  # (a fragment span: <span data-marpit-fragment="2">words, closed by the </li>)
                stack[-1][1].append(self._formatted(mark, kids))
            else:
                stack[-1][1].extend(kids)
        return stack[0][1]

    def _formatted(self, mark: _HtmlMark, kids: list) -> m.Inline:
        children = self.texts(kids)
        if mark.tag in ("span", "font"):
            if mark.bold:
                children = (m.Strong(children),)
            if mark.italic:
                children = (m.Emph(children),)
            return m.Span(children, mark.classes, mark.colour, mark.order)
        kind = HTML_FORMATTING[mark.tag]
        if kind == "strong":
            return m.Strong(children)
        if kind == "em":
            return m.Emph(children)
        if kind == "strike":
            return m.Strike(children)
        if kind == "code":
            lines = m.plain_text(children, "\0").split("\0")  # (a line break in it breaks the line)
            if len(lines) == 1 and any(not isinstance(child, m.Text) for child in children):
                return m.Span(tuple(_coded(child) for child in children))  # (`\texttt{a\underline{x}}`)
            if len(lines) == 1:
                return m.Code(lines[0])
            broken: list[m.Inline] = []
            for n, text in enumerate(lines):
                broken += ([m.LineBreak()] if n else []) + ([m.Code(text.strip(" "))] if text.strip() else [])
            return m.Span(tuple(broken))
        return m.Span(children, (kind,))

    def _unknown_citation(self, key: str) -> None:
        """Warn that citation ``@key`` is left as written, and why (no such entry, its entry or its
        bibliography file could not be read)."""
        why = self.bib.missing(key) if self.bib is not None else "is not in the bibliography; left as written"
        line = (
            self.block_line
        )  # (the block's first line: the key's own, if a later line of the block holds it)
        for k in range(line, min(len(self.lines), line + 200) + 1):
            if not self.lines[k - 1].strip():
                break
            if "@" + key in self.lines[k - 1]:
                line = k
                break
        self.diags.warning(f"citation '@{key}' {why}", self.mapped(line), "citation")

    def html_inline(self, node: SyntaxTreeNode) -> Sequence[m.Inline | _HtmlMark]:
        """An inline tag among words: as written in a Marp comment's notes, and where it is words that look
        like a tag (:meth:`words_not_tag`); else read as HTML (:meth:`inline_html`)."""
        if self.html_as_text or self.words_not_tag(node):
            return [m.Text(node.content)]
        return self.inline_html(_click_span(node.content) if self.slidev else node.content)

    def words_not_tag(self, node: SyntaxTreeNode) -> bool:
        """Whether the inline tag ``node`` is words that look like a tag: a start tag of no HTML element,
        without attributes, that nothing in its paragraph closes (a generic type, ``List<T>``,
        ``Map<int>``); said once a slide, at its line, since a browser (Marp's, reveal.js's) hides it.
        Not in a Slidev deck, whose tags of other names are Vue components, nor in a LaTeX deck (all text)."""
        tag = read_inline_tag(node.content)
        if (
            self.slidev
            or self.tex_deck
            or self.html_skip
            or tag.kind != "start"
            or tag.attrs
            or tag.tag in HTML_ELEMENTS
            or "-" in tag.tag
            or node.content.rstrip().endswith("/>")
        ):
            return False
        root = node
        while root.parent is not None and root.type != "inline":
            root = root.parent
        if any(
            n.type == "html_inline" and (c := read_inline_tag(n.content)).kind == "end" and c.tag == tag.tag
            for n in root.walk()
        ):
            return False
        if (self.slide_serial, node.content) not in self.words_not_tags:
            self.words_not_tags.add((self.slide_serial, node.content))
            self.diags.warning(
                f"'{node.content}' is no HTML element and nothing closes it: kept as words (a browser "
                f"hides it; write it in backticks to show it as code there too)",
                self.pos(None),
                "raw-html",
            )
        return True

    def inline_html(self, html: str) -> Sequence[m.Inline | _HtmlMark]:
        """An inline tag: dropped (warned once per slide); ``<br>`` is a line break; script content skipped."""
        tag = read_inline_tag(html)
        if tag.kind == "comment":
            self.marp_comment(html)
            return []
        if self.tex_deck and tag.tag not in _TEX_MADE_TAGS and not self.html_skip:
            return [m.Text(html)]  # (`kill <pid>`: a LaTeX deck has no HTML, and TeX prints the brackets)
        if tag.tag == "br" and not self.html_skip:
            return [m.LineBreak()]  # rendered as what it says: no warning
        if tag.tag in HTML_FORMATTING and tag.kind in ("start", "end") and not self.html_skip:
            return [_HtmlMark(tag.tag, tag.kind == "start")]  # drawn as what it says (texts nests it)
        if (
            tag.tag in ("small", "big")
            and tag.kind in ("start", "end")
            and not self.html_skip
            and not tag.attrs
        ):
            return []  # (a size only: the words at the slide's size, no warning)
        if tag.tag in ("span", "font") and tag.kind in ("start", "end") and not self.html_skip:
            # a colour is kept (the rest of a style is not: then the usual warning)
            colour = ""
            bold = italic = False
            fragment = Attrs()  # (reveal.js's <span class="fragment">: its paragraph's click)
            if tag.kind == "start":
                colour = style_colour(tag.attrs.get("style", ""))
                bold, italic = style_emphasis(tag.attrs.get("style", ""))
                if not colour and tag.tag == "font":
                    colour = css_colour(tag.attrs.get("color", ""))
                attrs = dict(tag.attrs)
                if tag.tag == "span" and "fragment" in attrs.get("class", "").split():
                    fragment = parse_attrs(" ".join("." + c for c in attrs.pop("class").split()))
                    fragment.kv = {"fragment-index": attrs.pop("data-fragment-index", "")}
                elif (
                    tag.tag == "span" and "data-marpit-fragment" in attrs
                ):  # (Marp's: a click, in index order)
                    fragment = Attrs(classes=("fragment",))
                    fragment.kv = {"fragment-index": attrs.pop("data-marpit-fragment")}
                if not only_colour(tag.tag, attrs, SPAN_STYLES) or not style_drawn(attrs.get("style", "")):
                    self.raw_html_seen(self.pos(None))
            return [
                _HtmlMark(
                    tag.tag, tag.kind == "start", colour, bold, italic, fragment.classes, fragment.order
                )
            ]
        if tag.tag == "img" and not self.html_skip:  # (inside a line: as a Markdown picture there)
            self.diags.warning(
                "a picture inside a heading, a link, a list item or a table cell is shown as its alt text "
                "(a picture in a paragraph of its own is drawn)",
                self.pos(None),
                "inline-image",
            )
            alt = tag.attrs.get("alt", "").strip()
            return [m.Text(alt)] if alt else []
        self.raw_html_seen(self.pos(None))
        if tag.kind == "start" and tag.tag == "svg" and not self.html_skip:  # (in a line of words)
            self.svg_drawings(html, self.pos(None))
        if tag.kind == "start" and tag.tag in DROP_CONTENT:
            self.html_skip.append(tag.tag)
            return []
        if tag.kind == "end" and self.html_skip:
            if tag.tag == self.html_skip[-1]:
                self.html_skip.pop()
            return []
        if self.html_skip:
            return []
        if tag.tag == "br":
            return [m.LineBreak()]
        if tag.tag == "img":
            alt = tag.attrs.get("alt", "").strip()
            return [m.Text(alt)] if alt else []
        return []


# --------------------------------------------------------------------------- helpers


def _stacked(pictures: list, body: list) -> list:
    """``body`` with ``pictures`` (two or more of its blocks) in one :data:`model.STACKED` div where the
    first was: drawn one under another, as Marp stacks a slide's backgrounds with ``bg vertical``."""
    if len(pictures) < 2:
        return body
    ids = {id(p) for p in pictures}
    out = []
    for b in body:
        if b is pictures[0]:
            out.append(m.Div(tuple(pictures), (m.STACKED,), b.pos))
        elif id(b) not in ids:
            out.append(b)
    return out


def _html_as_written(node: SyntaxTreeNode, pos: m.SourcePos) -> m.Paragraph:
    """An HTML block as its text, line for line (in a Marp comment's notes, which Marp shows as written)."""
    lines = node.content.strip("\n").split("\n")
    said: list[m.Inline] = [m.Text(lines[0])]
    for line in lines[1:]:
        said += [m.LineBreak(), m.Text(line)]
    return m.Paragraph(tuple(said), pos)


# inline tags that only style their words (in front matter: their words)
_PLAIN_TAGS = frozenset(("span", "font", "small", "big"))
# inline HTML tags drawn as what they say, and what each stands for (_Converter.html_formatting)
HTML_FORMATTING = {
    **dict.fromkeys(("b", "strong"), "strong"),
    **dict.fromkeys(("i", "em", "cite", "dfn", "var"), "em"),
    **dict.fromkeys(("s", "del", "strike"), "strike"),
    **dict.fromkeys(("code", "kbd", "tt", "samp"), "code"),
    **dict.fromkeys(("u", "ins"), "underline"),
    "sup": "superscript",
    "sub": "subscript",
    "mark": "mark",
}


# Markdown's line break written as a backslash ending a line (TeX's `\\` in a beamer deck)
_HARD_BREAK = re.compile(r"(?<!\\)\\\n")
# the tags Podium's own reading of TeX writes (tex_as_markup: \textbf as <b>, \textcolor as <span>…): in a
# beamer deck, any other tag-like text is the lecturer's words
_TEX_MADE_TAGS = frozenset({*HTML_FORMATTING, "span", "font", "small", "big", "br", "a", "img"})


@dataclass(frozen=True)
class _HtmlMark:
    """An HTML formatting tag (``<b>`` or ``</b>``) among a paragraph's inlines, until
    :meth:`_Converter.html_formatting` puts what it encloses inside what it stands for."""

    tag: str
    opening: bool
    colour: str = ""  # of a <span style="color:…"> or <font color=…>
    bold: bool = False  # <span style="font-weight: bold">
    italic: bool = False  # <span style="font-style: italic">
    classes: tuple[str, ...] = ()  # a <span class="fragment">'s classes (reveal.js's fragment), else none
    order: int | None = None  # its data-fragment-index


# the characters Chinese and Japanese write without spaces between words (ideographs, kana, CJK punctuation,
# full-width forms; not Korean's Hangul, which has spaces between words)
_WIDE = re.compile("[\u2e80-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]")


def _between_wide(node: SyntaxTreeNode) -> bool:
    """Whether the soft line break ``node`` joins two Chinese or Japanese characters: then it is no space,
    as xeCJK and ctex print it and pandoc's ``east_asian_line_breaks`` reads it ("文档。\\n介绍": 文档。介绍)."""
    before, after = node.previous_sibling, node.next_sibling
    return (
        before is not None
        and after is not None
        and before.type == "text"
        and after.type == "text"
        and bool(before.content)
        and bool(after.content)
        and _WIDE.match(before.content[-1]) is not None
        and _WIDE.match(after.content[0]) is not None
    )


def tex_as_markup(piece: RawPiece, colours: Mapping[str, texcolours.RGB] | None = None) -> str | None:
    """A TeX formatting command (:data:`TEX_FORMATTING`, ``\\url``, ``\\href``, ``\\footnote``) as the
    inline HTML or Markdown that draws the same (the reader draws ``<b>``, ``<span style="color:…">``,
    ``<a href>``, ``^[…]``), its words' own commands too; a symbol (``\\ldots``, ``\\LaTeX``) as its
    text; None for any other command.  ``colours``: the lecture's own (``\\definecolor``)."""
    if piece.name in TEX_SYMBOLS and not any(a.strip() for a in piece.args):  # (\ldots{} too)
        return TEX_SYMBOLS[piece.name]
    if not piece.args or "{" not in piece.kinds:
        return None
    if piece.name in emojis.TEX_COMMANDS:  # \twemoji{check mark button}: ✅ (an unknown name: None)
        return emojis.named(piece.args[-1])
    if piece.name in SIUNITX:  # \SI{9.81}{\metre\per\second}, \num{6e23}, \ce{H2O}: what they print
        from . import siunits  # noqa: PLC0415 (only lectures with units pay for its tables)

        options = ",".join(a for a, k in zip(piece.args, piece.kinds) if k == "[")
        return siunits.as_markup(
            piece.name, [a for a, k in zip(piece.args, piece.kinds) if k == "{"], options
        )
    if piece.name == "footnote":
        return f"^[{_tex_words(piece.args[-1], colours)}]"
    if piece.name == "textipa":  # tipa's transcription: the Unicode IPA it prints
        return _MARKDOWN_SPECIAL.sub(r"\\\g<0>", tipa.ipa(piece.args[-1]))
    if piece.name in ("colorbox", "fcolorbox", "hl", "highlight"):  # a box of colour behind the words
        return f"<mark>{_tex_words(piece.args[-1], colours)}</mark>"
    if piece.name in ("MakeUppercase", "uppercase", "MakeLowercase", "lowercase"):
        words = _tex_words(piece.args[-1], colours)
        return words.upper() if "upper" in piece.name.lower() else words.lower()
    if piece.name in ("url", "href"):
        url = _address(piece.args[0])
        words = piece.args[-1] if piece.name == "href" and len(piece.args) >= 2 else url
        if not url:  # (\url{}: nothing, as LaTeX prints; \href{}{words}: the words)
            return _tex_words(words, colours)
        return f'<a href="{escape(url, quote=True)}">{_tex_words(words, colours)}</a>'
    kind = TEX_FORMATTING.get(piece.name)
    if kind is None:
        return None
    if (
        kind == "code" and "line" in piece.args[-1]
    ):  # (an underlined space in typewriter text: its underscore)
        piece = replace(piece, args=[*piece.args[:-1], _BLANK_UNDERLINE.sub(r"\\_", piece.args[-1])])
    if kind == "code" and not re.search(  # (math in it is math: _tex_code_span)
        r"\\(?!textbackslash|textasciitilde|textasciicircum)[A-Za-z]", _CODE_MATH.sub("", piece.args[-1])
    ):
        return _tex_code_span(piece.args[-1])
    said = piece.args[-1]
    if kind == "code" and _TEX_CODE_BREAK.search(said):  # (a line break in it breaks the line: \texttt{a\\b})
        said = _TEX_CODE_BREAK.sub(lambda _: "\\\n", said)
    words = _tex_words(said, colours)
    if kind == "colour":  # \textcolor[model]{spec}{words}: LaTeX's names, models and mixes, the lecture's own
        braced = [a for a, k in zip(piece.args, piece.kinds) if k == "{"]
        model = piece.args[0] if piece.kinds.startswith("[") else ""
        colour = texcolours.tex_colour(braced[-2], model, colours) if len(braced) >= 2 else ""
        return f'<span style="color:{colour}">{words}</span>' if colour else words
    tag = {
        "strong": "b",
        "em": "i",
        "code": "code",
        "underline": "u",
        "subscript": "sub",
        "superscript": "sup",
        "strike": "s",
    }.get(kind)
    if tag is not None:
        return f"<{tag}>{words}</{tag}>"
    return f"[{words}]{{.smallcaps}}" if kind == "smallcaps" else words


def _coded(inline: m.Inline) -> m.Inline:
    """``inline`` in typewriter type: its words code, what sets them (underlined, bold, coloured) kept."""
    if isinstance(inline, m.Text):
        return m.Code(inline.text)
    if isinstance(inline, (m.Strong, m.Emph, m.Strike, m.Span)):
        return replace(inline, children=tuple(_coded(child) for child in inline.children))
    return inline


# an underlined space (\underline{ }, ulem's \uline{~}), which typewriter text prints as an underscore would
_BLANK_UNDERLINE = re.compile(r"\\u(?:nder)?line\s*\{(?:\s|~|\\ )*\}")
_TEX_CODE_CHARS = {"textbackslash": "\\", "textasciitilde": "~", "textasciicircum": "^"}


# math in \texttt's text (not an escaped dollar: \$)
_CODE_MATH = re.compile(r"(?<!\\)\$((?:\\.|[^$\\])+)\$")


# a line break in typewriter text: TeX's \\ (or \newline), or Markdown's backslash at the line's end
_TEX_CODE_BREAK = re.compile(r"\s*(?:(?<!\\)\\\\(?:\[[^\]]*\])?|\\newline(?![A-Za-z])|(?<!\\)\\\n)\s*")


def _tex_code_span(tex: str) -> str:
    """``\\texttt{…}``'s text as a Markdown code span, exactly as TeX prints it (``grep <pattern> [input]``,
    ``L*ure*``, ``--exclude``, ``{1..99}``: no emphasis, HTML, dashes or ellipsis made of them); TeX's
    escapes (``\\^{}``, ``\\{``, ``\\_``, ``\\textbackslash{}``) are their characters.  Math in it
    (``Terminal $\\to$ New Terminal``) is math, as TeX prints it: a symbol's character in the code
    (``Terminal → New Terminal``), other math as math between code spans.  A line break in it (``\\\\``,
    ``\\newline``, or the Markdown one a beamer deck's ``\\\\`` became) breaks the line, as in other text."""
    parts = _TEX_CODE_BREAK.split(tex)
    if len(parts) > 1:
        return "\\\n".join(_tex_code_span(part) if part.strip() else part for part in parts)
    if "$" not in tex:
        return _code_span_of(tex)
    out: list[str] = []
    code, last = "", 0
    for mt in _CODE_MATH.finditer(tex):
        code += tex[last : mt.start()]
        last = mt.end()
        shown = _math_character(mt.group(1))
        if shown is not None:
            code += shown
            continue
        out += [_code_span_of(code) if code.strip() else code, mt.group(0)]
        code = ""
    code += tex[last:]
    out.append(_code_span_of(code) if code.strip() else code)
    return "".join(out)


def _math_character(tex: str) -> str | None:
    """Math ``tex`` as the few characters it shows (``\\to``: →), where it is a symbol or two; else None."""
    from .texmath import tex_to_text  # noqa: PLC0415 (latex2mathml: only lectures with such math load it)

    shown = tex_to_text(tex)
    if shown and len(shown) <= 3 and not re.search(r"[\\{}_$^`]", shown):
        return shown
    return None


def _code_span_of(tex: str) -> str:
    """:func:`_tex_code_span` of ``tex`` without math."""
    code = re.sub(
        r"\\(textbackslash|textasciitilde|textasciicircum)(?![A-Za-z])(\{\})?",
        lambda mt: _TEX_CODE_CHARS[mt.group(1)],
        tex,
    )
    code = re.sub(r"\\([{}_$&%#^~])(\{\})?", r"\1", code)
    ticks = "`" * (max((len(r) for r in re.findall(r"`+", code)), default=0) + 1)
    pad = " " if code.startswith("`") or code.endswith("`") else ""
    return f"{ticks}{pad}{code}{pad}{ticks}"


def _wordless(node: SyntaxTreeNode) -> bool:
    """Whether a link node was written with no words, no picture, nothing in its brackets but spaces."""
    return all(c.type in ("text", "softbreak") and not c.content.strip() for c in node.children)


def _link_text_spans(text: str) -> list[tuple[int, int]]:
    """The (start, end) of each link's text in Markdown ``text``: between a ``[`` (not a picture's ``![``)
    and its ``]`` when ``(`` or ``[`` follows it (an address, a reference)."""
    spans: list[tuple[int, int]] = []
    opened: list[int] = []
    i = 0
    while i < len(text):
        c = text[i]
        if c == "\\":
            i += 2
            continue
        if c == "[":
            opened.append(-1 if i and text[i - 1] == "!" else i + 1)
        elif c == "]" and opened:
            start = opened.pop()
            if start >= 0 and text.startswith(("(", "["), i + 1):
                spans.append((start, i))
        i += 1
    return spans


# TeX's line break in a command's words (``\\``, ``\\*``, ``\\[4pt]``); code spans and math are read as
# they are (math's ``\\`` is its own)
_TEX_BREAK_IN_WORDS = re.compile(
    r"(`+)[^`]*?\1(?!`)|\$\$.*?\$\$|(?<!\\)\$(?:\\.|[^$\\])+\$|[ \t]*\\\\\*?(?:\[[^\]\n]*\])?[ \t]*", re.S
)


def _tex_line_breaks(words: str) -> str:
    """TeX's line breaks in the words of a command (``\\textit{a\\\\b}``, raw TeX in a pandoc lecture) as
    ``<br>``, which the reader draws as a line break (Markdown would read ``\\\\b`` as a backslash, then
    ``\\b`` as a command, and drop the word)."""
    if "\\\\" not in words:
        return words
    return _TEX_BREAK_IN_WORDS.sub(lambda mt: mt.group(0) if mt.group(0)[:1] in "`$" else "<br>", words)


def _tex_words(words: str, colours: Mapping[str, texcolours.RGB] | None = None) -> str:
    """The words of a formatting command, the commands inside them as markup too."""
    words = _tex_line_breaks(words)
    out: list[str] = []
    last = 0
    for piece in find_raw_tex(words):
        markup = tex_as_markup(piece, colours)
        out.append(words[last : piece.start])
        out.append(markup if markup is not None else _unformatted_words(piece, colours))
        last = piece.end
    out.append(words[last:])
    return "".join(out)


# the environments whose braced argument is a size or a name, no words (\begin{minipage}[t]{0.7\columnwidth})
_SIZED_ENVIRONMENTS = frozenset(("minipage", "column", "beamercolorbox", "parbox", "varwidth"))
_ENVIRONMENT_OPTIONS = re.compile(r"^[ \t]*(?:\[[^\]]*\][ \t]*)*")


def _unformatted_words(piece: RawPiece, colours: Mapping[str, texcolours.RGB] | None) -> str:
    """The words, inside a formatting command's, of a command :func:`tex_as_markup` does not draw: none for a
    picture's file name or a spacing, size or colour setting (``\\hspace*{1em}``, ``\\color{white}``); an
    environment's body without its arguments (``\\colorbox{black}{\\begin{minipage}{0.7\\columnwidth}…}``),
    the switches that open it setting its words (``\\ttfamily``: code); else its last argument."""
    name = piece.name.rstrip("*")
    if name in _HORIZONTAL_SPACES:  # (a space between words: `vpc_id\hspace*{1em}= …`)
        return " "
    if name in ("includegraphics", "color") or name in _LAYOUT_TEX:
        return ""
    if piece.name == "begin" and len(piece.args) == 2:
        body = piece.args[1][_ENVIRONMENT_OPTIONS.match(piece.args[1]).end() :]  # type: ignore[union-attr]
        if (
            piece.args[0] in _SIZED_ENVIRONMENTS
            and body.startswith("{")
            and (end := balanced_group(body, 0)) > 0
        ):
            body = body[end:]
        body = body.strip()
        grouped = switched_groups("{" + body + "}")  # (the environment is a group: its switches' words)
        return _tex_words(grouped if grouped != "{" + body + "}" else body, colours)
    return piece.args[-1] if piece.args else ""


SIUNITX = frozenset(("SI", "qty", "si", "unit", "num", "ang", "SIrange", "qtyrange", "numrange", "ce"))

# the names of TeX and its kin (LaTeX's own, the doc, metalogo and amsmath packages'), as they are spelt
TEX_LOGOS = {
    "LaTeXe": "LaTeX2\u03b5",
    "BibTeX": "BibTeX",
    "XeTeX": "XeTeX",
    "XeLaTeX": "XeLaTeX",
    "LuaTeX": "LuaTeX",
    "LuaLaTeX": "LuaLaTeX",
    "pdfTeX": "pdfTeX",
    "pdfLaTeX": "pdfLaTeX",
    "AmS": "AMS",
    "AmSTeX": "AMS-TeX",
    "AmSLaTeX": "AMS-LaTeX",
}
# what Markdown would read as markup in words written as they print (tipa's [ˈpe.ɾa], */gəʎedə/)
_MARKDOWN_SPECIAL = re.compile(r"[\\`*_\[\]<>$~^|]")
# TeX's symbols in text, as their characters
TEX_SYMBOLS = {
    **{name: ipa for name, ipa in tipa.SYMBOLS.items() if name.startswith("text")},  # (tipa's, in text too)
    "ldots": "…",
    "dots": "…",
    "LaTeX": "LaTeX",
    "TeX": "TeX",
    **TEX_LOGOS,
    "textendash": "–",
    "textemdash": "—",
    "textbackslash": "\\",
    "quad": "\u2003",
    "qquad": "\u2003\u2003",
    "enspace": "\u2002",
    "enskip": "\u2002",
    "thinspace": "\u2009",
    "medspace": "\u2005",  # (LaTeX's spaces of math's widths in text: \medspace is \:, \thickspace \;)
    "thickspace": "\u2004",
    **dict.fromkeys(("negthinspace", "negmedspace", "negthickspace"), ""),  # (a kern back: nothing shown)
    "newline": "<br>",
    "linebreak": "<br>",
    "S": "§",
    "P": "¶",
    "pounds": "£",
    "euro": "€",
    "texteuro": "€",
    "checkmark": "✓",
    # amsthm's end-of-proof mark (beamer loads amsthm): \qed prints \qedsymbol, an open box, after a space
    "qed": "\u2003\u25a1",
    "qedsymbol": "\u25a1",
    "openbox": "\u25a1",
    "blacksquare": "\u25a0",
    "copyright": "©",
    "textcopyright": "©",
    "textregistered": "®",
    "texttrademark": "™",
    "textdegree": "°",
    "dag": "†",
    "ddag": "‡",
    "textbullet": "•",
    # (textcomp's arrows, which LaTeX's text fonts print)
    "textrightarrow": "→",
    "textleftarrow": "←",
    "textuparrow": "↑",
    "textdownarrow": "↓",
    "ss": "ß",
    "aa": "å",
    "AA": "Å",
    "o": "ø",
    "O": "Ø",
    "ae": "æ",
    "AE": "Æ",
    "oe": "œ",
    "OE": "Œ",
    "l": "ł",
    "L": "Ł",
    "i": "ı",
}
# the names of TeX and its kin in front-matter text (a title's \LaTeX{}), as they are spelt
_META_LOGO = re.compile(r"(?<!\\)\\(TeX|LaTeX|" + "|".join(TEX_LOGOS) + r")(?![A-Za-z])(?:\{\})?")


# \label, \nonumber, \notag and \tag{…} in display math: LaTeX numbers equations, a slide does not
def _empty_bold_dropped(kept: list[str], src: str, last: int) -> int:
    """Where to go on in ``src`` after a raw TeX piece left out that was all of a bold span (``**\\foo{x}**``,
    a description's label made of a command that prints nothing): the span's markers taken from ``kept``
    and skipped, so that no ``****`` is shown; else ``last``."""
    if kept and kept[-1].endswith("**") and not kept[-1].endswith("***") and src.startswith("**", last):
        if not src.startswith("***", last):
            kept[-1] = kept[-1][:-2].rstrip(" ") + (" " if kept[-1][:-2].strip() else "")
            return last + 2 + (len(src[last + 2 :]) - len(src[last + 2 :].lstrip(" ")))
    return last


_MATH_LABELS = re.compile(r"\\(?:label\{[^{}]*\}|tag\*?\{[^{}]*\}|nonumber\b|notag\b)")
# TeX's formatting commands in text, drawn as they say (beamer's \alert and \structure: bold)
TEX_FORMATTING = {
    **dict.fromkeys(("textbf", "alert", "structure"), "strong"),
    **dict.fromkeys(("emph", "textit", "textsl"), "em"),
    "texttt": "code",
    **dict.fromkeys(("underline", "uline"), "underline"),
    **dict.fromkeys(("sout", "st"), "strike"),  # (ulem's and soul's strike-through: org-mode's +words+)
    "textsc": "smallcaps",
    "textcolor": "colour",
    "textsubscript": "subscript",
    "textsuperscript": "superscript",
    # a face or a box that changes no meaning: the words, plainly
    **dict.fromkeys(
        ("textrm", "textsf", "textup", "textnormal", "mbox", "hbox", "text", "centerline"), "plain"
    ),
    # relsize's sizes for their argument (\textsmaller{words}): the words, at the slide's size
    **dict.fromkeys(("textsmaller", "textlarger", "textscale"), "plain"),
}
_TEX_TEXT = frozenset(
    {
        "footnote",  # (in a paragraph a footnote; elsewhere its words)
        "ref",  # cross-references: their label, unnumbered
        "eqref",
        "autoref",
        "cref",
        "Cref",
        "only",  # beamer's overlays: a deck shows every step's words at once
        "uncover",
        "visible",
        "onslide",
        "alt",
    }
)
# HTML that embeds a web page, video or sound (reveal.js and Quarto decks play them)
# an <svg> drawing written in the Markdown (to its end, or the block's), and the words of its <text>s
_SVG_DRAWING = re.compile(r"<svg\b.*?(?:</svg\s*>|$)", re.I | re.S)
_SVG_TEXT = re.compile(r"<text\b[^>]*>(.*?)</text\s*>", re.I | re.S)
_MEDIA_TAG = re.compile(r"<(?:iframe|video|audio|embed|source|object)\b[^>]*>", re.I)
_MEDIA_KINDS = {
    "iframe": "web page",
    "embed": "web page",
    "object": "web page",
    "video": "video",
    "audio": "sound",
    "source": "video",
}
_MEDIA_ONLY = re.compile(
    r"\s*(?:<(?:iframe|video|audio|embed|source|object|track|param)\b[^>]*>\s*"
    r"|</(?:iframe|video|audio|embed|object)>\s*|<p>\s*|</p>\s*|<div\b[^>]*>\s*|</div>\s*)+",
    re.I,
)
# beamer's \pause in a paragraph (`\item First \pause`, a line of its own): a click there
_PAUSE = re.compile(r"\\pause(?:\[(\d{1,3})\])?(?![A-Za-z])")  # (\pause[3]: on overlay step 3, texenvs._list)
# a list item that is a reveal.js fragment (revealmd, rawhtml: FRAGMENT_ITEM), its fragment-index if any
_FRAGMENT_ITEM = re.compile(r"^\s*\\pause\[fragment(?:=(\d{1,3}))?\]\s*")
# a paragraph's math, display (`$$ … $$`, TeX's \[ … \] as read) or inline, and what may end it after a \pause
_MATH_SPAN = re.compile(r"(?<![\\$])\$\$.+?(?<!\\)\$\$|(?<![\\$])\$(?=\S)(?:\\.|[^$\\])+?\$", re.S)
_MATH_SPAN_END = re.compile(r"(?:\s|\\\\)*\$\$?")
# beamer's blocks (pandoc writes ::: {.block title="…"} as \begin{block}{…}) as the callout kind they look like
BEAMER_BLOCKS = {"block": "note", "alertblock": "warning", "exampleblock": "tip"}


def _latex_argument(text: str) -> str:
    """The first ``{…}`` argument in ``text`` (bookdown's ``data-latex="{Hint}"``, which it writes after the
    environment's ``\\begin{block}``: a beamer block's title), its braces balanced; "" if none."""
    text = text.strip()
    if not text.startswith("{"):
        return ""
    depth = 0
    for k, ch in enumerate(text):
        depth += {"{": 1, "}": -1}.get(ch, 0)
        if depth == 0:
            return text[1:k].strip()
    return ""


_STRUCTURAL = (
    "notes",
    "handout",
    "slides",
    "instructor",
    "student",
    "columns",
    "column",
    "columns-2",  # (ioslides' flowing columns)
    "incremental",
    "nonincremental",
)


def _meant_class(c: str) -> str | None:
    """The structural class ``c`` most likely means (itself when exact), or None: one letter away from it
    (one missed, added, changed or two swapped: ``note``, ``handouts``, ``instuctor``), its digits the same
    (``columns-3`` is not ``columns-2``).  A word further away (``instructions``, ``slideshow``) is a
    CSS class of its own."""

    if c in _STRUCTURAL:
        return c
    if len(c) < 4 or c.startswith(("callout", "r-", "fragment")):
        return None
    low = c.lower()
    for meant in _STRUCTURAL:
        if _one_edit(low, meant) and re.sub(r"\D", "", low) == re.sub(r"\D", "", meant):
            return meant
    return None


def _one_edit(a: str, b: str) -> bool:
    """Whether ``a`` is ``b`` with one letter missed, added, changed, or two neighbours swapped."""
    if abs(len(a) - len(b)) > 1 or a == b:
        return a == b
    i = 0
    while i < min(len(a), len(b)) and a[i] == b[i]:
        i += 1
    if len(a) == len(b):
        return a[i + 1 :] == b[i + 1 :] or a[i : i + 2] == b[i : i + 2][::-1] and a[i + 2 :] == b[i + 2 :]
    return a[i + 1 :] == b[i:] if len(a) > len(b) else a[i:] == b[i + 1 :]


def _near_class(c: str) -> str | None:
    """The structural class ``c`` resembles though it is not a typo of it (``instructions``), or None."""
    if c in _STRUCTURAL or len(c) < 4 or c.startswith(("callout", "r-", "fragment")):
        return None
    close = difflib.get_close_matches(c.lower(), _STRUCTURAL, n=1, cutoff=0.8)
    return close[0] if close else None


def _classes_read(classes: Sequence[str]) -> tuple[str, ...]:
    """A div's classes as Podium reads them: a class that is one letter away from a structural class is
    read as that class only when it is the div's only class (``::: note``); beside others
    (``::: {.slide .center .large}``) it is a CSS class, shown as pandoc and Quarto show it."""
    if len(classes) == 1:
        return (_meant_class(classes[0]) or classes[0],)
    return tuple(classes)


def _short(text: str, n: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


def _px(value: str | None) -> str | None:
    if value is None:
        return None
    value = value.strip()
    return value + "px" if re.fullmatch(r"\d+(\.\d+)?", value) else value


# what TeX leaves out of an address broken over lines: a comment, whose `%` takes the line's end and the
# next line's leading spaces with it, or a line's end with the spaces around it (url's \url drops spaces)
_ADDRESS_BREAK = re.compile(r"(?<!\\)%[ \t]*\n\s*|\s*\n\s*")


def _address(tex: str) -> str:
    """The address that ``\\url{tex}`` (``\\href``'s first argument) links to: its lines joined as TeX reads
    them (``…/%`` ⏎ ``rest``: ``…/rest``), hyperref's escaped characters (``\\%``, ``\\#``) as themselves."""
    return re.sub(r"\\([%#&_$~])", r"\1", _ADDRESS_BREAK.sub("", tex.strip()))


def is_safe_url(href: str) -> bool:
    """True for http(s), mailto and relative links; False for javascript:, data:, file: and the like."""
    cleaned = re.sub(r"[\x00-\x20]", "", unquote(href)).lower()
    scheme = urlparse(cleaned).scheme
    return scheme == "" or scheme in _SAFE_SCHEMES


def _closes_fence(lines: list[str], node: SyntaxTreeNode) -> bool:
    if not node.map:
        return False
    last = re.sub(r"^[\s>]*", "", lines[node.map[1] - 1]).strip() if node.map[1] - 1 < len(lines) else ""
    marker = (node.markup or "```")[0]
    return node.map[1] - node.map[0] > 1 and last.startswith(marker * 3) and last.strip(marker) == ""


def _text_node(text: str) -> SyntaxTreeNode:
    tok = Token("text", "", 0, content=text)
    root = SyntaxTreeNode(
        [
            Token("paragraph_open", "p", 1),
            Token("inline", "", 0, children=[tok]),
            Token("paragraph_close", "p", -1),
        ]
    )
    return root.children[0].children[0].children[0]


_SPAN = re.compile(r"\[([^\[\]]+)\]\{([^{}]*)\}")
# a table's caption under it: `: Caption`, `Table: Caption`, pandoc's `:Caption` too (not a div's `:::`),
# or its attributes alone (`{#tbl-x}`)
_CAPTION_AFTER = re.compile(r"^(?::(?!:)\s*\S|Table:\s|\{[^{}]*\}\s*$)")
_INLINE_CELL_IN_MATH = re.compile(r"`([^`\n]+)`")  # (knitr's `r x` inside $…$, before knitr runs it)
_TEXT_SPECIALS = re.compile(r"([{}_#%&$])")  # (escaped in a \text: latex2mathml is given the characters)
# math written for a Markdown that unescapes it before MathJax reads it (reveal.js's marked):
# `\int_\{x \in A\}` or `p\\{f\\}` (TeX's own `_\{` would be a literal brace as a subscript)
_MARKDOWN_ESCAPED_MATH = re.compile(r"[_^]\\\{|\\\\[{}]")
_SLIDE_COMMENT = re.compile(r"\s*<!--\s*\.slide:?\s*(.*?)\s*-->\s*$", re.S)


_CENTRED = frozenset(
    {"center", "centre", "centered", "centred", "text-center", "has-text-centered", "align-center"}
)
_RIGHT = frozenset({"right", "text-right", "has-text-right", "align-right", "flushright"})


def _undrawn_css(style: str) -> list[str]:
    """The properties of a div's ``style="…"`` that are not drawn (all but ``text-align``), in order."""
    names = [decl.split(":", 1)[0].strip().lower() for decl in style.split(";") if ":" in decl]
    return list(dict.fromkeys(n for n in names if n and n != "text-align"))


_INCLUDE_URL = re.compile(r"""^\s*(?:knitr::)?include_(?:url|app)\(\s*(["'])([^"'\n]+)\1[^)]*\)\s*$""")
_FOLLOWING_PUNCTUATION = re.compile(r"^[ \t]*([.,;:])(?=\s|$)")  # after display math, ending its sentence
_NUMBER_LINES = frozenset({"numberlines", "number-lines"})  # pandoc's classes for numbered code lines


@dataclass(frozen=True)
class _FenceMarks:
    """What the marks after a code fence's language say: ``highlight``, the lines it highlights as written
    (Slidev's ``{2-3|5}``, reveal.js's ``[1-2|3]``; "" for none); ``lines``, whether Slidev numbers its
    lines (``{lines:true}``; None: not said); ``start``, the number of its first line (``startLine``)."""

    highlight: str = ""
    lines: bool | None = None
    start: int = 1


# Slidev's marks: the lines highlighted (`{2,3}`, `{1-2|3}`; `{*}` and `{all}`: every line, none singled
# out), then perhaps its options (`{lines:true, startLine:5, maxHeight:'300px'}`); reveal.js's `[1-2|3]`
_SLIDEV_MARKS = re.compile(r"\s*(\{[^{}:]*\})?\s*(\{[^{}]*:[^{}]*\})?")
_REVEAL_MARKS = re.compile(r"\[[\d|,\s-]+\]")
_OPTION = re.compile(r"""(\w+)\s*:\s*(['"]?)([^,'"{}]*)\2""")


def _fence_marks(after: str) -> _FenceMarks:
    """The marks written after a code fence's language (``after``): :class:`_FenceMarks`."""
    reveal = _REVEAL_MARKS.search(after)
    if reveal is not None:
        return _FenceMarks(reveal.group(0))
    marks = _SLIDEV_MARKS.match(after)
    ranges, options = (marks.group(1) or "", marks.group(2) or "") if marks else ("", "")
    said = {k: v.strip() for k, _, v in _OPTION.findall(options)}
    lines = {"true": True, "false": False}.get(said.get("lines", ""))
    start = int(said["startLine"]) if said.get("startLine", "").isdigit() else 1
    return _FenceMarks(ranges if re.search(r"\d", ranges) else "", lines, start)


def _first_line_number(attrs: Attrs, pos: m.SourcePos, diags: Diagnostics) -> int | None:
    """The number a code block's first line is shown with: pandoc's ``.numberLines`` (``startFrom="N"``)
    or Quarto's ``code-line-numbers="true"``; None when its lines are not numbered."""
    numbered = any(c.lower() in _NUMBER_LINES for c in attrs.classes)
    numbered = numbered or attrs.kv.get("code-line-numbers", "").strip().lower() == "true"
    start = attrs.kv.get("startFrom", attrs.kv.get("start-from"))
    if not numbered:
        return None
    if start is None:
        return 1
    try:
        return int(start.strip())
    except ValueError:
        diags.warning(
            f'startFrom="{start}" is not a whole number: the lines are numbered from 1', pos, "attribute"
        )
        return 1


def _div_align(classes: tuple[str, ...], kv: dict[str, str]) -> m.Align:
    """How a div aligns its text: a class (``.center``, Bootstrap's ``.text-center``, xaringan's ``.right``)
    or ``style="text-align: center"``; NONE when it does not say."""
    style = re.search(r"text-align\s*:\s*(center|right)", kv.get("style", ""), re.I)
    if style is not None:
        return m.Align(style.group(1).lower())
    if _CENTRED.intersection(classes):
        return m.Align.CENTER
    return m.Align.RIGHT if _RIGHT.intersection(classes) else m.Align.NONE


def _card_shaped(node: SyntaxTreeNode) -> bool:
    """A div written as a card: no class with a meaning of its own (a column, notes, a fragment, a
    callout, a layout), one paragraph that is a picture alone, and up to three short lines (paragraphs
    or one-line HTML such as ``<div class="name">…</div>``)."""
    if node.type != "fenced_div":
        return False
    attrs = parse_attrs(node.info)
    if (
        any(
            c in _STRUCTURAL or c.startswith(("fragment", "r-")) or c == "aside"
            for c in _classes_read(attrs.classes)
        )
        or quarto.callout_kind(attrs.classes)
        or any(k.startswith("layout") for k in attrs.kv)
    ):
        return False
    pictures = [k for k in node.children if k.type == "paragraph" and _picture_alone(k)]
    rest = [k for k in node.children if not (k.type == "paragraph" and _picture_alone(k))]
    return (
        len(pictures) == 1
        and len(rest) <= 3
        and all(k.type in ("paragraph", "html_block") and len(_source_text(k)) <= 160 for k in rest)
    )


def _picture_alone(paragraph: SyntaxTreeNode) -> bool:
    """A paragraph holding one picture (perhaps with its ``{…}`` attributes) and nothing else."""
    kids = paragraph.children[0].children if paragraph.children else []
    seen = [k for k in kids if not (k.type in ("text", "softbreak") and not k.content.strip())]
    return (
        len(seen) >= 1
        and seen[0].type == "image"
        and all(k.type == "text" and k.content.strip().startswith("{") for k in seen[1:])
    )


def _source_text(node: SyntaxTreeNode) -> str:
    return node.content if node.type == "html_block" else (node.children[0].content if node.children else "")


def _largest_heading_titles(d: _SlideDraft) -> bool:
    """A Marp cover (the first slide, or one of a title class) titled by a heading over a larger one
    (``## Course``, then ``# Lecture``): the larger is its title, the one over it is a heading before it
    (its kicker).  Whether it was so."""
    if d.kind != m.CONTENT or not d.title or d.title_level <= 1:
        return False
    for j, b in enumerate(d.body):
        if not isinstance(b, m.Heading):
            return False  # (only headings before it: a heading further down is the slide's own)
        if b.level < d.title_level:
            d.body[j : j + 1] = [m.Heading(d.title_level, d.title, d.pos)]
            d.title, d.pos, d.title_level = b.content, b.pos, b.level
            return True
    return False


# a Marp slide's classes that theme a title slide (`<!-- _class: lead -->`, a theme's `cover`)
def _contents_list(d: _SlideDraft) -> bool:
    """Whether ``d`` is an untitled slide of only a list of links to the deck's own slides (the contents
    a Markdown tool writes: ``- [Intro](#intro)``, nested)."""

    def links(items: tuple[m.ListItem, ...]) -> bool:
        for item in items:
            for b in item.blocks:
                if isinstance(b, m.BulletList):
                    if not links(b.items):
                        return False
                    continue
                shown = (
                    [x for x in b.content if not (isinstance(x, m.Text) and not x.text.strip())]
                    if (isinstance(b, m.Paragraph))
                    else []
                )
                if len(shown) != 1 or not isinstance(shown[0], m.Link) or not shown[0].url.startswith("#"):
                    return False
        return True

    return not d.title and len(d.body) == 1 and isinstance(d.body[0], m.BulletList) and links(d.body[0].items)


# words that say "by" before an author's name (English, German, French, Spanish, Dutch, Swedish,
# Indonesian, Vietnamese, Italian)
_BY = frozenset("by von par por door av oleh bởi di da".split())
_NAME_LINKS = frozenset(
    "van von de der den del della di da du la le bin binti al dos das y e and und et".split()
)


def _repeats_meta(line: str, meta: m.Meta) -> bool:
    """Whether a cover's ``line`` only repeats what the front matter gives the title slide: its authors'
    names (all of them, or one; "by Jane Doe" too), its institute or its date."""

    def said(text: str) -> str:
        return " ".join(re.sub(r"[,;&]|\band\b|\bund\b|\bet\b", " ", text.casefold()).split())

    words = said(line)
    first, _, rest = words.partition(" ")
    if first.rstrip(":") in _BY and rest:
        words = rest
    names = [said(a.name.replace("\n", " ")) for a in meta.authors]
    given = {*names, " ".join(names), said(meta.institute), said(meta.date)} - {""}
    return bool(words) and words in given


def _fuller_author(lines: list[str], authors: tuple[m.Author, ...]) -> tuple[list[str], tuple[m.Author, ...]]:
    """A cover's first line that says the front matter's one author more fully ("Juan Vera del Campo -
    <juan@uni.es>" under `author: Juan Vera`) as that author, and the lines left; else ``lines`` and ()."""
    if len(authors) != 1 or not lines:
        return lines, ()
    name, line = " ".join(authors[0].name.split()).casefold(), " ".join(lines[0].split())
    if name and len(line) > len(name) and line.casefold().startswith(name) and not line[len(name)].isalnum():
        return lines[1:], (m.Author(line),)
    return lines, ()


def _bylines(title: str, lines: list[str]) -> bool:
    """Whether a first slide's ``lines`` under its ``title`` (and no subtitle) are a title slide's: at most
    three short lines, none a sentence, the first an author's name ("Marco Klein", "von Marco Klein (…)",
    "Dr. Jane Smith, MIT"); "# Why?" and a line of text is a slide."""
    if not 1 <= len(lines) <= 3 or title.rstrip().endswith(("?", "？")):
        return False
    if any(len(x) > 80 or x.rstrip().endswith(tuple(".?!:;…。？！：；")) for x in lines):
        return False
    said = re.sub(r"\([^()]*\)|<[^<>]*>|\S+@\S+", " ", lines[0])  # (an e-mail or affiliation in brackets)
    # (a dash or a bar between the name and what follows it: "Juan Vera - <juan@uni.es>", "Ana Ruiz | UPC")
    words = [
        w for w in said.replace(",", " ").replace("&", " ").split() if w not in ("-", "–", "—", "|", "·")
    ]
    if words and words[0].lower().rstrip(":") in _BY:
        words = words[1:]
    if not words or any(w.endswith(":") for w in words):  # ("Twitter: @name", "Contact: …": a slide)
        return False
    if not any(c.isupper() or c.islower() for c in "".join(words)):  # a script without capitals
        return len("".join(words)) <= 12
    names = [w for w in words if w[0].isupper()]  # (a first name and a surname at least)
    return len(names) >= 2 and len(words) <= 8 and all(w in names or w.lower() in _NAME_LINKS for w in words)


_TITLE_CLASSES = frozenset(
    {"lead", "cover", "title", "titlepage", "title-slide", "front", "invert"}
    # (the same in the languages Marp themes are often written in: French, German, Spanish, Italian)
    | {"titre", "couverture", "titel", "titulo", "título", "portada", "titolo", "copertina"}
)
# Marp's fitting heading: `# Words <!-- fit -->` (drawn as large as the slide's width allows)
_MARP_FIT = re.compile(r"<!--\s*fit\s*-->")
# a Markdown picture, `![bg right:40%](figs/x.png "title")` (or a code span, whose text is shown as written);
# ASCII punctuation, which a backslash makes text
_MARKDOWN_PICTURE = re.compile(r"(`+).*?\1|!\[(?:[^\[\]\n]|\[[^\[\]\n]*\])*\]\((?:[^()\n]|\([^()\n]*\))*\)")
_PUNCTUATION = re.compile(r"[!-/:-@\[-`{-~]")


_MATH_SPACES = {"quad": "\u2003", "qquad": "\u2003\u2003", "enspace": "\u2002", ",": "\u2009", ":": "\u2005",
                ";": "\u2004", " ": " ", "thinspace": "\u2009", "!": ""}  # fmt: skip
_SPACING_ONLY = re.compile(r"(?:\\(?:quad|qquad|enspace|thinspace|[,:; !])(?![A-Za-z])|~|\s)+")
_SCRIPT_ONLY = re.compile(r"([\^_])(?:\{([\w+\-−=()., ]{1,12})\}|([\w+\-−]))")


def _math_inline(tex: str) -> list[m.Inline]:
    """Inline math as the deck and the handout show it: math, but for math that is only spacing
    (``$\\quad$`` indenting pseudocode: its spaces) or only a superscript or subscript (``m$^2$``,
    ``CO$_2$``: the characters raised or lowered after the word before it)."""
    if _SPACING_ONLY.fullmatch(tex):
        return [
            m.Text("".join(_MATH_SPACES.get(x, " ") for x in re.findall(r"\\([A-Za-z]+|.)|~", tex)) or " ")
        ]
    script = _SCRIPT_ONLY.fullmatch(tex.strip())
    if script is not None:
        kind = "superscript" if script.group(1) == "^" else "subscript"
        said = (script.group(2) or script.group(3)).replace("-", "\u2212")  # (math's minus sign)
        return [m.Span((m.Text(said),), (kind,))]
    return [m.InlineMath(tex)]


def _wrap_share(said: str | None) -> float | None:
    """A wrapfig picture's column (``wrapfig=40%``, texenvs writes it) as a share of the slide's width:
    0.0 where its width is not given; None for a picture no wrapfig holds."""
    if said is None:
        return None
    mt = re.fullmatch(r"\s*([0-9]*\.?[0-9]+)%\s*", said)
    return float(mt.group(1)) / 100 if mt else 0.0


HTML_SLIDE_PX = (
    960  # the width of an HTML slide show's slide: reveal.js's, ioslides' and remark's are near it
)


def _in_float_column(picture: m.Block, share: float) -> m.Block:
    """A floated ``picture`` in its column of ``share`` of the slide's width: its width, which was the
    slide's (and gave the column its width: :func:`_float_share`), made the column's (``width=45%`` in a
    45 % column is the whole column, not 45 % of it)."""
    if not isinstance(picture, m.Image) or picture.width is None:
        return picture
    if picture.width.unit == m.LengthUnit.PERCENT:
        of_slide = picture.width.value / 100
    elif picture.width.unit == m.LengthUnit.PX:
        of_slide = picture.width.value / HTML_SLIDE_PX
    else:
        return picture
    percent = round(min(100.0, 100 * of_slide / share), 1)
    return replace(picture, width=m.Length(percent, m.LengthUnit.PERCENT))


def _float_share(pictures: list[m.Image]) -> float:
    """The share of the slide's width a column of floated ``pictures`` takes: the widest one's width as
    a share of an HTML slide (about 960 pixels wide: reveal.js's, ioslides' and remark's are near it), or
    its percentage; half where none is given; between a third and 60 %."""
    shares = []
    for p in pictures:
        if p.width is not None and p.width.unit == m.LengthUnit.PX:
            shares.append(p.width.value / HTML_SLIDE_PX)
        elif p.width is not None and p.width.unit == m.LengthUnit.PERCENT:
            shares.append(p.width.value / 100)
    share = max(shares) if shares else 0.5
    return round(min(max(share, 1 / 3), 0.6), 3)


def _flowed(blocks: list[m.Block], pos: m.SourcePos) -> m.Block:
    """Blocks a browser flows into two columns (ioslides' ``columns-2``) as two columns of about half the
    blocks each (the first the larger half); one block stays whole."""
    if len(blocks) < 2:
        return m.Div(tuple(blocks), ("columns-2",), pos)
    half = (len(blocks) + 1) // 2
    return m.Columns((m.Column(tuple(blocks[:half]), 0.5), m.Column(tuple(blocks[half:]), 0.5)), pos)


def _style_names(styles: Iterable[str]) -> str:
    """reveal.js fragment styles as a lecturer wrote them: "the .fade-out and .grow fragments"."""
    names = [f".{s}" for s in styles]
    listed = ", ".join(names[:-1]) + " and " + names[-1] if len(names) > 1 else names[0]
    return f"the {listed} fragments"


def _click_span(html: str) -> str:
    """A Slidev deck's inline tag with ``<v-click>`` (``<v-after>``: on the click before it) as the fragment
    span it is, its paragraph's click: written over a line break, which the rewrite of a line leaves
    (:func:`podium.slidev._inline_clicks`)."""
    mt = re.fullmatch(r"<(/?)v-(click|after)\b[^>]*>", html.strip())
    if mt is None:
        return html
    if mt.group(1):
        return "</span>"
    return '<span class="fragment with-previous">' if mt.group(2) == "after" else '<span class="fragment">'


def _fragment_spans(nodes) -> list[m.Span]:
    """The reveal.js fragment spans among ``nodes`` (``m.walk``'s), in reading order."""
    return [n for n in nodes if isinstance(n, m.Span) and "fragment" in n.classes]


def _unfragmented(content: m.Inlines) -> m.Inlines:
    """``content`` with its spans no fragments any more (their words and other classes kept)."""

    def plain(n):
        if isinstance(n, m.Span) and "fragment" in n.classes:
            return replace(n, classes=tuple(c for c in n.classes if c != "fragment"), order=None)
        return n

    return tuple(m.transform(x, plain) for x in content)


def _built_slide(d: _SlideDraft) -> _SlideDraft:
    """``d`` with each block of its body a click of its own, in reading order, when its heading says
    ``{.build}``: ioslides builds every child of such a slide (``.build > *``), its first too.  A list keeps
    its own rule inside its click: item by item where it is incremental (the lecture's ``incremental``
    setting, which a list alone in a block quote reverses), else all at once."""
    if "build" not in d.classes:
        return d
    body = [
        b
        if isinstance(b, m.Pause) or isinstance(b, m.Div) and "fragment" in b.classes
        else m.Div((b,), ("fragment",), b.pos)
        for b in d.body
    ]
    return replace(d, body=body)


def _flowed_slide(d: _SlideDraft) -> list:
    """A slide's body; flowed into two columns when its heading says ``{.columns-2}`` (ioslides'); a section
    slide's second line (:meth:`_Converter._under_section`) a line of text, even where a heading wrote it."""
    if d.kind == m.SECTION and len(d.body) == 1 and isinstance(d.body[0], m.Heading):
        return [m.Paragraph(d.body[0].content, d.body[0].pos)]
    if "columns-2" not in d.classes or len(d.body) < 2 or any(isinstance(b, m.Columns) for b in d.body):
        return d.body
    return [_flowed(list(d.body), d.pos)]


def _slide_comments_after_headings(nodes: list[SyntaxTreeNode]) -> list[SyntaxTreeNode]:
    """``nodes`` with each reveal.js ``<!-- .slide: … -->`` comment written just before a heading moved
    after it: it belongs to the slide that heading opens (reveal.js cuts slides at '---', not headings)."""
    out = list(nodes)
    k = 0
    while k < len(out) - 1:
        node = out[k]
        if (
            node.type == "html_block"
            and out[k + 1].type == "heading"
            and is_comment(node.content)
            and _SLIDE_COMMENT.match(node.content)
        ):
            out[k], out[k + 1] = out[k + 1], node
            k += 1  # (moved once: not on past the next heading, when its own slide has nothing else)
        k += 1
    return out


def _slide_attrs(text: str) -> Attrs:
    """A reveal.js ``.slide:`` comment's ``data-background…`` attributes as Quarto's slide attributes:
    ``data-background`` is a picture when it names a file, else a colour."""
    return Attrs(kv=_backgrounds(read_inline_tag(f"<slide {text}>").attrs.items()))  # (as HTML reads them)


def _backgrounds(pairs) -> dict[str, str]:
    """reveal.js's ``data-background…`` attributes of ``pairs`` (a ``.slide:`` comment's, or pandoc's on a
    heading) as Quarto's ``background…`` ones: ``data-background`` is a picture when it names a file, else
    a colour."""
    kv: dict[str, str] = {}
    for key, value in pairs:
        if key == "data-background":
            looks_like_file = re.search(r"\.(?:png|jpe?g|gif|svg|webp)\b|^url\(|/", value, re.I)
            key = "data-background-image" if looks_like_file else "data-background-color"
        if key.startswith("data-background"):
            kv[key.removeprefix("data-")] = re.sub(r"^url\((['\"]?)(.*)\1\)$", r"\2", value.strip())
    return kv


# an escaped bracket (``\[``) stands for itself in text until spans are read (:meth:`_Converter.texts`):
# characters no text holds (Unicode noncharacters), which opens or closes no span
_ESCAPED_BRACKETS = {"[": "\ufdd0", "]": "\ufdd1"}
_ESCAPED_MARKS = re.compile("[\ufdd0\ufdd1]")


def _alerts_strong(items: m.Inlines) -> m.Inlines:
    """``[words]{.alert}`` (the emphasis class of reveal.js and beamer themes: Quarto's clean-revealjs,
    Xaringan's) drawn as beamer's ``\\alert`` is, strong, its other classes kept."""
    if not any(isinstance(x, m.Span) and "alert" in x.classes for x in items):
        return items
    return tuple(
        m.Strong((replace(x, classes=tuple(c for c in x.classes if c != "alert")),))
        if isinstance(x, m.Span) and "alert" in x.classes
        else x
        for x in items
    )


def _escaped_brackets_written(node: Any) -> Any:
    """A text's escaped brackets (:data:`_ESCAPED_BRACKETS`) as the brackets they are."""
    if isinstance(node, m.Text) and _ESCAPED_MARKS.search(node.text):
        return m.Text(node.text.replace("\ufdd0", "[").replace("\ufdd1", "]"))
    return node


def _spans(text: str) -> list[m.Inline]:
    """Split ``[text]{.cls}`` spans out of plain text."""
    if "]{" not in text:
        return [m.Text(text)] if text else []
    out: list[m.Inline] = []
    last = 0
    for mt in _SPAN.finditer(text):
        if mt.start() > last:
            out.append(m.Text(text[last : mt.start()]))
        attrs = parse_attrs(mt.group(2))
        colour = style_colour(attrs.kv.get("style", ""))
        out.append(m.Span((m.Text(mt.group(1)),), attrs.classes, colour, attrs.order))
        last = mt.end()
    if last < len(text):
        out.append(m.Text(text[last:]))
    return out


def _anchors(slides: list[m.Slide], drafts: list[_SlideDraft]) -> dict[str, int]:
    """Each id of the lecture and its slide's number: the ids written on headings and divs, and the
    identifiers pandoc makes of the other headings' words, in document order (a repeated one gets
    ``-1``, ``-2``…); ``refs``, the references slide."""
    anchors: dict[str, int] = {}
    made: set[str] = set()
    for slide, d in zip(slides, drafts, strict=True):
        for ident in d.ids:
            anchors.setdefault(ident, slide.number)
        for own, words in [(d.ids[0] if d.ids else None, m.plain_text(d.title)), *d.inner_ids]:
            if own:
                anchors.setdefault(own, slide.number)
                continue
            ident = base = auto_identifier(words)
            n = 0
            while ident in made:
                n += 1
                ident = f"{base}-{n}"
            made.add(ident)
            anchors.setdefault(ident, slide.number)
        if "references" in d.classes:
            anchors.setdefault("refs", slide.number)
    return anchors


def _slide_by_place(ident: str, count: int) -> int | None:
    """Marp's ``#3`` (the third slide) and reveal.js's ``#/2`` (the third: it counts from 0), if in range."""
    place = re.fullmatch(r"(\d+)|/(\d+)(?:/\d+)?", ident)
    if place is None:
        return None
    number = int(place.group(1)) if place.group(1) else int(place.group(2)) + 1
    return number if 1 <= number <= count else None


def auto_identifier(text: str) -> str:
    """pandoc's identifier of a heading of ``text`` (``auto_identifiers``): lower case, spaces as hyphens,
    only letters, digits, ``_``, ``-`` and ``.``, nothing before the first letter."""
    kept = "".join(c for c in text.lower() if c.isalnum() or c in "_-. \n\t")
    kept = re.sub(r"\s+", "-", kept.strip())
    first = next((k for k, c in enumerate(kept) if c.isalpha()), len(kept))
    return kept[first:] or "section"


def _dress(d: _SlideDraft, attrs: Attrs) -> None:
    """Give a slide what its heading's attributes say: layout, classes, incremental, hidden, its id."""
    d.ids = (attrs.id,) if attrs.id else ()
    d.layout = attrs.kv.get("layout")
    d.classes = attrs.classes
    d.incremental = "incremental" in attrs.classes  # (ioslides' .build: _built_slide)
    d.hidden = "hidden" in attrs.classes or attrs.kv.get("visibility") == "hidden"


_RAW_FORMAT = re.compile(r"\{=([A-Za-z0-9_+-]+)\}")
# (a picture alone, maybe in a paragraph, maybe wrapped in a link)
# an HTML block that is one <pre> (its <code> inside it too): its attributes, its text
_PRE_BLOCK = re.compile(
    r"\s*<pre\b([^<>]*)>(?:\s*<code\b([^<>]*)>)?(.*?)(?:</code>\s*)?</pre>\s*", re.I | re.S
)
_LANGUAGE_CLASS = re.compile(r"\b(?:language|lang)-([\w+#.-]+)")


# a copy button inside a <pre> (ChatGPT's and code sites' "Copy code"), its icon and words
_PRE_BUTTON = re.compile(r"<button\b[^<>]*>.*?</button\s*>", re.I | re.S)
_INNER_CODE = re.compile(r"<code\b([^<>]*)>", re.I)
# a block-level element's tag inside a <pre>: it begins a line of its own, as a browser draws it
_PRE_BLOCK_TAG = re.compile(r"</?(?:" + "|".join(sorted(BLOCK_TAGS)) + r"|li|br)\b[^<>]*>", re.I)


def _pre_code(pre: re.Match) -> tuple[str, str]:
    """An HTML ``<pre>``'s code and language: its text as a browser shows it (tags inside it left out, a
    block-level element such as a ``<div>`` on lines of its own, character references read, the line break
    after ``<pre>`` dropped), its language from a ``language-…`` class ("" without one).  A pasted code
    box's bar (a ``<div>`` holding the language's name and a copy button before the ``<code>``, as
    ChatGPT's pages write it) is left out, its language the code's where the code names none."""
    inner = pre.group(3)
    classes = f"{pre.group(1)} {pre.group(2) or ''}"
    code = _INNER_CODE.search(inner) if pre.group(2) is None else None
    said = ""
    if code is not None and _PRE_BUTTON.search(inner[: code.start()]):  # (a copy bar above the code)
        bar = unescape(re.sub(r"<[^<>]*>", " ", _PRE_BUTTON.sub(" ", inner[: code.start()]))).split()
        said = bar[0].lower() if len(bar) == 1 and re.fullmatch(r"[\w+#.-]{1,20}", bar[0]) else ""
        classes += " " + code.group(1)
        inner = inner[code.start() :]
    elif code is not None:
        classes += " " + code.group(1)
    inner = _PRE_BUTTON.sub("", inner)
    pieces: list[str] = []
    for piece in _PRE_BLOCK_TAG.split(inner):  # (block tags between the pieces: line breaks)
        words = re.sub(r"<[^<>]*>", "", piece)
        if pieces and not pieces[-1].endswith("\n") and words.strip("\r\n"):
            pieces.append("\n")
        if words:
            pieces.append(words)
    text = unescape("".join(pieces))
    text = text.removeprefix("\r").removeprefix("\n").rstrip(" \t\r\n").expandtabs(TAB_STOP)
    language = _LANGUAGE_CLASS.search(classes)
    return text, language.group(1) if language else said


_WRITTEN_LINK_TAG = re.compile(r"</?a\b[^<>]*>", re.I)  # an <a href> as rawhtml's flattener writes it
# inline formatting as rawhtml's flattener writes it (rawhtml.KEPT_FORMATTING, a coloured <span>)
_WRITTEN_FORMAT_TAG = re.compile(
    r"</?(?:b|strong|i|em|cite|dfn|var|s|del|strike|u|ins|sup|sub|mark|span)\b[^<>]*>"
)
# a <p> or <div> element of an HTML block, whole, on lines of its own: its tag, its attributes
_SIBLING_OPEN = re.compile(r"[ \t]*<(p|div)\b([^<>]*)>", re.I)


def _sibling_elements(html: str) -> list[tuple[int, str]]:
    """The ``<p>`` and ``<div>`` elements that make up an HTML block, each on lines of its own (one after
    another, nothing else between them): (its first line in the block from 0, its HTML); [] for any
    other block."""
    out: list[tuple[int, str]] = []
    lines = html.split("\n")
    k = 0
    while k < len(lines):
        if not lines[k].strip():
            k += 1
            continue
        opened = _SIBLING_OPEN.match(lines[k])
        if opened is None:
            return []
        tag = opened.group(1).lower()
        for end in range(k, min(len(lines), k + 200)):
            part = "\n".join(lines[k : end + 1])
            if re.search(rf"</{tag}>\s*$", part, re.I) and _balanced(part, tag):
                out.append((k, part))
                k = end + 1
                break
        else:
            return []
    return out


def _html_part(node: SyntaxTreeNode, line: int, html: str) -> SyntaxTreeNode:
    """An HTML block of ``html``, the part of ``node`` that begins ``line`` lines under its first."""
    first = (node.map[0] if node.map else 0) + line
    token = Token("html_block", "", 0, content=html, map=[first, first + html.count("\n") + 1], block=True)
    return SyntaxTreeNode([token]).children[0]


_IMG_ONLY = re.compile(r"\s*(<p\b[^<>]*>\s*)?(<a\b[^<>]*>\s*)?<img\b[^<>]*>\s*(</a>\s*)?(</p>\s*)?", re.I)
# an HTML block that is one element around the rest (`<center><img …></center>`): its tag, attributes, content
_WRAPPED = re.compile(r"\s*<(center|div)\b([^<>]*)>(.*)</\1>\s*", re.S | re.I)


def _html_picture_alone(html: str) -> bool:
    """Whether HTML block ``html`` is a picture alone (maybe linked, maybe in a ``<p>``), drawn as it says:
    also inside an element that only centres it (``<center>``, ``<div align="center">``…), as the deck and
    the handout draw a picture alone anyway."""
    if _IMG_ONLY.fullmatch(html):
        return True
    wrapped = _WRAPPED.fullmatch(html)
    if wrapped is None or not _IMG_ONLY.fullmatch(wrapped.group(3)):
        return False
    from .htmldivs import centres  # noqa: PLC0415 (only lectures with HTML divs)

    return centres(wrapped.group(1), dict(read_inline_tag(f"<div{wrapped.group(2)}>").attrs))


_MAX_WRAPPERS = 8  # wrappers inside wrappers read as such; deeper, the old way (words kept, tags dropped)


def _balanced(html: str, tag: str) -> bool:
    """Whether every ``<tag>`` opened in ``html`` closes in it, none closing before it opens (so that the
    element around ``html`` is one element, not ``<div>a</div> <div>b</div>``)."""
    depth = 0
    for mt in re.finditer(rf"<(/?){tag}\b[^<>]*?(/?)>", html, re.I):
        if mt.group(2):
            continue  # (`<div … />`: closed in itself)
        depth += -1 if mt.group(1) else 1
        if depth < 0:
            return False
    return depth == 0


# what a wrapper's CSS may say and still be drawn: it centres (or sets right) what it holds
_WRAPPER_CENTRES = re.compile(
    r"(?:justify-content|justify-items|place-content|place-items)\s*:\s*center", re.I
)
_WRAPPER_HARMLESS = frozenset(
    ("display", "text-align", "justify-content", "justify-items", "place-content", "place-items")
)


def _wrapper_align(tag: str, attrs: dict[str, str]) -> tuple[m.Align, bool]:
    """How an HTML element around a block (``<center>``, ``<div align="center">``, ``<div class="center">``,
    ``<div style="display: flex; justify-content: center">``) aligns what it holds, and whether all it
    says is drawn (False: classes or CSS of the deck's own, left out)."""
    from .htmldivs import aligned  # noqa: PLC0415 (only lectures with HTML divs)

    said = aligned(tag, attrs)
    if said is not None:
        return (m.Align.CENTER if said == "{.center}" else m.Align.RIGHT), True
    style = attrs.get("style", "")
    names = {decl.split(":", 1)[0].strip().lower() for decl in style.split(";") if ":" in decl}
    others = set(attrs) - {"style", "id"}
    align = m.Align.NONE
    if _WRAPPER_CENTRES.search(style) or re.search(r"text-align\s*:\s*center", style, re.I):
        align = m.Align.CENTER
    elif re.search(r"text-align\s*:\s*right", style, re.I):
        align = m.Align.RIGHT
    return align, not others and names <= _WRAPPER_HARMLESS and (align != m.Align.NONE or not names)


_TABLE_BLOCK = re.compile(r"\s*<table\b.*</table>\s*", re.S | re.I)
# an HTML block that is one <div> or <p> (its style may colour it: _Converter.coloured_blocks)
_COLOURED_BLOCK = re.compile(r"\s*(<(?:div|p)\b[^<>]*>)(.*)</(?:div|p)>\s*", re.S | re.I)
# `##Caveats` at a line's start (after a quote's or an item's marks too): a heading without its space
_HEADING_WITHOUT_SPACE = re.compile(
    r"^(?:[ \t]*(?:>|[-*+]|\d{1,9}[.)])[ \t]+)*[ \t]{0,3}(#{1,6})([^\W\d_].*)"
)
# a picture in an HTML table's cell: Markdown's (with its attributes) or an <img> tag
_CELL_PICTURE = re.compile(
    r"!\[[^\]\n]*\]\([^()\n]*(?:\([^()\n]*\)[^()\n]*)*\)(?:\{[^{}\n]*\})?|<img\b[^<>]*>", re.I
)


def _picture_paragraph(mt: re.Match) -> str:
    """A cell's picture as a paragraph of its own (an ``<img>`` tag as Markdown's picture), so it is drawn."""
    said = mt.group(0)
    if said[:1] == "<":
        said = picture_markdown(dict(read_inline_tag(said).attrs))
    return f"\n\n{said}\n\n"


_BR_ONLY = re.compile(r"\s*(<br\s*/?>\s*)+", re.I)
_TAG_NAME = re.compile(r"</?([A-Za-z][\w-]*)(?=[\s/>])")
_LEADING_BREAKS = re.compile(r"\A(?:\s*<br\s*/?>)+", re.I)


def _is_img_tag(node: SyntaxTreeNode) -> bool:
    """Whether ``node`` is an inline ``<img …>`` tag."""
    if node.type != "html_inline" or not node.content[:4].lower() == "<img":
        return False
    tag = read_inline_tag(node.content)
    return tag.tag == "img" and tag.kind in ("start", "empty")


def _only_line_breaks(html: str) -> bool:
    """Whether the only tags of an HTML block are ``<br>`` (a paragraph that begins with a ``<br>`` line,
    which CommonMark reads as HTML, where pandoc reads a paragraph): its Markdown is what it shows."""
    return (
        _LEADING_BREAKS.match(html) is not None  # (read again without them: never the same block again)
        and all(name.lower() == "br" for name in _TAG_NAME.findall(html))
        and "<!" not in html
        and "<?" not in html
    )


_STYLE_ONLY = re.compile(r"\s*<style\b[^>]*>.*?</style>\s*", re.I | re.S)
# pandoc's citation keys in text (after a space, "[", "(" or ";"; an e-mail address has a word before its @)
_CITATION = re.compile(r"(?:^|(?<=[\s\[(;]))-?@([A-Za-z0-9_][\w:.#$%&+?<>~/-]*[\w])")
_CROSS_REF = re.compile(r"^(fig|tbl|sec|eq|thm|lem|cor|prp|cnj|def|exm|exr|lst)-")
_BOOKDOWN_REF = re.compile(r"@ref\([-/:\w]+\)")  # (bookdown's \@ref(tab:x), its label not found)

# the words of a references slide's title ("References", "Referenced materials", "Key readings", "Literatur"…)
_REFERENCE_TITLES = re.compile(
    # (at the title's start, after a word such as "Further": "Data sources" is a slide of its own)
    r"^(?:(?:further|key|recommended|required|suggested|additional|selected|cited)\s+)?"
    r"(?:referen|r\u00e9f\u00e9ren|bibliogra|literat|works cited|reading|sources|citations|quellen|"
    r"riferimenti|fuentes)",
    re.I,
)


def _references_slide(drafts: list[_SlideDraft]) -> _SlideDraft | None:
    """The lecturer's own references slide, left empty for the references (as pandoc fills it): the last
    slide, titled "References" (or "Referenced materials", "Bibliography", "Further reading"…), with nothing
    on it (pandoc puts the list at the end, so on the last slide whatever its title, but an empty "Thank you"
    slide is no place for it)."""
    last = next((d for d in reversed(drafts) if d.kind == m.CONTENT), None)
    if last is None or last.body or not _REFERENCE_TITLES.search(m.plain_text(last.title).strip()):
        return None
    return last


def _line_texts(content: m.Inlines) -> list[str]:
    """The words of each line of ``content`` (lines end at its line breaks)."""
    lines: list[list[m.Inline]] = [[]]
    for x in content:
        if isinstance(x, m.LineBreak):
            lines.append([])
        else:
            lines[-1].append(x)
    return [m.plain_text(tuple(line)) for line in lines]


_CONTENTS_COMMAND = re.compile(r"\\tableofcontents(?:\[[^\]]*\])?\s*")


def _fill_contents(
    places: list[tuple[_SlideDraft, int]],
    drafts: list[_SlideDraft],
    sections: list[tuple[m.Inlines, int]],
    section_depth: dict[int, int],
    depth: int,
) -> None:
    """Put the list of the sections (title, draft index) down to level ``depth`` at each place of a
    contents list (a slide, the number of its blocks before the list), the later places on a slide first.
    A section whose heading has pandoc's ``.unlisted`` class (a beamer ``\\section*``) is not listed."""
    listed = [
        (t, section_depth[i])
        for t, i in sections
        if not drafts[i].hidden and "unlisted" not in drafts[i].classes and section_depth[i] <= depth
    ]
    if not listed:
        return
    for d, at in sorted(places, key=lambda place: -place[1]):
        d.body[at:at] = [_toc_list(listed, d.pos)]


def _contents_command(node: SyntaxTreeNode) -> bool:
    """True for a paragraph of only beamer's ``\\tableofcontents`` (with options)."""
    if node.type != "paragraph" or len(node.children) != 1:
        return False
    return bool(_CONTENTS_COMMAND.fullmatch(node.children[0].content))


def _toc_list(sections: list[tuple[m.Inlines, int]], pos: m.SourcePos) -> m.BulletList:
    """The contents slide's list: each section (title, heading level) an item, nested under the section
    above it of a lower level, as beamer lists subsections under their section."""
    # each open list: the level of its items and the items, each (title, its sublist's items)
    stack: list[tuple[int, list[tuple[m.Inlines, list]]]] = [(sections[0][1], [])]
    for title, hlevel in sections:
        while len(stack) > 1 and hlevel < stack[-1][0]:
            stack.pop()
        if hlevel < stack[0][0]:  # (a `#` after the first `##`: the top list is of `#` sections now)
            stack[0] = (hlevel, stack[0][1])
        if hlevel > stack[-1][0] and stack[-1][1]:  # (a subsection: in the last item's sublist)
            sub: list[tuple[m.Inlines, list]] = stack[-1][1][-1][1]
            stack.append((hlevel, sub))
        stack[-1][1].append((title, []))

    def as_list(items: list[tuple[m.Inlines, list]]) -> m.BulletList:
        return m.BulletList(
            tuple(
                m.ListItem((m.Paragraph(t, pos),) + ((as_list(sub),) if sub else ()), pos) for t, sub in items
            ),
            pos,
        )

    return as_list(stack[0][1])


def _no_slide(d: _SlideDraft, tex_deck: bool) -> bool:
    """Is draft ``d`` no slide: hidden, or empty and untitled where pandoc makes no slide of it (a '---'
    followed by a heading or another rule; not a heading's slide, nor a beamer frame), or an
    ``{.allowframebreaks}`` slide's part after a ``\\framebreak`` with nothing in it (beamer makes no page)?"""
    return (
        d.hidden
        or (_empty_untitled(d) and not d.by_heading and not (tex_deck and d.by_rule))
        or (d.continued and not (d.body or d.notes or d.handout or d.instructor))
    )


_FRAME_BREAKS = ("\\framebreak", "\\pagebreak", "\\newpage")


def _frame_break(node: SyntaxTreeNode, tex_deck: bool) -> str:
    """The command of a paragraph that is only beamer's ``\\framebreak`` (or ``\\pagebreak``, ``\\newpage``,
    which break an ``allowframebreaks`` frame too), else "" (and in a ``.tex`` deck, whose frames
    podium.beamer broke already)."""
    if tex_deck or node.type != "paragraph" or len(node.children) != 1:
        return ""
    said = (node.children[0].content or "").strip()
    return said if said in _FRAME_BREAKS else ""


def _empty_untitled(d: _SlideDraft) -> bool:
    """True for a content (or section) slide with nothing in it, not even a title (a bare ``#``)."""
    return (
        d.kind in (m.CONTENT, m.SECTION)
        and not d.title
        and not (d.body or d.notes or d.handout or d.instructor)
    )


def _ioslides_subtitle(title: m.Inlines, split: bool) -> tuple[m.Inlines, m.Inlines]:
    """ioslides' ``Title | Subtitle`` heading (where ``split``: a slide's or a section's heading in an ioslides
    deck) as its title and its subtitle, split at its first ``|`` outside code and math, as rmarkdown's
    ioslides splits it; (``title``, ()) where it has none."""
    for k, item in enumerate(title if split else ()):
        if isinstance(item, m.Text) and "|" in item.text:
            before, after = item.text.split("|", 1)
            head = (*title[:k], m.Text(before)) if before else title[:k]
            tail = (m.Text(after), *title[k + 1 :]) if after else title[k + 1 :]
            return _trim(head), _trim(tail)
    return title, ()


def _subtitled(d: _SlideDraft, body: list) -> list:
    """A slide's ``body`` with its ioslides subtitle (if any) first, in bold: on the slide from the start,
    never a build's click nor in its columns; on a section slide, its second line."""
    return [m.Paragraph((m.Strong(d.subtitle),), d.pos), *body] if d.subtitle else body


def _second_line(body: list) -> bool:
    """Whether a section slide's ``body`` is one short line under its title: a heading, or a paragraph of
    at most 120 characters on one line (with no picture)."""
    if len(body) != 1 or not isinstance(body[0], (m.Heading, m.Paragraph)):
        return False
    words = m.plain_text(body[0].content)
    return (
        0 < len(words) <= 120
        and "\n" not in words.strip()
        and not any(isinstance(x, m.Image) for x in body[0].content)
    )


def _cut_at_start(nodes: list[SyntaxTreeNode], raw_meta: dict, may: bool) -> bool:
    """Whether the lecture's start cuts its first slide as a '---' cuts the others: a deck without front
    matter cut by '---' (reveal.js's Markdown), whose first slide's heading below the (inferred) slide
    level is its title, as after a '---' (``may``: the level was inferred, no title slide was made)."""
    return may and not raw_meta and any(n.type == "hr" for n in nodes)


def _opened_untitled(d: _SlideDraft) -> bool:
    """True for a content slide just opened (by '---') with nothing in it yet, nor classes or a layout."""
    return _empty_untitled(d) and not d.classes and d.layout is None


# TeX that only sets spacing or type size (Converter.layout_only)
# the layout commands that leave a space between the words around them
_HORIZONTAL_SPACES = frozenset(("hspace", "hskip", "hfill"))
_LAYOUT_TEX = frozenset(
    "smallskip medskip bigskip vfill hfill vspace hspace centering raggedright raggedleft noindent par "
    "newpage clearpage pagebreak tiny scriptsize footnotesize small normalsize large Large LARGE huge Huge "
    "vskip hskip quad qquad vline setlength addtolength newlength settowidth settoheight settodepth "
    "fontsize selectfont linespread setstretch".split()
)
# TeX that sets up how things are drawn (styles, colours, listings' settings) and prints nothing
# commands that print none of their arguments' words (a blank of their size, an index entry, a bookmark, a
# message, a language, a library, a counter): an unknown command's words are never theirs
_WORDLESS = frozenset(
    "phantom hphantom vphantom index glossary typeout message addcontentsline addtocontents pdfbookmark "
    "bookmark markboth markright nocite bibliographystyle selectlanguage label pagestyle thispagestyle "
    "usepackage RequirePackage documentclass graphicspath includeonly usepgfplotslibrary "
    "resetcounteronoverlays addtobeamertemplate newcounter usebeamercolor usebeamerfont "
    "usebeamertemplate ding".split()
)
_PATH_LIKE = re.compile(r"^[\w.-]*[/:][\w./:-]*$|\.(?:png|jpe?g|pdf|svg|eps|tex|bib|sty|csv)$", re.I)


def _reads_as_words(text: str) -> bool:
    """Whether an argument's text (its commands read) is words a reader would see: a phrase, or a word
    that starts with a capital; not a name (``github``, ``fig:a``), a path, a setting (``x=1``) or a number."""
    words = text.split()
    if not words or "=" in text or not any(c.isalpha() for c in text) or _PATH_LIKE.search(text.strip()):
        return False
    first = words[0].lstrip("([\"'`*_")
    return (
        len(words) > 1
        or bool(first)
        and (first[0].isupper() or first[0].isalpha() and not first[0].islower())
    )


_SETUP_TEX = frozenset(
    "tikzstyle tikzset pgfplotsset usetikzlibrary lstset lstdefinestyle definecolor colorlet sisetup "
    "hypersetup metroset usetheme usecolortheme usefonttheme useinnertheme useoutertheme".split()
)
# spaces between words (or before a link, code): one; not at a line's start (its indent)
_SPACES = re.compile(r"(?<=\S) {2,}(?=\S|$)")
_SPAN_CLOSE = re.compile(r"^([^\[\]]*)\]\{([^{}]*)\}")


def _unwrap_picture(run: list, after: SyntaxTreeNode | None) -> int:
    """A picture in a span, ``[![](x.png)]{.img-center}`` (remark's ``.img-center[![](x.png)]``): the
    picture is drawn on its own, so the span's ``[`` is taken off the words before it (``run``, in place);
    the length of its ``]{…}`` at the start of the text ``after`` it, to take off that (0: no such span)."""
    close = _unwrap_span(run, after)
    return close.end() if close is not None else 0


def _unwrap_span(run: list, after: SyntaxTreeNode | None) -> re.Match | None:
    """A block drawn on its own (a picture, display math) that is all a span holds, ``[$$x$$]{.hi-red}``:
    the span's ``[`` taken off the words before it (``run``, in place); the ``]{…}`` that starts the text
    ``after`` it (None: no such span, nothing taken)."""
    close = _SPAN_CLOSE.match(after.content) if after is not None and after.type == "text" else None
    if close is None or close.group(1).strip() or not run or not isinstance(run[-1], m.Text):
        return None
    before = run[-1].text.rstrip(" ")
    if not before.endswith("["):
        return None
    run[-1] = m.Text(before[:-1])
    return close


_ITEM_FRAGMENT = "podium-item-fragment"  # (the class of an item's first paragraph read from FRAGMENT_ITEM)


def _fragment_item(blocks: tuple[m.Block, ...]) -> tuple[m.Block, ...]:
    """A list item's ``blocks``; where its words are a reveal.js fragment (``<li class="fragment">``, an item
    ending in ``<!-- .element: class="fragment" -->``), the whole item, its nested items too, one fragment div,
    as reveal.js brings in the ``<li>``: the items without one and what follows the list are shown at once."""
    first = blocks[0] if blocks else None
    if not isinstance(first, m.Div) or _ITEM_FRAGMENT not in first.classes:
        return blocks
    return (replace(first, blocks=first.blocks + blocks[1:], classes=("fragment",)),)


def _task(blocks: Sequence[m.Block]) -> tuple[m.Block, ...]:
    """A task-list item (``- [ ] to do``, ``- [x] done``) with its box drawn, as pandoc draws it."""
    first = blocks[0] if blocks else None
    if isinstance(first, m.Paragraph) and first.content and isinstance(first.content[0], m.Text):
        mt = _TASK.match(first.content[0].text)
        if mt is not None:
            box = "\u2612 " if mt.group(1) in "xX" else "\u2610 "
            rest = first.content[0].text[mt.end() :]
            return (replace(first, content=(m.Text(box + rest), *first.content[1:])), *blocks[1:])
    return tuple(blocks)


_TASK = re.compile(r"^\[([ xX])\] ")


def _spaces_at_breaks(items: list[m.Inline]) -> list[m.Inline]:
    """``items`` without the spaces that begin a line after a line break (the line's end after ``<br>``,
    as in ``First.`` ⏎ ``<br><br>`` ⏎ ``Second.``): a browser and pandoc show none, and a deck would
    start the next line one space in."""
    out: list[m.Inline] = []
    for x in items:
        if isinstance(x, m.Text) and out and isinstance(out[-1], m.LineBreak):
            text = x.text.lstrip(" ")
            if not text:
                continue
            x = m.Text(text) if text != x.text else x
        out.append(x)
    return out


def _numbered_line(item: m.ListItem) -> m.ListItem:
    """A bullet item that begins with a numbered list of one item (``* 1. The first``, as an agenda is
    written): one line, its number written before its words (``• 1. The first``), as a browser draws
    the outer bullet beside the inner number; a numbered list alone would lose the bullet, and its
    empty first line stand apart."""
    inner = item.blocks[0] if item.blocks else None
    if not (isinstance(inner, m.BulletList) and inner.ordered and len(inner.items) == 1):
        return item
    first = inner.items[0].blocks[0] if inner.items[0].blocks else None
    if not isinstance(first, m.Paragraph):
        return item
    number = marker_text(inner.numbering, inner.delimiter, inner.start)
    line = replace(first, content=(m.Text(number + " "), *first.content))
    return replace(item, blocks=(line, *inner.items[0].blocks[1:], *item.blocks[1:]))


def _split_spans(items: list[m.Inline]) -> list[m.Inline]:
    """Split ``[text]{.cls}`` spans out of merged text (a span's braces may run onto the next line),
    including spans around other inlines (``[**bold** words]{.orange}``: the Markdown parser leaves
    the brackets as text on either side of the strong)."""
    out: list[m.Inline] = []
    for it in items:
        out.extend(_spans(it.text) if isinstance(it, m.Text) else [it])
    out = _enclosing_spans(out)
    return _bracketed_spans(out) if any(isinstance(x, m.Text) and "]{" in x.text for x in out) else out


_SPAN_ATTRS = re.compile(r"\]\{([^{}]*)\}")


def _bracketed_spans(items: list[m.Inline]) -> list[m.Inline]:
    """Spans whose words hold brackets of their own, as pandoc reads them: the span's ``[`` is the one
    its ``]{…}`` balances, so ``[[Image: [site](url)]]{.imgref}`` (remark's ``.imgref[[Image: …]]``) is
    a span of ``[Image: site]``, the inner pair its words."""
    for j, it in enumerate(items):
        if not isinstance(it, m.Text):
            continue
        for close in _SPAN_ATTRS.finditer(it.text):
            opening = _balancing_bracket(items, j, close.start())
            if opening is None:
                continue
            i, at = opening
            first = items[i].text  # type: ignore[union-attr]  # (a Text: _balancing_bracket)
            inner = (
                [m.Text(first[at + 1 : close.start()])]
                if i == j
                else [m.Text(first[at + 1 :]), *items[i + 1 : j], m.Text(it.text[: close.start()])]
            )
            attrs = parse_attrs(close.group(1))
            span = m.Span(
                tuple(x for x in inner if not (isinstance(x, m.Text) and not x.text)),
                attrs.classes,
                style_colour(attrs.kv.get("style", "")),
                attrs.order,
            )
            before = [m.Text(first[:at])] if first[:at] else []
            after = [m.Text(it.text[close.end() :])] if it.text[close.end() :] else []
            return [*items[:i], *before, span, *_bracketed_spans([*after, *items[j + 1 :]])]
    return items


def _balancing_bracket(items: list[m.Inline], j: int, end: int) -> tuple[int, int] | None:
    """The item and place of the ``[`` that the ``]`` at ``items[j].text[end]`` closes, brackets between
    them balanced (other inlines, a link or a span, hold none of them); None when there is none."""
    depth = 0
    for i in range(j, -1, -1):
        it = items[i]
        if not isinstance(it, m.Text):
            continue
        text = it.text[:end] if i == j else it.text
        for at in range(len(text) - 1, -1, -1):
            if text[at] == "]":
                depth += 1
            elif text[at] == "[":
                if depth == 0:
                    return i, at
                depth -= 1
    return None


def _enclosing_spans(items: list[m.Inline]) -> list[m.Inline]:
    """Group ``Text("…[")``, inlines, ``Text("]{.cls}…")`` into a Span of those inlines."""
    out: list[m.Inline] = []
    i = 0
    while i < len(items):
        it = items[i]
        if isinstance(it, m.Text):
            start = it.text.rfind("[")
            found = _span_end(items, i + 1) if start >= 0 and "]" not in it.text[start:] else None
            if found is not None:
                j, mt = found
                if it.text[:start]:
                    out.append(m.Text(it.text[:start]))
                inner = [m.Text(it.text[start + 1 :]), *items[i + 1 : j], m.Text(mt.group(1))]
                attrs = parse_attrs(mt.group(2))
                out.append(
                    m.Span(
                        tuple(x for x in inner if not (isinstance(x, m.Text) and not x.text)),
                        attrs.classes,
                        style_colour(attrs.kv.get("style", "")),
                        attrs.order,
                    )
                )
                rest = items[j].text[mt.end() :]  # type: ignore[union-attr]  # (a Text: _span_end)
                items, i = [*_spans(rest), *items[j + 1 :]], 0
                continue
        out.append(it)
        i += 1
    return out


def _span_end(items: list[m.Inline], k: int) -> tuple[int, re.Match] | None:
    """The first text from ``k`` on that closes a span (``]{…}``), unless a bracket comes first."""
    for j in range(k, len(items)):
        t = items[j]
        if not isinstance(t, m.Text):
            continue
        mt = _SPAN_CLOSE.match(t.text)
        if mt is not None:
            return j, mt
        if "[" in t.text or "]" in t.text:
            return None
    return None


def _typeset(content: m.Inlines) -> m.Inlines:
    """Dashes in text markdown-it's typographer did not reach (picture captions): ``--`` –, ``---`` —."""
    return tuple(
        m.Text(x.text.replace("---", "\u2014").replace("--", "\u2013")) if isinstance(x, m.Text) else x
        for x in content
    )


def _merge_text(items: list[m.Inline]) -> list[m.Inline]:
    out: list[m.Inline] = []
    for it in items:
        if isinstance(it, m.Text) and out and isinstance(out[-1], m.Text):
            out[-1] = m.Text(out[-1].text + it.text)
        elif not (isinstance(it, m.Text) and not it.text):
            out.append(it)
    return out


def _trim(content: m.Inlines) -> m.Inlines:
    items = list(content)
    # (a line block's first line keeps its leading spaces, no-break spaces by then: pandoc's indentation)
    while items and isinstance(items[0], m.Text) and not items[0].text.strip(" \t\n\r"):
        items.pop(0)
    while (
        items
        and isinstance(items[-1], (m.Text, m.LineBreak))
        and (isinstance(items[-1], m.LineBreak) or not items[-1].text.strip())
    ):
        items.pop()
    if items and isinstance(items[0], m.Text):
        items[0] = m.Text(items[0].text.lstrip(" \t\n\r"))
    if items and isinstance(items[-1], m.Text):
        text = items[-1].text.rstrip()
        if text.endswith("\\") and not text.endswith("\\\\"):  # a hard break with nothing after it
            text = text[:-1].rstrip()
        items[-1] = m.Text(text)
        if not text:
            items.pop()
    return tuple(items)


def _trim_styled(content: m.Inlines, ends: tuple[int, ...] = (0, -1)) -> m.Inlines:
    """``content`` with the spaces just inside a span, strong or emphasis at its start or end (``ends``)
    taken out too (``# .large[ Title ]``, ``[ Title ]{.large}``): a browser shows no space at a heading's
    edges."""
    items = list(content)
    for end in ends:
        x = items[end] if items else None
        if isinstance(x, (m.Span, m.Strong, m.Emph)) and not (
            isinstance(x, m.Span) and {"blank", "gap"} & set(x.classes)
        ):
            kids = list(_trim_styled(x.children, (end,)))
            edge = kids[end] if kids else None
            if isinstance(edge, m.Text):
                text = edge.text
                kids[end] = m.Text(text.lstrip(" \t\n\r") if end == 0 else text.rstrip(" \t\n\r"))
                kids = [k for k in kids if not (isinstance(k, m.Text) and not k.text)]
            items[end] = replace(x, children=tuple(kids)) if kids else x
    return tuple(items)


def _only_spacing(content: m.Inlines) -> bool:
    """True for a paragraph of nothing but line breaks and backslashes (a spacing trick, ` \\`)."""
    return all(
        isinstance(x, m.LineBreak) or (isinstance(x, m.Text) and not x.text.strip(" \\\t")) for x in content
    )


def _flatten_columns(blocks: m.Blocks) -> m.Blocks:
    out: list[m.Block] = []
    for b in blocks:
        if isinstance(b, m.Columns):
            for c in b.columns:
                out.extend(_flatten_columns(c.blocks))
        else:
            out.append(b)
    return tuple(out)


def _fraction(value: str | None) -> float | None:
    """A column width as a fraction: ``40%``, ``0.4``, ``40`` or beamer's ``0.4\\textwidth``."""
    if not value:
        return None
    value = re.sub(r"\\(textwidth|linewidth|columnwidth|paperwidth)\s*$", "", value.strip()) or "1"
    try:
        v = float(value.rstrip("%"))
    except ValueError:
        return None
    frac = v / 100 if value.endswith("%") or v > 1 else v
    return frac if 0 < frac <= 1 else None


_LENGTH = re.compile(r"^\s*([0-9]*\.?[0-9]+)\s*(%|in|cm|mm|pt|px|em)?\s*$")


def _length(value: str | None, pos: m.SourcePos, diags: Diagnostics) -> m.Length | None:
    if value is None:
        return None
    mt = _LENGTH.match(value)
    if not mt or float(mt.group(1)) <= 0 or not math.isfinite(float(mt.group(1))):
        diags.warning(
            f"size '{value}' is not understood (use e.g. 60%, 8cm, 3in or 400px); ignored", pos, "bad-size"
        )
        return None
    return m.Length(float(mt.group(1)), m.LengthUnit(mt.group(2) or "px"))


def _out_size(options: dict, dim: str, pos: m.SourcePos, diags: Diagnostics) -> m.Length | None:
    """A cell's ``out.width`` (knitr) or ``out-width`` (Quarto): its pictures' drawn size; LaTeX's
    ``0.5\\linewidth`` as a share of the width."""
    value = next((str(options[k]).strip() for k in (f"out.{dim}", f"out-{dim}") if options.get(k)), None)
    share = re.fullmatch(r"(\d+(?:\.\d*)?|\.\d+)?\\{1,2}(?:line|text)(?:width|height)", value or "")
    if share is not None:
        return m.Length(100 * float(share.group(1) or 1), m.LengthUnit("%"))
    return _length(value, pos, diags)


def _walk_refs(blocks: m.Blocks):
    """Yield the parser's ids of the footnotes ``blocks`` refer to, in order."""
    for node in m.walk(blocks):
        if isinstance(node, m.FootnoteRef):
            yield -1 - node.number


_Nodes = TypeVar("_Nodes", m.Blocks, m.Inlines)


def _renumber(blocks: _Nodes, mapping: dict[int, int]) -> _Nodes:
    """Return ``blocks`` (or a title's inlines) with parser footnote ids replaced by per-slide numbers
    (unknown refs dropped)."""

    def renumber(node):
        if not isinstance(node, m.FootnoteRef):
            return node
        if node.number < 0 and (-1 - node.number) in mapping:
            return m.FootnoteRef(mapping[-1 - node.number])
        return node if node.number > 0 else None

    return m.transform_all(blocks, renumber)
