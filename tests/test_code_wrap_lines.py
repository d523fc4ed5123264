"""A listing with several lines too wide for its column at the smallest code size: the warning names every
line that wraps, not only the widest (a lecturer would otherwise rebuild once per line to find them)."""

from __future__ import annotations

from tests.conftest import built_from_text

LECTURE = '---\nmarp: true\ntitle: Wrapped code lines without a warning\n---\n\n<div class="columns">\n<div>\n\n```python\nclass Pessoa:\n    def __init__(self, nome_completo, nascimento):\n        nomes = nome_completo.strip().title().split()\n        self.nascimento = nascimento\n\n    def idade(self):\n        return datetime.now().year - self.nascimento\n\n    def nome(self):\n        return " ".join(map(lambda n: n[0] + ".", nomes))\n```\n\n</div>\n<div>\n\n# Abstração\n\n- Os métodos formam a interface do objeto.\n\n</div>\n</div>\n'


def test_every_wrapping_code_line_is_named(tmp_path):
    _, _, stderr = built_from_text(tmp_path, LECTURE, "slides")
    said = [line for line in stderr.splitlines() if "[overfull]" in line]
    assert len(said) == 1, stderr
    assert "code line 10 of this listing (57 characters)" in said[0]
    assert "as do lines 2, 3 and 7 (4 lines in all); break or shorten them" in said[0]


def test_one_wrapping_line_is_named_alone(tmp_path):
    short = "\n".join(
        line if len(line) > 54 or not line.startswith("    ") or len(line) < 40 else line[:30]
        for line in LECTURE.split("\n")
    )
    _, _, stderr = built_from_text(tmp_path, short, "slides")
    said = [line for line in stderr.splitlines() if "[overfull]" in line]
    assert len(said) == 1, stderr
    assert "code line 10 of this listing (57 characters)" in said[0]
    assert "wraps; break or shorten it [overfull]" in said[0]
