"""The acronym package's and glossaries' acronyms in a beamer deck as the words LaTeX prints.

``\\acro{CPU}{Central Processing Unit}`` (in an ``acronym`` environment; also ``\\acrodef``) and
glossaries' ``\\newacronym{cpu}{CPU}{central processing unit}`` or ``\\newglossaryentry{key}{name=…}``
define entries; ``\\ac{CPU}`` prints "Central Processing Unit (CPU)" the first time and "CPU" after,
``\\acs``, ``\\acl``, ``\\acf``, ``\\acp`` (plural), ``\\gls``, ``\\Gls``, ``\\glspl`` and their kin as the
packages print them, ``\\acresetall`` (``\\glsresetall``) starting over, in reading order.  An
``acronym`` environment inside a frame is the list LaTeX prints there (a ``description``); outside
frames it only defines.  An acronym never defined shows its key, with a warning at its line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .rawtex import balanced_group


@dataclass
class _Entry:
    short: str
    long: str
    short_plural: str = ""
    long_plural: str = ""
    first: str = ""  # (a glossary entry's first use: its name, or its own ``first=``)
    glossary: bool = False  # (\newglossaryentry: it prints its name, never "long (short)")

    def plural(self, which: str) -> str:
        """The entry's ``which`` ("short" or "long") form in the plural."""
        if which == "short":
            return self.short_plural or self.short + "s"
        return self.long_plural or self.long + "s"


# what may start a definition: \acro{KEY}[short]{long}, \acrodef…, \newacronym[opts]{key}{short}{long},
# \newglossaryentry{key}{name=…, description=…}
_DEFINITION = re.compile(r"\\(acro|acrodef|newacro|newacronym|newglossaryentry|acroplural)(?![A-Za-z])\s*")
# the commands that print (or set the state of) an entry, with their meaning: (form, plural, marks used)
_FORMS = {
    "ac": ("auto", False),
    "acp": ("auto", True),
    "acs": ("short", False),
    "acsp": ("short", True),
    "acl": ("long", False),
    "aclp": ("long", True),
    "acf": ("full", False),
    "acfp": ("full", True),
    "acsu": ("short", False),
    "aclu": ("long", False),
    "gls": ("auto", False),
    "glspl": ("auto", True),
    "glstext": ("short", False),
    "glsentrytext": ("short", False),
    "glsentryname": ("short", False),
    "glsentryshort": ("short", False),
    "glsentrylong": ("long", False),
    "glsentryplural": ("short", True),
    "acrshort": ("short", False),
    "acrshortpl": ("short", True),
    "acrlong": ("long", False),
    "acrlongpl": ("long", True),
    "acrfull": ("full", False),
    "acrfullpl": ("full", True),
}
_MARKS = frozenset(("ac", "acp", "acf", "acfp", "acsu", "aclu", "gls", "glspl", "acrfull", "acrfullpl"))
_STATE = frozenset(
    ("acused", "acreset", "acresetall", "acuseall", "glsreset", "glsunset", "glsresetall", "glsunsetall")
)
_USE = re.compile(
    r"\\(?P<name>(?:[Aa]c|ac|[Gg]ls|GLS|glsentry|[Aa]cr)[A-Za-z]*)(?P<star>\*?)(?![A-Za-z])",
)
_ALL_STATE = frozenset(("acresetall", "acuseall", "glsresetall", "glsunsetall"))


def _argument(text: str, at: int, open_: str = "{") -> tuple[str, int] | None:
    """The group opening at ``text[at]`` (spaces skipped) and the index after it; None without one."""
    j = at
    while j < len(text) and text[j] in " \t":
        j += 1
    close_ = "]" if open_ == "[" else "}"
    end = balanced_group(text, j, open_, close_)
    if end < 0:
        return None
    return text[j + 1 : end - 1], end


def _key_values(options: str) -> dict[str, str]:
    """``name={x}, description=y``: the keys and values (braces taken off)."""
    found: dict[str, str] = {}
    depth, start = 0, 0
    for j, c in enumerate(options + ","):
        depth += (c == "{") - (c == "}")
        if c == "," and depth == 0:
            key, _, value = options[start:j].partition("=")
            value = value.strip()
            if value.startswith("{") and value.endswith("}"):
                value = value[1:-1]
            found[key.strip()] = " ".join(value.split())
            start = j + 1
    return found


class Acronyms:
    """The entries a deck defines, and which of them have been used (their first use printed)."""

    def __init__(self) -> None:
        self.entries: dict[str, _Entry] = {}
        self.used: set[str] = set()
        self.undefined: list[tuple[int, str]] = []  # (line, key) of each key used but never defined

    def define(self, text: str) -> list[tuple[int, int, str, str]]:
        """Read the definitions in ``text``; (start, end, key, short) of each, where it is written."""
        found: list[tuple[int, int, str, str]] = []
        for mt in _DEFINITION.finditer(text):
            name, at = mt.group(1), mt.end()
            options = ""
            if name == "newacronym" and (opt := _argument(text, at, "[")) is not None:
                options, at = opt
            key = _argument(text, at)
            if key is None:
                continue
            at = key[1]
            if name == "newglossaryentry":
                values = _argument(text, at)
                if values is None:
                    continue
                kv = _key_values(values[0])
                shown = kv.get("name", kv.get("text", key[0]))
                self.entries[key[0]] = _Entry(
                    shown,
                    kv.get("description", shown),
                    kv.get("plural", ""),
                    "",
                    kv.get("first", shown),
                    True,
                )
                found.append((mt.start(), values[1], key[0], shown))
                continue
            short = key[0]
            if name == "newacronym":
                short_arg = _argument(text, at)
                if short_arg is None:
                    continue
                short, at = short_arg
            elif (opt := _argument(text, at, "[")) is not None:
                short, at = opt
            long_arg = _argument(text, at)
            if long_arg is None:
                continue
            if name == "acroplural":  # \acroplural{KEY}[short plural]{long plural}
                if (entry := self.entries.get(key[0])) is not None:
                    entry.short_plural = short if short != key[0] else ""
                    entry.long_plural = long_arg[0]
                found.append((mt.start(), long_arg[1], key[0], ""))
                continue
            kv = _key_values(options)
            self.entries[key[0]] = _Entry(
                short, long_arg[0], kv.get("shortplural", ""), kv.get("longplural", "")
            )
            found.append((mt.start(), long_arg[1], key[0], short))
        return found

    def printed(self, line: str, at_line: int) -> str:
        """``line`` with the uses of entries as the words LaTeX prints (``at_line``: its line, for the
        warnings of keys never defined)."""
        out: list[str] = []
        last = 0
        for mt in _USE.finditer(line):
            if mt.start() < last:
                continue
            name = mt.group("name")
            plain = name.lower() if name[:1] in "AG" else name
            if plain not in _FORMS and plain not in _STATE:
                continue
            at = mt.end()
            if plain.startswith("gls") and (opt := _argument(line, at, "[")) is not None:
                at = opt[1]  # (glossaries' options: \gls[hyper=false]{key})
            if plain in _ALL_STATE:
                if plain in ("acresetall", "glsresetall"):
                    self.used.clear()
                else:
                    self.used.update(self.entries)
                out.append(line[last : mt.start()])
                last = at if line[at : at + 2] != "{}" else at + 2
                continue
            key = _argument(line, at)
            if key is None:
                continue
            at = key[1]
            keys = [k.strip() for k in key[0].split(",") if k.strip()]
            out.append(line[last : mt.start()])
            last = at
            if plain in _STATE:
                if plain in ("acreset", "glsreset"):
                    self.used.difference_update(keys)
                else:
                    self.used.update(keys)
                continue
            insert = ""
            if plain.startswith("gls") and (ins := _argument(line, at, "[")) is not None:
                insert, last = ins  # (\gls{key}['s]: words after the entry's)
            said = self._form(plain, keys[0] if keys else key[0], mt.group("star") == "*", at_line)
            if name[:1] in "AG" and said:
                said = said.upper() if name.startswith("GLS") else said[0].upper() + said[1:]
            out.append(said + insert)
        out.append(line[last:])
        return "".join(out)

    def _form(self, plain: str, key: str, starred: bool, at_line: int) -> str:
        """What ``\\plain{key}`` prints, and the entry marked used where it marks it."""
        entry = self.entries.get(key)
        if entry is None:
            if key not in {k for _, k in self.undefined}:
                self.undefined.append((at_line, key))
            return key
        form, plural = _FORMS[plain]
        first = key not in self.used
        if plain in _MARKS and not starred:
            self.used.add(key)
        if entry.glossary and form in ("auto", "full"):
            return entry.plural("short") if plural else entry.first if first else entry.short
        if form == "auto":
            form = "full" if first else "short"
        short = entry.plural("short") if plural else entry.short
        long = entry.plural("long") if plural else entry.long
        if form == "short" or (form == "full" and short == long):
            return short
        if form == "long":
            return long
        return f"{long} ({short})"
