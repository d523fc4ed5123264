"""What a review of beamer decks from computer-science courses found (folder b): title commands
after ``\\begin{document}`` whose braces close lines later, ``\\thanks``, ``\\pause{}``, ``onlyenv``,
``align`` with ``\\nonumber``, empty description labels, an unknown command's argument over lines and
``check`` on a subsection title.  Each deck is built through the command line and read back with
python-pptx (the deck) or pdftotext (the handout)."""

from __future__ import annotations

from .conftest import build_tex, frame_texts, run_cli


def _all_text(prs) -> str:
    return "\n".join(text for slide in frame_texts(prs) for text in slide)


def test_author_with_thanks_over_lines_after_begin_document_keeps_every_frame(tmp_path):
    prs, stderr = build_tex(
        tmp_path,
        "\\title{Ciphers}\n\\author{Daniel Bosk\\thanks{%\n    Some ideas from D. W.\n}}\n\n"
        "\\begin{frame}\n  \\maketitle\n\\end{frame}\n"
        "\\begin{frame}{Second}\n  Hello.\n\\end{frame}\n"
        "\\begin{frame}{Third}\n  World.\n\\end{frame}",
    )
    texts = frame_texts(prs)
    assert len(texts) == 3, texts
    assert texts[1][:2] == ["Second", "Hello."] and texts[2][:2] == ["Third", "World."]
    assert texts[0][:2] == ["Ciphers", "Daniel Bosk"], texts[0]
    assert "\\thanks" not in _all_text(prs)
    assert "deck.tex:4:" in stderr and "\\thanks" in stderr


def test_footnote_in_title_argument_over_lines_keeps_the_frames(tmp_path):
    prs, _ = build_tex(
        tmp_path,
        "\\title{Ciphers\\footnote{\n  A note.\n}}\n"
        "\\begin{frame}{Second}\n  Hello.\n\\end{frame}\n\\begin{frame}{Third}\n  World.\n\\end{frame}",
    )
    assert [t[0] for t in frame_texts(prs)] == ["Ciphers", "Second", "Third"]


def test_title_command_never_closed_warns_and_keeps_the_frames(tmp_path):
    prs, stderr = build_tex(
        tmp_path,
        "\\author{Daniel Bosk\\thanks{%\n  Some ideas\n\n"
        "\\begin{frame}{Second}\n  Hello.\n\\end{frame}\n\\begin{frame}{Third}\n  World.\n\\end{frame}",
    )
    assert [t[0] for t in frame_texts(prs)][-2:] == ["Second", "Third"]
    assert "deck.tex:3:" in stderr and "never closed" in stderr


def test_thanks_in_preamble_author_is_not_printed_raw(tmp_path):
    prs, stderr = build_tex(
        tmp_path,
        "\\begin{frame}\n  \\maketitle\n\\end{frame}\n\\begin{frame}{Second}\n  Hello.\n\\end{frame}",
        preamble="\\title{Ciphers}\n\\author{Daniel Bosk\\thanks{%\n  With some ideas from D. W.\n}}\n",
    )
    assert frame_texts(prs)[0][:2] == ["Ciphers", "Daniel Bosk"]
    assert "thanks" not in _all_text(prs) and "ideas" not in _all_text(prs)
    assert "deck.tex:3:" in stderr and "With some ideas" in stderr


def test_subsection_title_whose_words_are_on_an_earlier_slide_passes_check(tmp_path):
    src = tmp_path / "deck.tex"
    src.write_text(
        "\\documentclass{beamer}\n\\begin{document}\n\\section{Intro}\n"
        "\\begin{frame}{Random bits}\n  This prepares us for Kerckhoff's principle.\n\\end{frame}\n\n"
        "\\subsection{Kerckhoff's Principle}\n\n"
        "\\begin{frame}{No obscurity}\n  The key should be the only secret.\n\\end{frame}\n\\end{document}\n",
        encoding="utf-8",
    )
    result = run_cli("all", src, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.stderr
    assert "check-handout" not in result.stderr
    assert (tmp_path / "out" / "deck.pptx").exists()


def test_pause_with_empty_group_shows_no_braces_and_still_clicks(tmp_path):
    prs, _ = build_tex(
        tmp_path,
        "\\begin{frame}{Pause with braces}\n  \\begin{itemize}\n    \\item First.\n\n      \\pause{}\n\n"
        "    \\item Second.\n  \\end{itemize}\n  Then \\pause{}after.\n\\end{frame}",
    )
    assert "{}" not in _all_text(prs)
    assert "First." in _all_text(prs) and "Second." in _all_text(prs) and "after." in _all_text(prs)
    slide = prs.slides[0]
    assert len(slide._element.findall(".//{*}timing//{*}cond[@delay='indefinite']")) == 2


def _clicks(slide) -> int:
    return len(slide._element.findall(".//{*}timing//{*}cond[@delay='indefinite']"))


def test_onlyenv_comes_on_its_step_and_shows_no_overlay_spec(tmp_path):
    prs, stderr = build_tex(
        tmp_path,
        "\\begin{frame}{Onlyenv}\n  Always shown.\n\n  \\begin{onlyenv}<2>\n  \\begin{block}{Later}\n"
        "    Only on the second step.\n  \\end{block}\n\n  \\end{onlyenv}\n\\end{frame}\n"
        "\\begin{frame}{Uncover}\n  First.\n  \\begin{uncoverenv}<2->\n  Second.\n  \\end{uncoverenv}\n\\end{frame}",
    )
    text = _all_text(prs)
    assert "<2" not in text and "Only on the second step." in text and "Second." in text
    assert _clicks(prs.slides[0]) == 1 and _clicks(prs.slides[1]) == 1
    assert "warning" not in stderr


def test_altenv_shows_its_content_without_spec_or_decorations(tmp_path):
    prs, stderr = build_tex(
        tmp_path,
        "\\begin{frame}{Alt}\n  \\begin{altenv}<2>{(}{)}{[}{]}\n  Inside.\n  \\end{altenv}\n\\end{frame}",
    )
    text = _all_text(prs)
    assert "Inside." in text and "<2>" not in text and "(" not in text and "[" not in text
    assert "warning" not in stderr


def _math_count(slide) -> int:
    return sum(
        1
        for _ in slide.shapes._spTree.iter(
            "{http://schemas.openxmlformats.org/officeDocument/2006/math}oMath"
        )
    )


def test_align_with_nonumber_lines_is_math(tmp_path):
    prs, stderr = build_tex(
        tmp_path,
        "\\begin{frame}{Shift cipher}\n  \\begin{align}\n    \\nonumber\n"
        "    E_k(m) &= (m + k) \\bmod 29, \\text{ and } \\\\\n    \\nonumber\n"
        "    D_k(c) &= (c - k) \\bmod 29.\n  \\end{align}\n\\end{frame}",
    )
    text = _all_text(prs)
    assert "$$" not in text and "&=" not in text
    assert _math_count(prs.slides[0]) >= 1
    assert "raw-tex" not in stderr


def test_description_label_of_a_dropped_command_leaves_no_asterisks(tmp_path):
    prs, stderr = build_tex(
        tmp_path,
        "\\begin{frame}{Labels}\n  \\begin{description}\n    \\item[\\ac{SPN} block ciphers] Diffusion.\n"
        "    \\item[\\foo{x}] Label made only of an unknown macro.\n  \\end{description}\n\\end{frame}",
        preamble="\\newcommand{\\ac}[1]{#1}\n",
    )
    text = _all_text(prs)
    assert "*" not in text
    assert "Label made only of an unknown macro." in text and "SPN block ciphers" in text
    assert "\\foo" in stderr


def test_unknown_command_argument_over_lines_keeps_words_without_braces_and_says_so(tmp_path):
    prs, stderr = build_tex(
        tmp_path,
        "\\begin{frame}\n  \\begin{block}{Attack models}\n    Ciphertext-only.\n  \\end{block}\n\n"
        "  \\ltnote{%\n    \\textbf{Variation pattern}: Generalization.\n\n"
        "    \\textbf{What varies}: The adversary's capabilities.\n  }\n\\end{frame}",
    )
    text = _all_text(prs)
    assert "{" not in text and "}" not in text
    assert "Variation pattern: Generalization." in text and "capabilities." in text
    assert "deck.tex:8:" in stderr and "\\ltnote" in stderr and "kept" in stderr and "left out" not in stderr
