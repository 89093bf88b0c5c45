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


EXPORT_SUFFIX = {"gift": "bank.gift.txt", "moodle-xml": "bank.moodle.xml"}


def cmd_export(args: argparse.Namespace) -> int:
    """Write the bank in the chosen LMS question format, one file per language."""
    from pathlib import Path

    from ..model import load_course
    from ..quiz.gift import bank_to_gift
    from ..quiz.moodle_xml import bank_to_moodle_xml

    from ..pipeline import ensure_valid

    course = load_course(args.root)
    ensure_valid(course)          # a bank with errors is never exported: the same errors as `course check`
    if args.lang and args.lang not in course.languages:
        raise CourseError.at("mkdocs.yml", 0, f"'{args.lang}' is not a course language",
                             f"use one of: {', '.join(course.languages)}")
    langs = [args.lang] if args.lang else list(course.languages)
    if args.output and args.output != "-" and len(langs) > 1:
        raise CourseError.at("", 0, "-o names one file, but every language would be exported",
                             "add --lang L, or leave -o out to write dist/<lang>/")
    convert = bank_to_gift if args.format == "gift" else bank_to_moodle_xml
    for lang in langs:
        text, downgrades = convert(course, lang)
        for downgrade in downgrades:
            log.info(f"{lang}: {downgrade.question_id}: {downgrade.what}")
        if args.output == "-":
            print(text)
            continue
        target = Path(args.output) if args.output else (
            Path(args.root) / "dist" / lang / f"omnichannel-{lang}-{EXPORT_SUFFIX[args.format]}")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
        questions = text.count("::") // 2 if args.format == "gift" else text.count("<idnumber>")
        log.info(f"{lang}: {questions} questions, {len(downgrades)} downgrade(s) -> {target}")
        print(target)
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
    export = actions.add_parser("export", help="write the bank for an LMS question bank (GIFT or Moodle XML)",
                                description="Write quiz/bank.yml in one language (or each) as GIFT or Moodle XML, "
                                            "one category per lesson, to dist/<lang>/ (or -o FILE, '-' for the "
                                            "terminal). What a format cannot hold is downgraded as quiz/README.md "
                                            "documents, and listed with -v.")
    export.add_argument("--format", required=True, choices=("gift", "moodle-xml"), help="gift or moodle-xml")
    export.add_argument("--lang", help="one language (default: every course language)")
    export.add_argument("-o", "--output", help="file to write ('-': standard output); needs --lang")
    export.add_argument("-q", "--quiet", action="store_true", default=argparse.SUPPRESS, help="print errors only")
    export.add_argument("-v", "--verbose", action="store_true", default=argparse.SUPPRESS, help="print details of every step")
    export.set_defaults(func=cmd_export)
