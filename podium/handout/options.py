"""What a handout build can be asked for: layout, slides per page, variant, accessibility.

The words are read from three places, the first that says something wins: the command line
(``--layout``, ``--per-page``, ``--variant``, ``--no-pdf-ua``), the lecture's front matter
(``handout: {layout: grid, per-page: 6}``) and ``course.yaml`` (the same ``handout:`` key).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import Any

from .. import model as m
from ..diagnostics import Diagnostics


class Layout(str, Enum):
    """How the handout lays slides out."""

    NOTES = "notes"  # a twin of each slide beside its speaker notes, handout text below (the default)
    ARTICLE = "article"  # continuous reading text, as beamer's article mode
    GRID = "grid"  # slides only, 1-9 per page at their true aspect (3: ruled lines beside each)
    SCRIPT = "script"  # the speaker's notes in large type with a small twin, for the lectern

    def __str__(self) -> str:
        return self.value


class Variant(str, Enum):
    """Who a build is for: students get blanks for answers and no instructor text."""

    STUDENT = "student"
    INSTRUCTOR = "instructor"

    def __str__(self) -> str:
        return self.value


PER_PAGE = (1, 2, 3, 4, 6, 9)
KEYS = ("layout", "per-page", "variant", "pdf-ua")


@dataclass(frozen=True)
class HandoutOptions:
    layout: Layout = Layout.NOTES
    per_page: int = 6
    variant: Variant = Variant.STUDENT
    pdf_ua: bool = True  # tagged PDF/UA-1; off only when asked


def read_settings(value: Any, pos: m.SourcePos, diags: Diagnostics) -> tuple[tuple[str, str], ...]:
    """Return the valid ``handout:`` settings of front matter or course.yaml as (key, value) pairs.

    A wrong value is a warning at ``pos`` naming what is allowed; the setting is then left out.
    """
    if value is None:
        return ()
    if not isinstance(value, dict):
        diags.warning(
            "'handout:' takes settings such as {layout: grid, per-page: 6}; ignored", pos, "handout-option"
        )
        return ()
    out: list[tuple[str, str]] = []
    for key, v in value.items():
        k = str(key).replace("_", "-").lower()
        if k == "layout":
            if str(v) not in [x.value for x in Layout]:
                diags.warning(
                    f"handout layout '{v}' is unknown; use one of {', '.join(x.value for x in Layout)}",
                    pos,
                    "handout-option",
                )
                continue
            out.append((k, str(v)))
        elif k == "per-page":
            if isinstance(v, bool) or not isinstance(v, int) or v not in PER_PAGE:
                diags.warning(
                    f"handout per-page must be one of {', '.join(map(str, PER_PAGE))}, not {v!r}",
                    pos,
                    "handout-option",
                )
                continue
            out.append((k, str(v)))
        elif k == "variant":
            if str(v) not in [x.value for x in Variant]:
                diags.warning(
                    f"handout variant '{v}' is unknown; use student or instructor", pos, "handout-option"
                )
                continue
            out.append((k, str(v)))
        elif k in ("pdf-ua", "accessible"):
            if not isinstance(v, bool):
                diags.warning(f"handout {key} must be true or false, not {v!r}", pos, "handout-option")
                continue
            out.append(("pdf-ua", "true" if v else "false"))
        else:
            diags.warning(
                f"'handout: {key}' is not a handout setting (settings: {', '.join(KEYS)}); ignored",
                pos,
                "handout-option",
            )
    return tuple(out)


def resolve(
    meta: m.Meta,
    layout: str | None = None,
    per_page: int | None = None,
    variant: str | None = None,
    pdf_ua: bool | None = None,
) -> HandoutOptions:
    """Return the handout options: command-line values first, then the lecture's ``handout:`` settings."""
    settings = dict(getattr(meta, "handout", ()) or ())
    chosen = Layout(layout or settings.get("layout") or Layout.NOTES.value)
    # a script is read at the lectern: the instructor's version unless a student one is asked for
    default_variant = Variant.INSTRUCTOR if chosen == Layout.SCRIPT else Variant.STUDENT
    return HandoutOptions(
        layout=chosen,
        per_page=int(per_page or settings.get("per-page") or 6),
        variant=Variant(variant or settings.get("variant") or default_variant.value),
        pdf_ua=pdf_ua if pdf_ua is not None else settings.get("pdf-ua", "true") == "true",
    )
