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
