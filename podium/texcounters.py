"""LaTeX's counters in a beamer deck, as LaTeX counts and prints them.

``\\newcounter{task}`` (``[section]``: reset with it), ``\\setcounter``, ``\\addtocounter``, ``\\stepcounter``
and ``\\refstepcounter`` set them in reading order, as do the frames' ``\\part``, ``\\section``,
``\\subsection`` and ``\\subsubsection``; ``\\counterwithin``/``\\numberwithin`` and ``\\counterwithout`` tie
a counter to another and untie it.  ``\\the<counter>`` (``\\thesection``, ``\\thetask``, the deck's own
``\\renewcommand{\\thetask}{…}``), ``\\arabic{…}``, ``\\roman``, ``\\Roman``, ``\\alph``, ``\\Alph`` and
``\\value`` print the value where the deck uses them, and the commands that only set a counter print
nothing (they are taken out of the line): :func:`count_lines`.
"""

from __future__ import annotations

import re

from .fancylists import to_roman
from .rawtex import _group

# LaTeX's counters a beamer deck has without declaring them, each with the one whose step resets it
_BUILT_IN = {"part": "", "section": "", "subsection": "section", "subsubsection": "subsection"}
_SECTIONING = re.compile(r"^\s*\\(part|section|subsection|subsubsection)(\*)?\s*(?:<[^<>\n]*>)?\s*[\[{]")
_NAME = r"\s*\{\s*([A-Za-z@]+)\s*\}"
_SETTING = re.compile(
    r"\\(?:(newcounter)" + _NAME + r"(?:\s*\[\s*([A-Za-z@]+)\s*\])?"
    r"|(setcounter|addtocounter)" + _NAME + r"\s*\{([^{}]*(?:\{[^{}]*\}[^{}]*)?)\}"
    r"|(stepcounter|refstepcounter)" + _NAME + r""
    r"|(counterwithin\*?|numberwithin|counterwithout\*?)" + _NAME + r"\s*\{\s*([A-Za-z@]+)\s*\})"
)
_LIST_COUNTER = re.compile(r"enum(?:i|ii|iii|iv)")  # (read by the list they number: texenvs._SET_COUNTER)
_PRINTING = re.compile(
    r"\\(?:(arabic|roman|Roman|alph|Alph|value)" + _NAME + r"|the([A-Za-z@]+)(?![A-Za-z@]))"
)
_THE_DEFINED = re.compile(
    r"\\(?:re)?newcommand\s*\{?\s*\\the([A-Za-z@]+)\s*\}?\s*\{|\\def\s*\\the([A-Za-z@]+)\s*\{"
)
_DEFINING = re.compile(r"\\(?:(?:re)?newcommand|providecommand|g?def|(?:re)?newenvironment)(?![A-Za-z])")


class Counters:
    """The deck's counters while it is read: values, the counter each is reset with, their own formats."""

    def __init__(self) -> None:
        self.values: dict[str, int] = dict.fromkeys(_BUILT_IN, 0)
        self.within: dict[str, str] = {name: parent for name, parent in _BUILT_IN.items() if parent}
        # (\renewcommand{\thetask}{\Alph{task}}: its body; \counterwithin's and the sections' parent first)
        self.formats = {name: f"\\the{parent}.\\arabic{{{name}}}" for name, parent in self.within.items()}

    def copy(self) -> Counters:
        """These counters as they are now, apart from them."""
        new = Counters()
        new.values, new.within, new.formats = dict(self.values), dict(self.within), dict(self.formats)
        return new

    def read(self, line: str) -> None:
        """The counter settings of ``line`` done in their order (a ``\\section`` starting it steps its
        counter); nothing printed."""
        if (section := _SECTIONING.match(line)) and not section.group(2):
            self.step(section.group(1))
        if "counter" in line or "within" in line:
            for mt in _SETTING.finditer(line):
                self.set(mt)

    def step(self, name: str) -> None:
        """``name`` one up, and the counters reset with it (and theirs) to 0."""
        self.values[name] = self.values.get(name, 0) + 1
        resets = [child for child, parent in self.within.items() if parent == name]
        while resets:
            child = resets.pop()
            self.values[child] = 0
            resets += [c for c, parent in self.within.items() if parent == child]

    def number(self, tex: str) -> int | None:
        """The integer ``tex`` says (``3``, ``-1``, ``\\value{task}``), or None."""
        tex = tex.strip()
        if re.fullmatch(r"[+-]?\s*\d{1,9}", tex):
            return int(tex.replace(" ", ""))
        value = re.fullmatch(r"\\value" + _NAME, tex)
        return self.values.get(value.group(1), 0) if value else None

    def set(self, mt: re.Match) -> None:
        """The counter setting ``mt`` (a match of ``_SETTING``) done."""
        if mt.group(1):  # \newcounter{task}[section]
            self.values[mt.group(2)] = 0
            if mt.group(3):
                self.within[mt.group(2)] = mt.group(3)
        elif mt.group(4):  # \setcounter, \addtocounter
            value = self.number(mt.group(6))
            if value is not None:
                base = self.values.get(mt.group(5), 0) if mt.group(4) == "addtocounter" else 0
                self.values[mt.group(5)] = base + value
        elif mt.group(7):
            self.step(mt.group(8))
        elif mt.group(9).startswith("counterwithout"):
            self.within.pop(mt.group(10), None)
            self.formats.pop(mt.group(10), None)
        else:  # \counterwithin{equation}{section}: reset with it and printed after it (not the starred form)
            self.within[mt.group(10)] = mt.group(11)
            if not mt.group(9).endswith("*"):
                self.formats[mt.group(10)] = f"\\the{mt.group(11)}.\\arabic{{{mt.group(10)}}}"

    def printed(self, tex: str, depth: int = 0) -> str:
        """``tex`` with the values its counter commands print put in place."""

        def value(mt: re.Match) -> str:
            if mt.group(1):
                n = self.values.get(mt.group(2))
                return mt.group(0) if n is None else _styled(mt.group(1), n)
            name = mt.group(3)
            if name in self.formats and depth < 8:
                return self.printed(self.formats[name], depth + 1)
            return str(self.values[name]) if name in self.values else mt.group(0)  # (\theta: no counter's)

        return _PRINTING.sub(value, tex)


def _styled(style: str, n: int) -> str:
    """``n`` as LaTeX's ``\\arabic``, ``\\roman``, ``\\Roman``, ``\\alph``, ``\\Alph`` (``\\value``) print it."""
    if style in ("arabic", "value") or n <= 0:
        return str(n) if style in ("arabic", "value") or n < 0 else ""
    if style in ("alph", "Alph"):
        letters = "abcdefghijklmnopqrstuvwxyz"
        said = letters[n - 1] if n <= 26 else str(n)
        return said.upper() if style == "Alph" else said
    roman = to_roman(n)
    return roman.upper() if style == "Roman" else roman


def _own_formats(text: str) -> dict[str, str]:
    """The deck's own ``\\the<counter>`` (``\\renewcommand{\\thetask}{\\Alph{task}}``): each one's body."""
    found = {}
    for mt in _THE_DEFINED.finditer(text):
        close = _group(text, mt.end() - 1)
        if close > 0:
            found[mt.group(1) or mt.group(2)] = text[mt.end() : close - 1]
    return found


def count_lines(lines: list[str], begin: int, skipped: set[int]) -> None:
    """The counters of a deck's ``lines`` (``begin``: its ``\\begin{document}`` line) counted in reading order,
    in place: after ``begin`` each counter command's printed value put in place, and the commands that set
    a counter taken out (they print nothing); ``skipped``: lines not to touch (verbatim)."""
    if not any(
        "counter" in line or "\\the" in line or "\\arabic" in line or "\\roman" in line or "\\alph" in line
        for line in lines
    ):
        return
    counters = Counters()
    counters.formats.update(_own_formats("\n".join(lines[: max(begin, 0)])))
    depth = 0  # (the preamble's braces open: a setting inside them is a definition's, done where it is used)
    for k, line in enumerate(lines):
        if k in skipped:
            continue
        if k <= begin:
            at = 0
            for mt in _SETTING.finditer(line):
                depth += _depth(line[at : mt.start()])
                at = mt.start()
                if depth <= 0:
                    counters.set(mt)
            depth = max(0, depth + _depth(line[at:]))
            continue
        if (section := _SECTIONING.match(line)) and not section.group(2):
            counters.step(section.group(1))
        if _DEFINING.search(line):  # (a definition prints and counts where it is used, not here)
            continue
        out, at = [], 0
        for mt in _SETTING.finditer(line):
            if _LIST_COUNTER.fullmatch(mt.group(0).split("{", 1)[-1].split("}", 1)[0].strip()):
                continue  # (a list's own counter, \setcounter{enumi}{4}: the list starts where it says)
            out.append(counters.printed(line[at : mt.start()]))
            counters.set(mt)
            at = mt.end()
        rest = line[at:]
        out.append(counters.printed(rest))
        new = "".join(out)
        if new != line:
            new = _values_grouped(new, line)
            lines[k] = new if new.strip() or not line.strip() else ""


def _depth(tex: str) -> int:
    """How many more braces ``tex`` opens than it closes (``\\{`` and ``\\}`` are characters)."""
    tex = tex.replace("\\\\", "").replace("\\{", "").replace("\\}", "")
    return tex.count("{") - tex.count("}")


def _values_grouped(new: str, old: str) -> str:
    """``new`` with a words-only group right after a value that was ``\\the…`` (``1{.}1``) as its words."""
    if "{" not in new or not re.search(r"\\the[A-Za-z@]+\{", old):
        return new
    return re.sub(r"(?<=\d)\{([^{}\\]*)\}", r"\1", new)
