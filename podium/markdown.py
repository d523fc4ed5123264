"""The Markdown parser Podium reads with: markdown-it-py, configured for pandoc's dialect.

markdown-it-py and mdit-py-plugins give CommonMark, tables, strikethrough, footnotes and
dollar math; :mod:`podium.fancylists` adds pandoc's ``a.``/``(iv)`` list markers and
:mod:`podium.gridtables` its grid tables, :mod:`podium.lineblocks` its line blocks.  Two pieces of
pandoc syntax have no plugin that matches pandoc, so they live here:

* fenced divs (``::: notes`` … ``:::``), which nest by counting openers the way pandoc does
  (mdit-py-plugins' container closes at the first ``:::``);
* attributes ``{#id .class key=value}``, whose values may hold ``%`` (``width=60%``), which the
  attrs plugin's djot grammar rejects.
"""

from __future__ import annotations

import functools
import re
from functools import lru_cache

from markdown_it import MarkdownIt
from markdown_it import helpers as mdhelpers
from markdown_it.common import html_re
from markdown_it.common.utils import isWhiteSpace, unescapeAll
from markdown_it.rules_block import StateBlock
from markdown_it.rules_block.html_block import HTML_SEQUENCES
from markdown_it.rules_block.html_block import html_block as _mdit_html_block
from markdown_it.rules_block.list import list_block
from markdown_it.rules_core import StateCore
from markdown_it.rules_core import replacements as mdreplacements
from markdown_it.rules_inline import StateInline
from markdown_it.rules_inline import emphasis as mdemphasis
from markdown_it.rules_inline.state_inline import Delimiter
from mdit_py_plugins.deflist import deflist_plugin
from mdit_py_plugins.dollarmath import dollarmath_plugin
from mdit_py_plugins.dollarmath.index import math_inline_dollar
from mdit_py_plugins.footnote import footnote_plugin
from mdit_py_plugins.subscript import sub_plugin
from mdit_py_plugins.superscript import superscript_plugin

from .fancylists import fancy_lists_plugin
from .gridtables import grid_tables_plugin
from .lineblocks import line_blocks_plugin
from .pipetables import pipe_table
from .rawtex import tex_block_line
from .simpletables import simple_tables_plugin
from .smartquotes import smartquotes

# pandoc's attributes inside their braces, a quoted value holding braces of its own (bookdown's `data-latex="{Hint}"`);
# a quote right after a letter (`title=it's`) is a letter, any other opens a quoted value
# (an apostrophe after a letter is one, never a quote's start: the ways to read a line are then one each, so
# a line of many `word'` that is no attribute list fails at once, not after trying every grouping)
ATTRS_TEXT = r"""(?:[^{}"'\n]|(?<=\w)'|"[^"\n]*"|(?<!\w)'[^'\n]*')*"""
_DIV_OPEN = re.compile(r"^(:{3,})\s*(\{" + ATTRS_TEXT + r"\}|[^\s:{}][^\s{}]*)\s*:*\s*$")
_DIV_CLOSE = re.compile(r"^(:{3,})\s*$")
_ATTR_TOKEN = re.compile(
    r"""\s*(?:
        \#(?P<id>[^\s}]+)
      | \.(?P<cls>[^\s}=]+)
      | (?P<key>[A-Za-z_][\w:.-]*)\s*=\s*(?:"(?P<dq>(?:[^"\\]|\\.)*)"|'(?P<sq>[^']*)'
            |“(?P<cq>[^”]*)”|‘(?P<csq>[^’]*)’|(?P<bare>[^\s}"'“‘]+))
      | (?P<bareword>[^\s}]+)
    )""",
    re.VERBOSE,
)


class Attrs:
    """Parsed ``{#id .class key=value}`` attributes."""

    __slots__ = ("id", "classes", "kv", "raw_format")

    def __init__(
        self,
        id: str = "",
        classes: tuple[str, ...] = (),
        kv: dict[str, str] | None = None,
        raw_format: str = "",
    ):
        self.id = id
        self.classes = classes
        self.kv = kv or {}
        self.raw_format = raw_format  # pandoc's `{=latex}`: content for that output only

    def __repr__(self) -> str:
        return f"Attrs(id={self.id!r}, classes={self.classes!r}, kv={self.kv!r})"

    @property
    def order(self) -> int | None:
        """A fragment's ``fragment-index`` (``data-fragment-index``): the order of its click; None for none."""
        index = self.kv.get("fragment-index", self.kv.get("data-fragment-index", "")).strip()
        return int(index) if "fragment" in self.classes and index.isdigit() else None


_CODE_FENCE = re.compile(r"^(`{3,}|~{3,})")


def outside(pattern: re.Pattern, line: str, change) -> str:
    """``line`` with ``change`` applied to its text between the matches of ``pattern`` (the code spans,
    math or addresses a text pass must leave as written), the matches kept."""
    out: list[str] = []
    last = 0
    for mt in pattern.finditer(line):
        out.append(change(line[last : mt.start()]))
        out.append(mt.group(0))
        last = mt.end()
    out.append(change(line[last:]))
    return "".join(out)


# a code span (`$$` in it is code: the shell's PID, MySQL's DELIMITER $$)
CODE_SPAN = re.compile(r"(`+)[^`]*?\1(?!`)")


def toggles_display_math(line: str) -> bool:
    """Whether ``line`` opens or closes ``$$`` display math: an odd count of ``$$`` outside its code
    spans (`` `$$` `` is the shell's PID, not math; passes that track display math from line to line
    would otherwise read the rest of the lecture as inside it)."""
    if "$$" not in line:
        return False
    if "`" in line:
        line = CODE_SPAN.sub("", line)
    return len(display_fences(line)) % 2 == 1


# an escaped character, or two dollars
_ESCAPE_OR_FENCE = re.compile(r"\\.|\$\$", re.S)


def display_fences(text: str) -> list[int]:
    """Where each ``$$`` of ``text`` that fences display math ends: not the escaped dollar and the closing
    one of inline math that ends in a dollar sign (``$\\$$``, ``$w\\$$``), which TeX reads as a ``\\$``
    and a ``$``."""
    return [mt.end() for mt in _ESCAPE_OR_FENCE.finditer(text) if mt.group(0) == "$$"]


def line_starts(lines: list[str]) -> list[int]:
    """The offset in ``"\\n".join(lines)`` at which each line starts, and one past the end (for passes
    that match across lines and map a match back to its line)."""
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line) + 1)
    return starts


def fenced_lines(lines: list[str]) -> list[bool]:
    """Return, per line, whether it belongs to a fenced code block (its opening and closing fences
    included); text-level passes (includes, shortcodes, beamer notes) leave such lines alone."""
    out: list[bool] = []
    fence: str | None = None
    for line in lines:
        stripped = line.strip()
        if fence:
            out.append(True)
            if stripped.startswith(fence) and stripped.strip(fence[0]) == "":
                fence = None
            continue
        opening = _CODE_FENCE.match(stripped)
        if opening:
            fence = opening.group(1)
        out.append(bool(opening))
    return out


# the start of a list item as pandoc reads one: a bullet, or a number, letter, roman numeral or `#` with
# `.` or `)` (or in brackets), then a space; not a rule (`* * *`, `- - -`)
_ITEM_START = re.compile(
    r"^(?:[-+*]|\(?(?:#|[0-9]{1,9}|[a-zA-Z]|[ivxlcdm]{2,9}|[IVXLCDM]{2,9})[.)])(?:[ \t]|$)"
)
_RULE = re.compile(r"^(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,})$")
# a line that is neither a list item nor a paragraph's text inside a quote: a heading, HTML, a table,
# display math, a div's fence; markdown-it ends the quote there, so the lines after it are no longer lazy
_ENDS_LAZY = re.compile(r"^(?:#|<|\||\$\$|:::|`{3,}|~{3,})")


def lazy_quote_items(lines: list[str]) -> tuple[list[str], list[int]]:
    """Return ``lines`` with each list item written under a quote's line without its ``>`` (a lazy line,
    ``> - item`` then ``    - sub``) given the ``>`` marks of the quote's line before it, and the indices
    of the lines changed.  pandoc reads a lazy line as a line of the quote with its indentation taken
    off, so such a line is an item of the quote's list (not a sublist); markdown-it would read an
    indented one as the text of the item before it, and one at the margin as a list after the quote."""
    out = list(lines)
    changed: list[int] = []
    fenced = fenced_lines(lines)
    marks: str | None = None  # the `>` marks of the quote being read, None outside a quote
    for k, line in enumerate(lines):
        if fenced[k] or not line.strip():
            marks = None
            continue
        quoted = _QUOTE_MARKS.match(line)
        if quoted:
            marks = ">" * quoted.group(0).count(">") + " "
            continue
        if marks is None:
            continue
        text = line.lstrip(" \t")
        if _ITEM_START.match(text) and not _RULE.match(text):
            out[k] = marks + text
            changed.append(k)
        elif _ENDS_LAZY.match(text):
            marks = None
    return out, changed


def fence_opened_at(lines: list[str], k: int) -> int | None:
    """The line (0-based) of the fence that line ``k`` closes as the text reads, line by line (as
    :func:`fenced_lines` pairs them); None when line ``k`` closes none."""
    fence: str | None = None
    opened = 0
    for j, line in enumerate(lines[: k + 1]):
        stripped = line.strip()
        if fence:
            if stripped.startswith(fence) and stripped.strip(fence[0]) == "":
                if j == k:
                    return opened
                fence = None
            continue
        opening = _CODE_FENCE.match(stripped)
        if opening:
            fence, opened = opening.group(1), j
    return None


def parse_attrs(text: str) -> Attrs:
    """Return the attributes in ``text`` (with or without the braces); unknown bits are ignored."""
    text = text.strip()
    if text.startswith("{") and text.endswith("}"):
        text = text[1:-1]
    raw = re.fullmatch(r"\s*=([A-Za-z0-9_+-]+)\s*", text)
    if raw:
        return Attrs(raw_format=raw.group(1))
    ident, classes, kv = "", [], {}
    for m in _ATTR_TOKEN.finditer(text):
        if m.group("id"):
            ident = m.group("id")
        elif m.group("cls"):
            classes.append(m.group("cls"))
        elif m.group("key"):
            value = next(
                (m.group(g) for g in ("dq", "sq", "cq", "csq", "bare") if m.group(g) is not None), ""
            )
            kv[m.group("key")] = (value or "").replace('\\"', '"')
        elif m.group("bareword") and not ident and not classes and not kv:
            classes.append(m.group("bareword"))  # `::: notes` means class "notes"
    if "fragment" in classes and SHOWN_FRAGMENTS.intersection(classes):
        # (a fragment that is there from the start: it changes on its click; no click here)
        classes[classes.index("fragment")] = SHOWN_FRAGMENT
    return Attrs(ident, tuple(classes), kv)


# reveal.js's fragment styles that show their content from the start and change it on the click (it
# fades out, turns red, grows): shown from the start here, on no click (the deck keeps what it showed)
SHOWN_FRAGMENTS = frozenset(
    "fade-out semi-fade-out highlight-red highlight-green highlight-blue highlight-current-red "
    "highlight-current-green highlight-current-blue grow shrink strike".split()
)
SHOWN_FRAGMENT = "fragment-shown"  # the class such a fragment has instead of `fragment`
# reveal.js's fragment styles that bring their content in on the click and take it out (or half-fade it)
# on a later one: brought in on the click here, and left (the deck's builds only bring words in)
TAKEN_OUT_FRAGMENTS = frozenset("fade-in-then-out fade-in-then-semi-out current-visible".split())


# pandoc's attribute block at a heading's or caption's end, as pandoc reads it: `#id` (letters, digits,
# `-_:.`), `.class` and `key=value` (each beginning with a letter), `-` (unnumbered), spaces between
# them optional, none at all (`{}`); anything else (`{dplyr}`, `{R}`, `{.1a}`, `{k=v w}`) is text
_HEADING_ATTR_ITEM = (
    r"""(?:\#[\w:.-]+|\.[^\W\d_][\w:.-]*|[^\W\d_][\w:.-]*=(?:"(?:[^"\\]|\\.)*"|'[^']*'|[^\s}]*)|-)"""
)
_TRAILING_ATTRS = re.compile(rf"\{{\s*(?:(?>{_HEADING_ATTR_ITEM})\s*)*+\}}\s*")  # (atomic: no backtracking)


def split_trailing_attrs(text: str) -> tuple[str, Attrs | None]:
    """Split ``Title {.cls key=v}`` into ``("Title", Attrs)``; no attribute block at its end (braces
    pandoc reads as text, ``Joining with {dplyr}``, included) gives ``(text, None)``."""
    for start in reversed([k for k, ch in enumerate(text) if ch == "{"]):
        if _TRAILING_ATTRS.fullmatch(text, start):
            return text[:start].rstrip(), parse_attrs(text[start:].strip())
    return text, None


def _fenced_div(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    if state.sCount[start] - state.blkIndent >= 4:
        return False
    pos = state.bMarks[start] + state.tShift[start]
    line = state.src[pos : state.eMarks[start]]
    if not line.startswith(":::"):
        return False
    m = _DIV_OPEN.match(line)
    if not m:
        return False
    if silent:
        return True
    depth, nxt, closed = 0, start, False
    in_fence: str | None = None
    while True:
        nxt += 1
        if nxt >= end:
            break
        p = state.bMarks[nxt] + state.tShift[nxt]
        text = state.src[p : state.eMarks[nxt]]
        if text and state.sCount[nxt] < state.blkIndent:
            break  # the enclosing block (a list item, a quote) ended
        stripped = text.strip()
        if in_fence:  # ``` fences inside the div hide their `:::` lines
            if stripped.startswith(in_fence) and stripped.strip(in_fence[0]) == "":
                in_fence = None
            continue
        fm = re.match(r"^(`{3,}|~{3,})", stripped)
        if fm:
            in_fence = fm.group(1)
            continue
        if state.sCount[nxt] - state.blkIndent >= 4:
            continue
        if _DIV_OPEN.match(text):
            depth += 1
        elif _DIV_CLOSE.match(text):
            if depth == 0:
                closed = True
                break
            depth -= 1
    old_parent, old_max = state.parentType, state.lineMax
    state.parentType = "fenced_div"
    state.lineMax = nxt
    tok = state.push("fenced_div_open", "div", 1)
    tok.markup, tok.block, tok.info, tok.map = m.group(1), True, m.group(2), [start, nxt]
    state.md.block.tokenize(state, start + 1, nxt)
    tok = state.push("fenced_div_close", "div", -1)
    tok.markup, tok.block = m.group(1), True
    state.parentType, state.lineMax = old_parent, old_max
    state.line = nxt + 1 if closed else nxt
    if not closed:
        state.env.setdefault("unclosed_divs", []).append(start)
    return True


_FENCE_OPENER = re.compile(r"^(?:`{3,}[^`]*|~{3,}.*)$")


def _html_block(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    """markdown-it's HTML block, ended before a line that opens a code fence.

    CommonMark ends a ``<div …>`` block only at a blank line, so a fence right under the tag (no blank
    line between, as knitr and pandoc read it) was HTML up to the first blank line inside the code,
    and its closing fence then opened a code block that ran to the end of the file.  pandoc reads the
    Markdown between HTML tags, so the fence is a fence here too, the tags blocks of their own."""
    found = _mdit_html_block(state, start, end, silent)
    if not found or silent:
        return found
    token = state.tokens[-1]
    first, stop = token.map or (start, start + 1)
    opening = state.src[state.bMarks[first] + state.tShift[first] : state.eMarks[first]]
    kind = next((seq for seq in HTML_SEQUENCES if seq[0].search(opening)), None)
    if kind is None or not kind[1].search(""):
        return True  # (a comment, <pre>, <script>: they end at their closing mark, fences and all)
    for k in range(first + 1, stop):
        if state.sCount[k] - state.blkIndent >= 4:
            continue
        text = state.src[state.bMarks[k] + state.tShift[k] : state.eMarks[k]]
        if _FENCE_OPENER.match(text):
            token.map = [first, k]
            token.content = state.getLines(first, k, state.blkIndent, True)
            state.line = k
            break
    return True


@lru_cache(maxsize=1)
def markdown_parser() -> MarkdownIt:
    """Return the shared, configured markdown-it-py parser (pandoc's Markdown, roughly)."""
    md = MarkdownIt("commonmark", {"typographer": True, "html": True, "maxNesting": 40, "linkify": True})
    md.enable(["table", "strikethrough", "replacements", "smartquotes", "linkify"])
    # a bare https://… address is a link, as Marp, reveal.js and GitHub show it (linkify-it-py); not a
    # bare "example.com" or "file.py" (.py is a country's domain): no fuzzy links
    linkify = md.linkify
    assert linkify is not None  # (linkify-it-py: a declared dependency)
    linkify.set({"fuzzy_link": False})
    linkify.pretest = functools.partial(_may_link, linkify.pretest)
    md.inline.ruler.disable(
        "linkify"
    )  # (its inline twin links inside attributes too; the core rule is enough)
    md.use(footnote_plugin)
    # (a blank line ends display math, as it ends pandoc's paragraph: `$$x$$ {#eq:a}` then text is not
    # one block of math running to the next `$$`)
    md.use(
        dollarmath_plugin, allow_space=False, allow_digits=False, double_inline=True, allow_blank_lines=False
    )
    md.block.ruler.at(
        "math_block",
        _chained_display_math(md.block.ruler.__rules__[md.block.ruler.__find__("math_block")].fn),
    )
    md.inline.ruler.at(
        "math_inline",
        _latex_dollars(
            _math_around_inline_code(
                _math_at_start(
                    _math_closed_after_escaped_space(
                        md.inline.ruler.__rules__[md.inline.ruler.__find__("math_inline")].fn
                    )
                )
            )
        ),
    )
    md.inline.ruler.at(
        "backticks", _knitr_backticks(md.inline.ruler.__rules__[md.inline.ruler.__find__("backticks")].fn)
    )
    md.use(deflist_plugin)  # pandoc's definition lists (Term, then `: definition`)
    md.use(sub_plugin)  # pandoc's H~2~O (no space inside; ~~ stays strikethrough)
    md.use(superscript_plugin)  # pandoc's m^2^
    fancy_lists_plugin(md)
    grid_tables_plugin(md)
    simple_tables_plugin(md)
    line_blocks_plugin(md)
    md.block.ruler.before(
        "fence", "fenced_div", _fenced_div, {"alt": ["paragraph", "reference", "blockquote", "list"]}
    )
    md.inline.ruler.at("emphasis", _emphasis)
    md.inline.ruler.before("emphasis", "attribute_block", _attribute_block)
    md.inline.ruler.before("escape", "escaped_space", _escaped_space)
    md.inline.ruler.after("html_inline", "pandoc_html_tag", _pandoc_html_tag)
    md.block.ruler.at("html_block", _html_block, {"alt": ["paragraph", "reference", "blockquote"]})
    md.block.ruler.at("list", _list, {"alt": ["paragraph", "reference", "blockquote"]})
    md.block.ruler.at("table", _table, {"alt": ["paragraph", "reference"]})
    md.normalizeLink = _bounded_normalize(md.normalizeLink)  # type: ignore[method-assign]  # markdown-it's hook
    md.helpers = _LinkHelpers()  # type: ignore[assignment]  # (its own, not markdown-it's module for all)
    typography(md)
    md.core.ruler.after("block", "bullet_runs", _bullet_runs)
    md.core.ruler.after("inline", "html_links", _html_links)
    md.core.ruler.before("linkify", "escaped_addresses", _escaped_addresses)
    md.core.ruler.after("linkify", "cut_addresses", _cut_addresses)
    md.core.ruler.before("text_join", "kept_escapes", _kept_escapes)
    return md


def typography(md: MarkdownIt) -> MarkdownIt:
    """``md`` (made with the ``typographer`` option) with the lecture's typography, as its ``env`` says
    (:data:`ELLIPSIS`): pandoc's ``smart``, Slidev's typographer, or none; the body's and the front
    matter's text alike."""
    md.enable(["replacements", "smartquotes"])
    md.core.ruler.at("replacements", _replacements)
    md.core.ruler.at("smartquotes", _smartquotes)  # (paired by position: '인간의 비전'과 'AI의 실행력')
    return md


# a line that begins with `$$ … $$` and goes on after it (`$$x = 1$$ $$y = 2$$`; not a label `$$x$$ (1)`)
_MATH_THEN_MORE = re.compile(r"^\$\$(?:[^$\\]|\\.|\$(?!\$))+\$\$(?=.*\$\$)")


def _chained_display_math(rule):
    """The dollar-math plugin's block rule, but not for a line of several ``$$ … $$`` equations.

    The plugin reads a line that begins and ends with ``$$`` as one equation, so ``$$x = 1$$ $$y = 2$$``
    was one equation holding ``$$ $$``; such a line is a paragraph, whose ``$$ … $$`` are each an
    equation of their own, as pandoc and MathJax show them."""

    def math_block(state: StateBlock, start: int, end: int, silent: bool) -> bool:
        line = state.src[state.bMarks[start] + state.tShift[start] : state.eMarks[start]]
        if line.startswith("$$") and _MATH_THEN_MORE.match(line):
            return False
        return rule(state, start, end, silent)

    return math_block


# the parser's ``env`` key that says the lecture is a LaTeX file (a beamer deck), where every ``$`` opens or
# closes math, a digit before or after it too (``2$\times$``, ``10$^{-3}$``); pandoc's Markdown keeps
# ``5$ and 10$`` as money
TEX_DOLLARS = "tex_dollars"


def _latex_dollars(rule):
    """The dollar-math plugin's inline rule, but in a LaTeX file (:data:`TEX_DOLLARS`) math right after a
    digit or right before one is math too, as TeX reads it; the plugin left ``2$\times$`` as text."""
    digits = math_inline_dollar(allow_space=False, allow_digits=True, allow_double=True)

    def math_inline(state: StateInline, silent: bool) -> bool:
        if state.env.get(TEX_DOLLARS) and state.src[state.pos] == "$" and digits(state, silent):
            return True
        return rule(state, silent)

    return math_inline


def _backslashes_before(src: str, pos: int) -> int:
    """How many backslashes stand right before ``src[pos]``."""
    k = pos
    while k > 0 and src[k - 1] == "\\":
        k -= 1
    return pos - k


def _math_closed_after_escaped_space(rule):
    """The dollar-math plugin's inline rule, but math whose closing ``$`` follows a control space
    (``$256=2^8\\ \\ $个条目``) is math too: pandoc wants no blank before the closing dollar, and an
    escaped one is no blank to it, so it reads ``Math InlineMath "256=2^8\\ \\ "`` (a lecturer pads a
    formula this way before CJK text, and MathJax typesets it); the plugin gave up on it, and the
    dollars and the TeX stayed as text."""

    def math_inline(state: StateInline, silent: bool) -> bool:
        if rule(state, silent):
            return True
        src, pos = state.src, state.pos
        if src[pos] != "$" or src[pos + 1 : pos + 2] in ("", "$") or isWhiteSpace(ord(src[pos + 1])):
            return False
        if (pos > 0 and src[pos - 1].isdigit()) or _backslashes_before(src, pos) % 2:
            return False
        end = pos + 1
        while True:
            end = src.find("$", end)
            if end < 0 or end >= state.posMax:
                return False
            if _backslashes_before(src, end) % 2 == 0:
                break
            end += 1
        if src[end - 1] != " " or _backslashes_before(src, end - 1) % 2 == 0:
            return False  # (a blank before the closing dollar, not a control space: no math)
        if src[end + 1 : end + 2].isdigit():
            return False
        if not silent:
            token = state.push("math_inline", "math", 0)
            # (the control spaces go, as where a formula opened with a space: `_tight_math`; a reader
            # strips what ends the TeX, which would leave a lone backslash)
            token.content = re.sub(r"(?:\\[ \t])+$", "", src[pos + 1 : end])
            token.markup = "$"
        state.pos = end + 1
        return True

    return math_inline


# the parser's ``env`` key that says the lecture is knitr's (an .Rmd or .qmd file), whose inline code to
# run (`` `r x` ``, `` `{r} x` ``) knitr puts its value in for before Markdown is read
KNITR_INLINE = "knitr_inline"
# knitr's inline code as knitr finds it (its pattern `r[ #]([^`]+)\s*`): anywhere, even right after another
# backtick, and up to the next backtick
INLINE_R = re.compile(r"`(?:r[ #]|\{\s*r\s*\}\s)[^`]+`")


def _knitr_backticks(rule):
    """markdown-it's code-span rule, but in a knitr lecture (:data:`KNITR_INLINE`) knitr's inline code is a
    span of its own wherever it stands, as knitr reads it before Markdown does: right after a code span
    (`` `sonify()``r emo::ji("x")` ``: the span, then the inline R) or right before one; CommonMark read
    the backticks between them as part of one span, which showed the R call as code."""

    def backtick(state: StateInline, silent: bool) -> bool:
        src, start, most = state.src, state.pos, state.posMax
        if not state.env.get(KNITR_INLINE) or src[start] != "`":
            return rule(state, silent)
        own = INLINE_R.match(src, start, most)
        if own is not None:  # (knitr's own: to the next backtick)
            return _code_span(state, silent, start + 1, own.end() - 1, own.end(), "`")
        pos = start
        while pos < most and src[pos] == "`":
            pos += 1
        opener = pos - start
        end = pos
        while (run := src.find("`", end)) != -1 and run < most:
            end = run + 1
            while end < most and src[end] == "`":
                end += 1
            if end - run == opener:
                break  # (an ordinary closer: markdown-it's rule reads it)
            if end - run == opener + 1 and INLINE_R.match(src, end - 1, most):  # (closed right before it)
                return _code_span(state, silent, pos, run, run + opener, src[start:pos])
        return rule(state, silent)

    return backtick


def _code_span(state: StateInline, silent: bool, begin: int, stop: int, after: int, marker: str) -> bool:
    """A code span of ``src[begin:stop]`` pushed as markdown-it pushes one (line breaks as spaces, one
    space each side taken off), the parser going on at ``after``."""
    if not silent:
        token = state.push("code_inline", "code", 0)
        token.markup = marker
        content = state.src[begin:stop].replace("\n", " ")
        if content.startswith(" ") and content.endswith(" ") and content.strip(" "):
            content = content[1:-1]
        token.content = content
    state.pos = after
    return True


def _math_around_inline_code(rule):
    """The dollar-math rule, but in a knitr lecture (:data:`KNITR_INLINE`) a ``$`` inside inline code to run
    neither opens nor closes math: knitr puts the code's value in before Markdown is read, so
    ``$p = `r round(x$p, 4)`$`` is one formula holding the inline R (the reader shows its code)."""

    def math_inline(state: StateInline, silent: bool) -> bool:
        src = state.src
        if not state.env.get(KNITR_INLINE) or src[state.pos] != "$" or "`" not in src:
            return rule(state, silent)
        spans = [mt for mt in INLINE_R.finditer(src) if "$" in mt.group(0)]
        if not spans:
            return rule(state, silent)
        masked = list(src)
        for mt in spans:
            masked[mt.start() : mt.end()] = mt.group(0).replace("$", "\x00")
        state.src = "".join(masked)
        count = len(state.tokens)
        try:
            found = rule(state, silent)
        finally:
            state.src = src
        if found and len(state.tokens) > count:
            token = state.tokens[-1]
            for mt in spans:
                token.content = token.content.replace(mt.group(0).replace("$", "\x00"), mt.group(0))
        return found

    return math_inline


def _math_at_start(rule):
    """The dollar-math plugin's inline rule, but for math that opens a paragraph (or a list item, a cell)
    whose text ends in a digit: the plugin looks for a digit before the opening ``$`` at ``src[pos - 1]``,
    which at the start is ``src[-1]``, the last character, so ``$n=2000$ matrix, 32MB`` was text with
    its dollars shown."""

    def math_inline(state: StateInline, silent: bool) -> bool:
        if state.pos > 0 or not state.src[-1:].isdigit():
            return rule(state, silent)
        src = state.src
        state.src = src + "\n"  # (nothing the rule reads: no digit, no dollar, past posMax)
        try:
            return rule(state, silent)
        finally:
            state.src = src

    return math_inline


# pandoc's HTML tag names: a letter, then letters, digits, "-", "_" or ":" (CommonMark's have no "_" or ":");
# and pandoc's HTML comment, anything from "<!--" to the next "-->" (CommonMark's may not end in "-":
# `<!--- a note --->`, the habit of RStudio and blogdown, was text with its dashes made em dashes)
_PANDOC_TAG = re.compile(
    rf"<[A-Za-z][A-Za-z0-9:_-]*[_:][A-Za-z0-9:_-]*{html_re.attribute}*\s*/?>"
    r"|</[A-Za-z][A-Za-z0-9:_-]*[_:][A-Za-z0-9:_-]*\s*>"
    r"|<!--.*?-->",
    re.S,
)


def _pandoc_html_tag(state: StateInline, silent: bool) -> bool:
    """An HTML tag whose name has a ``_`` or ``:`` (``<col_blanco>``, ``</col_blanco>``), or a comment
    CommonMark does not take for one (``<!--- note --->``): raw HTML, as pandoc reads it (an inline token like markdown-it's own), not text with its markup shown."""
    pos = state.pos
    if state.src[pos] != "<" or not state.md.options.get("html"):
        return False
    found = _PANDOC_TAG.match(state.src, pos, state.posMax)
    if found is None:
        return False
    if not silent:
        state.push("html_inline", "", 0).content = found.group(0)
    state.pos = found.end()
    return True


# the parser's ``env`` key that says the lecture is read as markdown-it or marked reads it (Marp, reveal.js,
# reveal-md, Slidev, remark): a backslash before a space is a backslash, as CommonMark says
COMMONMARK_ESCAPES = "commonmark_escapes"


# the parser's ``env`` key that says a list may begin right under a paragraph's line, as markdown-it and
# marked read it (Marp, reveal.js, reveal-md, Slidev, remark); pandoc's Markdown needs a blank line first
LIST_INTERRUPTS = "list_interrupts"
# the parser's ``env`` key for the lines (0-based) where a list would begin inside a paragraph, which is
# read as the paragraph's text (pandoc's rule), for the reader to say so
LISTS_AS_TEXT = "lists_as_text"


def _list(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    """markdown-it's list rule, with pandoc's rule: a list does not begin inside a paragraph (a ``-`` line
    right under a paragraph's line is its text), but inside a list item it may (a sublist, the next
    item); a lecture for a CommonMark tool keeps CommonMark's rule (:data:`LIST_INTERRUPTS`)."""
    if (
        silent
        and state.parentType == "paragraph"
        and state.listIndent < 0
        and not state.env.get(LIST_INTERRUPTS)
    ):
        if not list_block(state, start, end, True):
            return False
        if all(  # (the paragraph so far is raw TeX's lines, `\vspace{1em}`: pandoc's raw block, then the list)
            tex_block_line(state.src[state.bMarks[k] + state.tShift[k] : state.eMarks[k]])
            for k in range(state.line, start)
        ):
            return True
        state.env.setdefault(LISTS_AS_TEXT, set()).add(start)
        return False
    return list_block(state, start, end, silent)


# the parser's ``env`` key that says a pipe table may begin right under a paragraph's line, as markdown-it
# and marked read it (Marp, reveal.js, reveal-md, Slidev, remark), and as a beamer deck's tabular is
# written; pandoc's Markdown needs a blank line first
TABLE_INTERRUPTS = "table_interrupts"
# the parser's ``env`` key for the lines (0-based) where a pipe table would begin inside a paragraph, which
# is read as the paragraph's text (pandoc's rule), for the reader to say so
TABLES_AS_TEXT = "tables_as_text"
# the parser's ``env`` key that says a pipe table's header row has as many cells as its delimiter row, or
# the lines are no table, as markdown-it and marked read it (Marp, reveal.js, reveal-md, Slidev, remark);
# pandoc takes the columns from the delimiter row
GFM_TABLES = "gfm_tables"


def _bullet_runs(state: StateCore) -> None:
    """Join a bullet list to the one right after it, as pandoc reads ``- a`` then ``* b``: its bullets are
    all alike, so a change of bullet goes on with the list (markdown-it starts a new list, as CommonMark
    and the tools that follow it do: :data:`LIST_INTERRUPTS`)."""
    if state.env.get(LIST_INTERRUPTS):
        return
    tokens = state.tokens
    k = 1
    while k < len(tokens):
        closing, opening = tokens[k - 1], tokens[k]
        if (
            closing.type == "bullet_list_close"
            and opening.type == "bullet_list_open"
            and opening.level == closing.level
        ):
            for j in range(k - 2, -1, -1):  # (the opening of the list before, whose lines now run on)
                tok = tokens[j]
                if tok.level == closing.level and tok.type == "bullet_list_open":
                    if tok.map and opening.map:
                        tok.map = [tok.map[0], opening.map[1]]
                    break
            del tokens[k - 1 : k + 1]
            continue
        k += 1


def _table(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    """markdown-it's pipe-table rule, with pandoc's rules: the delimiter row says how many columns there
    are (:mod:`podium.pipetables`), and a table does not begin inside a paragraph (its lines right under a
    paragraph's line are the paragraph's text, in a list item too); a lecture for a CommonMark tool keeps
    markdown-it's rules (:data:`GFM_TABLES`, :data:`TABLE_INTERRUPTS`)."""
    gfm = bool(state.env.get(GFM_TABLES))
    if silent and state.parentType == "paragraph" and not state.env.get(TABLE_INTERRUPTS):
        if pipe_table(state, start, end, True, gfm):
            state.env.setdefault(TABLES_AS_TEXT, set()).add(start)
        return False
    return pipe_table(state, start, end, silent, gfm)


def _escaped_space(state: StateInline, silent: bool) -> bool:
    """pandoc's backslash-escaped space (``«\\ classiques\\ »``, ``10\\ km``): a no-break space,
    not a backslash and a space as CommonMark reads it (and a lecture for a CommonMark tool shows it:
    :data:`COMMONMARK_ESCAPES`)."""
    pos = state.pos
    if state.src[pos] != "\\" or state.src[pos + 1 : pos + 2] != " " or state.env.get(COMMONMARK_ESCAPES):
        return False
    if not silent:
        state.pending += "\u00a0"
    state.pos = pos + 2
    return True


# one attribute of a block in braces, as pandoc reads it: #id, .class, key=value (quoted or bare)
_ATTR_ITEM = (
    r"""(?:\#[^\s{}]+|\.[^\s{}=]+|[A-Za-z_][\w:.-]*\s*=\s*(?:"(?:[^"\\]|\\.)*"|'[^']*'|[^\s{}"']+))"""
)
_ATTR_BLOCK = re.compile(rf"\{{\s*(?:=[A-Za-z0-9_+-]+|{_ATTR_ITEM}(?:\s+{_ATTR_ITEM})*)\s*\}}")


def _attribute_block(state: StateInline, silent: bool) -> bool:
    """pandoc's attributes ``{#id .class key=value}`` read before emphasis and typography, as pandoc
    reads them: after a span, link, picture or code (``]``, ``)``, a backtick) or at the end of the text
    (a heading's).  The block is kept as written, one token no later rule changes, so the ``_`` of
    ``{background-image=a_-_b_-_c.jpg}`` are no emphasis and its quotes stay straight."""
    start = state.pos
    if state.src[start] != "{":
        return False
    mt = _ATTR_BLOCK.match(state.src, start, state.posMax)
    if mt is None:
        return False
    before = state.src[start - 1] if start > 0 else " "
    if before not in "])`" and state.src[mt.end() : state.posMax].strip():
        return False
    if not silent:
        token = state.push("text_special", "", 0)  # (as an escape: replacements and smartquotes pass it)
        token.content = token.markup = mt.group(0)
        token.info = "attributes"
    state.pos = mt.end()
    return True


def _emphasis(state: StateInline, silent: bool) -> bool:
    """markdown-it's emphasis delimiters, with pandoc's rule for ``*``: a run of ``*`` may open where no
    white space follows it and close where none comes before it.

    CommonMark's flanking rule does not let ``**`` close after punctuation when a letter follows, so
    ``**값(Value)**으로``, ``これは**重要(important)**です`` and ``**[x]{.red}**ly`` kept their stars;
    pandoc, remark and R Markdown make them bold.  ``_`` keeps CommonMark's rule (pandoc's too: no
    emphasis inside a word)."""
    start = state.pos
    if silent or state.src[start] != "*":
        return mdemphasis.tokenize(state, silent)
    length = state.scanDelims(start, True).length
    before = state.src[start - 1] if start > 0 else " "
    after = state.src[start + length] if start + length < state.posMax else " "
    can_open, can_close = not isWhiteSpace(ord(after)), not isWhiteSpace(ord(before))
    for _ in range(length):
        token = state.push("text", "", 0)
        token.content = "*"
        state.delimiters.append(
            Delimiter(
                marker=ord("*"),
                length=length,
                token=len(state.tokens) - 1,
                end=-1,
                open=can_open,
                close=can_close,
            )
        )
    state.pos += length
    return True


class _LinkHelpers:
    """markdown-it's link helpers, but for a link's address with spaces in it, which pandoc reads
    (``[sheet](../readings/PSY 611 Sheet.pdf)``: the address ``../readings/PSY%20611%20Sheet.pdf``)."""

    parseLinkLabel = staticmethod(mdhelpers.parseLinkLabel)
    parseLinkTitle = staticmethod(mdhelpers.parseLinkTitle)

    @staticmethod
    def parseLinkDestination(string: str, pos: int, maximum: int):
        """CommonMark's address; where it stops at a space inside ``(…)`` that neither a title nor the
        closing ``)`` follows, the address up to that ``)`` (or up to a title right before it)."""
        res = mdhelpers.parseLinkDestination(string, pos, maximum)
        if (
            not res.ok
            or res.pos >= maximum
            or string[res.pos] != " "
            or not string[:pos].rstrip(" ").endswith("(")
        ):
            return res
        end = _spaced_end(string, res.pos, maximum)
        if end is None:
            return res
        res.str = unescapeAll(string[pos:end].rstrip(" "))
        res.pos = end
        return res


def _spaced_end(string: str, pos: int, maximum: int) -> int | None:
    """Where the address with spaces that goes on at ``pos`` ends: before the ``)`` that closes the link
    on the same line, or before a title that ends right at it; None when a title or that ``)`` follows
    right away (a CommonMark link) or no such ``)`` is on the line."""
    close = None
    level = 0
    for k in range(pos, maximum):
        ch = string[k]
        if ch == "\n":
            return None
        if ch == "(":
            level += 1
        elif ch == ")":
            if level == 0:
                close = k
                break
            level -= 1
    if close is None:
        return None
    inside = string[pos:close]
    titled = re.search(r"""\s+(?:"[^"]*"|'[^']*')\s*$""", inside)
    end = pos + (titled.start() if titled else len(inside))
    if not string[pos:end].strip():
        return None  # (a title, or spaces, before the `)`: CommonMark's own link)
    return end


_ARROWS = re.compile(r"(?<!-)-->|<--(?!-)")
_ARROW_MARKS = {"-->": "\x00", "<--": "\x01"}


def _replacements(state: StateCore) -> None:
    """pandoc's typographic replacements (its ``smart`` extension), made with markdown-it's patterns:
    dashes, and the ellipsis: each ``...`` is ``…`` (``.......`` is ``…….``, ``../`` stays two dots,
    ``?...`` keeps its ellipsis), never in a path (``a/.../b``) or inside a bare address markdown-it
    made a link of; the ellipsis as the lecture's tool makes it (:data:`ELLIPSIS`).  markdown-it's
    others are not pandoc's and change what the lecturer wrote: ``(c)`` in "(a), (b), (c)" is no ©,
    ``+-`` no ±, ``????`` keeps its four marks and ``,,`` its two commas.  An arrow, ``-->`` or ``<--``, is
    no dash: markdown-it made one only where a letter or a bracket touched it (``(20)-->str``), pandoc
    always.  Marp, reveal.js and remark have no typographer: in their decks nothing is replaced."""
    dots = state.env.get(ELLIPSIS, "pandoc")
    if dots == "none":  # (a tool with no typographer: dashes and dots as written)
        return
    for token in state.tokens:
        if token.type != "inline" or not token.children:
            continue
        if not mdreplacements.RARE_RE.search(token.content):
            continue
        in_address = False
        for child in token.children:
            if child.type == "text" and not in_address:
                # (an arrow, `(20)-->str` or `a <-- b`, stays an arrow wherever it is written: no dash)
                text = _ARROWS.sub(lambda mt: _ARROW_MARKS[mt.group(0)], _ellipses(child.content, dots))
                text = mdreplacements.EM_DASH_RE.sub("\\1\u2014", text)
                text = mdreplacements.EN_DASH_RE.sub("\\1\u2013", text)
                text = mdreplacements.EN_DASH_INDENT_RE.sub("\\1\u2013", text)
                child.content = text.replace("\x00", "-->").replace("\x01", "<--")
            elif child.type in ("link_open", "link_close") and child.info == "auto":
                in_address = child.type == "link_open"


def _smartquotes(state: StateCore) -> None:
    """Quotes curled as pandoc's ``smart`` and markdown-it's typographer (Slidev's) curl them; a deck of
    a tool with no typographer (Marp, reveal.js, remark: :data:`ELLIPSIS` "none") keeps them straight."""
    if state.env.get(ELLIPSIS) != "none":
        smartquotes(state)


# the parser's ``env`` key that says how the lecture's tool writes a run of dots: "pandoc" (its ``smart``
# extension: each ``...`` an ellipsis), "markdown-it" (its typographer, which Slidev turns on: a run of
# dots one ellipsis) or "none" (Marp, reveal.js, reveal-md and remark, which have no typographer: dots,
# dashes and quotes as written)
ELLIPSIS = "ellipsis"
_DOTS = re.compile(r"(?<![/\\.])\.{3,}")


def _ellipses(text: str, how: str) -> str:
    """``text`` with its runs of three dots or more as ``how`` (:data:`ELLIPSIS`) shows them; a path's
    ``.../`` stays dots."""
    if how == "none" or "..." not in text:
        return text

    def run(mt: re.Match) -> str:
        n, path = len(mt.group(0)), text[mt.end() : mt.end() + 1] in ("/", "\\")
        if how == "markdown-it":
            return mt.group(0) if path else "…"
        whole, rest = divmod(n, 3)
        if path and not rest:  # (a/.../b)
            return "…" * (whole - 1) + "..."
        return "…" * whole + "." * rest

    text = _DOTS.sub(run, text)
    return re.sub(r"([?!])…", r"\1..", text) if how == "markdown-it" else text


_ATTRS = re.compile(r"\{[^{}]*\}")  # (attributes may go on over a line: {.ex\nhref="https://…"})


def _may_link(pretest, text: str) -> bool:
    """Whether a paragraph may hold a bare address to link: linkify-it's pretest (one large regular
    expression, slow) only where there is "//", "@" or "mailto:" outside attributes (``## Title
    {background-iframe="https://…"}`` keeps its address for the attributes)."""
    if "//" not in text and "@" not in text and "mailto:" not in text:
        return False
    if "{" in text:
        text = _ATTRS.sub("", text)
    return bool(pretest(text))


# a bare address that runs to the end of a text token (an escape, `\_`, comes next)
_ADDRESS_TAIL = re.compile(r"(?:[A-Za-z][A-Za-z0-9+.-]*://|mailto:)[^\s<>]*$")
# the escaped characters an address may hold that no later rule changes (no quote, dash or dot)
_ADDRESS_ESCAPES = frozenset("_*~#&=%+!$,;@()[]{}^|/:?")


def _escaped_addresses(state: StateCore) -> None:
    """A bare address with escaped characters in it (``http://x.org/a\\_b\\_c``) as one text, so that
    the linkify rule links all of it (``http://x.org/a_b_c``), not the address up to the first escape.

    markdown-it keeps an escaped character a token of its own up to its last rule (so no later rule
    curls ``\\'`` or makes a dash of ``\\-``); inside an address, those it may hold that no rule changes
    (``_``, ``*``, ``~``, ``#``…) are joined to the text around them."""
    for block in state.tokens:
        if block.type != "inline" or not block.children or "\\" not in block.content:
            continue
        kids = block.children
        k = 0
        while k < len(kids) - 1:
            kid, nxt = kids[k], kids[k + 1]
            if (
                kid.type == "text"
                and nxt.type == "text_special"
                and nxt.content in _ADDRESS_ESCAPES
                and _ADDRESS_TAIL.search(kid.content)
            ):
                kid.content += nxt.content
                del kids[k + 1]
                if k + 1 < len(kids) and kids[k + 1].type == "text":
                    kid.content += kids[k + 1].content
                    del kids[k + 1]
                continue
            k += 1


# the escaped characters that stay apart from the text around them (ESCAPED_TEXT): an escaped backslash,
# whose next letters start no TeX command (``\\d``, ``C:\\Users``), and escaped brackets, which neither
# open nor close a span (``[a \[ b]{.x}``)
_KEPT_ESCAPES = frozenset("\\[]")
ESCAPED_TEXT = "text_escaped"


def _kept_escapes(state: StateCore) -> None:
    """An escaped backslash or bracket as a token of its own (:data:`ESCAPED_TEXT`), not joined to the text
    around it: the reader, which reads raw TeX and spans out of text, must know it was escaped."""
    for block in state.tokens:
        if block.type != "inline" or not block.children or "\\" not in block.content:
            continue
        for kid in block.children:
            if kid.type == "text_special" and kid.info == "escape" and kid.content in _KEPT_ESCAPES:
                kid.type = ESCAPED_TEXT


def _cut_addresses(state: StateCore) -> None:
    """A bare address the linkify rule linked up to an escaped character that goes on after it
    (``http://x.org/a\\-\\-b``) as text: a link to part of the address would open a wrong page."""
    for block in state.tokens:
        if block.type != "inline" or not block.children or "\\" not in block.content:
            continue
        kids = block.children
        for k in range(len(kids) - 2, 0, -1):
            close = kids[k]
            if close.type != "link_close" or close.info != "auto" or kids[k + 1].type != "text_special":
                continue
            if kids[k + 1].content.isspace():
                continue
            opened = next(j for j in range(k - 1, -1, -1) if kids[j].type == "link_open")
            del kids[k]
            del kids[opened]


def _html_links(state) -> None:
    """``<a href="…">words</a>`` written as inline HTML: a link of its words, as pandoc reads it.

    The pair of tags becomes markdown-it's own ``link_open``/``link_close`` around what is between
    them, so the address is vetted as a Markdown link's is (an unsafe scheme is text).  A tag that
    is not one of such a pair (no ``href``, no ``</a>`` after it, another ``<a`` first) stays HTML."""
    from .rawhtml import read_inline_tag  # noqa: PLC0415 (only a lecture with inline HTML pays for it)

    for block in state.tokens:
        if block.type != "inline" or not block.children or "<a" not in block.content.lower():
            continue
        kids = block.children
        tags = [read_inline_tag(t.content) if t.type == "html_inline" else None for t in kids]
        for i, tok in enumerate(kids):
            tag = tags[i]
            if tag is None or tag.kind != "start" or tag.tag != "a" or not tag.attrs.get("href", "").strip():
                continue
            href = tag.attrs["href"].strip()
            for j in range(i + 1, len(kids)):
                other, seen = kids[j], tags[j]
                if seen is not None and seen.tag == "a" and seen.kind == "start":
                    break  # another link opens first: not a pair
                if seen is not None and seen.tag == "a" and seen.kind == "end":
                    tok.type, tok.tag, tok.nesting, tok.content = "link_open", "a", 1, ""
                    tok.attrs = {"href": state.md.normalizeLink(href)}
                    other.type, other.tag, other.nesting, other.content = "link_close", "a", -1, ""
                    break


MAX_LINK = 64 * 1024  # characters of a link or picture address that markdown-it percent-encodes


def _bounded_normalize(normalize):
    """Skip markdown-it's percent-encoding (a Python loop per character) for absurdly long addresses.

    An 8 MB ``data:`` picture took minutes there; Podium refuses such an address anyway
    (``podium.safety``), so it is passed on as written, to be reported at its line.
    """

    def normalize_link(url: str) -> str:
        return url if len(url) > MAX_LINK else normalize(url)

    return normalize_link


def code_lines(lines: list[str]) -> list[bool]:
    """For each line: is it code (fenced, or an indented code block after a blank line) that no
    text pass may touch."""
    code = fenced_lines(lines)
    out = list(code)
    previous = ""  # the last line that is not blank
    blank_before = True
    in_block = False
    for k, line in enumerate(lines):
        if code[k]:
            in_block = False
            previous, blank_before = line, False
            continue
        indented = line.startswith(("    ", "\t")) and bool(line.strip())
        if indented and (
            in_block or blank_before and not _LISTISH.match(previous) and not previous.startswith((" ", "\t"))
        ):
            out[k] = in_block = True
        elif line.strip():
            in_block = False
        blank_before = not line.strip()
        if line.strip():
            previous = line
    return out


_LISTISH = re.compile(r"^\s*(?:[-*+]|\d+[.)]|\(?[a-zA-Z0-9]+[.)]|\\item\b|\\begin\{)")


# a line inside display math that Markdown would read as its own block: a setext heading's underline
# (`=`, `-`), a list item (`- x`, `+ x`, `1. x`), a quote (`> x`)
_BLOCKISH_MATH_LINE = re.compile(r"^([ \t]*)(?=(?:=+|-+)[ \t]*$|[-+*>](?:[ \t]|$)|\d{1,9}[.)](?:[ \t]|$))")


def guard_display_math(text: str) -> str | None:
    """``text`` with each line inside ``$$ … $$`` math that Markdown would read as a block of its own
    (``=`` alone under ``P(A \\mid B)``: a heading's underline) begun with TeX's empty group ``{}``,
    which changes nothing in the math (pandoc reads such math as math); line for line.  None when no
    line changed."""
    lines = text.split("\n")
    code = code_lines(lines)
    inside = changed = False
    depth = 0  # the quotation marks (`>`) before the line that opened the math: its lines have them too
    for k, line in enumerate(lines):
        if code[k]:
            continue
        if inside:
            mark = _QUOTE_MARKS.match(line)
            cut = mark.end() if mark is not None and depth and mark.group(0).count(">") == depth else 0
            if _BLOCKISH_MATH_LINE.match(line[cut:]):
                lines[k] = line[:cut] + _BLOCKISH_MATH_LINE.sub(r"\1{}", line[cut:], count=1)
                changed = True
        if toggles_display_math(line):
            inside = not inside
            if inside:
                mark = _QUOTE_MARKS.match(line)
                depth = mark.group(0).count(">") if mark is not None else 0
    return "\n".join(lines) if changed else None


_QUOTE_MARKS = re.compile(r"^(?:[ \t]{0,3}>[ \t]?)+")  # a quotation's markers at a line's start
