"""Links in small print (a footnote, xaringan's ``.footnote[…]``, Quarto's ``::: aside``) stay links in
both outputs, and ``check`` (which compares every web address the source links) passes the build."""

from __future__ import annotations

from pptx import Presentation
from pypdf import PdfReader

from .conftest import run_cli, write_md

_HLINK = "{http://schemas.openxmlformats.org/drawingml/2006/main}hlinkClick"
_RID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"


def _deck_links(path) -> list[list[str]]:
    out = []
    for slide in Presentation(str(path)).slides:
        rels = slide.part.rels
        out.append(
            [rels[el.get(_RID)].target_ref for el in slide._element.iter(_HLINK) if el.get(_RID) in rels]
        )
    return out


def _pdf_links(path) -> set[str]:
    found = set()
    for page in PdfReader(str(path)).pages:
        for annot in page.get("/Annots") or []:
            action = annot.get_object().get("/A")
            if action is not None and action.get("/URI"):
                found.add(str(action["/URI"]))
    return found


def test_a_link_in_a_list_of_small_print_is_a_link_in_the_deck_and_the_handout(tmp_path):
    src = write_md(
        tmp_path,
        """
        ---
        title: Sources
        ---

        ## Portal

        Some text.

        ::: aside
        - [A seminar](https://forum.example.org/t/128)
        - [Another](https://example.org/another)
        :::
        """,
    )
    result = run_cli("all", src, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.output
    links = _deck_links(tmp_path / "out" / "lecture.pptx")
    assert {"https://forum.example.org/t/128", "https://example.org/another"} <= set(links[1])
    assert {"https://forum.example.org/t/128", "https://example.org/another"} <= _pdf_links(
        tmp_path / "out" / "lecture-handout.pdf"
    )


def test_a_footnote_of_several_blocks_keeps_its_links_and_a_space_between_them(tmp_path):
    src = write_md(
        tmp_path,
        """
        ---
        title: Notes
        ---

        ## Claims

        A claim[^1] and more.

        [^1]: First part with [a link](https://example.org/x).

            - item [two](https://example.org/two)
            - item three
        """,
    )
    result = run_cli("all", src, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.output
    deck = Presentation(str(tmp_path / "out" / "lecture.pptx"))
    texts = [sh.text_frame.text for sh in deck.slides[1].shapes if sh.has_text_frame]
    assert "1. First part with a link. item two item three" in texts
    assert {"https://example.org/x", "https://example.org/two"} <= set(
        _deck_links(tmp_path / "out" / "lecture.pptx")[1]
    )
