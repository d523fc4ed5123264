"""YAML for untrusted content: PyYAML's SafeLoader, minus the parts that can hurt.

* Aliases (``*name``) are refused: nested aliases expand exponentially ("billion laughs").
* Timestamps stay the text that was written (``2024-02-30`` is not a crash, and a date shows
  as the lecturer typed it).
* Values that a tag cannot convert (``!!int many``) are errors at their line, not exceptions.
* With ``r_code``, R Markdown's ``!expr`` tag (``css: !expr here::here("x.css")``), whose value R's yaml
  package evaluates, is read as :class:`RCode`: the code and its line, never run.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import yaml


class SafeContentLoader(yaml.SafeLoader):
    """A SafeLoader that refuses aliases and keeps timestamps as strings."""

    def compose_node(self, parent, index):
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise yaml.composer.ComposerError(
                None, None, "aliases (*name) are not allowed in lecture files", event.start_mark
            )
        return super().compose_node(parent, index)

    def construct_object(self, node, deep=False):
        self._last_mark = node.start_mark  # where a failing conversion happened
        return super().construct_object(node, deep)


def _timestamp_as_text(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> str:
    return loader.construct_scalar(node)


SafeContentLoader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp_as_text)


@dataclass(frozen=True)
class RCode:
    """A value written ``!expr code``: R code that R Markdown runs and Podium does not (0-based ``line``)."""

    code: str
    line: int


class RMarkdownLoader(SafeContentLoader):
    """A :class:`SafeContentLoader` that reads R Markdown's ``!expr`` values as :class:`RCode`."""


def _r_code(loader: yaml.SafeLoader, node: yaml.Node) -> RCode:
    code = loader.construct_scalar(node) if isinstance(node, yaml.ScalarNode) else ""
    return RCode(str(code).strip(), node.start_mark.line)


RMarkdownLoader.add_constructor("!expr", _r_code)


class YAMLValueError(yaml.MarkedYAMLError):
    """A value a tag could not convert, with its position."""


def load(text: str, r_code: bool = False) -> Any:
    """Return the data in YAML ``text``; every problem raises a ``yaml.MarkedYAMLError``.

    Strings come back without the characters XML cannot hold (they would break the deck).  With
    ``r_code`` (an R Markdown front matter), ``!expr`` values come back as :class:`RCode`.
    """
    loader = None
    try:
        loader = (RMarkdownLoader if r_code else SafeContentLoader)(text)
        return clean(loader.get_single_data())
    except yaml.reader.ReaderError as e:  # a character YAML refuses: point at it
        line = text.count("\n", 0, e.position)
        col = e.position - (text.rfind("\n", 0, e.position) + 1)
        mark = yaml.Mark("<yaml>", e.position, line, col, None, 0)  # no buffer: no snippet
        raise YAMLValueError(
            None,
            None,
            f"character U+{e.character:04X} is not allowed in YAML"
            if isinstance(e.character, int)
            else "a character is not allowed in YAML",
            mark,
        ) from None
    except yaml.YAMLError:
        raise
    except RecursionError:
        raise YAMLValueError(None, None, "the YAML is nested too deeply", _deepest(text)) from None
    except Exception as e:  # PyYAML's constructors raise ValueError, KeyError, IndexError … for bad values
        raise YAMLValueError(
            None,
            None,
            f"a value cannot be read: {e!r}" if not str(e) else f"a value cannot be read: {e}",
            getattr(loader, "_last_mark", None),
        ) from None
    finally:
        if loader is not None:
            loader.dispose()


def load_located(text: str) -> tuple[Any, dict[tuple, int]]:
    """Return (data, lines): ``lines`` maps each key path (``("series", "a", 3)``) to its 0-based line.

    The same rules and errors as :func:`load`; the lines let a message point at the value it is about.
    """
    lines: dict[tuple, int] = {}

    def walk(node: yaml.Node, path: tuple) -> None:
        lines[path] = node.start_mark.line
        if isinstance(node, yaml.MappingNode):
            for k, v in node.value:
                key = k.value if isinstance(k, yaml.ScalarNode) else None
                lines[path + (key,)] = k.start_mark.line
                walk(v, path + (key,))
                lines[path + (key,)] = k.start_mark.line  # a key's own line, not its value's
        elif isinstance(node, yaml.SequenceNode):
            for i, v in enumerate(node.value):
                walk(v, path + (i,))

    loader = None
    try:
        loader = SafeContentLoader(text)
        node = loader.get_single_node()
    except Exception:
        return load(text), lines
    finally:
        if loader is not None:
            loader.dispose()
    if node is not None:
        try:
            walk(node, ())
        except RecursionError:
            pass  # load() below says the YAML is nested too deeply
    return load(text), lines


def _deepest(text: str) -> yaml.Mark:
    """Return the position where ``[``/``{`` nesting in ``text`` is deepest (for a message)."""
    depth = best = best_pos = 0
    for i, ch in enumerate(text):
        if ch in "[{":
            depth += 1
            if depth > best:
                best, best_pos = depth, i
        elif ch in "]}":
            depth -= 1
    line = text.count("\n", 0, best_pos)
    return yaml.Mark("<yaml>", best_pos, line, best_pos - (text.rfind("\n", 0, best_pos) + 1), None, 0)


def clean(value: Any) -> Any:
    """Return ``value`` with XML-invalid characters removed from every string in it."""
    if isinstance(value, str):
        return XML_INVALID.sub("", value)
    if isinstance(value, list):
        return [clean(v) for v in value]
    if isinstance(value, dict):
        return {clean(k): clean(v) for k, v in value.items()}
    return value


# characters XML 1.0 (and so .pptx and the handout's HTML) cannot hold
XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
