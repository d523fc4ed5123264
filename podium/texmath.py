"""TeX math → MathML (latex2mathml), with the few rewrites that library needs, and a readability test.

The reader calls :func:`readable` once per equation (after expanding the lecture's macros) so
that both outputs make the same decision: math that cannot be read is shown as its TeX source.
The deck turns the MathML into Office math (``podium/deck/omml.py``).
"""

from __future__ import annotations

import re
from functools import lru_cache

_ALIGN_ENVS = re.compile(r"\\(begin|end)\{(aligned|align|alignat|eqnarray|flalign|multline)\*?\}(\{\d+\})?")
_GATHER_ENVS = re.compile(r"\\(begin|end)\{(gather|gathered|equation)\*?\}")
_DROP = re.compile(r"\\(label|nonumber|notag)(\{[^{}]*\})?")


def normalise(tex: str) -> str:
    """Rewrite TeX that latex2mathml reads badly into TeX it reads (same meaning)."""
    tex = _DROP.sub(lambda mt: "" if mt.group(1) != "label" or mt.group(2) else mt.group(0), tex)
    tex = _ALIGN_ENVS.sub(lambda mt: "\\" + mt.group(1) + "{align*}", tex)
    tex = _GATHER_ENVS.sub(lambda mt: "\\" + mt.group(1) + ("{gathered}" if mt.group(2) != "equation" else "{equation}"),
                           tex)
    tex = tex.replace("\\operatorname*", "\\operatorname")
    tex = re.sub(r"\\(displaystyle|textstyle|scriptstyle)\b", "", tex)
    return tex.strip()


@lru_cache(maxsize=1024)
def tex_to_mathml(tex: str, display: bool = False) -> str | None:
    """Return MathML for ``tex``; None when latex2mathml cannot read it or leaves a command unknown."""
    if len(tex) > 4000:
        return None
    try:
        from latex2mathml.converter import convert

        mathml = convert(normalise(tex), display="block" if display else "inline")
    except Exception:  # latex2mathml raises many kinds for TeX it does not read
        return None
    try:
        from lxml import etree

        root = etree.fromstring(mathml.encode())
    except Exception:
        return None
    for el in root.iter():
        text = (el.text or "").strip()
        if isinstance(el.tag, str) and text.startswith("\\") and len(text) > 1:
            return None  # an unknown command, copied through as text
        if isinstance(el.tag, str) and el.tag.endswith("}mi") and text == "&":
            return None
    return mathml


def readable(tex: str) -> bool:
    return bool(tex.strip()) and tex_to_mathml(tex) is not None


def unknown_command(tex: str) -> str | None:
    """Return the first command latex2mathml leaves unknown in ``tex`` (for the warning), if any."""
    try:
        from latex2mathml.converter import convert

        mathml = convert(normalise(tex))
    except Exception:
        return None
    mt = re.search(r">(\\[A-Za-z]+)<", mathml)
    return mt.group(1) if mt else None
