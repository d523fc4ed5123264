"""Review 20 e, problem 5: a short listing (a directory tree) under its lead-in line, followed by a
callout the slide has no room for, stays whole on the first slide and the callout goes on to the
"(cont.)" slide; evening the parts out used to cut the tree in two. A listing longer than a slide
still continues over slides."""

from __future__ import annotations

import pytest
from pptx import Presentation

from .conftest import deck_titles, run_cli, write_md

TREE = """\
```
my_project/
├── data/
│   ├── raw/        # raw data
│   └── processed/  # cleaned data
├── scripts/
│   └── analysis.R
│   └── clean_data.R
├── outputs/
│   ├── figures/
│   └── tables/
└── my_project.Rproj
```
"""

CALLOUT = """\
::: {.callout-tip title="Script to download"}
You can download and run the following script to create the basic structure of an R project automatically:

[init_project.R](init_project.R)

**Important:** run this script from the project's folder (or after opening the `.Rproj` in RStudio), so
that the folders are created in the right place.
:::
"""

LONG = "```python\n" + "\n".join(f"x{i} = compute({i})  # step {i}" for i in range(40)) + "\n```\n"


def _deck(tmp_path, lead: str, template: str):
    text = (
        "---\ntitle: Split demo\nformat: revealjs\n---\n\n"
        f"## Project layout\n\n{lead}\n\n{TREE}\n{CALLOUT}\n"
        f"## Long listing\n\nAll the steps:\n\n{LONG}\n{CALLOUT}"
    )
    src = write_md(tmp_path, text, "lecture.qmd")
    result = run_cli("slides", src, "-o", tmp_path / "out", "--template", template)
    assert result.exit_code == 0, result.stderr
    return Presentation(str(tmp_path / "out" / "lecture.pptx"))


def _texts(slide) -> list[str]:
    return [sh.text_frame.text for sh in slide.shapes if sh.has_text_frame]


@pytest.mark.parametrize("template", ["default", "classic"])
@pytest.mark.parametrize("lead", ["Recommended structure:", "### The folders"])
def test_short_listing_stays_whole_and_the_callout_continues(tmp_path, lead, template):
    prs = _deck(tmp_path, lead, template)
    titles = deck_titles(prs)
    first = titles.index("Project layout")
    assert titles[first + 1] == "Project layout (cont.)", titles
    slides = list(prs.slides)
    tree = TREE.strip().split("\n")[1:-1]
    here = "\n".join(_texts(slides[first]))
    assert all(line in here for line in tree), here  # every line of the tree on the first slide
    assert lead.lstrip("# ") in here  # with the line that introduces it
    assert "Script to download" not in here
    cont = "\n".join(_texts(slides[first + 1]))
    assert "Script to download" in cont and "right place" in cont, cont
    assert not any(line in cont for line in tree), cont  # no "(cont.)" of the tree

    # a listing longer than a slide still continues over "(cont.)" slides, every line once
    start = titles.index("Long listing")
    parts = [i for i, t in enumerate(titles) if t.startswith("Long listing")]
    assert len(parts) >= 2 and parts[0] == start, titles
    code = "\n".join("\n".join(_texts(slides[i])) for i in parts)
    for i in range(40):
        assert code.count(f"x{i} = compute({i})") == 1, i
    assert "Script to download" in "\n".join(_texts(slides[parts[-1]]))


def test_callout_a_slide_holds_is_not_cut_on_a_slide_with_a_picture(tmp_path):
    from PIL import Image

    Image.new("RGB", (800, 300), "red").save(tmp_path / "pic.png")
    text = (
        "---\ntitle: Split demo\nformat: revealjs\n---\n\n"
        f"## Project layout\n\n![A picture](pic.png)\n\nRecommended structure:\n\n{TREE}\n{CALLOUT}"
    )
    src = write_md(tmp_path, text, "lecture.qmd")
    result = run_cli("slides", src, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.stderr
    prs = Presentation(str(tmp_path / "out" / "lecture.pptx"))
    with_callout = [s for s in prs.slides if any("Script to download" in t for t in _texts(s))]
    assert len(with_callout) == 1
    words = "\n".join(_texts(with_callout[0]))
    assert "right place" in words and "init_project.R" in words, words  # the whole callout, on one slide
    later = list(prs.slides)[list(prs.slides).index(with_callout[0]) + 1 :]
    assert not any("right place" in t for s in later for t in _texts(s))
