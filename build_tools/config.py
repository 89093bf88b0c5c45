"""The course settings: read from ``mkdocs.yml`` and validated with messages that name the fix.

Languages come from the i18n plugin block of ``mkdocs.yml`` (one list, no copy elsewhere);
course features read their options from ``extra.course`` through :func:`read_options`.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from .errors import CourseError, Problem
from .yaml_lines import LineMap, load_yaml_file

MKDOCS_FILE = "mkdocs.yml"
# The sections of ``extra.course`` that features read with CourseConfig.options(); a feature
# with a new section adds it here (checks/course_settings.py refuses any other key).
COURSE_SECTIONS = ("audio", "quiz", "feedback", "pdf", "completion", "lms")


@dataclass(frozen=True)
class Option:
    """A declared option: its type, default and allowed values."""

    name: str
    kind: type | tuple[type, ...]
    default: Any
    choices: tuple = ()
    minimum: float | None = None
    maximum: float | None = None
    help: str = ""


def read_options(raw: Any, options: list[Option], path: str, lines: LineMap, where: tuple) -> dict[str, Any]:
    """Validate ``raw`` (a mapping from the YAML at ``where``) against declared options."""
    dotted = ".".join(str(p) for p in where)
    if raw is None:
        raw = {}
    if not isinstance(raw, dict):
        raise CourseError.at(path, lines.line(*where), f"{dotted} must be a mapping of options",
                             f"write it as '{where[-1]}:' followed by indented 'name: value' lines")
    known = {o.name: o for o in options}
    problems: list[Problem] = []
    values: dict[str, Any] = {}
    for key in raw:
        if key not in known:
            problems.append(Problem(path, lines.line(*where, key), f"unknown option {dotted}.{key}",
                                    f"valid options are: {', '.join(sorted(known))}"))
    for option in options:
        value = raw.get(option.name, option.default)
        line = lines.line(*where, option.name)
        name = f"{dotted}.{option.name}"
        kinds = option.kind if isinstance(option.kind, tuple) else (option.kind,)
        if isinstance(value, bool) and bool not in kinds:
            ok = False
        else:
            ok = isinstance(value, kinds) or (float in kinds and isinstance(value, int))
        if not ok:
            expected = " or ".join(k.__name__ for k in kinds)
            problems.append(Problem(path, line, f"{name}: expected type {expected} but received {type(value).__name__} ({value!r})",
                                    f"for example: {option.name}: {option.default!r}"))
            continue
        if option.choices and value not in option.choices:
            problems.append(Problem(path, line, f"{name}: {value!r} is not one of {', '.join(map(str, option.choices))}",
                                    f"use one of: {', '.join(map(str, option.choices))}"))
            continue
        if option.minimum is not None and value < option.minimum or option.maximum is not None and value > option.maximum:
            if option.maximum is None:
                allowed = f"use a value of at least {option.minimum}"
            elif option.minimum is None:
                allowed = f"use a value of at most {option.maximum}"
            else:
                allowed = f"use a value from {option.minimum} to {option.maximum}"
            problems.append(Problem(path, line, f"{name}: {value!r} is out of range", allowed))
            continue
        values[option.name] = value
    if problems:
        raise CourseError(problems)
    return values


@dataclass(frozen=True)
class LanguageConfig:
    code: str
    name: str
    default: bool = False


@dataclass
class CourseConfig:
    root: Path
    languages: list[LanguageConfig]
    docs_dir: Path
    site_dir: Path
    raw_course: dict = field(default_factory=dict)
    lines: LineMap = field(default_factory=LineMap)
    site_name: str = ""
    site_url: str | None = None     # the site's public address (mkdocs.yml site_url), ending in "/"

    @property
    def mkdocs_file(self) -> Path:
        return self.root / MKDOCS_FILE

    @property
    def source_language(self) -> str:
        return next(lang.code for lang in self.languages if lang.default)

    @property
    def language_codes(self) -> list[str]:
        return [lang.code for lang in self.languages]

    def require_language(self, code: str | None) -> None:
        """A `--lang` given on the command line must be a course language (None: not given)."""
        if code is not None and code not in self.language_codes:
            raise CourseError.at(MKDOCS_FILE, 0, f"'{code}' is not a course language",
                                 f"use one of: {', '.join(self.language_codes)}")

    @property
    def content_dir(self) -> Path:
        return self.root / "content"

    @property
    def quiz_dir(self) -> Path:
        return self.root / "quiz"

    @property
    def translations_dir(self) -> Path:
        return self.root / "translations"

    @property
    def audio_dir(self) -> Path:
        return self.root / "audio"

    @property
    def dist_dir(self) -> Path:
        return self.root / "dist"

    @property
    def cache_dir(self) -> Path:
        return self.root / "build" / "cache"

    def options(self, section: str, options: list[Option]) -> dict[str, Any]:
        """Validated options of ``extra.course.<section>``."""
        return read_options(self.raw_course.get(section), options, MKDOCS_FILE, self.lines,
                            ("extra", "course", section))


def _find_i18n(plugins: Any) -> tuple[int, dict] | None:
    if isinstance(plugins, list):
        for index, entry in enumerate(plugins):
            if isinstance(entry, dict) and "i18n" in entry:
                return index, entry["i18n"] or {}
    elif isinstance(plugins, dict) and "i18n" in plugins:
        return -1, plugins["i18n"] or {}
    return None


def _languages(data: dict, lines: LineMap) -> list[LanguageConfig]:
    found = _find_i18n(data.get("plugins"))
    if found is None:
        raise CourseError.at(MKDOCS_FILE, lines.line("plugins"), "no i18n plugin with the course languages",
                             "add the i18n plugin with 'languages:' (locale, name, default) under 'plugins:'")
    index, block = found
    where = ("plugins", index, "i18n", "languages") if index >= 0 else ("plugins", "i18n", "languages")
    languages = []
    for i, entry in enumerate(block.get("languages") or []):
        if not isinstance(entry, dict) or "locale" not in entry:
            raise CourseError.at(MKDOCS_FILE, lines.line(*where, i), "a language entry has no 'locale'",
                                 "write e.g. '- locale: el' with 'name: Ελληνικά'")
        languages.append(LanguageConfig(str(entry["locale"]), str(entry.get("name", entry["locale"])),
                                        bool(entry.get("default", False))))
    defaults = [lang for lang in languages if lang.default]
    if len(defaults) != 1:
        raise CourseError.at(MKDOCS_FILE, lines.line(*where), f"{len(defaults)} default languages configured",
                             "mark exactly one language (the source, English) with 'default: true'")
    return languages


def normalise_site_url(value: Any, line: int = 0) -> str | None:
    """``site_url`` as given in mkdocs.yml: None when absent or empty, else an http(s) address ending in "/"."""
    if value is None or str(value).strip() == "":
        return None
    url = str(value).strip()
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc or parts.query or parts.fragment:
        raise CourseError.at(MKDOCS_FILE, line, f"site_url {url!r} is not the public address of a site",
                             "write the address learners open, e.g. 'site_url: https://example.org/course/', "
                             "or remove the line")
    return url if url.endswith("/") else url + "/"


def load_config(root: Path | str = ".") -> CourseConfig:
    root = Path(root).resolve()
    path = root / MKDOCS_FILE
    if not path.is_file():
        raise CourseError.at(MKDOCS_FILE, 0, "mkdocs.yml not found",
                             f"run the command in the course folder (looked in {root})")
    data, lines = load_yaml_file(path, MKDOCS_FILE)
    lines = LineMap({k: v for k, v in lines.lines.items()}, 1)
    if not isinstance(data, dict):
        raise CourseError.at(MKDOCS_FILE, 1, "mkdocs.yml must be a mapping", "see the README for an example")
    extra = data.get("extra") or {}
    raw_course = extra.get("course") or {}
    return CourseConfig(
        root=root,
        languages=_languages(data, lines),
        docs_dir=root / data.get("docs_dir", "docs"),
        site_dir=root / data.get("site_dir", "site"),
        raw_course=raw_course if isinstance(raw_course, dict) else {},
        lines=lines,
        site_name=str(data.get("site_name", "")),
        site_url=normalise_site_url(data.get("site_url"), lines.line("site_url")),
    )

