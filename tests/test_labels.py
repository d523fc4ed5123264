"""The words Podium writes itself: one data table (podium/labels.yaml), every language with every key."""

from __future__ import annotations

import pytest
import yaml

from podium import labels
from podium.labels import LABELS, check_table, label, labels_for


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
    extra = {"pt": {"contents": "Sumário"}, "de": {"explanation": "Hintergrund"}}
    assert labels_for("pt-BR", extra)["contents"] == "Sumário"
    assert labels_for("pt", extra)["notes"] == "Speaker notes"  # English fills the rest
    assert labels_for("de", extra)["explanation"] == "Hintergrund"
    assert labels_for("de", {"de": {"explanation": ["not", "words"]}})["explanation"] == "Erläuterung"
