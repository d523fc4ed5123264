"""Raw TeX in a lecture, read the way pandoc reads it for a slide deck, and TeX macros for math.

pandoc's Markdown takes ``\\command{…}`` and ``\\begin{env}…\\end{env}`` outside math and code as
raw TeX, which its pptx writer drops.  Podium does the same, with two differences a lecturer
expects: beamer's ``\\note{…}`` becomes speaker notes (``texenvs.notes_to_divs``), and every
dropped piece gets a warning at its line.  ``\\newcommand``, ``\\renewcommand``, ``\\def`` and
``\\DeclareMathOperator`` define macros that are expanded in the lecture's math (pandoc's
``latex_macros``), so both outputs see the same, plain TeX.
"""

from __future__ import annotations

import re
import textwrap
from dataclasses import dataclass, field, replace

_NAME = re.compile(r"\\([A-Za-z@]+\*?)")
DEFINERS = (
    "newcommand",
    "renewcommand",
    "providecommand",
    "DeclareMathOperator",
    "DeclareMathOperator*",
    "def",
    "newcommand*",
    "renewcommand*",
)


@dataclass
class RawPiece:
    """A raw TeX command or environment found in text: where it starts and what it is."""

    start: int
    end: int
    source: str
    name: str
    args: list[str] = field(default_factory=list)
    kinds: str = ""  # "{" or "[" per argument


def _group(text: str, i: int, open_: str = "{", close: str = "}") -> int:
    """Return the index after the balanced group opening at ``text[i]``, or -1."""
    if i >= len(text) or text[i] != open_:
        return -1
    depth = 0
    j = i
    while j < len(text):
        c = text[j]
        if c == "\\":
            j += 2
            continue
        if c == open_:
            depth += 1
        elif c == close:
            depth -= 1
            if depth == 0:
                return j + 1
        j += 1
    return -1


balanced_group = _group  # (for podium.beamer)


# the characters of beamer's overlay specification: ranges (`2-4,6`), incremental ones (`+(1)-`), actions
# (`alert@2`), and a part per mode (`2-|handout:0`, `beamer:1-`, `handout:0`)
SPEC_CHARS = r"[0-9a-z@+\-.,|():* ]"
_OVERLAY = re.compile(r"<" + SPEC_CHARS + r"{1,60}>")


_SKIPS = frozenset(("vskip", "hskip", "kern", "mskip", "mkern"))
_DIMEN = r"(?:[-+]?\s*(?:\d+(?:[.,]\d*)?|[.,]\d+)\s*(?:true\s*)?(?:em|ex|pt|cm|mm|in|bp|pc|dd|cc|sp|mu|fil{1,3})\b|\\[A-Za-z]+)"
_LENGTH = re.compile(rf"[ \t]*{_DIMEN}(?:\s+plus\s+{_DIMEN})?(?:\s+minus\s+{_DIMEN})?")


_SPACES = re.compile(r"[ \t]*(?:\n[ \t]*)?")  # spaces, and at most one line break (a blank line is \par)


_TIKZSTYLE_OPTIONS = re.compile(r"[ \t]*\+?=[ \t]*\[")


_NAME_DEFINERS = frozenset(("newcommand", "renewcommand", "providecommand", "DeclareMathOperator"))
# LaTeX's commands that set a length, whose name may go unbraced too (\setlength\tabcolsep{4pt})
_LENGTH_SETTERS = frozenset(
    ("setlength", "addtolength", "newlength", "settowidth", "settoheight", "settodepth")
)
_BARE_NAME = re.compile(r"[ \t]*(\\[A-Za-z@]+)")
# text commands of a known number of braced arguments: a group right after them is no argument of theirs
# (``{\bfseries A}{\itshape B}`` read as ``\textbf{A}{\emph{B}}``: ``{\emph{B}}`` is a group of its own)
BRACED_ARGUMENTS = {
    **dict.fromkeys(
        "textbf textit emph textsl texttt textsc textrm textsf textup textmd textnormal underline uline sout "
        "textsubscript textsuperscript alert structure".split(),
        1,
    ),
    "textcolor": 2,
}


def _matching_end(text: str, i: int, env: str) -> int:
    """Where the ``\\end{env}`` that closes an environment begun before ``text[i]`` starts, past the
    environments of the same name nested in it (an ``alertblock`` in an ``alertblock``); -1 if none."""
    begin, end = "\\begin{" + env + "}", "\\end{" + env + "}"
    depth = 0
    while True:
        close = text.find(end, i)
        if close < 0:
            return -1
        depth += text.count(begin, i, close)
        if depth == 0:
            return close
        depth -= 1
        i = close + len(end)


def _read_command(text: str, i: int) -> RawPiece | None:
    """Read ``\\name[opt]{arg}…`` at ``text[i]``; None when no command starts there."""
    mt = _NAME.match(text, i)
    if not mt:
        return None
    name = mt.group(1)
    j = mt.end()
    if name in ("onslide", "onslide*"):  # (beamer's \onslide+<2-> and \onslide*<2>: an \onslide all the same)
        name, j = "onslide", j + text.startswith("+", j)
    args: list[str] = []
    kinds = ""
    if name == "begin":
        end = _group(text, j)
        if end < 0:
            return None
        env = text[j + 1 : end - 1]
        close = _matching_end(text, end, env)
        if close < 0:
            return RawPiece(i, end, text[i:end], name, [env])
        stop = close + len("\\end{" + env + "}")
        return RawPiece(i, stop, text[i:stop], name, [env, text[end:close]])
    if name in _SKIPS:  # \vskip2em, \hskip 1em plus 1fil: the length is the command's, not words
        length = _LENGTH.match(text, j)
        if length is not None:
            return RawPiece(i, length.end(), text[i : length.end()], name, [])
    if name in ("def",):  # \def\name#1{body}
        m2 = re.match(r"\\([A-Za-z@]+)((?:#\d)*)", text[j:])
        if m2:
            j += m2.end()
            end = _group(text, j)
            if end > 0:
                args = [m2.group(1), str(len(m2.group(2)) // 2), text[j + 1 : end - 1]]
                return RawPiece(i, end, text[i:end], name, args)
    if (name.rstrip("*") in _NAME_DEFINERS or name in _LENGTH_SETTERS) and (
        bare := _BARE_NAME.match(text, j)
    ) is not None:
        args.append(bare.group(1))  # (\newcommand\comb[2]{…}: the name unbraced, as LaTeX and MathJax allow)
        kinds += "{"
        j = bare.end()
    most = BRACED_ARGUMENTS.get(name)
    while j < len(text) and (most is None or kinds.count("{") < most):
        k = j
        if name in DEFINERS or (
            name == "note" and kinds in ("", "[")
        ):  # (TeX skips spaces after a name: \note {…})
            k = _SPACES.match(text, k).end()  # type: ignore[union-attr]
        if k < len(text) and text[k] == "[":
            end = _group(text, k, "[", "]")
        elif k < len(text) and text[k] == "<" and _OVERLAY.match(text, k):  # beamer's <2-> overlay
            end = _OVERLAY.match(text, k).end()  # type: ignore[union-attr]
        elif k < len(text) and text[k] == "{":
            end = _group(text, k)
        else:
            break
        if end < 0:
            break
        args.append(text[k + 1 : end - 1])
        kinds += text[k]
        j = end
    if name == "tikzstyle" and (style := _TIKZSTYLE_OPTIONS.match(text, j)) is not None:
        end = _group(text, style.end() - 1, "[", "]")  # (\tikzstyle{x} = [options]: the options are its own)
        if end > 0:
            args.append(text[style.end() : end - 1])
            kinds += "["
            j = end
    return RawPiece(i, j, text[i:j], name, args, kinds)


read_command = _read_command  # (for podium.coverage)


# what pandoc's Markdown reads as a raw TeX block when a paragraph's first lines hold only them (its
# rawTeXBlock: a list may begin right under them): switches of spacing, size and alignment, beamer's overlays
# and notes, definitions and set-ups; not inline commands (\textbf{…}, \includegraphics, \label, \noindent)
_BLOCK_SWITCHES = frozenset(
    "smallskip medskip bigskip vfill hfill centering raggedright raggedleft newpage clearpage pagebreak "
    "tiny scriptsize footnotesize small normalsize large Large LARGE huge Huge quad qquad selectfont pause "
    "onslide".split()
)
_BLOCK_COMMANDS = frozenset(
    "vspace hspace vskip setlength addtolength newlength fontsize linespread setstretch note color "
    "newcommand renewcommand providecommand def DeclareMathOperator definecolor colorlet tikzset lstset "
    "setbeamercolor setbeamerfont setbeamertemplate".split()
)


def tex_block_line(line: str) -> bool:
    """Whether ``line`` holds only TeX commands that pandoc's Markdown reads as a raw TeX block
    (``\\vspace{1em}``, ``\\small``, ``\\pause``): a list may begin right under such lines."""
    text = line.strip()
    i = 0
    while i < len(text):
        piece = _read_command(text, i)
        if piece is None:
            return False
        name = piece.name.rstrip("*")
        if not (name in _BLOCK_COMMANDS or (name in _BLOCK_SWITCHES and "{" not in piece.kinds)):
            return False
        i = piece.end + len(text[piece.end :]) - len(text[piece.end :].lstrip())
    return bool(text)


def find_raw_tex(text: str, markdown: bool = True) -> list[RawPiece]:
    """Return the raw TeX commands in Markdown ``text``, skipping code spans, math and escapes
    (``markdown=False``: ``text`` is already plain text, with no code or math in it)."""
    out: list[RawPiece] = []
    i = 0
    n = len(text)
    while i < n:
        c = text[i]
        if c == "`" and markdown:
            run = len(text[i:]) - len(text[i:].lstrip("`"))
            close = text.find("`" * run, i + run)
            i = close + run if close >= 0 else i + run
            continue
        if c == "$" and markdown:
            close = _math_end(text, i)
            i = close if close > 0 else i + 1
            continue
        if c == "]" and markdown and text.startswith("](", i):  # a link's or picture's address: a
            i = _destination_end(text, i + 2)  # path written on Windows (figs\plot.jpg), not TeX
            continue
        if c == "\\":
            piece = _read_command(text, i)
            if piece is None:
                i += 2 if markdown else 1  # a Markdown escape such as \* or \\
                continue
            out.append(piece)
            i = piece.end
            continue
        i += 1
    return out


def kept_spans(text: str) -> list[tuple[int, int]]:
    """The (start, end) of what a text pass must leave as written in Markdown ``text``: code spans, math,
    links' and pictures' addresses, and escapes (``\\\\``, ``\\$``), as :func:`find_raw_tex` skips them."""
    spans: list[tuple[int, int]] = []
    i = 0
    n = len(text)
    while i < n:
        c = text[i]
        end = i + 1
        if c == "`":
            run = len(text[i:]) - len(text[i:].lstrip("`"))
            close = text.find("`" * run, i + run)
            end = close + run if close >= 0 else i + run
        elif c == "$":
            end = max(_math_end(text, i), i + 1)
        elif c == "]" and text.startswith("](", i):
            end = _destination_end(text, i + 2)
        elif c == "\\" and i + 1 < n and not text[i + 1].isalpha():
            end = i + 2
        else:
            i += 1
            continue
        spans.append((i, end))
        i = end
    return spans


# switches that take no argument (a type size, an alignment): a group right after one
# (``\\scriptsize{words}``) is no argument but a group of words TeX prints, the switch set on them
SWITCHES = frozenset(
    "tiny scriptsize footnotesize small normalsize large Large LARGE huge Huge "
    "centering raggedright raggedleft noindent".split()
)
# the face switches, whose group's words TeX sets in that face: the command that does so for its argument
FACE_SWITCHES = {
    **dict.fromkeys(("bf", "bfseries"), "textbf"),
    **dict.fromkeys(("it", "itshape"), "textit"),
    **dict.fromkeys(("sl", "slshape"), "textsl"),
    **dict.fromkeys(("tt", "ttfamily"), "texttt"),
    **dict.fromkeys(("sc", "scshape"), "textsc"),
    **dict.fromkeys(("sf", "sffamily"), "textsf"),
    **dict.fromkeys(("rm", "rmfamily"), "textrm"),
    "em": "emph",
    "upshape": "textup",
    "normalfont": "textnormal",
}
_CODE_ENVS = frozenset(
    ("verbatim", "Verbatim", "lstlisting", "minted", "semiverbatim", "Highlighting", "comment")
)


def opened_switch_groups(text: str, keep: bool = True, markdown: bool = True) -> str:
    """``text`` with the groups written right after a switch (``\\scriptsize{words}``, ``\\small{a}{b}``,
    ``\\centering{…}``) opened, as TeX prints them: the words (nested ones too), after the switch alone
    (``\\scriptsize{}words``; ``keep=False``: the words alone); after a face or a colour, the command that
    sets its argument so (``\\bf{words}`` as ``\\textbf{words}``, ``\\color{red}{words}`` as ``\\textcolor``).  Only braces go, so every line stays
    where it was (``markdown``: as :func:`find_raw_tex`)."""
    if "{" not in text:
        return text
    out: list[str] = []
    last = 0
    for piece in find_raw_tex(text, markdown):
        if piece.name == "begin" and len(piece.args) == 2 and piece.args[0].rstrip("*") not in _CODE_ENVS:
            env, body = piece.args
            head = f"\\begin{{{env}}}"
            new = head + opened_switch_groups(body, keep, markdown) + f"\\end{{{env}}}"
        elif piece.name in SWITCHES and piece.kinds and not piece.kinds.strip("{"):
            words = "".join(opened_switch_groups(a, keep, markdown) for a in piece.args)
            new = (f"\\{piece.name}{{}}" if keep else "") + words
        elif piece.name in FACE_SWITCHES and piece.kinds and not piece.kinds.strip("{"):
            words = "".join(opened_switch_groups(a, keep, markdown) for a in piece.args)
            new = f"\\{FACE_SWITCHES[piece.name]}{{{words}}}"  # (\bf{words}: bold words)
        elif piece.name == "color" and piece.kinds.startswith("{{") and not piece.kinds.strip("{"):
            words = "".join(opened_switch_groups(a, keep, markdown) for a in piece.args[1:])
            new = f"\\textcolor{{{piece.args[0]}}}{{{words}}}"
        else:
            continue
        out.append(text[last : piece.start] + new)
        last = piece.end
    return "".join(out) + text[last:] if out else text


def _destination_end(text: str, i: int) -> int:
    """Index after the link destination that starts at ``text[i]`` (after ``](``): its ``)``, the
    brackets of ``<…>`` or nested ``(…)`` kept; the end of its line when it has none."""
    depth = 0
    j = i
    while j < len(text) and text[j] != "\n":
        if text[j] == "(":
            depth += 1
        elif text[j] == ")":
            if depth == 0:
                return j + 1
            depth -= 1
        j += 1
    return j


def _math_end(text: str, i: int) -> int:
    """Index after the math that opens with the ``$`` at ``text[i]``, or -1 when it opens none.

    pandoc's rule (tex_math_dollars): the opening ``$`` has a non-space character right after it, the
    closing one a non-space character right before it and no digit right after it.
    """
    dbl = text.startswith("$$", i)
    start = i + (2 if dbl else 1)
    if start >= len(text) or (not dbl and text[start] in " \t\n"):
        return -1
    j = start
    while True:
        j = text.find("$$" if dbl else "$", j)
        if j < 0:
            return -1
        if text[j - 1] == "\\":
            j += 1
            continue
        if dbl:
            return j + 2
        if text[j - 1] not in " \t\n" and not (j + 1 < len(text) and text[j + 1].isdigit()):
            return j + 1
        j += 1


# --------------------------------------------------------------------------- macros


@dataclass(frozen=True)
class Macro:
    nargs: int
    body: str
    default: str | None = None  # the optional first argument's default


# KaTeX's own macros (its src/macros.js, MediaWiki's texvc names): a deck whose math a browser typesets with
# KaTeX writes \R for ℝ as LaTeX writes \mathbb{R} (\C and \Q are not among them)
KATEX_MACROS = {
    name: Macro(0, body)
    for name, body in (
        line.split(" ", 1)
        for line in """N \\mathbb{N}
R \\mathbb{R}
Z \\mathbb{Z}
natnums \\mathbb{N}
reals \\mathbb{R}
Reals \\mathbb{R}
cnums \\mathbb{C}
Complex \\mathbb{C}
alef \\aleph
alefsym \\aleph
Alpha \\mathrm{A}
Beta \\mathrm{B}
Chi \\mathrm{X}
Epsilon \\mathrm{E}
Eta \\mathrm{H}
Iota \\mathrm{I}
Kappa \\mathrm{K}
Mu \\mathrm{M}
Nu \\mathrm{N}
Omicron \\mathrm{O}
Rho \\mathrm{P}
Tau \\mathrm{T}
Zeta \\mathrm{Z}
bull \\bullet
clubs \\clubsuit
diamonds \\diamondsuit
hearts \\heartsuit
spades \\spadesuit
Dagger \\ddagger
empty \\emptyset
exist \\exists
infin \\infty
isin \\in
image \\Im
real \\Re
plusmn \\pm
sdot \\cdot
sect \\S
sub \\subset
sube \\subseteq
supe \\supseteq
thetasym \\vartheta
weierp \\wp
lang \\langle
rang \\rangle
larr \\leftarrow
lArr \\Leftarrow
Larr \\Leftarrow
rarr \\rightarrow
rArr \\Rightarrow
Rarr \\Rightarrow
harr \\leftrightarrow
hArr \\Leftrightarrow
Harr \\Leftrightarrow
lrarr \\leftrightarrow
lrArr \\Leftrightarrow
Lrarr \\Leftrightarrow
uarr \\uparrow
uArr \\Uparrow
Uarr \\Uparrow
darr \\downarrow
dArr \\Downarrow
Darr \\Downarrow""".split("\n")
    )
}


def macro_definition(piece: RawPiece) -> tuple[str, Macro] | None:
    """Return (name, Macro) when ``piece`` defines a macro, else None."""
    name = piece.name.rstrip("*")
    if piece.name == "def" and len(piece.args) == 3:
        return piece.args[0], Macro(int(piece.args[1]), piece.args[2])
    if name in ("newcommand", "renewcommand", "providecommand"):
        if (
            not piece.args
            or not piece.kinds.startswith("{")
            or not piece.kinds.endswith("{")
            or len(piece.args) < 2
        ):
            return None
        target = _defined_name(piece.args[0])
        if target is None:
            return None
        opts = [a for a, k in zip(piece.args, piece.kinds) if k == "["]
        nargs = int(opts[0]) if opts and opts[0].strip().isdigit() else 0
        default = opts[1] if len(opts) > 1 else None
        return target, Macro(nargs, piece.args[-1], default)
    if name == "DeclareMathOperator" and len(piece.args) >= 2:
        target = _defined_name(piece.args[0])
        if target is None:
            return None
        star = piece.name.endswith("*")
        return target, Macro(0, ("\\operatorname*{" if star else "\\operatorname{") + piece.args[1] + "}")
    return None


def _defined_name(tex: str) -> str | None:
    """The name ``\\name`` (or a symbol's, ``\\?``) that a definition's first argument gives, without its
    backslash; None for anything else."""
    mt = re.fullmatch(r"\s*\\?([A-Za-z@]+|(?<=\\)[^A-Za-z@\s\\{}])\s*", tex)
    return mt.group(1) if mt else None


_ESCAPED_SPACING = re.compile(r"\\\\([!,;:])")


def definitions_in_math(tex: str) -> tuple[dict[str, Macro], str]:
    """Return the macros ``tex`` defines and the TeX left after removing the definitions."""
    # reveal.js decks double their backslashes ($\\newcommand{\\R}…$) to survive Markdown
    if re.match(r"^\s*\\\\(newcommand|renewcommand|def|DeclareMathOperator)", tex):
        tex = tex.replace("\\\\", "\\")
    found: dict[str, Macro] = {}
    rest: list[str] = []
    last = 0
    for piece in find_raw_tex(tex):
        d = macro_definition(piece) if piece.name.rstrip("*") in [x.rstrip("*") for x in DEFINERS] else None
        if d:
            # ``\\!`` in a body is a reveal.js deck's escaped ``\!`` (a line break then "!" means nothing)
            found[d[0]] = replace(d[1], body=_ESCAPED_SPACING.sub(r"\\\1", d[1].body))
            rest.append(tex[last : piece.start])
            last = piece.end
    rest.append(tex[last:])
    return found, "".join(rest).strip()


_COMMAND_BEFORE = re.compile(r"(?<!\\)(?:\\\\)*\\[A-Za-z@]+\*?$")
# (a body that is no group of its own: it begins or ends with a sign or a spacing TeX sets by its neighbours)
_SPLICED = re.compile(
    r"^\s*[-+=<>*/|:;,.!?]|[-+=<>*/|:;,.!?]\s*$|\\(?:nobreak|discretionary|penalty)(?![A-Za-z])"
)


def expand_macros(tex: str, macros: dict[str, Macro], limit: int = 200) -> str:
    """Return ``tex`` with the user's ``macros`` expanded (at most ``limit`` expansions)."""
    if not macros:
        return tex
    count = 0
    i = 0
    out = tex
    pattern = re.compile(r"\\([A-Za-z@]+|[^A-Za-z@\s])")  # (a symbol's name too: \DeclareMathOperator{\?})
    while count < limit:
        mt = pattern.search(out, i)
        if not mt:
            break
        name = mt.group(1)
        if mt.start() > 0 and out[mt.start() - 1] == "\\" and (mt.start() < 2 or out[mt.start() - 2] != "\\"):
            i = mt.end()
            continue
        macro = macros.get(name)
        if macro is None:
            i = mt.end()
            continue
        j = mt.end()
        args: list[str] = []
        if macro.default is not None:
            k = j
            while k < len(out) and out[k] == " ":
                k += 1
            if k < len(out) and out[k] == "[":
                end = _group(out, k, "[", "]")
                if end > 0:
                    args.append(out[k + 1 : end - 1])
                    j = end
            if not args:
                args.append(macro.default)
        while len(args) < macro.nargs:
            k = j
            while k < len(out) and out[k] in " \n":
                k += 1
            if k >= len(out):
                break
            if out[k] == "{":
                end = _group(out, k)
                if end < 0:
                    break
                args.append(out[k + 1 : end - 1])
                j = end
            elif out[k] == "\\":
                m2 = pattern.match(out, k)
                tok = m2.group(0) if m2 else out[k : k + 2]
                args.append(tok)
                j = k + len(tok)
            else:
                args.append(out[k])
                j = k + 1
        body = macro.body
        for n, a in enumerate(args, start=1):
            body = body.replace(f"#{n}", a)
        # keep a following letter from gluing onto a body that ends in a command name
        if re.search(r"\\[A-Za-z]+$", body) and j < len(out) and out[j].isalpha():
            body += " "
        # a group where the use is an argument (a script's, a command's: `x^\R`, `\frac\half2`), as TeX
        # reads the one token; elsewhere the body as it is, as TeX expands it (`x \hm+ y`: a binary +)
        before = out[: mt.start()].rstrip()
        if (
            before.endswith(("^", "_", "}", "]"))
            or _COMMAND_BEFORE.search(before)
            or not _SPLICED.search(body)
        ):
            body = "{" + body + "}"
        out = out[: mt.start()] + body + out[j:]
        i = mt.start()
        count += 1
    return out


# --------------------------------------------------------------------------- saved boxes

# LaTeX's saved boxes: declared (\newsavebox{\name}, \newsavebox\name), saved (\sbox, \savebox, lrbox) and
# printed (\usebox)
_SAVED_BOX = re.compile(
    r"\\(newsavebox|sbox|savebox|usebox)(?![A-Za-z])\s*(?:\{\s*(\\[A-Za-z@]+)\s*\}|(\\[A-Za-z@]+))"
    r"|\\begin\{lrbox\}\s*\{\s*(\\[A-Za-z@]+)\s*\}"
)
_BOX_OPTIONS = re.compile(r"(?:\s*\[[^\[\]\n]*\]){0,2}\s*")  # (\savebox{\b}[3cm][l]{…}: its width, its place)


def saved_boxes(lines: list[str], unread: list[bool]) -> tuple[list[str], list[int]] | None:
    """``lines`` with LaTeX's saved boxes as TeX prints them: a box's declaration (``\\newsavebox{\\name}``)
    and its saving (``\\sbox{\\name}{…}``, ``\\savebox{\\name}[w]{…}``, ``\\begin{lrbox}{\\name}`` …
    ``\\end{lrbox}``) print nothing, and ``\\usebox{\\name}`` prints what was last saved in it (over lines
    where it was written so); a ``\\usebox`` of a box never saved, and the saving of a box never used, are
    left as written, for the reader to warn about.
    ``unread``: whether each line is left as it is (code).  Returns the new lines and the old line index
    of each, or None when there is no box."""
    text = "\n".join(lines)
    if not any(f"\\{name}" in text for name in ("newsavebox", "sbox", "savebox", "usebox", "begin{lrbox}")):
        return None
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line) + 1)
    boxes: dict[str, tuple[str, int]] = {}  # a box's name: what it holds, and the line that starts at
    # (a box saved and never used stays as written: the reader says its words are left out)
    found = [  # (not in code or math: as written there)
        mt
        for mt in _SAVED_BOX.finditer(text)
        if not unread[k := text.count("\n", 0, mt.start())]
        and not text.count("`", starts[k], mt.start()) % 2
        and not text.count("$", starts[k], mt.start()) % 2
    ]
    used = {mt.group(2) or mt.group(3) for mt in found if mt.group(1) == "usebox"}
    edits: list[tuple[int, int, tuple[str, int] | None]] = []  # (start, end, what is printed instead)
    at = 0
    for mt in found:
        if mt.start() < at:
            continue  # (inside a box saved: its own)
        kind, name = mt.group(1) or "lrbox", mt.group(2) or mt.group(3) or mt.group(4)
        end, held = mt.end(), None
        if kind != "newsavebox" and name not in used:
            continue
        if kind == "usebox":
            if name not in boxes:
                continue
            held = boxes[name]
        elif kind in ("sbox", "savebox"):
            skipped = (_BOX_OPTIONS if kind == "savebox" else _SPACES).match(text, end)
            brace = skipped.end() if skipped is not None else end
            end = _group(text, brace)
            if end < 0:
                continue
            boxes[name] = _box_content(text, brace + 1, end - 1, boxes)
        elif kind == "lrbox":
            close = _matching_end(text, end, "lrbox")
            if close < 0:
                continue
            boxes[name] = _box_content(text, end, close, boxes)
            end = close + len("\\end{lrbox}")
        edits.append((mt.start(), end, held))
        at = end
    if not edits:
        return None
    out: list[str] = []
    index: list[int] = []
    current, origin, emptied = "", 0, False

    def feed(piece: str, first: int) -> None:
        nonlocal current, origin, emptied
        chunks = piece.split("\n")
        current += chunks[0]
        for j, chunk in enumerate(chunks[1:], 1):
            if current.strip() or not emptied:  # (a line only a box's saving was on: gone)
                out.append(current)
                index.append(origin)
            current, origin, emptied = chunk, first + j, False

    done = 0
    for start, end, held in edits:
        feed(text[done:start], text.count("\n", 0, done))
        if held is None:
            emptied = True
        else:
            feed(*held)
        done = end
    feed(text[done:], text.count("\n", 0, done))
    if current.strip() or not emptied:
        out.append(current)
        index.append(origin)
    return out, index


def _box_content(text: str, start: int, end: int, boxes: dict[str, tuple[str, int]]) -> tuple[str, int]:
    """What a box saved from ``text[start:end]`` holds (its boxes used in it put in place, its lines'
    common indent taken out), and the line of ``text`` it starts on."""
    held = text[start:end]
    first = start + len(held) - len(held.lstrip())
    held = held.strip()
    if "\n" in held:  # (its first line's indent went with the spaces before it)
        head, rest = held.split("\n", 1)
        held = head + "\n" + textwrap.dedent(rest)
    held = _SAVED_BOX.sub(
        lambda mt: (
            boxes[mt.group(2) or mt.group(3)][0]
            if mt.group(1) == "usebox" and (mt.group(2) or mt.group(3)) in boxes
            else mt.group(0)
        ),
        held,
    )
    return held, text.count("\n", 0, first)
