"""LaTeX's ``\\ref`` to a labelled list item or theorem in a beamer deck, as the number LaTeX prints.

An enumerate's label template (beamer's and the enumerate package's ``[PH 1]``, ``[i)]``; enumitem's
``[label=PH~\\arabic*]``) is read by :func:`enumerate_template`, which also gives ``texenvs`` its items'
labels.  :func:`resolve_references` counts the deck's items and theorems in reading order, as LaTeX
counts them, and writes each ``\\ref{key}`` to one of them as its number, its ``\\label`` taken out.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

from .fancylists import to_roman
from .rawtex import balanced_group

_COUNTER_COMMANDS = {"\\arabic*": "1", "\\alph*": "a", "\\Alph*": "A", "\\roman*": "i", "\\Roman*": "I"}
# (a formatting command in a template: its words printed, the switch itself printing nothing)
_SWITCH = re.compile(
    r"\\(?:bfseries|itshape|upshape|scshape|sffamily|rmfamily|ttfamily|normalfont|em)(?![A-Za-z])\s*"
)
_FORMAT = re.compile(r"\\(?:textbf|textit|textsc|textsf|textrm|texttt|textup|emph|textnormal)\s*(?=\{)")


def counter_text(kind: str, n: int) -> str:
    """Item number ``n`` as LaTeX's counter ``kind`` (``1``, ``a``, ``A``, ``i``, ``I``) prints it."""
    if kind in "aA":
        text = ""
        while n > 0:
            n, r = divmod(n - 1, 26)
            text = chr(ord("a") + r) + text
    elif kind in "iI":
        text = to_roman(n)
    else:
        text = str(n)
    return text.upper() if kind in "AI" else text


@dataclass(frozen=True)
class Template:
    """An enumerate's label: the words ``before`` and ``after`` its counter of ``kind`` (``1``, ``a``,
    ``A``, ``i``, ``I``; empty: the label shows no number); what a ``\\ref`` to an item prints is its counter
    between ``ref_before`` and ``ref_after`` (beamer's and the enumerate package's ``\\theenumi``: the
    counter alone; enumitem's: its ``ref=``, by default the whole label)."""

    before: str
    kind: str
    after: str
    ref_before: str = ""
    ref_after: str = ""

    def label(self, n: int) -> str:
        """The label of item ``n``."""
        return self.before + (counter_text(self.kind, n) if self.kind else "") + self.after

    def ref(self, n: int) -> str:
        """What ``\\ref`` to item ``n`` prints."""
        return self.ref_before + counter_text(self.kind or "1", n) + self.ref_after


def _plain(words: str) -> str:
    """A template's words as they print: formatting commands' words, no switches, ``~`` a no-break space."""
    words = _SWITCH.sub("", _FORMAT.sub("", words)).replace("~", "\u00a0")
    return words.replace("{", "").replace("}", "")


def _enumitem(options: str) -> Template | None:
    """enumitem's ``label=…`` (and ``ref=…``) among ``options``, as a template; None if it sets no label."""
    keys: dict[str, str] = {}
    for mt in re.finditer(r"(?:^|,)\s*(label|ref)\s*=\s*", options):
        at = mt.end()
        if options.startswith("{", at):
            end = balanced_group(options, at)
            keys[mt.group(1)] = options[at + 1 : end - 1] if end > 0 else options[at + 1 :]
        else:
            stop = options.find(",", at)
            keys[mt.group(1)] = options[at : stop if stop >= 0 else len(options)].strip()
    if "label" not in keys:
        return None

    def parsed(said: str) -> Template:
        found = next(((said.index(c), c) for c in _COUNTER_COMMANDS if c in said), None)
        if found is None:
            return Template(_plain(said), "", "")
        at, command = found
        return Template(_plain(said[:at]), _COUNTER_COMMANDS[command], _plain(said[at + len(command) :]))

    label = parsed(keys["label"])
    ref = parsed(keys.get("ref", keys["label"]))
    return Template(label.before, label.kind, label.after, ref.before, ref.after)


# enumitem's keys that take no value (`[nosep]`, `[resume]`): options of that package, no label template
_ENUMITEM_KEYS = {"nosep", "noitemsep", "resume", "resume*", "wide", "inline", "nolistsep", "beginpenalty"}


def enumerate_template(options: str) -> Template | None:
    """The label template an enumerate's ``[options]`` give (beamer's and the enumerate package's mini
    template, where the first ``1``, ``i``, ``I``, ``a`` or ``A`` outside braces is the counter and the rest
    is printed, braces protecting letters: ``[PH 1]``, ``[{Step} a)]``; or enumitem's ``label=``); None for
    no options, or only an overlay specification (``[<+->]``)."""
    options = re.sub(r"<[^<>]*>", "", options).strip()
    if not options:
        return None
    if "=" in options or all(key.strip() in _ENUMITEM_KEYS for key in options.split(",")):
        return _enumitem(options)
    before: list[str] = []
    after: list[str] = []
    kind = ""
    k = 0
    while k < len(options):
        ch = options[k]
        if ch == "{":
            end = balanced_group(options, k)
            end = end if end > 0 else len(options)
            (after if kind else before).append(options[k + 1 : end - 1])
            k = end
            continue
        if ch == "\\":
            command = re.match(r"\\(?:[A-Za-z]+|.)", options[k:])
            said = command.group(0) if command else ch
            (after if kind else before).append(said)
            k += len(said)
            continue
        if not kind and ch in "1aAiI":
            kind = ch
        else:
            (after if kind else before).append(ch)
        k += 1
    return Template(_plain("".join(before)), kind, _plain("".join(after)))


# beamer's own theorems (beamerbasetheorems.sty): one counter, `theorem`, for all of them
BEAMER_THEOREMS = (
    "theorem",
    "corollary",
    "fact",
    "lemma",
    "problem",
    "solution",
    "definition",
    "definitions",
    "example",
    "examples",
)
_NEWTHEOREM = re.compile(
    r"\\newtheorem(\*?)\s*\{([A-Za-z@]+\*?)\}\s*(?:\[\s*([A-Za-z@]+)\s*\])?\s*\{(?:[^{}]|\{[^{}]*\})*\}"
    r"\s*(?:\[\s*([A-Za-z@]+)\s*\])?"
)
_TOKEN = re.compile(
    r"\\(begin|end)\s*\{([A-Za-z@]+\*?)\}(\s*\[(?:[^\[\]{}]|\{[^{}]*\})*\])?"
    r"|\\item(?![A-Za-z])|\\label\s*\{([^{}]+)\}|\\section(?![A-Za-z*])"
)
_REF = re.compile(r"\\ref\*?\s*\{([^{}]+)\}")
_LISTS = ("enumerate", "itemize", "description")
# where a \label names something of its own that this module does not number (the reader's business)
_OTHER_LABELLED = re.compile(
    r"(?:equation|align|gather|multline|eqnarray|flalign|alignat|figure|table|subfigure)\*?$"
)


@dataclass
class _Counter:
    """A theorem counter: its count and the counter it is numbered within (``section``), if any."""

    n: int = 0
    within: str | None = None


@dataclass
class _Open:
    """An environment open at a point of the deck: its name; a list's template and item count; a
    theorem's number (``numbered``: False for an unnumbered theorem, None for no theorem)."""

    name: str
    template: Template | None = None
    items: int = 0
    number: str = ""
    numbered: bool | None = None


def _theorem_counters(preamble: str, class_options: str) -> dict[str, _Counter | None]:
    """Each theorem environment's counter (None: unnumbered, ``\\newtheorem*``): beamer's own, sharing one
    (numbered within sections with ``envcountsect``; none with ``notheorems``), then the deck's."""
    shared = _Counter(0, "section" if "envcountsect" in class_options else None)
    counters: dict[str, _Counter] = {"theorem": shared}
    out: dict[str, _Counter | None] = {}
    if "notheorems" not in class_options:
        out = {name: shared for name in BEAMER_THEOREMS}
    for mt in _NEWTHEOREM.finditer(preamble):
        starred, name, same, within = mt.groups()
        if starred:
            out[name] = None
        elif same and same in counters:
            out[name] = counters[same]
        else:
            counters[name] = out[name] = _Counter(0, within)
    return out


_LEVEL_KINDS = "1aiA"  # (LaTeX's \\theenumi … \\theenumiv: arabic, alph, roman, Alph)


def _numbered(stack: list[_Open]) -> tuple[bool, str | None]:
    """Whether a ``\\label`` with ``stack`` open names an item or a theorem, and then what its ``\\ref`` prints
    (None: no number, an unnumbered theorem)."""
    for j in range(len(stack) - 1, -1, -1):
        held = stack[j]
        if held.name == "enumerate" and held.items > 0:
            outer = [h for h in stack[:j] if h.name == "enumerate"]
            template = held.template or Template("", _LEVEL_KINDS[min(len(outer), 3)], "")
            said = template.ref(held.items)
            if outer and not (template.ref_before or template.ref_after):  # (LaTeX's \\p@enumii…: the outer
                numbers = [
                    (h.template or Template("", _LEVEL_KINDS[n], "")).ref(h.items)
                    for n, h in enumerate(outer)
                ]
                said = numbers[0] + "".join(f"({n})" for n in numbers[1:]) + said  # items' numbers first)
            return True, said
        if held.name in _LISTS or _OTHER_LABELLED.match(held.name):
            return False, None
        if held.numbered is not None:
            return True, held.number if held.numbered else None
    return False, None


def resolve_references(
    lines: list[str],
    begin: int,
    preamble: str,
    class_options: str,
    skip: Callable[[int], bool],
    warn: Callable[[int, str], None],
) -> None:
    """In place: each ``\\ref{key}`` in ``lines`` (after ``begin``, the line of ``\\begin{document}``) to a
    label set in an enumerate's item, or in a theorem, as LaTeX prints it: the item's number in its list's
    template (``ii``, ``2``; enumitem: its whole label) or the theorem's number, and those ``\\label``s taken
    out.  A label in an unnumbered theorem has no number: its ``\\ref``s print ``??``, with ``warn(line,
    message)``.  ``skip(k)``: line ``k`` is verbatim."""
    if not any("\\ref" in line for line in lines[begin + 1 :]):
        return
    counters = _theorem_counters(preamble + "\n" + "\n".join(lines[begin + 1 :]), class_options)
    section = 0
    stack: list[_Open] = []
    found: dict[str, str | None] = {}  # key: what its \ref prints (None: no number)
    for k in range(begin + 1, len(lines)):
        if "\\" not in lines[k] or skip(k):
            continue
        for mt in _TOKEN.finditer(lines[k]):
            if mt.group(0).startswith("\\section"):
                section += 1
                for counter in counters.values():
                    if counter is not None and counter.within == "section":
                        counter.n = 0
            elif mt.group(1) == "begin":
                held = _Open(mt.group(2))
                if held.name == "enumerate":
                    held.template = enumerate_template((mt.group(3) or "").strip()[1:-1])
                elif held.name in counters:
                    counter = counters[held.name]
                    held.numbered = counter is not None
                    if counter is not None:
                        counter.n += 1
                        held.number = (
                            f"{section}.{counter.n}" if counter.within == "section" else str(counter.n)
                        )
                stack.append(held)
            elif mt.group(1) == "end":
                at = next((j for j in range(len(stack) - 1, -1, -1) if stack[j].name == mt.group(2)), None)
                if at is not None:
                    del stack[at:]
            elif mt.group(0).startswith("\\item"):
                inner = next((h for h in reversed(stack) if h.name in _LISTS), None)
                if inner is not None:
                    inner.items += 1
            elif mt.group(4) is not None and mt.group(4).strip() not in found:
                mine, said = _numbered(stack)
                if mine:
                    found[mt.group(4).strip()] = said
    if found:
        _referred(lines, begin, found, skip, warn)


def _referred(
    lines: list[str],
    begin: int,
    found: dict[str, str | None],
    skip: Callable[[int], bool],
    warn: Callable[[int, str], None],
) -> None:
    """``lines`` with the ``\\ref``s to the labels ``found`` as what they print, those labels taken out."""

    def referred(mt: re.Match, k: int) -> str:
        key = mt.group(1).strip()
        if key not in found:
            return mt.group(0)
        said = found[key]
        if said is None:
            warn(
                k,
                f"\\ref{{{key}}}: its label is in an unnumbered theorem, which LaTeX gives no number of its own: "
                "'??' is shown",
            )
            return "??"
        return said

    for k in range(begin + 1, len(lines)):
        line = lines[k]
        if "\\" not in line or skip(k):
            continue
        if "\\ref" in line:
            line = _REF.sub(partial(referred, k=k), line)
        if "\\label" in line:
            line = re.sub(
                r"\s*\\label\s*\{([^{}]+)\}",
                lambda mt: "" if mt.group(1).strip() in found else mt.group(0),
                line,
            )
        lines[k] = line
