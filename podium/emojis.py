"""Emoji written as ``:name:`` shortcodes (``:rocket:``, ``:one:``), as pandoc's ``emoji`` extension
reads them: on where the front matter asks for it (``from: markdown+emoji``, as Quarto decks do, or
a GitHub-flavoured ``from: gfm``), off otherwise, so that ``:name:`` stays as written.

The names are GitHub's (the ``emoji`` package's aliases, the list pandoc uses too); a name it does
not know stays as written.  Code spans and blocks are never touched: the reader applies this to text
runs only.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

_SHORTCODE = re.compile(r":[A-Za-z0-9_+\-]+:")
_ON_BY_DEFAULT = ("gfm", "commonmark_x")  # pandoc's formats whose emoji extension starts on


def wanted(raw_meta: Mapping[str, Any]) -> bool:
    """True when the front matter's ``from:`` (top level, or a Quarto format's) turns emoji on."""
    sources = [raw_meta.get("from")]
    fmt = raw_meta.get("format")
    if isinstance(fmt, Mapping):
        sources += [opts.get("from") for opts in fmt.values() if isinstance(opts, Mapping)]
    for value in sources:
        if not isinstance(value, str):
            continue
        base, *exts = re.split(r"(?=[+-])", value.strip())
        on = base in _ON_BY_DEFAULT
        for ext in exts:
            if ext[1:] == "emoji":
                on = ext[0] == "+"
        if on:
            return True
    return False


def emojized(text: str) -> str:
    """``text`` with every ``:name:`` GitHub knows replaced by its emoji."""
    if ":" not in text or not _SHORTCODE.search(text):
        return text
    import emoji  # noqa: PLC0415 (only lectures that use shortcodes pay for its tables)

    return emoji.emojize(text, language="alias")
