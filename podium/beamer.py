"""Beamer decks written in LaTeX (a ``.tex`` file, ``\\documentclass{beamer}``), read as the slides they make.

A lecturer who made slides with beamer has ``.tex`` files, not Markdown.  Their frames are the
slides; everything inside a frame is the LaTeX this dialect already reads in a Markdown lecture
(``podium/texenvs.py``: lists, blocks, columns, figures, equations, tables; ``podium/overlays.py``:
``\\pause``, ``\\only<2>``; ``\\note{…}``).  So :func:`beamer_markdown` rewrites the file as such a
lecture before it is read, keeping for each new line the line of the file it came from:

* the preamble's ``\\title``, ``\\subtitle``, ``\\author``, ``\\institute``, ``\\date`` and ``\\logo`` are
  the front matter (a title slide is made of them, as ``\\titlepage`` makes one); its macro definitions
  (``\\newcommand``…) are the lecture's macros; ``\\bibliography{refs}`` (or ``\\addbibresource``) its
  bibliography; the environments it defines with ``\\newtheorem{defn}{Definition}`` are boxes titled
  as beamer titles its own ``definition`` (:func:`_theorem_boxes`);
* ``\\section{…}`` is a section slide (``#``); ``\\subsection{…}`` is listed under its section by a
  ``\\tableofcontents`` frame and named in the handout before its first frame;
* ``\\begin{frame}[options]{Title}{Subtitle}`` … ``\\end{frame}`` (or ``\\frametitle{…}`` inside) is a
  slide (``##``), untitled when it has no title (``---``); a frame of ``\\titlepage`` is the title slide
  and one of ``\\tableofcontents`` the contents slide (``toc: true``);
* ``\\input{frames/intro}`` (``\\include``, ``\\subfile``) is that file's text, also inside a line and
  where a macro inputs it (``\\lesson{intro}``) (:func:`expand_inputs`; the reader reads it under the
  path policy, as it reads a picture);
* comments (``%`` to the line's end) are left out, as TeX leaves them out, and the lines of a frame
  lose their indentation (TeX ignores it; Markdown would read four spaces as code), but for the
  lines of ``verbatim`` and ``lstlisting`` environments.

Text outside frames (which beamer does not show) is left out with a warning; nothing after the first
``\\end{document}`` is read, as LaTeX reads nothing after it (:func:`_read_lines`).
"""

from __future__ import annotations

import bisect
import posixpath
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from . import tipa
from .acronyms import Acronyms
from .alttext import DRAWN_KINDS, LATEX_PICTURE, TIKZ_PICTURE
from .labels import label as podium_label
from .labels import traditional
from .markdown import code_lines, outside, toggles_display_math
from .overlays import numbered_increments, slide_part
from .rawtex import (
    BRACED_ARGUMENTS,
    balanced_group,
    find_raw_tex,
    kept_spans,
    opened_switch_groups,
    saved_boxes,
)
from .texcases import Counts, decided_cases
from .texcounters import count_lines
from .texenvs import (
    CODE,
    DRAWN_PICTURES,
    KNOWN,
    MATH,
    MATH_GROUPS,
    SIZE_SETTINGS,
    SIZES,
    SWITCH_GROUP,
    SWITCHES,
    TABU_WIDTH,
    TABULARS,
    THEOREMS,
    environment_end,
    multicol_parts,
    single_dollars,
    switched_groups,
    table_row_cells,
    tex_text,
)
from .texrefs import resolve_references

# beamer, or a class built on it (ctex's `ctexbeamer`, a course's `mybeamer`)
_CLASS = re.compile(r"^[ \t]*\\documentclass\s*(?:\[[^\]]*\])?\s*\{[\w-]*beamer[\w-]*\}", re.M)
_VERBATIM = re.compile(r"\\begin\{(verbatim|lstlisting|minted|Verbatim|semiverbatim|Highlighting)\*?\}")
_SECTION = re.compile(r"^\\(part|section|subsection|subsubsection)\*?\s*(?:\[[^\]]*\])?\s*\{")
_STARRED = re.compile(r"\\(?:part|section|subsection|subsubsection)\*")
_FRAME = "\\begin{frame}"
_FRAME_END = "\\end{frame}"
_TITLE_COMMANDS = re.compile(r"^\\(frametitle|framesubtitle)\s*(?:<[^>]*>)?\s*(?:\[[^\]]*\])?\s*\{")
_GRAPHIC = re.compile(r"\\includegraphics\s*(?:\[[^\]]*\])?\s*\{([^{}]+)\}")
# (and pandoc's fancy markers, which Podium's Markdown reads as lists too: `(a)`, `iv.`, `(cc)`, `B)`, `#.`)
_LISTISH = re.compile(r"^(\(?(?:\d{1,9}|[A-Za-z]|[ivxlcdm]{2,9}|[IVXLCDM]{2,9}|#)[.)]|[-+*>])(\s|$)")
_BIBLIOGRAPHY = re.compile(r"^\\(?:bibliographystyle|bibliography|printbibliography|addbibresource|nocite)\b")
_META = frozenset({"title", "subtitle", "author", "institute", "date"})  # the front matter's keys
# preamble and body commands that say how beamer draws, not what a slide says
_QUIET = re.compile(
    r"^\\(?:maketitle|titlepage|appendix|AtBegin\w+|setbeam\w+|use\w*theme|bibliographystyle|"
    r"frame\s*\{\s*\\(?:titlepage|maketitle)\s*\}|clearpage|newpage|mode\b|againframe|"
    r"label\s*\{[^{}]*\}\s*$|hypertarget\s*\{[^{}]*\}\s*\{\s*\}\s*$|(?:re)?newcommand|def\\|"  # (no words)
    r"setcounter|addtocounter|(?:ref)?stepcounter|counterwith(?:in|out)|numberwithin|"
    r"graphicspath|includeonly|pagenumbering|vspace|vfill|bigskip|medskip|let\\|"
    r"(?:(?:this)?pagestyle|setlength|addtolength|newlength|newcounter|definecolou?r|colorlet|"
    r"hypersetup|(?:re)?newenvironment|newtheorem|theoremstyle|providecommand|DeclareMathOperator|"
    r"linespread|tikzset|pgfplotsset|lstset|sisetup|pgfdeclareimage|usebackgroundtemplate|"
    r"trans(?:blinds\w+|box\w+|cover|dissolve|fade|glitter|push|replace|split\w+|uncover|wipe|duration))(?![A-Za-z])|"
    r"(?:makeat(?:letter|other)|normalsize|small|footnotesize|scriptsize|tiny|large|Large|LARGE|huge|Huge|"
    r"raggedright|sloppy|frenchspacing|smallskip|color\s*\{[^{}]*\})\s*$)"  # (with no words after them)
)


def of_beamer_class(text: str) -> bool:
    """Does ``text`` declare the beamer class (``\\documentclass[…]{beamer}`` starting a line)?"""
    return _CLASS.search(text) is not None


def wanted(text: str, shown: str) -> bool:
    """Is ``text`` a beamer deck: a ``.tex`` file of the beamer class (or of frames), or another file
    whose first line is ``\\documentclass{beamer}`` (not a lecture that shows one in its code)?  An
    article's ``.tex`` is not: it is read as any other lecture."""
    if shown.lower().endswith(".tex"):  # (a deck's beamer class, or frames: a part another deck inputs)
        return of_beamer_class(text) or "\\begin{frame}" in text
    first = next((line for line in text.split("\n") if line.strip()), "")
    return _CLASS.match(first) is not None and "\\begin{document}" in text


# an \input (\include, \subfile), or the import package's \import{dir/}{file} (\subimport, \inputfrom…)
_INPUT_CALL = (
    r"\\(?:(?P<kind>input|include|subfile)"
    r"|(?P<imported>(?:sub)?import|(?:sub)?(?:input|include)from)\*?\s*\{(?P<folder>[^{}]*)\})"
    r"\s*\{(?P<name>[^{}]+)\}"
)
_INPUT = re.compile(r"^\s*" + _INPUT_CALL + r"\s*(?P<end>\\end\{document\}\s*)?(?:%.*)?$")
_INLINE_INPUT = re.compile(_INPUT_CALL)
# a package the preamble loads (\RequirePackage in a package): read when its .sty is the course's own
_PACKAGE = re.compile(
    r"^\s*\\(?:usepackage|RequirePackage)\s*(?:\[[^\]]*\])?\s*\{([^{}]+)\}\s*(?:\[[^\]]*\])?\s*(?:%.*)?$"
)
MAX_INPUT_DEPTH = 8
_INCLUDE_ONLY = re.compile(r"^[ \t]*\\includeonly\s*\{([^{}]*)\}", re.M)


def _include_name(name: str) -> str:
    """An ``\\include``'s file as ``\\includeonly`` names it (``lectures/lecture04``, no ``.tex``)."""
    name = name.strip().replace("\\", "/").removeprefix("./")
    return name[:-4] if name.lower().endswith(".tex") else name


Reader = Callable[..., "tuple[str, str] | None"]  # (name, shown, line, via, code=False)


@dataclass
class _Inputs:
    """What :func:`expand_inputs` carries from file to file: the reader, ``\\includeonly``'s files, and the
    macros defined so far (a preamble file's ``\\newcommand{\\lesson}[1]{\\input{parts/#1}}`` is used by the
    deck that inputs it)."""

    read: Reader
    only: frozenset[str] | None
    warn: Callable[[str, str, int], None]  # (message, file, line)
    macros: dict[str, _Macro] = field(default_factory=dict)
    use: re.Pattern[str] | None = None  # (a use of one of the macros that input a file; None: not yet made)
    counts: Counts = field(default_factory=Counts)  # (\newcount registers and counters set so far)
    exists: Callable[[str], bool] | None = None  # (is a file \IfFileExists asks about there; None: unknown)
    here: str = ""  # (the folder an imported file's inputs are found in: \subimport{dir/}{file}'s)


_NOTHING = re.compile(r"(?!)")


def expand_inputs(
    text: str,
    shown: str,
    read: Reader,
    depth: int = 0,
    only: frozenset[str] | None = None,
    warn: Callable[[str, str, int], None] | None = None,
    exists: Callable[[str], bool] | None = None,
) -> tuple[str, list[tuple[str, int]]]:
    """``text`` with each ``\\input{file}`` (``\\include``, ``\\subfile``) replaced by the file's text, as
    LaTeX reads it; and the (file, line) every line came from.  ``read(name, shown, line, via)`` gives
    (the file's text, its name in messages), or None (it said why; ``via``: the macro call that inputs
    it, for the message).  So is a package the preamble loads (``\\usepackage{course}``) when ``read``
    finds its ``course.sty`` (a course's own, beside the deck; None, unsaid, for LaTeX's own): its
    ``\\title``, ``\\author`` and macros are the deck's.  The preamble's ``\\includeonly{a,b}`` (``only``)
    leaves out, as LaTeX does, the files other than those that ``\\include`` names (this week's lecture of
    a course's master file), unread.  A macro whose body inputs a file
    (``\\newcommand{\\lesson}[1]{\\input{parts/#1}}``) is followed where it is used, and the simple macros
    in a file's name (``\\input{data.\\iclass/#1}``) are put in; an ``\\input`` inside a line
    (``\\frame{\\tiny\\input{license}}``) is the file's text there, on lines of its own; a definition's
    body and verbatim text input nothing.  ``warn(message, file, line)``: a macro's input Podium cannot
    decide (under a TeX condition other than a chapter switch's ``\\ifcase``).  ``exists(name)``: whether
    a file ``\\IfFileExists{name}{…}{…}`` asks about is there; the branch TeX does not take inputs nothing
    (None: both may)."""
    if depth == 0 and only is None and (chosen := _INCLUDE_ONLY.search(text)) is not None:
        only = frozenset(_include_name(name) for name in chosen.group(1).split(",") if name.strip())
    state = _Inputs(read, only, warn or (lambda *_: None), exists=exists)
    return _expanded_inputs(text, shown, state, depth)


def _expanded_inputs(text: str, shown: str, state: _Inputs, depth: int) -> tuple[str, list[tuple[str, int]]]:
    """:func:`expand_inputs` of one file, with what ``state`` carries from the files before it."""
    if state.exists is not None and "\\IfFileExists" in text:
        lines = text.split("\n")  # (the branch TeX takes, and so the files it inputs; verbatim's as written)
        text = _file_choices(
            text, state.exists, frozenset(range(len(lines))) - {k for k, _ in _outside_verbatim(lines, 0)}
        )
    lines = text.split("\n")
    defining = _definition_lines(lines, state) if "\\" in text else set()
    if "\\iffalse" in text or "\\iftrue" in text or "\\newif" in text:  # (what TeX skips inputs nothing)
        defining |= {k + 1 for k in set(range(len(lines))) - set(_uncommented(lines)[1])}
    out: list[str] = []
    origins: list[tuple[str, int]] = []
    verbatim: str | None = None
    stop = _end_line(text) if depth == 0 else None  # (the files input after it LaTeX never reads)
    for n, line in enumerate(lines, start=1):
        if (
            verbatim is not None
            or n in defining
            or "\\" not in line
            or depth >= MAX_INPUT_DEPTH
            or (stop is not None and n > stop)
        ):
            if verbatim is not None and f"\\end{{{verbatim}" in line:
                verbatim = None
            out.append(line)
            origins.append((shown, n))
            continue
        cut = _comment_at(line)
        code = line if cut is None else line[:cut]
        state.counts.read(code)  # (\chno=0: the chapter a switch on \chno inputs)
        opened = _VERBATIM.search(code)
        if opened is not None and f"\\end{{{opened.group(1)}" not in code[opened.end() :]:
            verbatim = opened.group(1)
        if _CODE_INPUT.search(code) and not _VERBATIM_ARG.search(code):
            listed = _listed_files(code, shown, n, state)
            out.extend(part for part, _ in listed)
            origins.extend(origin for _, origin in listed)
            continue
        whole = _INPUT.match(line) is not None  # (its comment is the regex's)
        called = None if whole else _input_calls(code, state, shown, n)
        via = ""
        if called is not None:
            code, via = called
        pieces = [line] if whole else _input_pieces(code)
        if len(pieces) == 1 and called is None:
            sub = _input_line(line, shown, n, state, depth, via)
            out.extend(sub[0] if sub is not None else [line])
            origins.extend(sub[1] if sub is not None else [(shown, n)])
            ended = _INPUT.match(line) if depth == 0 else None  # (`\input{last}\end{document}`: the end)
            if ended is not None and ended.group("end") and (stop is None or n < stop):
                stop = n
            continue
        words = ""  # (the line's words around its inputs: a line of their own between the files' lines)
        for piece in pieces:
            sub = _input_line(piece, shown, n, state, depth, via) if _INPUT.match(piece) else None
            if sub is None:
                words += piece if not words else " " + piece.lstrip()
                continue
            lines_in, origins_in = sub
            if lines_in and not lines_in[-1].strip():  # (the file's last line end: a space, not a paragraph)
                lines_in, origins_in = lines_in[:-1], origins_in[:-1]
            if words.strip():
                out.append(words)
                origins.append((shown, n))
            words = ""
            out.extend(lines_in)
            origins.extend(origins_in)
        if words.strip():
            out.append(words)
            origins.append((shown, n))
    return "\n".join(out), origins


# a listing read from a file: listings', minted's and fancyvrb's (its options, minted's language, the file)
_CODE_INPUT = re.compile(
    r"\\(lstinputlisting|inputminted|VerbatimInput)\s*(?:\[([^\]\n]*)\])?\s*(?:\{([\w+#.-]*)\}\s*(?=\{))?"
    r"\{([^{}\n]+)\}"
)


def _listed_files(line: str, shown: str, n: int, state: _Inputs) -> list[tuple[str, tuple[str, int]]]:
    """The lines (and their origins) that ``line`` stands for, each ``\\lstinputlisting[opts]{file}``
    (``\\inputminted{lang}{file}``, ``\\VerbatimInput{file}``) in it a listing of the file's lines (from
    ``firstline`` to ``lastline``), on lines of its own between the words around it; a file that cannot be
    read is said (``missing-file``) and shows nothing."""
    out: list[tuple[str, tuple[str, int]]] = []
    at = 0
    for mt in _CODE_INPUT.finditer(line):
        if line[at : mt.start()].strip():
            out.append((line[at : mt.start()], (shown, n)))
        at = mt.end()
        got = state.read(mt.group(4).strip(), shown, n, "", code=True)
        if got is None:
            continue
        options = {
            key.strip(): value.strip()
            for key, _, value in (o.partition("=") for o in (mt.group(2) or "").split(","))
        }
        code = got[0].split("\n")
        if code and not code[-1].strip():
            code.pop()
        first = int(options["firstline"]) if options.get("firstline", "").isdigit() else 1
        last = int(options["lastline"]) if options.get("lastline", "").isdigit() else len(code)
        language = mt.group(3) or options.get("language", "") or _language_of(got[1])
        said = [f"language={language}"] if language else []
        said += [
            f"{key}={value}" if value else key
            for key, value in options.items()
            if key in ("caption", "title", "mathescape", "gobble", "autogobble")
        ]
        out.append((f"\\begin{{lstlisting}}[{','.join(said)}]", (shown, n)))
        out += [(code[j], (got[1], j + 1)) for j in range(max(first, 1) - 1, min(last, len(code)))]
        out.append(("\\end{lstlisting}", (shown, n)))
    if line[at:].strip():
        out.append((line[at:], (shown, n)))
    return out


def _language_of(name: str) -> str:
    """The code language a file's name tells (``move.cc``: cpp), as Pygments knows it; "" if none."""
    from pygments.lexers import find_lexer_class_for_filename  # noqa: PLC0415 (only listings of files)

    lexer = find_lexer_class_for_filename(name)
    return lexer.aliases[0] if lexer is not None and lexer.aliases else ""


def _end_line(text: str) -> int | None:
    """The line (1-based) of the ``\\end{document}`` of ``text`` where LaTeX stops reading, or None."""
    lines, index = _uncommented(text.split("\n"))
    begin = next((k for k, line in enumerate(lines) if line.strip().startswith("\\begin{document}")), -1)
    end = _document_end(lines, begin)
    return None if end is None else index[end] + 1


# a part file with a document of its own (the standalone package's habit): its first command \documentclass
_STANDALONE = re.compile(r"\A\ufeff?(?:[ \t]*(?:%[^\n]*)?\n)*[ \t]*\\documentclass(?![A-Za-z])")


def _document_body(text: str) -> str:
    """A ``\\subfile``'s text as the subfiles package reads it (an ``\\input`` part that begins with its own
    ``\\documentclass``, as the standalone package reads it): the body of its document, its own preamble
    (there to build it alone) and its ``\\end{document}`` blank lines; a file without them as it is."""
    lines = text.split("\n")
    begin = next((k for k, line in enumerate(lines) if line.strip().startswith("\\begin{document}")), None)
    if begin is None:
        return text
    end = _document_end(lines, begin)
    return "\n".join(
        "" if k <= begin or (end is not None and k >= end) else line for k, line in enumerate(lines)
    )


def _input_line(
    line: str, shown: str, n: int, state: _Inputs, depth: int, via: str
) -> tuple[list[str], list[tuple[str, int]]] | None:
    """The lines (and their origins) that ``line`` stands for when it inputs files, or None: it does not."""
    found = _INPUT.match(line)
    package = _PACKAGE.match(line) if found is None and "package" in line else None
    if found is None and package is None:
        return None
    folder = state.here
    if package is not None:  # (a course's own package beside the deck: its preamble, read as an \input)
        names = [name.strip() + ".sty" for name in package.group(1).split(",") if name.strip()]
        got_all = [got for name in names if (got := state.read(name, shown, n, "\\usepackage")) is not None]
        if not got_all:
            return None
    elif found is not None:
        name, folder = _input_path(found, state)
        include = found.group("kind") == "include" or "include" in (found.group("imported") or "")
        wanted = not include or state.only is None or _include_name(name) in state.only
        got_all = [got] if wanted and (got := state.read(name, shown, n, via)) is not None else []
    out: list[str] = []
    origins: list[tuple[str, int]] = []
    outer, state.here = state.here, folder
    for got in got_all:
        part = (
            _document_body(got[0])
            if found is not None and (found.group("kind") == "subfile" or _STANDALONE.match(got[0]))
            else got[0]
        )
        sub, sub_origins = _expanded_inputs(part, got[1], state, depth + 1)
        out.extend(sub.split("\n"))
        origins.extend(sub_origins)
    state.here = outer
    if found is not None and found.group("end"):  # (`\input{last}\end{document}`: the file, then the end)
        out.append(found.group("end").strip())
        origins.append((shown, n))
    return (out, origins) if out else ([""], [(shown, n)])


def _input_path(found: re.Match, state: _Inputs) -> tuple[str, str]:
    """The name an ``\\input`` (``\\subimport{dir/}{file}``) reads its file by, from the deck's folder, and
    the folder the file's own inputs are found in first: the import package's (``\\subimport``'s folder
    is its file's folder's; ``\\import``'s, as given; an ``\\input`` in an imported file is its folder's)."""
    name = _input_name(found.group("name"), state.macros)
    imported = found.group("imported")
    if imported is None:
        here = posixpath.normpath(posixpath.join(state.here, name)) if state.here else name
        nearby = state.here and (state.exists is None or state.exists(here))
        return (here, state.here) if nearby else (name, state.here)
    folder = _input_name(found.group("folder"), state.macros).replace("\\", "/")
    if imported.startswith("sub") and not posixpath.isabs(folder):
        folder = posixpath.join(state.here, folder)
    folder = posixpath.normpath(folder) if folder else ""
    folder = "" if folder == "." else folder
    return (posixpath.join(folder, name) if folder else name), folder


def _input_name(name: str, macros: dict[str, _Macro]) -> str:
    """An ``\\input``'s file name with the simple macros in it put in (``data.\\iclass/intro.tex``)."""
    name = name.strip()
    for _ in range(3):  # (a macro made of macros)
        named = re.sub(
            r"\\([A-Za-z@]+)(?![A-Za-z@])\s*(?:\{\})?",
            lambda mt: (
                macros[mt.group(1)].body.strip()
                if mt.group(1) in macros and not macros[mt.group(1)].arguments
                else mt.group(0)
            ),
            name,
        )
        if named == name:
            break
        name = named
    return name


def _definition_lines(lines: list[str], state: _Inputs) -> set[int]:
    """The lines (1-based) of ``lines`` that define macros: an ``\\input`` in a body inputs nothing where it
    is defined.  The macros they define are added to ``state``'s."""
    kept = [line[:cut] if (cut := _comment_at(line)) is not None else line for line in lines]
    text = "\n".join(kept)
    if defined := _macros(kept):
        state.macros.update(defined)
        state.use = None
    spans: set[int] = set()
    for mt in _DEFINITION.finditer(text):
        close = balanced_group(text, mt.end())
        if close > 0:
            first = text.count("\n", 0, mt.start()) + 1
            spans.update(range(first, first + text.count("\n", mt.start(), close) + 1))
    return spans


_CONDITION = re.compile(r"\\if[A-Za-z]*(?![A-Za-z])")


def _chosen_cases(body: str, state: _Inputs) -> str:
    """``body`` with each ``\\ifcase N … \\or … \\else … \\fi`` whose ``N`` is known (a number, a chapter
    switch's argument put in, a macro defined as one, a ``\\newcount`` register or a counter set before it)
    replaced by the case TeX chooses; as written when one is not known."""
    if "\\ifcase" not in body:
        return body
    body = re.sub(
        r"(\\ifcase\s*)\\([A-Za-z@]+)(?![A-Za-z@])",
        lambda mt: (
            mt.group(1) + state.macros[mt.group(2)].body.strip()
            if mt.group(2) in state.macros
            else mt.group(0)
        ),
        body,
    )
    chosen, undecided = decided_cases(body, state.counts.copy())
    return body if undecided else chosen


def _input_calls(line: str, state: _Inputs, shown: str, n: int) -> tuple[str, str] | None:
    """``line`` (its comment cut off) with each use of a macro that inputs a file (``\\lesson{intro}``)
    replaced by its body, the arguments put in (and a chapter switch's ``\\ifcase`` decided); and the first
    such use as written.  None: ``line`` uses none.  A use whose input depends on another TeX condition,
    which Podium does not run, inputs nothing: a warning says so."""
    if state.use is None:
        inputting = [name for name, macro in state.macros.items() if _INLINE_INPUT.search(macro.body)]
        names = "|".join(sorted(map(re.escape, inputting), key=len, reverse=True))
        state.use = re.compile(r"\\(" + names + r")(?![A-Za-z@])") if inputting else _NOTHING
    out: list[str] = []
    at = 0
    first = ""
    for mt in state.use.finditer(line):
        if mt.start() < at or _VERBATIM_ARG.search(line, 0, mt.start()):
            continue
        done = _expanded(line, mt.end(), state.macros[mt.group(1)])
        if done is None:
            continue
        used, body = line[mt.start() : done[1]], _chosen_cases(done[0], state)
        if (condition := _CONDITION.search(body)) is not None and _INLINE_INPUT.search(body):
            state.warn(
                f"{used} inputs a file under a TeX condition ({condition.group(0)}), which Podium does not "
                "run: the file is not read, and its frames and text are missing from the deck",
                shown,
                n,
            )
            body = ""
        out.append(line[at : mt.start()] + body)
        first = first or used
        at = done[1]
    return ("".join(out) + line[at:], first) if out else None


def _input_pieces(line: str) -> list[str]:
    """``line`` as it is, or, where it has an ``\\input`` inside (``\\frame{ \\tiny\\input{license}}``), cut
    into the words before, the ``\\input`` on a line of its own, the words after (TeX reads a line's end
    as a space)."""
    if _INPUT.match(line) or not _INLINE_INPUT.search(line) or _VERBATIM_ARG.search(line):
        return [line]
    pieces: list[str] = []
    at = 0
    for mt in _INLINE_INPUT.finditer(line):
        pieces += [line[at : mt.start()].rstrip(), mt.group(0)]
        at = mt.end()
    pieces.append(line[at:])
    return [piece for piece in pieces if piece.strip()] or [line]


@dataclass
class Converted:
    """The deck as a Markdown lecture: ``meta`` (its front matter), ``text``; ``index[j]``: the file's line
    (0-based) that new line j came from; ``key_lines``: the file's line (1-based) of each meta key;
    ``warnings``: (line, message, code) of what was left out; ``notes``: of what was read otherwise
    than a slide shows it."""

    meta: dict[str, Any]
    text: str
    index: list[int]
    key_lines: dict[str, int] = field(default_factory=dict)
    warnings: list[tuple[int, str, str]] = field(default_factory=list)
    notes: list[tuple[int, str, str]] = field(default_factory=list)


def _group_end(lines: list[str], k: int, end: int) -> int:
    """The line (before ``end``) where the groups that line ``k`` opens are closed."""
    j, depth = k, _depth(lines[k])
    while depth > 0 and j + 1 < end:
        j += 1
        depth += _depth(lines[j])
    return j


def _depth(line: str) -> int:
    """How many more groups ``line`` opens than it closes (``\\{`` and ``\\}`` no braces)."""
    line = line.replace("\\\\", "").replace("\\{", "").replace("\\}", "")
    return line.count("{") - line.count("}")


def beamer_markdown(text: str, exists: Callable[[str], bool] | None = None) -> Converted:
    """The beamer deck ``text`` rewritten as this dialect's Markdown (see the module docstring);
    ``exists``: whether a file the deck names is there (``\\IfFileExists``; None: no file is)."""
    skipped: list[tuple[int, str]] = []
    lines, index = _read_lines(text, skipped)
    begin = next((k for k, line in enumerate(lines) if line.strip().startswith("\\begin{document}")), -1)
    _expand_text_macros(lines, begin)
    unread = _transcriptions(lines)
    _babel_text(lines, begin)
    _date_numbers(lines)
    undecided = _cases_decided(lines, begin)
    out = Converted({}, "", [])
    out.warnings += [
        (
            index[k],
            ", ".join("\\" + n for n in names) + " in \\textipa: not a tipa command Podium knows, so it is "
            "left out of the transcription",
            "raw-tex",
        )
        for k, names in unread
    ]
    out.notes += [
        (first, f"what {kind} switches off (up to its \\fi) is left out, as TeX skips it", "tex-condition")
        for first, kind in skipped
    ]
    out.warnings += [
        (
            index[k],
            f"Podium cannot tell the number {selector} chooses by (it knows numbers, \\newcount registers set "
            "to a number and counters): its first case is shown",
            "tex-condition",
        )
        for k, selector in undecided
    ]
    _acronyms(lines, begin, index, out)
    _modes(lines, begin, index, out)
    _section_names(lines, begin + 1)
    _inline_bibliography(lines, begin)
    _own_environments(lines, begin)
    _references(lines, begin, index, out)
    _theorem_boxes(lines, begin)
    _enumitem_lists(lines, begin)
    _algorithm_keywords(lines, begin)
    count_lines(lines, begin, set(range(len(lines))) - {k for k, _ in _outside_verbatim(lines, 0)})
    end = next(
        (k for k in range(len(lines) - 1, begin, -1) if lines[k].strip().startswith("\\end{document}")),
        len(lines),
    )
    if begin >= 0:
        _preamble(lines[:begin], index, out)
        _frames_in_preamble(lines[:begin], index, out)
    _traditional_chinese(lines, begin, out)
    _bibliography(lines, index, out)
    _listing_settings(lines, begin)
    _minted_settings(lines)
    new: list[str] = []
    new_index: list[int] = []

    def add(k: int, *said: str) -> None:
        new.extend(said)
        new_index.extend([index[k]] * len(said))

    _pauses_without_groups(lines, begin + 1)
    _overlay_environments(lines, begin + 1)
    _frame_commands(lines, begin + 1, end)
    _title_page_frames(lines, begin + 1, end)
    hooks = {begin + 1 + j for j in _in_hooks(lines[begin + 1 : end])}  # (beamer's own frames, not slides)
    defined = _definitions_between_frames(lines, begin + 1, end)  # (they print nothing where written)
    hooks |= defined
    _setup_on_one_line(lines, begin + 1, end, hooks)
    _open_groups(lines, begin + 1, end, hooks)
    _frame_commands(lines, begin + 1, end)  # (a \frame{…} that a group opened before it on its line)
    _frame_references(lines, begin + 1, end)
    _backgrounds(lines, index, out)
    _pgf_images(lines, begin)
    _media(lines, begin, index, out)
    _multicols_uncut(lines, begin + 1, end, index, out)
    outline = _outline(lines, begin + 1, end)
    outside: list[int] = []
    between: list[int] = []  # text after a frame, before the next: that frame's handout text
    framed = False
    framed_lines: set[int] = set()  # (the lines of the frames read: a frame outside them is lost)
    after_section = False  # (a section began since the last frame)
    unshown: list[int] = []  # subsections that only a contents slide can show
    paged = False  # (the deck's title page is made: a later \titlepage frame is a slide of its own)
    later = Converted(meta={}, text="", index=[])  # (title commands between frames after the title page)
    listed = False  # (a frame's \tableofcontents among its words lists the subsections)

    def handout_text() -> None:
        if between:
            said = [
                line
                for _, line in _dedented(_unknown_environments([(j, lines[j]) for j in between], out, index))
            ]
            add(between[0], "::: handout", *said, ":::", "")
            if _has_words(said) and not any(code == "outside-frame" for _, _, code in out.notes):
                out.notes.append(
                    (
                        index[between[0]],
                        "text between frames is the handout text of the frame before it, as beamer's "
                        "article mode prints it (slides show only frames)",
                        "outside-frame",
                    )
                )
            between.clear()

    k = begin + 1
    while k < end:
        s = lines[k].strip()
        if k in hooks:
            k += 1
            continue
        if s.startswith(_FRAME) or _SECTION.match(s):
            handout_text()
        if _META_COMMAND.match(s):  # \title, \author… written after \begin{document}: the title slide's still
            j = _meta_command_end(lines, k, end, index, out)  # (its braces may close on a later line)
            # (after the title page: what a later \titlepage shows, not the deck's title slide)
            _preamble(lines[k : j + 1], index[k : j + 1], later if paged else out, macros=False)
            k = j + 1
            continue
        if s.startswith(_FRAME):
            stop = _frame_end(lines, k, end)
            if stop is None:
                out.warnings.append(
                    (
                        index[k],
                        "this frame is never closed (\\end{frame}); it runs to the end of the document",
                        "unclosed-frame",
                    )
                )
                stop = end - 1  # (its last line: the one before \end{document}, or the file's)
            framed_lines.update(range(k, stop + 1))
            _alternatives(lines, k, stop, index, out)
            _only_alternatives(lines, k, stop, index, out)
            _overfull_rows(lines, k, stop, index, out)
            _title_page_again(lines[k : stop + 1], k, out.meta, later if paged else None, add)
            _later_fields_shown(lines, k, stop, later if paged else None, add)
            paged = _title_page_fields(lines, k, stop, index, out, paged)
            _title_page_text(lines, k, stop, out.meta, exists)
            slid = any("\\tableofcontents" in line for line in lines[k : stop + 1]) and any(
                line.startswith(("# ", "## ")) or line == "---" for line in new
            )  # (a contents frame after a slide: a contents slide there)
            listed = listed or _lists_subsections(lines[k : stop + 1], outline)
            after_section = (
                _sections_inside(lines, k, stop, add) or after_section
            )  # (it begins with this frame)
            shown = _frame(lines, k, stop, add, out, index, outline, slid)
            framed, after_section = framed or shown, after_section and not shown
            k = stop + 1
            continue
        section = _SECTION.match(s)
        if section is not None:
            if not _section(s, section, k, add, framed and not after_section):
                unshown.append(k)
            after_section = section.group(1) in ("part", "section") or after_section
            k += 1
            continue
        if (
            s.startswith("\\note") and framed
        ):  # beamer's note outside a frame: the notes of the frame before it
            handout_text()
            j = _group_end(lines, k, end)  # (its braces may close paragraphs later)
            for n in range(k, j + 1):
                add(n, lines[n])
            k = j + 1
            continue
        if (
            framed
            and not after_section  # (after a section heading: beamer's slides show nothing of it)
            and (s or between)
            and not _QUIET.match(s)
            and not _BIBLIOGRAPHY.match(s)
        ):
            between.append(k)  # (beamer's article mode prints it: `ignorenonframetext` decks' handout)
        elif s and not _QUIET.match(s) and not _BIBLIOGRAPHY.match(s):
            outside.append(k)
        k += 1
    handout_text()
    _later_unshown(later, out)
    _lost_frames(lines, range(begin + 1, end), hooks | framed_lines, index, out)
    if unshown and out.meta.get("toc") is not False and not listed:  # (no contents slide lists them)
        out.warnings.append(
            (
                index[unshown[0]],
                f"{len(unshown)} \\subsection title(s) right after a \\section (or before the first frame) are "
                "shown nowhere: a section slide has no handout text; a \\tableofcontents frame lists them",
                "subsection",
            )
        )
    if outside:
        out.warnings.append(
            (
                index[outside[0]],
                f"text outside a frame is left out, as beamer shows only frames ({len(outside)} line(s))",
                "outside-frame",
            )
        )
    _dated(out)
    out.text = "\n".join(new)
    out.index = new_index
    return out


# a command with its arguments (`\slajdid{01-s002}`, `\vspace*{1em}`): no words of its own
_COMMAND_ONLY = re.compile(r"\\(?:[A-Za-z@]+\*?|.)(?:\s*(?:\[[^\[\]]*\]|\{[^{}]*\}))*")


def _has_words(lines: list[str]) -> bool:
    """Whether ``lines`` (text between frames) has words, not only commands (a deck's own macro the
    reader leaves out as raw TeX, and says so: then no note says it is the handout's text)."""
    return any(re.search(r"\w", _COMMAND_ONLY.sub("", line)) for line in lines)


_MULTICOLS = re.compile(r"\\begin\{(multicols\*?)\}\s*\{\s*(\d+)\s*\}")


def _multicols_uncut(lines: list[str], start: int, end: int, index: list[int], out: Converted) -> None:
    """A warning at each ``\\begin{multicols}{n}`` that Podium cannot cut into columns (one paragraph, no
    ``\\columnbreak``): its text is shown in one column, where multicol flows it over ``n``."""
    for k in range(start, end):
        mt = _MULTICOLS.search(lines[k])
        if mt is None or int(mt.group(2)) < 2:
            continue
        stop = next((j for j in range(k, end) if f"\\end{{{mt.group(1)}}}" in lines[j]), None)
        if stop is None:
            continue
        text = "\n".join(lines[k : stop + 1])
        body = text[text.find(mt.group(0)) + len(mt.group(0)) : text.find(f"\\end{{{mt.group(1)}}}")]
        body = re.sub(r"^\s*\[[^\]]*\]", "", body)  # (its header: above the columns)
        if body.strip() and multicol_parts(body, int(mt.group(2))) is None:
            out.warnings.append(
                (
                    index[k],
                    f"{mt.group(1)}{{{mt.group(2)}}} around one paragraph is shown in one column (a slide does not "
                    "flow text over columns); put \\columnbreak where the next column begins",
                    "multicols",
                )
            )


def _meta_command_end(lines: list[str], k: int, end: int, index: list[int], out: Converted) -> int:
    """The line where the title command on ``lines[k]`` ends (its braces may close on a later line), never
    past the next frame: a brace never closed before it is warned about."""
    j = k
    while j + 1 < end and sum(_depth(line) for line in lines[k : j + 1]) > 0:
        if lines[j + 1].lstrip().startswith(_FRAME):  # (a brace never closed: not the frames after it)
            out.warnings.append(
                (
                    index[k],
                    "this title command's braces are never closed before the next frame",
                    "unclosed-group",
                )
            )
            break
        j += 1
    return j


def _title_page_fields(
    lines: list[str], start: int, stop: int, index: list[int], out: Converted, paged: bool
) -> bool:
    """The title commands of the frame ``lines[start:stop + 1]`` read: the title slide's where it is the
    deck's first title page, its own slide's where one came before (``paged``); whether one has now."""
    if paged:
        _later_title_page(lines, start, stop, index, out)
    else:
        _title_fields(lines, start, stop, index, out)
    return paged or any(_TITLE_PAGE.search(line) for line in lines[start : stop + 1])


def _later_unshown(later: Converted, out: Converted) -> None:
    """A note for the title commands written between frames after the title page that no later
    ``\\titlepage`` showed (``later``), and their warnings."""
    out.warnings.extend(later.warnings)
    keys = sorted(later.meta.keys() & _META)
    if keys:
        out.notes.append(
            (
                min(later.key_lines[key] for key in keys) - 1,
                "title commands after the title page change only a later \\titlepage, and none follows: "
                f"their words are shown nowhere ({', '.join(keys)})",
                "title-later",
            )
        )


def _title_page_again(
    frame: list[str], start: int, meta: dict[str, Any], later: Converted | None, add
) -> None:
    """A slide for the ``frame`` (from ``lines[start]``) when it is a title page after the deck's first one
    (``later``: the title commands written since, None before it) that sets no title fields, there or in the
    frame: the title page again, as beamer prints it (a closing ``\\titlepage`` before the questions), made
    of the deck's title, subtitle, then author, institute and date paragraphs; nothing where the deck has
    none of them."""
    if later is None or later.meta.keys() & _META or not any(_TITLE_PAGE.search(line) for line in frame):
        return
    if any(_FIELD.match(line) for line in frame[1:]):
        return
    if not any(meta.get(key) for key in _META):
        return
    title = _inserted(meta, "title")
    add(start, "", "## " + " ".join(title.split()) if title.strip() else "---", "")
    if subtitle := _inserted(meta, "subtitle"):
        add(start, "**" + " ".join(subtitle.split()) + "**", "")
    for key in ("author", "institute", "date"):
        if shown := _inserted(meta, key):
            add(start, *shown.split("\n"), "")


def _later_fields_shown(lines: list[str], start: int, stop: int, later: Converted | None, add) -> None:
    """A slide for the frame ``lines[start:stop + 1]`` when it is a title page after the deck's first one and
    sets no title fields of its own, made of the fields ``later`` holds (``\\title{Part II}`` written between
    frames; None: before the deck's title page): its title, subtitle, then author, institute and date
    paragraphs; the fields are shown then (``later`` emptied)."""
    if later is None or not later.meta.keys() & _META:
        return
    frame = lines[start : stop + 1]
    if not any(_TITLE_PAGE.search(line) for line in frame) or any(_FIELD.match(line) for line in frame[1:]):
        return
    title = later.meta.get("title")
    add(start, "", "## " + " ".join(str(title).split()) if title else "---", "")
    if later.meta.get("subtitle"):
        add(start, "**" + " ".join(str(later.meta["subtitle"]).split()) + "**", "")
    for key in ("author", "institute", "date"):
        if later.meta.get(key):
            add(start, *str(later.meta[key]).split("\n"), "")
    later.meta.clear()


def _title_fields(lines: list[str], start: int, stop: int, index: list[int], out: Converted) -> None:
    """The title commands (``\\title``, ``\\author``…) of the frame ``lines[start:stop + 1]`` written before
    its ``\\maketitle`` (``\\titlepage``) read into the front matter, as from the preamble (they only set
    what the title page prints), and their lines emptied."""
    page = next((j for j in range(start, stop + 1) if _TITLE_PAGE.search(lines[j])), None)
    j = start + 1
    while page is not None and j < page:
        if not _META_COMMAND.match(lines[j].strip()):
            j += 1
            continue
        end = min(_meta_command_end(lines, j, stop, index, out), page - 1)
        _preamble(lines[j : end + 1], index[j : end + 1], out, macros=False)
        lines[j : end + 1] = [""] * (end + 1 - j)
        j = end + 1


# a title command written in a later title page's frame, and what shows its words on that frame's slide
_FIELD = re.compile(r"^(\s*)\\(title|subtitle|author|institute|date)\*?\s*(?:\[[^\]\n]*\])?\s*\{")
_FIELD_SHOWN = {"title": "\\frametitle{", "subtitle": "\\framesubtitle{"}


def _later_title_page(lines: list[str], start: int, stop: int, index: list[int], out: Converted) -> None:
    """The frame ``lines[start:stop + 1]``, a ``\\titlepage`` (``\\maketitle``) after the deck's title slide,
    as a slide of its own where it sets title fields (``\\title{Part II}\\author{Bob}\\titlepage``): its
    title the frame's title (a paragraph where the frame has one), its subtitle, author, institute and date
    paragraphs; the deck's title slide keeps the preamble's.  In place; one with no fields is left as it is
    (a repeated title page: :func:`_title_page_again` shows it)."""
    page = next((j for j in range(start, stop + 1) if _TITLE_PAGE.search(lines[j])), None)
    fields = [j for j in range(start + 1, stop + 1) if _FIELD.match(lines[j])]
    if page is None or not fields:
        return
    frame = "\n".join(lines[start : stop + 1])
    titled = bool(_frame_args(lines[start].strip()[len(_FRAME) :])[0]) or "\\frametitle" in frame
    subtitled = "\\framesubtitle" in frame
    ends: dict[int, int] = {}
    shown: dict[int, str] = {}  # (a frame title, a subtitle, or "{": the words as a paragraph)
    for j in fields:
        mt = _FIELD.match(lines[j])
        assert mt is not None
        key = mt.group(2)
        ends[j] = _meta_command_end(lines, j, stop, index, out)
        had = titled if key == "title" else subtitled if key == "subtitle" else True
        shown[j] = "{" if had else _FIELD_SHOWN[key]
        titled, subtitled = titled or key == "title", subtitled or key == "subtitle"
    for j in fields:
        mt = _FIELD.match(lines[j])
        assert mt is not None
        text = "\n".join(lines[j : ends[j] + 1])
        close = balanced_group(text, mt.end() - 1)
        if shown[j] == "{" and close > 0:  # (the author's words: a paragraph; its lines where they were)
            text = mt.group(1) + text[mt.end() : close - 1] + text[close:]
        else:
            text = mt.group(1) + shown[j] + text[mt.end() :]
        text = re.sub(r"[ \t]*\\and(?![A-Za-z])[ \t]*", ", ", text)
        lines[j : ends[j] + 1] = text.split("\n")
        after = [f for f in fields if f > j and shown[f] == "{"]
        between = range(ends[j] + 1, after[0]) if after else range(0)
        if shown[j] == "{" and after and all(lines[n].strip() for n in between):
            lines[ends[j]] += " \\\\"  # (each field on a line of its own)
    lines[page] = _TITLE_PAGE.sub("", lines[page])


def _lost_frames(lines: list[str], body: range, read: set[int], index: list[int], out: Converted) -> None:
    """A warning for the frames among ``body``'s lines that are not among the lines ``read`` (the frames
    read, beamer's own frames): a deck with frames never builds without them unsaid."""
    lost = [k for k in body if k not in read and lines[k].lstrip().startswith(_FRAME)]
    _frames_warning(
        lost,
        index,
        out,
        "frame(s) from here on are not shown: the text before them was read as taking them in (look for a "
        "brace that is never closed)",
        "lost-frame",
    )


def _traditional_chinese(lines: list[str], begin: int, out: Converted) -> None:
    """A Chinese deck's language (xeCJK, ctex or babel's ``chinese``, which say no script) as Traditional
    Chinese, ``zh-Hant``, where its document's words are clearly in Traditional characters (資料結構:
    :func:`podium.labels.traditional`)."""
    if out.meta.get("lang") == "zh" and traditional("\n".join(lines[begin + 1 :])):
        out.meta["lang"] = "zh-Hant"


def _frames_warning(frames: list[int], index: list[int], out: Converted, said: str, code: str) -> None:
    """One warning at the first of ``frames`` (lines), saying how many ``said``."""
    if frames:
        out.warnings.append((index[frames[0]], f"{len(frames)} {said}", code))


_LSTSET = re.compile(r"\\lstset\s*\{")
_LISTING = re.compile(r"^(\s*\\begin\{lstlisting\})(?:\[([^\n]*)\])?")
_LISTING_KEYS = frozenset(("escapeinside", "escapechar", "mathescape", "language", "gobble", "autogobble"))


def _listing_settings(lines: list[str], begin: int) -> None:
    """The preamble's ``\\lstset{…}`` settings that change what a listing shows (``escapeinside``,
    ``escapechar``, ``mathescape``, ``language``, ``gobble``, ``autogobble``) put into each ``lstlisting`` of the frames, before its own
    options (which win), as listings applies them."""
    preamble = "\n".join(lines[: max(begin, 0)])
    settings: list[str] = []
    for mt in _LSTSET.finditer(preamble):
        close = balanced_group(preamble, mt.end() - 1)
        if close > 0:
            keys = _split_options(preamble[mt.end() : close - 1])
            settings += [key for key in keys if key.partition("=")[0].strip() in _LISTING_KEYS]
    if not settings:
        return
    for k, _ in list(_outside_verbatim(lines, begin + 1)):  # (an lstlisting's first line is yielded)
        if (listing := _LISTING.match(lines[k])) is not None:
            own = listing.group(2) or ""
            said = ",".join([*settings, own] if own else settings)
            lines[k] = f"{listing.group(1)}[{said}]" + lines[k][listing.end() :]


# minted's settings for the listings after them (\setminted{autogobble}; \setminted[cpp]{gobble=4}: for one
# language), and a minted listing's first line (its options, its language)
_SETMINTED = re.compile(r"\\setminted\s*(?:\[([^\]]*)\])?\s*\{")
_MINTED = re.compile(r"^(\s*\\begin\{minted\})(?:\[([^\]\n]*)\])?(\s*\{([^{}]*)\})")
_MINTED_KEYS = frozenset(("gobble", "autogobble"))


def _minted_settings(lines: list[str]) -> None:
    """minted's ``\\setminted[language]{…}`` settings that change what a listing shows (``gobble``,
    ``autogobble``) put into each ``minted`` listing after them (of that language), before its own options
    (which win), as minted applies them."""
    if not any("\\setminted" in line for line in lines):
        return
    settings: dict[str, list[str]] = {}
    for k, line in list(_outside_verbatim(lines, 0)):
        for mt in _SETMINTED.finditer(line):
            text = "\n".join(
                [line, *lines[k + 1 : k + 20]]
            )  # (its keys over lines, a macro's braces in them)
            close = balanced_group(text, mt.end() - 1)
            if close < 0:
                continue
            options = _split_options(text[mt.end() : close - 1])
            keys = [key for key in options if key.partition("=")[0].strip() in _MINTED_KEYS]
            settings.setdefault((mt.group(1) or "").strip().lower(), []).extend(keys)
        if (listing := _MINTED.match(line)) is None:
            continue
        said = [*settings.get("", []), *settings.get(listing.group(4).strip().lower(), [])]
        if said:
            own = listing.group(2) or ""
            said = [*said, own] if own else said
            lines[k] = f"{listing.group(1)}[{','.join(said)}]{listing.group(3)}" + line[listing.end() :]


def _split_options(options: str) -> list[str]:
    """A ``key=value`` list's items (commas inside braces kept), spaces and line ends taken off."""
    items, depth, start = [], 0, 0
    for j, c in enumerate(options + ","):
        depth += (c == "{") - (c == "}")
        if c == "," and depth == 0:
            if item := " ".join(options[start:j].split()):
                items.append(item)
            start = j + 1
    return items


def _read_lines(text: str, skipped: list[tuple[int, str]] | None = None) -> tuple[list[str], list[int]]:
    """The deck's lines as TeX reads them, and the line of ``text`` (0-based) each one is: comments left out
    (and what ``\\iffalse … \\fi`` switches off: its first line and kind into ``skipped``), a title
    command's argument on its line (:func:`_meta_arguments_joined`), nothing after the first
    ``\\end{document}`` (LaTeX reads no further: not the frames kept there, nor their text)."""
    lines, index = _uncommented(text.split("\n"), skipped)
    _meta_arguments_joined(lines, index)
    _addresses_joined(lines, index)
    read = {k for k, _ in _outside_verbatim(lines, 0)}
    boxed = saved_boxes(lines, [k not in read for k in range(len(lines))])
    if boxed is not None:  # (\sbox, lrbox: printed where \usebox prints them)
        lines, index = boxed[0], [index[j] for j in boxed[1]]
    begin = next((k for k, line in enumerate(lines) if line.strip().startswith("\\begin{document}")), -1)
    if (stop := _document_end(lines, begin)) is not None:
        del lines[stop + 1 :]
        del index[stop + 1 :]
    return lines, index


def _dated(out: Converted) -> None:
    """The front matter's ``\\today`` as LaTeX prints it, in the deck's language (:func:`latex_today`)."""
    if "\\today" in str(out.meta.get("date", "")):
        out.meta["date"] = re.sub(
            r"\\today(?![A-Za-z])(?:\{\})?", latex_today(out.meta.get("lang")), out.meta["date"]
        )


# the months as babel's \today names them, in the languages whose date it writes with them
MONTHS = {
    "en": "January February March April May June July August September October November December",
    "de": "Januar Februar März April Mai Juni Juli August September Oktober November Dezember",
    "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
    "es": "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre",
    "pt": "janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro",
    "it": "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre",
    "nl": "januari februari maart april mei juni juli augustus september oktober november december",
    "cs": "ledna února března dubna května června července srpna září října listopadu prosince",
    "sk": "januára februára marca apríla mája júna júla augusta septembra októbra novembra decembra",
    "pl": "stycznia lutego marca kwietnia maja czerwca lipca sierpnia września października listopada grudnia",
    "sv": "januari februari mars april maj juni juli augusti september oktober november december",
    "da": "januar februar marts april maj juni juli august september oktober november december",
    "nb": "januar februar mars april mai juni juli august september oktober november desember",
    "nn": "januar februar mars april mai juni juli august september oktober november desember",
    "fi": "tammikuuta helmikuuta maaliskuuta huhtikuuta toukokuuta kesäkuuta heinäkuuta elokuuta "
    "syyskuuta lokakuuta marraskuuta joulukuuta",
    "ru": "января февраля марта апреля мая июня июля августа сентября октября ноября декабря",
    "uk": "січня лютого березня квітня травня червня липня серпня вересня жовтня листопада грудня",
    "hu": "január február március április május június július augusztus szeptember október november december",
    "tr": "Ocak Şubat Mart Nisan Mayıs Haziran Temmuz Ağustos Eylül Ekim Kasım Aralık",
}


def latex_today(lang: str | None) -> str:
    """The build's date (``SOURCE_DATE_EPOCH``'s where it is set) as LaTeX's ``\\today`` prints it in the
    language ``lang`` (``December 4, 2026``; ``4. Dezember 2026``; ``2026年12月4日``); ISO 8601 in a
    language whose words Podium does not know."""
    import datetime  # noqa: PLC0415

    from .reader import _special_date  # noqa: PLC0415 (the reader imports this module)

    day = datetime.date.fromisoformat(_special_date("today", ""))
    code = (lang or "en").lower()
    primary = code.split("-")[0]
    if primary in ("zh", "ja"):
        return f"{day.year}年{day.month}月{day.day}日"
    if primary == "ko":
        return f"{day.year}년 {day.month}월 {day.day}일"
    if primary not in MONTHS:
        return day.isoformat()
    month = MONTHS[primary].split()[day.month - 1]
    if code == "en" or code == "en-us":
        return f"{month} {day.day}, {day.year}"
    return {
        "en": f"{day.day} {month} {day.year}",
        "de": f"{day.day}. {month} {day.year}",
        "es": f"{day.day} de {month} de {day.year}",
        "pt": f"{day.day} de {month} de {day.year}",
        **dict.fromkeys(("cs", "sk", "da", "nb", "nn", "fi"), f"{day.day}. {month} {day.year}"),
        "ru": f"{day.day} {month} {day.year} г.",
        "uk": f"{day.day} {month} {day.year} р.",
        "hu": f"{day.year}. {month} {day.day}.",
    }.get(primary, f"{day.day} {month} {day.year}")


def _section(s: str, section: re.Match, k: int, add, after_frame: bool) -> bool:
    """``\\section{…}`` (``\\part``) as a section slide; ``\\subsection{…}``, which beamer shows in its navigation
    and contents, as the handout text of the frame before (``after_frame``), printed before its first frame.
    False for a subsection shown nowhere (right after a section: a section slide has no handout text)."""
    close = balanced_group(s, section.end() - 1)
    if section.group(1) == "part" and close > 0 and not _one_line(s[section.end() : close - 1]).strip():
        return True  # (an empty \part{}: beamer shows it nowhere)
    if section.group(1) in ("part", "section") and close > 0:
        # (\section*: in no contents, as LaTeX's; a \part is in none: beamer's lists a part's sections)
        unlisted = " {.unlisted}" if _STARRED.match(s) or section.group(1) == "part" else ""
        add(k, "", "# " + _one_line(s[section.end() : close - 1]) + unlisted, "")
    elif section.group(1) == "subsection" and close > 0:
        if not after_frame:
            return False
        add(k, "::: handout", "**" + _one_line(s[section.end() : close - 1]) + "**", ":::", "")
    return True


# beamer's names of the current section and subsection: \secname (\lastsection) is its long title,
# \insertsection and \insertsectionhead its short one (``\section[short]{long}``); and a \section or
# \subsection command, which names them
_SECTION_NAME = re.compile(
    r"\\(?P<name>secname|lastsection|insertsection|insertsectionhead|subsecname|lastsubsection|insertsubsection"
    r"|insertsubsectionhead)(?![A-Za-z@])[ \t]*"
    r"|\\(?P<sub>sub)?section(?![A-Za-z@])\*?\s*(?:\[(?P<short>[^\]]*)\]\s*)?\{"
)
_NAME_USED = re.compile(r"\\(?:(?:sub)?secname|insert(?:sub)?section|last(?:sub)?section)")


def _section_names(lines: list[str], start: int) -> None:
    """``\\secname``, ``\\insertsection``, ``\\insertsectionhead`` (and the subsection's) in ``lines``
    from ``start`` on as the title of the section they are in, in place, as beamer prints them there (in a
    frame's title: ``\\frametitle{\\secname}``); a section's name before any section is left as it is."""
    if not any(_NAME_USED.search(line) for line in lines[start:] if "\\" in line):
        return
    names: dict[str, str] = {}
    for k, line in _outside_verbatim(lines, start):
        if "\\" not in line:
            continue
        at, pieces = 0, []
        for mt in _SECTION_NAME.finditer(line):
            if mt.group("name") is None:  # (a \section: the names after it are its own)
                close = balanced_group(line, mt.end() - 1)
                if close < 0:
                    continue
                long = line[mt.end() : close - 1].strip()
                short = (mt.group("short") or "").strip() or long
                if mt.group("sub"):
                    names.update(subsecname=long, lastsubsection=long)
                    names.update(insertsubsection=short, insertsubsectionhead=short)
                else:  # (a new section has no subsection yet)
                    names.update(secname=long, lastsection=long, insertsection=short, insertsectionhead=short)
                    names.update(dict.fromkeys(("subsecname", "lastsubsection", "insertsubsection"), ""))
                    names["insertsubsectionhead"] = ""
            elif mt.group("name") in names:
                pieces.append(line[at : mt.start()] + names[mt.group("name")])
                at = mt.end()
        if pieces:
            lines[k] = "".join(pieces) + line[at:]


def _sections_inside(lines: list[str], start: int, stop: int, add) -> bool:
    """The ``\\section{…}`` (``\\part``) lines inside the frame ``lines[start:stop + 1]`` as section slides
    before it (beamer begins the section with that frame: its navigation and contents list it, the frame
    shows nothing of it), their lines emptied; whether there was one.  A ``\\subsection`` is left where it
    is (the frame's own words), and so is one in a verbatim environment."""
    found = False
    for j, line in _outside_verbatim(lines[:stop], start + 1):  # (verbatim's \section is code shown)
        s = line.strip()
        section = _SECTION.match(s)
        if section is None or section.group(1) not in ("part", "section"):
            continue
        if balanced_group(s, section.end() - 1) != len(s):  # (only a line that is the command alone)
            continue
        _section(s, section, j, add, False)
        lines[j] = ""
        found = True
    return found


_DEFINITION = re.compile(
    r"\\(?:(?:re)?newcommand\*?|providecommand\*?)\s*\{?\\([A-Za-z@]+)\}?\s*(?:\[(\d)\])?\s*(?:\[([^\]]*)\])?\s*(?=\{)"
    r"|\\def\s*\\([A-Za-z@]+)((?:#\d)*)\s*(?=\{)"
)


@dataclass(frozen=True)
class _Macro:
    """A macro the preamble defines: its body, how many arguments it takes (``#1``…), the first one's
    default when it is optional (``\\newcommand{\\x}[2][red]{…}``)."""

    body: str
    arguments: int = 0
    default: str | None = None


# hyperref's macro that a deck writes for its sections' PDF bookmarks: its first argument is what TeX prints
HYPERREF_MACROS = {"texorpdfstring": _Macro("#1", 2)}


def _macros(lines: list[str]) -> dict[str, _Macro]:
    """The macros ``lines`` define, a body over lines too (``\\def\\x{%`` … ``}``: on one line, as TeX
    reads it); not those a body defines (``\\def\\newitem{\\renewcommand\\item…}``), when it is used."""
    found: dict[str, _Macro] = {}
    text = "\n".join(lines)
    if "\\" in text:
        # (a definition in another's body, \newenvironment's and xparse's too, defines only where that one is
        # used: a package's \def\alpha inside its \newcommand\sw@greek{…} leaves the deck's α alone)
        bodies = [(named, end) for _, named, end in _definition_parts(text)]
        for mt in _DEFINITION.finditer(text):
            close = balanced_group(text, mt.end())
            if close < 0 or any(named <= mt.start() < end for named, end in bodies):
                continue
            body = text[mt.end() + 1 : close - 1]
            body = re.sub(r"[ \t]*\n[ \t]*", " ", body).strip() if "\n" in body else body
            if _open_groups_in(
                body
            ):  # (it reads on past its arguments, a units parser's \begingroup\jed@B#1@@)
                continue
            if mt.group(1):
                found[mt.group(1)] = _Macro(body, int(mt.group(2) or 0), mt.group(3))
            else:
                found[mt.group(4)] = _Macro(body, mt.group(5).count("#"))
    return found


def _open_groups_in(body: str) -> bool:
    """Whether a macro's ``body`` opens TeX groups it does not close (``\\begingroup``, ``\\bgroup``): TeX
    reads on past its arguments, which Podium does not, so it cannot be put in where it is used."""
    if "group" not in body:
        return False
    opened = len(re.findall(r"\\b(?:egin)?group(?![A-Za-z@])", body))
    return opened > len(re.findall(r"\\e(?:nd)?group(?![A-Za-z@])", body))


def _expanded(line: str, at: int, macro: _Macro, overlay: bool = False) -> tuple[str, int] | None:
    """The use of ``macro`` whose name ends at ``line[at]``, its arguments put in its body; and where the
    use ends.  None when its arguments are not all on the line.  ``overlay``: its last argument is beamer's
    overlay (``<2->``, before its other arguments or after them; empty where it has none)."""
    args: list[str] = []
    j = at
    spec, j = _overlay_at(line, j) if overlay else ("", j)
    if macro.default is not None:
        k = len(line) - len(line[j:].lstrip())
        if line.startswith("[", k):
            close = balanced_group(line, k, "[", "]")
            if close < 0:
                return None
            args.append(line[k + 1 : close - 1])
            j = close
        else:
            args.append(macro.default)
    while len(args) < macro.arguments - overlay:
        k = len(line) - len(line[j:].lstrip())
        if not line.startswith("{", k):
            return None
        close = balanced_group(line, k)
        if close < 0:
            return None
        args.append(line[k + 1 : close - 1])
        j = close
    if overlay:
        if not spec:
            spec, j = _overlay_at(line, j)
        args.append(spec)
    body = re.sub(
        r"#(\d)", lambda mt: args[int(mt.group(1)) - 1] if int(mt.group(1)) <= len(args) else "", macro.body
    )
    if not macro.arguments and line.startswith("{}", j):
        j += 2
    elif not macro.arguments and not body:  # (TeX passes over the spaces after a command's name)
        j = len(line) - len(line[j:].lstrip(" \t"))
    return (_decided(body) if "\\if" in body or "\\If" in body else body), j


# etoolbox's and xparse's tests on an argument: (how many arguments they test, is it true of them)
_TESTS: dict[str, tuple[int, Callable[..., bool]]] = {
    "ifstrempty": (1, lambda x: x == ""),
    "ifblank": (1, lambda x: not x.strip()),
    "IfBlank": (1, lambda x: not x.strip()),
    "IfNoValue": (1, lambda x: x.strip() == _NO_VALUE),
    "IfValue": (1, lambda x: x.strip() != _NO_VALUE),
    "ifstrequal": (2, lambda x, y: x == y),
    "IfStrEq": (2, lambda x, y: x.strip() == y.strip()),
}
_TEST = re.compile(
    r"\\(ifstrempty|ifblank|ifstrequal|(IfBlank|IfNoValue|IfValue|IfStrEq)(TF|T|F))(?![A-Za-z@])\s*"
)


def _decided(tex: str) -> str:
    """A macro's text, its arguments put in, with etoolbox's ``\\ifstrempty{x}{yes}{no}``, ``\\ifblank`` and
    ``\\ifstrequal`` and xparse's ``\\IfBlankTF``, ``\\IfNoValueTF`` (``T``, ``F``), ``\\IfValueTF`` and
    ``\\IfStrEqTF`` as the branch they choose for those arguments; a test whose groups are not all there
    stays as written."""
    at = 0
    while (mt := _TEST.search(tex, at)) is not None:
        name = mt.group(2) or mt.group(1)
        tested, test = _TESTS[name]
        branches = 2 if mt.group(3) in (None, "TF") else 1
        groups, j = [], mt.end()
        for _ in range(tested + branches):
            j = len(tex) - len(tex[j:].lstrip())
            close = balanced_group(tex, j)
            if close < 0:
                break
            groups.append(tex[j + 1 : close - 1])
            j = close
        if len(groups) < tested + branches:
            at = mt.end()
            continue
        true = test(*groups[:tested])
        if branches == 2:
            chosen = groups[tested] if true else groups[tested + 1]
        else:
            chosen = groups[tested] if true == (mt.group(3) == "T") else ""
        tex = tex[: mt.start()] + chosen + tex[j:]
        at = mt.start()
    return tex


def _overlay_at(line: str, at: int) -> tuple[str, int]:
    """beamer's overlay (``<2->``) at ``line[at]`` (after spaces), and where it ends; ("", ``at``) if none."""
    mt = re.compile(r"\s*(<[^<>{}\n]{0,40}>)").match(line, at)
    return (mt.group(1), mt.end()) if mt else ("", at)


_TEXTIPA = re.compile(r"\\textipa\s*(?=\{)")


_TIPAENCODING = re.compile(r"\{\s*\\tipaencoding(?![A-Za-z])\s*")
_IPA_ENV = re.compile(r"\\(begin|end)\s*\{IPA\}")


def _as_textipa(lines: list[str]) -> None:
    """tipa's other ways into its encoding, as ``\\textipa{…}``: a group ``{\\tipaencoding …}`` and the
    ``IPA`` environment (each of its lines a transcription; its ``\\begin`` and ``\\end`` leave empty lines)."""
    inside = False
    for k, line in _outside_verbatim(lines, 0):
        if "tipaencoding" in line:
            out, at = [], 0
            for mt in _TIPAENCODING.finditer(line):
                close = balanced_group(line, mt.start())
                if mt.start() < at or close < 0:
                    continue
                out.append(line[at : mt.start()] + "\\textipa{" + line[mt.end() : close - 1] + "}")
                at = close
            line = lines[k] = "".join(out) + line[at:]
        env = _IPA_ENV.search(line)
        if env is None and not inside:
            continue
        parts: list[str] = []
        at = 0
        for mt in _IPA_ENV.finditer(line):
            piece = line[at : mt.start()]
            parts.append(f"\\textipa{{{piece.strip()}}}" if inside and piece.strip() else piece)
            inside, at = mt.group(1) == "begin", mt.end()
        rest = line[at:]
        parts.append(f"\\textipa{{{rest.strip()}}}" if inside and rest.strip() else rest)
        lines[k] = "".join(parts)


def _transcriptions(lines: list[str]) -> list[tuple[int, list[str]]]:
    """Each ``\\textipa{…}`` (tipa's transcription, in its ASCII shorthand) with the Unicode IPA it prints
    as its argument, in place (``\\textipa{[\\textprimstress pE]}``: ``\\textipa{[ˈpɛ]}``), before the
    passes that read ``"``, ``\\*`` or ``\\:`` as babel's, TeX's or math's; the reader prints it.  The
    lines (and names) of commands in them that print nothing here (:func:`tipa.unknown`)."""
    unread: list[tuple[int, list[str]]] = []
    _as_textipa(lines)
    for k, line in _outside_verbatim(lines, 0):
        if "\\textipa" not in line:
            continue
        out, at = [], 0
        code = [span.span() for span in _INLINE_VERBATIM.finditer(line)]  # (\verb|\textipa{"a}|: code)
        for mt in _TEXTIPA.finditer(line):
            close = balanced_group(line, mt.end())
            if mt.start() < at or close < 0 or any(a <= mt.start() < b for a, b in code):
                continue
            said = line[mt.end() + 1 : close - 1]
            out.append(line[at : mt.start()] + "\\textipa{" + tipa.ipa(said) + "}")
            at = close
            if tipa.unknown(said):
                unread.append((k, tipa.unknown(said)))
        lines[k] = "".join(out) + line[at:]
    return unread


# fontspec's, xeCJK's and luatexja's commands that name a font family's switch (``\newfontfamily\dejavu{…}``)
_FONT_FAMILY = re.compile(
    r"\\(?:newfontfamily|newfontface|renewfontfamily|renewfontface|setfontfamily|setfontface|"
    r"newCJKfontfamily|newjfontfamily|newjfontface)\s*\{?\s*\\([A-Za-z@]+)"
)


def _expand_text_macros(lines: list[str], begin: int) -> None:
    """The preamble's macros (``\\newcommand{\\course}{Algorithms}``, ``\\def\\course{…}``, and with arguments,
    ``\\newcommand{\\colbf}[1]{\\textcolor{red}{#1}}``) put in place where the deck uses them
    (``\\title{\\course}``, ``\\colbf{not}``), as TeX does; in math the reader reads them too, but a macro of
    words left out would change what a sentence says.  Verbatim lines keep them."""
    found = _macros(lines[: max(begin, 0)])
    found = {**HYPERREF_MACROS, **found}
    for name in _setup_macros(found):  # (they print nothing where used)
        found[name] = _Macro("", found[name].arguments, found[name].default)
    for line in lines[: max(begin, 0)]:  # (a font family's switch: a face, which the template's replaces)
        found.update((mt.group(1), _Macro("")) for mt in _FONT_FAMILY.finditer(line) if "\\" in line)
    _put_macros(lines, found, (k for k, _ in _outside_verbatim(lines, 0)))
    if begin >= 0:
        _body_macros(lines, begin)


def _body_macros(lines: list[str], begin: int) -> None:
    """The macros the document's body defines (``\\newcommand{\\sectionframe}[1]{\\begin{frame}…#1…}`` after
    ``\\begin{document}``) put in place where the lines after their definition use them, as the preamble's
    are (a later ``\\renewcommand`` of one from its own line on); the definitions print nothing
    (:func:`_in_definitions`)."""
    body = lines[begin + 1 :]
    if not any(_DEFINITION.search(line) for line in body):
        return
    text = "\n".join(body)
    rows = {k for k, _ in _outside_verbatim(lines, begin + 1)}
    for mt in _DEFINITION.finditer(text):
        row = begin + 1 + text.count("\n", 0, mt.start())
        if row not in rows:
            continue
        close = balanced_group(text, mt.end())
        found = _macros([text[mt.start() : close]]) if close > 0 else {}
        if not found:
            continue
        after = begin + 1 + text.count("\n", 0, close) + 1  # (the lines after the definition's)
        name = next(iter(found))
        again = re.compile(
            r"\\(?:(?:re)?newcommand\*?|providecommand\*?)\s*\{?\\"
            + name
            + r"(?![A-Za-z])|\\def\s*\\"
            + name
            + r"(?![A-Za-z])"
        )
        until = next((j for j in range(after, len(lines)) if again.search(lines[j])), len(lines))
        _put_macros(lines, found, [k for k in rows if after <= k < until])


def _put_macros(
    lines: list[str],
    found: dict[str, _Macro],
    rows: Iterable[int],
    kept: Callable[[str], list[tuple[int, int]]] | None = None,
    printed: Callable[[str], str] | None = None,
) -> None:
    """The uses of the macros ``found`` on the lines ``rows`` of ``lines`` put in place (their arguments on
    the line), in place; a use that starts in one of the line's ``kept`` spans stays as written; each use's
    text made ``printed`` first, if given."""
    if not found:
        return
    use = re.compile(
        r"\\(" + "|".join(sorted(map(re.escape, found), key=len, reverse=True)) + r")(?![A-Za-z])"
    )
    rows = list(rows)
    boxed = any("$" in macro.body for macro in found.values())  # (`\hbox{$#1$}`: math in it)
    displayed = _display_rows(lines) if boxed else {}
    later = set(rows) if kept is None and printed is None else set()  # (a deck's own lines: a use over lines)
    for k in rows:
        line = lines[k]
        if "\\" not in line or _DEFINITION.search(line) or _FONT_FAMILY.search(line):
            continue
        for _ in range(4):  # (a macro made of macros; one whose argument goes on over lines)
            if later and _put_over_lines(lines, k, line, found, use, later):
                line = lines[k]
                continue
            spans = kept(line) if kept is not None else []
            out, at = [], 0
            for mt in use.finditer(line):
                if mt.start() < at or any(a <= mt.start() < b for a, b in spans):
                    continue
                done = _expanded(line, mt.end(), found[mt.group(1)])
                inside = any(a < mt.start() < b for a, b in displayed.get(k, ()))
                if done is not None and "$" in done[0] and inside:
                    continue  # (`\hbox{$#1$}` in math: the reader's math puts it in, not a `$` here)
                if done is not None:
                    out.append(line[at : mt.start()] + (printed(done[0]) if printed else done[0]))
                    at = done[1]
            if not out:
                break
            line = "".join(out) + line[at:]
            if boxed:  # (where the math is on the line now)
                lines[k] = line
                displayed = _display_rows(lines)
        if "\\ensuremath" in line or "\\xspace" in line:
            line = _ensured(line)
        lines[k] = line


def _put_over_lines(
    lines: list[str], k: int, line: str, found: dict[str, _Macro], use: re.Pattern, rows: set[int]
) -> bool:
    """The first use on ``line`` (``lines[k]``) of a macro of ``found`` whose argument's brace closes on a
    later line of ``rows`` (``\\mybox{`` then the formula, then ``}``) put in place over those lines, in
    place, where what it makes has as many lines (each argument used once); whether one was."""
    for mt in use.finditer(line):
        macro = found[mt.group(1)]
        if (
            not macro.arguments
            or _expanded(line, mt.end(), macro) is not None
            or _depth(line[mt.end() :]) <= 0
        ):
            continue
        for last in range(k + 1, min(k + 20, len(lines))):
            if last not in rows or lines[last].lstrip().startswith((_FRAME, _FRAME_END)):
                return False
            text = "\n".join([line, *lines[k + 1 : last + 1]])
            done = _expanded(text, mt.end(), macro)
            if done is None:
                continue
            new = text[: mt.start()] + done[0] + text[done[1] :]
            if new.count("\n") != text.count("\n"):
                return False
            lines[k : last + 1] = new.split("\n")
            return True
        return False
    return False


def _display_rows(lines: list[str]) -> dict[int, list[tuple[int, int]]]:
    """For each line that math going on over lines (``\\[`` … ``\\]``, ``$$``, ``align``) touches, the
    columns of the line inside it."""
    text = "\n".join(lines)
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line) + 1)
    rows: dict[int, list[tuple[int, int]]] = {}
    for mt in _MATH_SPANS.finditer(text) if "\n" in text else ():
        first, last = (
            bisect.bisect_right(starts, mt.start()) - 1,
            bisect.bisect_right(starts, mt.end() - 1) - 1,
        )
        for row in range(first, last + 1):
            low = mt.start() - starts[row] if row == first else 0
            high = mt.end() - starts[row] if row == last else len(lines[row]) + 1
            rows.setdefault(row, []).append((low, high))
    return rows


_MATH_ENV = re.compile(
    r"\\(begin|end)\{(?:equation|align|alignat|flalign|gather|multline|eqnarray|displaymath|math"
    r"|dmath|dseries|dgroup|darray|IEEEeqnarray|empheq)\*?\}"
)


def header_macros(header: str) -> dict[str, _Macro]:
    """The macros LaTeX ``header`` defines (a Markdown lecture's ``header-includes``, R Markdown's
    ``in_header`` file), as a beamer deck's preamble defines them (its comments left out)."""
    return _macros(_uncommented(header.split("\n"))[0]) if "\\" in header else {}


def _ungrouped(tex: str) -> str:
    """A macro's text as TeX prints it in a Markdown lecture, whose braces the reader would show: its
    groups (``{\\small\\textsf{…}}``, ``{\\bf x}``, ``{x}``) as the words they hold, a switch's as its command
    (:func:`podium.texenvs.switched_groups`); a command's arguments keep theirs."""
    tex = switched_groups(tex) if "{\\" in tex else tex
    at = 0
    while (at := tex.find("{", at)) >= 0:
        close = balanced_group(tex, at)
        if close < 0:
            break
        if at and tex[at - 1] == "\\" or _ARGUMENT_BEFORE.search(tex, 0, at):
            at += 1
            continue
        tex = tex[:at] + tex[at + 1 : close - 1] + tex[close:]
    return tex


_ARGUMENT_BEFORE = re.compile(r"(?:\\[A-Za-z@]+\*?|[]}>])\s*$")  # (a group after these is an argument)


def text_with_macros(text: str, found: dict[str, _Macro]) -> str:
    """Markdown ``text`` (a paragraph, its arguments over lines too) with the uses of the macros ``found``
    put in place, but in its code, math and addresses."""
    lines = [text]
    _put_macros(lines, found, [0], kept_spans, _ungrouped)
    return lines[0]


def markdown_text_macros(body: str, found: dict[str, _Macro]) -> str | None:
    """A Markdown lecture's ``body`` with the text macros its LaTeX header defines (:func:`header_macros`)
    put in place where its text uses them, as pandoc then LaTeX print them (as a beamer deck's preamble
    macros, :func:`_expand_text_macros`); code and math keep them (the reader expands math's itself).  Line
    for line (a use whose arguments go on over lines is the reader's: :func:`text_with_macros`); None when
    nothing changed."""
    if not found or "\\" not in body:
        return None
    lines = body.split("\n")
    rows: list[int] = []
    math = ""  # the end of the display math the line is in: $$, \\] or an equation environment's
    for k, (line, code) in enumerate(zip(lines, code_lines(lines))):
        stripped = line.strip()
        env = _MATH_ENV.search(line) if "\\begin" in line or "\\end" in line else None
        if code:
            continue
        if math:
            if math == "$$" and toggles_display_math(line) or math in line and math != "$$":
                math = ""
            continue
        if toggles_display_math(line):
            math = "$$"
        elif stripped.startswith("\\["):
            math = "" if "\\]" in stripped else "\\]"
        elif env is not None and env.group(1) == "begin":
            math = "" if "\\end{" in line[env.end() :] else "\\end{"
        elif "\\" in line:
            rows.append(k)
    _put_macros(lines, found, rows, kept_spans, _ungrouped)
    new = "\n".join(lines)
    return new if new != body else None


# TeX's date parameters read as a number where no \the is needed (\ifcase\month: as \the\month)
_BARE_DATE = re.compile(r"(\\ifcase\s*)\\(year|month|day)(?![A-Za-z@])")


def _date_numbers(lines: list[str]) -> None:
    """``\\the\\year`` and its kin as the numbers TeX prints (``reader.date_numbers``; ``\\ifcase\\month``'s
    bare ``\\month`` too), in place; verbatim lines keep them."""
    from .reader import date_numbers  # noqa: PLC0415 (the reader imports this module)

    for k, line in _outside_verbatim(lines, 0):
        if "\\year" in line or "\\month" in line or "\\day" in line:
            lines[k] = date_numbers(_BARE_DATE.sub(r"\1\\the\\\2", line))


def _cases_decided(lines: list[str], begin: int) -> list[tuple[int, str]]:
    """Each ``\\ifcase`` of ``lines`` replaced by the case TeX chooses, in place, line for line
    (:func:`podium.texcases.decided_cases`: its number a number, ``\\the\\month``'s once put in, a
    ``\\newcount`` register or a counter the deck sets before it); verbatim lines and definitions (which
    choose where they are used, put in place by then) keep theirs.  The (line, ``\\ifcase`` as written) of
    each whose number is not known: its first case is taken."""
    if not any("\\ifcase" in line for line in lines):
        return []
    read = {k for k, _ in _outside_verbatim(lines, 0)}
    skipped = (set(range(len(lines))) - read) | _in_definitions(lines)
    counts = Counts()
    text, undecided = decided_cases("\n".join(lines), counts, skipped.__contains__)
    lines[:] = text.split("\n")
    for k in range(begin + 1, len(lines)):  # (a register's setting prints nothing)
        if k not in skipped:
            lines[k] = counts.without_settings(lines[k])
    return [(case.line, case.selector) for case in undecided]


_MODE = re.compile(r"\\(mode|only|alt)\s*<\s*([A-Za-z|\s]+?)\s*>\s*(?=\{)")
_SLIDE_MODES = {"beamer", "presentation", "all", "handout", "trans", "second"}
_IN_DECK = {"beamer", "presentation", "all", "trans", "second"}  # (Podium's deck is beamer's own mode)
_IN_HANDOUT = {"handout", "presentation", "all", "trans", "second"}  # (and its handout beamer's handout)
_LIST_EDGE = re.compile(r"\\(begin|end)\{(?:itemize|enumerate|description)\}")


def _modes(lines: list[str], begin: int, index: list[int], out: Converted) -> None:
    """beamer's mode specifications, line for line: ``\\mode<presentation>{…}`` and ``\\only<all>{…}`` as
    their content; ``<beamer>`` (beamer's own mode: the deck) in a frame as ``\\only<handout:0>{…}``, on the
    slides only, and ``<handout>`` as ``\\only<beamer:0>{…}``, in the handout only (:mod:`podium.overlays`:
    standing as blocks; inside a sentence the deck's words, with a warning naming the handout's);
    ``\\alt<handout>{a}{b}`` as the deck's and the handout's versions; ``<article>`` left out (a note)."""
    text = "\n".join(lines[begin + 1 :]) if begin >= 0 else ""
    if "\\mode" not in text and "\\only" not in text and "\\alt" not in text:
        return
    kept_text, at, dropped = [], 0, -1
    for mt in _MODE.finditer(text):
        modes = {mode.strip() for mode in mt.group(2).split("|")}
        if mt.start() < at or not modes <= _SLIDE_MODES | {"article"}:
            continue  # (`\only<2>`: an overlay, the reader's)
        close = balanced_group(text, mt.end())
        other = balanced_group(text, close) if mt.group(1) == "alt" and close > 0 else close
        if other < 0:
            continue
        inner = text[mt.end() + 1 : close - 1]
        deck = inner if modes & _IN_DECK else text[close + 1 : other - 1] if other > close else ""
        handout = inner if modes & _IN_HANDOUT else text[close + 1 : other - 1] if other > close else ""
        line = begin + 1 + text.count("\n", 0, mt.start())
        kept = _mode_kept(text, mt, other, deck, handout, index[line], out)
        if not (deck or handout) and inner.strip() and dropped < 0:
            dropped = line
        kept_text.append(
            text[at : mt.start()] + kept + "\n" * (text.count("\n", mt.start(), other) - kept.count("\n"))
        )
        at = other
    new = ("".join(kept_text) + text[at:]).split("\n")
    lines[begin + 1 :] = new
    if dropped >= 0:
        out.notes.append(
            (
                index[dropped],
                "text for beamer's article mode (\\only<article>{…}, \\mode<article>{…}) is left out of the deck "
                "and the handout, as beamer's slides leave it out",
                "article-mode",
            )
        )


def _mode_kept(text: str, mt: re.Match, end: int, deck: str, handout: str, line: int, out: Converted) -> str:
    """What stands for the mode specification ``mt`` (to ``text[end]``) showing ``deck`` in the deck and
    ``handout`` in the handout: its content where they are the same or outside a frame; overlays that
    :mod:`podium.overlays` puts on the slides or the handout only where it stands as a block in a frame;
    inside a sentence or a list the deck's words, with a warning naming the handout's."""
    if deck == handout:
        return deck
    before = text[: mt.start()]
    framed = before.count(_FRAME) > before.count(_FRAME_END)
    if not framed:
        return deck or handout  # (between frames, or frames inside: kept, as before)
    line_end = text.find("\n", end) if "\n" in text[end:] else len(text)
    following = text[line_end + 1 :].lstrip(" \t").split("\n", 1)[0].strip()
    alone = (
        not before[before.rfind("\n") + 1 :].strip()
        and not text[end:line_end].strip()
        and (not following or following.startswith(("\\", "}")))  # (text right after it: its sentence)
    )
    edges = [edge.group(1) for edge in _LIST_EDGE.finditer(before)]
    if alone and edges.count("begin") <= edges.count("end") and _FRAME not in deck + handout:
        deck_part = f"\\only<handout:0>{{{deck}}}" if deck.strip() else ""
        handout_part = f"\\only<beamer:0>{{{handout}}}" if handout.strip() else ""
        return deck_part + handout_part
    if handout.strip():
        out.warnings.append(
            (
                line,
                f'the handout mode\'s words of \\{mt.group(1)}<{mt.group(2).strip()}> ("{_one_line(handout)[:40]}") are '
                "left out: inside a sentence the deck shows the words of beamer's own mode; put them on a line "
                "of their own for the handout",
                "handout-mode",
            )
        )
    return deck


_ALT = re.compile(r"\\alt\s*<([^<>{}\n]{1,60})>\s*(?=\{)")
_SPEC = re.compile(r"\\(?:begin\s*\{[A-Za-z*]+\}|[A-Za-z]+\*?)\s*<([^<>{}\n]{1,60})>")


def _alternatives(lines: list[str], start: int, stop: int, index: list[int], out: Converted) -> None:
    """beamer's ``\\alt<spec>{a}{b}`` in the frame ``lines[start : stop + 1]`` (``a`` on the steps ``spec``
    names, ``b`` on the others) as the words the frame's last step shows, in place, with a warning naming
    the words shown and those left out: an editable slide cannot swap words in a sentence, and its last
    step is what the slide shows when it is done (and what beamer's handout prints for ``<2->``, ``<2>``).
    Verbatim lines keep theirs (semiverbatim reads its own)."""
    rows = [k for k, _ in _outside_verbatim(lines[: stop + 1], start)]
    if not any("\\alt" in lines[k] for k in rows):
        return
    last = _last_step(lines, start, stop)
    for k in rows:
        line, at = lines[k], 0
        while (mt := _ALT.search(line, at)) is not None:
            text = "\n".join([line, *lines[k + 1 : stop + 1]])  # (its groups may close on later lines)
            first = balanced_group(text, mt.end())
            gap = _ARGUMENT_GAP.match(text, first) if first > 0 else None  # (TeX skips spaces before it)
            brace = gap.end() if gap is not None else first
            second = balanced_group(text, brace) if first > 0 and text.startswith("{", brace) else -1
            if second < 0:
                at = mt.end()
                continue
            shown, other = text[mt.end() + 1 : first - 1], text[brace + 1 : second - 1]
            if not _on_step(mt.group(1), last):
                shown, other = other, shown
            out.warnings.append(
                (
                    index[k],
                    f'\\alt<{mt.group(1).strip()}> shows "{_overlay_words(text[mt.end() + 1 : first - 1])}" on '
                    f'step(s) {mt.group(1).strip()} and "{_overlay_words(text[brace + 1 : second - 1])}" on the '
                    f'others; a slide cannot swap its words, so it shows "{_overlay_words(shown)}" (the frame\'s '
                    f'last step, {last}) and leaves out "{_overlay_words(other)}"',
                    "overlay-alt",
                )
            )
            line, at = _spliced(lines, k, text, mt.start(), second, shown)
        lines[k] = line


# the spaces TeX skips before a macro's next argument (a line's end among them, not a blank line)
_ARGUMENT_GAP = re.compile(r"[ \t]*(?:\n[ \t]*)?")
_ENVIRONMENT_EDGE = re.compile(r"\\(?:begin|end)\s*\{[^{}]*\}")


def _overlay_words(tex: str, most: int = 40) -> str:
    """An overlay's words as a message quotes them: on one line, its environments' ``\\begin``/``\\end``
    left out, cut after ``most`` characters at a word's end (with "…"), never in a command."""
    one = _one_line(_ENVIRONMENT_EDGE.sub(" ", tex))
    if len(one) <= most:
        return one
    cut = one[:most].rsplit(" ", 1)[0] if " " in one[:most] else one[:most]
    return cut.rstrip("\\{ ") + "…"


def _spliced(lines: list[str], k: int, text: str, start: int, end: int, shown: str) -> tuple[str, int]:
    """``text`` (line ``k`` of ``lines`` and the lines after it, joined) with ``text[start:end]`` (an
    overlay's alternatives) replaced by ``shown``: the lines it spanned kept as lines, so the lines after
    it keep their numbers; line ``k`` as it is now, and where in it reading goes on."""
    gone = text[start:end].count("\n")
    text = text[:start] + shown + "\n" * (gone - shown.count("\n")) + text[end:]
    if gone:
        parts = text.split("\n")
        lines[k : k + len(parts)] = parts
        line = lines[k]
    else:
        line = text.split("\n", 1)[0]
    return line, start + len(shown.split("\n", 1)[0])


def _last_step(lines: list[str], start: int, stop: int) -> int:
    """The last step of the frame ``lines[start : stop + 1]``: its last ``\\pause``'s, or the highest step
    an overlay specification names."""
    counted = numbered_increments(lines[start : stop + 1])
    numbers = [
        int(n) for spec in _SPEC.findall("\n".join(counted)) for n in re.findall(r"\d+", slide_part(spec))
    ]
    pauses = sum(len(re.findall(r"\\pause(?![A-Za-z])", line)) for line in counted)
    return max([1, 1 + pauses, *numbers])


# (\uncover and \visible side by side in a line are alternatives too: `Answer: \uncover<1>{a}\uncover<2>{b}`)
_ONLY = re.compile(r"\\(?P<name>only|uncover|visible)\s*<([^<>{}\n]{1,60})>\s*(?=\{)")
_MATH_ENV_NAMES = (
    r"\{(?:equation|align|alignat|gather|multline|eqnarray|displaymath|math|flalign|dmath|dseries|dgroup"
    r"|darray|IEEEeqnarray|empheq)\*?\}"
)
_MATH_ENV_BEGIN = re.compile(r"\\begin" + _MATH_ENV_NAMES)
_MATH_ENV_END = re.compile(r"\\end" + _MATH_ENV_NAMES)


def _only_alternatives(lines: list[str], start: int, stop: int, index: list[int], out: Converted) -> None:
    """beamer's alternatives written as ``\\only``s (``\\uncover``s, ``\\visible``s) side by side (``\\only<1>{Solution}\\only<2>{\\sout{Solution}}``
    in a block's title, ``\\only<1>{=}\\only<2>{\\le}`` in math) in the frame ``lines[start : stop + 1]`` as the
    one its last step shows (else the one shown latest), in place, with a warning naming those left out: as
    ``\\alt``'s (:func:`_alternatives`).  Those that make up a line of text of their own are left to
    :mod:`podium.overlays`, which puts each on its click; verbatim lines keep theirs."""
    rows = [k for k, _ in _outside_verbatim(lines[: stop + 1], start)]
    if not any(_ONLY.search(lines[k]) for k in rows):
        return
    last = _last_step(lines, start, stop)
    display, envs = False, 0  # (display math open before the line, math environments open)
    for k in rows:
        line, at = lines[k], 0
        while (mt := _ONLY.search(line, at)) is not None:
            text = "\n".join([line, *lines[k + 1 : stop + 1]])  # (its groups may close on later lines)
            run: list[tuple[str, int, int]] = []  # (each \only's specification, its group's start and end)
            names: list[str] = []  # (and its command)
            j = mt.start()
            while (one := _ONLY.match(text, j)) is not None and (
                close := balanced_group(text, one.end())
            ) > 0:
                run.append((one.group(2), one.end(), close))
                names.append(one.group("name"))
                j = close + len(text[close:]) - len(text[close:].lstrip(" \t"))
            end = run[-1][2] if run else mt.end()
            in_math = display or envs > 0 or _inline_math_open(line[: mt.start()])
            alone = not line[: mt.start()].strip() and not text[end:].split("\n", 1)[0].strip()
            if len(run) < 2 or alone and not in_math or any(":" in spec for spec, _, _ in run):
                # (a line of its own: each on its click, overlays'; the whole run, not only its first;
                # `\only<handout:0>{…}\only<beamer:0>{…}`: the deck's and the handout's, _modes')
                at = end if alone and not in_math else mt.end()
                continue
            chosen = _only_shown([spec for spec, _, _ in run], last)
            if len(chosen) == len(run):  # (all on one step, `\only<1->{a}\only<2->{b}`: no alternatives)
                at = mt.end()
                continue
            bodies = [text[begin + 1 : close - 1] for _, begin, close in run]
            kept = "".join(bodies[n] if in_math else "{" + bodies[n] + "}" for n in chosen)
            out.warnings.append(
                (
                    index[k],
                    " and ".join(f"\\{name}<{spec.strip()}>" for name, (spec, _, _) in zip(names, run))
                    + " are alternatives; a slide cannot swap its words, so it shows "
                    + " and ".join(f'"{_overlay_words(bodies[n])}"' for n in chosen)
                    + " ("
                    + (
                        f"the frame's last step, {last}"
                        if _on_step(run[chosen[0]][0], last)
                        else "the one shown last"
                    )
                    + ") and leaves out "
                    + ", ".join(f'"{_overlay_words(b)}"' for n, b in enumerate(bodies) if n not in chosen),
                    "overlay-alt",
                )
            )
            line, at = _spliced(lines, k, text, mt.start(), end, kept)
        lines[k] = line
        display = _display_open(line, display)
        envs = max(envs + len(_MATH_ENV_BEGIN.findall(line)) - len(_MATH_ENV_END.findall(line)), 0)


# a tabular's beginning, up to its column specification (tabular*'s, tabularx's width; its [t] position)
_TABULAR_HEAD = re.compile(
    r"\\begin\{(tabular|tabular\*|tabularx|tabulary|longtable|tabu|longtabu)\}"
    # (tabu's width, `to \textwidth`; tabular*'s and tabularx's width argument)
    r"(?:(?<=bu\})\s*(?:to|spread)[^{}]*|(?<=r\*\})\s*\{[^{}]*\}|(?<=[xy]\})\s*\{[^{}]*\})?"
    r"\s*(?:\[[^\]]*\]\s*)?(?=\{)"
)


def _overfull_rows(lines: list[str], start: int, stop: int, index: list[int], out: Converted) -> None:
    """A warning at each row of a tabular in the frame ``lines[start : stop + 1]`` with more cells than its
    column specification has columns (LaTeX stops there: "Extra alignment tab"); its cells are kept, as
    further columns."""
    text = "\n".join(lines[start : stop + 1])
    if "&" not in text or "\\begin{tab" not in text and "\\begin{longtable" not in text:
        return
    for mt in _TABULAR_HEAD.finditer(text):
        close = balanced_group(text, mt.end())
        end = text.find("\\end{" + mt.group(1) + "}", close) if close > 0 else -1
        if end < 0 or "\\begin{tabular" in text[close:end]:  # (a table in a cell: not counted here)
            continue
        spec = text[mt.end() + 1 : close - 1]
        for at, cells, columns in table_row_cells(spec, text[close:end]):
            out.warnings.append(
                (
                    index[start + text.count("\n", 0, close + at)],
                    f"this row of the {mt.group(1)} has {cells} cells but its columns {{{spec}}} are {columns}; "
                    'LaTeX stops here ("Extra alignment tab has been changed to \\cr"): the extra cells are '
                    "shown as further columns; add columns to the specification",
                    "table-cells",
                )
            )


def _only_shown(specs: list[str], last: int) -> list[int]:
    """Which of the side-by-side ``\\only``s of overlay specifications ``specs`` a slide shows: those on the
    frame's ``last`` step, else those on the latest step any of them reaches (else the one shown last)."""
    step = last
    if not any(_on_step(spec, last) for spec in specs):
        step = max((int(r) for r in map(_reach, specs) if r != float("inf")), default=0)
    chosen = [n for n, spec in enumerate(specs) if step > 0 and _on_step(spec, step)]
    return chosen or [max(range(len(specs)), key=lambda n: (_reach(specs[n]), n))]


def _inline_math_open(text: str) -> bool:
    """Whether ``$`` math (or ``\\(``) is open at the end of ``text``, a line's start."""
    return len(re.findall(r"(?<!\\)\$", text.replace("$$", ""))) % 2 == 1 or text.rfind("\\(") > text.rfind(
        "\\)"
    )


def _reach(spec: str) -> float:
    """The last step the overlay specification ``spec`` names (``1-2``: 2; ``3-``: no end)."""
    ranges = slide_part(spec).split("|")[0]
    if re.search(r"-\s*(?:,|$)", ranges):
        return float("inf")
    return max((int(n) for n in re.findall(r"\d+", ranges)), default=0)


def _on_step(spec: str, step: int) -> bool:
    """Whether the overlay specification ``spec`` (its part for beamer's own mode) takes in ``step``;
    true when it is not a list of numbers and ranges (``2``, ``-3``, ``2-``, ``1,3-4``)."""
    ranges = slide_part(spec).split("|")[0].replace(" ", "")
    if not re.fullmatch(r"(\d*-?\d*)(,\d*-?\d*)*", ranges) or not ranges:
        return True
    for part in ranges.split(","):
        low, dash, high = part.partition("-")
        if int(low or 1) <= step <= (int(high) if high else step if dash else int(low or step)):
            return True
    return False


_ACRONYM_ENV = re.compile(r"\\(begin|end)\{acronym\}(?:\[[^\]]*\])?")
_ACRONYM_WORDS = re.compile(r"\\(?:[Aa]c|[Gg]ls|GLS|[Aa]cr|newacronym|newglossaryentry)")


def _acronyms(lines: list[str], begin: int, index: list[int], out: Converted) -> None:
    """The acronym package's and glossaries' entries (:mod:`podium.acronyms`) printed in place, line for
    line: their definitions read from the whole deck (LaTeX knows them from its last run), their uses
    (``\\ac{CPU}``, ``\\gls{cpu}``) the words in reading order; an ``acronym`` environment in a frame is
    the list it prints (``description``), outside frames nothing.  A key never defined: a warning."""
    if not any(_ACRONYM_WORDS.search(line) for line in lines):
        return
    found = Acronyms()
    found.define("\n".join(lines[: max(begin, 0)]))
    body = list(_outside_verbatim(lines, begin + 1))
    for _, line in body:
        if "\\acro" in line or "\\new" in line:
            found.define(line)
    framed = listed = False
    for k, line in body:
        framed = framed or _FRAME in line  # (a frame opens on this line, or an earlier one)
        env = _ACRONYM_ENV.search(line)
        if env is not None:
            listed = env.group(1) == "begin"
            shown = f"\\{env.group(1)}{{description}}" if framed else ""
            line = line[: env.start()] + shown + line[env.end() :]
        if "\\acro" in line or "\\new" in line:
            for start, stop, key, short in reversed(found.define(line)):
                entry = found.entries.get(key)
                item = f"\\item[{short}] {entry.long}" if listed and framed and entry and short else ""
                line = line[:start] + item + line[stop:]
        if _ACRONYM_WORDS.search(line):
            line = found.printed(line, index[k])
        lines[k] = line
        framed = framed and _FRAME_END not in line
    for at, key in found.undefined:
        out.warnings.append(
            (
                at,
                f"acronym '{key}' is not defined (\\acro, \\newacronym): its key is shown instead",
                "acronym",
            )
        )


def _ensured(line: str) -> str:
    """``line`` with what a macro's body left for TeX to settle: ``\\ensuremath{x}`` math (``$x$``, or
    ``x`` inside math already) and ``\\xspace`` the space it puts before a word."""
    out, at = [], 0
    for mt in re.finditer(r"\\ensuremath\s*(?=\{)", line):
        if mt.start() < at:
            continue
        close = balanced_group(line, mt.end())
        if close < 0:
            continue
        inner = line[mt.end() + 1 : close - 1]
        in_math = len(re.findall(r"(?<!\\)\$", line[: mt.start()])) % 2 == 1
        out.append(line[at : mt.start()] + (inner if in_math else f"${inner}$"))
        at = close
    line = "".join(out) + line[at:]
    return re.sub(r"\\xspace\b(\s*)(?=(\w)?)", lambda m: " " if m.group(2) else m.group(1), line)


_BIBITEM = re.compile(r"\\bibitem\s*(?:\[([^\]]*)\])?\s*\{([^{}]+)\}")


def _inline_bibliography(lines: list[str], begin: int) -> None:
    """A ``thebibliography`` environment written in the deck: its entries as lines of text (``[1] T. Tantau.
    The beamer class.``, one under another), and each ``\\cite{key}`` of them as the entry's label
    (``[1]``), as LaTeX prints them; ``\\newblock`` (which only separates an entry's parts) as a space.
    In place, line for line: an entry's words stay on their lines."""
    labels: dict[str, str] = {}
    k = max(begin, 0)
    while k < len(lines):
        if "\\begin{thebibliography}" not in lines[k]:
            k += 1
            continue
        end = next((j for j in range(k, len(lines)) if "\\end{thebibliography}" in lines[j]), None)
        if end is None:
            return
        entries: list[list[tuple[int, str]]] = []  # each entry's lines: (line, its words there)
        for j in range(k, end + 1):
            line = re.sub(r"\\newblock(?![A-Za-z])\s*", " ", lines[j].replace("\\end{thebibliography}", ""))
            if j == k:
                line = re.sub(r"\\begin\{thebibliography\}\s*(?:\{[^{}]*\})?", "", line)
            lines[j] = ""
            for part in re.split(r"(?=\\bibitem\b)", line):
                item = _BIBITEM.match(part.strip())
                if item is not None:
                    label = item.group(1) or str(len(labels) + 1)
                    labels[item.group(2).strip()] = label
                    entries.append([(j, f"[{label}] " + part.strip()[item.end() :].strip())])
                elif part.strip() and entries:
                    entries[-1].append((j, part.strip()))
        for n, entry in enumerate(entries):
            last = n == len(entries) - 1
            for m, (j, text) in enumerate(entry):
                ends = m == len(entry) - 1 and not last
                said = text + ("\\" if ends and entries[n + 1][0][0] > j else "")
                lines[j] = (
                    lines[j] + " \\newline " if lines[j] else ""
                ) + said  # (entries on one line: broken)
        k = end + 1
    if not labels:
        return

    def cite(mt: re.Match) -> str:
        keys = [key.strip() for key in mt.group(2).split(",")]
        if not all(key in labels for key in keys):
            return mt.group(0)
        note = f", {mt.group(1)}" if mt.group(1) else ""
        return "[" + ", ".join(labels[key] for key in keys) + note + "]"

    for j in range(max(begin, 0), len(lines)):
        if "\\cite" in lines[j]:
            lines[j] = re.sub(r"\\cite\s*(?:\[([^\]]*)\])?\s*\{([^{}]+)\}", cite, lines[j])


# \newtheorem{defn}{Definition}, \newtheorem{lem}[thm]{Lemma}, \newtheorem*{rem}{Remark}, \newtheorem{thm}{Theorem}[section]
_NEWTHEOREM = re.compile(r"\\newtheorem\*?\s*\{([A-Za-z@]+\*?)\}\s*(?:\[[^\]]*\]\s*)?\{([^{}]*)\}")


def _theorems(lines: list[str]) -> dict[str, str]:
    """The theorem environments the deck defines with ``\\newtheorem`` (in its preamble, or after
    ``\\begin{document}``): each one's name and the words beamer titles its box with."""
    found: dict[str, str] = {}
    for line in lines:
        if "\\newtheorem" in line:
            for mt in _NEWTHEOREM.finditer(line):
                found[mt.group(1)] = " ".join(mt.group(2).split())
    return found


def _references(lines: list[str], begin: int, index: list[int], out: Converted) -> None:
    """``\\ref``s to labelled items and theorems as the numbers LaTeX prints (podium.texrefs)."""
    if begin < 0:
        return
    shown = {k for k, _ in _outside_verbatim(lines, begin + 1)}
    preamble = "\n".join(lines[:begin])
    resolve_references(
        lines,
        begin,
        preamble,
        _class_options(preamble),
        skip=lambda k: k not in shown,
        warn=lambda k, message: out.warnings.append((index[k], message, "internal-link")),
    )


def _theorem_boxes(lines: list[str], begin: int) -> None:
    """The deck's own theorem environments (``\\newtheorem{defn}{Definition}``) as the box beamer draws
    for them, as it draws its own ``definition``: ``\\begin{defn}[Polar]`` is a block titled
    ``Definition (Polar)`` (an example's an example block).  In place, line for line; verbatim lines keep
    them."""
    theorems = _theorems(lines)
    if not theorems:
        return
    names = "|".join(sorted(map(re.escape, theorems), key=len, reverse=True))
    opened = re.compile(r"\\begin\{(" + names + r")\}(\s*<[^<>]*>)?")
    closed = re.compile(r"\\end\{(" + names + r")\}")
    kinds: list[str] = []  # (the box each open environment became: its \end closes that one)

    def box(mt: re.Match, line: str) -> tuple[str, int]:
        title, at = theorems[mt.group(1)], mt.end()
        rest = line[at:].lstrip()
        if rest.startswith("["):  # (its [title], after the name as beamer sets it)
            close = balanced_group(rest, 0, "[", "]")
            if close > 0:
                title += f" ({' '.join(rest[1 : close - 1].split())})"
                at = len(line) - len(rest) + close
        kind = "exampleblock" if title.lower().startswith("example") else "block"
        kinds.append(kind)
        return f"\\begin{{{kind}}}{mt.group(2) or ''}{{{title}}}", at

    for k, line in _outside_verbatim(lines, max(begin, 0)):
        if "\\begin{" not in line and "\\end{" not in line:
            continue
        out, at = [], 0
        for mt in re.finditer(opened.pattern + "|" + closed.pattern, line):
            if mt.start() < at:
                continue
            out.append(line[at : mt.start()])
            if mt.group(0).startswith("\\begin"):
                said, at = box(opened.match(line, mt.start()), line)  # type: ignore[arg-type]
                out.append(said)
            else:
                out.append(f"\\end{{{kinds.pop() if kinds else 'block'}}}")
                at = mt.end()
        lines[k] = "".join(out) + line[at:]


# enumitem's \newlist{objectives}{itemize}{1} (\renewlist; enumerate, description): a list of that kind
_NEWLIST = re.compile(r"\\(?:re)?newlist\s*\{([A-Za-z]+\*?)\}\s*\{(itemize|enumerate|description)\}")
# enumitem's \setlist[objectives]{label=…} (\setlist*, [objectives,1]): that list's options
_SETLIST = re.compile(r"\\setlist\*?\s*\[\s*([A-Za-z]+\*?)\s*(?:,\s*1\s*)?\]\s*(?=\{)")


# algorithm2e's keyword definitions (`\SetKw{Continue}{continue}`, `\SetKwFunction{Fn}{Search}`…), their
# arguments on their line
_KEYWORD_DEFINITION = re.compile(
    r"\\SetKw(?:Function|InOut|Input|Prog|Block|Data)?\s*(?:\{[^{}\n]*(?:\{[^{}\n]*\}[^{}\n]*)*\}\s*){2,4}"
)
_ALGORITHM_EDGE = re.compile(r"\\(begin|end)\{algorithm\*?\}(?:\s*\[[^\]\n]*\])?")


def _algorithm_keywords(lines: list[str], begin: int) -> None:
    """algorithm2e's keywords defined in the preamble, between frames or in a frame outside its
    ``algorithm`` (``\\SetKw{Continue}{continue}``) put at the start of each ``algorithm`` they reach (the
    preamble's and those between frames: every later one; a frame's: its own), where its pseudocode is read
    (:mod:`podium.texenvs`); in a frame, taken from where they print nothing."""
    if not any("\\SetKw" in line for line in lines):
        return
    kept: list[str] = []  # (the preamble's, and those between frames)
    framed: list[str] = []  # (the frame's own)
    inside = in_frame = False
    for k, line in enumerate(lines):
        s = line.strip()
        if k > begin and (s.startswith(("\\begin{frame}", "\\frame")) or s.startswith("\\end{frame}")):
            framed, in_frame = [], s.startswith(("\\begin{frame}", "\\frame"))
        if "\\SetKw" in line and not inside:
            found = [mt.group(0).strip() for mt in _KEYWORD_DEFINITION.finditer(line)]
            (framed if in_frame else kept).extend(found)
            if k > begin and in_frame:
                lines[k] = _KEYWORD_DEFINITION.sub("", line)
        if k <= begin or "\\begin{algorithm" not in line and "\\end{algorithm" not in line:
            continue
        for mt in _ALGORITHM_EDGE.finditer(line):
            inside = mt.group(1) == "begin"
            if inside and (kept or framed):
                at = mt.end() + len(lines[k]) - len(line)
                lines[k] = lines[k][:at] + " " + " ".join(kept + framed) + lines[k][at:]


def _enumitem_lists(lines: list[str], begin: int) -> None:
    """The lists the deck defines with enumitem's ``\\newlist{objectives}{itemize}{1}`` (in its preamble, a
    ``.sty`` it loads, or its text) as lists of that kind, in place, line for line: ``\\begin{objectives}``
    is ``\\begin{itemize}``; an ``enumerate`` one numbers its items as its ``\\setlist[steps]{label=…}``
    says, where its use sets no label of its own (an itemize's label is a bullet: the template's)."""
    text = "\n".join(lines)
    if "newlist" not in text:
        return
    kinds = {mt.group(1): mt.group(2) for mt in _NEWLIST.finditer(text) if mt.group(1) not in KNOWN}
    if not kinds:
        return
    labels: dict[str, str] = {}
    for mt in _SETLIST.finditer(text):
        close = balanced_group(text, mt.end())
        label = (
            re.search(r"label\s*=\s*(\{[^{}]*\}|[^,{}]*)", text[mt.end() + 1 : close - 1])
            if close > 0
            else None
        )
        if mt.group(1) in kinds and kinds[mt.group(1)] == "enumerate" and label is not None:
            labels[mt.group(1)] = label.group(0).strip()
    names = "|".join(sorted(map(re.escape, kinds), key=len, reverse=True))
    used = re.compile(r"\\(begin|end)\{(" + names + r")\}")

    def renamed(mt: re.Match) -> str:
        kind = kinds[mt.group(2)]
        after = mt.string[mt.end() :].lstrip()
        if mt.group(1) == "begin" and mt.group(2) in labels and not after.startswith("["):
            return f"\\begin{{{kind}}}[{labels[mt.group(2)]}]"
        return f"\\{mt.group(1)}{{{kind}}}"

    for k, line in _outside_verbatim(lines, max(begin, 0)):
        if "\\begin{" in line or "\\end{" in line:
            lines[k] = used.sub(renamed, line)


_NEWENVIRONMENT = re.compile(
    r"\\(?:re)?new(environment|tcolorbox)\s*(<>)?\s*(?:\[([^\]]*)\])?\s*\{([A-Za-z]+\*?)\}\s*(?:\[(\d)\])?\s*"
    r"(?:\[([^\]]*)\])?\s*(?=\{)"
    r"|\\(?:New|Renew|Provide|Declare)(TColorBox|DocumentEnvironment)\s*(?:\[([^\]]*)\])?\s*\{([A-Za-z]+\*?)\}\s*(?=\{)"
)  # (beamer's \newenvironment<>: its use takes an overlay too, one argument more; xparse's, its signature)
_NO_VALUE = "-NoValue-"  # (what xparse gives an optional argument not given)


@dataclass(frozen=True)
class _Environment:
    """An environment the preamble defines: its beginning (a macro of its arguments), its end, and whether
    it takes an overlay (beamer's ``\\newenvironment<>``: its last argument, ``<2->`` or empty)."""

    opening: _Macro
    ending: str
    overlay: bool = False


def _signature(text: str, at: int) -> tuple[int, str | None, int] | None:
    """xparse's argument signature in the group at ``text[at]`` (``{O{} m}``): how many arguments, the first
    one's default when it is optional (``o``: xparse's ``-NoValue-``), and where the group ends; None for a
    signature Podium does not read (an optional argument after the first, a star, delimiters)."""
    close = balanced_group(text, at)
    if close < 0:
        return None
    spec, count, default, j = text[at + 1 : close - 1], 0, None, 0
    while (mt := re.compile(r"\s*\+?\s*([omO])").match(spec, j)) is not None:
        j = mt.end()
        if mt.group(1) != "m" and count:
            return None
        if mt.group(1) == "o":
            default = _NO_VALUE
        elif mt.group(1) == "O":
            k = len(spec) - len(spec[j:].lstrip())
            end = balanced_group(spec, k)
            if end < 0:
                return None
            default, j = spec[k + 1 : end - 1], end
        count += 1
    return (count, default, close) if not spec[j:].strip() else None


def _tcolorbox_counters(options: dict[str, str]) -> dict[str, str]:
    """The counter each ``\\newtcolorbox`` counts its uses with (by the box's name): its own with ``auto
    counter``, the named one with ``use counter=task`` or another box's with ``use counter from=exercise``."""
    counters: dict[str, str] = {}
    for name, init in options.items():
        keys = dict(
            (key.strip(), value.strip())
            for key, _, value in (part.partition("=") for part in _split_options(init))
        )
        if "auto counter" in keys:
            counters[name] = "tcb@" + re.sub(r"[^A-Za-z]", "", name)
        elif keys.get("use counter") or keys.get("use counter*"):
            counters[name] = keys.get("use counter") or keys["use counter*"]
    for name, init in options.items():  # (another box's: once every box's own is known)
        other = re.search(r"use counter from\s*=\s*([A-Za-z]+\*?)", init)
        if other is not None and other.group(1) in counters:
            counters[name] = counters[other.group(1)]
    return counters


def _counted(opening: str, counter: str | None, init: str) -> str:
    """A tcolorbox's options (``title={Exercise~\\thetcbcounter}``) with tcolorbox's ``\\thetcbcounter`` as the
    value of the box's ``counter``, stepped at each use (``number within=section``: after the section's
    number, as LaTeX prints it: :func:`podium.texcounters.count_lines`); without a counter, left out."""
    if counter is None:
        return re.sub(r"(?:~|\\ )?\\thetcbcounter(?![A-Za-z@])\s*", "", opening)
    within = re.search(r"number within\s*=\s*\{?\s*([A-Za-z]+)", init)
    steps = (
        f"\\counterwithin{{{counter}}}{{{within.group(1)}}}" if within else ""
    ) + f"\\refstepcounter{{{counter}}}"
    return steps + re.sub(r"\\thetcbcounter(?![A-Za-z@])", lambda _: f"\\the{counter}", opening)


def _environments(preamble: str) -> dict[str, _Environment]:
    """The environments the preamble defines, ``\\newenvironment{keybox}[1]{\\begin{block}{#1}}{\\end{block}}``
    (``\\renewenvironment``; beamer's ``\\newenvironment<>``, which takes an overlay; xparse's
    ``\\NewDocumentEnvironment{keybox}{O{Key} m}{…}{…}``) and tcolorbox's
    ``\\newtcolorbox{recap}[1][Recap]{colback=gray!5,title={#1}}`` (``\\NewTColorBox{recap}{O{Recap}}{…}``; a
    ``tcolorbox`` of those options, its ``\\thetcbcounter`` counted: :func:`_counted`): each one's beginning
    (as a macro of its arguments) and end, as what they print (:func:`_printed`)."""
    found: dict[str, _Environment] = {}
    boxes = {
        mt.group(4) or mt.group(9): mt.group(3) or mt.group(8) or ""
        for mt in _NEWENVIRONMENT.finditer(preamble)
        if "tcolorbox" in (mt.group(1) or mt.group(7) or "").lower()
    }
    counters = _tcolorbox_counters(boxes)
    for mt in _NEWENVIRONMENT.finditer(preamble):
        name, kind = mt.group(4) or mt.group(9), (mt.group(1) or mt.group(7)).lower()
        # (pandoc's Shaded, a deck's own itemize: read as meant; its own solution, proof…: beamer's replaced)
        if name in KNOWN and name not in THEOREMS:
            continue
        arguments, default, start = int(mt.group(5) or 0), mt.group(6), mt.end()
        if mt.group(7):  # (xparse's: its signature first)
            signature = _signature(preamble, mt.end())
            if signature is None:
                continue
            arguments, default, start = signature
            start = len(preamble) - len(preamble[start:].lstrip())
        close = balanced_group(preamble, start)
        if close < 0:
            continue
        opening = " ".join(preamble[start + 1 : close - 1].split())
        if kind == "tcolorbox":
            opening = _counted(f"\\begin{{tcolorbox}}[{opening}]", counters.get(name), boxes.get(name, ""))
            ending = "\\end{tcolorbox}"
        else:
            at = len(preamble) - len(preamble[close:].lstrip())
            end = balanced_group(preamble, at) if preamble.startswith("{", at) else -1
            if end < 0:
                continue
            ending = " ".join(preamble[at + 1 : end - 1].split())
        if "\\MakeFramed" in opening:  # (framed's machinery, knitr's kframe: a shaded box of its body)
            opening, ending = _framed_opening(opening), "\\end{block}"
        overlay = mt.group(2) is not None  # (beamer's overlay: the argument after the others)
        opening = _printed(opening, True, f"#{arguments + 1}" if overlay else "")
        found[name] = _Environment(
            _Macro(opening, arguments + overlay, default), _printed(ending, False), overlay
        )
    return found


_MAKE_FRAMED = re.compile(r"\\MakeFramed\s*(?=\{)")
_BOLD_TITLE = re.compile(r"\\textbf\s*(?=\{)")
_LEADING_SWITCHES = re.compile(
    r"^(?:\\(?:itshape|slshape|upshape|bfseries|mdseries|scshape|sffamily|ttfamily|rmfamily|em|normalfont|"
    r"tiny|scriptsize|footnotesize|small|normalsize|large|Large|LARGE|huge|Huge)(?![A-Za-z])\s*)+"
)


def _framed_opening(opening: str) -> str:
    """The beginning of an environment built on framed's ``\\MakeFramed`` as a block: what it prints after
    the box is made its title where that is a bold heading (``\\textbf{#1:}``), else the body's first words
    (``\\itshape Quote:``); framed's own setup (the box's command, ``\\MakeFramed``'s argument) left out."""
    mt = _MAKE_FRAMED.search(opening)
    close = balanced_group(opening, mt.end()) if mt is not None else -1
    after = opening[close:] if close > 0 else ""
    after = re.sub(r"(?:\\ ?|~|\\(?:par|ignorespaces|noindent|relax)(?![A-Za-z@])|\s)+$", "", after).strip()
    after = _LEADING_SWITCHES.sub("", after)  # (the body's look: the template's)
    bold = _BOLD_TITLE.match(after)
    end = balanced_group(after, bold.end()) if bold is not None else -1
    if bold is not None and end == len(after):
        return "\\begin{block}{" + after[bold.end() + 1 : end - 1].strip().rstrip(":").strip() + "}"
    return "\\begin{block}{}" + (" " + after if re.search(r"[^\s{}]", after) else "")


# what a beamer template prints for an environment (a theme's proof, theorem and block templates) and
# the macro that names its title there
_TEMPLATES = {
    "proof": ("proof", "insertproofname"),
    "theorem": ("block", "inserttheoremname"),
    "block": ("block", "insertblocktitle"),
    "block alerted": ("alertblock", "insertblocktitle"),
    "block example": ("exampleblock", "insertblocktitle"),
}
_USE_TEMPLATE = re.compile(
    r"\\usebeamertemplate\*?\s*\{\s*(proof|theorem|block(?: alerted| example)?) (begin|end)\s*\}"
)
# what sets up an environment and prints nothing (a paragraph's end, a macro defined for its template, the
# template's colours and fonts, a group, spacing), with how many braced arguments it takes
_SETUP = re.compile(
    r"\\(?:g|e)?def\s*\\[A-Za-z@]+(?:#+\d)*\s*(?P<one>)(?=\{)|\\let\s*\\[A-Za-z@]+\s*=?\s*\\[A-Za-z@]+"
    r"|\\(?:usebeamer(?:color|font|template)\*?|vspace\*?|hspace\*?|color)\s*(?:\[[^\]]*\])?\s*(?P<one_>)(?=\{)"
    r"|\\(?:setlength|addtolength|setbeamer\w+)\s*(?:\[[^\]]*\])?\s*(?P<two>)(?=\{)"
    r"|\\(?:par|begingroup|endgroup|bgroup|egroup|ignorespaces|ignorespacesafterend|noindent|relax|"
    r"normalfont|unskip|leavevmode|smallskip|medskip|bigskip|makeatletter|makeatother)(?![A-Za-z@])"
)

# face and size switches ending an environment's beginning (`\begin{block}{#1}\itshape`): set its body's look
_TRAILING_SWITCHES = re.compile(
    r"(?:\s*\\(?:itshape|slshape|upshape|bfseries|mdseries|scshape|sffamily|ttfamily|rmfamily|em|"
    r"tiny|scriptsize|footnotesize|small|normalsize|large|Large|LARGE|huge|Huge)(?![A-Za-z]))+\s*$"
)


def _printed(tex: str, opening: bool, overlay: str = "") -> str:
    """The TeX of an environment's beginning or end (``opening``) as what it prints where the deck uses it:
    a beamer template's proof, theorem or block (``\\usebeamertemplate{proof begin}``, titled by the
    ``\\def\\insertproofname{#1}`` before it) as that environment, and what only sets it up (``\\par``,
    ``\\def``, colours, spacing) left out; an environment it begins (``\\begin{block}{#1}``) is kept, with
    the ``overlay`` argument (``#2``: ``<2->`` where used) right after its name, as beamer reads one."""
    titles = {}
    for mt in re.finditer(r"\\def\s*\\(insert\w+)\s*(?=\{)", tex):
        close = balanced_group(tex, mt.end())
        if close > 0:
            titles[mt.group(1)] = re.sub(r"\\@\s*(?:\{\.\})?", "", tex[mt.end() + 1 : close - 1]).strip()

    def template(mt: re.Match) -> str:
        env, name = _TEMPLATES[mt.group(1)]
        if mt.group(2) == "end":
            return f"\\end{{{env}}}"
        title = titles.get(name, "")
        if name == "inserttheoremname" and titles.get("inserttheoremaddition"):
            title += f" ({titles['inserttheoremaddition']})"
        if env == "proof":  # (its default title, \proofname: beamer's own, "Proof")
            return "\\begin{proof}" + ("" if title in ("", "\\proofname") else f"[{title}]")
        return f"\\begin{{{env}}}{{{title}}}"

    tex = _USE_TEMPLATE.sub(template, tex.replace(overlay, "") if overlay else tex)
    out, at = [], 0
    for mt in _SETUP.finditer(tex):
        if mt.start() < at:
            continue
        out.append(tex[at : mt.start()])
        at = mt.end()
        takes = (
            2
            if mt.group("two") is not None
            else int(mt.group("one") is not None or mt.group("one_") is not None)
        )
        for _ in range(takes):  # (its arguments: what it defines, sets, uses)
            at = len(tex) - len(tex[at:].lstrip())
            close = balanced_group(tex, at) if tex.startswith("{", at) else -1
            at = close if close > 0 else at
    tex = " ".join(("".join(out) + tex[at:]).split())
    if opening:  # (a switch for its body's face or size, \itshape: left out, the template's look)
        tex = _TRAILING_SWITCHES.sub("", tex)
    if (
        overlay
    ):  # (where it opens no environment the overlay has nothing to show on a click: its content shown)
        begun = re.match(r"\\begin\{[A-Za-z*]+\}", tex)
        tex = tex[: begun.end()] + overlay + tex[begun.end() :] if begun else tex
    return tex


def _own_environments(lines: list[str], begin: int) -> None:
    """The deck's own environments (:func:`_environments`) put in place where its frames use them, as TeX
    does (its ``keybox`` a block titled as its argument, its ``recap`` a titled box, its ``proofs`` made
    with beamer's proof template a proof), line for line; verbatim lines keep them."""
    found = _environments("\n".join(lines[: max(begin, 0)])) if begin > 0 else {}
    if not found:
        return
    names = "|".join(sorted(map(re.escape, found), key=len, reverse=True))
    use = re.compile(r"\\(begin|end)\{(" + names + r")\}")
    for k, line in _outside_verbatim(lines, begin):
        if "\\begin{" not in line and "\\end{" not in line or _NEWENVIRONMENT.search(line):
            continue
        out, at = [], 0
        for mt in use.finditer(line):
            if mt.start() < at:
                continue
            env = found[mt.group(2)]
            if mt.group(1) == "end":
                done: tuple[str, int] | None = (env.ending, mt.end())
            else:
                done = _expanded(line, mt.end(), env.opening, env.overlay)
            if done is not None:  # (a proof titled by beamer's own \proofname: "Proof", texenvs' default)
                said = re.sub(r"^(\\begin\{proof\}(?:<[^<>]*>)?)\[\s*\\proofname\s*\]", r"\1", done[0])
                said = re.sub(
                    r"^(\\begin\{\w+\}(?:<[^<>]*>)?\{[^{}]*?) \(\s*\)\}", r"\1}", said
                )  # (no addition)
                out.append(line[at : mt.start()] + said)
                at = done[1]
        lines[k] = "".join(out) + line[at:]


def _outside_verbatim(lines: list[str], start: int):
    """(index, line) of ``lines`` from ``start`` on, but the lines of verbatim environments."""
    verbatim: str | None = None
    for k in range(start, len(lines)):
        line = lines[k]
        if verbatim is not None:
            verbatim = None if f"\\end{{{verbatim}" in line else verbatim
            continue
        opened = _VERBATIM.search(line)
        if opened is not None and f"\\end{{{opened.group(1)}" not in line:
            verbatim = opened.group(1)
        yield k, line


# ``\\pause{}``, ``\\pause[2]{}``: the empty group only keeps the space after the command
_PAUSE_GROUP = re.compile(r"(\\pause(?:\[[^\]]*\])?)\s*\{\s*\}")


def _pauses_without_groups(lines: list[str], start: int) -> None:
    """``\\pause{}`` as ``\\pause``, in place (outside verbatim): the empty group prints nothing."""
    for k, line in _outside_verbatim(lines, start):
        if "\\pause" in line:
            lines[k] = _PAUSE_GROUP.sub(r"\1 ", line).rstrip()


_OVERLAY_ENV = re.compile(r"\\(begin|end)\{(only|uncover|visible|invisible|alt)env\}")


def _overlay_environments(lines: list[str], start: int) -> None:
    """beamer's ``onlyenv`` (``uncoverenv``, ``visibleenv``, ``invisibleenv``) as the command it is the
    environment of (``\\begin{onlyenv}<2>`` … ``\\end{onlyenv}`` as ``\\only<2>{`` … ``}``), in place;
    ``altenv``'s content shown whole, its overlay and its four decorations left out (what it changes is
    the look on some steps, not what is there)."""
    opened: list[str] = []  # (what each open environment's end becomes)
    for k, line in _outside_verbatim(lines, start):
        if "env}" not in line:
            continue
        out, at = [], 0
        for mt in _OVERLAY_ENV.finditer(line):
            if mt.start() < at:
                continue
            out.append(line[at : mt.start()])
            at = mt.end()
            if mt.group(1) == "end":
                out.append(opened.pop() if opened else "")
                continue
            spec = re.match(r"\s*<([^<>]*)>", line[at:])
            if spec is not None:
                at += spec.end()
            if mt.group(2) == "alt":
                for _ in range(4):
                    close = balanced_group(line, at + len(line[at:]) - len(line[at:].lstrip()))
                    if close < 0:
                        break
                    at = close
                opened.append("")
            elif spec is not None:
                out.append(f"\\{mt.group(2)}<{spec.group(1)}>{{")
                opened.append("}")
            else:  # (no overlay: shown on every step)
                opened.append("")
        if out:
            lines[k] = "".join(out) + line[at:]


_META_COMMAND = re.compile(r"^\\(?:title|subtitle|author|institute|date|logo|titlegraphic)\s*[\[{]")
_OWN_FRAME = re.compile(r"\\(begin|end)\{(?!frame\})[A-Za-z]+frame\*?\}")
_FRAME_COMMAND = re.compile(r"^(\s*)\\frame\s*((?:<[^>]*>)?\s*(?:\[[^\]]*\])?)\s*\{")


def _frame_commands(lines: list[str], start: int, end: int) -> None:
    """Beamer's ``\\frame{…}`` (``\\frame[options]{…}``) rewritten in place as ``\\begin{frame}…\\end{frame}``
    (its lines stay where they are); ``\\frame{\\titlepage}`` too (the title slide's frame); a deck's own
    frame environment (``vbframe``, ``myframe``) as ``frame``."""
    for j in range(start, end):  # a deck's own frame environment (\newenvironment{vbframe}…, often in a
        if "frame}" in lines[j]:  # style file the deck does not hold): a frame
            lines[j] = _OWN_FRAME.sub(r"\\\1{frame}", lines[j])
    k = start
    while k < end:
        opened = _FRAME_COMMAND.match(lines[k])
        if opened is None:
            k += 1
            continue
        text = "\n".join(lines[k:end])
        close = balanced_group(text, opened.end() - 1)
        if close < 0:
            k += 1
            continue
        last = k + text.count("\n", 0, close)
        at = close - 1 - (text.rfind("\n", 0, close - 1) + 1)  # the closing brace's column on its line
        if last == k:
            inner = lines[k][opened.end() : at]
            lines[k] = f"\\begin{{frame}}{opened.group(2)}{inner}\\end{{frame}}{lines[k][at + 1 :]}"
        else:
            lines[last] = lines[last][:at] + "\\end{frame}" + lines[last][at + 1 :]
            lines[k] = f"\\begin{{frame}}{opened.group(2)}{lines[k][opened.end() :]}"
        k = last + 1


def _title_page_frames(lines: list[str], start: int, end: int) -> None:
    """Each line of ``lines[start:end]`` that is only ``\\maketitle`` (``\\titlepage``) outside a frame made a
    frame of it, in place, as beamer's ``\\maketitle`` makes one (a deck's closing title page)."""
    depth = 0
    for k in range(start, end):
        if depth <= 0 and _TITLE_PAGE.fullmatch(lines[k].strip()):
            lines[k] = _FRAME + lines[k].strip() + _FRAME_END
        elif "frame}" in lines[k]:
            depth += lines[k].count(_FRAME) - lines[k].count(_FRAME_END)


_GROUP_ONLY = re.compile(r"(?:[{}\s]|\\(?:begin|end|b|e)group(?![A-Za-z]))+")


# a background of beamer's (`\usebackgroundtemplate{…}`, `\setbeamertemplate{background}{…}`), in the
# preamble or before a frame, often in a group around it: `{\usebackgroundtemplate{…} \frame{…}}`
_BACKGROUND = re.compile(
    r"\\(?:usebackgroundtemplate|setbeamertemplate\s*\{\s*background(?: canvas)?\s*\})\s*(?=\{)"
)


def _backgrounds(lines: list[str], index: list[int], out: Converted) -> None:
    """A warning at each background picture beamer would draw behind frames (``\\usebackgroundtemplate``,
    ``\\setbeamertemplate{background}``), naming it: a slide's background is the template's design."""
    defined = _in_definitions(lines)  # (a macro's body: said where it is used)
    for k, line in _outside_verbatim(lines, 0):
        if "background" not in line or k in defined:
            continue
        for mt in _BACKGROUND.finditer(line):
            close = balanced_group(line, mt.end())
            names = [
                g.group(1).strip()
                for g in _GRAPHIC.finditer(line, mt.end(), close if close > 0 else len(line))
            ]
            for name in names:
                out.warnings.append(
                    (
                        index[k],
                        f"background picture '{name}' is not drawn: a slide's background is the template's "
                        "design (the frames it is behind are shown without it)",
                        "background",
                    )
                )


_PGF_DECLARE = re.compile(r"\\pgfdeclareimage\s*(?:\[([^\]]*)\])?\s*\{([^{}]+)\}\s*\{([^{}]+)\}")


def _pgf_images(lines: list[str], begin: int) -> None:
    """pgf's pictures and graphicx's starred ``\\includegraphics*`` (clipped to its box: the same picture)
    as ``\\includegraphics`` (found as it finds them, the same size options): ``\\pgfimage[width=…]{file}``,
    and ``\\pgfuseimage{name}`` of a ``\\pgfdeclareimage[…]{name}{file}`` (the declaration itself prints
    nothing).  In place, line for line; verbatim lines keep them."""
    if any("\\includegraphics*" in line for line in lines):
        for k, line in _outside_verbatim(lines, max(begin, 0) + 1):
            lines[k] = line.replace("\\includegraphics*", "\\includegraphics")
    if not any("\\pgf" in line for line in lines):
        return
    declared = {
        mt.group(2).strip(): (mt.group(1), mt.group(3).strip())
        for line in lines
        if "\\pgfdeclareimage" in line
        for mt in _PGF_DECLARE.finditer(line)
    }

    def used(mt: re.Match) -> str:
        options, name = declared.get(mt.group(1).strip(), (None, ""))
        return f"\\includegraphics{f'[{options}]' if options else ''}{{{name}}}" if name else mt.group(0)

    for k, line in _outside_verbatim(lines, max(begin, 0) + 1):
        if "\\pgf" in line:
            line = _PGF_DECLARE.sub("", line)
            line = re.sub(r"\\pgfimage(?![A-Za-z])", r"\\includegraphics", line)
            lines[k] = re.sub(r"\\pgfuseimage\s*\{([^{}]+)\}", used, line) if declared else line


# media9's \includemedia[options]{poster}{file} and beamer's multimedia \movie[options]{poster}{file}
_MEDIA = re.compile(r"\\(includemedia|movie)(?![A-Za-z])\s*(?:\[[^\]]*\]\s*)?\{")
_MEDIA_NAME = re.compile(r"\\(?:includemedia|movie)(?![A-Za-z])")


def _media(lines: list[str], begin: int, index: list[int], out: Converted) -> None:
    """media9's ``\\includemedia[…]{poster}{file}`` and beamer's ``\\movie[…]{poster}{file}`` as their
    poster (what the PDF shows before the media plays: often an ``\\includegraphics``), with a warning
    naming the media file left out.  In place: the command's text (over lines too) on its first line."""
    if not any("\\includemedia" in line or "\\movie" in line for line in lines):
        return
    verbatim = set(range(len(lines))) - {k for k, _ in _outside_verbatim(lines, 0)}
    for k in range(max(begin, 0) + 1, len(lines)):
        while k not in verbatim and (named := _MEDIA_NAME.search(lines[k])) is not None:
            text = "\n".join(lines[k:])
            opened = _MEDIA.match(text, named.start())
            if opened is None:
                break
            poster_end = balanced_group(text, opened.end() - 1)
            at = poster_end
            while 0 <= at < len(text) and text[at].isspace():
                at += 1
            file_end = balanced_group(text, at) if 0 <= at < len(text) and text[at] == "{" else -1
            if file_end < 0:  # (not the command's shape: left to the raw-TeX warning)
                break
            poster = text[opened.end() : poster_end - 1].strip()
            media = text[at + 1 : file_end - 1].strip()
            last = k + text.count("\n", 0, file_end)
            rest = text[file_end:].split("\n", 1)[0]
            shown_at = k + text.count("\n", 0, opened.end())  # (the poster's line: its picture's warnings)
            before = lines[k][: opened.start()]
            for j in range(k, last + 1):
                lines[j] = ""
            lines[k] = before
            lines[shown_at] = (
                (lines[shown_at] + " " if shown_at == k else "") + poster.replace("\n", " ") + rest
            )
            shown = "its poster is shown instead" if poster else "it has no poster, so nothing is shown"
            out.warnings.append(
                (
                    index[k],
                    f"the media file '{media}' (\\{opened.group(1)}) is left out, as slides play no media: "
                    + shown,
                    "media",
                )
            )


_REFERENCE = re.compile(r"\\(?:page)?ref\*?\s*\{([^{}]+)\}")


def _frame_references(lines: list[str], start: int, end: int) -> None:
    """``\\ref{x}`` and ``\\pageref{x}`` to a frame's label (``\\label{x}`` in the frame, ``[label=x]``) as
    the number of its slide, as beamer prints its page (an empty link to the slide, which the reader
    numbers); one to a label the deck never sets shows nothing (the link's warning).  Labels of
    equations and figures are left to the reader's references.  In place, line for line."""
    if not any("ref" in line for line in lines[start:end]):
        return
    frames: set[str] = set()
    labels: set[str] = set()
    depth = -1  # (environments open, the frame's own counted; -1 outside frames)
    for _, line in _outside_verbatim(lines[:end], start):
        s = line.strip()
        if s.startswith(_FRAME):
            depth = 0
            if (option := re.search(r"\blabel=([\w:.-]+)", s)) is not None:
                frames.add(option.group(1))
        for name in re.findall(r"\\label\s*\{([^{}]+)\}", line):
            labels.add(name.strip())
            if depth == 1 and re.fullmatch(r"\\label\s*\{[^{}]+\}", s):
                frames.add(name.strip())
        if depth >= 0:
            depth = -1 if _FRAME_END in line else depth + line.count("\\begin{") - line.count("\\end{")

    def reference(mt: re.Match) -> str:
        name = mt.group(1).strip()
        return f"[](#{_anchor(name)})" if name in frames or name not in labels else mt.group(0)

    for k, line in _outside_verbatim(lines[:end], start):
        if "ref" in line:
            lines[k] = _REFERENCE.sub(reference, line)


# a beamer setting with its first argument only, whose second may be on the next line
_ARGUMENT_LATER = re.compile(r"\\setbeamer(?:template|color|font)\*?\s*\{[^{}]*\}\s*(?:\[[^\]]*\]\s*)*$")


def _setup_on_one_line(lines: list[str], start: int, end: int, hooks: set[int]) -> None:
    """Setup between frames whose braces close on a later line (``\\lstset{`` then its keys, ``\\tikzset``,
    ``\\setbeamertemplate``) joined onto its first line, in place, the lines it took left empty: beamer
    prints nothing of it, and none of its lines is text outside a frame."""
    k = start
    while k < end:
        s = lines[k].strip()
        if s.startswith(_FRAME):
            stop = _frame_end(lines, k, end)
            k = (stop if stop is not None else end) + 1
            continue
        # (or whose argument is on the next line: `\setbeamertemplate{frametitle}` then `{`, as TeX reads it)
        later = k + 1 < end and _ARGUMENT_LATER.match(s) is not None and lines[k + 1].lstrip().startswith("{")
        if k not in hooks and (_depth(s) > 0 or later) and _QUIET.match(s):
            j = k + 1 if later and _depth(s) == 0 else k
            depth = _depth(lines[j].strip()) if j > k else _depth(s)
            while (
                depth > 0
                and j + 1 < end
                and (j + 1) not in hooks
                and not lines[j + 1].strip().startswith(_FRAME)
            ):
                j += 1
                depth += _depth(lines[j])
            if depth <= 0:
                lines[k] = " ".join(line.strip() for line in lines[k : j + 1])
                lines[k + 1 : j + 1] = [""] * (j - k)
                k = j
        k += 1


def _open_groups(lines: list[str], start: int, end: int, hooks: set[int]) -> None:
    """A TeX group around frames (``{ \\setbeamertemplate{footline}{} \\frame{\\titlepage} }``, its braces
    on lines of their own or around a line's frame) as its content, in place: outside frames a group only
    keeps the settings made in it to those frames, and its braces show nothing."""
    k = start
    while k < end:
        s = lines[k].strip()
        if k in hooks:
            k += 1
            continue
        if s.startswith(_FRAME):
            stop = _frame_end(lines, k, end)
            k = (stop if stop is not None else end) + 1
            continue
        if s.startswith("\\note") and _depth(s) > 0:  # (a note between frames: its `}` closes it, no group)
            depth = _depth(s)
            while depth > 0 and k + 1 < end and not lines[k + 1].strip().startswith(_FRAME):
                k += 1
                depth += _depth(lines[k])
            k += 1
            continue
        argument = _argument_end(lines, k, end)
        if argument is not None:  # (``\author{A\thanks{%`` … ``}}``: its braces are no group)
            k = argument + 1
            continue
        lead = len(lines[k]) - len(lines[k].lstrip())
        if _GROUP_ONLY.fullmatch(s):  # (a group's brace on its line, or the `}` of `\begin{document} {`)
            lines[k] = ""
        elif s.startswith("{") and (balanced_group(s, 0) < 0 or _FRAME in s or "\\frame" in s):
            close = balanced_group(s, 0)
            inner = (s[1 : close - 1] + s[close:] if close > 0 else s[1:]).strip()
            frame = re.search(r"\\begin\{frame\}|\\frame\s*[<\[{]", inner)
            if (
                frame is not None and frame.start() > 0 and _QUIET.match(inner)
            ):  # (its settings, then its frame)
                inner = inner[frame.start() :]
            lines[k] = lines[k][:lead] + inner
            continue  # (read again: the frame it begins)
        elif s.startswith("}") and not s.startswith("}{"):
            lines[k] = lines[k][:lead] + s.lstrip("}").strip()
            continue
        k += 1


def _argument_end(lines: list[str], k: int, end: int) -> int | None:
    """The line where a command's argument opened on ``lines[k]`` (``\\author{A\\thanks{``, not a group of
    its own) closes, if it closes on a later line before any frame begins; else None."""
    s = lines[k].strip()
    if s.startswith(("{", "}")) or _depth(s) <= 0:
        return None
    depth = _depth(s)
    j = k
    while depth > 0 and j + 1 < end:
        j += 1
        if lines[j].lstrip().startswith(_FRAME):
            return None
        depth += _depth(lines[j])
    return j if depth <= 0 else None


def _document_end(lines: list[str], begin: int) -> int | None:
    """The line of the first ``\\end{document}`` after ``lines[begin]``, where LaTeX stops reading (one that a
    frame or a verbatim environment shows, as a lecture on LaTeX does, ends nothing), or None."""
    verbatim: str | None = None
    k = begin + 1
    while k < len(lines):
        line = lines[k]
        if verbatim is not None:
            verbatim = None if f"\\end{{{verbatim}" in line else verbatim
        elif line.lstrip().startswith(_FRAME) and (stop := _frame_end(lines, k, len(lines))) is not None:
            k = stop
        elif line.lstrip().startswith("\\end{document}"):
            return k
        elif (opened := _VERBATIM.search(line)) is not None:
            closed = f"\\end{{{opened.group(1)}" in line[opened.end() :]
            verbatim = None if closed else opened.group(1)
        k += 1
    return None


def _frame_end(lines: list[str], start: int, end: int) -> int | None:
    """The line of the ``\\end{frame}`` that closes the frame begun on ``lines[start]`` (one written in a
    verbatim environment, as a lecture on beamer shows it, closes nothing), or None."""
    verbatim: str | None = None
    for j in range(start, end):
        line = lines[j]
        if verbatim is not None:
            if f"\\end{{{verbatim}" in line:
                verbatim = None
            continue
        opened = _VERBATIM.search(line)
        if opened is not None and f"\\end{{{opened.group(1)}" not in line[opened.end() :]:
            verbatim = opened.group(1)
            if _FRAME_END in line[: opened.start()]:
                return j
            continue
        if _FRAME_END in line and (j > start or line.find(_FRAME_END) > line.find(_FRAME)):
            return j
    return None


def _uncommented(
    lines: list[str], skipped: list[tuple[int, str]] | None = None
) -> tuple[list[str], list[int]]:
    """``lines`` without TeX's comments: a line that is only a comment is gone (TeX joins the lines
    around it), a comment after words is cut off; verbatim environments are kept as written.  Also
    the line of ``lines`` that each kept line is.  What a line-starting ``\\iffalse`` switches off (to
    its ``\\else`` or ``\\fi``), or an ``\\iftrue``'s ``\\else`` part, is left out too, as TeX skips
    it (:func:`_switched_off`); ``skipped`` gets the line of ``lines`` where each such part starts, and
    what skips it (``\\iffalse``, ``\\iftrue … \\else``)."""
    out: list[str] = []
    index: list[int] = []
    verbatim: str | None = None
    literal: list[bool] = []  # (a verbatim line: an \iffalse there is shown, not read)
    for k, line in enumerate(lines):
        if verbatim is not None:
            out.append(line)
            index.append(k)
            literal.append(True)
            if f"\\end{{{verbatim}" in line:
                verbatim = None
            continue
        cut = _comment_at(line)
        if cut is not None and not line[:cut].strip():
            continue
        kept = line[:cut].rstrip() if cut is not None else line
        opened = _VERBATIM.search(kept)
        if opened is not None and f"\\end{{{opened.group(1)}" not in kept[opened.end() :]:
            verbatim = opened.group(1)
        out.append(kept)
        index.append(k)
        literal.append(False)
    values: dict[int, tuple[bool, str]] = {}
    if any("\\newif" in line for line in out):  # (the deck's own switches: \newif\ifdeploy, \deployfalse)
        out, values = _switch_values(out, index, literal)
    for _ in range(MAX_INPUT_DEPTH):  # (a switch inside the part another keeps: \iftrue \ifdeploy …)
        if not any(_switch_start(line, index[k], values) for k, line in enumerate(out) if not literal[k]):
            break
        out, index, literal = _switched_off(out, index, literal, skipped, values)
    return out, index


def _switch_start(line: str, k: int, values: dict[int, tuple[bool, str]]) -> tuple[re.Match, bool] | None:
    """The ``\\iffalse``/``\\iftrue`` (or a deck's own switch whose value is known: ``values`` of the
    line ``k``, :func:`_switch_values`) that starts ``line``, and its value; None if none does."""
    start = _SWITCH_OFF.match(line)
    if start is None:
        return None
    if start.group(1) in ("false", "true"):
        return start, start.group(1) == "true"
    known = values.get(k)
    return (start, known[0]) if known is not None else None


# a \newif switch set (\deploytrue, \deployfalse), or any TeX conditional's start or end, in order
_SWITCH_SETTING = re.compile(
    r"\\newif\s*\\if[A-Za-z@]+|\\(if[A-Za-z@]*|fi)(?![A-Za-z@])|\\([A-Za-z@]+)(true|false)(?![A-Za-z@])"
)


def _switch_values(
    lines: list[str], index: list[int], literal: list[bool]
) -> tuple[list[str], dict[int, tuple[bool, str]]]:
    """``lines`` without the settings of the deck's own ``\\newif`` switches (``\\deployfalse``, which
    prints nothing), and, for each line (of ``index``) that starts with one of the switches, its value
    there as TeX reads the lines in order (false from ``\\newif``), and the condition, Podium does not
    run, its last setting is under ("": none).  Under such a condition (``\\ifx\\a\\b \\deploytrue
    \\else \\deployfalse \\fi``) the setting read last counts: the ``\\else`` part's."""
    names = {mt.group(1) for line in lines for mt in _NEWIF.finditer(line)}
    switches = {name[2:] for name in names}
    conditionals = _PRIMITIVE_IFS | names
    state: dict[str, tuple[bool, str]] = {}
    opened: list[str] = []  # (the conditionals open, innermost last)
    values: dict[int, tuple[bool, str]] = {}
    out: list[str] = []
    for k, line in enumerate(lines):
        if literal[k]:
            out.append(line)
            continue
        start = _SWITCH_OFF.match(line)
        if start is not None and start.group(1) in switches:
            values[index[k]] = state.get(start.group(1), (False, ""))
        kept, at = [], 0
        defined = _DEFINITION.search(line) is not None
        for mt in _SWITCH_SETTING.finditer(line):
            if mt.group(0).startswith("\\newif"):
                state[mt.group(0).rsplit("\\if", 1)[1]] = (False, "")
            elif mt.group(1) == "fi":
                del opened[-1:]
            elif mt.group(1) is not None and mt.group(1) in conditionals:
                opened.append(mt.group(1))
            elif mt.group(2) in switches:
                undecided = next((c for c in reversed(opened) if c not in ("iftrue", "iffalse")), "")
                # (a setting TeX skips, under \iffalse, or one a macro's body makes only where it is used,
                # sets nothing here)
                if "iffalse" not in opened and not defined:
                    state[mt.group(2)] = (mt.group(3) == "true", undecided if undecided not in names else "")
                kept.append(line[at : mt.start()])
                at = mt.end()
        out.append("".join(kept) + line[at:] if kept else line)
    return out, values


# the head of inline code whose argument TeX reads verbatim: \verb, listings' \lstinline (with its options),
# minted's \mintinline{language} (with its options); its code follows between two of one delimiter or in braces
_INLINE_CODE_HEAD = r"\\(?:(?:verb|lstinline)\*?(?:\[[^\]]*\])?|mintinline\s*(?:\[[^\]]*\])?\s*\{[^{}]*\})"


# a line that starts with TeX's \iffalse (or \iftrue): a lecturer's way to switch frames off
_SWITCH_OFF = re.compile(r"^\s*\\if([A-Za-z@]+)(?![A-Za-z@])")
_CONDITIONAL = re.compile(r"\\(?:(if[A-Za-z@]*)|(else|fi)(?![A-Za-z@]))|\\[A-Za-z@]+|\\.")
# TeX's own conditionals (and those of the engines' packages): skipped text counts them to find its
# \fi; etoolbox's and ifthen's \ifdef, \ifthenelse… are macros, which TeX does not count
_PRIMITIVE_IFS = frozenset(
    "if ifcat ifnum ifdim ifodd ifvmode ifhmode ifmmode ifinner ifvoid ifhbox ifvbox ifx ifeof iftrue "
    "iffalse ifcase ifdefined ifcsname iffontchar ifincsname ifpdf ifxetex ifluatex ifpdftex".split()
)
_NEWIF = re.compile(r"\\newif\s*\\(if[A-Za-z@]+)")


def _switched_off(
    lines: list[str],
    index: list[int],
    literal: list[bool],
    skipped: list[tuple[int, str]] | None,
    values: dict[int, tuple[bool, str]],
) -> tuple[list[str], list[int], list[bool]]:
    """``lines`` (and ``index``, ``literal``) without what each line-starting ``\\iffalse`` skips: up to
    its own ``\\else`` (then kept) or ``\\fi``, nested conditionals counted as TeX counts them; an
    ``\\iftrue`` keeps its text and skips its ``\\else`` part.  So does a deck's own switch whose value
    is known (``values``: :func:`_switch_values`).  The text around them on their lines is kept.  One never
    closed is left as it is (TeX stops with an error there).  A verbatim line (``literal``) starts none."""
    conditionals = _PRIMITIVE_IFS | {mt.group(1) for line in lines for mt in _NEWIF.finditer(line)}
    out: list[str] = []
    new_index: list[int] = []
    new_literal: list[bool] = []
    k = 0
    while k < len(lines):
        switch = _switch_start(lines[k], index[k], values) if not literal[k] else None
        found = _conditional_read(lines, k, switch[0].end(), switch[1], conditionals) if switch else None
        if switch is None or found is None:
            out.append(lines[k])
            new_index.append(index[k])
            new_literal.append(literal[k])
            k += 1
            continue
        kept, stop, parted = found
        for piece, j in kept:  # (a blank line of the part kept is a paragraph's end)
            if piece is not None and (piece.strip() or not lines[j].strip()):
                out.append(piece)
                new_index.append(index[j])
                new_literal.append(False)
        if skipped is not None and (parted or not switch[1]):
            skipped.append((index[k], _switch_said(switch[0].group(1), switch[1], values.get(index[k]))))
        k = stop + 1
    return out, new_index, new_literal


def _switch_said(name: str, true: bool, known: tuple[bool, str] | None) -> str:
    """How a note names the switch ``\\if<name>`` that skips a part (``true``: its ``\\else`` part), and,
    when the setting it follows is under a condition Podium does not run (``known``), that condition."""
    said = f"\\if{name} … \\else" if true else f"\\if{name}"
    if known is None or not known[1]:
        return said
    return (
        f"{said} (set {str(true).lower()} by \\{name}{str(true).lower()}, the last setting, under "
        f"\\{known[1]}, which Podium does not run)"
    )


def _conditional_read(
    lines: list[str], k: int, at: int, true: bool, conditionals: frozenset[str] | set[str]
) -> tuple[list[tuple[str | None, int]], int, bool] | None:
    """What TeX reads of the ``\\iffalse`` (``true``: ``\\iftrue``) ending at ``at`` of line ``k``: the
    pieces of lines kept (with their line; None: a line skipped whole), the line of its ``\\fi`` and
    whether it has an ``\\else``; None if it has no ``\\fi``."""
    depth = 0
    keeping = true
    parted = False
    kept: list[tuple[str | None, int]] = []  # (None: a line skipped whole)
    for j in range(k, len(lines)):
        line = lines[j]
        i = at if j == k else 0
        piece = ""
        touched = keeping
        for mt in _CONDITIONAL.finditer(line, i):
            name, word = mt.group(1), mt.group(2)
            if name is not None and name in conditionals:
                depth += 1
            elif word == "else" and depth == 0:
                if keeping:
                    piece += line[i : mt.start()]
                keeping, i, parted = not keeping, mt.end(), True
                touched = touched or keeping
            elif word == "fi" and depth > 0:
                depth -= 1
            elif word == "fi":
                if keeping:
                    piece += line[i : mt.start()]
                kept.append((piece + line[mt.end() :], j))
                return kept, j, parted
        if keeping:
            piece += line[i:]
        kept.append((piece if touched else None, j))
    return None


_VERBATIM_ARG = re.compile(
    _INLINE_CODE_HEAD
    + r"([^\sA-Za-z{])|\\(?:url|href|lstinline)\s*(?=\{)|\\mintinline\s*(?:\[[^\]]*\])?\s*\{[^{}]*\}(?=\{)"
)


_TRAILING_COMMENT = re.compile(r"(?<!\\)%\s*$")


def _comment_at(line: str) -> int | None:
    """Where TeX's comment starts in ``line`` (a ``%`` not escaped by a backslash, nor inside ``\\verb|…|``,
    ``\\lstinline``, ``\\url{…}`` or ``\\href{…}``, which read it as a character), or None."""
    if "%" not in line:
        return None
    i = 0
    while i < len(line):
        c = line[i]
        if c == "\\":
            verbatim = _VERBATIM_ARG.match(line, i)
            if verbatim is not None and verbatim.group(1):  # \verb|…|: to the same delimiter
                close = line.find(verbatim.group(1), verbatim.end())
                i = close + 1 if close >= 0 else len(line)
                continue
            if verbatim is not None:  # \url{…}: to its closing brace
                close = balanced_group(line, verbatim.end())
                if close < 0 and (tail := _TRAILING_COMMENT.search(line, verbatim.end())) is not None:
                    return (
                        tail.start()
                    )  # (an address broken over lines: `…/%` ⏎ `rest}`, :func:`_addresses_joined`)
                i = close if close > 0 else len(line)
                continue
            i += 2
            continue
        if c == "%":
            return i
        i += 1
    return None


# a title command whose argument starts on the next line (``\title`` then ``{C preprocessor}``, or
# ``\title[short] % comment`` then ``{long}``), as TeX reads it: up to its short form's ``[``, which
# :func:`_joined_arguments` reads to its ``]`` (over lines too)
_META_BREAK = re.compile(r"\\(?:title|subtitle|author|institute|date)(?![A-Za-z@])\*?[ \t]*")
_ARGUMENT_AFTER = re.compile(
    r"(?:[ \t]*\n[ \t]*|[ \t]+)(?=[\[{])"
)  # (or a space between: ``\institute[] {``)


# a title command alone on its line (its comment cut off: ``\date%[short]``), its argument on the next
_META_ALONE = re.compile(
    r"^\s*\\(?:title|subtitle|author|institute|date|logo|titlegraphic)\*?\s*(?:\[[^\]]*\]\s*)?$"
)


def _meta_arguments_joined(lines: list[str], index: list[int]) -> None:
    """A title command's argument that starts on the next line (``\\date%[short]`` then ``{28 Ottobre}``)
    joined to it, in place, as TeX reads it: the comment's ``%`` takes the line's end with it (and a
    line's end is a space, which TeX passes over before an argument)."""
    alone = [k for k, line in _outside_verbatim(lines, 0) if "\\" in line and _META_ALONE.match(line)]
    for k in reversed(alone):  # (from the last: the lines before keep their places)
        while k + 1 < len(lines) and _META_ALONE.match(lines[k]) and lines[k + 1].lstrip()[:1] in ("{", "["):
            lines[k] = lines[k].rstrip() + lines.pop(k + 1).strip()  # (\title, [short], {long}: a line each)
            del index[k + 1]


# an address whose group may be left open at its line's end
_ADDRESS_OPEN = re.compile(r"\\(?:url|href)\s*(?=\{)")
MAX_ADDRESS_LINES = 5  # the most lines an address broken over lines is joined from


def _addresses_joined(lines: list[str], index: list[int]) -> None:
    """An address broken over lines (``\\url{…/%`` ⏎ ``rest}``, ``\\href``'s too) joined into one line, in
    place, as TeX reads it: the comment's ``%`` takes the line's end and the next line's leading spaces
    with it (and url's ``\\url`` passes over spaces), so the address is its pieces joined."""
    opened = [k for k, line in _outside_verbatim(lines, 0) if "\\url" in line or "\\href" in line]
    for k in reversed(opened):  # (from the last: the lines before keep their places)
        for _ in range(MAX_ADDRESS_LINES):
            if k + 1 >= len(lines) or all(
                balanced_group(lines[k], mt.end()) > 0 for mt in _ADDRESS_OPEN.finditer(lines[k])
            ):
                break
            lines[k] = lines[k].rstrip() + lines.pop(k + 1).strip()
            del index[k + 1]


def _joined_arguments(text: str) -> tuple[str, list[int]]:
    """``text`` with the line break between a title command (its short form, ``[…]``, over lines too) and its
    argument taken out, and where (in the new text) each was taken out, so that a line of the new text is
    still found in the old."""
    parts: list[str] = []
    cuts: list[int] = []
    last = size = 0
    for mt in _META_BREAK.finditer(text):
        if mt.start() < last:
            continue
        at = mt.end()
        if text.startswith("[", at) and (close := balanced_group(text, at, "[", "]")) > 0:
            at = close
        space = _ARGUMENT_AFTER.match(text, at)
        if space is None:
            continue
        parts.append(text[last:at])
        size += at - last
        if "\n" in space.group(0):
            cuts.append(size)
        last = space.end()
    parts.append(text[last:])
    return "".join(parts), cuts


def _frames_in_preamble(lines: list[str], index: list[int], out: Converted) -> None:
    """A warning for frames before ``\\begin{document}`` (written there, or in a file the preamble
    ``\\input``s), which LaTeX does not show."""
    skipped = _in_hooks(lines) | _in_definitions(lines)  # (a frame there is shown where it is used)
    frames = [k for k, line in enumerate(lines) if line.lstrip().startswith(_FRAME) and k not in skipped]
    _frames_warning(
        frames,
        index,
        out,
        "frame(s) before \\begin{document} are left out, as LaTeX shows nothing before it: put them (or the "
        "\\input of their file) after \\begin{document}",
        "outside-frame",
    )


_HOOK = re.compile(r"\\AtBegin(?:Section|Subsection|Subsubsection|Part|Lecture)\s*(?:\[[^\]]*\])?\s*(?=\{)")


def _in_hooks(lines: list[str]) -> set[int]:
    """The lines inside ``\\AtBeginSection{…}`` (``Subsection``, ``Part``, ``Lecture``): the frame beamer
    shows at each section's start (its contents, "current section" marked), not a slide of its own."""
    text = "\n".join(lines)
    inside: set[int] = set()
    for mt in _HOOK.finditer(text):
        close = balanced_group(text, mt.end())
        if close > 0:
            inside.update(range(text.count("\n", 0, mt.start()), text.count("\n", 0, close) + 1))
    return inside


# what defines a command or an environment (LaTeX's, xparse's, environ's, TeX's own), up to its name
_DEFINES = re.compile(
    r"\\(?:(?:re)?newcommand|providecommand|DeclareRobustCommand|(?:re)?newenvironment|(?:New|Renew|Provide|Declare)Document"
    r"(?:Command|Environment)|(?:New|Renew)Environ|(?:long\\)?[gex]?def)\*?(?![A-Za-z@])\s*"
)
_DEFINED_NAME = re.compile(r"\\[A-Za-z@]+|\\.")  # (\def\x, \newcommand\x: a name not braced)
_DEFINITION_PART = re.compile(r"\s*(?:<>|#\d|(?=[{\[]))")  # (its arguments' count and default, its bodies)


def _in_definitions(lines: list[str]) -> set[int]:
    """The lines of the commands and environments ``lines`` define (``\\newenvironment{wideframe}{\\begin{frame}}
    {\\end{frame}}``, ``\\newcommand``, ``\\def``, xparse's ``\\NewDocumentEnvironment``): a frame written there
    is shown where the deck uses them, not where it is defined."""
    text = "\n".join(lines)
    inside: set[int] = set()
    for start, end in _definition_spans(text):
        inside.update(range(text.count("\n", 0, start), text.count("\n", 0, end) + 1))
    return inside


def _definition_spans(text: str) -> list[tuple[int, int]]:
    """Where each definition of a command or an environment in ``text`` starts and ends (its name, its
    arguments' count and default, its bodies)."""
    return [(start, end) for start, _, end in _definition_parts(text)]


def _definition_parts(text: str) -> list[tuple[int, int, int]]:
    """Where each definition of :func:`_definition_spans` starts, where its name ends and where it ends."""
    spans: list[tuple[int, int, int]] = []
    for mt in _DEFINES.finditer(text):
        if spans and mt.start() < spans[-1][2]:
            continue
        name = _DEFINED_NAME.match(text, mt.end())
        at = named = mt.end() if name is None else name.end()
        while (part := _DEFINITION_PART.match(text, at)) is not None and "\n\n" not in part.group(0):
            at = part.end()
            if text.startswith(("{", "["), at):
                close = balanced_group(text, at, text[at], "}" if text[at] == "{" else "]")
                if close < 0:
                    break
                at = close
            elif part.end() == part.start():
                break
        spans.append((mt.start(), named, at))
    return spans


# what only sets TeX up, printing nothing: \let, \global, \relax, a length set
_SETTING_UP = re.compile(
    r"\\(?:global|relax|makeatletter|makeatother)(?![A-Za-z@])"
    r"|\\let\s*\\[A-Za-z@]+\s*=?\s*\\(?:[A-Za-z@]+|.)"
    r"|\\(?:setlength|addtolength)\s*\{?\s*\\[A-Za-z@]+\s*\}?\s*\{[^{}]*\}"
)


def _setup_macros(found: dict[str, _Macro]) -> set[str]:
    """The names of the macros among ``found`` that only set TeX up, printing nothing where they are used: a
    body of definitions (``\\renewcommand\\item…``, ``\\renewenvironment{itemize}…``, ``\\def\\par{…}``),
    ``\\let``, length settings and uses of other such macros (a course's ``\\stretchon``, which respaces
    its lists)."""
    setup: set[str] = set()
    while True:
        names = "|".join(sorted(map(re.escape, setup), key=len, reverse=True))
        use = re.compile(r"\\(?:" + names + r")(?![A-Za-z@])") if setup else None
        more = set()
        for name, macro in found.items():
            body = macro.body
            if name in setup or "\\" not in body:
                continue
            for start, end in reversed(_definition_spans(body)):
                body = body[:start] + " " + body[end:]
            body = _SETTING_UP.sub(" ", body)
            body = use.sub(" ", body) if use is not None else body
            if not body.replace("%", "").strip():
                more.add(name)
        if not more:
            return setup
        setup |= more


def _definitions_between_frames(lines: list[str], start: int, end: int) -> set[int]:
    """The lines of the definitions (:func:`_in_definitions`) in ``lines[start:end]`` that stand outside a
    frame: a frame written in one is shown where it is used (:func:`_body_macros`), not where it is
    defined; a frame's own definitions are its reader's."""
    inside = {start + j for j in _in_definitions(lines[start:end])}
    kept: set[int] = set()
    depth = 0
    for k in range(start, end):
        if k in inside:
            if depth <= 0:
                kept.add(k)
            continue
        depth += lines[k].count(_FRAME) - lines[k].count(_FRAME_END)
    return kept


def _preamble(lines: list[str], index: list[int], out: Converted, macros: bool = True) -> None:
    """The front matter from the preamble's commands; its macros (``header-includes``; not with
    ``macros`` False: title commands written after ``\\begin{document}``)."""
    text, cuts = _joined_arguments("\n".join(lines))
    text = _meta_braces_closed(text, cuts, index, out)
    for piece in find_raw_tex(text, markdown=False):
        value = piece.args[piece.kinds.rfind("{")] if "{" in piece.kinds else None
        if value is None:
            continue
        line = index[text.count("\n", 0, piece.start) + bisect.bisect_right(cuts, piece.start)] + 1
        key = piece.name if piece.name in _META else None
        if key is not None:
            value, thanks = _title_footnotes(value, "thanks|footnote")
            if thanks:  # (beamer: a mark after the name, the text at the title page's foot)
                out.warnings.append(
                    (
                        line - 1,
                        f'the \\thanks note in \\{key} is left out ("{_words(thanks[0])[:40]}"): '
                        "Podium's title slide has no footnotes",
                        "title-note",
                    )
                )
            out.meta[key] = _field_commands(key, _words(value, lines=key != "date"), line - 1, out)
            out.key_lines[key] = line
            short = re.sub(r"\\insert\w+|\\thepage\b", "", piece.args[0])  # (beamer's \insertframenumber)
            if key == "title" and piece.kinds.startswith("[") and re.search(r"\w", short):
                out.meta["footer"] = _words(short)  # \title[short]{long}: beamer's footline
        elif piece.name == "graphicspath":
            out.meta["graphicspath"] = [d for d in re.findall(r"\{([^{}]*)\}", value) if d.strip()]
        elif piece.name in ("logo", "titlegraphic") and "logo" not in out.meta:
            graphic = _GRAPHIC.search(value)
            if graphic is not None:
                out.meta["logo"] = graphic.group(1).strip()
                out.key_lines["logo"] = line
    if "\\" in text and macros:
        out.meta["header-includes"] = text  # (the reader takes the macro definitions from it)
        named = contents_name(text) if "toc-title" not in out.meta else None
        if named:  # (the deck's own name for its contents: the contents slide's title)
            out.meta["toc-title"] = named
        language = _main_language(text)
        if language is not None:
            out.meta["lang"], out.key_lines["lang"] = language[0], index[text.count("\n", 0, language[1])] + 1


# what only sets a title field's look (a type face, a font, spacing): the template's, left out
_FIELD_LOOK = re.compile(
    r"\\(?:bfseries|itshape|scshape|sffamily|rmfamily|ttfamily|upshape|mdseries|normalfont|slshape|em|bf|it|sc|sl"
    r"|rm|sf|tt|selectfont|strut|null|relax|protect|usebeamerfont\*?\s*\{[^{}]*\}"
    r"|usebeamercolor\*?\s*(?:\[[^\]]*\])?\s*\{[^{}]*\}|fontsize\s*\{[^{}]*\}\s*\{[^{}]*\}"
    r"|[hv]space\*?\s*\{[^{}]*\})(?![A-Za-z])\s*"
)
_FIELD_TOKEN = re.compile(r"(?<!\\)\$[^$]*\$|\\\(.*?\\\)|\\(?:([A-Za-z]+)\*?|.)")


def _field_commands(key: str, value: str, line: int, out: Converted) -> str:
    """A title field's words (``\\date{…}``, ``\\author{…}``) with the commands the front matter's reading
    does not know read as a frame's text reads them: one that sets its look (``\\bfseries``,
    ``\\usebeamerfont{…}``) left out; another (``\\foo{x}``) its arguments' words, with a warning at ``line``
    (0-based); math (``$…$``) kept."""
    from .reader import _META_LOGO, META_TEX_NAMES, TEX_SYMBOLS  # noqa: PLC0415 (the reader imports this module)

    at, changed = 0, False
    while (mt := _FIELD_TOKEN.search(value, at)) is not None:
        name = mt.group(1)
        at = mt.end()
        if (
            name is None
            or name in META_TEX_NAMES
            or name in TEX_SYMBOLS
            or _META_LOGO.match(value, mt.start())
        ):
            continue
        look = _FIELD_LOOK.match(value, mt.start())
        if look is not None:
            value, at, changed = value[: mt.start()] + value[look.end() :], mt.start(), True
            continue
        args, end = [], at
        while (arg := re.compile(r"\s*(?:\[[^\]{}]*\]\s*)*(?=\{)").match(value, end)) is not None:
            close = balanced_group(value, arg.end())
            if close < 0:
                break
            args.append(value[arg.end() + 1 : close - 1].strip())
            end = close
        words = " ".join(a for a in args if a)
        out.warnings.append(
            (
                line,
                f"raw TeX '\\{name}' in \\{key} is not known: "
                + ("its argument's words are kept, without the command" if words else "it is left out"),
                "raw-tex",
            )
        )
        value, at, changed = value[: mt.start()] + words + value[end:], mt.start(), True
    return re.sub(r"[ \t]+", " ", value).strip() if changed else value


_META_OPEN = re.compile(r"\\(title|subtitle|author|institute|date)\*?[ \t]*(?:\[[^\]\n]*\])?[ \t]*\{")


def _meta_braces_closed(text: str, cuts: list[int], index: list[int], out: Converted) -> str:
    """``text`` (the preamble's, or a title command's) with the brace of a title command that is never
    closed (``\\title{Lecture 3`` and no ``}``) closed at the end of its line, with a warning: TeX would
    stop there, and the lines after it (``\\author{…}``) are read as they are."""
    at = 0
    while (mt := _META_OPEN.search(text, at)) is not None:
        at = mt.end()
        if balanced_group(text, mt.end() - 1) > 0:
            continue
        end = text.find("\n", mt.end())
        end = len(text) if end < 0 else end
        words = _one_line(text[mt.end() : end])
        line = index[
            min(text.count("\n", 0, mt.start()) + bisect.bisect_right(cuts, mt.start()), len(index) - 1)
        ]
        out.warnings.append(
            (
                line,
                f"\\{mt.group(1)}'s brace is never closed: its argument is taken to the end of its line "
                f'("{words[:40]}"); close it with }}',
                "unclosed-group",
            )
        )
        text = text[:end] + "}" + text[end:]
        out.warnings[:] = [w for w in out.warnings[:-1] if w[0] != line or w[2] != "unclosed-group"] + [
            out.warnings[-1]
        ]  # (said here with its words, not also as a title command that runs into a frame)
    return text


# babel's and polyglossia's names of languages, as the language tags a lecture's `lang` takes
_LANGUAGES = {
    **dict.fromkeys(("english", "american", "usenglish", "canadian"), "en"),
    **dict.fromkeys(("british", "ukenglish", "australian", "newzealand"), "en-GB"),
    **dict.fromkeys(("french", "francais", "frenchb", "acadian", "canadien"), "fr"),
    **dict.fromkeys(("german", "ngerman"), "de"),
    **dict.fromkeys(("austrian", "naustrian"), "de-AT"),
    **dict.fromkeys(("swissgerman", "nswissgerman"), "de-CH"),
    **dict.fromkeys(("spanish", "castilian"), "es"),
    **dict.fromkeys(("portuguese", "portuges"), "pt"),
    **dict.fromkeys(("brazil", "brazilian"), "pt-BR"),
    **dict.fromkeys(("norsk", "bokmal", "norwegian"), "nb"),
    **dict.fromkeys(("hungarian", "magyar"), "hu"),
    **dict.fromkeys(("persian", "farsi"), "fa"),
    **dict.fromkeys(("slovene", "slovenian"), "sl"),
    "russian": "ru",
    "ukrainian": "uk",
    "italian": "it",
    "dutch": "nl",
    "polish": "pl",
    "czech": "cs",
    "slovak": "sk",
    "japanese": "ja",
    **dict.fromkeys(
        ("chinese", "chinese-simplified", "chinese-hans", "chinese-hans-cn", "chinese-hans-sg"), "zh"
    ),
    **dict.fromkeys(
        ("chinese-traditional", "chinese-hant", "chinese-hant-tw", "chinese-hant-hk", "chinese-hant-mo"),
        "zh-Hant",
    ),
    "korean": "ko",
    "arabic": "ar",
    "hebrew": "he",
    "turkish": "tr",
    "greek": "el",
    "swedish": "sv",
    "danish": "da",
    "nynorsk": "nn",
    "finnish": "fi",
    "romanian": "ro",
    "catalan": "ca",
    "croatian": "hr",
    "serbian": "sr",
    "bulgarian": "bg",
    "vietnamese": "vi",
    "indonesian": "id",
    "estonian": "et",
    "latvian": "lv",
    "lithuanian": "lt",
    "icelandic": "is",
    "irish": "ga",
    "welsh": "cy",
    "galician": "gl",
    "basque": "eu",
    "hindi": "hi",
    "thai": "th",
}
_BABEL = re.compile(r"\\(?:usepackage|RequirePackage)\s*(?:\[([^\]]*)\])?\s*\{[^{}]*\bbabel\b[^{}]*\}")
_POLYGLOSSIA = re.compile(r"\\set(?:main|default)language\s*(?:\[[^\]]*\])?\s*\{\s*(\w+)\s*\}")
_CLASS_OPTIONS = re.compile(r"\\documentclass\s*\[([^\]]*)\]")
# xeCJK's and ctex's fonts (\setCJKmainfont{Noto Sans CJK TC}), and the names of fonts made for Traditional
# Chinese: Taiwan's, Hong Kong's (TC, HK, TW, Hant in a family's name; Windows', macOS' and Arphic's faces)
_CJK_FONT = re.compile(
    r"\\set(?:CJK(?:main|sans|mono)font|CJKfamilyfont\s*\{[^{}]*\})\s*(?:\[[^\]]*\])?\s*\{([^{}]*)\}"
)
_TRADITIONAL_FONT = re.compile(
    r"\b(?:TC|HK|TW|Hant)\b|JhengHei|P?MingLiU|DFKai|BiauKai|AR PL (?:UMing|UKai|New Sung|New Kai)|LiHei|LiSong"
    r"|[細新]明體|標楷體|正黑體"
)
_CHINESE = re.compile(
    r"\\documentclass\s*(?:\[[^\]]*\])?\s*\{ctex\w*\}"
    r"|\\(?:usepackage|RequirePackage)\s*(?:\[[^\]]*\])?\s*\{[^{}]*\b(?:ctex|xeCJK)\b[^{}]*\}"
)


def _main_language(preamble: str) -> tuple[str, int] | None:
    """The deck's language as a language tag (``fr``), and where the preamble says it: polyglossia's
    ``\\setmainlanguage{french}``, or babel's main language (``main=``, else its last language option, else
    the last one among the class's options, which babel takes too: ``\\documentclass[ngerman]{beamer}``)."""
    chosen = _POLYGLOSSIA.search(preamble)
    if chosen is not None and chosen.group(1).lower() in _LANGUAGES:
        return _LANGUAGES[chosen.group(1).lower()], chosen.start()
    babel = _BABEL.search(preamble)
    for options, at in (
        ((babel.group(1) or "", babel.start()), (_class_options(preamble), babel.start())) if babel else ()
    ):
        names = [o.strip().lower() for o in options.split(",")]
        main = next((n.split("=", 1)[1].strip() for n in names if n.startswith("main=")), None)
        found = [n for n in names if n in _LANGUAGES]
        if main in _LANGUAGES or found:
            return _LANGUAGES[main if main in _LANGUAGES else found[-1]], at
    chinese = _CHINESE.search(preamble)  # (ctex's classes and packages, xeCJK: Chinese typesetting)
    if chinese is None:
        return None
    fonts = " ".join(mt.group(1) for mt in _CJK_FONT.finditer(preamble))
    return ("zh-Hant" if _TRADITIONAL_FONT.search(fonts) else "zh"), chinese.start()


# babel's shorthands: what `"` and the characters after it print, in the languages whose babel makes `"`
# active (a discretionary hyphen or a ligature's break prints nothing; a hyphen that does not break, `-`)
_BREAKS = {"|": "", "-": "", '"': "", "~": "-", "=": "-"}
_CYRILLIC_SHORTHANDS = {
    **_BREAKS,
    "---": "\u2014",
    "--~": "\u2014",
    "--*": "\u2014",
    "--": "\u2013",
    ",": "\u2009",
    "`": "\u201e",
    "'": "\u201c",
    "<": "\u00ab",
    ">": "\u00bb",
}
_GERMAN_SHORTHANDS = {
    **_BREAKS,
    **dict(zip("aeiouAEIOU", "äëïöüÄËÏÖÜ")),
    "s": "\u00df",
    "z": "\u00df",
    "S": "SS",
    "Z": "SZ",
    "ck": "ck",
    **{c * 2: c * 2 for c in "flmnprtFLMNPRT"},  # ("ff: the old spelling's hyphenation, ff printed)
    "`": "\u201e",
    "'": "\u201c",
    "<": "\u00ab",
    ">": "\u00bb",
}
_POLISH_SHORTHANDS = {
    **{k: v for k, v in _BREAKS.items() if k != '"'},
    **dict(zip("aAeEcClLnNoOsSxXzZ", "ąĄęĘćĆłŁńŃóÓśŚźŹżŻ")),
    ",": "\u201e",
    "'": "\u201d",
    "<": "\u00ab",
    ">": "\u00bb",
}
_SHORTHANDS = {
    "ru": _CYRILLIC_SHORTHANDS,
    "uk": _CYRILLIC_SHORTHANDS,
    "de": _GERMAN_SHORTHANDS,
    "de-AT": _GERMAN_SHORTHANDS,
    "de-CH": _GERMAN_SHORTHANDS,
    "pl": _POLISH_SHORTHANDS,
}
# csquotes' quotation marks (outer open and close, inner open and close) in the lecture's language
_ENQUOTE_MARKS = {
    "en": ("\u201c", "\u201d", "\u2018", "\u2019"),
    "en-GB": ("\u2018", "\u2019", "\u201c", "\u201d"),
    **dict.fromkeys(("ru", "uk"), ("\u00ab", "\u00bb", "\u201e", "\u201c")),
    **dict.fromkeys(("de", "de-AT", "cs", "sk"), ("\u201e", "\u201c", "\u201a", "\u2018")),
    "de-CH": ("\u00ab", "\u00bb", "\u2039", "\u203a"),
    **dict.fromkeys(("pl", "ro"), ("\u201e", "\u201d", "\u00ab", "\u00bb")),
    "hu": ("\u201e", "\u201d", "\u00bb", "\u00ab"),
    "fr": ("\u00ab\u00a0", "\u00a0\u00bb", "\u201c", "\u201d"),
    **dict.fromkeys(("es", "it", "pt", "ca"), ("\u00ab", "\u00bb", "\u201c", "\u201d")),
    **dict.fromkeys(("nb", "nn"), ("\u00ab", "\u00bb", "\u2018", "\u2019")),
    **dict.fromkeys(("sv", "fi"), ("\u201d", "\u201d", "\u2019", "\u2019")),
}
# what babel's shorthands leave alone on a line: inline code, math, addresses, an accent's \"
_NO_SHORTHANDS = re.compile(
    _INLINE_CODE_HEAD + r"(?:([^\sA-Za-z{])(?:.*?)\1|\{[^{}]*\})"
    r"|(?<!\\)\$\$.*?\$\$|(?<!\\)\$(?:\\.|[^$\\])+\$|\\\(.*?\\\)|\\\[.*?\\\]"
    r"|\\(?:url|href|label|ref|eqref|cite[a-z]*|includegraphics|input|include)\s*(?:\[[^\]]*\])?\s*\{[^{}]*\}"
    r"|\\[\"\\]"
)
_ENQUOTE = re.compile(r"\\enquote(\*?)\s*\{")


def _babel_text(lines: list[str], begin: int) -> None:
    """The deck's text (its frames and its title commands) with babel's shorthands (``"---`` in Russian,
    ``"a`` in German) as what they print, where the preamble loads babel with a language that has them, and
    csquotes' ``\\enquote{…}`` in the quotation marks of the deck's language (« » in Russian); code (verbatim
    environments, ``\\verb``, ``\\lstinline``), math and addresses keep their characters."""
    if begin < 0:
        return
    preamble = "\n".join(lines[:begin])
    language = _main_language(preamble)
    tag = language[0] if language is not None else "en"
    babel = _BABEL.search(preamble) is not None and _POLYGLOSSIA.search(preamble) is None
    table = _SHORTHANDS.get(tag) if babel else None
    if table is None and "\\enquote" not in "\n".join(lines):
        return
    shorthand = (
        re.compile(r'"(' + "|".join(re.escape(s) for s in sorted(table, key=len, reverse=True)) + ")")
        if table is not None
        else None
    )
    marks = _ENQUOTE_MARKS.get(tag, _ENQUOTE_MARKS.get(tag.split("-")[0], _ENQUOTE_MARKS["en"]))

    def printed(text: str) -> str:
        if shorthand is not None and '"' in text:
            assert table is not None
            text = shorthand.sub(lambda mt: table[mt.group(1)], text)
        return text

    meta = [k for k in range(begin) if _META_COMMAND.match(lines[k].strip())]
    depth = 0  # environments open whose lines are math or a picture's code (TeX's own)
    for k, line in [(k, lines[k]) for k in meta] + list(_outside_verbatim(lines, begin + 1)):
        before = depth
        for mt in _ENV.finditer(line):
            if mt.group(2).rstrip("*") in _MATH_ENVS or mt.group(2).rstrip("*") in _PICTURE_ENVS:
                depth = max(0, depth + (1 if mt.group(1) == "begin" else -1))
        if before or depth:
            continue
        if "\\enquote" in line:
            line = _enquoted(line, marks)
        lines[k] = outside(_NO_SHORTHANDS, line, printed) if table is not None and '"' in line else line


def _enquoted(text: str, marks: tuple[str, str, str, str], inner: bool = False) -> str:
    """``text`` with each ``\\enquote{…}`` as its words between ``marks`` (the outer pair; a quotation inside
    a quotation, or ``\\enquote*``, the inner one), as csquotes prints them."""
    out, at = [], 0
    for mt in _ENQUOTE.finditer(text):
        if mt.start() < at:
            continue
        close = balanced_group(text, mt.end() - 1)
        if close < 0:
            break
        own = inner != bool(mt.group(1))  # (\enquote* swaps the pair)
        words = _enquoted(text[mt.end() : close - 1], marks, not inner)
        out += [text[at : mt.start()], marks[2 if own else 0], words, marks[3 if own else 1]]
        at = close
    return "".join(out) + text[at:]


def _class_options(preamble: str) -> str:
    options = _CLASS_OPTIONS.search(preamble)
    return options.group(1) if options else ""


def _bibliography(lines: list[str], index: list[int], out: Converted) -> None:
    """``\\bibliography{refs}`` (BibTeX) or ``\\addbibresource{refs.bib}`` (biblatex), anywhere."""
    nocite = [
        k.strip()
        for line in lines
        for keys in re.findall(r"\\nocite\{([^{}]*)\}", line)
        for k in keys.split(",")
    ]
    if nocite:  # (\nocite{*}: every entry listed, as pandoc's nocite: "@*")
        out.meta["nocite"] = ", ".join("@" + k for k in nocite if k)
    for k, line in enumerate(lines):
        found = re.search(r"\\(bibliography|addbibresource)\s*(?:\[[^\]]*\])?\s*\{([^{}]+)\}", line)
        if found is None:
            continue
        names = [n.strip() for n in found.group(2).split(",") if n.strip()]
        if found.group(1) == "bibliography":
            names = [n if n.endswith(".bib") else n + ".bib" for n in names]
        out.meta["bibliography"] = names[0] if len(names) == 1 else names
        out.key_lines["bibliography"] = index[k] + 1
        return


def _braced_accents(text: str) -> str:
    """TeX's accents as the reader reads them in any lecture: ``\\"O`` at a word's start braced (``\\"{O}``:
    in a Markdown lecture ``\\"`` may be an escaped quote, in a .tex file never), ``\\~{}`` a tilde."""
    text = text.replace("\\~{}", "~").replace("\\textasciitilde{}", "~")
    return re.sub(r"(?<!\\)\\([\"'`^~=.])([A-Za-z])", r"\\\1{\2}", text)


# `\renewcommand{\contentsname}{…}`, `\renewcommand*\contentsname{…}`, `\def\contentsname{…}` (babel's
# `\addto\captionschinese{…}` holds one of them)
_CONTENTS_NAME = re.compile(
    r"\\(?:(?:renew|provide|new)command\*?|g?def)[ \t]*(?:\{[ \t]*\\contentsname[ \t]*\}|\\contentsname(?![A-Za-z]))[ \t]*\{"
)


def contents_name(tex: str) -> str | None:
    """The words the LaTeX of a lecture's header (a beamer deck's preamble, ``header-includes``,
    ``in_header`` files) names its contents with (``\\renewcommand{\\contentsname}{目录}``, perhaps in
    babel's ``\\addto\\captions…``); the last such name, as TeX keeps the last; None for none."""
    name = None
    for found in _CONTENTS_NAME.finditer(tex) if "\\contentsname" in tex else ():
        end = balanced_group(tex, found.end() - 1)
        if end > 0:
            words = _words(tex[found.end() : end - 1])
            words = re.sub(r"\\[A-Za-z]+\*?[ \t]*|[{}]", "", words).strip()  # (\textbf{…}: its words)
            name = words or name
    return name


def _words(tex: str, lines: bool = False) -> str:
    """A preamble value (a title, an author) as the words it prints: on one line, TeX's accents, spaces
    and ties read (``f\\"ur``, ``Dr.\\ Ada``), as in a frame's text.  With ``lines``, its line breaks
    outside groups (``\\\\``, ``\\newline``) are kept as ``\\\\`` between the lines' words (the front
    matter's reader shows each line as a line of its own, as beamer's title page does)."""
    if lines:
        pieces = [_words(piece) for piece in _top_level_breaks(tex)]
        return " \\\\ ".join(piece for piece in pieces if piece)
    line = _braced_accents(_one_line(tex))
    words = tex_text(line, tex=True) or line  # (a .tex file's text: <<…>> «…», as in its frames)
    return outside(_CODE_SPAN, words, _symbols) if "\\" in words else words


def _top_level_breaks(tex: str) -> list[str]:
    """``tex`` cut at its line breaks (``\\\\``, ``\\\\[1ex]``, ``\\newline``) that no group holds."""
    pieces, at, depth, k = [], 0, 0, 0
    while k < len(tex):
        c = tex[k]
        if c == "\\":
            mt = _TITLE_BREAK.match(tex, k)
            if mt is not None and depth == 0:
                pieces.append(tex[at:k])
                at = k = mt.end()
                continue
            k += 2
            continue
        depth += (c == "{") - (c == "}")
        k += 1
    return [*pieces, tex[at:]]


_TITLE_BREAK = re.compile(r"\\\\\*?(?:\s*\[[^\]\n]*\])?|\\newline(?![A-Za-z])")


def _symbols(text: str) -> str:
    """``text`` with TeX's symbols and logos (``\\LaTeX``, ``\\TeX``, ``\\ldots``, ``\\copyright``) as what
    a frame's text prints for them (the reader's :data:`~podium.reader.TEX_SYMBOLS`; ``\\LaTeX{}``'s
    empty group too)."""
    from .reader import TEX_SYMBOLS  # noqa: PLC0415 (the reader imports this module)

    def printed(mt: re.Match) -> str:
        said = TEX_SYMBOLS.get(mt.group(1))
        return mt.group(0) if said is None or "<" in said else said  # (\newline: the line's own break)

    return re.sub(r"(?<!\\)\\([A-Za-z]+)(?![A-Za-z])(?:\{\})?", printed, text)


def _one_line(tex: str) -> str:
    """A title's TeX on one line (``\\\\`` and ``\\newline`` as spaces, a tie ``~`` a no-break space),
    a group around all of it (``{\\large Survey and\\\\ Experiment}``) opened with its declarations
    left out: the deck's title has the template's size, and a Markdown heading ending in ``}`` would
    read the group as its attributes."""
    tex = re.sub(r"\\string\s*([~#$%&_^])", r"\1", tex) if "\\string" in tex else tex  # (\string~: a tilde)
    spaced = re.sub(r"\\\\(?:\[[^\]]*\])?|\\newline\b|\\(?:enspace|quad|qquad|thinspace)\b\s*", " ", tex)
    if "\\" in spaced:  # (\lstinline{x} code; \tiny, \vspace{2cm}: the template's size and spacing)
        spaced = _INLINE_VERBATIM.sub(
            lambda mt: _code_span(mt.group(2) if mt.group(2) is not None else mt.group(3)), spaced
        )
        spaced = outside(_CODE_SPAN, spaced, lambda part: _UNPRINTED_IN_TITLE.sub("", _GLUE.sub("", part)))
    one = re.sub(r"[ \t\r\n]+", " ", spaced).strip()
    one = outside(_ADDRESS, one, lambda part: re.sub(r"(?<!\\)~", "\u00a0", part)) if "~" in one else one
    while one.startswith("{") and balanced_group(one, 0) == len(one):
        one = _DECLARATIONS.sub("", one[1:-1]).strip()
    one = _bare_groups(one) if "{" in one else one
    # (\'Etude: its accent read as a frame's text reads it, after the bare groups: \'{E} is no group)
    return outside(_CODE_SPAN, one, _braced_accents) if "\\" in one else one


# what prints nothing in a title or a name: a size, spacing, alignment (the template's)
_UNPRINTED_IN_TITLE = re.compile(
    r"\\(?:tiny|scriptsize|footnotesize|small|normalsize|large|Large|LARGE|huge|Huge|vfill|hfill|par|"
    r"centering|raggedright|raggedleft|noindent|smallskip|medskip|bigskip|selectfont)(?![A-Za-z])\s*"
)
# an address (``\url{…}``, ``\href{…}``'s first argument) or a code span, whose ``~`` is a tilde
_ADDRESS = re.compile(r"\\(?:url|href)\s*\{[^{}]*\}|(`+)[^`]*?\1(?!`)")


def _title_footnotes(title: str, names: str = "footnote") -> tuple[str, list[str]]:
    """A frame's title without its footnotes (``\\footnote{\\url{…}}``; the commands ``names``, as a
    regular expression), and their texts, which the slide shows at its foot."""
    if not re.search(rf"\\(?:{names})(?![A-Za-z])", title):
        return title, []
    notes: list[str] = []
    out, at = [], 0
    for mt in re.finditer(rf"\\(?:{names})\s*(?:\[[^\]]*\])?\s*(?=\{{)", title):
        if mt.start() < at:
            continue
        close = balanced_group(title, mt.end())
        if close < 0:
            continue
        notes.append(title[mt.end() + 1 : close - 1].strip())
        out.append(title[at : mt.start()])
        at = close
    return ("".join(out) + title[at:]).strip(), [n for n in notes if n]


def _bare_groups(text: str) -> str:
    """``text`` with each group that is no command's argument (``{\\footnotesize mail}``, ``{HW }``, and
    groups in a row: ``{\\bfseries A}{\\itshape B}``) as its content, the size or face it declares left
    out (a title's and a name's look are the template's); the groups in its math (``$c_{i-1}$``) are the
    math's."""
    out: list[str] = []
    at = 0
    maths = [mt.span() for mt in _INLINE_MATH.finditer(text)] if "$" in text or "\\(" in text else []
    for mt in re.finditer(r"(?<![A-Za-z\]\\>])\{", text):  # (`\only<2>{x}`: its argument)
        if mt.start() < at or any(a <= mt.start() < b for a, b in maths):
            continue
        if text[mt.start() - 1 : mt.start()] == "}" and (not out or at != mt.start()):
            continue  # (a command's next argument: \textcolor{red}{x}; after a bare group, one too)
        close = balanced_group(text, mt.start())
        if close < 0:
            continue
        out.append(
            text[at : mt.start()] + _bare_groups(_DECLARATIONS.sub("", text[mt.start() + 1 : close - 1]))
        )
        at = close
    return "".join(out) + text[at:]


def _outline(lines: list[str], start: int, end: int) -> list[tuple[int, str]]:
    """The deck's sections and subsections in order: (1 or 2, the title), as beamer's contents lists them;
    none when it has no subsection (Podium's own contents slide lists its sections)."""
    found: list[tuple[int, str]] = []
    for _, line in _outside_verbatim(lines[:end], start):
        s = line.strip()
        section = _SECTION.match(s) if s.startswith("\\") else None
        close = balanced_group(s, section.end() - 1) if section is not None else -1
        if (
            section is not None
            and close > 0
            and section.group(1) in ("section", "subsection")
            and not _STARRED.match(s)  # (a starred one is in no contents)
        ):
            found.append((1 if section.group(1) == "section" else 2, _one_line(s[section.end() : close - 1])))
    return found if any(depth == 2 for depth, _ in found) else []


def _contents(
    command: str,
    title: str,
    start: int,
    stop: int,
    add,
    out: Converted,
    outline: list[tuple[int, str]] | None,
    slid: bool = False,
) -> bool:
    """A frame of ``\\tableofcontents`` (``command``): the lecture's contents slide (``toc: true``); where
    the deck has subsections (``outline``), a slide of its own here listing them under their sections, as
    beamer lists them; after another slide (``slid``), a contents slide here, as beamer keeps its frames in
    order.  One of the current section's is beamer's only, left out."""
    if "toc" in out.meta or "current" in command:
        return False
    if slid and not outline:  # (the reader lists the sections on a slide of only \tableofcontents)
        add(
            start,
            "",
            "## " + (title or out.meta.get("toc-title") or podium_label(out.meta.get("lang"), "contents")),
            "",
            "\\tableofcontents",
            "",
        )
        out.meta["toc"] = False
        return True
    if outline and "subsections" not in command:  # (\tableofcontents[hideallsubsections]: Podium's own)
        add(
            start,
            "",
            "## " + (title or out.meta.get("toc-title") or podium_label(out.meta.get("lang"), "contents")),
            "",
        )
        for depth, words in outline:
            add(start, "  " * (depth - 1) + "- " + words)
        add(stop, "")
        out.meta["toc"] = False  # (no other contents slide)
        return True
    out.meta["toc"] = True
    if title:
        out.meta["toc-title"] = title
    return False


_CONTENTS_LINE = re.compile(r"\\tableofcontents(\[[^\]]*\])?")


def _lists_subsections(frame: list[str], outline: list[tuple[int, str]]) -> bool:
    """True when a ``\\tableofcontents`` among the ``frame``'s lines lists the deck's subsections (the
    deck has some: ``outline``)."""
    return bool(outline) and any(
        (command := _CONTENTS_LINE.search(line)) is not None
        and not re.search("subsections|current", command.group(0))
        for line in frame
    )


def _contents_among(
    kept: list[tuple[int, str]], outline: list[tuple[int, str]] | None
) -> list[tuple[int, str]]:
    """A frame's lines with each ``\\tableofcontents`` among its other content as beamer prints it there:
    where the deck has subsections (``outline``), the list of its sections and subsections; else a
    paragraph of its own, which the reader fills with the list of the sections."""
    if not any(_CONTENTS_LINE.fullmatch(line.strip()) for _, line in kept):
        return kept
    new: list[tuple[int, str]] = []
    for k, line in kept:
        command = _CONTENTS_LINE.fullmatch(line.strip())
        if command is None:
            new.append((k, line))
        elif outline and "subsections" not in command.group(0):  # ([hideallsubsections]: the sections)
            new += [(k, ""), *((k, "  " * (depth - 1) + "- " + words) for depth, words in outline), (k, "")]
        else:
            new += [(k, ""), (k, "\\tableofcontents"), (k, "")]  # (its options: beamer's look)
    return new


# what a deck's own title page asks beamer for: the title's (and the others') words, \IfFileExists's choice
_INSERT = re.compile(r"\\insert(?:short)?(title|subtitle|author|institute|date)(?![A-Za-z])(?:[ \t]*\{\})?")
_IFX_EMPTY = re.compile(r"\\ifx\s*\\insert(title|subtitle|author|institute|date)\s*\\@empty(?![A-Za-z])")
_ELSE_FI = re.compile(r"\\(else|fi|if[A-Za-z]*)(?![A-Za-z])")
_IF_FILE = re.compile(r"\\IfFileExists\s*\{")
_BEAMER_LOOK = re.compile(r"\\usebeamer(?:font|color)\*?\s*(?:\[[^\]]*\])?\s*\{[^{}]*\}")


def _title_page_text(
    lines: list[str], start: int, stop: int, meta: dict[str, Any], exists: Callable[[str], bool] | None
) -> None:
    """The frame ``lines[start:stop + 1]`` as beamer prints it where it makes a title page of its own:
    ``\\inserttitle`` (``\\insertsubtitle``, ``\\insertauthor``, ``\\insertinstitute``, ``\\insertdate``) as the
    deck's words, ``\\ifx\\insertsubtitle\\@empty … \\else … \\fi`` as the branch that holds, ``\\IfFileExists{f}{a}{b}``
    as ``a`` where the file ``f`` is there (else ``b``), and ``\\usebeamerfont``/``\\usebeamercolor`` (the
    template's look) as nothing; in place, every line where it was."""
    text = "\n".join(lines[start : stop + 1])
    if "\\insert" not in text and "\\IfFileExists" not in text and "\\usebeamer" not in text:
        return
    new = _BEAMER_LOOK.sub("", text)
    new = _file_choices(new, exists or (lambda name: False))
    new = _empty_choices(new, meta)
    new = _INSERT.sub(lambda mt: _inserted(meta, mt.group(1)), new)
    lines[start : stop + 1] = new.split("\n")


def _inserted(meta: dict[str, Any], key: str) -> str:
    """What beamer's ``\\insert<key>`` prints: the front matter's words (authors joined by commas)."""
    value = str(meta.get(key) or "")
    if key == "date" and "\\today" in value:
        value = re.sub(r"\\today(?![A-Za-z])(?:\{\})?", latex_today(meta.get("lang")), value)
    return re.sub(r"\s*\\and(?![A-Za-z])\s*", ", ", value)


def _kept_lines(dropped: str) -> str:
    """What stands for the text ``dropped``: its line breaks (the lines after it stay where they were)."""
    return "\n" * dropped.count("\n")


_BETWEEN_ARGUMENTS = re.compile(r"(?:\s|(?<!\\)%[^\n]*)*")  # (spaces, and comments: `}%` ⏎ `{`)


def _file_choices(text: str, exists: Callable[[str], bool], verbatim: frozenset[int] = frozenset()) -> str:
    """``text`` with each ``\\IfFileExists{file}{then}{else}`` as the branch TeX takes, line for line; one on
    the lines (0-based) ``verbatim`` as written."""
    after = 0
    while (mt := _IF_FILE.search(text, after)) is not None:
        after = mt.end()
        if verbatim and text.count("\n", 0, mt.start()) in verbatim:
            continue
        groups: list[tuple[int, int]] = []
        at = mt.end() - 1
        for _ in range(3):
            at = _BETWEEN_ARGUMENTS.match(text, at).end()  # type: ignore[union-attr]
            close = balanced_group(text, at)
            if close < 0:
                break
            groups.append((at, close))
            at = close
        if len(groups) < 3:
            continue  # (as written: the raw-TeX warning says so)
        name = text[groups[0][0] + 1 : groups[0][1] - 1].strip()
        a, b = groups[1] if exists(name) else groups[2]
        text = (
            text[: mt.start()]
            + _kept_lines(text[mt.start() : a + 1])
            + text[a + 1 : b - 1]
            + _kept_lines(text[b - 1 : groups[2][1]])
            + text[groups[2][1] :]
        )
        after = mt.start()  # (the branch taken may hold another)
    return text


def _empty_choices(text: str, meta: dict[str, Any]) -> str:
    """``text`` with each ``\\ifx\\insertsubtitle\\@empty then \\else otherwise \\fi`` as the branch that holds
    (the first where the deck gives no subtitle)."""
    at = 0
    while (mt := _IFX_EMPTY.search(text, at)) is not None:
        marks = []
        for word in _ELSE_FI.finditer(text, mt.end()):
            if word.group(1) not in ("else", "fi"):
                break  # (a condition inside: left as written)
            marks.append(word)
            if word.group(1) == "fi":
                break
        if not marks or marks[-1].group(1) != "fi":
            at = mt.end()
            continue
        fi = marks[-1]
        otherwise = marks[0] if marks[0].group(1) == "else" else fi
        empty = not str(meta.get(mt.group(1)) or "").strip()
        then = (mt.end(), otherwise.start())
        other = (otherwise.end(), fi.start()) if otherwise is not fi else (fi.start(), fi.start())
        keep = then if empty else other
        text = (
            text[: mt.start()]
            + _kept_lines(text[mt.start() : keep[0]])
            + text[keep[0] : keep[1]]
            + _kept_lines(text[keep[1] : fi.end()])
            + text[fi.end() :]
        )
        at = mt.start()
    return text


_TITLE_PAGE = re.compile(r"\\(?:titlepage|maketitle)(?![A-Za-z])\s*(?:\{\})?")
# what a title page's picture is written with: the picture, its float or centring, and spacing
_PICTURE_LAYOUT = re.compile(
    r"\\(?:begin|end)\s*\{(?:center|figure|flushleft|flushright|minipage)\}(?:\[[^\]]*\])?(?:\{[^{}]*\})?"
    r"|\\(?:centering|par|vfill|hfill|bigskip|medskip|smallskip|noindent)(?![A-Za-z])"
    r"|\\[vh]space\*?\s*\{[^{}]*\}|\\\\(?:\[[^\]]*\])?"
)


# a command with no argument (a package's \initclock): beside a title page, it prints nothing Podium knows
_BARE_COMMAND = re.compile(r"\\[A-Za-z@]+\*?(?![A-Za-z@*])(?!\s*[\[{<])")


def _title_page_pictures(kept: list[tuple[int, str]], out: Converted, index: list[int]) -> bool:
    """True when what a ``\\titlepage`` frame holds besides it is only pictures (a logo under the title
    page, centred): the title slide is the template's design, so each is left out with a note."""
    pictures = [(k, mt.group(1).strip()) for k, line in kept for mt in _GRAPHIC.finditer(line)]
    rest = " ".join(_PICTURE_LAYOUT.sub("", _GRAPHIC.sub("", line)) for _, line in kept)
    if not pictures or rest.strip():
        return False
    for k, name in pictures:
        out.notes.append(
            (
                index[k],
                f"the title page's picture '{name}' is left out: Podium's title slide is the template's "
                "design (a logo on every slide: \\logo{\\includegraphics{…}} in the preamble)",
                "title-page",
            )
        )
    return True


def _beside_title_page(
    kept: list[tuple[int, str]], start: int, out: Converted, index: list[int]
) -> list[tuple[int, str]]:
    """What a ``\\titlepage`` frame's slide after the title slide holds: nothing when the frame holds
    only pictures besides it (left out with a note), else its other content (with a note saying so)."""
    kept = [(k, line) for k, line in kept if not _TITLE_PAGE.fullmatch(line.strip())]
    if not any(line.strip() for _, line in kept) or _title_page_pictures(kept, out, index):
        return []
    bare = [(k, mt.group(0)) for k, line in kept for mt in _BARE_COMMAND.finditer(line)]
    rest = " ".join(_PICTURE_LAYOUT.sub("", _BARE_COMMAND.sub("", line)) for _, line in kept)
    if bare and not rest.replace("{", "").replace("}", "").strip():  # (\initclock: prints nothing known)
        for k, command in bare:
            out.warnings.append(
                (
                    index[k],
                    f"raw TeX '{command}' on the title page is left out (Podium's title slide is made from "
                    "\\title, \\author… in the template's design)",
                    "raw-tex",
                )
            )
        return []
    out.notes.append(
        (
            index[start],
            "the title page's other content is on a slide of its own after the title slide (Podium's "
            "title slide is made from \\title, \\author… in the template's design)",
            "title-page",
        )
    )
    return kept


def _frame(
    lines: list[str],
    start: int,
    stop: int,
    add,
    out: Converted,
    index: list[int],
    outline: list[tuple[int, str]] | None = None,
    slid: bool = False,
) -> bool:
    """The frame from ``lines[start]`` (``\\begin{frame}…``) to ``lines[stop]`` (``\\end{frame}``); the deck's
    ``outline`` (:func:`_outline`) is what its ``\\tableofcontents`` lists; ``slid``: a slide comes before
    it.  False where it makes no slide here (the title slide's frame; a contents frame that Podium's own
    contents slide stands for)."""
    head = lines[start].strip()[len(_FRAME) :]
    if stop == start and _FRAME_END in head:  # (a frame on one line: its text ends at its \end{frame})
        head = head[: head.rfind(_FRAME_END)]
    title, subtitle, rest, more = _frame_head(head, lines[start + 1 : stop], index[start], out)
    body: list[tuple[int, str]] = []
    if rest.strip():
        body.append((start, rest.strip()))
    stop = min(
        stop, len(lines) - 1
    )  # (a frame never closed, in a file without \end{document}: its last line)
    last = lines[stop] if stop > start else ""
    for k in range(start + 1 + more, stop + (_FRAME_END not in last)):
        body.append((k, lines[k]))
    before_end = last[: last.find(_FRAME_END)] if _FRAME_END in last else ""
    if stop > start and before_end.strip():
        body.append((stop, before_end))
    staged = _quoted(
        _centering_as_center(
            _unboxed(
                _unknown_arguments_opened(
                    _unknown_environments(
                        _inline_tikz(
                            _tikz_pictures(_transitions(_verbatim_started(body), out, index)), out, index
                        ),
                        out,
                        index,
                    ),
                    out,
                    index,
                )
            )
        )
    )
    body = _dedented(
        [
            (k, part)
            for k, line, verbatim in _marked_verbatim(staged)
            for part in ([line] if verbatim and not line.lstrip().startswith("\\end{") else _after_end(line))
        ]
    )  # (code stays as written: its lines are not cut)
    kept: list[tuple[int, str]] = []
    ids = [label.group(1)] if (label := re.search(r"\blabel=([\w:.-]+)", head)) else []
    depth = 0  # environments open in the frame
    at = -1
    while (at := at + 1) < len(body):
        k, line = body[at]
        if _BIBLIOGRAPHY.match(line):  # the references, made from the bibliography, go here (pandoc's #refs)
            if line.startswith(("\\bibliography{", "\\printbibliography")):
                kept += [(k, ""), (k, "::: {#refs}"), (k, ":::"), (k, "")]
            continue
        label = re.fullmatch(r"\\label\{([^{}]+)\}", line.strip())
        if label is not None and depth == 0:  # the frame's own label: a link (\hyperlink, \ref) goes to it
            ids.append(label.group(1))
            continue
        depth += line.count("\\begin{") - line.count("\\end{")
        command = _TITLE_COMMANDS.match(line)
        if command is None:
            kept.append((k, line))
            continue
        words, after, more = _title_command(
            line, command, [part for _, part in body[at + 1 :]], index[k], out
        )
        at += more  # (a title over lines, \frametitle{Long\n title}: joined)
        if command.group(1) == "frametitle":
            title = title or words
        else:
            subtitle = subtitle or words
        if after:
            kept.append((k, after))
    title, foot = _title_footnotes(title)
    if "<" in "".join(line for _, line in kept) or "\\pause" in "".join(line for _, line in kept):
        kept = list(zip([k for k, _ in kept], numbered_increments([line for _, line in kept])))
    said = [line.strip() for _, line in kept if line.strip()]
    if any(_TITLE_PAGE.fullmatch(s) for s in said) and not (
        kept := _beside_title_page(kept, start, out, index)
    ):
        return False  # (the title slide: made from the front matter; a picture beside it left out)
    contents = [s for s in said if not s.startswith("\\setbeam")]  # (its look: the template's)
    if contents and all(re.fullmatch(r"\\tableofcontents(\[[^\]]*\])?", s) for s in contents):
        return _contents(
            contents[0], title, start, stop, add, out, outline, slid
        )  # ([hideallsubsections]: still the contents)
    kept = _contents_among(kept, outline)
    standout = _standing_out(head)
    if standout and not (kept := _standout(kept, title, ids, start, stop, add)):
        return True
    if standout:  # (more than a line or two: a standout slide still, its content drawn on it, centred)
        anchor = " #" + _anchor(ids[0]) if ids else ""
        add(start, "", ("## " + title + " " if title else "## ") + "{.section .standout" + anchor + "}", "")
    else:
        _frame_heading(title, subtitle, ids, start, add)
    _frame_lines(kept, title, add, out.meta.get("lang"))
    for note in foot:  # (a footnote of the title: its text at the slide's foot)
        add(stop, "", note)
    add(stop, "")
    return True


# a frame's options, after its overlay (``\\begin{frame}<2>[standout]``)
_FRAME_OPTIONS = re.compile(r"\s*(?:<[^<>]*>\s*)?\[([^\[\]]*)\]")
# what a standout frame holds that is more than a line of words: then its content is centred, as it is
_NOT_A_LINE = re.compile(
    r"\\(?:begin|end|item|includegraphics|note|pause|only|uncover|tableofcontents)(?![A-Za-z])"
)


def _frame_heading(title: str, subtitle: str, ids: list[str], start: int, add) -> None:
    """A frame's slide begun: its title (its subtitle under it) as a heading, its labels as ids; an
    untitled frame's as a rule."""
    if title:
        anchor = " {#" + _anchor(ids[0]) + "}" if ids else ""
        add(start, "", "## " + title + anchor, "")
        for other in ids[1:]:  # (a frame's other labels: empty divs of those ids, which links find)
            add(start, f"::: {{#{_anchor(other)}}}", ":::", "")
        if subtitle:
            add(start, "**" + subtitle + "**", "")
    else:
        add(start, "", "---", "")
        for own in ids:  # (an untitled frame's labels: empty divs of those ids, which links find)
            add(start, f"::: {{#{_anchor(own)}}}", ":::", "")


def _standout(
    kept: list[tuple[int, str]], title: str, ids: list[str], start: int, stop: int, add
) -> list[tuple[int, str]]:
    """A standout frame (``start`` to ``stop``) of a line or two added as a section slide of those lines
    (its words large and centred on the section slide's accent background; class ``standout``: it begins
    no section), and nothing returned; a longer one's ``kept`` lines returned centred."""
    notes = _note_lines(kept)  # (the speaker's notes: the slide's, whatever it shows)
    words = _standout_lines([(k, line) for j, (k, line) in enumerate(kept) if j not in notes], title, start)
    if words is None:  # (more than a line or two: its content as written, centred)
        return [(start, "\\begin{center}"), *kept, (stop, "\\end{center}")]
    anchor = " #" + _anchor(ids[0]) if ids else ""
    add(start, "", "## " + words[0][1] + " {.section .standout" + anchor + "}", "")
    for k, line in words[1:]:
        add(k, line, "")
    for j in sorted(notes):
        add(kept[j][0], kept[j][1])
    add(stop, "")
    return []


def _note_lines(kept: list[tuple[int, str]]) -> set[int]:
    """Which of a frame's ``kept`` lines are its ``\\note{…}``s standing as lines of their own (their braces
    perhaps over lines)."""
    found: set[int] = set()
    depth = 0
    for j, (_, line) in enumerate(kept):
        if depth > 0 or re.match(r"\s*\\note(?![A-Za-z])", line):
            found.add(j)
            depth += line.count("{") - line.count("\\{") - line.count("}") + line.count("\\}")
    return found


def _standing_out(head: str) -> bool:
    """Whether a frame's ``head`` asks for metropolis's ``standout`` frame (or the focus theme's ``focus``):
    its words large and centred on the accent colour, no title."""
    options = _FRAME_OPTIONS.match(head)
    return options is not None and bool(
        {"standout", "focus"} & {o.strip() for o in _split_options(options.group(1))}
    )


def _standout_lines(kept: list[tuple[int, str]], title: str, at_title: int) -> list[tuple[int, str]] | None:
    """A standout frame's words as a section slide's (their line, their TeX): its title, or its first
    line, then at most one line under it (``Thank you!\\\\ {\\large Questions?}``); None where it holds
    more (a list, a picture, a third line, a long paragraph)."""
    said: list[tuple[int, str]] = []
    gap = False
    for k, line in kept:
        if not line.strip():
            gap = bool(said)
        elif said and gap:  # (a paragraph's end: a line's end too)
            said[-1], gap = (said[-1][0], said[-1][1] + "\\\\"), False
            said.append((k, line.strip()))
        else:
            said.append((k, line.strip()))
    if any(_NOT_A_LINE.search(line) or line.startswith((":::", "```")) for _, line in said):
        return None
    # (a line that ends in `\\` ends in Markdown's hard break, a backslash, by now)
    said = [(k, line + "\\" if (len(line) - len(line.rstrip("\\"))) % 2 else line) for k, line in said]
    text = "\n".join(line for _, line in said)  # (a frame's lines join as a paragraph's, broken at `\\`)
    starts = [0]
    for _, line in said[:-1]:
        starts.append(starts[-1] + len(line) + 1)
    pieces: list[tuple[int, str]] = []
    at = 0
    for part in _top_level_breaks(text):
        at = text.find(part, at)
        pieces.append((said[bisect.bisect_right(starts, at + len(part) - len(part.lstrip())) - 1][0], part))
        at += len(part)
    words = [(k, one) for k, part in pieces if (one := _one_line(part))]
    words = ([(at_title, title)] if title else []) + words
    if not words or len(words) > 2 or any(len(w) > 100 for _, w in words):
        return None
    return words


# beamer's slide transitions (\transdissolve<2>[duration=1], \transduration{2}): PDF viewers' effects
_TRANSITION = re.compile(
    r"\\trans(?:blinds(?:horizontal|vertical)|box(?:in|out)|cover|dissolve|fade|glitter|push|replace|"
    r"split(?:horizontal|vertical)(?:in|out)|uncover|wipe|(?P<d>duration))(?![A-Za-z])\s*(?:<[^<>\n]*>\s*)?"
    r"(?:\[[^\]\n]*\]\s*)?(?(d)\{[^{}\n]*\}\s*)"
)


# ``\centering`` starting a paragraph; the environments in which it centres what follows, to their end
_CENTERING = re.compile(r"^\s*\\(centering|raggedleft|raggedright)(?![A-Za-z])\s*")
_ALIGNED_AS = {"centering": "center", "raggedleft": "flushright", "raggedright": ""}  # (the environment)
_CENTRED_IN = ("block", "alertblock", "exampleblock", "column", "minipage", "frame", "\\column")
_ENV_EDGE = re.compile(r"\\(begin|end)\s*\{([^{}]+)\}|^\s*\\column\s*(?:\[[^\]]*\])?\s*\{[^{}]*\}\s*")


def _centering_as_center(body: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """A frame's lines with a ``\\centering`` that starts a paragraph of the frame or of a block, column
    (``\\begin{column}`` or the ``\\column{…}`` shorthand) or minipage (on a line of its own, or before
    words; after a ``\\frametitle`` line too) as a ``center`` environment from there to that environment's
    end, as LaTeX centres what follows it (a ``columns`` environment inside it stops it, each column
    setting its own alignment, and it goes on after the columns); a ``\\raggedleft`` as a ``flushright``
    one; a ``\\raggedright`` (or another of them) that starts a later paragraph ends it there."""
    if not any("\\centering" in line or "\\raggedleft" in line for _, line in body):
        return body
    new: list[tuple[int, str]] = []
    # the environments open: [name, aligned as ("": not), aligned so again at its end (the columns in it)]
    opened: list[list] = [["frame", "", ""]]
    blank = True  # (a paragraph starts on the next line)
    for k, line, verbatim in _marked_verbatim(body):
        if verbatim:
            new.append((k, line))
            blank = False
            continue
        at, column = _aligned_edges(line, k, opened, new)  # (where the part of the line not yet added starts)
        blank = blank or column
        rest = line[at:]
        switch = _CENTERING.match(rest)
        if switch is not None and blank and opened[-1][0] in _CENTRED_IN:
            aligned = _ALIGNED_AS[switch.group(1)]
            if opened[-1][1] and opened[-1][1] != aligned:  # (the paragraphs after it aligned otherwise)
                new.append((k, f"\\end{{{opened[-1][1]}}}"))
                opened[-1][1] = ""
            if aligned and not opened[-1][1]:
                opened[-1][1] = aligned
                new.append((k, f"\\begin{{{aligned}}}"))
            rest = rest[switch.end() :]
            if not rest.strip():
                blank = True
                continue
        if rest.strip() or at == 0:
            new.append((k, rest))
        blank = (
            not rest.strip()
            or rest.strip().startswith("\\begin{")
            or bool(_TITLE_COMMANDS.match(rest.strip()))
        )
    for _, aligned, _ in reversed(opened):
        if aligned:
            new.append((new[-1][0] if new else 0, f"\\end{{{aligned}}}"))
    return new


def _aligned_edges(line: str, k: int, opened: list[list], new: list[tuple[int, str]]) -> tuple[int, bool]:
    """Add to ``new`` the part of ``line`` (``k``) up to its last environment's edge, an aligned part
    (:func:`_centering_as_center`, ``opened``) ended before a ``\\begin{columns}`` or an ``\\end{…}`` and
    begun again after the columns; where the rest of the line starts, and whether a column begins there."""
    at, column = 0, False
    for edge in _ENV_EDGE.finditer(line):
        if edge.group(1) is None:  # \column{w}: the column before it ends, this one begins
            if opened[-1][0] == "\\column" and (aligned := opened.pop()[1]):
                new.append((k, f"\\end{{{aligned}}}"))
            opened.append(["\\column", "", ""])
            new.append((k, line[: edge.end()].rstrip()))
            at, column = edge.end(), True
            continue
        ends = ""
        if edge.group(1) == "begin":
            resumes = opened[-1][1] if edge.group(2) == "columns" else ""  # (each column sets its own)
            ends, opened[-1][1] = resumes, "" if resumes else opened[-1][1]
            opened.append([edge.group(2), "", resumes])
        elif len(opened) > 1:
            if edge.group(2) == "columns" and opened[-1][0] == "\\column":
                ends = opened.pop()[1]
                if ends and line[at : edge.start()].strip():
                    new.append((k, line[at : edge.start()]))
                if ends:
                    new.append((k, f"\\end{{{ends}}}"))
                    at, ends = edge.start(), ""
            _, aligned, resumes = opened.pop()
            ends = ends or aligned
            if resumes:  # (the aligned part the columns were in goes on after them)
                opened[-1][1] = resumes
                new.append((k, line[at : edge.end()]))
                new.append((k, f"\\begin{{{resumes}}}"))
                at = edge.end()
                continue
        if ends:  # (the aligned part ends before this \begin{columns} or \end{…})
            if line[at : edge.start()].strip():
                new.append((k, line[at : edge.start()]))
            new.append((k, f"\\end{{{ends}}}"))
            at = edge.start()
    return at, column


def _transitions(body: list[tuple[int, str]], out: Converted, index: list[int]) -> list[tuple[int, str]]:
    """A frame's lines without beamer's transitions (``\\transdissolve``, ``\\transglitter<2>[direction=90]``,
    ``\\transduration{2}``), which a PDF viewer plays between pages; one note for the deck says so."""
    if not any("\\trans" in line for _, line in body):
        return body
    new = [(k, _TRANSITION.sub("", line) if "\\trans" in line else line) for k, line in body]
    changed = next((k for (k, line), (_, was) in zip(new, body) if line != was), None)
    if changed is not None and not any(code == "transition" for _, _, code in out.notes):
        out.notes.append(
            (
                index[changed],
                "beamer's slide transitions (\\transdissolve…) are left out: Podium's slides change without "
                "an effect",
                "transition",
            )
        )
    return new


_TIKZ = re.compile(r"\\tikz(?![A-Za-z])\s*")
# a picture drawn in TeX that starts its line (a TikZ, pgf, circuit or diagram environment)
_DRAWN = re.compile(r"^\s*\\begin\{(tikzpicture|pgfpicture|circuitikz|tikzcd|forest|picture)\}")


def _verbatim_started(body: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """A frame's lines with a verbatim environment that opens after words on its line (``How? \\pause
    \\begin{lstlisting}``) on a line of its own, as LaTeX starts it: its code is read as code."""
    new: list[tuple[int, str]] = []
    for k, line, verbatim in _marked_verbatim(body):
        opened = _VERBATIM.search(line) if verbatim else None
        if (
            opened is not None
            and line[: opened.start()].strip()
            and not _VERBATIM.search(line[: opened.start()])
        ):
            new += [(k, line[: opened.start()].rstrip()), (k, line[opened.start() :])]
        else:
            new.append((k, line))
    return new


def _tikz_pictures(body: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """A frame's lines with each TeX-drawn picture that starts its line (``\\begin{tikzpicture}`` … its end)
    as a picture Podium cannot draw: a box in its place, the words of its nodes its caption (the reader
    warns at its line).  The frame keeps its slide and its words; verbatim lines are kept as written."""
    if not any("\\begin{" in line for _, line in body):
        return body
    new: list[tuple[int, str]] = []
    code: list[tuple[int, str]] = []  # the lines of the picture open
    env = ""
    for k, line, verbatim in _marked_verbatim(body):
        drawn = _DRAWN.match(line) if not (code or verbatim) else None
        if drawn is not None:
            env = drawn.group(1)
        elif not code:
            new.append((k, line))
            continue
        code.append((k, line))
        text = "\n".join(part for _, part in code)
        end = "\\end{" + env + "}"
        if text.count("\\begin{" + env + "}") > text.count(end):
            continue
        first = code[0][0]
        new += [(first, ""), *((code[at][0], said) for at, said in picture_box_lines(text)), (first, "")]
        if after := line[line.rfind(end) + len(end) :].strip():
            new.append((k, after))
        code = []
    return new + code  # (a picture never closed: its lines as they were)


def picture_box(code: str, caption: str = "", ident: str = "") -> str:
    """The Markdown of the box that stands for a TeX-drawn picture of ``code`` (TikZ, or LaTeX's own
    ``picture`` environment): its nodes' words (a ``picture``'s ``\\put`` texts; at most a dozen) as its
    caption; in a figure with a ``caption`` (and a label: ``ident``), that caption, the words its alt text."""
    latex = code.lstrip().startswith("\\begin{picture}")
    src = LATEX_PICTURE if latex else TIKZ_PICTURE
    words = [_one_line(w) for w in (_put_words(code) if latex else _node_words(code))]
    said = " · ".join(w for w in words[:12] if w.strip()) + (" …" if len(words) > 12 else "")
    if caption:
        alt = f"{DRAWN_KINDS[src]}: {said}" if said else DRAWN_KINDS[src]
        attrs = " ".join(x for x in (ident, f'fig-alt="{alt.replace(chr(34), chr(39))}"') if x)
        return f"![{caption}]({src}){{{attrs}}}"
    said = re.sub(r"([\[\]])", r"\\\1", said)
    return f"![{said}]({src})"


# what a picture environment's \put draws that has no words: its lines, arrows, circles and curves
_PUT_DRAWING = re.compile(
    r"\s*\\(?:vector|line|circle\*?|oval|qbezier|bezier|cbezier|linethickness|thicklines|thinlines)(?![A-Za-z])"
)
# the boxes a \put may hold its words in: (size) [position] {words}
_PUT_BOX = re.compile(r"\s*\\(?:makebox|framebox|dashbox|raisebox|shortstack|parbox)(?![A-Za-z])")


def _put_words(code: str) -> list[str]:
    """The texts LaTeX's ``picture`` environment puts on it (``\\put(0,25){Causa $1$}``,
    ``\\multiput(…)(…){n}{…}``, in a box: ``\\put(…){\\makebox(0,0)[l]{…}}``); not its lines and arrows."""
    words: list[str] = []
    for mt in re.finditer(r"\\(multi)?put(?![A-Za-z])", code):
        j = mt.end()
        for _ in range(2 if mt.group(1) else 1):  # (its place; \multiput's step too)
            j = len(code) - len(code[j:].lstrip())
            j = balanced_group(code, j, "(", ")")
            if j < 0:
                break
        if j < 0:
            continue
        j = len(code) - len(code[j:].lstrip())
        if mt.group(1):  # (\multiput's count)
            j = balanced_group(code, j)
            j = len(code) - len(code[j:].lstrip()) if j > 0 else -1
        close = balanced_group(code, j) if j >= 0 else -1
        if close < 0:
            continue
        text = code[j + 1 : close - 1]
        if _PUT_DRAWING.match(text):
            continue
        if box := _PUT_BOX.match(text):  # (its words: its last group)
            last = text.rfind("{")
            while last > 0 and balanced_group(text, last) != len(text.rstrip()):
                last = text.rfind("{", 0, last)
            text = text[last + 1 : len(text.rstrip()) - 1] if last > box.end() - 1 else ""
        if text.strip():
            words.append(text.strip())
    return words


def picture_box_lines(code: str) -> list[tuple[int, str]]:
    """The Markdown of the box that stands for a TeX-drawn picture of ``code``: its nodes' words (at most
    a dozen) as its caption, each node on the line of ``code`` it is written on (by its number from 0),
    so that a message about its words names that line; a node whose words could start a Markdown block
    (``# items``, ``- x``) stays on the line before."""
    latex = code.lstrip().startswith("\\begin{picture}")  # (LaTeX's own: its \put texts, on its first line)
    nodes = [(0, w) for w in _put_words(code)] if latex else _node_words(code, lines=True)
    said = [(at, re.sub(r"([\[\]])", r"\\\1", _one_line(w))) for at, w in nodes[:12]]
    said = [(at, w) for at, w in said if w.strip()]
    out: list[tuple[int, str]] = [(0, "![")]
    for n, (at, words) in enumerate(said):
        if n and at > out[-1][0] and _SAFE_LINE_START.match(words):
            out[-1] = (out[-1][0], out[-1][1] + " ·")
            out.append((at, words))
        else:
            out[-1] = (out[-1][0], out[-1][1] + (" · " if n else "") + words)
    out[-1] = (
        out[-1][0],
        out[-1][1] + (" …" if len(nodes) > 12 else "") + f"]({LATEX_PICTURE if latex else TIKZ_PICTURE})",
    )
    return out


# the start of a line that goes on a paragraph in Markdown (no heading, list, quote, rule or fence)
_SAFE_LINE_START = re.compile(r"[$\\(]|[^\W\d_]|\d+(?![\d.)])")


def _inline_tikz(body: list[tuple[int, str]], out: Converted, index: list[int]) -> list[tuple[int, str]]:
    """A frame's lines with each TikZ drawing in a line (``\\tikz[overlay]\\node at (0,0) {words};``,
    ``\\tikz{…}``; a deck's macro of one, put in place) as the words of its nodes, with a warning: Podium
    does not draw TikZ, and its code would be shown as text."""
    if not any("\\tikz" in line for _, line in body):
        return body
    new: list[tuple[int, str]] = []
    for k, line in body:
        said, at = [], 0
        for mt in _TIKZ.finditer(line):
            if mt.start() < at:
                continue
            j = mt.end()
            if line.startswith("[", j):
                j = balanced_group(line, j, "[", "]")
                j = len(line) - len(line[j:].lstrip()) if j > 0 else -1
            if j < 0:
                continue
            if line.startswith("{", j):
                stop = balanced_group(line, j)
                code = line[j + 1 : stop - 1] if stop > 0 else ""
            else:
                stop = _statement_end(line, j)
                code = line[j : stop - 1] if stop > 0 else ""
            if stop < 0:
                continue
            words = _node_words(code)
            said.append(line[at : mt.start()] + " ".join(words))
            at = stop
            out.warnings.append(
                (
                    index[k],
                    "a TikZ drawing (\\tikz) is not drawn"
                    + ("; the words of its nodes are kept" if words else ", and has no words to keep"),
                    "raw-tex",
                )
            )
        new.append((k, "".join(said) + line[at:] if said else line))
    return new


def _statement_end(line: str, at: int) -> int:
    """Just after the ``;`` that ends the TikZ statement starting at ``line[at]`` (outside its groups), or -1."""
    depth = 0
    for j in range(at, len(line)):
        depth += (line[j] == "{") - (line[j] == "}")
        if line[j] == ";" and depth == 0:
            return j + 1
    return -1


def _node_words(code: str, lines: bool = False) -> list:
    """The texts of a TikZ drawing's nodes (``\\node[…] (name) at (0,0) {text}``, ``node {text}``); with
    ``lines``, each as (the number of its line in ``code`` from 0, its text)."""
    words: list = []
    for mt in re.finditer(r"\bnode\b", code):
        j = mt.end()
        while j < len(code):
            j = len(code) - len(code[j:].lstrip())
            if code.startswith("[", j):
                j = balanced_group(code, j, "[", "]")
            elif code.startswith("(", j):
                close = code.find(")", j)
                j = close + 1 if close > 0 else -1
            elif code.startswith("at", j):
                j += 2
            elif code.startswith("{", j):
                close = balanced_group(code, j)
                if close > 0 and code[j + 1 : close - 1].strip():
                    text = code[j + 1 : close - 1].strip()
                    words.append((code.count("\n", 0, mt.start()), text) if lines else text)
                break
            else:
                break
            if j < 0:
                break
    return words


def _frame_lines(kept: list[tuple[int, str]], title: str, add, lang: str | None = None) -> None:
    """A frame's lines added; where an ``allowframebreaks`` frame is broken (``\\framebreak``), its next
    part as a slide titled as beamer titles it (in the lecture's language ``lang``: "(cont.)", "(续)")."""
    for k, line in kept:
        if line.strip() in ("\\framebreak", "\\pagebreak", "\\newpage") and title:
            add(k, "", "## " + title + " " + podium_label(lang, "cont"), "")
            continue
        add(k, line)


# LaTeX's boxes, which only lay out their text (a width, a frame, a position): their text, over lines too;
# each with the arguments before its text ([…] optional, {…} required)
_BOXES = {
    "parbox": "[[[{",
    "fbox": "",
    "framebox": "[[",
    "makebox": "[[",
    # (fancybox's framed boxes, and tcolorbox's)
    "shadowbox": "",
    "doublebox": "",
    "ovalbox": "",
    "Ovalbox": "",
    "tcbox": "[",
    "raisebox": "{[[",
    "scalebox": "{[",
    "resizebox": "{{",
    "resizebox*": "{{",
    "adjustbox": "{",
    # (what stacks its text in lines: makecell's cells, \shortstack, stackengine's stacks)
    "makecell": "[[",
    "makecell*": "[[",
    "thead": "[[",
    "shortstack": "[",
    "Centerstack": "[",
    "Longstack": "[",
    "Shortstack": "[",
}
_BOX = re.compile(
    r"\\(" + "|".join(re.escape(b) for b in sorted(_BOXES, key=len, reverse=True)) + r")(?![A-Za-z])"
)
_MATH_SPANS = re.compile(
    r"\$\$.*?\$\$|(?<!\\)\$(?:\\.|[^$\\])+\$|\\\[.*?\\\]|\\\(.*?\\\)"
    r"|\\begin\{(equation|align|alignat|gather|multline|eqnarray|displaymath|math|flalign"
    r"|dmath|dseries|dgroup|darray|IEEEeqnarray|empheq)(\*?)\}.*?\\end\{\1\2\}",
    re.S,
)
# commands Podium reads whose argument may stand on the next line (`\frametitle` then `{Title}`)
_READ_COMMANDS = frozenset(
    "frametitle framesubtitle textbf textit emph alert structure texttt underline textsc textcolor colorbox "
    "footnote note href url hyperlink caption includegraphics centerline textrm textsf text mbox only uncover "
    "visible onslide alt cite enquote".split()
)
_COMMAND_AT_END = re.compile(r"\\([A-Za-z]+)\*?(?:\s*<[^<>\n]*>)?(?:\s*\[[^\[\]\n]*\]|\s*\{[^{}\n]*\})*\s*$")


# a command at a line's end whose argument opens there and closes lines later (``\\ltnote{%`` then
# paragraphs, then ``}``)
_OPENED_AT_END = re.compile(r"\\([A-Za-z]+)\*?(?:\s*\[[^\[\]\n]*\])*\s*\{\s*$")
# commands whose argument over lines is read elsewhere (overlays, notes, boxes, formatting…)
_READ_OVER_LINES = frozenset(
    "begin end item mode invisible temporal alt only uncover visible onslide note footnote caption section "
    "subsection subsubsection color fcolorbox hyperref index label".split()
)


def _read_over_lines(name: str, out: Converted) -> bool:
    """Whether Podium reads the command ``name``'s argument over lines: one it knows, or the deck defines."""
    if name in _READ_COMMANDS or name in _READ_OVER_LINES or name in SWITCHES or name in _BOXES:
        return True
    header = str(out.meta.get("header-includes", ""))
    return (
        re.search(rf"\\(?:(?:re)?newcommand|providecommand|def|let)\*?\s*\{{?\\{name}(?![A-Za-z])", header)
        is not None
    )


def _unknown_arguments_opened(
    body: list[tuple[int, str]], out: Converted, index: list[int]
) -> list[tuple[int, str]]:
    """A frame's lines with an unknown command whose argument runs over lines (``\\ltnote{%`` … ``}``, a
    macro of a preamble Podium does not have) as that argument's words, the command and its braces left
    out, with a warning saying so; line for line (outside math and verbatim)."""
    if not any(line.rstrip().endswith("{") for _, line in body):
        return body
    lines = [line for _, line in body]
    verbatim = ""
    for k, line in enumerate(lines):
        if verbatim:
            verbatim = "" if f"\\end{{{verbatim}" in line else verbatim
            continue
        opened = _VERBATIM.search(line)
        if opened is not None and f"\\end{{{opened.group(1)}" not in line[opened.end() :]:
            verbatim = opened.group(1)
        mt = _OPENED_AT_END.search(line)
        if mt is None or _read_over_lines(mt.group(1), out) or _QUIET.match(line[mt.start() :]):
            continue  # (known, or setup that prints nothing: \tikzset{ … })
        whole = "\n".join(lines)
        start = sum(len(x) + 1 for x in lines[:k])
        if any(a.start() <= start + mt.start() < a.end() for a in _MATH_SPANS.finditer(whole)):
            continue
        close = balanced_group(whole, start + line.rfind("{", mt.start(), mt.end()))
        if close < 0:
            continue
        last = whole.count("\n", 0, close - 1)
        end_at = close - 1 - sum(len(x) + 1 for x in lines[:last])
        lines[last] = lines[last][:end_at] + lines[last][end_at + 1 :]
        lines[k] = line[: mt.start()].rstrip()
        out.warnings.append(
            (
                index[body[k][0]],
                f"raw TeX '\\{mt.group(1)}' is not known: its argument's words are kept, without the command "
                "and its braces",
                "raw-tex",
            )
        )
    return [(k, line) for (k, _), line in zip(body, lines)]


# environments whose content is read elsewhere (texenvs': lists, blocks, columns…; a frame's), or not as
# text at all (math, pictures, code, tables), or that print nothing (a comment, a file written, a box
# saved): never an unknown environment; in the second and third kind no environment is one
_READ_ENVS = frozenset((*KNOWN, "minipage", "frame", "document", "thebibliography"))
_ENV_OVERLAY_SPEC = re.compile(r"[ \t]*<[^<>\n]{1,60}>")
_DIMENSION = re.compile(r"[-+]?[\d.]+\s*[a-z]{0,2}|[-+]?[\d.]*\s*\\[A-Za-z]+")


def _reads_as_title(argument: str, optional: bool = False) -> bool:
    """Whether an environment's argument reads as a title (``Explore``, ``In the raw survey``; an
    ``optional`` one, ``[which chart?]``, also as a phrase), not as a setting (``french``, ``\\textwidth``,
    ``3cm``, ``colback=red``, ``[t]``, a colour's or a label's name)."""
    words = " ".join(re.sub(r"\\[A-Za-z@]+\*?|[{}]", " ", argument).split())
    if not words or "=" in argument or not any(c.isalpha() for c in words) or _DIMENSION.fullmatch(words):
        return False
    if optional and " " in words and "," not in words:
        return True
    first = words[0]  # (a title begins with a capital, a number, math or a quote; a caseless script's too)
    return first.isupper() or first.isdigit() or first in "$(\"'`" or first.isalpha() and not first.islower()


def _opened_on_line(line: str, at: int) -> tuple[str, list[str], int]:
    """After ``\\begin{env}`` (ending at ``line[at]``): its overlay specification (``<2->`` or ""), its
    arguments written on that line (``[…]``, ``{…}``, brackets kept) and where they end."""
    spec = _ENV_OVERLAY_SPEC.match(line, at)
    overlay = spec.group(0).strip() if spec is not None else ""
    at = spec.end() if spec is not None else at
    args: list[str] = []
    while True:
        start = len(line) - len(line[at:].lstrip(" \t"))
        if start >= len(line) or line[start] not in "[{":
            return overlay, args, at
        close = balanced_group(line, start, line[start], "]" if line[start] == "[" else "}")
        if close < 0:
            return overlay, args, at
        args.append(line[start:close])
        at = close


def _unknown_environments(
    body: list[tuple[int, str]], out: Converted, index: list[int]
) -> list[tuple[int, str]]:
    """A frame's lines with each environment Podium has no definition of (``\\begin{sibbox}{Explore}``, made
    in a theme file it cannot see) as its content, as pandoc keeps it: in a box (``block``) titled by its
    first argument that reads as a title, as a list where it holds ``\\item``s (an enumitem list), else as it
    is; its other arguments (``{french}``, ``{3cm}``: settings) left out, with a warning at its line.  Not
    inside math, pictures, tables or code; one holding a table (``&`` and ``\\\\``) is left as it was."""
    if not any("\\begin{" in line for _, line in body):
        return body
    lines = [line for _, line in body]
    text = "\n".join(lines)
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line) + 1)
    edits: list[tuple[int, int, str]] = []  # (start, end, replacement) in text, none crossing a line's end
    shut = 0  # (inside math, a picture, code: nothing read until this index)
    for mt in _ENV.finditer(text):
        env = mt.group(2)
        if (
            mt.start() < shut
            or mt.group(1) != "begin"
            or env.rstrip("*") in _READ_ENVS
            or env.endswith("frame")
        ):
            continue
        end = environment_end(text, mt.start(), env)
        if env.rstrip("*") in _OPAQUE_ENVS or env in _OPAQUE_ENVS or env.rstrip("*").endswith("matrix"):
            shut = end if end is not None else len(text)
            continue
        k = text.count("\n", 0, mt.start())
        line = lines[k]
        if end is None or any(
            a.start() <= mt.start() - starts[k] < a.end() for a in _INLINE_MATH.finditer(line)
        ):
            continue
        closing = end - len(f"\\end{{{env}}}")
        overlay, args, after = _opened_on_line(line, mt.end() - starts[k])
        inside = text[starts[k] + after : closing]
        if re.search(r"(?<!\\)&", _INLINE_MATH.sub("", inside)) and "\\\\" in inside:
            continue  # (a table of a package Podium does not read: left as it was, with a raw-tex warning)
        own = env == "beamercolorbox"  # (beamer's own: its content in the colours its {name} gives)
        titles = [j for j, a in enumerate(args) if not own and _reads_as_title(a[1:-1], a.startswith("["))]
        title = args[titles[0]][1:-1] if titles else None
        listed = inside.lstrip().startswith("\\item")
        kinds = (["block"] if title is not None else []) + (["itemize"] if listed else [])
        centred = own and args and args[0].startswith("[") and "center" in _split_options(args[0][1:-1])
        kinds = kinds or ["center" if centred else "flushleft"]  # (its content as it is: a plain environment)
        opened = [f"\\begin{{{kinds[0]}}}{overlay}" + (f"{{{title}}}" if title is not None else "")]
        opened += [f"\\begin{{{kind}}}" for kind in kinds[1:]]
        edits.append((mt.start(), starts[k] + after, "\n" + "\n".join(opened) + "\n"))
        edits.append((closing, end, "\n" + "\n".join(f"\\end{{{kind}}}" for kind in reversed(kinds)) + "\n"))
        dropped = "".join(a for j, a in enumerate(args) if not titles or j != titles[0])
        if own:
            continue
        how = (
            f"in a box titled '{' '.join(title.split())}'"
            if title is not None
            else "a list of its items"
            if listed
            else "as it is"
        )
        out.warnings.append(
            (
                index[body[k][0]],
                f"environment '{env}' is not known (its definition is not in the deck): its content is shown "
                f"{how}{f', {dropped} left out' if dropped else ''}",
                "unknown-environment",
            )
        )
    if not edits:
        return body
    for start, end, said in sorted(edits, reverse=True):
        k = text.count("\n", 0, start)
        lines[k] = lines[k][: start - starts[k]] + said + lines[k][end - starts[k] :]
    return [(j, part) for (j, _), line in zip(body, lines) for part in line.split("\n")]


def _unboxed(body: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """A frame's lines with LaTeX's boxes (``\\parbox{w}{text}``, ``\\fbox``, ``\\framebox``, ``\\makebox``,
    ``\\raisebox``, ``\\scalebox``, ``\\resizebox``; outside math) as their text, and a group that starts a
    line as TeX reads it: the argument of a command Podium reads on the line before (``\\frametitle`` then
    ``{Title}``) is put on that line; any other (an unknown macro's argument on the next line, as a theme's
    ``\\KITframe[note]`` then ``{…}``) is its content, its braces not shown (the macro is said to be left out).
    Line for line."""
    text = "\n".join(line for _, line in body)
    if "{" not in text:
        return body
    if _BOX.search(text):
        text = _boxes_opened(text)
    lines = text.split("\n")
    verbatim = ""
    groups = 0  # (each group read anew from the text: a frame has few, a bound keeps it so)
    for k, line in enumerate(lines):
        if verbatim:
            verbatim = "" if f"\\end{{{verbatim}" in line else verbatim
            continue
        opened = _VERBATIM.search(line)
        if opened is not None and f"\\end{{{opened.group(1)}" not in line[opened.end() :]:
            verbatim = opened.group(1)
        stripped = line.lstrip()
        if not stripped.startswith("{") or SWITCH_GROUP.match(stripped):
            continue  # (`{\small …}`: a size or face group, read where it is)
        groups += 1
        if groups > 200:
            break
        whole = "\n".join(lines)
        start = sum(len(x) + 1 for x in lines[:k])
        begin = start + len(line) - len(stripped)
        if any(mt.start() <= begin < mt.end() for mt in _MATH_SPANS.finditer(whole, 0, begin + 1)):
            continue
        close = balanced_group(whole, begin)
        if close < 0:
            continue
        before = next((j for j in range(k - 1, -1, -1) if lines[j].strip()), -1)
        command = _COMMAND_AT_END.search(lines[before]) if before >= 0 else None
        one_line = "\n" not in whole[begin:close]
        if command is not None and command.group(1) in _READ_COMMANDS and one_line:
            lines[before] = lines[before].rstrip() + whole[begin:close]  # (its argument, on its line)
            lines[k] = line[: len(line) - len(stripped)] + whole[close : start + len(line)]
            continue
        if command is None and one_line:
            continue  # (a group of words on its line, no command's: read where it is)
        last = whole.count("\n", 0, close - 1)
        end_at = close - 1 - sum(len(x) + 1 for x in lines[:last])
        lines[last] = lines[last][:end_at] + lines[last][end_at + 1 :]
        lines[k] = line[: len(line) - len(stripped)] + stripped[1:]
    if len(lines) != len(body):  # (never: every change keeps the lines)
        return body
    return [(k, line) for (k, _), line in zip(body, lines)]


def _boxes_opened(text: str, depth: int = 0) -> str:
    """``text`` with each box of :data:`_BOXES` outside math as its text (its arguments before it left out,
    their line breaks kept), a box inside a box too (``\\raisebox{…}{\\scalebox{…}{…}}``)."""
    math = [(mt.start(), mt.end()) for mt in _MATH_SPANS.finditer(text)]
    out, at = [], 0
    for mt in _BOX.finditer(text):
        if mt.start() < at or any(a <= mt.start() < b for a, b in math):
            continue
        j = mt.end()
        ok = True
        for kind in _BOXES[mt.group(1)] + "{":
            k = len(text) - len(text[j:].lstrip())
            if kind == "[":
                if text.startswith("[", k):
                    close = balanced_group(text, k, "[", "]")
                    if close < 0:
                        ok = False
                        break
                    j = close
                continue
            if not text.startswith("{", k) or (close := balanced_group(text, k)) < 0:
                ok = False
                break
            inner_start, j = k + 1, close
        if not ok:
            continue
        skipped = text[mt.start() : inner_start]
        inner = text[inner_start : j - 1]
        if depth < 8 and _BOX.search(inner):
            inner = _boxes_opened(inner, depth + 1)
        if mt.group(1) in _LINED:
            inner = outside(_KEPT_IN_BOX, inner, _newlines)
        out.append(text[at : mt.start()] + "\n" * skipped.count("\n") + inner)
        at = j
    return "".join(out) + text[at:]


# the boxes that set their text in lines (\\ a line break in them), and what in a box keeps its own \\
_LINED = frozenset(
    ("parbox", "makecell", "makecell*", "thead", "shortstack", "Centerstack", "Longstack", "Shortstack")
)
_KEPT_IN_BOX = re.compile(_MATH_SPANS.pattern + r"|\\begin\{([A-Za-z]+\*?)\}.*?\\end\{\3\}", re.S)
_BOX_LINE_END = re.compile(r"[ \t]*\\\\\*?(?:\s*\[[^\]\n]*\])?([ \t]*)(\n?)")


def _newlines(text: str) -> str:
    """A box's text with its line breaks (``\\\\``) as ``\\newline``: a line of the box, not a row of the
    tabular the box may stand in (``\\makecell{a\\\\b}`` in a cell)."""
    if "\\\\" not in text:
        return text
    return _BOX_LINE_END.sub(lambda mt: "\\newline" + (mt.group(2) or "{}"), text)


_TEX_QUOTE = re.compile(r"``((?:(?!\n[ \t]*\n)[^`])*?)''")  # ``…'' (over lines, not over a paragraph)


def _quoted(body: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """A frame's lines with TeX's quotes (````…''``) as the marks they print, also where a quotation
    runs over a line break (each line's own are read later, one line at a time)."""
    text = "\n".join(line for _, line in body)
    if "``" not in text:
        return body
    new = _TEX_QUOTE.sub("\u201c\\1\u201d", text).split("\n")
    return [(k, line) for (k, _), line in zip(body, new)]


_END_THEN = re.compile(
    r"^(\s*\\end\{[A-Za-z*]+\}|\s*\\includegraphics\s*(?:\[[^\]]*\])?\s*\{[^{}]*\})[ \t]*"
    r"(\\(?:pause|onslide|item|begin)\b.*)$"
)  # (or a picture, then \pause: `\includegraphics{a}\pause`)


def _after_end(line: str) -> list[str]:
    """``line`` as the lines TeX reads the same: an environment's end followed by ``\\pause`` (or an
    item, another environment) on its line is two lines, so that the environment is read whole."""
    if ("block}" in line or _ALIGNED_AFTER_TEXT.search(line)) and not _VERBATIM_ARG.search(line):
        # (\verb|\begin{block}|: code; a cell's `& \begin{center}`: the table's)
        parts = _BOX_AFTER_TEXT.split(line)  # (a box begun or ended after words: a paragraph of its own)
        if len(parts) > 1:
            return [
                piece
                for part in [parts[0], *map("".join, zip(parts[1::2], parts[2::2]))]
                for piece in _after_end(part)
            ]
    if "\\includegraphics" in line:
        parts = _picture_then_more(line)
        if len(parts) > 1:
            return [piece for part in parts for piece in _after_end(part)]
    mt = _END_THEN.match(line)
    return [mt.group(1), mt.group(2)] if mt else [line]


# what may stand before a picture on its line and still leave it a picture of its own: an environment's
# start (`\begin{column}{0.4\textwidth}`), `\centering`, an overlay's opened group (`\only<1>{`)
_BEFORE_PICTURE = re.compile(
    r"(?:\s*(?:\\begin\{[A-Za-z*]+\}(?:\s*\[[^\]\n]*\])?(?:\s*\{[^{}\n]*\})*"
    r"|\\column\s*(?:\[[^\]\n]*\])?\s*\{[^{}\n]*\}|\\(?:centering|noindent)(?![A-Za-z])"
    r"|\\[vh]space\*?\s*\{[^{}\n]*\}|\\(?:bigskip|medskip|smallskip|vfill|hfill)(?![A-Za-z])"
    r"|\\(?:only|uncover|visible|onslide)\s*(?:<[^<>{}\n]{1,60}>)?\s*\{))*\s*$"
)
# pictures side by side, what spaces them (`\hfill`, `\quad`) and the line break after them
_PICTURES = re.compile(
    r"(?:\\includegraphics\s*(?:\[[^\]\n]*\])?\s*\{[^{}\n]+\}"
    r"(?:\s*(?:\\hfill|\\quad|\\qquad|\\hspace\*?\{[^{}]*\}|~|\\,)(?![A-Za-z]))*\s*)+"
)
_BREAK_AFTER = re.compile(
    r"(?:\s*(?:\\\\\*?(?:\s*\[[^\]\n]*\])?|\\par(?![A-Za-z])|\\newline(?![A-Za-z])))*\s*"
)
_ONLY_CLOSING = re.compile(r"(?:\s*(?:\}|\\end\{[A-Za-z*]+\}))*\s*")
_OVERLAY_START = re.compile(r"\\(?:only|uncover|visible|onslide)[*+]?\s*<[^<>{}\n]{1,60}>\s*\{")


def _picture_then_more(line: str) -> list[str]:
    """``line`` as the lines TeX reads the same where a picture (pictures side by side) that begins it,
    after an environment's start or an overlay's opened group, is followed by more on its line
    (``\\includegraphics{a}\\\\{\\scriptsize Caption}``, ``\\only<1>{\\includegraphics{a} \\par words}``): the
    picture, then the rest (the line break between them left out), so that the picture is read as one."""
    mt = _PICTURES.search(line)
    if mt is None or _BEFORE_PICTURE.fullmatch(line[: mt.start()]) is None or "&" in line:
        return [line]
    rest = line[mt.end() :]
    rest = rest[_BREAK_AFTER.match(rest).end() :]  # type: ignore[union-attr]  # (it matches "" at least)
    if _ONLY_CLOSING.fullmatch(rest):
        return [line]
    closing = _ONLY_CLOSING.match(rest).end()  # type: ignore[union-attr]  # (it matches "" at least)
    if "}" in rest[:closing] and _OVERLAY_START.match(rest, closing):
        # (`\only<1>{\includegraphics{a}}\only<2>{\includegraphics{b}}`: each overlay a line, each on its
        # click as on lines of their own)
        cut = len(line) - len(rest) + closing
        return [line[:cut].rstrip(), *_picture_then_more(line[cut:])]
    return [line[: mt.end()].rstrip(), rest]


_BOX_AFTER_TEXT = re.compile(
    r"(?<=\S)[ \t]*(\\(?:begin|end)\{(?:(?:alert|example)?block|center|flushleft|flushright)\})"
)
# (a macro's `\begin{center}` after words on its line, as a \mybox{…} of `\begin{center}\shadowbox{#1}…`
# puts it; not in a table's cell)
_ALIGNED_AFTER_TEXT = re.compile(
    r"^(?:(?!\\(?:begin|end)\{)[^&]|\\&)*?\S[ \t]*\\begin\{(?:center|flushleft|flushright)\}"
)  # (nor inside another environment begun on the line: a title page's `\begin{minipage}` … `\begin{center}`)


def _title_command(
    line: str, command: re.Match, after: list[str], at: int, out: Converted
) -> tuple[str, str, int]:
    """The words of the ``\\frametitle{…}`` (``\\framesubtitle``) ``command`` on ``line``, what follows it on
    its line, and how many of the lines ``after`` it takes (a title over lines); one whose brace is never
    closed is its line's words, with a warning at ``at``."""
    close = balanced_group(line, command.end() - 1)
    more = _group_lines(line[command.end() - 1 :], after) if close < 0 else 0
    if more:
        line = " ".join([line, *(part.strip() for part in after[:more])])
        close = balanced_group(line, command.end() - 1)
    words = _one_line(line[command.end() : close - 1] if close > 0 else line[command.end() :])
    if close < 0:  # (a brace never closed: TeX would stop; its line's words are the title)
        out.warnings.append(
            (
                at,
                f"\\{command.group(1)}'s brace is never closed: its {command.group(1)[5:]} is taken to "
                f'the end of its line ("{words[:40]}"); close it with }}',
                "unclosed-group",
            )
        )
    return words, line[close:].strip() if close > 0 else "", more


def _frame_head(head: str, after: list[str], line: int, out: Converted) -> tuple[str, str, str, int]:
    """A frame's title, subtitle and the rest of its ``head`` (:func:`_frame_args`), and how many lines
    of ``after`` (its next lines) its title takes: one over lines is joined; one whose brace is never
    closed is its line's words, with a warning at its ``line``."""
    title, subtitle, rest = _frame_args(head)
    more = 0  # (the lines after the first that the frame's head takes)
    if not title and rest.lstrip().startswith("{") and balanced_group(rest.lstrip(), 0) < 0:
        more = _group_lines(rest.lstrip(), after)  # (a title over lines: joined)
        if more:
            head = " ".join([head, *(part.strip() for part in after[:more])])
            title, subtitle, rest = _frame_args(head)
    if not title and rest.lstrip().startswith("{") and balanced_group(rest.lstrip(), 0) < 0:
        title, rest = _one_line(rest.lstrip()[1:]), ""  # (a title whose brace is never closed: its line's)
        out.warnings.append(
            (
                line,
                "the frame's title brace is never closed: its title is taken to the end of its line "
                f'("{title[:40]}"); close it with }}',
                "unclosed-group",
            )
        )
    return title, subtitle, rest, more


def _group_lines(opened: str, after: list[str]) -> int:
    """How many lines of ``after`` the group that ``opened`` opens (and does not close) runs over to its
    close; 0 where it is not closed before a blank line, an environment or an item (a title's brace
    never closed)."""
    depth = _depth(opened)
    for n, line in enumerate(after[:8], 1):
        if not line.strip() or re.match(r"\s*\\(?:begin|end|item)(?![A-Za-z])", line):
            return 0
        depth += _depth(line)
        if depth <= 0:
            return n
    return 0


def _frame_args(head: str) -> tuple[str, str, str]:
    """A frame's ``<overlay>``, ``[options]``, ``{title}`` and ``{subtitle}``: (title, subtitle, the rest
    of its line)."""
    args: list[str] = []
    i = 0
    while i < len(head):
        c = head[i]
        if c in " \t":
            i += 1
            continue
        if c == "<" and not args:
            close = head.find(">", i)
            i = close + 1 if close > 0 else len(head)
            continue
        if c == "[" and not args:
            close = balanced_group(head, i, "[", "]")
            i = close if close > 0 else len(head)
            continue
        if c == "{" and len(args) < 2:
            close = balanced_group(head, i)
            if close < 0:
                break
            args.append(_one_line(head[i + 1 : close - 1]))
            i = close
            continue
        break
    return (args[0] if args else ""), (args[1] if len(args) > 1 else ""), head[i:]


# what may open a group that runs over lines (`{\\small` … `}`, `{\\ttfamily` … `}`): a size or a face
_GROUP_OPEN = (
    r"(?:"
    + SIZES[3:-1]
    + "|"
    + "|".join(SWITCHES)
    + r"|sffamily|rmfamily|scshape|upshape|normalfont|"
    + SIZE_SETTINGS
    + ")"
)
# sizes and faces that open a group at a line's start (`{\scriptsize\bfseries words`)
_GROUP_START = re.compile(r"^\{(?:\\" + _GROUP_OPEN + r"(?![A-Za-z])\s*)+")
# the declarations that open a group around a title or a name (``{\\large …}``, ``{\\bf …}``): left out there
_DECLARATIONS = re.compile(
    r"^(?:\\(?:" + _GROUP_OPEN + r"|sc|sl|rm|sf|centering|raggedright|color\{[^{}]*\})(?![A-Za-z])\s*)+"
)
_SPACE_ONLY = re.compile(
    r"^(?:\\(?:vspace\*?|hspace\*?)\{[^{}]*\}|\\(?:vfill|hfill|medskip|bigskip|smallskip|centering|raggedright|"
    r"raggedleft|noindent|par|newpage|clearpage|pagebreak|" + SIZES[3:-1] + r")\b|\s)+$"
)


# TeX's own spacing with a length not in braces (\vskip.5em, \vskip-1em, \hskip 2pt plus 1fil, \kern3pt,
# \vspace{-2mm}'s TeX form) and a rule (\rule{\textwidth}{2pt}: a line drawn, which a slide need not have)
_LENGTH = r"-?\s*(?:\d+(?:\.\d*)?|\.\d+)?\s*(?:pt|em|ex|mm|cm|in|bp|pc|dd|cc|sp|mu|fil+|\\[A-Za-z]+)"
_GLUE = re.compile(
    r"\\(?:vskip|hskip|kern|mskip|hspace\*?|vspace\*?)\s*"
    + rf"(?:{_LENGTH}(?:\s*plus\s*{_LENGTH})?(?:\s*minus\s*{_LENGTH})?|\{{[^{{}}]*\}})"
    + r"|\\rule\s*(?:\[[^\]]*\])?\s*\{[^{}]*\}\s*\{[^{}]*\}"
    # relsize's and LaTeX's own type sizes, their argument perhaps after a space (\relscale {0.7})
    + r"|\\(?:relscale|relsize|scalefont)\s*\{[^{}]*\}|\\fontsize\s*\{[^{}]*\}\s*\{[^{}]*\}(?:\s*\\selectfont\b)?"
    + r"|\\(?:larger|smaller|selectfont)\b(?:\s*\[[^\]]*\])?"
)
# \verb|x| (any delimiter), \lstinline!x!, \lstinline{x}, \mintinline{cpp}|x| or \mintinline{cpp}{x}: code in a line
_INLINE_VERBATIM = re.compile(_INLINE_CODE_HEAD + r"(?:([^\sA-Za-z{])(.*?)\1|\{([^{}]*)\})")


# \( … \) on a line, but \\( (a line break, then a parenthesis) and in code spans
_INLINE_PAREN = re.compile(r"\\\\|(`+)[^`]*?\1(?!`)|\\\((?!\s*\\\))(.+?)\\\)")


# TeX's $…$ pairs on a line, in order (\$ a dollar sign; $$ display math; code spans skipped)
_INLINE_DOLLARS = re.compile(r"(`+)[^`]*?\1(?!`)|\\.|\$\$|\$((?:\\.|[^$\\])+)\$(?=\d)|\$(?:\\.|[^$\\])+\$")


def _math_before_digit(mt: re.Match) -> str:
    """Math right before a digit (``($\\sim$90\\%``, ``$\\times$10``) as the characters it shows (``∼``):
    Markdown's ``$…$`` cannot end before a digit (``$5 and $10`` are prices), so its dollars would pair
    with the next ones.  Math that is more than a few plain characters stays math, a word joiner (which
    shows nothing) between it and the digit."""
    if mt.group(2) is None:
        return mt.group(0)
    from .texmath import tex_to_text  # noqa: PLC0415 (latex2mathml: only decks with such math load it)

    shown = (tex_to_text(mt.group(2)) or "").replace("~", "\u223c")
    if shown and len(shown) <= 3 and not re.search(r"[\\{}_*$#\[\]<>&%^`/]", shown):
        return shown
    return mt.group(0) + "\u2060"


def _anchor(label: str) -> str:
    """A frame's label (``fr:links``) as the id of its slide's heading (``fr-links``)."""
    return re.sub(r"[^\w.-]", "-", label.strip())


def _code_span(code: str) -> str:
    """``code`` as Markdown's code span (fenced with more backticks than it holds)."""
    ticks = "`" * (max((len(t) for t in re.findall(r"`+", code)), default=0) + 1)
    pad = " " if code.startswith("`") or code.endswith("`") else ""
    return f"{ticks}{pad}{code}{pad}{ticks}"


_CODE_SPAN = re.compile(r"(`+)[^`]*?\1(?!`)")


def _unprinted(text: str) -> str:
    """Text without what TeX prints nothing for: spacing with its length (:data:`_GLUE`), a rule, ``\\*``
    (a multiplication sign only where TeX breaks the line there), ``\\protect`` (pandoc's
    ``\\protect\\hypertarget{…}{}``); ``\\\\`` (a line break) is kept."""
    text = _GLUE.sub(lambda mt: _glue_left(text, mt), text) if "\\" in text else text
    return re.sub(r"(\\\\\*?)|\\\*|\\protect(?![A-Za-z])\s*", lambda mt: mt.group(1) or "", text)


def _glue_left(text: str, mt: re.Match) -> str:
    """What spacing ``mt`` of ``text`` (:data:`_GLUE`) leaves: a space where it sets apart two words
    (``i\\hspace*{1cm}j``, ``\\hskip 2em``), as TeX does; else nothing (a rule, vertical space, a kern back)."""
    forward = _FORWARD.match(mt.group(0))
    if forward is None or not re.search(r"[1-9]|\\", mt.group(0)[forward.end() :]):
        return ""
    if mt.start() == 0 or mt.end() == len(text) or text[mt.start() - 1].isspace() or text[mt.end()].isspace():
        return ""
    return " "


_NAMED_SPACE = re.compile(r"\\((?:neg)?(?:thin|med|thick)space)[ \t]+(?=\S)")
_FORWARD = re.compile(r"\\h(?:space\*?\s*\{|skip)\s*(?!-)")  # (horizontal space, not a kern back)


def _typographic(text: str) -> str:
    """A frame's line without what only sets type (sizes, spacing, centring), which a slide of Podium's
    template sets: ``{\\small words}`` is the words, ``{\\bf words}`` bold ones, a line of only
    ``\\vspace{1em}`` or ``\\vfill`` ends the paragraph (an empty line)."""
    if "\\" not in text:
        return text
    text = _INLINE_VERBATIM.sub(
        lambda mt: _code_span(mt.group(2) if mt.group(2) is not None else mt.group(3)), text
    )
    # (a group's size first: `{\fontsize{48pt}{60pt}\selectfont Q\&A}` is its words, braces and all)
    text = switched_groups(text) if "{\\" in text else text
    # (a group opened here, closed on a later line: its size or face left out; a colour it sets, `{\color{x}`,
    # the reader's, with the group's braces)
    text = _GROUP_START.sub(lambda mt: "{" if text[mt.end() :].startswith("\\color{") else "", text)
    text = outside(_CODE_SPAN, text, _unprinted)
    if "space" in text:  # (TeX passes over the spaces after a spacing command's name: \medspace BARTOŇ)
        text = outside(_CODE_SPAN, text, lambda part: _NAMED_SPACE.sub(r"\\\1{}", part))
    if _SPACE_ONLY.match(text) or re.fullmatch(r"(?:\\(?:textcolor|color)\{[^{}]*\}\{\s*\}|\s)*", text):
        return ""  # (what is left of a coloured rule: \textcolor{gray}{})
    text = _braced_accents(text)
    if "\\tab" in text or "Tab" in text:  # (tabto's tab stops: the words after them set apart)
        text = outside(_CODE_SPAN, text, lambda part: _TAB_STOP.sub(_tab_stop, part))
    text = re.sub(r"\\enquote\*?\{([^{}]*)\}", "\u201c\\1\u201d", text)
    if "\\(" in text:  # TeX's inline math \( … \) (in a .tex deck always math, \(F\) too) as $…$
        text = _INLINE_PAREN.sub(lambda mt: f"${mt.group(2).strip()}$" if mt.group(2) else mt.group(0), text)
    if re.search(r"\$\d", text):
        text = _INLINE_DOLLARS.sub(_math_before_digit, text)
    while (at := text.find("\\centerline{")) >= 0:  # (a slide's own alignment)
        close = balanced_group(text, at + len("\\centerline"))
        if close < 0:
            break
        text = text[:at] + text[at + len("\\centerline{") : close - 1] + text[close:]
    text = re.sub(  # \hyperlink{frame-label}{words}: a link to that frame's slide
        r"\\hyperlink\{([^{}]+)\}\{([^{}]*)\}", lambda mt: f"[{mt.group(2)}](#{_anchor(mt.group(1))})", text
    )
    text = re.sub(r"\\hypertarget\{[^{}]+\}\{([^{}]*)\}", r"\1", text)
    text = re.sub(  # \hyperref[label]{words}: the same
        r"\\hyperref\[([^\]]+)\]\{([^{}]*)\}", lambda mt: f"[{mt.group(2)}](#{_anchor(mt.group(1))})", text
    )
    text = switched_groups(text) if "{\\" in text else text
    return outside(  # (code keeps its \\small: \verb|\small{x}|)
        _CODE_SPAN,
        text,
        lambda part: _SPACING_OUT.sub(lambda mt: _spacing_out(part, mt), part),
    )


# the tabto package's tab stops (`\tabto{14ex}`, `\tabto*{…}`, `\tab`) and its settings (`\NumTabs{4}`)
_TAB_STOP = re.compile(
    r"[ \t]*\\(?:tabto\*?\s*\{[^{}]*\}|tab(?![A-Za-z])(?:\{\})?)[ \t]*|\\(?:TabPositions|NumTabs)\s*\{[^{}]*\}"
)


def _tab_stop(mt: re.Match) -> str:
    """What a tab stop ``mt`` prints: a space between the words before and after it (a setting, nothing)."""
    return "" if "Tab" in mt.group(0) else " "


_SPACING_OUT = re.compile(
    r"\\(?:vspace\*?|hspace\*?)\{[^{}]*\}|\\(?:vfill|hfill|centering|qedhere|noindent|smallskip|medskip|bigskip|"
    r"begingroup|endgroup|" + SIZES[3:-1] + r")\b(?:~|\s)?"
)


def _spacing_out(text: str, mt: re.Match) -> str:
    """What a spacing or size command ``mt`` of ``text`` leaves: nothing, or a space where a command's
    name before it would run on into the letters after it (``\\itshape\\small A``: ``\\itshape A``); a
    table column's own (``>{\\centering\\arraybackslash}X``, how its cells align) as it is."""
    if re.search(r">\s*\{[^{}]*$", text[: mt.start()]):
        return mt.group(0)
    before = re.search(r"\\[A-Za-z]+$", text[: mt.start()])
    return " " if before is not None and text[mt.end() : mt.end() + 1].isalpha() else ""


# environments whose text is paragraphs (where TeX's \\ breaks a line); in any other (tabular, align,
# array, tikzpicture…) \\ is the environment's own (a row's end) and stays for its reader
_TEXT_ENVS = frozenset(
    "itemize enumerate description block alertblock exampleblock center flushleft flushright columns "
    "column quote quotation verse minipage onlyenv uncoverenv visibleenv altenv overlayarea "
    # beamer's theorem-like boxes (a deck's own \newtheorem ones are blocks by then: _theorem_boxes)
    "theorem corollary definition definitions example examples fact lemma problem solution proof".split()
)
# environments whose lines are math (a line there starting with `-` is a minus, not a list's item)
_MATH_ENVS = frozenset(
    "equation displaymath math align flalign alignat gather multline eqnarray split aligned gathered "
    "alignedat array cases dcases rcases matrix pmatrix bmatrix vmatrix Bmatrix Vmatrix smallmatrix "
    "dmath dseries dgroup darray IEEEeqnarray empheq".split()
)
_PICTURE_ENVS = frozenset(("tikzpicture", "pgfpicture", "circuitikz", "axis", "scope", "forest", "tikzcd"))
_ENV = re.compile(r"\\(begin|end)\{([^{}]+)\}")
_LINE_BREAK = re.compile(r"\\\\(?:\*)?(?:\s*\[[^\]]*\])?")
_INLINE_MATH = re.compile(r"(?<!\\)\$(?:\\.|[^$\\])+\$|\\\((?:.|\n)*?\\\)")
# (the environments inside which no environment is an unknown one: _unknown_environments)
_OPAQUE_ENVS = frozenset(
    (
        *MATH,
        *MATH_GROUPS,
        *_MATH_ENVS,
        *DRAWN_PICTURES,
        *_PICTURE_ENVS,
        *CODE,
        *TABULARS,
        "math",
        "comment",
        "filecontents",
        "lrbox",
        "picture",
        "pspicture",
        "numcases",
        "subnumcases",
        "CD",
        "subarray",
        "multlined",
    )
)


def _breaks(text: str) -> list[str]:
    """A paragraph line cut where TeX's ``\\\\`` (``\\\\[2mm]``) breaks it, outside inline math: the parts,
    each but the last to end in a Markdown line break."""
    parts, cut = [], 0
    spans = [(mt.start(), mt.end()) for mt in _INLINE_MATH.finditer(text)]
    for mt in _LINE_BREAK.finditer(text):
        if not any(a <= mt.start() < b for a, b in spans):
            parts.append(text[cut : mt.start()].rstrip())
            cut = mt.end()
    return [*parts, text[cut:].strip()] if parts else [text]


_PAR = re.compile(r"[ \t]*\\par(?![A-Za-z@])[ \t]*")


def _paragraphs(text: str, envs: list[str]) -> list[str]:
    """A paragraph line cut where TeX's ``\\par`` ends a paragraph (in paragraphs, ``envs`` the
    environments open before the line; outside groups, inline math and code spans, where it is theirs):
    the paragraphs, an empty one where a ``\\par`` starts or ends the line."""
    if "\\par" not in text:
        return [text]
    skips = [(mt.start(), mt.end()) for mt in _INLINE_MATH.finditer(text)]
    skips += [(mt.start(), mt.end()) for mt in _CODE_SPAN.finditer(text)]
    parts, cut, envs = [], 0, list(envs)
    edges = iter(_ENV.finditer(text))
    edge = next(edges, None)
    for mt in _PAR.finditer(text):
        while edge is not None and edge.start() < mt.start():  # (the environments open at the \par)
            _track_environment(envs, edge)
            edge = next(edges, None)
        if (
            any(a <= mt.start() < b for a, b in skips)
            or _depth(text[: mt.start()]) != 0
            or not all(e in _TEXT_ENVS for e in envs)
        ):
            continue
        parts.append(text[cut : mt.start()])
        cut = mt.end()
    return [*parts, text[cut:]] if parts else [text]


def _add_paragraphs(
    out: list[tuple[int, str]], ends: set[int], k: int, paragraphs: list[str], breaks: bool
) -> None:
    """Add a frame's line ``k``, cut into ``paragraphs`` (:func:`_paragraphs`), to ``out``: an empty line
    between them (TeX's ``\\par``: the paragraph ends), each cut where its ``\\\\`` breaks it (``breaks``), the
    lines that end in a break added to ``ends``."""
    for p, paragraph in enumerate(paragraphs):
        if p and out and out[-1][1].strip():
            out.append((k, ""))
        if p and not paragraph.strip():
            continue
        parts = _breaks(paragraph) if breaks else [paragraph]
        for j, part in enumerate(parts):
            if j < len(parts) - 1:
                ends.add(len(out))
            if part or j == 0:
                out.append((k, part))


def _track_environment(envs: list[str], mt: re.Match) -> None:
    """``envs``, the environments open, after the ``\\begin`` or ``\\end`` ``mt`` (of :data:`_ENV`)."""
    name = mt.group(2).rstrip("*")
    if mt.group(1) == "begin":
        envs.append(name)
    elif name in envs:
        del envs[len(envs) - 1 - envs[::-1].index(name) :]


def _text_math(text: str) -> str:
    """Math inside a text box inside math (``$f(n) = 1 \\text{if $n \\le 1$}$``) with the box closed
    around it (``\\text{if }n \\le 1\\text{}``): TeX's meaning, which a reader of ``$…$`` can
    follow (the inner ``$`` would end the formula there)."""
    if "$" not in text or not re.search(r"\\(?:text|mbox|textrm|textnormal)\s*\{", text):
        return text
    out, last = [], 0
    for mt in re.finditer(r"\\(?:text|mbox|textrm|textnormal)\s*\{", text):
        if mt.start() < last:
            continue
        close = balanced_group(text, mt.end() - 1)
        if close < 0:
            continue
        inner = text[mt.end() : close - 1]
        if "$" not in inner:
            continue
        box = text[mt.start() : mt.end()]
        inner = re.sub(r"(?<!\\)\$((?:\\.|[^$\\])+)\$", "}" + r"\1" + box.replace("\\", "\\\\"), inner)
        out.append(text[last : mt.end()] + inner + "}")
        last = close
    return "".join(out) + text[last:] if out else text


def _opened_switches(body: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """``body`` with a size's or an alignment's group (``\\scriptsize{words}``, its braces perhaps
    closing on a later line) as its words, which TeX prints (the size is the template's); code
    (verbatim environments, ``\\verb|…|``) as written."""
    if not any("{" in line for _, line in body):
        return body
    out: list[tuple[int, str]] = []
    run: list[tuple[int, str]] = []  # lines outside verbatim environments, read together

    def flush() -> None:
        if run:
            text = "\n".join(line for _, line in run)
            said = outside(_INLINE_VERBATIM, text, lambda part: opened_switch_groups(part, keep=False))
            out.extend(zip((k for k, _ in run), said.split("\n")))  # (only braces go: the same lines)
            run.clear()

    for k, line, verbatim in _marked_verbatim(body):
        if verbatim:
            flush()
            out.append((k, line))
        else:
            run.append((k, line))
    flush()
    return out


def _marked_verbatim(body: list[tuple[int, str]]) -> Iterator[tuple[int, str, bool]]:
    """(index, line, verbatim) of ``body``: whether the line is in (or opens) a verbatim environment."""
    verbatim: str | None = None
    for k, line in body:
        if verbatim is not None:
            verbatim = None if f"\\end{{{verbatim}" in line else verbatim
            yield k, line, True
            continue
        opened = _VERBATIM.search(line)
        if opened is not None and f"\\end{{{opened.group(1)}" not in line:
            verbatim = opened.group(1)
            yield k, line, True
            continue
        yield k, line, False


def _pictures_joined(body: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """``body`` with an ``\\includegraphics`` whose braces close on a later line (``{`` at a line's end,
    the file's name on the next) on one line."""
    out: list[tuple[int, str]] = []
    for k, line in body:
        last = out[-1][1] if out else ""
        if (
            last.count("{") > last.count("}")
            and "\\includegraphics" in last
            and not _GRAPHIC.match(
                last, last.rfind("\\includegraphics")
            )  # (that one closed: `\only<1>{\includegraphics{a}`)
        ):
            if len(out[-1][1]) < 300:  # (a brace never closed takes no more than a few lines)
                out[-1] = (out[-1][0], out[-1][1].rstrip() + line.strip())
                continue
        out.append((k, line))
    return out


def _centred(body: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """``body`` with a line that is only ``\\centerline{words}`` (a slide's big statement) as a centred
    block (``::: {.center}``, as the ``center`` environment is: reader._div_align); verbatim lines kept."""
    out: list[tuple[int, str]] = []
    for k, line, verbatim in _marked_verbatim(body):
        if verbatim:
            out.append((k, line))
            continue
        found = re.match(r"\s*\\centerline\s*\{", line)
        close = balanced_group(line, found.end() - 1) if found is not None else -1
        if found is None or close < 0 or line[close:].strip() or not line[found.end() : close - 1].strip():
            out.append((k, line))
            continue
        said = ("", "::: {.center}", line[found.end() : close - 1].strip(), ":::", "")
        out.extend((k, part) for part in said)
    return out


def _groups_printed(text: str) -> str:
    """A frame's line of text with each TeX group closed on it that is no command's argument as the words
    it holds, as TeX prints them (``un {grupo} simple``, ``{\\textcolor{red}{x}}``: what a colour macro
    such as ``\\newcommand{\\green}[1]{{\\color{green}{#1}}}`` leaves; ``emph{arcs}`` is "empharcs"), in
    the arguments of the commands that print theirs (``\\textbf{a {b}}``) too (an empty one, ``a{}b``,
    prints nothing); code, math and Markdown's attributes (``{#id}``, ``{.class}``) stay as written."""
    if "{" not in text or text.lstrip().startswith(":::"):
        return text
    skips = dict(kept_spans(text))
    for mt in _MATH_SPANS.finditer(text):  # (\[ … \] and equation environments too)
        skips[mt.start()] = max(skips.get(mt.start(), 0), mt.end())
    out: list[str] = []
    last = i = 0
    while i < len(text):
        if (
            text[i] == "$"
            and skips.get(i, 0) <= i + 2
            or _MATH_OPENS.match(text, i)
            and skips.get(i, 0) <= i + 2
        ):
            break  # (math that goes on over the next line: TeX's own braces, `$x^{10}` … `$`)
        if i in skips:
            accent = text.startswith(("\\'", "\\`", "\\^", '\\"', "\\~", "\\=", "\\."), i)
            i = skips[i]
            if accent and text.startswith("{", i):  # (`\\'{o}`: the accent's argument)
                i = max(balanced_group(text, i), i + 1)
            continue
        if text[i] == "\\" and (name := _COMMAND_NAME.match(text, i)) is not None:
            i = name.end()
            braced = 0
            while (arg := _ARGUMENT_START.match(text, i)) is not None:
                opening = arg.end() - 1
                if text[opening] == "{" and (
                    name.group(1) in _NO_ARGUMENT or braced >= BRACED_ARGUMENTS.get(name.group(1), braced + 1)
                ):
                    break  # (`\\item {x}`: a group after the item's mark, no argument; `\\textbf{a}{b}`: b's)
                if text[opening] == "<":
                    close = text.find(">", opening) + 1
                else:
                    close = balanced_group(text, opening, text[opening], "]" if text[opening] == "[" else "}")
                if close <= 0:
                    break
                if text[opening] == "{":
                    braced += 1
                    if name.group(1) in _PRINTING and not (braced == 1 and name.group(1) in _COLOURING):
                        inner = text[opening + 1 : close - 1]
                        if (printed := _groups_printed(inner)) != inner:
                            out.append(text[last : opening + 1] + printed)
                            last = close - 1
                i = close
                if name.group(1) == "begin" and text[opening:close] in ("{tabu}", "{longtabu}"):
                    width = TABU_WIDTH.match(text, i)  # (its width, `to 10cm`, then its columns)
                    i = width.end() if width else i
            continue
        if text[i] != "{":
            i += 1
            continue
        close = balanced_group(text, i)
        inner = text[i + 1 : close - 1] if close > 0 else ""
        if close < 0 or re.match(r"[#.][A-Za-z_]", inner) or not inner and _NAME_BEFORE.search(text, 0, i):
            i += 1  # (a group closed on a later line, `{\\small` … `}`: another pass's)
            continue
        out.append(text[last:i] + _groups_printed(inner))
        last = i = close
    return "".join(out) + text[last:] if out else text


# what opens math: `\[`, `\(`, an equation environment (closed on the line: a span :func:`_groups_printed` skips)
_MATH_OPENS = re.compile(
    r"\\[\[(]|\\begin\{(?:" + "|".join(sorted(_MATH_ENVS, key=len, reverse=True)) + r")\*?\}"
)
_COMMAND_NAME = re.compile(r"\\([A-Za-z@]+\*?)")
_NAME_BEFORE = re.compile(r"\\[A-Za-z@]+\*?\s*$")  # (`\newline{}words`: the empty group ends the name)
# what a command's arguments may start with: overlay specifications, options, braces (spaces first too)
_ARGUMENT_START = re.compile(r"[ \t]*(?:<(?=[^<>\n]*>)|\[|\{)")
# commands whose braces after them are no argument of theirs (an item's mark, a switch, a spacing)
_NO_ARGUMENT = frozenset(
    "item pause par noindent centering raggedright raggedleft quad qquad medskip bigskip "
    "smallskip vfill hfill".split()
) | frozenset(SIZES[3:-1].split("|"))
# commands that print their arguments' words (their groups are printed as any others)
_PRINTING = frozenset(
    "textbf textit textsl textsc textsf textrm textup texttt textnormal emph alert structure underline "
    "textcolor colorbox uncover only visible onslide invisible alt mbox".split()
)
_COLOURING = frozenset(("textcolor", "colorbox"))  # (whose first argument is a colour's name)


def _unlisted(text: str) -> str:
    """A line of TeX's text that Markdown would read as a list or a quote (``1. …``, ``- …``, ``> …``)
    with its marker escaped (``1\\.``, ``\\-``: Markdown's escapes)."""
    listish = _LISTISH.match(text)
    if listish is None:
        return text
    marker = listish.group(1)
    escaped = marker[:-1] + "\\" + marker[-1] if len(marker) > 1 else "\\" + marker
    return escaped + text[len(marker) :]


def _display_open(text: str, display: bool) -> bool:
    """Is display math (``$$ … $$``, ``\\[ … \\]``) open after the line ``text``, given whether it was
    before it?"""
    for mt in re.finditer(r"\\.|\$\$", text):  # (`\\[8pt]`, `$w\$$`: escapes, no fence)
        if mt.group(0) in ("$$", "\\[", "\\]"):
            display = not display if mt.group(0) == "$$" else mt.group(0) == "\\["
    return display


@dataclass
class _InlineMath:
    """``$ … $`` math a frame writes over several lines (a matrix's rows, each ending in TeX's ``\\\\``):
    its lines are TeX's own, as display math's are (no line break, no list).  A ``$`` alone on its line
    opens math that Markdown cannot read (a space after the ``$``): it and its closing ``$`` become
    ``$$``, a display of it."""

    inline: bool = False
    lone: bool = False  # display math opened by a lone `$`: its next `$` closes it

    def line(self, text: str, display: bool) -> tuple[str, bool, bool]:
        """``text`` (a lone ``$`` as ``$$``), whether inline math was open before it, and whether any of
        it is inline math."""
        if self.lone and display:
            singles = single_dollars(text)
            if singles:
                text, self.lone = text[: singles[0]] + "$$" + text[singles[0] + 1 :], False
            return text, False, False
        if not display and not self.inline and text == "$":
            self.lone = True
            return "$$", False, False
        before = self.inline
        singles = single_dollars(text) if not display else []
        if len(singles) % 2 == 1:
            self.inline = not self.inline
            d = singles[-1] if self.inline else singles[0]
            # (`$ A = \left[` over lines: no space inside the dollars, which Markdown reads as math)
            text = text[: d + 1] + text[d + 1 :].lstrip() if self.inline else text[:d].rstrip() + text[d:]
        return text, before, before or self.inline


def _dedented(body: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """A frame's lines without their indentation (but in verbatim environments), and a line that
    Markdown would read as a list or a quote (``1. …``, ``- …``, ``> …``) escaped: in TeX it is text."""
    out: list[tuple[int, str]] = []
    verbatim: str | None = None
    groups = 0  # {\small … } groups open over several lines
    envs: list[str] = []  # the environments open (\\ breaks a line only in paragraphs: _TEXT_ENVS)
    ends: set[int] = set()  # lines of `out` that ended in \\ (a break if the paragraph goes on)
    display = False  # display math ($$ … $$, \\[ … \\]) open over several lines
    math = _InlineMath()  # $ … $ math open over several lines
    for k, line in _pictures_joined(_centred(_opened_switches(body))):
        if verbatim is not None:
            if f"\\end{{{verbatim}" in line:
                verbatim = None
                line = line.lstrip()  # (its end's own indentation is not the code's)
            out.append((k, line))
            continue
        if not line.strip() and any(e in _PICTURE_ENVS for e in envs):
            continue  # (a blank line in a picture's code would cut it in two: its code shown as text)
        text = _typographic(line.strip())
        opened = _VERBATIM.search(text)
        if opened is not None and f"\\end{{{opened.group(1)}" not in text[opened.end() :]:
            verbatim = opened.group(1)
        if groups and text.endswith("}") and text.count("}") > text.count("{"):  # (the end of a group
            groups -= 1  # {\small … } opened on an earlier line)
            text = text[:-1].rstrip()
            if not text:
                continue
        opener = _GROUP_START.match(line.strip())
        if opener is not None and _depth(line.strip()) > 0 and not text.startswith("{"):
            groups += 1  # (its closing brace, on a later line, goes: `{\scriptsize\color{gray} a` … `b}`)
        if re.fullmatch(r"[=-]+", text) and out and out[-1][1]:  # (in TeX a line of its own; in Markdown
            out[-1] = (out[-1][0], out[-1][1] + " " + text)  # it would underline a heading or cut a slide)
            continue
        text, inline_before, inline_any = math.line(text, display)
        display_before, display = display, _display_open(text, display)  # (a lone `$` made `$$`: math.line)
        if not display_before and not inline_before and not any(e in _MATH_ENVS for e in envs):
            text = _unlisted(  # (in math a line is TeX's own, and in a picture its code's)
                text if any(e in _PICTURE_ENVS for e in envs) else _groups_printed(text)
            )
        elif (display_before or inline_before) and _LISTISH.match(text):  # (math's line "+ b":
            text = "{}" + text  # TeX's empty group before it, so that Markdown starts no list there)
        text = _text_math(text)
        in_math = inline_any or display or display_before  # (TeX's \\ in math: a row, not a break)
        breaks = (
            "\\\\" in text
            and not in_math
            and all(e in _TEXT_ENVS for e in envs)
            and not _TITLE_COMMANDS.match(text)  # (a title's \\ is a space in it: _one_line)
        )
        _add_paragraphs(out, ends, k, _paragraphs(text, envs) if not in_math else [text], breaks)
        for mt in _ENV.finditer(text):
            _track_environment(envs, mt)
    for j in ends:  # Markdown's line break (a backslash at the line's end) where more text follows
        after = out[j + 1][1].lstrip() if j + 1 < len(out) else ""
        pictures = out[j][1].lstrip().startswith("\\includegraphics") or after.startswith("\\includegraphics")
        if (
            out[j][1].strip()
            and after
            and not pictures
            and not after.startswith(("\\end{", "\\begin{", "\\item"))
        ):
            out[j] = (out[j][0], out[j][1] + "\\")
    return out
