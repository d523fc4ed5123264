"""How much room content needs, measured with the fonts it will be drawn with (EMU and points).

Text is wrapped as an office suite wraps it: at spaces (anywhere between CJK characters), a word
longer than a line broken between characters, at the frame's width minus its insets and the
paragraph's left margin.  A paragraph takes its space before and after plus its lines at the
level's line spacing.  Tables add cell margins per row; code keeps its lines and wraps only
lines wider than the box.  Pictures and charts are elastic: they share what text leaves.
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass, replace
from functools import cache, lru_cache

from .. import model as m
from .equations import math_size, tex_listing
from .fonts import code_ratio, face
from .geometry import EMU_PER_IN, EMU_PER_PT, GAP, Rect, split_columns
from .plan import ColumnsChunk, ObjectChunk, Para, ParaStyle, Run, TextChunk, TypeSizes
from .plan import runs as to_runs
from .styles import GRID_INDENT, FrameStyle, Level, theme_fonts

BODY_PT = (24, 20, 18, 16, 16, 14)  # body text by list level in text boxes, on a 7.5 in tall slide
CODE_PT = 18.0  # code and tables at full size, on a 7.5 in tall slide
TABLE_PT = 18.0
CELL_MARGIN_X = int(0.08 * EMU_PER_IN)
CELL_MARGIN_Y = 45720
CODE_INSETS = (91440, 45720, 91440, 45720)
MIN_PICTURE = int(1.5 * EMU_PER_IN)  # a picture's short side is never drawn smaller than this
MIN_COLUMN_PICTURE = int(1.0 * EMU_PER_IN)  # in a column the lecturer asked for: a banner-like diagram stays
MIN_CHART_H = int(2.2 * EMU_PER_IN)
CALLOUT_RULE = int(0.06 * EMU_PER_IN)  # a callout's coloured rule, left of its text box
CALLOUT_MARGIN = int(0.12 * EMU_PER_IN)  # the side margins of a callout's text box
SAFETY = 1.03  # widths measured here vs. an office suite's layout: kerning, rounding

# Characters a line may break between (Chinese and Japanese: ideographs, kana, CJK punctuation and
# full-width forms), and those drawn in the East Asian face: these and Korean Hangul (syllables and
# jamo), which breaks at spaces like Latin text (as LibreOffice and PowerPoint wrap Korean).
_BREAKABLE = "\u2e80-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef"
EAST_ASIAN = _BREAKABLE + "\u1100-\u11ff\ua960-\ua97f\uac00-\ud7ff"
_FIRST_BREAKABLE, _FIRST_EA = "\u2e80", "\u1100"  # (below these, no character is either)
# Thai, Lao, Myanmar and Khmer, written without spaces between words: an office suite breaks their lines
# between words it finds in a dictionary; measured here as breakable between letters (a letter with its
# vowel and tone marks), a little more lenient than that
_SEA = "\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff"
_FIRST_SEA = "\u0e00"
# no-break spaces (and a link's spaces, :func:`_segments`) join the words beside them: a line breaks at none
NO_BREAK = "\u00a0\u2007\u202f"
_SPACES = rf"[^\S{NO_BREAK}]+"
# the pieces of text with no breakable character: spaces, words
_WORDS = re.compile(rf"{_SPACES}|[\S{NO_BREAK}]+")


@cache
def _compiled(pattern: str) -> re.Pattern[str]:
    """A pattern with the East Asian ranges, compiled when first needed (compiling the four of them takes
    a tenth of a small deck's start-up, and most lectures have no such character)."""
    return re.compile(pattern)


def _pieces(text: str) -> list[str]:
    """``text`` in spaces, words, and single breakable characters (a Thai letter with its marks)."""
    if not text or max(text) < _FIRST_SEA:
        return _WORDS.findall(text)
    pattern = rf"{_SPACES}|[{_BREAKABLE}{_SEA}]|[^\s{_BREAKABLE}{_SEA}]+|[{NO_BREAK}]+"
    pieces = _compiled(pattern).findall(text)
    out: list[str] = []
    for piece in pieces:  # (a combining mark goes with the letter before it)
        if out and len(piece) == 1 and unicodedata.category(piece).startswith("M") and not out[-1].isspace():
            out[-1] += piece
        else:
            out.append(piece)
    return out


def is_cjk(ch: str) -> bool:
    """Whether a line may break before and after ``ch`` (a Chinese or Japanese character, a letter of a
    script written without spaces: Thai, Lao, Myanmar, Khmer)."""
    return ch >= _FIRST_SEA and _compiled(f"[{_BREAKABLE}{_SEA}]").match(ch) is not None


def has_east_asian(text: str) -> bool:
    """Whether ``text`` has characters drawn in the East Asian face (Chinese, Japanese, Korean)."""
    return bool(text) and max(text) >= _FIRST_EA and _compiled(f"[{EAST_ASIAN}]").search(text) is not None


@dataclass(frozen=True)
class Fonts:
    """The families runs are set in: body Latin, East Asian and monospaced text."""

    latin: str
    ea: str
    mono: str


MONO = "DejaVu Sans Mono"  # (the code face when a template names none)


def deck_fonts(master, template) -> Fonts:
    """The families a deck from ``template`` (its slide ``master``'s theme fonts) sets its runs in."""
    tf = theme_fonts(master)
    fonts = template.fonts
    return Fonts(
        tf.get("mn-lt") or fonts.get("body", "Calibri"),
        fonts.get("cjk") or tf.get("mn-ea") or "Noto Sans CJK JP",
        fonts.get("mono", MONO),
    )


def count_lines(
    segments: list[tuple[str, str, bool, bool, float]], pt: float, width_pt: float
) -> tuple[int, float]:
    """Return (lines, widest word in points) for text ``segments`` (text, family, bold, italic, size over
    ``pt``: inline code's :func:`~podium.deck.fonts.code_ratio`) wrapped at ``width_pt``; a line break
    "\\v" starts a new line."""
    lines = 1
    x = 0.0
    widest = 0.0
    word = 0.0  # width of the unbreakable word being built (it may span runs)
    word_start_x = 0.0
    width_pt = max(width_pt, 1.0)
    for text, family, bold, italic, ratio in segments:
        f = face(family, bold, italic)
        size = run_pt(pt, ratio)
        for part_i, part in enumerate(text.replace("\n", "\v").split("\v")):
            if part_i:
                lines += 1
                x = word = 0.0
            for piece in _pieces(part):
                if piece.isspace() and piece[0] not in NO_BREAK:
                    x += f.width(piece, size)
                    word = 0.0
                    continue
                cjk = is_cjk(piece[0])
                w = f.width(piece, size) * SAFETY
                if cjk:
                    word = 0.0
                if word == 0.0:
                    word_start_x = x
                word += w
                widest = max(widest, word)
                if x + w <= width_pt:
                    x += w
                    continue
                # the word does not fit on this line: move it (all of it) to a new line
                if word_start_x > 0:
                    lines += 1
                    x = word
                    word_start_x = 0.0
                else:
                    x += w
                if x > width_pt:  # a word wider than a line is broken between characters
                    extra = math.ceil(x / width_pt) - 1
                    lines += extra
                    x -= extra * width_pt
    return lines, widest


# a link's text longer than this is written one run a word (:func:`link_pieces`): LibreOffice draws a link's
# run as one field, which it breaks at no space, so a link this long would be cut mid-word or run past its
# box; a shorter one stays one run (LibreOffice draws the last of several link runs that text follows in that
# text's colour)
LONG_LINK = 40


def link_pieces(r: Run) -> list[Run]:
    """Run ``r`` as it is written: a long link (:data:`LONG_LINK`) one run a word, each with the spaces after
    it, which a line may break after; any other run as it is."""
    if not r.link or len(r.text) <= LONG_LINK or " " not in r.text.strip():
        return [r]
    return [replace(r, text=piece) for piece in re.findall(r"\s*\S+\s*", r.text)]


def one_field(r: Run) -> bool:
    """Whether run ``r`` is a link of several words written as one run (:func:`link_pieces`), which
    LibreOffice draws as one field and breaks at none of its spaces."""
    return bool(r.link) and " " in r.text and len(link_pieces(r)) == 1


def _segments(para: Para, fonts: Fonts, latin: str, ea: str) -> list[tuple[str, str, bool, bool, float]]:
    out = []
    for r in para.runs:
        if one_field(r):  # (LibreOffice breaks it nowhere)
            r = replace(r, text=r.text.replace(" ", "\u00a0"))
        family = fonts.mono if r.code else latin
        ratio = code_ratio(latin, fonts.mono) if r.code else 1.0
        if has_east_asian(r.text):
            # CJK characters in the East Asian face, the rest in the run's own
            for piece in _compiled(f"[{EAST_ASIAN}]+|[^{EAST_ASIAN}]+").findall(r.text):
                east = has_east_asian(piece[0])
                out.append((piece, ea if east else family, r.bold, r.italic, 1.0 if east else ratio))
        else:
            out.append((r.text, family, r.bold, r.italic, ratio))
    return out


MIN_PT = 9.0  # the least size the measurer (and so the writer) sets any paragraph at
# footnotes and asides: this share of the body's size, as the slides PDF and the handout draw them (its
# `.slide-footnotes`), never below FOOTNOTE_MIN_PT
FOOTNOTE_EM = 0.5
FOOTNOTE_MIN_PT = 12.0


def run_pt(pt: float, ratio: float) -> float:
    """The size of a run whose size is ``ratio`` of its paragraph's ``pt`` (inline code's
    :func:`~podium.deck.fonts.code_ratio`): never below the least a footnote is set at (or the
    paragraph's own size, where that is less), so code in small print stays readable."""
    return max(pt * ratio, min(pt, FOOTNOTE_MIN_PT))


def para_size(para: Para, style: FrameStyle, scale: float) -> float:
    """Return the type size (pt) of ``para`` in a frame of ``style`` with text scaled by ``scale``."""
    base = style.level(para.look).size
    if para.style == "caption":
        base *= 0.7
    elif para.style == "attribution":
        base *= 0.85
    elif para.style == "footnote":
        return max(base * FOOTNOTE_EM * scale, FOOTNOTE_MIN_PT)
    return max(base * scale, MIN_PT)


def text_start(para: Para, style: FrameStyle, own: bool, cv_scale: float, scale: float = 1.0) -> int:
    """Return where ``para``'s text starts (EMU from the frame's inner left edge), as the writer writes it."""
    lvl = style.level(para.look)
    grid = int(GRID_INDENT * cv_scale)
    if para.label:  # (an item's own label, \item[a)]: where its bullet would be)
        return label_start(para, lvl, own, grid)
    if para.bullet == "none":
        return lvl.mar_l if own and lvl.bullet and para.look < para.level else para.level * grid
    start = lvl.mar_l if own and lvl.bullet else (para.level + 1) * grid
    return start + marker_room(para, para_size(para, style, scale))


def label_start(para: Para, lvl: Level | None, own: bool, grid: int) -> int:
    """Where an item with a label of its own (``\\item[a)]``) starts: where its level's bullet is drawn."""
    return max(lvl.mar_l + lvl.indent, 0) if own and lvl is not None and lvl.bullet else para.level * grid


NUMBER_EM = 0.86  # the width of "8." (fancylists.marker_em): what a list style's indent is made for


def marker_room(para: Para, size_pt: float) -> int:
    """The room (EMU) a numbered item's text moves right by so that a marker wider than ``8.`` (``(iv)``,
    ``B)``, ``12.``) does not touch it."""
    if para.bullet != "number" or para.marker_em <= NUMBER_EM:
        return 0
    return int((para.marker_em - NUMBER_EM + 0.15) * size_pt * 12700)


def para_spacing(para: Para, style: FrameStyle, scale: float) -> tuple[float, float, float]:
    """Return (space before, space after, exact line pitch or 0), in points, of ``para`` in a frame of
    ``style`` with text scaled by ``scale``: its level's, shrunk with its type size.  An office suite
    keeps a level's spacing in points whatever size its runs are, so the writer writes these where they
    differ from the level's (:func:`podium.deck.text.fill_paras`)."""
    lvl = style.level(para.level)
    ratio = para_size(para, style, scale) / lvl.size if lvl.size else 1.0
    return lvl.space_before * ratio, lvl.space_after * ratio, lvl.line_points * scale


@lru_cache(maxsize=1 << 16)  # the fitter tries sizes and the writer measures its choice again
def para_height(
    para: Para,
    style: FrameStyle,
    width: int,
    scale: float,
    fonts: Fonts,
    own: bool = True,
    cv_scale: float = 1.0,
    first: bool = False,
) -> tuple[float, float]:
    """Return (height in points, widest word in points) of ``para`` in a frame ``width`` EMU wide."""
    lvl = style.level(para.level)
    pt = para_size(para, style, scale)
    inner = width - style.insets[0] - style.insets[2] - text_start(para, style, own, cv_scale, scale)
    ea = lvl.ea or fonts.ea
    lines, widest = count_lines(_segments(para, fonts, lvl.latin, ea), pt, inner / EMU_PER_PT)
    has_cjk = any(has_east_asian(r.text) for r in para.runs)
    ratio = max(face(lvl.latin).line, face(ea).typo if has_cjk else 0.0)
    before, after, line_points = para_spacing(para, style, scale)
    line = line_points or pt * ratio * lvl.line_spacing
    # office suites leave out the space before a frame's first paragraph
    return lines * line + (0.0 if first else before) + after, widest


def text_height(
    paras, style: FrameStyle, width: int, scale: float, fonts: Fonts, own: bool = True, cv_scale: float = 1.0
) -> int:
    """Return the height (EMU) of a text frame holding ``paras``."""
    total = sum(
        para_height(p, style, width, scale, fonts, own, cv_scale, i == 0)[0] for i, p in enumerate(paras)
    )
    return int(total * EMU_PER_PT) + style.insets[1] + style.insets[3]


def wide_characters(text: str) -> int:
    """How many of ``text``'s characters are full width (Chinese, Japanese, Korean; East Asian width W
    or F): each takes the room of two in a monospaced line."""
    if text.isascii():
        return 0
    return sum(1 for ch in text if unicodedata.east_asian_width(ch) in "WF")


def code_columns(line: str) -> int:
    """How many of a monospaced face's columns ``line`` takes (tabs every 4), a wide character two (drawn
    about 1 em wide from a fallback face)."""
    line = line.expandtabs(4)
    return len(line) + wide_characters(line)


def code_label_height(b: m.CodeBlock, pt: float, mono: str) -> int:
    """Return the height (EMU) of the file name label above code ``b`` at ``pt`` (0 without one)."""
    if not b.filename:
        return 0
    return int(pt * LABEL_SCALE * face(mono).line * EMU_PER_PT) + CODE_INSETS[1] + CODE_INSETS[3]


LABEL_SCALE = 0.85  # a code block's file name label, against its code's size


def code_height(b: m.CodeBlock, width: int, pt: float, mono: str) -> int:
    """Return the height (EMU) of code ``b`` at ``pt`` in a box ``width`` wide (long lines wrap), its file
    name label above it included."""
    inner = (width - CODE_INSETS[0] - CODE_INSETS[2]) / EMU_PER_PT
    f = face(mono)
    char = f.width("M", pt) * SAFETY
    per_line = max(int(inner / char), 1) if char else 80
    gutter = b.gutter()
    lines = sum(max(1, math.ceil((gutter + code_columns(line)) / per_line)) for line in b.code.split("\n"))
    body = int(lines * pt * f.line * EMU_PER_PT) + CODE_INSETS[1] + CODE_INSETS[3]
    return body + code_label_height(b, pt, mono)


def code_fits_width(b: m.CodeBlock, width: int, pt: float, mono: str) -> bool:
    inner = (width - CODE_INSETS[0] - CODE_INSETS[2]) / EMU_PER_PT
    longest = b.gutter() + max((code_columns(line) for line in b.code.split("\n")), default=0)
    return longest * face(mono).width("M", pt) * SAFETY <= inner


def table_widths(b: m.Table, width: int, pt: float, fonts: Fonts) -> list[int]:
    """Return the widths (EMU) of ``b``'s columns in a table ``width`` wide at ``pt`` points: the shares
    the source gives them, each widened to hold its longest word where the others can spare the room
    (a browser widens a column so; a share from a grid table's border or a pipe table's dashes
    would break "width" into "wid" and "th")."""
    ncols = max(len(b.header), 1)
    shares = list(b.widths) or [1 / ncols] * ncols
    widths = [int(width * shares[j]) if j < len(shares) else int(width / ncols) for j in range(ncols)]
    need = [0] * ncols
    for i, row in enumerate(m.drawn_rows(b)):
        for j, cell in enumerate(row[:ncols]):
            para = Para(tuple(to_runs(cell.content, bold=(i == 0 and b.headed))))
            _, widest = count_lines(_segments(para, fonts, fonts.latin, fonts.ea), pt, 1e9)
            need[j] = max(need[j], math.ceil(widest * EMU_PER_PT) + 2 * CELL_MARGIN_X)
    short = sum(max(n - w, 0) for w, n in zip(widths, need))
    spare = sum(max(w - n, 0) for w, n in zip(widths, need))
    if short == 0 or spare < short:  # (every word fits, or no share of the width holds them all)
        return widths
    return [n if w < n else w - math.ceil((w - n) * short / spare) for w, n in zip(widths, need)]


def row_heights(b: m.Table, width: int, pt: float, fonts: Fonts) -> list[int]:
    """Return the height (EMU) of every row of ``b`` drawn (header first, if it has one) at ``pt`` in a
    table ``width`` wide."""

    widths = table_widths(b, width, pt, fonts)
    latin = pt * max(face(fonts.latin).line, 1.0)
    # a line with Chinese, Japanese or Korean characters is as tall as the East Asian face's line (its
    # ascent and descent: Noto Sans CJK's is 1.45 of its size, Carlito's 1.22), as a cell draws it
    east_asian = pt * max(face(fonts.latin).line, face(fonts.ea).line, 1.0)
    out = []
    for i, row in enumerate(m.drawn_rows(b)):
        most = latin
        for j, w in enumerate(widths):
            content = row[j].content if j < len(row) else ()
            para = Para(tuple(to_runs(content, bold=(i == 0 and b.headed))))
            lines, _ = count_lines(
                _segments(para, fonts, fonts.latin, fonts.ea), pt, (w - 2 * CELL_MARGIN_X) / EMU_PER_PT
            )
            cjk = any(has_east_asian(r.text) for r in para.runs)
            most = max(most, lines * (east_asian if cjk else latin))
        out.append(int(most * EMU_PER_PT) + 2 * CELL_MARGIN_Y)
    return out


def callout_scale(style: FrameStyle | None, own: bool, box_style: FrameStyle) -> float:
    """The share of a text box's type size a callout is drawn at (in a text box's look): in a placeholder
    that sets its own type (a caption's: ``style``, not ``own``) that placeholder's size, as the slide
    drawings set everything in it; elsewhere 1."""
    if style is None or own or not box_style.level(0).size:
        return 1.0
    return style.level(0).size / box_style.level(0).size


def is_elastic(c) -> bool:
    """True for chunks that can shrink to fit: pictures, charts, and columns holding one."""
    if isinstance(c, ColumnsChunk):
        return any(is_elastic(x) for chunks, _ in c.columns for x in chunks)
    return isinstance(c, ObjectChunk) and isinstance(c.block, (m.Image, m.Chart))


class Measurer:
    """Heights of chunks for one template (its text frame styles and fonts)."""

    def __init__(self, fonts: Fonts, cv_scale: float, box_style: FrameStyle, image_size):
        self.fonts = fonts
        self.cv_scale = cv_scale
        self.box_style = box_style
        self.image_size = image_size  # (m.Image, w, h) -> (w, h) natural size inside a box

    def chunk(
        self, c, width: int, sizes: TypeSizes, style: FrameStyle | None, own: bool, minimum: bool = False
    ) -> int:
        """Return the height (EMU) ``c`` needs ``width`` wide; elastic chunks their smallest (``minimum``) or
        natural height."""
        if isinstance(c, TextChunk) and "callout" in c.box:  # a box of its own (deck/callouts.py)
            st, scale = self.box_style, sizes.text * callout_scale(style, own, self.box_style)
            inner = width - CALLOUT_RULE - 2 * CALLOUT_MARGIN + st.insets[0] + st.insets[2]
            return text_height(c.paras, st, inner, scale, self.fonts, False, self.cv_scale)
        if isinstance(c, TextChunk):
            st = style if style is not None else self.box_style
            return text_height(
                c.paras, st, width, sizes.text, self.fonts, own and style is not None, self.cv_scale
            )
        if isinstance(c, ColumnsChunk):
            inner = (
                width - CALLOUT_RULE - 2 * CALLOUT_MARGIN if "callout" in c.box else width
            )  # (a callout's)
            rects = split_columns(_R(inner), [w for _, w in c.columns])
            return max(
                (
                    sum(
                        self.chunk(x, r.w, sizes, *self._column_look(x, k, style, own), minimum)
                        for k, x in enumerate(cc)
                    )
                    + GAP * max(len(cc) - 1, 0)
                    for (cc, _), r in zip(c.columns, rects)
                ),
                default=0,
            )
        b = c.block
        if isinstance(b, m.CodeBlock):
            return code_height(b, width, sizes.code, self.fonts.mono)
        if isinstance(b, m.Table):  # its caption below it, as a picture's
            return sum(row_heights(b, width, sizes.table, self.fonts)) + self.caption_height(b, width, sizes)
        if isinstance(b, m.Image):
            cap = self.caption_height(b, width, sizes)
            if minimum:
                w, h = self.image_size(b, width, 10 * width)
                short = min(w, h) or 1
                f = min(1.0, MIN_PICTURE / short)
                return int(h * f) + cap
            w, h = self.image_size(b, width, 10 * width)
            return h + cap
        if isinstance(b, m.Chart):
            return MIN_CHART_H if minimum else int(width * 0.55)
        if isinstance(b, m.MathBlock):  # as typeset (a tall matrix is tall), no wider than the box
            size = math_size(b.tex, width, 10 * width, self.cv_scale)
            if size is not None:
                return size[1]
            return code_height(tex_listing(b), width, sizes.code, self.fonts.mono)  # (shown as its TeX)
        return int(EMU_PER_IN)

    @staticmethod
    def _column_look(x, k: int, style: FrameStyle | None, own: bool) -> tuple[FrameStyle | None, bool]:
        """The look chunk ``x`` (the ``k``-th of its column) is drawn in: a content placeholder's
        (``style``, ``own``) for its text, as placement.stack measures it; else a text box's."""
        texty = isinstance(x, TextChunk) and (k == 0 or "callout" not in x.box)
        return (style, own) if own and style is not None and texty else (None, False)

    def caption_height(self, b: m.Image | m.Table, width: int, sizes: TypeSizes) -> int:
        if not b.caption:
            return 0

        para = Para(tuple(to_runs(b.caption)), style=ParaStyle.CAPTION)
        return text_height([para], self.box_style, width, 1.0, self.fonts, False, self.cv_scale) + int(
            0.05 * EMU_PER_IN
        )


def _R(width: int):
    return Rect(0, 0, width, 0)
