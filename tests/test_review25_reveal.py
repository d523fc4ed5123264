"""Review 25 (c): a Spanish reveal.js lecture (IES Rafael Alberti).  Its HTML page loads the slides with
``<section data-markdown="file.md" data-separator-vertical="^\\n\\n" data-separator-notes="^Note:">``; the
``.md`` cuts with ``---`` and writes ``Note:`` lines, one slide of several ``###`` parts each with its own
note; its code blocks are ChatGPT's pasted ``<pre><div>`` boxes.  Each deck is built through the command
line and read back with python-pptx (the handout with pdftotext)."""

from __future__ import annotations

import subprocess

from .conftest import run_cli, write_md

_CHATGPT_PRE = (
    '<pre><div class="bg-black rounded-md"><div class="flex items-center"><span>python</span>'
    '<button class="flex ml-auto"><svg stroke="currentColor" viewBox="0 0 24 24" height="1em" width="1em" '
    'xmlns="http://www.w3.org/2000/svg"><path d="M16 4h2"></path></svg>Copy code</button></div>'
    '<div class="p-4"><code class="!whitespace-pre hljs language-python">def multiplica_por_5(numero):\n'
    "    print(numero * 5)\n\nmultiplica_por_5(7)\n</code></div></div></pre>"
)


def _built(src, command: str = "all"):
    """The deck built from ``src`` (python-pptx), the messages and the handout's text."""
    from pptx import Presentation

    out = src.parent / "out"
    result = run_cli(command, src, "-o", out)
    assert result.exit_code == 0, result.stderr
    handout = subprocess.run(
        ["pdftotext", str(out / f"{src.stem}-handout.pdf"), "-"], capture_output=True, text=True, check=True
    ).stdout
    return Presentation(str(out / f"{src.stem}.pptx")), result.stderr, handout


def _texts(slide) -> list[str]:
    return [sh.text_frame.text for sh in slide.shapes if sh.has_text_frame]


def _notes(slide) -> str:
    return slide.notes_slide.notes_text_frame.text if slide.has_notes_slide else ""


def _code(slide) -> str:
    return next(sh.text_frame.text for sh in slide.shapes if sh.name == "Code")


_PAGE = """<!doctype html>
<html>
\t<head>
\t\t<title>PR-U3.5 - Funciones</title>
\t\t<link rel="stylesheet" href="dist/reveal.css">
\t</head>
\t<body>
\t\t<div class="reveal">
\t\t\t<div class="slides">
\t\t\t\t<section data-markdown="deck.md"
\t\t\t\t\tdata-separator-vertical="^\\n\\n"
\t\t\t\t\tdata-separator-notes="^Note:">
\t\t\t\t</section>
\t\t\t</div>
\t\t</div>
\t\t<script src="dist/reveal.js"></script>
\t\t<script src="plugin/markdown/markdown.js"></script>
\t\t<script>
\t\t\tReveal.initialize({ plugins: [ RevealMarkdown ] });
\t\t</script>
\t</body>
</html>
"""

_DECK = """## U3.5

## Funciones

---

## Retorno de valores


### Sentencia return

* Termina la ejecución de la función.

Note: return puede usarse para finalizar una función.


### Devolver más de un valor

* Se devuelve una tupla.

Note: return permite devolver múltiples valores.
"""


def test_a_page_that_loads_its_markdown_file_is_read_with_the_sections_separators(tmp_path):
    write_md(tmp_path, _DECK, "deck.md")
    page = write_md(tmp_path, _PAGE, "index.html")
    prs, said, handout = _built(page)
    titles = [s.shapes.title.text if s.shapes.title else "" for s in prs.slides]
    # (two blank lines: a vertical slide; `^Note:`: the notes; the headings of slide 1 one title slide)
    assert titles == ["U3.5", "Retorno de valores", "Sentencia return", "Devolver más de un valor"]
    assert prs.slides[0].slide_layout.name == "Title Slide" and "Funciones" in _texts(prs.slides[0])
    assert _notes(prs.slides[2]) == "return puede usarse para finalizar una función."
    assert _notes(prs.slides[3]) == "return permite devolver múltiples valores."
    assert not any("Note:" in t or "<section" in t for s in prs.slides for t in _texts(s))
    assert "index.html:10: note: this reveal.js page loads its slides from 'deck.md'" in said
    assert "Se devuelve una tupla." in handout and "Reveal.initialize" not in handout


def test_a_page_whose_markdown_file_is_outside_the_lecture_folder_is_an_error_at_its_section(tmp_path):
    (tmp_path / "secret.md").write_text("## Hidden\n\ntext\n")
    folder = tmp_path / "site"
    folder.mkdir()
    page = write_md(folder, _PAGE.replace("deck.md", "../secret.md"), "index.html")
    result = run_cli("slides", page, "-o", folder / "out")
    assert result.exit_code == 1
    assert "index.html:10: error: this reveal.js page loads its slides from '../secret.md'" in result.stderr
    assert not (folder / "out" / "index.pptx").exists()


def test_a_whole_page_with_its_markdown_in_a_textarea_is_read_as_reveal_markdown(tmp_path):
    page = write_md(
        tmp_path,
        '<!doctype html>\n<html>\n<head><title>Demo</title></head>\n<body>\n<div class="reveal">\n'
        '<div class="slides">\n\t\t\t<section data-markdown data-separator-notes="^Nota:">\n'
        "\t\t\t\t<textarea data-template>\n\t\t\t\t\t## Uno\n\n\t\t\t\t\t- a &amp; b\n\n\t\t\t\t\tNota: di algo\n\n"
        "\t\t\t\t\t---\n\n\t\t\t\t\t## Dos\n\n\t\t\t\t\t- c\n\t\t\t\t</textarea>\n\t\t\t</section>\n</div>\n</div>\n"
        '<script src="dist/reveal.js"></script>\n<script>Reveal.initialize();</script>\n</body>\n</html>\n',
        "page.html",
    )
    prs, _, handout = _built(page)
    bodies = [(s.shapes.title.text, _texts(s)[1]) for s in prs.slides]
    assert bodies == [("Uno", "a & b"), ("Dos", "c")]
    assert _notes(prs.slides[0]) == "di algo"
    assert "Reveal.initialize" not in handout


def test_a_reveal_markdown_file_with_notes_and_separators_is_not_cut_at_its_headings(tmp_path):
    src = write_md(
        tmp_path,
        "## U3.5\n\n## Funciones\n\n---\n\n### Cómo definir una función\n\n* Utiliza `def`.\n\n"
        "Note: Documenta siempre las funciones.\n",
        "slides.md",
    )
    prs, _, _ = _built(src)
    assert len(prs.slides) == 2
    assert prs.slides[0].slide_layout.name == "Title Slide"
    assert _texts(prs.slides[0])[:2] == ["U3.5", "Funciones"]
    assert _notes(prs.slides[1]) == "Documenta siempre las funciones."
    (tmp_path / "pandoc").mkdir()
    # (no front matter, a `Note:` line and one `---`, but cut at its headings: pandoc's rules)
    src = write_md(
        tmp_path / "pandoc",
        "## One\n\nuno\n\n## Two\n\ndos\n\n## Three\n\ntres\n\n---\n\n## Four\n\ncuatro\n\nNote: say it\n",
    )
    prs, _, _ = _built(src)
    assert [s.shapes.title.text for s in prs.slides] == ["One", "Two", "Three", "Four"]


def test_notes_written_beside_each_part_of_a_split_slide_go_with_that_part(tmp_path):
    code = "\n".join(f"x{k} = {k}  # línea {k} del ejemplo" for k in range(12))
    src = write_md(
        tmp_path,
        "## Tema\n\n---\n\n## Retorno de valores\n\n### Sentencia return\n\n* Termina la función.\n\n"
        f"```python\n{code}\n```\n\nNote: primera nota.\n\n### Devolver más de un valor\n\n* Una tupla.\n\n"
        f"```python\n{code}\n```\n\nNote: segunda nota.\n\n---\n\n## Fin\n\nNote: ¿Preguntas?\n",
    )
    prs, _, _ = _built(src)
    parts = [s for s in prs.slides if s.shapes.title.text.startswith("Retorno de valores")]
    assert len(parts) >= 2
    assert _notes(parts[0]) == "primera nota."
    assert [_notes(s) for s in parts[1:]].count("segunda nota.") == 1
    holder = next(s for s in parts if _notes(s) == "segunda nota.")
    assert any("Una tupla." in t for t in _texts(holder))


def test_notes_divs_between_the_parts_of_a_split_slide_go_with_their_parts(tmp_path):
    code = "\n".join(f"y{k} = {k}  # paso {k} del cálculo" for k in range(14))
    src = write_md(
        tmp_path,
        "---\ntitle: T\n---\n\n## Dos partes\n\n* Primera.\n\n"
        f"```python\n{code}\n```\n\n::: notes\nsobre la primera\n:::\n\n* Segunda.\n\n```python\n{code}\n```\n\n"
        "::: notes\nsobre la segunda\n:::\n",
    )
    prs, _, _ = _built(src)
    parts = [
        s for s in prs.slides if s.shapes.title is not None and s.shapes.title.text.startswith("Dos partes")
    ]
    assert len(parts) >= 2
    assert _notes(parts[0]) == "sobre la primera"
    assert _notes(parts[-1]) == "sobre la segunda"
    # (one notes block at the slide's end: on the first part, read before the slide is shown)
    (tmp_path / "one").mkdir()
    code = "\n".join(f"x{k} = {k}  # línea {k} del ejemplo" for k in range(14))
    src = write_md(
        tmp_path / "one",
        "---\ntitle: T\n---\n\n## Largo\n\n* Uno.\n\n"
        f"```python\n{code}\n```\n\n* Dos.\n\n```python\n{code}\n```\n\n::: notes\nla nota\n:::\n",
    )
    prs, _, _ = _built(src)
    parts = [s for s in prs.slides if s.shapes.title is not None and s.shapes.title.text.startswith("Largo")]
    assert len(parts) >= 2 and [_notes(s) for s in parts] == ["la nota"] + [""] * (len(parts) - 1)


def test_a_pasted_chatgpt_code_box_loses_its_copy_bar_and_keeps_its_first_line(tmp_path):
    src = write_md(
        tmp_path,
        f"---\ntitle: T\n---\n\n## Cómo usar una función\n\n* Pasa los argumentos.\n\n{_CHATGPT_PRE}\n",
    )
    prs, said, handout = _built(src)
    code = _code(prs.slides[1])
    assert code.split("\n")[0] == "def multiplica_por_5(numero):"
    assert "Copy code" not in code and "python" not in code.split("\n")[0]
    assert "Copy code" not in handout and "def multiplica_por_5(numero):" in handout
    assert "not-rendered" not in said and "svg" not in said


def test_block_elements_inside_a_pre_break_its_lines(tmp_path):
    src = write_md(
        tmp_path, "---\ntitle: T\n---\n\n## Líneas\n\n<pre><div>primera()</div><div>segunda()</div></pre>\n"
    )
    prs, _, _ = _built(src)
    assert _code(prs.slides[1]) == "primera()\nsegunda()"
