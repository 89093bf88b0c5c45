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
ATX_HEADING = re.compile(r"^(?P<indent>\s*)(?P<marks>#{1,6})(?:\s|$)")
CALLOUT_START = re.compile(r"^(?:!!!|\?\?\?\+?)\s")


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


class _HeadingRules:
    """Headings an instructor can get wrong: '#' (the title is in front matter), a sub-heading
    before the first section, a level skipped, a heading inside a callout."""

    def __init__(self, path: str, problems: list[Problem]):
        self.path, self.problems = path, problems
        self.level = 1            # the level of the last heading seen
        self.in_callout = False

    def _problem(self, number: int, message: str, hint: str) -> None:
        self.problems.append(Problem(self.path, number, message, hint))

    def see(self, line: str, number: int, in_section: bool) -> None:
        text = line.rstrip("\n")
        if CALLOUT_START.match(text):
            self.in_callout = True
            return
        if self.in_callout and text.strip() and not text.startswith((" ", "\t")):
            self.in_callout = False
        match = ATX_HEADING.match(text)
        if not match:
            return
        level = len(match.group("marks"))
        if self.in_callout and match.group("indent"):
            self._problem(number, "a heading inside a callout",
                          "callouts hold text, lists and tables only: make it bold text, or move the heading out of the callout")
            return
        if match.group("indent") and len(match.group("indent")) >= 4:
            return        # indented code or a list continuation, not a heading
        if level == 1:
            self._problem(number, "a '#' heading inside the page",
                          "the page title comes from 'title:' in the front matter; use '## Title {#id}' for a section")
            return
        if level > 2 and not in_section:
            self._problem(number, f"a '{match.group('marks')}' heading before the first section",
                          "start a section with '## Title {#id}' first, or make this line plain text of the introduction")
            return
        if level > self.level + 1:
            self._problem(number, f"heading level skipped: '{match.group('marks')}' after a level-{self.level} heading",
                          f"use '{'#' * (self.level + 1)} ' here (screen readers and the PDF outline need every level)")
        self.level = level


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

    headings = _HeadingRules(path, problems)
    for offset, line in enumerate(body.splitlines(keepends=True)):
        number = first_line + offset
        if FENCE.match(line):
            in_fence = not in_fence
        if not in_fence:
            headings.see(line, number, in_section=current is not None)
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
