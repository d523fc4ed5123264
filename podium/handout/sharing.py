"""When the student and instructor handouts differ only in their cover, and so can share one layout.

A lecture without answers or instructor-only text gives two handouts whose pages are the same but
for the cover (its note, the PDF's title and keywords).  Laying out the whole handout costs most of
a build, so the second variant lays out only its cover and takes every later page from the first
(:func:`podium.handout.pdf.render_pdf`).  This module decides when that is safe, from the
HTML and CSS alone; whatever it cannot prove the same is laid out in full:

* the template marks where the cover ends (``<div id="podium-cover-end">``, ``base.html.j2``);
* the HTML after that mark is the same text in both variants, and so are the head's styles;
* the ``<body>`` tags differ at most in their ``variant-…`` class, and no style rule that mentions a
  variant selects anything outside the cover (a template may mark every page of the instructor's
  copy; then nothing is shared);
* the stylesheets import nothing (an import could say anything).
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote, urlparse

COVER_END = '<div id="podium-cover-end"></div>'
COVER_END_ID = "podium-cover-end"

_STYLES = re.compile(r"<style\b[^>]*>.*?</style>|<link\b[^>]*>", re.S | re.I)
_BODY = re.compile(r"<body\b[^>]*>", re.I)
_VARIANT_CLASS = re.compile(r"\s*\bvariant-[\w-]+")
_HREF = re.compile(r'href="([^"]+)"')
_COMMENT = re.compile(r"/\*.*?\*/", re.S)
_PRELUDE = re.compile(r"([^{};]*)\{")


def layout_key(html: str) -> str | None:
    """What must be the same for two handouts to share the layout of every page after the cover
    (None: this handout shares nothing, see the module docstring)."""
    cut = html.find(COVER_END)
    body = _BODY.search(html)
    if cut < 0 or body is None or body.end() > cut:
        return None
    head = html[: body.start()]
    styles = _STYLES.findall(head)
    if not _variant_rules_stay_on_cover(styles):
        return None
    return "\n".join([*styles, _VARIANT_CLASS.sub("", body.group(0)), html[cut:]])


def cover_only(html: str) -> str:
    """The handout's HTML up to the end of its cover (the mark kept: it shows where the cover ends)."""
    return html[: html.index(COVER_END) + len(COVER_END)] + "\n</body>\n</html>\n"


def _variant_rules_stay_on_cover(styles: list[str]) -> bool:
    for css in _css_texts(styles):
        if css is None or "@import" in css:
            return False
        for prelude in _PRELUDE.findall(_COMMENT.sub("", css)):
            if "variant" in prelude and "cover" not in prelude:
                return False
    return True


def _css_texts(styles: list[str]):
    """The text of each inline style and linked local stylesheet (None for one that cannot be read)."""
    for tag in styles:
        if tag.lower().startswith("<style"):
            yield tag
            continue
        href = _HREF.search(tag)
        if href is None or "stylesheet" not in tag.lower():
            continue
        url = urlparse(href.group(1))
        if url.scheme != "file":
            yield None
            continue
        try:
            yield Path(unquote(url.path)).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            yield None
