"""The words Podium itself writes into a deck, a handout or a slides PDF, in the lecture's language.

One table for every renderer, kept as data in ``labels.yaml`` (one mapping per language, each with
every key English has): the handout's "Contents", "Speaker notes", "Slide N", "Page n of m",
the deck's "(cont.)" on continuation slides, "References", the variant names and so on.  The
lecture's ``lang`` (its primary subtag: ``ja-JP`` → ``ja``) picks the language; English fills any
word a theme's language lacks.  A template adds or corrects a language in its ``theme.yaml``::

    labels:
      sv: {contents: "Innehåll", notes: "Talarens anteckningar", slide: "Bild", ...}
      de: {explanation: "Hintergrund"}      # correct one word of a bundled language

Labels with ``{n}``/``{m}`` are formatted by the caller (``label(lang, "page_of", n=3, m=9)``).
"""

from __future__ import annotations

import string
from pathlib import Path
from typing import Any

import yaml

TABLE = Path(__file__).with_name("labels.yaml")


def _fields(text: str) -> set[str]:
    """The ``{name}`` fields a label is formatted with."""
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def check_table(table: Any) -> dict[str, dict[str, str]]:
    """Return ``table`` ({language: {key: word}}) when every language has exactly English's keys, as
    strings with the same ``{n}``-style fields; else raise ValueError naming what is wrong (a bug in
    Podium's own data, found by the tests before any lecture meets it)."""
    if not isinstance(table, dict) or not isinstance(table.get("en"), dict):
        raise ValueError("the labels table needs an 'en' mapping")
    english = table["en"]
    for code, words in table.items():
        if not isinstance(code, str) or not isinstance(words, dict):
            raise ValueError(f"labels: {code!r} is not a language code with a mapping of words")
        if set(words) != set(english):
            missing, extra = sorted(set(english) - set(words)), sorted(set(words) - set(english))
            raise ValueError(f"labels: '{code}' lacks {missing} and has unknown {extra}")
        for key, word in words.items():
            if not isinstance(word, str):
                raise ValueError(f"labels: '{code}'.{key} is not a string")
            if _fields(word) != _fields(english[key]):
                raise ValueError(
                    f"labels: '{code}'.{key} must use the fields {sorted(_fields(english[key]))}"
                )
    return table


# Every key a renderer uses, in every bundled language.
# Podium's own data, read at every start: with libyaml's loader where PyYAML has it (ten times faster)
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
LABELS: dict[str, dict[str, str]] = check_table(yaml.load(TABLE.read_text(encoding="utf-8"), Loader=_LOADER))


def language(lang: str | None) -> str:
    """Return the primary language subtag of ``lang`` in lower case ("ja-JP" → "ja"; "" → "en")."""
    return (lang or "en").replace("_", "-").split("-")[0].strip().lower() or "en"


# ISO 639-2 and 639-3 codes of languages that have a two-letter code, which BCP 47 writes instead (Slidev's
# and HTML's ``lang: heb``): the languages Podium has words for, those written right to left, and others common
_TWO_LETTER = {
    "ara": "ar", "heb": "he", "fas": "fa", "per": "fa", "pes": "fa", "urd": "ur", "yid": "yi",
    "pus": "ps", "snd": "sd", "div": "dv", "kas": "ks", "kur": "ku", "uig": "ug", "eng": "en",
    "jpn": "ja", "deu": "de", "ger": "de", "fra": "fr", "fre": "fr", "spa": "es", "zho": "zh",
    "chi": "zh", "kor": "ko", "rus": "ru", "ukr": "uk", "por": "pt", "ita": "it", "nld": "nl",
    "dut": "nl", "pol": "pl", "tur": "tr", "ell": "el", "gre": "el", "ces": "cs", "cze": "cs",
    "slk": "sk", "slo": "sk", "hun": "hu", "ron": "ro", "rum": "ro", "bul": "bg", "srp": "sr",
    "hrv": "hr", "slv": "sl", "swe": "sv", "nor": "no", "nob": "nb", "nno": "nn", "dan": "da",
    "fin": "fi", "est": "et", "lav": "lv", "lit": "lt", "cat": "ca", "eus": "eu", "baq": "eu",
    "glg": "gl", "hin": "hi", "ben": "bn", "tha": "th", "vie": "vi", "ind": "id", "msa": "ms",
    "may": "ms", "tam": "ta", "tel": "te", "kat": "ka", "geo": "ka", "hye": "hy", "arm": "hy",
    "aze": "az", "kaz": "kk", "uzb": "uz", "swa": "sw", "amh": "am", "isl": "is", "ice": "is",
    "gle": "ga", "cym": "cy", "wel": "cy", "bel": "be", "mkd": "mk", "mac": "mk", "sqi": "sq",
    "alb": "sq", "lat": "la", "epo": "eo", "afr": "af", "tgl": "tl",
}  # fmt: skip


def bcp47(lang: str) -> str:
    """Return ``lang`` with a three-letter primary language subtag that has a two-letter code written
    as BCP 47 writes it ("heb" → "he", "ara-EG" → "ar-EG"); any other tag as it is."""
    primary, sep, rest = lang.strip().partition("-")
    if "_" in primary:
        primary, sep, rest = lang.strip().partition("_")
    short = _TWO_LETTER.get(primary.lower())
    return short + sep + rest if short else lang


# the regions whose Chinese is written in Traditional characters (a script subtag, Hant or Hans, wins)
_TRADITIONAL_REGIONS = frozenset(("tw", "hk", "mo"))


def table_language(lang: str | None) -> str:
    """Return the language of ``lang`` as the labels table names it: its primary subtag ("ja-JP" → "ja"),
    but "zh-Hant" for Chinese written in Traditional characters ("zh-TW", "zh-HK", "zh-MO", "zh-Hant",
    Cantonese's "yue"; "zh-Hans-TW" is Simplified)."""
    code = language(lang)
    if code not in ("zh", "yue"):
        return code
    subtags = (lang or "").replace("_", "-").lower().split("-")[1:]
    if "hans" in subtags:
        return "zh"
    if "hant" in subtags or code == "yue" or _TRADITIONAL_REGIONS.intersection(subtags):
        return "zh-Hant"
    return "zh"


def labels_for(lang: str | None, extra: Any = None) -> dict[str, str]:
    """Return every label in ``lang``: English, overlaid by the bundled language, then by ``extra``.

    ``extra`` is a theme's ``labels:`` mapping ({language: {key: word}}); anything that is not
    a mapping of strings is ignored, so a broken theme cannot break a build.  Traditional Chinese
    (:func:`table_language`) takes a theme's ``zh:`` words, then its ``zh-Hant:`` ones; a language tag
    with a region (``zh-TW``, ``pt-BR``) then takes the words the theme keys by that whole tag.
    """
    code = table_language(lang)
    out = dict(LABELS["en"])  # a theme's new language may leave words out: English fills them
    out.update(LABELS.get(code, {}))
    if isinstance(extra, dict):
        # a theme's keys as written, whatever their case and separator ("zh_TW", "zh-tw" for "zh-TW")
        keyed = {str(k).replace("_", "-").lower(): v for k, v in extra.items()}
        tag = (lang or "").replace("_", "-").strip().lower()
        for key in dict.fromkeys(("en", language(lang), code.lower(), tag)):
            words = keyed.get(key)
            if isinstance(words, dict):
                out.update({str(k): str(v) for k, v in words.items() if isinstance(v, (str, int, float))})
    return out


def label(lang: str | None, key: str, extra: Any = None, **values: Any) -> str:
    """Return the label ``key`` in ``lang`` with ``{n}``-style values filled in."""
    text = labels_for(lang, extra).get(key, key)
    try:
        return text.format(**values) if values else text
    except (KeyError, IndexError, ValueError):
        return text


def untitled_name(words: dict[str, str], number: int, part: int = 1, heading: str = "") -> str:
    """Return what names an untitled slide in a handout or a slides PDF: the ``heading`` it begins with,
    else "Slide 7"; a continuation part of one "Slide 8 (cont.)" (``words``: :func:`labels_for`'s table)."""
    name = heading or words["slide_n"].format(n=number)
    if part <= 1:
        return name
    cont = words["cont"]
    return name + ("" if cont[:1] in "（【「" else " ") + cont


def unknown_language(lang: str | None, extra: Any = None) -> str | None:
    """The primary subtag of ``lang`` when neither Podium nor the theme's ``labels:`` has its words
    (they are then English); None when they are known, or the lecture names no language."""
    code = language(lang)
    if (
        not lang
        or table_language(lang) in LABELS
        or (isinstance(extra, dict) and isinstance(extra.get(code), dict))
    ):
        return None
    return code


def _script(ch: str) -> str | None:
    """ "kana", "hangul", "han", "hebrew", "arabic", "cyrillic", "other" (another script's letter) or None
    (not a letter) for ``ch``."""
    point = ord(ch)
    if 0x0590 <= point <= 0x05FF or 0xFB1D <= point <= 0xFB4F:
        return "hebrew" if ch.isalpha() else None
    if 0x0400 <= point <= 0x052F:
        return "cyrillic" if ch.isalpha() else None
    if (
        0x0600 <= point <= 0x06FF
        or 0x0750 <= point <= 0x077F
        or 0x08A0 <= point <= 0x08FF
        or 0xFB50 <= point <= 0xFDFF
        or 0xFE70 <= point <= 0xFEFF
    ):
        return "arabic" if ch.isalpha() else None
    if 0x3040 <= point <= 0x30FF or 0x31F0 <= point <= 0x31FF or 0xFF66 <= point <= 0xFF9D:
        return "kana" if point not in (0x30FB, 0x30FC) else None  # (・ and ー are kana's but not letters)
    if 0xAC00 <= point <= 0xD7A3 or 0x1100 <= point <= 0x11FF or 0x3130 <= point <= 0x318F:
        return "hangul"
    if (
        0x4E00 <= point <= 0x9FFF
        or 0x3400 <= point <= 0x4DBF
        or 0xF900 <= point <= 0xFAFF
        or 0x20000 <= point <= 0x3134F
        or point == 0x3005  # 々
    ):
        return "han"
    return "other" if ch.isalpha() else None


# characters that only Traditional Chinese writes, and their Simplified forms, which only Simplified Chinese
# writes (个 for 個; not 后 for 後, nor 里 for 裡: Traditional writes 后 and 里 too)
_TRADITIONAL = (
    "個們這來時說會對學國體為發過還點開資線書電實種應關現當經從動問機該數將頭題間長樣進東車沒無讓認邊義語話兩寫難圖單變節樹據"
    "計論設記輸組級結條處給決區歷嗎號詞讀聽見覺親觀視場報馬鳥魚門閱陽陰隊雙雜雖離須領顯風飛養驗價億僅優備傳傷類紅約紀純細終網"
    "總練續錄鐘錯鍵陣隨際黨齊龍氣業廣態憶戰擇擊標歡殺減測滿漢災營獨環產畫療盡監確礎禮積穩競筆簡糧緊習聯職腦興舉舊藝蘭術衛規訊"
    "許證評試詳誤課調談請識護負貨質購費賽趨軟較輕辦農連運遠適選遺鄉針錢鐵閉陸階隱靈韓頁順預頻顏額飯館驅遞壓縮啟權歸執構導達"
)
_SIMPLIFIED = (
    "个们这来时说会对学国体为发过还点开资线书电实种应关现当经从动问机该数将头题间长样进东车没无让认边义语话两写难图单变节树据"
    "计论设记输组级结条处给决区历吗号词读听见觉亲观视场报马鸟鱼门阅阳阴队双杂虽离须领显风飞养验价亿仅优备传伤类红约纪纯细终网"
    "总练续录钟错键阵随际党齐龙气业广态忆战择击标欢杀减测满汉灾营独环产画疗尽监确础礼积稳竞笔简粮紧习联职脑兴举旧艺兰术卫规讯"
    "许证评试详误课调谈请识护负货质购费赛趋软较轻办农连运远适选遗乡针钱铁闭陆阶隐灵韩页顺预频颜额饭馆驱递压缩启权归执构导达"
)
_TRADITIONAL_SET, _SIMPLIFIED_SET = frozenset(_TRADITIONAL), frozenset(_SIMPLIFIED)


def traditional(text: str) -> bool:
    """Whether Chinese ``text`` is clearly written in Traditional characters: at least eight characters
    only Traditional Chinese writes, and nine in ten of the characters that tell the two scripts apart."""
    trad = sum(ch in _TRADITIONAL_SET for ch in text)
    simp = sum(ch in _SIMPLIFIED_SET for ch in text)
    return trad >= 8 and trad >= 9 * simp


def script_language(text: str) -> str | None:
    """Return "ja", "zh" (or "zh-Hant", where its characters are clearly Traditional: :func:`traditional`)
    or "ko" when most of ``text``'s letters are Chinese, Japanese or Korean (any kana: Japanese; Hangul:
    Korean; Han alone: Chinese); "he" (or "yi") or "ar" (or "fa", "ur": :func:`_arabic_script_language`)
    when most are Hebrew or Arabic letters; "uk" when most are Cyrillic and Ukrainian's own letters (ї є ґ)
    are written, not Russian's (ы э ъ ё); else None (a few such words in a Latin lecture, or Cyrillic that
    may be Russian, Bulgarian, Serbian…: :func:`script_hint`)."""
    counts = _script_counts(text)
    cjk = counts["kana"] + counts["hangul"] + counts["han"]
    rtl = counts["hebrew"] + counts["arabic"]
    if _mostly_cyrillic(counts):
        ukrainian = sum(text.count(ch) for ch in "їЇєЄґҐ")
        russian = sum(text.count(ch) for ch in "ыЫэЭъЪёЁ")
        return "uk" if ukrainian >= max(2, counts["cyrillic"] // 500) and ukrainian > 5 * russian else None
    other = counts["other"] + counts["cyrillic"]  # (the letters of other alphabets)
    if rtl >= 20 and rtl > other + cjk:  # (letters of alphabets: one says what a Latin one says)
        if counts["hebrew"] >= counts["arabic"]:
            yiddish = sum(text.count(ch) for ch in "\u05f0\u05f1\u05f2\ufb1f")  # (װ ױ ײ ײַ)
            return "yi" if yiddish >= max(2, counts["hebrew"] // 50) else "he"
        return _arabic_script_language(text, counts["arabic"])
    # (a CJK character says about what a few Latin letters say)
    if cjk < 20 or cjk < other + rtl:
        return None
    if counts["hangul"] > counts["kana"] + counts["han"] // 2:
        return "ko"
    if counts["kana"] * 10 >= cjk:
        return "ja"
    return "zh-Hant" if traditional(text) else "zh"


def _script_counts(text: str) -> dict[str, int]:
    """How many letters of ``text`` each script (:func:`_script`) has; "other" counts ASCII letters too."""
    counts = {"kana": 0, "hangul": 0, "han": 0, "hebrew": 0, "arabic": 0, "cyrillic": 0, "other": 0}
    for ch in text:
        if ch.isascii():
            counts["other"] += ch.isalpha()
            continue
        kind = _script(ch)
        if kind is not None:
            counts[kind] += 1
    return counts


def _mostly_cyrillic(counts: dict[str, int]) -> bool:
    return counts["cyrillic"] >= 20 and counts["cyrillic"] > sum(counts.values()) - counts["cyrillic"]


def script_hint(text: str) -> str | None:
    """The script most of ``text``'s letters are written in where :func:`script_language` cannot tell its
    language from it ("Cyrillic": Russian, Ukrainian, Bulgarian, Serbian… share most letters); else None."""
    counts = _script_counts(text)
    return "Cyrillic" if _mostly_cyrillic(counts) and script_language(text) is None else None


# letters that only Urdu writes (ٹ ڈ ڑ ں ہ ے), those Persian writes and Arabic does not (پ چ ژ گ, and its
# own kaf and yeh: ک ی), and Arabic's kaf, yeh and teh marbuta (ك ي ة), which Persian and Urdu do not write
_URDU = "\u0679\u0688\u0691\u06ba\u06c1\u06d2"
_PERSIAN = "\u067e\u0686\u0698\u06af\u06a9\u06cc"
_ARABIC = "\u0643\u064a\u0629"


def _arabic_script_language(text: str, letters: int) -> str:
    """ "ur", "fa" or "ar": the language of ``text`` written in the Arabic script (``letters`` of it),
    told by the letters only one of them writes."""
    if sum(text.count(ch) for ch in _URDU) >= max(2, letters // 50):
        return "ur"
    persian = sum(text.count(ch) for ch in _PERSIAN)
    return "fa" if persian > sum(text.count(ch) for ch in _ARABIC) else "ar"
