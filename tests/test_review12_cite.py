"""Review 12a: in-text citations with a locator, unknown in-text keys, the ``csl:`` line, author
affiliations, quotations over several paragraphs."""

from __future__ import annotations

import subprocess
from pathlib import Path

from .conftest import cli_deck, run_cli, slide_text, write_md

BIB = """\
@book{stangor_social_2004,
  address = {New York},
  title = {Social groups in action and interaction},
  publisher = {Psychology Press},
  author = {Stangor, Charles},
  year = {2004}
}
"""


def _lecture(tmp_path: Path, body: str, front: str = "") -> Path:
    (tmp_path / "refs.bib").write_text(BIB, encoding="utf-8")
    return write_md(
        tmp_path, "---\ntitle: Citas\nbibliography: refs.bib\n" + front + "---\n\n## Uno\n\n" + body
    )


def _handout_text(out: Path, stem: str = "lecture") -> str:
    return subprocess.run(
        ["pdftotext", str(out / f"{stem}-handout.pdf"), "-"], capture_output=True, text=True, check=True
    ).stdout


def test_in_text_citation_with_a_locator_is_author_year_and_page(tmp_path):
    src = _lecture(
        tmp_path,
        "@stangor_social_2004 [p. 75] define la influencia.\n\n"
        "Y @stangor_social_2004 [pp. 33-35] y @stangor_social_2004 [chap. 3] y @stangor_social_2004 [12].\n",
    )
    out = tmp_path / "out"
    result = run_cli("all", src, "-o", out)
    assert result.exit_code == 0, result.stderr
    from pptx import Presentation

    text = slide_text(Presentation(str(out / "lecture.pptx")).slides[1])
    assert "Stangor (2004, p. 75) define la influencia." in text
    assert "Stangor (2004, pp. 33–35)" in text and "Stangor (2004, chap. 3)" in text
    assert "Stangor (2004, p. 12)" in text
    assert "[p. 75]" not in text
    assert "Stangor (2004, p. 75)" in _handout_text(out)


def test_bracketed_locator_goes_through_the_style(tmp_path):
    src = _lecture(tmp_path, "Véase [@stangor_social_2004, pp. 33-35].\n")
    prs, _ = cli_deck(src, tmp_path / "out")
    assert "(Stangor, 2004, pp. 33–35)" in slide_text(prs.slides[1])


def test_unknown_in_text_key_is_warned_at_its_line(tmp_path):
    src = _lecture(
        tmp_path,
        "Bandwagon: @dahlgaard_how_2017\n\n"
        "Escribe a me@uni.edu o mira <https://x.com/@user>.\n\n"
        "Entre corchetes [@nokey] y @nokey2 [p. 4].\n",
    )
    prs, err = cli_deck(src, tmp_path / "out")
    assert "lecture.md:8: warning: citation '@dahlgaard_how_2017' is not in the bibliography" in err
    assert "lecture.md:12: warning: citation '@nokey' is not in the bibliography" in err
    assert "lecture.md:12: warning: citation '@nokey2' is not in the bibliography" in err
    assert err.count("@nokey2") == 1
    assert "'@uni" not in err and "'@user'" not in err
    text = slide_text(prs.slides[1])
    assert "@dahlgaard_how_2017" in text and "me@uni.edu" in text


def test_missing_citation_style_is_warned_at_the_csl_line(tmp_path):
    src = _lecture(tmp_path, "Texto [@stangor_social_2004].\n", front="lang: es\ncsl: apa.csl\n")
    _, err = cli_deck(src, tmp_path / "out")
    assert "lecture.md:5: warning: citation style 'apa.csl' not found" in err


def _title_and_cover(tmp_path: Path, front: str) -> tuple[str, str]:
    tmp_path.mkdir(exist_ok=True)
    src = write_md(tmp_path, "---\ntitle: Asking causal questions\n" + front + "---\n\n## One\n\nText.\n")
    out = tmp_path / "out"
    result = run_cli("all", src, "-o", out)
    assert result.exit_code == 0, result.stderr
    from pptx import Presentation

    return slide_text(Presentation(str(out / "lecture.pptx")).slides[0]), _handout_text(out).split("Handout")[
        0
    ]


def test_quarto_author_affiliations_on_the_title_slide_and_cover(tmp_path):
    title, cover = _title_and_cover(
        tmp_path,
        'author:\n  - name: "Prof. Brenton Kenkel"\n    email: brenton.kenkel@gmail.com\n'
        "    affiliations: Vanderbilt University\n"
        "  - name: Ana Ruiz\n    affiliations:\n      - ref: uab\n"
        "affiliations:\n  - id: uab\n    name: Universitat Autònoma de Barcelona\n",
    )
    for text in (title, cover):
        assert "Prof. Brenton Kenkel" in text and "Ana Ruiz" in text
        assert "Vanderbilt University" in text and "Universitat Autònoma de Barcelona" in text


def test_pandoc_author_affiliation_and_institute_on_the_title_slide_and_cover(tmp_path):
    title, cover = _title_and_cover(
        tmp_path,
        "author:\n- name: Juan Muñoz\n  affiliation: Universitat Autònoma de Barcelona\n"
        "- name: Ana Ruiz\n  affiliation: Universitat Autònoma de Barcelona\n",
    )
    for text in (title, cover):
        assert "Juan Muñoz" in text and text.count("Universitat Autònoma de Barcelona") == 1
    title, cover = _title_and_cover(
        tmp_path / "b",
        "author:\n- name: Juan Muñoz\n  affiliation: Departamento de Psicología Social\ninstitute: UAB\n",
    )
    for text in (title, cover):
        assert "UAB" in text and "Departamento de Psicología Social" in text


def test_quotation_over_several_paragraphs_is_curled_as_pandoc_curls_it(tmp_path):
    src = write_md(
        tmp_path,
        """\
        ---
        title: Quotes
        ---

        ## A quotation over paragraphs

        "Take a large random sample of voters.  Imagine two scenarios.

        In Scenario A, nobody sees the "message".

        Turnout would be 10% higher in Scenario B." Then 'tis done; see `"code"`.
        """,
    )
    out = tmp_path / "out"
    result = run_cli("all", src, "-o", out)
    assert result.exit_code == 0, result.stderr
    from pptx import Presentation

    text = slide_text(Presentation(str(out / "lecture.pptx")).slides[1])
    assert "\u201cTake a large random sample" in text
    assert "higher in Scenario B.\u201d Then \u2019tis done" in text
    assert "the \u201cmessage\u201d." in text and '"code"' in text
    handout = _handout_text(out)
    assert "\u201cTake a large" in handout and "Scenario B.\u201d" in handout


def test_unknown_key_on_a_later_line_of_its_paragraph_is_warned_at_that_line(tmp_path):
    src = _lecture(tmp_path, "Bandwagon effect\\\n@dahlgaard_how_2017 y\n[@nokey].\n")
    _, err = cli_deck(src, tmp_path / "out")
    assert "lecture.md:9: warning: citation '@dahlgaard_how_2017'" in err
    assert "lecture.md:10: warning: citation '@nokey'" in err
