"""The in-memory course: course -> language -> page -> section.

Every later step (checks, generated pages, audio, PDF, quiz) reads this model and never
parses the input files its own way.
"""
from __future__ import annotations

import hashlib
from contextvars import ContextVar
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .config import CourseConfig, load_config
from .errors import CourseError, Problem, display_path
from .markdown_source import Section, read_source
from .yaml_lines import LineMap, load_yaml_file

PAGE_KINDS = ("home", "lesson", "keypoints", "faq", "glossary", "quiz", "downloads", "feedback")
HOME_FIELDS = ("title", "eqf", "description", "outcomes", "keywords", "bibliography")
# 'duration' is optional: the home page shows the study time computed from the lessons
# (build_tools/record/study_time.py); a written one is only checked against it.
OPTIONAL_HOME_FIELDS = ("duration",)
PAGE_FIELDS = ("id", "title")
# Every front matter key a page may have (content/README.md, "Front matter"); any other is a typo.
KNOWN_FIELDS = {
    "home": ("kind",) + HOME_FIELDS + OPTIONAL_HOME_FIELDS + ("translates",),
    "lesson": ("kind",) + PAGE_FIELDS + ("summary", "translates"),
}
TEXT_FIELDS = ("id", "title", "summary", "description", "eqf", "duration", "translates")
LIST_FIELDS = ("outcomes", "keywords", "bibliography")


@dataclass
class Page:
    lang: str
    name: str              # file name, identical in every language: "01-omnichannel-basics.md"
    path: str              # as shown to the user: "content/en/01-omnichannel-basics.md"
    meta: dict
    meta_lines: LineMap
    intro: str
    intro_line: int
    sections: list[Section] = field(default_factory=list)
    # content/<lang>/ and content/<source lang>/: where the page's images are looked up (images.py)
    folders: tuple[Path, ...] = ()

    @property
    def kind(self) -> str:
        return str(self.meta.get("kind", ""))

    @property
    def id(self) -> str:
        return str(self.meta.get("id", "home" if self.kind == "home" else ""))

    @property
    def title(self) -> str:
        return str(self.meta.get("title", ""))

    @property
    def stem(self) -> str:
        return self.name[:-3]

    @property
    def html_name(self) -> str:
        return "index.html" if self.name == "index.md" else self.stem + ".html"

    def section(self, section_id: str) -> Section | None:
        return next((s for s in self.sections if s.id == section_id), None)

    def source_digest(self) -> str:
        """Hash of the text a translation renders: title, intro and every section."""
        h = hashlib.sha256()
        for part in [self.title, self.intro] + [f"{s.id}\0{s.title}\0{s.body}" for s in self.sections]:
            h.update(part.strip().encode("utf-8") + b"\0")
        return h.hexdigest()[:16]


@dataclass
class Language:
    code: str
    name: str
    pages: dict[str, Page] = field(default_factory=dict)
    ui: dict[str, str] = field(default_factory=dict)
    ui_path: str = ""
    ui_lines: LineMap = field(default_factory=LineMap)
    glossary: dict[str, dict] = field(default_factory=dict)
    glossary_path: str = ""
    glossary_lines: LineMap = field(default_factory=LineMap)
    unreadable: set[str] = field(default_factory=set)   # page files that exist but could not be parsed

    @property
    def ordered_pages(self) -> list[Page]:
        return [self.pages[name] for name in sorted(self.pages, key=lambda n: (n != "index.md", n))]

    @property
    def lessons(self) -> list[Page]:
        return [p for p in self.ordered_pages if p.kind == "lesson"]

    @property
    def home(self) -> Page | None:
        return self.pages.get("index.md")

    def page_of_kind(self, kind: str) -> Page | None:
        return next((p for p in self.ordered_pages if p.kind == kind), None)

    def t(self, key: str) -> str:
        """A UI string; a missing key is a check error, so this only falls back for safety."""
        return self.ui.get(key, key)


@dataclass
class Course:
    config: CourseConfig
    languages: dict[str, Language]
    problems: list[Problem] = field(default_factory=list)
    quiz: Any = None
    # Files that could not be read at all (encoding, YAML syntax): `course check` reports only
    # these until they are fixed, since every other check would cascade from them.
    unreadable_files: list[str] = field(default_factory=list)

    @property
    def root(self) -> Path:
        return self.config.root

    @property
    def source(self) -> Language:
        return self.languages[self.config.source_language]

    @property
    def translations(self) -> list[Language]:
        return [lang for code, lang in self.languages.items() if code != self.config.source_language]

    def require_quiz(self):
        """The quiz bank, for commands that need one."""
        if self.quiz is None:
            raise CourseError.at("quiz/bank.yml", 0, "no quiz bank: quiz/bank.yml is missing",
                                 "write it as described in quiz/README.md")
        return self.quiz

    def show(self, path: Path | str) -> str:
        return display_path(path, self.root)

    def aligned_sections(self):
        """Every translated section with its English counterpart:
        (language, page, section, English page, English section)."""
        for language in self.translations:
            for name, page in language.pages.items():
                source = self.source.pages.get(name)
                if source is None:
                    continue
                for section in page.sections:
                    source_section = source.section(section.id)
                    if source_section is not None:
                        yield language, page, section, source, source_section


# The unreadable files of the course being loaded (load_course sets it).
UNREADABLE: ContextVar[list[str]] = ContextVar("unreadable_files", default=[])


def flatten(data: Any, prefix: str = "") -> dict[str, Any]:
    """{"quiz": {"check": "Check"}} -> {"quiz.check": "Check"}."""
    if not isinstance(data, dict):
        return {prefix: data} if prefix else {}
    out: dict[str, Any] = {}
    for key, value in data.items():
        name = f"{prefix}.{key}" if prefix else str(key)
        out.update(flatten(value, name) if isinstance(value, dict) else {name: value})
    return out


def _load_page(path: Path, lang: str, shown: str, problems: list[Problem], source_folder: Path) -> Page | None:
    try:
        parsed, found = read_source(path, shown)
    except CourseError as exc:
        problems.extend(exc.problems)
        UNREADABLE.get().append(shown)
        return None
    problems.extend(found)
    return Page(lang, path.name, shown, parsed.meta, parsed.meta_lines, parsed.intro, parsed.intro_line,
                parsed.sections, tuple(dict.fromkeys((path.parent, source_folder))))


def _load_yaml_into(path: Path, shown: str, problems: list[Problem]) -> tuple[dict, LineMap]:
    if not path.is_file():
        return {}, LineMap()
    try:
        data, lines = load_yaml_file(path, shown)
    except CourseError as exc:
        problems.extend(exc.problems)
        UNREADABLE.get().append(shown)
        return {}, LineMap()
    if data is None:
        return {}, lines
    if not isinstance(data, dict):
        problems.append(Problem(shown, 1, "expected a mapping of keys to text", "write 'key: text' lines"))
        return {}, lines
    return data, lines


def _load_language(config: CourseConfig, code: str, name: str, problems: list[Problem]) -> Language:
    language = Language(code, name)
    folder = config.content_dir / code
    for path in sorted(folder.glob("*.md")) if folder.is_dir() else []:
        page = _load_page(path, code, display_path(path, config.root), problems,
                          config.content_dir / config.source_language)
        if page is None:
            language.unreadable.add(path.name)
        else:
            language.pages[page.name] = page
    ui_path = config.translations_dir / f"{code}.yml"
    language.ui_path = display_path(ui_path, config.root)
    raw_ui, language.ui_lines = _load_yaml_into(ui_path, language.ui_path, problems)
    language.ui = {k: str(v) for k, v in flatten(raw_ui).items()}
    glossary_path = config.translations_dir / "glossary" / f"{code}.yml"
    language.glossary_path = display_path(glossary_path, config.root)
    language.glossary, language.glossary_lines = _load_yaml_into(glossary_path, language.glossary_path, problems)
    return language


def load_course(root: Path | str = ".", config: CourseConfig | None = None) -> Course:
    """Read every input into one model. Problems found while reading are kept in ``course.problems``."""
    config = config or load_config(root)
    problems: list[Problem] = []
    unreadable: list[str] = []
    token = UNREADABLE.set(unreadable)
    try:
        languages = {lang.code: _load_language(config, lang.code, lang.name, problems) for lang in config.languages}
    finally:
        UNREADABLE.reset(token)
    course = Course(config, languages, problems, unreadable_files=unreadable)
    from .quiz_hook import attach_quiz
    attach_quiz(course)
    return course
