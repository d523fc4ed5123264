"""TeX math → MathML (latex2mathml), with the few rewrites that library needs, and a readability test.

The reader calls :func:`readable` once per equation (after expanding the lecture's macros) so
that both outputs make the same decision: math that cannot be read is shown as its TeX source.
The deck turns the MathML into Office math (``podium/deck/omml.py``).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache

from lxml import etree

from .rawtex import balanced_group

_ALIGN_ENVS = re.compile(
    r"\\(begin|end)\{(alignedat|aligned|align|alignat|eqnarray|flalign|multline)\*?\}(\{\s*\d+\s*\})?"
)
_GATHER_ENVS = re.compile(r"\\(begin|end)\{(gather|gathered|equation)\*?\}")
_DROP = re.compile(r"\\(label|nonumber|notag)(\{[^{}]*\})?")


_ROW_SPACE = re.compile(
    r"\\\\\*?\[\s*[-+]?(?:\d+\.?\d*|\.\d+)\s*(?:pt|em|ex|mm|cm|in|bp|mu|pc|dd|cc|sp)\s*\]"
)
# an alignment's `&` right before the environment's end (`\\`s before an escaped `\&` counted): its last cell is empty
_LAST_CELL_EMPTY = re.compile(r"(?<!\\)((?:\\\\)*)&(\s*)(?=\\end\{)")
_CASES = re.compile(r"\\(begin|end)\{(dcases|rcases|drcases)\*?\}")


def _cases(mt: re.Match) -> str:
    """mathtools' ``dcases`` (``dcases*``) as ``cases``; ``rcases`` (``drcases``), the brace on the right, as
    an array of two columns left-aligned with a brace after it."""
    if mt.group(2) == "dcases":
        return f"\\{mt.group(1)}{{cases}}"
    return "\\left.\\begin{array}{ll}" if mt.group(1) == "begin" else "\\end{array}\\right\\}"


def eqnarray_rows(body: str) -> str:
    """An ``eqnarray``'s rows as ``aligned`` sets them alike: its three columns (right, centre, left:
    ``a &=& b``) as two (``a &= b``), so the right-hand side is set from the left, not from the right."""
    rows = re.split(r"(\\\\\*?(?:\[[^\]]*\])?)", body)
    for k in range(0, len(rows), 2):
        cells = re.split(r"(?<!\\)&", rows[k])
        if len(cells) >= 3:
            rows[k] = cells[0] + "&" + cells[1] + cells[2] + "".join("&" + c for c in cells[3:])
    return "".join(rows)


# an environment's end with a script or a prime right after it (a matrix transposed: ...\end{bmatrix}^T)
_SCRIPTED_END = re.compile(r"\\end\{([A-Za-z]*matrix\*?|array|cases|aligned|gathered)\}(?=\s*[\^_'])")


def _scripted_environments(tex: str) -> str:
    """Braces around an environment a script or prime follows (``\\begin{bmatrix}…\\end{bmatrix}^T``):
    latex2mathml makes a script of the environment's parts, which ziamath cannot draw; as a group
    the whole matrix is the script's base, as TeX sets it."""
    inserts: list[tuple[int, str]] = []
    for mt in _SCRIPTED_END.finditer(tex):
        depth = 0
        for tag in reversed(
            list(re.finditer(rf"\\(begin|end)\{{{re.escape(mt.group(1))}\}}", tex[: mt.end()]))
        ):
            depth += 1 if tag.group(1) == "end" else -1
            if depth == 0:
                inserts += [(tag.start(), "{"), (mt.end(), "}")]
                break
    for at, brace in sorted(inserts, reverse=True):  # (from the end: earlier positions stay right)
        tex = tex[:at] + brace + tex[at:]
    return tex


_EQNARRAY = re.compile(r"\\begin\{eqnarray\*?\}(.*?)\\end\{eqnarray\*?\}", re.S)
# plain TeX's matrices, which MathJax reads too: \pmatrix{a & b \cr c & d}, \matrix{…}, \cases{…}, \bordermatrix{…}
_PLAIN_MATRIX = re.compile(r"\\(pmatrix|matrix|cases|bordermatrix)(?![A-Za-z])\s*(?=\{)")
_CR = re.compile(r"\\cr(?:cr)?(?![A-Za-z])")


def _plain_matrices(tex: str) -> str:
    """Plain TeX's ``\\pmatrix{a & b \\cr c & d}`` (and ``\\matrix``, ``\\cases``, ``\\bordermatrix``) as
    amsmath's environments, whose rows end in ``\\\\``: latex2mathml reads the plain macro only when
    nothing follows it in the equation."""
    out, i = [], 0
    for mt in _PLAIN_MATRIX.finditer(tex):
        if mt.start() < i:
            continue  # (inside a matrix already rewritten: done by the recursion below)
        end = balanced_group(tex, mt.end())
        if end < 0:
            continue
        rows = _CR.split(_plain_matrices(tex[mt.end() + 1 : end - 1]).strip())
        if rows and not rows[-1].strip():
            rows.pop()  # (a last row ended by \cr: no empty row of it)
        out.append(tex[i : mt.start()] + _matrix_environment(mt.group(1), rows))
        i = end
    return "".join(out) + tex[i:]


def _matrix_environment(name: str, rows: list[str]) -> str:
    """The amsmath form of plain TeX's matrix macro ``name`` with these rows (each ``a & b``)."""
    if name != "bordermatrix":
        return f"\\begin{{{name}}}" + " \\\\ ".join(rows) + f"\\end{{{name}}}"
    # \bordermatrix{ & c_1 & c_2 \cr r_1 & a & b \cr …}: the first row labels the columns, the first
    # column the rows, and the rest is the matrix, in parentheses
    cells = [re.split(r"(?<!\\)&", row) for row in rows]
    if len(cells) < 2 or any(len(c) < 2 for c in cells) or any("\\begin" in row for row in rows):
        return "\\begin{matrix}" + " \\\\ ".join(rows) + "\\end{matrix}"
    heads = " & ".join(c.strip() for c in cells[0][1:])
    labels = " \\\\ ".join(c[0].strip() for c in cells[1:])
    body = " \\\\ ".join(" & ".join(x.strip() for x in c[1:]) for c in cells[1:])
    return (
        f"\\begin{{matrix}} & \\begin{{matrix}}{heads}\\end{{matrix}} \\\\ "
        f"\\begin{{matrix}}{labels}\\end{{matrix}} & \\begin{{pmatrix}}{body}\\end{{pmatrix}}\\end{{matrix}}"
    )


# beamer's \alert and \structure in math (`x \in A \alert<2>{\cup} B`): their argument in beamer's
# default colours, alerted text red and structure blue (its overlay specification a deck shows at once)
_BEAMER_COLOURED = re.compile(r"\\(alert|structure)(?![A-Za-z])\s*(?:<[^<>{}\n]{1,60}>)?\s*(?=\{)")
_BEAMER_COLOURS = {"alert": "#FF0000", "structure": "#3333B3"}
# amsthm's end-of-proof mark, which beamer loads: \qed and \qedhere print \qedsymbol, an open box
_QED = re.compile(r"\\(?:qed(?:here)?|qedsymbol|openbox)(?![A-Za-z])\s*")


# beamer's overlays in math (`\only<4>{\overset{a}}{\leadsto}`, `a = b \uncover<2->{= c}`, `\pause` between an
# align's rows): an equation has no clicks, so a deck shows it as the frame's last step shows it, whole
MATH_STEPS = re.compile(
    r"\\pause(?![A-Za-z])|\\(?:only|onslide|uncover|visible|invisible)(?![A-Za-z])[*+]?\s*<[^<>{}\n]{1,60}>"
)
_MATH_OVERLAY = re.compile(
    r"\\(only|onslide|uncover|visible|invisible)(?![A-Za-z])[*+]?\s*(?:<([^<>{}\n]{1,60})>)?\s*"
    r"|\\pause(?![A-Za-z])\s*(?:\[\s*\d{1,3}\s*\])?\s*"
)


def overlays_shown(tex: str) -> str:
    """Math ``tex`` as beamer's last step shows it: an overlay command (``\\only``, ``\\uncover``,
    ``\\visible``, ``\\onslide``) as its argument, unbraced as TeX reads it (``a = b \\uncover<2->{= c}`` keeps
    the relation's spaces; ``\\only<4>{\\overset{a}}{b}`` is ``\\overset{a}{b}``; an argument that opens an
    environment, ``\\uncover<2->{\\left\\{ \\begin{array}{l}}``, opens it) but braced where a script takes it
    as one piece (``x^\\only<2>{10}``, ``\\uncover<2>{b}^2``); ``\\invisible<2->{x}``, hidden from then on, as
    the space it takes; ``\\pause`` and a bare ``\\onslide<2->`` print nothing."""
    out, at = [], 0
    for mt in _MATH_OVERLAY.finditer(tex):
        if mt.start() < at:
            continue
        command = mt.group(1)
        if command is None or not tex.startswith("{", mt.end()):  # (\pause, a bare \onslide<2->)
            if command in (None, "onslide"):
                out.append(tex[at : mt.start()])
                at = mt.end()
            continue
        end = balanced_group(tex, mt.end())
        if end < 0:
            continue
        body = overlays_shown(tex[mt.end() + 1 : end - 1])
        before = tex[at : mt.start()]
        if command == "invisible":
            hidden = mt.group(2) is None or re.search(r"-\s*$", mt.group(2).split("|")[0]) is not None
            body = "\\phantom{" + body + "}" if hidden else body
        elif re.search(r"[\^_]\s*$", before) or re.match(r"\s*[\^_']", tex[end:]):
            body = "{" + body + "}"
        if re.search(r"\\[A-Za-z]+$", before) and body[:1].isalpha():
            before += " "  # (\cdot\uncover<2>{x}: not \cdotx)
        out.append(before + body + (" " if re.search(r"\\[A-Za-z]+$", body) else ""))
        at = end
    return "".join(out) + tex[at:]


# TeX's line breaking, which an equation on a slide does not do: where a line may or may not break
# (`\nobreak`, `\penalty10000`, `\allowbreak`), and what a break shows (`\mathsurround=0pt`); the
# Russian `\hm{+}` repeats the sign after a break: `+\nobreak\discretionary{}{\hbox{$+$}}{}`
_BREAKING = re.compile(
    r"\\(?:nobreak|allowbreak|nolinebreak|linebreak)(?![A-Za-z])(?:\s*\[\d\])?\s*"
    r"|\\penalty\s*-?\d+\s*"
    r"|\\mathsurround\s*=?\s*-?(?:\d+(?:\.\d*)?|\.\d+)\s*(?:pt|em|ex|mm|cm|in|bp|pc|sp|mu)\s*"
)
_DISCRETIONARY = re.compile(r"\\discretionary\s*(?=\{)")
# `\not=`: latex2mathml overlays a slash on the sign, which the deck's text cannot show
_NOT = re.compile(r"\\not\s*(=|<|>|\\in(?![A-Za-z]))")
_NEGATED = {"=": "\\neq ", "<": "\\nless ", ">": "\\ngtr ", "\\in": "\\notin "}


def _unbroken(tex: str) -> str:
    """Math ``tex`` without TeX's line-breaking: ``\\discretionary{pre}{post}{none}`` is what it shows
    unbroken (``none``), ``\\nobreak`` and the like nothing, ``\\hbox`` a box of text (``\\mbox``)."""
    tex = _BREAKING.sub("", tex)
    out, at = [], 0
    for mt in _DISCRETIONARY.finditer(tex):
        if mt.start() < at:
            continue
        ends, j = [], mt.end()
        for _ in range(3):
            j = len(tex) - len(tex[j:].lstrip())
            end = balanced_group(tex, j) if tex.startswith("{", j) else -1
            if end < 0:
                break
            ends.append((j, end))
            j = end
        if len(ends) < 3:
            continue
        out.append(tex[at : mt.start()] + tex[ends[2][0] + 1 : ends[2][1] - 1])
        at = ends[2][1]
    tex = "".join(out) + tex[at:]
    return re.sub(r"\\hbox(?![A-Za-z])\s*(?=\{)", r"\\mbox", tex)


_COLOUR = re.compile(r"\\color\s*(\[[^\]]*\]\s*)?(\{[^{}]*\})\s*")
_SWITCH_TOKEN = re.compile(r"\\(?:left|right|begin|end)(?![A-Za-z])|\\[A-Za-z]+|\\.")


def _colour_switches(tex: str) -> str:
    """``tex`` with each ``\\color`` as a ``\\textcolor`` of what it colours: ``\\color{red}{c}`` (MathJax's
    form) of its group, ``\\color{red} c`` (TeX's switch) of the rest of its group or cell.  latex2mathml
    reads the switch as going on over the row break ``\\\\`` that follows, and the equation was not read."""
    out: list[str] = []
    pos = 0
    for mt in _COLOUR.finditer(tex):
        if mt.start() < pos:
            continue
        head = f"\\textcolor{mt.group(1) or ''}{mt.group(2)}"
        out.append(tex[pos : mt.start()])
        if tex.startswith("{", mt.end()):  # (its argument: \textcolor as it is)
            out.append(head)
            pos = mt.end()
            continue
        depth, end = 0, mt.end()  # (the switch: to the end of its group, cell, row or \left…\right)
        while end < len(tex):
            token = _SWITCH_TOKEN.match(tex, end)
            said = token.group(0) if token is not None else tex[end]
            if said in ("{", "\\left", "\\begin"):
                depth += 1
            elif said in ("}", "\\right", "\\end") and depth > 0:
                depth -= 1
            elif depth == 0 and said in ("}", "\\right", "\\end", "&", "\\\\"):
                break
            end += len(said)
        coloured = tex[mt.end() : end]
        out.append(head + "{" + coloured.rstrip() + "}" + coloured[len(coloured.rstrip()) :])
        pos = end
    return "".join(out) + tex[pos:]


def _spaces_and_breaks(tex: str) -> str:
    """Spaces and line breaks latex2mathml reads badly, as TeX it reads."""
    if "\\\n" in tex:  # (a control space at a line's end, `,\ ` whose space an editor took: TeX's space)
        tex = re.sub(r"(?<!\\)((?:\\\\)*)\\\n", r"\1\\ \n", tex)
    if "\\newline" in tex:  # (MathJax's and KaTeX's line break: TeX's \\, which latex2mathml reads)
        tex = re.sub(r"(?<!\\)((?:\\\\)*)\\newline(?![A-Za-z])\s*", r"\1\\\\ ", tex)
    if "space" in tex:  # (\hspace*{1em}: latex2mathml reads the star as the width; \medspace: a blank <mi>)
        tex = re.sub(r"\\hspace\*", r"\\hspace", tex)
        tex = re.sub(r"\\medspace(?![A-Za-z])\s*", r"\\: ", tex)
    return tex


# a box that scales or resizes math (graphicx's \scalebox{2}[1]{$…$}, \resizebox{w}{h}{$…$}), its math
_BOXED_MATH = re.compile(
    r"\\(?:scalebox\s*\{[^{}]*\}(?:\s*\[[^\]]*\])?|resizebox\*?\s*\{[^{}]*\}\s*\{[^{}]*\})"
    r"\s*\{\s*\$((?:\\.|[^$\\])*)\$\s*\}"
)


def normalise(tex: str) -> str:
    """Rewrite TeX that latex2mathml reads badly into TeX it reads (same meaning)."""
    if any(f"\\{name}" in tex for name in ("only", "onslide", "uncover", "visible", "invisible", "pause")):
        tex = overlays_shown(tex)
    if "break" in tex or "\\penalty" in tex or "\\mathsurround" in tex or "\\hbox" in tex:
        tex = _unbroken(tex)
    if "\\not" in tex:
        tex = _NOT.sub(lambda mt: _NEGATED[mt.group(1)], tex)
    if "\\color" in tex:
        tex = _colour_switches(tex)
    if "\\alert" in tex or "\\structure" in tex:
        tex = _BEAMER_COLOURED.sub(lambda mt: f"\\textcolor{{{_BEAMER_COLOURS[mt.group(1)]}}}", tex)
    if "\\qed" in tex or "\\openbox" in tex:
        tex = _QED.sub(
            lambda mt: "\\square " if "symbol" in mt.group(0) or "open" in mt.group(0) else "\\quad\\square ",
            tex,
        )
    if "\\sym" in tex or "\\math" in tex:
        tex = _unicode_alphabets(tex)
    if "matrix" in tex or "\\cases" in tex:
        tex = _plain_matrices(tex)
    if "eqnarray" in tex:
        tex = _EQNARRAY.sub(lambda mt: "\\begin{align*}" + eqnarray_rows(mt.group(1)) + "\\end{align*}", tex)
    if "box" in tex:  # (\scalebox{2}{$x$} in math: its math, at the slide's size)
        tex = _BOXED_MATH.sub(r"{\1}", tex)
    tex = _spaces_and_breaks(tex)
    tex = _DROP.sub(lambda mt: "" if mt.group(1) != "label" or mt.group(2) else mt.group(0), tex)
    tex = _ALIGN_ENVS.sub(lambda mt: "\\" + mt.group(1) + "{align*}", tex)
    tex = _GATHER_ENVS.sub(
        lambda mt: "\\" + mt.group(1) + ("{gathered}" if mt.group(2) != "equation" else "{equation}"), tex
    )
    if "\\operatorname" in tex:
        tex = _OPERATOR_NAME.sub(_operator_name, tex.replace("\\operatornamewithlimits", "\\operatorname*"))
    # \arg\min (latex2mathml knows \min, not \arg); \nolimits: scripts beside, as inline math has them
    tex = re.sub(r"\\arg(?![A-Za-z])", r"\\operatorname{arg}", tex).replace("\\nolimits", "")
    tex = tex.replace(":=", "\\coloneqq ").replace("=:", "\\eqqcolon ")  # (one sign, as mathtools sets it)
    tex = _ROW_SPACE.sub(r"\\\\", tex)  # (a row's extra space, \\[10pt]: latex2mathml prints "[10pt]")
    tex = re.sub(r"\\\\\s*(?=\\end\{)", "", tex)  # (a last row ended by \\: amsmath makes no empty row of it)
    tex = re.sub(r"\\\\\s*$", "", tex)  # (the same at the end of the equation: a line break ending nothing)
    if "&" in tex:  # (a last row ending in an empty cell, `a &= b,&`: latex2mathml leaves that whole row out)
        tex = _LAST_CELL_EMPTY.sub(r"\1&{}\2", tex)
    tex = re.sub(r"\\empty(?![A-Za-z])", r"\\emptyset", tex)  # (plain TeX's name, which KaTeX reads)
    if "\\ensuremath" in tex:  # (a macro's body for text or math: in math, its group)
        tex = re.sub(r"\\ensuremath(?![A-Za-z])\s*", "", tex)
    if "\\end{" in tex:
        tex = _scripted_environments(tex)
    tex = _CASES.sub(_cases, tex)  # (mathtools' dcases, rcases: latex2mathml reads only cases)
    # \operatorname{logit} P: TeX puts a thin space after the name; latex2mathml's <mo>logit</mo> gets none
    tex = re.sub(
        r"(\\operatorname\*?\{[^{}]*\}(?:\s*[_^]\s*(?:\{[^{}]*\}|\\?[A-Za-z0-9]))*)\s*(?=[A-Za-z0-9]|\\(?!left|right|[,;:!]))",
        r"\1\\,",
        tex,
    )
    tex = re.sub(r"\\(displaystyle|textstyle|scriptstyle)\b", "", tex)
    # \mathbb R, \boldsymbol\alpha: a font's argument is one token without braces, as TeX reads it
    tex = _UNBRACED_FONT.sub(lambda mt: f"\\{mt.group(1)}{{{mt.group(2) or mt.group(3)}}}", tex)
    if "\\emph" in tex:
        tex = re.sub(r"\\emph(?![A-Za-z])\s*", r"\\textit", tex)  # (a text command: italic words in math)
    if "\\text" in tex or "\\mbox" in tex:
        tex = _text_escapes(_texts_math(_nested_texts(_text_switches(tex))))
        if "\\textsc" in tex:
            tex = _each_text(tex, _small_caps)
    if _MATH_LETTER.search(tex):
        tex = _MATH_LETTER.sub(lambda mt: f"\\text{{{TEXT_LETTERS[mt.group(1)]}}}", tex)
    # \Big\{, \big{\}}: last, as it may leave a brace alone (\Big{), which only latex2mathml reads so
    if "\\big" in tex or "\\Big" in tex:
        tex = _SIZED.sub(_sized, tex)
    return tex.strip()


# an operator's name (``\operatorname{arg\,max}``; with ``*`` its limits under it in display, as amsmath's
# ``\operatornamewithlimits``), and the spaces written in a name as the characters latex2mathml keeps in it
_OPERATOR_NAME = re.compile(r"\\operatorname(\*?)\s*\{([^{}]*)\}")
_NAME_SPACES = {",": "\u2009", ":": "\u205f", ">": "\u205f", ";": "\u2004", " ": "\u00a0", "!": ""}


def _operator_name(mt: re.Match) -> str:
    """``\\operatorname{…}`` with the spaces in its name (``arg\\,max``, which latex2mathml reads as
    letters) as characters."""
    name = re.sub(r"\\([,:>; !])", lambda sp: _NAME_SPACES[sp.group(1)], mt.group(2))
    name = re.sub(r"\\(?:thinspace|quad)(?![A-Za-z])\s*|~", "\u00a0", name)
    return f"\\operatorname{mt.group(1)}{{{name}}}"


# a sized delimiter, \big( \Bigl\{ \biggr\rangle \big{\}} \bigm|: its size, l/r/m, and the delimiter (braced
# or not); a delimiter written as a character, \big(, is read as it is and not matched
_SIZED = re.compile(
    r"\\(bigg|Bigg|big|Big)([lrm]?)(?![A-Za-z])\s*"
    r"(?:\{\s*(\\[A-Za-z]+|\\[{}|]|[^\s\\{}])\s*\}|(\\[A-Za-z]+|\\[{}|]|[.<>]))"
)
# a delimiter written as a command (or as TeX's < and >), as the character latex2mathml takes after \big
_DELIMITERS = {
    "\\{": "{",
    "\\}": "}",
    "\\lbrace": "{",
    "\\rbrace": "}",
    "\\|": "\u2016",
    "\\Vert": "\u2016",
    "\\lVert": "\u2016",
    "\\rVert": "\u2016",
    "\\vert": "|",
    "\\lvert": "|",
    "\\rvert": "|",
    "\\langle": "\u27e8",
    "\\rangle": "\u27e9",
    "<": "\u27e8",
    ">": "\u27e9",
    "\\lfloor": "\u230a",
    "\\rfloor": "\u230b",
    "\\lceil": "\u2308",
    "\\rceil": "\u2309",
    "\\lbrack": "[",
    "\\rbrack": "]",
    "\\lparen": "(",
    "\\rparen": ")",
    "\\llbracket": "\u27e6",
    "\\rrbracket": "\u27e7",
    "\\uparrow": "\u2191",
    "\\downarrow": "\u2193",
    "\\updownarrow": "\u2195",
    "\\Uparrow": "\u21d1",
    "\\Downarrow": "\u21d3",
    "\\Updownarrow": "\u21d5",
}


def _sized(mt: re.Match) -> str:
    """A sized delimiter as latex2mathml reads it: ``\\big`` (``\\bigl``…) takes the one character after
    it as the delimiter, and prints a command or a brace group after it as text (``\\Big\\{`` came out
    as its TeX, ``\\big{\\{}`` as "{{}").  So a delimiter command, braced or not, becomes its character
    (``\\Big{``: a brace of that size), a braced character the character (``\\big{(}``: ``\\big(``),
    ``\\big.`` (TeX's empty delimiter) nothing, and a command that is no delimiter keeps no size
    (``\\backslash``)."""
    size, side = mt.group(1), mt.group(2)
    delimiter = mt.group(3) or mt.group(4)
    if delimiter == ".":
        return ""
    char = _DELIMITERS.get(delimiter)
    if char is not None:
        return f"\\{size}{side}{char}"
    if delimiter.startswith("\\"):
        return delimiter + " " if delimiter[-1].isalpha() else delimiter
    return f"\\{size}{side}{delimiter}"


_TEXT_COMMAND = re.compile(r"\\(?:text(?:tt|rm|bf|it|sf|sc|normal|up)?|mbox)\s*\{")


def _nested_texts(tex: str) -> str:
    """``tex`` with each text command in the text of another set beside it, its neighbours' words in the
    outer command: ``\\textrm{\\textit{Modus Ponens}}`` is ``\\textit{Modus Ponens}``, ``\\text{a \\textbf{b}
    c}`` is ``\\text{a }\\textbf{b}\\text{ c}``.  latex2mathml reads no command inside a text (it printed
    ``\\textit{Modus Ponens`` and a brace); the inner command's style is the one kept."""
    return _each_text(tex, lambda command, body: _text_pieces(command[:-1].rstrip(), body))


def _text_pieces(command: str, body: str) -> str:
    """``command{body}`` (a text command) as texts side by side: its words, and the text commands at the
    top of ``body`` (not inside a group of their own), each as :func:`_nested_texts` sets it."""
    pieces: list[str] = []
    at = 0
    for mt in _TEXT_COMMAND.finditer(body):
        before = re.sub(r"\\.", "", body[at : mt.start()])  # (escaped braces are no group's)
        end = balanced_group(body, mt.end() - 1)
        if mt.start() < at or before.count("{") != before.count("}") or end < 0:
            continue  # (inside a group of the text's own, or not closed: left as it is)
        if body[at : mt.start()]:
            pieces.append(f"{command}{{{body[at : mt.start()]}}}")
        pieces.append(_text_pieces(mt.group(0)[:-1].rstrip(), body[mt.end() : end - 1]))
        at = end
    if at < len(body) or not pieces:
        pieces.append(f"{command}{{{body[at:]}}}")
    return "".join(pieces)


# TeX's switches of a text's style (``{\\em nicht}``, ``\\mbox{\\bf Odds}``), as the command that says the same
_SWITCHES = {"em": "textit", "it": "textit", "itshape": "textit", "sl": "textit", "slshape": "textit",
             "bf": "textbf", "bfseries": "textbf", "rm": "textrm", "rmfamily": "textrm", "upshape": "textup",
             "sf": "textsf", "sffamily": "textsf", "tt": "texttt", "ttfamily": "texttt", "sc": "textsc",
             "scshape": "textsc", "normalfont": "textnormal"}  # fmt: skip
_SWITCH = re.compile(r"\\(" + "|".join(sorted(_SWITCHES, key=len, reverse=True)) + r")(?![A-Za-z])\s*")


def _text_switches(tex: str) -> str:
    """``tex`` with the style switches in its texts as text commands: ``\\text{a {\\em b} c}`` is ``\\text{a
    \\textit{b} c}``, ``\\mbox{\\em Prior Odds}`` is ``\\mbox{\\textit{Prior Odds}}`` (a switch sets the rest of
    its group).  latex2mathml prints a switch as its TeX."""
    if not _SWITCH.search(tex):
        return tex
    return _each_text(tex, lambda command, body: command + _switched(body) + "}")


def _each_text(tex: str, rewrite: Callable[[str, str], str]) -> str:
    """``tex`` with each text command (``\\text{…}``, ``\\mbox{…}``) as ``rewrite(command, body)`` says."""
    out: list[str] = []
    at = 0
    for mt in _TEXT_COMMAND.finditer(tex):
        if mt.start() < at:
            continue
        end = balanced_group(tex, mt.end() - 1)
        if end < 0:
            break  # (a text not closed: left as it is, for latex2mathml to refuse)
        out.append(tex[at : mt.start()] + rewrite(mt.group(0), tex[mt.end() : end - 1]))
        at = end
    out.append(tex[at:])
    return "".join(out)


def _switched(body: str) -> str:
    """A text's ``body`` with each switch, and what follows it to the end of its group, as a command."""
    mt = _SWITCH.search(body)
    if mt is None:
        return body
    depth = 0  # (the switch's group: where it closes, the switched words end)
    for k, c in enumerate(body[: mt.start()]):
        if c in "{}" and (k == 0 or body[k - 1] != "\\"):
            depth += 1 if c == "{" else -1
    end = len(body)
    level = 0
    for k in range(mt.end(), len(body)):
        c = body[k]
        if c in "{}" and body[k - 1] != "\\":
            level += 1 if c == "{" else -1
            if level < 0:
                end = k
                break
    opened = body.rfind("{", 0, mt.start()) if depth > 0 else -1
    if opened >= 0 and not body[opened + 1 : mt.start()].strip():  # {\em words}: the group is the command's
        head = body[:opened]
        words, rest = body[mt.end() : end], body[end + 1 :]
    else:
        head = body[: mt.start()]
        words, rest = body[mt.end() : end], body[end:]
    return head + f"\\{_SWITCHES[mt.group(1)]}{{{_switched(words)}}}" + _switched(rest)


# a text's pieces for small capitals: a command or an escaped character (kept whole), or one character
_TEXT_TOKEN = re.compile(r"\\[A-Za-z]+\s*|\\.|.", re.S)


def _small_caps(command: str, body: str) -> str:
    """``\\textsc{body}`` as small capitals, as beamer prints it in math (``\\first``, a lecture's
    ``\\textsc{First}``): its capitals as they are, its small letters as capitals at a smaller size
    (``\\text{F}{\\scriptsize\\text{IRST}}``), which latex2mathml, ziamath and Office math all draw;
    another text command is left as it is.  latex2mathml knows no ``\\textsc``."""
    if command[:-1].rstrip() != "\\textsc":
        return command + body + "}"
    pieces: list[list] = []  # [small, text]
    for token in _TEXT_TOKEN.findall(body):
        small = len(token) == 1 and token.islower() and token.upper() != token
        if pieces and (token.isspace() or pieces[-1][0] == small):
            pieces[-1][1] += token.upper() if small else token
        else:
            pieces.append([small, token.upper() if small else token])
    return (
        "".join(f"{{\\scriptsize\\text{{{t}}}}}" if small else f"\\text{{{t}}}" for small, t in pieces)
        or "{}"
    )


_MATH_IN_TEXT = re.compile(r"(?<!\\)\$((?:\\.|[^$\\])+)\$|\\\((.+?)\\\)", re.S)


def _texts_math(tex: str) -> str:
    """``tex`` with math inside its texts (``\\text{mit $p$ ein}``) set as math between two texts
    (``\\text{mit }p\\text{ ein}``), as TeX sets it; latex2mathml would print the dollars."""
    if "$" not in tex and "\\(" not in tex:
        return tex

    def reopened(command: str, body: str) -> str:  # (the text closed, the math, the text again)
        body = _MATH_IN_TEXT.sub("}{\\1\\2}" + command.replace("\\", "\\\\"), body)
        return (command + body + "}").replace(command + "}", "")

    return _each_text(tex, reopened)


# TeX's spaces in a text (``\\text{also:\\;\\;}``) as the spaces they are; latex2mathml prints their TeX
_TEXT_SPACES = {",": "\u2009", ":": "\u205f", ">": "\u205f", ";": "\u2004", "!": "", " ": " ",
                "quad": "\u2003", "qquad": "\u2003\u2003", "enspace": "\u2002"}  # fmt: skip
_TEXT_SPACE = re.compile(r"(?<!\\)\\([,:;>! ]|(?:q?quad|enspace)(?![A-Za-z])\s*)")


def _text_escapes(tex: str) -> str:
    """``tex`` with TeX's escaped characters in the text of math (``\\text{\\$}100``, ``\\texttt{50\\%}``) as
    the characters: latex2mathml keeps a text's braces' content as it is written, and would print the
    backslash (or find an unknown command ``\\$``)."""
    out: list[str] = []
    at = 0
    for mt in _TEXT_COMMAND.finditer(tex):
        if mt.start() < at:
            continue  # (a text command inside a text: its escapes read already)
        end = balanced_group(tex, mt.end() - 1)
        end = end if end > 0 else len(tex)
        out.append(tex[at : mt.end()])
        words = re.sub(r"(?<!\\)\\([$%#_&])", r"\1", text_letters(tex[mt.end() : end]))
        out.append(_TEXT_SPACE.sub(lambda m: _TEXT_SPACES[m.group(1).rstrip() or " "], words))
        at = end
    out.append(tex[at:])
    return "".join(out)


# LaTeX's letters and accents of text mode (``\\text{5\\,\\AA}``, ``\\text{Gau\\ss}``, ``\\text{\\'{e}t\\'e}``), as
# the characters: latex2mathml keeps them as unknown commands, and KaTeX and MathJax print them
TEXT_LETTERS = {"AA": "Å", "aa": "å", "AE": "Æ", "ae": "æ", "OE": "Œ", "oe": "œ", "O": "Ø", "o": "ø",
                "ss": "ß", "SS": "SS", "L": "Ł", "l": "ł", "i": "ı", "j": "ȷ", "DH": "Ð", "dh": "ð",
                "TH": "Þ", "th": "þ", "NG": "Ŋ", "ng": "ŋ"}  # fmt: skip
_LETTER_NAMES = "|".join(sorted(TEXT_LETTERS, key=len, reverse=True))
_TEXT_LETTER = re.compile(r"(?<!\\)\\(" + _LETTER_NAMES + r")(?![A-Za-z])(?:\s*\{\}|\s*)")
# TeX's accents (\\"o, \\'{e}, \\c{c}…): the combining mark each puts on its letter
TEXT_ACCENTS = {
    '"': "\u0308", "'": "\u0301", "`": "\u0300", "^": "\u0302", "~": "\u0303", "=": "\u0304", ".": "\u0307",
    "u": "\u0306", "v": "\u030c", "H": "\u030b", "c": "\u0327", "k": "\u0328", "r": "\u030a", "d": "\u0323",
    "b": "\u0331",
}  # fmt: skip
_TEXT_ACCENT = re.compile(
    r"(?<!\\)\\(?:([\"'`^~=.])\s*|([uvHckrdb])(?![A-Za-z])\s*)(?:\{\s*(\\[ij](?![A-Za-z])|[A-Za-z])\s*\}|([A-Za-z]))"
)
# the letters in math outside a text (``5\\,\\AA``): KaTeX prints them, upright, as text
_MATH_LETTER = re.compile(r"(?<!\\)\\(AA|aa|AE|ae|OE|oe|O|o|ss|L|l)(?![A-Za-z])(?:\s*\{\})?")


def text_letters(words: str) -> str:
    """``words`` (TeX's text) with LaTeX's letter commands (``\\AA``, ``\\ss``, ``\\o``) and accents
    (``\\'e``, ``\\"{o}``, ``\\c c``, ``\\v{s}``) as the characters they print."""
    if "\\" not in words:
        return words

    def accented(mt: re.Match) -> str:
        base = mt.group(3) or mt.group(4)
        base = base[1:] if base.startswith("\\") else base  # (\"{\i}: the dotless i under its accent, ï)
        return unicodedata.normalize("NFC", base + TEXT_ACCENTS[mt.group(1) or mt.group(2)])

    words = _TEXT_ACCENT.sub(accented, words)
    # (TeX eats the spaces after a letter's name; ``\AA{} wide`` keeps the one after its braces)
    return _TEXT_LETTER.sub(lambda mt: TEXT_LETTERS[mt.group(1)], words)


# unicode-math's alphabets (`\symbf{v}`, and the `\math…` names LaTeX has no `\mathbfup`, `\mathbfcal`…) as the
# alphabets latex2mathml reads: one command, or two nested (bold sans serif as `\mathbf{\mathsf{…}}`)
_UNICODE_ALPHABETS = {
    "up": ("mathrm",), "it": ("mathit",), "bf": ("mathbf",), "bfup": ("mathbf",), "bfit": ("boldsymbol",),
    "sf": ("mathsf",), "sfup": ("mathsf",), "sfit": ("mathsfit",), "bfsf": ("mathbf", "mathsf"),
    "bfsfup": ("mathbf", "mathsf"), "bfsfit": ("boldsymbol", "mathsf"), "tt": ("mathtt",), "bb": ("mathbb",),
    "bbit": ("mathbb",), "cal": ("mathcal",), "bfcal": ("mathbf", "mathcal"), "scr": ("mathscr",),
    "bfscr": ("mathbf", "mathscr"), "frak": ("mathfrak",), "bffrak": ("mathbf", "mathfrak"), "normal": ("mathit",),
}  # fmt: skip
_NATIVE_ALPHABETS = ("it", "bf", "sf", "sfit", "tt", "bb", "cal", "scr", "frak", "normal")
_UNICODE_ALPHABET = re.compile(
    r"\\(?:sym(" + "|".join(sorted(_UNICODE_ALPHABETS, key=len, reverse=True)) + r")"
    r"|math("
    + "|".join(sorted(set(_UNICODE_ALPHABETS) - set(_NATIVE_ALPHABETS), key=len, reverse=True))
    + r"))"
    r"(?![A-Za-z])\s*"
)
_ALPHABET_ARGUMENT = re.compile(r"[A-Za-z0-9]|\\[A-Za-z]+|\\.")


def _unicode_alphabets(tex: str) -> str:
    """``tex`` with unicode-math's alphabet commands (``\\symbf``, ``\\symup``, ``\\mathbfup``…) as the
    ``\\mathbf``, ``\\mathrm``… latex2mathml and ziamath read; a bold sans serif, script or fraktur as
    the bold of that alphabet (``\\mathbf{\\mathsf{v}}``)."""
    out, at = [], 0
    for mt in _UNICODE_ALPHABET.finditer(tex):
        if mt.start() < at:
            continue
        names = _UNICODE_ALPHABETS[mt.group(1) or mt.group(2)]
        out.append(tex[at : mt.start()])
        at = mt.end()
        if len(names) == 1:  # (its argument read as it is, braced or one token)
            out.append(f"\\{names[0]}" + ("" if tex.startswith("{", at) else " "))
            continue
        end = balanced_group(tex, at) if tex.startswith("{", at) else -1
        if end < 0:
            token = _ALPHABET_ARGUMENT.match(tex, at)
            end = token.end() if token else at
        body = tex[at + 1 : end - 1] if tex.startswith("{", at) else tex[at:end]
        out.append(f"\\{names[0]}{{\\{names[1]}{{{_unicode_alphabets(body)}}}}}")
        at = end
    return "".join(out) + tex[at:]


_UNBRACED_FONT = re.compile(
    r"\\(mathbb|mathcal|mathfrak|mathscr|mathbf|mathrm|mathit|mathsf|mathtt|boldsymbol|bm)"
    r"(?:\s+([A-Za-z0-9])|\s*(\\[A-Za-z]+))"
)


_ESCAPED_AMPERSAND = re.compile(r"(?<!\\)(?:\\\\)*\\&")  # (TeX's \&: an ampersand; \\& a row's end, then one)


# TeX's classes of atoms (The TeXbook, chapter 17 and appendix G), told from the characters of MathML's
# tokens: a binary operation gets a medium space on each side, a relation a thick one, as TeX sets them
BINARY = "+−±∓×÷·⋅∗*⋆∘•∙∩∪⊎⊓⊔∧∨⊕⊖⊗⊘⊙⊚⊛⊝⊞⊟⊠⊡◁▷⋄†‡≀⨿⧵∖⋒⋓⊻⊼⋉⋊⋋⋌∔⋇⊺"
RELATIONS = (
    "=<>≤≥≠≈≡∼≃≅∝∈∉∋∌⊂⊃⊆⊇⊊⊋⊄⊅⊈⊉⊏⊐⊑⊒≺≻⪯⪰≼≽≪≫⊥∥∦∣∤⊢⊣⊨⊩→←↔⇒⇐⇔↦⟶⟵⟷⟹⟸⟺⟼↪↩⇀↼⇌↑↓↕⇑⇓"
    "≔≕≐≜≝≍⋈⌣⌢≲≳≦≧⩽⩾≮≯≰≱∽≊≗≏≎⊲⊳⊴⊵↗↘↙↖⇝⇄⇆↠↣⊸"
)
_OPENING = "([{⟨⌊⌈⟦⟪⦃⦅"
_CLOSING = ")]}⟩⌋⌉⟧⟫⦄⦆!?"
_PUNCTUATION = ",;"
_LARGE = "∑∏∐∫∬∭∮∯∰∱∲∳⋀⋁⋂⋃⨀⨁⨂⨄⨆"
_ORD, _OP, _BIN, _REL, _OPEN, _CLOSE, _PUNCT = range(7)
_CLASSES = (
    (_OPENING, _OPEN),
    (_CLOSING, _CLOSE),
    (_PUNCTUATION, _PUNCT),
    (RELATIONS + ":", _REL),  # (TeX's colon is a relation, \colon punctuation: a sign after either)
    (BINARY, _BIN),
    (_LARGE, _OP),
)
# what each of an element's children is: a row of atoms (the mrow's own and those MathML infers), or
# arguments that are formulas of their own (a fraction's parts, a script)
_ROWS = frozenset({"math", "mrow", "mtd", "mstyle", "mphantom", "msqrt", "menclose", "mpadded", "merror"})


def _local(el) -> str:
    return etree.QName(el).localname if isinstance(el.tag, str) else ""


def _atom(el) -> int | None:
    """TeX's class of the atom MathML element ``el`` sets (None for a space, which is no atom): a
    scripted atom has its base's class, a group (``{…}``, ``\\frac``, ``\\left…\\right``) is ordinary."""
    name = _local(el)
    if name == "mspace" or not name:
        return None
    if name in ("msub", "msup", "msubsup", "munder", "mover", "munderover"):
        kids = [k for k in el if isinstance(k.tag, str)]
        return _atom(kids[0]) if kids else _ORD
    if name not in ("mo", "mi"):
        return _ORD
    text = "".join(el.itertext()).strip()
    if name == "mo" and el.get("fence") == "true" and el.get("form") in ("prefix", "postfix"):
        return _OPEN if el.get("form") == "prefix" else _CLOSE  # (\left. \right|: by their place)
    if len(text) == 1:
        for chars, kind in _CLASSES:
            if text in chars:
                return kind
    if len(text) > 1 and text.isalpha() and (name == "mo" or not el.get("mathvariant")):
        return _OP  # \sin, \lim, \max, \operatorname{…}: TeX's Op
    if name == "mo" and text.isalpha():
        return _OP  # (\operatorname{f}: one letter, still an operator's name)
    return _ORD


def _set_form(el, binary: bool) -> None:
    """Mark sign ``el`` as binary (``form="infix"``) or as TeX's ordinary symbol (``form="prefix"``, the
    form MathML's dictionary sets without spaces); an ``mi`` (latex2mathml's ``\\pm``) becomes an ``mo``."""
    if el.get("lspace") is not None or el.get("rspace") is not None:
        return  # (\mathbin{…}: its spaces given)
    if _local(el) == "mi":
        el.tag = el.tag[:-2] + "mo"
    el.set("form", "infix" if binary else "prefix")


def _set_spaces(el, left: bool, right: bool) -> None:
    """Give relation ``el`` TeX's thick space (5 mu) on each side where ``left``, ``right`` say, none on the
    others (a relation whose spaces are given, ``\\mathrel{…}``, keeps them)."""
    if el.get("lspace") is None and el.get("rspace") is None:
        el.set("lspace", "thickmathspace" if left else "0em")
        el.set("rspace", "thickmathspace" if right else "0em")


def _mark_row(kids: list) -> None:
    """Mark the binary operations of a row of atoms as TeX decides: a binary atom is ordinary (a sign,
    ``-1``) when it follows nothing, a binary atom, an operator, a relation, an opening or punctuation,
    or when a relation, a closing, punctuation or nothing follows it.  A relation's spaces follow TeX's
    table too: a thick space beside an ordinary atom, an operator, a closing (before it) or an opening
    (after it), none at the row's ends or beside an opening (``(=1)``), a closing (``[x=]``), punctuation or
    another relation."""
    before: int | None = None  # (the class of the atom before: None at the row's start)
    pending = None  # (a binary atom that the next atom may still make ordinary)
    relation = None  # (a relation whose right space the next atom decides, and its left one)
    spaced_left = False
    for el in kids:
        mark_signs(el)
        kind = _atom(el)
        if kind is None:
            continue
        if pending is not None:
            _set_form(pending, kind not in (_REL, _CLOSE, _PUNCT))
            pending = None
        if relation is not None:
            _set_spaces(relation, spaced_left, kind in (_ORD, _OP, _BIN, _OPEN))  # (a binary atom: a sign)
            relation = None
        if kind == _BIN:
            if before in (None, _BIN, _OP, _REL, _OPEN, _PUNCT):
                _set_form(_base(el), False)
                kind = _ORD
            else:
                pending = _base(el)
        elif kind == _REL and _local(_base(el)) == "mo":
            relation = _base(el)
            spaced_left = before in (_ORD, _OP, _BIN, _CLOSE)  # (a binary atom before it: made ordinary)
        before = kind
    if pending is not None:
        _set_form(pending, False)  # (last in its row: a sign, x^+, {a-})
    if relation is not None:
        _set_spaces(relation, spaced_left, False)  # (last in its row: {x=}, [x=])


def _base(el):
    """The token that decides ``el``'s class: ``el``, or its base when it is scripted (``\\pm_1``)."""
    while _local(el) in ("msub", "msup", "msubsup", "munder", "mover", "munderover"):
        kids = [k for k in el if isinstance(k.tag, str)]
        if not kids:
            break
        el = kids[0]
    return el


def mark_signs(el) -> None:
    """Mark every binary operation in MathML element ``el`` (+ − ± ∓ × · ∪ …) as binary or as a sign, by
    TeX's rule (:func:`_mark_row`): ``(-1)``, ``x = -y``, ``[-1, 1]`` have signs, ``a - b`` an operation.
    The one place that decides it: the drawings (ziamath reads ``form``), Office math and the text."""
    name = _local(el)
    kids = [k for k in el if isinstance(k.tag, str)]
    if name in _ROWS:
        _mark_row(kids)
        return
    for k in kids:  # (each argument a formula of its own: x^-, \frac{-1}{2})
        if _local(k) in ("mo", "mi"):
            _mark_row([k])
        else:
            mark_signs(k)


def signs_marked(mathml: str) -> str:
    """``mathml`` with its binary operations marked as :func:`mark_signs` says."""
    root = etree.fromstring(mathml.encode())
    mark_signs(root)
    return etree.tostring(root, encoding="unicode")


@lru_cache(maxsize=1024)
def tex_to_mathml(tex: str, display: bool = False) -> str | None:
    """Return MathML for ``tex``; None when latex2mathml cannot read it or leaves a command unknown."""
    if len(tex) > 4000:
        return None
    try:
        mathml = _convert(tex, "block" if display else "inline")
    except Exception:  # latex2mathml raises many kinds for TeX it does not read
        return None
    try:
        root = etree.fromstring(mathml.encode())
    except Exception:
        return None
    ampersands = 0  # (latex2mathml prints an alignment's & outside one as it prints TeX's \&)
    for el in root.iter():
        text = (el.text or "").strip()
        if isinstance(el.tag, str) and text.startswith("\\") and (len(text) > 1 or "\\backslash" not in tex):
            return None  # an unknown command, copied through as text
        if isinstance(el.tag, str) and el.tag.endswith("}mi") and text == "&":
            ampersands += 1
    if ampersands > len(_ESCAPED_AMPERSAND.findall(tex)):
        return None  # (an alignment's & outside one: more than the \& written)
    if "{,}" in tex:
        _decimal_commas(root)
    mark_signs(root)
    return etree.tostring(root, encoding="unicode")


def _decimal_commas(root) -> None:
    """Numbers written with a braced decimal comma (``3{,}14``, TeX's way to keep the comma from being
    spaced as punctuation) made one ``mn`` each, so no output spaces them."""
    for row in list(root.iter()):
        kids = [k for k in row if isinstance(k.tag, str)]
        for before, comma, after in zip(kids, kids[1:], kids[2:]):
            inner = [k for k in comma if isinstance(k.tag, str)]
            if not (
                _local(before) == "mn"
                and _local(after) == "mn"
                and _local(comma) == "mrow"
                and len(inner) == 1
                and _local(inner[0]) == "mo"
                and (inner[0].text or "").strip() == ","
                and comma.getparent() is row
                and before.getparent() is row
            ):
                continue
            after.text = (before.text or "").strip() + "," + (after.text or "").strip()
            row.remove(before)
            row.remove(comma)


def _convert(tex: str, display: str = "inline") -> str:
    """Return latex2mathml's MathML for ``tex`` (normalised); raises what latex2mathml raises."""
    from latex2mathml.converter import convert  # noqa: PLC0415 (imported by the first lecture with math)

    return convert(normalise(tex), display=display)


def readable(tex: str) -> bool:
    """Can ``tex`` be read: as MathML, and from that as the line of text a slide's words show it as?"""
    return bool(tex.strip()) and tex_to_mathml(tex) is not None and tex_to_text(tex) is not None


def unknown_command(tex: str) -> str | None:
    """Return the first command latex2mathml leaves unknown in ``tex`` (for the warning), if any."""
    try:
        mathml = _convert(tex)
    except Exception:
        return None
    mt = re.search(r">(\\[A-Za-z]+)<", mathml)
    if mt is None and ">\\<" in mathml:  # (a symbol's name, `\?`: latex2mathml prints its backslash alone)
        symbols = dict.fromkeys(t for t in re.findall(r"\\(?:[A-Za-z]+|.)", tex) if not t[1:].isalpha())
        return next((t for t in symbols if ">\\<" in _converted_or_empty(t)), None)
    return mt.group(1) if mt else None


def _converted_or_empty(tex: str) -> str:
    try:
        return _convert(tex)
    except Exception:  # latex2mathml raises many kinds for TeX it does not read
        return ""


_SUP = str.maketrans(
    "0123456789+-−=()abcdefghijklmnoprstuvwxyzABDEGHIJKLMNOPRTUVW",
    "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁻⁼⁽⁾ᵃᵇᶜᵈᵉᶠᵍʰⁱʲᵏˡᵐⁿᵒᵖʳˢᵗᵘᵛʷˣʸᶻᴬᴮᴰᴱᴳᴴᴵᴶᴷᴸᴹᴺᴼᴾᴿᵀᵁⱽᵂ",
)
_SUB = str.maketrans("0123456789+-−=()aehijklmnoprstuvx", "₀₁₂₃₄₅₆₇₈₉₊₋₋₌₍₎ₐₑₕᵢⱼₖₗₘₙₒₚᵣₛₜᵤᵥₓ")
_COMBINING = {
    "^": "\u0302",
    "\u02c6": "\u0302",
    "~": "\u0303",
    "\u02dc": "\u0303",
    "\u00af": "\u0304",
    "\u2015": "\u0305",
    "\u203e": "\u0305",
    "\u2192": "\u20d7",
    "\u20d7": "\u20d7",
    "\u02d9": "\u0307",
    ".": "\u0307",
    "\u00a8": "\u0308",
    "\u02c7": "\u030c",
}


@lru_cache(maxsize=1024)
def tex_to_text(tex: str) -> str | None:
    """Return a readable one-line Unicode rendering of ``tex`` (x̄, β̂, √(x), a/b, x², {x ∣ …}), or None."""
    mathml = tex_to_mathml(tex)
    if mathml is None:
        return None
    # (MathML of a shape this reading does not know is unreadable, warned about at its line: never a failed build)
    try:
        return " ".join(_linear(etree.fromstring(mathml.encode())).split())
    except Exception:
        return None


def tex_to_lines(tex: str) -> list[str] | None:
    """Return display math ``tex`` as readable Unicode lines (:func:`tex_to_text`): a line per row of an
    equation written over rows (``aligned``, ``gathered``), else one line; None when it cannot be read."""
    mathml = tex_to_mathml(tex)
    if mathml is None:
        return None
    try:
        return _lines(etree.fromstring(mathml.encode()))
    except Exception:  # (as tex_to_text)
        return None


def _lines(el) -> list[str]:
    """The MathML ``el``'s lines of text (:func:`tex_to_lines`)."""
    while True:  # (the math's own rows and styles around its table)
        kids = [c for c in el if isinstance(c.tag, str)]
        if len(kids) != 1 or etree.QName(kids[0]).localname not in ("mrow", "mstyle", "semantics", "mtable"):
            break
        el = kids[0]
    if etree.QName(el).localname != "mtable":  # (gathered's rows: line breaks)
        return [line for line in (" ".join(x.split()) for x in _linear(el).split("\n")) if line]
    rows = [" ".join(" ".join(_linear(c) for c in r if isinstance(c.tag, str)).split()) for r in el]
    return [row for row in rows if row]


_BARE_SCRIPTS = frozenset({"′", "″", "‴", "⁗", "*", "∗", "†", "‡", "⋆"})  # x′, x*, a†: written as they are


def _script(text: str, table, mark: str) -> str:
    text = text.replace(" ", "")
    if not text:  # an empty or invisible script (`S_{\phantom{y}}`, `x^{}`, `x_{\,}`): the base alone
        return ""
    if text in _BARE_SCRIPTS:
        return "*" if text == "∗" else text
    t = text.translate(table)
    if t != text and all(c != o or c == " " for c, o in zip(t, text)) and text.strip():
        return t
    return f"{mark}{text}" if len(text) == 1 or (text[0] == "(" and text[-1] == ")") else f"{mark}({text})"


def _group(text: str) -> str:
    return (
        text
        if len(text) <= 1 or text.isalnum() or text.startswith("(") and text.endswith(")")
        else f"({text})"
    )


def _linear(el) -> str:
    """Return the MathML element ``el`` as one line of Unicode text."""
    if not isinstance(el.tag, str):
        return ""
    name = etree.QName(el).localname
    kids = [c for c in el if isinstance(c.tag, str)]
    if name in ("mi", "mn", "mtext", "ms", "mo", "mspace"):
        return _token(name, el)
    laid_out = _layout(name, kids)
    if laid_out is not None:
        return laid_out
    if name == "mtable":
        rows = []
        for r in kids:
            rows.append(" ".join(_linear(c).strip() for c in r if isinstance(c.tag, str)))
        return "; ".join(rows)
    if name == "mphantom":
        return ""
    return _row(kids)


def _token(name: str, el) -> str:
    """A token element: an identifier, number, text, operator (spaced when binary) or space."""
    if name == "mo":
        t = "".join(el.itertext()).strip()
        if el.get("form") == "prefix" and t in BINARY:
            return t  # a sign, not an operation (mark_signs)
        if not t or t not in "=<>≤≥≠≈∈∉⊂⊆∪∩→←↔⇒⇔∣+−×·±∓≡∼≅∝≔≕":
            return t
        left, right = (" " if el.get(side) != "0em" else "" for side in ("lspace", "rspace"))
        return f"{left}{t}{right}"  # (a relation after an opening, before a closing: tight, mark_signs)
    if name == "mspace":
        if el.get("linebreak") == "newline":
            return "\n"
        w = el.get("width", "")
        return "" if w.startswith("-") or "negative" in w else " "
    return "".join(el.itertext())


def _layout(name: str, kids: list) -> str | None:
    """A fraction, root or script as text (a/b, √x, x², x̄); None for any other element."""
    if name == "mfrac" and len(kids) == 2:
        return f"{_group(_linear(kids[0]).strip())}/{_group(_linear(kids[1]).strip())}"
    if name == "msqrt":
        return f"√{_group(''.join(_linear(k) for k in kids).strip())}"
    if name == "mroot" and len(kids) == 2:
        index = _linear(kids[1]).strip()
        return f"{_script(index, _SUP, '')}√{_group(_linear(kids[0]).strip())}"
    if name in ("msup", "msub") and len(kids) == 2:
        return _linear(kids[0]) + _script(
            _linear(kids[1]).strip(), _SUP if name == "msup" else _SUB, "^" if name == "msup" else "_"
        )
    if name in ("msubsup", "munderover") and len(kids) == 3:
        return (
            _linear(kids[0])
            + _script(_linear(kids[1]).strip(), _SUB, "_")
            + _script(_linear(kids[2]).strip(), _SUP, "^")
        )
    if name == "mover" and len(kids) == 2:
        mark = "".join(kids[1].itertext()).strip()
        base = _linear(kids[0]).strip()
        if mark in _COMBINING and len(base) == 1:
            return base + _COMBINING[mark]
        if mark in _COMBINING:
            return f"{_group(base)}{_COMBINING[mark]}"
        return base + _script(_linear(kids[1]).strip(), _SUP, "^")
    if name == "munder" and len(kids) == 2:
        return _linear(kids[0]) + _script(_linear(kids[1]).strip(), _SUB, "_")
    return None


_LIMIT_OPS = frozenset({"min", "max", "lim", "sup", "inf"})  # min with its script (minₓ), then a space


def _row(kids: list) -> str:
    """A row of elements: operators spaced (signs tight: :func:`mark_signs`), a space after a big operator."""
    out = []
    for k in kids:
        piece = _linear(k)
        out.append(piece)
        if etree.QName(k).localname != "mo" and (piece[:1] in "∑∏∫∮⋃⋂" or piece[:3] in _LIMIT_OPS):
            out.append(" ")  # a big operator with limits, then its operand
    return "".join(out)
