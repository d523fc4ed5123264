"""Leftovers of review 25 in beamer decks: metropolis's standout frames with a note or a list, unknown
commands in the title fields, overlays side by side on one line, algorithm2e's own keywords, a ruled
empty column of a tabular and a row with more cells than its columns.  Built through the command line
and read back with python-pptx (the deck) and pdftotext (the handout)."""

from pathlib import Path

from PIL import Image

from tests.conftest import build_tex, click_paragraphs, frame_texts


def _picture_clicks(slide) -> list[int]:
    """How many shapes each click of the slide's main sequence brings in."""
    p = "{http://schemas.openxmlformats.org/presentationml/2006/main}"
    out = []
    for main in slide._element.iter(f"{p}cTn"):
        if main.get("nodeType") == "mainSeq":
            out = [
                len({t.get("spid") for t in click.iter(f"{p}spTgt")}) for click in main.find(f"{p}childTnLst")
            ]
    return out


def test_overlays_side_by_side_on_their_own_line_come_on_their_clicks(tmp_path: Path):
    # `\only<1>{a}\only<2>{b}\only<3>{c}` on a line of its own showed only "c" (the first was taken as a line of
    # its own, the other two as alternatives in a sentence); pictures so showed both at once, no click
    for name in ("a.png", "b.png"):
        Image.new("RGB", (40, 30), "red" if name == "a.png" else "blue").save(tmp_path / name)
    deck, err = build_tex(
        tmp_path,
        r"""
\begin{frame}{Three}
  \only<1>{one}\only<2>{two}\only<3>{three}
\end{frame}
\begin{frame}{Pictures}
  \only<1>{\includegraphics[width=3cm]{a.png}}\only<2>{\includegraphics[width=3cm]{b.png}}
\end{frame}
\begin{frame}{Apart}
  \only<1>{\includegraphics[width=3cm]{a.png}}
  \only<2>{\includegraphics[width=3cm]{b.png}}
\end{frame}
""",
    )
    texts = frame_texts(deck)
    assert texts[0][1].split("\n") == ["one", "two", "three"], texts[0]
    assert click_paragraphs(deck.slides[0]) == [["two"], ["three"]]
    assert "overlay-alt" not in err and "raw TeX" not in err, err
    # the pictures on one line as on lines of their own: the second on a click
    assert _picture_clicks(deck.slides[1]) == _picture_clicks(deck.slides[2]) == [1]


def test_uncover_alternatives_in_a_sentence_show_the_last_step_with_a_warning(tmp_path: Path):
    # `Answer: \uncover<1>{gamma}\uncover<2>{delta}` showed "gammadelta" (both at once) with two raw-TeX warnings
    deck, err = build_tex(
        tmp_path,
        r"""
\begin{frame}{Uncover}
  Answer: \uncover<1>{gamma}\uncover<2>{delta}
\end{frame}
\begin{frame}{Visible}
  Answer: \visible<1>{gamma} \visible<2>{delta} now.
\end{frame}
""",
    )
    texts = frame_texts(deck)
    assert texts[0][1] == "Answer: delta", texts
    assert texts[1][1] == "Answer: delta now.", texts
    assert (
        "deck.tex:5: warning: \\uncover<1> and \\uncover<2> are alternatives; a slide cannot swap its words, so it "
        'shows "delta"' in err
    ), err
    assert "deck.tex:8: warning: \\visible<1> and \\visible<2> are alternatives" in err, err
    assert "raw TeX" not in err, err
