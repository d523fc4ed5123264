"""tipa's phonetic transcriptions (``\\textipa{[\\textprimstress pE.\\textfishhookr a]}``) as the Unicode IPA
they print: [ˈpɛ.ɾa].

Inside ``\\textipa{…}`` (and ``{\\tipaencoding …}``) tipa reads ASCII in its T3 encoding: ``@`` is ə,
``E`` ɛ, ``N`` ŋ, ``"`` the primary stress ˈ, ``:`` the length mark ː, the digits ʉ ɨ ʌ ɜ ɥ ɐ ɒ ɤ ɵ ɘ.
Its commands name the other symbols (``\\textschwa``, ``\\textturnv``…, usable outside ``\\textipa``
too), ``\\*``, ``\\;``, ``\\:`` and ``\\!`` make turned letters, small capitals, retroflexes and
implosives (``\\*r`` ɹ, ``\\:t`` ʈ), and the accents and diacritics (``\\~{a}``, ``\\r*{n}``,
``\\s{n}``, ``\\t{ts}``, ``\\|[{t}``) are Unicode's combining marks.  The tables follow tipa's own
``t3enc.def`` and ``tipa.sty`` (tipa 1.3).  Lowercase letters and ``g`` are themselves.
"""

from __future__ import annotations

import re

# the ASCII characters T3 prints otherwise (t3enc.def's symbols at 48-57, 64, 65-90, 34, 58, 59)
_SHORTHAND = {
    **dict(zip("0123456789", "ʉɨʌɜɥɐɒɤɵɘ", strict=True)),
    "@": "ə",
    **dict(zip("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "ɑβɕðɛɸɣɦɪʝʁʎɱŋɔʔʕɾʃθʊʋɯχʏʒ", strict=True)),
    '"': "ˈ",
    ":": "ː",
    ";": "ˑ",
}
# tipa's ligatures: "" the secondary stress, || the double vertical line (and "" as Markdown's smart
# quotes left it in a heading: “”)
_LIGATURES = {'""': "ˌ", "||": "‖", "“”": "ˌ"}
_QUOTES = frozenset('"“”')  # (" as tipa reads it, or as the smart quotes made it: the primary stress)

# the symbols tipa names (t3enc.def), with LaTeX's own that T3 holds
SYMBOLS = {
    "textbaru": "ʉ",
    "textbari": "ɨ",
    "textturnv": "ʌ",
    "textrevepsilon": "ɜ",
    "textturnh": "ɥ",
    "textturna": "ɐ",
    "textturnscripta": "ɒ",
    "textramshorns": "ɤ",
    "textbaro": "ɵ",
    "textreve": "ɘ",
    "textschwa": "ə",
    "textscripta": "ɑ",
    "textbeta": "β",
    "textctc": "ɕ",
    "textepsilon": "ɛ",
    "textphi": "ɸ",
    "textgamma": "ɣ",
    "texthth": "ɦ",
    "textsci": "ɪ",
    "textctj": "ʝ",
    "textinvscr": "ʁ",
    "textturny": "ʎ",
    "textltailm": "ɱ",
    "textopeno": "ɔ",
    "textglotstop": "ʔ",
    "textrevglotstop": "ʕ",
    "textfishhookr": "ɾ",
    "textesh": "ʃ",
    "texttheta": "θ",
    "textupsilon": "ʊ",
    "textscriptv": "ʋ",
    "textturnm": "ɯ",
    "textchi": "χ",
    "textscy": "ʏ",
    "textyogh": "ʒ",
    "textscriptg": "ɡ",
    "textprimstress": "ˈ",
    "textsecstress": "ˌ",
    "textlengthmark": "ː",
    "texthalflength": "ˑ",
    "textpipe": "ǀ",
    "textdoublepipe": "ǁ",
    "textdoublebarpipe": "ǂ",
    "textrhoticity": "˞",
    "textvertline": "|",
    "textdoublevertline": "‖",
    "textscb": "ʙ",
    "texthtb": "ɓ",
    "texthtd": "ɗ",
    "textrtaild": "ɖ",
    "texthtg": "ɠ",
    "textscg": "ɢ",
    "textcrh": "ħ",
    "textbardotlessj": "ɟ",
    "texthtbardotlessj": "ʄ",
    "textltilde": "ɫ",
    "textbeltl": "ɬ",
    "textrtaill": "ɭ",
    "textturnmrleg": "ɰ",
    "textrtailn": "ɳ",
    "textscn": "ɴ",
    "textltailn": "ɲ",
    "textbullseye": "ʘ",
    "textrtailr": "ɽ",
    "textturnr": "ɹ",
    "textturnrrtail": "ɻ",
    "textscr": "ʀ",
    "textrtails": "ʂ",
    "textrtailt": "ʈ",
    "textturnw": "ʍ",
    "textrtailz": "ʐ",
    "textctz": "ʑ",
    "textthorn": "þ",
    "texthvlig": "ƕ",
    "textsca": "ᴀ",
    "texthtc": "ƈ",
    "textstretchc": "ʗ",
    "textdyoghlig": "ʤ",
    "textrhookschwa": "ɚ",
    "textcloseepsilon": "ʚ",
    "textcloserevepsilon": "ɞ",
    "textrhookrevepsilon": "ɝ",
    "texthtscg": "ʛ",
    "texththeng": "ɧ",
    "textsch": "ʜ",
    "textiota": "ɩ",
    "textObardotlessj": "ɟ",
    "texthtk": "ƙ",
    "textscl": "ʟ",
    "textlyoghlig": "ɮ",
    "textcloseomega": "ɷ",
    "texthtp": "ƥ",
    "texthtq": "ʠ",
    "textlonglegr": "ɼ",
    "textturnlonglegr": "ɺ",
    "texthtt": "ƭ",
    "textscoelig": "ɶ",
    "textturnt": "ʇ",
    "textteshlig": "ʧ",
    "textscu": "ᴜ",
    "textinvglotstop": "ʖ",
    "textbarglotstop": "ʡ",
    "textbarrevglotstop": "ʢ",
    "textcommatailz": "ȥ",
    "textwynn": "ƿ",
    "textcrb": "ƀ",
    "textcrd": "đ",
    "textctd": "ȡ",
    "textsce": "ᴇ",
    "textg": "ɡ",
    "textscj": "ᴊ",
    "textturnk": "ʞ",
    "textbarl": "ƚ",
    "textlambda": "λ",
    "textcrlambda": "ƛ",
    "textctn": "ȵ",
    "textomega": "ω",
    "textctesh": "ʆ",
    "textlhookt": "ƫ",
    "textctt": "ȶ",
    "texttslig": "ʦ",
    "textdzlig": "ʣ",
    "textdctzlig": "ʥ",
    "texttctclig": "ʨ",
    "textsoftsign": "ь",
    "texthardsign": "ъ",
    "textraiseglotstop": "ˀ",
    "textlptr": "˂",
    "textrptr": "˃",
    "textcorner": "˹",
    "textopencorner": "˺",
    "textrevapostrophe": "ʽ",
    "textupstep": "ꜛ",
    "textdownstep": "ꜜ",
    "textglobrise": "↗",
    "textglobfall": "↘",
    "textbarb": "ƀ",
    "textbard": "đ",
    "textbarg": "ǥ",
    "dh": "ð",
    "ng": "ŋ",
    "ae": "æ",
    "AE": "Æ",
    "oe": "œ",
    "OE": "Œ",
    "o": "ø",
    "O": "Ø",
    "th": "þ",
    "i": "ı",
    "j": "ȷ",
}

# the accents and diacritics, as Unicode's combining marks; a starred one (``\\r*{n}``) is set below
_ACCENTS = {
    "`": "\u0300",
    "'": "\u0301",
    "^": "\u0302",
    "~": "\u0303",
    "=": "\u0304",
    "u": "\u0306",
    ".": "\u0307",
    '"': "\u0308",
    "r": "\u030a",
    "H": "\u030b",
    "v": "\u030c",
    "c": "\u0327",
    "d": "\u0323",
    "b": "\u0331",
    "k": "\u0328",
    "s": "\u0329",  # (tipa's syllabicity mark)
    "t": "\u0361",  # (the tie bar over two letters: t͡s)
    "textsyllabic": "\u0329",
    "textsubring": "\u0325",
    "textsubwedge": "\u032c",
    "textsubbridge": "\u032a",
    "textinvsubbridge": "\u033a",
    "textsubsquare": "\u033b",
    "textsubplus": "\u031f",
    "textsubbar": "\u0331",
    "textsubdot": "\u0323",
    "textsubtilde": "\u0330",
    "textsubumlaut": "\u0324",
    "textsubarch": "\u032f",
    "textsubgrave": "\u0316",
    "textsubacute": "\u0317",
    "textsubcircum": "\u032d",
    "textraising": "\u031d",
    "textlowering": "\u031e",
    "textadvancing": "\u0318",
    "textretracting": "\u0319",
    "textsubrhalfring": "\u0339",
    "textsublhalfring": "\u031c",
    "textovercross": "\u033d",
    "textseagull": "\u033c",
    "textsubw": "\u032b",
    "textsuperimposetilde": "\u0334",
    "texttoptiebar": "\u0361",
    "textbottomtiebar": "\u035c",
    "textpolhook": "\u0328",
    "textdoublegrave": "\u030f",
    "textroundcap": "\u0311",
    "textvbaraccent": "\u030d",
    "textdoublevbaraccent": "\u030e",
}
_BELOW = {
    "`": "\u0316",
    "'": "\u0317",
    "^": "\u032d",
    "~": "\u0330",
    "=": "\u0331",
    "u": "\u032f",
    ".": "\u0323",
    '"': "\u0324",
    "r": "\u0325",
    "v": "\u032c",
    "t": "\u035c",
}
# \\|x{…}: tipa's diacritic named by one character
_OMNI = {
    "[": "\u032a",
    "]": "\u033a",
    "(": "\u031c",
    ")": "\u0339",
    "+": "\u031f",
    "'": "\u031d",
    "`": "\u031e",
    "<": "\u0318",
    ">": "\u0319",
    "x": "\u033d",
    "w": "\u032b",
    "c": "\u0311",
    "m": "\u033c",
}
# \\* (turned and other letters), \\; (small capitals), \\: (retroflexes), \\! (implosives and clicks)
_PREFIXED = {
    "*": dict(zip("kftrwjnhlz", "ʞɟʇɹʍɟɲħɬɮ", strict=True)),
    ";": dict(zip("ABEGHJLNRU", "ᴀʙᴇɢʜᴊʟɴʀᴜ", strict=True)),
    ":": dict(zip("dlnrRstz", "ɖɭɳɽɻʂʈʐ", strict=True)),
    "!": dict(zip("Gbdgjo", "ʛɓɗɠʄʘ", strict=True)),
}
_NAME = re.compile(r"\\([A-Za-z]+)\s*|\\(.)")
# tipa's ``\super`` raises its argument (aspiration ``p\super h``, labialisation): Unicode's modifier letters
_SUPERSCRIPT = dict(
    zip(
        "hɦjrɹɻʁwyɣlsxʕʔnmŋəaeiouktpdbgfvzʃʒθβɲɳɱɥʊɪɛɔɐɑc0123456789",
        "ʰʱʲʳʴʵʶʷʸˠˡˢˣˤˀⁿᵐᵑᵊᵃᵉⁱᵒᵘᵏᵗᵖᵈᵇᶢᶠᵛᶻᶴᶾᶿᵝᶮᶯᶬᶣᶷᶦᵋᵓᵄᵅᶜ⁰¹²³⁴⁵⁶⁷⁸⁹",
        strict=True,
    )
)


def ipa(tex: str) -> str:
    """The Unicode IPA that tipa prints for ``tex``, the text of a ``\\textipa{…}``: its shorthand, symbol
    commands and diacritics read; a command tipa does not define keeps its argument's text."""
    out: list[str] = []
    i = 0
    while i < len(tex):
        c = tex[i]
        if tex[i : i + 2] in _LIGATURES:
            out.append(_LIGATURES[tex[i : i + 2]])
            i += 2
        elif c in _QUOTES:
            out.append("ˈ")
            i += 1
        elif c == "\\":
            i = _command(tex, i, out)
        elif c in "{}":
            i += 1
        elif c.isspace():
            if out and not out[-1].endswith(" "):
                out.append(" ")
            i += 1
        else:
            out.append(_SHORTHAND.get(c, c))
            i += 1
    return "".join(out).strip()


def _command(tex: str, i: int, out: list[str]) -> int:
    """Read the command at ``tex[i]`` (a backslash) into ``out``; where it ends."""
    mt = _NAME.match(tex, i)
    if mt is None:  # (a backslash at the end)
        return i + 1
    name = mt.group(1) or mt.group(2)
    j = mt.end()
    if name in _PREFIXED or name == "|":
        if name == "|":
            mark, j = _argument(tex, j)
            base, j = _argument(tex, j)
            out.append(ipa(base) + _OMNI.get(mark.strip(), ""))
            return j
        letter, j = _argument(tex, j)
        out.append(_PREFIXED[name].get(letter.strip(), letter.strip()))
        return j
    if name in _ACCENTS:
        below = tex.startswith("*", j) and name in _BELOW
        j += below
        base, j = _argument(tex, j)
        printed = ipa(base)
        mark = _BELOW[name] if below else _ACCENTS[name]
        if name == "t" and len(printed) >= 2:  # (the tie between the first two letters)
            out.append(printed[0] + mark + printed[1:])
        else:
            out.append(printed[:1] + mark + printed[1:])
        return j
    if name in SYMBOLS:
        out.append(SYMBOLS[name])
        if tex.startswith("{}", j):
            j += 2
        return j
    if name in ("tipaencoding", "textipa"):
        return j
    if name == "super":  # (the raised letters as modifier letters; others as they are, not raised)
        raised, j = _argument(tex, j)
        printed = ipa(raised)
        out.append(
            "".join(_SUPERSCRIPT[c] for c in printed) if set(printed) <= _SUPERSCRIPT.keys() else printed
        )
        return j
    if mt.group(2) is not None:  # (\\%, \\&, \\_: the character; \\ \\, a space)
        out.append(" " if name in " ," else name)
        return j
    argument = tex.startswith("{", j)  # (another command: its argument's text, as the reader keeps it)
    return j if not argument else _kept(tex, j, out)


def _kept(tex: str, j: int, out: list[str]) -> int:
    """A group's text at ``tex[j]`` read into ``out``; where it ends."""
    text, end = _argument(tex, j)
    out.append(ipa(text))
    return end


def _argument(tex: str, j: int) -> tuple[str, int]:
    """The argument at ``tex[j]`` (after spaces): a group's text or one character; and where it ends."""
    while j < len(tex) and tex[j] in " \t\n":
        j += 1
    if j >= len(tex):
        return "", j
    if tex[j] != "{":
        if tex[j] == "\\":
            mt = _NAME.match(tex, j)
            if mt is not None:
                return tex[j : mt.end()], mt.end()
        return tex[j], j + 1
    depth = 0
    for k in range(j, len(tex)):
        depth += (tex[k] == "{") - (tex[k] == "}")
        if depth == 0:
            return tex[j + 1 : k], k + 1
    return tex[j + 1 :], len(tex)


def unknown(tex: str) -> list[str]:
    """The commands in ``tex`` (a ``\\textipa{…}``'s text) that :func:`ipa` prints nothing for: neither
    tipa's nor holding an argument whose text it keeps (``\\foo``, ``\\foo{}``)."""
    found: list[str] = []
    for mt in _NAME.finditer(tex):
        name = mt.group(1)
        if name is None or name in _PREFIXED or name in _ACCENTS or name in SYMBOLS:
            continue
        if (
            name in ("tipaencoding", "textipa", "super")
            or tex.startswith("{", mt.end())
            and not tex.startswith("{}", mt.end())
        ):
            continue
        if name not in found:
            found.append(name)
    return found
