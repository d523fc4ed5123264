"""``podium new SLUG``: start a lecture, ``content/SLUG.md``, with a short sample of every block.

The front matter comes from ``content/course.yaml`` (course, lecturer, language, template), the
title from the slug.  The sample slides show each construct once (sections, bullets, builds,
notes, handout text, a table, a picture, columns, code, a quote, a chart, math, a footnote and a
slides-only block) and build without a single warning, so the lecturer starts from a clean build
and deletes what they do not need.  The picture it shows is written beside the lecture, as
``img/SLUG-example.svg``.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from .diagnostics import BuildError, Diagnostics
from .model import SourcePos
from .reader import read_course

SLUG = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]{0,80}$")

EXAMPLE_SVG = """<svg xmlns="http://www.w3.org/2000/svg" width="800" height="400" viewBox="0 0 800 400">
  <rect x="0" y="0" width="800" height="400" fill="#FFFFFF"/>
  <rect x="40" y="150" width="200" height="100" rx="12" fill="#1F4E79"/>
  <rect x="300" y="150" width="200" height="100" rx="12" fill="#E07A1F"/>
  <rect x="560" y="150" width="200" height="100" rx="12" fill="#1F4E79"/>
  <path d="M240 200 H300 M500 200 H560" stroke="#222222" stroke-width="6"/>
  <g font-family="sans-serif" font-size="30" fill="#FFFFFF" text-anchor="middle">
    <text x="140" y="210">Read</text><text x="400" y="210">Plan</text><text x="660" y="210">Render</text>
  </g>
</svg>
"""

TEMPLATE = """---
title: "{title}"
subtitle: "A new lecture"
author:
  - "{author}"
date: "{date}"
lang: {lang}
slide-level: 2
---

# Getting started

## What this file shows

- Each slide starts with a `##` heading; a `#` heading makes a section slide
- Text can be **bold**, *italic*, `code` or a [link](https://example.org)
    - Indent by four spaces for a sub-point
- Delete the sample slides you do not need

::: notes
Speaker notes go into the deck's notes page and beside the slide in the handout.
:::

::: handout
Explanations for students reading alone appear only in the handout.
:::

## Points that appear one by one

::: incremental
- First point
- Second point
- Third point
:::

. . .

A pause (three dots) shows what follows on the next click.

## A table

| Approach | Strength | Weakness |
|:---------|:---------|:---------|
| Lecture  | Pace     | Passive  |
| Seminar  | Depth    | Time     |

## A picture

![Three steps in a row](img/{slug}-example.svg){{width=70% fig-alt="Three boxes joined by lines: Read, Plan, Render."}}

## Two columns

:::: columns
::: {{.column width="50%"}}
**Before**

- Notes scattered
:::
::: {{.column width="50%"}}
**After**

- One source file
:::
::::

# Examples

## Code

```python
def greet(name):
    return f"Hello, {{name}}!"
```

## A quote

> The best way to learn something is to teach it.
>
> — A proverb

## A chart

```chart
type: column
title: Students per week
categories: [Week 1, Week 2, Week 3]
series:
  - name: Students
    values: [42, 38, 40]
```

## Math and a footnote

The area of a circle is $A = \\pi r^2$.[^area]

[^area]: Footnotes are shown on the slide and in the handout.

## Only on the slides

::: slides
This sentence is on the slide but not in the handout.
:::

::: notes
Use `::: slides` for prompts that only make sense in the room.
:::
"""


def new_lecture(slug: str, diags: Diagnostics, content: Path = Path("content")) -> Path:
    """Write ``content/SLUG.md`` (and its example picture); refuse to overwrite; return its path."""

    if not SLUG.match(slug):
        raise BuildError(
            diags,
            f"'{slug}' is not a usable lecture name: use letters, digits, '-' and '_' (for example week-03)",
            None,
            "bad-name",
        )
    target = content / f"{slug}.md"
    if target.exists():
        raise BuildError(
            diags,
            f"{target} already exists; choose another name or remove the file first",
            SourcePos(str(target), 1),
            "lecture-exists",
        )
    course = read_course(content, diags) if content.is_dir() else {}
    diags.raise_if_errors()
    author = course.get("lecturer") or course.get("author") or "Your Name"
    if isinstance(author, list):
        author = author[0] if author else "Your Name"
    lang = str(course.get("lang") or "en")
    title = re.sub(r"[-_]+", " ", slug).strip().capitalize()
    text = TEMPLATE.format(
        title=title.replace('"', "'"),
        author=str(author).replace('"', "'"),
        date=dt.date.today().isoformat(),
        lang=lang,
        slug=slug,
    )
    try:
        (content / "img").mkdir(parents=True, exist_ok=True)
        picture = content / "img" / f"{slug}-example.svg"
        if not picture.exists():
            picture.write_text(EXAMPLE_SVG, encoding="utf-8")
        with open(target, "x", encoding="utf-8") as f:
            f.write(text)
    except OSError as e:
        raise BuildError(diags, f"cannot write {target}: {e.strerror or e}", None, "cannot-write") from None
    return target
