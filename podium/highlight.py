"""Code highlighting, set up once for both outputs: the same lexer choice and the same colours.

The deck colours each token's run from :func:`style`; the handout lets Pygments' HTML formatter
write the same style inline.  A language Pygments does not know is shown as plain text.
Pygments is imported by the first code block drawn: a lecture without code never loads it.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

STYLE = "friendly"  # Pygments' style for code in the deck and the handout


def lexer_for(language: str) -> Any:
    """Return the Pygments lexer for ``language`` (plain text when it is empty or unknown)."""
    from pygments.lexers import TextLexer, get_lexer_by_name  # noqa: PLC0415 (see the module docstring)
    from pygments.util import ClassNotFound  # noqa: PLC0415 (see the module docstring)

    try:
        return get_lexer_by_name(language) if language else TextLexer()
    except ClassNotFound:
        return TextLexer()


@lru_cache(maxsize=1)
def style() -> Any:
    """Return the Pygments style both outputs colour code with: ``STYLE`` without its red box around
    an error token (code a lecture shows on purpose unfinished, ``x <- "Hello``, is no error to its
    students, and the deck, whose runs have no borders, never drew it)."""
    from pygments.styles import get_style_by_name  # noqa: PLC0415 (see the module docstring)
    from pygments.token import Error  # noqa: PLC0415 (see the module docstring)

    base = get_style_by_name(STYLE)
    return type(base.__name__, (base,), {"styles": {**base.styles, Error: ""}})


def html(code: str, language: str, first_line: int | None = None) -> str:
    """Return ``code`` highlighted as HTML with inline colours (the handout's code blocks), its lines
    numbered from ``first_line`` when that is given (in muted figures, as the deck draws them)."""
    from pygments import highlight  # noqa: PLC0415 (see the module docstring)
    from pygments.formatters import HtmlFormatter  # noqa: PLC0415 (see the module docstring)

    out = highlight(
        code,
        lexer_for(language),
        HtmlFormatter(
            noclasses=True,
            style=style(),
            nobackground=True,
            cssclass="code",
            linenos="inline" if first_line is not None else False,
            linenostart=first_line if first_line is not None else 1,
        ),
    )
    if first_line is None:
        return out
    # each number as the deck draws it: right-aligned, muted, one space before the line (Pygments pads
    # it with CSS pixels instead, which do not scale with the code's type size)
    width = len(str(first_line + code.count("\n")))
    return _LINENO.sub(
        lambda mt: f'<span class="lineno" style="color: {LINE_NUMBER}">{int(mt.group(1)):>{width}} </span>',
        out,
    )


LINE_NUMBER = "#8C959F"  # the colour of code's line numbers in both outputs
_LINENO = re.compile(r'<span style="[^"]*padding-left: 5px; padding-right: 5px;">\s*(-?\d+)</span>')
