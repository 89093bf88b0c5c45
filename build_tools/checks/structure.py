"""Front matter and the parity of pages and sections between English and each translation."""
from __future__ import annotations

from ..errors import Problem
from ..model import Course, Language, Page
from .staleness import as_stale
from .front_matter import check_front_matter  # noqa: F401  (re-exported: checks/__init__.py imports it from here)


def _missing_section_line(page: Page, english: Page, section_id: str) -> int:
    """Where a missing section belongs: after the translated section that precedes it in English."""
    ids = [s.id for s in english.sections]
    for previous in reversed(ids[: ids.index(section_id)]):
        found = page.section(previous)
        if found:
            return found.line
    return page.intro_line


def _page_parity(english: Page, page: Page, code: str, course: Course) -> list[Problem]:
    identity = []
    if page.kind != english.kind or page.id != english.id:
        identity.append(Problem(page.path, page.meta_lines.line("id") if "id" in page.meta else 1,
                                f"{code}: kind/id '{page.kind}/{page.id}' differs from the English source '{english.kind}/{english.id}' ({english.path})",
                                "keep 'kind' and 'id' identical in every language; translate only the text"))
    problems: list[Problem] = []
    english_ids = [s.id for s in english.sections]
    translated_ids = [s.id for s in page.sections]
    for section in english.sections:
        if section.id not in translated_ids:
            problems.append(Problem(page.path, _missing_section_line(page, english, section.id),
                                    f"{code}: section '{section.id}' missing; English source: {english.path}:{section.line}",
                                    f"translate it as '## <title> {{#{section.id}}}' in the same place"))
    for section in page.sections:
        if section.id and section.id not in english_ids:
            problems.append(Problem(page.path, section.line, f"{code}: section '{section.id}' is not in the English source {english.path}",
                                    "use the English section ids, or add the section to the English lesson first"))
    common = [i for i in translated_ids if i in english_ids]
    if common != [i for i in english_ids if i in translated_ids]:
        problems.append(Problem(page.path, page.intro_line, f"{code}: sections are in a different order than in {english.path}",
                                f"order them as in English: {', '.join(english_ids)}"))
    # An English edit (a section added, renamed or moved) only makes the translation stale.
    return identity + [as_stale(course, page, p) for p in problems]


def _language_parity(course: Course, language: Language) -> list[Problem]:
    english = course.source
    problems = []
    for name, source_page in english.pages.items():
        page = language.pages.get(name)
        missing_path = f"content/{language.code}/{name}"
        if page is None and name in language.unreadable:
            continue
        if page is None:
            problems.append(Problem(missing_path, 1,
                                    f"{language.code}: {missing_path} missing; English source: {source_page.path}",
                                    "translate the English page into this file (run 'course i18n' to see what lags behind)"))
            continue
        problems.extend(_page_parity(source_page, page, language.code, course))
    for name, page in language.pages.items():
        if name not in english.pages:
            problems.append(Problem(page.path, 1, f"{language.code}: {page.path} has no English source content/{english.code}/{name}",
                                    "rename it to match an English file, or add the English page first"))
    return problems


def check_parity(course: Course) -> list[Problem]:
    problems = []
    if not course.source.pages:
        problems.append(Problem(f"content/{course.source.code}", 0, "no English lessons found",
                                "add Markdown files to content/en/ (see content/README.md)"))
    for language in course.translations:
        problems.extend(_language_parity(course, language))
    return problems
