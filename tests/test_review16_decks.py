"""Marp, Slidev, reveal.js and GitPitch decks, from review 16: inline math padded with control spaces
before its closing ``$``, reveal-md's ``$`` / ``\\begin{aligned}`` / ``$`` over lines, a Slidev cover
wrapped in a ``<div>``, a GitPitch deck opening with ``---`` and its ``@title[…]``, and ``-->`` arrows."""

from __future__ import annotations

from pathlib import Path

from pptx import Presentation
from pptx.enum.shapes import PP_PLACEHOLDER

from .conftest import run_cli, write_md

_M = "{http://schemas.openxmlformats.org/officeDocument/2006/math}"
_A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"


def _build(tmp_path: Path, text: str, name: str = "deck.md", command: str = "slides"):
    """The deck built by the command line from ``text``: (python-pptx's deck, stderr)."""
    src = write_md(tmp_path, text, name)
    out = tmp_path / "out"
    result = run_cli(command, src, "-o", out)
    assert result.exit_code == 0, result.stderr
    return Presentation(str(out / (Path(name).stem + ".pptx"))), result.stderr


def _paragraphs(slide) -> list[str]:
    """Each paragraph of the slide's boxes (but the title, footer and number) as a reader sees it: its
    words with its equations' text (Office math's ``m:t``) in place, equations in ``⟨…⟩``."""
    out = []
    for sh in slide.shapes:
        if not sh.has_text_frame or sh == slide.shapes.title:
            continue
        if sh.is_placeholder and sh.placeholder_format.type in (
            PP_PLACEHOLDER.FOOTER,
            PP_PLACEHOLDER.SLIDE_NUMBER,
        ):
            continue
        for p in sh.text_frame._txBody.iter(f"{_A}p"):
            said = ""
            for el in p.iter():
                if el.tag == f"{_A}t" and not any(a.tag.endswith("Fallback") for a in el.iterancestors()):
                    said += el.text or ""
                elif el.tag.endswith("}oMath"):
                    said += "⟨" + "".join(t.text or "" for t in el.iter(f"{_M}t")) + "⟩"
            out.append(said)
    return out


def _titles(deck) -> list[str]:
    return [s.shapes.title.text_frame.text if s.shapes.title is not None else "" for s in deck.slides]


# -- 3: inline math whose closing `$` follows control spaces ------------------------------------------


def test_math_padded_with_control_spaces_before_its_closing_dollar_is_math(tmp_path):
    deck, err = _build(
        tmp_path,
        r"""
        ---
        title: Padding
        ---

        ## Entries

        四个：$256=2^8\ \ \ \ $个条目。那么包含$2^{11}=2048\ \ $个条目。如下图：$p_1=8,d=13$

        六个：$2^{24}\ \ \ \ \ \ $个字节。

        It costs $5 and $10 \ now; $x $ too.
        """,
    )
    paras = _paragraphs(deck.slides[-1])
    assert paras[0] == "四个：⟨256=28⟩个条目。那么包含⟨211=2048⟩个条目。如下图：⟨p1=8,d=13⟩", paras
    assert paras[1] == "六个：⟨224⟩个字节。", paras
    # (money and a written blank before the closing dollar are no math, as in pandoc: only a control space)
    assert paras[2] == "It costs $5 and $10 \xa0now; $x $ too.", paras
    assert "$" not in err and "warning" not in err, err


# -- 4: reveal.js's `$` / \begin{aligned} … / `$` over lines -----------------------------------------


def test_reveal_md_math_written_over_lines_is_an_equation(tmp_path):
    deck, err = _build(
        tmp_path,
        r"""
        ---
        title: Aligned
        separator: <!-- s -->
        ---

        ## Page table

        Entries:

        $
        \begin{aligned}
        a &= b \\\\
        c &= d
        \end{aligned}
        $

        <!-- s -->

        ## Next

        Words $
        x^2$ after.
        """,
    )
    assert _titles(deck) == ["Page table", "Next"]
    xml = "".join(sh._element.xml for sh in deck.slides[0].shapes)
    assert xml.count("<m:mr>") == 2  # (two rows: `\\\\` is marked's `\\`, not an empty row between)
    assert _paragraphs(deck.slides[0]) == ["Entries:", "⟨a=bc=d⟩"]
    assert _paragraphs(deck.slides[1]) == ["Words ⟨x2⟩ after."]
    assert "[math]" not in err and "[raw-tex]" not in err, err
    # (a pandoc lecture's `$` before a line break is pandoc's dollar sign, still with its warning)
    (tmp_path / "pandoc").mkdir()
    _, err = _build(tmp_path / "pandoc", "---\ntitle: Pandoc\n---\n\n## Slide\n\n$\nx^2$\n")
    assert "deck.md:7: warning: a '$' with a line break right after it" in err, err


# -- 5: a Slidev cover wrapped in a <div>, in the headmatter's `layout: center` ----------------------


def test_a_slidev_cover_in_a_div_is_one_title_slide(tmp_path):
    cover = """
        ---
        layout: center
        highlighter: shiki
        title: 'SQL 102'
        ---
        <div translate-x--20 translate-y-10>

        {heading}

        Language of the Modern Data System

        </div>

        ---

        # Review

        Text.
        """
    for n, heading in enumerate(
        ("<h1>\nStructured Query Language (SQL) 102\n</h1>", "# Structured Query Language (SQL) 102")
    ):
        (tmp_path / str(n)).mkdir()
        text = cover.replace("{heading}", heading.replace("\n", "\n        "))
        deck, _ = _build(tmp_path / str(n), text, "slides.md")
        assert _titles(deck) == ["Structured Query Language (SQL) 102", "Review"]
        assert _paragraphs(deck.slides[0]) == ["Language of the Modern Data System"]


def test_a_slidev_cover_with_notes_is_its_own_slide_and_no_title_slide_is_made(tmp_path):
    deck, _ = _build(
        tmp_path,
        """
        ---
        layout: center
        highlighter: shiki
        title: 'SQL 102'
        ---
        <div>

        <h1 class="big">Structured Query Language</h1>

        Language of the Modern Data System

        </div>

        <!--
        Going to move fast!
        -->

        ---

        # Review

        Text.
        """,
        "slides.md",
    )
    assert _titles(deck) == ["Structured Query Language", "Review"]
    assert "Language of the Modern Data System" in _paragraphs(deck.slides[0])
    assert deck.slides[0].notes_slide.notes_text_frame.text == "Going to move fast!"


# -- 6: a GitPitch deck opening with `---`, and its @title[…] ----------------------------------------


def test_a_gitpitch_deck_opening_with_a_slide_break_builds_and_its_title_widget_is_words(tmp_path):
    deck, err = _build(
        tmp_path,
        """
        ---
        <!-- .slide: class="center" -->
        @title[Introduction to Git]

        ---
        @title[Git]
        # Git
        Distributed @color[orange](version control) system

        ---
        ### Theory
        **Commit** = state of repository
        """,
        "PITCHME.md",
    )
    assert _titles(deck) == ["Introduction to Git", "Git", "Theory"]
    assert _paragraphs(deck.slides[1]) == ["Distributed version control system"]
    assert "PITCHME.md:1: note: the '---' here opens no front matter" in err, err
    assert "citation" not in err and "@" not in err, err

    # (front matter that is YAML, but broken, is still an error at its line)
    src = write_md(tmp_path, "---\ntitle: [Broken\n---\n\n## A\n\nText.\n")
    result = run_cli("slides", src, "-o", tmp_path / "out2")
    assert result.exit_code == 1
    assert "lecture.md:2:15: error: front matter is not valid YAML" in result.stderr, result.stderr


# -- 8: an arrow `-->` stays an arrow -----------------------------------------------------------------


def test_an_arrow_stays_an_arrow_wherever_it_is_written(tmp_path):
    deck, _ = _build(
        tmp_path,
        """
        ---
        marp: true
        ---

        # Arrows

        ## Kazushi(20)-->str

        Downloads --> Download, x<--y, a--b

        - Downloads --> Download
        - ### f(x)-->g
        """,
    )
    assert _paragraphs(deck.slides[0]) == [
        "Kazushi(20)-->str",
        "Downloads --> Download, x<--y, a--b",  # (Marp has no typographer: its `--` stays)
        "Downloads --> Download",
        "f(x)-->g",
    ]
