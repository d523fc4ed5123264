"""A generated stress lecture: the slides that overflow a naive deck writer.

25 long bullets; 40 lines of code; a 30-row table; three columns of 12 bullets; six pictures on
one slide; a three-level list with long words; a Japanese slide of 1,200 characters; a slide of
only a quote; one column of bullets beside a column holding a picture; and the cases nothing can
fit (a word wider than the slide, a picture of ratio 1:20).
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image

WORDS = (
    "security",
    "development",
    "protection",
    "empowerment",
    "resilience",
    "governance",
    "community",
    "livelihood",
    "vulnerability",
    "institution",
    "sovereignty",
    "cooperation",
)


def _picture(path: Path, w: int, h: int, colour: tuple[int, int, int]) -> None:
    Image.new("RGB", (w, h), colour).save(path)


def write_stress(folder: Path, *, impossible: bool = False) -> Path:
    """Write the stress lecture (and its pictures) into ``folder``; return the Markdown file."""
    folder.mkdir(parents=True, exist_ok=True)
    for k in range(6):
        _picture(folder / f"pic{k}.png", 800, 600, (40 * k, 90, 200 - 30 * k))
    _picture(folder / "tall.png", 600, 900, (30, 120, 60))
    _picture(folder / "thin.png", 2000, 100, (200, 30, 30))
    bullets = "\n".join(
        f"- Bullet {i + 1}: " + " ".join(WORDS[(i + j) % len(WORDS)] for j in range(14)) for i in range(25)
    )
    code = "\n".join(
        f"    total_{i} = compute_value(data[{i}], weight={i * 0.5}, label='row {i}')  # step {i}"
        for i in range(40)
    )
    rows = "\n".join(
        f"| {i} | {WORDS[i % 12]} | {WORDS[(i + 3) % 12]} and {WORDS[(i + 5) % 12]} | {i * 7} |"
        for i in range(1, 31)
    )
    col = "\n".join(f"- Point {i}: {WORDS[i % 12]} {WORDS[(i + 1) % 12]}" for i in range(1, 13))
    pics = "\n\n".join(f"![Picture {k}](pic{k}.png)" for k in range(6))
    levels = "\n".join(
        f"- Supercalifragilisticexpialidocious{i} internationalisation\n"
        f"  - Counterrevolutionaries{i} institutionalisation deinstitutionalisation\n"
        f"    - Electroencephalographically{i} incomprehensibilities uncharacteristically"
        for i in range(6)
    )
    japanese = (
        "人間の安全保障は、国家の安全だけでなく一人ひとりの人間の生存と生活と尊厳を守ることを目指す考え方である。"
        * 30
    )[:1200]
    text = f"""---
title: Stress lecture
lang: en
---

# Overflow

## Twenty-five long bullets

{bullets}

::: notes
These notes belong to the first part only.
:::

## Forty lines of code

```python
{code}
```

## A thirty-row table

| No. | Theme | Details | Value |
|---|---|---|---|
{rows}

## Three columns of twelve bullets

:::: columns
::: column
{col}
:::
::: column
{col}
:::
::: column
{col}
:::
::::

## Six pictures

{pics}

## Three levels of long words

{levels}

## 日本語のスライド

{japanese}

##

> The only quote on this slide, long enough to wrap over a few lines when it is set large on the slide
> as a quotation should be.
>
> — Somebody, somewhere

## Bullets beside a picture

:::: columns
::: column
- The first point about this picture
- A second point that is rather longer and wraps
- A third point
- And a fourth
:::
::: column
![A tall picture](tall.png)
:::
::::

## Incremental overflow {{.incremental}}

{bullets}

## Three tabs of text

::: {{.panel-tabset}}

### Matplotlib

- Low level, very flexible
- `plt.plot(x, y)`

### Seaborn

- Statistical plots
- `sns.histplot(df, x="flipper")`

### Plotly

- Interactive
- `px.scatter(df, x="a", y="b")`

:::
"""
    if impossible:
        text += """
## Nothing helps

Pneumonoultramicroscopicsilicovolcanoconiosispneumonoultramicroscopicsilicovolcanoconiosispneumonoultramicroscopicsilicovolcanoconiosis

![A thin picture](thin.png)
"""
    p = folder / "stress.md"
    p.write_text(text, encoding="utf-8")
    return p


LONG_TITLE = (
    "Three traditions of social capital: from Bourdieu's field theory via Coleman's rational choice "
    "to Putnam's civic communitarianism"
)


def write_pictures(folder: Path) -> Path:
    """Write a lecture of pictures and equations that share slides with text (and its pictures) into
    ``folder``: a wide picture in a narrow column, a grid under a list, a picture under a long list,
    a picture and a chart sharing what text leaves, a picture column beside a long list under a
    paragraph, tall display math, and a title too long for its box; return the Markdown file."""
    folder.mkdir(parents=True, exist_ok=True)
    for k in range(6):
        _picture(folder / f"pic{k}.png", 800, 600, (40 * k, 90, 200 - 30 * k))
    _picture(folder / "wide.png", 1600, 400, (20, 130, 30))
    _picture(folder / "tall.png", 600, 900, (30, 120, 60))
    items = "\n".join(
        f"- Point {i}: " + " ".join(WORDS[(i + j) % len(WORDS)] for j in range(7)) for i in range(1, 10)
    )
    grid = "\n".join(f"![Grid picture {k}](pic{k}.png)" for k in range(6))
    text = f"""---
title: Pictures sharing slides
---

## A wide picture in a narrow column

:::: columns
::: {{.column width="70%"}}
{items}
:::
::: {{.column width="30%"}}
![The wide picture](wide.png)
:::
::::

## A grid under a list

- One
- Two
- Three
- Four

{grid}

## A picture under a long list

{items}

![The picture under the list](pic0.png)

## A picture and a chart

- Less text
- Than before

![The picture beside a chart](pic1.png)

```chart
type: column
categories: [A, B, C]
series:
  - name: S
    values: [1, 2, 3]
```

## A picture column beside a long list

A paragraph above the columns, long enough to take a line or two of the slide before them.

:::: columns
::: column
{items}
:::
::: column
![The picture in its column](tall.png)
:::
::::

## Tall equations

- A matrix and a tower of fractions:

$$
R = \\begin{{pmatrix}} \\cos\\theta & -\\sin\\theta & 0 \\\\ \\sin\\theta & \\cos\\theta & 0 \\\\ 0 & 0 & 1 \\\\ a & b & c \\end{{pmatrix}}
$$

$$
\\frac{{\\frac{{a + b}}{{c + d}}}}{{\\frac{{e}}{{\\frac{{f}}{{g + h}}}}}} = \\frac{{1}}{{\\frac{{2}}{{\\frac{{3}}{{4}}}}}}
$$

$$
M = \\begin{{bmatrix}} 1 & 2 \\\\ 3 & 4 \\\\ 5 & 6 \\\\ 7 & 8 \\end{{bmatrix}}
$$

## {LONG_TITLE}

- A title of three lines in a box for two is drawn smaller
"""
    p = folder / "pictures.md"
    p.write_text(text, encoding="utf-8")
    return p
