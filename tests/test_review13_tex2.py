"""What a reviewer's real Quarto beamer deck (a thirteenth round) showed, and its kin: a picture held in a box
or a group on a line of its own (``\\centerline{\\includegraphics[…]{f}}``) shown as its file name; a type
group around a command (``{\\small \\textsf{C}}``) shown with its braces; TeX's other logos (``\\LaTeXe``,
``\\BibTeX``) left out with a warning; and ``\\\\`` in a beamer theorem box not breaking the line.  Each built
as a small lecture through the command line and read back from the PowerPoint deck (python-pptx) and the
handout (pdftotext)."""

from __future__ import annotations

import subprocess

from PIL import Image
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE

from .conftest import build_tex, cli_deck, paragraph_texts, run_cli, text_runs, write_md

# a picture held on a line of its own, as beamer decks write it
_BOXED = (
    "\\centerline{\\includegraphics[width = 7cm]{pic.png}}",
    "\\begin{center}\\includegraphics[width=5cm]{pic.png}\\end{center}",
    "{\\centering \\includegraphics{pic.png}}",
    "\\makebox[\\textwidth]{\\includegraphics[width=3cm]{pic.png}}",
    "\\fbox{\\includegraphics[width=3cm]{pic.png}}",
    "\\centerline{\\fbox{\\includegraphics{pic.png}}}",
)


def _pictures(slide) -> list:
    return [sh for sh in slide.shapes if sh.shape_type == MSO_SHAPE_TYPE.PICTURE]


def _assert_centred_pictures(prs, count: int) -> None:
    width = prs.slide_width
    for k in range(1, count + 1):
        slide = prs.slides[k]
        pictures = _pictures(slide)
        assert len(pictures) == 1, (k, paragraph_texts(slide))
        centre = pictures[0].left + pictures[0].width / 2
        assert abs(centre - width / 2) < width * 0.03, k
        assert not any("pic.png" in t for t in paragraph_texts(slide)), paragraph_texts(slide)


def test_boxed_picture_lines_in_a_quarto_beamer_lecture_are_centred_pictures(tmp_path):
    Image.new("RGB", (400, 300), (30, 120, 200)).save(tmp_path / "pic.png")
    slides = "\n".join(f"## Slide {k}\n\n{line}\n" for k, line in enumerate(_BOXED, 1))
    src = write_md(tmp_path, f"---\ntitle: Boxes\nformat: beamer\n---\n\n{slides}", "lecture.qmd")
    prs, stderr = cli_deck(src, tmp_path / "out")
    _assert_centred_pictures(prs, len(_BOXED))
    assert "raw-tex" not in stderr, stderr


def test_boxed_missing_picture_is_the_usual_missing_picture(tmp_path):
    src = write_md(
        tmp_path,
        """
        ---
        title: Repro
        format: beamer
        ---

        ## Missing one

        \\centerline{\\includegraphics[width = 7cm]{nothere.png}}

        ## Missing too

        {\\centering \\includegraphics{gone.png}}
        """,
        "lecture.qmd",
    )
    prs, stderr = cli_deck(src, tmp_path / "out")
    assert "lecture.qmd:8: warning: picture 'nothere.png' not found" in stderr, stderr
    assert "lecture.qmd:12: warning: picture 'gone.png' not found" in stderr, stderr
    assert paragraph_texts(prs.slides[1])[:2] == ["Missing one", "[missing picture: nothere.png]"]
    assert paragraph_texts(prs.slides[2])[:2] == ["Missing too", "[missing picture: gone.png]"]


def test_boxed_picture_lines_in_a_beamer_frame_are_centred_pictures(tmp_path):
    Image.new("RGB", (400, 300), (30, 120, 200)).save(tmp_path / "pic.png")
    frames = "\n".join(
        f"\\begin{{frame}}{{Slide {k}}}\n{line}\n\\end{{frame}}" for k, line in enumerate(_BOXED, 1)
    )
    prs, stderr = build_tex(tmp_path, "\\frame{\\titlepage}\n" + frames, "\\title{Boxes}\n")
    _assert_centred_pictures(prs, len(_BOXED))
    assert "raw-tex" not in stderr, stderr


def test_boxed_picture_among_words_is_said_not_its_file_name(tmp_path):
    src = write_md(
        tmp_path,
        """
        ---
        title: Inline
        ---

        ## Slide

        - an item
        - \\centerline{\\includegraphics[width=3cm]{pic.png}}
        """,
    )
    prs, stderr = cli_deck(src, tmp_path / "out")
    assert paragraph_texts(prs.slides[1])[:3] == ["Slide", "an item", "Inline"]  # (then its footer)
    assert "lecture.md:8: warning: raw TeX '\\centerline{\\includegraphics" in stderr, stderr


def test_type_groups_around_commands_give_their_words_styled(tmp_path):
    src = write_md(
        tmp_path,
        """
        ---
        title: Groups
        ---

        ## Type {\\small \\textsf{sizes}}

        Words {\\small \\textsf{C}} and {\\footnotesize some words} and {\\small\\bfseries bold}.

        Also {\\large \\emph{slanted}} and {\\scriptsize \\textbf{strong}} and {\\sffamily sans}.

        | a | b |
        |---|---|
        | {\\footnotesize cell words} | {\\small \\textit{cell}} |

        Math $\\int f(x) {\\rm d}x$ and `{\\bf code}` stay.
        """,
    )
    prs, stderr = cli_deck(src, tmp_path / "out")
    slide = prs.slides[1]
    texts = paragraph_texts(slide)
    assert texts[0] == "Type sizes"
    assert "Words C and some words and bold." in texts
    assert "Also slanted and strong and sans." in texts
    assert not any("{" in t or "}" in t for t in texts if "code" not in t), texts
    runs = {r.text: (r.font.bold, r.font.italic) for r in text_runs([slide])}
    assert runs["bold"][0] and runs["strong"][0] and runs["slanted"][1]
    table = next(sh for sh in slide.shapes if sh.has_table).table
    assert [c.text for c in table.rows[1].cells] == ["cell words", "cell"]
    assert any("{\\bf code}" in t for t in texts), texts
    assert "raw-tex" not in stderr, stderr


def test_tex_logos_print_as_words_in_markdown(tmp_path):
    src = write_md(
        tmp_path,
        """
        ---
        title: 'Writing \\LaTeXe{} with \\BibTeX'
        ---

        ## \\LaTeXe{} and \\BibTeX

        Use \\LaTeXe{}, \\BibTeX, \\XeLaTeX, \\LuaLaTeX, \\pdfLaTeX{} and \\AmS{} as \\LaTeX{} does.
        """,
    )
    result = run_cli("all", src, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.stderr
    assert "raw-tex" not in result.stderr, result.stderr
    prs = Presentation(str(tmp_path / "out" / "lecture.pptx"))
    assert paragraph_texts(prs.slides[0])[0] == "Writing LaTeX2ε with BibTeX"
    assert paragraph_texts(prs.slides[1])[:3] == [
        "LaTeX2ε and BibTeX",
        "Use LaTeX2ε, BibTeX, XeLaTeX, LuaLaTeX, pdfLaTeX and AMS as LaTeX does.",
        "Writing LaTeX2ε with BibTeX",  # (the footer: the title)
    ]
    handout = subprocess.run(
        ["pdftotext", str(tmp_path / "out" / "lecture-handout.pdf"), "-"], capture_output=True, text=True
    ).stdout
    assert "LaTeX2ε" in handout and "XeLaTeX, LuaLaTeX, pdfLaTeX and AMS" in " ".join(handout.split())


def test_tex_logos_print_as_words_in_a_beamer_deck(tmp_path):
    prs, stderr = build_tex(
        tmp_path,
        "\\frame{\\titlepage}\n"
        "\\begin{frame}{\\LaTeXe{} and \\BibTeX}\n"
        "Use \\LaTeXe{} and \\BibTeX{} and \\XeLaTeX.\n"
        "\\end{frame}\n",
        "\\title{About \\LaTeXe}\n\\subtitle{with \\BibTeX}\n",
    )
    assert "raw-tex" not in stderr, stderr
    assert paragraph_texts(prs.slides[0])[:2] == ["About LaTeX2ε", "with BibTeX"]
    assert paragraph_texts(prs.slides[1])[:3] == [
        "LaTeX2ε and BibTeX",
        "Use LaTeX2ε and BibTeX and XeLaTeX.",
        "About LaTeX2ε",  # (the footer: the title)
    ]


def test_line_break_in_a_beamer_theorem_box_breaks_the_line(tmp_path):
    prs, stderr = build_tex(
        tmp_path,
        "\\begin{frame}{Boxes}\n"
        "\\begin{theorem}[Name]\nFirst line\\\\\nsecond line\n\\end{theorem}\n"
        "\\begin{definition}\nA\\\\ B\n\\end{definition}\n"
        "\\begin{proof}\nOne\\\\\nTwo\n\\end{proof}\n"
        "\\end{frame}\n",
    )
    texts = [
        p.text for sh in prs.slides[0].shapes if sh.has_text_frame for p in sh.text_frame.paragraphs if p.text
    ]
    assert "First line\vsecond line" in texts, texts
    assert "A\vB" in texts, texts
    assert "One\vTwo" in texts, texts
