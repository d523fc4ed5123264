"""Would slide drawings drawn as SVG be cheaper for WeasyPrint than drawn as HTML boxes?

Lays out 67 made-up slides (a title and five two-line bullets each, with bold and italic runs), a line of
notes under each, four ways, and prints WeasyPrint's CPU seconds for ``render()`` and ``write_pdf()``:

- ``none``: the notes alone;
- ``html``: each slide as HTML boxes, as the handout draws its slides;
- ``svg``: each slide as inline SVG, a ``<text>`` per line (what a renderer of the deck's measured
  lines would write);
- ``img``: the same SVG as an ``<img>``.

A measurement for bench/README.md, not a test::

    python bench/svg_drawings.py html
"""

from __future__ import annotations

import base64
import sys
import time

import weasyprint

SLIDES = 67
NOTES = "<p>Note text for the slide {i}, a sentence or two of speaker notes.</p>"
CSS = (
    ".s{width:12cm;height:6.75cm;border:1px solid #999;font-size:9pt;overflow:hidden} .e{break-inside:avoid}"
)


def svg(i: int) -> str:
    """Slide ``i`` as SVG: its title, five bullets of two lines each."""
    parts = [f'<text x="40" y="60" font-size="32" font-weight="bold" fill="#123">Slide {i}: a title</text>']
    y = 120
    for b in range(5):
        parts.append(f'<circle cx="50" cy="{y - 7}" r="4" fill="#345"/>')
        parts.append(
            f'<text x="65" y="{y}" font-size="20">Bullet {b} with <tspan font-weight="bold">bold words'
            "</tspan> and more text here to fill</text>"
        )
        y += 28
        parts.append(
            f'<text x="65" y="{y}" font-size="20">the second line of the bullet, '
            '<tspan font-style="italic">italic</tspan> end</text>'
        )
        y += 36
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 960 540" width="960" height="540" '
        'style="width:12cm;height:6.75cm">' + "".join(parts) + "</svg>"
    )


def html_slide(i: int) -> str:
    """Slide ``i`` as HTML boxes: the same words."""
    items = "".join(
        f"<li>Bullet {b} with <strong>bold words</strong> and more text here to fill the second line of "
        "the bullet, <em>italic</em> end</li>"
        for b in range(5)
    )
    return f'<div class="s"><h2>Slide {i}: a title</h2><ul>{items}</ul></div>'


def drawing(mode: str, i: int) -> str:
    if mode == "svg":
        return svg(i)
    if mode == "img":
        data = base64.b64encode(svg(i).encode()).decode()
        return f'<img style="width:12cm" alt="slide {i}" src="data:image/svg+xml;base64,{data}">'
    if mode == "html":
        return html_slide(i)
    return ""


def main(mode: str) -> None:
    body = "".join(f'<div class="e">{drawing(mode, i)}{NOTES.format(i=i)}</div>' for i in range(SLIDES))
    doc = f"<html><head><style>{CSS}</style></head><body>{body}</body></html>"
    weasyprint.HTML(string="<p>x</p>").write_pdf()  # (fontconfig's first scan, outside the times)
    for _ in range(3):
        t0 = time.process_time()
        laid = weasyprint.HTML(string=doc).render()
        t1 = time.process_time()
        laid.write_pdf()
        t2 = time.process_time()
        print(f"{mode}: {len(laid.pages)} pages, render {t1 - t0:.2f} s, write {t2 - t1:.2f} s")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "html")
