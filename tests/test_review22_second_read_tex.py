"""Review 22, second read of the session's beamer changes: regressions they brought, each built as a small
deck through the command line and read back with python-pptx.

``\\only``s side by side are alternatives only where their steps do not meet: ``\\only<1->{a}\\only<2->{b}``
shows both on the last step, and two ``\\only<1>`` both on step 1."""

from __future__ import annotations

from tests.conftest import build_tex, frame_texts


def test_only_side_by_side_on_the_same_last_step_keeps_both(tmp_path):
    prs, err = build_tex(tmp_path, "\\begin{frame}{Overlap}\nX \\only<1->{aa}\\only<2->{bb} Y\n\\end{frame}")
    assert "X aabb Y" in frame_texts(prs)[-1]
    assert "overlay-alt" not in err


def test_only_side_by_side_on_the_same_earlier_step_keeps_both(tmp_path):
    prs, err = build_tex(
        tmp_path,
        "\\begin{frame}{Same}\nIntro \\only<1>{first}\\only<1>{second} end\n\\pause\nMore\n\\end{frame}",
    )
    assert any("Intro firstsecond end" in t for t in frame_texts(prs)[-1])
    assert "overlay-alt" not in err


def test_only_alternatives_still_show_the_last_steps_one(tmp_path):
    prs, err = build_tex(
        tmp_path, "\\begin{frame}{Alt}\nA \\only<1>{one}\\only<2-3>{two}\\only<3>{three} B\n\\end{frame}"
    )
    assert any("A twothree B" in t for t in frame_texts(prs)[-1])
    assert 'shows "two" and "three" (the frame\'s last step, 3) and leaves out "one"' in err


def test_a_section_command_in_verbatim_inside_a_frame_is_code_not_a_section(tmp_path):
    prs, _ = build_tex(
        tmp_path,
        "\\section{Real}\n\\begin{frame}[fragile]{Code}\n\\begin{verbatim}\n\\section{Shown}\n\\end{verbatim}\n"
        "\\end{frame}\n\\begin{frame}{Contents}\n\\tableofcontents\n\\end{frame}",
    )
    assert frame_texts(prs) == [["Real"], ["Code", "\\section{Shown}"], ["Contents", "Real"]]


def test_textipa_inside_verb_is_code_shown_as_written(tmp_path):
    prs, _ = build_tex(
        tmp_path,
        '\\begin{frame}[fragile]{T}\nSay \\textipa{"pE} and type \\verb|\\textipa{"pE}| here.\n\\end{frame}',
        preamble="\\usepackage{tipa}\n",
    )
    text = " ".join(frame_texts(prs)[-1])
    assert "Say ˈpɛ and type" in text
    assert '\\textipa{"pE}' in text
