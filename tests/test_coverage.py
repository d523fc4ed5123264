"""Words of the source that reach neither output are said (podium.coverage, the `not-shown` warning):
the reader's own losses, which comparing the outputs with the lecture as read cannot see."""

from __future__ import annotations

import pytest

from podium import reader
from podium.diagnostics import Diagnostics
from podium.reader import read_lecture

from .conftest import CORPUS, corpus_lectures, run_cli, write_md


@pytest.fixture
def losing_divs(monkeypatch):
    """A reader that loses every plain div (as a new dialect's construct it does not know would be lost)."""
    monkeypatch.setattr(reader._Converter, "plain_div", lambda self, node, attrs, classes, pos: [])


def _not_shown(path) -> list:
    diags = Diagnostics()
    read_lecture(path, diags)
    return [d for d in diags.items if d.code == "not-shown"]


def test_content_the_reader_drops_is_said_with_its_words_and_line(tmp_path, losing_divs):
    src = write_md(
        tmp_path,
        """\
        ---
        title: Losses
        ---

        ## A slide

        Kept words.

        ::: {.mystery}
        The quokka escapes
        over two lines.
        :::
        """,
    )
    said = _not_shown(src)
    assert len(said) == 1
    d = said[0]
    assert d.severity == "warning"
    assert d.pos.line == 10  # the paragraph's first line in the file, front matter counted
    assert "'escapes'" in d.message and "'quokka'" in d.message and "'lines'" in d.message
    assert "'kept'" not in d.message


def test_the_warning_reaches_the_command_line_and_fails_a_strict_build(tmp_path, losing_divs):
    src = write_md(
        tmp_path,
        """\
        ---
        title: Losses
        ---

        ## A slide

        ::: {.mystery}
        The wombat vanishes.
        :::
        """,
    )
    out = tmp_path / "out"
    res = run_cli("slides", str(src), "-o", str(out), "--strict")
    assert res.exit_code == 1
    assert not (out / "lecture.pptx").exists()  # (--strict: a warning fails the build, nothing written)
    assert "lecture.md:8: warning: the words 'vanishes', 'wombat'" in res.stderr
    assert "[not-shown]" in res.stderr


def test_what_is_left_out_on_purpose_or_already_said_is_not_reported(tmp_path):
    src = write_md(
        tmp_path,
        """\
        ---
        title: Purposes
        bibliography: none.bib
        ---

        ## Shown

        A paragraph with a citation [@smith2020, p. 3] and glue.
        The link [here](https://example.org/zebrafish) and a picture ![alt words](pic.png){width=50%}.

        Table: Results of the study

        | a | b |
        |---|---|
        | 1 | 2 |

        ::: {.content-hidden when-format="pptx"}
        Only the website shows the hippopotamus.
        :::

        ::: notes
        The speaker says wallaby.
        :::

        <!-- a comment about the echidna -->

        \\vskip 1em plus 1fil

        ## Hidden {visibility="hidden"}

        The platypus slide is hidden.

        ## Last

        :tada: Done {.fragment}
        """,
    )
    assert _not_shown(src) == []


def test_a_hidden_slide_ends_where_the_next_slide_begins(tmp_path, losing_divs):
    src = write_md(
        tmp_path,
        """\
        ---
        title: Hidden
        ---

        ## Hidden {visibility="hidden"}

        The platypus slide is hidden.

        ## Next

        ::: {.mystery}
        The narwhal is lost.
        :::
        """,
    )
    said = _not_shown(src)
    assert [d.pos.line for d in said] == [12]
    assert "narwhal" in said[0].message and "platypus" not in said[0].message


def test_the_default_lecture_has_nothing_unshown():
    assert _not_shown("content/human-security.md") == []


@pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is not here")
@pytest.mark.parametrize("src", corpus_lectures(), ids=lambda p: p.name)
def test_the_corpus_decks_have_nothing_unshown(src):
    try:
        said = _not_shown(src)
    except reader.BuildError:
        pytest.skip("the reader refuses this deck (its own business)")
    assert said == [], [d.format() for d in said]


def test_the_words_of_a_tex_group_count_those_of_attributes_do_not(tmp_path, losing_divs):
    src = write_md(
        tmp_path,
        """\
        ---
        title: Groups
        ---

        ## A slide

        Kept {.smallcaps} words {width=50%}.

        ::: {.mystery}
        {\\large The jaguar} sleeps.
        :::
        """,
    )
    said = _not_shown(src)
    assert len(said) == 1 and said[0].pos.line == 10
    assert "'jaguar'" in said[0].message and "'large'" not in said[0].message
    assert "smallcaps" not in said[0].message and "width" not in said[0].message


def test_the_name_a_command_takes_is_not_a_word(tmp_path):
    # \definecolor{Buttons}…, then \textcolor{Buttons}{…}: the colour's name is not a word left out
    src = tmp_path / "deck.tex"
    src.write_text(
        "\\documentclass{beamer}\n\\definecolor{Buttons}{RGB}{212, 68, 28}\n\\begin{document}\n"
        "\\begin{frame}{Proof Checking}\n\\begin{itemize}\n"
        "\\item \\textcolor{Buttons}{\\textit{Advantage}} -- can always decide.\n"
        "\\end{itemize}\n\\end{frame}\n\\end{document}\n",
        encoding="utf-8",
    )
    assert _not_shown(src) == []
