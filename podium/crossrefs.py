"""Quarto's cross-references, numbered as Quarto numbers them.

A Quarto lecture labels its figures, tables and equations (``![Caption](x.png){#fig-map}``,
``: Caption {#tbl-data}``, ``$$ … $$ {#eq-ols}``, a code cell's ``#| label: fig-plot``, a
``::: {#fig-panel}`` div) and refers to them in its text (``@fig-map``, ``[@tbl-data]``, ``-@eq-ols``).
Each kind is numbered in the order its labels appear; a reference becomes ``Figure 2`` (``-@`` only the
number), a labelled figure's or table's caption starts ``Figure 2:`` and a labelled equation ends in
its number, ``(2)``, as Quarto writes them.  The pictures of a figure div (``::: {#fig-panel
layout-ncol=2}``) are its parts, ``Figure 2(a)``, their captions starting ``(a)``.  A
section's label (``## Results {#sec-results}``) is referred to by its heading's words.  The rewrite is
line for line, before the Markdown is read; a reference to a label the lecture does not have is left
for the reader to warn about.

bookdown's labels are read the same way (:func:`_bookdown_labels`): ``(\\#fig:x)`` opening a picture's
caption, ``(\\#tab:x)`` opening a table's (``Table: (\\#tab:x) Caption``), ``(\\#eq:x)`` in an equation, and a
knitr chunk with a ``fig.cap`` (the figure ``fig:`` its chunk's label) count as Quarto's labels do, and
``\\@ref(tab:x)`` is the number alone, as bookdown prints it (an equation's in parentheses, ``(1)``; a
heading's ``{#x}``: its words).

Quarto's theorem divs (``::: {#thm-main}``, ``#lem-``, ``#cor-``, ``#prp-``, ``#cnj-``, ``#def-``, ``#exm-``,
``#exr-``) are numbered too, and drawn as the box a beamer theorem is, titled as Quarto labels them:
"Theorem 1 (Fermat)", the name from the heading the div starts with (or its ``name=``); a ``.proof``,
``.remark`` or ``.solution`` div is titled "Proof", its last line ending in ∎ as Quarto's proof does.
The words are the lecture's language's (``lang: de``: "Abbildung 2", "Beweis"), Quarto's own
(labels.yaml's ``crossref_*``, ``proof``, ``remark``, ``solution``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .labels import labels_for
from .markdown import ATTRS_TEXT, display_fences, fenced_lines, outside

NAMES = {
    "fig": "Figure",
    "tbl": "Table",
    "eq": "Equation",
    "lst": "Listing",
    "thm": "Theorem",
    "lem": "Lemma",
    "cor": "Corollary",
    "prp": "Proposition",
    "def": "Definition",
    "exm": "Example",
    "exr": "Exercise",
    "cnj": "Conjecture",
}
# Quarto's unnumbered theorem-like divs (``::: {.proof}``): the word they start with.  Both tables are
# English's; a lecture in another language is titled in Quarto's words for it (labels.yaml's crossref_*)
PROOFS = {"proof": "Proof", "remark": "Remark", "solution": "Solution"}
_THEOREM_KINDS = ("thm", "lem", "cor", "prp", "cnj", "def", "exm", "exr")
_DIV_OPEN = re.compile(r"^(\s*:{3,})\s*(?:\{(" + ATTRS_TEXT + r")\}|([\w-]+))\s*$")
_DIV_CLOSE = re.compile(r"^\s*:{3,}\s*$")
_DIV_HEADING = re.compile(r"^#{1,6}\s+(.*?)\s*(?:\{[^{}]*\})?\s*$")
_KINDS = "|".join((*NAMES, "sec"))
_LABEL = re.compile(r"\{[^{}\n]*?#((?:" + _KINDS + r")-[\w-]+)[^{}\n]*\}")
_CELL_LABEL = re.compile(r"^\s*#\|\s*label:\s*[\"']?((?:fig|tbl|lst)-[\w-]+)")
_HEADING = re.compile(r"^#{1,6}\s+(.*?)\s*\{[^{}]*#(sec-[\w-]+)[^{}]*\}\s*$")
_GROUP = re.compile(
    r"\[\s*(-?@(?:" + _KINDS + r")-[\w-]*\w(?:\s*;\s*-?@(?:" + _KINDS + r")-[\w-]*\w)+)\s*\]", re.I
)
_REFERENCE = re.compile(r"(?<![\w@.])(\[)?(-)?@((?:" + _KINDS + r")-[\w-]*\w)(\])?", re.I)
_CODE_SPAN = re.compile(r"(`+)[^`]*?\1(?!`)")  # (`@fig-x` in code stays as written)
_PANEL = re.compile(r"^\s*(:{3,})\s*\{[^{}]*#(fig-[\w-]+)[^{}]*\}\s*$")
# a picture's caption (brackets of its own too: a footnote, `^[…]`) and its path (parentheses too: inline R)
_IMAGE = r"!\[((?:[^\[\]\n]|\[[^\[\]\n]*\])*)\]\(((?:[^()\n]|\([^()\n]*\))*)\)"
_IMAGE_CAPTION = re.compile(_IMAGE + r"(\{[^{}\n]*#(fig-[\w-]+)[^{}\n]*\})")
_EQUATION_LABEL = re.compile(r"\$\$\s*\{[^{}\n]*#(eq-[\w-]+)[^{}\n]*\}\s*$")
_TABLE_CAPTION = re.compile(r"^(\s*(?::|Table:)\s+)(.*?\{[^{}\n]*#(tbl-[\w-]+)[^{}\n]*\}\s*)$")


_PROOF_DIV = re.compile(r"^\s*:{3,}\s*(?:\{[^{}\n]*\.|)(?:" + "|".join(PROOFS) + r")\b", re.M)


def has_proofs(text: str) -> bool:
    """Whether ``text`` has one of Quarto's ``::: {.proof}`` divs (``.remark``, ``.solution``)."""
    return ":::" in text and _PROOF_DIV.search(text) is not None


def crossref_names(lang: str | None) -> tuple[dict[str, str], dict[str, str]]:
    """Return what Quarto calls each kind of label and each proof-like div in ``lang`` (its
    ``_language-XX.yml`` words: "Abbildung", "Beweis"), as :data:`NAMES` and :data:`PROOFS` do in English."""
    words = labels_for(lang)
    return (
        {kind: words.get(f"crossref_{kind}", name) for kind, name in NAMES.items()},
        {cls: words.get(cls, name) for cls, name in PROOFS.items()},
    )


# bookdown: a label at a caption's or an equation's start, `(\#tab:x)`, and a reference to it, `\@ref(tab:x)`
_BOOKDOWN_KINDS = {"fig": "fig", "tab": "tbl", "eq": "eq"}
_BOOKDOWN_LABEL = re.compile(r"\(\\#(fig|tab|eq):([-/\w]+)\)")
_BOOKDOWN_IMAGE = re.compile(
    r"!\[\s*\(\\#fig:([-/\w]+)\)\s*((?:[^\[\]\n]|\[[^\[\]\n]*\])*)\]\(((?:[^()\n]|\([^()\n]*\))*)\)(\{[^{}\n]*\})?"
)
_BOOKDOWN_TABLE = re.compile(r"^(\s*(?::|Table:)\s+)\(\\#tab:([-/\w]+)\)\s*(.*?)\s*$")
_BOOKDOWN_REF = re.compile(r"\\@ref\(\s*([-/:\w]+)\s*\)")
_BOOKDOWN_HEADING = re.compile(r"^#{1,6}\s+(.*?)\s*\{[^{}]*#([-/:\w]+)[^{}]*\}\s*$")
_KNITR_FIGURE = re.compile(r"^\s*`{3,}\s*\{r[ ,]+([-\w.]+)\s*(?:,|\})(?=.*\bfig[.-]cap\s*=)", re.I)


def _quarto_label(kind: str, name: str) -> str:
    """bookdown's label ``tab:my/x`` as a Quarto label of its kind, ``tbl-my-x``."""
    return _BOOKDOWN_KINDS[kind] + "-" + re.sub(r"[^\w-]", "-", name)


@dataclass
class _Bookdown:
    """What :func:`_bookdown_labels` found: each bookdown label's Quarto label (``tab:x`` → ``tbl-x``), each
    labelled heading's words (``intro``), and the Quarto label of the knitr chunk opening on a line."""

    labels: dict[str, str] = field(default_factory=dict)
    headings: dict[str, str] = field(default_factory=dict)
    chunks: dict[int, str] = field(default_factory=dict)


def _bookdown_labels(lines: list[str], fenced: list[bool]) -> _Bookdown:
    """bookdown's labels in ``lines`` (changed in place, line for line) written as Quarto's, which are
    numbered the same way: ``![(\\#fig:x) Caption](x.png)`` → ``![Caption](x.png){#fig-x}``, ``Table:
    (\\#tab:x) Caption`` → ``Table: Caption {#tbl-x}``, an equation's ``(\\#eq:x)`` a ``{#eq-x}`` after its
    closing ``$$``; a knitr chunk with a ``fig.cap`` is the figure ``fig:`` its name."""
    found = _Bookdown()
    labels = found.labels

    def image(mt: re.Match) -> str:
        label = _quarto_label("fig", mt.group(1))
        labels["fig:" + mt.group(1)] = label
        attrs = mt.group(4)
        said = "{#" + label + (" " + attrs[1:] if attrs else "}")
        return f"![{mt.group(2)}]({mt.group(3)}){said}"

    for k, line in enumerate(lines):
        if fenced[k]:
            chunk = _KNITR_FIGURE.match(line)
            if chunk is not None and (k == 0 or not fenced[k - 1] or _closes(lines[k - 1])):
                label = _quarto_label("fig", chunk.group(1))
                labels["fig:" + chunk.group(1)] = found.chunks[k] = label
            continue
        heading = _BOOKDOWN_HEADING.match(line)
        if heading is not None:
            found.headings.setdefault(heading.group(2), heading.group(1))
            continue
        if "(\\#" not in line:
            continue
        line = _BOOKDOWN_IMAGE.sub(image, line)
        table = _BOOKDOWN_TABLE.match(line)
        if table is not None:
            label = _quarto_label("tab", table.group(2))
            labels["tab:" + table.group(2)] = label
            line = f"{table.group(1)}{table.group(3)} {{#{label}}}"
        for mt in list(_BOOKDOWN_LABEL.finditer(line)):
            if mt.group(1) != "eq":
                continue
            close = next(
                (j for j in range(k, len(lines)) if not fenced[j] and _ends_math(lines[j], j == k)), None
            )
            if close is None:
                continue
            label = _quarto_label("eq", mt.group(2))
            labels["eq:" + mt.group(2)] = label
            line = line.replace(mt.group(0), "")
            if not line.strip():  # (a blank line would end the math: TeX's empty group, which shows nothing)
                line = line + "{}"
            if close == k:
                line = line.rstrip() + f" {{#{label}}}"
            else:
                lines[close] = lines[close].rstrip() + f" {{#{label}}}"
        lines[k] = line
    return found


def _closes(line: str) -> bool:
    """Whether ``line`` (a fenced one) is a fence's closing line: only its backticks or tildes."""
    return bool(re.fullmatch(r"\s*(`{3,}|~{3,})\s*", line))


def _ends_math(line: str, first: bool) -> bool:
    """Whether display math ends on ``line`` (``$$`` ending it; on the label's own line (``first``), after
    an opening ``$$`` before it only if another follows)."""
    stripped = line.rstrip()
    fences = display_fences(stripped)  # (not `$w\$$`: a dollar sign, then inline math's end)
    return (
        bool(fences) and fences[-1] == len(stripped) and (not first or len(fences) >= 2 or stripped == "$$")
    )


def number_crossrefs(text: str, lang: str | None = None) -> str | None:
    """``text`` with its cross-references numbered (see the module docstring), named in the lecture's
    language ``lang``; None when it has none."""
    bookdown = _Bookdown()
    if "(\\#" in text or "\\@ref(" in text:
        lines = text.split("\n")
        bookdown = _bookdown_labels(lines, fenced_lines(lines))
        text = "\n".join(lines)
    if ("#" not in text or ("@" not in text and not _LABEL.search(text))) and not has_proofs(text):
        return None
    names, proofs = crossref_names(lang)
    lines = text.split("\n")
    fenced = fenced_lines(lines)
    numbers: dict[str, str] = {}
    counts: dict[str, int] = {}
    panel: tuple[str, str, int] | None = (
        None  # a figure div being read: (its fence, its number, parts so far)
    )
    subfigures: set[str] = set()
    captions: dict[int, str] = {}  # a figure div's caption line: the words its number goes before
    for k, line in enumerate(lines):
        labels: list[str] = []
        if panel is not None and not fenced[k] and line.strip() == panel[0]:
            last = k - 1  # (its closing fence): the paragraph before it is the figure's caption
            while last > 0 and not lines[last].strip():
                last -= 1
            if lines[last].strip() and not lines[last].lstrip().startswith(("![", ":", "<")):
                captions[last] = f"{names['fig']} {panel[1]}: "
            panel = None
            continue
        opening = _PANEL.match(line) if not fenced[k] and panel is None else None
        if opening is not None:  # ::: {#fig-panel layout-ncol=2}: one figure, its pictures its parts
            counts["fig"] = counts.get("fig", 0) + 1
            numbers.setdefault(opening.group(2).lower(), f"{names['fig']} {counts['fig']}")
            panel = (opening.group(1), str(counts["fig"]), 0)
            continue
        if panel is not None and not fenced[k]:
            for mt in _LABEL.finditer(line):
                if mt.group(1).startswith("fig-") and mt.group(1).lower() not in numbers:
                    fence, n, parts = panel
                    panel = (fence, n, parts + 1)
                    numbers[mt.group(1).lower()] = f"{names['fig']} {n}({chr(ord('a') + parts % 26)})"
                    subfigures.add(mt.group(1).lower())
            continue
        if fenced[k]:
            cell = _CELL_LABEL.match(line)
            labels = [cell.group(1)] if cell else [bookdown.chunks[k]] if k in bookdown.chunks else []
        else:
            heading = _HEADING.match(line)
            if heading is not None:
                numbers.setdefault(heading.group(2).lower(), heading.group(1))
                continue
            labels = [mt.group(1) for mt in _LABEL.finditer(line)]
        for label in labels:
            kind = label.split("-", 1)[0]
            if kind == "sec" or label.lower() in numbers:
                continue
            counts[kind] = counts.get(kind, 0) + 1
            numbers[label.lower()] = f"{names[kind]} {counts[kind]}"
    theorems = _theorem_divs(lines, fenced, numbers, proofs)
    if not numbers and not theorems and not bookdown.headings:
        return None
    changed = theorems or bool(bookdown.labels)
    for k, label in captions.items():
        start = len(lines[k]) - len(lines[k].lstrip())
        lines[k] = lines[k][:start] + label + lines[k][start:]
        changed = True
    for k, line in enumerate(lines):
        if (
            fenced[k]
            or "@" not in line
            and "#fig-" not in line
            and "#tbl-" not in line
            and "#eq-" not in line
        ):
            continue
        new = outside(
            _CODE_SPAN,
            line,
            lambda part: _REFERENCE.sub(
                lambda mt: _reference(mt, numbers),
                _GROUP.sub(lambda g: _group(g, numbers), _bookdown_references(part, numbers, bookdown)),
            ),
        )
        new = _IMAGE_CAPTION.sub(lambda mt: _image_caption(mt, numbers, subfigures), new)
        new = _TABLE_CAPTION.sub(lambda mt: _table_caption(mt, numbers), new)
        new = _EQUATION_LABEL.sub(lambda mt: _equation_number(mt, numbers), new)
        if new != line:
            lines[k] = new
            changed = True
    return "\n".join(lines) if changed else None


def _theorem_divs(
    lines: list[str], fenced: list[bool], numbers: dict[str, str], proofs: dict[str, str]
) -> bool:
    """Quarto's theorem and proof divs (see the module docstring) as titled boxes, line for line (a proof
    titled as ``proofs`` names it); True when one was rewritten."""
    changed = False
    for k, line in enumerate(lines):
        opening = _DIV_OPEN.match(line) if not fenced[k] and ":::" in line else None
        if opening is None:
            continue
        attrs = opening.group(2) if opening.group(2) is not None else "." + opening.group(3)
        label = re.search(r"#((?:" + "|".join(_THEOREM_KINDS) + r")-[\w-]+)", attrs)
        proof = next((proofs[c] for c in re.findall(r"(?<![\w-])\.([\w-]+)", attrs) if c in proofs), None)
        kind = numbers.get(label.group(1).lower()) if label else proof
        if kind is None:
            continue
        name = re.search(r"""\bname\s*=\s*(?:"([^"]*)"|'([^']*)')""", attrs)
        named = (name.group(1) or name.group(2) or "") if name else ""
        first = next((j for j in range(k + 1, len(lines)) if lines[j].strip()), k)
        heading = _DIV_HEADING.match(lines[first]) if first != k and not fenced[first] else None
        box = ".exampleblock" if label and label.group(1)[:3] in ("exm", "exr") else ".block"
        if heading is not None:  # (its heading is its name: the box's title, where the heading was)
            title = kind + (f" ({heading.group(1)})" if heading.group(1) else "")
            lines[first] = f"###### {title}"
            lines[k] = f"{opening.group(1)} {{{attrs} {box}}}"
        else:
            title = kind + (f" ({named})" if named else "")
            said = re.sub(r'[{}"]', "", title)  # (the attribute's quotes and braces: not in its words)
            lines[k] = f'{opening.group(1)} {{{attrs} {box} title="{said}"}}'
        if proof is not None and label is None:
            _end_proof(lines, fenced, k)
        changed = True
    return changed


def _end_proof(lines: list[str], fenced: list[bool], k: int) -> None:
    """A proof's last line of words (the div opening on line ``k``) ends in ∎, as Quarto ends it."""
    depth = 0
    for j in range(k + 1, len(lines)):
        if fenced[j]:
            continue
        if _DIV_CLOSE.match(lines[j]):
            if depth == 0:
                last = next((i for i in range(j - 1, k, -1) if lines[i].strip()), None)
                said = lines[last].strip() if last is not None else ""
                if (
                    last is not None
                    and not fenced[last]
                    and said[:1] not in (":", "|", "<", "#", "$", "`", "~")
                ):
                    if not said.endswith(("$$", "\\]", "∎")):
                        lines[last] = lines[last].rstrip() + " ∎"
                return
            depth -= 1
        elif _DIV_OPEN.match(lines[j]):
            depth += 1


def _reference(mt: re.Match, numbers: dict[str, str]) -> str:
    name = numbers.get(mt.group(3).lower())
    if name is None or bool(mt.group(1)) != bool(mt.group(4)):
        return mt.group(0)  # (not a label of this lecture: the reader says so)
    if mt.group(2):  # -@fig-x: the number alone
        name = name.rsplit(" ", 1)[-1] if name[-1:].isdigit() else name
    elif mt.group(3)[:1].isupper() and name[:1].islower():
        name = name[:1].upper() + name[1:]
    return name


def _bookdown_references(text: str, numbers: dict[str, str], bookdown: _Bookdown) -> str:
    """``text`` with bookdown's ``\\@ref(tab:x)`` as bookdown prints it: the number alone (``1``), or a
    heading's words; a label the lecture does not have is left as written (the reader says so)."""

    def one(mt: re.Match) -> str:
        label = mt.group(1)
        if label in bookdown.headings:
            return bookdown.headings[label]
        name = numbers.get(bookdown.labels.get(label, "").lower())
        if name is None:
            return mt.group(0)
        number = name.rsplit(" ", 1)[-1]
        return f"({number})" if label.startswith("eq:") else number  # (an equation's as its tag shows it)

    return _BOOKDOWN_REF.sub(one, text) if "\\@ref(" in text else text


def _image_caption(mt: re.Match, numbers: dict[str, str], subfigures: set[str]) -> str:
    caption, name = mt.group(1), numbers.get(mt.group(4).lower())
    if not caption.strip() or name is None:
        return mt.group(0)
    if mt.group(4).lower() in subfigures:  # a part of a figure: "(a) its caption", as Quarto writes it
        return f"![{name[name.index('(') :]} {caption}]({mt.group(2)}){mt.group(3)}"
    return f"![{name}: {caption}]({mt.group(2)}){mt.group(3)}"


def _table_caption(mt: re.Match, numbers: dict[str, str]) -> str:
    name = numbers.get(mt.group(3).lower())
    return mt.group(0) if name is None else f"{mt.group(1)}{name}: {mt.group(2)}"


def _equation_number(mt: re.Match, numbers: dict[str, str]) -> str:
    """``$$ {#eq-x}`` closing an equation: its number at its right, ``(1)``, as Quarto shows it."""
    name = numbers.get(mt.group(1).lower())
    return "$$" if name is None else f"\\qquad ({name.rsplit(' ', 1)[-1]})$$"


def _group(mt: re.Match, numbers: dict[str, str]) -> str:
    """``[@fig-a; @fig-b]``: "Figure 1 and Figure 2" (left as written unless every label is known)."""
    names = [numbers.get(ref.strip().lstrip("-@").lower()) for ref in mt.group(1).split(";")]
    if any(n is None for n in names):
        return mt.group(0)
    said = [n for n in names if n is not None]
    return said[0] if len(said) == 1 else ", ".join(said[:-1]) + " and " + said[-1]
