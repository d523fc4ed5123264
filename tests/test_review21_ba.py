"""Review 21 (beamer decks from computer-science courses): algpseudocode's braced statements
(``\\State{…}``), math in a TikZ node's words, ``\\operatornamewithlimits``/``\\operatorname*`` (arg max)
with its limits under it, ``<pid>`` as text in a LaTeX deck, ``\\centering`` at a frame's or a block's
start, and ``\\\\`` in an unknown command's argument; each deck built through the command line and read
back with python-pptx (and the handout with pdftotext)."""

from __future__ import annotations

import subprocess

from pptx.enum.text import PP_ALIGN

from .conftest import build_tex, frame_texts

M = "{http://schemas.openxmlformats.org/officeDocument/2006/math}"


def _math_text(slide) -> str:
    """The text of every Office math object on ``slide``, run after run."""
    return "".join(t.text or "" for t in slide._element.iter(f"{M}t"))


def _alignments(slide) -> dict[str, object]:
    """Each paragraph's words on ``slide`` and its alignment."""
    return {
        p.text.strip(): p.alignment
        for sh in slide.shapes
        if sh.has_text_frame
        for p in sh.text_frame.paragraphs
        if p.text.strip()
    }


ALGORITHM = (
    "\\begin{frame}{Greedy}\n"
    "  \\begin{algorithmic}\n"
    "    \\Procedure{Greedy}{}\n"
    "    \\State{$s = 0$} \\Comment{Running score}\n"
    "    \\State{hyps $\\gets \\{\\}$}\n"
    "    \\For{$i = 1$ to $n$}\n"
    "    \\State{$\\pi[i] = \\max_{c}\n"
    "       \\pi[i-1] $}\n"
    "    \\If {$x > 0$}\n"
    "    \\State {\\Call{Emit}{$x$}}\n"
    "    \\EndIf{}\n"
    "    \\EndFor{}\n"
    "    \\State{\\Return{$c, s$}}\n"
    "    \\EndProcedure{}\n"
    "  \\end{algorithmic}\n"
    "\\end{frame}\n"
)


def test_braced_algpseudocode_statements_keep_their_words(tmp_path):
    prs, stderr = build_tex(tmp_path, ALGORITHM, "\\usepackage{algpseudocode}\n")
    (lines,) = [t for t in frame_texts(prs)[0] if "procedure" in t]
    shown = [line.strip("\xa0 ") for line in lines.split("\x0b")]
    assert shown[0] == "procedure Greedy()"
    assert "▷ Running score" in shown[1]
    assert shown[2] == "hyps"  # (its math is an Office math object)
    assert shown[3].startswith("for") and shown[3].endswith("do")
    assert shown[5].startswith("if") and shown[5].endswith("then")
    assert shown[6] == "Emit()"
    assert shown[8:] == ["end for", "return", "end procedure"]
    math = _math_text(prs.slides[0])
    for said in ("s=0", "←{}", "π[i]=max", "π[i−1]", "c,s"):
        assert said in math.replace(" ", ""), (said, math)
    assert "raw TeX" not in stderr, stderr


def test_math_in_a_tikz_node_keeps_its_braces_and_warns_at_the_node(tmp_path):
    prs, stderr = build_tex(
        tmp_path,
        "\\begin{frame}{Lattice}\n"  # line 4
        "  \\begin{tikzpicture}\n"
        "    \\node (a) {$\\log \\hat{y}(c_{i-1})_{c_i}$};\n"
        "    \\node (b) at (2,0) {Start};\n"
        "    \\draw (a) -- node[above] {$\\dwin_{1}$} (b);\n"  # line 8
        "  \\end{tikzpicture}\n"
        "\\end{frame}\n",
        "\\usepackage{tikz}\n",
    )
    assert "c_i-1" not in stderr and "cannot be read" not in stderr, stderr
    assert "deck.tex:8: warning: math '\\dwin_{1}'" in stderr, stderr
    math = _math_text(prs.slides[0])
    assert "i−1" in math and "log" in math, math
    assert any("Start" in t for t in frame_texts(prs)[0])


def test_operator_names_with_limits_have_them_underneath(tmp_path):
    prs, _ = build_tex(
        tmp_path,
        "\\begin{frame}{arg max}\n"
        "  \\[ c' = \\argmax_{c' \\neq c} f(x, c') \\]\n"
        "  \\[ c' = \\operatornamewithlimits{arg\\,max}_{c' \\neq c} f(x, c') \\]\n"
        "  \\[ c' = \\operatorname*{argmin}_{c} f(c) \\]\n"
        "\\end{frame}\n",
        "\\usepackage{amsmath}\n\\def\\argmax{\\operatornamewithlimits{arg\\,max}}\n",
    )
    slide = prs.slides[0]._element
    lows = list(slide.iter(f"{M}limLow"))
    names = ["".join(t.text for t in low.find(f"{M}e").iter(f"{M}t")) for low in lows]
    assert names == ["arg\u2009max", "arg\u2009max", "argmin"], names
    limits = ["".join(t.text for t in low.find(f"{M}lim").iter(f"{M}t")) for low in lows]
    assert limits[0].replace(" ", "") == "c′≠c", limits
    assert not list(slide.iter(f"{M}sSub"))  # (no subscript beside a name of letters)


def test_angle_brackets_in_a_latex_deck_are_text(tmp_path):
    prs, stderr = build_tex(
        tmp_path,
        "\\begin{frame}{Commands}\n"
        "  \\begin{itemize}\n"
        "    \\item \\code{kill <pid>} ends a background job.\n"
        "    \\item \\texttt{stop <pid>} pauses it.\n"
        "    \\item Usage: resume <pid> or <job id>\n"
        "  \\end{itemize}\n"
        "\\end{frame}\n",
        "\\newcommand{\\code}[1]{\\texttt{\\detokenize{#1}}}\n",
        command="all",
    )
    (body,) = [t for t in frame_texts(prs)[0] if "kill" in t]
    assert body.split("\n") == [
        "kill <pid> ends a background job.",
        "stop <pid> pauses it.",
        "Usage: resume <pid> or <job id>",
    ]
    assert "raw-html" not in stderr, stderr
    handout = subprocess.run(
        ["pdftotext", str(tmp_path / "out" / "deck-handout.pdf"), "-"], capture_output=True, text=True
    ).stdout
    assert "kill <pid>" in handout and "resume <pid>" in handout


def test_centering_at_a_frames_or_blocks_start_centres_what_follows(tmp_path):
    prs, _ = build_tex(
        tmp_path,
        "\\begin{frame}[plain]\n"
        "  \\centering\n"
        "  \\vfill\n\n"
        "  {\\Huge Thank you}\n\n"
        "  \\vspace{8mm}\n"
        "  {\\LARGE Questions?}\n"
        "\\end{frame}\n"
        "\\begin{frame}{Block}\n"
        "  Left words.\n"
        "  \\begin{block}{Note}\n"
        "    \\centering Centred in the block\n"
        "  \\end{block}\n"
        "  After the block.\n"
        "\\end{frame}\n",
    )
    first = _alignments(prs.slides[0])
    assert first["Thank you"] == PP_ALIGN.CENTER and first["Questions?"] == PP_ALIGN.CENTER, first
    second = _alignments(prs.slides[1])
    assert second["Centred in the block"] == PP_ALIGN.CENTER, second
    assert second["Left words."] != PP_ALIGN.CENTER and second["After the block."] != PP_ALIGN.CENTER


def test_line_break_in_an_unknown_commands_argument_breaks_the_line(tmp_path):
    prs, stderr = build_tex(
        tmp_path,
        "\\begin{frame}[plain]\n"
        "  \\finalpage{The end, thank you!\\\\Comments welcome}\n\n"
        "  \\mythanks{Thanks \\\\[2mm] Bye}\n"
        "\\end{frame}\n",
    )
    (text,) = frame_texts(prs)[0]
    assert text.split("\n") == ["The end, thank you!\x0bComments welcome", "Thanks\x0bBye"], text
    assert "'\\finalpage' is not known" in stderr
