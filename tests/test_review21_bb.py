"""What a reviewer's Chinese C++ course deck (beamer, a twenty-first round) showed: a date macro's
``\\ifcase\\the\\month … \\fi`` printed as TeX, a subtitle chosen by ``\\ifcase`` on a count register
silently the last, an ``\\institute[…]`` short form over lines dropping the institute, a chapter switch on
``\\newcount\\chno`` not followed, a ``\\titlepage`` frame with one unknown command making an empty slide,
and a preamble "switch" macro that redefines ``\\item`` flattening the lists.  Each built as a small deck
through the command line and read back from the PowerPoint deck (python-pptx) and the handout
(``pdftotext``)."""

from __future__ import annotations

import subprocess

from pptx import Presentation

from .conftest import build_tex, frame_texts, paragraph_texts, run_cli

_SEMESTER = (
    "\\newcommand{\\tosemester}{\n"
    "  \\the\\year 年\\ \n"
    "  \\ifcase\\the\\month\n"
    "  \\or 秋%\n  \\or 春%\n  \\or 春%\n  \\or 春%\n  \\or 春%\n  \\or 春%\n"
    "  \\or 春%\n  \\or 夏%\n  \\or 秋%\n  \\or 秋%\n  \\or 秋%\n  \\or 秋%\n"
    "  \\fi\n"
    "}\n"
)
_FRAME = "\\begin{frame}{First}\nWords.\n\\end{frame}"


def _handout(tmp_path) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", str(tmp_path / "out" / "deck-handout.pdf"), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout


def test_a_date_macro_with_ifcase_on_the_month_prints_the_chosen_case(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")  # 14 November 2023: case 11, 秋
    prs, stderr = build_tex(
        tmp_path,
        _FRAME,
        preamble=_SEMESTER + "\\title{面向对象程序设计}\n\\date{\\tosemester}\n",
        documentclass="ctexbeamer",
        command="all",
    )
    title_slide = frame_texts(prs)[0]
    assert title_slide[1] == "2023年 秋"
    handout = _handout(tmp_path)
    assert "2023年 秋" in handout
    assert "ifcase" not in handout and "\\or" not in handout
    assert "raw-tex" not in stderr


def test_a_subtitle_chosen_by_ifcase_on_a_count_register_is_the_chosen_one(tmp_path):
    preamble = (
        "\\newcount\\chno\n\\chno=1\n\\title{Object Oriented Programming}\n"
        "\\ifcase\\chno\\relax\n\\subtitle{Course introduction}\n\\or\n\\subtitle[Short]\n{Basics}\n"
        "\\or\n\\subtitle{Exceptions}\n\\fi\n"
    )
    prs, stderr = build_tex(tmp_path, _FRAME, preamble=preamble)
    assert frame_texts(prs)[0] == ["Object Oriented Programming", "Basics"]
    counter = "\\newcounter{chapter}\n\\setcounter{chapter}{2}\n\\title{OOP}\n" + (
        "\\ifcase\\value{chapter} \\subtitle{Zero}\\or \\subtitle{One}\\or \\subtitle{Two}\\fi\n"
    )
    prs, _ = build_tex(tmp_path, _FRAME, preamble=counter)
    assert frame_texts(prs)[0] == ["OOP", "Two"]


def test_an_ifcase_whose_number_is_unknown_is_said_not_silently_the_last(tmp_path):
    preamble = "\\title{OOP}\n\\ifcase\\mychapter\n\\subtitle{Zero}\n\\or\n\\subtitle{One}\n\\fi\n"
    prs, stderr = build_tex(tmp_path, _FRAME, preamble=preamble)
    assert frame_texts(prs)[0] == ["OOP", "Zero"]
    assert "deck.tex:3: warning:" in stderr and "\\ifcase\\mychapter" in stderr and "first case" in stderr


def test_an_institute_whose_short_form_runs_over_lines_is_read(tmp_path):
    preamble = (
        "\\title{OOP}\n\\author{Nan Geng}\n\\institute[\n"
        "{\\includegraphics[scale=0.015]{logo}}\\\\\nCS of CIE\\\\\nYangling, China ] % short\n"
        "{% long\n  Computer Science \\\\\n  Information Engineering\n}\n"
    )
    prs, stderr = build_tex(tmp_path, _FRAME, preamble=preamble)
    assert frame_texts(prs)[0] == ["OOP", "Nan Geng\nComputer Science\x0bInformation Engineering"]


def test_a_chapter_switch_on_a_count_register_inputs_the_chosen_chapter(tmp_path):
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "ch00.tex").write_text(
        "\\begin{frame}{Chapter zero}\nWords of chapter zero.\n\\end{frame}\n", encoding="utf-8"
    )
    (tmp_path / "data" / "ch01.tex").write_text(
        "\\begin{frame}{Chapter one}\nWords of chapter one.\n\\end{frame}\n", encoding="utf-8"
    )
    preamble = (
        "\\newcount\\chno\n\\chno=1\n\\title{Course}\n\\newcommand\\seledchap[1]{%\n  \\ifcase#1\\relax\n"
        "  %\\or\n    \\include{data/ch00} % intro\n  \\or\n    \\include{data/ch01}\n  \\fi\n}\n"
    )
    prs, stderr = build_tex(tmp_path, "\\seledchap{\\chno}", preamble=preamble)
    assert frame_texts(prs) == [["Course"], ["Chapter one", "Words of chapter one."]]
    assert "missing-file" not in stderr


def test_a_title_page_frame_with_one_unknown_command_makes_no_empty_slide(tmp_path):
    body = (
        "{\\setbeamertemplate{background}{}%\n  \\begin{frame}[plain,noframenumbering]\n    \\initclock\n"
        "    \\titlepage\n  \\end{frame}}\n" + _FRAME
    )
    prs, stderr = build_tex(tmp_path, body, preamble="\\title{OOP}\n\\author{Nan Geng}\n")
    assert frame_texts(prs) == [["OOP", "Nan Geng"], ["First", "Words."]]
    assert "deck.tex:7: warning: raw TeX '\\initclock' on the title page is left out" in stderr
    assert "other content is on a slide of its own" not in stderr


def test_a_switch_macro_that_redefines_item_keeps_the_lists(tmp_path):
    preamble = (
        "\\def\\itemsymbol{$\\blacktriangleright$}\n\\let\\svpar\\par\n\\let\\svitemize\\itemize\n"
        "\\let\\svenditemize\\enditemize\n\\let\\svitem\\item\n"
        "\\def\\newitem{\\renewcommand\\item[1][\\itemsymbol]{\\vfill\\svitem[##1]}}%\n"
        "\\def\\newpar{\\def\\par{\\svpar\\vfill}}%\n"
        "\\newcommand\\stretchon{%\n  \\newpar%\n  \\renewcommand\\item[1][\\itemsymbol]{\\svitem[##1]\\newitem}%\n"
        "  \\renewenvironment{itemize}%\n    {\\svitemize}{\\svenditemize\\newpar\\par}%\n}\n"
        "\\newcommand\\stretchoff{%\n  \\let\\par\\svpar%\n  \\let\\item\\svitem%\n"
        "  \\let\\itemize\\svitemize%\n  \\let\\enditemize\\svenditemize%\n}\n\\title{Repro}\n"
    )
    body = (
        "\\begin{frame}{Course requirements}\n  \\stretchon\n  \\begin{itemize}\n  \\item Attendance\n"
        "    \\begin{itemize}\n    \\item in lectures\n    \\item in labs\n    \\end{itemize}\n"
        "  \\item Grading\n  \\end{itemize}\n  \\stretchoff\n\\end{frame}"
    )
    prs, stderr = build_tex(tmp_path, body, preamble=preamble)
    slide = prs.slides[1]
    body_shape = next(sh for sh in slide.placeholders if sh.placeholder_format.idx == 1)
    items = [(p.text, p.level) for p in body_shape.text_frame.paragraphs if p.text.strip()]
    assert items == [("Attendance", 0), ("in lectures", 1), ("in labs", 1), ("Grading", 0)]
    assert "{}" not in "\n".join(paragraph_texts(slide))
    assert "raw-tex" not in stderr


def test_the_course_deck_reads_its_chapter_and_title_page_whole(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "ch00.tex").write_text(
        "\\begin{frame}{Introduction}\n  \\stretchon\n  \\begin{itemize}\n  \\item One\n  \\end{itemize}\n"
        "  \\stretchoff\n\\end{frame}\n",
        encoding="utf-8",
    )
    src = tmp_path / "main.tex"
    src.write_text(
        "\\documentclass{ctexbeamer}\n\\newcount\\chno\n\\chno=0\n" + _SEMESTER + "\\let\\svitem\\item\n"
        "\\newcommand\\stretchon{\\renewcommand\\item[1][x]{\\svitem[##1]}}\n"
        "\\newcommand\\stretchoff{\\let\\item\\svitem}\n"
        "\\title{面向对象程序设计}\n\\ifcase\\chno\\relax\n\\subtitle{课程简介}\n\\or\n\\subtitle{基础知识}\n\\fi\n"
        "\\date{\\tosemester}\n"
        "\\newcommand\\seledchap[1]{\\ifcase#1\\relax \\include{data/ch00} \\or \\include{data/ch01} \\fi}\n"
        "\\begin{document}\n\\begin{frame}[plain]\n  \\initclock\n  \\titlepage\n\\end{frame}\n"
        "\\seledchap{\\chno}\n\\end{document}\n",
        encoding="utf-8",
    )
    result = run_cli("slides", src, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.stderr
    prs = Presentation(str(tmp_path / "out" / "main.pptx"))
    assert frame_texts(prs) == [["面向对象程序设计", "课程简介\n2023年 秋"], ["Introduction", "One"]]
