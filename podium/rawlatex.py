"""pandoc's raw LaTeX (`` `\\alert{x}`{=latex} ``, ```` ```{=latex} ```` blocks) in a lecture written for beamer or
LaTeX, where pandoc passes it into the output: unwrapped before the lecture is read, line for line, so that
its TeX is read as the lecture's other TeX.  For another output (reveal.js, HTML, PowerPoint) pandoc drops it,
and so does the reader (its ``raw-format`` warning)."""

from __future__ import annotations

import re

from . import quarto

# what pandoc's LaTeX writer passes through, and its beamer writer besides (`{=beamer}`)
_LATEX_RAW = frozenset(("latex", "tex"))
_BEAMER_RAW = _LATEX_RAW | {"beamer"}

_RAW_ATTR = re.compile(r"\{=([A-Za-z0-9_+-]+)\}")
_TICKS = re.compile(r"`+")
_FENCE = re.compile(r"^(`{3,}|~{3,})")
_RAW_FENCE = re.compile(r"^([ \t]*)(`{3,}|~{3,})[ \t]*\{=([A-Za-z0-9_+-]+)\}[ \t]*$")


def latex_target(raw_meta: dict, body: str) -> frozenset[str]:
    """The raw formats the lecture's own tool would put into its output where that output is LaTeX: the
    first format its front matter names (Quarto's ``format: beamer``/``pdf``, R Markdown's ``output:
    beamer_presentation``/``pdf_document``); where it names none, pandoc's Markdown whose only raw content
    is LaTeX (``pandoc -t beamer``: nothing there is for another output).  Empty for another output."""
    named = quarto.first_format(raw_meta, "format") or quarto.output_format(raw_meta)
    if named:
        name = named.lower()
        if "beamer" in name:
            return _BEAMER_RAW
        if quarto.base_format(name) in ("latex", "pdf") or re.search(r"pdf_|latex", name):
            return _LATEX_RAW
        return frozenset()
    if "{=" not in body:
        return frozenset()
    given = {mt.group(1).lower() for mt in _RAW_ATTR.finditer(body)}
    return _BEAMER_RAW if given and given <= _BEAMER_RAW else frozenset()


def unwrap_raw_latex(body: str, formats: frozenset[str]) -> str | None:
    """``body`` with its raw content for ``formats`` (:func:`latex_target`) as the TeX it holds: a raw
    block's fences blanked and its lines set at the fence's indent without their comments (a drawing's indented lines are not
    Markdown's code), a raw inline's backticks and attribute taken off; every line where it was.  Code
    blocks, and raw content for other formats, are left alone.  None when nothing changed."""
    if not formats or "{=" not in body:
        return None
    lines = body.split("\n")
    changed = False
    fence = ""  # the fence of the code block the line is in
    raw = False  # that block is raw content for formats
    indent = ""
    for k, line in enumerate(lines):
        stripped = line.strip()
        if fence:
            if stripped.startswith(fence) and stripped.strip(fence[0]) == "":
                fence = ""
                if raw:
                    lines[k] = ""
            elif raw:  # (TeX's comments never print: left out, as a `%` line would read as a paragraph)
                tex = _uncommented(stripped)
                lines[k] = indent + tex if tex else ""
            continue
        opening = _FENCE.match(stripped)
        if opening is not None:
            fence = opening.group(1)
            own = _RAW_FENCE.match(line)
            raw = own is not None and own.group(3).lower() in formats
            if raw and own is not None:
                indent, lines[k], changed = own.group(1), "", True
            continue
        if "{=" in line and "`" in line:
            new = _unwrap_inline(line, formats)
            if new != line:
                lines[k], changed = new, True
    return "\n".join(lines) if changed else None


def _unwrap_inline(line: str, formats: frozenset[str]) -> str:
    """``line`` with each code span that a raw attribute for ``formats`` follows (`` `\\x`{=latex} ``) as
    its content; spans pair as CommonMark pairs them (a run of backticks with the next run as long)."""
    out: list[str] = []
    last = k = 0
    while True:
        opener = _TICKS.search(line, k)
        if opener is None:
            break
        slashes = len(line[: opener.start()]) - len(line[: opener.start()].rstrip("\\"))
        if slashes % 2:  # (`\``: a backtick, escaped)
            k = opener.start() + 1
            continue
        n = len(opener.group())
        closer = next((c for c in _TICKS.finditer(line, opener.end()) if len(c.group()) == n), None)
        if closer is None:
            k = opener.end()
            continue
        attr = _RAW_ATTR.match(line, closer.end())
        if attr is not None and attr.group(1).lower() in formats:
            content = line[opener.end() : closer.start()]
            if len(content) > 2 and content[0] == " " and content[-1] == " " and content.strip():
                content = content[1:-1]  # (CommonMark's one space either side of a code span's content)
            out += [line[last : opener.start()], content]
            last = attr.end()
        k = closer.end()
    return "".join(out) + line[last:] if out else line


_COMMENT = re.compile(r"(?<!\\)(?:\\\\)*%")


def _uncommented(line: str) -> str:
    """``line`` of TeX up to its comment (an unescaped ``%``), trailing spaces taken off."""
    found = _COMMENT.search(line) if "%" in line else None
    return line if found is None else line[: found.end() - 1].rstrip()
