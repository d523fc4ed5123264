"""Review 25e: one author team's works cited together are named once, as the CSL style's ``<citation
collapse=…>`` says and pandoc's citeproc prints them; works of one team and year get year suffixes
(2018a, 2018b); a format option written only in a Quarto project's ``_quarto.yml`` is named at that
file's line in the ``unused-key`` note."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import citeproc

from .conftest import cli_deck, run_cli, slide_text, write_md

BIB = """\
@article{Chiaramonte2017, author = {Chiaramonte, Alessandro and Emanuele, Vincenzo},
  title = {Party system volatility}, journal = {Party Politics}, year = {2017}}
@article{Emanuele2018, author = {Emanuele, Vincenzo and Chiaramonte, Alessandro},
  title = {A growing impact of new parties}, journal = {Party Politics}, year = {2018}}
@article{Emanuele2019, author = {Emanuele, Vincenzo and Chiaramonte, Alessandro},
  title = {Explaining the impact of new parties}, journal = {JEPOP}, year = {2019}}
@book{Smith2001, author = {Smith, John}, title = {Early}, publisher = {P}, year = {2001}}
@book{Smith2004, author = {Smith, John}, title = {Later}, publisher = {P}, year = {2004}}
@book{JaneSmith2005, author = {Smith, Jane}, title = {Other Smith}, publisher = {P}, year = {2005}}
@book{Lee2018x, author = {Lee, Ann}, title = {Alpha}, publisher = {P}, year = {2018}}
@book{Lee2018y, author = {Lee, Ann}, title = {Beta}, publisher = {P}, year = {2018}}
@book{Lee2018z, author = {Lee, Ann}, title = {Gamma}, publisher = {P}, year = {2018}}
@book{Lee2018w, author = {Lee, Ann}, title = {Delta, not cited}, publisher = {P}, year = {2018}}
@book{Lee2020, author = {Lee, Ann}, title = {Epsilon}, publisher = {P}, year = {2020}}
"""


def _lecture(folder: Path, body: str, front: str = "") -> Path:
    (folder / "refs.bib").write_text(BIB, encoding="utf-8")
    return write_md(
        folder, "---\ntitle: Cites\nbibliography: refs.bib\n" + front + "---\n\n## One\n\n" + body
    )


def _texts(src: Path, out: Path) -> tuple[str, str]:
    """The cited slide's text and the references slide's."""
    prs, _ = cli_deck(src, out)
    return slide_text(prs.slides[1]), slide_text(prs.slides[-1])


def _style(folder: Path, name: str, citation_attrs: str) -> None:
    """citeproc-py's Harvard style with ``citation_attrs`` on its ``<citation>`` instead of its own
    ``collapse="year"``, as a lecture's own ``csl:`` file."""
    harvard = Path(citeproc.__file__).parent / "data" / "styles" / "harvard-cite-them-right.csl"
    text = harvard.read_text(encoding="utf-8")
    assert 'collapse="year">' in text
    (folder / name).write_text(text.replace('collapse="year">', citation_attrs + ">"), encoding="utf-8")


def test_one_teams_works_are_named_once_in_the_deck_and_the_handout(tmp_path):
    src = _lecture(
        tmp_path,
        "- Innovation [@Emanuele2018; @Emanuele2019]\n"
        "- Contribution [@Chiaramonte2017; @Emanuele2019; @Emanuele2018]\n",
    )
    out = tmp_path / "out"
    result = run_cli("all", src, "-o", out)
    assert result.exit_code == 0, result.stderr
    from pptx import Presentation

    text = slide_text(Presentation(str(out / "lecture.pptx")).slides[1])
    assert "Innovation (Emanuele and Chiaramonte, 2018, 2019)" in text
    # (sorted by year, as the style's <citation> sorts; the team's second work joins its first)
    assert "Contribution (Chiaramonte and Emanuele, 2017; Emanuele and Chiaramonte, 2018, 2019)" in text
    handout = subprocess.run(
        ["pdftotext", str(out / "lecture-handout.pdf"), "-"], capture_output=True, text=True, check=True
    ).stdout
    flat = " ".join(handout.split())
    assert "Innovation (Emanuele and Chiaramonte, 2018, 2019)" in flat
    assert "Chiaramonte, 2019; Emanuele" not in flat


def test_a_prefix_locator_or_suffix_keeps_its_words_and_other_authors_stay_apart(tmp_path):
    src = _lecture(
        tmp_path,
        "- Located [see @Smith2001, p. 3; @Smith2004]\n"
        "- Suffixed [@Smith2001, emphasis added; @Smith2004]\n"
        "- Later prefix [@Smith2004; cf. @Smith2001]\n"
        "- Two Smiths [@Smith2001; @JaneSmith2005]\n",
    )
    text, _ = _texts(src, tmp_path / "out")
    # (citeproc: a locator joins the group, the team named once; a suffix or a later prefix keeps a cite apart)
    assert "Located (see Smith, 2001, p. 3; 2004)" in text
    assert "Suffixed (Smith, 2001, emphasis added; Smith, 2004)" in text
    assert "Later prefix (Smith, 2004; cf. Smith, 2001)" in text
    assert "Two Smiths (Smith, 2001; Smith, 2005)" in text


def test_one_teams_works_of_one_year_get_year_suffixes_in_citations_and_references(tmp_path):
    src = _lecture(
        tmp_path,
        "- Together [@Lee2018y; @Lee2018x]\n- Alone [@Lee2018z] and @Lee2018y in text\n- Later [@Lee2020]\n",
    )
    text, refs = _texts(src, tmp_path / "out")
    # (lettered in the reference list's order, by title; the uncited Delta takes no letter)
    assert "Together (Lee, 2018a, 2018b)" in text
    assert "Alone (Lee, 2018c) and Lee (2018b) in text" in text
    assert "Later (Lee, 2020)" in text
    assert (
        "Lee, A. (2018a) Alpha" in refs and "Lee, A. (2018b) Beta" in refs and "Lee, A. (2018c) Gamma" in refs
    )
    assert "Lee, A. (2020) Epsilon" in refs and "Delta" not in refs


def test_a_lectures_own_style_collapses_year_suffixes_and_ranges(tmp_path):
    _style(tmp_path, "suffix.csl", 'collapse="year-suffix" year-suffix-delimiter=","')
    _style(tmp_path, "ranged.csl", 'collapse="year-suffix-ranged" year-suffix-delimiter=", "')
    body = "- All [@Lee2018z; @Lee2020; @Lee2018x; @Lee2018y]\n- Two [@Lee2018x; @Lee2018z]\n"
    text, _ = _texts(_lecture(tmp_path, body, "csl: suffix.csl\n"), tmp_path / "out1")
    assert "All (Lee, 2018a,b,c; 2020)" in text and "Two (Lee, 2018a,c)" in text
    text, _ = _texts(_lecture(tmp_path, body, "csl: ranged.csl\n"), tmp_path / "out2")
    assert "All (Lee, 2018a–c; 2020)" in text and "Two (Lee, 2018a, c)" in text


def test_a_numeric_style_collapses_runs_of_citation_numbers(tmp_path):
    (tmp_path / "numbers.csl").write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<style xmlns="http://purl.org/net/xbiblio/csl" class="in-text" version="1.0">\n'
        "  <info><title>Numbers</title><id>numbers</id><updated>2020-01-01T00:00:00+00:00</updated></info>\n"
        '  <citation collapse="citation-number">\n'
        '    <sort><key variable="citation-number"/></sort>\n'
        '    <layout prefix="[" suffix="]" delimiter=", "><text variable="citation-number"/></layout>\n'
        "  </citation>\n"
        "  <bibliography><layout>"
        '<text variable="citation-number" prefix="[" suffix="] "/><text variable="title"/>'
        "</layout></bibliography>\n"
        "</style>\n",
        encoding="utf-8",
    )
    src = _lecture(
        tmp_path,
        "- First [@Smith2001; @Smith2004; @Lee2018x; @Lee2018y]\n- Then [@Lee2020; @Lee2018y; @Smith2001; @Lee2018x]\n",
        "csl: numbers.csl\n",
    )
    text, refs = _texts(src, tmp_path / "out")
    assert "First [1–4]" in text and "Then [1, 3–5]" in text
    assert re.search(r"\[5\] Epsilon", refs)


def test_a_project_files_format_options_are_named_at_its_own_lines(tmp_path):
    (tmp_path / "_quarto.yml").write_text(
        "project:\n  type: website\n\nformat:\n  revealjs:\n"
        "    slide-number: c/t\n    navigation-mode: linear\n    mouse-wheel: false\n",
        encoding="utf-8",
    )
    slides = tmp_path / "slides"
    slides.mkdir()
    src = write_md(
        slides,
        '---\ntitle: "Lezione"\nformat:\n  revealjs:\n    transition: fade\n---\n\n## Una slide\n\nTesto.\n',
        "lecture.qmd",
    )
    result = run_cli("slides", src, "-o", tmp_path / "out", "--allow-folder", tmp_path)
    assert result.exit_code == 0, result.stderr
    notes = [line for line in result.stderr.splitlines() if "[unused-key]" in line]
    own = [line for line in notes if re.search(r"lecture\.qmd:5: note: options of 'format: revealjs'", line)]
    project = [
        line for line in notes if re.search(r"_quarto\.yml:6: note: options of 'format: revealjs'", line)
    ]
    assert len(own) == 1 and own[0].endswith("Podium does not use: transition [unused-key]"), notes
    assert len(project) == 1, notes
    assert "slide-number, navigation-mode, mouse-wheel [unused-key]" in project[0]
