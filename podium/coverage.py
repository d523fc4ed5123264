"""Words of the source that reached neither output: the reader's own losses, found and said.

Every other check compares the outputs with the lecture as read (:mod:`podium.verify`); content the
reader itself did not carry into the lecture cannot be seen there.  So, after reading, the words
the Markdown parser found in the source's text (paragraphs, headings, list items, table cells,
and the words of links) are looked for in everything the lecture holds (slides, notes, handout
text, captions, alt text, titles, the front matter's words).  A block of text (a paragraph, a
heading, a list item's or a table cell's words) with words found nowhere in the lecture, and about
whose lines the reader has said nothing (no error, warning or note), gets one warning
``[not-shown]`` at its first line, naming the words.  What the reader leaves out on purpose (a
hidden slide, content for other formats) it records, and that is not looked at.

It is deliberately lenient, so as never to cry wolf: a word counts as found when it occurs
anywhere in the lecture's text (even inside a longer word), words are compared in lower case,
and only words of three letters or more count.  Lost content is found by its distinctive words;
a lost sentence made of words used elsewhere goes unseen.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Iterator
from enum import Enum
from typing import Any

from . import model as m
from .diagnostics import Diagnostics
from .rawtex import read_command

# a word: a run of three or more letters (any script), after LaTeX commands, citation keys,
# addresses and shortcodes are taken out of the text
_WORD = re.compile(r"(?<![\w.])[^\W\d_]{3,}(?![\w])")  # (not one glued to a number: 1fil, 2em, h2o)
_NOT_WORDS = re.compile(
    # a LaTeX command whose first argument names something (a colour, a label, a file, an
    # environment, a length, an emoji), with that argument: \textcolor{Buttons}{words}, \begin{itemize}
    r"\\(?:definecolor|providecolor|colorlet)(?:\[[^\]]*\])?(?:\{[^{}]*\}){1,3}"  # a colour's definition
    r"|\\(?:textcolor|color|colorbox|fcolorbox|label|ref|eqref|pageref|[cC]ref|autoref|cite[pt]?"
    r"|nocite|href|url|includegraphics|input|include|hspace|vspace|begin|end|usepackage|setlength"
    r"|fontsize|rule|setbeamercolor|setcounter|addtocounter|use(?:color|font|inner|outer)?theme"
    r"|twemoji|texttwemoji|emoji)\*?"  # (an emoji's name: \twemoji{check mark button})
    r"(?:\[[^\]]*\])?\{[^{}]*\}"
    r"|\\setbeamertemplate\s*\{[^{}]*\}(?:\s*\[[^\]]*\])*"  # (a template's name and its option: [circle])
    r"|\\textipa\s*\{(?:[^{}]|\{[^{}]*\})*\}"  # (tipa's transcription: IPA, printed in its own letters)
    r"|\\[a-zA-Z]+"  # a LaTeX command (\textbf) or a macro
    r"|@[\w:.#$%&\-+?<>~/]+"  # a citation key (@smith2020) or an e-mail's domain
    r"|\b[a-z][a-z0-9+.\-]*://\S+"  # an address
    r"|\bwww\.\S+"
    r"|\{\{<.*?>\}\}"  # a Quarto shortcode left as written
    r"|:[\w+\-]+:"  # an emoji shortcode (:tada:)
    r"|\b(?:plus|minus)\s+-?[\d.]+\s*fil+"  # TeX's glue (\\vskip 1em plus 1fil)
    r"|\b(?:beamer|handout|trans|second|article|presentation|all):(?=[\d+.*-])"  # beamer's overlay mode
    # (`\\item<1-|handout:0>`; `<handout:0>` alone is an autolink to Markdown)
    r"|^\s*Table:"  # pandoc's table caption, written before or after the table
    r"|\{\s*(?:[.#=-]|[\w-]+\s*=)[^{}]*\}"  # attributes ({.fragment}, {#id}, {width=50%}, {=latex}); a
    # TeX group's words ({\\large Survey and Experiment}) are words
)
SHOWN = 8  # words named in a warning
_DEFINITION = re.compile(r"\\(?:(?:re|provide|new)command|DeclareMathOperator|def)(?![A-Za-z@])")


def _without_definitions(text: str) -> str:
    """``text`` without its macro definitions (``\\newcommand{\\cov}{\\text{cov}}``, ``\\def``,
    ``\\DeclareMathOperator``): a definition prints nothing, and a macro the lecture never uses is no lost word."""
    if "\\" not in text:
        return text
    out, i = [], 0
    for mt in _DEFINITION.finditer(text):
        if mt.start() < i:
            continue  # (inside a definition already taken out: \newcommand{\def}{…})
        piece = read_command(text, mt.start())
        if piece is None:
            continue
        out.append(text[i : mt.start()] + " ")
        i = piece.end
    return "".join(out) + text[i:]


def source_words(tokens: Iterable[Any]) -> Iterator[tuple[int, int, str]]:
    """(first, last 0-based line of the body, text) of every block of prose the parser found in
    ``tokens``: the text of its words, pieces of markup between them counted as spaces.

    Code is left out: code cells that are run, not shown (``echo: false``), inline R code and
    chart or diagram specifications are dropped on purpose and said once for all."""
    for t in tokens:
        if t.type != "inline" or not t.map:
            continue
        parts = [
            c.content if c.type == "text" else "\n" if c.type.endswith("break") else " "
            for c in t.children or ()
        ]
        yield t.map[0], max(t.map[1] - 1, t.map[0]), "".join(parts)


def words(text: str) -> set[str]:
    return set(_WORD.findall(_NOT_WORDS.sub(" ", _without_definitions(text)).lower()))


def lecture_text(lecture: m.Lecture) -> str:
    """Every string the lecture holds, in lower case, joined by spaces."""
    out: list[str] = []
    stack: list[Any] = [lecture]
    names: dict[type, tuple[str, ...]] = {}  # each dataclass's field names, looked up once per type
    while stack:
        v = stack.pop()
        kind = type(v)
        if kind is str:
            out.append(v)
        elif kind in names:
            stack.extend([getattr(v, n) for n in names[kind]])
        elif kind in (tuple, list, set, frozenset):
            stack.extend(v)
        elif isinstance(v, str):
            if not isinstance(v, Enum):
                out.append(v)
        elif dataclasses.is_dataclass(v):
            names[kind] = tuple(f.name for f in dataclasses.fields(v))
            stack.extend([getattr(v, n) for n in names[kind]])
        elif isinstance(v, (tuple, list, set, frozenset)):
            stack.extend(v)
        elif isinstance(v, dict):
            stack.extend(v.keys())
            stack.extend(v.values())
    return " ".join(out).lower()


def not_shown(
    tokens: list[Any],
    lecture: m.Lecture,
    at: Any,
    diags: Diagnostics,
    left_out: Iterable[tuple[str, int, int]] = (),
) -> list[tuple[m.SourcePos, list[str]]]:
    """The source lines (as positions, by ``at(body_line)``) whose words the lecture does not hold,
    with those words.  Lines the reader has warned about, and the ``left_out`` ranges
    (file, first line, last line) it left out on purpose (a hidden slide or div), are not looked at."""
    text = lecture_text(lecture)
    have = set(_WORD.findall(text))
    said: dict[str, set[int]] = {}
    for d in diags.items:
        if d.pos is not None:
            said.setdefault(d.pos.path, set()).add(d.pos.line)
    ranges = list(left_out)
    lost: dict[m.SourcePos, list[str]] = {}
    for first, last, piece in source_words(tokens):
        missing = [w for w in sorted(words(piece)) if w not in have and w not in text]
        if not missing:
            continue
        pos, end = at(first), at(last)
        lines = range(pos.line, (end.line if end.path == pos.path else pos.line) + 1)
        if any(k in said.get(pos.path, ()) for k in lines) or any(
            pos.path == f and a <= pos.line <= b for f, a, b in ranges
        ):
            continue  # (the reader has said something of these lines, or left them out on purpose)
        bucket = lost.setdefault(pos, [])
        bucket.extend(w for w in missing if w not in bucket)
    return sorted(lost.items(), key=lambda kv: (kv[0].path, kv[0].line))
