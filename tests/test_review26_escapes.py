"""Review 26 (a regular-expressions lecture, Quarto decks): Markdown's escapes read as pandoc reads them.
An escaped backslash before letters (``\\\\d``, ``C:\\\\Users``) is a backslash, not raw TeX; an escaped
bracket inside a span (``[( ) \\[ {]{.x}``, ``[\\] \\\\ ^]{.x}``) is a bracket of the span's words.
Built through the command line and read back with python-pptx (the deck) and pdftotext (the handout)."""

from tests.conftest import built_from_text, paragraph_texts, text_runs


def test_an_escaped_backslash_before_letters_is_a_backslash(tmp_path):
    deck, handout, err = built_from_text(
        tmp_path,
        r"""
        ---
        title: Regular expressions
        format: revealjs
        ---

        ## Character classes

        Plain \\d matches a digit, and \\s a space.

        The path C:\\Users\\me is a folder.

        ::: {.notes}
        Type "\\d" or "\\s" in R.
        :::
        """,
    )
    slide = deck.slides[1]
    said = paragraph_texts(slide)
    assert "Plain \\d matches a digit, and \\s a space." in said
    assert "The path C:\\Users\\me is a folder." in said
    assert "\u201c\\d\u201d or \u201c\\s\u201d" in slide.notes_slide.notes_text_frame.text
    assert "raw TeX" not in err
    assert "C:\\Users\\me" in handout and "\\d matches" in handout


def test_an_escaped_backslash_in_a_span_keeps_its_letters(tmp_path):
    deck, _, err = built_from_text(
        tmp_path,
        r"""
        ---
        title: Regular expressions
        ---

        ## Digits

        [\\d]{.fg-pink} matches any digit.
        """,
        command="slides",
    )
    assert "\\d matches any digit." in paragraph_texts(deck.slides[1])
    assert "\\d" in [r.text for r in text_runs([deck.slides[1]])]  # (the span: a run of its own)
    assert "raw TeX" not in err


def test_escaped_brackets_inside_a_span_are_its_words(tmp_path):
    deck, _, err = built_from_text(
        tmp_path,
        r"""
        ---
        title: Regular expressions
        ---

        ## Metacharacters

        Metacharacters: [$ . | ? * + ( ) \[ {]{.fg-pink}. Escape these: [\] \\ ^]{.fg-pink} and [-]{.fg-pink}
        """,
        command="slides",
    )
    said = paragraph_texts(deck.slides[1])
    assert "Metacharacters: $ . | ? * + ( ) [ {. Escape these: ] \\ ^ and -" in said
    runs = [r.text for r in text_runs([deck.slides[1]])]
    assert "$ . | ? * + ( ) [ {" in runs and "] \\ ^" in runs  # (each span a run of its own)


def test_an_escaped_bracket_makes_no_span(tmp_path):
    deck, _, _ = built_from_text(
        tmp_path,
        r"""
        ---
        title: Brackets
        ---

        ## Text

        Not a span: \[words]{.alert} as written.
        """,
        command="slides",
    )
    assert "Not a span: [words]{.alert} as written." in paragraph_texts(deck.slides[1])


def test_an_empty_last_slide_titled_referenced_materials_takes_the_references(tmp_path):
    (tmp_path / "refs.bib").write_text(
        "@book{sokal1995, author = {Sokal, R. R. and Rohlf, F. J.}, title = {Biometry}, year = {1995}}\n",
        encoding="utf-8",
    )
    deck, _, _ = built_from_text(
        tmp_path,
        """
        ---
        title: Inference
        format: revealjs
        bibliography: refs.bib
        ---

        ## Populations

        A population, as defined by @sokal1995.

        ## Referenced materials
        """,
        command="slides",
    )
    assert len(deck.slides) == 3  # (no "References" slide added after it)
    said = paragraph_texts(deck.slides[2])
    assert said[0] == "Referenced materials"
    assert any("Biometry" in s for s in said)


def test_an_html_div_of_a_class_is_read_as_a_div_without_a_warning(tmp_path):
    deck, _, err = built_from_text(
        tmp_path,
        """
        ---
        title: Layers
        format: revealjs
        ---

        ## Layers

        <div class=isostack>
        Presentation

        **Application**
        </div>

        ## Fenced

        ::: isostack
        Presentation

        **Application**
        :::
        """,
        command="slides",
    )
    assert paragraph_texts(deck.slides[1])[1:3] == paragraph_texts(deck.slides[2])[1:3]
    assert paragraph_texts(deck.slides[1])[1:3] == ["Presentation", "Application"]
    assert "raw HTML" not in err


def test_an_alert_span_is_drawn_strong(tmp_path):
    deck, _, _ = built_from_text(
        tmp_path,
        """
        ---
        title: Difference in differences
        format: clean-revealjs
        ---

        ## Recap

        Key assumption: [parallel trends]{.alert}
        """,
        command="slides",
    )
    runs = {r.text: r.font.bold for r in text_runs([deck.slides[1]])}
    assert runs["parallel trends"] is True
    assert not runs["Key assumption: "]
