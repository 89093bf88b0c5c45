"""YAML loading that remembers on which line every key and list item stands.

Errors must name the line, so loaders keep a :class:`LineMap` beside the data: a map
from a path of keys and indexes (``("questions", 3, "answer")``) to a 1-based line.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .errors import CourseError
from .source_text import read_text


# libyaml's parser when PyYAML has it (the same results, many times faster than pure Python).
_SafeBase = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _TolerantLoader(_SafeBase):
    """Safe loader that reads unknown tags (``!ENV``, ``!!python/name:``) as plain values."""


def _construct_unknown(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> Any:
    if isinstance(node, yaml.ScalarNode):
        return loader.construct_scalar(node)
    if isinstance(node, yaml.SequenceNode):
        return loader.construct_sequence(node)
    return loader.construct_mapping(node)


_TolerantLoader.add_multi_constructor("!", _construct_unknown)
_TolerantLoader.add_multi_constructor("tag:yaml.org,2002:python/", _construct_unknown)


@dataclass
class LineMap:
    lines: dict[tuple, int] = field(default_factory=dict)
    default: int = 1

    def line(self, *path: Any) -> int:
        """Line of the deepest known prefix of ``path``."""
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return self.lines.get((), self.default)


class DuplicateKey(Exception):
    def __init__(self, key: str, line: int, first: int):
        super().__init__(key)
        self.key, self.line, self.first = key, line, first


def _record(node: yaml.Node, path: tuple, offset: int, out: dict[tuple, int]) -> None:
    out.setdefault(path, node.start_mark.line + 1 + offset)
    if isinstance(node, yaml.MappingNode):
        seen: dict[str, int] = {}
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else str(key_node)
            line = key_node.start_mark.line + 1 + offset
            if key in seen and key != "<<":
                raise DuplicateKey(key, line, seen[key])
            seen[key] = line
            out[path + (key,)] = line
            _record_children(value_node, path + (key,), offset, out)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            out[path + (index,)] = item.start_mark.line + 1 + offset
            _record_children(item, path + (index,), offset, out)


def _record_children(node: yaml.Node, path: tuple, offset: int, out: dict[tuple, int]) -> None:
    if isinstance(node, (yaml.MappingNode, yaml.SequenceNode)):
        sub: dict[tuple, int] = {}
        _record(node, path, offset, sub)
        for key, value in sub.items():
            out.setdefault(key, value)


def _indent(text: str, index: int) -> int:
    line = text.splitlines()[index] if index < len(text.splitlines()) else ""
    return len(line) - len(line.lstrip(" "))


def _previous_line(text: str, index: int) -> int | None:
    """The index of the nearest line above ``index`` with content (not blank, not a comment)."""
    lines = text.splitlines()
    for previous in range(min(index, len(lines)) - 1, -1, -1):
        if lines[previous].strip() and not lines[previous].lstrip().startswith("#"):
            return previous
    return None


def load_yaml(text: str, path: str | Path, first_line: int = 1) -> tuple[Any, LineMap]:
    """Parse ``text`` (which starts at ``first_line`` of ``path``) into data and a LineMap.

    Raises :class:`CourseError` with the file and line of a syntax error.
    """
    offset = first_line - 1
    loader = _TolerantLoader(text)
    try:   # one parse: compose the node tree (it has the line numbers), then build the data from it
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as exc:
        # An unclosed bracket or quote is reported where YAML gave up; the line it started on
        # (the context) is where the author has to look. Every other error (a tab, a mis-indent)
        # is on the line YAML stopped at: the context there is only the enclosing block.
        unclosed = exc.context and ("quoted" in exc.context or "flow" in exc.context)
        mark = (exc.context_mark if unclosed else None) or exc.problem_mark or exc.context_mark
        line = (mark.line + 1 + offset) if mark else first_line
        problem = exc.problem or "YAML syntax error"
        hint = "fix the indentation or quoting on this line (quote text that contains ': ' or '#')"
        if "tab" in problem:
            hint = "indent with spaces, never with tabs"
        elif "mapping values are not allowed" in problem and mark is not None:
            previous = _previous_line(text, mark.line)
            opens_block = previous is not None and re.sub(r"\s+#.*$", "", text.splitlines()[previous]).rstrip().endswith(":")
            if previous is not None and not opens_block and _indent(text, mark.line) > _indent(text, previous):
                hint = (f"this line is indented deeper than line {previous + 1 + offset} above it: "
                        "give the two the same indentation (one of them is mis-indented)")
        raise CourseError.at(path, line, f"YAML syntax error: {problem}", hint) from None
    except yaml.YAMLError as exc:  # pragma: no cover - non-marked errors are rare
        raise CourseError.at(path, first_line, f"YAML error: {exc}", "check the file's syntax") from None
    finally:
        loader.dispose()
    lines = LineMap(default=first_line)
    if node is not None:
        try:
            _record(node, (), offset, lines.lines)
        except DuplicateKey as dup:
            raise CourseError.at(path, dup.line, f"'{dup.key}' is given twice (first on line {dup.first})",
                                 "keep one of the two lines: YAML would silently use the last one") from None
    return data, lines


def load_yaml_file(path: Path, shown: str | Path | None = None) -> tuple[Any, LineMap]:
    shown = shown if shown is not None else path
    return load_yaml(read_text(path, shown), shown)
