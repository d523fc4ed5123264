"""A command inside tipa's ``\\textipa{…}`` that Podium does not know prints nothing in the transcription,
so it is named in a warning at its line, never dropped unsaid; tipa's own commands are not."""

from __future__ import annotations

from pptx import Presentation

from tests.conftest import run_cli


def test_an_unknown_command_in_textipa_is_warned_about(tmp_path):
    src = tmp_path / "deck.tex"
    src.write_text(
        "\\documentclass{beamer}\n\\usepackage{tipa}\n\\title{T}\n\\begin{document}\n"
        "\\begin{frame}{IPA}\n"
        "Palabra \\textipa{[\\textprimstress pE.\\textfishhookr a]} y \\textipa{[a\\foo b]}.\n"
        "\\end{frame}\n\\end{document}\n",
        encoding="utf-8",
    )
    result = run_cli("slides", src, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.stderr
    said = [line for line in result.stderr.splitlines() if "textipa" in line]
    assert len(said) == 1, result.stderr
    assert "deck.tex:6:" in said[0] and "\\foo" in said[0] and "textprimstress" not in said[0]
    words = [
        sh.text_frame.text
        for sh in Presentation(str(tmp_path / "out" / "deck.pptx")).slides[1].shapes
        if sh.has_text_frame
    ]
    assert any("[ˈpɛ.ɾa]" in w and "[ab]" in w for w in words), words
