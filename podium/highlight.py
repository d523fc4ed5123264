"""Code highlighting, set up once for both outputs: the same lexer choice and the same colours.

The deck colours each token's run from :func:`style`; the handout lets Pygments' HTML formatter
write the same style inline.  A language Pygments does not know is shown as plain text.
Pygments is imported by the first code block drawn: a lecture without code never loads it.
"""

from __future__ import annotations

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
    """Return the Pygments style both outputs colour code with."""
    from pygments.styles import get_style_by_name  # noqa: PLC0415 (see the module docstring)

    return get_style_by_name(STYLE)


def html(code: str, language: str) -> str:
    """Return ``code`` highlighted as HTML with inline colours (the handout's code blocks)."""
    from pygments import highlight  # noqa: PLC0415 (see the module docstring)
    from pygments.formatters import HtmlFormatter  # noqa: PLC0415 (see the module docstring)

    return highlight(
        code,
        lexer_for(language),
        HtmlFormatter(noclasses=True, style=STYLE, nobackground=True, cssclass="code"),
    )
