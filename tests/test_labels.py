"""The words Podium writes itself: one data table (podium/labels.yaml), every language with every key."""

from __future__ import annotations

import subprocess

import pytest
import yaml

from podium import labels
from podium.labels import LABELS, check_table, label, labels_for

from .conftest import run_cli, write_md


def test_the_table_is_data_and_every_language_has_every_key():
    raw = yaml.safe_load(labels.TABLE.read_text(encoding="utf-8"))
    assert raw == LABELS and {"en", "ja", "de", "fr", "es", "zh", "ko"} <= set(LABELS)
    for code, words in LABELS.items():
        assert set(words) == set(LABELS["en"]), code
        assert all(isinstance(w, str) for w in words.values()), code
    assert label("de", "page_of", n=3, m=9) == "Seite 3 von 9"
    assert label("ja-JP", "slide_n", n=4) == "スライド 4"
    assert labels_for("xx")["cont"] == "(cont.)"


@pytest.mark.parametrize(
    "broken, says",
    [
        ({"en": {"a": "A", "b": "B"}, "de": {"a": "A"}}, "'de' lacks ['b']"),
        ({"en": {"a": "A"}, "de": {"a": "A", "c": "C"}}, "unknown ['c']"),
        ({"en": {"p": "Page {n}"}, "de": {"p": "Seite"}}, "'de'.p must use the fields ['n']"),
        ({"en": {"a": "A"}, False: {"a": "A"}}, "not a language code"),  # YAML's bare `no:`
        ({"en": {"a": "A"}, "de": {"a": 3}}, "not a string"),
        ({"de": {"a": "A"}}, "needs an 'en'"),
    ],
)
def test_a_table_with_a_missing_or_wrong_word_is_refused(broken, says):
    with pytest.raises(ValueError) as info:
        check_table(broken)
    assert says in str(info.value)


def test_a_theme_adds_a_language_and_corrects_a_word():
    extra = {"sv": {"contents": "Innehåll"}, "de": {"explanation": "Hintergrund"}}
    assert labels_for("sv-SE", extra)["contents"] == "Innehåll"
    assert labels_for("sv", extra)["notes"] == "Speaker notes"  # English fills the rest
    assert labels_for("de", extra)["explanation"] == "Hintergrund"
    assert labels_for("de", {"de": {"explanation": ["not", "words"]}})["explanation"] == "Erläuterung"


@pytest.mark.parametrize(
    "lang,contents,page", [("ru", "Содержание", "Страница 2 из"), ("pt-BR", "Sumário", "Página 2 de")]
)
def test_a_russian_or_portuguese_handout_says_podiums_words_in_its_language(tmp_path, lang, contents, page):
    src = write_md(tmp_path, f"---\ntitle: T\nlang: {lang}\n---\n\n## S\n\n- a\n")
    result = run_cli("handout", str(src), "-o", str(tmp_path / "out"))
    assert result.exit_code == 0, result.output
    text = subprocess.run(
        ["pdftotext", str(tmp_path / "out" / "lecture-handout.pdf"), "-"], capture_output=True, text=True
    ).stdout
    assert contents in text and page in text
    assert "[labels]" not in result.output


def test_a_language_podium_has_no_words_for_is_said_at_its_line(tmp_path):
    src = write_md(tmp_path, "---\ntitle: T\nlang: sv\n---\n\n## S\n\n- a\n")
    result = run_cli("slides", str(src), "-o", str(tmp_path / "out"))
    assert result.exit_code == 0, result.output
    said = [ln for ln in result.output.splitlines() if ln.endswith("[labels]")]
    assert len(said) == 1 and "lecture.md:3: note:" in said[0] and "'sv'" in said[0]
