"""beamer's ``\\alt<spec>{a}{b}`` in a sentence shows the words of the frame's last step (a slide cannot swap
words), with a warning naming the words shown and those left out; a ``\\newcommand`` written after
``\\begin{document}`` is a definition (it prints nothing) whose uses are put in place as the preamble's are;
an unknown environment between frames (the handout text of the frame before) keeps its content."""

from __future__ import annotations

import re
import subprocess

from .conftest import build_tex, frame_texts, paragraph_texts, run_cli


def test_alt_in_a_sentence_shows_the_last_steps_words_and_says_so(tmp_path):
    # `\alt<2>{first}{second}` kept "second" (the words of step 1 only) and said "its text is kept"
    deck, err = build_tex(
        tmp_path,
        "\\begin{frame}{Alt}\n"
        "  The answer is \\alt<2>{first}{second} today.\n"
        "\\end{frame}\n"
        "\\begin{frame}{Later}\n"
        "  \\begin{itemize}\n"
        "    \\item<1-> One\n"
        "    \\item<3-> Two\n"
        "  \\end{itemize}\n"
        "  Then \\alt<1>{guess}{answer} here.\n"
        "\\end{frame}",
    )
    assert "The answer is first today." in paragraph_texts(deck.slides[0])
    assert "Then answer here." in paragraph_texts(deck.slides[1])
    assert "its text is kept" not in err
    assert re.search(
        r'deck\.tex:4: warning: \\alt<2> shows "first" on step\(s\) 2 and "second" on the others; .*'
        r'shows "first" \(the frame\'s last step, 2\) and leaves out "second" \[overlay-alt\]',
        err,
    ), err
    assert re.search(r'deck\.tex:11: warning: \\alt<1> .*shows "answer" .*leaves out "guess"', err), err


def test_alt_over_two_lines_keeps_the_lines_after_it_in_place(tmp_path):
    deck, err = build_tex(
        tmp_path,
        "\\begin{frame}{Over lines}\n"
        "  We find \\alt<2->{the\n    answer}{nothing} at last.\n"
        "\n"
        "  Next paragraph \\undefinedthing.\n"
        "\\end{frame}",
    )
    texts = paragraph_texts(deck.slides[0])
    assert any(re.fullmatch(r"We find the\s+answer at last\.", t) for t in texts), texts
    assert "nothing" not in " ".join(texts)
    assert re.search(r"deck\.tex:4: warning: \\alt<2->", err), err
    assert re.search(r"deck\.tex:7: .*undefinedthing", err), err


def test_frame_macro_defined_in_the_body_is_a_definition_and_its_use_a_slide(tmp_path):
    # the definition made a slide showing "#1"; the use was dropped with a raw-tex warning
    deck, err = build_tex(
        tmp_path,
        "\\begin{frame}{Start}\n  Hi.\n\\end{frame}\n"
        "\\newcommand{\\sectionframe}[1]{%\n"
        "  \\begin{frame}\n"
        "    \\centering\\Large #1\n"
        "  \\end{frame}\n"
        "}\n"
        "\\newcommand{\\course}{Algorithms}\n"
        "\\sectionframe{Part one}\n"
        "\\begin{frame}{Real}\n  Hello from \\course.\n\\end{frame}",
    )
    texts = frame_texts(deck)
    assert not any("#1" in t for slide in texts for t in slide), texts
    assert ["Part one"] in texts, texts
    assert "Hello from Algorithms." in paragraph_texts(deck.slides[-1])
    assert "raw-tex" not in err and "lost-frame" not in err, err


def test_unknown_environment_between_frames_is_kept_in_the_handout(tmp_path):
    # the text between frames is the frame before's handout text; an unknown environment there was left
    # out whole with a raw-tex warning
    src = tmp_path / "deck.tex"
    src.write_text(
        "\\documentclass{beamer}\n\\begin{document}\n"
        "\\begin{frame}{First}\n  Hello.\n\\end{frame}\n"
        "Some handout words.\n"
        "\\begin{sibbox}{Explore}\n  Between frames text.\n\\end{sibbox}\n"
        "\\begin{frame}{Second}\n  Bye.\n\\end{frame}\n"
        "\\end{document}\n",
        encoding="utf-8",
    )
    result = run_cli("handout", src, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.stderr
    pdf = next((tmp_path / "out").glob("*.pdf"))
    text = " ".join(
        subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout.split()
    )
    assert "Some handout words." in text
    assert "Explore" in text and "Between frames text." in text
    assert "raw TeX" not in result.stderr
    assert re.search(
        r"deck\.tex:7: warning: environment 'sibbox' is not known .*shown in a box titled 'Explore'",
        result.stderr,
    ), result.stderr
