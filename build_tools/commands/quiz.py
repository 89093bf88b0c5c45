"""`course quiz preview`: the question bank for proofreading."""
from __future__ import annotations

import argparse

from ..errors import CourseError
from ..progress import log


def cmd_preview(args: argparse.Namespace) -> int:
    from ..model import load_course
    from ..quiz.preview import preview_text

    course = load_course(args.root)
    if course.quiz is None:
        raise CourseError.at("quiz/bank.yml", 0, "no quiz bank: quiz/bank.yml is missing",
                             "write it as described in quiz/README.md")
    for problem in course.problems:
        if problem.path.startswith("quiz/"):       # what could not be read is not shown: say so first
            log.warning(problem.format())
    lang = args.lang or course.config.source_language
    if lang not in course.languages:
        raise CourseError.at("mkdocs.yml", 0, f"'{lang}' is not a course language",
                             f"use one of: {', '.join(course.languages)}")
    print(preview_text(course, lang))
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("quiz", help="the quiz bank: preview it for proofreading",
                       description="Tools for the question banks in quiz/ (format: quiz/README.md).")
    actions = p.add_subparsers(dest="quiz_command", metavar="ACTION", required=True)
    preview = actions.add_parser("preview", help="print the bank as a trainer reads it, answers marked",
                                 description="Print every question of quiz/bank.yml by lesson, in one language, with the "
                                             "right answers marked, the feedback and the explanation, for proofreading.")
    preview.add_argument("--lang", help="language to show (default: English, the source)")
    preview.add_argument("-q", "--quiet", action="store_true", default=argparse.SUPPRESS, help="print errors only")
    preview.add_argument("-v", "--verbose", action="store_true", default=argparse.SUPPRESS, help="print details of every step")
    preview.set_defaults(func=cmd_preview)
