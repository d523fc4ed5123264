"""YAML for untrusted content: PyYAML's SafeLoader, minus the parts that can hurt.

* Aliases (``*name``) are refused: nested aliases expand exponentially ("billion laughs").
* Timestamps stay the text that was written (``2024-02-30`` is not a crash, and a date shows
  as the lecturer typed it).
* Values that a tag cannot convert (``!!int many``) are errors at their line, not exceptions.
"""

from __future__ import annotations

from typing import Any

import yaml


class SafeContentLoader(yaml.SafeLoader):
    """A SafeLoader that refuses aliases and keeps timestamps as strings."""

    def compose_node(self, parent, index):  # noqa: D401 (PyYAML's hook)
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise yaml.composer.ComposerError(None, None, "aliases (*name) are not allowed in lecture files",
                                              event.start_mark)
        return super().compose_node(parent, index)

    def construct_object(self, node, deep=False):
        self._last_mark = node.start_mark  # where a failing conversion happened
        return super().construct_object(node, deep)


def _timestamp_as_text(loader: yaml.SafeLoader, node: yaml.Node) -> str:
    return loader.construct_scalar(node)


SafeContentLoader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp_as_text)


class YAMLValueError(yaml.MarkedYAMLError):
    """A value a tag could not convert, with its position."""


def load(text: str) -> Any:
    """Return the data in YAML ``text``; every problem raises a ``yaml.MarkedYAMLError``."""
    loader = SafeContentLoader(text)
    try:
        return loader.get_single_data()
    except (ValueError, TypeError, OverflowError) as e:
        raise YAMLValueError(None, None, f"a value cannot be read: {e}", getattr(loader, "_last_mark", None)) from None
    finally:
        loader.dispose()
