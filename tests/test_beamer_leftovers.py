"""beamer decks' leftovers: acronyms (the acronym package, glossaries), sidecap's figures, handout-mode
overlays, LaTeX's ``picture`` environment and title commands whose brace is never closed.  Each deck is
built through the command line and read back with python-pptx (the deck) or pdftotext (the handout)."""

from __future__ import annotations

import subprocess

from .conftest import build_tex, frame_texts


def _all_text(prs) -> str:
    return "\n".join(text for slide in frame_texts(prs) for text in slide)


def _handout_text(tmp_path) -> str:
    return subprocess.run(
        ["pdftotext", str(tmp_path / "out" / "deck-handout.pdf"), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout


ACRONYMS = (
    "\\begin{acronym}\n\\acro{CPU}{Central Processing Unit}\n\\acro{RAM}{Random Access Memory}\n\\end{acronym}\n"
    "\\begin{frame}{Hardware}\n"
    "The \\ac{CPU} runs code. The \\ac{CPU} is fast.\n"
    "Short \\acs{RAM}, long \\acl{RAM}, full \\acf{RAM}, plural \\acp{CPU}.\n"
    "\\end{frame}\n"
    "\\begin{frame}{Again}\n\\acresetall\nOnce more \\ac{CPU}, then \\ac{CPU}.\n\\end{frame}\n"
)


def test_acronym_package_prints_long_form_first_then_short(tmp_path):
    prs, stderr = build_tex(tmp_path, ACRONYMS, "\\usepackage{acronym}\n")
    text = _all_text(prs)
    assert "The Central Processing Unit (CPU) runs code. The CPU is fast." in text
    assert "Short RAM, long Random Access Memory, full Random Access Memory (RAM), plural CPUs." in text
    assert "Once more Central Processing Unit (CPU), then CPU." in text
    assert "\\ac" not in text and "raw TeX" not in stderr and "outside-frame" not in stderr


def test_glossaries_acronyms_and_entries(tmp_path):
    prs, stderr = build_tex(
        tmp_path,
        "\\begin{frame}{Graphics}\n"
        "A \\gls{gpu} then \\gls{gpu}. \\Gls{gpu} starts. Many \\glspl{gpu}. "
        "Long \\acrlong{gpu}, a \\gls{vec}.\n\\end{frame}\n",
        "\\usepackage{glossaries}\n\\newacronym{gpu}{GPU}{graphics processing unit}\n"
        "\\newglossaryentry{vec}{name={vector}, description={an arrow}}\n",
    )
    text = _all_text(prs)
    assert "A graphics processing unit (GPU) then GPU. GPU starts. Many GPUs." in text
    assert "Long graphics processing unit, a vector." in text
    assert "raw TeX" not in stderr


def test_undefined_acronym_keeps_its_key_with_a_warning(tmp_path):
    prs, stderr = build_tex(tmp_path, "\\begin{frame}{X}\nUnknown \\ac{XYZ} here.\n\\end{frame}\n")
    assert "Unknown XYZ here." in _all_text(prs)
    assert "deck.tex:4:" in stderr and "'XYZ' is not defined" in stderr


def test_acronym_environment_inside_a_frame_is_its_list(tmp_path):
    prs, _ = build_tex(
        tmp_path,
        "\\begin{frame}{Acronyms}\n\\begin{acronym}\n\\acro{CPU}{Central Processing Unit}\n"
        "\\end{acronym}\n\\end{frame}\n\\begin{frame}{Use}\nThe \\ac{CPU}.\n\\end{frame}\n",
    )
    texts = frame_texts(prs)
    assert "CPU" in texts[0][1] and "Central Processing Unit" in texts[0][1], texts
    assert texts[1][1] == "The Central Processing Unit (CPU).", texts


def test_title_whose_brace_is_never_closed_keeps_its_words_with_a_warning(tmp_path):
    prs, stderr = build_tex(
        tmp_path,
        "\\begin{frame}{First}\nHello words.\n\\end{frame}\n",
        "\\title{Lecture 3\n\\author{Jane Doe}\n",
    )
    texts = frame_texts(prs)
    assert texts[0][:2] == ["Lecture 3", "Jane Doe"], texts
    assert texts[1] == ["First", "Hello words."]
    assert "deck.tex:2:" in stderr and "never closed" in stderr and "Lecture 3" in stderr


def test_frametitle_whose_brace_is_never_closed_keeps_its_words_with_a_warning(tmp_path):
    prs, stderr = build_tex(
        tmp_path,
        "\\begin{frame}\n\\frametitle{Foo\nBody words here.\n\\end{frame}\n"
        "\\begin{frame}{Bar\nMore words.\n\\end{frame}\n",
    )
    assert frame_texts(prs) == [["Foo", "Body words here."], ["Bar", "More words."]]
    assert "deck.tex:4:" in stderr and "deck.tex:7:" in stderr and "never closed" in stderr


def test_frame_titles_over_two_lines_are_joined(tmp_path):
    prs, stderr = build_tex(
        tmp_path,
        "\\begin{frame}{Long\n  title here}\nBody.\n\\end{frame}\n"
        "\\begin{frame}\n\\frametitle{Another long\n  title}\nBody two.\n\\end{frame}\n",
    )
    assert frame_texts(prs) == [["Long title here", "Body."], ["Another long title", "Body two."]]
    assert "never closed" not in stderr


def test_sidecap_figures_are_pictures_with_their_captions(tmp_path):
    from PIL import Image

    Image.new("RGB", (200, 100), "red").save(tmp_path / "pic.png")
    prs, stderr = build_tex(
        tmp_path,
        "\\begin{frame}{Side}\n\\begin{SCfigure}[0.5][h]\n\\includegraphics[width=0.5\\textwidth]{pic.png}\n"
        "\\caption{A side caption here}\n\\end{SCfigure}\n\\end{frame}\n"
        "\\begin{frame}{Memoir}\n\\begin{sidecaption}{Memoir side caption}\n"
        "\\includegraphics{pic.png}\n\\end{sidecaption}\n\\end{frame}\n",
        "\\usepackage{sidecap}\n",
    )
    for slide, caption in zip(prs.slides, ("A side caption here", "Memoir side caption")):
        assert any(shape.shape_type == 13 for shape in slide.shapes)
        assert any(caption in text for text in frame_texts(prs)[list(prs.slides).index(slide)])
    assert "raw TeX" not in stderr


def test_handout_mode_overlays_deck_shows_presentation_handout_its_own(tmp_path):
    prs, stderr = build_tex(
        tmp_path,
        "\\begin{frame}{Modes}\nAlways here.\n\\only<handout>{Handout only words.}\n"
        "\\mode<handout>{Mode handout words.}\n\\uncover<handout:0>{Uncover zero words.}\n"
        "\\alt<handout>{Printed line.}{Screen line.}\n\n"
        "Inline \\alt<handout>{printed version}{screen version} end.\n"
        "\\only<beamer>{Beamer only words.}\n\\end{frame}\n",
        command="all",
    )
    text = _all_text(prs)
    for words in (
        "Always here.",
        "Uncover zero words.",
        "Screen line.",
        "Inline screen version end.",
        "Beamer only",
    ):
        assert words in text
    for words in ("Handout only", "Mode handout", "Printed line", "printed version", "<handout>"):
        assert words not in text
    handout = " ".join(_handout_text(tmp_path).split())
    for words in ("Always here.", "Handout only words.", "Mode handout words.", "Printed line."):
        assert words in handout
    for words in ("Uncover zero", "Beamer only", "Screen line", "<handout>"):
        assert words not in handout
    assert "deck.tex:10:" in stderr and "printed version" in stderr
