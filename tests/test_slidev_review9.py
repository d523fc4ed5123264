"""Slidev decks (podium/slidev.py): slides imported with ``src:``, Slidev's components (``<Youtube>``,
``<Tweet>``, ``<Toc>``, ``<SlidevVideo>``, a deck's own), a click on the first slide, ``iframe`` layouts."""

from __future__ import annotations

import re
import subprocess

from .conftest import cli_deck, click_paragraphs, deck_of, write_md
from .conftest import paragraph_texts as _texts


def _deck(src, out, command: str = "slides"):
    """The deck's slides built from ``src`` by the command line, and the warnings."""
    prs, stderr = cli_deck(src, out, command)
    return list(prs.slides), stderr


def _title(slide) -> str:
    title = slide.shapes.title
    return title.text_frame.text.strip() if title is not None else ""


def test_a_headmatter_src_imports_its_file_as_the_decks_first_slides(tmp_path):
    (tmp_path / "pages").mkdir()
    write_md(
        tmp_path / "pages",
        """\
        ---
        layout: cover
        ---

        # Week 4: Loops

        COD 207, Özyeğin University
        """,
        "header.md",
    )
    src = write_md(
        tmp_path,
        """\
        ---
        theme: seriph
        transition: fade-out
        src: ./pages/header.md
        ---

        ---
        layout: center
        ---

        # Variables

        Declare a variable.
        """,
        "slides.md",
    )
    slides, err = _deck(src, tmp_path / "out")
    assert [_title(s) for s in slides] == ["Week 4: Loops", "Variables"]
    assert "COD 207, Özyeğin University" in _texts(slides[0])  # (the cover: the title slide, its subtitle)
    assert "unused-key" not in err  # (src: is read)


def test_a_slides_src_imports_its_files_slides_in_place_and_their_warnings_name_that_file(tmp_path):
    (tmp_path / "pages").mkdir()
    write_md(
        tmp_path / "pages",
        """\
        # Break

        Twelve minutes.

        ---

        # Exercise

        ![](missing.png)
        """,
        "break.md",
    )
    src = write_md(
        tmp_path,
        """\
        ---
        theme: seriph
        title: Loops
        ---

        # Loops

        ---

        # Before

        Words before.

        ---
        src: ./pages/break.md
        ---

        ---

        # After

        Words after.
        """,
        "slides.md",
    )
    slides, err = _deck(src, tmp_path / "out")
    assert [_title(s) for s in slides] == ["Loops", "Before", "Break", "Exercise", "After"]
    assert "Twelve minutes." in _texts(slides[2])
    assert re.search(r"pages/break\.md:9: warning: picture 'missing\.png' not found", err), err
    assert "not-rendered" not in err


def test_src_reads_only_files_inside_the_folder_never_in_a_loop_and_picks_slides_by_number(tmp_path):
    deck = tmp_path / "deck"
    (deck / "pages").mkdir(parents=True)
    (tmp_path / "secret.md").write_text("# Secret\n\nNot to be read.\n", encoding="utf-8")
    write_md(deck / "pages", "# One\n\n---\n\n# Two\n\n---\n\n# Three\n", "three.md")
    write_md(deck / "pages", "# Looped\n\n---\nsrc: ../slides.md\n---\n", "loop.md")
    src = write_md(
        deck,
        """\
        ---
        theme: seriph
        title: Imports
        ---

        # Imports

        ---
        src: ../secret.md
        ---

        ---
        src: ./pages/three.md#2-3
        ---

        ---
        src: ./pages/loop.md
        ---
        """,
        "slides.md",
    )
    slides, err = _deck(src, tmp_path / "out")
    assert [_title(s) for s in slides] == ["Imports", "Two", "Three", "Looped"]
    assert "Secret" not in " ".join(t for s in slides for t in _texts(s))
    assert re.search(r"slides\.md:9: warning: included file '\.\./secret\.md' is outside", err), err
    assert re.search(r"pages/loop\.md:4: warning: '\.\./slides\.md' \(src:\) imports .*\[include\]", err), err


def test_youtube_and_tweet_are_links_and_toc_lists_the_slides_titles(tmp_path):
    src = write_md(
        tmp_path,
        """\
        ---
        theme: seriph
        ---

        # Loops

        A loop repeats a block of code.

        ---

        # What are loops in coding?

        <Youtube id="wxds6MAtUQ0" width="100%" height="320" />

        <Tweet id="1390115482657726468" />

        ---
        hideInToc: true
        ---

        # Table of Contents

        <Toc :columns="2"/>

        ---
        level: 2
        ---

        # While loops
        """,
    )
    slides, err = _deck(src, tmp_path / "out", "all")
    video = _texts(slides[1])
    assert "https://www.youtube.com/watch?v=wxds6MAtUQ0" in video
    assert "https://x.com/i/status/1390115482657726468" in video
    # (every titled slide but the one hidden from the contents; a level 2 slide under the one before it)
    (contents,) = [sh for sh in slides[2].shapes if sh.has_text_frame and "While loops" in sh.text_frame.text]
    listed = [(p.level, p.text) for p in contents.text_frame.paragraphs]
    assert listed == [(0, "Loops"), (0, "What are loops in coding?"), (1, "While loops")]
    assert "raw-html" not in err
    assert "lecture.md:13: warning: the YouTube video 'https://www.youtube.com/watch?v=wxds6MAtUQ0'" in err
    handout = subprocess.run(
        ["pdftotext", str(tmp_path / "out" / "lecture-handout.pdf"), "-"], capture_output=True, text=True
    ).stdout
    assert "youtube.com/watch?v=wxds6MAtUQ0" in handout and "While loops" in handout


def test_a_deck_components_keep_their_words_with_a_warning_naming_them(tmp_path):
    src = write_md(
        tmp_path,
        """\
        ---
        theme: seriph
        title: Components
        ---

        # Components

        ---
        layout: default
        ---

        # Counting

        <Counter :count="10">Click to count</Counter>

        <MyChart/>

        ```html
        <Counter>code stays</Counter>
        ```
        """,
    )
    slides, err = _deck(src, tmp_path / "out")
    words = _texts(slides[1])
    assert "Click to count" in words and "<Counter>code stays</Counter>" in words
    assert "lecture.md:14: warning: the Vue component <Counter> is not drawn" in err
    assert "lecture.md:16: warning: the Vue component <MyChart/> is not drawn" in err


def test_a_click_on_the_first_slide_is_kept_on_a_slide_of_its_own(tmp_path):
    src = write_md(
        tmp_path,
        """\
        ---
        theme: seriph
        ---

        # Loops

        <v-click>

        A loop repeats a block of code.

        </v-click>

        ---

        # Next

        <v-click>

        Shown on click.

        </v-click>
        """,
    )
    slides, _ = _deck(src, tmp_path / "out")
    assert [_title(s) for s in slides] == ["Loops", "Next"]
    assert click_paragraphs(slides[0]) == [["A loop repeats a block of code."]]


def test_an_iframe_layouts_page_and_a_slidev_video_are_links(tmp_path):
    src = write_md(
        tmp_path,
        """\
        ---
        theme: seriph
        title: Media
        ---

        # Media

        ---
        layout: iframe-left
        url: https://player.vimeo.com/video/23281150?badge=0&amp;autopause=0
        ---

        # Quayola

        Realtime sound visualisation.

        ---

        # A video

        <SlidevVideo autoplay controls>
          <source src="https://example.org/talk.mp4" type="video/mp4" />
        </SlidevVideo>
        """,
    )
    slides, err = _deck(src, tmp_path / "out")
    assert "https://player.vimeo.com/video/23281150?badge=0&autopause=0" in _texts(slides[1])
    assert "https://example.org/talk.mp4" in _texts(slides[2])
    assert "lecture.md:10: warning: the web page 'https://player.vimeo.com/video/23281150" in err
    assert "the video 'https://example.org/talk.mp4' cannot be shown" in err
    assert "raw-html" not in err


def test_a_slides_front_matter_is_read_without_yaml_aliases(tmp_path):
    # a slide's own front matter (and an imported page's) is untrusted YAML too: aliases, which nest
    # into a "billion laughs", are refused there as in the lecture's front matter
    src = write_md(
        tmp_path,
        "---\ntheme: default\ntitle: Deck\n---\n\n# One\n\nWords.\n\n---\nlayout: section\nx: &a [1, 2]\ny: *a\n---\n\n"
        "# Two\n\nMore words.\n",
    )
    deck, _ = deck_of(src, tmp_path / "out")
    texts = [sh.text_frame.text for s in deck.slides for sh in s.shapes if sh.has_text_frame]
    assert any("*a" in t for t in texts)  # (not read as front matter: its lines are shown as written)
