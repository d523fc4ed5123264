"""LaTeX environments a beamer lecture leaves in its Markdown come out as what they mean (podium.texenvs):
lists, titled boxes, columns, code, display math, pictures; others are still left out with a warning."""

from __future__ import annotations

from pathlib import Path

from PIL import Image
from pptx import Presentation
from pptx.oxml.ns import qn
from pypdf import PdfReader

from podium import model as m
from podium.diagnostics import Diagnostics
from podium.pipeline import BuildOptions, build_handout, build_slides
from podium.texenvs import environments_to_markdown

from .conftest import deck_of

LECTURE = r"""---
title: Groups
---

## Lists

\begin{itemize}
  \item First point
  \item Second point
        over two lines
  \begin{enumerate}
    \item nested one
    \item nested two
  \end{enumerate}
\end{itemize}

## Terms

\begin{description}
  \item[Closure] the product stays in the set
  \item[Identity] there is a neutral element
\end{description}

## Box

\begin{block}{Definition}
A group is a set with an operation.
\end{block}

## Columns

\begin{columns}[T]
\begin{column}{0.6\textwidth}
Left words
\end{column}
\begin{column}{0.4\textwidth}
Right words
\end{column}
\end{columns}

## Code

\begin{lstlisting}[language=Python]
def f(x):
    return x * 2
\end{lstlisting}

## Math

\begin{align}
a &= b + c \label{eq:one} \\
d &= e
\end{align}

## Picture

\begin{figure}[h]
\centering
\includegraphics[width=0.5\textwidth]{pic.png}
\caption{A blue box}
\end{figure}

## Left alone

```latex
\begin{itemize}
\item stays code
\end{itemize}
```

\begin{tikzpicture}
\draw (0,0) -- (1,1);
\end{tikzpicture}
"""


def _build(tmp_path: Path):
    Image.new("RGB", (60, 40), (30, 90, 200)).save(tmp_path / "pic.png")
    src = tmp_path / "groups.md"
    src.write_text(LECTURE)
    diags = Diagnostics()
    deck = build_slides(src, BuildOptions(out_dir=tmp_path / "out"), diags)
    return src, Presentation(str(deck)), diags


def _slide(prs, title):
    return next(s for s in prs.slides if s.shapes.title is not None and s.shapes.title.text == title)


def _paras(slide):
    return [
        (p.level, "".join(r.text for r in p.runs))
        for sh in slide.shapes
        if sh.has_text_frame and sh != slide.shapes.title
        for p in sh.text_frame.paragraphs
        if p.runs
    ]


def test_beamer_environments_become_lists_boxes_columns_code_math_and_pictures(tmp_path):
    src, prs, diags = _build(tmp_path)
    lists = _paras(_slide(prs, "Lists"))
    assert lists[:4] == [
        (0, "First point"),
        (0, "Second point over two lines"),
        (1, "nested one"),
        (1, "nested two"),
    ]
    terms = _slide(prs, "Terms")
    assert (0, "Closure the product stays in the set") in _paras(terms)
    bold = [
        r.text
        for sh in terms.shapes
        if sh.has_text_frame
        for p in sh.text_frame.paragraphs
        for r in p.runs
        if r.font.bold
    ]
    assert "Closure" in bold
    box = [t for _, t in _paras(_slide(prs, "Box"))]
    assert "Definition" in box and "A group is a set with an operation." in box
    cols = {
        "".join(p.text for p in sh.text_frame.paragraphs): (sh.left, sh.width)
        for sh in _slide(prs, "Columns").shapes
        if sh.has_text_frame and sh.text_frame.text in ("Left words", "Right words")
    }
    assert cols["Left words"][0] < cols["Right words"][0]
    assert cols["Left words"][1] > cols["Right words"][1]  # 60% against 40%
    code = "\n".join(t for _, t in _paras(_slide(prs, "Code")))
    assert "def f(x):" in code and "return x * 2" in code
    math = _slide(prs, "Math")
    descr = math._element.xpath(".//p:cNvPr/@descr")  # (the equation: Office math, its picture the fallback)
    assert any("aligned" in d and "\\label" not in d and "a &= b + c" in d for d in descr), descr
    pic = _slide(prs, "Picture")
    assert any(sh.shape_type == 13 for sh in pic.shapes)
    assert "A blue box" in [t for _, t in _paras(pic)]
    left = "\n".join(t for _, t in _paras(_slide(prs, "Left alone")))
    assert "\\begin{itemize}" in left and "stays code" in left  # fenced code is code
    raw = [(d.pos.line, d.message) for d in diags.items if d.code == "raw-tex"]
    assert [line for line, _ in raw] == [LECTURE.split("\n").index("\\begin{tikzpicture}") + 1]


def test_the_handout_has_the_same_words(tmp_path):
    src, _, _ = _build(tmp_path)
    pdf = build_handout(src, BuildOptions(out_dir=tmp_path / "out"), Diagnostics())
    text = " ".join(" ".join((p.extract_text() or "").split()) for p in PdfReader(str(pdf)).pages)
    for words in (
        "nested two",
        "Closure",
        "A group is a set with an operation.",
        "Right words",
        "return x * 2",
        "A blue box",
    ):
        assert words in text, words
    assert "\\begin" not in text.replace("\\begin{itemize} \\item stays code", "")


def test_a_message_inside_an_environment_names_the_lecturers_line(tmp_path):
    src = tmp_path / "at.md"
    src.write_text("# S\n\n\\begin{itemize}\n\\item one\n\\item two \\unknowncommand{x}\n\\end{itemize}\n")
    diags = Diagnostics()
    build_slides(src, BuildOptions(out_dir=tmp_path / "out"), diags)
    assert [d.pos.line for d in diags.items if d.code == "raw-tex"] == [5]


def test_environments_inside_display_math_or_unfinished_are_left_as_they_are():
    assert environments_to_markdown("$$\n\\begin{align}\na &= b\n\\end{align}\n$$\n") is None
    assert environments_to_markdown("\\begin{itemize}\n\\item never closed\n") is None
    assert environments_to_markdown("text \\begin{center}inline\\end{center} more\n") is None


INLINE = r"""---
title: Inline TeX
---

## The \textbf{big} idea

- A \textbf{bold} and \emph{emphasised \textbf{nested}} word
- \texttt{code()} and \underline{under} and \textsc{Caps}
- \alert{Alert!} and \textcolor{red}{red words}
- See \url{https://example.org} or \href{https://pandoc.org}{pandoc's site}
- Plain \textrm{roman} and \mbox{box}

| Term | Meaning |
|------|---------|
| \emph{group} | a set |
"""


def test_tex_formatting_commands_are_drawn_as_they_say_without_warnings(tmp_path):
    src = tmp_path / "inline.md"
    src.write_text(INLINE)
    diags = Diagnostics()
    deck = build_slides(src, BuildOptions(out_dir=tmp_path / "out"), diags)
    slide = Presentation(str(deck)).slides[1]
    a = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
    runs = {}
    for sh in slide.shapes:
        frames = [c.text_frame for row in sh.table.rows for c in row.cells] if sh.has_table else []
        frames += [sh.text_frame] if sh.has_text_frame else []
        for tf in frames:
            for p in tf.paragraphs:
                for r in p.runs:
                    fill = r._r.find(f"{a}rPr/{a}solidFill/{a}srgbClr")
                    runs[r.text] = (
                        r.font.bold,
                        r.font.italic,
                        r.font._rPr.get("u"),
                        r.font._rPr.get("cap"),
                        r.font.name,
                        r.hyperlink.address,
                        fill.get("val") if fill is not None else None,
                    )
    assert runs["big"][0] and runs["bold"][0] and runs["Alert!"][0]
    assert runs["emphasised "][1] and runs["nested"][:2] == (True, True) and runs["group"][1]
    assert runs["code()"][4] and runs["under"][2] == "sng" and runs["Caps"][3] == "small"
    assert runs["red words"][6] == "FF0000"
    assert (
        runs["https://example.org"][5] == "https://example.org"
        and runs["pandoc\u2019s site"][5] == "https://pandoc.org"
    )
    assert "Plain roman and box" in runs
    assert not any("\\" in t for t in runs)
    assert [d for d in diags.items if d.code == "raw-tex"] == []


def test_tex_sub_and_superscripts_footnotes_symbols_and_equation_labels(tmp_path):
    src = tmp_path / "bits.md"
    src.write_text(
        "---\ntitle: T\n---\n\n## Chemistry\n\n"
        "- BF\\textsubscript{3} and CH\\textsubscript{3}COOH, x\\textsuperscript{2}\n"
        "- A claim\\footnote{Smith, 2020, p. 4.} and so on\\ldots{} in \\LaTeX\n"
        "- See \\eqref{eq:emc}\n\n"
        "$$ E = mc^2 \\label{eq:emc} $$\n"
    )
    diags = Diagnostics()
    deck = build_slides(src, BuildOptions(out_dir=tmp_path / "out"), diags)
    slide = Presentation(str(deck)).slides[1]
    texts = {sh.name: sh.text_frame.text for sh in slide.shapes if sh.has_text_frame}
    body = next(t for t in texts.values() if "BF" in t)
    assert "BF3 and CH3COOH, x2" in body and "so on… in LaTeX" in body and "See eq:emc" in body
    lowered = [
        r.text
        for sh in slide.shapes
        if sh.has_text_frame
        for p in sh.text_frame.paragraphs
        for r in p.runs
        if r.font._rPr.get("baseline") == "-25000"
    ]
    assert lowered == ["3", "3"]
    assert texts["Footnotes"] == "1. Smith, 2020, p. 4."
    assert slide._element.xpath(".//p:cNvPr/@descr") == ["E = mc^2"]  # no \label in the equation
    assert [d.message for d in diags.items if d.code == "raw-tex"] == [
        "raw TeX '\\eqref{…}' is not rendered; its text is kept"
    ]


def test_short_columns_theorems_and_a_bare_includegraphics(tmp_path):
    Image.new("RGB", (80, 50), (200, 60, 60)).save(tmp_path / "pic.png")
    src = tmp_path / "thm.md"
    src.write_text(
        "---\ntitle: T\n---\n\n## Short columns\n\n\\begin{columns}[T]\n\\column{0.6\\textwidth}\nLeft words\n"
        "\\column{0.4\\textwidth}\nRight words\n\\end{columns}\n\n## Theorem\n\n\\begin{theorem}[Pythagoras]\n"
        "For a right triangle.\n\\end{theorem}\n\n## Picture\n\n\\includegraphics[width=0.4\\textwidth]{pic.png}\n"
    )
    prs, diags = deck_of(src, tmp_path / "out")
    cols = {
        sh.text_frame.text: (sh.left, sh.width)
        for sh in _slide(prs, "Short columns").shapes
        if sh.has_text_frame and sh.text_frame.text in ("Left words", "Right words")
    }
    assert cols["Left words"][0] < cols["Right words"][0] and cols["Left words"][1] > cols["Right words"][1]
    assert [t for _, t in _paras(_slide(prs, "Theorem"))][:2] == [
        "Theorem (Pythagoras)",
        "For a right triangle.",
    ]
    assert any(sh.shape_type == 13 for sh in _slide(prs, "Picture").shapes)
    assert [d for d in diags.items if d.code == "raw-tex"] == []


TABLES = r"""---
title: Measurements
---

## Tabular

\begin{table}[h]
\centering
\caption{Results of \textbf{the} study}
\label{tab:results}
\begin{tabular}{|l|c|r|}
\hline
\textbf{Name} & Value & Unit \\ \hline
Mass & 5.2 & kg \\
Speed \& pace & \multicolumn{2}{c}{3.1 m/s} \\[2pt]
\hline
\end{tabular}
\end{table}

## Booktabs

\begin{tabularx}{\textwidth}{lX}
\toprule
Term & Meaning\\
\midrule
OLS & ordinary least squares\\
\bottomrule
\end{tabularx}

## Clicks

\begin{itemize}
\item First point \pause
\item Second point
\item \pause Third point
\end{itemize}
"""


def _tables_deck(tmp_path):
    src = tmp_path / "tables.md"
    src.write_text(TABLES)
    diags = Diagnostics()
    deck = build_slides(src, BuildOptions(out_dir=tmp_path / "out"), diags)
    return src, Presentation(str(deck)), diags


def _cells(slide):
    table = next(sh for sh in slide.shapes if sh.has_table).table
    return [[c.text for c in row.cells] for row in table.rows]


def test_tabular_and_table_floats_are_tables_with_their_captions(tmp_path):
    _, prs, diags = _tables_deck(tmp_path)
    tab = _slide(prs, "Tabular")
    assert _cells(tab) == [["Name", "Value", "Unit"], ["Mass", "5.2", "kg"], ["Speed & pace", "3.1 m/s", ""]]
    table = next(sh for sh in tab.shapes if sh.has_table).table
    assert [p.alignment for p in (table.cell(1, k).text_frame.paragraphs[0] for k in range(3))][1:] == [2, 3]
    assert "Results of the study" in [t for _, t in _paras(tab)]
    assert any(r.font.bold for r in table.cell(0, 0).text_frame.paragraphs[0].runs)
    assert _cells(_slide(prs, "Booktabs")) == [["Term", "Meaning"], ["OLS", "ordinary least squares"]]
    assert not [d for d in diags.items if d.code == "raw-tex"], [d.message for d in diags.items]


def test_a_pause_in_an_item_shows_what_follows_on_a_click(tmp_path):
    _, prs, diags = _tables_deck(tmp_path)
    clicks = _slide(prs, "Clicks")
    ranges = clicks._element.xpath(".//p:pRg")
    assert [(r.get("st"), r.get("end")) for r in ranges] == [("1", "1"), ("2", "2")]
    assert [t for _, t in _paras(clicks)][:3] == ["First point", "Second point", "Third point"]
    assert not [d for d in diags.items if d.code == "raw-tex"]


def test_siunitx_quantities_and_mhchem_formulas_print_what_latex_prints(tmp_path):
    src = tmp_path / "units.md"
    src.write_text(
        "---\ntitle: Units\n---\n\n## Quantities\n\n"
        "- Gravity \\SI{9.81}{\\metre\\per\\second\\squared}, mass \\si{\\kilo\\gram}, speed \\SI{3}{m/s}\n"
        "- Avogadro \\num{6.022e23}; \\SIrange{1}{10}{\\kilo\\metre}; \\ang{30}\n"
        "- Timed \\SI{40.3 \\pm 0.2}{\\second}; \\qty{5}{\\kg} at \\SI{300}{\\K}, \\SI{3}{\\um}\n"
        "- Water \\ce{H2O}, sulfate \\ce{SO4^2-}, \\ce{N2 + 3H2 <=> 2NH3}\n\n"
        "## In math\n\n$$g = \\SI{9.81}{\\metre\\per\\second\\squared} \\quad \\ce{2H2 + O2 -> 2H2O}$$\n"
    )
    prs, diags = deck_of(src, tmp_path / "out")
    slide = _slide(prs, "Quantities")
    body = next(sh for sh in slide.shapes if sh.has_text_frame and sh != slide.shapes.title)

    def marked(p):  # a raised or lowered run as [text^] / [text_]
        out = ""
        for r in p.runs:
            base = int(r.font._rPr.get("baseline", "0"))
            out += f"[{r.text}{'^' if base > 0 else '_'}]" if base else r.text
        return out

    gravity, numbers, timed, chemistry = (marked(p) for p in body.text_frame.paragraphs)
    assert timed == "Timed (40.3 ± 0.2)\u00a0s; 5\u00a0kg at 300\u00a0K, 3\u00a0µm"
    assert gravity == "Gravity 9.81\u00a0m\u2009s[−2^], mass kg, speed 3\u00a0m/s"
    assert numbers == "Avogadro 6.022 × 10[23^]; 1\u00a0km to 10\u00a0km; 30°"
    assert chemistry == "Water H[2_]O, sulfate SO[4_][2−^], N[2_] + 3H[2_] ⇌ 2NH[3_]"
    math = _slide(prs, "In math")._element.xpath(".//p:cNvPr/@descr")
    assert any("9.81" in d and "\\mathrm{s}^{-2}" in d and "\\rightarrow" in d for d in math), math
    assert not [d for d in diags.items if d.code in ("raw-tex", "math")], [d.message for d in diags.items]


BEAMER_TEXT = r"""% Classical Mechanics
% A. Newton; B. Leibniz
% March 2027

## Pendulum

% TODO: add a picture
\begin{itemize}
\item Lindel\"of, Erd\H{o}s, Fran\c{c}ois, caf\'e
\item 18\,\% and i.i.d.\ normal; Dr.~A.~Newton; ``quotes''
\item \S 3, \pounds 5 \checkmark, \colorbox{yellow}{boxed}, \MakeUppercase{loud}
\end{itemize}
This paragraph follows the list.

Energy \[ E = \frac{1}{2} m v^2 \] and inline \(\theta \approx 0\); \[citation needed\].

## Clicks and labels

First line
\pause
Second line \pause third.

\begin{enumerate}[(a)]
\item<2-> Alpha\footnote{Below 1\% for small angles.}
\item Beta
\end{enumerate}

\begin{itemize}[<+->]
\item One
\item Two
\end{itemize}

## Matrix

\begin{tabular}{ll}
Name & Matrix \\
Identity & $\begin{pmatrix}1&0\\0&1\end{pmatrix}$ \\
\end{tabular}

\begin{proof}[Proof of (b)]
Trivial.
\end{proof}
"""


def test_beamer_text_title_block_comments_brackets_accents_and_ties(tmp_path):
    from podium.reader import parse_lecture

    diags = Diagnostics()
    lecture = parse_lecture(BEAMER_TEXT, "mech.md", diags)
    assert lecture.meta.title == "Classical Mechanics" and lecture.meta.date == "March 2027"
    assert [a.name for a in lecture.meta.authors] == ["A. Newton", "B. Leibniz"]
    src = tmp_path / "mech.md"
    src.write_text(BEAMER_TEXT)
    prs, _ = deck_of(src, tmp_path / "out")
    words = [t for _, t in _paras(_slide(prs, "Pendulum"))]
    assert words[:4] == [
        "Lindelöf, Erdős, François, café",
        "18\u202f% and i.i.d. normal; Dr.\u00a0A.\u00a0Newton; “quotes”",
        "§ 3, £ 5 ✓, boxed, LOUD",
        "This paragraph follows the list.",  # (not a lazy line of the last item)
    ]
    assert not any("TODO" in w or "[" in w and "E =" in w for w in words)
    assert "[citation needed]." in " ".join(words)  # brackets around words stay brackets
    descr = _slide(prs, "Pendulum")._element.xpath(".//p:cNvPr/@descr")
    assert any("\\frac{1}{2} m v^2" in d for d in descr)


def test_pauses_inside_paragraphs_enumerate_labels_and_beamer_incremental_lists(tmp_path):
    from podium.reader import parse_lecture

    lecture = parse_lecture(BEAMER_TEXT, "mech.md", Diagnostics())
    clicks = next(s for s in lecture.slides if m.plain_text(s.title) == "Clicks and labels")
    kinds = [type(b).__name__ for b in clicks.body]
    assert kinds[:6] == ["Paragraph", "Pause", "Paragraph", "Pause", "Paragraph", "BulletList"]
    labelled = clicks.body[5]
    assert labelled.numbering == m.Numbering.LOWER_ALPHA and labelled.delimiter == m.Delimiter.PARENS
    pause, alpha = labelled.items[0].blocks[:2]  # `\item<2->`: the item comes on a click
    assert isinstance(pause, m.Pause) and m.plain_text(alpha.content).startswith("Alpha")  # no "<2->"
    (note,) = clicks.footnotes
    assert m.plain_text(note.blocks[0].content) == "Below 1% for small angles."
    # beamer's [<+->]: the first item shown at once, each next one on the click after it (a \pause: relative,
    # so that a \pause before the list counts too, as beamer's `+` does)
    (stepped,) = [
        b
        for b in clicks.body
        if isinstance(b, m.BulletList)
        and isinstance(b.items[0].blocks[0], m.Paragraph)
        and m.plain_text(b.items[0].blocks[0].content) == "One"
    ]
    first, second = stepped.items
    assert isinstance(first.blocks[0], m.Paragraph) and m.plain_text(first.blocks[0].content) == "One"
    assert isinstance(second.blocks[0], m.Pause) and second.blocks[0].step == 0
    assert m.plain_text(second.blocks[1].content) == "Two"


def test_a_matrix_in_a_tabular_cell_stays_one_cell_and_a_proofs_title_is_its_own(tmp_path):
    from podium.reader import parse_lecture

    lecture = parse_lecture(BEAMER_TEXT, "mech.md", Diagnostics())
    matrix = next(s for s in lecture.slides if m.plain_text(s.title) == "Matrix")
    (table,) = [b for b in matrix.body if isinstance(b, m.Table)]
    assert len(table.header) == 2 and len(table.rows) == 1
    (cell,) = [c for c in table.rows[0][1].content if isinstance(c, m.InlineMath)]
    assert "\\begin{pmatrix}1&0\\\\0&1\\end{pmatrix}" in cell.tex
    (box,) = [b for b in matrix.body if isinstance(b, m.Div)]
    assert m.plain_text(box.blocks[0].content) == "Proof of (b)"


def test_every_picture_of_a_figure_or_a_line_is_kept_and_a_path_without_extension_is_found(tmp_path):
    for name, colour in (("dna", (200, 30, 30)), ("normal", (30, 30, 200))):
        Image.new("RGB", (60, 40), colour).save(tmp_path / f"{name}.png")
    src = tmp_path / "figs.md"
    src.write_text(
        "---\ntitle: Figures\n---\n\n## Panel\n\n\\begin{figure}\n\\centering\n"
        "\\includegraphics[width=0.45\\textwidth]{dna}\n\\includegraphics[width=0.45\\textwidth]{normal}\n"
        "\\caption{Both views}\n\\end{figure}\n\n## Line\n\n\\includegraphics{dna.png}\\hfill\\includegraphics{normal}\n"
    )
    prs, diags = deck_of(src, tmp_path / "out")
    for title in ("Panel", "Line"):
        pictures = [sh for sh in _slide(prs, title).shapes if sh.shape_type == 13]
        assert len(pictures) == 2
        assert pictures[0].top == pictures[1].top and pictures[0].left < pictures[1].left  # side by side
    assert "Both views" in [t for _, t in _paras(_slide(prs, "Panel"))]
    assert not [d for d in diags.items if d.code in ("raw-tex", "missing-image")], [
        d.message for d in diags.items
    ]


PLAIN_MARKDOWN = r"""---
title: Plain
---

## Chemistry

% yield = actual / theoretical

- H~2~O and CO~2~, <https://chem.uni.edu/~kim/> and [notes](https://u.edu/~u/notes)
- Results \[p < 0.05\] are starred; a\[i-1\] and \(a+b\); He said \"hi\" in 1986\. A
- 50 % of the class

$$
\begin{aligned} r &= k[A] \end{aligned}
$$

Code `\emph{x}` and

    % an indented code line
    \begin{itemize}
"""


def _item_links(body) -> list[str]:
    """The addresses of the links in the first paragraph of each list item of ``body``."""
    return [
        x.url
        for b in body
        if isinstance(b, m.BulletList)
        for i in b.items
        for x in i.blocks[0].content
        if isinstance(x, m.Link)
    ]


def test_a_markdown_lecture_whose_latex_is_only_in_code_or_math_keeps_its_text(tmp_path):
    from podium.reader import parse_lecture

    diags = Diagnostics()
    lecture = parse_lecture(PLAIN_MARKDOWN, "plain.md", diags)
    body = lecture.slides[-1].body
    text = m.blocks_text(body)
    assert "% yield = actual / theoretical" in text  # not a LaTeX comment here
    assert "H2O and CO2" in text.replace("\u2082", "2")
    assert '[p < 0.05] are starred; a[i-1] and (a+b); He said "hi" in 1986. A' in text
    links = _item_links(body)
    assert links == ["https://chem.uni.edu/~kim/", "https://u.edu/~u/notes"]
    assert any(isinstance(b, m.CodeBlock) and "% an indented code line" in b.code for b in body)
    assert not [b for b in body if isinstance(b, m.MathBlock) and "0.05" in b.tex]


def test_in_a_latex_lecture_addresses_subscripts_and_indented_code_stay_and_a_spaced_break_is_no_math(
    tmp_path,
):
    from podium.reader import parse_lecture

    text = (
        "## S\n\n\\begin{itemize}\n\\item H~2~O, <https://chem.uni.edu/~kim/>, \\url{https://uni.edu/~mueller}\n"
        '\\item Dr.~Smith, G\\"odel, 40\\% efficiency\n\\end{itemize}\n\n'
        "\\begin{tabular}{ll}\nName & Value \\\\[3pt] % best run\nAlpha & 1 \\\\\n\\end{tabular}\n\n"
        "Later \\[ y = a + b x \\]\n\n    % indented code\n    \\begin{x}\n"
    )
    lecture = parse_lecture(text, "t.md", Diagnostics())
    body = lecture.slides[-1].body
    words = m.blocks_text(body)
    assert "Dr.\u00a0Smith, Gödel, 40% efficiency" in words
    links = _item_links(body)
    assert links == ["https://chem.uni.edu/~kim/", "https://uni.edu/~mueller"]
    (table,) = [b for b in body if isinstance(b, m.Table)]
    assert [m.plain_text(c.content) for c in table.header] == ["Name", "Value"]
    assert [[m.plain_text(c.content) for c in r] for r in table.rows] == [
        ["Alpha", "1"]
    ]  # (the comment left out)
    assert [b.tex.strip() for b in body if isinstance(b, m.MathBlock)] == ["y = a + b x"]
    assert any(isinstance(b, m.CodeBlock) and "% indented code" in b.code for b in body)


OVERLAYS = r"""---
title: Overlays
---

## Guess and check

\only<1>{First we guess.} \only<2>{Then we check.}

\uncover<2->{Shown with the check.}

Result: the \alert<2>{important} word.

\visible<3->{
\begin{itemize}
\item Third step, a list
\end{itemize}
}

\invisible<1-2>{Last.}

## Items

\begin{itemize}
\item<1-> Always there
\item<2-> Second
\item<2-> Second too
\item<4-> Fourth
\item<alert@2> Alerted, never hidden
\end{itemize}

## Bare onslide

Before.

\onslide<2->

After.
"""


def test_beamer_overlays_are_clicks_and_keep_every_word(tmp_path):
    from podium.reader import parse_lecture

    diags = Diagnostics()
    lecture = parse_lecture(OVERLAYS, "ov.md", diags)
    guess, items, bare = lecture.slides[1:]
    shown = [
        (type(b).__name__, m.plain_text(b.content) if isinstance(b, m.Paragraph) else "") for b in guess.body
    ]
    assert shown[:2] == [("Paragraph", "First we guess."), ("Div", "")]
    (check, visible) = [b for b in guess.body if isinstance(b, m.Div)]
    assert "fragment" in check.classes and check.order == 2  # (from overlay 2)
    assert [m.plain_text(b.content) for b in check.blocks] == ["Then we check.", "Shown with the check."]
    assert isinstance(visible.blocks[0], m.BulletList)  # the braces' environment is read too
    # (\invisible<1-2>: shown from overlay 3, with the \visible<3-> list)
    assert visible.order == 3 and m.plain_text(visible.blocks[1].content) == "Last."
    assert [type(b).__name__ for b in bare.body] == ["Paragraph", "Pause", "Paragraph"]
    assert not [d for d in diags.items if "\\only" in d.message or "\\uncover" in d.message]

    src = tmp_path / "ov.md"
    src.write_text(OVERLAYS)
    prs, _ = deck_of(src, tmp_path / "out")
    paras = [t for _, t in _paras(_slide(prs, "Items"))]
    assert paras[:5] == ["Always there", "Second", "Second too", "Fourth", "Alerted, never hidden"]

    def clicks(slide):  # the paragraphs each click brings, by the order of the clicks
        out = []
        for par in slide._element.xpath(".//p:timing//p:cTn[@nodeType='mainSeq']/p:childTnLst/p:par"):
            out.append(sorted({int(r.get("st")) for r in par.iter(qn("p:pRg"))}))
        return out

    assert clicks(_slide(prs, "Items")) == [[1, 2], [3]]  # steps 2 and 4; the alerted item never hidden
    # (\visible<3-> and \invisible<1-2>: both from overlay 3, so on one click, as beamer shows them)
    assert clicks(_slide(prs, "Guess and check")) == [[1, 2], [4, 5]]


LATEX_HABITS = r"""---
title: Habits
bibliography: refs.bib
---

## Side by side

\begin{minipage}[t]{0.38\textwidth}
Population

- all students
\end{minipage}
\hfill
\begin{minipage}[t]{0.58\textwidth}
Sample

- thirty students
\end{minipage}

## Numbered

\begin{equation}
y = a x + b \label{eq:line}
\end{equation}

As \eqref{eq:line} shows (\autoref{eq:line}), and \cite[p.~4]{knuth1984}; \citet{sen1999} disagrees.

\begin{figure}
\includegraphics[width=0.4\textwidth]{box.png}
\caption{A box}
\label{fig:box}
\end{figure}

Figure~\ref{fig:box} and \ref{fig:none}.

## Quoted list

> - one
> - two

After.
"""


def test_minipages_equation_labels_citations_and_a_quoted_list(tmp_path):
    from podium.reader import parse_lecture

    Image.new("RGB", (60, 40), (200, 30, 30)).save(tmp_path / "box.png")
    (tmp_path / "refs.bib").write_text(
        "@book{knuth1984, author = {Donald E. Knuth}, title = {The {TeX}book}, publisher = {Addison-Wesley},"
        " year = {1984}}\n@book{sen1999, author = {Amartya Sen}, title = {Development as Freedom},"
        " publisher = {Knopf}, year = {1999}}\n"
    )
    src = tmp_path / "habits.md"
    src.write_text(LATEX_HABITS)
    diags = Diagnostics()
    lecture = parse_lecture(LATEX_HABITS, "habits.md", Diagnostics(), base_dir=str(tmp_path))
    side, numbered, quoted = lecture.slides[1:4]
    (row,) = side.body  # two minipages: a row of columns of their widths
    assert isinstance(row, m.Columns) and [c.width for c in row.columns] == [0.38, 0.58]
    assert m.plain_text(row.columns[1].blocks[0].content) == "Sample"
    (lst,) = [b for b in quoted.body if isinstance(b, m.BulletList)]
    assert lst.incremental  # pandoc: a list in a block quote is shown item by item
    prs = Presentation(str(build_slides(src, BuildOptions(out_dir=tmp_path / "out"), diags)))
    words = "\n".join(t for _, t in _paras(_slide(prs, "Numbered")))
    assert "As (1) shows (Equation 1)" in words
    assert "Knuth (1984" in words or "Knuth, 1984" in words, words  # resolved from the bibliography
    assert "Sen (1999)" in words
    assert "Figure\u00a01 and" in words and "Figure 1: A box" in words
    assert not any(c in words for c in ("\\cite", "\\ref", "eq:line", "[@"))
    raw = [d.message for d in diags.items if d.code == "raw-tex"]
    assert raw == ["raw TeX '\\ref{…}' is not rendered; its text is kept"], raw  # only the missing label
    assert not [d for d in diags.items if "minipage" in d.message or "hfill" in d.message]
    assert [d.code for d in diags.items if d.severity == "note" and d.code == "quoted-list"] == [
        "quoted-list"
    ]


def test_math_with_spaces_inside_its_dollars_is_math_as_mathjax_reads_it():
    from podium.reader import parse_lecture

    diags = Diagnostics()
    lecture = parse_lecture(
        "---\ntitle: T\n---\n\n## S\n\n* Step\n    * 上式$ = \\big\\langle f(x) \\big\\rangle_{p(x)} $（線形性）\n\n"
        "Costs $5 and $10, and $ 3 \\times 4$ is twelve.\n\n"
        "$ = \\alpha \\quad\\ $（$x$と$y$が独立）\n\n"
        "Budget: $ 500 for hardware (\\textit{Pi kits}) and $ 200 for cloud credits.\n\n"
        "Each seat costs US$ 30; install to C:\\Program Files and pay US$ 10.\n",
        "t.md",
        diags,
    )
    body = lecture.slides[-1].body
    inner = body[0].items[0].blocks[1].items[0].blocks[0].content
    (math,) = [x for x in inner if isinstance(x, m.InlineMath)]
    assert math.tex == "= \\big\\langle f(x) \\big\\rangle_{p(x)}"
    costs = body[1].content
    assert m.plain_text(costs).startswith("Costs $5 and $10, and ")  # money stays money
    assert [x.tex for x in costs if isinstance(x, m.InlineMath)] == ["3 \\times 4"]
    # a control space before the closing dollar goes: it would escape the dollar and run the math on
    assert [x.tex for x in body[2].content if isinstance(x, m.InlineMath)] == ["= \\alpha \\quad", "x", "y"]
    # prices around prose or a Windows path stay prices
    assert (
        m.plain_text(body[3].content) == "Budget: $ 500 for hardware (Pi kits) and $ 200 for cloud credits."
    )
    assert m.plain_text(body[4].content).startswith("Each seat costs US$ 30; install to C:")
    assert not [x for b in body[3:5] for x in b.content if isinstance(x, m.InlineMath)]
    # (the Windows path's "\\Program" is raw TeX to the reader, as before: pandoc reads it so too)
    assert not [d for d in diags.items if d.code == "raw-tex" and "Program" not in d.message]


def test_each_picture_of_a_figure_keeps_its_subcaption(tmp_path):

    for name in ("Hynčice.png", "Opava.png", "c.png"):
        Image.new("RGB", (200, 150), "#884422").save(tmp_path / name)
    src = tmp_path / "images.md"
    src.write_text(
        "---\ntitle: Images\n---\n\n## Birthplaces\n\n\\begin{figure}\n  \\begin{minipage}[b]{.48\\linewidth}\n"
        "    \\includegraphics{Hynčice.png}\n    \\subcaption{Born: Heinzendorf (Hynčice)}\n  \\end{minipage}\n  \\hfill\n"
        "  \\begin{minipage}[b]{.48\\linewidth}\n    \\includegraphics{Opava.png}\n    \\subcaption{School: Troppau}\n"
        "  \\end{minipage}\n\\end{figure}\n\n## Floats\n\n\\begin{figure}\n\\subfloat[Left one]{\\includegraphics{c.png}}\n"
        "\\subfloat[Right one]{\\includegraphics{Opava.png}}\n\\end{figure}\n",
        encoding="utf-8",
    )
    diags = Diagnostics()
    deck = Presentation(str(build_slides(src, BuildOptions(out_dir=tmp_path / "out"), diags)))
    words = [sh.text_frame.text for s in deck.slides for sh in s.shapes if sh.has_text_frame]
    for caption in (
        "(a) Born: Heinzendorf (Hynčice)",
        "(b) School: Troppau",
        "(a) Left one",
        "(b) Right one",
    ):
        assert caption in words, caption
    assert not [d for d in diags.items if d.code == "no-alt"], [d.format() for d in diags.items]
