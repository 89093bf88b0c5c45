"""`course i18n` (translation status, marking) and `course new-lesson`."""
from __future__ import annotations

import argparse

from ..checks.translation_status import STALE, UP_TO_DATE, translation_status
from ..errors import CourseError
from ..model import load_course
from ..progress import log
from ..translation_files import mark_translated, scaffold_lesson


def _print_changes(course, code: str, names: list[str]) -> int:
    from ..source_history import in_git_repository, source_changes

    language = course.languages[code]
    names = names or [s.name for s in translation_status(course) if s.lang == code and s.status == STALE]
    if not names:
        print(f"{code}: no stale translations — every marked page of content/{code}/ translates the current English text")
        return 0
    has_git = in_git_repository(course.root)
    for name in names:
        page, source = language.pages.get(name), course.source.pages.get(name)
        if page is None or source is None:
            raise CourseError.at(f"content/{code}/{name}", 0, "no such translated page", "give a file name such as 03-example-strategies.md")
        digest = str(page.meta.get("translates", ""))
        if digest == source.source_digest():
            print(f"{page.path}: up to date — nothing changed in {source.path} since it was translated")
            continue
        changes = source_changes(course.root, source, digest) if has_git else None
        if changes is not None:
            print(changes)
        elif not has_git:
            print(f"{page.path}: cannot show what changed: {course.root} has no git history — "
                  f"'--changes' finds the translated English version in git; compare with {source.path} by hand")
        else:
            print(f"{page.path}: the English version it translates is not in git history (was it committed?); "
                  f"compare with {source.path} by hand")
    return 0


def cmd_i18n(args: argparse.Namespace) -> int:
    course = load_course(args.root)
    if args.changes:
        code, *names = args.changes
        if code not in course.languages or code == course.config.source_language:
            raise CourseError.at("mkdocs.yml", 0, f"'{code}' is not a translation language",
                                 f"use one of: {', '.join(l.code for l in course.translations)}")
        return _print_changes(course, code, names)
    if args.mark:
        code, *names = args.mark
        if code not in course.languages or code == course.config.source_language:
            raise CourseError.at("mkdocs.yml", 0, f"'{code}' is not a translation language",
                                 f"use one of: {', '.join(l.code for l in course.translations)}")
        language = course.languages[code]
        for name in names or list(language.pages):
            page = language.pages.get(name)
            if page is None or name not in course.source.pages:
                raise CourseError.at(f"content/{code}/{name}", 0, "no such translated page", "give a file name such as 01-omnichannel-basics.md")
            if mark_translated(course, page):
                log.info(f"marked {page.path} as translating {course.source.pages[name].path}")
        return 0
    lagging = 0
    for item in translation_status(course):
        if args.all or item.status != UP_TO_DATE:
            print(f"{item.lang}  {item.status:<11} {item.path}  (source: {item.source_path})")
        lagging += item.status != UP_TO_DATE
    summary = f"{lagging} translated page(s) lag behind the English source" if lagging else "all translations are up to date"
    print(summary)
    return 1 if lagging else 0      # CI can fail on lagging translations


def cmd_new_lesson(args: argparse.Namespace) -> int:
    course = load_course(args.root)
    for path in scaffold_lesson(course, args.slug, args.title):
        print(course.show(path))
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("i18n", help="which translations are up to date, stale or missing",
                       description="List translated pages that lag behind English (exit 1 if any does). After "
                                   "updating a translation, record it with --mark LANG [FILE ...].")
    p.add_argument("--all", action="store_true", help="list up-to-date pages too")
    p.add_argument("--mark", nargs="+", metavar=("LANG", "FILE"),
                   help="record that LANG's FILE(s) (default: all its pages) now translate the current English text")
    p.add_argument("--changes", nargs="+", metavar=("LANG", "FILE"),
                   help="show what changed in English since LANG's FILE(s) (default: its stale pages) were translated")
    p.set_defaults(func=cmd_i18n)
    p = sub.add_parser("new-lesson", help="scaffold a lesson in every language",
                       description="Create content/<lang>/NN-SLUG.md for every language with front matter and one "
                                   "example section; translations are marked as not yet translated.")
    p.add_argument("slug", help="lesson id and file name part, e.g. loyalty-programmes")
    p.add_argument("--title", required=True, help="the English title")
    p.set_defaults(func=cmd_new_lesson)
