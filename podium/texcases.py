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

_NEWCOUNT = re.compile(r"\\newcount\s*\\([A-Za-z@]+)(?![A-Za-z@])")
_COUNTER = re.compile(
    r"\\(newcounter|setcounter|addtocounter|stepcounter)\s*\{\s*([A-Za-z@]+)\s*\}(?:\s*\{\s*(-?\d{1,9})\s*\})?"
)
_NUMBER = r"\s*=?\s*(-?\d{1,9})"
# what makes a register before a number no setting of it (\ifnum\chno=0 compares; \advance adds)
_BEFORE_REGISTER = re.compile(
    r"\\(newcount|advance|multiply|divide|the|number|ifnum|ifcase|ifodd|showthe)\s*$"
)
_IFCASE = re.compile(r"\\ifcase(?![A-Za-z@])\s*")
# the words after \ifcase that give its number: digits, a register (\the\chno, \number\chno), a counter
_SELECTOR = re.compile(
    r"(-?\d{1,9})[ \t]?|\\value\s*\{\s*([A-Za-z@]+)\s*\}\s*|(?:\\(?:the|number)\s*)?\\([A-Za-z@]+)(?![A-Za-z@])\s*"
)
_RELAX = re.compile(r"\\relax(?![A-Za-z@])\s*")
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


@dataclass
class Counts:
    """The deck's count registers (``\\newcount\\chno``, ``\\chno=2``, ``\\advance\\chno by 1``) and LaTeX
    counters (``\\newcounter``, ``\\setcounter``…) as read so far."""

    registers: dict[str, int] = field(default_factory=dict)
    counters: dict[str, int] = field(default_factory=dict)

    def read(self, tex: str) -> None:
        """The settings ``tex`` makes, done in their order."""
        if "\\" not in tex:
            return
        for mt in _NEWCOUNT.finditer(tex):
            self.registers.setdefault(mt.group(1), 0)
        for mt in _COUNTER.finditer(tex):
            command, name, value = mt.groups()
            if command == "newcounter":
                self.counters[name] = 0
            elif command == "setcounter" and value is not None:
                self.counters[name] = int(value)
            elif command == "addtocounter" and value is not None:
                self.counters[name] = self.counters.get(name, 0) + int(value)
            elif command == "stepcounter":
                self.counters[name] = self.counters.get(name, 0) + 1
        if not self.registers:
            return
        names = "|".join(sorted(map(re.escape, self.registers), key=len, reverse=True))
        setting = re.compile(r"\\(" + names + r")(?![A-Za-z@])(\s*by)?" + _NUMBER)
        for mt in setting.finditer(tex):
            before = _BEFORE_REGISTER.search(tex, 0, mt.start())
            if before is None and not mt.group(2):  # \chno=2, \global\chno 2
                self.registers[mt.group(1)] = int(mt.group(3))
            elif before is not None and before.group(1) == "advance":  # \advance\chno by 1
                self.registers[mt.group(1)] += int(mt.group(3))

    def number(self, mt: re.Match) -> int | None:
        """The number a match of ``_SELECTOR`` stands for, or None when it is not known."""
        if mt.group(1) is not None:
            return int(mt.group(1))
        if mt.group(2) is not None:
            return self.counters.get(mt.group(2))
        return self.registers.get(mt.group(3))


@dataclass(frozen=True)
class Undecided:
    """An ``\\ifcase`` whose number Podium cannot tell: where it starts in the text, and its number as
    written (the first case is taken)."""

    at: int
    selector: str


def decided_cases(
    tex: str, counts: Counts, skipped: Callable[[int], bool] | None = None
) -> tuple[str, list[Undecided]]:
    """``tex`` with each ``\\ifcase`` replaced by the case its number chooses (its line ends kept where they
    were, so that every line keeps its place), the registers and counters ``counts`` read in order on the
    way (``counts`` is left as at the end of ``tex``); and the ones whose number is not known, whose first
    case is taken.  An ``\\ifcase`` on a line that is ``skipped`` (by its number, 0-based), whose ``\\fi`` is
    not in ``tex``, or whose number is a macro's argument (``#1``) stays as written."""
    undecided: list[Undecided] = []
    at = read = 0
    while (mt := _IFCASE.search(tex, at)) is not None:
        counts.read(tex[read : mt.start()])
        read = at = mt.end()
        selector = _SELECTOR.match(tex, mt.end())
        if selector is None or (skipped is not None and skipped(tex.count("\n", 0, mt.start()))):
            continue
        opened = selector.end()
        if (relax := _RELAX.match(tex, opened)) is not None:
            opened = relax.end()
        parts = _cases(tex, opened)
        if parts is None:
            continue
        cases, otherwise, end = parts
        number = counts.number(selector)
        if number is None:
            undecided.append(Undecided(mt.start(), tex[mt.start() : selector.end()].strip()))
            number = 0
        first, last = cases[number] if 0 <= number < len(cases) else otherwise
        kept = tex[mt.start() : first].count("\n") * "\n" + tex[first:last] + tex[last:end].count("\n") * "\n"
        tex = tex[: mt.start()] + kept + tex[end:]
        read = at = mt.start() + len(kept)
    counts.read(tex[read:])
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
