"""Markdown as real decks write it (tenth review): a code fence right under an HTML tag, ``**bold**``
closed after punctuation and followed by a letter (Korean, Japanese), two ``$$ … $$`` equations on one
line, and ``##Title`` without its space."""

from __future__ import annotations

from .conftest import cli_deck as _deck
from .conftest import deck_titles as _titles
from .conftest import slide_text as _text
from .conftest import write_md


def test_a_fence_right_under_an_html_tag_is_code_and_the_slides_after_it_are_kept(tmp_path):
    # the HTML block ended at the blank line inside the code, the code leaked out as text and the
    # closing fence opened a code block that ran to the end of the file: the later slides were lost
    src = write_md(
        tmp_path,
        """
        ---
        title: "Fences by tags"
        ---

        ## A div

        <div style="width: 60%">
        ```python
        x = 1

        y = 2
        ```
        </div>

        ## A centre

        <center>
        ~~~~
        cost <- $5 and $6

        done
        ~~~~
        </center>

        ## A section

        <section class="box">
        Words first.
        ```
        a

        b
        ```
        </section>

        ## Next slide

        - this slide must survive
        """,
    )
    prs, stderr = _deck(src, tmp_path / "out")
    assert _titles(prs)[1:] == ["A div", "A centre", "A section", "Next slide"]
    div, centre, section, last = list(prs.slides)[1:]
    assert "x = 1\n\ny = 2" in _text(div) and "</div>" not in _text(div)
    assert "cost <- $5 and $6\n\ndone" in _text(centre)
    assert "Words first." in _text(section) and "a\n\nb" in _text(section)
    assert "this slide must survive" in _text(last)
    assert "unclosed-fence" not in stderr


def test_a_knitr_chunk_right_under_a_div_keeps_the_rest_of_the_rmarkdown_deck(tmp_path):
    src = write_md(
        tmp_path,
        """
        ---
        title: "Fence after div"
        output: ioslides_presentation
        ---

        ## Linear models

        <div style="width: 30%">
        ```{r}
        dat <- data.frame(x = 1:6)

        fit <- lm(dat$Expression~dat$Group)
        ```
        </div>

        ## Next slide

        - this slide must survive
        """,
        "deck.Rmd",
    )
    prs, stderr = _deck(src, tmp_path / "out")
    assert _titles(prs)[1:] == ["Linear models", "Next slide"]
    assert "fit <- lm(dat$Expression~dat$Group)" in _text(prs.slides[1])
    assert "unclosed-fence" not in stderr


def test_a_fence_not_read_as_one_is_warned_about_at_its_opening_line(tmp_path):
    # a backtick in the info string makes the first line text; its closing fence then opens a code
    # block to the end of the file: the warning names the line the lecturer opened the code at
    src = write_md(
        tmp_path,
        """
        ---
        title: "Broken fence"
        ---

        ## Code

        ```r `x`
        x = 1
        ```

        ## Next
        """,
    )
    _, stderr = _deck(src, tmp_path / "out")
    assert "lecture.md:7: warning: the fence at line 9 that should close the code opened here opens" in stderr


def _runs(slide) -> list[tuple[str, bool]]:
    return [
        (r.text, bool(r.font.bold))
        for sh in slide.shapes
        if sh.has_text_frame
        for p in sh.text_frame.paragraphs
        for r in p.runs
        if r.text
    ]


def test_bold_closed_after_punctuation_before_a_letter_is_bold_as_pandoc_reads_it(tmp_path):
    # CommonMark's flanking rule kept the stars of `**값(Value)**으로`; pandoc, remark and knitr
    # make it bold, as every CJK deck means it
    src = write_md(
        tmp_path,
        """
        ---
        title: "Bold before CJK"
        ---

        ## Korean and Japanese

        - 관측점(Observation), **값(Value)**으로 표현된다.
        - これは**重要(important)**です。
        - English **bold (x)**ly and *it.*alic
        - `**code**` stays, 2 * 3 * 4 stays, so do *.py and *.txt and a * b
        - snake_case_name and my_var_name stay too
        """,
    )
    prs, _ = _deck(src, tmp_path / "out")
    runs = _runs(prs.slides[1])
    bold = [t for t, b in runs if b]
    assert bold == ["값(Value)", "重要(important)", "bold (x)"]
    text = _text(prs.slides[1])
    assert "**" not in text.replace("**code**", "")
    assert "2 * 3 * 4" in text and "*.py and *.txt and a * b" in text
    assert "snake_case_name and my_var_name stay too" in text
    assert "it.alic" in text and "*it.*" not in text  # (an emphasis, not bold: no bold run)


def test_xaringan_bold_around_a_class_span_followed_by_a_letter_is_bold(tmp_path):
    src = write_md(
        tmp_path,
        """
        ---
        title: "Bold around a class span"
        output: xaringan::moon_reader
        ---

        # Korean

        데이터를 수집할 수 없을 정도로 **.red[데이터가 폭증]**하고 있다.

        English **.red[bold]**ly.
        """,
        "deck.Rmd",
    )
    prs, _ = _deck(src, tmp_path / "out")
    slide = prs.slides[1]
    assert "**" not in _text(slide)
    assert [t for t, b in _runs(slide) if b] == ["데이터가 폭증", "bold"]


def _equations(slide) -> list[str]:
    """The alt text (the TeX) of each equation drawn as a picture, and each OMML equation's text."""
    out = []
    for sh in slide.shapes:
        descr = sh._element.xpath("./*[1]/p:cNvPr/@descr")
        if sh.shape_type == 13 and descr:
            out.append(descr[0])
    m = "{http://schemas.openxmlformats.org/officeDocument/2006/math}"
    for para in slide._element.iter(f"{m}oMath"):
        out.append("".join(t.text or "" for t in para.iter(f"{m}t")))
    return out


def test_two_display_equations_on_one_line_are_two_equations(tmp_path):
    # the line was one equation holding "$$ $$" (drawn as "x = 1$$$$y = 2")
    src = write_md(
        tmp_path,
        """
        ---
        title: "Display math chain"
        ---

        ## Two equations in one bullet

        - $$a = b + c$$ $$+ d - e$$

        ## Same, as a paragraph

        $$x = 1$$ $$y = 2$$

        ## One, labelled

        $$z = 3$$ (1)
        """,
    )
    prs, stderr = _deck(src, tmp_path / "out")
    bullet, paragraph, labelled = list(prs.slides)[1:4]
    for slide in (bullet, paragraph, labelled):
        assert "$" not in _text(slide) and not any("$" in e for e in _equations(slide))
    assert [e.replace(" ", "") for e in _equations(paragraph)] == ["x=1", "y=2"]
    assert [e.replace(" ", "") for e in _equations(bullet)] == ["a=b+c", "+d−e"]
    assert [e.replace(" ", "") for e in _equations(labelled)] == ["z=3"]


def test_a_heading_without_its_space_is_warned_about_at_its_line(tmp_path):
    # `##Clustering caveats` is text (pandoc, CommonMark), so the slide showed a stray "##" unsaid
    src = write_md(
        tmp_path,
        """
        ---
        title: "Heading without a space"
        ---

        ## What is clustering?

        Clustering finds groups in data, #hashtag in a line.

        ##Clustering caveats

        Clustering is only for exploring data.

        - ###개요

        ```c
        #include <stdio.h>
        ```
        """,
    )
    prs, stderr = _deck(src, tmp_path / "out")
    assert "##Clustering caveats" in _text(prs.slides[1])  # (shown as written, as pandoc reads it)
    said = [ln for ln in stderr.splitlines() if "[heading]" in ln]
    assert len(said) == 2, stderr
    assert "lecture.md:9: warning: '##Clustering caveats' is not a heading" in said[0]
    assert "'## Clustering caveats'" in said[0]
    assert "lecture.md:13: warning: '###개요' is not a heading" in said[1]
