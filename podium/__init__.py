"""Podium: one Markdown lecture, two outputs that agree."""

from podium.startup import defer_unused_imports

__version__ = "0.1.0"

defer_unused_imports()  # before any dependency imports them (podium.startup)
