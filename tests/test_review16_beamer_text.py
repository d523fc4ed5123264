"""What a review of Russian, Polish and English beamer decks found the LaTeX reader printing otherwise
than beamer: babel's shorthands (``"---``), ``\\enquote`` in the deck's language, quotes in inline code,
a deck's own title page (``\\inserttitle``, ``\\IfFileExists``), a size-and-colour group over two lines,
math inside ``\\texttt``; each built as a small ``.tex`` deck through the command line and read back
from the PowerPoint deck (python-pptx)."""

from __future__ import annotations

from .conftest import build_tex as _build
from .conftest import frame_texts as _texts

RUSSIAN = "\\usepackage[T2A]{fontenc}\n\\usepackage[russian]{babel}\n\\usepackage{csquotes}\n"


def test_babel_russian_shorthands_print_as_babel_prints_them(tmp_path):
    """``"---`` showed as ``“—`` (a stray opening quote before the dash); babel-russian prints a dash, and
    ``"<…">`` guillemets, ``"~`` a hyphen; code keeps its characters."""
    prs, _ = _build(
        tmp_path,
        '\\begin{frame}{Тире "--- тест}\n\\begin{itemize}\n\\item \\texttt{Bool} "--- тип\n'
        '\\item "<Цитата"> и красно"~белый, \\verb|"---|\n\\end{itemize}\n\\end{frame}',
        preamble=RUSSIAN,
    )
    title, body = _texts(prs)[0][:2]
    assert title == "Тире \u2014 тест"
    assert body.split("\n") == ["Bool \u2014 тип", '\u00abЦитата\u00bb и красно-белый, "---']


def test_babel_german_and_polish_shorthands_but_not_in_an_english_deck(tmp_path):
    """``"a``, ``"s``, ``"`…"'`` in a German deck and ``"e``, ``"z``, ``",…"'`` in a Polish one are the letters
    and quotes babel prints; an English deck's ``"`` is a quote."""
    (tmp_path / "de").mkdir()
    prs, _ = _build(
        tmp_path / "de",
        '\\begin{frame}{Gr"u"se}\nStra"se, "`Hallo"\' und \\verb|"a"|.\n\\end{frame}',
        preamble="\\usepackage[ngerman]{babel}\n",
    )
    assert _texts(prs)[0][:2] == ["Grüße", 'Straße, \u201eHallo\u201c und "a".']
    (tmp_path / "pl").mkdir()
    prs, _ = _build(
        tmp_path / "pl",
        '\\begin{frame}{Zaj"ecia}\n",Cytat"\' i "z\\\'o"lw.\n\\end{frame}',
        preamble="\\usepackage[polish]{babel}\n",
    )
    assert _texts(prs)[0][:2] == ["Zajęcia", "\u201eCytat\u201d i żółw."]
    (tmp_path / "en").mkdir()
    prs, _ = _build(tmp_path / "en", '\\begin{frame}{E}\nHe said "hi".\n\\end{frame}')
    assert _texts(prs)[0][1] == "He said \u201chi\u201d."


def test_enquote_uses_the_decks_languages_quotation_marks(tmp_path):
    """``\\enquote{…}`` in a Russian deck showed “…”; csquotes prints «…» (and „…“ inside)."""
    prs, _ = _build(
        tmp_path,
        "\\begin{frame}{Кавычки}\nЗначение \\enquote{вычисленное \\enquote{до} конца} выражение.\n\\end{frame}",
        preamble=RUSSIAN,
    )
    assert _texts(prs)[0][1] == "Значение «вычисленное \u201eдо\u201c конца» выражение."


def test_inline_code_keeps_its_quotes(tmp_path):
    """``\\lstinline{"1"}`` and ``\\verb|"1"|`` showed as `` `”1„ ``: code keeps its characters."""
    prs, _ = _build(
        tmp_path,
        '\\begin{frame}{Quotes in code}\n\\begin{itemize}\n\\item lstinline: \\lstinline{"1"} is an lvalue\n'
        '\\item verb: \\verb|"1"| and \\verb|x"| and \\verb|"abc"|\n\\end{itemize}\n\\end{frame}',
        preamble="\\usepackage{listings}\n",
    )
    assert _texts(prs)[0][1].split("\n") == ['lstinline: "1" is an lvalue', 'verb: "1" and x" and "abc"']


TITLE_PAGE = (
    "\\newcommand{\\decklogo}{%\n  \\IfFileExists{logo.pdf}%\n    {\\includegraphics{logo.pdf}}%\n"
    "    {Wheaton College}}\n\\title{AI for Inquiry}\n\\subtitle{Lecture 1}\n\\author{Jane Doe}\n"
    "\\institute{Wheaton}\n\\date{September 2, 2026}\n"
)


def test_a_hand_made_title_page_prints_the_decks_title_and_no_brace_debris(tmp_path):
    """``\\inserttitle`` and ``\\insertdate`` printed nothing and ``\\IfFileExists`` left ``{} {}`` behind."""
    prs, stderr = _build(
        tmp_path,
        "\\begin{frame}[plain]\n  \\decklogo\n\n"
        "  {\\usebeamerfont{title}\\usebeamercolor[fg]{title}\\Huge\\bfseries \\inserttitle\\par}\n"
        "  \\ifx\\insertsubtitle\\@empty\\else\n    {\\large\\color{gray}\\insertsubtitle\\par}\n  \\fi\n\n"
        "  \\insertdate\n\\end{frame}\n\\begin{frame}{Second}\nBy \\insertauthor{} at \\insertinstitute.\n"
        "\\end{frame}",
        preamble=TITLE_PAGE,
    )
    page = "\n".join(_texts(prs)[1])
    for words in ("Wheaton College", "AI for Inquiry", "Lecture 1", "September 2, 2026"):
        assert words in page
    assert "{" not in page and "}" not in page
    assert _texts(prs)[2][1] == "By Jane Doe at Wheaton."
    assert "usebeamer" not in stderr and "IfFileExists" not in stderr


def test_a_size_and_colour_group_over_two_lines_leaves_no_brace(tmp_path):
    """``{\\scriptsize\\color{gray} …`` then ``…}`` on the next line left a ``}`` on the slide."""
    prs, _ = _build(
        tmp_path,
        "\\begin{frame}{Group}\n  {\\scriptsize\\color{gray} First run opens a browser sign-in. Use the\n"
        "  instructor-provided access.}\n\\end{frame}",
    )
    body = _texts(prs)[0][1]
    assert body == "First run opens a browser sign-in. Use the instructor-provided access."


def test_math_inside_texttt_is_math(tmp_path):
    """``\\texttt{Terminal $\\to$ New Terminal}`` showed ``\\to``; TeX prints an arrow."""
    prs, _ = _build(
        tmp_path,
        "\\begin{frame}{Math}\n  Open a terminal: \\texttt{Terminal $\\to$ New Terminal}\n\\end{frame}",
    )
    assert _texts(prs)[0][1] == "Open a terminal: Terminal \u2192 New Terminal"
