"""CSL's cite grouping and collapsing, which citeproc-py does not do: a citation's cites joined as the
style's ``<citation>`` says, as pandoc's citeproc joins them.

``collapse="year"`` names an author team once for its several works, "(Emanuele and Chiaramonte,
2018, 2019)"; ``"year-suffix"`` a year once for its several works, "(Smith, 2018a, b)";
``"year-suffix-ranged"`` three letters or more in a row as a range, "(Smith, 2018a–c)";
``"citation-number"`` three numbers or more in a row as a range, "[1–3, 5]".  A ``cite-group-delimiter``
alone groups a team's works without naming them once.  Grouping moves a team's later works up to its
first, but never across a cite with a prefix or a suffix ("see", "emphasis added"): a cite with a
prefix may only begin a group, one with a suffix stays on its own; one with a locator ("p. 3") joins
its group.  The delimiters are the style's (``cite-group-delimiter``, default ", ";
``year-suffix-delimiter``, default the cite-group one, else the layout's; ``after-collapse-delimiter``,
default the layout's), as citeproc uses them.
"""

from __future__ import annotations

from dataclasses import dataclass

EN_DASH = "\u2013"


@dataclass
class Cite:
    """One cite of a citation as it is printed: ``text`` whole (prefix, names, year, locator, suffix),
    and for grouping its ``names`` (the team, "" for none: it is grouped with no other) and ``dated``,
    what follows the names ("2018, p. 3"); ``year`` and ``letter`` its year and year suffix ("2018",
    "a"); ``number`` its citation number (0: none shown alone)."""

    text: str
    prefix: bool = False
    suffix: bool = False
    locator: bool = False
    names: object = ""
    dated: str = ""
    year: str = ""
    letter: str = ""
    number: int = 0


@dataclass(frozen=True)
class Collapsing:
    """A style's ``<citation>`` options for grouping and collapsing, and its layout's delimiter."""

    collapse: str | None = None
    delimiter: str = "; "
    cite_group: str | None = None  # (None: no grouping)
    year_suffix: str = ", "
    after_collapse: str = "; "

    @classmethod
    def of(cls, attrs: dict, delimiter: str) -> Collapsing:
        """The options written on a ``<citation>`` (its attributes ``attrs``) whose layout's delimiter is
        ``delimiter``, with CSL's defaults as citeproc reads them."""
        collapse = attrs.get("collapse")
        if collapse not in ("year", "year-suffix", "year-suffix-ranged", "citation-number"):
            collapse = None
        if (
            collapse in ("year-suffix", "year-suffix-ranged")
            and attrs.get("disambiguate-add-year-suffix") != "true"
        ):
            collapse = "year"  # (CSL: with no year suffixes, year-suffix collapsing is "year")
        group = attrs.get("cite-group-delimiter")
        return cls(
            collapse,
            delimiter,
            group if group is not None else (", " if collapse else None),
            attrs.get("year-suffix-delimiter", group if group is not None else delimiter),
            attrs.get("after-collapse-delimiter", delimiter),
        )


def joined(cites: list[Cite], how: Collapsing) -> str:
    """The cites of one citation (in their sorted order) joined, grouped and collapsed as ``how`` says."""
    if how.collapse == "citation-number":
        return _numbers(cites, how)
    if how.cite_group is None:
        return how.delimiter.join(c.text for c in cites)
    out = ""
    groups = _groups(cites)
    for n, group in enumerate(groups):
        out += _group_text(group, how)
        if n < len(groups) - 1:  # (citeproc's: after a lone cite the layout's, unless collapse="year")
            alone = len(group) == 1 and how.collapse != "year"
            out += how.delimiter if alone or not how.collapse else how.after_collapse
    return out


def _groups(cites: list[Cite]) -> list[list[Cite]]:
    """The cites in groups of one team each (citeproc's ``groupWith``): a team's later cites move up to
    its first, not across a cite with a prefix or a suffix."""
    groups = []
    rest = list(cites)
    while rest:
        first = rest.pop(0)
        if first.suffix or not first.names:
            groups.append([first])
            continue
        free = 0  # (the cites up to the next with a prefix or a suffix may join)
        while free < len(rest) and not rest[free].prefix and not rest[free].suffix:
            free += 1
        same = [c for c in rest[:free] if c.names == first.names]
        groups.append([first, *same])
        rest = [c for c in rest[:free] if c.names != first.names] + rest[free:]
    return groups


def _group_text(group: list[Cite], how: Collapsing) -> str:
    """One team's cites as printed."""
    if len(group) == 1:
        return group[0].text
    if not how.collapse:  # (grouped only: each cite whole)
        return str(how.cite_group).join(c.text for c in group)
    parts = [group[0].text, *(c.dated for c in group[1:])]
    runs = _year_runs(group, how) if how.collapse != "year" else [[k] for k in range(len(group))]
    merged = len(runs) < len(group)
    pieces = [_year_run_text(run, group, parts, how) for run in runs]
    located = how.collapse == "year" and any(c.locator for c in group)
    inner = str(how.cite_group) if not merged and not located else how.after_collapse
    return inner.join(pieces)


def _year_runs(group: list[Cite], how: Collapsing) -> list[list[int]]:
    """The group's cites (by index) in runs of one year with year suffixes ("2018a", "b"); a cite with a
    locator or a suffix is a run of its own (its words would be lost)."""
    runs: list[list[int]] = []
    for k, cite in enumerate(group):
        last = group[runs[-1][-1]] if runs else None
        joins = (
            last is not None
            and cite.letter
            and last.letter
            and cite.year == last.year
            and not (cite.locator or cite.suffix or last.locator or last.suffix)
        )
        if joins:
            runs[-1].append(k)
        else:
            runs.append([k])
    return runs


def _year_run_text(run: list[int], group: list[Cite], parts: list[str], how: Collapsing) -> str:
    """A run of one year's works: the first as printed, then the others' year suffixes ("2018a, b");
    for ``year-suffix-ranged`` three letters or more in a row as a range ("2018a–c")."""
    letters = [group[k].letter for k in run]
    pieces = [parts[run[0]], *letters[1:]]
    if how.collapse != "year-suffix-ranged" or len(run) < 3:
        return how.year_suffix.join(pieces)
    out: list[str] = []
    k = 0
    while k < len(letters):
        end = k
        while (
            end + 1 < len(letters)
            and ord(letters[end + 1]) == ord(letters[end]) + 1
            and len(letters[end]) == 1
        ):
            end += 1
        out.append(
            pieces[k] + EN_DASH + letters[end] if end - k >= 2 else how.year_suffix.join(pieces[k : end + 1])
        )
        k = end + 1
    return how.year_suffix.join(out)


def _numbers(cites: list[Cite], how: Collapsing) -> str:
    """Citation numbers three or more in a row as a range ("1–3"), others joined by the layout's
    delimiter; after a range, the ``after-collapse-delimiter``."""
    out = ""
    k = 0
    while k < len(cites):
        end = k
        while end + 1 < len(cites) and _next_number(cites[end], cites[end + 1]):
            end += 1
        if end - k >= 2:
            out += cites[k].text + EN_DASH + cites[end].text
            k = end + 1
            if k < len(cites):
                out += how.after_collapse
            continue
        out += cites[k].text
        k += 1
        if k < len(cites):
            out += how.delimiter
    return out


def _next_number(a: Cite, b: Cite) -> bool:
    """Whether ``b`` is the number after ``a``'s, both printed as their number alone."""
    return bool(a.number and b.number == a.number + 1) and not (b.prefix or a.suffix)
