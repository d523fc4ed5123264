"""Part of ``build.py check``: no student output may show an answer or instructor-only text.

The student outputs are the handout (``<stem>-handout.pdf``), the slides PDF (``<stem>-slides.pdf``)
and the student deck (``<stem>-student.pptx``), whichever have been built.  Each is read back as a
student's program would (PDFium for a PDF, as `check` reads the handout: pypdf misreads
WeasyPrint's custom-encoded fonts, and takes ten times as long; every XML part of a .pptx, so slides, notes, charts and
document properties all count, not just what python-pptx shows) and searched for

* every gap-fill answer *in its place*: the words just before the blank, the answer, the words
  just after (the same word may rightly appear elsewhere in the lecture), and
* every paragraph of every ``::: instructor`` block.

Each finding is an error at the source line of the answer or the instructor text.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pypdfium2 as pdfium

from . import model as m
from .diagnostics import Diagnostics
from .pdfread import meta_text, page_text
from .pipeline import deck_path, handout_path, slides_pdf_path
from .textnorm import squash as squash_text
from .variants import answers, instructor_texts


def student_files(source: Path, out_dir: Path) -> list[Path]:
    """Return the student outputs of ``source`` that exist in ``out_dir``."""

    files = [
        handout_path(source, out_dir, "student"),
        slides_pdf_path(source, out_dir, "student"),
        deck_path(source, out_dir, "student"),
    ]
    return [f for f in files if f.is_file()]


def file_text(path: Path) -> str:
    """Return all the text a reader of ``path`` could find in it (PDF pages and metadata, pptx XML)."""
    if path.suffix.lower() == ".pdf":
        pdf = pdfium.PdfDocument(str(path))
        try:
            meta = [meta_text(pdf, key) for key in _INFO_KEYS]
            texts = []
            for i in range(len(pdf)):
                page = pdf[i]
                textpage = page.get_textpage()
                texts.append(page_text(textpage))
                textpage.close()
                page.close()
        finally:
            pdf.close()
        return " ".join(meta) + "\n" + "\n".join(texts)
    parts = []
    with zipfile.ZipFile(path) as z:
        for name in z.namelist():
            if name.endswith(".xml") or name.endswith(".rels"):
                xml = z.read(name).decode("utf-8", "replace")
                # the text of each paragraph joined (runs split words), then attribute values
                parts.append(
                    " ".join("".join(re.findall(r"<a:t>([^<]*)</a:t>", p)) for p in re.split(r"</a:p>", xml))
                )
                parts.append(" ".join(re.findall(r'(?:descr|title|name)="([^"]*)"', xml)))
    return "\n".join(parts)


# what a PDF's document information holds that a reader's program shows
_INFO_KEYS = ("Title", "Author", "Subject", "Keywords", "Creator", "Producer")


def squash(text: str) -> str:
    return squash_text(text.replace("\u00a0", " "))


def check_student_outputs(lecture: m.Lecture, files: list[Path], diags: Diagnostics) -> None:
    """Report every answer or instructor-only text of ``lecture`` found in a student file."""
    found_answers = answers(lecture)
    secrets = instructor_texts(lecture)
    if not found_answers and not secrets:
        return
    for f in files:
        try:
            body = squash(file_text(f))
        except Exception as e:  # a corrupt file: say so rather than crash
            diags.error(f"{f} cannot be read: {e}", None, "check-read")
            continue
        for pos, before, answer, after in found_answers:
            # the answer with the words around it; short contexts would match too easily
            needle = squash(before[-15:] + answer + after[:15])
            if squash(answer) and needle in body:
                diags.error(f"the student's {f.name} shows the answer '{answer}'", pos, "check-variant")
        for pos, text in secrets:
            if len(squash(text)) >= 6 and squash(text) in body:
                diags.error(
                    f"the student's {f.name} shows instructor-only text '{text[:50]}'", pos, "check-variant"
                )
