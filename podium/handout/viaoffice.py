"""``build.py pdf --via libreoffice``: the slides PDF as LibreOffice draws the deck itself.

The deck of the same variant is written to a private temporary folder and converted with
``soffice --headless --convert-to pdf`` (a private profile folder, so parallel builds do not
clash); the result is moved into place atomically.  Without LibreOffice, or when it fails, the
build stops with a message saying so and the previous PDF is kept.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from .. import model as m
from ..atomic import write_atomic
from ..budget import data_limit_lifted
from ..deck.writer import write_pptx
from ..diagnostics import BuildError, Diagnostics
from ..template_folders import Template


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def convert_deck(
    lecture: m.Lecture, plans, template: Template, out: Path, diags: Diagnostics, timeout: float = 300
) -> None:
    """Write the deck of ``plans`` and have LibreOffice convert it to the PDF ``out``."""

    exe = soffice()
    if exe is None:
        raise BuildError(
            diags,
            "--via libreoffice needs LibreOffice (soffice) on the PATH; install "
            "libreoffice-impress or leave out --via to let Podium draw the slides",
            None,
            "no-soffice",
        )
    with tempfile.TemporaryDirectory(prefix="podium-lo-") as tmp:
        work = Path(tmp)
        deck = work / (out.stem + ".pptx")
        write_pptx(lecture, plans, template, deck, diags)
        profile = (work / "profile").as_uri()
        try:
            with data_limit_lifted():  # LibreOffice is not held to the build's data limit
                proc = subprocess.run(
                    [
                        exe,
                        f"-env:UserInstallation={profile}",
                        "--headless",
                        "--convert-to",
                        "pdf",
                        "--outdir",
                        str(work),
                        str(deck),
                    ],
                    capture_output=True,
                    timeout=timeout,
                )
        except subprocess.TimeoutExpired:
            raise BuildError(
                diags,
                f"LibreOffice took longer than {timeout:.0f} s to convert the deck",
                None,
                "soffice-failed",
            ) from None
        pdf = work / (out.stem + ".pdf")
        if proc.returncode != 0 or not pdf.is_file():
            said = (proc.stderr or proc.stdout).decode("utf-8", "replace").strip()[:300]
            raise BuildError(
                diags,
                f"LibreOffice could not convert the deck ({said or 'no output'})",
                None,
                "soffice-failed",
            )
        write_atomic(out, pdf.read_bytes())
