"""Podium: one Markdown lecture, two outputs that agree."""

__version__ = "0.1.0"
