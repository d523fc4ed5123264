"""Student and instructor versions of a lecture, decided once on the IR before anything is planned.

* ``[answer]{.blank}`` — the instructor's version keeps the answer (renderers highlight it); the
  student's replaces it with a gap of about the answer's width: non-breaking spaces in a
  ``Span(classes=("blank", "gap"))``, so no renderer can ever reach the answer's words.
* ``::: instructor`` — :attr:`Slide.instructor`; the student's version has none.  No renderer puts
  it on a projected slide: the deck writes it into the speaker notes (after the notes, under the
  label "Instructor only" in the lecture's language) and the instructor handout shows it as a box.

Both the deck and the handout render the lecture this module returns, through the same plan.
"""

from __future__ import annotations

from dataclasses import replace

from . import model as m
from .handout.options import Variant
from .labels import label

GAP = "\u00a0"  # a non-breaking space: about 0.23 em in the bundled fonts


def gap_width(answer: str) -> int:
    """Return how many gap characters stand in for ``answer`` (its width, at least a short word's)."""
    return max(8, round(len(answer) * 2.2))


def is_blank(node) -> bool:
    return isinstance(node, m.Span) and "blank" in node.classes


def apply_variant(lecture: m.Lecture, variant: Variant | str) -> m.Lecture:
    """Return ``lecture`` as ``variant`` sees it (the instructor's version is the lecture itself)."""
    if Variant(variant) == Variant.INSTRUCTOR:
        return lecture

    def student(node):
        if is_blank(node):
            answer = m.plain_text(node.children)
            return m.Span(
                (m.Text(GAP * gap_width(answer)),), tuple(c for c in node.classes if c != "gap") + ("gap",)
            )
        if isinstance(node, m.Slide) and node.instructor:
            return replace(node, instructor=())
        return node

    return m.transform(lecture, student)


def instructor_notes(slide: m.Slide, lang: str, extra_labels=None) -> list[str]:
    """Return the lines the deck adds to a slide's speaker notes for its instructor-only text."""
    lines = [t for t in (m.blocks_text((b,)) for b in slide.instructor) if t]
    if not lines:
        return []
    return [f"[{label(lang, 'instructor', extra_labels)}]", *lines]


def answers(lecture: m.Lecture) -> list[tuple[m.SourcePos, str, str, str]]:
    """Return every gap-fill answer as (position, text before it, the answer, text after it).

    The context is the plain text of the paragraph (or list item, heading, cell) around it, so a
    check can look for the answer *in its place* rather than anywhere (the same word may
    legitimately appear elsewhere in the lecture).
    """
    out: list[tuple[m.SourcePos, str, str, str]] = []
    marker = "\x00"
    for slide in lecture.slides:
        pos = slide.pos
        for node in m.walk(slide):
            pos = getattr(node, "pos", pos)
            content = getattr(node, "content", None)
            if not isinstance(content, tuple) or not any(is_blank(x) for x in m.walk(content)):
                continue
            found: list[str] = []
            pieces = m.plain_text(m.transform_all(content, _swapper(found, marker))).split(marker)
            for k, ans in enumerate(found):
                out.append((pos, pieces[k][-30:], ans, pieces[k + 1][:30]))
    return out


def _swapper(found: list[str], marker: str):
    """Return a transform that replaces each blank by ``marker``, noting its answer in ``found``."""

    def swap(n):
        if is_blank(n):
            found.append(m.plain_text(n.children))
            return m.Text(marker)
        return n

    return swap


def instructor_texts(lecture: m.Lecture) -> list[tuple[m.SourcePos, str]]:
    """Return each paragraph-like text of every ``::: instructor`` block, with its position."""
    out = []
    for slide in lecture.slides:
        for b in slide.instructor:
            for node in m.walk(b):
                if isinstance(node, (m.Paragraph, m.Heading, m.TableCell)):
                    text = m.plain_text(node.content).strip()
                    if text:
                        out.append((getattr(node, "pos", b.pos), text))
            if isinstance(b, (m.CodeBlock, m.MathBlock)):
                out.append((b.pos, b.code if isinstance(b, m.CodeBlock) else b.tex))
    return out
