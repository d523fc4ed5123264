"""Code shown unfinished on purpose (``x <- "Hello``) is drawn like other code in every output: the
highlighter's error token gets no red box in the PDFs, where the deck never drew one."""

import subprocess

from PIL import Image

from .conftest import run_cli, write_md

LECTURE = """---
title: Console demo
---

## Console

An unfinished string makes R wait for more:

```r
x <- "Hello
+
```
"""


def _red_pixels(image: Image.Image) -> int:
    return sum(1 for r, g, b in image.convert("RGB").getdata() if r > 200 and g < 80 and b < 80)


def test_an_unfinished_string_gets_no_red_box_in_the_pdfs(tmp_path):
    src = write_md(tmp_path, LECTURE)
    result = run_cli("all", src, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.stderr
    for pdf in ("lecture-slides.pdf", "lecture-handout.pdf"):
        folder = tmp_path / pdf.replace(".pdf", "")
        folder.mkdir()
        subprocess.run(
            ["pdftoppm", "-r", "100", "-png", str(tmp_path / "out" / pdf), str(folder / "p")], check=True
        )
        pages = [Image.open(p) for p in sorted(folder.glob("p*.png"))]
        text = subprocess.run(
            ["pdftotext", str(tmp_path / "out" / pdf), "-"], capture_output=True, text=True, check=True
        ).stdout
        assert "Hello" in text
        assert sum(_red_pixels(page) for page in pages) == 0, pdf
