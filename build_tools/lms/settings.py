"""``extra.course.lms`` in mkdocs.yml: what shapes the LMS packages.

One SCO (SCORM) or AU (cmi5) for the whole module: the learner record is one record per
module and language, its completion rule needs every lesson and the quiz, and Moodle's SCORM
player shows a single SCO without its own table of contents, so the course's navigation
stays the only one. A SCO per lesson would split the record into pieces the LMS rolls up by
rules of its own.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..config import CourseConfig, Option
from ..errors import CourseError

PACKAGE_KINDS = ("scorm12", "scorm2004", "cmi5")
VERSION = re.compile(r"^[0-9A-Za-z][0-9A-Za-z.\-]{0,31}$")

OPTIONS = [
    Option("version", str, "1.0", help="course version: package identifiers change when it does"),
    Option("packages", list, list(PACKAGE_KINDS), help="which LMS packages `course build` makes"),
    Option("id", str, "urn:omnichannel-course", help="base of the identifiers (an IRI for cmi5)"),
]


@dataclass(frozen=True)
class LmsSettings:
    version: str = "1.0"
    packages: tuple[str, ...] = PACKAGE_KINDS
    id: str = "urn:omnichannel-course"

    def identifier(self, lang: str) -> str:
        """The package identifier: the same for the same course, language and version."""
        return f"omnichannel-{lang}-v{self.version}"

    def iri(self, lang: str, *parts: str) -> str:
        """A cmi5 IRI for this course version and language (course, AU, objectives)."""
        return ":".join([self.id, lang, f"v{self.version}", *parts])


def load_lms_settings(config: CourseConfig) -> LmsSettings:
    values = config.options("lms", OPTIONS)
    line = config.lines.line("extra", "course", "lms")
    if not VERSION.match(values["version"]):
        raise CourseError.at("mkdocs.yml", line, f"extra.course.lms.version: {values['version']!r} is not a version",
                             "use letters, digits, dots and hyphens, e.g. version: '1.2'")
    unknown = [p for p in values["packages"] if p not in PACKAGE_KINDS]
    if unknown:
        raise CourseError.at("mkdocs.yml", line, f"extra.course.lms.packages: unknown package {unknown[0]!r}",
                             f"use any of: {', '.join(PACKAGE_KINDS)}")
    if not re.match(r"^[a-z][a-z0-9+.-]*:\S+$", values["id"]):
        raise CourseError.at("mkdocs.yml", line, f"extra.course.lms.id: {values['id']!r} is not an IRI",
                             "use e.g. 'urn:my-centre:omnichannel' or 'https://courses.example.org/omnichannel'")
    return LmsSettings(values["version"], tuple(values["packages"]), values["id"])
