"""What a second read of review 21's fixes found: Quarto's ``date-format`` with a token Podium does not
write keeps the date as written (with the note), and a Marp deck's deck-wide ``class: lead`` does not
make its first content slide a cover over the lecture's own ``title:``."""

from __future__ import annotations

from pptx import Presentation

from .conftest import run_cli, write_md


def _slides(path):
    return [
        (s.slide_layout.name, [sh.text_frame.text for sh in s.shapes if sh.has_text_frame])
        for s in Presentation(str(path)).slides
    ]


def test_a_date_format_with_a_token_podium_does_not_write_keeps_the_date_as_written(tmp_path):
    for k, pattern in enumerate(("dddd, MMMM Do, YYYY", "dd D MMM")):
        src = write_md(
            tmp_path,
            f"""
            ---
            title: Graphs
            date: 2024-03-05
            date-format: "{pattern}"
            format: revealjs
            ---

            ## One

            Text
            """,
            f"l{k}.qmd",
        )
        result = run_cli("slides", src, "-o", tmp_path / "out")
        assert result.exit_code == 0, result.output
        assert "date-format [unused-key]" in result.output
        title = _slides(tmp_path / "out" / f"l{k}.pptx")[0][1]
        assert "2024-03-05" in title, title


def test_a_date_format_podium_writes_is_used(tmp_path):
    src = write_md(
        tmp_path,
        """
        ---
        title: Graphen
        lang: de
        date: 2024-03-05
        date-format: "D. MMMM YYYY"
        format: revealjs
        ---

        ## Eins

        Text
        """,
        "l.qmd",
    )
    result = run_cli("slides", src, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.output
    assert "5. März 2024" in _slides(tmp_path / "out" / "l.pptx")[0][1]


def test_a_deck_wide_lead_class_leaves_the_lectures_own_title(tmp_path):
    src = write_md(
        tmp_path,
        """
        ---
        marp: true
        theme: gaia
        class: lead
        title: "Lecture 3: Graph algorithms"
        ---

        # Motivation

        Road maps, social networks and the web are graphs.

        ---

        # BFS

        - queue
        """,
    )
    result = run_cli("slides", src, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.output
    slides = _slides(tmp_path / "out" / "lecture.pptx")
    assert any(texts[0] == "Motivation" and layout != "Title Slide" for layout, texts in slides), slides
    assert not any("Motivation" in t for _, texts in slides for t in texts[1:] if "Graph algorithms" in t)
    assert "the title slide's and the lecture's title" not in result.output
