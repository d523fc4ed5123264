"""``build.py template inspect`` and ``template new``: look inside a template deck, scaffold a template.

:func:`inspect_deck` lists every layout of a .pptx/.potx with its placeholders and the Podium
slide kinds it would serve, decided by the same code the deck writer uses
(:class:`podium.deck.layouts.LayoutFinder`, :func:`podium.deck.layouts.kind_of_layout`), and warns for
every kind that has no layout of its own.  :func:`new_template` writes ``templates/<name>/``
under the current folder: a commented ``theme.yaml`` that extends ``default``, a small handout
override, and (with ``--from-pptx``) the lecturer's deck with a ``layouts:`` map guessed from
its placeholders.  Python-pptx is reached only through :mod:`podium.deck`.
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
import textwrap
import zipfile
from dataclasses import dataclass
from pathlib import Path

from .deck.layouts import LayoutFinder, guess_layout_map, kind_of_layout
from .deck.plan import FALLBACKS, LAYOUT_NAMES, LayoutKind
from .deck.template_deck import open_template
from .deckcheck import check_package
from .diagnostics import BuildError, Diagnostics
from .model import SourcePos
from .template_folders import DEFAULT, Template, available, deck_of, load_template
from .theme import as_dict

EMU_PER_IN = 914400
DECK_SUFFIXES = (".pptx", ".potx")
THEME_RELTYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme"
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")


def _shown(path: Path) -> str:
    try:
        return os.path.relpath(path)
    except ValueError:  # another drive on Windows
        return str(path)


# --------------------------------------------------------------------------- opening a deck


def _deck_template(path: Path, diags: Diagnostics) -> tuple[Template, Path | None]:
    """Return (a template whose deck is ``path``, the theme.yaml whose layouts map applies, if any).

    The deck of a template folder is read with that folder's theme (its ``layouts:`` map);
    any other file with the default theme.
    """
    theme = path.parent / "theme.yaml"
    if theme.is_file() and path.name.lower() in ("deck.pptx", "deck.potx"):
        t = load_template(str(path.parent.resolve()), diags)
        deck = deck_of(t)
        if deck is not None and deck.resolve() == path.resolve():
            return t, theme
    return load_template(str(path), diags), None


def open_deck(path: Path, diags: Diagnostics):
    """Return (presentation without its sample slides, template, number of sample slides, theme.yaml or None)."""
    shown = _shown(path)
    if not path.exists():
        raise BuildError(diags, f"template deck '{shown}' does not exist", None, "template")
    if path.is_dir() or path.suffix.lower() not in DECK_SUFFIXES:
        raise BuildError(
            diags,
            f"'{shown}' is not a PowerPoint deck: give a .pptx or .potx file",
            SourcePos(shown, 1),
            "bad-template",
        )

    problem = check_package(path)  # before even presentation.xml is inflated
    if problem is not None:
        raise BuildError(diags, problem[0], SourcePos(shown, 1), problem[1])
    samples = _count_slides(path)
    template, theme = _deck_template(path, diags)

    prs = open_template(template, diags)  # BuildError [bad-template] when python-pptx cannot read it
    return prs, template, samples, theme


def _count_slides(path: Path) -> int:
    try:
        with zipfile.ZipFile(path) as z:
            xml = z.read("ppt/presentation.xml").decode("utf-8", "replace")
    except (OSError, KeyError, zipfile.BadZipFile):
        return 0  # open_template reports the corrupt file
    return len(re.findall(r"<p:sldId\b", xml))


# --------------------------------------------------------------------------- which layout serves which kind


@dataclass
class Choice:
    """How the deck writer will find the layout for one slide kind."""

    kind: LayoutKind
    layout: object
    how: str  # "name" | "theme map" | "fallback" | "placeholders"
    via: str = ""  # for a fallback: the kind whose layout is borrowed

    @property
    def layout_name(self) -> str:
        return self.layout.name  # type: ignore[attr-defined]


def choose_layouts(prs, template: Template) -> tuple[list[Choice], list[str]]:
    """Return the layout chosen for every Podium kind and the theme map entries naming no layout."""

    finder = LayoutFinder(prs, template, Diagnostics())
    bad_map = [f"{k}: '{v}'" for k, v in finder.map.items() if finder.named(str(v)) is None]

    def direct(kind: LayoutKind):
        if kind in finder.map and finder.named(str(finder.map[kind])) is not None:
            return finder.named(str(finder.map[kind])), "theme map"
        lay = finder.named(LAYOUT_NAMES[kind])
        return lay, "name"

    out = []
    for kind in LAYOUT_NAMES:
        lay = finder.for_kind(kind)
        got, how = direct(kind)
        if got is not None and got is lay:
            out.append(Choice(kind, lay, how))
            continue
        via = next((alt for alt in FALLBACKS.get(kind, ()) if direct(alt)[0] is lay), "")
        out.append(Choice(kind, lay, "fallback" if via else "placeholders", via))
    return out, bad_map


def _ph_type(ph) -> str:
    t = ph.placeholder_format.type
    return getattr(t, "name", None) or str(t)


def _line_of_key(path: Path, key: str) -> int:
    """Return the line of ``key:`` at the start of a line of ``path`` (1 when there is none)."""
    try:
        for i, line in enumerate(path.read_text(encoding="utf-8").split("\n"), start=1):
            if re.match(rf"^{re.escape(key)}\s*:", line):
                return i
    except (OSError, UnicodeDecodeError):
        pass
    return 1


def _inches(v) -> str:
    return f"{int(v or 0) / EMU_PER_IN:5.2f}"


# --------------------------------------------------------------------------- inspect


def inspect_deck(path: Path, diags: Diagnostics) -> str:
    """Return a report of ``path``'s layouts, placeholders and the Podium kind each serves.

    Warnings (a kind without a layout of its own, a theme map entry naming no layout) go to
    ``diags``; a missing or unreadable deck raises :class:`BuildError`.
    """

    path = Path(path)
    shown = _shown(path)
    prs, template, samples, theme_file = open_deck(path, diags)
    w, h = int(prs.slide_width), int(prs.slide_height)
    ratio = w / h if h else 0
    aspect = (
        "16:9"
        if abs(ratio - 16 / 9) < 0.02
        else "4:3"
        if abs(ratio - 4 / 3) < 0.02
        else "16:10"
        if abs(ratio - 1.6) < 0.02
        else f"{ratio:.2f}:1"
    )
    choices, bad_map = choose_layouts(prs, template)
    serves: dict[int, list[str]] = {}
    for c in choices:
        serves.setdefault(id(c.layout), []).append(c.kind)

    lines = [f"{shown}: {w / EMU_PER_IN:.2f} × {h / EMU_PER_IN:.2f} in ({aspect})"]
    if samples:
        lines.append(f"{samples} sample slide(s): removed when a lecture is built")
    if theme_file is not None:
        lines.append(f"layout map from {_shown(theme_file)}")
    layouts = list(prs.slide_layouts)
    lines.append("")
    lines.append(f"Layouts ({len(layouts)}), in the order the deck lists them:")
    for n, lay in enumerate(layouts, start=1):
        kinds = serves.get(id(lay), [])
        looks = kind_of_layout(lay)
        lines.append(f'{n:>3}. "{lay.name}"')
        lines.append(f"     serves: {', '.join(kinds) if kinds else '-'}    (by its placeholders: {looks})")
        phs = list(lay.placeholders)
        if not phs:
            lines.append("     no placeholders")
        else:
            lines.append(
                f"     {'idx':>4}  {'type':<14} {'name':<30} {'x':>5} {'y':>5} {'w':>5} {'h':>5}  (in)"
            )
        for ph in phs:
            pf = ph.placeholder_format
            lines.append(
                f"     {pf.idx:>4}  {_ph_type(ph):<14} {ph.name[:30]:<30} {_inches(ph.left)} "
                f"{_inches(ph.top)} {_inches(ph.width)} {_inches(ph.height)}"
            )
    others = [
        (k, lay)
        for k, master in enumerate(prs.slide_masters, start=1)
        if k > 1
        for lay in master.slide_layouts
    ]
    if others:
        lines.append("")
        lines.append(
            f"{len(others)} layout(s) of other slide masters, not used by Podium: "
            + ", ".join(f'"{lay.name}" (master {k})' for k, lay in others)
        )

    lines.append("")
    lines.append("Podium slide kinds:")
    map_pos = (
        SourcePos(_shown(theme_file), _line_of_key(theme_file, "layouts"))
        if theme_file
        else SourcePos(shown, 1)
    )
    for c in choices:
        pandoc = LAYOUT_NAMES[c.kind]
        if c.how == "name":
            how = "by name"
        elif c.how == "theme map":
            how = "by the theme's layouts map"
        elif c.how == "fallback":
            how = f"FALLBACK: no '{pandoc}' layout; the layout for '{c.via}' is used"
        else:
            how = f"FALLBACK: no '{pandoc}' layout; chosen by its placeholders"
        lines.append(f'  {c.kind:<12} → "{c.layout_name}"  ({how})')
        if c.how in ("fallback", "placeholders"):
            by = f"the layout for '{c.via}'" if c.via else "chosen by its placeholders"
            diags.warning(
                f"no layout for '{c.kind}' slides (pandoc's name: '{pandoc}'); '{c.layout_name}' will be "
                f"used ({by}); name a layout for it in theme.yaml under layouts: {c.kind}: …",
                map_pos,
                "layout-fallback",
            )
    for entry in bad_map:
        diags.warning(
            f"the theme's layouts map names a layout the deck does not have ({entry}); layouts: "
            f"{', '.join(lay.name for lay in layouts)}",
            map_pos,
            "unknown-layout",
        )
    if not any(
        ph.placeholder_format.type is not None and _ph_type(ph) in ("TITLE", "CENTER_TITLE")
        for lay in layouts
        for ph in lay.placeholders
    ):
        diags.warning(
            "no layout has a title placeholder: slide titles will be plain text boxes",
            SourcePos(shown, 1),
            "layout-fallback",
        )
    return "\n".join(lines)


# --------------------------------------------------------------------------- new


def _deck_theme(prs) -> tuple[dict[str, str], dict[str, str]]:
    """Return (palette, fonts) read from the deck's theme part, as far as they can be read."""
    try:
        xml = prs.slide_master.part.part_related_by(THEME_RELTYPE).blob.decode("utf-8", "replace")
    except Exception:  # no theme part, or an unusual one: no suggestions
        return {}, {}

    def colour(slot: str) -> str | None:
        mt = re.search(rf"<a:{slot}>\s*<a:(?:srgbClr val|sysClr [^>]*lastClr)=\"([0-9A-Fa-f]{{6}})\"", xml)
        return "#" + mt.group(1).upper() if mt else None

    palette = {
        k: v
        for k, v in (
            ("primary", colour("accent1")),
            ("accent", colour("accent2")),
            ("text", colour("dk1")),
            ("background", colour("lt1")),
        )
        if v
    }
    fonts = {}
    for key, tag in (("heading", "majorFont"), ("body", "minorFont")):
        mt = re.search(rf"<a:{tag}>\s*<a:latin typeface=\"([^\"]+)\"", xml)
        if mt:
            fonts[key] = mt.group(1)
    return palette, fonts


def _yaml_str(s: str) -> str:
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def theme_text(
    name: str,
    deck: str | None,
    palette: dict[str, str],
    fonts: dict[str, str],
    layout_map: tuple[dict[LayoutKind, str], dict[LayoutKind, list[str]], list[LayoutKind]] | None,
) -> str:
    """Return the commented theme.yaml of a new template."""
    base = load_template(DEFAULT, Diagnostics()).theme
    pal = {**as_dict(base.palette), **palette}
    fon = {**as_dict(base.fonts), **fonts}
    source = f"the theme of {deck}" if palette or fonts else "the default template"
    out = [
        f"# templates/{name}/theme.yaml, made by `python build.py template new {name}"
        + (" --from-pptx …`." if deck else "`."),
        "# Use it with `--template " + name + "`, `template: " + name + "` in a lecture's front matter,",
        "# or `template: " + name + "` in content/course.yaml.",
        "# Whatever this file leaves out (or comments out) comes from the template it extends.",
        "",
        "extends: default",
        "",
        '# Colours as "#RRGGBB", quotes included (in YAML an unquoted # starts a comment), or a CSS name such',
        "# as navy. They colour the deck's tables and charts and the whole handout; slide backgrounds and",
        "# title colours come from the deck's slide master.",
        f"# Values below: from {source}. Uncomment a line to use it.",
        "# palette:",
    ]
    notes = {
        "primary": "titles, table headers, the handout's cover",
        "accent": "highlights, gap-fill answers",
        "text": "body text",
        "background": "slide and page background",
        "muted": "footer, captions",
        "light": "table banding",
    }
    for key in ("primary", "accent", "text", "background", "muted", "light"):
        out.append(f"#   {key + ':':<12}{_yaml_str(pal[key]):<11}# {notes[key]}")
    out += [
        "",
        "# Font families (LibreOffice substitutes Carlito for Calibri, Liberation Sans for Arial).",
        "# fonts:",
    ]
    for key in ("heading", "body", "mono", "cjk"):
        out.append(f"#   {key + ':':<9}{_yaml_str(str(fon.get(key, '')))}")
    out += [
        "",
        "# A picture in this folder, shown on the handout's cover:",
        "# logo: logo.png",
        "",
        "# Footer text on every slide; placeholders: {title}, {course}, {author}, {date}, {term}, {institute}.",
        '# footer: "{course} · {title}"',
        "",
    ]
    kinds = ", ".join(LAYOUT_NAMES)
    names = ", ".join(LAYOUT_NAMES.values())
    names_lines = textwrap.wrap(f"({names})", 96, initial_indent="# ", subsequent_indent="# ")
    if layout_map is None:
        out += [
            "# The slide design comes from the deck.pptx of the template this one extends. To use your own,",
            "# put a deck.pptx (or .potx) in this folder, or start again with",
            "#   python build.py template new OTHER_NAME --from-pptx your-university.pptx",
            "#",
            "# Podium slide kind → layout name in the deck, needed only where the deck does not use pandoc's names",
            *names_lines,
            f"# Kinds: {kinds}.",
            "layouts: {}",
        ]
    else:
        chosen, more, missing = layout_map
        out += [
            "# Podium slide kind → layout name in deck.pptx. Podium first looks for pandoc's names, in any case:",
            *names_lines,
        ]
        if not chosen and not missing:
            out += [
                "# deck.pptx has a layout with pandoc's name for every kind, so nothing needs mapping.",
                "layouts: {}",
            ]
        else:
            out += [
                "# deck.pptx lacks some of them. The entries below were guessed by `template new` from each",
                "# layout's placeholders: check them with",
                f"#   python build.py template inspect templates/{name}/{deck_file_name(deck)}",
                "# and correct any name that picks the wrong layout.",
                "layouts:" if chosen else "layouts: {}",
            ]
            for kind, lay in chosen.items():
                also = (
                    f"  # also possible: {', '.join(_yaml_str(x) for x in more[kind])}"
                    if more.get(kind)
                    else ""
                )
                out.append(f"  {kind}: {_yaml_str(lay)}{also}")
            for kind in missing:
                alts = " or ".join(FALLBACKS.get(kind, ())) or "the closest placeholders"
                out.append(
                    f"  # {kind}: no layout looks like pandoc's '{LAYOUT_NAMES[kind]}'; slides of this kind"
                )
                out.append(f"  #   use the layout for {alts} (with a warning) until you name one here")
    return "\n".join(out) + "\n"


def deck_file_name(deck: str | None) -> str:
    return "deck.potx" if deck and deck.lower().endswith(".potx") else "deck.pptx"


HANDOUT_OVERRIDE = """\
{#- templates/%(name)s/handout/handout.html.j2: the handout's entry point for this template.
    It extends Podium's skeleton (podium/templates/default/handout/base.html.j2) and overrides one
    block, the cover; every other block (toc, slides, slide, twin, notes, handout_text, …)
    comes from the skeleton.  Delete this file to get the default cover back.
    The title slide's PDF bookmark (which `build.py check` reads) sits outside this block,
    so a new cover needs nothing special. -#}
{%% extends "base.html.j2" %%}

{%% block cover %%}
<section class="cover simple-cover">
  {%% if theme.logo %%}<img class="logo" src="{{ theme.logo }}" alt="">{%% endif %%}
  <h1 class="title">{{ meta.title }}</h1>
  {%% if meta.subtitle %%}<p class="subtitle">{{ meta.subtitle }}</p>{%% endif %%}
  <p class="byline">{{ meta.authors | join(', ') }}</p>
  <p class="when">{{ [meta.course, meta.term, meta.date] | select | join(' · ') }}</p>
</section>
{%% endblock %%}
"""

HANDOUT_CSS = """\
/* templates/%(name)s/handout/custom.css: read after the default handout.css, so rules here win.
   Colours and fonts are variables set from theme.yaml: var(--primary), var(--accent), var(--text),
   var(--muted), var(--light), var(--font-heading), var(--font-body), var(--font-mono). */

.simple-cover { padding-top: 60mm; border-top: 4mm solid var(--primary); }
.simple-cover h1 { color: var(--primary); font-size: 30pt; margin: 0 0 6mm; }
.simple-cover .subtitle { font-size: 14pt; color: var(--muted); margin: 0 0 14mm; }
.simple-cover .byline { font-weight: bold; font-size: 13pt; margin: 0 0 2mm; }
.simple-cover .when { color: var(--muted); margin: 0; }
"""


def new_template(name: str, from_pptx: Path | None, diags: Diagnostics) -> Path:
    """Scaffold ``templates/<name>/`` under the current folder and return its path.

    From the default: a commented ``theme.yaml`` extending ``default`` and a handout override.
    With ``from_pptx``: the same around a copy of the lecturer's deck, with a ``layouts:`` map
    pre-filled for every kind the deck lacks by pandoc's name but has by placeholders.
    """
    if not _NAME.match(name or ""):
        raise BuildError(
            diags,
            f"'{name}' cannot be a template name: use letters, digits, '-', '_' and '.', "
            "starting with a letter or digit",
            None,
            "template",
        )
    root = Path.cwd() / "templates"
    folder = root / name
    shown = _shown(folder)
    if folder.exists():
        raise BuildError(
            diags,
            f"{shown} already exists; choose another name or remove the folder first",
            None,
            "template-exists",
        )
    taken = available()
    if name in taken:
        raise BuildError(
            diags,
            f"a template called '{name}' already exists ({_shown(taken[name])}); choose another name",
            None,
            "template-exists",
        )
    palette: dict[str, str] = {}
    fonts: dict[str, str] = {}
    layout_map = None
    deck_name = None
    if from_pptx is not None:
        from_pptx = Path(from_pptx)
        prs, _, _, _ = open_deck(from_pptx, diags)
        deck_name = from_pptx.name
        layout_map = guess_layout_map(prs)
        palette, fonts = _deck_theme(prs)
    root.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{name}-", dir=root))
    try:
        umask = os.umask(0o022)
        os.umask(umask)
        os.chmod(tmp, 0o777 & ~umask)  # mkdtemp makes it private; the template folder should not be
        (tmp / "handout").mkdir()
        (tmp / "theme.yaml").write_text(
            theme_text(name, deck_name, palette, fonts, layout_map), encoding="utf-8"
        )
        (tmp / "handout" / "handout.html.j2").write_text(HANDOUT_OVERRIDE % {"name": name}, encoding="utf-8")
        (tmp / "handout" / "custom.css").write_text(HANDOUT_CSS % {"name": name}, encoding="utf-8")
        if from_pptx is not None:
            shutil.copyfile(from_pptx, tmp / deck_file_name(deck_name))
        os.rename(tmp, folder)
    except OSError as e:
        shutil.rmtree(tmp, ignore_errors=True)
        raise BuildError(diags, f"cannot create {shown}: {e}", None, "template") from None
    load_template(str(folder), diags)  # the scaffold must load; a failure here is Podium's bug
    if layout_map is not None:
        for kind in layout_map[2]:
            diags.warning(
                f"no layout of {deck_name} looks like pandoc's '{LAYOUT_NAMES[kind]}'; '{kind}' slides will "
                "use a fallback layout (see the comments in theme.yaml)",
                SourcePos(_shown(folder / "theme.yaml"), 1),
                "layout-fallback",
            )
    return Path(shown)
