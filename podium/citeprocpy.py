"""citeproc-py as Podium uses it: imported only by a lecture with a bibliography (podium.citations).

* :class:`BibFile` reads a BibTeX or biblatex ``.bib`` file one entry at a time with citeproc-py's own
  parser and converter, so one entry it cannot read costs that entry only (with its key and line),
  never the rest of the file.  biblatex's entry types (``@online``, ``@software``, ``@dataset``…),
  which citeproc-py does not know, are read as the nearest CSL type (:data:`TYPES`), and the fields
  citeproc-py drops that a reference list shows (``url``, ``urldate``, biblatex's ``date``,
  ``journaltitle``, ``institution``…) are kept.
* :func:`read_csl_json` reads CSL JSON entries one at a time in the same way.
* :func:`suppress_substituted` makes citeproc-py leave out what a style's ``<substitute>`` already
  printed, as CSL says, so an entry with no author shows its title once.
"""

from __future__ import annotations

import io
import re
import warnings
from dataclasses import dataclass
from functools import cache

from citeproc import types as csl
from citeproc.model import Choose, ConditionFailed, Names, Substitute, Text
from citeproc.source import BibliographySource, Date, DateRange, LiteralDate, Reference, VariableError
from citeproc.source.bibtex import BibTeX
from citeproc.source.bibtex.bibparse import BibTeXParser
from citeproc.source.bibtex.latex import parse_latex
from citeproc.source.bibtex.latex.macro import Macro, NewCommand
from citeproc.source.json import CiteProcJSON

# BibTeX's and biblatex's entry types as the nearest CSL types (much as pandoc reads them); any other
# type is a "document"
TYPES = {
    **BibTeX.types,  # article, book, … as citeproc-py reads them
    "online": csl.WEBPAGE,
    "www": csl.WEBPAGE,
    "electronic": csl.WEBPAGE,
    "software": "software",  # (CSL 1.0.2 types, which citeproc-py's list predates)
    "dataset": "dataset",
    "data": "dataset",
    "standard": "standard",
    "periodical": "periodical",
    "collection": csl.BOOK,
    "mvcollection": csl.BOOK,
    "mvbook": csl.BOOK,
    "mvproceedings": csl.BOOK,
    "reference": csl.BOOK,
    "mvreference": csl.BOOK,
    "commentary": csl.BOOK,
    "bookinbook": csl.CHAPTER,
    "suppbook": csl.CHAPTER,
    "suppcollection": csl.CHAPTER,
    "inreference": csl.ENTRY_ENCYCLOPEDIA,
    "suppperiodical": csl.ARTICLE_JOURNAL,
    "newsarticle": csl.ARTICLE_NEWSPAPER,
    "patent": csl.PATENT,
    "artwork": csl.GRAPHIC,
    "image": csl.GRAPHIC,
    "audio": csl.SONG,
    "music": csl.SONG,
    "video": csl.MOTION_PICTURE,
    "movie": csl.MOTION_PICTURE,
    "letter": csl.PERSONAL_COMMUNICATION,
    "legislation": csl.LEGISLATION,
    "jurisdiction": csl.LEGAL_CASE,
    "legal": csl.TREATY,
    "review": csl.REVIEW,
    "performance": "performance",
}
OTHER_TYPE = "document"

# an entry's start: @type{ or @type( (BibTeX reads anything outside entries as a comment)
_ENTRY = re.compile(r"@[ \t]*(\w+)[ \t]*[{(][ \t\r\n]*([^,\s{}()]*)")
# what citeproc-py's BibTeX parser raises on a malformed entry: an assert on the punctuation, a
# ValueError at the end of the text, a KeyError for an @string name never defined, a TypeError
# for a number joined with # to a string
_PARSE_ERRORS = (AssertionError, ValueError, KeyError, TypeError)
# what its converter raises on a value it cannot read: braces that do not pair (SyntaxError), LaTeX
# its parser cannot follow (an assert, or RuntimeError: "generator raised StopIteration"), a name
# list or a page range it cannot split (ValueError, IndexError; UnboundLocalError, a NameError, for
# a name of more than three comma-separated parts)
_CONVERT_ERRORS = (
    AssertionError,
    NameError,
    ValueError,
    SyntaxError,
    RuntimeError,
    AttributeError,
    TypeError,
    IndexError,
    KeyError,
)
_URL_MACRO = re.compile(r"^\\url\s*\{(.*)\}$", re.S)
_ISO_DATE = re.compile(r"^(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?$")


@dataclass(frozen=True)
class Unread:
    """An entry of a bibliography file that could not be read: its key (when found), line and why."""

    key: str
    line: int
    reason: str


class _EntryText(io.StringIO):
    """A .bib file's text for citeproc-py's parser, which would wait forever for a character past the
    end of an entry cut short (an unclosed brace): here reading past the end is an error."""

    def read(self, size: int | None = -1, /) -> str:
        text = super().read(size)
        if not text and size != 0:
            raise ValueError("the file ends inside this entry (a brace or quote is not closed)")
        return text


class _Parser(BibTeXParser):
    """citeproc-py's BibTeX parser, run on one entry at a time (:meth:`read_entry`); ``@string``
    names and ``@preamble`` text are shared by the entries after them, as in BibTeX."""

    def __init__(self) -> None:  # (BibTeXParser's reads a whole file at once)
        self.variables: dict[str, str] = {}
        self.preamble = ""

    def read_entry(self, text: _EntryText, start: int) -> tuple[str, str, dict] | None:
        """The entry that begins at ``start`` (its '@') as (type, key, fields); None for a
        ``@string``, ``@preamble`` or ``@comment``.  Raises one of :data:`_PARSE_ERRORS`."""
        text.seek(start)
        return self._parse_entry(text)


class BibFile(BibTeX):
    """The entries of one ``.bib`` file (a citeproc-py source: key → Reference); ``unread`` lists the
    entries that could not be read, which are left out."""

    fields = {
        **BibTeX.fields,
        "journaltitle": "container_title",  # (biblatex's names for BibTeX's fields)
        "location": "publisher_place",
        "type": "genre",
        "version": "version",
        "eventtitle": "event",
    }

    def __init__(self, text: str) -> None:  # (BibTeX's reads a whole file with BibTeXParser at once)
        self.unread: list[Unread] = []
        parser = _Parser()
        read = []
        preamble_line = 0
        source = _EntryText(text + "\n")  # (a last @comment ends at a line's end)
        at = _ENTRY.search(text)
        while at is not None:
            line = text.count("\n", 0, at.start()) + 1
            try:
                entry = parser.read_entry(source, at.start())
            except _PARSE_ERRORS as e:
                kind = at.group(1).lower()
                key = "@" + kind if kind in ("string", "preamble", "comment") else at.group(2).lower()
                self.unread.append(Unread(key, line, _reason(e)))
                at = _ENTRY.search(text, at.end())  # (the next entry after this one's start)
                continue
            if entry is not None:
                read.append((line, *entry))
            elif at.group(1).lower() == "preamble":
                preamble_line = line
            at = _ENTRY.search(text, source.tell())
        # as BibTeX's __init__: the @preamble's \newcommand macros, which the entries may use
        self.preamble_macros: dict = {}
        try:
            parse_latex(
                parser.preamble,
                {
                    "newcommand": NewCommand(self.preamble_macros),
                    "mbox": Macro(1, "{0}"),
                    "cite": Macro(1, "CITE({0})"),
                },
            )
        except _CONVERT_ERRORS as e:
            self.unread.append(Unread("@preamble", preamble_line, _reason(e) + "; its macros are not used"))
        for line, kind, key, values in read:
            try:
                self.add(self.reference(key, kind, values))
            except _CONVERT_ERRORS as e:
                self.unread.append(Unread(key, line, _reason(e)))

    def reference(self, key: str, kind: str, values: dict):
        """One entry as a CSL reference: citeproc-py's conversion of the fields it knows, plus the
        entry type's nearest CSL type (:data:`TYPES`), the address (``url``, or ``howpublished``'s
        ``\\url{…}``), the date it was seen (``urldate``), biblatex's ``date``, and ``institution``,
        ``school`` or ``organization`` as the publisher when there is none."""
        csl_type = TYPES.get(kind, OTHER_TYPE)
        if kind == "article" and str(values.get("entrysubtype", "")).strip() in ("magazine", "newspaper"):
            csl_type = "article-" + str(values["entrysubtype"]).strip()
        own = ("url", "urldate", "date", "howpublished", "institution", "school", "organization")
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # (citeproc-py warns of each field it does not use)
            fields = self._bibtex_to_csl(
                {
                    f: _names_joined(v) if f in ("author", "editor") else v
                    for f, v in values.items()
                    if f not in own
                }
            )
            try:
                issued = self._bibtex_to_csl_date(values) or _date(values.get("date"))
            except (ValueError, AttributeError):  # a year that is no number ("in press"): as written
                year = values.get("year")
                issued = LiteralDate(str(self._parse_string(str(year).strip()))) if year else None
        if issued:
            fields["issued"] = issued
        if csl_type in (csl.REPORT, csl.PATENT, "standard") and "issue" in fields:
            fields["number"] = fields.pop("issue")  # (a report's number, not a journal's issue)
        howpublished = str(values.get("howpublished", "")).strip()
        url = _url(str(values.get("url", ""))) or _url(howpublished)
        if url:
            fields["URL"] = url
        accessed = _date(values.get("urldate"))
        if accessed:
            fields["accessed"] = accessed
        for field in ("institution", "school", "organization", "howpublished"):
            if "publisher" not in fields and values.get(field) and not _url(str(values[field])):
                fields["publisher"] = self._parse_string(str(values[field]).strip())
        return Reference(key, csl_type, **fields)


def _names_joined(names):
    """A list of names with every ``and`` on one line with them: citeproc-py splits a list of names at
    " and " only, and dblp and JabRef write ``Li Lin and`` / ``Joos Vandewalle and`` over lines
    (BibTeX reads any white space as one space)."""
    return re.sub(r"\s+and\s+", " and ", names) if isinstance(names, str) else names


def _url(value: str) -> str:
    """An address as written (``\\url{…}``, braces and spaces around it taken off); "" when ``value``
    is no address."""
    value = value.strip()
    macro = _URL_MACRO.match(value)
    if macro:
        value = macro.group(1).strip()
    value = value.strip("{}").strip()
    return value if re.match(r"^(?:https?|ftp)://\S+$", value) or (macro and value) else ""


def _date(value) -> Date | DateRange | None:
    """biblatex's ISO date (``2020-05-21``, ``2020-05``, ``2020``, or a range ``2019/2020``) as a
    citeproc-py date; None when ``value`` is missing or is no such date."""
    if value is None:
        return None
    dates = []
    for part in str(value).strip().strip("{}").split("/"):
        mt = _ISO_DATE.match(part.strip())
        if mt is None:
            return None
        year, month, day = (int(x) if x else None for x in mt.groups())
        dates.append(Date(**{k: v for k, v in (("year", year), ("month", month), ("day", day)) if v}))
    if len(dates) == 2:
        return DateRange(begin=dates[0], end=dates[1])
    return dates[0] if len(dates) == 1 else None


def _reason(error: Exception) -> str:
    """Why an entry could not be read, in words."""
    if isinstance(error, AssertionError):
        return "its punctuation is not BibTeX's (a missing comma, brace or '=')"
    if isinstance(error, KeyError):
        return f"it uses @string name {error} which is not defined"
    return f"{type(error).__name__}: {error}"


def read_csl_json(entries: list) -> tuple[BibliographySource, list[Unread]]:
    """CSL JSON entries (a list of dicts with ``id`` and ``type``) as one citeproc-py source, and the
    entries that could not be read (their line is their place in the list, from 1)."""
    source = BibliographySource()
    unread = []
    for n, entry in enumerate(entries, 1):
        key = str(entry.get("id", "")) if isinstance(entry, dict) else ""
        if not key or not isinstance(entry.get("type"), str):
            unread.append(Unread(key.lower(), n, "it has no 'id' or no 'type'"))
            continue
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                source.update(CiteProcJSON([entry]))
        except (ValueError, TypeError, AttributeError, KeyError) as e:
            unread.append(Unread(key.lower(), n, f"{type(e).__name__}: {e}"))
    return source, unread


@cache
def suppress_substituted() -> None:
    """Make citeproc-py leave out, in the rest of an entry, the variables a ``<substitute>`` printed
    in place of a missing name (CSL 1.0: "substituted variables are suppressed in the rest of the
    output").  citeproc-py only remembers a substitute that is itself a ``<text variable=…>``; styles
    substitute a macro or a ``<choose>`` (Harvard's and APA's title when there is no author), so an
    entry with no author printed its title twice; and it never left out names (``<names>``) a
    substitute printed, so an edited book listed its editors twice.  Done once, on citeproc-py's classes."""

    def render(self, item, context=None, **kwargs):
        """citeproc-py's Substitute.render, remembering all that the substitute printed."""
        for child in self.getchildren():
            try:
                if isinstance(child, Names) and child.name is None:
                    names = self.xpath_search("./parent::cs:names[1]")[0]
                    text = child.render(item, names_context=names, context=context, **kwargs)
                else:
                    text = child.render(item, context=context, **kwargs)
            except VariableError:
                continue
            if text:
                repressed = context.get_layout().repressed
                for tag, variable in _printed_variables(child, item, context):
                    repressed.setdefault(tag, []).append(variable)
                return text
        return None

    names_process = Names.process

    def process(self, item, names_context=None, context=None, **kwargs):
        """citeproc-py's Names.process, printing nothing for names a substitute printed already (an
        edited book's editors, in the author's place, were printed again as "Edited by …")."""
        layout = (context if context is not None else self).get_layout()
        repressed = getattr(layout, "repressed", None) or {}
        roles = (self.get("variable") or "").split()
        kept = [r for r in roles if r not in repressed.get(self.tag, ())]
        if len(kept) == len(roles):
            return names_process(self, item, names_context=names_context, context=context, **kwargs)
        if not kept:
            return None
        self.set("variable", " ".join(kept))  # ("editor translator": the translators only)
        try:
            return names_process(self, item, names_context=names_context, context=context, **kwargs)
        finally:
            self.set("variable", " ".join(roles))

    Substitute.render = render
    Names.process = process


def _printed_variables(element, item, context) -> list[tuple[str, str]]:
    """The (tag, variable) pairs of the ``<text variable=…>`` and ``<names variable=…>`` elements
    ``element`` prints for ``item``: through macros, and only the branch of a ``<choose>`` taken."""
    found = []
    if element.get("variable") is not None:
        found += [(element.tag, v) for v in element.get("variable").split()]
    if isinstance(element, Text) and element.get("macro") is not None:
        return found + _printed_variables(element.get_macro(element.get("macro")), item, context)
    if isinstance(element, Choose):
        for branch in element.getchildren():
            try:
                branch.render(item, context=context)  # (raises ConditionFailed for a branch not taken)
            except ConditionFailed:
                continue
            except VariableError:
                pass
            return found + [
                p for child in branch.getchildren() for p in _printed_variables(child, item, context)
            ]
        return found
    for child in element.getchildren():
        found += _printed_variables(child, item, context)
    return found
