"""Large generated lectures, at a scale: the tests build them small (a small one shows the same thing),
bench/hostile.py builds them at full size and reports the time and memory they take."""

from __future__ import annotations


def torture_lecture(scale: float = 1.0) -> str:
    """Every pathological construct in one lecture, the runs ``scale`` times their full length.

    Nesting always goes as deep as the parser reads (37 quotes or divs, 18 list levels); only the
    lengths of runs, paragraphs and tables scale.  The last slide is titled "After".
    """

    def n(full: int) -> int:
        return max(1, int(full * scale))

    return "---\ntitle: Torture\n---\n\n" + "\n".join(
        [
            "# Deep quote\n\n" + ">" * 37 + " deep\n",
            "# Brackets\n\n" + "[" * n(30_000) + "\n",
            "# Stars\n\n*a _b " + "*a _b " * n(5_000) + "\n",
            "# Long paragraph\n\n" + " ".join(f"word{i}" for i in range(n(15_000))) + "\n",
            "# No spaces\n\n" + "x" * n(100_000) + "\n",
            "# Rows\n\n| a | b |\n|---|---|\n" + "".join(f"| {i} | {i * i} |\n" for i in range(n(300))),
            "# Divs\n\n" + "::: d\n" * 37 + "x\n" + ":::\n" * 37,
            "# Deep list\n\n" + "".join("  " * i + "- level\n" for i in range(18)),
            "# After\n\nthe end\n",
        ]
    )


def many_slides(n: int) -> str:
    """A lecture of ``n`` slides (the title slide and ``n - 1`` "# Slide i" slides with bullets and notes)."""
    return "---\ntitle: Big\n---\n\n" + "".join(
        f"# Slide {i}\n\n- point {i}\n- another point\n\n::: notes\nnote {i}\n:::\n\n" for i in range(1, n)
    )


def plain_slides(n: int) -> str:
    """A lecture of ``n`` "## Slide i" slides of one bullet each, after a title slide."""
    return "---\ntitle: Long\n---\n\n" + "".join(f"## Slide {i}\n\n- point {i}\n\n" for i in range(n))


def long_table(rows: int) -> str:
    return "# Data\n\n| n | square | note |\n|---|---|---|\n" + "".join(
        f"| {i} | {i * i} | row {i} |\n" for i in range(rows)
    )


def wide_table(columns: int) -> str:
    return "# Wide\n\n|" + "h|" * columns + "\n|" + "-|" * columns + "\n|" + "1|" * columns + "\n"


def chart_points(n: int, head: str = "") -> str:
    """A lecture (``head`` first) with one line chart of ``n`` points."""
    cats = ", ".join(str(i) for i in range(n))
    vals = ", ".join(str(i % 89) for i in range(n))
    return head + f"\n## Data\n\n```chart\ntype: line\ncategories: [{cats}]\nseries:\n  a: [{vals}]\n```\n"
