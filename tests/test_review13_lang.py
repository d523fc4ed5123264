"""Review 13a: the lecture's language in an untitled callout's title (Quarto's own words) and in the
citations' terms ("und", "et"); quotes curled in a picture's caption as anywhere else."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from PIL import Image
from pptx import Presentation

from .conftest import run_cli, slide_text, write_md

KINDS = ("note", "tip", "warning", "important", "caution")

BIB = """\
@book{jaynes2003,
  title = {Probability Theory: The Logic of Science},
  author = {Jaynes, E. T. and Bretthorst, G. Larry},
  date = {2003},
  publisher = {Cambridge University Press},
  location = {Cambridge, UK}
}
"""


def _pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout


def _all(src: Path, out: Path) -> tuple[Presentation, str, str, str]:
    """``podium all``: the deck, the handout's text, the slides PDF's text, the messages."""
    result = run_cli("all", src, "-o", out)
    assert result.exit_code == 0, result.stderr
    stem = src.stem
    return (
        Presentation(str(out / f"{stem}.pptx")),
        _pdf_text(out / f"{stem}-handout.pdf"),
        _pdf_text(out / f"{stem}-slides.pdf"),
        result.stderr,
    )


def _callouts(lang: str) -> str:
    front = f"lang: {lang}\n" if lang else ""
    boxes = "".join(f"::: {{.callout-{k}}}\nText {i}.\n:::\n\n" for i, k in enumerate(KINDS))
    return f"---\ntitle: Kästen\n{front}format: revealjs\n---\n\n## Kästen\n\n" + boxes


def test_untitled_callouts_take_quartos_german_titles_in_every_output(tmp_path):
    src = write_md(
        tmp_path,
        _callouts("de") + '## Eigener Titel\n\n::: {.callout-note title="Merke"}\nEin Satz.\n:::\n',
        "lecture.qmd",
    )
    prs, handout, slides_pdf, err = _all(src, tmp_path / "out")
    words = ["Hinweis", "Tipp", "Warnung", "Wichtig", "Vorsicht"]
    deck = slide_text(prs.slides[1])
    for word in words:
        assert word in deck, deck
        assert word in handout and word in slides_pdf
    for english in ("Note", "Tip", "Warning", "Important", "Caution"):
        for text in (deck, handout, slides_pdf):
            assert not re.search(rf"\b{english}\b", text), english
    titled = slide_text(prs.slides[2])
    assert "Merke" in titled and "Hinweis" not in titled  # a callout's own title is kept
    assert "agree with the source" in err


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("de-AT", ("Hinweis", "Tipp", "Warnung", "Wichtig", "Vorsicht")),  # a region: its language's words
        ("fr-CA", ("Note", "Astuce", "Avertissement", "Important", "Mise en garde")),
        ("es", ("Nota", "Tip", "Advertencia", "Importante", "Precaución")),
        ("pt_BR", ("Nota", "Dica", "Aviso", "Importante", "Cuidado")),
        ("it", ("Nota", "Consiglio", "Avviso", "Importante", "Attenzione")),
        ("nl", ("Opmerking", "Tip", "Waarschuwing", "Belangrijk", "Opgelet")),
        ("ja-JP", ("ノート", "ヒント", "警告", "重要", "注意")),
        ("zh", ("注记", "提示", "警告", "重要", "注意")),
        ("ru", ("Уведомление", "Совет", "Предупреждение", "Важное уведомление", "Осторожность")),
        ("pl", ("Adnotacja", "Wskazówka", "Ostrzeżenie", "Ważne", "Zagrożenie")),
        ("tr", ("Not", "Tavsiye", "Uyarı", "Önemli", "Dikkat")),
    ],
)
def test_untitled_callout_titles_follow_the_language_with_a_region_fallback(tmp_path, lang, words):
    src = write_md(tmp_path, _callouts(lang), "lecture.qmd")
    result = run_cli("slides", src, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.stderr
    prs = Presentation(str(tmp_path / "out" / "lecture.pptx"))
    texts = [p.text for sh in prs.slides[1].shapes if sh.has_text_frame for p in sh.text_frame.paragraphs]
    titles = [texts[texts.index(f"Text {i}.") - 1] for i in range(len(KINDS))]
    assert titles == list(words)


def test_callout_titles_stay_english_without_a_known_language(tmp_path):
    """No ``lang:``, or one Podium has no words for: Quarto's English titles (the note about the
    language is the labels note, as for Podium's other words); with ``lang: de`` beside them, German."""
    for lang, expected in (("", "Caution"), ("sv", "Caution"), ("de", "Vorsicht")):
        folder = tmp_path / (lang or "none")
        folder.mkdir()
        src = write_md(folder, _callouts(lang), "lecture.qmd")
        result = run_cli("slides", src, "-o", folder / "out")
        assert result.exit_code == 0, result.stderr
        assert expected in slide_text(Presentation(str(folder / "out" / "lecture.pptx")).slides[1])


def _cited(tmp_path: Path, lang: str, csl: str = "") -> Path:
    (tmp_path / "refs.bib").write_text(BIB, encoding="utf-8")
    front = (f"lang: {lang}\n" if lang else "") + (f"csl: {csl}\n" if csl else "")
    return write_md(
        tmp_path,
        f"---\ntitle: Wissen\n{front}bibliography: refs.bib\nformat: revealjs\n---\n\n## Wissen\n\n"
        "Wahrscheinlichkeit ist Wissen [@jaynes2003], siehe @jaynes2003.\n",
        "lecture.qmd",
    )


def test_citations_and_references_use_the_lectures_language(tmp_path):
    src = _cited(tmp_path, "de")
    prs, handout, slides_pdf, err = _all(src, tmp_path / "out")
    text = slide_text(prs.slides[1])
    # (pandoc --citeproc with lang: de: "(Jaynes und Bretthorst 2003)", "Jaynes und Bretthorst (2003)")
    assert "(Jaynes und Bretthorst, 2003)" in text, text
    assert "siehe Jaynes und Bretthorst (2003)." in text
    refs = slide_text(prs.slides[2])
    assert "Jaynes, E.T. und Bretthorst, G.L. (2003)" in refs, refs
    for pdf in (handout, slides_pdf):
        flat = " ".join(pdf.split())
        assert "Jaynes und Bretthorst" in flat and " and " not in flat
    assert "agree with the source" in err


@pytest.mark.parametrize(("lang", "conj"), [("fr", "et"), ("de_CH", "und"), ("es-MX", "y"), ("it", "e")])
def test_citation_terms_in_other_languages_and_regions(tmp_path, lang, conj):
    src = _cited(tmp_path, lang)
    result = run_cli("slides", src, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.stderr
    text = slide_text(Presentation(str(tmp_path / "out" / "lecture.pptx")).slides[1])
    assert f"(Jaynes {conj} Bretthorst, 2003)" in text, text


def test_citations_in_a_language_citeproc_lacks_are_english_with_a_note(tmp_path):
    src = _cited(tmp_path, "ga")  # (Irish: citeproc-py has no locale for it)
    result = run_cli("slides", src, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.stderr
    assert (
        "lecture.qmd:3: note: citations and references are in English ('and', 'edited by'…): citeproc-py "
        "has no locale for lang: ga [bibliography]"
    ) in result.stderr
    text = slide_text(Presentation(str(tmp_path / "out" / "lecture.pptx")).slides[1])
    assert "(Jaynes and Bretthorst, 2003)" in text


def test_a_styles_own_terms_and_default_locale(tmp_path):
    """A style's own terms for the lecture's language win over citeproc's (CSL's order); with no
    ``lang:`` the style's ``default-locale`` is kept, as pandoc keeps it."""
    import citeproc

    style = (Path(citeproc.__file__).parent / "data" / "styles" / "harvard-cite-them-right.csl").read_text(
        encoding="utf-8"
    )
    own = '<locale xml:lang="de"><terms><term name="and">sowie</term></terms></locale>'
    style = style.replace("</info>", "</info>" + own, 1).replace(
        "<style ", '<style default-locale="fr-FR" ', 1
    )
    for lang, expected in (("de", "(Jaynes sowie Bretthorst, 2003)"), ("", "(Jaynes et Bretthorst, 2003)")):
        folder = tmp_path / (lang or "none")
        folder.mkdir()
        (folder / "own.csl").write_text(style, encoding="utf-8")
        src = _cited(folder, lang, "own.csl")
        result = run_cli("slides", src, "-o", folder / "out")
        assert result.exit_code == 0, result.stderr
        text = slide_text(Presentation(str(folder / "out" / "lecture.pptx")).slides[1])
        assert expected in text, text


def _quoted_pictures(tmp_path: Path) -> Path:
    Image.new("RGB", (400, 300), (30, 120, 200)).save(tmp_path / "pic.png")
    return write_md(
        tmp_path,
        "---\ntitle: Bilder\nlang: de\nformat: revealjs\n---\n\n"
        # the picture alone: the Picture with Caption layout
        '## Eselsbrücke\n\n![In der "Tasse" bleibt mehr als in der "Käseglocke"](pic.png){width="45%"}\n\n'
        # text, then the picture: its caption beside the text
        '## Mit Text\n\nEin Satz davor.\n\n![Die "Tasse" neben Text](pic.png){width="30%"}\n\n'
        # a callout and a picture: the Content with Caption layout
        '## Mit Kasten\n\n::: {.callout-note title="Definition"}\nEin Maß für Plausibilität.\n:::\n\n'
        "![Die 'Glocke' unter dem Kasten](pic.png){width=\"50%\"}\n\n"
        # a picture inside a link: its caption (its alt text) too
        '## Verlinkt\n\n[![Ein "Link" als Bild](pic.png)](https://example.org)\n',
        "lecture.qmd",
    )


def test_quotes_in_picture_captions_are_curled_in_every_layout_and_output(tmp_path):
    src = _quoted_pictures(tmp_path)
    prs, handout, slides_pdf, err = _all(src, tmp_path / "out")
    captions = [
        "In der “Tasse” bleibt mehr als in der “Käseglocke”",
        "Die “Tasse” neben Text",
        "Die ‘Glocke’ unter dem Kasten",
    ]
    for n, caption in enumerate(captions, 1):
        deck = slide_text(prs.slides[n])
        assert caption in deck, deck
        assert '"' not in deck and "'" not in deck
        assert caption in " ".join(handout.split()) and caption in " ".join(slides_pdf.split())
        # the picture's alt text, read from the deck, is the curled caption too
        alts = [
            sh._element.xpath(".//p:cNvPr")[0].get("descr")
            for sh in prs.slides[n].shapes
            if sh.shape_type == 13  # a picture
        ]
        assert alts == [caption], alts
    for text in (handout, slides_pdf):
        assert '"Tasse"' not in text and "'Glocke'" not in text
    assert "agree with the source" in err
