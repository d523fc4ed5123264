"""LaTeX environments a lecture written for beamer leaves in its Markdown, as the Markdown that says the same.

pandoc reads ``\\begin{itemize} … \\end{itemize}`` in Markdown as raw TeX: beamer draws it, pandoc's
PowerPoint writer drops it.  A lecturer moving such a deck expects its words on the slides, so the
environments whose meaning Markdown can say are rewritten before the Markdown is read (the rest stay
raw TeX: left out, with a warning at their line, as before):

=====================================================  ==============================================
``itemize``, ``enumerate``, ``description``            a bullet, numbered or bold-term list (nested)
``block``/``alertblock``/``exampleblock`` ``{Title}``   a titled box (``::: {.block title="…"}``)
``columns`` / ``column{0.4\\textwidth}``                 ``:::: columns`` / ``::: {.column width="40%"}``
``verbatim``, ``lstlisting[language=X]``, ``minted{x}``  a fenced code block in that language
``center``, ``flushright``                             ``::: {.center}``, ``::: {.right}`` (aligned text)
``flushleft``                                           its content
``quote``, ``quotation``, ``displayquote``              a block quote
``figure`` with ``\\includegraphics[width=…]{f}``        a picture, its ``\\caption`` the caption
``tabular``, ``tabularx``, ``longtable``, ``table``     a table (first row the header), ``\\caption`` its caption
``equation``, ``align``, ``gather``, ``multline``…      display math (``aligned``/``gathered``)
``alignat{3}``, ``xalignat``, ``flalign``               display math (``aligned``), the count dropped
breqn's ``dmath``, ``dseries``, ``dgroup``; ``empheq``   display math (a slide numbers no equation)
``IEEEeqnarray{rCl}``, ``subequations``, ``math``        display math; its content; inline math
``\\intertext{…}`` in an align (in ``$$`` too)          the rows before and after it, its words between
``tcolorbox[title=…]``                                  a box titled as its ``title=`` option
``Shaded``/``Highlighting`` (pandoc's highlighted code)  a code block of the plain code
``tabbing`` (``\\>`` tabs, ``\\\\`` rows)                     a line block, each row indented by its tabs
``semiverbatim`` (beamer's code with commands in it)     a code block of its text; overlaid last lines on clicks
=====================================================  ==============================================

``\\[ … \\]`` and ``\\( … \\)`` around math (TeX's own display and inline math, everywhere in beamer
decks) are ``$$ … $$`` and ``$ … $`` (:func:`math_brackets`; brackets around words that are no math,
Markdown's escaped ``\\[1\\]``, stay).

An environment is rewritten only where it starts a line outside fenced code and display math.
:func:`environments_to_markdown` returns the new text and, for each of its lines, the line of the
lecture it came from, so messages keep pointing at the lecturer's own lines.
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Callable

from .fancylists import marker_text
from .labels import label as label_in
from .markdown import (
    CODE_SPAN,
    code_lines,
    display_fences,
    fenced_lines,
    line_starts,
    outside,
    toggles_display_math,
)
from .model import ITEM_LABEL, Delimiter, Numbering
from .overlays import handout_never, overlay_fence, overlay_start
from .rawtex import SPEC_CHARS, _group
from .texmath import TEXT_ACCENTS
from .texrefs import enumerate_template

LISTS = {"itemize": "-", "enumerate": "1.", "description": "-"}
BOXES = ("block", "alertblock", "exampleblock")
PLAIN = ("center", "flushleft", "flushright")
QUOTES = ("quote", "quotation", "displayquote")  # (displayquote: csquotes')
CODE = ("verbatim", "verbatim*", "lstlisting", "minted", "Verbatim", "Highlighting", "semiverbatim")
MATH = {
    "equation": "",
    "equation*": "",
    "displaymath": "",
    "align": "aligned",
    "align*": "aligned",
    "eqnarray": "aligned",
    "eqnarray*": "aligned",
    "flalign": "aligned",
    "flalign*": "aligned",
    "alignat": "aligned",  # (alignat{3}: its count of column pairs, which aligned needs not, dropped)
    "alignat*": "aligned",
    "xalignat": "aligned",
    "xalignat*": "aligned",
    "xxalignat": "aligned",
    "gather": "gathered",
    "gather*": "gathered",
    "multline": "gathered",
    "multline*": "gathered",
    # breqn's displays, which LaTeX breaks over lines itself (dgroup, around dmaths: MATH_GROUPS)
    "dmath": "",
    "dmath*": "",
    "dseries": "",
    "dseries*": "",
    "darray": "aligned",
    "darray*": "aligned",
    # IEEEtrantools' (its column spec dropped; rCl's three columns as eqnarray's)
    "IEEEeqnarray": "aligned",
    "IEEEeqnarray*": "aligned",
}
# environments around display math that print only it (empheq's {align} names the one it is: _math)
MATH_GROUPS = frozenset(("dgroup", "dgroup*", "subequations", "empheq"))
# beamer's own theorem environments (beamerbasetheorems: theorem, corollary, fact, lemma, problem, solution,
# definition(s), example(s)), amsthm's proof and the usual others, titled as beamer titles them in English
THEOREMS = {
    "theorem": "Theorem",
    "lemma": "Lemma",
    "corollary": "Corollary",
    "proposition": "Proposition",
    "definition": "Definition",
    "definitions": "Definitions",
    "example": "Example",
    "examples": "Examples",
    "remark": "Remark",
    "fact": "Fact",
    "problem": "Problem",
    "solution": "Solution",
    "proof": "Proof",
}
# the labels.yaml key of each one's title in the lecture's language: beamer's translator package's words
# (its theorem dictionaries), else Quarto's for its crossref kinds (crossref_*, proof, remark, solution)
THEOREM_LABELS = {
    "theorem": "beamer_theorem",
    "lemma": "crossref_lem",
    "corollary": "crossref_cor",
    "proposition": "crossref_prp",
    "definition": "crossref_def",
    "definitions": "beamer_definitions",
    "example": "crossref_exm",
    "examples": "beamer_examples",
    "remark": "remark",
    "fact": "beamer_fact",
    "problem": "beamer_problem",
    "solution": "solution",
    "proof": "beamer_proof",
}
# wrapfig's figures set beside the text: \begin{wrapfigure}[lines]{r}[overhang]{width},
# \begin{wrapfloat}{figure}[lines]{i}[overhang]{width} (and their tables)
WRAPFIGS = ("wrapfigure", "wrapfigure*", "wraptable", "wraptable*", "wrapfloat", "wrapfloat*")
# sidecap's figures (and memoir's \begin{sidecaption}{caption}[label]): a figure, its caption beside it
SIDE_CAPTIONS = ("SCfigure", "SCfigure*", "sidecaption")
# (tabu's and longtabu's columns are tabularx's X, X[2], X[c]: their `to \textwidth` width is skipped)
TABULARS = ("tabular", "tabular*", "tabularx", "tabulary", "longtable", "tabu", "longtabu")
# environments that only set how their content looks or sits (line spacing, type size, columns the
# template does not draw, a placed box; beamer's overprint and overlayarea, where alternatives take turns,
# which a deck shows each on its click): their content, without their arguments
WRAPPERS = frozenset(
    "spacing singlespace onehalfspace doublespace multicols multicols* adjustbox small footnotesize "
    "scriptsize tiny large Large LARGE huge Huge normalsize textblock textblock* landscape "
    "raggedright raggedleft samepage overprint overlayarea".split()
)
# subcaption's sub-figures and sub-tables, a caption each, inside a figure (table) with its own
SUBFLOATS = frozenset(("subfigure", "subtable"))
KNOWN = frozenset(
    (
        *LISTS,
        *BOXES,
        *PLAIN,
        *QUOTES,
        *CODE,
        *MATH,
        *MATH_GROUPS,
        "math",
        *THEOREMS,
        *TABULARS,
        *WRAPPERS,
        "columns",
        "column",
        *SIDE_CAPTIONS,
        *WRAPFIGS,
        "figure",
        "figure*",
        *SUBFLOATS,
        "table",
        "table*",
        "algorithm",
        "algorithm*",
        "algorithmic",
        "tcolorbox",
        "Shaded",
        "tabbing",
    )
)
# algorithmic's and algpseudocode's commands: (words, indent before, indent after); their argument
# (a condition, a name) follows the words
_ALGORITHMIC = {
    "state": ("", 0, 0),
    "statex": ("", 0, 0),
    "if": ("**if** {} **then**", 0, 1),
    "elsif": ("**else if** {} **then**", -1, 1),
    "else": ("**else**", -1, 1),
    "endif": ("**end if**", -1, 0),
    "for": ("**for** {} **do**", 0, 1),
    "forall": ("**for all** {} **do**", 0, 1),
    "endfor": ("**end for**", -1, 0),
    "while": ("**while** {} **do**", 0, 1),
    "endwhile": ("**end while**", -1, 0),
    "repeat": ("**repeat**", 0, 1),
    "until": ("**until** {}", -1, 0),
    "loop": ("**loop**", 0, 1),
    "endloop": ("**end loop**", -1, 0),
    "function": ("**function** {}({})", 0, 1),
    "endfunction": ("**end function**", -1, 0),
    "procedure": ("**procedure** {}({})", 0, 1),
    "endprocedure": ("**end procedure**", -1, 0),
    "return": ("**return**", 0, 0),
    "require": ("**Require:**", 0, 0),
    "ensure": ("**Ensure:**", 0, 0),
    "input": ("**Input:**", 0, 0),
    "output": ("**Output:**", 0, 0),
}
# each command as algpseudocode writes it (\State, \EndIf) or algorithmic does (\STATE, \ENDIF)
_ALG_NAMES = {
    "statex": "Statex", "elsif": "ElsIf", "endif": "EndIf", "forall": "ForAll", "endfor": "EndFor",
    "endwhile": "EndWhile", "endloop": "EndLoop", "endfunction": "EndFunction", "endprocedure": "EndProcedure",
}  # fmt: skip
_ALG_COMMAND = re.compile(
    r"\\("
    + "|".join(
        sorted(
            {
                form
                for name in (*_ALGORITHMIC, "comment", "call", "to")
                for form in (_ALG_NAMES.get(name, name.title()), name.upper())
            },
            key=len,
            reverse=True,
        )
    )
    + r")(?![A-Za-z])"
)
_ALG_MATH = re.compile(r"(?<!\\)\$(?:\\.|[^$\\])*\$")  # (math's \$: a dollar sign)
_ALG_WORDS = re.compile(r"\\(AND|OR|NOT|XOR|TRUE|FALSE|And|Or|Not|True|False)(?![A-Za-z])")  # (in conditions)
# rules and colours between a table's rows: drawn by the table's own style
_TABLE_RULES = re.compile(
    r"\\(?:hline|toprule|midrule|bottomrule|endhead|endfirsthead|endfoot|endlastfoot|centering|small|footnotesize"
    r"|scriptsize|tiny|large|Large|normalsize)\b(?:\[[^\]]*\])?"
    r"|\\(?:cline|cmidrule|rowcolor|cellcolor|arraystretch|rowfont|tabucline|taburulecolor|taburowcolors)"
    r"\s*(?:\([^)]*\))?\s*(?:\[[^\]]*\])?\s*(?:\|[^|]*\|)?\s*(?:\{(?:[^{}]|\{[^{}]*\})*\})?"
    r"|\\renewcommand\s*\{?\\arraystretch\}?\s*\{[^{}]*\}"
    r"|\\(?:label)\{[^{}]*\}"
)

# pictures TeX draws, which Podium does not: a box stands in their place (podium.beamer.picture_box_lines;
# in a captioned figure, podium.beamer.picture_box)
DRAWN_PICTURES = frozenset(("tikzpicture", "pgfpicture", "circuitikz", "tikzcd", "forest", "picture"))
_BEGIN = re.compile(r"^([ \t]*)\\begin\{([A-Za-z]+\*?)\}")
_LENGTH = re.compile(r"^\s*([0-9.]*)\s*\\(?:textwidth|linewidth|columnwidth|paperwidth)\s*$")
# a line of \includegraphics alone (or several, with the space TeX puts between them), perhaps after
# the command that centres it (\centering\includegraphics{…}: a picture is set in its place anyway)
_GRAPHIC_LINE = re.compile(
    r"^\s*(?:\\(?:centering|center|noindent)(?![A-Za-z])\s*)?(?:\\includegraphics\s*(\[[^\]]*\])?\s*\{[^{}]+\}"
    r"(?:\s*(?:\\hfill|\\quad|\\qquad|\\hspace\*?\{[^{}]*\}|~|\\,|%))*\s*)+$"
)
_LABELS = re.compile(r"\\(?:label\{[^{}]*\}|nonumber\b|notag\b|qedhere\b|IEEE(?:no|yes)(?:sub)?number\b)")
# what may hold a line's pictures without changing them (`\centerline{…}`, `\fbox{…}`,
# `\makebox[\textwidth]{…}`), with the arguments before what it holds ([ optional, { required)
_PICTURE_BOXES = {
    "centerline": "",
    "mbox": "",
    "hbox": "",
    "fbox": "",
    "framebox": "[[",
    "makebox": "[[",
    "shadowbox": "",
    "doublebox": "",
    "ovalbox": "",
    "Ovalbox": "",
    "resizebox": "{{",
    "resizebox*": "{{",
    "scalebox": "{[",
    "adjustbox": "{",
}
_PICTURE_BOX = re.compile(
    r"\\("
    + "|".join(re.escape(b) for b in sorted(_PICTURE_BOXES, key=len, reverse=True))
    + r")(?![A-Za-z])\s*"
)
# what only places or sizes what follows it (`{\centering \includegraphics{…}}`)
_PLACING = re.compile(
    r"(?:\\(?:centering|noindent|raggedright|raggedleft|hfill|quad|qquad|hspace\*?\{[^{}]*\}|tiny|scriptsize|"
    r"footnotesize|small|normalsize|large|Large|LARGE|huge|Huge)(?![A-Za-z])\s*|~\s*)+"
)


def _boxed_pictures(line: str) -> str | None:
    """A line that is only pictures held in boxes or groups (``\\centerline{\\includegraphics[…]{f}}``,
    ``\\fbox{…}``, ``\\makebox[\\textwidth]{…}``, ``{\\centering \\includegraphics{f}}``,
    ``\\begin{center}\\includegraphics{f}\\end{center}``), as the line of those pictures alone, which
    beamer draws (centred, as Podium places a picture; ``\\resizebox{w}{!}``'s width theirs); None for
    any other line."""
    text = line.strip()
    for _ in range(8):  # (boxes in boxes: \centerline{\fbox{…}})
        placing = _PLACING.match(text)
        text = text[placing.end() :] if placing is not None else text
        if text.startswith("\\begin{center}") and text.endswith("\\end{center}"):
            text = text[len("\\begin{center}") : -len("\\end{center}")].strip()
            continue
        box = _PICTURE_BOX.match(text)
        at, args = (box.end(), []) if box is not None else (0, [])
        for kind in _PICTURE_BOXES[box.group(1)] if box is not None else "":
            end = _group(text, at, kind, "]" if kind == "[" else "}")
            if end < 0 and kind == "{":
                return None
            if end >= 0:
                args.append(text[at + 1 : end - 1].strip())
                at = len(text) - len(text[end:].lstrip())
        close = _group(text, at)
        if close < 0 or text[close:].strip():
            break
        text = text[at + 1 : close - 1].strip()
        width = args[0] if box is not None and box.group(1).startswith("resizebox") and args else "!"
        if width != "!" and re.fullmatch(r"\\includegraphics\s*\{[^{}]+\}", text):
            text = text.replace("\\includegraphics", f"\\includegraphics[width={width}]", 1)
    if text == line.strip() or _GRAPHIC_LINE.match(text) is None:
        return None
    return text


# a box that scales what it holds, opened at a line's end: `\resizebox{\textwidth}{!}{`, `\scalebox{0.8}{`
_BOX_OPEN = re.compile(
    r"^\s*\\(?:resizebox\*?\s*\{[^{}]*\}\s*\{[^{}]*\}|scalebox\s*\{[^{}]*\}(?:\s*\[[^\]]*\])?|adjustbox\s*\{[^{}]*\})"
    r"\s*\{\s*$"
)


def _unboxed(lines: list[str], fenced: list[bool]) -> bool:
    """``lines`` without a scaling box opened at a line's end (``\\resizebox{\\textwidth}{!}{`` over a
    tabular: the idiom that fits a wide table) and its closing brace, in place: Podium sizes what it
    holds itself.  Whether any went."""
    changed = False
    for k, line in enumerate(lines):
        if fenced[k] or not _BOX_OPEN.match(line):
            continue
        depth = 1
        for j in range(k + 1, len(lines)):
            for i, ch in enumerate(lines[j]):
                if ch in "{}" and (i == 0 or lines[j][i - 1] != "\\"):
                    depth += 1 if ch == "{" else -1
                    if depth == 0:
                        lines[j] = lines[j][:i] + lines[j][i + 1 :]
                        break
            if depth == 0:
                lines[k], changed = "", True
                break
    return changed


def environments_to_markdown(text: str, lang: str | None = None) -> tuple[str, list[int]] | None:
    """``text`` with the environments above rewritten as Markdown, and the old line index of every new
    line; None when there is none to rewrite.  ``lang``: the lecture's language, which titles its theorems."""
    if "\\begin{" not in text and "\\includegraphics" not in text:
        return None
    lines = text.split("\n")
    fenced = code_lines(lines)  # (LaTeX shown as code, fenced or indented, stays code)
    changed = "box" in text and _unboxed(lines, fenced)
    text = "\n".join(lines) if changed else text
    starts = line_starts(lines)
    out: list[str] = []
    index: list[int] = []
    in_math = False
    items = _item_columns(lines, fenced)
    pad = 0  # (the column a list item's lazy lines after its math are indented to, to stay in the item)
    k = 0
    while k < len(lines):
        line = lines[k]
        begin = _BEGIN.match(line) if not fenced[k] and not in_math else None
        if begin is not None and begin.group(2) == "minipage":
            run = _minipages(text, lines, starts, k, lang)
            if run is not None:  # minipages side by side: a row of columns
                end_line, new = run
                if out and out[-1].strip():
                    out.append("")
                    index.append(k)
                out.extend(new)
                index.extend(_origins(new, lines, k, end_line))
                if end_line + 1 < len(lines) and lines[end_line + 1].strip():
                    out.append("")
                    index.append(end_line)
                changed = True
                k = end_line + 1
                continue
        if begin is not None and begin.group(2) in DRAWN_PICTURES:
            end = _environment_end(text, starts[k] + len(begin.group(1)), begin.group(2))
            if end is not None:  # a picture TeX draws (TikZ…): a box in its place, its nodes' words under it
                from .beamer import picture_box_lines  # noqa: PLC0415 (beamer reads this module's names)

                end_line = text.count("\n", 0, end - 1)
                after = text[end : starts[end_line + 1] - 1] if end_line + 1 < len(starts) else ""
                box = picture_box_lines(text[starts[k] + len(begin.group(1)) : end])
                new = ["", *(said for _, said in box), ""]
                new += [after.strip(), ""] if after.strip() else []
                out.extend(new)
                index.extend([k] + [k + at for at, _ in box] + [k] + [end_line] * (len(new) - len(box) - 2))
                changed = True
                k = end_line + 1
                continue
        if begin is not None and begin.group(2) in KNOWN:
            end = _environment_end(text, starts[k] + begin.start(0) + len(begin.group(1)), begin.group(2))
            if end is not None:
                end_line = text.count("\n", 0, end - 1)
                after = text[end : starts[end_line + 1] - 1] if end_line + 1 < len(starts) else ""
                source = text[starts[k] + len(begin.group(1)) : end]
                new = convert(source, lang).split("\n")
                # (math in a list item's text, as pandoc reads it: in the item, and so are the lines after it)
                pad = items[k] if begin.group(2) in MATH or begin.group(2) in MATH_GROUPS else 0
                new = [" " * pad + x.lstrip() if pad and x.strip() else x for x in new]  # (TeX: spaces alike)
                if out and out[-1].strip():  # (text right before it stays a paragraph of its own)
                    out.append("")
                    index.append(k)
                out.extend(new)
                index.extend(_origins(new, lines, k, end_line))
                if after.strip():  # (`\end{align*}\qed`: what follows the end on its line comes after it)
                    out.extend(["", " " * pad + after.strip()])
                    index.extend([end_line, end_line])
                if end_line + 1 < len(lines) and lines[end_line + 1].strip():
                    out.append("")  # (and the text right after it: not a lazy line of its last item)
                    index.append(end_line)
                changed = True
                k = end_line + 1
                continue
        graphic = _GRAPHIC_LINE.match(line) if not fenced[k] and not in_math else None
        if graphic is None and not fenced[k] and not in_math and "\\includegraphics" in line:
            boxed = _boxed_pictures(line)  # \centerline{\includegraphics{f}}: the picture it holds
            line = boxed if boxed is not None else line
            graphic = _GRAPHIC_LINE.match(line) if boxed is not None else None
        if graphic is not None:  # a bare \includegraphics on its line: a picture
            new = (_figure(line) or line).split("\n")  # (several side by side: a row over lines)
            out.extend(new)
            index.extend([k] * len(new))
            changed = True
            k += 1
            continue
        split = _split_display_math(lines, k) if not fenced[k] and not in_math and "$$" in line else None
        if split is not None:  # $$ \begin{align*} … \intertext{…} … \end{align*} $$: rows, words, rows
            end_line, new = split
            out.extend(new)
            index.extend(_origins(new, lines, k, end_line))
            changed = True
            k = end_line + 1
            continue
        if not fenced[k]:
            in_math ^= toggles_display_math(line)
        pad = pad if line.strip() and not _LIST_ITEM.match(line) else 0
        if pad and len(line) - len(line.lstrip()) < pad:
            line = " " * pad + line.lstrip()
        out.append(line)
        index.append(k)
        k += 1
    return ("\n".join(out), index) if changed else None


_LIST_ITEM = re.compile(r"^(\s*(?:[-*+]|\d{1,9}[.)]|#\.)[ \t]+)\S")


def _item_columns(lines: list[str], fenced: list[bool]) -> list[int]:
    """For each line, the column a Markdown list item's text starts at where the line is in that item's
    text (indented to it, or a lazy line right under it, as pandoc reads one), else 0."""
    out = [0] * len(lines)
    column = 0  # (the text column of the item being read; 0: none)
    blank = False
    for k, line in enumerate(lines):
        if fenced[k]:
            continue
        if not line.strip():
            blank = True
            continue
        item = _LIST_ITEM.match(line)
        indent = len(line) - len(line.lstrip())
        if item is not None:
            column = len(item.group(1))
        elif column and (indent >= column or not blank and not line.lstrip().startswith("#")):
            out[k] = column
        else:
            column = 0
        blank = False
    return out


_ALIGN_IN_DOLLARS = re.compile(r"\A\s*\\begin\{([A-Za-z]+\*?)\}(\{\d+\})?(.*)\\end\{\1\}\s*\Z", re.S)


def _split_display_math(lines: list[str], k: int) -> tuple[int, list[str]] | None:
    """Display math from line ``k`` (``$$`` alone on its line) to its closing ``$$`` line that is one
    align (``align*``, ``aligned``…) with ``\\intertext`` in it: its last line, and its rows and words as
    display math and paragraphs (:func:`_display_math`); None for any other."""
    if lines[k].strip() != "$$":
        return None
    end = next((j for j in range(k + 1, min(len(lines), k + 200)) if "$$" in lines[j]), None)
    if end is None or lines[end].strip() != "$$":
        return None
    body = "\n".join(lines[k + 1 : end])
    mt = _ALIGN_IN_DOLLARS.match(body) if "intertext" in body else None
    env = mt.group(1) if mt else ""
    if mt is None or MATH.get(env, "aligned" if env in ("aligned", "alignedat") else "") != "aligned":
        return None
    return end, [*_display_math(env if env in MATH else "align*", mt.group(3)).split("\n"), ""]


# what LaTeX writers put between minipages set side by side
_BETWEEN_MINIPAGES = re.compile(
    r"^\s*(?:(?:\\hfill|\\hspace\*?\{[^{}]*\}|\\quad|\\qquad|\\noindent|\\vfill|\\vspace\*?\{[^{}]*\}|~)\s*)*"
    r"(?:%.*)?$"
)


def _minipages(
    text: str, lines: list[str], starts: list[int], k: int, lang: str | None = None
) -> tuple[int, list[str]] | None:
    """The minipages from line ``k`` on, with only spacing (``\\hfill``, ``%``…) between them: their last
    line and their Markdown, a row of columns of their widths (one minipage: its blocks alone)."""
    columns: list[tuple[str | None, str]] = []
    end_line = k
    j = k
    while j < len(lines):
        begin = _BEGIN.match(lines[j])
        if begin is None or begin.group(2) != "minipage":
            break
        end = _environment_end(text, starts[j] + len(begin.group(1)), "minipage")
        if end is None:
            return None
        last = text.count("\n", 0, end - 1)
        if text[end : starts[last + 1] - 1].strip():
            return None  # (text after \end{minipage} on its line)
        source = text[starts[j] + len(begin.group(1)) : end]
        at = len("\\begin{minipage}")
        args: list[str] = []
        while at < len(source) and source[at] in "[{":  # [position][height][inner position]{width}
            close = _group(source, at, source[at], "]" if source[at] == "[" else "}")
            if close < 0:
                return None
            braced = source[at] == "{"
            args.append(source[at + 1 : close - 1])
            at = close
            if braced:
                break
        body = source[at : len(source) - len("\\end{minipage}")]
        columns.append((_width_share(args[-1]) if args else None, blocks(body, lang)))
        end_line = j = last
        j += 1
        while j < len(lines) and _BETWEEN_MINIPAGES.match(lines[j]) and not _BEGIN.match(lines[j]):
            if not lines[j].strip():
                break  # (a blank line: LaTeX starts a new paragraph, the row ends)
            j += 1
    if not columns:
        return None
    if len(columns) == 1:
        return end_line, columns[0][1].split("\n")
    new = [":::: columns"]
    for width, content in columns:
        new.append(f'::: {{.column width="{width}"}}' if width else "::: column")
        new.extend(content.split("\n"))
        new.append(":::")
    new.append("::::")
    return end_line, new


def _origins(new: list[str], old: list[str], k: int, end: int) -> list[int]:
    """For each rewritten line, the line of ``old[k:end + 1]`` its words come from (else the one before)."""
    out = []
    last = k
    for line in new:
        if line.startswith("| ") and line.endswith(" |"):  # a table's row (not a line block's line)
            last = _row_origin(line, old, last, end)
            out.append(last)
            continue
        whole = _MADE_PAUSE.sub("", line.strip().lstrip("-*>:{}.0123456789 ").strip())
        if line.startswith("| "):  # (a line block's line, pseudocode's: its words between its keywords)
            whole = max((w.strip() for w in _BOLD_WORD.split(line[2:].replace("\u00a0", " "))), key=len)
        probe = whole[:24]  # (`\item<3-> A`'s item is `- \pause[3] A`: A is the source's words)
        picture = _PICTURE_SRC.search(line)
        if picture is not None and picture.group(1) in (
            "tikz:",
            "latex-picture:",
        ):  # (a drawing's box: its start)
            drawn = next((j for j in range(last, end + 1) if _DRAWN_BEGIN.search(old[j])), None)
            last = drawn if drawn is not None else last
            out.append(last)
            continue
        if picture is not None:  # (a picture: the line of the \includegraphics that names its file)
            probe = whole = re.sub(r"\.\w{1,5}$", "", picture.group(1).strip("<> "))
        # (the whole line first: items that start alike, `\item \textcolor{green}{$O(1)$} …`, each its own)
        found = next((j for j in range(last, end + 1) if len(whole) > 24 and whole in old[j]), None)
        if found is None:
            found = next((j for j in range(last, end + 1) if probe and probe in old[j]), None)
        last = found if found is not None else last
        out.append(last)
    return out


# the click this module puts before an item with its own step (`\item<3->`: `\pause[3] `; `[<+->]`: `\pause `)
_MADE_PAUSE = re.compile(r"^\\pause(?:\[\d+\])?\s*")
_BOLD_WORD = re.compile(r"\*\*[^*\n]*\*\*")
_PICTURE_SRC = re.compile(r"!\[[^\]\n]*\]\(([^)\n]+)\)")
_DRAWN_BEGIN = re.compile(r"\\begin\{(?:" + "|".join(sorted(DRAWN_PICTURES)) + r")\}")


def _row_origin(row: str, old: list[str], last: int, end: int) -> int:
    """The line of ``old[last:end + 1]`` where a table's ``row`` (``| a | b |``) starts: its first cell with
    words starts a line or follows a ``\\\\`` there (after as many ``&``), else the first line after
    ``last`` with those words; else ``last``."""
    cells = [c.strip() for c in re.split(r"(?<!\\)\|", row.strip()[1:-1])]
    at = next((k for k, c in enumerate(cells) if c), None)
    if at is None:
        return last
    words = cells[at].replace("\\|", "|").split("\\newline{}")[0].strip()[:24]
    starts = re.compile(r"(?:^|\\\\(?:\[[^\]]*\])?)\s*" + r"&\s*" * at + re.escape(words))
    found = next((j for j in range(last, end + 1) if starts.search(_TABLE_RULES.sub("", old[j]))), None)
    if found is None:
        found = next((j for j in range(last + 1, end + 1) if words in old[j]), None)
    return last if found is None else found


def _environment_end(text: str, at: int, env: str) -> int | None:
    """The index after the ``\\end{env}`` matching the ``\\begin{env}`` at ``text[at]`` (nesting counted)."""
    opening, closing = "\\begin{" + env + "}", "\\end{" + env + "}"
    depth = 0
    i = at
    while True:
        b = text.find(opening, i)
        e = text.find(closing, i)
        if e < 0:
            return None
        if 0 <= b < e:
            depth += 1
            i = b + len(opening)
            continue
        depth -= 1
        i = e + len(closing)
        if depth == 0:
            return i


environment_end = _environment_end  # (for podium.beamer)


def convert(source: str, lang: str | None = None) -> str:
    """One environment (``\\begin{env}…\\end{env}``) as Markdown; beamer's overlay specification after
    its name (``\\begin{block}<3->{Title}``, or after a block's title: ``\\begin{block}{Title}<3->``) makes it
    come on that step's click."""
    head = _BEGIN.match(source)
    assert head is not None
    spec = _ENV_OVERLAY.match(source, head.end())
    if spec is None and head.group(2) in BOXES and source.startswith("{", head.end()):
        title_end = _group(source, head.end())  # (or after a block's title: \begin{block}{Title}<2->)
        while 0 < title_end < len(source) and source[title_end] in " \t":
            title_end += 1
        spec = _ENV_OVERLAY.match(source, title_end) if title_end > 0 else None
        if spec is not None:
            return _stepped(spec.group(1), _convert(source[: spec.start()] + source[spec.end() :], lang))
    if spec is None:
        return _convert(source, lang)
    return _stepped(spec.group(1), _convert(source[: head.end()] + source[spec.end() :], lang))


def _stepped(spec: str, shown: str) -> str:
    """An environment's Markdown, on the click of its overlay specification ``spec`` when it comes later,
    and on the slides only when beamer's handout never shows it (``<2|handout:0>``)."""
    step = overlay_start(spec)
    stepped = f"{overlay_fence(step)}\n{shown}\n:::" if step > 1 else shown
    return f"::: slides\n{stepped}\n:::" if handout_never(spec) else stepped


_ENV_OVERLAY = re.compile(r"<([^<>\n]{1,60})>")


def _algorithmic(body: str) -> str:
    """An ``algorithmic`` environment as a line block (each statement a line, indented as its nesting,
    keywords bold, math as math): pseudocode as the PDF shows it."""
    out: list[list] = []  # [indent, words]
    depth = 0
    pending = ""  # words before the first command
    at = 0
    body = re.sub(r"^\[[^\]]*\]", "", body.strip())  # (\begin{algorithmic}[1]: line numbers)
    body = _ALG_MATH.sub(  # (text commands in its math: \textrm{nil} in $x = \textrm{nil}$; its spaces
        # inside the dollars, as TeX allows them, taken out: the statement is one line of Markdown)
        lambda mt: (
            "$"
            + re.sub(r"\\text(?:rm|up)\{", r"\\mathrm{", mt.group(0)[1:-1].strip()).replace(
                "\\textit{", "\\mathit{"
            )
            + "$"
        ),
        body,
    )
    body = _ALG_WORDS.sub(lambda mt: f"**{mt.group(1).lower()}**", body)
    body = _alg_groups_opened(body)
    maths = [mt.span() for mt in _ALG_MATH.finditer(body)]
    for found in _ALG_COMMAND.finditer(body):
        if found.start() < at or any(a <= found.start() < b for a, b in maths):
            continue  # (\forall in math is math; a command in an argument read already is its words)
        text = " ".join(body[at : found.start()].split())
        if out:
            out[-1][1] = (out[-1][1] + " " + text).strip()
        else:
            pending = text
        name = found.group(1).lower()
        j = found.end()
        args: list[str] = []
        while len(args) < _alg_arity(name) and (close := _group(body, _alg_skip(body, j))) > 0:
            inner = body[_alg_skip(body, j) + 1 : close - 1]
            args.append(re.sub(r"\\(?:To|TO)(?![A-Za-z])", "**to**", " ".join(_alg_calls(inner).split())))
            j = close
        at = j
        if name == "comment":
            if out:
                out[-1][1] += f" \u25b7 {args[0] if args else ''}"
            continue
        if name == "call":
            if out:
                out[-1][1] += f" {args[0] if args else ''}({args[1] if len(args) > 1 else ''})"
            continue
        if name == "to":  # (\For{$i = 1$ \To $n$})
            if out:
                out[-1][1] += " **to**"
            continue
        words, before, after = _ALGORITHMIC[name]
        if out and not out[-1][1] and name not in ("state", "statex"):
            out.pop()  # (\State \Return x: one statement)
        depth = max(0, depth + before)
        shown = words.format(*(args + ["", ""])[: words.count("{}")]) if "{}" in words else words
        out.append([depth, shown])
        depth = max(0, depth + after)
    tail = " ".join(body[at:].split())
    if out:
        out[-1][1] = (out[-1][1] + " " + tail).strip()
    lines = [f"| {pending}"] if pending else []
    lines += [f"| {chr(0xA0) * 4 * indent}{words}" if words else "|" for indent, words in out]
    return "\n".join(lines)


def _alg_arity(name: str) -> int:
    """Return how many arguments an algorithmic command (lower case) takes: ``\\If`` its condition,
    ``\\Procedure`` its name and parameters, ``\\State`` and ``\\Return`` none."""
    if name in ("comment", "call"):
        return 1 if name == "comment" else 2
    return _ALGORITHMIC[name][0].count("{}") if name in _ALGORITHMIC else 0


def _alg_skip(body: str, j: int) -> int:
    """Return the index of the first character at or after ``j`` that is not a space (TeX skips the
    spaces after a command's name and between its arguments, not a blank line)."""
    k = j
    while k < len(body) and body[k] in " \t\n" and not body.startswith("\n\n", k):
        k += 1
    return k


def _alg_groups_opened(body: str) -> str:
    """Return an algorithmic body with the group after each command's arguments opened:
    ``\\State{$s = 0$}`` and ``\\Return{x}`` (which take no argument) as ``\\State $s = 0$``, since
    TeX prints such a group's words as the statement's."""
    at = 0
    while found := _ALG_COMMAND.search(body, at):
        at = found.end()
        if any(a <= found.start() < b for a, b in (mt.span() for mt in _ALG_MATH.finditer(body))):
            continue
        for _ in range(_alg_arity(found.group(1).lower())):
            close = _group(body, _alg_skip(body, at))
            if close < 0:
                break
            at = close
        start = _alg_skip(body, at)
        close = _group(body, start)
        if close > 0:
            body = f"{body[:start]} {body[start + 1 : close - 1]} {body[close:]}"
    return body


def _alg_calls(text: str) -> str:
    """Return an algorithmic argument with its ``\\Call{name}{args}`` as ``name(args)``."""
    while found := re.search(r"\\(?:Call|CALL)(?![A-Za-z])", text):
        name_end = _group(text, _alg_skip(text, found.end()))
        args_end = _group(text, _alg_skip(text, name_end)) if name_end > 0 else -1
        if args_end < 0:
            break
        name = text[_alg_skip(text, found.end()) + 1 : name_end - 1]
        args = text[_alg_skip(text, name_end) + 1 : args_end - 1]
        text = f"{text[: found.start()]}{name}({args}){text[args_end:]}"
    return text


# algorithm2e: its commands (a block's body in braces; a statement ends with \;)
_ALGORITHM2E = re.compile(
    r"\\(?:KwIn|KwOut|KwData|KwResult|KwTo|KwRet|For|ForEach|ForAll|While|If|SetAlgo\w*|eIf|uIf|Repeat"
    r"|DontPrintSemicolon|SetKw\w*)\b|\\;"
)
# what a walk through algorithm2e's text stops at: a fence line (an overlay's click, `overlays` made it),
# math (its \\ and \; are its own), a statement's end (\; or \\), a command
_A2E_TOKEN = re.compile(
    r"^[ \t]*(:::[^\n]*)$|(?<!\\)(\$\$?)(?:[^$\\]|\\.)*\2|(\\;|\\\\\*?(?:\s*\[[^\]\n]*\])?)|\\([A-Za-z]+)",
    re.MULTILINE,
)
# algorithm2e's keywords inside a line (`\For{$i = 1$ \KwTo $n$}`)
_A2E_INLINE = re.compile(r"\\KwTo(?![A-Za-z])\s*")
_A2E_BLOCKS = {  # command: (its arguments, the line that opens it, a line that ends it)
    "For": (2, "**for** {} **do**", "**end**"),
    "ForEach": (2, "**foreach** {} **do**", "**end**"),
    "ForAll": (2, "**forall** {} **do**", "**end**"),
    "While": (2, "**while** {} **do**", "**end**"),
    "If": (2, "**if** {} **then**", "**end**"),
    "uIf": (2, "**if** {} **then**", ""),
    "ElseIf": (2, "**else if** {} **then**", "**end**"),
    "uElseIf": (2, "**else if** {} **then**", ""),
    "Else": (1, "**else**", "**end**"),
    "eIf": (3, "**if** {} **then**", "**end**"),
    "Repeat": (2, "**repeat**", "**until** {}"),
}
_A2E_WORDS = {
    "KwIn": "**Input:**",
    "KwOut": "**Output:**",
    "KwData": "**Data:**",
    "KwResult": "**Result:**",
    "KwRet": "**return**",
    "Return": "**return**",
    "tcc": "\u25b7",
    "tcp": "\u25b7",
}


# algorithm2e's commands that define a keyword (`\SetKw{Continue}{continue}`): how many arguments each takes
_A2E_DEFINING = {
    "SetKw": 2,
    "SetKwData": 2,
    "SetKwFunction": 2,
    "SetKwInOut": 2,
    "SetKwInput": 2,
    "SetKwProg": 4,
    "SetKwBlock": 3,
}


def _algorithm2e(body: str) -> str:
    """algorithm2e's pseudocode (``\\KwIn{…}``, ``\\ForEach{cond}{body}``, ``\\If``, ``\\eIf``, statements
    ending in ``\\;``) as a line block: each statement a line, indented as it nests, keywords bold, the
    ``end`` lines algorithm2e prints (its look's settings, ``\\SetAlgoLined``…, set nothing here).  The
    keywords it defines (``\\SetKw{Continue}{continue}``, ``\\SetKwFunction``, ``\\SetKwInOut``,
    ``\\SetKwInput``, ``\\SetKwProg``, ``\\SetKwBlock``, ``\\SetKwData``) print as algorithm2e prints them."""
    reading = _Algorithm2e()
    reading.walk(body, 0)
    lines: list[str] = []
    for indent, words in reading.out:  # (a fence between blank lines: the line blocks around it its own)
        lines += ["", words, ""] if indent < 0 else [f"| {chr(0xA0) * 4 * indent}{words}"]
    return "\n".join(lines).strip("\n")


def _a2e_argument(text: str, at: int) -> tuple[str | None, int]:
    """The braced argument after ``text[at]`` (spaces skipped, as TeX skips them), and where it ends; None
    (and ``at``) when there is none."""
    j = at
    while j < len(text) and text[j] in " \t\n":
        j += 1
    close = _group(text, j)
    return (text[j + 1 : close - 1], close) if close > 0 else (None, at)


class _Algorithm2e:
    """A walk through algorithm2e's pseudocode: ``out``, its statements as [indent, words] (a fence: -1);
    ``own``, the keywords it defined (their defining command, their words)."""

    def __init__(self) -> None:
        self.out: list[list] = []
        self.own: dict[str, tuple[str, list[str]]] = {}

    def statement(self, depth: int, words: str) -> None:
        words = " ".join(words.split())
        if words:
            self.out.append([depth, words])

    def keyword(self, name: str, arg: str | None) -> str:
        """A defined keyword (not a block) as its words: bold (a function's name, a datum's: plain)."""
        kind, words = self.own[name]
        if kind == "SetKwFunction":
            return f"{words[0]}({arg})" if arg is not None else words[0]
        if kind == "SetKwData":
            return words[0] + (f"({arg})" if arg is not None else "")
        return f"**{words[0]}**" + (f" {arg}" if arg else "")

    def inline(self, text: str) -> str:
        """A condition's words, its keywords (``\\KwTo``, the defined ones) as they print."""
        text = _A2E_INLINE.sub("**to** ", text)
        for name in self.own:
            at = 0
            command = re.compile(r"\\" + re.escape(name) + r"(?![A-Za-z])")
            while (found := command.search(text, at)) is not None:
                arg, end = _a2e_argument(text, found.end())
                shown = self.keyword(name, arg)
                text = text[: found.start()] + shown + text[end if arg is not None else found.end() :]
                at = found.start() + len(shown)
        return " ".join(text.split())

    def define(self, name: str, text: str, at: int) -> int:
        """A keyword defined by ``\\name`` (``\\SetKw``…) whose arguments follow ``text[at]``: where they end."""
        defined: list[str] = []
        while len(defined) < _A2E_DEFINING[name]:
            arg, at = _a2e_argument(text, at)
            if arg is None:
                break
            defined.append(arg.strip())
        if len(defined) == _A2E_DEFINING[name]:
            self.own[defined[0].lstrip("\\")] = (name, defined[1:])
        return at

    def own_keyword(self, name: str, text: str, at: int, depth: int, pending: str) -> tuple[int, str]:
        """A defined keyword ``\\name`` whose arguments follow ``text[at]``: a block (``\\SetKwProg``'s,
        ``\\SetKwBlock``'s), an input's line (``\\SetKwInOut``'s, ``\\SetKwInput``'s) or words in its
        statement; where it ends, and the statement's words so far."""
        kind, words = self.own[name]
        if kind in ("SetKwProg", "SetKwBlock"):
            self.statement(depth, pending)
            head, at = _a2e_argument(text, at) if kind == "SetKwProg" else ("", at)
            inner, at = _a2e_argument(text, at)
            is_ = words[1].strip() if kind == "SetKwProg" else ""
            opening = f"**{words[0]}**" + (f" {self.inline(head)}" if head else "")
            self.statement(depth, opening + (f" **{is_}**" if is_ else ""))
            self.walk(inner or "", depth + 1)
            if words[-1].strip():
                self.statement(depth, f"**{words[-1].strip()}**")
            return at, ""
        arg, at = _a2e_argument(text, at)
        if kind in ("SetKwInOut", "SetKwInput"):
            self.statement(depth, pending)
            self.statement(depth, f"**{words[0]}:** {arg or ''}")
            return at, ""
        return at, pending + self.keyword(name, arg) + " "

    def walk(self, text: str, depth: int) -> None:
        at, pending = 0, ""
        for found in _A2E_TOKEN.finditer(text):
            if found.start() < at:
                continue
            pending += text[at : found.start()]
            at = found.end()
            name = found.group(4)
            if found.group(2):  # math: its own (a \\ in its cases, a \; space)
                pending += found.group(0)
                continue
            if found.group(1) or found.group(3):  # \; or \\ ends a statement; a fence stands alone
                self.statement(depth, pending)
                pending = ""
                if found.group(1):
                    self.out.append([-1, found.group(1).strip()])
                continue
            if name in _A2E_DEFINING:  # (a keyword defined: its name and words)
                at = self.define(name, text, at)
                continue
            if name in self.own:
                at, pending = self.own_keyword(name, text, at, depth, pending)
                continue
            at, pending = self.command(name, found.group(0), text, at, depth, pending)
        self.statement(depth, pending + text[at:])

    def command(
        self, name: str, written: str, text: str, at: int, depth: int, pending: str
    ) -> tuple[int, str]:
        """algorithm2e's own command ``\\name`` (``written``) whose arguments follow ``text[at]``: where it
        ends, and the statement's words so far."""
        args: list[str] = []
        want = _A2E_BLOCKS[name][0] if name in _A2E_BLOCKS else 1 if name in _A2E_WORDS else 0
        while len(args) < want:
            arg, end = _a2e_argument(text, at)
            if arg is None:
                break
            args.append(arg)
            at = end
        if name in _A2E_BLOCKS:
            self.statement(depth, pending)
            _, opening, ending = _A2E_BLOCKS[name]
            cond = self.inline(args[0]) if args and want > 1 else ""
            self.statement(depth, opening.replace("{}", cond))
            self.walk(args[-1] if want <= 2 and args else args[1] if len(args) > 1 else "", depth + 1)
            if name == "eIf" and len(args) > 2:
                self.statement(depth, "**else**")
                self.walk(args[2], depth + 1)
            if ending:
                self.statement(depth, ending.replace("{}", cond))
            return at, ""
        if name == "KwTo":
            return at, pending + " **to** "
        if name in _A2E_WORDS:
            self.statement(depth, pending)
            self.statement(depth, f"{_A2E_WORDS[name]} {args[0] if args else ''}")
            return at, ""
        if name.startswith(
            ("Set", "Dont", "Lines", "Indm", "Kw", "Print", "Restore", "Incmargin", "Decmargin")
        ) or name in ("label",):
            return at, pending  # (the look's settings: nothing to show)
        return at, pending + written  # (math, text commands: the words' own, read later)


_TABBING_ROW_END = re.compile(r"\\\\\*?(?:\s*\[[^\]\n]*\])?")


def _tabbing(body: str) -> str:
    """A ``tabbing`` environment (pseudocode: ``\\=`` sets a tab stop, ``\\>`` moves to the next, ``\\\\``
    ends a row) as a line block: a line per row, indented by the tabs it starts with; a ``\\kill`` row
    (its stops only) is not shown."""
    out: list[str] = []
    for row in _TABBING_ROW_END.split(body):
        row = " ".join(row.split())
        if not row or row.endswith("\\kill"):
            continue
        indent = 0
        while row.startswith("\\>"):
            indent += 1
            row = row[2:].lstrip()
        row = " ".join(re.sub(r"\\[=><+-](?![A-Za-z])", " ", row).split())
        out.append(f"| {chr(0xA0) * 4 * indent}{row}")
    return "\n".join(out)


def _titled_box(kind: str, title: str, inner: str) -> str:
    """A box div titled ``title``: in its ``title`` attribute, or (a title with braces of its own,
    ``\\emph{x}``, ``$\\frac{a}{b}$``, which would end the attribute) as the heading it starts with."""
    if "{" in title or "}" in title:
        return f"::: {{.{kind}}}\n###### {title}\n\n{inner}\n:::"
    attr = f' title="{title}"' if title else ""
    return f"::: {{.{kind}{attr}}}\n{inner}\n:::"


def _tcolorbox_title(options: str) -> str:
    """The ``title=`` of a ``tcolorbox``'s options (``[colback=yellow!10, title={\\small Fun Fact}]``) as
    a box title's words (its type size left out: the template's), or ""."""
    for option in _split_at(options, ","):
        key, _, value = option.partition("=")
        if key.strip() == "title":
            value = re.sub(
                r"\\(?:tiny|scriptsize|footnotesize|small|normalsize|large|Large|LARGE|huge|Huge"
                r"|bfseries|itshape|sffamily|rmfamily)(?![A-Za-z])\s*",
                "",
                value,
            )
            return _box_title(value)
    return ""


def _box_title(text: str) -> str:
    """A box's title as an attribute's words: a bare group's braces taken off (``{\\cite[p.~4]{k}}``, which
    the attribute would end at), its ``\\label`` dropped, double quotes single; commands keep theirs."""
    text = re.sub(r"\\label\{[^{}]*\}", "", text)
    # a small picture beside the words (an emoji drawn from a file): decoration, and \text{} empty after it
    text = re.sub(r"\\text\{\s*\}", "", re.sub(r"\\includegraphics\s*(?:\[[^\]]*\])?\s*\{[^{}]*\}", "", text))
    bare = re.compile(r"(?<![\\\w\]}>])\{([^{}]*(?:\{[^{}]*\}[^{}]*)*)\}")  # (`\only<2>{x}`: an argument)
    while bare.search(text):
        text = bare.sub(r"\1", text)
    return " ".join(tex_quotes(text).replace('"', "'").split()).strip(" ,;")


_BODY_LABEL = re.compile(r"\A\s*\\label\{[^{}]*\}|^\s*\\label\{[^{}]*\}\s*$", re.M)


# tabu's width or stretch before its columns (`to \textwidth`, `spread 0pt`, `to .8\linewidth`)
TABU_WIDTH = re.compile(r"(?:\s*(?:to|spread)\s*[-+]?[\d.]*\s*(?:\\[A-Za-z]+|[a-z]{2})(?![A-Za-z]))?")


# environments whose first argument is not optional: TeX finds it after spaces (\begin{tabular} {c|l})
_ARGUED = frozenset((*TABULARS, *BOXES, "column", "minted"))


def _arguments(source: str, j: int, env: str) -> tuple[list[str], int]:
    """The arguments (``[…]``, ``{…}``) after ``\\begin{env}``, which ends at ``source[j]``, and where its
    body starts."""
    args: list[str] = []
    if env in ("tabu", "longtabu"):  # (its width before its columns: \begin{tabu} to \textwidth {lX})
        width = TABU_WIDTH.match(source, j)
        j = width.end() if width else j
    while j < len(source):
        at = j
        if env in _ARGUED and not args:  # (spaces on its line before the argument TeX skips)
            while at < len(source) and source[at] in " \t":
                at += 1
        if env in WRAPPERS and source.startswith("(", at):  # (textblock's place: (1cm,2cm))
            close = source.find(")", at)
            if close < 0 or "\n" in source[at:close]:
                break
            j = close + 1
            continue
        if at >= len(source) or source[at] not in "[{":
            break
        close = _group(source, at, source[at], "]" if source[at] == "[" else "}")
        if close < 0:
            break
        args.append(source[at + 1 : close - 1])
        j = close
        if env in ("tabular*", "tabularx", "tabulary") and len(args) < 2:
            continue  # (a width, then the columns)
        if env in TABULARS and source[at] == "[":
            continue  # (its position, \begin{tabular}[t]{ll}: then the columns)
        if env == "empheq" and source[at] == "{":
            break  # (its options, then the environment it is)
        if env not in (
            "column",
            "minted",
            "empheq",
            *BOXES,
            *THEOREMS,
            *SIDE_CAPTIONS,
            *WRAPFIGS,
            "lstlisting",
            "Verbatim",
            "figure",
            "figure*",
        ):
            if env not in WRAPPERS:
                break  # (the environments that take an argument are the ones named)
    return args, j


def _display_math(env: str, body: str) -> str:
    """A math environment as display math, numbered where LaTeX numbers it and something refers to it."""
    inner = _LABELS.sub("", body).strip()  # (a row's `\nonumber` on its own line: no blank line left)
    inner = "\n".join(line for line in inner.split("\n") if line.strip())
    if env.startswith(("eqnarray", "IEEEeqnarray", "darray")):
        from .texmath import eqnarray_rows  # noqa: PLC0415 (as readable below)

        inner = eqnarray_rows(inner)
    label = _LABEL.search(body)  # (numbered, as \eqref refers to it: crossrefs)
    if label and not _numbered(env, body, label):
        label = None
    # (the label's rows: those after as many \intertext as come before it in the body)
    labelled = 2 * len(_INTERTEXT.findall(body, 0, label.start())) if label else -1
    blocks: list[str] = []
    numbered = -1
    for k, piece in enumerate(_intertexts(inner)):
        if k % 2:  # (an \intertext's words: a paragraph between the rows before and after it)
            blocks.append(" ".join(piece.split()))
        elif piece.strip():
            rows = piece.strip()
            wrapped = f"\\begin{{{MATH[env]}}}\n{rows}\n\\end{{{MATH[env]}}}" if MATH[env] else rows
            blocks.append(f"$$\n{wrapped}\n$$")
            numbered = len(blocks) - 1 if k <= labelled or numbered < 0 else numbered
    if label:
        blocks[numbered] += f" {{#{quarto_label('eq', label.group(1))}}}"
    return "\n\n".join(blocks)


_INTERTEXT = re.compile(r"\\(?:short)?intertext\s*\{")


def _intertexts(rows: str) -> list[str]:
    """An align's rows cut at each ``\\intertext{words}`` (``\\shortintertext``): the rows before it, its
    words, the rows after it…; rows alone when there is none, or one not closed."""
    pieces: list[str] = []
    at = 0
    for mt in _INTERTEXT.finditer(rows):
        if mt.start() < at:
            continue
        close = _group(rows, mt.end() - 1)
        if close < 0:
            break
        pieces += [rows[at : mt.start()], rows[mt.end() : close - 1]]
        at = close
    if not pieces or not any(p.strip() for p in pieces[::2]) and not rows[at:].strip():
        return [rows]  # (no rows at all: left for the math reader to judge)
    return [*pieces, rows[at:]]


def _math(env: str, args: list[str], body: str, lang: str | None) -> str:
    """A math environment (``MATH``; LaTeX's ``math``, inline; empheq's, of the environment its argument
    names, ``\\begin{empheq}[box=…]{align}``) as display or inline math."""
    if env == "math":
        return "$" + " ".join(body.split()) + "$"
    if env == "empheq":
        named = args[-1].strip() if args else ""
        return _display_math(named, body) if named in MATH else blocks(body, lang)
    return _display_math(env, body)


def _convert(source: str, lang: str | None = None) -> str:
    head = _BEGIN.match(source)
    assert head is not None
    env = head.group(2)
    args, j = _arguments(source, head.end(), env)
    body = source[j : len(source) - len("\\end{" + env + "}")]
    if env in CODE:
        return _code(env, args, body)
    if env in MATH or env in ("math", "empheq"):
        return _math(env, args, body, lang)
    if env in TABULARS:
        return _table(args[-1] if args else "", body) or body
    if env == "algorithmic":
        return _algorithmic(body)
    if env == "tabbing":
        return _tabbing(body)
    if env in ("algorithm", "algorithm*"):  # (a float: its caption over its algorithmic)
        caption = re.search(r"\\caption\{((?:[^{}]|\{[^{}]*\})*)\}", body)
        rest = re.sub(r"\\caption\{(?:[^{}]|\{[^{}]*\})*\}|\\label\{[^{}]*\}", "", body)
        if _ALGORITHM2E.search(rest) and "\\begin{algorithmic" not in rest:
            rest = _algorithm2e(rest)  # (algorithm2e's pseudocode: its commands, not an environment)
        else:
            rest = blocks(_TABLE_RULES.sub("", rest), lang)
        return (f"**Algorithm: {caption.group(1).strip()}**\n\n" if caption else "") + rest.strip()
    if env in ("table", "table*"):
        return _float_table(body, lang)
    if env in BOXES or env in THEOREMS:  # (its own \label: a reference to it reads its number elsewhere)
        body = _BODY_LABEL.sub("", body)
    inner = blocks(body, lang)
    if env in LISTS:
        return _list(env, body, args[0] if args and source[head.end()] == "[" else "", lang)
    if env in BOXES:
        return _titled_box(env, _box_title(args[-1]) if args else "", inner)
    if env in THEOREMS:  # beamer's theorem, definition, proof…: a box titled as beamer titles it
        named = _box_title(args[0]) if args and source[head.end()] == "[" else ""
        # (a proof's [title] is its whole title: \begin{proof}[Proof of (b)])
        said = label_in(lang, THEOREM_LABELS[env]) if lang else THEOREMS[env]
        name = named if env == "proof" and named else said + (f" ({named})" if named else "")
        return _titled_box("exampleblock" if env.startswith("example") else "block", name, inner)
    # (pandoc's frame around its highlighted code: the code block; dgroup around dmaths: the equations)
    if env == "Shaded" or env in WRAPPERS or env in MATH_GROUPS:
        return (_multicols(args, body, lang) if env.startswith("multicols") else None) or inner
    if env == "tcolorbox":  # (a box of colours the template sets: titled by its title= option)
        return _titled_box(
            "block", _tcolorbox_title(args[0] if args and source[head.end()] == "[" else ""), inner
        )
    if env == "columns":
        if (
            "\\column" in body and "\\begin{column}" not in body
        ):  # beamer's short form: \column{0.5\textwidth}
            return f":::: columns\n{_short_columns(body, lang)}\n::::"
        return f":::: columns\n{inner}\n::::"
    if env in QUOTES:
        return "\n".join(f"> {line}" if line.strip() else ">" for line in inner.split("\n"))
    if env in ("figure", "figure*", *SIDE_CAPTIONS, *WRAPFIGS, *SUBFLOATS):
        return _float_figure(env, args, body, source, lang)
    return _fenced(env, args, inner)


def _float_figure(env: str, args: list[str], body: str, source: str, lang: str | None) -> str:
    """A figure float (sidecap's, wrapfig's; a sub-figure or sub-table outside one: a figure, a table of its
    own) of ``source``, its ``body`` after its arguments ``args``: its pictures (or drawings) and captions.
    Sub-figures of a picture each are a row of captioned pictures, the figure's caption under them; others
    (a drawing, a table) each a figure of its own, then the figure's caption."""
    if env in SUBFLOATS:
        inner, _ = _subfloat(source, 0, "caption")
        return (
            (_figure(inner) or _drawn_figure(inner, lang))
            if env == "subfigure"
            else _float_table(inner, lang)
        )
    if env == "sidecaption" and args:  # (its caption and label are its arguments)
        body += f"\\caption{{{args[0]}}}" + (f"\\label{{{args[1]}}}" if len(args) > 1 else "")
    subs = [
        body[mt.start() : _environment_end(body, mt.start(), mt.group(1))] for mt in _SUBFLOAT.finditer(body)
    ]
    if subs and (len(subs) < 2 or any(len(_GRAPHIC.findall(sub)) != 1 or _drawings(sub) for sub in subs)):
        caption = _own_caption(body)
        said = " ".join(body[caption[0] : caption[1]].split()) if caption else ""
        body = body if caption is None else body[: caption[2]] + body[caption[3] :]
        inner = blocks(_LABEL.sub("", body), lang)
        return f"{inner}\n\n{said}" if said else inner
    body = _subfigures(body)
    return (_wrapped_figure(args, body) if env in WRAPFIGS else _figure(body)) or _drawn_figure(body, lang)


_NO_NUMBER = re.compile(r"\\(?:nonumber|notag)(?![A-Za-z])")
# (one number for the whole)
_ONE_NUMBER = frozenset(
    ("equation", "equation*", "multline", "multline*", "dmath", "dmath*", "dseries", "dseries*")
)


def _numbered(env: str, body: str, label: re.Match) -> bool:
    """Whether LaTeX numbers the equation (the row) ``label`` is in: not where ``\\notag`` or
    ``\\nonumber`` says so, in the whole of an ``equation`` or ``multline``, in the label's row of an
    ``align`` or ``gather``."""
    if env in _ONE_NUMBER:
        return not _NO_NUMBER.search(body)
    start = body.rfind("\\\\", 0, label.start())
    end = body.find("\\\\", label.end())
    return not _NO_NUMBER.search(body[start + 2 if start >= 0 else 0 : end if end >= 0 else len(body)])


def _fenced(env: str, args: list[str], inner: str) -> str:
    """A column (``\\begin{column}{0.4\\textwidth}``) or an aligned block (``center``, ``flushright``:
    reader._div_align) as a fenced div; any other environment (``flushleft``) is its content."""
    if env == "column":
        width = _width_share(args[-1]) if args else None
        attr = f' width="{width}"' if width else ""
        return f"::: {{.column{attr}}}\n{inner}\n:::"
    if env in ("center", "flushright") and inner.strip():
        return f"::: {{.{'center' if env == 'center' else 'right'}}}\n{inner}\n:::"
    return inner


_COLUMN_BREAK = re.compile(r"\\columnbreak(?![A-Za-z])")
_ONE_LIST = re.compile(r"\\begin\{(itemize|enumerate|description)\}((?:\s*\[[^\]\n]*\])?)")


def _multicols(args: list[str], body: str, lang: str | None = None) -> str | None:
    """multicol's ``\\begin{multicols}{n}[header]`` as a row of ``n`` columns: its text cut at each
    ``\\columnbreak``, else a list's items (numbers going on) or its paragraphs shared out evenly, as
    multicol balances them; None where it holds one paragraph (its content is shown in one column)."""
    n = int(args[0]) if args and args[0].strip().isdigit() else 0
    parts = multicol_parts(body, n)
    if parts is None:
        return None
    header = blocks(args[1], lang).strip() + "\n\n" if len(args) > 1 and args[1].strip() else ""
    columns = "\n".join(f"::: {{.column}}\n{blocks(part, lang)}\n:::" for part in parts)
    return f"{header}:::: columns\n{columns}\n::::"


def multicol_parts(body: str, n: int) -> list[str] | None:
    """The columns' TeX of a ``multicols`` environment of ``n`` columns and ``body``; None where it is not
    cut (one column, one item, or one paragraph with no ``\\columnbreak``)."""
    text = body.strip()
    one = _ONE_LIST.match(text)
    if one is not None and _environment_end(text, 0, one.group(1)) == len(text):
        env, end = one.group(1), f"\\end{{{one.group(1)}}}"
        head, items, cuts = "", list[str](), list[int]()  # (the items; the items a break comes before)
        for j, piece in enumerate(_COLUMN_BREAK.split(text[one.end() : len(text) - len(end)])):
            starts = _item_starts(piece)
            lead = piece[: starts[0]] if starts else piece
            if j == 0:
                head = lead
            elif items:
                items[-1] += lead  # (a break inside an item's text: after the item)
            if j > 0:
                cuts.append(len(items))
            items += [piece[a:b] for a, b in zip(starts, [*starts[1:], len(piece)])]
        if len(items) < 2 or not cuts and n < 2:
            return None
        if not cuts:  # (multicol balances the columns, the first ones the longer)
            size = -(-len(items) // n)
            cuts = [k * size for k in range(1, n)]
        counter = _SET_COUNTER.search(head)
        skip = int(counter.group(1)) if counter else 0
        out = []
        for a, b in zip([0, *cuts], [*cuts, len(items)]):
            if a >= b:
                continue
            lead = head if a == 0 else f"\\setcounter{{enumi}}{{{skip + a}}}" if env == "enumerate" else ""
            out.append(f"\\begin{{{env}}}{one.group(2)}{lead}{''.join(items[a:b])}{end}")
        return out if len(out) > 1 else None
    pieces = [p for p in _COLUMN_BREAK.split(body) if p.strip()]
    if len(pieces) > 1:
        return pieces
    paragraphs = [p for p in re.split(r"\n[ \t]*\n", text) if p.strip()]
    if n < 2 or len(paragraphs) < 2:
        return None
    total = sum(len(p) for p in paragraphs)
    columns: list[list[str]] = [[]]  # (paragraphs shared out by their length: the columns about even)
    done = 0
    for p in paragraphs:
        if columns[-1] and done + len(p) / 2 > total * len(columns) / n and len(columns) < n:
            columns.append([])
        columns[-1].append(p)
        done += len(p)
    return ["\n\n".join(col) for col in columns]


def _short_columns(body: str, lang: str | None = None) -> str:
    """``\\column{w}`` … ``\\column{w}`` …: one column div per ``\\column``."""
    parts = re.split(r"\\column\b", body)
    out = []
    for part in parts[1:]:
        part = part.lstrip()
        width = None
        if part.startswith("["):  # [T] placement
            close = _group(part, 0, "[", "]")
            part = part[close:].lstrip() if close > 0 else part
        if part.startswith("{"):
            close = _group(part, 0)
            if close > 0:
                width, part = _width_share(part[1 : close - 1]), part[close:]
        attr = f' width="{width}"' if width else ""
        out.append(f"::: {{.column{attr}}}\n{blocks(part, lang)}\n:::")
    return "\n".join(out)


def blocks(body: str, lang: str | None = None) -> str:
    """Body text of an environment, the environments in it rewritten, its lines unindented."""
    lines = []
    code = ""  # the code environment the line is in: its lines keep their indentation
    for line in body.strip("\n").split("\n"):
        begin = _BEGIN.match(line)
        if not code and begin is not None and begin.group(2) in CODE:
            code = begin.group(2)
            lines.append(line.strip())
        elif code:
            lines.append(line.strip() if "\\end{" + code + "}" in line else line)
            code = "" if "\\end{" + code + "}" in line else code
        else:
            lines.append(line.strip())
    text = "\n".join(lines)
    converted = environments_to_markdown(text, lang)
    return converted[0] if converted is not None else text


def _list(env: str, body: str, options: str = "", lang: str | None = None) -> str:
    """``\\item``s as Markdown list items; an environment inside an item is nested under it.

    ``options``: an enumerate's ``[(a)]``/``[i.]``/``[label=(\\alph*)]`` numbering (written as pandoc's
    ``(a)`` markers), or beamer's ``[<+->]``: the list appears item by item."""
    marker = LISTS[env]
    numbering = _numbering(options) if env == "enumerate" else None
    # ([PH 1], [label=Step~\arabic*]: a label template no list marker writes; each item labelled by it)
    template = enumerate_template(options) if env == "enumerate" and numbering is None else None
    every = "<+" in options or "<.+" in options  # beamer's [<+->]: one item a step, the first shown at once
    default = None if every else re.search(r"<([0-9][0-9\-]*)>", options)  # [<2->]: every item's own spec
    body = _formatting_over_items(body) if "\\item" in body else body
    items, head = _split_items(body), _list_head(body)
    counter = _SET_COUNTER.search(head) if env == "enumerate" else None
    skip = int(counter.group(1)) if counter else 0  # \setcounter{enumi}{1}: the first item is 2.
    out: list[str] = []
    step = 1  # the step of the last item (beamer's `+` counts from it)
    for n, (label, text) in enumerate(items, 1):
        if numbering is not None:
            marker = marker_text(*numbering, n + skip) + " "  # (two spaces: pandoc's rule after `A.`)
        elif skip and n == 1:
            marker = f"{skip + 1}."  # (Markdown's list starts at its first number)
        elif skip:
            marker = "1."
        spec = _OVERLAY_SPEC.match(text)
        if spec is not None:
            text = text[spec.end() :]
        said = spec.group(1) if spec is not None else "+-" if every else default.group(1) if default else None
        if spec is None and every:  # [<+->]: each item on the click after the one before, counted from
            step += 1 if n > 1 else 0  # what a \pause before the list showed (beamer's `+`), not from 1
            text = ("\\pause " + text) if n > 1 else text
        elif said is not None:  # `\item<3->`: the item comes on the click of its step; an item after it
            # with no step of its own is shown from the start, as in beamer
            step = overlay_start(said, step if n > 1 else 0)
            if step > 1:
                text = f"\\pause[{step}] " + text
        content = blocks(text, lang)
        if label is None and template is not None:
            label = template.label(n + skip)
        if env == "description" and label:
            content = f"**{label.strip()}** {content}"
        elif label is not None:  # (`\item[a)]`: the label instead of the bullet or number, as LaTeX shows
            # it; `\item[]` shows none: an empty label, a no-break space)
            shown = _ungrouped(label.strip()) or "\u00a0"
            content = f"[{shown}]{{.{ITEM_LABEL}}} {content}"
        first, *rest = content.split("\n") if content else [""]
        pad = " " * (len(marker) + 1)
        out.append(f"{marker} {first}")
        for line in rest:
            out.append(pad + line if line.strip() else "")
    said = _LIST_SETUP.sub("", head).strip()
    if said:  # words before the first item (`\begin{itemize}Base case`): a paragraph before the list, as
        out[:0] = [blocks(said, lang), ""]  # pandoc reads them
    return "\n".join(out)


# what a list's body may set before its first item, printing nothing: its spacing, its counter, a size
_LIST_SETUP = re.compile(
    r"\\(?:setlength|addtolength|setcounter|addtocounter)\s*\{[^{}]*\}\s*\{[^{}]*\}"
    r"|\\(?:itemsep|parskip|topsep|partopsep|parsep|itemindent|leftmargin|labelsep|labelwidth)\s*=?\s*"
    r"-?[\d.]*\s*(?:pt|em|ex|mm|cm|in|bp)?(?:\s*plus\s*-?[\d.]*\s*(?:pt|em|ex|mm|cm|in|bp|fil+))?"
    r"|\\(?:vspace|hspace)\*?\s*\{[^{}]*\}|\\(?:tiny|scriptsize|footnotesize|small|normalsize|large|Large|LARGE|"
    r"huge|Huge|vfill|medskip|smallskip|bigskip|centering|raggedright|pause)(?![A-Za-z])"
)


# a formatting command whose argument may hold item starts (``\\textbf{\\item A}``, ``\\item \\emph{A \\item B}``)
_ITEM_WRAPPER = re.compile(
    r"\\(?:textbf|textit|textsl|textsc|textsf|texttt|textrm|textup|emph|alert|underline|structure|"
    r"textcolor\s*(?:\[[^\]]*\])?\s*\{[^{}]*\})\s*(?:<[^<>\n]*>\s*)?(?=\{)"
)
_ITEM = re.compile(r"\\item(?![A-Za-z])")


def _formatting_over_items(body: str) -> str:
    """A list's body with each formatting group that holds item starts (``\\textbf{\\item Risk:} more``, or
    ``\\item \\textbf{A, \\item B.}`` over two items) closed before each ``\\item`` and opened again after
    it (and its ``<2->``, ``[label]``), as LaTeX prints them: every item whole, the words formatted."""
    out, at = [], 0
    for mt in _ITEM_WRAPPER.finditer(body):
        close = _group(body, mt.end()) if mt.start() >= at else -1
        if close < 0 or not _ITEM.search(body, mt.end(), close):
            continue
        command, inner = (
            body[mt.start() : mt.end()].rstrip(),
            _formatting_over_items(body[mt.end() + 1 : close - 1]),
        )
        starts = [i for i in _top_level_items(inner)]
        pieces = [inner[: starts[0]]] + [inner[a:b] for a, b in zip(starts, [*starts[1:], len(inner)])]
        said = [_formatted(command, pieces[0])]
        for piece in pieces[1:]:
            head = re.match(r"\\item\s*(?:<[^<>\n]*>\s*)?", piece)
            end = head.end() if head else 5
            if piece.startswith("[", end) and (label_end := _group(piece, end, "[", "]")) > 0:
                end = label_end
            said.append(piece[:end] + _formatted(command, piece[end:]))
        out.append(body[at : mt.start()] + "".join(said))
        at = close
    return "".join(out) + body[at:]


def _top_level_items(text: str) -> list[int]:
    """Where each ``\\item`` of ``text`` that no group or environment holds starts."""
    starts, depth, k = [], 0, 0
    while k < len(text):
        if text.startswith("\\begin{", k) or text.startswith("\\end{", k):
            depth += 1 if text[k + 1] == "b" else -1
        elif text[k] == "\\":
            if depth == 0 and _ITEM.match(text, k):
                starts.append(k)
            k += 2
            continue
        elif text[k] in "{}":
            depth += 1 if text[k] == "{" else -1
        k += 1
    return starts


def _formatted(command: str, words: str) -> str:
    """``words`` in ``command``'s group (``\\textbf{…}``), the space around them outside it; blank: as is."""
    if not words.strip():
        return words
    lead = words[: len(words) - len(words.lstrip())]
    trail = words[len(words.rstrip()) :]
    return f"{lead}{command}{{{words.strip()}}}{trail}"


def _list_head(body: str) -> str:
    """What a list's body holds before its first item (at its own level; all of it if it has none)."""
    depth = 0
    for mt in re.finditer(r"\\(begin|end)\{|\\item(?![A-Za-z])", body):
        if mt.group(1):
            depth += 1 if mt.group(1) == "begin" else -1
        elif depth == 0:
            return body[: mt.start()]
    return body


# `\item<2->`, `\item<+->`, `\item<alert@2>`: beamer's overlay, on the item itself
_OVERLAY_SPEC = re.compile(r"^<((?=[^>]*[0-9+.])" + SPEC_CHARS + r"{1,60})>\s*")


def _numbering(options: str) -> tuple[Numbering, Delimiter] | None:
    """An enumerate's numbering from its ``[(a)]``, ``[i.]``, ``[A)]`` or enumitem ``[label=(\\roman*)]``."""
    spec = options.strip()
    enumitem = re.search(r"label\s*=\s*\{?([^,{}]*(?:\{[^{}]*\}[^,{}]*)?)\}?", spec)
    if enumitem is not None:
        spec = enumitem.group(1).strip()
        for command, letter in (
            ("\\alph*", "a"),
            ("\\Alph*", "A"),
            ("\\roman*", "i"),
            ("\\Roman*", "I"),
            ("\\arabic*", "1"),
        ):
            spec = spec.replace(command, letter)
    mt = re.fullmatch(r"(\()?([aAiI1])([.)])?", spec)
    if mt is None:
        return None
    kinds = {
        "a": Numbering.LOWER_ALPHA,
        "A": Numbering.UPPER_ALPHA,
        "i": Numbering.LOWER_ROMAN,
        "I": Numbering.UPPER_ROMAN,
        "1": Numbering.DECIMAL,
    }
    if mt.group(1):
        delimiter = Delimiter.PARENS
    else:
        delimiter = Delimiter.PAREN if mt.group(3) == ")" else Delimiter.PERIOD
    return kinds[mt.group(2)], delimiter


_SET_COUNTER = re.compile(
    r"\\(?:setcounter|addtocounter)\s*\{enumi\}\s*\{\s*(\d{1,4})\s*\}"
)  # (before the first item)


def _split_items(body: str) -> list[tuple[str | None, str]]:
    """(``[label]`` or None, text) of each top-level ``\\item`` of a list's body."""
    starts = _item_starts(body)
    items = []
    for n, s in enumerate(starts):
        chunk = body[s + 5 : starts[n + 1] if n + 1 < len(starts) else len(body)]
        label: str | None = None
        stripped = chunk.lstrip()
        if stripped.startswith("["):
            close = _group(stripped, 0, "[", "]")
            if close > 0:
                label, chunk = stripped[1 : close - 1], stripped[close:]
        items.append((label, _ungrouped(chunk.strip())))
    return items


def _item_starts(body: str) -> list[int]:
    """Where each top-level ``\\item`` of a list's body starts."""
    starts: list[int] = []
    depth = 0
    i = 0
    while i < len(body):
        if body.startswith("\\begin{", i):
            depth += 1
            i += 7
        elif body.startswith("\\end{", i):
            depth -= 1
            i += 5
        elif body.startswith("\\item", i) and depth == 0 and not body[i + 5 : i + 6].isalpha():
            starts.append(i)
            i += 5
        else:
            i += 1
    return starts


def _ungrouped(text: str) -> str:
    """An item's text with the group it starts with (``\\item {Grouped words} more``) as its words: TeX's
    braces only group, and Markdown would show them (a group that starts with a command, ``{\\color{red}
    …}``, stays for its reader)."""
    if not text.startswith("{") or text.startswith("{\\"):
        return text
    close = _group(text, 0)
    return text[1 : close - 1] + text[close:] if close > 0 else text


def _code(env: str, args: list[str], body: str) -> str:
    language = ""
    for a in args:
        mt = re.search(r"language\s*=\s*\{?([\w+#-]+)", a)
        if mt:
            language = mt.group(1).lower()
        elif env == "minted" and re.fullmatch(r"[\w+#-]+", a.strip()):
            language = a.strip().lower()
    code = body.strip("\n")
    # (minted's options come before its language; listings' and fancyvrb's are their one argument)
    options = _key_values(",".join(args[:-1] if env == "minted" else args[:1]))
    code = _gobbled(code, options)
    if env == "lstlisting" and args:
        return _listing(code, language, options)
    if env == "semiverbatim":
        return _semiverbatim(code)
    if env == "Highlighting":  # (pandoc's highlighted code: \KeywordTok{data} … in fancyvrb's Verbatim)
        code = _highlighted(re.sub(r"\A\[[^\]\n]*\]\n?", "", code)).strip("\n")
    return _fence(code, language)


def _gobbled(code: str, options: dict[str, str]) -> str:
    """``code`` as a listing shows it: ``gobble=N`` (minted, listings, fancyvrb) takes the first N characters
    of each line off, ``autogobble`` (minted; lstautogobble's for listings) the indentation all its lines
    share."""
    gobble = options.get("gobble", "").strip()
    if gobble.isdigit() and int(gobble) > 0:
        code = "\n".join(line[int(gobble) :] for line in code.split("\n"))
    if options.get("autogobble", "false").strip().lower() != "false":
        code = textwrap.dedent(code.expandtabs(8) if "\t" in code else code)
    return code


def _key_values(options: str) -> dict[str, str]:
    """A ``key=value, flag`` list of options (``mathescape,caption={A, B}``): each key and its value (braces
    taken off; a flag's ``true``)."""
    found: dict[str, str] = {}
    depth, start = 0, 0
    for k, c in enumerate(options + ","):
        depth += (c == "{") - (c == "}")
        if c == "," and depth == 0:
            key, _, value = options[start:k].partition("=")
            value = value.strip()
            if value.startswith("{") and _group(value, 0) == len(value):
                value = value[1:-1]
            if key.strip():
                found[key.strip()] = value.strip() if _ else "true"
            start = k + 1
    return found


def _listing(code: str, language: str, options: dict[str, str]) -> str:
    """An ``lstlisting`` as a code block: with ``mathescape``, its ``$…$`` pieces as the math they print, in
    characters (``$a_{i-1}$`` ``aᵢ₋₁``); its ``caption=`` (or ``title=``) a line above it, as listings
    sets it."""
    if options.get("mathescape", "false").lower() != "false" and "$" in code:
        from .texmath import tex_to_text  # noqa: PLC0415 (latex2mathml: only such listings load it)

        code = re.sub(
            r"(?<!\\)\$((?:\\.|[^$\n\\])+)\$",
            lambda mt: tex_to_text(mt.group(1)) or mt.group(1).strip(),
            code,
        )
    escape = _escape_marks(options)
    fenced = (
        _escaped_listing(code, language, escape) if escape and escape[0] in code else _fence(code, language)
    )
    caption = options.get("caption") or options.get("title")
    if caption and caption.startswith("["):  # (caption={[short]long}: the long one)
        close = _group(caption, 0, "[", "]")
        caption = caption[close:] if close > 0 else caption
    caption = " ".join((caption or "").split())
    return f"{caption}\n\n{fenced}" if caption else fenced


def _escape_marks(options: dict[str, str]) -> tuple[str, str] | None:
    """The marks around TeX in a listing's code (``escapeinside={(*@}{@*)}``, ``escapeinside=!!``,
    ``escapechar=!``), or None."""
    if char := options.get("escapechar", ""):
        return (char, char)
    said = options.get("escapeinside", "")
    if said.startswith("{") and (close := _group(said, 0)) > 0 and said[close:].startswith("{"):
        return (said[1 : close - 1], said[close + 1 : -1]) if said.endswith("}") and close > 2 else None
    return (said[0], said[1]) if len(said) == 2 else None


def _escaped_listing(code: str, language: str, escape: tuple[str, str]) -> str:
    """A listing whose code holds TeX between ``escape`` marks, as listings prints it: ``\\pause`` there a
    click (the code after it comes in a block of its own on the next click), other TeX its words."""
    opening, closing = escape
    pattern = re.compile(re.escape(opening) + "(.*?)" + re.escape(closing), re.S)
    parts: list[str] = []
    shown: list[str] = []
    at = 0
    for mt in pattern.finditer(code):
        shown.append(code[at : mt.start()])
        at = mt.end()
        tex = mt.group(1)
        if re.search(r"\\pause(?![A-Za-z])", tex):
            parts.append("".join(shown).rstrip(" \t"))
            shown = []
            if code.startswith("\n", at):
                at += 1
            tex = re.sub(r"\\pause(?![A-Za-z])", "", tex)
        shown.append(_escaped_words(tex))
    parts.append("".join(shown) + code[at:])
    blocks = [_fence(part.strip("\n"), language) for part in parts[:1] if part.strip()]
    blocks += [
        f"::: {{.fragment}}\n{_fence(part.strip(chr(10)), language)}\n:::"
        for part in parts[1:]
        if part.strip()
    ]
    return "\n\n".join(blocks)


def _escaped_words(tex: str) -> str:
    """TeX escaped from a listing's code as the characters it prints: its commands' words (``\\textbf{x}``:
    x), math as it reads, labels and spacing nothing."""
    tex = re.sub(r"\\(?:label|vspace|hspace|index|ref)\*?\{[^{}]*\}", "", tex)
    if "$" in tex:
        from .texmath import tex_to_text  # noqa: PLC0415 (latex2mathml: only such listings load it)

        tex = re.sub(
            r"(?<!\\)\$((?:\\.|[^$\n\\])+)\$", lambda mt: tex_to_text(mt.group(1)) or mt.group(1).strip(), tex
        )
    text = _semiverbatim_text(tex)
    return re.sub(r"\\[A-Za-z@]+\*?\s*", "", text)


def _fence(code: str, language: str = "") -> str:
    longest = max((len(r) for r in re.findall(r"`+", code)), default=0)
    fence = "`" * max(3, longest + 1)
    return f"{fence}{language}\n{code}\n{fence}"


# a semiverbatim line that is one overlay command around the whole line: `\visible<2->{# [1, 2]}`
_SEMI_OVERLAY_LINE = re.compile(r"^([ \t]*)\\(?:only|uncover|visible|onslide)\s*<([^<>\n]{1,20})>\s*\{")
# commands whose argument semiverbatim prints (how it looks is the code block's): their last argument,
# after the overlay, option and colour arguments they take (\alt's first: its text on the first steps)
_SEMI_COMMANDS = re.compile(
    r"\\(textbf|textit|texttt|textsl|textsc|textrm|textsf|emph|underline|alert|structure|only|uncover|"
    r"visible|onslide|invisible|textcolor|colorbox|alt|temporal|color)(?![A-Za-z])\s*(?:<[^<>\n]{1,20}>)?\s*"
    r"(?:\[[^\]\n]*\])?"
)


def _semiverbatim(code: str) -> str:
    """beamer's ``semiverbatim`` (verbatim text in which ``\\``, ``{`` and ``}`` still mean TeX: ``\\textbf``,
    ``\\alert``, ``\\visible<2->{…}`` work, and ``\\\\``, ``\\{``, ``\\}`` write the characters) as a code
    block of the text it prints, line for line with its indentation.  Its last lines, when each stands in
    an overlay (``\\visible<2->{…}``) of a later step than the lines before, come on clicks as code blocks
    of their own; an overlay elsewhere is shown from the start (the words are never lost)."""
    lines = textwrap.dedent(code).split("\n")
    steps = []
    for line in lines:
        mt = _SEMI_OVERLAY_LINE.match(line)
        close = _group(line, mt.end() - 1) if mt is not None else -1
        whole = close > 0 and not line[close:].strip()
        steps.append(overlay_start(mt.group(2)) if mt is not None and whole else 1)
    first = next((k for k, step in enumerate(steps) if step > 1), len(lines))
    if any(b < a for a, b in zip(steps[first:], steps[first + 1 :])) or 1 in steps[first:]:
        first = len(lines)  # (not a run of later lines: all shown at once)
    parts = [_fence("\n".join(_semiverbatim_text(line) for line in lines[:first]))] if first else []
    k = first
    while k < len(lines):
        j = k
        while j + 1 < len(lines) and steps[j + 1] == steps[k]:
            j += 1
        shown = "\n".join(_semiverbatim_text(line) for line in lines[k : j + 1])
        parts.append(f"::: {{.fragment}}\n{_fence(shown)}\n:::")
        k = j + 1
    return "\n\n".join(parts)


def _semiverbatim_text(line: str) -> str:
    """A line of ``semiverbatim`` as the characters it prints (its commands' words, TeX's escapes read)."""
    out: list[str] = []
    i = 0
    while i < len(line):
        mt = _SEMI_COMMANDS.match(line, i) if line[i] == "\\" else None
        if mt is not None:
            args: list[str] = []
            j = mt.end()
            while j < len(line) and line[j] == "{" and (close := _group(line, j)) > 0:
                args.append(line[j + 1 : close - 1])
                j = close
            name = mt.group(1)
            wanted = {"textcolor": 1, "colorbox": 1, "alt": 0, "temporal": 1, "color": None}.get(name, 0)
            # (\color{red}: a switch, its colour goes and the rest of the line stays)
            out.append(_semiverbatim_text(args[wanted]) if wanted is not None and len(args) > wanted else "")
            i = j
        elif line.startswith(("\\\\", "\\{", "\\}"), i):
            out.append(line[i + 1])
            i += 2
        elif line[i] in "{}":
            i += 1  # (a group's braces print nothing)
        else:
            out.append(line[i])
            i += 1
    return "".join(out)


# the characters pandoc escapes in its highlighted code (skylighting's LaTeX), and what they are
_HIGHLIGHT_ESCAPES = {
    "textbackslash": "\\", "VerbBar": "|", "textasciigrave": "`", "textquotesingle": "'",
    "textasciitilde": "~", "textgreater": ">", "textless": "<", "^": "^", "{": "{", "}": "}", "_": "_",
    "&": "&", "%": "%", "#": "#", "$": "$",
}  # fmt: skip
_HIGHLIGHT_TOKEN = re.compile(r"\\([A-Za-z]+|[{}_&%#$^])(\{\})?")


def _highlighted(code: str) -> str:
    """pandoc's highlighted code (``\\KeywordTok{data} \\NormalTok{= }``, with ``\\{``, ``\\textbackslash{}``
    for the characters it escapes) as the plain code it shows: a slide colours code itself."""
    out: list[str] = []
    depth = 0  # token groups open
    i = 0
    while i < len(code):
        c = code[i]
        mt = _HIGHLIGHT_TOKEN.match(code, i) if c == "\\" else None
        if mt is not None and mt.group(1) in _HIGHLIGHT_ESCAPES:
            out.append(_HIGHLIGHT_ESCAPES[mt.group(1)])
            i = mt.end()
        elif mt is not None and code.startswith("{", mt.end(1)):  # \KeywordTok{: its braces go
            depth += 1
            i = mt.end(1) + 1
        elif c == "}" and depth:
            depth -= 1
            i += 1
        elif c == "{" and code.startswith("{-}", i):  # ({-}: a minus kept from ligatures)
            out.append("-")
            i += 3
        else:
            out.append(c)
            i += 1
    return "".join(out)


_GRAPHIC = re.compile(r"\\includegraphics\s*(\[[^\]]*\])?\s*\{([^{}]+)\}")


def _figure(body: str) -> str | None:
    """A figure's (or a line's) ``\\includegraphics``: a picture, its ``\\caption`` the caption; several
    pictures side by side in a row (``layout-ncol``), the caption under them."""
    graphics = list(_GRAPHIC.finditer(body))
    if not graphics:
        return None
    caption = ""
    at = body.find("\\caption")
    if at >= 0:
        close = _group(body, body.find("{", at))
        if close > 0:
            caption = " ".join(body[body.find("{", at) + 1 : close - 1].split())
    label = _LABEL.search(body)
    ident = f"#{quarto_label('fig', label.group(1))}" if label else ""
    pictures = []
    captions = _subcaptions(body, graphics)
    for graphic in graphics:
        opts = graphic.group(1) or ""
        width = height = None
        mt = re.search(r"(?<![a-z])width\s*=\s*([^,\]]+)", opts)
        if mt and len(graphics) == 1:
            width = _width_share(mt.group(1))
        mt = re.search(r"(?<![a-z])height\s*=\s*([^,\]]+)", opts)
        if mt and len(graphics) == 1 and width is None:
            height = _share(mt.group(1), _TEXT_CM[1])
        sized = f"width={width}" if width else f"height={height}" if height else ""
        attr = " ".join(x for x in (ident if len(graphics) == 1 else "", sized) if x)
        pictures.append((graphic.group(2).strip(), f"{{{attr}}}" if attr else ""))
    if len(pictures) == 1:
        path, attr = pictures[0]
        return f"![{caption}]({path}){attr}"
    alt = f'{{fig-alt="{caption.replace(chr(34), chr(39))}"}}' if caption else ""  # (each the figure's words)
    row = "\n\n".join(
        f"![{sub}]({path})" if sub else f"![]({path}){alt}" for (path, _), sub in zip(pictures, captions)
    )
    ncol = min(len(pictures), 6)
    if ident and caption:  # a labelled figure: its caption is numbered under the row (crossrefs)
        return f"::: {{{ident} layout-ncol={ncol}}}\n{row}\n\n{caption}\n:::"
    return f"::: {{layout-ncol={ncol}}}\n{row}\n:::" + (f"\n\n{caption}" if caption else "")


_CAPTION = re.compile(r"\\caption\*?\s*(?:\[(?:[^\[\]]|\[[^\]]*\])*\])?\s*(?=\{)")


def _drawn_figure(body: str, lang: str | None) -> str:
    """A figure with no ``\\includegraphics``: its content (a TikZ or ``picture`` drawing: a box), its
    ``\\caption`` kept: the caption of its one drawing's box, or a paragraph under what it holds."""
    caption = ""
    found = _CAPTION.search(body)
    if found is not None:
        close = _group(body, found.end())
        if close > 0:
            caption = " ".join(body[found.end() + 1 : close - 1].split())
            body = body[: found.start()] + body[close:]
    label = _LABEL.search(body)
    ident = f"#{quarto_label('fig', label.group(1))}" if label else ""
    body = _LABEL.sub("", body)
    boxes = _drawings(body)
    if caption and len(boxes) == 1:  # (its one drawing, captioned: the box written again with it)
        from .beamer import picture_box  # noqa: PLC0415 (beamer reads this module's names)

        inner = blocks(body.replace(boxes[0], "\n\n\x00\n\n"), lang)
        return inner.replace("\x00", picture_box(boxes[0], caption, ident))
    inner = blocks(body, lang)
    return f"{inner}\n\n{caption}" if caption else inner


def _drawings(body: str) -> list[str]:
    """The TeX-drawn pictures (TikZ, ``picture``…) that start a line of ``body``, each ``\\begin`` to ``\\end``."""
    out: list[str] = []
    after = 0  # (a drawing inside one found is part of it)
    for mt in re.finditer(r"^[ \t]*(\\begin\{([A-Za-z]+)\})", body, re.M):
        if mt.group(2) in DRAWN_PICTURES and mt.start(1) >= after:
            end = _environment_end(body, mt.start(1), mt.group(2))
            if end is not None:
                out.append(body[mt.start(1) : end])
                after = end
    return out


# wrapfig's placement letters: right, left, inside, outside (beamer's pages are one-sided: inside is left)
_WRAP_SIDES = {"r": "right", "o": "right", "l": "left", "i": "left"}


def _wrapped_figure(args: list[str], body: str) -> str | None:
    """wrapfig's figure (``wrapfigure``, ``wrapfloat``) as its pictures floated to their side beside the
    text that follows (``style="float:right"``: the reader lays the slide out around them), as wide as
    its width argument (``0pt``: the picture's own width), its caption kept; None when it holds no
    picture (a table: its content, where it is written)."""
    graphics = list(_GRAPHIC.finditer(body))
    if not graphics:
        return None
    side = next((_WRAP_SIDES[a.strip().lower()] for a in args if a.strip().lower() in _WRAP_SIDES), "right")
    wrap = _width_share(args[-1]) if args else None  # (0pt: as wide as what it holds)
    out = []
    for k, graphic in enumerate(graphics):
        alone = body[: graphics[0].start()] + graphic.group(0) + body[graphics[-1].end() :]
        picture = _figure(alone if k == len(graphics) - 1 else graphic.group(0))
        mt = re.fullmatch(r"(!\[.*\]\([^()\n]*\))(?:\{(.*)\})?", picture or "", re.S)
        if mt is None:
            return None
        attrs = (mt.group(2) or "").split()
        own = next((float(a[6:-1]) for a in attrs if re.fullmatch(r"width=[0-9.]+%", a)), None)
        column = float(wrap[:-1]) if wrap else own  # (the picture's width: a share of its column)
        attrs = [a for a in attrs if not a.startswith(("width=", "height="))]
        if column and own:
            attrs.append(f"width={round(min(own / column, 1.0) * 100)}%")
        said = f"wrapfig={round(column)}%" if column else "wrapfig=auto"
        out.append(mt.group(1) + "{" + " ".join([*attrs, f'style="float:{side}"', said]) + "}")
    return "\n\n".join(out)


_SUBFLOAT = re.compile(r"\\begin\{(subfigure|subtable)\}")
# subcaption's \subcaptionbox[list entry]{caption}[width][position]{content}
_SUBCAPTIONBOX = re.compile(r"\\subcaptionbox\*?\s*(?:\[[^\]]*\])?\s*(?=\{)")


def _subfloat(text: str, at: int, captioned: str = "subcaption") -> tuple[str, int]:
    """The ``subfigure`` (``subtable``) that begins at ``text[at]`` as what it holds, its ``\\caption`` a
    ``\\subcaption`` after it (``captioned``: that command) and its ``\\label`` left out (the figure's are the
    float's own); and where it ends (``len(text)`` where it is never closed)."""
    mt = _SUBFLOAT.match(text, at)
    assert mt is not None
    end = _environment_end(text, at, mt.group(1))
    end = len(text) if end is None else end
    j = mt.end()
    for opening in "[{":  # (its position, then its width)
        k = j + len(text[j:end]) - len(text[j:end].lstrip())
        close = (
            _group(text, k, opening, "]" if opening == "[" else "}") if text.startswith(opening, k) else -1
        )
        j = close if close > 0 else j
    inner = text[j:end].removesuffix("\\end{" + mt.group(1) + "}")
    caption, star = "", ""  # (a starred caption keeps its star: LaTeX letters it not)
    if (found := _CAPTION.search(inner)) is not None and (close := _group(inner, found.end())) > 0:
        caption = _LABEL.sub("", inner[found.end() + 1 : close - 1])
        star = "*" if "*" in found.group(0) else ""
        inner = inner[: found.start()] + inner[close:]
    inner = _LABEL.sub("", inner)
    return inner + (f"\n\\{captioned}{star}{{{caption}}}\n" if caption.strip() else ""), end


def _own_caption(body: str) -> tuple[int, int, int, int] | None:
    """Where the words of a float's own ``\\caption`` in its ``body`` are (not a sub-figure's), and where the
    command starts and ends; None when it has none."""
    inside = [
        (mt.start(), _environment_end(body, mt.start(), mt.group(1)) or len(body))
        for mt in _SUBFLOAT.finditer(body)
    ]
    for found in _CAPTION.finditer(body):
        close = _group(body, found.end())
        if close > 0 and not any(a <= found.start() < b for a, b in inside):
            return found.end() + 1, close - 1, found.start(), close
    return None


def _subfigures(body: str) -> str:
    """A figure's ``body`` with each of subcaption's ``subfigure``s (:func:`_subfloat`) and
    ``\\subcaptionbox{caption}[width]{content}`` as its content, then its caption as a ``\\subcaption``: the
    figure's own ``\\caption`` is then the only one."""
    while (mt := _SUBFLOAT.search(body)) is not None:
        inner, end = _subfloat(body, mt.start())
        body = body[: mt.start()] + inner + body[end:]
    at = 0
    while (mt := _SUBCAPTIONBOX.search(body, at)) is not None:
        close = _group(body, mt.end())
        j = close
        while close > 0 and (k := j + len(body[j:]) - len(body[j:].lstrip())) < len(body) and body[k] == "[":
            j = _group(body, k, "[", "]")  # (its width, its position)
            if j < 0:
                break
        k = j + len(body[j:]) - len(body[j:].lstrip()) if j > 0 else -1
        content = _group(body, k) if k >= 0 and body.startswith("{", k) else -1
        if close < 0 or content < 0:
            at = mt.end()
            continue
        star = "*" if mt.group(0).startswith("\\subcaptionbox*") else ""  # (unlettered)
        caption = _LABEL.sub("", body[mt.end() + 1 : close - 1])
        body = (
            body[: mt.start()]
            + body[k + 1 : content - 1]
            + f"\n\\subcaption{star}{{{caption}}}\n"
            + body[content:]
        )
        at = mt.start()
    return body


def _subcaptions(body: str, graphics: list[re.Match]) -> list[str]:
    """Each picture's own caption in a figure of several: a ``\\subcaption{…}`` after it (before the next
    picture), or ``\\subfloat[…]`` around it; "" for none.  Each after the letter LaTeX numbers it by, as
    subcaption and subfig print it: "(a) Red", "(b) Blue" (not ``\\subcaption*``'s)."""
    out = []
    letters = 0
    for k, graphic in enumerate(graphics):
        after = body[graphic.end() : graphics[k + 1].start() if k + 1 < len(graphics) else len(body)]
        before = body[graphics[k - 1].end() if k else 0 : graphic.start()]
        sub = re.search(r"\\subcaption\*?\s*\{", after)
        floated = re.search(r"\\subfloat\s*\[([^\]]*)\]\s*\{?\s*$", before)
        said = ""
        if sub is not None:
            close = _group(after, sub.end() - 1)
            said = after[sub.end() : close - 1] if close > 0 else ""
        elif floated is not None:
            said = floated.group(1)
        said = " ".join(said.split())
        if said and (sub is None or "*" not in sub.group(0)) and letters < 26:
            said = f"({chr(ord('a') + letters)}) {said}"
            letters += 1
        out.append(said)
    return out


_LABEL = re.compile(r"\\label\{([^{}]*)\}")
_REF = re.compile(r"\\(eqref|ref|autoref|cref|Cref)\{([^{}]*)\}")
_CITE = re.compile(
    r"\\(cite|citep|citet|parencite|textcite|autocite|citeauthor|citeyear|footcite)\*?"
    r"\s*(?:\[([^\]]*)\])?\s*(?:\[([^\]]*)\])?\s*\{([^{}]+)\}"
)


def quarto_label(kind: str, name: str) -> str:
    """LaTeX's ``\\label{eq:ols}`` as a Quarto label of ``kind`` (``eq-eq-ols``): its words, and ``-``."""
    return f"{kind}-" + (re.sub(r"[^\w]+", "-", name).strip("-") or "x")


def latex_references(text: str) -> str | None:
    """LaTeX's references in a lecture's text as Quarto's, which :mod:`podium.crossrefs` numbers:
    ``\\eqref{x}`` ``(-@eq-x)``, ``\\ref{x}`` ``-@fig-x``, ``\\autoref``/``\\cref`` ``@fig-x``, for the
    labels the environments were given (:func:`quarto_label`); and its citations as pandoc's
    (``\\cite{a,b}`` ``[@a; @b]``, ``\\citet{a}`` ``@a``, ``\\cite[p.~4]{a}`` ``[@a, p.~4]``), which the
    lecture's bibliography resolves.  Code and math are left alone; None when nothing changed."""
    if "\\" not in text or not re.search(r"\\(?:\w*ref|\w*cite\w*)\b", text):
        return None
    labels = set(re.findall(r"\{#((?:eq|fig|tbl)-[\w-]+)", text))

    def reference(mt: re.Match) -> str:
        command, name = mt.group(1), mt.group(2)
        for kind in ("eq", "fig", "tbl"):
            label = quarto_label(kind, name)
            if label in labels:
                return {"eqref": f"(-@{label})", "ref": f"-@{label}"}.get(command, f"@{label}")
        return mt.group(0)  # (a label the lecture does not number: the reader's warning)

    def citation(mt: re.Match) -> str:
        command, first, second, keys = mt.groups()
        cited = [k.strip() for k in keys.split(",") if k.strip()]
        if command in ("citet", "textcite", "citeauthor"):
            return " and ".join(f"@{k}" for k in cited)
        if command == "citeyear":
            return "[" + "; ".join(f"-@{k}" for k in cited) + "]"
        pre, post = (first, second) if second is not None else (None, first)
        inner = "; ".join(f"@{k}" for k in cited)
        return "[" + (f"{pre} " if pre else "") + inner + (f", {post}" if post else "") + "]"

    def words(part: str) -> str:
        return _CITE.sub(citation, _REF.sub(reference, part))

    lines = text.split("\n")
    code = code_lines(lines)
    out = [
        line if code[k] or "\\" not in line else outside(_PROTECTED, line, words)
        for k, line in enumerate(lines)
    ]
    new = "\n".join(out)
    return new if new != text else None


def _float_table(body: str, lang: str | None = None) -> str:
    """A ``table`` float: its tabular as a table, its ``\\caption`` the table's caption."""
    caption = ""
    at = body.find("\\caption")
    for mt in _SUBFLOAT.finditer(body):  # (a subtable's caption is its own: the table's is after it)
        end = _environment_end(body, mt.start(), mt.group(1))
        if mt.start() < at < (end or len(body)):
            at = body.find("\\caption", end or len(body))
    if at >= 0:
        brace = body.find("{", at)
        close = _group(body, brace)
        if close > 0 and not body[at + len("\\caption") : brace].strip("[]* \n").strip():
            caption = " ".join(body[brace + 1 : close - 1].split())
            body = body[:at] + body[close:]
    text = blocks(_TABLE_RULES.sub("", body), lang)
    if caption and "|" in text and not _SUBFLOAT.search(body):  # (sub-tables: each captioned, this under all)
        return f"{text}\n\nTable: {caption}"
    return f"{text}\n\n{caption}" if caption else text


_TABULARNEWLINE = re.compile(r"\\tabularnewline(?![A-Za-z])")


def _table(spec: str, body: str) -> str | None:
    """A tabular as a pipe table: its first row the header, ``l``/``c``/``r``/``p{…}`` columns aligned,
    ``\\multicolumn{n}{…}{text}`` the text then n - 1 empty cells; None when it has no row.  Columns after
    the last one a row fills are left out where they are sized to their content (``{lccccc}`` with two
    used): LaTeX gives them no width, and a drawn table would show them as empty columns."""
    types = _column_types(spec, aligned=True)
    aligns = [_ALIGN_OF.get(t, "l") for t in types]
    rows: list[list[str]] = []
    reach = 0  # how many columns the rows fill: up to the last cell with words (a \multicolumn's span)
    body = re.sub(r"(?<!\\)%[^\n]*", "", body)  # TeX's comments (after a row's \\ too)
    body = _TABULARNEWLINE.sub(r"\\\\", body)  # (array's row end, as pandoc writes it: a \\)
    body = _cell_stacks_opened(body)
    under_rule: list[bool] = []  # (whether a full rule is drawn over each row: where the header ends)
    ruling = False
    for raw in _split_at(body, "\\\\"):
        ruling = ruling or _HEAD_RULE.search(raw) is not None
        row = re.sub(r"^\s*\[[^\]]*\]", "", _TABLE_RULES.sub("", raw))  # the \\[2pt] after a row
        if not row.strip():
            continue
        under_rule.append(ruling and bool(rows))
        ruling = False
        cells: list[str] = []
        for cell in _split_at(row, "&"):
            cell = " ".join(cell.split())
            multi = re.match(r"\\multicolumn\s*\{\s*(\d+)\s*\}\s*\{[^{}]*\}\s*\{", cell)
            span = 1
            if multi:
                close = _group(cell, multi.end() - 1)
                if close > 0:
                    span, cell = max(1, int(multi.group(1))), cell[multi.end() : close - 1]
            cell = re.sub(r"\\multirow\s*\{[^{}]*\}\s*\{[^{}]*\}\s*\{(.*)\}$", r"\1", cell)
            cell = _cell_switched(cell)  # (\bfseries Pred.: bold words)
            cells.append(cell.strip().replace("|", "\\|"))
            cells.extend([""] * (span - 1))
            if cells[-span]:
                reach = max(reach, len(cells))
        rows.append(cells)
    if not rows:
        return None
    rows = _header_joined(rows, under_rule)
    shown = [cell for cell in rows[0] if not _prints_nothing(cell)]
    if len(rows) == 1 and len(shown) == 1:  # (a note beside a coloured rule: its words, no table of one cell)
        return shown[0].replace("\\|", "|")
    ncols = max(len(aligns), *(len(r) for r in rows))
    ruled = _ruled_columns(spec) + [False] * ncols
    while ncols > max(reach, 1) and (
        ncols > len(types) or types[ncols - 1] in "lcr" and not ruled[ncols - 1]
    ):
        ncols -= (
            1  # (an empty p{3cm} column keeps its width in LaTeX too, and one ruled on both sides its rules)
        )
    aligns += ["l"] * (ncols - len(aligns))
    rule = {"l": ":--", "c": ":-:", "r": "--:"}
    lines = ["| " + " | ".join((r + [""] * (ncols - len(r)))[:ncols]) + " |" for r in rows]
    lines.insert(1, "|" + "|".join(rule[a] for a in aligns[:ncols]) + "|")
    return "\n".join(lines)


# a rule across the whole table that may end its header (not a \cline or \cmidrule under a group's name)
_HEAD_RULE = re.compile(r"\\(?:hline|midrule|Xhline|specialrule)(?![A-Za-z])")
HEADER_ROWS = 3  # the most rows over the first rule read as one header


def _header_joined(rows: list[list[str]], ruled: list[bool]) -> list[list[str]]:
    """``rows`` with a header of several rows (those over the first rule under the top one: ``Total`` over
    ``distance (km)``) as one header row whose cells hold their lines, so that it is drawn as the header
    and repeated whole on a continuation slide.  Only a header of at most :data:`HEADER_ROWS` rows over
    more rows than it has before the next rule (rows ruled off in even groups have no such header)."""
    depth = next((k for k, r in enumerate(ruled) if r), 0)
    if not 2 <= depth <= HEADER_ROWS:
        return rows
    group = next((k for k in range(depth + 1, len(rows)) if ruled[k]), len(rows)) - depth
    if group <= depth:
        return rows
    width = max(len(r) for r in rows[:depth])
    head = [
        "\\newline{}".join(cell for r in rows[:depth] if (cell := (r + [""] * width)[j]))
        for j in range(width)
    ]
    return [head, *rows[depth:]]


def _prints_nothing(cell: str) -> bool:
    """Whether a table cell shows no words: empty, or only a ``\\rule`` (coloured), spacing or a strut."""
    cell = re.sub(
        r"\\rule\s*(?:\[[^\]]*\])?\s*\{[^{}]*\}\s*\{[^{}]*\}|\\[hv]space\*?\s*\{[^{}]*\}|\\strut\b", "", cell
    )
    cell = re.sub(r"\\(?:textcolor|colorbox)\s*(?:\[[^\]]*\])?\s*\{[^{}]*\}|\\color\s*\{[^{}]*\}", "", cell)
    return not cell.replace("{", "").replace("}", "").strip()


# the declarations a cell may begin with (`\itshape\small\color{gray} A remark.`), which set all of it
_CELL_SWITCH = re.compile(
    r"\\(?:(bf|bfseries)|(it|itshape|em|sl|slshape)|(tt|ttfamily)|tiny|scriptsize|footnotesize|small|normalsize|large|Large|LARGE|huge|Huge|sffamily|rmfamily|upshape|"
    r"mdseries|normalfont|scshape|centering|raggedright|raggedleft|arraybackslash|color\s*(\[[^\]]*\])?\s*"
    r"\{([^{}]*)\})(?![A-Za-z])\s*"
)


def _cell_switched(cell: str) -> str:
    """A table cell whose first words are declarations (``\\itshape\\small\\color{gray} A remark.``) as the
    commands that set its words so: ``\\emph``, ``\\textbf``, ``\\texttt``, ``\\textcolor`` (a size or an
    alignment prints nothing: the table's size is the template's)."""
    commands: list[str] = []
    at = 0
    while (mt := _CELL_SWITCH.match(cell, at)) is not None:
        face = "textbf" if mt.group(1) else "emph" if mt.group(2) else "texttt" if mt.group(3) else ""
        if mt.group(5) is not None:
            commands.append(f"\\textcolor{mt.group(4) or ''}{{{mt.group(5)}}}")
        elif face and face not in commands:
            commands.append(face)
        at = mt.end()
    if not at or not cell[at:].strip():
        return cell if not at else ""
    words = cell[at:].strip()
    for command in reversed(commands):
        words = f"{command}{{{words}}}" if command.startswith("\\") else f"\\{command}{{{words}}}"
    return words


# what sets a cell's text in lines (makecell's \makecell and \thead, \shortstack, stackengine's stacks),
# its optional arguments before its text
_CELL_STACK = re.compile(
    r"\\(?:makecell|thead|shortstack|Centerstack|Longstack|Shortstack)\*?(?![A-Za-z])\s*"
)
_NESTED_TABULAR = re.compile(r"\\begin\{(tabular\*?|tabularx)\}")
_ROW_END = re.compile(r"^\s*\*?\s*(?:\[[^\]]*\])?")  # (what may follow a \\: \\*, \\[2pt])


def _cell_stacks_opened(body: str) -> str:
    """A tabular's ``body`` with each stack of lines in a cell (``\\makecell[l]{a\\\\b}``, ``\\shortstack``,
    ``\\thead``, ``\\Centerstack``, a tabular in the cell) as its lines' text with ``\\newline`` between them,
    so that the cell keeps them and no ``\\\\`` of theirs ends the row."""
    out: list[str] = []
    at = 0
    while True:
        stack = _CELL_STACK.search(body, at)
        nested = _NESTED_TABULAR.search(body, at)
        mt = min((x for x in (stack, nested) if x is not None), key=lambda x: x.start(), default=None)
        if mt is None:
            return "".join(out) + body[at:]
        j = mt.end()
        if mt is nested:
            args, j = _arguments(body, j, nested.group(1))
            end = _environment_end(body, mt.start(), nested.group(1))
            if not args or end is None:
                out.append(body[at : mt.end()])
                at = mt.end()
                continue
            inner = body[j : end - len("\\end{" + nested.group(1) + "}")]
            rows = [" ".join(_split_at(row, "&")) for row in _split_at(_cell_stacks_opened(inner), "\\\\")]
        else:
            while body.startswith("[", j):  # (its position, \makecell[l], or a column type: [{{p{3cm}}}])
                close = _group(body, j, "[", "]")
                j = close if close > 0 else len(body)
                j = len(body) - len(body[j:].lstrip())
            end = _group(body, j)
            if end < 0:
                out.append(body[at : mt.end()])
                at = mt.end()
                continue
            rows = _split_at(_cell_stacks_opened(body[j + 1 : end - 1]), "\\\\")
        lines = [
            " ".join((_ROW_END.sub("", row, count=1) if k else row).split()) for k, row in enumerate(rows)
        ]
        kept = (line for line in lines if _TABLE_RULES.sub("", line).strip())
        out.append(body[at : mt.start()] + "\\newline{}".join(kept))
        at = end


# how a column type aligns its cells (p, m, b, X, L, J: a paragraph, set from the left)
_ALIGN_OF = {"c": "c", "r": "r", "C": "c", "R": "r"}


# what a column's `>{…}` sets its paragraph's alignment with (array's `>{\centering\arraybackslash}X`)
_COLUMN_ALIGNED = re.compile(r"\\(centering|raggedleft)(?![A-Za-z])")


def _column_marks(spec: str, aligned: bool = False) -> list[str]:
    """``{|l|c|p{3cm}|r|}`` as its rules and columns in order: ``["|", "l", "|", "c", "|", "p", "|", "r",
    "|"]`` (``*{3}{c}`` repeated; ``@{…}``, ``!{…}``, ``>{…}``, ``<{…}`` and a column's width skipped).
    ``aligned``: a paragraph column whose ``>{…}`` centres its text (``>{\\centering}p{2cm}``) is ``C``,
    one that sets it flush right ``R``, as they align."""
    out: list[str] = []
    i = 0
    before = ""  # (the `>{…}` before the column)
    while i < len(spec):
        c = spec[i]
        if c in "@!<>":
            close = _group(spec, i + 1)
            before = spec[i + 2 : close - 1] if c == ">" and close > 0 else before
            i = close if close > 0 else i + 1
            continue
        if c == "*":
            count_end = _group(spec, i + 1)
            inner_end = _group(spec, count_end) if count_end > 0 else -1
            if inner_end > 0:
                n = spec[i + 2 : count_end - 1].strip()
                inner = _column_marks(spec[count_end + 1 : inner_end - 1], aligned)
                out += inner * (int(n) if n.isdigit() else 1)
                i = inner_end
                continue
        if c == "|":
            out.append(c)
        # (l c r; p{3cm} X L{2cm}; a \newcolumntype's Y; dcolumn's D{.}{.}{2})
        elif c.isascii() and c.isalpha():
            set_so = _COLUMN_ALIGNED.findall(before) if aligned and c not in "lcr" else []
            out.append({"centering": "C", "raggedleft": "R"}[set_so[-1]] if set_so else c)
            before = ""
            i += 1
            if i < len(spec) and spec[i] == "[":  # (tabu's X[2,c], siunitx's S[table-format=2.1]: options)
                close = _group(spec, i, "[", "]")
                options = spec[i + 1 : close - 1].replace(" ", "").split(",") if close > 0 else []
                placed = [o for o in options if o in ("c", "r")] if aligned and c == "X" else []
                out[-1] = {"c": "C", "r": "R"}[placed[-1]] if placed else out[-1]
                i = close if close > 0 else i
            while c not in "lcr" and i < len(spec) and spec[i] == "{":  # (the column's arguments)
                close = _group(spec, i)
                if close <= 0:
                    break
                i = close
            continue
        i += 1
    return out


def _column_types(spec: str, aligned: bool = False) -> list[str]:
    """``{|l|c|p{3cm}|r|}`` as ``["l", "c", "p", "r"]`` (``aligned``: :func:`_column_marks`'s)."""
    return [mark for mark in _column_marks(spec, aligned) if mark != "|"]


def _ruled_columns(spec: str) -> list[bool]:
    """For each column of the tabular column ``spec``, whether it has a rule on both sides (``{|l|c|c|}``: all
    three; ``{l|c}``: neither), as LaTeX draws an empty column's box when ruled so."""
    marks = _column_marks(spec)
    return [
        0 < k < len(marks) - 1 and marks[k - 1] == "|" and marks[k + 1] == "|"
        for k, mark in enumerate(marks)
        if mark != "|"
    ]


def table_row_cells(spec: str, body: str) -> list[tuple[int, int, int]]:
    """Each row of a tabular's ``body`` (column specification ``spec``) that has more cells than the
    specification has columns, as (where in ``body`` it begins, its cells, the columns): LaTeX stops at
    it ("Extra alignment tab")."""
    columns = len(_column_types(spec))
    found: list[tuple[int, int, int]] = []
    at = 0
    body = _inner_blanked(body)
    for row in _split_at(body, "\\\\"):
        cells = 0
        for cell in _split_at(row, "&"):
            multi = re.match(r"\s*\\multicolumn\s*\{\s*(\d+)\s*\}", cell)
            cells += max(1, int(multi.group(1))) if multi else 1
        if columns and cells > columns:
            found.append((at + len(row) - len(row.lstrip()), cells, columns))
        at += len(row) + 2
    return found


_INNER_ENVIRONMENT = re.compile(r"\\begin\{([A-Za-z]+\*?)\}(?:(?!\\begin\{)[^\\]|\\(?!begin\{))*?\\end\{\1\}")
_INNER_MATH = re.compile(r"(?<!\\)\\\((?:[^\\]|\\(?!\)))*?\\\)|(?<!\\)\\\[(?:[^\\]|\\(?!\]))*?\\\]")


def _inner_blanked(body: str) -> str:
    """``body`` with the environments (``align*``, ``bmatrix``) and ``\\( … \\)``/``\\[ … \\]`` math inside its
    cells blanked to spaces of the same length: their ``&`` and ``\\\\`` are their own, not the table's."""
    blank = lambda mt: " " * len(mt.group(0))  # noqa: E731
    body = _INNER_MATH.sub(blank, body)
    for _ in range(20):  # (innermost first; nested ones one level a pass)
        blanked = _INNER_ENVIRONMENT.sub(blank, body)
        if blanked == body:
            break
        body = blanked
    return body


def _split_at(text: str, sep: str) -> list[str]:
    """``text`` split at each ``sep`` (``&`` or ``\\\\``) outside braces; an escaped ``\\&`` stays."""
    parts: list[str] = []
    depth = start = i = 0
    while i < len(text):
        if depth == 0 and text.startswith(sep, i):
            parts.append(text[start:i])
            i += len(sep)
            start = i
            continue
        c = text[i]
        if c == "\\":  # an escaped character or a command: \& \{ stay in the cell
            i += 2
            continue
        if c == "$":  # math keeps its own & and \\ (a matrix in a cell)
            close = _dollar_math_end(text, i)
            if close > 0:
                i = close
                continue
        depth += 1 if c == "{" else -1 if c == "}" else 0
        i += 1
    parts.append(text[start:])
    return parts


def _dollar_math_end(text: str, at: int) -> int:
    """The index after the ``$`` or ``$$`` that closes the math opened at ``text[at]``, -1 when none does:
    an escaped ``\\$`` inside is a dollar sign the math prints (``$\\$2$``), not its end."""
    fence = "$$" if text.startswith("$$", at) else "$"
    i = at + len(fence)
    while i < len(text):
        if text[i] == "\\":
            i += 2
            continue
        if text.startswith(fence, i):
            return i + len(fence)
        i += 1
    return -1


def _width_share(length: str) -> str | None:
    """A column's, minipage's or picture's width, ``0.4\\textwidth`` or ``5cm``, as its share of the text
    width (``40%``, ``46%``)."""
    return _width(length) or _share(length, _TEXT_CM[0])


# beamer's text area (cm): 128 mm × 96 mm frames, 1 cm margins, a frame title and footline above and below
_TEXT_CM = (10.8, 7.5)
_CM = {"cm": 1.0, "mm": 0.1, "in": 2.54, "pt": 2.54 / 72.27, "bp": 2.54 / 72, "pc": 12 * 2.54 / 72.27}


def _share(length: str, full_cm: float) -> str | None:
    """A picture's ``height=0.6\\textheight`` or absolute ``6.5cm`` (``width=6cm``) as its share of
    beamer's text area (``60%``, ``87%``), which Podium's slide is drawn for; None for other lengths."""
    mt = re.match(r"^\s*([0-9.]*)\s*\\(?:textheight|paperheight)\s*$", length)
    if mt is not None:
        factor = float(mt.group(1)) if mt.group(1) not in ("", ".") else 1.0
    else:
        mt = re.match(r"^\s*([0-9]*\.?[0-9]+)\s*(cm|mm|in|pt|bp|pc)\s*$", length)
        if mt is None:
            return None
        factor = float(mt.group(1)) * _CM[mt.group(2)] / full_cm
    return f"{round(min(factor, 1.0) * 100)}%" if factor > 0 else None


def _width(length: str) -> str | None:
    """``0.4\\textwidth`` as ``40%``; other lengths are not kept (None)."""
    mt = _LENGTH.match(length)
    if mt is None:
        return None
    factor = float(mt.group(1)) if mt.group(1) not in ("", ".") else 1.0
    return f"{round(factor * 100)}%" if 0 < factor <= 1 else None


_BRACKET_MATH = re.compile(
    r"(`+)[^`]*?\1|(?<!\\)\\\[((?:(?!\n[ \t]*\n).)+?)\\\]|(?<!\\)\\\(((?:(?!\n[ \t]*\n).)+?)\\\)", re.S
)
_MATHY = re.compile(r"\\[A-Za-z]|[\^_=<>+]|\d\s*[-*/]\s*\d|\b[a-zA-Z]\b\s*[-*/]")


def math_brackets(text: str, every: bool = False) -> str | None:
    """``text`` with TeX's ``\\[ … \\]`` as ``$$ … $$`` and ``\\( … \\)`` as ``$ … $`` where what they
    hold looks like math (``every``: whatever they hold, as pandoc's ``tex_math_single_backslash`` reads
    them), line for line (fenced code and code spans left alone); None if none."""
    if "\\[" not in text and "\\(" not in text:
        return None
    lines = text.split("\n")
    fenced = code_lines(lines)
    masked = "\n".join(" " * len(line) if f else line for line, f in zip(lines, fenced))
    if "\\[" not in masked and "\\(" not in masked:
        return None
    out: list[str] = []
    last = 0
    for mt in _BRACKET_MATH.finditer(masked):
        inner = mt.group(2) if mt.group(2) is not None else mt.group(3)
        if inner is None or not inner.strip() or not (every or _MATHY.search(inner)):
            continue
        out.append(text[last : mt.start()])
        fence = "$$" if mt.group(2) is not None else "$"
        out.append(f"{fence}{inner.strip() if fence == '$' else inner}{fence}")
        last = mt.end()
    if not out:
        return None
    out.append(text[last:])
    return "".join(out)


# `\\[ … \\]` and `\\( … \\)`: TeX's brackets with their backslash doubled for a Markdown that eats one
# (a code span first, so that one is passed over; no blank line inside, as in a paragraph)
_DOUBLED_MATH = re.compile(
    r"(`+)[^`]*?\1|(?<!\\)\\\\\[((?:(?!\n[ \t]*\n).)+?)(?<!\\)\\\\\]"
    r"|(?<!\\)\\\\\(((?:(?!\n[ \t]*\n).)+?)(?<!\\)\\\\\)",
    re.S,
)


def doubled_math_brackets(text: str, code: list[bool] | None = None) -> str | None:
    """``text`` with ``\\\\[ … \\\\]`` as ``$$ … $$`` and ``\\\\( … \\\\)`` as ``$ … $``, line for line: the
    math of remark.js and reveal.js decks, whose Markdown (marked) turns ``\\\\(`` into the ``\\(`` MathJax
    and KaTeX read.  What the brackets hold is left as written, as in ``$ … $`` math of those decks.
    Fenced code (``code``: the code lines, else :func:`code_lines`) and code spans are left alone; so is
    math holding a ``$``.  None if nothing changed."""
    if "\\\\[" not in text and "\\\\(" not in text:
        return None
    lines = text.split("\n")
    fenced = code if code is not None else code_lines(lines)
    masked = "\n".join(" " * len(line) if f else line for line, f in zip(lines, fenced, strict=True))
    out: list[str] = []
    last = 0
    for mt in _DOUBLED_MATH.finditer(masked):
        display = mt.group(2) is not None
        inner = (
            text[mt.start(2 if display else 3) : mt.end(2 if display else 3)] if mt.group(1) is None else ""
        )
        if not inner.strip() or "$" in inner:
            continue
        out.append(text[last : mt.start()])
        if display:
            out.append(f"$${inner}$$")
        else:  # (inline: no blank inside its dollars; a line break at its ends kept outside them)
            before = inner[: len(inner) - len(inner.lstrip())].count("\n")
            after = inner[len(inner.rstrip()) :].count("\n")
            out.append("\n" * before + f"${inner.strip()}$" + "\n" * after)
        last = mt.end()
    if not out:
        return None
    out.append(text[last:])
    return "".join(out)


_TEXISH = re.compile(r"\\(?:begin|end)\{|\\item\b|\\frametitle\b|\\pause\b|\\textbf\{|\\emph\{")
# (inline math may go on over lines of its paragraph: `$\\displaystyle` … `\\end{split}$`)
_CODE_OR_MATH = re.compile(
    r"(?<!`)(`+)(?!`).*?(?<!`)\1(?!`)|\$\$.*?\$\$|(?<![\\$])\$(?=\S)(?:\\.|[^$\n\\]|\n(?![ \t]*\n))*?(?<=\S)\$",
    re.S,
)


# `$ = \big\langle f \big\rangle $`: math with spaces inside its dollars, as MathJax and KaTeX read it
# (an escaped \$ inside is a dollar sign the math prints, `$\$2$`, and no end of it)
_SPACED_MATH = re.compile(
    r"(?<![\\$])\$[ \t]*((?:\\.|[^$\n\\])*?\\[A-Za-z](?:\\.|[^$\n\\])*?)[ \t]*(?<!\\)\$(?![$\d])"
)
_SPACED_ANY = re.compile(r"(?<![\\$])\$((?:\\.|[^$\n\\])+?)(?<!\\)\$(?!\$)")
_CODE_SPANS = re.compile(r"(`+)[^`]*?\1(?!`)")


def spaced_dollar_math(text: str, every: bool = False) -> str | None:
    """``text`` with ``$ … $`` that opens with a space and holds a TeX command (``$ = \\frac{a}{b}$``) as
    ``$…$``: reveal.js's MathJax and KaTeX read it as math, pandoc and markdown-it as two dollar signs
    (its TeX then reached the slide as text).  Money (``$5 and $10``: no space after the first, no
    command) is left alone, as are code and display math; None when nothing changed.  ``every``: a
    lecture written in LaTeX (a beamer ``.tex`` deck), where every ``$ … $`` is math (a dollar sign is
    ``\\$``), but in verbatim environments."""
    lines = text.split("\n")
    code = code_lines(lines)
    changed = False
    verbatim = False
    open_math = False  # (a LaTeX lecture's math opened on a line before, in the same paragraph)
    for k, line in enumerate(lines):
        if every and re.search(
            r"\\(begin|end)\{(?:verbatim|lstlisting|minted|Verbatim|semiverbatim|Highlighting)", line
        ):
            verbatim = "\\begin{" in line and "\\end{" not in line
            continue
        carried, open_math = open_math, every and _math_runs_on(line, open_math, code[k] or verbatim)
        if code[k] or verbatim or display_fences(line) or not re.search(r"\$[ \t]|[ \t]\$", line):
            continue
        if not every and "\\" not in line:
            continue
        pattern, tight = (_SPACED_ANY, _tight_any) if every else (_SPACED_MATH, _tight_math)
        # (math wrapped from the line before, `A_B^{-1} b_B$ is feasible, then $B$`: its end is no opening)
        head = single_dollars(line)[0] + 1 if carried and single_dollars(line) else 0
        new = line[:head] + outside(_CODE_SPANS, line[head:], lambda part, p=pattern, t=tight: p.sub(t, part))
        if new != line:
            lines[k], changed = new, True
    return "\n".join(lines) if changed else None


def _math_runs_on(line: str, inside: bool, skipped: bool) -> bool:
    """Whether inline math is open at the end of ``line`` of a LaTeX lecture (``inside``: at its start):
    a paragraph's break ends it, as TeX ends it; code and display math leave it as it was."""
    if not line.strip():
        return False
    if skipped or display_fences(line):
        return inside
    return inside != (len(single_dollars(line)) % 2 == 1)


def _tight_any(mt: re.Match) -> str:
    """``$ … $`` as ``$…$`` in a lecture written in LaTeX (whatever it holds)."""
    tex = re.sub(r"(?:\\[ \t]?|[ \t])+$", "", mt.group(1)).strip()
    return f"${tex}$" if tex else mt.group(0)


def _tight_math(mt: re.Match) -> str:
    """``$ … $`` as ``$…$`` when what it holds reads as math (see :func:`_reads_as_math`), else as written;
    a control space at either end (``\\quad\\ $``) goes too, as it would leave a backslash right before
    the closing dollar (``\\$``: a dollar sign, and the math would run on)."""
    tex = re.sub(r"(?:\\[ \t]?|[ \t])+$", "", mt.group(1)).strip()
    return f"${tex}$" if _reads_as_math(tex) else mt.group(0)


def _reads_as_math(tex: str) -> bool:
    """Prices and paths are no math: ``$ 500 for hardware (\\textit{kits}) and $`` holds words of prose
    (two of three letters or more, outside commands and braces), ``US$ 30 … C:\\Program Files … US$``
    a command TeX does not know."""
    bare = re.sub(r"\\[A-Za-z]+|\{[^{}]*\}", " ", tex)
    if len(re.findall(r"[A-Za-z]{3,}", bare)) >= 2:
        return False
    from .texmath import readable  # noqa: PLC0415 (latex2mathml: only lectures with such math load it)

    return readable(tex)


def written_with_latex(text: str) -> bool:
    """True for a lecture whose text (not its code, not its math) uses LaTeX's own markup
    (``\\begin{…}``, ``\\item``, ``\\pause``, ``\\textbf{``…): its ``%`` lines, ``\\[ … \\]``, ``~`` and
    accents are then read as LaTeX reads them (a Markdown lecture keeps them as Markdown has them)."""
    if "\\" not in text:
        return False
    lines = text.split("\n")
    code = code_lines(lines)
    prose = "\n".join(line for line, c in zip(lines, code) if not c)
    return bool(_TEXISH.search(_CODE_OR_MATH.sub(" ", prose)))


_COMMENT_LINE = re.compile(r"^[ \t]*%(?!%)")


def tex_comment_lines(text: str) -> str | None:
    """A lecture :func:`written_with_latex` with its ``% comment`` lines blanked, as LaTeX never prints
    them; code and display math are left alone.  None when there is nothing to blank."""
    if "%" not in text:
        return None
    return _prose_lines(text, lambda line: "" if _COMMENT_LINE.match(line) else None)


def _prose_lines(text: str, rewrite: Callable[[str], str | None]) -> str | None:
    """``text`` with each line outside code and display math as ``rewrite(line)`` says (None: a line it
    leaves to the math reading, which may open or close display math there); None when nothing
    changed."""
    lines = text.split("\n")
    fenced = code_lines(lines)
    in_math = False
    changed = False
    for k, line in enumerate(lines):
        if fenced[k]:
            continue
        new = rewrite(line) if not in_math else None
        if new is None:
            in_math ^= toggles_display_math(line)
        elif new != line:
            lines[k], changed = new, True
    return "\n".join(lines) if changed else None


# (\"o inside a word, braced \"{o} or {\"o}; not Markdown's escaped \"quote\" or "1986\. A")
_ACCENT = re.compile(
    r"\{\\([\"'`^~=.])([A-Za-z])\}|\\([\"'`^~=.])\{([A-Za-z]|\\i)\}|(?<=[A-Za-z])\\([\"'`^~=.])([A-Za-z])"
    r"|(?<!\\)\{?\\([uvHckrdb])(?:\{([A-Za-z]|\\i)\}|\s+([A-Za-z]))\}?"
)
# what TeX's text must not be touched in: code spans, math
_PROTECTED_TEX = (
    r"(?<!`)(`+)(?!`).*?(?<!`)\1(?!`)|\$\$.*?\$\$|(?<![\\$])\$(?=\S)(?:\\.|[^$\n\\])*?(?<=\S)\$"  # (math's \$: a dollar)
    r"|<[a-z][\w+.-]*:[^<>\s]*>|\]\([^()\s]*(?:\([^()\s]*\)[^()\s]*)*\)|\b[a-z][\w+.-]*://[^\s<>)\]]*"  # addresses
    r"|\\(?:url|href)\{[^{}]*\}"
)
_PROTECTED = re.compile(
    _PROTECTED_TEX
    + r"|(?<=[\w)\]])~[A-Za-z0-9+\-]{1,6}~(?!~)",  # pandoc's subscript, H~2~O (Dr.~A.~Smith: ties)
    re.S,
)
_PROTECTED_IN_TEX = re.compile(_PROTECTED_TEX, re.S)  # (a .tex deck: every ~ a tie)


def _accented(mt: re.Match) -> str:
    import unicodedata  # noqa: PLC0415

    mark = TEXT_ACCENTS[mt.group(1) or mt.group(3) or mt.group(5) or mt.group(7)]
    base = next((g for g in (mt.group(2), mt.group(4), mt.group(6), mt.group(8), mt.group(9)) if g), "")
    base = "ı" if base == "\\i" else base
    return unicodedata.normalize("NFC", base + mark)


def raw_tex_lines(text: str) -> list[int]:
    """The lines of a Markdown lecture that are raw TeX, LaTeX's own and not Markdown's: an environment's
    lines from its ``\\begin{…}`` to its ``\\end{…}``, a list's ``\\item`` (code left out)."""
    lines = text.split("\n")
    code = code_lines(lines)
    depth = 0  # how many LaTeX environments are open
    out: list[int] = []
    for k, line in enumerate(lines):
        if code[k]:
            continue
        if depth > 0 or _RAW_TEX_LINE.search(line):
            out.append(k)
        if "\\begin{" in line or "\\end{" in line:
            bare = _CODE_SPANS.sub("", line)
            depth = max(0, depth + bare.count("\\begin{") - bare.count("\\end{"))
    return out


def tex_text(
    text: str, tex: bool = False, raw_lines: list[bool] | None = None, breaks: bool = False
) -> str | None:
    """In a lecture :func:`written_with_latex`, what TeX's text means and Markdown would read otherwise: accents
    (``\\"o`` ö), ``\\,`` a thin space, ``\\ `` and ``\\;`` a space, ``~`` a no-break space, ``\\\\`` a line
    break, ````word''`` quotes, babel's quotes (``\\glqq``…``\\grqq`` „…“, ``\\og``…``\\fg`` «…»); code, math,
    addresses and ``H~2~O`` are left alone, line for line.  ``tex``: the lecture is a ``.tex`` file, whose text
    Markdown never wrote: every ``~`` is a tie (``~~~~`` as many no-break spaces, no strike-through), and the
    quotes TeX's fonts and babel's shorthands make are those marks (``<<…>>`` «…», ``"`…"'`` „…“, ``,,``, a
    lone ``''`` ”).  In a Markdown lecture a ``~`` is a tie only in its raw TeX (``raw_lines``, for each
    line: was it raw TeX before its environments were rewritten; None: :func:`raw_tex_lines`), in a TeX
    command's argument or right before a command; elsewhere it is a tilde, as pandoc and Marp show it.
    ``breaks``: a ``.tex`` deck's body, where a ``\\\\`` inside a line breaks it too (in a box the deck
    defines, ``\\newtcolorbox``). None when nothing changed."""
    if "\\" not in text and "~" not in text and "``" not in text and not tex:
        return None
    lines = text.split("\n")
    fenced = code_lines(lines)
    changed = False
    in_math = False
    inline = False  # inside $…$ math that goes on over lines (a matrix's rows: TeX's own \\)
    own_raw = set() if tex or raw_lines is not None else set(raw_tex_lines(text))
    out: list[str] = []
    for k, line in enumerate(lines):
        opens = toggles_display_math(line)
        if fenced[k] or in_math:  # (the lines of a display equation are TeX's own)
            in_math ^= opens and not fenced[k]
            out.append(line)
            continue
        raw = tex or (raw_lines[k] if raw_lines is not None and k < len(raw_lines) else k in own_raw)
        dollars = single_dollars(line) if "$" in line else []
        head = ""
        if inline:  # the math's words up to its closing $ are TeX's own
            if not dollars:
                out.append(line)
                continue
            head, line = line[: dollars[0] + 1], line[dollars[0] + 1 :]
            dollars = [d - len(head) for d in dollars[1:]]
            inline = False
        in_math = opens
        if opens:  # a line that opens display math: its words before the $$ only
            at = line.rfind("$$")
            new = _tex_line(line[:at], tex, raw, breaks) + line[at:]
        elif len(dollars) % 2 == 1 and _opens_math(line, dollars[-1]):  # math that goes on to the next line
            inline = True
            new = _tex_line(line[: dollars[-1]], tex, raw, breaks) + line[dollars[-1] :]
        else:
            new = _tex_line(line, tex, raw, breaks)
        new = head + new
        changed = changed or new != head + line
        out.append(new)
    return "\n".join(out) if changed else None


# a line of a Markdown lecture that is LaTeX's own: an environment's start or end, a list's \item
_RAW_TEX_LINE = re.compile(r"\\(?:begin|end)\{|^\s*\\item\b")


# a code span, an escape (`\$`: a dollar sign; in `$w\$$` the last `$` ends the math, no `$$`), `$$`, `$`
_DOLLAR_TOKEN = re.compile(r"(`+)[^`]*?\1(?!`)|\\.|\$\$|\$", re.S)


def single_dollars(line: str) -> list[int]:
    """Where ``line`` has a ``$`` that opens or closes inline math: not ``\\$``, not one of ``$$``, not in
    a code span."""
    return [mt.start() for mt in _DOLLAR_TOKEN.finditer(line) if mt.group(0) == "$"]


def _opens_math(line: str, at: int) -> bool:
    """Whether the ``$`` at ``line[at]`` can open math (pandoc's rule: a character that is not a space
    right after it, not money, ``$5``; or a space and then TeX's commands, as a LaTeX lecture writes)."""
    after = line[at + 1 : at + 2]
    if after.isspace():  # (`$ A = \left[`: TeX's math, spaced as a LaTeX lecture may space it)
        return re.search(r"\\[A-Za-z]", line[at:]) is not None
    return bool(after) and not after.isdigit()


# TeX's double quotes: ``words'', or ``words" (a straight " after an opening `` closes it, as LaTeX prints
# it; an accent's \" inside, ``Verh\"altnis"); not a code span's ``, which a space follows, nor a " that a
# word, (, =, [ or \ is right before
_TEX_DOUBLE_QUOTES = re.compile(
    r"``([^`\n]*?)''|(?<!`)``(?=[^\s`])((?:\\\"\{?[A-Za-z]\}?|[^`\"\n])*?[^\s`(=\[{\\])\"(?![\w\"])"
)
# TeX's single quotes: `words' (an apostrophe inside: `don't'), not a code span (`x'`, `a' b`)
_TEX_SINGLE_QUOTES = re.compile(r"(?<![`\w\\])`(?=[^\s`'])([^`\n]*?[^\s`])'(?![\w'`])")


def tex_quotes(text: str) -> str:
    """``text`` with TeX's double quotes (````words''``, ````words"``) as the curly quotes LaTeX prints."""
    if "``" not in text:
        return text
    return _TEX_DOUBLE_QUOTES.sub(
        lambda mt: f"\u201c{mt.group(1) if mt.group(1) is not None else mt.group(2)}\u201d", text
    )


# ngerman's "`…"' quotes: an opening one at a word's start, before a word; a closing one right after a word
_GERMAN_OPEN = re.compile(r'(?<![\w"`\\])"`(?=[^\s`])')
_GERMAN_CLOSE = re.compile(r"(?<=[^\s`\\])\"'")


def _german_quoted(text: str) -> str:
    """:func:`_tex_words_in_tex` of text outside code and math, with ngerman's ``"`…"'`` as „…“ (its
    opening mark held as NUL meanwhile)."""
    return _tex_words_in_tex(_GERMAN_CLOSE.sub("\u201c", text.replace("\0", "\u201e")))


def _tex_line(line: str, tex: bool = False, raw: bool = True, breaks: bool = False) -> str:
    """One line's text outside its code spans and inline math (:func:`tex_text`); ``raw``: the line is a
    Markdown lecture's raw TeX (in a LaTeX environment), whose every ``~`` is a tie, as elsewhere only a
    ``~`` in a TeX command's argument or right before a command is."""
    line = tex_quotes(line) + _LINE_END  # (before code spans are looked for: ``a'' and ``b'' would make one)
    if tex:
        # (ngerman's "`…"': its backtick no code span's, but in code the characters as written, `"`a"'`)
        line = _GERMAN_OPEN.sub("\0", line)
        said = outside(_PROTECTED_IN_TEX, line, _german_quoted).replace("\0", '"`')
        if breaks and "\\\\" in said:  # (as a Markdown lecture's raw TeX: :func:`_tex_words_in_raw`)
            said = outside(_PROTECTED_IN_TEX, said, lambda words: _MID_LINE_BREAK.sub("<br>", words))
    else:
        said = outside(_PROTECTED, line, _tex_words_in_raw if raw else _tex_words_in_markdown)
    return said.replace(_LINE_END, "")


# the end of the line :func:`_tex_line` reads, marked: only there is a ``\\`` or ``\newline`` a Markdown
# hard break (before math, ``\newline $\Rightarrow$``, its backslash would escape the math's dollar)
_LINE_END = "\x01"


# babel's quotation marks as commands (German, French, and the T1 font's guillemets by name)
_QUOTE_COMMANDS = {
    "glqq": "\u201e",
    "grqq": "\u201c",
    "glq": "\u201a",
    "grq": "\u2018",
    "flqq": "\u00ab",
    "frqq": "\u00bb",
    "flq": "\u2039",
    "frq": "\u203a",
    "guillemotleft": "\u00ab",
    "guillemotright": "\u00bb",
    "guillemetleft": "\u00ab",
    "guillemetright": "\u00bb",
    "quotedblbase": "\u201e",
    "og": "\u00ab\u00a0",  # (babel-french's \og…\fg: the marks with their no-break spaces)
    "fg": "\u00a0\u00bb",
}
_QUOTE_COMMAND = re.compile(
    r"\\(" + "|".join(sorted(_QUOTE_COMMANDS, key=len, reverse=True)) + r")(?![A-Za-z])(?:\s*\{\})?( ?)"
)


def _quote_command(mt: re.Match) -> str:
    """A quotation mark's command as the mark (the space after a closing one kept; after an opening one it
    only ends the command's name)."""
    mark = _QUOTE_COMMANDS[mt.group(1)]
    opening = mt.group(1) in (
        "glqq",
        "glq",
        "flqq",
        "flq",
        "guillemotleft",
        "guillemetleft",
        "quotedblbase",
        "og",
    )
    return mark + ("" if opening else mt.group(2))


def _tex_words_in_tex(text: str) -> str:
    """:func:`_tex_words_in` for a ``.tex`` deck's text: every ``~`` a tie, and TeX's own quotation marks."""
    if not text:
        return text
    text = (
        text.replace("<<", "\u00ab").replace(">>", "\u00bb").replace(",,", "\u201e").replace("''", "\u201d")
    )
    text = re.sub(r"(?<!\\)~", "\u00a0", text)
    return _tex_words_in(text)


def _tex_words_in_raw(text: str) -> str:
    """:func:`_tex_words_in` for a Markdown lecture's raw TeX (an environment's lines, as pandoc passes
    them to beamer): a ``\\\\`` inside the line breaks it too (``<br>``; Markdown would read ``\\\\``
    as a backslash and the word after it as a command)."""
    text = _tex_words_in(text)
    return _MID_LINE_BREAK.sub("<br>", text) if "\\\\" in text else text


# TeX's line break inside a line (one ending a line is Markdown's hard break by now), with its spaces
_MID_LINE_BREAK = re.compile(r"[ \t]*\\\\\*?(?:\[[^\]\n]*\])?[ \t]*(?!\x01|[ \t])")


def _tex_words_in_markdown(text: str) -> str:
    """:func:`_tex_words_in` for a Markdown line's text outside raw TeX: a ``~`` is a tilde (pandoc: one
    is a subscript only with its closing ``~``, H~2~O), but in a TeX command's argument
    (``\\cite[p.~4]{knuth}``, ``\\textbf{Dr.~Smith}``) or right before a command (``Figure~\\ref{a}``)."""
    return _tex_words_in(_command_ties(text), ties=False)


def _command_ties(text: str) -> str:
    """``text`` with the ``~`` in a TeX command's argument, or right before a command, a no-break space."""
    if "~" not in text or "\\" not in text:
        return text
    text = _TEX_ARGUMENTS.sub(lambda mt: _TIE.sub("\u00a0", mt.group(0)), text)
    return re.sub(r"(?<=[^\s~])~(?=\\[A-Za-z])", "\u00a0", text)


def command_ties(text: str) -> str | None:
    """A Markdown lecture's text with the ties of its TeX commands (``\\cite[p.~4]{knuth}``,
    ``Figure~\\ref{a}``) as no-break spaces, before the commands are rewritten as Markdown
    (:func:`latex_references`); code and math are left alone.  None when nothing changed."""
    if "~" not in text:
        return None

    def tied(line: str) -> str | None:
        if toggles_display_math(line):
            return None
        return outside(_PROTECTED, line, _command_ties) if "~" in line and "\\" in line else line

    return _prose_lines(text, tied)


# a TeX command with its arguments on the line (one level of braces inside), and a tie
_TEX_ARGUMENTS = re.compile(r"\\[A-Za-z]+\*?(?:\[[^\]\n]*\]|\{(?:[^{}\n]|\{[^{}\n]*\})*\})+")
_TIE = re.compile(r"(?<=[^\s~])~(?=[^\s~])")


def _tex_words_in(text: str, ties: bool = True) -> str:
    if not text:
        return text
    text = _ACCENT.sub(_accented, text)
    if "`" in text:  # (outside code spans)
        text = _TEX_SINGLE_QUOTES.sub("\u2018\\1\u2019", text)
    if "\\" in text:
        text = _QUOTE_COMMAND.sub(_quote_command, text)
    # (not the second backslash of TeX's line break: `one \\ two`)
    text = re.sub(r"(?<!\\)\\,", "\u202f", text)
    text = re.sub(r"(?<!\\)\\[;:>]", " ", text)
    text = re.sub(r"(?<!\\)\\!", "", text)
    text = re.sub(r"(?<!\\)\\ ", " ", text)
    text = _TIE.sub("\u00a0", text) if ties else text  # TeX's tie (not ~~struck~~)
    text = re.sub(r"\\\\(?:\[[^\]]*\])?\s*(?=\x01)", "\\\\", text)  # \\ ending a line: Markdown's hard break
    text = re.sub(r"\\newline\s*(?=\x01)", "\\\\", text)
    return text


SIZES = r"(?:tiny|scriptsize|footnotesize|small|normalsize|large|Large|LARGE|huge|Huge)"
# TeX's declarations that set a face, as the command that sets its argument in that face
SWITCHES = {
    "bf": "textbf",
    "bfseries": "textbf",
    "it": "emph",
    "itshape": "emph",
    "em": "emph",
    "sl": "textsl",
    "slshape": "textsl",
    "tt": "texttt",
    "ttfamily": "texttt",
    "sc": "textsc",
    "scshape": "textsc",
    "sf": "textsf",
    "sffamily": "textsf",
    "rm": "textrm",
    "rmfamily": "textrm",
    "upshape": "textup",
    "normalfont": "textnormal",
}
# LaTeX's own size and line spacing, which set no face: \fontsize{48pt}{60pt}\selectfont, \linespread{1.5},
# setspace's \setstretch{1.2} (a size as \Huge is: the template's)
SIZE_SETTINGS = (
    r"fontsize\s*\{[^{}]*\}\s*\{[^{}]*\}|selectfont|linespread\s*\{[^{}]*\}|setstretch\s*\{[^{}]*\}"
)
_SWITCH = (
    r"(?:("
    + SIZES[3:-1]
    + "|"
    + "|".join(SWITCHES)
    + "|"
    + SIZE_SETTINGS
    + r")(?![A-Za-z])|color\s*\{([^{}]*)\})\s*"
)
SWITCH_GROUP = re.compile(r"\{\\" + _SWITCH)
# a declaration after a group's first (`{\small\bfseries words}`): it sets the same words
_NEXT_SWITCH = re.compile(r"\\" + _SWITCH)
# what a group of switches inside is left as written: code spans and math
_NOT_SWITCHED = re.compile(r"(`+)[^`]*?\1(?!`)|\$\$.*?\$\$|(?<!\\)\$(?:\\.|[^$\\])+\$", re.S)


def switched_groups(text: str) -> str:
    """``{\\small words}`` as the words, ``{\\bf words}`` as ``\\textbf{words}`` (``{\\color{red}words}`` as
    ``\\textcolor{red}{words}``, ``{\\small\\bfseries words}`` as ``\\textbf{words}``), the words perhaps with
    braces of their own (``{\\tiny Source: \\href{…}{…}}``); a group not closed on the line is left (its
    end is on a later line), and so are code spans and math (``${\\rm d}x$``)."""
    if "{\\" not in text:
        return text
    kept = (
        [(mt.start(), mt.end()) for mt in _NOT_SWITCHED.finditer(text)] if "`" in text or "$" in text else []
    )
    out, at = [], 0
    for mt in SWITCH_GROUP.finditer(text):
        if mt.start() < at or any(a <= mt.start() < b for a, b in kept):
            continue
        close = _group(text, mt.start())
        if close < 0:
            continue
        inner = text[mt.end() : close - 1]
        switches = [mt]
        while (more := _NEXT_SWITCH.match(inner)) is not None:
            switches.append(more)
            inner = inner[more.end() :]
        inner = switched_groups(inner)
        for switch in reversed(switches):
            if switch.group(2) is not None:  # {\color{red}words}: the words in that colour
                inner = f"\\textcolor{{{switch.group(2)}}}{{{inner}}}"
            elif switch.group(1) in SWITCHES:
                inner = f"\\{SWITCHES[switch.group(1)]}{{{inner}}}"
        new = inner
        if re.search(r"(?:\\[A-Za-z]+\*?|[]}])$", text[: mt.start()]):
            new = "{" + new + "}"  # (the group is a command's argument: \multicolumn{2}{c}{\bf words})
        out.append(text[at : mt.start()] + new)
        at = close
    return "".join(out) + text[at:] if out else text


# (TeX skips the spaces after a command's name, and one line break: ``\note {``, ``\note`` then ``{``)
_NOTE_START = re.compile(r"^(\s*)\\note[ \t]*(\[[^\]]*\])?[ \t]*(?:\{|$)")


def notes_to_divs(text: str) -> tuple[str, list[int]] | None:
    """Turn block-level beamer notes (``\\note{`` at a line's start, its ``}`` ending a line, perhaps
    paragraphs later) into ``::: notes`` divs, their LaTeX read as beamer reads it (:func:`note_markdown`).
    Return (new text, the old line index of every new line), or None when there are none."""
    lines = text.split("\n")
    starts = line_starts(lines)
    out: list[str] = []
    index: list[int] = []
    fenced = fenced_lines(lines)
    changed = False
    k = 0
    while k < len(lines):
        line = lines[k]
        mt = _NOTE_START.match(line) if not fenced[k] and "\\note" in line else None
        if mt is not None and not mt.group(0).endswith("{"):  # the brace on the next line
            brace = lines[k + 1].lstrip(" \t") if k + 1 < len(lines) else ""
            if brace.startswith("{") and not fenced[k + 1]:
                open_at = starts[k + 1] + len(lines[k + 1]) - len(brace)
            else:
                mt = None
        elif mt is not None:
            open_at = starts[k] + mt.end() - 1
        if mt is not None:
            close = _group(text, open_at)
            if close > 0:
                end_line = text.count("\n", 0, close - 1)
                after = lines[end_line][close - starts[end_line] :]
                if not after.strip():
                    first = text.count("\n", 0, open_at)  # the line of the note's brace
                    inner = note_markdown(text[open_at + 1 : close - 1].split("\n"))
                    out.append("::: notes")
                    index.append(k)
                    if mt.group(2) == "[item]":  # \note[item]{…}: an item of the notes' list (\item: more)
                        for item in _note_items(inner):
                            out.extend(
                                ("- " if n == 0 else "  ") + piece for n, (piece, _) in enumerate(item)
                            )
                            index.extend(first + at for _, at in item)
                    else:
                        out.extend(piece for piece, _ in inner)
                        index.extend(first + at for _, at in inner)
                    out.append(":::")
                    index.append(end_line)
                    changed = True
                    k = end_line + 1
                    continue
        out.append(line)
        index.append(k)
        k += 1
    return ("\n".join(out), index) if changed else None


def _note_items(lines: list[tuple[str, int]]) -> list[list[tuple[str, int]]]:
    """The items of a ``\\note[item]{…}``: its text, and one more after each ``\\item``; blank lines
    at an item's ends left out."""
    items: list[list[tuple[str, int]]] = [[]]
    for line, at in lines:
        for n, piece in enumerate(re.split(r"\\item(?![A-Za-z])", line)):
            if n:
                items.append([])
            items[-1].append((piece.strip() if n else piece, at))
    out = []
    for item in items:
        while item and not item[0][0].strip():
            item.pop(0)
        while item and not item[-1][0].strip():
            item.pop()
        if item:
            out.append(item)
    return out


# TeX's line break in text (``\\``, ``\\[0.3cm]``, ``\\*``, ``\newline``)
_TEX_BREAK = re.compile(r"\\\\\*?(?:\s*\[[^\]]*\])?|\\newline(?![A-Za-z])")


def note_markdown(lines: list[str]) -> list[tuple[str, int]]:
    """A beamer note's LaTeX (pandoc hands it to beamer untouched) as the Markdown that says the same, a
    line with the index of the note's line it came from: ``{\\em x}`` as ``\\emph{x}``, every ``$ … $``
    math, a paragraph's lines one line (math written over two lines too) broken where TeX breaks it
    (``\\\\``, ``\\newline``), then TeX's quotes, accents and ties (:func:`tex_text`); unindented (TeX's
    indentation means nothing; Markdown's would be code) and no line read as a list's item or a heading
    (``+ P(A)``).  Environments and display math (``align*``) are left as written, their ``\\\\`` rows."""
    text = "\n".join(line.strip() for line in lines)
    if "\\" in text:
        text = switched_groups(text)
    if "$" in text:
        text = spaced_dollar_math(text, every=True) or text
    joined: list[tuple[str, int, bool]] = []  # (line, index, TeX's own: an environment's or display math's)
    depth = 0
    in_math = False
    for at, line in enumerate(text.split("\n")):
        own = bool(depth or in_math or "\\begin{" in line or toggles_display_math(line))
        depth = max(0, depth + line.count("\\begin{") - line.count("\\end{"))
        in_math ^= toggles_display_math(line)
        before = joined[-1] if joined else None
        if (
            before is not None
            and not own
            and not before[2]
            and line
            and before[0]
            and not re.search(r"(?<!\\)\\$", before[0])  # (a break a .tex deck's reading wrote)
        ):
            joined[-1] = (f"{before[0]} {line}", before[1], False)
        else:
            joined.append((line, at, own))
    out: list[tuple[str, int]] = []
    kept: set[int] = set()
    for line, at, own in joined:
        if own or not _TEX_BREAK.search(line):
            kept.update([len(out)] if own else [])
            out.append((line, at))
            continue
        pieces = outside(_PROTECTED_TEX_RE, line, lambda part: _TEX_BREAK.sub("\x00", part)).split("\x00")
        out.extend((piece.strip() + "\\", at) for piece in pieces[:-1])
        if pieces[-1].strip():
            out.append((pieces[-1].strip(), at))
    for n, (line, at) in enumerate(out):
        if n in kept:
            continue
        # a break that ends a paragraph breaks nothing (Markdown would show its backslash)
        last = n + 1 == len(out) or not out[n + 1][0].strip() or n + 1 in kept
        if last and re.search(r"(?<!\\)\\$", line):
            line = line[:-1].rstrip()
        marker = _NOT_A_MARKER.match(line)
        if marker is not None and (marker.group(1) != "") == (marker.group(2) in ".)"):
            line = f"{marker.group(1)}\\{line[marker.end(1) :]}"
        out[n] = (line, at)
    texts = tex_text("\n".join("" if n in kept else line for n, (line, _) in enumerate(out)))
    if texts is not None:
        out = [
            (old if n in kept else line, at)
            for n, (line, (old, at)) in enumerate(zip(texts.split("\n"), out, strict=True))
        ]
    return out


# what would start a list item, a heading or a quote at a line's start, where a note's text has none
_NOT_A_MARKER = re.compile(r"^(\d{0,9})([-+*#>.)])(?=\s|$)")


_PROTECTED_TEX_RE = re.compile(_PROTECTED_TEX, re.S)


def unstarred_graphics(text: str) -> str | None:
    """``text`` with graphicx's starred ``\\includegraphics*[…]{f}`` (the picture clipped to its bounding
    box) as ``\\includegraphics[…]{f}``, the same picture; code left alone.  None when there is none."""
    if "\\includegraphics*" not in text:
        return None
    lines = text.split("\n")
    code = code_lines(lines)
    new = [
        line
        if code[k]
        else outside(CODE_SPAN, line, lambda part: part.replace("\\includegraphics*", "\\includegraphics"))
        for k, line in enumerate(lines)
    ]
    return "\n".join(new) if new != lines else None
