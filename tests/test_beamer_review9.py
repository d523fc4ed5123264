"""What a reviewer's real beamer decks (a calculus course's proofs, a Russian course's ``\\onslide``
steps, a German tutorial's macros, French and Russian quotes) showed the LaTeX reader getting wrong,
each built as a small ``.tex`` deck through the command line and read back from the PowerPoint deck
(python-pptx) or the handout (pdftotext)."""

from __future__ import annotations

import subprocess

from .conftest import build_tex as _build
from .conftest import click_paragraphs
from .conftest import frame_texts as _texts


def _boxes(slide) -> list[str]:
    return [shape.text_frame.text for shape in slide.shapes if shape.name == "Callout"]


PROOFS = (
    "\\newenvironment<>{proofs}[1][\\proofname]{%\n   \\par\n   \\def\\insertproofname{#1\\@{.}}%\n"
    "   \\usebeamertemplate{proof begin}#2}\n {\\usebeamertemplate{proof end}}\n"
)


def test_an_overlay_aware_newenvironment_made_with_beamers_proof_template_is_a_proof(tmp_path):
    """``\\newenvironment<>{proofs}…{\\usebeamertemplate{proof begin}#2}``: the frame was lost (its
    environment left out as raw TeX); now a proof box, titled by its argument, on its overlay's click."""
    prs, stderr = _build(
        tmp_path,
        "\\begin{frame}\n\\begin{proofs}\n    Let us define $g(t)$ as follows.\n"
        "\t\\[g(t) = \\frac{x(t)-x_0}{t-t_0}\\]\n    Thus $g(t)$ is continuous.\n\\end{proofs}\n\\end{frame}\n"
        "\\begin{frame}{Second}\nFirst words.\n\\begin{proofs}<2->[Proof of (b)]\nSince $f$ is smooth.\n"
        "\\end{proofs}\n\\end{frame}",
        preamble=PROOFS,
    )
    assert len(prs.slides) == 2
    first = _boxes(prs.slides[0])
    assert first[0].split("\n")[0] == "Proof" and "Let us define" in first[0] and "continuous" in first[-1]
    assert _boxes(prs.slides[1])[0].split("\n")[0] == "Proof of (b)"
    assert click_paragraphs(prs.slides[1])[0][0] == "Proof of (b)"
    assert "raw-tex" not in stderr


def test_own_environments_that_print_words_or_only_set_up_keep_their_content(tmp_path):
    prs, stderr = _build(
        tmp_path,
        "\\begin{frame}{Claims}\n\\begin{claim}\nIt holds.\n\\end{claim}\n"
        "\\begin{warn}{Careful}\nDivide by zero.\n\\end{warn}\n\\end{frame}",
        preamble="\\newenvironment{claim}{\\par\\medskip\\textbf{Claim.}}{\\par}\n"
        "\\renewenvironment{warn}[1]{\\setbeamercolor{block title}{bg=red}\\begin{alertblock}{#1}}"
        "{\\end{alertblock}}\n",
    )
    texts = _texts(prs)[0]
    assert any("Claim. It holds." in text for text in texts)
    assert "Careful\nDivide by zero." in _boxes(prs.slides[0])
    assert "bg=red" not in "".join(texts) and "raw-tex" not in stderr


def test_incremental_overlays_count_a_step_each_on_the_frames_one_counter(tmp_path):
    """``\\onslide<+->{…}`` paragraphs: a blank first step, then everything on one click; now one click per
    ``+``, counted with the items' ``\\item<+->`` and a list's ``[<+->]`` on the same counter."""
    prs, stderr = _build(
        tmp_path,
        "\\begin{frame}{Steps}\n\\onslide<+->{\n  First paragraph.\n}\n\n\\onslide<+->{\n  Second paragraph.\n}\n\n"
        "\\onslide<+->{\n  Third paragraph.\n}\n\\end{frame}\n"
        "\\begin{frame}{Mixed}\n\\begin{itemize}\n\\item<+-> Alpha\n\\item<+-> Beta\n\\end{itemize}\n"
        "\\uncover<+->{Gamma}\n\n\\visible<+->{Delta}\n\n\\begin{enumerate}[<+->]\n\\item Epsilon\n"
        "\\end{enumerate}\n\\only<+->{Zeta}\n\n\\uncover<.->{Eta}\n\\end{frame}",
    )
    assert click_paragraphs(prs.slides[0]) == [["Second paragraph."], ["Third paragraph."]]
    assert [set(c) for c in click_paragraphs(prs.slides[1])] == [
        {"Beta"},
        {"Gamma"},
        {"Delta"},
        {"Epsilon"},
        {"Zeta", "Eta"},
    ]
    assert "Alpha" in _texts(prs)[1][1]


ITEMS_ON_STEPS = (
    "\\begin{frame}{Analysis}\n  \\begin{itemize}\n    \\onslide<+->{\n      \\item First point\n    }\n"
    "    \\onslide<2->{\n      \\item Second point\n    }\n    \\onslide<3->{\n      \\item Third point\n"
    "      \\item Fourth point\n    }\n  \\end{itemize}\n  \\onslide<2>{\n    Only on the second step.\n  }\n"
    "\\end{frame}"
)


def test_items_inside_an_onslide_come_on_its_step_without_podiums_own_markup(tmp_path):
    """``\\onslide<2->{ \\item … }`` inside a list showed ":::" on the slide and warned about an unclosed
    fenced div (Podium's own syntax, not the deck's)."""
    prs, stderr = _build(tmp_path, ITEMS_ON_STEPS)
    body = "\n".join(_texts(prs)[0])
    assert ":::" not in body and "unclosed-div" not in stderr and ":::" not in stderr
    assert [set(c) for c in click_paragraphs(prs.slides[0])] == [
        {"Second point", "Only on the second step."},
        {"Third point", "Fourth point"},
    ]
    assert body.split("\n")[1:5] == ["First point", "Second point", "Third point", "Fourth point"]


def test_a_part_read_with_input_reports_no_fenced_divs_of_podiums_own(tmp_path):
    """The same frame in a file the deck ``\\input``s: the warning named the deck's file at the part's
    line, and talked about ':::' fenced divs the lecturer never wrote."""
    (tmp_path / "part.tex").write_text(ITEMS_ON_STEPS + "\n", encoding="utf-8")
    prs, stderr = _build(tmp_path, "\\begin{frame}{Before}\nWords.\n\\end{frame}\n\\input{part}")
    assert ":::" not in stderr and "deck.tex:8" not in stderr
    assert "Fourth point" in _texts(prs)[1][1] and ":::" not in _texts(prs)[1][1]


def test_words_before_a_lists_first_item_are_kept(tmp_path):
    """``\\item \\begin{itemize}Base case`` and words right after ``\\begin{itemize}``: dropped silently; now a
    paragraph before the list, as pandoc reads them (spacing set there still prints nothing)."""
    prs, stderr = _build(
        tmp_path,
        "\\begin{frame}{Regular languages}\n\\begin{itemize}\n\\item \\begin{itemize}Base case\n"
        "  \\item $L = \\{a\\}$\n  \\end{itemize}\n\\item Induction step\n\\end{itemize}\n\\end{frame}\n"
        "\\begin{frame}{Spaced}\n\\begin{enumerate}\\setlength{\\itemsep}{1em}\\setcounter{enumi}{2}\n"
        "Three rules:\n\\item Third\n\\end{enumerate}\n\\end{frame}",
    )
    first = _texts(prs)[0][1].split("\n")
    assert first[0] == "Base case" and first[-1] == "Induction step"
    second = _texts(prs)[1][1].split("\n")
    assert second == ["Three rules:", "Third"]
    assert "itemsep" not in stderr and "raw-tex" not in stderr


def test_boxes_keep_their_text_and_an_unknown_macros_argument_on_the_next_line_leaves_no_braces(tmp_path):
    """``\\KITframe[note]`` then ``{\\parbox{\\textwidth}{…}}`` on the lines below: ``{}`` on the slide; and
    ``\\parbox``, ``\\fbox``, ``\\makebox``, ``\\framebox`` lost their words as raw TeX."""
    prs, stderr = _build(
        tmp_path,
        "\\begin{frame}{Step 2}\n\\KITframe[note]\n{\\parbox{\\textwidth}{\n  $q_n \\in Q$\n}}\\\\[0.2cm]\n"
        "Text after.\n\n\\parbox{0.8\\textwidth}{A sentence in a parbox.}\n\n\\fbox{Framed words}\n\n"
        "\\makebox[2cm][l]{Made} and \\framebox{framed} and more.\n\\end{frame}\n"
        "\\begin{frame}\n\\frametitle\n{Title below}\nBody.\n\\end{frame}",
    )
    words = "\n".join(_texts(prs)[0])
    assert "{" not in words and "}" not in words
    for said in ("Text after.", "A sentence in a parbox.", "Framed words", "Made and framed and"):
        assert said in words
    assert "KITframe" in stderr and "parbox" not in stderr and "fbox" not in stderr
    assert _texts(prs)[1][0] == "Title below"


def test_ties_and_babels_quotation_marks_are_the_characters_tex_prints(tmp_path):
    """``~~~~~`` showed as tildes; ``<<…>>``, ``\\glqq…\\grqq``, ``"`…"'`` and ``\\og…\\fg`` as written."""
    prs, _ = _build(
        tmp_path,
        "\\begin{frame}{Tilde}\nInput: $a$, $b$ ~~~~~ Output: $a^b$\n\nSee Fig.~3 and Prof.~Knuth.\n\n"
        "Quote: <<точной>> and ``english'' and \\glqq deutsch\\grqq{}.\n\n"
        'Er sagt "`Hallo"\' und Il dit \\og bonjour\\fg{} et \\flqq non\\frqq.\n\\end{frame}',
    )
    words = _texts(prs)[0][1].split("\n")
    assert "~" not in words[0] and "\u00a0" * 5 + " Output:" in words[0]  # (the math: Office math)
    assert words[1] == "See Fig.\u00a03 and Prof.\u00a0Knuth."
    assert words[2] == "Quote: «точной» and \u201cenglish\u201d and \u201edeutsch\u201c."
    assert words[3] == "Er sagt \u201eHallo\u201c und Il dit «\u00a0bonjour\u00a0» et «non»."


def test_an_escaped_ampersand_in_math_is_an_ampersand_not_raw_tex(tmp_path):
    """``~\\&~`` in display math sent the whole equation to its TeX source (a ``math`` warning)."""
    prs, stderr = _build(
        tmp_path,
        "\\begin{frame}{Theta}\n$$ f(n) \\in \\Theta(g(n)) \\iff f(n) \\in O(g(n)) ~\\&~ f(n) \\in \\Omega(g(n)) $$\n"
        "\\end{frame}",
    )
    m = "{http://schemas.openxmlformats.org/officeDocument/2006/math}"
    maths = list(prs.slides[0].shapes._spTree.iter(f"{m}oMath"))
    assert len(maths) == 1 and "&" in "".join(t.text or "" for t in maths[0].iter(f"{m}t"))
    assert "math" not in stderr and "\\&" not in "".join(_texts(prs)[0])


def _contents_title(tmp_path, preamble: str, name: str) -> str:
    folder = tmp_path / name
    folder.mkdir()
    prs, _ = _build(
        folder,
        "\\begin{frame}\n\\tableofcontents\n\\end{frame}\n\\section{Introduction}\n"
        "\\begin{frame}{Bonjour}\nTexte.\n\\end{frame}",
        preamble=preamble + "\\title{Cours}\n",
    )
    return _texts(prs)[1][0]


def test_babels_or_polyglossias_main_language_is_the_lectures_language(tmp_path):
    """``\\usepackage[french]{babel}``: Podium's own words (the contents slide's title) were English."""
    assert _contents_title(tmp_path, "\\usepackage[T1]{fontenc}\n\\usepackage[french]{babel}\n", "fr") == (
        "Sommaire"
    )
    assert _contents_title(tmp_path, "\\usepackage[english,ngerman]{babel}\n", "de") == "Inhalt"
    assert _contents_title(tmp_path, "\\usepackage{polyglossia}\n\\setmainlanguage{spanish}\n", "es") == (
        "Índice"
    )


def test_subsections_are_listed_in_the_contents_and_named_in_the_handout(tmp_path):
    """``\\subsection{…}`` titles appeared nowhere (deck or handout), with no warning."""
    body = (
        "\\begin{frame}{Overview}\n\\tableofcontents\n\\end{frame}\n\\section{Automata}\n"
        "\\subsection{Deterministic automata}\n\\begin{frame}{DFA}\nText.\n\\end{frame}\n"
        "\\subsection{Constructing a DFA from an NFA}\n\\begin{frame}\nExercise.\n\\end{frame}"
    )
    prs, stderr = _build(tmp_path, body, command="all")
    box = next(sh for sh in prs.slides[0].shapes if sh.has_text_frame and "Automata" in sh.text_frame.text)
    paragraphs = [(p.level, p.text) for p in box.text_frame.paragraphs]
    assert paragraphs == [
        (0, "Automata"),
        (1, "Deterministic automata"),
        (1, "Constructing a DFA from an NFA"),
    ]
    handout = subprocess.run(
        ["pdftotext", "-layout", str(tmp_path / "out" / "deck-handout.pdf"), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert handout.index("Constructing a DFA from an NFA", handout.index("Text.")) < handout.index(
        "Exercise."
    )
    assert "[subsection]" not in stderr
    unlisted = tmp_path / "unlisted"
    unlisted.mkdir()
    _, stderr = _build(unlisted, body.replace("\\tableofcontents", "Words."))
    assert "[subsection]" in stderr and "deck.tex:7:" in stderr
