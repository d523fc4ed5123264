"""Where each file the handout renderer fetches was asked for: the source line of its picture.

WeasyPrint fetches pictures and stylesheets by URL and reports what it cannot load without saying
where in the lecture it came from.  This maps every URL the handout's HTML can fetch back to the line
that asked for it: a picture to its line in the lecture, the theme's logo to ``theme.yaml``, a
``url(…)`` in a template's stylesheet to its line in that ``.css`` file.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from urllib.parse import unquote, urljoin

from .. import model as m
from ..template_folders import Template

_URL = re.compile(r"""url\(\s*['"]?([^'")\s]+)""")


def shown(path: Path | str) -> str:
    """A file's name as messages show it: relative to the current folder when inside it."""
    rel = os.path.relpath(path)
    return str(path) if rel.startswith("..") else rel


def fetch_positions(lecture: m.Lecture | None, template: Template | None) -> dict[str, m.SourcePos]:
    """Return {URL: where it was asked for} for the pictures, logo and stylesheets of a handout."""
    out: dict[str, m.SourcePos] = {}
    if template is not None:
        for folder in template.handout_dirs:
            for css in sorted(folder.glob("*.css")):
                out.setdefault(css.as_uri(), m.SourcePos(shown(css), 1))
                try:
                    text = css.read_text(encoding="utf-8", errors="replace")
                except OSError:
                    continue
                for n, line in enumerate(text.splitlines(), start=1):
                    for url in _URL.findall(line):
                        out.setdefault(unquote(urljoin(css.as_uri(), url)), m.SourcePos(shown(css), n))
        logo = template.asset(template.theme.logo)
        if logo is not None:
            out.setdefault(logo.as_uri(), _theme_line(template, "logo"))
    if lecture is not None:
        for node in m.walk(list(lecture.slides)):
            if isinstance(node, m.Image) and node.path is not None:
                out.setdefault(Path(node.path).as_uri(), node.pos)
    return out


def _theme_line(template: Template, key: str) -> m.SourcePos:
    """The line of ``key:`` in the most specific ``theme.yaml`` that sets it."""
    for folder in template.chain:
        theme = folder / "theme.yaml"
        try:
            lines = theme.read_text(encoding="utf-8", errors="replace").splitlines()
        except OSError:
            continue
        for n, line in enumerate(lines, start=1):
            if line.startswith(f"{key}:"):
                return m.SourcePos(shown(theme), n)
    return m.SourcePos(shown(template.chain[0] / "theme.yaml") if template.chain else "theme.yaml", 1)


def position(positions: dict[str, m.SourcePos], url: str) -> m.SourcePos | None:
    """Where ``url`` was asked for (also when WeasyPrint quotes it %-encoded), or None."""
    return positions.get(url) or positions.get(unquote(url))
