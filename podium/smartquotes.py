"""Straight quotes as curly ones, paired by position: markdown-it's ``smartquotes`` rule, with a quote
between two letters that closes an open quotation.

markdown-it takes a quote between two letters (``don't``) for an apostrophe (``'``) or leaves it straight
(``"``), which is right inside a word but wrong where a quotation ends right before a letter: a Korean
particle (``'인간의 비전'과``), a missing space (``'vision'and``).  There the open quotation was never
closed and its opening quote stayed straight, while the next quotation curled.  Here such a quote closes
the quotation open before it, as pandoc's ``smart`` closes a double one; an apostrophe inside a word
(``don't``, ``it's``, ``l'homme``, ``O'Brien``) closes nothing.  Between Chinese, Japanese or Korean
letters, where no word holds an apostrophe, a quote with none open before it opens one
(``他说"你好"``).  The apostrophe and the closing single quote are one character (’), so what changes is
only that the opening quote is curled, and paired with the right closing one.  A quote that pairs
with none is curled by its place, as pandoc curls it: a double quote at a word's start opens (a
quotation running over paragraphs opens in its first), any other closes; a single one is an apostrophe.
A picture's words (``![In der "Tasse"](x.png)``: its caption, or its alt text) are curled on their own.
"""

from __future__ import annotations

import re
from typing import Any

from markdown_it.common.utils import charCodeAt, isMdAsciiPunct, isPunctChar, isWhiteSpace
from markdown_it.rules_core import StateCore
from markdown_it.token import Token

APOSTROPHE = "\u2019"
_QUOTE = re.compile(r"['\"]")
# letters of the scripts whose words hold no apostrophe (Han, kana, Hangul)
_CJK = re.compile(
    r"[\u1100-\u11ff\u3040-\u30ff\u3130-\u318f\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]"
)
# after an apostrophe: English's contractions and possessive (it's, don't, we'd, I'm, they're, we'll, I've)
_CONTRACTION = re.compile(r"(?:s|t|d|m|re|ll|ve)(?![^\W\d_])", re.I)
# before an apostrophe: an elided article or pronoun (l'homme, d'accord, j'ai, qu'il, O'Brien, dell'arte)
_ELISION = re.compile(
    r"(?<![^\W\d_])(?:[cdjlmnstCDJLMNSTO]|[Qq]u|[a-z]*squ|[dDnN]ell|[dDsS]?[aA]ll|[sS]ull|[qQ]uell|[uU]n)$"
)


def smartquotes(state: StateCore) -> None:
    """The core rule: curl the quotes of every inline token (where the typographer is on)."""
    if not state.md.options.typographer:
        return
    for token in state.tokens:
        if token.type == "inline" and token.children is not None and _QUOTE.search(token.content):
            _curl(token.children, state.md.options.quotes)
            # a picture's words (its caption, its alt text) are curled as pandoc curls them
            for child in token.children:
                if child.type == "image" and child.children:
                    _curl(child.children, state.md.options.quotes)


def _neighbour(tokens: list[Token], i: int, step: int) -> int:
    """The character beside text token ``i`` in the tokens before (``step`` -1) or after (1) it, up to
    the line's break; a space where there is none."""
    j = i + step
    while 0 <= j < len(tokens):
        if tokens[j].type in ("softbreak", "hardbreak"):
            break
        if tokens[j].content:
            return charCodeAt(tokens[j].content, -1 if step < 0 else 0) or 0x20
        j += step
    return 0x20


def _replace(text: str, at: int, ch: str) -> str:
    """``text`` with its character at ``at`` replaced by ``ch``."""
    return text[:at] + ch + text[at + 1 :]


def _curl(tokens: list[Token], quotes: str | list[str]) -> None:
    """Curl the quotes of one inline token's children, as markdown-it's ``process_inlines`` does, but for
    a quote between two letters (see the module's docstring)."""
    stack: list[dict[str, Any]] = []
    for i, token in enumerate(tokens):
        level = token.level
        while stack and stack[-1]["level"] > level:
            stack.pop()
        if token.type != "text":
            continue
        text = token.content
        pos = 0
        while True:
            mt = _QUOTE.search(text, pos)
            if mt is None:
                break
            at = mt.start()
            pos = at + 1
            single = mt.group(0) == "'"
            last = charCodeAt(text, at - 1) if at > 0 else _neighbour(tokens, i, -1)
            nxt = charCodeAt(text, pos) if pos < len(text) else _neighbour(tokens, i, 1)
            assert last is not None and nxt is not None
            last_punct = isMdAsciiPunct(last) or isPunctChar(chr(last))
            next_punct = isMdAsciiPunct(nxt) or isPunctChar(chr(nxt))
            last_space, next_space = isWhiteSpace(last), isWhiteSpace(nxt)

            can_open = not next_space and not (next_punct and not (last_space or last_punct))
            can_close = not last_space and not (last_punct and not (next_space or next_punct))
            if nxt == 0x22 and not single and 0x30 <= last <= 0x39:  # 1"": the first is an inch
                can_open = can_close = False
            in_word = can_open and can_close and not last_punct and not next_punct
            if can_open and can_close:  # (foo-"-bar-"-baz: curled; foo " bar " baz: not)
                can_open, can_close = last_punct, next_punct
            opener = _open_quote(stack, single, level) if (can_close or in_word) else None
            if in_word and opener is not None:
                # (a quotation ends right before a letter: '인간의 비전'과; not at an apostrophe: don't)
                can_close = not (single and _apostrophe(text, at))
            elif in_word and (_CJK.match(chr(last)) or _CJK.match(chr(nxt))):
                can_open = True  # (他说"你好": a quotation begins right after a letter)
                if single:  # (an apostrophe unless a quote closes it)
                    text = token.content = _replace(text, at, APOSTROPHE)
            if not can_open and not can_close:
                if single:  # inside a word: an apostrophe
                    text = token.content = _replace(text, at, APOSTROPHE)
                continue
            if can_close and opener is not None:
                item = stack[opener]
                open_q, close_q = (quotes[2], quotes[3]) if single else (quotes[0], quotes[1])
                # (this token first: the opener may be in it, before this quote)
                text = token.content = _replace(text, at, close_q)
                tokens[item["token"]].content = _replace(tokens[item["token"]].content, item["pos"], open_q)
                pos += len(close_q) - 1
                if item["token"] == i:
                    text = token.content
                    pos += len(open_q) - 1
                del stack[opener:]
                continue
            if can_open:
                stack.append({"token": i, "pos": at, "single": single, "level": level})
            elif can_close and single:
                text = token.content = _replace(text, at, APOSTROPHE)
    _curl_unpaired(tokens, quotes)


def _curl_unpaired(tokens: list[Token], quotes: str | list[str]) -> None:
    """Curl the quotes no other closed or opened, as pandoc curls each by its place: a double quote at
    a word's start opens (a quotation running over paragraphs, ``"Start…`` … ``…end."``, opens in the
    first and closes in the last), any other closes; a single one is an apostrophe."""
    for i, token in enumerate(tokens):
        if token.type != "text" or not _QUOTE.search(token.content):
            continue
        text = token.content
        for mt in reversed(list(_QUOTE.finditer(text))):
            at = mt.start()
            if mt.group(0) == "'":
                text = _replace(text, at, APOSTROPHE)
                continue
            last = charCodeAt(text, at - 1) if at > 0 else _neighbour(tokens, i, -1)
            nxt = charCodeAt(text, at + 1) if at + 1 < len(text) else _neighbour(tokens, i, 1)
            assert last is not None and nxt is not None
            opens = not isWhiteSpace(nxt) and (isWhiteSpace(last) or chr(last) in "([{<-\u2014\u2013/")
            text = text[:at] + (quotes[0] if opens else quotes[1]) + text[at + 1 :]
        token.content = text


def _open_quote(stack: list[dict[str, Any]], single: bool, level: int) -> int | None:
    """The index in ``stack`` of the quotation a quote of its kind at ``level`` would close, or None."""
    for j in range(len(stack) - 1, -1, -1):
        if stack[j]["level"] < level:
            break
        if stack[j]["single"] == single and stack[j]["level"] == level:
            return j
    return None


def _apostrophe(text: str, at: int) -> bool:
    """Whether the ``'`` at ``text[at]``, between two letters, is an apostrophe of a word (``don't``,
    ``l'homme``) rather than a quotation's end."""
    return bool(_CONTRACTION.match(text, at + 1) or _ELISION.search(text, 0, at))
