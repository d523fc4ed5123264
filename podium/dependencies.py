"""Which of Podium's libraries a Python lacks, said as a setup step rather than as a bug.

A lecturer who runs ``python build.py`` with another Python than the project's virtual environment
(the environment not activated, a second Python on the PATH) meets a ``ModuleNotFoundError`` the
first time Podium imports a library that Python lacks.  That is not Podium's bug and not the
lecture's mistake: :func:`missing_message` names the library as ``pip`` knows it and the command
that installs it.  Standard library only: it is imported when the command line itself could not be.
"""

from __future__ import annotations

import sys

# the top-level module each of pyproject.toml's dependencies is imported as → its name on PyPI
DISTRIBUTIONS = {
    "click": "click",
    "markdown_it": "markdown-it-py",
    "linkify_it": "linkify-it-py",
    "mdit_py_plugins": "mdit-py-plugins",
    "yaml": "PyYAML",
    "jinja2": "Jinja2",
    "pygments": "Pygments",
    "pptx": "python-pptx",
    "xlsxwriter": "XlsxWriter",
    "weasyprint": "weasyprint",
    "pypdf": "pypdf",
    "pypdfium2": "pypdfium2",
    "PIL": "Pillow",
    "cairosvg": "cairosvg",
    "ziamath": "ziamath",
    "lxml": "lxml",
    "latex2mathml": "latex2mathml",
    "citeproc": "citeproc-py",
    "rich": "rich",
    "watchfiles": "watchfiles",
    "fontTools": "fonttools",
    "emoji": "emoji",
}


def missing_message(exc: BaseException) -> str | None:
    """What to tell the user when ``exc`` is one of Podium's libraries missing from this Python, or
    None when it is anything else (a module of Podium's own missing is a broken install: a bug)."""
    if not isinstance(exc, ModuleNotFoundError) or not exc.name:
        return None
    top = exc.name.partition(".")[0]
    if top not in DISTRIBUTIONS:
        return None
    return (
        f"Podium needs the library {DISTRIBUTIONS[top]} (module '{top}'), which this Python "
        f"({sys.executable}) does not have: activate the project's virtual environment "
        "('. .venv/bin/activate', as README.md sets it up) or install Podium into this Python "
        "('pip install -e .' in the project's folder)"
    )
