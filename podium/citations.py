"""Citations as pandoc's citeproc makes them: ``[@key]``, ``@key``, ``[-@key]``, ``[@a, p. 4; @b]``.

The lecture's ``bibliography:`` (BibTeX ``.bib`` or CSL JSON ``.json``, one file or a list) is read
inside the lecture's folder under the same path policy as pictures; ``csl:`` names a CSL style file
there (default: the Harvard author–date style citeproc-py ships).  citeproc-py formats each citation
as text and the reference list, which the reader puts on a "References" slide at the end, with the
style's terms ("and", "edited by", "n.d.") in the lecture's ``lang:``, as pandoc's citeproc does.
What citeproc-py leaves undone is done here as citeproc does it: a citation's cites sorted as the
style's ``<citation>`` sorts them, one author team's works grouped and collapsed
(:mod:`podium.citegroups`), and works whose citations would read alike told apart by year suffixes
("2018a", "2018b").
"""

from __future__ import annotations

import json
import re
import warnings
from pathlib import Path

from . import model as m
from .citegroups import Cite, Collapsing, joined
from .diagnostics import Diagnostics

# pandoc's citation key: starts with a letter, digit or _, then letters, digits and :.#$%&-+?<>~/
_KEY = r"[\w][\w:.#$%&+?<>~/-]*(?<![:.#$%&+?<>~/-])"
BRACKETED = re.compile(r"\[([^\[\]]*?-?@" + _KEY + r"[^\[\]]*)\]")
IN_TEXT = re.compile(r"(?<![\w@.])@(" + _KEY + ")")
# a bracketed citation, or an in-text one whichever starts first; the in-text one with pandoc's
# locator or suffix, ``@key [p. 75]``: brackets after spaces (at most one line break) that hold
# neither a citation nor a footnote mark, and are followed by no link part
_CITATIONS = re.compile(
    BRACKETED.pattern + r"|(?<![\w@.])@(" + _KEY + r")(?:[ \t]*(?:\n[ \t]*)?\[(?!\^)([^\[\]@]*)\](?![\[(]))?"
)
_CROSS_REF = re.compile(r"^(fig|tbl|sec|eq|thm|lem|cor|prp|cnj|def|exm|exr|lst)-")
# the locator terms pandoc knows (its English ones, and their plurals) → CSL's locator labels
_LABELS = {
    "bk": "book", "bks": "book", "book": "book", "books": "book",
    "chap": "chapter", "chaps": "chapter", "ch": "chapter", "chapter": "chapter", "chapters": "chapter",
    "col": "column", "cols": "column", "column": "column", "columns": "column",
    "fig": "figure", "figs": "figure", "figure": "figure", "figures": "figure",
    "fol": "folio", "fols": "folio", "folio": "folio", "folios": "folio",
    "no": "issue", "nos": "issue", "number": "issue", "numbers": "issue",
    "l": "line", "ll": "line", "line": "line", "lines": "line",
    "n": "note", "nn": "note", "note": "note", "notes": "note",
    "op": "opus", "opp": "opus", "opus": "opus", "opera": "opus",
    "p": "page", "pp": "page", "page": "page", "pages": "page",
    "para": "paragraph", "paras": "paragraph", "paragraph": "paragraph", "paragraphs": "paragraph",
    "¶": "paragraph", "¶¶": "paragraph",
    "pt": "part", "pts": "part", "part": "part", "parts": "part",
    "sec": "section", "secs": "section", "section": "section", "sections": "section",
    "§": "section", "§§": "section",
    "s.v": "sub verbo", "s.vv": "sub verbo", "sub verbo": "sub verbo",
    "v": "verse", "vv": "verse", "verse": "verse", "verses": "verse",
    "vol": "volume", "vols": "volume", "volume": "volume", "volumes": "volume",
}  # fmt: skip
_NUMBER = r"[\dIVXLCDMivxlcdm]+[a-z]?"
_LOCATOR = re.compile(
    r"^(?:(?P<label>s\.\s?vv?\.?|sub verbo|[^\W\d_]+\.?|§§?|¶¶?)\s*)?"
    r"(?P<loc>" + _NUMBER + r"(?:\s*(?:[-–—,&]|and)\s*" + _NUMBER + r")*)(?P<rest>\W.*)?$"
)


def parse_locator(text: str) -> tuple[str, str, str] | None:
    """pandoc's reading of a citation's locator, ``p. 75``, ``pp. 33-35 and passim``, ``chap. 3``,
    ``75``: its CSL label, the locator and what follows it (a suffix); None for text that names
    no locator (it is kept as a suffix)."""
    mt = _LOCATOR.match(text.strip())
    if mt is None:
        return None
    label = mt.group("label")
    if label is None:
        if not mt.group("loc")[0].isdigit():
            return None
        term = "page"
    else:
        term = _LABELS.get(re.sub(r"\s+", " ", label.rstrip(".").lower()), "")
        if not term:
            return None
    return term, mt.group("loc"), (mt.group("rest") or "").strip()


_ITEM = re.compile(r"^\s*(?P<pre>[^@]*?)\s*(?P<minus>-)?@(?P<key>" + _KEY + r")\s*,?\s*(?P<loc>.*?)\s*$")


class Bibliography:
    """The lecture's references and a citation style; formats citations and the reference list."""

    def __init__(self, source, style, keys: set[str], left_out: dict[str, str] | None = None, unread=()):
        """``left_out``: why each entry that could not be read is missing (key → "its entry in
        'refs.bib' at line 8 cannot be read"); ``unread``: the files found that could not be read."""
        from citeproc import CitationStylesBibliography, formatter  # noqa: PLC0415 (citeproc-py: only a lecture with a bibliography loads it)

        from .citeprocpy import suppress_substituted  # noqa: PLC0415 (citeproc-py: only a lecture with a bibliography loads it)

        suppress_substituted()
        self.keys = keys
        self.left_out = {k.lower(): why for k, why in (left_out or {}).items() if k.lower() not in keys}
        self.unread = list(unread)
        self.bib = CitationStylesBibliography(style, source, formatter.plain)
        self.cited: list[str] = []
        self.style_citation = style.root.citation
        layout = self.style_citation.layout
        # (a style whose citations have no brackets of their own, a note style's: in parentheses)
        affixes = (layout.get("prefix", ""), layout.get("suffix", ""))
        self.affixes = affixes if any(affixes) else ("(", ")")
        self.collapsing = Collapsing.of(dict(self.style_citation.attrib), layout.get("delimiter") or "; ")

    def has(self, key: str) -> bool:
        return key.lower() in self.keys

    def missing(self, key: str) -> str:
        """Why ``key`` (not in the bibliography) cannot be cited, to follow "citation '@key' "."""
        if key.lower() in self.left_out:
            return "is left as written: " + self.left_out[key.lower()]
        unread = ", ".join(f"'{f}'" for f in self.unread)
        return (
            "is not in the bibliography"
            + (f" ({unread} cannot be read)" if unread else "")
            + "; left as written"
        )

    def cite(self, items: list[tuple[str, bool, str, str]]) -> str:
        """Format one citation of ``(key, suppress_author, prefix, locator)`` items: sorted as the style's
        ``<citation>`` sorts them, and one author team's works grouped and collapsed as it says
        (:mod:`podium.citegroups`), as pandoc's citeproc does."""
        inner = joined(self._cites(items), self.collapsing)
        return self.affixes[0] + inner + self.affixes[1]

    def _cites(self, items: list[tuple[str, bool, str, str]]) -> list[Cite]:
        """The citation's cites as printed, in the style's order: sorted within each run of cites that
        no prefix begins and no suffix ends (citeproc's rule: the words stay with their cites)."""
        from citeproc import Citation, CitationItem, Locator  # noqa: PLC0415 (citeproc-py: only a lecture with a bibliography loads it)

        parsed = []
        for key, suppress, prefix, locator in items:
            self.cited.append(key.lower())
            located = parse_locator(locator) if locator else None
            suffix = locator
            if located is not None:  # the style writes the locator ("p. 75", "pp. 33–35", "chap. 3")
                label, at, suffix = located
                item = CitationItem(key.lower(), locator=Locator(label, at))
            else:
                item = CitationItem(key.lower())
            parsed.append((item, suppress, prefix, suffix))
        whole = Citation([p[0] for p in parsed])
        self.bib.register(whole)
        runs: list[list] = []
        for p in parsed:
            if runs and not runs[-1][-1][3] and not p[2]:
                runs[-1].append(p)
            else:
                runs.append([p])
        sort = self.style_citation.find("cs:sort", self.style_citation.nsmap)
        ordered = []
        for run in runs:
            if sort is not None and len(run) > 1:
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore")
                    by_item = {id(p[0]): p for p in run}
                    run = [by_item[id(i)] for i in sort.sort([p[0] for p in run], self.style_citation.layout)]
            ordered += run
        return [self._cite(item, suppress, prefix, suffix) for item, suppress, prefix, suffix in ordered]

    def _cite(self, item, suppress: bool, prefix: str, suffix: str) -> Cite:
        """One cite as printed (without the layout's brackets), with what grouping needs to know."""
        from citeproc import Citation  # noqa: PLC0415 (citeproc-py: only a lecture with a bibliography loads it)

        cit = Citation([item])
        self.bib.register(cit)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            text = str(self.bib.cite(cit, lambda item: None)).strip()
        before, after = self.affixes
        if before and after and text.startswith(before) and text.endswith(after):
            text = text[len(before) : len(text) - len(after)]
        ref = self.bib.source[item.key]
        issued = ref.get("issued")
        year = getattr(issued, "year", None) or getattr(getattr(issued, "begin", None), "year", None)
        at = text.find(str(year)) if year and not suppress else -1
        names = text[:at].rstrip(" ,;:") if at > 0 else ""
        dated = text[at:] if names else ""
        if suppress:  # [-@key]: the year only
            shown = re.search(r"\d{4}[a-z]?", text)
            text = shown.group(0) if shown else text
        number = re.fullmatch(r"\W*(\d+)\W*", text)
        located = "locator" in item
        if suffix:  # (a suffix, or what follows a locator)
            joint = " " if located and suffix[0] not in ",;" else ", "
            text = (text + joint + suffix).replace(" ,", ",")
            dated = (dated + joint + suffix).replace(" ,", ",")
        if prefix:
            text = prefix + " " + text
        return Cite(
            text,
            prefix=bool(prefix),
            suffix=bool(suffix),
            locator=located,
            names=(names, _names_of(ref)) if names else "",
            dated=dated,
            year=str(year or ""),
            letter=str(ref.get("year_suffix", "")),
            number=int(number.group(1)) if number and not (located or suffix or prefix) else 0,
        )

    def in_text(self, key: str, locator: str = "") -> str:
        """``@key``: Author (Year); ``@key [p. 75]``: Author (Year, p. 75)."""
        inner = self._cites([(key, False, "", locator)])[0].text
        mt = re.match(r"^(.*?),?\s+(\d{4}[a-z]?.*)$", inner)
        return f"{mt.group(1)} ({mt.group(2)})" if mt else self.affixes[0] + inner + self.affixes[1]

    def disambiguate(self, text: str, nocite=None) -> None:
        """Year suffixes ("2018a", "2018b"), in the reference list's order, for the works cited in
        ``text`` (the lecture) or by ``nocite:`` whose citations would read the same, where the style's
        ``<citation>`` asks for them (``disambiguate-add-year-suffix``), as pandoc's citeproc adds them:
        in the citations and in the reference list."""
        from citeproc import Citation, CitationItem, CitationStylesBibliography, formatter  # noqa: PLC0415 (citeproc-py: only a lecture with a bibliography loads it)

        if self.style_citation.get("disambiguate-add-year-suffix") != "true":
            return
        said = " ".join(nocite) if isinstance(nocite, list) else str(nocite or "")
        keys = [k.lower() for k in IN_TEXT.findall(text + " " + said)]
        if "@*" in said:
            keys += sorted(self.keys)
        probe = CitationStylesBibliography(self.bib.style, self.bib.source, formatter.plain)
        alike: dict[str, list[str]] = {}
        for key in dict.fromkeys(k for k in keys if self.has(k)):
            cit = Citation([CitationItem(key)])
            probe.register(cit)
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                alike.setdefault(str(probe.cite(cit, lambda item: None)).strip(), []).append(key)
        for same in alike.values():
            if len(same) < 2:
                continue
            order = CitationStylesBibliography(self.bib.style, self.bib.source, formatter.plain)
            order.register(Citation([CitationItem(k) for k in same]))
            if self.bib.style.has_bibliography():
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore")
                    order.sort()
            for n, key in enumerate(order.keys):
                self.bib.source[key]["year_suffix"] = _letters(n)

    def include(self, nocite) -> None:
        """pandoc's ``nocite:`` (``"@*"``: every entry; ``"@a, @b"``: those): listed though not cited."""
        from citeproc import Citation, CitationItem  # noqa: PLC0415 (citeproc-py: only a lecture with a bibliography loads it)

        said = " ".join(nocite) if isinstance(nocite, list) else str(nocite or "")
        keys = (
            sorted(self.keys) if "@*" in said else [k.lower() for k in re.findall(r"@(" + _KEY + ")", said)]
        )
        for key in keys:
            if self.has(key) and key not in self.cited:
                self.cited.append(key)
                self.bib.register(Citation([CitationItem(key)]))

    def references(self) -> list[str]:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            self.bib.sort()  # the style's order (author, then year, for author–date styles)
            return [str(entry).strip() for entry in self.bib.bibliography()]


def _names_of(ref) -> tuple:
    """The reference's authors (else editors), to tell apart two teams whose names print the same."""
    names = ref.get("author") or ref.get("editor") or []
    return tuple(tuple(sorted((str(k), str(v)) for k, v in dict(n).items())) for n in names)


def _letters(n: int) -> str:
    """The ``n``-th year suffix (from 0): a, b, …, z, aa, ab, … as citeproc numbers them."""
    return ("" if n < 26 else _letters(n // 26 - 1)) + chr(ord("a") + n % 26)


def _one_line(value):
    """A BibTeX field's words with a line break and the next line's indentation as one space, as BibTeX
    reads them (dblp, Google Scholar and JabRef wrap a long title over lines).  citeproc-py keeps the
    break, which the deck would draw as a new, deeply indented line."""
    if isinstance(value, list) and all(isinstance(x, str) for x in value):  # (a MixedString: {Kept} cases)
        return type(value)([_one_line(x) for x in value])
    if isinstance(value, str) and "\n" in value:
        return type(value)(re.sub(r"\s*\n\s*", " ", value))
    return value


_LANG_TAG = re.compile(r"^[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*$")


def csl_locale(lang: str) -> str | None:
    """The CSL locale of a lecture's ``lang`` (``de`` → ``de``, ``de_at`` → ``de-AT``, ``zh-hant`` →
    ``zh-Hant``), for citeproc-py to look up (a language's own dialect first, then its primary one:
    ``de`` is ``de-DE``); None for what is no language tag."""
    if not _LANG_TAG.match(lang.strip()):
        return None
    first, *rest = lang.strip().replace("_", "-").split("-")
    return "-".join(
        [first.lower()]
        + [p.upper() if len(p) == 2 else p.title() if len(p) == 4 and p.isalpha() else p for p in rest]
    )


def _style_locale(lang: str | None, lang_pos: m.SourcePos | None, diags: Diagnostics) -> str | None:
    """The locale the style is set up in: the lecture's ``lang:`` as a CSL locale, where citeproc-py
    has that language's terms (else a note at ``lang_pos``, and the style's own default locale, or
    en-US); None when the lecture names no language (the style's ``default-locale``, as in pandoc)."""
    from citeproc import LANGUAGE_NAMES, PRIMARY_DIALECTS  # noqa: PLC0415 (citeproc-py: only a lecture with a bibliography loads it)

    if not lang:
        return None
    locale = csl_locale(lang)
    if locale is not None and (locale in LANGUAGE_NAMES or locale.split("-")[0] in PRIMARY_DIALECTS):
        return locale
    if lang_pos is not None:
        diags.note(
            f"citations and references are in English ('and', 'edited by'…): citeproc-py has no "
            f"locale for lang: {lang}",
            lang_pos,
            "bibliography",
        )
    return None


def load_bibliography(
    raw_meta: dict,
    base_dir: str,
    policy,
    pos: m.SourcePos,
    diags: Diagnostics,
    csl_pos: m.SourcePos | None = None,
    lang: str | None = None,
    lang_pos: m.SourcePos | None = None,
) -> Bibliography | None:
    """Read the front matter's ``bibliography:`` (at ``pos``) and ``csl:`` (at ``csl_pos``), the style's
    terms in the lecture's ``lang`` (said at ``lang_pos``; None: the style's default locale); None
    (with a warning) when unusable."""
    files = raw_meta.get("bibliography")
    if not files:
        return None
    if isinstance(files, str):
        files = [files]
    if not isinstance(files, list):
        diags.warning("bibliography: must name a .bib or .json file (or a list of them)", pos, "bibliography")
        return None
    try:
        from citeproc import CitationStylesStyle  # noqa: PLC0415 (citeproc-py: only a lecture with a bibliography loads it)
        from citeproc.source import BibliographySource  # noqa: PLC0415 (citeproc-py: only a lecture with a bibliography loads it)
    except ImportError:  # pragma: no cover - a declared dependency
        diags.warning("citeproc-py is not installed; citations are left as written", pos, "bibliography")
        return None
    source = BibliographySource()
    left_out: dict[str, str] = {}
    unread: list[str] = []
    found = False
    for f in files:
        path = policy.resolve(str(f), base_dir, pos, diags, "bibliography")
        if path is None:
            continue
        found = True
        read = _read_bibliography(str(f), path, pos, diags, left_out)
        if read is None:
            unread.append(str(f))
            continue
        for key, ref in read.items():
            for field, value in list(ref.items()):
                ref[field] = _one_line(value)  # (names are lists of dicts: left as they are)
            source[key] = ref
    if not found:
        return None
    style_name = raw_meta.get("csl")
    locale = _style_locale(lang, lang_pos, diags)
    style = None
    if style_name:
        csl_pos = csl_pos or pos
        style_path = policy.resolve(str(style_name), base_dir, csl_pos, diags, "citation style")
        if style_path is not None:
            try:
                style = CitationStylesStyle(style_path, locale, validate=False)
            except Exception as e:
                diags.warning(
                    f"citation style '{style_name}' cannot be read ({type(e).__name__}); using Harvard",
                    csl_pos,
                    "bibliography",
                )
    if style is None:
        style = CitationStylesStyle("harvard-cite-them-right", locale, validate=False)
    return Bibliography(source, style, {k.lower() for k in source}, left_out, unread)


def _read_bibliography(name: str, path: str, pos: m.SourcePos, diags: Diagnostics, left_out: dict[str, str]):
    """The entries of one bibliography file (BibTeX or biblatex ``.bib``, or CSL JSON ``.json``) as a
    citeproc-py source; None, with a warning, when the file cannot be read at all.  An entry that
    cannot be read is left out with a warning naming its key and line (its key → why, in
    ``left_out``); the file's other entries are read."""
    from .citeprocpy import BibFile, read_csl_json  # noqa: PLC0415 (citeproc-py: only a lecture with a bibliography loads it)

    json_file = path.lower().endswith(".json")
    try:
        text = Path(path).read_text(encoding="utf-8")
        data = json.loads(text) if json_file else None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as e:
        return _unreadable(name, f"{type(e).__name__}: {e}", pos, diags)
    if not json_file:
        read = BibFile(text)
        bad, place = read.unread, "line {}"
    elif isinstance(data, list):
        read, bad = read_csl_json(data)
        place = "entry {} of the list"
    else:
        return _unreadable(name, "it is not a list of CSL JSON entries", pos, diags)
    for entry in bad:
        where = place.format(entry.line)
        diags.warning(
            f"bibliography '{name}': entry {repr(entry.key) if entry.key else 'without a key'} ({where}) "
            f"cannot be read ({entry.reason}); it is left out, the file's other entries are used",
            pos,
            "bibliography",
        )
        if entry.key:
            left_out[entry.key] = f"its entry in '{name}' ({where}) cannot be read"
    return read


def _unreadable(name: str, reason: str, pos: m.SourcePos, diags: Diagnostics) -> None:
    """Warn that bibliography file ``name`` exists but cannot be read, and why."""
    diags.warning(
        f"bibliography '{name}' was found but cannot be read ({reason}); its citations are left as written",
        pos,
        "bibliography",
    )


def cite_text(text: str, bib: Bibliography, warn) -> str:
    """Return ``text`` with its citations formatted; ``warn(key)`` is called for an unknown key.
    What is a citation is pandoc's rule: an ``@`` after a letter, a digit, ``@`` or ``.`` (an e-mail
    address, ``me@uni.edu``) starts none; a key ends before its last punctuation (``@smith04.``);
    Quarto's cross-references (``@fig-x``) are no citations."""
    if "@" not in text:
        return text

    def bracketed(mt: re.Match) -> str:
        items = []
        for part in mt.group(1).split(";"):
            im = _ITEM.match(part)
            if im is None:
                return mt.group(0)
            if not bib.has(im.group("key")):
                warn(im.group("key"))
                return mt.group(0)
            items.append((im.group("key"), bool(im.group("minus")), im.group("pre").strip(), im.group("loc")))
        return bib.cite(items)

    def in_text(mt: re.Match) -> str:
        key = mt.group(2)
        if not bib.has(key):
            if not _CROSS_REF.match(key):
                warn(key)
            return mt.group(0)
        return bib.in_text(key, (mt.group(3) or "").strip())

    return _CITATIONS.sub(lambda mt: bracketed(mt) if mt.group(1) is not None else in_text(mt), text)
