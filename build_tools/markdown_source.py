"""Parse a lesson file: YAML front matter, an intro, and ``## Title {#id}`` sections."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from .errors import CourseError, Problem
from .source_text import read_text
from .yaml_lines import LineMap, load_yaml

SECTION_HEADING = re.compile(r"^##\s+(?P<title>.+?)\s*(?:\{#(?P<id>[^}\s]*)\})?\s*$")
VALID_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
FENCE = re.compile(r"^\s*(```|~~~)")


TAG = re.compile(r"<[^>]+>")


@dataclass
class Section:
    id: str
    title: str          # may contain <span lang="xx"> around a phrase in another language
    body: str
    line: int
    body_line: int = 0

    @property
    def plain_title(self) -> str:
        return TAG.sub("", self.title)


@dataclass
class ParsedSource:
    meta: dict
    meta_lines: LineMap
    intro: str
    intro_line: int
    sections: list[Section] = field(default_factory=list)


def split_front_matter(text: str, path: str) -> tuple[str, str, int]:
    """Return (front matter YAML, body, line where the body starts)."""
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].strip() != "---":
        raise CourseError.at(path, 1, "missing front matter",
                             "start the file with a '---' line, the YAML fields (kind, title, ...) and another '---' line")
    for index in range(1, len(lines)):
        if lines[index].strip() == "---":
            return "".join(lines[1:index]), "".join(lines[index + 1:]), index + 2
    raise CourseError.at(path, 1, "front matter is not closed",
                         "add a line with '---' after the last front matter field")


def _split_sections(body: str, path: str, first_line: int) -> tuple[str, int, list[Section], list[Problem]]:
    problems: list[Problem] = []
    intro_lines: list[str] = []
    sections: list[Section] = []
    current: Section | None = None
    buffer: list[str] = []
    in_fence = False

    def close() -> None:
        if current is not None:
            raw = "".join(buffer)
            current.body_line = current.line + 1 + (len(raw) - len(raw.lstrip("\n")))
            current.body = raw.strip("\n") + "\n"

    for offset, line in enumerate(body.splitlines(keepends=True)):
        number = first_line + offset
        if FENCE.match(line):
            in_fence = not in_fence
        match = None if in_fence else SECTION_HEADING.match(line.rstrip("\n"))
        if match and line.startswith("## "):
            close()
            section_id = match.group("id")
            if section_id is None:
                problems.append(Problem(path, number, f"section heading '{match.group('title')}' has no id",
                                        "end the heading with a stable id, e.g. '## " + match.group("title") + " {#my-section}'"))
                section_id = ""
            elif not VALID_ID.match(section_id):
                problems.append(Problem(path, number, f"section id '{section_id}' is not valid",
                                        "use lower-case letters, digits and hyphens, e.g. {#what-is-omnichannel}"))
            current = Section(section_id, match.group("title"), "", number)
            sections.append(current)
            buffer = []
        elif current is None:
            intro_lines.append(line)
        else:
            buffer.append(line)
    close()
    intro = "".join(intro_lines)
    intro_line = first_line + len(intro) - len(intro.lstrip("\n"))
    return intro.strip("\n") + "\n", intro_line, sections, problems


def parse_source(text: str, path: str) -> tuple[ParsedSource, list[Problem]]:
    """Parse a whole lesson file; raises CourseError for unreadable front matter."""
    front, body, body_line = split_front_matter(text, path)
    meta, meta_lines = load_yaml(front, path, first_line=2)
    if meta is None:
        meta = {}
    if not isinstance(meta, dict):
        raise CourseError.at(path, 2, "front matter must be 'field: value' lines",
                             "see content/README.md for the fields of each page kind")
    intro, intro_line, sections, problems = _split_sections(body, path, body_line)
    return ParsedSource(meta, meta_lines, intro, intro_line, sections), problems


def read_source(path: Path, shown: str) -> tuple[ParsedSource, list[Problem]]:
    return parse_source(read_text(path, shown), shown)
