"""A lecture's bibliography as real .bib files write it: biblatex's entry types (``@online``,
``@software``, ``@dataset``…), a ``@misc`` with only a title and an address, an entry BibTeX cannot
read beside good ones, and a file that exists but cannot be read.  Each lecture is built through the
command line and read back from what a lecturer gets: the deck (python-pptx) and the handout
(pdftotext)."""

from __future__ import annotations

import subprocess

from pptx import Presentation

from .conftest import run_cli, write_md


def _deck(path) -> str:
    """Every text on every slide of the deck at ``path``, one text frame a line."""
    return "\n".join(
        sh.text_frame.text for s in Presentation(str(path)).slides for sh in s.shapes if sh.has_text_frame
    )


def _references_slide(path) -> str:
    """The words of the deck's "References" slide(s), white space as single spaces."""
    texts = []
    for s in Presentation(str(path)).slides:
        frames = [sh.text_frame.text for sh in s.shapes if sh.has_text_frame]
        if frames and frames[0].startswith("References"):
            texts += frames[1:]
    return " ".join(" ".join(texts).split())


def _handout(path) -> str:
    """The handout's words, white space (pdftotext's line breaks) as single spaces."""
    out = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return " ".join(out.split())


def _in(words: str, text: str) -> bool:
    """``words`` are in ``text`` when white space is left out (a handout breaks a line after an
    address's "https://", which pdftotext reads as a space)."""
    return "".join(words.split()) in "".join(text.split())


def _build(folder, bib: str, body: str, bib_name: str = "refs.bib"):
    """Build a lecture citing from ``bib`` (written to ``bib_name``) with ``body`` as its slides."""
    (folder / bib_name).write_text(bib, encoding="utf-8")
    src = write_md(folder, f"---\ntitle: Refs\nbibliography: {bib_name}\n---\n\n{body}\n")
    out = folder / "out"
    result = run_cli("all", src, "-o", out)
    assert result.exit_code == 0, result.stderr
    return out, result.stderr


BIBLATEX = """\
@misc{Web2020,
author = {Doe, Jane},
title = {A web page},
url = {https://example.org/page},
urldate = {2020-05-21},
year = {2020}
}
@online{Onl2021,
author = {Roe, Rick},
title = {An online resource},
url = {https://example.org/online},
year = {2021}
}
@software{Sw2022, author = {Kay, Kim}, title = {Plotter}, version = {1.2}, year = {2022}}
@dataset{Ds2023, author = {Lee, Lou}, title = {Tides}, publisher = {Zenodo}, date = {2023-04-05}}
@report{Rp2019, author = {Poe, Pat}, title = {Load tests}, institution = {MIT}, number = {TR-7}, year = {2019}}
@thesis{Th2018, author = {Xu, Xia}, title = {Graphs}, institution = {ETH}, type = {PhD thesis}, year = {2018}}
@collection{Co2017, editor = {Ede, Eva}, title = {Essays}, publisher = {Springer}, year = {2017}}
@patent{Pa2016, author = {Ng, Nia}, title = {A hinge}, number = {US123}, year = {2016}}
@standard{St2015, author = {Iso, Ida}, title = {Quality}, organization = {ISO}, year = {2015}}
@frobnicate{Fr2013, author = {Fro, Fay}, title = {Odd}, year = {2013}}
"""


def test_an_online_entry_and_other_biblatex_types_are_cited_and_listed(tmp_path):
    # one @online in the .bib made citeproc-py's reader fail (KeyError 'online'): every citation of
    # the lecture stayed [@key], and the warning said the bibliography "was not found"
    out, said = _build(
        tmp_path,
        BIBLATEX,
        "## Plan\n\n"
        "* A web page [@Web2020], an online resource [@Onl2021]\n"
        "* Tools [@Sw2022; @Ds2023], reports [@Rp2019; @Th2018]\n"
        "* Others [@Co2017; @Pa2016; @St2015; @Fr2013]\n\n"
        "## References",
    )
    deck = _deck(out / "lecture.pptx")
    handout = _handout(out / "lecture-handout.pdf")
    for cited in (  # (in the order the style's <citation> sorts them, by year, as pandoc's citeproc)
        "(Doe, 2020)",
        "(Roe, 2021)",
        "(Kay, 2022; Lee, 2023)",
        "(Xu, 2018; Poe, 2019)",
        "(Fro, 2013; Iso, 2015; Ng, 2016; Ede, 2017)",
    ):
        assert cited in deck and _in(cited, handout), cited
    assert "[@" not in deck and "[@" not in handout
    refs = _references_slide(out / "lecture.pptx")
    for listed in (
        "Roe, R. (2021) An online resource. Available at: https://example.org/online.",
        "Poe, P. (2019) Load tests. TR-7. MIT.",  # (a report's number and institution)
        "Xu, X. (2018) Graphs. PhD thesis. ETH.",  # (a thesis: its type and school)
        "Lee, L. (2023)",  # (biblatex's date)
    ):
        assert listed in refs and _in(listed, handout), listed
    assert "not found" not in said and "cannot be read" not in said, said


def test_a_misc_entry_keeps_its_address_and_shows_its_title_once(tmp_path):
    # a @misc with no author lost its url and printed its title twice in the references
    bib = (
        "@misc{Barry2019,\n"
        "title = {{Antifragile Designing the Systems of the Future}},\n"
        "url = {https://example.org/talk},\n"
        "urldate = {2020-05-21}\n"
        "}\n"
        "@misc{Old1999, author = {Ode, Olga}, title = {Notes}, howpublished = {\\url{https://example.org/notes}},"
        " year = {1999}}\n"
    )
    out, said = _build(
        tmp_path, bib, "## Plan\n\n* Antifragility [@Barry2019], notes [@Old1999]\n\n## References"
    )
    title = "Antifragile Designing the Systems of the Future"
    expected = f"“{title}” (no date). Available at: https://example.org/talk (Accessed: May 21, 2020)."
    refs = _references_slide(out / "lecture.pptx")
    handout = _handout(out / "lecture-handout.pdf")
    assert expected in refs and _in(expected, handout)
    assert refs.count(title) == 1
    notes = "Ode, O. (1999) “Notes”. Available at: https://example.org/notes."  # (BibTeX's howpublished)
    assert notes in refs and _in(notes, handout)
    assert "bibliography" not in said, said


def test_an_entry_that_cannot_be_read_loses_only_itself_and_is_named(tmp_path):
    bib = (
        "@book{Good2001, author = {Alpha, Ann}, title = {First}, publisher = {Acme}, year = {2001}}\n"
        "@article{Bad2002,\n"
        "  author = {Beta, Bo},\n"
        "  title = {A comma forgotten}\n"
        "  year = {2002}\n"
        "}\n"
        "@book{Good2003, author = {Gamma, Gil}, title = {Third}, publisher = {Acme}, year = {2003}}\n"
    )
    out, said = _build(
        tmp_path, bib, "## Plan\n\n* See [@Good2001], [@Bad2002] and [@Good2003]\n\n## References"
    )
    deck = _deck(out / "lecture.pptx")
    handout = _handout(out / "lecture-handout.pdf")
    for text in (deck, handout):
        assert _in("See (Alpha, 2001), [@Bad2002] and (Gamma, 2003)", text)
    assert _in("Alpha, A. (2001) First. Acme.", handout) and _in("Gamma, G. (2003) Third. Acme.", handout)
    assert "bibliography 'refs.bib': entry 'bad2002' (line 2) cannot be read" in said, said
    assert "citation '@Bad2002' is left as written: its entry in 'refs.bib' (line 2) cannot be read" in said
    assert "not found" not in said, said


def test_a_bibliography_that_exists_but_cannot_be_read_is_not_said_to_be_missing(tmp_path):
    out, said = _build(
        tmp_path,
        '{"id": "web2020", "type": "webpage", "title": "A web page"',  # (the JSON list never closed)
        "## Plan\n\n* A web page [@web2020]",
        bib_name="refs.json",
    )
    assert "[@web2020]" in _deck(out / "lecture.pptx") and "[@web2020]" in _handout(
        out / "lecture-handout.pdf"
    )
    assert "bibliography 'refs.json' was found but cannot be read (JSONDecodeError" in said, said
    assert "citation '@web2020' is not in the bibliography ('refs.json' cannot be read)" in said, said
    assert "not found" not in said, said


def test_an_edited_book_lists_its_editors_once(tmp_path):
    # the style prints the editors in the author's place (its <substitute>); citeproc-py printed them
    # again as "Edited by J. Smith and J. Doe"
    (tmp_path / "refs.bib").write_text(
        "@book{ed2020,\n  editor = {Smith, Jane and Doe, John},\n  title = {Handbook of Security},\n"
        "  publisher = {Oxford University Press},\n  year = {2020}\n}\n"
    )
    src = write_md(tmp_path, "---\ntitle: C\nbibliography: refs.bib\n---\n\n## S\n\nAs in [@ed2020].\n")
    result = run_cli("all", str(src), "-o", str(tmp_path / "out"))
    assert result.exit_code == 0, result.output
    refs = _references_slide(tmp_path / "out" / "lecture.pptx")
    assert refs.startswith("Smith, J. and Doe, J. (eds.) (2020) Handbook of Security.")
    assert refs.count("Smith") == 1 and "Edited by" not in refs
    handout = _handout(tmp_path / "out" / "lecture-handout.pdf")
    assert "Handbook of Security" in handout and "Edited by" not in handout
