"""Text normalised for comparison: what ``check`` compares of a source, a deck and a handout."""

from __future__ import annotations

import re
import unicodedata

_INVISIBLE = re.compile("[\u00ad\u200b-\u200f\u2060\ufe00-\ufe0f\u202a-\u202e\u2066-\u2069]")
_HYPHENS = re.compile("[-\u2010\u2011\u2012\u2013\u2014]")
# an emoji's parts that are not pictographs (So) themselves: a keycap (1️⃣ is "1", U+FE0F, U+20E3: the
# font draws it as one picture, and the PDF's text has no "1"), a skin tone, a tag of a flag
_EMOJI_PARTS = re.compile("[0-9#*]\ufe0f?\u20e3|[\U0001f3fb-\U0001f3ff\U000e0020-\U000e007f]")
# a character asked for as an emoji (U+FE0F after it: ℹ️, ™️, Ⓜ️) is drawn by the emoji font as a picture,
# which the PDF's text does not hold, even where the character alone is a letter (ℹ) or becomes letters
# in NFKC (™ is "TM"): it goes before NFKC can make letters of it
_EMOJI_PRESENTED = re.compile("[^\\s\ufe0f]\ufe0f")
# a bracket laid out right to left is drawn (and extracted) as its mirror image: compare its kind only
_ASCII_DROPPED = re.compile("[\x00-\x20\x7f]+")
_MIRRORED = str.maketrans(")]}>»›", "([{<«‹")
# Thai's and Lao's marks above a letter's vowel sign (tone marks, ์, and the nikhahit that ำ holds in NFKC:
# ํ + า) do not come back from a PDF's text layer where they were: WeasyPrint maps a glyph to the text of
# its first cluster, giving ำ's (ํ, and a tone mark drawn over it) none, and PDFium reads a tone mark drawn
# over an upper vowel (มั้ง) as a fragment of its own, after the words beside it; the upper vowels too
# (ชื่อ read back as ชอ with its ื after the next word's letter): all their marks above and below a
# letter are left out, the letters and the vowels written beside them compared
_THAI_ABOVE = re.compile("[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e\u0eb1\u0eb4-\u0ebc\u0ec8-\u0ece]+")


def squash(text: str) -> str:
    """Return ``text`` normalised for comparison.

    NFKC (ligatures, full-width forms, composed accents), no whitespace, no hyphens (hyphenation
    at line ends), no invisible marks, no emoji or other pictographs (fonts draw them as pictures; nor a
    keycap's digit, a skin tone or a flag's tags, nor a letter-like symbol written as an emoji: ℹ️, ™️),
    no Thai or Lao marks above or below a letter (tone marks, upper and lower vowels, nikhahit: _THAI_ABOVE; ำ compares as า), the marks on one letter in code point order (a PDF holds
    them in the order the font draws them: Thai's ที่ may read ท่ี), no right-to-left letters nor their
    marks (PDF text comes back in visual order, and a font may draw a vowel sign into its letter), no
    control characters (PDFium
    marks a line-end hyphen with \\x02), typographic quotes made plain, a closing bracket read as
    its opening one (beside right-to-left text the PDF holds "(" as the mirrored glyph ")"), lower case.
    """
    if not text.isascii():
        text = _EMOJI_PRESENTED.sub("", _EMOJI_PARTS.sub("", text))
    text = unicodedata.normalize("NFKC", text).translate(_MIRRORED)
    if not text.isascii() and _THAI_ABOVE.search(text):
        text = _THAI_ABOVE.sub("", text)
    text = _INVISIBLE.sub("", text)
    text = text.replace("“", '"').replace("”", '"').replace("’", "'").replace("‘", "'")
    text = _HYPHENS.sub("", text)
    if text.isascii():  # the common case, at C speed: ASCII's spaces and controls (Cc) are \x00-\x20, \x7f
        return _ASCII_DROPPED.sub("", text).lower()
    out = []
    rtl = False  # the last letter was right to left: its marks (Arabic vowel signs) go with it
    for ch in text:
        if ch.isspace():
            continue
        cat = unicodedata.category(ch)
        if cat in ("So", "Cs", "Co", "Cc"):
            continue
        if unicodedata.bidirectional(ch) in ("R", "AL"):
            rtl = True
            continue
        if cat == "Mn" and rtl:
            continue
        rtl = False
        out.append(ch)
        k = len(out) - 1
        while cat == "Mn" and k > 0 and unicodedata.category(out[k - 1]) == "Mn" and out[k - 1] > ch:
            out[k - 1], out[k] = ch, out[k - 1]  # (marks on one letter in code point order)
            k -= 1
    return "".join(out).lower()
