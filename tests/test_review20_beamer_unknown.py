"""A beamer deck whose theme file Podium cannot see: its environments (``\\begin{sibbox}{Explore}``,
``\\begin{takeaway}``) keep their content, titled by an argument that reads as a title; enumitem's
``\\newlist`` lists are lists of their kind; an unknown command's text argument (``\\muted{…}``, on one line
or over two) keeps its words.  All with one warning at the line."""

from __future__ import annotations

import re

from .conftest import build_tex, frame_texts, paragraph_texts

_LIST_PR = "{http://schemas.openxmlformats.org/drawingml/2006/main}"


def _bullets(slide) -> dict[str, str]:
    """Each paragraph's words on ``slide`` and how it is marked: 'bullet', the autonumber's type, or 'none'
    (a body placeholder's paragraph is bulleted unless it says otherwise; a text box's is not)."""
    out = {}
    for shape in slide.shapes:
        if not shape.has_text_frame:
            continue
        for para in shape.text_frame.paragraphs:
            ppr = para._p.pPr
            kinds = {child.tag.replace(_LIST_PR, ""): child for child in (ppr if ppr is not None else [])}
            out[para.text.strip()] = (
                "none"
                if "buNone" in kinds
                else kinds["buAutoNum"].get("type")
                if "buAutoNum" in kinds
                else "bullet"
                if "buChar" in kinds or shape.is_placeholder
                else "none"
            )
    return out


def _box_paragraphs(slide) -> list[list[str]]:
    """The paragraphs of each call-out box on ``slide`` (a box's title first)."""
    return [
        [p.text for p in shape.text_frame.paragraphs if p.text.strip()]
        for shape in slide.shapes
        if shape.has_text_frame and shape.name.startswith("Callout")
    ]


def test_unknown_environment_keeps_its_text_in_a_box_titled_by_its_argument(tmp_path):
    # \begin{sibbox}{Explore} and \begin{takeaway} (a theme file's) holding text were left out whole with a
    # raw-tex warning each: the slide had only its title
    deck, err = build_tex(
        tmp_path,
        "\\begin{frame}{Two reasons to make a plot}\n"
        "  \\begin{sibbox}{Explore}\n"
        "    For yourself: find patterns, errors and surprises.\n"
        "  \\end{sibbox}\n"
        "  \\begin{takeaway}\n"
        "    In machine learning, exploring comes first.\n"
        "  \\end{takeaway}\n"
        "\\end{frame}",
    )
    slide = deck.slides[-1]
    assert ["Explore", "For yourself: find patterns, errors and surprises."] in _box_paragraphs(slide)
    assert "In machine learning, exploring comes first." in paragraph_texts(slide)
    assert not any("\\" in t or "{" in t for t in paragraph_texts(slide))
    assert "raw TeX '\\begin{sibbox}" not in err and "raw TeX '\\begin{takeaway}" not in err
    assert re.search(
        r"deck\.tex:4: warning: environment 'sibbox' is not known .*shown in a box titled 'Explore' "
        r"\[unknown-environment\]",
        err,
    ), err
    assert re.search(r"deck\.tex:7: warning: environment 'takeaway' is not known .*shown as it is", err), err


def test_unknown_environment_holding_a_list_shows_its_title_not_its_braces(tmp_path):
    # only \begin{sibbox} and \end{sibbox} were dropped: "{In the raw survey}" was shown, braces and all
    deck, err = build_tex(
        tmp_path,
        "\\begin{frame}{Same box, holding a list}\n"
        "  \\begin{sibbox}{In the raw survey}\n"
        "    \\begin{itemize}\n"
        "      \\item 28 missing values\n"
        "      \\item 5 duplicate rows\n"
        "    \\end{itemize}\n"
        "  \\end{sibbox}\n"
        "\\end{frame}",
    )
    slide = deck.slides[-1]
    assert ["In the raw survey", "28 missing values", "5 duplicate rows"] in _box_paragraphs(slide)
    assert _bullets(slide)["28 missing values"] == "bullet"
    assert not any("{" in t or "}" in t for texts in frame_texts(deck) for t in texts)
    assert "deck.tex:4: warning: environment 'sibbox' is not known" in err, err
    assert "raw-tex" not in err, err


def test_unknown_environment_of_items_is_a_list_and_a_setting_is_no_title(tmp_path):
    # an environment of \items (an enumitem list defined where Podium cannot see) and one whose argument is
    # a setting (a language) were left out whole; what prints nothing stays left out
    deck, err = build_tex(
        tmp_path,
        "\\begin{frame}{Unknown environments}\n"
        "  \\begin{checklist}\n"
        "    \\item Plot the data first.\n"
        "    \\item Check the types.\n"
        "  \\end{checklist}\n"
        "  \\begin{otherlanguage}{french}\n"
        "    Regardez les donn\\'ees.\n"
        "  \\end{otherlanguage}\n"
        "  \\begin{comment}\n"
        "    Not for the students.\n"
        "  \\end{comment}\n"
        "  \\[ \\begin{pmatrix} 1 & 0 \\\\ 0 & 1 \\end{pmatrix} \\]\n"
        "  \\begin{exercise}[which chart?]\n"
        "    Pick one.\n"
        "  \\end{exercise}\n"
        "\\end{frame}",
    )
    slide = deck.slides[-1]
    marks = _bullets(slide)
    assert marks.get("Plot the data first.") == "bullet" and marks.get("Check the types.") == "bullet", marks
    assert "Regardez les données." in marks
    every = "\n".join(t for texts in frame_texts(deck) for t in texts)
    assert "french" not in every and "\\item" not in every and "Not for the students" not in every
    assert re.search(r"deck\.tex:4: warning: environment 'checklist' is not known .*a list of its items", err)
    assert re.search(
        r"deck\.tex:8: warning: environment 'otherlanguage' is not known .*as it is, \{french\} left out", err
    ), err
    assert ["which chart?", "Pick one."] in _box_paragraphs(slide)  # (a phrase in brackets: its title)
    assert "'comment'" not in err and "'pmatrix'" not in err


def test_newlist_list_is_a_list_of_its_kind(tmp_path):
    # \newlist{objectives}{itemize}{1} made \begin{objectives} unknown raw TeX: all its items were left out
    deck, err = build_tex(
        tmp_path,
        "\\begin{frame}{What you should be able to do afterwards}\n"
        "  \\begin{objectives}\n"
        "    \\item Explain why we plot the data before we model it.\n"
        "    \\item Recognize common data problems in a plot.\n"
        "  \\end{objectives}\n"
        "\\end{frame}",
        preamble="\\usepackage{enumitem}\n\\newlist{objectives}{itemize}{1}\n"
        "\\setlist[objectives]{label=\\checkmark}\n",
    )
    marks = _bullets(deck.slides[-1])
    assert marks.get("Explain why we plot the data before we model it.") == "bullet", marks
    assert marks.get("Recognize common data problems in a plot.") == "bullet", marks
    assert "warning" not in err, err


def test_newlist_in_a_style_file_numbers_its_items_as_setlist_says(tmp_path):
    # the deck's own .sty defines an enumerate list and a description list with enumitem
    (tmp_path / "courselists.sty").write_text(
        "\\ProvidesPackage{courselists}\n\\RequirePackage{enumitem}\n"
        "\\newlist{steps}{enumerate}{2}\n\\setlist[steps,1]{label=(\\alph*), leftmargin=*}\n"
        "\\newlist{terms}{description}{1}\n",
        encoding="utf-8",
    )
    deck, err = build_tex(
        tmp_path,
        "\\begin{frame}{A workflow}\n"
        "  \\begin{steps}\n"
        "    \\item Load the data.\n"
        "    \\item Plot it.\n"
        "  \\end{steps}\n"
        "  \\begin{terms}\n"
        "    \\item[Mean] the average\n"
        "  \\end{terms}\n"
        "\\end{frame}",
        preamble="\\usepackage{courselists}\n",
    )
    slide = deck.slides[-1]
    marks = _bullets(slide)
    assert marks.get("Load the data.") == "alphaLcParenBoth" and marks.get("Plot it.") == "alphaLcParenBoth"
    runs = [r for s in slide.shapes if s.has_text_frame for p in s.text_frame.paragraphs for r in p.runs]
    assert any(r.text.strip() == "Mean" and r.font.bold for r in runs), [(r.text, r.font.bold) for r in runs]
    assert "the average" in "".join(r.text for r in runs)
    assert "warning" not in err, err


def test_unknown_command_standing_as_a_paragraph_keeps_its_words(tmp_path):
    # \muted{…} (a theme's grey source line), on one line or over two, was left out with a raw-tex warning,
    # though the README says an unknown command's argument over several lines keeps its words
    deck, err = build_tex(
        tmp_path,
        "\\begin{frame}{Correlation is not causation}\n"
        "  Both simply grow over time.\n"
        "\n"
        "  \\muted{Data as used in M\\\"{u}ller (2017), after Vigen's \\emph{Spurious\n"
        "  Correlations}.}\n"
        "\n"
        "  \\muted{Both principles: Tufte (1983).}\n"
        "\n"
        "  Icons: \\faicon{github}\n"
        "\\end{frame}",
    )
    slide = deck.slides[-1]
    said = paragraph_texts(slide)
    assert "Data as used in Müller (2017), after Vigen’s Spurious Correlations." in said, said
    assert "Both principles: Tufte (1983)." in said, said
    runs = [r for s in slide.shapes if s.has_text_frame for p in s.text_frame.paragraphs for r in p.runs]
    assert any("Spurious" in r.text and r.font.italic for r in runs)
    assert not any("github" in t or "{" in t for t in said), said  # (a name, not words: left out)
    kept = "warning: raw TeX '\\muted' is not known: its argument's words are kept, without the command"
    assert f"deck.tex:6: {kept}" in err and f"deck.tex:9: {kept}" in err, err
    assert "raw TeX '\\faicon{github}' is left out" in err, err
