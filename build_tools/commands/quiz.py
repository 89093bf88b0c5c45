"""`course quiz preview`, `export` and `stats`: the question bank for proofreading, for an LMS, and its item analysis."""
from __future__ import annotations

import argparse

from ..errors import CourseError
from ..progress import add_loudness, log


def cmd_preview(args: argparse.Namespace) -> int:
    from ..model import load_course
    from ..quiz.preview import preview_text

    course = load_course(args.root)
    course.require_quiz()
    for problem in course.problems:
        if problem.path.startswith("quiz/"):       # what could not be read is not shown: say so first
            log.warning(problem.format())
    lang = args.lang or course.config.source_language
    course.config.require_language(lang)
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
    course.config.require_language(args.lang)
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


def cmd_stats(args: argparse.Namespace) -> int:
    """Item analysis of the attempts from a statements file, an LRS or the collected attempts."""
    from pathlib import Path

    from ..model import load_course
    from ..stats import sources
    from ..stats.bank import banks_of
    from ..stats.html import as_html
    from ..stats.render import as_csv, as_json, as_table
    from ..stats.report import analyse, select

    if not (args.statements or args.lrs or args.db):
        raise CourseError.at("", 0, "no attempts to read",
                             "give --statements FILE (xAPI JSON Lines), --lrs URL or --db (attempts the site collected)")
    course = load_course(args.root)
    course.require_quiz()
    course.config.require_language(args.lang)
    since = sources.parse_moment(args.since, "--since") if args.since else None
    until = sources.parse_moment(args.until, "--until", end=True) if args.until else None
    banks = banks_of(course)
    activities = sources.course_activities(course, banks)
    attempts = []
    for path in args.statements or []:
        attempts += sources.attempts_from_file(Path(path), activities)
    if args.lrs:
        attempts += sources.attempts_from_lrs(args.lrs, activities, [args.lang] if args.lang else list(banks), since, until)
    if args.db:
        attempts += sources.attempts_from_database(course, args.db)
    report = analyse(select(attempts, args.lang, since, until), banks, args.min_attempts)
    render = {"table": as_table, "csv": as_csv, "json": as_json, "html": as_html}[args.format]
    text = render(report)
    if args.output and args.output != "-":
        Path(args.output).parent.mkdir(parents=True, exist_ok=True)
        Path(args.output).write_text(text, encoding="utf-8")
        log.info(f"{len(attempts)} attempts -> {args.output}")
    else:
        print(text, end="")
    return 0


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("quiz", help="the quiz bank: preview it for proofreading",
                       description="Tools for the question banks in quiz/ (format: quiz/README.md).")
    actions = p.add_subparsers(dest="quiz_command", metavar="ACTION", required=True)
    preview = actions.add_parser("preview", help="print the bank as a trainer reads it, answers marked",
                                 description="Print every question of quiz/bank.yml by lesson, in one language, with the "
                                             "right answers marked, the feedback and the explanation, for proofreading.")
    preview.add_argument("--lang", help="language to show (default: English, the source)")
    add_loudness(preview)
    preview.set_defaults(func=cmd_preview)
    export = actions.add_parser("export", help="write the bank for an LMS question bank (GIFT or Moodle XML)",
                                description="Write quiz/bank.yml in one language (or each) as GIFT or Moodle XML, "
                                            "one category per lesson, to dist/<lang>/ (or -o FILE, '-' for the "
                                            "terminal). What a format cannot hold is downgraded as quiz/README.md "
                                            "documents, and listed with -v.")
    export.add_argument("--format", required=True, choices=("gift", "moodle-xml"), help="gift or moodle-xml")
    export.add_argument("--lang", help="one language (default: every course language)")
    export.add_argument("-o", "--output", help="file to write ('-': standard output); needs --lang")
    add_loudness(export)
    export.set_defaults(func=cmd_export)
    stats = actions.add_parser("stats", help="item analysis of learners' attempts (facility, discrimination, alpha)",
                               description="Moodle's quiz statistics for the attempts in an xAPI statements file, an LRS "
                                           "or the site's collected attempts, per language and bank version, with flags "
                                           "for questions to revise. Formulas: build_tools/stats/README.md.")
    stats.add_argument("--statements", action="append", metavar="FILE",
                       help="JSON Lines of xAPI statements exported from an LRS (repeatable)")
    stats.add_argument("--lrs", metavar="URL", help="xAPI endpoint to read 'answered' statements from; credentials "
                                                    "from COURSE_LRS_USER and COURSE_LRS_PASSWORD")
    stats.add_argument("--db", metavar="URL", help="attempts collected by `course serve` (SQLite path or postgresql://…)")
    stats.add_argument("--lang", help="one language (default: every language)")
    stats.add_argument("--since", metavar="DATE", help="attempts from this date or time on (UTC unless an offset is given)")
    stats.add_argument("--until", metavar="DATE", help="attempts before this time (a bare date includes that day)")
    stats.add_argument("--format", choices=("table", "csv", "json", "html"), default="table", help="output (default: table)")
    stats.add_argument("--min-attempts", type=int, default=30, metavar="N",
                       help="below N attempts the figures carry a warning (default: 30)")
    stats.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of the terminal")
    stats.set_defaults(func=cmd_stats)
