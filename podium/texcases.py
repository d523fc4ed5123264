"""TeX's ``\\ifcase`` in a beamer deck, decided where its number is known, as TeX decides it.

A course's deck chooses by a number: its chapter (``\\newcount\\chno`` ``\\chno=0``, then
``\\ifcase\\chno \\subtitle{Introduction} \\or \\subtitle{Basics} \\fi``), a counter
(``\\ifcase\\value{chapter}``) or the month (``\\ifcase\\the\\month \\or Autumn \\or Spring … \\fi``, once
``\\the\\month`` is its number).  :class:`Counts` keeps the count registers and counters a deck sets, in
reading order; :func:`decided_cases` puts the chosen case in place of each ``\\ifcase … \\fi`` whose
number it can tell (the ``\\else`` part when no case has it, nothing when there is none), and says which
ones it cannot tell.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from .rawtex import balanced_group
from .texcounters import Counters

_NEWCOUNT = re.compile(r"\\newcount\s*\\([A-Za-z@]+)(?![A-Za-z@])")
_NUMBER = r"\s*=?\s*(-?\d{1,9})"
# what makes a register before a number no setting of it (\ifnum\chno=0 compares; \advance adds)
_BEFORE_REGISTER = re.compile(
    r"\\(newcount|advance|multiply|divide|the|number|ifnum|ifcase|ifodd|showthe)\s*$"
)
_IFCASE = re.compile(r"\\ifcase(?![A-Za-z@])\s*")
# the words after \ifcase that give its number: digits, a counter (\value{section}, \arabic{section}), a
# register (\chno, \the\chno, \number\chno) or a counter's \the<counter> (\thesection)
_SELECTOR = re.compile(
    r"(-?\d{1,9})[ \t]?|\\(?:value|arabic)\s*\{\s*([A-Za-z@]+)\s*\}\s*"
    r"|(?:\\(?:the|number)\s*)?\\([A-Za-z@]+)(?![A-Za-z@])\s*"
)
# what ends the number (\ifcase\chno\relax, \ifcase\thelecture\space: its space) and prints nothing
_NUMBER_END = re.compile(r"\\(?:relax|space)(?![A-Za-z@])\s*")
# TeX's conditionals (they end at \fi), and the \or and \else of the one open
_BRANCHING = re.compile(r"\\(if[A-Za-z@]*|or|else|fi)(?![A-Za-z@])")
# commands named \if… that are no TeX conditional (no \fi ends them): amsmath's \iff, LaTeX's and
# etoolbox's tests that take their branches as arguments
_NOT_CONDITIONALS = frozenset(
    (
        "iff ifthenelse ifstrempty ifblank ifstrequal ifdef ifundef ifbool iftoggle ifdefempty ifdefmacro "
        "ifcsdef ifcsundef ifnumcomp ifnumequal ifnumgreater ifnumless ifdimcomp ifdefstring ifdefvoid "
        "ifcsvoid ifcsempty ifcsstring ifboolexpr ifboolexpe ifnumodd ifinlist ifentrycmd ifnextchar "
        "ifstar ifpackageloaded ifclassloaded iflanguage"
    ).split()
)
# a definition, whose body sets nothing where it is written (\newcommand{\setthree}{\chno=3})
_DEFINITION = re.compile(
    r"\\(?:(?:re)?newcommand\*?|providecommand\*?|[gex]?def)\s*\{?\s*\\[A-Za-z@]+\s*\}?"
    r"\s*(?:\[[^\]\n]*\]\s*)*(?:#\d\s*)*(?=\{)"
)


@dataclass
class Counts:
    """The deck's count registers (``\\newcount\\chno``, ``\\chno=2``, ``\\advance\\chno by 1``) and LaTeX
    counters (:class:`podium.texcounters.Counters`: ``\\newcounter``, ``\\setcounter``, ``\\refstepcounter``,
    the sections…) as read so far."""

    registers: dict[str, int] = field(default_factory=dict)
    counters: Counters = field(default_factory=Counters)
    _setting: re.Pattern[str] | None = field(default=None, repr=False, compare=False)

    def copy(self) -> Counts:
        """These counts as they are now, apart from them."""
        return Counts(dict(self.registers), self.counters.copy())

    def read(self, tex: str) -> None:
        """The settings ``tex`` makes, done in their order, line by line; none inside a definition's body."""
        if "\\" not in tex:
            return
        for line in tex.split("\n"):
            if "\\" in line:
                self._read_line(_without_definitions(line))

    def _read_line(self, line: str) -> None:
        self.counters.read(line)
        if "\\newcount" in line:
            for mt in _NEWCOUNT.finditer(line):
                self.registers.setdefault(mt.group(1), 0)
                self._setting = None
        if not self.registers:
            return
        if self._setting is None:
            names = "|".join(sorted(map(re.escape, self.registers), key=len, reverse=True))
            self._setting = re.compile(r"\\(" + names + r")(?![A-Za-z@])(\s*by)?" + _NUMBER)
        for mt in self._setting.finditer(line):
            before = _BEFORE_REGISTER.search(line, max(0, mt.start() - 24), mt.start())
            if before is None and not mt.group(2):  # \chno=2, \global\chno 2
                self.registers[mt.group(1)] = int(mt.group(3))
            elif before is not None and before.group(1) == "advance":  # \advance\chno by 1
                self.registers[mt.group(1)] += int(mt.group(3))

    def without_settings(self, line: str) -> str:
        """``line`` without the register settings it makes (``\\chno=3``, ``\\global\\advance\\chno by 1``,
        ``\\newcount\\chno``): TeX prints nothing for them."""
        if not self.registers or "\\" not in line:
            return line
        names = "|".join(sorted(map(re.escape, self.registers), key=len, reverse=True))
        setting = re.compile(
            r"(?:\\global\s*)?(?:\\(?:advance|multiply|divide)\s*)?\\(?:" + names + r")(?![A-Za-z@])"
            r"(?:\s*by)?" + _NUMBER + r"(?![\d.])[ \t]?|\\newcount\s*\\(?:" + names + r")(?![A-Za-z@])[ \t]?"
        )
        return setting.sub(
            lambda mt: (
                mt.group(0) if _BEFORE_REGISTER.search(line, max(0, mt.start() - 24), mt.start()) else ""
            ),
            line,
        )

    def number(self, mt: re.Match) -> int | None:
        """The number a match of ``_SELECTOR`` stands for, or None when it is not known."""
        if mt.group(1) is not None:
            return int(mt.group(1))
        if mt.group(2) is not None:
            return self.counters.values.get(mt.group(2))
        name = mt.group(3)
        if name in self.registers:
            return self.registers[name]
        if name.startswith("the") and name[3:] in self.counters.values:  # (\thelecture: as it prints)
            printed = self.counters.printed("\\" + name).strip()
            return int(printed) if re.fullmatch(r"-?\d{1,9}", printed) else None
        return None


def _without_definitions(line: str) -> str:
    """``line`` with the bodies of the commands it defines left out."""
    if "def" not in line and "command" not in line:
        return line
    at = 0
    while (mt := _DEFINITION.search(line, at)) is not None:
        close = balanced_group(line, mt.end())
        if close < 0:
            return line[: mt.start()]  # (a body going on over lines: the definition's lines are skipped)
        line = line[: mt.start()] + line[close:]
        at = mt.start()
    return line


@dataclass(frozen=True)
class Undecided:
    """An ``\\ifcase`` whose number Podium cannot tell: where it starts in the text, its line (0-based),
    and its number as written (the first case is taken)."""

    at: int
    line: int
    selector: str


def decided_cases(
    tex: str, counts: Counts, skipped: Callable[[int], bool] | None = None
) -> tuple[str, list[Undecided]]:
    """``tex`` with each ``\\ifcase`` replaced by the case its number chooses (its line ends kept where they
    were, so that every line keeps its place), the registers and counters ``counts`` read in order on the
    way, the chosen case's settings too (``counts`` is left as at the end of ``tex``); and the ones whose
    number is not known, whose first case is taken.  A line that is ``skipped`` (by its number, 0-based:
    verbatim, a definition's) sets nothing, and an ``\\ifcase`` on it, one whose ``\\fi`` is not in
    ``tex`` or whose number is a macro's argument (``#1``) stays as written."""
    undecided: list[Undecided] = []
    at = read = line = 0

    def read_to(stop: int) -> None:
        nonlocal read, line
        for n, piece in enumerate(tex[read:stop].split("\n")):
            if skipped is None or not skipped(line + n):
                counts.read(piece)
        line += tex.count("\n", read, stop)
        read = stop

    while (mt := _IFCASE.search(tex, at)) is not None:
        read_to(mt.start())
        at = mt.end()
        selector = _SELECTOR.match(tex, mt.end())
        if selector is None or (skipped is not None and skipped(line)):
            continue
        opened = selector.end()
        if (ended := _NUMBER_END.match(tex, opened)) is not None:
            opened = ended.end()
        parts = _cases(tex, opened)
        if parts is None:
            continue
        cases, otherwise, end = parts
        number = counts.number(selector)
        if number is None:
            undecided.append(Undecided(mt.start(), line, tex[mt.start() : selector.end()].strip()))
            number = 0
        first, last = cases[number] if 0 <= number < len(cases) else otherwise
        kept = tex[mt.start() : first].count("\n") * "\n" + tex[first:last] + tex[last:end].count("\n") * "\n"
        tex = tex[: mt.start()] + kept + tex[end:]
        at = mt.start()  # (the case chosen is read on: its settings, an \ifcase inside it)
    read_to(len(tex))
    return tex, undecided


def _cases(tex: str, at: int) -> tuple[list[tuple[int, int]], tuple[int, int], int] | None:
    """Where each case of the ``\\ifcase`` whose first case starts at ``tex[at]`` starts and ends, where its
    ``\\else`` part does (empty if none), and where its ``\\fi`` ends; None if it has none."""
    cases: list[tuple[int, int]] = []
    otherwise: tuple[int, int] | None = None
    depth = 0
    begun = at
    for mt in _BRANCHING.finditer(tex, at):
        word = mt.group(1)
        if word.startswith("if"):
            depth += word not in _NOT_CONDITIONALS
            continue
        if depth > 0:
            depth -= word == "fi"
            continue
        if otherwise is None:
            cases.append((begun, mt.start()))
        else:
            otherwise = (begun, mt.start())
        if word == "fi":
            return cases, otherwise or (at, at), _space_after(tex, mt.end())
        if word == "else":
            otherwise = (mt.end(), mt.end())
        begun = _space_after(tex, mt.end())  # (TeX skips the spaces after \or and \else)
    return None


def _space_after(tex: str, at: int) -> int:
    """``at``, past the spaces TeX skips after a control word (on its line)."""
    while at < len(tex) and tex[at] in " \t":
        at += 1
    return at
