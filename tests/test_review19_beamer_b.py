"""What a reviewer's beamer decks from CS courses (round 19, folder b) showed the LaTeX reader getting
wrong, each built as a small ``.tex`` deck through the command line and read back from the PowerPoint
deck (python-pptx): text after a section heading, a note between frames, beamer's article mode,
csquotes' ``displayquote``, memoir's ``sidecaption``, the acronym package, ``\\today`` in Czech and
Polish, and the options of ``\\tableofcontents``."""

from __future__ import annotations

from .conftest import build_tex as _build
from .conftest import frame_texts as _texts


def test_text_after_a_section_heading_makes_no_extra_slide(tmp_path):
    prs, stderr = _build(
        tmp_path,
        "\\begin{frame}{Opening}\n  Welcome.\n\\end{frame}\n\n\\section{Security}\n\n"
        "What does it mean for a cipher to be secure?\n\n"
        "\\begin{frame}{Perfect secrecy}\n  The ciphertext reveals nothing.\n\\end{frame}",
    )
    assert _texts(prs) == [
        ["Opening", "Welcome."],
        ["Security"],
        ["Perfect secrecy", "The ciphertext reveals nothing."],
    ]
    assert "deck.tex:9: warning: text outside a frame is left out" in stderr


def test_a_note_between_frames_is_the_speaker_notes_of_the_frame_before(tmp_path):
    prs, stderr = _build(
        tmp_path,
        "\\begin{frame}{Question}\n  Alice and Bob wish to communicate in private. How?\n\\end{frame}\n\n"
        "\\note{%\n  Use a quick whole-class prompt. Collect 2--3 ideas.\n}\n\n"
        "\\begin{frame}{Answer}\n  \\note{Inside the frame.}\n  A shared key.\n\\end{frame}",
    )
    assert _texts(prs) == [
        ["Question", "Alice and Bob wish to communicate in private. How?"],
        ["Answer", "A shared key."],
    ]
    notes = [s.notes_slide.notes_text_frame.text.strip() for s in prs.slides]
    assert notes == ["Use a quick whole-class prompt. Collect 2–3 ideas.", "Inside the frame."]
    assert "left out" not in stderr


def test_only_article_text_is_not_on_the_slides_and_only_presentation_is(tmp_path):
    prs, stderr = _build(
        tmp_path,
        "\\begin{frame}{Modes}\n  \\begin{itemize}\n    \\item \\only<presentation>{Short slide text.}\n"
        "      \\only<article>{Long article-only text.}\n  \\end{itemize}\n\\end{frame}",
    )
    assert _texts(prs) == [["Modes", "Short slide text."]]
    assert "deck.tex:6: note: text for beamer's article mode" in stderr
    assert "raw-tex" not in stderr


def test_tableofcontents_options_in_only_presentation_are_no_words(tmp_path):
    prs, stderr = _build(
        tmp_path,
        "\\begin{frame}\n  \\only<presentation>{\\tableofcontents[hideallsubsections]}\n\\end{frame}\n"
        "\\section{Intro}\n\\begin{frame}{One}\n  Hello.\n\\end{frame}",
    )
    assert _texts(prs)[0] == ["Contents", "Intro"]
    assert "not-shown" not in stderr and "hideallsubsections" not in stderr


def test_today_in_a_czech_or_polish_deck_is_written_in_its_language(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1796428800")  # 2026-12-05
    for language, date in (("czech", "5. prosince 2026"), ("polish", "5 grudnia 2026")):
        (tmp_path / language).mkdir()
        prs, _ = _build(
            tmp_path / language,
            "\\frame{\\titlepage}\n\\begin{frame}{Definice}\n  Text.\n\\end{frame}",
            preamble=f"\\usepackage[{language}]{{babel}}\n\\title{{Seznamy}}\n\\date{{\\today}}\n",
        )
        assert date in _texts(prs)[0]


def test_csquotes_displayquote_is_a_block_quote(tmp_path):
    prs, stderr = _build(
        tmp_path,
        "\\begin{frame}{Kerckhoffs}\n  \\begin{displayquote}\n    A cryptosystem should not require secrecy.\n"
        "  \\end{displayquote}\n\\end{frame}",
        preamble="\\usepackage{csquotes}\n",
    )
    assert _texts(prs) == [["Kerckhoffs", "A cryptosystem should not require secrecy."]]
    assert "raw-tex" not in stderr
