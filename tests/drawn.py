"""What LibreOffice draws: decks rendered to PDF and read back as word boxes (poppler's ``pdftotext -bbox``).

``render`` converts several decks in one soffice call.  ``problems`` compares every slide's text
in the .pptx (read with python-pptx, as a user's program would) with the words drawn on its PDF
page: every character of the slide's text drawn (poppler leaves out what falls off the page),
every word inside the page and above the footer, and no word drawn over another.
"""

from __future__ import annotations

import html
import re
import shutil
import subprocess
import unicodedata
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from pptx import Presentation
from pptx.enum.shapes import PP_PLACEHOLDER

EMU_PER_PT = 12700


@dataclass
class Word:
    text: str
    x0: float
    y0: float
    x1: float
    y1: float


def render(decks: list[Path], out: Path, soffice: str) -> dict[Path, Path]:
    """Convert ``decks`` to PDF in one LibreOffice run; return {deck: pdf}."""
    out.mkdir(parents=True, exist_ok=True)
    profile = out / "lo-profile"
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(out),
            *map(str, decks),
        ],
        capture_output=True,
        timeout=600,
        check=False,
    )
    return {d: out / (d.stem + ".pdf") for d in decks}


def pages(pdf: Path) -> list[tuple[float, float, list[Word]]]:
    """Return (width, height, words) of every page of ``pdf`` in points."""
    exe = shutil.which("pdftotext")
    xml = subprocess.run(
        [exe or "pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    out = []
    for pm in re.finditer(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', xml, re.S):
        words = [
            Word(html.unescape(w.group(5)), *map(float, w.group(1, 2, 3, 4)))
            for w in re.finditer(
                r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>',
                pm.group(3),
            )
        ]
        out.append((float(pm.group(1)), float(pm.group(2)), words))
    return out


def _chars(text: str) -> Counter:
    return Counter(ch for ch in text if not ch.isspace() and ch not in "\u200b\ufeff")


def slide_texts(deck: Path) -> list[dict]:
    """For every slide: its body text, its footer text, the top of its footer, and its chart areas (pt)."""
    prs = Presentation(str(deck))
    out = []
    for slide in prs.slides:
        body, footer, footer_top, charts = [], [], None, []
        for sh in slide.shapes:
            is_footer = sh.is_placeholder and sh.placeholder_format.type in (
                PP_PLACEHOLDER.FOOTER,
                PP_PLACEHOLDER.SLIDE_NUMBER,
                PP_PLACEHOLDER.DATE,
            )
            if sh.has_chart:
                charts.append(
                    tuple(v / EMU_PER_PT for v in (sh.left, sh.top, sh.left + sh.width, sh.top + sh.height))
                )
                continue
            texts = []
            if sh.has_text_frame:
                texts.append(sh.text_frame.text)
            if getattr(sh, "has_table", False) and sh.has_table:
                texts += [c.text for row in sh.table.rows for c in row.cells]
            if is_footer:
                footer += texts
                footer_top = (
                    sh.top / EMU_PER_PT if footer_top is None else min(footer_top, sh.top / EMU_PER_PT)
                )
            else:
                body += texts
        out.append(
            {
                "body": "\n".join(body),
                "footer": "\n".join(footer),
                "footer_top": footer_top,
                "charts": charts,
                "height": prs.slide_height / EMU_PER_PT,
            }
        )
    return out


def _math(text: str) -> bool:
    """True for a word holding mathematical symbols (a formula's pieces may overlap by design)."""
    return any(
        "\u2200" <= ch <= "\u22ff"
        or "\u27c0" <= ch <= "\u27ef"
        or "\u2980" <= ch <= "\u2aff"
        or "\u2100" <= ch <= "\u214f"
        or "\u2070" <= ch <= "\u209f"
        or "\u1d00" <= ch <= "\u1dbf"
        or "\u20d0" <= ch <= "\u20ff"
        for ch in text
    )


def _punctuation(text: str) -> bool:
    """True for a word of punctuation alone (a U+2010 hyphen from a fallback font gets a box wider than
    its ink, so pdftotext's box for it overlaps the word beside it)."""
    return bool(text) and all(unicodedata.category(ch).startswith("P") for ch in text)


def problems(deck: Path, pdf: Path) -> list[str]:
    """Return every place where LibreOffice's drawing of ``deck`` loses, misplaces or overlaps text."""
    found = []
    texts = slide_texts(deck)
    drawn = pages(pdf)
    if len(drawn) != len(texts):
        return [f"{deck.name}: {len(texts)} slides but {len(drawn)} pages"]
    for n, (t, (pw, ph, words)) in enumerate(zip(texts, drawn), 1):
        where = f"{deck.name} slide {n}"
        want = _chars(t["body"]) + _chars(t["footer"])
        got = _chars("".join(w.text for w in words))
        missing = want - got
        if missing:
            found.append(
                f"{where}: {sum(missing.values())} characters not drawn: {''.join(sorted(missing))[:60]!r}"
            )
        footer = t["footer"].replace(" ", "")
        for w in words:
            if w.x0 < -0.5 or w.y0 < -0.5 or w.x1 > pw + 0.5 or w.y1 > ph + 0.5:
                found.append(f"{where}: '{w.text}' drawn outside the slide")
            elif (
                t["footer_top"] is not None
                and w.y1 > t["footer_top"] + 2
                and w.text not in footer
                and not w.text.isdigit()
            ):
                found.append(f"{where}: '{w.text}' drawn below the footer's top")
        charts = t["charts"]

        def in_chart(w: Word, charts=charts) -> bool:
            return any(c[0] <= w.x0 and w.x1 <= c[2] and c[1] <= w.y0 and w.y1 <= c[3] for c in charts)

        for i, a in enumerate(words):
            for b in words[i + 1 :]:
                ix = min(a.x1, b.x1) - max(a.x0, b.x0)
                iy = min(a.y1, b.y1) - max(a.y0, b.y0)
                if ix > 1.0 and iy > 0.35 * min(a.y1 - a.y0, b.y1 - b.y0):
                    if in_chart(a) and in_chart(b) or _math(a.text) or _math(b.text):
                        continue  # a chart's own labels; sub- and superscripts inside a formula
                    if _punctuation(a.text) or _punctuation(b.text):
                        continue
                    found.append(f"{where}: '{a.text}' drawn over '{b.text}'")
    return found


def accent_pixels(image, scale: float, x0: float, x1: float, y0: float, y1: float) -> int:
    """Pixels of the default theme's accent (#E07A1F, orange) in a box given in points of a page
    rendered at ``scale`` pixels a point (a PIL RGB image)."""
    count = 0
    for y in range(int(y0 * scale), int(y1 * scale)):
        for x in range(int(x0 * scale), int(x1 * scale)):
            r, g, b = image.getpixel((x, y))
            count += r > 180 and b < 120 and r - b > 80 and 60 < g < 170
    return count
