"""A command inside tipa's ``\\textipa{…}`` that Podium does not know prints nothing in the transcription,
so it is named in a warning at its line, never dropped unsaid; tipa's own commands are not."""

from __future__ import annotations

from tests.conftest import build_tex, frame_texts


def test_an_unknown_command_in_textipa_is_warned_about(tmp_path):
    prs, stderr = build_tex(
        tmp_path,
        "\\begin{frame}{IPA}\n"
        "Palabra \\textipa{[\\textprimstress pE.\\textfishhookr a]} y \\textipa{[a\\foo b]}.\n"
        "\\end{frame}",
        "\\usepackage{tipa}\n\\title{T}\n",
    )
    said = [line for line in stderr.splitlines() if "textipa" in line]
    assert len(said) == 1, stderr
    assert "deck.tex:6:" in said[0] and "\\foo" in said[0] and "textprimstress" not in said[0]
    words = frame_texts(prs)[1]
    assert any("[ˈpɛ.ɾa]" in w and "[ab]" in w for w in words), words


def test_tipa_encoding_group_ipa_environment_and_raised_letters(tmp_path):
    prs, stderr = build_tex(
        tmp_path,
        "\\begin{frame}{IPA}\n"
        "\\textipa{[p\\super h a]} and {\\tipaencoding [SOm]} and\n"
        "\\begin{IPA}\n"
        "[dOg]\n"
        "\\end{IPA}\n"
        "\\end{frame}",
        "\\usepackage{tipa}\n\\title{T}\n",
    )
    assert "tipaencoding" not in stderr and "'IPA'" not in stderr, stderr
    words = " ".join(frame_texts(prs)[1])
    assert "[pʰ a]" in words and "[ʃɔm]" in words and "[dɔg]" in words, words
    assert "SOm" not in words and "dOg" not in words


def test_an_unknown_command_in_textipa_in_a_markdown_lecture(tmp_path):
    from tests.conftest import built_from_text

    prs, _, stderr = built_from_text(
        tmp_path, "---\ntitle: T\n---\n\n## IPA\n\n- Say \\textipa{[p\\super h E \\foo x]} now.\n", "slides"
    )
    said = [line for line in stderr.splitlines() if "textipa" in line]
    assert len(said) == 1 and "lecture.md:7:" in said[0] and "\\foo" in said[0], stderr
    assert "[pʰ ɛ x]" in " ".join(frame_texts(prs)[1])
