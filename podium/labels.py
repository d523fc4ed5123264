"""The words Podium itself writes into a deck, a handout or a slides PDF, in the lecture's language.

One table for every renderer: the handout's "Contents", "Speaker notes", "Slide N", "Page n of m",
the deck's "(cont.)" on continuation slides, "References", the variant names and so on.  The
lecture's ``lang`` (its primary subtag: ``ja-JP`` → ``ja``) picks the language; English fills any
word a language lacks.  A template adds or corrects a language in its ``theme.yaml``::

    labels:
      pt: {contents: "Sumário", notes: "Notas do orador", slide: "Diapositivo", ...}
      de: {explanation: "Hintergrund"}      # correct one word of a bundled language

Labels with ``{n}``/``{m}`` are formatted by the caller (``label(lang, "page_of", n=3, m=9)``).
"""

from __future__ import annotations

from typing import Any

# Every key a renderer uses; a language may leave keys out (English is used for them).
LABELS: dict[str, dict[str, str]] = {
    "en": {
        "contents": "Contents",
        "notes": "Speaker notes",
        "slide": "Slide",
        "slide_n": "Slide {n}",
        "explanation": "Explanation",
        "instructor": "Instructor only",
        "page": "Page",
        "of": "of",
        "page_of": "Page {n} of {m}",
        "cont": "(cont.)",
        "references": "References",
        "introduction": "Introduction",
        "notes_space": "Notes",
        "cover_note": "Handout: every slide of the lecture with the speaker's notes and further explanation.",
        "cover_note_instructor": "Instructor's copy: answers and instructor-only notes included. "
        "Do not hand out.",
        "untitled": "Handout",
        "answer": "Answer",
        "blank": "blank to fill in",
        "figure": "Figure",
        "chart": "Chart",
        "equation": "Equation",
    },
    "ja": {
        "contents": "目次",
        "notes": "講師ノート",
        "slide": "スライド",
        "slide_n": "スライド {n}",
        "explanation": "解説",
        "instructor": "講師用",
        "page": "",
        "of": "/",
        "page_of": "{n} / {m}",
        "cont": "（続き）",
        "references": "参考文献",
        "introduction": "はじめに",
        "notes_space": "メモ",
        "cover_note": "配布資料：講義の全スライドと講師のノート、補足解説。",
        "cover_note_instructor": "講師用：解答と講師用メモを含みます。配布しないでください。",
        "untitled": "配布資料",
        "answer": "解答",
        "blank": "空欄",
        "figure": "図",
        "chart": "グラフ",
        "equation": "数式",
    },
    "de": {
        "contents": "Inhalt",
        "notes": "Notizen",
        "slide": "Folie",
        "slide_n": "Folie {n}",
        "explanation": "Erläuterung",
        "instructor": "Nur für Lehrende",
        "page": "Seite",
        "of": "von",
        "page_of": "Seite {n} von {m}",
        "cont": "(Forts.)",
        "references": "Literatur",
        "introduction": "Einführung",
        "notes_space": "Notizen",
        "cover_note": "Handout: alle Folien der Vorlesung mit Notizen und weiteren Erläuterungen.",
        "cover_note_instructor": "Exemplar für Lehrende: mit Lösungen und Hinweisen. Nicht austeilen.",
        "untitled": "Handout",
        "answer": "Lösung",
        "blank": "Lücke zum Ausfüllen",
        "figure": "Abbildung",
        "chart": "Diagramm",
        "equation": "Formel",
    },
    "fr": {
        "contents": "Sommaire",
        "notes": "Notes de l'orateur",
        "slide": "Diapositive",
        "slide_n": "Diapositive {n}",
        "explanation": "Explication",
        "instructor": "Réservé à l'enseignant",
        "page": "Page",
        "of": "sur",
        "page_of": "Page {n} sur {m}",
        "cont": "(suite)",
        "references": "Références",
        "introduction": "Introduction",
        "notes_space": "Notes",
        "cover_note": "Polycopié : toutes les diapositives du cours, avec les notes et des explications.",
        "cover_note_instructor": "Exemplaire de l'enseignant : avec les réponses. Ne pas distribuer.",
        "untitled": "Polycopié",
        "answer": "Réponse",
        "blank": "blanc à compléter",
        "figure": "Figure",
        "chart": "Graphique",
        "equation": "Équation",
    },
    "es": {
        "contents": "Índice",
        "notes": "Notas del orador",
        "slide": "Diapositiva",
        "slide_n": "Diapositiva {n}",
        "explanation": "Explicación",
        "instructor": "Solo para el docente",
        "page": "Página",
        "of": "de",
        "page_of": "Página {n} de {m}",
        "cont": "(cont.)",
        "references": "Referencias",
        "introduction": "Introducción",
        "notes_space": "Notas",
        "cover_note": "Apuntes: todas las diapositivas de la clase con las notas y explicaciones adicionales.",
        "cover_note_instructor": "Copia del docente: incluye las respuestas. No repartir.",
        "untitled": "Apuntes",
        "answer": "Respuesta",
        "blank": "espacio para completar",
        "figure": "Figura",
        "chart": "Gráfico",
        "equation": "Ecuación",
    },
    "zh": {
        "contents": "目录",
        "notes": "演讲者备注",
        "slide": "幻灯片",
        "slide_n": "幻灯片 {n}",
        "explanation": "说明",
        "instructor": "仅限教师",
        "page": "第",
        "of": "/",
        "page_of": "第 {n} 页，共 {m} 页",
        "cont": "（续）",
        "references": "参考文献",
        "introduction": "引言",
        "notes_space": "笔记",
        "cover_note": "讲义：本讲全部幻灯片及讲者备注和补充说明。",
        "cover_note_instructor": "教师版：含答案和教师备注。请勿分发。",
        "untitled": "讲义",
        "answer": "答案",
        "blank": "填空",
        "figure": "图",
        "chart": "图表",
        "equation": "公式",
    },
    "ko": {
        "contents": "목차",
        "notes": "발표자 노트",
        "slide": "슬라이드",
        "slide_n": "슬라이드 {n}",
        "explanation": "해설",
        "instructor": "강사 전용",
        "page": "",
        "of": "/",
        "page_of": "{n} / {m}",
        "cont": "(계속)",
        "references": "참고 문헌",
        "introduction": "서론",
        "notes_space": "메모",
        "cover_note": "강의 자료: 강의의 모든 슬라이드와 발표자 노트, 추가 해설.",
        "cover_note_instructor": "강사용: 정답과 강사 메모 포함. 배포하지 마십시오.",
        "untitled": "강의 자료",
        "answer": "정답",
        "blank": "빈칸",
        "figure": "그림",
        "chart": "차트",
        "equation": "수식",
    },
}


def language(lang: str | None) -> str:
    """Return the primary language subtag of ``lang`` in lower case ("ja-JP" → "ja"; "" → "en")."""
    return (lang or "en").replace("_", "-").split("-")[0].strip().lower() or "en"


def labels_for(lang: str | None, extra: Any = None) -> dict[str, str]:
    """Return every label in ``lang``: English, overlaid by the bundled language, then by ``extra``.

    ``extra`` is a theme's ``labels:`` mapping ({language: {key: word}}); anything that is not
    a mapping of strings is ignored, so a broken theme cannot break a build.
    """
    code = language(lang)
    out = dict(LABELS["en"])
    out.update(LABELS.get(code, {}))
    if isinstance(extra, dict):
        for key in ("en", code) if code != "en" else ("en",):
            words = extra.get(key)
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
