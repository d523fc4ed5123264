"""Session 26: the handout's contents list what a reader can use.  An untitled slide's name ("Slide 7") is
not listed; a lecture of untitled slides and no sections gets no contents page and no made-up
"Introduction" section; slides before a lecture's first section are listed under "Introduction" only where
sections follow; the student's cover promises speaker's notes only where the lecture has some."""

from __future__ import annotations

from .conftest import built_from_text

UNTITLED = "---\ntitle: Definitions\n---\n\n" + "\n\n---\n\n".join(
    f"**Definition {k}.** A thing number {k} is a thing." for k in range(2, 9)
)


def test_untitled_lecture_has_no_contents_and_no_notes_promise(tmp_path):
    _, handout, _ = built_from_text(tmp_path, UNTITLED)
    assert "Contents" not in handout
    assert "Introduction" not in handout
    assert "Slide 5" not in handout and "SLIDE 5" in handout
    assert "speaker's notes" not in handout
    assert "Definition 8." in handout


def test_titled_slides_listed_untitled_left_out(tmp_path):
    text = (
        "---\ntitle: Mixed\n---\n\n## Opening\n\nWords.\n\n::: notes\nSay hello.\n:::\n\n---\n\nUntitled words.\n\n"
        "# Part one\n\n## Inside\n\nMore words.\n"
    )
    _, handout, _ = built_from_text(tmp_path, text)
    contents = handout.split("Contents", 1)[1].split("Opening", 2)
    assert len(contents) == 3, handout[:800]  # (listed in the contents, then the slide itself)
    listing = handout.split("Contents", 1)[1][:400]
    assert "Introduction" in listing and "Part one" in listing and "Inside" in listing
    assert "Slide 3" not in listing
    assert "speaker's notes" in handout
