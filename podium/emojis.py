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


# the commands that print an emoji by its name: twemojis' \twemoji{check mark button} (and \texttwemoji),
# the emoji package's \emoji{check-mark-button}
TEX_COMMANDS = frozenset(("twemoji", "texttwemoji", "emoji"))
# (a word of hexadecimal letters only, `cafe`, is a name)
_CODE_POINTS = re.compile(r"(?=.*\d)(?:U\+)?[0-9a-fA-F]{4,6}(?:[-_ ](?:U\+)?[0-9a-fA-F]{4,6})*")
_names: dict[str, str] = {}


def _key(name: str) -> str:
    """``name`` as :func:`named` compares it: lower case, every run of spaces, hyphens, underscores and
    punctuation one underscore (``flag: Taiwan``, ``flag-taiwan`` and ``Taiwan``'s alias alike)."""
    return re.sub(r"[\s\-_:,.!’'“”()]+", "_", name.strip().lower()).strip("_")


def named(name: str) -> str | None:
    """The emoji called ``name``: its Unicode CLDR name (``check mark button``, as twemojis names them;
    ``check-mark-button``, as the emoji package writes them), a GitHub alias (``white_check_mark``,
    ``+1``), its code points (``2705``, ``1f1f9-1f1fc``) or a Unicode character name; None if none is."""
    if not name.strip():
        return None
    if not _names:
        import emoji  # noqa: PLC0415 (only lectures that name emoji pay for its tables)

        for char, data in emoji.EMOJI_DATA.items():
            for said in (data.get("en", ""), *data.get("alias", ())):
                _names.setdefault(_key(said), char)
        if "flag_china" not in _names:  # (the emoji package's flags: flag-china for 🇨🇳, the flag: China)
            for char, data in emoji.EMOJI_DATA.items():
                if len(char) == 2 and all(0x1F1E6 <= ord(c) <= 0x1F1FF for c in char):
                    _names.setdefault("flag_" + _key(data.get("en", "")), char)
    if (found := _names.get(_key(name))) is not None:
        return found
    if _CODE_POINTS.fullmatch(name.strip()):
        points = [int(p.removeprefix("U+").removeprefix("u+"), 16) for p in re.split(r"[-_ ]", name.strip())]
        if all(p <= 0x10FFFF and not 0xD800 <= p <= 0xDFFF for p in points):
            return "".join(map(chr, points))
    import unicodedata  # noqa: PLC0415

    try:
        return unicodedata.lookup(name.strip())
    except KeyError:
        return None
