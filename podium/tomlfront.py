"""Hugo's TOML front matter (``+++`` … ``+++`` at the very top of a lecture), read as metadata.

Hugo (and reveal-hugo decks written for it) put a lecture's metadata between two ``+++`` lines, in
TOML: ``title = "…"``, ``date = 2023-03-18T13:00:00+09:00``.  It is read with the standard library's
``tomllib`` into the same mapping YAML front matter gives: dates as the text they were written as,
tables (``[params]``) as nested mappings.  A block that is no TOML at all (a GitPitch deck's ``+++``
slide break first) is left to the Markdown.
"""

from __future__ import annotations

import datetime
import re
import sys
from dataclasses import dataclass
from typing import Any

from . import model as m
from .diagnostics import Diagnostics

FENCE = "+++"
# a TOML line: `key = …` (bare, quoted or dotted keys) or a `[table]` / `[[array of tables]]` header
_KEY_PART = r"""(?:[A-Za-z0-9_-]+|"[^"\n]*"|'[^'\n]*')"""
_KEY_LINE = re.compile(rf"^[ \t]*({_KEY_PART}(?:[ \t]*\.[ \t]*{_KEY_PART})*)[ \t]*=")
_TABLE_LINE = re.compile(
    rf"^[ \t]*\[\[?[ \t]*({_KEY_PART}(?:[ \t]*\.[ \t]*{_KEY_PART})*)[ \t]*\]\]?[ \t]*(?:#.*)?$"
)
_AT = re.compile(r"\(at line (\d+), column (\d+)\)")
_AT_END = re.compile(r"\(at end of document\)")


@dataclass(frozen=True)
class TomlFront:
    """The metadata a ``+++`` block holds, the line (from 1) of each key, and the index of its closing line."""

    meta: dict[str, Any]
    key_lines: dict[str, int]
    close: int


def toml_front_matter(lines: list[str], shown: str, diags: Diagnostics) -> TomlFront | None:
    """Read the TOML front matter that opens ``lines`` (the lecture's, named ``shown``); None when the
    first line is no ``+++`` or what follows it is no TOML (then it is Markdown, as before).  A block of
    TOML with an error in it is an error at its line, and reads as no metadata (never as slide text)."""
    if not lines or lines[0].rstrip() != FENCE:
        return None
    close = next((k for k in range(1, len(lines)) if lines[k].rstrip() == FENCE), None)
    block = lines[1:close] if close is not None else lines[1:]
    if not _toml_like(block):
        return None
    if close is None:
        diags.warning(
            "front matter opened with '+++' (Hugo's TOML) is never closed; read as Markdown",
            m.SourcePos(shown, 1),
            "front-matter",
        )
        return None
    try:
        data = _loads("\n".join(block))
    except ValueError as e:  # (tomllib's TOMLDecodeError)
        at = _AT.search(str(e))
        # (an error "at end of document": at the closing `+++`)
        line, col = (int(at.group(1)) + 1, int(at.group(2))) if at else (close + 1, 0)
        problem = _AT_END.sub("", _AT.sub("", str(e))).strip()
        diags.error(f"front matter is not valid TOML: {problem}", m.SourcePos(shown, line, col), "toml")
        return TomlFront({}, {}, close)
    if data is None:
        diags.warning(
            "this lecture's front matter is TOML (Hugo's '+++'), which Podium reads with Python 3.11 or "
            "later (or the 'tomli' package): its keys are not used",
            m.SourcePos(shown, 1),
            "front-matter",
        )
        return TomlFront({}, {}, close)
    return TomlFront(_as_text_dates(data), _key_lines(block), close)


def _loads(text: str) -> dict[str, Any] | None:
    """The TOML ``text`` as a mapping (``ValueError`` when it is no TOML); None on a Python that has no
    TOML reader (before 3.11, without ``tomli``)."""
    if sys.version_info >= (3, 11):
        import tomllib  # noqa: PLC0415 (only a lecture with TOML front matter pays for it)

        return tomllib.loads(text)
    try:
        import tomli  # noqa: PLC0415
    except ImportError:
        return None
    return tomli.loads(text)


def _toml_like(block: list[str]) -> bool:
    """Whether the lines after an opening ``+++`` begin as TOML: the first line that is not blank or a
    comment is a ``key = value`` or a ``[table]`` header (not a slide's heading or words)."""
    for line in block:
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        return bool(_KEY_LINE.match(line) or _TABLE_LINE.match(line))
    return False


def _key_lines(block: list[str]) -> dict[str, int]:
    """The line (from 1, in the lecture) of each key: top-level keys by name, a table's as ``table.key``."""
    found: dict[str, int] = {}
    table = ""
    for k, line in enumerate(block, start=2):
        header = _TABLE_LINE.match(line)
        if header is not None:
            table = _dotted(header.group(1))
            found.setdefault(table, k)
            continue
        key = _KEY_LINE.match(line)
        if key is not None:
            found.setdefault(f"{table}.{_dotted(key.group(1))}" if table else _dotted(key.group(1)), k)
    return found


def _dotted(key: str) -> str:
    """A TOML key as a dotted name, its quotes taken off."""
    return ".".join(part.strip().strip("\"'") for part in re.findall(rf"{_KEY_PART}", key))


def _as_text_dates(value: Any) -> Any:
    """``value`` with its dates and times as the text they were written as (as Podium's YAML keeps them)."""
    if isinstance(value, dict):
        return {k: _as_text_dates(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_as_text_dates(v) for v in value]
    if isinstance(value, (datetime.date, datetime.time)):  # (datetime.datetime is a date)
        return value.isoformat()
    return value
