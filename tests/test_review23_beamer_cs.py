"""Review 23 (b), beamer decks of CS courses: ``\\input`` parts that are documents of their own (the
standalone package's habit) read as their bodies; algorithm2e's ``\\KwTo``, ``\\\\`` line ends and
``\\onslide`` in its lines; a box inside a list item kept in its item; ``\\alt<n> {…} {…}`` with spaces;
an ``\\onslide`` nested in another's list."""

from __future__ import annotations

import subprocess
import textwrap

from lxml import etree

from .conftest import build_tex, click_paragraphs, deck_titles, frame_texts, run_cli


def _write(folder, name, text):
    (folder / name).write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")


def test_input_parts_with_their_own_documentclass_are_read_as_their_bodies(tmp_path):
    # only the first part's frames were slides: its \end{document} ended the deck, and its
    # \documentclass and \begin{document} were raw-TeX warnings
    _write(
        tmp_path,
        "main.tex",
        r"""
        \documentclass{beamer}
        \usepackage{standalone}
        \title{Graphs}
        \begin{document}
        \begin{frame}{Intro}
        Hello
        \end{frame}
        \input{parta}
        \input{partb.tex}
        \end{document}
        """,
    )
    for part in "ab":
        _write(
            tmp_path,
            f"part{part}.tex",
            rf"""
            % part {part}
            \documentclass[standalone]{{beamer}}
            \usepackage{{amsmath}}
            \begin{{document}}
            \section{{Part {part.upper()}}}
            \begin{{frame}}{{Frame {part.upper()}}}
            Words of {part.upper()}
            \end{{frame}}
            \end{{document}}
            """,
        )
    out = tmp_path / "out"
    result = run_cli("all", tmp_path / "main.tex", "-o", out)
    assert result.exit_code == 0, result.stderr
    from pptx import Presentation

    deck = Presentation(str(out / "main.pptx"))
    assert deck_titles(deck)[1:] == ["Intro", "Part A", "Frame A", "Part B", "Frame B"]
    assert "Words of B" in frame_texts(deck)[-1][-1]
    assert "raw-tex" not in result.stderr and "outside-frame" not in result.stderr, result.stderr
    handout = subprocess.run(
        ["pdftotext", str(out / "main-handout.pdf"), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "Words of B" in handout


def _handout_text(tmp_path):
    return subprocess.run(
        ["pdftotext", str(tmp_path / "out" / "deck-handout.pdf"), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout


def test_algorithm2e_kwto_double_backslash_lines_and_for_without_semicolons(tmp_path):
    # \KwTo was dropped ("for i = 1 n do"), `\\` line ends were shown as `\`, and an algorithm whose lines
    # all end in `\\` was not read as algorithm2e (`\For` "not known", its condition lost)
    deck, err = build_tex(
        tmp_path,
        r"""
\begin{frame}{A}
  \begin{algorithm}[H]
    \For{$i = 1$ \KwTo $n$}{
      visit node $i$\;
    }
  \end{algorithm}
\end{frame}
\begin{frame}{B}
  \begin{algorithm}[H]
    \KwData{graph $G$}
    start here \\
    \ForEach{$v \in V$}{
      visit $v$ \\
      $x = \begin{cases} 1 & a \\ 2 & b \end{cases}$ \\
    }
  \end{algorithm}
\end{frame}
\begin{frame}{C}
  \begin{algorithm}[H]
    \For{each vertex $u$}{
      relax its edges \\
      \mystery{$u$} \\
    }
  \end{algorithm}
\end{frame}
""",
        command="all",
    )
    texts = [[t.replace("\xa0", " ") for t in frame] for frame in frame_texts(deck)]
    a, b, c = ("\n".join(t[1:]) for t in texts)
    assert " to " in a.split("\x0b")[0] and a.split("\x0b")[0].startswith("for"), a
    lines_b = [line.strip() for line in b.split("\x0b")]
    assert lines_b[:3] == ["Data: graph", "start here", "foreach  do"], lines_b
    assert "\\" not in b
    lines_c = [line.strip() for line in c.split("\x0b")]
    assert lines_c[:2] == ["for each vertex  do", "relax its edges"], lines_c  # (u: math, drawn)
    assert lines_c[-1] == "end"
    assert "raw TeX '\\For'" not in err and "\\KwTo" not in err, err
    assert "deck.tex:25: warning: raw TeX '\\mystery" in err, err  # (at its own line, not the algorithm's)
    handout = _handout_text(tmp_path)
    assert "start here \\" not in handout and "relax its edges" in handout


def test_onslide_inside_algorithm2e_comes_on_its_click_without_fence_markup(tmp_path):
    deck, err = build_tex(
        tmp_path,
        r"""
\begin{frame}{Overlay inside algorithm2e}
  \begin{algorithm}[H]
    \KwData{graph}
    run a DFS \\
    \onslide<2-> {
      \For{every node}{
        visit it \\
        \onslide<3-> {
          mark it \\
        }
      }
    }
  \end{algorithm}
\end{frame}
""",
        command="all",
    )
    words = "\n".join(frame_texts(deck)[0])
    handout = _handout_text(tmp_path)
    for shown in (words, handout):
        assert ":::" not in shown and "fragment" not in shown and "{" not in shown and "\\" not in shown
    clicks = [[p.replace("\xa0", " ").strip() for p in click] for click in click_paragraphs(deck.slides[0])]
    assert len(clicks) == 2, clicks
    assert clicks[0][0].startswith("for every node do") and "mark it" not in clicks[0][0], clicks
    assert clicks[1][0].startswith("mark it"), clicks
    assert "raw-tex" not in err, err


def test_onslide_nested_in_another_onslides_list_comes_on_its_click(tmp_path):
    # the inner \onslide's braces were shown, its words shown from the start, and its warning put at the
    # \item line before it, saying "inside a line"
    deck, err = build_tex(
        tmp_path,
        r"""
\begin{frame}{Nested onslide}
  \onslide<1-> {
    \begin{itemize}
      \item Introduce node:
        \onslide<2-> {
          first detail
        }
      \item Forget node:
        \onslide<3-> {
          second detail
        }
    \end{itemize}
  }
\end{frame}
""",
    )
    words = "\n".join(frame_texts(deck)[0])
    assert "{" not in words and "}" not in words, words
    clicks = click_paragraphs(deck.slides[0])
    assert [[p.strip() for p in click] for click in clicks] == [["first detail"], ["second detail"]], clicks
    assert "inside a line" not in err, err


def test_alt_with_spaces_before_its_braces_is_read_as_alt(tmp_path):
    # `\alt<2> {…} {…}` showed "2 {", both boxes and "} {": TeX skips the spaces before an argument;
    # the warning quoted raw LaTeX cut at a backslash
    deck, err = build_tex(
        tmp_path,
        r"""
\begin{frame}{Boxes}
  \alt<2> {
    \begin{block}{Theorem}
      Shown on step two.
    \end{block}
  } {
    \begin{block}{Figure}
      Shown on step one, a rather longer sentence than the other.
    \end{block}
  }
\end{frame}
\begin{frame}{Words}
  The answer is \alt<2> {first} {second} today.
\end{frame}
""",
    )
    boxes, words = frame_texts(deck)
    assert boxes[1:] == ["Theorem\nShown on step two."], boxes
    assert "The answer is first today." in words[1], words
    assert "raw TeX" not in err, err
    said = [line for line in err.splitlines() if "overlay-alt" in line]
    assert len(said) == 2 and "deck.tex:5: warning: \\alt<2> shows" in said[0], said
    assert '"Theorem Shown on step two."' in said[0], said[0]
    assert '"Figure Shown on step one, a rather…"' in said[0], said[0]
    assert "\\begin" not in said[0] and '\\"' not in said[0]


def test_a_box_inside_a_list_item_stays_under_its_item(tmp_path):
    # both items came first, then both boxes under the whole list: which lemma belongs to which page was lost
    deck, err = build_tex(
        tmp_path,
        r"""
\begin{frame}{Errata}
  \begin{itemize}
    \item Page 218:
      \begin{block}{Lemma}
        First corrected statement.
      \end{block}
    \item Page 250:
      \begin{block}{Lemma}
        Second corrected statement.
      \end{block}
  \end{itemize}
\end{frame}
""",
        command="all",
    )
    assert frame_texts(deck)[0][1:] == [
        "Page 218:",
        "Lemma\nFirst corrected statement.",
        "Page 250:",
        "Lemma\nSecond corrected statement.",
    ]
    handout = " ".join(_handout_text(tmp_path).split())
    assert "Page 218: Lemma First corrected statement. • Page 250: Lemma Second" in handout, handout


def test_display_math_on_a_click_inside_a_list_item_stays_in_its_item(tmp_path):
    deck, err = build_tex(
        tmp_path,
        r"""
\begin{frame}{Nested onslide}
  \onslide<1-> {
    \begin{itemize}
      \item Introduce node:
        \onslide<2-> {
          \[ x = 1 \]
        }
      \item Forget node:
        \onslide<3-> {
          \[ y = 2 \]
        }
    \end{itemize}
  }
\end{frame}
""",
    )
    slide = deck.slides[0]
    xml = etree.tostring(slide._element, encoding="unicode")  # (equations: Office math, in reading order)
    at = [xml.index(said) for said in ("Introduce node:", "<m:t>x</m:t>", "Forget node:", "<m:t>y</m:t>")]
    assert at == sorted(at), at
    assert len(click_paragraphs(slide)) == 2
    assert "inside a line" not in err and "{" not in "".join(frame_texts(deck)[0])
